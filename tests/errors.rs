//! Bad input fails `labsite build` with exit code 1 and a message naming the file,
//! line and column; the previous output stays as it was.

mod common;
use common::*;

const CONFIG: (&str, &str) = ("config.toml", "title = 'E'\n");

/// Builds a site made of CONFIG and one page `content/p.md`; returns the error text.
fn error_for(page: &str) -> String {
    let dir = site_from(&[CONFIG, ("content/p.md", page)]);
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(
        run.code, 1,
        "expected a failed build, got:\n{}{}",
        run.stdout, run.stderr
    );
    assert!(
        !dir.path().join("public").exists(),
        "a failed build writes no output"
    );
    run.stderr.trim_end().to_string()
}

#[test]
fn shortcode_errors_name_file_line_and_column() {
    let cases = [
        (
            "\n{{< nope >}}\n",
            "error: content/p.md:3:1: template for shortcode \"nope\" not found",
        ),
        (
            "x {{< >}}",
            "error: content/p.md:2:3: shortcode has no name",
        ),
        (
            "x\n  {{< notice info",
            "error: content/p.md:3:3: unclosed shortcode action",
        ),
        (
            "x\n{{% /notice %}}",
            "error: content/p.md:3:1: got closing shortcode \"notice\", but none is open",
        ),
        (
            "{{% notice info %}}x{{% /expand %}}",
            "error: content/p.md:2:21: closing tag for shortcode 'expand' does not match start tag 'notice'",
        ),
        (
            "{{< youtube abc >}}{{< /youtube >}}",
            "error: content/p.md:2:20: shortcode \"youtube\" does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided",
        ),
        (
            "{{< notice a k=v >}}x{{< /notice >}}",
            "error: content/p.md:2:14: got named parameter 'k'. Cannot mix named and positional parameters",
        ),
        (
            "{{< notice k=v a >}}x{{< /notice >}}",
            "error: content/p.md:2:16: got positional parameter 'a'. Cannot mix named and positional parameters",
        ),
        (
            "{{< notice \"info >}}\nx",
            "error: content/p.md:2:12: unterminated quoted string in shortcode parameter-argument: 'info >}}'",
        ),
        (
            "{{< siteparam http://x >}}",
            "error: content/p.md:2:19: unrecognized character in shortcode action: U+003A ':'. Note: Parameters with non-alphanumeric args must be quoted",
        ),
        (
            "{{</* notice info >}}",
            "error: content/p.md:2:1: comment must be closed (end it with `*/>}}` or `*/%}}`)",
        ),
        (
            "see {{< relref \"missing.md\" >}}",
            "error: content/p.md:2:5: REF_NOT_FOUND: Ref \"missing.md\": page not found (fix the path, or set refLinksErrorLevel = \"WARNING\" to only warn)",
        ),
        (
            "{{% tab name=\"x\" %}}y{{% /tab %}}",
            "error: content/p.md:2:1: failed to render shortcode \"tab\": tab shortcode missing its parent (put it inside {{< tabs >}} … {{< /tabs >}})",
        ),
    ];
    for (page, expected) in cases {
        // Pages start with a line of text: a leading `{` would open JSON front matter.
        assert_eq!(
            error_for(&format!("text\n{page}")),
            expected,
            "for page {page:?}"
        );
    }
}

#[test]
fn front_matter_errors_name_file_line_and_column() {
    let cases = [
        (
            "---\ntitle: x\n",
            "error: content/p.md:3:1: EOF looking for end YAML front matter delimiter (add a line `---` after the front matter)",
        ),
        (
            "---\ntitle: x\ntags: [a, b\n---\nbody",
            "error: content/p.md:4:1: invalid YAML front matter: did not find expected ',' or ']'",
        ),
        // As in Hugo, a file starting with `{` has JSON front matter, even `{{<`.
        (
            "{{< notice >}}",
            "error: content/p.md:1:2: invalid JSON front matter: key must be a string",
        ),
        (
            "+++\ntitle = \"x\"\nweight = \n+++\n",
            "error: content/p.md:3:10: invalid TOML front matter: string values must be quoted, expected literal string",
        ),
        (
            "{\n  \"title\": \"x\",\n  \"weight\" 3\n}\n",
            "error: content/p.md:3:12: invalid JSON front matter: expected `:`",
        ),
        (
            "{ \"title\": \"x\"",
            "error: content/p.md:1:15: unexpected EOF parsing JSON front matter",
        ),
        ("+ title", "error: content/p.md:1:1: invalid TOML delimiter"),
    ];
    for (page, expected) in cases {
        assert_eq!(error_for(page), expected, "for page {page:?}");
    }
}

#[test]
fn invalid_utf8_is_reported_with_its_position() {
    let dir = site_from(&[CONFIG]);
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    std::fs::write(
        dir.path().join("content/p.md"),
        b"---\ntitle: x\n---\nab\xffcd",
    )
    .unwrap();
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.trim_end(),
        "error: content/p.md:4:3: invalid UTF-8 (save the file as UTF-8)"
    );
}

