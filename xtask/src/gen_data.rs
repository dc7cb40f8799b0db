//! `cargo xtask gen-data`: builds `data/` from the sourced facts in `../shared/reference`.
//!
//! Everything written comes either from a reference file (the links CSV, the SDG translation
//! files, the Action Line title file) or from a fact table in this file that names the section
//! (§) and source tags (S…) of `data-facts.md` it was copied from. Before anything is written,
//! each hand-coded table is checked against `data-facts.md`, so a table that drifts from the
//! reference stops the generator. Nothing is translated and nothing is guessed: a fact that the
//! reference does not give is left out, and the provenance block says so.
//!
//! Output is deterministic: pretty-printed JSON (2-space indent) with a trailing newline.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use wsis_sdg_widgets::model::action_line::{ActionLineId, ACTION_LINE_IDS, C7_GROUP};
use wsis_sdg_widgets::model::palette::SDG_COLOURS;
use wsis_sdg_widgets::model::sdg::{is_target_or_goal, TARGET_IDS};
use wsis_sdg_widgets::model::Lang;

use crate::{Error, IoContext, Result};

/// Each matrix row's name in the links CSV and in `action-lines-i18n.json`, in the crate's row
/// order (`ACTION_LINE_IDS`: §1.2 titles, 18 rows; §1.1/S3 abbreviations e-gov … e-sci).
const CSV_NAMES: [&str; ActionLineId::COUNT] = [
    "C1",
    "C2",
    "C3",
    "C4",
    "C5",
    "C6",
    "C7 e-government",
    "C7 e-business",
    "C7 e-learning",
    "C7 e-health",
    "C7 e-employment",
    "C7 e-environment",
    "C7 e-agriculture",
    "C7 e-science",
    "C8",
    "C9",
    "C10",
    "C11",
];

/// (matrix id, CSV name) of every row, in order. The ids are the crate's: one list.
fn rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    ACTION_LINE_IDS.into_iter().zip(CSV_NAMES)
}

/// The six languages' codes, from the crate.
fn langs() -> [&'static str; 6] {
    Lang::ALL.map(Lang::code)
}

/// One row of the facilitator table (§1.3).
struct Facilitator {
    id: &'static str,
    lead: &'static [&'static str],
    /// Co-facilitators / partners the table shows as seen (not "proposed", "attended", "not confirmed").
    co: &'static [&'static str],
    /// Confidence when not H, and anything the table marks as unconfirmed or historical.
    note: &'static str,
    /// Evidence tags of the row.
    sources: &'static [&'static str],
}

/// §1.3 "Facilitators (lead / co-facilitators)", row by row; ITU's self-description is S9.
const FACILITATORS: [Facilitator; 18] = [
    // §1.3 C1: S10, S11, S12, S13; ITU co-fac S9. Conf. H.
    Facilitator { id: "C1", lead: &["UN DESA"], co: &["ITU"], note: "", sources: &["S9", "S10", "S11", "S12", "S13"] },
    // §1.3 C2: S9, S13, S14 (APC), S15. Conf. H.
    Facilitator {
        id: "C2",
        lead: &["ITU"],
        co: &[],
        note: "APC was proposed as co-facilitator in 2006 (S14); not confirmed as co-facilitator.",
        sources: &["S9", "S13", "S14", "S15"],
    },
    // §1.3 C3: S14, S13, S9. Conf. H.
    Facilitator { id: "C3", lead: &["UNESCO"], co: &["ITU"], note: "", sources: &["S9", "S13", "S14"] },
    // §1.3 C4: S13 ("C4 – ITU"), S9. Conf. M.
    Facilitator {
        id: "C4",
        lead: &["ITU"],
        co: &[],
        note: "Confidence: medium. ITU is listed as facilitator in the 2017 WSIS report (S13) and earlier described itself as co-facilitator (S9); a UNESCO/UNDP role is not confirmed.",
        sources: &["S9", "S13"],
    },
    // §1.3 C5: S9, S16. Conf. H.
    Facilitator { id: "C5", lead: &["ITU"], co: &[], note: "", sources: &["S9", "S16"] },
    // §1.3 C6: S17, S9. Conf. H.
    Facilitator {
        id: "C6",
        lead: &["ITU"],
        co: &[],
        note: "UNDP was lead facilitator until May 2008, when ITU officially took over (S17).",
        sources: &["S9", "S17"],
    },
    // §1.3 C7 e-government: S10, S18. Conf. H.
    Facilitator { id: "e-gov", lead: &["UN DESA"], co: &["ITU"], note: "", sources: &["S10", "S18"] },
    // §1.3 C7 e-business: S18, S19. Conf. H (lead) / L (co).
    Facilitator {
        id: "e-bus",
        lead: &["UNCTAD"],
        co: &["UPU", "ITC"],
        note: "Confidence: high for the lead, low for UPU and ITC (postal e-commerce reported at the 2025 facilitators' meeting; listed among forum partner agencies).",
        sources: &["S18", "S19"],
    },
    // §1.3 C7 e-learning: S14. Conf. H.
    Facilitator { id: "e-lea", lead: &["UNESCO"], co: &["ITU"], note: "", sources: &["S14"] },
    // §1.3 C7 e-health: S20, S21, S18. Conf. H.
    Facilitator { id: "e-hea", lead: &["WHO"], co: &["ITU"], note: "", sources: &["S18", "S20", "S21"] },
    // §1.3 C7 e-employment: S22; ITU "per ITU co-fac of C7" = S9. Conf. H.
    Facilitator {
        id: "e-emp",
        lead: &["ILO"],
        co: &["ITU"],
        note: "ITU is listed because it describes itself as co-facilitator of C7 (S9).",
        sources: &["S9", "S22"],
    },
    // §1.3 C7 e-environment: S23. Conf. H.
    Facilitator {
        id: "e-env",
        lead: &["ITU", "WMO", "UNEP"],
        co: &[],
        note: "UNEP through the UNEP-Basel Convention Secretariat (S23).",
        sources: &["S23"],
    },
    // §1.3 C7 e-agriculture: S24, S25, S18. Conf. H.
    Facilitator { id: "e-agr", lead: &["FAO"], co: &["ITU"], note: "", sources: &["S18", "S24", "S25"] },
    // §1.3 C7 e-science: S26, S27. Conf. M.
    Facilitator {
        id: "e-sci",
        lead: &["UNESCO"],
        co: &[],
        note: "Confidence: medium. UNESCO as interim focal point; UNCTAD attended the first consultation (Beijing, 22 Oct 2006) but is not listed as co-facilitator.",
        sources: &["S26", "S27"],
    },
    // §1.3 C8: S28, S9. Conf. M–H.
    Facilitator {
        id: "C8",
        lead: &["UNESCO"],
        co: &["ITU"],
        note: "Confidence: medium to high. ITU is a partner for C8 (S9).",
        sources: &["S9", "S28"],
    },
    // §1.3 C9: S14, S9. Conf. H.
    Facilitator {
        id: "C9",
        lead: &["UNESCO"],
        co: &["ITU"],
        note: "ITU is a partner for C9 (S9).",
        sources: &["S9", "S14"],
    },
    // §1.3 C10: S14. Conf. H.
    Facilitator { id: "C10", lead: &["UNESCO"], co: &[], note: "", sources: &["S14"] },
    // §1.3 C11: S10, S11, S12, S9. Conf. H.
    Facilitator {
        id: "C11",
        lead: &["UN DESA"],
        co: &["ITU"],
        note: "UN Regional Commissions are active regionally.",
        sources: &["S9", "S10", "S11", "S12"],
    },
];

