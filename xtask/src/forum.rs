//! `cargo xtask import-forum sessions.csv`: session spreadsheets into `data/forum-outcomes.json`.
//! `cargo xtask gen-forum --sessions N`: a large synthetic file for tests and benchmarks.

use std::path::PathBuf;

use serde_json::{json, Map, Value};
use wsis_sdg_widgets::model::date::Date;
use wsis_sdg_widgets::model::forum::Forum;
use wsis_sdg_widgets::model::matrix::ACTION_LINE_IDS;
use wsis_sdg_widgets::model::text::is_http_url;

use lexopt::ValueExt;

use crate::announce::write_atomically;
use crate::{root, Error, IoContext, Result};

/// The spreadsheet's names for the C7 sub-lines, next to the matrix ids.
const SUB_LINES: [(&str, &str); 8] = [
    ("C7 e-government", "e-gov"),
    ("C7 e-business", "e-bus"),
    ("C7 e-learning", "e-lea"),
    ("C7 e-health", "e-hea"),
    ("C7 e-employment", "e-emp"),
    ("C7 e-environment", "e-env"),
    ("C7 e-agriculture", "e-agr"),
    ("C7 e-science", "e-sci"),
];

const COLUMNS: [&str; 10] = [
    "year",
    "session_id",
    "title",
    "organisers",
    "session_type",
    "date",
    "action_lines",
    "sdgs",
    "source_url",
    "confidence",
];

fn action_line_id(name: &str) -> Option<&'static str> {
    let name = name.trim();
    SUB_LINES
        .iter()
        .find(|(long, _)| long.eq_ignore_ascii_case(name))
        .map(|(_, id)| *id)
        .or_else(|| ACTION_LINE_IDS.iter().find(|id| id.eq_ignore_ascii_case(name)).copied())
}

