//! What of the project commands other crates use: the CSV import of `cargo xtask import-forum`,
//! for the cargo-fuzz target `forum_csv` in `fuzz/`. The import itself lives in the crate's
//! model (`wsis_sdg_widgets::model::forum_csv`), so the data desk's wasm runs the same code;
//! re-exported here under its old path. The commands themselves are the binary (`main.rs`).

pub use wsis_sdg_widgets::model::forum_csv;
