//! Request handling with a scripted engine, without sockets.

use super::{EngineHandle, Handled, Server, Shell};
use crate::channels::iopub::Iopub;
use crate::engine::*;
use crate::wire::{Message, Signer};
use serde_json::{json, Map, Value};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc::UnboundedReceiver;

/// Runs each line of a cell: `print:TEXT`, `result:TEXT`, `display:ID`, `update:ID`,
/// `clear`, `error`, `panic`.
struct Scripted {
    interrupted: Arc<AtomicBool>,
}

struct Flag(Arc<AtomicBool>);

impl Interrupter for Flag {
    fn interrupt(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

fn text(value: &str) -> MimeBundle {
    let mut bundle = Map::new();
    bundle.insert("text/plain".into(), json!(value));
    bundle
}

fn shown(value: &str, id: Option<&str>) -> DisplayData {
    DisplayData {
        data: text(value),
        metadata: Map::new(),
        display_id: id.map(String::from),
    }
}

impl Engine for Scripted {
    fn kernel_info(&self) -> LanguageInfo {
        LanguageInfo {
            language_info: json!({"name": "rust"}),
            banner: "test".into(),
            help_links: vec![("Rust".into(), "https://www.rust-lang.org".into())],
        }
    }

    fn execute(&mut self, code: &str, _silent: bool, sink: &dyn OutputSink) -> ExecuteOutcome {
        let mut result = None;
        for line in code.lines() {
            let (op, arg) = line.split_once(':').unwrap_or((line, ""));
            match op {
                "print" => sink.stream(StreamName::Stdout, arg),
                "result" => result = Some(shown(arg, None)),
                "display" => sink.display(shown("d", Some(arg)), false),
                "update" => sink.display(shown("u", Some(arg)), true),
                "clear" => sink.clear_output(false),
                "panic" => panic!("scripted panic"),
                "error" => {
                    return ExecuteOutcome::Error(ErrorInfo {
                        ename: "ValueError".into(),
                        evalue: "bad".into(),
                        traceback: vec!["line 1".into()],
                    })
                }
                _ => {}
            }
        }
        ExecuteOutcome::Ok { result }
    }

    fn evaluate(&mut self, expression: &str) -> Result<DisplayData, ErrorInfo> {
        match expression {
            "bad" => Err(ErrorInfo {
                ename: "E".into(),
                evalue: "no".into(),
                traceback: vec![],
            }),
            _ => Ok(shown(expression, None)),
        }
    }

    fn complete(&mut self, code: &str, cursor_pos: usize) -> Completions {
        Completions {
            matches: vec![code.to_uppercase()],
            cursor_start: 0,
            cursor_end: cursor_pos,
            metadata: Map::new(),
        }
    }

    fn inspect(&mut self, code: &str, _: usize, _: u8) -> Option<MimeBundle> {
        (code == "np").then(|| text("docs"))
    }

    fn is_complete(&mut self, code: &str) -> Completeness {
        match code {
            "{" => Completeness::Incomplete("    ".into()),
            "}" => Completeness::Invalid,
            "?" => Completeness::Unknown,
            _ => Completeness::Complete,
        }
    }

    fn interrupter(&self) -> Arc<dyn Interrupter> {
        Arc::new(Flag(self.interrupted.clone()))
    }

    fn shutdown(&mut self, _restart: bool) {}
}

struct Harness {
    shell: Shell,
    iopub: UnboundedReceiver<Message>,
    interrupted: Arc<AtomicBool>,
}

fn harness() -> Harness {
    let interrupted = Arc::new(AtomicBool::new(false));
    let engine = Scripted {
        interrupted: interrupted.clone(),
    };
    let (iopub, rx) = Iopub::channel("kernel-session");
    let (interrupter, language) = (engine.interrupter(), engine.kernel_info());
    let server = Server::new(
        "kernel-session".into(),
        Arc::new(Signer::new(b"k")),
        iopub,
        crate::channels::stdin::Stdin::channel().0,
        EngineHandle::spawn(Box::new(engine)).unwrap(),
        interrupter,
        language,
    );
    Harness {
        shell: Shell::new(Arc::new(server)),
        iopub: rx,
        interrupted,
    }
}

fn request(msg_type: &str, content: Value) -> Message {
    Message::new(msg_type, "client", None, content)
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

impl Harness {
    fn send(&mut self, msg_type: &str, content: Value) -> Handled {
        let message = request(msg_type, content);
        block_on(self.shell.handle(&message, Instant::now()))
    }

    fn reply(&mut self, msg_type: &str, content: Value) -> Value {
        self.send(msg_type, content).reply.unwrap().content
    }

    fn execute(&mut self, content: Value) -> Value {
        self.reply("execute_request", content)
    }

    /// (msg_type, content) of everything published so far.
    fn published(&mut self) -> Vec<(String, Value)> {
        let mut out = Vec::new();
        while let Ok(m) = self.iopub.try_recv() {
            out.push((m.msg_type().to_string(), m.content));
        }
        out
    }

    fn published_types(&mut self) -> Vec<String> {
        self.published().into_iter().map(|(t, _)| t).collect()
    }
}

#[test]
fn execute_publishes_input_output_and_result_in_order() {
    let mut h = harness();
    let reply = h.execute(json!({"code": "print:hi\nresult:42"}));
    assert_eq!(reply["status"], "ok");
    assert_eq!(reply["execution_count"], 1);
    let published = h.published();
    assert_eq!(
        published[0],
        (
            "execute_input".into(),
            json!({"code": "print:hi\nresult:42", "execution_count": 1})
        )
    );
    assert_eq!(
        published[1],
        ("stream".into(), json!({"name": "stdout", "text": "hi"}))
    );
    assert_eq!(published[2].0, "execute_result");
    assert_eq!(published[2].1["data"], json!({"text/plain": "42"}));
    assert_eq!(published[2].1["execution_count"], 1);
    assert_eq!(published.len(), 3);
}

#[test]
fn displays_updates_and_clears() {
    let mut h = harness();
    h.execute(json!({"code": "display:a\nupdate:a\nclear"}));
    let published = h.published();
    let types: Vec<&str> = published.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        types,
        [
            "execute_input",
            "display_data",
            "update_display_data",
            "clear_output"
        ]
    );
    assert_eq!(published[2].1["transient"], json!({"display_id": "a"}));
    assert_eq!(published[3].1, json!({"wait": false}));
}

#[test]
fn counts_only_stored_non_silent_executions() {
    let mut h = harness();
    assert_eq!(h.execute(json!({"code": "1"}))["execution_count"], 1);
    let silent = h.execute(json!({"code": "print:x\nresult:1", "silent": true}));
    assert_eq!(silent["execution_count"], 1);
    assert!(h.published_types().iter().all(|t| t == "execute_input"));
    assert_eq!(
        h.execute(json!({"code": "2", "store_history": false}))["execution_count"],
        1
    );
    assert_eq!(h.execute(json!({"code": "3"}))["execution_count"], 2);
    let history = h.reply(
        "history_request",
        json!({"hist_access_type": "tail", "n": 10}),
    );
    assert_eq!(history["history"], json!([[1, 1, "1"], [1, 2, "3"]]));
}

#[test]
fn silent_errors_publish_nothing() {
    let mut h = harness();
    let reply = h.execute(json!({"code": "print:x\nerror", "silent": true}));
    assert_eq!(reply["status"], "error");
    assert!(h.published().is_empty());
}

#[test]
fn errors_are_replied_and_published_alike() {
    let mut h = harness();
    let reply = h.execute(json!({"code": "error"}));
    assert_eq!(reply["status"], "error");
    assert_eq!(reply["ename"], "ValueError");
    assert_eq!(reply["traceback"], json!(["line 1"]));
    let published = h.published();
    assert_eq!(
        published[1],
        (
            "error".into(),
            json!({"ename": "ValueError", "evalue": "bad", "traceback": ["line 1"]})
        )
    );
}

#[test]
fn requests_queued_before_an_error_are_aborted() {
    let mut h = harness();
    let queued_at = Instant::now();
    let failing = request("execute_request", json!({"code": "error"}));
    block_on(h.shell.handle(&failing, queued_at));
    let queued = request("execute_request", json!({"code": "print:no"}));
    let reply = block_on(h.shell.handle(&queued, queued_at)).reply.unwrap();
    assert_eq!(reply.content, json!({"status": "aborted"}));
    // Requests sent after the error finished run normally.
    std::thread::sleep(Duration::from_millis(2));
    assert_eq!(h.execute(json!({"code": "print:yes"}))["status"], "ok");
    // Without stop_on_error nothing is aborted.
    let failing = request(
        "execute_request",
        json!({"code": "error", "stop_on_error": false}),
    );
    let at = Instant::now();
    block_on(h.shell.handle(&failing, at));
    let next = request("execute_request", json!({"code": "1"}));
    let reply = block_on(h.shell.handle(&next, at)).reply.unwrap();
    assert_eq!(reply.content["status"], "ok");
}

#[test]
fn user_expressions_are_evaluated_after_a_successful_cell() {
    let mut h = harness();
    let reply = h.execute(json!({"code": "1", "user_expressions": {"a": "x", "b": "bad"}}));
    assert_eq!(
        reply["user_expressions"]["a"],
        json!({"status": "ok", "data": {"text/plain": "x"}, "metadata": {}})
    );
    assert_eq!(reply["user_expressions"]["b"]["status"], "error");
    assert_eq!(reply["user_expressions"]["b"]["ename"], "E");
    let failed = h.execute(json!({"code": "error", "user_expressions": {"a": "x"}}));
    assert_eq!(failed["user_expressions"], json!({}));
}

#[test]
fn a_panicking_engine_call_becomes_an_error_reply() {
    let mut h = harness();
    let reply = h.execute(json!({"code": "panic"}));
    assert_eq!(reply["status"], "error");
    assert_eq!(reply["ename"], "KernelError");
    assert_eq!(h.execute(json!({"code": "result:1"}))["status"], "ok");
}

#[test]
fn answers_introspection_requests() {
    let mut h = harness();
    let info = h.reply("kernel_info_request", json!({}));
    assert_eq!(info["protocol_version"], "5.4");
    assert_eq!(info["implementation"], "arraylib-kernel");
    assert_eq!(
        info["help_links"],
        json!([{"text": "Rust", "url": "https://www.rust-lang.org"}])
    );
    let c = h.reply("is_complete_request", json!({"code": "{"}));
    assert_eq!(c, json!({"status": "incomplete", "indent": "    "}));
    assert_eq!(
        h.reply("is_complete_request", json!({"code": "}"}))["status"],
        "invalid"
    );
    assert_eq!(
        h.reply("is_complete_request", json!({"code": "?"}))["status"],
        "unknown"
    );
    assert_eq!(
        h.reply("is_complete_request", json!({"code": "1"}))["status"],
        "complete"
    );
    let c = h.reply("complete_request", json!({"code": "ab", "cursor_pos": 9}));
    assert_eq!(c["matches"], json!(["AB"]));
    assert_eq!(c["cursor_end"], 2, "the cursor is clamped to the code");
    let i = h.reply("inspect_request", json!({"code": "np", "cursor_pos": 1}));
    assert_eq!(i["found"], true);
    assert_eq!(i["data"], json!({"text/plain": "docs"}));
    let i = h.reply("inspect_request", json!({"code": "zz", "cursor_pos": 1}));
    assert_eq!(i["found"], false);
    assert_eq!(
        h.reply("comm_info_request", json!({})),
        json!({"status": "ok", "comms": {}})
    );
}

#[test]
fn comms_and_unknown_messages_get_no_reply() {
    let mut h = harness();
    let handled = h.send(
        "comm_open",
        json!({"comm_id": "c", "target_name": "t", "data": {}}),
    );
    assert!(handled.reply.is_none());
    assert_eq!(
        h.published(),
        vec![("comm_close".into(), json!({"comm_id": "c", "data": {}}))]
    );
    assert!(h.send("comm_msg", json!({"comm_id": "c"})).reply.is_none());
    assert!(h.send("no_such_request", json!({})).reply.is_none());
    assert!(h.published().is_empty());
}

#[test]
fn control_interrupts_and_shuts_down() {
    let mut h = harness();
    let server = h.shell.server.clone();
    let interrupt = block_on(server.handle_control(&request("interrupt_request", json!({}))));
    assert_eq!(interrupt.reply.unwrap().content, json!({"status": "ok"}));
    assert!(h.interrupted.load(Ordering::SeqCst));
    let shutdown =
        block_on(server.handle_control(&request("shutdown_request", json!({"restart": true}))));
    assert!(shutdown.exit);
    assert_eq!(
        shutdown.reply.unwrap().content,
        json!({"status": "ok", "restart": true})
    );
    assert_eq!(h.published_types(), ["shutdown_reply"]);
}

/// Random content for every request type (see `fuzz_tests`): the handlers answer or drop,
/// never panic, and the shell keeps serving.
#[test]
fn fuzz_request_handlers() {
    use crate::fuzz_tests::{fuzz, random_json, MSG_TYPES};
    let mut h = harness();
    fuzz("request_handlers", |rng| {
        let msg_type = *rng.pick(MSG_TYPES);
        let content = random_json(rng, 0);
        let _ = h.send(msg_type, content);
        let _ = h.published();
    });
    assert_eq!(
        h.reply("is_complete_request", json!({"code": "1"}))["status"],
        "complete"
    );
}
