//! Presenter slide: one forum year, its headline figures and the sessions per Action Line
//! and SDG, at projector size.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::forum::{compute_forum_view, Forum, ForumQuery, SdgBasis};
use crate::model::pledges::Qualifier;
use crate::model::{Lang, Matrix, Sdg, SdgCatalog};
use crate::ui::format::{integer, plain, Style};
use crate::ui::i18n::{fill, forum_strings, pledge_strings};
use crate::widgets::shared::labels::slide_sdg_head;

#[derive(Properties, PartialEq)]
pub struct ForumSlideProps {
    pub forum: Rc<Forum>,
    pub matrix: Rc<Matrix>,
    pub catalog: Rc<SdgCatalog>,
    pub lang: Lang,
    /// `None`: the latest year in the file.
    pub year: Option<u16>,
}

/// Recorded SDG tags are rare in public records, so the slide counts SDGs via the matrix
/// too, and says so.
#[component]
pub fn ForumSlide(props: &ForumSlideProps) -> Html {
    let lang = props.lang;
    let fs = forum_strings(lang);
    let ps = pledge_strings(lang);
    let year = props.year.or_else(|| props.forum.years.iter().map(|y| y.year).max());
    let view = use_memo((props.forum.clone(), props.matrix.clone(), year), |(forum, matrix, year)| {
        let query =
            ForumQuery { year: *year, basis: SdgBasis::RecordedAndViaMatrix, ..ForumQuery::default() };
        compute_forum_view(forum, matrix, &query)
    });
    let info = year.and_then(|y| props.forum.years.iter().find(|f| f.year == y));
    let figures = info.map(|y| {
        y.figures
            .iter()
            .map(|f| {
                let label = match f.name.as_str() {
                    "sessions" => fs.sessions,
                    "participants" => fs.participants,
                    "countries" => fs.countries,
                    other => other,
                };
                let x = plain(lang, Style::Integer, f.figure.value);
                let value = match f.figure.qualifier {
                    Qualifier::Exact => x,
                    Qualifier::Over => fill(ps.over, &[("x", &x)]),
                    Qualifier::About => fill(ps.about, &[("x", &x)]),
                };
                html! { <div key={f.name.clone()}><dt>{ label }</dt><dd>{ value }</dd></div> }
            })
            .collect::<Html>()
    });
    let max = view.counts.iter().copied().max().unwrap_or(0).max(1);
    let level = |n: u32| if n == 0 { 0 } else { 1 + (n * 4).div_ceil(max).min(4) };
    html! {
        <section class="slide forum-slide">
            <div class="slide-head">
                <h2>{ format!("WSIS Forum {}", year.map(|y| y.to_string()).unwrap_or_default()) }</h2>
                if let Some(theme) = info.and_then(|y| y.theme.clone()) { <p class="slide-meta" lang="en">{ theme }</p> }
            </div>
            <dl class="slide-figures">
                <div><dt>{ fs.sessions }</dt><dd>{ integer(lang, view.sessions.len()) }</dd></div>
                { figures }
            </dl>
            <p class="slide-meta">{ format!("{}: {}", fs.sdg_basis, fs.recorded_and_via) }</p>
            <table class="slide-grid heat">
                { slide_sdg_head(&props.catalog, lang) }
                <tbody>
                    for (row, al) in props.matrix.action_lines.iter().enumerate() {
                        <tr key={al.id.clone()}>
                            <th scope="row" dir="ltr">{ al.code().to_owned() }</th>
                            for sdg in Sdg::all() {
                                { {
                                    let n = view.count(row, sdg);
                                    html! {
                                        <td key={sdg.number()} class={classes!("heat-cell", format!("heat-{}", level(n)))}>
                                            if n > 0 { { integer(lang, n as usize) } }
                                        </td>
                                    }
                                } }
                            }
                        </tr>
                    }
                </tbody>
            </table>
        </section>
    }
}
