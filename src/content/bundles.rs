//! The role of each folder of `content/` as Hugo sees it: a leaf bundle (it
//! holds an `index.md`; everything below belongs to that page), a section (it
//! holds an `_index.md`, or is at the top), or a plain folder whose files belong
//! to the nearest section; and the owner each non-page file is published with.
#![allow(clippy::indexing_slicing)] // section ids the loader hands out, never input

use super::walk::{ContentFile, OtherFile, parent_dir};
use super::{ContentTree, Kind, PageId, Resource, url};
use std::collections::{BTreeSet, HashMap};

/// The leaf bundles among `index_dirs` (the folders holding an `index.md` in
/// any language; their whole subtree belongs to them) and the folders of
/// `markdown` (one language's) that are sections (holding an `_index.md`, plus
/// every top-level folder with content).
pub(super) fn bundle_and_section_dirs(
    index_dirs: &BTreeSet<String>,
    markdown: &[ContentFile],
) -> (BTreeSet<String>, BTreeSet<String>) {
    let leaf_dirs: BTreeSet<String> = index_dirs
        .iter()
        .filter(|d| !index_dirs.iter().any(|o| is_below(d, o)))
        .cloned()
        .collect();
    // Sections: folders with _index.md, plus every top-level folder.
    let mut section_dirs: BTreeSet<String> = markdown
        .iter()
        .filter(|f| f.stem == "_index" && !f.dir.is_empty())
        .filter(|f| !inside_leaf_dir(&f.dir, &leaf_dirs))
        .map(|f| f.dir.clone())
        .collect();
    // A folder holding no content of this language is no section (Hugo agrees).
    for dir in markdown.iter().map(|f| &f.dir) {
        let top = dir.split('/').next().unwrap_or("");
        if !top.is_empty() && !leaf_dirs.contains(top) {
            section_dirs.insert(top.to_string());
        }
    }

    (leaf_dirs, section_dirs)
}

/// Gives each of `resources` to its owner: the leaf bundle it is inside, else
/// the nearest section (a branch bundle's resources, published beside it). A
/// file of a bundle that has no page in this language belongs to no page.
pub(super) fn attach_resources(
    tree: &mut ContentTree,
    resources: impl Iterator<Item = OtherFile>,
    leaf_dirs: &BTreeSet<String>,
    section_ids: &HashMap<String, PageId>,
) {
    let bundle_pages: HashMap<String, PageId> = tree
        .pages()
        .filter_map(|(i, p)| {
            let f = p.file.as_ref()?;
            (p.kind == Kind::Page && leaf_dirs.contains(f.dir.trim_end_matches('/')))
                .then(|| (f.dir.trim_end_matches('/').to_string(), i))
        })
        .collect();
    for file in resources {
        let dir = parent_dir(&file.rel);
        let (owner, owner_dir) = match leaf_dir_of(&dir, leaf_dirs) {
            Some(bundle) => match bundle_pages.get(bundle) {
                Some(&owner) => (owner, bundle.as_str()),
                None => continue,
            },
            None => {
                let owner_dir = ancestors_of(&dir)
                    .into_iter()
                    .find(|d| section_ids.contains_key(d.as_str()))
                    .unwrap_or_default();
                let owner = section_ids[owner_dir.as_str()];
                let found = section_ids.get_key_value(owner_dir.as_str());
                (owner, found.map_or("", |(d, _)| d.as_str()))
            }
        };
        let within = |rel: &str| {
            if owner_dir.is_empty() {
                rel.to_string()
            } else {
                rel.get(owner_dir.len() + 1..)
                    .unwrap_or_default()
                    .to_string()
            }
        };
        let name = within(&file.rel);
        let base = url::bundle_dir_url(&tree[owner].url);
        tree[owner].resources.push(Resource {
            source: file.abs,
            target: format!("{}{name}", base.trim_start_matches('/')),
            shared_name: within(&file.shared_rel),
            name,
            shared_from: None,
        });
    }
}

