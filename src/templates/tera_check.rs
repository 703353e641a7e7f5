//! A site's own Tera template (`layouts/shortcodes/NAME.tera.html`) checked
//! before the engine takes it: its blocks and parentheses nested no deeper
//! than [`MAX_NESTING`] (Tera's parser recurses once per level, so deeper
//! would overflow the stack), a syntax error named at its file, line and
//! column instead of the engine's template name, and no macro that calls
//! itself, directly or through others (Tera runs such a call without a
//! bound, to a stack overflow).

use crate::error::{Error, Location, Result};
use std::path::Path;

/// The deepest nesting of block tags and of parentheses a site's Tera
/// template may have.
pub const MAX_NESTING: usize = 100;

const OPENERS: &[&str] = &["if", "for", "macro", "block", "filter", "raw"];
const CLOSERS: &[&str] = &[
    "endif",
    "endfor",
    "endmacro",
    "endblock",
    "endfilter",
    "endraw",
];

/// Checks `text`, the template at `path` (relative to the site) that the
/// engine will know as `name`.
pub fn check(path: &Path, name: &str, text: &str) -> Result<()> {
    if let Some(offset) = too_deep(text) {
        let (line, col) = crate::error::line_col(text, offset);
        return Err(Error::at(
            Location::new(path, line, col),
            format!(
                "Tera blocks and parentheses nested more than {MAX_NESTING} deep (flatten the template)"
            ),
        ));
    }
    tera::Template::new(name, None, text).map_err(|e| syntax_error(path, &e))?;
    Ok(())
}

/// Refuses macros of the site's Tera templates (`templates`: path and text)
/// that call themselves, directly or through other macros: macros are told
/// apart by name alone, as a call names its macro's file only through an
/// import.
pub fn check_macros(templates: &[(std::path::PathBuf, String)]) -> Result<()> {
    static DEFINITION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::text::patterns::fixed(r"\{%-?\s*macro\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(")
    });
    static CALL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::text::patterns::fixed(r"[A-Za-z_][A-Za-z0-9_]*::([A-Za-z_][A-Za-z0-9_]*)\s*\(")
    });
    let (definition, call) = (&*DEFINITION, &*CALL);
    // Each macro's calls: (callee, file, offset).
    let mut calls: std::collections::BTreeMap<String, Vec<(String, usize, usize)>> =
        std::collections::BTreeMap::new();
    for (file, (_, text)) in templates.iter().enumerate() {
        for def in definition.captures_iter(text) {
            let (Some(whole), Some(name)) = (def.get(0), def.get(1)) else {
                continue;
            };
            let body_start = whole.end();
            let body_end = text
                .get(body_start..)
                .and_then(|rest| rest.find("endmacro"))
                .map_or(text.len(), |i| body_start + i);
            let body = text.get(body_start..body_end).unwrap_or_default();
            let entry = calls.entry(name.as_str().to_string()).or_default();
            for c in call.captures_iter(body) {
                if let (Some(at), Some(callee)) = (c.get(0), c.get(1)) {
                    entry.push((callee.as_str().to_string(), file, body_start + at.start()));
                }
            }
        }
    }
    for start in calls.keys() {
        // A walk from `start`: a call that leads back to it is the cycle.
        let mut seen = std::collections::BTreeSet::new();
        let mut stack: Vec<(&str, Option<(usize, usize)>)> = vec![(start.as_str(), None)];
        while let Some((name, first_call)) = stack.pop() {
            for (callee, file, offset) in calls.get(name).into_iter().flatten() {
                let first = first_call.or(Some((*file, *offset)));
                if callee == start {
                    let (file, offset) = first.unwrap_or((*file, *offset));
                    let (path, text) = templates
                        .get(file)
                        .map_or((Path::new(""), ""), |(p, t)| (p.as_path(), t.as_str()));
                    let (line, col) = crate::error::line_col(text, offset);
                    return Err(Error::at(
                        Location::new(path, line, col),
                        format!(
                            "Tera macro \"{start}\" calls itself (directly or through other macros), which labsite cannot bound (write the recursion as a loop)"
                        ),
                    ));
                }
                if seen.insert(callee.as_str()) {
                    stack.push((callee, first));
                }
            }
        }
    }
    Ok(())
}

