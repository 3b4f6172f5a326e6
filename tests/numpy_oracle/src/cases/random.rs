//! Differential cases for random.

pub fn run() {}
