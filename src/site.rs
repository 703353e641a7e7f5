//! A site from start to finish: [`Site::load`] reads config, theme and content;
//! [`Site::build`] renders every page and writes pages, aliases, the 404 page,
//! static files and content resources to an [`OutputSink`].

use crate::config::{Config, Overrides};
use crate::content::{self, ContentTree, PageId};
use crate::error::{Error, Result, Warning};
use crate::output::{DiskOutput, OutputSink};
use crate::render::{self, Chrome, PageContent, SiteData};
use crate::theme::{Asset, Theme};
use crate::url_rewrite::{self, Rewrite};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A loaded site, ready to render.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub theme: Theme,
    pub tree: ContentTree,
    pub warnings: Vec<Warning>,
}

/// What a build wrote.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stats {
    pub pages: usize,
    pub static_files: usize,
    pub resources: usize,
    pub aliases: usize,
}

/// The outcome of `labsite build`.
#[derive(Debug)]
pub struct Summary {
    pub stats: Stats,
    pub warnings: Vec<Warning>,
    pub elapsed: Duration,
    pub destination: PathBuf,
}

/// Options of `labsite build`.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub source: PathBuf,
    /// Defaults to `<source>/public`.
    pub destination: Option<PathBuf>,
    pub overrides: Overrides,
    pub clean_destination: bool,
}

impl Site {
    /// Reads config, theme and content of the site at `root`.
    pub fn load(root: &Path, overrides: &Overrides) -> Result<Site> {
        let config = Config::load(root, overrides)?;
        let (theme, mut warnings) = Theme::load(root, &config)?;
        let loaded = content::load(root, &config)?;
        warnings.extend(loaded.warnings);
        Ok(Site {
            root: root.to_path_buf(),
            config,
            theme,
            tree: loaded.tree,
            warnings,
        })
    }

