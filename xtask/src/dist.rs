//! `cargo xtask dist`: the release a web team puts on its own server or CDN as it is, in one
//! versioned folder `release/wsis-sdg-widgets-<version>/` and its `.tar.gz` and `.zip`.
//!
//! ```text
//! wsis-sdg-widgets-0.1.0/
//!   wsis-sdg-matrix.<hash>.js …          the loader scripts (src/embed/elements.js per bundle)
//!   wsis_sdg_matrix.<hash>.js …          their wasm-bindgen glue
//!   wsis_sdg_matrix_bg.<hash>.wasm …     their modules
//!   wsis-sdg-widgets.<hash>.css          the stylesheet (pre-rendered snippets link to it)
//!   wsis-sdg-present.js, present/*.js    the presenter deck (names kept: a page names only the entry)
//!   data/                                the bundled data, data/schema/ and the licence notes
//!   prerendered/<element>.<lang>.html    the snippets, their stylesheet and data URLs under --base-url
//!   demo/                                www/ (the demo and example pages), pointing into the release
//!   SNIPPETS.md  NOTICE.md  package.json  manifest.json
//!   every text and wasm file (but data/) also as .br and .gz beside it
//! ```
//!
//! Hashes are taken bottom-up, as the files name each other: the wasm and the stylesheet first,
//! then each glue with its wasm's new name written in, then each loader with its glue's, wasm's
//! and stylesheet's new names. The folder is made in memory (path → bytes, in one sorted order)
//! and the archives from that, with fixed times, owners and modes, so two runs over the same
//! `dist/` give the same bytes (`tests/dist/release.test.mjs`).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};

use crate::build::{BUNDLES, DESK, DESK_SNIPPET, STYLESHEET};
use crate::{root, Error, IoContext, Result};

/// The package name: the folder, the archives and `package.json` carry it.
pub const NAME: &str = "wsis-sdg-widgets";
/// Hex digits of a file's SHA-256 in its hashed name.
const HASH_LEN: usize = 10;
/// Files stored also as `.br` and `.gz` (what a web server sends compressed).
const COMPRESSED: [&str; 9] = ["js", "mjs", "wasm", "css", "json", "html", "svg", "txt", "md"];
/// Archive times when `SOURCE_DATE_EPOCH` is not set: 1980-01-01T00:00:00Z, the zip format's first day.
const DEFAULT_EPOCH: u64 = 315_532_800;

/// The release folder in memory: path inside it (`/`-separated) → bytes. One sorted order for
/// the folder, the manifest and both archives.
type Files = BTreeMap<String, Vec<u8>>;
/// Files made by one compression thread.
type Made = Result<Vec<(String, Vec<u8>)>>;

/// Demo pages left out of the release: the Yew example app is for Rust developers, who build
/// it from the repository (`dist/examples/`); a web team's release carries the custom elements.
const NOT_RELEASED: [&str; 2] = ["examples/yew-app.html", "examples/yew-app.js"];

/// What to package and where.
pub struct Options {
    /// The built `dist/`.
    pub dist: PathBuf,
    /// Where the folder and archives go (`release/`).
    pub out: PathBuf,
    /// The URL the folder will be served at, ending in `/`: snippets and pre-rendered files use it.
    pub base_url: Option<String>,
}

/// What came out.
pub struct Release {
    pub folder: PathBuf,
    pub tar_gz: PathBuf,
    pub zip: PathBuf,
}

