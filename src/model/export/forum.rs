//! The forum view as rows and as a picture.

use serde_json::{json, Value};

use super::Table;
use crate::model::forum::{session_sdgs, Forum, ForumView, SdgBasis, SdgLink};
use crate::model::matrix::ACTION_LINE_IDS;
use crate::model::palette::{heat_fill, sdg_colour, LIGHT};
use crate::model::scene::{Anchor, Scene, Shape};
use crate::model::{Lang, Matrix, Sdg};

/// One row per session in `order` (the list's order, after filters).
pub fn forum_table(forum: &Forum, matrix: &Matrix, basis: SdgBasis, order: &[usize]) -> Table {
    let rows = order
        .iter()
        .filter_map(|i| forum.sessions.get(*i))
        .map(|s| {
            let sdgs = session_sdgs(s, matrix, basis);
            let pick = |kind: SdgLink| -> Value {
                json!(sdgs
                    .iter()
                    .filter(|(_, k)| *k == kind)
                    .map(|(sdg, _)| sdg.number())
                    .collect::<Vec<_>>())
            };
            vec![
                json!(s.year),
                s.id.as_ref().map_or(Value::Null, |id| json!(id)),
                s.date.map_or(Value::Null, |d| json!(d.to_string())),
                json!(s.title),
                s.session_type.as_ref().map_or(Value::Null, |t| json!(t)),
                json!(s.organisers),
                json!(s.action_lines.iter().filter_map(|r| ACTION_LINE_IDS.get(*r)).collect::<Vec<_>>()),
                pick(SdgLink::Recorded),
                pick(SdgLink::ViaMatrix),
                s.url.as_ref().map_or(Value::Null, |u| json!(u)),
            ]
        })
        .collect();
    Table {
        columns: vec![
            "year",
            "id",
            "date",
            "title",
            "type",
            "organisers",
            "action_lines",
            "sdgs_recorded",
            "sdgs_via_matrix",
            "url",
        ],
        rows,
    }
}

/// The heat grid: Action Line rows, SDG columns, the session count in each cell.
pub fn forum_scene(matrix: &Matrix, lang: Lang, view: &ForumView, title: &str) -> Scene {
    let (label_w, cell_w, cell_h, head_h, top) = (90.0, 40.0, 28.0, 30.0, 48.0);
    let rows = matrix.action_lines.len();
    let width = label_w + cell_w * Sdg::COUNT as f64 + 16.0;
    let height = top + head_h + cell_h * rows as f64 + 16.0;
    let mut scene = Scene::new(width, height, LIGHT.bg, lang.dir() == "rtl");
    let text = Shape::text;
    scene.shapes.push(text(8.0, 28.0, 18.0, Anchor::Start, true, LIGHT.fg, title.to_owned()));
    for sdg in Sdg::all() {
        let x = label_w + cell_w * sdg.index() as f64;
        let fill = sdg_colour(sdg).to_owned();
        scene.sdg_tile(x, top, cell_w, head_h, fill, sdg.number());
    }
    let max = view.counts.iter().copied().max().unwrap_or(0).max(1);
    // The heat steps as on screen: dark steps (4, 5) take light ink.
    let shade = |n: u32| -> (String, &'static str) {
        let step = if n == 0 { 0 } else { 1 + (n * 4).div_ceil(max).min(4) } as usize;
        (heat_fill(&LIGHT, step), if step >= 4 { LIGHT.bg } else { LIGHT.fg })
    };
    for (row, al) in matrix.action_lines.iter().enumerate() {
        let y = top + head_h + cell_h * row as f64;
        scene.shapes.push(text(8.0, y + 19.0, 13.0, Anchor::Start, true, LIGHT.fg, al.code().to_owned()));
        for sdg in Sdg::all() {
            let x = label_w + cell_w * sdg.index() as f64;
            let n = view.count(row, sdg);
            let (fill, ink) = shade(n);
            scene.shapes.push(Shape::Rect {
                x,
                y,
                w: cell_w,
                h: cell_h,
                fill,
                stroke: Some(LIGHT.border.into()),
            });
            if n > 0 {
                scene.shapes.push(text(
                    x + cell_w / 2.0,
                    y + 19.0,
                    13.0,
                    Anchor::Middle,
                    true,
                    ink,
                    n.to_string(),
                ));
            }
        }
    }
    scene
}
