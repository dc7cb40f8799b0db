//! The maintainers' commands' one error type, in the style of the library's `model::Error` (and
//! ripgrep's): a kind enum that says what went wrong and what it concerns, and a hand-written
//! `Display`.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitStatus;

use wsis_sdg_widgets::model;

/// What a command could not do.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
pub enum ErrorKind {
    /// Wrong or missing command-line arguments; the text says what was expected.
    Usage(String),
    /// Reading or writing a file or folder failed.
    Io { path: PathBuf, source: io::Error },
    /// A program could not be started.
    CommandStart { command: String, source: io::Error },
    /// A program exited with a failure.
    CommandFailed { command: String, status: ExitStatus, output: String },
    /// Text that is not the JSON or CSV it should be: where, and the parser's message.
    Parse { what: String, message: String },
    /// Data the library's validator refuses: one line per fault, each naming file and path.
    Invalid(Vec<String>),
    /// The reference facts disagree with each other or with what `gen-data` expects.
    Reference(String),
    /// A check of a command's own work failed (well-formed HTML, matching colours, a test run).
    Check(String),
}

pub type Result<T = ()> = std::result::Result<T, Error>;

impl Error {
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub fn usage(message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Usage(message.into()) }
    }

    pub fn parse(what: impl fmt::Display, message: impl fmt::Display) -> Error {
        Error { kind: ErrorKind::Parse { what: what.to_string(), message: message.to_string() } }
    }

    pub fn invalid(lines: Vec<String>) -> Error {
        Error { kind: ErrorKind::Invalid(lines) }
    }

    pub fn reference(message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Reference(message.into()) }
    }

    pub fn check(message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Check(message.into()) }
    }

    pub fn io(path: impl AsRef<Path>, source: io::Error) -> Error {
        Error { kind: ErrorKind::Io { path: path.as_ref().to_path_buf(), source } }
    }

    pub fn command_start(command: impl Into<String>, source: io::Error) -> Error {
        Error { kind: ErrorKind::CommandStart { command: command.into(), source } }
    }

    pub fn command_failed(
        command: impl Into<String>,
        status: ExitStatus,
        output: impl Into<String>,
    ) -> Error {
        Error { kind: ErrorKind::CommandFailed { command: command.into(), status, output: output.into() } }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Usage(message) => write!(f, "{message}"),
            ErrorKind::Io { path, source } => write!(f, "{}: {source}", path.display()),
            ErrorKind::CommandStart { command, source } => write!(f, "{command}: could not start ({source})"),
            ErrorKind::CommandFailed { command, status, output } if output.is_empty() => {
                write!(f, "{command} failed ({status})")
            }
            ErrorKind::CommandFailed { command, status, output } => {
                write!(f, "{command} failed ({status}): {output}")
            }
            ErrorKind::Parse { what, message } => write!(f, "{what}: {message}"),
            ErrorKind::Invalid(lines) => write!(f, "{}", lines.join("\n")),
            ErrorKind::Reference(message) | ErrorKind::Check(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io { source, .. } | ErrorKind::CommandStart { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<model::Error> for Error {
    fn from(error: model::Error) -> Error {
        Error::invalid(vec![error.to_string()])
    }
}

impl From<model::Errors> for Error {
    fn from(errors: model::Errors) -> Error {
        Error::invalid(errors.iter().map(ToString::to_string).collect())
    }
}

impl From<lexopt::Error> for Error {
    fn from(error: lexopt::Error) -> Error {
        Error::usage(error.to_string())
    }
}

/// `.at(path)` on an I/O result: the error names the file.
pub trait IoContext<T> {
    fn at(self, path: impl AsRef<Path>) -> Result<T>;
}

impl<T> IoContext<T> for io::Result<T> {
    fn at(self, path: impl AsRef<Path>) -> Result<T> {
        self.map_err(|source| Error::io(path, source))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_name_the_file() {
        let err = std::fs::read("/no/such/file.json").at("/no/such/file.json").unwrap_err();
        assert!(err.to_string().starts_with("/no/such/file.json: "), "{err}");
        assert!(matches!(err.kind(), ErrorKind::Io { .. }));
        assert!(std::error::Error::source(&err).is_some());
    }

    #[test]
    fn validator_faults_keep_every_line() {
        let errors = model::Matrix::from_json_all_errors("m.json", "{}").unwrap_err();
        let err = Error::from(errors);
        assert!(matches!(err.kind(), ErrorKind::Invalid(lines) if lines.len() == 1));
        assert_eq!(err.to_string(), "m.json: the field \"format\" is missing");
    }
}