pub fn command(args: &[String]) -> Result {
    let root = root();
    let mut build = true;
    let mut options = Options { dist: root.join("dist"), out: root.join("release"), base_url: None };
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            lexopt::Arg::Long("no-build") => build = false,
            lexopt::Arg::Long("out") => options.out = PathBuf::from(parser.value()?),
            lexopt::Arg::Long("base-url") => {
                options.base_url =
                    Some(parser.value()?.into_string().map_err(|_| Error::usage("--base-url: not UTF-8"))?)
            }
            other => {
                return Err(Error::usage(format!(
                    "{}; usage: cargo xtask dist [--no-build] [--out DIR] [--base-url URL]",
                    other.unexpected()
                )))
            }
        }
    }
    if build {
        crate::setup::build_tools()?;
        crate::build::build()?;
    }
    let started = Instant::now();
    let release = package(&root, &options)?;
    eprintln!(
        "release: {} and {}, {} ({:.1} s)",
        release.folder.display(),
        release.tar_gz.display(),
        release.zip.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Packages `options.dist` (and `data/`, `www/` of `root`) into the release.
pub fn package(root: &Path, options: &Options) -> Result<Release> {
    let cargo_toml = root.join("Cargo.toml");
    let manifest_text = std::fs::read_to_string(&cargo_toml).at(&cargo_toml)?;
    let version = package_field(&manifest_text, "version")
        .filter(|v| {
            !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
        })
        .ok_or_else(|| Error::check(format!("{}: no usable [package] version", cargo_toml.display())))?;
    let folder_name = format!("{NAME}-{version}");
    let base = base_url(options.base_url.as_deref(), &folder_name)?;
    let dist = &options.dist;

    let mut files = Files::new();
    // Logical name (as in dist/) → name in the release, for every file whose name is hashed.
    let mut entries: BTreeMap<String, String> = BTreeMap::new();
    let mut hashed = |files: &mut Files, logical: &str, bytes: Vec<u8>| -> String {
        let name = hashed_name(logical, &bytes);
        files.insert(name.clone(), bytes);
        entries.insert(logical.to_owned(), name.clone());
        name
    };

    let css_name = hashed(&mut files, STYLESHEET, read(&dist.join(STYLESHEET))?);
    // The desk's snippet module: no loader of its own, the desk's imports it (below).
    let snippet_wasm = format!("{}_bg.wasm", DESK_SNIPPET.module);
    let snippet_wasm_name = hashed(&mut files, &snippet_wasm, read(&dist.join(&snippet_wasm))?);
    let snippet_glue = format!("{}.js", DESK_SNIPPET.module);
    let glue = rewrite_refs(
        &snippet_glue,
        &read_text(&dist.join(&snippet_glue))?,
        &[Ref::required(&snippet_wasm, &snippet_wasm_name)],
    )?;
    let snippet_glue_name = hashed(&mut files, &snippet_glue, glue.into_bytes());
    // The data desk's bundle ships too (demo/desk.html loads it), hashed as the readers' are.
    for bundle in BUNDLES.iter().chain([&DESK]) {
        let wasm_file = format!("{}_bg.wasm", bundle.module);
        let wasm_name = hashed(&mut files, &wasm_file, read(&dist.join(&wasm_file))?);
        let glue_file = format!("{}.js", bundle.module);
        let glue = rewrite_refs(
            &glue_file,
            &read_text(&dist.join(&glue_file))?,
            &[Ref::required(&wasm_file, &wasm_name)],
        )?;
        let glue_name = hashed(&mut files, &glue_file, glue.into_bytes());
        let desk = bundle.module == DESK.module;
        let loader = rewrite_refs(
            bundle.script,
            &read_text(&dist.join(bundle.script))?,
            &[
                // The static import and the fresh import on "Start again".
                Ref::required(&glue_file, &glue_name),
                Ref::required(&wasm_file, &wasm_name),
                // The loader's link to the stylesheet file, when it has one.
                Ref { from: STYLESHEET, to: &css_name, required: false },
                // The desk's import of its snippet module.
                Ref { from: &snippet_glue, to: &snippet_glue_name, required: desk },
                Ref { from: &snippet_wasm, to: &snippet_wasm_name, required: desk },
            ],
        )?;
        hashed(&mut files, bundle.script, loader.into_bytes());
    }
    let all_in_one = entries
        .get("wsis-sdg-widgets.js")
        .cloned()
        .ok_or_else(|| Error::check("no all-in-one bundle wsis-sdg-widgets.js in build::BUNDLES"))?;

    // The presenter deck keeps its names (a page names only its entry; it imports the all-in-one).
    let present = rewrite_refs(
        "wsis-sdg-present.js",
        &read_text(&dist.join("wsis-sdg-present.js"))?,
        &[Ref::required("wsis-sdg-widgets.js", &all_in_one)],
    )?;
    files.insert("wsis-sdg-present.js".into(), present.into_bytes());
    copy_tree(&dist.join("present"), "present", &mut files)?;

    copy_tree(&root.join("data"), "data", &mut files)?;

    let prerendered_dir = dist.join("prerendered");
    for (name, bytes) in tree(&prerendered_dir)? {
        let text =
            String::from_utf8(bytes).map_err(|e| Error::parse(prerendered_dir.join(&name).display(), e))?;
        let text = prerendered_for_release(&name, &text, &format!("{base}{css_name}"), &base)?;
        files.insert(format!("prerendered/{name}"), text.into_bytes());
    }

    let www = root.join("www");
    for (name, bytes) in tree(&www)? {
        if NOT_RELEASED.contains(&name.as_str()) {
            continue;
        }
        let page_bytes = if has_extension(&name, &["html", "js", "css"]) {
            let text = String::from_utf8(bytes).map_err(|e| Error::parse(www.join(&name).display(), e))?;
            demo_page(&name, &text, &prerendered_dir, &entries, &files)?.into_bytes()
        } else {
            bytes
        };
        files.insert(format!("demo/{name}"), page_bytes);
    }

    let integrity_of = |name: &str| files.get(name).map(|b| integrity(b)).unwrap_or_default();
    let snippets = snippets_md(&version, &base, &entries, &integrity_of);
    files.insert("SNIPPETS.md".into(), snippets.into_bytes());
    files.insert("NOTICE.md".into(), notice_md(&manifest_text).into_bytes());

    // The TypeScript declarations of each script (`dist/<script>.d.ts`, self-contained), under
    // their plain names: only tsc reads them. Without all four, the package has no `types`.
    let mut declarations = true;
    for bundle in BUNDLES {
        let name = bundle.script.replace(".js", ".d.ts");
        let path = dist.join(&name);
        if path.is_file() {
            files.insert(name, read(&path)?);
        } else {
            declarations = false;
        }
    }
    // The Custom Elements Manifest, when the build made one (its paths are the plain script
    // names; `manifest.json` maps them to the hashed ones).
    let custom_elements = dist.join("custom-elements.json");
    let has_custom_elements = custom_elements.is_file();
    if has_custom_elements {
        files.insert("custom-elements.json".into(), read(&custom_elements)?);
    }
    let package = package_json(
        &manifest_text,
        &version,
        &entries,
        Extras { declarations, custom_elements: has_custom_elements },
    )?;
    files.insert("package.json".into(), package.into_bytes());

    let manifest = manifest_json(&version, &base, &entries, &files)?;
    files.insert("manifest.json".into(), manifest.into_bytes());
    compress_all(&mut files, &root.join("target/dist-cache"))?;

    let out = &options.out;
    std::fs::create_dir_all(out).at(out)?;
    let folder = out.join(&folder_name);
    if folder.exists() {
        std::fs::remove_dir_all(&folder).at(&folder)?;
    }
    for (name, bytes) in &files {
        let path = folder.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).at(parent)?;
        }
        std::fs::write(&path, bytes).at(&path)?;
    }
    let mtime = source_date_epoch();
    let tar_gz = out.join(format!("{folder_name}.tar.gz"));
    write_atomic(&tar_gz, &tar_gz_bytes(&folder_name, &files, mtime)?)?;
    let zip = out.join(format!("{folder_name}.zip"));
    write_atomic(&zip, &zip_bytes(&folder_name, &files, mtime)?)?;
    Ok(Release { folder, tar_gz, zip })
}

/// A string field of `[package]` in a Cargo.toml (`version = "0.1.0"`).
pub fn package_field(cargo_toml: &str, field: &str) -> Option<String> {
    let mut in_package = false;
    for line in cargo_toml.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[package]";
            continue;
        }
        let Some(rest) = line.strip_prefix(field).filter(|_| in_package) else { continue };
        let Some(value) = rest.trim_start().strip_prefix('=') else { continue };
        return value.trim().strip_prefix('"')?.split('"').next().map(str::to_owned);
    }
    None
}

