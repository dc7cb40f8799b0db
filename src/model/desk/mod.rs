//! The data desk's state (`www/desk.html`): the files a maintainer has open, the edits, undo and
//! redo, and every problem found, as pure data. The desk's components only show it; every rule
//! is the model's own (`Forum::from_json_all_errors`, `forum_csv::import`), so the desk, the
//! widgets and the xtask commands cannot disagree.
//!
//! One [`Snapshot`] is everything the maintainer could lose: the forum file's text and the
//! session spreadsheet being fixed. Undo and redo step through snapshots; the desk keeps the
//! current one in local storage ([`Snapshot::to_json`], [`Snapshot::from_json`]). Later kinds of
//! file (pledges, matrix, sources) become more fields of the snapshot and more actions.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::model::catalog::SdgCatalog;
use crate::model::error::{ErrorKind, Errors};
use crate::model::file_kind::FileKind;
use crate::model::forum::Forum;
use crate::model::forum_csv::{self, Place};
use crate::model::lang::Lang;
use crate::model::matrix::Matrix;
use crate::model::pledges::Pledges;

pub mod forum;
pub mod matrix;
pub mod pledges;
mod sheet;
pub mod snippet;
pub mod sources;

pub use forum::ForumEdit;
pub use matrix::MatrixEdit;
pub use pledges::PledgesEdit;
pub use sheet::{ListColumn, Sheet};
pub use sources::SourceEdit;

/// Everything the maintainer has open: what undo restores and local storage keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The forum file's name (as opened) and text; `None` until one is opened.
    pub forum: Option<OpenFile>,
    /// The session spreadsheet being fixed before it is imported.
    pub sheet: Option<OpenSheet>,
    /// The pledge file.
    #[serde(default)]
    pub pledges: Option<OpenFile>,
    /// The matrix file.
    #[serde(default)]
    pub matrix: Option<OpenFile>,
    /// One SDG texts file (`sdg-<lang>.json`) and its language.
    #[serde(default)]
    pub sdg: Option<(Lang, OpenFile)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenFile {
    pub name: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenSheet {
    pub name: String,
    pub cells: Sheet,
}

impl Snapshot {
    /// Nothing open.
    pub fn is_empty(&self) -> bool {
        self.forum.is_none()
            && self.sheet.is_none()
            && self.pledges.is_none()
            && self.matrix.is_none()
            && self.sdg.is_none()
    }

    /// The names of the open files, in the order the desk lists them.
    pub fn names(&self) -> Vec<String> {
        let files = [
            self.forum.as_ref(),
            self.pledges.as_ref(),
            self.matrix.as_ref(),
            self.sdg.as_ref().map(|(_, f)| f),
        ];
        let mut names: Vec<String> = files.into_iter().flatten().map(|f| f.name.clone()).collect();
        names.extend(self.sheet.as_ref().map(|s| s.name.clone()));
        names
    }

    /// The open data file of `kind` (an SDG texts file only in its own language).
    pub fn file(&self, kind: FileKind) -> Option<&OpenFile> {
        match kind {
            FileKind::Forum => self.forum.as_ref(),
            FileKind::Pledges => self.pledges.as_ref(),
            FileKind::Matrix => self.matrix.as_ref(),
            FileKind::SdgTexts(lang) => self.sdg.as_ref().filter(|(l, _)| *l == lang).map(|(_, f)| f),
        }
    }

    fn file_mut(&mut self, kind: FileKind) -> Option<&mut OpenFile> {
        match kind {
            FileKind::Forum => self.forum.as_mut(),
            FileKind::Pledges => self.pledges.as_mut(),
            FileKind::Matrix => self.matrix.as_mut(),
            FileKind::SdgTexts(lang) => self.sdg.as_mut().filter(|(l, _)| *l == lang).map(|(_, f)| f),
        }
    }

    /// For local storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Back from local storage; `None` for anything that is not a snapshot (an older format,
    /// another page's key).
    pub fn from_json(text: &str) -> Option<Snapshot> {
        serde_json::from_str(text).ok()
    }
}

/// Where a problem is, so the desk can take the maintainer there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spot {
    /// The file as a whole.
    File,
    /// A JSON path in the forum file (`sessions[3].sdgs[0]`).
    Path(String),
    /// The spreadsheet's header row.
    Header,
    /// A spreadsheet row (0 for the first row after the header) and, when known, its column.
    Cell { row: usize, column: Option<usize> },
}

