//! `dist/`: a module per widget and one with all of them (each: wasm, its JS glue and the
//! custom-element script), the widgets' stylesheet file, the presenter deck script, and the
//! pre-rendered snippets of the bundled data.

use std::path::Path;
use std::process::Command;

use crate::setup::wasm_bindgen_bin;
use crate::{root, run, Error, IoContext, Result};

pub const CRATE_FILE: &str = "wsis_sdg_widgets";

/// One bundle: the script a page loads, and the module behind it.
#[derive(Debug, Clone, Copy)]
pub struct Bundle {
    /// The custom-element script in `dist/`, e.g. `wsis-sdg-matrix.js`.
    pub script: &'static str,
    /// The wasm-bindgen output name: `<name>.js` (glue) and `<name>_bg.wasm`.
    pub module: &'static str,
    /// Cargo features; empty: the default set (every widget and the presenter layouts).
    pub features: &'static [&'static str],
}

/// The all-in-one bundle (the demo, the presenter deck and most tests use it) comes last, so
/// `target/…/release/` holds its wasm afterwards (the bench's profile build starts from it).
pub const BUNDLES: [Bundle; 4] = [
    Bundle { script: "wsis-sdg-matrix.js", module: "wsis_sdg_matrix", features: &["matrix"] },
    Bundle { script: "wsis-forum-outcomes.js", module: "wsis_forum_outcomes", features: &["forum"] },
    Bundle { script: "p2c-pledges.js", module: "p2c_pledges", features: &["pledges"] },
    Bundle { script: "wsis-sdg-widgets.js", module: CRATE_FILE, features: &[] },
];

/// The data desk (`www/desk.html`): its own bundle, so no reader's page downloads its code. Its
/// loader is `src/embed/desk.js` (not `elements.js`: it defines no elements, it mounts the desk
/// into the page); the release hashes and ships it beside the reader bundles (`dist.rs`), and
/// the bench prints its size, but it is no package export and has no `.d.ts`.
pub const DESK: Bundle = Bundle { script: "wsis-sdg-desk.js", module: "wsis_sdg_desk", features: &["desk"] };

/// The desk's snippet renderer (Yew's SSR and the widgets): a module the desk's loader imports
/// on the first snippet download (no loader of its own: `script` is the desk's).
pub const DESK_SNIPPET: Bundle =
    Bundle { script: "wsis-sdg-desk.js", module: "wsis_sdg_desk_snippet", features: &["snippet"] };

/// The stylesheet file that pre-rendered snippets link to (the same text the live widgets adopt).
pub const STYLESHEET: &str = "wsis-sdg-widgets.css";

/// The features wasm-opt may use, for every module we build (`--all-features` would emit
/// imports Chromium rejects).
pub const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

pub fn build() -> Result {
    build_with(true)
}

/// `wasm: false` (`cargo xtask build --no-wasm`) remakes only what needs no wasm build: the
/// element scripts, the stylesheet file and the pre-rendered snippets, for quick edits.
pub fn build_with(wasm: bool) -> Result {
    let root = root();
    let dist = root.join("dist");
    std::fs::create_dir_all(&dist).at(&dist)?;
    let only = only_bundles();
    // Before the bundles, so target/…/release/ ends with the all-in-one bundle's wasm.
    if wasm && only.as_ref().is_none_or(|names| names.iter().any(|n| n == "yew-app")) {
        crate::examples::build()?;
    }
    if wasm && only.as_ref().is_none_or(|names| names.iter().any(|n| n == DESK.module)) {
        build_bundle(&DESK)?;
    }
    if wasm && only.as_ref().is_none_or(|names| names.iter().any(|n| n == DESK_SNIPPET.module)) {
        build_bundle(&DESK_SNIPPET)?;
    }
    write_desk_script()?;
    for bundle in BUNDLES {
        if wasm && only.as_ref().is_none_or(|names| names.iter().any(|n| n == bundle.module)) {
            build_bundle(&bundle)?;
        }
        write_script(&bundle)?;
    }
    let css = dist.join(STYLESHEET);
    std::fs::write(&css, wsis_sdg_widgets::ui::style::stylesheet()).at(&css)?;
    crate::api::write(&dist)?;
    write_present(&root, &dist)?;
    crate::prerender::bundled(&dist)?;
    eprintln!("built {}", dist.display());
    Ok(())
}

