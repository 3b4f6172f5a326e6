//! The entry point of the cell host: the kernel binary started as `arraylib-kernel
//! __cell-host`. It loads the prebuilt runtime dylib (which links the toolchain's `libstd`
//! dynamically, like every compiled cell) and hands control to it; all cell code runs there.

use super::child::{HOST_SUBCOMMAND, RUNTIME_ENV};

/// Runs the cell host and exits if this process was started as one (`__cell-host`); returns
/// at once otherwise. `main()` calls this first.
pub fn child_main_if_requested() {
    if std::env::args_os().nth(1).as_deref() != Some(std::ffi::OsStr::new(HOST_SUBCOMMAND)) {
        return;
    }
    let code = run();
    std::process::exit(code);
}

fn run() -> i32 {
    let Some(lib) = std::env::var_os(RUNTIME_ENV) else {
        eprintln!("{HOST_SUBCOMMAND}: {RUNTIME_ENV} is not set");
        return 2;
    };
    let Ok(path) = std::ffi::CString::new(std::os::unix::ffi::OsStrExt::as_bytes(lib.as_os_str()))
    else {
        return 2;
    };
    // SAFETY: loading the runtime built for this purpose; RTLD_GLOBAL so that libraries
    // (arraylib) can find its interrupt flag with dlsym(RTLD_DEFAULT, ...).
    let handle = unsafe { libc::dlopen(path.as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL) };
    if handle.is_null() {
        // SAFETY: dlerror returns a NUL-terminated message after a failed dlopen.
        let err = unsafe { std::ffi::CStr::from_ptr(libc::dlerror()) };
        eprintln!(
            "{HOST_SUBCOMMAND}: cannot load the cell runtime: {}",
            err.to_string_lossy()
        );
        return 2;
    }
    let name = c"arraylib_cell_host_main";
    // SAFETY: looking up the runtime's entry point.
    let sym = unsafe { libc::dlsym(handle, name.as_ptr()) };
    if sym.is_null() {
        eprintln!("{HOST_SUBCOMMAND}: the cell runtime has no arraylib_cell_host_main");
        return 2;
    }
    // SAFETY: the runtime defines `extern "C" fn arraylib_cell_host_main(i32, i32) -> i32`.
    let main: extern "C" fn(i32, i32) -> i32 = unsafe { std::mem::transmute(sym) };
    main(3, 4)
}
