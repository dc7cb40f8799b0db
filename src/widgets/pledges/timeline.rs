//! The total over time: dated points (no line between them: nothing is known in between), the
//! goal line, a value axis, and one milestone at a time told in words (event, date, amount),
//! stepped through with two buttons or picked on the chart; the same figures as a table.
//!
//! Everything is placed in percentages of the plot (`model::pledges::timeline_layout`), so the
//! chart fills whatever width it has, its texts keep their size, and a server renders it the
//! same as the browser. Texts stay horizontal; the only label near a point is its value.

use std::rc::Rc;

use yew::prelude::*;

use super::qualified;
use crate::model::pledges::{timeline_layout, Pledges};
use crate::model::Lang;
use crate::ui::format::{date, number, year, Style};
use crate::ui::i18n::pledge_strings;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub pledges: Rc<Pledges>,
    pub lang: Lang,
}

/// `0.25` → `"25%"`, mirrored for right-to-left languages (time runs from the right).
fn pct(fraction: f64) -> String {
    format!("{:.2}%", fraction * 100.0)
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let rtl = lang.dir() == "rtl";
    let s = pledge_strings(lang);
    let p = &props.pledges;
    let layout = use_memo(props.pledges.clone(), |p| timeline_layout(p));
    // The picked point (at the ends the buttons stay focusable, marked disabled, and do nothing) (an index into `layout.points`); none picked means the latest.
    let picked = use_state(|| None::<usize>);
    let last = layout.points.len().saturating_sub(1);
    let current = picked.unwrap_or(last).min(last);
    let x = |f: f64| pct(if rtl { 1.0 - f } else { f });
    let top_label = |v: f64| s.usd.replace("{x}", &number(lang, Style::Compact, v));
    // Axis labels sit at the start edge, above their line; in RTL at the right edge.
    let start_x = if rtl { "100%" } else { "0" };
    let end_x = if rtl { "0" } else { "100%" };
    let step = |to: usize| {
        let picked = picked.clone();
        Callback::from(move |_: MouseEvent| picked.set(Some(to)))
    };
    let selected = layout.points.get(current).copied();
    let milestone = selected.and_then(|pt| p.milestones.get(pt.milestone));
    let value_label = selected.zip(milestone.and_then(|m| m.usd)).map(|(pt, usd)| {
        // Beside the point, on the side with more room, so it stays inside the chart.
        let towards_start = pt.x > 0.7;
        let anchor = if towards_start { "end" } else { "start" };
        let dx = if towards_start != rtl { "-10" } else { "10" };
        html! {
            <text class="value-label" x={x(pt.x)} y={pct(pt.y)} dx={dx} dy="0.35em" text-anchor={anchor}
                data-testid="value-label">{ number(lang, Style::Compact, usd.value) }</text>
        }
    });
    let ticks = layout.ticks.len();

    html! {
        <section class="timeline" part="timeline">
            <h3>{ s.timeline }</h3>
            <figure>
                <div class="plot-wrap">
                    <svg class="plot" role="img" aria-labelledby="p2c-timeline-title">
                        <title id="p2c-timeline-title">{ s.timeline }</title>
                        for band in layout.years.iter().skip(1) {
                            <line key={format!("y{}", band.year)} class="year-line" x1={x(band.from)} x2={x(band.from)} y1="0" y2="100%" />
                        }
                        for (i, v) in layout.ticks.iter().copied().enumerate() {
                            <g key={format!("t{i}")}>
                                <line class={if i == 0 { "axis" } else { "grid" }} x1="0" x2="100%"
                                    y1={pct(layout.y(v))} y2={pct(layout.y(v))} />
                                <text class="tick-label" data-testid="tick-label" x={start_x} y={pct(layout.y(v))} dy="-4"
                                    text-anchor="start">
                                    { if i + 1 == ticks { top_label(v) } else { number(lang, Style::Compact, v) } }
                                </text>
                            </g>
                        }
                        // Each year named at its first day; the first one from the axis start.
                        for band in layout.years.iter() {
                            <text key={format!("l{}", band.year)} class="year-label" data-testid="year-label"
                                x={x(band.from)} y="100%" dy="1.3em"
                                text-anchor={if band.from > 0.0 { "middle" } else { "start" }}>
                                { year(lang, band.year) }
                            </text>
                        }
                        <line class="goal-line" x1="0" x2="100%" y1={pct(layout.goal_y)} y2={pct(layout.goal_y)}
                            data-testid="goal-line" />
                        <text class="goal-label" data-testid="goal-label" x={end_x} y={pct(layout.goal_y)} dy="1.25em"
                            text-anchor="end">
                            { format!("{} {}", s.goal, number(lang, Style::UsdCompact, p.goal_usd)) }
                        </text>
                        if let Some(pt) = selected {
                            <line class="focus-line" x1={x(pt.x)} x2={x(pt.x)} y1={pct(pt.y)} y2="100%" />
                        }
                        for (i, pt) in layout.points.iter().copied().enumerate() {
                            <g key={i} class={classes!("point", (i == current).then_some("selected"))}
                                data-testid="timeline-point" onclick={step(i)}>
                                <circle class="hit" cx={x(pt.x)} cy={pct(pt.y)} r="12" />
                                <circle class="dot" cx={x(pt.x)} cy={pct(pt.y)} r={if i == current { "7" } else { "5" }}>
                                    <title>{ p.milestones.get(pt.milestone).map(|m| format!("{} — {}", date(lang, m.date), m.event)).unwrap_or_default() }</title>
                                </circle>
                            </g>
                        }
                        { value_label.unwrap_or_default() }
                    </svg>
                </div>
                <figcaption class="milestone-nav">
                    <button type="button" class="step" aria-label={s.earlier} title={s.earlier}
                        aria-disabled={(current == 0).then_some("true")} onclick={step(current.saturating_sub(1))}>{ "‹" }</button>
                    <p class="milestone" aria-live="polite" data-testid="milestone">
                        if let Some(m) = milestone {<>
                            <span class="event" lang="en">{ m.event.clone() }</span>
                            <span class="sr-only">{ ", " }</span>
                            <span class="when">{ date(lang, m.date) }</span>
                            <span class="sr-only">{ ", " }</span>
                            <strong class="amount">{ m.usd.map(|u| qualified(lang, Style::UsdCompact, u)).unwrap_or_default() }</strong>
                        </>}
                    </p>
                    <button type="button" class="step" aria-label={s.later} title={s.later}
                        aria-disabled={(current >= last).then_some("true")} onclick={step((current + 1).min(last))}>{ "›" }</button>
                </figcaption>
            </figure>
            <details>
                <summary>{ s.table }</summary>
                <table class="data-table">
                    <thead><tr><th scope="col">{ s.date }</th><th scope="col">{ s.event }</th><th scope="col">{ s.total_pledged }</th></tr></thead>
                    <tbody>
                        for pt in layout.points.iter() {
                            if let Some(m) = p.milestones.get(pt.milestone) {
                                <tr key={pt.milestone}>
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