/// `--base-url` (default `/<folder>/`), ending in `/`, and safe to write into HTML attributes,
/// JSON and Markdown as it is.
fn base_url(given: Option<&str>, folder_name: &str) -> Result<String> {
    let mut base = given.map_or_else(|| format!("/{folder_name}/"), str::to_owned);
    if base.is_empty() || base.chars().any(|c| c.is_whitespace() || c.is_control() || "\"'<>&`\\".contains(c))
    {
        return Err(Error::usage(format!("--base-url {base:?}: a URL without spaces, quotes, <, > or &")));
    }
    if !base.ends_with('/') {
        base.push('/');
    }
    Ok(base)
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::check(format!(
                "{}: missing; run cargo xtask build (or cargo xtask dist without --no-build)",
                path.display()
            ))
        } else {
            Error::io(path, e)
        }
    })
}

fn read_text(path: &Path) -> Result<String> {
    String::from_utf8(read(path)?).map_err(|e| Error::parse(path.display(), e))
}

/// Every file under `dir`, as (`/`-separated path inside it, bytes), sorted.
fn tree(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) -> Result {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .at(dir)?
            .map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<_>>()
            .at(dir)?;
        entries.sort();
        for path in entries {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                return Err(Error::check(format!("{}: a file name that is not UTF-8", path.display())));
            };
            let inner = format!("{prefix}{name}");
            if path.is_dir() {
                walk(&path, &format!("{inner}/"), out)?;
            } else {
                out.push((inner, read(&path)?));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    Ok(out)
}

fn copy_tree(dir: &Path, to: &str, files: &mut Files) -> Result {
    for (name, bytes) in tree(dir)? {
        files.insert(format!("{to}/{name}"), bytes);
    }
    Ok(())
}

fn has_extension(name: &str, extensions: &[&str]) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| extensions.contains(&ext))
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The Subresource Integrity value of a file: `sha384-` and its base64 digest.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// `name.js` → `name.<first hex digits of its SHA-256>.js`.
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = sha256_hex(bytes);
    let short = hash.get(..HASH_LEN).unwrap_or(&hash);
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{short}.{ext}"),
        None => format!("{name}.{short}"),
    }
}

/// A file name one bundle file writes for another, to replace by its name in the release.
pub struct Ref<'a> {
    pub from: &'a str,
    pub to: &'a str,
    /// Refuse the file when it holds no such reference (the build changed how it names it).
    pub required: bool,
}

impl<'a> Ref<'a> {
    pub fn required(from: &'a str, to: &'a str) -> Ref<'a> {
        Ref { from, to, required: true }
    }
}

/// Replaces each reference where it stands as a whole string literal, `'./name'`, `"./name"`,
/// `` `./name` `` or without `./` (wasm-bindgen writes `new URL("x_bg.wasm", import.meta.url)`);
/// never inside a longer string, so `"./x_bg.js"` (the wasm's import module name) stays.
pub fn rewrite_refs(file: &str, text: &str, refs: &[Ref]) -> Result<String> {
    let mut text = text.to_owned();
    for reference in refs {
        let mut count = 0;
        for quote in ['"', '\'', '`'] {
            for prefix in ["./", ""] {
                let from = format!("{quote}{prefix}{}{quote}", reference.from);
                let found = text.matches(&from).count();
                if found > 0 {
                    count += found;
                    text = text.replace(&from, &format!("{quote}{prefix}{}{quote}", reference.to));
                }
            }
        }
        if reference.required && count == 0 {
            return Err(Error::check(format!(
                "{file}: no reference to {} to rewrite (a string literal './{}')",
                reference.from, reference.from
            )));
        }
    }
    Ok(text)
}

/// A pre-rendered snippet with its stylesheet `<link>` pointing at `css_url`, and the data URLs
/// of its element (`src="/data/…"`, made for the demo's layout) under `base`.
fn prerendered_for_release(name: &str, text: &str, css_url: &str, base: &str) -> Result<String> {
    const LINK: &str = "<link rel=\"stylesheet\" href=\"";
    let fault = |what: &str| Error::check(format!("prerendered/{name}: {what}"));
    let template = text.find("<template").ok_or_else(|| fault("no <template>"))?;
    let (tag, content) = text.split_at(template);
    let link = content.find(LINK).ok_or_else(|| fault("no stylesheet <link>"))? + LINK.len();
    let (before, after) = content.split_at(link);
    let end = after.find('"').ok_or_else(|| fault("unterminated stylesheet href"))?;
    let rest = after.get(end..).unwrap_or_default();
    let tag = tag.replace("=\"/data/", &format!("=\"{base}data/"));
    Ok(format!("{tag}{before}{css_url}{rest}"))
}

/// A page of `www/` for `demo/`: `<!--#prerendered NAME-->` replaced by the snippet's template
/// (a static server has no includes), and the URLs the dev server resolves (`/dist/…`,
/// `../dist/…`, `/data/…`, `/examples/…`) made relative to the page in the release.
fn demo_page(
    name: &str,
    text: &str,
    prerendered: &Path,
    entries: &BTreeMap<String, String>,
    files: &Files,
) -> Result<String> {
    const INCLUDE: &str = "<!--#prerendered ";
    let mut text = text.to_owned();
    while let Some(start) = text.find(INCLUDE) {
        let after = text.get(start + INCLUDE.len()..).unwrap_or_default();
        let end =
            after.find("-->").ok_or_else(|| Error::check(format!("www/{name}: unterminated {INCLUDE}")))?;
        let snippet_name = after.get(..end).unwrap_or_default().trim().to_owned();
        let path = prerendered.join(format!("{snippet_name}.html"));
        let snippet = read_text(&path)?;
        let template = snippet
            .find("<template")
            .zip(snippet.rfind("</template>"))
            .and_then(|(from, to)| snippet.get(from..to + "</template>".len()))
            .ok_or_else(|| Error::check(format!("{}: no <template>", path.display())))?
            .to_owned();
        let stop = start + INCLUDE.len() + end + "-->".len();
        text.replace_range(start..stop, &template);
    }
    // demo/index.html is one folder below the release root, demo/examples/x.html two.
    let depth = name.matches('/').count() + 1;
    let up = "../".repeat(depth);
    let demo_up = "../".repeat(depth - 1);
    rewrite_urls(&text, |url| {
        let target = if let Some(file) = url.strip_prefix("/dist/").or_else(|| url.strip_prefix("../dist/")) {
            entries.get(file).cloned().unwrap_or_else(|| file.to_owned())
        } else if let Some(file) = url.strip_prefix("/data/") {
            format!("data/{file}")
        } else if let Some(file) = url.strip_prefix("/examples/") {
            // Resolved inside demo/.
            return Ok(format!("{demo_up}examples/{file}"));
        } else {
            return Ok(url.to_owned());
        };
        // A folder (`/dist/` itself: the builder's default place of the widget files) is the
        // release root or one of its folders.
        if !(target.is_empty() || target.ends_with('/') || files.contains_key(&target)) {
            return Err(Error::check(format!("www/{name}: {url} is not in the release (as {target})")));
        }
        Ok(format!("{up}{target}"))
    })
}

