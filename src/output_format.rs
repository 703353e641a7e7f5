//! The output formats a site asks for (`[outputs]`, per page kind): the HTML ones
//! (`HTML` itself and `AMP`, which Hugo renders with the same templates when a theme
//! has no `*.amp.html` layouts, under `/amp/`), `RSS` feeds and the `JSON` search
//! index. Formats labsite does not make are reported once.

use crate::config::Config;
use crate::content::Kind;
use crate::custom_format::CustomFormat;
use serde_json::Value;

/// An HTML output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Html,
    /// Hugo's AMP: the same page under `/amp/`; AMP pages link to AMP pages.
    Amp,
    /// relearn's print format: `index.print.html` beside the page.
    Print,
}

impl Format {
    /// The URL path of a page at `url` (HTML) in this format; `lang_prefix` is
    /// its language's part of the URL (`/ja`, or empty), under which Hugo puts
    /// the AMP pages of a language (`/ja/amp/…`).
    pub fn url(self, url: &str, lang_prefix: &str) -> String {
        match self {
            Format::Html => url.to_string(),
            Format::Amp => match url
                .strip_prefix(lang_prefix)
                .filter(|rest| !lang_prefix.is_empty() && rest.starts_with('/'))
            {
                Some(rest) => format!("{lang_prefix}/amp{rest}"),
                None => format!("/amp{url}"),
            },
            Format::Print => {
                let dir = url.strip_suffix("index.html").unwrap_or(url);
                let dir = dir
                    .strip_suffix(".html")
                    .map_or_else(|| dir.to_string(), |stem| format!("{stem}/"));
                format!("{dir}index.print.html")
            }
        }
    }

    /// The format's name, as layout file names carry it (`single.amp.html`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Amp => "amp",
            Format::Print => "print",
        }
    }

    /// Whether, in this format, links to other pages go to their version in it.
    pub fn links_within(self) -> bool {
        self == Format::Amp
    }
}

const KINDS: [(Kind, &str); 5] = [
    (Kind::Home, "home"),
    (Kind::Section, "section"),
    (Kind::Page, "page"),
    (Kind::Taxonomy, "taxonomy"),
    (Kind::Term, "term"),
];

/// Format names labsite makes (lower-case).
const KNOWN: [&str; 5] = ["html", "amp", "rss", "json", "print"];

/// The feed's file next to the list page at `url` (`/sec/` or `/sec/index.html`).
pub fn rss_path(url: &str) -> String {
    let dir = url.strip_suffix("index.html").unwrap_or(url);
    if let Some(stem) = dir.strip_suffix(".html") {
        // An ugly-URL list page (`/tags/a.html`) has its feed beside it.
        return format!("{}.xml", stem.trim_start_matches('/'));
    }
    let dir = if dir.ends_with('/') {
        dir.to_string()
    } else {
        format!("{dir}/")
    };
    format!("{}index.xml", dir.trim_start_matches('/'))
}

/// One output format of a page, as `.OutputFormats` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFormat {
    /// Lower-case (`html`, `rss`, `tele`).
    pub name: String,
    pub media_type: String,
    pub suffix: String,
    /// `canonical` for HTML, `amphtml` for AMP, else `alternate`.
    pub rel: String,
    /// The file's URL path, from the site root (`/docs/a/tele.txt`).
    pub url: String,
    pub plain_text: bool,
}

/// Every output format name a layout file name may carry (lower-case): Hugo's
/// own and those the site declares in `outputFormats`.
pub fn format_names(config: &Config) -> std::collections::BTreeSet<String> {
    const HUGO: &[&str] = &[
        "html",
        "amp",
        "rss",
        "json",
        "print",
        "calendar",
        "css",
        "csv",
        "markdown",
        "robots",
        "sitemap",
        "sitemapindex",
        "webappmanifest",
        "gotmpl",
    ];
    let declared = config
        .raw
        .get("outputformats")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|m| m.keys().map(|k| k.to_lowercase()));
    HUGO.iter().map(|s| s.to_string()).chain(declared).collect()
}

