//! Helpers shared by the integration tests: copy a fixture site to a temporary
//! folder (builds never write into tests/fixtures), run the labsite binary, read
//! what it wrote.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of fixture `name` in a fresh temporary folder.
pub fn site(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(name), dir.path());
    dir
}

/// A temporary site made of `files` (path, text).
pub fn site_from(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `labsite ARGS` in `dir`.
pub fn labsite(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_labsite"))
        .args(args)
        .current_dir(dir)
        .env_remove("HUGO_REFLINKSERRORLEVEL")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("labsite runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Builds the site in `dir` into `dir/public`; panics unless it succeeds.
pub fn build_ok(dir: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    let run = labsite(dir, &args);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    run
}

pub fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The part of a page inside `#body-inner`, up to the footer.
pub fn body(html: &str) -> &str {
    let start = html
        .find("<div id=\"body-inner\">")
        .expect("page has #body-inner");
    let end = html[start..]
        .find("<footer class=\" footline\">")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

pub fn assert_contains(haystack: &str, needle: &str) {
    assert!(
        haystack.contains(needle),
        "expected to find\n{needle}\n---- in ----\n{haystack}"
    );
}

/// The `data-nav-id` values of a page's sidebar, in order.
pub fn nav_ids(html: &str) -> Vec<&str> {
    html.split("data-nav-id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap_or(0)])
        .collect()
}

/// A running server, stopped when dropped.
pub struct Server {
    child: std::process::Child,
    pub port: u16,
}

impl Server {
    /// The body of the page the server gives at `path`.
    pub fn page(&self, path: &str) -> String {
        ureq::get(&format!("http://127.0.0.1:{}{path}", self.port))
            .call()
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `labsite serve -p 0 EXTRA` in `dir`; its port is read from what it prints.
pub fn start_server(dir: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_labsite"))
        .args(["serve", "-p", "0"])
        .args(extra)
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("labsite serve starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stdout));
    let port = loop {
        let line = lines
            .next()
            .expect("the server prints its address")
            .expect("readable output");
        if let Some(rest) = line.strip_prefix("Web Server is available at http://127.0.0.1:") {
            break rest
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|p| p.parse().ok())
                .expect("a port");
        }
    };
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server { child, port }
}

/// The page Hugo writes for `content/p.md` holding `markdown`, with a layout
/// that prints only the page's content (`{{ .Content }}` and a line end):
/// built with the site's other `files`, the file labsite writes.
pub fn content_page(markdown: &str, files: &[(&str, &str)]) -> String {
    let mut all = vec![
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'Q'\n",
        ),
        ("content/p.md", markdown),
        ("layouts/single.html", "{{ .Content }}\n"),
    ];
    all.extend_from_slice(files);
    let dir = site_from(&all);
    build_ok(dir.path(), &[]);
    read(dir.path(), "public/p/index.html")
}

/// The files under `dir`, as paths relative to it prefixed with `prefix`, sorted.
pub fn files_under(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let rel = format!("{prefix}{name}");
        if path.is_dir() {
            files_under(&path, &format!("{rel}/"), out);
        } else {
            out.push(rel);
        }
    }
}

/// Builds fixture `name` and compares every file of `name-expected` (Hugo's
/// output) with labsite's; there are `count` of them. Returns the built site.
pub fn assert_same_as_hugo(name: &str, count: usize) -> tempfile::TempDir {
    let dir = site(name);
    build_ok(dir.path(), &[]);
    let expected_dir = fixture(&format!("{name}-expected"));
    let mut files = Vec::new();
    files_under(&expected_dir, "", &mut files);
    assert_eq!(files.len(), count);
    for file in files {
        let expected = std::fs::read_to_string(expected_dir.join(&file)).unwrap();
        // Hugo names itself in the generator tag it adds to the home page;
        // labsite adds the same tag naming labsite.
        let expected = expected.replace(
            "<meta name=\"generator\" content=\"Hugo 0.168.0\">",
            "<meta name=\"generator\" content=\"labsite\">",
        );
        assert_eq!(
            read(dir.path(), &format!("public/{file}")),
            expected,
            "{file}"
        );
    }
    dir
}

/// A relearn site with a formula (`/formula/`), an OpenAPI spec in a bundle
/// (`/api/`) and a page with neither (`/plain/`).
pub fn relearn_libraries_site() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'O'\ntheme = 'hugo-theme-relearn'\n",
        ),
        (
            "content/formula.md",
            "---\ntitle: Formula\n---\n{{< math >}}$$x^2 + y^2 = z^2$$\n{{< /math >}}\n",
        ),
        (
            "content/api/index.md",
            "---\ntitle: API\n---\n{{< openapi src=\"spec.yaml\" >}}\n\n{{< openapi src=\"https://example.org/x.json\" id=\"given\" >}}\n",
        ),
        (
            "content/api/spec.yaml",
            "openapi: 3.0.0\ninfo:\n  title: Pets \"API\"\n  version: 1.0.0\npaths:\n  /pets:\n    get:\n      summary: List all pets\n      responses:\n        '200':\n          description: ok\n",
        ),
        ("content/plain.md", "---\ntitle: Plain\n---\nplain\n"),
    ]
}

/// Builds a site of `files` under `--panicOnWarning`: the build fails with
/// exit 1, names `expected` on stderr, and writes no `public/`.
pub fn assert_fails_under_panic_on_warning(files: &[(&str, &str)], expected: &str) {
    let strict = site_from(files);
    let run = labsite(strict.path(), &["build", "--panicOnWarning"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains(&run.stderr, expected);
    assert!(!strict.path().join("public").exists());
}