/// `text` with every quoted string that starts with one of the dev server's paths passed
/// through `map`.
fn rewrite_urls(text: &str, map: impl Fn(&str) -> Result<String>) -> Result<String> {
    const PREFIXES: [&str; 4] = ["/dist/", "../dist/", "/data/", "/examples/"];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['"', '\'']) {
        let (head, tail) = rest.split_at(at + 1);
        out.push_str(head);
        rest = tail;
        let Some(quote) = head.chars().last() else { continue };
        if !PREFIXES.iter().any(|p| rest.starts_with(p)) {
            continue;
        }
        let Some(end) = rest.find(quote) else { continue };
        let (url, after) = rest.split_at(end);
        out.push_str(&map(url)?);
        rest = after;
    }
    out.push_str(rest);
    Ok(out)
}

/// SNIPPETS.md: copy-paste snippets per widget, pinned to this release and carrying SRI.
fn snippets_md(
    version: &str,
    base: &str,
    entries: &BTreeMap<String, String>,
    integrity_of: &dyn Fn(&str) -> String,
) -> String {
    let file = |logical: &str| entries.get(logical).cloned().unwrap_or_else(|| logical.to_owned());
    let css = file(STYLESHEET);
    let mut md = format!(
        "# {NAME} {version}: snippets\n\n\
         Copy a snippet into your page. The URLs assume this folder is served at `{base}`\n\
         (made by `cargo xtask dist --base-url {base}`); for another place, make the release with\n\
         that `--base-url`, or replace `{base}` in the snippets and in `prerendered/`.\n\n\
         Every file name of the bundles holds a hash of its content and every script tag its\n\
         `integrity` value (also in `manifest.json`), so the snippets pin version {version}: those\n\
         files never change and may be cached for good (`Cache-Control: immutable`).\n\n\
         ## What `integrity` covers\n\n\
         - `integrity` on the `<script>` tag checks the loader script only. The loader imports its\n  \
           wasm-bindgen glue with an ordinary module import, which a browser checks only when the\n  \
           page gives it an integrity value: each snippet does so with an import map's\n  \
           `\"integrity\"` entry (tested here with Chromium, where a wrong value stops the\n  \
           widget). A browser without that support loads the glue\n  \
           unchecked. If the page has an import map already, add the `integrity` entries to it;\n  \
           it goes before the first module script.\n\
         - The `.wasm` module (fetched by the glue) and the stylesheet (fetched by the loader) come\n  \
           through `fetch()`, which no markup can give an integrity value: they are checked by\n  \
           nothing but their hashed names (and `manifest.json`).\n\
         - `crossorigin=\"anonymous\"`: module scripts are always fetched with CORS, so a server on\n  \
           another origin than the page must send `Access-Control-Allow-Origin` for the scripts,\n  \
           the `.wasm`, the stylesheet and the data files.\n\
         - The data files (`data/`) are read by the widgets, not the browser's script loader: no\n  \
           SRI. Point `src` at your own copy to update the data without a new release.\n\
         - A page with a Content-Security-Policy needs `'wasm-unsafe-eval'` in `script-src`, and an\n  \
           inline import map needs its hash or a nonce in `script-src` too.\n"
    );
    let import_map = |modules: &[&str]| {
        let lines: Vec<String> = modules
            .iter()
            .map(|m| format!("    \"{base}{}\": \"{}\"", file(m), integrity_of(&file(m))))
            .collect();
        format!(
            "<script type=\"importmap\">\n{{ \"integrity\": {{\n{}\n}} }}\n</script>\n",
            lines.join(",\n")
        )
    };
    let script = |loader: &str| {
        format!(
            "<script type=\"module\" src=\"{base}{}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>\n",
            file(loader),
            integrity_of(&file(loader))
        )
    };
    let widgets: [(&str, &str, &str, &str, &str); 3] = [
        (
            "The WSIS–SDG matrix",
            "wsis-sdg-matrix",
            "wsis-sdg-matrix.js",
            "wsis_sdg_matrix.js",
            "src=\"DATAmatrix.json\"",
        ),
        (
            "WSIS Forum outcomes",
            "wsis-forum-outcomes",
            "wsis-forum-outcomes.js",
            "wsis_forum_outcomes.js",
            "src=\"DATAforum-outcomes.json\"",
        ),
        (
            "Partner2Connect pledges",
            "p2c-pledges",
            "p2c-pledges.js",
            "p2c_pledges.js",
            "src=\"DATAp2c-pledges.json\" refresh=\"30\"",
        ),
    ];
    for (title, element, loader, glue, attributes) in widgets {
        let attributes = attributes.replace("DATA", &format!("{base}data/"));
        md.push_str(&format!(
            "\n## {title}: `<{element}>`\n\n<!-- snippet: {element} -->\n```html\n{}{}<{element} {attributes} lang=\"en\"></{element}>\n```\n\n\
             Content before code: paste `prerendered/{element}.<lang>.html` (the element with its\n\
             pre-rendered content; its stylesheet is `{base}{css}`) in place of the empty element,\n\
             after the same two scripts, and put these preload hints in the page's `<head>` (or\n\
             just before the scripts), so the module downloads while the content is read\n\
             (BENCHMARKS.md: the first keystroke answered about a second sooner on a slow network):\n\n\
             ```html\n<link rel=\"modulepreload\" href=\"{base}{}\">\n\
             <link rel=\"preload\" href=\"{base}{}\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n```\n",
            import_map(&[glue]),
            script(loader),
            file(glue),
            file(&glue.replace(".js", "_bg.wasm")),
        ));
    }
    md.push_str(&format!(
        "\n## Several widgets on one page, `mount()`, the presenter layouts\n\n\
         One all-in-one script for every widget on the page:\n\n\
         <!-- snippet: wsis-sdg-widgets -->\n```html\n{}{}<wsis-sdg-matrix id=\"matrix\" src=\"{base}data/matrix.json\"></wsis-sdg-matrix>\n\
         <wsis-forum-outcomes src=\"{base}data/forum-outcomes.json\"></wsis-forum-outcomes>\n```\n\n\
         Without custom elements (the import map also covers the loader, imported by the module):\n\n\
         <!-- snippet: mount -->\n```html\n{}<div id=\"matrix\"></div>\n<script type=\"module\">\n  \
         import {{ mount }} from '{base}{}';\n  \
         const handle = await mount(document.getElementById('matrix'),\n    \
         {{ widget: 'wsis-sdg-matrix', src: '{base}data/matrix.json', lang: 'en' }});\n</script>\n```\n\n\
         The presenter deck: `demo/present.html` (its entry `wsis-sdg-present.js` loads the\n\
         all-in-one). The demo and example pages of `demo/` run from this folder as they are.\n\n\
         ## From npm\n\n\
         This folder is also an npm package (`npm pack` in it makes `{NAME}-{version}.tgz`):\n\
         `import '{NAME}/wsis-sdg-matrix.js';` (or `wsis-forum-outcomes.js`, `p2c-pledges.js`, and\n\
         `{NAME}` itself for the all-in-one) defines the element; `{NAME}/wsis-sdg-widgets.css` is\n\
         the stylesheet. Each module finds its glue and `.wasm` next to itself (`import.meta.url`),\n\
         so a bundler must copy them along as assets. `<script>.d.ts` (when the build made them)\n\
         are each script's TypeScript declarations, `custom-elements.json` the Custom Elements\n\
         Manifest (its paths are the plain script names; `manifest.json` maps them to the\n\
         hashed ones).\n",
        import_map(&["wsis_sdg_widgets.js"]),
        script("wsis-sdg-widgets.js"),
        import_map(&["wsis-sdg-widgets.js", "wsis_sdg_widgets.js"]),
        file("wsis-sdg-widgets.js"),
    ));
    md
}

