//! The site configuration, read as Hugo reads it: `hugo.{toml,yaml,yml,json}` then
//! `config.*` in the site root (first hit only), with `config/_default/` and
//! `config/<environment>/` merged on top and the theme's own config underneath.
//! Keys are case-insensitive (lower-cased); keys labsite does not use are kept in
//! [`Config::raw`] and reach templates.

mod files;
mod languages;
mod passthrough;

pub use languages::{Language, MenuEntry};

use crate::data_format::{as_text, deep_merge, truthy};
use crate::error::{Error, Result};
use files::{apply_environment, config_dir_files, find_root_config, nest, read_map, relative};
use languages::{parse_languages, parse_menu};
pub use passthrough::Passthrough;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// A config value that is a list of strings, or one string.
fn text_list(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(|v| as_text(Some(v))).collect(),
        other => as_text(Some(other)).into_iter().collect(),
    }
}

/// Settings from the command line that take precedence over the config files.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub base_url: Option<String>,
    pub theme: Option<String>,
    pub themes_dir: Option<PathBuf>,
    pub environment: Option<String>,
    pub build_drafts: bool,
    pub build_future: bool,
    pub build_expired: bool,
    /// Missing `ref`/`relref` targets are warnings whatever the config says
    /// (`labsite check` reports them with the other problems).
    pub ref_links_as_warnings: bool,
}

/// The configuration labsite builds with.
#[derive(Debug, Clone)]
pub struct Config {
    /// The whole merged configuration, keys lower-cased.
    pub raw: Map<String, Value>,
    /// Where it was read from (relative to the site root), for messages.
    pub files: Vec<PathBuf>,
    pub base_url: String,
    pub title: String,
    pub language_code: String,
    pub theme: Option<String>,
    pub themes_dir: PathBuf,
    pub content_dir: String,
    /// Where `build` writes and `deploy` reads the site (`publishDir`, default `public`).
    pub publish_dir: String,
    /// `ignoreFiles`: content files whose absolute path one of these matches
    /// are left out, as Hugo leaves them out.
    pub ignore_files: Vec<regex::Regex>,
    pub static_dirs: Vec<String>,
    pub ugly_urls: bool,
    pub relative_urls: bool,
    pub canonify_urls: bool,
    pub unsafe_html: bool,
    /// `markup.goldmark.extensions.passthrough`, when enabled.
    pub passthrough: Option<Passthrough>,
    /// When Hugo's embedded link and image render hooks apply
    /// (`markup.goldmark.renderHooks.{link,image}.useEmbedded`).
    pub link_hook: EmbeddedHook,
    pub image_hook: EmbeddedHook,
    pub params: Map<String, Value>,
    pub shortcuts: Vec<MenuEntry>,
    pub default_language: String,
    /// The language this view of the config builds (see [`Config::for_language`]).
    pub language: String,
    pub default_language_in_subdir: bool,
    pub languages: Vec<Language>,
    pub build_drafts: bool,
    pub build_future: bool,
    pub build_expired: bool,
    pub disable_aliases: bool,
    pub environment: String,
}

/// `useEmbedded` of one of Hugo's render hooks, with `auto` already decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbeddedHook {
    /// The embedded hook, even over a theme's own.
    Always,
    /// The embedded hook unless the theme has its own.
    Fallback,
    Never,
}

impl EmbeddedHook {
    /// Reads `markup.goldmark.renderHooks.KIND`: `useEmbedded` (default `auto`:
    /// the hook is used on sites that declare `languages`, one host for all of
    /// them and no duplicated resource files, as Hugo 0.168 does), or the older
    /// `enableDefault = true` (a fallback).
    fn of(goldmark: Option<&Value>, kind: &str, declares_languages: bool) -> EmbeddedHook {
        let hook = goldmark
            .and_then(|g| g.get("renderhooks"))
            .and_then(|h| h.get(kind));
        let duplicates = truthy(goldmark.and_then(|g| g.get("duplicateresourcefiles")));
        let setting = as_text(hook.and_then(|h| h.get("useembedded")))
            .map(|s| s.to_lowercase())
            .unwrap_or_else(|| "auto".into());
        match setting.as_str() {
            "always" => EmbeddedHook::Always,
            "fallback" => EmbeddedHook::Fallback,
            "never" => EmbeddedHook::Never,
            _ if truthy(hook.and_then(|h| h.get("enabledefault"))) => EmbeddedHook::Fallback,
            _ if declares_languages && !duplicates => EmbeddedHook::Fallback,
            _ => EmbeddedHook::Never,
        }
    }
}

