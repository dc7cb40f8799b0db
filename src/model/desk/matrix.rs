//! Editing the matrix file's links on the desk: a link's targets, rationale, agreement and
//! cited sources; adding a link (Action Line × SDG) and removing one. Applied to the JSON text
//! (key order kept) and written by `model::write::write_json`, so an edit touches nothing else
//! and a file opened and downloaded without edits keeps its bytes.
//!
//! Links are read leniently ([`links_of`]): a file with problems (an unknown target, a
//! duplicate cell) is still shown, so the maintainer can fix it here.

use serde_json::{Map, Value};

use crate::model::action_line::ActionLineId;
use crate::model::matrix::Agreement;
use crate::model::sdg::{goal_of_target, Sdg, TARGET_IDS};
use crate::model::write::write_json;

/// A change to the matrix file's links. `link` is the link's index in the file's `links`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MatrixEdit {
    /// The cited targets (or whole goals), in the order given.
    SetTargets {
        link: usize,
        targets: Vec<String>,
    },
    /// The rationale's gist; a blank text removes it (the validator refuses a blank one).
    SetRationale {
        link: usize,
        text: String,
    },
    SetAgreement {
        link: usize,
        agreement: Agreement,
    },
    /// The cited source ids; none removes the field.
    SetSources {
        link: usize,
        ids: Vec<String>,
    },
    /// A new link, with no targets and agreement "all", placed in the file's order
    /// ([`check_add`] says where, or why not).
    AddLink {
        action_line: String,
        sdg: u8,
    },
    RemoveLink(usize),
}

/// Why an edit was not made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MatrixEditError {
    /// The text is not a JSON object with a `links` list.
    NotAMatrix,
    NoSuchLink(usize),
    UnknownActionLine(String),
    NotAnSdg(u8),
    /// The cell is linked already: the validator would refuse a second link (its index).
    AlreadyLinked(usize),
    Unchanged,
}

/// One link as the file has it (fields of the wrong type read as absent).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkRow {
    /// Index in the file's `links`.
    pub index: usize,
    pub action_line: String,
    /// As written (0 when not a number).
    pub sdg: i64,
    pub targets: Vec<String>,
    pub rationale: Option<String>,
    /// `all`, `majority` or whatever else the file says.
    pub agreement: String,
    pub sources: Vec<String>,
}

/// The keys of a link in the order `cargo xtask gen-data` writes them; a key the link does
/// not have yet goes in its place in this order.
const LINK_KEYS: [&str; 9] = [
    "action_line",
    "sdg",
    "targets",
    "rationale",
    "note",
    "agreement",
    "agreement_note",
    "encodings",
    "sources",
];

fn strings(value: Option<&Value>) -> Vec<String> {
    let Some(Value::Array(list)) = value else { return Vec::new() };
    list.iter().filter_map(Value::as_str).map(str::to_owned).collect()
}

/// Every link of the matrix file's text, in the file's order.
pub fn links_of(text: &str) -> Vec<LinkRow> {
    let Ok(doc) = serde_json::from_str::<Value>(text) else { return Vec::new() };
    let Some(Value::Array(links)) = doc.get("links") else { return Vec::new() };
    links
        .iter()
        .enumerate()
        .map(|(index, link)| {
            let text = |key: &str| link.get(key).and_then(Value::as_str).map(str::to_owned);
            LinkRow {
                index,
                action_line: text("action_line").unwrap_or_default(),
                sdg: link.get("sdg").and_then(Value::as_i64).unwrap_or(0),
                targets: strings(link.get("targets")),
                rationale: text("rationale"),
                agreement: text("agreement").unwrap_or_default(),
                sources: strings(link.get("sources")),
            }
        })
        .collect()
}

