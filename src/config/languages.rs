//! The `languages` and menus of a configuration.

use crate::data_format::{as_text, truthy};
use serde_json::{Map, Value};

/// One configured language.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    pub key: String,
    pub weight: i64,
    pub title: Option<String>,
    pub name: String,
    pub code: Option<String>,
    pub content_dir: Option<String>,
    /// `languageDirection`: `rtl` or `ltr`.
    pub direction: Option<String>,
    pub params: Map<String, Value>,
    /// The language's own shortcuts menu, if it defines one.
    pub shortcuts: Option<Vec<MenuEntry>>,
    pub disabled: bool,
}

/// One entry of a config menu such as `[[menu.shortcuts]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct MenuEntry {
    pub name: String,
    pub url: String,
    pub pre: String,
    pub post: String,
    pub weight: i64,
    pub identifier: String,
    /// `pageRef`: the page the entry stands for (its URL when `url` is unset).
    pub page_ref: String,
}

pub(super) fn parse_languages(value: Option<&Value>, default_language: &str) -> Vec<Language> {
    let Some(Value::Object(map)) = value else {
        return Vec::new();
    };
    let mut langs: Vec<Language> = map
        .iter()
        .map(|(key, v)| {
            let get = |k: &str| as_text(v.get(k));
            let mut params = match v.get("params") {
                Some(Value::Object(p)) => p.clone(),
                _ => Map::new(),
            };
            // Custom keys directly under [languages.xx] are language params too.
            if let Value::Object(m) = v {
                for (k, val) in m {
                    const KNOWN: [&str; 12] = [
                        "weight",
                        "title",
                        "languagename",
                        "label",
                        "languagecode",
                        "locale",
                        "contentdir",
                        "params",
                        "menu",
                        "menus",
                        "disabled",
                        "languagedirection",
                    ];
                    if !KNOWN.contains(&k.as_str()) && !params.contains_key(k) {
                        params.insert(k.clone(), val.clone());
                    }
                }
            }
            Language {
                key: key.to_lowercase(),
                weight: v.get("weight").and_then(Value::as_i64).unwrap_or(0),
                title: get("title"),
                name: get("languagename")
                    .or_else(|| get("label"))
                    .unwrap_or_else(|| key.clone()),
                code: get("languagecode").or_else(|| get("locale")),
                content_dir: get("contentdir"),
                direction: get("languagedirection"),
                shortcuts: v
                    .get("menus")
                    .or_else(|| v.get("menu"))
                    .and_then(|m| m.get("shortcuts"))
                    .map(|m| parse_menu(Some(m))),
                params,
                disabled: truthy(v.get("disabled")),
            }
        })
        .collect();
    // Weight ascending with 0 last, then key; the default language stays first on ties.
    langs.sort_by(|a, b| {
        let w = |l: &Language| if l.weight == 0 { i64::MAX } else { l.weight };
        w(a).cmp(&w(b))
            .then_with(|| (b.key == default_language).cmp(&(a.key == default_language)))
            .then_with(|| a.key.cmp(&b.key))
    });
    langs
}

pub(super) fn parse_menu(value: Option<&Value>) -> Vec<MenuEntry> {
    let Some(Value::Array(items)) = value else {
        return Vec::new();
    };
    items
        .iter()
        .map(|v| {
            let get = |k: &str| as_text(v.get(k)).unwrap_or_default();
            let name = get("name");
            MenuEntry {
                url: {
                    let url = get("url");
                    if url.is_empty() { get("pageref") } else { url }
                },
                pre: get("pre"),
                post: get("post"),
                weight: v.get("weight").and_then(Value::as_i64).unwrap_or(0),
                identifier: {
                    let id = get("identifier");
                    if id.is_empty() { name.clone() } else { id }
                },
                page_ref: get("pageref"),
                name,
            }
        })
        .collect()
}
