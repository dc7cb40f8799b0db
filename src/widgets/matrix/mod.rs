//! `<wsis-sdg-matrix>`: the 18 Action Lines against the 17 SDGs.

mod action_line_slide;
mod app;
mod cards;
mod detail;
mod grid;
mod loaded;
mod overview_slide;
mod prerendered;
mod provenance;
mod state;
mod toolbar;
mod widget;

pub use action_line_slide::{ActionLineSlide, ActionLineSlideProps};
pub use app::{MatrixApp, MatrixAppProps};
pub use loaded::{LoadedMatrix, LoadedMatrixProps};
pub use overview_slide::{OverviewSlide, OverviewSlideProps};
pub use prerendered::{PrerenderedMatrix, PrerenderedMatrixProps};
pub use state::Orientation;
pub use widget::{MatrixProps, MatrixWidget};
