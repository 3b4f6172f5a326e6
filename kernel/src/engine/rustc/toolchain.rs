//! Finding `rustc` and `cargo`, the sysroot's library directory, and the workspace whose
//! `arraylib` sources cells are linked against.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Environment variable naming the `rustc` to use (recorded in the kernelspec at install).
pub const RUSTC_ENV: &str = "ARRAYLIB_KERNEL_RUSTC";
/// Environment variable naming the `cargo` to use (recorded in the kernelspec at install).
pub const CARGO_ENV: &str = "ARRAYLIB_KERNEL_CARGO";
/// Environment variable naming the workspace that holds `arraylib/` and `kernel/runtime/`.
pub const WORKSPACE_ENV: &str = "ARRAYLIB_KERNEL_WORKSPACE";
/// Environment variable naming the directory the prebuilt cell runtime goes to.
pub const CACHE_ENV: &str = "ARRAYLIB_KERNEL_CACHE";
/// Environment variable naming a GNU-compatible linker for cells, tried instead of the
/// defaults of [`direct_linker_args`].
pub const LD_ENV: &str = "ARRAYLIB_KERNEL_LD";
/// File next to the installed binary that records the workspace location.
pub const WORKSPACE_FILE: &str = "arraylib-kernel.workspace";

/// The Rust toolchain cells are compiled with.
#[derive(Clone, Debug)]
pub struct Toolchain {
    /// The `rustc` executable.
    pub rustc: PathBuf,
    /// The `cargo` executable (may be missing; only needed to build the runtime and `:dep`s).
    pub cargo: Option<PathBuf>,
    /// `rustc -vV` output, used to tell when the prebuilt runtime must be rebuilt.
    pub version_verbose: String,
    /// The short version, for example `1.95.0`.
    pub release: String,
    /// The sysroot's target library directory (holds `libstd-*.so`).
    pub sysroot_lib: PathBuf,
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// Finds a tool: the environment variable `env`, then `PATH`, then `~/.cargo/bin`.
pub fn find_tool(name: &str, env: &str) -> Option<PathBuf> {
    if let Some(v) = std::env::var_os(env) {
        let p = PathBuf::from(v);
        if is_executable(&p) {
            return Some(p);
        }
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if is_executable(&p) {
                return Some(p);
            }
        }
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    if let Some(home) = cargo_home {
        let p = home.join("bin").join(name);
        if is_executable(&p) {
            return Some(p);
        }
    }
    None
}

fn run_text(cmd: &mut Command) -> Result<String, String> {
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run {:?}: {e}", cmd.get_program()))?;
    if !out.status.success() {
        return Err(format!(
            "{:?} failed: {}",
            cmd.get_program(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

impl Toolchain {
    /// Locates `rustc` and `cargo` and asks `rustc` for its version and sysroot.
    pub fn detect() -> Result<Toolchain, String> {
        let rustc = find_tool("rustc", RUSTC_ENV).ok_or_else(|| {
            format!("cannot find `rustc`: set {RUSTC_ENV}, put it on PATH or install rustup")
        })?;
        let cargo = find_tool("cargo", CARGO_ENV);
        // rustup's proxies need to know the toolchain dir; when the kernel was started
        // without ~/.cargo/bin on PATH they still work since they find RUSTUP_HOME from HOME.
        let version_verbose = run_text(Command::new(&rustc).arg("-vV"))?;
        let field = |key: &str| {
            version_verbose
                .lines()
                .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_string()))
                .unwrap_or_default()
        };
        let release = field("release:");
        let host = field("host:");
        let sysroot = run_text(Command::new(&rustc).args(["--print", "sysroot"]))?;
        let sysroot = PathBuf::from(sysroot.trim());
        // Behind rustup, `rustc` is a proxy that costs a few ms per cell: call the
        // toolchain's own binary, the same compiler.
        let direct = sysroot.join("bin").join("rustc");
        let rustc = if is_executable(&direct) {
            direct
        } else {
            rustc
        };
        let sysroot_lib = sysroot.join("lib").join("rustlib").join(&host).join("lib");
        Ok(Toolchain {
            rustc,
            cargo,
            version_verbose,
            release,
            sysroot_lib,
        })
    }
}

/// rustc arguments for linking cells with a linker called directly rather than through the C
/// compiler driver, fastest first: the toolchain's own `rust-lld`, then `ld.gold`, then GNU
/// `ld.bfd`. A cell is a small shared object, and starting `cc` (which then starts the
/// linker) was about a tenth of its compile time; `ld.bfd` took twice as long as the other
/// two to link a cell that calls arraylib. The library directories `cc` would have passed
/// (for `-lgcc_s`, `-lc`) are asked of `cc` once here. Empty when `cc` is missing; the
/// caller keeps the first candidate that links.
pub fn direct_linker_args(tc: &Toolchain) -> Vec<Vec<String>> {
    let Some(dirs) = run_text(Command::new("cc").arg("-print-search-dirs")).ok() else {
        return Vec::new();
    };
    let Some(libraries) = dirs.lines().find_map(|l| l.strip_prefix("libraries: =")) else {
        return Vec::new();
    };
    let mut search = Vec::new();
    let mut seen = Vec::new();
    for dir in libraries.split(':').filter(|d| !d.is_empty()) {
        let Ok(dir) = Path::new(dir).canonicalize() else {
            continue;
        };
        if !seen.contains(&dir) {
            search.push("-C".to_string());
            search.push(format!("link-arg=-L{}", dir.display()));
            seen.push(dir);
        }
    }
    let rust_lld = tc.sysroot_lib.with_file_name("bin").join("rust-lld");
    let candidates = match std::env::var_os(LD_ENV) {
        Some(ld) => vec![(Some(PathBuf::from(ld)), "ld")],
        None => vec![
            (Some(rust_lld).filter(|p| is_executable(p)), "ld.lld"),
            (find_tool("ld.gold", LD_ENV), "ld"),
            (find_tool("ld.bfd", LD_ENV), "ld"),
        ],
    };
    candidates
        .into_iter()
        .filter_map(|(linker, flavor)| {
            let mut args = vec![
                "-C".to_string(),
                format!("linker={}", linker?.display()),
                "-C".to_string(),
                format!("linker-flavor={flavor}"),
            ];
            args.extend(search.iter().cloned());
            Some(args)
        })
        .collect()
}

/// The workspace holding `arraylib/` and `kernel/runtime/`: `$ARRAYLIB_KERNEL_WORKSPACE`, else
/// the path recorded in `arraylib-kernel.workspace` next to the binary (written by
/// [`super::prebuild`]), else the source tree this binary was built from.
pub fn workspace_dir() -> PathBuf {
    let valid = |p: &Path| p.join("arraylib").join("Cargo.toml").is_file();
    if let Some(v) = std::env::var_os(WORKSPACE_ENV) {
        let p = PathBuf::from(v);
        if valid(&p) {
            return p;
        }
    }
    if let Some(file) = workspace_file() {
        if let Ok(text) = std::fs::read_to_string(&file) {
            let p = PathBuf::from(text.trim());
            if valid(&p) {
                return p;
            }
        }
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// Where the workspace location is recorded next to the running binary.
pub fn workspace_file() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join(WORKSPACE_FILE))
}

/// The cargo target directory of the prebuilt cell runtime (`arraylib` and
/// `arraylib-cell-runtime` as dylibs): `$ARRAYLIB_KERNEL_CACHE`, else
/// `<workspace>/target/cell-runtime`.
pub fn cache_dir(workspace: &Path) -> PathBuf {
    match std::env::var_os(CACHE_ENV) {
        Some(v) => PathBuf::from(v),
        None => workspace.join("target").join("cell-runtime"),
    }
}
