//! The three data formats Hugo reads for config and front matter (TOML, YAML, JSON),
//! parsed into one value type, `serde_json::Value`, with map keys lower-cased as Hugo
//! treats them (case-insensitive). Dates stay strings; `crate::date` reads them.

use serde_json::{Map, Value};

/// A data format Hugo accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Toml,
    Yaml,
    Json,
}

impl Format {
    /// The format of a file with this extension (`toml`, `yaml`, `yml`, `json`).
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext {
            "toml" => Some(Format::Toml),
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Toml => "TOML",
            Format::Yaml => "YAML",
            Format::Json => "JSON",
        }
    }
}

/// A parse failure: the message and, when the parser knows it, the 1-based line and
/// column inside the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub line: usize,
    pub col: usize,
}

/// Parses `text` in `format` into a map with lower-cased keys. An empty document is
/// an empty map; a document that is not a map is an error.
pub fn parse_map(text: &str, format: Format) -> Result<Map<String, Value>, ParseError> {
    into_map(parse(text, format)?)
}

/// A parsed document as a map with lower-cased keys: an empty document is an
/// empty map; one that is not a map is an error.
pub fn into_map(value: Value) -> Result<Map<String, Value>, ParseError> {
    match lower_keys(value) {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        _ => Err(ParseError {
            message: "expected a map of keys and values".into(),
            line: 1,
            col: 1,
        }),
    }
}

/// Parses `text` in `format`, keys as written. An empty YAML document is an empty map.
pub fn parse(text: &str, format: Format) -> Result<Value, ParseError> {
    Ok(match format {
        Format::Toml => toml::from_str::<toml::Table>(text)
            .map(|t| toml_to_json(toml::Value::Table(t)))
            .map_err(|e| {
                let (line, col) = e
                    .span()
                    .map_or((1, 1), |s| crate::error::line_col(text, s.start));
                ParseError {
                    message: first_line(e.message()),
                    line,
                    col,
                }
            })?,
        Format::Yaml => {
            if text.trim().is_empty() {
                Value::Object(Map::new())
            } else {
                let v: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| {
                    // By byte offset: libyaml also counts a lone `\r` as a line break,
                    // editors and the other formats here do not.
                    let (line, col) = e
                        .location()
                        .map_or((1, 1), |l| crate::error::line_col(text, l.index()));
                    ParseError {
                        message: strip_yaml_position(&e.to_string()),
                        line,
                        col,
                    }
                })?;
                yaml_to_json(v)
            }
        }
        Format::Json => serde_json::from_str::<Value>(text).map_err(|e| ParseError {
            message: strip_json_position(&e.to_string()),
            line: e.line().max(1),
            col: e.column().max(1),
        })?,
    })
}

/// A key a YAML map gives more than once, at the entry whose value is kept
/// (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatedKey {
    pub key: String,
    pub line: usize,
    pub col: usize,
}

/// Parses YAML as Hugo before 0.60 (yaml.v2) did: a key given twice in one
/// map keeps its later value. Gives the value and each key given again.
pub fn parse_yaml_keeping_later(text: &str) -> Result<(Value, Vec<RepeatedKey>), ParseError> {
    let mut text = std::borrow::Cow::Borrowed(text);
    let mut repeated = Vec::new();
    loop {
        match parse(&text, Format::Yaml) {
            Ok(value) => return Ok((value, repeated)),
            Err(e) => {
                // "duplicate entry with key "k"", after the map's path if nested;
                // the position is the map's start.
                let key = e
                    .message
                    .split_once("duplicate entry with key ")
                    .map(|(_, k)| k.trim_matches('"').to_string());
                let kept = key
                    .as_deref()
                    .and_then(|key| keep_last_entry(&text, e.line, e.col, key));
                match (key, kept) {
                    (Some(key), Some((rest, line))) => {
                        repeated.push(RepeatedKey {
                            key,
                            line,
                            col: e.col,
                        });
                        text = std::borrow::Cow::Owned(rest);
                    }
                    _ => return Err(e),
                }
            }
        }
    }
}

