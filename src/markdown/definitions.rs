//! Which colons start a definition, as Goldmark's definition list reads them:
//! a `:` at the start of its container's line (no indent at the top level)
//! with a space or tab after it. pulldown-cmark also takes `:text` (an emoji
//! such as `:bulb:` opening a line, in a quote or a list too) and an indented
//! `  : text` for a definition; those colons are escaped in the source, so the
//! line stays text as in Hugo. The colons are found by parsing, so a colon in
//! code is never touched.
//!
//! A definition is loose, its paragraphs in `<p>`, when a blank line comes
//! before its colon, each on its own as Goldmark decides it (pulldown-cmark
//! decides for the whole list); [`Looseness`] puts the paragraphs in or out.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::ops::Range;

/// How many times the source is parsed again at most: escaping a colon can
/// make the line after it a definition's first line, found on the next pass.
const PASSES: usize = 4;

/// `source` with a backslash before each colon pulldown-cmark would read as
/// the start of a definition where Goldmark reads text.
pub fn escape_non_definitions(source: &str, options: Options) -> Cow<'_, str> {
    let mut source = Cow::Borrowed(source);
    for _ in 0..PASSES {
        let colons = non_definition_colons(&source, options);
        if colons.is_empty() {
            break;
        }
        let mut escaped = String::with_capacity(source.len() + colons.len());
        let mut from = 0;
        for at in colons {
            escaped.push_str(source.get(from..at).unwrap_or_default());
            escaped.push('\\');
            from = at;
        }
        escaped.push_str(source.get(from..).unwrap_or_default());
        source = Cow::Owned(escaped);
    }
    source
}

/// The offsets of the colons that start a definition for pulldown-cmark but
/// not for Goldmark.
fn non_definition_colons(source: &str, options: Options) -> Vec<usize> {
    let colon_opens_a_line = source
        .lines()
        .any(|line| line.trim_start_matches([' ', '\t', '>']).starts_with(':'));
    if !colon_opens_a_line {
        return Vec::new();
    }
    let mut colons = Vec::new();
    // Inside a list item or a quote, the line's start is the container's.
    let mut containers = 0usize;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Item | Tag::BlockQuote(_)) => containers += 1,
            Event::End(TagEnd::Item | TagEnd::BlockQuote(_)) => {
                containers = containers.saturating_sub(1)
            }
            Event::Start(Tag::DefinitionListDefinition) => {
                // The definition's range may start within the line's indent.
                let bytes = source.as_bytes();
                let mut at = range.start;
                while matches!(bytes.get(at), Some(b' ' | b'\t')) {
                    at += 1;
                }
                if bytes.get(at) != Some(&b':') {
                    continue;
                }
                let spaced = matches!(bytes.get(at + 1), Some(b' ' | b'\t'));
                let line_start = source
                    .get(..at)
                    .map_or(0, |s| s.rfind('\n').map_or(0, |n| n + 1));
                let indented = at > line_start;
                if !spaced || (containers == 0 && indented) {
                    colons.push(at);
                }
            }
            _ => {}
        }
    }
    colons
}

/// An open element, as [`Looseness`] follows them.
enum Open {
    /// A definition, loose or not, and whether a paragraph was opened in it
    /// around its text.
    Definition {
        loose: bool,
        paragraph: bool,
    },
    /// A paragraph of a tight definition, left out.
    LeftOut,
    Other,
}

