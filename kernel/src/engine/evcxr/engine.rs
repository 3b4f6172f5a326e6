//! [`EvcxrEngine`]: the [`Engine`] on top of evcxr.

use super::completion::{self as offsets, Candidate};
use super::diagnostics::{self, Diag, Mark};
use super::interrupt::{EvcxrInterrupter, InterruptState};
use super::session_dir::{self, SessionDir};
use super::stdout_lines::{merge_text, StdoutLines};
use super::worker::{self, Job, Ready, Session};
use crate::engine::rustc::completion::{self as index_completion, ApiIndex, SessionNames};
use crate::engine::rustc::output::OutEvent;
use crate::engine::{
    Completeness, Completions, DisplayData, Engine, ErrorInfo, ExecuteOutcome, Interrupter,
    LanguageInfo, MimeBundle, OutputSink, StreamName,
};
use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use serde_json::Value;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long completion and inspection wait for rust-analyzer before answering from the
/// kernel's own index.
const ANALYSIS_TIMEOUT: Duration = Duration::from_secs(10);

/// The evcxr engine. Created at once; evcxr starts and builds `arraylib` on its own thread.
pub struct EvcxrEngine {
    _dir: SessionDir,
    jobs: Sender<Job>,
    ready_rx: Receiver<Result<Ready, String>>,
    ready: Option<Ready>,
    setup_error: Option<String>,
    interrupt: Arc<InterruptState>,
    version: Arc<Mutex<String>>,
    api: Option<ApiIndex>,
}

impl EvcxrEngine {
    /// Takes a build directory, points evcxr at it and starts the warm-up thread. Call before
    /// any other thread of the kernel starts: it sets environment variables evcxr reads.
    pub fn new() -> EvcxrEngine {
        let dir = session_dir::acquire(&session_dir::base_dir());
        if dir.throwaway {
            crate::log!("evcxr: every build slot is busy; building in a fresh directory");
        }
        std::env::set_var("EVCXR_TMPDIR", &dir.path);
        // Cells are dylibs linked against the toolchain's libstd; the rpath rustc records
        // points one directory off from where evcxr loads them, so the runtime process
        // (which inherits this) finds libstd through the library path.
        if let Ok(tc) = crate::engine::rustc::toolchain::Toolchain::detect() {
            let mut dirs = vec![tc.sysroot_lib];
            if let Some(old) = std::env::var_os("LD_LIBRARY_PATH") {
                dirs.extend(std::env::split_paths(&old));
            }
            if let Ok(joined) = std::env::join_paths(dirs) {
                std::env::set_var("LD_LIBRARY_PATH", joined);
            }
        }
        let interrupt = Arc::new(InterruptState::default());
        let version = Arc::new(Mutex::new(String::new()));
        let workspace = crate::engine::rustc::toolchain::workspace_dir();
        let (jobs, ready_rx) = worker::spawn(
            dir.path.clone(),
            workspace,
            interrupt.clone(),
            version.clone(),
        );
        EvcxrEngine {
            _dir: dir,
            jobs,
            ready_rx,
            ready: None,
            setup_error: None,
            interrupt,
            version,
            api: None,
        }
    }

    /// Takes the warm-up result if it is there (`wait`: block until it is, or until an
    /// interrupt). `Ok(false)`: not ready yet.
    fn poll_ready(&mut self, wait: bool) -> Result<bool, String> {
        if self.ready.is_some() {
            return Ok(true);
        }
        if let Some(e) = &self.setup_error {
            return Err(e.clone());
        }
        loop {
            let got = if wait {
                self.ready_rx.recv_timeout(Duration::from_millis(50))
            } else {
                self.ready_rx
                    .try_recv()
                    .map_err(|_| RecvTimeoutError::Timeout)
            };
            match got {
                Ok(Ok(ready)) => {
                    self.ready = Some(ready);
                    return Ok(true);
                }
                Ok(Err(e)) => {
                    self.setup_error = Some(e.clone());
                    return Err(e);
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let e = "the evcxr thread stopped during warm-up".to_string();
                    self.setup_error = Some(e.clone());
                    return Err(e);
                }
                Err(RecvTimeoutError::Timeout) => {
                    if !wait || self.interrupt.requested.load(Ordering::SeqCst) {
                        return Ok(false);
                    }
                }
            }
        }
    }

