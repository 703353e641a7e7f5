//! `.Page`: a page as Go templates see it, and the pages it leads to.

use super::Env;
use super::date::date_value;
use super::objects::{Answer, obj, text_arg};
use super::objects::{FileObject, ResourceObject, SiteObject};
use super::site::language_value;
use crate::content::{Kind, Page, PageId};
use crate::gotemplate::funcs::strip_html;
use crate::gotemplate::value::{Object, Value};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A page of one language of the build.
pub struct PageObject<'a> {
    pub env: Rc<Env<'a>>,
    pub lang: usize,
    pub id: PageId,
}

impl<'a> PageObject<'a> {
    pub fn value(env: &Rc<Env<'a>>, lang: usize, id: PageId) -> Value<'a> {
        obj(PageObject {
            env: env.clone(),
            lang,
            id,
        })
    }

    fn site(&self) -> &'a crate::library::SiteData<'a> {
        &self.env.build.sites[self.lang]
    }

    fn page(&self) -> &'a Page {
        &self.site().tree[self.id]
    }

    fn page_value(&self, id: PageId) -> Value<'a> {
        PageObject::value(&self.env, self.lang, id)
    }

    fn pages(&self, ids: impl Iterator<Item = PageId>) -> Value<'a> {
        Value::list(ids.map(|id| self.page_value(id)).collect())
    }

    /// The page's rendered body, rendering it now if the build has not yet.
    fn content(&self) -> Result<crate::library::PageContent, String> {
        if let Some(c) = self
            .env
            .build
            .bodies
            .get(self.lang)
            .and_then(|b| b.get(&self.id))
        {
            return Ok(c.clone());
        }
        self.env.build.content(self.lang, self.id)
    }

    /// The term pages of taxonomy `plural` (`tags`) the page is listed on, in
    /// the order of its front matter (`.GetTerms`).
    fn terms(&self, plural: &str) -> Value<'a> {
        let site = &self.env.build.sites[self.lang];
        let page = &site.tree[self.id];
        let tree = &site.tree;
        let wanted: Vec<String> = match page.params.get(plural) {
            Some(serde_json::Value::Array(values)) => values
                .iter()
                .filter_map(|v| crate::data_format::as_text(Some(v)))
                .map(|v| crate::text::url::sanitize(&v))
                .collect(),
            Some(v) => crate::data_format::as_text(Some(v))
                .map(|v| crate::text::url::sanitize(&v))
                .into_iter()
                .collect(),
            None => Vec::new(),
        };
        let taxonomy = tree
            .pages()
            .find(|(_, p)| p.kind == Kind::Taxonomy && p.section_dir == plural);
        let mut terms: Vec<(usize, PageId)> = taxonomy
            .map(|(_, t)| {
                t.children
                    .iter()
                    .copied()
                    .filter(|&term| tree[term].children.contains(&self.id))
                    .filter_map(|term| {
                        let key = tree[term]
                            .url
                            .trim_end_matches('/')
                            .rsplit('/')
                            .next()?
                            .trim_end_matches(".html")
                            .to_string();
                        Some((wanted.iter().position(|w| *w == key)?, term))
                    })
                    .collect()
            })
            .unwrap_or_default();
        terms.sort();
        Value::list(
            terms
                .into_iter()
                .map(|(_, term)| PageObject::value(&self.env, self.lang, term))
                .collect(),
        )
    }

    /// Hugo's `.Section`: the first folder of the page's path.
    /// Hugo's `.Path`: the page's place in the content tree, lower case,
    /// without extension or language (`/`, `/labs`, `/labs/intro`, `/tags/mpi`).
    fn logical_path(&self) -> String {
        let page = self.page();
        let path = match &page.file {
            Some(f) if matches!(f.base_name.as_str(), "_index" | "index") => f.dir.clone(),
            Some(f) => format!("{}{}", f.dir, f.base_name),
            None => page.url.trim_end_matches(".html").to_string(),
        };
        format!("/{}", path.trim_matches('/'))
            .to_lowercase()
            .replace(' ', "-")
    }

    /// Hugo's `.Section`: the first folder of the page's path, lower case as
    /// Hugo normalises paths.
    fn section(&self) -> String {
        let page = self.page();
        let dir = match &page.file {
            Some(f) => f.dir.clone(),
            None => page.section_dir.clone(),
        };
        let first = dir.trim_matches('/').split('/').next().unwrap_or("");
        let section = if page.kind == Kind::Section && first.is_empty() {
            page.section_dir.as_str()
        } else if matches!(page.kind, Kind::Taxonomy | Kind::Term) {
            page.url.trim_matches('/').split('/').next().unwrap_or("")
        } else {
            first
        };
        section.to_lowercase()
    }

    fn first_section(&self) -> PageId {
        let tree = &self.site().tree;
        let mut chain = tree.ancestors(self.id);
        chain.insert(0, self.id);
        chain
            .into_iter()
            .rev()
            .find(|&p| tree[p].kind == Kind::Section)
            .unwrap_or(crate::content::ContentTree::HOME)
    }

    /// The page a template value holds, when it is a page of this language.
    fn page_of_language(&self, value: &Value<'a>) -> Option<PageId> {
        let Value::Object(object) = value else {
            return None;
        };
        let payload = object.payload()?;
        let &(lang, id) = payload.downcast_ref::<(usize, PageId)>()?;
        (lang == self.lang).then_some(id)
    }

    /// The section a page is in: itself for the home page and a section.
    fn current_section(&self, id: PageId) -> Option<PageId> {
        let page = &self.site().tree[id];
        if page.is_section_like() {
            Some(id)
        } else {
            page.parent
        }
    }

    /// The page before (`before`) or after this one in `ordered`, regular
    /// pages in Hugo's default order.
    fn neighbour(&self, ordered: &[PageId], before: bool) -> Value<'a> {
        if self.page().kind != Kind::Page {
            return Value::Nil;
        }
        // `ordered` is sorted by rank: the page is found by its own.
        let rank = self.site().ranks();
        let Ok(at) = ordered.binary_search_by_key(&rank[self.id], |&p| rank[p]) else {
            return Value::Nil;
        };
        let neighbour = if before {
            at.checked_sub(1).and_then(|i| ordered.get(i))
        } else {
            ordered.get(at + 1)
        };
        neighbour.map_or(Value::Nil, |&p| self.page_value(p))
    }

    /// Whether the summary leaves out some of the content: never for a
    /// summary from front matter, else when the content goes on after it.
    fn truncated(&self) -> Result<bool, String> {
        let content = self.content()?;
        let from_front_matter = self
            .page()
            .text_param("summary")
            .is_some_and(|s| !s.trim().is_empty());
        if content.summary.is_none() && from_front_matter {
            return Ok(false);
        }
        let summary = self.env.build.summary(self.lang, self.id)?;
        Ok(summary.trim() != content.html.trim())
    }

    /// The page's parameters as Hugo holds them: its front matter with the
    /// dates as times (lastmod and publishdate default to the date) and the
    /// draft and CJK flags always there.
    fn params(&self) -> Value<'a> {
        let page = self.page();
        let mut params: BTreeMap<String, Value<'a>> = page
            .params
            .iter()
            .map(|(key, value)| (key.clone(), Value::from_json(value)))
            .collect();
        let dates = [
            ("date", page.date),
            ("lastmod", page.lastmod.or(page.date)),
            ("publishdate", page.publish_date.or(page.date)),
            ("expirydate", page.expiry_date),
        ];
        for (key, date) in dates {
            if date.is_some() {
                params.insert(key.to_string(), date_value(date));
            }
        }
        params.insert("draft".into(), Value::Bool(page.draft));
        params
            .entry("iscjklanguage".into())
            .or_insert(Value::Bool(false));
        Value::map(params)
    }

    fn translations(&self, include_self: bool) -> Value<'a> {
        let Some(list) = self.site().translations.get(&self.id) else {
            return if include_self {
                Value::list(vec![self.page_value(self.id)])
            } else {
                Value::list(Vec::new())
            };
        };
        Value::list(
            list.iter()
                .filter(|t| include_self || !t.current)
                .map(|t| PageObject::value(&self.env, t.site, t.page))
                .collect(),
        )
    }
}

