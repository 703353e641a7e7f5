//! Code blocks: fenced ones through the site's code block hook when it has
//! one (`.Type`, `.Inner`, `.Attributes`, `.Options`), else highlighted as
//! Hugo's Chroma does (with the title relearn shows above a block), without
//! the empty lines that end a fenced block; indented ones as Goldmark's plain
//! `<pre><code>`, escaped as its text is.

use super::{Writer, highlight};
use crate::markdown::{HookCall, HookKind};
use crate::text::escape::{escape_code, escape_text};
use pulldown_cmark::CodeBlockKind;

impl Writer<'_> {
    pub(super) fn start_code_block(&mut self, kind: CodeBlockKind<'_>) {
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

    pub(super) fn end_code_block(&mut self) {
        // Hugo drops a fenced block's trailing empty lines, keeping one line end.
        if let Some((Some(_), code)) = &mut self.code {
            let kept = code.trim_end_matches(['\n', '\r']).len();
            code.truncate(kept);
            if kept > 0 {
                code.push('\n');
            }
        }
        if let Some((Some((lang, attrs)), code)) = &self.code
            && let Some(hooks) = self
                .settings
                .hooks
                .filter(|h| h.has(HookKind::CodeBlock, lang))
        {
            let (options, attributes): (Vec<_>, Vec<_>) = highlight::pairs(attrs)
                .into_iter()
                .partition(|(k, _)| highlight::HIGHLIGHT_KEYS.contains(&k.as_str()));
            let call = HookCall {
                ordinal: self.code_ordinal,
                kind_type: lang,
                inner: code.strip_suffix('\n').unwrap_or(code),
                attributes: &attributes,
                options: &options,
                ..HookCall::default()
            };
            let html = hooks.render(HookKind::CodeBlock, &call);
            self.code_ordinal += 1;
            self.code = None;
            self.out.push_str(&html);
            return;
        }
        let out = &mut self.out;
        match self.code.take() {
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
                escape_text(out, &code);
                out.push_str("</code></pre>\n");
            }
            None => {}
        }
    }
}
