//! The selected year's theme, dates and the headline figures that are known, with sources.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::forum::Forum;
use crate::model::pledges::Qualifier;
use crate::model::Lang;
use crate::ui::format::{plain, Style};
use crate::ui::i18n::{fill, forum_strings, pledge_strings};

#[derive(Properties, PartialEq)]
pub struct YearSummaryProps {
    pub forum: Rc<Forum>,
    pub year: Option<u16>,
    pub lang: Lang,
}

#[component]
pub fn YearSummary(props: &YearSummaryProps) -> Html {
    let Some(y) = props.year.and_then(|year| props.forum.years.iter().find(|y| y.year == year)) else {
        return Html::default();
    };
    let fs = forum_strings(props.lang);
    let ps = pledge_strings(props.lang);
    let label = |name: &str| -> String {
        match name {
            "sessions" => fs.sessions.into(),
            "participants" => fs.participants.into(),
            "countries" => ps.countries.into(),
            other => other.to_owned(),
        }
    };
    html! {
        <section class="year-summary">
            <h3>{ y.year.to_string() }</h3>
            if let Some(theme) = &y.theme { <p lang="en"><strong>{ theme.clone() }</strong></p> }
            <p class="muted" lang="en">{ [y.dates.clone(), y.format.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ") }</p>
            <dl class="counts">
                for f in y.figures.iter() {
                    <div key={f.name.clone()} class="count">
                        <dt>{ label(&f.name) }</dt>
                        <dd>
                            <strong>{ {
                                let x = plain(props.lang, Style::Integer, f.figure.value);
                                match f.figure.qualifier {
                                    Qualifier::Exact => x,
                                    Qualifier::Over => fill(ps.over, &[("x", &x)]),
                                    Qualifier::About => fill(ps.about, &[("x", &x)]),
                                }
                            } }</strong>
                            if let Some(note) = &f.note { <span class="muted" lang="en">{ format!(" ({note})") }</span> }
                            <span class="muted">{ format!(" [{}]", f.sources.join(", ")) }</span>
                        </dd>
                    </div>
                }
            </dl>
        </section>
    }
}
