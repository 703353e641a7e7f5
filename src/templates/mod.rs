//! The theme: Tera templates and static assets of the embedded learn theme, each
//! file overridable from a labsite theme in `themes/<name>/`, with Go's
//! `html/template` escaping and the functions templates need (`t`).

pub mod build;
pub mod go;
pub mod i18n;
pub mod libraries;
pub mod menu;
pub mod page;
pub mod page_layouts;
pub mod site_layouts;
mod tera_check;
mod tera_functions;

use crate::config::Config;
use crate::confine::Confinement;
use crate::error::{Error, Result, Warning};
use crate::library::flavour::Flavour;
use crate::shortcode::tree::Inner;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tera::Tera;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_theme.rs"));
}

/// A static file of the theme, embedded or on disk.
#[derive(Debug, Clone)]
pub enum Asset {
    Embedded(&'static [u8]),
    File(PathBuf),
}

/// A shortcode template and how Hugo would treat it.
#[derive(Debug, Clone)]
pub struct ShortcodeTemplate {
    pub template: String,
    pub inner: Inner,
    /// Hugo's version-1 marker: `{{% %}}` inner rendered first, output via placeholder.
    pub version1: bool,
    /// Whether the template may read `page`, and `site`: a call of one that reads
    /// neither is not given them (each call's context would hold a copy of both).
    pub reads_page: bool,
    pub reads_site: bool,
}

impl ShortcodeTemplate {
    /// Whether a call of the template takes inner content: as its first line
    /// declares (`{# labsite shortcode: inner=required|optional|tolerated|none #}`, as
    /// every shortcode of the embedded theme does), else Hugo's rule for a
    /// template that does not say: it takes inner content when it reads it.
    fn inner_of(text: &str) -> Inner {
        let declared = text
            .lines()
            .next()
            .and_then(|line| line.split_once("labsite shortcode: inner="))
            .and_then(|(_, rest)| rest.split(' ').next());
        match declared {
            Some("optional") => Inner::Optional,
            Some("tolerated") => Inner::Tolerated,
            Some("required") => Inner::Required,
            Some("none") => Inner::None,
            _ if text.contains("inner") => Inner::Required,
            _ => Inner::None,
        }
    }

    /// Whether a template's text may read the variable `name`: it names it, or it
    /// includes or extends another template, which sees the same variables.
    fn may_read(text: &str, name: &str) -> bool {
        text.contains("include") || text.contains("extends") || text.contains(name)
    }
}

/// The loaded theme.
pub struct Theme {
    pub flavour: Flavour,
    pub tera: Tera,
    /// Static files by output path.
    pub assets: BTreeMap<String, Asset>,
    pub shortcodes: BTreeMap<String, ShortcodeTemplate>,
    /// The site's own Go-template partials and shortcodes.
    pub site_layouts: site_layouts::SiteLayouts,
    /// UI strings by language.
    pub strings: std::collections::HashMap<String, i18n::Strings>,
    /// learn's taxonomy headings: the singular name (after 2.5.0) or the
    /// page kind (2.5.0); see [`crate::library::flavour::learn_singular_headings`].
    pub learn_singular_headings: bool,
    /// The major version of relearn the site is written for (see
    /// [`crate::library::flavour::relearn_major`]); relearn before 6 draws
    /// chapters, the sidebar, the previous/next links and 404 its own way.
    pub relearn_major: u32,
}

/// The one warning about a Hugo theme on disk: where it is and what of it
/// labsite uses, as its embedded theme draws the pages.
fn disk_theme_note(
    root: &Path,
    dir: &Path,
    flavour: Flavour,
    layouts: &site_layouts::SiteLayouts,
    statics: usize,
) -> Warning {
    let shown = dir.strip_prefix(root).unwrap_or(dir);
    let embedded = match flavour {
        Flavour::Relearn => "relearn",
        Flavour::Learn => "learn",
    };
    let shortcodes = layouts
        .shortcodes
        .values()
        .filter(|s| s.path.starts_with(shown))
        .count();
    let unparsed = match layouts.disk_partials_unparsed {
        0 => String::new(),
        n => format!(" ({n} partials that do not parse are left out)"),
    };
    let formats = match layouts.theme_layouts_run() {
        0 => String::new(),
        n => format!(", {n} layouts of output formats"),
    };
    Warning(format!(
        "theme in {} is a Hugo Go-template theme: labsite draws the pages with its embedded {embedded} theme and takes from this one what it lacks: {shortcodes} shortcodes, {} partials{unparsed}, {statics} static files{formats}, translations and data",
        shown.display(),
        layouts.disk_partials.len()
    ))
}

/// Theme names labsite renders with its embedded learn theme.
fn is_learn_family(name: &str) -> bool {
    name.to_lowercase().contains("learn")
}

impl Theme {
    /// Whether the site is written for relearn before version 6, which
    /// draws chapters, the sidebar, previous/next, 404 and search its own way.
    pub fn is_relearn_before_6(&self) -> bool {
        self.flavour == Flavour::Relearn && self.relearn_major < 6
    }

