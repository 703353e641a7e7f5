//! Where a build's files go, addressed by `/`-separated relative paths:
//! [`DiskOutput`] stages a build beside its destination and puts it in place
//! only when the whole build succeeded ([`disk`]), its files written by a few
//! threads while the build goes on ([`writers`]); [`MemoryOutput`] keeps files
//! in memory.

mod disk;
mod swap;
mod writers;

pub use disk::{DiskOutput, MANIFEST};

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::{Component, Path};

/// A destination for built files, addressed by `/`-separated relative paths.
pub trait OutputSink: Send {
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<()>;
    /// Writes bytes the caller gives away (a rendered page): no copy is made.
    fn write_owned(&mut self, path: &str, bytes: Vec<u8>) -> Result<()> {
        self.write(path, &bytes)
    }
    /// Writes bytes that live as long as the program (the embedded theme's files).
    fn write_static(&mut self, path: &str, bytes: &'static [u8]) -> Result<()> {
        self.write(path, bytes)
    }
    /// Copies a file from disk.
    fn copy(&mut self, path: &str, from: &Path) -> Result<()>;
}

/// An output that several threads write to at once (pages as they render,
/// feeds beside them), one file at a time.
pub struct SharedSink<'s>(std::sync::Mutex<&'s mut dyn OutputSink>);

impl<'s> SharedSink<'s> {
    pub fn new(sink: &'s mut dyn OutputSink) -> SharedSink<'s> {
        SharedSink(std::sync::Mutex::new(sink))
    }

    fn sink(&self) -> std::sync::MutexGuard<'_, &'s mut dyn OutputSink> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn write_owned(&self, path: &str, bytes: Vec<u8>) -> Result<()> {
        self.sink().write_owned(path, bytes)
    }
}

/// Refuses paths that are absolute or climb out of the output folder.
pub fn check_path(path: &str) -> Result<()> {
    let p = Path::new(path);
    let bad = path.is_empty()
        || p.components().any(|c| !matches!(c, Component::Normal(_)))
        || path.contains('\\');
    if bad {
        return Err(Error::file(
            path,
            "output path leaves the output folder (check `url`, `slug` and `aliases`)",
        ));
    }
    Ok(())
}

/// Files kept in memory (tests, the dev server).
#[derive(Debug, Default, Clone)]
pub struct MemoryOutput {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl OutputSink for MemoryOutput {
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        check_path(path)?;
        self.files.insert(path.to_string(), bytes.to_vec());
        Ok(())
    }

    fn write_owned(&mut self, path: &str, bytes: Vec<u8>) -> Result<()> {
        check_path(path)?;
        self.files.insert(path.to_string(), bytes);
        Ok(())
    }

    fn copy(&mut self, path: &str, from: &Path) -> Result<()> {
        let bytes = std::fs::read(from).map_err(|e| Error::io(from, e))?;
        self.write(path, &bytes)
    }
}
