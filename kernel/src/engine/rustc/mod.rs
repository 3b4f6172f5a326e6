//! The default cell engine: each cell is compiled with one direct `rustc` call into a shared
//! object linked against a prebuilt `arraylib` dylib, and loaded into a long-lived child process
//! that keeps the variables (so a crash in user code never takes the kernel down).
//!
//! * Items (`fn`, `struct`, `impl`, ...) go into a user-items dylib (same crate name and
//!   `-C metadata` on every rebuild, so type ids stay stable), rebuilt when a cell changes them.
//! * `let` bindings persist with their types, which rustc names in warnings of the build
//!   ([`type_probe`]).
//! * The cell's code runs inside `catch_unwind` with the earlier variables it uses borrowed or
//!   moved into a closure: on a panic or an interrupt, every variable the cell did not move
//!   away is put back.
//!
//! Public entry points for `main.rs`: [`RustcEngine::new`], [`child_main_if_requested`],
//! [`prebuild`], [`kernelspec_env`].

pub mod broadcast_picture;
pub mod cell_host;
pub mod cell_syntax;
pub mod child;
pub mod codegen;
pub mod completion;
pub mod deps;
pub mod diagnostics;
pub mod output;
pub mod prebuild;
pub mod toolchain;
pub mod type_probe;
pub mod whos;

pub use cell_host::child_main_if_requested;

use super::{
    Completeness, Completions, DisplayData, Engine, ErrorInfo, ExecuteOutcome, InputReply,
    Interrupter, LanguageInfo, MimeBundle, OutputSink, StreamName,
};
use cell_syntax::{CellParts, ItemKind};
use child::{ChildHost, Event};
use codegen::{CellSpec, Generated, Origin, StoredItem};
use completion::{ApiIndex, SessionNames};
use output::{OutEvent, StreamParser};
use prebuild::Runtime;
use serde_json::Value;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};
use toolchain::Toolchain;

/// Builds the `arraylib` and cell-runtime dylibs (for the `install` subcommand) and records
/// the workspace location next to the binary so an installed kernel finds the sources.
pub fn prebuild() -> Result<(), String> {
    let tc = Toolchain::detect()?;
    let ws = toolchain::workspace_dir();
    prebuild::ensure_runtime(&tc, &ws, true)?;
    if let Some(file) = toolchain::workspace_file() {
        // Best effort: the binary's directory may be read-only; the kernelspec env has it too.
        let _ = std::fs::write(file, format!("{}\n", ws.display()));
    }
    Ok(())
}

/// Environment variables the kernelspec should record so the kernel finds its toolchain and
/// sources even when started without them on `PATH`.
pub fn kernelspec_env() -> Vec<(String, String)> {
    let mut env = Vec::new();
    if let Some(r) = toolchain::find_tool("rustc", toolchain::RUSTC_ENV) {
        env.push((toolchain::RUSTC_ENV.to_string(), r.display().to_string()));
    }
    if let Some(c) = toolchain::find_tool("cargo", toolchain::CARGO_ENV) {
        env.push((toolchain::CARGO_ENV.to_string(), c.display().to_string()));
    }
    env.push((
        toolchain::WORKSPACE_ENV.to_string(),
        toolchain::workspace_dir().display().to_string(),
    ));
    env
}

/// Everything the warm-up thread prepares.
struct Ready {
    tc: Toolchain,
    rt: Runtime,
    api: ApiIndex,
    /// The session's support library (see [`codegen::support_source`]).
    support: PathBuf,
    /// The support library of plain cells; `None` when it did not build, and then every
    /// cell links arraylib.
    plain_support: Option<PathBuf>,
    child: Option<ChildHost>,
    /// rustc arguments that link cells with a linker called directly (see
    /// [`toolchain::direct_linker_args`]); empty when none worked here.
    link_args: Vec<String>,
}

type ReadySlot = Arc<(Mutex<Option<Result<Ready, String>>>, Condvar)>;

/// Interrupt state shared with the control thread.
#[derive(Default)]
struct InterruptState {
    /// Pid of the cell host while a cell runs, else 0.
    running_pid: AtomicI32,
    /// When the user asked to interrupt.
    requested: Mutex<Option<Instant>>,
}

struct EngineInterrupter(Arc<InterruptState>);

impl Interrupter for EngineInterrupter {
    fn interrupt(&self) {
        *self.0.requested.lock().unwrap() = Some(Instant::now());
        let pid = self.0.running_pid.load(Ordering::SeqCst);
        if pid > 0 {
            // SAFETY: sending a signal to our own child.
            unsafe {
                libc::kill(pid, libc::SIGINT);
            }
        }
    }
}

/// A variable of the session.
#[derive(Clone, Debug)]
struct Var {
    name: String,
    ty: String,
    /// `std::any::type_name` of the stored value (full paths, to find imports).
    type_name: String,
}

/// The Rust cell engine.
pub struct RustcEngine {
    slot: ReadySlot,
    ready: Option<Ready>,
    setup_error: Option<String>,
    interrupt: Arc<InterruptState>,
    build_dir: PathBuf,
    vars: Vec<Var>,
    items: Vec<StoredItem>,
    items_lib: Option<PathBuf>,
    items_version: usize,
    deps: Vec<deps::Dep>,
    deps_lib: Option<deps::DepsLib>,
    auto_imports: Vec<String>,
    counter: usize,
    opt_level: u8,
    timing: bool,
    rustc_version: Arc<Mutex<String>>,
}