    /// The customisation points the site fills with partials of its own (file
    /// names), in render order: each runs for every page. relearn's page is not
    /// cut at learn's header and footer.
    pub fn site_points(&self) -> Vec<&'static str> {
        site_layouts::CUSTOMISATION_PARTIALS
            .iter()
            .copied()
            .filter(|name| {
                !(self.flavour == Flavour::Relearn && site_layouts::LEARN_ONLY.contains(name))
            })
            .filter(|name| self.site_layouts.partial(name).is_some())
            .collect()
    }

    /// Loads the embedded theme, then the site's labsite theme (if its config names
    /// one that has `templates/`), then the site's own layouts: Tera shortcodes
    /// (`layouts/shortcodes/NAME.tera.html`) and Go-template partials and shortcodes.
    /// Nothing outside `folders` is read.
    pub fn load(
        root: &Path,
        config: &Config,
        folders: &Confinement,
    ) -> Result<(Theme, Vec<Warning>)> {
        let mut warnings = Vec::new();
        let flavour = Flavour::of(config.theme.as_deref());
        let layers = embedded_layers(flavour);
        let mut files = ThemeFiles::embedded(layers);
        if let Some(name) = &config.theme {
            files.add_named_theme(name, root, config, folders, &mut warnings)?;
        }
        files.i18n_dirs.push(root.join("i18n"));
        files.add_site_shortcodes(root, folders, &mut warnings)?;
        let relearn_major = crate::library::flavour::relearn_major(
            root,
            config
                .theme
                .as_ref()
                .map(|name| root.join(&config.themes_dir).join(name))
                .as_deref(),
        );
        let embedded_strings = EmbeddedStrings {
            layers,
            relearn_before_6: flavour == Flavour::Relearn && relearn_major < 6,
        };
        let strings = load_strings(config, &embedded_strings, &files.i18n_dirs, folders);
        let tera = compile(&files.templates, &strings, config)?;
        let mut shortcodes = shortcode_table(&files.templates);
        if let Some(children) = shortcodes.get_mut("children")
            && children.inner == Inner::Tolerated
            && !learn_children_reads_inner(root, config, folders)
        {
            children.inner = Inner::Optional;
        }
        let image_id_prefix = if relearn_major >= 6 {
            "R-image-"
        } else {
            "image-"
        };
        let go_layouts = embedded_go_layouts(layers, image_id_prefix);
        let formats = crate::output_format::format_names(config);
        let drawn_formats: std::collections::BTreeSet<String> =
            crate::output_format::Outputs::from_config(config)
                .custom_used()
                .into_iter()
                .map(|f| f.name.clone())
                .filter(|name| !flavour.own_output_formats().contains(&name.as_str()))
                .collect();
        let sources = site_layouts::ThemeSources {
            go_layouts: &go_layouts,
            dir: files.go_theme_dir.as_deref(),
            // A site that names no theme has only its own layouts, as in Hugo.
            page_layouts: if config.theme.is_some() {
                flavour.page_layouts()
            } else {
                &[]
            },
            formats: &formats,
            drawn_formats: &drawn_formats,
        };
        let (site_layouts, layout_warnings) =
            site_layouts::SiteLayouts::load(root, folders, &sources, &|name| {
                shortcodes.contains_key(name)
            })?;
        warnings.extend(layout_warnings);
        if let Some(dir) = &files.go_theme_dir {
            warnings.push(disk_theme_note(
                root,
                dir,
                flavour,
                &site_layouts,
                files.disk_static,
            ));
        }
        if flavour == Flavour::Relearn {
            for name in site_layouts::LEARN_ONLY {
                if site_layouts.partials.contains(*name) {
                    warnings.push(Warning(format!(
                        "layouts/partials/{name}: labsite's relearn pages are not cut at learn's {name}; this override is not used"
                    )));
                }
            }
        }
        Ok((
            Theme {
                flavour,
                tera,
                assets: files.assets,
                shortcodes,
                learn_singular_headings: crate::library::flavour::learn_singular_headings(
                    files.go_theme_dir.as_deref(),
                    &config.themes_dir,
                ),
                site_layouts,
                strings,
                relearn_major,
            },
            warnings,
        ))
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String> {
        self.tera
            .render(name, context)
            .map_err(|e| template_error(name, e))
    }

    /// [`Theme::render`] into a buffer made `capacity` bytes large at once (a
    /// page's size is known roughly ahead: its body and the theme around it),
    /// rather than grown and copied several times.
    pub fn render_sized(
        &self,
        name: &str,
        context: &tera::Context,
        capacity: usize,
    ) -> Result<String> {
        let mut out = Vec::with_capacity(capacity);
        self.tera
            .render_to(name, context, &mut out)
            .map_err(|e| template_error(name, e))?;
        String::from_utf8(out).map_err(|e| Error::Template {
            name: name.to_string(),
            message: e.to_string(),
        })
    }
}

/// The embedded learn theme's archetype `name` (`archetypes/NAME.md`), the
/// last place `labsite new content` looks for one.
pub fn embedded_archetype(name: &str) -> Option<&'static str> {
    let path = format!("archetypes/{name}.md");
    embedded::FILES
        .iter()
        .find(|(p, _)| *p == path)
        .and_then(|(_, bytes)| std::str::from_utf8(bytes).ok())
}

