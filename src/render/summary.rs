//! Hugo's automatic summary: the first blocks of a page's rendered body, whole,
//! until at least `summaryLength` (70) words (the manual and front-matter ones are
//! the caller's); and `.Plain`, a page's text.

use regex::Regex;
use std::sync::LazyLock;

const SUMMARY_WORDS: usize = 70;

/// The summary as HTML: the page's first top-level blocks, whole, until they
/// hold at least 70 words.
pub fn of_html(html: &str) -> String {
    static BLOCK_TAG: LazyLock<Regex> = LazyLock::new(|| {
        crate::text::patterns::fixed(
            r"(?i)<(/?)(p|ul|ol|div|blockquote|table|pre|dl|details|figure|section|h[1-6])[\s>]",
        )
    });
    let mut depth: i64 = 0;
    let mut words = 0;
    let mut block_start = 0;
    for m in BLOCK_TAG.captures_iter(html) {
        let Some(whole) = m.get(0) else { continue };
        if m[1].is_empty() {
            depth += 1;
            continue;
        }
        depth -= 1;
        if depth > 0 {
            continue;
        }
        let end = if whole.as_str().ends_with('>') {
            whole.end()
        } else {
            html.get(whole.end()..)
                .unwrap_or_default()
                .find('>')
                .map_or(html.len(), |i| whole.end() + i + 1)
        };
        words += plain_text(html.get(block_start..end).unwrap_or_default())
            .split_whitespace()
            .count();
        block_start = end;
        if words >= SUMMARY_WORDS {
            return html.get(..end).unwrap_or_default().trim_end().to_string();
        }
    }
    html.trim_end().to_string()
}

/// Entities `.Plain` decodes, and what they stand for.
const ENTITIES: &[(&str, &str)] = &[
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&quot;", "\""),
    ("&#39;", "'"),
    ("&rsquo;", "\u{2019}"),
    ("&lsquo;", "\u{2018}"),
    ("&ldquo;", "\u{201C}"),
    ("&rdquo;", "\u{201D}"),
    ("&ndash;", "\u{2013}"),
    ("&mdash;", "\u{2014}"),
    ("&hellip;", "\u{2026}"),
    ("&amp;", "&"),
];

/// Hugo's `.Plain`: line ends, `</p>` and `<br>` become white space, other tags
/// are dropped, entities are decoded and runs of white space collapse to one
/// space. One pass over the HTML.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut space = false;
    let mut rest = html;
    while let Some(i) = rest.bytes().position(|b| b == b'<' || b == b'&') {
        push_words(&mut out, rest.get(..i).unwrap_or_default(), &mut space);
        let at = rest.get(i..).unwrap_or_default();
        if let Some(after_lt) = at.strip_prefix('<') {
            match at.bytes().position(|b| b == b'>') {
                Some(end) => {
                    let tag = at.get(..=end).unwrap_or_default();
                    let is_break = tag.eq_ignore_ascii_case("</p>")
                        || (tag.get(..3).is_some_and(|t| t.eq_ignore_ascii_case("<br"))
                            && tag
                                .get(3..tag.len() - 1)
                                .unwrap_or_default()
                                .trim_end_matches('/')
                                .trim()
                                .is_empty());
                    if is_break {
                        space = true;
                    }
                    rest = at.get(end + 1..).unwrap_or_default();
                }
                None => {
                    push_words(&mut out, "<", &mut space);
                    rest = after_lt;
                }
            }
        } else {
            match ENTITIES.iter().find(|(e, _)| at.starts_with(e)) {
                Some((entity, text)) => {
                    push_words(&mut out, text, &mut space);
                    rest = at.get(entity.len()..).unwrap_or_default();
                }
                None => {
                    push_words(&mut out, "&", &mut space);
                    rest = at.strip_prefix('&').unwrap_or(at);
                }
            }
        }
    }
    push_words(&mut out, rest, &mut space);
    out
}

/// Appends the words of `text` to `out`: white space before a word (here, or
/// at the end of the text before, as `space` says) becomes one space, none at
/// the start of `out`. A byte at a time; only a non-ASCII character is decoded.
fn push_words(out: &mut String, text: &str, space: &mut bool) {
    let mut word_start = 0;
    let mut i = 0;
    let add_word = |out: &mut String, word: &str, space: &mut bool| {
        if word.is_empty() {
            return;
        }
        if *space && !out.is_empty() {
            out.push(' ');
        }
        *space = false;
        out.push_str(word);
    };
    while let Some(&b) = text.as_bytes().get(i) {
        let white = if b.is_ascii() {
            usize::from(matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C))
        } else {
            match text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                Some(c) => {
                    i += c.len_utf8();
                    continue;
                }
                None => 0,
            }
        };
        if white == 0 {
            i += 1;
            continue;
        }
        add_word(out, text.get(word_start..i).unwrap_or_default(), space);
        *space = true;
        i += white;
        word_start = i;
    }
    add_word(out, text.get(word_start..).unwrap_or_default(), space);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_what_a_reader_reads() {
        assert_eq!(
            plain_text(
                "<p>Hello <b>world</b>&nbsp;&amp;lt;</p><p>Next</p>\n<br/>a<BR >b &lt;x&gt; 1 < 2"
            ),
            "Hello world&nbsp;&lt; Next a b <x> 1 < 2"
        );
        assert_eq!(plain_text("  <p> spaced \n\t out </p> "), "spaced out");
        assert_eq!(plain_text("a</P>b"), "a b");
        // Unicode white space separates words too; other characters do not.
        assert_eq!(
            plain_text("é\u{A0}\u{A0}ü\u{3000}x\u{200B}y\u{B}z"),
            "é ü x\u{200B}y z"
        );
        assert_eq!(plain_text("it&rsquo;s &hellip;"), "it\u{2019}s \u{2026}");
    }

    #[test]
    fn html_summary_keeps_whole_blocks() {
        let long = "word ".repeat(69);
        let html = format!("<p>{long}</p>\n<ul>\n<li>a <p>b</p></li>\n</ul>\n<p>after</p>\n");
        assert_eq!(
            of_html(&html),
            format!("<p>{long}</p>\n<ul>\n<li>a <p>b</p></li>\n</ul>")
        );
        assert_eq!(of_html("<p>short</p>\n"), "<p>short</p>");
    }

    #[test]
    fn plain_text_like_hugo() {
        assert_eq!(
            plain_text("<p>In <a href=\"x\">Hugo</a>, pages &amp; more</p>\n<p>C<br>D</p>"),
            "In Hugo, pages & more C D"
        );
    }
}