/// The repository of S4 (§4 row S4: GitHub `uwidcit/WSIS-SDG-Matrix`); S31 is a file in it.
const S4_URL: &str = "https://github.com/uwidcit/WSIS-SDG-Matrix";

/// Source list (§4): tag, "Type column: what it is", first http(s) URL of the row.
/// Only the tags this file refers to are written out.
const SOURCES: [(&str, &str, &str); 33] = [
    ("S1", "ITU page: WSIS–SDG Matrix home page", "https://www.itu.int/net4/wsis/sdg/"),
    ("S2", "ITU page: WSIS Action Lines coordination", "https://www.itu.int/en/itu-wsis/Pages/ActionLines.aspx"),
    (
        "S3",
        "ITU doc (copy): transcript of the ITU PDF “WSIS-SDG Matrix: Linking WSIS Action Lines with Sustainable Development Goals”",
        "https://docplayer.net/10864647-wsis-sdg-matrix-linking-wsis-action-lines-with-sustainable-development-goals.html",
    ),
    (
        "S4",
        "ITU-cooperated app data: ICT4SDG app by UWI AgriNeTT in cooperation with the WSIS Secretariat (GitHub uwidcit/WSIS-SDG-Matrix)",
        S4_URL,
    ),
    (
        "S5",
        "ITU session pages: WSIS Forum 2024 session 116; WSIS Forum 2025 session 398",
        "https://www.itu.int/net4/wsis/forum/2024/Agenda/Session/116",
    ),
    (
        "S6",
        "ITU / national / ITU doc copy: WSIS Forum 2019 session 231; wsis.ae Action Lines page; studylib copy",
        "https://itu.int/net4/wsis/forum/2019/Agenda/ViewSession/231",
    ),
    (
        "S7",
        "ITU page (2006): WSIS implementation consultation, 24 February 2006",
        "http://www.itu.int/net/wsis/implementation/consultation24feb.html",
    ),
    ("S8", "ITU doc copy: ITU document ALC2/2/02-E, 8 May 2006", "https://paperzz.com/doc/7185368/english"),
    (
        "S9",
        "ITU publication abstract: ITU contribution to the implementation of the WSIS outcomes (ITU iLibrary)",
        "https://itu-ilibrary.org/science-and-technology/itu-contribution-to-the-implementation-of-the-wsis-outcomes_pub/805043d0-en",
    ),
    (
        "S10",
        "UNDESA report copy (2006): WSIS implementation consultation meeting on Action Line C1",
        "https://studylib.net/doc/12935981/wsis-implementation-consultation-meeting-on-action-line-c1",
    ),
    ("S11", "ITU session page: WSIS Forum 2016, session 229", "https://www.itu.int/net4/wsis/forum/2016/Agenda/Session/229"),
    ("S12", "ITU session page: WSIS Forum 2025, session 400", "https://www.itu.int/net4/wsis/forum/2025/Agenda/Session/400"),
    (
        "S13",
        "ITU doc copy (Draft 1.1, 2017): 2017 WSIS Action Lines report",
        "https://vdocuments.site/wsis-action-lines-supporting-transformation-towards-sustainable-and-resilient-2017.html",
    ),
    ("S14", "NGO news (2006): EDRi-gram 4.20 on UNESCO and the WSIS Action Lines", "https://edri.org/our-work/edrigramnumber4-20unesco/"),
    (
        "S15",
        "ITU page: WSIS Action Line C2 facilitation consultation (Doha, 9 March 2006)",
        "http://www.itu.int/ITU-D/cyb/newslog/WSIS+Action+Line+Facilitation+Consultation+On+Information+And+Communication+Infrastructure+C2.aspx",
    ),
    ("S16", "ITU session page: WSIS Forum 2025, session 398", "https://www.itu.int/net4/wsis/forum/2025/en/Agenda/Session/398"),
    (
        "S17",
        "ITU page (mirror): WSIS Forum 2009, Action Line C6",
        "https://www.itu.int/net/wsis/implementation/2009/forum/geneva/al_c6.html",
    ),
    (
        "S18",
        "session report: WSIS Action Line facilitators meeting (WSIS Forum 2016, session 236)",
        "https://dig.watch/sessions/wsis-action-line-facilitators-meeting",
    ),
    (
        "S19",
        "session report (AI-generated summary): WSIS Action Lines facilitators meeting, WSIS+20 High-Level Event 2025",
        "https://dig.watch/event/wsis20-high-level-event-2025/wsis-action-lines-facilitators-meeting",
    ),
    (
        "S20",
        "ITU page: WSIS Forum 2010, Action Line meeting organised by WHO",
        "http://www.itu.int/net/wsis/implementation/2010/forum/geneva/ifm/ifm_12.html",
    ),
    ("S21", "ITU session page: WSIS Forum 2024, session 389", "https://www.itu.int/net4/wsis/forum/2024/Agenda/Session/389"),
    ("S22", "ITU session page: WSIS Forum 2022, session 181", "https://www.itu.int/net4/wsis/forum/2022/Agenda/Session/181"),
    ("S23", "ITU session page: WSIS Forum 2017, session 228", "https://www.itu.int/net4/wsis/forum/2017/Agenda/Session/228"),
    ("S24", "FAO page: e-agriculture and the WSIS follow-up", "http://www.fao.org/e-agriculture/wsis-follow"),
    (
        "S25",
        "FAO report copy / blog: e-agriculture in the implementation of the WSIS",
        "https://text-id.123dok.com/document/qok5rpmy-e-agriculture-implementation-of-the-worl.html",
    ),
    (
        "S26",
        "UNESCO page: 1st consultation meeting on WSIS Action Line C7 e-science",
        "http://www.unesco.org/new/en/communication-and-information/flagship-project-activities/unesco-and-wsis/implementation-and-follow-up/unesco-and-wsis-action-lines/c7-e-science/1st-consultation-meeting-on-wsis-action-line-c7/",
    ),
    (
        "S27",
        "meeting report copy: official final report of the e-science meeting, October 2006",
        "https://muguet.com/www.wsis-si.org/UNESCO/Official-Final-Report-E-Science-Meeting-Oct06-corr3.html",
    ),
    ("S28", "secondary: bulletin of 24 February 2006, article 2173", "http://www.diversite-culturelle.qc.ca/"),
    (
        "S29",
        "session report: implementation of the WSIS Action Lines and the SDGs",
        "https://dig.watch/events/13th-internet-governance-forum/implementation-wsis-action-lines-sdgs-wsis-forum-2019/",
    ),
    ("S30", "ITU page: WSIS Forum 2017", "http://www.itu.int/net4/wsis/forum/2017/"),
    ("S31", "app text: WSIS_FORUM_INFO string in src/assets/i18n/en.json of the S4 app", S4_URL),
    (
        "S32",
        "UN doc copy: UN DGC “Guidelines for the use of the SDG logo…”, May 2020",
        "https://info.5y1.org/sustainable-development-goal_1_57c131.html",
    ),
    ("S33", "R package source: SDGsR SDGs_cols() palette", "https://rdrr.io/github/DrMattG/SDGsR/src/R/SDGs_colours.R"),
];

