//! A build on its way to its destination: the whole new output made in a
//! staging folder beside the destination (on its file system, through a link
//! to another one too), then exchanged with it in one atomic step, only when
//! the whole build succeeded: readers see the old output or the new, never a
//! mix, and a failed or killed build leaves the previous output as it was.
//! Over a previous output, a file it holds byte for byte is hard-linked into
//! the staging folder rather than written again (making a new file costs far
//! more than reading an old one), and the files this build does not make are
//! carried over, as Hugo keeps them, unless cleaned.

use super::writers::{Job, Source, Writers};
use super::{OutputSink, check_path};
use crate::error::{Error, Result};
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

/// A build on its way to `destination`, staged in a sibling folder: the whole build
/// (a first one), or the files that changed.
#[derive(Debug)]
pub struct DiskOutput {
    /// The destination's real folder (where a link given as `-d` leads).
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
        let real = real_folder(destination);
        super::swap::remove_leftovers(&real);
        let staging = super::swap::staging_folder(&real);
        super::swap::claim_staging(&real, &staging).map_err(|e| Error::io(&staging, e))?;
        Ok(DiskOutput {
            has_previous: real.is_dir(),
            previous_files: std::fs::read_to_string(real.join(MANIFEST))
                .map(|list| list.lines().map(String::from).collect())
                .unwrap_or_default(),
            destination: real,
            staging,
            written: BTreeSet::new(),
            folders: HashSet::new(),
            writers: Writers::start(),
            committed: false,
            minify: false,
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

    /// Puts the staged build in place: the files of the previous output this
    /// build did not write are carried over (unless `clean` and a previous
    /// labsite build wrote them), then the staging folder takes the
    /// destination's place in one step.
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
        let carried = if self.has_previous {
            self.carry_over(clean)?
        } else {
            HashSet::new()
        };
        self.prune(&carried);
        super::swap::exchange(&self.staging, &self.destination)?;
        self.committed = true;
        Ok(())
    }

    /// Links into the staging folder the files of the previous output that
    /// this build did not write: an author's own files and `.git` always, the
    /// files of earlier labsite builds unless `clean`. A path where this build
    /// made a file or a folder is the build's. Returns the paths carried.
    fn carry_over(&self, clean: bool) -> Result<HashSet<String>> {
        let always_kept = |rel: &str| {
            let top = rel.split('/').next().unwrap_or(rel);
            ALWAYS_KEPT.contains(&top)
        };
        let mut carried: HashSet<String> = HashSet::new();
        for (rel_text, path) in files_under(&self.destination) {
            let rel = Path::new(&rel_text);
            if self.written.contains(&rel_text)
                || (clean && self.previous_files.contains(&rel_text) && !always_kept(&rel_text))
                || !self.is_free(&rel_text)
            {
                continue;
            }
            let to = self.staging.join(rel);
            carried.insert(rel_text.clone());
            if super::writers::same_file(&to, &path) {
                continue;
            }
            super::writers::clear(&to);
            if let Some(dir) = to.parent() {
                super::writers::make_folder(dir)?;
            }
            std::fs::hard_link(&path, &to)
                .or_else(|_| std::fs::copy(&path, &to).map(|_| ()))
                .map_err(|e| Error::io(&to, e))?;
        }
        Ok(carried)
    }

    /// Whether the path `rel` is free for a file carried over: this build
    /// wrote neither a file there or above it, nor files below it.
    fn is_free(&self, rel: &str) -> bool {
        let below = format!("{rel}/");
        let has_below = self
            .written
            .range(below.clone()..)
            .next()
            .is_some_and(|w| w.starts_with(&below));
        let above = Path::new(rel)
            .ancestors()
            .skip(1)
            .filter(|a| !a.as_os_str().is_empty())
            .any(|a| {
                self.written
                    .contains(&a.to_string_lossy().replace('\\', "/"))
            });
        !has_below && !above
    }

    /// Removes from the staging folder (it may be the spare, an older output)
    /// the files neither written by this build nor carried over, and the
    /// folders left empty.
    fn prune(&self, carried: &HashSet<String>) {
        let kept = |rel: &str| self.written.contains(rel) || carried.contains(rel);
        // The folders that hold a kept file: any other folder goes whole.
        let mut kept_folders: HashSet<&str> = HashSet::new();
        for rel in self.written.iter().chain(carried) {
            let mut rest = rel.as_str();
            while let Some((folder, _)) = rest.rsplit_once('/') {
                if !kept_folders.insert(folder) {
                    break;
                }
                rest = folder;
            }
        }
        let prune_under = |top: &Path| {
            let mut walk = walkdir::WalkDir::new(top).into_iter();
            while let Some(entry) = walk.next() {
                let Ok(entry) = entry else { continue };
                let rel = relative(&self.staging, entry.path());
                if entry.file_type().is_dir() {
                    if !kept_folders.contains(rel.as_str()) {
                        let _ = std::fs::remove_dir_all(entry.path());
                        walk.skip_current_dir();
                    }
                } else if !kept(&rel) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        };
        use rayon::prelude::*;
        top_entries(&self.staging)
            .par_iter()
            .for_each(|top| prune_under(top));
    }
}

/// The entries of `dir` itself.
fn top_entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default()
}

/// `path` relative to `root`, `/`-separated.
fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Every file (and link) under `root`: its path relative to `root` and its
/// path; each top-level folder walked on its own thread.
fn files_under(root: &Path) -> Vec<(String, PathBuf)> {
    use rayon::prelude::*;
    let mut files: Vec<(String, PathBuf)> = top_entries(root)
        .par_iter()
        .flat_map_iter(|top| {
            walkdir::WalkDir::new(top)
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| !e.file_type().is_dir())
                .map(|e| (relative(root, e.path()), e.into_path()))
                .collect::<Vec<_>>()
        })
        .collect();
    files.sort();
    files
}

/// The folder `destination` names: itself, or where a symbolic link given as
/// the destination leads (the new output goes there, on that file system).
fn real_folder(destination: &Path) -> PathBuf {
    match std::fs::read_link(destination) {
        Ok(target) => {
            let target = match destination.parent() {
                Some(parent) if target.is_relative() => parent.join(target),
                _ => target,
            };
            std::fs::canonicalize(&target).unwrap_or(target)
        }
        Err(_) => destination.to_path_buf(),
    }
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
        let mut beside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        beside.sort();
        // The output replaced last is kept as the next build's spare.
        assert_eq!(beside, [".public.labsite-spare", "outside", "public"]);
    }
}
