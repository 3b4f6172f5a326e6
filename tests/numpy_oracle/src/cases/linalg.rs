//! Differential cases for linalg.

pub fn run() {}
