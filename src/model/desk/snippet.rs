//! The data desk's pre-rendered snippets (`src/desk/snippet_download.rs`): which open files
//! a widget's snippet is made from, when it may be made, and what it links to. The snippet
//! itself is `embed::prerender`'s, the code `cargo xtask prerender` runs.

use serde::{Deserialize, Serialize};

use super::{OpenFile, Problem, Snapshot};
use crate::model::file_kind::FileKind;
use crate::model::lang::Lang;
use crate::model::text::is_http_url;

/// The release's name: its folder is `<name>-<version>/` (`cargo xtask dist`).
pub const RELEASE_NAME: &str = "wsis-sdg-widgets";

/// The stylesheet file snippets link to, as `dist/` names it (a release hashes the name).
pub const STYLESHEET: &str = "wsis-sdg-widgets.css";

/// The release's folder URL when `cargo xtask dist` is given no `--base-url`.
pub fn release_base() -> String {
    format!("/{RELEASE_NAME}-{}/", env!("CARGO_PKG_VERSION"))
}

/// The element a kind of file is shown by (an SDG texts file has none of its own).
pub fn element(kind: FileKind) -> Option<&'static str> {
    match kind {
        FileKind::Matrix => Some("wsis-sdg-matrix"),
        FileKind::Forum => Some("wsis-forum-outcomes"),
        FileKind::Pledges => Some("p2c-pledges"),
        FileKind::SdgTexts(_) => None,
    }
}

/// The kind of file an element shows (the inverse of [`element`]).
pub fn kind_of_element(name: &str) -> Option<FileKind> {
    [FileKind::Forum, FileKind::Matrix, FileKind::Pledges].into_iter().find(|k| element(*k) == Some(name))
}

/// The downloaded file's name, as the release names its snippets: `<element>.<lang>.html`.
pub fn file_name(kind: FileKind, lang: Lang) -> Option<String> {
    Some(format!("{}.{}.html", element(kind)?, lang.code()))
}

/// The open files a snippet of `kind` in `lang` is made from besides its own: the open matrix
/// (for the forum) and the open SDG texts in `lang` (for the forum and the matrix); what is
/// not open comes from the published files.
pub fn inputs(kind: FileKind) -> &'static [FileKind] {
    match kind {
        FileKind::Forum => &[FileKind::Forum, FileKind::Matrix],
        FileKind::Matrix => &[FileKind::Matrix],
        FileKind::Pledges => &[FileKind::Pledges],
        FileKind::SdgTexts(_) => &[],
    }
}

/// Whether the widget of `kind` reads the SDG texts (the forum and the matrix do).
pub fn reads_sdg_texts(kind: FileKind) -> bool {
    matches!(kind, FileKind::Forum | FileKind::Matrix)
}

/// Whether the widget of `kind` has a snippet to make: its file is open and neither it nor an
/// open file it is made from (the SDG texts in `lang` included) has a problem.
pub fn ready(snapshot: &Snapshot, kind: FileKind, lang: Lang, problems: &[Problem]) -> bool {
    let Some(_) = element(kind).and(snapshot.file(kind)) else { return false };
    let texts = FileKind::SdgTexts(lang);
    let mut used =
        inputs(kind).iter().chain(reads_sdg_texts(kind).then_some(&texts)).filter_map(|k| snapshot.file(*k));
    used.all(|file| problems.iter().all(|p| p.file != file.name))
}

/// Everything one snippet is made of, as the desk hands it to the snippet module (JSON):
/// the texts, the element's attributes and the stylesheet. The module fetches what the widget
/// reads and is not open from the published files (`matrix_url`, `sdg_url`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// The element ([`element`] of the file's kind).
    pub element: String,
    pub lang: Lang,
    /// `light` or `dark`, written as the element's `theme`.
    pub theme: String,
    pub links: Links,
    pub data: OpenFile,
    /// The open matrix (the forum reads it), else the published one's URL.
    pub matrix: Option<OpenFile>,
    pub matrix_url: String,
    /// The open SDG texts in `lang` (the forum and the matrix read them), else the published.
    pub sdg: Option<OpenFile>,
    pub sdg_url: String,
}

/// What the snippet links to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Links {
    /// The stylesheet's `href`.
    pub stylesheet: String,
    /// The element's `src`: where the data file is published.
    pub src: String,
}

/// Which field holds a URL a snippet cannot carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkFault {
    Base,
    Stylesheet,
    Src,
}

/// A URL a snippet may carry: a path, or an http(s) URL; no spaces, quotes or angle brackets
/// (escaped anyway: refused so that the maintainer sees the typo), no other scheme.
fn usable(url: &str) -> bool {
    let clean = !url.is_empty()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c));
    let scheme = url.split(['/', '?', '#']).next().is_some_and(|first| first.contains(':'));
    clean && (!scheme || is_http_url(url))
}

