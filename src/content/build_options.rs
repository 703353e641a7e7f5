//! Hugo's build options of a page (front matter `build`, or `_build` as older
//! sites write it, and `headless: true`): whether the page is written to a
//! file, whether it has a URL, which collections list it, and whether its
//! bundle's files are published.

use serde_json::{Map, Value};

/// `build.render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Render {
    /// Written to its file, with a URL.
    #[default]
    Always,
    /// A URL, no file.
    Link,
    /// Neither a file nor a URL.
    Never,
}

/// `build.list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum List {
    /// In every collection.
    #[default]
    Always,
    /// In its section's collections (`.Pages`), not the site's.
    Local,
    /// In no collection.
    Never,
}

/// A page's build options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildOptions {
    pub render: Render,
    pub list: List,
    pub publish_resources: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            render: Render::Always,
            list: List::Always,
            publish_resources: true,
        }
    }
}

/// The build options `params` (a page's front matter, keys lower-cased, its
/// cascade applied) give, and what is wrong with a value Hugo passes over
/// (it keeps the default then, and so does labsite).
pub fn from_params(params: &Map<String, Value>) -> (BuildOptions, Option<String>) {
    let mut options = BuildOptions::default();
    if crate::data_format::truthy(params.get("headless")) {
        options.render = Render::Never;
        options.list = List::Never;
    }
    let Some(build) = params.get("build").or_else(|| params.get("_build")) else {
        return (options, None);
    };
    let Value::Object(build) = build else {
        let problem =
            "`build` is not a map (render, list, publishResources); ignored, as Hugo ignores it";
        return (options, Some(problem.into()));
    };
    let mut problem = None;
    for (key, value) in build {
        match (key.to_lowercase().as_str(), value) {
            ("render", Value::Bool(b)) => {
                options.render = if *b { Render::Always } else { Render::Never }
            }
            ("render", Value::String(s)) => {
                options.render = match s.to_lowercase().as_str() {
                    "always" => Render::Always,
                    "link" => Render::Link,
                    "never" => Render::Never,
                    _ => {
                        problem = Some(format!(
                            "`build.render` is \"{s}\", which Hugo reads as always (use always, link or never)"
                        ));
                        Render::Always
                    }
                }
            }
            ("list", Value::Bool(b)) => options.list = if *b { List::Always } else { List::Never },
            ("list", Value::String(s)) => {
                options.list = match s.to_lowercase().as_str() {
                    "always" => List::Always,
                    "local" => List::Local,
                    "never" => List::Never,
                    _ => {
                        problem = Some(format!(
                            "`build.list` is \"{s}\", which Hugo reads as always (use always, local or never)"
                        ));
                        List::Always
                    }
                }
            }
            ("publishresources", v) => {
                options.publish_resources = crate::data_format::truthy(Some(v))
            }
            _ => {}
        }
    }
    (options, problem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn options(front: Value) -> (BuildOptions, Option<String>) {
        from_params(front.as_object().unwrap())
    }

    #[test]
    fn values_as_hugo_reads_them() {
        assert_eq!(options(json!({})), (BuildOptions::default(), None));
        let (headless, _) = options(json!({"headless": true}));
        assert_eq!(
            (headless.render, headless.list),
            (Render::Never, List::Never)
        );
        let (o, _) = options(
            json!({"_build": {"render": "link", "list": "local", "publishResources": false}}),
        );
        assert_eq!(
            o,
            BuildOptions {
                render: Render::Link,
                list: List::Local,
                publish_resources: false
            }
        );
        let (o, _) = options(json!({"build": {"render": false, "list": false}}));
        assert_eq!((o.render, o.list), (Render::Never, List::Never));
        assert_eq!(
            options(json!({"build": {"render": "sometimes"}})),
            (
                BuildOptions::default(),
                Some("`build.render` is \"sometimes\", which Hugo reads as always (use always, link or never)".into())
            )
        );
    }
}
