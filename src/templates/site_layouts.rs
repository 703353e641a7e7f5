//! The site's own Go-template layouts under `layouts/`: partials and shortcodes,
//! parsed once for labsite's Go template engine, plus a warning for each layout
//! that would replace a whole page or theme part labsite renders itself.

use crate::confine::Confinement;
use crate::error::{Error, Result, Warning};
use crate::gotemplate::templates::Templates;
use crate::shortcode::tree::Inner;
use crate::templates::page_layouts::{Layer, PageLayouts};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A Go-template shortcode of the site (or of a checked-in Go theme).
#[derive(Debug, Clone)]
pub struct GoShortcode {
    /// The file, relative to the site folder, for messages.
    pub path: PathBuf,
    /// Its name in [`SiteLayouts::templates`].
    pub template: String,
    pub inner: Inner,
}

/// The learn and relearn themes' customisation points, in render order: the
/// sidebar's parts first, since the sidebar is complete before the header,
/// which includes it. A site partial of one of these names runs in its place.
pub const CUSTOMISATION_PARTIALS: &[&str] = &[
    "logo.html",
    "menu-footer.html",
    "favicon.html",
    "custom-header.html",
    "custom-footer.html",
    "toc.html",
    "header.html",
    "footer.html",
];

/// Points only the learn flavour has: relearn's page is not cut at the same places.
pub const LEARN_ONLY: &[&str] = &["header.html", "footer.html"];

/// Partials of the learn and relearn themes that labsite renders its own way: a
/// site override of one of them is not used.
const THEME_PARTIALS: &[&str] = &[
    "menu.html",
    "meta.html",
    "search.html",
    "tags.html",
    "content.html",
    "heading.html",
    "topbar.html",
    "body.html",
    "menu-pre.html",
    "menu-post.html",
    "content-header.html",
    "content-footer.html",
    "breadcrumbs.html",
    "dependencies.html",
];

/// The parsed Go templates of a site.
#[derive(Debug, Default)]
pub struct SiteLayouts {
    pub templates: Templates,
    /// Partial names as `partial` calls them (`logo.html`, `shortcodes/x.html`).
    pub partials: BTreeSet<String>,
    /// Partials of the theme on disk, for calls that neither the site nor
    /// labsite's theme answers.
    pub disk_partials: BTreeSet<String>,
    /// The files of those partials, site-relative.
    disk_files: BTreeSet<String>,
    /// How many of the theme's partials do not parse (they are left out).
    pub disk_partials_unparsed: usize,
    pub shortcodes: BTreeMap<String, GoShortcode>,
    /// Render hooks by kind (`link`, `image`): their template names.
    pub hooks: BTreeMap<String, String>,
    /// The page layouts of the site and its theme, for the lookup.
    pub page_layouts: PageLayouts,
    /// The site's page layouts that do not parse, with their error: a page
    /// that would use one fails with it.
    broken_layouts: BTreeMap<String, (crate::error::Location, String)>,
    /// The theme on disk's layouts of the formats drawn only from layouts,
    /// parsed (their site-relative paths).
    disk_layouts: BTreeSet<String>,
    /// Page layouts labsite's theme writes as Go templates (a page type's
    /// own, such as the AWS fork's `all-content/single.html`): their template
    /// names by file under `layouts/`.
    embedded_page_layouts: BTreeMap<String, String>,
}

/// Where labsite's theme and a theme on disk are, and what a layout name's
/// parts may say.
pub struct ThemeSources<'t> {
    /// labsite's own Go templates of the theme (`partials/…`, `_markup/…`).
    pub go_layouts: &'t [(String, String)],
    /// The theme on disk, if any.
    pub dir: Option<&'t Path>,
    /// The page layouts labsite's theme stands for when no theme is on disk.
    pub page_layouts: &'t [&'t str],
    /// The output format names (lower-case).
    pub formats: &'t BTreeSet<String>,
    /// The formats labsite draws only from layouts (a site's `TELE`): the
    /// theme on disk's layouts for them are run too.
    pub drawn_formats: &'t BTreeSet<String>,
}

/// The render hooks labsite runs, by the name of their file (`render-link.html`).
const HOOKS: &[&str] = &[
    "link",
    "image",
    "heading",
    "codeblock",
    "blockquote",
    "table",
    "passthrough",
];

