//! `dist/`: the wasm module, its JS glue, and the custom-element script.

use std::process::Command;

use crate::setup::wasm_bindgen_bin;
use crate::{root, run, Result};

pub const CRATE_FILE: &str = "wsis_sdg_widgets";

pub fn build() -> Result {
    let root = root();
    run(Command::new("cargo").current_dir(&root).args([
        "build",
        "--release",
        "--lib",
        "--package",
        "wsis-sdg-widgets",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;
    let dist = root.join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let wasm = root.join(format!("target/wasm32-unknown-unknown/release/{CRATE_FILE}.wasm"));
    run(Command::new(wasm_bindgen_bin())
        .arg(&wasm)
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&dist))?;
    let bg = dist.join(format!("{CRATE_FILE}_bg.wasm"));
    // -Os compresses better than -Oz for this module (measured; see BENCHMARKS.md).
    run(Command::new(root.join("node_modules/.bin/wasm-opt"))
        .arg(&bg)
        .args([
            "-Os",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
            "-o",
        ])
        .arg(&bg))?;
    let elements = root.join("src/embed/elements.js");
    let target = dist.join("wsis-sdg-widgets.js");
    std::fs::copy(&elements, &target).map_err(|e| format!("{}: {e}", target.display()))?;
    std::fs::copy(root.join("src/embed/present.js"), dist.join("wsis-sdg-present.js"))
        .map_err(|e| format!("src/embed/present.js: {e}"))?;
    eprintln!("built {}", dist.display());
    Ok(())
}
