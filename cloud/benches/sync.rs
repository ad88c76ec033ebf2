//! Sync benchmarks (written next).
fn main() {}
