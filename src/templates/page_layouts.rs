//! Which layout file draws a page, in Hugo's lookup order: the layouts of the
//! site and of its theme form one set; a page takes the best match of the
//! folder closest to it (its `type`, else its section path, then the root),
//! a layout its front matter names winning over all of them. labsite draws a
//! page with its own theme where the best match is the theme's, and runs the
//! site's Go layout where it is the site's.

use std::collections::BTreeSet;

/// Where a layout file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    /// The site's own `layouts/`: labsite runs it.
    Site,
    /// The theme's: labsite draws the page with its own theme.
    Theme,
}

/// The page kinds layouts are chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutKind {
    Home,
    Section,
    Page,
    /// A taxonomy's list of terms (`/tags/`).
    Taxonomy,
    /// One term's pages (`/tags/x/`).
    Term,
    /// The standalone 404 page.
    NotFound,
}

/// One layout file, its name taken apart: `docs/single.en.amp.html` is folder
/// `docs`, name `single`, language `en`, format `amp`, suffix `html`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutFile {
    /// The file under `layouts/`, as written.
    pub file: String,
    /// Where it is, relative to the site (`layouts/_default/single.html`,
    /// `themes/t/layouts/index.tele.txt`): also the name of its template.
    pub path: String,
    pub layer: Layer,
    /// The folder, `_default` read as the root (empty).
    dir: String,
    name: String,
    lang: Option<String>,
    format: Option<String>,
    suffix: String,
}

/// What a page is, for the lookup.
#[derive(Debug, Clone)]
pub struct Query<'q> {
    pub kind: LayoutKind,
    /// The folders to look in, closest first, the root (empty) last.
    pub dirs: Vec<String>,
    /// The `layout` of the page's front matter.
    pub layout: Option<&'q str>,
    /// The section's name (legacy `section/NAME.html`).
    pub section: &'q str,
    /// The output format's name (`html`, `amp`, `json`) and its media suffix.
    pub format: &'q str,
    pub suffix: &'q str,
    pub lang: &'q str,
}

impl Query<'_> {
    /// The folders of a page's lookup: its `type` when set, else the folders
    /// of its section path from the closest up, then the root.
    pub fn dirs_of(page_type: Option<&str>, section_path: &str) -> Vec<String> {
        let mut dirs = Vec::new();
        match page_type
            .map(|t| t.trim_matches('/'))
            .filter(|t| !t.is_empty())
        {
            Some(t) => dirs.push(t.to_lowercase()),
            None => {
                let mut path = section_path.trim_matches('/').to_string();
                while !path.is_empty() {
                    dirs.push(path.clone());
                    path = path.rsplit_once('/').map_or("", |(up, _)| up).to_string();
                }
            }
        }
        dirs.push(String::new());
        dirs
    }
}

/// Folders of `layouts/` that hold no page layouts.
const NOT_PAGE_LAYOUTS: &[&str] = &[
    "partials",
    "_partials",
    "shortcodes",
    "_shortcodes",
    "_markup",
    "_internal",
];

/// The page layouts of a site and its theme.
#[derive(Debug, Default)]
pub struct PageLayouts {
    files: Vec<LayoutFile>,
}

/// How well a file's name answers a query at its folder (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    custom: bool,
    weight: u8,
    site: bool,
}

impl PageLayouts {
    /// The layouts among `files` (paths under the `layouts/` folder that
    /// `prefix` names, site-relative) of `layer`; `formats` are the output
    /// format names a name part may be (lower-case), the rest being read as
    /// languages.
    pub fn add(
        &mut self,
        layer: Layer,
        prefix: &str,
        files: &[String],
        formats: &BTreeSet<String>,
    ) {
        for file in files {
            if let Some(mut parsed) = parse(file, layer, formats) {
                parsed.path = format!("{prefix}{file}");
                self.files.push(parsed);
            }
        }
    }

