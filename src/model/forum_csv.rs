//! The CSV import behind `cargo xtask import-forum` and the data desk (`www/desk.html`): a
//! session spreadsheet read, checked row by row and merged into a forum file's text. Pure (text
//! in, text or problems out), so the command, the desk's wasm, the cargo-fuzz target
//! `forum_csv` (`fuzz/`) and the bounded run in `xtask/tests/forum_csv.rs` all call this one
//! copy (xtask's library re-exports it as `xtask::forum_csv`).
//!
//! Files are written by [`write_json`], which keeps their key order (serde_json's
//! `preserve_order`), so a file the desk downloads is byte for byte what the command writes.

use serde_json::{json, Map, Value};

use crate::model::date::Date;
use crate::model::forum::Forum;
use crate::model::matrix::ACTION_LINE_IDS;
use crate::model::text::is_http_url;
pub use crate::model::write::write_json;

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

/// The spreadsheet's columns, in the order `session_from_cells` takes its cells.
pub const COLUMNS: [&str; 10] = [
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

/// The names a spreadsheet gives the Action Lines, in the matrix's order: `C1` … `C6`, the C7
/// sub-lines as `C7 e-government` …, `C8` … `C11` (what the desk's choosers offer).
pub fn action_line_names() -> Vec<&'static str> {
    ACTION_LINE_IDS
        .iter()
        .map(|id| SUB_LINES.iter().find(|(_, sub)| sub == id).map_or(*id, |(name, _)| *name))
        .collect()
}

/// The matrix id of an Action Line as a spreadsheet names it (`C7 e-health`, `e-hea`, `c5`).
pub fn action_line_id(name: &str) -> Option<&'static str> {
    let name = name.trim();
    SUB_LINES
        .iter()
        .find(|(long, _)| long.eq_ignore_ascii_case(name))
        .map(|(_, id)| *id)
        .or_else(|| ACTION_LINE_IDS.iter().find(|id| id.eq_ignore_ascii_case(name)).copied())
}

/// A list cell's entries: `;`-separated, trimmed, empty ones dropped.
pub fn list(cell: &str) -> Vec<String> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// Where in the spreadsheet a fault is. `row` counts records as a spreadsheet program shows them
/// (the header is row 1); `line` is the file's line where the record starts, which differs once a
/// cell holds a line break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole (its encoding).
    File,
    /// The header row.
    Header,
    Row {
        row: u64,
        line: u64,
        column: Option<&'static str>,
    },
    /// The forum file the rows are merged into.
    ForumFile,
}

/// What is wrong with a cell, typed so the data desk can say it in the reader's language; its
/// `Display` is the command's English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellFault {
    EmptyTitle,
    NotHttpUrl(String),
    NotAConfidence(String),
    NotAForumYear(String),
    NotADate(String),
    /// The date, and the row's year as written.
    DateOutsideYear {
        date: String,
        year: String,
    },
    NotAnActionLine(String),
    NotAnSdg(String),
    /// The spreadsheet row of the same session.
    SameSessionAs(u64),
}

impl std::fmt::Display for CellFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CellFault::EmptyTitle => write!(f, "is empty"),
            CellFault::NotHttpUrl(url) => write!(f, "{url:?} is not an http(s) URL"),
            CellFault::NotAConfidence(c) => write!(f, "{c:?} is not H, M or L"),
            CellFault::NotAForumYear(y) => write!(f, "{y:?} is not a forum year"),
            CellFault::NotADate(d) => write!(f, "{d:?} is not a date (YYYY-MM-DD)"),
            CellFault::DateOutsideYear { date, year } => write!(f, "{date} is not in {year}"),
            CellFault::NotAnActionLine(name) => {
                write!(f, "{name:?} is not a WSIS Action Line (C1–C11, or C7 e-… for a sub-line)")
            }
            CellFault::NotAnSdg(n) => write!(f, "{n:?} is not an SDG (1–17)"),
            CellFault::SameSessionAs(row) => write!(f, "the same session as row {row}"),
        }
    }
}

/// One reason the import is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    place: Place,
    reason: String,
    fault: Option<CellFault>,
}

impl Problem {
    fn new(place: Place, reason: impl Into<String>) -> Problem {
        Problem { place, reason: reason.into(), fault: None }
    }

