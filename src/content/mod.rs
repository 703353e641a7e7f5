//! The site's content as a tree of pages (home, sections, regular pages), loaded from
//! `content/` but not yet rendered. Pages live in one arena indexed by [`PageId`];
//! sections list their children's ids in Hugo's default order.

pub mod aliases;
pub mod build_options;
pub mod bundles;
pub mod cascade;
pub mod load;
pub mod sort;
pub mod taxonomy;
pub mod url;
mod walk;

use crate::date::Date;
use serde_json::{Map, Value};
use std::path::PathBuf;

pub use load::load;

/// One page of a [`ContentTree`]. Only the tree makes ids (when a page is added),
/// so an id always names a page of the tree that gave it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct PageId(usize);

impl PageId {
    /// The position of the page in its tree, for tables kept beside the tree.
    pub fn index(self) -> usize {
        self.0
    }

    /// Reads an id back from text that [`Display`](std::fmt::Display) wrote (ids
    /// carried through rendered HTML as markers).
    pub fn parse(text: &str) -> Option<PageId> {
        text.parse().ok().map(PageId)
    }

    /// The id of the `index`-th page, for unit tests that build trees by hand.
    #[cfg(test)]
    pub fn nth(index: usize) -> PageId {
        PageId(index)
    }
}

/// Hugo's page kinds that come from content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Home,
    Section,
    Page,
    /// The list of a taxonomy's terms (`/tags/`).
    Taxonomy,
    /// One term, listing its pages (`/tags/aws/`).
    Term,
}

/// Where a page's file is, in the terms of Hugo's `.File`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceFile {
    /// Path relative to the site root, for messages (`content/labs/intro.md`).
    pub site_path: PathBuf,
    /// Path relative to the content folder with `/` separators (`labs/intro.md`).
    pub path: String,
    /// Folder relative to the content folder, with a trailing `/` unless empty.
    pub dir: String,
    /// File name (`intro.en.md`).
    pub logical_name: String,
    /// File name without extension and language (`intro`).
    pub base_name: String,
}

/// A file of a page's bundle (Hugo's page resource), published next to the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    pub source: PathBuf,
    /// Output path relative to the output folder.
    pub target: String,
    /// Path within the bundle, as the file is named (Hugo's `.Name`: `a.ja.png`).
    pub name: String,
    /// `name` without a language (`a.png`): the versions of one file in each
    /// language share it, and `.Resources.Get` finds the file by it too.
    pub shared_name: String,
    /// The language that publishes the file, when it is another language's
    /// version (Hugo publishes a file once and links every translation to it).
    pub shared_from: Option<String>,
}

impl Resource {
    /// Whether the file is published: Markdown of a bundle is a page resource
    /// that is read, never published, and another language's file is published
    /// by that language.
    pub fn is_published(&self) -> bool {
        !self.is_page() && self.shared_from.is_none()
    }

    /// Whether the file is Markdown: a page resource, read and never published.
    pub fn is_page(&self) -> bool {
        self.name.ends_with(".md") || self.name.ends_with(".markdown")
    }

    /// Whether `.Resources.Get NAME` finds this file: its name, with or without
    /// its language, in any case.
    pub fn answers_to(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name) || self.shared_name.eq_ignore_ascii_case(name)
    }
}

/// One page of the site.
#[derive(Debug, Clone)]
pub struct Page {
    pub kind: Kind,
    /// `None` for a home or section that has no `_index.md`.
    pub file: Option<SourceFile>,
    pub lang: String,
    /// Every front-matter key, lower-cased (Hugo's `.Params`).
    pub params: Map<String, Value>,
    pub title: String,
    pub link_title: String,
    pub weight: i64,
    pub date: Option<Date>,
    pub lastmod: Option<Date>,
    pub publish_date: Option<Date>,
    pub expiry_date: Option<Date>,
    pub draft: bool,
    /// Markdown body (after the front matter).
    pub body: String,
    /// Line of the source file on which `body` starts.
    pub body_line: usize,
    /// URL path relative to the site root (without baseURL's path): `/a/x/`.
    pub url: String,
    /// Whether the page is published at all (false for drafts, future and
    /// expired home and section nodes, which stay in the tree).
    pub render: bool,
    /// Whether it is written, linked and listed (`build`, `headless`).
    pub build: build_options::BuildOptions,
    pub aliases: Vec<String>,
    pub parent: Option<PageId>,
    /// Direct children (regular pages and sections) in Hugo's default order.
    pub children: Vec<PageId>,
    pub resources: Vec<Resource>,
    /// Content folder of the section (`labs/intro`), or of the page's file.
    pub section_dir: String,
}

impl Page {
    /// A page of `kind` with `title` at URL path `url`, everything else empty:
    /// the start for generated pages (taxonomies) and for tests.
    pub fn new(kind: Kind, title: &str, url: &str) -> Page {
        Page {
            kind,
            file: None,
            lang: String::new(),
            params: Map::new(),
            title: title.to_string(),
            link_title: title.to_string(),
            weight: 0,
            date: None,
            lastmod: None,
            publish_date: None,
            expiry_date: None,
            draft: false,
            body: String::new(),
            body_line: 1,
            url: url.to_string(),
            render: true,
            build: build_options::BuildOptions::default(),
            aliases: Vec::new(),
            parent: None,
            children: Vec::new(),
            resources: Vec::new(),
            section_dir: String::new(),
        }
    }

    pub fn param(&self, key: &str) -> Option<&Value> {
        self.params.get(key)
    }

    pub fn flag(&self, key: &str) -> bool {
        crate::data_format::truthy(self.params.get(key))
    }

    pub fn text_param(&self, key: &str) -> Option<String> {
        crate::data_format::as_text(self.params.get(key))
    }

