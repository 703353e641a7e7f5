//! `.Site` and `.Language`: the site of the page's language.

use super::Env;
use super::date::date_value;
use super::objects::PageObject;
use super::objects::{Answer, obj, text_arg};
use super::page::get_page;
use crate::content::{Kind, PageId};
use crate::gotemplate::value::{Object, Value};
use std::collections::BTreeMap;
use std::rc::Rc;
pub(super) fn language_value<'a>(site: &crate::library::SiteData<'_>) -> Value<'a> {
    let config = site.config;
    let lang = config.language_config();
    obj(LanguageObject {
        lang: config.language.clone(),
        name: lang.map(|l| l.name.clone()).unwrap_or_default(),
        code: lang
            .and_then(|l| l.code.clone())
            .unwrap_or_else(|| config.language_code.clone()),
        weight: lang.map_or(0, |l| l.weight),
        direction: lang.and_then(|l| l.direction.clone()).unwrap_or_default(),
    })
}

/// `.Site.Config`: the settings of Hugo's embedded templates, as Hugo names
/// them, from `services` and `privacy` (and the older `googleAnalytics` and
/// `disqusShortname` at the top of the config).
fn services_config<'a>(raw: &serde_json::Map<String, serde_json::Value>) -> Value<'a> {
    let at = |path: &[&str]| -> Option<&serde_json::Value> {
        path.iter().try_fold(None::<&serde_json::Value>, |v, key| {
            let map = match v {
                None => raw,
                Some(serde_json::Value::Object(m)) => m,
                Some(_) => return None,
            };
            map.get(*key).map(Some)
        })?
    };
    let text = |path: &[&str], old: &str| {
        Value::str(
            at(path)
                .or_else(|| raw.get(old))
                .and_then(serde_json::Value::as_str)
                .unwrap_or(""),
        )
    };
    let flag = |path: &[&str], default: bool| {
        Value::Bool(
            at(path)
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(default),
        )
    };
    let map = |entries: Vec<(&str, Value<'a>)>| {
        Value::map(
            entries
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    };
    let services = map(vec![
        (
            "GoogleAnalytics",
            map(vec![(
                "ID",
                text(&["services", "googleanalytics", "id"], "googleanalytics"),
            )]),
        ),
        (
            "Disqus",
            map(vec![(
                "Shortname",
                text(&["services", "disqus", "shortname"], "disqusshortname"),
            )]),
        ),
        (
            "X",
            map(vec![(
                "DisableInlineCSS",
                flag(&["services", "x", "disableinlinecss"], false),
            )]),
        ),
    ]);
    let privacy = map(vec![
        (
            "GoogleAnalytics",
            map(vec![
                (
                    "Disable",
                    flag(&["privacy", "googleanalytics", "disable"], false),
                ),
                (
                    "RespectDoNotTrack",
                    flag(&["privacy", "googleanalytics", "respectdonottrack"], true),
                ),
            ]),
        ),
        (
            "Disqus",
            map(vec![(
                "Disable",
                flag(&["privacy", "disqus", "disable"], false),
            )]),
        ),
        (
            "X",
            map(vec![("Disable", flag(&["privacy", "x", "disable"], false))]),
        ),
        (
            "YouTube",
            map(vec![
                ("Disable", flag(&["privacy", "youtube", "disable"], false)),
                (
                    "PrivacyEnhanced",
                    flag(&["privacy", "youtube", "privacyenhanced"], false),
                ),
            ]),
        ),
        (
            "Vimeo",
            map(vec![
                ("Disable", flag(&["privacy", "vimeo", "disable"], false)),
                ("EnableDNT", flag(&["privacy", "vimeo", "enablednt"], false)),
                ("Simple", flag(&["privacy", "vimeo", "simple"], false)),
            ]),
        ),
    ]);
    map(vec![("Services", services), ("Privacy", privacy)])
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
            // `/en` where the language has a folder of its own, else empty.
            "LanguagePrefix" => Value::str(config.lang_prefix()),
            "Param" => {
                let key = text_arg(args, 0).to_lowercase();
                key.split('.')
                    .try_fold(site.site_view.get("params"), |v, part| Some(v?.get(part)))
                    .flatten()
                    .map_or(Value::Nil, Value::from_json)
            }
            // The newest date any page was changed.
            "Lastmod" => date_value(
                tree.ids()
                    .filter_map(|i| tree[i].lastmod.or(tree[i].date))
                    .max(),
            ),
            "MainSections" => {
                Value::list(main_sections(site).into_iter().map(Value::str).collect())
            }
            "IsMultiLingual" => Value::Bool(config.is_multilingual()),
            // Removed from Hugo; what older Hugo gave.
            "RSSLink" => {
                self.env.warn_template(
                    "the site member `.RSSLink` was removed from Hugo; labsite gives the home page's feed, as older Hugo did (write `(site.Home.OutputFormats.Get \"rss\").Permalink`)".into(),
                );
                Value::str(format!(
                    "{}index.xml",
                    site.permalink(crate::content::ContentTree::HOME)
                ))
            }
            "Languages" => Value::list(self.env.build.sites.iter().map(language_value).collect()),
            "Home" => page(crate::content::ContentTree::HOME),
            // Hugo's site-wide lists are in the default order (weight, date, title).
            "Pages" | "AllPages" => Value::list(in_order(site, tree.listed()).map(page).collect()),
            "RegularPages" => Value::list(
                in_order(site, tree.listed().filter(|&i| tree[i].kind == Kind::Page))
                    .map(page)
                    .collect(),
            ),
            "Sections" => Value::list(
                tree.sections(crate::content::ContentTree::HOME)
                    .map(page)
                    .collect(),
            ),
            "GetPage" => get_page(&self.env, self.lang, &text_arg(args, 0), tree.home()),
            "Sites" => all_sites(&self.env),
            "Copyright" => config
                .raw
                .get("copyright")
                .map_or(Value::str(""), Value::from_json),
            "Author" => config
                .raw
                .get("author")
                .map_or_else(|| Value::map(BTreeMap::new()), Value::from_json),
            "Data" => Value::from_json(self.env.site().data),
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
                        // A `pageRef` entry knows its page (IsMenuCurrent, HasMenuCurrent).
                        if !e.page_ref.is_empty() {
                            let page = get_page(&self.env, self.lang, &e.page_ref, tree.home());
                            if let Ok(url @ Value::String(_)) = page.field("RelPermalink")
                                && e.url == e.page_ref
                            {
                                m.insert("URL".to_string(), url);
                            }
                            m.insert("PageRef".to_string(), Value::str(&e.page_ref));
                            m.insert("Page".to_string(), page);
                        }
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
                for t in tree.ids().filter(|&t| tree[t].kind == Kind::Taxonomy) {
                    let terms = tree[t]
                        .children
                        .iter()
                        .map(|&term| {
                            (
                                // Keyed by the term's own part of `tags/aws`.
                                tree[term]
                                    .section_dir
                                    .rsplit('/')
                                    .next()
                                    .unwrap_or_default()
                                    .to_string(),
                                Value::list(tree[term].children.iter().map(|&p| page(p)).collect()),
                            )
                        })
                        .collect();
                    taxonomies.insert(tree[t].section_dir.clone(), Value::map(terms));
                }
                Value::map(taxonomies)
            }
            "IsServer" => Value::Bool(false),
            "BuildDrafts" => Value::Bool(false),
            "Hugo" => super::build_info::hugo_info(&self.env),
            "Config" => services_config(&config.raw),
            "GoogleAnalytics" => services_config(&config.raw)
                .field("Services")
                .and_then(|s| s.field("GoogleAnalytics"))
                .and_then(|g| g.field("ID"))
                .unwrap_or(Value::Nil),
            "DisqusShortname" => services_config(&config.raw)
                .field("Services")
                .and_then(|s| s.field("Disqus"))
                .and_then(|d| d.field("Shortname"))
                .unwrap_or(Value::Nil),
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
    /// `languageDirection` as configured (`rtl`, `ltr`), else empty.
    direction: String,
}

