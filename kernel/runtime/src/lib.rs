//! Runtime of the arraylib Jupyter kernel's cell host.
//!
//! The kernel builds this crate as a Rust `dylib` (with `-C prefer-dynamic`) once, next to the
//! `arraylib` dylib. The long-lived child process that runs cells loads it (`dlopen` with
//! `RTLD_GLOBAL`) and calls [`arraylib_cell_host_main`]; every compiled cell links against it
//! and uses [`take`], [`put`], [`check_interrupt`] and [`set_result`].
//!
//! # Interrupts
//!
//! SIGINT sets a process-wide flag. Generated cell code calls [`check_interrupt`] at the top
//! of every loop body; it panics with a [`KeyboardInterrupt`] payload when the flag is set.
//! Libraries that run long loops of their own (arraylib) can poll the flag without depending
//! on this crate: look up the C symbol `arraylib_kernel_interrupt_requested`
//! (`extern "C" fn() -> i32`, 1 when an interrupt is pending) with
//! `dlsym(RTLD_DEFAULT, ...)`; the environment variable `ARRAYLIB_KERNEL_CELL_HOST=1` is set in
//! the cell host. Or call the symbol `arraylib_kernel_check_interrupt` (`extern "C-unwind"
//! fn()`), which panics with `KeyboardInterrupt` like [`check_interrupt`].

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::os::raw::{c_char, c_int, c_void};
use std::os::unix::io::FromRawFd;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

static INTERRUPT: AtomicBool = AtomicBool::new(false);
/// The command pipe from the kernel: `input` reads its answer there while a cell runs.
static COMMANDS_FD: AtomicI32 = AtomicI32::new(-1);

thread_local! {
    static STORE: RefCell<HashMap<String, Box<dyn Any>>> = RefCell::new(HashMap::new());
    static TYPE_NAMES: RefCell<HashMap<String, &'static str>> = RefCell::new(HashMap::new());
    static RESULT: RefCell<Option<Vec<(String, String)>>> = const { RefCell::new(None) };
    static PANIC: RefCell<Option<PanicRecord>> = const { RefCell::new(None) };
    static FAILED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The panic payload of an interrupted cell.
#[derive(Debug, Clone, Copy)]
pub struct KeyboardInterrupt;

struct PanicRecord {
    message: String,
    location: String,
}

/// Whether an interrupt is pending (C ABI, for libraries that poll it via `dlsym`).
#[no_mangle]
pub extern "C" fn arraylib_kernel_interrupt_requested() -> i32 {
    INTERRUPT.load(Ordering::Relaxed) as i32
}

/// Panics with [`KeyboardInterrupt`] if an interrupt is pending (C-unwind ABI, for `dlsym`).
#[no_mangle]
pub extern "C-unwind" fn arraylib_kernel_check_interrupt() {
    check_interrupt();
}

/// Panics with a [`KeyboardInterrupt`] payload if the user interrupted the kernel.
#[inline]
#[track_caller]
pub fn check_interrupt() {
    if INTERRUPT.load(Ordering::Relaxed) {
        INTERRUPT.store(false, Ordering::Relaxed);
        std::panic::panic_any(KeyboardInterrupt);
    }
}

/// Sleeps like `std::thread::sleep`, but in short slices so that an interrupt stops it.
///
/// The kernel rewrites `std::thread::sleep(..)` and `thread::sleep(..)` in cells to
/// [`sleep_shim`]'s copies of these paths, which call this.
#[track_caller]
pub fn sleep(duration: std::time::Duration) {
    const SLICE: std::time::Duration = std::time::Duration::from_millis(20);
    let end = std::time::Instant::now() + duration;
    loop {
        check_interrupt();
        let now = std::time::Instant::now();
        if now >= end {
            return;
        }
        std::thread::sleep((end - now).min(SLICE));
    }
}

/// `std::thread::sleep` and `thread::sleep` under a prefix, for the cell rewrite.
pub mod sleep_shim {
    /// `std::...` paths.
    pub mod std {
        /// `std::thread::sleep`.
        pub mod thread {
            pub use crate::sleep;
        }
    }
    /// `thread::sleep`.
    pub mod thread {
        pub use crate::sleep;
    }
}

// `take`, `put` and `clone_of` are instantiated in every cell for every variable it uses:
// their generic parts are kept to a downcast, and the rest is compiled once, here.

/// Moves the variable `name` out of the store.
///
/// Panics when it is missing or has another type (the kernel guarantees neither happens).
pub fn take<T: 'static>(name: &str) -> T {
    // Every line of a generic function is compiled again in each cell that calls it: keep
    // the store's work (hashing, the map) in non-generic functions.
    match take_any(name).downcast::<T>() {
        Ok(v) => *v,
        Err(b) => put_back_wrong_type(name, b, std::any::type_name::<T>()),
    }
}

