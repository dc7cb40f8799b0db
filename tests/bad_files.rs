//! The bad-file corpus (`tests/data/bad/`, made by its `make.py`): every file gets the message
//! `expected.json` holds for it, word for word. `BLESS=1 cargo test --test bad_files` rewrites
//! `expected.json` from what the library says now; review the diff before committing it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use wsis_sdg_widgets::model::forum::Forum;
use wsis_sdg_widgets::model::input::{check_size, text_of, DEFAULT_MAX_BYTES};
use wsis_sdg_widgets::model::pledges::Pledges;
use wsis_sdg_widgets::model::{Lang, Matrix, SdgCatalog};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad")
}

/// What a widget would show for `bytes` as a file of the kind its name starts with: the first
/// fault, or "ok".
fn verdict(name: &str, bytes: &[u8]) -> String {
    let text = match text_of(name, bytes) {
        Ok(text) => text,
        Err(err) => return err.to_string(),
    };
    let kind = name.split('-').next().unwrap_or("");
    let result = match kind {
        "matrix" => Matrix::from_json(name, text).map(drop),
        "forum" => Forum::from_json(name, text).map(drop),
        "pledges" => Pledges::from_json(name, text).map(drop),
        "sdg" => SdgCatalog::from_json(name, text, Lang::En).map(drop),
        other => panic!("{name}: no file kind {other:?}"),
    };
    match result {
        Ok(()) => "ok".to_owned(),
        Err(err) => err.to_string(),
    }
}

#[test]
fn every_bad_file_gets_its_message() {
    let dir = corpus();
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // Deck files are the presenter's (JavaScript): tests/deck/bad-decks.test.mjs.
        if !name.ends_with(".json") || name.starts_with("deck-") || name == "expected.json" {
            continue;
        }
        found.insert(name.clone(), verdict(&name, &std::fs::read(&path).unwrap()));
    }
    let expected_path = dir.join("expected.json");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&expected_path, serde_json::to_string_pretty(&found).unwrap() + "\n").unwrap();
    }
    let expected: BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
    assert!(found.len() >= 40, "only {} files in the corpus", found.len());
    let bad = found.values().filter(|v| *v != "ok").count();
    assert!(bad >= 40, "only {bad} bad files");
    for (name, message) in &found {
        assert_eq!(Some(message), expected.get(name), "{name}");
    }
    assert_eq!(found.len(), expected.len(), "expected.json names files that are gone");
    for message in found.values() {
        for rust in ["struct Raw", "expected i64", "expected u8", "expected u32", "a sequence", "a map"] {
            assert!(!message.contains(rust), "a Rust name in {message:?}");
        }
    }
}

#[test]
fn a_60_mb_file_is_refused_by_its_size() {
    let size = 60 * 1024 * 1024;
    let err = check_size("big.json", size, DEFAULT_MAX_BYTES).unwrap_err();
    assert_eq!(
        err.to_string(),
        "big.json: the file is 62.9 MB, over the limit of 16 MB (the element's max-bytes attribute sets the limit)"
    );
}

/// serde_json stops at 128 levels, so neither the stack nor the message depends on the depth.
#[test]
fn nesting_20000_deep_is_refused_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
    assert_eq!(
        verdict("matrix-deep.json", deep.as_bytes()),
        "matrix-deep.json: the file holds a list, not the object of a data file: is it the right file?"
    );
    let good = std::fs::read_to_string(corpus().join("matrix-good.json")).unwrap();
    let nested = format!("{{{}", good.trim_start().trim_start_matches('{')).replacen(
        "\"links\": [",
        &format!("\"links\": [{},", "{\"targets\": [".repeat(10_000)),
        1,
    );
    let message = verdict("matrix-deep.json", nested.as_bytes());
    assert!(message.starts_with("matrix-deep.json: links[0]"), "{message}");
    assert!(!message.contains("struct"), "{message}");
}

#[test]
fn a_1_mb_text_is_text() {
    let good = std::fs::read_to_string(corpus().join("forum-good.json")).unwrap();
    let title = "W".repeat(1 << 20);
    let text = good.replacen("\"title\": \"", &format!("\"title\": \"{title}"), 1);
    assert_eq!(verdict("forum-long.json", text.as_bytes()), "ok");
}

