//! `urls.Parse`: a URL split into the parts Go's `net/url.URL` exposes, for
//! absolute and relative references alike.

use crate::gotemplate::value::{Object, Value};

/// A parsed URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Url {
    pub scheme: String,
    pub host: String,
    pub path: String,
    pub raw_query: String,
    pub fragment: String,
    source: String,
}

impl Url {
    pub fn parse(text: &str) -> Url {
        let source = text.to_string();
        let (rest, fragment) = match text.split_once('#') {
            Some((r, f)) => (r, f.to_string()),
            None => (text, String::new()),
        };
        let (rest, raw_query) = match rest.split_once('?') {
            Some((r, q)) => (r, q.to_string()),
            None => (rest, String::new()),
        };
        let scheme_end = rest.find(':').filter(|&i| {
            i > 0
                && rest
                    .get(..i)
                    .unwrap_or_default()
                    .starts_with(|c: char| c.is_ascii_alphabetic())
                && rest
                    .get(..i)
                    .unwrap_or_default()
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        let (scheme, rest) = match scheme_end {
            Some(i) => (
                rest.get(..i).unwrap_or_default().to_lowercase(),
                rest.get(i + 1..).unwrap_or_default(),
            ),
            None => (String::new(), rest),
        };
        let (host, path) = match rest.strip_prefix("//") {
            Some(after) => match after.find('/') {
                Some(i) => (
                    after.get(..i).unwrap_or_default().to_string(),
                    after.get(i..).unwrap_or_default().to_string(),
                ),
                None => (after.to_string(), String::new()),
            },
            None => (String::new(), rest.to_string()),
        };
        Url {
            scheme,
            host,
            path,
            raw_query,
            fragment,
            source,
        }
    }
}

impl<'a> Object<'a> for Url {
    fn method(&self, name: &str, _: &[Value<'a>]) -> Option<Result<Value<'a>, String>> {
        Some(Ok(match name {
            "Scheme" => Value::str(&self.scheme),
            "Host" => Value::str(&self.host),
            "Hostname" => Value::str(self.host.split(':').next().unwrap_or("")),
            "Port" => Value::str(self.host.split_once(':').map_or("", |(_, p)| p)),
            "Path" => Value::str(&self.path),
            "RawQuery" => Value::str(&self.raw_query),
            "Fragment" => Value::str(&self.fragment),
            "IsAbs" => Value::Bool(!self.scheme.is_empty()),
            "String" => Value::str(&self.source),
            "Query" => Value::Object(std::rc::Rc::new(QueryValues::parse(&self.raw_query))),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "*url.URL"
    }

    fn display(&self) -> String {
        self.source.clone()
    }
}

/// A query's values (Go's `url.Values`): `.Get KEY` (the first value, or
/// empty), `.Has KEY`, each value percent-decoded.
pub struct QueryValues(std::collections::BTreeMap<String, Vec<String>>);

impl QueryValues {
    fn parse(raw: &str) -> QueryValues {
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(&s.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned()
        };
        let mut values: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for pair in raw.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            values.entry(decode(k)).or_default().push(decode(v));
        }
        QueryValues(values)
    }
}

impl<'a> Object<'a> for QueryValues {
    fn method(&self, name: &str, args: &[Value<'a>]) -> Option<Result<Value<'a>, String>> {
        let key = args.first().map(Value::to_text).unwrap_or_default();
        Some(Ok(match name {
            "Get" => Value::str(
                self.0
                    .get(&key)
                    .and_then(|v| v.first())
                    .map_or("", String::as_str),
            ),
            "Has" => Value::Bool(self.0.contains_key(&key)),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "url.Values"
    }

    fn display(&self) -> String {
        let entries: Vec<String> = self
            .0
            .iter()
            .map(|(k, v)| format!("{k}:[{}]", v.join(" ")))
            .collect();
        format!("map[{}]", entries.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_and_relative() {
        let u = Url::parse("https://example.org:8080/docs/x/?a=1#top");
        assert_eq!(
            (
                u.scheme.as_str(),
                u.host.as_str(),
                u.path.as_str(),
                u.raw_query.as_str(),
                u.fragment.as_str()
            ),
            ("https", "example.org:8080", "/docs/x/", "a=1", "top")
        );
        let r = Url::parse("../images/logo.svg?border=false");
        assert_eq!((r.scheme.as_str(), r.host.as_str()), ("", ""));
        assert_eq!(r.path, "../images/logo.svg");
        assert_eq!(Url::parse("mailto:me@example.org").path, "me@example.org");
    }
}
