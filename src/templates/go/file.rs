//! `.File` of a page and the resources of a bundle or of `assets/`.

use super::objects::Answer;
use crate::content::SourceFile;
use crate::gotemplate::value::{Object, Value};
use std::collections::BTreeMap;

/// A page's source file (`.File`).
pub struct FileObject {
    pub(super) file: SourceFile,
    pub(super) root: std::path::PathBuf,
    pub(super) lang: String,
}

impl<'a> Object<'a> for FileObject {
    fn method(&self, name: &str, _: &[Value<'a>]) -> Answer<'a> {
        let f = &self.file;
        let without_ext = f
            .logical_name
            .rsplit_once('.')
            .map_or(f.logical_name.as_str(), |(s, _)| s);
        Some(Ok(match name {
            "Path" => Value::str(&f.path),
            // A file at the content root is in "/", as Hugo 0.168 says.
            "Dir" => Value::str(if f.dir.is_empty() { "/" } else { &f.dir }),
            "LogicalName" => Value::str(&f.logical_name),
            "BaseFileName" => Value::str(without_ext),
            "TranslationBaseName" => Value::str(&f.base_name),
            "ContentBaseName" => {
                if f.base_name == "index" || f.base_name == "_index" {
                    let dir = f.dir.trim_end_matches('/');
                    Value::str(dir.rsplit('/').next().unwrap_or(dir))
                } else {
                    Value::str(&f.base_name)
                }
            }
            "Ext" => Value::str(f.logical_name.rsplit_once('.').map_or("", |(_, e)| e)),
            "Lang" => Value::str(&self.lang),
            "Filename" => Value::str(self.root.join(&f.site_path).to_string_lossy()),
            "Section" => Value::str(f.dir.trim_matches('/').split('/').next().unwrap_or("")),
            "UniqueID" => Value::str(unique_id(f)),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "*source.File"
    }

    fn display(&self) -> String {
        self.file.path.clone()
    }
}

/// Hugo's `.File.UniqueID`: the MD5 of the file's path in the content folder.
pub(super) fn unique_id(file: &SourceFile) -> String {
    crate::gotemplate::digest::digest("md5", file.path.as_bytes())
        .map(|d| crate::gotemplate::digest::hex(&d))
        .unwrap_or_default()
}

/// A file of a page bundle (`.Resources`) or of `assets/`, or text a template
/// made into a resource.
pub struct ResourceObject {
    pub(super) name: String,
    /// A page resource's name without its language (`a.ja.png` → `a.png`).
    pub(super) shared_name: Option<String>,
    pub(super) source: std::path::PathBuf,
    /// Text a template made (`resources.FromString`, `minify`, …), in place of `source`.
    pub(super) made: Option<std::sync::Arc<str>>,
    /// `fingerprint`'s `Data.Integrity`.
    pub(super) integrity: Option<String>,
    pub(super) url: String,
    pub(super) host: String,
    /// For a file of `assets/`: where to note that its URL was used.
    pub(super) publish: Option<std::sync::Arc<crate::library::AssetsUsed>>,
}

impl ResourceObject {
    /// A file of the site's `assets/` folder (`resources.Get`), at `name` there.
    pub fn asset(
        name: &str,
        source: std::path::PathBuf,
        site: &crate::library::SiteData<'_>,
    ) -> Self {
        ResourceObject {
            name: name.to_string(),
            shared_name: None,
            source,
            made: None,
            integrity: None,
            url: site.asset_url(name),
            host: site.config.base_host().to_string(),
            publish: Some(site.assets_used.clone()),
        }
    }

    /// Text a template made, published at `name` under the site's URL.
    pub fn made(name: &str, text: &str, site: &crate::library::SiteData<'_>) -> Self {
        let name = name.trim_start_matches('/');
        ResourceObject {
            name: name.to_string(),
            shared_name: None,
            source: std::path::PathBuf::new(),
            made: Some(std::sync::Arc::from(text)),
            integrity: None,
            url: site.asset_url(name),
            host: site.config.base_host().to_string(),
            publish: Some(site.assets_used.clone()),
        }
    }

    /// The resource with `fingerprint`'s integrity (`Data.Integrity`).
    pub fn with_integrity(self, integrity: String) -> Self {
        ResourceObject {
            integrity: Some(integrity),
            ..self
        }
    }

    /// The resource's name (its path under `assets/`, or as made).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The resource's text.
    pub fn content(&self) -> Result<String, String> {
        match &self.made {
            Some(text) => Ok(text.to_string()),
            None => std::fs::read_to_string(&self.source)
                .map_err(|e| format!("cannot read resource {}: {e}", self.name)),
        }
    }

    /// The file the resource was read from, unless a template made it.
    pub fn source_file(&self) -> Option<&std::path::Path> {
        self.made.is_none().then_some(self.source.as_path())
    }

    /// Notes an asset's URL as used (Hugo publishes it then).
    fn published(&self) {
        use crate::library::AssetSource;
        if let Some(used) = &self.publish {
            let source = match &self.made {
                Some(text) => AssetSource::Made(text.clone()),
                None => AssetSource::File(self.source.clone()),
            };
            used.insert_source(&self.name, source);
        }
    }

    pub fn media_type(&self) -> (&'static str, &'static str) {
        let ext = self
            .name
            .rsplit_once('.')
            .map_or(String::new(), |(_, e)| e.to_lowercase());
        match ext.as_str() {
            "png" => ("image", "png"),
            "jpg" | "jpeg" => ("image", "jpeg"),
            "gif" => ("image", "gif"),
            // Hugo's sub-type leaves out the suffix (`+xml`) that the type has.
            "svg" => ("image", "svg"),
            "webp" => ("image", "webp"),
            "md" | "markdown" => ("text", "markdown"),
            "html" | "htm" => ("text", "html"),
            "css" => ("text", "css"),
            "txt" => ("text", "plain"),
            "csv" => ("text", "csv"),
            "json" => ("application", "json"),
            "yaml" | "yml" => ("application", "yaml"),
            "js" => ("text", "javascript"),
            "pdf" => ("application", "pdf"),
            "zip" => ("application", "zip"),
            _ => ("application", "octet-stream"),
        }
    }
}

impl<'a> Object<'a> for ResourceObject {
    fn method(&self, name: &str, _: &[Value<'a>]) -> Answer<'a> {
        let (main, sub) = self.media_type();
        Some(Ok(match name {
            "Name" | "Title" => Value::str(&self.name),
            "NameNormalized" => Value::str(self.shared_name.as_deref().unwrap_or(&self.name)),
            "RelPermalink" => {
                self.published();
                Value::str(&self.url)
            }
            "Permalink" => {
                self.published();
                Value::str(format!("{}{}", self.host, self.url))
            }
            "ResourceType" => Value::str(if main == "text" && sub == "markdown" {
                "page"
            } else {
                main
            }),
            "MediaType" => {
                let mut m = BTreeMap::new();
                let suffix = if sub == "svg" { "+xml" } else { "" };
                m.insert(
                    "Type".to_string(),
                    Value::str(format!("{main}/{sub}{suffix}")),
                );
                m.insert("MainType".to_string(), Value::str(main));
                m.insert("SubType".to_string(), Value::str(sub));
                Value::map(m)
            }
            "Params" => Value::map(BTreeMap::new()),
            "Data" => {
                let mut m = BTreeMap::new();
                if let Some(integrity) = &self.integrity {
                    m.insert("Integrity".to_string(), Value::str(integrity));
                }
                Value::map(m)
            }
            "Content" => return Some(self.content().map(Value::str)),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "resource.Resource"
    }

    fn display(&self) -> String {
        self.url.clone()
    }
}