/// A string in a data file: its JSON path (as the validator writes it, and as the steps to
/// it), its key, the key of the object or list holding it.
struct Leaf {
    path: String,
    steps: Vec<Step>,
    key: String,
    parent: String,
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn string_leaves(
    value: &serde_json::Value,
    at: (&str, &[Step]),
    key: &str,
    parent: &str,
    out: &mut Vec<Leaf>,
) {
    let (path, steps) = at;
    let deeper = |step: Step| [steps, &[step]].concat();
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                string_leaves(v, (&p, &deeper(Step::Key(k.clone()))), k, key, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                string_leaves(v, (&format!("{path}[{i}]"), &deeper(Step::Index(i))), key, parent, out);
            }
        }
        serde_json::Value::String(_) => out.push(Leaf {
            path: path.to_owned(),
            steps: steps.to_vec(),
            key: key.to_owned(),
            parent: parent.to_owned(),
        }),
        _ => {}
    }
}

/// `good` with the string at `steps` replaced by `text`.
fn with_string(good: &serde_json::Value, steps: &[Step], text: &str) -> Vec<u8> {
    let mut doc = good.clone();
    let mut target = &mut doc;
    for step in steps {
        target = match step {
            Step::Key(k) => &mut target[k.as_str()],
            Step::Index(i) => &mut target[*i],
        };
    }
    *target = serde_json::Value::String(text.to_owned());
    serde_json::to_vec(&doc).unwrap()
}

fn good(kind: &str) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(corpus().join(format!("{kind}-good.json"))).unwrap()).unwrap()
}

/// Every URL field of every kind refuses `javascript:` and `data:`, naming that field.
#[test]
fn every_url_field_refuses_other_schemes() {
    let mut checked = 0;
    for kind in ["matrix", "forum", "pledges", "sdg"] {
        let doc = good(kind);
        let mut leaves = Vec::new();
        string_leaves(&doc, ("", &[]), "", "", &mut leaves);
        for leaf in leaves.iter().filter(|l| l.key == "url" || l.parent == "title_sources") {
            for url in ["javascript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x", "//evil.example/x"] {
                let name = format!("{kind}-url.json");
                let message = verdict(&name, &with_string(&doc, &leaf.steps, url));
                assert!(
                    message.starts_with(&format!("{name}: {}: ", leaf.path)),
                    "{url} at {}: {message}",
                    leaf.path
                );
                assert!(message.contains("is not an http(s) URL"), "{message}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 40, "only {checked} URL fields checked");
}

/// Every free-text field of every kind takes markup, bidi controls, NUL and U+FFFE as text:
/// the file stays valid (the browser tests show such text is rendered as text).
#[test]
fn every_text_field_takes_markup_as_text() {
    const ODD: &str = "<img src=x onerror=alert(1)> <b>b</b> \u{202e}evil\u{202c} \u{0} \u{fffe} & \"q\"";
    const FREE: [&str; 22] = [
        "title",
        "rationale",
        "basis",
        "facilitator_note",
        "lead",
        "co",
        "organisers",
        "theme",
        "type",
        "dates",
        "format",
        "event",
        "pledger",
        "label",
        "note",
        "short",
        "targets",
        "source",
        "licence",
        "colour_source",
        "notes",
        "left_out",
    ];
    let mut checked = 0;
    for kind in ["matrix", "forum", "pledges", "sdg"] {
        let doc = good(kind);
        let mut leaves = Vec::new();
        string_leaves(&doc, ("", &[]), "", "", &mut leaves);
        for leaf in
            leaves.iter().filter(|l| FREE.contains(&l.key.as_str()) || FREE.contains(&l.parent.as_str()))
        {
            // URLs; and a matrix link's targets are target ids, not text.
            let not_text = leaf.parent == "title_sources"
                || leaf.key == "url"
                || (kind == "matrix" && leaf.key == "targets");
            if not_text {
                continue;
            }
            let name = format!("{kind}-text.json");
            assert_eq!(verdict(&name, &with_string(&doc, &leaf.steps, ODD)), "ok", "{kind} {}", leaf.path);
            checked += 1;
        }
    }
    assert!(checked >= 100, "only {checked} text fields checked");
}
