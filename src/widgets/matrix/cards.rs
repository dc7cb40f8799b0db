//! The narrow-container form: one disclosure per row, listing its matching links.

use std::rc::Rc;

use yew::prelude::*;

use crate::widgets::shared::data::use_widget_data;

use super::grid::popover_id;
use super::state::Orientation;
use crate::model::MatrixView;
use crate::ui::format::integer;
use crate::widgets::shared::labels::{action_line_label, sdg_label};
use crate::widgets::shared::use_static_render;

#[derive(Properties, PartialEq)]
pub struct CardsProps {
    pub view: Rc<MatrixView>,
    pub orientation: Orientation,
    pub open: Option<usize>,
    pub on_open: Callback<(usize, Option<(usize, usize)>)>,
}

#[component]
pub fn Cards(props: &CardsProps) -> Html {
    let Some(data) = use_widget_data() else { return Html::default() };
    let pre_rendered = use_static_render();
    let lang = data.lang;
    let needle = props.view.needle.as_ref();
    let matrix = &data.matrix;
    let catalog = &data.catalog;
    let link_button = |link: usize, label: Html| -> Html {
        let on_open = props.on_open.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_open.emit((link, None)));
        let pressed = (props.open == Some(link)).to_string();
        if pre_rendered {
            return html! {
                <li key={link}>
                    <button type="button" popovertarget={popover_id(link)}>{ label }</button>
                </li>
            };
        }
        html! {
            <li key={link}>
                <button type="button" aria-pressed={pressed} {onclick}>{ label }</button>
            </li>
        }
    };

    let groups: Vec<Html> = if props.orientation == Orientation::ActionLinesBySdgs {
        props
            .view
            .rows
            .iter()
            .filter_map(|&row| {
                let al = matrix.action_lines.get(row)?;
                let links: Vec<usize> = props
                    .view
                    .shown_links
                    .iter()
                    .copied()
                    .filter(|l| matrix.links.get(*l).is_some_and(|link| link.action_line == row))
                    .filter(|l| {
                        matrix.links.get(*l).is_some_and(|link| props.view.sdg_position(link.sdg).is_some())
                    })
                    .collect();
                let items = links.iter().filter_map(|&l| {
                    let link = matrix.links.get(l)?;
                    Some(link_button(l, sdg_label(link.sdg, catalog, lang, needle)))
                });
                Some(html! {
                    <li key={al.id.clone()}>
                        <details>
                            <summary>
                                { action_line_label(al, lang, needle) }
                                <span class="count">{ format!(" ({})", integer(lang, links.len())) }</span>
                            </summary>
                            <ul class="links">{ for items }</ul>
                        </details>
                    </li>
                })
            })
            .collect()
    } else {
        props
            .view
            .sdgs
            .iter()
            .map(|&sdg| {
                let links: Vec<usize> = props
                    .view
                    .shown_links
                    .iter()
                    .copied()
                    .filter(|l| matrix.links.get(*l).is_some_and(|link| link.sdg == sdg))
                    .collect();
                let items = links.iter().filter_map(|&l| {
                    let link = matrix.links.get(l)?;
                    let al = matrix.action_lines.get(link.action_line)?;
                    Some(link_button(l, action_line_label(al, lang, needle)))
                });
                html! {
                    <li key={format!("sdg-{}", sdg.number())}>
                        <details>
                            <summary>
                                { sdg_label(sdg, catalog, lang, needle) }
                                <span class="count">{ format!(" ({})", integer(lang, links.len())) }</span>
                            </summary>
                            <ul class="links">{ for items }</ul>
                        </details>
                    </li>
                }
            })
            .collect()
    };

    // Named like the grid it stands in for, so a screen reader says what the list is.
    html! { <ul class="cards" aria-label={crate::ui::i18n::strings(lang).matrix_title}>{ for groups }</ul> }
}
