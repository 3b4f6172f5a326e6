//! A progress bar for loops: `for x in np::progress(iter) { ... }`.
//!
//! In a notebook the bar is one display that is replaced in place (`update_display_data`); in
//! a terminal it is one line on standard error rewritten with `\r`. Redraws are throttled to
//! at most ten a second so that a fast loop spends its time in the loop, and the last state is
//! always drawn when the iterator ends or the loop is left early.
//!
//! The iterator wrapper is generic, but all the drawing lives in the non-generic
//! [`ProgressState`] so that each new item type costs only a few small functions.

use crate::display::{DisplayHandle, RichDisplay, display_with_id};
use std::io::Write;
use std::time::{Duration, Instant};

/// Minimum time between two redraws.
const REDRAW_EVERY: Duration = Duration::from_millis(100);
/// Width of the bar in characters (terminal and `text/plain`).
const BAR_CHARS: usize = 24;

/// Wraps an iterator so that iterating it shows a progress bar with the count, the total when
/// it is known (from `size_hint`), the rate and the time left.
///
/// ```
/// let mut sum = 0;
/// for x in arraylib::progress(0..1000) {
///     sum += x;
/// }
/// assert_eq!(sum, 499500);
/// ```
pub fn progress<I: IntoIterator>(iter: I) -> Progress<I::IntoIter> {
    let iter = iter.into_iter();
    let total = match iter.size_hint() {
        (lo, Some(hi)) if lo == hi => Some(lo),
        _ => None,
    };
    Progress {
        iter,
        state: ProgressState::new(total),
    }
}

/// The iterator returned by [`progress`].
#[derive(Debug)]
pub struct Progress<I> {
    iter: I,
    state: ProgressState,
}

impl<I> Progress<I> {
    /// Sets the total when the iterator cannot tell it (a `filter`, a reader's lines).
    ///
    /// ```
    /// let n = arraylib::progress((0..10).filter(|x| x % 2 == 0)).with_total(5).count();
    /// assert_eq!(n, 5);
    /// ```
    pub fn with_total(mut self, total: usize) -> Self {
        self.state.total = Some(total);
        self
    }

    /// Puts a label in front of the bar.
    ///
    /// ```
    /// let n = arraylib::progress(0..3).desc("epochs").count();
    /// assert_eq!(n, 3);
    /// ```
    pub fn desc(mut self, label: impl Into<String>) -> Self {
        self.state.label = label.into();
        self
    }
}

impl<I: Iterator> Iterator for Progress<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        self.state.before_item();
        let item = self.iter.next();
        match item {
            Some(_) => self.state.advance(),
            None => self.state.finish(),
        }
        item
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.iter.size_hint()
    }
}

/// Where the bar is drawn.
#[derive(Debug)]
enum Sink {
    /// Not drawn yet.
    Unstarted,
    /// A notebook display, replaced in place.
    Notebook(DisplayHandle),
    /// A terminal line on standard error; the width of the last line drawn.
    Terminal(usize),
}

/// Count, timing and output of one progress bar.
#[derive(Debug)]
pub struct ProgressState {
    count: usize,
    total: Option<usize>,
    label: String,
    start: Instant,
    last_draw: Instant,
    sink: Sink,
    finished: bool,
}

/// One drawn state of a bar, as a displayable value.
struct Frame<'a>(&'a ProgressState, bool);

impl RichDisplay for Frame<'_> {
    fn mime_bundle(&self) -> Vec<(String, String)> {
        vec![
            ("text/plain".to_string(), self.0.line(self.1)),
            ("text/html".to_string(), self.0.html(self.1)),
        ]
    }
}

impl ProgressState {
    fn new(total: Option<usize>) -> Self {
        let now = Instant::now();
        ProgressState {
            count: 0,
            total,
            label: String::new(),
            start: now,
            last_draw: now,
            sink: Sink::Unstarted,
            finished: false,
        }
    }

    /// Draws the empty bar when the first item is asked for, so that time spent producing it
    /// counts.
    fn before_item(&mut self) {
        if matches!(self.sink, Sink::Unstarted) {
            self.start = Instant::now();
            self.draw(false);
        }
    }

