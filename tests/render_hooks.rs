//! Hugo's embedded link and image render hooks (on for sites that declare
//! `languages`, or when `useEmbedded` asks), the files of `assets/` they publish,
//! learn's `children` descriptions, and the AWS workshops' fork of learn.

mod common;
use common::*;

const LANGUAGES: &str = "baseURL = 'https://example.org/'\ntitle = 'T'\ndefaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n";

/// A site whose home page has `body`, with the site's `layouts` files.
fn home_site(body: &str, layouts: &[(&str, &str)]) -> tempfile::TempDir {
    let home = format!("---\ntitle: Home\n---\n{body}");
    let mut files = vec![
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'H'\n",
        ),
        ("content/_index.md", home.as_str()),
    ];
    files.extend_from_slice(layouts);
    site_from(&files)
}

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
        "<h1>taxonomy :: Tags</h1>",
    );
}

/// The site's own link and image render hooks, with Hugo's context; the
/// expected HTML is Hugo 0.168's for the same site.
#[test]
fn the_sites_link_and_image_hooks_run_as_hugo_runs_them() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'Hooks'\n",
        ),
        (
            "content/sub/page.md",
            r##"---
title: "A & B"
---
A [plain link](https://aws.amazon.com/x?a=1&b=2 "The title") and [**bold** `code` link](../other/) and <https://auto.example.org> and [ref][r].

![An *image*](/img/a.png "Img title")

Inline ![second](b.png) image and [![linked image](c.png)](https://x.org).

[r]: /sub/ "Ref title"
"##,
        ),
        (
            "layouts/_default/_markup/render-link.html",
            r##"<a href="{{ .Destination | safeURL }}"{{ with .Title}} title="{{ . }}"{{ end }}{{ if strings.HasPrefix .Destination "http" }} target="_blank"{{ end }} data-plain="{{ .PlainText }}" data-page="{{ .Page.Title }}">{{ .Text | safeHTML }}</a>
"##,
        ),
        (
            "layouts/_markup/render-image.html",
            r##"<img src="{{ .Destination | safeURL }}" alt="{{ .Text }}" data-plain="{{ .PlainText }}"{{ with .Title }} title="{{ . }}"{{ end }} data-ord="{{ .Ordinal }}" data-block="{{ .IsBlock }}">[{{ .Text }}]
"##,
        ),
    ]);
    let run = build_ok(dir.path(), &[]);
    assert!(!run.stderr.contains("render-"), "{}", run.stderr);
    let page = read(dir.path(), "public/sub/page/index.html");
    assert_contains(
        &page,
        r##"<p>A <a href="https://aws.amazon.com/x?a=1&amp;b=2" title="The title" target="_blank" data-plain="plain link" data-page="A &amp; B">plain link</a>
 and <a href="../other/" data-plain="bold code link" data-page="A &amp; B"><strong>bold</strong> <code>code</code> link</a>
 and <a href="https://auto.example.org" target="_blank" data-plain="https://auto.example.org" data-page="A &amp; B">https://auto.example.org</a>
 and <a href="/sub/" title="Ref title" data-plain="ref" data-page="A &amp; B">ref</a>
.</p>
<p><img src="/img/a.png" alt="An image" data-plain="An image" title="Img title" data-ord="0" data-block="false">[An <em>image</em>]
</p>
<p>Inline <img src="b.png" alt="second" data-plain="second" data-ord="1" data-block="false">[second]
 image and <a href="https://x.org" target="_blank" data-plain="linked image" data-page="A &amp; B"><img src="c.png" alt="linked image" data-plain="linked image" data-ord="2" data-block="false">[linked image]
</a>
.</p>

"##,
    );
}

