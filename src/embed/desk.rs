//! The data desk's mount (feature `desk`, bundle `wsis-sdg-desk.js`): `src/embed/desk.js`
//! calls it with the page's element. The desk is the page's own content (no shadow root): the
//! page styles it (`www/desk.css`), and the reader widget it previews keeps its own root.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};
use yew::{AppHandle, Renderer};

use crate::desk::{DeskApp, DeskProps};
use crate::model::Lang;

/// A mounted desk; `destroy()` unmounts it.
#[wasm_bindgen]
pub struct DeskHandle {
    app: Option<AppHandle<DeskApp>>,
    container: Element,
}

#[wasm_bindgen]
impl DeskHandle {
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.container.remove();
    }
}

fn text(options: &JsValue, key: &str) -> Option<String> {
    Reflect::get(options, &JsValue::from_str(key)).ok()?.as_string()
}

/// Mounts the desk into `host`; options `{ matrixSrc, sdgSrc, lang, storageKey, stylesheetFile,
/// renderSnippet }`.
#[wasm_bindgen(js_name = mountDesk)]
pub fn mount_desk(host: HtmlElement, options: &JsValue) -> Result<DeskHandle, JsValue> {
    let document = host.owner_document().ok_or_else(|| JsValue::from_str("element has no document"))?;
    let container = document.create_element("div")?;
    container.set_attribute("class", "wsis-desk-mount")?;
    host.append_child(&container)?;
    let lang = text(options, "lang").as_deref().and_then(Lang::from_tag).unwrap_or(Lang::En);
    let props = DeskProps {
        matrix_src: text(options, "matrixSrc").unwrap_or_else(|| "/data/matrix.json".into()).into(),
        sdg_src: text(options, "sdgSrc").unwrap_or_else(|| "/data/sdg/".into()).into(),
        lang,
        storage_key: text(options, "storageKey").unwrap_or_else(|| "wsis-desk".into()).into(),
        stylesheet_file: text(options, "stylesheetFile")
            .unwrap_or_else(|| crate::model::desk::snippet::STYLESHEET.into())
            .into(),
        render_snippet: Reflect::get(options, &JsValue::from_str("renderSnippet"))
            .ok()
            .and_then(|f| f.dyn_into().ok()),
    };
    let app = Renderer::<DeskApp>::with_root_and_props(container.clone(), props).render();
    Ok(DeskHandle { app: Some(app), container })
}