/// `XTASK_BUNDLES=wsis_sdg_widgets,yew-app`: build only these modules' wasm (names as in
/// [`BUNDLES`], `yew-app` for the example), for quick rounds while developing; the others keep
/// what `dist/` has. CI never sets it.
fn only_bundles() -> Option<Vec<String>> {
    let list = std::env::var("XTASK_BUNDLES").ok()?;
    Some(list.split(',').map(|name| name.trim().to_owned()).filter(|n| !n.is_empty()).collect())
}

fn build_bundle(bundle: &Bundle) -> Result {
    let root = root();
    let dist = root.join("dist");
    let mut cargo = Command::new("cargo");
    // `cargo rustc --crate-type cdylib`, not `cargo build`: with the manifest's two crate types
    // (cdylib for the bundles, rlib for Yew apps and the tests) rustc skips the release
    // profile's LTO, and the matrix bundle's wasm is 184.4 kB brotli instead of 166.4 kB
    // (measured December 2026; the link takes about a minute longer per bundle).
    cargo.current_dir(&root).args([
        "rustc",
        "--release",
        "--lib",
        "--package",
        "wsis-sdg-widgets",
        "--target",
        "wasm32-unknown-unknown",
        "--crate-type",
        "cdylib",
    ]);
    if !bundle.features.is_empty() {
        cargo.args(["--no-default-features", "--features", &bundle.features.join(",")]);
    }
    run(&mut cargo)?;
    let wasm = root.join(format!("target/wasm32-unknown-unknown/release/{CRATE_FILE}.wasm"));
    run(Command::new(wasm_bindgen_bin())
        .arg(&wasm)
        .args(["--target", "web", "--no-typescript", "--out-name", bundle.module, "--out-dir"])
        .arg(&dist))?;
    let bg = dist.join(format!("{}_bg.wasm", bundle.module));
    // -Oz --converge: 0.3–2.8 kB brotli smaller than -Os on every bundle (measured December
    // 2026; -Os was better in November, before the bundles were split).
    run(Command::new(root.join("node_modules/.bin/wasm-opt"))
        .arg(&bg)
        .args(["-Oz", "--converge"])
        .args(WASM_FEATURES)
        .arg("-o")
        .arg(&bg))?;
    minify(&dist.join(format!("{}.js", bundle.module)))
}

/// The presenter deck: its entry `wsis-sdg-present.js` next to the widget scripts it loads, its
/// modules in `present/`, and `present/constants.js` made from the crate.
fn write_present(root: &Path, dist: &Path) -> Result {
    let from = root.join("src/embed/present");
    let to = dist.join("present");
    // Emptied first, so a module removed or renamed in src/ does not linger in dist/.
    if to.exists() {
        std::fs::remove_dir_all(&to).at(&to)?;
    }
    std::fs::create_dir_all(&to).at(&to)?;
    let copy = |src: &Path, dst: &Path| std::fs::copy(src, dst).map(drop).at(src);
    copy(&root.join("src/embed/present.js"), &dist.join("wsis-sdg-present.js"))?;
    let entries = std::fs::read_dir(&from).at(&from)?;
    for entry in entries {
        let path = entry.at(&from)?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        // `*.d.ts` files only describe modules to tsc; the browser never loads them.
        if name.ends_with(".js") {
            copy(&path, &to.join(name))?;
            minify(&to.join(name))?;
        }
    }
    minify(&dist.join("wsis-sdg-present.js"))?;
    let constants = to.join("constants.js");
    std::fs::write(&constants, present_constants()).at(&constants)
}

