//! `labsite build` end to end on the `workshop` fixture: files written, URLs,
//! order, menu, navigation, shortcodes, Markdown, drafts, aliases, determinism.

mod common;
use common::*;

fn built() -> tempfile::TempDir {
    let dir = site("workshop");
    build_ok(dir.path(), &[]);
    dir
}

#[test]
fn writes_every_page_at_hugo_urls() {
    let dir = built();
    let p = dir.path().join("public");
    for f in [
        "index.html",
        "404.html",
        "basics/index.html",
        "basics/first/index.html",
        "basics/second/index.html",
        "basics/hidden/index.html",
        "basics/nested/page/index.html",
        "advanced/index.html",
        "advanced/bundle/index.html",
        "advanced/bundle/diagram.svg",
        "advanced/step-1-aws/index.html",
        "advanced/my-slug/index.html",
        "elsewhere/moved/index.html",
        "old-moved/index.html",
        "toml-page/index.html",
        "json-page/index.html",
        "tags/index.html",
        "tags/a/index.html",
        "tags/b/index.html",
        "categories/index.html",
        "images/logo.txt",
        "css/theme.css",
        "js/learn.js",
        "webfonts/fa-solid-900.woff2",
    ] {
        assert!(p.join(f).is_file(), "missing {f}");
    }
    assert!(
        !p.join("basics/draft/index.html").exists(),
        "drafts are not built without -D"
    );
    assert!(
        !p.join("advanced/moved/index.html").exists(),
        "`url` moves the page"
    );
}

#[test]
fn taxonomy_pages_list_terms_and_pages() {
    let dir = built();
    let tags = read(dir.path(), "public/tags/index.html");
    assert_contains(
        body(&tags),
        "<h1>taxonomy :: Tags</h1>\n          <ul>\n            <li><a href=\"/lab/tags/a/\">A</a></li>\n            <li><a href=\"/lab/tags/b/\">B</a></li>\n          </ul>",
    );
    let term = read(dir.path(), "public/tags/a/index.html");
    assert_contains(
        body(&term),
        "<h1>A</h1>\n          <ul>\n            <li><a href=\"/lab/toml-page/\">TOML page</a></li>",
    );
}

/// learn after its 2.5.0 release heads taxonomy and term pages with the
/// singular name: so does labsite for a theme on disk whose header says so,
/// and for the theme's own example site (its `themesDir` climbs out of it).
/// Hugo 0.168's headings on aws-get-started (learn 2.5.0) and learn-docs
/// (learn's example site) are the two cases.
#[test]
fn learn_after_2_5_heads_taxonomies_with_the_singular_name() {
    let page = "---\ntitle: P\ntags: [a]\n---\nx\n";
    let header =
        "{{ if or (eq .Kind \"taxonomy\") (eq .Kind \"term\") }}{{.Data.Singular}} ::{{ end }}";
    for config in [
        "baseURL = 'https://example.org/'\ntitle = 'T'\ntheme = 'learn'\n",
        "baseURL = 'https://example.org/'\ntitle = 'T'\ntheme = 'learn'\nthemesDir = '../..'\n",
    ] {
        let on_disk = !config.contains("themesDir");
        // The example site sits two folders into the theme's repository.
        let mut files = vec![
            ("repo/ex/site/config.toml", config),
            ("repo/ex/site/content/p.md", page),
        ];
        if on_disk {
            files.push((
                "repo/ex/site/themes/learn/layouts/partials/header.html",
                header,
            ));
        }
        let dir = site_from(&files);
        // A `themesDir` above the site is read: the output goes elsewhere.
        let out = dir.path().join("out");
        build_ok(
            &dir.path().join("repo/ex/site"),
            &["-d", out.to_str().unwrap()],
        );
        assert_contains(&read(&out, "tags/index.html"), "<h1>tag :: Tags</h1>");
        assert_contains(&read(&out, "tags/a/index.html"), "<h1>tag :: A</h1>");
    }
}

#[test]
fn drafts_are_built_with_build_drafts() {
    let dir = site("workshop");
    build_ok(dir.path(), &["-D"]);
    assert_contains(
        &read(dir.path(), "public/basics/draft/index.html"),
        "Not published without -D.",
    );
}

#[test]
fn summary_counts_pages_static_files_and_aliases() {
    let dir = site("workshop");
    let run = build_ok(dir.path(), &[]);
    assert_contains(&run.stdout, " Pages            │   20");
    assert_contains(&run.stdout, " Aliases          │    1");
}

#[test]
fn alias_page_redirects_to_the_permalink() {
    let dir = built();
    let html = read(dir.path(), "public/old-moved/index.html");
    assert_eq!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n\t<head>\n\t\t<title>https://example.org/lab/elsewhere/moved/</title>\n\t\t<link rel=\"canonical\" href=\"https://example.org/lab/elsewhere/moved/\">\n\t\t<meta charset=\"utf-8\">\n\t\t<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/lab/elsewhere/moved/\">\n\t</head>\n</html>\n"
    );
}

#[test]
fn page_title_body_and_heading_ids() {
    let dir = built();
    let html = read(dir.path(), "public/basics/first/index.html");
    assert_contains(&html, "<title>First page :: Fixture Lab</title>");
    assert_contains(
        body(&html),
        "<h1>First page</h1>\n<h2 id=\"step-1-create-the-vpc\">Step 1: Create the VPC</h2>\n<h2 id=\"step-1-create-the-vpc-1\">Step 1: Create the VPC</h2>\n<p>Text with C++ &amp; Go.</p>",
    );
    // Titles are escaped as Go's html/template does.
    let second = read(dir.path(), "public/basics/second/index.html");
    assert_contains(
        &second,
        "<title>Second &lt;page&gt; &amp; more :: Fixture Lab</title>",
    );
}

#[test]
fn table_of_contents_and_breadcrumbs_and_edit_link() {
    let dir = built();
    let html = read(dir.path(), "public/basics/first/index.html");
    assert_contains(
        &html,
        "<nav id=\"TableOfContents\">\n  <ul>\n    <li><a href=\"#step-1-create-the-vpc\">Step 1: Create the VPC</a></li>\n    <li><a href=\"#step-1-create-the-vpc-1\">Step 1: Create the VPC</a></li>\n  </ul>\n</nav>",
    );
    assert_contains(
        &html,
        "<a href=\"/lab/\">Fixture Lab</a> &gt; <a href=\"/lab/basics/\">Basics</a> &gt; First page",
    );
    assert_contains(
        &html,
        "href=\"https://git.example.org/lab/edit/main/content/basics/first.md\"",
    );
}

#[test]
fn chapter_pages_have_no_title_heading_and_no_toc() {
    let dir = built();
    let html = read(dir.path(), "public/basics/index.html");
    assert_contains(&html, "<div id=\"chapter\">");
    assert!(
        !body(&html).contains("<h1>Basics</h1>\n"),
        "chapter pages show their own content only"
    );
    assert!(!html.contains("TableOfContents"));
}

#[test]
fn sidebar_order_hidden_pages_and_active_state() {
    let dir = built();
    let html = read(dir.path(), "public/basics/second/index.html");
    let ids = nav_ids(&html);
    assert_eq!(
        ids,
        [
            "/lab/basics/",
            "/lab/basics/second/",
            "/lab/basics/first/",
            "/lab/basics/nested/page/",
            "/lab/basics/zero/",
            "/lab/advanced/",
            "/lab/advanced/bundle/",
            "/lab/advanced/step-1-aws/",
            "/lab/advanced/my-slug/",
            "/lab/elsewhere/moved/",
            "/lab/advanced/shortcodes/",
        ]
    );
    assert_contains(
        &html,
        "<li data-nav-id=\"/lab/basics/\" title=\"Basics\" class=\"dd-item parent\">",
    );
    assert_contains(
        &html,
        "<li data-nav-id=\"/lab/basics/second/\" title=\"Second &lt;page&gt; &amp; more\" class=\"dd-item active\">",
    );
    assert_contains(&html, "          <b>1. </b>Basics\n");
    // alwaysopen keeps a section open on every page.
    assert_contains(
        &html,
        "<li data-nav-id=\"/lab/advanced/\" title=\"Advanced\" class=\"dd-item parent\">",
    );
    let first = read(dir.path(), "public/basics/first/index.html");
    assert_contains(
        &first,
        "<li data-nav-id=\"/lab/basics/second/\" title=\"Second &lt;page&gt; &amp; more\" class=\"dd-item\">",
    );
    assert_contains(
        &first,
        "<a class=\"padding\" href=\"https://git.example.org/lab\"><i class=\"fab fa-github\"></i> Repo</a>",
    );
}

