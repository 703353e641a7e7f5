//! Expands a page body's shortcodes (spec §4.3): nested calls first, inner content
//! of `{{% %}}` calls rendered as Markdown on its own (learn's version-1 semantics),
//! top-level outputs put back after Markdown through unique placeholder tokens, and
//! `{{% %}}` calls of version-2 templates spliced into the Markdown source.

use super::lex::{self, Params};
use super::tree::{self, Call, Definitions, Node};
use crate::error::{Error, Location, Result, Warning};

/// What a shortcode template is given.
#[derive(Debug)]
pub struct Invocation<'a> {
    pub name: &'a str,
    pub params: &'a Params,
    /// Inner content: raw for `{{< >}}`, rendered Markdown for `{{% %}}` (version 1).
    pub inner: Option<&'a str>,
    pub markdown: bool,
    /// Position of the call among the page's top-level calls (0-based).
    pub ordinal: usize,
    pub position: CallPosition<'a>,
    pub parent: Option<&'a Invocation<'a>>,
    /// The white space before the call on its line (Hugo's `.InnerDeindent` removes it).
    pub indent: &'a str,
}

/// The shortcodes a site can call.
pub trait Shortcodes: Definitions {
    /// Version-2 templates: a top-level `{{% %}}` call's output goes into the Markdown.
    fn splices_markdown(&self, name: &str) -> bool;
    /// Renders one call; the error text is the template's.
    fn render(&self, call: &Invocation<'_>) -> std::result::Result<String, String>;
}

/// A page body with its shortcodes expanded.
#[derive(Debug, Default)]
pub struct Expanded {
    /// Markdown with placeholder tokens where HTML outputs go.
    pub markdown: String,
    /// Token → HTML, to swap in after Markdown rendering.
    pub placeholders: Vec<(String, String)>,
    pub warnings: Vec<Warning>,
}

const TOKEN_PREFIX: &str = "HAHALABSITESC";
const TOKEN_SUFFIX: &str = "HBHB";

/// Where a call is. Its line and column cost a scan of the body up to it, so
/// they are worked out only when something asks (an error, `.Position`).
#[derive(Debug, Clone, Copy)]
pub enum CallPosition<'a> {
    /// At this byte offset of a body.
    InBody(&'a Source<'a>, usize),
    Known(&'a Location),
}

impl CallPosition<'_> {
    pub fn location(&self) -> Location {
        match self {
            CallPosition::InBody(source, offset) => source.location(*offset),
            CallPosition::Known(location) => (*location).clone(),
        }
    }
}

/// Where the body comes from, for error positions.
#[derive(Debug)]
pub struct Source<'a> {
    pub path: &'a std::path::Path,
    pub body: &'a str,
    /// Line of the file on which the body starts.
    pub first_line: usize,
}

impl Source<'_> {
    fn location(&self, offset: usize) -> Location {
        Location::at_offset(self.path, self.body, offset, self.first_line)
    }
}

/// Expands every shortcode of `source.body`. `markdown` renders a piece of Markdown
/// on its own (for `{{% %}}` inner content).
pub fn expand(
    source: &Source<'_>,
    shortcodes: &dyn Shortcodes,
    markdown: &dyn Fn(&str) -> String,
) -> Result<Expanded> {
    let tokens =
        lex::lex(source.body).map_err(|e| Error::at(source.location(e.offset), e.message))?;
    let mut warnings = Vec::new();
    let mut forced = Vec::new();
    let nodes = loop {
        match tree::build(source.body, tokens.clone(), shortcodes, &forced) {
            Ok(nodes) => break nodes,
            Err(e) if e.message.ends_with("must be closed or self-closed") => {
                let at = source.location(e.offset);
                let (open, name, close) = tag_at(source.body, e.offset);
                warnings.push(Warning(format!(
                    "{at}: {}; taken as self-closing (close it with {open} /{name} {close} or write {open} {name} /{close})",
                    e.message.replace(" must be closed or self-closed", " is never closed")
                )));
                forced.push(e.offset);
            }
            Err(e) => return Err(Error::at(source.location(e.offset), e.message)),
        }
    };

    for offset in tree::unclosed_tolerated(&tokens, shortcodes) {
        let (open, name, close) = tag_at(source.body, offset);
        warnings.push(Warning(format!(
            "{}: shortcode \"{name}\" is never closed; taken as self-closing (Hugo fails here, as the theme's {name} reads inner content: close it with {open} /{name} {close})",
            source.location(offset)
        )));
    }
    let expander = Expander {
        source,
        shortcodes,
        markdown,
    };
    let mut out = Expanded {
        warnings,
        ..Default::default()
    };
    let mut ordinal = 0;
    for node in &nodes {
        match node {
            Node::Text(t) => out.markdown.push_str(t),
            Node::Call(call) => {
                let html = expander.call(call, ordinal, 0, None)?;
                ordinal += 1;
                // Output without inner content keeps to the call's indent (so a
                // call in a list item stays in it), as Hugo indents it.
                let html = if call.inner_raw.is_empty() {
                    reindent(&html, &line_indent(&out.markdown))
                } else {
                    html
                };
                if call.tag.markdown && shortcodes.splices_markdown(&call.tag.name) {
                    out.markdown.push_str(&html);
                } else {
                    let token = format!("{TOKEN_PREFIX}{}{TOKEN_SUFFIX}", out.placeholders.len());
                    out.markdown.push_str(&token);
                    out.placeholders.push((token, html));
                }
            }
        }
    }
    Ok(out)
}

