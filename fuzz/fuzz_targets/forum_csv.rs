#![no_main]
//! Any bytes as a session spreadsheet for `cargo xtask import-forum`.

#[path = "../forum_csv_body.rs"]
mod body;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    body::forum_csv(data);
});
