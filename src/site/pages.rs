//! Writes a language's content pages, in every output format each has: pages
//! render in parallel and each is handed to the output as soon as it is ready
//! (every page has its own paths, so the order they are written in does not
//! matter); warnings are kept in page order and the error reported is the first
//! page's that failed, so neither depends on scheduling.
#![allow(clippy::indexing_slicing)] // indices are language numbers of the build and pages it rendered, never input

use super::{LanguageLayout, LanguageOutput, Owners, merge_warnings};
use crate::content::{self, PageId};
use crate::error::{Result, Warning};
use crate::navigation::WalkState;
use crate::output::SharedSink;
use crate::render;
use crate::templates::page::layout as site_layout;
use rayon::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The files of one page: (output path, HTML), and its warnings.
type PageFiles = (Vec<(String, String)>, Vec<Warning>);

/// What writing one page came to: how many files, and its warnings; `None` for a
/// page after one that failed, left unrendered.
type Written = Option<Result<(usize, Vec<Warning>)>>;

/// The output formats page `id` is written in.
fn formats<'l>(
    site: &'l crate::library::SiteData<'_>,
    layout: &'l LanguageLayout,
    id: PageId,
) -> impl Iterator<Item = &'l render::Chrome> {
    let kind = site.tree[id].kind;
    layout
        .chromes
        .iter()
        .filter(move |c| site.outputs.of(kind).contains(&c.format))
}

/// The formats of page `id` drawn from the site's layouts that it has a
/// layout for: each as a target, its output path and the layout's file.
fn custom_files<'s>(
    build: &'s crate::templates::build::Build<'_>,
    lang: usize,
    id: PageId,
    warnings: &mut Vec<Warning>,
) -> Vec<(site_layout::Target<'s>, String, String)> {
    let site = &build.sites[lang];
    let page = &site.tree[id];
    let mut files = Vec::new();
    for format in site.outputs.custom_of(page.kind) {
        let target = site_layout::Target {
            lang,
            page: Some(id),
            format: &format.name,
            suffix: &format.suffix,
            plain_text: format.plain_text,
            pager: 1,
        };
        if let Some(file) = site_layout::site_layout_for(build, &target, warnings) {
            let url = format.url(&page.url, &site.config.lang_prefix());
            files.push((target, url.trim_start_matches('/').to_string(), file));
        }
    }
    files
}

