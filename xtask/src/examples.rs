//! The example apps in `examples/`, built for wasm by `cargo xtask build`: today `yew-app`, a
//! Yew app that uses the widgets as components (`wsis_sdg_widgets::components`), written to
//! `dist/examples/yew-app/` and loaded by `www/examples/yew-app.html`.

use std::process::Command;
use std::time::Instant;

use crate::setup::wasm_bindgen_bin;
use crate::{root, run, IoContext, Result};

/// The example's package name, and its library's (the wasm file's and wasm-bindgen's output).
const YEW_APP: &str = "yew-app";
const YEW_APP_MODULE: &str = "yew_app";

/// `dist/examples/yew-app/yew_app.js` and `yew_app_bg.wasm`: release build, wasm-bindgen,
/// wasm-opt with the bundles' feature flags (`build::build_bundle`), the glue minified.
pub fn build() -> Result {
    let started = Instant::now();
    let root = root();
    let out = root.join("dist/examples").join(YEW_APP);
    std::fs::create_dir_all(&out).at(&out)?;
    run(Command::new("cargo").current_dir(&root).args([
        "build",
        "--release",
        "--package",
        YEW_APP,
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;
    let wasm = root.join(format!("target/wasm32-unknown-unknown/release/{YEW_APP_MODULE}.wasm"));
    run(Command::new(wasm_bindgen_bin())
        .arg(&wasm)
        .args(["--target", "web", "--no-typescript", "--out-name", YEW_APP_MODULE, "--out-dir"])
        .arg(&out))?;
    let bg = out.join(format!("{YEW_APP_MODULE}_bg.wasm"));
    // -Oz without the bundles' --converge: 27 s instead of 65 s for 1.8 kB brotli more
    // (measured December 2026); nobody downloads the example for its size.
    run(Command::new(root.join("node_modules/.bin/wasm-opt"))
        .arg(&bg)
        .arg("-Oz")
        .args(crate::build::WASM_FEATURES)
        .arg("-o")
        .arg(&bg))?;
    crate::build::minify(&out.join(format!("{YEW_APP_MODULE}.js")))?;
    eprintln!("built {} in {:.0} s", out.display(), started.elapsed().as_secs_f64());
    Ok(())
}
