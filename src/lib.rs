//! Embeddable widgets for ITU's WSIS and SDG work: see `ARCHITECTURE.md`.

pub mod embed;
pub mod model;
pub mod ui;
pub mod widgets;