/// One problem, in words, with its file and place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// The kind of data file it is in (`None`: a spreadsheet, or a file that could not be told).
    pub kind: Option<FileKind>,
    pub spot: Spot,
    /// Where, as the command line says it (`row 3, column sdgs`, `sessions[2].title`).
    pub place: String,
    /// For a spreadsheet cell: its column's name in the header (the desk says the place in
    /// the reader's language from it and the row).
    pub column_name: Option<String>,
    /// In English, as the commands say it.
    pub message: String,
    /// What is wrong, typed, for saying it in the reader's language (`None`: only the words).
    pub detail: Option<Detail>,
}

/// A problem's typed reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// A data file's validator (or its reading).
    Data(ErrorKind),
    /// A spreadsheet cell's check.
    Cell(forum_csv::CellFault),
}

/// Every problem of the open files at once: the forum file's (all of its validation faults,
/// with their JSON paths) and the spreadsheet's (every bad row and column, as `import-forum`
/// finds them merging it into the open forum file).
pub fn problems(snapshot: &Snapshot) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut file_faults = |kind: FileKind, file: &OpenFile, found: Result<(), Errors>| {
        let Err(errors) = found else { return };
        for e in errors.iter() {
            let spot = if e.path().is_empty() { Spot::File } else { Spot::Path(e.path().to_owned()) };
            out.push(Problem {
                file: file.name.clone(),
                kind: Some(kind),
                spot,
                place: e.path().to_owned(),
                column_name: None,
                message: e.kind().to_string(),
                detail: Some(Detail::Data(e.kind().clone())),
            });
        }
    };
    if let Some(f) = &snapshot.forum {
        file_faults(FileKind::Forum, f, Forum::from_json_all_errors(&f.name, &f.text).map(drop));
    }
    if let Some(f) = &snapshot.pledges {
        file_faults(FileKind::Pledges, f, Pledges::from_json_all_errors(&f.name, &f.text).map(drop));
    }
    if let Some(f) = &snapshot.matrix {
        file_faults(FileKind::Matrix, f, Matrix::from_json_all_errors(&f.name, &f.text).map(drop));
    }
    if let Some((lang, f)) = &snapshot.sdg {
        file_faults(
            FileKind::SdgTexts(*lang),
            f,
            SdgCatalog::from_json_all_errors(&f.name, &f.text, *lang).map(drop),
        );
    }
    if let Some(sheet) = &snapshot.sheet {
        if let Err(found) = import(snapshot) {
            for p in found {
                out.push(sheet_problem(sheet, snapshot, &p));
            }
        }
    }
    out
}

fn sheet_problem(sheet: &OpenSheet, snapshot: &Snapshot, p: &forum_csv::Problem) -> Problem {
    let text = p.to_string();
    let (file, spot) = match p.place() {
        Place::File => (sheet.name.clone(), Spot::File),
        Place::Header => (sheet.name.clone(), Spot::Header),
        Place::Row { row, column, .. } => (
            sheet.name.clone(),
            Spot::Cell {
                row: usize::try_from(row.saturating_sub(2)).unwrap_or(0),
                column: column.and_then(|c| sheet.cells.column(c)),
            },
        ),
        Place::ForumFile => {
            (snapshot.forum.as_ref().map_or_else(String::new, |f| f.name.clone()), Spot::File)
        }
    };
    // The command's words are "row 3, column sdgs: reason": split into place and reason.
    let (place, message) = match p.place() {
        Place::Row { .. } | Place::Header => match text.split_once(": ") {
            Some((place, message)) => (place.to_owned(), message.to_owned()),
            None => (String::new(), text.clone()),
        },
        Place::File | Place::ForumFile => (String::new(), text.clone()),
    };
    let column_name = match spot {
        Spot::Cell { column: Some(c), .. } => sheet.cells.header.get(c).cloned(),
        _ => None,
    };
    let detail = p.fault().cloned().map(Detail::Cell);
    let kind = matches!(p.place(), Place::ForumFile).then_some(FileKind::Forum);
    Problem { file, kind, spot, place, column_name, message, detail }
}