/// The snippet's links: an empty field takes the release's layout under `base` (the
/// stylesheet `<base><css_file>`, the data `<base>data/<data_file>`, as `cargo xtask dist`
/// writes its `prerendered/` files; `css_file` is the hashed name in a release).
pub fn links(
    base: &str,
    stylesheet: &str,
    src: &str,
    css_file: &str,
    data_file: &str,
) -> Result<Links, LinkFault> {
    let (base, stylesheet, src) = (base.trim(), stylesheet.trim(), src.trim());
    let base = if base.is_empty() || base.ends_with('/') { base.to_owned() } else { format!("{base}/") };
    if !base.is_empty() && !usable(&base) {
        return Err(LinkFault::Base);
    }
    let or_default = |given: &str, default: String| if given.is_empty() { default } else { given.to_owned() };
    let links = Links {
        stylesheet: or_default(stylesheet, format!("{base}{css_file}")),
        src: or_default(src, format!("{base}data/{data_file}")),
    };
    if !usable(&links.stylesheet) {
        return Err(LinkFault::Stylesheet);
    }
    if !usable(&links.src) {
        return Err(LinkFault::Src);
    }
    Ok(links)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::desk::{OpenFile, Spot};

    fn file(name: &str) -> Option<OpenFile> {
        Some(OpenFile { name: name.into(), text: "{}".into() })
    }

    fn problem(file: &str) -> Problem {
        Problem {
            file: file.into(),
            kind: None,
            spot: Spot::File,
            place: String::new(),
            column_name: None,
            message: "bad".into(),
            detail: None,
        }
    }

    #[test]
    fn links_default_to_the_release_layout() {
        let base = release_base();
        assert!(base.starts_with("/wsis-sdg-widgets-") && base.ends_with('/'), "{base}");
        let links = links(&base, "", "", "wsis-sdg-widgets.0123456789.css", "p2c-pledges.json").unwrap();
        assert_eq!(links.stylesheet, format!("{base}wsis-sdg-widgets.0123456789.css"));
        assert_eq!(links.src, format!("{base}data/p2c-pledges.json"));
        let links = super::links("https://cdn.example.org/w", "", "/p.json", STYLESHEET, "x.json").unwrap();
        assert_eq!(links.stylesheet, "https://cdn.example.org/w/wsis-sdg-widgets.css");
        assert_eq!(links.src, "/p.json");
        let links = super::links("", " a.css ", "", STYLESHEET, "x.json").unwrap();
        assert_eq!((links.stylesheet.as_str(), links.src.as_str()), ("a.css", "data/x.json"));
    }

    #[test]
    fn unusable_links_are_refused_by_field() {
        assert_eq!(links("javascript:alert(1)//", "", "", STYLESHEET, "x.json"), Err(LinkFault::Base));
        assert_eq!(links("/", "a b.css", "", STYLESHEET, "x.json"), Err(LinkFault::Stylesheet));
        assert_eq!(links("/", "", "data:text/html,x", STYLESHEET, "x.json"), Err(LinkFault::Src));
        assert_eq!(links("/", "", "/x.json\"", STYLESHEET, "x.json"), Err(LinkFault::Src));
        assert!(links("/", "", "/x.json?v=2#top", STYLESHEET, "x.json").is_ok());
    }

    #[test]
    fn a_snippet_waits_for_its_files_to_be_clean() {
        let snapshot = Snapshot {
            forum: file("forum.json"),
            matrix: file("matrix.json"),
            pledges: file("pledges.json"),
            sdg: Some((Lang::Fr, OpenFile { name: "sdg-fr.json".into(), text: "{}".into() })),
            ..Snapshot::default()
        };
        assert!(ready(&snapshot, FileKind::Forum, Lang::Fr, &[]));
        assert!(!ready(&snapshot, FileKind::SdgTexts(Lang::Fr), Lang::Fr, &[]));
        assert!(!ready(&Snapshot::default(), FileKind::Pledges, Lang::Fr, &[]));
        // The matrix feeds the forum; the French texts feed both, in French only.
        let bad_matrix = [problem("matrix.json")];
        assert!(!ready(&snapshot, FileKind::Forum, Lang::Fr, &bad_matrix));
        assert!(!ready(&snapshot, FileKind::Matrix, Lang::Fr, &bad_matrix));
        assert!(ready(&snapshot, FileKind::Pledges, Lang::Fr, &bad_matrix));
        let bad_texts = [problem("sdg-fr.json")];
        assert!(!ready(&snapshot, FileKind::Matrix, Lang::Fr, &bad_texts));
        assert!(ready(&snapshot, FileKind::Matrix, Lang::En, &bad_texts));
        assert!(ready(&snapshot, FileKind::Pledges, Lang::Fr, &bad_texts));
        assert_eq!(file_name(FileKind::Pledges, Lang::Ar).as_deref(), Some("p2c-pledges.ar.html"));
        assert_eq!(kind_of_element("wsis-forum-outcomes"), Some(FileKind::Forum));
        assert_eq!(kind_of_element("wsis-nothing"), None);
    }
}