/// `present/constants.js`: the Action Lines, languages and colours the deck uses, taken from
/// the crate so the JavaScript keeps no second list. serde_json writes the values, so they are
/// valid, escaped JavaScript literals.
pub fn present_constants() -> String {
    use wsis_sdg_widgets::model::palette::{Palette, DARK, LIGHT};
    use wsis_sdg_widgets::model::{action_line::ACTION_LINE_IDS, Lang};

    // Destructured, so a new Palette field fails to compile here until the deck gets it too.
    let palette = |p: &Palette| {
        let Palette { fg, bg, muted, border, accent, surface, mark, alert_border, alert_bg, alert_fg } = *p;
        serde_json::json!({
            "fg": fg, "bg": bg, "muted": muted, "border": border, "accent": accent,
            "surface": surface, "mark": mark, "alert_border": alert_border,
            "alert_bg": alert_bg, "alert_fg": alert_fg,
        })
    };
    let langs: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    let rtl: Vec<&str> = Lang::ALL.iter().filter(|l| l.is_rtl()).map(|l| l.code()).collect();
    let palettes = serde_json::json!({ "light": palette(&LIGHT), "dark": palette(&DARK) });
    let json = |value: &serde_json::Value| value.to_string();
    format!(
        "// Generated by `cargo xtask build` from the wsis-sdg-widgets crate \
         (model::action_line, model::Lang, model::palette); do not edit.\n\
         export const ACTION_LINES = {};\n\
         export const LANGS = {};\n\
         export const RTL = {};\n\
         export const PALETTE = {};\n",
        json(&serde_json::json!(ACTION_LINE_IDS)),
        json(&serde_json::json!(langs)),
        json(&serde_json::json!(rtl)),
        json(&palettes),
    )
}

/// Where elements.js takes the crate's language list; the build writes it in.
const LANGS_MARKER: &str = "/* Lang::ALL */ []";
/// Where elements.js takes the attributes it observes (every element's, from `api.rs`).
const ATTRIBUTES_MARKER: &str = "/* api::observed_attributes */ []";

/// elements.js with the crate's constants written in, so the script keeps no list of its own
/// (hosts copy one file, so it imports no constants module).
pub fn element_script_source() -> Result<String> {
    use wsis_sdg_widgets::model::Lang;
    let path = root().join("src/embed/elements.js");
    let source = std::fs::read_to_string(&path).at(&path)?;
    if source.matches(LANGS_MARKER).count() != 1 {
        return Err(Error::check(format!("{}: expected one `{LANGS_MARKER}` marker", path.display())));
    }
    if source.matches(ATTRIBUTES_MARKER).count() != 1 {
        return Err(Error::check(format!("{}: expected one `{ATTRIBUTES_MARKER}` marker", path.display())));
    }
    let langs: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    let attributes = crate::api::observed_attributes();
    Ok(source
        .replace(LANGS_MARKER, &serde_json::json!(langs).to_string())
        .replace(ATTRIBUTES_MARKER, &serde_json::json!(attributes).to_string()))
}

/// One source for the element scripts: only the module each one loads differs.
fn write_script(bundle: &Bundle) -> Result {
    let root = root();
    let dist = root.join("dist");
    let script = point_at_module(&element_script_source()?, bundle.module);
    let target = dist.join(bundle.script);
    std::fs::write(&target, script).at(&target)?;
    minify(&target)
}

/// `dist/wsis-sdg-desk.js`: `src/embed/desk.js` pointed at the desk bundle's module.
fn write_desk_script() -> Result {
    let path = root().join("src/embed/desk.js");
    let source = std::fs::read_to_string(&path).at(&path)?;
    let script = point_at_module(&source, DESK.module);
    let target = root().join("dist").join(DESK.script);
    std::fs::write(&target, script).at(&target)?;
    minify(&target)
}

/// A loader's source with the crate's module names (`./wsis_sdg_widgets.js`, its `_bg.wasm`)
/// replaced by `module`'s.
fn point_at_module(source: &str, module: &str) -> String {
    source
        .replace(&format!("'./{CRATE_FILE}.js'"), &format!("'./{module}.js'"))
        .replace(&format!("'./{CRATE_FILE}_bg.wasm'"), &format!("'./{module}_bg.wasm'"))
}