/// `markup.tableOfContents` levels and list kind, a shortcode printing its own
/// page's table of contents, references to a place on the same page, and a
/// table whose delimiter row holds tabs; the expected HTML is Hugo 0.168's.
#[test]
fn table_of_contents_settings_same_page_references_and_tabbed_tables() {
    let dir = site_from(&[
        (
            "hugo.toml",
            r##"baseURL = "https://example.org/"
title = "T"
[markup.tableOfContents]
startLevel = 2
endLevel = 2
ordered = true
"##,
        ),
        (
            "layouts/shortcodes/toc.html",
            r##"<div class="toc">{{ .Page.TableOfContents }}</div>"##,
        ),
        (
            "content/page.md",
            "---\ntitle: Page\n---\n{{< toc >}}\n\n## One\n\n### One A\n\n## Two [link](#one)\n\nSee [here]({{< relref \"#two-link\" >}}) and [there]({{< ref \"#one\" >}}).\n\n|A\t|B\t|\n|---\t|:--:\t|\n|x|y|\n",
        ),
    ]);
    build_ok(dir.path(), &[]);
    let page = read(dir.path(), "public/page/index.html");
    assert_contains(
        &page,
        r##"<div class="toc"><nav id="TableOfContents">
  <ol>
    <li><a href="#one">One</a></li>
    <li><a href="#two-link">Two link</a></li>
  </ol>
</nav></div>
<h2 id="one">One</h2>
<h3 id="one-a">One A</h3>
<h2 id="two-link">Two <a href="#one">link</a></h2>
<p>See <a href="#two-link">here</a> and <a href="#one">there</a>.</p>
<table>
	<thead>
			<tr>
					<th>A</th>
					<th style="text-align: center">B</th>
			</tr>
	</thead>
	<tbody>
			<tr>
					<td>x</td>
					<td style="text-align: center">y</td>
			</tr>
	</tbody>
</table>"##,
    );
}

/// Hugo 0.168 stops at `.Text | markdownify` in a link hook ("text is already
/// rendered"); older Hugo ran it, and the sites that have it meant the text as
/// it is. labsite uses it as `.Text | safeHTML` (Hugo's output with that
/// change) and says so once.
#[test]
fn markdownify_of_a_hooks_text_uses_the_text_as_it_is() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'T'\n",
        ),
        (
            "content/p.md",
            "---\ntitle: P\n---\nMail [me@example.org](mailto:me@example.org), see [https://x.org/a](https://x.org/a) or [*b*](/b/).\n",
        ),
        (
            "layouts/_default/_markup/render-link.html",
            "<a href=\"{{ .Destination | safeURL }}\">{{ .Text | markdownify }}</a>",
        ),
    ]);
    let run = build_ok(dir.path(), &[]);
    let page = read(dir.path(), "public/p/index.html");
    assert_contains(
        &page,
        "<p>Mail <a href=\"mailto:me@example.org\">me@example.org</a>, see <a href=\"https://x.org/a\">https://x.org/a</a> or <a href=\"/b/\"><em>b</em></a>.</p>",
    );
    assert_eq!(
        run.stderr
            .matches("a render hook's template: markdownify of a render hook's .Text, which is HTML already: used as it is (write `.Text | safeHTML`)")
            .count(),
        1,
        "{}",
        run.stderr
    );
}

/// relearn's image hook: every Markdown image through the theme's image partial
/// (lightbox link and back link, effects as classes, `?height`/`?width`,
/// `?inlinecontent` putting an SVG of `assets/` in place, `?lightbox=false`,
/// images of the bundle and of `assets/` at their URLs). The expected HTML is
/// what Hugo 0.168 writes for the same page with labsite's relearn templates
/// as the site's layouts; relearn before 6 names its lightbox ids `image-…`.
#[test]
fn relearn_runs_images_through_its_image_partial() {
    let files = [
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'R'\ntheme = 'relearn'\n",
        ),
        ("content/lab/_index.md", "---\ntitle: Lab\n---\n"),
        (
            "content/lab/bundle/index.md",
            "---\ntitle: \"Bundle & <b>\"\n---\n![Logo *svg*](/images/logo.svg?inlinecontent&width=25vh \"Logo title\")\n\n![A](images/a.png?classes=shadow,inline,noborder&height=50px)\n\n![Pic](pic.png?lightbox=false)\n\n![Far](https://example.com/x.png?featherlight=false#f)\n\n![Missing](missing.png)\n",
        ),
        ("content/lab/bundle/pic.png", "PNG"),
        ("assets/images/a.png", "PNG"),
        (
            "assets/images/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><path d=\"M0 0\"/></svg>\n",
        ),
    ];
    let dir = site_from(&files);
    build_ok(dir.path(), &[]);
    let page = read(dir.path(), "public/lab/bundle/index.html");
    assert_contains(&page, HUGO_RELEARN_IMAGES);
    assert_eq!(read(dir.path(), "public/images/a.png"), "PNG");
    assert_eq!(read(dir.path(), "public/lab/bundle/pic.png"), "PNG");

    let mut old = files.to_vec();
    old.push((
        "go.mod",
        "module x\n\nrequire github.com/McShelby/hugo-theme-relearn v0.0.0-20230314220445-1ecc9ea90075 // indirect\n",
    ));
    let dir = site_from(&old);
    build_ok(dir.path(), &[]);
    let page = read(dir.path(), "public/lab/bundle/index.html");
    assert_contains(&page, &HUGO_RELEARN_IMAGES.replace("R-image-", "image-"));

    // The site's own image hook comes first.
    old.push((
        "layouts/_markup/render-image.html",
        "<img data-own src=\"{{ .Destination }}\">",
    ));
    let dir = site_from(&old);
    build_ok(dir.path(), &[]);
    let page = read(dir.path(), "public/lab/bundle/index.html");
    assert_contains(&page, "<p><img data-own src=\"missing.png\"></p>");
}

