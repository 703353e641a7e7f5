//! The dev server's HTTP side (axum): the last good build's files, with the
//! live-reload script added to HTML pages as they are sent (never to the files a
//! build writes), and the live-reload websocket, for same-origin pages only.

use super::State;
use super::files::Found;
use axum::Router;
use axum::body::Body;
use axum::extract::State as Shared;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::sync::Arc;

const SCRIPT_PATH: &str = "/__labsite/livereload.js";
const SOCKET_PATH: &str = "/__labsite/ws";
const SCRIPT: &str = include_str!("livereload.js");

/// The server's routes.
pub fn router(state: Arc<State>) -> Router {
    let mut router = Router::new();
    if state.live_reload {
        router = router
            .route(SCRIPT_PATH, get(script))
            .route(SOCKET_PATH, get(socket));
    }
    router
        .fallback(get(file))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            own_host_only,
        ))
        .with_state(state)
}

/// Refuses a request whose `Host` is not the server's own (its bind address,
/// or `localhost` and the loopback addresses when it listens there): a page of
/// another site that points its name at 127.0.0.1 (DNS rebinding) reads
/// nothing. A server bound to every interface (`--bind 0.0.0.0`) answers any
/// host, as asked.
async fn own_host_only(
    Shared(state): Shared<Arc<State>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    if state.answers_host(host) {
        next.run(request).await
    } else {
        (
            StatusCode::FORBIDDEN,
            format!("labsite serve answers only its own address, not {host:?} (open the URL it printed, or start it with --bind to listen on another)"),
        )
            .into_response()
    }
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

/// The media type of an output file, by its extension.
fn media_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "yaml" | "yml" => "application/yaml",
        _ => "application/octet-stream",
    }
}

/// An HTML page with the live-reload script before `</body>`.
fn with_script(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_PATH}\"></script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!(
            "{}{tag}\n{}",
            text.get(..i).unwrap_or_default(),
            text.get(i..).unwrap_or_default()
        )
        .into_bytes(),
        None => format!("{text}{tag}\n").into_bytes(),
    }
}

fn not_found(state: &State) -> Response {
    let files = state.files();
    let page = files
        .read("404.html")
        .map(|b| {
            if state.live_reload {
                with_script(&b)
            } else {
                b.to_vec()
            }
        })
        .unwrap_or_else(|| b"404 page not found".to_vec());
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

async fn file(Shared(state): Shared<Arc<State>>, uri: Uri) -> Response {
    let files = state.files();
    match files.find(&state.base_path, uri.path()) {
        Found::File(path) => {
            let Some(bytes) = files.read(&path) else {
                return not_found(&state);
            };
            let media = media_type(&path);
            let body = if state.live_reload && media.starts_with("text/html") {
                with_script(&bytes)
            } else {
                bytes.to_vec()
            };
            let mut response = Response::new(Body::from(body));
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Found::Redirect(to) => match HeaderValue::from_str(&to) {
            Ok(location) => (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, location)],
            )
                .into_response(),
            Err(_) => not_found(&state),
        },
        Found::NotFound => not_found(&state),
    }
}

/// Whether the `Origin` of a websocket request is the page's own host.
fn same_origin(headers: &HeaderMap) -> bool {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
    match (host, origin) {
        (Some(host), Some(origin)) => {
            origin == format!("http://{host}") || origin == format!("https://{host}")
        }
        _ => false,
    }
}

async fn socket(
    Shared(state): Shared<Arc<State>>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if !same_origin(&headers) {
        return (StatusCode::FORBIDDEN, "cross-origin websocket refused").into_response();
    }
    upgrade.on_upgrade(move |ws| follow_builds(ws, state))
}

/// Sends the browser the current error (if any), then every build's news.
async fn follow_builds(mut ws: WebSocket, state: Arc<State>) {
    let mut news = state.news.subscribe();
    for message in [state.error_message(), state.warnings_message()]
        .into_iter()
        .flatten()
    {
        if ws.send(Message::Text(message.into())).await.is_err() {
            return;
        }
    }
    loop {
        tokio::select! {
            item = news.recv() => match item {
                Ok(message) => {
                    if ws.send(Message::Text(message.into())).await.is_err() {
                        return;
                    }
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(_) => return,
            },
            incoming = ws.recv() => match incoming {
                Some(Ok(_)) => {}
                _ => return,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_body_end() {
        assert_eq!(
            String::from_utf8(with_script(b"<html><body><p>x</p></body></html>")).unwrap(),
            "<html><body><p>x</p><script src=\"/__labsite/livereload.js\"></script>\n</body></html>"
        );
    }

    #[test]
    fn websockets_only_from_the_same_origin() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:1313"));
        assert!(!same_origin(&h));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example"),
        );
        assert!(!same_origin(&h));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:1313"),
        );
        assert!(same_origin(&h));
    }
}
