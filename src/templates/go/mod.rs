//! Hugo's side of the site's own Go templates: the objects they see
//! ([`objects`]), the functions that need the site ([`functions`]), and running
//! one shortcode or partial template for a page.
#![allow(clippy::indexing_slicing)] // indices are language numbers of the build, never input

mod build_info;
mod date;
mod file;
mod formats;
pub mod functions;
pub mod hook;
pub mod objects;
mod page;
mod paginator;
mod resources;
mod scratch;
mod shortcode;
mod site;
pub mod url;

use super::build::Build;
use crate::content::PageId;
use crate::error::Warning;
use crate::gotemplate::exec::execute;
use crate::gotemplate::templates::TemplateError;
use crate::gotemplate::value::Value;
use crate::library::SiteData;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// One page's run of Go templates: what they can reach, and the state they
/// share (scratch pads, warnings).
pub struct Env<'a> {
    pub build: &'a Build<'a>,
    /// The language (index into `build.sites`) and page being rendered.
    pub lang: usize,
    pub page: PageId,
    scratches: RefCell<HashMap<(usize, PageId), Rc<objects::Scratch<'a>>>>,
    pub warnings: RefCell<Vec<Warning>>,
    /// Warnings about the templates themselves, the same on every page.
    template_warnings: RefCell<Vec<Warning>>,
    /// The page's Tera context, once the page's layout renders: a Go template
    /// calling a partial the site does not have gets the theme's, rendered with it.
    page_context: RefCell<Option<tera::Context>>,
    /// The `.Text` of the render hooks run so far: HTML Markdown already made.
    rendered_texts: RefCell<Vec<Rc<str>>>,
    /// The output format being rendered (`html`, `tele`), for
    /// `.AlternativeOutputFormats`.
    format: RefCell<String>,
    /// The pager being drawn (from 1), and how many pagers the page's
    /// pagination has, once a template paginated.
    pager: std::cell::Cell<usize>,
    /// The page's pagination once a template made it: later calls of
    /// `.Paginator` and `.Paginate` get the same one, as in Hugo.
    pagination: RefCell<Option<Rc<paginator::Pagination<'a>>>>,
    /// `math.Counter`'s last number. Hugo counts for the whole build; labsite
    /// counts per page, as pages render in parallel and output must not
    /// depend on their order.
    count: std::cell::Cell<i64>,
}

