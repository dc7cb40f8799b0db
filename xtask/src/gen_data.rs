//! `cargo xtask gen-data`: builds `data/` from the sourced facts in `../shared/reference`.
//!
//! Everything written comes from a reference file or from a fact table in this file that
//! names its section (§) and source tags (S…) in `data-facts.md`. Nothing is translated.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;
use wsis_sdg_widgets::model::sdg::TARGET_IDS;

use crate::Result;

/// Matrix row ids in ITU's order, with the name the reference CSV uses (§1.2).
const ROWS: [(&str, &str); 18] = [
    ("C1", "C1"),
    ("C2", "C2"),
    ("C3", "C3"),
    ("C4", "C4"),
    ("C5", "C5"),
    ("C6", "C6"),
    ("e-gov", "C7 e-government"),
    ("e-bus", "C7 e-business"),
    ("e-lea", "C7 e-learning"),
    ("e-hea", "C7 e-health"),
    ("e-emp", "C7 e-employment"),
    ("e-env", "C7 e-environment"),
    ("e-agr", "C7 e-agriculture"),
    ("e-sci", "C7 e-science"),
    ("C8", "C8"),
    ("C9", "C9"),
    ("C10", "C10"),
    ("C11", "C11"),
];

/// Facilitators (§1.3): id, lead, co-facilitators/partners, note, evidence tags.
type Facilitators =
    (&'static str, &'static [&'static str], &'static [&'static str], &'static str, &'static [&'static str]);
const FACILITATORS: [Facilitators; 18] = [
    ("C1", &["UN DESA"], &["ITU"], "", &["S9", "S10", "S11", "S12", "S13"]),
    ("C2", &["ITU"], &[], "APC was proposed as co-facilitator in 2006 (S14); not confirmed as such.", &["S9", "S13", "S14", "S15"]),
    ("C3", &["UNESCO"], &["ITU"], "", &["S9", "S13", "S14"]),
    ("C4", &["ITU"], &[], "ITU is listed as facilitator in the 2017 WSIS report (S13) and described itself earlier as co-facilitator (S9); a UNESCO/UNDP role was not confirmed. Confidence: medium.", &["S9", "S13"]),
    ("C5", &["ITU"], &[], "", &["S9", "S16"]),
    ("C6", &["ITU"], &[], "UNDP was lead facilitator until May 2008, when ITU took over (S17).", &["S9", "S17"]),
    ("e-gov", &["UN DESA"], &["ITU"], "", &["S10", "S18"]),
    ("e-bus", &["UNCTAD"], &["UPU", "ITC"], "Lead: high confidence. UPU and ITC: low confidence (reported at the 2025 facilitators' meeting; listed among forum partner agencies).", &["S18", "S19"]),
    ("e-lea", &["UNESCO"], &["ITU"], "", &["S14"]),
    ("e-hea", &["WHO"], &["ITU"], "", &["S18", "S20", "S21"]),
    ("e-emp", &["ILO"], &["ITU"], "ITU as co-facilitator of C7 (S9).", &["S9", "S22"]),
    ("e-env", &["ITU", "WMO", "UNEP"], &[], "UNEP through the Basel Convention Secretariat (S23).", &["S23"]),
    ("e-agr", &["FAO"], &["ITU"], "", &["S18", "S24", "S25"]),
    ("e-sci", &["UNESCO"], &[], "UNESCO as interim focal point; UNCTAD attended the first consultation (Beijing, 22 Oct 2006). Confidence: medium.", &["S26", "S27"]),
    ("C8", &["UNESCO"], &["ITU"], "ITU describes itself as a partner for C8 (S9). Confidence: medium to high.", &["S9", "S28"]),
    ("C9", &["UNESCO"], &["ITU"], "ITU describes itself as a partner for C9 (S9).", &["S9", "S14"]),
    ("C10", &["UNESCO"], &[], "", &["S14"]),
    ("C11", &["UN DESA"], &["ITU"], "UN Regional Commissions are active regionally.", &["S9", "S10", "S11", "S12"]),
];

/// Official SDG colours (§1.4, palette of S33).
const COLOURS: [&str; 17] = [
    "#E5243B", "#DDA63A", "#4C9F38", "#C5192D", "#FF3A21", "#26BDE2", "#FCC30B", "#A21942", "#FD6925",
    "#DD1367", "#FD9D24", "#BF8B2E", "#3F7E44", "#0A97D9", "#56C02B", "#00689D", "#19486A",
];

/// Readings of the non-unanimous cells (§1.5), keyed by the table's cell label.
const READINGS: [(&str, u8, &str); 10] = [
    ("C2", 8, "probably a real link; missing from the SDG index"),
    ("C3", 4, "the early list links C3 to all 17 SDGs; the final file has no SDG 4 rationale entry"),
    ("C4", 8, "doubtful"),
    ("e-bus", 2, "real; the early list had SDG 3 instead"),
    ("e-bus", 3, "early entry, later replaced by SDG 2"),
    ("e-env", 14, "real (targets \"14, 15\" are cited inside the SDG 15 cell)"),
    ("e-env", 16, "probable off-by-one entry error for SDG 14 (listed with no targets or rationale)"),
    ("C8", 5, "probably an index slip for C9 × SDG 5"),
    ("C8", 9, "has a rationale, added in a later text edit; only one encoding has it"),
    ("C9", 5, "real"),
];

const SOURCE_S4_URL: &str = "https://github.com/uwidcit/WSIS-SDG-Matrix";

#[derive(Serialize)]
struct MatrixFile {
    #[serde(rename = "$schema")]
    schema: &'static str,
    format: u32,
    action_lines: Vec<ActionLineOut>,
    groups: Vec<GroupOut>,
    links: Vec<LinkOut>,
    sources: Vec<SourceOut>,
    provenance: ProvenanceOut,
}

#[derive(Serialize)]
struct ActionLineOut {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    title: BTreeMap<String, String>,
    title_sources: BTreeMap<String, String>,
    lead: Vec<String>,
    co: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    facilitator_note: Option<String>,
    sources: Vec<String>,
}

#[derive(Serialize)]
struct GroupOut {
    id: String,
    title: BTreeMap<String, String>,
    title_sources: BTreeMap<String, String>,
}

#[derive(Serialize)]
struct LinkOut {
    action_line: String,
    sdg: u8,
    targets: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rationale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    agreement: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    agreement_note: Option<String>,
    encodings: Vec<String>,
}

#[derive(Serialize)]
struct SourceOut {
    id: String,
    title: String,
    url: String,
}

#[derive(Serialize)]
struct LeftOutOut {
    action_line: String,
    sdg: u8,
    encodings: Vec<String>,
    reason: String,
}

#[derive(Serialize)]
struct ProvenanceOut {
    compiled: &'static str,
    basis: &'static str,
    rationale_note: &'static str,
    left_out: Vec<LeftOutOut>,
    translations: String,
    sources: Vec<String>,
    notes: Vec<&'static str>,
}

#[derive(Serialize)]
struct SdgFile {
    #[serde(rename = "$schema")]
    schema: &'static str,
    lang: String,
    source: String,
    licence: &'static str,
    colour_source: &'static str,
    goals: Vec<GoalOut>,
    targets: OrderedMap,
}

#[derive(Serialize)]
struct GoalOut {
    sdg: u8,
    colour: &'static str,
    short: String,
    title: String,
}

/// A JSON object whose keys keep the order given (the UN's order of targets).
struct OrderedMap(Vec<(String, String)>);

impl Serialize for OrderedMap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_json(path: &Path) -> Result<Value> {
    serde_json::from_str(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

fn pretty<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value).map(|s| s + "\n").map_err(|e| e.to_string())
}

/// The first http(s) URL in a line of text.
fn first_url(text: &str) -> Option<String> {
    let start = text.find("https://").or_else(|| text.find("http://"))?;
    let rest = text.get(start..)?;
    let end =
        rest.find(|c: char| c.is_whitespace() || c == '|' || c == '`' || c == ')').unwrap_or(rest.len());
    rest.get(..end).map(|u| u.trim_end_matches([',', ';', '.']).to_owned())
}

/// `S1 → (title, url)` from the source list (§4) of data-facts.md.
fn source_list(facts: &str) -> BTreeMap<String, (String, String)> {
    let mut sources = BTreeMap::new();
    for line in facts.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let (Some(tag), Some(address), Some(kind)) = (cells.get(1), cells.get(2), cells.get(3)) else {
            continue;
        };
        if !tag.starts_with('S') || tag.get(1..).is_none_or(|n| n.parse::<u32>().is_err()) {
            continue;
        }
        let url =
            if *tag == "S4" || *tag == "S31" { Some(SOURCE_S4_URL.to_owned()) } else { first_url(address) };
        if let Some(url) = url {
            let place = url.split("://").nth(1).unwrap_or(&url).trim_end_matches('/').to_owned();
            let place = if place.chars().count() > 90 {
                format!("{}…", place.chars().take(89).collect::<String>())
            } else {
                place
            };
            sources.insert((*tag).to_owned(), (format!("{kind} — {place}"), url));
        }
    }
    sources
}