const HUGO_RELEARN_IMAGES: &str = r##"<p><a href="#R-image-cc7ef715674e30af97be0723b76c386f" class="lightbox-link"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0 0"/></svg>
</a>
<a href="javascript:history.back();" class="lightbox-back" id="R-image-cc7ef715674e30af97be0723b76c386f"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0 0"/></svg>
</a>
</p>
<p><a href="#R-image-23af7c1e3ebd1cb3d1931c715a37c994" class="lightbox-link"><img src="/images/a.png?classes=shadow,inline,noborder&amp;height=50px" alt="A" class="figure-image inline noborder lazy lightbox shadow" style="height: 50px; width: auto;" loading="lazy"></a>
<a href="javascript:history.back();" class="lightbox-back" id="R-image-23af7c1e3ebd1cb3d1931c715a37c994"><img src="/images/a.png?classes=shadow,inline,noborder&amp;height=50px" alt="A" class="lightbox-image inline noborder lazy lightbox shadow" style="height: 50px; width: auto;" loading="lazy"></a>
</p>
<p><img src="/lab/bundle/pic.png?lightbox=false" alt="Pic" class="figure-image noborder lazy nolightbox noshadow" style="height: auto; width: auto;" loading="lazy">
</p>
<p><img src="https://example.com/x.png?featherlight=false#f" alt="Far" class="figure-image noborder lazy nolightbox noshadow" style="height: auto; width: auto;" loading="lazy">
</p>
<p><a href="#R-image-f4d05367686a8e59ab519e5a4308fae2" class="lightbox-link"><img src="missing.png" alt="Missing" class="figure-image noborder lazy lightbox noshadow" style="height: auto; width: auto;" loading="lazy"></a>
<a href="javascript:history.back();" class="lightbox-back" id="R-image-f4d05367686a8e59ab519e5a4308fae2"><img src="missing.png" alt="Missing" class="lightbox-image noborder lazy lightbox noshadow" style="height: auto; width: auto;" loading="lazy"></a>
</p>"##;

/// The site's heading, code block (general and per language) and blockquote
/// hooks, with Hugo's context (`.Level`, `.Anchor`, `.PlainText`, `.Attributes`,
/// `.Type`, `.Inner`, `.Options`, alerts' `.AlertType`/`.AlertSign`/
/// `.AlertTitle`, ordinals per kind, nested blockquotes inside out); the
/// expected HTML is Hugo 0.168's for the same site.
#[test]
fn heading_code_block_and_blockquote_hooks_run_as_hugo_runs_them() {
    let dir = home_site(
        r##"# Title *em* `code` & more

## Second {#custom .cls data-x="1"}

```go {linenos=true title="A file" hl_lines=[2]}
fmt.Println("<hi>")
x := 1
```

    indented code

```
plain
```

```mermaid
graph TD; A-->B;
```

> quote **bold**
>
> second para

> [!NOTE]
> An alert.

> [!warning]- Custom title
> Folded.

> outer
>
> > inner
"##,
        &[
            (
                "layouts/_markup/render-heading.html",
                r##"<h{{ .Level }} id="{{ .Anchor }}" data-plain="{{ .PlainText }}" data-ord="{{ .Ordinal }}" data-attrs="{{ range $k, $v := .Attributes }}{{ $k }}={{ $v }};{{ end }}">{{ .Text }} <a href="#{{ .Anchor }}">#</a></h{{ .Level }}>
"##,
            ),
            (
                "layouts/_markup/render-codeblock.html",
                r##"<div class="code" data-type="{{ .Type }}" data-ord="{{ .Ordinal }}" data-attrs="{{ .Attributes }}" data-opts="{{ .Options }}">[{{ .Inner }}]</div>
"##,
            ),
            (
                "layouts/_default/_markup/render-codeblock-mermaid.html",
                r##"<pre class="mermaid">{{ .Inner | htmlEscape | safeHTML }}</pre>
"##,
            ),
            (
                "layouts/_markup/render-blockquote.html",
                r##"<bq data-type="{{ .Type }}" data-alert="{{ .AlertType }}" data-title="{{ .AlertTitle }}" data-sign="{{ .AlertSign }}" data-ord="{{ .Ordinal }}">{{ .Text }}</bq>
"##,
            ),
        ],
    );
    let run = build_ok(dir.path(), &[]);
    assert!(!run.stderr.contains("render-"), "{}", run.stderr);
    assert_contains(&read(dir.path(), "public/index.html"), HUGO_BLOCK_HOOKS);
}

