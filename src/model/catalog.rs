//! SDG goal and target titles in one language (`sdg-<lang>.json`).

#![warn(missing_docs)]

use std::collections::BTreeMap;

use serde::Deserialize;

use super::error::{Error, ErrorKind, Errors};
use super::input::parse_json;
use super::lang::Lang;
use super::sdg::{Sdg, TARGET_IDS};
use super::validate::{Checker, JsonPath};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    lang: String,
    source: String,
    licence: String,
    #[serde(default)]
    colour_source: Option<String>,
    goals: Vec<RawGoal>,
    targets: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGoal {
    sdg: i64,
    colour: String,
    short: String,
    title: String,
}

/// The 17 goals and 169 targets in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SdgCatalog {
    /// The language of every text in it (checked against the one asked for).
    pub lang: Lang,
    /// Where the texts come from (the UN's publication).
    pub source: String,
    /// The texts' licence or terms of use.
    pub licence: String,
    /// Where the goal colours come from, if the file says.
    pub colour_source: Option<String>,
    /// Indexed by [`Sdg::index`].
    goals: Vec<Goal>,
    targets: BTreeMap<String, String>,
}

/// One goal's colour and texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    /// Which goal.
    pub sdg: Sdg,
    /// `#RRGGBB`, the UN's colour for the goal.
    pub colour: String,
    /// The short name (`Quality education`).
    pub short: String,
    /// The goal's full title.
    pub title: String,
}

impl SdgCatalog {
    /// Parses and validates one language file; `expected` is the language it was fetched for.
    pub fn from_json(file: &str, text: &str, expected: Lang) -> Result<SdgCatalog, Error> {
        SdgCatalog::from_json_all_errors(file, text, expected).map_err(Errors::into_first)
    }

    /// Like [`SdgCatalog::from_json`], reporting every fault found.
    pub fn from_json_all_errors(file: &str, text: &str, expected: Lang) -> Result<SdgCatalog, Errors> {
        let raw: RawCatalog = parse_json(file, text)?;
        let mut check = Checker::new(file);
        let root = JsonPath::root();
        if Lang::from_tag(&raw.lang) != Some(expected) {
            let kind = ErrorKind::WrongLanguage { expected: expected.code().into(), found: raw.lang.clone() };
            check.fail(&root.field("lang"), kind);
        }
        let goals = check_goals(&mut check, &root.field("goals"), raw.goals);
        check_targets(&mut check, &root.field("targets"), &raw.targets);
        check.finish(Some(SdgCatalog {
            lang: expected,
            source: raw.source,
            licence: raw.licence,
            colour_source: raw.colour_source,
            goals,
            targets: raw.targets,
        }))
    }

    /// The goal `sdg`.
    pub fn goal(&self, sdg: Sdg) -> Option<&Goal> {
        self.goals.get(sdg.index())
    }

    /// The 17 goals in order.
    pub fn goals(&self) -> &[Goal] {
        &self.goals
    }

    /// Text of a target (`"9.c"`), or of a goal when the id is a goal number (`"9"`).
    pub fn target_text(&self, id: &str) -> Option<&str> {
        if let Some(text) = self.targets.get(id) {
            return Some(text);
        }
        let sdg = Sdg::new(id.parse().ok()?)?;
        self.goal(sdg).map(|g| g.title.as_str())
    }
}

/// All 17 goals, in order.
fn check_goals(check: &mut Checker, at: &JsonPath, raw: Vec<RawGoal>) -> Vec<Goal> {
    if raw.len() != Sdg::COUNT {
        check.fail(at, ErrorKind::WrongCount { expected: Sdg::COUNT, found: raw.len() });
        return Vec::new();
    }
    let mut goals = Vec::with_capacity(Sdg::COUNT);
    for ((i, goal), expected) in raw.into_iter().enumerate().zip(Sdg::all()) {
        let at = at.index(i);
        let Some(sdg) = check.sdg(&at.field("sdg"), goal.sdg) else { continue };
        if sdg != expected {
            check.fail(
                &at.field("sdg"),
                ErrorKind::GoalOutOfPlace { expected: expected.number(), found: sdg.number() },
            );
            continue;
        }
        if !is_hex_colour(&goal.colour) {
            check.fail(&at.field("colour"), ErrorKind::BadColour(goal.colour));
            continue;
        }
        if check.text(&at.field("short"), &goal.short) && check.text(&at.field("title"), &goal.title) {
            goals.push(Goal { sdg, colour: goal.colour, short: goal.short, title: goal.title });
        }
    }
    goals
}

/// All 169 targets, each with a text.
fn check_targets(check: &mut Checker, at: &JsonPath, targets: &BTreeMap<String, String>) {
    for (id, text) in targets {
        let at = at.field(id);
        if !TARGET_IDS.contains(&id.as_str()) {
            check.fail(&at, ErrorKind::UnknownTarget(id.clone()));
        } else {
            check.text(&at, text);
        }
    }
    if targets.len() != TARGET_IDS.len() {
        check.fail(at, ErrorKind::WrongCount { expected: TARGET_IDS.len(), found: targets.len() });
    }
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s.chars().skip(1).all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A complete, valid catalog with placeholder texts (`Goal 3`, `Target 3.d`).
    pub(crate) fn fixture(lang: &str) -> String {
        let goals: Vec<String> = (1..=17)
            .map(|n| format!(r##"{{"sdg":{n},"colour":"#E5243B","short":"Short {n}","title":"Goal {n}"}}"##))
            .collect();
        let targets: Vec<String> = TARGET_IDS.iter().map(|id| format!(r#""{id}":"Target {id}""#)).collect();
        format!(
            r#"{{"lang":"{lang}","source":"test","licence":"MIT","goals":[{}],"targets":{{{}}}}}"#,
            goals.join(","),
            targets.join(",")
        )
    }

    #[test]
    fn loads_and_resolves_targets_and_goal_ids() {
        let c = SdgCatalog::from_json("sdg-en.json", &fixture("en"), Lang::En).unwrap();
        assert_eq!(c.target_text("3.d"), Some("Target 3.d"));
        assert_eq!(c.target_text("9"), Some("Goal 9"));
        assert_eq!(c.target_text("9.z"), None);
        assert_eq!(c.goal(Sdg::new(17).unwrap()).unwrap().short, "Short 17");
    }

    #[test]
    fn wrong_language_file() {
        let err = SdgCatalog::from_json("sdg-fr.json", &fixture("en"), Lang::Fr).unwrap_err();
        assert_eq!(err.path(), "lang");
    }

    #[test]
    fn bad_colour_and_missing_target() {
        let text = fixture("en").replacen("#E5243B", "red", 1);
        let err = SdgCatalog::from_json("s.json", &text, Lang::En).unwrap_err();
        assert_eq!(err.to_string(), "s.json: goals[0].colour: \"red\" is not a #RRGGBB colour");
        let text = fixture("en").replace(r#""1.1":"Target 1.1","#, "");
        let err = SdgCatalog::from_json("s.json", &text, Lang::En).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::WrongCount { expected: 169, found: 168 });
    }
}