fn row_of(csv_name: &str) -> Option<&'static str> {
    ROWS.iter().find(|(_, name)| *name == csv_name).map(|(id, _)| *id)
}

fn titles(entry: &Value) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let mut title = BTreeMap::new();
    let mut sources = BTreeMap::new();
    if let Some(langs) = entry.as_object() {
        for (lang, v) in langs {
            if let (Some(t), Some(s)) =
                (v.get("title").and_then(Value::as_str), v.get("source").and_then(Value::as_str))
            {
                title.insert(lang.clone(), t.to_owned());
                sources.insert(lang.clone(), s.to_owned());
            }
        }
    }
    (title, sources)
}

/// All data files, as (path relative to `data/`, contents).
pub fn generate(reference: &Path) -> Result<Vec<(PathBuf, String)>> {
    let facts = read(&reference.join("data-facts.md"))?;
    let all_sources = source_list(&facts);
    let i18n = read_json(&reference.join("action-lines-i18n.json"))?;

    let mut used_sources: Vec<String> = vec!["S1".into(), "S3".into(), "S4".into()];
    let mut action_lines = Vec::new();
    for (id, csv_name) in ROWS {
        let entry = i18n.get(csv_name).ok_or_else(|| format!("action-lines-i18n.json has no {csv_name}"))?;
        let (title, title_sources) = titles(entry);
        if !title.contains_key("en") {
            return Err(format!("no English title for {csv_name}"));
        }
        let (_, lead, co, note, evidence) =
            FACILITATORS.iter().find(|f| f.0 == id).ok_or_else(|| format!("no facilitators for {id}"))?;
        used_sources.extend(evidence.iter().map(|s| (*s).to_owned()));
        action_lines.push(ActionLineOut {
            id: id.to_owned(),
            group: id.starts_with("e-").then(|| "C7".to_owned()),
            title,
            title_sources,
            lead: lead.iter().map(|s| (*s).to_owned()).collect(),
            co: co.iter().map(|s| (*s).to_owned()).collect(),
            facilitator_note: (!note.is_empty()).then(|| (*note).to_owned()),
            sources: evidence.iter().map(|s| (*s).to_owned()).collect(),
        });
    }
    let c7 = i18n.get("C7").ok_or("action-lines-i18n.json has no C7")?;
    let (c7_title, c7_sources) = titles(c7);
    let groups = vec![GroupOut { id: "C7".into(), title: c7_title, title_sources: c7_sources }];

    let mut links = Vec::new();
    let mut left_out = Vec::new();
    let mut reader = csv::Reader::from_path(reference.join("wsis-sdg-matrix-links.csv"))
        .map_err(|e| format!("wsis-sdg-matrix-links.csv: {e}"))?;
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("wsis-sdg-matrix-links.csv row {}: {e}", i + 2))?;
        let field = |n: usize| record.get(n).unwrap_or("").trim().to_owned();
        let id = row_of(&field(0)).ok_or_else(|| format!("unknown action line {:?}", field(0)))?;
        let sdg: u8 = field(1).parse().map_err(|e| format!("row {}: sdg: {e}", i + 2))?;
        let targets: Vec<String> =
            field(2).split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect();
        let encodings: Vec<String> = [(3, "A"), (4, "S"), (5, "E")]
            .iter()
            .filter(|(n, _)| field(*n) == "1")
            .map(|(_, e)| (*e).to_owned())
            .collect();
        let votes: u8 = field(6).parse().map_err(|e| format!("row {}: votes: {e}", i + 2))?;
        let gist = field(7);
        let reading =
            READINGS.iter().find(|(a, s, _)| *a == id && *s == sdg).map(|(_, _, r)| (*r).to_owned());
        if votes < 2 {
            left_out.push(LeftOutOut {
                action_line: id.to_owned(),
                sdg,
                encodings,
                reason: format!(
                    "only one of the three source encodings has this cell; reading: {}",
                    reading.unwrap_or_else(|| "none given".into())
                ),
            });
            continue;
        }
        let (rationale, note) = if gist.is_empty() {
            (None, None)
        } else if gist.starts_with('(') && gist.ends_with(')') {
            (None, gist.get(1..gist.len() - 1).map(str::to_owned))
        } else {
            (Some(gist), None)
        };
        links.push(LinkOut {
            action_line: id.to_owned(),
            sdg,
            targets,
            rationale,
            note,
            agreement: if votes == 3 { "all" } else { "majority" },
            agreement_note: if votes == 3 { None } else { reading },
            encodings,
        });
    }

    used_sources.extend(["S7", "S8", "S32", "S33"].map(String::from));
    used_sources.sort_by_key(|s| s.get(1..).and_then(|n| n.parse::<u32>().ok()).unwrap_or(0));
    used_sources.dedup();
    let mut sources = Vec::new();
    for tag in &used_sources {
        let (title, url) =
            all_sources.get(tag).ok_or_else(|| format!("source {tag} has no http(s) URL in §4"))?;
        sources.push(SourceOut { id: tag.clone(), title: title.clone(), url: url.clone() });
    }

    let matrix = MatrixFile {
        schema: "schema/matrix.schema.json",
        format: 1,
        action_lines,
        groups,
        links,
        sources,
        provenance: ProvenanceOut {
            compiled: "2026-11-23",
            basis: "Links follow the majority rule over the three encodings of the WSIS–SDG matrix in the ICT4SDG app data, made by The University of the West Indies in cooperation with the WSIS Secretariat (S4): the final Action Line → SDG file with targets and rationale (A), the final SDG → Action Line index (S) and an early Action Line → SDG list (E). A cell is a link when at least two of the three have it: 123 cells, 118 of them in all three. Targets are kept as the source gives them, including goal numbers and targets of other goals. The pattern was not checked cell by cell against ITU's PDF grid (S3), whose ticks are images, and reflects the matrix of 2016–2017; ITU calls the matrix a living document (S1).",
            rationale_note: "Rationales are short paraphrases of the rationale texts in the source data (S4), in English only; they are not ITU's wording. Some cells have targets but no rationale text in the source.",
            left_out,
            translations: "Action Line titles were found in English for every line, in French for C1, C2, C3, C7 and its e-government and e-business sub-lines, and in Russian for C6; each title names its source. No Arabic, Chinese or Spanish title could be sourced: those readers see the English title, marked as English. Nothing was translated by this project.".into(),
            sources: vec!["S1".into(), "S3".into(), "S4".into()],
            notes: vec![
                "Facilitators were compiled from ITU session pages and reports; the Tunis Agenda annex list itself was not found (S7, S8). Lead facilitators are well sourced; less certain co-facilitators carry a note.",
                "SDG colours: the palette reproduced by several code sources (S33), not read from the UN guidelines page itself (S32).",
            ],
        },
    };
    let mut files = vec![(PathBuf::from("matrix.json"), pretty(&matrix)?)];

    for lang in ["ar", "zh", "en", "fr", "ru", "es"] {
        let path = reference.join(format!("sdg-i18n/sdg-{lang}.json"));
        let doc = read_json(&path)?;
        let goals = doc
            .get("goals")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("{}: no goals", path.display()))?
            .iter()
            .enumerate()
            .map(|(i, g)| GoalOut {
                sdg: u8::try_from(i + 1).unwrap_or(0),
                colour: COLOURS.get(i).copied().unwrap_or("#000000"),
                short: g.get("short").and_then(Value::as_str).unwrap_or("").to_owned(),
                title: g.get("title").and_then(Value::as_str).unwrap_or("").to_owned(),
            })
            .collect();
        let targets_in = doc.get("targets").and_then(Value::as_object).ok_or("no targets")?;
        let targets = TARGET_IDS
            .iter()
            .filter_map(|id| {
                targets_in.get(*id).and_then(Value::as_str).map(|t| ((*id).to_owned(), t.to_owned()))
            })
            .collect();
        let file = SdgFile {
            schema: "../schema/sdg.schema.json",
            lang: lang.to_owned(),
            source: doc.get("source").and_then(Value::as_str).unwrap_or("").to_owned(),
            licence: "MIT (c) 2019 Open SDG; see LICENSE-open-sdg-translations.txt",
            colour_source: "Colours: the UN SDG palette as reproduced by several code sources (data-facts.md §1.4, S33); not read from the UN guidelines page itself.",
            goals,
            targets: OrderedMap(targets),
        };
        files.push((PathBuf::from(format!("sdg/sdg-{lang}.json")), pretty(&file)?));
    }
    files.push((
        PathBuf::from("sdg/LICENSE-open-sdg-translations.txt"),
        read(&reference.join("sdg-i18n/LICENSE-open-sdg-translations.txt"))?,
    ));
    Ok(files)
}

