//! `labsite new content PATH`: a new page from an archetype, found as Hugo
//! finds it: the kind asked for (`--kind`), else the page's section, then
//! `default`, all first in the site's `archetypes/`, then in its theme's,
//! then among the embedded learn theme's (`default`, `chapter`). An archetype
//! is a file (`NAME.md`) or a folder (`NAME/`, a page bundle). Its `.md`
//! files are Go templates run with Hugo's archetype data (`.Name`, `.Date`,
//! `.Type`, `.Section`, `.File`, `.Site`); other files are copied as they are.

use crate::config::{Config, Overrides};
use crate::error::{Error, Result};
use crate::gotemplate::exec::{Exec, Host, execute};
use crate::gotemplate::templates::Templates;
use crate::gotemplate::value::Value;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// Hugo's own archetype, used when neither the site nor a theme has one.
const HUGO_DEFAULT: &str = "---\ntitle: \"{{ replace .File.ContentBaseName \"-\" \" \" | title }}\"\ndate: {{ .Date }}\ndraft: true\n---\n";

/// What `labsite new content` was asked.
#[derive(Debug, Clone)]
pub struct NewContent {
    pub source: PathBuf,
    /// The page's path in the content folder (`labs/intro/_index.md`, or a
    /// folder for a bundle archetype).
    pub path: PathBuf,
    pub kind: Option<String>,
}

/// Where an archetype was found.
enum Archetype {
    File { name: String, text: String },
    Folder(PathBuf),
}

/// Creates the page (or bundle); returns the files written, from the site folder.
pub fn new_content(request: &NewContent) -> Result<Vec<PathBuf>> {
    let config = Config::load(&request.source, &Overrides::default())?;
    let relative = content_path(&request.path, &config.content_dir)?;
    let target = request.source.join(&config.content_dir).join(&relative);
    if target.exists() {
        return Err(Error::file(
            &target,
            "already exists: labsite new never overwrites a file; pick another path or remove this one",
        ));
    }
    let slash: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let section = if slash.len() > 1 {
        slash.first().cloned()
    } else {
        None
    };
    let wanted: Vec<String> = request
        .kind
        .iter()
        .chain(section.iter())
        .cloned()
        .chain(std::iter::once("default".to_string()))
        .collect();
    let folders: Vec<PathBuf> = std::iter::once(request.source.join("archetypes"))
        .chain(
            config
                .theme_folder(&request.source)
                .map(|t| t.join("archetypes")),
        )
        .collect();
    let archetype = find(&wanted, &folders);
    let data = ArchetypeData {
        slash,
        kind_or_section: request
            .kind
            .clone()
            .or(section)
            .unwrap_or_else(|| "page".to_string()),
        date: chrono::Local::now()
            .fixed_offset()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        site_title: config.title.clone(),
        base_url: config.base_url.clone(),
        params: config.params.clone(),
    };
    let shown = |p: &Path| p.strip_prefix(&request.source).unwrap_or(p).to_path_buf();
    match archetype {
        Archetype::File { name, text } => {
            let page = data.run(&name, &text)?;
            write_new(&target, page.as_bytes())?;
            Ok(vec![shown(&target)])
        }
        Archetype::Folder(folder) => {
            let mut written = Vec::new();
            for entry in walkdir::WalkDir::new(&folder).sort_by_file_name() {
                let entry = entry.map_err(|e| Error::file(&folder, e.to_string()))?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let Ok(inner) = entry.path().strip_prefix(&folder) else {
                    continue;
                };
                let out = target.join(inner);
                let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
                let is_markdown = entry.path().extension().is_some_and(|e| e == "md");
                match (is_markdown, String::from_utf8(bytes)) {
                    (true, Ok(text)) => {
                        let name = entry.path().display().to_string();
                        write_new(&out, data.run(&name, &text)?.as_bytes())?;
                    }
                    (_, Ok(text)) => write_new(&out, text.as_bytes())?,
                    (_, Err(raw)) => write_new(&out, raw.as_bytes())?,
                }
                written.push(shown(&out));
            }
            Ok(written)
        }
    }
}

/// `path` inside the content folder: relative, without `..`, a leading
/// `content/` taken off as Hugo takes it off.
fn content_path(path: &Path, content_dir: &str) -> Result<PathBuf> {
    let inside = path.strip_prefix(content_dir).unwrap_or(path);
    let normal = inside
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    if !normal || inside.as_os_str().is_empty() {
        return Err(Error::file(
            path,
            "not a path inside the content folder: give one like labs/intro/_index.md (no leading /, no ..)",
        ));
    }
    Ok(inside.to_path_buf())
}

