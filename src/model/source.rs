//! The sources a data file cites (`"S67"` → title and address), shared by the data formats.

use serde::Deserialize;

use super::error::{Error, ErrorKind};
use super::text::is_http_url;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    id: String,
    title: String,
    url: Option<String>,
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
pub(crate) fn check_sources(file: &str, raw: Vec<RawSource>, errors: &mut Vec<Error>) -> Vec<DataSource> {
    let mut sources: Vec<DataSource> = Vec::with_capacity(raw.len());
    for (i, s) in raw.into_iter().enumerate() {
        let fault = if s.id.trim().is_empty() {
            Some((format!("sources[{i}].id"), ErrorKind::EmptyText))
        } else if s.title.trim().is_empty() {
            Some((format!("sources[{i}].title"), ErrorKind::EmptyText))
        } else if let Some(url) = s.url.as_deref().filter(|u| !is_http_url(u)) {
            Some((format!("sources[{i}].url"), ErrorKind::NotHttpUrl(url.to_owned())))
        } else if sources.iter().any(|k| k.id == s.id) {
            Some((format!("sources[{i}].id"), ErrorKind::DuplicateId(s.id.clone())))
        } else {
            None
        };
        match fault {
            Some((path, kind)) => errors.push(Error::new(file, path, kind)),
            None => sources.push(DataSource { id: s.id, title: s.title, url: s.url }),
        }
    }
    sources
}
