//! Request handling: what the kernel answers to each message, independent of sockets.
//!
//! [`Server`] holds what the shell and control loops share; [`Shell`] holds the state that only
//! the shell loop touches (execution count, history, aborting after an error).

mod engine_thread;
mod execute;
mod history;
mod rate_limit;
mod shell;
#[cfg(test)]
mod tests;

pub use engine_thread::{display_content, EngineHandle, IopubSink};
pub use history::History;
pub use shell::Shell;

use crate::channels::iopub::Iopub;
use crate::channels::stdin::Stdin;
use crate::engine::{Interrupter, LanguageInfo};
use crate::wire::{message::PROTOCOL_VERSION, Message, Signer};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

/// How long a shutdown waits for the engine to stop before the process exits anyway.
const ENGINE_SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(5);

/// What handling a request produced.
#[derive(Debug, Default)]
pub struct Handled {
    /// The reply to send on the request's channel, if the request gets one.
    pub reply: Option<Message>,
    /// Whether the process should exit once the reply is out.
    pub exit: bool,
}

impl Handled {
    fn reply(reply: Message) -> Self {
        Handled {
            reply: Some(reply),
            exit: false,
        }
    }
}

/// State shared by the shell and control loops.
pub struct Server {
    session: String,
    signer: Arc<Signer>,
    iopub: Iopub,
    stdin: Stdin,
    engine: EngineHandle,
    interrupter: Arc<dyn Interrupter>,
    kernel_info: Value,
}

impl Server {
    /// A server for one session. `language` is asked of the engine once, at start.
    pub fn new(
        session: String,
        signer: Arc<Signer>,
        iopub: Iopub,
        stdin: Stdin,
        engine: EngineHandle,
        interrupter: Arc<dyn Interrupter>,
        language: LanguageInfo,
    ) -> Self {
        Server {
            session,
            signer,
            iopub,
            stdin,
            engine,
            interrupter,
            kernel_info: kernel_info_content(language),
        }
    }

    /// The signer for this connection.
    pub fn signer(&self) -> Arc<Signer> {
        self.signer.clone()
    }

    /// The IOPub publisher.
    pub fn iopub(&self) -> &Iopub {
        &self.iopub
    }

    /// This kernel's session id (the `session` of the messages it sends).
    pub fn session(&self) -> &str {
        &self.session
    }

    /// The stdin channel, for cells that ask for input.
    pub fn stdin(&self) -> &Stdin {
        &self.stdin
    }

    /// The engine thread.
    pub fn engine(&self) -> &EngineHandle {
        &self.engine
    }

    /// A reply of `msg_type` to `request`.
    pub fn reply(&self, request: &Message, msg_type: &str, content: Value) -> Message {
        Message::new(msg_type, &self.session, Some(request), content)
    }

    /// Handles a request received on the control channel.
    pub async fn handle_control(&self, request: &Message) -> Handled {
        match request.msg_type() {
            "kernel_info_request" => Handled::reply(self.kernel_info_reply(request)),
            "interrupt_request" => {
                crate::log!("interrupt requested");
                self.interrupter.interrupt();
                Handled::reply(self.reply(request, "interrupt_reply", json!({"status": "ok"})))
            }
            "shutdown_request" => self.shutdown(request).await,
            other => {
                crate::log!("control: ignored unknown message type {other:?}");
                Handled::default()
            }
        }
    }

    /// `kernel_info_reply`; never waits for the engine.
    pub fn kernel_info_reply(&self, request: &Message) -> Message {
        self.reply(request, "kernel_info_reply", self.kernel_info.clone())
    }

    /// Stops the running cell and the engine, and answers with the same `restart` value.
    pub async fn shutdown(&self, request: &Message) -> Handled {
        let restart = request.bool_field("restart", false);
        crate::log!("shutdown requested (restart: {restart})");
        self.interrupter.interrupt();
        let stop = self.engine.call(move |engine| engine.shutdown(restart));
        if tokio::time::timeout(ENGINE_SHUTDOWN_TIMEOUT, stop)
            .await
            .is_err()
        {
            crate::log!("the engine did not stop in time; exiting anyway");
        }
        let content = json!({"status": "ok", "restart": restart});
        self.iopub
            .publish("shutdown_reply", Some(request), content.clone());
        Handled {
            reply: Some(self.reply(request, "shutdown_reply", content)),
            exit: true,
        }
    }
}

/// The content of `kernel_info_reply`.
fn kernel_info_content(language: LanguageInfo) -> Value {
    let help_links: Vec<Value> = language
        .help_links
        .into_iter()
        .map(|(text, url)| json!({"text": text, "url": url}))
        .collect();
    json!({
        "status": "ok",
        "protocol_version": PROTOCOL_VERSION,
        "implementation": "arraylib-kernel",
        "implementation_version": env!("CARGO_PKG_VERSION"),
        "language_info": language.language_info,
        "banner": language.banner,
        "help_links": help_links,
        "debugger": false,
    })
}
