//! Goldmark's strikethrough as Hugo enables it, paired on the parser's events:
//! runs of one or two `~` are delimiter runs flanking as CommonMark's `*` does
//! (so `H~2~O` strikes within a word), a closer takes two tildes from an opener
//! when both have two and one otherwise (`~~a~ b~` nests), CommonMark's rule of
//! three keeps `1~2~~3~4` from pairing the middle run, runs of three or more
//! are text, and the tildes of a bare link stay in the link. pulldown-cmark's
//! own strikethrough pairs equal runs only and no single `~` within a word, so
//! it is left off and the parser hands the tildes over as text.

use super::linkify;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::ops::Range;

/// A run of one or two tildes in a text event.
struct Run {
    /// The text event holding it, and where in its text the run starts.
    event: usize,
    at: usize,
    /// The run's length as written (for the rule of three).
    len: usize,
    /// The tildes not yet paired: `lo..hi` within the run.
    lo: usize,
    hi: usize,
    can_open: bool,
    can_close: bool,
    /// The element (paragraph, cell, emphasis, link…) the run lies directly in:
    /// runs pair only within one.
    container: usize,
    /// Left as text: it lay between a pair's opener and closer unpaired.
    inert: bool,
}

/// A tilde of a run that opens or closes a `<del>`: the tilde's index in the
/// run, how many tildes it stands for, and whether it opens.
struct Mark {
    run: usize,
    index: usize,
    width: usize,
    opens: bool,
}

/// The events with each paired run of tildes made a strikethrough element.
/// `events` come with their ranges in `source`.
pub fn apply<'a>(events: Vec<(Event<'a>, Range<usize>)>, source: &str) -> Vec<Event<'a>> {
    let mut runs = find_runs(&events, source);
    let marks = pair(&mut runs);
    if marks.is_empty() {
        return events.into_iter().map(|(event, _)| event).collect();
    }
    let mut by_event: std::collections::BTreeMap<usize, Vec<(usize, &Mark)>> =
        std::collections::BTreeMap::new();
    for mark in &marks {
        let Some(run) = runs.get(mark.run) else {
            continue;
        };
        by_event
            .entry(run.event)
            .or_default()
            .push((run.at + mark.index, mark));
    }
    let mut out = Vec::with_capacity(events.len() + marks.len() * 2);
    for (index, (event, _)) in events.into_iter().enumerate() {
        match (by_event.get_mut(&index), event) {
            (Some(cuts), Event::Text(text)) => {
                cuts.sort_by_key(|(at, _)| *at);
                let mut from = 0;
                for (at, mark) in cuts.iter() {
                    if *at > from {
                        out.push(Event::Text(CowStr::from(
                            text.get(from..*at).unwrap_or_default().to_string(),
                        )));
                    }
                    out.push(if mark.opens {
                        Event::Start(Tag::Strikethrough)
                    } else {
                        Event::End(TagEnd::Strikethrough)
                    });
                    from = at + mark.width;
                }
                if from < text.len() {
                    out.push(Event::Text(CowStr::from(
                        text.get(from..).unwrap_or_default().to_string(),
                    )));
                }
            }
            (_, event) => out.push(event),
        }
    }
    out
}

/// The runs of one or two tildes in the text events that are the source as
/// written (an escaped or entity-made character is not a delimiter), outside
/// bare links, with whether each may open and close.
fn find_runs(events: &[(Event<'_>, Range<usize>)], source: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut containers = vec![0usize];
    let mut next_container = 1;
    // The text of a code block is code: its tildes stay.
    let mut in_code_block = false;
    for (index, (event, range)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Start(_) => {
                containers.push(next_container);
                next_container += 1;
            }
            Event::End(_) => {
                containers.pop();
            }
            Event::Text(text)
                if !in_code_block
                    && text.contains('~')
                    && source.get(range.clone()) == Some(text.as_ref()) =>
            {
                let container = containers.last().copied().unwrap_or(0);
                let links = link_spans(text);
                let bytes = text.as_bytes();
                let mut i = 0;
                while let Some(&byte) = bytes.get(i) {
                    if byte != b'~' {
                        i += 1;
                        continue;
                    }
                    let len = bytes
                        .get(i..)
                        .unwrap_or_default()
                        .iter()
                        .take_while(|&&b| b == b'~')
                        .count();
                    let in_link = links.iter().any(|l| l.contains(&i));
                    let start = range.start + i;
                    let backslashes = source
                        .get(..start)
                        .map_or(0, |s| s.bytes().rev().take_while(|&b| b == b'\\').count());
                    if len <= 2 && !in_link && backslashes % 2 == 0 {
                        let before = source.get(..start).and_then(|s| s.chars().next_back());
                        let after = source.get(start + len..).and_then(|s| s.chars().next());
                        let (can_open, can_close) = flanking(before, after);
                        runs.push(Run {
                            event: index,
                            at: i,
                            len,
                            lo: 0,
                            hi: len,
                            can_open,
                            can_close,
                            container,
                            inert: false,
                        });
                    }
                    i += len;
                }
            }
            _ => {}
        }
    }
    runs
}

/// Where the bare links of `text` are (their tildes are the link's).
fn link_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for piece in linkify::split(text) {
        let len = match piece {
            linkify::Piece::Text(t) => t.len(),
            linkify::Piece::Link { text, .. } => {
                spans.push(at..at + text.len());
                text.len()
            }
        };
        at += len;
    }
    spans
}

