//! The theme: Tera templates and static assets of the embedded learn theme, each
//! file overridable from a labsite theme in `themes/<name>/`, with Go's
//! `html/template` escaping and the functions templates need (`t`).

pub mod build;
pub mod go;
pub mod i18n;
pub mod menu;
pub mod page;
pub mod site_layouts;

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
    /// declares (`{# labsite shortcode: inner=required|optional|none #}`, as
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
}

/// Theme names labsite renders with its embedded learn theme.
fn is_learn_family(name: &str) -> bool {
    name.to_lowercase().contains("learn")
}

impl Theme {
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
        let mut templates: BTreeMap<String, String> = BTreeMap::new();
        let mut assets = BTreeMap::new();
        // UI strings, lowest precedence first: embedded, theme, site; English first.
        let mut i18n_dirs: Vec<PathBuf> = Vec::new();
        let flavour = Flavour::of(config.theme.as_deref());
        // The learn theme, with the relearn flavour's files on top when asked for.
        let layers: &[&[(&str, &[u8])]] = match flavour {
            Flavour::Learn => &[embedded::FILES],
            Flavour::Relearn => &[embedded::FILES, embedded::RELEARN_FILES],
        };
        for (path, bytes) in layers.iter().flat_map(|l| l.iter()) {
            if let Some(name) = path.strip_prefix("templates/") {
                templates.insert(
                    name.to_string(),
                    String::from_utf8_lossy(bytes).into_owned(),
                );
            } else if let Some(name) = path.strip_prefix("static/") {
                assets.insert(name.to_string(), Asset::Embedded(bytes));
                // learn's name for the stylesheet, for site headers that link it.
                if name == "css/fontawesome-all.min.css" {
                    assets.insert("css/fontawesome-all.css".into(), Asset::Embedded(bytes));
                }
            }
        }

