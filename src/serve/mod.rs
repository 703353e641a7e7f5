//! `labsite serve`: builds the site into memory, serves it on 127.0.0.1 (unless
//! told otherwise), rebuilds when a source changes and tells the open pages to
//! reload. A build that fails leaves the last good build served, with the error
//! shown over it in the browser; the server never stops on a content error.

pub mod files;
pub mod http;
pub mod rebuild;
pub mod watch;

use crate::config::{Config, Overrides};
use files::ServedFiles;
use rebuild::Rebuilder;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use tokio::sync::broadcast;

/// Options of `labsite serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub source: PathBuf,
    pub port: u16,
    pub bind: String,
    pub overrides: Overrides,
    /// After an edit of a page, open pages go to that page.
    pub navigate_to_changed: bool,
    pub live_reload: bool,
    /// Minify the HTML pages served (`--minify`).
    pub minify: bool,
    /// After an edit of pages' bodies alone, redo those pages only.
    pub fast_render: bool,
    /// Print warnings in the terminal (all but `--logLevel error`).
    pub show_warnings: bool,
}

/// What the server shares between requests and the rebuild loop.
pub struct State {
    files: RwLock<Arc<ServedFiles>>,
    error: RwLock<Option<String>>,
    /// The warnings of the last good build.
    warnings: RwLock<Vec<String>>,
    /// baseURL's path (`""` or `/docs`): the site is served under it.
    pub base_path: String,
    /// The address the server listens on (`--bind`).
    pub bind: String,
    pub live_reload: bool,
    /// Messages for the open pages (JSON), one per build.
    pub news: broadcast::Sender<String>,
    /// Content file → its page's URL path, from the last good build.
    pages: RwLock<HashMap<PathBuf, String>>,
}

impl State {
    pub fn new(base_path: String, bind: String, live_reload: bool) -> State {
        State {
            bind,
            files: RwLock::new(Arc::new(ServedFiles::default())),
            error: RwLock::new(None),
            warnings: RwLock::new(Vec::new()),
            base_path,
            live_reload,
            news: broadcast::channel(16).0,
            pages: RwLock::new(HashMap::new()),
        }
    }

    /// Whether a request with `Host: host` (a name or address, maybe with a
    /// port) is for this server: its bind address; `localhost` and the
    /// loopback addresses when it listens on loopback; any when it listens
    /// everywhere.
    pub fn answers_host(&self, host: &str) -> bool {
        let name = match host.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or_default(),
            None => host.rsplit_once(':').map_or(host, |(name, _)| name),
        };
        let name = name.to_ascii_lowercase();
        let bind = self.bind.trim_start_matches('[').trim_end_matches(']');
        let loopback = ["127.0.0.1", "localhost", "::1"];
        match bind {
            "0.0.0.0" | "::" => true,
            _ if name == bind => true,
            _ if loopback.contains(&bind) || bind.starts_with("127.") => {
                loopback.contains(&name.as_str())
            }
            _ => false,
        }
    }

    /// The files of the last good build.
    pub fn files(&self) -> Arc<ServedFiles> {
        self.files.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The message that shows the current build error, if the site is broken.
    pub fn error_message(&self) -> Option<String> {
        let error = self.error.read().unwrap_or_else(|e| e.into_inner());
        error
            .as_ref()
            .map(|e| serde_json::json!({"type": "error", "message": e}).to_string())
    }

    /// The message that shows the last good build's warnings, if it had any.
    pub fn warnings_message(&self) -> Option<String> {
        let warnings = self.warnings.read().unwrap_or_else(|e| e.into_inner());
        (!warnings.is_empty())
            .then(|| serde_json::json!({"type": "warnings", "messages": *warnings}).to_string())
    }

    /// Takes a build's outcome: a good build is served and pages reload (or
    /// swap `css` stylesheets); a failed one keeps the last good build and pages
    /// show the error. `changed` are the files that changed.
    pub fn publish(
        &self,
        result: Result<rebuild::Built, String>,
        changed: &[PathBuf],
        navigate: bool,
    ) {
        let message = match result {
            Ok(built) => {
                *self.error.write().unwrap_or_else(|e| e.into_inner()) = None;
                *self.warnings.write().unwrap_or_else(|e| e.into_inner()) =
                    built.warnings.iter().map(|w| w.to_string()).collect();
                *self.files.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(built.files);
                let css: Vec<String> = changed.iter().filter_map(|p| css_output_path(p)).collect();
                let message = if !changed.is_empty() && css.len() == changed.len() {
                    serde_json::json!({"type": "css", "paths": css})
                } else {
                    let path = navigate
                        .then(|| changed.iter().find_map(|c| built.pages.get(c)))
                        .flatten();
                    serde_json::json!({"type": "reload", "path": path})
                };
                *self.pages.write().unwrap_or_else(|e| e.into_inner()) = built.pages;
                message
            }
            Err(error) => {
                *self.error.write().unwrap_or_else(|e| e.into_inner()) = Some(error.clone());
                serde_json::json!({"type": "error", "message": error})
            }
        };
        // No page open is not an error.
        let _ = self.news.send(message.to_string());
    }
}

