//! The one error type of the library: which file, where in it, and what is wrong.

use std::fmt;

/// A problem with a data file: `matrix.json: links[17].sdg: 18 is not an SDG (1–17)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The file name or URL the data came from.
    pub file: String,
    /// JSON path of the fault (`links[17].sdg`); empty when the fault is the whole file.
    pub path: String,
    pub kind: ErrorKind,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The request failed before a response arrived (network, CORS, blocked).
    Network(String),
    /// The server answered with an error status.
    HttpStatus {
        status: u16,
        status_text: String,
    },
    /// The text is not JSON or does not have the expected shape (serde's message).
    Json(String),
    SdgOutOfRange(i64),
    UnknownActionLine(String),
    DuplicateId(String),
    DuplicateLink {
        action_line: String,
        sdg: u8,
    },
    MissingActionLines(Vec<String>),
    UnknownTarget(String),
    UnknownSource(String),
    EmptyText,
    MissingEnglish,
    NotHttpUrl(String),
    BadColour(String),
    WrongCount {
        expected: usize,
        found: usize,
    },
    WrongLanguage {
        expected: String,
        found: String,
    },
    UnsupportedFormat(u32),
    /// The widget was given no URL to load.
    NoSource,
    BadDate(String),
    Negative(String),
    NotWhole(String),
    /// A dated entry that comes before the one above it.
    OutOfOrder {
        this: String,
        previous: String,
    },
    PartsExceedTotal {
        what: &'static str,
        parts: String,
        total: String,
    },
}

impl Error {
    pub fn new(file: impl Into<String>, path: impl Into<String>, kind: ErrorKind) -> Error {
        Error { file: file.into(), path: path.into(), kind }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.file, self.kind)
        } else {
            write!(f, "{}: {}: {}", self.file, self.path, self.kind)
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Network(reason) => write!(f, "could not be loaded ({reason})"),
            ErrorKind::HttpStatus { status, status_text } => {
                write!(f, "the server answered HTTP {status} {status_text}")
            }
            ErrorKind::Json(message) => write!(f, "{message}"),
            ErrorKind::SdgOutOfRange(n) => write!(f, "{n} is not an SDG (1–17)"),
            ErrorKind::UnknownActionLine(id) => write!(f, "\"{id}\" is not a WSIS Action Line id"),
            ErrorKind::DuplicateId(id) => write!(f, "\"{id}\" appears more than once"),
            ErrorKind::DuplicateLink { action_line, sdg } => {
                write!(f, "the cell {action_line} × SDG {sdg} is linked twice")
            }
            ErrorKind::MissingActionLines(ids) => {
                write!(f, "Action Lines missing: {}", ids.join(", "))
            }
            ErrorKind::UnknownTarget(id) => {
                write!(f, "\"{id}\" is neither an SDG target (like \"9.c\") nor a goal number")
            }
            ErrorKind::UnknownSource(id) => write!(f, "source \"{id}\" is not in the sources list"),
            ErrorKind::EmptyText => write!(f, "must not be empty"),
            ErrorKind::MissingEnglish => write!(f, "an English (\"en\") text is required"),
            ErrorKind::NotHttpUrl(url) => write!(f, "\"{url}\" is not an http(s) URL"),
            ErrorKind::BadColour(c) => write!(f, "\"{c}\" is not a #RRGGBB colour"),
            ErrorKind::WrongCount { expected, found } => {
                write!(f, "expected {expected} entries, found {found}")
            }
            ErrorKind::WrongLanguage { expected, found } => {
                write!(f, "expected language \"{expected}\", the file says \"{found}\"")
            }
            ErrorKind::UnsupportedFormat(v) => write!(f, "format {v} is not supported (expected 1)"),
            ErrorKind::NoSource => write!(f, "no data URL: set the src attribute"),
            ErrorKind::BadDate(d) => write!(f, "\"{d}\" is not a date (YYYY-MM-DD or YYYY-MM)"),
            ErrorKind::Negative(v) => write!(f, "{v} is negative"),
            ErrorKind::NotWhole(v) => write!(f, "{v} is not a whole number"),
            ErrorKind::OutOfOrder { this, previous } => {
                write!(f, "{this} comes before the previous entry ({previous})")
            }
            ErrorKind::PartsExceedTotal { what, parts, total } => {
                write!(f, "the parts add up to {parts} {what}, more than the total of {total}")
            }
        }
    }
}

impl std::error::Error for Error {}

/// The first of the faults a validator collected (validators that fail report at least one).
pub fn first_error(file: &str, mut errors: Vec<Error>) -> Error {
    if errors.is_empty() {
        Error::new(file, "", ErrorKind::Json("invalid".into()))
    } else {
        errors.swap_remove(0)
    }
}

/// Parses `text` as `T`, naming the JSON path of the first fault (via `serde_path_to_error`).
pub fn parse_json<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, Error> {
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = err.path().to_string();
        let path = if path == "." { String::new() } else { path };
        Error::new(file, path, ErrorKind::Json(err.into_inner().to_string()))
    })
}

impl Error {
    /// Whether trying again may help: fetch and parse failures, not invalid content.
    pub fn is_retryable(&self) -> bool {
        // A half-written or HTML error page also fails as JSON: worth another try.
        matches!(self.kind, ErrorKind::Network(_) | ErrorKind::HttpStatus { .. } | ErrorKind::Json(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_path_and_fault() {
        let err = Error::new("matrix.json", "links[17].sdg", ErrorKind::SdgOutOfRange(18));
        assert_eq!(err.to_string(), "matrix.json: links[17].sdg: 18 is not an SDG (1–17)");
    }

    #[test]
    fn display_without_path() {
        let err = Error::new(
            "https://example.org/m.json",
            "",
            ErrorKind::HttpStatus { status: 404, status_text: "Not Found".into() },
        );
        assert_eq!(err.to_string(), "https://example.org/m.json: the server answered HTTP 404 Not Found");
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Item {
        n: u8,
    }

    #[test]
    fn json_errors_carry_the_path() {
        let err = parse_json::<Doc>("x.json", r#"{"items":[{"n":1},{"n":"two"}]}"#).unwrap_err();
        assert_eq!(err.path, "items[1].n");
        assert!(err.to_string().starts_with("x.json: items[1].n: invalid type"));
    }

    #[test]
    fn not_json_at_all() {
        let err = parse_json::<Doc>("x.json", "<html>").unwrap_err();
        assert_eq!(err.file, "x.json");
        assert!(matches!(err.kind, ErrorKind::Json(_)));
    }
}
