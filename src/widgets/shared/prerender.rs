//! Pre-rendered (static) output: what differs when a widget is rendered on a server for
//! readers who get the HTML before, or without, the WebAssembly.

use yew::prelude::*;

use crate::model::Lang;
use crate::ui::i18n::strings;

/// Provided (as `true`) by the pre-render roots: components then build what a reader without
/// JavaScript needs — every cell's and session's details, openable with plain HTML
/// (`popover`, `<details>`) — and the note that stays hidden until scripts are known to be
/// missing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StaticRender(pub bool);

/// `true` inside a pre-render root.
#[hook]
pub fn use_static_render() -> bool {
    use_context::<StaticRender>().unwrap_or_default().0
}

#[derive(Properties, PartialEq)]
pub struct StaticNoteProps {
    pub lang: Lang,
}

/// The calm note of a pre-rendered widget. Hidden by the stylesheet unless scripting is off
/// (`@media (scripting: none)`) or `elements.js` marks the root `boot-failed` (the module
/// could not start: a CSP without `'wasm-unsafe-eval'`, a failed download, an old browser), so
/// a reader whose widget is about to start never sees it and the takeover moves nothing.
#[component]
pub fn StaticNote(props: &StaticNoteProps) -> Html {
    let s = strings(props.lang);
    html! {
        <p class="static-note" role="note">
            <span class="when-no-script">{ s.static_no_script }</span>
            <span class="when-failed">{ s.static_failed }</span>
        </p>
    }
}
