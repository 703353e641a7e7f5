//! Files that are not content pages: the 404 page, relearn's search page,
//! `robots.txt`, the sitemap index, the language redirects and the aliases
//! (Hugo's redirect pages).
#![allow(clippy::indexing_slicing)] // indices are language numbers of the build, never input

use super::{LanguageLayout, LanguageOutput, Owners, Site, Stats};
use crate::content;
use crate::error::{Result, Warning};
use crate::output::OutputSink;
use crate::render;
use crate::url_rewrite;

impl Site {
    /// `robots.txt` and, on a multilingual site, the sitemap index.
    pub(super) fn write_site_files(
        &self,
        sitemaps: &[String],
        sink: &mut dyn OutputSink,
        owners: &mut Owners,
    ) -> Result<()> {
        if crate::data_format::truthy(self.config.raw.get("enablerobotstxt"))
            && !self.disabled("robotstxt")
        {
            owners.claim("robots.txt", "robots.txt".into())?;
            sink.write(
                "robots.txt",
                self.theme
                    .render("robots.txt", &tera::Context::new())?
                    .as_bytes(),
            )?;
        }
        if self.config.is_multilingual() && !sitemaps.is_empty() {
            owners.claim("sitemap.xml", "the sitemap index".into())?;
            sink.write_owned(
                "sitemap.xml",
                render::feeds::sitemap_index(&self.theme, sitemaps)?.into_bytes(),
            )?;
        }
        Ok(())
    }

    /// Hugo's language redirects: `/` to the default language when it lives in a
    /// subfolder; `/<default>/` to `/` on a multilingual site when it does not.
    pub(super) fn write_language_redirects(
        &self,
        sink: &mut dyn OutputSink,
        owners: &mut Owners,
        stats: &mut Stats,
        warnings: &mut Vec<Warning>,
    ) -> Result<()> {
        let config = &self.config;
        if crate::data_format::truthy(config.raw.get("disabledefaultlanguageredirect")) {
            return Ok(());
        }
        let root = format!("{}{}/", config.base_host(), config.base_path());
        // With uglyURLs the home page's URL ends in `index.html`, as Hugo links it.
        let index = if config.ugly_urls { "index.html" } else { "" };
        let default_home = format!("{root}{}/{index}", config.default_language);
        if config.default_language_in_subdir {
            self.write_alias(
                "/",
                &default_home,
                "the language redirect".into(),
                None,
                sink,
                owners,
                stats,
            )?;
            if config.ugly_urls {
                // Hugo 0.168 writes the same redirect over the default
                // language's home page too, which then leads to itself.
                let home = format!("{}/index.html", config.default_language);
                let html =
                    render::alias_page(&self.theme, &default_home, &config.default_language)?;
                sink.write_owned(&home, html.into_bytes())?;
                warnings.push(self.home_redirect_warning(&home));
            }
        } else if config.is_multilingual() {
            let from = format!("/{}/", config.default_language);
            self.write_alias(
                &from,
                &root,
                "the language redirect".into(),
                None,
                sink,
                owners,
                stats,
            )?;
        }
        Ok(())
    }

    /// The warning that the home page at `home` became a redirect to itself,
    /// at the `uglyURLs` setting of the config file.
    fn home_redirect_warning(&self, home: &str) -> Warning {
        let place = self.config.files.iter().find_map(|file| {
            let text = std::fs::read_to_string(self.root.join(file)).ok()?;
            let at = text.to_lowercase().find("uglyurls")?;
            let (line, col) = crate::error::line_col(&text, at);
            Some(format!("{}:{line}:{col}", file.display()))
        });
        Warning(format!(
            "{}: with uglyURLs and defaultContentLanguageInSubdir, the root's redirect is written over the home page {home} too, which then redirects to itself, as Hugo 0.168 writes it (set defaultContentLanguageInSubdir = false, or uglyURLs = false, to keep the home page)",
            place.unwrap_or_else(|| "config".into())
        ))
    }

    /// Writes the redirect page of `alias` to `target`: `html` when the
    /// site's own alias layout made it, else the theme's.
    #[allow(clippy::too_many_arguments)] // the page, its text, and the build's three outputs
    pub(super) fn write_alias(
        &self,
        alias: &str,
        target: &str,
        owner: String,
        html: Option<String>,
        sink: &mut dyn OutputSink,
        owners: &mut Owners,
        stats: &mut Stats,
    ) -> Result<()> {
        let path = if alias.ends_with(".html") {
            alias.trim_start_matches('/').to_string()
        } else {
            content::url::output_file(&format!("{}/", alias.trim_end_matches('/')))
        };
        crate::output::check_path(&path)?;
        owners.claim(&path, owner)?;
        let html = match html {
            Some(html) => html,
            None => render::alias_page(&self.theme, target, &self.config.default_language)?,
        };
        sink.write_owned(&path, html.into_bytes())?;
        stats.aliases += 1;
        Ok(())
    }

