//! A chart as a list of shapes, drawn either as SVG text (here, natively testable) or on a
//! canvas for PNG (in the widgets). One description, so the two files always agree.

use std::fmt::Write;

/// Where a text stands against its `x`: physically, `Start` to the right of it (its left edge at
/// `x`) even in a right-to-left picture, as on the canvas the PNG is drawn on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: String,
        stroke: Option<String>,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        fill: String,
        stroke: Option<String>,
    },
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: String,
        width: f64,
        dashed: bool,
    },
    /// Text from data is only ever escaped text here.
    Text {
        x: f64,
        y: f64,
        size: f64,
        anchor: Anchor,
        bold: bool,
        fill: String,
        text: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub background: String,
    /// `ltr` or `rtl`, for text in the picture.
    pub rtl: bool,
    pub shapes: Vec<Shape>,
}

/// Font stack for pictures, as in the widgets.
pub const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans CJK SC', sans-serif";

/// Black or white, whichever contrasts more with `background` (`#RRGGBB`): numbers on SDG
/// colour tiles must be readable on the yellow goals as on the dark blue ones.
pub fn ink_on(background: &str) -> &'static str {
    let channel = |i: usize| {
        let v = background.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0);
        let c = f64::from(v) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    // Contrast with white is 1.05 / (L + 0.05), with black (L + 0.05) / 0.05.
    if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 {
        "#fff"
    } else {
        "#000"
    }
}

/// Text for XML and HTML: markup characters escaped, control characters XML 1.0 forbids dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn number(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

impl Shape {
    pub fn text(x: f64, y: f64, size: f64, anchor: Anchor, bold: bool, fill: &str, text: String) -> Shape {
        Shape::Text { x, y, size, anchor, bold, fill: fill.to_owned(), text }
    }
}

impl Scene {
    /// A goal's colour tile with its number on it, in black or white, whichever reads better.
    pub fn sdg_tile(&mut self, x: f64, y: f64, w: f64, h: f64, colour: String, number: u8) {
        let ink = ink_on(&colour);
        self.shapes.push(Shape::Rect { x, y, w, h, fill: colour, stroke: None });
        self.shapes.push(Shape::text(
            x + w / 2.0,
            y + h * 0.67,
            14.0,
            Anchor::Middle,
            true,
            ink,
            number.to_string(),
        ));
    }

    pub fn new(width: f64, height: f64, background: &str, rtl: bool) -> Scene {
        Scene { width, height, background: background.to_owned(), rtl, shapes: Vec::new() }
    }

    /// A standalone SVG document.
    pub fn to_svg(&self) -> String {
        let mut out = String::new();
        let (w, h) = (number(self.width), number(self.height));
        let _ = write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{}\"{}>\n",
            escape(FONT),
            if self.rtl { " direction=\"rtl\"" } else { "" }
        );
        let _ = writeln!(out, "<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>", escape(&self.background));
        let stroke =
            |s: &Option<String>| s.as_ref().map(|s| format!(" stroke=\"{}\"", escape(s))).unwrap_or_default();
        for shape in &self.shapes {
            let _ =
                match shape {
                    Shape::Rect { x, y, w, h, fill, stroke: s } => writeln!(
                        out,
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}/>",
                        number(*x),
                        number(*y),
                        number(*w),
                        number(*h),
                        escape(fill),
                        stroke(s)
                    ),
                    Shape::Circle { cx, cy, r, fill, stroke: s } => writeln!(
                        out,
                        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"{}/>",
                        number(*cx),
                        number(*cy),
                        number(*r),
                        escape(fill),
                        stroke(s)
                    ),
                    Shape::Line { x1, y1, x2, y2, stroke: s, width, dashed } => {
                        writeln!(
                    out,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{}/>",
                    number(*x1), number(*y1), number(*x2), number(*y2), escape(s), number(*width),
                    if *dashed { " stroke-dasharray=\"6 4\"" } else { "" }
                )
                    }
                    Shape::Text { x, y, size, anchor, bold, fill, text } => writeln!(
                        out,
                        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"{}\" fill=\"{}\"{}>{}</text>",
                        number(*x),
                        number(*y),
                        number(*size),
                        // SVG's start and end follow the text direction: swapped in RTL.
                        match (anchor, self.rtl) {
                            (Anchor::Start, false) | (Anchor::End, true) => "start",
                            (Anchor::Middle, _) => "middle",
                            (Anchor::End, false) | (Anchor::Start, true) => "end",
                        },
                        escape(fill),
                        if *bold { " font-weight=\"700\"" } else { "" },
                        escape(text)
                    ),
                };
        }
        out.push_str("</svg>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ink_on_picks_the_stronger_contrast() {
        assert_eq!(ink_on("#FCC30B"), "#000"); // SDG 7 yellow
        assert_eq!(ink_on("#19486A"), "#fff"); // SDG 17 navy
        assert_eq!(ink_on("#ffffff"), "#000");
        assert_eq!(ink_on("#000000"), "#fff");
    }

    #[test]
    fn svg_text_is_escaped_never_markup() {
        let mut scene = Scene::new(100.0, 50.0, "#fff", false);
        scene.shapes.push(Shape::Text {
            x: 1.0,
            y: 2.5,
            size: 12.0,
            anchor: Anchor::Start,
            bold: false,
            fill: "#000".into(),
            text: "<script>alert(1)</script> & \"x\"\u{1}\u{0}\u{FFFE}".into(),
        });
        let svg = scene.to_svg();
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</text>"));
        assert!(svg.contains("width=\"100\" height=\"50\""));
        assert!(svg.contains("y=\"2.5\""));
        // Anchors are physical: a left-anchored text in an RTL picture ends (RTL) at its x.
        scene.rtl = true;
        assert!(scene.to_svg().contains("text-anchor=\"end\""));
    }
}