    /// Renders the site into `sink`; returns what was written and the warnings.
    pub fn build(&self, sink: &mut dyn OutputSink) -> Result<(Stats, Vec<Warning>)> {
        let site = SiteData::new(&self.root, &self.config, &self.theme, &self.tree);
        let mut warnings = self.warnings.clone();
        let mut errors = Vec::new();

        // Bodies first: shortcodes and Markdown.
        let ids: Vec<PageId> = self.tree.rendered().collect();
        let mut contents: BTreeMap<PageId, PageContent> = BTreeMap::new();
        for &id in &ids {
            match render::render_content(&site, id) {
                Ok(c) => {
                    contents.insert(id, c);
                }
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(if errors.len() == 1 {
                errors.remove(0)
            } else {
                Error::Many(errors)
            });
        }
        let omitted: usize = contents.values().map(|c| c.raw_html_omitted).sum();
        for c in contents.values() {
            for w in &c.warnings {
                if !warnings.contains(w) {
                    warnings.push(w.clone());
                }
            }
        }
        if omitted > 0 {
            warnings.push(Warning(format!(
                "{omitted} piece(s) of raw HTML in Markdown were left out, as Hugo does by default; set `markup.goldmark.renderer.unsafe = true` in the config to keep them"
            )));
        }

        // Navigation and the sidebar, once per output format.
        let base = render::base_context(&site);
        let chromes = site
            .outputs
            .all()
            .into_iter()
            .map(|format| Chrome::build(&site, format, &base))
            .collect::<Result<Vec<_>>>()?;

        let rewrite = if self.config.relative_urls {
            Some(Rewrite::Relative)
        } else if self.config.canonify_urls && !self.config.base_host().is_empty() {
            Some(Rewrite::Canonical(self.config.base_host().to_string()))
        } else {
            None
        };
        let finish = |html: String, path: &str| match &rewrite {
            Some(how) => url_rewrite::rewrite(&html, path, how),
            None => html,
        };

        let mut stats = Stats::default();
        let mut owners: BTreeMap<String, String> = BTreeMap::new();
        let mut claim = |path: &str, owner: String| -> Result<()> {
            if let Some(previous) = owners.get(path) {
                return Err(Error::file(
                    owner.clone(),
                    format!(
                        "publishes to {path}, which {previous} publishes to as well (change `url` or `slug` of one of them)"
                    ),
                ));
            }
            owners.insert(path.to_string(), owner);
            Ok(())
        };

        // Theme assets, then the site's static folders on top.
        let mut statics: BTreeMap<String, Asset> = self.theme.assets.clone();
        for dir in &self.config.static_dirs {
            let base_dir = self.root.join(dir);
            if !base_dir.is_dir() {
                continue;
            }
            for entry in walkdir::WalkDir::new(&base_dir)
                .sort_by_file_name()
                .into_iter()
                .filter_map(|e| e.ok())
            {
                if entry.file_type().is_file() {
                    let rel = entry
                        .path()
                        .strip_prefix(&base_dir)
                        .unwrap_or(entry.path())
                        .to_string_lossy()
                        .replace('\\', "/");
                    statics.insert(rel, Asset::File(entry.path().to_path_buf()));
                }
            }
        }
        for (path, asset) in &statics {
            match asset {
                Asset::Embedded(bytes) => sink.write(path, bytes)?,
                Asset::File(from) => sink.copy(path, from)?,
            }
            stats.static_files += 1;
        }
        for res in &self.tree.files {
            sink.copy(&res.target, &res.source)?;
            stats.resources += 1;
        }

        for &id in &ids {
            let page = &self.tree.pages[id];
            let mut walk = crate::navigation::WalkState::default();
            for chrome in chromes
                .iter()
                .filter(|c| site.outputs.of(page.kind).contains(&c.format))
            {
                let path =
                    content::url::output_file(&format!("{}{}", chrome.format.prefix(), page.url));
                claim(&path, page.source_label())?;
                let html =
                    render::render_page(&site, chrome, id, &contents[&id], &base, &mut walk)?;
                sink.write(&path, finish(html, &path).as_bytes())?;
                stats.pages += 1;
            }
            for res in &page.resources {
                sink.copy(&res.target, &res.source)?;
                stats.resources += 1;
            }
        }

        // The 404 page.
        if self
            .theme
            .tera
            .get_template_names()
            .any(|n| n == "404.html")
        {
            let mut ctx = base.clone();
            ctx.insert("page", &serde_json::json!({"title": "404 Page not found", "url": format!("{}/404.html", self.config.base_path())}));
            let html = self.theme.render("404.html", &ctx)?;
            sink.write("404.html", finish(html, "404.html").as_bytes())?;
            stats.pages += 1;
        }

        // Alias redirects.
        if !self.config.disable_aliases {
            for (alias, id) in content::load::alias_paths(&self.tree) {
                let path = if alias.ends_with(".html") {
                    alias.trim_start_matches('/').to_string()
                } else {
                    content::url::output_file(&format!("{}/", alias.trim_end_matches('/')))
                };
                crate::output::check_path(&path)?;
                claim(
                    &path,
                    format!("alias of {}", self.tree.pages[id].source_label()),
                )?;
                let mut ctx = tera::Context::new();
                let target = if self.config.base_host().is_empty() {
                    site.rel_permalink(id)
                } else {
                    site.permalink(id)
                };
                ctx.insert("target", &target);
                ctx.insert("lang", &self.config.default_language);
                let html = self.theme.render("alias.html", &ctx)?;
                sink.write(&path, html.as_bytes())?;
                stats.aliases += 1;
            }
        }
        Ok((stats, warnings))
    }
}

/// `labsite build`: loads the site and writes it to its destination, swapping the
/// new output in only when everything succeeded.
pub fn build(options: &BuildOptions) -> Result<Summary> {
    let start = Instant::now();
    let site = Site::load(&options.source, &options.overrides)?;
    let destination = options
        .destination
        .clone()
        .unwrap_or_else(|| options.source.join("public"));
    let mut out = DiskOutput::begin(&destination)?;
    let (stats, warnings) = site.build(&mut out)?;
    out.commit(options.clean_destination)?;
    Ok(Summary {
        stats,
        warnings,
        elapsed: start.elapsed(),
        destination,
    })
}
