//! The `[deployment]` section of the site's configuration, read as Hugo reads
//! it: `[[deployment.targets]]` (where to publish), `[[deployment.matchers]]`
//! (headers, gzip and forced uploads by path), `order` (what goes up first)
//! and the defaults of the command's flags.

use crate::error::{Error, Result};
use globset::{Glob, GlobMatcher};
use regex::Regex;
use serde_json::{Map, Value};
use std::path::Path;

/// One place to publish to.
#[derive(Debug, Clone)]
pub struct Target {
    pub name: String,
    /// A Go CDK bucket URL: `s3://bucket?region=…`, `gs://bucket`, `azblob://container`.
    pub url: String,
    pub cloudfront_distribution_id: Option<String>,
    include: Option<GlobMatcher>,
    exclude: Option<GlobMatcher>,
}

impl Target {
    /// Whether the file at slash path `key` belongs to this target: it matches
    /// `include` (when given) and not `exclude`.
    pub fn covers(&self, key: &str) -> bool {
        self.include.as_ref().is_none_or(|g| g.is_match(key))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(key))
    }
}

/// What to do with the files whose path matches `pattern`.
#[derive(Debug, Clone)]
pub struct Matcher {
    pub pattern: Regex,
    pub cache_control: Option<String>,
    pub content_encoding: Option<String>,
    pub content_type: Option<String>,
    pub gzip: bool,
    /// Upload even when unchanged.
    pub force: bool,
}

/// The whole `[deployment]` section.
#[derive(Debug, Clone)]
pub struct Deployment {
    pub targets: Vec<Target>,
    pub matchers: Vec<Matcher>,
    /// Files matching the first pattern go up first, and so on.
    pub order: Vec<Regex>,
    pub max_deletes: i64,
    pub invalidate_cdn: bool,
    pub workers: usize,
}

impl Deployment {
    /// Reads `[deployment]` from the configuration (keys lower-cased), naming
    /// `config_file` in any error.
    pub fn from_config(raw: &Map<String, Value>, config_file: &Path) -> Result<Deployment> {
        let empty = Map::new();
        let section = raw
            .get("deployment")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let bad = |what: String| Error::file(config_file, what);
        let tables = |key: &str| -> Vec<&Map<String, Value>> {
            section
                .get(key)
                .and_then(Value::as_array)
                .map(|items| items.iter().filter_map(Value::as_object).collect())
                .unwrap_or_default()
        };
        let mut targets = Vec::new();
        for (i, table) in tables("targets").into_iter().enumerate() {
            let name = text(table, "name").unwrap_or_default();
            let Some(url) = text(table, "url") else {
                return Err(bad(format!(
                    "deployment target {} ({name:?}) has no URL: set URL = \"s3://bucket?region=…\" (or gs://, azblob://)",
                    i + 1
                )));
            };
            let glob = |key: &str| -> Result<Option<GlobMatcher>> {
                text(table, key)
                    .map(|pattern| {
                        Glob::new(&pattern)
                            .map(|g| g.compile_matcher())
                            .map_err(|e| {
                                bad(format!(
                                    "deployment target {name:?}: {key} = {pattern:?} is not a glob: {e}"
                                ))
                            })
                    })
                    .transpose()
            };
            if table.get("stripindexhtml").and_then(Value::as_bool) == Some(true) {
                return Err(bad(format!(
                    "deployment target {name:?}: stripIndexHTML is not supported by labsite deploy; remove it and let the bucket's website serve dir/index.html"
                )));
            }
            let (include, exclude) = (glob("include")?, glob("exclude")?);
            targets.push(Target {
                name,
                url,
                cloudfront_distribution_id: text(table, "cloudfrontdistributionid")
                    .filter(|id| !id.is_empty()),
                include,
                exclude,
            });
        }
        let regex = |pattern: &str, what: &str| {
            Regex::new(pattern).map_err(|e| {
                bad(format!(
                    "deployment {what} {pattern:?} is not a regular expression: {e}"
                ))
            })
        };
        let mut matchers = Vec::new();
        for table in tables("matchers") {
            let pattern = text(table, "pattern").unwrap_or_default();
            let flag = |key: &str| table.get(key).and_then(Value::as_bool).unwrap_or(false);
            matchers.push(Matcher {
                pattern: regex(&pattern, "matcher pattern")?,
                cache_control: text(table, "cachecontrol"),
                content_encoding: text(table, "contentencoding"),
                content_type: text(table, "contenttype"),
                gzip: flag("gzip"),
                force: flag("force"),
            });
        }
        let order = section
            .get("order")
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(|p| regex(p, "order"))
                    .collect::<Result<Vec<_>>>()
            })
            .transpose()?
            .unwrap_or_default();
        Ok(Deployment {
            targets,
            matchers,
            order,
            max_deletes: section
                .get("maxdeletes")
                .and_then(Value::as_i64)
                .unwrap_or(256),
            invalidate_cdn: section
                .get("invalidatecdn")
                .and_then(Value::as_bool)
                .unwrap_or(true),
            workers: section
                .get("workers")
                .and_then(Value::as_u64)
                .map_or(10, |n| n.clamp(1, 64) as usize),
        })
    }

    /// The target named `name`, or the first one when no name is given.
    pub fn target(&self, name: Option<&str>, config_file: &Path) -> Result<&Target> {
        let found = match name {
            Some(name) => self.targets.iter().find(|t| t.name == name),
            None => self.targets.first(),
        };
        found.ok_or_else(|| {
            let known: Vec<&str> = self.targets.iter().map(|t| t.name.as_str()).collect();
            let message = if known.is_empty() {
                "no deployment target: add a [[deployment.targets]] table with name and URL"
                    .to_string()
            } else {
                format!(
                    "no deployment target named {:?}; the config has {}",
                    name.unwrap_or_default(),
                    known.join(", ")
                )
            };
            Error::file(config_file, message)
        })
    }

    /// The first matcher for slash path `key`.
    pub fn matcher_for(&self, key: &str) -> Option<&Matcher> {
        self.matchers.iter().find(|m| m.pattern.is_match(key))
    }

    /// Where `key` goes in the upload order: the index of the first `order`
    /// pattern it matches, after all of them when it matches none.
    pub fn rank(&self, key: &str) -> usize {
        self.order
            .iter()
            .position(|r| r.is_match(key))
            .unwrap_or(self.order.len())
    }
}

