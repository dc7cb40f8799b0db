//! One string table per language for everything the widgets say themselves.
//!
//! Data (Action Line titles, SDG and target texts, rationales) never comes from here: it
//! comes from the data files, in the languages they have.

use crate::model::Lang;
use crate::ui::format::{integer, plural, PluralCategory};

mod ar;
pub mod desk;
pub mod desk_forum;
pub mod desk_matrix;
pub mod desk_problems;
pub mod desk_snippet;
pub mod desk_sources;
mod en;
mod es;
mod fr;
mod ru;
mod zh;

// The desk's announce form: a slice's own table, apart from `desk`.
pub mod desk_pledges;

use ar::{AR, A_AR, F_AR, P_AR};
use en::{A_EN, EN, F_EN, P_EN};
use es::{A_ES, ES, F_ES, P_ES};
use fr::{A_FR, FR, F_FR, P_FR};
use ru::{A_RU, F_RU, P_RU, RU};
use zh::{A_ZH, F_ZH, P_ZH, ZH};

/// A text in the plural forms its language has (CLDR categories, as `Intl.PluralRules` names
/// them). A language gives the forms it uses; `other` stands in for the rest.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Plural {
    pub zero: Option<&'static str>,
    pub one: Option<&'static str>,
    pub two: Option<&'static str>,
    pub few: Option<&'static str>,
    pub many: Option<&'static str>,
    pub other: &'static str,
}

impl Plural {
    /// One form for every count (Chinese).
    pub const fn invariable(other: &'static str) -> Plural {
        Plural { zero: None, one: None, two: None, few: None, many: None, other }
    }

    /// The form for the count `n` in `lang`.
    pub fn pick(&self, lang: Lang, n: f64) -> &'static str {
        let form = match plural(lang, n) {
            PluralCategory::Zero => self.zero,
            PluralCategory::One => self.one,
            PluralCategory::Two => self.two,
            PluralCategory::Few => self.few,
            PluralCategory::Many => self.many,
            PluralCategory::Other => None,
        };
        form.unwrap_or(self.other)
    }
}

/// The interface strings of one language.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Strings {
    pub matrix_title: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub error_heading: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub action_line: &'static str,
    pub all_action_lines: &'static str,
    pub group_all: &'static str,
    pub sdg: &'static str,
    pub all_sdgs: &'static str,
    pub facilitator: &'static str,
    pub all_facilitators: &'static str,
    pub target: &'static str,
    pub all_targets: &'static str,
    pub view: &'static str,
    pub view_action_lines_by_sdgs: &'static str,
    pub view_sdgs_by_action_lines: &'static str,
    pub language: &'static str,
    pub reset: &'static str,
    /// The button of a narrow toolbar that shows and hides its filters, when none is set.
    filters: &'static str,
    /// The same with `{n}` filters set, in the form `{n}` asks for.
    filters_active: Plural,
    /// The note of a pre-rendered widget when scripting is off.
    pub static_no_script: &'static str,
    /// The note of a pre-rendered widget whose module could not start.
    pub static_failed: &'static str,
    pub total: &'static str,
    pub linked: &'static str,
    pub not_linked: &'static str,
    pub filtered_out: &'static str,
    pub no_results: &'static str,
    pub close: &'static str,
    pub lead_facilitator: &'static str,
    pub co_facilitators: &'static str,
    pub targets: &'static str,
    pub whole_goal: &'static str,
    pub rationale: &'static str,
    pub no_rationale: &'static str,
    pub in_english_only: &'static str,
    pub sources: &'static str,
    pub about_data: &'static str,
    pub compiled: &'static str,
    pub left_out: &'static str,
    pub sdg_texts: &'static str,
    pub english_fallback: &'static str,
    pub grid_help: &'static str,
    /// `{shown}` and `{total}` are replaced; the form follows `{total}` (the noun counts it).
    count_template: Plural,
    /// `{n}` is replaced with how many of the three source encodings have the cell.
    disputed_template: &'static str,
    /// `{n}` is replaced with the goal number.
    sdg_template: &'static str,
}

impl Strings {
    /// "34 of 123 links", the noun in the form `total` asks for.
    pub fn count(&self, lang: Lang, shown: usize, total: usize) -> String {
        (self.count_template.pick(lang, total as f64))
            .replace("{shown}", &integer(lang, shown))
            .replace("{total}", &integer(lang, total))
    }

    /// The note for a cell the sources do not all have.
    pub fn disputed(&self, encodings: &str) -> String {
        self.disputed_template.replace("{n}", encodings)
    }

    /// "Filters", or "Filters (2 active)" when some are set.
    pub fn filters_label(&self, lang: Lang, active: usize) -> String {
        if active == 0 {
            self.filters.to_owned()
        } else {
            self.filters_active.pick(lang, active as f64).replace("{n}", &integer(lang, active))
        }
    }

