//! Markdown to HTML the way Hugo's Goldmark set-up does it, on pulldown-cmark:
//! one options builder, one pass that gives headings their ids, then [`html`]
//! writes Goldmark's markup (spec §5).

pub mod definitions;
pub mod highlight;
pub mod html;
pub mod linkify;
pub mod passthrough;
pub mod strikethrough;
pub mod toc;
pub mod typographer;

use pulldown_cmark::{CowStr, Event, Options, Parser};
use std::ops::Range;

/// pulldown-cmark hands a backslash-escaped character over as a text event of its
/// own, starting right after the backslash. Such a character is marked so that
/// the typographer leaves it alone (`\-\-` stays `--`, as in Goldmark).
fn protect_escape<'a>(text: CowStr<'a>, source: &str, start: usize) -> CowStr<'a> {
    let escaped = start > 0 && source.as_bytes().get(start - 1) == Some(&b'\\');
    let mut chars = text.chars();
    match (escaped, chars.next().and_then(typographer::protect)) {
        (true, Some(stand_in)) => CowStr::from(format!("{stand_in}{}", chars.as_str())),
        _ => text,
    }
}

/// Where Markdown link and image destinations point when the site resolves them
/// (Hugo's embedded render hooks); `None` keeps a destination as written.
pub trait Destinations {
    fn link(&self, destination: &str) -> Option<String>;
    fn image(&self, destination: &str) -> Option<String>;
}

/// What a link, image, heading, code block or blockquote gives the site's
/// render hook (`layouts/_default/_markup/render-KIND.html`); fields a kind does
/// not have are empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HookCall<'a> {
    /// A link's or image's destination as written.
    pub destination: &'a str,
    pub title: &'a str,
    /// The content as HTML: a link's, an image's description, a heading's, a
    /// blockquote's.
    pub text: &'a str,
    /// [`HookCall::text`] without its markup.
    pub plain: &'a str,
    /// The place of the element among the page's elements of its kind, from 0.
    pub ordinal: usize,
    /// A heading's level (1 to 6).
    pub level: u8,
    /// A heading's id.
    pub anchor: &'a str,
    /// `.Type`: a code block's language; a blockquote's `regular` or `alert`.
    pub kind_type: &'a str,
    /// A code block's code.
    pub inner: &'a str,
    /// The element's attributes (`{.class #id key=value}`; a heading's id).
    pub attributes: &'a [(String, String)],
    /// A code block's highlighting options (`linenos`, `hl_lines`, …).
    pub options: &'a [(String, String)],
    /// A blockquote alert's type (`note`), sign (`+`, `-`) and title.
    pub alert_type: &'a str,
    pub alert_sign: &'a str,
    pub alert_title: &'a str,
    /// A table's header rows and body rows.
    pub thead: &'a [Vec<TableCell>],
    pub tbody: &'a [Vec<TableCell>],
}

/// A cell of a table, for the table hook: its column's alignment (`left`,
/// `center`, `right`, or empty) and its content as HTML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableCell {
    pub alignment: &'static str,
    pub text: String,
}

/// The kinds of render hook that Markdown calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HookKind {
    Link,
    Image,
    Heading,
    CodeBlock,
    Blockquote,
    Table,
    Passthrough,
}

impl HookKind {
    /// The name in the hook's file name (`render-codeblock.html`).
    pub fn name(self) -> &'static str {
        match self {
            HookKind::Link => "link",
            HookKind::Image => "image",
            HookKind::Heading => "heading",
            HookKind::CodeBlock => "codeblock",
            HookKind::Blockquote => "blockquote",
            HookKind::Table => "table",
            HookKind::Passthrough => "passthrough",
        }
    }
}

/// The site's render hooks (Hugo's `render-link.html` and `render-image.html`):
/// a link or image the site has a hook for is written by the hook.
pub trait RenderHooks {
    /// Whether the site has a hook of `kind` for an element of type
    /// `kind_type` (a code block's language: `render-codeblock-go.html` is for
    /// `go` only).
    fn has(&self, kind: HookKind, kind_type: &str) -> bool;
    /// The HTML of the hook of `kind` for `call` (a hook that fails records its
    /// error and gives what it could).
    fn render(&self, kind: HookKind, call: &HookCall<'_>) -> String;
}

/// The Markdown settings of a site.
#[derive(Clone, Copy, Default)]
pub struct Settings<'a> {
    /// `markup.goldmark.renderer.unsafe`: raw HTML passes through.
    pub unsafe_html: bool,
    /// A code block with a `title` attribute is wrapped in
    /// `<div data-labsite-code-title="…">` for the theme's code-block hook
    /// (relearn shows the title above the code); else Hugo's default applies
    /// (the title is an attribute of a highlighted block's `div`).
    pub code_titles: bool,
    /// Resolves link and image destinations, for the page being rendered.
    pub destinations: Option<&'a dyn Destinations>,
    /// The site's render hooks, for the page being rendered.
    pub hooks: Option<&'a dyn RenderHooks>,
    /// The passthrough extension's delimiters, when it is on.
    pub passthrough: Option<&'a passthrough::Passthrough>,
}

impl std::fmt::Debug for Settings<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("unsafe_html", &self.unsafe_html)
            .field("code_titles", &self.code_titles)
            .field("destinations", &self.destinations.is_some())
            .field("hooks", &self.hooks.is_some())
            .finish()
    }
}

