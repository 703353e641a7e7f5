//! A page drawn by the site's own Go layout (`layouts/_default/single.html`,
//! `layouts/docs/list.html`, `layouts/404.html`, …) where Hugo's lookup picks
//! it over the theme's: the layout runs with the page as its dot, inside the
//! closest base template when it holds only `define`s, and a partial it calls
//! that the site does not have is the theme's, drawn for this page.
#![allow(clippy::indexing_slicing)] // indices are language numbers of the build, never input

use crate::content::{ContentTree, Kind, PageId};
use crate::error::{Error, Location, Result, Warning};
use crate::gotemplate::value::Value;
use crate::templates::build::Build;
use crate::templates::go::{self as hugo, Env, objects::PageObject};
use crate::templates::page_layouts::{Layer, LayoutKind, Query};

/// Which page a layout draws, in which output format.
#[derive(Debug, Clone, Copy)]
pub struct Target<'t> {
    pub lang: usize,
    /// The page, or `None` for the standalone 404 page.
    pub page: Option<PageId>,
    /// The output format's name (`html`, `amp`, `json`) and media suffix.
    pub format: &'t str,
    pub suffix: &'t str,
    /// Whether the format is plain text (JSON): no HTML escaping.
    pub plain_text: bool,
    /// The pager to draw, from 1 (a list page's `/page/N/`).
    pub pager: usize,
}

/// What a layout drew: its text, and how many pagers the page has when the
/// layout paginated (`.Paginator`), each drawn again at `page/N/`.
#[derive(Debug)]
pub struct Drawn {
    pub text: String,
    pub pagers: Option<usize>,
}

/// The layout (its site-relative path) that labsite runs to draw `target`,
/// if Hugo's lookup picks one it runs: the site's own, or the theme on
/// disk's for a format drawn only from layouts; else labsite's theme draws
/// the page. A layout made of blocks for the theme's base template is not run
/// (labsite's theme is that base): that is said in `warnings`.
pub fn site_layout_for(
    build: &Build<'_>,
    target: &Target<'_>,
    warnings: &mut Vec<Warning>,
) -> Option<String> {
    let site_layouts = &build.theme.site_layouts;
    let layouts = &site_layouts.page_layouts;
    if !layouts.has_site_layouts()
        && !site_layouts.runs_theme_layouts()
        && !site_layouts.has_embedded_page_layouts()
    {
        return None;
    }
    let site = &build.sites[target.lang];
    let lang = site.config.language.as_str();
    let path = target
        .page
        .map(|id| section_path(site.tree, id, &site.config.lang_prefix()))
        .unwrap_or_default();
    let query = match target.page {
        None => Query {
            kind: LayoutKind::NotFound,
            dirs: vec![String::new()],
            layout: None,
            section: "",
            format: target.format,
            suffix: target.suffix,
            lang,
        },
        Some(id) => {
            let page = &site.tree[id];
            Query {
                kind: match page.kind {
                    Kind::Home => LayoutKind::Home,
                    Kind::Section => LayoutKind::Section,
                    Kind::Page => LayoutKind::Page,
                    Kind::Taxonomy => LayoutKind::Taxonomy,
                    Kind::Term => LayoutKind::Term,
                },
                dirs: Query::dirs_of(page.params.get("type").and_then(|t| t.as_str()), &path),
                layout: page.params.get("layout").and_then(|l| l.as_str()),
                section: path.split('/').next().unwrap_or(""),
                format: target.format,
                suffix: target.suffix,
                lang,
            }
        }
    };
    let found = layouts.find(&query)?;
    if found.layer == Layer::Theme
        && let Some(template) = site_layouts.embedded_page_layout(&found.file)
    {
        return Some(template.to_string());
    }
    if !site_layouts.runs(found.layer, &found.path) {
        return None;
    }
    let blocks_only = site_layouts
        .page_layout(&found.path)
        .is_ok_and(|t| site_layouts.templates.only_defines(&t));
    let base = blocks_only.then(|| layouts.baseof(&base_query(build, target)));
    if let Some(Some(theme_base)) = base.filter(|b| b.is_some_and(|b| b.layer == Layer::Theme)) {
        let warning = Warning(format!(
            "{}: its blocks fill the theme's {}, which labsite draws itself; pages it would draw get labsite's theme",
            found.path, theme_base.file
        ));
        if !warnings.contains(&warning) {
            warnings.push(warning);
        }
        return None;
    }
    Some(found.path.clone())
}

/// The query for a base template: the page's folders, any kind.
fn base_query<'q>(build: &'q Build<'_>, target: &Target<'q>) -> Query<'q> {
    let site = &build.sites[target.lang];
    let path = target
        .page
        .map(|id| section_path(site.tree, id, &site.config.lang_prefix()))
        .unwrap_or_default();
    let page_type = target
        .page
        .and_then(|id| site.tree[id].params.get("type").and_then(|t| t.as_str()));
    Query {
        kind: LayoutKind::Page,
        dirs: Query::dirs_of(page_type, &path),
        layout: None,
        section: "",
        format: target.format,
        suffix: target.suffix,
        lang: &site.config.language,
    }
}

