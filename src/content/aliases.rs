//! Where a page's `aliases` are written, and the check that no page, alias or
//! bundle file is published outside the output folder.

use super::{ContentTree, Page, PageId};
use crate::error::{Error, Location, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// An alias of `page` as an URL path, resolved like Hugo: `/x` from the site
/// root, `x` relative to the page's folder.
pub(super) fn alias_path(page: &Page, alias: &str) -> String {
    if alias.starts_with('/') {
        return alias.to_string();
    }
    let base = if page.url.ends_with('/') {
        page.url
            .trim_end_matches('/')
            .rsplit_once('/')
            .map_or("", |(d, _)| d)
    } else {
        page.url.rsplit_once('/').map_or("", |(d, _)| d)
    };
    format!("{base}/{alias}")
}

/// Aliases of every page as (alias output URL path, target page).
pub fn alias_paths(tree: &ContentTree) -> BTreeMap<String, PageId> {
    let mut out = BTreeMap::new();
    for id in tree.rendered().filter(|&id| tree[id].has_url()) {
        let page = &tree[id];
        for alias in &page.aliases {
            out.insert(super::url::clean(&alias_path(page, alias)), id);
        }
    }
    out
}

/// Where the alias of `page` that resolves to `alias_url` is written in the
/// page's file (its first mention), for messages.
pub fn alias_location(root: &Path, page: &Page, alias_url: &str) -> Option<Location> {
    let file = page.file.as_ref()?;
    let written = page
        .aliases
        .iter()
        .find(|a| super::url::clean(&alias_path(page, a)) == alias_url)?;
    let text = std::fs::read_to_string(root.join(&file.site_path)).ok()?;
    let (line, col) = crate::error::line_col(&text, text.find(written.as_str())?);
    Some(Location::new(&file.site_path, line, col))
}

/// Fails for a page whose `url`, `slug`, an alias or a term of one of
/// `taxonomies` (plural names) climbs out of the site with `..`, pointing at
/// the value in the page's file.
pub(super) fn check_paths_stay_inside(
    root: &Path,
    tree: &ContentTree,
    taxonomies: &[String],
) -> Result<()> {
    let mut errors = Vec::new();
    for page in &tree.pages {
        let Some(file) = &page.file else { continue };
        let explicit = page.text_param("url").filter(|u| !u.is_empty());
        let mut bad: Vec<(String, String)> = Vec::new();
        if let Some(u) = explicit.filter(|u| super::url::leaves_root(u)) {
            bad.push(("url".into(), u));
        }
        if let Some(slug) = page.text_param("slug").filter(|s| !s.is_empty())
            && super::url::leaves_root(&page.url)
        {
            bad.push(("slug".into(), slug));
        }
        for plural in taxonomies {
            let terms = match page.params.get(plural) {
                Some(serde_json::Value::Array(a)) => a
                    .iter()
                    .filter_map(|v| crate::data_format::as_text(Some(v)))
                    .collect(),
                other => crate::data_format::as_text(other)
                    .into_iter()
                    .collect::<Vec<_>>(),
            };
            for term in terms {
                if super::url::leaves_root(&format!("/{plural}/{term}")) {
                    bad.push((plural.clone(), term));
                }
            }
        }
        for alias in &page.aliases {
            if super::url::leaves_root(&alias_path(page, alias)) {
                bad.push(("aliases".into(), alias.clone()));
            }
        }
        for (key, value) in bad {
            let text = std::fs::read_to_string(root.join(&file.site_path)).unwrap_or_default();
            let (line, col) = crate::error::line_col(&text, text.find(&value).unwrap_or(0));
            errors.push(Error::at(
                Location::new(&file.site_path, line, col),
                match key.as_str() {
                    "url" | "aliases" => format!(
                        "`{key}` \"{value}\" leads outside the site (give a path inside it, such as /old/page/)"
                    ),
                    _ => format!(
                        "`{key}` \"{value}\" leads outside the site (write it without `..`)"
                    ),
                },
            ));
        }
    }
    match errors.len() {
        0 => Ok(()),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Many(errors)),
    }
}
