//! Go html/template's contextual escaping, as far as workshop templates need it:
//! where a value is printed is read from the output before it (text, inside a
//! tag, an attribute value, a URL attribute, a `<script>` or `<style>` element)
//! and the value is escaped for that place. Trusted values (`safeHTML`,
//! `safeURL`, …) pass unescaped where their kind is trusted.

use super::value::{Trust, Value};
use crate::text::escape::{go_escape, go_escape_keeping_entities, safe_url_start};

/// Where in an HTML document a value lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Text,
    /// Inside a start tag, between attributes.
    Tag,
    /// An attribute value: `url` for attributes holding a URL, `start` when
    /// nothing of the value precedes, `query` when a `?` or `#` of it does.
    Attr {
        url: bool,
        start: bool,
        query: bool,
        quoted: bool,
    },
    Script,
    /// Inside a quoted string of a script (`'…{{ . }}…'`).
    ScriptString,
    Style,
}

/// Attributes whose value is a URL, as html/template lists them.
fn is_url_attribute(name: &str) -> bool {
    const URL_ATTRIBUTES: &[&str] = &[
        "action",
        "archive",
        "background",
        "cite",
        "classid",
        "codebase",
        "data",
        "formaction",
        "href",
        "icon",
        "longdesc",
        "manifest",
        "poster",
        "profile",
        "src",
        "usemap",
        "xmlns",
    ];
    let name = name.to_ascii_lowercase();
    let name = name.strip_prefix("data-").unwrap_or(&name);
    URL_ATTRIBUTES.contains(&name)
        || name.contains("src")
        || name.contains("uri")
        || name.contains("url")
}

/// A raw-text element: its content is script or style, not markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Raw {
    Script,
    Style,
}

/// What the place of a value depends on beyond the end of the output: whether
/// the output is inside a `<script>` or `<style>` element. Kept per output and
/// brought up to date with the text added since, so each value costs only what
/// was written since the previous one.
#[derive(Debug, Default)]
pub struct Tracker {
    scanned: usize,
    raw: Option<Raw>,
}

impl Tracker {
    fn update(&mut self, out: &str) {
        let bytes = out.as_bytes();
        let mut at = self.scanned.min(bytes.len());
        while let Some(i) = memchr_from(bytes, b'<', at) {
            let rest = bytes.get(i + 1..).unwrap_or_default();
            let starts = |name: &[u8]| {
                rest.len() >= name.len()
                    && rest
                        .get(..name.len())
                        .unwrap_or_default()
                        .eq_ignore_ascii_case(name)
            };
            let opening = if starts(b"script") {
                Some(Raw::Script)
            } else if starts(b"style") {
                Some(Raw::Style)
            } else {
                None
            };
            if self.raw.is_none()
                && let Some(kind) = opening
            {
                // The element starts once its start tag is complete.
                match memchr_from(bytes, b'>', i) {
                    Some(end) => {
                        self.raw = Some(kind);
                        at = end + 1;
                        continue;
                    }
                    None => {
                        self.scanned = i;
                        return;
                    }
                }
            }
            let closing = match self.raw {
                Some(Raw::Script) => starts(b"/script"),
                Some(Raw::Style) => starts(b"/style"),
                None => false,
            };
            if closing {
                self.raw = None;
            }
            // A tag name cut at the end of the output is looked at again.
            if rest.len() < 8 {
                self.scanned = i;
                return;
            }
            at = i + 1;
        }
        self.scanned = bytes.len();
    }
}

fn memchr_from(bytes: &[u8], byte: u8, from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|i| from + i)
}

/// The place after `before` (the output so far), inside raw-text element `raw`.
fn place_after(before: &str, raw: Option<Raw>) -> Place {
    match raw {
        Some(Raw::Script) => {
            return if in_script_string(before) {
                Place::ScriptString
            } else {
                Place::Script
            };
        }
        Some(Raw::Style) => return Place::Style,
        None => {}
    }
    let Some(open) = before.rfind('<') else {
        return Place::Text;
    };
    if before.get(open..).unwrap_or_default().contains('>')
        || !before
            .get(open + 1..)
            .unwrap_or_default()
            .starts_with(|c: char| c.is_ascii_alphabetic())
    {
        return Place::Text;
    }
    // Inside a start tag: walk its attributes.
    let tag = before.get(open + 1..).unwrap_or_default();
    let mut rest = tag.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '-');
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return Place::Tag;
        }
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest
            .get(..name_len.max(1).min(rest.len()))
            .unwrap_or_default();
        rest = rest.get(name.len()..).unwrap_or_default().trim_start();
        let Some(after_eq) = rest.strip_prefix('=') else {
            continue;
        };
        let value = after_eq.trim_start();
        let url = is_url_attribute(name);
        let attr = |so_far: &str, quoted: bool| Place::Attr {
            url,
            start: so_far.is_empty(),
            query: so_far.contains(['?', '#']),
            quoted,
        };
        match value.chars().next() {
            None => return attr("", false),
            Some(q @ ('"' | '\'')) => match value.get(1..).unwrap_or_default().find(q) {
                Some(end) => rest = value.get(end + 2..).unwrap_or_default(),
                None => return attr(value.get(1..).unwrap_or_default(), true),
            },
            Some(_) => match value.find(char::is_whitespace) {
                Some(end) => rest = value.get(end..).unwrap_or_default(),
                None => return attr(value, false),
            },
        }
    }
}

