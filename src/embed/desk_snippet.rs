//! The data desk's snippet module (feature `snippet`, `wsis_sdg_desk_snippet_bg.wasm`): Yew's
//! SSR and the widgets' components, kept out of the desk's bundle (they are most of this
//! module's size); `desk.js` imports it on the first "Download pre-rendered snippet".

use wasm_bindgen::prelude::*;

use crate::model::desk::snippet::{inputs, kind_of_element, reads_sdg_texts, Request};
use crate::model::desk::OpenFile;
use crate::model::file_kind::FileKind;
use crate::model::input::DEFAULT_MAX_BYTES;
use crate::widgets::shared::fetch::{cancel_signal, fetch_text};

/// The published file at `url`, named as its last path segment (what xtask names a file on
/// disk; only errors show it).
async fn fetched(url: &str) -> Result<OpenFile, String> {
    let name = url.split(['?', '#']).next().unwrap_or(url).rsplit('/').next().unwrap_or(url).to_owned();
    let text =
        fetch_text(url, url, DEFAULT_MAX_BYTES, &cancel_signal(None)).await.map_err(|e| e.to_string())?;
    Ok(OpenFile { name, text })
}

/// The snippet for a request (`model::desk::snippet::Request` as JSON), or the reason it
/// cannot be made.
#[wasm_bindgen(js_name = renderSnippet)]
pub async fn render_snippet(request: String) -> Result<String, JsValue> {
    let fault = |e: String| JsValue::from_str(&e);
    let mut request: Request = serde_json::from_str(&request).map_err(|e| fault(e.to_string()))?;
    let kind =
        kind_of_element(&request.element).ok_or_else(|| fault(format!("no widget {}", request.element)))?;
    if inputs(kind).contains(&FileKind::Matrix) && request.matrix.is_none() {
        request.matrix = Some(fetched(&request.matrix_url).await.map_err(fault)?);
    }
    if reads_sdg_texts(kind) && request.sdg.is_none() {
        request.sdg = Some(fetched(&request.sdg_url).await.map_err(fault)?);
    }
    super::prerender::desk_snippet(&request).await.map_err(fault)
}
