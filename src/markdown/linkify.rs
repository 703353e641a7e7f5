//! Goldmark's linkify extension as Hugo configures it: bare `https://…`, `http://…`,
//! `www.…` (linked with `https://`) and e-mail addresses in text become links.

use regex::Regex;
use std::sync::LazyLock;

static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::patterns::fixed(
        r"(?i)(?:https?://|ftp://|www\.)[^\s<]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
    )
});

/// A piece of text: plain, or a link with its target.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Link { text: &'a str, href: String },
}

/// Splits `text` into plain runs and links.
pub fn split(text: &str) -> Vec<Piece<'_>> {
    // Every link has `://`, `www.` or `@`: text with none of them is plain.
    let maybe_link = text.contains("://")
        || text.contains('@')
        || text
            .as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"www."));
    if !maybe_link {
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![Piece::Text(text)]
        };
    }
    let mut out = Vec::new();
    let mut last = 0;
    for m in CANDIDATE.find_iter(text) {
        if m.start() < last {
            continue;
        }
        // As in GFM, an autolink starts a line, or follows white space or `*_~(`;
        // in Goldmark also an opening quote, which the typographer makes a
        // node of its own (`"a@b.io"`, not `x"a@b.io`).
        let mut before = text.get(..m.start()).unwrap_or_default().chars().rev();
        let boundary = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "*_~(".contains(c));
        let prev = before.next();
        let opens = prev.is_some_and(|c| c == '"' || c == '\'') && boundary(before.next());
        if !boundary(prev) && !opens {
            continue;
        }
        let raw = trim_trailing(m.as_str());
        let is_email =
            !raw.contains("://") && !raw.to_lowercase().starts_with("www.") && raw.contains('@');
        if raw.to_lowercase().starts_with("www.") && !raw.get(4..).unwrap_or_default().contains('.')
        {
            continue;
        }
        if raw.ends_with("://") || raw.is_empty() {
            continue;
        }
        // The host needs a dot (`https://localhost:8080` stays text).
        if let Some(rest) = raw.split_once("://").map(|(_, r)| r) {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            if !host.contains('.') {
                continue;
            }
        }
        let href = if is_email {
            format!("mailto:{raw}")
        } else if raw.to_lowercase().starts_with("www.") {
            format!("https://{raw}")
        } else {
            raw.to_string()
        };
        if m.start() > last {
            out.push(Piece::Text(text.get(last..m.start()).unwrap_or_default()));
        }
        out.push(Piece::Link { text: raw, href });
        last = m.start() + raw.len();
    }
    if last < text.len() {
        out.push(Piece::Text(text.get(last..).unwrap_or_default()));
    }
    out
}

/// Drops trailing punctuation and an unbalanced closing parenthesis.
fn trim_trailing(url: &str) -> &str {
    let mut s = url;
    loop {
        let before = s;
        s = s.trim_end_matches(['?', '!', '.', ',', ':', '*', '_', '~', '\'', '"', ';']);
        if s.ends_with(')') && s.matches('(').count() < s.matches(')').count() {
            s = s.get(..s.len() - 1).unwrap_or_default();
        }
        if s == before {
            return s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_emails_and_www() {
        assert_eq!(
            split("see https://aws.amazon.com/kms. Or www.example.com, or me@x.io"),
            vec![
                Piece::Text("see "),
                Piece::Link {
                    text: "https://aws.amazon.com/kms",
                    href: "https://aws.amazon.com/kms".into()
                },
                Piece::Text(". Or "),
                Piece::Link {
                    text: "www.example.com",
                    href: "https://www.example.com".into()
                },
                Piece::Text(", or "),
                Piece::Link {
                    text: "me@x.io",
                    href: "mailto:me@x.io".into()
                },
            ]
        );
    }

    #[test]
    fn parentheses_balance() {
        assert_eq!(
            split("(https://x.io/a_(b))"),
            vec![
                Piece::Text("("),
                Piece::Link {
                    text: "https://x.io/a_(b)",
                    href: "https://x.io/a_(b)".into()
                },
                Piece::Text(")"),
            ]
        );
    }

    #[test]
    fn autolinks_need_a_boundary_and_a_dotted_host() {
        assert_eq!(split("x“me@x.io”"), vec![Piece::Text("x“me@x.io”")]);
        assert_eq!(
            split("https://PublicDNSname:port/#s"),
            vec![Piece::Text("https://PublicDNSname:port/#s")]
        );
    }

    #[test]
    fn plain_text_stays() {
        assert_eq!(split("no links here"), vec![Piece::Text("no links here")]);
    }
}
