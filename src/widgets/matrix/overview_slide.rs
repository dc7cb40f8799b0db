//! Presenter slide: the whole matrix at projector size, Action Line codes × SDG numbers.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Lang, Matrix, Sdg, SdgCatalog};
use crate::ui::i18n::strings;
use crate::widgets::shared::labels::slide_sdg_head;

#[derive(Properties, PartialEq)]
pub struct OverviewSlideProps {
    pub matrix: Rc<Matrix>,
    pub catalog: Rc<SdgCatalog>,
    pub lang: Lang,
}

/// Full titles would not fit 18 rows on a projector: rows show codes, columns numbers, and
/// the titles go to screen readers.
#[component]
pub fn OverviewSlide(props: &OverviewSlideProps) -> Html {
    let s = strings(props.lang);
    let lang = props.lang;
    let linked = use_memo(props.matrix.clone(), |m| {
        let mut cells = vec![false; m.action_lines.len() * Sdg::COUNT];
        for link in &m.links {
            if let Some(cell) = cells.get_mut(link.action_line * Sdg::COUNT + link.sdg.index()) {
                *cell = true;
            }
        }
        cells
    });
    let count = s.count(lang, props.matrix.links.len(), props.matrix.links.len());
    html! {
        <section class="slide overview-slide">
            <div class="slide-head">
                <h2>{ s.matrix_title }</h2>
                <p class="slide-meta">{ count }</p>
            </div>
            <table class="slide-grid">
                { slide_sdg_head(&props.catalog, lang) }
                <tbody>
                    for (row, al) in props.matrix.action_lines.iter().enumerate() {
                        <tr key={al.id.clone()}>
                            <th scope="row" dir="ltr">{ al.code().to_owned() }
                                <span class="sr-only" lang={al.title.get(lang).1.code()}>{ format!(" {}", al.title.get(lang).0) }</span>
                            </th>
                            for sdg in Sdg::all() {
                                if linked.get(row * Sdg::COUNT + sdg.index()).copied().unwrap_or(false) {
                                    <td key={sdg.number()} class={classes!("dot-cell", format!("sdg-{}", sdg.number()))}>
                                        <span class="dot" aria-hidden="true"></span>
                                        <span class="sr-only">{ s.linked }</span>
                                    </td>
                                } else {
                                    <td key={sdg.number()}></td>
                                }
                            }
                        </tr>
                    }
                </tbody>
            </table>
        </section>
    }
}
