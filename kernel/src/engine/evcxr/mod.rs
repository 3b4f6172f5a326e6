//! The alternative cell engine on [evcxr](https://github.com/evcxr/evcxr), used as a library
//! (`cargo build --features evcxr`, selected with `--engine evcxr`).
//!
//! evcxr compiles each cell with cargo into a crate that depends on `arraylib` (a `:dep` on
//! the workspace's sources, built once per build slot, see [`session_dir`]) and runs it in
//! a runtime process that keeps the variables. It has no interrupt: stopping a running cell
//! restarts that process and loses the variables ([`interrupt`]).
//!
//! The modules without evcxr types are compiled (and tested) in every build; the engine
//! itself only with the `evcxr` feature.
#![cfg_attr(not(feature = "evcxr"), allow(dead_code))]

pub mod completion;
pub mod diagnostics;
pub mod interrupt;
pub mod preload;
pub mod session_dir;
pub mod stdout_lines;

#[cfg(feature = "evcxr")]
mod engine;
#[cfg(feature = "evcxr")]
mod worker;

#[cfg(feature = "evcxr")]
pub use engine::EvcxrEngine;

/// Whether this binary was built with the evcxr engine.
pub const AVAILABLE: bool = cfg!(feature = "evcxr");

/// Why `--engine evcxr` cannot work in this binary.
pub const UNAVAILABLE: &str = "this arraylib-kernel was built without the evcxr engine; \
     rebuild it with `cargo build --release -p kernel --features evcxr`";

/// The engine as a trait object, or why there is none.
pub fn new_engine() -> Result<Box<dyn super::Engine>, String> {
    #[cfg(feature = "evcxr")]
    {
        Ok(Box::new(EvcxrEngine::new()))
    }
    #[cfg(not(feature = "evcxr"))]
    {
        Err(UNAVAILABLE.to_string())
    }
}

/// For `install --engine evcxr`: starts evcxr once and waits until `arraylib` is built in
/// the first build slot, so the first kernel starts warm.
pub fn prebuild() -> Result<(), String> {
    #[cfg(feature = "evcxr")]
    {
        use super::Engine;
        struct Log;
        impl super::OutputSink for Log {
            fn stream(&self, _: super::StreamName, text: &str) {
                eprint!("{text}");
            }
            fn display(&self, _: super::DisplayData, _: bool) {}
            fn clear_output(&self, _: bool) {}
        }
        let mut engine = EvcxrEngine::new();
        match engine.execute("let _prebuild = np::arange(3);", true, &Log) {
            super::ExecuteOutcome::Ok { .. } => {
                engine.shutdown(false);
                Ok(())
            }
            super::ExecuteOutcome::Error(e) => {
                engine.shutdown(false);
                Err(format!("{}: {}", e.ename, e.evalue))
            }
        }
    }
    #[cfg(not(feature = "evcxr"))]
    {
        Err(UNAVAILABLE.to_string())
    }
}
