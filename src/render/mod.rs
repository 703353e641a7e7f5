//! The render stage: each page's body through shortcodes and Markdown into HTML,
//! then the whole page through the theme's templates. Every function here is a
//! pure function of read-only site data, so pages can render in parallel.
#![allow(clippy::indexing_slicing)] // indices are language numbers of the build, never input

use crate::content::{ContentTree, Kind, Page, PageId};
use crate::error::{Result, Warning};
use crate::library::{PageContent, SiteData};
use crate::markdown::{self, Settings, toc};
use crate::navigation::{self, Navigation, WalkState};
use crate::output_format::Format;
use crate::shortcode;
use crate::templates::Theme;
use crate::templates::menu::Menu;
pub mod destinations;
pub mod feeds;
pub mod page_view;
pub mod summary;

use crate::templates::build::{Build, PageRendering};
use crate::templates::page::shortcodes::PageShortcodes;
use crate::templates::put;
use serde_json::{Value, json};

thread_local! {
    /// Pages whose bodies this thread is rendering, to stop a page whose
    /// templates read its own `.Content`.
    static RENDERING: std::cell::RefCell<Vec<(usize, PageId)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A page's body for a template that reads `.Content` before the build rendered
/// it: rendered now. A page being rendered has no content yet (empty, as in Hugo,
/// where a shortcode reading its own page's `.Content` gets nothing).
pub fn render_content_nested(
    build: &Build<'_>,
    lang: usize,
    id: PageId,
) -> std::result::Result<PageContent, String> {
    if RENDERING.with(|r| r.borrow().contains(&(lang, id))) {
        return Ok(PageContent::default());
    }
    render_content(build, lang, id).map_err(|e| e.to_string())
}

/// A page's `.Summary` (HTML), from its rendered body: the text before
/// `<!--more-->`, else its `summary` front matter (Markdown), else its first
/// blocks up to 70 words.
pub fn summary_of(site: &SiteData<'_>, id: PageId, content: &PageContent) -> String {
    if let Some(manual) = &content.summary {
        return manual.clone();
    }
    match site.tree[id]
        .text_param("summary")
        .filter(|s| !s.trim().is_empty())
    {
        Some(front) => markdown::markdownify(&front, site.markdown_settings()),
        None => summary::of_html(&content.html),
    }
}

/// [`summary_of`] a page whose body may not be rendered yet.
pub fn summary_html(
    build: &Build<'_>,
    lang: usize,
    id: PageId,
) -> std::result::Result<String, String> {
    let site = &build.sites[lang];
    match build.bodies.get(lang).and_then(|b| b.get(&id)) {
        Some(content) => Ok(summary_of(site, id, content)),
        None => render_content_nested(build, lang, id).map(|c| summary_of(site, id, &c)),
    }
}

/// Page rendering as templates reach it, for a body or summary the build has
/// not made yet.
struct Pages;

impl PageRendering for Pages {
    fn content(
        &self,
        build: &Build<'_>,
        lang: usize,
        id: PageId,
    ) -> std::result::Result<PageContent, String> {
        render_content_nested(build, lang, id)
    }

    fn summary(
        &self,
        build: &Build<'_>,
        lang: usize,
        id: PageId,
    ) -> std::result::Result<String, String> {
        summary_html(build, lang, id)
    }

    fn theme_shortcode(
        &self,
        build: &Build<'_>,
        lang: usize,
        page: PageId,
        name: &str,
        params: &crate::shortcode::lex::Params,
        inner: Option<&str>,
    ) -> Option<std::result::Result<String, String>> {
        crate::templates::page::shortcodes::render_for_template(
            build, lang, page, name, params, inner,
        )
    }
}

/// What the templates of a build reach: `theme`, the languages' `sites`, the
/// `bodies` rendered so far, and page rendering for the rest.
pub fn new_build<'a>(
    theme: &'a Theme,
    sites: &'a [SiteData<'a>],
    bodies: &'a [std::collections::BTreeMap<PageId, PageContent>],
) -> Build<'a> {
    Build::new(theme, sites, bodies, &Pages)
}

