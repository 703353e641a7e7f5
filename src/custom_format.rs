//! Output formats labsite has no template of its own for, drawn from the
//! site's layouts: those a site declares in `outputFormats` (`TELE` with
//! `mediaType = "text/plain"`, `baseName`, `path`, `isPlainText`) and Hugo's
//! built-in ones of that kind (`Calendar`, `CSV`, `Markdown`…). Each page of a
//! kind that lists one gets a file `[path/]PAGE/baseName.suffix` where the
//! site has a layout for it.

use crate::config::Config;
use serde_json::Value;

/// One output format, as the site and Hugo define it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomFormat {
    /// Lower-case, as Hugo names formats to templates (`tele`).
    pub name: String,
    /// `text/plain`.
    pub media_type: String,
    /// The media type's first suffix (`txt`).
    pub suffix: String,
    pub base_name: String,
    /// A folder the format's files go under (`embeds`), or empty.
    pub path: String,
    /// Plain-text templates: no HTML escaping.
    pub plain_text: bool,
    pub rel: String,
}

/// Hugo's built-in formats labsite makes no file of without a site layout:
/// name, media type, base name, plain text.
const BUILT_IN: &[(&str, &str, &str, bool)] = &[
    ("calendar", "text/calendar", "index", true),
    ("css", "text/css", "styles", true),
    ("csv", "text/csv", "index", true),
    ("markdown", "text/markdown", "index", true),
];

/// Hugo's media types and their first suffix.
const MEDIA_SUFFIXES: &[(&str, &str)] = &[
    ("text/html", "html"),
    ("text/plain", "txt"),
    ("application/json", "json"),
    ("text/xml", "xml"),
    ("application/xml", "xml"),
    ("application/rss+xml", "xml"),
    ("text/css", "css"),
    ("text/csv", "csv"),
    ("text/calendar", "ics"),
    ("text/markdown", "md"),
    ("text/javascript", "js"),
    ("application/javascript", "js"),
    ("application/manifest+json", "webmanifest"),
    ("application/toml", "toml"),
    ("application/yaml", "yaml"),
    ("image/svg+xml", "svg"),
];

/// The media suffix of `media_type`: the site's `mediaTypes` first, then Hugo's.
fn suffix_of(config: &Config, media_type: &str) -> Option<String> {
    let declared = config
        .raw
        .get("mediatypes")
        .and_then(Value::as_object)
        .and_then(|m| {
            m.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(media_type))
                .map(|(_, v)| v)
        })
        .and_then(|v| v.get("suffixes"))
        .and_then(|s| match s {
            Value::Array(a) => a.first().and_then(Value::as_str).map(String::from),
            Value::String(s) => Some(s.clone()),
            _ => None,
        });
    declared.or_else(|| {
        MEDIA_SUFFIXES
            .iter()
            .find(|(t, _)| t.eq_ignore_ascii_case(media_type))
            .map(|(_, s)| s.to_string())
    })
}

/// The formats labsite draws from layouts: Hugo's built-in ones of the kind,
/// then those the site declares (a declaration of a built-in one changing it).
/// Formats labsite makes itself (`html`, `amp`, `rss`, `json`, `print`) are not
/// among them.
pub fn declared(config: &Config, made_by_labsite: &[&str]) -> Vec<CustomFormat> {
    let mut formats: Vec<CustomFormat> = BUILT_IN
        .iter()
        .map(|&(name, media, base, plain)| CustomFormat {
            name: name.into(),
            media_type: media.into(),
            suffix: suffix_of(config, media).unwrap_or_default(),
            base_name: base.into(),
            path: String::new(),
            plain_text: plain,
            rel: "alternate".into(),
        })
        .collect();
    let site = config.raw.get("outputformats").and_then(Value::as_object);
    for (name, settings) in site.into_iter().flatten() {
        let name = name.to_lowercase();
        if made_by_labsite.contains(&name.as_str()) {
            continue;
        }
        let text = |key: &str| {
            settings
                .as_object()
                .and_then(|m| m.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)))
                .map(|(_, v)| v)
        };
        let existing = formats.iter().position(|f| f.name == name);
        let mut format = existing.map_or_else(
            || CustomFormat {
                name: name.clone(),
                media_type: "text/html".into(),
                suffix: "html".into(),
                base_name: "index".into(),
                path: String::new(),
                plain_text: false,
                rel: "alternate".into(),
            },
            |i| formats.remove(i),
        );
        if let Some(media) = text("mediatype").and_then(Value::as_str) {
            format.media_type = media.to_lowercase();
            format.suffix = suffix_of(config, media).unwrap_or_default();
        }
        if let Some(base) = text("basename").and_then(Value::as_str) {
            format.base_name = base.to_string();
        }
        if let Some(path) = text("path").and_then(Value::as_str) {
            format.path = path.trim_matches('/').to_string();
        }
        if let Some(plain) = text("isplaintext") {
            format.plain_text = crate::data_format::truthy(Some(plain));
        }
        if let Some(rel) = text("rel").and_then(Value::as_str) {
            format.rel = rel.to_string();
        }
        formats.push(format);
    }
    formats.retain(|f| !f.suffix.is_empty());
    formats
}

impl CustomFormat {
    /// The URL path of the format's file for the page at `url` (HTML, with
    /// `lang_prefix` its language's part): `/ja/embeds/docs/a/embed.html`.
    pub fn url(&self, url: &str, lang_prefix: &str) -> String {
        let rest = url.strip_prefix(lang_prefix).unwrap_or(url);
        let dir = match rest.strip_suffix(".html") {
            Some(stem) => format!("{stem}/"),
            None => rest.to_string(),
        };
        let dir = dir.trim_start_matches('/');
        let path = if self.path.is_empty() {
            String::new()
        } else {
            format!("{}/", self.path)
        };
        format!(
            "{lang_prefix}/{path}{dir}{}.{}",
            self.base_name, self.suffix
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_formats_take_hugos_defaults_for_what_they_leave_out() {
        let mut config = Config::for_tests();
        config.raw.insert(
            "outputformats".into(),
            serde_json::json!({
                "TELE": {"mediaType": "text/plain", "baseName": "tele", "isPlainText": true},
                "EMBED": {"mediaType": "text/html", "baseName": "embed", "path": "embeds"},
                "PRINT": {"mediaType": "text/html"},
                "Calendar": {"baseName": "cal"}
            }),
        );
        let formats = declared(&config, &["print"]);
        let find = |n: &str| formats.iter().find(|f| f.name == n).unwrap();
        assert!(!formats.iter().any(|f| f.name == "print"));
        let tele = find("tele");
        assert_eq!((tele.suffix.as_str(), tele.plain_text), ("txt", true));
        assert_eq!(tele.url("/docs/a/", ""), "/docs/a/tele.txt");
        assert_eq!(tele.url("/", ""), "/tele.txt");
        let embed = find("embed");
        assert_eq!(embed.url("/ja/docs/", "/ja"), "/ja/embeds/docs/embed.html");
        assert_eq!(embed.url("/docs/a.html", ""), "/embeds/docs/a/embed.html");
        assert_eq!(find("calendar").url("/", ""), "/cal.ics");
    }
}
