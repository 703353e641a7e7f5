//! Generated workshops for the benchmarks, of any size: parts, chapters and
//! sub-chapters, front matter, learn's shortcodes (expand, notice, tabs,
//! children), code blocks, tables and images, in two languages (the first
//! chapters translated), as real workshops are.
#![allow(dead_code)] // each benchmark uses a part of it

use std::path::Path;

/// Pages per chapter and per sub-chapter.
const CHAPTER_PAGES: usize = 10;
const SUBCHAPTERS: usize = 4;
const SUB_PAGES: usize = 10;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("a file has a folder")).expect("writable");
    std::fs::write(path, text).expect("writable");
}

/// A step of a lab: what a workshop page holds.
fn page_body(chapter: usize, n: usize, lang: &str) -> String {
    let words = if lang == "fr" {
        "Le lab montre la console et la ligne de commande, pas à pas, avec les commandes à lancer et ce qu'elles affichent. "
    } else {
        "The lab walks through the console and the command line, one step at a time, with the commands to run and what they print. "
    };
    format!(
        "## Before you start\n\n{}\n\n{{{{% notice info %}}}}\nMake sure the **AWS CLI** is configured for chapter {chapter}.\n{{{{% /notice %}}}}\n\n\
         ## Run it\n\n```bash\naws s3 ls s3://lab-bucket-{n}/ --recursive\naws dynamodb describe-table --table-name Orders{n}\necho \"step {n} done\"\n```\n\n\
         {{{{< tabs >}}}}\n{{{{% tab name=\"Linux\" %}}}}\n```bash\nexport REGION=us-east-1\n```\n{{{{% /tab %}}}}\n{{{{% tab name=\"Windows\" %}}}}\n```powershell\n$env:REGION=\"us-east-1\"\n```\n{{{{% /tab %}}}}\n{{{{< /tabs >}}}}\n\n\
         | Setting | Value |\n|---|---|\n| Region | us-east-1 |\n| Step | {n} |\n\n\
         ![Architecture](/images/architecture.png)\n\n\
         1. Open the console.\n2. Choose *Create*.\n3. Check the result in the `Outputs` tab.\n\n\
         {{{{%expand \"Show the solution\" %}}}}\nThe answer is `{n}`: run the command again with `--debug`.\n{{{{% /expand %}}}}\n\n{}\n",
        words.repeat(4),
        words.repeat(3)
    )
}

/// Writes a workshop of about `pages` pages (both languages counted) in `root`:
/// parts, each with chapters, each with pages and sub-chapters. A bigger
/// workshop has more parts and more chapters per part, as real ones grow.
pub fn generate(root: &Path, pages: usize) {
    write(
        root,
        "config.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"Benchmark workshop\"\ntheme = \"learn\"\ndefaultContentLanguage = \"en\"\n\n\
         [outputs]\nhome = [\"HTML\", \"RSS\", \"JSON\"]\n\n\
         [languages.en]\nweight = 1\nlanguageName = \"English\"\n\n[languages.fr]\nweight = 2\nlanguageName = \"Français\"\n",
    );
    write(root, "static/images/architecture.png", "\u{89}PNG\r\n");
    write(
        root,
        "content/_index.md",
        "---\ntitle: Benchmark workshop\n---\n# Welcome\n\n{{% children %}}\n",
    );
    write(
        root,
        "content/_index.fr.md",
        "---\ntitle: Atelier\n---\n# Bienvenue\n\n{{% children %}}\n",
    );
    let per_chapter = 1 + CHAPTER_PAGES + SUBCHAPTERS * (1 + SUB_PAGES);
    // One chapter in ten is translated.
    let chapters = (pages * 10).div_ceil(per_chapter * 11).max(1);
    let parts = (chapters as f64).sqrt().ceil() as usize;
    for c in 0..chapters {
        let part = c % parts;
        let langs: &[&str] = if c % 10 == 0 { &["en", "fr"] } else { &["en"] };
        for &lang in langs {
            let suffix = if lang == "en" { "" } else { ".fr" };
            write(
                root,
                &format!("content/part{part:02}/_index{suffix}.md"),
                &format!(
                    "---\ntitle: \"Part {part}\"\nweight: {part}\nchapter: true\npre: \"<b>{part}. </b>\"\n---\n# Part {part}\n\n{{{{% children %}}}}\n"
                ),
            );
            let dir = format!("content/part{part:02}/c{c:03}");
            write(
                root,
                &format!("{dir}/_index{suffix}.md"),
                &format!(
                    "---\ntitle: \"Chapter {c}\"\nweight: {c}\n---\n# Chapter {c}\n\n{{{{% children description=\"true\" %}}}}\n"
                ),
            );
            for p in 0..CHAPTER_PAGES {
                write(
                    root,
                    &format!("{dir}/p{p:02}{suffix}.md"),
                    &format!(
                        "---\ntitle: \"Step {c}.{p}\"\nweight: {p}\ntags: [\"t{}\"]\ndescription: \"Step {p} of chapter {c}\"\n---\n{}",
                        p % 7,
                        page_body(c, p, lang)
                    ),
                );
            }
            for s in 0..SUBCHAPTERS {
                let sub = format!("{dir}/s{s}");
                write(
                    root,
                    &format!("{sub}/_index{suffix}.md"),
                    &format!(
                        "+++\ntitle = \"Part {c}.{s}\"\nweight = {}\n+++\n{{{{% children %}}}}\n",
                        100 + s
                    ),
                );
                for p in 0..SUB_PAGES {
                    write(
                        root,
                        &format!("{sub}/p{p:02}{suffix}.md"),
                        &format!(
                            "+++\ntitle = \"Task {c}.{s}.{p}\"\nweight = {p}\n+++\n{}",
                            page_body(c, p, lang)
                        ),
                    );
                }
            }
        }
    }
}

