//! A site from start to finish: [`Site::load`] reads config, theme and the content
//! of every language; [`Site::build_keeping`] renders every page and writes pages, aliases,
//! the 404 pages, static files and content resources to an [`OutputSink`].
#![allow(clippy::indexing_slicing)] // indices are language numbers of the build, never input

use crate::config::{Config, Overrides};
use crate::confine::Confinement;
use crate::content::{self, ContentTree, PageId};
use crate::error::{Error, Result, Warning};
use crate::library::{PageContent, SiteData};
use crate::output::{DiskOutput, OutputSink, SharedSink};
use crate::render::{self, Chrome};
use crate::templates::Theme;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod destination;
mod feeds;
mod incremental;
mod owners;
mod pages;
mod special;
mod statics;

use owners::Owners;

/// The content of one language with the config as that language sees it.
pub struct LanguageSite {
    pub config: Config,
    pub tree: ContentTree,
}

/// A loaded site, ready to render.
pub struct Site {
    pub root: PathBuf,
    /// The folders the build may read: the site's and its theme's.
    pub folders: Confinement,
    pub config: Config,
    pub theme: Theme,
    /// One entry per language, by language weight.
    pub languages: Vec<LanguageSite>,
    /// `data/` of the site and its theme (`.Site.Data`).
    pub data: serde_json::Value,
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
    /// Minify HTML pages (`--minify`, or `minify.minifyOutput` in the config).
    pub minify: bool,
    /// Any warning fails the build (`--panicOnWarning`).
    pub fail_on_warning: bool,
}

/// What a language's pages are laid out with: the common template variables and
/// the navigation and sidebar of each output format.
pub struct LanguageLayout {
    base: tera::Context,
    chromes: Vec<Chrome>,
}

impl LanguageLayout {
    /// The layout of `site`: navigation and sidebar built once per output format.
    fn new(theme: &Theme, site: &SiteData<'_>) -> Result<LanguageLayout> {
        let mut base = render::base_context(site);
        base.insert("learn_singular_headings", &theme.learn_singular_headings);
        base.insert("relearn_major", &theme.relearn_major);
        let chromes = site
            .outputs
            .all()
            .into_iter()
            .map(|format| Chrome::build(theme, site, format, &base))
            .collect::<Result<Vec<_>>>()?;
        Ok(LanguageLayout { base, chromes })
    }
}

/// What a build keeps so that [`Site::rerender`] can redo a few pages: every
/// page's body and every language's layout.
pub struct Kept {
    contents: Vec<BTreeMap<PageId, PageContent>>,
    layouts: Vec<LanguageLayout>,
}

impl Kept {
    /// The rendered body of page `id` of language `lang`, when it was rendered.
    pub fn content(&self, lang: usize, id: PageId) -> Option<&PageContent> {
        self.contents.get(lang)?.get(&id)
    }
}

/// Adds `new` warnings not already in `all`.
fn merge_warnings(all: &mut Vec<Warning>, new: &[Warning]) {
    for w in new {
        if !all.contains(w) {
            all.push(w.clone());
        }
    }
}

/// Where one language's files go, and what its writing reports.
struct LanguageOutput<'o> {
    sink: &'o mut dyn OutputSink,
    owners: &'o mut Owners,
    stats: &'o mut Stats,
    warnings: &'o mut Vec<Warning>,
}

fn collect_errors(mut errors: Vec<Error>) -> Result<()> {
    match errors.len() {
        0 => Ok(()),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Many(errors)),
    }
}

impl Site {
    /// Reads config, theme and the content of every language of the site at `root`.
    pub fn load(root: &Path, overrides: &Overrides) -> Result<Site> {
        Site::load_with(root, Config::load(root, overrides)?)
    }

    /// [`Site::load`], the config already read.
    fn load_with(root: &Path, config: Config) -> Result<Site> {
        let themes: Vec<PathBuf> = config.theme_folder(root).into_iter().collect();
        let folders = Confinement::new(root, &themes);
        // The highlighter's syntaxes load while the theme and the content do.
        std::thread::spawn(crate::markdown::highlight::warm_up);
        // Theme and content do not depend on each other: they load side by side.
        let (theme, contents) = rayon::join(
            || Theme::load(root, &config, &folders),
            || {
                let views = config
                    .languages_to_build()
                    .iter()
                    .map(|lang| config.for_language(lang))
                    .collect();
                content::load::load_languages(root, views, &folders)
            },
        );
        let (theme, mut warnings) = theme?;
        crate::templates::go::check_templates(&theme)?;
        let data = crate::data_dir::load(root, &themes, &folders, &mut warnings)?;
        let mut languages = Vec::new();
        let mut errors = Vec::new();
        for result in contents {
            match result {
                Ok((view, loaded)) => {
                    // Languages that share a content folder share its warnings.
                    merge_warnings(&mut warnings, &loaded.warnings);
                    languages.push(LanguageSite {
                        config: view,
                        tree: loaded.tree,
                    });
                }
                Err(e) => errors.push(e),
            }
        }
        collect_errors(errors)?;
        let mut trees: Vec<(&str, &mut content::ContentTree)> = languages
            .iter_mut()
            .map(|l| (l.config.language.as_str(), &mut l.tree))
            .collect();
        content::bundles::share_resources(&mut trees, &config.default_language);
        Ok(Site {
            root: root.to_path_buf(),
            folders,
            config,
            theme,
            languages,
            data,
            warnings,
        })
    }

