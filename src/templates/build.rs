//! What a page's templates can reach: the theme, every language's site data,
//! the bodies rendered so far, the build's `now`, and page rendering itself
//! through [`PageRendering`] for a body or summary not rendered yet.

use super::Theme;
use crate::content::PageId;
use crate::library::{PageContent, SiteData};

/// What a build's templates can reach: every language's site data, the page
/// bodies rendered so far (per language), and the build's `now`.
pub struct Build<'a> {
    pub theme: &'a Theme,
    pub sites: &'a [SiteData<'a>],
    pub bodies: &'a [std::collections::BTreeMap<PageId, PageContent>],
    /// `now` in templates: `SOURCE_DATE_EPOCH` or the newest date of the content,
    /// so that two builds of the same input are the same.
    pub now: crate::date::Date,
    /// Page rendering, for what templates read before the build has it.
    pages: &'a dyn PageRendering,
}

/// What templates ask of page rendering (which sits above them): a page's body
/// (`.Content`) or summary (`.Summary`) before the build rendered it.
pub trait PageRendering: Sync {
    /// The body of page `id` of language `lang`, rendered now.
    fn content(&self, build: &Build<'_>, lang: usize, id: PageId) -> Result<PageContent, String>;
    /// The summary (HTML) of page `id` of language `lang`.
    fn summary(&self, build: &Build<'_>, lang: usize, id: PageId) -> Result<String, String>;
    /// The theme's shortcode `name` run for a Go template (relearn's `partial
    /// "shortcodes/NAME.html" (dict …)`) on page `page` of language `lang`, with
    /// `params` and `inner`; `None` when the theme has no such shortcode.
    fn theme_shortcode(
        &self,
        build: &Build<'_>,
        lang: usize,
        page: PageId,
        name: &str,
        params: &crate::shortcode::lex::Params,
        inner: Option<&str>,
    ) -> Option<Result<String, String>>;
}

impl<'a> Build<'a> {
    pub fn new(
        theme: &'a Theme,
        sites: &'a [SiteData<'a>],
        bodies: &'a [std::collections::BTreeMap<PageId, PageContent>],
        pages: &'a dyn PageRendering,
    ) -> Build<'a> {
        use chrono::{Offset, TimeZone};
        let utc = chrono::Utc.fix();
        let from_env = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .and_then(|secs| utc.timestamp_opt(secs, 0).single());
        let newest = sites
            .iter()
            .flat_map(|s| s.tree.pages().map(|(_, page)| page))
            .filter_map(|p| p.lastmod.or(p.date))
            .max();
        let now = from_env
            .or(newest)
            .unwrap_or_else(|| chrono::DateTime::UNIX_EPOCH.fixed_offset());
        Build {
            theme,
            sites,
            bodies,
            now,
            pages,
        }
    }

    /// The body of page `id` of language `lang`, rendered now when the build has
    /// not rendered it yet.
    pub fn content(&self, lang: usize, id: PageId) -> Result<PageContent, String> {
        self.pages.content(self, lang, id)
    }

    /// The summary (HTML) of page `id` of language `lang`.
    pub fn summary(&self, lang: usize, id: PageId) -> Result<String, String> {
        self.pages.summary(self, lang, id)
    }

    /// The theme's shortcode `name` run for a Go template (see
    /// [`PageRendering::theme_shortcode`]).
    pub fn theme_shortcode(
        &self,
        lang: usize,
        page: PageId,
        name: &str,
        params: &crate::shortcode::lex::Params,
        inner: Option<&str>,
    ) -> Option<Result<String, String>> {
        self.pages
            .theme_shortcode(self, lang, page, name, params, inner)
    }
}
