//! The sidebar, rendered by the theme's `partials/menu.html` once per site with a
//! slot where each item's state goes; each page then fills only the slots (active,
//! parent, caret), so no page re-renders the tree. A page carries the branches
//! open on it; of a branch with very many items, only those around the page's
//! own, with a "more" item standing for the rest: a page's sidebar stays small
//! however big the site grows.
#![allow(clippy::indexing_slicing)] // indices are positions in the menu it lays out, never input

use super::Theme;
use crate::content::{ContentTree, PageId};
use crate::error::Result;
use crate::navigation::MenuNode;
use std::collections::HashMap;

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Text(String),
    State(PageId),
    Caret(PageId),
    /// Per-page HTML: the language switcher's options (`languages`), the site's
    /// logo and menu footer.
    Slot(String),
    /// The start of a node's children, shown only where the node is open, and
    /// the index of its end.
    ChildrenStart(PageId, usize),
    ChildrenEnd(PageId),
    /// The start of a node's item and the index of its end.
    ItemStart(PageId, usize),
    ItemEnd(PageId),
}

/// A branch with more items than this shows only [`WINDOW`] of them on a page.
const MANY: usize = 60;
const WINDOW: usize = 50;

/// A branch with [`MANY`] items or more: its items in order and its URL.
#[derive(Debug, Clone)]
struct BigBranch {
    items: Vec<PageId>,
    url: String,
}

/// The sidebar HTML with per-page slots.
#[derive(Debug, Clone)]
pub struct Menu {
    segments: Vec<Segment>,
    always_open: HashMap<PageId, bool>,
    /// Where each item's start is among the segments.
    item_at: HashMap<PageId, usize>,
    /// Each item's branch and place in it, for items of big branches.
    place: HashMap<PageId, (PageId, usize)>,
    big: HashMap<PageId, BigBranch>,
    /// The "more" item, with `{OPEN}U{CLOSE}` for the branch's URL and
    /// `{OPEN}N{CLOSE}` for the number of items it stands for.
    more: String,
}

/// The slot view of a node given to the template.
#[derive(serde::Serialize)]
struct SlotNode<'a> {
    #[serde(flatten)]
    node: &'a MenuNode,
    state: String,
    caret: String,
    children_start: String,
    children_end: String,
    item_start: String,
    item_end: String,
    children: Vec<SlotNode<'a>>,
}

fn slot_view(node: &MenuNode) -> SlotNode<'_> {
    SlotNode {
        node,
        state: format!("{OPEN}S{}{CLOSE}", node.id),
        caret: if node.has_caret {
            format!("{OPEN}C{}{CLOSE}", node.id)
        } else {
            String::new()
        },
        children_start: format!("{OPEN}O{}{CLOSE}", node.id),
        children_end: format!("{OPEN}X{}{CLOSE}", node.id),
        item_start: format!("{OPEN}I{}{CLOSE}", node.id),
        item_end: format!("{OPEN}E{}{CLOSE}", node.id),
        children: node.children.iter().map(slot_view).collect(),
    }
}

/// The big branches of the tree and the place of their items.
fn collect_big(
    nodes: &[MenuNode],
    big: &mut HashMap<PageId, BigBranch>,
    place: &mut HashMap<PageId, (PageId, usize)>,
) {
    for n in nodes {
        if n.children.len() > MANY {
            for (i, c) in n.children.iter().enumerate() {
                place.insert(c.id, (n.id, i));
            }
            big.insert(
                n.id,
                BigBranch {
                    items: n.children.iter().map(|c| c.id).collect(),
                    url: n.url.clone(),
                },
            );
        }
        collect_big(&n.children, big, place);
    }
}

fn collect_open(nodes: &[MenuNode], out: &mut HashMap<PageId, bool>) {
    for n in nodes {
        out.insert(n.id, n.always_open);
        collect_open(&n.children, out);
    }
}

/// The marker of per-page slot `name` in the rendered sidebar.
fn slot(name: &str) -> String {
    format!("{OPEN}P{name}{CLOSE}")
}

