//! Splits a content file into its front matter (YAML `---`, TOML `+++` or JSON `{`)
//! and its body, following Hugo's detection rules, and parses the front matter into a
//! map with lower-cased keys. The body keeps its starting line so later errors can
//! point into the file.

use crate::data_format::{self, Format};
use serde_json::{Map, Value};

/// A content file split in two.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    pub format: Option<Format>,
    /// Front matter keys (lower-cased); empty when the file has none.
    pub params: Map<String, Value>,
    pub body: &'a str,
    /// 1-based line of the file on which `body` starts.
    pub body_line: usize,
    /// Keys the YAML front matter gives twice in one map, with the line and
    /// column of the later entry, whose value is kept (as Hugo before 0.60).
    pub repeated_keys: Vec<data_format::RepeatedKey>,
}

/// Why a file's front matter could not be read: message and 1-based line/column in
/// the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    pub message: String,
    pub line: usize,
    pub col: usize,
}

/// Splits and parses `source` (the whole file, BOM allowed).
pub fn split(source: &str) -> Result<Split<'_>, FrontMatterError> {
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    let bom = source.len() - text.len();
    let start = text.len() - text.trim_start().len();
    let rest = text.get(start..).unwrap_or_default();
    let (format, delim) = match rest.as_bytes().first() {
        Some(b'-') if rest.starts_with("---") => (Format::Yaml, "---"),
        Some(b'+') if rest.starts_with("+++") => (Format::Toml, "+++"),
        Some(b'+') => {
            let (line, col) = crate::error::line_col(source, bom + start);
            return Err(FrontMatterError {
                message: "invalid TOML delimiter".into(),
                line,
                col,
            });
        }
        Some(b'{') => (Format::Json, ""),
        _ => {
            return Ok(Split {
                format: None,
                params: Map::new(),
                body: source,
                body_line: 1,
                repeated_keys: Vec::new(),
            });
        }
    };
    let fm_start = bom + start;
    let (raw, raw_offset, body_offset) = if format == Format::Json {
        let end = json_end(source.get(fm_start..).unwrap_or_default()).ok_or_else(|| {
            let (line, col) = crate::error::line_col(source, source.len());
            FrontMatterError {
                message: "unexpected EOF parsing JSON front matter".into(),
                line,
                col,
            }
        })?;
        let after = fm_start + end;
        let body = skip_line_end(source, after);
        (
            source.get(fm_start..after).unwrap_or_default(),
            fm_start,
            body,
        )
    } else {
        // The opening delimiter line, then everything up to a line starting with it.
        let open_end = skip_line_end(source, fm_start + 3);
        let open_end = match source.get(fm_start + 3..).unwrap_or_default().find('\n') {
            Some(i) => fm_start + 3 + i + 1,
            None => open_end,
        };
        let mut pos = open_end;
        let close = loop {
            if pos >= source.len() {
                let (line, col) = crate::error::line_col(source, source.len());
                let name = format.name();
                return Err(FrontMatterError {
                    message: format!(
                        "EOF looking for end {name} front matter delimiter (add a line `{delim}` after the front matter)"
                    ),
                    line,
                    col,
                });
            }
            let line_end = source
                .get(pos..)
                .unwrap_or_default()
                .find('\n')
                .map_or(source.len(), |i| pos + i + 1);
            if source
                .get(pos..line_end)
                .unwrap_or_default()
                .starts_with(delim)
            {
                break (pos, line_end);
            }
            pos = line_end;
        };
        (
            source.get(open_end..close.0).unwrap_or_default(),
            open_end,
            close.1,
        )
    };
    let (base_line, base_col) = crate::error::line_col(source, raw_offset);
    let in_file = |line: usize, col: usize| {
        let col = if line == 1 { base_col + col - 1 } else { col };
        (base_line + line - 1, col)
    };
    let parsed = match format {
        Format::Yaml => data_format::parse_yaml_keeping_later(raw)
            .and_then(|(value, repeated)| Ok((data_format::into_map(value)?, repeated))),
        _ => data_format::parse_map(raw, format).map(|map| (map, Vec::new())),
    };
    let (params, repeated) = parsed.map_err(|e| {
        let (line, col) = in_file(e.line, e.col);
        FrontMatterError {
            message: format!("invalid {} front matter: {}", format.name(), e.message),
            line,
            col,
        }
    })?;
    let repeated_keys = repeated
        .into_iter()
        .map(|r| {
            let (line, col) = in_file(r.line, r.col);
            data_format::RepeatedKey { line, col, ..r }
        })
        .collect();
    let body = source.get(body_offset..).unwrap_or_default();
    let body_line = crate::error::line_col(source, body_offset).0;
    Ok(Split {
        format: Some(format),
        params,
        body,
        body_line,
        repeated_keys,
    })
}

/// Byte length of the JSON object at the start of `text` (brace counting, braces in
/// strings ignored), or `None` at EOF.
fn json_end(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// `pos` moved past the rest of its line (including the newline).
fn skip_line_end(text: &str, pos: usize) -> usize {
    match text.get(pos..).and_then(|t| t.find('\n')) {
        Some(i) => pos + i + 1,
        None => text.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_toml_json_and_none() {
        let s = split("---\ntitle: A\nweight: 5\n---\n\nBody").unwrap();
        assert_eq!(s.format, Some(Format::Yaml));
        assert_eq!(s.params["title"], "A");
        assert_eq!((s.body, s.body_line), ("\nBody", 5));

        let s = split("+++\nTitle = \"B\"\n+++\nBody").unwrap();
        assert_eq!(s.params["title"], "B");
        assert_eq!((s.body, s.body_line), ("Body", 4));

        let s = split("{\n\"title\": \"C {x}\"\n}\nBody").unwrap();
        assert_eq!(s.params["title"], "C {x}");
        assert_eq!((s.body, s.body_line), ("Body", 4));

        let s = split("# Just markdown").unwrap();
        assert_eq!((s.format, s.body_line), (None, 1));
    }

    #[test]
    fn bom_and_leading_blank_lines_are_skipped() {
        let s = split("\u{feff}\n\n---\ntitle: A\n---\nBody").unwrap();
        assert_eq!(s.params["title"], "A");
        assert_eq!(s.body_line, 6);
    }

    #[test]
    fn errors_point_into_the_file() {
        let e = split("---\ntitle: A\n").unwrap_err();
        assert!(
            e.message
                .starts_with("EOF looking for end YAML front matter delimiter")
        );
        assert_eq!(e.line, 3);

        let e = split("+++\ntitle = \"A\"\nweight = \n+++\n").unwrap_err();
        assert_eq!((e.line, e.col), (3, 10));
        assert!(
            e.message.starts_with("invalid TOML front matter: "),
            "{}",
            e.message
        );

        let e = split("---\ntitle: A\nbad: [1, 2\n---\n").unwrap_err();
        assert_eq!(e.line, 4);

        let e = split("{\"title\": \"A\"").unwrap_err();
        assert_eq!(e.message, "unexpected EOF parsing JSON front matter");

        let e = split("+ x").unwrap_err();
        assert_eq!(
            (e.message.as_str(), e.line, e.col),
            ("invalid TOML delimiter", 1, 1)
        );
    }
}
