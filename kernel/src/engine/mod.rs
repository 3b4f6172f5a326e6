//! The engine interface: everything the protocol server needs from whatever runs cells.
//!
//! As in xeus, an engine implements `execute`, `complete`, `inspect`, `is_complete`,
//! `kernel_info` and `shutdown`, and knows nothing of sockets or message framing: it
//! reports output through an [`OutputSink`] and returns plain values.

pub mod evcxr;
pub mod rustc;

use serde_json::{Map, Value};
use std::sync::Arc;

/// A MIME bundle: `{"text/plain": "...", "text/html": "...", "image/png": "<base64>"}`.
pub type MimeBundle = Map<String, Value>;

/// Which standard stream a piece of output came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamName {
    /// Standard output.
    Stdout,
    /// Standard error.
    Stderr,
}

impl StreamName {
    /// The name Jupyter uses in `stream` messages.
    pub fn as_str(self) -> &'static str {
        match self {
            StreamName::Stdout => "stdout",
            StreamName::Stderr => "stderr",
        }
    }
}

/// A `display_data` (or `update_display_data`) payload.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DisplayData {
    /// The MIME bundle.
    pub data: MimeBundle,
    /// Per-MIME metadata (for example image sizes).
    pub metadata: MimeBundle,
    /// `transient.display_id`, when the display can be updated later.
    pub display_id: Option<String>,
}

/// Where an engine sends output while a cell runs. Implemented by the protocol server.
///
/// Calls may come from any thread, in the order the user's program produced the output.
pub trait OutputSink: Send + Sync {
    /// Text written to stdout or stderr.
    fn stream(&self, name: StreamName, text: &str);
    /// A rich value shown in the middle of a cell; `update` sends `update_display_data`.
    fn display(&self, display: DisplayData, update: bool);
    /// Clears the cell's output (`wait` defers the clear until new output arrives).
    fn clear_output(&self, wait: bool);
    /// Asks the user for a line of input (`input_request` on the stdin channel) and waits
    /// for it, polling `cancelled` (an interrupt) while it waits. Sinks that cannot ask
    /// answer [`InputReply::NotAllowed`].
    fn request_input(
        &self,
        _prompt: &str,
        _password: bool,
        _cancelled: &dyn Fn() -> bool,
    ) -> InputReply {
        InputReply::NotAllowed
    }
}

/// The answer to [`OutputSink::request_input`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputReply {
    /// What the user typed.
    Value(String),
    /// The frontend does not take input (`allow_stdin` false), or the cell is silent.
    NotAllowed,
    /// Waiting was cancelled (the user interrupted the kernel).
    Cancelled,
}

/// An [`OutputSink`] that drops everything: for `evaluate` (user expressions), whose output
/// is not shown.
pub struct NullSink;

impl OutputSink for NullSink {
    fn stream(&self, _: StreamName, _: &str) {}
    fn display(&self, _: DisplayData, _: bool) {}
    fn clear_output(&self, _: bool) {}
}

/// The error a cell raised, in the shape Jupyter reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorInfo {
    /// The exception class, for example `ValueError` or `CompileError`.
    pub ename: String,
    /// The message.
    pub evalue: String,
    /// Lines shown to the user (ANSI colours allowed).
    pub traceback: Vec<String>,
}

/// What running a cell produced.
#[derive(Clone, Debug, PartialEq)]
pub enum ExecuteOutcome {
    /// The cell ran; `result` is the value of its trailing expression, if it had one to show.
    Ok {
        /// The `execute_result` bundle.
        result: Option<DisplayData>,
    },
    /// The cell failed to compile, panicked, was interrupted, or its process died.
    Error(ErrorInfo),
}

/// The answer to `is_complete_request`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Completeness {
    /// The code can run as it is.
    Complete,
    /// More lines are needed; the string is the indent for the next line.
    Incomplete(String),
    /// The code can never become valid by adding lines.
    Invalid,
    /// The engine cannot tell.
    Unknown,
}