struct Expander<'a> {
    source: &'a Source<'a>,
    shortcodes: &'a dyn Shortcodes,
    markdown: &'a dyn Fn(&str) -> String,
}

impl Expander<'_> {
    fn call(
        &self,
        call: &Call,
        ordinal: usize,
        depth: usize,
        parent: Option<&Invocation<'_>>,
    ) -> Result<String> {
        let position = CallPosition::InBody(self.source, call.tag.start);
        let name = call.tag.name.as_str();
        let before = self
            .source
            .body
            .get(..call.tag.start.min(self.source.body.len()))
            .unwrap_or_default();
        let indent = line_indent(before);
        let mut invocation = Invocation {
            indent: &indent,
            name,
            params: &call.tag.params,
            inner: None,
            markdown: call.tag.markdown,
            ordinal,
            position,
            parent,
        };
        let inner = match &call.inner {
            None => None,
            Some(nodes) => {
                let mut raw = String::with_capacity(call.inner_raw.len());
                for node in nodes {
                    match node {
                        Node::Text(t) => raw.push_str(t),
                        Node::Call(child) => raw.push_str(&self.call(
                            child,
                            ordinal,
                            depth + 1,
                            Some(&invocation),
                        )?),
                    }
                }
                if call.tag.markdown && (depth > 0 || !self.shortcodes.splices_markdown(name)) {
                    let html = (self.markdown)(&raw);
                    Some(if call.inner_raw.contains('\n') {
                        html
                    } else {
                        strip_paragraph(&html)
                    })
                } else {
                    Some(raw)
                }
            }
        };
        invocation.inner = inner.as_deref();
        self.shortcodes.render(&invocation).map_err(|message| {
            Error::at(
                position.location(),
                format!("failed to render shortcode \"{name}\": {message}"),
            )
        })
    }
}

/// Removes one `<p>…</p>` wrapping the whole text (a one-line inner).
/// The delimiters and name of the shortcode tag that starts at `offset` of
/// `body` (`{{%`, `notice`, `%}}`), for messages.
fn tag_at(body: &str, offset: usize) -> (&'static str, &str, &'static str) {
    let rest = body.get(offset..).unwrap_or_default();
    let (open, close) = if rest.starts_with("{{<") {
        ("{{<", ">}}")
    } else {
        ("{{%", "%}}")
    };
    let name = rest.get(3..).unwrap_or_default().trim_start();
    let end = name
        .find(|c: char| c.is_whitespace() || matches!(c, '%' | '>' | '/'))
        .unwrap_or(name.len());
    (open, name.get(..end).unwrap_or_default(), close)
}

fn strip_paragraph(html: &str) -> String {
    let trimmed = html.trim_end_matches('\n');
    match trimmed
        .strip_prefix("<p>")
        .and_then(|t| t.strip_suffix("</p>"))
    {
        Some(inside) if !inside.contains("<p>") => inside.to_string(),
        _ => html.to_string(),
    }
}

/// The whitespace before the cursor when the current line holds nothing else.
fn line_indent(markdown: &str) -> String {
    let line = markdown.rsplit('\n').next().unwrap_or("");
    if line.chars().all(|c| c == ' ' || c == '\t') {
        line.to_string()
    } else {
        String::new()
    }
}

/// `text` with `indent` before each line after the first (blank ones too).
fn reindent(text: &str, indent: &str) -> String {
    if indent.is_empty() || !text.contains('\n') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + indent.len() * 8);
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i > 0 {
            out.push_str(indent);
        }
        out.push_str(line);
    }
    out
}

