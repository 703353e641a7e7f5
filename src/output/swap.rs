//! The one step from the old output to the new: the staging folder, complete,
//! takes the destination's place in a single atomic exchange (Linux's
//! `renameat2(RENAME_EXCHANGE)`), so a reader sees the old output or the new
//! one and never a mix, whenever the build stops. The output it replaced is
//! kept beside it as the spare the next build stages in (its folders already
//! made, most of its files the same as the new ones): a rebuild that changes
//! little touches little. Staging folders that killed builds left behind are
//! taken as the spare, or removed, by the next build.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// The prefix of the staging folders of builds of the destination `name`.
pub fn staging_prefix(name: &str) -> String {
    format!(".{name}.labsite-staging-")
}

/// The staging folder of this process for the destination `real` (a folder's
/// real path: beside it, so on its file system).
pub fn staging_folder(real: &Path) -> PathBuf {
    let name = real
        .file_name()
        .map_or("public".into(), |n| n.to_string_lossy().into_owned());
    let parent = real.parent().unwrap_or(Path::new("."));
    parent.join(format!("{}{}", staging_prefix(&name), std::process::id()))
}

/// Where the output replaced last is kept for the next build of `real`.
fn spare_folder(real: &Path) -> PathBuf {
    let name = real
        .file_name()
        .map_or("public".into(), |n| n.to_string_lossy().into_owned());
    let parent = real.parent().unwrap_or(Path::new("."));
    parent.join(format!(".{name}.labsite-spare"))
}

/// Makes the staging folder `staging` of `real`: the spare, when there is one
/// (taken in one rename, so two builds never share it), else a new folder.
pub fn claim_staging(real: &Path, staging: &Path) -> std::io::Result<()> {
    if std::fs::rename(spare_folder(real), staging).is_ok() {
        return Ok(());
    }
    std::fs::create_dir_all(staging)
}

/// Removes the staging folders beside `real` that builds no longer running
/// left (killed before they finished, or after the exchange, holding the
/// old output).
pub fn remove_leftovers(real: &Path) {
    let name = real
        .file_name()
        .map_or("public".into(), |n| n.to_string_lossy().into_owned());
    let prefix = staging_prefix(&name);
    let parent = real.parent().unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() || !is_running(pid) {
            keep_as_spare(real, &entry.path());
        }
    }
}

/// Whether a process `pid` runs (a staging folder of it may be in use).
fn is_running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = i32::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0;
        alive || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// Puts `staging` (complete) in the place of `real`: exchanged in one step
/// when `real` exists, the old output then removed from where the staging
/// folder was; renamed into place when it does not.
pub fn exchange(staging: &Path, real: &Path) -> Result<()> {
    if std::fs::symlink_metadata(real).is_err() {
        return std::fs::rename(staging, real).map_err(|e| Error::io(real, e));
    }
    exchange_in_place(staging, real).map_err(|e| Error::io(real, e))?;
    // The old output, now where the staging folder was: the next build's spare.
    keep_as_spare(real, staging);
    Ok(())
}

/// Keeps `folder` as the spare of `real`, or removes it when there is one.
fn keep_as_spare(real: &Path, folder: &Path) {
    if std::fs::rename(folder, spare_folder(real)).is_err() {
        let _ = std::fs::remove_dir_all(folder);
    }
}

#[cfg(target_os = "linux")]
fn exchange_in_place(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        std::ffi::CString::new(p.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: two valid NUL-terminated paths, relative to the working folder.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Without an atomic exchange: the old output is moved aside, then the new
/// one moved in (two renames; a reader may find no output between them).
#[cfg(not(target_os = "linux"))]
fn exchange_in_place(a: &Path, b: &Path) -> std::io::Result<()> {
    let aside = a.with_extension("old");
    std::fs::rename(b, &aside)?;
    std::fs::rename(a, b)?;
    std::fs::rename(&aside, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchange_swaps_whole_folders_and_keeps_the_old_one_as_the_spare() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("public");
        std::fs::create_dir_all(real.join("old")).unwrap();
        std::fs::write(real.join("old/a.html"), "old").unwrap();
        let staging = staging_folder(&real);
        claim_staging(&real, &staging).unwrap();
        std::fs::write(staging.join("new.html"), "new").unwrap();
        exchange(&staging, &real).unwrap();
        assert_eq!(
            std::fs::read_to_string(real.join("new.html")).unwrap(),
            "new"
        );
        assert!(!real.join("old").exists() && !staging.exists());
        // The old output is the spare, which the next staging folder takes.
        let spare = spare_folder(&real);
        assert_eq!(
            std::fs::read_to_string(spare.join("old/a.html")).unwrap(),
            "old"
        );
        claim_staging(&real, &staging).unwrap();
        assert!(staging.join("old/a.html").exists() && !spare.exists());
        std::fs::remove_dir_all(&staging).unwrap();

        // A dead build's folder becomes the spare; one of a running process
        // stays.
        let dead = dir
            .path()
            .join(format!("{}{}", staging_prefix("public"), u32::MAX - 1));
        let running = dir.path().join(format!("{}1", staging_prefix("public")));
        std::fs::create_dir_all(&dead).unwrap();
        std::fs::create_dir_all(&running).unwrap();
        remove_leftovers(&real);
        assert!(!dead.exists() && spare.exists());
        assert!(running.exists(), "process 1 runs");
    }
}
