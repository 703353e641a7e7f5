//! Hugo's `ref` / `relref` resolution (spec §4.5): a content path, relative to the
//! calling page's folder or to the content root, `.md` assumed when missing, a
//! section by its folder, and finally a bare file name anywhere (ambiguous names are
//! an error).

use crate::content::{ContentTree, Kind, Page, PageId};
use std::collections::HashMap;

/// Lookup tables over the content tree, built once per site.
#[derive(Debug, Default)]
pub struct RefIndex {
    by_path: HashMap<String, PageId>,
    by_name: HashMap<String, Vec<PageId>>,
}

/// Why a reference did not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefError {
    NotFound,
    Ambiguous,
}

fn normalize(path: &str) -> String {
    path.trim().to_lowercase().replace(' ', "-")
}

/// `dir/name.md` of a page, without its language suffix, normalised.
fn key_of(dir: &str, base_name: &str) -> String {
    normalize(&format!("{dir}{base_name}.md"))
}

/// Resolves `.` and `..` segments; no slash at either end.
fn clean(path: &str) -> String {
    crate::content::url::clean(path)
        .trim_matches('/')
        .to_string()
}

/// The content folder a page's relative `reference` starts from, as Hugo's page
/// finder has it: a section's own folder; for other pages the folder that holds
/// them (for a leaf bundle `x/index.md`, the folder above `x`), except that a
/// reference with an extension going up (`../a.md`) starts from the file's folder.
pub fn context_dir(page: &Page, reference: &str) -> String {
    let Some(file) = &page.file else {
        return String::new();
    };
    let leaf_bundle = page.kind == Kind::Page && file.base_name == "index";
    let has_extension = reference.rsplit('/').next().is_some_and(|last| {
        last.rsplit_once('.')
            .is_some_and(|(stem, _)| !stem.is_empty())
    });
    if !leaf_bundle || (has_extension && reference.starts_with("../")) {
        return file.dir.clone();
    }
    let inner = file.dir.trim_end_matches('/');
    match inner.rsplit_once('/') {
        Some((parent, _)) => format!("{parent}/"),
        None => String::new(),
    }
}

impl RefIndex {
    pub fn build(tree: &ContentTree) -> RefIndex {
        let mut index = RefIndex::default();
        for (id, page) in tree.pages() {
            if !page.render {
                continue;
            }
            let Some(file) = &page.file else {
                // The home page and sections exist without a file of their own.
                if page.kind == Kind::Home {
                    index.by_path.insert("_index.md".into(), id);
                }
                if page.kind == Kind::Section {
                    index
                        .by_path
                        .insert(normalize(&format!("{}/_index.md", page.section_dir)), id);
                }
                continue;
            };
            index.by_path.insert(key_of(&file.dir, &file.base_name), id);
            let name = if file.base_name == "index" || file.base_name == "_index" {
                file.dir
                    .trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string()
            } else {
                file.base_name.clone()
            };
            index.by_name.entry(normalize(&name)).or_default().push(id);
        }
        index
    }

    fn lookup(&self, path: &str) -> Option<PageId> {
        let p = clean(path);
        let ext = [".md", ".markdown", ".html", ".htm"]
            .into_iter()
            .find(|e| p.ends_with(e));
        if let Some(ext) = ext {
            // `x.en.md` names the same page as `x.md`; `.html` is a content extension too.
            // Hugo looks pages up by path without extension: `a/b.html` is also the
            // section or bundle `a/b`.
            let stem = p.get(..p.len() - ext.len()).unwrap_or_default();
            return self
                .by_path
                .get(&format!("{stem}.md"))
                .copied()
                .or_else(|| {
                    let (base, _lang) = stem.rsplit_once('.')?;
                    self.by_path.get(&format!("{base}.md")).copied()
                })
                .or_else(|| {
                    [format!("{stem}/_index.md"), format!("{stem}/index.md")]
                        .iter()
                        .find_map(|k| self.by_path.get(k).copied())
                });
        }
        if p.is_empty() {
            return self.by_path.get("_index.md").copied();
        }
        [
            format!("{p}.md"),
            format!("{p}/_index.md"),
            format!("{p}/index.md"),
        ]
        .iter()
        .find_map(|k| self.by_path.get(k).copied())
    }

