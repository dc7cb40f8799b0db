//! Fetching data files, with failures turned into the library's [`Error`].

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::model::{Error, ErrorKind};

fn js_message(value: &JsValue) -> String {
    if let Some(err) = value.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    value.as_string().unwrap_or_else(|| "unknown error".to_owned())
}

/// GETs `url` as text; `file` is the name errors use (the URL as the page wrote it).
pub async fn fetch_text(url: &str, file: &str) -> Result<String, Error> {
    let network = |value: JsValue| Error::new(file, "", ErrorKind::Network(js_message(&value)));
    let window = web_sys::window().ok_or_else(|| network(JsValue::from_str("no window")))?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(network)?;
    let response: Response = response.dyn_into().map_err(network)?;
    if !response.ok() {
        return Err(Error::new(
            file,
            "",
            ErrorKind::HttpStatus { status: response.status(), status_text: response.status_text() },
        ));
    }
    let text = JsFuture::from(response.text().map_err(network)?).await.map_err(network)?;
    text.as_string().ok_or_else(|| network(JsValue::from_str("the response is not text")))
}

/// Resolves `relative` against `base` (itself resolved against the page), as `new URL()` does.
pub fn resolve_url(relative: &str, base: &str) -> Option<String> {
    let page = web_sys::window()?.document()?.base_uri().ok()??;
    let base = web_sys::Url::new_with_base(base, &page).ok()?;
    web_sys::Url::new_with_base(relative, &base.href()).ok().map(|u| u.href())
}
