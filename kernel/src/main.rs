//! `arraylib-kernel`: a Jupyter kernel that runs Rust cells against `arraylib`.
//!
//! ```text
//! arraylib-kernel --connection-file FILE      run the kernel (also: -f FILE)
//! arraylib-kernel install [--user | --sys-prefix | --prefix DIR] [--name NAME]
//!                         [--display-name NAME] [--no-prebuild]
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
usage: arraylib-kernel --connection-file FILE   run the kernel (Jupyter starts it this way)
       arraylib-kernel install [--user | --sys-prefix | --prefix DIR] [--name NAME]
                               [--display-name NAME] [--no-prebuild]
       arraylib-kernel uninstall [--user | --sys-prefix | --prefix DIR] [--name NAME]
       arraylib-kernel --version | --help

install registers the kernelspec `rust-arraylib` (default: --user) and prebuilds the engine.";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    Run(PathBuf),
    Install(kernelspec::Options),
    Uninstall(kernelspec::Options),
    Help,
    Version,
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    match args.first().map(String::as_str) {
        None => Err("no connection file given".into()),
        Some("install") => kernelspec::parse_options(&args[1..]).map(Command::Install),
        Some("uninstall") => kernelspec::parse_options(&args[1..]).map(Command::Uninstall),
        Some("-h" | "--help" | "help") => Ok(Command::Help),
        Some("-V" | "--version") => Ok(Command::Version),
        Some("-f" | "--connection-file") if args.len() == 2 => {
            Ok(Command::Run(args[1].clone().into()))
        }
        Some(arg) => {
            let file = arg
                .strip_prefix("--connection-file=")
                .or_else(|| arg.strip_prefix("-f="));
            match file {
                Some(file) if args.len() == 1 => Ok(Command::Run(file.into())),
                _ => Err(format!("unexpected arguments {args:?}")),
            }
        }
    }
}

/// The engine that runs cells. It warms up in the background, so this returns at once.
fn new_engine() -> Box<dyn engine::Engine> {
    Box::new(engine::rustc::RustcEngine::new())
}

fn run(connection_file: &std::path::Path) -> Result<(), String> {
    kernelspec::apply_recorded_path();
    let info = wire::ConnectionInfo::from_file(connection_file)?;
    channels::serve(&info, new_engine())
}

fn main() -> ExitCode {
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
        Command::Run(file) => run(&file),
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
        assert_eq!(parse(&["-f", "k.json"]), Ok(Command::Run("k.json".into())));
        assert_eq!(
            parse(&["--connection-file", "k.json"]),
            Ok(Command::Run("k.json".into()))
        );
        assert_eq!(
            parse(&["--connection-file=k.json"]),
            Ok(Command::Run("k.json".into()))
        );
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
