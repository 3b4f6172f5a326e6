//! Differential cases for io.

pub fn run() {}
