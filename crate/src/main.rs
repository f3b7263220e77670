//! The `sessionlab` command-line tool.

fn main() {}