/// Date the reference was compiled (action-lines-i18n-notes.md, `_meta.retrieved`).
const COMPILED: &str = "2026-11-23";

const BASIS: &str = "Links follow the majority rule over the three encodings of the WSIS–SDG matrix in the ICT4SDG app data, made by The University of the West Indies in cooperation with the WSIS Secretariat (S4): the final Action Line → SDG file with targets and rationale (A), the final SDG → Action Line index (S) and an early Action Line → SDG list (E). A cell is a link when at least two of the three have it: 123 of the 128 cells, 118 of them in all three. Targets are kept exactly as the source gives them, including whole goals and targets of other goals. The cell pattern was not byte-checked against the grid of ITU's PDF (S3), whose ticks are graphics, and reflects the matrix of 2016–2017; ITU calls the matrix a living document (S1).";

const RATIONALE_NOTE: &str = "Rationales are short English paraphrases (gists) of the rationale texts in the source data (S4), not ITU's wording. Some cells have targets but no rationale text in the source; those carry a note instead.";

const NOTES: [&str; 6] = [
    "SDG colours: S33 palette, not read from the UN PDF page itself (S32); confidence M–H.",
    "Facilitator table built from ITU/UN session pages and reports (S9–S28); the Tunis Agenda annex list (S7, S8) was not found, so facilitators are not checked against it. Lead facilitators are well sourced; less certain co-facilitators carry a note.",
    "Some cells bundle targets of other goals (e.g. e-science × SDG 1 and C9 × SDG 5 carry one rationale for several SDGs; e-environment's SDG 14 targets are cited inside its SDG 15 cell); they are kept as given.",
    "C8 × SDG 9 has a target and rationale in the final Action Line file (A) but is in no other encoding, so the majority rule leaves it out.",
    "The English C1 title is the WSIS+10-era wording (“public governance authorities”); the French C1 title is the 2003 Plan of Action wording (“gouvernements”).",
    "Titles in French and Russian were read on the pages named in title_sources; recent multilingual WSIS Forum pages are machine translations and were not used.",
];