fn nav(html: &str) -> (Option<String>, Option<String>) {
    let grab = |class: &str| {
        let i = html.find(&format!("class=\"nav {class}\" href=\""))?;
        let rest = &html[i + class.len() + 19..];
        Some(rest[..rest.find('"').unwrap()].to_string())
    };
    (grab("nav-prev"), grab("nav-next"))
}

#[test]
fn previous_and_next_follow_learns_depth_first_order() {
    let dir = built();
    let at = |p: &str| nav(&read(dir.path(), p));
    assert_eq!(at("public/index.html"), (None, Some("/lab/basics/".into())));
    assert_eq!(
        at("public/basics/index.html"),
        (Some("/lab/".into()), Some("/lab/basics/second/".into()))
    );
    assert_eq!(
        at("public/basics/second/index.html"),
        (
            Some("/lab/basics/".into()),
            Some("/lab/basics/first/".into())
        )
    );
    // The hidden page is skipped by the walk: its neighbours come from its section.
    assert_eq!(
        at("public/basics/hidden/index.html"),
        (Some("/lab/".into()), Some("/lab/basics/second/".into()))
    );
    // The last page keeps the "next" its section's match set (learn's URL-prefix
    // rule, as Hugo renders it).
    assert_eq!(
        at("public/advanced/shortcodes/index.html"),
        (
            Some("/lab/elsewhere/moved/".into()),
            Some("/lab/advanced/bundle/".into())
        )
    );
}

#[test]
fn notice_and_expand_render_as_learn_does() {
    let dir = built();
    let html = read(dir.path(), "public/advanced/shortcodes/index.html");
    let b = body(&html);
    assert_contains(
        b,
        "<div class=\"notices info\" ><p>An <em>info</em> notice.</p>\n</div>",
    );
    assert_contains(
        b,
        "<details class=\"expand\">\n    <summary class=\"expand-label\">\n        <i class=\"fas fa-chevron-right\"></i>\n        <span>Show the solution</span>\n    </summary>\n    <div class=\"expand-content\">\n        <p>The <strong>solution</strong>.</p>\n<!-- raw HTML omitted -->\n",
    );
    // A one-line inner loses its paragraph.
    assert_contains(b, "<div class=\"notices warning\" >One line.</div>");
    // Escaped shortcodes are literal text, in prose and in code.
    assert_contains(b, "<p>Literal: {{&lt; notice info &gt;}}</p>");
    assert_contains(
        b,
        "<code class=\"language-text\" data-lang=\"text\"><span style=\"display:flex;\"><span>{{&lt; expand &gt;}}\n</span></span></code>",
    );
    // ref gives the permalink, relref the RelPermalink.
    assert_contains(b, "<a href=\"/lab/basics/first/\">the first page</a>");
    assert_contains(
        b,
        "<a href=\"https://example.org/lab/advanced/step-1-aws/\">step one</a>",
    );
}

#[test]
fn leaf_bundle_resources_are_published_next_to_the_page() {
    let dir = built();
    let html = read(dir.path(), "public/advanced/bundle/index.html");
    assert_contains(
        body(&html),
        "<p><img src=\"diagram.svg\" alt=\"diagram\"></p>",
    );
}

#[test]
fn home_shows_its_content_after_the_navigation_toggle() {
    let dir = built();
    let html = read(dir.path(), "public/index.html");
    assert_contains(
        body(&html),
        "navigation</a>\n          </span>\n<h1 id=\"welcome\">Welcome</h1>\n<p>Start with the basics.</p>",
    );
    assert_contains(&html, "<title>Fixture Lab :: Fixture Lab</title>");
}

/// Every file of `dir/public` with its bytes, in path order.
fn output_files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    walkdir::WalkDir::new(dir.join("public"))
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn two_builds_are_byte_identical() {
    // One language and two, learn and relearn, plain and minified; the sitemap
    // and the search index included.
    for fixture in ["workshop", "multilingual", "relearn"] {
        for flags in [&[][..], &["--minify"][..]] {
            let (a, b) = (site(fixture), site(fixture));
            build_ok(a.path(), flags);
            build_ok(b.path(), flags);
            let (fa, fb) = (output_files(a.path()), output_files(b.path()));
            let names: Vec<&str> = fa.iter().map(|f| f.0.as_str()).collect();
            assert!(
                names.contains(&"public/sitemap.xml"),
                "{fixture}: {names:?}"
            );
            if fixture == "relearn" {
                assert!(names.contains(&"public/index.json"), "{names:?}");
            }
            assert_eq!(names, fb.iter().map(|f| f.0.as_str()).collect::<Vec<_>>());
            for (x, y) in fa.iter().zip(&fb) {
                assert!(
                    x.1 == y.1,
                    "{fixture} {flags:?}: {} differs between two builds",
                    x.0
                );
            }
        }
    }
}

#[test]
fn minify_makes_pages_smaller_and_keeps_their_content() {
    let (plain, small) = (site("workshop"), site("workshop"));
    build_ok(plain.path(), &[]);
    build_ok(small.path(), &["--minify"]);
    let (a, b) = (
        read(plain.path(), "public/basics/index.html"),
        read(small.path(), "public/basics/index.html"),
    );
    assert!(
        b.len() * 10 < a.len() * 9,
        "{} -> {} bytes",
        a.len(),
        b.len()
    );
    assert_contains(&b, "<title>Basics :: Fixture Lab</title>");
    assert!(!b.contains("\n    "), "indentation left");
    // Files other than HTML are as they were.
    assert_eq!(
        read(plain.path(), "public/sitemap.xml"),
        read(small.path(), "public/sitemap.xml")
    );
}

#[test]
fn destination_flag_and_relative_urls() {
    let dir = site_from(&[
        (
            "config.toml",
            "title = 'R'\nrelativeURLs = true\nuglyURLs = true\n",
        ),
        ("content/sec/_index.md", "---\ntitle: Sec\n---\n"),
        ("content/sec/page.md", "---\ntitle: Page\n---\n[home](/)\n"),
    ]);
    build_ok(dir.path(), &["-d", "out"]);
    let html = read(dir.path(), "out/sec/page.html");
    assert_contains(body(&html), "<a href=\"../\">home</a>");
    assert_contains(&html, "<link href=\"../css/theme.css\" rel=\"stylesheet\">");
    assert!(dir.path().join("out/sec/index.html").is_file());
    assert!(!dir.path().join("public").exists());
}

#[test]
fn every_language_is_built_under_its_prefix() {
    let dir = site("multilingual");
    build_ok(dir.path(), &[]);
    let p = dir.path().join("public");
    for f in [
        "en/index.html",
        "en/lab/index.html",
        "en/lab/step/index.html",
        "fr/index.html",
        "fr/lab/step/index.html",
        "en/404.html",
        "fr/404.html",
    ] {
        assert!(p.join(f).is_file(), "missing {f}");
    }
    assert!(!p.join("de").exists(), "a disabled language is not built");
    // The root redirects to the default language.
    assert_contains(
        &read(dir.path(), "public/index.html"),
        "<meta http-equiv=\"refresh\" content=\"0; url=/en/\">",
    );
    let fr = read(dir.path(), "public/fr/lab/step/index.html");
    assert_contains(&fr, "<title>Étape :: Le Labo</title>");
    assert_contains(&fr, "<html lang=\"fr\"");
    // UI strings and params come from the page's language.
    assert_contains(body(&fr), "<span>Déroulez-moi...</span>");
    assert_contains(body(&fr), "Bonjour");
    assert_contains(
        &fr,
        "<li data-nav-id=\"/fr/lab/\" title=\"Labo\" class=\"dd-item parent\">",
    );
    let en = read(dir.path(), "public/en/lab/step/index.html");
    assert_contains(body(&en), "<span>Expand me...</span>");
    assert_contains(&en, "<a class=\"padding\" href=\"/docs/\">Docs</a>");
    assert!(
        !read(dir.path(), "public/fr/index.html").contains("href=\"/docs/\""),
        "shortcuts are per language"
    );
    // The language switcher lists the page's translations.
    assert_contains(
        &fr,
        "<option id=\"en\" value=\"/en/lab/step/\">en</option>\n                <option id=\"fr\" value=\"/fr/lab/step/\" selected>fr</option>",
    );
}

