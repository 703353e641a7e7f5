//! The threads that write a build's files, each with its own queue: disks
//! answer faster to several requests at once. A file that the previous output
//! holds byte for byte is not written again: the staging folder gets a hard
//! link to it.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// What a writer thread does: a file to write (from bytes or by copying one),
/// after making its folder when that is new.
pub(super) struct Job {
    pub(super) folder: Option<PathBuf>,
    pub(super) to: PathBuf,
    pub(super) from: Source,
    /// The same path in the previous output, if there is one.
    pub(super) previous: Option<PathBuf>,
    /// An HTML page of a `--minify` build.
    pub(super) minify: bool,
    /// This build wrote the path before (a page over a file of the content
    /// folder or of `static/`): written whatever the previous output holds, over
    /// the file staged before it.
    pub(super) replaces: bool,
}

pub(super) enum Source {
    Bytes(std::borrow::Cow<'static, [u8]>),
    File(PathBuf),
}

/// The threads that write files, each with its own queue, and the first error
/// one met. Files are handed over a batch at a time: waking a sleeping thread
/// for every file cost more than writing many of them.
pub(super) struct Writers {
    jobs: Vec<SyncSender<Vec<Job>>>,
    /// Each thread's files not handed over yet.
    pending: Vec<Vec<Job>>,
    threads: Vec<JoinHandle<()>>,
    error: Arc<Mutex<Option<Error>>>,
}

impl Job {
    fn put(&self) -> std::io::Result<()> {
        match &self.from {
            Source::Bytes(bytes) => std::fs::write(&self.to, bytes),
            Source::File(from) => std::fs::copy(from, &self.to).map(|_| ()),
        }
    }

    /// Links the previous output's file into the staging folder (a copy where
    /// the file system has no hard links).
    fn keep(&self, previous: &Path) -> std::io::Result<()> {
        std::fs::hard_link(previous, &self.to)
            .or_else(|_| std::fs::copy(previous, &self.to).map(|_| ()))
    }

    /// Whether `previous` is a plain file holding exactly what this job writes.
    fn same_as(&self, previous: &Path) -> bool {
        if !std::fs::symlink_metadata(previous).is_ok_and(|m| m.is_file()) {
            return false;
        }
        match &self.from {
            // Opened once (its size from the open file), then read a block at a
            // time when the sizes agree.
            Source::Bytes(bytes) => std::fs::File::open(previous).is_ok_and(|old| {
                old.metadata().map(|m| m.len()).ok() == Some(bytes.len() as u64)
                    && same_bytes(old, &mut &bytes[..])
            }),
            Source::File(from) => {
                let (Ok(mut new), Ok(old)) =
                    (std::fs::File::open(from), std::fs::File::open(previous))
                else {
                    return false;
                };
                let size = |f: &std::fs::File| f.metadata().map(|m| m.len()).ok();
                size(&new).is_some_and(|n| size(&old) == Some(n)) && same_bytes(old, &mut new)
            }
        }
    }

    fn run(mut self) -> Result<()> {
        if let (true, Source::Bytes(bytes)) = (self.minify, &self.from) {
            self.from = Source::Bytes(crate::minify::html(bytes).into());
        }
        let unchanged = match &self.previous {
            Some(previous) if !self.replaces && self.same_as(previous) => Some(previous),
            _ => None,
        };
        // The staging folder may be the spare (an older output): its file is
        // kept when it is the previous output's already, else it goes, never
        // written into, as it may be the live output's file too.
        if unchanged.is_some_and(|previous| same_file(&self.to, previous)) {
            return Ok(());
        }
        clear(&self.to);
        if let Some(f) = &self.folder {
            make_folder(f)?;
        }
        let write = || match unchanged {
            Some(previous) => self.keep(previous),
            None => self.put(),
        };
        match write() {
            // The folder is being made by the thread that has its first file.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = self.to.parent() {
                    make_folder(dir)?;
                }
                write()
            }
            other => other,
        }
        .map_err(|e| match &self.from {
            Source::File(from) if !from.exists() => Error::io(from, e),
            _ => Error::io(&self.to, e),
        })
    }
}

/// Removes what stands at `path` (a file, a link or a folder), if anything.
pub(super) fn clear(path: &Path) {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => {
            let _ = std::fs::remove_dir_all(path);
        }
        Ok(_) => {
            let _ = std::fs::remove_file(path);
        }
        Err(_) => {}
    }
}