/// Puts shortcode outputs in place of their tokens in rendered HTML. A token that is
/// a paragraph of its own loses the `<p>` wrapper.
pub fn substitute(html: &str, placeholders: &[(String, String)]) -> String {
    if placeholders.is_empty() {
        return html.to_string();
    }
    let mut out =
        String::with_capacity(html.len() + placeholders.iter().map(|p| p.1.len()).sum::<usize>());
    let mut rest = html;
    while let Some(i) = rest.find(TOKEN_PREFIX) {
        let after = rest.get(i + TOKEN_PREFIX.len()..).unwrap_or_default();
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let index: Option<usize> = after.get(..digits).unwrap_or_default().parse().ok();
        let valid = digits > 0
            && after
                .get(digits..)
                .unwrap_or_default()
                .starts_with(TOKEN_SUFFIX);
        match (valid, index.and_then(|n| placeholders.get(n))) {
            (true, Some((_, output))) => {
                let token_end = i + TOKEN_PREFIX.len() + digits + TOKEN_SUFFIX.len();
                let before = rest.get(..i).unwrap_or_default();
                let tail = rest.get(token_end..).unwrap_or_default();
                if before.ends_with("<p>") && tail.starts_with("</p>") {
                    out.push_str(before.get(..before.len() - 3).unwrap_or_default());
                    out.push_str(output);
                    rest = tail.get(4..).unwrap_or_default();
                } else {
                    out.push_str(before);
                    out.push_str(output);
                    rest = tail;
                }
            }
            _ => {
                out.push_str(rest.get(..i + TOKEN_PREFIX.len()).unwrap_or_default());
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
    use std::path::Path;

    /// Test shortcodes: `wrap` (version 1, uses inner), `v2` (splices), `get` (no inner).
    struct Fake;
    impl Definitions for Fake {
        fn inner(&self, name: &str) -> Option<tree::Inner> {
            match name {
                "wrap" | "v2" => Some(tree::Inner::Required),
                "get" => Some(tree::Inner::None),
                _ => None,
            }
        }
    }
    impl Shortcodes for Fake {
        fn splices_markdown(&self, name: &str) -> bool {
            name == "v2"
        }
        fn render(&self, call: &Invocation<'_>) -> std::result::Result<String, String> {
            Ok(match call.name {
                "wrap" => format!("<div>{}</div>", call.inner.unwrap_or("")),
                "v2" => format!("**{}**", call.inner.unwrap_or("").trim()),
                _ => format!(
                    "[{}#{}]",
                    call.params
                        .get_index(0)
                        .and_then(|v| v.as_str())
                        .unwrap_or(""),
                    call.ordinal
                ),
            })
        }
    }

    fn md(s: &str) -> String {
        format!("<p>{}</p>\n", s.trim())
    }

    fn run(body: &str) -> Result<Expanded> {
        expand(
            &Source {
                path: Path::new("content/a.md"),
                body,
                first_line: 5,
            },
            &Fake,
            &md,
        )
    }

    #[test]
    fn markdown_notation_renders_inner_and_uses_a_placeholder() {
        let e = run("x\n\n{{% wrap %}}\nhello\n{{% /wrap %}}\n").unwrap();
        assert_eq!(e.markdown, "x\n\nHAHALABSITESC0HBHB\n");
        assert_eq!(e.placeholders[0].1, "<div><p>hello</p>\n</div>");
        assert_eq!(
            substitute("<p>x</p>\n<p>HAHALABSITESC0HBHB</p>\n", &e.placeholders),
            "<p>x</p>\n<div><p>hello</p>\n</div>\n"
        );
    }

    #[test]
    fn one_line_inner_loses_its_paragraph() {
        let e = run("{{% wrap %}}hello{{% /wrap %}}").unwrap();
        assert_eq!(e.placeholders[0].1, "<div>hello</div>");
    }

    #[test]
    fn angle_notation_keeps_inner_raw_and_inline_tokens_stay_inline() {
        let e = run("a {{< wrap >}}*raw*{{< /wrap >}} b").unwrap();
        assert_eq!(e.placeholders[0].1, "<div>*raw*</div>");
        assert_eq!(
            substitute("<p>a HAHALABSITESC0HBHB b</p>", &e.placeholders),
            "<p>a <div>*raw*</div> b</p>"
        );
    }

    #[test]
    fn version_two_output_is_spliced_into_markdown() {
        let e = run("- {{% v2 %}}\nbold\n{{% /v2 %}}").unwrap();
        assert_eq!(e.markdown, "- **bold**");
        assert!(e.placeholders.is_empty());
    }

    #[test]
    fn nested_output_goes_into_the_parent_inner() {
        let e = run("{{% wrap %}}\n{{< get a >}}\n{{% /wrap %}}{{< get b >}}").unwrap();
        assert_eq!(e.placeholders[0].1, "<div><p>[a#0]</p>\n</div>");
        assert_eq!(e.placeholders[1].1, "[b#1]");
    }

    #[test]
    fn errors_have_file_positions() {
        let e = run("line\n  {{< nope >}}").unwrap_err();
        assert_eq!(
            e.to_string(),
            "content/a.md:6:3: template for shortcode \"nope\" not found"
        );
        let e = run("x {{< get \"a >}}").unwrap_err();
        assert_eq!(
            e.to_string(),
            "content/a.md:5:11: unterminated quoted string in shortcode parameter-argument: 'a >}}'"
        );
    }

    #[test]
    fn unclosed_inner_shortcode_is_taken_as_self_closing_with_a_warning() {
        let e = run("{{% wrap %}}\ntext").unwrap();
        assert_eq!(e.markdown, "HAHALABSITESC0HBHB\ntext");
        assert_eq!(
            e.warnings[0].0,
            "content/a.md:5:1: shortcode \"wrap\" is never closed; taken as self-closing (close it with {{% /wrap %}} or write {{% wrap /%}})"
        );
    }
}