    /// "SDG 9".
    pub fn sdg_label(&self, number: &str) -> String {
        self.sdg_template.replace("{n}", number)
    }
}

/// The strings for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Ar => &AR,
        Lang::Zh => &ZH,
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::Ru => &RU,
        Lang::Es => &ES,
    }
}

/// Interface strings of the pledge widget. Templates use `{…}` placeholders.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct PledgeStrings {
    pub title: &'static str,
    pub error_heading: &'static str,
    pub total_pledged: &'static str,
    /// `{pct}`, `{goal}`, `{date}`.
    pub of_goal: &'static str,
    pub pledges: &'static str,
    pub entities: &'static str,
    pub countries: &'static str,
    /// `{date}`.
    pub as_of: &'static str,
    /// `{x}`.
    pub over: &'static str,
    /// `{x}`.
    pub about: &'static str,
    pub newest: &'static str,
    pub timeline: &'static str,
    /// The timeline's buttons that step from one milestone to the one before or after it.
    pub earlier: &'static str,
    pub later: &'static str,
    pub table: &'static str,
    pub date: &'static str,
    pub event: &'static str,
    pub goal: &'static str,
    pub breakdowns: &'static str,
    pub stakeholder: &'static str,
    pub pledge_type: &'static str,
    pub pledger_region: &'static str,
    pub implementation_region: &'static str,
    pub ldc: &'static str,
    /// `{n}`, in the form `n` asks for.
    pub n_pledges: Plural,
    /// `{time}`.
    pub stale: &'static str,
    /// `{total}`, `{amount}`, `{pledger}`, `{event}`.
    pub live_update: &'static str,
    pub not_included: &'static str,
    /// Where the currency code goes around a compact amount: `{x}` is "82.4 billion".
    pub usd: &'static str,
    /// `{year}`.
    pub sdg_ranking: &'static str,
    /// `{sdg}`, `{rank}`, `{year}`.
    pub sdg_ranked: &'static str,
    /// `{sdg}`, `{year}`.
    pub sdg_not_ranked: &'static str,
    pub ranking_only: &'static str,
}

pub fn pledge_strings(lang: Lang) -> &'static PledgeStrings {
    match lang {
        Lang::Ar => &P_AR,
        Lang::Zh => &P_ZH,
        Lang::En => &P_EN,
        Lang::Fr => &P_FR,
        Lang::Ru => &P_RU,
        Lang::Es => &P_ES,
    }
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in pairs {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Interface strings of the forum widget. Templates use `{…}` placeholders.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ForumStrings {
    pub title: &'static str,
    pub error_heading: &'static str,
    pub year: &'static str,
    pub all_years: &'static str,
    pub session_type: &'static str,
    pub all_types: &'static str,
    pub organiser: &'static str,
    pub all_organisers: &'static str,
    pub sdg_basis: &'static str,
    pub recorded: &'static str,
    pub recorded_and_via: &'static str,
    pub via_matrix: &'static str,
    /// How many of a heat-grid cell's sessions record the SDG themselves ("3 recorded").
    pub n_recorded: Plural,
    /// Under the heat grid when SDGs also count via the matrix: what the counts and ● mean.
    pub legend_via: &'static str,
    /// Under the heat grid when only recorded SDGs count.
    pub legend_recorded_only: &'static str,
    /// `{n}` of `{total}`, in the form `{total}` asks for.
    pub n_sessions: Plural,
    pub sort_date: &'static str,
    pub sort_title: &'static str,
    pub heat_grid: &'static str,
    pub sessions: &'static str,
    pub no_sessions: &'static str,
    pub open_page: &'static str,
    pub participants: &'static str,
    pub countries: &'static str,
    pub compare: &'static str,
    pub share: &'static str,
    /// `{n}` shown of `{total}`.
    pub show_more: &'static str,
}

pub fn forum_strings(lang: Lang) -> &'static ForumStrings {
    match lang {
        Lang::Ar => &F_AR,
        Lang::Zh => &F_ZH,
        Lang::En => &F_EN,
        Lang::Fr => &F_FR,
        Lang::Ru => &F_RU,
        Lang::Es => &F_ES,
    }
}

/// Strings of the copy-link, export and print buttons every widget has.
#[derive(Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ActionStrings {
    pub share_and_export: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    /// Shown with the link when the clipboard is not available.
    pub copy_this_link: &'static str,
    pub download: &'static str,
    pub print: &'static str,
    pub export_failed: &'static str,
}

pub fn action_strings(lang: Lang) -> &'static ActionStrings {
    match lang {
        Lang::Ar => &A_AR,
        Lang::Zh => &A_ZH,
        Lang::En => &A_EN,
        Lang::Fr => &A_FR,
        Lang::Ru => &A_RU,
        Lang::Es => &A_ES,
    }
}

/// Test support for the string tables kept apart from `Strings` (the desk's).
#[cfg(test)]
pub(crate) mod test_support {
    use super::Lang;
    use serde_json::Value;