fn text(table: &Map<String, Value>, key: &str) -> Option<String> {
    table.get(key).and_then(Value::as_str).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deployment(toml_text: &str) -> Result<Deployment> {
        let value = crate::data_format::parse(toml_text, crate::data_format::Format::Toml).unwrap();
        let lowered = crate::data_format::lower_keys(value);
        Deployment::from_config(lowered.as_object().unwrap(), Path::new("hugo.toml"))
    }

    #[test]
    fn reads_targets_matchers_and_order_with_hugo_defaults() {
        let d = deployment(
            r#"
[deployment]
order = ['.jpg$', '.gif$']
[[deployment.targets]]
name = "staging"
URL = "s3://a?region=eu-west-1"
exclude = "**.map"
[[deployment.targets]]
name = "production"
URL = "gs://b"
cloudFrontDistributionID = "E1"
[[deployment.matchers]]
pattern = '^.+\.(js|css)$'
cacheControl = "max-age=630720000"
gzip = true
"#,
        )
        .unwrap();
        assert_eq!(d.max_deletes, 256);
        assert!(d.invalidate_cdn);
        let first = d.target(None, Path::new("hugo.toml")).unwrap();
        assert_eq!(first.name, "staging");
        assert!(first.covers("a/b.js") && !first.covers("a/b.js.map"));
        let prod = d
            .target(Some("production"), Path::new("hugo.toml"))
            .unwrap();
        assert_eq!(prod.cloudfront_distribution_id.as_deref(), Some("E1"));
        let m = d.matcher_for("css/theme.css").unwrap();
        assert!(m.gzip);
        assert!(d.matcher_for("index.html").is_none());
        assert_eq!(
            (d.rank("a.gif"), d.rank("a.jpg"), d.rank("a.html")),
            (1, 0, 2)
        );
        let err = d.target(Some("nope"), Path::new("hugo.toml")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "hugo.toml: no deployment target named \"nope\"; the config has staging, production"
        );
    }

    #[test]
    fn a_bad_matcher_pattern_is_an_error_naming_it() {
        let err = deployment("[[deployment.matchers]]\npattern = '(['\n").unwrap_err();
        assert!(
            err.to_string().starts_with(
                "hugo.toml: deployment matcher pattern \"([\" is not a regular expression"
            ),
            "{err}"
        );
    }
}
