//! Shortcode calls of one page, run on the theme's Tera templates
//! (`templates/shortcodes/NAME.html`). Template variables: `args` (named params, and
//! positional ones under "0", "1", …), `positional`, `is_named`, `param_count`,
//! `inner`, `name`, `ordinal`, `parent`, `page` and `site`.

use super::Theme;
use crate::error::Warning;
use crate::shortcode::lex::Params;
use crate::shortcode::tree::Definitions;
use crate::shortcode::{Invocation, Shortcodes};
use serde_json::{Map, Value};
use std::cell::RefCell;

/// The shortcodes as seen from one page.
pub struct PageShortcodes<'a> {
    pub theme: &'a Theme,
    pub site: &'a Value,
    pub page: &'a Value,
    pub warnings: RefCell<Vec<Warning>>,
}

impl<'a> PageShortcodes<'a> {
    pub fn new(theme: &'a Theme, site: &'a Value, page: &'a Value) -> Self {
        PageShortcodes { theme, site, page, warnings: RefCell::new(Vec::new()) }
    }
}

impl Definitions for PageShortcodes<'_> {
    fn uses_inner(&self, name: &str) -> Option<bool> {
        self.theme
            .shortcodes
            .get(name)
            .map(|s| s.uses_inner)
            .or_else(|| self.theme.go_shortcodes.get(name).map(|g| g.uses_inner))
    }
}

fn args_map(params: &Params) -> Map<String, Value> {
    match params {
        Params::None => Map::new(),
        Params::Positional(v) => v.iter().enumerate().map(|(i, v)| (i.to_string(), v.clone())).collect(),
        Params::Named(v) => v.iter().cloned().collect(),
    }
}

impl Shortcodes for PageShortcodes<'_> {
    fn splices_markdown(&self, name: &str) -> bool {
        self.theme.shortcodes.get(name).is_some_and(|s| !s.version1)
    }

    fn render(&self, call: &Invocation<'_>) -> Result<String, String> {
        let Some(template) = self.theme.shortcodes.get(call.name) else {
            // A Go-template shortcode of the site: not run yet, its inner is kept.
            if let Some(go) = self.theme.go_shortcodes.get(call.name) {
                self.warnings.borrow_mut().push(Warning(format!(
                    "{}: Go-template shortcode \"{}\" ({}) is not run by labsite yet; its inner content is shown as it is",
                    call.position,
                    call.name,
                    go.path.display()
                )));
            }
            return Ok(call.inner.unwrap_or("").to_string());
        };
        let mut ctx = tera::Context::new();
        ctx.insert("name", call.name);
        ctx.insert("args", &args_map(call.params));
        let positional: Vec<Value> = match call.params {
            Params::Positional(v) => v.clone(),
            _ => Vec::new(),
        };
        ctx.insert("positional", &positional);
        ctx.insert("is_named", &matches!(call.params, Params::Named(_)));
        ctx.insert("param_count", &call.params.len());
        ctx.insert("inner", &call.inner);
        ctx.insert("ordinal", &call.ordinal);
        ctx.insert("parent", &call.parent.map(|p| p.name));
        ctx.insert("page", self.page);
        ctx.insert("site", self.site);
        self.theme.tera.render(&template.template, &ctx).map_err(|e| {
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
