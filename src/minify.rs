//! `--minify`: rendered HTML made smaller, as Hugo's `--minify` does (white
//! space, comments, inline CSS and JavaScript), with the minify-html crate.
//! Closing tags and the `<html>`/`<head>` tags stay, for tools that read pages.

/// `html` minified.
pub fn html(html: &[u8]) -> Vec<u8> {
    let settings = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: true,
        minify_js: true,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(html, &settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_and_comments_go_code_stays() {
        let page = b"<!DOCTYPE html>\n<html>\n  <head>\n    <title> A </title>\n    <style> p { color : red ; } </style>\n  </head>\n  <body>\n    <!-- note -->\n    <p>Hello   <b>world</b></p>\n    <pre><code>  keep\n    this  </code></pre>\n  </body>\n</html>\n";
        let small = String::from_utf8(html(page)).unwrap();
        assert!(small.len() < page.len());
        assert!(!small.contains("note"), "{small}");
        assert!(small.contains("<p>Hello <b>world</b></p>"), "{small}");
        assert!(
            small.contains("<pre><code>  keep\n    this  </code></pre>"),
            "{small}"
        );
        assert!(small.contains("p{color:red}"), "{small}");
    }
}