    /// The theme's layouts for output format `format` (files under its
    /// `layouts/`).
    pub fn theme_files_of(&self, format: &str) -> impl Iterator<Item = &LayoutFile> {
        self.files
            .iter()
            .filter(move |f| f.layer == Layer::Theme && f.format.as_deref() == Some(format))
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Whether the site has layouts of its own.
    pub fn has_site_layouts(&self) -> bool {
        self.files.iter().any(|f| f.layer == Layer::Site)
    }

    /// Whether some layout of the site is for output format `name` (with its
    /// media `suffix`).
    pub fn has_format(&self, name: &str, suffix: &str) -> bool {
        self.files.iter().any(|f| {
            f.layer == Layer::Site
                && f.suffix == suffix
                && f.format.as_deref().is_none_or(|f| f == name)
        })
    }

    /// The site's layout files (to parse), under `layouts/`.
    pub fn site_files(&self) -> impl Iterator<Item = &str> {
        self.files
            .iter()
            .filter(|f| f.layer == Layer::Site)
            .map(|f| f.file.as_str())
    }

    /// The layout that draws a page, if any matches.
    pub fn find(&self, query: &Query<'_>) -> Option<&LayoutFile> {
        let in_dir = |dir: &str| {
            self.files
                .iter()
                // Hugo's old `section/NAME.html` counts as the root's.
                .filter(|f| f.dir == dir || (dir.is_empty() && f.dir == "section"))
                .filter(|f| f.name != "baseof")
                .filter_map(|f| Some((score(f, query)?, f)))
                .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.file.cmp(&a.1.file)))
        };
        let best: Vec<(Score, &LayoutFile)> = query.dirs.iter().filter_map(|d| in_dir(d)).collect();
        // A layout the front matter names wins wherever it is.
        best.iter()
            .find(|(s, _)| s.custom)
            .or_else(|| best.first())
            .map(|(_, f)| *f)
    }

    /// The base template of `layout` for the query: `baseof` of the closest
    /// folder that has one, in the layout's layer or the site's.
    pub fn baseof(&self, query: &Query<'_>) -> Option<&LayoutFile> {
        query.dirs.iter().find_map(|dir| {
            self.files
                .iter()
                .filter(|f| f.dir == *dir && f.name == "baseof")
                .filter(|f| format_weight(f, query).is_some())
                .max_by_key(|f| (format_weight(f, query), f.layer == Layer::Site))
        })
    }
}

/// The file's name taken apart, if it is a page layout.
fn parse(file: &str, layer: Layer, formats: &BTreeSet<String>) -> Option<LayoutFile> {
    let (dir, base) = file.rsplit_once('/').unwrap_or(("", file));
    let top = dir.split('/').next().unwrap_or("");
    if NOT_PAGE_LAYOUTS.contains(&top) || base.starts_with('.') {
        return None;
    }
    let mut parts: Vec<&str> = base.split('.').collect();
    if parts.len() < 2 {
        return None;
    }
    let suffix = parts.pop()?.to_lowercase();
    let name = parts.remove(0).to_lowercase();
    let mut lang = None;
    let mut format = None;
    for part in parts {
        let part = part.to_lowercase();
        if formats.contains(&part) {
            format = Some(part);
        } else {
            lang = Some(part);
        }
    }
    let dir = match dir {
        "_default" => String::new(),
        d => d.strip_prefix("_default/").unwrap_or(d).to_lowercase(),
    };
    Some(LayoutFile {
        file: file.to_string(),
        path: String::new(),
        layer,
        dir,
        name,
        lang,
        format,
        suffix,
    })
}

/// How well a file matches the query's format and language: a file naming
/// the format beats one that only has its media suffix.
fn format_weight(file: &LayoutFile, query: &Query<'_>) -> Option<u8> {
    if file.suffix != query.suffix {
        return None;
    }
    let format = match &file.format {
        Some(f) if f == query.format => 4,
        Some(_) => return None,
        None => 0,
    };
    let lang = match &file.lang {
        Some(l) if l == query.lang => 1,
        Some(_) => return None,
        None => 0,
    };
    Some(1 + format + lang)
}

/// The weight of a file's name for the query's kind: the kind's own name (3),
/// the standard `single`/`list` (2), `all` (1); `None` if it does not apply.
fn name_weight(file: &LayoutFile, query: &Query<'_>) -> Option<(bool, u8)> {
    if query
        .layout
        .is_some_and(|l| l.eq_ignore_ascii_case(&file.name))
        && query.kind != LayoutKind::NotFound
    {
        return Some((true, 4));
    }
    let name = file.name.as_str();
    let root = file.dir.is_empty();
    let weight = match query.kind {
        LayoutKind::NotFound => return (root && name == "404").then_some((false, 3)),
        LayoutKind::Home => match name {
            "home" | "index" => 3,
            "list" => 2,
            _ => 0,
        },
        LayoutKind::Page => match name {
            "page" => 3,
            "single" => 2,
            _ => 0,
        },
        LayoutKind::Section => match name {
            "section" => 3,
            "list" => 2,
            _ => 0,
        },
        // Hugo reads the names of its old kinds: `terms` listed a taxonomy's
        // terms and `taxonomy` one term's pages.
        LayoutKind::Taxonomy => match name {
            "terms" => 3,
            "taxonomy" if root && !file.file.starts_with("_default/") => 3,
            "list" => 2,
            _ => 0,
        },
        LayoutKind::Term => match name {
            "term" => 3,
            "taxonomy" if file.file.starts_with("_default/") || !root => 3,
            "list" => 2,
            _ => 0,
        },
    };
    match (weight, name) {
        (0, "all") => Some((false, 1)),
        (0, _) => None,
        (w, _) => Some((false, w)),
    }
}

