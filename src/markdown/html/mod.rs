//! Writes pulldown-cmark events as the HTML Goldmark gives in Hugo: HTML5 void
//! tags, GitHub heading ids, raw HTML omitted unless `unsafe`, dangerous URLs
//! emptied, linkified text, Hugo's table, task-list, footnote and code-block markup.

mod code;
mod footnotes;
mod headings;
mod links;
mod quotes;
mod tables;

use super::highlight;
use super::toc::Heading;
use super::typographer::{self, Piece};
use super::{HookCall, HookKind, Rendered, Settings, linkify};
use crate::text::anchor::Ids;
use crate::text::escape::{escape_text, escape_url};
use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

#[derive(Default)]
struct Writer<'s> {
    out: String,
    settings: Settings<'s>,
    ids: Ids,
    headings: Vec<Heading>,
    omitted: usize,
    /// Inside an image: text goes to the alt attribute.
    image_depth: usize,
    alt: String,
    /// The image's description as HTML (emphasis kept), for its render hook.
    alt_html: String,
    image_title: Vec<String>,
    link_depth: usize,
    /// Inside an autolink (`<https://…>`, `<a@b.c>`): its text is the address
    /// as written, without the typographer's substitutions.
    in_autolink: bool,
    /// Each open link: for one the site's hook writes, its destination and
    /// title and the output before it (its content is written apart).
    links: Vec<Option<links::HookedLink>>,
    /// Each open image the site's hook writes: its destination.
    hooked_images: Vec<Option<String>>,
    /// The text of the hooked link being written, without markup.
    link_plain: Option<String>,
    /// How many links, and images, the hooks were given so far.
    link_ordinal: usize,
    image_ordinal: usize,
    /// Inside a code block: its language and info attributes (`None` for an
    /// indented block) and the code so far.
    code: Option<(Option<(String, String)>, String)>,
    table_alignments: Vec<Alignment>,
    table_cell: usize,
    in_table_head: bool,
    /// Footnote labels in order of first reference.
    footnote_order: Vec<String>,
    footnotes: Vec<footnotes::Footnote>,
    /// Output saved while a footnote definition is written.
    saved: Vec<String>,
    /// Every heading's id, in document order, and how many were opened so far.
    heading_ids: Vec<String>,
    heading_index: usize,
    current_heading: Option<(u8, String, usize)>,
    /// The heading being written for the site's heading hook: where its element
    /// starts in the output, and its attributes.
    hooked_heading: Option<(usize, Vec<(String, String)>)>,
    /// Each open blockquote: where it starts in the output when the site's
    /// blockquote hook writes it.
    blockquotes: Vec<Option<usize>>,
    /// How many headings, code blocks and blockquotes the hooks were given so far.
    heading_ordinal: usize,
    code_ordinal: usize,
    quote_ordinal: usize,
    table_ordinal: usize,
    hooked_table: Option<tables::HookedTable>,
    html_block: Option<String>,
    /// The source character before the current text (for the typographer).
    prev_char: char,
    /// Quotes the typographer opened in the current block.
    quotes: typographer::Open,
    /// The output ends in a list item's tight text or its bare `<li>`: a
    /// block starting here begins a line of its own, as Goldmark writes it.
    inline_open: bool,
}

/// The source character that follows a text event, as the typographer sees it.
fn char_after(next: Option<&Event<'_>>) -> char {
    match next {
        None | Some(Event::SoftBreak) | Some(Event::HardBreak) => '\n',
        Some(Event::End(end)) if is_block_end(end) => '\n',
        Some(Event::Code(_)) => '`',
        Some(Event::Html(_)) | Some(Event::InlineHtml(_)) => '<',
        Some(Event::FootnoteReference(_)) => '[',
        Some(Event::Text(t)) => t.chars().next().unwrap_or('\n'),
        Some(_) => '*',
    }
}

