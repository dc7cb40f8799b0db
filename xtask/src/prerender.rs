//! `cargo xtask prerender`: a widget's pre-rendered snippet (its element with a Declarative
//! Shadow DOM template holding the server-rendered content) for any data file; `build` calls
//! [`bundled`] for the bundled data in the six languages (`dist/prerendered/`).

use std::path::{Path, PathBuf};
use std::rc::Rc;

use wsis_sdg_widgets::embed::prerender::{self, Frame};
use wsis_sdg_widgets::model::forum::Forum;
use wsis_sdg_widgets::model::pledges::Pledges;
use wsis_sdg_widgets::model::{Lang, Matrix, SdgCatalog};
use wsis_sdg_widgets::ui::theme::Theme;
use wsis_sdg_widgets::widgets::matrix::Orientation;

use lexopt::ValueExt;

use crate::{root, Error, IoContext, Result};

/// The three elements that can be pre-rendered.
pub const ELEMENTS: [&str; 3] = ["wsis-sdg-matrix", "wsis-forum-outcomes", "p2c-pledges"];

/// What one snippet is made of.
#[derive(Debug, Clone)]
pub struct Request {
    pub element: String,
    /// The widget's data file on disk (matrix, forum or pledges file).
    pub data: PathBuf,
    /// The matrix file, for the forum (default: `matrix.json` next to `data`).
    pub matrix: Option<PathBuf>,
    /// The SDG texts in `lang` (default: `sdg/sdg-<lang>.json` next to the matrix file).
    pub sdg: Option<PathBuf>,
    pub lang: Lang,
    pub theme: Option<String>,
    pub view: Option<String>,
    pub year: Option<u16>,
    /// The element's `src` as the host page will see it (default: `data` as given).
    pub src: Option<String>,
    pub matrix_src: Option<String>,
    pub sdg_src: Option<String>,
    /// Where the host page finds `wsis-sdg-widgets.css`.
    pub stylesheet: String,
}

impl Request {
    /// A snippet of `element` for `data` in `lang`, everything else as the widget's defaults.
    pub fn new(element: &str, data: PathBuf, lang: Lang, stylesheet: &str) -> Request {
        Request {
            element: element.to_owned(),
            data,
            matrix: None,
            sdg: None,
            lang,
            theme: None,
            view: None,
            year: None,
            src: None,
            matrix_src: None,
            sdg_src: None,
            stylesheet: stylesheet.to_owned(),
        }
    }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).at(path)
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

fn sibling(path: &Path, name: &str) -> PathBuf {
    path.parent().map(|p| p.join(name)).unwrap_or_else(|| PathBuf::from(name))
}

fn load_catalog(request: &Request, matrix_path: &Path) -> Result<SdgCatalog> {
    let path = request
        .sdg
        .clone()
        .unwrap_or_else(|| sibling(matrix_path, &format!("sdg/sdg-{}.json", request.lang.code())));
    Ok(SdgCatalog::from_json(&file_name(&path), &read(&path)?, request.lang)?)
}

