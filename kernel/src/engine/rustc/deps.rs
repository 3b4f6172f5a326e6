//! `:dep name = "version"`: crates from the registry, built once with cargo (release) into
//! one wrapper dylib per set of dependencies, cached across kernel restarts.

use super::toolchain::{cache_dir, Toolchain};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A requested dependency: `name = spec` as in `Cargo.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dep {
    /// Package name (`serde_json`, `rand`).
    pub name: String,
    /// The TOML value (`"1"`, `{ version = "1", features = ["derive"] }`).
    pub spec: String,
}

impl Dep {
    /// The crate name used in code (`-` becomes `_`).
    pub fn crate_name(&self) -> String {
        self.name.replace('-', "_")
    }
}

/// Parses the argument of `:dep` (`regex = "1"`, `rand = { version = "0.8" }`, or `regex`).
pub fn parse(arg: &str) -> Result<Dep, String> {
    let arg = arg.trim();
    let (name, spec) = match arg.split_once('=') {
        Some((n, s)) => (n.trim(), s.trim().to_string()),
        None => (arg, "\"*\"".to_string()),
    };
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid || spec.is_empty() {
        return Err(format!("usage: :dep name = \"version\" (got `{arg}`)"));
    }
    Ok(Dep {
        name: name.to_string(),
        spec,
    })
}

/// A built wrapper dylib that re-exports the dependencies.
#[derive(Clone, Debug)]
pub struct DepsLib {
    /// Crate name of the wrapper.
    pub crate_name: String,
    /// The dylib (copied next to the user-items dylibs so the cell host finds it).
    pub dylib: PathBuf,
    /// The directory with the dependencies' rlibs (for `-L dependency=`).
    pub deps_dir: PathBuf,
    /// The crate names it re-exports.
    pub crates: Vec<String>,
}

fn hash(s: &str) -> u64 {
    // FNV-1a: stable across runs and Rust versions, unlike DefaultHasher.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Builds (or reuses) the wrapper for `deps`; copies the dylib into `lib_dir`.
pub fn build(
    tc: &Toolchain,
    workspace: &Path,
    deps: &[Dep],
    lib_dir: &Path,
) -> Result<DepsLib, String> {
    let cargo = tc
        .cargo
        .as_ref()
        .ok_or("cannot find `cargo`, needed for :dep")?;
    let mut manifest_deps = String::new();
    for d in deps {
        manifest_deps.push_str(&format!("{} = {}\n", d.name, d.spec));
    }
    let key = format!("{}\n{manifest_deps}", tc.version_verbose);
    let crate_name = format!("arraylib_kernel_deps_{:016x}", hash(&key));
    let root = cache_dir(workspace).join("deps");
    let project = root.join(&crate_name);
    std::fs::create_dir_all(project.join("src"))
        .map_err(|e| format!("cannot create {}: {e}", project.display()))?;
    let manifest = format!(
        "[package]\nname = \"{crate_name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\npath = \"src/lib.rs\"\n\n[workspace]\n\n[dependencies]\n{manifest_deps}"
    );
    let lib_rs: String = deps
        .iter()
        .map(|d| format!("pub extern crate {};\n", d.crate_name()))
        .collect();
    std::fs::write(project.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    std::fs::write(project.join("src").join("lib.rs"), lib_rs).map_err(|e| e.to_string())?;
    let target = root.join("target");
    let out = Command::new(cargo)
        .arg("rustc")
        .arg("--manifest-path")
        .arg(project.join("Cargo.toml"))
        .args(["--lib", "--release", "--crate-type", "dylib"])
        .arg("--target-dir")
        .arg(&target)
        .args(["--", "-C", "prefer-dynamic"])
        .env("RUSTC", &tc.rustc)
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTFLAGS")
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let useful: Vec<&str> = err
            .lines()
            .filter(|l| {
                !l.trim_start().starts_with("Compiling")
                    && !l.trim_start().starts_with("Updating")
                    && !l.trim_start().starts_with("Locking")
                    && !l.trim_start().starts_with("Downloaded")
                    && !l.trim_start().starts_with("Downloading")
            })
            .collect();
        return Err(useful.join("\n"));
    }
    let built = target.join("release").join(format!("lib{crate_name}.so"));
    let dylib = lib_dir.join(format!("lib{crate_name}.so"));
    std::fs::copy(&built, &dylib).map_err(|e| format!("cannot copy {}: {e}", built.display()))?;
    Ok(DepsLib {
        crate_name,
        dylib,
        deps_dir: target.join("release").join("deps"),
        crates: deps.iter().map(Dep::crate_name).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dep_lines() {
        assert_eq!(
            parse("regex = \"1\"").unwrap(),
            Dep {
                name: "regex".into(),
                spec: "\"1\"".into()
            }
        );
        let d = parse("serde-json = { version = \"1\", features = [\"x\"] }").unwrap();
        assert_eq!(d.crate_name(), "serde_json");
        assert_eq!(d.spec, "{ version = \"1\", features = [\"x\"] }");
        assert!(parse("= \"1\"").is_err());
        assert!(parse("a b = 1").is_err());
    }
}
