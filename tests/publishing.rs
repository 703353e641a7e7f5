//! What CI's publishing step relies on: `--report json`, `--panicOnWarning`,
//! `--cleanDestinationDir` and the exit codes.

mod common;
use common::*;

const CONFIG: (&str, &str) = (
    "config.toml",
    "baseURL = 'https://example.org/'\ntitle = 'P'\n",
);
const WARNED: (&str, &str) = (
    "content/p.md",
    "---\ntitle: P\n---\nintro\n\n{{% notice info %}}\nrest\n",
);
const WARNING: &str = "shortcode \"notice\" is never closed; taken as self-closing (close it with {{% /notice %}} or write {{% notice /%}})";

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn the_json_report_lists_pages_and_warnings_with_positions() {
    let dir = site_from(&[CONFIG, WARNED]);
    let run = build_ok(dir.path(), &["--report", "json"]);
    assert_eq!(
        json(&run.stdout),
        serde_json::json!({
            "status": "ok",
            "exit_code": 0,
            "pages": 5,
            "non_page_files": 0,
            "static_files": 21,
            "aliases": 0,
            "warnings": [{"file": "content/p.md", "line": 6, "col": 1, "message": WARNING}],
            "errors": [],
        })
    );
}

#[test]
fn the_json_report_of_a_failed_build_lists_every_error() {
    let dir = site_from(&[
        CONFIG,
        ("content/a.md", "---\ntitle: a\n"),
        ("content/b.md", "+++\nx = \n+++\n"),
    ]);
    let run = labsite(dir.path(), &["build", "--report", "json"]);
    assert_eq!(run.code, 1);
    let report = json(&run.stdout);
    assert_eq!(report["status"], "failed");
    assert_eq!(report["exit_code"], 1);
    assert_eq!(
        report["errors"],
        serde_json::json!([
            {"file": "content/a.md", "line": 3, "col": 1, "message": "EOF looking for end YAML front matter delimiter (add a line `---` after the front matter)"},
            {"file": "content/b.md", "line": 2, "col": 5, "message": "invalid TOML front matter: string values must be quoted, expected literal string"},
        ])
    );
    assert!(!dir.path().join("public").exists());
}

#[test]
fn panic_on_warning_fails_and_keeps_the_previous_output() {
    let dir = site_from(&[CONFIG, ("content/p.md", "---\ntitle: P\n---\nfine\n")]);
    build_ok(dir.path(), &["--panicOnWarning"]);
    let before = read(dir.path(), "public/p/index.html");
    std::fs::write(dir.path().join(WARNED.0), WARNED.1).unwrap();
    let run = labsite(dir.path(), &["build", "--panicOnWarning"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "error: content/p.md:6:1: {WARNING}\nerror: 1 warning(s) with --panicOnWarning: the build failed and wrote nothing"
        )
    );
    assert_eq!(read(dir.path(), "public/p/index.html"), before);
    // Without the flag the same site builds, with the warning.
    let run = build_ok(dir.path(), &[]);
    assert_eq!(
        run.stderr.trim_end(),
        format!("warning: content/p.md:6:1: {WARNING}")
    );
}

#[test]
fn clean_destination_dir_removes_only_what_an_earlier_build_wrote() {
    let dir = site_from(&[
        CONFIG,
        ("content/p.md", "---\ntitle: P\n---\nfine\n"),
        ("content/gone.md", "---\ntitle: Gone\n---\nsoon gone\n"),
    ]);
    build_ok(dir.path(), &[]);
    std::fs::remove_file(dir.path().join("content/gone.md")).unwrap();
    std::fs::write(dir.path().join("public/mine.html"), "an author's own").unwrap();
    std::fs::write(dir.path().join("public/.gitignore"), "x").unwrap();
    build_ok(dir.path(), &[]);
    assert!(
        dir.path().join("public/gone/index.html").exists(),
        "kept, as Hugo keeps it"
    );
    build_ok(dir.path(), &["--cleanDestinationDir"]);
    assert!(!dir.path().join("public/gone/index.html").exists());
    assert!(
        !dir.path().join("public/gone").exists(),
        "its folder, left empty"
    );
    assert_eq!(read(dir.path(), "public/mine.html"), "an author's own");
    assert!(
        dir.path().join("public/.gitignore").exists(),
        "Hugo keeps .gitignore"
    );
    assert!(dir.path().join("public/p/index.html").exists());
}
