//! Widget options as the custom element or `mount()` passes them (a plain JS object).

use std::rc::Rc;

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use yew::Callback;

use crate::model::input::DEFAULT_MAX_BYTES;
use crate::model::url_state::Params;
use crate::model::{Lang, Sdg};
use crate::ui::theme::Theme;
use crate::widgets::matrix::Orientation;
use crate::widgets::shared::link::UrlLink;

pub struct Options {
    pub src: String,
    pub sdg_src: Option<String>,
    pub lang: Lang,
    pub theme: Theme,
    pub orientation: Orientation,
    /// Seconds between re-fetches of live data; 0 (or missing) loads once.
    pub refresh: u32,
    pub matrix_src: Option<String>,
    /// Forum year to show first.
    pub year: Option<u16>,
    /// A selection set by the host page or a linked widget.
    pub action_line: Option<String>,
    pub sdg: Option<Sdg>,
    /// Projector layout (the `presenter` attribute).
    pub presenter: bool,
    /// The largest data file accepted (`max-bytes`), in bytes.
    pub max_bytes: u32,
    /// State in the page URL (`url-state`), and the parameters to restore.
    pub link: UrlLink,
}

/// `state`: an array of `[key, value]` string pairs (as `URLSearchParams` gives them).
fn pairs(options: &JsValue) -> Option<Rc<Params>> {
    let value = Reflect::get(options, &JsValue::from_str("state")).ok()?;
    if !Array::is_array(&value) {
        return None;
    }
    let params = Array::from(&value)
        .iter()
        .filter_map(|pair| {
            let pair = Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    Some(Rc::new(params))
}

/// The page's address, for "copy link".
fn current_url() -> Callback<(), String> {
    Callback::from(|()| web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default())
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
            // At least 1 s: a typo must not turn every viewer into a request flood. The
            // browser's `parseFloat` reads it: Rust's float parser would cost 13 kB of wasm.
            refresh: string(options, "refresh")
                .map(|r| js_sys::parse_float(r.trim()))
                .filter(|r| r.is_finite() && *r > 0.0)
                .map_or(0, |r| r.clamp(1.0, 86_400.0).round() as u32),
            matrix_src: string(options, "matrixSrc"),
            year: string(options, "year").and_then(|y| y.parse().ok()),
            action_line: string(options, "actionLine"),
            sdg: string(options, "sdg").and_then(|s| s.parse().ok()).and_then(Sdg::new),
            presenter: string(options, "presenter").is_some_and(|p| p != "false"),
            max_bytes: string(options, "maxBytes")
                .map(|m| js_sys::parse_float(m.trim()))
                .filter(|m| m.is_finite() && *m >= 1.0)
                .map_or(DEFAULT_MAX_BYTES, |m| m.min(f64::from(u32::MAX)) as u32),
            link: UrlLink {
                enabled: string(options, "urlState").is_some_and(|p| p != "false"),
                restore: pairs(options),
                version: Reflect::get(options, &JsValue::from_str("stateVersion"))
                    .ok()
                    .and_then(|v| v.as_f64())
                    .map_or(0, |v| v as u32),
                current_url: Some(current_url()),
            },
        }
    }
}
