//! Presenter slide: one Action Line, its facilitators, and each SDG it links to with the
//! cited targets and the rationale.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Lang, Matrix, SdgCatalog};
use crate::ui::format::integer;
use crate::ui::i18n::strings;
use crate::widgets::shared::labels::action_line_title;

#[derive(Properties, PartialEq)]
pub struct ActionLineSlideProps {
    pub matrix: Rc<Matrix>,
    pub catalog: Rc<SdgCatalog>,
    pub lang: Lang,
    /// Row index of the Action Line.
    pub row: usize,
}

/// Above this many SDGs the list goes into two columns so a slide never scrolls.
const ONE_COLUMN_MAX: usize = 7;

#[component]
pub fn ActionLineSlide(props: &ActionLineSlideProps) -> Html {
    let s = strings(props.lang);
    let lang = props.lang;
    let Some(al) = props.matrix.action_lines.get(props.row) else {
        return Html::default();
    };
    let links: Vec<_> = props.matrix.links.iter().filter(|l| l.action_line == props.row).collect();
    // One line for both roles: every line counts on a 720-pixel-high projector.
    let facilitators = [(s.lead_facilitator, &al.lead), (s.co_facilitators, &al.co)]
        .into_iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(label, names)| format!("{label}: {}", names.join(", ")))
        .collect::<Vec<_>>()
        .join(" · ");
    html! {
        <section class="slide action-line-slide" data-action-line={al.id.clone()}>
            <div class="slide-head">
                <h2><span class="code">{ al.code().to_owned() }</span>{ " " }{ action_line_title(al, lang, None) }</h2>
            </div>
            if !facilitators.is_empty() { <p class="slide-meta">{ facilitators }</p> }
            <ul class={classes!("slide-links", (links.len() > ONE_COLUMN_MAX).then_some("two"))}>
                for link in links.iter() {
                    <li key={link.sdg.number()} class="slide-link">
                        <span class={classes!("tile", format!("sdg-{}", link.sdg.number()))}>{ integer(lang, usize::from(link.sdg.number())) }</span>
                        <p>
                            <strong lang={props.catalog.lang.code()}>{ props.catalog.goal(link.sdg).map(|g| g.short.clone()).unwrap_or_default() }</strong>
                            if !link.targets.is_empty() {
                                { " · " }<bdi class="slide-targets" dir="ltr">{ link.targets.join(", ") }</bdi>
                            }
                            if let Some(rationale) = &link.rationale {
                                { " — " }<span lang="en">{ rationale.clone() }</span>
                            }
                        </p>
                    </li>
                }
            </ul>
        </section>
    }
}