impl SiteLayouts {
    /// Reads `layouts/` of the site at `root`, then labsite's own Go templates
    /// of the theme (`theme_layouts`: path under `layouts/` and text: partials
    /// that site templates call, such as relearn's `partials/permalink.gotmpl`,
    /// and the theme's render hooks), then the shortcodes of a checked-in Go
    /// theme (`theme_dir`), which count only where the site and labsite's theme
    /// have none of the name (`has_builtin`).
    pub fn load(
        root: &Path,
        folders: &Confinement,
        theme: &ThemeSources<'_>,
        has_builtin: &dyn Fn(&str) -> bool,
    ) -> Result<(SiteLayouts, Vec<Warning>)> {
        let theme_layouts = theme.go_layouts;
        let theme_dir = theme.dir;
        let mut layouts = SiteLayouts::default();
        let mut warnings = Vec::new();
        let site = root.join("layouts");
        for folder in ["partials", "_partials"] {
            for (rel, path) in folders.files_under(&site.join(folder), &mut warnings) {
                if !rel.ends_with(".html") && !rel.ends_with(".gotmpl") {
                    continue;
                }
                if THEME_PARTIALS.contains(&rel.as_str()) {
                    warnings.push(Warning(format!(
                        "{}: labsite renders the theme's {rel} itself; this override is not used",
                        site_relative(root, &path).display()
                    )));
                    continue;
                }
                if layouts.partials.contains(&rel) {
                    continue;
                }
                layouts.add(root, &format!("partials/{rel}"), &path)?;
                layouts.partials.insert(rel);
            }
        }
        let theme_partials = theme_layouts
            .iter()
            .filter_map(|(path, text)| Some((path.strip_prefix("partials/")?, text)));
        for (name, source) in theme_partials {
            if layouts.partials.contains(name) {
                continue;
            }
            let template = format!("partials/{name}");
            layouts
                .templates
                .add(&template, &format!("labsite theme: {template}"), source)
                .map_err(|e| Error::file(e.file.clone(), e.to_string()))?;
            layouts.partials.insert(name.to_string());
        }
        if let Some(theme) = theme_dir {
            layouts.load_disk_partials(root, folders, &theme.join("layouts"), &mut warnings)?;
        }
        let mut shortcode_dirs = vec![site.join("shortcodes"), site.join("_shortcodes")];
        let theme_shortcodes = theme_dir.map(|d| d.join("layouts").join("shortcodes"));
        shortcode_dirs.extend(theme_shortcodes.clone());
        for dir in shortcode_dirs {
            let from_theme = Some(&dir) == theme_shortcodes.as_ref();
            for (rel, path) in folders.files_under(&dir, &mut warnings) {
                // `NAME.tera.html` is a Tera shortcode, loaded with the theme's templates.
                if rel.ends_with(".tera.html") {
                    continue;
                }
                let Some(name) = rel.strip_suffix(".html") else {
                    continue;
                };
                if layouts.shortcodes.contains_key(name) || (from_theme && has_builtin(name)) {
                    continue;
                }
                let template = format!("shortcodes/{rel}");
                layouts.add(root, &template, &path)?;
                let inner = if layouts.templates.source_contains(&template, ".Inner") {
                    Inner::Required
                } else {
                    Inner::None
                };
                layouts.shortcodes.insert(
                    name.to_string(),
                    GoShortcode {
                        path: site_relative(root, &path),
                        template,
                        inner,
                    },
                );
            }
        }
        layouts.load_hooks(root, &site, theme_dir)?;
        layouts.add_theme_hooks(theme_layouts)?;
        layouts.add_internal(theme_layouts)?;
        layouts.add_embedded_page_layouts(theme)?;
        warnings.extend(hook_warnings(root, folders, &site));
        layouts.load_page_layouts(root, folders, theme)?;
        Ok((layouts, warnings))
    }

    /// The page layouts of the site (parsed, each with its own `define`s) and
    /// of its theme (names only: labsite draws those pages itself).
    fn load_page_layouts(
        &mut self,
        root: &Path,
        folders: &Confinement,
        theme: &ThemeSources<'_>,
    ) -> Result<()> {
        let list = |dir: &Path| -> Vec<(String, PathBuf)> {
            // Links that lead out were reported as the partials were read.
            folders.files_under(dir, &mut Vec::new())
        };
        let site_files = list(&root.join("layouts"));
        let names: Vec<String> = site_files.iter().map(|(rel, _)| rel.clone()).collect();
        self.page_layouts
            .add(Layer::Site, "layouts/", &names, theme.formats);
        let mut disk_files = Vec::new();
        match theme.dir {
            Some(dir) => {
                disk_files = list(&dir.join("layouts"));
                let names: Vec<String> = disk_files.iter().map(|(rel, _)| rel.clone()).collect();
                let prefix = format!("{}/layouts/", site_relative(root, dir).display());
                self.page_layouts
                    .add(Layer::Theme, &prefix, &names, theme.formats);
            }
            None => {
                let names: Vec<String> = theme.page_layouts.iter().map(|s| s.to_string()).collect();
                self.page_layouts
                    .add(Layer::Theme, "", &names, theme.formats);
            }
        }
        let used: BTreeSet<String> = self.page_layouts.site_files().map(String::from).collect();
        for (rel, path) in site_files {
            if used.contains(&rel) {
                self.add_layout(root, &layout_template(&rel), &path)?;
            }
        }
        let drawn: BTreeSet<String> = theme
            .drawn_formats
            .iter()
            .flat_map(|f| self.page_layouts.theme_files_of(f))
            .map(|f| f.file.clone())
            .collect();
        for (rel, path) in disk_files {
            if !drawn.contains(&rel) {
                continue;
            }
            let name = site_relative(root, &path)
                .to_string_lossy()
                .replace('\\', "/");
            self.add_layout(root, &name, &path)?;
            self.disk_layouts.insert(name);
        }
        Ok(())
    }