/// Removes build directories left by kernels that were killed (their pid is gone).
fn remove_stale_build_dirs(base: &Path) {
    let Ok(rd) = std::fs::read_dir(base) else {
        return;
    };
    for e in rd.flatten() {
        let name = e.file_name();
        let Some(rest) = name
            .to_str()
            .and_then(|n| n.strip_prefix("arraylib-kernel-"))
        else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<i32>().ok()) else {
            continue;
        };
        let mine = {
            use std::os::unix::fs::MetadataExt;
            // SAFETY: getuid has no preconditions.
            e.metadata()
                .is_ok_and(|m| m.uid() == unsafe { libc::getuid() })
        };
        // SAFETY: signal 0 only checks whether the process exists.
        let gone = unsafe { libc::kill(pid, 0) } != 0
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH);
        if mine && gone && pid != std::process::id() as i32 {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

fn make_build_dir() -> PathBuf {
    use std::os::unix::fs::DirBuilderExt;
    let base = std::env::temp_dir();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    for attempt in 0..100u32 {
        let dir = base.join(format!(
            "arraylib-kernel-{}-{:x}{}",
            std::process::id(),
            nanos,
            attempt
        ));
        if std::fs::DirBuilder::new().mode(0o700).create(&dir).is_ok() {
            let _ = std::fs::DirBuilder::new()
                .mode(0o700)
                .create(dir.join("items"));
            return dir;
        }
    }
    base.join(format!("arraylib-kernel-{}", std::process::id()))
}

fn library_path(ready_tc: &Toolchain, rt: &Runtime, build_dir: &Path) -> String {
    let mut parts = vec![
        ready_tc.sysroot_lib.display().to_string(),
        rt.lib_dir.display().to_string(),
        build_dir.join("items").display().to_string(),
        support_dir(build_dir).display().to_string(),
    ];
    if let Some(old) = std::env::var_os("LD_LIBRARY_PATH") {
        parts.push(old.to_string_lossy().into_owned());
    }
    parts.join(":")
}

/// Environment variable naming the executable to start as cell host (default: this binary).
pub const HOST_EXE_ENV: &str = "ARRAYLIB_KERNEL_HOST_EXE";

fn spawn_child(tc: &Toolchain, rt: &Runtime, build_dir: &Path) -> Result<ChildHost, String> {
    let exe = match std::env::var_os(HOST_EXE_ENV) {
        Some(p) => PathBuf::from(p),
        None => {
            std::env::current_exe().map_err(|e| format!("cannot find the kernel binary: {e}"))?
        }
    };
    let support = support_dir(build_dir).join(SUPPORT_FILE);
    ChildHost::spawn(
        &exe,
        &library_path(tc, rt, build_dir),
        &rt.runtime,
        &support,
    )
    .map_err(|e| format!("cannot start the cell host: {e}"))
}

fn warm_up(build_dir: PathBuf, version: Arc<Mutex<String>>) -> Result<Ready, String> {
    remove_stale_build_dirs(&std::env::temp_dir());
    let tc = Toolchain::detect()?;
    *version.lock().unwrap() = tc.release.clone();
    let ws = toolchain::workspace_dir();
    let rt = prebuild::ensure_runtime(&tc, &ws, false)?;
    let api = ApiIndex::scan(&ws.join("arraylib").join("src"));
    let rich_display = api
        .entries
        .iter()
        .any(|e| e.name == "RichDisplay" && e.kind == "trait" && e.module == "display");
    let describer = api
        .entries
        .iter()
        .any(|e| e.name == "describe_value" && e.kind == "fn" && e.module == "whos");
    let support_dir = support_dir(&build_dir);
    let _ = std::fs::create_dir_all(&support_dir);
    let support_src = support_dir.join("support.rs");
    std::fs::write(
        &support_src,
        codegen::support_source(true, rich_display, describer),
    )
    .map_err(|e| format!("cannot write {}: {e}", support_src.display()))?;
    let mut ready = Ready {
        tc,
        rt,
        api,
        support: support_dir.join(SUPPORT_FILE),
        plain_support: None,
        child: None,
        link_args: Vec::new(),
    };
    // The support library is built first, with the first direct linker that links it; its
    // build also warms the page cache with arraylib's metadata.
    let build_lib = |ready: &Ready, name: &str, out: &Path, src: &Path| {
        let mut cmd = rustc_command(ready, Output::Library, 0, None, None);
        cmd.args(["--crate-name", name, "-o"]).arg(out).arg(src);
        cmd.output()
    };
    let build_support =
        |ready: &Ready| build_lib(ready, codegen::SUPPORT_CRATE, &ready.support, &support_src);
    let mut linked = false;
    for args in toolchain::direct_linker_args(&ready.tc) {
        ready.link_args = args;
        if build_support(&ready).is_ok_and(|o| o.status.success()) {
            linked = true;
            break;
        }
        crate::log!("linking cells with `{}` failed", ready.link_args[1]);
        ready.link_args.clear();
    }
    if !linked {
        let out = build_support(&ready).map_err(|e| format!("cannot run rustc: {e}"))?;
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let mut lines: Vec<String> = diagnostics::parse(&stderr)
                .into_iter()
                .map(|d| d.message)
                .collect();
            lines.extend(diagnostics::non_json(&stderr));
            return Err(format!(
                "cannot build the cell support library:\n{}",
                lines.join("\n")
            ));
        }
    }
    let plain_src = support_dir.join("support_plain.rs");
    let plain = support_dir.join(PLAIN_SUPPORT_FILE);
    if std::fs::write(&plain_src, codegen::support_source(false, false, false)).is_ok()
        && build_lib(&ready, codegen::PLAIN_SUPPORT_CRATE, &plain, &plain_src)
            .is_ok_and(|o| o.status.success())
    {
        ready.plain_support = Some(plain);
    }
    ready.child = Some(spawn_child(&ready.tc, &ready.rt, &build_dir)?);
    Ok(ready)
}

/// File name of the support library in [`support_dir`].
const SUPPORT_FILE: &str = "libarraylib_cell_support.so";
/// File name of the plain cells' support library in [`support_dir`].
const PLAIN_SUPPORT_FILE: &str = "libarraylib_cell_support_plain.so";

/// Where a session keeps its support library.
fn support_dir(build_dir: &Path) -> PathBuf {
    build_dir.join("support")
}

/// What a `rustc` call builds.
#[derive(Clone, Copy)]
enum Output {
    /// A cell: a `cdylib`, since nothing links against a cell and the child only looks up its
    /// entry point. Unlike a `dylib` it needs no crate metadata, which rustc's own timings
    /// put at a few milliseconds of every cell.
    Cell,
    /// A plain cell ([`codegen::is_plain`]): a `cdylib` that links neither arraylib nor its
    /// dependencies.
    PlainCell,
    /// The user-items crate: a `dylib`, since later cells link against it.
    Library,
}

fn rustc_command(
    ready: &Ready,
    output: Output,
    opt: u8,
    items: Option<&Path>,
    dl: Option<&deps::DepsLib>,
) -> Command {
    let rt = &ready.rt;
    let mut cmd = Command::new(&ready.tc.rustc);
    cmd.args([
        "--edition",
        "2021",
        "--crate-type",
        match output {
            Output::Cell | Output::PlainCell => "cdylib",
            Output::Library => "dylib",
        },
        "--error-format=json",
    ])
    .args(["-C", "prefer-dynamic", "-C", "debuginfo=0"])
    .arg("-C")
    .arg(format!("opt-level={opt}"))
    .arg("-L")
    .arg(format!("dependency={}", rt.lib_dir.display()))
    .arg("--extern")
    .arg(format!("arraylib_cell_runtime={}", rt.runtime.display()));
    if let Output::PlainCell = output {
        if let Some(plain) = &ready.plain_support {
            cmd.arg("--extern").arg(format!(
                "{}={}",
                codegen::PLAIN_SUPPORT_CRATE,
                plain.display()
            ));
        }
    } else {
        cmd.arg("-L")
            .arg(format!("dependency={}", rt.deps_dir.display()))
            .arg("--extern")
            .arg(format!("arraylib={}", rt.arraylib.display()));
        if let Some(items) = items {
            cmd.arg("--extern")
                .arg(format!("user_items={}", items.display()));
            if let Some(dir) = items.parent() {
                cmd.arg("-L").arg(format!("dependency={}", dir.display()));
            }
        }
        if let Output::Cell = output {
            cmd.arg("--extern").arg(format!(
                "{}={}",
                codegen::SUPPORT_CRATE,
                ready.support.display()
            ));
        }
        if let Some(dl) = dl {
            cmd.arg("--extern")
                .arg(format!("{}={}", dl.crate_name, dl.dylib.display()))
                .arg("-L")
                .arg(format!("dependency={}", dl.deps_dir.display()));
        }
    }
    cmd.args(&ready.link_args);
    cmd.env_remove("RUSTFLAGS");
    cmd
}

