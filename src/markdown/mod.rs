//! Markdown to HTML the way Hugo's Goldmark set-up does it, on pulldown-cmark:
//! one options builder, one pass that gives headings their ids, then [`html`]
//! writes Goldmark's markup (spec §5).

pub mod anchor;
pub mod html;
pub mod linkify;
pub mod toc;

use pulldown_cmark::{Options, Parser};

/// The Markdown settings of a site.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    /// `markup.goldmark.renderer.unsafe`: raw HTML passes through.
    pub unsafe_html: bool,
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
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
}

/// Renders `source` to HTML.
pub fn render(source: &str, settings: Settings) -> Rendered {
    let events: Vec<_> = Parser::new_ext(source, options()).collect();
    html::write(events, settings)
}

/// Renders `source` and returns only the HTML.
pub fn render_html(source: &str, settings: Settings) -> String {
    render(source, settings).html
}