/// A rendered piece of Markdown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    pub html: String,
    /// Headings in document order (for the TOC).
    pub headings: Vec<toc::Heading>,
    /// How many pieces of raw HTML were left out (`unsafe = false`).
    pub raw_html_omitted: usize,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
}

/// Whether `line` is the delimiter row of a table (`|---|:--:|`) with a tab in
/// it: Goldmark takes tabs there as the white space they are, pulldown-cmark
/// does not see a table then.
fn is_tabbed_delimiter_row(line: &str) -> bool {
    let row = line.trim();
    row.contains('\t')
        && row.contains('-')
        && row.contains('|')
        && row
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The source as Goldmark reads it, where pulldown-cmark would read it
/// otherwise (outside fenced code): a table's delimiter row may hold tabs, made
/// spaces here.
fn as_goldmark_reads(source: &str) -> std::borrow::Cow<'_, str> {
    if !source.lines().any(is_tabbed_delimiter_row) {
        return std::borrow::Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len() + 16);
    let mut fence: Option<String> = None;
    for line in source.split_inclusive('\n') {
        let t = line.trim_start_matches(' ');
        let indent = line.len() - t.len();
        let marker: String = t.chars().take_while(|&c| c == '`' || c == '~').collect();
        if indent < 4
            && marker.len() >= 3
            && marker
                .chars()
                .all(|c| c == marker.chars().next().unwrap_or('`'))
        {
            match &fence {
                Some(open)
                    if marker.starts_with(open.as_str())
                        && t.get(marker.len()..).unwrap_or_default().trim().is_empty() =>
                {
                    fence = None
                }
                None => fence = Some(marker),
                _ => {}
            }
        } else if fence.is_none() && is_tabbed_delimiter_row(line) {
            out.push_str(&line.replace('\t', " "));
            continue;
        }
        out.push_str(line);
    }
    std::borrow::Cow::Owned(out)
}

/// Renders `source` to HTML.
pub fn render(source: &str, settings: Settings<'_>) -> Rendered {
    let Some(delimiters) = settings.passthrough else {
        return render_markdown(source, settings);
    };
    let (marked, spans) = passthrough::extract(source, delimiters);
    let mut rendered = render_markdown(&marked, settings);
    rendered.html = passthrough::restore(&rendered.html, &spans, settings.hooks);
    rendered
}

fn render_markdown(source: &str, settings: Settings<'_>) -> Rendered {
    let source = as_goldmark_reads(source);
    let source = definitions::escape_non_definitions(&source, options());
    let events = Parser::new_ext(&source, options())
        .into_offset_iter()
        .flat_map(|(event, range)| {
            let spaces_kept = match event {
                Event::HardBreak => hard_break_spaces(&source, &range),
                _ => None,
            };
            let event = match event {
                Event::Text(t) => Event::Text(protect_escape(t, &source, range.start)),
                other => other,
            };
            spaces_kept
                .into_iter()
                .chain(std::iter::once((event, range)))
        });
    let events = definitions::Looseness::new(events, &source);
    let capacity = source.len() + source.len() / 4;
    if source.contains('~') {
        let events = strikethrough::apply(events.collect(), &source);
        html::write(events.into_iter(), capacity, settings)
    } else {
        html::write(events.map(|(event, _)| event), capacity, settings)
    }
}

/// The spaces Goldmark keeps before a hard line break made of four spaces or
/// more: all but three, as text.
fn hard_break_spaces<'a>(source: &str, range: &Range<usize>) -> Option<(Event<'a>, Range<usize>)> {
    let spaces = source
        .get(range.clone())?
        .bytes()
        .take_while(|&b| b == b' ')
        .count();
    (spaces > 3).then(|| {
        let kept = " ".repeat(spaces - 3);
        (Event::Text(kept.into()), range.start..range.start)
    })
}

/// Renders `source` and returns only the HTML.
pub fn render_html(source: &str, settings: Settings<'_>) -> String {
    render(source, settings).html
}

/// Hugo's `markdownify`: Markdown rendered without the paragraph around a
/// single block (`**a**` gives `<strong>a</strong>`).
pub fn markdownify(text: &str, settings: Settings<'_>) -> String {
    let html = render_html(text, settings);
    let trimmed = html.trim_end_matches('\n');
    let single = trimmed
        .strip_prefix("<p>")
        .and_then(|t| t.strip_suffix("</p>"))
        .filter(|t| !t.contains("<p>"));
    single.unwrap_or(trimmed).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colon_without_space_is_not_a_definition() {
        assert_eq!(
            render_html("text\n::::expand{x}\n", Settings::default()),
            "<p>text\n::::expand{x}</p>\n"
        );
        assert_eq!(
            render_html("```\n:keep\n```\n", Settings::default()),
            "<pre tabindex=\"0\"><code>:keep\n</code></pre>"
        );
        assert_eq!(
            render_html("Term\n: Def\n", Settings::default()),
            "<dl>\n<dt>Term</dt>\n<dd>Def</dd>\n</dl>\n"
        );
    }

    #[test]
    fn escaped_punctuation_is_not_typographed() {
        assert_eq!(
            render_html("*\\-\\-consistent-read* and --x", Settings::default()),
            "<p><em>--consistent-read</em> and &ndash;x</p>\n"
        );
        assert_eq!(
            render_html("\\\"a\\\"", Settings::default()),
            "<p>&quot;a&quot;</p>\n"
        );
    }
}