fn notice_md(cargo_toml: &str) -> String {
    let license = package_field(cargo_toml, "license").unwrap_or_else(|| "see the repository".into());
    format!(
        "# Licences\n\n\
         - The scripts, the WebAssembly modules, the stylesheet, the presenter deck, the pre-rendered\n\
           snippets' markup, the JSON Schemas (`data/schema/`) and the demo pages: the {NAME}\n\
           project, licensed {license}.\n\
         - `data/sdg/sdg-<lang>.json` (the SDGs and their targets in six languages): from\n\
           [open-sdg/sdg-translations](https://github.com/open-sdg/sdg-translations), MIT licence:\n\
           `data/sdg/LICENSE-open-sdg-translations.txt`.\n\
         - `data/matrix.json`, `data/forum-outcomes.json`, `data/p2c-pledges.json`: compiled by the\n\
           project from the public sources each file lists under `sources` (with what was left out\n\
           and why under `provenance`); each file names its schema in `$schema`.\n"
    )
}

/// What the build made besides the bundles, for package.json.
#[derive(Clone, Copy)]
struct Extras {
    /// `<script>.d.ts` for every script.
    declarations: bool,
    /// `custom-elements.json`.
    custom_elements: bool,
}

/// package.json: the folder as an npm package (`npm pack` in it), with an export per loader
/// script and the stylesheet under their plain names.
fn package_json(
    cargo_toml: &str,
    version: &str,
    entries: &BTreeMap<String, String>,
    extras: Extras,
) -> Result<String> {
    let Extras { declarations, custom_elements } = extras;
    let entry = |logical: &str| {
        entries
            .get(logical)
            .map(|name| format!("./{name}"))
            .ok_or_else(|| Error::check(format!("package.json: no {logical} in the release")))
    };
    // With declarations, each script's export names its types first (TypeScript's rule).
    let export = |script: &str| -> Result<serde_json::Value> {
        let target = entry(script)?;
        Ok(if declarations {
            serde_json::json!({ "types": format!("./{}", script.replace(".js", ".d.ts")), "default": target })
        } else {
            target.into()
        })
    };
    let mut exports = serde_json::Map::new();
    exports.insert(".".into(), export("wsis-sdg-widgets.js")?);
    let mut shipped: Vec<String> = Vec::new();
    for bundle in BUNDLES {
        exports.insert(format!("./{}", bundle.script), export(bundle.script)?);
        for logical in
            [bundle.script.to_owned(), format!("{}.js", bundle.module), format!("{}_bg.wasm", bundle.module)]
        {
            shipped.push(entry(&logical)?.trim_start_matches("./").to_owned());
        }
    }
    // The data desk's files ship in the package too (every release file does), with no export:
    // it is a page of the release (demo/desk.html), not a script for hosts.
    let desk_modules = [DESK.module, DESK_SNIPPET.module];
    let desk_files = desk_modules.iter().flat_map(|m| [format!("{m}.js"), format!("{m}_bg.wasm")]);
    for logical in std::iter::once(DESK.script.to_owned()).chain(desk_files) {
        shipped.push(entry(&logical)?.trim_start_matches("./").to_owned());
    }
    exports.insert(format!("./{STYLESHEET}"), entry(STYLESHEET)?.into());
    shipped.push(entry(STYLESHEET)?.trim_start_matches("./").to_owned());
    shipped.sort();
    // Globs, so the .br and .gz beside each file stay out of the package.
    for glob in [
        "wsis-sdg-present.js",
        "present/*.js",
        "data/**/*.json",
        "data/**/*.txt",
        "prerendered/*.html",
        "manifest.json",
        "SNIPPETS.md",
        "NOTICE.md",
    ] {
        shipped.push(glob.to_owned());
    }
    if declarations {
        shipped.push("*.d.ts".into());
    }
    if custom_elements {
        shipped.push("custom-elements.json".into());
    }
    let mut package = serde_json::Map::new();
    package.insert("name".into(), NAME.into());
    package.insert("version".into(), version.into());
    if let Some(description) = package_field(cargo_toml, "description") {
        package.insert("description".into(), description.into());
    }
    if let Some(license) = package_field(cargo_toml, "license") {
        package.insert("license".into(), license.into());
    }
    package.insert("type".into(), "module".into());
    package.insert("exports".into(), exports.into());
    package.insert("files".into(), shipped.into());
    if declarations {
        package.insert("types".into(), "./wsis-sdg-widgets.d.ts".into());
    }
    if custom_elements {
        package.insert("customElements".into(), "custom-elements.json".into());
    }
    serde_json::to_string_pretty(&serde_json::Value::Object(package))
        .map(|s| s + "\n")
        .map_err(|e| Error::check(format!("package.json: {e}")))
}