    fn of_cell(place: Place, fault: CellFault) -> Problem {
        Problem { place, reason: fault.to_string(), fault: Some(fault) }
    }

    /// Where the problem is.
    pub fn place(&self) -> Place {
        self.place
    }

    /// What is wrong with the cell, when it is one of the cell checks (else only the words).
    pub fn fault(&self) -> Option<&CellFault> {
        self.fault.as_ref()
    }

    /// Why, without the place.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.place {
            Place::File | Place::ForumFile => write!(f, "{}", self.reason),
            Place::Header => write!(f, "row 1 (the header): {}", self.reason),
            Place::Row { row, line, column } => {
                write!(f, "row {row}")?;
                if line != row {
                    write!(f, " (line {line} of the file)")?;
                }
                if let Some(column) = column {
                    write!(f, ", column {column}")?;
                }
                write!(f, ": {}", self.reason)
            }
        }
    }
}

/// The spreadsheet's text: UTF-8, with or without a byte-order mark. UTF-16 (what some
/// spreadsheet programs call "Unicode text") and other encodings are refused with what to do.
pub fn decode_csv(bytes: &[u8]) -> std::result::Result<&str, Problem> {
    const SAVE_AS: &str = "save the spreadsheet as \"CSV UTF-8\" and import that";
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Problem::new(Place::File, format!("the file is UTF-16 text, not UTF-8; {SAVE_AS}")));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|err| {
        let at = err.valid_up_to();
        let line = 1 + bytes.get(..at).unwrap_or_default().iter().filter(|b| **b == b'\n').count();
        Problem::new(
            Place::File,
            format!("line {line}: the file is not UTF-8 (an invalid byte at offset {at}); {SAVE_AS}"),
        )
    })
}

/// One spreadsheet row's values, in `COLUMNS` order, with where it is.
struct Row {
    cells: Vec<String>,
    row: u64,
    line: u64,
}

impl Row {
    fn cell(&self, name: &str) -> &str {
        COLUMNS.iter().position(|c| *c == name).and_then(|i| self.cells.get(i)).map_or("", |c| c.trim())
    }

    fn problem(&self, column: &'static str, fault: CellFault) -> Problem {
        Problem::of_cell(Place::Row { row: self.row, line: self.line, column: Some(column) }, fault)
    }
}

/// The fields a session takes from the spreadsheet; the forum file's other fields (`source`,
/// and any a later format adds) are kept when a row replaces a session.
const CSV_FIELDS: [&str; 10] =
    ["year", "id", "title", "type", "organisers", "date", "action_lines", "sdgs", "url", "confidence"];

/// A session object from one row's cells in [`COLUMNS`] order (what the data desk's session
/// form writes), or every reason the import would refuse that row (each at its column).
pub(crate) fn session_from_cells(cells: Vec<String>) -> std::result::Result<SessionObject, Vec<Problem>> {
    session_from_row(&Row { cells, row: 2, line: 2 })
}

/// The spreadsheet's fields of `row` put into `existing` (a field the row leaves empty is
/// removed), keeping the fields the spreadsheet has no column for.
pub(crate) fn replace_csv_fields(existing: &mut SessionObject, row: &SessionObject) {
    for field in CSV_FIELDS {
        match row.get(field) {
            Some(value) => existing.insert(field.to_owned(), value.clone()),
            None => existing.remove(field),
        };
    }
}

/// The session of `sessions` (but the one at `except`) that `session` is the same as, as the
/// import finds it.
pub(crate) fn same_session_in(
    sessions: &[SessionObject],
    session: &SessionObject,
    except: Option<usize>,
) -> Option<usize> {
    let mut index = SessionIndex::default();
    for (at, other) in sessions.iter().enumerate().filter(|(at, _)| Some(*at) != except) {
        index.insert(other, at);
    }
    same_session(&index, sessions, session)
}

/// The order the file keeps its sessions in (by year, date, title; stable): `order[i]` is the
/// index, in `sessions`, of the session that goes i-th.
pub(crate) fn session_order(sessions: &[SessionObject]) -> Vec<usize> {
    let key = |s: &SessionObject| {
        let text = |k: &str| s.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
        (s.get("year").and_then(Value::as_u64).unwrap_or(0), text("date"), text("title"))
    };
    let mut order: Vec<usize> = (0..sessions.len()).collect();
    let keys: Vec<_> = sessions.iter().map(key).collect();
    order.sort_by(|a, b| keys.get(*a).cmp(&keys.get(*b)));
    order
}

