//! Measuring one run of a process: wall time and peak resident memory, read
//! with `wait4`; and the median of several runs.
#![allow(dead_code)] // each benchmark uses a part of it

use std::process::Command;
use std::time::{Duration, Instant};

/// How many runs a median is taken of.
pub const RUNS: usize = 5;

/// One process run: wall time and peak resident memory (bytes).
pub struct Run {
    pub wall: Duration,
    pub peak: u64,
}

/// Runs `cmd`, waiting with `wait4` to read the child's peak memory. The
/// disk's pending writes are flushed first, so no run pays for the one before.
pub fn measure(cmd: &mut Command) -> Option<Run> {
    measure_with(cmd, true)
}

/// [`measure`] of a command whose exit status does not matter.
pub fn measure_any_exit(cmd: &mut Command) -> Option<Run> {
    measure_with(cmd, false)
}

fn measure_with(cmd: &mut Command, must_succeed: bool) -> Option<Run> {
    // SAFETY: sync takes no arguments and cannot fail.
    unsafe { libc::sync() };
    let start = Instant::now();
    let child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, with pointers to live locals.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    let succeeded = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (pid > 0 && (succeeded || !must_succeed)).then(|| Run {
        wall,
        peak: usage.ru_maxrss as u64 * 1024,
    })
}

/// The median of `RUNS` runs (by wall time) and the peak memory of the largest.
pub fn median(mut make: impl FnMut() -> Command) -> Option<Run> {
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        runs.push(measure(&mut make())?);
    }
    let peak = runs.iter().map(|r| r.peak).max().unwrap_or(0);
    runs.sort_by_key(|r| r.wall);
    Some(Run {
        wall: runs[RUNS / 2].wall,
        peak,
    })
}
