//! relearn before version 6 (a site whose `go.mod` pins relearn 5) draws its
//! pages its own way: a chapter is its content alone, the sidebar lists the
//! top-level sections with their whole trees on every page, the previous and
//! next links are the neighbours in the walk (none on print pages; a taxonomy
//! page leads back to its parent), the 404 and search pages are relearn 5's.
//! Each expectation is what Hugo 0.168 wrote with relearn 5.12 for
//! cryspy-doc, the corpus site built on it.

mod common;
use common::*;

const GO_MOD: &str = "module x\n\ngo 1.19\n\nrequire github.com/McShelby/hugo-theme-relearn v0.0.0-20230314220445-1ecc9ea90075 // indirect\n";

const CONFIG: &str = "baseURL = 'https://example.org/'\ntitle = 'Site'\ntheme = 'hugo-theme-relearn'\ndefaultContentLanguage = 'en'\n[outputs]\nhome = ['HTML', 'RSS', 'SEARCH', 'SEARCHPAGE', 'PRINT']\nsection = ['HTML', 'RSS', 'PRINT']\npage = ['HTML', 'RSS', 'PRINT']\n[languages.en]\nweight = 1\ntitle = 'Site'\n[languages.ja]\nweight = 2\ntitle = 'Site'\n";

fn relearn5_site() -> tempfile::TempDir {
    site_from(&[
        ("go.mod", GO_MOD),
        ("config.toml", CONFIG),
        ("content/_index.en.md", "Home text.\n"),
        ("content/_index.ja.md", "ホーム\n"),
        (
            "content/basics/_index.en.md",
            "+++\ntitle = 'Basics'\nweight = 1\nchapter = true\n+++\n\n# Basics\n\nSee {{% button href=\"https://example.org/r\" icon=\"fas fa-download\" %}} the release {{% /button %}}.\n",
        ),
        (
            "content/basics/first.en.md",
            "+++\ntitle = 'First'\nweight = 1\n+++\nOne.\n",
        ),
        (
            "content/basics/deep/_index.en.md",
            "+++\ntitle = 'Deep'\nweight = 2\n+++\nDeep.\n",
        ),
        (
            "content/basics/deep/leaf.en.md",
            "+++\ntitle = 'Leaf'\n+++\nLeaf.\n",
        ),
        (
            "content/last/_index.en.md",
            "+++\ntitle = 'Last'\nweight = 9\n+++\nLast.\n",
        ),
    ])
}

#[test]
fn a_chapter_is_its_content_alone() {
    let dir = relearn5_site();
    build_ok(dir.path(), &[]);
    let html = read(dir.path(), "public/basics/index.html");
    assert!(!html.contains("article-subheading"), "{html}");
    assert_eq!(html.matches("<h1").count(), 1);
    assert_contains(&html, "<h1 id=\"basics\">Basics</h1>");
    // relearn 5's button: the title between its own lines, an external link
    // opening in a new tab.
    assert_contains(
        &html,
        "<span class=\"btn cstyle transparent\">\n<a href=\"https://example.org/r\" target=\"_blank\">\n<i class=\"fas fa-download\"></i>\n    the release\n  </a>\n</span>",
    );
}

#[test]
fn the_sidebar_holds_every_section_tree_and_no_home_entry() {
    let dir = relearn5_site();
    build_ok(dir.path(), &[]);
    for page in ["public/index.html", "public/last/index.html"] {
        let html = read(dir.path(), page);
        let sidebar = &html[html.find("id=\"R-sidebar\"").unwrap()..];
        let ids: Vec<&str> = sidebar
            .split("data-nav-id=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        assert_eq!(
            ids,
            [
                "/basics/",
                "/basics/first/",
                "/basics/deep/",
                "/basics/deep/leaf/",
                "/last/"
            ],
            "{page}"
        );
    }
}

#[test]
fn previous_and_next_are_the_neighbours_in_the_walk() {
    let dir = relearn5_site();
    build_ok(dir.path(), &[]);
    let links = |page: &str| {
        let html = read(dir.path(), page);
        ["nav nav-prev", "nav nav-next"].map(|class| {
            html.find(&format!("<a class=\"{class} topbar-link\" href=\""))
                .map(|at| {
                    let rest = &html[at..];
                    let href = &rest[rest.find("href=\"").unwrap() + 6..];
                    href[..href.find('"').unwrap()].to_string()
                })
        })
    };
    assert_eq!(links("public/index.html"), [None, Some("/basics/".into())]);
    assert_eq!(
        links("public/basics/deep/leaf/index.html"),
        [Some("/basics/deep/".into()), Some("/last/".into())]
    );
    // The last page has no next one; print pages and taxonomies have their own.
    assert_eq!(
        links("public/last/index.html"),
        [Some("/basics/deep/leaf/".into()), None]
    );
    assert_eq!(links("public/last/index.print.html"), [None, None]);
    assert_eq!(links("public/tags/index.html"), [Some("/".into()), None]);
}

#[test]
fn the_404_and_search_pages_are_relearn_5s_in_each_language() {
    let dir = relearn5_site();
    let run = build_ok(dir.path(), &[]);
    // relearn's SEARCH and SEARCHPAGE formats are what labsite's theme makes.
    assert!(!run.stderr.contains("output formats"), "{}", run.stderr);
    let en = read(dir.path(), "public/404.html");
    assert_contains(
        &en,
        "<h1 id=\"error\">Error</h1>\n            <p>Woops. Looks like this page doesn&#39;t exist ¯\\_(ツ)_/¯.</p>\n            <p><a href=\"/\">Go to homepage</a></p>\n            <p><img src=\"/images/gopher-404.jpg\"",
    );
    let ja = read(dir.path(), "public/ja/404.html");
    assert_contains(
        &ja,
        "<h1 id=\"エラー\">エラー</h1>\n            <p>おっと。ページが見当たりません。 ¯\\_(ツ)_/¯.</p>\n            <p><a href=\"/ja/\">ホームページへ行く</a></p>",
    );
    // The search page is the home page in its SEARCHPAGE format.
    let search = read(dir.path(), "public/search.html");
    assert_contains(&search, "<title>Site</title>");
    assert_contains(&search, "<h1 id=\"search\">Search</h1>");
    assert_contains(&search, "<a class=\"nav nav-prev topbar-link\" href=\"/\"");
    assert!(!dir.path().join("public/search/index.html").exists());
    assert_contains(
        &read(dir.path(), "public/ja/search.html"),
        "<h1 id=\"検索\">検索</h1>",
    );
}