/// Makes folder `dir` of the staging folder, removing a file that stands
/// where one of its folders goes (the spare may have had one there).
pub(super) fn make_folder(dir: &Path) -> Result<()> {
    for _ in 0..=dir.components().count() {
        match std::fs::create_dir_all(dir) {
            Ok(()) => return Ok(()),
            Err(e) => {
                let in_the_way = dir
                    .ancestors()
                    .find(|a| std::fs::symlink_metadata(a).is_ok_and(|m| !m.is_dir()));
                match in_the_way {
                    Some(file) => {
                        let _ = std::fs::remove_file(file);
                    }
                    None if dir.is_dir() => return Ok(()),
                    None => return Err(Error::io(dir, e)),
                }
            }
        }
    }
    Err(Error::io(
        dir,
        std::io::Error::other("cannot make the folder"),
    ))
}

/// Whether `a` and `b` are the same file (one linked to the other).
pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::symlink_metadata(a), std::fs::symlink_metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// How much of two files is compared at a time.
pub(super) const BLOCK: usize = 64 * 1024;

thread_local! {
    /// A writer thread's two blocks for comparing files, made once.
    static BLOCKS: std::cell::RefCell<(Vec<u8>, Vec<u8>)> =
        std::cell::RefCell::new((vec![0; BLOCK], vec![0; BLOCK]));
}

/// Whether two readers give the same bytes, read a block at a time.
fn same_bytes(mut a: impl std::io::Read, b: &mut impl std::io::Read) -> bool {
    BLOCKS.with_borrow_mut(|(block_a, block_b)| {
        loop {
            let n = match a.read(block_a) {
                Ok(n) => n,
                Err(_) => return false,
            };
            let (Some(wanted), Some(got)) = (block_a.get(..n), block_b.get_mut(..n)) else {
                return false;
            };
            if n == 0 {
                // The end of `a`: `b` must end too.
                return matches!(b.read(block_b), Ok(0));
            }
            if b.read_exact(got).is_err() || wanted != got {
                return false;
            }
        }
    })
}

impl std::fmt::Debug for Writers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writers")
            .field("threads", &self.threads.len())
            .field("pending", &self.pending.iter().map(Vec::len).sum::<usize>())
            .finish()
    }
}

/// Writer threads: a few, as the disk is the limit, not the processor.
const WRITERS: usize = 4;

/// Files handed to a writer thread at once.
const BATCH: usize = 16;

/// Files waiting for a writer at most: when the disk falls behind, rendering
/// waits rather than holding every page of a large site in memory.
const QUEUED: usize = 512;

impl Writers {
    pub(super) fn start() -> Writers {
        let error: Arc<Mutex<Option<Error>>> = Arc::new(Mutex::new(None));
        let (jobs, threads) = (0..WRITERS)
            .map(|_| {
                let (tx, rx) = sync_channel::<Vec<Job>>(QUEUED / WRITERS / BATCH);
                let error = error.clone();
                let thread = std::thread::spawn(move || {
                    for job in rx.into_iter().flatten() {
                        if let Err(e) = job.run() {
                            error
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .get_or_insert(e);
                        }
                    }
                });
                (tx, thread)
            })
            .unzip();
        Writers {
            jobs,
            pending: (0..WRITERS).map(|_| Vec::with_capacity(BATCH)).collect(),
            threads,
            error,
        }
    }

    /// Queues `job` for the writer its path belongs to: files of the same path
    /// (a generated page over a static file) are written by one thread, in the
    /// order they came, so the last one is what the output holds.
    pub(super) fn send(&mut self, job: Job) -> Result<()> {
        use std::hash::{Hash, Hasher};
        if let Some(e) = self.error.lock().unwrap_or_else(|e| e.into_inner()).take() {
            return Err(e);
        }
        let mut hasher = std::hash::DefaultHasher::new();
        job.to.hash(&mut hasher);
        let writer = (hasher.finish() % self.jobs.len().max(1) as u64) as usize;
        if let Some(batch) = self.pending.get_mut(writer) {
            batch.push(job);
            if batch.len() >= BATCH {
                self.hand_over(writer);
            }
        }
        Ok(())
    }

    /// Hands writer `writer` its pending files.
    fn hand_over(&mut self, writer: usize) {
        if let (Some(batch), Some(tx)) = (self.pending.get_mut(writer), self.jobs.get(writer))
            && !batch.is_empty()
        {
            let _ = tx.send(std::mem::replace(batch, Vec::with_capacity(BATCH)));
        }
    }

    /// Waits for every file; the first error, if any.
    pub(super) fn finish(&mut self) -> Result<()> {
        for writer in 0..self.jobs.len() {
            self.hand_over(writer);
        }
        self.jobs.clear();
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
        match self.error.lock().unwrap_or_else(|e| e.into_inner()).take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}