    /// Pages that are not content: the 404 page, and relearn's search page.
    pub(super) fn write_special_pages(
        &self,
        build: &crate::templates::build::Build<'_>,
        lang: usize,
        layout: &LanguageLayout,
        output: &mut LanguageOutput<'_>,
    ) -> Result<()> {
        let LanguageOutput {
            sink,
            owners,
            stats,
            warnings,
        } = output;
        let config = build.sites[lang].config;
        let base = &layout.base;
        let chromes = &layout.chromes;
        let finish = |html: String, path: &str| url_rewrite::finish(config, html, path);
        let mut special = Vec::new();
        if !self.disabled("404") {
            special.push((
                "404.html",
                "404 Page not found".to_string(),
                "404.html".to_string(),
            ));
        }
        if self.theme.flavour.has_search_page() {
            let title = self
                .theme
                .strings
                .get(&config.language)
                .map_or("Search".into(), |s| s.get("Search"));
            // relearn before 6: the home page in its SEARCHPAGE format, with
            // the home page's title, at `search.html`.
            if self.theme.is_relearn_before_6() {
                let home = build.sites[lang].tree.home().title.clone();
                special.push(("search.html", home, "search.html".to_string()));
            } else {
                special.push(("search.html", title, "search/".to_string()));
            }
        }
        for (template, title, file) in special {
            if !self.theme.tera.get_template_names().any(|n| n == template) {
                continue;
            }
            let url = format!("{}/{file}", config.lang_prefix());
            let path = content::url::output_file(&url);
            let mut ctx = base.clone();
            let page = serde_json::json!({
                "title": title,
                "url": format!("{}{url}", config.base_path()),
                "params": {},
                "description": "",
                "kind": "page",
                "tags": [],
                "toc": "",
                "content": "",
            });
            ctx.insert("page", &page);
            ctx.insert("breadcrumbs", &Vec::<crate::library::Translation>::new());
            // relearn before 6 links its search page back to the home page.
            let home_link =
                (template == "search.html" && self.theme.is_relearn_before_6()).then(|| {
                    render::page_view::link(
                        &build.sites[lang],
                        content::ContentTree::HOME,
                        crate::output_format::Format::Html,
                    )
                });
            ctx.insert("prev", &home_link);
            ctx.insert("next", &None::<String>);
            ctx.insert("show_prev_next", &false);
            let fill_menu = |parts: &std::collections::HashMap<String, String>| {
                chromes
                    .first()
                    .map(|c| c.menu.for_page(None, &[], parts, false))
                    .unwrap_or_default()
            };
            crate::templates::page::parts::render(
                build,
                lang,
                content::ContentTree::HOME,
                &mut ctx,
                &fill_menu,
                warnings,
            )?;
            let target = crate::templates::page::layout::Target {
                lang,
                page: None,
                format: "html",
                suffix: "html",
                plain_text: false,
                pager: 1,
            };
            let site_layout = (template == "404.html")
                .then(|| crate::templates::page::layout::site_layout_for(build, &target, warnings))
                .flatten();
            let html = match site_layout {
                Some(file) => {
                    crate::templates::page::layout::render(build, &target, &file, &ctx, warnings)?
                        .text
                }
                None => self.theme.render(template, &ctx)?,
            };
            owners.claim(&path, format!("the page {template}"))?;
            sink.write_owned(&path, finish(html, &path).into_bytes())?;
            stats.pages += 1;
        }
        self.write_home_json(build, lang, base, &mut **sink, warnings)
    }

    /// The home page's JSON output from the site's own layout (`index.json`),
    /// in place of the theme's search index.
    fn write_home_json(
        &self,
        build: &crate::templates::build::Build<'_>,
        lang: usize,
        base: &tera::Context,
        sink: &mut dyn OutputSink,
        warnings: &mut Vec<crate::error::Warning>,
    ) -> Result<()> {
        let site = &build.sites[lang];
        if !site.outputs.has(content::Kind::Home, "json") {
            return Ok(());
        }
        let Some(file) =
            crate::templates::page::layout::site_home_json(&self.theme, &site.config.language)
        else {
            return Ok(());
        };
        let target = crate::templates::page::layout::Target {
            lang,
            page: Some(content::ContentTree::HOME),
            format: "json",
            suffix: "json",
            plain_text: true,
            pager: 1,
        };
        let json =
            crate::templates::page::layout::render(build, &target, &file, base, warnings)?.text;
        sink.write_owned(
            &format!("{}index.json", site.config.lang_dir()),
            json.into_bytes(),
        )
    }
}