#[test]
fn feeds_sitemap_robots_and_search_index() {
    let dir = site_from(&[
        (
            "config.toml",
            "baseURL = 'https://x.io/'\ntitle = 'Feeds'\nenableRobotsTXT = true\n[outputs]\nhome = ['HTML', 'RSS', 'JSON']\n",
        ),
        ("content/sec/_index.md", "---\ntitle: Sec\n---\n"),
        (
            "content/sec/a.md",
            "---\ntitle: \"A & <b>\"\ndate: 2024-05-06T07:08:09Z\ntags: [one]\n---\nFirst *words* here.\n",
        ),
        (
            "content/sec/b.md",
            "---\ntitle: B\ndate: 2024-05-07T07:08:09Z\nsummary: Short *one*\n---\nBody text.\n",
        ),
        (
            "content/sec/c.md",
            "---\ntitle: C\ndate: 2024-05-08T07:08:09Z\nsummary: Short *two*\n---\nBefore.\n<!--more-->\nAfter.\n",
        ),
    ]);
    let run = build_ok(dir.path(), &[]);
    // What Hugo 0.168 writes for the same pages: the front matter's summary, but
    // the text before <!--more--> first.
    let section_feed = read(dir.path(), "public/sec/index.xml");
    assert_contains(
        &section_feed,
        "<description>&lt;p&gt;Before.&lt;/p&gt;</description>",
    );
    assert_contains(
        &section_feed,
        "<description>Short &lt;em&gt;one&lt;/em&gt;</description>",
    );
    assert!(!run.stderr.contains("output formats"), "{}", run.stderr);
    let rss = read(dir.path(), "public/index.xml");
    assert_contains(
        &rss,
        "<title>Feeds</title>\n    <link>https://x.io/</link>\n    <description>Recent content on Feeds</description>",
    );
    assert_contains(
        &rss,
        "<item>\n      <title>A &amp; &lt;b&gt;</title>\n      <link>https://x.io/sec/a/</link>\n      <pubDate>Mon, 06 May 2024 07:08:09 +0000</pubDate>\n      <guid>https://x.io/sec/a/</guid>\n      <description>&lt;p&gt;First &lt;em&gt;words&lt;/em&gt; here.&lt;/p&gt;</description>\n    </item>",
    );
    assert_contains(
        &read(dir.path(), "public/sec/index.xml"),
        "<title>Sec on Feeds</title>",
    );
    let sitemap = read(dir.path(), "public/sitemap.xml");
    assert_contains(
        &sitemap,
        "<url>\n    <loc>https://x.io/sec/a/</loc>\n    <lastmod>2024-05-06T07:08:09+00:00</lastmod>\n  </url>",
    );
    assert_eq!(read(dir.path(), "public/robots.txt"), "User-agent: *\n");
    let index: serde_json::Value =
        serde_json::from_str(&read(dir.path(), "public/index.json")).unwrap();
    let a = index
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["uri"] == "https://x.io/sec/a/")
        .unwrap();
    assert_eq!(a["title"], "A & <b>");
    assert_eq!(a["tags"], serde_json::json!(["one"]));
    assert_eq!(a["content"], "First words here.");
    assert_contains(
        &read(dir.path(), "public/sec/a/index.html"),
        "data-search-index=\"/index.json\"",
    );
}

#[test]
fn unknown_output_formats_get_one_warning() {
    let dir = site_from(&[
        ("config.toml", "[outputs]\npage = ['HTML', 'Calendar']\n"),
        ("content/a.md", "x"),
    ]);
    let run = build_ok(dir.path(), &[]);
    assert_contains(
        &run.stderr,
        "warning: output formats labsite does not make are left out: calendar (no layout names it, such as layouts/_default/single.calendar.ics)",
    );
}

#[test]
fn highlight_shortcode_and_fenced_code_share_chromas_markup() {
    let dir = site_from(&[
        ("config.toml", "title = 'H'\n"),
        (
            "content/p.md",
            "---\ntitle: p\n---\n{{< highlight go \"hl_lines=2\" >}}\npackage main\nfunc main() {}\n{{< /highlight >}}\n\n```go {hl_lines=[2]}\npackage main\nfunc main() {}\n```\n",
        ),
    ]);
    build_ok(dir.path(), &[]);
    let html = read(dir.path(), "public/p/index.html");
    // Hugo 0.168's shape: text size adjusting off, a grid for highlighted
    // lines; the shortcode trims its code's last line end, a fence keeps it.
    let block = |last_line_end: &str| {
        format!(
            "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;-webkit-text-size-adjust:none;display:grid;\"><code class=\"language-go\" data-lang=\"go\"><span style=\"display:flex;\"><span><span style=\"color:#f92672\">package</span> main\n</span></span><span style=\"display:flex; background-color:#3c3d38\"><span><span style=\"color:#66d9ef\">func</span> <span style=\"color:#a6e22e\">main</span>() {{}}{last_line_end}</span></span></code></pre></div>"
        )
    };
    assert_contains(body(&html), &format!("{}\n{}", block(""), block("\n")));
}

#[test]
fn hugo_builtin_shortcodes() {
    let page = r#"---
title: b
level: 300
---
{{< figure src="/img/a.png" title="Diagram" caption="The *flow*" link="https://x.io" class="wide" >}}

{{< vimeo 146022717 >}}

{{< gist spf13 7896402 >}}

Level {{< param level >}} and site {{< param "author" >}}.

{{< details summary="More" >}}
Some **details**.
{{< /details >}}

{{< x user="SanDiegoZoo" id="1453110110599868418" >}}

{{< instagram CxOWiQNP2MO >}}
"#;
    let dir = site_from(&[
        ("config.toml", "title = 'B'\n[params]\nauthor = 'Ann'\n"),
        ("content/b.md", page),
    ]);
    build_ok(dir.path(), &[]);
    let html = read(dir.path(), "public/b/index.html");
    let b = body(&html);
    for fragment in [
        "<figure class=\"wide\"><a href=\"https://x.io\"><img src=\"/img/a.png\"\n\t\t\talt=\"The flow\"></a><figcaption>\n\t\t\t<h4>Diagram</h4><p>The <em>flow</em></p>\n\t\t</figcaption>\n</figure>",
        "<iframe\n\t\t\t\t\tsrc=\"https://player.vimeo.com/video/146022717?dnt=0\"\n\t\t\t\t\t\tstyle=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\" allow=\"fullscreen\">\n\t\t\t\t</iframe>",
        "<script src=\"https://gist.github.com/spf13/7896402.js\"></script>",
        "<p>Level 300 and site Ann.</p>",
        "<details>\n\t<summary>More</summary>\n\t<p>Some <strong>details</strong>.</p>\n</details>",
        "<p><a href=\"https://x.com/SanDiegoZoo/status/1453110110599868418\">https://x.com/SanDiegoZoo/status/1453110110599868418</a></p>",
        "<p><a href=\"https://www.instagram.com/p/CxOWiQNP2MO/\">https://www.instagram.com/p/CxOWiQNP2MO/</a></p>",
    ] {
        assert_contains(b, fragment);
    }
}

#[test]
fn missing_param_is_an_error() {
    let dir = site_from(&[
        ("config.toml", "title = 'B'\n"),
        ("content/b.md", "x {{< param nope >}}"),
    ]);
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.trim_end(),
        "error: content/b.md:1:3: failed to render shortcode \"param\": Param \"nope\" not found (set it in the page's front matter or the site's [params])"
    );
}

#[test]
fn mermaid_is_loaded_only_where_a_diagram_is() {
    let dir = site_from(&[
        ("config.toml", "title = 'M'\n"),
        (
            "content/m.md",
            "---\ntitle: m\n---\n{{< mermaid >}}\ngraph LR;\n  A --> B\n{{< /mermaid >}}\n",
        ),
        ("content/plain.md", "---\ntitle: plain\n---\nNo diagram.\n"),
    ]);
    build_ok(dir.path(), &[]);
    let m = read(dir.path(), "public/m/index.html");
    assert_contains(
        body(&m),
        "<div class=\"mermaid\" align=\"center\">\ngraph LR;\n  A --> B\n</div>",
    );
    assert_contains(
        &m,
        "<script src=\"/mermaid/mermaid.min.js\"></script>\n    <script>mermaid.initialize({ \"startOnLoad\": true });</script>",
    );
    assert!(!read(dir.path(), "public/plain/index.html").contains("mermaid.min.js"));
    assert!(dir.path().join("public/mermaid/mermaid.min.js").is_file());
}

#[test]
fn include_reads_site_files_only() {
    let dir = site_from(&[
        ("config.toml", "title = 'I'\n"),
        ("snippets/step.md", "# Hidden\n\nIncluded **step**.\n"),
        (
            "content/p.md",
            "---\ntitle: p\n---\n{{% include \"snippets/step.md\" %}}\n\n{{% include file=\"snippets/step.md\" hidefirstheading=true %}}\n",
        ),
    ]);
    build_ok(dir.path(), &[]);
    let html = read(dir.path(), "public/p/index.html");
    assert_contains(
        body(&html),
        "<h1 id=\"hidden\">Hidden</h1>\n<p>Included <strong>step</strong>.</p>\n<p>Included <strong>step</strong>.</p>",
    );
    for bad in ["../../etc/passwd", "/etc/passwd"] {
        std::fs::write(
            dir.path().join("content/p.md"),
            format!("x {{{{% include \"{bad}\" %}}}}\n"),
        )
        .unwrap();
        let run = labsite(dir.path(), &["build"]);
        assert_eq!(run.code, 1);
        assert_eq!(
            run.stderr.trim_end(),
            format!(
                "error: content/p.md:1:3: failed to render shortcode \"include\": file \"{bad}\" is outside the site folder (give a path inside the site, relative to it)"
            )
        );
    }
}

