//! `labsite check --external`: asks other sites whether the pages linked to
//! exist, politely: one request at a time to a host with a pause between them,
//! a few hosts at once, `HEAD` before `GET`, a timeout on every request.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::Duration;

/// Hosts asked at the same time.
const HOSTS_AT_ONCE: usize = 4;
/// Pause between two requests to one host.
const PAUSE: Duration = Duration::from_millis(250);
/// Longest wait for one answer.
const TIMEOUT: Duration = Duration::from_secs(10);

/// The problem with each URL of `urls` that has one (an error status, no answer).
pub fn check(urls: &[String]) -> HashMap<String, String> {
    let mut by_host: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for url in urls {
        let host = url.split_once("://").map_or("", |(_, rest)| {
            rest.split(['/', '?', '#']).next().unwrap_or("")
        });
        by_host
            .entry(host.to_ascii_lowercase())
            .or_default()
            .push(url.clone());
    }
    let queue = Mutex::new(by_host.into_values().collect::<Vec<_>>());
    let problems = Mutex::new(HashMap::new());
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .user_agent(concat!("labsite-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    std::thread::scope(|scope| {
        for _ in 0..HOSTS_AT_ONCE {
            scope.spawn(|| {
                loop {
                    let next = queue.lock().unwrap_or_else(|e| e.into_inner()).pop();
                    let Some(host_urls) = next else { break };
                    for (i, url) in host_urls.iter().enumerate() {
                        if i > 0 {
                            std::thread::sleep(PAUSE);
                        }
                        if let Some(problem) = ask(&agent, url) {
                            problems
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .insert(url.clone(), problem);
                        }
                    }
                }
            });
        }
    });
    problems.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// What is wrong with `url`, if anything: `HEAD` first, `GET` when the server
/// does not answer `HEAD` properly.
fn ask(agent: &ureq::Agent, url: &str) -> Option<String> {
    let status = match agent.head(url).call() {
        Ok(response) if response.status().as_u16() < 400 => return None,
        Ok(_) | Err(_) => match agent.get(url).call() {
            Ok(response) => response.status().as_u16(),
            Err(e) => return Some(format!("no answer ({e})")),
        },
    };
    (status >= 400).then(|| format!("the server answered {status}"))
}
