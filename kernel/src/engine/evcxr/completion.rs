//! Completion and inspection offsets: Jupyter counts characters, evcxr (rust-analyzer) counts
//! bytes.

use crate::engine::{Completions, MimeBundle};
use serde_json::{json, Value};

/// One rust-analyzer candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The text that replaces the range.
    pub code: String,
    /// Jupyter's type name (`function`, `module`, ...).
    pub kind: String,
}

/// The byte offset of character `pos` of `code` (the end if `pos` is past it).
pub fn char_to_byte(code: &str, pos: usize) -> usize {
    code.char_indices()
        .nth(pos)
        .map(|(i, _)| i)
        .unwrap_or(code.len())
}

/// The character offset of byte `pos` (rounded down to a character boundary).
pub fn byte_to_char(code: &str, pos: usize) -> usize {
    let mut pos = pos.min(code.len());
    while !code.is_char_boundary(pos) {
        pos -= 1;
    }
    code[..pos].chars().count()
}

/// The byte offset where the identifier around byte `pos` ends (for hover, which looks at
/// the end of the code it is given).
pub fn ident_end(code: &str, pos: usize) -> usize {
    let mut end = pos.min(code.len());
    while !code.is_char_boundary(end) {
        end -= 1;
    }
    for c in code[end..].chars() {
        if c.is_alphanumeric() || c == '_' {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// The name of a candidate: rust-analyzer offers functions as a call with its parameter
/// names (`linspace(start, stop, num)`), which is not code; the default engine, like IPython,
/// completes the name.
fn completed_name(code: &str) -> &str {
    match code.find('(') {
        Some(i) if i > 0 && code.ends_with(')') => &code[..i],
        _ => code,
    }
}

/// Jupyter completions from rust-analyzer's, replacing bytes `start..end` of `code`.
pub fn completions(code: &str, start: usize, end: usize, candidates: &[Candidate]) -> Completions {
    let cursor_start = byte_to_char(code, start);
    let cursor_end = byte_to_char(code, end);
    let mut matches = Vec::new();
    let mut types = Vec::new();
    for c in candidates {
        let text = completed_name(&c.code).to_string();
        if matches.contains(&text) {
            continue;
        }
        types.push(json!({"start": cursor_start, "end": cursor_end, "text": text, "type": c.kind}));
        matches.push(text);
    }
    let mut metadata = MimeBundle::new();
    metadata.insert("_jupyter_types_experimental".into(), Value::Array(types));
    Completions {
        matches,
        cursor_start,
        cursor_end,
        metadata,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters() {
        let code = "let é = np::lin";
        assert_eq!(char_to_byte(code, 5), 6);
        assert_eq!(byte_to_char(code, 6), 5);
        assert_eq!(byte_to_char(code, 5), 4);
        assert_eq!(char_to_byte(code, 100), code.len());
        assert_eq!(ident_end("np::linspace(1)", 6), 12);
        let c = completions(
            code,
            code.len() - 3,
            code.len(),
            &[
                Candidate {
                    code: "linspace".into(),
                    kind: "function".into(),
                },
                Candidate {
                    code: "linspace(start, stop, num)".into(),
                    kind: "function".into(),
                },
            ],
        );
        assert_eq!(c.matches, ["linspace"]);
        assert_eq!((c.cursor_start, c.cursor_end), (12, 15));
        assert_eq!(
            c.metadata["_jupyter_types_experimental"][0]["type"],
            "function"
        );
    }
}
