//! Goldmark's passthrough extension (`markup.goldmark.extensions.passthrough`):
//! text between the configured delimiters (`\(…\)` inline, `$$…$$` as a
//! block) is not Markdown. Before the parser runs, each such span is taken
//! out of the source and a marker left in its place; once the HTML is written,
//! each marker becomes the span as written, or what the site's passthrough
//! render hook makes of it.

use super::{HookCall, HookKind, RenderHooks};
pub use crate::config::Passthrough;

/// A span taken out of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub block: bool,
    /// The span as written, delimiters included.
    pub raw: String,
    /// The text between the delimiters.
    pub inner: String,
}

const INLINE_OPEN: char = '\u{E000}';
const INLINE_CLOSE: char = '\u{E001}';
const BLOCK_OPEN: char = '\u{E002}';
const BLOCK_CLOSE: char = '\u{E003}';

/// The source with each passthrough span replaced by a marker, and the spans
/// in document order. Code (fenced, indented, inline) is left alone.
pub fn extract(source: &str, delimiters: &Passthrough) -> (String, Vec<Span>) {
    let mut out = String::with_capacity(source.len());
    let mut spans = Vec::new();
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let mut line_starts = Vec::with_capacity(lines.len());
    let mut offset = 0;
    for line in &lines {
        line_starts.push(offset);
        offset += line.len();
    }
    // Closing delimiters not found after some place are not found after any
    // later one: each is looked for once at most (no quadratic search).
    let mut unclosed = Unclosed::default();
    let mut fence: Option<String> = None;
    let mut previous_blank = true;
    let mut i = 0;
    while let Some(&line) = lines.get(i) {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if let Some(open) = &fence {
            if trimmed.starts_with(open.as_str())
                && trimmed
                    .trim_end()
                    .trim_matches(open.chars().next().unwrap_or('`'))
                    .is_empty()
            {
                fence = None;
            }
            out.push_str(line);
            i += 1;
            continue;
        }
        let marker: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        if indent < 4 && marker.len() >= 3 {
            fence = Some(marker);
            out.push_str(line);
            previous_blank = false;
            i += 1;
            continue;
        }
        if (indent >= 4 && previous_blank) || trimmed.trim().is_empty() {
            previous_blank = trimmed.trim().is_empty() || previous_blank;
            out.push_str(line);
            i += 1;
            continue;
        }
        if previous_blank
            && indent < 4
            && let Some(end) = line_starts
                .get(i)
                .and_then(|&at| block_at(source, at, delimiters, &mut unclosed, &mut spans))
                .map(|consumed_lines| i + consumed_lines)
        {
            out.push_str(&format!("{BLOCK_OPEN}{}{BLOCK_CLOSE}\n\n", spans.len() - 1));
            i = end;
            previous_blank = true;
            continue;
        }
        // A paragraph: its lines up to the next blank one, inline spans within.
        let start = i;
        while let Some(l) = lines.get(i) {
            if l.trim().is_empty() || (i > start && starts_fence(l)) {
                break;
            }
            i += 1;
        }
        let paragraph: String = lines.get(start..i).unwrap_or_default().concat();
        out.push_str(&inline_spans(&paragraph, delimiters, &mut spans));
        previous_blank = false;
    }
    (out, spans)
}

fn starts_fence(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    line.len() - t.len() < 4 && (t.starts_with("```") || t.starts_with("~~~"))
}

/// Closing delimiters (by text) known to be missing from the rest of the source.
#[derive(Default)]
struct Unclosed(Vec<String>);

/// A block span opening at byte `at` of `source` (a line start): how many
/// lines it takes.
fn block_at(
    source: &str,
    at: usize,
    delimiters: &Passthrough,
    unclosed: &mut Unclosed,
    spans: &mut Vec<Span>,
) -> Option<usize> {
    let rest = source.get(at..)?;
    let trimmed = rest.trim_start_matches(' ');
    let (open, close) = delimiters
        .block
        .iter()
        .find(|(open, _)| trimmed.starts_with(open.as_str()))?;
    if unclosed.0.contains(close) {
        return None;
    }
    let after_open = trimmed.get(open.len()..)?;
    let Some(close_at) = after_open.find(close.as_str()) else {
        unclosed.0.push(close.clone());
        return None;
    };
    let inner = after_open.get(..close_at)?;
    // The block ends with its line; text after the closing delimiter on that
    // line makes it no block.
    let after_close = after_open.get(close_at + close.len()..)?;
    let line_rest = after_close.split('\n').next().unwrap_or("");
    if !line_rest.trim().is_empty() {
        return None;
    }
    let consumed = trimmed.len() - after_close.len() + line_rest.len();
    let raw = trimmed.get(..consumed)?.to_string();
    let lines_used = raw.matches('\n').count() + 1;
    spans.push(Span {
        block: true,
        inner: inner.to_string(),
        raw: raw.trim_end().to_string(),
    });
    Some(lines_used)
}

