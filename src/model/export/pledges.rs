//! The pledge figures as rows and the total over time as a picture.

use serde_json::{json, Value};

use super::Table;
use crate::model::date::Date;
use crate::model::palette::LIGHT;
use crate::model::pledges::{fit_labels, text_width, timeline_layout, Figure, LabelBox, Pledges, Qualifier};
use crate::model::scene::{Anchor, Scene, Shape};
use crate::model::Lang;

fn figure(f: Option<Figure>) -> Value {
    f.map_or(Value::Null, |f| json!(f.value))
}

fn qualifier(f: Option<Figure>) -> Value {
    f.map_or(Value::Null, |f| {
        json!(match f.qualifier {
            Qualifier::Exact => "exact",
            Qualifier::Over => "over",
            Qualifier::About => "about",
        })
    })
}

/// One row per dated milestone, as the timeline and its table show them.
pub fn pledges_table(p: &Pledges) -> Table {
    let rows = p
        .milestones
        .iter()
        .map(|m| {
            vec![
                json!(m.date.to_string()),
                json!(m.event),
                figure(m.usd),
                qualifier(m.usd),
                figure(m.pledges),
                figure(m.entities),
                figure(m.countries),
                json!(m.sources),
            ]
        })
        .collect();
    Table {
        columns: vec!["date", "event", "usd", "usd_qualifier", "pledges", "entities", "countries", "sources"],
        rows,
    }
}

/// How the picture writes its figures, in the reader's language.
pub struct SceneText<'a> {
    pub title: &'a str,
    /// An amount in words: "USD 82 billion".
    pub amount: &'a dyn Fn(f64) -> String,
    /// A value-axis tick: "20B"; with the currency for the top one ("USD 100B").
    pub tick: &'a dyn Fn(f64, bool) -> String,
    pub date: &'a dyn Fn(&Date) -> String,
    pub year: &'a dyn Fn(u16) -> String,
    /// "Goal".
    pub goal: &'a str,
}

