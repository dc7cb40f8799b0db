//! Pieces every widget uses: loading, errors, highlighting, the language menu.

mod actions;
pub mod data;
pub mod delegate;
pub mod dispatch;
mod error_box;
pub mod event;
pub mod export;
pub mod fetch;
mod filters;
mod highlight;
pub mod hooks;
pub mod labels;
mod lang_menu;
pub mod link;
pub mod live;
pub mod prerender;
pub mod resource;
mod select_field;
mod shell;
mod widget_root;

pub use actions::{use_actions, Actions, ActionsState};
pub use error_box::ErrorBox;
pub use event::WidgetEvent;
pub use filters::Filters;
pub use highlight::highlight;
pub use lang_menu::LangMenu;
pub use prerender::{use_static_render, StaticNote, StaticRender};
pub use resource::{use_resource, Request, Resource};
pub use select_field::{Choice, SelectField};
pub use shell::{missing_source, use_shell, use_status_events, widget_frame, Frame, Shell, Status};
pub use widget_root::WidgetRoot;

/// Whether the projector layouts are asked for and built in: the one-widget bundles leave them
/// out (feature `presenter`), and a constant `false` lets the linker drop their code.
pub const fn presenter(asked: bool) -> bool {
    cfg!(feature = "presenter") && asked
}
