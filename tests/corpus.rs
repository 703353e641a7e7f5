//! Hugo parity on the real workshops in ../shared/corpus: each site builds as its
//! authors keep it, and `parity compare` against what Hugo rendered must not fall
//! below the scores reached so far (raise them as parity improves).

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        // CI always has the corpus beside the clone; elsewhere it may be absent.
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared/corpus is missing on CI"
        );
        eprintln!("../shared/corpus is not there: corpus parity not measured");
        None
    }
}

struct Score {
    matched: usize,
    total: usize,
    menu_matches: bool,
    nav_differ: usize,
}

/// Builds `site` into a temporary folder (with `env`) and scores it.
fn score(corpus: &Path, site: &str, env: &[(&str, &str)]) -> Score {
    let out = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_labsite"));
    cmd.args(["build", "-s"])
        .arg(corpus.join(site).join("site"))
        .arg("-d")
        .arg(out.path().join("public"));
    cmd.env_remove("HUGO_REFLINKSERRORLEVEL");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let run = cmd.output().unwrap();
    assert!(
        run.status.success(),
        "{site} does not build:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let parity = Command::new("python3")
        .arg(corpus.join("../tools/parity"))
        .arg("compare")
        .arg(corpus.join(site).join("expected.json"))
        .arg(out.path().join("public"))
        .arg("--json")
        .output()
        .expect("python3 runs the parity tool");
    let report: serde_json::Value =
        serde_json::from_slice(&parity.stdout).expect("parity prints JSON");
    Score {
        matched: report["match"].as_u64().unwrap() as usize,
        total: report["total"].as_u64().unwrap() as usize,
        menu_matches: report["menu_match"].as_bool().unwrap(),
        nav_differ: report["nav_differ"].as_array().unwrap().len(),
    }
}

fn check(site: &str, env: &[(&str, &str)], min_matched: usize, menu: bool, max_nav_differ: usize) {
    let Some(corpus) = corpus() else { return };
    let s = score(&corpus, site, env);
    eprintln!(
        "{site}: {}/{} pages match, menu matches: {}, prev/next differ on {}",
        s.matched, s.total, s.menu_matches, s.nav_differ
    );
    assert!(
        s.matched >= min_matched,
        "{site}: {} pages match, fewer than {min_matched}",
        s.matched
    );
    if menu {
        assert!(
            s.menu_matches,
            "{site}: the sidebar menu no longer matches Hugo's"
        );
    }
    assert!(
        s.nav_differ <= max_nav_differ,
        "{site}: prev/next differ on {} pages",
        s.nav_differ
    );
}

#[test]
fn hpc_tutorials() {
    check("hpc-tutorials", &[], 195, true, 0);
}

#[test]
fn learn_docs() {
    check("learn-docs", &[], 83, true, 0);
}

#[test]
fn dynamodb_labs_builds_with_its_broken_refs_as_warnings() {
    // The site has refs to pages that do not exist; Hugo needs refLinksErrorLevel =
    // "WARNING" for it as well. Without it, labsite fails as Hugo does.
    let Some(corpus) = corpus() else { return };
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("public");
    let run = labsite(
        &corpus.join("dynamodb-labs/site"),
        &["build", "-d", dest.to_str().unwrap()],
    );
    assert_eq!(run.code, 1);
    assert_contains(
        &run.stderr,
        "content/event-driven-architecture/setup/start-here/user-account.md:11:179: REF_NOT_FOUND: Ref \"event-driven-architecture/setup/start-here/aws-event\": page not found",
    );
    assert!(!dest.exists(), "a failed build writes nothing");
    check(
        "dynamodb-labs",
        &[("HUGO_REFLINKSERRORLEVEL", "WARNING")],
        142,
        true,
        0,
    );
}

#[test]
fn aws_get_started() {
    check(
        "aws-get-started",
        &[("HUGO_REFLINKSERRORLEVEL", "WARNING")],
        86,
        true,
        0,
    );
}

#[test]
fn cryspy_doc() {
    check(
        "cryspy-doc",
        &[("HUGO_REFLINKSERRORLEVEL", "WARNING")],
        492,
        true,
        0,
    );
}

#[test]
fn relearn_example_builds() {
    check("relearn-example", &[], 64, true, 0);
}

/// Builds `site` into `dest` (over what it holds) and reads every file, by path.
fn build_files(corpus: &Path, site: &str, dest: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_labsite"));
    cmd.args(["build", "-s"])
        .arg(corpus.join(site).join("site"))
        .arg("-d")
        .arg(dest)
        .env("HUGO_REFLINKSERRORLEVEL", "WARNING");
    assert!(
        cmd.output().unwrap().status.success(),
        "{site} does not build"
    );
    walkdir::WalkDir::new(dest)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dest).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_site_builds_the_same_bytes_every_time() {
    // Several writer threads, pages rendered in parallel, builds into an empty
    // folder and over a previous output: the output must not depend on which
    // thread finishes first (a multilingual sitemap once did).
    let Some(corpus) = corpus() else { return };
    for site in [
        "aws-get-started",
        "cryspy-doc",
        "dynamodb-labs",
        "hpc-tutorials",
        "learn-docs",
        "relearn-example",
    ] {
        let out = tempfile::tempdir().unwrap();
        let first = build_files(&corpus, site, &out.path().join("fresh"));
        let rebuilt = out.path().join("rebuilt");
        for _ in 0..4 {
            let again = build_files(&corpus, site, &rebuilt);
            assert_eq!(
                first.iter().map(|f| &f.0).collect::<Vec<_>>(),
                again.iter().map(|f| &f.0).collect::<Vec<_>>(),
                "{site}: not the same files"
            );
            for (a, b) in first.iter().zip(&again) {
                assert!(a.1 == b.1, "{site}: {} differs", a.0.display());
            }
        }
    }
}
