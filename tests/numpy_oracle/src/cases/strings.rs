//! Differential cases for strings.

pub fn run() {}