#[cold]
fn put_back_wrong_type(name: &str, value: Box<dyn Any>, type_name: &str) -> ! {
    STORE.with(|s| s.borrow_mut().insert(name.to_string(), value));
    wrong_type(name, type_name)
}

fn take_any(name: &str) -> Box<dyn Any> {
    match STORE.with(|s| s.borrow_mut().remove(name)) {
        Some(b) => b,
        None => panic!("InternalError: variable `{name}` is not in the store"),
    }
}

#[cold]
fn wrong_type(name: &str, type_name: &str) -> ! {
    panic!("InternalError: variable `{name}` does not have type `{type_name}`")
}

/// Puts the variable `name` (back) into the store.
pub fn put<T: 'static>(name: &str, value: T) {
    put_any(name, Box::new(value), std::any::type_name::<T>());
}

fn put_any(name: &str, value: Box<dyn Any>, type_name: &'static str) {
    STORE.with(|s| s.borrow_mut().insert(name.to_string(), value));
    TYPE_NAMES.with(|t| t.borrow_mut().insert(name.to_string(), type_name));
}

/// A clone of a stored value, which stays in the store. Used for handles whose clone is a
/// cheap alias (arraylib's `Array` and `Scalar`), so a cell that consumes one (`a / 2`)
/// leaves the notebook's variable in place, as Python names behave.
pub fn clone_of<T: Clone + 'static>(name: &str) -> T {
    let mut out = None;
    with_stored(name, &mut |value| out = value.downcast_ref::<T>().cloned());
    match out {
        Some(v) => v,
        None => wrong_type(name, std::any::type_name::<T>()),
    }
}

fn with_stored(name: &str, f: &mut dyn FnMut(&dyn Any)) {
    STORE.with(|s| match s.borrow().get(name) {
        Some(value) => f(&**value),
        None => panic!("InternalError: variable `{name}` is not stored"),
    })
}

/// Describes a stored value as a JSON object for `:whos` (array shape, dtype, memory), or
/// `None` for values it does not know.
pub type Describer = fn(&dyn Any) -> Option<String>;

static DESCRIBER: std::sync::Mutex<Option<Describer>> = std::sync::Mutex::new(None);

/// Installs the function `:whos` uses to describe stored values. Every cell calls it with
/// arraylib's describer: this crate cannot depend on arraylib (see Cargo.toml).
pub fn set_describer(f: Describer) {
    if let Ok(mut d) = DESCRIBER.lock() {
        *d = Some(f);
    }
}

/// `[[name, type_name, description-or-null], ...]` for every stored value, sorted by name.
fn whos_json() -> String {
    let describe = DESCRIBER.lock().ok().and_then(|d| *d);
    let types = TYPE_NAMES.with(|t| t.borrow().clone());
    STORE.with(|s| {
        let store = s.borrow();
        let mut names: Vec<&String> = store.keys().collect();
        names.sort();
        let rows: Vec<String> = names
            .iter()
            .map(|name| {
                let info = describe
                    .and_then(|f| {
                        let value: &dyn Any = &**store.get(*name).unwrap();
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(value)))
                            .ok()
                            .flatten()
                    })
                    .unwrap_or_else(|| "null".to_string());
                format!(
                    "[{},{},{}]",
                    json_string(name),
                    json_string(types.get(*name).copied().unwrap_or("")),
                    info
                )
            })
            .collect();
        format!("[{}]", rows.join(","))
    })
}

