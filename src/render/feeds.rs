//! The site's machine-read files (spec §8): RSS feeds (`index.xml`) of the home and
//! list pages, `sitemap.xml` (a sitemap index on multilingual sites), `robots.txt`
//! and learn's search index (`index.json`).
#![allow(clippy::indexing_slicing)] // indices are keys of the site view it builds, never input

use crate::content::{ContentTree, Kind, PageId, PerPage};
use crate::error::Result;
use crate::library::SiteData;
use crate::templates::Theme;
use serde_json::json;

use crate::output_format::rss_path;

const RSS_DATE: &str = "%a, %d %b %Y %H:%M:%S %z";
const SITEMAP_DATE: &str = "%Y-%m-%dT%H:%M:%S%:z";

/// Regular pages a feed lists: the whole site's for home, the list's own otherwise,
/// in the default order (`rank` is [`crate::content::sort::ranks`] of the tree).
pub fn feed_items(tree: &ContentTree, id: PageId, rank: &PerPage<usize>) -> Vec<PageId> {
    let page = &tree[id];
    match page.kind {
        Kind::Home => {
            let mut all: Vec<PageId> = tree
                .listed()
                .filter(|&p| tree[p].kind == Kind::Page)
                .collect();
            all.sort_by_key(|&p| rank[p]);
            all
        }
        Kind::Section => {
            let mut out = Vec::new();
            let mut stack = vec![id];
            while let Some(s) = stack.pop() {
                for &c in &tree[s].children {
                    match tree[c].kind {
                        Kind::Page => out.push(c),
                        Kind::Section => stack.push(c),
                        _ => {}
                    }
                }
            }
            out.sort_by_key(|&p| rank[p]);
            out
        }
        _ => page
            .children
            .iter()
            .copied()
            .filter(|&c| tree[c].kind == Kind::Page)
            .collect(),
    }
}

/// A page as the feeds that list it show it: its `<item>`, rendered by the
/// theme's `rss_item.xml` once however many feeds list it (a page is in its
/// section's feed, its ancestors' and the home page's).
pub struct FeedEntry {
    xml: String,
}

impl FeedEntry {
    /// The entry of page `id`, whose HTML `.Summary` is `summary`.
    pub fn new(theme: &Theme, site: &SiteData<'_>, id: PageId, summary: &str) -> Result<Self> {
        /// The item's variables (`item.*` in the template).
        #[derive(serde::Serialize)]
        struct Item<'a> {
            title: &'a str,
            link: String,
            pub_date: Option<String>,
            /// The page's `.Summary` (HTML), XML-escaped, as Hugo writes it.
            summary: String,
        }
        let page = &site.tree[id];
        let item = Item {
            title: &page.title,
            link: site.permalink(id),
            pub_date: page
                .publish_date
                .or(page.date)
                .map(|d| d.format(RSS_DATE).to_string()),
            summary: crate::text::escape::xml_escape(summary),
        };
        let mut ctx = tera::Context::new();
        ctx.insert("item", &item);
        Ok(FeedEntry {
            xml: theme.render("rss_item.xml", &ctx)?,
        })
    }
}