/// The embedded files of a flavour, in layers, lowest first: the learn theme,
/// with the relearn flavour's files on top when asked for.
type Layers = &'static [&'static [(&'static str, &'static [u8])]];

fn embedded_layers(flavour: Flavour) -> Layers {
    const LEARN: Layers = &[embedded::FILES];
    const RELEARN: Layers = &[embedded::FILES, embedded::RELEARN_FILES];
    match flavour {
        Flavour::Learn => LEARN,
        Flavour::Relearn => RELEARN,
    }
}

/// The theme's files before they are compiled: Tera templates by name, static
/// assets by output path, `i18n/` folders lowest precedence first, and the
/// folder of a Hugo Go-template theme the site names.
struct ThemeFiles {
    templates: BTreeMap<String, String>,
    assets: BTreeMap<String, Asset>,
    i18n_dirs: Vec<PathBuf>,
    go_theme_dir: Option<PathBuf>,
    /// How many static files of the Go theme on disk are published.
    disk_static: usize,
}

impl ThemeFiles {
    /// The embedded theme's templates and assets.
    fn embedded(layers: Layers) -> ThemeFiles {
        let mut files = ThemeFiles {
            templates: BTreeMap::new(),
            assets: BTreeMap::new(),
            i18n_dirs: Vec::new(),
            go_theme_dir: None,
            disk_static: 0,
        };
        for (path, bytes) in layers.iter().flat_map(|l| l.iter()) {
            if let Some(name) = path.strip_prefix("templates/") {
                files.templates.insert(
                    name.to_string(),
                    String::from_utf8_lossy(bytes).into_owned(),
                );
            } else if let Some(name) = path.strip_prefix("static/") {
                files
                    .assets
                    .insert(name.to_string(), Asset::Embedded(bytes));
                // learn's name for the stylesheet, for site headers that link it.
                if name == "css/fontawesome-all.min.css" {
                    files
                        .assets
                        .insert("css/fontawesome-all.css".into(), Asset::Embedded(bytes));
                }
            }
        }
        files
    }

