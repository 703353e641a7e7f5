#![no_main]
//! Fuzz target: see `checks::go_template`.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::go_template(data));