#[test]
fn relearn_sites_get_relearns_page_structure() {
    let dir = site("relearn");
    let run = build_ok(dir.path(), &[]);
    assert_contains(
        &run.stderr,
        "is not in themes/; labsite renders this site with its embedded relearn theme",
    );
    let home = read(dir.path(), "public/index.html");
    // relearn's DOM: the content in #R-body-inner, an id on the page's h1.
    assert_contains(
        &home,
        "<main id=\"R-body-inner\" class=\"highlightable home\" tabindex=\"-1\">",
    );
    assert_contains(
        &home,
        "<h1 id=\"home\">Home</h1>\n<p>See <a href=\"/chap/\">the chapter</a> and <a href=\"/chap/step/#part\">step</a>.</p>",
    );
    // The sidebar: home with all its children; deeper levels only on the way to the page.
    let ids = nav_ids(&home);
    assert_eq!(
        ids,
        [
            "/",
            "/chap/",
            "/about/",
            "/boxes/",
            "https://docs.example.com/"
        ]
    );
    let step = read(dir.path(), "public/chap/step/index.html");
    let ids = nav_ids(&step);
    assert_eq!(
        ids,
        [
            "/",
            "/chap/",
            "/chap/step/",
            "/about/",
            "/boxes/",
            "https://docs.example.com/"
        ]
    );
    // relearn's menuPre and icon.
    assert_contains(
        &step,
        "<a class=\"padding\" href=\"/about/\"><i class=\"fas fa-info\"></i> About</a>",
    );
    assert_contains(
        &read(dir.path(), "public/about/index.html"),
        "<p>About us <i class=\"fa-fw fas fa-anchor\"></i>.</p>",
    );
    // relearn's notice and expand are <details> boxes.
    let boxes = read(dir.path(), "public/boxes/index.html");
    assert_contains(
        &boxes,
        "<details open class=\" box cstyle notices info\">\n  <summary class=\"box-label\" tabindex=\"-1\">\n    <i class=\"fa-fw fas fa-info-circle\"></i> \n    Info\n  </summary>\n  <div class=\"box-content\">\n<p>Read <em>this</em>.</p>\n\n  </div>\n</details>",
    );
    assert_contains(
        &boxes,
        "<details class=\" box cstyle notices transparent expand\">\n  <summary class=\"box-label\">\n    <i class=\"expander-icon fa-fw fas fa-chevron-right\"></i> \n    Show me\n  </summary>",
    );
    // Blockquote alerts are notice boxes; a code block's title heads it as a tab.
    assert_contains(
        &boxes,
        "<details open class=\" box cstyle notices tip\">\n  <summary class=\"box-label\" tabindex=\"-1\">\n    <i class=\"fa-fw fas fa-lightbulb\"></i> \n    Good to know\n  </summary>\n  <div class=\"box-content\">\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n  </div>\n</details>",
    );
    assert_contains(
        &boxes,
        "<summary class=\"box-label\" tabindex=\"-1\">\n    <i class=\"fa-fw fas fa-exclamation-circle\"></i> \n    Note\n  </summary>\n  <div class=\"box-content\">\n<p>Plain <em>note</em>.</p>\n  </div>",
    );
    assert_contains(
        &boxes,
        "<div class=\"tab-nav-title\">&#8203;</div>\n    <button data-tab-item=\"hugo.toml\" data-tab-group=\"default\" class=\"tab-nav-button btn active\" role=\"tab\"><span class=\"title\">hugo.toml</span></button>",
    );
    assert_contains(
        &boxes,
        "<div class=\"tab-content-text\">\n<pre tabindex=\"0\"><code class=\"language-toml\" data-lang=\"toml\">a = 1\n</code></pre>\n      </div>",
    );
    assert!(
        !step.contains("class=\"nav nav-prev\""),
        "relearn's prev/next live in the top bar"
    );
    assert_contains(
        &step,
        "<div class=\"topbar-button topbar-button-prev\"><a class=\"topbar-control\" href=\"/chap/\"",
    );
    // Chapters show their number; children as headings with ids.
    let chap = read(dir.path(), "public/chap/index.html");
    assert_contains(
        &chap,
        "<div class=\"article-subheading\">Chapter 1</div>\n            <h1 id=\"first-chapter\">First Chapter</h1>",
    );
    assert_contains(
        &chap,
        "<div class=\"children children-h3 children-sort-\">\n<h3 id=\"the-step\"><a href=\"/chap/step/\">The Step</a></h3>\n<p>A step</p>\n</div>",
    );
    // The print format, and relearn's search page.
    assert_contains(
        &read(dir.path(), "public/chap/step/index.print.html"),
        "<h1 id=\"the-step\">The Step</h1>",
    );
    assert_contains(
        &read(dir.path(), "public/search/index.html"),
        "<h1 id=\"search\">Search</h1>",
    );
}

#[test]
fn ordersectionsby_sorts_the_sidebar() {
    let files = |config: &'static str, section: &'static str| {
        site_from(&[
            ("config.toml", config),
            ("content/s/_index.md", section),
            ("content/s/b.md", "---\ntitle: Bravo\nweight: 1\n---\n"),
            ("content/s/a.md", "---\ntitle: Alpha\nweight: 2\n---\n"),
        ])
    };
    // By weight, the default.
    let dir = files("title = 'O'\n", "---\ntitle: S\n---\n");
    build_ok(dir.path(), &[]);
    assert_eq!(
        nav_ids(&read(dir.path(), "public/index.html")),
        ["/s/", "/s/b/", "/s/a/"]
    );
    // learn's site-wide ordersectionsby = "title".
    let dir = files(
        "title = 'O'\n[params]\nordersectionsby = 'title'\n",
        "---\ntitle: S\n---\n",
    );
    build_ok(dir.path(), &[]);
    assert_eq!(
        nav_ids(&read(dir.path(), "public/index.html")),
        ["/s/", "/s/a/", "/s/b/"]
    );
    // relearn's per-section setting.
    let dir = files(
        "title = 'O'\ntheme = 'relearn'\n",
        "+++\ntitle = 'S'\n[params]\nordersectionsby = 'title'\n+++\n",
    );
    build_ok(dir.path(), &[]);
    assert_eq!(
        nav_ids(&read(dir.path(), "public/s/a/index.html")),
        ["/", "/s/", "/s/a/", "/s/b/"]
    );
}

#[test]
fn pages_carry_the_open_branches_and_the_whole_tree_is_shared() {
    let dir = site("browser");
    build_ok(dir.path(), &[]);
    let collapsed = "      <li data-nav-id=\"/lab/deeper/\" title=\"Deeper\" class=\"dd-item\">\n        <a href=\"/lab/deeper/\">\n          Deeper\n          <i class=\"fas fa-caret-right\"></i>\n        </a>\n";
    let children = "        <ul>\n      <li data-nav-id=\"/lab/deeper/inside/\" title=\"Inside page\" class=\"dd-item\">\n        <a href=\"/lab/deeper/inside/\">\n          Inside page\n        </a>\n      </li>\n        </ul>\n";
    // A page away from the branch: the branch without its pages.
    let widgets = read(dir.path(), "public/lab/widgets/index.html");
    assert_contains(&widgets, &format!("{collapsed}      </li>\n"));
    assert!(!widgets.contains("/lab/deeper/inside/"));
    assert_contains(
        &widgets,
        "<nav id=\"sidebar\" class=\"\" data-menu=\"/labsite-menu.html\">",
    );
    // The branch's own page, the home page and the shared tree: with them.
    let deeper = read(dir.path(), "public/lab/deeper/index.html");
    assert_contains(&deeper, "/lab/deeper/inside/");
    assert_contains(
        &read(dir.path(), "public/index.html"),
        &format!("{collapsed}{children}"),
    );
    assert_contains(
        &read(dir.path(), "public/labsite-menu.html"),
        &format!("{collapsed}{children}"),
    );
}