/// The events with each definition's paragraphs as Goldmark writes them.
pub struct Looseness<'s, 'e, I> {
    events: I,
    source: &'s str,
    open: Vec<Open>,
    queued: std::collections::VecDeque<(Event<'e>, Range<usize>)>,
}

impl<'s, 'e, I: Iterator<Item = (Event<'e>, Range<usize>)>> Looseness<'s, 'e, I> {
    pub fn new(events: I, source: &'s str) -> Self {
        Looseness {
            events,
            source,
            open: Vec::new(),
            queued: Default::default(),
        }
    }

    /// Whether a blank line comes before the line holding `at`.
    fn blank_line_before(&self, at: usize) -> bool {
        let before = self.source.get(..at).unwrap_or_default();
        let Some(line_start) = before.rfind('\n') else {
            return false;
        };
        let previous = before.get(..line_start).unwrap_or_default();
        let previous = previous.get(previous.rfind('\n').map_or(0, |n| n + 1)..);
        previous
            .unwrap_or_default()
            .trim_matches(|c: char| c.is_whitespace() || c == '>')
            .is_empty()
    }

    fn step(&mut self, event: Event<'e>, range: Range<usize>) {
        let empty = range.start..range.start;
        if let Some(Open::Definition { loose, paragraph }) = self.open.last_mut() {
            let inline = is_inline(&event);
            if *loose && !*paragraph && inline {
                *paragraph = true;
                self.queued
                    .push_back((Event::Start(Tag::Paragraph), empty.clone()));
            } else if *paragraph && !inline {
                *paragraph = false;
                self.queued
                    .push_back((Event::End(TagEnd::Paragraph), empty.clone()));
            }
        }
        match &event {
            Event::Start(Tag::DefinitionListDefinition) => {
                let loose = self.blank_line_before(range.start);
                self.open.push(Open::Definition {
                    loose,
                    paragraph: false,
                });
            }
            Event::Start(Tag::Paragraph)
                if matches!(
                    self.open.last(),
                    Some(Open::Definition { loose: false, .. })
                ) =>
            {
                self.open.push(Open::LeftOut);
                return;
            }
            Event::End(TagEnd::Paragraph) if matches!(self.open.last(), Some(Open::LeftOut)) => {
                self.open.pop();
                return;
            }
            Event::Start(_) => self.open.push(Open::Other),
            Event::End(_) => {
                self.open.pop();
            }
            _ => {}
        }
        self.queued.push_back((event, range));
    }
}

impl<'e, I: Iterator<Item = (Event<'e>, Range<usize>)>> Iterator for Looseness<'_, 'e, I> {
    type Item = (Event<'e>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        while self.queued.is_empty() {
            let (event, range) = self.events.next()?;
            self.step(event, range);
        }
        self.queued.pop_front()
    }
}

/// Whether an event is inline content (text, or an inline element's start).
fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(_) | Event::Rule => false,
        Event::Html(_) => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(source: &str) -> String {
        escape_non_definitions(source, Options::ENABLE_DEFINITION_LIST).into_owned()
    }

    fn html(source: &str) -> String {
        crate::markdown::render_html(source, Default::default())
    }

    #[test]
    fn each_definition_is_loose_when_a_blank_line_comes_before_it() {
        assert_eq!(
            html("Term\n\n: loose\n\nOther\n: tight\n\n: loose *again*\n"),
            "<dl>\n<dt>Term</dt>\n<dd>\n<p>loose</p>\n</dd>\n<dt>Other</dt>\n<dd>tight</dd>\n<dd>\n<p>loose <em>again</em></p>\n</dd>\n</dl>\n"
        );
    }

    #[test]
    fn only_goldmarks_definitions_keep_their_colon() {
        assert_eq!(escaped("Term\n: Def\n"), "Term\n: Def\n");
        assert_eq!(escaped("Term\n:\tDef\n"), "Term\n:\tDef\n");
        assert_eq!(escaped("Note\n:bulb: tip\n"), "Note\n\\:bulb: tip\n");
        assert_eq!(escaped("apple\n  : red\n"), "apple\n  \\: red\n");
        assert_eq!(escaped("> Note\n> :x: no\n"), "> Note\n> \\:x: no\n");
        assert_eq!(escaped("```\nT\n:keep\n```\n"), "```\nT\n:keep\n```\n");
        assert_eq!(escaped("no colon"), "no colon");
    }
}