/// Runs a cell's body, catching its panic and recording an error it returns (through `?`).
///
/// The body is called through `dyn` so that each cell does not compile its own copy of
/// `catch_unwind` and the error handling: that generic code was a good part of a small cell's
/// compile time. The panic payload is handed back so the cell can put its variables back into
/// the store before resuming the unwind.
pub fn run_body(
    body: &mut dyn FnMut() -> Result<(), Box<dyn std::error::Error>>,
) -> Option<Box<dyn Any + Send>> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(Ok(())) => None,
        Ok(Err(error)) => {
            fail(error.to_string());
            None
        }
        Err(payload) => Some(payload),
    }
}

/// Names every cell imports with a glob, so a session's own item of the same name wins.
pub mod prelude {
    pub use crate::{getpass, input};
}

/// Asks the user for a line of text, like Python's `input(prompt)`: JupyterLab shows an
/// input field under the cell, and the cell waits for the answer (without its newline).
///
/// Panics with `StdinNotImplementedError` when the frontend does not take input, and with
/// `KeyboardInterrupt` when the user interrupts the kernel while it waits.
pub fn input(prompt: &str) -> String {
    request_input(prompt, false)
}

/// Like [`input`], with the typed text hidden (Python's `getpass.getpass`).
pub fn getpass(prompt: &str) -> String {
    request_input(prompt, true)
}

fn request_input(prompt: &str, password: bool) -> String {
    flush_all();
    let frame = format!(
        "\x1eNPINPUT {{\"prompt\":{},\"password\":{password}}}\n",
        json_string(prompt)
    );
    write_all_fd(1, frame.as_bytes());
    let answer = read_command_line();
    if let Some(value) = answer.strip_prefix("input ") {
        return unescape_line(value);
    }
    if answer == "input-interrupted" {
        INTERRUPT.store(false, Ordering::Relaxed);
        std::panic::panic_any(KeyboardInterrupt);
    }
    panic!(
        "StdinNotImplementedError: input was called, but this frontend does not support input requests."
    )
}

/// Reads one line from the command pipe, byte by byte: the host loop's buffered reader is
/// idle while a cell runs, and must not lose what follows.
fn read_command_line() -> String {
    let fd = COMMANDS_FD.load(Ordering::Relaxed);
    let mut line = Vec::new();
    let mut byte = 0u8;
    loop {
        // SAFETY: reading one byte into a valid buffer.
        let n = unsafe { read(fd, &mut byte as *mut u8 as *mut c_void, 1) };
        if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        if n <= 0 || byte == b'\n' {
            break;
        }
        line.push(byte);
    }
    String::from_utf8_lossy(&line).into_owned()
}

/// Undoes the kernel's escaping of `\\`, `\n` and `\r`.
fn unescape_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Records a cell's trailing value as its `Debug` text (`text/plain`).
pub fn show_debug(value: &dyn std::fmt::Debug) {
    set_result(Some(vec![("text/plain".to_string(), format!("{value:?}"))]));
}

/// Records that the cell returned an error (through `?`) with this message.
pub fn fail(message: String) {
    FAILED.with(|f| *f.borrow_mut() = Some(message));
}

/// Records the MIME bundle of the cell's trailing expression.
pub fn set_result(bundle: Option<Vec<(String, String)>>) {
    RESULT.with(|r| *r.borrow_mut() = bundle);
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `[names...],"types":{name: type_name}` (the tail of a reply).
fn keys_json() -> String {
    let mut keys: Vec<String> = STORE.with(|s| s.borrow().keys().cloned().collect());
    keys.sort();
    let parts: Vec<String> = keys.iter().map(|k| json_string(k)).collect();
    let types: Vec<String> = TYPE_NAMES.with(|t| {
        let t = t.borrow();
        keys.iter()
            .filter_map(|k| {
                t.get(k)
                    .map(|ty| format!("{}:{}", json_string(k), json_string(ty)))
            })
            .collect()
    });
    format!("[{}],\"types\":{{{}}}", parts.join(","), types.join(","))
}

extern "C" {
    fn dlopen(filename: *const c_char, flag: c_int) -> *mut c_void;
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    fn dlerror() -> *mut c_char;
    fn signal(signum: c_int, handler: usize) -> usize;
    fn fflush(stream: *mut c_void) -> c_int;
    fn write(fd: c_int, buf: *const c_void, count: usize) -> isize;
    fn read(fd: c_int, buf: *mut c_void, count: usize) -> isize;
    fn getppid() -> c_int;
    fn _exit(status: c_int) -> !;
}

const RTLD_NOW: c_int = 2;
const SIGINT: c_int = 2;

extern "C" fn on_sigint(_: c_int) {
    INTERRUPT.store(true, Ordering::Relaxed);
}

fn write_all_fd(fd: c_int, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: `bytes` is a valid buffer of the given length.
        let n = unsafe { write(fd, bytes.as_ptr() as *const c_void, bytes.len()) };
        if n <= 0 {
            if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return;
        }
        bytes = &bytes[n as usize..];
    }
}