#[test]
fn titles_parameters_and_menu_names_are_escaped() {
    let dir = site("hostile");
    build_ok(dir.path(), &[]);
    let step = read(dir.path(), "public/lab/step/index.html");
    for fragment in [
        // A title, in text and in an attribute.
        "<title>Step &lt;/title&gt;&lt;script&gt;window.__pwned=&#39;step title&#39;&lt;/script&gt; :: Lab &lt;script&gt;window.__pwned=&#39;site title&#39;&lt;/script&gt;</title>",
        "data-nav-id=\"/lab/step/\" title=\"Step &lt;/title&gt;&lt;script&gt;window.__pwned=&#39;step title&#39;&lt;/script&gt;\"",
        // Shortcode parameters: escaped once, script URLs marked as Go templates do.
        "<span>&lt;script&gt;window.__pwned=&#39;expand&#39;&lt;/script&gt;</span>",
        "<a href=\"#ZgotmplZ\" target=\"_blank\" class=\"btn btn-default\">",
        // A menu name keeps harmless markup only.
        "<li><a class=\"padding\" href=\"/#ZgotmplZ\"><img src=\"x\"></a></li>",
    ] {
        assert_contains(&step, fragment);
    }
    // Markdown links to script URLs lose them, as in Hugo.
    assert_contains(&step, "<a href=\"\">a link</a>");
    // JSON escapes markup as Go's encoding/json does.
    assert_contains(
        &read(dir.path(), "public/index.json"),
        "\"title\":\"Step \\u003c/title\\u003e\\u003cscript\\u003ewindow.__pwned='step title'\\u003c/script\\u003e\"",
    );
}

#[test]
fn a_term_written_several_ways_takes_the_spelling_most_pages_use() {
    let page = |name: &str, tags: &str| {
        (
            format!("content/{name}.md"),
            format!("---\ntitle: {name}\ntags: [{tags}]\n---\nx\n"),
        )
    };
    let files = [
        page("a", "EFA, Lab"),
        page("b", "efa, lab"),
        page("c", "efa"),
        page("d", "LAB"),
    ];
    let mut all: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    all.push((
        "config.toml",
        "baseURL = 'https://example.org/'\ntitle = 'T'\n",
    ));
    let dir = site_from(&all);
    build_ok(dir.path(), &[]);
    assert_contains(
        &read(dir.path(), "public/tags/efa/index.html"),
        "<h1>Efa</h1>",
    );
    // One page each: the first met, in page order.
    assert_contains(
        &read(dir.path(), "public/tags/lab/index.html"),
        "<h1>Lab</h1>",
    );
}

#[test]
fn theme_shortcodes_read_page_and_site_directly_through_includes_and_extends() {
    let dir = site_from(&[
        (
            "config.toml",
            "baseURL = \"https://example.org/\"\ntitle = \"Lab\"\ntheme = \"mine\"\n[params]\nowner = \"Ops & Co\"\n",
        ),
        (
            "themes/mine/templates/shortcodes/whoami.html",
            "<span>{{ page.title }} by {{ site.params.owner }}</span>",
        ),
        (
            "themes/mine/templates/shortcodes/framed.html",
            "<div class=\"frame\">{% include \"shortcodes/whoami.html\" %}</div>\n",
        ),
        (
            "themes/mine/templates/shortcodes/plain.html",
            "<b>{{ args[\"0\"] }}</b>\n",
        ),
        (
            "themes/mine/templates/partials/box.html",
            "<i>{{ page.title }}: {% block inside %}{% endblock %}</i>",
        ),
        (
            "themes/mine/templates/shortcodes/boxed.html",
            "{% extends \"partials/box.html\" %}{% block inside %}{{ args[\"0\"] }}{% endblock %}",
        ),
        (
            "content/step.md",
            "---\ntitle: Step <one>\n---\n{{< whoami >}}\n\n{{< framed >}}\n\n{{< plain \"x\" >}}\n\n{{< boxed \"y\" >}}\n",
        ),
    ]);
    build_ok(dir.path(), &[]);
    let html = read(dir.path(), "public/step/index.html");
    assert_contains(&html, "<span>Step &lt;one&gt; by Ops &amp; Co</span>");
    assert_contains(
        &html,
        "<div class=\"frame\"><span>Step &lt;one&gt; by Ops &amp; Co</span></div>",
    );
    assert_contains(&html, "<b>x</b>");
    assert_contains(&html, "<i>Step &lt;one&gt;: y</i>");
}

#[test]
fn a_multilingual_sites_sitemaps_are_in_language_folders_under_an_index() {
    // The default language's pages are at the root; its sitemap is not (Hugo 0.168).
    let dir = site_from(&[
        (
            "config.toml",
            "baseURL = \"https://example.org/\"\ntitle = \"Lab\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.pir]\nweight = 2\n",
        ),
        ("content/a.md", "---\ntitle: A\n---\nx\n"),
        ("content/a.pir.md", "---\ntitle: Arr\n---\nx\n"),
    ]);
    build_ok(dir.path(), &[]);
    let index = read(dir.path(), "public/sitemap.xml");
    assert_contains(&index, "<sitemapindex");
    assert_contains(&index, "<loc>https://example.org/en/sitemap.xml</loc>");
    assert_contains(&index, "<loc>https://example.org/pir/sitemap.xml</loc>");
    let en = read(dir.path(), "public/en/sitemap.xml");
    assert_contains(&en, "<urlset");
    assert_contains(&en, "<loc>https://example.org/a/</loc>");
    assert_contains(
        &read(dir.path(), "public/pir/sitemap.xml"),
        "<loc>https://example.org/pir/a/</loc>",
    );
}

#[test]
fn a_generated_file_replaces_a_static_file_of_the_same_path() {
    // As in Hugo 0.168: the home page's feed, not static/index.xml; a build over
    // the previous output too (the static file differs from what it holds, the
    // feed does not).
    let dir = site_from(&[
        (
            "config.toml",
            "baseURL = \"https://example.org/\"\ntitle = \"Lab\"\n",
        ),
        ("content/a.md", "---\ntitle: A\n---\nx\n"),
        ("static/index.xml", "static feed\n"),
    ]);
    for _ in 0..3 {
        build_ok(dir.path(), &[]);
        assert_contains(
            &read(dir.path(), "public/index.xml"),
            "<rss version=\"2.0\"",
        );
    }
}

/// With `canonifyURLs`, root-relative URLs start at `/` (no baseURL path), and
/// are made relative (`relativeURLs`) or absolute with the whole baseURL; the
/// expected HTML is Hugo 0.168's for the same site.
#[test]
fn canonified_urls_leave_out_the_base_path_until_made_absolute_or_relative() {
    let files = |relative: bool| {
        let config = format!(
            "baseURL = 'https://example.org/docs/'\ncanonifyURLs = true\n{}title = 'C'\n",
            if relative {
                "relativeURLs = true\n"
            } else {
                ""
            }
        );
        site_from(&[
            ("hugo.toml", config.as_str()),
            (
                "content/a/_index.md",
                "---\ntitle: A\n---\n[b]({{< relref \"b.md\" >}}) ![i](/img/x.png)\n",
            ),
            ("content/a/b.md", "---\ntitle: B\n---\nb\n"),
        ])
    };
    let relative = files(true);
    build_ok(relative.path(), &[]);
    assert_contains(
        &read(relative.path(), "public/a/index.html"),
        "<p><a href=\"../a/b/\">b</a> <img src=\"../img/x.png\" alt=\"i\"></p>",
    );
    let absolute = files(false);
    build_ok(absolute.path(), &[]);
    assert_contains(
        &read(absolute.path(), "public/a/index.html"),
        "<p><a href=\"https://example.org/docs/a/b/\">b</a> <img src=\"https://example.org/docs/img/x.png\" alt=\"i\"></p>",
    );
}

/// A site that names relearn only as a Hugo module import gets relearn's
/// shortcodes; `math` keeps the formula for MathJax, loaded on that page only.
#[test]
fn a_module_import_names_the_theme_and_math_loads_mathjax_where_used() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'M'\n[module]\n[[module.imports]]\n  path = 'github.com/McShelby/hugo-theme-relearn'\n",
        ),
        ("content/_index.md", "---\ntitle: Home\n---\nhome\n"),
        (
            "content/f.md",
            "---\ntitle: F\n---\n{{< math align=\"left\" >}}$$ x^2 $${{< /math >}}\n",
        ),
        ("content/g.md", "---\ntitle: G\n---\nno formula\n"),
    ]);
    build_ok(dir.path(), &[]);
    let with_math = read(dir.path(), "public/f/index.html");
    assert_contains(
        &with_math,
        "<span class=\"math align-left\">$$ x^2 $$</span>",
    );
    assert_contains(
        &with_math,
        "<script id=\"MathJax-script\" async src=\"/mathjax/tex-mml-chtml.js\"></script>",
    );
    assert!(!read(dir.path(), "public/g/index.html").contains("MathJax"));
    assert!(dir.path().join("public/mathjax/tex-mml-chtml.js").is_file());
}