    fn advance(&mut self) {
        self.count += 1;
        if self.last_draw.elapsed() >= REDRAW_EVERY {
            self.draw(false);
        }
    }

    fn finish(&mut self) {
        if !self.finished {
            self.finished = true;
            self.draw(true);
        }
    }

    fn in_notebook() -> bool {
        std::env::var_os("ARRAYLIB_KERNEL_CELL_HOST").is_some_and(|v| v == "1")
    }

    fn draw(&mut self, last: bool) {
        self.last_draw = Instant::now();
        if matches!(self.sink, Sink::Unstarted) {
            self.sink = if Self::in_notebook() {
                Sink::Notebook(display_with_id(&Frame(self, last)))
            } else {
                Sink::Terminal(0)
            };
            if matches!(self.sink, Sink::Notebook(_)) {
                return;
            }
        }
        match &self.sink {
            Sink::Notebook(h) => h.update(&Frame(self, last)),
            Sink::Terminal(width) => {
                let line = self.line(last);
                let pad = width.saturating_sub(line.chars().count());
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "\r{line}{}", " ".repeat(pad));
                if last {
                    let _ = writeln!(err);
                }
                let _ = err.flush();
                self.sink = Sink::Terminal(line.chars().count());
            }
            Sink::Unstarted => {}
        }
    }

    fn elapsed(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    fn rate(&self) -> Option<f64> {
        let t = self.elapsed();
        (t > 0.0 && self.count > 0).then(|| self.count as f64 / t)
    }

    /// The fraction done, when the total is known.
    fn fraction(&self) -> Option<f64> {
        self.total.map(|t| {
            if t == 0 {
                1.0
            } else {
                (self.count as f64 / t as f64).min(1.0)
            }
        })
    }

    /// `count/total [elapsed<left, rate]` as tqdm writes it.
    fn stats_text(&self, last: bool) -> String {
        let rate = self.rate();
        let rate_text = match rate {
            Some(r) if r >= 1.0 => format!("{} it/s", short_number(r)),
            Some(r) => format!("{} s/it", short_number(1.0 / r)),
            None => "? it/s".to_string(),
        };
        let elapsed = clock(self.elapsed());
        match self.total {
            Some(total) => {
                let left = match rate {
                    _ if last || self.count >= total => clock(0.0),
                    Some(r) => clock(total.saturating_sub(self.count) as f64 / r),
                    None => "?".to_string(),
                };
                format!("{}/{} [{elapsed}<{left}, {rate_text}]", self.count, total)
            }
            None => format!("{} it [{elapsed}, {rate_text}]", self.count),
        }
    }

    /// The whole bar as one line of text.
    fn line(&self, last: bool) -> String {
        let mut s = String::new();
        if !self.label.is_empty() {
            s.push_str(&self.label);
            s.push_str(": ");
        }
        if let Some(f) = self.fraction() {
            let eighths = (f * (BAR_CHARS * 8) as f64).round() as usize;
            let full = eighths / 8;
            let partial = eighths % 8;
            let mut bar = "█".repeat(full);
            if partial > 0 && full < BAR_CHARS {
                bar.push(['▏', '▎', '▍', '▌', '▋', '▊', '▉'][partial - 1]);
            }
            let shown = full + usize::from(partial > 0 && full < BAR_CHARS);
            bar.push_str(&" ".repeat(BAR_CHARS - shown.min(BAR_CHARS)));
            s.push_str(&format!("{:3.0}%|{bar}| ", f * 100.0));
        }
        s.push_str(&self.stats_text(last));
        s
    }

    /// The bar as inline-styled HTML (no `<style>`/`<svg>`: untrusted notebooks strip them).
    fn html(&self, last: bool) -> String {
        let fill = match (self.fraction(), last) {
            (Some(f), _) => f,
            (None, true) => 1.0,
            (None, false) => 0.0,
        };
        // A plain color first: JupyterLab's sanitizer of untrusted outputs drops `var(...)`.
        let color = if last && self.total.is_none_or(|t| self.count >= t) {
            "background-color:#388e3c;background-color:var(--jp-success-color1,#388e3c);"
        } else {
            "background-color:#1976d2;background-color:var(--jp-brand-color1,#1976d2);"
        };
        let label = if self.label.is_empty() {
            String::new()
        } else {
            format!("<span>{}:</span>", escape(&self.label))
        };
        let pct = self
            .fraction()
            .map(|f| format!("<span>{:.0}%</span>", f * 100.0))
            .unwrap_or_default();
        format!(
            "<div class=\"np-progress\" style=\"white-space:nowrap;\
             font-family:monospace;font-family:var(--jp-code-font-family,monospace);font-size:12px;\
             color:var(--jp-ui-font-color1,#212121);\">{label}{pct}\
             <div style=\"display:inline-block;vertical-align:middle;margin:0 8px;width:240px;\
             height:10px;border-radius:3px;overflow:hidden;background-color:rgba(128,128,128,0.3);\
             background:var(--jp-layout-color3,#ddd);\">\
             <div style=\"width:{:.1}%;height:100%;{color}\"></div></div>\
             <span>{}</span></div>",
            fill * 100.0,
            escape(&self.stats_text(last))
        )
    }
}

