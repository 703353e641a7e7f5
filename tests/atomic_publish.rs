//! The output is put in place whole, in one step: a build killed at any
//! moment leaves the destination exactly the old output or exactly the new
//! one, the next build succeeds and leaves no staging folder; a destination
//! that is a link to another file system is built through.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Every file under `dir` with a digest of its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, u64> {
    use std::hash::{Hash, Hasher};
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let mut hasher = std::hash::DefaultHasher::new();
            std::fs::read(e.path()).unwrap().hash(&mut hasher);
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, hasher.finish())
        })
        .collect()
}

/// Writes the 5,000 pages of the site at `dir`, each saying `version`.
fn write_pages(dir: &Path, version: &str) {
    for i in 0..5_000 {
        let page = dir.join(format!("content/s{}/p{i}.md", i % 50));
        std::fs::create_dir_all(page.parent().unwrap()).unwrap();
        std::fs::write(
            page,
            format!("---\ntitle: P{i}\n---\nVersion {version} of page {i}.\n"),
        )
        .unwrap();
    }
}

fn site_of_5000_pages(version: &str) -> tempfile::TempDir {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'K'\n",
        ),
        (
            "layouts/_default/single.html",
            "{{ .Title }}: {{ .Content }}",
        ),
        (
            "layouts/_default/list.html",
            "{{ .Title }} ({{ len .Pages }})",
        ),
    ]);
    write_pages(dir.path(), version);
    dir
}

fn staging_folders(site: &Path) -> Vec<String> {
    std::fs::read_dir(site)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("labsite-staging"))
        .collect()
}

/// Twenty builds of a 5,000-page site, each killed with SIGKILL at another
/// moment of its run (from the start to past its end): the output is always
/// one whole build, and the next build finishes and cleans up.
#[test]
fn a_build_killed_at_any_moment_leaves_the_old_or_the_new_output() {
    // The two outputs, built whole.
    let versions = ["A", "B"];
    let outputs: Vec<BTreeMap<String, u64>> = versions
        .iter()
        .map(|v| {
            let dir = site_of_5000_pages(v);
            build_ok(dir.path(), &[]);
            snapshot(&dir.path().join("public"))
        })
        .collect();
    assert_ne!(outputs[0], outputs[1]);

    let site = site_of_5000_pages("A");
    build_ok(site.path(), &[]);
    let public = site.path().join("public");
    assert!(snapshot(&public) == outputs[0]);
    // How long a rebuild takes, to spread the kills over it.
    write_pages(site.path(), "B");
    let start = Instant::now();
    build_ok(site.path(), &[]);
    let full = start.elapsed();
    let mut current = 1;

    for kill in 0..20u32 {
        let next = 1 - current;
        write_pages(site.path(), versions[next]);
        let mut child = Command::new(env!("CARGO_BIN_EXE_labsite"))
            .arg("build")
            .current_dir(site.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // From the start of the run to a little past its usual end.
        std::thread::sleep(full.mul_f64(f64::from(kill) / 16.0));
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&public);
        assert!(
            now == outputs[current] || now == outputs[next],
            "killed after {kill}/16 of a build: the output is neither the old nor the new build ({} files)",
            now.len()
        );
        let run = build_ok(site.path(), &[]);
        assert_eq!(run.code, 0);
        assert!(
            snapshot(&public) == outputs[next],
            "the next build's output"
        );
        assert_eq!(staging_folders(site.path()), Vec::<String>::new());
        current = next;
    }
}

/// A destination that is a link to a folder on another file system (here
/// `/dev/shm`, a memory file system) is built through: the output lands in
/// the folder, the link stays, and no staging folder is left on either side.
#[test]
fn a_destination_linked_to_another_file_system_is_built_through() {
    let shm = Path::new("/dev/shm");
    assert!(shm.is_dir(), "Linux has /dev/shm");
    let elsewhere = tempfile::tempdir_in(shm).unwrap();
    let target = elsewhere.path().join("out");
    std::fs::create_dir_all(&target).unwrap();
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'L'\n",
        ),
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("content/p.md", "---\ntitle: P\n---\nFirst.\n"),
    ]);
    std::os::unix::fs::symlink(&target, dir.path().join("public")).unwrap();
    build_ok(dir.path(), &[]);
    assert_eq!(
        std::fs::read_to_string(target.join("p/index.html")).unwrap(),
        "<p>First.</p>\n"
    );
    std::fs::write(
        dir.path().join("content/p.md"),
        "---\ntitle: P\n---\nSecond.\n",
    )
    .unwrap();
    build_ok(dir.path(), &[]);
    assert_eq!(
        std::fs::read_to_string(target.join("p/index.html")).unwrap(),
        "<p>Second.</p>\n"
    );
    assert!(
        std::fs::symlink_metadata(dir.path().join("public"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(staging_folders(dir.path()), Vec::<String>::new());
    assert_eq!(staging_folders(elsewhere.path()), Vec::<String>::new());
}

/// The staging folder a killed build left (its process gone) is removed by
/// the next build, whatever it held.
#[test]
fn a_dead_builds_staging_folder_is_removed_by_the_next_build() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'D'\n",
        ),
        ("layouts/_default/single.html", "{{ .Content }}"),
        ("content/p.md", "---\ntitle: P\n---\nText.\n"),
    ]);
    let leftover = dir
        .path()
        .join(format!(".public.labsite-staging-{}", u32::MAX - 7));
    std::fs::create_dir_all(leftover.join("deep/folder")).unwrap();
    std::fs::write(leftover.join("deep/folder/page.html"), "half a build").unwrap();
    build_ok(dir.path(), &[]);
    assert_eq!(staging_folders(dir.path()), Vec::<String>::new());
    assert_eq!(read(dir.path(), "public/p/index.html"), "<p>Text.</p>\n");
}
