//! `cargo xtask validate FILE…`: the widgets' own validator, for the people who edit data.

use std::path::Path;

use wsis_sdg_widgets::model::forum::Forum;
use wsis_sdg_widgets::model::input::{parse_json, text_of};
use wsis_sdg_widgets::model::palette;
use wsis_sdg_widgets::model::pledges::Pledges;
use wsis_sdg_widgets::model::{self, ErrorKind, Errors, Lang, Matrix, SdgCatalog};

use crate::{root, Error, IoContext, Result};

/// The kinds of data file, told apart by the fields only each has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Matrix,
    Forum,
    Pledges,
    SdgTexts(Lang),
}

/// What kind of file `text` is, from its content (a renamed or oddly named file is still
/// checked as what it is); when the content does not tell (a key field missing), from the
/// name: `sdg-<lang>.json`, `…forum….json`, `…pledges….json`, else a matrix.
pub fn kind_of(file: &str, text: &str) -> std::result::Result<FileKind, model::Error> {
    match kind_from_content(file, text) {
        Err(err) if matches!(err.kind(), ErrorKind::WrongShape(_)) && err.path().is_empty() => {
            kind_from_name(file).ok_or(err)
        }
        other => other,
    }
}

fn kind_from_name(file: &str) -> Option<FileKind> {
    let name = Path::new(file).file_name().and_then(|n| n.to_str()).unwrap_or("");
    if let Some(code) = name.strip_prefix("sdg-").and_then(|n| n.strip_suffix(".json")) {
        return Lang::from_tag(code).map(FileKind::SdgTexts);
    }
    let kind = if name.contains("forum") {
        FileKind::Forum
    } else if name.contains("pledges") {
        FileKind::Pledges
    } else if name.contains("matrix") {
        FileKind::Matrix
    } else {
        return None;
    };
    Some(kind)
}

fn kind_from_content(file: &str, text: &str) -> std::result::Result<FileKind, model::Error> {
    let fields: serde_json::Map<String, serde_json::Value> = parse_json(file, text)?;
    let has = |key: &str| fields.contains_key(key);
    if has("goals") || has("targets") {
        let Some(code) = fields.get("lang").and_then(|l| l.as_str()) else {
            // No language: the validator says the field is missing; the name may say which.
            let lang = match kind_from_name(file) {
                Some(FileKind::SdgTexts(lang)) => lang,
                _ => Lang::En,
            };
            return Ok(FileKind::SdgTexts(lang));
        };
        return Lang::from_tag(code)
            .map(FileKind::SdgTexts)
            .ok_or_else(|| model::Error::new(file, "lang", ErrorKind::UnknownLanguage(code.into())));
    }
    let kind = if has("links") || has("action_lines") {
        FileKind::Matrix
    } else if has("sessions") {
        FileKind::Forum
    } else if has("milestones") || has("goal") {
        FileKind::Pledges
    } else {
        let reason = "not a data file of this project: it has none of links (matrix), sessions \
                      (forum), milestones (pledges) or goals (SDG texts)";
        return Err(model::Error::new(file, "", ErrorKind::WrongShape(reason.into())));
    };
    Ok(kind)
}

/// Validates one file as the kind its content says; returns every fault found.
pub fn validate_file(path: &Path) -> std::result::Result<(), Errors> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| Errors::one(model::Error::new(&file, "", ErrorKind::Unreadable(e.to_string()))))?;
    let text = text_of(&file, &bytes)?;
    match kind_of(&file, text)? {
        FileKind::SdgTexts(lang) => SdgCatalog::from_json_all_errors(&file, text, lang).map(drop),
        FileKind::Forum => Forum::from_json_all_errors(&file, text).map(drop),
        FileKind::Pledges => Pledges::from_json_all_errors(&file, text).map(drop),
        FileKind::Matrix => Matrix::from_json_all_errors(&file, text).map(drop),
    }
}

pub fn command(files: &[String]) -> Result {
    if files.is_empty() {
        return Err(Error::usage("usage: cargo xtask validate FILE..."));
    }
    let mut failed = 0;
    for file in files {
        match validate_file(Path::new(file)) {
            Ok(()) => println!("ok    {file}"),
            Err(errors) => {
                failed += 1;
                for err in errors.iter() {
                    println!("error {err}");
                }
            }
        }
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(Error::invalid(vec![format!("{failed} of {} files are invalid", files.len())]))
    }
}

/// The bundled files must always validate.
pub fn validate_bundled() -> Result {
    let data = root().join("data");
    let mut files = vec![
        data.join("matrix.json").display().to_string(),
        data.join("p2c-pledges.json").display().to_string(),
        data.join("forum-outcomes.json").display().to_string(),
    ];
    for lang in Lang::ALL {
        files.push(data.join(format!("sdg/sdg-{}.json", lang.code())).display().to_string());
    }
    command(&files)?;
    sdg_colours_match_the_palette(&data)
}

/// The widgets draw SDG colours from `model::palette`; the bundled texts files must say the same.
fn sdg_colours_match_the_palette(data: &Path) -> Result {
    for lang in Lang::ALL {
        let path = data.join(format!("sdg/sdg-{}.json", lang.code()));
        let text = std::fs::read_to_string(&path).at(&path)?;
        let catalog = SdgCatalog::from_json(&path.display().to_string(), &text, lang)?;
        for goal in catalog.goals() {
            let expected = palette::sdg_colour(goal.sdg);
            if !goal.colour.eq_ignore_ascii_case(expected) {
                return Err(Error::check(format!(
                    "{}: goal {} has colour {}, the widgets' palette (src/model/palette.rs) {expected}",
                    path.display(),
                    goal.sdg,
                    goal.colour
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_every_error_with_file_and_path_and_fails() {
        let dir = std::env::temp_dir().join(format!("wsis-validate-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = std::fs::read_to_string(root().join("data/matrix.json")).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&good).unwrap();
        doc["links"][17]["sdg"] = 18.into();
        doc["links"][3]["action_line"] = "C12".into();
        let bad = dir.join("matrix.json");
        std::fs::write(&bad, serde_json::to_string(&doc).unwrap()).unwrap();
        let errors = validate_file(&bad).unwrap_err();
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        let file = bad.display().to_string();
        assert!(
            lines.contains(&format!("{file}: links[3].action_line: \"C12\" is not a WSIS Action Line id"))
        );
        assert!(lines.contains(&format!("{file}: links[17].sdg: 18 is not an SDG (1–17)")));
        assert!(command(std::slice::from_ref(&file)).is_err());
        assert!(validate_bundled().is_ok());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_kind_comes_from_the_content_not_the_name() {
        let dir = std::env::temp_dir().join(format!("wsis-kind-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (source, kind) in [
            ("data/matrix.json", FileKind::Matrix),
            ("data/forum-outcomes.json", FileKind::Forum),
            ("data/p2c-pledges.json", FileKind::Pledges),
            ("data/sdg/sdg-fr.json", FileKind::SdgTexts(Lang::Fr)),
        ] {
            let text = std::fs::read_to_string(root().join(source)).unwrap();
            assert_eq!(kind_of("x", &text).unwrap(), kind, "{source}");
            let renamed = dir.join("export (2).json");
            std::fs::write(&renamed, &text).unwrap();
            assert!(validate_file(&renamed).is_ok(), "{source} as {}", renamed.display());
        }
        let other = kind_of("x.json", r#"{"rows":[]}"#).unwrap_err();
        assert!(other.to_string().starts_with("x.json: not a data file of this project"), "{other}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