        let mut go_theme_dir = None;
        if let Some(name) = &config.theme {
            let dir = root.join(&config.themes_dir).join(name);
            if dir.join("templates").is_dir() {
                for (rel, path) in folders.files_under(&dir.join("templates"), &mut warnings) {
                    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                    templates.insert(rel, text);
                }
                for (rel, path) in folders.files_under(&dir.join("static"), &mut warnings) {
                    assets.insert(rel, Asset::File(path));
                }
                i18n_dirs.push(dir.join("i18n"));
            } else if dir.is_dir() {
                warnings.push(Warning(format!(
                    "theme \"{name}\" in {} is a Hugo Go-template theme; labsite renders this site with its embedded learn theme",
                    config.themes_dir.join(name).display()
                )));
                go_theme_dir = Some(dir);
            } else if is_learn_family(name) {
                warnings.push(Warning(format!(
                    "theme \"{name}\" is not in {}/; labsite renders this site with its embedded learn theme",
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
        }
        i18n_dirs.push(root.join("i18n"));
        // The site's Tera shortcodes replace the theme's of the same name.
        for dir in ["shortcodes", "_shortcodes"] {
            for (rel, path) in folders.files_under(&root.join("layouts").join(dir), &mut warnings) {
                if let Some(name) = rel.strip_suffix(".tera.html") {
                    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                    templates.insert(format!("shortcodes/{name}.html"), text);
                }
            }
        }
        let mut strings = std::collections::HashMap::new();
        for lang in config.languages_to_build() {
            let mut tables: Vec<String> = Vec::new();
            // Hugo finds a language's strings by its key or by its languageCode.
            let code = config
                .languages
                .iter()
                .find(|l| l.key == lang)
                .and_then(|l| l.code.clone());
            let mut wanted_files = vec!["en".to_string(), lang.clone()];
            wanted_files.extend(code.map(|c| c.to_lowercase()));
            for wanted in wanted_files {
                let embedded_path = format!("i18n/{wanted}.toml");
                tables.extend(
                    layers
                        .iter()
                        .flat_map(|l| l.iter())
                        .filter(|(p, _)| *p == embedded_path)
                        .map(|(_, b)| String::from_utf8_lossy(b).into_owned()),
                );
                for dir in &i18n_dirs {
                    let file = folders.file(dir, &format!("{wanted}.toml"));
                    tables.extend(file.ok().and_then(|f| std::fs::read_to_string(f).ok()));
                }
            }
            let refs: Vec<&str> = tables.iter().map(String::as_str).collect();
            strings.insert(lang, i18n::Strings::from_tables(&refs));
        }

        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(crate::text::escape::go_escape);
        add_templates(&mut tera, &templates).map_err(|e| template_error("theme", e))?;
        tera.register_function("highlight", HighlightFn);
        tera.register_filter("markdownify", markdownify);
        tera.register_filter("anchorize", anchorize);
        tera.register_filter("safe_url", safe_url);
        tera.register_function(
            "t",
            TranslateFn {
                strings: strings.clone(),
                default_language: config.default_language.clone(),
            },
        );

        let shortcodes: BTreeMap<String, ShortcodeTemplate> = templates
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
            .collect();

        // labsite's Go versions of theme partials; the flavour's own come first.
        let mut theme_partials: Vec<(&str, &str)> = Vec::new();
        for layer in layers.iter().rev() {
            for (path, bytes) in layer.iter() {
                if let Some(name) = path.strip_prefix("layouts/partials/")
                    && !theme_partials.iter().any(|(n, _)| *n == name)
                {
                    theme_partials.push((name, std::str::from_utf8(bytes).unwrap_or("")));
                }
            }
        }
        let (site_layouts, layout_warnings) = site_layouts::SiteLayouts::load(
            root,
            folders,
            &theme_partials,
            go_theme_dir.as_deref(),
            &|name| shortcodes.contains_key(name),
        )?;
        warnings.extend(layout_warnings);
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
                assets,
                shortcodes,
                site_layouts,
                strings,
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

/// Tera function `highlight(code=…, lang=…, options=…)`: Hugo's `highlight`, the
/// markup of a fenced code block. Leading and trailing newlines of the code go.
struct HighlightFn;

impl tera::Function for HighlightFn {
    fn call(
        &self,
        args: &std::collections::HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        let text = |k: &str| args.get(k).and_then(|v| v.as_str()).unwrap_or("");
        let code = text("code").trim_matches(|c| c == '\n' || c == '\r');
        let options = crate::markdown::highlight::Options::parse(text("options"));
        Ok(tera::Value::String(crate::markdown::highlight::code_block(
            text("lang"),
            &format!("{code}\n"),
            &options,
        )))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// The text a Tera filter works on: a string as it is, another value as JSON.
fn filter_text(value: &tera::Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_string)
}

/// Tera filter `safe_url`: a URL from a shortcode's parameters, `#ZgotmplZ`
/// when it could run script (as Hugo's Go templates print it).
fn safe_url(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    Ok(tera::Value::String(
        crate::text::sanitize::url(&filter_text(value)).to_string(),
    ))
}

/// Tera filter `anchorize`: Hugo's `anchorize` (the heading-id algorithm).
fn anchorize(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = filter_text(value);
    Ok(tera::Value::String(crate::text::anchor::anchorize(&text)))
}

/// Tera filter `markdownify`: Hugo's `markdownify`, Markdown rendered without the
/// paragraph around a single block.
fn markdownify(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = match value {
        tera::Value::String(s) => s.clone(),
        tera::Value::Null => String::new(),
        other => other.to_string(),
    };
    Ok(tera::Value::String(crate::markdown::markdownify(
        &text,
        crate::markdown::Settings::default(),
    )))
}

/// Tera function `t(key=…, lang=…)`: Hugo's `T` in the given language.
struct TranslateFn {
    strings: std::collections::HashMap<String, i18n::Strings>,
    default_language: String,
}

impl tera::Function for TranslateFn {
    fn call(
        &self,
        args: &std::collections::HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        let key = args
            .get("key")
            .and_then(|v| v.as_str())
            .ok_or("t: missing `key`")?;
        let lang = args
            .get("lang")
            .and_then(|v| v.as_str())
            .unwrap_or(&self.default_language);
        let strings = self
            .strings
            .get(lang)
            .or_else(|| self.strings.get(&self.default_language));
        let found = strings.and_then(|s| s.lookup(key));
        let text = match (found, args.get("default").and_then(|v| v.as_str())) {
            (Some(t), _) => t,
            (None, Some(default)) => default.to_string(),
            (None, None) => key.to_string(),
        };
        // Go-template placeholders for a count: `{{ .Count }}` or `{{.}}`.
        let text = match args.get("count") {
            Some(count) => {
                let n = count
                    .as_i64()
                    .map_or_else(|| count.to_string(), |n| n.to_string());
                ["{{ .Count }}", "{{.Count}}", "{{ . }}", "{{.}}"]
                    .iter()
                    .fold(text, |t, p| t.replace(p, &n))
            }
            None => text,
        };
        Ok(tera::Value::String(text))
    }

    fn is_safe(&self) -> bool {
        false
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
