//! The shell every widget's root is built in: its language, Retry, the loading and error
//! states, and the ready and error events. One definition, so the three widgets behave the
//! same in the same situation (a missing `src`, a failed file, a retry).

use std::rc::Rc;

use yew::prelude::*;

use super::event::WidgetEvent;
use super::hooks::use_widget_lang;
use super::resource::Resource;
use super::{presenter, ErrorBox, WidgetRoot};
use crate::model::{Error, ErrorKind, Lang};
use crate::ui::i18n::strings;
use crate::ui::theme::Theme;

/// What a widget root gets from [`use_shell`].
pub struct Shell {
    /// The widget's language: the attribute, or the reader's menu choice.
    pub lang: Lang,
    /// For the language menu; also fires `wsis-language-change`.
    pub on_lang: Callback<Lang>,
    /// Goes up by one on each Retry; loading hooks take it as a dependency.
    pub attempt: u32,
    pub on_retry: Callback<()>,
}

#[hook]
pub fn use_shell(lang: Lang, link_version: u32, on_event: &Callback<WidgetEvent>) -> Shell {
    let (lang, on_lang) = {
        let on_event = on_event.clone();
        use_widget_lang(
            lang,
            link_version,
            Callback::from(move |lang| on_event.emit(WidgetEvent::LanguageChange { lang })),
        )
    };
    let attempt = use_state_eq(|| 0u32);
    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    Shell { lang, on_lang, attempt: *attempt, on_retry }
}

/// Where a widget's loading stands, over all of its files.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Loading,
    Failed(Rc<Error>),
    /// Everything loaded; the event tells the host page.
    Ready(WidgetEvent),
}

impl Status {
    /// The first failure among `resources`, else loading while any is.
    pub fn of(
        failures: impl IntoIterator<Item = Option<Rc<Error>>>,
        loading: bool,
        ready: impl FnOnce() -> WidgetEvent,
    ) -> Status {
        match failures.into_iter().flatten().next() {
            Some(err) => Status::Failed(err),
            None if loading => Status::Loading,
            None => Status::Ready(ready()),
        }
    }
}

/// The error of a widget without a `src`: the same message and event in every widget.
pub fn missing_source(element: &str) -> Rc<Error> {
    Rc::new(Error::new(format!("<{element}>"), "", ErrorKind::NoSource))
}

impl<T> Resource<T> {
    pub fn failure(&self) -> Option<Rc<Error>> {
        match self {
            Resource::Failed(err) => Some(err.clone()),
            _ => None,
        }
    }

    pub fn is_loading(&self) -> bool {
        matches!(self, Resource::Loading)
    }
}

/// Tells the host page when the widget is ready or has failed, once per change.
#[hook]
pub fn use_status_events(status: &Status, on_event: &Callback<WidgetEvent>) {
    let on_event = on_event.clone();
    use_effect_with(status.clone(), move |status| match status {
        Status::Failed(err) => on_event.emit(WidgetEvent::Error { message: err.to_string() }),
        Status::Ready(event) => on_event.emit(event.clone()),
        Status::Loading => {}
    });
}

/// What [`widget_frame`] draws around a widget's content.
pub struct Frame {
    /// Extra class naming the widget (`forum`, `pledges`), if any.
    pub kind: Option<&'static str>,
    pub lang: Lang,
    pub theme: Theme,
    /// Asked for by the host (checked here against the `presenter` feature).
    pub presenter: bool,
    pub error_heading: &'static str,
}

/// The widget's root with its content: loading, the error (with Retry when loading again can
/// help), or `content`. A function, not a component: it has no state of its own, and a
/// component type costs 2 kB of wasm (twiggy).
pub fn widget_frame(frame: Frame, status: &Status, on_retry: &Callback<()>, content: Html) -> Html {
    let s = strings(frame.lang);
    let content = match status {
        Status::Failed(err) => {
            let retry = err.is_retryable().then(|| on_retry.clone());
            html! {
                <ErrorBox heading={frame.error_heading} message={err.to_string()}
                    retry_label={s.retry} on_retry={retry} />
            }
        }
        Status::Loading => html! { <p class="status" role="status">{ s.loading }</p> },
        Status::Ready(_) => content,
    };
    html! {
        <WidgetRoot kind={frame.kind} lang={frame.lang} theme={frame.theme}
            presenter={presenter(frame.presenter)}>
            { content }
        </WidgetRoot>
    }
}
