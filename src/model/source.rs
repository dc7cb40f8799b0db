//! The sources a data file cites (`"S67"` → title and address), shared by the data formats.

use serde::Deserialize;

use super::error::ErrorKind;
use super::validate::{repeated, Checker, JsonPath, KnownIds};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) url: Option<String>,
}

/// A cited source. Some are copies without a public address, so the URL is optional; when
/// present it is always http(s).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataSource {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
}

/// Checks ids (non-empty, unique), titles (non-empty) and URLs (http(s) only); faulty entries
/// are left out and reported.
pub(crate) fn check_sources(check: &mut Checker, at: &JsonPath, raw: Vec<RawSource>) -> Vec<DataSource> {
    let repeated = repeated(&raw.iter().map(|s| s.id.as_str()).collect::<Vec<_>>());
    let mut sources = Vec::with_capacity(raw.len());
    for ((i, s), again) in raw.into_iter().enumerate().zip(repeated) {
        let at = at.index(i);
        let sound = check.text(&at.field("id"), &s.id)
            && check.text(&at.field("title"), &s.title)
            && s.url.as_deref().is_none_or(|url| check.http_url(&at.field("url"), url));
        if sound && again {
            check.fail(&at.field("id"), ErrorKind::DuplicateId(s.id.clone()));
        }
        if sound && !again {
            sources.push(DataSource { id: s.id, title: s.title, url: s.url });
        }
    }
    sources
}

/// The ids of `sources`, to look references up in.
pub(crate) fn known_ids(sources: &[DataSource]) -> KnownIds {
    KnownIds::new(sources.iter().map(|s| s.id.as_str()))
}
