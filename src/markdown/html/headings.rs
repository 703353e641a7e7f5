//! Headings: ids as Goldmark gives them (explicit `{#id}`, else GitHub's from
//! the plain text, made unique), the entries of the table of contents, and the
//! site's heading hook (`.Level`, `.Anchor`, `.Text`, `.PlainText`, `.Attributes`).

use super::{Heading, Writer, char_after, typographer};
use crate::markdown::{HookCall, HookKind};
use crate::text::escape::escape_text;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

impl Writer<'_> {
    /// Ids for every heading in document order: explicit `{#id}` as given, the others
    /// from their plain text, de-duplicated.
    pub(super) fn assign_heading_ids(&mut self, events: &[Event<'_>]) -> Vec<String> {
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
                // A heading without text has no id (Goldmark makes none).
                ids.push(match id {
                    Some(explicit) => self.ids.explicit(explicit),
                    None if text.trim().is_empty() => String::new(),
                    None => self.ids.auto(&text),
                });
                i = j;
            }
            i += 1;
        }
        ids
    }

    /// Opens a heading with the id [`Writer::assign_heading_ids`] gave it.
    pub(super) fn start_heading(
        &mut self,
        level: HeadingLevel,
        classes: Vec<CowStr<'_>>,
        attrs: Vec<(CowStr<'_>, Option<CowStr<'_>>)>,
    ) {
        let id = self
            .heading_ids
            .get(self.heading_index)
            .cloned()
            .unwrap_or_default();
        self.heading_index += 1;
        let n = heading_level(level);
        // `{key="value"}`: the value without its quotes, as Goldmark reads it.
        let attrs: Vec<(String, String)> = attrs
            .iter()
            .map(|(k, v)| {
                let v = v.as_deref().unwrap_or("");
                let unquoted = v
                    .strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                    .unwrap_or(v);
                (k.to_string(), unquoted.to_string())
            })
            .collect();
        if self
            .settings
            .hooks
            .is_some_and(|h| h.has(HookKind::Heading, ""))
        {
            let mut attributes = attrs.clone();
            if !classes.is_empty() {
                attributes.push(("class".into(), classes.join(" ")));
            }
            if !id.is_empty() {
                attributes.push(("id".into(), id.clone()));
            }
            self.hooked_heading = Some((self.out.len(), attributes));
        }
        self.out.push_str(&format!("<h{n}"));
        if !id.is_empty() {
            self.out.push_str(" id=\"");
            escape_text(&mut self.out, &id);
            self.out.push('"');
        }
        if !classes.is_empty() {
            self.out.push_str(" class=\"");
            escape_text(&mut self.out, &classes.join(" "));
            self.out.push('"');
        }
        for (k, v) in attrs {
            self.out.push(' ');
            escape_text(&mut self.out, &k);
            self.out.push_str("=\"");
            escape_text(&mut self.out, &v);
            self.out.push('"');
        }
        self.out.push('>');
        self.current_heading = Some((n, id, self.out.len()));
    }

    pub(super) fn end_heading(&mut self, level: HeadingLevel) {
        let Some((n, id, start)) = self.current_heading.take() else {
            return;
        };
        let content = self.out.get(start..).unwrap_or_default().to_string();
        self.headings.push(Heading {
            level: n,
            id: id.clone(),
            html: strip_links(&content),
        });
        let Some((element, attributes)) = self.hooked_heading.take() else {
            self.out
                .push_str(&format!("</h{}>\n", heading_level(level)));
            return;
        };
        // The site's hook writes the whole heading.
        self.out.truncate(element);
        let plain = html_escape::decode_html_entities(&strip_tags(&content)).into_owned();
        let call = HookCall {
            text: &content,
            plain: &plain,
            ordinal: self.heading_ordinal,
            level: n,
            anchor: &id,
            attributes: &attributes,
            ..HookCall::default()
        };
        self.heading_ordinal += 1;
        if let Some(hooks) = self.settings.hooks {
            let html = hooks.render(HookKind::Heading, &call);
            self.out.push_str(&html);
        }
    }
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
