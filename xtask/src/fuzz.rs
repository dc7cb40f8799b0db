//! `cargo xtask fuzz [--runs N] [--target NAME]`: the cargo-fuzz targets of `fuzz/` on nightly,
//! seeded with the bad-file corpus (`tests/data/bad/`), the URL parameters the browser tests use
//! and the sample and reference spreadsheets; then the presenter's deck reader (JavaScript, so
//! no cargo-fuzz target: `tests/deck/fuzz.test.mjs` in node, seeded with the corpus's deck files)
//! with as many cases. Installs the nightly toolchain and cargo-fuzz when they are missing.
//! Every test run already runs the same bodies bounded on stable (`tests/mutations.rs`,
//! `xtask/tests/forum_csv.rs`, the deck test's default count); this is the long run.

use std::path::Path;
use std::process::Command;

use crate::{root, run, Error, IoContext, Result};

const TARGETS: [&str; 3] = ["data_file", "url_state", "forum_csv"];
/// The deck reader's run, after the cargo-fuzz targets (`--target deck` alone).
const DECK: &str = "deck";
const KINDS: [&str; 4] = ["matrix", "forum", "pledges", "sdg"];

/// Seeds for `target` in `dir`: each corpus file behind the byte that picks its kind, or URL
/// parameter sets.
fn seed(target: &str, dir: &Path) -> Result {
    std::fs::create_dir_all(dir).at(dir)?;
    if target == "url_state" {
        for (i, params) in [
            "al=C5&sdg=9",
            "al=C7&q=health&view=sdg-al",
            "cell=C5.9",
            "year=2025&type=x",
            "agency=ITU&target=9.c",
        ]
        .iter()
        .enumerate()
        {
            let file = dir.join(format!("seed-{i}"));
            std::fs::write(&file, params).at(&file)?;
        }
        return Ok(());
    }
    let bad = root().join("tests/data/bad");
    if target == "forum_csv" {
        // The sample spreadsheets, the reference one, and every corpus file as an odd spreadsheet
        // (empty, HTML, UTF-16, a byte-order mark).
        let mut seeds = xtask::forum_csv::samples();
        let reference = root().join("../shared/reference/forum-sessions.csv");
        if let Ok(bytes) = std::fs::read(&reference) {
            seeds.push(("reference.csv", bytes));
        }
        for (name, bytes) in seeds {
            let file = dir.join(name);
            std::fs::write(&file, bytes).at(&file)?;
        }
        for entry in std::fs::read_dir(&bad).at(&bad)? {
            let path = entry.at(&bad)?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
            if name.ends_with(".json") && !name.ends_with("expected.json") {
                let file = dir.join(name);
                std::fs::copy(&path, &file).at(&file)?;
            }
        }
        return Ok(());
    }
    for entry in std::fs::read_dir(&bad).at(&bad)? {
        let path = entry.at(&bad)?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_owned();
        if !name.ends_with(".json") || name.starts_with("deck-") || name == "expected.json" {
            continue;
        }
        let kind = KINDS.iter().position(|k| name.starts_with(k)).unwrap_or(0) as u8;
        let mut bytes = vec![kind];
        bytes.extend(std::fs::read(&path).at(&path)?);
        let file = dir.join(&name);
        std::fs::write(&file, bytes).at(&file)?;
    }
    Ok(())
}

/// The longest input libFuzzer makes per target: data files up to 64 KiB; a spreadsheet of a few
/// rows reaches what one of hundreds does, and 4 KiB keeps an import (into an empty and into the
/// bundled forum file, and again) quick enough for many cases (measured: 146 runs/s at 64 KiB).
fn max_len(target: &str) -> usize {
    if target == "forum_csv" {
        4096
    } else {
        65536
    }
}

fn ensure_tools() -> Result {
    let nightly = Command::new("rustup").args(["run", "nightly", "rustc", "--version"]).output();
    if !nightly.is_ok_and(|o| o.status.success()) {
        run(Command::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))?;
    }
    let fuzz = Command::new("cargo").args(["fuzz", "--version"]).output();
    if !fuzz.is_ok_and(|o| o.status.success()) {
        run(Command::new("cargo").args(["install", "cargo-fuzz", "--version", "0.13.1", "--locked"]))?;
    }
    Ok(())
}

pub fn command(args: &[String]) -> Result {
    let mut runs: u64 = 500_000;
    let mut only: Option<String> = None;
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            lexopt::Arg::Long("runs") => {
                let value = parser.value()?;
                let text = value.to_string_lossy();
                runs = text.parse().map_err(|_| Error::usage(format!("--runs {text:?} is not a count")))?;
            }
            lexopt::Arg::Long("target") => only = Some(parser.value()?.to_string_lossy().into_owned()),
            other => {
                return Err(Error::usage(format!(
                    "{}; usage: cargo xtask fuzz [--runs N] [--target NAME]",
                    other.unexpected()
                )))
            }
        }
    }
    if let Some(name) = only.as_deref().filter(|o| *o != DECK && !TARGETS.contains(o)) {
        return Err(Error::usage(format!("no fuzz target {name:?}: {} or {DECK}", TARGETS.join(", "))));
    }
    let fuzz = root().join("fuzz");
    let chosen: Vec<&str> = TARGETS.into_iter().filter(|t| only.as_deref().is_none_or(|o| o == *t)).collect();
    if !chosen.is_empty() {
        ensure_tools()?;
    }
    for target in chosen {
        let corpus = root().join("target/fuzz-corpus").join(target);
        seed(target, &corpus)?;
        println!("fuzzing {target}: {runs} runs, seeds and findings in {}", corpus.display());
        run(Command::new("cargo")
            .current_dir(&fuzz)
            .args(["+nightly", "fuzz", "run", target])
            .arg(&corpus)
            .args([
                "--",
                &format!("-runs={runs}"),
                &format!("-max_len={}", max_len(target)),
                "-print_final_stats=1",
            ]))?;
    }
    if only.as_deref().is_none_or(|o| o == DECK) {
        // The deck test imports dist/present/deck.js: remake the scripts (no wasm) first.
        crate::build::build_with(false)?;
        println!("fuzzing the deck reader: {runs} cases (tests/deck/fuzz.test.mjs)");
        let started = std::time::Instant::now();
        run(Command::new("node").current_dir(root()).env("DECK_FUZZ_CASES", runs.to_string()).args([
            "--test",
            "--test-reporter=spec",
            "tests/deck/fuzz.test.mjs",
        ]))?;
        println!("deck reader: {runs} cases in {:.1} s, no failure", started.elapsed().as_secs_f64());
    }
    Ok(())
}
