//! Builds the site for the dev server, into memory: the site's own `public/` is
//! never touched. After an edit of pages' bodies alone, only those pages and
//! what shows them are redone (see `site::incremental`); any other change builds
//! the whole site again. Remembers which page each content file makes, for
//! `--navigateToChanged`.

use super::files::ServedFiles;
use crate::config::Overrides;
use crate::error::Warning;
use crate::site::{Kept, Site};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One build's result.
pub struct Built {
    pub files: ServedFiles,
    pub warnings: Vec<Warning>,
    /// Content file (absolute) → the URL path of its page.
    pub pages: HashMap<PathBuf, String>,
}

/// The last good build, for the next edit.
struct Last {
    site: Site,
    kept: Kept,
    files: ServedFiles,
    pages: HashMap<PathBuf, String>,
}

/// Builds a site with the server's overrides (its baseURL, drafts…).
pub struct Rebuilder {
    pub source: PathBuf,
    pub overrides: Overrides,
    /// Minify the HTML pages (`--minify`).
    pub minify: bool,
    /// Redo only the edited pages after an edit of bodies alone (false with
    /// `--disableFastRender`).
    pub fast_render: bool,
    /// Print each build's warnings in the terminal.
    pub show_warnings: bool,
    last: Option<Last>,
}

impl Rebuilder {
    pub fn new(source: PathBuf, overrides: Overrides) -> Rebuilder {
        Rebuilder {
            source,
            overrides,
            minify: false,
            fast_render: true,
            show_warnings: true,
            last: None,
        }
    }

    /// Forgets the last build, so that the next rebuild is a whole one.
    pub fn forget(&mut self) {
        self.last = None;
    }

    /// The whole site; the error is the text `build` prints (`path:line:col: …`).
    pub fn build(&mut self) -> Result<Built, String> {
        self.last = None;
        let site = Site::load(&self.source, &self.overrides).map_err(|e| e.to_string())?;
        let mut files = ServedFiles {
            minify: self.minify,
            ..ServedFiles::default()
        };
        let (_, warnings, kept) = site.build_keeping(&mut files).map_err(|e| e.to_string())?;
        let pages = page_urls(&site, &self.source);
        self.last = Some(Last {
            site,
            kept,
            files: files.clone(),
            pages: pages.clone(),
        });
        Ok(Built {
            files,
            warnings,
            pages,
        })
    }

    /// After `changed` files changed: only the pages whose bodies alone changed
    /// when that is all, else the whole site.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Built, String> {
        let fast = if self.fast_render {
            self.bodies_only(changed)
        } else {
            None
        };
        match fast {
            Some(result) => result,
            None => self.build(),
        }
    }

    /// `None` when the change is more than the bodies of pages.
    fn bodies_only(&mut self, changed: &[PathBuf]) -> Option<Result<Built, String>> {
        let last = self.last.as_mut()?;
        if changed.is_empty() || !changed.iter().all(|p| is_markdown(p)) {
            return None;
        }
        let mut pages = Vec::new();
        for path in changed {
            pages.push(last.site.update_body(path)?);
        }
        let mut files = last.files.clone();
        match last.site.rerender(&mut last.kept, &pages, &mut files) {
            Ok(warnings) => {
                last.files = files.clone();
                Some(Ok(Built {
                    files,
                    warnings,
                    pages: last.pages.clone(),
                }))
            }
            Err(e) => {
                self.last = None;
                Some(Err(e.to_string()))
            }
        }
    }
}

/// A Markdown file: maybe a page's (the site decides).
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "md" || e == "markdown")
}

fn page_urls(site: &Site, root: &Path) -> HashMap<PathBuf, String> {
    let mut urls = HashMap::new();
    for lang in &site.languages {
        for (_, page) in lang.tree.pages() {
            if let Some(file) = &page.file {
                urls.insert(
                    root.join(&file.site_path),
                    format!(
                        "{}{}",
                        lang.config.base_path(),
                        crate::text::url::encode_path(&page.url)
                    ),
                );
            }
        }
    }
    urls
}
