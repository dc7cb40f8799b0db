//! Numbers through the browser's `Intl`, so each language gets its own digits and separators.
//!
//! Natively (tests, server-side rendering) plain ASCII digits are used: components call these
//! during render, so they must not need a browser.

use crate::model::Lang;

/// `1234` → `"1,234"` (en), `"1 234"` (fr), …
pub fn integer(lang: Lang, n: usize) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        browser::integer(lang, n)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        n.to_string()
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;

    use js_sys::{Array, Intl, Object};
    use wasm_bindgen::JsValue;

    use crate::model::Lang;

    thread_local! {
        // One formatter per language: constructing `Intl` objects is slow.
        static FORMATTERS: RefCell<Vec<(Lang, Intl::NumberFormat)>> = const { RefCell::new(Vec::new()) };
    }

    pub fn integer(lang: Lang, n: usize) -> String {
        FORMATTERS.with(|cell| {
            let mut formatters = cell.borrow_mut();
            let position = formatters.iter().position(|(l, _)| *l == lang);
            let formatter = match position.and_then(|p| formatters.get(p)) {
                Some((_, f)) => f.clone(),
                None => {
                    let locales = Array::of1(&JsValue::from_str(lang.code()));
                    let f = Intl::NumberFormat::new(&locales, &Object::new());
                    formatters.push((lang, f.clone()));
                    f
                }
            };
            let format = formatter.format();
            format
                .call1(&JsValue::UNDEFINED, &JsValue::from_f64(n as f64))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_else(|| n.to_string())
        })
    }
}