    /// Runs `f` on the evcxr thread and waits for its result (at most `timeout`).
    fn call<R: Send + 'static>(
        &self,
        timeout: Duration,
        f: impl FnOnce(&mut Session) -> R + Send + 'static,
    ) -> Option<R> {
        let (tx, rx) = crossbeam_channel::bounded(1);
        let job: Job = Box::new(move |s| {
            let _ = tx.send(f(s));
        });
        self.jobs.send(job).ok()?;
        rx.recv_timeout(timeout).ok()
    }

    fn api(&mut self) -> &ApiIndex {
        self.api.get_or_insert_with(|| {
            let src = crate::engine::rustc::toolchain::workspace_dir()
                .join("arraylib")
                .join("src");
            ApiIndex::scan(&src)
        })
    }

    fn run_cell(&mut self, code: &str, silent: bool, sink: &dyn OutputSink) -> ExecuteOutcome {
        self.interrupt.requested.store(false, Ordering::SeqCst);
        self.interrupt.running.store(true, Ordering::SeqCst);
        let outcome = self.run_cell_inner(code, silent, sink);
        self.interrupt.running.store(false, Ordering::SeqCst);
        outcome
    }

    fn run_cell_inner(
        &mut self,
        code: &str,
        silent: bool,
        sink: &dyn OutputSink,
    ) -> ExecuteOutcome {
        if code.trim().is_empty() {
            return ExecuteOutcome::Ok { result: None };
        }
        match self.poll_ready(true) {
            Ok(true) => {}
            Ok(false) => {
                return ExecuteOutcome::Error(diagnostics::simple(
                    "KeyboardInterrupt",
                    "interrupted while evcxr was starting; its arraylib build goes on",
                ))
            }
            Err(e) => return ExecuteOutcome::Error(diagnostics::simple("KernelSetupError", &e)),
        }
        let (tx, rx) = crossbeam_channel::bounded(1);
        let cell = code.to_string();
        let job: Job = Box::new(move |s: &mut Session| {
            s.ensure_hook();
            let result = s.ctx.execute(&cell);
            let _ = tx.send(result);
        });
        if self.jobs.send(job).is_err() {
            return ExecuteOutcome::Error(diagnostics::simple(
                "KernelSetupError",
                "the evcxr thread stopped",
            ));
        }
        let ready = self.ready.as_ref().expect("checked above");
        let mut lines = StdoutLines::default();
        let emit = |events: Vec<OutEvent>| {
            if silent {
                return;
            }
            for ev in events {
                match ev {
                    OutEvent::Text(t) => sink.stream(StreamName::Stdout, &t),
                    OutEvent::Display(d, update) => sink.display(d, update),
                    OutEvent::Clear(wait) => sink.clear_output(wait),
                    OutEvent::Marker(_) => {}
                }
            }
        };
        let stderr_line = |line: String| {
            if !silent {
                sink.stream(StreamName::Stderr, &format!("{line}\n"));
            }
        };
        let result = loop {
            crossbeam_channel::select! {
                recv(ready.stdout) -> line => if let Ok(line) = line {
                    // Lines that are already waiting go out as one stream message.
                    let mut events = lines.line(&line);
                    for more in ready.stdout.try_iter().take(10_000) {
                        events.extend(lines.line(&more));
                    }
                    emit(merge_text(events));
                },
                recv(ready.stderr) -> line => if let Ok(line) = line {
                    let mut text = line;
                    for more in ready.stderr.try_iter().take(10_000) {
                        text.push('\n');
                        text.push_str(&more);
                    }
                    stderr_line(text);
                },
                recv(rx) -> result => break result,
            }
        };
        // evcxr handed every stdout line over before returning; stderr comes through a
        // thread of its own and may lag a little.
        for line in ready.stdout.try_iter() {
            emit(lines.line(&line));
        }
        emit(lines.finish());
        while let Ok(line) = ready.stderr.recv_timeout(Duration::from_millis(30)) {
            stderr_line(line);
        }
        let interrupted = self.interrupt.requested.load(Ordering::SeqCst);
        match result {
            Err(_) => ExecuteOutcome::Error(diagnostics::simple(
                "KernelSetupError",
                "the evcxr thread stopped",
            )),
            Ok(Ok(outputs)) => {
                if let Some(message) = lines.panics.first() {
                    return ExecuteOutcome::Error(diagnostics::panic_error(message));
                }
                ExecuteOutcome::Ok {
                    result: result_display(outputs.content_by_mime_type),
                }
            }
            Ok(Err(::evcxr::Error::SubprocessTerminated(message))) => {
                ExecuteOutcome::Error(if interrupted {
                    diagnostics::simple(
                        "KeyboardInterrupt",
                        "evcxr's runtime process was restarted to stop the cell: every \
                         variable is gone (functions, types, `use`s and `:dep`s are kept)",
                    )
                } else {
                    diagnostics::simple(
                        "ProcessDied",
                        &format!("{message}\nevery variable is gone (functions, types, `use`s and `:dep`s are kept)"),
                    )
                })
            }
            Ok(Err(_)) if interrupted => ExecuteOutcome::Error(diagnostics::simple(
                "KeyboardInterrupt",
                "interrupted while compiling; nothing ran",
            )),
            Ok(Err(::evcxr::Error::CompilationErrors(errors))) => {
                let diags: Vec<Diag> = errors.iter().map(diag).collect();
                ExecuteOutcome::Error(diagnostics::compile_error(&diags, code))
            }
            Ok(Err(e)) => ExecuteOutcome::Error(diagnostics::simple("EvcxrError", &e.to_string())),
        }
    }
}

