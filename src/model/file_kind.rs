//! What kind of data file a text is (matrix, forum, pledges, SDG texts), told from its content:
//! the rule `cargo xtask validate` and the data desk share.

use std::path::Path;

use super::error::{Error, ErrorKind};
use super::input::parse_json;
use super::lang::Lang;

/// The kinds of data file, told apart by the fields only each has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Matrix,
    Forum,
    Pledges,
    SdgTexts(Lang),
}

/// What kind of file `text` is, from its content (a renamed or oddly named file is still
/// checked as what it is); when the content does not tell (a key field missing), from the
/// name: `sdg-<lang>.json`, `…forum….json`, `…pledges….json`, else a matrix.
pub fn kind_of(file: &str, text: &str) -> std::result::Result<FileKind, Error> {
    match kind_from_content(file, text) {
        Err(err) if matches!(err.kind(), ErrorKind::WrongShape(_)) && err.path().is_empty() => {
            kind_from_name(file).ok_or(err)
        }
        other => other,
    }
}

fn kind_from_name(file: &str) -> Option<FileKind> {
    let name = Path::new(file).file_name().and_then(|n| n.to_str()).unwrap_or("");
    if let Some(code) = name.strip_prefix("sdg-").and_then(|n| n.strip_suffix(".json")) {
        return Lang::from_tag(code).map(FileKind::SdgTexts);
    }
    let kind = if name.contains("forum") {
        FileKind::Forum
    } else if name.contains("pledges") {
        FileKind::Pledges
    } else if name.contains("matrix") {
        FileKind::Matrix
    } else {
        return None;
    };
    Some(kind)
}

fn kind_from_content(file: &str, text: &str) -> std::result::Result<FileKind, Error> {
    let fields: serde_json::Map<String, serde_json::Value> = parse_json(file, text)?;
    let has = |key: &str| fields.contains_key(key);
    if has("goals") || has("targets") {
        let Some(code) = fields.get("lang").and_then(|l| l.as_str()) else {
            // No language: the validator says the field is missing; the name may say which.
            let lang = match kind_from_name(file) {
                Some(FileKind::SdgTexts(lang)) => lang,
                _ => Lang::En,
            };
            return Ok(FileKind::SdgTexts(lang));
        };
        return Lang::from_tag(code)
            .map(FileKind::SdgTexts)
            .ok_or_else(|| Error::new(file, "lang", ErrorKind::UnknownLanguage(code.into())));
    }
    let kind = if has("links") || has("action_lines") {
        FileKind::Matrix
    } else if has("sessions") {
        FileKind::Forum
    } else if has("milestones") || has("goal") {
        FileKind::Pledges
    } else {
        let reason = "not a data file of this project: it has none of links (matrix), sessions \
                      (forum), milestones (pledges) or goals (SDG texts)";
        return Err(Error::new(file, "", ErrorKind::WrongShape(reason.into())));
    };
    Ok(kind)
}
