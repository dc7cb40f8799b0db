//! Copy link, export and print: the same buttons on every widget.

use yew::prelude::*;

use super::export::Format;
use super::link::{use_copy_link, UrlLink};
use crate::model::Lang;
use crate::ui::i18n::action_strings;

/// What a widget's app needs for its [`Actions`]: the copy-link callback, the status line, and
/// a callback to report whether an export worked.
pub struct ActionsState {
    pub on_copy_link: Option<Callback<()>>,
    pub status: AttrValue,
    pub on_exported: Callback<bool>,
}

#[hook]
pub fn use_actions(link: &UrlLink, lang: Lang) -> ActionsState {
    let a = action_strings(lang);
    let (on_copy_link, copy_status) = use_copy_link(link, a.link_copied, a.copy_this_link);
    let export_status = use_state(AttrValue::default);
    let on_exported = {
        let export_status = export_status.clone();
        Callback::from(move |ok: bool| {
            export_status.set(if ok { AttrValue::default() } else { a.export_failed.into() })
        })
    };
    let status = if export_status.is_empty() { copy_status } else { (*export_status).clone() };
    ActionsState { on_copy_link, status, on_exported }
}

#[derive(Properties, PartialEq)]
pub struct ActionsProps {
    pub lang: Lang,
    pub on_export: Callback<Format>,
    /// Present when the widget keeps its state in the page URL: copies that URL.
    #[prop_or_default]
    pub on_copy_link: Option<Callback<()>>,
    /// What the last action said ("Link copied"), for the polite status line.
    #[prop_or_default]
    pub status: AttrValue,
}

#[component]
pub fn Actions(props: &ActionsProps) -> Html {
    let a = action_strings(props.lang);
    let export = |format: Format, label: &'static str| {
        let on_export = props.on_export.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_export.emit(format));
        html! { <button type="button" {onclick}>{ label }</button> }
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <div class="actions" part="actions" role="group" aria-label={a.share_and_export}>
            if let Some(copy) = props.on_copy_link.clone() {
                <button type="button" onclick={Callback::from(move |_: MouseEvent| copy.emit(()))}>
                    { a.copy_link }
                </button>
            }
            <span class="label" aria-hidden="true">{ a.download }</span>
            { export(Format::Csv, "CSV") }
            { export(Format::Json, "JSON") }
            { export(Format::Svg, "SVG") }
            { export(Format::Png, "PNG") }
            <button type="button" onclick={print}>{ a.print }</button>
            <span class="status-text" role="status">{ props.status.clone() }</span>
        </div>
    }
}
