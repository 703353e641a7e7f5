//! Scans `content/` with walkdir and builds the [`ContentTree`]: home, sections
//! (`_index.md`; every top-level folder), regular pages, leaf bundles (`index.md` and
//! its resources), language suffixes, front matter, URLs, the publication filter and
//! Hugo's default order. Loading never renders anything.
#![allow(clippy::indexing_slicing)] // indices are section ids and page ids the loader itself hands out, never input

use super::aliases::check_paths_stay_inside;
use super::bundles::{attach_resources, bundle_and_section_dirs, leaf_dir_of, nearest_section};
use super::walk::{
    ContentFile, OtherFile, Walked, content_dir, content_root, index_dirs, parent_dir, scan, walk,
};
use super::{ContentTree, Kind, Page, PageId, SourceFile, build_options, cascade, url};
use crate::config::Config;
use crate::confine::Confinement;
use crate::data_format::as_text;
use crate::date;
use crate::error::{Error, Location, Result, Warning};
use crate::frontmatter;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The loaded content and what was worth a warning.
pub struct Loaded {
    pub tree: ContentTree,
    pub warnings: Vec<Warning>,
}

/// Loads the content of the site at `root` in the language `config.language`,
/// reading only inside `folders`.
pub fn load(root: &Path, config: &Config, folders: &Confinement) -> Result<Loaded> {
    let walked = walk(
        root,
        &content_root(root, config),
        folders,
        &config.ignore_files,
    )?;
    load_walked(root, config, &walked)
}

/// Loads the content of each language of `views` (the site's config seen from
/// each language) side by side, each content folder walked once however many
/// languages share it. A folder that cannot be walked is one error. Nothing
/// outside `folders` is read.
pub fn load_languages(
    root: &Path,
    views: Vec<Config>,
    folders: &Confinement,
) -> Vec<Result<(Config, Loaded)>> {
    use rayon::prelude::*;
    let mut roots: Vec<PathBuf> = views.iter().map(|view| content_root(root, view)).collect();
    roots.sort();
    roots.dedup();
    let ignore = views
        .first()
        .map(|v| v.ignore_files.clone())
        .unwrap_or_default();
    let walked: Vec<(PathBuf, Result<Walked>)> = roots
        .into_par_iter()
        .map(|dir| {
            let walked = walk(root, &dir, folders, &ignore);
            (dir, walked)
        })
        .collect();
    let mut loaded: Vec<Result<(Config, Loaded)>> = views
        .into_par_iter()
        .filter_map(|view| {
            let dir = content_root(root, &view);
            let (_, walked) = walked.iter().find(|(d, _)| *d == dir)?;
            let walked = walked.as_ref().ok()?;
            Some(load_walked(root, &view, walked).map(|loaded| (view, loaded)))
        })
        .collect();
    loaded.extend(walked.into_iter().filter_map(|(_, w)| w.err()).map(Err));
    loaded
}

