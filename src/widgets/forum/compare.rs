//! Years side by side: the share of each year's sessions that name each Action Line.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::forum::{action_line_shares, Forum};
use crate::model::{Lang, Matrix};
use crate::ui::format::{number, Style};
use crate::ui::i18n::forum_strings;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub forum: Rc<Forum>,
    pub matrix: Rc<Matrix>,
    pub lang: Lang,
}

#[component]
pub fn Compare(props: &CompareProps) -> Html {
    let fs = forum_strings(props.lang);
    let shares = use_memo(props.forum.clone(), |forum| {
        let mut years: Vec<u16> = Vec::new();
        for s in &forum.sessions {
            if !years.contains(&s.year) {
                years.push(s.year);
            }
        }
        years.sort_unstable();
        years.iter().map(|y| (*y, action_line_shares(forum, *y))).collect::<Vec<_>>()
    });
    html! {
        <details class="compare" data-testid="compare">
            <summary>{ fs.compare }</summary>
            <div class="grid-wrap">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{ crate::ui::i18n::strings(props.lang).action_line }</th>
                            for (year, _) in shares.iter() { <th key={*year} scope="col">{ year.to_string() }</th> }
                        </tr>
                    </thead>
                    <tbody>
                        for (row, al) in props.matrix.action_lines.iter().enumerate() {
                            <tr key={al.id.clone()}>
                                <th scope="row">{ al.id.clone() }</th>
                                for (year, values) in shares.iter() {
                                    <td key={*year}>{ values.get(row).filter(|v| **v > 0.0).map(|v| number(props.lang, Style::Percent, *v)).unwrap_or_default() }</td>
                                }
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </details>
    }
}
