//! The data desk's snippet module (feature `snippet`, `wsis_sdg_desk_snippet_bg.wasm`): Yew's
//! SSR and the widgets' components, kept out of the desk's bundle (they are most of this
//! module's size); `desk.js` imports it on the first "Download pre-rendered snippet".

use wasm_bindgen::prelude::*;

use crate::model::desk::snippet::Request;

/// The snippet for a request (`model::desk::snippet::Request` as JSON), or the reason it
/// cannot be made.
#[wasm_bindgen(js_name = renderSnippet)]
pub async fn render_snippet(request: String) -> Result<String, JsValue> {
    let request: Request = serde_json::from_str(&request).map_err(|e| JsValue::from_str(&e.to_string()))?;
    super::prerender::desk_snippet(&request).await.map_err(|e| JsValue::from_str(&e))
}
