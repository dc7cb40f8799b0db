//! Pure data: serde types, validation, filtering. No browser APIs here, so all of it is
//! tested natively.

pub mod action_line;
pub mod announce;
pub mod catalog;
pub mod date;
pub mod desk;
pub mod error;
pub mod export;
pub mod file_kind;
pub mod forum;
pub mod forum_csv;
pub mod input;
pub mod lang;
pub mod localized;
pub mod matrix;
pub mod matrix_view;
pub mod palette;
pub mod pledges;
pub mod scene;
pub mod sdg;
pub mod source;
pub mod text;
pub mod url_state;
pub mod validate;
pub mod write;

pub use action_line::ActionLineId;
pub use catalog::{Goal, SdgCatalog};
pub use error::{Error, ErrorKind, Errors};
pub use lang::Lang;
pub use matrix::{ActionLine, Agreement, Link, Matrix};
pub use matrix_view::{
    compute_view, compute_view_indexed, ActionLineFilter, CellState, MatrixQuery, MatrixView, SearchIndex,
};
pub use sdg::Sdg;
