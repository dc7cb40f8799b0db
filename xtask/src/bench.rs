//! `cargo xtask bench`: sizes and browser timings, printed (and saved to
//! `target/bench/results.json`), never asserted.

use std::io::Write;
use std::process::Command;

use crate::{build, root, serve, setup, Result};

/// The whole bundle's budget (wasm + JS), brotli, from the foundation issue.
const BUDGET_BROTLI: usize = 110 * 1024;

struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

fn sizes(bytes: &[u8]) -> Sizes {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = gz.write_all(bytes);
    let gzip = gz.finish().map(|v| v.len()).unwrap_or(0);
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut br, &params);
    Sizes { raw: bytes.len(), gzip, brotli: br.len() }
}

fn kb(n: usize) -> String {
    format!("{:.1} kB", n as f64 / 1024.0)
}

pub fn command() -> Result {
    setup::all()?;
    build::build()?;
    let root = root();
    let files = [
        ("wasm", format!("dist/{}_bg.wasm", build::CRATE_FILE)),
        ("JS glue", format!("dist/{}.js", build::CRATE_FILE)),
        ("custom elements JS", "dist/wsis-sdg-widgets.js".to_string()),
        ("data: matrix.json", "data/matrix.json".to_string()),
        ("data: sdg-en.json", "data/sdg/sdg-en.json".to_string()),
    ];
    println!("\n== Payload (raw / gzip -9 / brotli q11)");
    println!("{:<22} {:>10} {:>10} {:>10}", "file", "raw", "gzip", "brotli");
    let mut code_brotli = 0;
    let mut json = String::from("{\"sizes\":{");
    for (i, (label, path)) in files.iter().enumerate() {
        let bytes = std::fs::read(root.join(path)).map_err(|e| format!("{path}: {e}"))?;
        let s = sizes(&bytes);
        if i < 3 {
            code_brotli += s.brotli;
        }
        println!("{:<22} {:>10} {:>10} {:>10}", label, kb(s.raw), kb(s.gzip), kb(s.brotli));
        json.push_str(&format!(
            "{}\"{label}\":{{\"raw\":{},\"gzip\":{},\"brotli\":{}}}",
            if i > 0 { "," } else { "" },
            s.raw,
            s.gzip,
            s.brotli
        ));
    }
    let met = if code_brotli <= BUDGET_BROTLI { "met" } else { "NOT met" };
    println!(
        "code (wasm + JS) brotli: {} — budget {} for all three widgets: {met}",
        kb(code_brotli),
        kb(BUDGET_BROTLI)
    );
    json.push_str(&format!("}},\"codeBrotli\":{code_brotli},\"budgetMet\":{}", code_brotli <= BUDGET_BROTLI));

    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| c.lines().find(|l| l.starts_with("model name")).map(|l| l.to_owned()))
        .and_then(|l| l.split(':').nth(1).map(|s| s.trim().to_owned()))
        .unwrap_or_else(|| "unknown CPU".into());
    let server = serve::start(0, true)?;
    let output = Command::new("node")
        .current_dir(&root)
        .env("BASE_URL", format!("http://{}", server.addr))
        .arg("bench/matrix.mjs")
        .output()
        .map_err(|e| format!("node bench/matrix.mjs: {e}"))?;
    if !output.status.success() {
        return Err(format!("bench/matrix.mjs failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    let browser = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    let parsed: serde_json::Value =
        serde_json::from_str(&browser).map_err(|e| format!("bench output: {e}"))?;
    let row = |label: &str, v: &serde_json::Value| {
        let f = |k: &str| v.get(k).and_then(serde_json::Value::as_f64).unwrap_or(f64::NAN);
        println!(
            "{:<34} median {:>7.1} ms   p95 {:>7.1} ms   min {:>7.1}   max {:>7.1}   n={}",
            label,
            f("median"),
            f("p95"),
            f("min"),
            f("max"),
            f("n")
        );
    };
    println!(
        "\n== Browser (Chromium {}, {cpu})",
        parsed.get("chromium").and_then(|v| v.as_str()).unwrap_or("?")
    );
    row("matrix: data ready → painted", &parsed["dataReadyToPainted"]);
    row("matrix: script start → painted", &parsed["scriptStartToPainted"]);
    row("search keystroke → DOM settled ×1", &parsed["searchKeystroke"]["x1"]);
    row("search keystroke → DOM settled ×4", &parsed["searchKeystroke"]["x4"]);
    let output = Command::new("node")
        .current_dir(&root)
        .env("BASE_URL", format!("http://{}", server.addr))
        .arg("bench/pledges.mjs")
        .output()
        .map_err(|e| format!("node bench/pledges.mjs: {e}"))?;
    if !output.status.success() {
        return Err(format!("bench/pledges.mjs failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    let live = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    let parsed_live: serde_json::Value =
        serde_json::from_str(&live).map_err(|e| format!("bench output: {e}"))?;
    row("pledges: new file → total repainted", &parsed_live["repaint"]);
    let mb = |k: &str| parsed_live[k].as_f64().unwrap_or(f64::NAN) / 1_048_576.0;
    println!(
        "{:<34} {:.2} MB → {:.2} MB after {} updates (growth {:+.2} MB; goal ≤ 1 MB)",
        "pledges: JS heap after GC",
        mb("heapBefore"),
        mb("heapAfter"),
        parsed_live["updates"],
        mb("heapAfter") - mb("heapBefore")
    );
    let sizes = [500usize, 5000, 20000];
    for n in sizes {
        crate::forum::gen_command(&["--sessions".into(), n.to_string()])?;
    }
    let output = Command::new("node")
        .current_dir(&root)
        .env("BASE_URL", format!("http://{}", server.addr))
        .arg("bench/forum.mjs")
        .output()
        .map_err(|e| format!("node bench/forum.mjs: {e}"))?;
    if !output.status.success() {
        return Err(format!("bench/forum.mjs failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    let forum = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    let parsed_forum: serde_json::Value =
        serde_json::from_str(&forum).map_err(|e| format!("bench output: {e}"))?;
    for n in sizes {
        let key = n.to_string();
        row(&format!("forum {n}: data ready → painted"), &parsed_forum[&key]["firstPaint"]);
        row(&format!("forum {n}: keystroke → DOM settled"), &parsed_forum[&key]["keystroke"]);
    }
    let median =
        |n: usize, what: &str| parsed_forum[n.to_string()][what]["median"].as_f64().unwrap_or(f64::NAN);
    for what in ["firstPaint", "keystroke"] {
        println!(
            "forum {what}: growth per 10× sessions: 500→5,000 ×{:.1}, 5,000→20,000 (×4 sessions) ×{:.1}",
            median(5000, what) / median(500, what),
            median(20000, what) / median(5000, what)
        );
    }
    json.push_str(&format!(
        ",\"cpu\":{},\"browser\":{browser},\"pledges\":{live},\"forum\":{forum}}}",
        serde_json::Value::String(cpu)
    ));
    let out = root.join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    std::fs::write(out.join("results.json"), json).map_err(|e| format!("results.json: {e}"))?;
    println!("\nsaved target/bench/results.json");
    Ok(())
}