/// manifest.json: every file of the release (but itself and the `.br`/`.gz` copies) with its
/// size, SHA-256 and SRI value, and the hashed name of each bundle file under its plain name.
fn manifest_json(
    version: &str,
    base: &str,
    entries: &BTreeMap<String, String>,
    files: &Files,
) -> Result<String> {
    let sources: BTreeMap<&String, &String> = entries.iter().map(|(logical, name)| (name, logical)).collect();
    let mut listed = serde_json::Map::new();
    for (name, bytes) in files {
        let mut entry = serde_json::Map::new();
        // The plain name a hashed file was made from (what the embed builder looks up).
        if let Some(source) = sources.get(name) {
            entry.insert("source".into(), (*source).clone().into());
        }
        entry.insert("size".into(), bytes.len().into());
        entry.insert("sha256".into(), sha256_hex(bytes).into());
        entry.insert("integrity".into(), integrity(bytes).into());
        listed.insert(name.clone(), entry.into());
    }
    let mut named = serde_json::Map::new();
    for (logical, name) in entries {
        named.insert(logical.clone(), name.clone().into());
    }
    let mut manifest = serde_json::Map::new();
    manifest.insert("name".into(), NAME.into());
    manifest.insert("version".into(), version.into());
    manifest.insert("base_url".into(), base.into());
    manifest.insert("entries".into(), named.into());
    manifest.insert("files".into(), listed.into());
    serde_json::to_string_pretty(&serde_json::Value::Object(manifest))
        .map(|s| s + "\n")
        .map_err(|e| Error::check(format!("manifest.json: {e}")))
}

/// Whether a file gets `.br` and `.gz` twins: every text and wasm file but the data files, which
/// change in place (`cargo xtask announce` renames a new pledge file over the old one), so
/// twins beside them would go stale; servers compress them on the fly (deploy/nginx.conf).
pub fn twinned(name: &str) -> bool {
    has_extension(name, &COMPRESSED) && !name.starts_with("data/")
}

/// Adds `name.br` and `name.gz` (gzip 9, no name or time in its header) beside every text and
/// wasm file, compressing on every core. Brotli is quality 11 for the bundle files (3 % smaller
/// than 10 on the wasm) and 10 for the rest; the Rust brotli takes some 8 s of CPU for the
/// all-in-one wasm at 11 here, so each result is also kept in `cache` under its input's hash,
/// and taken from there only when it decompresses to the same input.
fn compress_all(files: &mut Files, cache: &Path) -> Result {
    let sources: Vec<(&String, &Vec<u8>)> = files.iter().filter(|(name, _)| twinned(name)).collect();
    let threads = std::thread::available_parallelism().map_or(1, usize::from).clamp(1, 8);
    let chunk = sources.len().div_ceil(threads).max(1);
    let results: Vec<Made> = std::thread::scope(|scope| {
        let handles: Vec<_> = sources
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for (name, bytes) in part {
                        let quality = if has_extension(name, &["wasm", "js", "css"]) && !name.contains('/') {
                            11
                        } else {
                            10
                        };
                        out.push((format!("{name}.br"), brotli_cached(cache, bytes, quality)?));
                        out.push((
                            format!("{name}.gz"),
                            gzip_bytes(bytes).map_err(|e| Error::io(name.as_str(), e))?,
                        ));
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(Error::check("a compression thread stopped"))))
            .collect()
    });
    for result in results {
        files.extend(result?);
    }
    Ok(())
}

fn brotli_bytes(bytes: &[u8], quality: i32) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams { quality, lgwin: 22, ..Default::default() };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

/// [`brotli_bytes`], through the cache folder (a miss or a stale entry is compressed anew).
fn brotli_cached(cache: &Path, bytes: &[u8], quality: i32) -> Result<Vec<u8>> {
    let path = cache.join(format!("brotli8-q{quality}-w22-{}.br", sha256_hex(bytes)));
    if let Ok(cached) = std::fs::read(&path) {
        let mut back = Vec::new();
        if brotli::BrotliDecompress(&mut &cached[..], &mut back).is_ok() && back == bytes {
            return Ok(cached);
        }
    }
    let compressed = brotli_bytes(bytes, quality).map_err(|e| Error::check(format!("brotli: {e}")))?;
    std::fs::create_dir_all(cache).at(cache)?;
    let temp = path.with_extension(format!("{}.part", std::process::id()));
    std::fs::write(&temp, &compressed).at(&temp)?;
    std::fs::rename(&temp, &path).at(&path)?;
    Ok(compressed)
}

/// Gzip without a file name, with time 0 and "unknown" as the system: the same bytes anywhere.
pub fn gzip_bytes(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .operating_system(255)
        .write(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org) if set, else 1980-01-01: the archives' one time.
fn source_date_epoch() -> u64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(DEFAULT_EPOCH)
        .max(DEFAULT_EPOCH)
}

/// Every folder that holds a file, parents first (each with a trailing `/`).
fn folders(files: &Files) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    for name in files.keys() {
        let mut at = 0;
        while let Some(slash) = name.get(at..).and_then(|s| s.find('/')) {
            at += slash + 1;
            set.insert(name.get(..at).unwrap_or_default().to_owned());
        }
    }
    set
}

