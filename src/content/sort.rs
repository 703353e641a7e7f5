//! Hugo's default page order (`resources/page/pages_sort.go`): weight ascending with
//! 0 after every other weight, then newer date first, then link title compared
//! case-insensitively (an approximation of the language collator), then source path.

use super::{ContentTree, Page, PageId, PerPage};
use std::cmp::Ordering;

/// Compares two pages in Hugo's default order.
pub fn default_order(a: &Page, b: &Page) -> Ordering {
    by_weight(a.weight, b.weight)
        .then_with(|| {
            let (da, db) = (a.date.map(|d| d.timestamp()), b.date.map(|d| d.timestamp()));
            db.cmp(&da)
        })
        .then_with(|| collate(&a.link_title, &b.link_title))
        .then_with(|| {
            let pa = a
                .file
                .as_ref()
                .map(|f| f.path.as_str())
                .unwrap_or(&a.section_dir);
            let pb = b
                .file
                .as_ref()
                .map(|f| f.path.as_str())
                .unwrap_or(&b.section_dir);
            pa.to_lowercase()
                .cmp(&pb.to_lowercase())
                .then_with(|| pa.cmp(pb))
        })
}

/// Every page's place in the default order, by page id: sorting any set of pages
/// by it gives the order [`default_order`] gives, with a number compared instead
/// of weights, dates and titles.
pub fn ranks(tree: &ContentTree) -> PerPage<usize> {
    use rayon::prelude::*;
    let mut ids: Vec<PageId> = tree.ids().collect();
    ids.par_sort_by(|&a, &b| default_order(&tree[a], &tree[b]));
    let mut rank = vec![0; tree.len()];
    for (place, id) in ids.into_iter().enumerate() {
        if let Some(slot) = rank.get_mut(id.index()) {
            *slot = place;
        }
    }
    PerPage(rank)
}

/// Order of titles only (Hugo's `.ByTitle`).
pub fn title_order(a: &Page, b: &Page) -> Ordering {
    collate(&a.title, &b.title)
}

fn by_weight(a: i64, b: i64) -> Ordering {
    match (a == 0, b == 0) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => a.cmp(&b),
    }
}

/// Case-insensitive comparison first, case as the tie-break (lower before upper,
/// as a collator's tertiary level does).
pub fn collate(a: &str, b: &str) -> Ordering {
    // Char by char, without making the folded strings (sorts compare often).
    fn fold(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().flat_map(char::to_lowercase)
    }
    fold(a).cmp(fold(b)).then_with(|| b.cmp(a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Kind, Page};

    fn page(title: &str, weight: i64, date: Option<&str>, path: &str) -> Page {
        let mut p = Page::new(Kind::Page, title, "");
        p.file = Some(crate::content::SourceFile {
            path: path.into(),
            ..Default::default()
        });
        p.weight = weight;
        p.date = date.and_then(crate::date::parse);
        p
    }

    fn order(mut pages: Vec<Page>) -> Vec<String> {
        pages.sort_by(default_order);
        pages.into_iter().map(|p| p.file.unwrap().path).collect()
    }

    #[test]
    fn zero_weight_sorts_last_and_negative_first() {
        let got = order(vec![
            page("A", 0, None, "a.md"),
            page("B", 2, None, "b.md"),
            page("C", -5, None, "c.md"),
            page("D", 1, None, "d.md"),
        ]);
        assert_eq!(got, ["c.md", "d.md", "b.md", "a.md"]);
    }

    #[test]
    fn equal_weight_newer_date_first_then_title_then_path() {
        let got = order(vec![
            page("Old", 1, Some("2019-01-01"), "old.md"),
            page("New", 1, Some("2020-01-01"), "new.md"),
            page("banana", 2, None, "x.md"),
            page("Apple", 2, None, "y.md"),
            page("Same", 3, None, "z2.md"),
            page("Same", 3, None, "Z1.md"),
        ]);
        assert_eq!(got, ["new.md", "old.md", "y.md", "x.md", "Z1.md", "z2.md"]);
    }
}
