//! Citing a file's shared sources from one record, and adding a source once for many records.
//!
//! API (for every panel whose records cite sources: matrix links, pledges, forum sessions):
//! ```text
//! <SourcePicker
//!     id_prefix="desk-link-3"            // unique in the page; ids: {prefix}-source-{i},
//!                                        // {prefix}-new-title, {prefix}-new-url
//!     kind={FileKind::Matrix}            // the file's kind: its URL rule (model::desk::sources)
//!     sources={Rc::new(sources_of(&file.text))}   // the file's sources list
//!     chosen={Rc::new(ids_cited)}        // the record's cited ids, in its order
//!     on_change={…}                      // Callback<Vec<String>>: the new cited ids (a ticked
//!                                        // source goes last, an unticked one is dropped)
//!     on_add={…}                         // Callback<(String, Option<String>)>: title and URL
//!                                        // (trimmed, blank URL = None), already checked by
//!                                        // sources::check_new; cite it in the same step:
//!                                        // id = sources::id_for(text, &title, url.as_deref()),
//!                                        // Edit::Steps(vec![Edit::Source { kind, edit:
//!                                        //   SourceEdit::Add { title, url } }, <your citing edit
//!                                        //   with chosen + id>])
//!     lang={lang} />
//! ```
//! A cited id the list does not have stays shown (ticked, marked) so it can be unticked; the
//! validator lists it as a problem.

use std::rc::Rc;

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::model::desk::sources::{check_new, url_required, SourceError};
use crate::model::file_kind::FileKind;
use crate::model::source::DataSource;
use crate::model::Lang;
use crate::ui::i18n::desk_sources::desk_sources_strings;

#[derive(Properties, PartialEq)]
pub struct SourcePickerProps {
    pub id_prefix: AttrValue,
    pub kind: FileKind,
    pub sources: Rc<Vec<DataSource>>,
    pub chosen: Rc<Vec<String>>,
    pub on_change: Callback<Vec<String>>,
    pub on_add: Callback<(String, Option<String>)>,
    pub lang: Lang,
}

/// The cited ids with `id` ticked (last) or unticked.
fn toggled(chosen: &[String], id: &str, on: bool) -> Vec<String> {
    let mut out: Vec<String> = chosen.iter().filter(|c| c.as_str() != id).cloned().collect();
    if on {
        out.push(id.to_owned());
    }
    out
}

#[component]
pub fn SourcePicker(props: &SourcePickerProps) -> Html {
    let s = desk_sources_strings(props.lang);
    let title = use_state(String::new);
    let url = use_state(String::new);
    let error = use_state(|| None::<SourceError>);
    let prefix = props.id_prefix.clone();
    let unknown: Vec<&String> =
        props.chosen.iter().filter(|id| !props.sources.iter().any(|s| &s.id == *id)).collect();

    let add = {
        let (title, url, error) = (title.clone(), url.clone(), error.clone());
        let (kind, on_add) = (props.kind, props.on_add.clone());
        Callback::from(move |()| {
            let address = Some(url.trim()).filter(|u| !u.is_empty()).map(str::to_owned);
            match check_new(kind, &title, address.as_deref()) {
                Ok(()) => {
                    on_add.emit((title.trim().to_owned(), address));
                    title.set(String::new());
                    url.set(String::new());
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        })
    };
    let on_enter = {
        let add = add.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                add.emit(());
            }
        })
    };
    let text_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                state.set(input.value());
            }
        })
    };
    let message = (*error).as_ref().map(|e| match e {
        SourceError::EmptyTitle | SourceError::NotAFile => s.empty_title,
        SourceError::NotHttpUrl(_) => s.not_http,
        SourceError::UrlRequired => s.url_required,
    });
    let title_bad = matches!(*error, Some(SourceError::EmptyTitle));
    let url_bad = matches!(*error, Some(SourceError::NotHttpUrl(_) | SourceError::UrlRequired));
    let error_id = format!("{prefix}-new-error");
    html! {
        <fieldset class="desk-sources">
            <legend>{ s.sources }</legend>
            if props.sources.is_empty() && unknown.is_empty() {
                <p class="desk-status">{ s.no_sources }</p>
            }
            <ul class="desk-source-list">
                for (i, source) in props.sources.iter().enumerate() {
                    <li key={source.id.clone()}>
                        <label class="desk-choice">
                            <input type="checkbox" id={format!("{prefix}-source-{i}")}
                                checked={props.chosen.contains(&source.id)}
                                onchange={{
                                    let (chosen, id) = (props.chosen.clone(), source.id.clone());
                                    props.on_change.reform(move |e: Event| {
                                        let on = e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
                                        toggled(&chosen, &id, on)
                                    })
                                }} />
                            <span class="desk-source-id">{ source.id.clone() }</span>
                            { " " }{ source.title.clone() }
                        </label>
                    </li>
                }
                for id in unknown.iter() {
                    <li key={format!("unknown-{id}")}>
                        <label class="desk-choice">
                            <input type="checkbox" checked={true}
                                onchange={{
                                    let (chosen, id) = (props.chosen.clone(), (*id).clone());
                                    props.on_change.reform(move |_: Event| toggled(&chosen, &id, false))
                                }} />
                            <span class="desk-source-id">{ (*id).clone() }</span>
                            { " (" }{ s.unknown_source }{ ")" }
                        </label>
                    </li>
                }
            </ul>
            <div class="desk-source-new" role="group" aria-labelledby={format!("{prefix}-new-heading")}>
                <span id={format!("{prefix}-new-heading")} class="desk-source-new-heading">{ s.add_source }</span>
                <label for={format!("{prefix}-new-title")}>{ s.new_title }</label>
                <input type="text" id={format!("{prefix}-new-title")} value={(*title).clone()}
                    oninput={text_input(&title)} onkeydown={on_enter.clone()}
                    aria-invalid={title_bad.then_some("true")}
                    aria-describedby={title_bad.then(|| error_id.clone())} />
                <label for={format!("{prefix}-new-url")}>
                    { if url_required(props.kind) { s.new_url } else { s.new_url_optional } }
                </label>
                <input type="url" id={format!("{prefix}-new-url")} value={(*url).clone()}
                    oninput={text_input(&url)} onkeydown={on_enter}
                    aria-invalid={url_bad.then_some("true")}
                    aria-describedby={url_bad.then(|| error_id.clone())} />
                <button type="button" onclick={add.reform(|_: MouseEvent| ())}>{ s.add_and_cite }</button>
                if let Some(message) = message {
                    <p id={error_id.clone()} class="desk-error" role="alert">{ message }</p>
                }
            </div>
        </fieldset>
    }
}