/// Result of one compile.
struct Compiled {
    ok: bool,
    stderr: String,
}

/// Output collected while running a cell.
struct RunResult {
    reply: Option<Value>,
    died: Option<String>,
    interrupted_hard: bool,
}

fn error(ename: &str, evalue: &str, traceback: Vec<String>) -> ExecuteOutcome {
    ExecuteOutcome::Error(ErrorInfo {
        ename: ename.to_string(),
        evalue: evalue.to_string(),
        traceback,
    })
}

/// One line for the cell host's command pipe: `\\`, `\n` and `\r` escaped (the host's
/// `input` undoes it).
fn escape_line(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

/// Splits a panic message `ValueError: msg` into (`ValueError`, `msg`).
pub(crate) fn split_ename(message: &str) -> (String, String) {
    if let Some((head, rest)) = message.split_once(": ") {
        let looks_like_class = !head.is_empty()
            && head.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && head.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && ["Error", "Exception", "Interrupt", "Warning"]
                .iter()
                .any(|s| head.ends_with(s));
        if looks_like_class {
            return (head.to_string(), rest.to_string());
        }
    }
    ("Panic".to_string(), message.to_string())
}

const HELP: &str = "\
Rust cells run against arraylib, imported as `np` (`use arraylib as np; use arraylib::prelude::*;`).
Items (fn, struct, impl, ...) and `let` bindings persist across cells; the last expression of a
cell is displayed.

Commands:
  :vars                 list variables and their types
  :whos                 table of variables: type, and shape, dtype and memory of arrays
  :timing               toggle printing compile and run times
  :opt [0|1|2|3]        show or set the optimization level of cells (default 0)
  :clear                drop all variables and items
  :dep name = \"1.0\"     add a crate from crates.io (built once, cached)
  :help                 this help

`input(\"prompt\")` asks for a line of text (`getpass` hides it), like Python's `input`.";

impl RustcEngine {
    /// Creates the engine at once; toolchain lookup, the arraylib dylib (built if missing) and
    /// the cell host start in a background thread that `execute` waits for.
    pub fn new() -> RustcEngine {
        let build_dir = make_build_dir();
        let slot: ReadySlot = Arc::new((Mutex::new(None), Condvar::new()));
        let rustc_version = Arc::new(Mutex::new(String::new()));
        {
            let slot = slot.clone();
            let dir = build_dir.clone();
            let version = rustc_version.clone();
            std::thread::spawn(move || {
                let r = warm_up(dir, version);
                let (lock, cv) = &*slot;
                *lock.lock().unwrap() = Some(r);
                cv.notify_all();
            });
        }
        RustcEngine {
            slot,
            ready: None,
            setup_error: None,
            interrupt: Arc::new(InterruptState::default()),
            build_dir,
            vars: Vec::new(),
            items: Vec::new(),
            items_lib: None,
            items_version: 0,
            deps: Vec::new(),
            deps_lib: None,
            auto_imports: Vec::new(),
            counter: 0,
            opt_level: 0,
            timing: false,
            rustc_version,
        }
    }

    /// Waits for the warm-up; returns an error message if it failed.
    fn wait_ready(&mut self) -> Result<(), String> {
        if self.ready.is_some() {
            return Ok(());
        }
        if let Some(e) = &self.setup_error {
            return Err(e.clone());
        }
        let (lock, cv) = &*self.slot;
        let mut guard = lock.lock().unwrap();
        while guard.is_none() {
            guard = cv.wait(guard).unwrap();
        }
        match guard.take().unwrap() {
            Ok(r) => {
                self.ready = Some(r);
                Ok(())
            }
            Err(e) => {
                self.setup_error = Some(e.clone());
                Err(e)
            }
        }
    }

    fn session_names(&self) -> SessionNames {
        SessionNames {
            vars: self
                .vars
                .iter()
                .map(|v| (v.name.clone(), v.ty.clone()))
                .collect(),
            items: self
                .items
                .iter()
                .filter_map(|i| i.name.clone().map(|n| (n, i.text.trim().to_string())))
                .collect(),
        }
    }

    /// Runs rustc; kills it if the user interrupts.
    fn compile(&self, mut cmd: Command) -> Result<Compiled, ()> {
        cmd.stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped());
        let mut child = match cmd.spawn() {
            Ok(child) => child,
            Err(e) => {
                return Ok(Compiled {
                    ok: false,
                    stderr: format!("cannot run rustc: {e}"),
                })
            }
        };
        let mut stderr = child.stderr.take().unwrap();
        // Read stderr while rustc runs, so a long diagnostic output cannot fill the pipe.
        let reader = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
            s
        });
        loop {
            match child.try_wait() {
                Ok(Some(status)) => {
                    let stderr = reader.join().unwrap_or_default();
                    return Ok(Compiled {
                        ok: status.success(),
                        stderr,
                    });
                }
                Ok(None) => {}
                Err(_) => break,
            }
            if self.interrupt.requested.lock().unwrap().is_some() {
                let _ = child.kill();
                let _ = child.wait();
                return Err(());
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let _ = child.wait();
        Ok(Compiled {
            ok: false,
            stderr: reader.join().unwrap_or_default(),
        })
    }

    fn interrupted_outcome(&self, what: &str) -> ExecuteOutcome {
        error(
            "KeyboardInterrupt",
            what,
            vec![format!("\x1b[1;31mKeyboardInterrupt\x1b[0m: {what}")],
        )
    }

    fn compile_error(
        &self,
        stderr: &str,
        file: &str,
        gen: &Generated,
        cell: &str,
    ) -> ExecuteOutcome {
        let diags = diagnostics::parse(stderr);
        let mut tb = diagnostics::render(&diags, file, gen, cell);
        if diags.is_empty() {
            tb.extend(diagnostics::non_json(stderr));
        }
        let evalue = diags
            .first()
            .map(|d| d.message.clone())
            .unwrap_or_else(|| "compilation failed".to_string());
        error("CompileError", &evalue, tb)
    }

    /// Handles `:commands`; returns the outcome if the whole cell was commands, else the rest.
    fn commands(&mut self, code: &str, sink: &dyn OutputSink) -> Result<String, ExecuteOutcome> {
        let mut rest = Vec::new();
        let mut in_code = false;
        for line in code.lines() {
            let t = line.trim();
            if in_code || !t.starts_with(':') || t.starts_with("::") {
                if !t.is_empty() {
                    in_code = true;
                }
                rest.push(line);
                continue;
            }
            rest.push("");
            let mut words = t.split_whitespace();
            let cmd = words.next().unwrap_or("");
            let arg = words.next();
            match cmd {
                ":help" => sink.stream(StreamName::Stdout, &format!("{HELP}\n")),
                ":timing" => {
                    self.timing = !self.timing;
                    let s = if self.timing { "on" } else { "off" };
                    sink.stream(StreamName::Stdout, &format!("Timing: {s}\n"));
                }
                ":opt" => {
                    match arg {
                        None => {}
                        Some(n) => match n.parse::<u8>() {
                            Ok(n) if n <= 3 => self.opt_level = n,
                            _ => {
                                return Err(error(
                                    "UsageError",
                                    ":opt takes 0, 1, 2 or 3",
                                    vec![":opt takes 0, 1, 2 or 3".into()],
                                ))
                            }
                        },
                    }
                    sink.stream(
                        StreamName::Stdout,
                        &format!("Optimization: {}\n", self.opt_level),
                    );
                }
                ":vars" => {
                    let mut s = String::new();
                    for v in &self.vars {
                        s.push_str(&format!("{}: {}\n", v.name, v.ty));
                    }
                    if s.is_empty() {
                        s = "No variables.\n".into();
                    }
                    sink.stream(StreamName::Stdout, &s);
                }
                ":whos" => {
                    let described = if self.vars.is_empty() {
                        Value::Null
                    } else {
                        self.describe_vars()
                    };
                    let vars: Vec<(String, String)> = self
                        .vars
                        .iter()
                        .map(|v| (v.name.clone(), v.ty.clone()))
                        .collect();
                    sink.display(whos::display(&whos::rows(&vars, &described)), false);
                }
                ":clear" => {
                    self.clear_state();
                    sink.stream(StreamName::Stdout, "Cleared all variables and items.\n");
                }
                ":dep" => {
                    let arg = t[4..].trim();
                    self.add_dep(arg, sink)?;
                }
                other => {
                    let msg = format!("unknown command {other} (try :help)");
                    return Err(error("UsageError", &msg, vec![msg.clone()]));
                }
            }
        }
        Ok(rest.join("\n"))
    }

    /// The cell host's descriptions of the stored values (`[[name, type, info], ...]`).
    fn describe_vars(&mut self) -> Value {
        if self.wait_ready().is_err() {
            return Value::Null;
        }
        let Ok(child) = self.child_mut() else {
            return Value::Null;
        };
        child
            .request("whos", Duration::from_secs(5))
            .and_then(|r| serde_json::from_str::<Value>(&r).ok())
            .map(|v| v["whos"].clone())
            .unwrap_or(Value::Null)
    }

    fn clear_state(&mut self) {
        self.vars.clear();
        self.items.clear();
        self.items_lib = None;
        if let Some(child) = self.ready.as_mut().and_then(|r| r.child.as_mut()) {
            child.request("clear", Duration::from_secs(5));
        }
    }

    fn child_mut(&mut self) -> Result<&mut ChildHost, String> {
        let build_dir = self.build_dir.clone();
        let ready = self.ready.as_mut().ok_or("engine not ready")?;
        if ready.child.is_none() {
            ready.child = Some(spawn_child(&ready.tc, &ready.rt, &build_dir)?);
        }
        Ok(ready.child.as_mut().unwrap())
    }

    fn remove_vars(&mut self, names: &[String]) {
        if names.is_empty() {
            return;
        }
        self.vars.retain(|v| !names.contains(&v.name));
        if let Ok(child) = self.child_mut() {
            child.request(
                &format!("remove {}", names.join(" ")),
                Duration::from_secs(5),
            );
        }
    }

    /// Runs a compiled cell in the child, streaming its output.
    fn run_in_child(
        &mut self,
        lib: &Path,
        id: usize,
        sink: &dyn OutputSink,
        silent: bool,
    ) -> RunResult {
        let marker = format!("{}-{}", id, std::process::id());
        let interrupt = self.interrupt.clone();
        let child = match self.child_mut() {
            Ok(c) => c,
            Err(e) => {
                return RunResult {
                    reply: None,
                    died: Some(e),
                    interrupted_hard: false,
                }
            }
        };
        let mut parsers = [StreamParser::default(), StreamParser::default()];
        let mut markers = [false, false];
        let mut reply: Option<Value> = None;
        let mut died = None;
        let mut interrupted_hard = false;
        if child
            .send(&format!("run {id} {} {marker}", lib.display()))
            .is_err()
        {
            died = Some(child.wait_status());
        }
        interrupt.running_pid.store(child.pid(), Ordering::SeqCst);
        // A request that came in while compiling is delivered now.
        if interrupt.requested.lock().unwrap().is_some() {
            // SAFETY: signalling our own child.
            unsafe {
                libc::kill(child.pid(), libc::SIGINT);
            }
        }
        let mut reply_at: Option<Instant> = None;
        while died.is_none() {
            if reply.is_some() && markers == [true, true] {
                break;
            }
            if let Some(t) = reply_at {
                if t.elapsed() > Duration::from_secs(2) {
                    break;
                }
            }
            let requested = *interrupt.requested.lock().unwrap();
            if reply.is_none() {
                if let Some(t) = requested {
                    if t.elapsed() > Duration::from_millis(1000) {
                        interrupted_hard = true;
                        died = Some(child.kill());
                        break;
                    }
                }
            }
            match child.next_event(Duration::from_millis(20)) {
                Ok(Event::Output(name, bytes)) => {
                    let k = (name == StreamName::Stderr) as usize;
                    for ev in parsers[k].feed(&bytes) {
                        match ev {
                            OutEvent::Text(t) if !silent => sink.stream(name, &t),
                            OutEvent::Display(d, update) if !silent => sink.display(d, update),
                            OutEvent::Clear(wait) if !silent => sink.clear_output(wait),
                            OutEvent::Input { prompt, password } => {
                                let cancelled = || interrupt.requested.lock().unwrap().is_some();
                                let answer = match sink.request_input(&prompt, password, &cancelled)
                                {
                                    InputReply::Value(v) => format!("input {}", escape_line(&v)),
                                    InputReply::NotAllowed => "input-not-allowed".to_string(),
                                    InputReply::Cancelled => "input-interrupted".to_string(),
                                };
                                if child.send(&answer).is_err() {
                                    died = Some(child.wait_status());
                                }
                            }
                            OutEvent::Marker(m) if m.ends_with(&marker) => markers[k] = true,
                            OutEvent::Marker(m) if !silent => {
                                sink.stream(name, &format!("\x1eARRAYLIB_CELL_DONE {m}\n"))
                            }
                            _ => {}
                        }
                    }
                }
                Ok(Event::OutputClosed(name)) => {
                    markers[(name == StreamName::Stderr) as usize] = true;
                }
                Ok(Event::Reply(line)) => {
                    reply = serde_json::from_str(&line).ok();
                    reply_at = Some(Instant::now());
                }
                Ok(Event::ReplyClosed) => {
                    died = Some(child.wait_status());
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(_) => died = Some(child.wait_status()),
            }
        }
        interrupt.running_pid.store(0, Ordering::SeqCst);
        if died.is_some() {
            // Drain what the dead child wrote.
            let deadline = Instant::now() + Duration::from_millis(300);
            while let Some(left) = deadline.checked_duration_since(Instant::now()) {
                match child.next_event(left) {
                    Ok(Event::Output(name, bytes)) if !silent => {
                        let k = (name == StreamName::Stderr) as usize;
                        for ev in parsers[k].feed(&bytes) {
                            if let OutEvent::Text(t) = ev {
                                sink.stream(name, &t);
                            }
                        }
                    }
                    Ok(_) => {}
                    Err(_) => break,
                }
            }
            if let Some(r) = self.ready.as_mut() {
                r.child = None;
            }
        }
        for (k, name) in [(0, StreamName::Stdout), (1, StreamName::Stderr)] {
            for ev in parsers[k].finish() {
                if let OutEvent::Text(t) = ev {
                    if !silent {
                        sink.stream(name, &t);
                    }
                }
            }
        }
        RunResult {
            reply,
            died,
            interrupted_hard,
        }
    }

    /// Builds the items crate for `items`; returns the new library path or a compile error.
    fn build_items(&mut self, items: &[StoredItem], cell: &str) -> Result<PathBuf, ExecuteOutcome> {
        self.items_version += 1;
        let v = self.items_version;
        let gen = codegen::items_source(items, self.counter, &self.deps_preamble());
        let file = format!("items_{v}.rs");
        let src = self.build_dir.join(&file);
        std::fs::write(&src, &gen.source)
            .map_err(|e| error("InternalError", &e.to_string(), vec![e.to_string()]))?;
        let out = self
            .build_dir
            .join("items")
            .join(format!("libuser_items_{v}.so"));
        let ready = self.ready.as_ref().unwrap();
        let mut cmd = rustc_command(
            ready,
            Output::Library,
            self.opt_level,
            None,
            self.deps_lib.as_ref(),
        );
        cmd.args([
            "--crate-name",
            "user_items",
            "-C",
            "metadata=arraylib-kernel-user-items",
        ])
        .arg("-o")
        .arg(&out)
        .arg(&src);
        let c = self
            .compile(cmd)
            .map_err(|_| self.interrupted_outcome("interrupted while compiling"))?;
        if !c.ok {
            return Err(self.compile_error(&c.stderr, &file, &gen, cell));
        }
        Ok(out)
    }

    fn execute_inner(&mut self, code: &str, silent: bool, sink: &dyn OutputSink) -> ExecuteOutcome {
        *self.interrupt.requested.lock().unwrap() = None;
        let code = match self.commands(code, sink) {
            Ok(c) => c,
            Err(outcome) => return outcome,
        };
        if code.trim().is_empty() {
            return ExecuteOutcome::Ok { result: None };
        }
        if let Err(e) = self.wait_ready() {
            return error(
                "KernelSetupError",
                &e,
                e.lines().map(str::to_string).collect(),
            );
        }
        self.counter += 1;
        let n = self.counter;
        let t0 = Instant::now();
        let parts = cell_syntax::split_cell(&code);
        let mut notes: Vec<String> = Vec::new();
        if n == 1 && self.ready.as_ref().is_some_and(|r| r.rt.stale) {
            notes.push(prebuild::STALE_NOTE.to_string());
        }

        // Items: replace by key, keep order; rebuild the items crate when something changed.
        let old_items = self.items.clone();
        let old_lib = self.items_lib.clone();
        let mut changed_types = Vec::new();
        if !parts.items.is_empty() {
            let mut items = self.items.clone();
            let mut changed = false;
            for it in &parts.items {
                let stored = StoredItem {
                    key: it.key.clone(),
                    name: it.name.clone(),
                    kind: it.kind,
                    text: it.text.clone(),
                    cell: n,
                    first_line: it.first_line,
                    shifts: it.shifts.clone(),
                };
                match items.iter_mut().find(|i| i.key == it.key) {
                    Some(existing) => {
                        if existing.text.trim() != it.text.trim() {
                            changed = true;
                            if it.kind == ItemKind::Type {
                                changed_types.extend(it.name.clone());
                            }
                        }
                        *existing = stored;
                    }
                    None => {
                        changed = true;
                        items.push(stored);
                    }
                }
            }
            if changed || self.items_lib.is_none() {
                match self.build_items(&items, &code) {
                    Ok(lib) => {
                        self.items = items;
                        self.items_lib = Some(lib);
                    }
                    Err(e) => return e,
                }
            } else {
                self.items = items;
            }
        }
        // Variables whose type was redefined can't be used safely any more.
        if !changed_types.is_empty() {
            let stale: Vec<String> = self
                .vars
                .iter()
                .filter(|v| {
                    cell_syntax::mentioned_words(&v.ty)
                        .iter()
                        .any(|w| changed_types.contains(w))
                })
                .map(|v| v.name.clone())
                .collect();
            if !stale.is_empty() {
                notes.push(format!(
                    "note: dropped {} because their type was redefined",
                    stale.join(", ")
                ));
                self.remove_vars(&stale);
            }
        }
        if !parts.has_statements {
            self.emit_notes(&notes, sink, silent);
            return ExecuteOutcome::Ok { result: None };
        }

        let words = cell_syntax::mentioned_words(&code);
        let mut taken: Vec<(String, String)> = self
            .vars
            .iter()
            .filter(|v| words.contains(&v.name))
            .map(|v| (v.name.clone(), v.ty.clone()))
            .collect();
        let new_types: Vec<(String, Option<String>)> = parts
            .lets
            .iter()
            .map(|l| (l.name.clone(), l.annotation.clone()))
            .collect();
        let file = format!("cell_{n}.rs");
        let src_path = self.build_dir.join(&file);
        let mut timings = Vec::new();

        // Bindings without a written type: the build asks rustc to name their types in
        // warnings (see `codegen`), and leaves them to inference when storing the values.
        let mut probes: Vec<String> = new_types
            .iter()
            .filter(|(_, t)| t.is_none())
            .map(|(n, _)| n.clone())
            .collect();
        let mut not_kept: Vec<(String, String)> = Vec::new();
        let mut new_vars: Vec<(String, String)> = new_types
            .iter()
            .map(|(n, t)| (n.clone(), t.clone().unwrap_or_default()))
            .collect();
        let mut put_back = taken.clone();
        let mut moved: Vec<String> = Vec::new();
        let mut dropped: Vec<String> = Vec::new();
        let mut unstorable: Vec<String> = Vec::new();

        // Build; drop put-backs of moved values and unstorable types, then retry.
        let lib = self.build_dir.join(format!("libcell_{n}.so"));
        let mut attempts = 0;
        // New bindings left out of a build, to see whether storing them is what fails.
        let mut held_back: Option<Vec<(String, String)>> = None;
        let mut tried_without_stores = false;
        let mut plain = self
            .ready
            .as_ref()
            .is_some_and(|r| r.plain_support.is_some())
            && self.items.is_empty()
            && self.items_lib.is_none()
            && self.deps_lib.is_none()
            && self.auto_imports.is_empty()
            && codegen::is_plain(&words, &taken);
        let gen = loop {
            attempts += 1;
            let mut spec = self.spec(&parts, &taken, &put_back, &new_vars, &probes, n);
            spec.plain = plain;
            let gen = codegen::cell_source(&spec);
            let _ = std::fs::write(&src_path, &gen.source);
            let mut cmd = rustc_command(
                self.ready.as_ref().unwrap(),
                if plain {
                    Output::PlainCell
                } else {
                    Output::Cell
                },
                self.opt_level,
                self.items_lib.as_deref(),
                self.deps_lib.as_ref(),
            );
            cmd.args([
                "--crate-name",
                &format!("cell_{n}"),
                "-C",
                "codegen-units=1",
                "-o",
            ])
            .arg(&lib)
            .arg(&src_path);
            let tc = Instant::now();
            let Ok(c) = self.compile(cmd) else {
                self.restore_items(old_items, old_lib);
                return self.interrupted_outcome("interrupted while compiling");
            };
            timings.push(("build", tc.elapsed()));
            if c.ok {
                let warnings = diagnostics::parse_warnings(&c.stderr);
                let mut p = type_probe::read_probes(&warnings, &file, &gen);
                let item_names: Vec<String> =
                    self.items.iter().filter_map(|i| i.name.clone()).collect();
                for t in p.values_mut().flatten() {
                    *t = type_probe::with_notebook_paths(t, &item_names);
                }
                let mut trial = held_back.take();
                for (name, ty) in trial.as_mut().unwrap_or(&mut new_vars).iter_mut() {
                    match p.remove(name) {
                        Some(Ok(t)) if ty.is_empty() => *ty = t,
                        Some(Err(why)) if ty.is_empty() => {
                            unstorable.push(name.clone());
                            not_kept.push((name.clone(), why));
                        }
                        None if ty.is_empty() => {
                            unstorable.push(name.clone());
                            not_kept.push((name.clone(), "rustc did not tell its type".into()));
                        }
                        _ => {}
                    }
                }
                if let Some(held) = trial {
                    // It built without storing the new bindings: store those a later cell
                    // can name, which compiles now.
                    new_vars = held
                        .into_iter()
                        .filter(|(n, _)| !unstorable.contains(n))
                        .collect();
                    if !new_vars.is_empty() {
                        continue;
                    }
                }
                break gen;
            }
            if plain {
                // Something arraylib (or its prelude) provides was needed after all.
                plain = false;
                continue;
            }
            let diags = diagnostics::parse(&c.stderr);
            let mut fixed = false;
            let mut user_errors = Vec::new();
            let mut borrow_conflict = false;
            let imports_before = self.auto_imports.len();
            for d in &diags {
                let origin = d.primary_line(&file).map(|l| gen.origin(l));
                // rustc prints trimmed type names: import what they name, then retry.
                if let Some(Origin::Put(name) | Origin::Take(name)) = &origin {
                    let full = self
                        .vars
                        .iter()
                        .find(|v| v.name == *name)
                        .map(|v| v.type_name.clone())
                        .unwrap_or_default();
                    let import = d
                        .import_suggestion()
                        .or_else(|| type_probe::import_for(&d.message, &full));
                    if let Some(import) = import {
                        if !self.auto_imports[..imports_before].contains(&import) {
                            if !self.auto_imports.contains(&import) {
                                self.auto_imports.push(import);
                            }
                            fixed = true;
                            continue;
                        }
                    }
                }
                match origin {
                    // The cell moved or dropped it: the `Put` line says so too.
                    Some(Origin::Probe(name)) => {
                        probes.retain(|p| *p != name);
                        fixed = true;
                    }
                    // Storing it conflicts with a borrow, perhaps by a new binding that can't
                    // be stored anyway (`let s = v.as_slice();`): the trial build tells.
                    Some(Origin::Put(_))
                        if d.code() == Some("E0505")
                            && !tried_without_stores
                            && !new_vars.is_empty() =>
                    {
                        borrow_conflict = true;
                    }
                    Some(Origin::Put(name)) => {
                        let is_move =
                            matches!(d.code(), Some("E0382") | Some("E0505") | Some("E0507"));
                        let alias = put_back
                            .iter()
                            .any(|(n, t)| *n == name && codegen::is_alias_handle(t));
                        if put_back.iter().any(|(n, _)| *n == name)
                            && (is_move || !new_vars.iter().any(|(n, _)| *n == name))
                        {
                            put_back.retain(|(n, _)| *n != name);
                            // A moved alias handle was a clone: the stored original stays.
                            if is_move && !alias {
                                moved.push(name.clone());
                            } else if !is_move {
                                dropped.push(name.clone());
                            }
                            fixed = true;
                        } else if let Some(pos) = new_vars.iter().position(|(n, _)| *n == name) {
                            let (nm, ty) = new_vars.remove(pos);
                            if is_move {
                                not_kept.push((nm, "the cell moved it".to_string()));
                            } else if !unstorable.contains(&nm) {
                                not_kept.push((
                                    nm,
                                    format!("its type `{ty}` can't be stored ({})", d.message),
                                ));
                            }
                            fixed = true;
                        }
                    }
                    Some(Origin::Take(name)) => {
                        taken.retain(|(n, _)| *n != name);
                        put_back.retain(|(n, _)| *n != name);
                        dropped.push(name);
                        fixed = true;
                    }
                    _ => user_errors.push(d.clone()),
                }
            }
            // Values that can't be named (references, closures) may break the build anywhere
            // in the generated tail: leave them out and try again.
            let before = new_vars.len();
            new_vars.retain(|(n, _)| !unstorable.contains(n));
            if new_vars.len() != before {
                fixed = true;
                user_errors.retain(|d| {
                    matches!(
                        d.primary_line(&file).map(|l| gen.origin(l)),
                        Some(Origin::Cell(_)) | Some(Origin::EarlierItem { .. })
                    )
                });
            }
            // Storing a binding can be what fails (it borrows from a value of the cell, and the
            // error points into the cell): build once without storing them to tell.
            if (borrow_conflict || !user_errors.is_empty())
                && !new_vars.is_empty()
                && !tried_without_stores
            {
                tried_without_stores = true;
                held_back = Some(std::mem::take(&mut new_vars));
                continue;
            }
            if !user_errors.is_empty() || !fixed || attempts >= 5 {
                self.restore_items(old_items, old_lib);
                let shown = if user_errors.is_empty() {
                    diags
                } else {
                    user_errors
                };
                return self.compile_error(&c.stderr_with(&shown), &file, &gen, &code);
            }
        };
        // Values stored under an inferred type that can't be named are removed after the run.
        let stored_unnamed: Vec<String> = new_vars
            .iter()
            .filter(|(n, _)| unstorable.contains(n))
            .map(|(n, _)| n.clone())
            .collect();
        new_vars.retain(|(n, _)| !unstorable.contains(n));
        if !dropped.is_empty() {
            notes.push(format!(
                "note: dropped {} (their type no longer compiles)",
                dropped.join(", ")
            ));
            self.remove_vars(&dropped);
        }
        for (name, why) in &not_kept {
            notes.push(format!("note: `{name}` is not kept across cells: {why}"));
        }
        self.emit_notes(&notes, sink, silent);

        // Run.
        let tr = Instant::now();
        let run = self.run_in_child(&lib, n, sink, silent);
        timings.push(("run", tr.elapsed()));
        if self.timing && !silent {
            let parts: Vec<String> = timings
                .iter()
                .map(|(k, d)| format!("{k} {:.3}s", d.as_secs_f64()))
                .collect();
            sink.stream(
                StreamName::Stdout,
                &format!(
                    "Took {:.3}s ({})\n",
                    t0.elapsed().as_secs_f64(),
                    parts.join(", ")
                ),
            );
        }
        if let Some(how) = run.died {
            let lost: Vec<String> = self.vars.iter().map(|v| v.name.clone()).collect();
            self.vars.clear();
            let lost_text = if lost.is_empty() {
                "no variables were lost".to_string()
            } else {
                format!("variables lost: {}", lost.join(", "))
            };
            if run.interrupted_hard {
                let msg = format!(
                    "the cell did not stop within 1 s (a sleep or a call that checks no interrupts), so its process was restarted; {lost_text}"
                );
                return error(
                    "KeyboardInterrupt",
                    &msg,
                    vec![format!("\x1b[1;31mKeyboardInterrupt\x1b[0m: {msg}")],
                );
            }
            let msg = format!("the cell's process died ({how}) and was restarted; {lost_text}");
            return error(
                "ProcessDied",
                &msg,
                vec![format!("\x1b[1;31mProcessDied\x1b[0m: {msg}")],
            );
        }
        let Some(reply) = run.reply else {
            return error("InternalError", "no reply from the cell host", vec![]);
        };
        let keys: HashSet<String> = reply["keys"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|k| k.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        if reply["ok"].as_bool() == Some(true) {
            // Moved variables are gone; new ones replace old ones of the same name.
            self.vars.retain(|v| !moved.contains(&v.name));
            for (name, ty) in &new_vars {
                self.vars.retain(|v| v.name != *name);
                self.vars.push(Var {
                    name: name.clone(),
                    ty: ty.clone(),
                    type_name: String::new(),
                });
            }
            self.vars.retain(|v| keys.contains(&v.name));
            for v in self.vars.iter_mut() {
                if let Some(t) = reply["types"][&v.name].as_str() {
                    v.type_name = t.to_string();
                }
            }
            if !stored_unnamed.is_empty() {
                self.remove_vars(&stored_unnamed);
            }
            let result = reply["result"].as_array().map(|pairs| {
                let mut data = MimeBundle::new();
                for p in pairs {
                    if let (Some(k), Some(v)) = (p[0].as_str(), p[1].as_str()) {
                        data.insert(k.to_string(), Value::String(v.to_string()));
                    }
                }
                DisplayData {
                    data,
                    ..Default::default()
                }
            });
            return ExecuteOutcome::Ok { result };
        }
        // Failed: reconcile the variables with what the store still holds.
        let lost: Vec<String> = self
            .vars
            .iter()
            .filter(|v| !keys.contains(&v.name))
            .map(|v| v.name.clone())
            .collect();
        self.vars.retain(|v| keys.contains(&v.name));
        let message = reply["evalue"].as_str().unwrap_or("").to_string();
        let interrupted = reply["interrupted"].as_bool() == Some(true);
        let (ename, evalue) = if interrupted {
            ("KeyboardInterrupt".to_string(), String::new())
        } else {
            let (ename, evalue) = split_ename(&message);
            if ename == "Panic" && reply["kind"].as_str() == Some("error") {
                ("Error".to_string(), evalue)
            } else {
                (ename, evalue)
            }
        };
        let mut tb = Vec::new();
        let location = reply["location"].as_str().unwrap_or("");
        let head = if evalue.is_empty() {
            format!("\x1b[1;31m{ename}\x1b[0m")
        } else {
            format!("\x1b[1;31m{ename}\x1b[0m: {evalue}")
        };
        tb.push(head);
        if ename == "ValueError" {
            tb.extend(broadcast_picture::picture(&evalue).unwrap_or_default());
        }
        if let Some(loc) = map_location(location, &file, &gen) {
            tb.push(loc);
        }
        if !lost.is_empty() {
            tb.push(format!(
                "note: variables lost (moved into the cell before it stopped): {}",
                lost.join(", ")
            ));
        }
        error(&ename, &evalue, tb)
    }

    fn emit_notes(&self, notes: &[String], sink: &dyn OutputSink, silent: bool) {
        if !silent {
            for n in notes {
                sink.stream(StreamName::Stderr, &format!("{n}\n"));
            }
        }
    }

    /// `extern crate` and imports of the `:dep` crates, and imports that make the type names
    /// rustc printed resolve.
    fn deps_preamble(&self) -> String {
        let mut s = match &self.deps_lib {
            Some(dl) => format!(
                "extern crate {0}; use {0}::{{{1}}};",
                dl.crate_name,
                dl.crates.join(", ")
            ),
            None => String::new(),
        };
        for i in &self.auto_imports {
            s.push(' ');
            s.push_str(i);
        }
        s
    }

    /// `:dep name = "version"`: adds a crate and rebuilds the dependency dylib.
    fn add_dep(&mut self, arg: &str, sink: &dyn OutputSink) -> Result<(), ExecuteOutcome> {
        let dep = deps::parse(arg).map_err(|e| error("UsageError", &e, vec![e.clone()]))?;
        self.wait_ready()
            .map_err(|e| error("KernelSetupError", &e, vec![e.clone()]))?;
        let mut all = self.deps.clone();
        all.retain(|d| d.name != dep.name);
        all.push(dep.clone());
        sink.stream(
            StreamName::Stderr,
            &format!("Building dependency {} = {} ...\n", dep.name, dep.spec),
        );
        let ready = self.ready.as_ref().unwrap();
        match deps::build(
            &ready.tc,
            &ready.rt.workspace,
            &all,
            &self.build_dir.join("items"),
        ) {
            Ok(dl) => {
                self.deps = all;
                self.deps_lib = Some(dl);
                Ok(())
            }
            Err(e) => {
                let lines: Vec<String> = e.lines().map(str::to_string).collect();
                Err(error(
                    "DependencyError",
                    &format!("cannot build {}", dep.name),
                    lines,
                ))
            }
        }
    }

    fn restore_items(&mut self, items: Vec<StoredItem>, lib: Option<PathBuf>) {
        self.items = items;
        self.items_lib = lib;
    }

    #[allow(clippy::too_many_arguments)]
    fn spec<'a>(
        &'a self,
        parts: &'a CellParts,
        taken: &[(String, String)],
        put_back: &[(String, String)],
        new_vars: &[(String, String)],
        probes: &[String],
        n: usize,
    ) -> CellSpec<'a> {
        CellSpec {
            cell: Some(parts),
            items: &self.items,
            has_items_crate: self.items_lib.is_some(),
            taken: taken.to_vec(),
            put_back: put_back.to_vec(),
            new_vars: new_vars.to_vec(),
            probes: probes.to_vec(),
            cell_number: n,
            extra_preamble: self.deps_preamble(),
            plain: false,
        }
    }
}

