//! Browser tests: the `browser` fixture built by labsite, opened in headless
//! Chromium by `tests/browser/check.mjs` (playwright-core driving Debian's
//! Chromium). `.ci/run` installs both; elsewhere the test says what is missing and
//! passes only off CI.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

fn missing_tools(chromium: &Path, scripts: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    if !chromium.exists() {
        missing.push(format!("{} (apt-get install chromium)", chromium.display()));
    }
    if Command::new("node").arg("--version").output().is_err() {
        missing.push("node".into());
    }
    if !scripts.join("node_modules/playwright-core").is_dir() {
        missing.push("tests/browser/node_modules (npm ci in tests/browser)".into());
    }
    missing
}

/// Chromium and the scripts' folder; `None` (the test is skipped) when a tool is
/// missing off CI; on CI a missing tool fails the test.
fn browser_tools() -> Option<(&'static Path, std::path::PathBuf)> {
    let chromium = Path::new("/usr/bin/chromium");
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let missing = missing_tools(chromium, &scripts);
    if missing.is_empty() {
        return Some((chromium, scripts));
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "browser tests need: {}",
        missing.join(", ")
    );
    eprintln!("browser tests skipped, missing: {}", missing.join(", "));
    None
}

/// Runs the browser checks of `script` with `args`; all `count` of them must pass.
fn run_checks(scripts: &Path, script: &str, args: &[&std::ffi::OsStr], count: usize) {
    let out = Command::new("node")
        .arg(scripts.join(script))
        .args(args)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "a browser check failed:\n{stdout}");
    assert!(
        stdout.contains(&format!("{count} passed, 0 failed")),
        "{stdout}"
    );
}

#[test]
fn tabs_expand_mermaid_sidebar_and_search_work_in_chromium() {
    let Some((chromium, scripts)) = browser_tools() else {
        return;
    };
    let dir = site("browser");
    // A chapter of 70 pages: a page's sidebar shows those near it, and "more".
    let many = dir.path().join("content/many");
    std::fs::create_dir_all(&many).unwrap();
    std::fs::write(many.join("_index.md"), "---\ntitle: Many\nweight: 5\n---\n").unwrap();
    for i in 1..=70 {
        std::fs::write(
            many.join(format!("p{i:02}.md")),
            format!("---\ntitle: Step {i}\nweight: {i}\n---\nStep {i}.\n"),
        )
        .unwrap();
    }
    // A notice on the page, and a branch whose long title wraps in the sidebar.
    let widgets = dir.path().join("content/lab/widgets.md");
    let mut text = std::fs::read_to_string(&widgets).unwrap();
    text.push_str("\n{{% notice info %}}\nRead this first.\n{{% /notice %}}\n");
    std::fs::write(&widgets, text).unwrap();
    let long = dir.path().join("content/lab/long");
    std::fs::create_dir_all(&long).unwrap();
    std::fs::write(
        long.join("_index.md"),
        "---\ntitle: A branch whose title is long enough to wrap over two lines of the sidebar\nweight: 20\n---\n",
    )
    .unwrap();
    std::fs::write(long.join("step.md"), "---\ntitle: Step\n---\nStep.\n").unwrap();
    build_ok(dir.path(), &[]);
    let public = dir.path().join("public");
    run_checks(
        &scripts,
        "check.mjs",
        &[public.as_os_str(), chromium.as_os_str()],
        12,
    );
}

#[test]
fn live_reload_shows_edits_and_errors_in_chromium() {
    let Some((chromium, scripts)) = browser_tools() else {
        return;
    };
    let dir = site("workshop");
    let server = start_server(dir.path(), &[]);
    let url = format!("http://127.0.0.1:{}/lab/basics/first/", server.port);
    let page = dir.path().join("content/basics/first.md");
    run_checks(
        &scripts,
        "serve.mjs",
        &[url.as_ref(), page.as_os_str(), chromium.as_os_str()],
        4,
    );
}

#[test]
fn hostile_titles_parameters_and_menu_names_stay_inert_in_chromium() {
    let Some((chromium, scripts)) = browser_tools() else {
        return;
    };
    let dir = site("hostile");
    build_ok(dir.path(), &[]);
    let public = dir.path().join("public");
    run_checks(
        &scripts,
        "inert.mjs",
        &[public.as_os_str(), chromium.as_os_str()],
        3,
    );
}

/// A relearn site's formula and OpenAPI spec, in Chromium: MathJax typesets
/// the one, swagger-ui lays out the other (both published by labsite only
/// because a page uses them).
#[test]
fn math_and_openapi_are_drawn_in_chromium() {
    let Some((chromium, scripts)) = browser_tools() else {
        return;
    };
    let dir = site_from(&relearn_libraries_site());
    build_ok(dir.path(), &[]);
    let public = dir.path().join("public");
    run_checks(
        &scripts,
        "libraries.mjs",
        &[public.as_os_str(), chromium.as_os_str()],
        2,
    );
}