    /// Every table of `tables` says something for every string and keeps each `{placeholder}`
    /// of its English text (of a plural, its `other` form).
    pub(crate) fn assert_same_placeholders<T: serde::Serialize + 'static>(tables: fn(Lang) -> &'static T) {
        let holders = |text: &str| -> Vec<String> {
            text.split('{')
                .skip(1)
                .filter_map(|h| h.split_once('}'))
                .map(|(h, _)| format!("{{{h}}}"))
                .collect()
        };
        let en = serde_json::to_value(tables(Lang::En)).unwrap();
        for lang in Lang::ALL {
            let table = serde_json::to_value(tables(lang)).unwrap();
            for (key, value) in en.as_object().unwrap() {
                let (english, text) = match (value, &table[key]) {
                    (Value::String(e), Value::String(t)) => (e.as_str(), t.as_str()),
                    (Value::Object(e), Value::Object(t)) => {
                        (e["other"].as_str().unwrap(), t["other"].as_str().unwrap())
                    }
                    other => panic!("{lang:?} {key}: {other:?}"),
                };
                assert!(!text.trim().is_empty(), "{lang:?} {key}");
                for holder in holders(english) {
                    assert!(text.contains(&holder), "{lang:?} {key}: {holder}");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}` placeholders of a template.
    fn placeholders(template: &str) -> std::collections::BTreeSet<String> {
        template
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}'))
            .map(|(name, _)| name.to_owned())
            .collect()
    }

    /// Every string of every table, as (table, field, language, text).
    fn every_string() -> Vec<(&'static str, String, Lang, String)> {
        let mut all = Vec::new();
        for lang in Lang::ALL {
            let tables = [
                ("Strings", serde_json::to_value(strings(lang))),
                ("PledgeStrings", serde_json::to_value(pledge_strings(lang))),
                ("ForumStrings", serde_json::to_value(forum_strings(lang))),
                ("ActionStrings", serde_json::to_value(action_strings(lang))),
            ];
            for (table, value) in tables {
                let value = value.unwrap();
                for (field, text) in value.as_object().unwrap() {
                    match text.as_object() {
                        // A `Plural`: each form it gives, compared with English's `other`.
                        Some(forms) => {
                            for (form, text) in forms.iter().filter(|(_, t)| !t.is_null()) {
                                all.push((
                                    table,
                                    format!("{field}.{form}"),
                                    lang,
                                    text.as_str().unwrap().to_owned(),
                                ));
                            }
                        }
                        None => all.push((table, field.clone(), lang, text.as_str().unwrap().to_owned())),
                    }
                }
            }
        }
        all
    }

    #[test]
    fn every_template_of_every_table_fills() {
        let all = every_string();
        assert!(all.len() > 6 * 100, "{} strings", all.len());
        for (table, field, lang, text) in &all {
            assert!(!text.trim().is_empty(), "{table}.{field} ({lang:?}) is empty");
            let base = field.split_once('.').map_or(field.clone(), |(base, _)| format!("{base}.other"));
            let english = all
                .iter()
                .find(|(t, f, l, _)| t == table && *f == base && *l == Lang::En)
                .map(|(_, _, _, text)| text.as_str())
                .unwrap();
            let names = placeholders(english);
            assert_eq!(placeholders(text), names, "{table}.{field} ({lang:?}): {text}");
            let pairs: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "7")).collect();
            let filled = fill(text, &pairs);
            assert!(!filled.contains('{') && !filled.contains('}'), "{table}.{field} ({lang:?}): {filled}");
        }
    }

    #[test]
    fn every_language_fills_its_templates() {
        for lang in Lang::ALL {
            let s = strings(lang);
            let count = s.count(lang, 34, 123);
            assert!(count.contains("34") && count.contains("123"), "{lang:?}: {count}");
            assert!(s.disputed("2").contains('2'));
            assert!(s.sdg_label("9").contains('9'));
        }
        assert_eq!(strings(Lang::En).count(Lang::En, 34, 123), "34 of 123 links");
        assert_eq!(strings(Lang::En).count(Lang::En, 1, 1), "1 of 1 link");
        assert_eq!(strings(Lang::En).filters_label(Lang::En, 0), "Filters");
        assert_eq!(strings(Lang::En).filters_label(Lang::En, 2), "Filters (2 active)");
        assert_eq!(strings(Lang::Fr).filters_label(Lang::Fr, 1), "Filtres (1 actif)");
        assert_eq!(strings(Lang::Fr).filters_label(Lang::Fr, 3), "Filtres (3 actifs)");
        for lang in Lang::ALL {
            let label = strings(lang).filters_label(lang, 4);
            assert!(label.starts_with(strings(lang).filters), "{lang:?}: {label}");
            assert!(!label.contains('{'), "{lang:?}: {label}");
        }
    }
}