const HUGO_BLOCK_HOOKS: &str = r##"<h1 id="title-em-code--more" data-plain="Title em code &amp; more" data-ord="0" data-attrs="id=title-em-code--more;">Title <em>em</em> <code>code</code> &amp; more <a href="#title-em-code--more">#</a></h1>
<h2 id="custom" data-plain="Second" data-ord="1" data-attrs="class=cls;data-x=1;id=custom;">Second <a href="#custom">#</a></h2>
<div class="code" data-type="go" data-ord="0" data-attrs="map[title:A file]" data-opts="map[hl_lines:[[1 1]] linenos:true]">[fmt.Println(&#34;&lt;hi&gt;&#34;)
x := 1]</div>
<pre><code>indented code
</code></pre>
<div class="code" data-type="" data-ord="1" data-attrs="map[]" data-opts="map[]">[plain]</div>
<pre class="mermaid">graph TD; A--&gt;B;</pre>
<bq data-type="regular" data-alert="" data-title="" data-sign="" data-ord="0"><p>quote <strong>bold</strong></p>
<p>second para</p>
</bq>
<bq data-type="alert" data-alert="note" data-title="" data-sign="" data-ord="1"><p>An alert.</p></bq>
<bq data-type="alert" data-alert="warning" data-title="Custom title" data-sign="-" data-ord="2"><p>Folded.</p></bq>
<bq data-type="regular" data-alert="" data-title="" data-sign="" data-ord="4"><p>outer</p>
<bq data-type="regular" data-alert="" data-title="" data-sign="" data-ord="3"><p>inner</p>
</bq>
</bq>"##;

/// The site's table hook: `.THead` and `.TBody` as rows of cells with
/// `.Alignment` and `.Text`, `.Ordinal` per table; the expected HTML is Hugo
/// 0.168's for the same site.
#[test]
fn the_table_hook_runs_as_hugo_runs_it() {
    let dir = home_site(
        r##"| A | *B* | C |
|:--|:-:|--:|
| 1 | `2` | 3 |
| x | | z |

| One |
|-----|
| only |
{.wide}
"##,
        &[(
            "layouts/_markup/render-table.html",
            r##"<table data-ord="{{ .Ordinal }}" data-attrs="{{ .Attributes }}">
{{- range .THead }}<tr>{{ range . }}<th data-align="{{ .Alignment }}">{{ .Text }}</th>{{ end }}</tr>{{ end }}
{{- range .TBody }}<tr>{{ range . }}<td data-align="{{ .Alignment }}">{{ .Text }}</td>{{ end }}</tr>{{ end -}}
</table>
"##,
        )],
    );
    let run = build_ok(dir.path(), &[]);
    assert!(!run.stderr.contains("render-table"), "{}", run.stderr);
    assert_contains(&read(dir.path(), "public/index.html"), HUGO_TABLE_HOOK);
}

const HUGO_TABLE_HOOK: &str = r##"<table data-ord="0" data-attrs="map[]"><tr><th data-align="left">A</th><th data-align="center"><em>B</em></th><th data-align="right">C</th></tr><tr><td data-align="left">1</td><td data-align="center"><code>2</code></td><td data-align="right">3</td></tr><tr><td data-align="left">x</td><td data-align="center"></td><td data-align="right">z</td></tr></table>
<table data-ord="1" data-attrs="map[]"><tr><th data-align="">One</th></tr><tr><td data-align="">only</td></tr><tr><td data-align="">{.wide}</td></tr></table>"##;

/// Goldmark's passthrough extension: text between its delimiters is not
/// Markdown (code spans excepted); with no hook it stays as written, with
/// `render-passthrough.html` each span is the hook's, numbered in document
/// order. Both pages are Hugo 0.168's output for the same site.
#[test]
fn passthrough_spans_stay_as_written_or_go_to_the_hook() {
    let config = "baseURL = 'https://example.org/'\ntitle = 'PT'\n[markup.goldmark.extensions.passthrough]\nenable = true\n[markup.goldmark.extensions.passthrough.delimiters]\nblock = [['\\[', '\\]'], ['$$', '$$']]\ninline = [['\\(', '\\)'], ['$', '$']]\n";
    let page = "---\ntitle: P\n---\nInline \\(a < b\\) and $x_1 * y_2$ and `\\(code\\)` here.\n\n$$\n\\sum_{i=1}^n *i* < n^2\n$$\n\n\\[\na & b\n\\]\n\nText with a lone $ dollar and **bold**.\n\n- item \\(z_*\\)\n";
    let layout = "<main>{{ .Content }}</main>\n";
    let hook = "{{ if eq .Type \"block\" }}<div class=\"math\" data-o=\"{{ .Ordinal }}\">{{ .Inner }}</div>{{ else }}<span class=\"math\" data-o=\"{{ .Ordinal }}\">{{ .Inner }}</span>{{ end }}\n";
    let plain = site_from(&[
        ("hugo.toml", config),
        ("content/p.md", page),
        ("layouts/_default/single.html", layout),
    ]);
    build_ok(plain.path(), &[]);
    assert_eq!(
        read(plain.path(), "public/p/index.html"),
        "<main><p>Inline \\(a < b\\) and $x_1 * y_2$ and <code>\\(code\\)</code> here.</p>\n$$\n\\sum_{i=1}^n *i* < n^2\n$$\\[\na & b\n\\]<p>Text with a lone $ dollar and <strong>bold</strong>.</p>\n<ul>\n<li>item \\(z_*\\)</li>\n</ul>\n</main>\n"
    );
    let hooked = site_from(&[
        ("hugo.toml", config),
        ("content/p.md", page),
        ("layouts/_default/single.html", layout),
        ("layouts/_default/_markup/render-passthrough.html", hook),
    ]);
    build_ok(hooked.path(), &[]);
    assert_eq!(
        read(hooked.path(), "public/p/index.html"),
        "<main><p>Inline <span class=\"math\" data-o=\"0\">a &lt; b</span>\n and <span class=\"math\" data-o=\"1\">x_1 * y_2</span>\n and <code>\\(code\\)</code> here.</p>\n<div class=\"math\" data-o=\"2\">\n\\sum_{i=1}^n *i* &lt; n^2\n</div>\n<div class=\"math\" data-o=\"3\">\na &amp; b\n</div>\n<p>Text with a lone $ dollar and <strong>bold</strong>.</p>\n<ul>\n<li>item <span class=\"math\" data-o=\"4\">z_*</span>\n</li>\n</ul>\n</main>\n"
    );
}

/// Code blocks as Hugo 0.168 writes them: fenced (at the top level, in a
/// list, in a quote, one right after another, with highlighted lines) and
/// from the highlight shortcode (its code's last line end trimmed, inline or
/// with a table of line numbers), in a language no syntax knows, or empty,
/// none followed by a line end, and a fenced block without the empty lines
/// that end it.
#[test]
fn code_blocks_are_written_as_hugo_writes_them() {
    assert_same_as_hugo("code-blocks", 1);
}

/// Goldmark's strikethrough (Hugo 0.168's output): one or two tildes on each
/// side, paired like emphasis by flanking, never a run of three, never across
/// a code span, an escape or a link's bounds; in tables, headings and lists.
#[test]
fn strikethrough_pairs_tildes_as_goldmark_does() {
    assert_same_as_hugo("strikethrough", 1);
}

/// Goldmark's details beside the paragraph rules (Hugo 0.168's output): link
/// and image destinations percent-encoded as it encodes them, an autolink's
/// text as written, the spaces it keeps before a hard break, an indented code
/// block escaped as text, each definition loose or tight on its own, a colon
/// without a space (or an indented one) not starting a definition, and a table
/// without rows keeping an empty body.
#[test]
fn markdown_details_are_written_as_goldmark_writes_them() {
    assert_same_as_hugo("goldmark-details", 1);
}

/// A heading without text has no id and an empty item in the table of
/// contents, and takes no number from the headings after it (fixture
/// empty-headings, Hugo 0.168's output).
#[test]
fn a_heading_without_text_has_no_id() {
    assert_same_as_hugo("empty-headings", 1);
}

/// A block after a list item's tight text, or first in an item, starts a
/// line of its own; one right after a highlighted block does not (Hugo
/// 0.168's output for lists holding code, lists, quotes, HTML, tables, rules
/// and headings).
#[test]
fn blocks_in_lists_are_laid_out_as_hugo_lays_them_out() {
    assert_same_as_hugo("blocks-in-lists", 1);
}
