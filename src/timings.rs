//! Where a build's time goes: the build marks the end of each phase, and with
//! `LABSITE_TIMINGS=1` each phase is printed on stderr with its duration, the
//! processor time the whole process used in it (all threads: twice the duration
//! when two cores are busy throughout) and the page faults it took (memory
//! touched for the first time, which the kernel zeroes).

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What the process has used so far.
#[derive(Clone, Copy, Default)]
struct Usage {
    wall: Duration,
    cpu: Duration,
    faults: i64,
}

impl Usage {
    fn now(start: Instant) -> Usage {
        // SAFETY: getrusage only writes the struct it is given.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: RUSAGE_SELF with a valid pointer cannot fail.
        unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
        let time = |t: libc::timeval| {
            Duration::from_secs(t.tv_sec.max(0) as u64)
                + Duration::from_micros(t.tv_usec.max(0) as u64)
        };
        Usage {
            wall: start.elapsed(),
            cpu: time(usage.ru_utime) + time(usage.ru_stime),
            faults: usage.ru_minflt,
        }
    }

    fn since(self, earlier: Usage) -> Usage {
        Usage {
            wall: self.wall.saturating_sub(earlier.wall),
            cpu: self.cpu.saturating_sub(earlier.cpu),
            faults: self.faults - earlier.faults,
        }
    }
}

struct Clock {
    start: Instant,
    first: Usage,
    last: Usage,
    phases: Vec<(&'static str, Usage)>,
}

static CLOCK: Mutex<Option<Clock>> = Mutex::new(None);

fn enabled() -> bool {
    std::env::var_os("LABSITE_TIMINGS").is_some_and(|v| v != "0")
}

/// Starts timing (when enabled).
pub fn start() {
    if enabled() {
        let start = Instant::now();
        let first = Usage::now(start);
        *CLOCK.lock().unwrap_or_else(|e| e.into_inner()) = Some(Clock {
            start,
            first,
            last: first,
            phases: Vec::new(),
        });
    }
}

/// Ends phase `name`: what was used since the previous mark.
pub fn mark(name: &'static str) {
    let mut clock = CLOCK.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = clock.as_mut() {
        let now = Usage::now(c.start);
        c.phases.push((name, now.since(c.last)));
        c.last = now;
    }
}

/// Prints the phases (when enabled).
pub fn report() {
    let clock = CLOCK.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = clock.as_ref() {
        let line = |name: &str, u: &Usage| {
            eprintln!(
                "timing: {name:<16} {:>8.1} ms  (cpu {:>6.1} ms, {:>6} page faults)",
                u.wall.as_secs_f64() * 1000.0,
                u.cpu.as_secs_f64() * 1000.0,
                u.faults
            );
        };
        for (name, usage) in &c.phases {
            line(name, usage);
        }
        line("total", &c.last.since(c.first));
    }
}
