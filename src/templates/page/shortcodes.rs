//! Shortcode calls of one page, run on the theme's Tera templates
//! (`templates/shortcodes/NAME.html`). Rust prepares the data a template cannot
//! compute itself (a `ref` target, a page's `children`, the `tab`s of a `tabs`);
//! the markup stays in the theme. Template variables: `args` (named params, and
//! positional ones under "0", "1", …), `positional`, `is_named`, `param_count`,
//! `inner`, `name`, `ordinal`, `parent`, `page`, `site`, plus per-shortcode data.
//! A template file's final newline is not part of its output. The site's own
//! Go-template shortcodes (`layouts/shortcodes/NAME.html`) come first and run on
//! labsite's Go template engine, with Hugo's objects.
#![allow(clippy::indexing_slicing)] // indices are language numbers of the build, never input

use crate::content::PageId;
use crate::data_format::{as_text, truthy};
use crate::error::{Error, Warning};
use crate::library::SiteData;
use crate::library::refs::RefError;
use crate::markdown::{HookCall, HookKind};
use crate::shortcode::lex::Params;
use crate::shortcode::tree::{Definitions, Inner};
use crate::shortcode::{CallPosition, Invocation, Shortcodes};
use crate::templates::build::Build;
use crate::templates::go::Env;
use crate::templates::go::objects::{Call, ShortcodeObject};
use serde_json::{Map, Value, json};
use std::cell::RefCell;
use std::rc::Rc;

/// Marks one `tab`'s output inside its `tabs` parent's inner content.
const TAB_OPEN: char = '\u{E002}';
const TAB_MID: char = '\u{E003}';
const TAB_CLOSE: char = '\u{E004}';

/// The shortcodes as seen from one page.
pub struct PageShortcodes<'a> {
    pub site: &'a SiteData<'a>,
    pub page: PageId,
    /// The page as templates see it: made when a shortcode first reads it.
    page_view: std::cell::OnceCell<Value>,
    pub warnings: RefCell<Vec<Warning>>,
    pub errors: RefCell<Vec<Error>>,
    /// The page's Go-template environment (shared scratch pad, warnings).
    env: Rc<Env<'a>>,
}

impl Drop for PageShortcodes<'_> {
    fn drop(&mut self) {
        self.env.finish();
    }
}

impl<'a> PageShortcodes<'a> {
    pub fn new(build: &'a Build<'a>, lang: usize, page: PageId) -> Self {
        PageShortcodes {
            site: &build.sites[lang],
            page,
            page_view: std::cell::OnceCell::new(),
            warnings: RefCell::new(Vec::new()),
            errors: RefCell::new(Vec::new()),
            env: Env::new(build, lang, page),
        }
    }

    /// The page as templates see it.
    fn page_view(&self) -> &Value {
        self.page_view
            .get_or_init(|| self.site.page_view(self.page))
    }

    /// The warnings of the page's shortcodes, Go templates' included.
    pub fn finish(&self) -> Vec<Warning> {
        let mut warnings = self.warnings.take();
        let position = &self.site.tree[self.page].source_label();
        warnings.extend(
            self.env
                .finish()
                .into_iter()
                .map(|w| Warning(format!("{position}: {}", w.0))),
        );
        warnings
    }

    /// Runs a Go-template shortcode of the site.
    fn run_go(&self, template: &str, call: &Invocation<'_>) -> Result<String, String> {
        let dot = ShortcodeObject::value(&self.env, Rc::new(call_data(call)));
        crate::templates::go::run(&self.env, template, dot).map_err(|e| e.to_string())
    }

    fn arg(&self, call: &Invocation<'_>, name: &str, index: usize) -> Option<Value> {
        call.params
            .get_name(name)
            .or_else(|| call.params.get_index(index))
            .cloned()
    }

