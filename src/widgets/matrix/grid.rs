//! The matrix as an ARIA grid: one tab stop, arrow keys, Home/End, Enter, Escape.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::widgets::shared::data::use_widget_data;

use super::state::{Action, MatrixState, Orientation};
use crate::model::{CellState, Matrix, MatrixView, Sdg};
use crate::ui::format::integer;
use crate::ui::i18n::strings;
use crate::widgets::shared::delegate::{source_data, source_element};
use crate::widgets::shared::labels::{action_line_label, sdg_head};
use crate::widgets::shared::use_static_render;
use yew::virtual_dom::Key;

#[derive(Properties, PartialEq)]
pub struct GridProps {
    pub view: Rc<MatrixView>,
    pub orientation: Orientation,
    pub open: Option<usize>,
    pub focus: (usize, usize),
    pub focus_request: u32,
    pub dispatcher: UseReducerDispatcher<MatrixState>,
    pub on_open: Callback<(usize, Option<(usize, usize)>)>,
}

/// The displayed grid: rows and columns after orientation.
struct Layout<'v> {
    view: &'v MatrixView,
    transposed: bool,
}

impl Layout<'_> {
    fn rows(&self) -> usize {
        if self.transposed {
            self.view.sdgs.len()
        } else {
            self.view.rows.len()
        }
    }
    fn cols(&self) -> usize {
        if self.transposed {
            self.view.rows.len()
        } else {
            self.view.sdgs.len()
        }
    }
    fn cell(&self, r: usize, c: usize) -> CellState {
        if self.transposed {
            self.view.cell(c, r)
        } else {
            self.view.cell(r, c)
        }
    }
    fn row_total(&self, r: usize) -> usize {
        let totals = if self.transposed { &self.view.sdg_totals } else { &self.view.row_totals };
        totals.get(r).copied().unwrap_or(0)
    }
    fn col_total(&self, c: usize) -> usize {
        let totals = if self.transposed { &self.view.row_totals } else { &self.view.sdg_totals };
        totals.get(c).copied().unwrap_or(0)
    }
    /// Keeps a focus position inside the grid after filters shrink it.
    fn clamp(&self, (r, c): (usize, usize)) -> (usize, usize) {
        (r.min(self.rows().saturating_sub(1)), c.min(self.cols().saturating_sub(1)))
    }
}

/// The header cell of an Action Line (by matrix row) or an SDG.
#[derive(Clone, Copy)]
enum Axis {
    ActionLine(usize),
    Goal(Sdg),
}

/// The strings of the grid that depend only on the matrix and the orientation, made once
/// rather than for each of ~300 cells at every keystroke.
#[derive(PartialEq)]
struct CellLabels {
    /// Per displayed column: its key (an Action Line id or `sdg-N`).
    col_keys: Vec<Key>,
    /// Per displayed row: its key.
    rows: Vec<Key>,
    /// `cell-{row}-{col}`, row-major over all displayed rows and columns: the test ids of the
    /// cells (a cell's name is its state; its row and column headers say which it is).
    cell_testids: Vec<AttrValue>,
    /// `"{r}-{c}"` for shown places, row-major over an 18 × 18 square.
    places: Vec<AttrValue>,
}

const PLACE_SIDE: usize = 18;

impl CellLabels {
    fn new(matrix: &Matrix, transposed: bool) -> CellLabels {
        let action_lines: Vec<String> = matrix.action_lines.iter().map(|a| a.id.clone()).collect();
        let goals: Vec<String> = Sdg::all().map(|sdg| format!("sdg-{}", sdg.number())).collect();
        let (row_names, col_names) = if transposed { (goals, action_lines) } else { (action_lines, goals) };
        let cell_testids = row_names
            .iter()
            .flat_map(|r| col_names.iter().map(move |c| AttrValue::from(format!("cell-{r}-{c}"))))
            .collect();
        CellLabels {
            col_keys: col_names.iter().map(|c| Key::from(c.as_str())).collect(),
            rows: row_names.iter().map(|r| Key::from(r.as_str())).collect(),
            cell_testids,
            places: (0..PLACE_SIDE * PLACE_SIDE)
                .map(|i| AttrValue::from(format!("{}-{}", i / PLACE_SIDE, i % PLACE_SIDE)))
                .collect(),
        }
    }

    fn cell_testid(&self, row: usize, col: usize) -> Option<AttrValue> {
        self.cell_testids.get(row * self.col_keys.len() + col).cloned()
    }

    fn place(&self, r: usize, c: usize) -> Option<AttrValue> {
        if c >= PLACE_SIDE {
            return None;
        }
        self.places.get(r * PLACE_SIDE + c).cloned()
    }
}

