//! Taxonomies (spec §8): for every configured taxonomy (`tags`, `categories` by
//! default, or the site's `[taxonomies]`), a list page of its terms and a page per
//! term listing the pages that name it, as Hugo adds them to the content tree.

use super::{ContentTree, Kind, Page, PageId};
use crate::config::Config;
use crate::data_format::as_text;
use crate::text::case::title_case;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The configured taxonomies as (singular, plural).
pub fn configured(config: &Config) -> Vec<(String, String)> {
    let disabled = |kind: &str| config.disables_kind(kind);
    if disabled("taxonomy") && disabled("term") {
        return Vec::new();
    }
    match config.raw.get("taxonomies") {
        Some(Value::Object(m)) => {
            let mut list: Vec<(String, String)> = m
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), as_text(Some(v))?.to_lowercase())))
                .collect();
            list.sort();
            list
        }
        _ => vec![
            ("category".into(), "categories".into()),
            ("tag".into(), "tags".into()),
        ],
    }
}

fn node(
    kind: Kind,
    title: String,
    url: String,
    parent: PageId,
    lang: &str,
    section_dir: String,
) -> Page {
    let mut page = Page::new(kind, &title, &url);
    page.lang = lang.to_string();
    page.parent = Some(parent);
    page.section_dir = section_dir;
    page
}

/// Adds the taxonomy and term pages of `config` to `tree`.
pub fn add(tree: &mut ContentTree, config: &Config) {
    let ugly = config.ugly_urls;
    let prefix = config.lang_prefix();
    let lang = config.language.clone();
    for (singular, plural) in configured(config) {
        // Hugo's `.Data.Singular`, which learn shows before the title.
        let data = Map::from_iter([("singular".to_string(), Value::String(singular.clone()))]);
        // Terms by their URL name, with each spelling's count. Which spelling names
        // a term written several ways (`EFA`, `efa`) varies from one Hugo run to
        // the next (its pages are assembled in parallel); labsite takes the one
        // most pages use, the first met on a tie.
        let mut terms: BTreeMap<String, TermUse> = BTreeMap::new();
        for (id, page) in tree.pages() {
            if !page.is_listed_by_site() || matches!(page.kind, Kind::Taxonomy | Kind::Term) {
                continue;
            }
            let values: Vec<String> = match page.params.get(&plural) {
                Some(Value::Array(a)) => a.iter().filter_map(|v| as_text(Some(v))).collect(),
                Some(v) => as_text(Some(v)).into_iter().collect(),
                None => Vec::new(),
            };
            for value in values {
                let key = crate::text::url::sanitize(&value);
                if key.is_empty() {
                    continue;
                }
                let entry = terms.entry(key).or_default();
                match entry.spellings.iter_mut().find(|(s, _)| *s == value) {
                    Some((_, count)) => *count += 1,
                    None => entry.spellings.push((value.clone(), 1)),
                }
                if !entry.pages.contains(&id) {
                    entry.pages.push(id);
                }
            }
        }
        let list_url = if ugly {
            format!("{prefix}/{plural}/index.html")
        } else {
            format!("{prefix}/{plural}/")
        };
        let mut list = node(
            Kind::Taxonomy,
            title_case(&plural),
            list_url,
            ContentTree::HOME,
            &lang,
            plural.clone(),
        );
        list.params = data.clone();
        let list_id = tree.push(list);
        let mut term_ids = Vec::new();
        for (
            key,
            TermUse {
                spellings,
                mut pages,
            },
        ) in terms
        {
            let most = spellings.iter().map(|(_, n)| *n).max().unwrap_or(0);
            let spelling = spellings
                .into_iter()
                .find(|(_, n)| *n == most)
                .map(|(s, _)| s)
                .unwrap_or_default();
            let term_url = if ugly {
                format!("{prefix}/{plural}/{key}.html")
            } else {
                format!("{prefix}/{plural}/{key}/")
            };
            pages.sort_by(|&a, &b| super::sort::default_order(&tree[a], &tree[b]));
            let mut term = node(
                Kind::Term,
                title_case(&spelling),
                term_url,
                list_id,
                &lang,
                format!("{plural}/{key}"),
            );
            term.params = data.clone();
            term.date = pages.iter().filter_map(|&p| tree[p].date).max();
            term.lastmod = pages
                .iter()
                .filter_map(|&p| tree[p].lastmod.or(tree[p].date))
                .max();
            term.children = pages;
            term_ids.push(tree.push(term));
        }
        term_ids.sort_by(|&a, &b| super::sort::default_order(&tree[a], &tree[b]));
        tree[list_id].date = term_ids.iter().filter_map(|&t| tree[t].date).max();
        tree[list_id].lastmod = term_ids.iter().filter_map(|&t| tree[t].lastmod).max();
        tree[list_id].children = term_ids;
    }
}

/// How the pages use one term: its spellings with their counts, in the order
/// met, and the pages.
#[derive(Default)]
struct TermUse {
    spellings: Vec<(String, usize)>,
    pages: Vec<PageId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_titles_keep_the_writers_capitals() {
        assert_eq!(title_case("aws cli"), "Aws Cli");
        assert_eq!(title_case("HPC"), "HPC");
        assert_eq!(title_case("key-pair"), "Key-Pair");
        assert_eq!(title_case("fi_info"), "Fi_info");
        assert_eq!(title_case("tags"), "Tags");
    }

    #[test]
    fn default_taxonomies_and_configured_ones() {
        let config = Config::for_tests();
        assert_eq!(
            configured(&config),
            [
                ("category".into(), "categories".into()),
                ("tag".into(), "tags".to_string())
            ]
        );
        let mut config = Config::for_tests();
        config
            .raw
            .insert("taxonomies".into(), serde_json::json!({"series": "Series"}));
        assert_eq!(
            configured(&config),
            [("series".to_string(), "series".to_string())]
        );
        let mut config = Config::for_tests();
        config.raw.insert(
            "disablekinds".into(),
            serde_json::json!(["taxonomy", "term"]),
        );
        assert!(configured(&config).is_empty());
    }
}
