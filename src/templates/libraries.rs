//! Browser libraries of the embedded themes that are published only when a
//! page uses them: MathJax (relearn's `math`), swagger-ui (relearn's
//! `openapi`) and mermaid. Each is a folder of the theme's static files and
//! the mark its markup leaves in a page's content.

/// One library: its folder among the theme's static files, and the mark.
pub struct Library {
    pub folder: &'static str,
    mark: &'static str,
}

pub const MATHJAX: Library = Library {
    folder: "mathjax/",
    mark: "<span class=\"math align-",
};

pub const SWAGGER_UI: Library = Library {
    folder: "swagger-ui/",
    mark: "class=\"sc-openapi-container\"",
};

pub const MERMAID: Library = Library {
    folder: "mermaid/",
    mark: "class=\"mermaid\"",
};

pub const ALL: [&Library; 3] = [&MATHJAX, &SWAGGER_UI, &MERMAID];

impl Library {
    /// Whether a page whose content is `html` loads the library.
    pub fn used_by(&self, html: &str) -> bool {
        html.contains(self.mark)
    }

    /// Whether the theme's static file at `path` belongs to the library.
    pub fn holds(&self, path: &str) -> bool {
        path.starts_with(self.folder)
    }
}

/// The library the theme's static file at `path` belongs to, if any.
pub fn library_of(path: &str) -> Option<&'static Library> {
    ALL.into_iter().find(|l| l.holds(path))
}
