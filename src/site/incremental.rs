//! After an edit of a page's body alone (its front matter unchanged), the dev
//! server redoes only what shows that body: the page and its ancestors (their
//! lists show its summary), their feeds, and the language's search index.
//! Anything else (front matter, templates, config) needs a whole build.
#![allow(clippy::indexing_slicing)] // indices are language numbers of the build, never input

use super::{Kept, LanguageOutput, Owners, Site, Stats, merge_warnings};
use crate::content::PageId;
use crate::error::{Result, Warning};
use crate::output::OutputSink;
use crate::render;
use std::collections::BTreeSet;
use std::path::Path;

impl Site {
    /// Takes the new text of content file `path` (absolute) when only its body
    /// changed: returns its page (language index, page). `None` when the file is
    /// not a page's, cannot be read, or its front matter changed.
    pub fn update_body(&mut self, path: &Path) -> Option<(usize, PageId)> {
        let root = self
            .root
            .canonicalize()
            .unwrap_or_else(|_| self.root.clone());
        let text = std::fs::read_to_string(path).ok()?;
        let split = crate::frontmatter::split(&text).ok()?;
        for (lang, language) in self.languages.iter_mut().enumerate() {
            for (id, page) in language.tree.pages_mut() {
                let Some(file) = &page.file else { continue };
                if root.join(&file.site_path) != path {
                    continue;
                }
                if split.params != page.params {
                    return None;
                }
                page.body = split.body.to_string();
                page.body_line = split.body_line;
                return Some((lang, id));
            }
        }
        None
    }

    /// Re-renders `changed` pages (language index, page) whose bodies changed,
    /// with what `kept` holds of the last build, into `sink`.
    pub fn rerender(
        &self,
        kept: &mut Kept,
        changed: &[(usize, PageId)],
        sink: &mut dyn OutputSink,
    ) -> Result<Vec<Warning>> {
        let sites = self.site_data();
        // The edited pages first, then their ancestors, whose lists show the
        // edited pages' summaries.
        let mut order: Vec<(usize, PageId)> = changed.to_vec();
        for &(lang, id) in changed {
            let tree = &self.languages[lang].tree;
            order.extend(
                tree.ancestors(id)
                    .into_iter()
                    .filter(|&a| tree[a].render)
                    .map(|a| (lang, a)),
            );
        }
        let mut redo: BTreeSet<(usize, PageId)> = BTreeSet::new();
        order.retain(|&key| redo.insert(key));
        let mut warnings = Vec::new();
        for &(lang, id) in &order {
            let content = {
                let build = render::new_build(&self.theme, &sites, &kept.contents);
                render::render_content(&build, lang, id)?
            };
            merge_warnings(&mut warnings, &content.warnings);
            kept.contents[lang].insert(id, content);
        }
        let build = render::new_build(&self.theme, &sites, &kept.contents);
        let mut owners = Owners::default();
        let mut stats = Stats::default();
        for lang in redo.iter().map(|&(l, _)| l).collect::<BTreeSet<_>>() {
            let ids: Vec<PageId> = redo
                .iter()
                .filter(|&&(l, _)| l == lang)
                .map(|&(_, id)| id)
                .collect();
            let mut output = LanguageOutput {
                sink: &mut *sink,
                owners: &mut owners,
                stats: &mut stats,
                warnings: &mut warnings,
            };
            super::pages::write(&build, lang, &kept.layouts[lang], &ids, &mut output)?;
            self.write_feeds(&sites[lang], &kept.contents[lang], &ids, sink, None)?;
        }
        self.write_used_assets(&sites, sink, &mut owners, &mut stats)?;
        self.write_used_libraries(&kept.contents, sink, &mut owners, &mut stats)?;
        Ok(warnings)
    }
}
