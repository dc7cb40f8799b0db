//! `cargo xtask validate FILE…`: the widgets' own validator, for the people who edit data.

use std::path::Path;

pub use wsis_sdg_widgets::model::file_kind::{kind_of, FileKind};
use wsis_sdg_widgets::model::forum::Forum;
use wsis_sdg_widgets::model::input::text_of;
use wsis_sdg_widgets::model::palette;
use wsis_sdg_widgets::model::pledges::Pledges;
use wsis_sdg_widgets::model::{self, ErrorKind, Errors, Lang, Matrix, SdgCatalog};

use crate::{root, Error, IoContext, Result};

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