/// AMP pages of every language where Hugo 0.168 writes them (`/amp/…` for the
/// default language, `/ja/amp/…` for another), their Markdown links going to
/// the HTML pages as Hugo's do.
#[test]
fn amp_pages_of_each_language_are_at_hugos_paths() {
    let page = |title: &str, body: &str| format!("---\ntitle: {title}\n---\n{body}\n");
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'A'\ndefaultContentLanguage = 'en'\n[outputs]\npage = ['HTML', 'AMP']\nsection = ['HTML', 'AMP']\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n",
        ),
        ("content/docs/_index.md", &page("Docs", "[p](p/)")),
        ("content/docs/p.md", &page("P", "[sib](q.md)")),
        ("content/docs/q.md", &page("Q", "q")),
        ("content/docs/_index.ja.md", &page("Docs JA", "[p](p/)")),
        ("content/docs/p.ja.md", &page("P JA", "[sib](q.md)")),
        ("content/docs/q.ja.md", &page("Q JA", "q")),
    ]);
    build_ok(dir.path(), &[]);
    for path in [
        "amp/docs/index.html",
        "amp/docs/p/index.html",
        "amp/docs/q/index.html",
        "ja/amp/docs/index.html",
        "ja/amp/docs/p/index.html",
        "ja/amp/docs/q/index.html",
    ] {
        assert!(dir.path().join("public").join(path).is_file(), "{path}");
    }
    assert!(!dir.path().join("public/amp/ja").exists());
    assert_contains(
        &read(dir.path(), "public/ja/amp/docs/p/index.html"),
        "<p><a href=\"/ja/docs/q/\">sib</a></p>",
    );
    assert_contains(
        &read(dir.path(), "public/amp/docs/p/index.html"),
        "<p><a href=\"/docs/q/\">sib</a></p>",
    );
}

/// Hugo's `figure` and `details` in each of their variants, on a page whose
/// layout prints only its content: the whole file is Hugo 0.168's.
#[test]
fn figure_and_details_as_hugo_writes_them() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'I'\n",
        ),
        (
            "content/p.md",
            "---\ntitle: P\n---\n{{< figure src=\"/a.png\" alt=\"A\" caption=\"Cap *it*\" >}}\n\n{{< figure src=\"b.png\" >}}\n\n{{< figure src=\"/c.png\" title=\"T & U\" class=\"wide\" link=\"https://x.org/\" target=\"_blank\" rel=\"noopener\" width=\"10\" height=\"20\" loading=\"lazy\" >}}\n\n{{< figure src=\"/d.png\" caption=\"C\" attr=\"By **me**\" attrlink=\"https://me.org/\" >}}\n\n{{< figure src=\"/e.png\" attr=\"Only attr\" >}}\n\n{{< details summary=\"More *x*\" open=true class=\"k\" name=\"n\" title=\"tt\" >}}\nHidden **text**\n\nPara 2\n{{< /details >}}\n\n{{< details >}}\nplain\n{{< /details >}}\n",
        ),
        ("layouts/single.html", "{{ .Content }}\n"),
    ]);
    build_ok(dir.path(), &[]);
    assert_eq!(
        read(dir.path(), "public/p/index.html"),
        "<figure><img src=\"/a.png\"\n\t\t\talt=\"A\"><figcaption>\n\t\t\t<p>Cap <em>it</em></p>\n\t\t</figcaption>\n</figure>\n\n<figure><img src=\"b.png\">\n</figure>\n\n<figure class=\"wide\"><a href=\"https://x.org/\" target=\"_blank\" rel=\"noopener\"><img src=\"/c.png\" width=\"10\" height=\"20\" loading=\"lazy\"></a><figcaption>\n\t\t\t<h4>T &amp; U</h4>\n\t\t</figcaption>\n</figure>\n\n<figure><img src=\"/d.png\"\n\t\t\talt=\"C\"><figcaption>\n\t\t\t<p>C\n\t\t\t\t\t\t<a href=\"https://me.org/\">By <strong>me</strong></a></p>\n\t\t</figcaption>\n</figure>\n\n<figure><img src=\"/e.png\"><figcaption>\n\t\t\t<p>Only attr</p>\n\t\t</figcaption>\n</figure>\n\n\n<details class=\"k\" name=\"n\" open title=\"tt\">\n\t<summary>More <em>x</em></summary>\n\t<p>Hidden <strong>text</strong></p>\n<p>Para 2</p>\n</details>\n\n\n<details>\n\t<summary>Details</summary>\n\t<p>plain</p>\n</details>\n\n\n"
    );
}

/// Hugo's `comment` leaves out what it holds, in either delimiter form
/// (Hugo 0.168's page); like Hugo, it must be closed.
#[test]
fn the_comment_shortcode_leaves_out_what_it_holds() {
    let page = "---\ntitle: P\n---\na\n\n{{< comment >}}gone{{< /comment >}}\n\nb {{% comment %}}also **gone**{{% /comment %}} c\n";
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'I'\n",
        ),
        ("content/p.md", page),
        ("layouts/single.html", "{{ .Content }}\n"),
    ]);
    build_ok(dir.path(), &[]);
    assert_eq!(
        read(dir.path(), "public/p/index.html"),
        "<p>a</p>\n\n<p>b  c</p>\n\n"
    );
}

/// A brace beside a shortcode's delimiters (`{{{< n >}}` … `{{< /n >}}}`) is
/// text, as Hugo reads it (Hugo 0.168's page).
#[test]
fn a_stray_brace_beside_a_shortcode_is_text() {
    assert_eq!(
        content_page(
            "---\ntitle: B\n---\n{{{< n info >}}\nx\n{{< /n >}}}\n\nand {{{{< n >}}y{{< /n >}}}}\n",
            &[(
                "layouts/shortcodes/n.html",
                "<div class=\"n\">{{ .Inner }}</div>"
            )],
        ),
        "<p>{<div class=\"n\">\nx\n</div>}</p>\n<p>and {{<div class=\"n\">y</div>}}</p>\n\n"
    );
}

/// An alias at the page's own URL is not written over the page (Hugo skips
/// it too; its summary still counts it): one warning at its place in the
/// front matter, a failure under `--panicOnWarning`.
#[test]
fn an_alias_at_the_pages_own_url_is_skipped_with_a_warning() {
    let files = [
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'Q'\n",
        ),
        (
            "content/a.md",
            "---\ntitle: A\naliases: [/a/, /old/]\n---\nbody\n",
        ),
        ("layouts/single.html", "PAGE {{ .Title }}\n"),
    ];
    let dir = site_from(&files);
    let run = build_ok(dir.path(), &[]);
    assert_contains(
        &run.stderr,
        "warning: content/a.md:3:11: alias \"/a/\" is the page's own URL; it is not written (as Hugo skips it; remove it from `aliases`)",
    );
    assert_contains(&run.stdout, " Aliases          │    2");
    assert_eq!(read(dir.path(), "public/a/index.html"), "PAGE A\n");
    assert_contains(
        &read(dir.path(), "public/old/index.html"),
        "url=https://example.org/a/\">",
    );
    assert_fails_under_panic_on_warning(
        &files,
        "content/a.md:3:11: alias \"/a/\" is the page's own URL",
    );
}

/// A YAML front matter key given twice keeps its later value, as Hugo before
/// 0.60 read it, in nested maps too and with list values; each is said at the
/// entry kept, and `--panicOnWarning` fails the build.
#[test]
fn a_front_matter_key_given_twice_keeps_its_later_value() {
    let files = [
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'Q'\n",
        ),
        (
            "content/a.md",
            "---\ntitle: A\npre: x\nmenu:\n  main:\n    weight: 1\n    weight: 2\ntags:\n- a\npre: y\ntags:\n- b\n---\nbody {{< param pre >}}\n",
        ),
        (
            "layouts/single.html",
            "{{ .Params.pre }}|{{ .Params.tags }}|{{ .Params.menu.main.weight }}|{{ .Content }}",
        ),
    ];
    let dir = site_from(&files);
    let run = build_ok(dir.path(), &[]);
    assert_eq!(
        read(dir.path(), "public/a/index.html"),
        "y|[b]|2|<p>body y</p>\n"
    );
    for (key, place) in [("weight", "7:5"), ("pre", "10:1"), ("tags", "11:1")] {
        assert_contains(
            &run.stderr,
            &format!(
                "warning: content/a.md:{place}: front matter key `{key}` is given again here; this later value is used, as older Hugo did (remove the earlier one)"
            ),
        );
    }
    let strict = site_from(&files);
    let run = labsite(strict.path(), &["build", "--panicOnWarning"]);
    assert_eq!(run.code, 1);
    assert_contains(
        &run.stderr,
        "content/a.md:10:1: front matter key `pre` is given again",
    );
}