/// html/template's URL processing: bytes outside a URL's allowed set are
/// percent-encoded (lower-case hex); `normalize` keeps URL syntax (`/`, `?`, `&`,
/// `%`…), as for the path of a URL, else only unreserved characters stay (a query
/// value).
fn process_url(url: &str, normalize: bool) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || b"-._~".contains(&b)
            || (normalize && b"!#$&*+,/:;=?@[]%".contains(&b));
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02x}"));
        }
    }
    out
}

/// html/template's escaper for unquoted attribute values.
fn escape_unquoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            ' ' => out.push_str("&#32;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\x0c' => out.push_str("&#12;"),
            '\r' => out.push_str("&#13;"),
            '=' => out.push_str("&#61;"),
            '`' => out.push_str("&#96;"),
            _ => out.push_str(&go_escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// Whether the end of `before`, inside a `<script>` element, is inside one of
/// the script's quoted strings: the script since its start tag is read for
/// quotes, escapes and comments.
fn in_script_string(before: &str) -> bool {
    let lower_start = before
        .as_bytes()
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"<script"));
    let body_start = lower_start
        .and_then(|i| before.get(i..)?.find('>').map(|e| i + e + 1))
        .unwrap_or(0);
    let script = before.get(body_start..).unwrap_or_default();
    let mut quote: Option<char> = None;
    let mut chars = script.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some(_) if c == '\\' => {
                chars.next();
            }
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' | '`' => quote = Some(c),
                '/' if chars.peek() == Some(&'/') => {
                    // A line comment runs to the end of its line.
                    for c in chars.by_ref() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                '/' if chars.peek() == Some(&'*') => {
                    chars.next();
                    let mut previous = ' ';
                    for c in chars.by_ref() {
                        if previous == '*' && c == '/' {
                            break;
                        }
                        previous = c;
                    }
                }
                _ => {}
            },
        }
    }
    quote.is_some()
}

/// Text inside a quoted script string (html/template's JS string escaper):
/// quotes, markup characters and `+` as `\uXXXX`, `/` as `\/`.
fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            '/' => out.push_str("\\/"),
            '"' | '`' | '&' | '\'' | '+' | '<' | '>' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// A value as a JavaScript value (html/template's JS value escaper).
fn js_value(v: &Value<'_>) -> String {
    let json = match v {
        Value::Nil => return "null".into(),
        Value::Bool(b) => return b.to_string(),
        Value::Int(i) => return format!(" {i} "),
        Value::Float(f) => return format!(" {f} "),
        other => serde_json::Value::String(other.to_text()).to_string(),
    };
    crate::text::escape::go_json(&json)
}

/// Escapes `v` for printing after `before`; `tracker` follows `before`.
pub fn escape(before: &str, tracker: &mut Tracker, v: &Value<'_>) -> String {
    tracker.update(before);
    let place = place_after(before, tracker.raw);
    match (place, v) {
        (Place::Text, Value::Trusted(Trust::Html, s)) => s.to_string(),
        (Place::Text, other) => go_escape(&other.to_text()),
        (Place::Tag, Value::Trusted(Trust::HtmlAttr, s)) => s.to_string(),
        (Place::Tag, other) => {
            let name = other.to_text();
            if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                name
            } else {
                "ZgotmplZ".into()
            }
        }
        (
            Place::Attr {
                url: true,
                start,
                query,
                quoted,
            },
            other,
        ) => {
            let text = other.to_text();
            let trusted = matches!(other, Value::Trusted(Trust::Url, _));
            if start && !trusted && !safe_url_start(&text) {
                return "#ZgotmplZ".into();
            }
            let processed = process_url(&text, !query);
            if quoted {
                go_escape(&processed)
            } else {
                escape_unquoted(&processed)
            }
        }
        // Markup in an attribute keeps only its text, whose entities stay
        // (html/template leaves `&` of HTML as it is).
        (Place::Attr { quoted: true, .. }, Value::Trusted(Trust::Html, s)) => {
            go_escape_keeping_entities(&super::funcs::strip_html(s))
        }
        (Place::Attr { quoted, .. }, other) => {
            let text = match other {
                Value::Trusted(Trust::Html, s) => super::funcs::strip_html(s),
                other => other.to_text(),
            };
            if quoted {
                go_escape(&text)
            } else {
                escape_unquoted(&text)
            }
        }
        (Place::Script, Value::Trusted(Trust::Js, s)) => s.to_string(),
        (Place::Script, other) => js_value(other),
        (Place::ScriptString, Value::Trusted(Trust::Js, s)) => s.to_string(),
        (Place::ScriptString, other) => js_string(&other.to_text()),
        (Place::Style, Value::Trusted(Trust::Css, s)) => s.to_string(),
        (Place::Style, other) => {
            let text = other.to_text();
            if text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || " #.,%-_".contains(c))
            {
                text
            } else {
                "ZgotmplZ".into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place_of(before: &str) -> Place {
        let mut t = Tracker::default();
        t.update(before);
        place_after(before, t.raw)
    }

    #[test]
    fn tracking_follows_the_output_as_it_grows() {
        let mut t = Tracker::default();
        let mut out = String::from("<p>a</p><scr");
        t.update(&out);
        assert_eq!(t.raw, None);
        out.push_str("ipt type=\"x\">var a = \"<b>\";");
        t.update(&out);
        assert_eq!(t.raw, Some(Raw::Script));
        out.push_str("</SCRIPT><style>");
        t.update(&out);
        assert_eq!(t.raw, Some(Raw::Style));
        out.push_str("p{}</style>");
        t.update(&out);
        assert_eq!(t.raw, None);
    }

    #[test]
    fn places() {
        assert_eq!(place_of("<p>Hi "), Place::Text);
        assert_eq!(place_of("<a "), Place::Tag);
        let attr = |url, start, query, quoted| Place::Attr {
            url,
            start,
            query,
            quoted,
        };
        assert_eq!(
            place_of("<a title=\"x\" href=\""),
            attr(true, true, false, true)
        );
        assert_eq!(place_of("<a href=\"/x?q="), attr(true, false, true, true));
        assert_eq!(place_of("<img alt='"), attr(false, true, false, true));
        assert_eq!(place_of("<div id="), attr(false, true, false, false));
        assert_eq!(place_of("<a href=\"x\">"), Place::Text);
        assert_eq!(place_of("<script>var x = "), Place::Script);
        assert_eq!(place_of("<script>1</script><p>"), Place::Text);
        assert_eq!(place_of("<style>p { color: "), Place::Style);
        assert_eq!(place_of("a < b "), Place::Text);
    }

    #[test]
    fn escaping_by_place() {
        let s = |t: &str| Value::str(t);
        let escape = |before: &str, v: &Value<'_>| escape(before, &mut Tracker::default(), v);
        assert_eq!(escape("<p>", &s("<b>&")), "&lt;b&gt;&amp;");
        assert_eq!(escape("<p>", &Value::html("<b>")), "<b>");
        assert_eq!(
            escape("<a href=\"", &s("https://x.org/a b?x=1&y='2'")),
            "https://x.org/a%20b?x=1&amp;y=%272%27"
        );
        assert_eq!(escape("<a href=\"/new?u=", &s("a/b c")), "a%2fb%20c");
        assert_eq!(escape("<div id=", &s("a b=c")), "a&#32;b&#61;c");
        assert_eq!(escape("<a href=\"", &s("javascript:alert(1)")), "#ZgotmplZ");
        assert_eq!(
            escape("<a href=\"", &Value::trusted(Trust::Url, "javascript:go()")),
            "javascript:go%28%29"
        );
        // Hugo 0.168 prints `title="T & &amp; &#34;q&#34; &#43;"` for the same HTML.
        assert_eq!(
            escape("<a title=\"", &Value::html("<i>T</i> & &amp; \"q\" +")),
            "T & &amp; &#34;q&#34; &#43;"
        );
        assert_eq!(
            escape("<script>var t = ", &s("a\"</script>")),
            "\"a\\\"\\u003c/script\\u003e\""
        );
        assert_eq!(escape("<script>var n = ", &Value::Int(3)), " 3 ");
        // Inside a quoted string of a script: the string's content, as Go escapes it
        // (Hugo 0.168's Disqus template prints `'https:\/\/x.org\/a?b=1\u0026amp;c=2'`).
        assert_eq!(
            escape("<script>s.url = '", &s("https://x.org/a?b=1&amp;c=2")),
            "https:\\/\\/x.org\\/a?b=1\\u0026amp;c=2"
        );
        assert_eq!(escape("<script>f(\"it's\", '", &s("a'b")), "a\\u0027b");
        assert_eq!(escape("<script>// don't\nx = ", &s("v")), "\"v\"");
        assert_eq!(escape("<script>x = 'a\\'' + ", &s("v")), "\"v\"");
        assert_eq!(
            escape("<div ", &Value::trusted(Trust::HtmlAttr, "data-x=\"1\"")),
            "data-x=\"1\""
        );
    }
}