const LICENCE: &str = "MIT (c) 2019 Open SDG; see LICENSE-open-sdg-translations.txt";
const COLOUR_SOURCE: &str = "S33 palette as listed in data-facts §1.4";

// ---------------------------------------------------------------------------------------------
// Output shapes (field order = order in the files).

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
    id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'static str>,
    title: Ordered,
    title_sources: Ordered,
    lead: &'static [&'static str],
    co: &'static [&'static str],
    #[serde(skip_serializing_if = "Option::is_none")]
    facilitator_note: Option<&'static str>,
    sources: &'static [&'static str],
}

#[derive(Serialize)]
struct GroupOut {
    id: &'static str,
    title: Ordered,
    title_sources: Ordered,
}

#[derive(Serialize)]
struct LinkOut {
    action_line: &'static str,
    sdg: u8,
    targets: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rationale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    agreement: &'static str,
    /// §1.5 "Reading" of a cell only two encodings have (the widget shows it next to "majority").
    #[serde(skip_serializing_if = "Option::is_none")]
    agreement_note: Option<String>,
    encodings: Vec<&'static str>,
}

#[derive(Serialize)]
struct SourceOut {
    id: &'static str,
    title: &'static str,
    url: &'static str,
}

#[derive(Serialize)]
struct LeftOutOut {
    action_line: &'static str,
    sdg: u8,
    encodings: Vec<&'static str>,
    reason: String,
}

#[derive(Serialize)]
struct ProvenanceOut {
    compiled: &'static str,
    basis: &'static str,
    rationale_note: &'static str,
    left_out: Vec<LeftOutOut>,
    translations: String,
    sources: [&'static str; 3],
    notes: [&'static str; 6],
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
    targets: Ordered,
}

#[derive(Serialize)]
struct GoalOut {
    sdg: u8,
    colour: &'static str,
    short: String,
    title: String,
}

/// A JSON object whose keys keep the order they were read or given in.
#[derive(Default)]
struct Ordered(Vec<(String, String)>);

impl Serialize for Ordered {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct OrderedVisitor;
        impl<'de> Visitor<'de> for OrderedVisitor {
            type Value = Ordered;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> std::result::Result<Ordered, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = access.next_entry::<String, String>()? {
                    entries.push((k, v));
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(OrderedVisitor)
    }
}

/// `sdg-i18n/sdg-<lang>.json` in the reference.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RefSdg {
    lang: String,
    source: String,
    goals: Vec<RefGoal>,
    targets: Ordered,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RefGoal {
    sdg: u8,
    short: String,
    title: String,
}

// ---------------------------------------------------------------------------------------------
// Reading the reference.

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).at(path)
}

fn pretty<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value).map(|s| s + "\n").map_err(|e| Error::check(e.to_string()))
}

/// The text of `facts` from the heading `start` up to the heading `end`.
fn section<'a>(facts: &'a str, start: &str, end: &str) -> Result<&'a str> {
    let from =
        facts.find(start).ok_or_else(|| Error::reference(format!("data-facts.md: no heading {start:?}")))?;
    let rest = facts.get(from..).unwrap_or("");
    let to = rest.find(end).ok_or_else(|| Error::reference(format!("data-facts.md: no heading {end:?}")))?;
    Ok(rest.get(..to).unwrap_or(""))
}

/// The cells of every markdown table row of `text` (without the empty cells outside the edges).
fn table_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().filter_map(|line| {
        let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
        Some(inner.split('|').map(str::trim).collect())
    })
}

/// The row of a table in `text` whose first cell is `first`.
fn table_row<'a>(text: &'a str, first: &str) -> Option<Vec<&'a str>> {
    table_rows(text).find(|cells| cells.first() == Some(&first))
}

/// The first http(s) URL of a table cell, cut at white space.
fn first_url(cell: &str) -> Option<&str> {
    let start = cell.find("http://").into_iter().chain(cell.find("https://")).min()?;
    let rest = cell.get(start..)?;
    rest.split_whitespace().next()
}

