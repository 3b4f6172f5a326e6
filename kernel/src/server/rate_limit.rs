//! The IOPub data-rate limit, applied by the kernel itself.
//!
//! A cell that prints a million lines would otherwise push megabytes per second at the
//! browser and freeze the tab. Jupyter's server guards against that with
//! `iopub_data_rate_limit` (1 MB/s averaged over a 3 s window); the kernel applies the same
//! budget before anything reaches the socket, so the heartbeat and the shell never queue
//! behind a flood, and front ends that do not rate-limit (consoles, nbclient) get it too.
//!
//! The budget is a token bucket: `rate` bytes per second, holding at most `rate * window`
//! bytes. Output that does not fit is dropped and counted; the user is told once when
//! dropping starts and once, with the total, when output resumes or the cell ends. Display
//! updates are never lost: the latest bundle of every display id that was dropped is sent
//! when the cell ends, so a display updated 10^4 times ends in its last state.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Jupyter's defaults: `ServerApp.iopub_data_rate_limit` and `ServerApp.rate_limit_window`.
const DEFAULT_RATE: f64 = 1_000_000.0;
const DEFAULT_WINDOW: Duration = Duration::from_secs(3);

/// Environment variable that sets the limit in bytes per second; `0` turns it off.
pub const RATE_ENV: &str = "ARRAYLIB_KERNEL_IOPUB_RATE_LIMIT";

/// What to do with one piece of output.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Send it.
    Send,
    /// Send it, after this notice (output resumes after a dropped stretch).
    SendAfter(String),
    /// Drop it; send this notice first (dropping just started).
    DropAfter(String),
    /// Drop it silently (still dropping).
    Drop,
}

/// Token-bucket state for one cell's output.
#[derive(Debug)]
pub struct RateLimit<D> {
    rate: f64,
    capacity: f64,
    tokens: f64,
    last: Instant,
    dropping: bool,
    dropped_bytes: usize,
    /// The last dropped update of each display id, sent when the cell ends.
    dropped_displays: BTreeMap<String, D>,
}

impl<D> RateLimit<D> {
    /// The limit from [`RATE_ENV`], or Jupyter's default; `None` when turned off.
    pub fn from_env() -> Option<Self> {
        let rate = match std::env::var(RATE_ENV) {
            Ok(v) => v.trim().parse::<f64>().ok().unwrap_or(DEFAULT_RATE),
            Err(_) => DEFAULT_RATE,
        };
        (rate > 0.0).then(|| Self::new(rate, DEFAULT_WINDOW, Instant::now()))
    }

    /// A full bucket of `rate * window` bytes.
    pub fn new(rate: f64, window: Duration, now: Instant) -> Self {
        let capacity = rate * window.as_secs_f64();
        RateLimit {
            rate,
            capacity,
            tokens: capacity,
            last: now,
            dropping: false,
            dropped_bytes: 0,
            dropped_displays: BTreeMap::new(),
        }
    }

    /// Decides about `bytes` of output at `now`.
    pub fn admit(&mut self, bytes: usize, now: Instant) -> Verdict {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * self.rate).min(self.capacity);
        if self.dropping {
            // Resume only once half the bucket has refilled, so output does not flicker
            // between sent and dropped on every line.
            if self.tokens >= self.capacity / 2.0 && self.tokens >= bytes as f64 {
                self.dropping = false;
                self.tokens -= bytes as f64;
                let notice = self.resumed_notice();
                return Verdict::SendAfter(notice);
            }
            self.dropped_bytes += bytes;
            return Verdict::Drop;
        }
        if self.tokens >= bytes as f64 {
            self.tokens -= bytes as f64;
            return Verdict::Send;
        }
        self.dropping = true;
        self.dropped_bytes += bytes;
        Verdict::DropAfter(self.exceeded_notice())
    }

    /// Keeps `display` as the state to restore for `id` at the end of the cell.
    pub fn remember_display(&mut self, id: String, display: D) {
        self.dropped_displays.insert(id, display);
    }

    /// At the end of the cell: the displays whose last update was dropped, and a notice with
    /// the total dropped when anything was.
    pub fn finish(&mut self) -> (Vec<D>, Option<String>) {
        let displays = std::mem::take(&mut self.dropped_displays)
            .into_values()
            .collect();
        let notice = (self.dropped_bytes > 0).then(|| self.resumed_notice());
        self.dropping = false;
        (displays, notice)
    }

    fn exceeded_notice(&self) -> String {
        format!(
            "\nIOPub data rate exceeded.\n\
             The kernel will temporarily stop sending output\n\
             to the client in order to avoid crashing it.\n\
             To change this limit, set the environment variable\n\
             `{RATE_ENV}` in the kernelspec (bytes per second; 0 turns the limit off).\n\n\
             Current values:\n\
             iopub data rate limit={:.1} (bytes/sec)\n\
             rate limit window={:.1} (secs)\n\n",
            self.rate,
            self.capacity / self.rate,
        )
    }

    fn resumed_notice(&mut self) -> String {
        let dropped = std::mem::take(&mut self.dropped_bytes);
        format!("\n[output resumed: {dropped} bytes of output were dropped by the IOPub data rate limit]\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(now: Instant) -> RateLimit<u32> {
        RateLimit::new(1000.0, Duration::from_secs(3), now)
    }

    #[test]
    fn sends_within_the_window_budget() {
        let t = Instant::now();
        let mut l = limit(t);
        for _ in 0..30 {
            assert_eq!(l.admit(100, t), Verdict::Send);
        }
        assert!(
            matches!(l.admit(100, t), Verdict::DropAfter(n) if n.contains("IOPub data rate exceeded"))
        );
        assert_eq!(l.admit(100, t), Verdict::Drop);
        let (displays, notice) = l.finish();
        assert!(displays.is_empty());
        assert!(notice.unwrap().contains("200 bytes of output were dropped"));
    }

    #[test]
    fn resumes_after_half_the_bucket_refills() {
        let t = Instant::now();
        let mut l = limit(t);
        assert_eq!(l.admit(3000, t), Verdict::Send);
        assert!(matches!(l.admit(10, t), Verdict::DropAfter(_)));
        // 1 s later the bucket holds 1000 of 3000: still dropping.
        assert_eq!(l.admit(10, t + Duration::from_secs(1)), Verdict::Drop);
        // 1 s more: 2000 >= 1500, so output resumes with the count of what was lost.
        match l.admit(10, t + Duration::from_secs(2)) {
            Verdict::SendAfter(n) => assert!(n.contains("20 bytes"), "{n}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(l.finish().1, None);
    }

    #[test]
    fn keeps_only_the_last_dropped_state_of_each_display() {
        let mut l = limit(Instant::now());
        l.remember_display("a".into(), 1);
        l.remember_display("b".into(), 2);
        l.remember_display("a".into(), 3);
        assert_eq!(l.finish().0, vec![3, 2]);
    }
}
