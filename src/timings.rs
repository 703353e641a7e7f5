//! Where a build's time goes: the build marks the end of each phase, and with
//! `LABSITE_TIMINGS=1` the phases and their durations are printed on stderr.

use std::sync::Mutex;
use std::time::{Duration, Instant};

struct Clock {
    last: Instant,
    phases: Vec<(&'static str, Duration)>,
}

static CLOCK: Mutex<Option<Clock>> = Mutex::new(None);

fn enabled() -> bool {
    std::env::var_os("LABSITE_TIMINGS").is_some_and(|v| v != "0")
}

/// Starts timing (when enabled).
pub fn start() {
    if enabled() {
        *CLOCK.lock().unwrap_or_else(|e| e.into_inner()) = Some(Clock {
            last: Instant::now(),
            phases: Vec::new(),
        });
    }
}

/// Ends phase `name`: the time since the previous mark.
pub fn mark(name: &'static str) {
    let mut clock = CLOCK.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = clock.as_mut() {
        let now = Instant::now();
        c.phases.push((name, now - c.last));
        c.last = now;
    }
}

/// Prints the phases (when enabled).
pub fn report() {
    let clock = CLOCK.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = clock.as_ref() {
        let total: Duration = c.phases.iter().map(|(_, d)| *d).sum();
        for (name, d) in &c.phases {
            eprintln!("timing: {name:<16} {:>8.1} ms", d.as_secs_f64() * 1000.0);
        }
        eprintln!(
            "timing: {:<16} {:>8.1} ms",
            "total",
            total.as_secs_f64() * 1000.0
        );
    }
}
