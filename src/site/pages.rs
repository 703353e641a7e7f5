//! Writes a language's content pages, in every output format each has: pages
//! render in parallel, a chunk at a time, and are written in page order, so the
//! output and the warnings do not depend on scheduling.
#![allow(clippy::indexing_slicing)] // indices are page ids and language numbers of the build, never input

use super::{LanguageLayout, LanguageOutput, merge_warnings};
use crate::content::{self, PageId};
use crate::error::{Result, Warning};
use crate::navigation::WalkState;
use crate::render;
use rayon::prelude::*;

/// Pages rendered at once before they are written (bounds the memory held).
const CHUNK: usize = 64;

/// The files of one page: (output path, HTML), and its warnings.
type PageFiles = (Vec<(String, String)>, Vec<Warning>);

/// Renders and writes pages `ids` of language `lang`; their output paths are
/// claimed first, so a collision is reported whatever renders first.
pub fn write(
    build: &render::Build<'_>,
    lang: usize,
    layout: &LanguageLayout,
    ids: &[PageId],
    output: &mut LanguageOutput<'_>,
) -> Result<()> {
    let site = &build.sites[lang];
    let tree = site.tree;
    let formats = |id: PageId| {
        let kind = tree.pages[id].kind;
        layout
            .chromes
            .iter()
            .filter(move |c| site.outputs.of(kind).contains(&c.format))
    };
    for &id in ids {
        for chrome in formats(id) {
            let path = content::url::output_file(&chrome.format.url(&tree.pages[id].url));
            output.owners.claim(&path, tree.pages[id].source_label())?;
        }
    }
    let render_one = |id: PageId| -> Result<PageFiles> {
        let page = &tree.pages[id];
        let body = &build.bodies[lang][&id];
        let mut walk = WalkState::default();
        let mut warnings = Vec::new();
        let mut files = Vec::new();
        for chrome in formats(id) {
            let path = content::url::output_file(&chrome.format.url(&page.url));
            let place = render::PagePlace {
                build,
                lang,
                chrome,
            };
            let html =
                render::render_page(&place, id, body, &layout.base, &mut walk, &mut warnings)?;
            files.push((
                path.clone(),
                crate::url_rewrite::finish(site.config, html, &path),
            ));
        }
        Ok((files, warnings))
    };
    for chunk in ids.chunks(CHUNK) {
        let rendered: Vec<Result<PageFiles>> = chunk.par_iter().map(|&id| render_one(id)).collect();
        for result in rendered {
            let (files, warnings) = result?;
            for (path, html) in files {
                output.sink.write(&path, html.as_bytes())?;
                output.stats.pages += 1;
            }
            merge_warnings(output.warnings, &warnings);
        }
    }
    Ok(())
}