pub fn run(reference: &Path, data: &Path) -> Result {
    for (relative, contents) in generate(reference)? {
        let path = data.join(&relative);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference() -> Option<PathBuf> {
        let dir = crate::root().join("../shared/reference");
        dir.join("data-facts.md").exists().then_some(dir)
    }

    #[test]
    fn bundled_data_equals_what_the_reference_gives() {
        let Some(reference) = reference() else {
            eprintln!("../shared/reference not found: skipping the drift check");
            return;
        };
        for (relative, contents) in generate(&reference).unwrap() {
            let committed = std::fs::read_to_string(crate::root().join("data").join(&relative)).unwrap();
            assert!(committed == contents, "data/{} differs from `cargo xtask gen-data`", relative.display());
        }
    }

    #[test]
    fn counts_match_the_facts() {
        let Some(reference) = reference() else {
            return;
        };
        let files = generate(&reference).unwrap();
        let matrix: Value = serde_json::from_str(&files[0].1).unwrap();
        assert_eq!(matrix["links"].as_array().unwrap().len(), 123);
        assert_eq!(matrix["provenance"]["left_out"].as_array().unwrap().len(), 5);
        let ids: Vec<&str> =
            matrix["action_lines"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ROWS.iter().map(|(id, _)| *id).collect::<Vec<_>>());
        let c3 = matrix["links"].as_array().unwrap().iter().filter(|l| l["action_line"] == "C3").count();
        assert_eq!(c3, 17);
        let e_agr_4 = matrix["links"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["action_line"] == "e-agr" && l["sdg"] == 4)
            .unwrap();
        assert_eq!(e_agr_4["targets"], serde_json::json!(["4", "5.5", "12.8"]));
        let c2_8 = matrix["links"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["action_line"] == "C2" && l["sdg"] == 8)
            .unwrap();
        assert_eq!(c2_8["agreement"], "majority");
        for source in matrix["sources"].as_array().unwrap() {
            assert!(source["url"].as_str().unwrap().starts_with("http"));
        }
    }

    #[test]
    fn urls_are_cut_at_the_table_edge() {
        assert_eq!(
            first_url("| S1 | https://www.itu.int/net4/wsis/sdg/ | ITU page |"),
            Some("https://www.itu.int/net4/wsis/sdg/".into())
        );
        assert_eq!(first_url("see https://a.org/x ; http://b.org"), Some("https://a.org/x".into()));
        assert_eq!(first_url("no link"), None);
    }
}
