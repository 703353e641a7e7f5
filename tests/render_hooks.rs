//! Hugo's embedded link and image render hooks (on for sites that declare
//! `languages`, or when `useEmbedded` asks), the files of `assets/` they publish,
//! learn's `children` descriptions, and the AWS workshops' fork of learn.

mod common;
use common::*;

const LANGUAGES: &str = "baseURL = 'https://example.org/'\ntitle = 'T'\ndefaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n";

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\n---\n{body}\n")
}

fn hooked_site(config: &str) -> tempfile::TempDir {
    site_from(&[
        ("config.toml", config),
        ("content/_index.md", &page("Home", "home")),
        ("content/labs/_index.md", &page("Labs", "labs")),
        ("content/labs/cli/_index.md", &page("CLI", "cli")),
        (
            "content/labs/step.md",
            &page(
                "Step",
                "[a](/labs/cli.html) [b](other.md#part) [c](#top) [d](https://x.org/p.md) [e](nowhere.md) [f](cli/?q=1)\n\n![g](/images/logo.png) ![h](missing.png)",
            ),
        ),
        ("content/labs/other.md", &page("Other", "other")),
        (
            "content/labs/bundle/index.md",
            &page(
                "Bundle",
                "![p](pic.png) [1](step.md) [2](./step.md) [3](../step.md) [4](../labs/step.md) [5](../../labs/step.md) [6](labs/step.md) [7](../other.md) [8](cli) [9](../cli)",
            ),
        ),
        ("content/labs/bundle/pic.png", "png"),
        ("assets/images/logo.png", "logo"),
        ("assets/images/unused.png", "unused"),
    ])
}

#[test]
fn links_and_images_resolve_as_hugos_embedded_hooks_do() {
    let dir = hooked_site(LANGUAGES);
    build_ok(dir.path(), &[]);
    let step = read(dir.path(), "public/labs/step/index.html");
    assert_contains(
        body(&step),
        "<p><a href=\"/labs/cli/\">a</a> <a href=\"/labs/other/#part\">b</a> <a href=\"/labs/step/#top\">c</a> <a href=\"https://x.org/p.md\">d</a> <a href=\"nowhere.md\">e</a> <a href=\"/labs/cli/?q=1\">f</a></p>\n<p><img src=\"/images/logo.png\" alt=\"g\"> <img src=\"missing.png\" alt=\"h\"></p>",
    );
    // A leaf bundle's relative paths start from the folder that holds it, but
    // `../x.md` from the bundle's own folder; its own files are its resources.
    // (What Hugo 0.168 writes for the same page.)
    let bundle = read(dir.path(), "public/labs/bundle/index.html");
    assert_contains(
        body(&bundle),
        "<p><img src=\"/labs/bundle/pic.png\" alt=\"p\"> <a href=\"/labs/step/\">1</a> <a href=\"/labs/step/\">2</a> <a href=\"/labs/step/\">3</a> <a href=\"../labs/step.md\">4</a> <a href=\"/labs/step/\">5</a> <a href=\"/labs/step/\">6</a> <a href=\"/labs/other/\">7</a> <a href=\"/labs/cli/\">8</a> <a href=\"../cli\">9</a></p>",
    );
    // The asset a page used is published; the other one is not.
    assert_eq!(read(dir.path(), "public/images/logo.png"), "logo");
    assert!(!dir.path().join("public/images/unused.png").exists());
}

