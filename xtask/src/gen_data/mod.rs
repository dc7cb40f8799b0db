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

mod facts;
mod matrix;
mod out;
mod sdg;
mod tables;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::{Error, IoContext, Result};
use facts::*;
use matrix::*;
use out::*;
use sdg::*;
use tables::*;

pub(super) fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).at(path)
}

pub(super) fn pretty<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value).map(|s| s + "\n").map_err(|e| Error::check(e.to_string()))
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
    use serde_json::Value;
    use wsis_sdg_widgets::model::sdg::is_target_or_goal;

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

    /// The text from the heading `start` up to the next `end` after it (empty if `start` is missing).
    fn between(facts: &str, start: &str, end: &str) -> String {
        let Some(from) = facts.find(start) else { return String::new() };
        let rest = facts.get(from..).unwrap_or("");
        rest.get(..rest.find(end).unwrap_or(rest.len())).unwrap_or("").to_owned()
    }

    /// §3.3 "Totals over time" and the new totals of "Added 2026-12".
    fn section_3_3(facts: &str) -> String {
        between(facts, "### 3.3", "### 3.4")
            + &between(facts, "### P2C: New totals and milestones", "### P2C: New breakdown")
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

    /// Every source a data file lists is one of data-facts: a §4 row with the same first URL and
    /// a title starting with its Type, or (a source that section "Added 2026-12" gives without a
    /// tag) one whose URL that section names.
    fn check_sources(facts: &str, data: &Value, file: &str) {
        let list = between(facts, "## 4. Source list (\"mirror\"", "## 5. Short report");
        let added = between(facts, "## Added 2026-12", "\u{0}");
        assert!(!list.is_empty() && !added.is_empty(), "data-facts.md: no §4 or no 'Added 2026-12'");
        for s in data["sources"].as_array().unwrap() {
            let id = s["id"].as_str().unwrap();
            let title = s["title"].as_str().unwrap();
            let url = s["url"].as_str();
            match super::facts::table_row(&list, id) {
                Some(row) => {
                    let address = row.get(1).copied().unwrap_or("");
                    let kind = row.get(2).copied().unwrap_or("");
                    assert_eq!(super::facts::first_url(address), url, "{file}: {id} is not the source of §4");
                    assert!(title.starts_with(kind), "{file}: the title of {id} should start with {kind:?}");
                }
                None => {
                    let url = url.unwrap_or_else(|| panic!("{file}: {id} is not in §4 and has no URL"));
                    assert!(
                        added.contains(url),
                        "{file}: {id} ({url}) is neither in §4 nor in 'Added 2026-12'"
                    );
                    assert!(!title.trim().is_empty());
                }
            }
        }
    }

    #[test]
    fn every_bundled_source_is_in_the_facts() {
        let Some(facts) = facts() else {
            eprintln!("../shared/reference not found: skipping");
            return;
        };
        for file in ["data/p2c-pledges.json", "data/forum-outcomes.json"] {
            let data: Value =
                serde_json::from_str(&std::fs::read_to_string(crate::root().join(file)).unwrap()).unwrap();
            check_sources(&facts, &data, file);
        }
    }
}

/// The forum years' figures (hand-maintained; `import-forum` writes only the sessions) against
/// §2.4 and the forum figures of "Added 2026-12".
#[cfg(test)]
mod forum_facts {
    use serde_json::Value;

    fn facts() -> Option<String> {
        std::fs::read_to_string(crate::root().join("../shared/reference/data-facts.md")).ok()
    }