    /// The theme the config names: a labsite theme (one with `templates/`)
    /// overrides embedded files; a Hugo theme is noted for its layouts; a
    /// missing learn-family theme falls back to the embedded one; any other
    /// missing theme is an error.
    fn add_named_theme(
        &mut self,
        name: &str,
        root: &Path,
        config: &Config,
        folders: &Confinement,
        warnings: &mut Vec<Warning>,
    ) -> Result<()> {
        let dir = config
            .theme_folder(root)
            .unwrap_or_else(|| root.join(&config.themes_dir).join(name));
        let embedded = match Flavour::of(Some(name)) {
            Flavour::Relearn => "relearn",
            Flavour::Learn => "learn",
        };
        if dir.join("templates").is_dir() {
            for (rel, path) in folders.files_under(&dir.join("templates"), warnings) {
                let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                self.templates.insert(rel, text);
            }
            for (rel, path) in folders.files_under(&dir.join("static"), warnings) {
                self.assets.insert(rel, Asset::File(path));
            }
            self.i18n_dirs.push(dir.join("i18n"));
        } else if dir.is_dir() {
            // The theme's static files go under labsite's own (its page chrome
            // needs its own), its translations over labsite's.
            for (rel, path) in folders.files_under(&dir.join("static"), warnings) {
                if let std::collections::btree_map::Entry::Vacant(slot) = self.assets.entry(rel) {
                    slot.insert(Asset::File(path));
                    self.disk_static += 1;
                }
            }
            self.i18n_dirs.push(dir.join("i18n"));
            self.go_theme_dir = Some(dir);
        } else if is_learn_family(name) {
            warnings.push(Warning(format!(
                "theme \"{name}\" is not in {}/; labsite renders this site with its embedded {embedded} theme",
                config.themes_dir.display()
            )));
        } else {
            return Err(Error::file(
                config.files.first().cloned().unwrap_or_default(),
                format!(
                    "theme \"{name}\" not found in {}/ (add the theme there, or remove `theme` to use labsite's embedded learn theme)",
                    config.themes_dir.display()
                ),
            ));
        }
        Ok(())
    }

    /// The site's Tera shortcodes (`layouts/shortcodes/NAME.tera.html`), which
    /// replace the theme's of the same name.
    fn add_site_shortcodes(
        &mut self,
        root: &Path,
        folders: &Confinement,
        warnings: &mut Vec<Warning>,
    ) -> Result<()> {
        let mut site_templates = Vec::new();
        for dir in ["shortcodes", "_shortcodes"] {
            for (rel, path) in folders.files_under(&root.join("layouts").join(dir), warnings) {
                if let Some(name) = rel.strip_suffix(".tera.html") {
                    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                    let shown = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                    let name = format!("shortcodes/{name}.html");
                    tera_check::check(&shown, &name, &text)?;
                    self.templates.insert(name, text.clone());
                    site_templates.push((shown, text));
                }
            }
        }
        tera_check::check_macros(&site_templates)
    }
}

/// The embedded theme's string tables: `i18n/NAME.toml` of each layer, and
/// for a site written for relearn before 6 the strings that version printed
/// differently (`i18n/v5/NAME.toml`) over them.
struct EmbeddedStrings {
    layers: Layers,
    relearn_before_6: bool,
}

impl EmbeddedStrings {
    fn files(&self, name: &str) -> impl Iterator<Item = &'static [u8]> + use<> {
        let layers = self.layers;
        let current = format!("i18n/{name}.toml");
        let earlier = self
            .relearn_before_6
            .then(|| format!("i18n/v5/{name}.toml"));
        let wanted = [Some(current), earlier];
        wanted.into_iter().flatten().flat_map(|path| {
            layers
                .iter()
                .flat_map(|l| l.iter())
                .filter(move |(p, _)| *p == path)
                .map(|(_, b)| *b)
        })
    }
}