/// The RSS feed of list page `id`, listing `items` (its [`feed_items`]) with the
/// entries `entry` gives.
pub fn rss<'e>(
    theme: &Theme,
    site: &SiteData<'_>,
    id: PageId,
    items: &[PageId],
    entry: &dyn Fn(PageId) -> Option<&'e FeedEntry>,
) -> Result<String> {
    let tree = site.tree;
    let page = &tree[id];
    let site_title = site.config.site_title();
    let title = if page.title == site_title || page.title.is_empty() {
        site_title.to_string()
    } else {
        format!("{} on {site_title}", page.title)
    };
    let description = if page.title == site_title || page.title.is_empty() {
        format!("Recent content on {site_title}")
    } else {
        format!("Recent content in {} on {site_title}", page.title)
    };
    let entries: Vec<&FeedEntry> = items.iter().filter_map(|&p| entry(p)).collect();
    let mut xml = String::with_capacity(entries.iter().map(|e| e.xml.len()).sum());
    for e in entries {
        xml.push_str(&e.xml);
    }
    let mut ctx = tera::Context::new();
    ctx.insert("title", &title);
    ctx.insert("link", &site.permalink(id));
    ctx.insert("description", &description);
    ctx.insert("language", &site.site_view["language_code"]);
    ctx.insert(
        "last_build_date",
        &page
            .lastmod
            .or(page.date)
            .map(|d| d.format(RSS_DATE).to_string()),
    );
    ctx.insert(
        "self_link",
        &format!(
            "{}{}/{}",
            site.config.base_host(),
            site.config.base_path(),
            rss_path(&page.url)
        ),
    );
    // The items' XML, joined, is moved in rather than copied.
    crate::templates::put(&mut ctx, "items", serde_json::Value::String(xml));
    theme.render("rss.xml", &ctx)
}

/// The sitemap of one language: every rendered page with its last change.
pub fn sitemap(theme: &Theme, site: &SiteData<'_>) -> Result<String> {
    let tree = site.tree;
    let mut ids: Vec<PageId> = tree.listed().filter(|&id| tree[id].is_written()).collect();
    ids.sort_by_key(|&id| site.permalink(id));
    let urls: Vec<_> = ids
        .into_iter()
        .map(|id| {
            json!({
                "loc": site.permalink(id),
                "lastmod": tree[id].lastmod.map(|d| d.format(SITEMAP_DATE).to_string()),
            })
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("urls", &urls);
    theme.render("sitemap.xml", &ctx)
}

/// The sitemap index of a multilingual site, listing each language's sitemap.
pub fn sitemap_index(theme: &Theme, sitemaps: &[String]) -> Result<String> {
    let mut ctx = tera::Context::new();
    ctx.insert("sitemaps", sitemaps);
    theme.render("sitemapindex.xml", &ctx)
}

/// learn's search index: every page of the language in default order, with its
/// title, tags, description and plain text.
pub fn search_index<'p>(
    site: &SiteData<'_>,
    plain: &(dyn Fn(PageId) -> Option<&'p str> + Sync),
    rank: &PerPage<usize>,
) -> String {
    use rayon::prelude::*;
    /// One page of the index, as learn's search reads it; its keys in Go's order
    /// for a map (sorted), as Hugo's `jsonify` writes them.
    #[derive(serde::Serialize)]
    struct Entry<'a> {
        content: &'a str,
        description: String,
        tags: Vec<String>,
        title: &'a str,
        uri: String,
    }
    let tree = site.tree;
    let mut ids: Vec<PageId> = tree.listed().collect();
    ids.sort_by_key(|&p| rank[p]);
    // Entries are written in parallel, then joined in the pages' order.
    let entries: Vec<String> = ids
        .par_iter()
        .filter(|&&id| tree[id].text_param("type").as_deref() != Some("json"))
        .filter_map(|&id| {
            let page = &tree[id];
            let tags: Vec<String> = match page.params.get("tags") {
                Some(serde_json::Value::Array(a)) => a
                    .iter()
                    .filter_map(|v| crate::data_format::as_text(Some(v)))
                    .collect(),
                _ => Vec::new(),
            };
            let entry = Entry {
                content: plain(id).unwrap_or_default(),
                description: page.text_param("description").unwrap_or_default(),
                tags,
                title: &page.title,
                uri: site.permalink(id),
            };
            serde_json::to_string(&entry)
                .ok()
                .map(|json| crate::text::escape::go_json(&json))
        })
        .collect();
    // The index of a large site is megabytes: made at its final size, once.
    let size = entries.iter().map(|e| e.len() + 1).sum::<usize>() + 2;
    let mut index = String::with_capacity(size);
    index.push('[');
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            index.push(',');
        }
        index.push_str(entry);
    }
    index.push(']');
    index
}
