//! The root component: keeps the pledge file current and tells the room when it changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::widgets::shared::{presenter, WidgetRoot};

use super::app::PledgesApp;
use super::qualified;
use crate::model::pledges::{summarize, Pledges};
use crate::model::{Error, ErrorKind, Lang, Sdg};
use crate::ui::format::Style;
use crate::ui::i18n::{fill, pledge_strings, strings};
use crate::ui::theme::Theme;
use crate::widgets::shared::hooks::use_widget_lang;
use crate::widgets::shared::link::UrlLink;
use crate::widgets::shared::live::use_live_json;
use crate::widgets::shared::ErrorBox;

/// What the pledge widget tells its host (as DOM events).
#[derive(Clone, Debug, PartialEq)]
pub enum PledgesEvent {
    Ready {
        total_usd: f64,
    },
    Error {
        message: String,
    },
    /// A newer file arrived and the total changed.
    Update {
        total_usd: f64,
        previous_usd: f64,
    },
    LanguageChange {
        lang: Lang,
    },
}

#[derive(Properties, PartialEq, Clone)]
pub struct PledgesProps {
    /// URL of `p2c-pledges.json`, relative to the page.
    pub src: AttrValue,
    #[prop_or(Lang::En)]
    pub lang: Lang,
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
    #[prop_or_default]
    pub on_event: Callback<PledgesEvent>,
}

fn total_of(p: &Pledges) -> Option<f64> {
    summarize(p).total.and_then(|i| p.milestones.get(i)).and_then(|m| m.usd).map(|f| f.value)
}

/// The Partner2Connect pledge widget.
#[component]
pub fn PledgesWidget(props: &PledgesProps) -> Html {
    let (lang, on_lang) = {
        let on_event = props.on_event.clone();
        use_widget_lang(
            props.lang,
            props.link.version,
            Callback::from(move |lang| on_event.emit(PledgesEvent::LanguageChange { lang })),
        )
    };
    let has_src = !props.src.trim().is_empty();
    let live = use_live_json(
        has_src.then(|| props.src.clone()),
        props.src.clone(),
        props.refresh,
        Pledges::from_json,
    );
    let announcement = use_state(AttrValue::default);
    let previous_total = use_mut_ref(|| None::<f64>);
    {
        let on_event = props.on_event.clone();
        let announcement = announcement.clone();
        use_effect_with(
            (live.value.clone().map(PtrEq), live.error.clone().map(PtrEq)),
            move |(value, error)| {
                if let Some(PtrEq(p)) = value {
                    let total = total_of(p);
                    let before = *previous_total.borrow();
                    match (before, total) {
                        (None, Some(t)) => on_event.emit(PledgesEvent::Ready { total_usd: t }),
                        (Some(b), Some(t)) if b != t => {
                            on_event.emit(PledgesEvent::Update { total_usd: t, previous_usd: b });
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
                                        (
                                            "amount",
                                            &format!("+ {}", qualified(lang, Style::UsdCompact, a.usd)),
                                        ),
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
                if let Some(PtrEq(err)) = error {
                    on_event.emit(PledgesEvent::Error { message: err.to_string() });
                }
            },
        );
    }

    let s = strings(lang);
    let ps = pledge_strings(lang);
    let no_src = Error::new("<p2c-pledges>", "", ErrorKind::NoSource);
    let content = match (&live.value, &live.error) {
        (Some(p), _) => html! {
            <PledgesApp pledges={p.clone()} lang={lang} error={live.error.clone()}
                updated_at={live.updated_at} announcement={(*announcement).clone()} on_lang={on_lang}
                presenter={presenter(props.presenter)} link={props.link.clone()} sdg={props.sdg} />
        },
        (None, Some(err)) => html! {
            <ErrorBox heading={ps.error_heading} message={err.to_string()} retry_label={s.retry} />
        },
        (None, None) if !has_src => html! {
            <ErrorBox heading={ps.error_heading} message={no_src.to_string()} retry_label={s.retry} />
        },
        (None, None) => html! { <p class="status" role="status" data-testid="loading">{ s.loading }</p> },
    };
    html! {
        <WidgetRoot kind="pledges" testid="pledges" lang={lang} theme={props.theme}
            presenter={presenter(props.presenter)}>
            { content }
        </WidgetRoot>
    }
}

/// Compares by pointer, for effect dependencies on shared data.
#[derive(Debug)]
struct PtrEq<T>(Rc<T>);

impl<T> PartialEq for PtrEq<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