/// The parts of a page shown in the sidebar: template key and partial file.
pub const SIDEBAR_PARTS: &[(&str, &str)] =
    &[("logo", "logo.html"), ("menu_footer", "menu-footer.html")];

impl Menu {
    /// Renders `partials/menu.html` with `context` plus the `nodes` of the tree.
    /// `languages` becomes a per-page slot, and so does each of the
    /// [`SIDEBAR_PARTS`] the site makes per page (`per_page`, by key); the
    /// theme's own are rendered here, once.
    pub fn render(
        theme: &Theme,
        nodes: &[MenuNode],
        mut context: tera::Context,
        per_page: &[String],
    ) -> Result<Menu> {
        let views: Vec<SlotNode<'_>> = nodes.iter().map(slot_view).collect();
        context.insert("nodes", &views);
        context.insert("language_options", &slot("languages"));
        let mut parts: HashMap<&str, String> = HashMap::new();
        for (key, file) in SIDEBAR_PARTS {
            let html = if per_page.iter().any(|k| k == key) {
                slot(key)
            } else {
                theme.render(&format!("partials/{file}"), &context)?
            };
            parts.insert(key, html);
        }
        context.insert("parts", &parts);
        let html = theme.render("partials/menu.html", &context)?;
        let mut always_open = HashMap::new();
        collect_open(nodes, &mut always_open);
        let mut big = HashMap::new();
        let mut place = HashMap::new();
        collect_big(nodes, &mut big, &mut place);
        let mut more_context = tera::Context::new();
        more_context.insert("url", &format!("{OPEN}U{CLOSE}"));
        more_context.insert("count", &format!("{OPEN}N{CLOSE}"));
        let more = theme.render("partials/menu_more.html", &more_context)?;
        Ok(Menu::from_segments(
            parse(&html),
            always_open,
            big,
            place,
            more,
        ))
    }

    fn from_segments(
        segments: Vec<Segment>,
        always_open: HashMap<PageId, bool>,
        big: HashMap<PageId, BigBranch>,
        place: HashMap<PageId, (PageId, usize)>,
        more: String,
    ) -> Menu {
        let item_at = segments
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match s {
                Segment::ItemStart(id, _) => Some((*id, i)),
                _ => None,
            })
            .collect();
        Menu {
            segments,
            always_open,
            item_at,
            place,
            big,
            more,
        }
    }

    /// Of each big branch open on the page, the items shown: a window around the
    /// page's own (or its ancestor's) item.
    fn windows(
        &self,
        current: Option<PageId>,
        ancestors: &[PageId],
    ) -> HashMap<PageId, (usize, usize)> {
        let mut windows = HashMap::new();
        if self.big.is_empty() {
            return windows;
        }
        for (&branch, b) in &self.big {
            let focus = current
                .into_iter()
                .chain(ancestors.iter().copied())
                .find_map(|id| match self.place.get(&id) {
                    Some(&(parent, i)) if parent == branch => Some(i),
                    _ => None,
                })
                .unwrap_or(0);
            let lo = focus.saturating_sub(WINDOW / 2).min(b.items.len() - WINDOW);
            windows.insert(branch, (lo, lo + WINDOW));
        }
        windows
    }

    /// The sidebar of the page `current` (none on pages outside the tree, such as
    /// 404) whose ancestors are `ancestors`, with the
    /// page's own slots filled from `slots` (`languages`, `logo`, `menu_footer`).
    /// Children of a branch are there when the branch is open on the page (the
    /// page, its ancestors, `alwaysopen` branches), or everywhere when `full`;
    /// of a big branch (unless `full`), only a window of them.
    pub fn for_page(
        &self,
        current: Option<PageId>,
        ancestors: &[PageId],
        slots: &HashMap<String, String>,
        full: bool,
    ) -> String {
        let mut out = String::new();
        let open = |id: &PageId| {
            full || Some(*id) == current
                || ancestors.contains(id)
                || self.always_open.get(id).copied().unwrap_or(false)
        };
        let windows = if full {
            HashMap::new()
        } else {
            self.windows(current, ancestors)
        };
        let mut i = 0;
        while let Some(seg) = self.segments.get(i) {
            i += 1;
            match seg {
                Segment::ChildrenStart(id, end) if !open(id) => i = *end + 1,
                Segment::ItemStart(id, _) => {
                    // Items of a big branch outside the page's window: one "more"
                    // item stands for each run of them.
                    let Some(&(branch, index)) = self.place.get(id) else {
                        continue;
                    };
                    let (Some(&(lo, hi)), Some(b)) = (windows.get(&branch), self.big.get(&branch))
                    else {
                        continue;
                    };
                    let run_end = if index < lo {
                        lo
                    } else if index >= hi {
                        b.items.len()
                    } else {
                        continue;
                    };
                    out.push_str(
                        &self
                            .more
                            .replace(&format!("{OPEN}U{CLOSE}"), &b.url)
                            .replace(&format!("{OPEN}N{CLOSE}"), &(run_end - index).to_string()),
                    );
                    let last = b.items[run_end - 1];
                    i = match self
                        .item_at
                        .get(&last)
                        .and_then(|&at| self.segments.get(at))
                    {
                        Some(Segment::ItemStart(_, end)) => *end + 1,
                        _ => i,
                    };
                }
                Segment::ChildrenStart(..) | Segment::ChildrenEnd(_) | Segment::ItemEnd(_) => {}
                Segment::Text(t) => out.push_str(t),
                Segment::Slot(name) => {
                    out.push_str(slots.get(name).map_or("", String::as_str));
                }
                Segment::State(id) => {
                    let parent = ancestors.contains(id)
                        || self.always_open.get(id).copied().unwrap_or(false);
                    let active = Some(*id) == current;
                    out.push_str(match (parent, active) {
                        (true, true) => " parent active",
                        (true, false) => " parent",
                        (false, true) => " active",
                        (false, false) => "",
                    });
                }
                Segment::Caret(id) => {
                    let open = ancestors.contains(id)
                        || self.always_open.get(id).copied().unwrap_or(false);
                    out.push_str(if open {
                        "fa-caret-down"
                    } else {
                        "fa-caret-right"
                    });
                }
            }
        }
        out
    }
}

