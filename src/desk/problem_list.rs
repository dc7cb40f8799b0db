//! Every problem at once, each a button that takes the maintainer to its field.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::desk::forum::{session_path, Field};
use crate::model::desk::{Problem, Spot};
use crate::model::file_kind::FileKind;
use crate::model::Lang;
use crate::ui::format::integer;
use crate::ui::i18n::desk::desk_strings;
use crate::ui::i18n::desk_problems::problem_text;
use crate::ui::i18n::fill;

#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    pub lang: Lang,
    pub problems: Rc<Vec<Problem>>,
    /// Told which problem was picked (a panel opens the record its path is in).
    #[prop_or_default]
    pub on_select: Callback<Problem>,
    /// The open forum file's name: a problem at one of its sessions' paths opens that session
    /// in the session form (`on_session`) rather than focusing the file.
    #[prop_or_default]
    pub forum_file: Option<AttrValue>,
    #[prop_or_default]
    pub on_session: Callback<(usize, Option<Field>)>,
}

/// The id of the element a problem's field is, in `SheetTable` or the file list.
pub fn field_id(problem: &Problem) -> String {
    match &problem.spot {
        Spot::Cell { row, column: Some(column) } => cell_id(*row, *column),
        Spot::Cell { row, column: None } => row_id(*row),
        Spot::Header => "desk-sheet-title".into(),
        Spot::File | Spot::Path(_) => match problem.kind {
            Some(FileKind::Pledges) => "desk-pledges".into(),
            Some(FileKind::Matrix) => "desk-matrix".into(),
            Some(FileKind::SdgTexts(_)) => "desk-sdg".into(),
            Some(FileKind::Forum) | None => "desk-forum".into(),
        },
    }
}

pub fn cell_id(row: usize, column: usize) -> String {
    format!("desk-cell-{row}-{column}")
}

pub fn row_id(row: usize) -> String {
    format!("desk-row-{row}")
}

pub fn focus(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Where a problem is, in `lang`: a cell as its column and row (as the table names the
/// cell), a row by its number, the header row; a JSON path as it is.
fn place_text(lang: Lang, p: &Problem) -> Option<String> {
    let s = desk_strings(lang);
    match (&p.spot, &p.column_name) {
        (Spot::Cell { row, .. }, Some(column)) => {
            Some(fill(s.cell_label, &[("column", column), ("row", &integer(lang, row + 2))]))
        }
        (Spot::Cell { row, .. }, None) => Some(fill(s.row_number, &[("row", &integer(lang, row + 2))])),
        (Spot::Header, _) => Some(s.header_row.to_owned()),
        (Spot::Path(path), _) => Some(path.clone()),
        (Spot::File, _) => None,
    }
}

/// The reason in `lang`; in English (marked so) where no translation exists.
fn message(lang: Lang, p: &Problem) -> Html {
    match p.detail.as_ref().and_then(|d| problem_text(lang, d)) {
        Some(text) => html! { <span class="desk-problem-message">{ text }</span> },
        None if lang == Lang::En => html! { <span class="desk-problem-message">{ p.message.clone() }</span> },
        None => html! { <span class="desk-problem-message" lang="en" dir="ltr">{ p.message.clone() }</span> },
    }
}

#[component]
pub fn ProblemList(props: &ProblemListProps) -> Html {
    let s = desk_strings(props.lang);
    let n = props.problems.len();
    html! {
        <section class="desk-problems" aria-labelledby="desk-problems-title">
            <h2 id="desk-problems-title">
                { s.problems_heading }
                if n > 0 {
                    { " · " }{ s.problems_count.pick(props.lang, n as f64).replace("{n}", &integer(props.lang, n)) }
                }
            </h2>
            if n == 0 {
                <p role="status">{ s.no_problems }</p>
            } else {
                <ul>
                    for (i, p) in props.problems.iter().enumerate() {
                        <li key={i}>
                            <button type="button" class="desk-problem" onclick={
                                let id = field_id(p);
                                let session = match &p.spot {
                                    Spot::Path(path) if props.forum_file.as_deref() == Some(p.file.as_str()) => session_path(path),
                                    _ => None,
                                };
                                let (on_session, problem, on_select) = (props.on_session.clone(), p.clone(), props.on_select.clone());
                                Callback::from(move |_: MouseEvent| {
                                    match session {
                                        Some(at) => on_session.emit(at),
                                        None => focus(&id),
                                    }
                                    on_select.emit(problem.clone());
                                })
                            }>
                                <span class="desk-problem-file">{ p.file.clone() }</span>
                                { ": " }
                                if let Some(place) = place_text(props.lang, p) {
                                    <span class="desk-problem-place">{ place }</span>
                                    { ": " }
                                }
                                { message(props.lang, p) }
                            </button>
                        </li>
                    }
                </ul>
            }
        </section>
    }
}