fn flush_all() {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: fflush(NULL) flushes every C stdio stream.
    unsafe {
        fflush(std::ptr::null_mut());
    }
}

fn last_dl_error() -> String {
    // SAFETY: dlerror returns NULL or a NUL-terminated string.
    unsafe {
        let e = dlerror();
        if e.is_null() {
            "unknown dynamic loader error".to_string()
        } else {
            std::ffi::CStr::from_ptr(e).to_string_lossy().into_owned()
        }
    }
}

fn payload_message(payload: &(dyn Any + Send)) -> String {
    if payload.is::<KeyboardInterrupt>() {
        "KeyboardInterrupt".to_string()
    } else if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "Box<dyn Any>".to_string()
    }
}

/// Runs one compiled cell; returns the JSON reply.
fn run_compiled_cell(id: &str, path: &str) -> String {
    let cpath = match std::ffi::CString::new(path) {
        Ok(p) => p,
        Err(_) => return format!("{{\"id\":{},\"ok\":false,\"ename\":\"LoadError\",\"evalue\":\"bad path\",\"location\":\"\",\"keys\":{}}}", json_string(id), keys_json()),
    };
    // SAFETY: loading a library the kernel just compiled for this process.
    let handle = unsafe { dlopen(cpath.as_ptr(), RTLD_NOW) };
    if handle.is_null() {
        return format!(
            "{{\"id\":{},\"ok\":false,\"ename\":\"LoadError\",\"evalue\":{},\"location\":\"\",\"keys\":{}}}",
            json_string(id),
            json_string(&last_dl_error()),
            keys_json()
        );
    }
    let sym = std::ffi::CString::new("__arraylib_cell_main").unwrap();
    // SAFETY: looking up the entry point every generated cell defines.
    let f = unsafe { dlsym(handle, sym.as_ptr()) };
    if f.is_null() {
        return format!(
            "{{\"id\":{},\"ok\":false,\"ename\":\"LoadError\",\"evalue\":{},\"location\":\"\",\"keys\":{}}}",
            json_string(id),
            json_string(&last_dl_error()),
            keys_json()
        );
    }
    // SAFETY: the generated cell defines `extern "C-unwind" fn __arraylib_cell_main()`.
    let entry: extern "C-unwind" fn() = unsafe { std::mem::transmute(f) };
    INTERRUPT.store(false, Ordering::Relaxed);
    RESULT.with(|r| *r.borrow_mut() = None);
    PANIC.with(|p| *p.borrow_mut() = None);
    FAILED.with(|f| *f.borrow_mut() = None);
    let outcome = std::panic::catch_unwind(|| entry());
    if let (Ok(()), Some(message)) = (&outcome, FAILED.with(|f| f.borrow_mut().take())) {
        return format!(
            "{{\"id\":{},\"ok\":false,\"interrupted\":false,\"kind\":\"error\",\"evalue\":{},\"location\":\"\",\"keys\":{}}}",
            json_string(id),
            json_string(&message),
            keys_json()
        );
    }
    match outcome {
        Ok(()) => {
            let result = RESULT.with(|r| r.borrow_mut().take());
            let result_json = match result {
                None => "null".to_string(),
                Some(pairs) => {
                    let parts: Vec<String> = pairs
                        .iter()
                        .map(|(k, v)| format!("[{},{}]", json_string(k), json_string(v)))
                        .collect();
                    format!("[{}]", parts.join(","))
                }
            };
            format!(
                "{{\"id\":{},\"ok\":true,\"result\":{},\"keys\":{}}}",
                json_string(id),
                result_json,
                keys_json()
            )
        }
        Err(payload) => {
            let interrupted = payload.is::<KeyboardInterrupt>();
            let (message, location) = PANIC.with(|p| match p.borrow_mut().take() {
                Some(r) => (r.message, r.location),
                None => (payload_message(&*payload), String::new()),
            });
            // Dropping the payload could itself panic; leak it instead.
            std::mem::forget(payload);
            format!(
                "{{\"id\":{},\"ok\":false,\"interrupted\":{},\"ename\":\"Panic\",\"evalue\":{},\"location\":{},\"keys\":{}}}",
                json_string(id),
                interrupted,
                json_string(&message),
                json_string(&location),
                keys_json()
            )
        }
    }
}

