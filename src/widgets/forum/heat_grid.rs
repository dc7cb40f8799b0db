//! Sessions per Action Line × SDG: counts as text, shading as a second cue. When SDGs also count
//! via the matrix, a cell's sessions that record the SDG themselves are marked apart (● n).

use std::rc::Rc;

use yew::prelude::*;

use crate::widgets::shared::data::use_widget_data;

use crate::model::forum::{ForumView, SdgBasis};
use crate::model::Sdg;
use crate::ui::format::integer;
use crate::ui::i18n::{fill, forum_strings, strings};
use crate::widgets::shared::delegate::{source_data, source_element};
use crate::widgets::shared::labels::{action_line_label, sdg_head};

#[derive(Properties, PartialEq)]
pub struct HeatGridProps {
    pub view: Rc<ForumView>,
    pub basis: SdgBasis,
    pub selected: Option<(usize, Sdg)>,
    pub on_cell: Callback<(usize, Sdg)>,
}

#[component]
pub fn HeatGrid(props: &HeatGridProps) -> Html {
    let Some(data) = use_widget_data() else { return Html::default() };
    let s = strings(data.lang);
    let fs = forum_strings(data.lang);
    let lang = data.lang;
    let via = props.basis == SdgBasis::RecordedAndViaMatrix;
    let max = props.view.counts.iter().copied().max().unwrap_or(0).max(1);
    let level = |n: u32| if n == 0 { 0 } else { 1 + (n * 4).div_ceil(max).min(4) };
    // One listener for the whole grid (not one closure per cell): the cell says where it is.
    let onclick = {
        let on_cell = props.on_cell.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(button) = source_element(&e, "button[data-row]") {
                let row = source_data::<usize>(&button, "data-row");
                let sdg = source_data::<i64>(&button, "data-sdg").and_then(Sdg::new);
                if let (Some(row), Some(sdg)) = (row, sdg) {
                    on_cell.emit((row, sdg));
                }
            }
        })
    };
    html! {
        <section class="heat" part="grid">
            <h3>{ fs.heat_grid }</h3>
            <div class="grid-wrap">
                <table class="grid heat-grid" aria-label={fs.heat_grid} {onclick}>
                    <thead>
                        <tr>
                            <th class="corner" scope="col">{ format!("{} \\ {}", s.action_line, s.sdg) }</th>
                            for sdg in Sdg::all() {
                                <th key={sdg.number()} scope="col">{ sdg_head(sdg, &data.catalog, lang, None) }</th>
                            }
                            <th scope="col" class="total">{ s.total }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for (row, al) in data.matrix.action_lines.iter().enumerate() {
                            <tr key={al.id.clone()}>
                                <th scope="row">{ action_line_label(al, lang, None) }</th>
                                for sdg in Sdg::all() {
                                    { {
                                        let n = props.view.count(row, sdg);
                                        let selected = props.selected == Some((row, sdg));
                                        let recorded = if via { props.view.recorded_count(row, sdg) } else { 0 };
                                        html! {
                                            <td key={sdg.number()} class={classes!("heat-cell", format!("heat-{}", level(n)), selected.then_some("open"))}
                                                data-testid={format!("heat-{}-{}", al.id, sdg.number())}>
                                                if n > 0 {
                                                    <button type="button" class="heat-button" data-row={row.to_string()}
                                                        data-sdg={sdg.number().to_string()}
                                                        aria-pressed={selected.to_string()}>
                                                        { integer(lang, n as usize) }
                                                        if recorded > 0 {
                                                            <span class="recorded-mark" aria-hidden="true">{ format!("●{}", integer(lang, recorded as usize)) }</span>
                                                            <span class="sr-only">
                                                                { format!(", {}", fill(fs.n_recorded.pick(lang, f64::from(recorded)), &[("n", &integer(lang, recorded as usize))])) }
                                                            </span>
                                                        }
                                                    </button>
                                                }
                                            </td>
                                        }
                                    } }
                                }
                                <td class="total">{ integer(lang, props.view.row_totals.get(row).copied().unwrap_or(0) as usize) }</td>
                            </tr>
                        }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{ s.total }</th>
                            for sdg in Sdg::all() {
                                <td key={sdg.number()} class="total">
                                    { integer(lang, props.view.sdg_totals.get(sdg.index()).copied().unwrap_or(0) as usize) }
                                </td>
                            }
                            <td class="total">{ integer(lang, props.view.sessions.len()) }</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <p class="legend">{ if via { fs.legend_via } else { fs.legend_recorded_only } }</p>
        </section>
    }
}
