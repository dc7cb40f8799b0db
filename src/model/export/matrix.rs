//! The matrix view as rows and as a picture.

use serde_json::{json, Value};

use super::Table;
use crate::model::palette::{sdg_colour, LIGHT};
use crate::model::scene::{Anchor, Scene, Shape};
use crate::model::{Agreement, CellState, Lang, Matrix, MatrixView, Sdg, SdgCatalog};

/// One row per link the filters keep, in the grid's order.
pub fn matrix_table(matrix: &Matrix, catalog: &SdgCatalog, lang: Lang, view: &MatrixView) -> Table {
    let rows = view
        .shown_links
        .iter()
        .filter_map(|i| matrix.links.get(*i))
        .filter_map(|link| {
            let al = matrix.action_lines.get(link.action_line)?;
            Some(vec![
                json!(al.id),
                json!(al.title.get(lang).0),
                json!(link.sdg.number()),
                json!(catalog.goal(link.sdg).map(|g| g.short.as_str()).unwrap_or("")),
                json!(link.targets),
                link.rationale.as_ref().map_or(Value::Null, |r| json!(r)),
                json!(match link.agreement {
                    Agreement::All => "all",
                    Agreement::Majority => "majority",
                }),
                json!(al.lead),
                json!(al.co),
            ])
        })
        .collect();
    Table {
        columns: vec![
            "action_line",
            "action_line_title",
            "sdg",
            "sdg_title",
            "targets",
            "rationale",
            "sources_agree",
            "lead_facilitators",
            "co_facilitators",
        ],
        rows,
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>().trim_end())
    }
}

const INK: &str = LIGHT.fg;
const BORDER: &str = LIGHT.border;

/// The visible grid: coloured SDG headers with numbers, a dot in SDG colour per matching
/// link, a small grey dot for a link outside the current search. `transposed`: SDGs down
/// the side.
pub fn matrix_scene(
    matrix: &Matrix,
    catalog: &SdgCatalog,
    lang: Lang,
    view: &MatrixView,
    transposed: bool,
    title: &str,
) -> Scene {
    let label_w = 380.0;
    let (cell_w, cell_h, head_h, top) = (if transposed { 52.0 } else { 36.0 }, 28.0, 30.0, 48.0);
    let (n_rows, n_cols) =
        if transposed { (view.sdgs.len(), view.rows.len()) } else { (view.rows.len(), view.sdgs.len()) };
    let width = label_w + cell_w * n_cols as f64 + 16.0;
    let height = top + head_h + cell_h * n_rows as f64 + 16.0;
    let mut scene = Scene::new(width.max(480.0), height, LIGHT.bg, lang.dir() == "rtl");
    let text = Shape::text;
    scene.shapes.push(text(8.0, 28.0, 18.0, Anchor::Start, true, INK, title.to_owned()));
    let colour = |sdg: Sdg| sdg_colour(sdg).to_owned();
    let sdg_name =
        |sdg: Sdg| format!("{} {}", sdg.number(), catalog.goal(sdg).map(|g| g.short.as_str()).unwrap_or(""));
    let al_name = |row: usize| {
        matrix
            .action_lines
            .get(row)
            .map(|al| format!("{} {}", al.code(), al.title.get(lang).0))
            .unwrap_or_default()
    };
    // Column heads.
    for c in 0..n_cols {
        let x = label_w + cell_w * c as f64;
        if transposed {
            let row = view.rows.get(c).copied().unwrap_or(0);
            let code = matrix.action_lines.get(row).map(|al| al.code().to_owned()).unwrap_or_default();
            scene.shapes.push(text(x + cell_w / 2.0, top + 20.0, 12.0, Anchor::Middle, true, INK, code));
        } else if let Some(sdg) = view.sdgs.get(c).copied() {
            scene.sdg_tile(x, top, cell_w, head_h, colour(sdg), sdg.number());
        }
    }
    // Rows: label, grid lines, dots.
    for r in 0..n_rows {
        let y = top + head_h + cell_h * r as f64;
        let label = if transposed {
            let sdg = view.sdgs.get(r).copied();
            if let Some(sdg) = sdg {
                scene.shapes.push(Shape::Rect {
                    x: 8.0,
                    y: y + 6.0,
                    w: 6.0,
                    h: 16.0,
                    fill: colour(sdg),
                    stroke: None,
                });
            }
            sdg.map(sdg_name).unwrap_or_default()
        } else {
            al_name(view.rows.get(r).copied().unwrap_or(0))
        };
        scene.shapes.push(text(20.0, y + 19.0, 13.0, Anchor::Start, false, INK, shorten(&label, 52)));
        for c in 0..n_cols {
            let x = label_w + cell_w * c as f64;
            scene.shapes.push(Shape::Rect {
                x,
                y,
                w: cell_w,
                h: cell_h,
                fill: LIGHT.bg.into(),
                stroke: Some(BORDER.into()),
            });
            let (vr, vc) = if transposed { (c, r) } else { (r, c) };
            if let CellState::Link { link, matches } = view.cell(vr, vc) {
                let sdg = matrix.links.get(link).map(|l| l.sdg);
                let (fill, radius) = match (matches, sdg) {
                    (true, Some(sdg)) => (colour(sdg), 8.0),
                    _ => (BORDER.to_owned(), 4.0),
                };
                scene.shapes.push(Shape::Circle {
                    cx: x + cell_w / 2.0,
                    cy: y + cell_h / 2.0,
                    r: radius,
                    fill,
                    stroke: Some(INK.into()),
                });
            }
        }
    }
    scene
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{compute_view, MatrixQuery};

    #[allow(clippy::expect_used)]
    fn bundled() -> (Matrix, SdgCatalog) {
        let matrix = Matrix::from_json("m", include_str!("../../../data/matrix.json")).expect("matrix");
        let catalog =
            SdgCatalog::from_json("s", include_str!("../../../data/sdg/sdg-en.json"), Lang::En).expect("sdg");
        (matrix, catalog)
    }

    #[test]
    fn the_table_holds_the_filtered_links() {
        let (matrix, catalog) = bundled();
        let query = MatrixQuery { sdg: Sdg::new(9), ..MatrixQuery::default() };
        let view = compute_view(&matrix, &catalog, Lang::En, &query);
        let table = matrix_table(&matrix, &catalog, Lang::En, &view);
        let on_9 = matrix.links.iter().filter(|l| l.sdg.number() == 9).count();
        assert_eq!(table.rows.len(), on_9);
        assert!(table.rows.iter().all(|r| r.get(2) == Some(&json!(9))));
    }

    #[test]
    fn the_picture_has_one_dot_per_link_in_both_orientations() {
        let (matrix, catalog) = bundled();
        let view = compute_view(&matrix, &catalog, Lang::En, &MatrixQuery::default());
        for transposed in [false, true] {
            let scene = matrix_scene(&matrix, &catalog, Lang::En, &view, transposed, "t");
            let dots = scene.shapes.iter().filter(|s| matches!(s, Shape::Circle { .. })).count();
            assert_eq!(dots, matrix.links.len());
        }
    }
}