/// The Go-template themes Hugo builds the generated workshops with (labsite
/// does not use them), under `root/themes/`: `minimal`, a page and the
/// shortcodes the generated pages use, and `learnmenu`, the same with a
/// sidebar and previous/next links found the way learn's `menu.html` and
/// `footer.html` find them: for every page, the whole tree walked again, twice.
/// `learnmenu` stands in for learn's cost, which grows with pages²; it has
/// none of learn's other parts (search index, styles, scripts).
pub fn write_hugo_themes(root: &Path) {
    write_hugo_theme(root, "minimal", "");
    write_hugo_theme(
        root,
        "learnmenu",
        "{{ partial \"sidebar.html\" . }}{{ partial \"pager.html\" . }}",
    );
    write(
        root,
        "themes/learnmenu/layouts/partials/pager.html",
        r#"{{ $here := . }}{{ range slice "last" "found" "prev" "next" }}{{ $here.Store.Delete . }}{{ end }}
{{ template "pager-walk" (dict "entry" .Site.Home "here" $here) }}
<div id="navigation">{{ with .Store.Get "prev" }}<a class="nav nav-prev" href="{{ .RelPermalink }}" title="{{ .Title }}"></a>{{ end }}{{ with .Store.Get "next" }}<a class="nav nav-next" href="{{ .RelPermalink }}" title="{{ .Title }}"></a>{{ end }}</div>
{{ define "pager-walk" }}{{ $here := .here }}{{ with .entry }}{{ if not .Params.hidden }}
{{ if eq .RelPermalink $here.RelPermalink }}{{ $here.Store.Set "found" true }}{{ $here.Store.Set "prev" ($here.Store.Get "last") }}{{ else if and ($here.Store.Get "found") (not ($here.Store.Get "next")) }}{{ $here.Store.Set "next" . }}{{ end }}
{{ $here.Store.Set "last" . }}
{{ $children := .Pages }}{{ if .IsHome }}{{ $children = .Sections }}{{ end }}
{{ range $children.ByWeight }}{{ template "pager-walk" (dict "entry" . "here" $here) }}{{ end }}
{{ end }}{{ end }}{{ end }}
"#,
    );
    write(
        root,
        "themes/learnmenu/layouts/partials/sidebar.html",
        r#"{{ $here := . }}<nav id="sidebar"><ul class="topics">
{{ range .Site.Home.Sections.ByWeight }}{{ template "sidebar-entry" (dict "entry" . "here" $here) }}{{ end }}
</ul></nav>
{{ define "sidebar-entry" }}{{ $here := .here }}{{ with .entry }}{{ if not .Params.hidden }}
{{ $open := or (.IsAncestor $here) .Params.alwaysopen }}
<li data-nav-id="{{ .RelPermalink }}" title="{{ .Title }}" class="dd-item{{ if $open }} parent{{ end }}{{ if eq .RelPermalink $here.RelPermalink }} active{{ end }}">
<a href="{{ .RelPermalink }}">{{ .Params.pre | safeHTML }}{{ or .Params.menuTitle .LinkTitle }}{{ if .IsSection }}<i class="fas fa-caret-{{ if $open }}down{{ else }}right{{ end }}"></i>{{ end }}<i class="fas fa-check read-icon"></i></a>
{{ if and .IsSection .Pages }}<ul>{{ range .Pages.ByWeight }}{{ template "sidebar-entry" (dict "entry" . "here" $here) }}{{ end }}</ul>{{ end }}
</li>{{ end }}{{ end }}{{ end }}
"#,
    );
}

/// One Go-template theme, `root/themes/NAME`, whose pages hold `sidebar`.
fn write_hugo_theme(root: &Path, name: &str, sidebar: &str) {
    let t = |rel: &str, text: &str| write(root, &format!("themes/{name}/layouts/{rel}"), text);
    t(
        "_default/baseof.html",
        &format!(
            "<!DOCTYPE html>\n<html lang=\"{{{{ .Site.Language.Lang }}}}\"><head><title>{{{{ .Title }}}}</title></head>\n<body>{sidebar}<main>{{{{ block \"main\" . }}}}{{{{ end }}}}</main></body></html>\n"
        ),
    );
    t(
        "_default/single.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}",
    );
    t(
        "_default/list.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}",
    );
    t(
        "shortcodes/notice.html",
        "<div class=\"notices {{ .Get 0 }}\">{{ .Inner }}</div>",
    );
    t(
        "shortcodes/expand.html",
        "<details><summary>{{ .Get 0 }}</summary>{{ .Inner }}</details>",
    );
    t(
        "shortcodes/tabs.html",
        "<div class=\"tabs\">{{ .Inner }}</div>",
    );
    t(
        "shortcodes/tab.html",
        "<div class=\"tab\" data-name=\"{{ .Get \"name\" }}\">{{ .Inner }}</div>",
    );
    t(
        "shortcodes/children.html",
        "<ul>{{ range .Page.Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>",
    );
}