/// The first archetype found: each folder in turn (the site's, then the
/// theme's) for each of the `wanted` names, then the embedded ones, then
/// Hugo's own default.
fn find(wanted: &[String], folders: &[PathBuf]) -> Archetype {
    for folder in folders {
        for name in wanted {
            let file = folder.join(format!("{name}.md"));
            if let Ok(text) = std::fs::read_to_string(&file) {
                return Archetype::File {
                    name: file.display().to_string(),
                    text,
                };
            }
            let bundle = folder.join(name);
            if bundle.is_dir() {
                return Archetype::Folder(bundle);
            }
        }
    }
    for name in wanted {
        if let Some(text) = crate::templates::embedded_archetype(name) {
            return Archetype::File {
                name: format!("archetypes/{name}.md (labsite's learn theme)"),
                text: text.to_string(),
            };
        }
    }
    Archetype::File {
        name: "Hugo's default archetype".to_string(),
        text: HUGO_DEFAULT.to_string(),
    }
}

/// Writes a new file, never over an existing one.
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    std::io::Write::write_all(&mut file, bytes).map_err(|e| Error::io(path, e))
}

/// What an archetype template sees.
struct ArchetypeData {
    /// The page's path in the content folder, by component.
    slash: Vec<String>,
    kind_or_section: String,
    /// Now, in RFC 3339 with the local offset, as Hugo writes `.Date`.
    date: String,
    site_title: String,
    base_url: String,
    params: serde_json::Map<String, serde_json::Value>,
}

impl ArchetypeData {
    fn dot(&self) -> Value<'static> {
        let file_name = self.slash.last().cloned().unwrap_or_default();
        let (base, ext) = match file_name.rsplit_once('.') {
            Some((b, e)) => (b.to_string(), e.to_string()),
            None => (file_name.clone(), String::new()),
        };
        let dir_parts = self
            .slash
            .get(..self.slash.len().saturating_sub(1))
            .unwrap_or_default();
        let dir = if dir_parts.is_empty() {
            String::new()
        } else {
            format!("{}/", dir_parts.join("/"))
        };
        // A page bundle or a section is named after its folder.
        let content_base = if (base == "index" || base == "_index") && !dir_parts.is_empty() {
            dir_parts.last().cloned().unwrap_or_default()
        } else {
            base.clone()
        };
        let text = |s: &str| Value::str(s);
        let file = BTreeMap::from([
            ("Path".to_string(), text(&self.slash.join("/"))),
            ("Dir".to_string(), text(&dir)),
            ("ContentBaseName".to_string(), text(&content_base)),
            ("BaseFileName".to_string(), text(&base)),
            ("TranslationBaseName".to_string(), text(&base)),
            ("LogicalName".to_string(), text(&file_name)),
            ("Ext".to_string(), text(&ext)),
        ]);
        let site = BTreeMap::from([
            ("Title".to_string(), text(&self.site_title)),
            ("BaseURL".to_string(), text(&self.base_url)),
            (
                "Params".to_string(),
                Value::from_json(&serde_json::Value::Object(self.params.clone())),
            ),
        ]);
        let section = if self.slash.len() > 1 {
            self.slash.first().cloned().unwrap_or_default()
        } else {
            String::new()
        };
        Value::map(BTreeMap::from([
            ("Name".to_string(), text(&content_base)),
            ("Date".to_string(), text(&self.date)),
            ("Type".to_string(), text(&self.kind_or_section)),
            ("Section".to_string(), text(&section)),
            ("File".to_string(), Value::map(file)),
            ("Site".to_string(), Value::map(site)),
        ]))
    }

    /// Runs archetype `text` (named `name` in errors).
    fn run(&self, name: &str, text: &str) -> Result<String> {
        let mut templates = Templates::default();
        let failed = |file: &str, line: usize, col: usize, message: &str| {
            Error::at(crate::error::Location::new(file, line, col), message)
        };
        templates
            .add("archetype", name, text)
            .map_err(|e| failed(&e.file, e.line, e.col, &e.message))?;
        execute(&templates, "archetype", self.dot(), &ArchetypeHost, false)
            .map_err(|e| failed(&e.file, e.line, e.col, &e.message))
    }
}

/// The functions an archetype calls beyond Go's and Hugo's string ones: `now`.
struct ArchetypeHost;

impl<'a> Host<'a> for ArchetypeHost {
    fn call(
        &self,
        _: &mut Exec<'_, 'a>,
        name: &str,
        _: &[Value<'a>],
    ) -> Option<std::result::Result<Value<'a>, String>> {
        match name {
            "now" | "time.Now" => Some(Ok(crate::templates::go::objects::date(
                chrono::Local::now().fixed_offset(),
            ))),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_content_folder() {
        assert_eq!(
            content_path(Path::new("content/labs/a.md"), "content").unwrap(),
            PathBuf::from("labs/a.md")
        );
        assert_eq!(
            content_path(Path::new("a.md"), "content").unwrap(),
            PathBuf::from("a.md")
        );
        for bad in ["../a.md", "/etc/a.md", "labs/../../a.md", ""] {
            assert!(content_path(Path::new(bad), "content").is_err(), "{bad}");
        }
    }
}
