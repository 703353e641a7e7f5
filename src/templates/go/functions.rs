//! Hugo's template functions that need the site: `partial`, `markdownify`, `T`,
//! URLs, `ref`/`relref`, `highlight`, files (confined to the site folder), dates,
//! `warnf`/`errorf`, and the network functions, which labsite does not call.
#![allow(clippy::indexing_slicing)] // indices are arguments whose count the call checked, never input

use super::Env;
use super::objects::{self, PageObject, SiteObject};
use crate::gotemplate::exec::{Exec, Host};
use crate::gotemplate::value::Value;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The version of Hugo whose behaviour labsite follows (`hugo.Version`).
pub const HUGO_VERSION: &str = "0.128.0";

/// The functions [`Functions`] has, for the load-time check of templates.
pub const NAMES: &[&str] = &[
    "partial",
    "partialCached",
    "markdownify",
    "transform.Markdownify",
    "T",
    "i18n",
    "lang.Translate",
    "relURL",
    "absURL",
    "relLangURL",
    "absLangURL",
    "urls.RelURL",
    "urls.AbsURL",
    "urls.RelLangURL",
    "urls.AbsLangURL",
    "ref",
    "relref",
    "highlight",
    "transform.Highlight",
    "readFile",
    "os.ReadFile",
    "fileExists",
    "os.FileExists",
    "resources.Get",
    "getJSON",
    "getCSV",
    "data.GetJSON",
    "data.GetCSV",
    "resources.GetRemote",
    "os.Getenv",
    "getenv",
    "now",
    "time.Now",
    "time",
    "time.AsTime",
    "dateFormat",
    "time.Format",
    "hugo",
    "hugo.Version",
    "hugo.Generator",
    "hugo.Environment",
    "hugo.IsProduction",
    "hugo.IsServer",
    "site",
    "page",
    "urls.Parse",
    "warnf",
    "fmt.Warnf",
    "warnidf",
    "fmt.Warnidf",
    "errorf",
    "fmt.Errorf",
    "erroridf",
    "fmt.Erroridf",
];

/// Whether a template may call `name`: Go's and Hugo's functions labsite has.
pub fn is_known(name: &str) -> bool {
    matches!(name, "and" | "or")
        || NAMES.contains(&name)
        || crate::gotemplate::funcs::builtin(name, &[]).is_some()
}

/// The host functions of one run.
pub struct Functions<'a> {
    pub env: Rc<Env<'a>>,
}

