//! HTML and URLs that site authors write outside Markdown and templates: menu
//! names and `menuPre`/`menuPost` (learn's way to add icons), shortcode links.
//! Their formatting and icons stay; what could run script goes: `<script>`,
//! event handlers, `javascript:` URLs (as Go's html/template does for URLs).

use std::collections::HashSet;
use std::sync::LazyLock;

/// The markup a menu name may carry.
static MENU_HTML: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .tags(HashSet::from([
            "i", "span", "b", "strong", "em", "small", "sup", "sub", "code", "img", "svg", "br",
        ]))
        .generic_attributes(HashSet::from([
            "class",
            "title",
            "style",
            "aria-hidden",
            "aria-label",
        ]))
        .add_tag_attributes("img", &["src", "alt", "width", "height"])
        .link_rel(None);
    builder
});

/// `html` with only harmless markup left.
pub fn author_html(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return html.to_string();
    }
    MENU_HTML.clean(html).to_string()
}

/// `url`, or `#ZgotmplZ` (html/template's mark) when its scheme could run script.
pub fn url(url: &str) -> &str {
    if crate::text::escape::safe_url_start(url.trim_start()) {
        url
    } else {
        "#ZgotmplZ"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icons_stay_scripts_go() {
        assert_eq!(
            author_html("<i class='fab fa-github'></i> GitHub"),
            "<i class=\"fab fa-github\"></i> GitHub"
        );
        assert_eq!(
            author_html("<img src=x onerror=\"alert(1)\"><script>alert(2)</script>Name"),
            "<img src=\"x\">Name"
        );
        assert_eq!(author_html("Plain & simple"), "Plain &amp; simple");
    }

    #[test]
    fn script_urls_are_marked() {
        assert_eq!(url("javascript:alert(1)"), "#ZgotmplZ");
        assert_eq!(url(" JavaScript:alert(1)"), "#ZgotmplZ");
        assert_eq!(url("https://aws.amazon.com/"), "https://aws.amazon.com/");
        assert_eq!(url("../step/"), "../step/");
    }
}
