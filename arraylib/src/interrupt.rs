//! Lets the Jupyter kernel interrupt long arraylib operations.
//!
//! The kernel's cell host exports `arraylib_kernel_check_interrupt`, which unwinds with a
//! `KeyboardInterrupt` payload when the user pressed interrupt. arraylib looks the symbol up
//! once at run time, so it has no build dependency on the kernel and costs nothing outside it.

use std::ffi::{c_char, c_void};
use std::sync::OnceLock;

unsafe extern "C" {
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
}

type CheckFn = extern "C-unwind" fn();

fn check_fn() -> Option<CheckFn> {
    static CHECK: OnceLock<Option<CheckFn>> = OnceLock::new();
    *CHECK.get_or_init(|| {
        // RTLD_DEFAULT is the null handle on glibc: search every loaded object.
        // SAFETY: the name is a NUL-terminated literal; a found symbol has the documented type.
        let sym = unsafe {
            dlsym(
                std::ptr::null_mut(),
                c"arraylib_kernel_check_interrupt".as_ptr(),
            )
        };
        if sym.is_null() {
            None
        } else {
            // SAFETY: the cell host defines the symbol as `extern "C-unwind" fn()`.
            Some(unsafe { std::mem::transmute::<*mut c_void, CheckFn>(sym) })
        }
    })
}

/// Stops the current operation with `KeyboardInterrupt` if the user interrupted the kernel;
/// does nothing outside the kernel. Long loops call it every few thousand elements.
///
/// ```
/// arraylib::interrupt::check(); // no kernel here: returns at once
/// ```
#[inline]
pub fn check() {
    if let Some(f) = check_fn() {
        f();
    }
}