/// Renders a page's body: shortcodes expanded, Markdown rendered, shortcode output
/// put back, `<!--more-->` removed.
pub fn render_content(build: &Build<'_>, lang: usize, id: PageId) -> Result<PageContent> {
    RENDERING.with(|r| r.borrow_mut().push((lang, id)));
    // A panic is this page's error, never the end of the build or the server.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        render_body(build, lang, id)
    }));
    RENDERING.with(|r| r.borrow_mut().pop());
    result.unwrap_or_else(|panic| {
        let page = &build.sites[lang].tree[id];
        Err(crate::error::Error::panicked(page.source_label(), &*panic))
    })
}

fn render_body(build: &Build<'_>, lang: usize, id: PageId) -> Result<PageContent> {
    let site = &build.sites[lang];
    let page = &site.tree[id];
    let destinations = destinations::PageDestinations::for_page(site, id);
    let shortcodes = PageShortcodes::new(build, lang, id);
    let settings = Settings {
        destinations: destinations
            .as_ref()
            .map(|d| d as &dyn markdown::Destinations),
        hooks: Some(&shortcodes),
        ..site.markdown_settings()
    };
    let path = page
        .file
        .as_ref()
        .map(|f| f.site_path.clone())
        .unwrap_or_default();
    let source = shortcode::Source {
        path: &path,
        body: &page.body,
        first_line: page.body_line,
    };
    let inner_omitted = std::cell::Cell::new(0usize);
    let render_inner = |md: &str| {
        let r = markdown::render(md, settings);
        inner_omitted.set(inner_omitted.get() + r.raw_html_omitted);
        r.html
    };
    let expanded = shortcode::expand(&source, &shortcodes, &render_inner)?;
    let mut errors = shortcodes.errors.take();
    if !errors.is_empty() {
        return Err(if errors.len() == 1 {
            errors.remove(0)
        } else {
            crate::error::Error::Many(errors)
        });
    }
    let summary = expanded.markdown.find("<!--more-->").map(|i| {
        let before = markdown::render(expanded.markdown.get(..i).unwrap_or_default(), settings);
        shortcode::substitute(&before.html, &expanded.placeholders)
            .trim_end()
            .to_string()
    });
    let body = expanded.markdown.replace("<!--more-->", "");
    let rendered = markdown::render(&body, settings);
    let mut html = shortcode::substitute(&rendered.html, &expanded.placeholders);
    if site.flavour.rewrites_rendered_markdown() {
        html = crate::templates::page::relearn_hooks::apply(site, id, &shortcodes, &html)
            .map_err(|message| crate::error::Error::file(page.source_label(), message))?;
    }
    let toc = toc::render(&rendered.headings, site.toc_levels);
    if html.contains(crate::library::OWN_TOC) {
        html = html.replace(crate::library::OWN_TOC, &toc);
    }
    let summary = summary.map(|s| s.replace(crate::library::OWN_TOC, &toc));
    let mut warnings = expanded.warnings;
    warnings.extend(shortcodes.finish());
    Ok(PageContent {
        plain: summary::plain_text(&html),
        html,
        summary,
        toc,
        raw_html_omitted: rendered.raw_html_omitted + inner_omitted.get(),
        warnings,
    })
}

/// Site-wide parts of every page in one output format: navigation and the sidebar.
pub struct Chrome {
    pub format: Format,
    pub nav: Navigation,
    pub menu: Menu,
}

