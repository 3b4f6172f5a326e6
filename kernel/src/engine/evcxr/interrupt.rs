//! Interrupting an evcxr cell. evcxr has no way to stop a running cell other than killing its
//! runtime process (which it then restarts): every variable lives in that process and is
//! lost, while items, `use`s and `:dep`s are kept (evcxr recompiles them into each cell).
//! A cell that is still compiling is stopped by killing `cargo` and its `rustc`s instead,
//! which loses nothing.

use crate::engine::Interrupter;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::Arc;

/// Shared between the engine and the control thread.
#[derive(Debug, Default)]
pub struct InterruptState {
    /// Set by an interrupt while a cell runs; cleared when the next cell starts.
    pub requested: AtomicBool,
    /// Whether a cell is being compiled or run now.
    pub running: AtomicBool,
    /// The pid of evcxr's runtime process (0 before warm-up).
    pub runtime_pid: AtomicI32,
}

/// What an interrupt did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stopped {
    /// Nothing was running.
    Nothing,
    /// Compiler processes were killed; the session is intact.
    Compile,
    /// The runtime process was killed; the session's variables are gone.
    Runtime,
}

impl InterruptState {
    /// Stops whatever the current cell is doing.
    pub fn interrupt(&self) -> Stopped {
        if !self.running.load(Ordering::SeqCst) {
            return Stopped::Nothing;
        }
        self.requested.store(true, Ordering::SeqCst);
        let runtime = self.runtime_pid.load(Ordering::SeqCst);
        if runtime == 0 {
            // Still warming up: the cell waits for the arraylib build, which must not be
            // killed (the next cell would need it again); the waiting cell stops instead.
            return Stopped::Nothing;
        }
        if stop_compilers(runtime) > 0 {
            return Stopped::Compile;
        }
        // SAFETY: signalling a child process this kernel started.
        unsafe {
            libc::kill(runtime, libc::SIGKILL);
        }
        Stopped::Runtime
    }

    /// Kills the runtime and any compiler, for shutdown.
    pub fn kill_all(&self) {
        let runtime = self.runtime_pid.load(Ordering::SeqCst);
        stop_compilers(runtime);
        if runtime > 0 {
            // SAFETY: as above.
            unsafe {
                libc::kill(runtime, libc::SIGKILL);
            }
        }
    }
}

/// The [`Interrupter`] handed to the control channel.
pub struct EvcxrInterrupter(pub Arc<InterruptState>);

impl Interrupter for EvcxrInterrupter {
    fn interrupt(&self) {
        let what = self.0.interrupt();
        if what != Stopped::Nothing {
            crate::log!("evcxr: interrupt stopped the {what:?}");
        }
    }
}

/// pid -> (parent pid, command name) of every process, from `/proc`.
fn process_table() -> HashMap<i32, (i32, String)> {
    let mut table = HashMap::new();
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return table;
    };
    for entry in dir.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<i32>().ok())
        else {
            continue;
        };
        if let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) {
            if let Some((ppid, comm)) = parse_stat(&stat) {
                table.insert(pid, (ppid, comm));
            }
        }
    }
    table
}

/// `(ppid, comm)` from the text of `/proc/PID/stat` (the name may hold spaces and parens).
fn parse_stat(stat: &str) -> Option<(i32, String)> {
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let comm = stat.get(open + 1..close)?.to_string();
    let ppid = stat
        .get(close + 2..)?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some((ppid, comm))
}

/// `root` and all its descendants in `table`.
fn subtree(table: &HashMap<i32, (i32, String)>, root: i32) -> Vec<i32> {
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let parent = out[i];
        out.extend(
            table
                .iter()
                .filter(|(_, (ppid, _))| *ppid == parent)
                .map(|(pid, _)| *pid),
        );
        i += 1;
    }
    out
}

/// Kills every `cargo` (or `rustc`) this process started, with all their children; returns
/// how many were found. The runtime process is left alone.
fn stop_compilers(runtime: i32) -> usize {
    let me = std::process::id() as i32;
    let table = process_table();
    let roots: Vec<i32> = table
        .iter()
        .filter(|(pid, (ppid, comm))| {
            *ppid == me && **pid != runtime && matches!(comm.as_str(), "cargo" | "rustc" | "mold")
        })
        .map(|(pid, _)| *pid)
        .collect();
    for &root in &roots {
        // Children first, so that cargo cannot start another rustc in between.
        for pid in subtree(&table, root).into_iter().rev() {
            // SAFETY: signalling processes this kernel started.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
            }
        }
    }
    roots.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_proc_stat() {
        assert_eq!(
            parse_stat("123 (my (odd) name) S 45 123 123 0 -1"),
            Some((45, "my (odd) name".to_string()))
        );
        assert_eq!(parse_stat("garbage"), None);
    }

    #[test]
    fn subtree_follows_parents() {
        let mut t = HashMap::new();
        t.insert(2, (1, "cargo".to_string()));
        t.insert(3, (2, "rustc".to_string()));
        t.insert(4, (3, "cc".to_string()));
        t.insert(5, (1, "other".to_string()));
        let mut s = subtree(&t, 2);
        s.sort_unstable();
        assert_eq!(s, [2, 3, 4]);
    }

    #[test]
    fn idle_interrupt_does_nothing() {
        let s = InterruptState::default();
        assert_eq!(s.interrupt(), Stopped::Nothing);
        assert!(!s.requested.load(Ordering::SeqCst));
    }

    #[test]
    fn finds_a_sleeping_child_by_name_only() {
        // A child named `sleep` is not a compiler: nothing is killed.
        let mut child = std::process::Command::new("sleep")
            .arg("5")
            .spawn()
            .unwrap();
        assert_eq!(stop_compilers(0), 0);
        child.kill().unwrap();
        child.wait().unwrap();
    }
}
