//! Building `arraylib` and the cell runtime as Rust dylibs, once per toolchain and source
//! change, into their own cargo target directory.

use super::toolchain::{cache_dir, Toolchain};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// The prebuilt libraries cells link against.
#[derive(Clone, Debug)]
pub struct Runtime {
    /// The workspace the sources came from.
    pub workspace: PathBuf,
    /// `<target>/release`: holds `libarraylib.so` and `libarraylib_cell_runtime.so`.
    pub lib_dir: PathBuf,
    /// `<target>/release/deps`: the rlibs of arraylib's dependencies (metadata for rustc).
    pub deps_dir: PathBuf,
    /// The `arraylib` dylib.
    pub arraylib: PathBuf,
    /// The `arraylib_cell_runtime` dylib.
    pub runtime: PathBuf,
    /// Whether arraylib's sources changed after the dylib was built: cells still link the
    /// older build, which may lack what the sources (and completion) offer.
    pub stale: bool,
}

/// What the first cell of a kernel whose prebuilt arraylib is older than its sources says.
pub const STALE_NOTE: &str = "note: arraylib's sources changed after it was prebuilt, and \
     cells use that older build; rebuild it with `install/setup.sh` (or `arraylib-kernel \
     install`), or start the kernel with ARRAYLIB_KERNEL_REBUILD=1";

/// Newest modification time of the sources the dylibs are built from.
fn sources_stamp(workspace: &Path) -> String {
    fn walk(p: &Path, newest: &mut SystemTime, count: &mut u64) {
        if let Ok(rd) = std::fs::read_dir(p) {
            for e in rd.flatten() {
                let path = e.path();
                if path.is_dir() {
                    walk(&path, newest, count);
                } else if let Ok(m) = e.metadata().and_then(|m| m.modified()) {
                    *count += 1;
                    if m > *newest {
                        *newest = m;
                    }
                }
            }
        }
    }
    let mut newest = SystemTime::UNIX_EPOCH;
    let mut count = 0;
    for sub in ["arraylib/src", "kernel/runtime/src"] {
        walk(&workspace.join(sub), &mut newest, &mut count);
    }
    for f in [
        "arraylib/Cargo.toml",
        "kernel/runtime/Cargo.toml",
        "Cargo.lock",
    ] {
        if let Ok(m) = std::fs::metadata(workspace.join(f)).and_then(|m| m.modified()) {
            count += 1;
            newest = newest.max(m);
        }
    }
    let nanos = newest
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("sources: {count} files, newest {nanos}")
}

fn runtime_paths(workspace: &Path) -> Runtime {
    let target = cache_dir(workspace);
    let lib_dir = target.join("release");
    Runtime {
        workspace: workspace.to_path_buf(),
        deps_dir: lib_dir.join("deps"),
        arraylib: lib_dir.join("libarraylib.so"),
        runtime: lib_dir.join("libarraylib_cell_runtime.so"),
        lib_dir,
        stale: false,
    }
}

