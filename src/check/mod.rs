//! `labsite check`: builds the site in memory (nothing is written) and checks
//! every link, image and `#anchor` in the content of every page, and every
//! `ref`/`relref`, reporting all problems at once with the source `path:line`.
//! Links to other sites are only counted, unless asked for ([`external`]).

pub mod external;
mod html;

use crate::config::Overrides;
use crate::content::{Page, url};
use crate::error::{Result, Warning};
use crate::output::MemoryOutput;
use crate::site::Site;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::PathBuf;

/// What `labsite check` was asked.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub source: PathBuf,
    pub overrides: Overrides,
    /// Also ask other sites about the links to them.
    pub external: bool,
}

/// A broken link, image, anchor or reference, and where it is written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Problem {
    /// The source file, from the site folder.
    pub path: String,
    pub line: usize,
    /// Known for references only.
    pub col: Option<usize>,
    pub message: String,
}

impl Problem {
    /// A problem reported by the build as `path:line:col: message`.
    fn from_warning(text: &str) -> Option<Problem> {
        let placed = crate::error::placed(text)?;
        placed
            .message
            .starts_with("REF_NOT_FOUND: ")
            .then(|| Problem {
                path: placed.path.to_string(),
                line: placed.line.unwrap_or(1),
                col: placed.col,
                message: placed.message.to_string(),
            })
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path, self.line)?;
        if let Some(col) = self.col {
            write!(f, ":{col}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What a check found and how much it looked at.
#[derive(Debug, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
    /// The build's other warnings.
    pub warnings: Vec<Warning>,
    pub pages: usize,
    pub links: usize,
    pub images: usize,
    /// Links to other sites (checked only with `--external`).
    pub external: usize,
    pub external_checked: bool,
}

/// Checks the site of `options.source`. Errors are those that stop a build.
pub fn check(options: &CheckOptions) -> Result<Report> {
    let overrides = Overrides {
        ref_links_as_warnings: true,
        ..options.overrides.clone()
    };
    let site = Site::load(&options.source, &overrides)?;
    let mut output = MemoryOutput::default();
    let (_, warnings, kept) = site.build_keeping(&mut output)?;
    let mut report = Report::default();
    for warning in warnings {
        match Problem::from_warning(&warning.0) {
            Some(problem) => report.problems.push(problem),
            None => report.warnings.push(warning),
        }
    }
    let mut targets = Targets {
        files: &output.files,
        anchors: HashMap::new(),
    };
    // Each link to another site, with where it is written (path, line).
    let mut external: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    for (lang, language) in site.languages.iter().enumerate() {
        let site_urls = SiteUrls {
            base_url: language.config.base_url.trim_end_matches('/').to_string(),
            base_path: language.config.base_path().to_string(),
        };
        for id in language.tree.written() {
            let page = &language.tree[id];
            let (Some(file), Some(content)) = (&page.file, kept.content(lang, id)) else {
                continue;
            };
            report.pages += 1;
            let text = std::fs::read_to_string(site.root.join(&file.site_path)).unwrap_or_default();
            let mut finder = SourceFinder::new(&text, page.body_line);
            let source_path = file.site_path.display().to_string();
            for reference in html::references(&content.html) {
                let line = finder.line_of(&reference.url);
                let what = if reference.is_image { "image" } else { "link" };
                match site_urls.classify(&reference.url) {
                    Target::Elsewhere => {}
                    Target::External(url) => {
                        report.external += 1;
                        external
                            .entry(url)
                            .or_default()
                            .push((source_path.clone(), line));
                    }
                    Target::Internal { path, fragment } => {
                        if reference.is_image {
                            report.images += 1;
                        } else {
                            report.links += 1;
                        }
                        if let Some(message) =
                            targets.problem(page, &path, &fragment, reference.is_image)
                        {
                            report.problems.push(Problem {
                                path: source_path.clone(),
                                line,
                                col: None,
                                message: format!("broken {what} \"{}\": {message}", reference.url),
                            });
                        }
                    }
                }
            }
        }
    }
    if options.external {
        report.external_checked = true;
        let urls: Vec<String> = external.keys().cloned().collect();
        let answers = external::check(&urls);
        for (url, locations) in &external {
            if let Some(problem) = answers.get(url) {
                for (path, line) in locations {
                    report.problems.push(Problem {
                        path: path.clone(),
                        line: *line,
                        col: None,
                        message: format!("broken external link \"{url}\": {problem}"),
                    });
                }
            }
        }
    }
    // By file and line; a reference reported by every language once.
    let mut seen = HashSet::new();
    report.problems.retain(|p| seen.insert(p.clone()));
    report
        .problems
        .sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    Ok(report)
}

/// Where a link of the site's content leads.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A page or file of the site: URL path (relative to the page, or from the
    /// site root) and the fragment after `#`.
    Internal { path: String, fragment: String },
    /// Another site's page (`http`, `https`).
    External(String),
    /// Nothing to check: `mailto:`, `tel:`, `javascript:`, `data:`…
    Elsewhere,
}

/// How the site's own URLs look.
struct SiteUrls {
    /// `https://example.org/workshop` (no final slash).
    base_url: String,
    /// `/workshop`, or empty.
    base_path: String,
}

impl SiteUrls {
    fn classify(&self, link: &str) -> Target {
        let link = link.trim();
        // The site's own absolute URLs are links inside it.
        if let Some(rest) = link
            .strip_prefix(&self.base_url)
            .filter(|_| self.base_url.contains("://"))
            .filter(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
        {
            let path = format!("{}{rest}", self.base_path);
            return self.classify(if path.is_empty() { "/" } else { &path });
        }
        if let Some(rest) = link.strip_prefix("//") {
            return Target::External(format!("https://{rest}"));
        }
        let scheme = link.split_once(':').map(|(s, _)| s).filter(|s| {
            s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        });
        match scheme.map(str::to_ascii_lowercase).as_deref() {
            Some("http" | "https") => Target::External(link.to_string()),
            Some(_) => Target::Elsewhere,
            None => {
                let (before, fragment) = link.split_once('#').unwrap_or((link, ""));
                let path = before.split_once('?').map_or(before, |(p, _)| p);
                let path = match path.strip_prefix(&self.base_path) {
                    Some(rest)
                        if !self.base_path.is_empty()
                            && (rest.is_empty() || rest.starts_with('/')) =>
                    {
                        format!("/{}", rest.trim_start_matches('/'))
                    }
                    _ => path.to_string(),
                };
                Target::Internal {
                    path,
                    fragment: fragment.to_string(),
                }
            }
        }
    }
}

/// The files of the build, and the anchors of those read so far.
struct Targets<'o> {
    files: &'o BTreeMap<String, Vec<u8>>,
    anchors: HashMap<String, HashSet<String>>,
}

impl Targets<'_> {
    /// What is wrong with a link from `page` to `path#fragment`, if anything.
    fn problem(
        &mut self,
        page: &Page,
        path: &str,
        fragment: &str,
        is_image: bool,
    ) -> Option<String> {
        let absolute = if path.is_empty() {
            page.url.clone()
        } else if path.starts_with('/') {
            path.to_string()
        } else {
            let folder = page.url.rsplit_once('/').map_or("", |(folder, _)| folder);
            format!("{folder}/{path}")
        };
        let decoded = percent_encoding::percent_decode_str(&absolute)
            .decode_utf8_lossy()
            .into_owned();
        let resolved = url::clean(&decoded);
        let Some(file) = self.file_of(&resolved) else {
            return Some(format!("no page or file at {resolved}"));
        };
        if fragment.is_empty() || is_image || !file.ends_with(".html") {
            return None;
        }
        let fragment = percent_encoding::percent_decode_str(fragment)
            .decode_utf8_lossy()
            .into_owned();
        let files = self.files;
        let anchors = self.anchors.entry(file.clone()).or_insert_with(|| {
            files
                .get(&file)
                .map(|bytes| html::anchors(&String::from_utf8_lossy(bytes)))
                .unwrap_or_default()
        });
        (!anchors.contains(&fragment))
            .then(|| format!("{resolved} has no heading or element with id \"{fragment}\""))
    }

