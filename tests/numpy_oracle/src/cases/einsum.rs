//! Differential cases for einsum.

pub fn run() {}
