//! Walking a content folder: every file once however many languages share the
//! folder (hidden files left out, links followed only inside the site), then
//! each language's Markdown files and other files picked from the walk.

use crate::config::Config;
use crate::confine::Confinement;
use crate::error::{Error, Result, Warning};
use std::path::{Path, PathBuf};

/// The Markdown files of one language and its other files.
type Scan = (Vec<ContentFile>, Vec<OtherFile>);

/// A file of the content folder that is not Markdown, in the language it is for.
pub(super) struct OtherFile {
    pub(super) abs: PathBuf,
    /// Relative to the content folder, `/`-separated.
    pub(super) rel: String,
    /// `rel` without the language in the file name (`a.ja.png` → `a.png`): the
    /// name its versions in each language share.
    pub(super) shared_rel: String,
}

/// A Markdown file found by the scan.
pub(super) struct ContentFile {
    /// Relative to the content folder, `/`-separated.
    pub(super) rel: String,
    pub(super) abs: PathBuf,
    pub(super) dir: String,
    pub(super) stem: String,
}

/// Every file under a content folder, in file name order: walked once however
/// many languages share the folder.
pub(super) struct Walked {
    pub(super) files: Vec<WalkedFile>,
    /// Links that lead out of the site, left out.
    pub(super) skipped: Vec<Warning>,
}

/// A file of the content folder.
pub(super) struct WalkedFile {
    pub(super) abs: PathBuf,
    /// Relative to the content folder, `/`-separated.
    pub(super) rel: String,
    pub(super) name: String,
}

/// The content folder of `config.language`, relative to the site: its own
/// `contentDir`, else the site's.
pub(super) fn content_dir(config: &Config) -> &str {
    config
        .language_config()
        .and_then(|l| l.content_dir.as_deref())
        .unwrap_or(&config.content_dir)
}

/// The content folder of the site at `root` for `config.language`.
pub(super) fn content_root(root: &Path, config: &Config) -> PathBuf {
    root.join(content_dir(config))
}

/// Walks the content folder `content_root` of the site at `site_root` (hidden
/// files and folders left out, and those whose absolute path an `ignore`
/// pattern matches; symbolic links followed where they stay inside `folders`).
pub(super) fn walk(
    site_root: &Path,
    content_root: &Path,
    folders: &Confinement,
    ignore: &[regex::Regex],
) -> Result<Walked> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    if content_root.is_dir() {
        let walker = folders.walk(content_root, &mut skipped, |e| {
            e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
        });
        for entry in walker {
            let entry = entry.map_err(|e| unreadable_entry(site_root, content_root, &e))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let abs = entry.path().to_path_buf();
            if !ignore.is_empty() {
                let absolute = std::path::absolute(&abs).unwrap_or_else(|_| abs.clone());
                let shown = absolute.to_string_lossy();
                if ignore.iter().any(|r| r.is_match(&shown)) {
                    continue;
                }
            }
            let rel = abs
                .strip_prefix(content_root)
                .unwrap_or(&abs)
                .to_string_lossy()
                .replace('\\', "/");
            let name = entry.file_name().to_string_lossy().to_string();
            files.push(WalkedFile { abs, rel, name });
        }
    }
    Ok(Walked { files, skipped })
}

/// The error for a content entry the walk could not read, with its path from the
/// site folder; a symbolic link whose target is gone says so.
pub(super) fn unreadable_entry(site_root: &Path, content_root: &Path, e: &walkdir::Error) -> Error {
    let path = e.path().unwrap_or(content_root);
    let shown = path.strip_prefix(site_root).unwrap_or(path).to_path_buf();
    match (std::fs::read_link(path), std::fs::metadata(path)) {
        (Ok(target), Err(gone)) if gone.kind() == std::io::ErrorKind::NotFound => Error::file(
            shown,
            format!(
                "is a symbolic link to {}, which does not exist (restore its target or remove the link)",
                target.display()
            ),
        ),
        (_, Err(cause)) => Error::file(shown, format!("cannot read: {cause}")),
        _ => Error::file(shown, format!("cannot read: {e}")),
    }
}

/// The files of `walked` that matter to `config.language`'s load, sorted.
pub(super) fn scan(walked: &Walked, config: &Config) -> Scan {
    let own_dir_language = own_dir_language(config);
    let mut markdown = Vec::new();
    let mut others = Vec::new();
    for file in &walked.files {
        let name = &file.name;
        if name.ends_with('~') {
            continue;
        }
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name.as_str(), ""));
        let (stem, lang) = match stem.rsplit_once('.') {
            Some((s, l)) if config.is_language(&l.to_lowercase()) => (s, l.to_lowercase()),
            // Without a suffix: the language whose own contentDir this is, else the
            // default language.
            _ => (stem, own_dir_language.to_string()),
        };
        if lang != config.language {
            continue;
        }
        if !is_markdown(name) {
            let dir = parent_dir(&file.rel);
            let shared_name = if ext.is_empty() {
                stem.to_string()
            } else {
                format!("{stem}.{ext}")
            };
            others.push(OtherFile {
                abs: file.abs.clone(),
                rel: file.rel.clone(),
                shared_rel: if dir.is_empty() {
                    shared_name
                } else {
                    format!("{dir}/{shared_name}")
                },
            });
            continue;
        }
        markdown.push(ContentFile {
            rel: file.rel.clone(),
            abs: file.abs.clone(),
            dir: parent_dir(&file.rel),
            stem: stem.to_string(),
        });
    }
    (markdown, others)
}

/// The language of a file without a language in its name: the language whose
/// own `contentDir` this is, else the default language.
fn own_dir_language(config: &Config) -> &str {
    match config
        .language_config()
        .and_then(|l| l.content_dir.as_ref())
    {
        Some(_) => &config.language,
        None => &config.default_language,
    }
}

fn is_markdown(name: &str) -> bool {
    name.ends_with(".md") || name.ends_with(".markdown")
}

/// The folders of `walked` holding an `index.md` in any language: leaf bundles
/// are the same folders in every language, as Hugo's one content tree has them
/// (a folder with only `index.ja.md` holds no English pages, only resources).
pub(super) fn index_dirs(walked: &Walked, config: &Config) -> std::collections::BTreeSet<String> {
    walked
        .files
        .iter()
        .filter(|f| is_markdown(&f.name) && !f.name.ends_with('~'))
        .filter(|f| {
            let stem = f.name.rsplit_once('.').map_or(f.name.as_str(), |(s, _)| s);
            match stem.rsplit_once('.') {
                Some(("index", l)) => config.is_language(&l.to_lowercase()),
                _ => stem == "index",
            }
        })
        .map(|f| parent_dir(&f.rel))
        .collect()
}

impl ContentFile {
    /// `rel` without the language in the file name (`notes.ja.md` → `notes.md`).
    pub(super) fn shared_rel(&self) -> String {
        let ext = self.rel.rsplit_once('.').map_or("", |(_, e)| e);
        match self.dir.as_str() {
            "" => format!("{}.{ext}", self.stem),
            dir => format!("{dir}/{}.{ext}", self.stem),
        }
    }
}

pub(super) fn parent_dir(rel: &str) -> String {
    rel.rsplit_once('/')
        .map_or(String::new(), |(d, _)| d.to_string())
}