/// Where `text` first goes deeper than [`MAX_NESTING`], if it does.
fn too_deep(text: &str) -> Option<usize> {
    let mut blocks = 0usize;
    let mut parens = 0usize;
    let mut rest = text;
    while let Some(start) = rest.find("{%").or_else(|| rest.find("{{")) {
        let open_at = text.len() - rest.len() + start;
        let tag = rest.get(start + 2..).unwrap_or_default();
        let close = if rest.get(start..start + 2) == Some("{%") {
            "%}"
        } else {
            "}}"
        };
        let end = tag.find(close).unwrap_or(tag.len());
        let inner = tag.get(..end).unwrap_or_default();
        let word = inner
            .trim_start_matches(['-', ' ', '\t', '\n'])
            .split_whitespace()
            .next()
            .unwrap_or("");
        if close == "%}" && OPENERS.contains(&word) {
            blocks += 1;
        } else if close == "%}" && CLOSERS.contains(&word) {
            blocks = blocks.saturating_sub(1);
        }
        for (i, c) in inner.char_indices() {
            match c {
                '(' | '[' => parens += 1,
                ')' | ']' => parens = parens.saturating_sub(1),
                _ => {}
            }
            if parens > MAX_NESTING {
                return Some(open_at + 2 + i);
            }
        }
        parens = 0;
        if blocks > MAX_NESTING {
            return Some(open_at);
        }
        rest = tag.get(end..).unwrap_or_default();
    }
    None
}

/// A parse error of Tera at its place in the file (Tera says ` --> 2:7`).
fn syntax_error(path: &Path, e: &tera::Error) -> Error {
    let mut message = String::new();
    let mut source: Option<&dyn std::error::Error> = Some(e);
    while let Some(s) = source {
        message = s.to_string();
        source = s.source();
    }
    let place = regex::Regex::new(r"--> (\d+):(\d+)").ok().and_then(|re| {
        re.captures(&message)
            .map(|c| (c[1].parse().unwrap_or(1), c[2].parse().unwrap_or(1)))
    });
    let (line, col) = place.unwrap_or((1, 1));
    let expected = message
        .lines()
        .find_map(|l| l.trim().strip_prefix("= "))
        .unwrap_or("the template does not parse")
        .to_string();
    Error::at(
        Location::new(path, line, col),
        format!("Tera syntax error: {expected}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recursive_macros_are_refused_at_their_call() {
        let files = vec![
            (
                std::path::PathBuf::from("layouts/shortcodes/m.tera.html"),
                "{% macro a() %}x{{ self::b() }}{% endmacro a %}\n{% macro b() %}{{ self::a() }}{% endmacro b %}".to_string(),
            ),
            (
                std::path::PathBuf::from("layouts/shortcodes/x.tera.html"),
                "{% import \"shortcodes/m.html\" as m %}{{ m::a() }}".to_string(),
            ),
        ];
        assert_eq!(
            check_macros(&files).unwrap_err().to_string(),
            "layouts/shortcodes/m.tera.html:1:20: Tera macro \"a\" calls itself (directly or through other macros), which labsite cannot bound (write the recursion as a loop)"
        );
        let fine = vec![(
            std::path::PathBuf::from("p"),
            "{% macro a() %}{{ self::b() }}{% endmacro a %}{% macro b() %}y{% endmacro b %}"
                .to_string(),
        )];
        assert!(check_macros(&fine).is_ok());
    }

    #[test]
    fn nesting_is_bounded_and_errors_are_placed() {
        let deep = format!(
            "{}x{}",
            "{% if true %}".repeat(101),
            "{% endif %}".repeat(101)
        );
        let e = check(Path::new("layouts/shortcodes/x.tera.html"), "x", &deep).unwrap_err();
        assert_eq!(
            e.to_string(),
            "layouts/shortcodes/x.tera.html:1:1301: Tera blocks and parentheses nested more than 100 deep (flatten the template)"
        );
        let parens = format!("{{{{ {}1{} }}}}", "(".repeat(101), ")".repeat(101));
        assert!(
            check(Path::new("p"), "x", &parens)
                .unwrap_err()
                .to_string()
                .starts_with("p:1:104: ")
        );
        let ok = format!(
            "{}x{}",
            "{% if true %}".repeat(100),
            "{% endif %}".repeat(100)
        );
        assert!(check(Path::new("p"), "x", &ok).is_ok());
        let bad = check(
            Path::new("p"),
            "x",
            "{% if true %}\n  {{ x | nope( }}\n{% endif %}",
        );
        assert_eq!(
            bad.unwrap_err().to_string(),
            "p:2:16: Tera syntax error: expected an identifier (must start with a-z)"
        );
    }
}
