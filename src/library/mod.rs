//! The site model: one language's pages as the build sees them (config, content
//! tree, output formats, references, translations, the assets its pages use,
//! every page's URL), and a page's rendered body. Knows no theme: the flavour
//! of learn a site is written for is all it keeps of one.

pub mod flavour;
pub mod refs;

use crate::config::Config;
use crate::content::{ContentTree, Kind, PageId, PerPage};
use crate::error::Warning;
use crate::markdown::Settings;
use crate::output_format::{Format, Outputs};
use flavour::Flavour;
use serde_json::{Value, json};

/// What a page's own table of contents is while its body renders (a shortcode
/// printing `.Page.TableOfContents`): the body renderer puts the table there
/// once the Markdown is rendered, as Hugo does.
pub const OWN_TOC: &str = "\u{E00A}labsite-toc\u{E00A}";

/// A page's body rendered to HTML.
#[derive(Debug, Clone, Default)]
pub struct PageContent {
    pub html: String,
    /// The text of `html` (Hugo's `.Plain`): for the search index and templates.
    pub plain: String,
    /// The content before a `<!--more-->` divider, when the page has one.
    pub summary: Option<String>,
    pub toc: String,
    pub raw_html_omitted: usize,
    pub warnings: Vec<Warning>,
}

/// Everything page rendering reads, built once per site.
pub struct SiteData<'a> {
    pub root: &'a std::path::Path,
    /// The folders templates may read files of.
    pub folders: &'a crate::confine::Confinement,
    pub config: &'a Config,
    /// The flavour of learn the site is written for.
    pub flavour: Flavour,
    /// Which headings a page's table of contents lists (`markup.tableOfContents`).
    pub toc_levels: crate::markdown::toc::Levels,
    pub tree: &'a ContentTree,
    pub site_view: Value,
    /// `data/` of the site and its theme (`.Site.Data`).
    pub data: &'a Value,
    pub refs: refs::RefIndex,
    pub outputs: Outputs,
    /// Every language's version of each page (for the language switcher).
    pub translations: std::collections::HashMap<PageId, Vec<Translation>>,
    /// Files of `assets/` whose URL a page asked for: published with the pages.
    pub assets_used: std::sync::Arc<AssetsUsed>,
    /// Every page's RelPermalink, by page id: asked for many times per page
    /// (links, lists, feeds, sitemap, search index), made once.
    rel_permalinks: PerPage<String>,
    /// Every page's place in the default order ([`crate::content::sort::ranks`]),
    /// made when first needed (feeds, search index).
    ranks: std::sync::OnceLock<PerPage<usize>>,
    /// The regular pages in the default order, made when first needed (`.Next`).
    regular_in_order: std::sync::OnceLock<Vec<PageId>>,
    /// Whether the site has an `assets/` folder (most have none: no image of
    /// theirs needs looking for there).
    has_assets: bool,
    /// Whether the site's `static/` has a `favicon.ico` (and no learn-style
    /// `images/favicon.png`): the pages then name it as their icon.
    pub has_favicon_ico: bool,
    /// The files of `assets/` (path there, file), listed once when a template
    /// first matches them (`resources.Match`).
    asset_files: std::sync::OnceLock<Vec<(String, std::path::PathBuf)>>,
}

/// The files of the site's `assets/` folder, and those templates made from them
/// (`resources.FromString`, `minify`, `fingerprint`, …), to publish: Hugo
/// publishes such a file when its URL is used. By output path.
#[derive(Debug, Default)]
pub struct AssetsUsed(std::sync::Mutex<std::collections::BTreeMap<String, AssetSource>>);

/// What a published asset holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssetSource {
    /// A file of `assets/`, copied.
    File(std::path::PathBuf),
    /// Text a template made.
    Made(std::sync::Arc<str>),
}

impl AssetsUsed {
    pub fn insert(&self, name: &str, file: &std::path::Path) {
        self.insert_source(name, AssetSource::File(file.to_path_buf()));
    }

