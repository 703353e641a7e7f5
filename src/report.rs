//! `labsite build --report json`: what a build did, for CI pipelines: what it
//! wrote, and its warnings and errors with file, line and column where they
//! have one, as one JSON object on stdout.

use crate::error::{Error, Result, Warning};
use crate::site::Summary;
use serde::Serialize;

#[derive(Debug, Serialize)]
struct Report {
    /// `ok` or `failed`.
    status: &'static str,
    exit_code: i32,
    pages: usize,
    non_page_files: usize,
    static_files: usize,
    aliases: usize,
    warnings: Vec<Diagnostic>,
    errors: Vec<Diagnostic>,
}

/// One warning or error.
#[derive(Debug, Serialize, PartialEq, Eq)]
struct Diagnostic {
    file: Option<String>,
    line: Option<usize>,
    col: Option<usize>,
    message: String,
}

impl Diagnostic {
    fn message(message: String) -> Diagnostic {
        Diagnostic {
            file: None,
            line: None,
            col: None,
            message,
        }
    }

    /// A warning's text, its position taken apart when it starts with one.
    fn of_text(text: &str) -> Diagnostic {
        match crate::error::placed(text) {
            Some(p) => Diagnostic {
                file: Some(p.path.to_string()),
                line: p.line,
                col: p.col,
                message: p.message.to_string(),
            },
            None => Diagnostic::message(text.to_string()),
        }
    }

    fn of_error(error: &Error, out: &mut Vec<Diagnostic>) {
        match error {
            Error::At { location, message } => out.push(Diagnostic {
                file: Some(location.path.display().to_string()),
                line: Some(location.line),
                col: Some(location.col),
                message: message.clone(),
            }),
            Error::File { .. } => out.push(Diagnostic::of_text(&error.to_string())),
            Error::Template { .. } => out.push(Diagnostic::message(error.to_string())),
            Error::Many(errors) => errors.iter().for_each(|e| Diagnostic::of_error(e, out)),
            Error::Warned(warnings) => {
                out.extend(warnings.iter().map(|w| Diagnostic::of_text(&w.0)))
            }
        }
    }
}

/// The report of a build that gave `result`, as JSON.
pub fn json(result: &Result<Summary>) -> String {
    let warnings = |list: &[Warning]| list.iter().map(|w| Diagnostic::of_text(&w.0)).collect();
    let report = match result {
        Ok(summary) => Report {
            status: "ok",
            exit_code: 0,
            pages: summary.stats.pages,
            non_page_files: summary.stats.resources,
            static_files: summary.stats.static_files,
            aliases: summary.stats.aliases,
            warnings: warnings(&summary.warnings),
            errors: Vec::new(),
        },
        Err(error) => {
            let mut errors = Vec::new();
            Diagnostic::of_error(error, &mut errors);
            Report {
                status: "failed",
                exit_code: 1,
                pages: 0,
                non_page_files: 0,
                static_files: 0,
                aliases: 0,
                warnings: Vec::new(),
                errors,
            }
        }
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| {
        format!("{{\"status\":\"failed\",\"errors\":[{{\"message\":\"{e}\"}}]}}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_taken_apart() {
        assert_eq!(
            Diagnostic::of_text("content/p.md:3:7: bad date"),
            Diagnostic {
                file: Some("content/p.md".into()),
                line: Some(3),
                col: Some(7),
                message: "bad date".into()
            }
        );
        assert_eq!(Diagnostic::of_text("layouts/x.html: unused").line, None);
        assert_eq!(
            Diagnostic::of_text("layouts/x.html: unused")
                .file
                .as_deref(),
            Some("layouts/x.html")
        );
        assert_eq!(
            Diagnostic::of_text("output formats labsite does not make are left out: AMP"),
            Diagnostic::message("output formats labsite does not make are left out: AMP".into())
        );
    }
}