/// The folder as a `.tar.gz`: ustar entries in sorted order, folders first, owner 0:0 without
/// names, modes 755 and 644, every time `mtime`.
pub fn tar_gz_bytes(folder: &str, files: &Files, mtime: u64) -> Result<Vec<u8>> {
    let fault = |e: std::io::Error| Error::check(format!("{folder}.tar.gz: {e}"));
    let mut tar = tar::Builder::new(Vec::new());
    let header = |kind: tar::EntryType, mode: u32, size: u64| {
        let mut header = tar::Header::new_ustar();
        header.set_entry_type(kind);
        header.set_mode(mode);
        header.set_uid(0);
        header.set_gid(0);
        header.set_mtime(mtime);
        header.set_size(size);
        header
    };
    let mut dirs = vec![format!("{folder}/")];
    dirs.extend(folders(files).into_iter().map(|d| format!("{folder}/{d}")));
    for dir in dirs {
        tar.append_data(&mut header(tar::EntryType::Directory, 0o755, 0), &dir, std::io::empty())
            .map_err(fault)?;
    }
    for (name, bytes) in files {
        let mut head = header(tar::EntryType::Regular, 0o644, bytes.len() as u64);
        tar.append_data(&mut head, format!("{folder}/{name}"), bytes.as_slice()).map_err(fault)?;
    }
    let tar = tar.into_inner().map_err(fault)?;
    gzip_bytes(&tar).map_err(fault)
}

