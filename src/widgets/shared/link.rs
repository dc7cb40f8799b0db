//! Widget state in the page URL: restored when the page opens or the reader goes back or
//! forward, reported when it changes, and copied as a link. The embed layer owns the URL
//! itself; widgets see only parameters.

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::model::url_state::Params;

/// What the embed layer passes about the URL.
#[derive(Clone, PartialEq, Default)]
pub struct UrlLink {
    /// The element has `url-state`: report state changes and offer "copy link".
    pub enabled: bool,
    /// Parameters read from the URL (or passed to `mount()`), to restore.
    pub restore: Option<Rc<Params>>,
    /// Bumped on every back/forward, so the same parameters are restored again.
    pub version: u32,
    /// The page's current URL, for "copy link".
    pub current_url: Option<Callback<(), String>>,
}

/// Prints why URL parameters were ignored; a bad link never stops a widget.
pub fn warn(warnings: &[String]) {
    for w in warnings {
        web_sys::console::warn_1(&format!("wsis-sdg-widgets: {w}").into());
    }
}

/// Warns, once after the first render, of the parameters a link had at mount that were
/// ignored. The widget's first state is made during render, where no browser API belongs.
#[hook]
pub fn use_mount_warnings<F>(warnings: F)
where
    F: FnOnce() -> Vec<String> + 'static,
{
    use_effect_with((), move |()| warn(&warnings()));
}

/// Calls `apply` with the URL's parameters after back/forward (`version` changes). The
/// parameters present at mount are the caller's initial state, so they are not re-applied.
#[hook]
pub fn use_link_restore<F>(link: &UrlLink, apply: F)
where
    F: Fn(&Params) + 'static,
{
    let applied = use_mut_ref(|| link.version);
    use_effect_with((link.version, link.restore.clone()), move |(version, params)| {
        if *applied.borrow() != *version {
            *applied.borrow_mut() = *version;
            let empty = Params::new();
            apply(params.as_deref().unwrap_or(&empty));
        }
    });
}

/// Reports `params` through `emit` whenever they change, if the widget keeps URL state, and
/// once when URL state is switched on after mount (`url-state` added later), so the URL gets
/// the current view.
#[hook]
pub fn use_link_report(link: &UrlLink, params: Params, emit: Callback<Rc<Params>>) {
    use_effect_with((params, link.enabled), move |(params, enabled)| {
        if *enabled {
            emit.emit(Rc::new(params.clone()));
        }
    });
}

/// A callback for the "copy link" button, and the status line it sets.
#[hook]
pub fn use_copy_link(
    link: &UrlLink,
    copied: &'static str,
    copy_this: &'static str,
) -> (Option<Callback<()>>, AttrValue) {
    let status = use_state(AttrValue::default);
    let callback = link.current_url.clone().filter(|_| link.enabled).map(|current_url| {
        let status = status.clone();
        Callback::from(move |()| {
            let url = current_url.emit(());
            let status = status.clone();
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            wasm_bindgen_futures::spawn_local(async move {
                let done = match clipboard {
                    Some(c) => JsFuture::from(c.write_text(&url)).await.is_ok(),
                    None => false,
                };
                // Without clipboard access (an insecure page, a refused permission) the
                // link is shown to copy by hand.
                status.set(if done { copied.into() } else { format!("{copy_this} {url}").into() });
            });
        })
    });
    (callback, (*status).clone())
}