/// The cell host's main loop: reads commands from `cmd_fd`, writes JSON replies to
/// `reply_fd`, one line each; returns when `cmd_fd` is closed.
///
/// Commands: `run <id> <path-to-cell.so> <marker>` (runs the cell, then writes
/// `\x1eARRAYLIB_CELL_DONE <marker>\n` to stdout and stderr after the cell's output), `remove <name>`, `clear`, `keys`,
/// `whos` (every stored value with its type and, through [`set_describer`], a description).
#[no_mangle]
pub extern "C" fn arraylib_cell_host_main(cmd_fd: c_int, reply_fd: c_int) -> c_int {
    // SAFETY: installing an async-signal-safe handler that only stores an atomic.
    unsafe {
        signal(SIGINT, on_sigint as *const () as usize);
    }
    // Exit when the kernel goes away, even in the middle of a cell that never returns.
    // SAFETY: getppid and _exit are always safe to call.
    let parent = unsafe { getppid() };
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_millis(200));
        if unsafe { getppid() } != parent {
            unsafe { _exit(0) };
        }
    });
    std::panic::set_hook(Box::new(|info| {
        let message = payload_message(info.payload());
        let location = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        PANIC.with(|p| *p.borrow_mut() = Some(PanicRecord { message, location }));
    }));
    COMMANDS_FD.store(cmd_fd, Ordering::Relaxed);
    // SAFETY: the kernel passes these two descriptors to this process for our exclusive use.
    let cmds = BufReader::new(unsafe { File::from_raw_fd(cmd_fd) });
    let mut replies = unsafe { File::from_raw_fd(reply_fd) };
    for line in cmds.lines() {
        let Ok(line) = line else { break };
        let mut parts = line.split(' ');
        let cmd = parts.next().unwrap_or("");
        let reply = match cmd {
            "run" => {
                let id = parts.next().unwrap_or("").to_string();
                let path = parts.next().unwrap_or("").to_string();
                let marker = parts.next().unwrap_or("").to_string();
                let reply = run_compiled_cell(&id, &path);
                flush_all();
                let m = format!("\x1eARRAYLIB_CELL_DONE {marker}\n");
                write_all_fd(1, m.as_bytes());
                write_all_fd(2, m.as_bytes());
                reply
            }
            "remove" => {
                for name in parts {
                    STORE.with(|s| s.borrow_mut().remove(name));
                }
                format!("{{\"ok\":true,\"keys\":{}}}", keys_json())
            }
            "clear" => {
                let old = STORE.with(|s| std::mem::take(&mut *s.borrow_mut()));
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || drop(old)));
                let _ = r.map_err(std::mem::forget);
                format!("{{\"ok\":true,\"keys\":{}}}", keys_json())
            }
            "whos" => format!(
                "{{\"ok\":true,\"whos\":{},\"keys\":{}}}",
                whos_json(),
                keys_json()
            ),
            _ => format!("{{\"ok\":true,\"keys\":{}}}", keys_json()),
        };
        if replies.write_all(format!("{reply}\n").as_bytes()).is_err() {
            break;
        }
        let _ = replies.flush();
    }
    flush_all();
    0
}