/// Describes a panic location (`file:line:col`) in terms of the cell.
fn map_location(location: &str, file: &str, gen: &Generated) -> Option<String> {
    let mut parts = location.rsplitn(3, ':');
    let col: usize = parts.next()?.parse().ok()?;
    let line: usize = parts.next()?.parse().ok()?;
    let path = parts.next()?;
    if path.ends_with(file) {
        match gen.origin(line) {
            Origin::Cell(l) => Some(format!(
                "  at line {l}, column {} of the cell",
                gen.shifts.user_column(l, col)
            )),
            _ => None,
        }
    } else if path.contains("items_") {
        Some("  in an item defined in an earlier cell".to_string())
    } else {
        Some(format!("  at {location}"))
    }
}

trait StderrWith {
    fn stderr_with(&self, diags: &[diagnostics::Diagnostic]) -> String;
}

impl StderrWith for Compiled {
    /// Keeps only the JSON lines of the given diagnostics (by message) plus non-JSON lines.
    fn stderr_with(&self, diags: &[diagnostics::Diagnostic]) -> String {
        let keep: BTreeSet<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        self.stderr
            .lines()
            .filter(|l| {
                !l.starts_with('{')
                    || serde_json::from_str::<Value>(l)
                        .ok()
                        .and_then(|v| v["message"].as_str().map(|m| keep.contains(m)))
                        .unwrap_or(false)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Default for RustcEngine {
    fn default() -> Self {
        RustcEngine::new()
    }
}

impl Engine for RustcEngine {
    fn kernel_info(&self) -> LanguageInfo {
        let version = self.rustc_version.lock().unwrap().clone();
        LanguageInfo {
            language_info: crate::engine::rust_language_info(&version),
            banner: "Rust with arraylib (imported as np). Type :help for commands.".to_string(),
            help_links: vec![(
                "Rust standard library".into(),
                "https://doc.rust-lang.org/std/".into(),
            )],
        }
    }

    fn execute(&mut self, code: &str, silent: bool, sink: &dyn OutputSink) -> ExecuteOutcome {
        self.execute_inner(code, silent, sink)
    }

    fn evaluate(&mut self, expression: &str) -> Result<DisplayData, ErrorInfo> {
        match self.execute_inner(expression, true, &crate::engine::NullSink) {
            ExecuteOutcome::Ok { result } => Ok(result.unwrap_or_default()),
            ExecuteOutcome::Error(e) => Err(e),
        }
    }

    fn complete(&mut self, code: &str, cursor_pos: usize) -> Completions {
        let names = self.session_names();
        let empty = ApiIndex::default();
        let api = self.ready.as_ref().map(|r| &r.api).unwrap_or(&empty);
        completion::complete(api, &names, code, cursor_pos)
    }

    fn inspect(&mut self, code: &str, cursor_pos: usize, _detail_level: u8) -> Option<MimeBundle> {
        let names = self.session_names();
        let empty = ApiIndex::default();
        let api = self.ready.as_ref().map(|r| &r.api).unwrap_or(&empty);
        completion::inspect(api, &names, code, cursor_pos)
    }

    fn is_complete(&mut self, code: &str) -> Completeness {
        cell_syntax::is_complete(code)
    }

    fn interrupter(&self) -> Arc<dyn Interrupter> {
        Arc::new(EngineInterrupter(self.interrupt.clone()))
    }

    fn shutdown(&mut self, restart: bool) {
        if let Some(r) = self.ready.as_mut() {
            r.child = None;
        }
        self.vars.clear();
        self.items.clear();
        self.items_lib = None;
        self.deps.clear();
        self.deps_lib = None;
        self.auto_imports.clear();
        self.counter = 0;
        if restart {
            if let Some(r) = self.ready.as_mut() {
                let _ = std::fs::remove_dir_all(self.build_dir.join("items"));
                let _ = std::fs::create_dir_all(self.build_dir.join("items"));
                r.child = spawn_child(&r.tc, &r.rt, &self.build_dir).ok();
            }
        } else {
            let _ = std::fs::remove_dir_all(&self.build_dir);
        }
    }
}

impl Drop for RustcEngine {
    fn drop(&mut self) {
        if let Some(r) = self.ready.as_mut() {
            r.child = None;
        }
        if std::env::var_os("ARRAYLIB_KERNEL_KEEP_BUILD_DIR").is_some() {
            eprintln!("[arraylib-kernel] keeping {}", self.build_dir.display());
            return;
        }
        let _ = std::fs::remove_dir_all(&self.build_dir);
    }
}

#[cfg(test)]
mod e2e_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ename_from_panic_message() {
        assert_eq!(
            split_ename("ValueError: operands could not be broadcast together"),
            (
                "ValueError".into(),
                "operands could not be broadcast together".into()
            )
        );
        assert_eq!(
            split_ename("index out of bounds: the len is 3"),
            ("Panic".into(), "index out of bounds: the len is 3".into())
        );
        assert_eq!(split_ename("boom"), ("Panic".into(), "boom".into()));
    }
}
