//! The output paths of one build and what claimed each: two pages on one path,
//! or a file where another output needs a folder, is an error naming both.

use crate::error::{Error, Result};
use std::collections::BTreeMap;

/// Output paths already written, with what wrote them, to report collisions:
/// two pages on one path, or a file where another output needs a folder.
#[derive(Default)]
pub struct Owners(BTreeMap<String, Owner>);

/// What wrote an output path. A static file may be replaced by a page.
struct Owner {
    label: String,
    is_static: bool,
}

impl Owners {
    pub fn claim(&mut self, path: &str, owner: String) -> Result<()> {
        self.check_folders(path, &owner)?;
        if let Some(previous) = self.0.get(path).filter(|p| !p.is_static) {
            return Err(Error::file(
                owner,
                format!(
                    "publishes to {path}, which {} publishes to as well (change `url` or `slug` of one of them)",
                    previous.label
                ),
            ));
        }
        self.0.insert(
            path.to_string(),
            Owner {
                label: owner,
                is_static: false,
            },
        );
        Ok(())
    }

    /// Claims the path of a static file (theme asset or the site's `static/`).
    pub fn claim_static(&mut self, path: &str, owner: String) -> Result<()> {
        self.check_folders(path, &owner)?;
        self.0.insert(
            path.to_string(),
            Owner {
                label: owner,
                is_static: true,
            },
        );
        Ok(())
    }

    /// Fails when a folder `path` needs is a file of another output, or `path`
    /// is a folder of other outputs.
    fn check_folders(&self, path: &str, owner: &str) -> Result<()> {
        let conflict = |file: &str, other: &Owner| {
            Error::file(
                owner.to_string(),
                format!(
                    "publishes to {path}, but {} publishes the file {file} where that needs a folder (rename one of them)",
                    other.label
                ),
            )
        };
        for (end, _) in path.match_indices('/') {
            let folder = path.get(..end).unwrap_or_default();
            if let Some(other) = self.0.get(folder) {
                return Err(conflict(folder, other));
            }
        }
        let inside = format!("{path}/");
        if let Some((_, other)) = self
            .0
            .range(inside.clone()..)
            .next()
            .filter(|(p, _)| p.starts_with(&inside))
        {
            return Err(Error::file(
                owner.to_string(),
                format!(
                    "publishes the file {path}, but {} publishes inside a folder of that name (rename one of them)",
                    other.label
                ),
            ));
        }
        Ok(())
    }
}