/// A forum file with no sessions: what a spreadsheet is checked against (and previewed in)
/// before the maintainer opens the file to import it into ([`Edit::Import`] needs that file).
const NO_FORUM: &str =
    r#"{"format":1,"years":[],"sessions":[],"provenance":{"compiled":"2026-12-01","basis":"data desk"}}"#;

/// The open forum file with the spreadsheet merged in, exactly as `cargo xtask import-forum`
/// writes it for the spreadsheet [`Sheet::write`] gives (with no forum file open yet: merged
/// into an empty one, so its rows are checked all the same).
pub fn import(snapshot: &Snapshot) -> Result<String, Vec<forum_csv::Problem>> {
    let Some(sheet) = &snapshot.sheet else { return Err(Vec::new()) };
    let forum = snapshot.forum.as_ref();
    let (name, text) = forum.map_or(("", NO_FORUM), |f| (f.name.as_str(), f.text.as_str()));
    forum_csv::import(&sheet.cells.write(), text, name)
}

/// What the maintainer does. Each one that changes something makes a new snapshot (undoable).
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// A data file opened (its text as read: UTF-8, the byte-order mark dropped), as the kind
    /// its content says ([`crate::model::file_kind::kind_of`]). It replaces the open file of
    /// that kind.
    Open {
        kind: FileKind,
        name: String,
        text: String,
    },
    /// A spreadsheet opened (already decoded by `forum_csv::decode_csv`).
    OpenSheet {
        name: String,
        text: String,
    },
    /// One cell of the spreadsheet changed.
    SetCell {
        row: usize,
        column: usize,
        value: String,
    },
    /// A blank row added at the end.
    AddRow,
    RemoveRow(usize),
    /// The spreadsheet merged into the forum file (only when it has no problem); the
    /// spreadsheet is closed.
    Import,
    /// The spreadsheet closed without importing it.
    CloseSheet,
    /// A change to the sources list of the open file of `kind` ([`sources`]).
    Source {
        kind: FileKind,
        edit: SourceEdit,
    },
    /// A change to the open pledge file (an announcement, by `model::announce`).
    Pledges(PledgesEdit),
    /// A change to the open matrix file's links ([`matrix`]).
    Matrix(MatrixEdit),
    /// Several edits as one undo step (a source added, then cited); those that change nothing
    /// are skipped.
    Steps(Vec<Edit>),
    /// A session of the forum file added, changed or removed (only when it is made).
    Forum(ForumEdit),
}

