//! `.Site.Data`: the `data/` folders of the site and its theme (YAML, TOML,
//! JSON; folders nest; keys keep their case; the site's data wins, maps merged
//! key by key), in Go templates (`.Site.Data`, `site.Data`, `hugo.Data`) and in
//! Tera shortcodes (`site.data`). The expected text is Hugo 0.168's for the same site.

mod common;
use common::*;

fn data_site(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let mut files: Vec<(&str, &str)> = vec![
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'D'\ntheme = 't'\n",
        ),
        (
            "data/common.yaml",
            "cdk:\n  Version: \"2.100\"\n  name: CDK\n",
        ),
        (
            "data/common/tools.yaml",
            "cdk:\n  Version: \"2.100\"\n  name: CDK\nlist: [a, b]\n",
        ),
        (
            "data/aws.json",
            "{\"region\": \"us-east-1\", \"Nested\": {\"X\": 1}}\n",
        ),
        ("data/Site-Info.toml", "title = \"From TOML\"\n"),
        ("data/notes.txt", "not data"),
        (
            "themes/t/data/common/tools.yaml",
            "fromtheme: yes\ncdk:\n  name: THEME\n",
        ),
        ("themes/t/data/themeonly.yaml", "only: theme\n"),
        ("themes/t/theme.toml", "name = 't'\n"),
        (
            "content/_index.md",
            "---\ntitle: Home\n---\n{{< d >}}\n\n{{< t >}}\n",
        ),
        (
            "layouts/shortcodes/d.html",
            r#"<pre>
A={{ $.Site.Data.common.tools.cdk.Version }} B={{ .Site.Data.common.tools.cdk.name }} C={{ .Site.Data.common.tools.fromtheme }} D={{ index .Site.Data.common.tools.list 1 }}
E={{ site.Data.aws.region }} F={{ site.Data.aws.Nested.X }} G={{ index site.Data "Site-Info" }} H={{ site.Data.themeonly.only }}
I={{ range $k, $v := site.Data }}{{ $k }},{{ end }}
J={{ site.Data.common.cdk.name }} K={{ hugo.Data.aws.region }}
</pre>"#,
        ),
        (
            "layouts/shortcodes/t.tera.html",
            "<p>tera: {{ site.data.common.tools.cdk.Version }} {{ site.data.aws.Nested.X }} {{ site.data.themeonly.only }}</p>",
        ),
    ];
    files.extend_from_slice(extra);
    site_from(&files)
}

#[test]
fn site_data_reads_the_sites_and_the_themes_data_folders() {
    let dir = data_site(&[]);
    build_ok(dir.path(), &[]);
    let home = read(dir.path(), "public/index.html");
    assert_contains(
        &home,
        "<pre>
A=2.100 B=CDK C=yes D=b
E=us-east-1 F=1 G=map[title:From TOML] H=theme
I=Site-Info,aws,common,themeonly,
J=CDK K=us-east-1
</pre>",
    );
    assert_contains(&home, "<p>tera: 2.100 1 theme</p>");
}

#[test]
fn a_data_file_that_does_not_parse_is_named_with_its_line_and_column() {
    let dir = data_site(&[("data/broken.yaml", "ok: 1\nlist: [a, b\n")]);
    let run = labsite(dir.path(), &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(
        &run.stderr,
        "error: data/broken.yaml:3:1: did not find expected ',' or ']' (fix the YAML data file)",
    );
    assert!(!dir.path().join("public").exists());
}
