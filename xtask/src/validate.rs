//! `cargo xtask validate FILE…`: the widgets' own validator, for the people who edit data.

use std::path::Path;

use wsis_sdg_widgets::model::{Error, Lang, Matrix, SdgCatalog};

use crate::{root, Result};

/// Validates one file, picking the format from its name (`sdg-<lang>.json` or a matrix).
pub fn validate_file(path: &Path) -> std::result::Result<(), Error> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::new(&file, "", wsis_sdg_widgets::model::ErrorKind::Network(e.to_string())))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if let Some(code) = name.strip_prefix("sdg-").and_then(|n| n.strip_suffix(".json")) {
        let lang = Lang::from_tag(code).ok_or_else(|| {
            Error::new(
                &file,
                "",
                wsis_sdg_widgets::model::ErrorKind::WrongLanguage {
                    expected: "ar, zh, en, fr, ru or es in the file name".into(),
                    found: code.into(),
                },
            )
        })?;
        SdgCatalog::from_json(&file, &text, lang).map(|_| ())
    } else {
        Matrix::from_json(&file, &text).map(|_| ())
    }
}

pub fn command(files: &[String]) -> Result {
    if files.is_empty() {
        return Err("usage: cargo xtask validate FILE...".into());
    }
    let mut failed = 0;
    for file in files {
        match validate_file(Path::new(file)) {
            Ok(()) => println!("ok    {file}"),
            Err(err) => {
                failed += 1;
                println!("error {err}");
            }
        }
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} of {} files are invalid", files.len()))
    }
}

/// The bundled files must always validate.
pub fn validate_bundled() -> Result {
    let data = root().join("data");
    let mut files = vec![data.join("matrix.json").display().to_string()];
    for lang in Lang::ALL {
        files.push(data.join(format!("sdg/sdg-{}.json", lang.code())).display().to_string());
    }
    command(&files)
}
