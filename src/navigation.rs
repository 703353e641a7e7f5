//! The learn theme's navigation, computed once per site: the sidebar menu tree
//! (top level = home's sections, learn's order and `hidden` rule), previous/next in
//! learn's depth-first order with its URL-prefix rule, and breadcrumbs.
#![allow(clippy::indexing_slicing)] // indices are positions in the reading order it builds, never input

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
    /// For every URL in `order`, the positions where it occurs.
    index: HashMap<String, Vec<usize>>,
}

impl Navigation {
    /// Builds the menu and the walk order. `url_of` gives a page's link
    /// (RelPermalink, baseURL path included).
    /// `whole_tree`: relearn's sidebar, the home page with all its children (pages
    /// too) instead of learn's top-level sections.
    pub fn build(
        tree: &ContentTree,
        order_by_title: bool,
        whole_tree: bool,
        url_of: &dyn Fn(PageId) -> String,
    ) -> Navigation {
        // A section's own `ordersectionsby` (relearn) wins over the site's.
        let sort_children = |parent: PageId, ids: &mut Vec<PageId>| {
            let own = section_order(&tree[parent]);
            let by_title = match own.as_deref() {
                Some("title" | "linktitle" | "name") => true,
                Some(_) => false,
                None => order_by_title,
            };
            if by_title {
                ids.sort_by(|&a, &b| sort::title_order(&tree[a], &tree[b]));
            } else if own.as_deref() == Some("date") {
                ids.sort_by_key(|&c| tree[c].date.map(|d| d.timestamp()));
            }
        };
        let menu = if whole_tree {
            vec![menu_node(
                tree,
                ContentTree::HOME,
                true,
                &sort_children,
                url_of,
            )]
        } else {
            let mut top: Vec<PageId> = tree.sections(ContentTree::HOME).collect();
            sort_children(ContentTree::HOME, &mut top);
            top.into_iter()
                .filter(|&id| !hidden(tree, id))
                .map(|id| menu_node(tree, id, true, &sort_children, url_of))
                .collect()
        };

        let mut order = Vec::new();
        walk(tree, ContentTree::HOME, &mut order);
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, &id) in order.iter().enumerate() {
            index.entry(url_of(id)).or_default().push(i);
        }
        Navigation { menu, order, index }
    }

    /// Runs learn's `menu-nextprev` walk for the page at `url`, continuing from
    /// `state`. learn keeps the walk's variables in the page's Scratch, which Hugo
    /// shares between the output formats of a page: a page rendered in HTML and then
    /// in AMP walks twice with one state, hence the state argument.
    ///
    /// Every node whose URL is a prefix of `url` sets "prev" to the node visited
    /// before it and arms "next"; the first node after an armed match that is not a
    /// match itself becomes "next". Only prefixes of `url` are looked up, so the
    /// cost does not grow with the number of pages.
    /// The pages before and after the page at `url` in the walk order, as
    /// relearn before 6 links them (no URL prefixes; none past either end).
    pub fn neighbours(&self, url: &str) -> (Option<PageId>, Option<PageId>) {
        let Some(&i) = self.index.get(url).and_then(|places| places.first()) else {
            return (None, None);
        };
        let at = |j: Option<usize>| j.and_then(|j| self.order.get(j)).copied();
        (at(i.checked_sub(1)), at(i.checked_add(1)))
    }

    pub fn walk(&self, url: &str, state: &mut WalkState) {
        let mut matches: Vec<usize> = url
            .char_indices()
            .skip(1)
            .map(|(i, _)| i)
            .chain(std::iter::once(url.len()))
            .filter_map(|end| self.index.get(url.get(..end).unwrap_or_default()))
            .flatten()
            .copied()
            .collect();
        matches.sort_unstable();
        matches.dedup();
        let n = self.order.len();
        let mut pos = 0;
        for &m in &matches {
            // Nodes pos..m are not prefixes: the first of them takes an armed "next".
            if pos < m && state.next_armed {
                state.next = Some(self.order[pos]);
                state.next_armed = false;
            }
            state.prev = if m == 0 {
                state.previous_node
            } else {
                Some(self.order[m - 1])
            };
            state.next_armed = true;
            pos = m + 1;
        }
        if pos < n && state.next_armed {
            state.next = Some(self.order[pos]);
            state.next_armed = false;
        }
        if n > 0 {
            state.previous_node = Some(self.order[n - 1]);
        }
    }
}

/// learn's walk variables for one page (its Scratch), carried between formats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalkState {
    pub prev: Option<PageId>,
    pub next: Option<PageId>,
    next_armed: bool,
    previous_node: Option<PageId>,
}

fn hidden(tree: &ContentTree, id: PageId) -> bool {
    tree[id].flag("hidden")
}

