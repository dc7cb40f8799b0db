//! Breakdowns of the pledges (by pledger type, region, …), each with its date.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::pledges::{Breakdown, Pledges};
use crate::model::Lang;
use crate::ui::format::{date, number, Style};
use crate::ui::i18n::{fill, pledge_strings, PledgeStrings};

use super::qualified;

#[derive(Properties, PartialEq)]
pub struct BreakdownsProps {
    pub pledges: Rc<Pledges>,
    pub lang: Lang,
}

fn dimension_title(s: &PledgeStrings, dimension: &str) -> String {
    match dimension {
        "stakeholder" => s.stakeholder.into(),
        "pledge_type" => s.pledge_type.into(),
        "pledger_region" => s.pledger_region.into(),
        "implementation_region" => s.implementation_region.into(),
        "ldc" => s.ldc.into(),
        other => other.replace('_', " "),
    }
}

fn breakdown(b: &Breakdown, lang: Lang, index: usize) -> Html {
    let s = pledge_strings(lang);
    let scale = b
        .total_pledges
        .or_else(|| b.categories.iter().filter_map(|c| c.pledges).reduce(f64::max))
        .unwrap_or(1.0)
        .max(1.0);
    let mut facts = vec![fill(s.as_of, &[("date", &date(lang, b.as_of))])];
    if let Some(t) = b.total_pledges {
        facts.push(fill(s.n_pledges.pick(lang, t), &[("n", &number(lang, Style::Integer, t))]));
    }
    if let Some(t) = b.total_usd {
        facts.push(number(lang, Style::UsdCompact, t));
    }
    html! {
        <section key={index} class="breakdown" data-testid={format!("breakdown-{}", b.dimension)}>
            <h4>{ dimension_title(s, &b.dimension) }</h4>
            <p class="muted">{ facts.join(" · ") }</p>
            <ul class="bars">
                for (j, c) in b.categories.iter().enumerate() {
                    <li key={j}>
                        <span class="bar-label" lang="en">{ c.label.clone() }</span>
                        if let Some(pledges) = c.pledges {
                            <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                                <rect x="0" y="0" height="10" width={format!("{:.2}", (pledges / scale * 100.0).clamp(0.0, 100.0))} />
                            </svg>
                        }
                        <span class="bar-value">
                            { c.pledges.map(|n| fill(s.n_pledges.pick(lang, n), &[("n", &number(lang, Style::Integer, n))])).unwrap_or_default() }
                            if c.pledges.is_some() && c.usd.is_some() { { " · " } }
                            { c.usd.map(|u| qualified(lang, Style::UsdCompact, u)).unwrap_or_default() }
                        </span>
                    </li>
                }
            </ul>
            if let Some(note) = &b.note { <p class="muted" lang="en">{ note.clone() }</p> }
        </section>
    }
}

#[component]
pub fn Breakdowns(props: &BreakdownsProps) -> Html {
    let s = pledge_strings(props.lang);
    if props.pledges.breakdowns.is_empty() {
        return Html::default();
    }
    html! {
        <section class="breakdowns" part="breakdowns">
            <h3>{ s.breakdowns }</h3>
            { for props.pledges.breakdowns.iter().enumerate().map(|(i, b)| breakdown(b, props.lang, i)) }
        </section>
    }
}
