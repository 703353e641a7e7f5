//! Front matter build options (`build`, `_build`, `headless`) and `cascade`
//! (a page's, its sections', the site config's), as Hugo 0.168 applies them.
//! The expected files are Hugo 0.168's output for the same site.

mod common;
use common::*;

/// `sec/`'s cascade hands `type`, params and `build` down (the first entry
/// that matches wins; a page's own values and its own cascade come first);
/// the site's cascade reaches sections and home only; `params:` in front
/// matter are page params. `render: never` leaves a page listed without a
/// URL, `list: never`/`local` keep it out of the site's lists, `headless` does
/// both, and a bundle's files are published unless `publishResources: false`.
#[test]
fn build_options_and_cascade_as_hugo_applies_them() {
    let dir = assert_same_as_hugo("build-options", 10);
    let mut published = Vec::new();
    files_under(&dir.path().join("public"), "", &mut published);
    // The content's files (the embedded theme's own images aside).
    published.retain(|f| f.ends_with(".png") && !f.starts_with("images/"));
    assert_eq!(published, ["sec/hl/img.png", "sec/leaf/img.png"]);
    for unwritten in ["sec/leaf", "sec/hl", "sec/np", "sec/p5"] {
        assert!(
            !dir.path()
                .join("public")
                .join(unwritten)
                .join("index.html")
                .exists()
        );
    }
}

/// A `build` value Hugo does not know is read as the default, as Hugo reads
/// it, with a warning at its place; `--panicOnWarning` fails the build.
#[test]
fn an_unknown_build_value_is_the_default_with_a_warning() {
    let files = [
        ("hugo.toml", "baseURL = 'https://example.org/'\n"),
        (
            "content/p.md",
            "---\ntitle: P\nbuild:\n  render: sometimes\n---\nbody\n",
        ),
        ("layouts/_default/single.html", "{{ .Content }}"),
    ];
    let dir = site_from(&files);
    let run = build_ok(dir.path(), &[]);
    let warning = "content/p.md:3:1: `build.render` is \"sometimes\", which Hugo reads as always (use always, link or never)";
    assert_contains(&run.stderr, &format!("warning: {warning}"));
    assert_eq!(read(dir.path(), "public/p/index.html"), "<p>body</p>\n");
    assert_fails_under_panic_on_warning(&files, &format!("error: {warning}"));
}

/// A `cascade` that is neither a map nor a list of maps fails the build, as
/// in Hugo, naming its place.
#[test]
fn a_cascade_that_is_no_map_fails_the_build() {
    let dir = site_from(&[
        ("hugo.toml", "baseURL = 'https://example.org/'\n"),
        ("content/p.md", "---\ntitle: P\ncascade: x\n---\nbody\n"),
    ]);
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        "error: content/p.md:3:1: `cascade` must be a map or a list of maps",
    );
    assert!(!dir.path().join("public").exists());
}
