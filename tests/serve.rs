//! `labsite serve` on a fixture site: pages with the live-reload script, edits
//! reaching open pages over the websocket, the error overlay's message while the
//! site is broken, and requests that try to leave the output.

mod common;

use common::{assert_contains, site, start_server as start};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;
use tungstenite::client::IntoClientRequest;

/// `GET path` as sent (not normalised); returns status line and body.
fn get(port: u16, path: &str) -> (String, String) {
    get_as(port, path, &format!("127.0.0.1:{port}"))
}

/// `GET path` with `Host: host`; returns status line and the rest (headers
/// and body) when the status is not 200, else the body.
fn get_as(port: u16, path: &str, host: &str) -> (String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (
        head.lines().next().unwrap_or("").to_string(),
        body.to_string(),
    )
}

fn socket(
    port: u16,
    origin: &str,
) -> Result<
    tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
    tungstenite::Error,
> {
    let mut request = format!("ws://127.0.0.1:{port}/__labsite/ws")
        .into_client_request()
        .unwrap();
    request
        .headers_mut()
        .insert("Origin", origin.parse().unwrap());
    let (mut ws, _) = tungstenite::connect(request)?;
    if let tungstenite::stream::MaybeTlsStream::Plain(s) = ws.get_mut() {
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    }
    Ok(ws)
}

fn next_message(
    ws: &mut tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
) -> serde_json::Value {
    loop {
        match ws.read().expect("a message from the server") {
            tungstenite::Message::Text(t) => return serde_json::from_str(&t).unwrap(),
            _ => continue,
        }
    }
}

/// The message of the workshop fixture's one warning, as the dev server
/// sends it to a page that connects.
fn raw_html_warning() -> serde_json::Value {
    serde_json::json!({
        "type": "warnings",
        "messages": ["1 piece(s) of raw HTML in Markdown were left out, as Hugo does by default; set `markup.goldmark.renderer.unsafe = true` in the config to keep them"],
    })
}

#[test]
fn serves_pages_with_the_reload_script_and_nothing_outside_the_output() {
    let dir = site("workshop");
    let server = start(dir.path(), &[]);
    let (status, body) = get(server.port, "/lab/");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_contains(
        &body,
        "<script src=\"/__labsite/livereload.js\"></script>\n</body>",
    );
    // A folder without its slash is redirected; the site lives under baseURL's path.
    let (status, _) = get(server.port, "/lab/basics");
    assert_eq!(status, "HTTP/1.1 301 Moved Permanently");
    let (status, _) = get(server.port, "/");
    assert_eq!(status, "HTTP/1.1 404 Not Found");
    for path in [
        "/lab/../../../etc/passwd",
        "/lab/%2e%2e/%2e%2e/config.toml",
        "/lab/..%2f..%2fconfig.toml",
        "/lab/css/",
        "//etc/passwd",
    ] {
        let (status, body) = get(server.port, path);
        assert_eq!(status, "HTTP/1.1 404 Not Found", "{path}");
        assert!(!body.contains("baseURL"), "{path} leaked a file");
    }
    let (status, script) = get(server.port, "/__labsite/livereload.js");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_contains(&script, "new WebSocket(");
    // The site's own output folder is not written.
    assert!(!dir.path().join("public").exists());
}