/// `paragraph` with its inline spans replaced by markers; code spans kept.
fn inline_spans(paragraph: &str, delimiters: &Passthrough, spans: &mut Vec<Span>) -> String {
    let mut out = String::with_capacity(paragraph.len());
    let mut rest = paragraph;
    let mut unclosed: Vec<&str> = Vec::new();
    while !rest.is_empty() {
        if rest.starts_with('`') {
            let ticks = rest.len() - rest.trim_start_matches('`').len();
            let run = "`".repeat(ticks);
            let after = rest.get(ticks..).unwrap_or_default();
            let end = after
                .find(run.as_str())
                .map_or(rest.len(), |e| ticks + e + ticks);
            out.push_str(rest.get(..end).unwrap_or(rest));
            rest = rest.get(end..).unwrap_or_default();
            continue;
        }
        let pair = delimiters
            .inline
            .iter()
            .chain(delimiters.block.iter())
            .find(|(open, close)| {
                rest.starts_with(open.as_str()) && !unclosed.contains(&close.as_str())
            });
        if let Some((open, close)) = pair {
            let after = rest.get(open.len()..).unwrap_or_default();
            let end = after.find(close.as_str());
            if end.is_none() {
                unclosed.push(close);
            }
            if let Some(end) = end.filter(|&e| e > 0) {
                let inner = after.get(..end).unwrap_or_default();
                let raw_len = open.len() + end + close.len();
                spans.push(Span {
                    block: false,
                    inner: inner.to_string(),
                    raw: rest.get(..raw_len).unwrap_or_default().to_string(),
                });
                out.push_str(&format!("{INLINE_OPEN}{}{INLINE_CLOSE}", spans.len() - 1));
                rest = rest.get(raw_len..).unwrap_or_default();
                continue;
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    out
}

/// The HTML with each marker replaced by its span: as written, or the
/// output of the site's passthrough hook.
pub fn restore(html: &str, spans: &[Span], hooks: Option<&dyn RenderHooks>) -> String {
    if spans.is_empty() {
        return html.to_string();
    }
    let hook = hooks.filter(|h| h.has(HookKind::Passthrough, ""));
    let output = |n: usize| -> String {
        let Some(span) = spans.get(n) else {
            return String::new();
        };
        match hook {
            Some(hooks) => hooks.render(
                HookKind::Passthrough,
                &HookCall {
                    inner: &span.inner,
                    kind_type: if span.block { "block" } else { "inline" },
                    ordinal: n,
                    ..HookCall::default()
                },
            ),
            None => span.raw.clone(),
        }
    };
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find([INLINE_OPEN, BLOCK_OPEN]) {
        let (before, from) = rest.split_at(at);
        let block = from.starts_with(BLOCK_OPEN);
        let close = if block { BLOCK_CLOSE } else { INLINE_CLOSE };
        let body = from.get(3..).unwrap_or_default();
        let Some(end) = body.find(close) else {
            break;
        };
        let number = body.get(..end).and_then(|n| n.parse::<usize>().ok());
        let after = body.get(end + 3..).unwrap_or_default();
        match number {
            Some(n) if block => {
                // The block's paragraph goes with it.
                out.push_str(before.strip_suffix("<p>").unwrap_or(before));
                out.push_str(&output(n));
                rest = after.strip_prefix("</p>\n").unwrap_or(after);
            }
            Some(n) => {
                out.push_str(before);
                out.push_str(&output(n));
                rest = after;
            }
            None => {
                out.push_str(before);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_outside_code_become_markers() {
        let d = Passthrough {
            block: vec![("$$".into(), "$$".into())],
            inline: vec![("\\(".into(), "\\)".into()), ("$".into(), "$".into())],
        };
        let (out, spans) = extract(
            "a \\(x<y\\) `\\(c\\)` $z$ lone $ sign\n\n$$\nb*c\n$$\n\n```\n\\(f\\)\n```\n",
            &d,
        );
        assert_eq!(
            out,
            "a \u{E000}0\u{E001} `\\(c\\)` \u{E000}1\u{E001} lone $ sign\n\n\u{E002}2\u{E003}\n\n\n```\n\\(f\\)\n```\n"
        );
        assert_eq!(spans[0].inner, "x<y");
        assert_eq!(spans[2].raw, "$$\nb*c\n$$");
        assert_eq!(spans[2].inner, "\nb*c\n");
    }
}
