//! What a build may read: the site folder and the theme folder its config names.
//!
//! Every file labsite reads or publishes is reached through these folders. A
//! symbolic link is followed only where it leads to a place inside them; one that
//! leads out (to `/proc/self/environ`, to a home folder) is skipped with a warning
//! naming it, so nothing outside the site is ever read or published. Template
//! functions (`readFile`, `fileExists`, `resources.Get`, `include`) resolve their
//! paths through [`Confinement::file`] and so follow the same rule.

use crate::error::Warning;
use std::path::{Component, Path, PathBuf};
use walkdir::{DirEntry, WalkDir};

/// The folders of one site that a build may read.
#[derive(Debug, Clone)]
pub struct Confinement {
    /// The site folder as given (`.`, `../site`), for paths in messages.
    site: PathBuf,
    /// The site folder and the theme folders, each with its links resolved.
    roots: Vec<PathBuf>,
}

/// Why [`Confinement::file`] gives no file.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The path, or a link on its way, leads outside the site.
    Outside,
    /// Nothing is there.
    NotFound,
}

impl Confinement {
    /// The site folder `site` and `themes` (folders of themes its config names;
    /// those that do not exist are left out).
    pub fn new(site: &Path, themes: &[PathBuf]) -> Confinement {
        let roots = std::iter::once(site)
            .chain(themes.iter().map(PathBuf::as_path))
            .filter_map(|dir| dir.canonicalize().ok())
            .collect();
        Confinement {
            site: site.to_path_buf(),
            roots,
        }
    }

    /// Whether `path`, its links resolved, lies inside one of the folders.
    /// A path that cannot be resolved (it does not exist) is not inside.
    pub fn holds(&self, path: &Path) -> bool {
        path.canonicalize()
            .is_ok_and(|real| self.roots.iter().any(|root| real.starts_with(root)))
    }

