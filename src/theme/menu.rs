//! The sidebar, rendered by the theme's `partials/menu.html` once per site with a
//! slot where each item's state goes; each page then fills only the slots (active,
//! parent, caret), so no page re-renders the tree.

use super::Theme;
use crate::content::PageId;
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
    /// The start and end of a node's children that are shown only on pages at or
    /// below the node (relearn's collapsed menu).
    ChildrenStart(PageId),
    ChildrenEnd(PageId),
}

/// The sidebar HTML with per-page slots.
#[derive(Debug, Clone)]
pub struct Menu {
    segments: Vec<Segment>,
    always_open: HashMap<PageId, bool>,
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
        children: node.children.iter().map(slot_view).collect(),
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
        Ok(Menu {
            segments: parse(&html),
            always_open,
        })
    }

    /// The sidebar of the page `current` whose ancestors are `ancestors`, with the
    /// page's own slots filled from `slots` (`languages`, `logo`, `menu_footer`).
    /// Children of a branch are there when the branch is open on the page (the
    /// page, its ancestors, `alwaysopen` branches), or everywhere when `full`.
    pub fn for_page(
        &self,
        current: PageId,
        ancestors: &[PageId],
        slots: &HashMap<String, String>,
        full: bool,
    ) -> String {
        let mut out = String::new();
        let open = |id: &PageId| {
            full || *id == current
                || ancestors.contains(id)
                || self.always_open.get(id).copied().unwrap_or(false)
        };
        let mut skipping: Option<PageId> = None;
        for seg in &self.segments {
            if let Some(closed) = skipping {
                if *seg == Segment::ChildrenEnd(closed) {
                    skipping = None;
                }
                continue;
            }
            match seg {
                Segment::ChildrenStart(id) if !open(id) => skipping = Some(*id),
                Segment::ChildrenStart(_) | Segment::ChildrenEnd(_) => {}
                Segment::Text(t) => out.push_str(t),
                Segment::Slot(name) => {
                    out.push_str(slots.get(name).map_or("", String::as_str));
                }
                Segment::State(id) => {
                    let parent = ancestors.contains(id)
                        || self.always_open.get(id).copied().unwrap_or(false);
                    let active = *id == current;
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
        let after = &rest[start + OPEN.len_utf8()..];
        let Some(end) = after.find(CLOSE) else { break };
        segments.push(Segment::Text(rest[..start].to_string()));
        let slot = &after[..end];
        let id = slot[1..].parse().unwrap_or(0);
        segments.push(match slot.as_bytes().first() {
            Some(b'C') => Segment::Caret(id),
            Some(b'P') => Segment::Slot(slot[1..].to_string()),
            Some(b'O') => Segment::ChildrenStart(id),
            Some(b'X') => Segment::ChildrenEnd(id),
            _ => Segment::State(id),
        });
        rest = &after[end + CLOSE.len_utf8()..];
    }
    segments.push(Segment::Text(rest.to_string()));
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapsed_children_show_only_below_their_node() {
        let menu = Menu {
            segments: parse(
                "<li>1\u{E000}O1\u{E001}<ul><li>2</li></ul>\u{E000}X1\u{E001}</li><li>3</li>",
            ),
            always_open: HashMap::from([(1, false), (2, false), (3, false)]),
        };
        assert_eq!(
            menu.for_page(3, &[0], &HashMap::new(), false),
            "<li>1</li><li>3</li>"
        );
        assert_eq!(
            menu.for_page(2, &[1, 0], &HashMap::new(), false),
            "<li>1<ul><li>2</li></ul></li><li>3</li>"
        );
    }

    #[test]
    fn named_slots_take_the_page_parts() {
        let menu = Menu {
            segments: parse(&format!(
                "<div>{}</div><p>{}</p>",
                slot("logo"),
                slot("languages")
            )),
            always_open: HashMap::new(),
        };
        let slots = HashMap::from([
            ("logo".to_string(), "<a>Logo</a>".to_string()),
            ("languages".to_string(), "<option>fr</option>".to_string()),
        ]);
        assert_eq!(
            menu.for_page(0, &[], &slots, false),
            "<div><a>Logo</a></div><p><option>fr</option></p>"
        );
    }

    #[test]
    fn slots_are_filled_per_page() {
        let menu = Menu {
            segments: parse(
                "<li class=\"dd-item\u{E000}S1\u{E001}\"><i class=\"fas \u{E000}C1\u{E001}\"></i><li class=\"dd-item\u{E000}S2\u{E001}\">",
            ),
            always_open: HashMap::from([(1, false), (2, false)]),
        };
        assert_eq!(
            menu.for_page(2, &[1, 0], &HashMap::new(), false),
            "<li class=\"dd-item parent\"><i class=\"fas fa-caret-down\"></i><li class=\"dd-item active\">"
        );
        assert_eq!(
            menu.for_page(9, &[0], &HashMap::new(), false),
            "<li class=\"dd-item\"><i class=\"fas fa-caret-right\"></i><li class=\"dd-item\">"
        );
    }
}