/// Checks the hand-coded tables against `data-facts.md`, so they cannot drift from it.
fn check_tables(facts: &str) -> Result<()> {
    let colours = section(facts, "### 1.4", "### 1.5")?;
    for (i, colour) in SDG_COLOURS.iter().enumerate() {
        let row = table_row(colours, &(i + 1).to_string())
            .ok_or_else(|| Error::reference(format!("§1.4: no row for SDG {}", i + 1)))?;
        if row.get(3) != Some(colour) {
            return Err(Error::reference(format!(
                "§1.4: SDG {} colour is {:?}, not {colour}",
                i + 1,
                row.get(3)
            )));
        }
    }
    let source_list = section(facts, "## 4.", "## 5.")?;
    for (id, title, url) in SOURCES {
        let row =
            table_row(source_list, id).ok_or_else(|| Error::reference(format!("§4: no row for {id}")))?;
        let address = row.get(1).copied().unwrap_or("");
        let kind = row.get(2).copied().unwrap_or("");
        let url_ok = match id {
            "S4" => url == S4_URL && address.contains("`uwidcit/WSIS-SDG-Matrix`"),
            "S31" => url == S4_URL && address.starts_with("S4 file"),
            _ => first_url(address) == Some(url),
        };
        if !url_ok {
            return Err(Error::reference(format!("§4: {url} is not the first URL of {id} ({address:?})")));
        }
        if !title.starts_with(kind) {
            return Err(Error::reference(format!(
                "§4: the title of {id} should start with its Type {kind:?}"
            )));
        }
    }
    let facilitators = section(facts, "### 1.3", "### 1.4")?;
    for f in &FACILITATORS {
        let csv_name = rows()
            .find(|(id, _)| *id == f.id)
            .map(|(_, n)| n)
            .ok_or_else(|| Error::reference(format!("§1.3: unknown row {}", f.id)))?;
        let row = table_row(facilitators, csv_name)
            .ok_or_else(|| Error::reference(format!("§1.3: no row for {csv_name}")))?;
        let lead = row.get(1).copied().unwrap_or("");
        let co = row.get(2).copied().unwrap_or("");
        let evidence = row.get(3).copied().unwrap_or("");
        if let Some(name) = f.lead.iter().find(|name| !lead.contains(*name)) {
            return Err(Error::reference(format!("§1.3 {csv_name}: lead {name} is not in {lead:?}")));
        }
        if let Some(name) = f.co.iter().find(|name| !co.contains(*name)) {
            return Err(Error::reference(format!("§1.3 {csv_name}: co-facilitator {name} is not in {co:?}")));
        }
        // S9 (ITU's self-description) is quoted above the table and holds for every line ITU co-facilitates.
        let tags = source_tags(evidence);
        if let Some(tag) = f.sources.iter().find(|t| **t != "S9" && !tags.iter().any(|x| x == *t)) {
            return Err(Error::reference(format!(
                "§1.3 {csv_name}: evidence tag {tag} is not in {evidence:?}"
            )));
        }
    }
    Ok(())
}

/// §1.5 "The 10 non-unanimous cells": (row id, SDG) → Reading column, verbatim.
fn readings(facts: &str) -> Result<BTreeMap<(&'static str, u8), String>> {
    let mut out = BTreeMap::new();
    for cells in table_rows(section(facts, "### 1.5", "### 1.6")?) {
        let (Some(cell), Some(reading)) = (cells.first(), cells.get(4)) else { continue };
        let Some((line_name, sdg)) = cell.split_once(" × SDG ") else { continue };
        let Ok(sdg) = sdg.parse::<u8>() else { continue };
        let csv_name =
            if line_name.starts_with("e-") { format!("C7 {line_name}") } else { line_name.to_owned() };
        let id = row_of(&csv_name)
            .ok_or_else(|| Error::reference(format!("§1.5: unknown action line {line_name:?}")))?;
        out.insert((id, sdg), (*reading).to_owned());
    }
    if out.len() != 10 {
        return Err(Error::reference(format!("§1.5: expected 10 non-unanimous cells, found {}", out.len())));
    }
    Ok(out)
}

fn row_of(csv_name: &str) -> Option<&'static str> {
    rows().find(|(_, name)| *name == csv_name).map(|(id, _)| id)
}

/// `title` and `source` of every language of one entry of action-lines-i18n.json, in
/// the order ar zh en fr ru es (variants are not used).
fn titles(entry: &Value, name: &str) -> Result<(Ordered, Ordered)> {
    let mut title = Ordered::default();
    let mut sources = Ordered::default();
    let object = entry
        .as_object()
        .ok_or_else(|| Error::reference(format!("action-lines-i18n.json: {name} is not an object")))?;
    for lang in object.keys() {
        if !langs().contains(&lang.as_str()) {
            return Err(Error::reference(format!(
                "action-lines-i18n.json: {name} has unknown language {lang}"
            )));
        }
    }
    for lang in langs() {
        let Some(v) = object.get(lang) else { continue };
        let t = v
            .get("title")
            .and_then(Value::as_str)
            .ok_or_else(|| Error::reference(format!("{name}/{lang}: no title")))?;
        let s = v
            .get("source")
            .and_then(Value::as_str)
            .ok_or_else(|| Error::reference(format!("{name}/{lang}: no source")))?;
        if !(s.starts_with("https://") || s.starts_with("http://")) {
            return Err(Error::reference(format!("{name}/{lang}: source {s:?} is not an http(s) URL")));
        }
        title.0.push((lang.to_owned(), t.to_owned()));
        sources.0.push((lang.to_owned(), s.to_owned()));
    }
    if !title.0.iter().any(|(l, _)| l == "en") {
        return Err(Error::reference(format!("action-lines-i18n.json: no English title for {name}")));
    }
    Ok((title, sources))
}

/// Every `S<digits>` tag in a text, as written.
fn source_tags(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut tags = Vec::new();
    for (i, _) in text.match_indices('S') {
        let before_ok = i == 0 || bytes.get(i - 1).is_some_and(|b| !b.is_ascii_alphanumeric());
        let digits: String =
            text.get(i + 1..).unwrap_or("").chars().take_while(char::is_ascii_digit).collect();
        let after = bytes.get(i + 1 + digits.len());
        if before_ok && !digits.is_empty() && after.is_none_or(|b| !b.is_ascii_alphanumeric()) {
            tags.push(format!("S{digits}"));
        }
    }
    tags
}

fn tag_number(tag: &str) -> u32 {
    tag.get(1..).and_then(|n| n.parse().ok()).unwrap_or(u32::MAX)
}

