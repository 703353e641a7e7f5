//! Escaping, in one home: text for HTML as Goldmark writes it and as Go's
//! html/template does, code, link destinations, XML (feeds, sitemaps) and JSON
//! as Go's encoder writes it. Each is a table of ASCII bytes to replace; the text
//! between them is copied a run at a time.

/// `text` with every ASCII character `replacement` names replaced. Only ASCII
/// bytes may be named (they are never part of another character), so the text
/// between them is copied a run at a time.
pub fn escape_with(text: &str, replacement: impl Fn(u8) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text, replacement);
    out
}

/// [`escape_with`], appending to `out`.
pub fn escape_into(out: &mut String, text: &str, replacement: impl Fn(u8) -> Option<&'static str>) {
    let mut rest = text;
    while let Some((at, with)) = rest
        .bytes()
        .enumerate()
        .find_map(|(i, b)| replacement(b).map(|r| (i, r)))
    {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        out.push_str(with);
        rest = from.get(1..).unwrap_or_default();
    }
    out.push_str(rest);
}

/// HTML-escapes text as Goldmark does (`& < > "`).
pub fn escape_text(out: &mut String, s: &str) {
    escape_into(out, s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        _ => None,
    });
}

/// Escapes code as Go's `html.EscapeString` (`& < > ' "`).
pub fn escape_code(out: &mut String, s: &str) {
    escape_into(out, s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'\'' => Some("&#39;"),
        b'"' => Some("&#34;"),
        _ => None,
    });
}

/// Escapes like Go's html/template: `& < > " ' +` and NUL.
pub fn go_escape(input: &str) -> String {
    escape_with(input, go_html_replacement)
}

/// What html/template writes for a byte of text in HTML, if not the byte.
fn go_html_replacement(b: u8) -> Option<&'static str> {
    match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&#34;"),
        b'\'' => Some("&#39;"),
        b'+' => Some("&#43;"),
        b'\0' => Some("\u{FFFD}"),
        _ => None,
    }
}

/// [`go_escape`] but for `&`: html/template's normalising of HTML put in an
/// attribute, whose entities stay as they are.
pub fn go_escape_keeping_entities(input: &str) -> String {
    escape_with(input, |b| {
        if b == b'&' {
            None
        } else {
            go_html_replacement(b)
        }
    })
}

/// Escapes text for XML as Go's `xml.EscapeText` (Hugo's `transform.XMLEscape`):
/// `& < > " '`, tab and line ends as character references.
pub fn xml_escape(text: &str) -> String {
    escape_with(text, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&#34;"),
        b'\'' => Some("&#39;"),
        b'\t' => Some("&#x9;"),
        b'\n' => Some("&#xA;"),
        b'\r' => Some("&#xD;"),
        _ => None,
    })
}

/// JSON text as Go's encoding/json writes it (Hugo's `jsonify`, learn's search
/// index): `<`, `>`, `&` and the JavaScript line separators escaped, so that the
/// text can sit in HTML or a script.
pub fn go_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 32);
    let mut rest = json;
    // One pass: the characters to escape are ASCII, or start with the byte 0xE2.
    while let Some(at) = rest
        .bytes()
        .position(|b| matches!(b, b'<' | b'>' | b'&' | 0xE2))
    {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let mut chars = from.chars();
        let c = chars.next().unwrap_or_default();
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            other => out.push(other),
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    out
}

/// Percent-encodes a link destination as Goldmark does (URL syntax kept, a `%`
/// kept only where two hex digits follow it, `[ ] ^ { } | \`` and non-ASCII
/// encoded), then HTML-escapes it; dangerous schemes give an empty URL.
pub fn escape_url(out: &mut String, url: &str) {
    let lower = url.trim_start().to_ascii_lowercase();
    let dangerous = ["javascript:", "vbscript:", "file:"]
        .iter()
        .any(|s| lower.starts_with(s))
        || (lower.starts_with("data:") && !lower.starts_with("data:image/"));
    if dangerous {
        return;
    }
    let bytes = url.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'&' => out.push_str("&amp;"),
            b'%' if bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)) =>
            {
                out.push('%')
            }
            b if b.is_ascii_alphanumeric() || b"-_.!~*'();/?:@=+$,#".contains(&b) => {
                out.push(b as char)
            }
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
}

/// Whether a URL printed where a URL starts is safe: no scheme, or a web or mail one.
pub fn safe_url_start(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => {
            let scheme = scheme.to_ascii_lowercase();
            scheme == "http" || scheme == "https" || scheme == "mailto"
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_json_escapes_what_gos_encoder_escapes() {
        assert_eq!(
            go_json("{\"a\":\"<b>&\u{2028}\u{2029}\u{2013}é\"}"),
            "{\"a\":\"\\u003cb\\u003e\\u0026\\u2028\\u2029\u{2013}é\"}"
        );
        assert_eq!(go_json(""), "");
    }

    #[test]
    fn link_destinations_are_encoded_as_goldmark_encodes_them() {
        let mut out = String::new();
        escape_url(&mut out, "/a b'[c]|^`{d}\"<e>&%41%%2z%é");
        assert_eq!(
            out,
            "/a%20b'%5Bc%5D%7C%5E%60%7Bd%7D%22%3Ce%3E&amp;%41%25%252z%25%C3%A9"
        );
        let mut out = String::new();
        escape_url(&mut out, "javascript:alert(1)");
        assert_eq!(out, "");
    }

    #[test]
    fn escaping_matches_go_html_template() {
        assert_eq!(
            go_escape("C++ <b> & \"q\" 'a'"),
            "C&#43;&#43; &lt;b&gt; &amp; &#34;q&#34; &#39;a&#39;"
        );
    }
}