#[test]
fn several_broken_pages_are_all_reported() {
    let dir = site_from(&[
        CONFIG,
        ("content/a.md", "---\ntitle: a\n"),
        ("content/b.md", "+++\nx = \n+++\n"),
    ]);
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(run.code, 1);
    assert_contains(
        &run.stderr,
        "error: content/a.md:3:1: EOF looking for end YAML front matter delimiter",
    );
    assert_contains(
        &run.stderr,
        "error: content/b.md:2:5: invalid TOML front matter",
    );
}

#[test]
fn failed_build_keeps_the_previous_output() {
    let dir = site_from(&[
        CONFIG,
        ("content/p.md", "---\ntitle: Good\n---\nGood body.\n"),
    ]);
    build_ok(dir.path(), &[]);
    let before = read(dir.path(), "public/p/index.html");
    std::fs::write(
        dir.path().join("content/p.md"),
        "---\ntitle: Bad\n---\n{{< nope >}}\n",
    )
    .unwrap();
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(run.code, 1);
    assert_eq!(read(dir.path(), "public/p/index.html"), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("labsite"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
    // The content tree is never written to.
    assert_eq!(
        read(dir.path(), "content/p.md"),
        "---\ntitle: Bad\n---\n{{< nope >}}\n"
    );
}

#[test]
fn missing_config_and_unknown_theme() {
    let dir = site_from(&[("content/p.md", "x")]);
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: ")
            && run
                .stderr
                .contains(": Unable to locate config file or config directory"),
        "{}",
        run.stderr
    );

    let dir = site_from(&[
        ("config.toml", "theme = 'nonesuch'\n"),
        ("content/p.md", "x"),
    ]);
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.trim_end(),
        "error: config.toml: theme \"nonesuch\" not found in themes/ (add the theme there, or remove `theme` to use labsite's embedded learn theme)"
    );
}

#[test]
fn a_go_template_learn_theme_is_not_an_error() {
    let dir = site_from(&[
        ("config.toml", "theme = 'hugo-theme-learn'\n"),
        (
            "themes/hugo-theme-learn/layouts/partials/menu.html",
            "{{ .Site.IsMultiLingual }}",
        ),
        ("content/p.md", "x"),
    ]);
    let run = build_ok(dir.path(), &[]);
    assert_contains(
        &run.stderr,
        "warning: theme \"hugo-theme-learn\" in themes/hugo-theme-learn is a Hugo Go-template theme; labsite renders this site with its embedded learn theme",
    );
    assert!(!dir.path().join("public/partials").exists());
}

#[test]
fn colliding_urls_name_both_files() {
    let dir = site_from(&[
        CONFIG,
        ("content/a.md", "---\ntitle: a\nurl: /same/\n---\n"),
        ("content/b.md", "---\ntitle: b\nurl: /same/\n---\n"),
    ]);
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.trim_end(),
        "error: content/b.md: publishes to same/index.html, which content/a.md publishes to as well (change `url` or `slug` of one of them)"
    );
}

#[test]
fn unparsable_dates_warn_and_build() {
    let dir = site_from(&[
        CONFIG,
        (
            "content/p.md",
            "---\ntitle: x\ndate: 2020-04-24T7:05:54Z\n---\nbody\n",
        ),
    ]);
    let run = build_ok(dir.path(), &[]);
    assert_contains(
        &run.stderr,
        "warning: content/p.md:3:7: front matter `date`: \"2020-04-24T7:05:54Z\" is not a date Hugo reads (use 2006-01-02 or 2006-01-02T15:04:05Z); ignored",
    );
}

#[test]
fn never_closed_inner_shortcode_warns_and_builds() {
    let dir = site_from(&[
        CONFIG,
        (
            "content/p.md",
            "---\ntitle: p\n---\nintro\n\n{{% notice info %}}\nrest\n",
        ),
    ]);
    let run = build_ok(dir.path(), &[]);
    assert_contains(
        &run.stderr,
        "warning: content/p.md:6:1: shortcode \"notice\" is never closed; taken as self-closing (close it with {{% /NAME %}} or write {{% NAME /%}})",
    );
    assert_contains(
        &read(dir.path(), "public/p/index.html"),
        // The placeholder starts the paragraph that "rest" continues, as in Hugo.
        "<p><div class=\"notices info\" ></div>\nrest</p>",
    );
}

#[test]
fn children_may_be_closed_or_not() {
    let dir = site_from(&[
        CONFIG,
        (
            "content/_index.md",
            "---\ntitle: h\n---\n{{% children %}}\n\n{{% children %}}{{% /children %}}\n",
        ),
        ("content/s/_index.md", "---\ntitle: S\n---\n"),
    ]);
    let run = build_ok(dir.path(), &[]);
    assert!(!run.stderr.contains("never closed"), "{}", run.stderr);
    let html = read(dir.path(), "public/index.html");
    assert_eq!(html.matches("<li><a href=\"/s/\">S</a></li>").count(), 2);
}