fn is_block_end(end: &TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// Writes the HTML of `events`.
pub fn write<'e>(
    events: impl Iterator<Item = Event<'e>>,
    capacity: usize,
    settings: Settings<'_>,
) -> Rendered {
    let mut events = MergeText {
        inner: events,
        pending: None,
    }
    .peekable();
    let mut w = Writer {
        out: String::with_capacity(capacity),
        settings,
        prev_char: '\n',
        ..Default::default()
    };
    // Events are written as they come; a heading's are held until its end,
    // whose text its id is made of.
    let mut held: std::collections::VecDeque<Event<'e>> = std::collections::VecDeque::new();
    loop {
        let event = match held.pop_front() {
            Some(event) => event,
            None => {
                let Some(event) = events.next() else { break };
                if matches!(event, Event::Start(Tag::Heading { .. })) {
                    let mut heading = vec![event];
                    for inner in events.by_ref() {
                        let end = matches!(inner, Event::End(TagEnd::Heading(_)));
                        heading.push(inner);
                        if end {
                            break;
                        }
                    }
                    let ids = w.assign_heading_ids(&heading);
                    w.heading_ids.extend(ids);
                    held.extend(heading);
                    continue;
                }
                event
            }
        };
        let next = held.front().or_else(|| events.peek());
        let after = char_after(next);
        let paragraph_next = matches!(next, Some(Event::Start(Tag::Paragraph)));
        w.event(event, after, paragraph_next);
    }
    w.write_footnotes();
    Rendered {
        html: w.out,
        headings: w.headings,
        raw_html_omitted: w.omitted,
    }
}

/// Joins adjacent text events (pulldown-cmark splits text at special
/// characters) as they pass, each run joined once.
struct MergeText<'e, I> {
    inner: I,
    /// An event read past the end of a run of texts.
    pending: Option<Event<'e>>,
}

impl<'e, I: Iterator<Item = Event<'e>>> Iterator for MergeText<'e, I> {
    type Item = Event<'e>;

    fn next(&mut self) -> Option<Event<'e>> {
        let first = self.pending.take().or_else(|| self.inner.next())?;
        let Event::Text(first) = first else {
            return Some(first);
        };
        let mut joined: Option<String> = None;
        for event in self.inner.by_ref() {
            match event {
                Event::Text(t) => joined.get_or_insert_with(|| first.to_string()).push_str(&t),
                other => {
                    self.pending = Some(other);
                    break;
                }
            }
        }
        Some(Event::Text(match joined {
            Some(text) => CowStr::from(text),
            None => first,
        }))
    }
}