/// [`load`], the content folder already walked (`walked`, the language's
/// [`content_root`]).
fn load_walked(root: &Path, config: &Config, walked: &Walked) -> Result<Loaded> {
    let content_dir = content_dir(config);
    let (markdown, others) = scan(walked, config);

    let (leaf_dirs, section_dirs) = bundle_and_section_dirs(&index_dirs(walked, config), &markdown);

    // Every Markdown file is read and its front matter parsed in parallel; the
    // tree is then put together in order.
    let sources: HashMap<String, std::result::Result<Source, Error>> = {
        use rayon::prelude::*;
        markdown
            .par_iter()
            .map(|f| (f.rel.clone(), read_source(root, content_dir, f)))
            .collect()
    };
    let mut loader = Loader {
        config,
        sources,
        tree: ContentTree::default(),
        warnings: Vec::new(),
        errors: Vec::new(),
        prefix: config.lang_prefix(),
        now: chrono::Utc::now().fixed_offset(),
        cascades: HashMap::new(),
        site_cascade: Vec::new(),
    };
    if let Some(value) = config.raw.get("cascade") {
        match cascade::entries(value) {
            Ok(entries) => loader.site_cascade = entries,
            Err(message) => {
                let file = config.files.first().cloned().unwrap_or_default();
                return Err(Error::file(file, message));
            }
        }
    }

    // Home first (id 0), then sections from the shallowest.
    let mut index_files: HashMap<&str, &ContentFile> = HashMap::new();
    for f in markdown.iter().filter(|f| f.stem == "_index") {
        index_files.entry(f.dir.as_str()).or_insert(f);
    }
    let index_file = |dir: &str| index_files.get(dir).copied();
    loader.add_node(Kind::Home, "", index_file(""), None);
    let mut section_ids: HashMap<String, PageId> = HashMap::new();
    section_ids.insert(String::new(), ContentTree::HOME);
    let mut ordered: Vec<&String> = section_dirs.iter().collect();
    ordered.sort_by_key(|d| (d.matches('/').count(), d.to_string()));
    for dir in ordered {
        let parent = nearest_section(dir, &section_ids, false);
        let id = loader.add_node(Kind::Section, dir, index_file(dir), Some(parent));
        section_ids.insert(dir.clone(), id);
    }

    // Regular pages (and leaf bundles).
    for f in &markdown {
        if f.stem == "_index" && (f.dir.is_empty() || section_dirs.contains(&f.dir)) {
            continue;
        }
        let bundle = leaf_dir_of(&f.dir, &leaf_dirs);
        match bundle {
            Some(b) if f.dir == *b && f.stem == "index" => {
                let parent_dir = parent_dir(b);
                let parent = nearest_section(&parent_dir, &section_ids, true);
                let name = b.rsplit('/').next().unwrap_or(b).to_string();
                loader.add_page(f, &parent_dir, &name, parent);
            }
            Some(_) => {} // a Markdown resource of a leaf bundle
            None => {
                let parent = nearest_section(&f.dir, &section_ids, true);
                loader.add_page(f, &f.dir, &f.stem, parent);
            }
        }
    }
    if !loader.errors.is_empty() {
        return Err(if loader.errors.len() == 1 {
            loader.errors.remove(0)
        } else {
            Error::Many(loader.errors)
        });
    }

    let mut tree = loader.tree;
    let taxonomies: Vec<String> = super::taxonomy::configured(config)
        .into_iter()
        .map(|(_, plural)| plural)
        .collect();
    check_paths_stay_inside(root, &tree, &taxonomies)?;
    let mut warnings = walked.skipped.clone();
    warnings.extend(loader.warnings);

    // Bundle resources and other content files.
    let skipped_md = markdown.iter().filter(|f| {
        leaf_dir_of(&f.dir, &leaf_dirs).is_some_and(|d| f.dir != *d || f.stem != "index")
    });
    let resources = others.into_iter().chain(skipped_md.map(|f| OtherFile {
        abs: f.abs.clone(),
        rel: f.rel.clone(),
        shared_rel: f.shared_rel(),
    }));
    attach_resources(&mut tree, resources, &leaf_dirs, &section_ids);

    link_children(&mut tree);
    super::taxonomy::add(&mut tree, config);
    Ok(Loaded { tree, warnings })
}