/// Minifies a JavaScript module in place with terser (comments, whitespace, local names):
/// 2.5 kB brotli off each element script and 1.8 kB off each wasm-bindgen glue (measured on the
/// matrix bundle, December 2026). Exported names and property names stay as they are.
pub fn minify(file: &Path) -> Result {
    let root = root();
    let temp = file.with_extension("min.js");
    run(Command::new("node")
        .arg(root.join("node_modules/terser/bin/terser"))
        .arg(file)
        .args(["--module", "--compress", "--mangle", "--output"])
        .arg(&temp))?;
    std::fs::rename(&temp, file).at(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wsis_sdg_widgets::model::action_line::ACTION_LINE_IDS;
    use wsis_sdg_widgets::model::palette::{DARK, LIGHT};

    /// The value of `export const NAME = …;` in the generated file, parsed back as JSON.
    fn constant(js: &str, name: &str) -> serde_json::Value {
        let prefix = format!("export const {name} = ");
        let line =
            js.lines().find_map(|l| l.strip_prefix(&prefix)).unwrap_or_else(|| panic!("no {name}:\n{js}"));
        let value = line.strip_suffix(';').unwrap_or_else(|| panic!("{name} does not end with ;"));
        serde_json::from_str(value).unwrap_or_else(|e| panic!("{name}: {e}: {value}"))
    }

    #[test]
    fn present_constants_hold_the_crates_action_lines_and_languages() {
        let js = present_constants();
        let ids = constant(&js, "ACTION_LINES");
        assert_eq!(ids.as_array().map(Vec::len), Some(18), "{ids}");
        assert_eq!(ids, serde_json::json!(ACTION_LINE_IDS));
        for id in ["C1", "C6", "e-gov", "e-sci", "C8", "C11"] {
            assert!(ids.as_array().is_some_and(|a| a.iter().any(|v| v == id)), "{id} missing: {ids}");
        }
        assert_eq!(constant(&js, "LANGS"), serde_json::json!(["ar", "zh", "en", "fr", "ru", "es"]));
        assert_eq!(constant(&js, "RTL"), serde_json::json!(["ar"]));
    }

    #[test]
    fn element_script_gets_the_crates_languages() {
        let script = element_script_source().expect("elements.js with its marker");
        let list = script
            .lines()
            .find_map(|l| {
                l.strip_prefix("const LANGS = /** @type {readonly string[]} */ (")?.strip_suffix(");")
            })
            .expect("const LANGS = (...); in elements.js");
        let langs: Vec<String> = serde_json::from_str(list).expect("LANGS as JSON");
        let crate_langs: Vec<&str> = wsis_sdg_widgets::model::Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(langs, crate_langs);
    }

    #[test]
    fn present_palette_is_the_crates_and_matches_its_declaration() {
        let js = present_constants();
        let palette = constant(&js, "PALETTE");
        assert_eq!(palette["light"]["fg"], LIGHT.fg);
        assert_eq!(palette["light"]["alert_bg"], LIGHT.alert_bg);
        assert_eq!(palette["dark"]["bg"], DARK.bg);
        assert_eq!(palette["dark"]["alert_fg"], DARK.alert_fg);
        // tsc checks the deck against constants.d.ts: it must name exactly the generated keys.
        let declared =
            std::fs::read_to_string(root().join("src/embed/present/constants.d.ts")).expect("constants.d.ts");
        let mut typed: Vec<&str> = declared
            .lines()
            .filter_map(|l| l.trim().strip_prefix("readonly ")?.strip_suffix(": string;"))
            .collect();
        for theme in ["light", "dark"] {
            let mut keys: Vec<&str> =
                palette[theme].as_object().expect(theme).keys().map(String::as_str).collect();
            keys.sort_unstable();
            typed.sort_unstable();
            assert_eq!(keys, typed, "{theme}");
        }
    }
}
