//! The five Jupyter sockets and the threads that serve them.
//!
//! Heartbeat, control and IOPub each get a thread with a single-threaded tokio runtime, so none
//! of them waits for a running cell; shell and stdin run on the calling thread; the engine has
//! a thread of its own (see [`crate::server::EngineHandle`]).

pub mod control;
pub mod heartbeat;
pub mod iopub;
pub mod router;
pub mod shell;
pub mod stdin;

use crate::engine::Engine;
use crate::server::{EngineHandle, Server};
use crate::wire::{message::new_id, ConnectionInfo, Signer};
use iopub::Iopub;
use std::future::Future;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

/// Binds every socket of `info` and serves requests with `engine` until a shutdown request
/// ends the process. Returns only on a startup error.
pub fn serve(info: &ConnectionInfo, engine: Box<dyn Engine>) -> Result<(), String> {
    let signer = Arc::new(Signer::new(info.key.as_bytes()));
    if !signer.is_enabled() {
        crate::log!("warning: the connection file has no key; messages are not authenticated");
    }
    let session = new_id();
    let (iopub, iopub_queue) = Iopub::channel(&session);
    let language = engine.kernel_info();
    let interrupter = engine.interrupter();
    let engine = EngineHandle::spawn(engine)?;
    let (stdin, stdin_queue) = stdin::Stdin::channel();
    let server = Arc::new(Server::new(
        session,
        signer.clone(),
        iopub.clone(),
        stdin,
        engine,
        interrupter,
        language,
    ));

    let (ready, bound) = mpsc::channel::<Result<(), String>>();
    let endpoint = info.endpoint(info.hb_port);
    spawn_loop("heartbeat", ready.clone(), async move {
        heartbeat::bind(&endpoint).await.map(heartbeat::run)
    })?;
    let endpoint = info.endpoint(info.iopub_port);
    let iopub_signer = signer.clone();
    spawn_loop("iopub", ready.clone(), async move {
        let socket = iopub::bind(&endpoint).await?;
        Ok(iopub::run(socket, iopub_queue, iopub_signer))
    })?;
    let endpoint = info.endpoint(info.control_port);
    let control_server = server.clone();
    spawn_loop("control", ready.clone(), async move {
        let socket = router::bind("control", &endpoint).await?;
        Ok(control::run(socket, control_server))
    })?;
    drop(ready);
    for result in bound.iter().take(3) {
        result?;
    }

    watch_parent_process();
    runtime()?.block_on(async move {
        let shell_socket = router::bind("shell", &info.endpoint(info.shell_port)).await?;
        let stdin_socket = router::bind("stdin", &info.endpoint(info.stdin_port)).await?;
        tokio::spawn(stdin::run(stdin_socket, signer, stdin_queue));
        crate::log!("listening on {} (shell port {})", info.ip, info.shell_port);
        iopub.status("starting", None);
        shell::run(shell_socket, server).await;
        Ok(())
    })
}

/// A single-threaded runtime with I/O and timers.
fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start an async runtime: {e}"))
}

/// Runs `setup` on a new thread; reports its binding result on `ready`, then runs the loop
/// it returns.
fn spawn_loop<S, L>(
    name: &str,
    ready: mpsc::Sender<Result<(), String>>,
    setup: S,
) -> Result<(), String>
where
    S: Future<Output = Result<L, String>> + Send + 'static,
    L: Future<Output = ()> + 'static,
{
    let runtime = runtime()?;
    std::thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            runtime.block_on(async move {
                match setup.await {
                    Ok(serve) => {
                        let _ = ready.send(Ok(()));
                        serve.await;
                    }
                    Err(e) => {
                        let _ = ready.send(Err(e));
                    }
                }
            })
        })
        .map(drop)
        .map_err(|e| format!("cannot start the {name} thread: {e}"))
}

/// Lets queued replies and IOPub messages go out, then ends the process.
pub async fn exit_soon() -> ! {
    tokio::time::sleep(Duration::from_millis(200)).await;
    crate::log!("shut down");
    std::process::exit(0)
}

/// Exits when the process that launched the kernel (`JPY_PARENT_PID`) goes away, as ipykernel
/// does, so that no kernel is orphaned by a crashed notebook server.
fn watch_parent_process() {
    #[cfg(unix)]
    {
        let Some(parent) = std::env::var("JPY_PARENT_PID")
            .ok()
            .and_then(|p| p.parse::<u32>().ok())
        else {
            return;
        };
        let initial = std::os::unix::process::parent_id();
        if parent <= 1 || initial != parent {
            return;
        }
        let _ = std::thread::Builder::new()
            .name("parent-watch".into())
            .spawn(move || loop {
                std::thread::sleep(Duration::from_secs(1));
                if std::os::unix::process::parent_id() != initial {
                    crate::log!("parent process {parent} is gone; exiting");
                    std::process::exit(1);
                }
            });
    }
}
