//! One constructed stylesheet, shared by every widget's shadow root.

use std::cell::RefCell;

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, ShadowRoot};

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

fn sheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(&crate::ui::style::stylesheet())?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

/// Adds the widgets' stylesheet to `root.adoptedStyleSheets`, keeping any already there.
pub fn adopt(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = sheet()?;
    let current: Array = root.adopted_style_sheets().dyn_into().unwrap_or_default();
    if current.index_of(&sheet, 0) < 0 {
        current.push(&sheet);
        root.set_adopted_style_sheets(&current);
    }
    Ok(())
}
