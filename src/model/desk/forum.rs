//! The forum file's own sessions, edited in the desk's session form: added, changed and
//! removed in the file's JSON text (through `serde_json::Value`, key order kept, written by
//! [`write_json`]). A session's fields are checked, built, matched and ordered by the code
//! `cargo xtask import-forum` runs (`model::forum_csv`), so a session added here lands where
//! the same row imported from a spreadsheet would, as the same bytes.

use serde_json::{Map, Value};

use crate::model::forum_csv::{self, Place, COLUMNS};
use crate::model::matrix::ACTION_LINE_IDS;
use crate::model::write::write_json;

/// A field of the session form: one spreadsheet column, one key of a session in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Year,
    Id,
    Title,
    Organisers,
    Type,
    Date,
    ActionLines,
    Sdgs,
    Url,
    Confidence,
}

impl Field {
    /// In the spreadsheet's column order ([`COLUMNS`]).
    pub const ALL: [Field; 10] = [
        Field::Year,
        Field::Id,
        Field::Title,
        Field::Organisers,
        Field::Type,
        Field::Date,
        Field::ActionLines,
        Field::Sdgs,
        Field::Url,
        Field::Confidence,
    ];

    /// The session's key in the forum file.
    pub fn key(self) -> &'static str {
        match self {
            Field::Year => "year",
            Field::Id => "id",
            Field::Title => "title",
            Field::Organisers => "organisers",
            Field::Type => "type",
            Field::Date => "date",
            Field::ActionLines => "action_lines",
            Field::Sdgs => "sdgs",
            Field::Url => "url",
            Field::Confidence => "confidence",
        }
    }

    fn at(self) -> usize {
        Field::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }

    /// The field of a session key (`type`), if the form has one.
    pub fn of_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The field of a spreadsheet column (`session_type`).
    fn of_column(column: &str) -> Option<Field> {
        COLUMNS.iter().position(|c| *c == column).and_then(|i| Field::ALL.get(i).copied())
    }
}

/// A session's fields as text, as a spreadsheet row holds them: lists `;`-separated (Action
/// Lines by their spreadsheet names, `C7 e-health`), optional fields empty when not given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SessionFields {
    cells: [String; 10],
}

/// What is wrong with a session's fields: each reason, at its field when the import names one.
pub type FieldProblems = Vec<(Option<Field>, forum_csv::Problem)>;

/// A value of the file as the form shows it: a string as it is, anything else as JSON text (so
/// a wrong type shows, and the check says what is wrong with it).
fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

impl SessionFields {
    /// A blank session of `year`.
    pub fn new(year: Option<u16>) -> SessionFields {
        SessionFields::default().with(Field::Year, year.map(|y| y.to_string()).unwrap_or_default())
    }

    /// The fields of a session object of the file (anything else gives blank fields).
    pub fn of(session: &Value) -> SessionFields {
        let mut fields = SessionFields::default();
        let Some(session) = session.as_object() else { return fields };
        let names = forum_csv::action_line_names();
        for field in Field::ALL {
            let Some(value) = session.get(field.key()) else { continue };
            let text = match (field, value) {
                (Field::Organisers, Value::Array(list)) => {
                    list.iter().map(text_of).collect::<Vec<_>>().join("; ")
                }
                (Field::ActionLines, Value::Array(list)) => list
                    .iter()
                    .map(|id| {
                        let name = id.as_str().and_then(|id| {
                            let at = ACTION_LINE_IDS.iter().position(|known| *known == id)?;
                            names.get(at).copied()
                        });
                        name.map_or_else(|| text_of(id), str::to_owned)
                    })
                    .collect::<Vec<_>>()
                    .join(";"),
                (Field::Sdgs, Value::Array(list)) => list.iter().map(text_of).collect::<Vec<_>>().join(";"),
                (_, value) => text_of(value),
            };
            fields = fields.with(field, text);
        }
        fields
    }

    pub fn get(&self, field: Field) -> &str {
        self.cells.get(field.at()).map_or("", String::as_str)
    }

    /// These fields with `field` set to `value`.
    pub fn with(mut self, field: Field, value: impl Into<String>) -> SessionFields {
        if let Some(cell) = self.cells.get_mut(field.at()) {
            *cell = value.into();
        }
        self
    }

    /// The session object, or every reason the import would refuse these fields as a row.
    fn session(&self) -> Result<Map<String, Value>, FieldProblems> {
        forum_csv::session_from_cells(self.cells.to_vec()).map_err(|problems| {
            problems
                .iter()
                .map(|p| {
                    let field = match p.place() {
                        Place::Row { column, .. } => column.and_then(Field::of_column),
                        _ => None,
                    };
                    (field, p.clone())
                })
                .collect()
        })
    }

    /// What is wrong with these fields, each at its field (empty when they make a session).
    pub fn problems(&self) -> FieldProblems {
        self.session().err().unwrap_or_default()
    }
}