/// The output formats of each page kind, by lower-case name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outputs {
    by_kind: Vec<(Kind, Vec<String>)>,
    /// The formats drawn from the site's layouts (see [`crate::custom_format`]).
    custom: Vec<CustomFormat>,
}

impl Outputs {
    pub fn from_config(config: &Config) -> Outputs {
        let configured = config.raw.get("outputs");
        let by_kind = KINDS
            .iter()
            .map(|&(kind, name)| {
                let names = match configured.and_then(|o| o.get(name)) {
                    Some(Value::Array(a)) => a
                        .iter()
                        .filter_map(|v| v.as_str())
                        .map(str::to_lowercase)
                        .collect(),
                    Some(Value::String(s)) => vec![s.to_lowercase()],
                    _ if kind == Kind::Page => vec!["html".to_string()],
                    _ => vec!["html".to_string(), "rss".to_string()],
                };
                // With the RSS kind disabled no page has the format.
                let names = names
                    .into_iter()
                    .filter(|n| n != "rss" || !config.disables_kind("rss"))
                    .collect();
                (kind, names)
            })
            .collect();
        let custom = crate::custom_format::declared(config, &KNOWN);
        Outputs { by_kind, custom }
    }

    /// The formats of `kind` drawn from the site's layouts, in the order the
    /// config lists them.
    pub fn custom_of(&self, kind: Kind) -> impl Iterator<Item = &CustomFormat> {
        self.names(kind)
            .iter()
            .filter_map(|n| self.custom.iter().find(|f| &f.name == n))
    }

    /// The formats of a page of `kind` at `url` (HTML, `lang_prefix` its
    /// language's part), in the order the config lists them.
    pub fn page_formats(&self, kind: Kind, url: &str, lang_prefix: &str) -> Vec<PageFormat> {
        let format = |name: &str, media: &str, suffix: &str, rel: &str, url: String| PageFormat {
            name: name.into(),
            media_type: media.into(),
            suffix: suffix.into(),
            rel: rel.into(),
            url,
            plain_text: false,
        };
        let mut names: Vec<&str> = self.names(kind).iter().map(String::as_str).collect();
        if !names.contains(&"html") {
            names.insert(0, "html");
        }
        names
            .into_iter()
            .filter_map(|name| {
                Some(match name {
                    "html" => format("html", "text/html", "html", "canonical", url.into()),
                    "amp" => format(
                        "amp",
                        "text/html",
                        "html",
                        "amphtml",
                        Format::Amp.url(url, lang_prefix),
                    ),
                    "print" => format(
                        "print",
                        "text/html",
                        "html",
                        "alternate",
                        Format::Print.url(url, lang_prefix),
                    ),
                    "rss" => format(
                        "rss",
                        "application/rss+xml",
                        "xml",
                        "alternate",
                        format!("/{}", rss_path(url)),
                    ),
                    "json" => format(
                        "json",
                        "application/json",
                        "json",
                        "alternate",
                        format!("{lang_prefix}/index.json"),
                    ),
                    other => {
                        let custom = self.custom.iter().find(|f| f.name == other)?;
                        PageFormat {
                            name: custom.name.clone(),
                            media_type: custom.media_type.clone(),
                            suffix: custom.suffix.clone(),
                            rel: custom.rel.clone(),
                            url: custom.url(url, lang_prefix),
                            plain_text: custom.plain_text,
                        }
                    }
                })
            })
            .collect()
    }

    /// Every format drawn from layouts that some kind lists.
    pub fn custom_used(&self) -> Vec<&CustomFormat> {
        let mut used: Vec<&CustomFormat> = Vec::new();
        for &(kind, _) in &KINDS {
            for format in self.custom_of(kind) {
                if !used.contains(&format) {
                    used.push(format);
                }
            }
        }
        used
    }

