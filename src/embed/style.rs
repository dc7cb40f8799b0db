//! The widgets' stylesheet in each shadow root. `elements.js` loads `wsis-sdg-widgets.css` once
//! (the file pre-rendered pages already link) into one constructed sheet and hands it to every
//! mount, so the stylesheet's text is not in the wasm.

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, ShadowRoot};

/// Adds `sheet` to `root.adoptedStyleSheets`, keeping any already there.
pub fn adopt(root: &ShadowRoot, sheet: &CssStyleSheet) -> Result<(), JsValue> {
    let current: Array = root.adopted_style_sheets().dyn_into().unwrap_or_default();
    if current.index_of(sheet, 0) < 0 {
        current.push(sheet);
        root.set_adopted_style_sheets(&current);
    }
    Ok(())
}
