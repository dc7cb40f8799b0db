//! "Download pre-rendered snippet" for each open file that has a widget: the snippet
//! `cargo xtask prerender` writes for the same file, language, theme and links, made by the
//! same renderer (`embed::prerender`, Yew's SSR, in the snippet module the loader imports on
//! first use) with the browser's `Intl` (xtask uses Node's, with the same options). What is
//! not open (the matrix for the forum, the SDG texts) is fetched from the published files; the
//! links follow the release's layout unless the maintainer types others
//! (`model::desk::snippet::links`).

use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::desk::snippet::{self, LinkFault, Links, Request};
use crate::model::desk::{Problem, Snapshot};
use crate::model::file_kind::FileKind;
use crate::model::text::join_url;
use crate::model::Lang;
use crate::ui::i18n::desk::desk_strings;
use crate::ui::i18n::desk_snippet::desk_snippet_strings;
use crate::widgets::shared::export::download_text;

#[derive(Properties, PartialEq)]
pub struct SnippetDownloadProps {
    pub snapshot: Rc<Snapshot>,
    /// Every problem listed (a file with one makes no snippet).
    pub problems: Rc<Vec<Problem>>,
    pub lang: Lang,
    /// `light` or `dark`: the desk's theme, written as the element's `theme`.
    pub theme: AttrValue,
    /// The published matrix and SDG texts folder, for what is not open.
    pub matrix_src: AttrValue,
    pub sdg_src: AttrValue,
    /// The stylesheet's file name in the release (hashed there; the loader says it).
    pub stylesheet_file: AttrValue,
    /// The loader's `renderSnippet(json) → Promise<html>`: the snippet module, loaded on use.
    #[prop_or_default]
    pub render: Option<js_sys::Function>,
}

/// What one snippet is made of (everything owned: it is made after an `await`).
#[derive(Clone)]
struct Job {
    kind: FileKind,
    snapshot: Rc<Snapshot>,
    lang: Lang,
    theme: String,
    links: Links,
    matrix_src: String,
    sdg_src: String,
    render: Option<js_sys::Function>,
}

const KINDS: [FileKind; 3] = [FileKind::Forum, FileKind::Matrix, FileKind::Pledges];