/// A change to the forum file's sessions (one undo step).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ForumEdit {
    /// A new session, put where the import puts a new row's session.
    AddSession(SessionFields),
    /// The session at `index` of the file's `sessions` given these fields (its fields the form
    /// has no field for, such as `source`, kept, as the import keeps them).
    SetSession {
        index: usize,
        fields: SessionFields,
    },
    RemoveSession(usize),
}

/// Why an edit is not made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The fields' problems, each at its field as the import finds them.
    Fields(FieldProblems),
    /// The same session (year and id, or year and title) as the file's session at this index.
    SameAs(usize),
    /// No session at that index.
    NoSession(usize),
    /// The file's text has no sessions list to edit.
    File(String),
}

/// The file after an edit, and where the added or changed session now is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edited {
    pub text: String,
    pub at: Option<usize>,
}

/// The forum file's `text` with `edit` made.
pub fn apply(text: &str, edit: &ForumEdit) -> Result<Edited, Refusal> {
    // The fields first: the form asks on every keystroke, and they are the cheap part.
    let session = match edit {
        ForumEdit::RemoveSession(_) => None,
        ForumEdit::AddSession(fields) | ForumEdit::SetSession { fields, .. } => {
            Some(fields.session().map_err(Refusal::Fields)?)
        }
    };
    let mut doc: Value = serde_json::from_str(text).map_err(|e| Refusal::File(e.to_string()))?;
    let list = doc
        .get_mut("sessions")
        .and_then(Value::as_array_mut)
        .ok_or_else(|| Refusal::File("no sessions list".into()))?;
    let index = match edit {
        ForumEdit::RemoveSession(index) => {
            if *index >= list.len() {
                return Err(Refusal::NoSession(*index));
            }
            list.remove(*index);
            return Ok(Edited { text: write_json(&doc), at: None });
        }
        ForumEdit::AddSession(_) => None,
        ForumEdit::SetSession { index, .. } => Some(*index),
    };
    let Some(session) = session else { return Err(Refusal::File("no session".into())) };
    let mut sessions = Vec::with_capacity(list.len() + 1);
    for (i, value) in list.drain(..).enumerate() {
        match value {
            Value::Object(s) => sessions.push(s),
            _ => return Err(Refusal::File(format!("sessions[{i}] is not an object"))),
        }
    }
    if let Some(same) = forum_csv::same_session_in(&sessions, &session, index) {
        return Err(Refusal::SameAs(same));
    }
    let at = match index {
        Some(index) => {
            let existing = sessions.get_mut(index).ok_or(Refusal::NoSession(index))?;
            forum_csv::replace_csv_fields(existing, &session);
            index
        }
        None => {
            sessions.push(session);
            sessions.len() - 1
        }
    };
    let now_at = forum_csv::session_order(&sessions).iter().position(|i| *i == at);
    list.extend(forum_csv::sorted(sessions).into_iter().map(Value::Object));
    Ok(Edited { text: write_json(&doc), at: now_at })
}

/// Every session of the file's text as fields, by its index in `sessions` (the index a JSON
/// path names), the unsound ones too; empty when the text has no sessions list.
pub fn sessions(text: &str) -> Vec<SessionFields> {
    let doc: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    doc.get("sessions")
        .and_then(Value::as_array)
        .map_or_else(Vec::new, |list| list.iter().map(SessionFields::of).collect())
}

