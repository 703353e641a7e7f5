//! Go's regular expressions (RE2 syntax) on Rust's regex crate. The syntax is
//! the same but for one meaning: Go's `\w`, `\d`, `\s` and `\b` are ASCII, Rust's
//! Unicode. Patterns are rewritten to Go's meaning (which also compiles much
//! faster) and compiled once for the whole build, as templates run the same
//! patterns page after page.

use regex::Regex;
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

/// The ASCII class of a Perl escape, as it reads inside brackets.
fn ascii_class(c: char) -> Option<&'static str> {
    Some(match c {
        'w' => "0-9A-Za-z_",
        'd' => "0-9",
        's' => "\\t\\n\\x0C\\r ",
        _ => return None,
    })
}

/// `pattern` with Go's ASCII meaning of `\w \W \d \D \s \S \b \B`.
pub fn go_syntax(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    out.push('\\');
                    break;
                };
                let lower = e.to_ascii_lowercase();
                match (ascii_class(lower), e.is_ascii_uppercase(), in_class) {
                    (Some(class), false, true) => out.push_str(class),
                    (Some(class), false, false) => {
                        out.push('[');
                        out.push_str(class);
                        out.push(']');
                    }
                    (Some(class), true, false) => {
                        out.push_str("[^");
                        out.push_str(class);
                        out.push(']');
                    }
                    // A negated class inside brackets keeps Rust's syntax, ASCII.
                    (Some(_), true, true) => {
                        out.push_str("[:^");
                        out.push_str(match lower {
                            'w' => "word",
                            'd' => "digit",
                            _ => "space",
                        });
                        out.push_str(":]");
                    }
                    (None, _, false) if lower == 'b' => {
                        out.push_str("(?-u:\\");
                        out.push(e);
                        out.push(')');
                    }
                    _ => {
                        out.push('\\');
                        out.push(e);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                // A `]` right after `[` or `[^` is a literal.
                let rest = chars.as_str();
                let lead = if rest.starts_with("^]") {
                    "^]"
                } else if rest.starts_with(']') {
                    "]"
                } else if rest.starts_with('^') {
                    "^"
                } else {
                    ""
                };
                out.push_str(lead);
                for _ in 0..lead.len() {
                    chars.next();
                }
            }
            '[' if in_class && chars.as_str().starts_with(':') => {
                // A POSIX class such as [:alpha:] stays as it is.
                out.push('[');
                let rest = chars.as_str();
                if let Some(end) = rest.find(":]") {
                    out.push_str(rest.get(..end + 2).unwrap_or_default());
                    for _ in 0..rest.get(..end + 2).unwrap_or_default().chars().count() {
                        chars.next();
                    }
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    out
}

/// `pattern` compiled with Go's meaning, from the build-wide cache.
pub fn compiled(pattern: &str) -> Result<Regex, String> {
    static CACHE: LazyLock<Mutex<HashMap<String, Regex>>> = LazyLock::new(Default::default);
    if let Some(re) = CACHE.lock().unwrap_or_else(|e| e.into_inner()).get(pattern) {
        return Ok(re.clone());
    }
    let re = Regex::new(&go_syntax(pattern)).map_err(|e| {
        // The regex crate draws the pattern over several lines; one line, as Go.
        let text = e.to_string();
        let cause = text.lines().last().unwrap_or_default();
        let cause = cause.strip_prefix("error: ").unwrap_or(cause);
        format!("error parsing regexp: {cause}: `{pattern}`")
    })?;
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    // Templates that build patterns from data could grow it without end.
    if cache.len() >= 1024 {
        cache.clear();
    }
    cache.insert(pattern.to_string(), re.clone());
    Ok(re)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perl_classes_mean_what_they_mean_in_go() {
        assert_eq!(
            go_syntax(r"(\w)ing([\s\n<.,;?!:])"),
            r"([0-9A-Za-z_])ing([\t\n\x0C\r \n<.,;?!:])"
        );
        assert_eq!(go_syntax(r"\D+\S"), r"[^0-9]+[^\t\n\x0C\r ]");
        assert_eq!(go_syntax(r"\bword\b"), r"(?-u:\b)word(?-u:\b)");
        assert_eq!(go_syntax(r"[^\W_]"), r"[^[:^word:]_]");
        assert!(compiled(r"[^\W_]+").unwrap().is_match("ab"));
        assert_eq!(go_syntax(r"[]a\d]"), r"[]a0-9]");
        assert_eq!(go_syntax(r"[[:alpha:]\d]"), r"[[:alpha:]0-9]");
        assert_eq!(go_syntax(r"a\.b\\w"), r"a\.b\\w");
        // ASCII as in Go: "é" is not a word character there.
        let re = compiled(r"^\w+$").unwrap();
        assert!(re.is_match("abc_1") && !re.is_match("café"));
        assert!(compiled(r"(\w)(?:[aeiou])ble([\s<.,])").is_ok());
    }
}
