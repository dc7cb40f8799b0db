//! The data desk (`www/desk.html`, issue 17): a page where the people who keep the data open,
//! check, fix, preview and download it without Rust. Its own bundle (`wsis-sdg-desk.js`, feature
//! `desk` exports `embed::desk::mount_desk`): a reader's page never downloads it.
//!
//! Every rule is the model's (`model::desk` over `Forum::from_json_all_errors` and
//! `model::forum_csv`, the code `cargo xtask import-forum` runs), so the desk adds no second
//! copy of one. These components show `model::desk::History` and send it `Edit`s; the preview is
//! the reader bundle's own `<wsis-forum-outcomes>` fed a `blob:` URL of the edited text.
//! First slice: the forum file and session spreadsheets; then the matrix links (`matrix_panel`)
//! and shared sources (`source_picker`, for any file's records). More kinds come as more
//! `Snapshot` fields, `Edit`s and panels beside `SheetTable`.

mod app;
mod files;
mod forum_sessions;
mod list_chooser;
mod matrix_link_form;
mod matrix_panel;
mod matrix_titles;
mod pledges_panel;
mod preview;
mod problem_list;
mod restore_offer;
mod session_form;
mod sheet_table;
mod shortcuts;
mod snippet_download;
pub mod source_picker;
mod state;
mod target_texts;

pub use app::{DeskApp, DeskProps};
