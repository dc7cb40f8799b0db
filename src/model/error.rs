//! The one error type of the library: which file, where in it, and what is wrong.

#![warn(missing_docs)]

use std::fmt;

/// A problem with a data file: `matrix.json: links[17].sdg: 18 is not an SDG (1–17)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    file: String,
    path: String,
    kind: ErrorKind,
}

/// What went wrong. Each variant means one fault; [`Error::is_retryable`] decides from it
/// whether loading the file again can help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The request failed before a response arrived (network, CORS, blocked).
    Network(String),
    /// A local file could not be read (the maintainers' commands).
    Unreadable(String),
    /// The server answered with an error status.
    HttpStatus {
        /// The HTTP status code.
        status: u16,
        /// The status line's text.
        status_text: String,
    },
    /// The text is not JSON, or stops early (a truncated download, an HTML page): the
    /// parser's message.
    NotJson(String),
    /// Valid JSON of the wrong shape (a missing field, a string where a number belongs):
    /// the parser's message.
    WrongShape(String),
    /// A number that is not an SDG (1–17).
    SdgOutOfRange(i64),
    /// A text that is not one of the 18 Action Line ids.
    UnknownActionLine(String),
    /// An Action Line names a group the file does not define.
    UnknownGroup(String),
    /// An id (or year) that must be unique appears again.
    DuplicateId(String),
    /// A matrix cell given by two links.
    DuplicateLink {
        /// The cell's Action Line id.
        action_line: String,
        /// The cell's SDG number.
        sdg: u8,
    },
    /// Matrix rows the file does not have.
    MissingActionLines(Vec<String>),
    /// Neither an SDG target id (`"9.c"`) nor a goal number.
    UnknownTarget(String),
    /// A source reference that is not in the file's sources list.
    UnknownSource(String),
    /// A text that is empty or only spaces.
    EmptyText,
    /// A translated text without its English original.
    MissingEnglish,
    /// A language code that is not one of the six UN languages.
    UnknownLanguage(String),
    /// A link that is not http(s).
    NotHttpUrl(String),
    /// A colour that is not `#RRGGBB`.
    BadColour(String),
    /// A list of fixed length (17 goals, 169 targets) with another length.
    WrongCount {
        /// The length the list must have.
        expected: usize,
        /// The length it has.
        found: usize,
    },
    /// Goals out of their order: `expected` belongs at this place.
    GoalOutOfPlace {
        /// The goal that belongs here.
        expected: u8,
        /// The goal found here.
        found: u8,
    },
    /// An SDG texts file in another language than the one asked for.
    WrongLanguage {
        /// The language asked for.
        expected: String,
        /// The file's language.
        found: String,
    },
    /// A `format` version this library cannot read.
    UnsupportedFormat(u32),
    /// The widget was given no URL to load.
    NoSource,
    /// A text that is not a date (`YYYY-MM-DD` or `YYYY-MM`).
    BadDate(String),
    /// A year outside the WSIS Forum's range (2003–2100).
    NotAForumYear(i64),
    /// A session's date in another year than the session's.
    DateOutsideYear {
        /// The session's date.
        date: String,
        /// The session's year.
        year: u16,
    },
    /// An amount or count below zero (or not finite).
    Negative(String),
    /// An amount or count over [`super::validate::LARGEST_FIGURE`]: a typo.
    Implausible(String),
    /// A count with a fraction.
    NotWhole(String),
    /// A dated entry that comes before the one above it.
    OutOfOrder {
        /// The entry out of order.
        this: String,
        /// The entry above it.
        previous: String,
    },
    /// The categories of a breakdown add up to more than its total.
    PartsExceedTotal {
        /// Which breakdown.
        what: &'static str,
        /// The sum of its categories.
        parts: String,
        /// Its total.
        total: String,
    },
    /// The validator found no fault but could not build the data: a bug in this library.
    Incomplete,
    /// The file is UTF-16 text (with or without a byte-order mark); data files are UTF-8.
    Utf16,
    /// Bytes that are not UTF-8 (another encoding, or a binary file): where the first one is.
    NotUtf8 {
        /// The line of the first bad byte (from 1).
        line: usize,
        /// The byte offset of the first bad byte.
        offset: usize,
    },
    /// The file is over the element's size limit (`max-bytes`); `size` when the server said it.
    TooLarge {
        /// The file's size, if the server said it.
        size: Option<u64>,
        /// The limit, in bytes.
        limit: u32,
    },
}

/// A byte count as people read it: `16 MB`, `60.5 MB`, `900 kB`.
fn bytes_text(n: u64) -> String {
    let (unit, name) = if n >= 1_000_000 { (1_000_000, "MB") } else { (1_000, "kB") };
    let tenths = n * 10 / unit;
    if tenths % 10 == 0 || tenths >= 1000 {
        format!("{} {name}", tenths / 10)
    } else {
        format!("{}.{} {name}", tenths / 10, tenths % 10)
    }
}

impl Error {
    /// A fault of `kind` in `file` at the JSON `path` (empty: the whole file).
    pub fn new(file: impl Into<String>, path: impl Into<String>, kind: ErrorKind) -> Error {
        Error { file: file.into(), path: path.into(), kind }
    }