fn list(cell: &str) -> Vec<String> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// One spreadsheet row as a session object, or every reason it is refused.
fn session_from_row(row: &csv::StringRecord, line: usize) -> std::result::Result<Value, Vec<String>> {
    let cell =
        |name: &str| COLUMNS.iter().position(|c| *c == name).and_then(|i| row.get(i)).unwrap_or("").trim();
    let mut problems = Vec::new();
    let mut bad =
        |column: &str, reason: String| problems.push(format!("row {line}, column {column}: {reason}"));
    let year: Option<u16> = match cell("year").parse::<u16>() {
        Ok(y) if (2003..=2100).contains(&y) => Some(y),
        _ => {
            bad("year", format!("{:?} is not a forum year", cell("year")));
            None
        }
    };
    if cell("title").is_empty() {
        bad("title", "is empty".into());
    }
    let date = cell("date");
    if !date.is_empty() {
        match Date::parse(date) {
            None => bad("date", format!("{date:?} is not a date (YYYY-MM-DD)")),
            Some(d) if year.is_some_and(|y| d.year != y) => {
                bad("date", format!("{date} is not in {}", cell("year")))
            }
            Some(_) => {}
        }
    }
    let mut action_lines = Vec::new();
    for name in list(cell("action_lines")) {
        match action_line_id(&name) {
            Some(id) => action_lines.push(id),
            None => bad(
                "action_lines",
                format!("{name:?} is not a WSIS Action Line (C1–C11, or C7 e-… for a sub-line)"),
            ),
        }
    }
    let mut sdgs = Vec::new();
    for n in list(cell("sdgs")) {
        match n.parse::<u8>() {
            Ok(v) if (1..=17).contains(&v) => sdgs.push(v),
            _ => bad("sdgs", format!("{n:?} is not an SDG (1–17)")),
        }
    }
    let url = cell("source_url");
    if !url.is_empty() && !is_http_url(url) {
        bad("source_url", format!("{url:?} is not an http(s) URL"));
    }
    let confidence = cell("confidence");
    if !confidence.is_empty() && !["H", "M", "L"].contains(&confidence) {
        bad("confidence", format!("{confidence:?} is not H, M or L"));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut s = Map::new();
    s.insert("year".into(), json!(year));
    if !cell("session_id").is_empty() {
        s.insert("id".into(), json!(cell("session_id")));
    }
    s.insert("title".into(), json!(cell("title")));
    if !cell("session_type").is_empty() {
        s.insert("type".into(), json!(cell("session_type")));
    }
    let organisers: Vec<String> =
        list(cell("organisers")).iter().flat_map(|o| o.split(" / ")).map(|o| o.trim().to_owned()).collect();
    s.insert("organisers".into(), json!(organisers));
    if !date.is_empty() {
        s.insert("date".into(), json!(date));
    }
    s.insert("action_lines".into(), json!(action_lines));
    s.insert("sdgs".into(), json!(sdgs));
    if !url.is_empty() {
        s.insert("url".into(), json!(url));
    }
    if !confidence.is_empty() {
        s.insert("confidence".into(), json!(confidence));
    }
    Ok(Value::Object(s))
}

/// The same session in two files: same year and id, or (without ids) same year and title.
fn same_session(a: &Value, b: &Value) -> bool {
    a["year"] == b["year"]
        && match (a.get("id"), b.get("id")) {
            (Some(x), Some(y)) => x == y,
            (None, None) => a["title"] == b["title"],
            _ => false,
        }
}

/// The forum file with the spreadsheet's sessions merged in (replacing a session the file
/// already has); refuses everything if any row is bad.
pub fn import(
    csv_text: &str,
    forum_text: &str,
    forum_name: &str,
) -> std::result::Result<String, Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(csv_text.as_bytes());
    let headers = reader.headers().map_err(|e| vec![format!("header: {e}")])?.clone();
    let missing: Vec<&str> =
        COLUMNS.iter().filter(|c| !headers.iter().any(|h| h.trim() == **c)).copied().collect();
    if !missing.is_empty() {
        return Err(vec![format!("row 1: missing columns {}", missing.join(", "))]);
    }
    // Reorder each row to COLUMNS order.
    let order: Vec<Option<usize>> =
        COLUMNS.iter().map(|c| headers.iter().position(|h| h.trim() == *c)).collect();
    let mut problems = Vec::new();
    let mut incoming = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("row {line}: {e}"));
                continue;
            }
        };
        let row: csv::StringRecord =
            order.iter().map(|i| i.and_then(|i| record.get(i)).unwrap_or("")).collect();
        match session_from_row(&row, line) {
            Ok(s) => incoming.push((line, s)),
            Err(mut p) => problems.append(&mut p),
        }
    }
    for (n, (line, s)) in incoming.iter().enumerate() {
        if let Some((other, _)) = incoming.iter().take(n).find(|(_, t)| same_session(s, t)) {
            problems.push(format!("row {line}, column session_id: the same session as row {other}"));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut doc: Value = serde_json::from_str(forum_text).map_err(|e| vec![format!("{forum_name}: {e}")])?;
    let sessions = doc
        .get_mut("sessions")
        .and_then(Value::as_array_mut)
        .ok_or_else(|| vec![format!("{forum_name}: no sessions list")])?;
    for (_, s) in incoming {
        match sessions.iter_mut().find(|t| same_session(&s, t)) {
            Some(existing) => *existing = s,
            None => sessions.push(s),
        }
    }
    let key = |s: &Value| {
        (
            s["year"].as_u64().unwrap_or(0),
            s["date"].as_str().unwrap_or("").to_owned(),
            s["title"].as_str().unwrap_or("").to_owned(),
        )
    };
    sessions.sort_by_key(key);
    let out = serde_json::to_string_pretty(&doc).map_err(|e| vec![e.to_string()])? + "\n";
    Forum::from_json_all_errors(forum_name, &out)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    Ok(out)
}

pub fn import_command(args: &[String]) -> Result {
    let mut csv_path = None;
    let mut file = root().join("data/forum-outcomes.json");
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            lexopt::Arg::Long("file") => file = PathBuf::from(parser.value()?),
            lexopt::Arg::Value(path) if csv_path.is_none() => csv_path = Some(PathBuf::from(path)),
            other => {
                return Err(Error::usage(format!(
                    "{}; usage: cargo xtask import-forum SESSIONS.csv [--file PATH]",
                    other.unexpected()
                )))
            }
        }
    }
    let csv_path =
        csv_path.ok_or_else(|| Error::usage("usage: cargo xtask import-forum SESSIONS.csv [--file PATH]"))?;
    let csv_text = std::fs::read_to_string(&csv_path).at(&csv_path)?;
    let forum_text = std::fs::read_to_string(&file).at(&file)?;
    match import(&csv_text, &forum_text, &file.display().to_string()) {
        Ok(out) => {
            write_atomically(&file, &out)?;
            println!("imported {} into {}", csv_path.display(), file.display());
            Ok(())
        }
        Err(problems) => {
            for p in &problems {
                println!("error {}: {p}", csv_path.display());
            }
            Err(Error::check(format!("{} problems; nothing was written", problems.len())))
        }
    }
}