    /// `path` as a message shows it: relative to the site folder.
    fn shown<'p>(&self, path: &'p Path) -> &'p Path {
        path.strip_prefix(&self.site).unwrap_or(path)
    }

    /// The warning for the link `link`, which leads outside the site.
    fn leads_out(&self, link: &Path) -> Warning {
        let target = std::fs::read_link(link)
            .map(|t| t.display().to_string())
            .unwrap_or_else(|e| e.to_string());
        Warning(format!(
            "{}: is a symbolic link to {target}, outside the site folder: skipped (labsite reads nothing outside the site; copy what it needs into the site)",
            self.shown(link).display()
        ))
    }

    /// The entries below `dir` (itself included, at depth 0), sorted by name,
    /// links followed where they stay inside the site. A link that leads out is
    /// left out, and so is everything below it, with a warning in `skipped`;
    /// `keep` leaves out other entries and what is below them (hidden files).
    pub fn walk<'w>(
        &'w self,
        dir: &Path,
        skipped: &'w mut Vec<Warning>,
        mut keep: impl FnMut(&DirEntry) -> bool + 'w,
    ) -> impl Iterator<Item = walkdir::Result<DirEntry>> + 'w {
        WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(move |entry| {
                if !keep(entry) {
                    return false;
                }
                let inside = !entry.path_is_symlink() || self.holds(entry.path());
                if !inside {
                    skipped.push(self.leads_out(entry.path()));
                }
                inside
            })
    }

    /// The files below `dir` as (path relative to `dir` with `/`, path), sorted,
    /// links followed as [`Confinement::walk`] follows them; entries that cannot
    /// be read are passed over.
    pub fn files_under(&self, dir: &Path, skipped: &mut Vec<Warning>) -> Vec<(String, PathBuf)> {
        if !dir.is_dir() {
            return Vec::new();
        }
        self.walk(dir, skipped, |_| true)
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(dir)
                    .unwrap_or(e.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                (rel, e.into_path())
            })
            .collect()
    }

    /// The file or folder `name` (relative, `/`-separated) below `base`, a folder
    /// of the site: refused when the name is absolute, climbs above `base` with
    /// `..`, or leads outside the site through a link.
    pub fn file(&self, base: &Path, name: &str) -> Result<PathBuf, Refusal> {
        let path = Path::new(name);
        let mut depth = 0usize;
        for part in path.components() {
            match part {
                Component::Normal(_) => depth += 1,
                Component::CurDir => {}
                Component::ParentDir if depth > 0 => depth -= 1,
                _ => return Err(Refusal::Outside),
            }
        }
        let full = base.join(path);
        if !full.exists() {
            return Err(Refusal::NotFound);
        }
        if self.holds(&full) {
            Ok(full)
        } else {
            Err(Refusal::Outside)
        }
    }

    /// The text of the file `name`, relative to the site folder (`readFile`,
    /// `include`): refused outside the site, as [`Confinement::file`] refuses,
    /// and for anything but a plain file (a FIFO would block the build).
    pub fn read(&self, name: &str) -> Result<String, String> {
        if name.is_empty() {
            return Err("no file given".into());
        }
        let file = self.file(&self.site, name).map_err(|refusal| match refusal {
            Refusal::Outside => format!(
                "file \"{name}\" is outside the site folder (give a path inside the site, relative to it)"
            ),
            Refusal::NotFound => format!("file \"{name}\" not found in the site folder"),
        })?;
        if !file.is_file() {
            return Err(format!(
                "\"{name}\" is not a plain file (give the path of a file)"
            ));
        }
        std::fs::read_to_string(&file).map_err(|e| format!("cannot read \"{name}\": {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A site with a file, a link inside it, and links that lead out.
    fn site() -> (tempfile::TempDir, tempfile::TempDir) {
        let site = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("content/sub")).unwrap();
        std::fs::write(site.path().join("content/sub/page.md"), "x").unwrap();
        std::fs::write(outside.path().join("secret.md"), "secret").unwrap();
        std::fs::create_dir(outside.path().join("dir")).unwrap();
        std::fs::write(outside.path().join("dir/a.md"), "a").unwrap();
        let content = site.path().join("content");
        symlink("sub/page.md", content.join("inside.md")).unwrap();
        symlink(outside.path().join("secret.md"), content.join("leak.md")).unwrap();
        symlink(outside.path().join("dir"), content.join("leakdir")).unwrap();
        (site, outside)
    }

    #[test]
    fn walk_follows_links_inside_and_skips_links_out() {
        let (site, outside) = site();
        let folders = Confinement::new(site.path(), &[]);
        let mut skipped = Vec::new();
        let files = folders.files_under(&site.path().join("content"), &mut skipped);
        let names: Vec<&str> = files.iter().map(|(rel, _)| rel.as_str()).collect();
        assert_eq!(names, ["inside.md", "sub/page.md"]);
        let out = outside.path().display();
        assert_eq!(
            skipped,
            [
                Warning(format!(
                    "content/leak.md: is a symbolic link to {out}/secret.md, outside the site folder: skipped (labsite reads nothing outside the site; copy what it needs into the site)"
                )),
                Warning(format!(
                    "content/leakdir: is a symbolic link to {out}/dir, outside the site folder: skipped (labsite reads nothing outside the site; copy what it needs into the site)"
                )),
            ]
        );
    }

    #[test]
    fn a_theme_folder_is_inside() {
        let (site, outside) = site();
        let folders = Confinement::new(site.path(), &[outside.path().to_path_buf()]);
        let mut skipped = Vec::new();
        let files = folders.files_under(&site.path().join("content"), &mut skipped);
        assert_eq!(files.len(), 4);
        assert!(skipped.is_empty());
    }

    #[test]
    fn file_refuses_paths_and_links_that_lead_out() {
        let (site, _outside) = site();
        let folders = Confinement::new(site.path(), &[]);
        let root = site.path();
        assert_eq!(
            folders.file(root, "content/inside.md"),
            Ok(root.join("content/inside.md"))
        );
        assert_eq!(
            folders.file(root, "content/../content/sub"),
            Ok(root.join("content/../content/sub"))
        );
        assert_eq!(folders.file(root, "content/leak.md"), Err(Refusal::Outside));
        assert_eq!(
            folders.file(root, "content/leakdir/a.md"),
            Err(Refusal::Outside)
        );
        assert_eq!(folders.file(root, "../x"), Err(Refusal::Outside));
        assert_eq!(folders.file(root, "/etc/passwd"), Err(Refusal::Outside));
        assert_eq!(
            folders.file(root, "content/none.md"),
            Err(Refusal::NotFound)
        );
        let content = root.join("content");
        assert_eq!(
            folders.file(&content, "../config.toml"),
            Err(Refusal::Outside)
        );
    }
}