impl<'a> Env<'a> {
    pub fn new(build: &'a Build<'a>, lang: usize, page: PageId) -> Rc<Env<'a>> {
        Rc::new(Env {
            build,
            lang,
            page,
            scratches: RefCell::new(HashMap::new()),
            warnings: RefCell::new(Vec::new()),
            template_warnings: RefCell::new(Vec::new()),
            page_context: RefCell::new(None),
            rendered_texts: RefCell::new(Vec::new()),
            format: RefCell::new("html".to_string()),
            pager: std::cell::Cell::new(1),
            pagination: RefCell::new(None),
            count: std::cell::Cell::new(0),
        })
    }

    /// The site data of the language being rendered.
    pub fn site(&self) -> &'a SiteData<'a> {
        &self.build.sites[self.lang]
    }

    /// The page's scratch pad (`.Scratch`, `.Store`), the same for every template
    /// of this run.
    pub fn scratch(&self, lang: usize, page: PageId) -> Rc<objects::Scratch<'a>> {
        self.scratches
            .borrow_mut()
            .entry((lang, page))
            .or_default()
            .clone()
    }

    /// The next number of `math.Counter`, from 1.
    pub fn next_count(&self) -> i64 {
        self.count.set(self.count.get() + 1);
        self.count.get()
    }

    /// Records `text` as a render hook's `.Text`.
    pub fn note_rendered(&self, text: &Rc<str>) {
        let mut texts = self.rendered_texts.borrow_mut();
        if !texts.contains(text) {
            texts.push(text.clone());
        }
    }

    /// Whether `text` is a render hook's `.Text`, HTML already made from Markdown.
    pub fn is_rendered(&self, text: &str) -> bool {
        self.rendered_texts.borrow().iter().any(|t| &**t == text)
    }

    /// Sets the pager to draw (from 1).
    pub fn set_pager(&self, number: usize) {
        self.pager.set(number.max(1));
    }

    /// The pager being drawn (from 1).
    pub fn pager(&self) -> usize {
        self.pager.get()
    }

    /// The page's pagination, made by `make` the first time a template asks.
    fn pagination(
        &self,
        make: impl FnOnce() -> paginator::Pagination<'a>,
    ) -> Rc<paginator::Pagination<'a>> {
        self.pagination
            .borrow_mut()
            .get_or_insert_with(|| Rc::new(make()))
            .clone()
    }

    /// How many pagers the page's pagination has, if a template paginated.
    pub fn pagers(&self) -> Option<usize> {
        self.pagination.borrow().as_ref().map(|p| p.total())
    }

    /// Sets the output format being rendered (`html`, `tele`).
    pub fn set_format(&self, name: &str) {
        *self.format.borrow_mut() = name.to_string();
    }

    /// The output format being rendered.
    pub fn format(&self) -> String {
        self.format.borrow().clone()
    }

    pub fn set_page_context(&self, context: tera::Context) {
        *self.page_context.borrow_mut() = Some(context);
    }

    /// Whether labsite's theme has partial `name` (`menu.html`, `logo`).
    pub fn has_theme_partial(&self, name: &str) -> bool {
        let file = if name.ends_with(".html") {
            name.to_string()
        } else {
            format!("{name}.html")
        };
        let template = format!("partials/{file}");
        self.build
            .theme
            .tera
            .get_template_names()
            .any(|n| n == template)
    }

    /// The theme's partial `name` for this page (`menu.html` is the page's
    /// sidebar), when the page's layout is rendering and the theme has it.
    pub fn theme_partial(&self, name: &str) -> Option<Result<String, String>> {
        let context = self.page_context.borrow();
        let context = context.as_ref()?;
        if name == "menu.html" {
            let parts = context.get("parts")?;
            return Some(Ok(parts.get("menu")?.as_str()?.to_string()));
        }
        let theme = self.build.theme;
        let file = if name.ends_with(".html") {
            name.to_string()
        } else {
            format!("{name}.html")
        };
        let template = format!("partials/{file}");
        theme
            .tera
            .get_template_names()
            .any(|n| n == template)
            .then(|| theme.render(&template, context).map_err(|e| e.to_string()))
    }

    pub fn warn(&self, message: String) {
        let mut warnings = self.warnings.borrow_mut();
        let warning = Warning(message);
        if !warnings.contains(&warning) {
            warnings.push(warning);
        }
    }

    /// A warning about a template rather than the page: said once per build.
    pub fn warn_template(&self, message: String) {
        let mut warnings = self.template_warnings.borrow_mut();
        let warning = Warning(message);
        if !warnings.contains(&warning) {
            warnings.push(warning);
        }
    }

    /// Ends the run: the page's warnings, then those about templates. Scratch
    /// pads and the pagination may hold objects that hold this environment,
    /// so they go.
    pub fn finish(&self) -> (Vec<Warning>, Vec<Warning>) {
        self.scratches.borrow_mut().clear();
        self.pagination.borrow_mut().take();
        (self.warnings.take(), self.template_warnings.take())
    }

    /// Ends the run, adding its warnings to `warnings` once each: the page's
    /// placed at `label` (the page's source), then those about templates.
    pub fn finish_into(&self, label: &str, warnings: &mut Vec<Warning>) {
        let (on_page, on_templates) = self.finish();
        let placed = on_page
            .into_iter()
            .map(|w| Warning(format!("{label}: {}", w.0)));
        for w in placed.chain(on_templates) {
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
    }
}

/// Checks the site's templates once loaded: a call of a function labsite does
/// not have fails the build, as it fails Hugo's template parser.
pub fn check_templates(theme: &crate::templates::Theme) -> crate::error::Result<()> {
    theme
        .site_layouts
        .templates
        // The theme on disk's partials are checked when a template calls one.
        .check_functions(&functions::is_known, &|file| {
            theme.site_layouts.is_disk_file(file)
        })
        .map_err(|e| {
            crate::error::Error::at(
                crate::error::Location::new(&e.file, e.line, e.col),
                format!(
                    "{} (labsite has Hugo's common template functions; see the README)",
                    e.message
                ),
            )
        })
}

/// Runs the site's template `template` with `dot`, its blocks filled from
/// the templates `scopes` names first (a page layout, then its base); output
/// escaped as html/template escapes it unless `plain_text`.
pub fn run_scoped<'a>(
    env: &Rc<Env<'a>>,
    template: &str,
    scopes: &[String],
    dot: Value<'a>,
    plain_text: bool,
) -> Result<String, TemplateError> {
    let host = functions::Functions { env: env.clone() };
    crate::gotemplate::exec::execute_scoped(
        &env.build.theme.site_layouts.templates,
        template,
        scopes,
        dot,
        &host,
        !plain_text,
    )
}

/// Runs the site template `template` with `dot`, output escaped as Go's
/// html/template escapes it.
pub fn run<'a>(env: &Rc<Env<'a>>, template: &str, dot: Value<'a>) -> Result<String, TemplateError> {
    let host = functions::Functions { env: env.clone() };
    execute(
        &env.build.theme.site_layouts.templates,
        template,
        dot,
        &host,
        true,
    )
}
