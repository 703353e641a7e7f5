//! Content path → URL, as Hugo computes it (spec §1.2): path segments sanitised and
//! lower-cased, `slug` and `url` front matter, pretty (`/a/x/`) or ugly (`/a/x.html`)
//! URLs, and the output file each URL is written to.

/// Hugo's `paths.Sanitize` followed by lower-casing: keeps letters, digits, marks and
/// `. / \ _ # + ~ - @` and `%XX` escapes; a run of whitespace between kept characters
/// becomes one `-`; everything else is dropped.
pub fn sanitize(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    let mut pending_dash = false;
    let chars: Vec<char> = segment.chars().collect();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c.is_whitespace() {
            pending_dash = !out.is_empty();
            i += 1;
            continue;
        }
        let keep = c.is_alphanumeric()
            || is_mark(c)
            || matches!(c, '.' | '/' | '\\' | '_' | '#' | '+' | '~' | '-' | '@');
        let escape = c == '%'
            && chars.get(i + 1).is_some_and(char::is_ascii_hexdigit)
            && chars.get(i + 2).is_some_and(char::is_ascii_hexdigit);
        if keep || escape {
            if pending_dash {
                out.push('-');
                pending_dash = false;
            }
            out.push(c);
        }
        i += 1;
    }
    out.to_lowercase()
}

fn is_mark(c: char) -> bool {
    // Combining marks (the ranges workshop content meets in practice).
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

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

/// Percent-encodes a URL path the way Hugo's RelPermalink does (non-ASCII bytes,
/// spaces and a few reserved characters), keeping `/`.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@%".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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
    fn sanitize_cases_from_the_spec() {
        assert_eq!(sanitize("My Slug!"), "my-slug");
        assert_eq!(sanitize("Step 1 (AWS)"), "step-1-aws");
        assert_eq!(sanitize("  lead and trail  "), "lead-and-trail");
        assert_eq!(sanitize("a_b.c+d~e@f#g"), "a_b.c+d~e@f#g");
        assert_eq!(sanitize("100%25 done"), "100%25-done");
        assert_eq!(sanitize("日本 語"), "日本-語");
        assert_eq!(sanitize("Über"), "über");
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

    #[test]
    fn encoding() {
        assert_eq!(encode_path("/日本/"), "/%E6%97%A5%E6%9C%AC/");
        assert_eq!(encode_path("/a#b/"), "/a%23b/");
    }
}
