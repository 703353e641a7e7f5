//! Hugo's `relativeURLs` and `canonifyURLs`: root-relative `href`, `src`, `srcset`
//! and `url(` references in written HTML are made relative to the page, or absolute
//! with baseURL.

/// How root-relative references are rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rewrite {
    /// Relative to a page written at this output path (`a/b/index.html`).
    Relative,
    /// Prefixed with scheme and host of baseURL.
    Canonical(String),
}

/// `./` for a page at the root, `../` for each folder level below it.
pub fn path_to_root(output_path: &str) -> String {
    let depth = output_path.matches('/').count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

const ATTRS: [&str; 4] = ["href=", "src=", "srcset=", "url("];

/// Rewrites `html` written at `output_path`.
/// A page as written at `output_path` with the site's `relativeURLs` or
/// `canonifyURLs` applied.
pub fn finish(config: &crate::config::Config, html: String, output_path: &str) -> String {
    let how = if config.relative_urls {
        Rewrite::Relative
    } else if config.canonify_urls && !config.base_host().is_empty() {
        Rewrite::Canonical(config.base_host().to_string())
    } else {
        return html;
    };
    rewrite(&html, output_path, &how)
}

pub fn rewrite(html: &str, output_path: &str, how: &Rewrite) -> String {
    let prefix = match how {
        Rewrite::Relative => path_to_root(output_path),
        Rewrite::Canonical(host) => format!("{}/", host.trim_end_matches('/')),
    };
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() + 256);
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        let Some(attr) = ATTRS
            .iter()
            .find(|a| bytes.get(i..).unwrap_or_default().starts_with(a.as_bytes()))
        else {
            i += 1;
            continue;
        };
        let mut j = i + attr.len();
        if bytes.get(j).is_some_and(|&b| b == b'"' || b == b'\'') {
            j += 1;
        }
        // A single `/` not followed by another `/` (protocol-relative URLs stay).
        if bytes.get(j) == Some(&b'/') && bytes.get(j + 1) != Some(&b'/') {
            out.push_str(html.get(last..j).unwrap_or_default());
            out.push_str(&prefix);
            last = j + 1;
        }
        i = j;
    }
    out.push_str(html.get(last..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_from_each_depth() {
        assert_eq!(
            rewrite("<a href=\"/x/\">", "index.html", &Rewrite::Relative),
            "<a href=\"./x/\">"
        );
        assert_eq!(
            rewrite("<a href=\"/\">", "a/b/index.html", &Rewrite::Relative),
            "<a href=\"../../\">"
        );
        assert_eq!(
            rewrite(
                "<img src='/i.png'> <a href=\"//cdn.io/x\"> <a href=\"https://a/\">",
                "a/x.html",
                &Rewrite::Relative
            ),
            "<img src='../i.png'> <a href=\"//cdn.io/x\"> <a href=\"https://a/\">"
        );
    }

    #[test]
    fn canonical_uses_base_host() {
        assert_eq!(
            rewrite(
                "<a href=\"/x/\"> <div style=\"background: url(/i.png)\">",
                "a/index.html",
                &Rewrite::Canonical("https://x.io".into())
            ),
            "<a href=\"https://x.io/x/\"> <div style=\"background: url(https://x.io/i.png)\">"
        );
    }
}
