//! A language's RSS feeds and search index: which pages have a feed and what each
//! lists, then every listed page summarised once and the feeds and the index
//! rendered side by side.

use super::{Owners, Site};
use crate::content::PageId;
use crate::error::Result;
use crate::library::{PageContent, SiteData};
use crate::output::{OutputSink, SharedSink};
use crate::render;
use std::collections::{BTreeMap, BTreeSet};

/// A feed to write: the page it is of, its output path, the pages it lists.
pub(super) struct Feed {
    id: PageId,
    path: String,
    items: Vec<PageId>,
}

impl Site {
    /// The RSS feeds of `pages` (those that have one) and the language's search
    /// index. `owners` claims the feeds' paths (a full build).
    pub(super) fn write_feeds(
        &self,
        site: &SiteData<'_>,
        contents: &BTreeMap<PageId, PageContent>,
        pages: &[PageId],
        sink: &mut dyn OutputSink,
        owners: Option<&mut Owners>,
    ) -> Result<()> {
        let feeds = self.plan_feeds(site, pages, owners)?;
        self.write_planned_feeds(site, contents, &feeds, &SharedSink::new(sink))
    }

    /// The feeds of `pages` (those that have one): each with its path and the
    /// pages it lists. `owners` claims their paths (a full build).
    pub(super) fn plan_feeds(
        &self,
        site: &SiteData<'_>,
        pages: &[PageId],
        owners: Option<&mut Owners>,
    ) -> Result<Vec<Feed>> {
        use rayon::prelude::*;
        if self.disabled("rss") {
            return Ok(Vec::new());
        }
        let tree = site.tree;
        let rank = site.ranks();
        let feeds: Vec<Feed> = pages
            .par_iter()
            .copied()
            .filter(|&id| site.outputs.has(tree[id].kind, "rss"))
            .map(|id| Feed {
                id,
                path: crate::output_format::rss_path(&tree[id].url),
                items: render::feeds::feed_items(tree, id, rank),
            })
            .collect();
        if let Some(owners) = owners {
            for feed in &feeds {
                owners.claim(
                    &feed.path,
                    format!("the feed of {}", tree[feed.id].source_label()),
                )?;
            }
        }
        Ok(feeds)
    }

    /// Renders `feeds` and the language's search index into `sink`.
    pub(super) fn write_planned_feeds(
        &self,
        site: &SiteData<'_>,
        contents: &BTreeMap<PageId, PageContent>,
        feeds: &[Feed],
        sink: &SharedSink<'_>,
    ) -> Result<()> {
        use rayon::prelude::*;
        let rank = site.ranks();
        // Every page a feed lists is summarised once; the feeds and the search
        // index are made side by side.
        let listed: BTreeSet<PageId> = feeds
            .iter()
            .flat_map(|feed| feed.items.iter().copied())
            .collect();
        let entries: std::collections::HashMap<PageId, render::feeds::FeedEntry> = listed
            .par_iter()
            .filter_map(|&p| {
                let summary = render::summary_of(site, p, contents.get(&p)?);
                Some(render::feeds::FeedEntry::new(&self.theme, site, p, &summary).map(|e| (p, e)))
            })
            .collect::<Result<_>>()?;
        let entry = |p: PageId| entries.get(&p);
        let (written, index) = rayon::join(
            || {
                // Each written as soon as it is made; the first feed's error in
                // order is the one reported.
                feeds
                    .par_iter()
                    .map(|feed| {
                        let xml =
                            render::feeds::rss(&self.theme, site, feed.id, &feed.items, &entry)?;
                        sink.write_owned(&feed.path, xml.into_bytes())
                    })
                    .collect::<Vec<Result<()>>>()
                    .into_iter()
                    .collect::<Result<()>>()
            },
            || {
                let own_layout = site.outputs.has(crate::content::Kind::Home, "json")
                    && crate::templates::page::layout::site_home_json(
                        &self.theme,
                        &site.config.language,
                    )
                    .is_some();
                (site.has_search_index() && !own_layout).then(|| {
                    let plain = |id: PageId| contents.get(&id).map(|c| c.plain.as_str());
                    render::feeds::search_index(site, &plain, rank)
                })
            },
        );
        written?;
        if let Some(index) = index {
            sink.write_owned(
                &format!("{}index.json", site.config.lang_dir()),
                index.into_bytes(),
            )?;
        }
        Ok(())
    }
}