/// A deterministic pseudo-random sequence (xorshift), so synthetic files are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// A synthetic forum file: `sessions` sessions spread over `years` years, marked synthetic.
pub fn synthetic(sessions: usize, years: u16) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let types = [
        "Thematic Workshop",
        "Interactive Action Line Facilitation Meeting",
        "High-Level Policy Session",
        "Knowledge Café",
    ];
    let organisers = [
        "ITU",
        "UNESCO",
        "UNDP",
        "UNCTAD",
        "UN DESA",
        "FAO",
        "WHO",
        "ILO",
        "Synthetic Org A",
        "Synthetic Org B",
    ];
    let first = 2026 - years.max(1) + 1;
    let list: Vec<Value> = (0..sessions)
        .map(|i| {
            let year = first + (i as u16 % years.max(1));
            let als: Vec<&str> =
                (0..1 + rng.below(3)).map(|_| ACTION_LINE_IDS[rng.below(18) as usize]).collect();
            let sdgs: Vec<u64> = (0..rng.below(3)).map(|_| 1 + rng.below(17)).collect();
            let mut als_unique: Vec<&str> = Vec::new();
            for a in als {
                if !als_unique.contains(&a) {
                    als_unique.push(a);
                }
            }
            let mut sdgs_unique: Vec<u64> = Vec::new();
            for s in sdgs {
                if !sdgs_unique.contains(&s) {
                    sdgs_unique.push(s);
                }
            }
            json!({
                "year": year,
                "id": format!("S{i}"),
                "title": format!("Synthetic session {i} on {}", als_unique.join(" and ")),
                "type": types[rng.below(types.len() as u64) as usize],
                "organisers": [organisers[rng.below(organisers.len() as u64) as usize]],
                "date": format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
                "action_lines": als_unique,
                "sdgs": sdgs_unique,
            })
        })
        .collect();
    let years_list: Vec<Value> =
        (first..first + years).map(|y| json!({ "year": y, "theme": "Synthetic year" })).collect();
    let doc = json!({
        "format": 1,
        "synthetic": true,
        "years": years_list,
        "sessions": list,
        "provenance": {
            "compiled": "2026-11-23",
            "basis": "SYNTHETIC: generated by `cargo xtask gen-forum` for tests and benchmarks. These are not real sessions; never publish this file."
        }
    });
    serde_json::to_string(&doc).unwrap_or_default()
}

