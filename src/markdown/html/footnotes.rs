//! Footnotes as Goldmark writes them: numbered references in order of first use,
//! and one list of notes at the end of the document with links back.

use super::Writer;

/// A footnote's definition, written apart from the text around it.
pub(super) struct Footnote {
    label: String,
    html: String,
}

impl Writer<'_> {
    pub(super) fn footnote_reference(&mut self, label: &str) {
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

    /// A definition starts: its HTML is written apart until it ends.
    pub(super) fn start_footnote(&mut self, label: &str) {
        let saved = std::mem::take(&mut self.out);
        self.saved.push(saved);
        self.footnotes.push(Footnote {
            label: label.to_string(),
            html: String::new(),
        });
    }

    pub(super) fn end_footnote(&mut self) {
        let html = std::mem::replace(&mut self.out, self.saved.pop().unwrap_or_default());
        if let Some(f) = self.footnotes.last_mut() {
            f.html = html;
        }
    }

    pub(super) fn write_footnotes(&mut self) {
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
