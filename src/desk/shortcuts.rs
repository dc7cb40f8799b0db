//! Undo and redo from the keyboard: Ctrl/⌘+Z, Ctrl/⌘+Shift+Z and Ctrl+Y, anywhere on the desk
//! but in a text field, where the browser's own undo of the typing stays.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::state::DeskAction;

/// The `aria-keyshortcuts` of the Undo and Redo buttons.
pub const UNDO_KEYS: &str = "Control+Z Meta+Z";
pub const REDO_KEYS: &str = "Control+Shift+Z Meta+Shift+Z Control+Y";

/// Whether `element` takes typing (its own undo): a text input, a text area, editable content.
fn takes_text(element: &Element) -> bool {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        let not_text = ["checkbox", "radio", "button", "submit", "reset", "file", "range", "color", "image"];
        return !not_text.contains(&input.type_().as_str());
    }
    element.tag_name().eq_ignore_ascii_case("textarea")
        || element.dyn_ref::<web_sys::HtmlElement>().is_some_and(web_sys::HtmlElement::is_content_editable)
}

/// The desk action a key press asks for, if any.
fn action_of(e: &KeyboardEvent) -> Option<DeskAction> {
    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
        return None;
    }
    match (e.key().to_lowercase().as_str(), e.shift_key()) {
        ("z", false) => Some(DeskAction::Undo),
        ("z", true) => Some(DeskAction::Redo),
        ("y", false) if e.ctrl_key() => Some(DeskAction::Redo),
        _ => None,
    }
}

#[hook]
pub fn use_undo_keys(send: Callback<DeskAction>) {
    use_effect_with((), move |()| {
        let document = web_sys::window().and_then(|w| w.document());
        let listener = document.map(|document| {
            // Not passive: the browser's own undo of the page must not run as well.
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            gloo::events::EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(e) = event.dyn_ref::<KeyboardEvent>() else { return };
                let Some(action) = action_of(e) else { return };
                let typing =
                    e.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|t| takes_text(&t));
                if !typing {
                    e.prevent_default();
                    send.emit(action);
                }
            })
        });
        move || drop(listener)
    });
}
