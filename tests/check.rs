//! `labsite check`: every broken link, image, anchor and reference of a site,
//! all at once, with the source `path:line`; nothing written.

mod common;
use common::*;

const CONFIG: &str =
    "baseURL = 'https://example.org/'\ntitle = 'C'\n[markup.goldmark.renderer]\nunsafe = true\n";

fn workshop(one: &str) -> tempfile::TempDir {
    site_from(&[
        ("config.toml", CONFIG),
        (
            "content/_index.md",
            "---\ntitle: Home\n---\nSee the [lab](lab/) and [step two](lab/two/#run-it).\n",
        ),
        (
            "content/lab/_index.md",
            "---\ntitle: Lab\n---\n{{% children %}}\n",
        ),
        ("content/lab/one.md", one),
        (
            "content/lab/two.md",
            "---\ntitle: Two\nweight: 2\n---\n## Run it\n\nBack to [one](../one/) and [top](/).\n",
        ),
        ("static/img/logo.png", "png"),
    ])
}

#[test]
fn every_problem_is_reported_with_its_line() {
    let dir = workshop(concat!(
        "---\ntitle: One\nweight: 1\n---\n",
        "## Set up\n",
        "\n",
        "Go to [two](../two/#set-up), [nowhere](../nowhere/) and [back](#set-up).\n",
        "\n",
        "![diagram](/img/diagram.png) ![logo](/img/logo.png)\n",
        "\n",
        "<a href=\"/lab/one/#missing\">raw</a> [AWS](https://aws.amazon.com/) [mail](mailto:a@b.c)\n",
        "\n",
        "See {{< relref \"gone.md\" >}} and [the button]({{< relref \"two.md#run-it\" >}}).\n",
    ));
    let run = labsite(dir.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.trim_end(),
        [
            "error: content/lab/one.md:7: broken link \"../two/#set-up\": /lab/two/ has no heading or element with id \"set-up\"",
            "error: content/lab/one.md:7: broken link \"../nowhere/\": no page or file at /lab/nowhere/",
            "error: content/lab/one.md:9: broken image \"/img/diagram.png\": no page or file at /img/diagram.png",
            "error: content/lab/one.md:11: broken link \"/lab/one/#missing\": /lab/one/ has no heading or element with id \"missing\"",
            "error: content/lab/one.md:13:5: REF_NOT_FOUND: Ref \"gone.md\": page not found",
        ]
        .join("\n")
    );
    assert_eq!(
        run.stdout,
        "Checked 4 pages: 11 links, 2 images; 1 link to other sites not checked (--external checks them).\n5 problems found.\n"
    );
    // Checking builds in memory: no output folder appears.
    assert!(!dir.path().join("public").exists());
}

#[test]
fn a_sound_site_passes() {
    let dir = workshop(
        "---\ntitle: One\nweight: 1\n---\n## Set up\n\n[two](../two/#run-it) [here](#set-up) ![logo](/img/logo.png)\n",
    );
    let run = labsite(dir.path(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "Checked 4 pages: 8 links, 1 image; 0 links to other sites not checked (--external checks them).\nNo problems found.\n"
    );
}

#[test]
fn a_site_that_does_not_build_fails_the_check() {
    let dir = workshop("---\ntitle: One\n---\n{{< nope >}}\n");
    let run = labsite(dir.path(), &["check"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.trim_end(),
        "error: content/lab/one.md:4:1: template for shortcode \"nope\" not found"
    );
}

#[test]
fn links_under_a_base_path_and_with_ugly_urls_resolve() {
    let dir = site_from(&[
        (
            "config.toml",
            "baseURL = 'https://example.org/workshop/'\ntitle = 'C'\nuglyURLs = true\n",
        ),
        (
            "content/_index.md",
            "---\ntitle: Home\n---\n[a](/workshop/s/a.html) [b](s/b.html)\n",
        ),
        ("content/s/_index.md", "---\ntitle: S\n---\n"),
        (
            "content/s/a.md",
            "---\ntitle: A\n---\n[s](../s/) [home](https://example.org/workshop/) [x](/workshop/s/x.html)\n",
        ),
    ]);
    let run = labsite(dir.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.trim_end(),
        [
            "error: content/_index.md:4: broken link \"s/b.html\": no page or file at /s/b.html",
            "error: content/s/a.md:4: broken link \"/workshop/s/x.html\": no page or file at /s/x.html",
        ]
        .join("\n")
    );
}
