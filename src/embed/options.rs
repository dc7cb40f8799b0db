//! Widget options as the custom element or `mount()` passes them (a plain JS object).

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use crate::model::Lang;
use crate::ui::theme::Theme;
use crate::widgets::matrix::Orientation;

pub struct Options {
    pub src: String,
    pub sdg_src: Option<String>,
    pub lang: Lang,
    pub theme: Theme,
    pub orientation: Orientation,
}

fn string(options: &JsValue, key: &str) -> Option<String> {
    Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

impl Options {
    /// Missing or unknown values fall back to defaults: English, automatic theme,
    /// Action Lines down the side.
    pub fn read(options: &JsValue) -> Options {
        Options {
            src: string(options, "src").unwrap_or_default(),
            sdg_src: string(options, "sdgSrc"),
            lang: string(options, "lang").and_then(|l| Lang::from_tag(&l)).unwrap_or(Lang::En),
            theme: string(options, "theme").map(|t| Theme::parse(&t)).unwrap_or_default(),
            orientation: string(options, "view").map(|v| Orientation::parse(&v)).unwrap_or_default(),
        }
    }
}
