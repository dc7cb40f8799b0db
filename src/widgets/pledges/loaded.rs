//! The pledge figures from a file a Rust app has already loaded and validated: the same app,
//! frame and events as [`PledgesWidget`](super::PledgesWidget), without the loading. Pass a
//! newer file and the widget announces the change, as the live widget does after a poll.

#![warn(missing_docs)]

use std::rc::Rc;

use yew::prelude::*;

use super::app::PledgesApp;
use super::widget::use_announcements;
use crate::model::pledges::Pledges;
use crate::model::{Lang, Sdg};
use crate::ui::i18n::pledge_strings;
use crate::ui::theme::Theme;
use crate::widgets::shared::{use_shell, widget_frame, Frame, Status, WidgetEvent};

/// The props of [`LoadedPledges`].
#[derive(Properties, PartialEq, Clone)]
pub struct LoadedPledgesProps {
    /// The pledge file, validated (`Pledges::from_json`).
    pub pledges: Rc<Pledges>,
    /// The language; the reader may pick another in the widget's menu (all texts are built in).
    #[prop_or(Lang::En)]
    pub lang: Lang,
    /// Light, dark, or the reader's system setting (the default).
    #[prop_or_default]
    pub theme: Theme,
    /// An SDG selected elsewhere in the app: its commitments are picked out.
    #[prop_or_default]
    pub sdg: Option<Sdg>,
    /// What the widget tells its app: [`WidgetEvent::PledgesReady`] with the first total,
    /// [`WidgetEvent::PledgesUpdate`] when a newer file changes it, language changes.
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

/// The Partner2Connect pledges from an already-loaded value.
#[component]
pub fn LoadedPledges(props: &LoadedPledgesProps) -> Html {
    let shell = use_shell(props.lang, 0, &props.on_event);
    let lang = shell.lang;
    let announcement = use_announcements(Some(props.pledges.clone()), lang, &props.on_event);
    let content = html! {
        <PledgesApp pledges={props.pledges.clone()} lang={lang} announcement={announcement}
            on_lang={shell.on_lang.clone()} sdg={props.sdg} />
    };
    let frame = Frame {
        kind: Some("pledges"),
        lang,
        theme: props.theme,
        presenter: false,
        error_heading: pledge_strings(lang).error_heading,
    };
    // Ready from the start: the events come from the announcements, as in the live widget.
    let status = Status::Ready(WidgetEvent::PledgesReady { total_usd: 0.0 });
    widget_frame(frame, &status, &shell.on_retry, content)
}