    pub fn insert_source(&self, name: &str, source: AssetSource) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(name.to_string(), source);
    }

    pub fn files(&self) -> std::collections::BTreeMap<String, AssetSource> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// One language's version of a page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Translation {
    pub lang: String,
    pub name: String,
    pub url: String,
    pub current: bool,
    /// The language (index into the build's sites) and the page there.
    #[serde(skip)]
    pub site: usize,
    #[serde(skip)]
    pub page: PageId,
}

impl<'a> SiteData<'a> {
    /// Whether the site gets a search index: learn's needs `JSON` in the home
    /// page's outputs; relearn always makes one.
    pub fn has_search_index(&self) -> bool {
        self.outputs.has(Kind::Home, "json") || self.flavour.always_has_search_index()
    }

    pub fn new(
        root: &'a std::path::Path,
        folders: &'a crate::confine::Confinement,
        config: &'a Config,
        flavour: Flavour,
        tree: &'a ContentTree,
        data: &'a Value,
    ) -> SiteData<'a> {
        // A page with `build.render = never` has no URL, as in Hugo.
        let rel_permalinks = tree.per_page(|page| match page.has_url() {
            true => format!(
                "{}{}",
                config.base_path(),
                crate::text::url::encode_path(&page.url)
            ),
            false => String::new(),
        });
        SiteData {
            root,
            folders,
            config,
            flavour,
            toc_levels: {
                let (start, end, ordered) = config.toc_levels();
                crate::markdown::toc::Levels {
                    start,
                    end,
                    ordered,
                }
            },
            tree,
            rel_permalinks,
            has_assets: root.join("assets").is_dir(),
            has_favicon_ico: {
                let has = |name: &str| {
                    (config.static_dirs.iter()).any(|dir| root.join(dir).join(name).is_file())
                };
                has("favicon.ico") && !has("images/favicon.png")
            },
            ranks: std::sync::OnceLock::new(),
            regular_in_order: std::sync::OnceLock::new(),
            asset_files: std::sync::OnceLock::new(),
            site_view: site_view(config, data),
            data,
            refs: refs::RefIndex::build(tree),
            outputs: Outputs::from_config(config),
            translations: std::collections::HashMap::new(),
            assets_used: Default::default(),
        }
    }

    /// The file `name` of the site's `assets/` folder (`resources.Get`), when it is
    /// one: inside that folder, never above it.
    pub fn asset_file(&self, name: &str) -> Option<std::path::PathBuf> {
        let name = name.trim_start_matches('/');
        if !self.has_assets || name.is_empty() {
            return None;
        }
        let file = self.folders.file(&self.root.join("assets"), name).ok()?;
        file.is_file().then_some(file)
    }

    /// Every file of `assets/` (its path there, the file), in path order;
    /// links leading out of the site left out.
    pub fn asset_files(&self) -> &[(String, std::path::PathBuf)] {
        self.asset_files.get_or_init(|| {
            let mut files = self
                .folders
                .files_under(&self.root.join("assets"), &mut Vec::new());
            files.sort();
            files
        })
    }

    /// The URL (RelPermalink) of asset `name`.
    pub fn asset_url(&self, name: &str) -> String {
        format!(
            "{}/{}",
            self.config.base_path(),
            crate::text::url::encode_path(name.trim_start_matches('/'))
        )
    }

    /// Every page's place in the default order, by page id.
    pub fn ranks(&self) -> &PerPage<usize> {
        self.ranks
            .get_or_init(|| crate::content::sort::ranks(self.tree))
    }

    /// The site's regular pages that are listed and rendered, in the default
    /// order (what `.Next` and `.Prev` step through).
    pub fn regular_pages_in_order(&self) -> &[PageId] {
        self.regular_in_order.get_or_init(|| {
            let rank = self.ranks();
            let mut ids: Vec<PageId> = self
                .tree
                .listed()
                .filter(|&i| self.tree[i].kind == crate::content::Kind::Page && self.tree[i].render)
                .collect();
            ids.sort_by_key(|&p| rank[p]);
            ids
        })
    }

    /// The URL of asset `name`, which is then published with the site.
    pub fn publish_asset(&self, name: &str) -> Option<String> {
        let file = self.asset_file(name)?;
        self.assets_used.insert(name.trim_start_matches('/'), &file);
        Some(self.asset_url(name))
    }

    /// How this site's Markdown renders.
    pub fn markdown_settings(&self) -> Settings<'a> {
        Settings {
            unsafe_html: self.config.unsafe_html,
            code_titles: self.flavour.titles_code_blocks(),
            destinations: None,
            hooks: None,
            passthrough: self.config.passthrough.as_ref(),
        }
    }

    /// Where the language's whole sidebar tree is written, for pages that load a
    /// collapsed branch when a reader opens it.
    pub fn menu_path(&self) -> String {
        format!("{}labsite-menu.html", self.config.lang_dir())
    }

    /// The URL of [`SiteData::menu_path`].
    pub fn menu_url(&self) -> String {
        format!("{}/{}", self.config.base_path(), self.menu_path())
    }

    /// RelPermalink of a page: baseURL's path plus the page's URL, percent-encoded.
    pub fn rel_permalink(&self, id: PageId) -> String {
        self.rel_permalinks[id].clone()
    }

    /// RelPermalink of a page as seen from a page rendered in `format`: the page's
    /// own version in that format when it has one (Hugo links AMP pages to AMP pages).
    pub fn rel_permalink_in(&self, id: PageId, format: Format) -> String {
        let page = &self.tree[id];
        if format.links_within() && self.outputs.of(page.kind).contains(&format) {
            format!(
                "{}{}",
                self.config.base_path(),
                crate::text::url::encode_path(&format.url(&page.url, &self.config.lang_prefix()))
            )
        } else {
            self.rel_permalink(id)
        }
    }

    /// Permalink: scheme and host of baseURL plus the RelPermalink.
    pub fn permalink(&self, id: PageId) -> String {
        match self.rel_permalinks[id].as_str() {
            "" => String::new(),
            rel => format!("{}{rel}", self.config.base_host()),
        }
    }

    /// The view of a page that shortcodes and templates see before its content exists.
    pub fn page_view(&self, id: PageId) -> Value {
        let page = &self.tree[id];
        json!({
            "id": id,
            "title": page.title,
            "link_title": page.link_title,
            "kind": page.kind,
            "url": self.rel_permalink(id),
            "permalink": self.permalink(id),
            "params": page.params,
            "is_home": page.kind == Kind::Home,
            "is_section": page.kind == Kind::Section,
            "weight": page.weight,
            "date": page.date.map(|d| d.to_rfc3339()),
        })
    }
}

/// The site-wide view templates get as `site`.
pub fn site_view(config: &Config, data: &Value) -> Value {
    let mut params = config.params.clone();
    if let Some(lang) = config.language_config() {
        for (k, v) in &lang.params {
            params.insert(k.clone(), v.clone());
        }
    }
    // Hugo's `privacy` settings of its video shortcodes.
    let privacy = |service: &str, key: &str| {
        config
            .raw
            .get("privacy")
            .and_then(|p| p.get(service))
            .is_some_and(|s| crate::data_format::truthy(s.get(key)))
    };
    let youtube_privacy = privacy("youtube", "privacyenhanced");
    json!({
        "title": config.site_title(),
        "base_url": config.base_url,
        "language_code": config.language_config()
            .and_then(|l| l.code.clone())
            .unwrap_or_else(|| if config.language_code.is_empty() { config.default_language.clone() } else { config.language_code.clone() }),
        "lang": config.language,
        "params": params,
        "youtube_privacy": youtube_privacy,
        "vimeo_dnt": privacy("vimeo", "enablednt"),
        "youtube_disabled": privacy("youtube", "disable"),
        "vimeo_disabled": privacy("vimeo", "disable"),
        "data": data,
    })
}
