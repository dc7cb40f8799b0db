//! `dist/`: a module per widget and one with all of them (each: wasm, its JS glue and the
//! custom-element script), the widgets' stylesheet file, the presenter deck script, and the
//! pre-rendered snippets of the bundled data.

use std::process::Command;

use crate::setup::wasm_bindgen_bin;
use crate::{root, run, Result};

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

/// The stylesheet file that pre-rendered snippets link to (the same text the live widgets adopt).
pub const STYLESHEET: &str = "wsis-sdg-widgets.css";

pub fn build() -> Result {
    build_with(true)
}

/// `wasm: false` (`cargo xtask build --no-wasm`) remakes only what needs no wasm build: the
/// element scripts, the stylesheet file and the pre-rendered snippets, for quick edits.
pub fn build_with(wasm: bool) -> Result {
    let root = root();
    let dist = root.join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for bundle in BUNDLES {
        if wasm {
            build_bundle(&bundle)?;
        }
        write_script(&bundle)?;
    }
    let css = dist.join(STYLESHEET);
    std::fs::write(&css, wsis_sdg_widgets::ui::style::stylesheet())
        .map_err(|e| format!("{}: {e}", css.display()))?;
    std::fs::copy(root.join("src/embed/present.js"), dist.join("wsis-sdg-present.js"))
        .map_err(|e| format!("src/embed/present.js: {e}"))?;
    crate::prerender::bundled(&dist)?;
    eprintln!("built {}", dist.display());
    Ok(())
}

fn build_bundle(bundle: &Bundle) -> Result {
    let root = root();
    let dist = root.join("dist");
    let mut cargo = Command::new("cargo");
    cargo.current_dir(&root).args([
        "build",
        "--release",
        "--lib",
        "--package",
        "wsis-sdg-widgets",
        "--target",
        "wasm32-unknown-unknown",
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
        .args([
            "-Oz",
            "--converge",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
            "-o",
        ])
        .arg(&bg))?;
    Ok(())
}

/// One source for the element scripts: only the module each one loads differs.
fn write_script(bundle: &Bundle) -> Result {
    let root = root();
    let dist = root.join("dist");
    let elements = std::fs::read_to_string(root.join("src/embed/elements.js"))
        .map_err(|e| format!("src/embed/elements.js: {e}"))?;
    let script = elements
        .replace(&format!("'./{CRATE_FILE}.js'"), &format!("'./{}.js'", bundle.module))
        .replace(&format!("'./{CRATE_FILE}_bg.wasm'"), &format!("'./{}_bg.wasm'", bundle.module));
    let target = dist.join(bundle.script);
    std::fs::write(&target, script).map_err(|e| format!("{}: {e}", target.display()))
}