fn matrix(reference: &Path, facts: &str) -> Result<String> {
    check_tables(facts)?;
    let readings = readings(facts)?;
    let i18n: Value = serde_json::from_str(&read(&reference.join("action-lines-i18n.json"))?)
        .map_err(|e| Error::reference(format!("action-lines-i18n.json: {e}")))?;

    let mut action_lines = Vec::new();
    let mut with_lang: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (id, csv_name) in rows() {
        let entry = i18n
            .get(csv_name)
            .ok_or_else(|| Error::reference(format!("action-lines-i18n.json has no {csv_name}")))?;
        let (title, title_sources) = titles(entry, csv_name)?;
        for lang in langs().into_iter().filter(|l| title.0.iter().any(|(t, _)| t == *l)) {
            with_lang.entry(lang).or_default().push(id);
        }
        let f = FACILITATORS
            .iter()
            .find(|f| f.id == id)
            .ok_or_else(|| Error::reference(format!("no facilitators for {id}")))?;
        action_lines.push(ActionLineOut {
            id,
            group: id.starts_with("e-").then_some(C7_GROUP),
            title,
            title_sources,
            lead: f.lead,
            co: f.co,
            facilitator_note: (!f.note.is_empty()).then_some(f.note),
            sources: f.sources,
        });
    }
    let c7 = i18n.get(C7_GROUP).ok_or_else(|| Error::reference("action-lines-i18n.json has no C7"))?;
    let (c7_title, c7_sources) = titles(c7, C7_GROUP)?;
    for lang in langs().into_iter().filter(|l| c7_title.0.iter().any(|(t, _)| t == *l)) {
        with_lang.entry(lang).or_default().push("the C7 group");
    }
    let groups = vec![GroupOut { id: C7_GROUP, title: c7_title, title_sources: c7_sources }];

    let mut links = Vec::new();
    let mut left_out = Vec::new();
    let mut reader = csv::Reader::from_path(reference.join("wsis-sdg-matrix-links.csv"))
        .map_err(|e| Error::reference(format!("wsis-sdg-matrix-links.csv: {e}")))?;
    let headers =
        reader.headers().map_err(|e| Error::reference(format!("wsis-sdg-matrix-links.csv: {e}")))?.clone();
    let expected = [
        "action_line",
        "sdg",
        "targets",
        "in_actions_json",
        "in_sdgs_json",
        "in_early_list",
        "votes",
        "rationale_gist",
    ];
    if headers.iter().ne(expected) {
        return Err(Error::reference(format!("wsis-sdg-matrix-links.csv: unexpected header {headers:?}")));
    }
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record =
            record.map_err(|e| Error::reference(format!("wsis-sdg-matrix-links.csv row {row}: {e}")))?;
        let field = |n: usize| record.get(n).unwrap_or("").trim();
        let id = row_of(field(0))
            .ok_or_else(|| Error::reference(format!("row {row}: unknown action line {:?}", field(0))))?;
        let sdg: u8 = field(1).parse().map_err(|e| Error::reference(format!("row {row}: sdg: {e}")))?;
        if !(1..=17).contains(&sdg) {
            return Err(Error::reference(format!("row {row}: sdg {sdg} out of range")));
        }
        let targets: Vec<String> =
            field(2).split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect();
        if let Some(bad) = targets.iter().find(|t| !is_target_or_goal(t)) {
            return Err(Error::reference(format!("row {row}: bad target {bad:?}")));
        }
        let mut encodings = Vec::new();
        for (n, name) in [(3, "A"), (4, "S"), (5, "E")] {
            match field(n) {
                "1" => encodings.push(name),
                "0" => {}
                other => return Err(Error::reference(format!("row {row}: {name} flag {other:?}"))),
            }
        }
        let votes: usize =
            field(6).parse().map_err(|e| Error::reference(format!("row {row}: votes: {e}")))?;
        if votes != encodings.len() {
            return Err(Error::reference(format!(
                "row {row}: votes {votes} but {} encodings",
                encodings.len()
            )));
        }
        let reading = readings.get(&(id, sdg));
        if (votes < 3) != reading.is_some() {
            return Err(Error::reference(format!(
                "row {row}: {id} × {sdg} votes {votes} disagrees with the §1.5 list"
            )));
        }
        if votes < 2 {
            left_out.push(LeftOutOut {
                action_line: id,
                sdg,
                encodings,
                reason: format!(
                    "only one of three encodings; §1.5 reading: '{}'",
                    reading.map_or("", String::as_str)
                ),
            });
            continue;
        }
        let gist = field(7);
        let (rationale, note) = if gist.is_empty() {
            (None, None)
        } else if let Some(inner) = gist.strip_prefix('(').and_then(|g| g.strip_suffix(')')) {
            (None, Some(inner.to_owned()))
        } else {
            (Some(gist.to_owned()), None)
        };
        links.push(LinkOut {
            action_line: id,
            sdg,
            targets,
            rationale,
            note,
            agreement: if votes == 3 { "all" } else { "majority" },
            agreement_note: if votes == 3 { None } else { reading.cloned() },
            encodings,
        });
    }

    let list = |ids: &[&str], and: &str| match ids {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    };
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for lang in langs() {
        match with_lang.get(lang) {
            Some(ids) if ids.len() == ActionLineId::COUNT + 1 => {
                found.push(format!("{lang}: all 18 rows and the C7 group"))
            }
            Some(ids) => found.push(format!("{lang}: {}", list(ids, "and"))),
            None => missing.push(lang),
        }
    }
    let translations = format!(
        "Action Line titles come from action-lines-i18n.json, each with its source URL (title_sources); only titles read in a source are used. Found: {}. No {} title was found. Where a title is missing the widget shows the English title marked lang=\"en\". No title was translated by this project.",
        found.join("; "),
        list(&missing, "or")
    );

    let mut file = MatrixFile {
        schema: "schema/matrix.schema.json",
        format: 1,
        action_lines,
        groups,
        links,
        sources: Vec::new(),
        provenance: ProvenanceOut {
            compiled: COMPILED,
            basis: BASIS,
            rationale_note: RATIONALE_NOTE,
            left_out,
            translations,
            sources: ["S1", "S3", "S4"],
            notes: NOTES,
        },
    };
    // The source list holds every S tag the rest of the file refers to.
    let mut tags = source_tags(&pretty(&file)?);
    tags.sort_by_key(|t| tag_number(t));
    tags.dedup();
    for tag in tags {
        let (id, title, url) = SOURCES
            .iter()
            .find(|(id, _, _)| *id == tag)
            .ok_or_else(|| Error::reference(format!("{tag} is referred to but not in the SOURCES table")))?;
        file.sources.push(SourceOut { id, title, url });
    }
    pretty(&file)
}

