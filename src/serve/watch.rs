//! Watches the site folder (content, static files, layouts, themes, i18n, data,
//! assets and the config) and rebuilds after a change. Events are coalesced: an
//! editor's save, however many events it makes, is one rebuild.

use super::State;
use super::rebuild::Rebuilder;
use notify::{EventKind, RecursiveMode, Watcher};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Events closer together than this are one change.
const SETTLE: Duration = Duration::from_millis(30);

/// Folders of the site that are not its sources.
const NOT_SOURCES: &[&str] = &["public", "resources", "node_modules", "target"];

/// Whether a changed path is one of the site's sources (not output, version
/// control or an editor's swap file).
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components().filter_map(|c| match c {
        Component::Normal(s) => s.to_str(),
        _ => None,
    });
    let Some(first) = parts.next() else {
        return false;
    };
    if NOT_SOURCES.contains(&first) {
        return false;
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let hidden = rel.components().any(
        |c| matches!(c, Component::Normal(s) if s.to_str().is_some_and(|s| s.starts_with('.'))),
    );
    !hidden
        && !name.ends_with('~')
        && !name.ends_with(".swp")
        && !name.ends_with(".swx")
        && !name.ends_with(".tmp")
        && !name.starts_with(".#")
}

/// The changed paths of one change: the first event, then every event until
/// none came for [`SETTLE`]. `None` when the watcher is gone.
fn next_change(events: &Receiver<PathBuf>) -> Option<Vec<PathBuf>> {
    let mut changed = vec![events.recv().ok()?];
    loop {
        match events.recv_timeout(SETTLE) {
            Ok(path) => changed.push(path),
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    changed.sort();
    changed.dedup();
    Some(changed)
}

/// Starts watching; rebuilds run on a thread of their own. Keep the returned
/// watcher alive as long as the server runs.
pub fn start(
    mut rebuilder: Rebuilder,
    state: Arc<State>,
    navigate: bool,
) -> notify::Result<notify::RecommendedWatcher> {
    let root = rebuilder
        .source
        .canonicalize()
        .unwrap_or_else(|_| rebuilder.source.clone());
    let (tx, rx) = std::sync::mpsc::channel::<PathBuf>();
    let filter_root = root.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        // Reading files (as a build does) is not a change.
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            if is_source(&filter_root, &path) {
                let _ = tx.send(path);
            }
        }
    })?;
    watcher.watch(&root, RecursiveMode::Recursive)?;
    std::thread::spawn(move || {
        while let Some(changed) = next_change(&rx) {
            let start = Instant::now();
            // A panic fails this rebuild alone: the server keeps the last good
            // build and rebuilds again at the next edit.
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                rebuilder.rebuild(&changed)
            }))
            .unwrap_or_else(|_| {
                rebuilder.forget();
                Err("labsite failed while rebuilding (a bug in labsite: please report it); the last good build is served, and the next edit rebuilds".into())
            });
            match &result {
                Ok(built) => {
                    for w in built.warnings.iter().filter(|_| rebuilder.show_warnings) {
                        eprintln!("warning: {w}");
                    }
                    println!(
                        "Change in {} file(s): rebuilt in {} ms",
                        changed.len(),
                        start.elapsed().as_millis()
                    )
                }
                Err(e) => eprintln!("error: {e}"),
            }
            state.publish(result, &changed, navigate);
        }
    });
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_and_the_rest() {
        let root = Path::new("/site");
        assert!(is_source(root, Path::new("/site/content/a.md")));
        assert!(is_source(root, Path::new("/site/config.toml")));
        assert!(is_source(root, Path::new("/site/static/css/x.css")));
        assert!(!is_source(root, Path::new("/site/public/index.html")));
        assert!(!is_source(root, Path::new("/site/.git/index")));
        assert!(!is_source(root, Path::new("/site/content/.a.md.swp")));
        assert!(!is_source(root, Path::new("/site/content/a.md~")));
        assert!(!is_source(root, Path::new("/elsewhere/a.md")));
    }
}
