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

/// How long a data file may take before the widget says so and offers a retry.
const LOAD_TIMEOUT_MS: u32 = 30_000;

/// GETs `url` as text; `file` is the name errors use (the URL as the page wrote it).
///
/// Bypasses the HTTP cache: widgets on one page ask for the same file at the same moment, and
/// Chromium makes the second request wait on the first one's cache entry (seen here as loads
/// stalled for 20 s under load). Files are shared in memory once parsed instead.
pub async fn fetch_text(url: &str, file: &str) -> Result<String, Error> {
    let network = |value: JsValue| Error::new(file, "", ErrorKind::Network(js_message(&value)));
    let window = web_sys::window().ok_or_else(|| network(JsValue::from_str("no window")))?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(LOAD_TIMEOUT_MS)));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(network)?;
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

/// The answer to a conditional GET.
pub enum Conditional {
    /// 304: what we have is current.
    NotModified,
    Fresh {
        text: String,
        etag: Option<String>,
        last_modified: Option<String>,
    },
}

/// GETs `url` with `If-None-Match` / `If-Modified-Since` from the last answer, bypassing the
/// HTTP cache so a 304 reaches us, and giving up after `timeout_ms`.
pub async fn fetch_conditional(
    url: &str,
    file: &str,
    etag: Option<&str>,
    last_modified: Option<&str>,
    timeout_ms: u32,
) -> Result<Conditional, Error> {
    let network = |value: JsValue| Error::new(file, "", ErrorKind::Network(js_message(&value)));
    let window = web_sys::window().ok_or_else(|| network(JsValue::from_str("no window")))?;
    let headers = web_sys::Headers::new().map_err(network)?;
    if let Some(tag) = etag {
        headers.set("If-None-Match", tag).map_err(network)?;
    }
    if let Some(date) = last_modified {
        headers.set("If-Modified-Since", date).map_err(network)?;
    }
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_headers(&headers);
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(timeout_ms)));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(network)?;
    let response: Response = response.dyn_into().map_err(network)?;
    if response.status() == 304 {
        return Ok(Conditional::NotModified);
    }
    if !response.ok() {
        return Err(Error::new(
            file,
            "",
            ErrorKind::HttpStatus { status: response.status(), status_text: response.status_text() },
        ));
    }
    let etag = response.headers().get("ETag").ok().flatten();
    let last_modified = response.headers().get("Last-Modified").ok().flatten();
    let text = JsFuture::from(response.text().map_err(network)?).await.map_err(network)?;
    let text = text.as_string().ok_or_else(|| network(JsValue::from_str("the response is not text")))?;
    Ok(Conditional::Fresh { text, etag, last_modified })
}
