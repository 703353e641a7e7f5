//! Writes pulldown-cmark events as the HTML Goldmark gives in Hugo: HTML5 void
//! tags, GitHub heading ids, raw HTML omitted unless `unsafe`, dangerous URLs
//! emptied, linkified text, Hugo's table, task-list, footnote and code-block markup.

use super::highlight;
use super::toc::Heading;
use super::typographer::{self, Piece};
use super::{HookCall, HookKind, Rendered, Settings, linkify};
use crate::text::anchor::Ids;
use crate::text::escape::{escape_code, escape_text, escape_url};
use pulldown_cmark::{
    Alignment, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd,
};

struct Footnote {
    label: String,
    html: String,
}

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
    /// Each open link: for one the site's hook writes, its destination and
    /// title and the output before it (its content is written apart).
    links: Vec<Option<HookedLink>>,
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
    footnotes: Vec<Footnote>,
    /// Output saved while a footnote definition is written.
    saved: Vec<String>,
    current_heading: Option<(u8, String, usize)>,
    html_block: Option<String>,
    /// The source character before the current text (for the typographer).
    prev_char: char,
    /// Quotes the typographer opened in the current block.
    quotes: typographer::Open,
}

/// A link the site's render hook writes, while its content is written.
struct HookedLink {
    destination: String,
    title: String,
    before: String,
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
pub fn write(events: Vec<Event<'_>>, settings: Settings<'_>) -> Rendered {
    let events = merge_text(events);
    let mut w = Writer {
        out: String::with_capacity(events.len() * 16),
        settings,
        ids: Ids::default(),
        headings: Vec::new(),
        omitted: 0,
        image_depth: 0,
        alt: String::new(),
        alt_html: String::new(),
        image_title: Vec::new(),
        link_depth: 0,
        links: Vec::new(),
        hooked_images: Vec::new(),
        link_plain: None,
        link_ordinal: 0,
        image_ordinal: 0,
        code: None,
        table_alignments: Vec::new(),
        table_cell: 0,
        in_table_head: false,
        footnote_order: Vec::new(),
        footnotes: Vec::new(),
        saved: Vec::new(),
        current_heading: None,
        html_block: None,
        prev_char: '\n',
        quotes: typographer::Open::default(),
    };
    let heading_ids = w.assign_heading_ids(&events);
    let mut heading_index = 0;
    let mut iter = events.into_iter().peekable();
    while let Some(event) = iter.next() {
        let next_prev = match &event {
            Event::Text(t) => t.chars().last().unwrap_or(w.prev_char),
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
                w.quotes = typographer::Open::default();
                '\n'
            }
            _ => '>',
        };
        match event {
            Event::Start(Tag::Heading {
                level,
                id: _,
                classes,
                attrs,
            }) => {
                let id = heading_ids.get(heading_index).cloned().unwrap_or_default();
                heading_index += 1;
                let n = heading_level(level);
                w.out.push_str(&format!("<h{n} id=\""));
                escape_text(&mut w.out, &id);
                w.out.push('"');
                if !classes.is_empty() {
                    w.out.push_str(" class=\"");
                    escape_text(&mut w.out, &classes.join(" "));
                    w.out.push('"');
                }
                for (k, v) in attrs {
                    w.out.push(' ');
                    escape_text(&mut w.out, &k);
                    w.out.push_str("=\"");
                    escape_text(&mut w.out, v.as_deref().unwrap_or(""));
                    w.out.push('"');
                }
                w.out.push('>');
                w.current_heading = Some((n, id, w.out.len()));
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((n, id, start)) = w.current_heading.take() {
                    let html = strip_links(w.out.get(start..).unwrap_or_default());
                    w.headings.push(Heading { level: n, id, html });
                }
                w.out.push_str(&format!("</h{}>\n", heading_level(level)));
            }
            Event::Start(Tag::Item) => {
                w.out.push_str("<li>");
                if matches!(iter.peek(), Some(Event::Start(Tag::Paragraph))) {
                    w.out.push('\n');
                }
            }
            Event::Start(tag) => w.start(tag),
            Event::End(tag) => w.end(tag),
            Event::Text(text) => {
                let after = char_after(iter.peek());
                w.text(&text, after);
            }
            Event::Code(code) => {
                if let Some(plain) = &mut w.link_plain {
                    plain.push_str(&code);
                }
                if w.image_depth > 0 {
                    w.alt.push_str(&code);
                    w.alt_html.push_str("<code>");
                    escape_text(&mut w.alt_html, &code);
                    w.alt_html.push_str("</code>");
                } else {
                    w.out.push_str("<code>");
                    escape_text(&mut w.out, &code);
                    w.out.push_str("</code>");
                }
            }
            Event::Html(html) => match &mut w.html_block {
                Some(block) => block.push_str(&html),
                None => w.raw_html(&html, false),
            },
            Event::InlineHtml(html) => w.raw_html(&html, true),
            Event::SoftBreak => {
                if w.image_depth > 0 {
                    w.alt.push(' ');
                } else {
                    w.out.push('\n');
                }
            }
            Event::HardBreak => w.out.push_str("<br>\n"),
            Event::Rule => w.out.push_str("<hr>\n"),
            Event::TaskListMarker(checked) => {
                w.out.push_str(if checked {
                    "<input checked=\"\" disabled=\"\" type=\"checkbox\"> "
                } else {
                    "<input disabled=\"\" type=\"checkbox\"> "
                });
            }
            Event::FootnoteReference(label) => w.footnote_reference(&label),
            Event::InlineMath(m) | Event::DisplayMath(m) => escape_text(&mut w.out, &m),
        }
        w.prev_char = next_prev;
    }
    w.write_footnotes();
    Rendered {
        html: w.out,
        headings: w.headings,
        raw_html_omitted: w.omitted,
    }
}