#[test]
fn without_languages_links_stay_as_written_unless_asked() {
    let plain = "baseURL = 'https://example.org/'\ntitle = 'T'\n";
    let dir = hooked_site(plain);
    build_ok(dir.path(), &[]);
    let step = read(dir.path(), "public/labs/step/index.html");
    assert_contains(
        body(&step),
        "<p><a href=\"/labs/cli.html\">a</a> <a href=\"other.md#part\">b</a> <a href=\"#top\">c</a>",
    );
    assert_contains(body(&step), "<img src=\"/images/logo.png\" alt=\"g\">");
    assert!(!dir.path().join("public/images/logo.png").exists());

    let always = format!(
        "{plain}[markup.goldmark.renderHooks.link]\nuseEmbedded = 'always'\n[markup.goldmark.renderHooks.image]\nuseEmbedded = 'always'\n"
    );
    let dir = hooked_site(&always);
    build_ok(dir.path(), &[]);
    let step = read(dir.path(), "public/labs/step/index.html");
    assert_contains(
        body(&step),
        "<p><a href=\"/labs/cli/\">a</a> <a href=\"/labs/other/#part\">b</a>",
    );
    assert_eq!(read(dir.path(), "public/images/logo.png"), "logo");

    let never = format!("{LANGUAGES}[markup.goldmark.renderHooks.link]\nuseEmbedded = 'never'\n");
    let dir = hooked_site(&never);
    build_ok(dir.path(), &[]);
    let step = read(dir.path(), "public/labs/step/index.html");
    assert_contains(body(&step), "<p><a href=\"/labs/cli.html\">a</a>");
    // The image hook is still on.
    assert_contains(body(&step), "<img src=\"/images/logo.png\" alt=\"g\">");
    assert_eq!(read(dir.path(), "public/images/logo.png"), "logo");
}

#[test]
fn children_descriptions_are_descriptions_or_html_summaries() {
    let dir = site_from(&[
        (
            "config.toml",
            "baseURL = 'https://example.org/'\ntitle = 'T'\n",
        ),
        (
            "content/_index.md",
            &page("Home", "{{% children description=\"true\" %}}"),
        ),
        (
            "content/a.md",
            "---\ntitle: A\ndescription: Plain <b>text</b>\n---\nbody a\n",
        ),
        (
            "content/b.md",
            &page(
                "B",
                "See [the docs](https://docs.example.org/) first.\n\nMore.",
            ),
        ),
    ]);
    build_ok(dir.path(), &[]);
    let home = read(dir.path(), "public/index.html");
    assert_contains(
        &home,
        "<li><a href=\"/a/\">A</a></li>\n<p>Plain &lt;b&gt;text&lt;/b&gt;</p>",
    );
    assert_contains(
        &home,
        "<li><a href=\"/b/\">B</a></li>\n<p><p>See <a href=\"https://docs.example.org/\">the docs</a> first.</p>\n<p>More.</p></p>",
    );
}

#[test]
fn the_aws_fork_titles_every_page() {
    let config = "baseURL = 'https://example.org/'\ntitle = 'T'\ntheme = 'learn'\n[params]\nthemeVariant = 'aws'\n[taxonomies]\ntag = 'tags'\n";
    let dir = site_from(&[
        ("config.toml", config),
        (
            "content/_index.md",
            "---\ntitle: Labs Home\nchapter: true\n---\nwelcome\n",
        ),
        (
            "content/ch/_index.md",
            "---\ntitle: Chapter One\nchapter: true\ntags: [x]\n---\n### Chapter 1\n",
        ),
    ]);
    build_ok(dir.path(), &[]);
    let home = read(dir.path(), "public/index.html");
    assert_contains(
        &home,
        "<div id=\"body-inner\">\n          <h1>Labs Home</h1>\n          <span id=\"sidebar-toggle-span\">",
    );
    let chapter = read(dir.path(), "public/ch/index.html");
    assert_contains(
        &chapter,
        "<div id=\"chapter\">\n        <div id=\"body-inner\">\n          <h1>Chapter One</h1>",
    );
    let tags = read(dir.path(), "public/tags/index.html");
    assert_contains(&tags, "<h1>Tags</h1>");
    assert_contains(
        &read(dir.path(), "public/404.html"),
        "<img src=\"https://images-na.ssl-images-amazon.com/images/G/01/webservices/console/404._V170950314_.gif\"",
    );
    assert_contains(&home, "css/theme-aws.css\" rel=\"stylesheet\">");
    assert!(dir.path().join("public/css/theme-aws.css").is_file());

    // learn itself: no title on chapters and home, the kind before a taxonomy's.
    std::fs::write(
        dir.path().join("config.toml"),
        config.replace("themeVariant = 'aws'", "themeVariant = 'red'"),
    )
    .unwrap();
    build_ok(dir.path(), &[]);
    assert!(!read(dir.path(), "public/ch/index.html").contains("<h1>Chapter One</h1>"));
    assert!(!read(dir.path(), "public/index.html").contains("<h1>Labs Home</h1>"));
    assert_contains(
        &read(dir.path(), "public/tags/index.html"),
        "<h1>tag :: Tags</h1>",
    );
}
