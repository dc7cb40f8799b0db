//! `<wsis-sdg-matrix>`: the 18 Action Lines against the 17 SDGs.

mod app;
mod cards;
mod detail;
mod grid;
mod provenance;
mod state;
mod toolbar;
mod widget;

pub use app::{MatrixApp, MatrixAppProps};
pub use state::Orientation;
pub use widget::{MatrixEvent, MatrixProps, MatrixWidget};