/// Each built language's UI strings, layered as Hugo's `T` finds them: a key
/// missing in the language falls back to the default content language (not to
/// English); within a language the site's `i18n_dirs` override the theme, and
/// the language is found by its key, then by its languageCode. Underneath lies
/// the embedded theme's English, standing in for strings its own translations
/// lack, but only for a language the theme ships (labsite embeds every
/// language learn and relearn ship) or whose default language it ships: for
/// any other, Hugo prints nothing, and so does labsite.
fn load_strings(
    config: &Config,
    embedded_strings: &EmbeddedStrings,
    i18n_dirs: &[PathBuf],
    folders: &Confinement,
) -> std::collections::HashMap<String, i18n::Strings> {
    let file_names = |lang: &str| -> Vec<String> {
        let code = config
            .languages
            .iter()
            .find(|l| l.key == lang)
            .and_then(|l| l.code.clone());
        let mut names = vec![lang.to_string()];
        names.extend(code.map(|c| c.to_lowercase()).filter(|c| c != lang));
        names
    };
    let embedded_files = |name: &str| embedded_strings.files(name);
    let embedded = |name: &str| -> Vec<String> {
        embedded_files(name)
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .collect()
    };
    let language_tables = |lang: &str| -> Vec<String> {
        let mut tables = Vec::new();
        for name in file_names(lang) {
            tables.extend(embedded(&name));
            for dir in i18n_dirs {
                let file = folders.file(dir, &format!("{name}.toml"));
                tables.extend(file.ok().and_then(|f| std::fs::read_to_string(f).ok()));
            }
        }
        tables
    };
    let mut strings = std::collections::HashMap::new();
    for lang in config.languages_to_build() {
        let shipped = file_names(&lang)
            .iter()
            .chain(file_names(&config.default_language).iter())
            .any(|name| embedded_files(name).next().is_some());
        let mut tables = if shipped { embedded("en") } else { Vec::new() };
        if lang != config.default_language {
            tables.extend(language_tables(&config.default_language));
        }
        tables.extend(language_tables(&lang));
        let refs: Vec<&str> = tables.iter().map(String::as_str).collect();
        strings.insert(lang, i18n::Strings::from_tables(&refs));
    }
    strings
}

/// The Tera engine over `templates`, with Go's escaping and the functions and
/// filters the theme calls.
fn compile(
    templates: &BTreeMap<String, String>,
    strings: &std::collections::HashMap<String, i18n::Strings>,
    config: &Config,
) -> Result<Tera> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(crate::text::escape::go_escape);
    add_templates(&mut tera, templates).map_err(|e| template_error("theme", e))?;
    tera_functions::register(&mut tera, strings, &config.default_language);
    Ok(tera)
}

/// The Tera shortcodes among `templates` (`shortcodes/NAME.html`) by name.
/// Whether the learn version a site is written for has a `children` that
/// reads inner content, so that Hugo fails on one never closed: the theme on
/// disk's `children.html` says; without it, the AWS workshops' fork
/// (`themeVariant = "aws"`) does (Hugo 0.168 fails on its unclosed ones, and
/// builds learn's own exampleSite, which leaves them open).
fn learn_children_reads_inner(root: &Path, config: &Config, folders: &Confinement) -> bool {
    let on_disk = config.theme.as_ref().and_then(|name| {
        let dir = root.join(&config.themes_dir).join(name);
        let file = folders
            .file(&dir, "layouts/shortcodes/children.html")
            .ok()?;
        std::fs::read_to_string(file).ok()
    });
    match on_disk {
        Some(text) => text.contains(".Inner"),
        None => config
            .param("themevariant")
            .and_then(|v| v.as_str())
            .is_some_and(|v| v.eq_ignore_ascii_case("aws")),
    }
}