fn sdg_file(reference: &Path, lang: &str) -> Result<String> {
    let name = format!("sdg-i18n/sdg-{lang}.json");
    let doc: RefSdg =
        serde_json::from_str(&read(&reference.join(&name))?).map_err(|e| Error::parse(&name, e))?;
    if doc.lang != lang {
        return Err(Error::reference(format!("{name}: lang is {:?}", doc.lang)));
    }
    if doc.goals.len() != 17 || doc.goals.iter().enumerate().any(|(i, g)| usize::from(g.sdg) != i + 1) {
        return Err(Error::reference(format!("{name}: goals are not SDG 1–17 in order")));
    }
    if doc.targets.0.len() != 169 {
        return Err(Error::reference(format!("{name}: {} targets, expected 169", doc.targets.0.len())));
    }
    if let Some((bad, _)) = doc.targets.0.iter().find(|(id, _)| !TARGET_IDS.contains(&id.as_str())) {
        return Err(Error::reference(format!("{name}: bad target id {bad:?}")));
    }
    let goals = doc
        .goals
        .into_iter()
        .zip(SDG_COLOURS)
        .map(|(g, colour)| GoalOut { sdg: g.sdg, colour, short: g.short, title: g.title })
        .collect();
    pretty(&SdgFile {
        schema: "../schema/sdg.schema.json",
        lang: doc.lang,
        source: doc.source,
        licence: LICENCE,
        colour_source: COLOUR_SOURCE,
        goals,
        targets: doc.targets,
    })
}

/// All data files, as (path relative to `data/`, contents).
pub fn generate(reference_dir: &Path) -> Result<Vec<(PathBuf, String)>> {
    let facts = read(&reference_dir.join("data-facts.md"))?;
    let mut files = vec![(PathBuf::from("matrix.json"), matrix(reference_dir, &facts)?)];
    for lang in langs() {
        files.push((PathBuf::from(format!("sdg/sdg-{lang}.json")), sdg_file(reference_dir, lang)?));
    }
    files.push((
        PathBuf::from("sdg/LICENSE-open-sdg-translations.txt"),
        read(&reference_dir.join("sdg-i18n/LICENSE-open-sdg-translations.txt"))?,
    ));
    Ok(files)
}

