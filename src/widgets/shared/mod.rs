//! Pieces every widget uses: loading, errors, highlighting, the language menu.

mod actions;
pub mod delegate;
mod error_box;
pub mod export;
pub mod fetch;
mod highlight;
pub mod hooks;
pub mod labels;
mod lang_menu;
pub mod link;
pub mod live;
pub mod resource;
mod select_field;

pub use actions::{use_actions, Actions, ActionsState};
pub use error_box::ErrorBox;
pub use highlight::highlight;
pub use lang_menu::LangMenu;
pub use resource::{use_resource, Request, Resource};
pub use select_field::{Choice, SelectField};