    /// The table rows of `text` whose first cell is `year`, joined.
    fn rows_of(text: &str, year: &str) -> String {
        super::facts::table_rows(text)
            .filter(|cells| cells.first() == Some(&year))
            .map(|cells| cells.join(" | "))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// How the facts write `n` ("2,500" or "2500") with what its qualifier means ("more than":
    /// ">2,500", "over 2,500", "2,500+"; "about": "~2,500"; exact: the number alone).
    fn written(n: f64, qualifier: Option<&str>) -> Vec<String> {
        let plain = format!("{n}");
        let mut numbers = vec![plain.clone()];
        if plain.len() > 3 && !plain.contains('.') {
            let digits: Vec<char> = plain.chars().collect();
            let mut grouped = String::new();
            for (i, c) in digits.iter().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    grouped.push(',');
                }
                grouped.push(*c);
            }
            numbers.push(grouped);
        }
        numbers
            .iter()
            .flat_map(|n| match qualifier {
                Some("over") => {
                    vec![format!(">{n}"), format!("over {n}"), format!("more than {n}"), format!("{n}+")]
                }
                Some("about") => vec![format!("~{n}"), format!("about {n}")],
                _ => vec![n.clone()],
            })
            .collect()
    }

    /// Whether the `len` bytes at `at` of `hay` are a number of their own, not part of a longer one.
    fn stands_alone(hay: &str, at: usize, len: usize) -> bool {
        let before = hay.get(..at).and_then(|s| s.chars().next_back());
        let mut after = hay.get(at + len..).unwrap_or("").chars();
        let (next, then) = (after.next(), after.next());
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        let joined_before = digit(before) || matches!(before, Some(',' | '.'));
        let joined_after = digit(next) || (matches!(next, Some(',' | '.')) && digit(then));
        !joined_before && !joined_after
    }

    /// Whether `needle` stands in `hay` as a number of its own.
    fn has_number(hay: &str, needle: &str) -> bool {
        hay.match_indices(needle).any(|(at, _)| stands_alone(hay, at, needle.len()))
    }

    /// Whether `number` stands in `hay` without "more than", "about" or the like in front or a
    /// "+" behind: how the facts write an exact figure.
    fn has_exact(hay: &str, number: &str) -> bool {
        hay.match_indices(number).any(|(at, _)| {
            let head = hay.get(..at).unwrap_or("").to_lowercase();
            let qualified = ["~", ">", "over ", "more than ", "about ", "nearly ", "almost "]
                .iter()
                .any(|q| head.ends_with(q));
            let plus = hay.get(at + number.len()..).is_some_and(|rest| rest.starts_with('+'));
            stands_alone(hay, at, number.len()) && !qualified && !plus
        })
    }

    #[test]
    fn every_bundled_year_figure_is_in_the_facts() {
        let Some(facts) = facts() else {
            eprintln!("../shared/reference not found: skipping");
            return;
        };
        let start = facts.find("### 2.4").unwrap();
        let rest = &facts[start..];
        let table_2_4 = &rest[..rest.find("\n---").unwrap()];
        let start = facts.find("### WSIS Forum: Yearly headline figures").unwrap();
        let rest = &facts[start..];
        let added = &rest[..rest.find("\n### ").unwrap()];
        let data: Value = serde_json::from_str(
            &std::fs::read_to_string(crate::root().join("data/forum-outcomes.json")).unwrap(),
        )
        .unwrap();
        let mut checked = 0;
        for y in data["years"].as_array().unwrap() {
            let year = y["year"].as_u64().unwrap().to_string();
            let rows = rows_of(table_2_4, &year) + "\n" + &rows_of(added, &year);
            for f in y["figures"].as_array().unwrap() {
                let name = f["name"].as_str().unwrap();
                assert!(
                    ["sessions", "participants", "countries"].contains(&name),
                    "{year}: the widgets have no label for a figure {name:?}"
                );
                let value = f["value"].as_f64().unwrap();
                let qualifier = f["qualifier"].as_str();
                let forms = written(value, qualifier);
                let found =
                    |w: &String| if qualifier.is_none() { has_exact(&rows, w) } else { has_number(&rows, w) };
                assert!(
                    forms.iter().any(found),
                    "{year} {name} {value} ({:?}) is not in §2.4 or 'Added 2026-12' as {forms:?}",
                    f["qualifier"]
                );
                checked += 1;
            }
        }
        assert!(checked > 0, "no year figures checked");
    }

    #[test]
    fn numbers_are_matched_whole() {
        assert!(has_number("| 2018 | >2,500 from 150 countries |", ">2,500"));
        assert!(!has_number("| 2018 | >12,500 |", "2,500"));
        assert!(!has_number("| 2018 | 2,5000 |", "2,500"));
        assert!(has_number("160+ (ITU press release)", "160+"));
        assert_eq!(written(2500.0, Some("over"))[4], ">2,500");
        assert!(has_exact("| 2023 | ~250 sessions | 150 countries |", "150"));
        assert!(!has_exact("| 2017 | >200 workshops | over 150 |", "200"));
        assert!(!has_exact("| 2017 | >200 workshops | over 150 |", "150"));
        assert!(!has_exact("160+ (ITU)", "160"));
    }
}