    /// The site data of every language, pages linked to their translations.
    fn site_data(&self) -> Vec<SiteData<'_>> {
        let mut sites: Vec<SiteData<'_>> = self
            .languages
            .iter()
            .map(|lang| {
                SiteData::new(
                    &self.root,
                    &self.folders,
                    &lang.config,
                    self.theme.flavour,
                    &lang.tree,
                    &self.data,
                )
            })
            .collect();
        self.link_translations(&mut sites);
        sites
    }

    /// Every page's body, language after language (templates of a language can
    /// read the bodies of the languages before): the bodies, the errors, and how
    /// many pieces of raw HTML were left out.
    fn render_bodies(
        &self,
        sites: &[SiteData<'_>],
        warnings: &mut Vec<Warning>,
    ) -> (Vec<BTreeMap<PageId, PageContent>>, Vec<Error>, usize) {
        let mut contents: Vec<BTreeMap<PageId, PageContent>> = Vec::new();
        let mut errors = Vec::new();
        let mut omitted = 0;
        for (index, lang) in self.languages.iter().enumerate() {
            let mut bodies: BTreeMap<PageId, PageContent> = BTreeMap::new();
            let build = render::new_build(&self.theme, sites, &contents);
            // Pages render in parallel; results are collected in page order, so the
            // output does not depend on scheduling.
            let ids: Vec<PageId> = lang.tree.rendered().collect();
            let rendered: Vec<(PageId, Result<PageContent>)> = {
                use rayon::prelude::*;
                ids.par_iter()
                    .map(|&id| (id, render::render_content(&build, index, id)))
                    .collect()
            };
            for (id, result) in rendered {
                match result {
                    Ok(c) => {
                        omitted += c.raw_html_omitted;
                        merge_warnings(warnings, &c.warnings);
                        bodies.insert(id, c);
                    }
                    Err(e) => errors.push(e),
                }
            }
            contents.push(bodies);
        }
        (contents, errors, omitted)
    }

    /// Renders the site into `sink`; returns what was written, the warnings, and
    /// what [`Site::rerender`] needs to redo a few pages.
    pub fn build_keeping(&self, sink: &mut dyn OutputSink) -> Result<(Stats, Vec<Warning>, Kept)> {
        let mut warnings = self.warnings.clone();
        let mut stats = Stats::default();
        let mut owners = Owners::default();

        // Static files first: they depend on nothing the build makes, and the
        // writers copy them (megabytes, for learn's scripts) while pages render.
        // A build that fails leaves its staged files unused.
        self.write_static(sink, &mut owners, &mut stats, &mut warnings)?;
        crate::timings::mark("static files");
        let sites = self.site_data();
        // The layouts (the sidebar of a big site takes a while) are made while
        // the bodies render: they need the tree only.
        let ((contents, errors, omitted), layouts) = rayon::join(
            || self.render_bodies(&sites, &mut warnings),
            || {
                sites
                    .iter()
                    .map(|site| LanguageLayout::new(&self.theme, site))
                    .collect::<Result<Vec<_>>>()
            },
        );
        collect_errors(errors)?;
        let layouts = layouts?;
        crate::timings::mark("bodies");
        if omitted > 0 {
            warnings.push(Warning(format!(
                "{omitted} piece(s) of raw HTML in Markdown were left out, as Hugo does by default; set `markup.goldmark.renderer.unsafe = true` in the config to keep them"
            )));
        }

        let outputs = crate::output_format::Outputs::from_config(&self.config);
        // Formats the theme defines and labsite's theme makes (relearn's search).
        let own = self.theme.flavour.own_output_formats();
        let mut unsupported: Vec<String> = outputs
            .unsupported()
            .into_iter()
            .filter(|entry| {
                let name = entry.rsplit(": ").next().unwrap_or(entry);
                !own.contains(&name)
            })
            .collect();
        let page_layouts = &self.theme.site_layouts.page_layouts;
        for format in outputs.custom_used() {
            let in_theme = page_layouts.theme_files_of(&format.name).next().is_some();
            if !page_layouts.has_format(&format.name, &format.suffix) && !in_theme {
                unsupported.push(format!(
                    "{} (no layout names it, such as layouts/_default/single.{}.{})",
                    format.name, format.name, format.suffix
                ));
            }
        }
        if !unsupported.is_empty() {
            warnings.push(Warning(format!(
                "output formats labsite does not make are left out: {}",
                unsupported.join(", ")
            )));
        }

        let mut sitemaps = Vec::new();
        let build = render::new_build(&self.theme, &sites, &contents);
        for (lang, layout) in layouts.iter().enumerate() {
            let mut output = LanguageOutput {
                sink: &mut *sink,
                owners: &mut owners,
                stats: &mut stats,
                warnings: &mut warnings,
            };
            let sitemap = self.write_language(&build, lang, layout, &mut output)?;
            sitemaps.extend(sitemap);
        }
        self.write_used_assets(&sites, sink, &mut owners, &mut stats)?;
        self.write_used_libraries(&contents, sink, &mut owners, &mut stats)?;
        crate::timings::mark("pages");
        self.write_language_redirects(sink, &mut owners, &mut stats, &mut warnings)?;
        self.write_site_files(&sitemaps, sink, &mut owners)?;
        Ok((stats, warnings, Kept { contents, layouts }))
    }

    /// Links every page to its versions in the other languages: the same content
    /// file without its language suffix (or the same folder, for pages without one).
    fn link_translations(&self, sites: &mut [SiteData<'_>]) {
        let key = |p: &content::Page| match &p.file {
            Some(f) => format!("{}{}", f.dir, f.base_name),
            None => format!("{:?}:{}", p.kind, p.section_dir),
        };
        let mut versions: std::collections::HashMap<String, Vec<crate::library::Translation>> =
            std::collections::HashMap::new();
        for (index, site) in sites.iter().enumerate() {
            let name = site
                .config
                .language_config()
                .map_or_else(|| site.config.language.clone(), |l| l.name.clone());
            for id in site.tree.rendered() {
                versions.entry(key(&site.tree[id])).or_default().push(
                    crate::library::Translation {
                        lang: site.config.language.clone(),
                        name: name.clone(),
                        url: site.permalink(id),
                        current: false,
                        site: index,
                        page: id,
                    },
                );
            }
        }
        for site in sites.iter_mut() {
            let mut map = std::collections::HashMap::new();
            for id in site.tree.rendered() {
                if let Some(list) = versions.get(&key(&site.tree[id])) {
                    let list = list
                        .iter()
                        .map(|t| crate::library::Translation {
                            current: t.lang == site.config.language,
                            ..t.clone()
                        })
                        .collect();
                    map.insert(id, list);
                }
            }
            site.translations = map;
        }
    }

    /// Whether the site disables a kind of output (`disableKinds`).
    fn disabled(&self, kind: &str) -> bool {
        self.config.disables_kind(kind)
    }

    /// Pages, resources, feeds, the search index, the sitemap, the 404 page and the
    /// aliases of one language, laid out with `layout`; returns the sitemap's URL
    /// when one was written.
    fn write_language(
        &self,
        build: &crate::templates::build::Build<'_>,
        lang: usize,
        layout: &LanguageLayout,
        output: &mut LanguageOutput<'_>,
    ) -> Result<Option<String>> {
        let site = &build.sites[lang];
        let contents = &build.bodies[lang];
        let config = site.config;
        let tree = site.tree;
        // The whole sidebar tree, once, for branches readers open (learn).
        if self.theme.flavour.shares_sidebar_file()
            && let Some(html) = layout
                .chromes
                .iter()
                .find(|c| c.format == crate::output_format::Format::Html)
        {
            let path = site.menu_path();
            output.owners.claim(&path, "the sidebar menu".into())?;
            let tree = html.menu.for_page(None, &[], &Default::default(), true);
            output.sink.write_owned(&path, tree.into_bytes())?;
        }
        // Bundle files first: a page at the same path (an `authors.html` beside
        // `authors.md`) is written over the file, as Hugo's page wins. A page
        // that is not written (`build.render`) still publishes its files.
        for id in contents
            .keys()
            .filter(|&&id| tree[id].build.publish_resources)
        {
            for res in tree[*id].resources.iter().filter(|r| r.is_published()) {
                output.sink.copy(&res.target, &res.source)?;
                output.stats.resources += 1;
            }
        }
        let ids: Vec<PageId> = contents
            .keys()
            .copied()
            .filter(|&id| tree[id].is_written())
            .collect();
        pages::claim(build, lang, layout, &ids, output.owners)?;
        // The feeds' paths are claimed before the special pages' and the aliases':
        // theirs end in `.xml`, those in `.html`, so no collision is reported
        // differently for it.
        let feeds = self.plan_feeds(site, &ids, Some(&mut *output.owners))?;
        // The pages render beside the feeds, the search index and the sitemap,
        // each file written as soon as it is made.
        let (pages, (feeds_written, sitemap)) = {
            let shared = SharedSink::new(&mut *output.sink);
            rayon::join(
                || pages::render(build, lang, layout, &ids, &shared),
                || {
                    rayon::join(
                        || self.write_planned_feeds(site, contents, &feeds, &shared),
                        || {
                            (!self.disabled("sitemap"))
                                .then(|| render::feeds::sitemap(&self.theme, site))
                        },
                    )
                },
            )
        };
        let (page_files, page_warnings) = pages?;
        feeds_written?;
        output.stats.pages += page_files;
        merge_warnings(output.warnings, &page_warnings);
        self.write_special_pages(build, lang, layout, output)?;
        let LanguageOutput {
            sink,
            owners,
            stats,
            warnings,
        } = output;

        if !config.disable_aliases {
            for (alias, id) in content::aliases::alias_paths(tree) {
                // An alias at the page's own URL would overwrite it: Hugo
                // skips it, and so does labsite, saying where it is.
                let own_file = content::url::output_file(&tree[id].url);
                let alias_file =
                    content::url::output_file(&format!("{}/", alias.trim_end_matches('/')));
                if !alias.ends_with(".html") && alias_file == own_file {
                    let place = content::aliases::alias_location(&self.root, &tree[id], &alias)
                        .map_or_else(|| tree[id].source_label(), |l| l.to_string());
                    warnings.push(Warning(format!(
                        "{place}: alias \"{alias}\" is the page's own URL; it is not written (as Hugo skips it; remove it from `aliases`)"
                    )));
                    stats.aliases += 1;
                    continue;
                }
                let target = if config.base_host().is_empty() {
                    site.rel_permalink(id)
                } else {
                    site.permalink(id)
                };
                let owner = format!("alias of {}", tree[id].source_label());
                let own = crate::templates::page::layout::render_alias(
                    build, lang, id, &target, warnings,
                )
                .transpose()?;
                self.write_alias(&alias, &target, owner, own, *sink, owners, stats)?;
            }
        }

        let Some(sitemap) = sitemap.transpose()? else {
            return Ok(None);
        };
        // A multilingual site's sitemaps are in their languages' folders, the
        // default language's too (even when its pages are at the root), as Hugo
        // writes them: `/sitemap.xml` is their index.
        let path = if config.is_multilingual() {
            format!("{}/sitemap.xml", config.language)
        } else {
            format!("{}sitemap.xml", config.lang_dir())
        };
        owners.claim(&path, "the sitemap".into())?;
        sink.write_owned(&path, sitemap.into_bytes())?;
        Ok(Some(format!(
            "{}{}/{path}",
            config.base_host(),
            config.base_path()
        )))
    }
}

/// `labsite build`: loads the site and writes it to its destination, swapping the
/// new output in only when everything succeeded.
pub fn build(options: &BuildOptions) -> Result<Summary> {
    let start = Instant::now();
    crate::timings::start();
    let config = Config::load(&options.source, &options.overrides)?;
    let destination = options
        .destination
        .clone()
        .unwrap_or_else(|| options.source.join(&config.publish_dir));
    destination::check(&options.source, &config, &destination)?;
    let site = Site::load_with(&options.source, config)?;
    crate::timings::mark("load");
    let mut out = DiskOutput::begin(&destination)?;
    if options.minify || site.config.minify_output() {
        out.minify_html();
    }
    let (stats, warnings, kept) = site.build_keeping(&mut out)?;
    // Freeing every page's body one by one is time spent for nothing: the process
    // ends soon and the operating system takes the memory back at once.
    std::mem::forget(kept);
    if options.fail_on_warning && !warnings.is_empty() {
        // Dropped without a commit: the previous output stays.
        return Err(Error::Warned(warnings));
    }
    out.commit(options.clean_destination)?;
    // The process ends soon: freeing the site piece by piece is time spent for
    // nothing (the operating system takes the memory back at once).
    std::mem::forget(site);
    crate::timings::mark("commit");
    crate::timings::report();
    Ok(Summary {
        stats,
        warnings,
        elapsed: start.elapsed(),
        destination,
    })
}
