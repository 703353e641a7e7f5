//! A build on its way to its destination: written into a staging folder beside
//! it and swapped in only when the whole build succeeded, so a failed build
//! leaves the previous output as it was. Over a previous output, only the files
//! that changed are staged, then moved into place: a file the previous output
//! holds byte for byte is left as it is, as making a new file costs far more
//! than reading an old one.

use super::writers::{Job, Source, Writers};
use super::{OutputSink, check_path};
use crate::error::{Error, Result};
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

/// A build on its way to `destination`, staged in a sibling folder: the whole build
/// (a first one), or the files that changed.
#[derive(Debug)]
pub struct DiskOutput {
    destination: PathBuf,
    staging: PathBuf,
    written: BTreeSet<String>,
    /// Folders of the staging folder made so far.
    folders: HashSet<PathBuf>,
    writers: Writers,
    committed: bool,
    /// Minify the HTML pages written (`--minify`).
    minify: bool,
    /// The destination holds a previous output.
    has_previous: bool,
    /// The files the previous labsite build wrote there (its manifest).
    previous_files: BTreeSet<String>,
}

/// The list of the files a build wrote, kept in its output: the next build's
/// `--cleanDestinationDir` removes only files listed there.
pub const MANIFEST: &str = ".labsite-manifest";

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
        if let Some(file) = parent.ancestors().find(|a| a.is_file()) {
            return Err(Error::file(
                destination,
                format!(
                    "cannot make the output folder: {} is a file (remove it or choose another output with -d)",
                    file.strip_prefix(".").unwrap_or(file).display()
                ),
            ));
        }
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
            folders: HashSet::new(),
            writers: Writers::start(),
            committed: false,
            minify: false,
            has_previous: destination.is_dir(),
            previous_files: std::fs::read_to_string(destination.join(MANIFEST))
                .map(|list| list.lines().map(String::from).collect())
                .unwrap_or_default(),
        })
    }

    /// Hands file `path` to the writers.
    fn queue(&mut self, path: &str, from: Source) -> Result<()> {
        check_path(path)?;
        let to = self.staging.join(path);
        // A folder is made before the first file in it; files of one folder may be
        // written by several threads, and making a folder twice is harmless.
        let folder = to
            .parent()
            .filter(|dir| !self.folders.contains(*dir))
            .map(Path::to_path_buf);
        if let Some(f) = &folder {
            self.folders.insert(f.clone());
        }
        let replaces = !self.written.insert(path.to_string());
        let minify = self.minify && path.ends_with(".html");
        // Whether the previous output has the file is the writer thread's to find out.
        let previous = self.has_previous.then(|| self.destination.join(path));
        self.writers.send(Job {
            folder,
            to,
            from,
            previous,
            minify,
            replaces,
        })
    }

    /// From now on, HTML pages are minified as they are written.
    pub fn minify_html(&mut self) {
        self.minify = true;
    }

    /// Puts the staged build in place. A first build's staging folder becomes the
    /// destination. Over a previous output only the files that changed were staged:
    /// each is moved into place, and the files this build did not write are kept,
    /// as Hugo keeps them, unless `clean`.
    pub fn commit(mut self, clean: bool) -> Result<()> {
        // What labsite made: this build's files, and unless they are cleaned
        // away, those of earlier builds still there.
        let mut made: BTreeSet<&str> = self.written.iter().map(String::as_str).collect();
        if !clean {
            made.extend(
                self.previous_files
                    .iter()
                    .filter(|f| *f != MANIFEST && self.destination.join(f).is_file())
                    .map(String::as_str),
            );
        }
        let mut list: String = made.iter().map(|f| format!("{f}\n")).collect();
        list.push_str(MANIFEST);
        list.push('\n');
        self.queue(MANIFEST, Source::Bytes(list.into_bytes().into()))?;
        self.writers.finish()?;
        if !self.has_previous {
            std::fs::rename(&self.staging, &self.destination)
                .map_err(|e| Error::io(&self.destination, e))?;
            self.committed = true;
            return Ok(());
        }
        let staged: Vec<PathBuf> = walkdir::WalkDir::new(&self.staging)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        for from in staged {
            let rel = from.strip_prefix(&self.staging).unwrap_or(&from);
            let to = self.destination.join(rel);
            make_folders(&self.destination, rel)?;
            if std::fs::symlink_metadata(&to).is_ok_and(|m| m.is_dir()) {
                std::fs::remove_dir_all(&to).map_err(|e| Error::io(&to, e))?;
            }
            std::fs::rename(&from, &to).map_err(|e| Error::io(&to, e))?;
        }
        if clean {
            self.remove_unwritten()?;
        }
        self.committed = true;
        let _ = std::fs::remove_dir_all(&self.staging);
        Ok(())
    }

    /// Removes the files of the destination that the previous labsite build
    /// wrote and this one did not (`--cleanDestinationDir`), then the folders
    /// left empty. What no labsite build wrote stays (Hugo would remove it; a
    /// destination may hold an author's own files), and so do `.git` and its kin.
    fn remove_unwritten(&self) -> Result<()> {
        let kept = |rel: &Path| {
            rel.components()
                .next()
                .is_some_and(|top| ALWAYS_KEPT.iter().any(|k| top.as_os_str() == *k))
        };
        for entry in walkdir::WalkDir::new(&self.destination)
            .contents_first(true)
            .min_depth(1)
            .into_iter()
            .filter_map(|e| e.ok())
        {
            let rel = entry
                .path()
                .strip_prefix(&self.destination)
                .unwrap_or(entry.path());
            if kept(rel) {
                continue;
            }
            let rel = rel.to_string_lossy().replace('\\', "/");
            if entry.file_type().is_dir() {
                // Fails, as it should, for a folder that still holds files.
                let _ = std::fs::remove_dir(entry.path());
            } else if self.previous_files.contains(&rel) && !self.written.contains(&rel) {
                std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
            }
        }
        Ok(())
    }
}