    fn names(&self, kind: Kind) -> &[String] {
        self.by_kind
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&[], |(_, n)| n.as_slice())
    }

    /// Whether pages of `kind` get format `name` (`"rss"`, `"json"`, …).
    pub fn has(&self, kind: Kind, name: &str) -> bool {
        self.names(kind).iter().any(|n| n == name)
    }

    /// The HTML formats of `kind`: HTML always, AMP when asked for.
    pub fn of(&self, kind: Kind) -> Vec<Format> {
        let mut formats = vec![Format::Html];
        if self.has(kind, "amp") {
            formats.push(Format::Amp);
        }
        if self.has(kind, "print") {
            formats.push(Format::Print);
        }
        formats
    }

    /// Every HTML format some kind uses, HTML first.
    pub fn all(&self) -> Vec<Format> {
        let mut all: Vec<Format> = KINDS.iter().flat_map(|&(k, _)| self.of(k)).collect();
        all.sort();
        all.dedup();
        all
    }

    /// Formats the site asks for that neither labsite nor the site defines, as
    /// `kind: name`.
    pub fn unsupported(&self) -> Vec<String> {
        self.by_kind
            .iter()
            .flat_map(|(kind, names)| {
                let kind_name = KINDS.iter().find(|(k, _)| k == kind).map_or("", |(_, n)| n);
                names
                    .iter()
                    .filter(|n| !KNOWN.contains(&n.as_str()))
                    .filter(|n| !self.custom.iter().any(|f| &f.name == *n))
                    .map(move |n| format!("{kind_name}: {n}"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_paths() {
        assert_eq!(rss_path("/"), "index.xml");
        assert_eq!(rss_path("/sec/"), "sec/index.xml");
        assert_eq!(rss_path("/sec/index.html"), "sec/index.xml");
        assert_eq!(rss_path("/en/tags/a.html"), "en/tags/a.xml");
    }

    #[test]
    fn urls_in_each_format() {
        assert_eq!(Format::Amp.url("/a/b.html", ""), "/amp/a/b.html");
        assert_eq!(Format::Amp.url("/ja/docs/p/", "/ja"), "/ja/amp/docs/p/");
        assert_eq!(Format::Amp.url("/jade/", "/ja"), "/amp/jade/");
        assert_eq!(Format::Print.url("/log/", ""), "/log/index.print.html");
        assert_eq!(Format::Print.url("/", ""), "/index.print.html");
        assert_eq!(Format::Print.url("/a/b.html", ""), "/a/b/index.print.html");
    }

    #[test]
    fn configured_and_default_formats() {
        let mut config = Config::for_tests();
        config.raw.insert(
            "outputs".into(),
            serde_json::json!({"home": ["HTML", "AMP", "RSS", "JSON"], "page": ["HTML", "AMP", "Calendar", "Nope"]}),
        );
        let o = Outputs::from_config(&config);
        assert_eq!(o.of(Kind::Home), [Format::Html, Format::Amp]);
        assert_eq!(o.of(Kind::Section), [Format::Html]);
        assert!(
            o.has(Kind::Home, "json") && o.has(Kind::Section, "rss") && !o.has(Kind::Page, "rss")
        );
        assert_eq!(o.all(), [Format::Html, Format::Amp]);
        // Calendar is drawn from the site's layouts; an undefined format is not.
        let custom: Vec<&str> = o.custom_of(Kind::Page).map(|f| f.name.as_str()).collect();
        assert_eq!(custom, ["calendar"]);
        assert_eq!(o.unsupported(), ["page: nope"]);
        let defaults = Outputs::from_config(&Config::for_tests());
        assert_eq!(defaults.all(), [Format::Html]);
        assert!(defaults.has(Kind::Home, "rss") && !defaults.has(Kind::Home, "json"));
    }
}
