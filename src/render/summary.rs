//! Hugo's automatic summary: the first paragraphs of a page, whole, until at
//! least `summaryLength` (70) words, as plain text. A `<!--more-->` divider or a
//! `summary` front-matter key are handled by the caller.

use crate::markdown::{self, Settings};
use regex::Regex;
use std::sync::LazyLock;

const SUMMARY_WORDS: usize = 70;

static SHORTCODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)\{\{[<%].*?[>%]\}\}").expect("valid regex"));
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").expect("valid regex"));

/// The summary of a Markdown body.
pub fn of_markdown(body: &str, settings: Settings) -> String {
    let body = match body.find("<!--more-->") {
        Some(i) => &body[..i],
        None => body,
    };
    let source = SHORTCODE.replace_all(body, "");
    let html = markdown::render_html(&source, settings);
    let mut words = 0;
    let mut out = String::new();
    for para in html.split("</p>") {
        let text = TAG.replace_all(para, " ");
        let text = html_unescape(&text);
        let mut piece = String::new();
        for w in text.split_whitespace() {
            if !piece.is_empty() {
                piece.push(' ');
            }
            piece.push_str(w);
            words += 1;
        }
        if !piece.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&piece);
        }
        if words >= SUMMARY_WORDS {
            break;
        }
    }
    out
}

fn html_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_paragraphs_until_seventy_words() {
        let long = "word ".repeat(60);
        let md = format!(
            "{long}\n\nsecond *para* with words here and more words to pass the limit\n\nthird\n"
        );
        let s = of_markdown(&md, Settings::default());
        assert!(s.ends_with("to pass the limit"), "{s}");
        assert!(!s.contains("third"));
    }

    #[test]
    fn more_divider_and_shortcodes() {
        assert_eq!(
            of_markdown(
                "Intro {{< x >}}text\n<!--more-->\nrest",
                Settings::default()
            ),
            "Intro text"
        );
    }
}
