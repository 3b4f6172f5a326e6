//! Differential cases for fancy indexing.

pub fn run() {}
