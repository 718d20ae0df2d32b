//! Gives the shared library a versioned SONAME on ELF targets.
fn main() {}