/// The folder as a `.zip`: entries in sorted order, folders first, every time `mtime` (to the
/// zip format's 2 seconds), Unix modes 755 and 644, already compressed files stored.
pub fn zip_bytes(folder: &str, files: &Files, mtime: u64) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let fault = |e: zip::result::ZipError| Error::check(format!("{folder}.zip: {e}"));
    let days = i64::try_from(mtime / 86_400).unwrap_or(0);
    let (year, month, day) = crate::serve::civil_from_days(days);
    let seconds = mtime % 86_400;
    let time = zip::DateTime::from_date_and_time(
        u16::try_from(year).unwrap_or(1980),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
        u8::try_from(seconds / 3600).unwrap_or(0),
        u8::try_from(seconds / 60 % 60).unwrap_or(0),
        u8::try_from(seconds % 60).unwrap_or(0),
    )
    .unwrap_or(zip::DateTime::DEFAULT);
    let options = SimpleFileOptions::default().last_modified_time(time);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut dirs = vec![format!("{folder}/")];
    dirs.extend(folders(files).into_iter().map(|d| format!("{folder}/{d}")));
    for dir in dirs {
        zip.add_directory(dir, options.unix_permissions(0o755)).map_err(fault)?;
    }
    for (name, bytes) in files {
        let stored = has_extension(name, &["br", "gz", "png"]);
        let method = if stored { zip::CompressionMethod::Stored } else { zip::CompressionMethod::Deflated };
        let level = if stored { None } else { Some(9) };
        zip.start_file(
            format!("{folder}/{name}"),
            options.compression_method(method).compression_level(level).unix_permissions(0o644),
        )
        .map_err(fault)?;
        zip.write_all(bytes).map_err(|e| Error::check(format!("{folder}.zip: {e}")))?;
    }
    Ok(zip.finish().map_err(fault)?.into_inner())
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result {
    let temp = path.with_extension("part");
    std::fs::write(&temp, bytes).at(&temp)?;
    std::fs::rename(&temp, path).at(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_and_fields_come_from_the_package_section() {
        let toml = "[workspace]\nversion = \"9\"\n[package]\nname = \"x\"\nversion = \"0.1.0\"\nlicense = \"MIT OR Apache-2.0\"\n[dependencies]\nversion = \"2\"\n";
        assert_eq!(package_field(toml, "version").as_deref(), Some("0.1.0"));
        assert_eq!(package_field(toml, "license").as_deref(), Some("MIT OR Apache-2.0"));
        assert_eq!(package_field(toml, "edition"), None);
        let real = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
        assert_eq!(package_field(&real, "name").as_deref(), Some(NAME));
    }

    #[test]
    fn twins_for_text_and_wasm_but_not_the_data() {
        for name in ["wsis_sdg_matrix_bg.0123456789.wasm", "demo/index.html", "SNIPPETS.md", "manifest.json"]
        {
            assert!(twinned(name), "{name}");
        }
        for name in
            ["data/p2c-pledges.json", "data/sdg/sdg-en.json", "x.br", "docs/a.png", "wsis-sdg-matrix.d.ts"]
        {
            assert!(!twinned(name), "{name}");
        }
    }

    #[test]
    fn hashed_names_follow_the_content() {
        let a = hashed_name("wsis_sdg_matrix_bg.wasm", b"one");
        assert!(a.starts_with("wsis_sdg_matrix_bg.") && a.ends_with(".wasm"), "{a}");
        assert_eq!(a.len(), "wsis_sdg_matrix_bg..wasm".len() + HASH_LEN);
        assert_ne!(a, hashed_name("wsis_sdg_matrix_bg.wasm", b"two"));
        assert_eq!(a, hashed_name("wsis_sdg_matrix_bg.wasm", b"one"));
    }

    #[test]
    fn integrity_is_sha384_base64() {
        // printf abc | openssl dgst -sha384 -binary | base64
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    #[test]
    fn references_are_rewritten_as_whole_strings_only() {
        let loader = "import i,*as g from\"./wsis_sdg_matrix.js\";let w=new URL(\"./wsis_sdg_matrix_bg.wasm\",import.meta.url);\
                      const u=new URL('./wsis_sdg_matrix.js',import.meta.url);const c=new URL('./wsis-sdg-widgets.css', import.meta.url);\
                      const k={\"./wsis_sdg_matrix_bg.js\":1};const m=`load wsis_sdg_matrix.js or x`;";
        let out = rewrite_refs(
            "loader",
            loader,
            &[
                Ref::required("wsis_sdg_matrix.js", "wsis_sdg_matrix.G.js"),
                Ref::required("wsis_sdg_matrix_bg.wasm", "wsis_sdg_matrix_bg.W.wasm"),
                Ref { from: STYLESHEET, to: "wsis-sdg-widgets.C.css", required: false },
            ],
        )
        .unwrap();
        assert!(out.contains("from\"./wsis_sdg_matrix.G.js\""), "{out}");
        assert!(out.contains("new URL('./wsis_sdg_matrix.G.js',"), "{out}");
        assert!(out.contains("\"./wsis_sdg_matrix_bg.W.wasm\""), "{out}");
        assert!(out.contains("'./wsis-sdg-widgets.C.css'"), "{out}");
        // The wasm's import module name and text in messages stay.
        assert!(out.contains("\"./wsis_sdg_matrix_bg.js\":1"), "{out}");
        assert!(out.contains("`load wsis_sdg_matrix.js or x`"), "{out}");
        // wasm-bindgen's default URL has no ./
        let glue = rewrite_refs(
            "glue",
            "new URL(\"wsis_sdg_matrix_bg.wasm\",import.meta.url)",
            &[Ref::required("wsis_sdg_matrix_bg.wasm", "W.wasm")],
        )
        .unwrap();
        assert_eq!(glue, "new URL(\"W.wasm\",import.meta.url)");
    }

    #[test]
    fn a_missing_required_reference_is_refused_and_an_optional_one_is_not() {
        let err = rewrite_refs("x.js", "import './other.js'", &[Ref::required("glue.js", "glue.H.js")])
            .unwrap_err();
        assert!(err.to_string().contains("x.js: no reference to glue.js"), "{err}");
        let ok = rewrite_refs(
            "x.js",
            "import './glue.js'",
            &[Ref { from: STYLESHEET, to: "s.css", required: false }],
        )
        .unwrap();
        assert_eq!(ok, "import './glue.js'");
    }

    #[test]
    fn prerendered_snippets_point_at_the_release() {
        let snippet = "<wsis-sdg-matrix src=\"/data/matrix.json\" lang=\"en\"><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/dist/wsis-sdg-widgets.css\"><div>a=\"/data/x\"</div></template></wsis-sdg-matrix>";
        let out = prerendered_for_release("m.en.html", snippet, "/r/wsis-sdg-widgets.C.css", "/r/").unwrap();
        assert_eq!(
            out,
            "<wsis-sdg-matrix src=\"/r/data/matrix.json\" lang=\"en\"><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/r/wsis-sdg-widgets.C.css\"><div>a=\"/data/x\"</div></template></wsis-sdg-matrix>"
        );
        assert!(prerendered_for_release("m.en.html", "<p>no template</p>", "c", "/").is_err());
    }

    #[test]
    fn demo_urls_become_relative_to_the_page() {
        let mut entries = BTreeMap::new();
        entries.insert("wsis-sdg-widgets.js".to_owned(), "wsis-sdg-widgets.H.js".to_owned());
        let mut files = Files::new();
        files.insert("wsis-sdg-widgets.H.js".into(), Vec::new());
        files.insert("wsis-sdg-present.js".into(), Vec::new());
        files.insert("data/matrix.json".into(), Vec::new());
        let page = "<script src=\"/dist/wsis-sdg-widgets.js\"></script><a href='don't'>x</a><x src=\"/data/matrix.json\" sdg-src=\"/data/sdg/\" b=\"/examples/b.json\">";
        let dir = Path::new("/nonexistent");
        let out = demo_page("examples/p.html", page, dir, &entries, &files).unwrap();
        assert_eq!(out, "<script src=\"../../wsis-sdg-widgets.H.js\"></script><a href='don't'>x</a><x src=\"../../data/matrix.json\" sdg-src=\"../../data/sdg/\" b=\"../examples/b.json\">");
        let out =
            demo_page("present.html", "<script src=\"../dist/wsis-sdg-present.js\">", dir, &entries, &files)
                .unwrap();
        assert_eq!(out, "<script src=\"../wsis-sdg-present.js\">");
        let err = demo_page("x.html", "<script src=\"/dist/gone.js\">", dir, &entries, &files).unwrap_err();
        assert!(err.to_string().contains("www/x.html: /dist/gone.js is not in the release"), "{err}");
    }

    #[test]
    fn archives_hold_no_time_owner_or_order_of_the_machine() {
        let mut files = Files::new();
        files.insert("b/x.js".into(), b"x".to_vec());
        files.insert("a.txt".into(), b"a".to_vec());
        let tar_gz = tar_gz_bytes("r-1", &files, DEFAULT_EPOCH).unwrap();
        assert_eq!(
            tar_gz.get(..10),
            Some(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255][..]),
            "gzip header: no name, time 0"
        );
        assert_eq!(tar_gz, tar_gz_bytes("r-1", &files, DEFAULT_EPOCH).unwrap());
        let mut tar = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&tar_gz[..]), &mut tar).unwrap();
        let mut archive = tar::Archive::new(&tar[..]);
        let listed: Vec<(String, u32, u64, u64, u64)> = archive
            .entries()
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let h = e.header();
                (
                    e.path().unwrap().to_string_lossy().into_owned(),
                    h.mode().unwrap(),
                    h.uid().unwrap(),
                    h.gid().unwrap(),
                    h.mtime().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            listed,
            vec![
                ("r-1/".into(), 0o755, 0, 0, DEFAULT_EPOCH),
                ("r-1/b/".into(), 0o755, 0, 0, DEFAULT_EPOCH),
                ("r-1/a.txt".into(), 0o644, 0, 0, DEFAULT_EPOCH),
                ("r-1/b/x.js".into(), 0o644, 0, 0, DEFAULT_EPOCH),
            ]
        );
        let zip = zip_bytes("r-1", &files, DEFAULT_EPOCH).unwrap();
        assert_eq!(zip, zip_bytes("r-1", &files, DEFAULT_EPOCH).unwrap());
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
        let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
        assert_eq!(names, ["r-1/", "r-1/b/", "r-1/a.txt", "r-1/b/x.js"]);
        let entry = archive.by_name("r-1/b/x.js").unwrap();
        assert_eq!(entry.unix_mode(), Some(0o100644));
        assert_eq!(
            entry.last_modified().map(|t| (t.year(), t.month(), t.day(), t.hour())),
            Some((1980, 1, 1, 0))
        );
    }
}
