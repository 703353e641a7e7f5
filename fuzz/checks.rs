#![allow(dead_code)] // each target uses one of the checks
//! What the fuzz targets check, shared with `tests/fuzz_regressions.rs` so that
//! every input the fuzzer ever crashed on runs again in CI. Each check takes
//! arbitrary bytes and panics only on a bug: labsite may refuse input, with an
//! error at a real position, but never crash or hang on it.

use labsite::shortcode::tree::{Definitions, Inner};
use labsite::shortcode::{Invocation, Shortcodes, Source};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Front matter: split, then the position of any error lies inside the text.
pub fn front_matter(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match labsite::frontmatter::split(text) {
        Ok(split) => assert!(
            text.ends_with(split.body),
            "the body is the end of the file"
        ),
        Err(e) => {
            let lines = text.split('\n').count() + 1;
            assert!(e.line >= 1 && e.line <= lines, "line {} of {lines}", e.line);
            assert!(e.col >= 1, "column {}", e.col);
        }
    }
}

/// Any name is a shortcode; how it takes inner content depends on the name, so
/// the fuzzer reaches every kind.
struct AnyShortcode;

impl Definitions for AnyShortcode {
    fn inner(&self, name: &str) -> Option<Inner> {
        match name.len() % 4 {
            0 => None,
            1 => Some(Inner::None),
            2 => Some(Inner::Required),
            _ => Some(Inner::Optional),
        }
    }
}

impl Shortcodes for AnyShortcode {
    fn splices_markdown(&self, name: &str) -> bool {
        name.starts_with('m')
    }

    fn render(&self, call: &Invocation<'_>) -> Result<String, String> {
        if call.name.starts_with('x') {
            return Err("refused".into());
        }
        Ok(format!(
            "<{0} n=\"{1}\">{2}</{0}>",
            call.name,
            call.params.len(),
            call.inner.unwrap_or_default()
        ))
    }
}

/// Shortcodes: lexed, paired and expanded around Markdown; errors point into the body.
pub fn shortcodes(data: &[u8]) {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let source = Source {
        path: Path::new("content/p.md"),
        body,
        first_line: 1,
    };
    let markdown = |text: &str| labsite::markdown::render_html(text, Default::default());
    match labsite::shortcode::expand(&source, &AnyShortcode, &markdown) {
        Ok(expanded) => {
            let html = labsite::markdown::render_html(&expanded.markdown, Default::default());
            let _ = labsite::shortcode::substitute(&html, &expanded.placeholders);
        }
        Err(labsite::error::Error::At { location, .. }) => {
            assert!(location.line >= 1 && location.line <= body.split('\n').count());
        }
        Err(other) => panic!("a shortcode error without a position: {other}"),
    }
}

/// A site of one page whose file is `data`: loaded, expanded, rendered with the
/// embedded learn theme, written to memory.
pub fn page(data: &[u8]) {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    let root = SITE.get_or_init(|| temporary_site("page"));
    std::fs::write(root.join("content/p.md"), data).expect("the fuzzed page");
    build_in_memory(root);
}

/// A site whose page layout is `data`, a Go template: parsed and run for a
/// page, written to memory.
pub fn go_template(data: &[u8]) {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    let root = SITE.get_or_init(|| {
        let root = temporary_site("go-template");
        std::fs::write(
            root.join("content/p.md"),
            "---\ntitle: P\ntags: [a]\n---\nBody.\n",
        )
        .expect("temporary site");
        std::fs::create_dir_all(root.join("layouts/_default")).expect("temporary site");
        root
    });
    std::fs::write(root.join("layouts/_default/single.html"), data).expect("the fuzzed layout");
    build_in_memory(root);
}

/// A temporary site with a config and a home page, for one fuzz target.
fn temporary_site(target: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("labsite-fuzz-{target}-{}", std::process::id()));
    std::fs::create_dir_all(root.join("content")).expect("temporary site");
    std::fs::write(root.join("config.toml"), "title = 'Fuzz'\nbaseURL = '/'\n")
        .expect("temporary site");
    std::fs::write(
        root.join("content/_index.md"),
        "---\ntitle: Home\n---\n{{% children %}}\n",
    )
    .expect("temporary site");
    root
}

/// Builds the site at `root` into memory: it builds, or fails with a message
/// that is not a caught panic (a panic is a bug, even when the page's error).
fn build_in_memory(root: &Path) {
    let result = labsite::site::Site::load(root, &Default::default()).and_then(|site| {
        let mut sink = labsite::output::MemoryOutput::default();
        site.build_keeping(&mut sink).map(|_| sink)
    });
    match result {
        Ok(sink) => assert!(sink.files.contains_key("index.html")),
        Err(e) => {
            let message = e.to_string();
            assert!(!message.is_empty());
            assert!(!message.contains("a bug in labsite"), "{message}");
        }
    }
}
