//! A page's customisation points, as the learn and relearn themes have them:
//! logo, menu footer, favicon, custom header and footer, table of contents, and
//! (learn) the whole header and footer. Each is the site's own Go partial where
//! it has one (`layouts/partials/logo.html`), otherwise the theme's Tera partial
//! of that name. Templates read them as `parts.logo`, `parts.menu_footer`, …

use super::Build;
use super::hugo::{self, Env, objects::PageObject};
use crate::content::PageId;
use crate::error::{Error, Location, Result, Warning};
use crate::theme::Flavour;
use std::collections::HashMap;

/// The points in render order: the sidebar's parts come first, since the
/// sidebar is complete before the header, which includes it.
const POINTS: &[&str] = &[
    "logo.html",
    "menu-footer.html",
    "favicon.html",
    "custom-header.html",
    "custom-footer.html",
    "toc.html",
    "header.html",
    "footer.html",
];

/// Points only the learn flavour has: relearn's page is not cut at the same places.
pub const LEARN_ONLY: &[&str] = &["header.html", "footer.html"];

/// The template key of a point: `menu-footer.html` is `menu_footer`.
fn key(name: &str) -> String {
    name.trim_end_matches(".html").replace('-', "_")
}

/// Renders the parts of page `id` (language `lang`) into `ctx` as `parts`, and
/// the sidebar, which `menu` fills from the parts it shows, as `parts.menu`.
/// Warnings of the site's templates go to `warnings`.
pub fn render(
    build: &Build<'_>,
    lang: usize,
    id: PageId,
    ctx: &mut tera::Context,
    menu: &dyn Fn(&HashMap<String, String>) -> String,
    warnings: &mut Vec<Warning>,
) -> Result<()> {
    let site = &build.sites[lang];
    let theme = site.theme;
    let env = Env::new(build, lang, id);
    let mut parts: HashMap<String, String> = HashMap::new();
    let result = (|| {
        for name in POINTS {
            if theme.flavour == Flavour::Relearn && LEARN_ONLY.contains(name) {
                continue;
            }
            if *name == "header.html" {
                // The sidebar is complete now: the header (Go or Tera) includes it.
                parts.insert("menu".into(), menu(&parts));
                ctx.insert("parts", &parts);
            }
            let html = match theme.site_layouts.partial(name) {
                Some(template) => {
                    // Go templates may call the theme's partials: they see this context.
                    env.set_page_context(ctx.clone());
                    let dot = PageObject::value(&env, lang, id);
                    hugo::run(&env, &template, dot).map_err(|e| {
                        Error::at(
                            Location::new(&e.file, e.line, e.col),
                            format!(
                                "{} (in {name}, rendering {})",
                                e.message,
                                site.tree.pages[id].source_label()
                            ),
                        )
                    })?
                }
                None => {
                    let template = format!("partials/{name}");
                    if theme.tera.get_template_names().any(|n| n == template) {
                        ctx.insert("parts", &parts);
                        theme.render(&template, ctx)?
                    } else {
                        String::new()
                    }
                }
            };
            parts.insert(key(name), html);
        }
        if !parts.contains_key("menu") {
            parts.insert("menu".into(), menu(&parts));
        }
        ctx.insert("parts", &parts);
        Ok(())
    })();
    let label = site.tree.pages[id].source_label();
    for w in env.finish() {
        let w = Warning(format!("{label}: {}", w.0));
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    result
}
