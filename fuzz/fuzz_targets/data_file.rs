#![no_main]
//! Any bytes as a data file: the first byte picks the kind (matrix, forum, pledges, SDG texts).

#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some((kind, rest)) = data.split_first() {
        bodies::data_file(*kind, rest);
    }
});