/// The answer to `complete_request`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Completions {
    /// Candidate replacements for `code[cursor_start..cursor_end]`.
    pub matches: Vec<String>,
    /// Start of the replaced range, in characters (Unicode code points) of the cell.
    pub cursor_start: usize,
    /// End of the replaced range, in characters.
    pub cursor_end: usize,
    /// Extra data, such as `_jupyter_types_experimental`.
    pub metadata: MimeBundle,
}

/// What the engine says about its language in `kernel_info_reply`.
#[derive(Clone, Debug, PartialEq)]
pub struct LanguageInfo {
    /// `language_info` as Jupyter expects it (`name`, `version`, `mimetype`, `file_extension`, ...).
    pub language_info: Value,
    /// The banner shown by console frontends.
    pub banner: String,
    /// Links shown in the Help menu.
    pub help_links: Vec<(String, String)>,
}

/// Jupyter's `language_info` for Rust, the same for every engine but for the compiler version.
pub fn rust_language_info(version: &str) -> Value {
    serde_json::json!({
        "name": "rust",
        "version": version,
        "mimetype": "text/rust",
        "file_extension": ".rs",
        "pygments_lexer": "rust",
        "codemirror_mode": "rust",
    })
}

/// Stops the cell that is running now. Cloned into the control channel, which must be able
/// to interrupt while `execute` holds the engine.
pub trait Interrupter: Send + Sync {
    /// Asks the running cell to stop; returns at once.
    fn interrupt(&self);
}

/// A cell engine: compiles and runs cells, keeps the session's state, answers completion and
/// inspection. One engine serves one kernel; calls come from one thread at a time.
pub trait Engine: Send {
    /// Language information for `kernel_info_reply`; must answer at once, even while the
    /// engine is still warming up.
    fn kernel_info(&self) -> LanguageInfo;
    /// Runs one cell. Output goes to `sink` while the cell runs; the trailing expression's
    /// value comes back in the outcome. `silent` cells show no output (the server drops it
    /// too, but an engine may skip display work). Returns only when all output was sent.
    fn execute(&mut self, code: &str, silent: bool, sink: &dyn OutputSink) -> ExecuteOutcome;
    /// Evaluates an expression in the session without side effects on the execution count,
    /// for `user_expressions`.
    fn evaluate(&mut self, expression: &str) -> Result<DisplayData, ErrorInfo>;
    /// Completion candidates at `cursor_pos` (in characters).
    fn complete(&mut self, code: &str, cursor_pos: usize) -> Completions;
    /// Help for the name at `cursor_pos`, or `None` if nothing is known.
    fn inspect(&mut self, code: &str, cursor_pos: usize, detail_level: u8) -> Option<MimeBundle>;
    /// Whether `code` is a complete cell.
    fn is_complete(&mut self, code: &str) -> Completeness;
    /// A handle that interrupts the running cell from another thread.
    fn interrupter(&self) -> Arc<dyn Interrupter>;
    /// Ends the session (and any child process); `restart` means a new session follows.
    fn shutdown(&mut self, restart: bool);
}

/// Which engine runs the cells (`--engine NAME` on the kernel's command line).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EngineKind {
    /// The default engine (`rustc`): [`rustc::RustcEngine`].
    #[default]
    Rustc,
    /// evcxr as a library (only with the `evcxr` cargo feature).
    Evcxr,
}

impl EngineKind {
    /// Parses an engine name.
    pub fn parse(name: &str) -> Result<EngineKind, String> {
        match name {
            "rustc" | "default" => Ok(EngineKind::Rustc),
            "evcxr" => Ok(EngineKind::Evcxr),
            other => Err(format!("unknown engine {other:?} (rustc or evcxr)")),
        }
    }

    /// The name `parse` accepts.
    pub fn name(self) -> &'static str {
        match self {
            EngineKind::Rustc => "rustc",
            EngineKind::Evcxr => "evcxr",
        }
    }
}