/// Dated totals as points (nothing is known between them), the goal as a dashed line, the
/// value axis and the years as the widget draws them (`timeline_layout`), and each point's
/// value where it has room (most recent first).
pub fn pledges_scene(p: &Pledges, lang: Lang, t: &SceneText) -> Scene {
    let (w, h) = (900.0, 460.0);
    let (left, right, top, bottom) = (16.0, w - 16.0, 72.0, h - 44.0);
    let rtl = lang.dir() == "rtl";
    let mut scene = Scene::new(w, h, LIGHT.bg, rtl);
    let layout = timeline_layout(p);
    let x = |f: f64| if rtl { right - f * (right - left) } else { left + f * (right - left) };
    let y = |f: f64| top + f * (bottom - top);
    // Anchors are physical (left, right) in a scene: the start edge is the right one in RTL.
    let (start_x, start) = if rtl { (right, Anchor::End) } else { (left, Anchor::Start) };
    let (end_x, end) = if rtl { (left, Anchor::Start) } else { (right, Anchor::End) };
    let ink = LIGHT.fg;
    let (title_x, title_anchor) = if rtl { (w - 8.0, Anchor::End) } else { (8.0, Anchor::Start) };
    scene.shapes.push(Shape::text(title_x, 28.0, 18.0, title_anchor, true, ink, t.title.to_owned()));
    let line = |x1, y1, x2, y2, stroke: &str, width, dashed| Shape::Line {
        x1,
        y1,
        x2,
        y2,
        stroke: stroke.to_owned(),
        width,
        dashed,
    };
    for band in layout.years.iter() {
        if band.from > 0.0 {
            scene.shapes.push(line(x(band.from), top, x(band.from), bottom, LIGHT.border, 1.0, false));
        }
        // Each year named at its first day, as in the widget; the first one from the axis start.
        let label = (t.year)(band.year);
        let (lx, anchor) = if band.from > 0.0 { (x(band.from), Anchor::Middle) } else { (start_x, start) };
        scene.shapes.push(Shape::text(lx, bottom + 20.0, 12.0, anchor, false, LIGHT.muted, label));
    }
    let mut taken = Vec::new();
    let count = layout.ticks.len();
    for (i, v) in layout.ticks.iter().copied().enumerate() {
        let ty = y(layout.y(v));
        let stroke = if i == 0 { LIGHT.muted } else { LIGHT.border };
        scene.shapes.push(line(left, ty, right, ty, stroke, 1.0, false));
        let label = (t.tick)(v, i + 1 == count);
        let width = text_width(&label, 12.0);
        taken.push(LabelBox { x: if rtl { right - width } else { left }, y: ty - 17.0, w: width, h: 15.0 });
        scene.shapes.push(Shape::text(start_x, ty - 5.0, 12.0, start, false, LIGHT.muted, label));
    }
    let goal_y = y(layout.goal_y);
    scene.shapes.push(line(left, goal_y, right, goal_y, LIGHT.accent, 2.0, true));
    let goal = format!("{} {} · {}", t.goal, (t.amount)(p.goal_usd), (t.date)(&p.goal_by));
    let width = text_width(&goal, 13.0);
    taken.push(LabelBox { x: if rtl { left } else { right - width }, y: goal_y + 3.0, w: width, h: 16.0 });
    scene.shapes.push(Shape::text(end_x, goal_y + 16.0, 13.0, end, true, LIGHT.accent, goal));
    let points: Vec<_> = layout
        .points
        .iter()
        .filter_map(|pt| {
            p.milestones.get(pt.milestone).and_then(|m| m.usd).map(|u| (x(pt.x), y(pt.y), u.value))
        })
        .collect();
    // A value above its point, centred, kept inside the picture; the points themselves are taken.
    taken.extend(points.iter().map(|(cx, cy, _)| LabelBox { x: cx - 6.0, y: cy - 6.0, w: 12.0, h: 12.0 }));
    let labels: Vec<(f64, f64, String, LabelBox)> = points
        .iter()
        .rev()
        .map(|(cx, cy, v)| {
            let text = (t.tick)(*v, false);
            let width = text_width(&text, 12.0);
            let lx = (cx - width / 2.0).clamp(left, right - width);
            (lx + width / 2.0, cy - 10.0, text, LabelBox { x: lx, y: cy - 24.0, w: width, h: 15.0 })
        })
        .collect();
    let boxes: Vec<LabelBox> = labels.iter().map(|(_, _, _, b)| *b).collect();
    let kept = fit_labels(&boxes, &taken);
    for (cx, cy, _) in points.iter() {
        scene.shapes.push(Shape::Circle {
            cx: *cx,
            cy: *cy,
            r: 6.0,
            fill: LIGHT.accent.into(),
            stroke: Some(LIGHT.bg.into()),
        });
    }
    for ((lx, ly, text, _), keep) in labels.into_iter().zip(kept) {
        if keep {
            scene.shapes.push(Shape::text(lx, ly, 12.0, Anchor::Middle, true, ink, text));
        }
    }
    scene
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picture_has_a_value_axis_and_labels_that_fit() {
        let p = Pledges::from_json("p.json", include_str!("../../../data/p2c-pledges.json")).unwrap();
        let amount = |v: f64| format!("USD {} billion", v / 1e9);
        let tick =
            |v: f64, unit: bool| if unit { format!("USD {}B", v / 1e9) } else { format!("{}B", v / 1e9) };
        let date = |d: &Date| d.to_string();
        let year = |y: u16| y.to_string();
        let text = SceneText {
            title: "Pledges",
            amount: &amount,
            tick: &tick,
            date: &date,
            year: &year,
            goal: "Goal",
        };
        for lang in [Lang::En, Lang::Ar] {
            let scene = pledges_scene(&p, lang, &text);
            let texts: Vec<(f64, f64, &str, Anchor)> = scene
                .shapes
                .iter()
                .filter_map(|s| match s {
                    Shape::Text { x, y, text, anchor, .. } => Some((*x, *y, text.as_str(), *anchor)),
                    _ => None,
                })
                .collect();
            let ticks: Vec<&str> = texts.iter().filter(|t| t.2.ends_with('B')).map(|t| t.2).collect();
            assert!(ticks.starts_with(&["0B", "20B", "40B", "60B", "80B", "USD 100B"]), "{ticks:?}");
            assert!(texts.iter().any(|t| t.2 == "2022") && texts.iter().any(|t| t.2 == "2026"));
            // The latest total is labelled; every text stays inside the picture.
            assert!(ticks.contains(&"82B"));
            for (x, _, text, anchor) in &texts {
                let width = text_width(text, 13.0);
                let (a, b) = match anchor {
                    Anchor::Start => (*x, x + width),
                    Anchor::Middle => (x - width / 2.0, x + width / 2.0),
                    Anchor::End => (x - width, *x),
                };
                assert!(a >= 0.0 && b <= scene.width, "{text} at {x} ({lang:?})");
            }
        }
    }
}
