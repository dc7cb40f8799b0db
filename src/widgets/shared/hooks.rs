//! Hooks every widget's root uses: its language, and the SDG texts in that language.

use crate::model::input::DEFAULT_MAX_BYTES;
use yew::prelude::*;

use super::resource::{use_resource, Request, Resource};
use crate::model::text::{join_url, sibling_url};
use crate::model::{Lang, SdgCatalog};

/// The widget's language: the `lang` attribute, or the reader's menu choice until the attribute
/// changes again or the reader goes back or forward (`link_version`). Returns it with the
/// menu's callback, which also calls `notify` (the widget's language-change event).
#[hook]
pub fn use_widget_lang(attribute: Lang, link_version: u32, notify: Callback<Lang>) -> (Lang, Callback<Lang>) {
    let lang = use_state_eq(|| attribute);
    {
        let lang = lang.clone();
        use_effect_with((attribute, link_version), move |(wanted, _)| lang.set(*wanted));
    }
    let on_change = {
        let lang = lang.clone();
        Callback::from(move |new: Lang| {
            lang.set(new);
            notify.emit(new);
        })
    };
    (*lang, on_change)
}

/// The SDG goal and target texts in `lang`, from the `sdg_src` folder or `sdg/` next to `src`;
/// cached, so widgets on one page share one download per language. `None` loads nothing.
#[hook]
pub fn use_sdg_catalog(
    src: Option<AttrValue>,
    sdg_src: Option<AttrValue>,
    lang: Lang,
    attempt: u32,
) -> Resource<SdgCatalog> {
    let request = src.map(|src| {
        let folder = sdg_src.map(|s| s.to_string()).unwrap_or_else(|| sibling_url(&src, "sdg/"));
        let url = AttrValue::from(join_url(&folder, &format!("sdg-{}.json", lang.code())));
        // Shared by every widget on the page, so the default limit, not one element's.
        Request { url: url.clone(), file: url, cache: true, limit: DEFAULT_MAX_BYTES }
    });
    use_resource(request, attempt, move |file, text| SdgCatalog::from_json(file, text, lang))
}

/// A node ref and whether the element it is put on is at most `max_width` CSS pixels wide,
/// kept current by a `ResizeObserver` (disconnected on unmount). Until the first observation,
/// and on a server, the element counts as wide.
#[hook]
pub fn use_narrow(max_width: f64) -> (NodeRef, bool) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{ResizeObserver, ResizeObserverEntry};

    let node = use_node_ref();
    let narrow = use_state_eq(|| false);
    {
        let node = node.clone();
        let narrow = narrow.clone();
        use_effect_with((), move |()| {
            let observer = node.cast::<web_sys::Element>().and_then(|element| {
                let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                        narrow.set(entry.content_rect().width() <= max_width);
                    }
                });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&element);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, _on_resize)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    (node, *narrow)
}
