//! Years side by side: the share of each year's sessions per Action Line and per SDG (counted
//! as the reader chose: recorded, or also via the matrix).

use std::rc::Rc;

use yew::prelude::*;

use crate::widgets::shared::data::use_widget_data;

use crate::model::forum::{action_line_shares, sdg_shares, Forum, SdgBasis};
use crate::ui::format::{plain, Style};
use crate::ui::i18n::forum_strings;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub forum: Rc<Forum>,
    pub basis: SdgBasis,
}

#[component]
pub fn Compare(props: &CompareProps) -> Html {
    let Some(data) = use_widget_data() else { return Html::default() };
    let fs = forum_strings(data.lang);
    // Worked out and drawn only once the reader opens the comparison: over 20 years of
    // sessions it is hundreds of cells and a pass over every session per year.
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::Element>() {
                open.set(details.has_attribute("open"));
            }
        })
    };
    let shares = use_memo(
        (props.forum.clone(), data.matrix.clone(), props.basis, *open),
        |(forum, matrix, basis, open)| {
            if !*open {
                return Vec::new();
            }
            let mut years: Vec<u16> = Vec::new();
            for s in &forum.sessions {
                if !years.contains(&s.year) {
                    years.push(s.year);
                }
            }
            years.sort_unstable();
            years
                .iter()
                .map(|y| (*y, action_line_shares(forum, *y), sdg_shares(forum, matrix, *y, *basis)))
                .collect::<Vec<_>>()
        },
    );
    let pct = |v: Option<&f64>| {
        v.filter(|v| **v > 0.0).map(|v| plain(data.lang, Style::Percent, *v)).unwrap_or_default()
    };
    let s = crate::ui::i18n::strings(data.lang);
    html! {
        <details class="compare" {ontoggle}>
            <summary>{ fs.compare }</summary>
            if *open {
            <div class="grid-wrap">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{ s.action_line }</th>
                            for (year, _, _) in shares.iter() { <th key={*year} scope="col">{ year.to_string() }</th> }
                        </tr>
                    </thead>
                    <tbody>
                        for (row, al) in data.matrix.action_lines.iter().enumerate() {
                            <tr key={al.id.clone()}>
                                <th scope="row">{ al.id.clone() }</th>
                                for (year, values, _) in shares.iter() {
                                    <td key={*year}>{ pct(values.get(row)) }</td>
                                }
                            </tr>
                        }
                    </tbody>
                </table>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{ s.sdg }</th>
                            for (year, _, _) in shares.iter() { <th key={*year} scope="col">{ year.to_string() }</th> }
                        </tr>
                    </thead>
                    <tbody>
                        for sdg in crate::model::Sdg::all() {
                            <tr key={sdg.number()}>
                                <th scope="row">{ s.sdg_label(&sdg.number().to_string()) }</th>
                                for (year, _, values) in shares.iter() {
                                    <td key={*year}>{ pct(values.get(sdg.index())) }</td>
                                }
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
            }
        </details>
    }
}