fn link_children(tree: &mut ContentTree) {
    let mut children: Vec<Vec<PageId>> = vec![Vec::new(); tree.len()];
    for (id, p) in tree.pages() {
        if let Some(parent) = p.parent
            && p.render
            && p.build.list != super::build_options::List::Never
        {
            children[parent.index()].push(id);
        }
    }
    // A home or section without a date of its own takes the newest date of the
    // pages below it, as in Hugo (this decides the order of equal-weight sections).
    // Pages come after their parents in the arena, so one backward pass suffices.
    let ids: Vec<PageId> = tree.ids().collect();
    for &id in ids.iter().rev() {
        if !tree[id].is_section_like() {
            continue;
        }
        let newest = |pick: fn(&Page) -> Option<crate::date::Date>| {
            children[id.index()]
                .iter()
                .filter_map(|&c| pick(&tree[c]))
                .max()
        };
        let (date, lastmod) = (newest(|p| p.date), newest(|p| p.lastmod));
        let page = &mut tree[id];
        if page.date.is_none() {
            page.date = date;
        }
        if page.lastmod.is_none() {
            page.lastmod = lastmod;
        }
    }
    for (id, mut kids) in ids.into_iter().zip(children) {
        kids.sort_by(|&a, &b| super::sort::default_order(&tree[a], &tree[b]));
        tree[id].children = kids;
    }
}

struct Loader<'a> {
    config: &'a Config,
    /// The Markdown files, read and split, by path in the content folder.
    sources: HashMap<String, std::result::Result<Source, Error>>,
    tree: ContentTree,
    warnings: Vec<Warning>,
    errors: Vec<Error>,
    prefix: String,
    now: date::Date,
    /// Each page's own `cascade`, by page id.
    cascades: HashMap<PageId, Vec<cascade::Entry>>,
    /// The site config's `cascade`, below every page's.
    site_cascade: Vec<cascade::Entry>,
}

/// Reads content file `f` and splits off its front matter.
fn read_source(
    root: &Path,
    content_dir: &str,
    f: &ContentFile,
) -> std::result::Result<Source, Error> {
    let site_path = root
        .join(content_dir)
        .join(&f.rel)
        .strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| f.abs.clone());
    let bytes = match std::fs::read(&f.abs) {
        Ok(b) => b,
        Err(e) => return Err(Error::file(&site_path, format!("cannot read: {e}"))),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let valid = String::from_utf8_lossy(bytes.get(..offset).unwrap_or_default());
            let (line, col) = crate::error::line_col(&valid, valid.len());
            return Err(Error::at(
                Location::new(&site_path, line, col),
                "invalid UTF-8 (save the file as UTF-8)",
            ));
        }
    };
    let split = match frontmatter::split(&text) {
        Ok(s) => s,
        Err(e) => {
            return Err(Error::at(
                Location::new(&site_path, e.line, e.col),
                e.message,
            ));
        }
    };
    let name = f.rel.rsplit('/').next().unwrap_or(&f.rel).to_string();
    let file = SourceFile {
        site_path,
        path: f.rel.clone(),
        dir: if f.dir.is_empty() {
            String::new()
        } else {
            format!("{}/", f.dir)
        },
        logical_name: name,
        base_name: f.stem.clone(),
    };
    let body = split.body.to_string();
    let (params, body_line) = (split.params, split.body_line);
    // A key given twice keeps its later value, as Hugo before 0.60 read it.
    let warnings = split
        .repeated_keys
        .iter()
        .map(|r| {
            Warning(format!(
                "{}: front matter key `{}` is given again here; this later value is used, as older Hugo did (remove the earlier one)",
                Location::new(&file.site_path, r.line, r.col),
                r.key
            ))
        })
        .collect();
    Ok(Source {
        file,
        params,
        body,
        body_line,
        text,
        warnings,
    })
}

/// Front matter read from a file, or nothing for a folder without `_index.md`.
struct Source {
    file: SourceFile,
    params: Map<String, Value>,
    body: String,
    body_line: usize,
    text: String,
    /// What the front matter holds that Hugo accepts and labsite says.
    warnings: Vec<Warning>,
}

