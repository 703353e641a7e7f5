//! Hugo's path and URL-path functions beyond `path.Base`/`Dir`/`Ext`/`Join`:
//! `path.BaseName`, `path.Clean`, `path.Split`, `urls.JoinPath`,
//! `urls.PathEscape`, `urls.PathUnescape`.

use super::value::{Object, Value};
use std::rc::Rc;

/// Go's `path.Clean`: `.` and `..` resolved, slashes single, no trailing slash.
pub fn clean(path: &str) -> String {
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// Go's `url.PathEscape`: everything but unreserved characters and `&=+$,;:@`
/// percent-encoded.
fn path_escape(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~&=+$,;:@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A `path.Split` result (`.Dir`, `.File`): prints as `DIR|FILE`, as Hugo's does.
struct DirFile {
    dir: String,
    file: String,
}

impl<'a> Object<'a> for DirFile {
    fn method(&self, name: &str, _: &[Value<'a>]) -> Option<Result<Value<'a>, String>> {
        match name {
            "Dir" => Some(Ok(Value::str(&self.dir))),
            "File" => Some(Ok(Value::str(&self.file))),
            _ => None,
        }
    }

    fn type_name(&self) -> &'static str {
        "paths.DirFile"
    }

    fn display(&self) -> String {
        format!("{}|{}", self.dir, self.file)
    }
}

/// The path functions. `None` when `name` is not one of them.
pub fn call<'a>(name: &str, args: &[Value<'a>]) -> Option<Result<Value<'a>, String>> {
    let text = |i: usize| args.get(i).map(Value::to_text).unwrap_or_default();
    let path = text(0).replace('\\', "/");
    Some(Ok(match name {
        "path.Clean" => Value::str(clean(&path)),
        "path.BaseName" => {
            let base = clean(&path);
            let base = base.rsplit('/').next().unwrap_or_default();
            Value::str(base.rsplit_once('.').map_or(base, |(stem, _)| stem))
        }
        "path.Split" => {
            let (dir, file) = path.rfind('/').map_or(("", path.as_str()), |i| {
                (
                    path.get(..=i).unwrap_or_default(),
                    path.get(i + 1..).unwrap_or_default(),
                )
            });
            return Some(Ok(Value::Object(Rc::new(DirFile {
                dir: dir.into(),
                file: file.into(),
            }))));
        }
        "urls.JoinPath" => {
            let parts: Vec<String> = args.iter().map(Value::to_text).collect();
            let Some((first, rest)) = parts.split_first() else {
                return Some(Err("urls.JoinPath: missing the base".into()));
            };
            // A base with a scheme keeps it; the path after it is cleaned.
            let (origin, base_path) = match first.find("://") {
                Some(i) => {
                    let after = i + 3;
                    let path_at = first
                        .get(after..)
                        .and_then(|r| r.find('/'))
                        .map_or(first.len(), |p| after + p);
                    (
                        first.get(..path_at).unwrap_or_default(),
                        first.get(path_at..).unwrap_or_default(),
                    )
                }
                None => ("", first.as_str()),
            };
            let joined = std::iter::once(base_path)
                .chain(rest.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join("/");
            let mut cleaned = clean(&joined);
            if cleaned == "." {
                cleaned.clear();
            }
            if rest.last().is_some_and(|l| l.ends_with('/')) && !cleaned.ends_with('/') {
                cleaned.push('/');
            }
            if !origin.is_empty() && !cleaned.starts_with('/') {
                cleaned.insert(0, '/');
            }
            Value::str(format!("{origin}{cleaned}"))
        }
        "urls.PathEscape" => Value::str(path_escape(&text(0))),
        "urls.PathUnescape" => {
            Value::str(percent_encoding::percent_decode_str(&text(0)).decode_utf8_lossy())
        }
        _ => return None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gotemplate::testing::{shown, texts};

    fn run(name: &str, args: &[&str]) -> String {
        shown(call(name, &texts(args)))
    }

    /// Hugo 0.168's results for the same calls.
    #[test]
    fn paths_as_hugo_gives_them() {
        assert_eq!(run("path.BaseName", &["a/b/c.html"]), "c");
        assert_eq!(run("path.BaseName", &["/a/b/"]), "b");
        assert_eq!(run("path.BaseName", &["c.tar.gz"]), "c.tar");
        assert_eq!(run("path.Clean", &["a//b/../c/./d/"]), "a/c/d");
        assert_eq!(run("path.Clean", &[""]), ".");
        assert_eq!(run("path.Clean", &["/a/../.."]), "/");
        assert_eq!(run("path.Split", &["a/b/c.html"]), "a/b/|c.html");
        assert_eq!(run("path.Split", &["c.html"]), "|c.html");
        assert_eq!(run("path.Split", &["a/b/"]), "a/b/|");
        assert_eq!(
            run("urls.JoinPath", &["https://x.org/a/", "b", "../c"]),
            "https://x.org/a/c"
        );
        assert_eq!(run("urls.JoinPath", &["a", "b"]), "a/b");
        assert_eq!(run("urls.JoinPath", &["/a/", "/b/"]), "/a/b/");
        assert_eq!(run("urls.PathEscape", &["a b/c?d"]), "a%20b%2Fc%3Fd");
        assert_eq!(run("urls.PathEscape", &["ü&=+"]), "%C3%BC&=+");
        assert_eq!(run("urls.PathUnescape", &["a%20b%2Fc"]), "a b/c");
    }
}
