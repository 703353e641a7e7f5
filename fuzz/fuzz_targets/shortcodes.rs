#![no_main]
//! Fuzz target: see `checks::shortcodes`.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::shortcodes(data));
