//! Hugo's template functions: every name Hugo 0.168 has is known to labsite's
//! template check, those labsite does not run fail with their documented
//! reason at the call's place, and a shortcode calling many of them prints what
//! Hugo 0.168 prints for the same site (`tests/fixtures/functions-expected.html`)
//! and publishes the same made resources.

mod common;
use common::*;

#[test]
fn every_hugo_function_name_is_known() {
    let list = std::fs::read_to_string(fixture("hugo-functions.txt")).unwrap();
    let names: Vec<&str> = list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    assert!(names.len() > 400, "{} names", names.len());
    let unknown: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| !labsite::templates::go::functions::is_known(n))
        .collect();
    assert!(unknown.is_empty(), "unknown to labsite: {unknown:?}");
    assert!(!labsite::templates::go::functions::is_known(
        "strings.NoSuchThing"
    ));
}

#[test]
fn functions_give_hugos_results_and_publish_what_hugo_publishes() {
    let dir = site("functions");
    build_ok(dir.path(), &[]);
    let home = read(dir.path(), "public/index.html");
    let expected = std::fs::read_to_string(fixture("functions-expected.html")).unwrap();
    assert_contains(&home, expected.trim_end());
    assert_eq!(read(dir.path(), "public/x/a.txt"), "Hi {{ .Title }}");
    assert_eq!(
        read(
            dir.path(),
            "public/x/a.f0992e8e1837749786ce2a60a5e4c9c0abee9e169d524b68b39ff012b7c3d390.txt"
        ),
        "Hi {{ .Title }}"
    );
    assert_eq!(read(dir.path(), "public/a.min.css"), "body{color:red}");
    assert_eq!(
        read(dir.path(), "public/z/y.css"),
        "body {\n  color: red;\n}\n"
    );
    // Made but never linked: not published, as in Hugo.
    assert!(!dir.path().join("public/x/b.txt").exists());
}

#[test]
fn a_function_labsite_does_not_run_fails_with_its_reason_where_it_is_called() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'T'\n",
        ),
        (
            "content/_index.md",
            "---\ntitle: Home\n---\n{{< styles >}}\n",
        ),
        (
            "layouts/shortcodes/styles.html",
            "{{ if false }}{{ js.Build }}{{ end }}\n{{ with resources.Get \"main.scss\" }}{{ (. | css.Sass).RelPermalink }}{{ end }}",
        ),
        ("assets/main.scss", "$c: red;\nbody { color: $c; }\n"),
    ]);
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        "error: content/_index.md:4:1: failed to render shortcode \"styles\": layouts/shortcodes/styles.html:2:45: labsite does not run css.Sass: it compiles Sass with Dart Sass or LibSass, which labsite does not bundle: compile the stylesheet ahead and keep the CSS in assets/ or static/",
    );
    assert!(!dir.path().join("public").exists());
}

#[test]
fn a_made_resource_cannot_leave_the_published_site() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'T'\n",
        ),
        ("assets/a.css", "a"),
        ("content/_index.md", "---\ntitle: H\n---\n{{< c >}}\n"),
        (
            "layouts/shortcodes/c.html",
            "{{ with resources.Get \"a.css\" }}{{ (resources.Copy \"../../evil.css\" .).RelPermalink }}{{ end }}",
        ),
    ]);
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        "error: content/_index.md:4:1: failed to render shortcode \"c\": layouts/shortcodes/c.html:1:37: the resource path \"../../evil.css\" leaves the published site (give a path inside it, such as css/main.css)",
    );
    assert!(!dir.path().join("public").exists());
    assert!(!dir.path().parent().unwrap().join("evil.css").exists());
}

/// `title` and the generated titles of sections follow Hugo's default AP
/// style: short words (a, of, the, via…) stay lower case inside a title,
/// after a colon or a dash they do not; a section's title from its folder is
/// pluralised and title-cased the same way.
#[test]
fn titles_are_title_cased_in_ap_style() {
    assert_same_as_hugo("title-case", 1);
}
