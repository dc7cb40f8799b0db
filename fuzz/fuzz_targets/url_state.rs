#![no_main]
//! Any bytes as URL parameters for the matrix's and the forum's state readers.

#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::url_state(data));
