//! `.Site` and `.Language`: the site of the page's language.

use super::Env;
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
            "LanguagePrefix" => {
                Value::str(format!("{}{}", config.base_path(), config.lang_prefix()))
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
                    if tree[t].kind != Kind::Taxonomy {
                        continue;
                    }
                    let terms = tree[t]
                        .children
                        .iter()
                        .map(|&term| {
                            (
                                tree[term].section_dir.clone(),
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

/// `pages` in the site's default order.
fn in_order(
    site: &crate::library::SiteData<'_>,
    pages: impl Iterator<Item = PageId>,
) -> impl Iterator<Item = PageId> {
    let rank = site.ranks();
    let mut ids: Vec<PageId> = pages.collect();
    ids.sort_by_key(|&p| rank[p]);
    ids.into_iter()
}
