//! Tables in Goldmark's layout: tab-indented rows, `thead` and `tbody`, column
//! alignment as a `text-align` style; or through the site's table hook
//! (`.THead`, `.TBody`: rows of cells with `.Alignment` and `.Text`).

use super::Writer;
use crate::markdown::{HookCall, HookKind, TableCell};
use pulldown_cmark::Alignment;

/// A table the site's hook writes: where it starts in the output, its rows so
/// far, and where the open cell's content starts.
#[derive(Default)]
pub(super) struct HookedTable {
    start: usize,
    head: Vec<Vec<TableCell>>,
    body: Vec<Vec<TableCell>>,
    row: Vec<TableCell>,
    cell_start: usize,
}

impl Writer<'_> {
    pub(super) fn start_table(&mut self, alignments: Vec<Alignment>) {
        self.table_alignments = alignments;
        if self
            .settings
            .hooks
            .is_some_and(|h| h.has(HookKind::Table, ""))
        {
            self.hooked_table = Some(HookedTable {
                start: self.out.len(),
                ..HookedTable::default()
            });
        }
        self.out.push_str("<table>");
    }

    pub(super) fn end_table_row(&mut self) {
        self.out.push_str("\n\t\t\t</tr>");
        if let Some(table) = &mut self.hooked_table {
            let row = std::mem::take(&mut table.row);
            table.body.push(row);
        }
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
        let at = out.len();
        if let Some(table) = &mut self.hooked_table {
            table.cell_start = at;
        }
    }

    pub(super) fn end_table(&mut self) {
        let out = &mut self.out;
        if out.ends_with("</tr>") {
            out.push_str("\n\t</tbody>");
        } else if out.ends_with("</thead>") {
            // A table without rows has an empty body.
            out.push_str("\n\t<tbody>\n\t</tbody>");
        }
        out.push_str("\n</table>\n");
        let Some(table) = self.hooked_table.take() else {
            return;
        };
        self.out.truncate(table.start);
        let call = HookCall {
            ordinal: self.table_ordinal,
            thead: &table.head,
            tbody: &table.body,
            ..HookCall::default()
        };
        self.table_ordinal += 1;
        if let Some(hooks) = self.settings.hooks {
            let html = hooks.render(HookKind::Table, &call);
            self.out.push_str(&html);
        }
    }

    pub(super) fn end_table_head(&mut self) {
        self.in_table_head = false;
        self.out.push_str("\n\t\t\t</tr>\n\t</thead>");
        if let Some(table) = &mut self.hooked_table {
            let row = std::mem::take(&mut table.row);
            table.head.push(row);
        }
    }

    pub(super) fn end_table_cell(&mut self) {
        if let Some(table) = &mut self.hooked_table {
            let alignment = match self.table_alignments.get(self.table_cell) {
                Some(Alignment::Left) => "left",
                Some(Alignment::Center) => "center",
                Some(Alignment::Right) => "right",
                _ => "",
            };
            table.row.push(TableCell {
                alignment,
                text: self
                    .out
                    .get(table.cell_start..)
                    .unwrap_or_default()
                    .to_string(),
            });
        }
        self.out
            .push_str(if self.in_table_head { "</th>" } else { "</td>" });
        self.table_cell += 1;
    }
}
