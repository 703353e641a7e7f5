//! The files a build publishes as they are: the theme's and the site's static
//! files, the files of `assets/` a page used, and the embedded theme's browser
//! libraries (MathJax, swagger-ui, mermaid) when a page uses them.

use super::{Owners, Site, Stats};
use crate::content::PageId;
use crate::error::{Result, Warning};
use crate::library::{PageContent, SiteData};
use crate::output::OutputSink;
use crate::templates::Asset;
use std::collections::BTreeMap;

impl Site {
    /// The files of `assets/` whose URL a page or template used, where Hugo
    /// publishes them: at the same path under the output folder.
    pub(super) fn write_used_assets(
        &self,
        sites: &[SiteData<'_>],
        sink: &mut dyn OutputSink,
        owners: &mut Owners,
        stats: &mut Stats,
    ) -> Result<()> {
        let files: BTreeMap<String, crate::library::AssetSource> =
            sites.iter().flat_map(|s| s.assets_used.files()).collect();
        for (name, from) in files {
            owners.claim_static(&name, format!("assets/{name}"))?;
            match from {
                crate::library::AssetSource::File(path) => sink.copy(&name, &path)?,
                crate::library::AssetSource::Made(text) => sink.write(&name, text.as_bytes())?,
            }
            stats.static_files += 1;
        }
        Ok(())
    }
    /// Theme assets, then the site's static folders on top (links that lead
    /// out of the site left out, with a warning).
    pub(super) fn write_static(
        &self,
        sink: &mut dyn OutputSink,
        owners: &mut Owners,
        stats: &mut Stats,
        warnings: &mut Vec<Warning>,
    ) -> Result<()> {
        let mut statics: BTreeMap<String, Asset> = self.theme.assets.clone();
        for dir in &self.config.static_dirs {
            for (rel, file) in self.folders.files_under(&self.root.join(dir), warnings) {
                statics.insert(rel, Asset::File(file));
            }
        }
        for (path, asset) in &statics {
            // The theme's big browser libraries wait for a page that uses them.
            if matches!(asset, Asset::Embedded(_))
                && crate::templates::libraries::library_of(path).is_some()
            {
                continue;
            }
            let owner = match asset {
                Asset::Embedded(_) => format!("the theme's {path}"),
                Asset::File(from) => from
                    .strip_prefix(&self.root)
                    .unwrap_or(from)
                    .display()
                    .to_string(),
            };
            owners.claim_static(path, owner)?;
            match asset {
                Asset::Embedded(bytes) => sink.write_static(path, bytes)?,
                Asset::File(from) => sink.copy(path, from)?,
            }
            stats.static_files += 1;
        }
        Ok(())
    }
    /// The embedded theme's browser libraries that a page of `contents` uses,
    /// where the theme's pages load them from.
    pub(super) fn write_used_libraries(
        &self,
        contents: &[BTreeMap<PageId, PageContent>],
        sink: &mut dyn OutputSink,
        owners: &mut Owners,
        stats: &mut Stats,
    ) -> Result<()> {
        use crate::templates::libraries::{ALL, library_of};
        let used: Vec<&str> = ALL
            .into_iter()
            .filter(|l| {
                contents
                    .iter()
                    .flat_map(|bodies| bodies.values())
                    .any(|c| l.used_by(&c.html))
            })
            .map(|l| l.folder)
            .collect();
        for (path, asset) in &self.theme.assets {
            let Asset::Embedded(bytes) = asset else {
                continue;
            };
            // The site's own file at the path (its `static/`) stays.
            let site_has = (self.config.static_dirs.iter())
                .any(|dir| self.root.join(dir).join(path).is_file());
            if !library_of(path).is_some_and(|l| used.contains(&l.folder)) || site_has {
                continue;
            }
            owners.claim_static(path, format!("the theme's {path}"))?;
            sink.write_static(path, bytes)?;
            stats.static_files += 1;
        }
        Ok(())
    }
}
