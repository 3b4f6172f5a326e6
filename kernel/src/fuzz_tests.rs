//! Bounded fuzzing of everything that parses untrusted input: wire frames, message content
//! handed to the request handlers, and cell text (`is_complete`, cell splitting).
//!
//! A seeded generator mutates valid inputs (bit flips, truncation, splicing, frame
//! reordering, random JSON) for a fixed time per target. It runs in `cargo test` for a second
//! per target; `ARRAYLIB_FUZZ_SECONDS=N` runs each target for N seconds (CI uses a few
//! minutes in all) and `ARRAYLIB_FUZZ_SEED` replays one run. The property: no panic, no hang,
//! and every decode either fails cleanly or yields a message that re-encodes.

use crate::engine::rustc::cell_syntax::{is_complete, split_cell};
use crate::wire::{decode, encode, Message, Signer};
use bytes::Bytes;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// xorshift64*: small, seedable, good enough to drive mutations.
pub(crate) struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn budget() -> Duration {
    let secs = std::env::var("ARRAYLIB_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(1.0);
    Duration::from_secs_f64(secs)
}

fn seed() -> u64 {
    std::env::var("ARRAYLIB_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        })
}

/// Runs `one` with fresh random state until the time budget is spent; names the seed of a
/// failing run so it can be replayed.
pub(crate) fn fuzz(name: &str, mut one: impl FnMut(&mut Rng)) {
    let start_seed = seed();
    let mut rng = Rng(start_seed);
    let deadline = Instant::now() + budget();
    let mut runs = 0u64;
    while Instant::now() < deadline {
        let case_seed = rng.next() | 1;
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            one(&mut Rng(case_seed));
        }));
        assert!(
            result.is_ok(),
            "fuzz target {name} panicked; replay with ARRAYLIB_FUZZ_SEED={start_seed} (case seed {case_seed})"
        );
        runs += 1;
    }
    eprintln!("fuzz {name}: {runs} inputs, seed {start_seed}");
}

fn mutate_bytes(rng: &mut Rng, data: &mut Vec<u8>) {
    for _ in 0..=rng.below(4) {
        match rng.below(7) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 => data.truncate(rng.below(data.len() + 1)),
            2 => {
                let i = rng.below(data.len() + 1);
                let junk: Vec<u8> = (0..rng.below(16)).map(|_| rng.next() as u8).collect();
                data.splice(i..i, junk);
            }
            3 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] = *rng.pick(b"{}[]\":,\\\x00\xff\xc3 0-e.");
            }
            4 => data.extend(std::iter::repeat_n(b'[', rng.below(200))),
            5 if data.len() > 2 => {
                let (a, b) = (rng.below(data.len()), rng.below(data.len()));
                data.swap(a, b);
            }
            _ => {}
        }
    }
}

pub(crate) fn random_json(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 3 { 5 } else { 8 }) {
        0 => Value::Null,
        1 => json!(rng.chance(2)),
        2 => json!(rng.next() as i64),
        3 => json!(f64::from_bits(rng.next()).to_string()),
        4 => {
            let words = [
                "",
                "x",
                "é",
                "\u{0}",
                "let a = 1;",
                "np::",
                "{",
                "a.",
                "\u{1F600}",
            ];
            json!(rng.pick(&words).repeat(rng.below(4)))
        }
        5 => Value::Array(
            (0..rng.below(4))
                .map(|_| random_json(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let keys = [
                "code",
                "silent",
                "store_history",
                "user_expressions",
                "allow_stdin",
                "stop_on_error",
                "cursor_pos",
                "detail_level",
                "hist_access_type",
                "n",
                "session",
                "start",
                "stop",
                "raw",
                "output",
                "pattern",
                "unique",
                "restart",
                "comm_id",
                "target_name",
                "data",
                "msg_type",
                "msg_id",
            ];
            let mut map = serde_json::Map::new();
            for _ in 0..rng.below(6) {
                map.insert(rng.pick(&keys).to_string(), random_json(rng, depth + 1));
            }
            Value::Object(map)
        }
    }
}

pub(crate) const MSG_TYPES: &[&str] = &[
    "kernel_info_request",
    "execute_request",
    "complete_request",
    "inspect_request",
    "history_request",
    "is_complete_request",
    "comm_info_request",
    "comm_open",
    "comm_msg",
    "comm_close",
    "shutdown_request",
    "interrupt_request",
    "input_reply",
    "no_such_request",
    "",
];

#[test]
fn fuzz_wire_decode() {
    let signer = Signer::new(b"fuzz-key");
    fuzz("wire_decode", |rng| {
        let content = random_json(rng, 0);
        let msg_type: &&str = rng.pick(MSG_TYPES);
        let valid = Message::new(msg_type, "s", None, content);
        let mut frames: Vec<Vec<u8>> = encode(&valid, &signer)
            .into_iter()
            .map(|b| b.to_vec())
            .collect();
        match rng.below(5) {
            0 => {
                let i = rng.below(frames.len());
                mutate_bytes(rng, &mut frames[i]);
            }
            1 => frames.truncate(rng.below(frames.len() + 1)),
            2 => {
                let (a, b) = (rng.below(frames.len()), rng.below(frames.len()));
                frames.swap(a, b);
            }
            3 => frames.insert(
                rng.below(frames.len() + 1),
                vec![rng.next() as u8; rng.below(9)],
            ),
            _ => {}
        }
        let frames: Vec<Bytes> = frames.into_iter().map(Bytes::from).collect();
        if let Ok(message) = decode(&frames, &signer) {
            // Whatever decodes must survive a round trip (through a new signer: the first
            // one remembers the msg_id and would rightly reject the copy as a replay).
            let fresh = Signer::new(b"fuzz-key");
            let again = decode(&encode(&message, &fresh), &fresh)
                .unwrap_or_else(|e| panic!("{e:?} re-decoding {:?}", message.header));
            assert_eq!(again.msg_type(), message.msg_type());
        }
    });
}

#[test]
fn fuzz_cell_text() {
    let corpus = [
        "let a = np::arange(12).reshape([3, 4]);\na",
        "fn f(x: i32) -> i32 { x + 1 }\nstruct P { x: f64 }\nimpl P { fn n(&self) -> f64 { self.x } }",
        "for i in 0..3 { println!(\"{i}\"); } loop { break; } while false {}",
        "let s = \"a {{ string } with \\\" quotes\"; let c = '{'; /* block { */ // line {\n",
        "r#\"raw \" string\"#; b'x'; 'lifetime: loop { break 'lifetime; }",
        ":dep rand = \"0.8\"",
        "std::thread::sleep(std::time::Duration::from_millis(1));",
        "macro_rules! m { ($x:expr) => { $x }; }\nm!(1)",
        "let v: Vec<Vec<f64>> = vec![vec![1.0; 3]; 2]; v.len()",
        "use std::collections::HashMap;\nlet mut m = HashMap::new(); m.insert(1, 2); m",
    ];
    fuzz("cell_text", |rng| {
        let mut text = rng.pick(&corpus).as_bytes().to_vec();
        if rng.chance(3) {
            text.extend_from_slice(rng.pick(&corpus).as_bytes());
        }
        mutate_bytes(rng, &mut text);
        let code = String::from_utf8_lossy(&text);
        let _ = is_complete(&code);
        let parts = split_cell(&code);
        // Edits map back inside the cell.
        for (line, _, _) in &parts.body_shifts.inserts {
            assert!(*line >= 1 && *line <= code.lines().count().max(1));
        }
    });
}