/// The theme a site names only as a Hugo module (`[[module.imports]] path =
/// "github.com/McShelby/hugo-theme-relearn"`): Hugo builds with the first
/// import as the theme; its name is the path's last part.
fn module_theme(raw: &Map<String, Value>) -> Option<String> {
    let imports = raw.get("module")?.get("imports")?;
    let first = match imports {
        Value::Array(list) => list.first()?,
        other => other,
    };
    let path = as_text(first.get("path"))?;
    let name = path.trim_end_matches('/').rsplit('/').next()?;
    (!name.is_empty()).then(|| name.to_string())
}

/// The folder of the theme `name` on disk, where Hugo finds it: in the themes
/// folder (`themes/NAME`, or `themesDir`), or vendored as a module
/// (`_vendor/github.com/OWNER/NAME`, from `module.imports`).
fn theme_folder(
    root: &Path,
    raw: &Map<String, Value>,
    themes_dir: &Path,
    name: &str,
) -> Option<PathBuf> {
    let in_themes = root.join(themes_dir).join(name);
    if in_themes.is_dir() {
        return Some(in_themes);
    }
    let imports = match raw.get("module").and_then(|m| m.get("imports")) {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    // A module path names a folder inside `_vendor/`: one that would climb out
    // of it (`..`, a root) names none.
    let inside_vendor = |path: &str| {
        Path::new(path)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
    };
    imports
        .into_iter()
        .filter_map(|import| as_text(import.get("path")))
        .chain(std::iter::once(name.to_string()))
        .filter(|path| inside_vendor(path.trim_end_matches('/')))
        .map(|path| root.join("_vendor").join(path.trim_end_matches('/')))
        .find(|dir| dir.is_dir())
}

impl Config {
    /// The folder of the site's theme on disk, if the site has it (see
    /// [`theme_folder`]).
    pub fn theme_folder(&self, root: &Path) -> Option<PathBuf> {
        theme_folder(root, &self.raw, &self.themes_dir, self.theme.as_deref()?)
    }

    /// Reads the configuration of the site at `root`.
    pub fn load(root: &Path, overrides: &Overrides) -> Result<Config> {
        let environment = overrides
            .environment
            .clone()
            .unwrap_or_else(|| "production".into());
        let mut merged = Value::Object(Map::new());
        let mut files = Vec::new();

        if let Some(path) = find_root_config(root) {
            deep_merge(&mut merged, Value::Object(read_map(root, &path)?));
            files.push(relative(root, &path));
        }
        for dir in ["_default", environment.as_str()] {
            let dir_path = root.join("config").join(dir);
            for (path, target) in config_dir_files(&dir_path)? {
                let map = read_map(root, &path)?;
                let value = nest(&target, Value::Object(map));
                deep_merge(&mut merged, value);
                files.push(relative(root, &path));
            }
        }
        if files.is_empty() {
            return Err(Error::file(
                root,
                "Unable to locate config file or config directory (create hugo.toml or config.toml in the site folder)",
            ));
        }

        let mut raw = match merged {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        apply_environment(&mut raw, std::env::vars());
        if overrides.ref_links_as_warnings {
            raw.insert("reflinkserrorlevel".into(), Value::String("WARNING".into()));
        }
        if let Some(theme) = &overrides.theme {
            raw.insert("theme".into(), Value::String(theme.clone()));
        }
        if let Some(url) = &overrides.base_url {
            raw.insert("baseurl".into(), Value::String(url.clone()));
        }
        let theme = match raw.get("theme") {
            Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
            Some(Value::Array(a)) => a.first().and_then(|v| as_text(Some(v))),
            _ => module_theme(&raw),
        };
        let themes_dir = overrides
            .themes_dir
            .clone()
            .or_else(|| as_text(raw.get("themesdir")).map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("themes"));

        // The theme's own config sits underneath the site's.
        if let Some(name) = &theme
            && let Some(theme_root) = theme_folder(root, &raw, &themes_dir, name)
            && let Some(path) = find_root_config(&theme_root)
            && let Ok(theme_map) = read_map(root, &path)
        {
            let mut base = Value::Object(theme_map);
            deep_merge(&mut base, Value::Object(raw));
            raw = match base {
                Value::Object(m) => m,
                _ => Map::new(),
            };
        }
        // A pattern of `ignoreFiles` that is no regular expression stops the build.
        let patterns = raw.get("ignorefiles").map(text_list).unwrap_or_default();
        for pattern in patterns {
            if let Err(e) = regex::Regex::new(&pattern) {
                let shown = files.first().map(|f| relative(root, f)).unwrap_or_default();
                return Err(Error::file(
                    shown,
                    format!(
                        "ignoreFiles: {pattern:?} is not a regular expression ({})",
                        e.to_string()
                            .lines()
                            .last()
                            .unwrap_or_default()
                            .trim_start_matches("error: ")
                    ),
                ));
            }
        }
        Ok(Config::from_raw(
            raw,
            files,
            theme,
            themes_dir,
            environment,
            overrides,
        ))
    }

    /// Builds the typed view of an already merged, lower-cased config map.
    pub fn from_raw(
        raw: Map<String, Value>,
        files: Vec<PathBuf>,
        theme: Option<String>,
        themes_dir: PathBuf,
        environment: String,
        overrides: &Overrides,
    ) -> Config {
        let text = |key: &str| as_text(raw.get(key));
        let flag = |key: &str| truthy(raw.get(key));
        let mut base_url = text("baseurl").unwrap_or_default();
        if !base_url.is_empty() && !base_url.ends_with('/') {
            base_url.push('/');
        }
        let default_language = text("defaultcontentlanguage")
            .unwrap_or_else(|| "en".into())
            .to_lowercase();
        let languages = parse_languages(raw.get("languages"), &default_language);
        let params = match raw.get("params") {
            Some(Value::Object(m)) => m.clone(),
            _ => Map::new(),
        };
        let menus = raw.get("menus").or_else(|| raw.get("menu"));
        let shortcuts = parse_menu(menus.and_then(|m| m.get("shortcuts")));
        let static_dirs = match raw.get("staticdir") {
            Some(Value::Array(a)) => a.iter().filter_map(|v| as_text(Some(v))).collect(),
            Some(v) => as_text(Some(v)).into_iter().collect(),
            None => vec!["static".to_string()],
        };
        let goldmark = raw.get("markup").and_then(|m| m.get("goldmark"));
        let unsafe_html = goldmark
            .and_then(|g| g.get("renderer"))
            .map(|r| truthy(r.get("unsafe")))
            .unwrap_or(false);
        let passthrough = Passthrough::of(goldmark);
        let link_hook = EmbeddedHook::of(goldmark, "link", !languages.is_empty());
        let image_hook = EmbeddedHook::of(goldmark, "image", !languages.is_empty());
        Config {
            title: text("title").unwrap_or_default(),
            language_code: text("languagecode").unwrap_or_default(),
            content_dir: text("contentdir").unwrap_or_else(|| "content".into()),
            publish_dir: text("publishdir").unwrap_or_else(|| "public".into()),
            ignore_files: (raw.get("ignorefiles").map(text_list).unwrap_or_default())
                .iter()
                .filter_map(|p| regex::Regex::new(p).ok())
                .collect(),
            ugly_urls: flag("uglyurls"),
            relative_urls: flag("relativeurls"),
            canonify_urls: flag("canonifyurls"),
            default_language_in_subdir: flag("defaultcontentlanguageinsubdir"),
            build_drafts: overrides.build_drafts || flag("builddrafts"),
            build_future: overrides.build_future || flag("buildfuture"),
            build_expired: overrides.build_expired || flag("buildexpired"),
            disable_aliases: flag("disablealiases"),
            base_url,
            theme,
            themes_dir,
            static_dirs,
            unsafe_html,
            passthrough,
            link_hook,
            image_hook,
            params,
            shortcuts,
            language: default_language.clone(),
            default_language,
            languages,
            environment,
            files,
            raw,
        }
    }

    /// A config for unit tests: the defaults of an empty `hugo.toml`.
    pub fn for_tests() -> Config {
        Config::from_raw(
            Map::new(),
            vec![PathBuf::from("hugo.toml")],
            None,
            PathBuf::from("themes"),
            "production".into(),
            &Overrides::default(),
        )
    }

    /// `markup.tableOfContents`: the first and last heading level listed, and
    /// whether the lists are ordered (Hugo's defaults: 2, 3, unordered).
    pub fn toc_levels(&self) -> (usize, usize, bool) {
        let toc = self
            .raw
            .get("markup")
            .and_then(|m| m.get("tableofcontents"));
        let level = |key: &str, default: usize| {
            toc.and_then(|t| t.get(key))
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(default)
        };
        let ordered = toc.is_some_and(|t| truthy(t.get("ordered")));
        (level("startlevel", 2), level("endlevel", 3), ordered)
    }

    /// Whether HTML pages are minified (`minify.minifyOutput`).
    pub fn minify_output(&self) -> bool {
        self.raw
            .get("minify")
            .and_then(|m| m.get("minifyoutput"))
            .and_then(Value::as_bool)
            == Some(true)
    }

    /// Whether `disableKinds` names `kind` (`"rss"`, `"taxonomy"`, …, in any case).
    pub fn disables_kind(&self, kind: &str) -> bool {
        match self.raw.get("disablekinds") {
            Some(serde_json::Value::Array(a)) => a
                .iter()
                .any(|v| v.as_str().is_some_and(|s| s.eq_ignore_ascii_case(kind))),
            _ => false,
        }
    }

    /// The path part of baseURL without its trailing slash (`""` or `/workshop`)
    /// that root-relative URLs start with. With `canonifyURLs` they start at
    /// `/` (Hugo adds the context root only without it): the path is then part
    /// of [`Config::base_host`], put before them when they are made absolute.
    pub fn base_path(&self) -> &str {
        if self.canonify_urls {
            return "";
        }
        let after_scheme = match self.base_url.find("://") {
            Some(i) => self.base_url.get(i + 3..).unwrap_or_default(),
            None => self.base_url.as_str(),
        };
        match after_scheme.find('/') {
            Some(i) => after_scheme
                .get(i..)
                .unwrap_or_default()
                .trim_end_matches('/'),
            None => "",
        }
    }

    /// The folder of the built language's files in the output, ending in `/`
    /// (`fr/`), or empty for a language at the root.
    pub fn lang_dir(&self) -> String {
        match self.lang_prefix().trim_start_matches('/') {
            "" => String::new(),
            lang => format!("{lang}/"),
        }
    }

    /// The URL prefix of the built language: `/en` when the default language lives
    /// in a subfolder, else empty.
    pub fn lang_prefix(&self) -> String {
        if self.default_language_in_subdir || self.language != self.default_language {
            format!("/{}", self.language)
        } else {
            String::new()
        }
    }

    /// The languages to build: the configured ones that are not disabled, by weight
    /// (the default language alone when none is configured).
    pub fn languages_to_build(&self) -> Vec<String> {
        let keys: Vec<String> = self
            .languages
            .iter()
            .filter(|l| !l.disabled)
            .map(|l| l.key.clone())
            .collect();
        if keys.is_empty() {
            vec![self.default_language.clone()]
        } else {
            keys
        }
    }

    /// Whether more than one language is built.
    pub fn is_multilingual(&self) -> bool {
        self.languages_to_build().len() > 1
    }

    /// This config as seen by language `key`: its title, params, menus and content
    /// folder take over, and its URLs get its prefix.
    pub fn for_language(&self, key: &str) -> Config {
        let mut view = self.clone();
        view.language = key.to_string();
        if let Some(shortcuts) = self
            .languages
            .iter()
            .find(|l| l.key == key)
            .and_then(|l| l.shortcuts.clone())
        {
            view.shortcuts = shortcuts;
        }
        view
    }

    /// scheme://host of baseURL (empty when baseURL has none): what a
    /// root-relative URL is put after to make it absolute. With `canonifyURLs`,
    /// baseURL's path too (see [`Config::base_path`]).
    pub fn base_host(&self) -> &str {
        if self.canonify_urls && self.base_url.contains("://") {
            return self.base_url.trim_end_matches('/');
        }
        match self.base_url.find("://") {
            Some(i) => {
                let rest = self.base_url.get(i + 3..).unwrap_or_default();
                let end = rest.find('/').map_or(self.base_url.len(), |j| i + 3 + j);
                self.base_url.get(..end).unwrap_or_default()
            }
            None => "",
        }
    }

    /// The configuration of the language being built, if `languages` lists it.
    pub fn language_config(&self) -> Option<&Language> {
        self.languages.iter().find(|l| l.key == self.language)
    }

    /// The language keys a file name suffix may name.
    pub fn is_language(&self, key: &str) -> bool {
        key == self.default_language || self.languages.iter().any(|l| l.key == key)
    }

    /// Site title of the default language (the language's own title wins).
    pub fn site_title(&self) -> &str {
        self.language_config()
            .and_then(|l| l.title.as_deref())
            .unwrap_or(&self.title)
    }

    /// A site param (case-insensitive name), with language params taking precedence.
    pub fn param(&self, name: &str) -> Option<&Value> {
        let key = name.to_lowercase();
        self.language_config()
            .and_then(|l| l.params.get(&key))
            .or_else(|| self.params.get(&key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    #[test]
    fn hugo_toml_wins_over_config_toml() {
        let d = site(&[("hugo.toml", "title = 'A'"), ("config.toml", "title = 'B'")]);
        let c = Config::load(d.path(), &Overrides::default()).unwrap();
        assert_eq!(c.title, "A");
        assert_eq!(c.files, vec![PathBuf::from("hugo.toml")]);
    }

    #[test]
    fn config_dirs_merge_on_top_per_environment() {
        let d = site(&[
            ("config.yaml", "title: A\nparams:\n  a: 1\n  b: 1\n"),
            ("config/_default/params.toml", "b = 2\nc = 2"),
            ("config/production/params.toml", "c = 3"),
            ("config/development/params.toml", "c = 4"),
        ]);
        let c = Config::load(d.path(), &Overrides::default()).unwrap();
        assert_eq!(c.params["a"], 1);
        assert_eq!(c.params["b"], 2);
        assert_eq!(c.params["c"], 3);
    }

    #[test]
    fn keys_are_case_insensitive_and_params_merge_with_theme() {
        let d = site(&[
            (
                "config.toml",
                "Title = 'A'\nbaseURL = 'https://x.io/workshop'\ntheme = 't'\nuglyURLs = true\n[Params]\nEditURL = 'e'\n[markup.goldmark.renderer]\nunsafe = true\n[[menu.shortcuts]]\nname = 'GH'\nurl = '/gh'\nweight = 2",
            ),
            (
                "themes/t/config.toml",
                "[params]\nthemeOnly = 'yes'\neditURL = 'theme'",
            ),
        ]);
        let c = Config::load(d.path(), &Overrides::default()).unwrap();
        assert_eq!(c.params["editurl"], "e");
        assert_eq!(c.params["themeonly"], "yes");
        assert!(c.ugly_urls && c.unsafe_html);
        assert_eq!(c.base_path(), "/workshop");
        assert_eq!(c.base_host(), "https://x.io");
        assert_eq!(c.shortcuts[0].name, "GH");
    }

    #[test]
    fn hugo_environment_variables_override() {
        let mut raw = Map::new();
        let vars = [
            ("HUGO_REFLINKSERRORLEVEL", "WARNING"),
            ("HUGO_PARAMS_EDITURL", "e"),
            ("PATH", "x"),
        ];
        apply_environment(
            &mut raw,
            vars.iter().map(|(k, v)| (k.to_string(), v.to_string())),
        );
        assert_eq!(raw["reflinkserrorlevel"], "WARNING");
        assert_eq!(raw["params"]["editurl"], "e");
        assert!(!raw.contains_key("path"));
    }

    #[test]
    fn missing_config_is_an_error() {
        let d = site(&[("content/_index.md", "")]);
        let e = Config::load(d.path(), &Overrides::default()).unwrap_err();
        assert!(
            e.to_string()
                .contains("Unable to locate config file or config directory")
        );
    }

    #[test]
    fn languages_sort_by_weight_zero_last() {
        let d = site(&[(
            "config.toml",
            "defaultContentLanguage = 'en'\n[languages.fr]\nweight = 2\n[languages.en]\nweight = 1\ntitle = 'English site'\n[languages.de]\n",
        )]);
        let c = Config::load(d.path(), &Overrides::default()).unwrap();
        let keys: Vec<_> = c.languages.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, ["en", "fr", "de"]);
        assert_eq!(c.site_title(), "English site");
    }

    #[test]
    fn bad_config_names_file_line_and_column() {
        let d = site(&[("config.toml", "title = 'A'\nbad = \n")]);
        let e = Config::load(d.path(), &Overrides::default()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("config.toml:2:7: invalid TOML config: "),
            "{e}"
        );
    }

    #[test]
    fn a_theme_named_only_as_a_module_import_is_the_theme() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(
            d.path().join("config.toml"),
            "[module]\n[[module.imports]]\n  path = 'github.com/McShelby/hugo-theme-relearn'\ntheme = 'ignored'\n",
        )
        .unwrap();
        let c = Config::load(d.path(), &Overrides::default()).unwrap();
        assert_eq!(c.theme.as_deref(), Some("hugo-theme-relearn"));
    }
}
