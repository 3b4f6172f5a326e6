//! Lets the Jupyter kernel interrupt long arraylib operations.
//!
//! The kernel's cell host exports `arraylib_kernel_check_interrupt`, which unwinds with a
//! `KeyboardInterrupt` payload when the user pressed interrupt. arraylib looks the symbol up
//! once at run time, so it has no build dependency on the kernel and costs nothing outside it.
//!
//! Loops written here call [`check`]. Work that cannot call it, such as faer's factorizations,
//! runs through `offload` on a thread of its own while the caller waits and checks.

use crate::array::Array;
use std::cell::Cell;
use std::ffi::{c_char, c_void};
use std::sync::OnceLock;
use std::sync::mpsc;
use std::time::Duration;

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
        // A worker of `offload` may outlive an interrupted cell; it must never take the
        // interrupt meant for a later cell.
        if !IN_WORKER.get() {
            f();
        }
    }
}

thread_local! {
    static IN_WORKER: Cell<bool> = const { Cell::new(false) };
}

/// Below this many multiply-adds (about 20 ms of faer) a thread costs more than it can save.
const OFFLOAD_MIN_WORK: f64 = (1u64 << 26) as f64;

/// How often the waiting caller looks for an interrupt.
const POLL: Duration = Duration::from_millis(20);

/// Moves values between the caller and the worker of [`offload`].
struct Handoff<T>(T);

// SAFETY: `Array` is not `Send` only because its buffer is reached through a raw pointer. The
// arrays handed over are private deep copies (inputs) or freshly computed results (outputs):
// no other handle to their buffers exists on the sending side, and the channel orders the
// hand-over, so the receiving thread is their only user.
unsafe impl<T> Send for Handoff<T> {}

/// The cost in multiply-adds of an `O(n^3)` factorization of every matrix in `a`.
fn cubic_work(a: &Array) -> f64 {
    let shape = a.shape();
    if shape.len() < 2 {
        return shape.iter().product::<usize>() as f64;
    }
    let (m, n) = (shape[shape.len() - 2] as f64, shape[shape.len() - 1] as f64);
    let batch = shape[..shape.len() - 2].iter().product::<usize>() as f64;
    batch * m * n * m.min(n)
}

/// Runs `work` over `inputs` so that an interrupt stops the caller within [`POLL`], even
/// though `work` itself never checks (faer's factorizations cannot).
///
/// Outside the kernel, or for small inputs, `work` simply runs here. Otherwise it runs on a
/// thread of its own over deep copies of the inputs, so a cell interrupted meanwhile leaves no
/// thread reading the user's arrays; the caller waits, checking for the interrupt. After an
/// interrupt the worker finishes in the background and its result is dropped: NumPy cannot
/// stop LAPACK either, but there the whole interpreter waits.
pub(crate) fn offload<R: 'static>(
    inputs: &[&Array],
    work: impl FnOnce(&[Array]) -> R + Send + 'static,
) -> R {
    let total: f64 = inputs.iter().map(|a| cubic_work(a)).sum();
    if check_fn().is_none() || IN_WORKER.get() || total < OFFLOAD_MIN_WORK {
        let same: Vec<Array> = inputs.iter().map(|a| (*a).clone()).collect();
        return work(&same);
    }
    on_worker(inputs, work)
}

/// The threaded half of [`offload`].
fn on_worker<R: 'static>(
    inputs: &[&Array],
    work: impl FnOnce(&[Array]) -> R + Send + 'static,
) -> R {
    let copies = Handoff(inputs.iter().map(|a| a.copy()).collect::<Vec<Array>>());
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("arraylib-linalg".into())
        .spawn(move || {
            IN_WORKER.set(true);
            let copies = copies;
            let outcome =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Handoff(work(&copies.0))));
            // The receiver is gone when the cell was interrupted; the result is dropped here.
            let _ = tx.send(outcome);
        });
    if spawned.is_err() {
        // The work went with the closure; Python says the same when it is out of threads.
        panic!("RuntimeError: can't start new thread");
    }
    loop {
        match rx.recv_timeout(POLL) {
            Ok(Ok(result)) => return result.0,
            Ok(Err(payload)) => std::panic::resume_unwind(payload),
            Err(mpsc::RecvTimeoutError::Timeout) => check(),
            // The worker always sends before it ends.
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                panic!("RuntimeError: the linear algebra worker ended without a result")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worker_results_and_panics_reach_the_caller() {
        let a = crate::arange(6).reshape([2, 3]);
        let b = crate::ones([2, 3]);
        let sum = on_worker(&[&a, &b], |x| (&x[0] + &x[1]).sum().to_f64());
        assert_eq!(sum, 21.0);
        // The worker reads copies: writing the original afterwards cannot reach it.
        let copy = on_worker(&[&a], |x| x[0].clone());
        assert!(!copy.shares_memory(&a));
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            on_worker(&[&a], |_| -> () { panic!("inside") })
        }));
        let payload = caught.unwrap_err();
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"inside"));
    }

    #[test]
    fn linalg_through_the_worker_matches_inline() {
        let m = crate::array![[4.0, 1.0, 2.0], [1.0, 3.0, 0.5], [2.0, 0.5, 5.0]];
        let inline = crate::linalg::inv(&m);
        let threaded = on_worker(&[&m], |x| crate::linalg::inv(&x[0]));
        assert!(crate::allclose(&inline, &threaded));
    }
}