pub fn gen_command(args: &[String]) -> Result {
    let mut sessions = 5000usize;
    let mut years = 20u16;
    let mut out = None;
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            lexopt::Arg::Long("sessions") => {
                sessions = parser.value()?.parse().map_err(|e| Error::usage(format!("--sessions: {e}")))?
            }
            lexopt::Arg::Long("years") => {
                years = parser.value()?.parse().map_err(|e| Error::usage(format!("--years: {e}")))?
            }
            lexopt::Arg::Long("out") => out = Some(PathBuf::from(parser.value()?)),
            other => return Err(other.unexpected().into()),
        }
    }
    let out = out.unwrap_or_else(|| root().join(format!("target/synthetic/forum-{sessions}.json")));
    if out.starts_with(root().join("data")) {
        return Err(Error::usage("synthetic files never go into data/"));
    }
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).at(dir)?;
    }
    std::fs::write(&out, synthetic(sessions, years)).at(&out)?;
    println!("wrote {} ({sessions} synthetic sessions over {years} years)", out.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        "year,session_id,title,organisers,session_type,date,action_lines,sdgs,source_url,confidence\n";

    fn empty_forum() -> String {
        r#"{"format":1,"years":[],"sessions":[],"provenance":{"compiled":"2026-11-23","basis":"t"}}"#.into()
    }

    #[test]
    fn imports_quoted_titles_and_lists() {
        let csv = format!(
            "{HEAD}2024,9,\"Trust, \"\"safety\"\" and you\",ITU; UN Women,Thematic Workshop,2024-05-28,C5;C7 e-health,5;16,https://www.itu.int/x,H\n"
        );
        let out = import(&csv, &empty_forum(), "f.json").unwrap();
        let forum = Forum::from_json("f.json", &out).unwrap();
        let s = &forum.sessions[0];
        assert_eq!(s.title, "Trust, \"safety\" and you");
        assert_eq!(s.organisers, vec!["ITU", "UN Women"]);
        assert_eq!(s.action_lines, vec![4, 9]);
        assert_eq!(s.sdgs.len(), 2);
    }

    #[test]
    fn refuses_bad_rows_with_row_column_and_reason() {
        let csv = format!(
            "{HEAD}2024,1,Good,ITU,,2024-05-28,C5,,,H\n2024,2,Bad,ITU,,2023-01-01,C7,18,javascript:x,Q\n"
        );
        let problems = import(&csv, &empty_forum(), "f.json").unwrap_err();
        assert_eq!(
            problems,
            vec![
                "row 3, column date: 2023-01-01 is not in 2024",
                "row 3, column action_lines: \"C7\" is not a WSIS Action Line (C1–C11, or C7 e-… for a sub-line)",
                "row 3, column sdgs: \"18\" is not an SDG (1–17)",
                "row 3, column source_url: \"javascript:x\" is not an http(s) URL",
                "row 3, column confidence: \"Q\" is not H, M or L",
            ]
        );
    }

    #[test]
    fn merges_by_year_and_id_and_writes_nothing_on_error() {
        let first = import(&format!("{HEAD}2024,1,Old title,ITU,,,C5,,,\n"), &empty_forum(), "f").unwrap();
        let second =
            import(&format!("{HEAD}2024,1,New title,ITU,,,C5,,,\n2025,1,Other,ITU,,,C1,,,\n"), &first, "f")
                .unwrap();
        let forum = Forum::from_json("f", &second).unwrap();
        assert_eq!(forum.sessions.len(), 2);
        assert_eq!(forum.sessions[0].title, "New title");
        let dir = std::env::temp_dir().join(format!("wsis-forum-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (csv, file) = (dir.join("s.csv"), dir.join("forum.json"));
        std::fs::write(&csv, format!("{HEAD}2024,1,x,ITU,,,C99,,,\n")).unwrap();
        std::fs::write(&file, &first).unwrap();
        let err = import_command(&[csv.display().to_string(), "--file".into(), file.display().to_string()])
            .unwrap_err();
        assert!(err.to_string().contains("nothing was written"));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), first);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_bundled_file_has_exactly_the_reference_sessions() {
        let reference = root().join("../shared/reference/forum-sessions.csv");
        let Ok(csv) = std::fs::read_to_string(&reference) else {
            eprintln!("reference not found: skipping");
            return;
        };
        let bundled = std::fs::read_to_string(root().join("data/forum-outcomes.json")).unwrap();
        let again = import(&csv, &bundled, "forum-outcomes.json").unwrap();
        assert_eq!(again, bundled, "data/forum-outcomes.json differs from importing the reference CSV");
        let forum = Forum::from_json("f", &bundled).unwrap();
        let mut rows = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
        assert_eq!(forum.sessions.len(), rows.len());
        let tagged = rows.iter().filter(|r| !r.get(7).unwrap_or("").trim().is_empty()).count();
        assert_eq!(forum.sessions.iter().filter(|s| !s.sdgs.is_empty()).count(), tagged);
    }

    #[test]
    fn synthetic_files_are_valid_and_marked() {
        let text = synthetic(500, 20);
        let forum = Forum::from_json("synthetic.json", &text).unwrap();
        assert!(forum.synthetic);
        assert_eq!(forum.sessions.len(), 500);
        assert_eq!(forum.years.len(), 20);
    }
}
