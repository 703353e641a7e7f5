//! Hostile inputs grow linearly: for each case, the build (or `check`) of a
//! site of size N and of 4N, median of 3 runs; prints time and peak memory of
//! both and their ratios, and fails when a ratio is over 5 (linear growth
//! gives about 4; quadratic about 16). `cargo bench --bench growth`.

#[path = "measure.rs"]
mod measure;

use std::path::Path;
use std::process::Command;

/// One hostile input: its name, the command (`build` or `check`), and the
/// page it puts in a site for size `n`.
struct Case {
    name: &'static str,
    command: &'static str,
    base: usize,
    page: fn(usize) -> String,
}

const CASES: &[Case] = &[
    Case {
        name: "identical headings",
        command: "build",
        base: 5_000,
        page: |n| "## Same\n\n".repeat(n),
    },
    Case {
        name: "unclosed emphasis (*a **a )",
        command: "build",
        base: 25_000,
        page: |n| "*a **a ".repeat(n),
    },
    Case {
        name: "one big page (bytes of text)",
        command: "build",
        base: 12_500_000,
        page: |n| "The lab walks through the console, one step at a time.\n\n".repeat(n / 56),
    },
    Case {
        name: "broken links for check",
        command: "check",
        base: 10_000,
        page: |n| (0..n).map(|i| format!("[x](/missing-{i}/) ")).collect(),
    },
];

fn site(dir: &Path, body: &str) {
    std::fs::create_dir_all(dir.join("content")).expect("writable");
    std::fs::write(
        dir.join("hugo.toml"),
        "baseURL = 'https://example.org/'\ntitle = 'G'\n",
    )
    .expect("writable");
    std::fs::write(
        dir.join("content/p.md"),
        format!("---\ntitle: P\n---\n{body}\n"),
    )
    .expect("writable");
}

fn run(case: &Case, n: usize) -> measure::Run {
    let dir = tempfile::tempdir().expect("a temporary folder");
    site(dir.path(), &(case.page)(n));
    let mut runs: Vec<measure::Run> = (0..3)
        .map(|_| {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_labsite"));
            cmd.arg(case.command).arg("-s").arg(dir.path());
            if case.command == "build" {
                cmd.arg("-d").arg(dir.path().join("public"));
            }
            // `check` exits 1 for the broken links it finds: only the figures matter.
            measure::measure_any_exit(&mut cmd).expect("labsite runs")
        })
        .collect();
    let peak = runs.iter().map(|r| r.peak).max().unwrap_or(0);
    runs.sort_by_key(|r| r.wall);
    measure::Run {
        wall: runs[1].wall,
        peak,
    }
}

fn main() {
    let mut failed = Vec::new();
    println!(
        "{:<32} {:>10} {:>10} {:>7} {:>9} {:>9} {:>7}",
        "case", "N s", "4N s", "ratio", "N MB", "4N MB", "ratio"
    );
    for case in CASES {
        let small = run(case, case.base);
        let large = run(case, case.base * 4);
        let time_ratio = large.wall.as_secs_f64() / small.wall.as_secs_f64().max(1e-3);
        let memory_ratio = large.peak as f64 / small.peak.max(1) as f64;
        println!(
            "{:<32} {:>10.3} {:>10.3} {:>7.2} {:>9.1} {:>9.1} {:>7.2}",
            case.name,
            small.wall.as_secs_f64(),
            large.wall.as_secs_f64(),
            time_ratio,
            small.peak as f64 / 1e6,
            large.peak as f64 / 1e6,
            memory_ratio
        );
        if time_ratio > 5.0 || memory_ratio > 5.0 {
            failed.push(case.name);
        }
    }
    if !failed.is_empty() {
        eprintln!("growth over 5x from N to 4N: {}", failed.join(", "));
        std::process::exit(1);
    }
}
