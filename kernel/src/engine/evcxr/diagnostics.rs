//! evcxr's compile errors and failures as Jupyter errors, rendered like the default engine's
//! (`error[E0308]: ...`, ` --> line 2, column 14`, the cell's line, carets and labels).

use crate::engine::ErrorInfo;

const RED: &str = "\x1b[1;31m";
const BLUE: &str = "\x1b[1;34m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// A marked range of one diagnostic, in the cell's coordinates (1-based, in characters).
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Cell line.
    pub line: usize,
    /// First column.
    pub start_col: usize,
    /// Column after the range (on `line`; ranges spanning lines are cut at its end).
    pub end_col: usize,
    /// Whether this is the main span.
    pub primary: bool,
    /// Label text.
    pub label: String,
}

/// One compile error, independent of evcxr's types.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diag {
    /// For example `E0308`.
    pub code: Option<String>,
    /// The message.
    pub message: String,
    /// Spans in the cell (spans in code evcxr generated are not shown).
    pub marks: Vec<Mark>,
    /// `help:` lines.
    pub help: Vec<String>,
}

/// `CompileError` with the rendered diagnostics; `evalue` is the first message.
pub fn compile_error(diags: &[Diag], cell: &str) -> ErrorInfo {
    let lines: Vec<&str> = cell.lines().collect();
    let mut tb = Vec::new();
    for d in diags {
        tb.push(match &d.code {
            Some(c) => format!("{RED}error[{c}]{RESET}{BOLD}: {}{RESET}", d.message),
            None => format!("{RED}error{RESET}{BOLD}: {}{RESET}", d.message),
        });
        let mut marks: Vec<&Mark> = d.marks.iter().collect();
        marks.sort_by_key(|m| (!m.primary, m.line, m.start_col));
        if let Some(first) = marks.first() {
            tb.push(format!(
                " {BLUE}-->{RESET} line {}, column {}",
                first.line, first.start_col
            ));
        }
        let mut shown: Vec<usize> = marks.iter().map(|m| m.line).collect();
        shown.sort_unstable();
        shown.dedup();
        let width = shown.iter().map(|l| l.to_string().len()).max().unwrap_or(0);
        let pad = " ".repeat(width);
        for line in shown {
            tb.push(format!("{BLUE}{pad} |{RESET}"));
            let text = lines.get(line.wrapping_sub(1)).copied().unwrap_or("");
            tb.push(format!("{BLUE}{line:>width$} |{RESET} {text}"));
            for m in marks.iter().filter(|m| m.line == line) {
                let (mark, colour) = if m.primary { ('^', RED) } else { ('-', BLUE) };
                let end = m.end_col.min(text.chars().count() + 1);
                let n = end.saturating_sub(m.start_col).max(1);
                tb.push(format!(
                    "{BLUE}{pad} |{RESET} {}{colour}{} {}{RESET}",
                    " ".repeat(m.start_col.saturating_sub(1)),
                    mark.to_string().repeat(n),
                    m.label
                ));
            }
        }
        for h in &d.help {
            tb.push(format!("  {BLUE}={RESET} {BOLD}help{RESET}: {h}"));
        }
    }
    let evalue = diags
        .first()
        .map(|d| d.message.clone())
        .unwrap_or_else(|| "compilation failed".to_string());
    ErrorInfo {
        ename: "CompileError".into(),
        evalue,
        traceback: tb,
    }
}

/// An error with a one-line traceback `ename: evalue` (more lines when `evalue` has them).
pub fn simple(ename: &str, evalue: &str) -> ErrorInfo {
    let mut tb = Vec::new();
    let mut lines = evalue.lines();
    match lines.next() {
        Some(first) => tb.push(format!("{RED}{ename}{RESET}: {first}")),
        None => tb.push(format!("{RED}{ename}{RESET}")),
    }
    tb.extend(lines.map(str::to_string));
    ErrorInfo {
        ename: ename.into(),
        evalue: evalue.into(),
        traceback: tb,
    }
}

/// A panic in the cell: `ValueError: msg` becomes ename `ValueError`, as in the default
/// engine; anything else is a `Panic`.
pub fn panic_error(message: &str) -> ErrorInfo {
    let (ename, evalue) = crate::engine::rustc::split_ename(message);
    simple(&ename, &evalue)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[String]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                let mut s = l.clone();
                for c in [RED, BLUE, BOLD, RESET] {
                    s = s.replace(c, "");
                }
                s
            })
            .collect()
    }

    #[test]
    fn renders_against_the_cell_line() {
        let cell = "let ok = 1;\nlet x: i32 = \"a\";";
        let d = Diag {
            code: Some("E0308".into()),
            message: "mismatched types".into(),
            marks: vec![Mark {
                line: 2,
                start_col: 14,
                end_col: 17,
                primary: true,
                label: "expected `i32`, found `&str`".into(),
            }],
            help: vec![],
        };
        let e = compile_error(&[d], cell);
        assert_eq!(e.ename, "CompileError");
        assert_eq!(e.evalue, "mismatched types");
        let tb = plain(&e.traceback);
        assert_eq!(tb[0], "error[E0308]: mismatched types");
        assert_eq!(tb[1], " --> line 2, column 14");
        assert_eq!(tb[3], "2 | let x: i32 = \"a\";");
        assert_eq!(tb[4], "  |              ^^^ expected `i32`, found `&str`");
    }

    #[test]
    fn panics_keep_numpy_exception_classes() {
        let e = panic_error("ValueError: operands could not be broadcast together");
        assert_eq!(e.ename, "ValueError");
        assert_eq!(e.evalue, "operands could not be broadcast together");
        assert_eq!(panic_error("boom 42").ename, "Panic");
        assert_eq!(simple("KeyboardInterrupt", "").traceback.len(), 1);
    }
}
