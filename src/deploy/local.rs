//! The files a deploy publishes: every regular file of the built site that the
//! target covers, each with the bytes it is uploaded as (gzipped when its
//! matcher says so), their MD5 (what the bucket's ETag is compared with) and
//! the headers it is stored with. Links are not followed: nothing outside the
//! published folder goes up, nor labsite's manifest of the files it wrote.

use super::settings::{Deployment, Target};
use crate::error::{Error, Result};
use md5::{Digest, Md5};
use std::io::Write;
use std::path::{Path, PathBuf};

/// One file to publish.
#[derive(Debug, Clone)]
pub struct LocalFile {
    /// Its name in the bucket (slash path from the published folder's root).
    pub key: String,
    pub path: PathBuf,
    /// Size of the bytes uploaded (after gzip).
    pub size: u64,
    pub md5: [u8; 16],
    pub content_type: String,
    pub cache_control: Option<String>,
    pub content_encoding: Option<String>,
    pub gzip: bool,
    /// Its matcher asks for an upload every time.
    pub force: bool,
}

impl LocalFile {
    /// The bytes to upload: the file, gzipped when its matcher says so.
    pub fn upload_bytes(&self) -> Result<Vec<u8>> {
        let bytes = std::fs::read(&self.path).map_err(|e| Error::io(&self.path, e))?;
        if self.gzip { gzip(&bytes) } else { Ok(bytes) }
    }
}

/// Gzip with a fixed header (no name, no time), so the same file always gives
/// the same bytes and the same MD5.
fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map_err(|e| Error::file("gzip", e.to_string()))
}

/// The files under `root` that `target` covers, sorted by key.
pub fn files(root: &Path, deployment: &Deployment, target: &Target) -> Result<Vec<LocalFile>> {
    if !root.is_dir() {
        return Err(Error::file(
            root,
            "nothing to deploy: this folder does not exist; run `labsite build` first",
        ));
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::file(root, e.to_string()))?;
        // labsite's own list of the files it wrote is not part of the site.
        let own = entry.depth() == 1 && entry.file_name() == crate::output::MANIFEST;
        if !entry.file_type().is_file() || entry.file_name() == ".DS_Store" || own {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(root) else {
            continue;
        };
        let slash_path: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let key = slash_path.join("/");
        if !target.covers(&key) {
            continue;
        }
        let matcher = deployment.matcher_for(&key);
        let gzip_it = matcher.is_some_and(|m| m.gzip);
        let mut file = LocalFile {
            key,
            path: entry.path().to_path_buf(),
            size: 0,
            md5: [0; 16],
            content_type: matcher
                .and_then(|m| m.content_type.clone())
                .unwrap_or_else(|| content_type(entry.path())),
            cache_control: matcher.and_then(|m| m.cache_control.clone()),
            content_encoding: matcher
                .and_then(|m| m.content_encoding.clone())
                .or_else(|| gzip_it.then(|| "gzip".to_string())),
            gzip: gzip_it,
            force: matcher.is_some_and(|m| m.force),
        };
        let bytes = file.upload_bytes()?;
        file.size = bytes.len() as u64;
        file.md5 = Md5::digest(&bytes).into();
        files.push(file);
    }
    Ok(files)
}

/// The Content-Type of a file by its extension, text types in UTF-8 (as
/// Hugo's deploy sets them), `application/octet-stream` when unknown.
fn content_type(path: &Path) -> String {
    match mime_guess::from_path(path).first() {
        Some(mime) if mime.type_() == mime_guess::mime::TEXT => {
            format!("{}; charset=utf-8", mime.essence_str())
        }
        Some(mime) if mime.essence_str() == "application/javascript" => {
            "text/javascript; charset=utf-8".to_string()
        }
        Some(mime) => mime.essence_str().to_string(),
        None => "application/octet-stream".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(
            content_type(Path::new("a/index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("a.css")), "text/css; charset=utf-8");
        assert_eq!(
            content_type(Path::new("a.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("a.png")), "image/png");
        assert_eq!(content_type(Path::new("a.svg")), "image/svg+xml");
        assert_eq!(
            content_type(Path::new("LICENSE")),
            "application/octet-stream"
        );
    }

    #[test]
    fn gzip_is_the_same_bytes_every_time() {
        let a = gzip(b"hello hello hello").unwrap();
        assert_eq!(a, gzip(b"hello hello hello").unwrap());
        assert_eq!(&a[..2], &[0x1f, 0x8b]);
    }
}