#[component]
pub fn Grid(props: &GridProps) -> Html {
    let Some(data) = use_widget_data() else { return Html::default() };
    let table_ref = use_node_ref();
    let pre_rendered = use_static_render();
    let layout =
        Layout { view: &props.view, transposed: props.orientation == Orientation::SdgsByActionLines };
    let focus = layout.clamp(props.focus);

    {
        let table_ref = table_ref.clone();
        use_effect_with((props.focus_request, focus), move |(request, (r, c))| {
            if *request > 0 {
                let selector = format!("[data-pos=\"{r}-{c}\"]");
                let cell = table_ref
                    .cast::<web_sys::Element>()
                    .and_then(|table| table.query_selector(&selector).ok().flatten())
                    .and_then(|el| el.dyn_into::<HtmlElement>().ok());
                if let Some(cell) = cell {
                    let _ = cell.focus();
                }
            }
        });
    }

    let rows = layout.rows();
    let cols = layout.cols();
    let rtl = data.lang.is_rtl();
    let onkeydown = {
        let dispatcher = props.dispatcher.clone();
        let on_open = props.on_open.clone();
        let view = props.view.clone();
        let transposed = layout.transposed;
        Callback::from(move |e: KeyboardEvent| {
            let layout = Layout { view: &view, transposed };
            let (r, c) = focus;
            let last_row = rows.saturating_sub(1);
            let last_col = cols.saturating_sub(1);
            let (back, forward) = if rtl { ("ArrowRight", "ArrowLeft") } else { ("ArrowLeft", "ArrowRight") };
            let ctrl = e.ctrl_key() || e.meta_key();
            let key = e.key();
            let target = match key.as_str() {
                k if k == forward => Some((r, (c + 1).min(last_col))),
                k if k == back => Some((r, c.saturating_sub(1))),
                "ArrowDown" => Some(((r + 1).min(last_row), c)),
                "ArrowUp" => Some((r.saturating_sub(1), c)),
                "PageDown" => Some(((r + 5).min(last_row), c)),
                "PageUp" => Some((r.saturating_sub(5), c)),
                "Home" if ctrl => Some((0, 0)),
                "End" if ctrl => Some((last_row, last_col)),
                "Home" => Some((r, 0)),
                "End" => Some((r, last_col)),
                "Enter" | " " => {
                    e.prevent_default();
                    if let CellState::Link { link, .. } = layout.cell(r, c) {
                        on_open.emit((link, Some((r, c))));
                    }
                    None
                }
                "Escape" => {
                    dispatcher.dispatch(Action::Close(true));
                    None
                }
                _ => None,
            };
            if let Some((row, col)) = target {
                e.prevent_default();
                dispatcher.dispatch(Action::MoveFocus(row, col));
            }
        })
    };

    let s = strings(data.lang);
    let lang = data.lang;
    let needle = props.view.needle.as_ref();
    // Every row and column is rendered, with the ones the filters leave out hidden: changing an
    // SDG or Action Line filter then flips attributes instead of removing and rebuilding ~300
    // cells. Each entry: the row or column, and its place among the shown ones.
    let all_action_lines: Vec<(Axis, Option<usize>)> = (0..data.matrix.action_lines.len())
        .map(|row| (Axis::ActionLine(row), props.view.row_position(row)))
        .collect();
    let all_goals: Vec<(Axis, Option<usize>)> =
        Sdg::all().map(|sdg| (Axis::Goal(sdg), props.view.sdg_position(sdg))).collect();
    let (row_axes, col_axes) =
        if layout.transposed { (all_goals, all_action_lines) } else { (all_action_lines, all_goals) };
    let labels = use_memo((data.matrix.clone(), layout.transposed), |(matrix, transposed)| {
        CellLabels::new(matrix, *transposed)
    });
    let axis_head = |axis: &Axis| -> Html {
        match axis {
            Axis::ActionLine(row) => match data.matrix.action_lines.get(*row) {
                Some(al) => action_line_label(al, lang, needle),
                None => Html::default(),
            },
            Axis::Goal(sdg) => sdg_head(*sdg, &data.catalog, lang, needle),
        }
    };
    let corner = if layout.transposed {
        format!("{} \\ {}", s.sdg, s.action_line)
    } else {
        format!("{} \\ {}", s.action_line, s.sdg)
    };

    // One click and one focus listener for the whole table: a cell says where it is
    // (`data-pos`) and which link it holds (`data-link`), so a render makes no closures per cell.
    let cell_at = |e: &Event| -> Option<(usize, usize, Option<usize>)> {
        let cell = source_element(e, "td[data-pos]")?;
        let pos = cell.get_attribute("data-pos")?;
        let (r, c) = pos.split_once('-')?;
        let link = source_data(&cell, "data-link");
        Some((r.parse().ok()?, c.parse().ok()?, link))
    };
    let onclick = {
        let dispatcher = props.dispatcher.clone();
        let on_open = props.on_open.clone();
        Callback::from(move |e: MouseEvent| match cell_at(&e) {
            Some((r, c, Some(link))) => on_open.emit((link, Some((r, c)))),
            Some((r, c, None)) => dispatcher.dispatch(Action::MoveFocus(r, c)),
            None => {}
        })
    };
    let onfocusin = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some((r, c, _)) = cell_at(&e) {
                dispatcher.dispatch(Action::Focused(r, c));
            }
        })
    };

    let cell_html =
        |row: (Axis, Option<usize>), col: (Axis, Option<usize>), row_i: usize, col_i: usize| -> Html {
            let state = match (row.0, col.0) {
                (Axis::ActionLine(al), Axis::Goal(sdg)) | (Axis::Goal(sdg), Axis::ActionLine(al)) => {
                    props.view.cell_of(al, sdg)
                }
                _ => CellState::Empty,
            };
            // Only shown cells have a place, so keyboard moves and `data-pos` lookups never land on
            // a hidden one.
            let place = row.1.zip(col.1);
            let hidden = col.1.is_none();
            let pos = place.and_then(|(r, c)| labels.place(r, c));
            let tabindex = if place == Some(focus) { "0" } else { "-1" };
            // Pre-rendered, the cells' buttons are the tab stops (no script moves a roving one).
            let cell_tabindex = (!pre_rendered).then_some(tabindex);
            let testid = labels.cell_testid(row_i, col_i);
            // Keyed by what the cell shows: the same cell element whatever the filters.
            let key = labels.col_keys.get(col_i).cloned().unwrap_or_else(|| Key::from(col_i));
            match state {
                CellState::Empty => html! {
                    <td key={key} role="gridcell" class="cell" tabindex={cell_tabindex} data-pos={pos}
                        data-testid={testid} {hidden}>
                        <span class="sr-only">{ s.not_linked }</span>
                    </td>
                },
                CellState::Link { link, matches } => {
                    let sdg = data.matrix.links.get(link).map(|l| l.sdg.number()).unwrap_or(0);
                    let is_open = props.open == Some(link);
                    // One string, not `classes!` (a set joined at every render of ~300 cells).
                    let hit = matches && (needle.is_some() || props.view.shown < props.view.total);
                    let class = format!(
                        "cell linked sdg-{sdg}{}{}{}",
                        if matches { "" } else { " dim" },
                        if hit { " hit" } else { "" },
                        if is_open { " open" } else { "" },
                    );
                    let (glyph, label) = if matches { ("●", s.linked) } else { ("○", s.filtered_out) };
                    html! {
                        <td key={key} role="gridcell" class={class} tabindex={cell_tabindex} data-pos={pos}
                            data-link={link.to_string()} data-testid={testid} data-linked="true"
                            data-match={if matches { "true" } else { "false" }}
                            aria-selected={if is_open { "true" } else { "false" }} {hidden}>
                            if pre_rendered {
                                // Without script, a plain-HTML popover holds the cell's details.
                                <button type="button" class="cell-open"
                                    popovertarget={popover_id(link)}>
                                    <span class="mark-link" aria-hidden="true">{ glyph }</span>
                                    <span class="sr-only">{ label }</span>
                                </button>
                            } else {
                                <span class="mark-link" aria-hidden="true">{ glyph }</span>
                                <span class="sr-only">{ label }</span>
                            }
                        </td>
                    }
                }
            }
        };
    let total_text = |total: Option<usize>| total.map(|n| integer(lang, n)).unwrap_or_default();

    let grand_total = props.view.shown;
    html! {
        <div class="grid-wrap">
            <p id="wsis-grid-help" class="sr-only">{ s.grid_help }</p>
            <table class="grid" role="grid" part="grid" ref={table_ref} aria-label={s.matrix_title}
                aria-describedby="wsis-grid-help" {onkeydown} {onclick} {onfocusin}
                aria-rowcount={(rows + 2).to_string()} aria-colcount={(cols + 2).to_string()}>
                <thead>
                    <tr>
                        <th class="corner" scope="col">{ corner }</th>
                        for (col, key) in col_axes.iter().zip(&labels.col_keys) {
                            <th key={key.clone()} scope="col" role="columnheader" hidden={col.1.is_none()}>
                                { axis_head(&col.0) }
                            </th>
                        }
                        <th scope="col" class="total">{ s.total }</th>
                    </tr>
                </thead>
                <tbody>
                    for (row_i, row) in row_axes.iter().copied().enumerate() {
                        { {
                            let row_key = labels.rows.get(row_i).cloned().unwrap_or_else(|| Key::from(row_i));
                            html! {
                                <tr key={row_key} hidden={row.1.is_none()}>
                                    <th scope="row" role="rowheader">{ axis_head(&row.0) }</th>
                                    for (col_i, col) in col_axes.iter().copied().enumerate() { { cell_html(row, col, row_i, col_i) } }
                                    <td class="total">{ total_text(row.1.map(|r| layout.row_total(r))) }</td>
                                </tr>
                            }
                        } }
                    }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{ s.total }</th>
                        for (col, key) in col_axes.iter().zip(&labels.col_keys) {
                            <td key={key.clone()} class="total" hidden={col.1.is_none()}>
                                { total_text(col.1.map(|c| layout.col_total(c))) }
                            </td>
                        }
                        <td class="total">{ integer(lang, grand_total) }</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// The id of the popover that holds a link's details in pre-rendered output.
pub fn popover_id(link: usize) -> AttrValue {
    format!("wsis-link-{link}").into()
}