impl<'a> Object<'a> for LanguageObject {
    fn method(&self, name: &str, _: &[Value<'a>]) -> Answer<'a> {
        Some(Ok(match name {
            "Lang" => Value::str(&self.lang),
            "LanguageName" => Value::str(&self.name),
            "LanguageCode" => Value::str(&self.code),
            "Weight" => Value::Int(self.weight),
            "LanguageDirection" => Value::str(&self.direction),
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

/// The site's main sections: `params.mainSections`, else the top section
/// holding the most regular pages (the first to reach that count, in the
/// default order).
fn main_sections(site: &crate::library::SiteData<'_>) -> Vec<String> {
    let configured = site
        .site_view
        .get("params")
        .and_then(|p| p.get("mainsections"));
    match configured {
        Some(serde_json::Value::Array(list)) => {
            return list
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
        }
        Some(serde_json::Value::String(one)) => return vec![one.clone()],
        _ => {}
    }
    let tree = &site.tree;
    let regular = tree.listed().filter(|&i| tree[i].kind == Kind::Page);
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let (mut main, mut most) = (None, 0);
    for id in in_order(site, regular) {
        let section = tree[id]
            .file
            .as_ref()
            .map(|f| {
                f.dir
                    .trim_matches('/')
                    .split('/')
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .unwrap_or_default();
        if section.is_empty() {
            continue;
        }
        let count = counts.entry(section.clone()).or_default();
        *count += 1;
        if *count > most {
            most = *count;
            main = Some(section);
        }
    }
    main.into_iter().collect()
}

/// Every language's site (`.Sites`), the default language's first.
pub(super) fn all_sites<'a>(env: &Rc<Env<'a>>) -> Value<'a> {
    Value::list(
        (0..env.build.sites.len())
            .map(|lang| SiteObject::value(env, lang))
            .collect(),
    )
}

/// `pages` in the site's default order.
pub(super) fn in_order(
    site: &crate::library::SiteData<'_>,
    pages: impl Iterator<Item = PageId>,
) -> impl Iterator<Item = PageId> {
    let rank = site.ranks();
    let mut ids: Vec<PageId> = pages.collect();
    ids.sort_by_key(|&p| rank[p]);
    ids.into_iter()
}