/// What targets may be cited: every whole goal and every target, goal by goal (`"9"`, `"9.1"`
/// … `"9.5"`, `"9.a"` … `"9.c"`, then `"10"`): the ids the validator accepts.
pub fn target_choices() -> Vec<&'static str> {
    // Numbered targets before lettered ones, by number; then letters in order.
    let rank = |id: &str| -> (u8, u8, u32) {
        let goal = goal_of_target(id).map_or(0, Sdg::number);
        match id.split_once('.') {
            None => (goal, 0, 0),
            Some((_, tail)) => match tail.parse::<u32>() {
                Ok(n) => (goal, 1, n),
                Err(_) => (goal, 2, tail.chars().next().map_or(0, u32::from)),
            },
        }
    };
    let goals = Sdg::all().filter_map(|g| GOAL_IDS.get(g.index()).copied());
    let mut all: Vec<&'static str> = goals.chain(TARGET_IDS.iter().copied()).collect();
    all.sort_by_key(|id| rank(id));
    all
}

const GOAL_IDS: [&str; Sdg::COUNT] =
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"];

/// The place in the file's order for a new link of `action_line` × `sdg` (after every link
/// of an earlier row, or of the same row and a lower SDG: how gen-data orders them), or why
/// it cannot be added. A second link of a cell (same Action Line id and SDG number) is what
/// the validator refuses as a duplicate; it is refused here even when the first one has other
/// faults (which keep the validator from placing it yet).
pub fn check_add(text: &str, action_line: &str, sdg: u8) -> Result<usize, MatrixEditError> {
    let row = ActionLineId::parse(action_line)
        .ok_or_else(|| MatrixEditError::UnknownActionLine(action_line.to_owned()))?;
    let goal = Sdg::new(i64::from(sdg)).ok_or(MatrixEditError::NotAnSdg(sdg))?;
    let links = links_of(text);
    if let Some(same) = links.iter().find(|l| l.action_line == action_line && l.sdg == i64::from(sdg)) {
        return Err(MatrixEditError::AlreadyLinked(same.index));
    }
    let key = (row.row(), i64::from(goal.number()));
    Ok(links
        .iter()
        .position(|l| ActionLineId::parse(&l.action_line).is_some_and(|r| (r.row(), l.sdg) > key))
        .unwrap_or(links.len()))
}

fn parse(text: &str) -> Result<Map<String, Value>, MatrixEditError> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(doc)) if doc.get("links").is_some_and(Value::is_array) => Ok(doc),
        _ => Err(MatrixEditError::NotAMatrix),
    }
}

fn insert_link(text: &str, at: usize, action_line: &str, sdg: Sdg) -> Result<String, MatrixEditError> {
    let mut doc = parse(text)?;
    let Some(Value::Array(links)) = doc.get_mut("links") else { return Err(MatrixEditError::NotAMatrix) };
    let mut link = Map::new();
    link.insert("action_line".into(), action_line.into());
    link.insert("sdg".into(), sdg.number().into());
    link.insert("targets".into(), Value::Array(Vec::new()));
    link.insert("agreement".into(), Agreement::All.code().into());
    links.insert(at.min(links.len()), Value::Object(link));
    Ok(write_json(&Value::Object(doc)))
}

/// Sets `key` (or removes it, for `None`), a new key in its place in [`LINK_KEYS`]' order.
fn set_field(link: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    let Some(value) = value else {
        // `shift_remove`: the plain `remove` of an ordered map moves the last key into the gap.
        link.shift_remove(key);
        return;
    };
    if let Some(slot) = link.get_mut(key) {
        *slot = value;
        return;
    }
    let rank = |k: &str| LINK_KEYS.iter().position(|known| *known == k).unwrap_or(LINK_KEYS.len());
    let at = link.keys().position(|k| rank(k) > rank(key)).unwrap_or(link.len());
    link.shift_insert(at, key.to_owned(), value);
}

fn string_list(items: &[String]) -> Value {
    Value::Array(items.iter().map(|s| Value::String(s.clone())).collect())
}

