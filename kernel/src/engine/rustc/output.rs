//! Splitting the cell host's stdout/stderr bytes into text, display frames
//! (`\x1eNPDISPLAY {json}` lines and evcxr's `EVCXR_BEGIN_CONTENT` blocks) and the
//! end-of-cell marker.

use super::super::{DisplayData, MimeBundle};
use serde_json::Value;

/// Something found in an output stream.
#[derive(Clone, Debug, PartialEq)]
pub enum OutEvent {
    /// Plain text.
    Text(String),
    /// A display (`update` means `update_display_data`).
    Display(DisplayData, bool),
    /// `clear_output(wait)`.
    Clear(bool),
    /// The end-of-cell marker with this payload.
    Marker(String),
    /// The cell waits for a line of input (`\x1eNPINPUT {"prompt": .., "password": ..}`).
    Input {
        /// Shown before the input field.
        prompt: String,
        /// Whether the input should be hidden.
        password: bool,
    },
}

const EVCXR_BEGIN: &str = "EVCXR_BEGIN_CONTENT";
const EVCXR_END: &str = "EVCXR_END_CONTENT";

/// Incremental parser of one stream.
#[derive(Debug, Default)]
pub struct StreamParser {
    pending: Vec<u8>,
    mid_line: bool,
    evcxr: Option<(String, String)>,
}

