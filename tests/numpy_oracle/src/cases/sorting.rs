//! Differential cases for sorting.

pub fn run() {}
