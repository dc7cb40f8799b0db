//! SDG goal and target titles in one language (`sdg-<lang>.json`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::error::{parse_json, Error, ErrorKind};
use super::lang::Lang;
use super::sdg::{Sdg, TARGET_IDS};

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
    pub lang: Lang,
    pub source: String,
    pub licence: String,
    pub colour_source: Option<String>,
    /// Indexed by [`Sdg::index`].
    goals: Vec<Goal>,
    targets: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    pub sdg: Sdg,
    /// `#RRGGBB`, the UN's colour for the goal.
    pub colour: String,
    pub short: String,
    pub title: String,
}

impl SdgCatalog {
    /// Parses and validates one language file; `expected` is the language it was fetched for.
    pub fn from_json(file: &str, text: &str, expected: Lang) -> Result<SdgCatalog, Error> {
        let raw: RawCatalog = parse_json(file, text)?;
        if Lang::from_tag(&raw.lang) != Some(expected) {
            return Err(Error::new(
                file,
                "lang",
                ErrorKind::WrongLanguage { expected: expected.code().into(), found: raw.lang },
            ));
        }
        if raw.goals.len() != Sdg::COUNT {
            return Err(Error::new(
                file,
                "goals",
                ErrorKind::WrongCount { expected: Sdg::COUNT, found: raw.goals.len() },
            ));
        }
        let mut goals = Vec::with_capacity(Sdg::COUNT);
        for (i, (goal, expected_sdg)) in raw.goals.into_iter().zip(Sdg::all()).enumerate() {
            let path = format!("goals[{i}]");
            let sdg = Sdg::new(goal.sdg)
                .ok_or_else(|| Error::new(file, format!("{path}.sdg"), ErrorKind::SdgOutOfRange(goal.sdg)))?;
            if sdg != expected_sdg {
                return Err(Error::new(
                    file,
                    format!("{path}.sdg"),
                    ErrorKind::Json(format!("expected goal {expected_sdg} here, found {sdg}")),
                ));
            }
            if !is_hex_colour(&goal.colour) {
                return Err(Error::new(file, format!("{path}.colour"), ErrorKind::BadColour(goal.colour)));
            }
            for (field, text) in [("short", &goal.short), ("title", &goal.title)] {
                if text.trim().is_empty() {
                    return Err(Error::new(file, format!("{path}.{field}"), ErrorKind::EmptyText));
                }
            }
            goals.push(Goal { sdg, colour: goal.colour, short: goal.short, title: goal.title });
        }
        for (id, text) in &raw.targets {
            if !TARGET_IDS.contains(&id.as_str()) {
                return Err(Error::new(file, format!("targets.{id}"), ErrorKind::UnknownTarget(id.clone())));
            }
            if text.trim().is_empty() {
                return Err(Error::new(file, format!("targets.{id}"), ErrorKind::EmptyText));
            }
        }
        if raw.targets.len() != TARGET_IDS.len() {
            return Err(Error::new(
                file,
                "targets",
                ErrorKind::WrongCount { expected: TARGET_IDS.len(), found: raw.targets.len() },
            ));
        }
        Ok(SdgCatalog {
            lang: expected,
            source: raw.source,
            licence: raw.licence,
            colour_source: raw.colour_source,
            goals,
            targets: raw.targets,
        })
    }

    pub fn goal(&self, sdg: Sdg) -> Option<&Goal> {
        self.goals.get(sdg.index())
    }

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
        assert_eq!(err.path, "lang");
    }

    #[test]
    fn bad_colour_and_missing_target() {
        let text = fixture("en").replacen("#E5243B", "red", 1);
        let err = SdgCatalog::from_json("s.json", &text, Lang::En).unwrap_err();
        assert_eq!(err.to_string(), "s.json: goals[0].colour: \"red\" is not a #RRGGBB colour");
        let text = fixture("en").replace(r#""1.1":"Target 1.1","#, "");
        let err = SdgCatalog::from_json("s.json", &text, Lang::En).unwrap_err();
        assert_eq!(err.kind, ErrorKind::WrongCount { expected: 169, found: 168 });
    }
}