/// The matrix file's text with `edit` applied.
pub fn apply(text: &str, edit: &MatrixEdit) -> Result<String, MatrixEditError> {
    if let MatrixEdit::AddLink { action_line, sdg } = edit {
        let at = check_add(text, action_line, *sdg)?;
        let goal = Sdg::new(i64::from(*sdg)).ok_or(MatrixEditError::NotAnSdg(*sdg))?;
        return insert_link(text, at, action_line, goal);
    }
    let mut doc = parse(text)?;
    let Some(Value::Array(links)) = doc.get_mut("links") else { return Err(MatrixEditError::NotAMatrix) };
    let index = match edit {
        MatrixEdit::SetTargets { link, .. }
        | MatrixEdit::SetRationale { link, .. }
        | MatrixEdit::SetAgreement { link, .. }
        | MatrixEdit::SetSources { link, .. }
        | MatrixEdit::RemoveLink(link) => *link,
        MatrixEdit::AddLink { .. } => return Err(MatrixEditError::Unchanged),
    };
    if let MatrixEdit::RemoveLink(_) = edit {
        if index >= links.len() {
            return Err(MatrixEditError::NoSuchLink(index));
        }
        links.remove(index);
        return Ok(write_json(&Value::Object(doc)));
    }
    let Some(Value::Object(link)) = links.get_mut(index) else {
        return Err(MatrixEditError::NoSuchLink(index));
    };
    let before = link.clone();
    match edit {
        MatrixEdit::SetTargets { targets, .. } => set_field(link, "targets", Some(string_list(targets))),
        MatrixEdit::SetRationale { text, .. } => {
            let text = text.trim();
            set_field(link, "rationale", (!text.is_empty()).then(|| text.into()));
        }
        MatrixEdit::SetAgreement { agreement, .. } => {
            set_field(link, "agreement", Some(agreement.code().into()))
        }
        MatrixEdit::SetSources { ids, .. } => {
            set_field(link, "sources", (!ids.is_empty()).then(|| string_list(ids)))
        }
        MatrixEdit::AddLink { .. } | MatrixEdit::RemoveLink(_) => {}
    }
    if *link == before {
        return Err(MatrixEditError::Unchanged);
    }
    Ok(write_json(&Value::Object(doc)))
}

/// Which field of the link form a problem's JSON path is in (`links[12].targets[0]` → link 12,
/// its targets), so the desk can open the link and focus the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkField {
    /// The link as a whole (a duplicate cell), or a field the form does not edit (its Action
    /// Line or SDG, its encodings).
    Link,
    /// The targets, and which one when the path says.
    Targets(Option<usize>),
    Rationale,
    Agreement,
    Sources,
}

