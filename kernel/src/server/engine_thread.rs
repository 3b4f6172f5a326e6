//! The engine runs on a dedicated thread because `Engine::execute` blocks; the async loops
//! send it closures and await their results.

use super::rate_limit::{RateLimit, Verdict};
use crate::channels::iopub::Iopub;
use crate::channels::stdin::Stdin;
use crate::engine::{DisplayData, Engine, InputReply, OutputSink, StreamName};
use crate::wire::Message;
use serde_json::{json, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Mutex};
use std::time::Instant;

type Job = Box<dyn FnOnce(&mut dyn Engine) + Send>;

/// The engine thread stopped, or a call into the engine panicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngineFailed;

/// A handle to the engine thread. Calls run one at a time, in the order they were made.
#[derive(Clone)]
pub struct EngineHandle {
    jobs: mpsc::Sender<Job>,
}

impl EngineHandle {
    /// Moves `engine` onto its own thread.
    pub fn spawn(mut engine: Box<dyn Engine>) -> Result<Self, String> {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("engine".into())
            .spawn(move || {
                for job in queue {
                    if catch_unwind(AssertUnwindSafe(|| job(engine.as_mut()))).is_err() {
                        crate::log!("engine: a call panicked; the engine keeps serving");
                    }
                }
            })
            .map_err(|e| format!("cannot start the engine thread: {e}"))?;
        Ok(EngineHandle { jobs })
    }

    /// Runs `f` on the engine thread and returns its result.
    pub async fn call<R, F>(&self, f: F) -> Result<R, EngineFailed>
    where
        R: Send + 'static,
        F: FnOnce(&mut dyn Engine) -> R + Send + 'static,
    {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |engine| {
            let _ = tx.send(f(engine));
        });
        self.jobs.send(job).map_err(|_| EngineFailed)?;
        rx.await.map_err(|_| EngineFailed)
    }
}

/// Forwards a cell's output to IOPub as children of its `execute_request`; drops everything
/// for silent cells, and applies the IOPub data-rate limit ([`RateLimit`]).
pub struct IopubSink {
    iopub: Iopub,
    parent: Message,
    silent: bool,
    /// The stdin channel and the session id, when the request allows input.
    stdin: Option<(Stdin, String)>,
    limit: Mutex<Option<RateLimit<DisplayData>>>,
}

impl IopubSink {
    /// A sink for the output of `parent`, limited as the environment says.
    pub fn new(iopub: Iopub, parent: Message, silent: bool) -> Self {
        IopubSink {
            iopub,
            parent,
            silent,
            stdin: None,
            limit: Mutex::new(RateLimit::from_env()),
        }
    }

    /// Lets the cell ask for input on `stdin` (the request's `allow_stdin` was true).
    pub fn with_stdin(mut self, stdin: Stdin, session: &str) -> Self {
        self.stdin = Some((stdin, session.to_string()));
        self
    }

    fn publish_stream(&self, name: &str, text: &str) {
        let content = json!({ "name": name, "text": text });
        self.iopub.publish("stream", Some(&self.parent), content);
    }

    /// Whether output of `bytes` may go out now; sends the limit's notices on stderr.
    /// `display` is kept (by id) when dropped, to be restored at the end of the cell.
    fn admit(&self, bytes: usize, display: Option<&DisplayData>) -> bool {
        let mut guard = self.limit.lock().unwrap_or_else(|e| e.into_inner());
        let Some(limit) = guard.as_mut() else {
            return true;
        };
        let verdict = limit.admit(bytes, Instant::now());
        let send = match verdict {
            Verdict::Send => true,
            Verdict::SendAfter(notice) => {
                self.publish_stream("stderr", &notice);
                true
            }
            Verdict::DropAfter(notice) => {
                self.publish_stream("stderr", &notice);
                false
            }
            Verdict::Drop => false,
        };
        if !send {
            if let Some(d) = display {
                if let Some(id) = &d.display_id {
                    limit.remember_display(id.clone(), d.clone());
                }
            }
        }
        send
    }
}

impl Drop for IopubSink {
    /// The end of the cell: restores displays whose last update was dropped and says how
    /// much output the limit dropped.
    fn drop(&mut self) {
        let finished = self
            .limit
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .as_mut()
            .map(RateLimit::finish);
        if let Some((displays, notice)) = finished {
            for display in displays {
                self.iopub.publish(
                    "update_display_data",
                    Some(&self.parent),
                    display_content(display),
                );
            }
            if let Some(notice) = notice {
                self.publish_stream("stderr", &notice);
            }
        }
    }
}

impl OutputSink for IopubSink {
    fn stream(&self, name: StreamName, text: &str) {
        if !self.silent && !text.is_empty() && self.admit(text.len(), None) {
            self.publish_stream(name.as_str(), text);
        }
    }

    fn display(&self, display: DisplayData, update: bool) {
        if self.silent {
            return;
        }
        if update && display.display_id.is_none() {
            crate::log!("engine: update_display_data without a display_id was dropped");
            return;
        }
        let bytes: usize = display
            .data
            .values()
            .map(|v| v.as_str().map_or(64, str::len))
            .sum();
        if !self.admit(bytes, Some(&display)) {
            return;
        }
        let msg_type = if update {
            "update_display_data"
        } else {
            "display_data"
        };
        self.iopub
            .publish(msg_type, Some(&self.parent), display_content(display));
    }

    fn clear_output(&self, wait: bool) {
        if !self.silent {
            self.iopub
                .publish("clear_output", Some(&self.parent), json!({ "wait": wait }));
        }
    }

    fn request_input(
        &self,
        prompt: &str,
        password: bool,
        cancelled: &dyn Fn() -> bool,
    ) -> InputReply {
        let Some((stdin, session)) = self.stdin.as_ref().filter(|_| !self.silent) else {
            return InputReply::NotAllowed;
        };
        let content = json!({ "prompt": prompt, "password": password });
        let request = Message::new("input_request", session, Some(&self.parent), content);
        let answered = stdin.ask(request);
        loop {
            match answered.recv_timeout(std::time::Duration::from_millis(20)) {
                Ok(value) => return InputReply::Value(value),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) if !cancelled() => {}
                Err(_) => return InputReply::Cancelled,
            }
        }
    }
}

/// `{data, metadata, transient}` for `display_data`, `update_display_data` and
/// `execute_result`.
pub fn display_content(display: DisplayData) -> Value {
    let transient = match display.display_id {
        Some(id) => json!({ "display_id": id }),
        None => json!({}),
    };
    json!({
        "data": Value::Object(display.data),
        "metadata": Value::Object(display.metadata),
        "transient": transient,
    })
}
