//! The entry point of the cell host: the kernel binary started as `arraylib-kernel
//! __cell-host`. It loads the prebuilt runtime dylib (which links the toolchain's `libstd`
//! dynamically, like every compiled cell) and hands control to it; all cell code runs there.

use super::child::{HOST_SUBCOMMAND, RUNTIME_ENV, SUPPORT_ENV};
use super::codegen::SUPPORT_INIT;
use std::ffi::{CStr, CString, OsStr};

/// Runs the cell host and exits if this process was started as one (`__cell-host`); returns
/// at once otherwise. `main()` calls this first.
pub fn child_main_if_requested() {
    if std::env::args_os().nth(1).as_deref() != Some(std::ffi::OsStr::new(HOST_SUBCOMMAND)) {
        return;
    }
    let code = run();
    std::process::exit(code);
}

/// `dlopen` with `RTLD_NOW | RTLD_GLOBAL`, so libraries loaded later (arraylib, cells) can find
/// the symbols of this one with `dlsym(RTLD_DEFAULT, ...)`.
fn load_global(path: &OsStr) -> Result<*mut libc::c_void, String> {
    let c_path = CString::new(std::os::unix::ffi::OsStrExt::as_bytes(path))
        .map_err(|_| "a NUL byte in the path".to_string())?;
    // SAFETY: loading a library built by the kernel for this process.
    let handle = unsafe { libc::dlopen(c_path.as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL) };
    if handle.is_null() {
        // SAFETY: dlerror returns a NUL-terminated message after a failed dlopen.
        let err = unsafe { CStr::from_ptr(libc::dlerror()) };
        return Err(err.to_string_lossy().into_owned());
    }
    Ok(handle)
}

fn symbol(handle: *mut libc::c_void, name: &str) -> *mut libc::c_void {
    let Ok(name) = CString::new(name) else {
        return std::ptr::null_mut();
    };
    // SAFETY: looking up a symbol in a library we loaded.
    unsafe { libc::dlsym(handle, name.as_ptr()) }
}

fn run() -> i32 {
    let Some(lib) = std::env::var_os(RUNTIME_ENV) else {
        eprintln!("{HOST_SUBCOMMAND}: {RUNTIME_ENV} is not set");
        return 2;
    };
    let handle = match load_global(&lib) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("{HOST_SUBCOMMAND}: cannot load the cell runtime: {e}");
            return 2;
        }
    };
    // The support library every cell links against: loaded now rather than with the first
    // cell, and its set-up (the describer of `:whos`) runs once per process.
    if let Some(support) = std::env::var_os(SUPPORT_ENV) {
        match load_global(&support) {
            Ok(h) => {
                let init = symbol(h, SUPPORT_INIT);
                if !init.is_null() {
                    // SAFETY: the support library defines `extern "C" fn()` under this name.
                    let init: extern "C" fn() = unsafe { std::mem::transmute(init) };
                    init();
                }
            }
            Err(e) => eprintln!("{HOST_SUBCOMMAND}: cannot load the support library: {e}"),
        }
    }
    let sym = symbol(handle, "arraylib_cell_host_main");
    if sym.is_null() {
        eprintln!("{HOST_SUBCOMMAND}: the cell runtime has no arraylib_cell_host_main");
        return 2;
    }
    // SAFETY: the runtime defines `extern "C" fn arraylib_cell_host_main(i32, i32) -> i32`.
    let main: extern "C" fn(i32, i32) -> i32 = unsafe { std::mem::transmute(sym) };
    main(3, 4)
}
