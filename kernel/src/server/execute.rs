//! `execute_request`: execution counts, `silent`, `store_history`, `stop_on_error`,
//! `user_expressions`, and the IOPub messages around a cell.

use super::shell::{engine_failed, Shell};
use super::{display_content, IopubSink};
use crate::engine::{ErrorInfo, ExecuteOutcome};
use crate::wire::Message;
use serde_json::{json, Map, Value};
use std::time::Instant;

impl Shell {
    /// Runs one cell and returns the `execute_reply`.
    pub(super) async fn execute(&mut self, request: &Message, received: Instant) -> Message {
        let server = self.server.clone();
        let iopub = server.iopub().clone();
        if self
            .abort_received_before
            .is_some_and(|error_time| received <= error_time)
        {
            crate::log!(
                "aborted execute request {} (queued before an error)",
                request.msg_id()
            );
            return server.reply(request, "execute_reply", json!({"status": "aborted"}));
        }
        self.abort_received_before = None;

        let code = request.str_field("code").to_string();
        let silent = request.bool_field("silent", false);
        let store_history = !silent && request.bool_field("store_history", true);
        let stop_on_error = request.bool_field("stop_on_error", true);
        let count = self.execution_count;

        if !silent {
            let content = json!({"code": code, "execution_count": count});
            iopub.publish("execute_input", Some(request), content);
        }
        if store_history {
            self.history.push(count, &code);
            self.execution_count += 1;
        }
        // The count the reply reports: this cell's when stored, else the last stored one.
        let reply_count = if store_history { count } else { count - 1 };

        let mut sink = IopubSink::new(iopub.clone(), request.clone(), silent);
        if request.bool_field("allow_stdin", false) {
            sink = sink.with_stdin(server.stdin().clone(), server.session());
        }
        let outcome = server
            .engine()
            .call(move |engine| engine.execute(&code, silent, &sink))
            .await
            .unwrap_or_else(|_| ExecuteOutcome::Error(kernel_error()));

        match outcome {
            ExecuteOutcome::Ok { result } => {
                if let (Some(result), false) = (result, silent) {
                    let mut content = display_content(result);
                    content["execution_count"] = json!(count);
                    iopub.publish("execute_result", Some(request), content);
                }
                let expressions = self.user_expressions(request).await;
                let content = json!({
                    "status": "ok",
                    "execution_count": reply_count,
                    "user_expressions": expressions,
                    "payload": [],
                });
                server.reply(request, "execute_reply", content)
            }
            ExecuteOutcome::Error(error) => {
                let mut content = json!({
                    "ename": error.ename,
                    "evalue": error.evalue,
                    "traceback": error.traceback,
                });
                if !silent {
                    iopub.publish("error", Some(request), content.clone());
                }
                content["status"] = json!("error");
                content["execution_count"] = json!(reply_count);
                content["user_expressions"] = json!({});
                content["payload"] = json!([]);
                if stop_on_error && !silent {
                    // Execute requests that arrived while this cell ran are aborted.
                    self.abort_received_before = Some(Instant::now());
                }
                server.reply(request, "execute_reply", content)
            }
        }
    }

    /// Evaluates the request's `user_expressions` after a successful cell.
    async fn user_expressions(&self, request: &Message) -> Value {
        let expressions: Vec<(String, String)> = match request.content.get("user_expressions") {
            Some(Value::Object(map)) => map
                .iter()
                .map(|(name, expr)| (name.clone(), expr.as_str().unwrap_or("").to_string()))
                .collect(),
            _ => Vec::new(),
        };
        if expressions.is_empty() {
            return json!({});
        }
        let names: Vec<String> = expressions.iter().map(|(n, _)| n.clone()).collect();
        let results = self
            .server
            .engine()
            .call(move |engine| {
                expressions
                    .iter()
                    .map(|(_, expr)| engine.evaluate(expr))
                    .collect::<Vec<_>>()
            })
            .await;
        let mut out = Map::new();
        match results {
            Ok(results) => {
                for (name, result) in names.into_iter().zip(results) {
                    let value = match result {
                        Ok(display) => json!({
                            "status": "ok",
                            "data": Value::Object(display.data),
                            "metadata": Value::Object(display.metadata),
                        }),
                        Err(e) => json!({
                            "status": "error",
                            "ename": e.ename,
                            "evalue": e.evalue,
                            "traceback": e.traceback,
                        }),
                    };
                    out.insert(name, value);
                }
            }
            Err(_) => {
                for name in names {
                    out.insert(name, engine_failed());
                }
            }
        }
        Value::Object(out)
    }
}

/// The error reported when the engine thread failed while running a cell.
fn kernel_error() -> ErrorInfo {
    ErrorInfo {
        ename: "KernelError".into(),
        evalue: "the cell engine failed (see the kernel log)".into(),
        traceback: vec!["KernelError: the cell engine failed (see the kernel log)".into()],
    }
}