/// CommonMark's left- and right-flanking, from the characters around a run
/// (none at the start or end of the text counts as white space).
fn flanking(before: Option<char>, after: Option<char>) -> (bool, bool) {
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| c.is_some_and(is_punctuation);
    let left = !space(after) && (!punct(after) || space(before) || punct(before));
    let right = !space(before) && (!punct(before) || space(after) || punct(after));
    (left, right)
}

/// CommonMark's punctuation: ASCII punctuation and Unicode's P and S classes
/// (the symbols and punctuation a run of text may hold next to a delimiter).
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace() && !c.is_control())
}

/// Pairs closers with the nearest opener before them in their element, as
/// CommonMark's delimiter algorithm does, and gives the tildes each pair uses.
fn pair(runs: &mut [Run]) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut closer = 0;
    while closer < runs.len() {
        let (before, rest) = runs.split_at_mut(closer);
        let Some(c) = rest.first_mut() else { break };
        if c.inert || !c.can_close || c.lo == c.hi {
            closer += 1;
            continue;
        }
        let opener = before.iter().rposition(|o| {
            !o.inert
                && o.can_open
                && o.lo < o.hi
                && o.container == c.container
                && !((o.can_close || c.can_open)
                    && (o.len + c.len) % 3 == 0
                    && !(o.len % 3 == 0 && c.len % 3 == 0))
        });
        let Some((opener, o)) = opener.and_then(|j| Some((j, before.get_mut(j)?))) else {
            closer += 1;
            continue;
        };
        let width = if o.hi - o.lo >= 2 && c.hi - c.lo >= 2 {
            2
        } else {
            1
        };
        o.hi -= width;
        marks.push(Mark {
            run: opener,
            index: o.hi,
            width,
            opens: true,
        });
        marks.push(Mark {
            run: closer,
            index: c.lo,
            width,
            opens: false,
        });
        c.lo += width;
        let container = c.container;
        for between in before.iter_mut().skip(opener + 1) {
            if between.container == container {
                between.inert = true;
            }
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use crate::markdown::{Settings, render_html};

    fn html(md: &str) -> String {
        render_html(md, Settings::default())
    }

    #[test]
    fn single_and_double_tildes_as_goldmark_pairs_them() {
        // Each expected line is Hugo 0.168's.
        assert_eq!(html("H~2~O"), "<p>H<del>2</del>O</p>\n");
        assert_eq!(
            html("~~a~ and ~a~~"),
            "<p><del><del>a</del> and <del>a</del></del></p>\n"
        );
        assert_eq!(html("x~y z~w"), "<p>x<del>y z</del>w</p>\n");
        assert_eq!(html("~a ~b~ c~"), "<p><del>a <del>b</del> c</del></p>\n");
        assert_eq!(html("~x~y~z~"), "<p><del>x</del>y<del>z</del></p>\n");
        assert_eq!(html("1~2~~3~4"), "<p>1<del>2~~3</del>4</p>\n");
        assert_eq!(html("a ~~~b~~~ c"), "<p>a ~~~b~~~ c</p>\n");
        assert_eq!(html("x ~a~~~b~ y"), "<p>x <del>a~~~b</del> y</p>\n");
        assert_eq!(html("~~gone~~"), "<p><del>gone</del></p>\n");
        assert_eq!(html("a~b and a ~ b ~ c"), "<p>a~b and a ~ b ~ c</p>\n");
        assert_eq!(html("~ a~ and ~a ~"), "<p>~ a~ and ~a ~</p>\n");
        assert_eq!(
            html("*x*~y~*z*"),
            "<p><em>x</em><del>y</del><em>z</em></p>\n"
        );
    }

    #[test]
    fn code_links_and_escapes_keep_their_tildes() {
        assert_eq!(
            html("`c~d~e` f~g~h [l~i~k](u~r~l)"),
            "<p><code>c~d~e</code> f<del>g</del>h <a href=\"u~r~l\">l<del>i</del>k</a></p>\n"
        );
        assert_eq!(
            html("see https://x.org/~a~b~ now"),
            "<p>see <a href=\"https://x.org/~a~b\">https://x.org/~a~b</a>~ now</p>\n"
        );
        assert_eq!(html("\\~a~"), "<p>~a~</p>\n");
    }
}