/// Line numbers as Chroma writes them in Hugo 0.168: padded to the widest
/// number, `linenos=true` in a table (Hugo's `lineNumbersInTable`), a
/// highlighted line's number wrapped in its background, the block's style
/// turning off text size adjusting (and a grid with highlighted lines), no
/// line end after the block. The whole page is Hugo's.
#[test]
fn line_numbers_as_hugo_writes_them() {
    assert_eq!(
        content_page(
            "---\ntitle: P\n---\n```text {linenos=inline}\nline 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\n```\n\n```text {linenos=table,hl_lines=[2]}\na\nb\n```\n\n```text {linenos=true}\nline 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\n```\n\nafter\n\n",
            &[]
        ),
        "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;-webkit-text-size-adjust:none;\"><code class=\"language-text\" data-lang=\"text\"><span style=\"display:flex;\"><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 1</span><span>line 1\n</span></span><span style=\"display:flex;\"><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 2</span><span>line 2\n</span></span><span style=\"display:flex;\"><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 3</span><span>line 3\n</span></span><span style=\"display:flex;\"><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 4</span><span>line 4\n</span></span><span style=\"display:flex;\"><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 5</span><span>line 5\n</span></span><span style=\"display:flex;\"><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 6</span><span>line 6\n</span></span><span style=\"display:flex;\"><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 7</span><span>line 7\n</span></span><span style=\"display:flex;\"><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 8</span><span>line 8\n</span></span><span style=\"display:flex;\"><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 9</span><span>line 9\n</span></span><span style=\"display:flex;\"><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\">10</span><span>line 10\n</span></span><span style=\"display:flex;\"><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\">11</span><span>line 11\n</span></span></code></pre></div><div class=\"highlight\"><div style=\"color:#f8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;-webkit-text-size-adjust:none;display:grid;\">\n<table style=\"border-spacing:0;padding:0;margin:0;border:0;\"><tr><td style=\"vertical-align:top;padding:0;margin:0;border:0;\">\n<pre tabindex=\"0\" style=\"color:#f8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;-webkit-text-size-adjust:none;display:grid;\"><code><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\">1\n</span><span style=\"background-color:#3c3d38\"><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\">2\n</span></span></code></pre></td>\n<td style=\"vertical-align:top;padding:0;margin:0;border:0;;width:100%\">\n<pre tabindex=\"0\" style=\"color:#f8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;-webkit-text-size-adjust:none;display:grid;\"><code class=\"language-text\" data-lang=\"text\"><span style=\"display:flex;\"><span>a\n</span></span><span style=\"display:flex; background-color:#3c3d38\"><span>b\n</span></span></code></pre></td></tr></table>\n</div>\n</div><div class=\"highlight\"><div style=\"color:#f8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;-webkit-text-size-adjust:none;\">\n<table style=\"border-spacing:0;padding:0;margin:0;border:0;\"><tr><td style=\"vertical-align:top;padding:0;margin:0;border:0;\">\n<pre tabindex=\"0\" style=\"color:#f8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;-webkit-text-size-adjust:none;\"><code><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 1\n</span><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 2\n</span><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 3\n</span><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 4\n</span><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 5\n</span><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 6\n</span><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 7\n</span><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 8\n</span><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\"> 9\n</span><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\">10\n</span><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\">11\n</span></code></pre></td>\n<td style=\"vertical-align:top;padding:0;margin:0;border:0;;width:100%\">\n<pre tabindex=\"0\" style=\"color:#f8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;-webkit-text-size-adjust:none;\"><code class=\"language-text\" data-lang=\"text\"><span style=\"display:flex;\"><span>line 1\n</span></span><span style=\"display:flex;\"><span>line 2\n</span></span><span style=\"display:flex;\"><span>line 3\n</span></span><span style=\"display:flex;\"><span>line 4\n</span></span><span style=\"display:flex;\"><span>line 5\n</span></span><span style=\"display:flex;\"><span>line 6\n</span></span><span style=\"display:flex;\"><span>line 7\n</span></span><span style=\"display:flex;\"><span>line 8\n</span></span><span style=\"display:flex;\"><span>line 9\n</span></span><span style=\"display:flex;\"><span>line 10\n</span></span><span style=\"display:flex;\"><span>line 11\n</span></span></code></pre></td></tr></table>\n</div>\n</div><p>after</p>\n\n"
    );
}

/// An address or URL right after an opening quote is linked, as Goldmark's
/// linkify does once the typographer has made the quote its own; a quote
/// between letters is no boundary (Hugo 0.168's paragraph).
#[test]
fn linkify_links_after_an_opening_quote() {
    assert_eq!(
        content_page(
            "---\ntitle: P\n---\nMail from \"no-reply@verify.signin.aws\" and it's www.x.org and x\"y@z.org and ('a@b.io')\n",
            &[]
        ),
        "<p>Mail from &ldquo;<a href=\"mailto:no-reply@verify.signin.aws\">no-reply@verify.signin.aws</a>&rdquo; and it&rsquo;s <a href=\"https://www.x.org\">www.x.org</a> and x&quot;y@z.org and (&lsquo;<a href=\"mailto:a@b.io\">a@b.io</a>&rsquo;)</p>\n\n"
    );
}

/// Hugo's `youtube` (every argument: class, autoplay and the mute it forces,
/// controls, loop with its playlist, start, end, allowFullScreen, loading,
/// title) and `vimeo` (class, title, loading, allowFullScreen), in a block
/// and inline: the whole page is Hugo 0.168's.
#[test]
fn youtube_and_vimeo_as_hugo_writes_them() {
    assert_eq!(
        content_page(
            "---\ntitle: V\n---\n{{< youtube dQw4w9WgXcQ >}}\n\n{{< youtube id=\"abc\" autoplay=true loop=\"true\" class=\"v\" start=10 end=20 allowFullScreen=false loading=\"lazy\" >}}\n\nX {{< youtube id=\"a&b\" controls=false mute=1 title=\"T <b>\" >}} Y\n\n{{< vimeo 55073825 >}}\n\n{{< vimeo id=\"55073825\" title=\"V\" class=\"c\" allowFullScreen=false loading=\"lazy\" >}}\n",
            &[],
        ),
        "<div style=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\">\n\t\t\t<iframe allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share; fullscreen\" loading=\"eager\" referrerpolicy=\"strict-origin-when-cross-origin\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=0&amp;controls=1&amp;end=0&amp;loop=0&amp;mute=0&amp;start=0\" style=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\" title=\"YouTube video\"></iframe>\n\t\t</div>\n\n<div class=\"v\">\n\t\t\t<iframe allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share\" loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\" src=\"https://www.youtube.com/embed/abc?autoplay=1&amp;controls=1&amp;end=20&amp;loop=1&amp;mute=1&amp;playlist=abc&amp;start=10\" title=\"YouTube video\"></iframe>\n\t\t</div>\n\n<p>X <div style=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\">\n\t\t\t<iframe allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share; fullscreen\" loading=\"eager\" referrerpolicy=\"strict-origin-when-cross-origin\" src=\"https://www.youtube.com/embed/a&amp;b?autoplay=0&amp;controls=0&amp;end=0&amp;loop=0&amp;mute=1&amp;start=0\" style=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\" title=\"T &lt;b&gt;\"></iframe>\n\t\t</div>\n Y</p>\n\n\t\t\t<div\n\t\t\t\t\tstyle=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\">\n\t\t\t\t<iframe\n\t\t\t\t\tsrc=\"https://player.vimeo.com/video/55073825?dnt=0\"\n\t\t\t\t\t\tstyle=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\" allow=\"fullscreen\">\n\t\t\t\t</iframe>\n\t\t\t</div>\n\n\n\t\t\t<div\n\t\t\t\t\tclass=\"c\">\n\t\t\t\t<iframe\n\t\t\t\t\tsrc=\"https://player.vimeo.com/video/55073825?dnt=0\" loading=\"lazy\" title=\"V\">\n\t\t\t\t</iframe>\n\t\t\t</div>\n\n\n"
    );
}