    /// Whether the page is written to its file.
    pub fn is_written(&self) -> bool {
        self.render && self.build.render == build_options::Render::Always
    }

    /// Whether the page has a URL (`build.render` is not `never`).
    pub fn has_url(&self) -> bool {
        self.build.render != build_options::Render::Never
    }

    /// Whether the site's collections (`site.RegularPages`, taxonomies, feeds)
    /// list the page.
    pub fn is_listed_by_site(&self) -> bool {
        self.render && self.build.list == build_options::List::Always
    }

    pub fn is_section_like(&self) -> bool {
        matches!(self.kind, Kind::Home | Kind::Section)
    }

    /// The label the learn menu shows: `menuTitle`, else LinkTitle.
    pub fn menu_title(&self) -> String {
        match self.text_param("menutitle") {
            Some(t) if !t.is_empty() => t,
            _ => self.link_title.clone(),
        }
    }

    /// Where messages about this page point (`content/labs/x.md`, or the folder).
    pub fn source_label(&self) -> String {
        match &self.file {
            Some(f) => f.site_path.display().to_string(),
            None => format!("section {}", self.url),
        }
    }
}

/// All pages of one language, as a tree rooted at the home page (id 0).
#[derive(Debug, Clone, Default)]
pub struct ContentTree {
    pages: Vec<Page>,
}

impl ContentTree {
    pub const HOME: PageId = PageId(0);

    /// Adds a page, giving out its id.
    pub fn push(&mut self, page: Page) -> PageId {
        let id = self.next_id();
        self.pages.push(page);
        id
    }

    /// The number of pages.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    /// Whether the tree has no page yet (never true once loaded: home is page 0).
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// The id the next [`push`](Self::push) gives out.
    pub fn next_id(&self) -> PageId {
        PageId(self.pages.len())
    }

    /// Every page id, in the order pages were added.
    pub fn ids(&self) -> impl Iterator<Item = PageId> + use<> {
        (0..self.next_id().0).map(PageId)
    }

    /// Every page with its id.
    pub fn pages(&self) -> impl Iterator<Item = (PageId, &Page)> {
        self.ids().zip(&self.pages)
    }

    /// Every page, to change in place.
    pub fn pages_mut(&mut self) -> impl Iterator<Item = (PageId, &mut Page)> {
        self.ids().zip(&mut self.pages)
    }

    /// A page's resource (`.Resources.Get NAME`): the file of its bundle at
    /// `name`, as its output path.
    pub fn resource(&self, owner: PageId, name: &str) -> Option<String> {
        self.resource_file(owner, name).map(|r| r.target.clone())
    }

    /// The file of `owner`'s bundle that `.Resources.Get NAME` finds.
    pub fn resource_file(&self, owner: PageId, name: &str) -> Option<&Resource> {
        let name = url::clean(&format!("/{}", name.trim_start_matches('/')));
        let name = name.trim_start_matches('/');
        self[owner].resources.iter().find(|r| r.answers_to(name))
    }

    pub fn home(&self) -> &Page {
        &self[Self::HOME]
    }

    /// Child sections of `id`, in default order.
    pub fn sections(&self, id: PageId) -> impl Iterator<Item = PageId> + '_ {
        self[id]
            .children
            .iter()
            .copied()
            .filter(|&c| self[c].kind == Kind::Section)
    }

    /// The chain of ancestors of `id`, nearest first (home last).
    pub fn ancestors(&self, id: PageId) -> Vec<PageId> {
        let mut out = Vec::new();
        let mut cur = self[id].parent;
        while let Some(p) = cur {
            out.push(p);
            cur = self[p].parent;
        }
        out
    }

    /// Pages that are published (whether or not written), in a stable order.
    pub fn rendered(&self) -> impl Iterator<Item = PageId> + '_ {
        self.pages()
            .filter(|(_, page)| page.render)
            .map(|(id, _)| id)
    }

    /// Pages written to their files, in a stable order.
    pub fn written(&self) -> impl Iterator<Item = PageId> + '_ {
        self.pages()
            .filter(|(_, page)| page.is_written())
            .map(|(id, _)| id)
    }

    /// Pages the site's collections list, in a stable order.
    pub fn listed(&self) -> impl Iterator<Item = PageId> + '_ {
        self.pages()
            .filter(|(_, page)| page.is_listed_by_site())
            .map(|(id, _)| id)
    }
}

impl std::fmt::Display for PageId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A value for every page of one tree, looked up by the page's id.
#[derive(Debug, Clone, Default)]
pub struct PerPage<T>(Vec<T>);

impl<T> PerPage<T> {
    /// The values, in page id order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.0.iter()
    }
}

impl<T> std::ops::Index<PageId> for PerPage<T> {
    type Output = T;
    #[allow(clippy::indexing_slicing)] // ids are given out by the tree the table was made for
    fn index(&self, id: PageId) -> &T {
        &self.0[id.index()]
    }
}

impl ContentTree {
    /// `value` of every page, computed in parallel.
    pub fn per_page<T: Send>(&self, value: impl Fn(&Page) -> T + Sync + Send) -> PerPage<T> {
        use rayon::prelude::*;
        PerPage(self.pages.par_iter().map(value).collect())
    }
}

impl std::ops::Index<PageId> for ContentTree {
    type Output = Page;
    #[allow(clippy::indexing_slicing)] // ids are given out by this tree only
    fn index(&self, id: PageId) -> &Page {
        &self.pages[id.index()]
    }
}

impl std::ops::IndexMut<PageId> for ContentTree {
    #[allow(clippy::indexing_slicing)] // ids are given out by this tree only
    fn index_mut(&mut self, id: PageId) -> &mut Page {
        &mut self.pages[id.index()]
    }
}
