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
    "getJSON",
    "getCSV",
    "data.GetJSON",
    "data.GetCSV",
    "resources.GetRemote",
    "os.Getenv",
    "getenv",
    "now",
    "duration",
    "time.ParseDuration",
    "time.In",
    "newScratch",
    "math.Counter",
    "math.Rand",
    "readDir",
    "os.Stat",
    "transform.CanHighlight",
    "transform.Reset",
    "transform.HighlightCodeBlock",
    "time.Now",
    "time",
    "time.AsTime",
    "dateFormat",
    "time.Format",
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
    let name = crate::gotemplate::names::canonical(name);
    matches!(name, "and" | "or" | "apply")
        || NAMES.contains(&name)
        || super::resources::NAMES.contains(&name)
        || super::build_info::NAMES.contains(&name)
        || super::resources::IMAGE_FILTERS.contains(&name)
        || crate::gotemplate::funcs::builtin(name, &[]).is_some()
        || crate::gotemplate::names::unsupported(name).is_some()
}

/// `transform.HighlightCodeBlock CONTEXT [OPTIONS]`, CONTEXT a code block
/// hook's (`.Inner`, `.Type`): `.Wrapped` is the block's HTML, `.Inner` its code.
fn highlight_code_block<'a>(args: &[Value<'a>]) -> Value<'a> {
    let block = args.first().cloned().unwrap_or(Value::Nil);
    let field = |f: &str| block.field(f).map(|v| v.to_text()).unwrap_or_default();
    let options = crate::markdown::highlight::Options::parse(&text(args, 1));
    let html = crate::markdown::highlight::code_block(&field("Type"), &field("Inner"), &options);
    let inner = html
        .split_once("<code")
        .and_then(|(_, rest)| rest.split_once('>'))
        .map(|(_, rest)| {
            rest.trim_end()
                .trim_end_matches("</code></pre>")
                .to_string()
        })
        .unwrap_or_default();
    let mut m = BTreeMap::new();
    m.insert("Wrapped".to_string(), Value::html(&html));
    m.insert("Inner".to_string(), Value::html(inner));
    Value::map(m)
}

/// The host functions of one run.
pub struct Functions<'a> {
    pub env: Rc<Env<'a>>,
}