    /// Parses the page layout at `path` as template `name`, with its own
    /// `define`s; one that does not parse fails the page that uses it.
    fn add_layout(&mut self, root: &Path, name: &str, path: &Path) -> Result<()> {
        let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let shown = site_relative(root, path);
        let added = self
            .templates
            .add_scoped(name, &shown.to_string_lossy(), &source);
        if let Err(e) = added {
            let place = crate::error::Location::new(&shown, e.line, e.col);
            let message = format!("{} (fix the Go template)", e.message);
            self.broken_layouts
                .insert(name.to_string(), (place, message));
        }
        Ok(())
    }

    /// Whether labsite runs any layout of the theme on disk.
    pub fn runs_theme_layouts(&self) -> bool {
        !self.disk_layouts.is_empty()
    }

    /// How many layouts of the theme on disk labsite runs.
    pub fn theme_layouts_run(&self) -> usize {
        self.disk_layouts.len()
    }

    /// Whether labsite runs the layout at `path` (site-relative): the site's
    /// own, or the theme on disk's for a format drawn only from layouts.
    pub fn runs(&self, layer: Layer, path: &str) -> bool {
        layer == Layer::Site || self.disk_layouts.contains(path)
    }

    /// The template of the page layout at `path` (site-relative, as
    /// [`crate::templates::page_layouts::LayoutFile::path`]), or the error
    /// that keeps it from parsing.
    pub fn page_layout(&self, path: &str) -> Result<String> {
        match self.broken_layouts.get(path) {
            Some((place, message)) => Err(Error::at(place.clone(), message.clone())),
            None => Ok(path.to_string()),
        }
    }

    /// The render hooks of the site's layouts, then of the theme on disk, each
    /// in `_markup/` or `_default/_markup/` (Hugo's two places for them): the
    /// first found of each kind.
    fn load_hooks(&mut self, root: &Path, site: &Path, theme_dir: Option<&Path>) -> Result<()> {
        let theme_layouts = theme_dir.map(|d| d.join("layouts"));
        let bases = std::iter::once(site).chain(theme_layouts.as_deref());
        for base in bases {
            for folder in ["_markup", "_default/_markup"] {
                let Ok(entries) = std::fs::read_dir(base.join(folder)) else {
                    continue;
                };
                let mut files: Vec<PathBuf> =
                    entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                files.sort();
                for path in files {
                    let Some(kind) = hook_kind(&path) else {
                        continue;
                    };
                    if self.hooks.contains_key(&kind) || !path.is_file() {
                        continue;
                    }
                    let template = format!("_markup/render-{kind}.html");
                    self.add(root, &template, &path)?;
                    self.hooks.insert(kind, template);
                }
            }
        }
        Ok(())
    }

    /// The partials of the theme on disk (`layouts/partials/`, `_partials/`)
    /// the site's partials do not replace.
    fn load_disk_partials(
        &mut self,
        root: &Path,
        folders: &Confinement,
        layouts: &Path,
        warnings: &mut Vec<Warning>,
    ) -> Result<()> {
        for folder in ["partials", "_partials"] {
            for (rel, path) in folders.files_under(&layouts.join(folder), warnings) {
                let name = format!("theme/partials/{rel}");
                if !(rel.ends_with(".html") || rel.ends_with(".gotmpl"))
                    || self.partials.contains(&rel)
                    || self.disk_partials.contains(&rel)
                {
                    continue;
                }
                // An old theme's partial labsite does not need may not parse:
                // it is left out, and fails only where a template calls it.
                if self.add(root, &name, &path).is_err() {
                    self.disk_partials_unparsed += 1;
                    continue;
                }
                self.disk_files
                    .insert(site_relative(root, &path).to_string_lossy().into_owned());
                self.disk_partials.insert(rel);
            }
        }
        Ok(())
    }

    /// Whether `file` (site-relative, as templates name it) is a partial of
    /// the theme on disk.
    pub fn is_disk_file(&self, file: &str) -> bool {
        self.disk_files.contains(file)
    }

    /// The template of the theme-on-disk partial `name` (`tags`, `tags.html`).
    pub fn disk_partial(&self, name: &str) -> Option<String> {
        let name = name.trim_start_matches('/');
        [name.to_string(), format!("{name}.html")]
            .into_iter()
            .find(|n| self.disk_partials.contains(n))
            .map(|n| format!("theme/partials/{n}"))
    }