impl<'a> Object<'a> for PageObject<'a> {
    fn method(&self, name: &str, args: &[Value<'a>]) -> Answer<'a> {
        let page = self.page();
        let site = self.site();
        let tree = &site.tree;
        Some(Ok(match name {
            "Title" => Value::str(&page.title),
            "LinkTitle" => Value::str(&page.link_title),
            "RelPermalink" => Value::str(site.rel_permalink(self.id)),
            "Permalink" => Value::str(site.permalink(self.id)),
            "Params" => self.params(),
            "Param" => {
                let key = text_arg(args, 0).to_lowercase();
                let lookup = |root: Option<&serde_json::Value>| {
                    key.split('.')
                        .try_fold(root?, |v, part| v.get(part))
                        .cloned()
                };
                let own = serde_json::Value::Object(page.params.clone());
                lookup(Some(&own))
                    .or_else(|| lookup(site.site_view.get("params")))
                    .map_or(Value::Nil, |v| Value::from_json(&v))
            }
            "Content" => return Some(self.content().map(|c| Value::html(c.html))),
            "TableOfContents" => {
                let own = (self.lang, self.id) == (self.env.lang, self.env.page);
                let rendered = self.env.build.bodies.get(self.lang);
                if own && rendered.is_none_or(|b| !b.contains_key(&self.id)) {
                    return Some(Ok(Value::html(crate::library::OWN_TOC)));
                }
                return Some(self.content().map(|c| Value::html(c.toc)));
            }
            // The content with its tags stripped as Hugo strips them (entities
            // kept, a line end for each paragraph).
            "Plain" => {
                return Some(self.content().map(|c| Value::str(strip_html(&c.html))));
            }
            "Len" => return Some(self.content().map(|c| Value::Int(c.html.len() as i64))),
            "PlainWords" => {
                return Some(self.content().map(|c| {
                    let plain = strip_html(&c.html);
                    Value::list(plain.split_whitespace().map(Value::str).collect())
                }));
            }
            // The word count rounded up to the next hundred (none: 0).
            "FuzzyWordCount" => {
                return Some(self.content().map(|c| {
                    let words = c.plain.split_whitespace().count() as i64;
                    Value::Int(if words == 0 {
                        0
                    } else {
                        (words + 100) / 100 * 100
                    })
                }));
            }
            "WordCount" | "ReadingTime" => {
                return Some(self.content().map(|c| {
                    let words = c.plain.split_whitespace().count() as i64;
                    Value::Int(if name == "WordCount" {
                        words
                    } else {
                        (words + 212) / 213
                    })
                }));
            }
            "RawContent" => Value::str(&page.body),
            // Markdown rendered as inline text, or as blocks with `(dict "display" "block")`.
            "RenderString" => {
                let (options, markdown) = match args {
                    [options, text] => (Some(options), text.to_text()),
                    [text] => (None, text.to_text()),
                    _ => return Some(Err("RenderString: wrong number of arguments".into())),
                };
                let block = options
                    .and_then(|o| o.field("display").ok())
                    .is_some_and(|d| d.to_text() == "block");
                let settings = site.markdown_settings();
                Value::html(if block {
                    crate::markdown::render_html(&markdown, settings)
                } else {
                    crate::markdown::markdownify(&markdown, settings)
                })
            }
            "Summary" => {
                return Some(self.env.build.summary(self.lang, self.id).map(Value::html));
            }
            "Truncated" => return Some(self.truncated().map(Value::Bool)),
            "Description" => Value::str(page.text_param("description").unwrap_or_default()),
            "Keywords" => page.param("keywords").map_or(Value::Nil, Value::from_json),
            // The term pages of taxonomy `plural` (`tags`) the page is listed on,
            // in the order of its front matter.
            "GetTerms" => self.terms(&text_arg(args, 0).to_lowercase()),
            "Date" => date_value(page.date),
            "Lastmod" => date_value(page.lastmod.or(page.date)),
            "PublishDate" => date_value(page.publish_date.or(page.date)),
            "ExpiryDate" => date_value(page.expiry_date),
            "Weight" => Value::Int(page.weight),
            "Draft" => Value::Bool(page.draft),
            "Aliases" => Value::list(page.aliases.iter().map(Value::str).collect()),
            "File" => match &page.file {
                Some(f) => obj(FileObject {
                    file: f.clone(),
                    root: site.root.to_path_buf(),
                    lang: page.lang.clone(),
                }),
                None => Value::Nil,
            },
            "Kind" => Value::str(kind_name(page.kind)),
            "Type" => Value::str(page.text_param("type").unwrap_or_else(|| {
                let s = self.section();
                if s.is_empty() { "page".into() } else { s }
            })),
            "Section" => Value::str(self.section()),
            "Path" => Value::str(self.logical_path()),
            "IsHome" => Value::Bool(page.kind == Kind::Home),
            "IsSection" => Value::Bool(page.kind == Kind::Section),
            "IsPage" => Value::Bool(page.kind == Kind::Page),
            "IsNode" => Value::Bool(page.kind != Kind::Page),
            "IsTranslated" => {
                Value::Bool(site.translations.get(&self.id).is_some_and(|l| l.len() > 1))
            }
            "BundleType" => Value::str(match &page.file {
                Some(f) if f.base_name == "_index" => "branch",
                Some(f) if f.base_name == "index" => "leaf",
                _ => "",
            }),
            "Parent" => page.parent.map_or(Value::Nil, |p| self.page_value(p)),
            "Ancestors" => self.pages(tree.ancestors(self.id).into_iter()),
            "Pages" => self.pages(page.children.iter().copied().filter(|&c| tree[c].render)),
            "RegularPages" => self.pages(
                page.children
                    .iter()
                    .copied()
                    .filter(|&c| tree[c].kind == Kind::Page && tree[c].render),
            ),
            "Sections" => self.pages(tree.sections(self.id)),
            "RegularPagesRecursive" => {
                let below = tree.ids().filter(|&i| {
                    tree[i].kind == Kind::Page
                        && tree[i].render
                        && tree.ancestors(i).contains(&self.id)
                });
                self.pages(super::site::in_order(site, below))
            }
            // Hugo's Next is the regular page before this one in the default
            // order, Prev the one after it.
            "Next" | "Prev" => self.neighbour(site.regular_pages_in_order(), name == "Next"),
            "NextInSection" | "PrevInSection" => match self.current_section(self.id) {
                Some(section) => {
                    let regular = tree[section]
                        .children
                        .iter()
                        .copied()
                        .filter(|&p| tree[p].kind == Kind::Page && tree[p].render);
                    let ordered: Vec<PageId> = super::site::in_order(site, regular).collect();
                    self.neighbour(&ordered, name == "NextInSection")
                }
                None => Value::Nil,
            },
            "FirstSection" => self.page_value(self.first_section()),
            "CurrentSection" => self
                .current_section(self.id)
                .map_or(Value::Nil, |p| self.page_value(p)),
            "Layout" => Value::str(page.text_param("layout").unwrap_or_default()),
            "Slug" => Value::str(page.text_param("slug").unwrap_or_default()),
            "Name" => Value::str(&page.title),
            "Sites" => super::site::all_sites(&self.env),
            // A taxonomy's and a term's pages also tell their names.
            "Data" => {
                let mut m = BTreeMap::new();
                m.insert("Pages".into(), self.pages(page.children.iter().copied()));
                if matches!(page.kind, Kind::Taxonomy | Kind::Term) {
                    let (plural, term) = match page.section_dir.split_once('/') {
                        Some((plural, term)) => (plural, Some(term)),
                        None => (page.section_dir.as_str(), None),
                    };
                    m.insert("Plural".into(), Value::str(plural));
                    m.insert(
                        "Singular".into(),
                        Value::str(page.text_param("singular").unwrap_or_default()),
                    );
                    if let Some(term) = term {
                        m.insert("Term".into(), Value::str(term));
                    }
                }
                Value::map(m)
            }
            "Resources" => Value::list(
                page.resources
                    .iter()
                    .map(|r| {
                        // Markdown of a bundle is a page resource: never published.
                        let url = if r.is_page() {
                            String::new()
                        } else {
                            format!(
                                "{}/{}",
                                site.config.base_path(),
                                crate::text::url::encode_path(&r.target)
                            )
                        };
                        obj(ResourceObject {
                            name: r.name.clone(),
                            shared_name: Some(r.shared_name.clone()),
                            source: r.source.clone(),
                            made: None,
                            integrity: None,
                            url,
                            host: site.config.base_host().to_string(),
                            publish: None,
                        })
                    })
                    .collect(),
            ),
            "Scratch" | "Store" => Value::Object(self.env.scratch(self.lang, self.id)),
            "Language" => language_value(site),
            "Lang" => Value::str(&site.config.language),
            "Site" => SiteObject::value(&self.env, self.lang),
            "Page" => self.page_value(self.id),
            "Translations" => self.translations(false),
            "AllTranslations" => self.translations(true),
            "InSection" | "IsDescendant" | "IsAncestor" | "Eq" => {
                let Some(other) = args.first().and_then(|v| self.page_of_language(v)) else {
                    return Some(Ok(Value::Bool(false)));
                };
                Value::Bool(match name {
                    "Eq" => other == self.id,
                    "IsDescendant" => tree.ancestors(self.id).contains(&other),
                    // In the same section: the two pages' current sections are one.
                    "InSection" => {
                        let section = self.current_section(self.id);
                        section.is_some() && self.current_section(other) == section
                    }
                    _ => tree.ancestors(other).contains(&self.id),
                })
            }
            "GetPage" => get_page(&self.env, self.lang, &text_arg(args, 0), page),
            // A menu entry is current on the page its `pageRef` names, and has
            // the current page below it on that page's descendants; an entry
            // of a bare URL is neither, as in Hugo 0.168.
            "IsMenuCurrent" | "HasMenuCurrent" => {
                let entry_page = args
                    .get(1)
                    .and_then(|entry| entry.field("Page").ok())
                    .and_then(|p| self.page_of_language(&p));
                Value::Bool(entry_page.is_some_and(|p| {
                    if name == "IsMenuCurrent" {
                        p == self.id
                    } else {
                        tree.ancestors(self.id).contains(&p)
                    }
                }))
            }
            // Members older Hugo had, which old workshops still use: each is
            // what its current equivalent gives, said once.
            "Dir" | "URL" | "UniqueID" | "Hugo" | "RSSLink" => {
                let (value, now) = match name {
                    "Dir" => (
                        Value::str(page.file.as_ref().map_or("", |f| f.dir.as_str())),
                        ".File.Dir",
                    ),
                    "URL" => (Value::str(site.rel_permalink(self.id)), ".RelPermalink"),
                    "UniqueID" => (
                        Value::str(
                            page.file
                                .as_ref()
                                .map(super::file::unique_id)
                                .unwrap_or_default(),
                        ),
                        ".File.UniqueID",
                    ),
                    "Hugo" => (super::build_info::hugo_info(&self.env), "hugo"),
                    _ => (
                        Value::str(format!("{}index.xml", site.permalink(self.id))),
                        "(.OutputFormats.Get \"rss\").Permalink",
                    ),
                };
                self.env.warn_template(format!(
                    "the page member `.{name}` was removed from Hugo; labsite gives what `{now}` gives, as older Hugo did (write `{now}`)"
                ));
                value
            }
            "Paginator" => {
                return Some(super::paginator::pager(
                    &self.env, self.lang, self.id, None, None,
                ));
            }
            "Paginate" => {
                let items = match args.first() {
                    Some(Value::List(list)) => list.to_vec(),
                    Some(Value::Nil) | None => Vec::new(),
                    Some(other) => {
                        return Some(Err(format!(
                            "Paginate: cannot paginate {}",
                            other.type_name()
                        )));
                    }
                };
                let size = args
                    .get(1)
                    .and_then(Value::as_i64)
                    .and_then(|n| usize::try_from(n).ok());
                return Some(super::paginator::pager(
                    &self.env,
                    self.lang,
                    self.id,
                    Some(items),
                    size,
                ));
            }
            "OutputFormats" | "AlternativeOutputFormats" => {
                let config = site.config;
                let mut formats =
                    site.outputs
                        .page_formats(page.kind, &page.url, &config.lang_prefix());
                if name == "AlternativeOutputFormats" {
                    let current = self.env.format();
                    formats.retain(|f| f.name != current);
                }
                super::formats::FormatsObject::value(
                    formats,
                    config.base_path(),
                    config.base_host(),
                )
            }
            "HasShortcode" => Value::Bool(
                page.body.contains(&format!("{{{{< {}", text_arg(args, 0)))
                    || page.body.contains(&format!("{{{{% {}", text_arg(args, 0))),
            ),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "*hugolib.pageState"
    }

    fn display(&self) -> String {
        page_key(self.lang, self.id)
    }

    fn payload(&self) -> Option<Rc<dyn std::any::Any>> {
        Some(Rc::new((self.lang, self.id)))
    }
}

/// How pages compare (`eq $a $b`) and print: language and page number.
fn page_key(lang: usize, id: PageId) -> String {
    format!("Page({lang}:{id})")
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Home => "home",
        Kind::Section => "section",
        Kind::Page => "page",
        Kind::Taxonomy => "taxonomy",
        Kind::Term => "term",
    }
}

/// `.GetPage "path"`: a content path, from the content root or relative to `from`.
pub(super) fn get_page<'a>(env: &Rc<Env<'a>>, lang: usize, path: &str, from: &Page) -> Value<'a> {
    let site = &env.build.sites[lang];
    let trimmed = path.trim();
    if trimmed.is_empty() || trimmed == "/" {
        return PageObject::value(env, lang, crate::content::ContentTree::HOME);
    }
    let dir = crate::library::refs::context_dir(from, trimmed);
    match site.refs.resolve(trimmed, &dir) {
        Ok(id) => PageObject::value(env, lang, id),
        // A taxonomy's list or term page, by its path (`/tags`, `/tags/aws`).
        Err(_) => {
            let wanted = trimmed.trim_matches('/').to_lowercase();
            let tree = &site.tree;
            tree.ids()
                .find(|&i| {
                    matches!(tree[i].kind, Kind::Taxonomy | Kind::Term)
                        && tree[i].section_dir == wanted
                })
                .map_or(Value::Nil, |id| PageObject::value(env, lang, id))
        }
    }
}

/// Hugo's standalone 404 page, which has no content file.
pub struct NotFoundPage<'a> {
    pub env: Rc<Env<'a>>,
    pub lang: usize,
}

