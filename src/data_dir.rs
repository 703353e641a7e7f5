//! The `data/` folders of the site and of its themes, read into one value that
//! templates see as `.Site.Data` (and `hugo.Data`): each YAML, TOML or JSON
//! file is a key named after it, inside the keys of its folders; keys keep
//! their case; a theme's data comes under the site's, maps merged key by key.

use crate::confine::Confinement;
use crate::data_format::{Format, deep_merge, parse};
use crate::error::{Error, Location, Result, Warning};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// The data of `data/` in the site folder `root` and in each of `themes` (the
/// first theme wins over the later ones, the site over all of them).
pub fn load(
    root: &Path,
    themes: &[PathBuf],
    folders: &Confinement,
    warnings: &mut Vec<Warning>,
) -> Result<Value> {
    let mut data = Value::Object(Map::new());
    for base in themes.iter().rev().map(PathBuf::as_path).chain([root]) {
        for (rel, file) in folders.files_under(&base.join("data"), warnings) {
            let Some((path, format)) = rel.rsplit_once('.').and_then(|(stem, ext)| {
                Format::from_extension(&ext.to_lowercase()).map(|f| (stem, f))
            }) else {
                continue;
            };
            let text = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
            let shown = file.strip_prefix(root).unwrap_or(&file);
            let value = parse(&text, format).map_err(|e| {
                Error::at(
                    Location::new(shown, e.line, e.col),
                    format!("{} (fix the {} data file)", e.message, format.name()),
                )
            })?;
            let nested = path.split('/').rev().fold(value, |inner, key| {
                Value::Object(Map::from_iter([(key.to_string(), inner)]))
            });
            deep_merge(&mut data, nested);
        }
    }
    Ok(data)
}
