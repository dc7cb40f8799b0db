//! `<wsis-forum-outcomes>`: WSIS Forum sessions by Action Line and SDG, per year.

mod app;
mod compare;
mod heat_grid;
mod loaded;
mod prerendered;
mod session_list;
mod slide;
mod state;
mod toolbar;
mod widget;
mod year_summary;

pub use app::{ForumApp, ForumAppProps};
pub use loaded::{LoadedForum, LoadedForumProps};
pub use prerendered::{PrerenderedForum, PrerenderedForumProps};
pub use slide::{ForumSlide, ForumSlideProps};
pub use widget::{ForumProps, ForumWidget};
