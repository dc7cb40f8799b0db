//! The WSIS–SDG matrix: 18 Action Line rows, 17 SDG columns, 123 linked cells.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::action_line::ActionLineId;
use super::error::{Error, ErrorKind, Errors};
use super::input::parse_json;
use super::localized::LocalizedText;
use super::sdg::Sdg;
use super::source::{self, check_sources};
use super::validate::{Checker, JsonPath, KnownIds};

pub use super::action_line::{ACTION_LINE_IDS, C7_GROUP};

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
    #[serde(default)]
    sources: Vec<String>,
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

impl Agreement {
    /// The values the file may have, in the schema's order.
    pub const ALL: [Agreement; 2] = [Agreement::All, Agreement::Majority];

    /// As the file writes it.
    pub fn code(self) -> &'static str {
        match self {
            Agreement::All => "all",
            Agreement::Majority => "majority",
        }
    }
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
    /// Ids in the file's sources list that this cell cites (added by the data desk).
    pub sources: Vec<String>,
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
        Matrix::from_json_all_errors(file, text).map_err(Errors::into_first)
    }

    /// Like [`Matrix::from_json`], but reports every fault it finds (after the first JSON
    /// syntax or shape error, nothing more can be read).
    pub fn from_json_all_errors(file: &str, text: &str) -> Result<Matrix, Errors> {
        let raw: RawMatrix = parse_json(file, text)?;
        let mut check = Checker::new(file);
        if !check.format(raw.format) {
            return check.finish(None);
        }
        let root = JsonPath::root();
        let sources = check_matrix_sources(&mut check, &root.field("sources"), raw.sources);
        let known = KnownIds::new(sources.iter().map(|s| s.id.as_str()));
        let groups = check_groups(&mut check, &root.field("groups"), raw.groups);
        let action_lines =
            check_action_lines(&mut check, &root.field("action_lines"), raw.action_lines, &groups, &known);
        let (links, cells) = check_links(&mut check, &root.field("links"), raw.links, &known);
        let provenance = check_provenance(&mut check, &root.field("provenance"), raw.provenance, &known);
        check.finish(Some(Matrix { action_lines, groups, links, sources, provenance, cells }))
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

/// The shared source checks; a matrix source always has an address (serde requires it).
fn check_matrix_sources(check: &mut Checker, at: &JsonPath, raw: Vec<RawSource>) -> Vec<Source> {
    let raw =
        raw.into_iter().map(|s| source::RawSource { id: s.id, title: s.title, url: Some(s.url) }).collect();
    check_sources(check, at, raw)
        .into_iter()
        .map(|s| Source { id: s.id, title: s.title, url: s.url.unwrap_or_default() })
        .collect()
}

fn check_groups(check: &mut Checker, at: &JsonPath, raw: Vec<RawGroup>) -> Vec<Group> {
    let mut groups = Vec::with_capacity(raw.len());
    for (i, group) in raw.into_iter().enumerate() {
        let at = at.index(i);
        if !check.text(&at.field("id"), &group.id) || !check_title_sources(check, &at, &group.title_sources) {
            continue;
        }
        if let Some(title) = LocalizedText::from_map(check, &at.field("title"), &group.title) {
            groups.push(Group { id: group.id, title });
        }
    }
    groups
}

/// Rows are placed by their rank in ITU's order, whatever the file's order; every one of the
/// 18 must be there once.
fn check_action_lines(
    check: &mut Checker,
    at: &JsonPath,
    raw: Vec<RawActionLine>,
    groups: &[Group],
    known: &KnownIds,
) -> Vec<ActionLine> {
    let mut ranked: Vec<Option<ActionLine>> = ActionLineId::all().map(|_| None).collect();
    let mut seen = [false; ActionLineId::COUNT];
    for (i, al) in raw.into_iter().enumerate() {
        let at = at.index(i);
        let Some(id) = check.action_line(&at.field("id"), &al.id) else { continue };
        let Some(seen) = seen.get_mut(id.row()) else { continue };
        if *seen {
            check.fail(&at.field("id"), ErrorKind::DuplicateId(al.id));
            continue;
        }
        *seen = true;
        if let (Some(row), Some(slot)) =
            (check_action_line(check, &at, al, groups, known), ranked.get_mut(id.row()))
        {
            *slot = Some(row);
        }
    }
    let missing: Vec<String> =
        ActionLineId::all().zip(seen).filter(|(_, seen)| !seen).map(|(id, _)| id.code().to_owned()).collect();
    if !missing.is_empty() {
        check.fail(at, ErrorKind::MissingActionLines(missing));
    }
    ranked.into_iter().flatten().collect()
}

fn check_action_line(
    check: &mut Checker,
    at: &JsonPath,
    al: RawActionLine,
    groups: &[Group],
    known: &KnownIds,
) -> Option<ActionLine> {
    let mark = check.mark();
    if let Some(group) = al.group.as_ref().filter(|group| !groups.iter().any(|g| &g.id == *group)) {
        check.fail(&at.field("group"), ErrorKind::UnknownGroup(group.clone()));
    }
    let title = LocalizedText::from_map(check, &at.field("title"), &al.title);
    check_title_sources(check, at, &al.title_sources);
    check.texts(&at.field("lead"), &al.lead);
    check.texts(&at.field("co"), &al.co);
    check.sources(at, &al.sources, known);
    let title = title.filter(|_| check.clean_since(mark))?;
    Some(ActionLine {
        id: al.id,
        group: al.group,
        title,
        title_sources: al.title_sources.into_iter().collect(),
        lead: al.lead,
        co: al.co,
        facilitator_note: al.facilitator_note.filter(|n| !n.trim().is_empty()),
        sources: al.sources,
    })
}

/// The links, and for each of the 18 × 17 cells the index of its link.
fn check_links(
    check: &mut Checker,
    at: &JsonPath,
    raw: Vec<RawLink>,
    known: &KnownIds,
) -> (Vec<Link>, Vec<Option<usize>>) {
    let mut cells = vec![None; ActionLineId::COUNT * Sdg::COUNT];
    let mut links = Vec::with_capacity(raw.len());
    for (i, link) in raw.into_iter().enumerate() {
        let at = at.index(i);
        let mark = check.mark();
        let row = check.action_line(&at.field("action_line"), &link.action_line);
        let goal = check.sdg(&at.field("sdg"), link.sdg);
        for (j, target) in link.targets.iter().enumerate() {
            check.target(&at.field("targets").index(j), target);
        }
        if let Some(text) = &link.rationale {
            check.text(&at.field("rationale"), text);
        }
        check.sources(&at, &link.sources, known);
        let (Some(row), Some(goal), true) = (row, goal, check.clean_since(mark)) else { continue };
        let Some(slot) = cells.get_mut(row.row() * Sdg::COUNT + goal.index()) else { continue };
        if slot.is_some() {
            check.fail(&at, ErrorKind::DuplicateLink { action_line: link.action_line, sdg: goal.number() });
            continue;
        }
        *slot = Some(links.len());
        links.push(Link {
            action_line: row.row(),
            sdg: goal,
            targets: link.targets,
            rationale: link.rationale,
            note: link.note.filter(|n| !n.trim().is_empty()),
            agreement: link.agreement,
            agreement_note: link.agreement_note.filter(|n| !n.trim().is_empty()),
            encodings: link.encodings,
            sources: link.sources,
        });
    }
    (links, cells)
}

fn check_provenance(check: &mut Checker, at: &JsonPath, raw: RawProvenance, known: &KnownIds) -> Provenance {
    check.text(&at.field("basis"), &raw.basis);
    let mut left_out = Vec::with_capacity(raw.left_out.len());
    for (i, cell) in raw.left_out.into_iter().enumerate() {
        let at = at.field("left_out").index(i);
        if check.action_line(&at.field("action_line"), &cell.action_line).is_none() {
            continue;
        }
        let Some(sdg) = check.sdg(&at.field("sdg"), cell.sdg) else { continue };
        left_out.push(LeftOut {
            action_line: cell.action_line,
            sdg,
            encodings: cell.encodings,
            reason: cell.reason,
        });
    }
    check.sources(at, &raw.sources, known);
    Provenance {
        compiled: raw.compiled,
        basis: raw.basis,
        rationale_note: raw.rationale_note,
        left_out,
        translations: raw.translations,
        sources: raw.sources,
        notes: raw.notes,
    }
}

/// Every translation's source address must be http(s).
fn check_title_sources(check: &mut Checker, at: &JsonPath, title_sources: &BTreeMap<String, String>) -> bool {
    let at = at.field("title_sources");
    title_sources.iter().all(|(lang, url)| check.http_url(&at.field(lang), url))
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
        assert_eq!(err.path(), "links[0].action_line");
        assert_eq!(err.kind(), &ErrorKind::UnknownActionLine("C12".into()));
    }

    #[test]
    fn targets_of_other_goals_are_kept_unknown_ones_refused() {
        let m = load(r#"{"action_line":"e-agr","sdg":1,"targets":["2.4","13.1","1"],"agreement":"all"}"#)
            .unwrap();
        assert_eq!(m.links[0].targets, vec!["2.4", "13.1", "1"]);
        let err = load(r#"{"action_line":"C1","sdg":9,"targets":["9.z"],"agreement":"all"}"#).unwrap_err();
        assert_eq!(err.path(), "links[0].targets[0]");
    }

    #[test]
    fn duplicate_cell() {
        let err = load(
            r#"{"action_line":"C1","sdg":1,"agreement":"all"},{"action_line":"C1","sdg":1,"agreement":"majority"}"#,
        )
        .unwrap_err();
        assert_eq!(err.path(), "links[1]");
    }

    #[test]
    fn empty_rationale_is_refused() {
        let err = load(r#"{"action_line":"C1","sdg":1,"rationale":"  ","agreement":"all"}"#).unwrap_err();
        assert_eq!(err.path(), "links[0].rationale");
        assert_eq!(err.kind(), &ErrorKind::EmptyText);
    }

    #[test]
    fn missing_and_duplicate_rows() {
        let text = fixture("").replace(
            r#"{"id":"C11","title":{"en":"Line C11"},"lead":["L-C11"],"co":["ITU"]}"#,
            r#"{"id":"C10","title":{"en":"again"}}"#,
        );
        let err = Matrix::from_json("m.json", &text).unwrap_err();
        assert_eq!(err.path(), "action_lines[17].id");
        assert_eq!(err.kind(), &ErrorKind::DuplicateId("C10".into()));
    }

    #[test]
    fn non_http_source_url_is_refused() {
        let text = fixture("").replace("https://example.org/s4", "javascript:alert(1)");
        let err = Matrix::from_json("m.json", &text).unwrap_err();
        assert_eq!(err.path(), "sources[0].url");
    }

    #[test]
    fn unknown_source_reference() {
        let text = fixture("").replace(r#""sources":["S4"]"#, r#""sources":["S99"]"#);
        let err = Matrix::from_json("m.json", &text).unwrap_err();
        assert_eq!(err.path(), "provenance.sources[0]");
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
        let paths: Vec<&str> = errors.iter().map(|e| e.path()).collect();
        assert_eq!(paths, vec!["links[0].sdg", "links[1].action_line", "links[2].targets[0]"]);
        assert_eq!(Matrix::from_json("m.json", &fixture(&links)).unwrap_err().path(), "links[0].sdg");
    }

    #[test]
    fn a_link_cites_sources_of_the_list_and_agreement_codes_are_the_files() {
        let m = load(r#"{"action_line":"C1","sdg":1,"agreement":"all","sources":["S4"]}"#).unwrap();
        assert_eq!(m.links[0].sources, ["S4"]);
        let err =
            load(r#"{"action_line":"C1","sdg":1,"agreement":"all","sources":["S4","S9"]}"#).unwrap_err();
        assert_eq!(err.path(), "links[0].sources[1]");
        for a in Agreement::ALL {
            assert_eq!(serde_json::from_value::<Agreement>(a.code().into()).unwrap(), a);
        }
    }

    #[test]
    fn agencies_are_unique_and_sorted() {
        let m = load("").unwrap();
        let agencies = m.agencies();
        assert_eq!(agencies.first().map(String::as_str), Some("ITU"));
        assert_eq!(agencies.len(), 19);
    }
}
