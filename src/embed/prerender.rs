//! Pre-rendered snippets: a widget's element with a Declarative Shadow DOM template that holds
//! its server-rendered content and a `<link>` to the widgets' stylesheet file, for hosts to
//! paste into their pages (`cargo xtask prerender`). Readers see the content as soon as the
//! HTML arrives, and without JavaScript at all; `elements.js` takes over from it when the
//! module starts.

use std::fmt::Write as _;
use std::rc::Rc;

use yew::LocalServerRenderer;

use crate::model::forum::Forum;
use crate::model::pledges::Pledges;
use crate::model::scene::escape;
use crate::model::{Lang, Matrix, SdgCatalog};
use crate::ui::theme::Theme;
use crate::widgets::forum::{PrerenderedForum, PrerenderedForumProps};
use crate::widgets::matrix::{Orientation, PrerenderedMatrix, PrerenderedMatrixProps};
use crate::widgets::pledges::{PrerenderedPledges, PrerenderedPledgesProps};

/// What every pre-rendered widget needs besides its data.
#[derive(Clone, Debug)]
pub struct Frame {
    /// The element's attributes, in order (`src`, `lang`, …), written as given, escaped.
    pub attributes: Vec<(String, String)>,
    /// Where the page finds `wsis-sdg-widgets.css`: relative to the host page, or absolute.
    pub stylesheet_href: String,
}

/// The element's attributes as a snippet carries them: `src`, `lang`, then those given, in
/// this order (`cargo xtask prerender` and the data desk write the same).
#[derive(Clone, Debug)]
pub struct Attributes<'a> {
    pub src: &'a str,
    pub lang: Lang,
    pub matrix_src: Option<&'a str>,
    pub sdg_src: Option<&'a str>,
    pub theme: Option<&'a str>,
    pub view: Option<&'a str>,
    pub year: Option<u16>,
}

impl Attributes<'_> {
    pub fn list(&self) -> Vec<(String, String)> {
        let year = self.year.map(|y| y.to_string());
        let optional = [
            ("matrix-src", self.matrix_src),
            ("sdg-src", self.sdg_src),
            ("theme", self.theme),
            ("view", self.view),
            ("year", year.as_deref()),
        ];
        let mut out =
            vec![("src".to_owned(), self.src.to_owned()), ("lang".to_owned(), self.lang.code().to_owned())];
        out.extend(
            optional.into_iter().filter_map(|(name, value)| Some((name.to_owned(), value?.to_owned()))),
        );
        out
    }
}

/// The content of a `<wsis-sdg-matrix>`.
pub async fn matrix_html(
    matrix: Rc<Matrix>,
    catalog: Rc<SdgCatalog>,
    lang: Lang,
    theme: Theme,
    orientation: Orientation,
) -> String {
    let props = PrerenderedMatrixProps { matrix, catalog, lang, theme, orientation };
    LocalServerRenderer::<PrerenderedMatrix>::with_props(props).hydratable(false).render().await
}

/// The content of a `<wsis-forum-outcomes>`.
pub async fn forum_html(
    forum: Rc<Forum>,
    matrix: Rc<Matrix>,
    catalog: Rc<SdgCatalog>,
    lang: Lang,
    theme: Theme,
    year: Option<u16>,
) -> String {
    let props = PrerenderedForumProps { forum, matrix, catalog, lang, theme, year };
    LocalServerRenderer::<PrerenderedForum>::with_props(props).hydratable(false).render().await
}

/// The content of a `<p2c-pledges>`.
pub async fn pledges_html(pledges: Rc<Pledges>, lang: Lang, theme: Theme) -> String {
    let props = PrerenderedPledgesProps { pledges, lang, theme };
    LocalServerRenderer::<PrerenderedPledges>::with_props(props).hydratable(false).render().await
}

