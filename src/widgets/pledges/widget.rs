//! The root component: keeps the pledge file current and tells the room when it changes.

#![warn(missing_docs)]

use crate::model::input::DEFAULT_MAX_BYTES;
use std::rc::Rc;

use yew::prelude::*;

use super::app::PledgesApp;
use super::qualified;
use crate::model::pledges::{summarize, Pledges};
use crate::model::{Lang, Sdg};
use crate::ui::format::Style;
use crate::ui::i18n::{fill, pledge_strings};
use crate::ui::theme::Theme;
use crate::widgets::shared::link::UrlLink;
use crate::widgets::shared::live::use_live_json;
use crate::widgets::shared::{
    missing_source, presenter, use_shell, use_status_events, widget_frame, Frame, Status, WidgetEvent,
};

/// The props of [`PledgesWidget`] (the custom element's attributes, as Rust values).
#[derive(Properties, PartialEq, Clone)]
pub struct PledgesProps {
    /// URL of `p2c-pledges.json`, relative to the page.
    pub src: AttrValue,
    /// The language to start in (the reader may pick another in the widget's menu).
    #[prop_or(Lang::En)]
    pub lang: Lang,
    /// Light, dark, or the reader's system setting (the default).
    #[prop_or_default]
    pub theme: Theme,
    /// Seconds between re-fetches; 0 loads once.
    #[prop_or_default]
    pub refresh: u32,
    /// Projector layout: the live total, progress and counts only.
    #[prop_or_default]
    pub presenter: bool,
    /// "Copy link" when the page keeps widget state in its URL (`url-state`).
    #[prop_or_default]
    pub link: UrlLink,
    /// An SDG selected in a linked widget or by the host page (the `sdg` attribute).
    #[prop_or_default]
    pub sdg: Option<Sdg>,
    /// The largest data file the widget accepts (`max-bytes`), in bytes.
    #[prop_or(DEFAULT_MAX_BYTES)]
    pub max_bytes: u32,
    /// What the widget tells its host: ready, errors, selections, language and view changes
    /// (one [`WidgetEvent`] each; the custom elements turn them into DOM events).
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

fn total_of(p: &Pledges) -> Option<f64> {
    summarize(p).total.and_then(|i| p.milestones.get(i)).and_then(|m| m.usd).map(|f| f.value)
}

/// The Partner2Connect pledge widget.
#[component]
pub fn PledgesWidget(props: &PledgesProps) -> Html {
    let shell = use_shell(props.lang, props.link.version, &props.on_event);
    let lang = shell.lang;
    let has_src = !props.src.trim().is_empty();
    let live = use_live_json(
        has_src.then(|| props.src.clone()),
        props.src.clone(),
        props.refresh,
        shell.attempt,
        props.max_bytes,
        Pledges::from_json,
    );
    let announcement = use_announcements(live.value.clone(), lang, &props.on_event);

    let missing = (!has_src).then(|| missing_source("p2c-pledges"));
    // A file that is shown stays shown when a later poll fails (the app shows the error
    // beside it), so only the first load's failure replaces the content.
    let status = match (&live.value, live.error.clone().or_else(|| missing.clone())) {
        (Some(p), _) => Status::Ready(WidgetEvent::PledgesReady { total_usd: total_of(p).unwrap_or(0.0) }),
        (None, Some(err)) => Status::Failed(err),
        (None, None) => Status::Loading,
    };
    // Errors reach the page through the shell, as in every widget (a failed poll too, while
    // the last good file stays shown); ready and update events follow the total, above.
    let failure = match live.error.clone().or(missing) {
        Some(err) => Status::Failed(err),
        None => Status::Loading,
    };
    use_status_events(&failure, &props.on_event);
    let content = match &live.value {
        Some(p) => html! {
            <PledgesApp pledges={p.clone()} lang={lang} error={live.error.clone()}
                updated_at={live.updated_at} announcement={announcement} on_lang={shell.on_lang.clone()}
                presenter={presenter(props.presenter)} link={props.link.clone()} sdg={props.sdg} />
        },
        None => Html::default(),
    };
    let frame = Frame {
        kind: Some("pledges"),
        lang,
        theme: props.theme,
        presenter: props.presenter,
        error_heading: pledge_strings(lang).error_heading,
    };
    widget_frame(frame, &status, &shell.on_retry, content)
}

/// Follows the pledge file shown (a poll's, or a Yew app's newer value): tells the page the
/// first total (`PledgesReady`) and each change (`PledgesUpdate`), and returns the text of the
/// latest change for the polite live region.
#[hook]
pub(super) fn use_announcements(
    value: Option<Rc<Pledges>>,
    lang: Lang,
    on_event: &Callback<WidgetEvent>,
) -> AttrValue {
    let announcement = use_state(AttrValue::default);
    let previous_total = use_mut_ref(|| None::<f64>);
    {
        let on_event = on_event.clone();
        let announcement = announcement.clone();
        use_effect_with(value.map(PtrEq), move |value| {
            if let Some(PtrEq(p)) = value {
                let total = total_of(p);
                let before = *previous_total.borrow();
                match (before, total) {
                    (None, Some(t)) => on_event.emit(WidgetEvent::PledgesReady { total_usd: t }),
                    (Some(b), Some(t)) if b != t => {
                        on_event.emit(WidgetEvent::PledgesUpdate { total_usd: t, previous_usd: b });
                        let s = pledge_strings(lang);
                        let summary = summarize(p);
                        let newest = summary.newest_announcement.and_then(|i| p.announcements.get(i));
                        let total_text = summary
                            .total
                            .and_then(|i| p.milestones.get(i))
                            .and_then(|m| m.usd)
                            .map(|f| qualified(lang, Style::UsdCompact, f))
                            .unwrap_or_default();
                        let text = match newest {
                            Some(a) => fill(
                                s.live_update,
                                &[
                                    ("total", &total_text),
                                    ("amount", &format!("+ {}", qualified(lang, Style::UsdCompact, a.usd))),
                                    ("pledger", &a.pledger),
                                    ("event", &a.event),
                                ],
                            ),
                            None => total_text,
                        };
                        announcement.set(text.into());
                    }
                    _ => {}
                }
                *previous_total.borrow_mut() = total;
            }
        });
    }
    (*announcement).clone()
}

/// Compares by pointer, for effect dependencies on shared data.
#[derive(Debug)]
struct PtrEq<T>(Rc<T>);

impl<T> PartialEq for PtrEq<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
