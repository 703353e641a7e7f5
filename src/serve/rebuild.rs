//! Builds the site for the dev server, into memory: the site's own `public/` is
//! never touched. Remembers which page each content file makes, for
//! `--navigateToChanged`.

use super::files::ServedFiles;
use crate::config::Overrides;
use crate::error::Warning;
use crate::site::Site;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One build's result.
pub struct Built {
    pub files: ServedFiles,
    pub warnings: Vec<Warning>,
    /// Content file (absolute) → the URL path of its page.
    pub pages: HashMap<PathBuf, String>,
}

/// Builds a site with the server's overrides (its baseURL, drafts…).
pub struct Rebuilder {
    pub source: PathBuf,
    pub overrides: Overrides,
}

impl Rebuilder {
    /// The whole site; the error is the text `build` prints (`path:line:col: …`).
    pub fn build(&self) -> Result<Built, String> {
        let site = Site::load(&self.source, &self.overrides).map_err(|e| e.to_string())?;
        let mut files = ServedFiles::default();
        let (_, warnings) = site.build(&mut files).map_err(|e| e.to_string())?;
        Ok(Built {
            files,
            warnings,
            pages: page_urls(&site, &self.source),
        })
    }
}

fn page_urls(site: &Site, root: &Path) -> HashMap<PathBuf, String> {
    let mut urls = HashMap::new();
    for lang in &site.languages {
        for page in &lang.tree.pages {
            if let Some(file) = &page.file {
                urls.insert(
                    root.join(&file.site_path),
                    format!(
                        "{}{}",
                        lang.config.base_path(),
                        crate::content::url::encode_path(&page.url)
                    ),
                );
            }
        }
    }
    urls
}
