//! relearn's Markdown render hooks, applied to a page's HTML in the relearn
//! flavour: links to content paths point at the pages, blockquote alerts
//! (`> [!tip]+ Title`) become the theme's notice boxes, and code blocks with a
//! `title` are shown under it, as one tab.

use super::shortcodes::PageShortcodes;
use crate::content::PageId;
use crate::library::SiteData;
use regex::Regex;
use std::sync::LazyLock;

/// All hooks, in the order relearn's output needs them.
pub fn apply(
    site: &SiteData<'_>,
    id: PageId,
    shortcodes: &PageShortcodes<'_>,
    html: &str,
) -> Result<String, String> {
    let html = resolve_page_links(site, id, html);
    let html = alerts(&html, shortcodes)?;
    code_titles(&html, shortcodes)
}

/// A Markdown link to a content path (`second-day`, `../ship`, `/log/first-day`)
/// points at that page's URL.
fn resolve_page_links(site: &SiteData<'_>, id: PageId, html: &str) -> String {
    static HREF: LazyLock<Regex> =
        LazyLock::new(|| crate::text::patterns::fixed(r##"<a href="([^"#?:]+)(#[^"]*)?""##));
    let page = &site.tree[id];
    HREF.replace_all(html, |caps: &regex::Captures<'_>| {
        let target = &caps[1];
        let fragment = caps.get(2).map_or("", |m| m.as_str());
        match site
            .refs
            .resolve(target, &crate::library::refs::context_dir(page, target))
        {
            Ok(found) => format!("<a href=\"{}{fragment}\"", site.rel_permalink(found)),
            Err(_) => caps[0].to_string(),
        }
    })
    .into_owned()
}

/// Where the element opened at `start` (by `open`) is closed by `close`,
/// counting nested ones: the offset after the closing tag.
fn element_end(html: &str, start: usize, open: &str, close: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = start;
    loop {
        let next_open = html
            .get(at..)
            .unwrap_or_default()
            .find(open)
            .map(|i| at + i);
        let next_close = html
            .get(at..)
            .unwrap_or_default()
            .find(close)
            .map(|i| at + i)?;
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                at = o + open.len();
            }
            _ => {
                depth -= 1;
                at = next_close + close.len();
                if depth == 0 {
                    return Some(at);
                }
            }
        }
    }
}

/// `> [!type]±title` blockquotes as notice boxes: `+` open and collapsible, `-`
/// closed, no sign a plain box; the title defaults to the type's name.
fn alerts(html: &str, shortcodes: &PageShortcodes<'_>) -> Result<String, String> {
    static ALERT: LazyLock<Regex> = LazyLock::new(|| {
        crate::text::patterns::fixed(r"<blockquote>\n<p>\[!(\w+)\]([+-]?)([^\n<]*)(</p>\n|\n)")
    });
    const OPEN: &str = "<blockquote>";
    const CLOSE: &str = "</blockquote>\n";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(caps) = ALERT.captures(rest) {
        let Some(whole) = caps.get(0) else { break };
        let Some(end) = element_end(rest, whole.start(), OPEN, CLOSE) else {
            break;
        };
        out.push_str(rest.get(..whole.start()).unwrap_or_default());
        let style = caps[1].to_lowercase();
        let expanded = match &caps[2] {
            "+" => Some(true),
            "-" => Some(false),
            _ => None,
        };
        let title = caps[3].trim();
        let body = rest.get(whole.end()..end - CLOSE.len()).unwrap_or_default();
        // The paragraph the marker opened goes on when the marker line did not end it.
        let content = if &caps[4] == "\n" {
            format!("<p>{body}")
        } else {
            body.to_string()
        };
        let title = (!title.is_empty()).then_some(title);
        out.push_str(&shortcodes.render_alert(&style, title, expanded, content.trim_end())?);
        out.push('\n');
        rest = rest.get(end..).unwrap_or_default();
    }
    out.push_str(rest);
    Ok(out)
}

/// Code blocks the Markdown writer marked with their title.
fn code_titles(html: &str, shortcodes: &PageShortcodes<'_>) -> Result<String, String> {
    static TITLED: LazyLock<Regex> = LazyLock::new(|| {
        crate::text::patterns::fixed(r#"<div data-labsite-code-title="([^"]*)">\n"#)
    });
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(caps) = TITLED.captures(rest) {
        let Some(whole) = caps.get(0) else { break };
        let Some(end) = element_end(rest, whole.start(), "<div", "</div>\n") else {
            break;
        };
        out.push_str(rest.get(..whole.start()).unwrap_or_default());
        let block = rest
            .get(whole.end()..end - "</div>\n".len())
            .unwrap_or_default();
        let title = caps[1]
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        out.push_str(&shortcodes.render_titled_code(&title, block.trim_end())?);
        out.push('\n');
        rest = rest.get(end..).unwrap_or_default();
    }
    out.push_str(rest);
    Ok(out)
}
