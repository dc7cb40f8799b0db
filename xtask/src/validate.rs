//! `cargo xtask validate FILE…`: the widgets' own validator, for the people who edit data.

use std::path::Path;

use wsis_sdg_widgets::model::forum::Forum;
use wsis_sdg_widgets::model::palette;
use wsis_sdg_widgets::model::pledges::Pledges;
use wsis_sdg_widgets::model::{self, ErrorKind, Errors, Lang, Matrix, SdgCatalog};

use crate::{root, Error, IoContext, Result};

/// Validates one file, picking the format from its name (`sdg-<lang>.json`, `…pledges….json`,
/// else a matrix);
/// returns every fault found.
pub fn validate_file(path: &Path) -> std::result::Result<(), Errors> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| Errors::one(model::Error::new(&file, "", ErrorKind::Unreadable(e.to_string()))))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if let Some(code) = name.strip_prefix("sdg-").and_then(|n| n.strip_suffix(".json")) {
        let Some(lang) = Lang::from_tag(code) else {
            return Err(Errors::one(model::Error::new(&file, "", ErrorKind::UnknownLanguage(code.into()))));
        };
        SdgCatalog::from_json_all_errors(&file, &text, lang).map(|_| ())
    } else if name.contains("forum") {
        Forum::from_json_all_errors(&file, &text).map(|_| ())
    } else if name.contains("pledges") {
        Pledges::from_json_all_errors(&file, &text).map(|_| ())
    } else {
        Matrix::from_json_all_errors(&file, &text).map(|_| ())
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
}
