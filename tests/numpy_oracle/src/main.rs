//! Runs every differential case and prints one JSON line per case for
//! `tests/test_differential.py`, which evaluates the NumPy side and compares.
//!
//! Usage: `numpy_oracle [--list] [--skip N] [--filter SUBSTRING]`.

#[macro_use]
mod harness;
// Cases write NumPy's edge cases on purpose (`x * 0`, `x % 1`, empty ranges like `s![2..1]`).
#[allow(clippy::all)]
mod cases;

fn main() {
    harness::init_from_args();
    cases::run_all();
}
