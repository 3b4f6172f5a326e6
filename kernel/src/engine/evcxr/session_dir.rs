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
        let c = acquire(&base);
        assert_eq!(c.path, base.join("slot-0"));
        assert!(!c.throwaway);
        drop((b, c));
        let _ = std::fs::remove_dir_all(&base);
    }
}
