//! Data read from text and written as text: `transform.Unmarshal` (JSON, YAML,
//! TOML, CSV, told apart by their look or a resource's type),
//! `transform.Remarshal`, and `debug.Dump`.

use super::funcs::to_json;
use super::value::Value;
use crate::data_format::{self, Format};

/// The format of `text` judged by its look, as Hugo judges an unnamed text.
fn format_of(text: &str) -> Option<Format> {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))?;
    if first.starts_with('{') || first.starts_with('[') && !first.ends_with(']') {
        return Some(Format::Json);
    }
    if first.starts_with('[')
        || first
            .split_once('=')
            .is_some_and(|(k, _)| !k.contains([':', ',']))
    {
        return Some(Format::Toml);
    }
    first.contains(':').then_some(Format::Yaml)
}

/// The rows of CSV `text` split at `delimiter`; quoted fields may hold it.
fn csv_rows<'a>(text: &str, delimiter: char) -> Vec<Value<'a>> {
    let mut rows = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = !quoted,
                c if c == delimiter && !quoted => {
                    fields.push(Value::str(std::mem::take(&mut field)))
                }
                c => field.push(c),
            }
        }
        fields.push(Value::str(field));
        rows.push(Value::list(fields));
    }
    rows
}

/// `unmarshal [OPTIONS] TEXT_OR_RESOURCE`.
fn unmarshal<'a>(args: &[Value<'a>]) -> Result<Value<'a>, String> {
    let (options, input) = match args {
        [input] => (None, input),
        [Value::Map(options), input] => (Some(options), input),
        _ => {
            return Err(
                "transform.Unmarshal: want the text, after an optional map of options".into(),
            );
        }
    };
    let (text, named) = match input {
        Value::Object(o) => {
            let content = o
                .method("Content", &[])
                .unwrap_or(Ok(Value::Nil))?
                .to_text();
            let name = o
                .method("Name", &[])
                .and_then(Result::ok)
                .map(|n| n.to_text())
                .unwrap_or_default();
            let ext = name
                .rsplit_once('.')
                .map(|(_, e)| e.to_lowercase())
                .unwrap_or_default();
            let named = if ext == "csv" {
                Some(None)
            } else {
                Format::from_extension(&ext).map(Some)
            };
            (content, named)
        }
        other => (other.to_text(), None),
    };
    if text.trim().is_empty() {
        return Ok(Value::map(Default::default()));
    }
    let format = match named {
        Some(format) => format,
        None => format_of(&text),
    };
    match format {
        Some(format) => data_format::parse(&text, format)
            .map(|v| Value::from_json(&v))
            .map_err(|e| {
                format!(
                    "transform.Unmarshal: {} at line {}, column {}",
                    e.message, e.line, e.col
                )
            }),
        None => {
            let delimiter = options
                .and_then(|o| o.get("delimiter"))
                .and_then(|d| d.to_text().chars().next())
                .unwrap_or(',');
            Ok(Value::list(csv_rows(&text, delimiter)))
        }
    }
}

/// `transform.Remarshal FORMAT TEXT`: the data of `TEXT` written as `FORMAT`.
fn remarshal<'a>(args: &[Value<'a>]) -> Result<Value<'a>, String> {
    let [target, input] = args else {
        return Err("transform.Remarshal: want the format and the text".into());
    };
    let data = to_json(&unmarshal(std::slice::from_ref(input))?);
    let text = match target.to_text().to_lowercase().as_str() {
        "json" => pretty_json(&data, b"   ")?,
        "yaml" | "yml" => serde_yaml::to_string(&data).map_err(|e| e.to_string())?,
        "toml" => toml::to_string(&data).map_err(|e| e.to_string())?,
        other => {
            return Err(format!(
                "transform.Remarshal: {other:?} is not json, yaml or toml"
            ));
        }
    };
    Ok(Value::str(text))
}

fn pretty_json(data: &serde_json::Value, indent: &[u8]) -> Result<String, String> {
    use serde::Serialize;
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(indent);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    data.serialize(&mut serializer).map_err(|e| e.to_string())?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// The data functions. `None` when `name` is not one of them.
pub fn call<'a>(name: &str, args: &[Value<'a>]) -> Option<Result<Value<'a>, String>> {
    Some(match name {
        "unmarshal" => unmarshal(args),
        "transform.Remarshal" => remarshal(args),
        "debug.Dump" => {
            pretty_json(&to_json(args.first().unwrap_or(&Value::Nil)), b"  ").map(Value::str)
        }
        _ => return None,
    })
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
    fn data_in_and_out_of_text_as_hugo_has_it() {
        assert_eq!(run("unmarshal", &["a: 1\nb: [x, y]\n"]), "map[a:1 b:[x y]]");
        assert_eq!(
            run("unmarshal", &["{\"k\": {\"v\": 2.5}}"]),
            "map[k:map[v:2.5]]"
        );
        assert_eq!(
            run("unmarshal", &["x = 'y'\n[s]\nn = 3"]),
            "map[s:map[n:3] x:y]"
        );
        assert_eq!(run("unmarshal", &["a,b\n1,2"]), "[[a b] [1 2]]");
        assert_eq!(
            run("transform.Remarshal", &["json", "a: 1\nb: x"]),
            "{\n   \"a\": 1,\n   \"b\": \"x\"\n}"
        );
        assert_eq!(run("transform.Remarshal", &["yaml", "{\"a\":1}"]), "a: 1\n");
        assert_eq!(run("transform.Remarshal", &["toml", "a: 1"]), "a = 1\n");
    }
}
