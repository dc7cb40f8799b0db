//! The WSIS–SDG matrix: 18 Action Line rows, 17 SDG columns, 123 linked cells.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::error::{first_error, parse_json, Error, ErrorKind};
use super::localized::LocalizedText;
use super::sdg::{is_target_or_goal, Sdg};
use super::text::is_http_url;

/// The matrix rows in ITU's order: C1–C6, the eight C7 sub-lines, C8–C11.
pub const ACTION_LINE_IDS: [&str; 18] = [
    "C1", "C2", "C3", "C4", "C5", "C6", "e-gov", "e-bus", "e-lea", "e-hea", "e-emp", "e-env", "e-agr",
    "e-sci", "C8", "C9", "C10", "C11",
];

/// Group id of the eight C7 sub-lines, for the "C7 all" filter.
pub const C7_GROUP: &str = "C7";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMatrix {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    format: u32,
    action_lines: Vec<RawActionLine>,
    #[serde(default)]
    groups: Vec<RawGroup>,
    links: Vec<RawLink>,
    #[serde(default)]
    sources: Vec<RawSource>,
    provenance: RawProvenance,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActionLine {
    id: String,
    #[serde(default)]
    group: Option<String>,
    title: BTreeMap<String, String>,
    #[serde(default)]
    title_sources: BTreeMap<String, String>,
    #[serde(default)]
    lead: Vec<String>,
    #[serde(default)]
    co: Vec<String>,
    #[serde(default)]
    facilitator_note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: String,
    title: BTreeMap<String, String>,
    #[serde(default)]
    title_sources: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    action_line: String,
    sdg: i64,
    #[serde(default)]
    targets: Vec<String>,
    #[serde(default)]
    rationale: Option<String>,
    #[serde(default)]
    note: Option<String>,
    agreement: Agreement,
    #[serde(default)]
    agreement_note: Option<String>,
    #[serde(default)]
    encodings: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    title: String,
    url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProvenance {
    compiled: String,
    basis: String,
    #[serde(default)]
    rationale_note: Option<String>,
    #[serde(default)]
    left_out: Vec<RawLeftOut>,
    #[serde(default)]
    translations: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLeftOut {
    action_line: String,
    sdg: i64,
    #[serde(default)]
    encodings: Vec<String>,
    reason: String,
}

/// Whether every source encoding has a cell, or only most of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Agreement {
    All,
    Majority,
}

/// A validated matrix. Rows are always in [`ACTION_LINE_IDS`] order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    pub action_lines: Vec<ActionLine>,
    pub groups: Vec<Group>,
    pub links: Vec<Link>,
    pub sources: Vec<Source>,
    pub provenance: Provenance,
    /// `cells[row * 17 + sdg.index()]` is the index of that cell's link.
    cells: Vec<Option<usize>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionLine {
    pub id: String,
    /// `Some("C7")` for the eight C7 sub-lines.
    pub group: Option<String>,
    pub title: LocalizedText,
    pub title_sources: Vec<(String, String)>,
    pub lead: Vec<String>,
    pub co: Vec<String>,
    pub facilitator_note: Option<String>,
    pub sources: Vec<String>,
}

impl ActionLine {
    /// Lead and co-facilitators, lead first.
    pub fn facilitators(&self) -> impl Iterator<Item = &str> {
        self.lead.iter().chain(self.co.iter()).map(String::as_str)
    }

    /// The label the ITU matrix uses (`C7 e-gov` is written `e-gov`).
    pub fn code(&self) -> &str {
        &self.id
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub title: LocalizedText,
}

/// One linked cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// Row index into [`Matrix::action_lines`].
    pub action_line: usize,
    pub sdg: Sdg,
    /// As the source gives them: targets (`"9.c"`) or goal numbers (`"9"`), of any goal.
    pub targets: Vec<String>,
    pub rationale: Option<String>,
    pub note: Option<String>,
    pub agreement: Agreement,
    /// How the sources' disagreement on this cell reads (English).
    pub agreement_note: Option<String>,
    pub encodings: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// Always http(s): checked on load.
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    pub compiled: String,
    pub basis: String,
    pub rationale_note: Option<String>,
    pub left_out: Vec<LeftOut>,
    pub translations: Option<String>,
    pub sources: Vec<String>,
    pub notes: Vec<String>,
}

/// A cell only one source encoding has: listed, not linked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    pub action_line: String,
    pub sdg: Sdg,
    pub encodings: Vec<String>,
    pub reason: String,
}

impl Matrix {
    /// Parses and validates `matrix.json`; `file` names it in errors.
    pub fn from_json(file: &str, text: &str) -> Result<Matrix, Error> {
        Matrix::from_json_all_errors(file, text).map_err(|errors| first_error(file, errors))
    }

    /// Like [`Matrix::from_json`], but reports every fault it finds (after the first JSON
    /// syntax or shape error, nothing more can be read).
    pub fn from_json_all_errors(file: &str, text: &str) -> Result<Matrix, Vec<Error>> {
        let raw: RawMatrix = parse_json(file, text).map_err(|e| vec![e])?;
        validate(file, raw)
    }

    pub fn link_at(&self, row: usize, sdg: Sdg) -> Option<&Link> {
        let index = (*self.cells.get(row * Sdg::COUNT + sdg.index())?)?;
        self.links.get(index)
    }

    pub fn link_index_at(&self, row: usize, sdg: Sdg) -> Option<usize> {
        *self.cells.get(row * Sdg::COUNT + sdg.index())?
    }

    pub fn row_of(&self, id: &str) -> Option<usize> {
        self.action_lines.iter().position(|al| al.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// Every facilitating agency, sorted, once each.
    pub fn agencies(&self) -> Vec<String> {
        // Sorted insertion: no sort routine in the wasm for a list of ~15 names.
        let mut all: Vec<String> = Vec::new();
        for name in self.action_lines.iter().flat_map(|al| al.facilitators()) {
            if let Err(position) = all.binary_search_by(|probe| probe.as_str().cmp(name)) {
                all.insert(position, name.to_owned());
            }
        }
        all
    }
}

fn nonempty(file: &str, path: String, text: &str) -> Result<(), Error> {
    if text.trim().is_empty() {
        Err(Error::new(file, path, ErrorKind::EmptyText))
    } else {
        Ok(())
    }
}

fn action_line_rank(file: &str, path: String, id: &str) -> Result<usize, Error> {
    ACTION_LINE_IDS
        .iter()
        .position(|known| *known == id)
        .ok_or_else(|| Error::new(file, path, ErrorKind::UnknownActionLine(id.to_owned())))
}

fn sdg(file: &str, path: String, number: i64) -> Result<Sdg, Error> {
    Sdg::new(number).ok_or_else(|| Error::new(file, path, ErrorKind::SdgOutOfRange(number)))
}

/// Validates everything, collecting every fault (the CLI prints them all; the widget shows
/// the first).
fn validate(file: &str, raw: RawMatrix) -> Result<Matrix, Vec<Error>> {
    let mut errors = Vec::new();
    if raw.format != 1 {
        errors.push(Error::new(file, "format", ErrorKind::UnsupportedFormat(raw.format)));
        return Err(errors);
    }

    let mut sources: Vec<Source> = Vec::with_capacity(raw.sources.len());
    for (i, source) in raw.sources.into_iter().enumerate() {
        let path = format!("sources[{i}]");
        let checked = nonempty(file, format!("{path}.id"), &source.id)
            .and_then(|()| nonempty(file, format!("{path}.title"), &source.title))
            .and_then(|()| {
                if is_http_url(&source.url) {
                    Ok(())
                } else {
                    Err(Error::new(file, format!("{path}.url"), ErrorKind::NotHttpUrl(source.url.clone())))
                }
            })
            .and_then(|()| {
                if sources.iter().any(|s| s.id == source.id) {
                    Err(Error::new(file, format!("{path}.id"), ErrorKind::DuplicateId(source.id.clone())))
                } else {
                    Ok(())
                }
            });
        match checked {
            Ok(()) => sources.push(Source { id: source.id, title: source.title, url: source.url }),
            Err(err) => errors.push(err),
        }
    }
    let known_source = |path: String, id: &str| -> Result<(), Error> {
        if sources.iter().any(|s| s.id == id) {
            Ok(())
        } else {
            Err(Error::new(file, path, ErrorKind::UnknownSource(id.to_owned())))
        }
    };

    let mut groups = Vec::with_capacity(raw.groups.len());
    for (i, group) in raw.groups.into_iter().enumerate() {
        let path = format!("groups[{i}]");
        let checked = nonempty(file, format!("{path}.id"), &group.id)
            .and_then(|()| check_title_sources(file, &path, &group.title_sources))
            .and_then(|()| LocalizedText::from_map(file, &format!("{path}.title"), &group.title));
        match checked {
            Ok(title) => groups.push(Group { id: group.id, title }),
            Err(err) => errors.push(err),
        }
    }

    // Rows are placed by their rank in ITU's order, whatever the file's order.
    let mut ranked: Vec<Option<ActionLine>> = ACTION_LINE_IDS.iter().map(|_| None).collect();
    let mut seen_rank = vec![false; ACTION_LINE_IDS.len()];
    for (i, al) in raw.action_lines.into_iter().enumerate() {
        let path = format!("action_lines[{i}]");
        let rank = match action_line_rank(file, format!("{path}.id"), &al.id) {
            Ok(rank) => rank,
            Err(err) => {
                errors.push(err);
                continue;
            }
        };
        if seen_rank.get(rank).copied().unwrap_or(false) {
            errors.push(Error::new(file, format!("{path}.id"), ErrorKind::DuplicateId(al.id)));
            continue;
        }
        if let Some(seen) = seen_rank.get_mut(rank) {
            *seen = true;
        }
        let mut item_errors = Vec::new();
        if let Some(group) = &al.group {
            if !groups.iter().any(|g| &g.id == group) {
                item_errors.push(Error::new(
                    file,
                    format!("{path}.group"),
                    ErrorKind::Json(format!("group \"{group}\" is not in groups")),
                ));
            }
        }
        let title = LocalizedText::from_map(file, &format!("{path}.title"), &al.title)
            .map_err(|e| item_errors.push(e))
            .ok();
        if let Err(err) = check_title_sources(file, &path, &al.title_sources) {
            item_errors.push(err);
        }
        for (j, name) in al.lead.iter().enumerate() {
            if let Err(err) = nonempty(file, format!("{path}.lead[{j}]"), name) {
                item_errors.push(err);
            }
        }
        for (j, name) in al.co.iter().enumerate() {
            if let Err(err) = nonempty(file, format!("{path}.co[{j}]"), name) {
                item_errors.push(err);
            }
        }
        for (j, id) in al.sources.iter().enumerate() {
            if let Err(err) = known_source(format!("{path}.sources[{j}]"), id) {
                item_errors.push(err);
            }
        }
        match (title, item_errors.is_empty()) {
            (Some(title), true) => {
                if let Some(slot) = ranked.get_mut(rank) {
                    *slot = Some(ActionLine {
                        id: al.id,
                        group: al.group,
                        title,
                        title_sources: al.title_sources.into_iter().collect(),
                        lead: al.lead,
                        co: al.co,
                        facilitator_note: al.facilitator_note.filter(|n| !n.trim().is_empty()),
                        sources: al.sources,
                    });
                }
            }
            _ => errors.append(&mut item_errors),
        }
    }
    let missing: Vec<String> = ACTION_LINE_IDS
        .iter()
        .zip(&seen_rank)
        .filter(|(_, seen)| !**seen)
        .map(|(id, _)| (*id).to_owned())
        .collect();
    if !missing.is_empty() {
        errors.push(Error::new(file, "action_lines", ErrorKind::MissingActionLines(missing)));
    }

    let mut cells = vec![None; ACTION_LINE_IDS.len() * Sdg::COUNT];
    let mut links = Vec::with_capacity(raw.links.len());
    for (i, link) in raw.links.into_iter().enumerate() {
        let path = format!("links[{i}]");
        let mut item_errors = Vec::new();
        let row = ACTION_LINE_IDS.iter().position(|id| *id == link.action_line);
        if row.is_none() {
            item_errors.push(Error::new(
                file,
                format!("{path}.action_line"),
                ErrorKind::UnknownActionLine(link.action_line.clone()),
            ));
        }
        let goal = sdg(file, format!("{path}.sdg"), link.sdg).map_err(|e| item_errors.push(e)).ok();
        for (j, target) in link.targets.iter().enumerate() {
            if !is_target_or_goal(target) {
                item_errors.push(Error::new(
                    file,
                    format!("{path}.targets[{j}]"),
                    ErrorKind::UnknownTarget(target.clone()),
                ));
            }
        }
        if let Some(text) = &link.rationale {
            if let Err(err) = nonempty(file, format!("{path}.rationale"), text) {
                item_errors.push(err);
            }
        }
        let (Some(row), Some(goal), true) = (row, goal, item_errors.is_empty()) else {
            errors.append(&mut item_errors);
            continue;
        };
        let Some(slot) = cells.get_mut(row * Sdg::COUNT + goal.index()) else {
            continue;
        };
        if slot.is_some() {
            errors.push(Error::new(
                file,
                path,
                ErrorKind::DuplicateLink { action_line: link.action_line, sdg: goal.number() },
            ));
            continue;
        }
        *slot = Some(links.len());
        links.push(Link {
            action_line: row,
            sdg: goal,
            targets: link.targets,
            rationale: link.rationale,
            note: link.note.filter(|n| !n.trim().is_empty()),
            agreement: link.agreement,
            agreement_note: link.agreement_note.filter(|n| !n.trim().is_empty()),
            encodings: link.encodings,
        });
    }

    let raw_prov = raw.provenance;
    if let Err(err) = nonempty(file, "provenance.basis".into(), &raw_prov.basis) {
        errors.push(err);
    }
    let mut left_out = Vec::with_capacity(raw_prov.left_out.len());
    for (i, cell) in raw_prov.left_out.into_iter().enumerate() {
        let path = format!("provenance.left_out[{i}]");
        let checked = action_line_rank(file, format!("{path}.action_line"), &cell.action_line)
            .and_then(|_| sdg(file, format!("{path}.sdg"), cell.sdg));
        match checked {
            Ok(goal) => left_out.push(LeftOut {
                action_line: cell.action_line,
                sdg: goal,
                encodings: cell.encodings,
                reason: cell.reason,
            }),
            Err(err) => errors.push(err),
        }
    }
    for (i, id) in raw_prov.sources.iter().enumerate() {
        if let Err(err) = known_source(format!("provenance.sources[{i}]"), id) {
            errors.push(err);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let provenance = Provenance {
        compiled: raw_prov.compiled,
        basis: raw_prov.basis,
        rationale_note: raw_prov.rationale_note,
        left_out,
        translations: raw_prov.translations,
        sources: raw_prov.sources,
        notes: raw_prov.notes,
    };
    let action_lines: Vec<ActionLine> = ranked.into_iter().flatten().collect();
    Ok(Matrix { action_lines, groups, links, sources, provenance, cells })
}

fn check_title_sources(
    file: &str,
    path: &str,
    title_sources: &BTreeMap<String, String>,
) -> Result<(), Error> {
    for (lang, url) in title_sources {
        if !is_http_url(url) {
            return Err(Error::new(
                file,
                format!("{path}.title_sources.{lang}"),
                ErrorKind::NotHttpUrl(url.clone()),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The smallest valid matrix: 18 untitled-but-English rows and the given links.
    pub(crate) fn fixture(links: &str) -> String {
        let rows: Vec<String> = ACTION_LINE_IDS
            .iter()
            .map(|id| {
                let group = if id.starts_with("e-") { r#","group":"C7""# } else { "" };
                format!(
                    r#"{{"id":"{id}"{group},"title":{{"en":"Line {id}"}},"lead":["L-{id}"],"co":["ITU"]}}"#
                )
            })
            .collect();
        format!(
            r#"{{"format":1,"action_lines":[{}],"groups":[{{"id":"C7","title":{{"en":"ICT applications"}}}}],"links":[{links}],"sources":[{{"id":"S4","title":"App data","url":"https://example.org/s4"}}],"provenance":{{"compiled":"2026-11-23","basis":"test","sources":["S4"]}}}}"#,
            rows.join(",")
        )
    }

    fn load(links: &str) -> Result<Matrix, Error> {
        Matrix::from_json("matrix.json", &fixture(links))
    }

    #[test]
    fn loads_rows_in_itu_order() {
        let m = load(r#"{"action_line":"C3","sdg":4,"targets":["4.1"],"agreement":"all"}"#).unwrap();
        assert_eq!(m.action_lines.len(), 18);
        assert_eq!(m.action_lines[6].id, "e-gov");
        let c3 = m.row_of("C3").unwrap();
        assert_eq!(m.link_at(c3, Sdg::new(4).unwrap()).unwrap().targets, vec!["4.1"]);
        assert!(m.link_at(c3, Sdg::new(5).unwrap()).is_none());
    }

    #[test]
    fn sdg_out_of_range_names_path() {
        let links = [r#"{"action_line":"C1","sdg":1,"agreement":"all"}"#; 1].join(",")
            + r#",{"action_line":"C1","sdg":18,"agreement":"all"}"#;
        let err = load(&links).unwrap_err();
        assert_eq!(err.to_string(), "matrix.json: links[1].sdg: 18 is not an SDG (1–17)");
    }

    #[test]
    fn unknown_action_line() {
        let err = load(r#"{"action_line":"C12","sdg":1,"agreement":"all"}"#).unwrap_err();
        assert_eq!(err.path, "links[0].action_line");
        assert_eq!(err.kind, ErrorKind::UnknownActionLine("C12".into()));
    }

    #[test]
    fn targets_of_other_goals_are_kept_unknown_ones_refused() {
        let m = load(r#"{"action_line":"e-agr","sdg":1,"targets":["2.4","13.1","1"],"agreement":"all"}"#)
            .unwrap();
        assert_eq!(m.links[0].targets, vec!["2.4", "13.1", "1"]);
        let err = load(r#"{"action_line":"C1","sdg":9,"targets":["9.z"],"agreement":"all"}"#).unwrap_err();
        assert_eq!(err.path, "links[0].targets[0]");
    }

    #[test]
    fn duplicate_cell() {
        let err = load(
            r#"{"action_line":"C1","sdg":1,"agreement":"all"},{"action_line":"C1","sdg":1,"agreement":"majority"}"#,
        )
        .unwrap_err();
        assert_eq!(err.path, "links[1]");
    }

    #[test]
    fn empty_rationale_is_refused() {
        let err = load(r#"{"action_line":"C1","sdg":1,"rationale":"  ","agreement":"all"}"#).unwrap_err();
        assert_eq!(err.path, "links[0].rationale");
        assert_eq!(err.kind, ErrorKind::EmptyText);
    }

    #[test]
    fn missing_and_duplicate_rows() {
        let text = fixture("").replace(
            r#"{"id":"C11","title":{"en":"Line C11"},"lead":["L-C11"],"co":["ITU"]}"#,
            r#"{"id":"C10","title":{"en":"again"}}"#,
        );
        let err = Matrix::from_json("m.json", &text).unwrap_err();
        assert_eq!(err.path, "action_lines[17].id");
        assert_eq!(err.kind, ErrorKind::DuplicateId("C10".into()));
    }

    #[test]
    fn non_http_source_url_is_refused() {
        let text = fixture("").replace("https://example.org/s4", "javascript:alert(1)");
        let err = Matrix::from_json("m.json", &text).unwrap_err();
        assert_eq!(err.path, "sources[0].url");
    }

    #[test]
    fn unknown_source_reference() {
        let text = fixture("").replace(r#""sources":["S4"]"#, r#""sources":["S99"]"#);
        let err = Matrix::from_json("m.json", &text).unwrap_err();
        assert_eq!(err.path, "provenance.sources[0]");
    }

    #[test]
    fn every_fault_is_reported() {
        let links = [
            r#"{"action_line":"C1","sdg":18,"agreement":"all"}"#,
            r#"{"action_line":"C99","sdg":1,"agreement":"all"}"#,
            r#"{"action_line":"C2","sdg":2,"targets":["2.z"],"agreement":"all"}"#,
        ]
        .join(",");
        let errors = Matrix::from_json_all_errors("m.json", &fixture(&links)).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, vec!["links[0].sdg", "links[1].action_line", "links[2].targets[0]"]);
        assert_eq!(Matrix::from_json("m.json", &fixture(&links)).unwrap_err().path, "links[0].sdg");
    }

    #[test]
    fn agencies_are_unique_and_sorted() {
        let m = load("").unwrap();
        let agencies = m.agencies();
        assert_eq!(agencies.first().map(String::as_str), Some("ITU"));
        assert_eq!(agencies.len(), 19);
    }
}
