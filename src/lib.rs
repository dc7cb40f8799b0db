//! Embeddable widgets for ITU's WSIS and SDG work: see `ARCHITECTURE.md`.
//!
//! For a Rust app built with Yew, [`components`] is the API: the widgets as components, from
//! URLs or from already-loaded values, and their stylesheet. [`embed`] is the custom elements'
//! side; [`model`] parses and validates the data files; [`desk`] is the data desk, the
//! maintainers' page (its own bundle).

pub mod components;
pub mod desk;
pub mod embed;
pub mod model;
pub mod ui;
pub mod widgets;
