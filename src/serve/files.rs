//! The dev server's output: the files of the last good build, kept in memory
//! (static files by the path they are copied from), and how a request path finds
//! one of them. Only paths a build wrote can be found, so nothing outside the
//! output is ever served.

use crate::error::Result;
use crate::output::{OutputSink, check_path};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One served file.
#[derive(Debug, Clone)]
pub enum Content {
    Bytes(Arc<Vec<u8>>),
    /// A file copied as it is (static files, bundle resources): read when served.
    File(PathBuf),
}

/// A build's files by output path (`a/b/index.html`).
#[derive(Debug, Clone, Default)]
pub struct ServedFiles {
    pub files: HashMap<String, Content>,
    /// Minify the HTML pages written (`--minify`).
    pub minify: bool,
}

impl OutputSink for ServedFiles {
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        self.write_owned(path, bytes.to_vec())
    }

    fn write_owned(&mut self, path: &str, bytes: Vec<u8>) -> Result<()> {
        check_path(path)?;
        let bytes = if self.minify && path.ends_with(".html") {
            crate::minify::html(&bytes)
        } else {
            bytes
        };
        self.files
            .insert(path.to_string(), Content::Bytes(Arc::new(bytes)));
        Ok(())
    }

    fn copy(&mut self, path: &str, from: &Path) -> Result<()> {
        check_path(path)?;
        self.files
            .insert(path.to_string(), Content::File(from.to_path_buf()));
        Ok(())
    }
}

/// What a request path leads to.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// The output file.
    File(String),
    /// A folder asked for without its final slash: redirect there.
    Redirect(String),
    NotFound,
}

/// Percent-decodes a URL path; `None` when it is not valid UTF-8 once decoded.
fn decode(path: &str) -> Option<String> {
    percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()
        .map(std::borrow::Cow::into_owned)
}

impl ServedFiles {
    /// Finds the file for request path `path` (percent-encoded, query removed)
    /// of a site served under `base_path` (`""` or `/docs`).
    pub fn find(&self, base_path: &str, path: &str) -> Found {
        let Some(decoded) = decode(path) else {
            return Found::NotFound;
        };
        let Some(rest) = decoded.strip_prefix(base_path) else {
            return Found::NotFound;
        };
        if !rest.is_empty() && !rest.starts_with('/') {
            return Found::NotFound;
        }
        let rel = rest.trim_start_matches('/');
        // Only plain relative names: no `..`, `.`, empty segments or backslashes.
        if rel
            .split('/')
            .enumerate()
            .any(|(i, s)| s == ".." || s == "." || (s.is_empty() && i + 1 < rel.split('/').count()))
            || rel.contains('\\')
            || rel.contains('\0')
        {
            return Found::NotFound;
        }
        if rel.is_empty() || rel.ends_with('/') {
            let index = format!("{rel}index.html");
            return if self.files.contains_key(&index) {
                Found::File(index)
            } else {
                Found::NotFound
            };
        }
        if self.files.contains_key(rel) {
            return Found::File(rel.to_string());
        }
        if self.files.contains_key(&format!("{rel}/index.html")) {
            // One leading slash: `//lab/` would name another host.
            return Found::Redirect(format!("/{}/", path.trim_start_matches('/')));
        }
        Found::NotFound
    }

    /// The bytes of output file `path`.
    pub fn read(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        match self.files.get(path)? {
            Content::Bytes(b) => Some(b.clone()),
            Content::File(from) => std::fs::read(from).ok().map(Arc::new),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> ServedFiles {
        let mut f = ServedFiles::default();
        for p in ["index.html", "a/index.html", "a/b.html", "css/x y.css"] {
            f.write(p, b"x").unwrap();
        }
        f
    }

    #[test]
    fn finds_pages_folders_and_encoded_names() {
        let f = files();
        assert_eq!(f.find("", "/"), Found::File("index.html".into()));
        assert_eq!(f.find("", "/a/"), Found::File("a/index.html".into()));
        assert_eq!(f.find("", "/a"), Found::Redirect("/a/".into()));
        assert_eq!(f.find("", "/a/b.html"), Found::File("a/b.html".into()));
        assert_eq!(
            f.find("", "/css/x%20y.css"),
            Found::File("css/x y.css".into())
        );
        assert_eq!(
            f.find("/docs", "/docs/a/"),
            Found::File("a/index.html".into())
        );
        assert_eq!(f.find("/docs", "/a/"), Found::NotFound);
        assert_eq!(f.find("/docs", "/docsa/"), Found::NotFound);
    }

    #[test]
    fn refuses_paths_out_of_the_output() {
        let f = files();
        for bad in [
            "/../etc/passwd",
            "/a/../index.html",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/a/%2E%2E/index.html",
            "/a/..%2Findex.html",
            "//etc/passwd",
            "/a\\..\\index.html",
            "/./index.html",
        ] {
            assert_eq!(f.find("", bad), Found::NotFound, "{bad}");
        }
    }
}
