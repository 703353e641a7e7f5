//! What `labsite check` reads of rendered HTML: the links and images of a
//! page's body, and the element ids (anchors) of a whole page.

use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A link or image found in HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The URL as the attribute gives it, entities decoded.
    pub url: String,
    pub is_image: bool,
}

/// `<a href>` and `<img src>` attributes, in any quoting.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::patterns::fixed(
        r#"(?is)<(a|img)\b[^>]*?\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#,
    )
});

/// `id` and `name` attributes (older pages anchor with `<a name>`).
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::patterns::fixed(r#"(?i)\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)
});

/// The value of the first of capture groups `from..` that matched.
fn value(caps: &regex::Captures<'_>, from: usize) -> String {
    let raw = (from..from + 3)
        .find_map(|i| caps.get(i))
        .map_or("", |m| m.as_str());
    html_escape::decode_html_entities(raw).into_owned()
}

/// The links (`<a href>`) and images (`<img src>`) of `html`, in order.
pub fn references(html: &str) -> Vec<Reference> {
    REFERENCE
        .captures_iter(html)
        .filter_map(|caps| {
            let tag = caps.get(1)?.as_str().to_ascii_lowercase();
            let attribute = caps.get(2)?.as_str().to_ascii_lowercase();
            let is_image = match (tag.as_str(), attribute.as_str()) {
                ("a", "href") => false,
                ("img", "src") => true,
                _ => return None,
            };
            Some(Reference {
                url: value(&caps, 3),
                is_image,
            })
        })
        .collect()
}

/// Every anchor a URL fragment can name in `html`.
pub fn anchors(html: &str) -> HashSet<String> {
    ANCHOR
        .captures_iter(html)
        .map(|caps| value(&caps, 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_images_in_any_quoting() {
        let html = r#"<p><a class="x" href="../a/?q=1&amp;r=2#top">a</a> <A HREF='b.html'>b</A>
            <img alt="i" src=pic.png> <a data-href="no">c</a> <link href="style.css"></p>"#;
        let found: Vec<(String, bool)> = references(html)
            .into_iter()
            .map(|r| (r.url, r.is_image))
            .collect();
        assert_eq!(
            found,
            [
                ("../a/?q=1&r=2#top".to_string(), false),
                ("b.html".to_string(), false),
                ("pic.png".to_string(), true),
            ]
        );
    }

    #[test]
    fn anchors_are_ids_and_names() {
        let ids = anchors(r#"<h2 id="set-up">S</h2><a name='old'></a><div data-id="no">"#);
        assert!(ids.contains("set-up") && ids.contains("old"));
        assert_eq!(ids.len(), 2);
    }
}
