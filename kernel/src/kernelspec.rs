//! `arraylib-kernel install` / `uninstall`: the Jupyter kernelspec directory.
//!
//! `install` writes `<data dir>/kernels/<name>/` with `kernel.json` and two logos. The spec
//! records where `rustc` and `cargo` were found at install time (`ARRAYLIB_KERNEL_RUSTC`,
//! `ARRAYLIB_KERNEL_CARGO`, and `ARRAYLIB_KERNEL_PATH`, which the kernel prepends to `PATH` at
//! start), so cells compile even when Jupyter was started without them on `PATH`.

use serde_json::{json, Map, Value};
use std::env;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The default kernelspec name (the directory under `kernels/`).
pub const DEFAULT_NAME: &str = "rust-arraylib";
/// The default display name.
pub const DEFAULT_DISPLAY_NAME: &str = "Rust (arraylib)";
/// The kernelspec name `install --engine evcxr` uses by default.
pub const EVCXR_NAME: &str = "arraylib-evcxr";
/// The display name `install --engine evcxr` uses by default.
pub const EVCXR_DISPLAY_NAME: &str = "Rust (arraylib, evcxr)";
/// Directories (joined like `PATH`) the kernel prepends to `PATH` when it starts.
pub const PATH_VAR: &str = "ARRAYLIB_KERNEL_PATH";
/// The absolute path of `rustc` found at install time.
pub const RUSTC_VAR: &str = "ARRAYLIB_KERNEL_RUSTC";
/// The absolute path of `cargo` found at install time.
pub const CARGO_VAR: &str = "ARRAYLIB_KERNEL_CARGO";

const LOGO_32: &[u8] = include_bytes!("../../install/logo-32x32.png");
const LOGO_64: &[u8] = include_bytes!("../../install/logo-64x64.png");

/// Which Jupyter data directory a kernelspec goes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The user's data dir: `$JUPYTER_DATA_DIR`, or the platform default
    /// (`~/.local/share/jupyter` on Linux).
    User,
    /// `<prefix>/share/jupyter` of the active environment (`$VIRTUAL_ENV`, `$CONDA_PREFIX`,
    /// or `sys.prefix` of `python3`).
    SysPrefix,
    /// `<DIR>/share/jupyter`.
    Prefix(PathBuf),
}

/// Options of `install` and `uninstall`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Where the spec goes.
    pub location: Location,
    /// The directory name under `kernels/`.
    pub name: String,
    /// `display_name` in `kernel.json`.
    pub display_name: String,
    /// Skip the engine's prebuild step (`--no-prebuild`).
    pub prebuild: bool,
    /// The engine the kernelspec starts (`--engine`).
    pub engine: crate::engine::EngineKind,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            location: Location::User,
            name: DEFAULT_NAME.to_string(),
            display_name: DEFAULT_DISPLAY_NAME.to_string(),
            prebuild: true,
            engine: Default::default(),
        }
    }
}

/// Parses the arguments after `install` / `uninstall`.
pub fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options::default();
    let (mut named, mut display_named) = (false, false);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match arg.as_str() {
            "--user" => options.location = Location::User,
            "--sys-prefix" => options.location = Location::SysPrefix,
            "--prefix" => options.location = Location::Prefix(PathBuf::from(value("--prefix")?)),
            "--name" => (options.name, named) = (value("--name")?, true),
            "--display-name" => {
                (options.display_name, display_named) = (value("--display-name")?, true)
            }
            "--no-prebuild" => options.prebuild = false,
            "--engine" => options.engine = crate::engine::EngineKind::parse(&value("--engine")?)?,
            other => {
                if let Some(dir) = other.strip_prefix("--prefix=") {
                    options.location = Location::Prefix(PathBuf::from(dir));
                } else if let Some(name) = other.strip_prefix("--name=") {
                    (options.name, named) = (name.to_string(), true);
                } else if let Some(name) = other.strip_prefix("--display-name=") {
                    (options.display_name, display_named) = (name.to_string(), true);
                } else if let Some(name) = other.strip_prefix("--engine=") {
                    options.engine = crate::engine::EngineKind::parse(name)?;
                } else {
                    return Err(format!("unknown option {other:?}"));
                }
            }
        }
    }
    if options.engine == crate::engine::EngineKind::Evcxr {
        if !named {
            options.name = EVCXR_NAME.to_string();
        }
        if !display_named {
            options.display_name = EVCXR_DISPLAY_NAME.to_string();
        }
    }
    if options.name.is_empty()
        || !options
            .name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._".contains(c))
    {
        return Err(format!(
            "invalid kernel name {:?} (use letters, digits, '-', '.', '_')",
            options.name
        ));
    }
    Ok(options)
}

