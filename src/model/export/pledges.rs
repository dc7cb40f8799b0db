//! The pledge figures as rows and the total over time as a picture.

use serde_json::{json, Value};

use super::Table;
use crate::model::palette::LIGHT;
use crate::model::pledges::{Figure, Pledges, Qualifier};
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

/// Dated totals as points (nothing is known between them), the goal as a dashed line.
/// `amount` and `date` format labels in the reader's language.
pub fn pledges_scene(
    p: &Pledges,
    lang: Lang,
    title: &str,
    amount: &dyn Fn(f64) -> String,
    date: &dyn Fn(&crate::model::date::Date) -> String,
) -> Scene {
    let (w, h, left, right, top, bottom) = (900.0, 460.0, 40.0, 40.0, 70.0, 60.0);
    let mut scene = Scene::new(w, h, LIGHT.bg, lang.dir() == "rtl");
    let points: Vec<_> = p.milestones.iter().filter_map(|m| m.usd.map(|u| (m, u.value))).collect();
    let first = points.iter().map(|(m, _)| m.date.days_since_epoch() as f64).fold(f64::INFINITY, f64::min);
    let last = (p.goal_by.days_since_epoch() as f64).max(first + 1.0);
    let top_usd = points.iter().map(|(_, v)| *v).fold(p.goal_usd, f64::max).max(1.0);
    let x = |day: f64| left + (day - first) / (last - first) * (w - left - right);
    let y = |usd: f64| h - bottom - usd / top_usd * (h - top - bottom);
    let ink = LIGHT.fg.to_owned();
    scene.shapes.push(Shape::Text {
        x: 8.0,
        y: 28.0,
        size: 18.0,
        anchor: Anchor::Start,
        bold: true,
        fill: ink.clone(),
        text: title.to_owned(),
    });
    scene.shapes.push(Shape::Line {
        x1: left,
        y1: h - bottom,
        x2: w - right,
        y2: h - bottom,
        stroke: LIGHT.muted.into(),
        width: 1.0,
        dashed: false,
    });
    let goal_y = y(p.goal_usd);
    scene.shapes.push(Shape::Line {
        x1: left,
        y1: goal_y,
        x2: w - right,
        y2: goal_y,
        stroke: LIGHT.accent.into(),
        width: 2.0,
        dashed: true,
    });
    scene.shapes.push(Shape::Text {
        x: w - right,
        y: goal_y - 8.0,
        size: 13.0,
        anchor: Anchor::End,
        bold: true,
        fill: LIGHT.accent.into(),
        text: format!("{} · {}", amount(p.goal_usd), date(&p.goal_by)),
    });
    for (i, (m, usd)) in points.iter().enumerate() {
        let (cx, cy) = (x(m.date.days_since_epoch() as f64), y(*usd));
        scene.shapes.push(Shape::Circle {
            cx,
            cy,
            r: 6.0,
            fill: LIGHT.accent.into(),
            stroke: Some(LIGHT.bg.into()),
        });
        // Alternate labels above and below so neighbours do not overlap.
        let dy = if i % 2 == 0 { -12.0 } else { 22.0 };
        scene.shapes.push(Shape::Text {
            x: cx,
            y: cy + dy,
            size: 12.0,
            anchor: Anchor::Middle,
            bold: true,
            fill: ink.clone(),
            text: amount(*usd),
        });
        scene.shapes.push(Shape::Text {
            x: cx,
            y: h - bottom + 18.0 + 14.0 * (i % 2) as f64,
            size: 11.0,
            anchor: Anchor::Middle,
            bold: false,
            fill: LIGHT.muted.into(),
            text: date(&m.date),
        });
    }
    scene
}
