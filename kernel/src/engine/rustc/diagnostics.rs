//! rustc's JSON diagnostics, mapped back to the lines of the user's cell and rendered in the
//! style of rustc's own messages, with no generated wrapper code in sight.

use super::codegen::{Generated, Origin};
use serde::Deserialize;

/// One rustc diagnostic (`--error-format=json`).
#[derive(Clone, Debug, Deserialize)]
pub struct Diagnostic {
    /// The message.
    pub message: String,
    /// `{"code": "E0308"}`.
    pub code: Option<Code>,
    /// `error`, `warning`, `note`, `help`, `failure-note`.
    pub level: String,
    /// Source spans.
    #[serde(default)]
    pub spans: Vec<Span>,
    /// Notes and help.
    #[serde(default)]
    pub children: Vec<Diagnostic>,
}

/// An error code.
#[derive(Clone, Debug, Deserialize)]
pub struct Code {
    /// For example `E0308`.
    pub code: String,
}

/// A source span.
#[derive(Clone, Debug, Deserialize)]
pub struct Span {
    /// File name as passed to rustc.
    pub file_name: String,
    /// First line (1-based).
    pub line_start: usize,
    /// Last line.
    pub line_end: usize,
    /// First column (1-based, in characters).
    pub column_start: usize,
    /// Column after the span.
    pub column_end: usize,
    /// Whether this is the main span.
    pub is_primary: bool,
    /// Label text.
    pub label: Option<String>,
    /// Suggested replacement text.
    pub suggested_replacement: Option<String>,
    /// Macro expansion this span is inside.
    pub expansion: Option<Box<Expansion>>,
}

/// A macro expansion.
#[derive(Clone, Debug, Deserialize)]
pub struct Expansion {
    /// The call site.
    pub span: Span,
}

impl Diagnostic {
    /// The error code, if any.
    pub fn code(&self) -> Option<&str> {
        self.code.as_ref().map(|c| c.code.as_str())
    }

    /// The first `use path;` rustc suggests ("consider importing this struct").
    pub fn import_suggestion(&self) -> Option<String> {
        self.children.iter().flat_map(|c| &c.spans).find_map(|s| {
            let r = s.suggested_replacement.as_deref()?.trim();
            (r.starts_with("use ") && r.ends_with(';') && !r.contains('\n')).then(|| r.to_string())
        })
    }

    /// The generated line of the primary span in `file` (following macro expansions).
    pub fn primary_line(&self, file: &str) -> Option<usize> {
        self.spans
            .iter()
            .filter(|s| s.is_primary)
            .find_map(|s| in_file(s, file))
            .map(|s| s.line_start)
    }
}

/// The span itself if it lies in `file`, else the first macro call site that does.
fn in_file<'a>(s: &'a Span, file: &str) -> Option<&'a Span> {
    let mut cur = s;
    loop {
        if cur.file_name.ends_with(file) {
            return Some(cur);
        }
        cur = &cur.expansion.as_ref()?.span;
    }
}

/// Parses rustc's stderr; returns the errors (warnings are dropped).
pub fn parse(stderr: &str) -> Vec<Diagnostic> {
    all_diagnostics(stderr)
        .filter(|d| d.level == "error" || d.level == "error: internal compiler error")
        .filter(|d| !d.message.starts_with("aborting due to"))
        .collect()
}

/// Parses rustc's stderr; returns the warnings (where the type probes answer).
pub fn parse_warnings(stderr: &str) -> Vec<Diagnostic> {
    all_diagnostics(stderr)
        .filter(|d| d.level == "warning")
        .collect()
}

fn all_diagnostics(stderr: &str) -> impl Iterator<Item = Diagnostic> + '_ {
    stderr
        .lines()
        .filter(|l| l.starts_with('{'))
        .filter_map(|l| serde_json::from_str::<Diagnostic>(l).ok())
}

/// Lines of rustc's stderr that are not JSON (linker errors and the like).
pub fn non_json(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| !l.starts_with('{') && !l.trim().is_empty())
        .map(|l| l.to_string())
        .collect()
}

/// A marked range on a line: start column, end column, primary, label.
type Mark = (usize, usize, bool, String);