fn shortcode_table(templates: &BTreeMap<String, String>) -> BTreeMap<String, ShortcodeTemplate> {
    templates
        .iter()
        .filter_map(|(name, text)| {
            let sc = name.strip_prefix("shortcodes/")?.strip_suffix(".html")?;
            Some((
                sc.to_string(),
                ShortcodeTemplate {
                    template: name.clone(),
                    inner: ShortcodeTemplate::inner_of(text),
                    version1: text.contains("hugo_config: version 1"),
                    reads_page: ShortcodeTemplate::may_read(text, "page"),
                    reads_site: ShortcodeTemplate::may_read(text, "site"),
                },
            ))
        })
        .collect()
}

/// labsite's Go templates of the theme (path under `layouts/`, text): partials
/// (`partials/permalink.gotmpl`) and render hooks (`_markup/render-image.html`);
/// the flavour's own come first. relearn's lightbox ids start with
/// `image_id_prefix`, which changed with relearn 6.
fn embedded_go_layouts(layers: Layers, image_id_prefix: &str) -> Vec<(String, String)> {
    let mut layouts: Vec<(String, String)> = Vec::new();
    for layer in layers.iter().rev() {
        for (path, bytes) in layer.iter() {
            if let Some(name) = path.strip_prefix("layouts/")
                && !layouts.iter().any(|(n, _)| n == name)
            {
                let text = std::str::from_utf8(bytes).unwrap_or("");
                layouts.push((
                    name.to_string(),
                    text.replace("@@IMAGE_ID_PREFIX@@", image_id_prefix),
                ));
            }
        }
    }
    layouts
}

/// Parses `templates` into `tera`, several at once (parsing the theme is most
/// of a small site's fixed cost), then links them as `Tera::add_raw_templates`
/// does; a template that does not parse is named as it names it.
fn add_templates(tera: &mut Tera, templates: &BTreeMap<String, String>) -> tera::Result<()> {
    use rayon::prelude::*;
    let parsed = templates
        .par_iter()
        .map(|(name, text)| {
            tera::Template::new(name, None, text)
                .map_err(|e| tera::Error::chain(format!("Failed to parse '{name}'"), e))
        })
        .collect::<tera::Result<Vec<_>>>()?;
    for template in parsed {
        tera.templates.insert(template.name.clone(), template);
    }
    tera.build_inheritance_chains()?;
    tera.check_macro_files()
}

/// A Tera error with its whole cause chain, as one message.
pub fn template_error(name: &str, e: tera::Error) -> Error {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        message.push_str(&format!("\n  caused by: {s}"));
        source = s.source();
    }
    Error::Template {
        name: name.to_string(),
        message,
    }
}

/// Puts `value` in `ctx` as `key` without copying it (`Context::insert` copies
/// what it is given).
pub fn put(ctx: &mut tera::Context, key: &str, value: serde_json::Value) {
    let mut one = serde_json::Map::new();
    one.insert(key.to_string(), value);
    if let Ok(vars) = tera::Context::from_value(serde_json::Value::Object(one)) {
        ctx.extend(vars);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_shortcode_declares_its_inner_content() {
        let undeclared: Vec<&str> = embedded::FILES
            .iter()
            .chain(embedded::RELEARN_FILES.iter())
            .filter(|(path, _)| path.starts_with("templates/shortcodes/"))
            .filter(|(path, _)| !path.ends_with("_macros.html"))
            .filter(|(_, text)| !text.starts_with(b"{# labsite shortcode: inner="))
            .map(|(path, _)| *path)
            .collect();
        assert_eq!(undeclared, Vec::<&str>::new());
    }

    #[test]
    fn inner_content_as_declared_else_as_hugo_decides() {
        let of = ShortcodeTemplate::inner_of;
        assert_eq!(
            of("{# labsite shortcode: inner=optional (why) #}{{ inner }}"),
            Inner::Optional
        );
        assert_eq!(
            of("{# labsite shortcode: inner=none #}{{ args.inner }}"),
            Inner::None
        );
        assert_eq!(
            of("{# labsite shortcode: inner=required #}x"),
            Inner::Required
        );
        assert_eq!(of("<b>{{ inner | safe }}</b>"), Inner::Required);
        assert_eq!(of("<b>{{ args.x }}</b>"), Inner::None);
    }
}
