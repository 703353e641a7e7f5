//! Where a build's files go. [`DiskOutput`] writes into a staging folder beside the
//! destination and swaps it in only when the whole build succeeded, so a failed build
//! leaves the previous output as it was; [`MemoryOutput`] keeps files in memory.

use crate::error::{Error, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

/// A destination for built files, addressed by `/`-separated relative paths.
pub trait OutputSink {
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<()>;
    /// Copies a file from disk.
    fn copy(&mut self, path: &str, from: &Path) -> Result<()>;
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

    fn copy(&mut self, path: &str, from: &Path) -> Result<()> {
        let bytes = std::fs::read(from).map_err(|e| Error::io(from, e))?;
        self.write(path, &bytes)
    }
}

/// A build on its way to `destination`, staged in a sibling folder.
#[derive(Debug)]
pub struct DiskOutput {
    destination: PathBuf,
    staging: PathBuf,
    written: BTreeSet<String>,
    committed: bool,
}

/// Files Hugo keeps in the destination even when it cleans it.
const ALWAYS_KEPT: [&str; 3] = [".git", ".gitignore", ".gitattributes"];

impl DiskOutput {
    /// Prepares a staging folder beside `destination`.
    pub fn begin(destination: &Path) -> Result<DiskOutput> {
        if destination.is_file() {
            return Err(Error::file(
                destination,
                "the output path is an existing file (remove it or choose another with -d)",
            ));
        }
        let parent = match destination.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let name = destination
            .file_name()
            .map_or("public".into(), |n| n.to_string_lossy().into_owned());
        let staging = parent.join(format!(".{name}.labsite-staging-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
        }
        std::fs::create_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
        Ok(DiskOutput {
            destination: destination.to_path_buf(),
            staging,
            written: BTreeSet::new(),
            committed: false,
        })
    }

    fn target(&mut self, path: &str) -> Result<PathBuf> {
        check_path(path)?;
        let target = self.staging.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        self.written.insert(path.to_string());
        Ok(target)
    }

    /// Swaps the staged build in. Unless `clean`, files of the previous output that
    /// this build did not write are kept, as Hugo keeps them.
    pub fn commit(mut self, clean: bool) -> Result<usize> {
        let mut carried = 0;
        if self.destination.is_dir() {
            for entry in walkdir::WalkDir::new(&self.destination)
                .into_iter()
                .filter_map(|e| e.ok())
            {
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(&self.destination)
                    .unwrap_or(entry.path());
                let rel_str = rel.to_string_lossy().replace('\\', "/");
                let top = rel_str.split('/').next().unwrap_or("");
                let keep = !clean || ALWAYS_KEPT.contains(&top);
                if !keep || self.written.contains(&rel_str) {
                    continue;
                }
                let target = self.staging.join(rel);
                if let Some(dir) = target.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                }
                if std::fs::hard_link(entry.path(), &target).is_err() {
                    std::fs::copy(entry.path(), &target).map_err(|e| Error::io(entry.path(), e))?;
                }
                carried += 1;
            }
            let old = self.staging.with_file_name(format!(
                ".{}.labsite-old-{}",
                self.destination
                    .file_name()
                    .map_or("public".into(), |n| n.to_string_lossy().into_owned()),
                std::process::id()
            ));
            std::fs::rename(&self.destination, &old)
                .map_err(|e| Error::io(&self.destination, e))?;
            if let Err(e) = std::fs::rename(&self.staging, &self.destination) {
                let _ = std::fs::rename(&old, &self.destination);
                return Err(Error::io(&self.destination, e));
            }
            let _ = std::fs::remove_dir_all(&old);
        } else {
            std::fs::rename(&self.staging, &self.destination)
                .map_err(|e| Error::io(&self.destination, e))?;
        }
        self.committed = true;
        Ok(carried)
    }
}

impl Drop for DiskOutput {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

impl OutputSink for DiskOutput {
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        let target = self.target(path)?;
        std::fs::write(&target, bytes).map_err(|e| Error::io(&target, e))
    }

    fn copy(&mut self, path: &str, from: &Path) -> Result<()> {
        let target = self.target(path)?;
        std::fs::copy(from, &target)
            .map(|_| ())
            .map_err(|e| Error::io(from, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_output() {
        assert!(check_path("a/b/index.html").is_ok());
        assert!(check_path("../etc/passwd").is_err());
        assert!(check_path("/etc/passwd").is_err());
        assert!(check_path("a/../../b").is_err());
    }

    #[test]
    fn failed_build_leaves_the_old_output() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("public");
        std::fs::create_dir_all(&dest).unwrap();
        std::fs::write(dest.join("old.html"), "old").unwrap();
        {
            let mut out = DiskOutput::begin(&dest).unwrap();
            out.write("new.html", b"new").unwrap();
            // dropped without commit
        }
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("public")]);
        assert_eq!(
            std::fs::read_to_string(dest.join("old.html")).unwrap(),
            "old"
        );
        assert!(!dest.join("new.html").exists());
    }

    #[test]
    fn commit_keeps_stale_files_unless_clean() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("public");
        std::fs::create_dir_all(dest.join(".git")).unwrap();
        std::fs::write(dest.join("stale.html"), "s").unwrap();
        std::fs::write(dest.join(".git/HEAD"), "h").unwrap();
        let mut out = DiskOutput::begin(&dest).unwrap();
        out.write("index.html", b"i").unwrap();
        out.commit(false).unwrap();
        assert!(dest.join("stale.html").exists() && dest.join("index.html").exists());

        let mut out = DiskOutput::begin(&dest).unwrap();
        out.write("index.html", b"i").unwrap();
        out.commit(true).unwrap();
        assert!(!dest.join("stale.html").exists());
        assert!(dest.join(".git/HEAD").exists());
    }
}