impl Writer<'_> {
    /// Writes one event. `after` is the source character after it (for the
    /// typographer); `paragraph_next` tells whether a paragraph follows.
    fn event(&mut self, event: Event<'_>, after: char, paragraph_next: bool) {
        let next_prev = match &event {
            Event::Text(t) => t.chars().last().unwrap_or(self.prev_char),
            Event::Code(_) => '`',
            Event::SoftBreak | Event::HardBreak => '\n',
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. },
            ) => '*',
            Event::End(end) if !is_block_end(end) => '*',
            Event::Start(_) | Event::End(_) => {
                self.quotes = typographer::Open::default();
                '\n'
            }
            _ => '>',
        };
        // Whether the output ends in inline content (or a tight item's `<li>`)
        // after this event.
        let inline_after = match &event {
            Event::Start(Tag::Item) => !paragraph_next,
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Superscript
                | Tag::Subscript,
            ) => true,
            Event::End(end) => !is_block_end(end),
            Event::Start(_) | Event::Rule => false,
            _ => true,
        };
        match event {
            Event::Start(Tag::Heading {
                level,
                id: _,
                classes,
                attrs,
            }) => {
                self.block_start();
                self.start_heading(level, classes, attrs);
            }
            Event::End(TagEnd::Heading(level)) => self.end_heading(level),
            // A loose item or definition's paragraphs start on a line of their own.
            Event::Start(tag @ (Tag::Item | Tag::DefinitionListDefinition)) => {
                self.out
                    .push_str(if tag == Tag::Item { "<li>" } else { "<dd>" });
                if paragraph_next {
                    self.out.push('\n');
                }
            }
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, after),
            Event::Code(code) => {
                if let Some(plain) = &mut self.link_plain {
                    plain.push_str(&code);
                }
                if self.image_depth > 0 {
                    self.alt.push_str(&code);
                    self.alt_html.push_str("<code>");
                    escape_text(&mut self.alt_html, &code);
                    self.alt_html.push_str("</code>");
                } else {
                    self.out.push_str("<code>");
                    escape_text(&mut self.out, &code);
                    self.out.push_str("</code>");
                }
            }
            Event::Html(html) => match &mut self.html_block {
                Some(block) => block.push_str(&html),
                None => self.raw_html(&html, false),
            },
            Event::InlineHtml(html) => self.raw_html(&html, true),
            Event::SoftBreak => {
                if self.image_depth > 0 {
                    self.alt.push(' ');
                } else {
                    self.out.push('\n');
                }
            }
            Event::HardBreak => self.out.push_str("<br>\n"),
            Event::Rule => {
                self.block_start();
                self.out.push_str("<hr>\n");
            }
            Event::TaskListMarker(checked) => {
                self.out.push_str(if checked {
                    "<input checked=\"\" disabled=\"\" type=\"checkbox\"> "
                } else {
                    "<input disabled=\"\" type=\"checkbox\"> "
                });
            }
            Event::FootnoteReference(label) => self.footnote_reference(&label),
            Event::InlineMath(m) | Event::DisplayMath(m) => escape_text(&mut self.out, &m),
        }
        self.prev_char = next_prev;
        self.inline_open = inline_after;
    }

    /// Starts a block on a line of its own when it follows inline content.
    fn block_start(&mut self) {
        if self.inline_open {
            self.out.push('\n');
            self.inline_open = false;
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        if self.image_depth > 0 && !matches!(tag, Tag::Image { .. }) {
            // Only the alt text of an image's content counts; its hook sees
            // the emphasis too.
            match tag {
                Tag::Emphasis => self.alt_html.push_str("<em>"),
                Tag::Strong => self.alt_html.push_str("<strong>"),
                Tag::Strikethrough => self.alt_html.push_str("<del>"),
                _ => {}
            }
            return;
        }
        if matches!(
            tag,
            Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::BlockQuote(_)
                | Tag::HtmlBlock
                | Tag::Table(_)
                | Tag::DefinitionList
        ) {
            self.block_start();
        }
        let out = &mut self.out;
        match tag {
            Tag::Paragraph => out.push_str("<p>"),
            Tag::BlockQuote(_) => self.start_blockquote(),
            Tag::CodeBlock(kind) => self.start_code_block(kind),
            Tag::HtmlBlock => self.html_block = Some(String::new()),
            Tag::List(Some(start)) => {
                if start == 1 {
                    out.push_str("<ol>\n");
                } else {
                    out.push_str(&format!("<ol start=\"{start}\">\n"));
                }
            }
            Tag::List(None) => out.push_str("<ul>\n"),
            Tag::Item => out.push_str("<li>"),
            Tag::DefinitionListDefinition => out.push_str("<dd>"),
            Tag::FootnoteDefinition(label) => self.start_footnote(&label),
            Tag::DefinitionList => out.push_str("<dl>\n"),
            Tag::DefinitionListTitle => out.push_str("<dt>"),
            Tag::Table(alignments) => self.start_table(alignments),
            Tag::TableHead => self.start_table_head(),
            Tag::TableRow => self.start_table_row(),
            Tag::TableCell => self.start_table_cell(),
            Tag::Emphasis => out.push_str("<em>"),
            Tag::Strong => out.push_str("<strong>"),
            Tag::Strikethrough => out.push_str("<del>"),
            Tag::Superscript => out.push_str("<sup>"),
            Tag::Subscript => out.push_str("<sub>"),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => self.start_link(link_type, dest_url, title),
            Tag::Image {
                dest_url, title, ..
            } => self.start_image(dest_url, title),
            Tag::MetadataBlock(_) | Tag::Heading { .. } => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if self.image_depth > 0 && tag != TagEnd::Image {
            match tag {
                TagEnd::Emphasis => self.alt_html.push_str("</em>"),
                TagEnd::Strong => self.alt_html.push_str("</strong>"),
                TagEnd::Strikethrough => self.alt_html.push_str("</del>"),
                _ => {}
            }
            return;
        }
        let out = &mut self.out;
        match tag {
            TagEnd::Paragraph => out.push_str("</p>\n"),
            TagEnd::Heading(_) => {}
            TagEnd::BlockQuote(_) => self.end_blockquote(),
            TagEnd::CodeBlock => self.end_code_block(),
            TagEnd::HtmlBlock => {
                let block = self.html_block.take().unwrap_or_default();
                self.raw_html(&block, false);
            }
            TagEnd::List(true) => out.push_str("</ol>\n"),
            TagEnd::List(false) => out.push_str("</ul>\n"),
            TagEnd::Item => out.push_str("</li>\n"),
            TagEnd::FootnoteDefinition => self.end_footnote(),
            TagEnd::DefinitionList => out.push_str("</dl>\n"),
            TagEnd::DefinitionListTitle => out.push_str("</dt>\n"),
            TagEnd::DefinitionListDefinition => out.push_str("</dd>\n"),
            TagEnd::Table => self.end_table(),
            TagEnd::TableHead => self.end_table_head(),
            TagEnd::TableRow => self.end_table_row(),
            TagEnd::TableCell => self.end_table_cell(),
            TagEnd::Emphasis => out.push_str("</em>"),
            TagEnd::Strong => out.push_str("</strong>"),
            TagEnd::Strikethrough => out.push_str("</del>"),
            TagEnd::Superscript => out.push_str("</sup>"),
            TagEnd::Subscript => out.push_str("</sub>"),
            TagEnd::Link => self.end_link(),
            TagEnd::Image => self.end_image(),
            TagEnd::MetadataBlock(_) => {}
        }
    }

    /// Writes text with the typographer's substitutions.
    fn smart_text(&mut self, text: &str, before: char, after: char) {
        for piece in typographer::apply(text, before, after, &mut self.quotes) {
            match piece {
                Piece::Text(t) => escape_text(&mut self.out, &typographer::restore(t)),
                Piece::Sub(sub) => self.out.push_str(sub.entity()),
            }
        }
    }

    fn text(&mut self, text: &str, after: char) {
        if let Some(plain) = &mut self.link_plain {
            if self.in_autolink {
                plain.push_str(&typographer::restore(text));
            } else {
                plain.push_str(&typographer::to_chars(text, self.prev_char, after));
            }
        }
        if self.image_depth > 0 {
            let chars = typographer::to_chars(text, self.prev_char, after);
            escape_text(&mut self.alt_html, &chars);
            self.alt.push_str(&chars);
            return;
        }
        if let Some((_, code)) = &mut self.code {
            code.push_str(text);
            return;
        }
        if self.in_autolink {
            escape_text(&mut self.out, &typographer::restore(text));
            return;
        }
        if self.link_depth > 0 {
            self.smart_text(text, self.prev_char, after);
            return;
        }
        let pieces = linkify::split(text);
        let mut before = self.prev_char;
        for (i, piece) in pieces.iter().enumerate() {
            match piece {
                linkify::Piece::Text(t) => {
                    let next = match pieces.get(i + 1) {
                        Some(_) => 'h',
                        None => after,
                    };
                    self.smart_text(t, before, next);
                    before = t.chars().last().unwrap_or(before);
                }
                linkify::Piece::Link { text, href } => {
                    self.out.push_str("<a href=\"");
                    escape_url(&mut self.out, &typographer::restore(href));
                    self.out.push_str("\">");
                    escape_text(&mut self.out, &typographer::restore(text));
                    self.out.push_str("</a>");
                    before = text.chars().last().unwrap_or(before);
                }
            }
        }
    }

    fn raw_html(&mut self, html: &str, inline: bool) {
        if self.settings.unsafe_html {
            self.out.push_str(html);
            return;
        }
        if html.trim_start().starts_with("<!--") {
            return; // comments are dropped silently
        }
        if html.trim().is_empty() {
            return;
        }
        self.omitted += 1;
        self.out.push_str("<!-- raw HTML omitted -->");
        if !inline {
            self.out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests;