/// The session and field a JSON path of the forum file names: `sessions[3].title` is
/// session 3's title, `sessions[3].sdgs[0]` its SDGs, `sessions[3]` the session.
pub fn session_path(path: &str) -> Option<(usize, Option<Field>)> {
    let rest = path.strip_prefix("sessions[")?;
    let (index, rest) = rest.split_once(']')?;
    let index = index.parse().ok()?;
    let Some(rest) = rest.strip_prefix('.') else { return rest.is_empty().then_some((index, None)) };
    let key = rest.split(['.', '[']).next().unwrap_or("");
    Some((index, Field::of_key(key)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::forum::Forum;
    use crate::model::forum_csv::HEADER;

    const BUNDLED: &str = include_str!("../../../data/forum-outcomes.json");

    fn fields(cells: [&str; 10]) -> SessionFields {
        Field::ALL.into_iter().zip(cells).fold(SessionFields::default(), |f, (field, v)| f.with(field, v))
    }

    #[test]
    fn a_session_added_is_the_file_import_forum_writes_for_the_same_row() {
        let row = [
            "2024",
            "D9",
            "Trust, \"safety\" and you",
            "ITU; UN Women",
            "Thematic Workshop",
            "2024-05-28",
            "C5;C7 e-health",
            "5;16",
            "https://www.itu.int/x",
            "H",
        ];
        let edited = apply(BUNDLED, &ForumEdit::AddSession(fields(row))).unwrap();
        let csv = format!(
            "{HEADER}2024,D9,\"Trust, \"\"safety\"\" and you\",ITU; UN Women,Thematic Workshop,2024-05-28,C5;C7 e-health,5;16,https://www.itu.int/x,H\n"
        );
        assert_eq!(edited.text, forum_csv::import(&csv, BUNDLED, "f.json").unwrap());
        let forum = Forum::from_json("f.json", &edited.text).unwrap();
        let before = Forum::from_json("f.json", BUNDLED).unwrap().sessions.len();
        assert_eq!(forum.sessions.len(), before + 1);
        let at = edited.at.unwrap();
        assert_eq!(sessions(&edited.text)[at].get(Field::Title), "Trust, \"safety\" and you");
        assert_eq!(sessions(&edited.text)[at].get(Field::ActionLines), "C5;C7 e-health");
        // Optional fields left empty are left out, as the import leaves them out.
        let bare =
            apply(BUNDLED, &ForumEdit::AddSession(SessionFields::new(Some(2025)).with(Field::Title, "Bare")))
                .unwrap();
        let doc: Value = serde_json::from_str(&bare.text).unwrap();
        let keys: Vec<&str> =
            doc["sessions"][bare.at.unwrap()].as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["year", "title", "organisers", "action_lines", "sdgs"]);
    }

    #[test]
    fn every_session_of_the_bundled_file_goes_through_the_form_unchanged() {
        for (index, fields) in sessions(BUNDLED).into_iter().enumerate() {
            assert_eq!(fields.problems(), [], "session {index}");
            let edited = apply(BUNDLED, &ForumEdit::SetSession { index, fields }).unwrap();
            assert_eq!(edited.at, Some(index));
            assert!(edited.text == BUNDLED, "session {index} changed the file");
        }
    }

    #[test]
    fn a_changed_session_keeps_its_other_fields_and_moves_to_its_place() {
        let file = r#"{"format":1,"years":[],"sessions":[
            {"year":2024,"title":"A","organisers":[],"date":"2024-05-28","action_lines":["C5"],"sdgs":[],"source":"s1"},
            {"year":2024,"title":"B","organisers":[],"date":"2024-05-29","action_lines":[],"sdgs":[]}],
            "sources":[{"id":"s1","title":"A report","url":"https://www.itu.int/r"}],
            "provenance":{"compiled":"2026-11-23","basis":"t"}}"#;
        let all = sessions(file);
        let later = all[0].clone().with(Field::Date, "2024-05-30").with(Field::Title, "A later");
        let edited = apply(file, &ForumEdit::SetSession { index: 0, fields: later }).unwrap();
        assert_eq!(edited.at, Some(1));
        let forum = Forum::from_json("f.json", &edited.text).unwrap();
        assert_eq!(forum.sessions[1].title, "A later");
        assert_eq!(forum.sessions[1].source.as_deref(), Some("s1"));
        assert_eq!(forum.sessions[0].title, "B");
        // Renamed to the other session's title (neither has an id): the same session.
        let twin = all[0].clone().with(Field::Title, "b");
        assert_eq!(
            apply(file, &ForumEdit::SetSession { index: 0, fields: twin.clone() }),
            Err(Refusal::SameAs(1))
        );
        assert_eq!(apply(file, &ForumEdit::AddSession(twin)), Err(Refusal::SameAs(1)));
        let removed = apply(&edited.text, &ForumEdit::RemoveSession(0)).unwrap();
        assert_eq!(Forum::from_json("f.json", &removed.text).unwrap().sessions.len(), 1);
        assert_eq!(apply(file, &ForumEdit::RemoveSession(2)), Err(Refusal::NoSession(2)));
    }

    #[test]
    fn bad_fields_are_refused_at_their_fields_with_the_imports_reasons() {
        let bad = fields(["2024", "", "", "ITU", "", "2023-01-01", "C7", "18", "javascript:x", "Q"]);
        let problems = bad.problems();
        let at: Vec<Option<Field>> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            at,
            [Field::Title, Field::Date, Field::ActionLines, Field::Sdgs, Field::Url, Field::Confidence]
                .map(Some)
        );
        assert_eq!(problems[1].1.reason(), "2023-01-01 is not in 2024");
        assert_eq!(apply(BUNDLED, &ForumEdit::AddSession(bad)), Err(Refusal::Fields(problems)));
        assert!(matches!(apply("[]", &ForumEdit::RemoveSession(0)), Err(Refusal::File(_))));
    }

    #[test]
    fn a_file_fault_s_path_names_its_session_and_field() {
        assert_eq!(session_path("sessions[3].title"), Some((3, Some(Field::Title))));
        assert_eq!(session_path("sessions[12].sdgs[0]"), Some((12, Some(Field::Sdgs))));
        assert_eq!(session_path("sessions[0].type"), Some((0, Some(Field::Type))));
        assert_eq!(session_path("sessions[0].source"), Some((0, None)));
        assert_eq!(session_path("sessions[2]"), Some((2, None)));
        assert_eq!(session_path("years[0].year"), None);
        assert_eq!(session_path("sessions[x].title"), None);
        // A value of the wrong type shows as its JSON text (checked as what it would be saved as).
        let odd = SessionFields::of(&serde_json::json!({"year": "2024", "title": 7, "sdgs": [1, "x"]}));
        assert_eq!((odd.get(Field::Year), odd.get(Field::Title), odd.get(Field::Sdgs)), ("2024", "7", "1;x"));
    }
}
