//! A build reads and writes only what is its own: a destination that would
//! overwrite or delete the site is refused before anything is written, and a
//! symbolic link that leads out of the site is skipped with a warning, in the
//! content, in static files and in the template functions that read files.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::os::unix::fs::symlink;
use std::path::Path;

/// Every file and link under `dir`, with its bytes or its target.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            let bytes = if e.path_is_symlink() {
                std::fs::read_link(e.path())
                    .unwrap()
                    .display()
                    .to_string()
                    .into_bytes()
            } else {
                std::fs::read(e.path()).unwrap()
            };
            (rel, bytes)
        })
        .collect()
}

/// A small site, built once into `public/`.
fn built_site() -> tempfile::TempDir {
    let dir = site_from(&[
        (
            "config.toml",
            "baseURL = 'https://example.org/'\ntitle = 'Mine'\n",
        ),
        ("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n"),
        ("content/lab/_index.md", "---\ntitle: Lab\n---\nA lab.\n"),
        ("static/logo.txt", "logo"),
        ("layouts/partials/custom-footer.html", "<p>footer</p>"),
    ]);
    build_ok(dir.path(), &[]);
    dir
}

const CHOOSE: &str = "(choose a folder of its own with -d, such as public)";

#[test]
fn a_destination_that_would_overwrite_the_site_is_refused() {
    let lies_inside = |folder: &str| {
        format!(
            "the destination lies inside the site's {folder}/ folder, which the build reads: its output would be read back in, or overwrite the site's files {CHOOSE}"
        )
    };
    let itself = format!(
        "the destination is the site folder itself: a build there would overwrite or delete the site's files {CHOOSE}"
    );
    let cases: Vec<(&[&str], String, String)> = vec![
        (&["-d", "."], ".".into(), itself.clone()),
        (
            &["-d", ".", "--cleanDestinationDir"],
            ".".into(),
            itself.clone(),
        ),
        // A link to the site is the site.
        (&["-d", "mirror"], "mirror".into(), itself),
        (&["-d", "content"], "content".into(), lies_inside("content")),
        (
            &["-d", "content/pub"],
            "content/pub".into(),
            lies_inside("content"),
        ),
        (
            &["-d", "static/out"],
            "static/out".into(),
            lies_inside("static"),
        ),
        (&["-d", "layouts"], "layouts".into(), lies_inside("layouts")),
        (&["-d", "data/x"], "data/x".into(), lies_inside("data")),
        (
            &["-d", "themes/x"],
            "themes/x".into(),
            lies_inside("themes"),
        ),
    ];
    for (args, shown, why) in cases {
        let dir = built_site();
        symlink(".", dir.path().join("mirror")).unwrap();
        let before = snapshot(dir.path());
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        let run = labsite(dir.path(), &all);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr, format!("error: {shown}: {why}\n"), "{args:?}");
        assert_eq!(snapshot(dir.path()), before, "{args:?} changed the site");
    }
}

#[test]
fn a_destination_holding_the_site_is_refused() {
    let dir = built_site();
    let site = dir.path().canonicalize().unwrap();
    let holds = format!(
        "the destination holds the site folder {}: a build there could overwrite or delete the site's files {CHOOSE}",
        site.display()
    );
    for destination in ["..", "/"] {
        let before = snapshot(dir.path());
        let run = labsite(
            dir.path(),
            &["build", "-d", destination, "--cleanDestinationDir"],
        );
        assert_eq!(run.code, 1, "{destination}: {}", run.stderr);
        assert_eq!(run.stderr, format!("error: {destination}: {holds}\n"));
        assert_eq!(snapshot(dir.path()), before);
    }
}

#[test]
fn the_home_folder_is_refused_as_a_destination() {
    let dir = built_site();
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join(".profile"), "mine").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_labsite"))
        .args(["build", "--cleanDestinationDir", "-d"])
        .arg(home.path())
        .current_dir(dir.path())
        .env("HOME", home.path())
        .output()
        .unwrap();
    let real = home.path().canonicalize().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "error: {}: the destination is {}: labsite writes only into a folder of its own {CHOOSE}\n",
            home.path().display(),
            real.display()
        )
    );
    assert_eq!(
        snapshot(home.path()).into_keys().collect::<Vec<_>>(),
        [".profile"]
    );
}