fn menu_node(
    tree: &ContentTree,
    id: PageId,
    top_level: bool,
    sort_children: &dyn Fn(PageId, &mut Vec<PageId>),
    url_of: &dyn Fn(PageId) -> String,
) -> MenuNode {
    let page = &tree[id];
    let is_section = page.is_section_like();
    let mut kids: Vec<PageId> = if is_section {
        page.children.clone()
    } else {
        Vec::new()
    };
    sort_children(id, &mut kids);
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
        pre: menu_decoration(page, "pre"),
        post: menu_decoration(page, "post"),
        is_section,
        has_caret: is_section && has_any && !top_level,
        always_open: page.flag("alwaysopen"),
        children,
    }
}

/// relearn's `ordersectionsby` of a section (front matter, or under `[params]`).
fn section_order(page: &crate::content::Page) -> Option<String> {
    page.text_param("ordersectionsby")
        .or_else(|| {
            page.params
                .get("params")
                .and_then(|p| crate::data_format::as_text(p.get("ordersectionsby")))
        })
        .map(|s| s.to_lowercase())
}

/// HTML around a menu label: learn's `pre`/`post`, or relearn's `menuPre`/`menuPost`
/// (top level or under `[params]`).
fn menu_decoration(page: &crate::content::Page, which: &str) -> String {
    let relearn_key = format!("menu{which}");
    page.text_param(which)
        .or_else(|| page.text_param(&relearn_key))
        .or_else(|| {
            page.params
                .get("params")
                .and_then(|p| crate::data_format::as_text(p.get(&relearn_key)))
        })
        .map(|html| crate::text::sanitize::author_html(&html))
        .unwrap_or_default()
}

/// learn's `menu-nextprev` walk: the node, then its children (home: sections only)
/// by weight, skipping `hidden: true` subtrees.
fn walk(tree: &ContentTree, id: PageId, order: &mut Vec<PageId>) {
    let page = &tree[id];
    if page.params.get("hidden") == Some(&serde_json::Value::Bool(true)) {
        return;
    }
    order.push(id);
    let children: Vec<PageId> = match page.kind {
        Kind::Home => tree.sections(id).collect(),
        Kind::Section => page.children.clone(),
        Kind::Page | Kind::Taxonomy | Kind::Term => Vec::new(),
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
            title: tree[a].title.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: usize) -> PageId {
        PageId::nth(n)
    }

    fn nav(urls: &[&str]) -> Navigation {
        Navigation {
            menu: Vec::new(),
            order: (0..urls.len()).map(id).collect(),
            index: urls
                .iter()
                .enumerate()
                .map(|(i, u)| (u.to_string(), vec![i]))
                .collect(),
        }
    }

    fn walk(n: &Navigation, url: &str) -> (Option<PageId>, Option<PageId>) {
        let mut state = WalkState::default();
        n.walk(url, &mut state);
        (state.prev, state.next)
    }

    #[test]
    fn prefix_rule() {
        let n = nav(&["/", "/a/", "/a/x/", "/a/y/", "/b/"]);
        assert_eq!(walk(&n, "/"), (None, Some(id(1))));
        assert_eq!(walk(&n, "/a/x/"), (Some(id(1)), Some(id(3))));
        // The last node keeps the "next" set after its section matched.
        assert_eq!(walk(&n, "/b/"), (Some(id(3)), Some(id(1))));
        // A page outside the walk: only home matches.
        assert_eq!(walk(&n, "/about/"), (None, Some(id(1))));
    }

    #[test]
    fn ugly_urls_do_not_match_home() {
        let n = nav(&["/index.html", "/a/index.html", "/a/x.html"]);
        assert_eq!(walk(&n, "/about.html"), (None, None));
        assert_eq!(walk(&n, "/a/x.html"), (Some(id(1)), None));
    }

    #[test]
    fn a_second_format_continues_the_first_walk() {
        let html = nav(&["/index.html", "/a/index.html", "/a/x.html"]);
        let amp = nav(&["/amp/index.html", "/a/index.html", "/amp/a/x.html"]);
        let mut state = WalkState::default();
        html.walk("/a/x.html", &mut state);
        amp.walk("/amp/a/x.html", &mut state);
        // The HTML walk left "next" armed at its end: AMP's first node takes it.
        assert_eq!((state.prev, state.next), (Some(id(1)), Some(id(0))));
        let mut state = WalkState::default();
        html.walk("/index.html", &mut state);
        amp.walk("/amp/index.html", &mut state);
        // At the first node, "prev" is the last node of the previous walk.
        assert_eq!((state.prev, state.next), (Some(id(2)), Some(id(1))));
    }
}
