//! The `page` a theme template reads: the library's view of a page plus what
//! only its rendering knows (its URL in the output format, body, table of
//! contents) and the switches the learn and relearn layouts test (table of
//! contents, breadcrumb, edit link, math and mermaid scripts).

use crate::content::{Kind, PageId};
use crate::library::{PageContent, SiteData};
use crate::navigation::PageLink;
use crate::output_format::Format;
use serde_json::{Value, json};

use super::PagePlace;

/// The template view of page `id` rendered at `own_url` with body `content`.
pub fn of(place: &PagePlace<'_, '_>, id: PageId, content: &PageContent, own_url: &str) -> Value {
    let site = &place.build.sites[place.lang];
    let page = &site.tree[id];
    let config = site.config;
    let is_home = page.kind == Kind::Home;
    let chapter =
        page.flag("chapter") || page.text_param("archetype").as_deref() == Some("chapter");
    let mut view = site.page_view(id);
    let Value::Object(m) = &mut view else {
        return view;
    };
    m.insert("url".into(), json!(own_url));
    m.insert(
        "permalink".into(),
        json!(format!("{}{own_url}", config.base_host())),
    );
    m.insert("content".into(), json!(content.html));
    m.insert("toc".into(), json!(content.toc));
    m.insert("chapter".into(), json!(chapter));
    m.insert("archetype".into(), json!(archetype(page, chapter, is_home)));
    // relearn names a taxonomy's list page by its UI string (`T "tags"`).
    if page.kind == Kind::Taxonomy
        && site.flavour.titles_taxonomies_by_ui_string()
        && let Some(title) = place
            .build
            .theme
            .strings
            .get(&config.language)
            .and_then(|s| s.lookup(&page.section_dir))
    {
        m.insert("title".into(), json!(title));
    }
    let show_toc = !is_home && !page.flag("disabletoc") && !chapter;
    m.insert("show_toc".into(), json!(show_toc));
    let show_breadcrumb = !page.flag("disablebreadcrumb")
        && !crate::data_format::truthy(config.param("disablebreadcrumb"));
    m.insert("show_breadcrumb".into(), json!(show_breadcrumb));
    let edit_base = config
        .param("editurl")
        .and_then(Value::as_str)
        .unwrap_or("");
    let edit_url = match &page.file {
        Some(file) if !edit_base.is_empty() && !is_home => {
            Some(format!("{edit_base}{}{}", file.dir, file.logical_name))
        }
        _ => None,
    };
    m.insert("edit_url".into(), json!(edit_url));
    let description = page
        .text_param("description")
        .filter(|d| !d.is_empty())
        .or_else(|| {
            config
                .param("description")
                .and_then(|d| d.as_str().map(String::from))
        })
        .unwrap_or_default();
    m.insert("description".into(), json!(description));
    m.insert("tags".into(), json!([]));
    // MathJax, swagger-ui and mermaid are loaded only where a page uses them.
    use crate::templates::libraries::{MATHJAX, MERMAID, SWAGGER_UI};
    m.insert("has_math".into(), json!(MATHJAX.used_by(&content.html)));
    m.insert(
        "has_openapi".into(),
        json!(SWAGGER_UI.used_by(&content.html)),
    );
    m.insert("has_mermaid".into(), json!(MERMAID.used_by(&content.html)));
    // learn's mermaidInitialize (page, then site); only valid JSON reaches the script.
    let init = page
        .text_param("mermaidinitialize")
        .or_else(|| {
            config
                .param("mermaidinitialize")
                .and_then(|v| v.as_str().map(String::from))
        })
        .filter(|s| serde_json::from_str::<Value>(s).is_ok())
        .unwrap_or_else(|| "{ \"startOnLoad\": true }".to_string());
    m.insert("mermaid_init".into(), json!(init));
    if matches!(page.kind, Kind::Taxonomy | Kind::Term) {
        let format = place.chrome.format;
        let listed: Vec<PageLink> = page
            .children
            .iter()
            .map(|&c| link(site, c, format))
            .collect();
        m.insert("pages".into(), json!(listed));
    }
    view
}

/// A link to page `id` in output format `format`: its URL and title.
pub fn link(site: &SiteData<'_>, id: PageId, format: Format) -> PageLink {
    PageLink {
        url: site.rel_permalink_in(id, format),
        title: site.tree[id].title.clone(),
    }
}

/// relearn's archetype: `archetype` or `type` front matter, learn's `chapter`.
fn archetype(page: &crate::content::Page, chapter: bool, is_home: bool) -> String {
    page.text_param("archetype")
        .or_else(|| {
            page.text_param("type")
                .filter(|t| t == "chapter" || t == "home")
        })
        .unwrap_or_else(|| {
            if chapter {
                "chapter".into()
            } else if is_home {
                "home".into()
            } else {
                "default".into()
            }
        })
}
