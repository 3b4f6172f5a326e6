//! Shell requests other than `execute_request` (which lives in `execute.rs`).

use super::{Handled, History, Server};
use crate::engine::Completeness;
use crate::wire::Message;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Instant;

/// The state of the shell channel: execution count, history, and the abort window after an
/// error.
pub struct Shell {
    pub(super) server: Arc<Server>,
    /// The count the next stored execution gets; starts at 1.
    pub(super) execution_count: u64,
    pub(super) history: History,
    /// Execute requests received before this instant are aborted (`stop_on_error`).
    pub(super) abort_received_before: Option<Instant>,
}

impl Shell {
    /// A fresh session.
    pub fn new(server: Arc<Server>) -> Self {
        Shell {
            server,
            execution_count: 1,
            history: History::default(),
            abort_received_before: None,
        }
    }

    /// Handles one shell request received at `received`.
    pub async fn handle(&mut self, request: &Message, received: Instant) -> Handled {
        let server = self.server.clone();
        let reply = match request.msg_type() {
            "execute_request" => self.execute(request, received).await,
            "kernel_info_request" => server.kernel_info_reply(request),
            "is_complete_request" => self.is_complete(request).await,
            "complete_request" => self.complete(request).await,
            "inspect_request" => self.inspect(request).await,
            "history_request" => {
                let history = self.history.query(&request.content);
                let content = json!({"status": "ok", "history": history});
                server.reply(request, "history_reply", content)
            }
            "comm_info_request" => {
                // No comm targets are registered, so there are never open comms.
                let content = json!({"status": "ok", "comms": {}});
                server.reply(request, "comm_info_reply", content)
            }
            "comm_open" => {
                crate::log!(
                    "no comm target {:?}; closing the comm",
                    request.str_field("target_name")
                );
                let content = json!({"comm_id": request.str_field("comm_id"), "data": {}});
                server.iopub().publish("comm_close", Some(request), content);
                return Handled::default();
            }
            "comm_msg" | "comm_close" => return Handled::default(),
            "shutdown_request" => return server.shutdown(request).await,
            other => {
                crate::log!("shell: ignored unknown message type {other:?}");
                return Handled::default();
            }
        };
        Handled {
            reply: Some(reply),
            exit: false,
        }
    }

    async fn is_complete(&self, request: &Message) -> Message {
        let code = request.str_field("code").to_string();
        let result = self
            .server
            .engine()
            .call(move |engine| engine.is_complete(&code))
            .await
            .unwrap_or(Completeness::Unknown);
        let content = match result {
            Completeness::Complete => json!({"status": "complete"}),
            Completeness::Incomplete(indent) => json!({"status": "incomplete", "indent": indent}),
            Completeness::Invalid => json!({"status": "invalid"}),
            Completeness::Unknown => json!({"status": "unknown"}),
        };
        self.server.reply(request, "is_complete_reply", content)
    }

    async fn complete(&self, request: &Message) -> Message {
        let code = request.str_field("code").to_string();
        let cursor = cursor_pos(request, &code);
        let result = self
            .server
            .engine()
            .call(move |engine| engine.complete(&code, cursor))
            .await;
        let content = match result {
            Ok(c) => json!({
                "status": "ok",
                "matches": c.matches,
                "cursor_start": c.cursor_start,
                "cursor_end": c.cursor_end,
                "metadata": Value::Object(c.metadata),
            }),
            Err(_) => engine_failed(),
        };
        self.server.reply(request, "complete_reply", content)
    }

    async fn inspect(&self, request: &Message) -> Message {
        let code = request.str_field("code").to_string();
        let cursor = cursor_pos(request, &code);
        let detail = request.uint_field("detail_level", 0).min(1) as u8;
        let result = self
            .server
            .engine()
            .call(move |engine| engine.inspect(&code, cursor, detail))
            .await;
        let content = match result {
            Ok(Some(data)) => {
                json!({"status": "ok", "found": true, "data": Value::Object(data), "metadata": {}})
            }
            Ok(None) => json!({"status": "ok", "found": false, "data": {}, "metadata": {}}),
            Err(_) => engine_failed(),
        };
        self.server.reply(request, "inspect_reply", content)
    }
}

/// `cursor_pos` in characters, defaulting to the end of the code and clamped to it.
fn cursor_pos(request: &Message, code: &str) -> usize {
    let len = code.chars().count();
    (request.uint_field("cursor_pos", len as u64) as usize).min(len)
}

/// The error content used when the engine thread failed.
pub(super) fn engine_failed() -> Value {
    json!({
        "status": "error",
        "ename": "KernelError",
        "evalue": "the cell engine failed (see the kernel log)",
        "traceback": [],
    })
}
