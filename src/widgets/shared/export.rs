//! Hands the current view to the reader as a file: made in the browser, no server.

use js_sys::{Array, Date};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement, Url};

use crate::model::export::{file_name, to_csv, to_json, Table};
use crate::model::scene::{Anchor, Scene, Shape, FONT};
use crate::model::url_state::Params;
use crate::model::Lang;

/// The formats every widget offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Svg,
    Png,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }
}

/// Today in the reader's time zone, `YYYY-MM-DD`, for file names.
pub fn today() -> String {
    let now = Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

fn click_download(href: &str, name: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(href);
    anchor.set_download(name);
    anchor.set_rel("noopener");
    anchor.click();
    Ok(())
}

/// Offers `text` as a download named `name`.
pub fn download_text(text: &str, mime: &str, name: &str) -> Result<(), JsValue> {
    let url = text_blob_url(text, mime)?;
    let result = click_download(&url, name);
    // The download has its own reference by now; drop ours on the next turn.
    gloo::timers::callback::Timeout::new(0, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    result
}

/// An object URL of `text` as a file of type `mime` (the caller revokes it).
pub fn text_blob_url(text: &str, mime: &str) -> Result<String, JsValue> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    Url::create_object_url_with_blob(&blob)
}

/// Draws `scene` on a canvas at twice its size (crisp when printed or projected) and offers
/// it as a PNG download.
pub fn download_png(scene: &Scene, name: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    let scale = 2.0;
    canvas.set_width((scene.width * scale).ceil() as u32);
    canvas.set_height((scene.height * scale).ceil() as u32);
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
    ctx.scale(scale, scale)?;
    // Right-to-left text reads in its order; anchors stay physical (`left`/`right` below).
    if scene.rtl {
        js_sys::Reflect::set(&ctx, &JsValue::from_str("direction"), &JsValue::from_str("rtl"))?;
    }
    ctx.set_fill_style_str(&scene.background);
    ctx.fill_rect(0.0, 0.0, scene.width, scene.height);
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { x, y, w, h, fill, stroke } => {
                ctx.set_fill_style_str(fill);
                ctx.fill_rect(*x, *y, *w, *h);
                if let Some(stroke) = stroke {
                    ctx.set_line_width(1.0);
                    ctx.set_stroke_style_str(stroke);
                    ctx.stroke_rect(*x, *y, *w, *h);
                }
            }
            Shape::Circle { cx, cy, r, fill, stroke } => {
                ctx.begin_path();
                ctx.arc(*cx, *cy, *r, 0.0, std::f64::consts::TAU)?;
                ctx.set_fill_style_str(fill);
                ctx.fill();
                if let Some(stroke) = stroke {
                    ctx.set_line_width(1.0);
                    ctx.set_stroke_style_str(stroke);
                    ctx.stroke();
                }
            }
            Shape::Line { x1, y1, x2, y2, stroke, width, dashed } => {
                ctx.begin_path();
                let dash = if *dashed { Array::of2(&6.0.into(), &4.0.into()) } else { Array::new() };
                ctx.set_line_dash(&dash)?;
                ctx.set_line_width(*width);
                ctx.set_stroke_style_str(stroke);
                ctx.move_to(*x1, *y1);
                ctx.line_to(*x2, *y2);
                ctx.stroke();
                ctx.set_line_dash(&Array::new())?;
            }
            Shape::Text { x, y, size, anchor, bold, fill, text } => {
                ctx.set_font(&format!("{}{size}px {FONT}", if *bold { "700 " } else { "" }));
                ctx.set_fill_style_str(fill);
                ctx.set_text_align(match anchor {
                    Anchor::Start => "left",
                    Anchor::Middle => "center",
                    Anchor::End => "right",
                });
                ctx.fill_text(text, *x, *y)?;
            }
        }
    }
    let url = canvas.to_data_url_with_type("image/png")?;
    click_download(&url, name)
}

/// Makes the file `format` asks for and offers it: `table` for CSV and JSON, `scene` for SVG
/// and PNG (each built only when needed). `params` (the view's link parameters) name the
/// file and are recorded in the JSON.
pub fn deliver(
    format: Format,
    widget: &str,
    lang: Lang,
    params: &Params,
    table: impl FnOnce() -> Table,
    scene: impl FnOnce() -> Scene,
) -> Result<(), JsValue> {
    let date = today();
    // The search text and opened items describe the view but make poor file names.
    let parts: Vec<String> = params
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "q" | "cell" | "open" | "view" | "basis" | "sort"))
        .map(|(k, v)| if k == "sdg" { format!("SDG{v}") } else { v.clone() })
        .collect();
    let name = file_name(widget, &parts, lang, &date, format.extension());
    match format {
        Format::Csv => download_text(&to_csv(&table()), "text/csv;charset=utf-8", &name),
        Format::Json => {
            let filters: Vec<(&str, String)> = params.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            download_text(&to_json(widget, lang, &date, &filters, &table()), "application/json", &name)
        }
        Format::Svg => download_text(&scene().to_svg(), "image/svg+xml", &name),
        Format::Png => download_png(&scene(), &name),
    }
}
