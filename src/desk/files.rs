//! Files the maintainer opens (picker or drop), read in the browser: nothing is uploaded.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList};
use yew::Callback;

use super::state::DeskAction;
use crate::model::desk::{Detail, Edit, Problem, Spot};
use crate::model::error::ErrorKind;
use crate::model::file_kind::kind_of;
use crate::model::forum_csv::decode_csv;
use crate::model::input::text_of;

/// Reads every file of `list` and sends what it holds: a forum file (`.json`), a session
/// spreadsheet (`.csv`, decoded as `import-forum` decodes it), a pledge, matrix or SDG texts file
/// (the kind told by its content, as `xtask validate` tells it), or the reason it cannot be read.
pub fn open_files(list: &FileList, send: &Callback<DeskAction>) {
    let files: Vec<File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    let send = send.clone();
    wasm_bindgen_futures::spawn_local(async move {
        for file in files {
            let name = file.name();
            let action = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => read(name, &Uint8Array::new(&buffer).to_vec()),
                Err(_) => {
                    let kind = ErrorKind::Unreadable("the browser refused the file".into());
                    failed(name, kind.to_string(), Some(kind))
                }
            };
            send.emit(action);
        }
    });
}

fn read(name: String, bytes: &[u8]) -> DeskAction {
    if name.to_lowercase().ends_with(".csv") {
        return match decode_csv(bytes) {
            Ok(text) => DeskAction::Edit(Edit::OpenSheet { name, text: text.to_owned() }),
            Err(problem) => failed(name, problem.to_string(), None),
        };
    }
    let text = match text_of(&name, bytes) {
        Ok(text) => text,
        Err(error) => return failed(name, error.kind().to_string(), Some(error.kind().clone())),
    };
    match kind_of(&name, text) {
        Ok(kind) => DeskAction::Edit(Edit::Open { kind, name, text: text.to_owned() }),
        Err(error) => failed(name, error.kind().to_string(), Some(error.kind().clone())),
    }
}

fn failed(name: String, message: String, kind: Option<ErrorKind>) -> DeskAction {
    DeskAction::OpenFailed(Problem {
        file: name,
        kind: None,
        spot: Spot::File,
        place: String::new(),
        column_name: None,
        message,
        detail: kind.map(Detail::Data),
    })
}
