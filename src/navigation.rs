//! The learn theme's navigation, computed once per site: the sidebar menu tree
//! (top level = home's sections, learn's order and `hidden` rule), previous/next in
//! learn's depth-first order with its URL-prefix rule, and breadcrumbs.

use crate::content::{ContentTree, Kind, PageId, sort};
use std::collections::HashMap;

/// One entry of the sidebar.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MenuNode {
    pub id: PageId,
    pub url: String,
    pub title: String,
    pub label: String,
    pub pre: String,
    pub post: String,
    pub is_section: bool,
    /// Shows the caret (sections with children below the top level).
    pub has_caret: bool,
    pub always_open: bool,
    #[serde(skip_serializing)]
    pub children: Vec<MenuNode>,
}

/// A link to another page (prev/next, breadcrumbs).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PageLink {
    pub url: String,
    pub title: String,
}

/// Site-wide navigation data.
#[derive(Debug, Clone)]
pub struct Navigation {
    pub menu: Vec<MenuNode>,
    /// learn's depth-first walk order (home first, hidden subtrees skipped).
    order: Vec<PageId>,
    /// For every URL in `order`, the last position where it occurs.
    last_index: HashMap<String, usize>,
}

impl Navigation {
    /// Builds the menu and the walk order. `url_of` gives a page's link
    /// (RelPermalink, baseURL path included).
    pub fn build(
        tree: &ContentTree,
        order_by_title: bool,
        url_of: &dyn Fn(PageId) -> String,
    ) -> Navigation {
        let sort_children = |ids: &mut Vec<PageId>| {
            if order_by_title {
                ids.sort_by(|&a, &b| sort::title_order(&tree.pages[a], &tree.pages[b]));
            }
        };
        let mut top: Vec<PageId> = tree.sections(ContentTree::HOME).collect();
        sort_children(&mut top);
        let menu = top
            .into_iter()
            .filter(|&id| !hidden(tree, id))
            .map(|id| menu_node(tree, id, true, &sort_children, url_of))
            .collect();

        let mut order = Vec::new();
        walk(tree, ContentTree::HOME, &mut order);
        let mut last_index = HashMap::new();
        for (i, &id) in order.iter().enumerate() {
            last_index.insert(url_of(id), i);
        }
        Navigation {
            menu,
            order,
            last_index,
        }
    }

    /// Previous and next page of the page at `url`, learn's way: the last node of the
    /// walk whose URL is a prefix of `url` decides; prev is the node before it, next
    /// the one after it.
    pub fn prev_next(&self, url: &str) -> (Option<PageId>, Option<PageId>) {
        let mut best: Option<usize> = None;
        for (i, _) in url
            .char_indices()
            .skip(1)
            .chain(std::iter::once((url.len(), ' ')))
        {
            if let Some(&idx) = self.last_index.get(&url[..i]) {
                best = Some(best.map_or(idx, |b: usize| b.max(idx)));
            }
        }
        match best {
            None => (None, None),
            Some(i) => (
                i.checked_sub(1).map(|p| self.order[p]),
                self.order.get(i + 1).copied(),
            ),
        }
    }
}

fn hidden(tree: &ContentTree, id: PageId) -> bool {
    tree.pages[id].flag("hidden")
}

fn menu_node(
    tree: &ContentTree,
    id: PageId,
    top_level: bool,
    sort_children: &dyn Fn(&mut Vec<PageId>),
    url_of: &dyn Fn(PageId) -> String,
) -> MenuNode {
    let page = &tree.pages[id];
    let is_section = page.kind == Kind::Section;
    let mut kids: Vec<PageId> = if is_section {
        page.children.clone()
    } else {
        Vec::new()
    };
    sort_children(&mut kids);
    let has_any = !kids.is_empty();
    let children = kids
        .into_iter()
        .filter(|&c| !hidden(tree, c))
        .map(|c| menu_node(tree, c, false, sort_children, url_of))
        .collect();
    MenuNode {
        id,
        url: url_of(id),
        title: page.title.clone(),
        label: page.menu_title(),
        pre: page.text_param("pre").unwrap_or_default(),
        post: page.text_param("post").unwrap_or_default(),
        is_section,
        has_caret: is_section && has_any && !top_level,
        always_open: page.flag("alwaysopen"),
        children,
    }
}

/// learn's `menu-nextprev` walk: the node, then its children (home: sections only)
/// by weight, skipping `hidden: true` subtrees.
fn walk(tree: &ContentTree, id: PageId, order: &mut Vec<PageId>) {
    let page = &tree.pages[id];
    if page.params.get("hidden") == Some(&serde_json::Value::Bool(true)) {
        return;
    }
    order.push(id);
    let children: Vec<PageId> = match page.kind {
        Kind::Home => tree.sections(id).collect(),
        Kind::Section => page.children.clone(),
        Kind::Page => Vec::new(),
    };
    for c in children {
        walk(tree, c, order);
    }
}

/// Breadcrumb links from home down to the parent of `id`.
pub fn breadcrumbs(
    tree: &ContentTree,
    id: PageId,
    url_of: &dyn Fn(PageId) -> String,
) -> Vec<PageLink> {
    let mut chain = tree.ancestors(id);
    chain.reverse();
    chain
        .into_iter()
        .map(|a| PageLink {
            url: url_of(a),
            title: tree.pages[a].title.clone(),
        })
        .collect()
}