impl Loader<'_> {
    /// The file `f`, read; its problem is noted when it could not be.
    fn read(&mut self, f: &ContentFile) -> Option<Source> {
        match self.sources.remove(&f.rel)? {
            Ok(source) => Some(source),
            Err(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    fn add_node(
        &mut self,
        kind: Kind,
        dir: &str,
        f: Option<&ContentFile>,
        parent: Option<PageId>,
    ) -> PageId {
        let source = f.and_then(|f| self.read(f));
        let default_title = match kind {
            Kind::Home => self.config.site_title().to_string(),
            _ => auto_section_title(dir.rsplit('/').next().unwrap_or(dir)),
        };
        let (mut page, cascade) = self.page_from(kind, source, parent, dir, &default_title);
        page.url = match page.text_param("url") {
            Some(u) if !u.is_empty() => url::explicit_path(&u),
            // With uglyURLs, Hugo (0.168) links home and sections as `…/index.html`.
            _ if self.config.ugly_urls => {
                format!("{}{}index.html", self.prefix, url::section_path(dir))
            }
            _ => format!("{}{}", self.prefix, url::section_path(dir)),
        };
        let id = self.tree.push(page);
        self.cascades.insert(id, cascade);
        id
    }

    fn add_page(&mut self, f: &ContentFile, dir: &str, name: &str, parent: PageId) {
        let Some(source) = self.read(f) else { return };
        let (mut page, cascade) = self.page_from(Kind::Page, Some(source), Some(parent), dir, "");
        if !page.render {
            return;
        }
        let slug = page.text_param("slug").filter(|s| !s.is_empty());
        page.url = match page.text_param("url") {
            Some(u) if !u.is_empty() => url::explicit_path(&u),
            _ => {
                let name = slug.as_deref().unwrap_or(name);
                format!(
                    "{}{}",
                    self.prefix,
                    url::page_path(dir, name, self.config.ugly_urls)
                )
            }
        };
        let id = self.tree.push(page);
        self.cascades.insert(id, cascade);
    }

    fn page_from(
        &mut self,
        kind: Kind,
        source: Option<Source>,
        parent: Option<PageId>,
        dir: &str,
        default_title: &str,
    ) -> (Page, Vec<cascade::Entry>) {
        let (file, mut params, body, body_line, text) = match source {
            Some(s) => {
                for w in s.warnings {
                    if !self.warnings.contains(&w) {
                        self.warnings.push(w);
                    }
                }
                (Some(s.file), s.params, s.body, s.body_line, s.text)
            }
            None => (None, Map::new(), String::new(), 1, String::new()),
        };
        cascade::lift_params(&mut params);
        let site_path = file.as_ref().map(|f| f.site_path.clone());
        let at_key = |key: &str| {
            let (line, col) = crate::error::line_col(&text, text.find(key).unwrap_or(0));
            Location::new(site_path.clone().unwrap_or_default(), line, col)
        };
        let own_cascade = match params.get("cascade").map(cascade::entries) {
            Some(Ok(entries)) => entries,
            Some(Err(message)) => {
                self.errors.push(Error::at(at_key("cascade"), message));
                Vec::new()
            }
            None => Vec::new(),
        };
        let path = match (kind, &file) {
            (Kind::Page, Some(f)) if f.base_name == "index" => {
                format!("/{}", f.dir.trim_end_matches('/'))
            }
            (Kind::Page, Some(f)) => format!("/{}{}", f.dir, f.base_name),
            _ if dir.is_empty() => "/".to_string(),
            _ => format!("/{dir}"),
        };
        let mut chain: Vec<&[cascade::Entry]> = vec![&own_cascade];
        let mut ancestor = parent;
        while let Some(id) = ancestor {
            chain.extend(self.cascades.get(&id).map(Vec::as_slice));
            ancestor = self.tree[id].parent;
        }
        chain.push(&self.site_cascade);
        let kind_name = match kind {
            Kind::Home => "home",
            Kind::Section => "section",
            _ => "page",
        };
        cascade::apply(
            &mut params,
            &chain,
            &cascade::Target {
                path: &path.to_lowercase(),
                kind: kind_name,
                lang: &self.config.language,
                environment: &self.config.environment,
            },
        );
        let (build, problem) = build_options::from_params(&params);
        if let Some(problem) = problem {
            let warning = Warning(format!("{}: {problem}", at_key("build")));
            if !self.warnings.contains(&warning) {
                self.warnings.push(warning);
            }
        }
        let get = |k: &str| as_text(params.get(k));
        let title = match params.get("title") {
            Some(v) => as_text(Some(v)).unwrap_or_default(),
            None if file.is_some() && kind != Kind::Section => String::new(),
            None if file.is_some() => String::new(),
            None => default_title.to_string(),
        };
        let link_title = get("linktitle")
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| title.clone());
        let weight = match params.get("weight") {
            Some(Value::Number(n)) => n.as_i64().unwrap_or(0),
            Some(Value::String(s)) => s.trim().parse().unwrap_or(0),
            _ => 0,
        };
        let mut read_date = |keys: &[&str]| -> Option<date::Date> {
            for key in keys {
                match date::parse_value(params.get(*key)) {
                    Ok(Some(d)) => return Some(d),
                    Ok(None) => {}
                    Err(bad) => {
                        let offset = text.find(&bad).unwrap_or(0);
                        let (line, col) = crate::error::line_col(&text, offset);
                        let at = Location::new(site_path.clone().unwrap_or_default(), line, col);
                        let w = format!(
                            "{at}: front matter `{key}`: \"{bad}\" is not a date Hugo reads (use 2006-01-02 or 2006-01-02T15:04:05Z); ignored"
                        );
                        if !self.warnings.iter().any(|x| x.0 == w) {
                            self.warnings.push(Warning(w));
                        }
                    }
                }
            }
            None
        };
        let date = read_date(&[
            "date",
            "publishdate",
            "pubdate",
            "published",
            "lastmod",
            "modified",
        ]);
        let publish_date = read_date(&["publishdate", "pubdate", "published", "date"]);
        let lastmod = read_date(&[
            "lastmod",
            "modified",
            "date",
            "publishdate",
            "pubdate",
            "published",
        ]);
        let expiry_date = read_date(&["expirydate", "unpublishdate"]);
        let draft = crate::data_format::truthy(params.get("draft"));
        let render = (!draft || self.config.build_drafts)
            && (publish_date.is_none_or(|d| d <= self.now) || self.config.build_future)
            && (expiry_date.is_none_or(|d| d > self.now) || self.config.build_expired);
        let aliases = match params.get("aliases") {
            Some(Value::Array(a)) => a.iter().filter_map(|v| as_text(Some(v))).collect(),
            Some(v) => as_text(Some(v)).into_iter().collect(),
            None => Vec::new(),
        };
        let page = Page {
            kind,
            file,
            lang: self.config.language.clone(),
            title,
            link_title,
            weight,
            date,
            lastmod,
            publish_date,
            expiry_date,
            draft,
            body,
            body_line,
            url: String::new(),
            render,
            build,
            aliases,
            parent,
            children: Vec::new(),
            resources: Vec::new(),
            section_dir: dir.to_string(),
            params,
        };
        (page, own_cascade)
    }
}

/// Title of a section folder without `_index.md`: pluralised and title-cased.
pub fn auto_section_title(dir_name: &str) -> String {
    crate::text::case::title_case(&pluralize(dir_name))
}

fn pluralize(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.is_empty() || lower.ends_with('s') {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix('y') {
        let before = stem.chars().last().unwrap_or('a');
        if !"aeiou".contains(before) {
            return format!("{stem}ies");
        }
    }
    if lower.ends_with('x')
        || lower.ends_with("ch")
        || lower.ends_with("sh")
        || lower.ends_with('z')
    {
        return format!("{word}es");
    }
    format!("{word}s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_titles() {
        assert_eq!(auto_section_title("lab"), "Labs");
        assert_eq!(auto_section_title("images"), "Images");
        assert_eq!(auto_section_title("policy"), "Policies");
        assert_eq!(auto_section_title("box"), "Boxes");
    }
}
