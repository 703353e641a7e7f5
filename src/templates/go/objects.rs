//! The objects Go templates see, as Hugo shows them: a shortcode call, pages, the
//! site, a page's file, resources and language, dates and scratch pads. Each is a
//! read-only view of labsite's own data (scratch pads excepted).
#![allow(clippy::indexing_slicing)] // indices are page ids and language numbers of the build, never input

use super::Env;
use crate::content::{Kind, Page, PageId, SourceFile};
use crate::date::{Date, format_go};
use crate::gotemplate::value::{Object, Value};
use crate::shortcode::lex::Params;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

type Answer<'a> = Option<Result<Value<'a>, String>>;

fn obj<'a>(o: impl Object<'a> + 'a) -> Value<'a> {
    Value::Object(Rc::new(o))
}

fn text_arg(args: &[Value<'_>], i: usize) -> String {
    args.get(i).map(Value::to_text).unwrap_or_default()
}

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

    fn site(&self) -> &'a super::SiteData<'a> {
        &self.env.build.sites[self.lang]
    }

    fn page(&self) -> &'a Page {
        &self.site().tree.pages[self.id]
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

    /// Hugo's `.Section`: the first folder of the page's path.
    fn section(&self) -> String {
        let page = self.page();
        let dir = match &page.file {
            Some(f) => f.dir.clone(),
            None => page.section_dir.clone(),
        };
        let first = dir.trim_matches('/').split('/').next().unwrap_or("");
        if page.kind == Kind::Section && first.is_empty() {
            page.section_dir.clone()
        } else if matches!(page.kind, Kind::Taxonomy | Kind::Term) {
            page.url
                .trim_matches('/')
                .split('/')
                .next()
                .unwrap_or("")
                .into()
        } else {
            first.to_string()
        }
    }

    fn first_section(&self) -> PageId {
        let tree = &self.site().tree;
        let mut chain = tree.ancestors(self.id);
        chain.insert(0, self.id);
        chain
            .into_iter()
            .rev()
            .find(|&p| tree.pages[p].kind == Kind::Section)
            .unwrap_or(crate::content::ContentTree::HOME)
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
            "Params" => Value::from_json(&serde_json::Value::Object(page.params.clone())),
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
            "TableOfContents" => return Some(self.content().map(|c| Value::html(c.toc))),
            "Plain" => {
                return Some(self.content().map(|c| Value::str(c.plain)));
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
            "Description" => Value::str(page.text_param("description").unwrap_or_default()),
            "Keywords" => page.param("keywords").map_or(Value::Nil, Value::from_json),
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
            "Pages" => self.pages(
                page.children
                    .iter()
                    .copied()
                    .filter(|&c| tree.pages[c].render),
            ),
            "RegularPages" => self.pages(
                page.children
                    .iter()
                    .copied()
                    .filter(|&c| tree.pages[c].kind == Kind::Page && tree.pages[c].render),
            ),
            "Sections" => self.pages(tree.sections(self.id)),
            "FirstSection" => self.page_value(self.first_section()),
            "CurrentSection" => {
                if page.is_section_like() {
                    self.page_value(self.id)
                } else {
                    page.parent.map_or(Value::Nil, |p| self.page_value(p))
                }
            }
            "Data" => {
                let mut m = BTreeMap::new();
                m.insert("Pages".into(), self.pages(page.children.iter().copied()));
                Value::map(m)
            }
            "Resources" => {
                let dir = page
                    .file
                    .as_ref()
                    .map(|f| site.root.join(&f.site_path))
                    .and_then(|p| p.parent().map(|d| d.to_path_buf()))
                    .unwrap_or_default();
                Value::list(
                    page.resources
                        .iter()
                        .map(|r| {
                            obj(ResourceObject {
                                name: r
                                    .source
                                    .strip_prefix(&dir)
                                    .unwrap_or(&r.source)
                                    .to_string_lossy()
                                    .replace('\\', "/"),
                                source: r.source.clone(),
                                url: format!(
                                    "{}/{}",
                                    site.config.base_path(),
                                    crate::text::url::encode_path(&r.target)
                                ),
                                host: site.config.base_host().to_string(),
                                publish: None,
                            })
                        })
                        .collect(),
                )
            }
            "Scratch" | "Store" => Value::Object(self.env.scratch(self.lang, self.id)),
            "Language" => language_value(site),
            "Lang" => Value::str(&site.config.language),
            "Site" => SiteObject::value(&self.env, self.lang),
            "Page" => self.page_value(self.id),
            "Translations" => self.translations(false),
            "AllTranslations" => self.translations(true),
            "InSection" | "IsDescendant" | "IsAncestor" | "Eq" => {
                let Some(Value::Object(other)) = args.first() else {
                    return Some(Ok(Value::Bool(false)));
                };
                let other = other.display();
                let key = |id: PageId| page_key(self.lang, id);
                let this = key(self.id);
                let ancestors: Vec<String> = tree.ancestors(self.id).into_iter().map(key).collect();
                Value::Bool(match name {
                    "Eq" => other == this,
                    "IsDescendant" => ancestors.contains(&other),
                    "InSection" => key(self.first_section()) == other || ancestors.contains(&other),
                    _ => tree
                        .pages
                        .iter()
                        .enumerate()
                        .any(|(i, _)| key(i) == other && tree.ancestors(i).contains(&self.id)),
                })
            }
            "GetPage" => get_page(&self.env, self.lang, &text_arg(args, 0), page),
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
fn get_page<'a>(env: &Rc<Env<'a>>, lang: usize, path: &str, from: &Page) -> Value<'a> {
    let site = &env.build.sites[lang];
    let trimmed = path.trim();
    if trimmed.is_empty() || trimmed == "/" {
        return PageObject::value(env, lang, crate::content::ContentTree::HOME);
    }
    let dir = crate::library::refs::context_dir(from, trimmed);
    match site.refs.resolve(trimmed, &dir) {
        Ok(id) => PageObject::value(env, lang, id),
        Err(_) => Value::Nil,
    }
}

fn language_value<'a>(site: &super::SiteData<'_>) -> Value<'a> {
    let config = site.config;
    let lang = config.language_config();
    obj(LanguageObject {
        lang: config.language.clone(),
        name: lang.map(|l| l.name.clone()).unwrap_or_default(),
        code: lang
            .and_then(|l| l.code.clone())
            .unwrap_or_else(|| config.language_code.clone()),
        weight: lang.map_or(0, |l| l.weight),
    })
}

