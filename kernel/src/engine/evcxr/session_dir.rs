//! The directory evcxr builds in (its `EVCXR_TMPDIR`): a fixed per-user directory, so the
//! `arraylib` dependency compiled by one kernel is reused by the next one instead of being
//! rebuilt on every start.
//!
//! Two kernels must not share one: evcxr rewrites `src/lib.rs` and `Cargo.toml` there for
//! every cell. So there are a few numbered slots, each guarded by an exclusive `flock` held
//! for the kernel's lifetime (released by the OS when the process ends, even on a crash).
//! The first kernel of a user always gets slot 0, which is warm after the first start.

use std::fs::File;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

/// Overrides the base directory of the slots.
pub const DIR_ENV: &str = "ARRAYLIB_EVCXR_DIR";
/// How many kernels of one user can run at once before falling back to a throwaway directory.
const SLOTS: usize = 8;

/// A slot this process holds; the lock is released when it is dropped.
#[derive(Debug)]
pub struct SessionDir {
    /// The directory given to evcxr.
    pub path: PathBuf,
    /// Whether this is a throwaway directory (all slots busy): nothing is reused then.
    pub throwaway: bool,
    _lock: Option<File>,
}

/// `$ARRAYLIB_EVCXR_DIR`, else `$XDG_CACHE_HOME/arraylib-kernel/evcxr`, else
/// `~/.cache/arraylib-kernel/evcxr`, else a directory under the system temp dir.
pub fn base_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".cache"))
        });
    match cache {
        Some(dir) => dir.join("arraylib-kernel").join("evcxr"),
        // SAFETY: getuid has no preconditions.
        None => std::env::temp_dir().join(format!("arraylib-evcxr-{}", unsafe { libc::getuid() })),
    }
}

fn try_lock(file: &File) -> bool {
    // SAFETY: flock on a descriptor we own.
    unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) == 0 }
}

/// Takes the first free slot under `base` (creating it), or a throwaway directory when all
/// are busy or `base` cannot be created.
pub fn acquire(base: &Path) -> SessionDir {
    if std::fs::create_dir_all(base).is_ok() {
        for n in 0..SLOTS {
            let Ok(file) = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(base.join(format!("slot-{n}.lock")))
            else {
                continue;
            };
            if try_lock(&file) {
                let path = base.join(format!("slot-{n}"));
                if std::fs::create_dir_all(&path).is_ok() {
                    return SessionDir {
                        path,
                        throwaway: false,
                        _lock: Some(file),
                    };
                }
            }
        }
    }
    let path = std::env::temp_dir().join(format!("arraylib-evcxr-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&path);
    SessionDir {
        path,
        throwaway: true,
        _lock: None,
    }
}

/// Gives a slot that has never built anything a copy of another slot's build (its cargo
/// target dir and lock file), so a second kernel running at the same time does not compile
/// `arraylib` from scratch. cargo rebuilds whatever the copy got wrong. Returns whether a
/// copy was made.
pub fn seed(slot: &Path) -> bool {
    let is_slot = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("slot-") && !n.ends_with(".lock"))
    };
    let Some(base) = slot.parent() else {
        return false;
    };
    if !is_slot(slot) || slot.join("target").exists() {
        return false;
    }
    let Ok(entries) = std::fs::read_dir(base) else {
        return false;
    };
    let mut donors: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p != slot && is_slot(p) && p.join("target").is_dir())
        .collect();
    donors.sort();
    let Some(donor) = donors.first() else {
        return false;
    };
    // Into a temporary name first: a half-done copy must not look like a build.
    let partial = slot.join("target.partial");
    let _ = std::fs::remove_dir_all(&partial);
    let copied = std::process::Command::new("cp")
        .arg("-a")
        .arg(donor.join("target"))
        .arg(&partial)
        .status()
        .is_ok_and(|s| s.success());
    if !copied || std::fs::rename(&partial, slot.join("target")).is_err() {
        let _ = std::fs::remove_dir_all(&partial);
        return false;
    }
    let _ = std::fs::copy(donor.join("Cargo.lock"), slot.join("Cargo.lock"));
    true
}

impl Drop for SessionDir {
    fn drop(&mut self) {
        if self.throwaway {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_holder_gets_the_next_slot_and_the_first_is_reused() {
        let base = std::env::temp_dir().join(format!("evcxr-slots-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let a = acquire(&base);
        assert_eq!(a.path, base.join("slot-0"));
        // flock locks belong to the open file, so a second open in this process conflicts too.
        let b = acquire(&base);
        assert_eq!(b.path, base.join("slot-1"));
        drop(a);
        // A process another test spawns at this moment holds a copy of the lock's descriptor
        // until it execs, which keeps slot 0 locked for a few milliseconds: retry briefly.
        let mut c = acquire(&base);
        for _ in 0..100 {
            if c.path == base.join("slot-0") {
                break;
            }
            drop(c);
            std::thread::sleep(std::time::Duration::from_millis(20));
            c = acquire(&base);
        }
        assert_eq!(c.path, base.join("slot-0"));
        assert!(!c.throwaway);
        drop((b, c));
        let _ = std::fs::remove_dir_all(&base);
    }

    #[test]
    fn an_empty_slot_is_seeded_from_a_built_one() {
        let base = std::env::temp_dir().join(format!("evcxr-seed-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(base.join("slot-0/target/debug")).unwrap();
        std::fs::write(base.join("slot-0/target/debug/libx.rlib"), b"x").unwrap();
        std::fs::write(base.join("slot-0/Cargo.lock"), b"lock").unwrap();
        std::fs::create_dir_all(base.join("slot-1")).unwrap();
        assert!(seed(&base.join("slot-1")));
        assert_eq!(
            std::fs::read(base.join("slot-1/target/debug/libx.rlib")).unwrap(),
            b"x"
        );
        assert_eq!(
            std::fs::read(base.join("slot-1/Cargo.lock")).unwrap(),
            b"lock"
        );
        // A slot that has built before keeps its own build.
        assert!(!seed(&base.join("slot-1")));
        assert!(!seed(&base.join("slot-0")));
        let _ = std::fs::remove_dir_all(&base);
    }
}