    /// `ref` / `relref`: the target URL, or an error / warning per `refLinksErrorLevel`.
    fn reference(&self, call: &Invocation<'_>) -> String {
        let raw = self
            .arg(call, "path", 0)
            .and_then(|v| as_text(Some(&v)))
            .unwrap_or_default();
        let (path, fragment) = match raw.split_once('#') {
            Some((p, f)) => (p.to_string(), format!("#{f}")),
            None => (raw.clone(), String::new()),
        };
        // A reference to a place on the same page is that place alone, as in Hugo.
        if path.is_empty() {
            return fragment;
        }
        let tree = self.site.tree;
        let page = &tree[self.page];
        let dir = crate::library::refs::context_dir(page, &path);
        let resolved = self.site.refs.resolve(&path, &dir);
        match resolved {
            Ok(id) => {
                let url = if call.name == "ref" {
                    self.site.permalink(id)
                } else {
                    self.site.rel_permalink(id)
                };
                format!("{url}{fragment}")
            }
            Err(e) => {
                let what = match e {
                    RefError::NotFound => "page not found",
                    RefError::Ambiguous => "page reference is ambiguous (give more of its path)",
                };
                let message = format!("REF_NOT_FOUND: Ref \"{raw}\": {what}");
                let level = self
                    .site
                    .config
                    .raw
                    .get("reflinkserrorlevel")
                    .and_then(|v| v.as_str())
                    .unwrap_or("ERROR");
                if level.eq_ignore_ascii_case("warning") {
                    self.warnings
                        .borrow_mut()
                        .push(Warning(format!("{}: {message}", call.position.location())));
                } else {
                    self.errors.borrow_mut().push(Error::at(
                        call.position.location(),
                        format!("{message} (fix the path, or set refLinksErrorLevel = \"WARNING\" to only warn)"),
                    ));
                }
                as_text(self.site.config.raw.get("reflinksnotfoundurl")).unwrap_or_default()
            }
        }
    }

    /// `children`: the page's children (depth levels), learn's `hidden` rule.
    fn children(&self, call: &Invocation<'_>) -> Value {
        let depth = match call.params.get_name("depth") {
            Some(Value::Number(n)) => n.as_u64().unwrap_or(1) as usize,
            Some(Value::String(s)) => s.parse().unwrap_or(1),
            _ => 1,
        };
        let show_hidden = truthy(call.params.get_name("showhidden"));
        let sort = call
            .params
            .get_name("sort")
            .and_then(|v| v.as_str())
            .unwrap_or("Weight")
            .to_string();
        let wanted = Wanted {
            depth,
            show_hidden,
            descriptions: truthy(call.params.get_name("description")),
        };
        self.children_of(self.page, &wanted, &sort)
    }

    fn children_of(&self, id: PageId, wanted: &Wanted, sort: &str) -> Value {
        let tree = self.site.tree;
        let mut kids: Vec<PageId> = tree[id].children.clone();
        match sort.to_lowercase().as_str() {
            "name" | "title" => {
                kids.sort_by(|&a, &b| crate::content::sort::title_order(&tree[a], &tree[b]))
            }
            "date" | "publishdate" => kids.sort_by_key(|&k| tree[k].date.map(|d| d.timestamp())),
            _ => {}
        }
        let items: Vec<Value> = kids
            .into_iter()
            .filter(|&k| wanted.show_hidden || !tree[k].flag("hidden"))
            .map(|k| {
                let p = &tree[k];
                let deeper = Wanted {
                    depth: wanted.depth - 1,
                    ..*wanted
                };
                json!({
                    "title": p.title,
                    "url": self.site.rel_permalink(k),
                    "description": if wanted.descriptions { self.description_html(k) } else { String::new() },
                    "children": if wanted.depth > 1 { self.children_of(k, &deeper, sort) } else { json!([]) },
                })
            })
            .collect();
        Value::Array(items)
    }
}

/// What a `children` call lists: how deep, hidden pages or not, with descriptions.
#[derive(Clone, Copy)]
struct Wanted {
    depth: usize,
    show_hidden: bool,
    descriptions: bool,
}