/// `sessions` in [`session_order`].
pub(crate) fn sorted(sessions: Vec<SessionObject>) -> Vec<SessionObject> {
    let order = session_order(&sessions);
    let mut slots: Vec<Option<SessionObject>> = sessions.into_iter().map(Some).collect();
    order.iter().filter_map(|i| slots.get_mut(*i).and_then(Option::take)).collect()
}

/// One spreadsheet row as a session object, or every reason it is refused.
fn session_from_row(row: &Row) -> std::result::Result<Map<String, Value>, Vec<Problem>> {
    let mut problems = Vec::new();
    let year = forum_year(row, &mut problems);
    if row.cell("title").is_empty() {
        problems.push(row.problem("title", CellFault::EmptyTitle));
    }
    check_date(row, year, &mut problems);
    let action_lines = action_lines(row, &mut problems);
    let sdgs = sdgs(row, &mut problems);
    let url = row.cell("source_url");
    if !url.is_empty() && !is_http_url(url) {
        problems.push(row.problem("source_url", CellFault::NotHttpUrl(url.to_owned())));
    }
    let confidence = row.cell("confidence");
    if !confidence.is_empty() && !["H", "M", "L"].contains(&confidence) {
        problems.push(row.problem("confidence", CellFault::NotAConfidence(confidence.to_owned())));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let organisers: Vec<String> = list(row.cell("organisers"))
        .iter()
        .flat_map(|o| o.split(" / "))
        .map(|o| o.trim().to_owned())
        .collect();
    let optional = |value: &str| (!value.is_empty()).then(|| json!(value));
    let fields = [
        ("year", Some(json!(year))),
        ("id", optional(row.cell("session_id"))),
        ("title", Some(json!(row.cell("title")))),
        ("type", optional(row.cell("session_type"))),
        ("organisers", Some(json!(organisers))),
        ("date", optional(row.cell("date"))),
        ("action_lines", Some(json!(action_lines))),
        ("sdgs", Some(json!(sdgs))),
        ("url", optional(url)),
        ("confidence", optional(confidence)),
    ];
    Ok(fields.into_iter().filter_map(|(key, value)| Some((key.to_owned(), value?))).collect())
}

fn forum_year(row: &Row, problems: &mut Vec<Problem>) -> Option<u16> {
    match row.cell("year").parse::<u16>() {
        Ok(y) if (2003..=2100).contains(&y) => Some(y),
        _ => {
            problems.push(row.problem("year", CellFault::NotAForumYear(row.cell("year").to_owned())));
            None
        }
    }
}

fn check_date(row: &Row, year: Option<u16>, problems: &mut Vec<Problem>) {
    let date = row.cell("date");
    if date.is_empty() {
        return;
    }
    match Date::parse(date) {
        None => problems.push(row.problem("date", CellFault::NotADate(date.to_owned()))),
        Some(d) if year.is_some_and(|y| d.year != y) => problems.push(row.problem(
            "date",
            CellFault::DateOutsideYear { date: date.to_owned(), year: row.cell("year").to_owned() },
        )),
        Some(_) => {}
    }
}

fn action_lines(row: &Row, problems: &mut Vec<Problem>) -> Vec<&'static str> {
    let mut ids = Vec::new();
    for name in list(row.cell("action_lines")) {
        match action_line_id(&name) {
            Some(id) => ids.push(id),
            None => problems.push(row.problem("action_lines", CellFault::NotAnActionLine(name.clone()))),
        }
    }
    ids
}

fn sdgs(row: &Row, problems: &mut Vec<Problem>) -> Vec<u8> {
    let mut goals = Vec::new();
    for n in list(row.cell("sdgs")) {
        match n.parse::<u8>() {
            Ok(v) if (1..=17).contains(&v) => goals.push(v),
            _ => problems.push(row.problem("sdgs", CellFault::NotAnSdg(n.clone()))),
        }
    }
    goals
}