/// Makes the folders of `rel` under `root`, replacing whatever stands in their
/// place (a file, or a link that could lead out of the output).
fn make_folders(root: &Path, rel: &Path) -> Result<()> {
    let mut dir = root.to_path_buf();
    let folders: Vec<_> = rel
        .parent()
        .map(|p| p.components().collect())
        .unwrap_or_default();
    for part in folders {
        dir.push(part);
        match std::fs::symlink_metadata(&dir) {
            Ok(m) if m.is_dir() => continue,
            Ok(_) => std::fs::remove_file(&dir).map_err(|e| Error::io(&dir, e))?,
            Err(_) => {}
        }
        std::fs::create_dir(&dir).map_err(|e| Error::io(&dir, e))?;
    }
    Ok(())
}

impl Drop for DiskOutput {
    fn drop(&mut self) {
        if !self.committed {
            let _ = self.writers.finish();
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

impl OutputSink for DiskOutput {
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        self.queue(path, Source::Bytes(bytes.to_vec().into()))
    }

    fn write_owned(&mut self, path: &str, bytes: Vec<u8>) -> Result<()> {
        self.queue(path, Source::Bytes(bytes.into()))
    }

    fn write_static(&mut self, path: &str, bytes: &'static [u8]) -> Result<()> {
        self.queue(path, Source::Bytes(bytes.into()))
    }

    fn copy(&mut self, path: &str, from: &Path) -> Result<()> {
        self.queue(path, Source::File(from.to_path_buf()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::writers::BLOCK;

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
    fn commit_keeps_stale_files_unless_clean_and_never_removes_what_it_did_not_write() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("public");
        std::fs::create_dir_all(dest.join(".git")).unwrap();
        std::fs::write(dest.join("mine.html"), "m").unwrap();
        std::fs::write(dest.join(".git/HEAD"), "h").unwrap();
        let mut out = DiskOutput::begin(&dest).unwrap();
        out.write("index.html", b"i").unwrap();
        out.write("stale.html", b"s").unwrap();
        out.commit(false).unwrap();
        assert_eq!(
            std::fs::read_to_string(dest.join(MANIFEST)).unwrap(),
            "index.html\nstale.html\n.labsite-manifest\n"
        );

        let mut out = DiskOutput::begin(&dest).unwrap();
        out.write("index.html", b"i").unwrap();
        out.commit(false).unwrap();
        assert!(dest.join("stale.html").exists() && dest.join("index.html").exists());

        let mut out = DiskOutput::begin(&dest).unwrap();
        out.write("index.html", b"i").unwrap();
        out.commit(true).unwrap();
        assert!(
            !dest.join("stale.html").exists(),
            "a previous build wrote it"
        );
        assert!(dest.join("mine.html").exists(), "no labsite build wrote it");
        assert!(dest.join(".git/HEAD").exists());
        assert!(dest.join("index.html").exists());
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_are_left_in_place() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("public");
        let source = dir.path().join("logo.png");
        std::fs::write(&source, "png").unwrap();
        let inode = |rel: &str| std::fs::metadata(dest.join(rel)).unwrap().ino();

        let mut out = DiskOutput::begin(&dest).unwrap();
        out.write("same.html", b"same").unwrap();
        out.write("changed.html", b"old").unwrap();
        out.copy("logo.png", &source).unwrap();
        out.commit(false).unwrap();
        let before = (inode("same.html"), inode("changed.html"), inode("logo.png"));

        let mut out = DiskOutput::begin(&dest).unwrap();
        out.write("same.html", b"same").unwrap();
        out.write("changed.html", b"new").unwrap();
        out.copy("logo.png", &source).unwrap();
        out.commit(false).unwrap();
        assert_eq!(inode("same.html"), before.0);
        assert_eq!(inode("logo.png"), before.2);
        assert_ne!(inode("changed.html"), before.1);
        assert_eq!(
            std::fs::read_to_string(dest.join("changed.html")).unwrap(),
            "new"
        );
        // The copy is never the source file itself.
        assert_ne!(inode("logo.png"), std::fs::metadata(&source).unwrap().ino());

        // Files larger than a compared block: the same bytes stay, one byte
        // changed in the last block (same size) is written.
        let big: &'static [u8] = Box::leak(vec![b'a'; 3 * BLOCK + 17].into_boxed_slice());
        let mut changed = big.to_vec();
        *changed.last_mut().unwrap() = b'b';
        let mut out = DiskOutput::begin(&dest).unwrap();
        out.write_static("big.js", big).unwrap();
        out.write("big.html", big).unwrap();
        out.commit(false).unwrap();
        let before = (inode("big.js"), inode("big.html"));
        let mut out = DiskOutput::begin(&dest).unwrap();
        out.write_static("big.js", big).unwrap();
        out.write_owned("big.html", changed.clone()).unwrap();
        out.commit(false).unwrap();
        assert_eq!(inode("big.js"), before.0);
        assert_ne!(inode("big.html"), before.1);
        assert_eq!(std::fs::read(dest.join("big.html")).unwrap(), changed);
    }

    #[cfg(unix)]
    #[test]
    fn a_rebuild_replaces_what_stands_in_the_way_and_never_writes_outside() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("public");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(&outside).unwrap();
        let mut first = DiskOutput::begin(&dest).unwrap();
        first.write("old/deep/page.html", b"old").unwrap();
        first.commit(false).unwrap();
        std::fs::write(dest.join("was-a-file"), "file").unwrap();
        std::os::unix::fs::symlink(&outside, dest.join("link")).unwrap();

        let mut out = DiskOutput::begin(&dest).unwrap();
        out.write("was-a-file/index.html", b"now a folder").unwrap();
        out.write("link/index.html", b"inside").unwrap();
        out.commit(true).unwrap();
        assert_eq!(
            std::fs::read_to_string(dest.join("was-a-file/index.html")).unwrap(),
            "now a folder"
        );
        assert!(
            std::fs::symlink_metadata(dest.join("link"))
                .unwrap()
                .is_dir()
        );
        assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
        // Clean: the stale page and the folders it leaves empty are gone.
        assert!(!dest.join("old").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(leftovers.len(), 2, "{leftovers:?}");
    }
}
