//! Routing the lines evcxr hands over from its runtime's stdout: panic frames (from the hook
//! in [`super::preload::PANIC_HOOK`]) are taken out, the rest goes through the default
//! engine's parser, which turns `\x1eNPDISPLAY` frames into displays.

use super::preload::{PANIC_BEGIN, PANIC_END};
use crate::engine::rustc::output::{OutEvent, StreamParser};

/// Splits stdout lines into output events and panic messages.
#[derive(Debug, Default)]
pub struct StdoutLines {
    parser: StreamParser,
    panic: Option<Vec<String>>,
    /// Messages of the panics seen so far, in order.
    pub panics: Vec<String>,
}

impl StdoutLines {
    /// Feeds one line (without its newline); returns the events it completes.
    pub fn line(&mut self, line: &str) -> Vec<OutEvent> {
        if let Some(buf) = &mut self.panic {
            if line == PANIC_END {
                self.panics.push(buf.join("\n"));
                self.panic = None;
            } else {
                buf.push(line.to_string());
            }
            return Vec::new();
        }
        if let Some(before) = line.strip_suffix(PANIC_BEGIN) {
            // A partial line printed just before the panic comes first.
            self.panic = Some(Vec::new());
            return if before.is_empty() {
                Vec::new()
            } else {
                self.parser.feed(before.as_bytes())
            };
        }
        let mut text = String::with_capacity(line.len() + 1);
        text.push_str(line);
        text.push('\n');
        self.parser.feed(text.as_bytes())
    }

    /// Ends the cell: whatever is buffered, and an unterminated panic frame (the process died
    /// while writing it) as a panic.
    pub fn finish(&mut self) -> Vec<OutEvent> {
        if let Some(buf) = self.panic.take() {
            self.panics.push(buf.join("\n"));
        }
        self.parser.finish()
    }
}

/// Joins adjacent text events, so a burst of lines makes one `stream` message.
pub fn merge_text(events: Vec<OutEvent>) -> Vec<OutEvent> {
    let mut out: Vec<OutEvent> = Vec::with_capacity(events.len());
    for ev in events {
        match (out.last_mut(), ev) {
            (Some(OutEvent::Text(prev)), OutEvent::Text(t)) => prev.push_str(&t),
            (_, ev) => out.push(ev),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(events: &[OutEvent]) -> String {
        events
            .iter()
            .map(|e| match e {
                OutEvent::Text(t) => t.clone(),
                OutEvent::Display(d, _) => format!("<D {}>", d.data["text/plain"]),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn text_displays_and_panics() {
        let mut s = StdoutLines::default();
        assert_eq!(text(&s.line("hello")), "hello\n");
        let frame = "\x1eNPDISPLAY {\"data\": {\"text/plain\": \"x\"}, \"metadata\": {}}";
        assert_eq!(text(&s.line(frame)), "<D \"x\">");
        assert_eq!(text(&s.line("partial\x1eNPPANIC_BEGIN")), "partial");
        assert!(s.line("ValueError: bad").is_empty());
        assert!(s.line("second line").is_empty());
        assert!(s.line("\x1eNPPANIC_END").is_empty());
        assert_eq!(s.panics, ["ValueError: bad\nsecond line"]);
        assert_eq!(text(&s.line("after")), "after\n");
        assert!(s.finish().is_empty());
    }

    #[test]
    fn adjacent_text_is_merged() {
        let mut s = StdoutLines::default();
        let mut events = s.line("a");
        events.extend(s.line("\x1eNPDISPLAY {\"data\": {\"text/plain\": \"x\"}}"));
        events.extend(s.line("b"));
        events.extend(s.line("c"));
        assert_eq!(text(&merge_text(events.clone())), text(&events));
        assert_eq!(merge_text(events).len(), 3);
    }

    #[test]
    fn unterminated_panic_frame_still_counts() {
        let mut s = StdoutLines::default();
        s.line("\x1eNPPANIC_BEGIN");
        s.line("boom");
        s.finish();
        assert_eq!(s.panics, ["boom"]);
    }
}
