//! How long `labsite serve` takes from saving a page to telling open pages to
//! reload, on a generated 3,000-page workshop. Prints the figures; asserts nothing.
//! Run with `cargo bench --bench serve_edit`.

#[path = "common.rs"]
mod common;
#[path = "../tests/common/mod.rs"]
mod test_common;

use std::time::{Duration, Instant};
use tungstenite::client::IntoClientRequest;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    common::generate(dir.path(), 3_000);
    let started = Instant::now();
    let server = test_common::start_server(dir.path(), &[]);
    println!(
        "serve, first build of 3,000 pages until listening: {} ms",
        started.elapsed().as_millis()
    );
    let port = server.port;
    let mut request = format!("ws://127.0.0.1:{port}/__labsite/ws")
        .into_client_request()
        .unwrap();
    request.headers_mut().insert(
        "Origin",
        format!("http://127.0.0.1:{port}").parse().unwrap(),
    );
    let (mut ws, _) = tungstenite::connect(request).unwrap();

    // A page in the middle of the workshop.
    let page = walkdir::WalkDir::new(dir.path().join("content"))
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.path().to_path_buf())
        .find(|p| p.ends_with("c025/p05.md"))
        .expect("the generated workshop has chapter 25");
    let original = std::fs::read_to_string(&page).unwrap();
    let mut times = Vec::new();
    for round in 0..10 {
        std::thread::sleep(Duration::from_millis(200));
        let saved = Instant::now();
        std::fs::write(&page, format!("{original}\nEdit number {round}.\n")).unwrap();
        loop {
            if let tungstenite::Message::Text(t) = ws.read().unwrap() {
                assert!(t.contains("reload"), "{t}");
                break;
            }
        }
        times.push(saved.elapsed());
    }
    drop(server);
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "body edit, save to reload message (10 edits): median {:.1} ms, min {:.1} ms, max {:.1} ms",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
    println!("(includes the watcher's {} ms settling time)", 30);
}