#[test]
fn edits_reach_open_pages_and_errors_show_until_fixed() {
    let dir = site("workshop");
    let server = start(dir.path(), &["--navigateToChanged"]);
    assert!(
        socket(server.port, "http://evil.example").is_err(),
        "a page of another origin cannot listen"
    );
    let mut ws = socket(server.port, &format!("http://127.0.0.1:{}", server.port)).unwrap();
    // A page that connects is told the last build's warnings first.
    assert_eq!(next_message(&mut ws), raw_html_warning());
    let page = dir.path().join("content/basics/first.md");
    let original = std::fs::read_to_string(&page).unwrap();

    std::fs::write(
        &page,
        format!("{original}\nA sentence added while serving.\n"),
    )
    .unwrap();
    let message = next_message(&mut ws);
    assert_eq!(message["type"], "reload");
    assert_eq!(message["path"], "/lab/basics/first/");
    let (_, body) = get(server.port, "/lab/basics/first/");
    assert_contains(&body, "<p>A sentence added while serving.</p>");

    // A broken edit: the error comes with its position, the last good build stays.
    std::fs::write(&page, "+++\ntitle = \"unterminated\n+++\nBody.\n").unwrap();
    let message = next_message(&mut ws);
    assert_eq!(message["type"], "error");
    let error = message["message"].as_str().unwrap();
    assert_eq!(
        error,
        "content/basics/first.md:2:22: invalid TOML front matter: invalid basic string, expected `\"`"
    );
    let (status, body) = get(server.port, "/lab/basics/first/");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_contains(&body, "<p>A sentence added while serving.</p>");
    // A page opened now hears of the error at once.
    let mut late = socket(server.port, &format!("http://127.0.0.1:{}", server.port)).unwrap();
    assert_eq!(next_message(&mut late)["type"], "error");

    std::fs::write(&page, &original).unwrap();
    let message = next_message(&mut ws);
    assert_eq!(message["type"], "reload");
    let (_, body) = get(server.port, "/lab/basics/first/");
    assert!(!body.contains("A sentence added while serving."));
}

#[test]
fn a_stylesheet_change_swaps_the_stylesheet() {
    let dir = site("workshop");
    std::fs::create_dir_all(dir.path().join("static/css")).unwrap();
    std::fs::write(
        dir.path().join("static/css/custom.css"),
        "p { color: red; }",
    )
    .unwrap();
    let server = start(dir.path(), &[]);
    let mut ws = socket(server.port, &format!("http://127.0.0.1:{}", server.port)).unwrap();
    assert_eq!(next_message(&mut ws), raw_html_warning());
    std::fs::write(
        dir.path().join("static/css/custom.css"),
        "p { color: blue; }",
    )
    .unwrap();
    let message = next_message(&mut ws);
    assert_eq!(
        message,
        serde_json::json!({"type": "css", "paths": ["css/custom.css"]})
    );
    let (_, css) = get(server.port, "/lab/css/custom.css");
    assert_eq!(css, "p { color: blue; }");
}

#[test]
fn without_live_reload_pages_are_served_as_built() {
    let dir = site("workshop");
    let server = start(dir.path(), &["--disableLiveReload"]);
    let (_, body) = get(server.port, "/lab/");
    assert!(!body.contains("livereload"));
    let (status, _) = get(server.port, "/__labsite/livereload.js");
    assert_eq!(status, "HTTP/1.1 404 Not Found");
}

#[test]
fn a_body_edit_updates_the_lists_feeds_and_search_that_show_it() {
    let dir = common::site_from(&[
        (
            "config.toml",
            "baseURL = \"https://example.org/\"\ntitle = \"T\"\n[outputs]\nhome = [\"HTML\", \"RSS\", \"JSON\"]\n",
        ),
        ("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n"),
        (
            "content/s/_index.md",
            "---\ntitle: Section\n---\n{{% children description=\"true\" %}}\n",
        ),
        (
            "content/s/a.md",
            "---\ntitle: Page A\nweight: 1\n---\nFirst words.\n",
        ),
        (
            "content/s/b.md",
            "---\ntitle: Page B\nweight: 2\n---\nOther words.\n",
        ),
    ]);
    let server = start(dir.path(), &[]);
    let mut ws = socket(server.port, &format!("http://127.0.0.1:{}", server.port)).unwrap();

    // The body alone: the page, its section's list, the feeds and the search index.
    std::fs::write(
        dir.path().join("content/s/a.md"),
        "---\ntitle: Page A\nweight: 1\n---\nFreshly written words.\n",
    )
    .unwrap();
    assert_eq!(next_message(&mut ws)["type"], "reload");
    assert_contains(
        &get(server.port, "/s/a/").1,
        "<p>Freshly written words.</p>",
    );
    assert_contains(&get(server.port, "/s/").1, "<p>Freshly written words.</p>");
    assert_contains(
        &get(server.port, "/s/index.xml").1,
        "<description>&lt;p&gt;Freshly written words.&lt;/p&gt;</description>",
    );
    assert_contains(&get(server.port, "/index.json").1, "Freshly written words.");

    // The front matter: every page's sidebar shows the new title.
    std::fs::write(
        dir.path().join("content/s/a.md"),
        "---\ntitle: Page Alpha\nweight: 1\n---\nFreshly written words.\n",
    )
    .unwrap();
    assert_eq!(next_message(&mut ws)["type"], "reload");
    assert_contains(&get(server.port, "/s/b/").1, "Page Alpha");
}