fn parse_frame(line: &str) -> Option<OutEvent> {
    if let Some(json) = line.strip_prefix("NPINPUT ") {
        let v: Value = serde_json::from_str(json.trim()).ok()?;
        return Some(OutEvent::Input {
            prompt: v.get("prompt").and_then(Value::as_str)?.to_string(),
            password: v.get("password").and_then(Value::as_bool).unwrap_or(false),
        });
    }
    let json = line.strip_prefix("NPDISPLAY ")?;
    let v: Value = serde_json::from_str(json.trim()).ok()?;
    if v.get("clear_output").and_then(Value::as_bool) == Some(true) {
        return Some(OutEvent::Clear(
            v.get("wait").and_then(Value::as_bool).unwrap_or(false),
        ));
    }
    let obj = |k: &str| -> MimeBundle {
        v.get(k)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    };
    let display_id = v
        .get("transient")
        .and_then(|t| t.get("display_id"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let update = v.get("update").and_then(Value::as_bool).unwrap_or(false);
    Some(OutEvent::Display(
        DisplayData {
            data: obj("data"),
            metadata: obj("metadata"),
            display_id,
        },
        update,
    ))
}

/// Index of the first `byte` in `buf` at or after `from`.
fn find(buf: &[u8], from: usize, byte: u8) -> Option<usize> {
    buf.get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|i| i + from)
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

impl StreamParser {
    /// Feeds bytes; returns the events they complete, in order.
    ///
    /// Works with a cursor and drains the consumed bytes once at the end: a chunk of a
    /// million short lines must cost linear time, not a scan of the buffer per line.
    pub fn feed(&mut self, data: &[u8]) -> Vec<OutEvent> {
        self.pending.extend_from_slice(data);
        let mut events = Vec::new();
        let mut text = String::new();
        let mut pos = 0usize;
        let mut next_rs = find(&self.pending, 0, 0x1e);
        loop {
            if let Some((mime, content)) = &mut self.evcxr {
                let Some(nl) = find(&self.pending, pos, b'\n') else {
                    break;
                };
                let line = lossy(&self.pending[pos..=nl]);
                pos = nl + 1;
                if line.trim_end() == EVCXR_END {
                    let mut data = MimeBundle::new();
                    let c = content.strip_suffix('\n').unwrap_or(content).to_string();
                    data.insert(mime.clone(), Value::String(c));
                    self.evcxr = None;
                    flush_text(&mut text, &mut events);
                    events.push(OutEvent::Display(
                        DisplayData {
                            data,
                            ..Default::default()
                        },
                        false,
                    ));
                } else {
                    content.push_str(&line);
                }
                continue;
            }
            if pos >= self.pending.len() {
                break;
            }
            if next_rs.is_some_and(|r| r < pos) {
                next_rs = find(&self.pending, pos, 0x1e);
            }
            let nl = find(&self.pending, pos, b'\n');
            match (next_rs, nl) {
                (Some(r), n) if n.is_none_or(|n| r < n) => {
                    // Text before the frame, then the frame up to its newline.
                    if r > pos {
                        text.push_str(&lossy(&self.pending[pos..r]));
                        self.mid_line = true;
                        pos = r;
                    }
                    let Some(end) = find(&self.pending, pos, b'\n') else {
                        break;
                    };
                    let raw = lossy(&self.pending[pos..=end]);
                    pos = end + 1;
                    let line = raw[1..].trim_end_matches('\n');
                    self.mid_line = false;
                    if let Some(marker) = line.strip_prefix("ARRAYLIB_CELL_DONE ") {
                        flush_text(&mut text, &mut events);
                        events.push(OutEvent::Marker(marker.to_string()));
                    } else if let Some(ev) = parse_frame(line) {
                        flush_text(&mut text, &mut events);
                        events.push(ev);
                    } else {
                        text.push_str(&raw);
                    }
                }
                (_, Some(n)) => {
                    let line = &self.pending[pos..=n];
                    pos = n + 1;
                    if !self.mid_line && line.starts_with(EVCXR_BEGIN.as_bytes()) {
                        let mime = lossy(&line[EVCXR_BEGIN.len()..]);
                        let mime = mime.trim();
                        if !mime.is_empty() {
                            self.evcxr = Some((mime.to_string(), String::new()));
                            continue;
                        }
                    }
                    self.mid_line = false;
                    text.push_str(&String::from_utf8_lossy(line));
                }
                (None, None) => {
                    // A partial line: show it now unless it may start an evcxr block.
                    let rest = &self.pending[pos..];
                    let could_be_evcxr = !self.mid_line && {
                        let n = rest.len().min(EVCXR_BEGIN.len());
                        rest[..n] == EVCXR_BEGIN.as_bytes()[..n]
                    };
                    if could_be_evcxr {
                        break;
                    }
                    // Keep an incomplete UTF-8 sequence at the end for the next chunk.
                    let take = match std::str::from_utf8(rest) {
                        Ok(_) => rest.len(),
                        Err(e) if e.error_len().is_none() => e.valid_up_to(),
                        Err(_) => rest.len(),
                    };
                    if take > 0 {
                        text.push_str(&lossy(&rest[..take]));
                        self.mid_line = true;
                        pos += take;
                    }
                    break;
                }
                _ => break,
            }
        }
        self.pending.drain(..pos);
        flush_text(&mut text, &mut events);
        events
    }

    /// Returns whatever is still buffered as text (at the end of a stream).
    pub fn finish(&mut self) -> Vec<OutEvent> {
        let mut s = String::from_utf8_lossy(&std::mem::take(&mut self.pending)).into_owned();
        if let Some((mime, content)) = self.evcxr.take() {
            s = format!("{EVCXR_BEGIN} {mime}\n{content}{s}");
        }
        self.mid_line = false;
        if s.is_empty() {
            Vec::new()
        } else {
            vec![OutEvent::Text(s)]
        }
    }
}

fn flush_text(text: &mut String, events: &mut Vec<OutEvent>) {
    if !text.is_empty() {
        events.push(OutEvent::Text(std::mem::take(text)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(ev: &[OutEvent]) -> String {
        ev.iter()
            .map(|e| match e {
                OutEvent::Text(t) => t.clone(),
                OutEvent::Display(..) => "<D>".into(),
                OutEvent::Clear(w) => format!("<C{w}>"),
                OutEvent::Marker(m) => format!("<M{m}>"),
                OutEvent::Input { prompt, password } => format!("<I{prompt}{password}>"),
            })
            .collect()
    }

    #[test]
    fn frames_and_text() {
        let mut p = StreamParser::default();
        let ev = p.feed(b"hello\nwor");
        assert_eq!(texts(&ev), "hello\nwor");
        let ev = p.feed(b"ld\n\x1eNPDISPLAY {\"data\": {\"text/plain\": \"x\"}, \"metadata\": {}, \"transient\": {\"display_id\": \"d1\"}, \"update\": true}\nafter");
        assert_eq!(texts(&ev), "ld\n<D>after");
        match &ev[1] {
            OutEvent::Display(d, update) => {
                assert!(*update);
                assert_eq!(d.display_id.as_deref(), Some("d1"));
                assert_eq!(d.data["text/plain"], "x");
            }
            e => panic!("{e:?}"),
        }
        let ev = p.feed(
            b"\x1eNPDISPLAY {\"clear_output\": true, \"wait\": true}\n\x1eARRAYLIB_CELL_DONE 7\n",
        );
        assert_eq!(texts(&ev), "<Ctrue><M7>");
    }

    #[test]
    fn input_requests() {
        let mut p = StreamParser::default();
        let ev = p.feed(b"Name? \x1eNPINPUT {\"prompt\": \"> \", \"password\": true}\n");
        assert_eq!(texts(&ev), "Name? <I> true>");
    }

    #[test]
    fn split_frame_and_utf8() {
        let mut p = StreamParser::default();
        assert_eq!(texts(&p.feed(b"\x1eNPDISP")), "");
        assert_eq!(texts(&p.feed(b"LAY {\"data\":{}}\n")), "<D>");
        let e = "é".as_bytes();
        assert_eq!(texts(&p.feed(&e[..1])), "");
        assert_eq!(texts(&p.feed(&e[1..])), "é");
    }

    #[test]
    fn evcxr_blocks() {
        let mut p = StreamParser::default();
        let ev = p.feed(b"a\nEVCXR_BEGIN_CONTENT text/html\n<b>x</b>\nEVCXR_END_CONTENT\nb\n");
        assert_eq!(texts(&ev), "a\n<D>b\n");
        match &ev[1] {
            OutEvent::Display(d, _) => assert_eq!(d.data["text/html"], "<b>x</b>"),
            e => panic!("{e:?}"),
        }
        // A partial line that could begin a block is held back.
        assert_eq!(texts(&p.feed(b"EVCXR_")), "");
        assert_eq!(texts(&p.feed(b"x\n")), "EVCXR_x\n");
    }
}
