//! Tables in Goldmark's layout: tab-indented rows, `thead` and `tbody`, column
//! alignment as a `text-align` style.

use super::Writer;
use pulldown_cmark::Alignment;

impl Writer<'_> {
    pub(super) fn start_table(&mut self, alignments: Vec<Alignment>) {
        self.table_alignments = alignments;
        self.out.push_str("<table>");
    }

    pub(super) fn start_table_head(&mut self) {
        self.in_table_head = true;
        self.table_cell = 0;
        self.out.push_str("\n\t<thead>\n\t\t\t<tr>");
    }

    pub(super) fn start_table_row(&mut self) {
        let out = &mut self.out;
        self.table_cell = 0;
        if !out.ends_with("<tbody>") && out.ends_with("</thead>") {
            out.push_str("\n\t<tbody>");
        }
        out.push_str("\n\t\t\t<tr>");
    }

    pub(super) fn start_table_cell(&mut self) {
        let out = &mut self.out;
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

    pub(super) fn end_table(&mut self) {
        let out = &mut self.out;
        if out.ends_with("</tr>") {
            out.push_str("\n\t</tbody>");
        }
        out.push_str("\n</table>\n");
    }

    pub(super) fn end_table_head(&mut self) {
        self.in_table_head = false;
        self.out.push_str("\n\t\t\t</tr>\n\t</thead>");
    }

    pub(super) fn end_table_cell(&mut self) {
        self.out
            .push_str(if self.in_table_head { "</th>" } else { "</td>" });
        self.table_cell += 1;
    }
}
