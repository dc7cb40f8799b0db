//! The session spreadsheet as a table of fields: each cell editable (one undo step per change),
//! rows added and removed; the cells and rows with a problem are marked invalid.

use std::collections::BTreeSet;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::list_chooser::ListChooser;
use super::problem_list::{cell_id, row_id};
use crate::model::desk::{Edit, ListColumn, Problem, Sheet, Spot};
use crate::model::matrix::Matrix;
use crate::model::Lang;
use crate::ui::format::integer;
use crate::ui::i18n::desk::desk_strings;
use crate::ui::i18n::fill;

#[derive(Properties, PartialEq)]
pub struct SheetTableProps {
    pub lang: Lang,
    pub sheet: Rc<Sheet>,
    pub problems: Rc<Vec<Problem>>,
    pub on_edit: Callback<Edit>,
    /// Names the Action Lines in the choosers.
    #[prop_or_default]
    pub matrix: Option<Rc<Matrix>>,
}

#[component]
pub fn SheetTable(props: &SheetTableProps) -> Html {
    let s = desk_strings(props.lang);
    let lang = props.lang;
    let bad: BTreeSet<(usize, Option<usize>)> = props
        .problems
        .iter()
        .filter_map(|p| match p.spot {
            Spot::Cell { row, column } => Some((row, column)),
            _ => None,
        })
        .collect();
    let header = &props.sheet.header;
    html! {
        <>
        <div class="desk-table-scroll">
            <table class="desk-table">
                <caption>{ s.sheet_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ s.row }</th>
                        for name in header.iter() {
                            <th scope="col">{ name.clone() }</th>
                        }
                        <th scope="col">{ s.actions }</th>
                    </tr>
                </thead>
                <tbody>
                    for (row, cells) in props.sheet.rows.iter().enumerate() {
                        <tr key={row} class={classes!(bad.contains(&(row, None)).then_some("bad"))}>
                            <th scope="row" id={row_id(row)} tabindex="-1">{ integer(lang, row + 2) }</th>
                            for (column, value) in cells.iter().enumerate() {
                                <td>
                                    <input type="text" id={cell_id(row, column)} value={value.clone()}
                                        aria-label={fill(s.cell_label, &[
                                            ("column", header.get(column).map_or("", String::as_str)),
                                            ("row", &integer(lang, row + 2)),
                                        ])}
                                        aria-invalid={bad.contains(&(row, Some(column))).then_some("true")}
                                        onchange={props.on_edit.reform(move |e: Event| {
                                            let value = e.target_dyn_into::<HtmlInputElement>()
                                                .map(|i| i.value()).unwrap_or_default();
                                            Edit::SetCell { row, column, value }
                                        })} />
                                    if let Some(list) = header.get(column).and_then(|h| ListColumn::of(h)) {
                                        <ListChooser id={format!("{}-choose", cell_id(row, column))} column={list}
                                            lang={lang} matrix={props.matrix.clone()}
                                            value={value.clone()} text={s.choose}
                                            label={fill(s.choose_label, &[
                                                ("column", header.get(column).map_or("", String::as_str)),
                                                ("row", &integer(lang, row + 2)),
                                            ])}
                                            on_change={props.on_edit.reform(move |value: String| Edit::SetCell { row, column, value })} />
                                    }
                                </td>
                            }
                            <td>
                                <button type="button" onclick={props.on_edit.reform(move |_: MouseEvent| Edit::RemoveRow(row))}>
                                    { fill(s.remove_row, &[("row", &integer(lang, row + 2))]) }
                                </button>
                            </td>
                        </tr>
                    }
                </tbody>
            </table>
        </div>
        <button type="button" onclick={props.on_edit.reform(|_: MouseEvent| Edit::AddRow)}>{ s.add_row }</button>
        </>
    }
}