/// Joins adjacent text events (pulldown-cmark splits text at special characters).
fn merge_text(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    for e in events {
        if let Event::Text(t) = &e
            && let Some(Event::Text(prev)) = out.last_mut()
        {
            let joined = format!("{prev}{t}");
            *prev = CowStr::from(joined);
            continue;
        }
        out.push(e);
    }
    out
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

/// Inner HTML of a heading for the TOC: links removed, their text kept.
fn strip_links(html: &str) -> String {
    static LINK: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| crate::text::patterns::fixed(r"</?a(?:\s[^>]*)?>"));
    LINK.replace_all(html, "").into_owned()
}

impl Writer<'_> {
    /// Ids for every heading in document order: explicit `{#id}` as given, the others
    /// from their plain text, de-duplicated.
    fn assign_heading_ids(&mut self, events: &[Event<'_>]) -> Vec<String> {
        let mut ids = Vec::new();
        let mut i = 0;
        while let Some(event) = events.get(i) {
            if let Event::Start(Tag::Heading { id, .. }) = event {
                let mut text = String::new();
                let mut j = i + 1;
                while let Some(inner) = events
                    .get(j)
                    .filter(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                {
                    match inner {
                        Event::Text(t) => {
                            let before = text.chars().last().unwrap_or('\n');
                            text.push_str(&typographer::to_chars(
                                t,
                                before,
                                char_after(events.get(j + 1)),
                            ));
                        }
                        Event::Code(t) => text.push_str(t),
                        Event::InlineHtml(h) if self.settings.unsafe_html => {
                            text.push_str(&strip_tags(h))
                        }
                        _ => {}
                    }
                    j += 1;
                }
                ids.push(match id {
                    Some(explicit) => self.ids.explicit(explicit),
                    None => self.ids.auto(&text),
                });
                i = j;
            }
            i += 1;
        }
        ids
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
        let out = &mut self.out;
        match tag {
            Tag::Paragraph => out.push_str("<p>"),
            Tag::BlockQuote(_) => out.push_str("<blockquote>\n"),
            Tag::CodeBlock(kind) => {
                let fence = match kind {
                    CodeBlockKind::Indented => None,
                    CodeBlockKind::Fenced(info) => {
                        let info = info.trim();
                        let (lang, attrs) = match info.find('{') {
                            Some(i) => (
                                info.get(..i).unwrap_or_default().trim(),
                                info.get(i..).unwrap_or_default(),
                            ),
                            None => (info.split_whitespace().next().unwrap_or(""), ""),
                        };
                        Some((lang.to_string(), attrs.to_string()))
                    }
                };
                self.code = Some((fence, String::new()));
            }
            Tag::HtmlBlock => self.html_block = Some(String::new()),
            Tag::List(Some(start)) => {
                if start == 1 {
                    out.push_str("<ol>\n");
                } else {
                    out.push_str(&format!("<ol start=\"{start}\">\n"));
                }
            }
            Tag::List(None) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("<ul>\n");
            }
            Tag::Item => out.push_str("<li>"),
            Tag::FootnoteDefinition(label) => {
                let saved = std::mem::take(&mut self.out);
                self.saved.push(saved);
                self.footnotes.push(Footnote {
                    label: label.to_string(),
                    html: String::new(),
                });
            }
            Tag::DefinitionList => out.push_str("<dl>\n"),
            Tag::DefinitionListTitle => out.push_str("<dt>"),
            Tag::DefinitionListDefinition => out.push_str("<dd>"),
            Tag::Table(alignments) => {
                self.table_alignments = alignments;
                out.push_str("<table>");
            }
            Tag::TableHead => {
                self.in_table_head = true;
                self.table_cell = 0;
                out.push_str("\n\t<thead>\n\t\t\t<tr>");
            }
            Tag::TableRow => {
                self.table_cell = 0;
                if !out.ends_with("<tbody>") && out.ends_with("</thead>") {
                    out.push_str("\n\t<tbody>");
                }
                out.push_str("\n\t\t\t<tr>");
            }
            Tag::TableCell => {
                let tag = if self.in_table_head { "th" } else { "td" };
                out.push_str("\n\t\t\t\t\t<");
                out.push_str(tag);
                match self.table_alignments.get(self.table_cell) {
                    Some(Alignment::Left) => out.push_str(" style=\"text-align: left\""),
                    Some(Alignment::Center) => out.push_str(" style=\"text-align: center\""),
                    Some(Alignment::Right) => out.push_str(" style=\"text-align: right\""),
                    _ => {}
                }
                out.push('>');
            }
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
            } => {
                self.link_depth += 1;
                if self.settings.hooks.is_some_and(|h| h.has(HookKind::Link)) {
                    let destination = match link_type {
                        LinkType::Email => format!("mailto:{dest_url}"),
                        _ => dest_url.to_string(),
                    };
                    self.link_plain = Some(String::new());
                    self.links.push(Some(HookedLink {
                        destination,
                        title: title.to_string(),
                        before: std::mem::take(out),
                    }));
                    return;
                }
                self.links.push(None);
                out.push_str("<a href=\"");
                if link_type == LinkType::Email {
                    out.push_str("mailto:");
                    escape_url(out, &dest_url);
                } else {
                    let resolved = self.settings.destinations.and_then(|d| d.link(&dest_url));
                    escape_url(out, resolved.as_deref().unwrap_or(&dest_url));
                }
                out.push('"');
                if !title.is_empty() {
                    out.push_str(" title=\"");
                    escape_text(out, &title);
                    out.push('"');
                }
                out.push('>');
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                let hooked = self.settings.hooks.is_some_and(|h| h.has(HookKind::Image));
                if self.image_depth == 0 && hooked {
                    self.hooked_images.push(Some(dest_url.to_string()));
                    self.alt.clear();
                    self.alt_html.clear();
                    self.image_title.push(title.to_string());
                } else if self.image_depth == 0 {
                    self.hooked_images.push(None);
                    self.alt_html.clear();
                    out.push_str("<img src=\"");
                    let resolved = self.settings.destinations.and_then(|d| d.image(&dest_url));
                    escape_url(out, resolved.as_deref().unwrap_or(&dest_url));
                    out.push_str("\" alt=\"");
                    self.alt.clear();
                    self.image_title.push(title.to_string());
                }
                self.image_depth += 1;
            }
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
            TagEnd::BlockQuote(_) => out.push_str("</blockquote>\n"),
            TagEnd::CodeBlock => match self.code.take() {
                Some((Some((lang, attrs)), code)) => {
                    let mut options = highlight::Options::parse(&attrs);
                    let title = options
                        .attributes
                        .iter()
                        .position(|(k, _)| k == "title")
                        .filter(|_| self.settings.code_titles)
                        .map(|i| options.attributes.remove(i).1);
                    let block = highlight::code_block(&lang, &code, &options);
                    match title {
                        Some(title) => {
                            out.push_str("<div data-labsite-code-title=\"");
                            escape_code(out, &title);
                            out.push_str("\">\n");
                            out.push_str(&block);
                            out.push_str("</div>\n");
                        }
                        None => out.push_str(&block),
                    }
                }
                Some((None, code)) => {
                    out.push_str("<pre><code>");
                    escape_code(out, &code);
                    out.push_str("</code></pre>\n");
                }
                None => {}
            },
            TagEnd::HtmlBlock => {
                let block = self.html_block.take().unwrap_or_default();
                self.raw_html(&block, false);
            }
            TagEnd::List(true) => out.push_str("</ol>\n"),
            TagEnd::List(false) => out.push_str("</ul>\n"),
            TagEnd::Item => {
                out.push_str("</li>\n");
            }
            TagEnd::FootnoteDefinition => {
                let html = std::mem::replace(&mut self.out, self.saved.pop().unwrap_or_default());
                if let Some(f) = self.footnotes.last_mut() {
                    f.html = html;
                }
            }
            TagEnd::DefinitionList => out.push_str("</dl>\n"),
            TagEnd::DefinitionListTitle => out.push_str("</dt>\n"),
            TagEnd::DefinitionListDefinition => out.push_str("</dd>\n"),
            TagEnd::Table => {
                if out.ends_with("</tr>") {
                    out.push_str("\n\t</tbody>");
                }
                out.push_str("\n</table>\n");
            }
            TagEnd::TableHead => {
                self.in_table_head = false;
                out.push_str("\n\t\t\t</tr>\n\t</thead>");
            }
            TagEnd::TableRow => out.push_str("\n\t\t\t</tr>"),
            TagEnd::TableCell => {
                out.push_str(if self.in_table_head { "</th>" } else { "</td>" });
                self.table_cell += 1;
            }
            TagEnd::Emphasis => out.push_str("</em>"),
            TagEnd::Strong => out.push_str("</strong>"),
            TagEnd::Strikethrough => out.push_str("</del>"),
            TagEnd::Superscript => out.push_str("</sup>"),
            TagEnd::Subscript => out.push_str("</sub>"),
            TagEnd::Link => {
                self.link_depth = self.link_depth.saturating_sub(1);
                match self.links.pop().flatten() {
                    Some(link) => self.hooked_link(link),
                    None => out.push_str("</a>"),
                }
            }
            TagEnd::Image => {
                self.image_depth = self.image_depth.saturating_sub(1);
                let hooked = if self.image_depth == 0 {
                    self.hooked_images.pop().flatten()
                } else {
                    None
                };
                if let Some(destination) = hooked {
                    self.hooked_image(&destination);
                } else if self.image_depth == 0 {
                    let alt = std::mem::take(&mut self.alt);
                    escape_text(&mut self.out, &alt);
                    self.out.push('"');
                    let title = self.image_title.pop().unwrap_or_default();
                    if !title.is_empty() {
                        self.out.push_str(" title=\"");
                        escape_text(&mut self.out, &title);
                        self.out.push('"');
                    }
                    self.out.push('>');
                }
            }
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
            plain.push_str(&typographer::to_chars(text, self.prev_char, after));
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

    fn footnote_reference(&mut self, label: &str) {
        let n = match self.footnote_order.iter().position(|l| l == label) {
            Some(i) => i + 1,
            None => {
                self.footnote_order.push(label.to_string());
                self.footnote_order.len()
            }
        };
        self.out.push_str(&format!(
            "<sup id=\"fnref:{n}\"><a href=\"#fn:{n}\" class=\"footnote-ref\" role=\"doc-noteref\">{n}</a></sup>"
        ));
    }

    fn write_footnotes(&mut self) {
        if self.footnote_order.is_empty() {
            return;
        }
        self.out
            .push_str("<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n");
        for (i, label) in self.footnote_order.iter().enumerate() {
            let n = i + 1;
            let html = self
                .footnotes
                .iter()
                .find(|f| &f.label == label)
                .map_or("", |f| f.html.as_str());
            let backref = format!(
                "&#160;<a href=\"#fnref:{n}\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a>"
            );
            let body = match html.rfind("</p>") {
                Some(p) => format!(
                    "{}{backref}{}",
                    html.get(..p).unwrap_or_default(),
                    html.get(p..).unwrap_or_default()
                ),
                None => format!("{html}{backref}"),
            };
            self.out
                .push_str(&format!("<li id=\"fn:{n}\">\n{body}</li>\n"));
        }
        self.out.push_str("</ol>\n</div>\n");
    }
}

impl Writer<'_> {
    /// Writes a link whose content is written (in `out`) through the site's
    /// link hook, after the output that came before it.
    fn hooked_link(&mut self, link: HookedLink) {
        let text = std::mem::replace(&mut self.out, link.before);
        let plain = self.link_plain.take().unwrap_or_default();
        let call = HookCall {
            destination: &link.destination,
            title: &link.title,
            text: &text,
            plain: &plain,
            ordinal: self.link_ordinal,
        };
        self.link_ordinal += 1;
        if let Some(hooks) = self.settings.hooks {
            self.out.push_str(&hooks.render(HookKind::Link, &call));
        }
    }

    /// Writes an image, its description taken, through the site's image hook.
    fn hooked_image(&mut self, destination: &str) {
        let plain = std::mem::take(&mut self.alt);
        let text = std::mem::take(&mut self.alt_html);
        let title = self.image_title.pop().unwrap_or_default();
        let call = HookCall {
            destination,
            title: &title,
            text: &text,
            plain: &plain,
            ordinal: self.image_ordinal,
        };
        self.image_ordinal += 1;
        if let Some(hooks) = self.settings.hooks {
            self.out.push_str(&hooks.render(HookKind::Image, &call));
        }
    }
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::markdown::{Settings, render};

    fn html(src: &str) -> String {
        render(src, Settings::default()).html
    }

    fn unsafe_html(src: &str) -> String {
        render(
            src,
            Settings {
                unsafe_html: true,
                ..Default::default()
            },
        )
        .html
    }

    #[test]
    fn headings_get_github_ids_and_duplicates_suffixes() {
        assert_eq!(
            html(
                "#### Considerations for your AWS KMS CMK\n## Foo\n## Foo\n## Foo 1\n## Custom {#mine .c}"
            ),
            "<h4 id=\"considerations-for-your-aws-kms-cmk\">Considerations for your AWS KMS CMK</h4>\n<h2 id=\"foo\">Foo</h2>\n<h2 id=\"foo-1\">Foo</h2>\n<h2 id=\"foo-1-1\">Foo 1</h2>\n<h2 id=\"mine\" class=\"c\">Custom</h2>\n"
        );
        assert_eq!(
            html("## What's *new*?"),
            "<h2 id=\"whats-new\">What&rsquo;s <em>new</em>?</h2>\n"
        );
    }

    #[test]
    fn void_tags_are_html5() {
        assert_eq!(
            html("a  \nb\n\n---\n\n![alt *x*](/i.png \"T\")"),
            "<p>a<br>\nb</p>\n<hr>\n<p><img src=\"/i.png\" alt=\"alt x\" title=\"T\"></p>\n"
        );
    }

    #[test]
    fn raw_html_is_omitted_unless_unsafe() {
        let r = render(
            "<div>\nx\n</div>\n\na <b>b</b>\n\n<!-- note -->\n",
            Settings::default(),
        );
        assert_eq!(
            r.html,
            "<!-- raw HTML omitted -->\n<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n"
        );
        assert_eq!(r.raw_html_omitted, 3);
        assert_eq!(
            unsafe_html("<div>\nx\n</div>\n\na <b>b</b>"),
            "<div>\nx\n</div>\n<p>a <b>b</b></p>\n"
        );
    }

    #[test]
    fn dangerous_urls_are_emptied() {
        assert_eq!(
            html("[x](javascript:alert(1)) [y](https://a.io/?a=1&b=2)"),
            "<p><a href=\"\">x</a> <a href=\"https://a.io/?a=1&amp;b=2\">y</a></p>\n"
        );
    }

    #[test]
    fn task_lists_tables_strikethrough() {
        assert_eq!(
            html("- [x] done\n- [ ] todo\n\n~~old~~"),
            "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> done</li>\n<li><input disabled=\"\" type=\"checkbox\"> todo</li>\n</ul>\n<p><del>old</del></p>\n"
        );
        assert_eq!(
            html("| A | B |\n|:--|---|\n| 1 | 2 |\n"),
            "<table>\n\t<thead>\n\t\t\t<tr>\n\t\t\t\t\t<th style=\"text-align: left\">A</th>\n\t\t\t\t\t<th>B</th>\n\t\t\t</tr>\n\t</thead>\n\t<tbody>\n\t\t\t<tr>\n\t\t\t\t\t<td style=\"text-align: left\">1</td>\n\t\t\t\t\t<td>2</td>\n\t\t\t</tr>\n\t</tbody>\n</table>\n"
        );
    }

    #[test]
    fn footnotes_and_definition_lists() {
        assert_eq!(
            html("a[^n]\n\n[^n]: note\n"),
            "<p>a<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>note&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n"
        );
        assert_eq!(
            html("Term\n: Def\n"),
            "<dl>\n<dt>Term</dt>\n<dd>Def</dd>\n</dl>\n"
        );
    }

    #[test]
    fn code_blocks() {
        assert_eq!(
            html("```\na < b\n```"),
            "<pre tabindex=\"0\"><code>a &lt; b\n</code></pre>\n"
        );
        assert_eq!(
            html("```nosuchlang\necho 'x'\n```"),
            "<pre tabindex=\"0\"><code class=\"language-nosuchlang\" data-lang=\"nosuchlang\">echo &#39;x&#39;\n</code></pre>\n"
        );
        assert_eq!(
            html("    indented\n"),
            "<pre><code>indented\n</code></pre>\n"
        );
    }

    #[test]
    fn bare_urls_are_linked() {
        assert_eq!(
            html("go to https://aws.amazon.com."),
            "<p>go to <a href=\"https://aws.amazon.com\">https://aws.amazon.com</a>.</p>\n"
        );
        assert_eq!(
            html("[https://x.io](https://y.io)"),
            "<p><a href=\"https://y.io\">https://x.io</a></p>\n"
        );
    }

    #[test]
    fn smart_punctuation() {
        assert_eq!(
            html("\"quoted\" -- it's..."),
            "<p>&ldquo;quoted&rdquo; &ndash; it&rsquo;s&hellip;</p>\n"
        );
    }

    #[test]
    fn loose_and_nested_lists() {
        assert_eq!(
            html("- a\n\n- b\n"),
            "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n"
        );
        assert_eq!(
            html("- a\n  - b\n"),
            "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n"
        );
        assert_eq!(html("3. x\n"), "<ol start=\"3\">\n<li>x</li>\n</ol>\n");
    }
}