/// What identifies a session: its year and id, and its year and title (for a session given once
/// with an id and once without, which the two keys find as the same).
fn keys(session: &Map<String, Value>) -> (Option<String>, String) {
    let year = session.get("year").and_then(Value::as_u64).unwrap_or(0);
    let id = session.get("id").and_then(Value::as_str).map(|id| format!("{year}\u{0}{id}"));
    let title = session.get("title").and_then(Value::as_str).unwrap_or("");
    (id, format!("{year}\u{0}{}", title.trim().to_lowercase()))
}

/// Finds sessions by either key in O(log n).
#[derive(Default)]
struct SessionIndex {
    by_id: std::collections::BTreeMap<String, usize>,
    by_title: std::collections::BTreeMap<String, usize>,
}

impl SessionIndex {
    /// The session this one is the same as: the same id, or the same title when either has no
    /// id. Two sessions with different ids are different, whatever their titles.
    fn find(&self, session: &Map<String, Value>) -> Option<usize> {
        let (id, title) = keys(session);
        if let Some(found) = id.as_ref().and_then(|id| self.by_id.get(id)) {
            return Some(*found);
        }
        let found = *self.by_title.get(&title)?;
        Some(found)
    }

    fn insert(&mut self, session: &Map<String, Value>, at: usize) {
        let (id, title) = keys(session);
        if let Some(id) = id {
            self.by_id.insert(id, at);
        }
        self.by_title.entry(title).or_insert(at);
    }
}

/// The same session by [`SessionIndex::find`], but refusing two different ids.
fn same_session(
    index: &SessionIndex,
    sessions: &[Map<String, Value>],
    session: &Map<String, Value>,
) -> Option<usize> {
    let at = index.find(session)?;
    let other = sessions.get(at)?;
    match (session.get("id"), other.get("id")) {
        (Some(a), Some(b)) if a != b => None,
        _ => Some(at),
    }
}

/// A session object, as the forum file holds it.
type SessionObject = Map<String, Value>;