/// Gives each page of a bundle the files of its translations' bundles that it
/// has no version of, as Hugo 0.168 does: a file is published once, by the
/// language it is for (a name without a language is the default language's),
/// and every translation links to it there. `trees` are the languages in the
/// site's order; the default language's version is taken first.
pub fn share_resources(trees: &mut [(&str, &mut ContentTree)], default_language: &str) {
    let owners: Vec<HashMap<(bool, String), PageId>> =
        trees.iter().map(|(_, tree)| bundle_owners(tree)).collect();
    let mut order: Vec<usize> = (0..trees.len()).collect();
    order.sort_by_key(|&i| trees[i].0 != default_language);
    let mut borrowed: Vec<Vec<(PageId, Resource)>> = vec![Vec::new(); trees.len()];
    for (index, (_, tree)) in trees.iter().enumerate() {
        for (key, &id) in &owners[index] {
            let mut have: BTreeSet<String> = tree[id]
                .resources
                .iter()
                .map(|r| r.shared_name.to_lowercase())
                .collect();
            for &other in order.iter().filter(|&&o| o != index) {
                let Some(&other_id) = owners[other].get(key) else {
                    continue;
                };
                let (lang, other_tree) = &trees[other];
                // Markdown files are pages of their own language: never shared.
                let files = other_tree[other_id].resources.iter();
                for r in files.filter(|r| !r.is_page()) {
                    if have.insert(r.shared_name.to_lowercase()) {
                        borrowed[index].push((
                            id,
                            Resource {
                                shared_from: Some(lang.to_string()),
                                ..r.clone()
                            },
                        ));
                    }
                }
            }
        }
    }
    for ((_, tree), resources) in trees.iter_mut().zip(borrowed) {
        let mut changed = BTreeSet::new();
        for (id, resource) in resources {
            tree[id].resources.push(resource);
            changed.insert(id);
        }
        // Each language's own files and the others' interleave by name, the
        // Markdown files after them.
        for id in changed {
            tree[id]
                .resources
                .sort_by(|a, b| (a.is_page(), &a.name).cmp(&(b.is_page(), &b.name)));
        }
    }
}

/// The pages of `tree` that can own bundle files (leaf bundles, sections and
/// the home), by what names their bundle in every language: whether it is a
/// leaf, and its folder.
fn bundle_owners(tree: &ContentTree) -> HashMap<(bool, String), PageId> {
    tree.pages()
        .filter_map(|(id, p)| match (p.kind, &p.file) {
            (Kind::Page, Some(f)) if f.base_name == "index" => {
                Some(((true, f.dir.trim_end_matches('/').to_string()), id))
            }
            (Kind::Home | Kind::Section, _) => Some(((false, p.section_dir.clone()), id)),
            _ => None,
        })
        .collect()
}

/// `dir` is strictly below `ancestor`.
fn is_below(dir: &str, ancestor: &str) -> bool {
    dir.len() > ancestor.len()
        && dir.starts_with(ancestor)
        && dir.as_bytes().get(ancestor.len()) == Some(&b'/')
}

/// The leaf bundle folder `dir` is in (or is), if any: the outermost one.
pub(super) fn leaf_dir_of<'d>(dir: &str, leaf_dirs: &'d BTreeSet<String>) -> Option<&'d String> {
    let mut found = None;
    let mut cur = dir;
    while !cur.is_empty() {
        if let Some(d) = leaf_dirs.get(cur) {
            found = Some(d);
        }
        cur = cur.rsplit_once('/').map_or("", |(parent, _)| parent);
    }
    found
}

fn inside_leaf_dir(dir: &str, leaf_dirs: &BTreeSet<String>) -> bool {
    leaf_dir_of(dir, leaf_dirs).is_some()
}

/// `dir` and its ancestors, nearest first, ending with `""`.
fn ancestors_of(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = dir.to_string();
    loop {
        out.push(cur.clone());
        if cur.is_empty() {
            break;
        }
        cur = parent_dir(&cur);
    }
    out
}

pub(super) fn nearest_section(
    dir: &str,
    sections: &HashMap<String, PageId>,
    include_self: bool,
) -> PageId {
    let mut candidates = ancestors_of(dir);
    if !include_self {
        candidates.remove(0);
    }
    candidates
        .iter()
        .find_map(|d| sections.get(d.as_str()).copied())
        .unwrap_or(ContentTree::HOME)
}