    /// The output file serving URL path `path`: the file itself, or the
    /// `index.html` of the folder of that name.
    fn file_of(&self, path: &str) -> Option<String> {
        let direct = url::output_file(path);
        if self.files.contains_key(&direct) {
            return Some(direct);
        }
        let folder = url::output_file(&format!("{path}/"));
        self.files.contains_key(&folder).then_some(folder)
    }
}

/// Finds where a link of the rendered page is written in its source file.
/// Links come in the order they are written, so the search goes on from the
/// last one found: a page of many links takes time linear in its length.
struct SourceFinder<'s> {
    text: &'s str,
    /// Where each line of `text` starts.
    line_starts: Vec<usize>,
    /// Where the last link found ends.
    cursor: usize,
    /// Where to look next for each text already found once.
    next: HashMap<String, usize>,
    /// The line to give when the link is not in the source as written (made by a
    /// shortcode or a link hook): the first line of the body.
    fallback: usize,
}

impl<'s> SourceFinder<'s> {
    fn new(text: &'s str, body_line: usize) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFinder {
            text,
            line_starts,
            cursor: 0,
            next: HashMap::new(),
            fallback: body_line.max(1),
        }
    }

    /// The line of the next place `link` is written (or, failing that, its part
    /// before `#`); a link repeated in the source gets each of its lines in turn.
    fn line_of(&mut self, link: &str) -> usize {
        let without_fragment = link.split('#').next().unwrap_or(link);
        for needle in [link, without_fragment] {
            if needle.is_empty() {
                continue;
            }
            let from = |start: usize| {
                self.text
                    .get(start..)
                    .and_then(|rest| rest.find(needle))
                    .map(|i| start + i)
            };
            let own = self.next.get(needle).copied().unwrap_or(0);
            let found = from(self.cursor.max(own))
                .or_else(|| from(own))
                .or_else(|| from(0));
            if let Some(offset) = found {
                self.next.insert(needle.to_string(), offset + needle.len());
                self.cursor = offset + needle.len();
                return self.line_starts.partition_point(|&start| start <= offset);
            }
        }
        self.fallback
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site_urls(base_url: &str, base_path: &str) -> SiteUrls {
        SiteUrls {
            base_url: base_url.into(),
            base_path: base_path.into(),
        }
    }

    #[test]
    fn links_are_sorted_into_internal_external_and_elsewhere() {
        let site = site_urls("https://example.org/lab", "/lab");
        let internal = |path: &str, fragment: &str| Target::Internal {
            path: path.into(),
            fragment: fragment.into(),
        };
        assert_eq!(site.classify("../a/?x=1#top"), internal("../a/", "top"));
        assert_eq!(site.classify("/lab/b/"), internal("/b/", ""));
        assert_eq!(
            site.classify("https://example.org/lab/c/#s"),
            internal("/c/", "s")
        );
        assert_eq!(site.classify("#here"), internal("", "here"));
        let at_root = site_urls("https://example.org", "");
        assert_eq!(
            at_root.classify("https://example.org/x/"),
            internal("/x/", "")
        );
        assert_eq!(at_root.classify("https://example.org"), internal("/", ""));
        assert_eq!(
            site.classify("//cdn.example.com/x.js"),
            Target::External("https://cdn.example.com/x.js".into())
        );
        assert_eq!(
            site.classify("HTTPS://aws.amazon.com/"),
            Target::External("HTTPS://aws.amazon.com/".into())
        );
        for elsewhere in [
            "mailto:a@b.c",
            "javascript:void(0)",
            "tel:+1",
            "data:image/png;base64,xx",
        ] {
            assert_eq!(site.classify(elsewhere), Target::Elsewhere, "{elsewhere}");
        }
    }

    #[test]
    fn repeated_links_get_their_lines_in_turn() {
        let text = "---\ntitle: t\n---\n[a](x/)\n\n[b](x/#top)\n";
        let mut finder = SourceFinder::new(text, 4);
        assert_eq!(finder.line_of("x/"), 4);
        assert_eq!(finder.line_of("x/#top"), 6);
        assert_eq!(finder.line_of("made/by/a/shortcode/"), 4);
    }
}
