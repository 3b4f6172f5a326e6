//! `arraylib-kernel`: a Jupyter kernel that runs Rust cells against `arraylib`.
//!
//! ```text
//! arraylib-kernel --connection-file FILE [--engine rustc|evcxr]
//!                                             run the kernel (also: -f FILE)
//! arraylib-kernel install [--user | --sys-prefix | --prefix DIR] [--name NAME]
//!                         [--display-name NAME] [--no-prebuild] [--engine evcxr]
//! arraylib-kernel uninstall [--user | --sys-prefix | --prefix DIR] [--name NAME]
//! ```

/// Writes one line to stderr, prefixed with the program name.
macro_rules! log {
    ($($arg:tt)*) => {
        eprintln!("[arraylib-kernel] {}", format_args!($($arg)*))
    };
}
pub(crate) use log;

mod channels;
mod engine;
#[cfg(test)]
mod fuzz_tests;
mod kernelspec;
mod server;
mod wire;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: arraylib-kernel --connection-file FILE [--engine rustc|evcxr]
                                                run the kernel (Jupyter starts it this way)
       arraylib-kernel install [--user | --sys-prefix | --prefix DIR] [--name NAME]
                               [--display-name NAME] [--no-prebuild] [--engine evcxr]
       arraylib-kernel uninstall [--user | --sys-prefix | --prefix DIR] [--name NAME]
       arraylib-kernel --version | --help

install registers the kernelspec `rust-arraylib` (default: --user) and prebuilds the engine;
with --engine evcxr it registers `arraylib-evcxr`, which runs cells with evcxr (a binary
built with `--features evcxr`).";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    Run(PathBuf, engine::EngineKind),
    Install(kernelspec::Options),
    Uninstall(kernelspec::Options),
    Help,
    Version,
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    if !matches!(
        args.first().map(String::as_str),
        Some("install" | "uninstall")
    ) {
        let (rest, kind) = take_engine_flag(args)?;
        return match parse_run_args(&rest)? {
            Command::Run(file, _) => Ok(Command::Run(file, kind)),
            other => Ok(other),
        };
    }
    parse_run_args(args)
}

/// Removes `--engine NAME` (or `--engine=NAME`) from the arguments of a kernel run.
fn take_engine_flag(args: &[String]) -> Result<(Vec<String>, engine::EngineKind), String> {
    let mut rest = Vec::new();
    let mut kind = engine::EngineKind::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--engine" {
            let name = it.next().ok_or("--engine needs a value")?;
            kind = engine::EngineKind::parse(name)?;
        } else if let Some(name) = arg.strip_prefix("--engine=") {
            kind = engine::EngineKind::parse(name)?;
        } else {
            rest.push(arg.clone());
        }
    }
    Ok((rest, kind))
}

fn parse_run_args(args: &[String]) -> Result<Command, String> {
    match args.first().map(String::as_str) {
        None => Err("no connection file given".into()),
        Some("install") => kernelspec::parse_options(&args[1..]).map(Command::Install),
        Some("uninstall") => kernelspec::parse_options(&args[1..]).map(Command::Uninstall),
        Some("-h" | "--help" | "help") => Ok(Command::Help),
        Some("-V" | "--version") => Ok(Command::Version),
        Some("-f" | "--connection-file") if args.len() == 2 => {
            Ok(Command::Run(args[1].clone().into(), Default::default()))
        }
        Some(arg) => {
            let file = arg
                .strip_prefix("--connection-file=")
                .or_else(|| arg.strip_prefix("-f="));
            match file {
                Some(file) if args.len() == 1 => Ok(Command::Run(file.into(), Default::default())),
                _ => Err(format!("unexpected arguments {args:?}")),
            }
        }
    }
}

/// The engine that runs cells. It warms up in the background, so this returns at once.
fn new_engine(kind: engine::EngineKind) -> Result<Box<dyn engine::Engine>, String> {
    match kind {
        engine::EngineKind::Rustc => Ok(Box::new(engine::rustc::RustcEngine::new())),
        engine::EngineKind::Evcxr => engine::evcxr::new_engine(),
    }
}

fn run(connection_file: &std::path::Path, kind: engine::EngineKind) -> Result<(), String> {
    kernelspec::apply_recorded_path();
    let info = wire::ConnectionInfo::from_file(connection_file)?;
    channels::serve(&info, new_engine(kind)?)
}

fn main() -> ExitCode {
    // evcxr runs its runtime process (and its rustc wrapper) as this same binary: in those
    // roles nothing else of the kernel may run, so this comes first.
    #[cfg(feature = "evcxr")]
    evcxr::runtime_hook();
    engine::rustc::child_main_if_requested();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse_args(&args) {
        Ok(command) => command,
        Err(e) => {
            eprintln!("arraylib-kernel: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
        Command::Version => {
            println!("arraylib-kernel {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Command::Install(options) => kernelspec::install(&options)
            .map(|dir| println!("Installed kernelspec {} in {}", options.name, dir.display())),
        Command::Uninstall(options) => kernelspec::uninstall(&options)
            .map(|dir| println!("Removed kernelspec {}", dir.display())),
        Command::Run(file, kind) => run(&file, kind),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            log!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        parse_args(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn parses_the_command_line() {
        let run = |file: &str| Command::Run(file.into(), engine::EngineKind::Rustc);
        assert_eq!(parse(&["-f", "k.json"]), Ok(run("k.json")));
        assert_eq!(parse(&["--connection-file", "k.json"]), Ok(run("k.json")));
        assert_eq!(parse(&["--connection-file=k.json"]), Ok(run("k.json")));
        assert_eq!(
            parse(&["--engine", "evcxr", "-f", "k.json"]),
            Ok(Command::Run("k.json".into(), engine::EngineKind::Evcxr))
        );
        assert_eq!(
            parse(&["-f", "k.json", "--engine=rustc"]),
            Ok(run("k.json"))
        );
        assert!(parse(&["-f", "k.json", "--engine", "python"]).is_err());
        assert!(parse(&["-f", "k.json", "--engine"]).is_err());
        assert!(matches!(
            parse(&["install", "--user"]),
            Ok(Command::Install(_))
        ));
        assert!(matches!(parse(&["uninstall"]), Ok(Command::Uninstall(_))));
        assert_eq!(parse(&["--help"]), Ok(Command::Help));
        assert!(parse(&[]).is_err());
        assert!(parse(&["-f"]).is_err());
        assert!(parse(&["-f", "a", "b"]).is_err());
    }
}