    /// labsite's theme's own render hooks (relearn's image hook), for the kinds
    /// neither the site nor its theme on disk has.
    fn add_theme_hooks(&mut self, theme_layouts: &[(String, String)]) -> Result<()> {
        for (path, source) in theme_layouts {
            let Some(kind) = path
                .strip_prefix("_markup/render-")
                .and_then(|f| f.strip_suffix(".html"))
            else {
                continue;
            };
            if self.hooks.contains_key(kind) {
                continue;
            }
            let template = format!("_markup/render-{kind}.html");
            self.templates
                .add(&template, &format!("labsite theme: {template}"), source)
                .map_err(|e| Error::file(e.file.clone(), e.to_string()))?;
            self.hooks.insert(kind.to_string(), template);
        }
        Ok(())
    }

    /// Hugo's embedded templates that templates call by name
    /// (`{{ template "_internal/google_analytics.html" . }}`), as labsite has them.
    fn add_internal(&mut self, theme_layouts: &[(String, String)]) -> Result<()> {
        for (path, source) in theme_layouts
            .iter()
            .filter(|(p, _)| p.starts_with("_internal/"))
        {
            self.templates
                .add(path, &format!("labsite theme: {path}"), source)
                .map_err(|e| Error::file(e.file.clone(), e.to_string()))?;
        }
        Ok(())
    }

    /// labsite's Go page layouts of the theme: those of `theme.go_layouts`
    /// named among the layouts the theme stands for.
    fn add_embedded_page_layouts(&mut self, theme: &ThemeSources<'_>) -> Result<()> {
        let page_layouts = theme
            .go_layouts
            .iter()
            .filter(|(path, _)| theme.page_layouts.contains(&path.as_str()));
        for (path, source) in page_layouts {
            let template = format!("labsite theme: layouts/{path}");
            self.templates
                .add_scoped(&template, &template, source)
                .map_err(|e| Error::file(e.file.clone(), e.to_string()))?;
            self.embedded_page_layouts.insert(path.clone(), template);
        }
        Ok(())
    }

    /// The template of labsite's own Go layout for the theme's layout `file`
    /// (under `layouts/`), if labsite writes that one as a Go template.
    pub fn embedded_page_layout(&self, file: &str) -> Option<&str> {
        self.embedded_page_layouts.get(file).map(String::as_str)
    }

    /// Whether labsite's theme writes any page layout as a Go template.
    pub fn has_embedded_page_layouts(&self) -> bool {
        !self.embedded_page_layouts.is_empty()
    }

    fn add(&mut self, root: &Path, name: &str, path: &Path) -> Result<()> {
        let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let shown = site_relative(root, path);
        self.templates
            .add(name, &shown.to_string_lossy(), &source)
            .map_err(|e| {
                Error::at(
                    crate::error::Location::new(&shown, e.line, e.col),
                    format!("{} (fix the Go template)", e.message),
                )
            })
    }

    /// The template of partial `name` (`logo`, `logo.html`), if the site has it.
    pub fn partial(&self, name: &str) -> Option<String> {
        let name = name.trim_start_matches('/');
        [name.to_string(), format!("{name}.html")]
            .into_iter()
            .find(|n| self.partials.contains(n))
            .map(|n| format!("partials/{n}"))
    }
}

/// The kind of render hook file `path` is (`link` for `render-link.html`,
/// `codeblock-go` for `render-codeblock-go.html`), if labsite runs it.
fn hook_kind(path: &Path) -> Option<String> {
    let kind = path
        .file_name()?
        .to_str()?
        .strip_prefix("render-")?
        .strip_suffix(".html")?;
    let runs = HOOKS.contains(&kind)
        || kind
            .strip_prefix("codeblock-")
            .is_some_and(|lang| !lang.is_empty());
    runs.then(|| kind.to_string())
}

fn site_relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The template name of the site's page layout `file`.
pub fn layout_template(file: &str) -> String {
    format!("layouts/{file}")
}

/// One warning per render hook labsite does not run.
fn hook_warnings(root: &Path, folders: &Confinement, site: &Path) -> Vec<Warning> {
    // Links that lead out were reported as the partials and shortcodes were read.
    folders
        .files_under(site, &mut Vec::new())
        .into_iter()
        .filter_map(|(rel, path)| {
            let dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
            let is_hook_dir = dir == "_markup" || dir.ends_with("/_markup");
            (is_hook_dir && hook_kind(&path).is_none()).then(|| {
                Warning(format!(
                    "{}: labsite does not run this render hook yet; Markdown renders as Hugo renders it without the hook",
                    site_relative(root, &path).display()
                ))
            })
        })
        .collect()
}
