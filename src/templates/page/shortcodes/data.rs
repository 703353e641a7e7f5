//! What the theme's shortcode templates cannot compute themselves, prepared
//! for them: a `ref` target, a section's `children`, a bundle's
//! `attachments`, a front matter `param`, an `include`d file.

use super::PageShortcodes;
use crate::content::PageId;
use crate::data_format::{as_text, truthy};
use crate::error::{Error, Warning};
use crate::library::refs::RefError;
use crate::shortcode::Invocation;
use serde_json::{Value, json};

impl PageShortcodes<'_> {
    pub(super) fn arg(&self, call: &Invocation<'_>, name: &str, index: usize) -> Option<Value> {
        call.params
            .get_name(name)
            .or_else(|| call.params.get_index(index))
            .cloned()
    }

    /// [`Self::arg`] as text; empty when the call does not give it.
    fn arg_text(&self, call: &Invocation<'_>, name: &str, index: usize) -> String {
        self.arg(call, name, index)
            .and_then(|v| as_text(Some(&v)))
            .unwrap_or_default()
    }

    /// `ref` / `relref`: the target URL, or an error / warning per `refLinksErrorLevel`.
    pub(super) fn reference(&self, call: &Invocation<'_>) -> String {
        let raw = self.arg_text(call, "path", 0);
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
    pub(super) fn children(&self, call: &Invocation<'_>) -> Value {
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
    pub(super) fn attachments(&self, call: &Invocation<'_>) -> Result<Value, String> {
        let page = &self.site.tree[self.page];
        let Some(file) = &page.file else {
            return Ok(json!([]));
        };
        // learn's folder is named after the file without its extension, its
        // language kept (`_index.en.files/`, `page.files/`); a bundle's is `files/`.
        let named = format!(
            "{}.files",
            file.logical_name
                .rsplit_once('.')
                .map_or(file.logical_name.as_str(), |(s, _)| s)
        );
        let source_dir = self.site.root.join(&file.site_path);
        let bundle_files = file.base_name == "index"
            || (file.base_name == "_index" && !source_dir.with_file_name(&named).is_dir());
        let folder = if bundle_files {
            "files".to_string()
        } else {
            named
        };
        let pattern = call
            .params
            .get_name("pattern")
            .and_then(|v| v.as_str())
            .unwrap_or(".*");
        let pattern = crate::gotemplate::regexp::compiled(pattern)
            .map_err(|e| format!("invalid `pattern`: {e}"))?;
        let dir = source_dir.with_file_name(&folder);
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

    /// relearn's `openapi`: the spec's text when `src` names a file of the
    /// page's bundle or of `assets/` (the page carries it), else its URL; and
    /// the container's id, `id` or one made from the page and the call's place.
    pub(super) fn openapi(&self, call: &Invocation<'_>) -> Value {
        let src = self.arg_text(call, "src", 0);
        let id = match self.arg_text(call, "id", 99) {
            id if !id.is_empty() => id,
            _ => {
                let place = format!("{}#{}", self.site.rel_permalink(self.page), call.ordinal);
                let md5 = crate::gotemplate::digest::digest("md5", place.as_bytes());
                crate::gotemplate::digest::hex(&md5.unwrap_or_default())
            }
        };
        let absolute = src.contains("://") || src.starts_with("//");
        let path = src.strip_prefix("./").unwrap_or(&src);
        let file = (!absolute && !path.is_empty())
            .then(|| {
                self.site
                    .tree
                    .resource_file(self.page, path)
                    .map(|r| r.source.clone())
                    .or_else(|| self.site.asset_file(path))
            })
            .flatten();
        match file.and_then(|f| std::fs::read_to_string(f).ok()) {
            Some(spec) => json!({"id": id, "src": "", "spec": spec}),
            None => json!({"id": id, "src": src, "spec": ""}),
        }
    }

    /// `param`: a page param (dotted names reach into maps), else the site's.
    pub(super) fn param(&self, call: &Invocation<'_>) -> Result<String, String> {
        let key = self.arg_text(call, "name", 0);
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

    /// `include`: a file of the site, read as it is. Paths are relative to the site
    /// folder and may not leave it.
    pub(super) fn include(&self, call: &Invocation<'_>) -> Result<String, String> {
        let name = self.arg_text(call, "file", 0);
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

/// What a `children` call lists: how deep, hidden pages or not, with descriptions.
#[derive(Clone, Copy)]
struct Wanted {
    depth: usize,
    show_hidden: bool,
    descriptions: bool,
}