fn score(file: &LayoutFile, query: &Query<'_>) -> Option<Score> {
    let (custom, name) = match legacy_section(file, query) {
        Some(legacy) => legacy,
        None if file.dir == "section" && query.dirs.first().is_some_and(|d| d != "section") => {
            return None;
        }
        None => name_weight(file, query)?,
    };
    let format = format_weight(file, query)?;
    Some(Score {
        custom,
        weight: name + format,
        site: file.layer == Layer::Site,
    })
}

/// Hugo's old `section/NAME.html` for the section NAME.
fn legacy_section(file: &LayoutFile, query: &Query<'_>) -> Option<(bool, u8)> {
    (query.kind == LayoutKind::Section
        && file.dir == "section"
        && file.name.eq_ignore_ascii_case(query.section))
    .then_some((false, 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layouts(site: &[&str], theme: &[&str]) -> PageLayouts {
        let formats: BTreeSet<String> = ["html", "amp", "json", "rss"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let list = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut p = PageLayouts::default();
        p.add(Layer::Site, "layouts/", &list(site), &formats);
        p.add(Layer::Theme, "", &list(theme), &formats);
        p
    }

    fn query(kind: LayoutKind, section: &str) -> Query<'static> {
        let section: &'static str = Box::leak(section.to_string().into_boxed_str());
        Query {
            kind,
            dirs: Query::dirs_of(None, section),
            layout: None,
            section: section.split('/').next().unwrap_or(""),
            format: "html",
            suffix: "html",
            lang: "en",
        }
    }

    fn found(p: &PageLayouts, q: &Query<'_>) -> Option<String> {
        p.find(q).map(|f| format!("{:?} {}", f.layer, f.file))
    }

    fn assert_finds(p: &PageLayouts, cases: &[(LayoutKind, &str, &str)]) {
        for (kind, section, expected) in cases {
            let got = found(p, &query(*kind, section));
            assert_eq!(got.as_deref(), Some(*expected), "{kind:?} {section}");
        }
    }

    // Each expectation is what Hugo 0.168 chose for the same files.
    #[test]
    fn the_closest_folder_wins_over_a_better_name_further_up() {
        let p = layouts(
            &[
                "_default/list.html",
                "_default/section.html",
                "docs/list.html",
                "docs/all.html",
                "single.html",
            ],
            &[
                "_default/single.html",
                "_default/list.html",
                "index.html",
                "404.html",
                "docs/single.html",
            ],
        );
        assert_finds(
            &p,
            &[
                (LayoutKind::Section, "blog", "Site _default/section.html"),
                (LayoutKind::Page, "blog", "Site single.html"),
                (LayoutKind::Page, "docs", "Theme docs/single.html"),
                (LayoutKind::Section, "docs", "Site docs/list.html"),
                (LayoutKind::Section, "docs/sub", "Site docs/list.html"),
                (LayoutKind::Page, "docs/sub", "Theme docs/single.html"),
                (LayoutKind::Home, "", "Theme index.html"),
                (LayoutKind::Taxonomy, "tags", "Site _default/list.html"),
                (LayoutKind::NotFound, "", "Theme 404.html"),
            ],
        );
    }

    #[test]
    fn a_front_matter_layout_wins_and_a_type_replaces_the_section() {
        let p = layouts(
            &[
                "_default/special.html",
                "docs/single.html",
                "special/single.html",
            ],
            &["_default/single.html"],
        );
        let mut q = query(LayoutKind::Page, "docs");
        q.layout = Some("special");
        assert_eq!(found(&p, &q).unwrap(), "Site _default/special.html");
        let mut q = query(LayoutKind::Page, "blog");
        q.dirs = Query::dirs_of(Some("special"), "blog");
        assert_eq!(found(&p, &q).unwrap(), "Site special/single.html");
    }

    #[test]
    fn old_kind_names_and_output_formats() {
        let p = layouts(
            &[
                "_default/taxonomy.html",
                "_default/terms.html",
                "_default/list.html",
                "section/docs.html",
                "_default/single.html",
                "docs/single.amp.html",
                "index.json",
            ],
            &[],
        );
        assert_finds(
            &p,
            &[
                (LayoutKind::Taxonomy, "tags", "Site _default/terms.html"),
                (LayoutKind::Term, "tags/x", "Site _default/taxonomy.html"),
                (LayoutKind::Section, "docs", "Site section/docs.html"),
                (LayoutKind::Page, "docs", "Site _default/single.html"),
            ],
        );
        let mut amp = query(LayoutKind::Page, "docs");
        amp.format = "amp";
        assert_eq!(found(&p, &amp).unwrap(), "Site docs/single.amp.html");
        let mut json = query(LayoutKind::Home, "");
        json.format = "json";
        json.suffix = "json";
        assert_eq!(found(&p, &json).unwrap(), "Site index.json");
    }

    #[test]
    fn the_site_wins_at_the_same_place() {
        let p = layouts(&["_default/single.html"], &["_default/single.html"]);
        assert_eq!(
            found(&p, &query(LayoutKind::Page, "docs")).unwrap(),
            "Site _default/single.html"
        );
    }
}
