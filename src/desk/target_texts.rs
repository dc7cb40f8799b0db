//! The SDG texts the target menu labels its choices with (`9.c — Significantly increase …`):
//! the published file of the desk's language (`sdg-<lang>.json` under the page's `sdg-src`),
//! fetched when the language changes. Until it arrives (or if it cannot be read) the menu
//! shows the ids alone.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::catalog::SdgCatalog;
use crate::model::input::DEFAULT_MAX_BYTES;
use crate::model::Lang;
use crate::widgets::shared::fetch::{cancel_signal, fetch_text, resolve_url};

#[hook]
pub fn use_target_texts(sdg_src: AttrValue, lang: Lang) -> Option<Rc<SdgCatalog>> {
    let catalog = use_state(|| None::<Rc<SdgCatalog>>);
    {
        let catalog = catalog.clone();
        use_effect_with((sdg_src, lang), move |(src, lang)| {
            let (src, lang) = (src.clone(), *lang);
            wasm_bindgen_futures::spawn_local(async move {
                let name = format!("sdg-{}.json", lang.code());
                let Some(url) = resolve_url(&name, &src) else { return };
                let Ok(text) = fetch_text(&url, &name, DEFAULT_MAX_BYTES, &cancel_signal(None)).await else {
                    return;
                };
                if let Ok(found) = SdgCatalog::from_json(&name, &text, lang) {
                    catalog.set(Some(Rc::new(found)));
                }
            });
        });
    }
    (*catalog).clone()
}
