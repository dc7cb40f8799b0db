//! The root component: loads the forum file, the matrix (Action Lines, SDGs via the matrix)
//! and the SDG texts of the reader's language.

#![warn(missing_docs)]

use crate::model::input::DEFAULT_MAX_BYTES;
use yew::prelude::*;

use super::app::ForumApp;
use super::slide::ForumSlide;
use crate::model::forum::Forum;
use crate::model::text::sibling_url;
use crate::model::{Lang, Matrix, Sdg};
use crate::ui::i18n::forum_strings;
use crate::ui::theme::Theme;
use crate::widgets::shared::hooks::use_sdg_catalog;
use crate::widgets::shared::link::UrlLink;
use crate::widgets::shared::{
    missing_source, presenter, use_resource, use_shell, use_status_events, widget_frame, Frame, Request,
    Resource, Status, WidgetEvent,
};

/// The props of [`ForumWidget`] (the custom element's attributes, as Rust values).
#[derive(Properties, PartialEq, Clone)]
pub struct ForumProps {
    /// URL of `forum-outcomes.json`, relative to the page.
    pub src: AttrValue,
    /// URL of `matrix.json`; default: next to `src`.
    #[prop_or_default]
    pub matrix_src: Option<AttrValue>,
    /// Folder of `sdg-<lang>.json`; default: `sdg/` next to `src`.
    #[prop_or_default]
    pub sdg_src: Option<AttrValue>,
    /// Initial year; `None` shows all years.
    #[prop_or_default]
    pub year: Option<u16>,
    /// A selection driven by the host or a linked widget: Action Line id and SDG.
    #[prop_or_default]
    pub action_line: Option<AttrValue>,
    /// A selection driven by the host or a linked widget: an SDG.
    #[prop_or_default]
    pub sdg: Option<Sdg>,
    /// The language to start in (the reader may pick another in the widget's menu).
    #[prop_or(Lang::En)]
    pub lang: Lang,
    /// Light, dark, or the reader's system setting (the default).
    #[prop_or_default]
    pub theme: Theme,
    /// Projector layout: the year's figures and heat grid, no controls.
    #[prop_or_default]
    pub presenter: bool,
    /// State in the page URL (the `url-state` attribute).
    #[prop_or_default]
    pub link: UrlLink,
    /// The largest data file the widget accepts (`max-bytes`), in bytes.
    #[prop_or(DEFAULT_MAX_BYTES)]
    pub max_bytes: u32,
    /// What the widget tells its host: ready, errors, selections, language and view changes
    /// (one [`WidgetEvent`] each; the custom elements turn them into DOM events).
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

/// The WSIS Forum outcomes widget.
#[component]
pub fn ForumWidget(props: &ForumProps) -> Html {
    let shell = use_shell(props.lang, props.link.version, &props.on_event);
    let lang = shell.lang;
    let has_src = !props.src.trim().is_empty();
    let forum = use_resource(
        has_src.then(|| Request {
            url: props.src.clone(),
            file: props.src.clone(),
            cache: false,
            limit: props.max_bytes,
        }),
        shell.attempt,
        Forum::from_json,
    );
    let matrix_url: AttrValue =
        props.matrix_src.clone().unwrap_or_else(|| sibling_url(&props.src, "matrix.json").into());
    let matrix = use_resource(
        has_src.then(|| Request {
            url: matrix_url.clone(),
            file: matrix_url.clone(),
            cache: true,
            limit: DEFAULT_MAX_BYTES,
        }),
        shell.attempt,
        Matrix::from_json,
    );
    let catalog =
        use_sdg_catalog(has_src.then(|| props.src.clone()), props.sdg_src.clone(), lang, shell.attempt);
    let status = Status::of(
        [
            (!has_src).then(|| missing_source("wsis-forum-outcomes")),
            forum.failure(),
            matrix.failure(),
            catalog.failure(),
        ],
        forum.is_loading() || matrix.is_loading() || catalog.is_loading(),
        || WidgetEvent::ForumReady {
            sessions: match &forum {
                Resource::Ready(f) => f.sessions.len(),
                _ => 0,
            },
        },
    );
    use_status_events(&status, &props.on_event);

    let content = match (&forum, &matrix, &catalog) {
        (Resource::Ready(f), Resource::Ready(m), Resource::Ready(c)) if presenter(props.presenter) => html! {
            <ForumSlide forum={f.clone()} matrix={m.clone()} catalog={c.clone()} lang={lang} year={props.year} />
        },
        (Resource::Ready(f), Resource::Ready(m), Resource::Ready(c)) => html! {
            <ForumApp forum={f.clone()} matrix={m.clone()} catalog={c.clone()} lang={lang}
                year={props.year} action_line={props.action_line.clone()} sdg={props.sdg}
                on_lang={shell.on_lang.clone()} on_event={props.on_event.clone()} link={props.link.clone()} />
        },
        _ => Html::default(),
    };
    let frame = Frame {
        kind: Some("forum"),
        lang,
        theme: props.theme,
        presenter: props.presenter,
        error_heading: forum_strings(lang).error_heading,
    };
    widget_frame(frame, &status, &shell.on_retry, content)
}