fn text_of(e: &InputEvent) -> String {
    e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

#[component]
pub fn SnippetDownload(props: &SnippetDownloadProps) -> Html {
    let s = desk_snippet_strings(props.lang);
    let d = desk_strings(props.lang);
    let base = use_state(snippet::release_base);
    let stylesheet = use_state(String::new);
    // The data URL typed per widget (by element name); empty: the release's layout.
    let srcs = use_state(BTreeMap::<&'static str, String>::new);
    let status = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let open: Vec<(FileKind, &'static str, String)> = KINDS
        .into_iter()
        .filter_map(|kind| Some((kind, snippet::element(kind)?, props.snapshot.file(kind)?.name.clone())))
        .collect();
    if open.is_empty() {
        return Html::default();
    }
    let on_base = {
        let base = base.clone();
        Callback::from(move |e: InputEvent| base.set(text_of(&e)))
    };
    let on_stylesheet = {
        let stylesheet = stylesheet.clone();
        Callback::from(move |e: InputEvent| stylesheet.set(text_of(&e)))
    };
    let row = |(kind, element, name): &(FileKind, &'static str, String)| {
        let (kind, element) = (*kind, *element);
        let typed = srcs.get(element).cloned().unwrap_or_default();
        let found = snippet::links(&base, &stylesheet, &typed, &props.stylesheet_file, name);
        let default_src = snippet::links(&base, "", "", &props.stylesheet_file, name).map(|l| l.src);
        let ready = snippet::ready(&props.snapshot, kind, props.lang, &props.problems);
        let on_src = {
            let srcs = srcs.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*srcs).clone();
                next.insert(element, text_of(&e));
                srcs.set(next);
            })
        };
        let onclick = {
            let (status, busy) = (status.clone(), busy.clone());
            let job = found.clone().map(|links| Job {
                kind,
                snapshot: props.snapshot.clone(),
                lang: props.lang,
                theme: props.theme.to_string(),
                links,
                matrix_src: props.matrix_src.to_string(),
                sdg_src: props.sdg_src.to_string(),
                render: props.render.clone(),
            });
            let job = job.map_err(|fault| {
                let field = match fault {
                    LinkFault::Base => s.base_url,
                    LinkFault::Stylesheet => s.stylesheet_url,
                    LinkFault::Src => s.data_url,
                };
                s.bad_url.replace("{field}", field)
            });
            Callback::from(move |_: MouseEvent| {
                let job = match job.clone() {
                    Ok(job) => job,
                    Err(fault) => return status.set(Some(fault)),
                };
                busy.set(true);
                status.set(Some(s.making.to_owned()));
                let (status, busy) = (status.clone(), busy.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let message = match make(job).await {
                        Ok((name, html)) => match download_text(&html, "text/html", &name) {
                            Ok(()) => s.made.replace("{file}", &name),
                            Err(_) => s.failed.replace("{reason}", &name),
                        },
                        Err(reason) => s.failed.replace("{reason}", &reason),
                    };
                    status.set(Some(message));
                    busy.set(false);
                });
            })
        };
        let id = format!("desk-snippet-src-{element}");
        let label = match kind {
            FileKind::Matrix => d.matrix_file,
            FileKind::Pledges => d.pledges_file,
            _ => d.forum_file,
        };
        html! {
            <fieldset key={element} class="desk-snippet-file">
                <legend>{ label }{ " · " }{ name.clone() }</legend>
                <label for={id.clone()}>{ s.data_url }</label>
                <input id={id} type="text" inputmode="url" spellcheck="false" value={typed} oninput={on_src}
                    placeholder={default_src.unwrap_or_default()} dir="ltr" />
                <button type="button" {onclick} disabled={!ready || *busy}>{ s.download }</button>
            </fieldset>
        }
    };
    let stylesheet_default =
        snippet::links(&base, "", "", &props.stylesheet_file, "x").map(|l| l.stylesheet).unwrap_or_default();
    html! {
        <section class="desk-snippet" aria-labelledby="desk-snippet-title">
            <h2 id="desk-snippet-title">{ s.heading }</h2>
            <p class="desk-hint">{ s.hint }</p>
            <div class="desk-snippet-links">
                <label for="desk-snippet-base">{ s.base_url }</label>
                <input id="desk-snippet-base" type="text" inputmode="url" spellcheck="false" value={(*base).clone()} oninput={on_base} dir="ltr" />
                <label for="desk-snippet-stylesheet">{ s.stylesheet_url }</label>
                <input id="desk-snippet-stylesheet" type="text" inputmode="url" spellcheck="false" value={(*stylesheet).clone()}
                    oninput={on_stylesheet} placeholder={stylesheet_default} dir="ltr" />
            </div>
            { for open.iter().map(row) }
            <p class="desk-status" role="status">{ (*status).clone().unwrap_or_default() }</p>
        </section>
    }
}

/// The snippet's file name and HTML, or why it could not be made: the open texts and the
/// published files' URLs handed to the snippet module (`render`, from the loader), which
/// fetches what is not open.
async fn make(job: Job) -> Result<(String, String), String> {
    let Job { kind, snapshot, lang, theme, links, matrix_src, sdg_src, render } = job;
    let data = snapshot.file(kind).cloned().ok_or_else(String::new)?;
    let element = snippet::element(kind).ok_or_else(String::new)?;
    let name = snippet::file_name(kind, lang).ok_or_else(String::new)?;
    // Only what the widget reads (a pledge snippet carries no matrix).
    let open = |k: FileKind, reads: bool| snapshot.file(k).filter(|_| reads).cloned();
    let reads_matrix = snippet::inputs(kind).contains(&FileKind::Matrix);
    let request = Request {
        element: element.to_owned(),
        lang,
        theme,
        links,
        data,
        matrix: open(FileKind::Matrix, reads_matrix),
        matrix_url: matrix_src,
        sdg: open(FileKind::SdgTexts(lang), snippet::reads_sdg_texts(kind)),
        sdg_url: join_url(&sdg_src, &format!("sdg-{}.json", lang.code())),
    };
    let json = serde_json::to_string(&request).map_err(|e| e.to_string())?;
    let reason = |e: JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let render = render.ok_or_else(|| "no snippet module".to_owned())?;
    let promise = render.call1(&JsValue::NULL, &JsValue::from_str(&json)).map_err(reason)?;
    let html = JsFuture::from(js_sys::Promise::resolve(&promise)).await.map_err(reason)?;
    Ok((name, html.as_string().unwrap_or_default()))
}