fn text(args: &[Value<'_>], i: usize) -> String {
    args.get(i).map(Value::to_text).unwrap_or_default()
}

/// `hugo` and `.Site.Hugo`: what templates may ask of the generator.
pub fn hugo_info<'a>() -> Value<'a> {
    let mut m = BTreeMap::new();
    m.insert("Version".to_string(), Value::str(HUGO_VERSION));
    m.insert(
        "Generator".to_string(),
        Value::html(format!(
            "<meta name=\"generator\" content=\"Hugo {HUGO_VERSION}\">"
        )),
    );
    m.insert("Environment".to_string(), Value::str("production"));
    m.insert("IsProduction".to_string(), Value::Bool(true));
    m.insert("IsServer".to_string(), Value::Bool(false));
    m.insert("IsExtended".to_string(), Value::Bool(true));
    Value::map(m)
}

impl<'a> Functions<'a> {
    fn partial(&self, exec: &mut Exec<'_, 'a>, args: &[Value<'a>]) -> Result<Value<'a>, String> {
        let name = text(args, 0);
        let dot = args.get(1).cloned().unwrap_or(Value::Nil);
        let layouts = &self.env.build.theme.site_layouts;
        match layouts.partial(&name) {
            Some(template) => {
                let out = exec.run_template(&template, dot)?;
                // A partial's `return` value, when it has one, is the result.
                Ok(exec.take_return().unwrap_or(Value::html(out)))
            }
            None => match self.env.theme_partial(&name) {
                Some(result) => result.map(Value::html),
                None => self.theme_shortcode(&name, &dot).unwrap_or_else(|| {
                    Err(format!(
                        "partial {name:?} not found (add layouts/partials/{name} to the site)"
                    ))
                }),
            },
        }
    }

    /// `partial "shortcodes/NAME.html" (dict …)`: the theme's shortcode NAME.
    fn theme_shortcode(&self, partial: &str, dot: &Value<'a>) -> Option<Result<Value<'a>, String>> {
        let name = partial
            .strip_prefix("shortcodes/")?
            .trim_end_matches(".html");
        let serde_json::Value::Object(params) = crate::gotemplate::funcs::to_json(dot) else {
            return None;
        };
        let env = &self.env;
        env.build
            .theme_shortcode(env.lang, env.page, name, &params)
            .map(|r| r.map(Value::html))
    }

    fn url(&self, name: &str, input: &str) -> String {
        let config = self.env.site().config;
        if input.contains("://") || input.starts_with("//") {
            return input.to_string();
        }
        let lang = if name.contains("Lang") {
            config.lang_prefix()
        } else {
            String::new()
        };
        // A path from the server root keeps it: baseURL's path is not added.
        let base_path = if input.starts_with('/') {
            ""
        } else {
            config.base_path()
        };
        let path = format!("{base_path}{lang}/{}", input.trim_start_matches('/'));
        let path = if input.is_empty() && !lang.is_empty() {
            format!("{}{lang}/", config.base_path())
        } else {
            path
        };
        if name.starts_with("abs") {
            format!("{}{path}", config.base_host())
        } else {
            path
        }
    }

    fn reference(&self, name: &str, args: &[Value<'a>]) -> Result<Value<'a>, String> {
        let target = match args.get(1) {
            Some(Value::Map(m)) => m.get("path").map(Value::to_text).unwrap_or_default(),
            _ => text(args, 1),
        };
        let site = self.env.site();
        let page = &site.tree[self.env.page];
        let dir = crate::library::refs::context_dir(page, &target);
        let (path, fragment) = match target.split_once('#') {
            Some((p, f)) => (p, format!("#{f}")),
            None => (target.as_str(), String::new()),
        };
        // A reference to a place on the same page is that place alone, as in Hugo.
        if path.is_empty() {
            return Ok(Value::str(fragment));
        }
        let id = site
            .refs
            .resolve(path, &dir)
            .map_err(|_| format!("REF_NOT_FOUND: Ref {target:?}: page not found"))?;
        let url = if name == "ref" {
            site.permalink(id)
        } else {
            site.rel_permalink(id)
        };
        Ok(Value::str(format!("{url}{fragment}")))
    }

    fn read_file(&self, name: &str, args: &[Value<'a>]) -> Result<Value<'a>, String> {
        let site = self.env.site();
        let file = text(args, 0);
        if name == "fileExists" || name == "os.FileExists" {
            return Ok(Value::Bool(site.folders.file(site.root, &file).is_ok()));
        }
        // A file that does not exist reads as empty, as in Hugo; outside the site
        // it is an error.
        match site.folders.read(&file) {
            Err(e) if e.contains("not found") => Ok(Value::str("")),
            other => other.map(Value::str),
        }
    }

    fn time(&self, args: &[Value<'a>]) -> Result<Value<'a>, String> {
        match args.first() {
            Some(Value::Object(o)) if o.type_name() == "time.Time" => Ok(args[0].clone()),
            Some(v) => crate::date::parse(&v.to_text())
                .map(objects::date)
                .ok_or_else(|| format!("unable to parse date: {}", v.to_text())),
            None => Err("time: missing the date".into()),
        }
    }

    fn unreachable(&self, name: &str, args: &[Value<'a>]) -> Value<'a> {
        self.env.warn(format!(
            "{name} {:?}: labsite does not fetch remote data; the template gets an empty result",
            text(args, 0)
        ));
        Value::Nil
    }
}

impl<'a> Host<'a> for Functions<'a> {
    fn call(
        &self,
        exec: &mut Exec<'_, 'a>,
        name: &str,
        args: &[Value<'a>],
    ) -> Option<Result<Value<'a>, String>> {
        let site = self.env.site();
        let settings = site.markdown_settings();
        Some(Ok(match name {
            "partial" | "partialCached" => return Some(self.partial(exec, args)),
            "markdownify" | "transform.Markdownify" => {
                let source = text(args, 0);
                if self.env.is_rendered(&source) {
                    // Markdown made twice would nest links in links; Hugo fails here.
                    self.env.warn_template(
                        "a render hook's template: markdownify of a render hook's .Text, which is HTML already: used as it is (write `.Text | safeHTML`)"
                            .to_string(),
                    );
                    return Some(Ok(Value::html(source)));
                }
                Value::html(crate::markdown::markdownify(&source, settings))
            }
            "T" | "i18n" | "lang.Translate" => {
                let key = text(args, 0);
                let found = self
                    .env
                    .build
                    .theme
                    .strings
                    .get(&site.config.language)
                    .and_then(|s| s.lookup(&key))
                    .unwrap_or_default();
                let count = match args.get(1) {
                    Some(Value::Map(m)) => m.get("Count").or_else(|| m.get("count")).cloned(),
                    other => other.cloned(),
                };
                match count {
                    Some(n) => Value::str(
                        ["{{ .Count }}", "{{.Count}}", "{{ . }}", "{{.}}"]
                            .iter()
                            .fold(found, |t, p| t.replace(p, &n.to_text())),
                    ),
                    None => Value::str(found),
                }
            }
            "relURL" | "absURL" | "relLangURL" | "absLangURL" | "urls.RelURL" | "urls.AbsURL"
            | "urls.RelLangURL" | "urls.AbsLangURL" => {
                let short = name.trim_start_matches("urls.");
                let short = match short {
                    "RelURL" => "relURL",
                    "AbsURL" => "absURL",
                    "RelLangURL" => "relLangURL",
                    "AbsLangURL" => "absLangURL",
                    s => s,
                };
                Value::str(self.url(short, &text(args, 0)))
            }
            "ref" | "relref" => return Some(self.reference(name, args)),
            "highlight" | "transform.Highlight" => {
                let code = text(args, 0);
                let options = crate::markdown::highlight::Options::parse(&text(args, 2));
                Value::html(crate::markdown::highlight::code_block(
                    &text(args, 1),
                    code.trim_matches(|c| c == '\n' || c == '\r'),
                    &options,
                ))
            }
            "readFile" | "os.ReadFile" | "fileExists" | "os.FileExists" => {
                return Some(self.read_file(name, args));
            }
            "resources.Get" => {
                let name = text(args, 0);
                match site.asset_file(&name) {
                    Some(file) => Value::Object(Rc::new(objects::ResourceObject::asset(
                        name.trim_start_matches('/'),
                        file,
                        site,
                    ))),
                    None => Value::Nil,
                }
            }
            "getJSON" | "getCSV" | "data.GetJSON" | "data.GetCSV" | "resources.GetRemote" => {
                self.unreachable(name, args)
            }
            "os.Getenv" | "getenv" => {
                // Hugo's default security policy lets templates read only these.
                let var = text(args, 0);
                if var.starts_with("HUGO_") || var == "CI" {
                    Value::str(std::env::var(&var).unwrap_or_default())
                } else {
                    return Some(Err(format!(
                        "access denied: {var:?} is not an allowed environment variable (only HUGO_* and CI are)"
                    )));
                }
            }
            "now" | "time.Now" => objects::date(self.env.build.now),
            "time" | "time.AsTime" => return Some(self.time(args)),
            "dateFormat" | "time.Format" => {
                let layout = text(args, 0);
                return Some(
                    self.time(args.get(1.min(args.len())..).unwrap_or_default())
                        .and_then(|d| d.call("Format", &[Value::str(layout)])),
                );
            }
            "hugo" => hugo_info(),
            "hugo.Version" => Value::str(HUGO_VERSION),
            "hugo.Generator" => hugo_info().field("Generator").unwrap_or(Value::Nil),
            "hugo.Environment" => Value::str("production"),
            "hugo.IsProduction" => Value::Bool(true),
            "hugo.IsServer" => Value::Bool(false),
            "site" => SiteObject::value(&self.env, self.env.lang),
            "page" => PageObject::value(&self.env, self.env.lang, self.env.page),
            "urls.Parse" => Value::Object(Rc::new(super::url::Url::parse(&text(args, 0)))),
            "warnf" | "fmt.Warnf" | "warnidf" | "fmt.Warnidf" => {
                let skip = usize::from(name.contains("id"));
                let message = crate::gotemplate::funcs::sprintf(
                    &text(args, skip),
                    args.get((skip + 1).min(args.len())..).unwrap_or_default(),
                );
                self.env.warn(message);
                Value::str("")
            }
            "errorf" | "fmt.Errorf" | "erroridf" | "fmt.Erroridf" => {
                let skip = usize::from(name.contains("id"));
                return Some(Err(crate::gotemplate::funcs::sprintf(
                    &text(args, skip),
                    args.get((skip + 1).min(args.len())..).unwrap_or_default(),
                )));
            }
            _ => return None,
        }))
    }
}
