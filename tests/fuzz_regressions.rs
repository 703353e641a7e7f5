//! Every input in `fuzz/regressions/TARGET/` (crashes the fuzzers found, kept
//! after the fix) runs through the same check as the fuzz target TARGET.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// Runs `check` on every file of `fuzz/regressions/target`; returns how many.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
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
        assert!(outcome.is_ok(), "{} fails again", path.display());
        count += 1;
    }
    count
}

#[test]
fn front_matter_crashes_stay_fixed() {
    assert!(replay("front_matter", checks::front_matter) > 0);
}

#[test]
fn shortcode_crashes_stay_fixed() {
    replay("shortcodes", checks::shortcodes);
}

#[test]
fn page_crashes_stay_fixed() {
    replay("page", checks::page);
}