const RED: &str = "\x1b[1;31m";
const BLUE: &str = "\x1b[1;34m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Renders diagnostics against the cell: `file` is the generated file's name, `gen` its line
/// map and source, `cell` the user's cell.
pub fn render(diags: &[Diagnostic], file: &str, gen: &Generated, cell: &str) -> Vec<String> {
    let cell_lines: Vec<&str> = cell.lines().collect();
    let gen_lines: Vec<&str> = gen.source.lines().collect();
    let mut out = Vec::new();
    for d in diags {
        let head = match d.code() {
            Some(c) => format!("{RED}error[{c}]{RESET}{BOLD}: {}{RESET}", d.message),
            None => format!("{RED}error{RESET}{BOLD}: {}{RESET}", d.message),
        };
        out.push(head);
        let mut spans: Vec<&Span> = d.spans.iter().filter_map(|s| in_file(s, file)).collect();
        spans.sort_by_key(|s| (!s.is_primary, s.line_start));
        // (line label, source text, [(start col, end col, primary, label)])
        let mut groups: Vec<(String, String, Vec<Mark>)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for s in spans {
            if !seen.insert((s.line_start, s.column_start, s.column_end)) {
                continue;
            }
            let (text, line_label, start_col, end_col) = match gen.origin(s.line_start) {
                Origin::Cell(l) => {
                    let sc = gen.shifts.user_column(l, s.column_start);
                    let ec = if s.line_end == s.line_start {
                        gen.shifts.user_column(l, s.column_end).max(sc + 1)
                    } else {
                        cell_lines
                            .get(l - 1)
                            .map(|t| t.chars().count() + 1)
                            .unwrap_or(sc + 1)
                    };
                    let text = cell_lines.get(l - 1).copied().unwrap_or("");
                    (text.to_string(), format!("{l}"), sc, ec)
                }
                Origin::EarlierItem { cell: c, line } => {
                    let text = gen_lines.get(s.line_start - 1).copied().unwrap_or("");
                    let ec = if s.line_end == s.line_start {
                        s.column_end.max(s.column_start + 1)
                    } else {
                        text.chars().count() + 1
                    };
                    (
                        text.to_string(),
                        format!("[{c}]:{line}"),
                        s.column_start,
                        ec,
                    )
                }
                _ => continue,
            };
            let mark = (
                start_col,
                end_col,
                s.is_primary,
                s.label.clone().unwrap_or_default(),
            );
            match groups.iter_mut().find(|g| g.0 == line_label) {
                Some(g) => g.2.push(mark),
                None => groups.push((line_label, text, vec![mark])),
            }
        }
        if let Some((label, _, marks)) = groups.first() {
            let where_ = if label.starts_with('[') {
                format!("item from cell {label}")
            } else {
                format!("line {label}, column {}", marks[0].0)
            };
            out.push(format!(" {BLUE}-->{RESET} {where_}"));
        }
        let width = groups.iter().map(|g| g.0.len()).max().unwrap_or(0);
        let pad = " ".repeat(width);
        for (line_label, text, marks) in &groups {
            out.push(format!("{BLUE}{pad} |{RESET}"));
            out.push(format!("{BLUE}{line_label:>width$} |{RESET} {text}"));
            for (start_col, end_col, primary, label) in marks {
                let mark = if *primary { '^' } else { '-' };
                let colour = if *primary { RED } else { BLUE };
                let n = end_col.saturating_sub(*start_col).max(1);
                out.push(format!(
                    "{BLUE}{pad} |{RESET} {}{colour}{} {label}{RESET}",
                    " ".repeat(start_col.saturating_sub(1)),
                    mark.to_string().repeat(n)
                ));
            }
        }
        for c in &d.children {
            let mut msg = c.message.clone();
            if let Some(r) = c
                .spans
                .iter()
                .find_map(|s| s.suggested_replacement.as_ref())
                .filter(|r| !r.is_empty() && !r.contains("__arraylib"))
            {
                msg = format!("{msg}: `{r}`");
            }
            if msg.contains("__arraylib") || msg.is_empty() {
                continue;
            }
            out.push(format!("  {BLUE}={RESET} {BOLD}{}{RESET}: {msg}", c.level));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rustc::codegen::Generated;

    #[test]
    fn parses_and_renders() {
        let json = r#"{"$message_type":"diagnostic","message":"mismatched types","code":{"code":"E0308","explanation":null},"level":"error","spans":[{"file_name":"cell_1.rs","byte_start":0,"byte_end":1,"line_start":2,"line_end":2,"column_start":14,"column_end":17,"is_primary":true,"text":[],"label":"expected `i32`, found `&str`","suggested_replacement":null,"suggestion_applicability":null,"expansion":null}],"children":[],"rendered":"x"}"#;
        let diags = parse(&format!("{json}\nnot json\n"));
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].primary_line("cell_1.rs"), Some(2));
        let gen = Generated {
            source: "gen\nlet x: i32 = \"a\";\n".into(),
            lines: vec![Origin::Generated, Origin::Cell(1)],
            ..Default::default()
        };
        let out = render(&diags, "cell_1.rs", &gen, "let x: i32 = \"a\";");
        let plain: Vec<String> = out
            .iter()
            .map(|l| {
                let mut s = l.clone();
                for c in [RED, BLUE, BOLD, RESET] {
                    s = s.replace(c, "");
                }
                s
            })
            .collect();
        assert_eq!(plain[0], "error[E0308]: mismatched types");
        assert_eq!(plain[3], "1 | let x: i32 = \"a\";");
        assert_eq!(
            plain[4],
            "  |              ^^^ expected `i32`, found `&str`"
        );
    }
}