/// The data desk's snippet for `request` (`model::desk::snippet`): what `cargo xtask prerender`
/// writes for the same texts, language, theme and links; or the first problem with a text.
pub async fn desk_snippet(request: &crate::model::desk::snippet::Request) -> Result<String, String> {
    use crate::model::desk::OpenFile;
    use crate::widgets::matrix::Orientation;
    let fault = |e: crate::model::Error| e.to_string();
    let missing = |what: &str| format!("{}: no {what}", request.data.name);
    let lang = request.lang;
    let theme = Theme::parse(&request.theme);
    let catalog = |sdg: &Option<OpenFile>| {
        let sdg = sdg.as_ref().ok_or_else(|| missing("SDG texts"))?;
        SdgCatalog::from_json(&sdg.name, &sdg.text, lang).map(Rc::new).map_err(fault)
    };
    let data = &request.data;
    let content = match request.element.as_str() {
        "wsis-sdg-matrix" => {
            let matrix = Rc::new(Matrix::from_json(&data.name, &data.text).map_err(fault)?);
            matrix_html(matrix, catalog(&request.sdg)?, lang, theme, Orientation::parse("")).await
        }
        "wsis-forum-outcomes" => {
            let forum = Rc::new(Forum::from_json(&data.name, &data.text).map_err(fault)?);
            let matrix = request.matrix.as_ref().ok_or_else(|| missing("matrix"))?;
            let matrix = Rc::new(Matrix::from_json(&matrix.name, &matrix.text).map_err(fault)?);
            forum_html(forum, matrix, catalog(&request.sdg)?, lang, theme, None).await
        }
        "p2c-pledges" => {
            let pledges = Rc::new(Pledges::from_json(&data.name, &data.text).map_err(fault)?);
            pledges_html(pledges, lang, theme).await
        }
        other => return Err(format!("no widget {other}")),
    };
    let attributes = Attributes {
        src: &request.links.src,
        lang,
        matrix_src: None,
        sdg_src: None,
        theme: Some(&request.theme),
        view: None,
        year: None,
    };
    let frame = Frame { attributes: attributes.list(), stylesheet_href: request.links.stylesheet.clone() };
    Ok(snippet(&request.element, &frame, &content))
}

/// The snippet: `<element …><template shadowrootmode="open"><link …><div class="wsis-mount"
/// data-prerendered hidden>content<span data-complete hidden></span></div></template></element>`. `content` must come from the
/// renderers above (Yew escapes every text and attribute it writes).
pub fn snippet(element: &str, frame: &Frame, content: &str) -> String {
    let mut out = String::with_capacity(content.len() + 256);
    let _ = write!(out, "<{element}");
    for (name, value) in &frame.attributes {
        let _ = write!(out, " {name}=\"{}\"", escape(value));
    }
    out.push('>');
    out.push_str("<template shadowrootmode=\"open\">");
    let _ = write!(out, "<link rel=\"stylesheet\" href=\"{}\">", escape(&frame.stylesheet_href));
    // `hidden` until the stylesheet has loaded and the parser has reached the end marker (the
    // sheet shows it then, with `:has()`): the content never appears unstyled or half parsed
    // (a table drawn with half its rows, then relaid), so nothing jumps.
    out.push_str("<div class=\"wsis-mount\" data-prerendered=\"\" hidden>");
    out.push_str(content);
    out.push_str("<span data-complete=\"\" hidden></span></div></template>");
    let _ = write!(out, "</{element}>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_escaped() {
        let frame = Frame {
            attributes: vec![("src".into(), "a\"><script>".into())],
            stylesheet_href: "x.css?a&b".into(),
        };
        let out = snippet("p2c-pledges", &frame, "<p>x</p>");
        assert!(out.starts_with("<p2c-pledges src=\"a&quot;&gt;&lt;script&gt;\">"));
        assert!(out.contains("href=\"x.css?a&amp;b\""));
        assert!(out.ends_with("<span data-complete=\"\" hidden></span></div></template></p2c-pledges>"));
    }
}
