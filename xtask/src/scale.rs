//! Validation time at scale: a forum file of 1,000,000 sessions, sound and with every id
//! repeated, validated natively by the library's own validator. `cargo xtask bench` runs it in
//! release mode (`cargo xtask bench-scale` directly; debug timings would mislead).

use std::time::Instant;

use wsis_sdg_widgets::model::forum::Forum;
use wsis_sdg_widgets::model::input::DEFAULT_MAX_BYTES;

use crate::forum::synthetic;
use crate::Result;

/// One timed validation: what it held, its size, and how long it took.
fn time(what: &str, text: &str) {
    let start = Instant::now();
    let outcome = match Forum::from_json_all_errors("forum.json", text) {
        Ok(forum) => format!("valid, {} sessions", forum.sessions.len()),
        Err(errors) => format!("refused, {} faults, first: {}", errors.len(), errors.first()),
    };
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let mb = text.len() as f64 / 1e6;
    let over = if text.len() as u64 > u64::from(DEFAULT_MAX_BYTES) {
        " (over the widgets' default limit)"
    } else {
        ""
    };
    println!("  {what:<34} {mb:>7.1} MB{over:<34} {ms:>8.0} ms  {outcome}");
}

pub fn command() -> Result {
    println!("Validation at scale (native, release, one core):");
    for n in [10_000usize, 100_000, 1_000_000] {
        let text = synthetic(n, 20);
        time(&format!("{n} sessions, sound"), &text);
        if n == 1_000_000 {
            // Every session the same id in the same year: the duplicate check's worst case.
            time(&format!("{n} sessions, ids repeated"), &same_ids(&text));
        }
    }
    Ok(())
}

/// `text` with every session's id made `"S"`, so all ids of a year collide.
fn same_ids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\"id\":\"S") {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        out.push_str("\"id\":\"S");
        let after = after.strip_prefix("\"id\":\"S").unwrap_or(after);
        let end = after.find('"').unwrap_or(0);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}
