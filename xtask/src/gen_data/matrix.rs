//! `data/matrix.json` from the links CSV, the titles file and the fact tables.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use wsis_sdg_widgets::model::action_line::{ActionLineId, C7_GROUP};
use wsis_sdg_widgets::model::sdg::is_target_or_goal;

use super::*;
use crate::{Error, Result};

pub(super) fn row_of(csv_name: &str) -> Option<&'static str> {
    rows().find(|(_, name)| *name == csv_name).map(|(id, _)| id)
}

/// `title` and `source` of every language of one entry of action-lines-i18n.json, in
/// the order ar zh en fr ru es (variants are not used).
pub(super) fn titles(entry: &Value, name: &str) -> Result<(Ordered, Ordered)> {
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
pub(super) fn source_tags(text: &str) -> Vec<String> {
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

pub(super) fn tag_number(tag: &str) -> u32 {
    tag.get(1..).and_then(|n| n.parse().ok()).unwrap_or(u32::MAX)
}

pub(super) fn matrix(reference: &Path, facts: &str) -> Result<String> {
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