#[test]
fn a_taken_port_is_reported_and_another_used() {
    use std::io::BufRead;
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let dir = site("workshop");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_labsite"))
        .args(["serve", "-p", &port.to_string()])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let lines: Vec<String> = std::io::BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .take_while(|l| !l.starts_with("Press Ctrl+C"))
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    let notice = lines
        .iter()
        .find(|l| l.starts_with(&format!("Port {port} is in use; serving on port ")))
        .unwrap_or_else(|| panic!("no notice in {lines:?}"));
    let other: u16 = notice.rsplit(' ').nth(1).unwrap().parse().unwrap();
    assert_ne!(other, port);
    assert!(lines.contains(&format!(
        "Web Server is available at http://127.0.0.1:{other}/lab/ (bind address 127.0.0.1)"
    )));
}

/// The server answers only its own address: a request naming another host
/// (a page using DNS rebinding) is refused, the websocket too, and a path
/// with two leading slashes never redirects to another host.
#[test]
fn only_its_own_host_is_answered() {
    let dir = site("workshop");
    let server = start(dir.path(), &[]);
    for host in [
        format!("127.0.0.1:{}", server.port),
        format!("localhost:{}", server.port),
        format!("[::1]:{}", server.port),
    ] {
        assert_eq!(
            get_as(server.port, "/lab/", &host).0,
            "HTTP/1.1 200 OK",
            "{host}"
        );
    }
    let (status, body) = get_as(server.port, "/lab/", "evil.example");
    assert_eq!(status, "HTTP/1.1 403 Forbidden");
    assert_eq!(
        body,
        "labsite serve answers only its own address, not \"evil.example\" (open the URL it printed, or start it with --bind to listen on another)"
    );
    assert_eq!(
        get_as(
            server.port,
            "/__labsite/ws",
            &format!("evil.example:{}", server.port)
        )
        .0,
        "HTTP/1.1 403 Forbidden"
    );
    let (status, _) = get(server.port, "//lab/basics");
    assert_eq!(status, "HTTP/1.1 404 Not Found");
    let (status, _) = get(server.port, "/lab/basics");
    assert_eq!(status, "HTTP/1.1 301 Moved Permanently");
}

/// Hugo's server flags: `-b` sets where the site is served, `--minify`
/// minifies the pages served, `--renderToMemory`, `--disableFastRender`,
/// `--logLevel` and `-v` are accepted.
#[test]
fn hugo_server_flags_are_taken() {
    let dir = site("workshop");
    let server = start(
        dir.path(),
        &[
            "-b",
            "https://docs.example.org/docs/",
            "--minify",
            "--renderToMemory",
            "--disableFastRender",
            "--logLevel",
            "error",
            "-v",
        ],
    );
    let (status, body) = get(server.port, "/docs/basics/first/");
    assert_eq!(status, "HTTP/1.1 200 OK");
    // Minified: no line starts with the indentation the theme writes.
    assert!(
        !body.contains("\n    <"),
        "{}",
        &body[..body.len().min(300)]
    );
    assert_contains(&body, "<link href=/docs/css/theme.css rel=stylesheet>");
    assert_eq!(
        get(server.port, "/lab/basics/first/").0,
        "HTTP/1.1 404 Not Found"
    );
}
