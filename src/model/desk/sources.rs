//! Shared sources: every data file (forum, pledges, matrix) has a top-level
//! `sources: [{id, title, url?}]` that its records cite by id. The desk adds a source once and
//! cites it from many records; this is the model of that, over the file's JSON text.
//!
//! API (the source picker, `desk::source_picker`, and every panel that cites sources use it):
//! - [`sources_of`]`(text)`: the file's sources as it has them (leniently read, so a file with
//!   other faults still shows its list).
//! - [`check_new`]`(kind, title, url)`: whether a new source may be added (title not blank, URL
//!   http(s) by the model's own rule, and given where the file kind requires one).
//! - [`id_for`]`(text, title, url)`: the id the source will have: an exact duplicate's
//!   (same title and URL), else the next free `S<n>` (one past the highest).
//! - [`SourceEdit`] inside [`super::Edit::Source`]`{ kind, edit }`: applied by [`apply`].
//!   To add a source and cite it in one undo step, send [`super::Edit::Steps`] with the
//!   `Edit::Source` first and the record's own citing edit (ids including [`id_for`]'s) second.

use serde_json::{Map, Value};

use crate::model::file_kind::FileKind;
use crate::model::source::DataSource;
use crate::model::text::is_http_url;
use crate::model::write::write_json;

/// A change to a file's sources list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceEdit {
    /// A source added at the end of the list (nothing changes for an exact duplicate).
    Add { title: String, url: Option<String> },
}

/// Why a new source cannot be added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceError {
    EmptyTitle,
    NotHttpUrl(String),
    /// The file kind's sources must have an address (the matrix's).
    UrlRequired,
    /// The text is not a JSON object, or the kind has no sources list (an SDG texts file).
    NotAFile,
}

/// Whether `kind`'s sources must have an address: the matrix's validator requires one
/// (`model::matrix`'s source has `url: String`); the others allow a copy without one.
pub fn url_required(kind: FileKind) -> bool {
    matches!(kind, FileKind::Matrix)
}

/// The sources list of a data file's text, in the file's order; entries without an id or a
/// title are left out (the validator reports them).
pub fn sources_of(text: &str) -> Vec<DataSource> {
    let Ok(Value::Object(doc)) = serde_json::from_str::<Value>(text) else { return Vec::new() };
    let Some(Value::Array(list)) = doc.get("sources") else { return Vec::new() };
    list.iter()
        .filter_map(|s| {
            let text = |key: &str| s.get(key).and_then(Value::as_str).map(str::to_owned);
            Some(DataSource { id: text("id")?, title: text("title")?, url: text("url") })
        })
        .collect()
}

/// The title and URL as they will be written: trimmed, a blank URL none.
fn cleaned(title: &str, url: Option<&str>) -> (String, Option<String>) {
    let url = url.map(str::trim).filter(|u| !u.is_empty()).map(str::to_owned);
    (title.trim().to_owned(), url)
}

/// Whether a source with `title` and `url` may be added to a file of `kind`.
pub fn check_new(kind: FileKind, title: &str, url: Option<&str>) -> Result<(), SourceError> {
    if let FileKind::SdgTexts(_) = kind {
        return Err(SourceError::NotAFile);
    }
    let (title, url) = cleaned(title, url);
    if title.is_empty() {
        return Err(SourceError::EmptyTitle);
    }
    match url {
        Some(url) if !is_http_url(&url) => Err(SourceError::NotHttpUrl(url)),
        None if url_required(kind) => Err(SourceError::UrlRequired),
        _ => Ok(()),
    }
}

/// The id a source with `title` and `url` has once added: an exact duplicate's, else one past
/// the highest `S<n>` in the file (ids are never reused: a removed id may still be cited in
/// an older copy).
pub fn id_for(text: &str, title: &str, url: Option<&str>) -> String {
    let (title, url) = cleaned(title, url);
    let sources = sources_of(text);
    if let Some(same) = sources.iter().find(|s| s.title == title && s.url == url) {
        return same.id.clone();
    }
    let highest =
        sources.iter().filter_map(|s| s.id.strip_prefix('S')?.parse::<u64>().ok()).max().unwrap_or(0);
    format!("S{}", highest.saturating_add(1))
}

