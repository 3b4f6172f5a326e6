//! One file per area; each has `pub fn run()` made of `case!` lines. See `README.md`.

pub mod arithmetic;
pub mod comparison;
pub mod creation;
pub mod dtypes;
pub mod einsum;
pub mod fancy_indexing;
pub mod indexing;
pub mod io;
pub mod linalg;
pub mod printing;
pub mod random;
pub mod reductions;
pub mod shape;
pub mod sorting;
pub mod strings;
pub mod ufuncs;
pub mod views;

use crate::harness::begin_area;

/// Runs every area in a fixed order (the Python side relies on the order being stable).
pub fn run_all() {
    let areas: &[(&str, fn())] = &[
        ("creation", creation::run),
        ("printing", printing::run),
        ("arithmetic", arithmetic::run),
        ("ufuncs", ufuncs::run),
        ("comparison", comparison::run),
        ("reductions", reductions::run),
        ("shape", shape::run),
        ("indexing", indexing::run),
        ("dtypes", dtypes::run),
        ("views", views::run),
        ("fancy_indexing", fancy_indexing::run),
        ("sorting", sorting::run),
        ("einsum", einsum::run),
        ("linalg", linalg::run),
        ("random", random::run),
        ("io", io::run),
        ("strings", strings::run),
    ];
    for &(name, run) in areas {
        begin_area(name);
        run();
    }
}