/// A site with links inside it and links that lead out, to `outside`.
fn site_with_links(outside: &Path) -> tempfile::TempDir {
    std::fs::write(
        outside.join("secret.md"),
        "---\ntitle: Secret\n---\nTOKEN-1234\n",
    )
    .unwrap();
    std::fs::create_dir_all(outside.join("dir")).unwrap();
    std::fs::write(outside.join("dir/a.md"), "---\ntitle: A\n---\nTOKEN-1234\n").unwrap();
    std::fs::write(outside.join("style.css"), "/* TOKEN-1234 */").unwrap();
    let dir = site_from(&[
        (
            "config.toml",
            "baseURL = 'https://example.org/'\ntitle = 'Links'\n",
        ),
        ("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n"),
        ("content/sub/real.md", "---\ntitle: Real\n---\nReal text.\n"),
        ("static/own.txt", "own"),
        ("assets/own.css", "/* own */"),
    ]);
    let root = dir.path();
    symlink("sub/real.md", root.join("content/inside.md")).unwrap();
    symlink(outside.join("secret.md"), root.join("content/leak.md")).unwrap();
    symlink(outside.join("dir"), root.join("content/leakdir")).unwrap();
    symlink("/proc/self/environ", root.join("content/env.md")).unwrap();
    symlink(outside.join("secret.md"), root.join("static/leak.txt")).unwrap();
    symlink(outside.join("style.css"), root.join("assets/leak.css")).unwrap();
    dir
}

fn leads_out(link: &str, target: &str) -> String {
    format!(
        "warning: {link}: is a symbolic link to {target}, outside the site folder: skipped (labsite reads nothing outside the site; copy what it needs into the site)"
    )
}

#[test]
fn links_that_lead_out_of_the_site_are_skipped_with_a_warning() {
    let outside = tempfile::tempdir().unwrap();
    let dir = site_with_links(outside.path());
    let run = build_ok(dir.path(), &[]);
    let out = outside.path().display();
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    assert_eq!(
        warnings,
        [
            leads_out("content/env.md", "/proc/self/environ"),
            leads_out("content/leak.md", &format!("{out}/secret.md")),
            leads_out("content/leakdir", &format!("{out}/dir")),
            leads_out("static/leak.txt", &format!("{out}/secret.md")),
        ]
    );
    let public = dir.path().join("public");
    // A link inside the site is followed.
    assert!(read(&public, "inside/index.html").contains("Real text."));
    assert_eq!(read(&public, "own.txt"), "own");
    for gone in ["leak", "leakdir", "env", "leak.txt"] {
        assert!(!public.join(gone).exists(), "{gone} was published");
    }
    for (path, bytes) in snapshot(&public) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("TOKEN-1234"), "{path} holds the secret");
    }
}

#[test]
fn template_functions_do_not_reach_through_links_out_of_the_site() {
    let outside = tempfile::tempdir().unwrap();
    let dir = site_with_links(outside.path());
    let root = dir.path();
    std::fs::create_dir_all(root.join("layouts/shortcodes")).unwrap();
    std::fs::write(
        root.join("layouts/shortcodes/probe.html"),
        "[leak={{ fileExists \"content/leak.md\" }} inside={{ fileExists \"content/inside.md\" }} \
         asset={{ with resources.Get \"leak.css\" }}{{ .RelPermalink }}{{ else }}none{{ end }} \
         own={{ with resources.Get \"own.css\" }}{{ .RelPermalink }}{{ end }}]",
    )
    .unwrap();
    std::fs::write(
        root.join("content/sub/probe.md"),
        "---\ntitle: Probe\n---\n{{< probe >}}\n",
    )
    .unwrap();
    build_ok(root, &[]);
    assert!(
        read(root, "public/sub/probe/index.html")
            .contains("[leak=false inside=true asset=none own=/own.css]")
    );
    assert!(!root.join("public/leak.css").exists());

    std::fs::write(
        root.join("layouts/shortcodes/probe.html"),
        "{{ readFile \"content/leak.md\" }}",
    )
    .unwrap();
    let before = snapshot(&root.join("public"));
    let run = labsite(root, &["build"]);
    assert_eq!(run.code, 1);
    let error = run
        .stderr
        .lines()
        .find(|l| l.starts_with("error:"))
        .unwrap();
    assert!(
        error.contains(
            "file \"content/leak.md\" is outside the site folder (give a path inside the site, relative to it)"
        ),
        "{error}"
    );
    assert!(
        error.starts_with("error: content/sub/probe.md:4:1:"),
        "{error}"
    );
    assert_eq!(snapshot(&root.join("public")), before);
}
