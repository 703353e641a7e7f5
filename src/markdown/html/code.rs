//! Code blocks: fenced ones highlighted as Hugo's Chroma does (with the title
//! relearn shows above a block), indented ones as plain `<pre><code>`.

use super::{Writer, highlight};
use crate::text::escape::escape_code;
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
                escape_code(out, &code);
                out.push_str("</code></pre>\n");
            }
            None => {}
        }
    }
}