fn text(args: &[Value<'_>], i: usize) -> String {
    args.get(i).map(Value::to_text).unwrap_or_default()
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
                None => match self.theme_shortcode(&name, &dot) {
                    Some(result) => result,
                    None => match layouts.disk_partial(&name) {
                        Some(template) => {
                            let out = exec.run_template(&template, dot)?;
                            Ok(exec.take_return().unwrap_or(Value::html(out)))
                        }
                        // Hugo's embedded partial of the pagination links.
                        None if name.trim_end_matches(".html") == "pagination" => {
                            super::paginator::navigation(&dot).map(Value::html)
                        }
                        None => Err(format!(
                            "partial {name:?} not found (add layouts/partials/{name} to the site)"
                        )),
                    },
                },
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
        // The other entries are named parameters; `content` the inner content.
        let inner = params
            .get("content")
            .and_then(|c| crate::data_format::as_text(Some(c)));
        let named: Vec<(String, serde_json::Value)> = params
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "page" | "context" | "content"))
            .map(|(k, v)| (k.to_lowercase(), v.clone()))
            .collect();
        let env = &self.env;
        env.build
            .theme_shortcode(
                env.lang,
                env.page,
                name,
                &crate::shortcode::lex::Params::Named(named),
                inner.as_deref(),
            )
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

    /// `readDir PATH` (the entries of a folder of the site: `.Name`, `.IsDir`,
    /// `.Size`) and `os.Stat PATH` (one entry).
    fn read_dir(&self, name: &str, args: &[Value<'a>]) -> Result<Value<'a>, String> {
        let site = self.env.site();
        let path = text(args, 0);
        let place = site.folders.file(site.root, &path).map_err(|refusal| match refusal {
            crate::confine::Refusal::Outside => format!(
                "{name}: {path:?} is outside the site folder (give a path inside the site, relative to it)"
            ),
            crate::confine::Refusal::NotFound => format!("{name}: {path:?} not found in the site folder"),
        })?;
        let entry = |p: &std::path::Path| -> Value<'a> {
            let meta = std::fs::metadata(p).ok();
            let mut m = BTreeMap::new();
            let file_name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            m.insert("Name".to_string(), Value::str(file_name));
            m.insert(
                "IsDir".to_string(),
                Value::Bool(meta.as_ref().is_some_and(|m| m.is_dir())),
            );
            let size = meta.map_or(0, |m| m.len());
            m.insert(
                "Size".to_string(),
                Value::Int(i64::try_from(size).unwrap_or(i64::MAX)),
            );
            Value::map(m)
        };
        if name == "os.Stat" {
            return Ok(entry(&place));
        }
        let mut entries: Vec<std::path::PathBuf> = std::fs::read_dir(&place)
            .map_err(|e| format!("{name}: {path:?}: {e}"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                site.folders
                    .file(
                        site.root,
                        &p.strip_prefix(site.root).unwrap_or(p).to_string_lossy(),
                    )
                    .is_ok()
            })
            .collect();
        entries.sort();
        Ok(Value::list(entries.iter().map(|p| entry(p)).collect()))
    }

    /// `time.In ZONE TIME`: labsite knows UTC only; another zone keeps the time as it is.
    fn time_in(&self, args: &[Value<'a>]) -> Result<Value<'a>, String> {
        let zone = text(args, 0);
        let time = self.time(args.get(1..).unwrap_or_default())?;
        if matches!(zone.as_str(), "UTC" | "Etc/UTC" | "GMT" | "") {
            return time.call("UTC", &[]);
        }
        self.env.warn_template(format!(
            "time.In {zone:?}: labsite converts times to UTC only; the time keeps its own zone"
        ));
        Ok(time)
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
    /// Hugo's embedded templates labsite makes itself: the pagination links,
    /// and the shortcodes (`template "_internal/shortcodes/figure.html" .`),
    /// called with a shortcode's dot: the theme's shortcode of the name, with
    /// the call's parameters and inner.
    fn template(&self, name: &str, dot: &Value<'a>) -> Option<Result<String, String>> {
        if name == "_internal/pagination.html" {
            return Some(super::paginator::navigation(dot));
        }
        let shortcode = name
            .strip_prefix("_internal/shortcodes/")?
            .strip_suffix(".html")?;
        let Value::Object(object) = dot else {
            return None;
        };
        let payload = object.payload()?;
        let call = payload.downcast_ref::<super::objects::Call>()?;
        let env = &self.env;
        env.build.theme_shortcode(
            env.lang,
            env.page,
            shortcode,
            &call.params,
            call.inner.as_deref(),
        )
    }

    fn call(
        &self,
        exec: &mut Exec<'_, 'a>,
        name: &str,
        args: &[Value<'a>],
    ) -> Option<Result<Value<'a>, String>> {
        if let Some(answer) = super::resources::call(&self.env, name, args)
            .or_else(|| super::build_info::call(&self.env, name, args))
        {
            return Some(answer);
        }
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
            "transform.HighlightCodeBlock" => highlight_code_block(args),
            "readFile" | "os.ReadFile" | "fileExists" | "os.FileExists" => {
                return Some(self.read_file(name, args));
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
            "duration" => {
                return Some(super::date::duration(
                    &text(args, 0),
                    args.get(1).unwrap_or(&Value::Nil),
                ));
            }
            "time.ParseDuration" => return Some(super::date::parse_duration(&text(args, 0))),
            "time.In" => return Some(self.time_in(args)),
            "newScratch" => Value::Object(Rc::new(objects::Scratch::default())),
            "math.Counter" => Value::Int(self.env.next_count()),
            // Hugo's is random; labsite's follows the page's count, so that two
            // builds of the same input are the same.
            "math.Rand" => {
                let n = self.env.next_count() as u64;
                let mixed = n.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 11;
                Value::Float(mixed as f64 / (1u64 << 53) as f64)
            }
            "readDir" | "os.Stat" => return Some(self.read_dir(name, args)),
            "transform.CanHighlight" => {
                Value::Bool(crate::markdown::highlight::knows(&text(args, 0)))
            }
            "transform.Reset" => Value::str(""),
            "time" | "time.AsTime" => return Some(self.time(args)),
            "dateFormat" | "time.Format" => {
                let layout = text(args, 0);
                return Some(
                    self.time(args.get(1.min(args.len())..).unwrap_or_default())
                        .and_then(|d| d.call("Format", &[Value::str(layout)])),
                );
            }
            "site" => SiteObject::value(&self.env, self.env.lang),
            "page" => PageObject::value(&self.env, self.env.lang, self.env.page),
            "urls.Parse" => Value::Object(Rc::new(super::url::Url::parse(&text(args, 0)))),
            "warnf" | "fmt.Warnf" | "warnidf" | "fmt.Warnidf" => {
                let skip = usize::from(name.contains("id"));
                let message = crate::gotemplate::format::sprintf(
                    &text(args, skip),
                    args.get((skip + 1).min(args.len())..).unwrap_or_default(),
                );
                self.env.warn(message);
                Value::str("")
            }
            "errorf" | "fmt.Errorf" | "erroridf" | "fmt.Erroridf" => {
                let skip = usize::from(name.contains("id"));
                return Some(Err(crate::gotemplate::format::sprintf(
                    &text(args, skip),
                    args.get((skip + 1).min(args.len())..).unwrap_or_default(),
                )));
            }
            _ => return None,
        }))
    }
}
