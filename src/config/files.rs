//! Where a site's configuration is read from, as Hugo reads it: `hugo.*` or
//! `config.*` at the root, then `config/_default/` and `config/ENVIRONMENT/`
//! (a file per top-level key, or per language), then `HUGO_*` variables.

use crate::data_format::{self, Format};
use crate::error::{Error, Result};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

const ROOT_NAMES: [&str; 2] = ["hugo", "config"];
const EXTENSIONS: [&str; 4] = ["toml", "yaml", "yml", "json"];

/// Hugo's `HUGO_<KEY>` environment overrides (`HUGO_PARAMS_<KEY>` for params).
pub(super) fn apply_environment(
    raw: &mut Map<String, Value>,
    vars: impl Iterator<Item = (String, String)>,
) {
    for (name, value) in vars {
        let Some(key) = name.strip_prefix("HUGO_") else {
            continue;
        };
        let key = key.to_lowercase();
        if key.is_empty() || key == "environment" {
            continue;
        }
        match key.strip_prefix("params_") {
            Some(param) => {
                let params = raw
                    .entry("params")
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(p) = params {
                    p.insert(param.to_string(), Value::String(value));
                }
            }
            None => {
                raw.insert(key, Value::String(value));
            }
        }
    }
}

pub(super) fn find_root_config(root: &Path) -> Option<PathBuf> {
    ROOT_NAMES
        .iter()
        .flat_map(|name| {
            EXTENSIONS
                .iter()
                .map(move |ext| root.join(format!("{name}.{ext}")))
        })
        .find(|p| p.is_file())
}

/// Config files in a `config/<env>/` folder with the key path each one fills
/// (empty = the root; `params.toml` fills `params`; `menus.en.toml` fills
/// `languages.en.menus`), sorted by name.
pub(super) fn config_dir_files(dir: &Path) -> Result<Vec<(PathBuf, Vec<String>)>> {
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(_) => return Ok(out),
    };
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if Format::from_extension(ext).is_none() || !path.is_file() {
            continue;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_lowercase();
        let target = match stem.split_once('.') {
            _ if ROOT_NAMES.contains(&stem.as_str()) => vec![],
            Some((key, lang)) => vec!["languages".to_string(), lang.to_string(), key.to_string()],
            None => vec![stem.clone()],
        };
        out.push((path, target));
    }
    out.sort();
    Ok(out)
}

pub(super) fn nest(path: &[String], value: Value) -> Value {
    path.iter().rev().fold(value, |acc, key| {
        let mut m = Map::new();
        m.insert(key.clone(), acc);
        Value::Object(m)
    })
}

pub(super) fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

pub(super) fn read_map(root: &Path, path: &Path) -> Result<Map<String, Value>> {
    let rel = relative(root, path);
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(&rel, e))?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = Format::from_extension(ext).unwrap_or(Format::Toml);
    data_format::parse_map(&text, format).map_err(|e| {
        Error::at(
            crate::error::Location::new(rel, e.line, e.col),
            format!("invalid {} config: {}", format.name(), e.message),
        )
    })
}
