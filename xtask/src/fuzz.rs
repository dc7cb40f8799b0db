//! `cargo xtask fuzz [--runs N] [--target NAME]`: the cargo-fuzz targets of `fuzz/` on nightly,
//! seeded with the bad-file corpus (`tests/data/bad/`) and the URL parameters the browser tests
//! use. Installs the nightly toolchain and cargo-fuzz when they are missing. Every test run
//! already runs the same bodies bounded on stable (`tests/mutations.rs`); this is the long run.

use std::path::Path;
use std::process::Command;

use crate::{root, run, Error, IoContext, Result};

const TARGETS: [&str; 2] = ["data_file", "url_state"];
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
    ensure_tools()?;
    let fuzz = root().join("fuzz");
    for target in TARGETS.iter().filter(|t| only.as_deref().is_none_or(|o| o == **t)) {
        let corpus = root().join("target/fuzz-corpus").join(target);
        seed(target, &corpus)?;
        println!("fuzzing {target}: {runs} runs, seeds and findings in {}", corpus.display());
        run(Command::new("cargo")
            .current_dir(&fuzz)
            .args(["+nightly", "fuzz", "run", target])
            .arg(&corpus)
            .args(["--", &format!("-runs={runs}"), "-max_len=65536", "-print_final_stats=1"]))?;
    }
    Ok(())
}
