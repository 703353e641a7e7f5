//! URL text: Hugo's sanitising of a path segment (`urlize`, page URLs) and the
//! percent-encoding of a URL path.

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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn encoding() {
        assert_eq!(encode_path("/日本/"), "/%E6%97%A5%E6%9C%AC/");
        assert_eq!(encode_path("/a#b/"), "/a%23b/");
    }
}
