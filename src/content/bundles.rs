//! The role of each folder of `content/` as Hugo sees it: a leaf bundle (it
//! holds an `index.md`; everything below belongs to that page), a section (it
//! holds an `_index.md`, or is at the top), or a plain folder whose files belong
//! to the nearest section; and the owner each non-page file is published with.
#![allow(clippy::indexing_slicing)] // section ids the loader hands out, never input

use super::walk::{ContentFile, parent_dir};
use super::{ContentTree, Kind, PageId, Resource, url};
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

/// The folders of `markdown` that are leaf bundles (holding an `index.md`; their
/// whole subtree belongs to them) and those that are sections (holding an
/// `_index.md`, plus every top-level folder with content).
pub fn bundle_and_section_dirs(markdown: &[ContentFile]) -> (BTreeSet<String>, BTreeSet<String>) {
    let index_dirs: BTreeSet<String> = markdown
        .iter()
        .filter(|f| f.stem == "index")
        .map(|f| f.dir.clone())
        .collect();
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

/// Gives each of `resources` (absolute path, path in `content/`) to its owner:
/// the leaf bundle it is inside, else the nearest section (a file of the site
/// published beside it).
pub fn attach_resources(
    tree: &mut ContentTree,
    resources: impl Iterator<Item = (PathBuf, String)>,
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
    for (abs, rel) in resources {
        let dir = parent_dir(&rel);
        if let Some(bundle) = leaf_dir_of(&dir, leaf_dirs) {
            if let Some(&owner) = bundle_pages.get(bundle) {
                let within = rel.get(bundle.len() + 1..).unwrap_or_default();
                let base = url::bundle_dir_url(&tree[owner].url);
                let target = format!("{}{}", base.trim_start_matches('/'), within);
                tree.resource_owners.insert(target.clone(), owner);
                tree[owner].resources.push(Resource {
                    source: abs,
                    target,
                });
            }
            continue;
        }
        let owner_dir = ancestors_of(&dir)
            .into_iter()
            .find(|d| section_ids.contains_key(d.as_str()));
        let owner_dir = owner_dir.unwrap_or_default();
        let owner = section_ids[owner_dir.as_str()];
        let within = if owner_dir.is_empty() {
            rel.as_str()
        } else {
            rel.get(owner_dir.len() + 1..).unwrap_or_default()
        };
        let base = url::bundle_dir_url(&tree[owner].url);
        let target = format!("{}{}", base.trim_start_matches('/'), within);
        tree.resource_owners.insert(target.clone(), owner);
        tree.files.push(Resource {
            source: abs,
            target,
        });
    }
}

/// `dir` is strictly below `ancestor`.
fn is_below(dir: &str, ancestor: &str) -> bool {
    dir.len() > ancestor.len()
        && dir.starts_with(ancestor)
        && dir.as_bytes().get(ancestor.len()) == Some(&b'/')
}

/// The leaf bundle folder `dir` is in (or is), if any: the outermost one.
pub fn leaf_dir_of<'d>(dir: &str, leaf_dirs: &'d BTreeSet<String>) -> Option<&'d String> {
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

pub fn nearest_section(
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
