//! `labsite new site` and `labsite new content`: the skeleton builds and serves
//! with its notice and expand; pages come from archetypes found and filled in
//! as Hugo 0.168 finds and fills them (the expected files are Hugo's output
//! for the same site and commands, its dates replaced by `DATE`).

mod common;
use common::*;
use std::path::Path;

/// Every date of RFC 3339 form in `text` replaced by `DATE`.
fn dates_out(text: &str) -> String {
    regex::Regex::new(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)")
        .unwrap()
        .replace_all(text, "DATE")
        .into_owned()
}

#[test]
fn a_new_site_builds_strictly_and_shows_its_shortcodes() {
    let parent = tempfile::tempdir().unwrap();
    let made = labsite(parent.path(), &["new", "site", "demo"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    assert_contains(
        &made.stdout,
        "Congratulations! Your new workshop is in demo.\n",
    );
    assert_contains(&made.stdout, "  labsite serve -s demo ");
    let site = parent.path().join("demo");
    let mut files = Vec::new();
    files_under(&site, "", &mut files);
    assert_eq!(
        files,
        [
            "archetypes/default.md",
            "content/_index.md",
            "content/getting-started/_index.md",
            "content/getting-started/first-step.md",
            "hugo.toml"
        ]
    );
    let built = labsite(&site, &["build", "--panicOnWarning"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let step = read(&site, "public/getting-started/first-step/index.html");
    assert_contains(
        &step,
        "<div class=\"notices info\" ><p>Any recent version works.</p>\n</div>",
    );
    assert_contains(&step, "<span>Show the expected output</span>");
    let home = read(&site, "public/index.html");
    assert_contains(&home, "<title>My Workshop :: My Workshop</title>");

    // Ready for `serve`: the chapter is served at once.
    let server = start_server(&site, &[]);
    let chapter = server.page("/getting-started/");
    assert_contains(&chapter, "<h1 id=\"getting-started\">Getting Started</h1>");

    // A second `new site` in the same folder is refused; nothing changes.
    let again = labsite(parent.path(), &["new", "site", "demo"]);
    assert_eq!(again.code, 1);
    assert_eq!(
        again.stderr,
        "error: demo: already exists and is not empty: labsite new site writes only into a new or empty folder\n"
    );
}

/// The archetype of the page's section, of `--kind`, a bundle folder, the
/// theme's, its `default`: each as Hugo 0.168 writes the page.
#[test]
fn new_pages_come_from_archetypes_as_hugo_makes_them() {
    let dir = site("archetypes");
    let commands: [&[&str]; 7] = [
        &["labs/first-lab.md"],
        &["content/labs/deep/_index.md"],
        &["--kind", "guide", "guides/read-me.md"],
        &["--kind", "bundle", "labs/my-bundle"],
        &["other/page.md"],
        &["top.md"],
        &["--kind", "missing", "z.md"],
    ];
    for args in commands {
        let mut all = vec!["new", "content"];
        all.extend_from_slice(args);
        let run = labsite(dir.path(), &all);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }
    let expected_dir = fixture("archetypes-expected");
    let mut expected = Vec::new();
    files_under(&expected_dir, "", &mut expected);
    let mut made = Vec::new();
    files_under(&dir.path().join("content"), "", &mut made);
    assert_eq!(made, expected);
    for file in expected {
        assert_eq!(
            dates_out(&read(dir.path(), &format!("content/{file}"))),
            std::fs::read_to_string(expected_dir.join(&file)).unwrap(),
            "{file}"
        );
    }
}

/// `.Date` is now, in RFC 3339 with the local offset, as Hugo writes it.
#[test]
fn the_date_is_local_time_in_rfc_3339() {
    let dir = site_from(&[
        ("hugo.toml", "title = 'x'\n"),
        ("archetypes/default.md", "date = {{ .Date }}\n"),
    ]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_labsite"))
        .args(["new", "content", "a.md"])
        .current_dir(dir.path())
        .env("TZ", "Asia/Kolkata")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = read(dir.path(), "content/a.md");
    let pattern = regex::Regex::new(r"^date = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30\n$").unwrap();
    assert!(pattern.is_match(&text), "{text}");
}

/// The embedded learn archetypes serve a site that has none: `chapter` by
/// `--kind`, `default` otherwise; an existing file or a path leaving the
/// content folder is refused.
#[test]
fn embedded_archetypes_and_refusals() {
    let dir = site_from(&[("hugo.toml", "title = 'x'\n")]);
    let run = labsite(
        dir.path(),
        &["new", "content", "--kind", "chapter", "setup/_index.md"],
    );
    assert_eq!(
        run.stdout,
        format!(
            "Created {}\n",
            Path::new("content/setup/_index.md").display()
        )
    );
    assert_eq!(
        dates_out(&read(dir.path(), "content/setup/_index.md")),
        "+++\ntitle = \"Setup\"\ndate = DATE\nweight = 10\nchapter = true\npre = \"<b>1. </b>\"\n+++\n\n### Chapter 1\n\n# Setup\n\nWhat this chapter teaches, in a sentence or two.\n"
    );
    assert_eq!(
        labsite(dir.path(), &["new", "content", "setup/create-a-key.md"]).code,
        0
    );
    assert_eq!(
        dates_out(&read(dir.path(), "content/setup/create-a-key.md")),
        "+++\ntitle = \"Create a Key\"\ndate = DATE\nweight = 10\n+++\n\nWrite this step here: what to do, the commands to run, what the learner should see.\n"
    );
    let before = read(dir.path(), "content/setup/create-a-key.md");
    let again = labsite(dir.path(), &["new", "content", "setup/create-a-key.md"]);
    assert_eq!(again.code, 1);
    assert_eq!(
        again.stderr,
        "error: content/setup/create-a-key.md: already exists: labsite new never overwrites a file; pick another path or remove this one\n"
    );
    assert_eq!(read(dir.path(), "content/setup/create-a-key.md"), before);
    let outside = labsite(dir.path(), &["new", "content", "../escape.md"]);
    assert_eq!(outside.code, 1);
    assert_eq!(
        outside.stderr,
        "error: ../escape.md: not a path inside the content folder: give one like labs/intro/_index.md (no leading /, no ..)\n"
    );
    assert!(!dir.path().join("../escape.md").exists());
}
