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
use crate::data_format::as_text;
use crate::error::{Error, Warning};
use crate::library::SiteData;
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

mod data;

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
        let (on_page, on_templates) = self.env.finish();
        warnings.extend(
            on_page
                .into_iter()
                .map(|w| Warning(format!("{position}: {}", w.0))),
        );
        warnings.extend(on_templates);
        warnings
    }

    /// Runs a Go-template shortcode of the site.
    fn run_go(&self, template: &str, call: &Invocation<'_>) -> Result<String, String> {
        let dot = ShortcodeObject::value(&self.env, Rc::new(call_data(call)));
        crate::templates::go::run(&self.env, template, dot).map_err(|e| e.to_string())
    }
}

/// The theme's shortcode `name` run for a Go template, with `params` and
/// `inner`, for page `page` of language `lang`: relearn's `partial
/// "shortcodes/notice.html" (dict …)`, or a site shortcode wrapping Hugo's
/// own (`template "_internal/shortcodes/figure.html" .`).
pub fn render_for_template(
    build: &Build<'_>,
    lang: usize,
    page: PageId,
    name: &str,
    params: &Params,
    inner: Option<&str>,
) -> Option<Result<String, String>> {
    let site = &build.sites[lang];
    build.theme.shortcodes.get(name)?;
    let position = crate::error::Location::new(site.tree[page].source_label(), 0, 0);
    let call = Invocation {
        name,
        params,
        inner,
        markdown: false,
        ordinal: 0,
        position: CallPosition::Known(&position),
        parent: None,
        indent: "",
    };
    let shortcodes = PageShortcodes::new(build, lang, page);
    Some(shortcodes.render_theme(&call))
}

impl PageShortcodes<'_> {
    /// Renders `call` with the theme's own shortcode of its name, whether or
    /// not the site has one: what a site shortcode wrapping it calls.
    fn render_theme(&self, call: &Invocation<'_>) -> Result<String, String> {
        let theme = self.env.build.theme;
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
        set("relearn_major", Value::from(theme.relearn_major));
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
            "openapi" => set("openapi", self.openapi(call)),
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
        self.render_theme(call)
    }
}

impl PageShortcodes<'_> {
    /// The template of the site's hook of `kind` for type `kind_type`: a code
    /// block's hook for its language (`render-codeblock-go.html`) before the
    /// general one.
    fn hook_template(&self, kind: HookKind, kind_type: &str) -> Option<&String> {
        let hooks = &self.env.build.theme.site_layouts.hooks;
        let specific = (kind == HookKind::CodeBlock && !kind_type.is_empty())
            .then(|| hooks.get(&format!("{}-{kind_type}", kind.name())))
            .flatten();
        specific.or_else(|| hooks.get(kind.name()))
    }
}

/// The site's render hooks (`layouts/_default/_markup/render-link.html`, …),
/// run for this page's links, images, headings, code blocks and blockquotes.
impl crate::markdown::RenderHooks for PageShortcodes<'_> {
    fn has(&self, kind: HookKind, kind_type: &str) -> bool {
        self.hook_template(kind, kind_type).is_some()
    }

    fn render(&self, kind: HookKind, call: &HookCall<'_>) -> String {
        let Some(template) = self.hook_template(kind, call.kind_type) else {
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