impl PageShortcodes<'_> {
    /// A child's description as HTML: its `description`, escaped, else its
    /// `.Summary` (learn's `children` shows either).
    fn description_html(&self, id: PageId) -> String {
        let page = &self.site.tree[id];
        match page.text_param("description").filter(|d| !d.is_empty()) {
            Some(d) => crate::text::escape::go_escape(&d),
            None => self
                .env
                .build
                .summary(self.env.lang, id)
                .unwrap_or_default(),
        }
    }

    /// `attachments`: files of the page's `<name>.files/` folder (`files/` for a
    /// bundle), filtered by the `pattern` regular expression.
    fn attachments(&self, call: &Invocation<'_>) -> Result<Value, String> {
        let page = &self.site.tree[self.page];
        let Some(file) = &page.file else {
            return Ok(json!([]));
        };
        let folder = if file.base_name == "index" || file.base_name == "_index" {
            "files".to_string()
        } else {
            format!(
                "{}.files",
                file.logical_name
                    .rsplit_once('.')
                    .map_or(file.logical_name.as_str(), |(s, _)| s)
            )
        };
        let pattern = call
            .params
            .get_name("pattern")
            .and_then(|v| v.as_str())
            .unwrap_or(".*");
        let pattern = crate::gotemplate::regexp::compiled(pattern)
            .map_err(|e| format!("invalid `pattern`: {e}"))?;
        let dir = self.site.root.join(&file.site_path).with_file_name(&folder);
        let mut names: Vec<(String, u64)> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        e.metadata().map(|m| m.len()).unwrap_or(0),
                    )
                })
                .filter(|(n, _)| pattern.is_match(n))
                .collect(),
            Err(_) => Vec::new(),
        };
        names.sort();
        let base = format!(
            "{}{}/{}{}/",
            self.site.config.base_path(),
            self.site.config.lang_prefix(),
            file.dir,
            folder
        );
        Ok(Value::Array(
            names
                .into_iter()
                .map(|(name, size)| {
                    // learn divides by 1024 in whole numbers; the unit is a UI string.
                    let (size, unit) = if size < 1024 {
                        (size, "Byte-symbol")
                    } else if size < 1024 * 1024 {
                        (size / 1024, "Kilobyte-symbol")
                    } else {
                        (size / 1024 / 1024, "Megabyte-symbol")
                    };
                    json!({"name": name, "url": format!("{base}{name}"), "size": size, "unit": unit})
                })
                .collect(),
        ))
    }
}

impl PageShortcodes<'_> {
    /// `param`: a page param (dotted names reach into maps), else the site's.
    fn param(&self, call: &Invocation<'_>) -> Result<String, String> {
        let key = self
            .arg(call, "name", 0)
            .and_then(|v| as_text(Some(&v)))
            .unwrap_or_default();
        let lookup = |root: Option<&Value>| {
            key.to_lowercase()
                .split('.')
                .try_fold(root?, |v, part| v.get(part))
                .cloned()
        };
        let page = &self.site.tree[self.page];
        let page_params = Value::Object(page.params.clone());
        let found =
            lookup(Some(&page_params)).or_else(|| lookup(self.site.site_view.get("params")));
        match found {
            Some(v) => Ok(as_text(Some(&v)).unwrap_or_else(|| v.to_string())),
            None => Err(format!(
                "Param \"{key}\" not found (set it in the page's front matter or the site's [params])"
            )),
        }
    }
}

impl PageShortcodes<'_> {
    /// `include`: a file of the site, read as it is. Paths are relative to the site
    /// folder and may not leave it.
    fn include(&self, call: &Invocation<'_>) -> Result<String, String> {
        let name = self
            .arg(call, "file", 0)
            .and_then(|v| as_text(Some(&v)))
            .unwrap_or_default();
        let text = self.site.folders.read(&name)?;
        let hide = self
            .arg(call, "hidefirstheading", 1)
            .is_some_and(|v| crate::data_format::truthy(Some(&v)) && v != "false");
        if !hide {
            return Ok(text);
        }
        // relearn's hidefirstheading: the first Markdown heading line goes.
        let mut lines = text.split_inclusive('\n');
        let mut out = String::new();
        let mut dropped = false;
        for line in lines.by_ref() {
            if !dropped && line.trim_start().starts_with('#') {
                dropped = true;
                continue;
            }
            out.push_str(line);
        }
        Ok(out)
    }
}

