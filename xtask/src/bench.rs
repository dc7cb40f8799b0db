//! `cargo xtask bench`: sizes and browser timings, printed, never asserted.

pub fn command() -> crate::Result {
    Err("bench: not yet".into())
}
