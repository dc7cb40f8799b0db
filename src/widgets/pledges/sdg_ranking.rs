//! Which SDGs the pledges target: the sources give a ranking only, so this says where a
//! selected SDG stands in it, or that nothing is published for it.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::pledges::Pledges;
use crate::model::{Lang, Sdg};
use crate::ui::format::{date, integer};
use crate::ui::i18n::{fill, pledge_strings, strings};

#[derive(Properties, PartialEq)]
pub struct SdgRankingProps {
    pub pledges: Rc<Pledges>,
    pub lang: Lang,
    /// An SDG selected in a linked widget or by the host page.
    #[prop_or_default]
    pub sdg: Option<Sdg>,
}

#[component]
pub fn SdgRankingPanel(props: &SdgRankingProps) -> Html {
    let Some(ranking) = &props.pledges.sdg_ranking else {
        return Html::default();
    };
    let lang = props.lang;
    let s = strings(lang);
    let ps = pledge_strings(lang);
    let year = ranking.year.to_string();
    let sdg_name = |sdg: Sdg| s.sdg_label(&integer(lang, usize::from(sdg.number())));
    let selected = props.sdg.map(|sdg| match ranking.rank(sdg) {
        Some(rank) => {
            fill(ps.sdg_ranked, &[("sdg", &sdg_name(sdg)), ("rank", &integer(lang, rank)), ("year", &year)])
        }
        None => fill(ps.sdg_not_ranked, &[("sdg", &sdg_name(sdg)), ("year", &year)]),
    });
    html! {
        <section class="sdg-ranking">
            <h4>{ fill(ps.sdg_ranking, &[("year", &year)]) }</h4>
            <ol class="ranking">
                for (i, sdg) in ranking.top.iter().enumerate() {
                    <li key={sdg.number()} class={classes!((props.sdg == Some(*sdg)).then_some("selected"))}>
                        <span class={classes!("tile", format!("sdg-{}", sdg.number()))}>{ integer(lang, i + 1) }</span>
                        { sdg_name(*sdg) }
                    </li>
                }
            </ol>
            if let Some(text) = selected {
                <p class="note" role="status">{ text }</p>
            }
            <p class="muted">
                { ps.ranking_only }{ " " }
                { fill(ps.as_of, &[("date", &date(lang, ranking.as_of))]) }
                { format!(" [{}]", ranking.sources.join(", ")) }
            </p>
        </section>
    }
}
