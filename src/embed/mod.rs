//! The only code that talks to the host page: mounting into shadow roots, options from
//! attributes, DOM events, the shared stylesheet. `elements.js` (custom elements and
//! `mount()`) calls into the functions exported here.

// A one-widget bundle reads only some options and events; a Yew app's build (no features, see
// `components`) mounts no custom elements at all.
#![cfg_attr(
    not(all(feature = "matrix", feature = "forum", feature = "pledges")),
    allow(dead_code, unused_imports, unused_macros)
)]

#[cfg(feature = "desk")]
pub mod desk;
#[cfg(feature = "snippet")]
mod desk_snippet;
mod options;
#[cfg(feature = "ssr")]
pub mod prerender;
mod style;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};
use yew::{AppHandle, Callback, Renderer};

#[cfg(feature = "forum")]
use crate::widgets::forum::{ForumProps, ForumWidget};
#[cfg(feature = "matrix")]
use crate::widgets::matrix::{MatrixProps, MatrixWidget};
#[cfg(feature = "pledges")]
use crate::widgets::pledges::{PledgesProps, PledgesWidget};
use crate::widgets::shared::event::DetailValue;
use crate::widgets::shared::WidgetEvent;

/// A handle type per widget (wasm-bindgen exports no generics): `update(options)` passes new
/// options, `destroy()` unmounts the app (its listeners, timers and polling go with it) and
/// removes its container.
macro_rules! widget_handle {
    ($(#[$doc:meta])* $handle:ident, $widget:ty, $props:path) => {
        $(#[$doc])*
        #[wasm_bindgen]
        pub struct $handle {
            app: Option<AppHandle<$widget>>,
            container: Element,
            host: HtmlElement,
        }

        #[wasm_bindgen]
        impl $handle {
            /// New options after an attribute change.
            pub fn update(&mut self, options: &JsValue) {
                let props = $props(&self.host, options);
                if let Some(app) = self.app.as_mut() {
                    app.update(props);
                }
            }

            pub fn destroy(&mut self) {
                if let Some(app) = self.app.take() {
                    app.destroy();
                }
                self.container.remove();
            }
        }
    };
}

#[cfg(feature = "matrix")]
widget_handle!(
    /// A mounted `<wsis-sdg-matrix>`; options `{ src, sdgSrc, lang, theme, view }`.
    MatrixHandle,
    MatrixWidget,
    matrix_props
);
#[cfg(feature = "forum")]
widget_handle!(
    /// A mounted `<wsis-forum-outcomes>`; options `{ src, matrixSrc, sdgSrc, year, actionLine, sdg, lang, theme }`.
    ForumHandle,
    ForumWidget,
    forum_props
);
#[cfg(feature = "pledges")]
widget_handle!(
    /// A mounted `<p2c-pledges>`; options `{ src, lang, theme, refresh }`.
    PledgesHandle,
    PledgesWidget,
    pledges_props
);

/// A fresh container in `host`'s open shadow root (made if missing), `sheet` adopted.
fn container_for(host: &HtmlElement, sheet: &CssStyleSheet) -> Result<Element, JsValue> {
    let root = shadow_root_for(host)?;
    style::adopt(&root, sheet)?;
    let document = host.owner_document().ok_or_else(|| JsValue::from_str("element has no document"))?;
    let container = document.create_element("div")?;
    container.set_attribute("class", "wsis-mount")?;
    root.append_child(&container)?;
    Ok(container)
}

/// Kills this module's instance from inside, as an out-of-memory or a bug would (with
/// `panic = "abort"` every trap is fatal), so the tests can check that every widget then
/// says so and offers to start again. Not part of the API; it runs on the next microtask, as a
/// trap in an event handler or a data load would.
#[wasm_bindgen(js_name = testTrap)]
pub fn test_trap() {
    wasm_bindgen_futures::spawn_local(async { std::process::abort() });
}

/// Ends this instance's polling for good. `elements.js` calls it when the instance has trapped,
/// before destroying its widgets: a trap inside Yew's scheduler leaves the scheduler unable to
/// run the cleanups `destroy()` asks for, and the poll loops would go on fetching. Not part of
/// the API.
#[wasm_bindgen(js_name = stopInstance)]
pub fn stop_instance() {
    crate::widgets::shared::live::stop_all();
}

#[cfg(feature = "matrix")]
/// Mounts the matrix into `host`'s open shadow root (made if missing), styled by `sheet`.
#[wasm_bindgen(js_name = mountMatrix)]
pub fn mount_matrix(
    host: HtmlElement,
    options: &JsValue,
    sheet: &CssStyleSheet,
) -> Result<MatrixHandle, JsValue> {
    let container = container_for(&host, sheet)?;
    let props = matrix_props(&host, options);
    let app = Renderer::<MatrixWidget>::with_root_and_props(container.clone(), props).render();
    Ok(MatrixHandle { app: Some(app), container, host })
}

#[cfg(feature = "forum")]
/// Mounts the WSIS Forum outcomes widget into `host`'s open shadow root.
#[wasm_bindgen(js_name = mountForum)]
pub fn mount_forum(
    host: HtmlElement,
    options: &JsValue,
    sheet: &CssStyleSheet,
) -> Result<ForumHandle, JsValue> {
    let container = container_for(&host, sheet)?;
    let props = forum_props(&host, options);
    let app = Renderer::<ForumWidget>::with_root_and_props(container.clone(), props).render();
    Ok(ForumHandle { app: Some(app), container, host })
}

#[cfg(feature = "forum")]
fn forum_props(host: &HtmlElement, options: &JsValue) -> ForumProps {
    let o = options::Options::read(options);
    ForumProps {
        src: o.src.into(),
        matrix_src: o.matrix_src.map(Into::into),
        sdg_src: o.sdg_src.map(Into::into),
        year: o.year,
        action_line: o.action_line.map(Into::into),
        sdg: o.sdg,
        lang: o.lang,
        theme: o.theme,
        presenter: o.presenter,
        link: o.link,
        max_bytes: o.max_bytes,
        on_event: events_to(host),
    }
}

#[cfg(feature = "pledges")]
/// Mounts the Partner2Connect pledge widget into `host`'s open shadow root.
#[wasm_bindgen(js_name = mountPledges)]
pub fn mount_pledges(
    host: HtmlElement,
    options: &JsValue,
    sheet: &CssStyleSheet,
) -> Result<PledgesHandle, JsValue> {
    let container = container_for(&host, sheet)?;
    let props = pledges_props(&host, options);
    let app = Renderer::<PledgesWidget>::with_root_and_props(container.clone(), props).render();
    Ok(PledgesHandle { app: Some(app), container, host })
}

#[cfg(feature = "pledges")]
fn pledges_props(host: &HtmlElement, options: &JsValue) -> PledgesProps {
    let o = options::Options::read(options);
    PledgesProps {
        src: o.src.into(),
        lang: o.lang,
        theme: o.theme,
        refresh: o.refresh,
        presenter: o.presenter,
        link: o.link,
        sdg: o.sdg,
        max_bytes: o.max_bytes,
        on_event: events_to(host),
    }
}

/// The element's own open shadow root, or one attached now. Elements that cannot have a
/// shadow root (or already have a closed one) get a `<div>` child that does.
fn shadow_root_for(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    if let Some(root) = host.shadow_root() {
        return Ok(root);
    }
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    match host.attach_shadow(&init) {
        Ok(root) => Ok(root),
        Err(_) => {
            let document =
                host.owner_document().ok_or_else(|| JsValue::from_str("element has no document"))?;
            let holder = document.create_element("div")?;
            holder.set_attribute("data-wsis-holder", "")?;
            host.append_child(&holder)?;
            holder.attach_shadow(&init)
        }
    }
}

#[cfg(feature = "matrix")]
fn matrix_props(host: &HtmlElement, options: &JsValue) -> MatrixProps {
    let o = options::Options::read(options);
    MatrixProps {
        src: o.src.into(),
        sdg_src: o.sdg_src.map(Into::into),
        lang: o.lang,
        theme: o.theme,
        orientation: o.orientation,
        action_line: o.action_line.map(Into::into),
        sdg: o.sdg,
        presenter: o.presenter,
        link: o.link,
        max_bytes: o.max_bytes,
        on_event: events_to(host),
    }
}

/// A callback that fires each of a widget's events on its host element: the one place where
/// widget events become DOM events.
fn events_to(host: &HtmlElement) -> Callback<WidgetEvent> {
    let target = host.clone();
    Callback::from(move |event: WidgetEvent| {
        let detail = Object::new();
        for (key, value) in event.detail() {
            let value = match value {
                DetailValue::Number(n) => JsValue::from_f64(n),
                DetailValue::Text(text) => JsValue::from_str(text),
                DetailValue::Pairs(params) => params
                    .iter()
                    .map(|(k, v)| Array::of2(&JsValue::from_str(k), &JsValue::from_str(v)))
                    .collect::<Array>()
                    .into(),
            };
            let _ = Reflect::set(&detail, &JsValue::from_str(key), &value);
        }
        dispatch(&target, event.name(), &detail);
    })
}

/// Fires a bubbling, composed `CustomEvent` on the host element.
fn dispatch(target: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}
