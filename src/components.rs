//! The widgets as Yew components, for a Rust app that renders them itself: no custom elements,
//! no shadow roots, no JavaScript of ours. The other way in, beside [`embed`](crate::embed).
//!
//! Two kinds of component per widget:
//! - **From URLs**, as the custom elements use them: [`MatrixWidget`], [`ForumWidget`],
//!   [`PledgesWidget`] fetch their files (relative to the page), validate them, show loading
//!   and errors (with Retry), and the pledge widget polls its file (`refresh`).
//! - **From values** the app has loaded itself (bundled, fetched its own way, or made):
//!   [`LoadedMatrix`], [`LoadedForum`], [`LoadedPledges`] take the validated model values
//!   ([`Matrix::from_json`], [`SdgCatalog::from_json`], [`Forum::from_json`],
//!   [`Pledges::from_json`], each in an [`Rc`](std::rc::Rc)) and show them at once.
//!
//! Take the crate with `default-features = false`: its features choose which custom elements
//! [`embed`](crate::embed) mounts, and a Yew app mounts none (`presenter` adds the projector
//! layouts, the `presenter` prop of the URL widgets).
//!
//! Both draw the same app, and tell the app what happens through `on_event`
//! ([`WidgetEvent`]: ready, errors, the cell the reader opened, language changes).
//!
//! The widgets' classes live in the app's document, so the app adopts their stylesheet once
//! ([`adopt_stylesheet`], CSP-safe) or links the file `cargo xtask build` writes
//! (`dist/wsis-sdg-widgets.css`, the text of [`stylesheet`]). The sheet's rules are scoped to
//! the widget's root (`.root`, with `all: initial`) except a few helpers (`.sr-only`, `.muted`,
//! `.sdg-1` … `.sdg-17`, `.wsis-mount`): an app should not use those class names, or `root`,
//! for its own elements. The `:host` rules are for the custom elements and match nothing in a
//! document. Element ids are unique per widget kind (`wsis-…` matrix, `forum-…`, `p2c-…`), so
//! put at most one widget of each kind in a document.
//!
//! ```no_run
//! use std::rc::Rc;
//! use wsis_sdg_widgets::components::{adopt_stylesheet, LoadedPledges, MatrixWidget, Pledges, WidgetEvent};
//! use yew::prelude::*;
//! # const PLEDGES_JSON: &str = "{}";
//!
//! #[component]
//! fn App() -> Html {
//!     let opened = use_state(|| None::<String>);
//!     let on_event = {
//!         let opened = opened.clone();
//!         Callback::from(move |event| {
//!             if let WidgetEvent::Select { action_line, sdg } = event {
//!                 opened.set(Some(format!("{action_line} × SDG {sdg}")));
//!             }
//!         })
//!     };
//!     let pledges = use_memo((), |()| {
//!         Pledges::from_json("p2c-pledges.json", PLEDGES_JSON).ok().map(Rc::new)
//!     });
//!     html! {
//!         <>
//!             <MatrixWidget src="/data/matrix.json" {on_event} />
//!             <p>{ opened.as_deref().unwrap_or("No cell open") }</p>
//!             if let Some(pledges) = (*pledges).clone() { <LoadedPledges {pledges} /> }
//!         </>
//!     }
//! }
//!
//! if let Some(document) = web_sys::window().and_then(|w| w.document()) {
//!     let _ = adopt_stylesheet(&document);
//! }
//! yew::Renderer::<App>::new().render();
//! ```

#![warn(missing_docs)]

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Document};

pub use crate::model::forum::Forum;
pub use crate::model::pledges::Pledges;
pub use crate::model::{Error, Lang, Matrix, Sdg, SdgCatalog};
pub use crate::ui::theme::Theme;
pub use crate::widgets::forum::{ForumProps, ForumWidget, LoadedForum, LoadedForumProps};
pub use crate::widgets::matrix::{LoadedMatrix, LoadedMatrixProps, MatrixProps, MatrixWidget, Orientation};
pub use crate::widgets::pledges::{LoadedPledges, LoadedPledgesProps, PledgesProps, PledgesWidget};
pub use crate::widgets::shared::WidgetEvent;

/// The widgets' stylesheet, as text: the same as `dist/wsis-sdg-widgets.css`.
pub fn stylesheet() -> String {
    crate::ui::style::stylesheet()
}

thread_local! {
    /// The one constructed sheet, made on the first [`adopt_stylesheet`].
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Adds the widgets' stylesheet to `document.adoptedStyleSheets`, once: calling it again (or
/// from every component that mounts) changes nothing. A constructed stylesheet, so a strict
/// `style-src` Content Security Policy needs no `'unsafe-inline'`. Call it with the window's
/// own document (a constructed sheet belongs to the document it was made in). Fails only if
/// the browser has no constructed stylesheets.
pub fn adopt_stylesheet(document: &Document) -> Result<(), JsValue> {
    let sheet = SHEET.with(|cell| -> Result<CssStyleSheet, JsValue> {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(&stylesheet())?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })?;
    let current = document.adopted_style_sheets();
    if current.index_of(&sheet, 0) < 0 {
        current.push(&sheet);
        document.set_adopted_style_sheets(&current);
    }
    Ok(())
}
