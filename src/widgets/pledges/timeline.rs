//! The total over time: dated points (no line between them: nothing is known in between),
//! the goal line, and the same figures as a table.

use std::rc::Rc;

use yew::prelude::*;

use super::qualified;
use crate::model::pledges::Pledges;
use crate::model::Lang;
use crate::ui::format::{date, number, Style};
use crate::ui::i18n::pledge_strings;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub pledges: Rc<Pledges>,
    pub lang: Lang,
}

const W: f64 = 720.0;
const H: f64 = 420.0;
const LEFT: f64 = 150.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 24.0;
/// Room under the axis for the years and the slanted event labels.
const BOTTOM: f64 = 150.0;
const LABEL_CHARS: usize = 30;

/// An event name short enough to stand under the axis (the full name is in the table).
fn short(event: &str) -> String {
    if event.chars().count() <= LABEL_CHARS {
        event.to_owned()
    } else {
        format!("{}…", event.chars().take(LABEL_CHARS - 1).collect::<String>().trim_end())
    }
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let s = pledge_strings(lang);
    let p = &props.pledges;
    let points: Vec<(usize, f64, f64)> = p
        .milestones
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.usd.map(|u| (i, m.date.days_since_epoch() as f64, u.value)))
        .collect();
    let first_day = points.iter().map(|(_, d, _)| *d).fold(f64::INFINITY, f64::min);
    let last_day =
        (p.goal_by.days_since_epoch() as f64).max(points.iter().map(|(_, d, _)| *d).fold(0.0, f64::max));
    let top = points.iter().map(|(_, _, v)| *v).fold(p.goal_usd, f64::max).max(1.0);
    let span = (last_day - first_day).max(1.0);
    let x = |day: f64| LEFT + (day - first_day) / span * (W - LEFT - RIGHT);
    let y = |usd: f64| H - BOTTOM - usd / top * (H - TOP - BOTTOM);
    let billions = |usd: f64| number(lang, Style::Integer, (usd / 1e9).round());
    let years: Vec<i32> = p
        .milestones
        .first()
        .map(|m| (i32::from(m.date.year)..=i32::from(p.goal_by.year)).collect())
        .unwrap_or_default();
    let year_day = |year: i32| {
        crate::model::date::Date { year: u16::try_from(year).unwrap_or(2000), month: 1, day: Some(1) }
            .days_since_epoch() as f64
    };
    let goal_y = y(p.goal_usd);
    let goal_label = format!("{} {}", s.goal, number(lang, Style::UsdCompact, p.goal_usd));

    html! {
        <section class="timeline" part="timeline">
            <h3>{ s.timeline }</h3>
            <figure>
                <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-labelledby="p2c-timeline-title"
                    preserveAspectRatio="xMidYMid meet">
                    <title id="p2c-timeline-title">{ s.timeline }</title>
                    <line class="axis" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()}
                        y1={(H - BOTTOM).to_string()} y2={(H - BOTTOM).to_string()} />
                    for year in years.iter().copied().filter(|yr| year_day(*yr) >= first_day) {
                        <g key={year}>
                            <line class="tick" x1={x(year_day(year)).to_string()} x2={x(year_day(year)).to_string()}
                                y1={(H - BOTTOM).to_string()} y2={(H - BOTTOM + 5.0).to_string()} />
                            <text class="tick-label" x={x(year_day(year)).to_string()} y={(H - BOTTOM + 18.0).to_string()}
                                text-anchor="middle">{ year.to_string() }</text>
                        </g>
                    }
                    <line class="goal-line" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()}
                        y1={goal_y.to_string()} y2={goal_y.to_string()} data-testid="goal-line" />
                    <text class="goal-label" x={(W - RIGHT).to_string()} y={(goal_y - 6.0).to_string()}
                        text-anchor="end">{ goal_label }</text>
                    for (i, day, usd) in points.iter().copied() {
                        <g key={i} class="point" data-testid="timeline-point">
                            <circle cx={x(day).to_string()} cy={y(usd).to_string()} r="5">
                                <title>{ p.milestones.get(i).map(|m| format!("{} — {}", date(lang, m.date), m.event)).unwrap_or_default() }</title>
                            </circle>
                            <text class="point-label" x={x(day).to_string()} y={(y(usd) - 10.0).to_string()}
                                text-anchor="middle">{ billions(usd) }</text>
                            <text class="event-label" lang="en" text-anchor="end" data-testid="event-label"
                                transform={format!("translate({:.1} {:.1}) rotate(-40)", x(day), H - BOTTOM + 32.0)}>
                                { p.milestones.get(i).map(|m| short(&m.event)).unwrap_or_default() }
                            </text>
                        </g>
                    }
                </svg>
                <figcaption class="muted">{ "USD bn" }</figcaption>
            </figure>
            <details>
                <summary>{ s.table }</summary>
                <table class="data-table">
                    <thead><tr><th scope="col">{ s.date }</th><th scope="col">{ s.event }</th><th scope="col">{ s.total_pledged }</th></tr></thead>
                    <tbody>
                        for (i, _, _) in points.iter().copied() {
                            if let Some(m) = p.milestones.get(i) {
                                <tr key={i}>
                                    <td>{ date(lang, m.date) }</td>
                                    <td lang="en">{ m.event.clone() }</td>
                                    <td>{ m.usd.map(|u| qualified(lang, Style::UsdCompact, u)).unwrap_or_default() }</td>
                                </tr>
                            }
                        }
                    </tbody>
                </table>
            </details>
        </section>
    }
}
