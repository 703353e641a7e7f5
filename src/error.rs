//! Errors and warnings of a build: every problem with the site's input carries a
//! [`Location`] (`path:line:col`, path relative to the site root) so that it reads
//! like a compiler diagnostic.

use std::fmt;
use std::path::{Path, PathBuf};

/// A place in a source file, 1-based line and column (column counted in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
}

impl Location {
    pub fn new(path: impl Into<PathBuf>, line: usize, col: usize) -> Self {
        Location {
            path: path.into(),
            line,
            col,
        }
    }

    /// The location of byte `offset` of `text`, where `text` starts at `first_line`
    /// of the file `path`.
    pub fn at_offset(path: &Path, text: &str, offset: usize, first_line: usize) -> Self {
        let (line, col) = line_col(text, offset);
        Location::new(path, first_line + line - 1, col)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}",
            shown(&self.path).display(),
            self.line,
            self.col
        )
    }
}

/// `path` as shown to the user: without a leading `./` (the site folder is the
/// current one).
fn shown(path: &Path) -> &Path {
    match path.strip_prefix(".") {
        Ok(rest) if !rest.as_os_str().is_empty() => rest,
        _ => path,
    }
}

/// 1-based line and column of byte `offset` in `text` (clamped to the text).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(..end).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before.get(line_start..).unwrap_or_default().chars().count() + 1;
    (line, col)
}

/// Everything that can stop a build.
#[derive(Debug)]
pub enum Error {
    /// A problem at a known place in the site's sources.
    At { location: Location, message: String },
    /// A problem with a file as a whole (unreadable, not UTF-8, no config…).
    File { path: PathBuf, message: String },
    /// A problem in a theme template.
    Template { name: String, message: String },
    /// Several problems found in one pass, reported together.
    Many(Vec<Error>),
    /// Warnings of a build asked to fail on any (`--panicOnWarning`).
    Warned(Vec<Warning>),
}

impl Error {
    pub fn at(location: Location, message: impl Into<String>) -> Self {
        Error::At {
            location,
            message: message.into(),
        }
    }

    pub fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::File {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The error for a panic while labsite worked on `what` (a page's file):
    /// that page fails, the build reports it, nothing else is lost.
    pub fn panicked(what: impl Into<PathBuf>, payload: &(dyn std::any::Any + Send)) -> Self {
        let cause = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        Error::file(
            what,
            format!(
                "labsite failed on this page ({cause}); this is a bug in labsite: please report it with this page"
            ),
        )
    }

    pub fn io(path: &Path, err: std::io::Error) -> Self {
        Error::file(path, err.to_string())
    }
}

/// Writes `items` one per line, each after the first as its own `error: …`.
fn write_errors<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            write!(f, "\nerror: ")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::At { location, message } => write!(f, "{location}: {message}"),
            Error::File { path, message } => write!(f, "{}: {message}", shown(path).display()),
            Error::Template { name, message } => write!(f, "template `{name}`: {message}"),
            Error::Warned(warnings) => {
                write_errors(f, warnings)?;
                write!(
                    f,
                    "\nerror: {} warning(s) with --panicOnWarning: the build failed and wrote nothing",
                    warnings.len()
                )
            }
            Error::Many(errors) => write_errors(f, errors),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// A message as printed, its place taken apart: `path:line:col: message`,
/// `path:line: message` or `path: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed<'a> {
    pub path: &'a str,
    pub line: Option<usize>,
    pub col: Option<usize>,
    pub message: &'a str,
}

/// The place of `text` when it starts with one; only a path-looking prefix is a
/// place (`output formats …: x` is not).
pub fn placed(text: &str) -> Option<Placed<'_>> {
    static PLACED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::text::patterns::fixed(r"(?s)^([^\s:]+?)(?::(\d+)(?::(\d+))?)?: (.*)$")
    });
    let caps = PLACED.captures(text)?;
    let path = caps.get(1)?.as_str();
    if !path.contains(['/', '.']) {
        return None;
    }
    let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse().ok());
    Some(Placed {
        path,
        line: number(2),
        col: number(3),
        message: caps.get(4)?.as_str(),
    })
}

/// A problem that does not stop the build, printed as `warning: …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A problem at a byte offset of a text being read (a template's source, a
/// page's body): the reader turns the offset into a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

impl SyntaxError {
    /// `Err` of a new error at `offset`.
    pub fn at<T>(offset: usize, message: impl Into<String>) -> std::result::Result<T, SyntaxError> {
        Err(SyntaxError {
            offset,
            message: message.into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_characters() {
        let text = "ab\ncdé\nx";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 7), (2, 4));
        assert_eq!(line_col(text, 8), (3, 1));
    }

    #[test]
    fn a_caught_panic_is_the_pages_error() {
        let caught = std::panic::catch_unwind(|| panic!("index out of bounds"));
        let e = Error::panicked("content/p.md", &*caught.unwrap_err());
        assert_eq!(
            e.to_string(),
            "content/p.md: labsite failed on this page (index out of bounds); this is a bug in labsite: please report it with this page"
        );
    }
}
