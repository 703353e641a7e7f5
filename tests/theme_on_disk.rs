//! A Hugo theme the site keeps on disk (`themes/NAME`, `themesDir`, or vendored
//! under `_vendor/`): labsite's embedded theme draws the pages, and what the
//! site uses that it lacks comes from the theme on disk — shortcodes, the
//! partials they call, translations, data and static files — with one warning
//! saying so. The expected HTML is Hugo 0.168's for the same site.

mod common;
use common::*;

const THEME_FILES: &[(&str, &str)] = &[
    (
        "layouts/partials/custom-widget.html",
        "<aside class=\"widget\">{{ .Title }} – {{ T \"theme-key\" }} – {{ site.Data.theme.name }}</aside>\n",
    ),
    (
        "layouts/partials/header.html",
        "<header>DISK HEADER</header>\n",
    ),
    // Hugo fails on it; labsite leaves it out, as no template calls it.
    ("layouts/partials/broken.html", "{{ if }}\n"),
    (
        "layouts/shortcodes/syllabus.html",
        "<div class=\"syllabus\">{{ partial \"custom-widget.html\" .Page }}<img src=\"{{ \"images/theme.png\" | relURL }}\"></div>\n",
    ),
    ("i18n/en.toml", "theme-key = \"From the theme\"\n"),
    ("static/images/theme.png", "PNG"),
    ("data/theme.yaml", "name: Theme data\n"),
];

/// What Hugo 0.168 writes for the shortcode (with `broken.html` taken out).
const HUGO: &str = "<div class=\"syllabus\"><aside class=\"widget\">Lab – From the theme – Theme data</aside>\n<img src=\"/images/theme.png\"></div>";

fn theme_site(config: &str, theme_dir: &str) -> tempfile::TempDir {
    let mut files: Vec<(String, String)> = vec![
        ("hugo.toml".into(), config.into()),
        (
            "content/_index.md".into(),
            "---\ntitle: Lab\n---\n{{< syllabus >}}\n".into(),
        ),
    ];
    for (path, text) in THEME_FILES {
        files.push((format!("{theme_dir}/{path}"), text.to_string()));
    }
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    site_from(&borrowed)
}

#[test]
fn a_theme_in_themes_gives_what_labsites_theme_lacks() {
    let dir = theme_site(
        "baseURL = 'https://example.org/'\ntitle = 'T'\ntheme = 'hugo-theme-learn'\n",
        "themes/hugo-theme-learn",
    );
    let run = build_ok(dir.path(), &[]);
    let home = read(dir.path(), "public/index.html");
    assert_contains(&home, HUGO);
    // labsite's theme draws the page: the theme's header is not used.
    assert!(!home.contains("DISK HEADER"));
    assert_eq!(read(dir.path(), "public/images/theme.png"), "PNG");
    assert_eq!(
        run.stderr.matches("warning: theme in").count(),
        1,
        "{}",
        run.stderr
    );
    assert_contains(
        &run.stderr,
        "warning: theme in themes/hugo-theme-learn is a Hugo Go-template theme: labsite draws the pages with its embedded learn theme and takes from this one what it lacks: 1 shortcodes, 2 partials (1 partials that do not parse are left out), 1 static files, translations and data",
    );
}

#[test]
fn a_vendored_theme_module_and_a_themes_dir_are_found_too() {
    let vendored = theme_site(
        "baseURL = 'https://example.org/'\ntitle = 'T'\n[module]\n[[module.imports]]\npath = 'github.com/matcornic/hugo-theme-learn'\n",
        "_vendor/github.com/matcornic/hugo-theme-learn",
    );
    build_ok(vendored.path(), &[]);
    assert_contains(&read(vendored.path(), "public/index.html"), HUGO);

    let themes_dir = theme_site(
        "baseURL = 'https://example.org/'\ntitle = 'T'\ntheme = 'learn'\nthemesDir = 'vendor-themes'\n",
        "vendor-themes/learn",
    );
    build_ok(themes_dir.path(), &[]);
    assert_contains(&read(themes_dir.path(), "public/index.html"), HUGO);
}

#[test]
fn a_partial_that_nothing_provides_is_named_where_it_is_called() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'T'\n",
        ),
        ("content/_index.md", "---\ntitle: Lab\n---\n{{< s >}}\n"),
        (
            "layouts/shortcodes/s.html",
            "{{ partial \"nowhere.html\" . }}",
        ),
    ]);
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(run.code, 1);
    assert_contains(
        &run.stderr,
        "error: content/_index.md:4:1: failed to render shortcode \"s\": layouts/shortcodes/s.html:1:4: partial \"nowhere.html\" not found (add layouts/partials/nowhere.html to the site)",
    );
}

/// A module path that climbs out of `_vendor/` names no theme: the folder it
/// points at is not used (here the build stops, as for any theme it cannot
/// find), and nothing of it is read or published.
#[test]
fn a_module_path_cannot_climb_out_of_the_site() {
    let outer = tempfile::tempdir().unwrap();
    let outside = outer.path().join("outside");
    std::fs::create_dir_all(outside.join("static")).unwrap();
    std::fs::create_dir_all(outside.join("data")).unwrap();
    std::fs::write(outside.join("static/secret.txt"), "secret").unwrap();
    std::fs::write(outside.join("data/secret.yaml"), "v: secret\n").unwrap();
    let site = outer.path().join("site");
    std::fs::create_dir_all(site.join("content")).unwrap();
    std::fs::create_dir_all(site.join("_vendor")).unwrap();
    std::fs::write(
        site.join("hugo.toml"),
        "baseURL = 'https://example.org/'\ntitle = 'T'\n[module]\n[[module.imports]]\npath = '../../outside'\n",
    )
    .unwrap();
    std::fs::write(
        site.join("content/_index.md"),
        "---\ntitle: Home\n---\n{{< d >}}\n",
    )
    .unwrap();
    std::fs::create_dir_all(site.join("layouts/shortcodes")).unwrap();
    std::fs::write(
        site.join("layouts/shortcodes/d.html"),
        "[{{ site.Data.secret.v }}]",
    )
    .unwrap();
    let run = labsite(&site, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        "error: hugo.toml: theme \"outside\" not found in themes/",
    );
    assert!(!site.join("public").exists());
}