/// relearn's way for templates to use its shortcodes: `partial
/// "shortcodes/notice.html" (dict "page" . "style" "info" "content" "…")`. The
/// theme's shortcode `name` renders with the other entries as named parameters
/// and `content` as its inner content, for page `page` of language `lang`.
pub fn render_for_template(
    build: &Build<'_>,
    lang: usize,
    page: PageId,
    name: &str,
    params: &serde_json::Map<String, Value>,
) -> Option<Result<String, String>> {
    let site = &build.sites[lang];
    build.theme.shortcodes.get(name)?;
    let inner = params.get("content").and_then(|c| as_text(Some(c)));
    let named: Vec<(String, Value)> = params
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "page" | "context" | "content"))
        .map(|(k, v)| (k.to_lowercase(), v.clone()))
        .collect();
    let params = Params::Named(named);
    let position = crate::error::Location::new(site.tree[page].source_label(), 0, 0);
    let call = Invocation {
        name,
        params: &params,
        inner: inner.as_deref(),
        markdown: false,
        ordinal: 0,
        position: CallPosition::Known(&position),
        parent: None,
        indent: "",
    };
    let shortcodes = PageShortcodes::new(build, lang, page);
    Some(shortcodes.render(&call))
}

impl PageShortcodes<'_> {
    /// Renders the theme's shortcode `name` for a Markdown render hook, with
    /// named parameters `params` and inner content `inner`.
    fn render_for_hook(
        &self,
        name: &str,
        params: Vec<(String, Value)>,
        inner: &str,
    ) -> Result<String, String> {
        let params = Params::Named(params);
        let position = crate::error::Location::new(self.site.tree[self.page].source_label(), 0, 0);
        self.render(&Invocation {
            name,
            params: &params,
            inner: Some(inner),
            markdown: false,
            ordinal: 0,
            position: CallPosition::Known(&position),
            parent: None,
            indent: "",
        })
    }

    /// relearn's blockquote alert (`> [!tip]+ Title`): the theme's notice box.
    pub fn render_alert(
        &self,
        style: &str,
        title: Option<&str>,
        expanded: Option<bool>,
        content: &str,
    ) -> Result<String, String> {
        let mut params = vec![("style".to_string(), json!(style))];
        params.extend(title.map(|t| ("title".to_string(), json!(t))));
        params.extend(expanded.map(|e| ("expanded".to_string(), json!(e))));
        self.render_for_hook("notice", params, content)
    }

    /// relearn's code block with a `title`: one tab named by the title.
    pub fn render_titled_code(&self, title: &str, block: &str) -> Result<String, String> {
        let inner = format!("{TAB_OPEN}{title}{TAB_MID}{block}{TAB_CLOSE}");
        self.render_for_hook("tabs", Vec::new(), &inner)
    }
}

/// What a Go template sees of a call, its parents' included.
fn call_data(call: &Invocation<'_>) -> Call {
    Call {
        name: call.name.to_string(),
        params: call.params.clone(),
        inner: call.inner.map(str::to_string),
        ordinal: call.ordinal,
        position: call.position.location().to_string(),
        indent: call.indent.to_string(),
        parent: call.parent.map(|p| Rc::new(call_data(p))),
    }
}

impl Definitions for PageShortcodes<'_> {
    fn inner(&self, name: &str) -> Option<Inner> {
        let theme = self.env.build.theme;
        theme
            .site_layouts
            .shortcodes
            .get(name)
            .map(|g| g.inner)
            .or_else(|| theme.shortcodes.get(name).map(|s| s.inner))
    }
}

fn args_map(params: &Params) -> Map<String, Value> {
    match params {
        Params::None => Map::new(),
        Params::Positional(v) => v
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v.clone()))
            .collect(),
        Params::Named(v) => v.iter().cloned().collect(),
    }
}

/// Splits a `tabs` inner content into its tabs (name, content).
fn split_tabs(inner: &str) -> Vec<Value> {
    let mut tabs = Vec::new();
    let mut rest = inner;
    while let Some(start) = rest.find(TAB_OPEN) {
        let after = rest.get(start + TAB_OPEN.len_utf8()..).unwrap_or_default();
        let (Some(mid), Some(end)) = (after.find(TAB_MID), after.find(TAB_CLOSE)) else {
            break;
        };
        if mid > end {
            break;
        }
        tabs.push(json!({"name": after.get(..mid).unwrap_or_default(), "content": after.get(mid + TAB_MID.len_utf8()..end).unwrap_or_default()}));
        rest = after.get(end + TAB_CLOSE.len_utf8()..).unwrap_or_default();
    }
    tabs
}