    /// The file name or URL the data came from.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// JSON path of the fault (`links[17].sdg`); empty when the fault is the whole file.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Whether loading again may help: the request failed, or the text arrived broken (a
    /// half-written file, an error page). Content that parses but is wrong stays wrong.
    pub fn is_retryable(&self) -> bool {
        matches!(self.kind, ErrorKind::Network(_) | ErrorKind::HttpStatus { .. } | ErrorKind::NotJson(_))
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
            ErrorKind::Unreadable(reason) => write!(f, "could not be read ({reason})"),
            ErrorKind::HttpStatus { status, status_text } => {
                write!(f, "the server answered HTTP {status} {status_text}")
            }
            ErrorKind::NotJson(message) | ErrorKind::WrongShape(message) => write!(f, "{message}"),
            ErrorKind::SdgOutOfRange(n) => write!(f, "{n} is not an SDG (1–17)"),
            ErrorKind::UnknownActionLine(id) => write!(f, "\"{id}\" is not a WSIS Action Line id"),
            ErrorKind::UnknownGroup(group) => write!(f, "group \"{group}\" is not in groups"),
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
            ErrorKind::UnknownLanguage(code) => write!(f, "\"{code}\" is not one of ar, zh, en, fr, ru, es"),
            ErrorKind::NotHttpUrl(url) => write!(f, "\"{url}\" is not an http(s) URL"),
            ErrorKind::BadColour(c) => write!(f, "\"{c}\" is not a #RRGGBB colour"),
            ErrorKind::WrongCount { expected, found } => {
                write!(f, "expected {expected} entries, found {found}")
            }
            ErrorKind::GoalOutOfPlace { expected, found } => {
                write!(f, "expected goal {expected} here, found {found}")
            }
            ErrorKind::WrongLanguage { expected, found } => {
                write!(f, "expected language \"{expected}\", the file says \"{found}\"")
            }
            ErrorKind::UnsupportedFormat(v) => write!(f, "format {v} is not supported (expected 1)"),
            ErrorKind::NoSource => write!(f, "no data URL: set the src attribute"),
            ErrorKind::BadDate(d) => write!(f, "\"{d}\" is not a date (YYYY-MM-DD or YYYY-MM)"),
            ErrorKind::NotAForumYear(year) => write!(f, "{year} is not a forum year"),
            ErrorKind::DateOutsideYear { date, year } => {
                write!(f, "{date} is not in the session's year {year}")
            }
            ErrorKind::Negative(v) => write!(f, "{v} is negative"),
            ErrorKind::NotWhole(v) => write!(f, "{v} is not a whole number"),
            ErrorKind::Implausible(v) => {
                write!(f, "{v} is larger than any real figure (the most is 10^15): a typo?")
            }
            ErrorKind::OutOfOrder { this, previous } => {
                write!(f, "{this} comes before the previous entry ({previous})")
            }
            ErrorKind::PartsExceedTotal { what, parts, total } => {
                write!(f, "the parts add up to {parts} {what}, more than the total of {total}")
            }
            ErrorKind::Incomplete => {
                write!(f, "the data could not be built although no fault was found (a bug: please report it)")
            }
            ErrorKind::Utf16 => {
                write!(f, "the file is UTF-16 text; data files must be UTF-8: save it again as UTF-8")
            }
            ErrorKind::NotUtf8 { line, offset } => write!(
                f,
                "line {line}: the file is not UTF-8 text (an invalid byte at offset {offset}): save it again as UTF-8"
            ),
            ErrorKind::TooLarge { size, limit } => {
                let limit = bytes_text(u64::from(*limit));
                match size {
                    Some(size) => write!(f, "the file is {}, over the limit of {limit}", bytes_text(*size))?,
                    None => write!(f, "the file is over the limit of {limit}")?,
                }
                write!(f, " (the element's max-bytes attribute sets the limit)")
            }
        }
    }
}

impl std::error::Error for Error {}

/// The faults of a file that did not validate: at least one, in the order found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Errors {
    // Boxed: `Result<_, Errors>` stays small on the happy path.
    first: Box<Error>,
    rest: Vec<Error>,
}

impl Errors {
    /// A list of one fault.
    pub fn one(error: Error) -> Errors {
        Errors { first: Box::new(error), rest: Vec::new() }
    }

    /// `None` for an empty list: no faults.
    pub fn from_vec(mut errors: Vec<Error>) -> Option<Errors> {
        if errors.is_empty() {
            return None;
        }
        let first = errors.remove(0);
        Some(Errors { first: Box::new(first), rest: errors })
    }

    /// The first fault found: what a widget shows.
    pub fn first(&self) -> &Error {
        &self.first
    }

    /// The first fault, the list dropped.
    pub fn into_first(self) -> Error {
        *self.first
    }

    /// Every fault, in the order found.
    pub fn iter(&self) -> impl Iterator<Item = &Error> {
        std::iter::once(&*self.first).chain(self.rest.iter())
    }

    /// How many faults (at least one).
    pub fn len(&self) -> usize {
        1 + self.rest.len()
    }

    /// Never true; here because a `len` asks for it.
    pub fn is_empty(&self) -> bool {
        false
    }
}

impl From<Error> for Errors {
    fn from(error: Error) -> Errors {
        Errors::one(error)
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

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(bytes_text(16 * 1024 * 1024), "16.7 MB");
        assert_eq!(bytes_text(60_000_000), "60 MB");
        assert_eq!(bytes_text(900_000), "900 kB");
        assert_eq!(bytes_text(1_500), "1.5 kB");
        let err = Error::new("f.json", "", ErrorKind::TooLarge { size: Some(60_000_000), limit: 16_000_000 });
        assert_eq!(err.to_string(), "f.json: the file is 60 MB, over the limit of 16 MB (the element's max-bytes attribute sets the limit)");
    }
}