/// The snippet's HTML, or the first problem with the data (file and JSON path).
pub fn render(request: &Request) -> Result<String> {
    let theme = Theme::parse(request.theme.as_deref().unwrap_or(""));
    let data_name = file_name(&request.data);
    let text = read(&request.data)?;
    let content = match request.element.as_str() {
        "wsis-sdg-matrix" => {
            let matrix = Matrix::from_json(&data_name, &text)?;
            let catalog = load_catalog(request, &request.data)?;
            let orientation = Orientation::parse(request.view.as_deref().unwrap_or(""));
            block_on(prerender::matrix_html(
                Rc::new(matrix),
                Rc::new(catalog),
                request.lang,
                theme,
                orientation,
            ))
        }
        "wsis-forum-outcomes" => {
            let forum = Forum::from_json(&data_name, &text)?;
            let matrix_path = request.matrix.clone().unwrap_or_else(|| sibling(&request.data, "matrix.json"));
            let matrix = Matrix::from_json(&file_name(&matrix_path), &read(&matrix_path)?)?;
            let catalog = load_catalog(request, &matrix_path)?;
            block_on(prerender::forum_html(
                Rc::new(forum),
                Rc::new(matrix),
                Rc::new(catalog),
                request.lang,
                theme,
                request.year,
            ))
        }
        "p2c-pledges" => {
            let pledges = Pledges::from_json(&data_name, &text)?;
            block_on(prerender::pledges_html(Rc::new(pledges), request.lang, theme))
        }
        other => {
            return Err(Error::usage(format!("unknown element {other}; one of {}", ELEMENTS.join(", "))))
        }
    };
    let src = request.src.clone().unwrap_or_else(|| request.data.display().to_string());
    let attributes = prerender::Attributes {
        src: &src,
        lang: request.lang,
        matrix_src: request.matrix_src.as_deref(),
        sdg_src: request.sdg_src.as_deref(),
        theme: request.theme.as_deref(),
        view: request.view.as_deref(),
        year: request.year,
    }
    .list();
    let frame = Frame { attributes, stylesheet_href: request.stylesheet.clone() };
    Ok(prerender::snippet(&request.element, &frame, &content))
}

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    futures::executor::block_on(future)
}

/// The bundled data's snippets in all six languages: `dist/prerendered/<element>.<lang>.html`,
/// for pages that serve `data/` at `/data/` and `dist/` at `/dist/` (the demo's layout).
pub fn bundled(dist: &Path) -> Result {
    crate::intl::plug();
    let root = root();
    let out = dist.join("prerendered");
    std::fs::create_dir_all(&out).at(&out)?;
    let data = |name: &str| root.join("data").join(name);
    for lang in Lang::ALL {
        for element in ELEMENTS {
            let (file, src) = match element {
                "wsis-sdg-matrix" => ("matrix.json", "/data/matrix.json"),
                "wsis-forum-outcomes" => ("forum-outcomes.json", "/data/forum-outcomes.json"),
                _ => ("p2c-pledges.json", "/data/p2c-pledges.json"),
            };
            let request = Request {
                src: Some(src.to_owned()),
                ..Request::new(element, data(file), lang, "/dist/wsis-sdg-widgets.css")
            };
            let html = render(&request)?;
            let path = out.join(format!("{element}.{}.html", lang.code()));
            std::fs::write(&path, html).at(&path)?;
        }
    }
    Ok(())
}