/// The further pagers of a paginated list page at `url` (`/posts/`), drawn
/// at `/posts/page/N/`, and the redirect from `/posts/page/1/` to the page.
fn pager_files(
    place: &render::PagePlace<'_, '_>,
    id: PageId,
    url: &str,
    pagers: usize,
    base_context: &tera::Context,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<(String, String)>> {
    let site = &place.build.sites[place.lang];
    let body = &place.build.bodies[place.lang][&id];
    let base = format!("{}/", url.trim_end_matches('/'));
    let mut files = Vec::new();
    let target = format!("{}{}", site.config.base_host(), site.rel_permalink(id));
    let first = content::url::output_file(&format!("{base}page/1/"));
    let redirect = render::alias_page(place.build.theme, &target, &site.config.language)?;
    files.push((first, redirect));
    for number in 2..=pagers {
        let pager = render::PagePlace {
            pager: number,
            ..*place
        };
        let mut walk = WalkState::default();
        let (html, _) = render::render_page(&pager, id, body, base_context, &mut walk, warnings)?;
        let path = content::url::output_file(&format!("{base}page/{number}/"));
        files.push((
            path.clone(),
            crate::url_rewrite::finish(site.config, html, &path),
        ));
    }
    Ok(files)
}

/// Claims the output paths of pages `ids` of language `lang`, before any renders,
/// so that a collision is reported whatever renders first.
pub fn claim(
    build: &crate::templates::build::Build<'_>,
    lang: usize,
    layout: &LanguageLayout,
    ids: &[PageId],
    owners: &mut Owners,
) -> Result<()> {
    let site = &build.sites[lang];
    for &id in ids {
        let page = &site.tree[id];
        for chrome in formats(site, layout, id) {
            let path = content::url::output_file(
                &chrome.format.url(&page.url, &site.config.lang_prefix()),
            );
            owners.claim(&path, page.source_label())?;
        }
        for (_, path, _) in custom_files(build, lang, id, &mut Vec::new()) {
            owners.claim(&path, page.source_label())?;
        }
    }
    Ok(())
}

/// Renders pages `ids` of language `lang` (claimed before) and writes them to
/// `sink`: how many files, and the pages' warnings in page order.
pub fn render(
    build: &crate::templates::build::Build<'_>,
    lang: usize,
    layout: &LanguageLayout,
    ids: &[PageId],
    sink: &SharedSink<'_>,
) -> Result<(usize, Vec<Warning>)> {
    let site = &build.sites[lang];
    let render_one = |id: PageId| -> Result<PageFiles> {
        let page = &site.tree[id];
        let body = &build.bodies[lang][&id];
        let mut walk = WalkState::default();
        let mut warnings = Vec::new();
        let mut files = Vec::new();
        for chrome in formats(site, layout, id) {
            let path = content::url::output_file(
                &chrome.format.url(&page.url, &site.config.lang_prefix()),
            );
            let place = render::PagePlace {
                build,
                lang,
                chrome,
                pager: 1,
            };
            let (html, pagers) =
                render::render_page(&place, id, body, &layout.base, &mut walk, &mut warnings)?;
            files.push((
                path.clone(),
                crate::url_rewrite::finish(site.config, html, &path),
            ));
            if let Some(pagers) = pagers {
                let url = chrome.format.url(&page.url, &site.config.lang_prefix());
                files.extend(pager_files(
                    &place,
                    id,
                    &url,
                    pagers,
                    &layout.base,
                    &mut warnings,
                )?);
            }
        }
        for (target, path, file) in custom_files(build, lang, id, &mut warnings) {
            let text =
                site_layout::render(build, &target, &file, &layout.base, &mut warnings)?.text;
            files.push((path, text));
        }
        Ok((files, warnings))
    };
    // Pages after one that failed need not render: its error is the one reported.
    let first_failed = AtomicUsize::new(usize::MAX);
    let outcomes: Vec<Written> = ids
        .par_iter()
        .enumerate()
        .map(|(i, &id)| {
            if first_failed.load(Ordering::Relaxed) < i {
                return None;
            }
            // A panic is this page's error, never the end of the build.
            let rendered =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| render_one(id)))
                    .unwrap_or_else(|panic| {
                        Err(crate::error::Error::panicked(
                            site.tree[id].source_label(),
                            &*panic,
                        ))
                    });
            let outcome = rendered.and_then(|(files, warnings)| {
                let count = files.len();
                for (path, html) in files {
                    sink.write_owned(&path, html.into_bytes())?;
                }
                Ok((count, warnings))
            });
            if outcome.is_err() {
                first_failed.fetch_min(i, Ordering::Relaxed);
            }
            Some(outcome)
        })
        .collect();
    let mut written = 0;
    let mut warnings = Vec::new();
    for outcome in outcomes.into_iter().flatten() {
        let (count, page_warnings) = outcome?;
        written += count;
        merge_warnings(&mut warnings, &page_warnings);
    }
    Ok((written, warnings))
}

/// Claims, renders and writes pages `ids` of language `lang`.
pub fn write(
    build: &crate::templates::build::Build<'_>,
    lang: usize,
    layout: &LanguageLayout,
    ids: &[PageId],
    output: &mut LanguageOutput<'_>,
) -> Result<()> {
    claim(build, lang, layout, ids, output.owners)?;
    let (count, warnings) = render(
        build,
        lang,
        layout,
        ids,
        &SharedSink::new(&mut *output.sink),
    )?;
    output.stats.pages += count;
    merge_warnings(output.warnings, &warnings);
    Ok(())
}
