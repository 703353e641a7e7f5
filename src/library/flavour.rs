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

    /// relearn has a search page (`/search/`).
    pub fn has_search_page(self) -> bool {
        self == Flavour::Relearn
    }
}