impl<I> Drop for Progress<I> {
    /// A loop left early (`break`, `?`, a panic) still shows where it stopped.
    fn drop(&mut self) {
        if !matches!(self.state.sink, Sink::Unstarted) && !self.state.finished {
            self.state.finished = true;
            if !std::thread::panicking() {
                self.state.draw(true);
            } else if let Sink::Terminal(_) = self.state.sink {
                let _ = writeln!(std::io::stderr());
            }
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `mm:ss`, or `h:mm:ss` from an hour on.
fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0).round() as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

/// A rate with about three significant digits.
fn short_number(x: f64) -> String {
    if x >= 100.0 {
        format!("{x:.0}")
    } else if x >= 10.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn total_comes_from_exact_size_hint() {
        assert_eq!(progress(0..7).state.total, Some(7));
        assert_eq!(progress(vec![1, 2, 3]).state.total, Some(3));
        assert_eq!(progress((0..7).filter(|_| true)).state.total, None);
        assert_eq!(progress(0..).state.total, None);
    }

    #[test]
    fn yields_every_item_and_counts_them() {
        let mut p = progress(0..5);
        let items: Vec<i32> = p.by_ref().collect();
        assert_eq!(items, vec![0, 1, 2, 3, 4]);
        assert_eq!(p.state.count, 5);
        assert!(p.state.finished);
    }

    #[test]
    fn final_line_shows_full_bar_and_no_time_left() {
        let mut p = progress(0..4);
        p.by_ref().for_each(drop);
        let line = p.state.line(true);
        assert!(
            line.starts_with("100%|████████████████████████| 4/4 [00:00<00:00, "),
            "{line}"
        );
        assert!(line.ends_with(" it/s]"), "{line}");
    }

    #[test]
    fn partial_bar_and_unknown_total() {
        let mut s = ProgressState::new(Some(16));
        s.count = 5;
        let line = s.line(false);
        assert!(line.starts_with(" 31%|███████▌"), "{line}");
        assert_eq!(line.matches('|').count(), 2);
        let mut s = ProgressState::new(None);
        s.count = 12;
        assert!(s.line(false).starts_with("12 it [00:00, "));
        s.label = "load".into();
        assert!(s.line(false).starts_with("load: 12 it"));
    }

    #[test]
    fn html_has_no_style_script_or_svg() {
        let mut s = ProgressState::new(Some(10));
        s.count = 3;
        let h = s.html(false);
        assert!(h.contains("width:30.0%"), "{h}");
        assert!(!h.contains("<style") && !h.contains("<svg") && !h.contains("<script"));
    }

    #[test]
    fn clock_format() {
        assert_eq!(clock(0.0), "00:00");
        assert_eq!(clock(75.4), "01:15");
        assert_eq!(clock(3725.0), "1:02:05");
    }
}