/// The output path of a changed stylesheet of a `static/` folder.
fn css_output_path(path: &std::path::Path) -> Option<String> {
    if path.extension()? != "css" {
        return None;
    }
    let text = path.to_string_lossy().replace('\\', "/");
    text.split_once("/static/")
        .map(|(_, rest)| rest.to_string())
}

/// The baseURL the served site is built with: this server's address, with the
/// path of the configured baseURL kept.
fn served_base_url(host: &str, port: u16, base_path: &str) -> String {
    format!("http://{host}:{port}{base_path}/")
}

/// Runs the server until Ctrl+C. Returns the process exit code.
pub fn run(options: ServeOptions) -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the server: {e}");
            return 1;
        }
    };
    runtime.block_on(serve(options))
}

async fn serve(options: ServeOptions) -> i32 {
    let config = match Config::load(&options.source, &options.overrides) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let base_path = config.base_path().to_string();
    let listener = match bind(&options.bind, options.port).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot listen on {}: {e}", options.bind);
            return 1;
        }
    };
    let port = listener
        .local_addr()
        .map(|a| a.port())
        .unwrap_or(options.port);
    let host = if options.bind == "0.0.0.0" || options.bind == "::" {
        "localhost".to_string()
    } else {
        options.bind.clone()
    };
    let mut overrides = options.overrides.clone();
    overrides.base_url = Some(served_base_url(&host, port, &base_path));
    // Watched paths come absolute: so are the paths pages are known by.
    let source = options
        .source
        .canonicalize()
        .unwrap_or_else(|_| options.source.clone());
    let mut rebuilder = Rebuilder::new(source, overrides);
    rebuilder.minify = options.minify;
    rebuilder.fast_render = options.fast_render;
    rebuilder.show_warnings = options.show_warnings;
    let state = Arc::new(State::new(
        base_path.clone(),
        options.bind.clone(),
        options.live_reload,
    ));

    let start = std::time::Instant::now();
    let first = rebuilder.build();
    match &first {
        Ok(built) => {
            for w in built.warnings.iter().filter(|_| options.show_warnings) {
                eprintln!("warning: {w}");
            }
            println!("Built in {} ms", start.elapsed().as_millis());
        }
        Err(e) => eprintln!("error: {e}"),
    }
    state.publish(first, &[], false);

    let _watcher = match watch::start(rebuilder, state.clone(), options.navigate_to_changed) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot watch {}: {e}", options.source.display());
            return 1;
        }
    };
    println!(
        "Web Server is available at {} (bind address {})",
        served_base_url(&host, port, &base_path),
        options.bind
    );
    println!("Press Ctrl+C to stop");
    let app = http::router(state);
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    match axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

/// Listens on `port`, or on a free port when that one is taken (and says so).
async fn bind(address: &str, port: u16) -> std::io::Result<tokio::net::TcpListener> {
    match tokio::net::TcpListener::bind((address, port)).await {
        Ok(l) => Ok(l),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            let l = tokio::net::TcpListener::bind((address, 0)).await?;
            let free = l.local_addr()?.port();
            println!("Port {port} is in use; serving on port {free} instead");
            Ok(l)
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::State;

    #[test]
    fn hosts_answered_by_bind_address() {
        let local = State::new(String::new(), "127.0.0.1".into(), true);
        for host in [
            "127.0.0.1:1313",
            "localhost:1313",
            "LOCALHOST",
            "[::1]:1313",
        ] {
            assert!(local.answers_host(host), "{host}");
        }
        for host in ["evil.example", "evil.example:1313", "192.168.1.5:1313", ""] {
            assert!(!local.answers_host(host), "{host}");
        }
        let lan = State::new(String::new(), "192.168.1.5".into(), true);
        assert!(lan.answers_host("192.168.1.5:1313"));
        assert!(!lan.answers_host("localhost:1313"));
        let everywhere = State::new(String::new(), "0.0.0.0".into(), true);
        assert!(everywhere.answers_host("my-laptop.lan:1313"));
    }
}