/// `text` with every entry of `key` but the last blanked out in the map that
/// starts at `line`:`col` (their lines kept empty, so that later positions
/// stay right), and the line of the entry kept; `None` unless the key is
/// there more than once.
fn keep_last_entry(text: &str, line: usize, col: usize, key: &str) -> Option<(String, usize)> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let indent = col.checked_sub(1)?;
    let indent_of = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let blank = |l: &str| l.trim().is_empty() || l.trim_start().starts_with('#');
    let is_key = |l: &str| {
        let entry = l.get(indent..).unwrap_or_default();
        [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
            .iter()
            .any(|k| {
                entry
                    .strip_prefix(k.as_str())
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
    };
    // The map's entries: from its first line to the first line less indented.
    let start = line.checked_sub(1)?;
    let mut entries: Vec<usize> = Vec::new();
    let mut end = lines.len();
    for (i, l) in lines.iter().enumerate().skip(start) {
        if blank(l) || indent_of(l) > indent {
            continue;
        }
        if indent_of(l) < indent {
            end = i;
            break;
        }
        if is_key(l) {
            entries.push(i);
        }
    }
    let (&last, earlier) = entries.split_last()?;
    if earlier.is_empty() {
        return None;
    }
    // An entry runs to the next line of the map's indentation (a block
    // sequence item `- x` at that indentation belongs to it).
    let entry_end = |from: usize| {
        (from + 1..end)
            .find(|&j| {
                lines.get(j).is_some_and(|l| {
                    !blank(l)
                        && indent_of(l) <= indent
                        && !l.get(indent..).is_some_and(|r| r.starts_with("- "))
                })
            })
            .unwrap_or(end)
    };
    let dropped: Vec<(usize, usize)> = earlier.iter().map(|&i| (i, entry_end(i))).collect();
    let out = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if dropped.iter().any(|(a, b)| (*a..*b).contains(&i)) {
                if l.ends_with('\n') { "\n" } else { "" }
            } else {
                l
            }
        })
        .collect();
    Some((out, last + 1))
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_string()
}

fn strip_yaml_position(s: &str) -> String {
    // serde_yaml appends " at line X column Y"; the location is reported separately.
    match s.find(" at line ") {
        Some(i) => s.get(..i).unwrap_or_default().to_string(),
        None => s.to_string(),
    }
}

fn strip_json_position(s: &str) -> String {
    match s.rfind(" at line ") {
        Some(i) => s.get(..i).unwrap_or_default().to_string(),
        None => s.to_string(),
    }
}

/// Lower-cases every map key, recursively.
pub fn lower_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = Map::with_capacity(map.len());
            for (k, v) in map {
                out.insert(k.to_lowercase(), lower_keys(v));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(lower_keys).collect()),
        other => other,
    }
}

fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn yaml_to_json(value: serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Value::Null, Value::Number)
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                out.insert(yaml_key(k), yaml_to_json(v));
            }
            Value::Object(out)
        }
        Y::Tagged(t) => yaml_to_json(t.value),
    }
}

fn yaml_key(key: serde_yaml::Value) -> String {
    use serde_yaml::Value as Y;
    match key {
        Y::String(s) => s,
        Y::Bool(b) => b.to_string(),
        Y::Number(n) => n.to_string(),
        Y::Null => String::new(),
        other => serde_yaml::to_string(&other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// Merges `over` onto `base`: maps merge key by key recursively, anything else in
/// `over` replaces what `base` has.
pub fn deep_merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(existing) => deep_merge(existing, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (b, o) => *b = o,
    }
}

/// Hugo's truthiness for a front-matter or config value: `false`, `0`, `""`, null
/// and empty collections are false; the string "false" is true as in Go templates.
pub fn truthy(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// A value as display text (strings as they are, numbers and booleans printed).
pub fn as_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_lower_cased_in_every_format() {
        let t = parse_map("Title = 'x'\n[Params]\nEditURL = 'u'", Format::Toml).unwrap();
        assert_eq!(t["params"]["editurl"], "u");
        let y = parse_map("Title: x\nParams:\n  EditURL: u\n", Format::Yaml).unwrap();
        assert_eq!(y["params"]["editurl"], "u");
        let j = parse_map(
            r#"{"Title": "x", "Params": {"EditURL": "u"}}"#,
            Format::Json,
        )
        .unwrap();
        assert_eq!(j["title"], "x");
    }

    #[test]
    fn toml_dates_become_strings() {
        let t = parse_map("date = 2019-04-09T00:00:00-03:00", Format::Toml).unwrap();
        assert_eq!(t["date"], "2019-04-09T00:00:00-03:00");
    }

    #[test]
    fn parse_errors_carry_line_and_column() {
        let e = parse_map("title: x\nweight: [1\n", Format::Yaml).unwrap_err();
        assert_eq!(e.line, 3);
        let e = parse_map("title = 'x'\nweight = \n", Format::Toml).unwrap_err();
        assert_eq!((e.line, e.col), (2, 10));
        let e = parse_map("{\"a\": 1,\n \"b\" 2}", Format::Json).unwrap_err();
        assert_eq!((e.line, e.col), (2, 6));
    }

    #[test]
    fn deep_merge_keeps_base_keys() {
        let mut base = serde_json::json!({"params": {"a": 1, "b": 2}, "title": "t"});
        deep_merge(&mut base, serde_json::json!({"params": {"b": 3}}));
        assert_eq!(
            base,
            serde_json::json!({"params": {"a": 1, "b": 3}, "title": "t"})
        );
    }
}