fn parse(html: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let after = rest.get(start + OPEN.len_utf8()..).unwrap_or_default();
        let Some(end) = after.find(CLOSE) else { break };
        segments.push(Segment::Text(
            rest.get(..start).unwrap_or_default().to_string(),
        ));
        let slot = after.get(..end).unwrap_or_default();
        let id = PageId::parse(slot.get(1..).unwrap_or_default()).unwrap_or(ContentTree::HOME);
        segments.push(match slot.as_bytes().first() {
            Some(b'C') => Segment::Caret(id),
            Some(b'P') => Segment::Slot(slot.get(1..).unwrap_or_default().to_string()),
            Some(b'O') => Segment::ChildrenStart(id, 0),
            Some(b'X') => Segment::ChildrenEnd(id),
            Some(b'I') => Segment::ItemStart(id, 0),
            Some(b'E') => Segment::ItemEnd(id),
            _ => Segment::State(id),
        });
        rest = after.get(end + CLOSE.len_utf8()..).unwrap_or_default();
    }
    segments.push(Segment::Text(rest.to_string()));
    // Each start learns where its end is, so a page can leap over what it hides.
    let mut open: Vec<usize> = Vec::new();
    for i in 0..segments.len() {
        match segments[i] {
            Segment::ChildrenStart(..) | Segment::ItemStart(..) => open.push(i),
            Segment::ChildrenEnd(_) | Segment::ItemEnd(_) => {
                if let Some(start) = open.pop() {
                    match &mut segments[start] {
                        Segment::ChildrenStart(_, end) | Segment::ItemStart(_, end) => *end = i,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: usize) -> PageId {
        PageId::nth(n)
    }

    #[test]
    fn collapsed_children_show_only_below_their_node() {
        let menu = Menu::from_segments(
            parse("<li>1\u{E000}O1\u{E001}<ul><li>2</li></ul>\u{E000}X1\u{E001}</li><li>3</li>"),
            HashMap::from([(id(1), false), (id(2), false), (id(3), false)]),
            HashMap::new(),
            HashMap::new(),
            String::new(),
        );
        assert_eq!(
            menu.for_page(Some(id(3)), &[id(0)], &HashMap::new(), false),
            "<li>1</li><li>3</li>"
        );
        assert_eq!(
            menu.for_page(Some(id(2)), &[id(1), id(0)], &HashMap::new(), false),
            "<li>1<ul><li>2</li></ul></li><li>3</li>"
        );
    }

    #[test]
    fn a_big_branch_shows_a_window_around_the_page() {
        // Branch 1 with 100 items, 2..=101.
        let items: Vec<PageId> = (2..102).map(id).collect();
        let mut html = String::from("<li>B\u{E000}O1\u{E001}<ul>");
        for id in &items {
            html.push_str(&format!(
                "\u{E000}I{id}\u{E001}<li>{id}</li>\u{E000}E{id}\u{E001}"
            ));
        }
        html.push_str("</ul>\u{E000}X1\u{E001}</li>");
        let place = items
            .iter()
            .enumerate()
            .map(|(i, &item)| (item, (id(1), i)))
            .collect();
        let big = HashMap::from([(
            id(1),
            BigBranch {
                items: items.clone(),
                url: "/b/".into(),
            },
        )]);
        let menu = Menu::from_segments(
            parse(&html),
            HashMap::new(),
            big,
            place,
            "<li class=\"more\" data-url=\"\u{E000}U\u{E001}\">\u{E000}N\u{E001}</li>".into(),
        );
        let page = menu.for_page(Some(id(61)), &[id(1), id(0)], &HashMap::new(), false);
        // Items 36..=85 (a window of 50 around item 61), "more" items for the rest.
        assert!(
            page.starts_with("<li>B<ul><li class=\"more\" data-url=\"/b/\">34</li><li>36</li>"),
            "{page}"
        );
        assert!(
            page.ends_with("<li>85</li><li class=\"more\" data-url=\"/b/\">16</li></ul></li>"),
            "{page}"
        );
        assert_eq!(page.matches("<li>").count(), 51);
        // The home page has them all.
        assert_eq!(
            menu.for_page(Some(id(0)), &[], &HashMap::new(), true)
                .matches("<li>")
                .count(),
            101
        );
    }

    #[test]
    fn named_slots_take_the_page_parts() {
        let menu = Menu::from_segments(
            parse(&format!(
                "<div>{}</div><p>{}</p>",
                slot("logo"),
                slot("languages")
            )),
            HashMap::new(),
            HashMap::new(),
            HashMap::new(),
            String::new(),
        );
        let slots = HashMap::from([
            ("logo".to_string(), "<a>Logo</a>".to_string()),
            ("languages".to_string(), "<option>fr</option>".to_string()),
        ]);
        assert_eq!(
            menu.for_page(Some(id(0)), &[], &slots, false),
            "<div><a>Logo</a></div><p><option>fr</option></p>"
        );
    }

    #[test]
    fn slots_are_filled_per_page() {
        let menu = Menu::from_segments(
            parse(
                "<li class=\"dd-item\u{E000}S1\u{E001}\"><i class=\"fas \u{E000}C1\u{E001}\"></i><li class=\"dd-item\u{E000}S2\u{E001}\">",
            ),
            HashMap::from([(id(1), false), (id(2), false)]),
            HashMap::new(),
            HashMap::new(),
            String::new(),
        );
        assert_eq!(
            menu.for_page(Some(id(2)), &[id(1), id(0)], &HashMap::new(), false),
            "<li class=\"dd-item parent\"><i class=\"fas fa-caret-down\"></i><li class=\"dd-item active\">"
        );
        assert_eq!(
            menu.for_page(Some(id(9)), &[id(0)], &HashMap::new(), false),
            "<li class=\"dd-item\"><i class=\"fas fa-caret-right\"></i><li class=\"dd-item\">"
        );
    }
}
