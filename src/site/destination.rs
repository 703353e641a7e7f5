//! Where a build may write. A destination that is the site folder, holds it, is
//! the file system's root or the home folder, or lies inside a folder the build
//! reads (`content/`, `static/`, `layouts/`, `themes/`…) is refused before
//! anything is read or written: a build there would overwrite or delete the
//! site's own files, or read its previous output back in as content.

use crate::config::Config;
use crate::error::{Error, Result};
use std::path::{Component, Path, PathBuf};

/// The folders of a site that a build reads, besides its content folders.
const READ_FOLDERS: [&str; 6] = ["layouts", "assets", "data", "i18n", "archetypes", "static"];

/// `path` made absolute with every link resolved: its longest existing part is
/// resolved by the file system, the rest (not made yet) is taken as written.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::env::current_dir()
        .map(|cwd| cwd.join(path))
        .unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest: Vec<Component<'_>> = Vec::new();
    let base = loop {
        if let Ok(real) = existing.canonicalize() {
            break real;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => break existing.to_path_buf(),
        }
    };
    let mut out = base;
    for part in rest.into_iter().rev() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => out.push(name),
            _ => {}
        }
    }
    out
}

/// The folders of the site at `root` that a build reads, named as a message
/// names them (`content`, `themes/learn`), each with its resolved path.
fn read_folders(root: &Path, config: &Config) -> Vec<(String, PathBuf)> {
    let mut named: Vec<String> = vec![config.content_dir.clone()];
    named.extend(
        config
            .languages
            .iter()
            .filter_map(|l| l.content_dir.clone()),
    );
    named.extend(config.static_dirs.iter().cloned());
    named.extend(READ_FOLDERS.iter().map(|f| f.to_string()));
    named.push(config.themes_dir.to_string_lossy().into_owned());
    if let Some(theme) = &config.theme {
        named.push(config.themes_dir.join(theme).to_string_lossy().into_owned());
    }
    named
        .into_iter()
        .map(|name| {
            let path = resolved(&root.join(&name));
            (name, path)
        })
        .collect()
}

/// Fails when `destination` may not be written by a build of the site at
/// `root` with `config`.
pub fn check(root: &Path, config: &Config, destination: &Path) -> Result<()> {
    let target = resolved(destination);
    let site = resolved(root);
    let refuse = |why: String| {
        Err(Error::file(
            destination.components().collect::<PathBuf>(),
            format!("{why} (choose a folder of its own with -d, such as public)"),
        ))
    };
    if target == site {
        return refuse(
            "the destination is the site folder itself: a build there would overwrite or delete the site's files".into(),
        );
    }
    if site.starts_with(&target) {
        return refuse(format!(
            "the destination holds the site folder {}: a build there could overwrite or delete the site's files",
            site.display()
        ));
    }
    let home = std::env::var_os("HOME").map(|h| resolved(Path::new(&h)));
    if target.parent().is_none() || home.as_ref() == Some(&target) {
        return refuse(format!(
            "the destination is {}: labsite writes only into a folder of its own",
            target.display()
        ));
    }
    if let Some((name, _)) = read_folders(root, config)
        .into_iter()
        .find(|(_, folder)| target.starts_with(folder))
    {
        return refuse(format!(
            "the destination lies inside the site's {name}/ folder, which the build reads: its output would be read back in, or overwrite the site's files"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolved_takes_links_and_parent_folders_of_what_does_not_exist_yet() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        std::fs::create_dir(real.join("site")).unwrap();
        std::os::unix::fs::symlink(real.join("site"), real.join("link")).unwrap();
        assert_eq!(resolved(&real.join("link")), real.join("site"));
        assert_eq!(
            resolved(&real.join("link/new/../public")),
            real.join("site/public")
        );
        assert_eq!(resolved(&real.join("new/..")), real);
    }
}