/// Prebuilds the engine's libraries, run by `install` before the spec is written.
fn prebuild_engine(engine: crate::engine::EngineKind) -> Result<(), String> {
    match engine {
        crate::engine::EngineKind::Rustc => crate::engine::rustc::prebuild(),
        crate::engine::EngineKind::Evcxr => crate::engine::evcxr::prebuild(),
    }
}

/// Installs the kernelspec; returns its directory.
pub fn install(options: &Options) -> Result<PathBuf, String> {
    if options.engine == crate::engine::EngineKind::Evcxr && !crate::engine::evcxr::AVAILABLE {
        return Err(crate::engine::evcxr::UNAVAILABLE.to_string());
    }
    let dir = kernel_dir(options)?;
    let exe = env::current_exe().map_err(|e| format!("cannot find this executable: {e}"))?;
    let toolchain = Toolchain::find();
    if toolchain.rustc.is_none() {
        crate::log!("warning: rustc not found; install Rust (rustup) before running cells");
    }
    if options.prebuild {
        // The prebuild compiles with the same toolchain the kernel will use.
        toolchain.apply();
        crate::log!("prebuilding the engine (this can take a few minutes the first time)");
        prebuild_engine(options.engine).map_err(|e| format!("prebuild failed: {e}"))?;
    }
    let mut env = toolchain.env();
    for (name, value) in crate::engine::rustc::kernelspec_env() {
        env.insert(name, Value::String(value));
    }
    let mut spec = kernel_json(&exe, &options.display_name, &env);
    if options.engine != crate::engine::EngineKind::default() {
        if let Some(argv) = spec["argv"].as_array_mut() {
            argv.extend([json!("--engine"), json!(options.engine.name())]);
        }
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let text = serde_json::to_string_pretty(&spec).expect("JSON values serialize") + "\n";
    write(&dir.join("kernel.json"), text.as_bytes())?;
    write(&dir.join("logo-32x32.png"), LOGO_32)?;
    write(&dir.join("logo-64x64.png"), LOGO_64)?;
    Ok(dir)
}

/// Removes the kernelspec directory; returns it.
pub fn uninstall(options: &Options) -> Result<PathBuf, String> {
    let dir = kernel_dir(options)?;
    if !dir.join("kernel.json").is_file() {
        return Err(format!("no kernelspec at {}", dir.display()));
    }
    std::fs::remove_dir_all(&dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    Ok(dir)
}

/// At kernel start: puts the directories recorded at install time first on `PATH`.
/// Call before any thread is started.
pub fn apply_recorded_path() {
    if let Some(extra) = env::var_os(PATH_VAR) {
        let current = env::var_os("PATH").unwrap_or_default();
        if let Some(path) = prepend_paths(&extra, &current) {
            env::set_var("PATH", path);
        }
    }
}

/// `current` with the directories of `extra` that it lacks put first, or `None` when it
/// already has them all.
fn prepend_paths(extra: &OsStr, current: &OsStr) -> Option<OsString> {
    let present: Vec<PathBuf> = env::split_paths(current).collect();
    let mut dirs: Vec<PathBuf> = env::split_paths(extra)
        .filter(|d| !d.as_os_str().is_empty() && !present.contains(d))
        .collect();
    if dirs.is_empty() {
        return None;
    }
    dirs.extend(present);
    env::join_paths(dirs).ok()
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `kernel.json` for the binary at `exe`.
pub fn kernel_json(exe: &Path, display_name: &str, env: &Map<String, Value>) -> Value {
    json!({
        "argv": [exe.to_string_lossy(), "--connection-file", "{connection_file}"],
        "display_name": display_name,
        "language": "rust",
        "interrupt_mode": "message",
        "env": Value::Object(env.clone()),
        "metadata": {"debugger": false},
    })
}

/// `<data dir>/kernels/<name>`.
fn kernel_dir(options: &Options) -> Result<PathBuf, String> {
    Ok(data_dir(&options.location)?
        .join("kernels")
        .join(&options.name))
}

/// The Jupyter data directory for `location`.
pub fn data_dir(location: &Location) -> Result<PathBuf, String> {
    match location {
        Location::Prefix(dir) => Ok(absolute(dir).join("share").join("jupyter")),
        Location::SysPrefix => Ok(sys_prefix()?.join("share").join("jupyter")),
        Location::User => user_data_dir(),
    }
}

fn absolute(dir: &Path) -> PathBuf {
    std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf())
}

/// `jupyter --data-dir`, as jupyter_core computes it.
fn user_data_dir() -> Result<PathBuf, String> {
    if let Some(dir) = env::var_os("JUPYTER_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(absolute(Path::new(&dir)));
    }
    if cfg!(windows) {
        let appdata = env::var_os("APPDATA").ok_or("APPDATA is not set")?;
        return Ok(PathBuf::from(appdata).join("jupyter"));
    }
    let home = env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .ok_or("HOME is not set")?;
    let home = PathBuf::from(home);
    if cfg!(target_os = "macos") {
        return Ok(home.join("Library").join("Jupyter"));
    }
    let data = env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| home.join(".local").join("share"));
    Ok(data.join("jupyter"))
}

/// The prefix of the active Python environment.
fn sys_prefix() -> Result<PathBuf, String> {
    for var in ["VIRTUAL_ENV", "CONDA_PREFIX"] {
        if let Some(dir) = env::var_os(var).filter(|d| !d.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
    }
    let output = Command::new("python3")
        .args(["-c", "import sys; print(sys.prefix)"])
        .output()
        .map_err(|e| format!("--sys-prefix: no active environment and cannot run python3: {e}"))?;
    let prefix = String::from_utf8_lossy(&output.stdout).trim().to_string();
    if !output.status.success() || prefix.is_empty() {
        return Err("--sys-prefix: python3 did not report sys.prefix".into());
    }
    Ok(PathBuf::from(prefix))
}

/// Where `rustc` and `cargo` are, found at install time.
#[derive(Debug, Default)]
struct Toolchain {
    rustc: Option<PathBuf>,
    cargo: Option<PathBuf>,
}

impl Toolchain {
    fn find() -> Self {
        Toolchain {
            rustc: find_tool("rustc", "RUSTC"),
            cargo: find_tool("cargo", "CARGO"),
        }
    }

    /// The `env` entries of `kernel.json`.
    fn env(&self) -> Map<String, Value> {
        let mut env = Map::new();
        let mut dirs: Vec<PathBuf> = Vec::new();
        for (var, tool) in [(RUSTC_VAR, &self.rustc), (CARGO_VAR, &self.cargo)] {
            if let Some(tool) = tool {
                env.insert(
                    var.into(),
                    Value::String(tool.to_string_lossy().into_owned()),
                );
                if let Some(dir) = tool.parent().filter(|d| !dirs.iter().any(|x| x == d)) {
                    dirs.push(dir.to_path_buf());
                }
            }
        }
        if let Ok(path) = env::join_paths(&dirs) {
            if !dirs.is_empty() {
                env.insert(
                    PATH_VAR.into(),
                    Value::String(path.to_string_lossy().into_owned()),
                );
            }
        }
        // rustup's proxies need to find their toolchains the same way they did now.
        for var in ["RUSTUP_HOME", "CARGO_HOME", "RUSTUP_TOOLCHAIN"] {
            if let Some(value) = env::var_os(var).filter(|v| !v.is_empty()) {
                env.insert(
                    var.into(),
                    Value::String(value.to_string_lossy().into_owned()),
                );
            }
        }
        env
    }

    /// Makes this process (and the prebuild it runs) use the same tools.
    fn apply(&self) {
        for (var, tool) in [(RUSTC_VAR, &self.rustc), (CARGO_VAR, &self.cargo)] {
            if let Some(tool) = tool {
                env::set_var(var, tool);
            }
        }
    }
}

/// An absolute path to `tool`: `$OVERRIDE` if it names a file, else the first on `PATH`,
/// else `$CARGO_HOME/bin` or `~/.cargo/bin`.
fn find_tool(tool: &str, override_var: &str) -> Option<PathBuf> {
    let exe = format!("{tool}{}", env::consts::EXE_SUFFIX);
    if let Some(path) = env::var_os(override_var).map(PathBuf::from) {
        if path.is_absolute() && path.is_file() {
            return Some(path);
        }
    }
    let mut dirs: Vec<PathBuf> = env::split_paths(&env::var_os("PATH").unwrap_or_default())
        .filter(|d| d.is_absolute())
        .collect();
    let cargo_home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    dirs.extend(cargo_home.map(|home| home.join("bin")));
    dirs.into_iter()
        .map(|dir| dir.join(&exe))
        .find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_install_options() {
        let o = parse_options(&strings(&["--prefix", "/opt/x", "--name", "rs2"])).unwrap();
        assert_eq!(o.location, Location::Prefix(PathBuf::from("/opt/x")));
        assert_eq!(o.name, "rs2");
        assert!(o.prebuild);
        let o = parse_options(&strings(&["--sys-prefix", "--no-prebuild"])).unwrap();
        assert_eq!(o.location, Location::SysPrefix);
        assert!(!o.prebuild);
        assert_eq!(parse_options(&[]).unwrap(), Options::default());
        assert!(parse_options(&strings(&["--prefix"])).is_err());
        assert!(parse_options(&strings(&["--name", "../evil"])).is_err());
        assert!(parse_options(&strings(&["--bogus"])).is_err());
    }

    #[test]
    fn evcxr_engine_gets_its_own_name_unless_one_is_given() {
        let o = parse_options(&strings(&["--engine", "evcxr"])).unwrap();
        assert_eq!(o.engine, crate::engine::EngineKind::Evcxr);
        assert_eq!(o.name, EVCXR_NAME);
        assert_eq!(o.display_name, EVCXR_DISPLAY_NAME);
        let o = parse_options(&strings(&["--engine=evcxr", "--name", "mine"])).unwrap();
        assert_eq!(
            (o.name.as_str(), o.display_name.as_str()),
            ("mine", EVCXR_DISPLAY_NAME)
        );
        assert!(parse_options(&strings(&["--engine", "cling"])).is_err());
        if !crate::engine::evcxr::AVAILABLE {
            let o = Options {
                location: Location::Prefix(std::env::temp_dir().join("no-evcxr-here")),
                ..parse_options(&strings(&["--engine", "evcxr"])).unwrap()
            };
            let e = install(&o).unwrap_err();
            assert!(e.contains("--features evcxr"), "{e}");
        }
    }

    #[test]
    fn prefix_data_dir() {
        let dir = data_dir(&Location::Prefix(PathBuf::from("/opt/env"))).unwrap();
        assert_eq!(dir, PathBuf::from("/opt/env/share/jupyter"));
    }

    #[test]
    fn kernel_json_runs_this_binary_with_the_connection_file() {
        let mut env = Map::new();
        env.insert(RUSTC_VAR.into(), json!("/toolchain/bin/rustc"));
        let spec = kernel_json(
            Path::new("/bin/arraylib-kernel"),
            DEFAULT_DISPLAY_NAME,
            &env,
        );
        assert_eq!(
            spec["argv"],
            json!([
                "/bin/arraylib-kernel",
                "--connection-file",
                "{connection_file}"
            ])
        );
        assert_eq!(spec["language"], "rust");
        assert_eq!(spec["interrupt_mode"], "message");
        assert_eq!(spec["display_name"], "Rust (arraylib)");
        assert_eq!(spec["env"][RUSTC_VAR], "/toolchain/bin/rustc");
    }

    #[test]
    fn recorded_dirs_go_first() {
        let path = prepend_paths(OsStr::new("/a:/usr/bin:/b"), OsStr::new("/usr/bin:/bin"));
        assert_eq!(path, Some(OsString::from("/a:/b:/usr/bin:/bin")));
        assert_eq!(
            prepend_paths(OsStr::new("/bin"), OsStr::new("/usr/bin:/bin")),
            None
        );
    }

    #[test]
    fn logos_are_pngs() {
        for logo in [LOGO_32, LOGO_64] {
            assert_eq!(&logo[..8], b"\x89PNG\r\n\x1a\n");
        }
    }
}
