//! Front matter `cascade` (of the home page, a section or any page, and the
//! site config's): values handed down to the page and the pages below it that
//! do not set them, as Hugo 0.168 hands them down. The nearest page's cascade
//! wins; within one list the first entry that matches wins; an entry's
//! `_target`/`target` (globs on `path`, `kind`, `lang`, `environment`) chooses
//! the pages; an entry's `params` are page params, its other keys front matter.

use serde_json::{Map, Value};

/// One entry of a `cascade` list.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Front matter keys (lower-cased), `params` among them.
    values: Map<String, Value>,
    path: Option<globset::GlobMatcher>,
    kind: Option<globset::GlobMatcher>,
    lang: Option<globset::GlobMatcher>,
    environment: Option<globset::GlobMatcher>,
}

/// What an entry's target is matched against.
pub struct Target<'a> {
    /// Hugo's `.Path`: `/`, `/labs/intro`, lower case, without the language.
    pub path: &'a str,
    /// `home`, `section` or `page`.
    pub kind: &'a str,
    pub lang: &'a str,
    pub environment: &'a str,
}

/// The entries of a front matter `cascade` value (one map or a list of maps),
/// or the reason one is unusable.
pub fn entries(value: &Value) -> Result<Vec<Entry>, String> {
    let maps: Vec<&Map<String, Value>> = match value {
        Value::Object(m) => vec![m],
        Value::Array(items) => items
            .iter()
            .map(|v| v.as_object().ok_or("each entry of `cascade` must be a map"))
            .collect::<Result<_, _>>()?,
        _ => return Err("`cascade` must be a map or a list of maps".into()),
    };
    maps.into_iter().map(entry).collect()
}

fn entry(map: &Map<String, Value>) -> Result<Entry, String> {
    let mut values = Map::new();
    let mut target = Map::new();
    for (key, value) in map {
        match key.to_lowercase().as_str() {
            "_target" | "target" => {
                let Value::Object(t) = value else {
                    return Err(format!("`cascade.{key}` must be a map"));
                };
                for (k, v) in t {
                    target.insert(k.to_lowercase(), v.clone());
                }
            }
            lower => {
                values.insert(lower.to_string(), value.clone());
            }
        }
    }
    let glob = |name: &str| -> Result<Option<globset::GlobMatcher>, String> {
        let Some(pattern) = target.get(name).and_then(Value::as_str) else {
            return Ok(None);
        };
        if pattern.is_empty() {
            return Ok(None);
        }
        globset::GlobBuilder::new(&pattern.to_lowercase())
            .literal_separator(true)
            .build()
            .map(|g| Some(g.compile_matcher()))
            .map_err(|e| format!("`cascade` target {name} {pattern:?}: {e}"))
    };
    Ok(Entry {
        values,
        path: glob("path")?,
        kind: glob("kind")?,
        lang: glob("lang")?,
        environment: glob("environment")?,
    })
}

impl Entry {
    fn matches(&self, target: &Target<'_>) -> bool {
        let fits = |glob: &Option<globset::GlobMatcher>, value: &str| {
            glob.as_ref().is_none_or(|g| g.is_match(value))
        };
        fits(&self.path, target.path)
            && fits(&self.kind, target.kind)
            && fits(&self.lang, target.lang)
            && fits(&self.environment, target.environment)
    }
}

/// Gives `params` (a page's front matter, keys lower-cased) the values of
/// `chain` (the cascades that reach the page, nearest first, each a list in
/// its written order) that match `target` and that the page does not set.
pub fn apply(params: &mut Map<String, Value>, chain: &[&[Entry]], target: &Target<'_>) {
    for entries in chain {
        for entry in entries.iter().filter(|e| e.matches(target)) {
            for (key, value) in &entry.values {
                if key == "params" {
                    if let Value::Object(inner) = value {
                        for (k, v) in inner {
                            params.entry(k.to_lowercase()).or_insert_with(|| v.clone());
                        }
                    }
                } else {
                    params.entry(key.clone()).or_insert_with(|| value.clone());
                }
            }
        }
    }
}

/// Moves the keys of front matter `params` (a map) up among the page's
/// params, as Hugo reads them (`.Params.color` for `params: {color: …}`); a
/// key set in both places takes the value under `params`.
pub fn lift_params(params: &mut Map<String, Value>) {
    if let Some(Value::Object(inner)) = params.remove("params") {
        for (k, v) in inner {
            params.insert(k.to_lowercase(), v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn target<'a>(path: &'a str, kind: &'a str) -> Target<'a> {
        Target {
            path,
            kind,
            lang: "en",
            environment: "production",
        }
    }

    #[test]
    fn the_first_matching_entry_wins_and_the_page_keeps_its_own() {
        let list = entries(&json!([
            {"params": {"color": "red", "foo": "cascaded"}, "type": "special"},
            {"_target": {"path": "/sec/sub/**"}, "params": {"color": "blue"}},
            {"target": {"kind": "page", "path": "/sec/leaf"}, "build": {"render": "never"}}
        ]))
        .unwrap();
        let mut page = Map::new();
        page.insert("foo".into(), json!("own"));
        apply(&mut page, &[&list], &target("/sec/sub/p2", "page"));
        assert_eq!(
            Value::Object(page),
            json!({"foo": "own", "color": "red", "type": "special"})
        );
        let mut leaf = Map::new();
        apply(&mut leaf, &[&list], &target("/sec/leaf", "page"));
        assert_eq!(leaf.get("build"), Some(&json!({"render": "never"})));
        let mut section = Map::new();
        apply(&mut section, &[&list], &target("/sec/leaf", "section"));
        assert_eq!(section.get("build"), None);
    }

    #[test]
    fn a_cascade_that_is_no_map_is_refused() {
        assert_eq!(
            entries(&json!("x")).unwrap_err(),
            "`cascade` must be a map or a list of maps"
        );
        assert_eq!(
            entries(&json!([1])).unwrap_err(),
            "each entry of `cascade` must be a map"
        );
    }
}
