//! What each fuzz target does with its input, shared by the cargo-fuzz targets (`fuzz/`, on
//! nightly) and the bounded run every test run makes on stable (`tests/mutations.rs`). A body
//! returns normally for every input; a panic (or a broken property) is the finding.

// Each fuzz target uses some of the bodies.
#![allow(dead_code)]

use std::sync::OnceLock;

use wsis_sdg_widgets::model::forum::Forum;
use wsis_sdg_widgets::model::input::text_of;
use wsis_sdg_widgets::model::pledges::Pledges;
use wsis_sdg_widgets::model::url_state::{forum_params, matrix_params, parse_forum, parse_matrix};
use wsis_sdg_widgets::model::{Lang, Matrix, SdgCatalog};

/// The four data file kinds, in the order the first input byte picks them.
pub const KINDS: [&str; 4] = ["matrix", "forum", "pledges", "sdg"];

/// A data file of the kind `kind` (see [`KINDS`]) made of `bytes`: decoded and validated with
/// every fault collected, as `cargo xtask validate` does; the first fault as a widget shows it.
pub fn data_file(kind: u8, bytes: &[u8]) {
    let Ok(text) = text_of("fuzz.json", bytes) else { return };
    let shown = match kind % 4 {
        0 => Matrix::from_json_all_errors("fuzz.json", text).err(),
        1 => Forum::from_json_all_errors("fuzz.json", text).err(),
        2 => Pledges::from_json_all_errors("fuzz.json", text).err(),
        _ => SdgCatalog::from_json_all_errors("fuzz.json", text, Lang::En).err(),
    };
    if let Some(errors) = shown {
        // Every fault names the file; Display must not panic either.
        for error in errors.iter() {
            assert!(error.to_string().starts_with("fuzz.json: "), "{error}");
        }
    }
}

fn bundled_matrix() -> &'static Matrix {
    static MATRIX: OnceLock<Matrix> = OnceLock::new();
    MATRIX.get_or_init(|| {
        Matrix::from_json("matrix.json", include_str!("../data/matrix.json"))
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

fn bundled_forum() -> &'static Forum {
    static FORUM: OnceLock<Forum> = OnceLock::new();
    FORUM.get_or_init(|| {
        Forum::from_json("forum.json", include_str!("../data/forum-outcomes.json"))
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

/// `bytes` as URL parameters (`k=v&k=v`, lossily decoded), read by the matrix's and the
/// forum's URL-state readers against the bundled data. Property: what a reader makes of them,
/// written back as parameters and read again, is the same state (links reopen what they show).
pub fn url_state(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let params: Vec<(String, String)> = text
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k.to_owned(), v.to_owned())
        })
        .collect();
    let matrix = bundled_matrix();
    let (state, _) = parse_matrix(&params, matrix);
    let (again, warnings) = parse_matrix(&matrix_params(&state, matrix), matrix);
    assert_eq!(again, state, "matrix state changed on a round trip");
    assert!(warnings.is_empty(), "written parameters were refused: {warnings:?}");
    let forum = bundled_forum();
    let (state, _) = parse_forum(&params, forum);
    let (again, warnings) = parse_forum(&forum_params(&state, forum), forum);
    assert_eq!(again, state, "forum state changed on a round trip");
    assert!(warnings.is_empty(), "written parameters were refused: {warnings:?}");
}
