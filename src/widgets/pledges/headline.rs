//! Total pledged, progress to the goal, counts, the newest announcement, and the stale badge.

use std::rc::Rc;

use yew::prelude::*;

use super::count_up::CountUp;
use super::qualified;
use crate::model::pledges::{Figure, Milestone, Pledges, PledgesSummary};
use crate::model::text::is_http_url;
use crate::model::{Error, Lang};
use crate::ui::format::{date, number, time_of_day, Style};
use crate::ui::i18n::{fill, pledge_strings};

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub pledges: Rc<Pledges>,
    pub summary: Rc<PledgesSummary>,
    pub lang: Lang,
    pub error: Option<Rc<Error>>,
    pub updated_at: Option<f64>,
    pub announcement: AttrValue,
}

fn source_links(p: &Pledges, ids: &[String]) -> Html {
    ids.iter()
        .filter_map(|id| p.source(id))
        .enumerate()
        .map(|(i, source)| {
            let gap = if i > 0 { ", " } else { "" };
            let label = source.id.clone();
            match source.url.as_deref().filter(|u| is_http_url(u)) {
                Some(url) => html! {
                    <span key={label.clone()}>{ gap }<a href={url.to_owned()} target="_blank" rel="noopener noreferrer"
                        title={source.title.clone()}>{ label }</a></span>
                },
                None => html! { <span key={label.clone()} title={source.title.clone()}>{ gap }{ label }</span> },
            }
        })
        .collect()
}

#[component]
pub fn Headline(props: &HeadlineProps) -> Html {
    let lang = props.lang;
    let s = pledge_strings(lang);
    let p = &props.pledges;
    let milestone = |i: Option<usize>| -> Option<&Milestone> { i.and_then(|i| p.milestones.get(i)) };
    let total = milestone(props.summary.total);
    let count = |label: &'static str, index: Option<usize>, pick: fn(&Milestone) -> Option<Figure>| {
        let m = milestone(index)?;
        let figure = pick(m)?;
        Some(html! {
            <div class="count">
                <dt>{ label }</dt>
                <dd>
                    <strong>{ qualified(lang, Style::Integer, figure) }</strong>
                    <span class="muted">{ format!(" {}", fill(s.as_of, &[("date", &date(lang, m.date))])) }</span>
                </dd>
            </div>
        })
    };
    let goal = number(lang, Style::UsdCompact, p.goal_usd);
    let pct = number(lang, Style::Percent, props.summary.progress);
    let stale = props.error.as_ref().map(|err| {
        let since = props.updated_at.map(|t| time_of_day(lang, t)).unwrap_or_else(|| "—".into());
        html! {
            <p class="badge stale" role="status" title={err.to_string()}>
                { fill(s.stale, &[("time", &since)]) }
            </p>
        }
    });
    let newest = props.summary.newest_announcement.and_then(|i| p.announcements.get(i)).map(|a| {
        html! {
            <p class="newest" data-testid="newest">
                <span class="label">{ format!("{}: ", s.newest) }</span>
                <strong>{ format!("+ {}", qualified(lang, Style::UsdCompact, a.usd)) }</strong>
                { " — " }<span lang="en">{ format!("{}, {}", a.pledger, a.event) }</span>
                <span class="muted">{ format!(" ({})", date(lang, a.date)) }</span>
            </p>
        }
    });
    html! {
        <section class="headline" part="headline" aria-labelledby="p2c-total-label">
            <p id="p2c-total-label" class="label">{ s.total_pledged }</p>
            if let Some(m) = total {
                if let Some(figure) = m.usd {
                    <p class="total"><CountUp figure={figure} lang={lang} style={Style::UsdCompact} /></p>
                    <p class="full muted" data-testid="total-full">
                        { qualified(lang, Style::UsdFull, Figure { value: figure.value, qualifier: figure.qualifier }) }
                    </p>
                    <p class="as-of" data-testid="as-of">
                        { fill(s.as_of, &[("date", &date(lang, m.date))]) }
                        { " · " }<span lang="en">{ m.event.clone() }</span>{ " · " }
                        { source_links(p, &m.sources) }
                    </p>
                }
            }
            { stale }
            <div class="progress">
                <progress max="1" value={props.summary.progress.to_string()}
                    aria-labelledby="p2c-progress-text"></progress>
                <p id="p2c-progress-text">
                    { fill(s.of_goal, &[("pct", &pct), ("goal", &goal), ("date", &date(lang, p.goal_by))]) }
                </p>
            </div>
            <dl class="counts">
                { count(s.pledges, props.summary.pledges, |m| m.pledges) }
                { count(s.entities, props.summary.entities, |m| m.entities) }
                { count(s.countries, props.summary.countries, |m| m.countries) }
            </dl>
            { newest }
            <p class="sr-only" aria-live="polite" data-testid="live-region">{ props.announcement.clone() }</p>
        </section>
    }
}
