//! Fetching data files, with failures turned into the library's [`Error`].

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::model::input::{check_size, text_of};
use crate::model::{Error, ErrorKind};

fn js_message(value: &JsValue) -> String {
    if let Some(err) = value.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    value.as_string().unwrap_or_else(|| "unknown error".to_owned())
}

/// How long a data file may take before the widget says so and offers a retry.
pub const LOAD_TIMEOUT_MS: u32 = 30_000;

/// `timeout_ms`, or `cancel` (the widget was removed), whichever comes first.
fn deadline(timeout_ms: u32, cancel: &web_sys::AbortSignal) -> web_sys::AbortSignal {
    let timeout = web_sys::AbortSignal::timeout_with_u32(timeout_ms);
    let both = js_sys::Array::of2(&timeout, cancel);
    web_sys::AbortSignal::any(&both)
}

/// A signal the widget aborts when it goes (or its URL changes); one that never fires where
/// the browser cannot make an `AbortController`.
pub fn cancel_signal(controller: Option<&web_sys::AbortController>) -> web_sys::AbortSignal {
    controller
        .map_or_else(|| web_sys::AbortSignal::timeout_with_u32(u32::MAX), web_sys::AbortController::signal)
}

/// GETs `url` with `cache` mode, giving up after `timeout_ms` or on `cancel`; a failure or an
/// error status becomes the library's [`Error`] for `file`.
async fn get(
    url: &str,
    file: &str,
    cache: web_sys::RequestCache,
    timeout_ms: u32,
    cancel: &web_sys::AbortSignal,
) -> Result<Response, Error> {
    let network = |value: JsValue| Error::new(file, "", ErrorKind::Network(js_message(&value)));
    let window = web_sys::window().ok_or_else(|| network(JsValue::from_str("no window")))?;
    let init = web_sys::RequestInit::new();
    init.set_cache(cache);
    init.set_signal(Some(&deadline(timeout_ms, cancel)));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(network)?;
    let response: Response = response.dyn_into().map_err(network)?;
    if !response.ok() {
        return Err(Error::new(
            file,
            "",
            ErrorKind::HttpStatus { status: response.status(), status_text: response.status_text() },
        ));
    }
    Ok(response)
}

/// The body of `response`, refused as soon as it is known to be over `limit` bytes: from its
/// `Content-Length`, or while it streams in, so no file can exhaust memory.
async fn read_body(response: &Response, file: &str, limit: u32) -> Result<Vec<u8>, Error> {
    let network = |value: JsValue| Error::new(file, "", ErrorKind::Network(js_message(&value)));
    let length = response.headers().get("Content-Length").ok().flatten();
    if let Some(size) = length.and_then(|v| v.trim().parse::<u64>().ok()) {
        check_size(file, size, limit)?;
    }
    let Some(body) = response.body() else { return Ok(Vec::new()) };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(network)?;
        let field = |name: &str| js_sys::Reflect::get(&chunk, &JsValue::from_str(name)).unwrap_or_default();
        if field("done").as_bool().unwrap_or(true) {
            return Ok(bytes);
        }
        let array: js_sys::Uint8Array = field("value").dyn_into().map_err(network)?;
        let start = bytes.len();
        let end = start + array.length() as usize;
        if end as u64 > u64::from(limit) {
            // Ignored: the stream is given up either way.
            let _ = reader.cancel();
            return Err(Error::new(file, "", ErrorKind::TooLarge { size: None, limit }));
        }
        bytes.resize(end, 0);
        if let Some(place) = bytes.get_mut(start..end) {
            array.copy_to(place);
        }
    }
}

/// The response's text: UTF-8 (a byte-order mark dropped), within `limit` bytes.
async fn read_text(response: &Response, file: &str, limit: u32) -> Result<String, Error> {
    let bytes = read_body(response, file, limit).await?;
    Ok(text_of(file, &bytes)?.to_owned())
}

/// GETs `url` as text; `file` is the name errors use (the URL as the page wrote it).
///
/// Bypasses the HTTP cache: widgets on one page ask for the same file at the same moment, and
/// Chromium makes the second request wait on the first one's cache entry (seen here as loads
/// stalled for 20 s under load). Files are shared in memory once parsed instead.
pub async fn fetch_text(
    url: &str,
    file: &str,
    limit: u32,
    cancel: &web_sys::AbortSignal,
) -> Result<String, Error> {
    let response = get(url, file, web_sys::RequestCache::NoStore, LOAD_TIMEOUT_MS, cancel).await?;
    read_text(&response, file, limit).await
}

/// Resolves `relative` against `base` (itself resolved against the page), as `new URL()` does.
pub fn resolve_url(relative: &str, base: &str) -> Option<String> {
    let page = web_sys::window()?.document()?.base_uri().ok()??;
    let base = web_sys::Url::new_with_base(base, &page).ok()?;
    web_sys::Url::new_with_base(relative, &base.href()).ok().map(|u| u.href())
}

/// The answer to a poll.
pub enum Polled {
    /// The same text as last time: nothing to parse.
    Unchanged,
    Fresh(String),
}

/// GETs `url` for a poll, giving up after `timeout_ms`. A simple request (no headers of ours),
/// so a cross-origin file needs no preflight, which many static hosts refuse; `no-cache` lets
/// the browser revalidate its copy (the server's 304s work across origins too, whatever
/// headers it exposes), and a body equal to `previous` is reported as unchanged.
pub async fn fetch_poll(
    url: &str,
    file: &str,
    previous: Option<&str>,
    timeout_ms: u32,
    limit: u32,
    cancel: &web_sys::AbortSignal,
) -> Result<Polled, Error> {
    let response = get(url, file, web_sys::RequestCache::NoCache, timeout_ms, cancel).await?;
    let text = read_text(&response, file, limit).await?;
    if previous == Some(text.as_str()) {
        return Ok(Polled::Unchanged);
    }
    Ok(Polled::Fresh(text))
}
