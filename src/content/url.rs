//! Content path → URL, as Hugo computes it (spec §1.2): path segments sanitised and
//! lower-cased, `slug` and `url` front matter, pretty (`/a/x/`) or ugly (`/a/x.html`)
//! URLs, and the output file each URL is written to.

use crate::text::url::sanitize;

/// The URL path (relative to the site root, starting and ending with `/` for
/// directories) of a section at content dir `dir` (`""` = home).
pub fn section_path(dir: &str) -> String {
    let mut out = String::from("/");
    for seg in dir.split('/').filter(|s| !s.is_empty()) {
        out.push_str(&sanitize(seg));
        out.push('/');
    }
    out
}

/// The URL path of a regular page in content dir `dir` named `name` (file base name,
/// bundle dir name or slug).
pub fn page_path(dir: &str, name: &str, ugly: bool) -> String {
    let mut out = section_path(dir);
    out.push_str(&sanitize(name));
    if ugly {
        out.push_str(".html");
    } else {
        out.push('/');
    }
    out
}

/// The URL path given by `url` front matter: used as written; without a dot in its
/// last segment it names a directory.
pub fn explicit_path(url: &str) -> String {
    let mut out = String::new();
    if !url.starts_with('/') {
        out.push('/');
    }
    out.push_str(url);
    let last = out.rsplit('/').next().unwrap_or("");
    if !last.contains('.') && !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// Whether slash-separated `path` (an URL path from the site root, or a file
/// path inside the site) climbs above its start with `..`.
pub fn leaves_root(path: &str) -> bool {
    let mut depth: i64 = 0;
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => depth -= 1,
            _ => depth += 1,
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

/// URL path `path` with `.` and `..` resolved and doubled slashes made one; a
/// final slash is kept. `..` above the root is dropped (check [`leaves_root`]).
pub fn clean(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if path.ends_with('/') && !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// The file (relative to the output folder) a URL path is written to.
pub fn output_file(url_path: &str) -> String {
    let trimmed = url_path.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".to_string()
    } else if url_path.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_string()
    }
}

/// Folder URL under which a page's resources are published.
pub fn bundle_dir_url(page_url: &str) -> String {
    if let Some(dir) = page_url.strip_suffix("index.html") {
        return dir.to_string();
    }
    match page_url.strip_suffix(".html") {
        Some(stem) => format!("{stem}/"),
        None => page_url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_cleaned_and_climbing_out_is_seen() {
        assert_eq!(clean("/a/../old"), "/old");
        assert_eq!(clean("/a/./b//c/"), "/a/b/c/");
        assert!(leaves_root("/a/../../x") && !leaves_root("/a/../x"));
    }

    #[test]
    fn page_and_section_paths() {
        assert_eq!(section_path(""), "/");
        assert_eq!(section_path("Labs/Intro Part"), "/labs/intro-part/");
        assert_eq!(
            page_path("labs", "Step 1 (AWS)", false),
            "/labs/step-1-aws/"
        );
        assert_eq!(page_path("labs", "step1", true), "/labs/step1.html");
        assert_eq!(page_path("", "about", false), "/about/");
    }

    #[test]
    fn explicit_urls_keep_case_and_name_files() {
        assert_eq!(explicit_path("/About"), "/About/");
        assert_eq!(explicit_path("x/y.html"), "/x/y.html");
        assert_eq!(explicit_path("/docs/"), "/docs/");
    }

    #[test]
    fn output_files() {
        assert_eq!(output_file("/"), "index.html");
        assert_eq!(output_file("/a/b/"), "a/b/index.html");
        assert_eq!(output_file("/a/b.html"), "a/b.html");
    }
}