/// The `execute_result` bundle from evcxr's outputs; `()` alone shows nothing, as in the
/// default engine.
fn result_display(content: std::collections::HashMap<String, String>) -> Option<DisplayData> {
    if content.is_empty()
        || (content.len() == 1 && content.get("text/plain").is_some_and(|t| t == "()"))
    {
        return None;
    }
    let mut data = MimeBundle::new();
    let mut keys: Vec<_> = content.into_iter().collect();
    keys.sort();
    for (mime, text) in keys {
        data.insert(mime, Value::String(text));
    }
    Some(DisplayData {
        data,
        ..Default::default()
    })
}

fn diag(e: &::evcxr::CompilationError) -> Diag {
    let marks = e
        .spanned_messages()
        .iter()
        .filter_map(|m| {
            let span = m.span?;
            let end_col = if span.end_line == span.start_line {
                span.end_column
            } else {
                usize::MAX
            };
            Some(Mark {
                line: span.start_line,
                start_col: span.start_column,
                end_col,
                primary: m.is_primary,
                label: m.label.clone(),
            })
        })
        .collect();
    let mut help = e.help();
    if let Some(hint) = e.evcxr_extra_hint() {
        help.push(hint.to_string());
    }
    Diag {
        code: e.code().map(str::to_string),
        message: e.message(),
        marks,
        help,
    }
}

impl Default for EvcxrEngine {
    fn default() -> Self {
        EvcxrEngine::new()
    }
}

impl Engine for EvcxrEngine {
    fn kernel_info(&self) -> LanguageInfo {
        let version = self.version.lock().unwrap().clone();
        LanguageInfo {
            language_info: crate::engine::rust_language_info(&version),
            banner: "Rust with arraylib (imported as np), run by evcxr. Type :help for evcxr's commands."
                .to_string(),
            help_links: vec![
                (
                    "Rust standard library".into(),
                    "https://doc.rust-lang.org/std/".into(),
                ),
                ("evcxr".into(), "https://github.com/evcxr/evcxr".into()),
            ],
        }
    }

    fn execute(&mut self, code: &str, silent: bool, sink: &dyn OutputSink) -> ExecuteOutcome {
        self.run_cell(code, silent, sink)
    }

    fn evaluate(&mut self, expression: &str) -> Result<DisplayData, ErrorInfo> {
        match self.run_cell(expression, true, &crate::engine::NullSink) {
            ExecuteOutcome::Ok { result } => Ok(result.unwrap_or_default()),
            ExecuteOutcome::Error(e) => Err(e),
        }
    }

    fn complete(&mut self, code: &str, cursor_pos: usize) -> Completions {
        if matches!(self.poll_ready(false), Ok(true)) {
            let src = code.to_string();
            let pos = offsets::char_to_byte(code, cursor_pos);
            let found = self.call(ANALYSIS_TIMEOUT, move |s| {
                s.ctx
                    .completions(&src, pos)
                    .map(|c| {
                        let candidates: Vec<Candidate> = c
                            .completions
                            .iter()
                            .map(|x| Candidate {
                                code: x.code.clone(),
                                kind: x.kind.to_string(),
                            })
                            .collect();
                        (c.start_offset, c.end_offset, candidates)
                    })
                    .map_err(|e| e.to_string())
            });
            if let Some(Ok((start, end, candidates))) = found {
                if !candidates.is_empty() {
                    return offsets::completions(code, start, end, &candidates);
                }
            }
        }
        index_completion::complete(self.api(), &SessionNames::default(), code, cursor_pos)
    }

    fn inspect(&mut self, code: &str, cursor_pos: usize, _detail_level: u8) -> Option<MimeBundle> {
        if matches!(self.poll_ready(false), Ok(true)) {
            let src = code.to_string();
            let end = offsets::ident_end(code, offsets::char_to_byte(code, cursor_pos));
            let found = self.call(ANALYSIS_TIMEOUT, move |s| {
                s.ctx.hover_at(&src, end).map_err(|e| e.to_string())
            });
            if let Some(Ok((plain, html))) = found {
                if !plain.trim().is_empty() && plain != "No documentation found" {
                    let mut bundle = MimeBundle::new();
                    bundle.insert("text/plain".into(), Value::String(plain));
                    bundle.insert("text/html".into(), Value::String(html));
                    return Some(bundle);
                }
            }
        }
        index_completion::inspect(self.api(), &SessionNames::default(), code, cursor_pos)
    }

    fn is_complete(&mut self, code: &str) -> Completeness {
        crate::engine::rustc::cell_syntax::is_complete(code)
    }

    fn interrupter(&self) -> Arc<dyn Interrupter> {
        Arc::new(EvcxrInterrupter(self.interrupt.clone()))
    }

    fn shutdown(&mut self, _restart: bool) {
        // The process exits right after (a restart starts a new one), so evcxr's state is
        // not cleaned up in order: the runtime and any compiler are simply stopped.
        self.interrupt.kill_all();
    }
}
