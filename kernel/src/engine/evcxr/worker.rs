//! The thread that owns evcxr's `CommandContext`. It starts evcxr and preloads `arraylib`
//! (the warm-up), then runs the jobs the engine sends, one at a time.

use super::interrupt::InterruptState;
use super::preload;
use ::evcxr::CommandContext;
use crossbeam_channel::{Receiver, Sender};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Work for the evcxr thread.
pub type Job = Box<dyn FnOnce(&mut Session) + Send>;

/// What the engine gets once evcxr is up.
pub struct Ready {
    /// Lines the runtime wrote to stdout (displays and panic frames included).
    pub stdout: Receiver<String>,
    /// Lines the runtime wrote to stderr.
    pub stderr: Receiver<String>,
}

/// The evcxr session, living on the worker thread.
pub struct Session {
    /// evcxr's REPL state.
    pub ctx: CommandContext,
    /// The runtime process the panic hook was installed in.
    hook_pid: u32,
    interrupt: Arc<InterruptState>,
}

impl Session {
    /// Installs the panic hook if evcxr restarted its runtime since the last time (after an
    /// interrupt, a crash or `:clear`), and records the runtime's pid for interrupts.
    pub fn ensure_hook(&mut self) {
        let pid = self
            .ctx
            .process_handle()
            .lock()
            .map(|c| c.id())
            .unwrap_or(0);
        self.interrupt
            .runtime_pid
            .store(pid as i32, Ordering::SeqCst);
        if pid != self.hook_pid {
            match self.ctx.execute(preload::PANIC_HOOK) {
                Ok(_) => self.hook_pid = pid,
                Err(e) => crate::log!("evcxr: cannot install the panic hook: {e}"),
            }
        }
    }
}

/// Starts the worker: warm-up first, then jobs. Returns the job queue and where the warm-up
/// result arrives.
pub fn spawn(
    slot: PathBuf,
    workspace: PathBuf,
    interrupt: Arc<InterruptState>,
    version: Arc<Mutex<String>>,
) -> (Sender<Job>, Receiver<Result<Ready, String>>) {
    let (jobs_tx, jobs_rx) = crossbeam_channel::unbounded::<Job>();
    let (ready_tx, ready_rx) = crossbeam_channel::bounded(1);
    let spawned = std::thread::Builder::new()
        .name("evcxr".into())
        .spawn(move || {
            if let Ok(tc) = crate::engine::rustc::toolchain::Toolchain::detect() {
                *version.lock().unwrap() = tc.release;
            }
            if super::session_dir::seed(&slot) {
                crate::log!("evcxr: seeded {} from another slot's build", slot.display());
            }
            let mut session = match warm_up(&workspace, &interrupt) {
                Ok((session, ready)) => {
                    let _ = ready_tx.send(Ok(ready));
                    session
                }
                Err(e) => {
                    crate::log!("evcxr: warm-up failed: {e}");
                    let _ = ready_tx.send(Err(e));
                    return;
                }
            };
            for job in jobs_rx {
                job(&mut session);
            }
        });
    if let Err(e) = spawned {
        let (tx, rx) = crossbeam_channel::bounded(1);
        let _ = tx.send(Err(format!("cannot start the evcxr thread: {e}")));
        return (jobs_tx, rx);
    }
    (jobs_tx, ready_rx)
}

/// Drops stdout lines while nobody else reads them: evcxr waits until its stdout channel is
/// empty before `execute` returns.
struct Drain {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drain {
    fn start(rx: Receiver<String>) -> Drain {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            while !flag.load(Ordering::SeqCst) {
                let _ = rx.recv_timeout(Duration::from_millis(20));
            }
        });
        Drain {
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for Drain {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn warm_up(
    workspace: &std::path::Path,
    interrupt: &Arc<InterruptState>,
) -> Result<(Session, Ready), String> {
    let t0 = std::time::Instant::now();
    let (mut ctx, outputs) =
        CommandContext::new().map_err(|e| format!("evcxr could not start: {e}"))?;
    let drain = Drain::start(outputs.stdout.clone());
    ctx.execute(&preload::session_code(workspace))
        .map_err(|e| format!("evcxr could not build arraylib: {e}"))?;
    let mut session = Session {
        ctx,
        hook_pid: 0,
        interrupt: interrupt.clone(),
    };
    session.ensure_hook();
    drop(drain);
    // Whatever the runtime printed during warm-up (it should be nothing) is not a cell's.
    while outputs.stderr.try_recv().is_ok() {}
    crate::log!("evcxr: ready in {:.1}s", t0.elapsed().as_secs_f64());
    Ok((
        session,
        Ready {
            stdout: outputs.stdout,
            stderr: outputs.stderr,
        },
    ))
}