impl<'a> Object<'a> for NotFoundPage<'a> {
    fn method(&self, name: &str, _args: &[Value<'a>]) -> Answer<'a> {
        let site = &self.env.build.sites[self.lang];
        let config = site.config;
        let url = format!("{}{}/404.html", config.base_path(), config.lang_prefix());
        Some(Ok(match name {
            "Title" | "LinkTitle" => Value::str("404 Page not found"),
            "Kind" | "Type" => Value::str("404"),
            "RelPermalink" => Value::str(&url),
            "Permalink" => Value::str(format!("{}{url}", config.base_host())),
            "Params" => Value::map(BTreeMap::new()),
            "Content" | "Summary" | "TableOfContents" => Value::html(""),
            "Plain" | "RawContent" | "Description" | "Section" | "Layout" => Value::str(""),
            "IsHome" | "IsSection" | "IsPage" | "IsNode" | "Draft" | "IsTranslated" => {
                Value::Bool(false)
            }
            "Pages" | "RegularPages" | "Sections" | "Ancestors" | "Translations"
            | "AllTranslations" | "Aliases" => Value::list(Vec::new()),
            "Parent" | "File" | "Date" | "Lastmod" | "PublishDate" | "ExpiryDate" => Value::Nil,
            "Weight" | "WordCount" | "ReadingTime" => Value::Int(0),
            "Site" => SiteObject::value(&self.env, self.lang),
            "Language" => language_value(site),
            "Lang" => Value::str(&config.language),
            "Page" => obj(NotFoundPage {
                env: self.env.clone(),
                lang: self.lang,
            }),
            // Its own run: the pad is the run's, no page shares it.
            "Scratch" | "Store" => Value::Object(
                self.env
                    .scratch(self.lang, crate::content::ContentTree::HOME),
            ),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "*hugolib.pageState"
    }

    fn display(&self) -> String {
        format!("Page({}:404)", self.lang)
    }
}
