//! The session's input history, answering `history_request` (`tail`, `range`, `search`).

use serde_json::{json, Value};

/// The session number reported for this session's entries (IPython counts sessions from 1;
/// requests may also name the current session as 0).
pub const SESSION: i64 = 1;

/// Inputs stored with `store_history`, in order, with their execution counts.
#[derive(Debug, Default)]
pub struct History {
    entries: Vec<(u64, String)>,
}

impl History {
    /// Records `code` as input number `line`.
    pub fn push(&mut self, line: u64, code: &str) {
        self.entries.push((line, code.to_string()));
    }

    /// Answers a `history_request` content with the `history` list of the reply.
    pub fn query(&self, request: &Value) -> Vec<Value> {
        let output = request
            .get("output")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let n = request.get("n").and_then(Value::as_u64).map(|n| n as usize);
        let access = request
            .get("hist_access_type")
            .and_then(Value::as_str)
            .unwrap_or("tail");
        let selected: Vec<&(u64, String)> = match access {
            "tail" => last(self.entries.iter().collect(), n.unwrap_or(10)),
            "range" => {
                let session = request.get("session").and_then(Value::as_i64).unwrap_or(0);
                if session != 0 && session != SESSION {
                    Vec::new()
                } else {
                    let start = request.get("start").and_then(Value::as_u64).unwrap_or(0);
                    let stop = request.get("stop").and_then(Value::as_u64);
                    self.entries
                        .iter()
                        .filter(|(line, _)| *line >= start && stop.is_none_or(|s| *line < s))
                        .collect()
                }
            }
            "search" => {
                let pattern = request
                    .get("pattern")
                    .and_then(Value::as_str)
                    .unwrap_or("*");
                let unique = request
                    .get("unique")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                let mut found: Vec<&(u64, String)> = self
                    .entries
                    .iter()
                    .filter(|(_, code)| glob_match(pattern, code))
                    .collect();
                if unique {
                    // Keep the most recent occurrence of each input.
                    let mut seen = std::collections::HashSet::new();
                    found.reverse();
                    found.retain(|(_, code)| seen.insert(code.as_str()));
                    found.reverse();
                }
                match n {
                    Some(n) => last(found, n),
                    None => found,
                }
            }
            _ => Vec::new(),
        };
        selected
            .into_iter()
            .map(|(line, code)| {
                if output {
                    json!([SESSION, line, [code, Value::Null]])
                } else {
                    json!([SESSION, line, code])
                }
            })
            .collect()
    }
}

fn last<T>(mut items: Vec<T>, n: usize) -> Vec<T> {
    let skip = items.len().saturating_sub(n);
    items.drain(..skip);
    items
}

/// Shell-style matching of the whole `text` with `*` (any run) and `?` (any one character).
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> History {
        let mut h = History::default();
        for (i, code) in ["let a = 1;", "a + 1", "println!(\"{a}\");", "a + 1"]
            .iter()
            .enumerate()
        {
            h.push(i as u64 + 1, code);
        }
        h
    }

    #[test]
    fn tail_returns_the_last_n() {
        let h = sample();
        let got = h.query(&json!({"hist_access_type": "tail", "n": 2, "output": false}));
        assert_eq!(
            got,
            vec![json!([1, 3, "println!(\"{a}\");"]), json!([1, 4, "a + 1"])]
        );
        assert_eq!(h.query(&json!({"hist_access_type": "tail"})).len(), 4);
    }

    #[test]
    fn range_selects_lines_of_this_session() {
        let h = sample();
        let got =
            h.query(&json!({"hist_access_type": "range", "session": 0, "start": 2, "stop": 4}));
        assert_eq!(
            got,
            vec![json!([1, 2, "a + 1"]), json!([1, 3, "println!(\"{a}\");"])]
        );
        let other = json!({"hist_access_type": "range", "session": -1, "start": 0});
        assert!(h.query(&other).is_empty());
    }

    #[test]
    fn search_matches_globs_uniquely() {
        let h = sample();
        let got = h.query(&json!({"hist_access_type": "search", "pattern": "a*", "unique": true}));
        assert_eq!(got, vec![json!([1, 4, "a + 1"])]);
        let got = h.query(&json!({"hist_access_type": "search", "pattern": "*a?*", "n": 1}));
        assert_eq!(got, vec![json!([1, 4, "a + 1"])]);
        let with_output =
            h.query(&json!({"hist_access_type": "search", "pattern": "let*", "output": true}));
        assert_eq!(with_output, vec![json!([1, 1, ["let a = 1;", null]])]);
    }

    #[test]
    fn globs() {
        assert!(glob_match("*", ""));
        assert!(glob_match("a*c", "abbbc"));
        assert!(glob_match("a?c", "abc"));
        assert!(!glob_match("a?c", "ac"));
        assert!(!glob_match("abc", "abcd"));
        assert!(glob_match("*b*", "abc"));
        assert!(glob_match("6 *", "6 * 7"));
        assert!(glob_match("*?", "*"));
        assert!(!glob_match("*x", "**"));
    }
}
