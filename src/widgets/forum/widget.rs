//! The root component: loads the forum file, the matrix (Action Lines, SDGs via the matrix)
//! and the SDG texts of the reader's language.

use std::rc::Rc;

use yew::prelude::*;

use crate::widgets::shared::{presenter, WidgetRoot};

use super::app::ForumApp;
use super::slide::ForumSlide;
use crate::model::forum::Forum;
use crate::model::text::sibling_url;
use crate::model::url_state::Params;
use crate::model::{Error, ErrorKind, Lang, Matrix, Sdg};
use crate::ui::i18n::{forum_strings, strings};
use crate::ui::theme::Theme;
use crate::widgets::shared::hooks::{use_sdg_catalog, use_widget_lang};
use crate::widgets::shared::link::UrlLink;
use crate::widgets::shared::{use_resource, ErrorBox, Request, Resource};

/// What the forum widget tells its host (as DOM events).
#[derive(Clone, Debug, PartialEq)]
pub enum ForumEvent {
    Ready {
        sessions: usize,
    },
    Error {
        message: String,
    },
    /// The reader picked a heat-grid cell.
    Select {
        action_line: String,
        sdg: u8,
    },
    LanguageChange {
        lang: Lang,
    },
    /// The view changed; `params` describe it for the page URL.
    State {
        params: Rc<Params>,
    },
}

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
    #[prop_or_default]
    pub sdg: Option<Sdg>,
    #[prop_or(Lang::En)]
    pub lang: Lang,
    #[prop_or_default]
    pub theme: Theme,
    /// Projector layout: the year's figures and heat grid, no controls.
    #[prop_or_default]
    pub presenter: bool,
    /// State in the page URL (the `url-state` attribute).
    #[prop_or_default]
    pub link: UrlLink,
    #[prop_or_default]
    pub on_event: Callback<ForumEvent>,
}

#[component]
pub fn ForumWidget(props: &ForumProps) -> Html {
    let (lang, on_lang) = {
        let on_event = props.on_event.clone();
        use_widget_lang(
            props.lang,
            props.link.version,
            Callback::from(move |lang| on_event.emit(ForumEvent::LanguageChange { lang })),
        )
    };
    let attempt = use_state_eq(|| 0u32);
    let has_src = !props.src.trim().is_empty();
    let forum = use_resource(
        has_src.then(|| Request { url: props.src.clone(), file: props.src.clone(), cache: false }),
        *attempt,
        Forum::from_json,
    );
    let matrix_url: AttrValue =
        props.matrix_src.clone().unwrap_or_else(|| sibling_url(&props.src, "matrix.json").into());
    let matrix = use_resource(
        has_src.then(|| Request { url: matrix_url.clone(), file: matrix_url.clone(), cache: true }),
        *attempt,
        Matrix::from_json,
    );
    let catalog = use_sdg_catalog(has_src.then(|| props.src.clone()), props.sdg_src.clone(), lang, *attempt);
    {
        let on_event = props.on_event.clone();
        use_effect_with((forum.clone(), matrix.clone(), catalog.clone()), move |(f, m, c)| match (f, m, c) {
            (Resource::Failed(e), _, _) | (_, Resource::Failed(e), _) | (_, _, Resource::Failed(e)) => {
                on_event.emit(ForumEvent::Error { message: e.to_string() })
            }
            (Resource::Ready(f), Resource::Ready(_), Resource::Ready(_)) => {
                on_event.emit(ForumEvent::Ready { sessions: f.sessions.len() })
            }
            _ => {}
        });
    }
    let s = strings(lang);
    let fs = forum_strings(lang);
    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    let error = |err: &Rc<Error>| {
        let retry = err.is_retryable().then(|| on_retry.clone());
        html! { <ErrorBox heading={fs.error_heading} message={err.to_string()} retry_label={s.retry} on_retry={retry} /> }
    };
    let content = match (&forum, &matrix, &catalog) {
        _ if !has_src => error(&Rc::new(Error::new("<wsis-forum-outcomes>", "", ErrorKind::NoSource))),
        (Resource::Failed(e), _, _) | (_, Resource::Failed(e), _) | (_, _, Resource::Failed(e)) => error(e),
        (Resource::Ready(f), Resource::Ready(m), Resource::Ready(c)) if presenter(props.presenter) => html! {
            <ForumSlide forum={f.clone()} matrix={m.clone()} catalog={c.clone()} lang={lang} year={props.year} />
        },
        (Resource::Ready(f), Resource::Ready(m), Resource::Ready(c)) => html! {
            <ForumApp forum={f.clone()} matrix={m.clone()} catalog={c.clone()} lang={lang}
                year={props.year} action_line={props.action_line.clone()} sdg={props.sdg}
                on_lang={on_lang} on_event={props.on_event.clone()} link={props.link.clone()} />
        },
        _ => html! { <p class="status" role="status" data-testid="loading">{ s.loading }</p> },
    };
    html! {
        <WidgetRoot kind="forum" testid="forum" lang={lang} theme={props.theme}
            presenter={presenter(props.presenter)}>
            { content }
        </WidgetRoot>
    }
}