    /// A page's `.GetPage`: `reference` (without `#fragment`) from a page whose
    /// [`context_dir`] is `page_dir` (`a/b/`, or empty for the root), as a content
    /// path relative to that folder, then to the content root.
    pub fn get_page(&self, reference: &str, page_dir: &str) -> Option<PageId> {
        let r = normalize(reference.trim_end_matches('/'));
        if let Some(root_rel) = r.strip_prefix('/') {
            return self.lookup(root_rel);
        }
        if r.is_empty() {
            return self.lookup("");
        }
        if let Some(id) = self.lookup(&format!("{}{r}", normalize(page_dir))) {
            return Some(id);
        }
        if r.starts_with('.') {
            return None;
        }
        self.lookup(&r)
    }

    /// `ref`/`relref`: [`RefIndex::get_page`], then a bare file name anywhere.
    pub fn resolve(&self, reference: &str, page_dir: &str) -> Result<PageId, RefError> {
        if let Some(id) = self.get_page(reference, page_dir) {
            return Ok(id);
        }
        let r = normalize(reference.trim_end_matches('/'));
        if !r.starts_with(['/', '.']) && !r.contains('/') {
            let name = r.trim_end_matches(".md");
            let name = name
                .rsplit_once('.')
                .map_or(name, |(b, _)| if b.is_empty() { name } else { b });
            match self.by_name.get(name).map(Vec::as_slice) {
                Some([one]) => return Ok(*one),
                Some([_, _, ..]) => return Err(RefError::Ambiguous),
                _ => {}
            }
        }
        Err(RefError::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn tree(files: &[&str]) -> (tempfile::TempDir, ContentTree) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("hugo.toml"), "").unwrap();
        for f in files {
            let p = dir.path().join("content").join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "---\ntitle: t\n---\n").unwrap();
        }
        let config = Config::load(dir.path(), &Default::default()).unwrap();
        let folders = crate::confine::Confinement::new(dir.path(), &[]);
        let loaded = crate::content::load(dir.path(), &config, &folders).unwrap();
        (dir, loaded.tree)
    }

    fn url(t: &ContentTree, r: Result<PageId, RefError>) -> String {
        match r {
            Ok(id) => t[id].url.clone(),
            Err(e) => format!("{e:?}"),
        }
    }

    /// A site without `content/_index.md` still has its home page: `../` from
    /// a page of a top section finds it, as Hugo's `.GetPage` does.
    #[test]
    fn the_home_page_without_a_file_is_found() {
        let (_d, t) = tree(&["labs/_index.md", "labs/step.md"]);
        let idx = RefIndex::build(&t);
        assert_eq!(url(&t, idx.resolve("..", "labs/")), "/");
        assert_eq!(url(&t, idx.resolve("/", "labs/")), "/");
    }

    #[test]
    fn resolution_rules() {
        let (_d, t) = tree(&[
            "_index.md",
            "labs/_index.md",
            "labs/Step1.md",
            "labs/setup/_index.md",
            "labs/setup/cloud9.en.md",
            "labs/bundle/index.md",
            "other/step1.md",
        ]);
        let idx = RefIndex::build(&t);
        assert_eq!(url(&t, idx.resolve("labs/step1", "")), "/labs/step1/");
        assert_eq!(url(&t, idx.resolve("Step1.md", "labs/")), "/labs/step1/");
        assert_eq!(
            url(&t, idx.resolve("setup/cloud9", "labs/")),
            "/labs/setup/cloud9/"
        );
        assert_eq!(
            url(&t, idx.resolve("/labs/setup/cloud9.en.md", "other/")),
            "/labs/setup/cloud9/"
        );
        assert_eq!(url(&t, idx.resolve("labs/setup/", "")), "/labs/setup/");
        assert_eq!(
            url(&t, idx.resolve("labs/setup/_index.md", "")),
            "/labs/setup/"
        );
        assert_eq!(url(&t, idx.resolve("/", "labs/")), "/");
        assert_eq!(
            url(&t, idx.resolve("../other/step1", "labs/")),
            "/other/step1/"
        );
        assert_eq!(url(&t, idx.resolve("bundle", "labs/")), "/labs/bundle/");
        assert_eq!(
            url(&t, idx.resolve("labs/setup/cloud9.html", "")),
            "/labs/setup/cloud9/"
        );
        assert_eq!(
            url(&t, idx.resolve("cloud9", "other/")),
            "/labs/setup/cloud9/"
        );
        assert_eq!(url(&t, idx.resolve("step1", "")), "Ambiguous");
        assert_eq!(url(&t, idx.resolve("nope", "")), "NotFound");
        assert_eq!(url(&t, idx.resolve("./cloud9", "labs/")), "NotFound");
    }
}