/// Applies `edit`; `None` when it changes nothing (so no undo step is made).
pub fn apply(snapshot: &Snapshot, edit: &Edit) -> Option<Snapshot> {
    let mut next = snapshot.clone();
    match edit {
        Edit::Open { kind, name, text } => {
            let file = Some(OpenFile { name: name.clone(), text: text.clone() });
            match kind {
                FileKind::Forum => next.forum = file,
                FileKind::Pledges => next.pledges = file,
                FileKind::Matrix => next.matrix = file,
                FileKind::SdgTexts(lang) => next.sdg = file.map(|f| (*lang, f)),
            }
        }
        Edit::OpenSheet { name, text } => {
            next.sheet = Some(OpenSheet { name: name.clone(), cells: Sheet::parse(text) })
        }
        Edit::SetCell { row, column, value } => {
            let cell = next.sheet.as_mut()?.cells.rows.get_mut(*row)?.get_mut(*column)?;
            if cell == value {
                return None;
            }
            value.clone_into(cell);
        }
        Edit::AddRow => {
            let cells = &mut next.sheet.as_mut()?.cells;
            cells.rows.push(vec![String::new(); cells.header.len()]);
        }
        Edit::RemoveRow(row) => {
            let rows = &mut next.sheet.as_mut()?.cells.rows;
            if *row >= rows.len() {
                return None;
            }
            rows.remove(*row);
        }
        Edit::Import => {
            let text = import(snapshot).ok()?;
            let forum = next.forum.as_mut()?;
            forum.text = text;
            next.sheet = None;
        }
        Edit::CloseSheet => {
            next.sheet.take()?;
        }
        Edit::Source { kind, edit } => {
            let file = next.file_mut(*kind)?;
            file.text = sources::apply(*kind, &file.text, edit).ok()??;
        }
        Edit::Pledges(edit) => pledges::apply(&mut next, edit)?,
        Edit::Matrix(edit) => {
            let file = next.matrix.as_mut()?;
            file.text = matrix::apply(&file.text, edit).ok()?;
        }
        Edit::Steps(steps) => {
            for step in steps {
                if let Some(after) = apply(&next, step) {
                    next = after;
                }
            }
        }
        Edit::Forum(edit) => {
            let file = next.forum.as_mut()?;
            file.text = forum::apply(&file.text, edit).ok()?.text;
        }
    }
    (next != *snapshot).then_some(next)
}

/// The snapshots behind and ahead of the current one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    past: Vec<Rc<Snapshot>>,
    now: Rc<Snapshot>,
    future: Vec<Rc<Snapshot>>,
}

/// How many steps undo goes back (older ones are dropped).
pub const UNDO_LIMIT: usize = 200;

impl History {
    pub fn new(now: Snapshot) -> History {
        History { past: Vec::new(), now: Rc::new(now), future: Vec::new() }
    }

