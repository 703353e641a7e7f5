//! The site's own page layouts, chosen in Hugo's lookup order and run as Hugo
//! runs them: base templates and their blocks, a layout named in front matter,
//! a page `type`, section folders, the standalone 404 page and the home page's
//! JSON output. The expected files are Hugo 0.168's output for the same site.

mod common;
use common::*;

#[test]
fn pages_are_drawn_by_the_layouts_hugo_picks() {
    assert_same_as_hugo("page-layouts", 11);
}

/// Formats the site declares (`TELE` as plain text under `baseName`, `EMBED`
/// as HTML under a `path`) and AMP, each from its layout, with
/// `.OutputFormats` listing them in the config's order.
#[test]
fn declared_output_formats_are_drawn_from_their_layouts() {
    assert_same_as_hugo("output-formats", 10);
}

/// `.Paginator` (the home page's regular pages, a section's own) and
/// `.Paginate LIST SIZE`, each pager at `page/N/` with the redirect from
/// `page/1/`, and Hugo's pagination links in both formats
/// (`_internal/pagination.html`, `partial "pagination.html"`).
#[test]
fn list_pages_paginate_as_hugo_does() {
    assert_same_as_hugo("pagination", 20);
}

#[test]
fn a_declared_format_without_a_layout_is_named_once() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'W'\n[outputFormats.TELE]\nmediaType = 'text/plain'\nbaseName = 'tele'\n[outputs]\npage = ['HTML', 'TELE']\nsection = ['HTML', 'TELE']\n",
        ),
        ("content/p.md", "---\ntitle: P\n---\nx\n"),
    ]);
    let run = build_ok(dir.path(), &[]);
    assert_eq!(run.stderr.matches("tele").count(), 2, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        "warning: output formats labsite does not make are left out: tele (no layout names it, such as layouts/_default/single.tele.txt)",
    );
    assert!(dir.path().join("public/p/index.html").exists());
    assert!(!dir.path().join("public/p/tele.txt").exists());
}

#[test]
fn a_layout_that_fails_names_its_place_and_the_page() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'E'\n",
        ),
        ("content/p.md", "---\ntitle: P\n---\nx\n"),
        ("layouts/_default/single.html", "<p>\n  {{ .Nope }}</p>\n"),
    ]);
    std::fs::create_dir_all(dir.path().join("public")).unwrap();
    std::fs::write(dir.path().join("public/kept.html"), "kept").unwrap();
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(run.code, 1);
    assert_contains(
        &run.stderr,
        "error: layouts/_default/single.html:2:6: can't evaluate field Nope in type *hugolib.pageState (in layouts/_default/single.html, rendering content/p.md)",
    );
    assert_eq!(read(dir.path(), "public/kept.html"), "kept");
}

/// A learn site's layout calls the theme's partials around its own body: the
/// header and footer are the theme's for that page, so the page equals the
/// one labsite's theme draws, but for what the layout adds.
#[test]
fn a_layout_of_a_learn_site_calls_the_themes_partials() {
    let config = "baseURL = 'https://example.org/'\ntitle = 'L'\ntheme = 'learn'\n";
    let page = "---\ntitle: P\n---\nBody.\n";
    let plain = site_from(&[("config.toml", config), ("content/docs/p.md", page)]);
    build_ok(plain.path(), &[]);
    let own = site_from(&[
        ("config.toml", config),
        ("content/docs/p.md", page),
        (
            "layouts/docs/single.html",
            "{{ partial \"header.html\" . }}\n<p class=\"mine\">{{ .Title }}</p>\n{{ .Content }}\n{{ partial \"footer.html\" . }}",
        ),
    ]);
    let run = build_ok(own.path(), &[]);
    let theirs = read(plain.path(), "public/docs/p/index.html");
    let mine = read(own.path(), "public/docs/p/index.html");
    assert_contains(&mine, "<p class=\"mine\">P</p>\n<p>Body.</p>\n");
    let header_end = theirs.find("<p>Body.</p>").unwrap();
    let header = theirs[..header_end].trim_start();
    assert!(
        mine.trim_start()
            .starts_with(&format!("{header}<p class=\"mine\">"))
    );
    // The footer is the theme's; learn's own footline is its page layout's.
    let footer = &theirs[theirs.find("<div id=\"navigation\">").unwrap()..];
    assert!(mine.ends_with(footer));
    // Pages the layout does not match are the theme's.
    assert_eq!(
        read(own.path(), "public/index.html"),
        read(plain.path(), "public/index.html")
    );
    assert!(!run.stderr.contains("not used"), "{}", run.stderr);
}

/// A site's `layouts/alias.html` writes its alias pages, with the target as
/// `.Permalink` and the page as `.Page` (Hugo 0.168's output).
#[test]
fn the_sites_alias_layout_writes_the_redirects() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/sub/'\ntitle = 'A'\n",
        ),
        (
            "content/p.md",
            "---\ntitle: P & Q\naliases: [/old/, older.html]\n---\nx\n",
        ),
        (
            "layouts/alias.html",
            "<a href=\"{{ .Permalink }}\">{{ .Page.Title }}</a>|{{ .Page.Kind }}\n",
        ),
    ]);
    build_ok(dir.path(), &[]);
    let expected = "<a href=\"https://example.org/sub/p/\">P &amp; Q</a>|page\n";
    assert_eq!(read(dir.path(), "public/old/index.html"), expected);
    assert_eq!(read(dir.path(), "public/older.html"), expected);
}

/// A theme on disk's layout for a format the site declares is run for the
/// pages that have the format (Hugo 0.168's file), and the one warning about
/// the theme counts it.
#[test]
fn the_theme_on_disks_layouts_draw_declared_formats() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'DT'\ntheme = 't'\n[outputFormats.TELE]\nmediaType = 'text/plain'\nbaseName = 'tele'\nisPlainText = true\n[outputs]\npage = ['HTML', 'TELE']\n",
        ),
        ("content/a.md", "---\ntitle: A & B\n---\nx\n"),
        (
            "themes/t/layouts/_default/single.html",
            "theme single {{ .Title }}\n",
        ),
        (
            "themes/t/layouts/_default/single.tele.txt",
            "THEME TELE {{ .Title }} {{ .RelPermalink }}\n",
        ),
    ]);
    let run = build_ok(dir.path(), &[]);
    assert_eq!(
        read(dir.path(), "public/a/tele.txt"),
        "THEME TELE A & B /a/\n"
    );
    assert_contains(
        &run.stderr,
        "0 static files, 1 layouts of output formats, translations and data",
    );
    assert!(!run.stderr.contains("left out"), "{}", run.stderr);
}

/// `disableKinds = ["404"]`: no 404 page, neither the site's nor the theme's,
/// as Hugo 0.168 writes none.
#[test]
fn a_disabled_404_kind_writes_no_404_page() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ndisableKinds = ['404']\n",
        ),
        ("layouts/404.html", "nf\n"),
        ("layouts/index.html", "home\n"),
    ]);
    build_ok(dir.path(), &[]);
    assert_eq!(read(dir.path(), "public/index.html"), "home\n");
    assert!(!dir.path().join("public/404.html").exists());
}