impl Shortcodes for PageShortcodes<'_> {
    fn splices_markdown(&self, name: &str) -> bool {
        let theme = self.env.build.theme;
        theme.site_layouts.shortcodes.contains_key(name)
            || theme.shortcodes.get(name).is_some_and(|s| !s.version1)
    }

    fn render(&self, call: &Invocation<'_>) -> Result<String, String> {
        let theme = self.env.build.theme;
        if let Some(go) = theme.site_layouts.shortcodes.get(call.name) {
            return self.run_go(&go.template, call);
        }
        let Some(template) = theme.shortcodes.get(call.name) else {
            return Ok(call.inner.unwrap_or("").to_string());
        };
        // The variables are made as template values and moved into the context
        // at once (`Context::insert` would copy each again).
        let mut vars = Map::new();
        let mut set = |key: &str, value: Value| {
            vars.insert(key.to_string(), value);
        };
        set("name", Value::String(call.name.to_string()));
        set("args", Value::Object(args_map(call.params)));
        set(
            "positional",
            Value::Array(match call.params {
                Params::Positional(v) => v.clone(),
                _ => Vec::new(),
            }),
        );
        set(
            "is_named",
            Value::Bool(matches!(call.params, Params::Named(_))),
        );
        set("param_count", Value::from(call.params.len()));
        set(
            "inner",
            call.inner
                .map_or(Value::Null, |i| Value::String(i.to_string())),
        );
        set("ordinal", Value::from(call.ordinal));
        set(
            "parent",
            call.parent
                .map_or(Value::Null, |p| Value::String(p.name.to_string())),
        );
        if template.reads_page {
            set("page", self.page_view().clone());
        }
        if template.reads_site {
            set("site", self.site.site_view.clone());
        }
        match call.name {
            "ref" | "relref" => set("target", Value::String(self.reference(call))),
            "children" => set("children", self.children(call)),
            "attachments" => set("files", self.attachments(call)?),
            "param" => set("value", Value::String(self.param(call)?)),
            "include" => set("content", Value::String(self.include(call)?)),
            "tabs" => set("tabs", Value::Array(split_tabs(call.inner.unwrap_or("")))),
            "tab" => {
                if call.parent.map(|p| p.name) != Some("tabs") {
                    return Err("tab shortcode missing its parent (put it inside {{< tabs >}} … {{< /tabs >}})".into());
                }
                let name = self
                    .arg(call, "name", 0)
                    .or_else(|| self.arg(call, "title", 99));
                let name = name.and_then(|v| as_text(Some(&v))).unwrap_or_default();
                return Ok(format!(
                    "{TAB_OPEN}{}{TAB_MID}{}{TAB_CLOSE}",
                    name.trim(),
                    call.inner.unwrap_or("")
                ));
            }
            _ => {}
        }
        let ctx = tera::Context::from_value(Value::Object(vars)).unwrap_or_default();
        // A template file's final newline is not part of the output.
        let rendered = theme.tera.render(&template.template, &ctx).map(|mut out| {
            if out.ends_with('\n') {
                out.pop();
            }
            out
        });
        rendered.map_err(|e| {
            let mut message = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                message.push_str(&format!(": {s}"));
                source = s.source();
            }
            message
        })
    }
}

/// The site's render hooks (`layouts/_default/_markup/render-link.html`, …),
/// run for this page's links and images.
impl crate::markdown::RenderHooks for PageShortcodes<'_> {
    fn has(&self, kind: HookKind) -> bool {
        self.env
            .build
            .theme
            .site_layouts
            .hooks
            .contains_key(hook_name(kind))
    }

    fn render(&self, kind: HookKind, call: &HookCall<'_>) -> String {
        let hooks = &self.env.build.theme.site_layouts.hooks;
        let Some(template) = hooks.get(hook_name(kind)) else {
            return String::new();
        };
        let dot = crate::templates::go::hook::HookObject::value(&self.env, call);
        crate::templates::go::run(&self.env, template, dot).unwrap_or_else(|e| {
            let page = self.site.tree[self.page].source_label();
            self.errors
                .borrow_mut()
                .push(Error::file(page, format!("render hook: {e}")));
            String::new()
        })
    }
}

/// The name of a render hook of `kind` (`render-link.html` is `link`).
fn hook_name(kind: HookKind) -> &'static str {
    match kind {
        HookKind::Link => "link",
        HookKind::Image => "image",
    }
}