    pub fn now(&self) -> &Rc<Snapshot> {
        &self.now
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// `edit` applied as a new step (redo's steps are dropped); unchanged if it changes nothing.
    pub fn edit(&self, edit: &Edit) -> History {
        let Some(next) = apply(&self.now, edit) else { return self.clone() };
        let mut past = self.past.clone();
        past.push(self.now.clone());
        if past.len() > UNDO_LIMIT {
            past.remove(0);
        }
        History { past, now: Rc::new(next), future: Vec::new() }
    }

    pub fn undo(&self) -> History {
        let mut past = self.past.clone();
        let Some(previous) = past.pop() else { return self.clone() };
        let mut future = self.future.clone();
        future.push(self.now.clone());
        History { past, now: previous, future }
    }

    pub fn redo(&self) -> History {
        let mut future = self.future.clone();
        let Some(next) = future.pop() else { return self.clone() };
        let mut past = self.past.clone();
        past.push(self.now.clone());
        History { past, now: next, future }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::forum_csv::HEADER;

    const FORUM: &str = "{\n  \"format\": 1,\n  \"years\": [],\n  \"sessions\": [],\n  \"provenance\": {\n    \"compiled\": \"2026-11-23\",\n    \"basis\": \"t\"\n  }\n}\n";

    fn opened(csv: &str) -> Snapshot {
        let s = apply(
            &Snapshot::default(),
            &Edit::Open { kind: FileKind::Forum, name: "f.json".into(), text: FORUM.into() },
        )
        .unwrap();
        apply(&s, &Edit::OpenSheet { name: "s.csv".into(), text: csv.into() }).unwrap()
    }

    #[test]
    fn a_sheet_written_back_imports_as_the_text_it_came_from() {
        let csv = format!(
            "{HEADER}2024,9,\"Trust, \"\"safety\"\" and you\",ITU; UN Women,Thematic Workshop,2024-05-28,C5;C7 e-health,5;16,https://www.itu.int/x,H\n2024,,\"Two\nlines\",ITU,,,C1,,,\n"
        );
        let sheet = Sheet::parse(&csv);
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.write(), csv);
        let direct = forum_csv::import(&csv, FORUM, "f.json").unwrap();
        assert_eq!(import(&opened(&csv)).unwrap(), direct);
    }

    #[test]
    fn ragged_rows_are_padded_and_blank_rows_kept() {
        let sheet = Sheet::parse("a,b,c\n1\n1,2,3,4\n");
        assert_eq!(sheet.header, ["a", "b", "c", ""]);
        assert_eq!(sheet.rows, [vec!["1", "", "", ""], vec!["1", "2", "3", "4"]]);
        let one = Sheet { header: vec!["a".into()], rows: vec![vec![String::new()]] };
        assert_eq!(Sheet::parse(&one.write()), one);
    }

    #[test]
    fn every_bad_row_is_a_problem_at_its_cell_and_fixing_them_imports() {
        let csv = format!("{HEADER}2024,1,Good,ITU,,2024-05-28,C5,,,H\n2024,2,Bad,ITU,,2023-01-01,C7,18,javascript:x,Q\n2024,3,,ITU,,,C1,,,\n");
        let s = opened(&csv);
        let found = problems(&s);
        let spots: Vec<(&Spot, &str)> = found.iter().map(|p| (&p.spot, p.place.as_str())).collect();
        assert_eq!(found.len(), 6, "{found:?}");
        assert_eq!(spots[0], (&Spot::Cell { row: 1, column: Some(5) }, "row 3, column date"));
        assert_eq!(found[0].message, "2023-01-01 is not in 2024");
        assert_eq!(found[5].spot, Spot::Cell { row: 2, column: Some(2) });
        assert_eq!(found[5].file, "s.csv");
        assert!(apply(&s, &Edit::Import).is_none(), "a sheet with problems is not imported");
        let mut h = History::new(s);
        for (row, column, value) in [
            (1, 5, "2024-05-29"),
            (1, 6, "C7 e-health"),
            (1, 7, "17"),
            (1, 8, ""),
            (1, 9, "M"),
            (2, 2, "Fixed"),
        ] {
            h = h.edit(&Edit::SetCell { row, column, value: value.into() });
        }
        assert_eq!(problems(h.now()), []);
        let fixed = h.now().sheet.as_ref().unwrap().cells.write();
        h = h.edit(&Edit::Import);
        let forum = h.now().forum.as_ref().unwrap();
        assert_eq!(forum.text, forum_csv::import(&fixed, FORUM, "f.json").unwrap());
        assert_eq!(Forum::from_json("f.json", &forum.text).unwrap().sessions.len(), 3);
        assert!(h.now().sheet.is_none());
    }

    #[test]
    fn forum_file_faults_come_with_their_json_paths() {
        let bad = FORUM.replace("\"sessions\": []", "\"sessions\": [{\"year\": 2024, \"title\": \"\", \"organisers\": [], \"action_lines\": [\"C99\"], \"sdgs\": [18]}]");
        let s = apply(
            &Snapshot::default(),
            &Edit::Open { kind: FileKind::Forum, name: "f.json".into(), text: bad },
        )
        .unwrap();
        let found = problems(&s);
        assert!(found.len() >= 2, "{found:?}");
        assert!(
            found.iter().all(|p| matches!(&p.spot, Spot::Path(path) if path.starts_with("sessions[0]"))),
            "{found:?}"
        );
    }

    #[test]
    fn undo_and_redo_step_through_edits_and_a_new_edit_drops_redo() {
        let s = opened(&format!("{HEADER}2024,1,A,ITU,,,C1,,,\n"));
        let h = History::new(s.clone());
        let h1 = h.edit(&Edit::SetCell { row: 0, column: 2, value: "B".into() });
        let h2 = h1.edit(&Edit::AddRow);
        assert_eq!(h2.now().sheet.as_ref().unwrap().cells.rows.len(), 2);
        let back = h2.undo().undo();
        assert_eq!(**back.now(), s);
        assert!(!back.can_undo() && back.can_redo());
        let again = back.redo();
        assert_eq!(again.now(), h1.now());
        let other = again.edit(&Edit::RemoveRow(0));
        assert!(!other.can_redo());
        assert_eq!(h.edit(&Edit::SetCell { row: 0, column: 2, value: "A".into() }), h, "no change, no step");
    }

    #[test]
    fn list_cells_are_chosen_from_the_models_ids() {
        let lines = ListColumn::ActionLines;
        assert_eq!(lines.choices().len(), 18);
        assert_eq!(lines.choices()[6], "C7 e-government");
        assert_eq!(lines.chosen("C5; e-hea;C99"), ["C5", "C7 e-health"]);
        assert_eq!(lines.toggle("C99;C5", "C1", true), "C1;C5");
        assert_eq!(lines.toggle("C1;C5", "C1", false), "C5");
        let sdgs = ListColumn::Sdgs;
        assert_eq!(sdgs.toggle("18; 3", "16", true), "3;16");
        assert_eq!(ListColumn::of(" sdgs "), Some(sdgs));
        assert_eq!(ListColumn::of("title"), None);
        // What a chooser writes, the import reads.
        let csv = format!(
            "{HEADER}2024,1,A,ITU,,,{},{},,\n",
            lines.toggle("", "C7 e-science", true),
            sdgs.toggle("", "17", true)
        );
        assert!(import(&opened(&csv)).is_ok());
    }

    #[test]
    fn every_kind_of_data_file_opens_in_its_place_and_is_checked() {
        let pledges = include_str!("../../../data/p2c-pledges.json");
        let kind = crate::model::file_kind::kind_of("p.json", pledges).unwrap();
        assert_eq!(kind, FileKind::Pledges);
        let s =
            apply(&Snapshot::default(), &Edit::Open { kind, name: "p.json".into(), text: pledges.into() })
                .unwrap();
        assert_eq!(s.file(FileKind::Pledges).map(|f| f.name.as_str()), Some("p.json"));
        assert_eq!(problems(&s), []);
        let bad = pledges.replacen("\"usd\": 15800000000", "\"usd\": -1", 1);
        let s = apply(&s, &Edit::Open { kind, name: "p.json".into(), text: bad }).unwrap();
        let found = problems(&s);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].spot, Spot::Path("milestones[0].usd".into()));
        let sdg = include_str!("../../../data/sdg/sdg-fr.json");
        let kind = crate::model::file_kind::kind_of("x.json", sdg).unwrap();
        let s = apply(&s, &Edit::Open { kind, name: "x.json".into(), text: sdg.into() }).unwrap();
        assert!(
            s.file(FileKind::SdgTexts(Lang::Fr)).is_some() && s.file(FileKind::SdgTexts(Lang::En)).is_none()
        );
        assert_eq!(Snapshot::from_json(&s.to_json()), Some(s));
    }

    #[test]
    fn forum_sessions_are_edited_as_undoable_steps() {
        let s = opened(&format!("{HEADER}2024,1,A,ITU,,,C1,,,\n"));
        let h = History::new(s.clone()).edit(&Edit::CloseSheet);
        let add = forum::SessionFields::new(Some(2024)).with(forum::Field::Title, "New");
        let h = h.edit(&Edit::Forum(ForumEdit::AddSession(add.clone())));
        let text = &h.now().forum.as_ref().unwrap().text;
        assert_eq!(Forum::from_json("f.json", text).unwrap().sessions.len(), 1);
        assert_eq!(h.edit(&Edit::Forum(ForumEdit::AddSession(add))), h, "refused: no step");
        let h = h.edit(&Edit::Forum(ForumEdit::RemoveSession(0)));
        assert_eq!(h.now().forum.as_ref().unwrap().text, FORUM);
        assert_eq!(
            Forum::from_json("f.json", &h.undo().now().forum.as_ref().unwrap().text).unwrap().sessions.len(),
            1
        );
    }

    #[test]
    fn snapshots_survive_local_storage() {
        let s = opened(&format!("{HEADER}2024,1,\"A, b\",ITU,,,C1,,,\n"));
        assert_eq!(Snapshot::from_json(&s.to_json()), Some(s));
        assert_eq!(Snapshot::from_json("{\"other\":1}"), Some(Snapshot::default()));
        assert_eq!(Snapshot::from_json("nonsense"), None);
    }
}
