//! What the `forum_csv` fuzz target does with its input, shared by the cargo-fuzz target
//! (`fuzz/`, on nightly) and the bounded run every test run makes on stable
//! (`xtask/tests/forum_csv.rs`, beside the command that runs the import). The import is the
//! crate's model (`model::forum_csv`, the code the data desk's wasm runs too).

use wsis_sdg_widgets::model::forum::Forum;
use wsis_sdg_widgets::model::forum_csv::{decode_csv, import};

/// A forum file with no sessions, as a first import starts from.
pub const EMPTY_FORUM: &str =
    r#"{"format":1,"years":[],"sessions":[],"provenance":{"compiled":"2026-11-23","basis":"fuzz"}}"#;

const BUNDLED: &str = include_str!("../data/forum-outcomes.json");

/// Any bytes as a session spreadsheet for `cargo xtask import-forum`: decoded, read and merged
/// into an empty forum file and, if that works, into the bundled one. Properties: a refusal
/// names at least one problem and every problem has words; what is imported is a valid forum
/// file; importing the same spreadsheet again into the result changes nothing. Returns whether
/// the spreadsheet was imported.
pub fn forum_csv(bytes: &[u8]) -> bool {
    let text = match decode_csv(bytes) {
        Ok(text) => text,
        Err(problem) => {
            assert!(!problem.to_string().is_empty(), "an encoding problem without words");
            return false;
        }
    };
    match import(text, EMPTY_FORUM, "f.json") {
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without a problem");
            for problem in &problems {
                assert!(!problem.to_string().is_empty(), "a problem without words: {problem:?}");
            }
            false
        }
        Ok(out) => {
            if let Err(error) = Forum::from_json("f.json", &out) {
                panic!("the imported file does not validate: {error}");
            }
            match import(text, &out, "f.json") {
                Ok(again) => assert!(again == out, "importing the same spreadsheet twice changed the file"),
                Err(problems) => panic!("the same spreadsheet was refused the second time: {problems:?}"),
            }
            // Merged into the real file or refused (import validates what it would write).
            let _ = import(text, BUNDLED, "forum-outcomes.json");
            true
        }
    }
}