/// Writes the generated files under `data_dir`.
pub fn run(reference_dir: &Path, data_dir: &Path) -> Result<()> {
    for (relative, contents) in generate(reference_dir)? {
        let path = data_dir.join(&relative);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).at(dir)?;
        }
        std::fs::write(&path, contents).at(&path)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/reference");
    const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../data");

    fn reference() -> Option<PathBuf> {
        let dir = PathBuf::from(REFERENCE);
        if dir.join("data-facts.md").exists() {
            Some(dir)
        } else {
            eprintln!("note: {REFERENCE} not found; skipping the check against the reference facts");
            None
        }
    }

    fn generated_matrix() -> Option<Value> {
        let files = generate(&reference()?).unwrap();
        let (path, text) = files.first().unwrap();
        assert_eq!(path, Path::new("matrix.json"));
        Some(serde_json::from_str(text).unwrap())
    }

    #[test]
    fn committed_data_is_what_the_reference_gives() {
        let Some(reference) = reference() else { return };
        for (relative, contents) in generate(&reference).unwrap() {
            let path = Path::new(DATA).join(&relative);
            let committed = std::fs::read(&path).unwrap_or_default();
            assert!(
                committed == contents.as_bytes(),
                "data/{} differs from what `cargo xtask gen-data` writes",
                relative.display()
            );
        }
    }

    #[test]
    fn counts_match_the_facts() {
        let Some(m) = generated_matrix() else { return };
        let links = m["links"].as_array().unwrap();
        assert_eq!(links.len(), 123);
        assert_eq!(links.iter().filter(|l| l["agreement"] == "all").count(), 118);
        assert_eq!(m["provenance"]["left_out"].as_array().unwrap().len(), 5);
        let ids: Vec<&str> =
            m["action_lines"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
        assert_eq!(
            ids,
            [
                "C1", "C2", "C3", "C4", "C5", "C6", "e-gov", "e-bus", "e-lea", "e-hea", "e-emp", "e-env",
                "e-agr", "e-sci", "C8", "C9", "C10", "C11"
            ]
        );
    }

    #[test]
    fn spot_checks() {
        let Some(m) = generated_matrix() else { return };
        let links = m["links"].as_array().unwrap();
        let cell = |al: &str, sdg: u8| links.iter().find(|l| l["action_line"] == al && l["sdg"] == sdg);
        assert_eq!(links.iter().filter(|l| l["action_line"] == "C3").count(), 17);
        assert_eq!(cell("e-agr", 4).unwrap()["targets"], serde_json::json!(["4", "5.5", "12.8"]));
        assert_eq!(cell("C2", 8).unwrap()["agreement"], "majority");
        assert!(cell("e-env", 16).is_none());
        let left_out = m["provenance"]["left_out"].as_array().unwrap();
        assert!(left_out.iter().any(|c| c["action_line"] == "e-env" && c["sdg"] == 16));
        // A parenthesised remark is a note, not a rationale.
        let c3_4 = cell("C3", 4).unwrap();
        assert!(c3_4.get("rationale").is_none());
        assert_eq!(c3_4["note"], "no rationale in final data");
        // Every referenced source is listed, with an http(s) URL.
        let listed: Vec<&str> =
            m["sources"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
        for al in m["action_lines"].as_array().unwrap() {
            for tag in al["sources"].as_array().unwrap() {
                assert!(listed.contains(&tag.as_str().unwrap()));
            }
        }
        for s in m["sources"].as_array().unwrap() {
            assert!(s["url"].as_str().unwrap().starts_with("http"));
        }
    }

    #[test]
    fn target_ids() {
        for ok in ["1", "17", "9.c", "16.10", "3.d", "8.2"] {
            assert!(is_target_or_goal(ok), "{ok}");
        }
        for bad in ["0", "18", "9.", "9.C", "01", "1.01", "1.100", "a", ""] {
            assert!(!is_target_or_goal(bad), "{bad}");
        }
    }

    #[test]
    fn source_tags_are_found_as_words() {
        assert_eq!(source_tags("(S9, S10) S4; xS5 S6a S"), ["S9", "S10", "S4"]);
    }

    /// Regenerates `data/`: `cargo test -p xtask -- --ignored write_files`.
    #[test]
    #[ignore]
    fn write_files() {
        let Some(reference) = reference() else { return };
        run(&reference, Path::new(DATA)).unwrap();
    }
}

/// The hand-maintained pledge file (the announce command appends to it) against §3 of the facts.
#[cfg(test)]
mod pledge_facts {
    use serde_json::Value;

    fn facts() -> Option<String> {
        std::fs::read_to_string(crate::root().join("../shared/reference/data-facts.md")).ok()
    }

    fn section_3_3(facts: &str) -> String {
        let start = facts.find("### 3.3").unwrap_or(0);
        let end = facts.get(start..).and_then(|s| s.find("### 3.4")).map_or(facts.len(), |e| start + e);
        facts.get(start..end).unwrap_or("").to_owned()
    }

    /// "18.55 bn" for 18.55e9, "500 M" for 5e8: how §3.3 writes amounts.
    fn written(usd: f64) -> Vec<String> {
        let bn = usd / 1e9;
        let mut forms = vec![format!("{bn} bn"), format!("{bn:.2} bn"), format!("{bn:.1} bn")];
        if usd < 1e9 {
            forms.push(format!("{} M", usd / 1e6));
        }
        forms
    }

    #[test]
    fn every_bundled_figure_is_in_the_facts() {
        let Some(facts) = facts() else {
            eprintln!("../shared/reference not found: skipping");
            return;
        };
        let table = section_3_3(&facts);
        let data: Value = serde_json::from_str(
            &std::fs::read_to_string(crate::root().join("data/p2c-pledges.json")).unwrap(),
        )
        .unwrap();
        for m in data["milestones"].as_array().unwrap() {
            let usd = m["usd"].as_f64().unwrap();
            assert!(written(usd).iter().any(|w| table.contains(w.as_str())), "milestone {usd} not in §3.3");
            for key in ["pledges", "entities", "countries"] {
                if let Some(n) = m[key].as_f64() {
                    let n = format!("{n}");
                    let with_comma =
                        if n.len() == 4 { format!("{},{}", &n[..1], &n[1..]) } else { n.clone() };
                    assert!(table.contains(&n) || table.contains(&with_comma), "{key} {n} not in §3.3");
                }
            }
        }
        for a in data["announcements"].as_array().unwrap() {
            let usd = a["usd"].as_f64().unwrap();
            let pledger = a["pledger"].as_str().unwrap().replace("Internet Society", "ISOC");
            let found = written(usd).iter().any(|w| {
                table.contains(&format!("{pledger} {w}"))
                    || table.contains(&format!("{pledger} >{w}"))
                    || table.contains(&format!("{pledger} +{w}"))
                    || table.contains(&format!("{pledger} ~{w}"))
            });
            assert!(
                found || table.contains(&format!("{pledger} +3 bn")),
                "announcement {pledger} {usd} not in §3.3"
            );
        }
        assert_eq!(data["goal"]["usd"].as_f64(), Some(100e9));
        // §3.4 gives the SDGs of the 2023 pledges as a ranking only.
        let top: Vec<String> = data["sdg_ranking"]["top"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| format!("SDG {}", n.as_i64().unwrap()))
            .collect();
        assert!(facts.contains(&format!("| SDGs (2023 new) | {} |", top.join(", "))), "{top:?} not in §3.4");
        assert_eq!(data["sdg_ranking"]["as_of"], "2023-12-06");
    }
}
