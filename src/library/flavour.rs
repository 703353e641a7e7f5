//! Which of the two workshop themes a site is written for, learn or relearn,
//! and each difference between them that pages show, named: the one place the
//! flavour is decided.

/// Which of the two workshop themes a site is written for. Sites naming a relearn
/// theme get relearn's page structure and shortcode markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    Learn,
    Relearn,
}

impl Flavour {
    pub fn of(theme: Option<&str>) -> Flavour {
        match theme {
            Some(name) if name.to_lowercase().contains("relearn") => Flavour::Relearn,
            _ => Flavour::Learn,
        }
    }

    /// relearn has link and image render hooks of its own: Hugo's embedded ones
    /// run there only when the config asks for them.
    pub fn has_own_render_hooks(self) -> bool {
        self == Flavour::Relearn
    }

    /// relearn always writes the search index; learn only with the home page's
    /// JSON output.
    pub fn always_has_search_index(self) -> bool {
        self == Flavour::Relearn
    }

    /// relearn shows a code block's `title`.
    pub fn titles_code_blocks(self) -> bool {
        self == Flavour::Relearn
    }

    /// relearn's own rendering after Markdown: blockquote alerts, code titles,
    /// links and images through its hooks.
    pub fn rewrites_rendered_markdown(self) -> bool {
        self == Flavour::Relearn
    }

    /// relearn's sidebar and previous/next walk the whole tree; learn's only
    /// the pages shown.
    pub fn navigates_whole_tree(self) -> bool {
        self == Flavour::Relearn
    }

    /// relearn names a taxonomy's list page by its UI string (`T "tags"`).
    pub fn titles_taxonomies_by_ui_string(self) -> bool {
        self == Flavour::Relearn
    }

    /// learn's sidebar carries what is open on a page and loads the rest from
    /// one shared file when a reader opens a branch; its home page carries all.
    pub fn shares_sidebar_file(self) -> bool {
        self == Flavour::Learn
    }

    /// Output formats the theme defines for pages labsite's theme makes in its
    /// own way: relearn's search index and search page.
    pub fn own_output_formats(self) -> &'static [&'static str] {
        match self {
            Flavour::Learn => &[],
            Flavour::Relearn => &["search", "searchpage"],
        }
    }

    /// relearn has a search page (`/search/`).
    pub fn has_search_page(self) -> bool {
        self == Flavour::Relearn
    }

    /// The page layouts of the theme (under its `layouts/`), which labsite's
    /// own templates stand for: a site layout they outrank in Hugo's lookup
    /// is not used.
    pub fn page_layouts(self) -> &'static [&'static str] {
        match self {
            Flavour::Learn => &[
                "index.html",
                "index.json",
                "404.html",
                "_default/single.html",
                "_default/list.html",
                // The AWS fork's page of every page's content (`type = "all-content"`).
                "all-content/single.html",
            ],
            Flavour::Relearn => &[
                "index.html",
                "404.html",
                "_default/single.html",
                "_default/list.html",
                "_default/taxonomy.html",
                "_default/terms.html",
                "index.print.html",
                "_default/single.print.html",
                "_default/list.print.html",
                "index.search.html",
                "index.searchpage.html",
            ],
        }
    }
}

/// Whether learn heads taxonomy and term pages with the taxonomy's singular
/// name (`tag :: Tags`), as learn after 2.5.0 does, rather than with the page
/// kind before a taxonomy's title (`taxonomy :: Tags`), as 2.5.0, its last
/// release, does. The theme on disk (`theme_dir`) tells; without it, a site
/// whose `themesDir` climbs out of it is the theme's own example site, built
/// with the theme's newest code; any other site is taken to pin the release.
pub fn learn_singular_headings(
    theme_dir: Option<&std::path::Path>,
    themes_dir: &std::path::Path,
) -> bool {
    let header = theme_dir
        .map(|d| d.join("layouts/partials/header.html"))
        .and_then(|f| std::fs::read_to_string(f).ok());
    match header {
        Some(header) => header.contains(".Data.Singular"),
        None => themes_dir
            .components()
            .any(|c| c == std::path::Component::ParentDir),
    }
}

/// The major version of the relearn theme a site is written for, found where
/// Hugo would find the theme: the theme's own `layouts/partials/version.txt`,
/// the vendored modules' list (`_vendor/modules.txt`), or the module's version
/// in `go.mod` (a tag, or the date of a pseudo-version: relearn 6 came out in
/// June 2024, 7 in November 2024, 8 in June 2025). Without any, the newest.
pub fn relearn_major(root: &std::path::Path, theme_dir: Option<&std::path::Path>) -> u32 {
    const NEWEST: u32 = 8;
    let read = |p: std::path::PathBuf| std::fs::read_to_string(p).ok();
    let from_tag = |version: &str| -> Option<u32> {
        let v = version.trim().trim_start_matches('v');
        let (major, rest) = v.split_once('.')?;
        let major: u32 = major.parse().ok()?;
        if major > 0 {
            return Some(major);
        }
        // A pseudo-version: v0.0.0-YYYYMMDDhhmmss-commit.
        let date: u32 = rest.split('-').nth(1)?.get(..8)?.parse().ok()?;
        Some(if date < 20240601 {
            5
        } else if date < 20241101 {
            6
        } else if date < 20250601 {
            7
        } else {
            NEWEST
        })
    };
    if let Some(major) = theme_dir
        .and_then(|d| read(d.join("layouts/partials/version.txt")))
        .and_then(|text| from_tag(&text))
    {
        return major;
    }
    let module_version = |text: &str| {
        text.lines()
            .filter(|l| l.contains("hugo-theme-relearn"))
            .filter_map(|l| {
                l.split_whitespace()
                    .find(|w| w.starts_with('v') && w.contains('.'))
            })
            .find_map(from_tag)
    };
    ["_vendor/modules.txt", "go.mod"]
        .into_iter()
        .filter_map(|f| read(root.join(f)))
        .find_map(|text| module_version(&text))
        .unwrap_or(NEWEST)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relearn_versions_from_the_theme_vendored_modules_and_go_mod() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        assert_eq!(relearn_major(root, None), 8);
        std::fs::write(
            root.join("go.mod"),
            "module x\n\nrequire github.com/McShelby/hugo-theme-relearn v0.0.0-20230314220445-1ecc9ea90075 // indirect\n",
        )
        .unwrap();
        assert_eq!(relearn_major(root, None), 5);
        std::fs::create_dir_all(root.join("_vendor")).unwrap();
        std::fs::write(
            root.join("_vendor/modules.txt"),
            "# github.com/McShelby/hugo-theme-relearn v7.3.2\n## explicit\n",
        )
        .unwrap();
        assert_eq!(relearn_major(root, None), 7);
        let theme = root.join("themes/relearn");
        std::fs::create_dir_all(theme.join("layouts/partials")).unwrap();
        std::fs::write(theme.join("layouts/partials/version.txt"), "6.4.1+abc").unwrap();
        assert_eq!(relearn_major(root, Some(&theme)), 6);
    }
}