impl Chrome {
    /// Builds the navigation and renders the sidebar, once per format.
    pub fn build(
        theme: &Theme,
        site: &SiteData<'_>,
        format: Format,
        base: &tera::Context,
    ) -> Result<Chrome> {
        let url_of = |id: PageId| site.rel_permalink_in(id, format);
        let order_by_title = site
            .config
            .param("ordersectionsby")
            .and_then(|v| v.as_str())
            == Some("title");
        // relearn before 6 lists the top-level sections, as learn does.
        let whole_tree = site.flavour.navigates_whole_tree() && !theme.is_relearn_before_6();
        let nav = Navigation::build(site.tree, order_by_title, whole_tree, &url_of);
        let per_page = crate::templates::page::parts::site_points(theme);
        let menu = Menu::render(theme, &nav.menu, base.clone(), &per_page)?;
        Ok(Chrome { format, nav, menu })
    }
}

/// The template a page is rendered with.
pub fn template_for(page: &Page) -> &'static str {
    match page.kind {
        Kind::Home => "home.html",
        Kind::Section => "section.html",
        Kind::Page => "page.html",
        Kind::Taxonomy | Kind::Term => "taxonomy.html",
    }
}

/// The common template variables.
pub fn base_context(site: &SiteData<'_>) -> tera::Context {
    let mut ctx = tera::Context::new();
    let rel_root = format!("{}/", site.config.base_path());
    let home_url = site.rel_permalink(ContentTree::HOME);
    ctx.insert("site", &site.site_view);
    ctx.insert("rel_root", &rel_root);
    ctx.insert("home_url", &home_url);
    ctx.insert("favicon_ico", &site.has_favicon_ico);
    let search =
        site.has_search_index() && !crate::data_format::truthy(site.config.param("disablesearch"));
    ctx.insert("search_enabled", &search);
    ctx.insert(
        "search_index_url",
        &format!(
            "{}{}/index.json",
            site.config.base_path(),
            site.config.lang_prefix()
        ),
    );
    ctx.insert(
        "visited",
        &crate::data_format::truthy(site.config.param("showvisitedlinks")),
    );
    ctx.insert("multilingual", &site.config.is_multilingual());
    ctx.insert("menu_url", &site.menu_url());
    let custom_css: Vec<String> = match site.config.param("custom_css") {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str())
            .map(|s| {
                if s.starts_with('/') || s.contains("://") {
                    s.to_string()
                } else {
                    format!("{rel_root}{s}")
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    ctx.insert("custom_css", &custom_css);
    let shortcuts: Vec<Value> = {
        let mut entries = site.config.shortcuts.clone();
        entries.sort_by_key(|e| e.weight);
        entries
            .iter()
            .map(|e| {
                let target = crate::text::sanitize::url(&e.url);
                // A `pageRef` entry links to its page's URL, as Hugo gives it.
                let page = (!e.page_ref.is_empty() && e.url == e.page_ref)
                    .then(|| site.refs.resolve(&e.page_ref, "").ok())
                    .flatten();
                let url = if let Some(id) = page {
                    site.permalink(id).to_string()
                } else if target.contains("://") || target.starts_with("mailto:") {
                    target.to_string()
                } else {
                    let base = if site.config.base_url.is_empty() {
                        "/".to_string()
                    } else {
                        site.config.base_url.clone()
                    };
                    format!(
                        "{}{}",
                        base.trim_end_matches('/'),
                        if target.starts_with('/') {
                            target.to_string()
                        } else {
                            format!("/{target}")
                        }
                    )
                };
                let html = crate::text::sanitize::author_html;
                json!({"name": html(&e.name), "url": url, "pre": html(&e.pre), "post": html(&e.post)})
            })
            .collect()
    };
    ctx.insert("shortcuts", &shortcuts);
    ctx
}

/// Where a page is rendered: the build, the page's language (index into
/// `build.sites`) and output format.
pub struct PagePlace<'b, 'a> {
    pub build: &'b Build<'a>,
    pub lang: usize,
    pub chrome: &'b Chrome,
    /// The pager of a paginated list page, from 1.
    pub pager: usize,
}

/// Hugo's redirect page to `target` (an alias), in language `lang`.
pub fn alias_page(theme: &Theme, target: &str, lang: &str) -> Result<String> {
    let mut ctx = tera::Context::new();
    ctx.insert("target", target);
    ctx.insert("lang", lang);
    theme.render("alias.html", &ctx)
}

/// Renders the whole HTML page `id`, and how many pagers it has when the
/// site's layout paginated it; the warnings of the site's templates go to
/// `warnings`.
pub fn render_page(
    place: &PagePlace<'_, '_>,
    id: PageId,
    content: &PageContent,
    base: &tera::Context,
    walk: &mut WalkState,
    warnings: &mut Vec<Warning>,
) -> Result<(String, Option<usize>)> {
    let site = &place.build.sites[place.lang];
    let chrome = place.chrome;
    let page = &site.tree[id];
    let config = site.config;
    let format = chrome.format;
    let url_of = |p: PageId| site.rel_permalink_in(p, format);
    let link = |p: PageId| page_view::link(site, p, format);
    let own_url = format!(
        "{}{}",
        config.base_path(),
        crate::text::url::encode_path(&format.url(&page.url, &config.lang_prefix()))
    );
    let view = page_view::of(place, id, content, &own_url);
    let ancestors = site.tree.ancestors(id);
    chrome.nav.walk(&own_url, walk);
    let (prev, next) = if place.build.theme.is_relearn_before_6() {
        // relearn before 6: the neighbours in the walk; no links on print
        // pages; a taxonomy page, outside the walk, leads back to its parent.
        match (format, page.kind) {
            (Format::Print, _) => (None, None),
            (_, Kind::Taxonomy | Kind::Term) => (page.parent, None),
            _ => chrome.nav.neighbours(&own_url),
        }
    } else {
        (walk.prev, walk.next)
    };
    let mut ctx = base.clone();
    put(&mut ctx, "page", view);
    let language_options = match site.translations.get(&id) {
        Some(list) if site.config.is_multilingual() => {
            let mut c = tera::Context::new();
            c.insert("translations", list);
            place
                .build
                .theme
                .render("partials/language_options.html", &c)?
        }
        _ => String::new(),
    };
    let fill_menu = |parts: &std::collections::HashMap<String, String>| {
        let mut slots = parts.clone();
        slots.insert("languages".into(), language_options.clone());
        // learn's home page carries the whole tree; other pages what is open on
        // them (the rest loads from the shared menu file when a reader opens it).
        // relearn before 6 carries the whole tree on every page.
        let full = (page.kind == Kind::Home && site.flavour.shares_sidebar_file())
            || place.build.theme.is_relearn_before_6();
        chrome.menu.for_page(Some(id), &ancestors, &slots, full)
    };
    ctx.insert(
        "breadcrumbs",
        &navigation::breadcrumbs(site.tree, id, &url_of),
    );
    ctx.insert("prev", &prev.map(link));
    ctx.insert("next", &next.map(link));
    let show_prev_next = !page.flag("disablenextprev")
        && !crate::data_format::truthy(config.param("disablenextprev"));
    ctx.insert("show_prev_next", &show_prev_next);
    crate::templates::page::parts::render(
        place.build,
        place.lang,
        id,
        &mut ctx,
        &fill_menu,
        warnings,
    )?;
    let target = crate::templates::page::layout::Target {
        lang: place.lang,
        page: Some(id),
        format: format.name(),
        suffix: "html",
        plain_text: false,
        pager: place.pager,
    };
    if let Some(file) =
        crate::templates::page::layout::site_layout_for(place.build, &target, warnings)
    {
        let drawn =
            crate::templates::page::layout::render(place.build, &target, &file, &ctx, warnings)?;
        return Ok((drawn.text, drawn.pagers));
    }
    // The theme around a body (head, sidebar, footer) is a few kilobytes.
    let expected = content.html.len() + content.toc.len() + 16 * 1024;
    let html = place
        .build
        .theme
        .render_sized(template_for(page), &ctx, expected)?;
    Ok((html, None))
}