/// relearn's `openapi`: the spec of a bundle file carried in the page, a URL
/// as it is; swagger-ui and MathJax are published, and loaded, only because
/// a page uses them; mermaid, which no page uses, is not published.
#[test]
fn openapi_and_math_libraries_are_published_only_when_used() {
    let dir = site_from(&relearn_libraries_site());
    build_ok(dir.path(), &[]);
    let api = read(dir.path(), "public/api/index.html");
    assert_contains(
        &api,
        "<div class=\"sc-openapi-wrapper is-loading helper-loading-container\">\n  <div\n    class=\"sc-openapi-container\"\n    id=\"R-openapi-e728b9a3a92dfceede3435cb1d213ade\"\n    data-openapi-url=\"\"\n    data-openapi-spec=\"openapi: 3.0.0\ninfo:\n  title: Pets &#34;API&#34;\n  version: 1.0.0\npaths:\n  /pets:\n    get:\n      summary: List all pets\n      responses:\n        &#39;200&#39;:\n          description: ok\n\"\n  ></div>\n</div>",
    );
    assert_contains(
        &api,
        "id=\"R-openapi-given\"\n    data-openapi-url=\"https://example.org/x.json\"\n    data-openapi-spec=\"\"",
    );
    assert_contains(
        &api,
        "<script src=\"/swagger-ui/swagger-ui-bundle.js\"></script>",
    );
    let formula = read(dir.path(), "public/formula/index.html");
    assert_contains(&formula, "mathjax/tex-mml-chtml.js");
    let plain = read(dir.path(), "public/plain/index.html");
    assert!(!plain.contains("swagger-ui") && !plain.contains("mathjax"));
    let public = dir.path().join("public");
    assert!(public.join("swagger-ui/swagger-ui-bundle.js").is_file());
    assert!(public.join("mathjax/tex-mml-chtml.js").is_file());
    assert!(!public.join("mermaid").exists());

    // Without such pages, none of the three is published.
    let bare = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntheme = 'hugo-theme-relearn'\n",
        ),
        ("content/plain.md", "---\ntitle: Plain\n---\nplain\n"),
    ]);
    build_ok(bare.path(), &[]);
    for folder in ["swagger-ui", "mathjax", "mermaid"] {
        assert!(
            !bare.path().join("public").join(folder).exists(),
            "{folder}"
        );
    }
}

/// Pages name the theme's icon, unless the site's `static/` has a
/// `favicon.ico`, which they then name; a site's `static/images/favicon.png`
/// replaces the theme's file at the same address.
#[test]
fn the_favicon_is_the_theme_s_unless_the_site_has_its_own() {
    let dir = site_from(&[
        ("config.toml", "baseURL = '/'\ntitle = 'F'\n"),
        ("content/_index.md", "---\ntitle: H\n---\n"),
    ]);
    build_ok(dir.path(), &[]);
    assert_contains(
        &read(dir.path(), "public/index.html"),
        "<link rel=\"icon\" href=\"/images/favicon.png\" type=\"image/png\">",
    );
    std::fs::create_dir_all(dir.path().join("static")).unwrap();
    std::fs::write(dir.path().join("static/favicon.ico"), "ico").unwrap();
    build_ok(dir.path(), &[]);
    let home = read(dir.path(), "public/index.html");
    assert_contains(&home, "<link rel=\"icon\" href=\"/favicon.ico\">");
    assert!(!home.contains("images/favicon.png"));
    assert_eq!(read(dir.path(), "public/favicon.ico"), "ico");
}

/// `publishDir` is where the site is written, as in Hugo (`public/` is left
/// alone); `-d` still wins.
#[test]
fn publish_dir_is_the_default_destination() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "title = 'P'\nbaseURL = 'https://example.org/'\npublishDir = 'docs'\n",
        ),
        ("content/_index.md", "---\ntitle: H\n---\nhome\n"),
        ("content/a.md", "---\ntitle: A\n---\npage a\n"),
        (
            "layouts/_default/single.html",
            "{{ .Title }}|{{ .Content }}\n",
        ),
        (
            "layouts/_default/list.html",
            "{{ .Title }}|{{ .Content }}\n",
        ),
    ]);
    build_ok(dir.path(), &[]);
    // Hugo 0.168's file for the page.
    assert_eq!(read(dir.path(), "docs/a/index.html"), "A|<p>page a</p>\n\n");
    assert!(!dir.path().join("public").exists());
    build_ok(dir.path(), &["-d", "out"]);
    assert_eq!(read(dir.path(), "out/a/index.html"), "A|<p>page a</p>\n\n");
}

/// `ignoreFiles`: content files whose absolute path a pattern matches are left
/// out, and a section left without content with them (Hugo 0.168's output);
/// a pattern that is no regular expression stops the build naming it.
#[test]
fn ignore_files_leave_content_out_as_hugo_does() {
    let dir = assert_same_as_hugo("ignore-files", 4);
    for gone in [
        "skip/index.html",
        "skip/b/index.html",
        "keep/draft-x/index.html",
    ] {
        assert!(!dir.path().join("public").join(gone).exists(), "{gone}");
    }
    let bad = site_from(&[("hugo.toml", "title = 'I'\nignoreFiles = ['([']\n")]);
    let run = labsite(bad.path(), &["build"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: hugo.toml: ignoreFiles: \"([\" is not a regular expression (unclosed character class)\n"
    );
}

/// `privacy.youtube.disable` and `privacy.vimeo.disable` turn the players off:
/// the shortcodes write nothing, as in Hugo 0.168.
#[test]
fn disabled_video_services_write_nothing() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "title = 'V'\n[privacy.youtube]\ndisable = true\n[privacy.vimeo]\ndisable = true\n",
        ),
        (
            "content/p.md",
            "---\ntitle: P\n---\nBefore\n\n{{< youtube w7Ft2ymGmfc >}}\n\n{{< vimeo 146022717 >}}\n\nAfter\n",
        ),
        ("layouts/_default/single.html", "{{ .Content }}"),
    ]);
    build_ok(dir.path(), &[]);
    let page = read(dir.path(), "public/p/index.html");
    assert!(
        !page.contains("<iframe") && !page.contains("<div"),
        "{page}"
    );
    assert_contains(&page, "<p>Before</p>");
    assert_contains(&page, "<p>After</p>");
}

/// The AWS fork of learn draws a page of `type = "all-content"` as every page
/// of the site, grouped by section and in path order, each with its title
/// (after its `pre`), links to it and to its source, and its content; a
/// site's own `layouts/all-content/single.html` comes first.
#[test]
fn the_all_content_page_holds_every_page() {
    let files = [
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'W'\ntheme = 'learn'\n[params]\neditURL = 'https://git.example.org/edit/'\n",
        ),
        ("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n"),
        (
            "content/all-content.md",
            "+++\ntype = \"all-content\"\nhidden = true\n+++\n",
        ),
        (
            "content/b/_index.md",
            "---\ntitle: Beta\npre: \"<b>2. </b>\"\n---\nB text.\n",
        ),
        (
            "content/a/_index.md",
            "---\ntitle: Alpha\nweight: 1\n---\nA *text*.\n",
        ),
        ("content/a/step.md", "---\ntitle: Step\n---\nStep text.\n"),
    ];
    let dir = site_from(&files);
    build_ok(dir.path(), &[]);
    let html = read(dir.path(), "public/all-content/index.html");
    assert_contains(&html, "<title>All the Pages</title>");
    let titles: Vec<&str> = html
        .split("<h3>")
        .skip(1)
        .map(|s| &s[..s.find("</h3>").unwrap()])
        .collect();
    assert_eq!(
        titles,
        [
            " Home",
            " ",
            " Alpha",
            " Step",
            "<b>2. </b> Beta",
            " Categories",
            " Tags"
        ]
    );
    assert_contains(
        &html,
        "  <h3> Step</h3>\n  <p><a href=\"https://example.org/a/step/\">See the page</a>\n    <a class=\"github-link\" title=\"Edit this page\" href=\"https://git.example.org/edit/a/step.md\" target=\"blank\"><i class=\"fas fa-code-branch\"></i> Edit this page</a></p>\n  <div id=\"body-inner\">\n<p>Step text.</p>\n\n  </div>\n",
    );
    assert!(!html.contains("id=\"sidebar\""), "{html}");

    let own = site_from(
        &[
            &files[..],
            &[(
                "layouts/all-content/single.html",
                "{{ len .Site.RegularPages }} pages\n",
            )],
        ]
        .concat(),
    );
    build_ok(own.path(), &[]);
    assert_eq!(
        read(own.path(), "public/all-content/index.html"),
        "2 pages\n"
    );
}

/// A shortcut given by `pageRef` links to its page's URL (learn's menu prints
/// the entry's URL, which Hugo takes from the page), like one given by `url`.
#[test]
fn a_page_ref_shortcut_links_to_its_page() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/docs/'\ntitle = 'T'\ntheme = 'hugo-theme-learn'\n[[menu.shortcuts]]\nname = 'Ref'\npageRef = '/sec'\nweight = 1\n[[menu.shortcuts]]\nname = 'Url'\nurl = '/sec/'\nweight = 2\n",
        ),
        ("content/_index.md", "---\ntitle: Home\n---\n"),
        ("content/sec/_index.md", "---\ntitle: Sec\n---\n"),
    ]);
    build_ok(dir.path(), &[]);
    assert_contains(
        &read(dir.path(), "public/index.html"),
        "<li><a class=\"padding\" href=\"https://example.org/docs/sec/\">Ref</a></li>\n        <li><a class=\"padding\" href=\"https://example.org/docs/sec/\">Url</a></li>",
    );
}
