//! Every input of `fuzz/seeds/TARGET/` (the corpus each fuzz target starts
//! from) and of `fuzz/regressions/TARGET/` (inputs that crashed labsite, kept
//! after the fix) runs through the same check as the fuzz target TARGET; a
//! crash, a caught panic or a stack overflow fails the test.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// Runs `check` on every file of `fuzz/FOLDER/TARGET`; returns how many.
fn replay(folder: &str, target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(folder)
        .join(target);
    let mut count = 0;
    // Git keeps no empty folder: a target without regressions has none.
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{} fails", path.display());
        count += 1;
    }
    count
}

/// The seeds and the regressions of `target`; every target has seeds.
fn replay_target(target: &str, check: fn(&[u8])) -> (usize, usize) {
    let seeds = replay("seeds", target, check);
    assert!(seeds > 0, "fuzz/seeds/{target} is empty");
    (seeds, replay("regressions", target, check))
}

#[test]
fn front_matter_inputs_pass() {
    let (_, regressions) = replay_target("front_matter", checks::front_matter);
    assert!(regressions > 0);
}

#[test]
fn shortcode_inputs_pass() {
    replay_target("shortcodes", checks::shortcodes);
}

#[test]
fn page_inputs_pass() {
    replay_target("page", checks::page);
}

#[test]
fn go_template_inputs_pass() {
    let (_, regressions) = replay_target("go_template", checks::go_template);
    assert!(regressions >= 6);
}