/// `cargo xtask prerender ELEMENT --data FILE [options]`.
pub fn command(args: &[String]) -> Result {
    let usage = "usage: cargo xtask prerender <wsis-sdg-matrix|wsis-forum-outcomes|p2c-pledges> --data FILE \
                 [--lang L] [--theme auto|light|dark] [--view al-sdg|sdg-al] [--year Y] [--matrix FILE] [--sdg FILE] \
                 [--src URL] [--matrix-src URL] [--sdg-src URL] [--stylesheet URL] [--out FILE]";
    let mut parser = lexopt::Parser::from_args(args);
    let element = match parser.next()? {
        Some(lexopt::Arg::Value(element)) => element.string()?,
        _ => return Err(Error::usage(usage)),
    };
    let mut request = Request::new(&element, PathBuf::new(), Lang::En, "wsis-sdg-widgets.css");
    let mut out: Option<PathBuf> = None;
    while let Some(arg) = parser.next()? {
        let lexopt::Arg::Long(flag) = arg else {
            return Err(Error::usage(format!("{}; {usage}", arg.unexpected())));
        };
        let flag = flag.to_owned();
        let value = parser.value()?.string()?;
        match flag.as_str() {
            "data" => request.data = PathBuf::from(value),
            "matrix" => request.matrix = Some(PathBuf::from(value)),
            "sdg" => request.sdg = Some(PathBuf::from(value)),
            "lang" => {
                request.lang = Lang::from_tag(&value)
                    .ok_or_else(|| Error::usage(format!("--lang {value}: one of ar zh en fr ru es")))?
            }
            "theme" => request.theme = Some(value),
            "view" => request.view = Some(value),
            "year" => {
                request.year =
                    Some(value.parse().map_err(|_| Error::usage(format!("--year {value}: not a year")))?)
            }
            "src" => request.src = Some(value),
            "matrix-src" => request.matrix_src = Some(value),
            "sdg-src" => request.sdg_src = Some(value),
            "stylesheet" => request.stylesheet = value,
            "out" => out = Some(PathBuf::from(value)),
            other => return Err(Error::usage(format!("unknown option --{other}; {usage}"))),
        }
    }
    if request.data.as_os_str().is_empty() {
        return Err(Error::usage(format!("--data is required; {usage}")));
    }
    crate::intl::plug();
    let html = render(&request)?;
    match out {
        Some(path) => std::fs::write(&path, html).at(&path),
        None => {
            println!("{html}");
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VOID: [&str; 8] = ["link", "input", "br", "img", "meta", "hr", "wbr", "source"];

    /// Checks that every tag is closed in order (void elements aside), attributes are quoted and
    /// no `<` or `>` stands in text: Yew's SSR escapes text, so a stray one would be a bug.
    fn well_formed(html: &str) -> std::result::Result<(), String> {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = html;
        while let Some(start) = rest.find('<') {
            if rest.get(..start).is_some_and(|text| text.contains('>')) {
                return Err(format!("'>' in text near {:?}", rest.get(..start.min(80))));
            }
            let after = rest.get(start + 1..).unwrap_or_default();
            // A tag ends at the first '>' outside quotes.
            let mut quote = None;
            let mut end = None;
            for (i, c) in after.char_indices() {
                match (quote, c) {
                    (None, '"') => quote = Some('"'),
                    (Some('"'), '"') => quote = None,
                    (None, '<') => return Err(format!("'<' inside a tag near {:?}", after.get(..80))),
                    (None, '>') => {
                        end = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            let end = end.ok_or_else(|| "unclosed tag".to_owned())?;
            let tag = after.get(..end).unwrap_or_default();
            rest = after.get(end + 1..).unwrap_or_default();
            if let Some(name) = tag.strip_prefix('/') {
                let open = stack.pop().ok_or_else(|| format!("</{name}> closes nothing"))?;
                if open != name {
                    return Err(format!("</{name}> closes <{open}>"));
                }
                continue;
            }
            let name: String =
                tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>();
            if !VOID.contains(&name.as_str()) {
                stack.push(name);
            }
        }
        if rest.contains('>') {
            return Err("'>' in trailing text".into());
        }
        match stack.last() {
            Some(open) => Err(format!("<{open}> never closed")),
            None => Ok(()),
        }
    }

    fn request(element: &str, data: &str, lang: Lang) -> Request {
        Request {
            src: Some(format!("/data/{data}")),
            ..Request::new(element, root().join("data").join(data), lang, "/dist/wsis-sdg-widgets.css")
        }
    }

    fn assert_safe(html: &str, what: &str) {
        assert!(!html.contains("<script"), "{what}: a script element");
        assert!(!html.contains("<style"), "{what}: an inline style element");
        assert!(!html.contains(" style="), "{what}: an inline style attribute");
        let handler = html.match_indices(" on").any(|(i, _)| {
            let name: String =
                html.get(i + 3..).unwrap_or_default().chars().take_while(char::is_ascii_lowercase).collect();
            html.get(i + 3 + name.len()..).is_some_and(|r| r.starts_with("=\""))
        });
        assert!(!handler, "{what}: an event handler attribute (onclick= …)");
        assert!(
            html.contains("<template shadowrootmode=\"open\"><link rel=\"stylesheet\""),
            "{what}: DSD + link"
        );
        if let Err(problem) = well_formed(html) {
            panic!("{what}: not well formed: {problem}");
        }
    }

    #[test]
    fn every_widget_and_language_prerenders_well_formed_and_safe() {
        let matrix: serde_json::Value =
            serde_json::from_str(&read(&root().join("data/matrix.json")).unwrap_or_default())
                .unwrap_or_default();
        let links = matrix["links"].as_array().map(Vec::len).unwrap_or(0);
        assert!(links > 100);
        let forum: serde_json::Value =
            serde_json::from_str(&read(&root().join("data/forum-outcomes.json")).unwrap_or_default())
                .unwrap_or_default();
        let sessions = forum["sessions"].as_array().map(Vec::len).unwrap_or(0);
        for lang in Lang::ALL {
            let what = format!("matrix {}", lang.code());
            let html =
                render(&request("wsis-sdg-matrix", "matrix.json", lang)).unwrap_or_else(|e| panic!("{e}"));
            assert_safe(&html, &what);
            assert_eq!(html.matches("data-linked=\"true\"").count(), links, "{what}: linked cells");
            assert_eq!(html.matches("role=\"rowheader\"").count(), 18, "{what}: Action Line rows");
            assert_eq!(html.matches("popover=\"auto\"").count(), links, "{what}: a details popover per link");
            assert!(html.contains(&format!("lang=\"{}\"", lang.code())));
            assert_eq!(html.contains("dir=\"rtl\""), lang == Lang::Ar, "{what}: direction");

            let what = format!("forum {}", lang.code());
            let html = render(&request("wsis-forum-outcomes", "forum-outcomes.json", lang))
                .unwrap_or_else(|e| panic!("{e}"));
            assert_safe(&html, &what);
            assert_eq!(html.matches("<summary data-session=").count(), sessions, "{what}: sessions");
            assert_eq!(html.matches("<dl class=\"session-detail\"").count(), sessions, "{what}: details");

            let what = format!("pledges {}", lang.code());
            let html =
                render(&request("p2c-pledges", "p2c-pledges.json", lang)).unwrap_or_else(|e| panic!("{e}"));
            assert_safe(&html, &what);
            assert!(html.contains("data-testid=\"total\""), "{what}: the total");
            assert!(html.contains("<progress"), "{what}: progress");
            assert!(html.matches("data-testid=\"timeline-point\"").count() > 3, "{what}: timeline");
        }
    }

    #[test]
    fn data_text_is_escaped_and_bad_links_are_not_links() {
        let dir = std::env::temp_dir().join(format!("wsis-prerender-{}", std::process::id()));
        let _ = std::fs::create_dir_all(dir.join("sdg"));
        let mut matrix: serde_json::Value =
            serde_json::from_str(&read(&root().join("data/matrix.json")).unwrap_or_default())
                .unwrap_or_default();
        matrix["links"][0]["rationale"] = "<script>alert(1)</script> & \"quoted\" <b>bold</b>".into();
        let _ = std::fs::write(dir.join("matrix.json"), matrix.to_string());
        let _ = std::fs::copy(root().join("data/sdg/sdg-en.json"), dir.join("sdg/sdg-en.json"));
        let mut req = request("wsis-sdg-matrix", "matrix.json", Lang::En);
        req.data = dir.join("matrix.json");
        req.src = Some("/m.json\" onload=\"alert(1)".into());
        let html = render(&req).unwrap_or_else(|e| panic!("{e}"));
        assert_safe(&html, "planted markup");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"), "rationale escaped");
        assert!(!html.contains("<b>bold</b>"));
        assert!(html.contains("src=\"/m.json&quot; onload=&quot;alert(1)\""), "attribute escaped");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_bad_file_is_refused_with_its_name_and_path() {
        let dir = std::env::temp_dir().join(format!("wsis-prerender-bad-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("p2c-pledges.json"), "{\"schema\": 1, \"total\": \"lots\"}");
        let mut req = request("p2c-pledges", "p2c-pledges.json", Lang::En);
        req.data = dir.join("p2c-pledges.json");
        let message = render(&req).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("p2c-pledges.json"), "{message}");
        let _ = std::fs::remove_dir_all(&dir);
        assert!(render(&request("wsis-nothing", "matrix.json", Lang::En)).is_err());
    }
}