/// The site's layout of the home page's JSON output (`layouts/index.json`),
/// which then replaces learn's search index, if Hugo's lookup picks it.
pub fn site_home_json(theme: &crate::templates::Theme, language: &str) -> Option<String> {
    let query = Query {
        kind: LayoutKind::Home,
        dirs: vec![String::new()],
        layout: None,
        section: "",
        format: "json",
        suffix: "json",
        lang: language,
    };
    let found = theme.site_layouts.page_layouts.find(&query)?;
    (found.layer == Layer::Site).then(|| found.path.clone())
}

/// The content path whose folders the page's layouts are looked up in: a
/// section's own, a regular page's section's, a taxonomy's URL path.
fn section_path(tree: &ContentTree, id: PageId, lang_prefix: &str) -> String {
    let page = &tree[id];
    match page.kind {
        Kind::Home => String::new(),
        Kind::Section => page.section_dir.clone(),
        Kind::Page => page
            .parent
            .filter(|&p| tree[p].kind == Kind::Section)
            .map(|p| tree[p].section_dir.clone())
            .unwrap_or_default(),
        Kind::Taxonomy | Kind::Term => page
            .url
            .strip_prefix(lang_prefix)
            .unwrap_or(&page.url)
            .trim_matches('/')
            .trim_end_matches(".html")
            .to_string(),
    }
}

/// Runs the site's layout `file` for `target` with `ctx`, the page's Tera
/// context, for the theme partials it calls. Warnings go to `warnings`.
pub fn render(
    build: &Build<'_>,
    target: &Target<'_>,
    file: &str,
    ctx: &tera::Context,
    warnings: &mut Vec<Warning>,
) -> Result<Drawn> {
    let layouts = &build.theme.site_layouts;
    let template = layouts.page_layout(file)?;
    let site = &build.sites[target.lang];
    let page = target.page.unwrap_or(ContentTree::HOME);
    let label = match target.page {
        Some(id) => site.tree[id].source_label(),
        None => "the 404 page".to_string(),
    };
    let env = Env::new(build, target.lang, page);
    env.set_page_context(ctx.clone());
    env.set_format(target.format);
    env.set_pager(target.pager);
    let dot = match target.page {
        Some(id) => PageObject::value(&env, target.lang, id),
        None => hugo::objects::not_found_page(&env, target.lang),
    };
    let scopes = base_template(build, target, &template)?;
    let (run, scopes) = match scopes {
        Some((base, scopes)) => (base, scopes),
        None => (template, Vec::new()),
    };
    let result = hugo::run_scoped(&env, &run, &scopes, dot, target.plain_text).map_err(|e| {
        Error::at(
            Location::new(&e.file, e.line, e.col),
            format!("{} (in {file}, rendering {label})", e.message),
        )
    });
    let pagers = env.pagers();
    env.finish_into(&label, warnings);
    let html = result?;
    let text = if target.page == Some(ContentTree::HOME) && target.suffix == "html" {
        inject_generator(html, site.config)
    } else {
        html
    };
    Ok(Drawn { text, pagers })
}

/// The template to run and the scopes of its `define`s: the layout itself,
/// or, when it holds only `define`s, the closest base template around it.
fn base_template(
    build: &Build<'_>,
    target: &Target<'_>,
    template: &str,
) -> Result<Option<(String, Vec<String>)>> {
    let layouts = &build.theme.site_layouts;
    if !layouts.templates.only_defines(template) {
        return Ok(None);
    }
    match layouts.page_layouts.baseof(&base_query(build, target)) {
        Some(base) if base.layer == Layer::Site => {
            let base = layouts.page_layout(&base.path)?;
            Ok(Some((base.clone(), vec![template.to_string(), base])))
        }
        // No base template: the layout's own text, as Hugo runs it.
        _ => Ok(None),
    }
}

/// The site's own alias page (`layouts/alias.html`) for an alias of page `id`
/// that leads to `target`, if the site has one: the layout's dot has the
/// target as `.Permalink` and the page as `.Page`.
pub fn render_alias(
    build: &Build<'_>,
    lang: usize,
    id: PageId,
    target: &str,
    warnings: &mut Vec<Warning>,
) -> Option<Result<String>> {
    let layouts = &build.theme.site_layouts;
    if !layouts.page_layouts.site_files().any(|f| f == "alias.html") {
        return None;
    }
    let mut run = || {
        let template = layouts.page_layout("layouts/alias.html")?;
        let env = Env::new(build, lang, id);
        let mut dot = std::collections::BTreeMap::new();
        dot.insert("Permalink".to_string(), Value::str(target));
        dot.insert("Page".to_string(), PageObject::value(&env, lang, id));
        let label = build.sites[lang].tree[id].source_label();
        let result = hugo::run(&env, &template, Value::map(dot)).map_err(|e| {
            Error::at(
                Location::new(&e.file, e.line, e.col),
                format!("{} (in alias.html, an alias of {label})", e.message),
            )
        });
        env.finish_into(&label, warnings);
        result
    };
    Some(run())
}

/// Hugo's generator tag, which it adds to the home page's head when the
/// layout has none (unless `disableHugoGeneratorInject`), naming labsite.
fn inject_generator(html: String, config: &crate::config::Config) -> String {
    if crate::data_format::truthy(config.raw.get("disablehugogeneratorinject"))
        || html.contains("name=\"generator\"")
    {
        return html;
    }
    match html.find("</head>") {
        Some(at) => {
            let mut out = html;
            out.insert_str(at, "\t<meta name=\"generator\" content=\"labsite\">\n");
            out
        }
        None => html,
    }
}