/// Returns the prebuilt runtime, building it first when it is missing or was built by another
/// `rustc`. Source changes are picked up by [`super::prebuild`] (`install`), which passes
/// `force` (cargo still skips what is fresh), or at kernel start when
/// `ARRAYLIB_KERNEL_REBUILD=1` is set; a kernel start never rebuilds arraylib otherwise.
pub fn ensure_runtime(tc: &Toolchain, workspace: &Path, force: bool) -> Result<Runtime, String> {
    let mut rt = runtime_paths(workspace);
    let target = cache_dir(workspace);
    let stamp_file = target.join("arraylib-kernel.stamp");
    let rustc_line = format!("{}\n", tc.version_verbose.trim());
    let runtime_line = format!("runtime {:016x}\n", fnv1a(RUNTIME_SOURCE));
    let force = force || std::env::var_os(REBUILD_ENV).is_some_and(|v| v == "1");
    let old = std::fs::read_to_string(&stamp_file).unwrap_or_default();
    let same_rustc = old.starts_with(&rustc_line);
    let same_runtime = old.contains(&runtime_line);
    let built = rt.arraylib.is_file() && rt.runtime.is_file();
    if !force && built && same_rustc && same_runtime {
        // Rebuilding arraylib takes minutes, too long for a kernel start: say so instead.
        rt.stale = !old.contains(&sources_stamp(workspace));
        return Ok(rt);
    }
    // The kernel was updated but the toolchain is the same: rebuild only the small runtime.
    let packages: &[&str] = if !force && built && same_rustc {
        &["arraylib-cell-runtime"]
    } else {
        &["arraylib", "arraylib-cell-runtime"]
    };
    match build(tc, workspace, &rt, &target, packages) {
        Ok(()) => {}
        // Sources in the middle of an edit: keep using the last good build.
        Err(e) if built && same_rustc && !force => {
            eprintln!(
                "[arraylib-kernel] rebuilding the cell runtime failed, using the previous build: {e}"
            );
            return Ok(rt);
        }
        Err(e) => return Err(e),
    }
    let tmp = target.join(format!("arraylib-kernel.stamp.{}", std::process::id()));
    let stamp = format!("{rustc_line}{runtime_line}{}\n", sources_stamp(workspace));
    if std::fs::write(&tmp, &stamp).is_ok() {
        let _ = std::fs::rename(&tmp, &stamp_file);
    }
    Ok(rt)
}

/// The runtime's source as this kernel binary knows it: a kernel built from newer sources
/// rebuilds the runtime dylib so generated cells and the runtime agree.
const RUNTIME_SOURCE: &str = include_str!("../../../runtime/src/lib.rs");

fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Set to `1` to rebuild the runtime at kernel start (cargo skips it when nothing changed).
pub const REBUILD_ENV: &str = "ARRAYLIB_KERNEL_REBUILD";

fn build(
    tc: &Toolchain,
    workspace: &Path,
    rt: &Runtime,
    target: &Path,
    packages: &[&str],
) -> Result<(), String> {
    let cargo = tc.cargo.as_ref().ok_or_else(|| {
        "cannot find `cargo` to build arraylib: set ARRAYLIB_KERNEL_CARGO or put it on PATH"
            .to_string()
    })?;
    std::fs::create_dir_all(target)
        .map_err(|e| format!("cannot create {}: {e}", target.display()))?;
    for package in packages {
        let out = Command::new(cargo)
            .arg("rustc")
            .arg("--manifest-path")
            .arg(workspace.join("Cargo.toml"))
            .args(["-p", package, "--lib", "--release", "--crate-type", "dylib"])
            .arg("--target-dir")
            .arg(target)
            .args(["--", "-C", "prefer-dynamic"])
            .env("RUSTC", &tc.rustc)
            .env("CARGO_TERM_COLOR", "never")
            .env_remove("RUSTC_WRAPPER")
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "building the {package} dylib failed:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    if !rt.arraylib.is_file() || !rt.runtime.is_file() {
        return Err(format!(
            "cargo finished but {} or {} is missing",
            rt.arraylib.display(),
            rt.runtime.display()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::sources_stamp;

    #[test]
    fn sources_stamp_changes_when_arraylib_changes() {
        let ws = std::env::temp_dir().join(format!("prebuild-stamp-{}", std::process::id()));
        let src = ws.join("arraylib/src");
        std::fs::create_dir_all(&src).unwrap();
        std::fs::write(src.join("lib.rs"), "pub fn a() {}").unwrap();
        let before = sources_stamp(&ws);
        assert_eq!(before, sources_stamp(&ws));
        std::fs::write(src.join("more.rs"), "pub fn b() {}").unwrap();
        let after = sources_stamp(&ws);
        std::fs::remove_dir_all(&ws).unwrap();
        assert_ne!(before, after, "a new source file is a change");
    }
}