/// The site of one language.
pub struct SiteObject<'a> {
    env: Rc<Env<'a>>,
    lang: usize,
}

impl<'a> SiteObject<'a> {
    pub fn value(env: &Rc<Env<'a>>, lang: usize) -> Value<'a> {
        obj(SiteObject {
            env: env.clone(),
            lang,
        })
    }
}

impl<'a> Object<'a> for SiteObject<'a> {
    fn method(&self, name: &str, args: &[Value<'a>]) -> Answer<'a> {
        let site = &self.env.build.sites[self.lang];
        let config = site.config;
        let tree = &site.tree;
        let page = |id: PageId| PageObject::value(&self.env, self.lang, id);
        let view = |key: &str| site.site_view.get(key).map_or(Value::Nil, Value::from_json);
        Some(Ok(match name {
            "Title" => view("title"),
            "BaseURL" => Value::str(&config.base_url),
            "Params" => view("params"),
            "LanguageCode" => view("language_code"),
            "Language" => language_value(site),
            "LanguagePrefix" => {
                Value::str(format!("{}{}", config.base_path(), config.lang_prefix()))
            }
            "IsMultiLingual" => Value::Bool(config.is_multilingual()),
            "Languages" => Value::list(self.env.build.sites.iter().map(language_value).collect()),
            "Home" => page(crate::content::ContentTree::HOME),
            "Pages" => Value::list(tree.rendered().map(page).collect()),
            "RegularPages" => Value::list(
                tree.rendered()
                    .filter(|&i| tree.pages[i].kind == Kind::Page)
                    .map(page)
                    .collect(),
            ),
            "AllPages" => Value::list(tree.rendered().map(page).collect()),
            "Sections" => Value::list(
                tree.sections(crate::content::ContentTree::HOME)
                    .map(page)
                    .collect(),
            ),
            "GetPage" => get_page(&self.env, self.lang, &text_arg(args, 0), tree.home()),
            "Copyright" => config
                .raw
                .get("copyright")
                .map_or(Value::str(""), Value::from_json),
            "Author" => config
                .raw
                .get("author")
                .map_or_else(|| Value::map(BTreeMap::new()), Value::from_json),
            "Data" => Value::map(BTreeMap::new()),
            "Menus" => {
                let mut entries = config
                    .language_config()
                    .and_then(|l| l.shortcuts.clone())
                    .unwrap_or_else(|| config.shortcuts.clone());
                entries.sort_by_key(|e| e.weight);
                let list = entries
                    .iter()
                    .map(|e| {
                        let mut m = BTreeMap::new();
                        m.insert("Name".to_string(), Value::str(&e.name));
                        // A path from the site root gets baseURL's path, as in Hugo.
                        let url = if e.url.starts_with('/') {
                            format!("{}{}", config.base_path(), e.url)
                        } else {
                            e.url.clone()
                        };
                        m.insert("URL".to_string(), Value::str(url));
                        m.insert("Pre".to_string(), Value::html(&e.pre));
                        m.insert("Post".to_string(), Value::html(&e.post));
                        m.insert("Weight".to_string(), Value::Int(e.weight));
                        m.insert("Identifier".to_string(), Value::str(&e.identifier));
                        Value::map(m)
                    })
                    .collect();
                let mut menus = BTreeMap::new();
                if !entries.is_empty() {
                    menus.insert("shortcuts".to_string(), Value::list(list));
                }
                Value::map(menus)
            }
            "Taxonomies" => {
                let mut taxonomies = BTreeMap::new();
                for &t in &tree.home().children {
                    if tree.pages[t].kind != Kind::Taxonomy {
                        continue;
                    }
                    let terms = tree.pages[t]
                        .children
                        .iter()
                        .map(|&term| {
                            (
                                tree.pages[term].section_dir.clone(),
                                Value::list(
                                    tree.pages[term].children.iter().map(|&p| page(p)).collect(),
                                ),
                            )
                        })
                        .collect();
                    taxonomies.insert(tree.pages[t].section_dir.clone(), Value::map(terms));
                }
                Value::map(taxonomies)
            }
            "IsServer" => Value::Bool(false),
            "BuildDrafts" => Value::Bool(false),
            "Hugo" => super::functions::hugo_info(),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "*hugolib.Site"
    }

    fn display(&self) -> String {
        format!("Site({})", self.lang)
    }
}

/// A language of the site.
pub struct LanguageObject {
    lang: String,
    name: String,
    code: String,
    weight: i64,
}

impl<'a> Object<'a> for LanguageObject {
    fn method(&self, name: &str, _: &[Value<'a>]) -> Answer<'a> {
        Some(Ok(match name {
            "Lang" => Value::str(&self.lang),
            "LanguageName" => Value::str(&self.name),
            "LanguageCode" => Value::str(&self.code),
            "Weight" => Value::Int(self.weight),
            "LanguageDirection" => Value::str("ltr"),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "*langs.Language"
    }

    fn display(&self) -> String {
        self.lang.clone()
    }
}

/// A page's source file (`.File`).
pub struct FileObject {
    file: SourceFile,
    root: std::path::PathBuf,
    lang: String,
}

impl<'a> Object<'a> for FileObject {
    fn method(&self, name: &str, _: &[Value<'a>]) -> Answer<'a> {
        let f = &self.file;
        let without_ext = f
            .logical_name
            .rsplit_once('.')
            .map_or(f.logical_name.as_str(), |(s, _)| s);
        Some(Ok(match name {
            "Path" => Value::str(&f.path),
            "Dir" => Value::str(&f.dir),
            "LogicalName" => Value::str(&f.logical_name),
            "BaseFileName" => Value::str(without_ext),
            "TranslationBaseName" => Value::str(&f.base_name),
            "ContentBaseName" => {
                if f.base_name == "index" || f.base_name == "_index" {
                    let dir = f.dir.trim_end_matches('/');
                    Value::str(dir.rsplit('/').next().unwrap_or(dir))
                } else {
                    Value::str(&f.base_name)
                }
            }
            "Ext" => Value::str(f.logical_name.rsplit_once('.').map_or("", |(_, e)| e)),
            "Lang" => Value::str(&self.lang),
            "Filename" => Value::str(self.root.join(&f.site_path).to_string_lossy()),
            "Section" => Value::str(f.dir.trim_matches('/').split('/').next().unwrap_or("")),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "*source.File"
    }

    fn display(&self) -> String {
        self.file.path.clone()
    }
}

/// A file of a page bundle (`.Resources`).
pub struct ResourceObject {
    name: String,
    source: std::path::PathBuf,
    url: String,
    host: String,
    /// For a file of `assets/`: where to note that its URL was used.
    publish: Option<std::sync::Arc<crate::library::AssetsUsed>>,
}

impl ResourceObject {
    /// A file of the site's `assets/` folder (`resources.Get`), at `name` there.
    pub fn asset(name: &str, source: std::path::PathBuf, site: &super::SiteData<'_>) -> Self {
        ResourceObject {
            name: name.to_string(),
            source,
            url: site.asset_url(name),
            host: site.config.base_host().to_string(),
            publish: Some(site.assets_used.clone()),
        }
    }

    /// Notes an asset's URL as used (Hugo publishes it then).
    fn published(&self) {
        if let Some(used) = &self.publish {
            used.insert(&self.name, &self.source);
        }
    }

    fn media_type(&self) -> (&'static str, &'static str) {
        let ext = self
            .name
            .rsplit_once('.')
            .map_or(String::new(), |(_, e)| e.to_lowercase());
        match ext.as_str() {
            "png" => ("image", "png"),
            "jpg" | "jpeg" => ("image", "jpeg"),
            "gif" => ("image", "gif"),
            "svg" => ("image", "svg+xml"),
            "webp" => ("image", "webp"),
            "md" | "markdown" => ("text", "markdown"),
            "html" | "htm" => ("text", "html"),
            "css" => ("text", "css"),
            "txt" => ("text", "plain"),
            "csv" => ("text", "csv"),
            "json" => ("application", "json"),
            "yaml" | "yml" => ("application", "yaml"),
            "js" => ("text", "javascript"),
            "pdf" => ("application", "pdf"),
            "zip" => ("application", "zip"),
            _ => ("application", "octet-stream"),
        }
    }
}

impl<'a> Object<'a> for ResourceObject {
    fn method(&self, name: &str, _: &[Value<'a>]) -> Answer<'a> {
        let (main, sub) = self.media_type();
        Some(Ok(match name {
            "Name" | "Title" => Value::str(&self.name),
            "RelPermalink" => {
                self.published();
                Value::str(&self.url)
            }
            "Permalink" => {
                self.published();
                Value::str(format!("{}{}", self.host, self.url))
            }
            "ResourceType" => Value::str(if main == "text" && sub == "markdown" {
                "page"
            } else {
                main
            }),
            "MediaType" => {
                let mut m = BTreeMap::new();
                m.insert("Type".to_string(), Value::str(format!("{main}/{sub}")));
                m.insert("MainType".to_string(), Value::str(main));
                m.insert("SubType".to_string(), Value::str(sub));
                Value::map(m)
            }
            "Params" => Value::map(BTreeMap::new()),
            "Content" => {
                return Some(
                    std::fs::read_to_string(&self.source)
                        .map(Value::str)
                        .map_err(|e| format!("cannot read resource {}: {e}", self.name)),
                );
            }
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "resource.Resource"
    }

    fn display(&self) -> String {
        self.url.clone()
    }
}

fn date_value<'a>(date: Option<Date>) -> Value<'a> {
    obj(DateObject(date))
}

/// A date (`time.Time`); `None` is Go's zero time.
pub struct DateObject(pub Option<Date>);

impl DateObject {
    fn date(&self) -> Date {
        // Go's zero time: the first instant of year 1, UTC.
        self.0.unwrap_or_else(|| {
            chrono::NaiveDate::from_yo_opt(1, 1)
                .and_then(|day| day.and_hms_opt(0, 0, 0))
                .map_or(chrono::DateTime::UNIX_EPOCH, |t| t.and_utc())
                .fixed_offset()
        })
    }
}

impl<'a> Object<'a> for DateObject {
    fn method(&self, name: &str, args: &[Value<'a>]) -> Answer<'a> {
        use chrono::{Datelike, Timelike};
        let d = self.date();
        Some(Ok(match name {
            "Format" => Value::str(format_go(&d, &text_arg(args, 0))),
            "Year" => Value::Int(d.year() as i64),
            "Month" => Value::Int(d.month() as i64),
            "Day" => Value::Int(d.day() as i64),
            "Hour" => Value::Int(d.hour() as i64),
            "Minute" => Value::Int(d.minute() as i64),
            "Second" => Value::Int(d.second() as i64),
            "YearDay" => Value::Int(d.ordinal() as i64),
            "Weekday" => Value::str(d.format("%A").to_string()),
            "Unix" => Value::Int(d.timestamp()),
            "IsZero" => Value::Bool(self.0.is_none()),
            "UTC" | "Local" => obj(DateObject(Some(
                d.with_timezone(&chrono::Utc).fixed_offset(),
            ))),
            "String" => Value::str(format_go(&d, "2006-01-02 15:04:05 -0700 MST")),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "time.Time"
    }

    fn display(&self) -> String {
        format_go(&self.date(), "2006-01-02 15:04:05 -0700 MST")
    }

    fn as_number(&self) -> Option<f64> {
        Some(self.date().timestamp() as f64)
    }
}

/// Wraps a date for templates.
pub fn date<'a>(date: Date) -> Value<'a> {
    date_value(Some(date))
}

/// A scratch pad: `.Scratch` / `.Store` of a page or a shortcode call.
#[derive(Default)]
pub struct Scratch<'a> {
    values: RefCell<BTreeMap<String, Value<'a>>>,
}

impl<'a> Object<'a> for Scratch<'a> {
    fn method(&self, name: &str, args: &[Value<'a>]) -> Answer<'a> {
        let key = text_arg(args, 0);
        let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::Nil);
        let mut values = self.values.borrow_mut();
        Some(Ok(match name {
            "Get" => values.get(&key).cloned().unwrap_or(Value::Nil),
            "Set" => {
                values.insert(key, arg(1));
                Value::str("")
            }
            "Delete" => {
                values.remove(&key);
                Value::str("")
            }
            "Add" => {
                let added = match (values.get(&key), arg(1)) {
                    (None, v) => v,
                    (Some(Value::List(l)), Value::List(more)) => {
                        Value::list(l.iter().chain(more.iter()).cloned().collect())
                    }
                    (Some(Value::List(l)), v) => {
                        Value::list(l.iter().cloned().chain([v]).collect())
                    }
                    (Some(Value::Int(a)), Value::Int(b)) => Value::Int(a + b),
                    (Some(a), b) if a.as_f64().is_some() && b.as_f64().is_some() => {
                        Value::Float(a.as_f64().unwrap_or(0.0) + b.as_f64().unwrap_or(0.0))
                    }
                    (Some(a), b) => Value::str(format!("{}{}", a.to_text(), b.to_text())),
                };
                values.insert(key, added);
                Value::str("")
            }
            "SetInMap" => {
                let mut map = match values.get(&key) {
                    Some(Value::Map(m)) => (**m).clone(),
                    _ => BTreeMap::new(),
                };
                map.insert(arg(1).to_text(), arg(2));
                values.insert(key, Value::map(map));
                Value::str("")
            }
            "DeleteInMap" => {
                if let Some(Value::Map(m)) = values.get(&key) {
                    let mut map = (**m).clone();
                    map.remove(&arg(1).to_text());
                    values.insert(key, Value::map(map));
                }
                Value::str("")
            }
            "GetSortedMapValues" => match values.get(&key) {
                Some(Value::Map(m)) => Value::list(m.values().cloned().collect()),
                _ => Value::Nil,
            },
            "Values" => Value::map(values.clone()),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "*maps.Scratch"
    }
}

/// What a shortcode template knows of its call.
pub struct Call {
    pub name: String,
    pub params: Params,
    pub inner: Option<String>,
    pub ordinal: usize,
    pub position: String,
    /// The white space before the call on its line.
    pub indent: String,
    pub parent: Option<Rc<Call>>,
}

/// A shortcode call (the `.` of a shortcode template).
pub struct ShortcodeObject<'a> {
    pub env: Rc<Env<'a>>,
    pub call: Rc<Call>,
    pub scratch: Rc<Scratch<'a>>,
}

impl<'a> ShortcodeObject<'a> {
    pub fn value(env: &Rc<Env<'a>>, call: Rc<Call>) -> Value<'a> {
        obj(ShortcodeObject {
            env: env.clone(),
            call,
            scratch: Rc::new(Scratch::default()),
        })
    }
}

impl<'a> Object<'a> for ShortcodeObject<'a> {
    fn method(&self, name: &str, args: &[Value<'a>]) -> Answer<'a> {
        let call = &self.call;
        Some(Ok(match name {
            "Get" => {
                let found = match (&call.params, args.first()) {
                    (Params::Positional(list), Some(Value::Int(i))) => {
                        usize::try_from(*i).ok().and_then(|i| list.get(i))
                    }
                    (Params::Named(_), Some(Value::String(key))) => call.params.get_name(key),
                    _ => None,
                };
                found.map_or(Value::Nil, Value::from_json)
            }
            "Inner" => Value::html(call.inner.as_deref().unwrap_or("")),
            "InnerDeindent" => {
                Value::html(deindent(call.inner.as_deref().unwrap_or(""), &call.indent))
            }
            "Params" => match &call.params {
                Params::None => Value::Nil,
                Params::Positional(list) => {
                    Value::list(list.iter().map(Value::from_json).collect())
                }
                Params::Named(pairs) => Value::map(
                    pairs
                        .iter()
                        .map(|(k, v)| (k.clone(), Value::from_json(v)))
                        .collect(),
                ),
            },
            "IsNamedParams" => Value::Bool(matches!(call.params, Params::Named(_))),
            "Name" => Value::str(&call.name),
            "Ordinal" => Value::Int(call.ordinal as i64),
            // Hugo prints the position quoted (with the file's absolute path;
            // labsite's is relative to the site, so output does not depend on it).
            "Position" => Value::str(format!("{:?}", call.position)),
            "Parent" => match &call.parent {
                Some(p) => ShortcodeObject::value(&self.env, p.clone()),
                None => Value::Nil,
            },
            "Page" => PageObject::value(&self.env, self.env.lang, self.env.page),
            "Site" => SiteObject::value(&self.env, self.env.lang),
            "Scratch" | "Store" => Value::Object(self.scratch.clone()),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "*hugolib.ShortcodeWithPage"
    }
}

/// `.InnerDeindent`: the inner content with the call's own indentation removed
/// from the lines that start with it.
fn deindent(text: &str, indent: &str) -> String {
    if indent.is_empty() {
        return text.to_string();
    }
    text.split_inclusive('\n')
        .map(|line| line.strip_prefix(indent).unwrap_or(line))
        .collect()
}