pub fn link_field(path: &str) -> Option<(usize, LinkField)> {
    let rest = path.strip_prefix("links[")?;
    let (index, rest) = rest.split_once(']')?;
    let index: usize = index.parse().ok()?;
    let field = rest.strip_prefix('.').map(|f| f.split(['.', '[']).next().unwrap_or(f));
    let item = rest.split_once('[').and_then(|(_, i)| i.strip_suffix(']')?.parse().ok());
    let field = match field {
        Some("targets") => LinkField::Targets(item),
        Some("rationale") => LinkField::Rationale,
        Some("agreement" | "agreement_note") => LinkField::Agreement,
        Some("sources") => LinkField::Sources,
        _ => LinkField::Link,
    };
    Some((index, field))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::desk::sources::{id_for, sources_of};
    use crate::model::desk::{apply as apply_edit, problems, Edit, History, Snapshot, SourceEdit, Spot};
    use crate::model::file_kind::FileKind;
    use crate::model::matrix::Matrix;

    const MATRIX: &str = include_str!("../../../data/matrix.json");

    fn opened() -> Snapshot {
        apply_edit(
            &Snapshot::default(),
            &Edit::Open { kind: FileKind::Matrix, name: "matrix.json".into(), text: MATRIX.into() },
        )
        .unwrap()
    }

    fn text(s: &Snapshot) -> &str {
        &s.matrix.as_ref().unwrap().text
    }

    #[test]
    fn the_bundled_file_reads_and_is_the_writers_text() {
        let links = links_of(MATRIX);
        assert_eq!(links.len(), 123);
        assert_eq!(links[1].action_line, "C1");
        assert_eq!(links[1].targets, ["3.8", "3.d"]);
        assert_eq!(links[1].agreement, "all");
        let doc: Value = serde_json::from_str(MATRIX).unwrap();
        assert_eq!(write_json(&doc), MATRIX);
    }

    #[test]
    fn target_choices_are_every_goal_and_target_in_reading_order() {
        let all = target_choices();
        assert_eq!(all.len(), 17 + 169);
        assert_eq!(&all[..3], ["1", "1.1", "1.2"]);
        let eight: Vec<&str> = all.iter().copied().filter(|t| goal_of_target(t) == Sdg::new(8)).collect();
        assert_eq!(eight[..3], ["8", "8.1", "8.2"]);
        assert_eq!(eight[9..], ["8.9", "8.10", "8.a", "8.b"]);
        assert!(all.iter().all(|t| crate::model::sdg::is_target_or_goal(t)));
    }

    #[test]
    fn a_fields_edit_changes_only_that_field_and_undo_gives_the_bytes_back() {
        let s = opened();
        let mut h = History::new(s.clone());
        for edit in [
            MatrixEdit::SetTargets { link: 1, targets: vec!["3.8".into(), "3.d".into(), "9.c".into()] },
            MatrixEdit::SetRationale { link: 1, text: " New gist ".into() },
            MatrixEdit::SetAgreement { link: 1, agreement: Agreement::Majority },
        ] {
            h = h.edit(&Edit::Matrix(edit));
        }
        let edited = links_of(text(h.now())).remove(1);
        assert_eq!(edited.targets, ["3.8", "3.d", "9.c"]);
        assert_eq!(edited.rationale.as_deref(), Some("New gist"));
        assert_eq!(edited.agreement, "majority");
        assert_eq!(problems(h.now()), []);
        let m = Matrix::from_json("m", text(h.now())).unwrap();
        assert_eq!(m.links[1].agreement, Agreement::Majority);
        // Every other link as it was.
        let (a, b): (Value, Value) =
            (serde_json::from_str(MATRIX).unwrap(), serde_json::from_str(text(h.now())).unwrap());
        assert_eq!(a["links"][0], b["links"][0]);
        assert_eq!(a["links"].as_array().unwrap()[2..], b["links"].as_array().unwrap()[2..]);
        let back = h.undo().undo().undo();
        assert_eq!(text(back.now()), MATRIX);
        // No change, no step.
        let same =
            Edit::Matrix(MatrixEdit::SetTargets { link: 1, targets: vec!["3.8".into(), "3.d".into()] });
        assert_eq!(apply_edit(&s, &same), None);
        assert_eq!(
            apply_edit(&s, &Edit::Matrix(MatrixEdit::SetRationale { link: 999, text: "x".into() })),
            None
        );
    }

    #[test]
    fn a_blank_rationale_is_removed_and_a_new_one_goes_in_its_place() {
        let no_rationale = links_of(MATRIX).iter().position(|l| l.rationale.is_none()).unwrap();
        let out =
            apply(MATRIX, &MatrixEdit::SetRationale { link: no_rationale, text: "Why".into() }).unwrap();
        let doc: Value = serde_json::from_str(&out).unwrap();
        let keys: Vec<&String> = doc["links"][no_rationale].as_object().unwrap().keys().collect();
        assert_eq!(keys.iter().position(|k| *k == "rationale"), Some(3), "{keys:?}");
        let back = apply(&out, &MatrixEdit::SetRationale { link: no_rationale, text: "  ".into() }).unwrap();
        assert_eq!(back, MATRIX);
    }

    #[test]
    fn a_link_is_added_in_the_files_order_a_duplicate_refused_and_one_removed() {
        let links = links_of(MATRIX);
        let c2 = links.iter().filter(|l| l.action_line == "C2").map(|l| l.sdg).collect::<Vec<_>>();
        let missing = (1..=17).find(|n| !c2.contains(n)).unwrap() as u8;
        let at = check_add(MATRIX, "C2", missing).unwrap();
        let out = apply(MATRIX, &MatrixEdit::AddLink { action_line: "C2".into(), sdg: missing }).unwrap();
        let after = links_of(&out);
        assert_eq!(after.len(), 124);
        assert_eq!((after[at].action_line.as_str(), after[at].sdg), ("C2", i64::from(missing)));
        let order: Vec<(usize, i64)> =
            after.iter().map(|l| (ActionLineId::parse(&l.action_line).unwrap().row(), l.sdg)).collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "the file's order");
        assert!(Matrix::from_json("m", &out).is_ok());
        assert_eq!(check_add(&out, "C2", missing), Err(MatrixEditError::AlreadyLinked(at)));
        assert_eq!(check_add(MATRIX, "C1", 1), Err(MatrixEditError::AlreadyLinked(0)));
        assert_eq!(check_add(MATRIX, "C12", 1), Err(MatrixEditError::UnknownActionLine("C12".into())));
        assert_eq!(check_add(MATRIX, "C1", 18), Err(MatrixEditError::NotAnSdg(18)));
        assert_eq!(apply(&out, &MatrixEdit::RemoveLink(at)).unwrap(), MATRIX);
        assert_eq!(apply(MATRIX, &MatrixEdit::RemoveLink(123)), Err(MatrixEditError::NoSuchLink(123)));
        // C11 × 16 goes before the last link (C11 × 17); C1 × 2 second.
        let out = apply(MATRIX, &MatrixEdit::AddLink { action_line: "C11".into(), sdg: 16 }).unwrap();
        assert_eq!(links_of(&out)[122].sdg, 16);
        assert_eq!(check_add(MATRIX, "C1", 2), Ok(1));
    }

    #[test]
    fn a_source_added_once_is_cited_from_two_links_in_one_step_each() {
        let s = opened();
        let url = Some("https://www.itu.int/desk-source".to_owned());
        let id = id_for(text(&s), "Desk source", url.as_deref());
        let add = Edit::Source {
            kind: FileKind::Matrix,
            edit: SourceEdit::Add { title: "Desk source".into(), url },
        };
        let h = History::new(s);
        let h = h.edit(&Edit::Steps(vec![
            add.clone(),
            Edit::Matrix(MatrixEdit::SetSources { link: 0, ids: vec![id.clone()] }),
        ]));
        let h = h.edit(&Edit::Steps(vec![
            add,
            Edit::Matrix(MatrixEdit::SetSources { link: 5, ids: vec![id.clone()] }),
        ]));
        let out = text(h.now());
        assert_eq!(sources_of(out).iter().filter(|s| s.id == id).count(), 1, "added once");
        let m = Matrix::from_json("m", out).unwrap();
        assert_eq!((m.links[0].sources.clone(), m.links[5].sources.clone()), (vec![id.clone()], vec![id]));
        assert_eq!(problems(h.now()), []);
        assert_eq!(text(h.undo().now()).matches("Desk source").count(), 1);
        assert_eq!(text(h.undo().undo().now()), MATRIX);
        // Citing none drops the field.
        let h = h.edit(&Edit::Matrix(MatrixEdit::SetSources { link: 0, ids: vec![] }));
        assert!(!serde_json::from_str::<Value>(text(h.now())).unwrap()["links"][0]
            .as_object()
            .unwrap()
            .contains_key("sources"));
    }

    #[test]
    fn a_problems_path_names_its_link_and_field() {
        assert_eq!(link_field("links[12].targets[0]"), Some((12, LinkField::Targets(Some(0)))));
        assert_eq!(link_field("links[3].rationale"), Some((3, LinkField::Rationale)));
        assert_eq!(link_field("links[3].sources[1]"), Some((3, LinkField::Sources)));
        assert_eq!(link_field("links[7]"), Some((7, LinkField::Link)));
        assert_eq!(link_field("links[7].sdg"), Some((7, LinkField::Link)));
        assert_eq!(link_field("sources[0].url"), None);
        let bad = MATRIX.replacen("\"3.d\"", "\"3.z\"", 1);
        let s =
            apply_edit(&opened(), &Edit::Open { kind: FileKind::Matrix, name: "m.json".into(), text: bad })
                .unwrap();
        let found = problems(&s);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].spot, Spot::Path("links[1].targets[1]".into()));
        assert_eq!(link_field("links[1].targets[1]"), Some((1, LinkField::Targets(Some(1)))));
        assert_eq!(link_field("links[1].targets"), Some((1, LinkField::Targets(None))));
        // The link still reads, so it can be fixed.
        assert_eq!(links_of(text(&s))[1].targets, ["3.8", "3.z"]);
    }
}
