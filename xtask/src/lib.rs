//! What of the project commands other crates use: the CSV import of `cargo xtask import-forum`,
//! for the cargo-fuzz target `forum_csv` in `fuzz/`. The commands themselves are the binary
//! (`main.rs`).

pub mod forum_csv;
