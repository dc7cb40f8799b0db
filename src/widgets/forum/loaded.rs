//! The forum outcomes from files a Rust app has already loaded and validated: the same app,
//! frame and events as [`ForumWidget`](super::ForumWidget), without the loading.

#![warn(missing_docs)]

use std::rc::Rc;

use yew::prelude::*;

use super::app::ForumApp;
use crate::model::forum::Forum;
use crate::model::{Matrix, Sdg, SdgCatalog};
use crate::ui::i18n::forum_strings;
use crate::ui::theme::Theme;
use crate::widgets::shared::{use_status_events, widget_frame, Frame, Status, WidgetEvent};

/// The props of [`LoadedForum`].
#[derive(Properties, PartialEq, Clone)]
pub struct LoadedForumProps {
    /// The forum outcomes file, validated (`Forum::from_json`).
    pub forum: Rc<Forum>,
    /// The matrix file (its Action Lines, and the SDGs a session reaches through them).
    pub matrix: Rc<Matrix>,
    /// The SDG texts; their language (`catalog.lang`) is the widget's (see
    /// [`LoadedMatrixProps::catalog`](crate::widgets::matrix::LoadedMatrixProps::catalog)).
    pub catalog: Rc<SdgCatalog>,
    /// The year shown first; `None` shows all years.
    #[prop_or_default]
    pub year: Option<u16>,
    /// Narrows the sessions to this Action Line id (e.g. `C3`).
    #[prop_or_default]
    pub action_line: Option<AttrValue>,
    /// Narrows the sessions to this SDG.
    #[prop_or_default]
    pub sdg: Option<Sdg>,
    /// Light, dark, or the reader's system setting (the default).
    #[prop_or_default]
    pub theme: Theme,
    /// What the widget tells its app: [`WidgetEvent::ForumReady`] once, then selections,
    /// language and view changes.
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

/// The WSIS Forum outcomes from already-loaded values.
#[component]
pub fn LoadedForum(props: &LoadedForumProps) -> Html {
    let lang = props.catalog.lang;
    let status = Status::Ready(WidgetEvent::ForumReady { sessions: props.forum.sessions.len() });
    use_status_events(&status, &props.on_event);
    let on_lang = props.on_event.reform(|lang| WidgetEvent::LanguageChange { lang });
    let content = html! {
        <ForumApp forum={props.forum.clone()} matrix={props.matrix.clone()} catalog={props.catalog.clone()}
            lang={lang} year={props.year} action_line={props.action_line.clone()} sdg={props.sdg}
            on_lang={on_lang} on_event={props.on_event.clone()} />
    };
    let frame = Frame {
        kind: Some("forum"),
        lang,
        theme: props.theme,
        presenter: false,
        error_heading: forum_strings(lang).error_heading,
    };
    widget_frame(frame, &status, &Callback::noop(), content)
}