/// The file's text with `edit` applied, written by the one writer; `Ok(None)` when nothing
/// changes (an exact duplicate).
pub fn apply(kind: FileKind, text: &str, edit: &SourceEdit) -> Result<Option<String>, SourceError> {
    let SourceEdit::Add { title, url } = edit;
    check_new(kind, title, url.as_deref())?;
    let id = id_for(text, title, url.as_deref());
    if sources_of(text).iter().any(|s| s.id == id) {
        return Ok(None);
    }
    let Ok(Value::Object(mut doc)) = serde_json::from_str::<Value>(text) else {
        return Err(SourceError::NotAFile);
    };
    let (title, url) = cleaned(title, url.as_deref());
    let mut source = Map::new();
    source.insert("id".into(), id.into());
    source.insert("title".into(), title.into());
    if let Some(url) = url {
        source.insert("url".into(), url.into());
    }
    match doc.get_mut("sources") {
        Some(Value::Array(list)) => list.push(Value::Object(source)),
        Some(_) => return Err(SourceError::NotAFile),
        None => {
            let at = sources_position(&doc);
            doc.shift_insert(at, "sources".into(), Value::Array(vec![Value::Object(source)]));
        }
    }
    Ok(Some(write_json(&Value::Object(doc))))
}

/// Where a file without a sources list gets one: in place when its keys are sorted (the forum
/// file's), else before a final `provenance` (the matrix's and pledge file's order), else last.
fn sources_position(doc: &Map<String, Value>) -> usize {
    let keys: Vec<&String> = doc.keys().collect();
    if keys.windows(2).all(|w| matches!(w, [a, b] if a <= b)) {
        return keys.iter().position(|k| k.as_str() > "sources").unwrap_or(keys.len());
    }
    match keys.last() {
        Some(last) if last.as_str() == "provenance" => keys.len().saturating_sub(1),
        _ => keys.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::desk::{apply as apply_edit, problems, Edit, Snapshot};
    use crate::model::forum::Forum;
    use crate::model::matrix::Matrix;
    use crate::model::pledges::Pledges;

    const FORUM: &str = include_str!("../../../data/forum-outcomes.json");
    const PLEDGES: &str = include_str!("../../../data/p2c-pledges.json");
    const MATRIX: &str = include_str!("../../../data/matrix.json");

    fn add(title: &str, url: Option<&str>) -> SourceEdit {
        SourceEdit::Add { title: title.into(), url: url.map(str::to_owned) }
    }

    #[test]
    fn a_source_is_added_once_with_the_next_id_and_a_duplicate_gives_the_existing_id() {
        let before = sources_of(MATRIX);
        assert_eq!(before.last().map(|s| s.id.as_str()), Some("S33"));
        let url = Some("https://www.itu.int/new");
        assert_eq!(id_for(MATRIX, " New report ", url), "S34");
        let text = apply(FileKind::Matrix, MATRIX, &add(" New report ", url)).unwrap().unwrap();
        let after = sources_of(&text);
        assert_eq!(after.len(), before.len() + 1);
        assert_eq!(
            after.last(),
            Some(&DataSource { id: "S34".into(), title: "New report".into(), url: url.map(str::to_owned) })
        );
        assert_eq!(id_for(&text, "New report", Some("https://www.itu.int/new ")), "S34");
        assert_eq!(apply(FileKind::Matrix, &text, &add("New report", url)), Ok(None));
        // Same title, other address: another source.
        assert_eq!(id_for(&text, "New report", Some("https://www.itu.int/other")), "S35");
        // Only the list changed, and the file is still valid.
        let m = Matrix::from_json("m.json", &text).unwrap();
        assert_eq!(m.sources.len(), after.len());
        let original: Value = serde_json::from_str(MATRIX).unwrap();
        let mut changed: Value = serde_json::from_str(&text).unwrap();
        changed["sources"].as_array_mut().unwrap().pop();
        assert_eq!(write_json(&changed), write_json(&original));
        assert_eq!(write_json(&original), MATRIX, "the bundled file is the writer's text");
    }

    #[test]
    fn titles_and_addresses_are_checked_by_the_models_rules() {
        assert_eq!(check_new(FileKind::Forum, "  ", None), Err(SourceError::EmptyTitle));
        assert_eq!(
            check_new(FileKind::Forum, "T", Some("javascript:alert(1)")),
            Err(SourceError::NotHttpUrl("javascript:alert(1)".into()))
        );
        assert_eq!(check_new(FileKind::Forum, "T", Some("  ")), Ok(()));
        assert_eq!(check_new(FileKind::Matrix, "T", Some("  ")), Err(SourceError::UrlRequired));
        assert_eq!(apply(FileKind::Forum, "[1]", &add("T", None)), Err(SourceError::NotAFile));
        let sdg = FileKind::SdgTexts(crate::model::Lang::Fr);
        assert_eq!(check_new(sdg, "T", Some("https://example.org")), Err(SourceError::NotAFile));
    }

    /// `url_required` agrees with each validator: a source without an address is valid exactly
    /// where it is not required.
    #[test]
    fn every_kind_of_file_takes_a_source_and_stays_valid() {
        for (kind, text) in
            [(FileKind::Forum, FORUM), (FileKind::Pledges, PLEDGES), (FileKind::Matrix, MATRIX)]
        {
            let with_url = apply(kind, text, &add("Added", Some("https://example.org/a"))).unwrap().unwrap();
            let no_url = {
                let mut doc: Value = serde_json::from_str(text).unwrap();
                let list = doc["sources"].as_array_mut().unwrap();
                list.push(serde_json::json!({"id": "S999", "title": "No address"}));
                write_json(&doc)
            };
            let valid = |t: &str| match kind {
                FileKind::Forum => Forum::from_json_all_errors("f", t).is_ok(),
                FileKind::Pledges => Pledges::from_json_all_errors("p", t).is_ok(),
                _ => Matrix::from_json_all_errors("m", t).is_ok(),
            };
            assert!(valid(&with_url), "{kind:?}");
            assert_eq!(valid(&no_url), !url_required(kind), "{kind:?}");
        }
    }

    #[test]
    fn a_file_without_a_sources_list_gets_one_in_its_key_order() {
        let text =
            "{\n  \"format\": 1,\n  \"milestones\": [],\n  \"announcements\": [],\n  \"provenance\": {}\n}\n";
        let out = apply(FileKind::Pledges, text, &add("A", None)).unwrap().unwrap();
        let keys: Vec<String> =
            serde_json::from_str::<Map<String, Value>>(&out).unwrap().keys().cloned().collect();
        assert_eq!(keys, ["format", "milestones", "announcements", "sources", "provenance"]);
        let sorted = "{\n  \"format\": 1,\n  \"sessions\": [],\n  \"years\": []\n}\n";
        let out = apply(FileKind::Forum, sorted, &add("A", None)).unwrap().unwrap();
        assert!(out.find("\"sources\"") < out.find("\"years\""), "{out}");
        assert_eq!(sources_of(&out)[0].id, "S1");
    }

    #[test]
    fn the_desk_edit_adds_to_the_open_file_of_its_kind_as_one_step_with_a_citation() {
        let s = apply_edit(
            &Snapshot::default(),
            &Edit::Open { kind: FileKind::Pledges, name: "p.json".into(), text: PLEDGES.into() },
        )
        .unwrap();
        let edit = Edit::Source { kind: FileKind::Pledges, edit: add("Added", None) };
        let next = apply_edit(&s, &edit).unwrap();
        assert_eq!(sources_of(&next.pledges.as_ref().unwrap().text).len(), sources_of(PLEDGES).len() + 1);
        assert_eq!(problems(&next), []);
        assert_eq!(apply_edit(&next, &edit), None, "a duplicate changes nothing");
        assert_eq!(apply_edit(&s, &Edit::Source { kind: FileKind::Matrix, edit: add("A", None) }), None);
        assert_eq!(apply_edit(&s, &Edit::Steps(vec![edit.clone(), edit])), Some(next));
    }
}