/// The spreadsheet's rows as sessions, with their places, or every problem found.
fn read_rows(csv_text: &str) -> std::result::Result<Vec<(Place, SessionObject)>, Vec<Problem>> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(csv_text.as_bytes());
    let headers = reader.headers().map_err(|e| vec![Problem::new(Place::Header, e.to_string())])?.clone();
    let missing: Vec<&str> =
        COLUMNS.iter().filter(|c| !headers.iter().any(|h| h.trim() == **c)).copied().collect();
    if !missing.is_empty() {
        return Err(vec![Problem::new(Place::Header, format!("missing columns {}", missing.join(", ")))]);
    }
    let order: Vec<Option<usize>> =
        COLUMNS.iter().map(|c| headers.iter().position(|h| h.trim() == *c)).collect();
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i as u64 + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(row, csv::Position::line);
                problems.push(Problem::new(Place::Row { row, line, column: None }, e.to_string()));
                continue;
            }
        };
        let line = record.position().map_or(row, csv::Position::line);
        let cells = order.iter().map(|i| i.and_then(|i| record.get(i)).unwrap_or("").to_owned()).collect();
        let row = Row { cells, row, line };
        match session_from_row(&row) {
            Ok(session) => rows.push((Place::Row { row: row.row, line: row.line, column: None }, session)),
            Err(mut p) => problems.append(&mut p),
        }
    }
    let mut index = SessionIndex::default();
    let mut seen: Vec<Map<String, Value>> = Vec::with_capacity(rows.len());
    for (place, session) in &rows {
        if let Some(other) = same_session(&index, &seen, session).and_then(|at| rows.get(at)) {
            let Place::Row { row: other, .. } = other.0 else { continue };
            let Place::Row { row, line, .. } = *place else { continue };
            let column = Some("session_id");
            problems
                .push(Problem::of_cell(Place::Row { row, line, column }, CellFault::SameSessionAs(other)));
        }
        index.insert(session, seen.len());
        seen.push(session.clone());
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// The forum file with the spreadsheet's sessions merged in: a row replaces the spreadsheet's
/// fields of a session the file already has and keeps its others. Refuses everything if any
/// row is bad.
pub fn import(
    csv_text: &str,
    forum_text: &str,
    forum_name: &str,
) -> std::result::Result<String, Vec<Problem>> {
    let incoming = read_rows(csv_text)?;
    let in_file = |reason: String| vec![Problem::new(Place::ForumFile, format!("{forum_name}: {reason}"))];
    let mut doc: Value = serde_json::from_str(forum_text).map_err(|e| in_file(e.to_string()))?;
    let list = doc
        .get_mut("sessions")
        .and_then(Value::as_array_mut)
        .ok_or_else(|| in_file("no sessions list".into()))?;
    let mut sessions: Vec<Map<String, Value>> = Vec::with_capacity(list.len() + incoming.len());
    for (i, value) in list.drain(..).enumerate() {
        match value {
            Value::Object(session) => sessions.push(session),
            _ => return Err(in_file(format!("sessions[{i}] is not an object"))),
        }
    }
    let mut index = SessionIndex::default();
    for (at, session) in sessions.iter().enumerate() {
        index.insert(session, at);
    }
    for (_, row) in incoming {
        match same_session(&index, &sessions, &row).and_then(|at| sessions.get_mut(at)) {
            Some(existing) => replace_csv_fields(existing, &row),
            None => {
                index.insert(&row, sessions.len());
                sessions.push(row);
            }
        }
    }
    list.extend(sorted(sessions).into_iter().map(Value::Object));
    let out = write_json(&doc);
    Forum::from_json_all_errors(forum_name, &out).map_err(|errors| {
        errors.iter().map(|e| Problem::new(Place::ForumFile, e.to_string())).collect::<Vec<_>>()
    })?;
    Ok(out)
}

/// The header row with every column, in the order the reference spreadsheet has them.
pub const HEADER: &str =
    "year,session_id,title,organisers,session_type,date,action_lines,sdgs,source_url,confidence\n";

/// Small spreadsheets that reach every path of the import (imported, refused by row, by header,
/// by encoding): the seeds of the `forum_csv` fuzz target and of its bounded run on stable.
pub fn samples() -> Vec<(&'static str, Vec<u8>)> {
    let good = format!(
        "{HEADER}2024,9,\"Trust, \"\"safety\"\" and you\",ITU; UN Women,Thematic Workshop,2024-05-28,C5;C7 e-health,5;16,https://www.itu.int/x,H\n\
         2025,,Open,ITU / FAO,,2025-07-07,C1,,,M\n"
    );
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(good.as_bytes());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(good.encode_utf16().flat_map(u16::to_le_bytes));
    let mut latin1 = format!("{HEADER}2024,1,Ann").into_bytes();
    latin1.push(0xE9);
    latin1.extend(b"e,ITU,,,C5,,,\n");
    vec![
        ("good.csv", good.clone().into_bytes()),
        ("crlf.csv", good.replace('\n', "\r\n").into_bytes()),
        ("bom.csv", bom),
        ("utf16.csv", utf16),
        ("latin1.csv", latin1),
        ("two-lines.csv", format!("{HEADER}2024,1,\"Two\nlines\",ITU,,,C5,,,\n2024,2,Bad,ITU,,,C99,,,\n").into_bytes()),
        (
            "bad-rows.csv",
            format!("{HEADER}2024,1,Good,ITU,,2024-05-28,C5,,,H\n2024,2,Bad,ITU,,2023-01-01,C7,18,javascript:x,Q\n")
                .into_bytes(),
        ),
        ("same-session.csv", format!("{HEADER}2024,7,Opening,ITU,,,C1,,,\n2024,,opening,ITU,,,C1,,,\n").into_bytes()),
        ("reordered.csv", b"title,year,sdgs,action_lines,session_id,organisers,session_type,date,source_url,confidence,extra\nA,2024,1;17,C11,x,ITU,,,,L,kept out\n".to_vec()),
        ("ragged.csv", format!("{HEADER}2024,1,Short,ITU\n").into_bytes()),
        ("missing-columns.csv", b"year,title\n2024,x\n".to_vec()),
        ("empty.csv", Vec::new()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = HEADER;

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
        let problems: Vec<String> =
            import(&csv, &empty_forum(), "f.json").unwrap_err().iter().map(ToString::to_string).collect();
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
    fn rows_are_named_by_spreadsheet_row_and_file_line() {
        let csv = format!("{HEAD}2024,1,\"Two\nlines\",ITU,,,C5,,,\n2024,2,Bad,ITU,,,C99,,,\n");
        let problems = import(&csv, &empty_forum(), "f.json").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].place(), Place::Row { row: 3, line: 4, column: Some("action_lines") });
        assert!(problems[0].to_string().starts_with("row 3 (line 4 of the file), column action_lines: "));
    }

    #[test]
    fn a_row_keeps_the_fields_the_spreadsheet_has_no_column_for() {
        let forum = r#"{"format":1,"years":[],"sessions":[{"year":2024,"id":"1","title":"Old","organisers":[],
            "date":"2024-05-28","action_lines":["C5"],"sdgs":[],"source":"s1"}],
            "sources":[{"id":"s1","title":"A report","url":"https://www.itu.int/r"}],
            "provenance":{"compiled":"2026-11-23","basis":"t"}}"#;
        let out = import(&format!("{HEAD}2024,1,New,ITU,,,C6,,,\n"), forum, "f.json").unwrap();
        let forum = Forum::from_json("f.json", &out).unwrap();
        assert_eq!(forum.sessions.len(), 1);
        let s = &forum.sessions[0];
        assert_eq!((s.title.as_str(), s.source.as_deref(), s.date), ("New", Some("s1"), None));
    }

    #[test]
    fn a_session_given_with_and_without_an_id_is_one_session() {
        let csv = format!("{HEAD}2024,7,Opening,ITU,,,C1,,,\n2024,,opening,ITU,,,C1,,,\n");
        let problems = import(&csv, &empty_forum(), "f").unwrap_err();
        assert_eq!(problems[0].to_string(), "row 3, column session_id: the same session as row 2");
        let first = import(&format!("{HEAD}2024,,Opening,ITU,,,C1,,,\n"), &empty_forum(), "f").unwrap();
        let second = import(&format!("{HEAD}2024,7,Opening,ITU,,,C2,,,\n"), &first, "f").unwrap();
        let forum = Forum::from_json("f", &second).unwrap();
        assert_eq!(forum.sessions.len(), 1);
        assert_eq!(forum.sessions[0].id.as_deref(), Some("7"));
        let distinct = import(
            &format!("{HEAD}2024,7,Opening,ITU,,,C1,,,\n2024,8,Opening,ITU,,,C1,,,\n"),
            &empty_forum(),
            "f",
        );
        assert_eq!(Forum::from_json("f", &distinct.unwrap()).unwrap().sessions.len(), 2);
    }

    #[test]
    fn utf8_with_or_without_a_byte_order_mark_and_nothing_else() {
        assert_eq!(decode_csv(b"\xEF\xBB\xBFyear").unwrap(), "year");
        assert_eq!(decode_csv("année".as_bytes()).unwrap(), "année");
        let utf16 = decode_csv(b"\xFF\xFEy\x00e\x00").unwrap_err();
        assert_eq!(utf16.place(), Place::File);
        assert!(utf16.to_string().contains("UTF-16"), "{utf16}");
        let latin1 = decode_csv(b"year\nann\xE9e").unwrap_err();
        assert_eq!(
            latin1.to_string(),
            "line 2: the file is not UTF-8 (an invalid byte at offset 8); save the spreadsheet as \"CSV UTF-8\" and import that"
        );
    }

    #[test]
    fn the_bundled_file_has_exactly_the_reference_sessions() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let reference = root.join("../shared/reference/forum-sessions.csv");
        let Ok(csv) = std::fs::read_to_string(&reference) else {
            eprintln!("reference not found: skipping");
            return;
        };
        let bundled = std::fs::read_to_string(root.join("data/forum-outcomes.json")).unwrap();
        let again = import(&csv, &bundled, "forum-outcomes.json").unwrap();
        assert_eq!(again, bundled, "data/forum-outcomes.json differs from importing the reference CSV");
        let forum = Forum::from_json("f", &bundled).unwrap();
        let mut rows = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
        assert_eq!(forum.sessions.len(), rows.len());
        let tagged = rows.iter().filter(|r| !r.get(7).unwrap_or("").trim().is_empty()).count();
        assert_eq!(forum.sessions.iter().filter(|s| !s.sdgs.is_empty()).count(), tagged);
    }
}
