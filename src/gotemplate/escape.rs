//! Go html/template's contextual escaping, as far as workshop templates need it:
//! where a value is printed is read from the output before it (text, inside a
//! tag, an attribute value, a URL attribute, a `<script>` or `<style>` element)
//! and the value is escaped for that place. Trusted values (`safeHTML`,
//! `safeURL`, …) pass unescaped where their kind is trusted.

use super::value::{Trust, Value};
use crate::theme::go_escape;

/// Where in an HTML document a value lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Text,
    /// Inside a start tag, between attributes.
    Tag,
    /// An attribute value; `url` for attributes holding a URL, `start` when
    /// nothing of the value precedes.
    Attr {
        url: bool,
        start: bool,
    },
    Script,
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

/// The place after `before` (the output so far).
fn place_after(before: &str) -> Place {
    let lower_tail = |tag: &str| {
        let lower = before.to_ascii_lowercase();
        let open = lower.rfind(&format!("<{tag}"));
        let close = lower.rfind(&format!("</{tag}"));
        match (open, close) {
            (Some(o), c) if c.is_none_or(|c| c < o) => lower[o..].contains('>'),
            _ => false,
        }
    };
    if lower_tail("script") {
        return Place::Script;
    }
    if lower_tail("style") {
        return Place::Style;
    }
    let Some(open) = before.rfind('<') else {
        return Place::Text;
    };
    if before[open..].contains('>')
        || !before[open + 1..].starts_with(|c: char| c.is_ascii_alphabetic())
    {
        return Place::Text;
    }
    // Inside a start tag: walk its attributes.
    let tag = &before[open + 1..];
    let mut rest = tag.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '-');
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return Place::Tag;
        }
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..name_len.max(1).min(rest.len())];
        rest = rest[name.len()..].trim_start();
        let Some(after_eq) = rest.strip_prefix('=') else {
            continue;
        };
        let value = after_eq.trim_start();
        let url = is_url_attribute(name);
        match value.chars().next() {
            None => return Place::Attr { url, start: true },
            Some(q @ ('"' | '\'')) => match value[1..].find(q) {
                Some(end) => rest = &value[end + 2..],
                None => {
                    return Place::Attr {
                        url,
                        start: value.len() == 1,
                    };
                }
            },
            Some(_) => match value.find(char::is_whitespace) {
                Some(end) => rest = &value[end..],
                None => return Place::Attr { url, start: false },
            },
        }
    }
}

/// html/template's URL normaliser: bytes outside a URL's allowed set are
/// percent-encoded; `%` stays.
fn normalize_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!#$&*+,/:;=?@[]%".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Whether a URL printed where a URL starts is safe: no scheme, or a web or mail one.
fn safe_url_start(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => {
            let scheme = scheme.to_ascii_lowercase();
            scheme == "http" || scheme == "https" || scheme == "mailto"
        }
        _ => true,
    }
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
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// Escapes `v` for printing after `before`.
pub fn escape(before: &str, v: &Value<'_>) -> String {
    let place = place_after(before);
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
        (Place::Attr { url: true, start }, other) => {
            let text = other.to_text();
            let trusted = matches!(other, Value::Trusted(Trust::Url, _));
            if start && !trusted && !safe_url_start(&text) {
                return "#ZgotmplZ".into();
            }
            go_escape(&normalize_url(&text))
        }
        (Place::Attr { .. }, Value::Trusted(Trust::Html, s)) => {
            // Markup in an attribute keeps only its text.
            go_escape(&super::funcs::strip_html(s))
        }
        (Place::Attr { .. }, other) => go_escape(&other.to_text()),
        (Place::Script, Value::Trusted(Trust::Js, s)) => s.to_string(),
        (Place::Script, other) => js_value(other),
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

    #[test]
    fn places() {
        assert_eq!(place_after("<p>Hi "), Place::Text);
        assert_eq!(place_after("<a "), Place::Tag);
        assert_eq!(
            place_after("<a title=\"x\" href=\""),
            Place::Attr {
                url: true,
                start: true
            }
        );
        assert_eq!(
            place_after("<a href=\"/x?q="),
            Place::Attr {
                url: true,
                start: false
            }
        );
        assert_eq!(
            place_after("<img alt='"),
            Place::Attr {
                url: false,
                start: true
            }
        );
        assert_eq!(place_after("<a href=\"x\">"), Place::Text);
        assert_eq!(place_after("<script>var x = "), Place::Script);
        assert_eq!(place_after("<script>1</script><p>"), Place::Text);
        assert_eq!(place_after("<style>p { color: "), Place::Style);
        assert_eq!(place_after("a < b "), Place::Text);
    }

    #[test]
    fn escaping_by_place() {
        let s = |t: &str| Value::str(t);
        assert_eq!(escape("<p>", &s("<b>&")), "&lt;b&gt;&amp;");
        assert_eq!(escape("<p>", &Value::html("<b>")), "<b>");
        assert_eq!(
            escape("<a href=\"", &s("https://x.org/a b?x=1&y='2'")),
            "https://x.org/a%20b?x=1&amp;y=%272%27"
        );
        assert_eq!(escape("<a href=\"", &s("javascript:alert(1)")), "#ZgotmplZ");
        assert_eq!(
            escape("<a href=\"", &Value::trusted(Trust::Url, "javascript:go()")),
            "javascript:go%28%29"
        );
        assert_eq!(escape("<a title=\"", &Value::html("<i>T</i> &")), "T &amp;");
        assert_eq!(
            escape("<script>var t = ", &s("a\"</script>")),
            "\"a\\\"\\u003c/script\\u003e\""
        );
        assert_eq!(escape("<script>var n = ", &Value::Int(3)), " 3 ");
        assert_eq!(
            escape("<div ", &Value::trusted(Trust::HtmlAttr, "data-x=\"1\"")),
            "data-x=\"1\""
        );
    }
}
