//! A page's customisation points, as the learn and relearn themes have them:
//! logo, menu footer, favicon, custom header and footer, table of contents, and
//! (learn) the whole header and footer. Where the site has its own Go partial
//! (`layouts/partials/logo.html`), it runs for each page and templates find its
//! output as `parts.logo`, `parts.menu_footer`, …; where it has none, templates
//! include the theme's Tera partial of that name themselves.
#![allow(clippy::indexing_slicing)] // indices are language numbers of the build, never input

use crate::content::PageId;
use crate::error::{Error, Location, Result, Warning};
use crate::templates::build::Build;
use crate::templates::go::{self as hugo, Env, objects::PageObject};
use std::collections::HashMap;

/// The parts as a template value, moved, not copied.
fn as_object(parts: HashMap<String, String>) -> serde_json::Value {
    serde_json::Value::Object(
        parts
            .into_iter()
            .map(|(k, v)| (k, serde_json::Value::String(v)))
            .collect(),
    )
}

/// The template key of a point: `menu-footer.html` is `menu_footer`.
fn key(name: &str) -> String {
    name.trim_end_matches(".html").replace('-', "_")
}

/// The template keys of the parts the site makes itself (`logo`, `menu_footer`…).
pub fn site_points(theme: &crate::templates::Theme) -> Vec<String> {
    theme.site_points().into_iter().map(key).collect()
}

/// Runs the site's partials for page `id` (language `lang`) into `ctx` as
/// `parts`, with the sidebar, which `menu` fills from the parts it shows, as
/// `parts.menu`. Warnings of the site's templates go to `warnings`.
pub fn render(
    build: &Build<'_>,
    lang: usize,
    id: PageId,
    ctx: &mut tera::Context,
    menu: &dyn Fn(&HashMap<String, String>) -> String,
    warnings: &mut Vec<Warning>,
) -> Result<()> {
    let site = &build.sites[lang];
    let theme = build.theme;
    let mut parts: HashMap<String, String> = HashMap::new();
    let own = theme.site_points();
    if own.is_empty() {
        parts.insert("menu".into(), menu(&parts));
        crate::templates::put(ctx, "parts", as_object(parts));
        return Ok(());
    }
    let env = Env::new(build, lang, id);
    let result = (|| {
        for name in own {
            if name == "header.html" && !parts.contains_key("menu") {
                // The sidebar is complete now: the header includes it.
                parts.insert("menu".into(), menu(&parts));
            }
            ctx.insert("parts", &parts);
            let Some(template) = theme.site_layouts.partial(name) else {
                continue;
            };
            // Go templates may call the theme's partials: they see this context.
            env.set_page_context(ctx.clone());
            let dot = PageObject::value(&env, lang, id);
            let html = hugo::run(&env, &template, dot).map_err(|e| {
                Error::at(
                    Location::new(&e.file, e.line, e.col),
                    format!(
                        "{} (in {name}, rendering {})",
                        e.message,
                        site.tree[id].source_label()
                    ),
                )
            })?;
            parts.insert(key(name), html);
        }
        if !parts.contains_key("menu") {
            parts.insert("menu".into(), menu(&parts));
        }
        crate::templates::put(ctx, "parts", as_object(std::mem::take(&mut parts)));
        Ok(())
    })();
    let label = site.tree[id].source_label();
    env.finish_into(&label, warnings);
    result
}
