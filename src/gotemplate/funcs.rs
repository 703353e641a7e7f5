//! Go's builtin template functions and the pure functions of Hugo's that need no
//! site (strings, collections, math, comparison, `printf`).

use super::format::{sprint, sprintf};
use super::value::{Trust, Value};
use std::collections::BTreeMap;

fn arg<'a>(args: &[Value<'a>], i: usize) -> Value<'a> {
    args.get(i).cloned().unwrap_or(Value::Nil)
}

fn text(v: &Value<'_>) -> String {
    v.to_text()
}

fn want(args: &[Value<'_>], n: usize, name: &str) -> Result<(), String> {
    if args.len() < n {
        return Err(format!(
            "wrong number of args for {name}: want {n} got {}",
            args.len()
        ));
    }
    Ok(())
}

/// Hugo's `plainify`: tags removed, `</p>` and `<br>` become line breaks, other
/// line breaks spaces, runs of spaces one.
pub fn strip_html(s: &str) -> String {
    if !s.contains(['<', '>']) {
        return s.to_string();
    }
    let s = s
        .replace('\n', " ")
        .replace("</p>", "\n")
        .replace("<br>", "\n")
        .replace("<br />", "\n");
    let mut out = String::new();
    // A run of white space is one, even with tags between its parts.
    let (mut in_tag, mut was_space) = (false, false);
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if in_tag => {}
            c if c.is_whitespace() => {
                if !was_space {
                    out.push(c);
                }
                was_space = true;
            }
            c => {
                out.push(c);
                was_space = false;
            }
        }
    }
    out
}

fn len_of(v: &Value<'_>) -> Result<usize, String> {
    match v {
        // Go counts a string's bytes.
        Value::String(s) | Value::Trusted(_, s) => Ok(s.len()),
        Value::List(l) => Ok(l.len()),
        Value::Map(m) => Ok(m.len()),
        Value::Nil => Ok(0),
        Value::Object(o) if o.items().is_some() => Ok(o.items().unwrap_or_default().len()),
        other => Err(format!("len of type {}", other.type_name())),
    }
}

fn index<'a>(mut v: Value<'a>, keys: &[Value<'a>]) -> Result<Value<'a>, String> {
    for k in keys {
        v = match (&v, k) {
            (Value::List(l), _) => match k.as_i64() {
                Some(i) if i >= 0 && (i as usize) < l.len() => {
                    l.get(i as usize).cloned().unwrap_or(Value::Nil)
                }
                _ => return Err(format!("index out of range: {}", text(k))),
            },
            (Value::Map(_), _) => v.field(&text(k))?,
            (Value::Nil, _) => Value::Nil,
            (other, _) => return Err(format!("can't index item of type {}", other.type_name())),
        };
    }
    Ok(v)
}

fn number<'a>(f: f64, ints: bool) -> Value<'a> {
    if ints {
        Value::Int(f as i64)
    } else {
        Value::Float(f)
    }
}

fn arith<'a>(name: &str, args: &[Value<'a>]) -> Result<Value<'a>, String> {
    want(args, 2, name)?;
    let (a, b) = (&arg(args, 0), &arg(args, 1));
    if let ("add", Some(x), Some(y)) = (name, a.as_str(), b.as_str()) {
        return Ok(Value::str(format!("{x}{y}")));
    }
    let (x, y) = (
        a.as_f64().ok_or("can't do math on a non-number")?,
        b.as_f64().ok_or("can't do math on a non-number")?,
    );
    // `mod` works on whole numbers (Hugo casts both, 0.5 to 0); integers wrap
    // around as Go's int64 does, never overflowing.
    let whole = match (a, b) {
        (Value::Int(i), Value::Int(j)) => Some((*i, *j)),
        _ if name == "mod" => Some((x as i64, y as i64)),
        _ => None,
    };
    if name == "div" && y == 0.0 {
        return Err("can't divide the value by 0".into());
    }
    Ok(match (name, whole) {
        ("mod", Some((_, 0))) => {
            return Err("the number can't be divided by zero at modulo operation".into());
        }
        ("add", Some((i, j))) => Value::Int(i.wrapping_add(j)),
        ("sub", Some((i, j))) => Value::Int(i.wrapping_sub(j)),
        ("mul", Some((i, j))) => Value::Int(i.wrapping_mul(j)),
        ("div", Some((i, j))) => Value::Int(i.wrapping_div(j)),
        ("mod", Some((i, j))) => Value::Int(i.wrapping_rem(j)),
        ("add", None) => Value::Float(x + y),
        ("sub", None) => Value::Float(x - y),
        ("mul", None) => Value::Float(x * y),
        _ => Value::Float(x / y),
    })
}

/// Hugo's `seq`: `LAST` (from 1, or -1 down), `FIRST LAST` (by one, up or
/// down) or `FIRST INCREMENT LAST`; at most a million numbers, as in Hugo.
fn seq<'a>(args: &[Value<'a>]) -> Result<Value<'a>, String> {
    const LIMIT: i128 = 1_000_000;
    let int = |v: &Value<'_>| {
        v.as_i64()
            .map(i128::from)
            .ok_or("seq: the arguments must be numbers")
    };
    let (first, step, last) = match args {
        [n] => {
            let n = int(n)?;
            match n {
                0 => return Ok(Value::list(Vec::new())),
                n if n < 0 => (-1, -1, n),
                n => (1, 1, n),
            }
        }
        [a, b] => {
            let (a, b) = (int(a)?, int(b)?);
            (a, if a <= b { 1 } else { -1 }, b)
        }
        [a, inc, b] => {
            let (a, inc, b) = (int(a)?, int(inc)?, int(b)?);
            if inc == 0 {
                return Err("'increment' must not be 0".into());
            }
            if (a < b && inc < 0) || (a > b && inc > 0) {
                return Err(format!(
                    "'increment' must be {} 0",
                    if a < b { ">" } else { "<" }
                ));
            }
            (a, inc, b)
        }
        _ => return Err("invalid number of arguments to seq".into()),
    };
    let size = (last - first) / step + 1;
    if size > LIMIT {
        return Err("size of result exceeds limit".into());
    }
    let items = (0..size).map(|i| Value::Int((first + i * step) as i64));
    Ok(Value::list(items.collect()))
}

/// `strings.Repeat COUNT TEXT`, refused past 64 MiB (labsite's bound: a
/// number in a template never makes the build take memory far beyond its
/// input).
fn repeat<'a>(text: &str, count: i64) -> Result<Value<'a>, String> {
    const LIMIT: u128 = 64 << 20;
    if count < 0 {
        return Err("strings: negative Repeat count".into());
    }
    let size = text.len() as u128 * count as u128;
    if size > LIMIT {
        return Err(format!(
            "strings.Repeat: the result would be {size} bytes, over labsite's limit of 64 MiB"
        ));
    }
    Ok(Value::str(text.repeat(count as usize)))
}

/// The functions every template has. `None` when `name` is not one of them.
pub fn builtin<'a>(name: &str, args: &[Value<'a>]) -> Option<Result<Value<'a>, String>> {
    let a0 = &arg(args, 0);
    let a1 = &arg(args, 1);
    Some(match name {
        "not" => Ok(Value::Bool(!a0.truthy())),
        "eq" => want(args, 2, name).map(|_| {
            Value::Bool(
                args.get(1..)
                    .unwrap_or_default()
                    .iter()
                    .any(|b| a0.equals(b)),
            )
        }),
        "ne" => want(args, 2, name).map(|_| Value::Bool(!a0.equals(a1))),
        "lt" | "le" | "gt" | "ge" => want(args, 2, name).and_then(|_| a0.compare(a1)).map(|o| {
            use std::cmp::Ordering::*;
            Value::Bool(match name {
                "lt" => o == Less,
                "le" => o != Greater,
                "gt" => o == Greater,
                _ => o != Less,
            })
        }),
        "len" => len_of(a0).map(|n| Value::Int(n as i64)),
        "index" => index(
            a0.clone(),
            args.get(1.min(args.len())..).unwrap_or_default(),
        ),
        "print" => Ok(Value::str(sprint(args))),
        "println" => Ok(Value::str(format!(
            "{}\n",
            args.iter().map(text).collect::<Vec<_>>().join(" ")
        ))),
        "printf" => Ok(Value::str(sprintf(
            &text(a0),
            args.get(1.min(args.len())..).unwrap_or_default(),
        ))),
        "html" | "htmlEscape" => Ok(Value::str(crate::text::escape::go_escape(&text(a0)))),
        "htmlUnescape" => Ok(Value::str(
            text(a0)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#34;", "\"")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#43;", "+")
                .replace("&amp;", "&"),
        )),
        "urlquery" => Ok(Value::str(
            crate::text::url::encode_path(&text(a0)).replace('/', "%2F"),
        )),
        "js" => Ok(Value::str(
            text(a0)
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\'', "\\'"),
        )),
        "safeHTML" => Ok(Value::html(text(a0))),
        "safeHTMLAttr" => Ok(Value::trusted(Trust::HtmlAttr, text(a0))),
        "safeURL" => Ok(Value::trusted(Trust::Url, text(a0))),
        "safeJS" => Ok(Value::trusted(Trust::Js, text(a0))),
        "safeCSS" => Ok(Value::trusted(Trust::Css, text(a0))),
        "default" => want(args, 2, name).map(|_| if a1.truthy() { a1.clone() } else { a0.clone() }),
        "cond" => want(args, 3, name).map(|_| {
            if a0.truthy() {
                a1.clone()
            } else {
                arg(args, 2)
            }
        }),
        "dict" => {
            let mut m = BTreeMap::new();
            for pair in args.chunks(2) {
                if let [k, v] = pair {
                    m.insert(text(k), v.clone());
                }
            }
            Ok(Value::map(m))
        }
        "slice" => Ok(Value::list(args.to_vec())),
        "seq" => seq(args),
        "first" | "last" => want(args, 2, name).map(|_| match a1 {
            Value::List(l) => {
                let n = a0.as_i64().unwrap_or(0).max(0) as usize;
                let items: Vec<Value<'a>> = if name == "first" {
                    l.iter().take(n).cloned().collect()
                } else {
                    l.iter().skip(l.len().saturating_sub(n)).cloned().collect()
                };
                Value::list(items)
            }
            other => other.clone(),
        }),
        "after" => want(args, 2, name).map(|_| match a1 {
            Value::List(l) => Value::list(
                l.iter()
                    .skip(a0.as_i64().unwrap_or(0).max(0) as usize)
                    .cloned()
                    .collect(),
            ),
            other => other.clone(),
        }),
        "in" => Ok(Value::Bool(match a0 {
            Value::List(l) => l.iter().any(|v| v.equals(a1)),
            Value::String(s) | Value::Trusted(_, s) => s.contains(&text(a1)),
            _ => false,
        })),
        "isset" => Ok(Value::Bool(match a0 {
            Value::Map(m) => {
                let k = text(a1);
                m.contains_key(&k) || m.contains_key(&k.to_lowercase())
            }
            Value::List(l) => a1
                .as_i64()
                .is_some_and(|i| i >= 0 && (i as usize) < l.len()),
            _ => false,
        })),
        "split" => Ok(Value::list(
            text(a0).split(&text(a1)).map(Value::str).collect(),
        )),
        "delimit" => Ok(match a0 {
            Value::List(l) => Value::str(l.iter().map(text).collect::<Vec<_>>().join(&text(a1))),
            other => Value::str(text(other)),
        }),
        "replace" | "strings.Replace" | "strings.ReplaceAll" => want(args, 3, name)
            .map(|_| Value::str(text(a0).replace(&text(a1), &text(&arg(args, 2))))),
        "replaceRE" => want(args, 3, name).and_then(|_| {
            let re = super::regexp::compiled(&text(a0))?;
            Ok(Value::str(
                re.replace_all(&text(&arg(args, 2)), text(a1).as_str()),
            ))
        }),
        "findRE" => want(args, 2, name).and_then(|_| {
            let re = super::regexp::compiled(&text(a0))?;
            Ok(Value::list(
                re.find_iter(&text(a1))
                    .map(|m| Value::str(m.as_str()))
                    .collect(),
            ))
        }),
        "trim" | "strings.Trim" => Ok(Value::str(text(a0).trim_matches(|c| text(a1).contains(c)))),
        "strings.TrimSpace" => Ok(Value::str(text(a0).trim())),
        "strings.TrimPrefix" => Ok(Value::str(
            text(a1)
                .strip_prefix(&text(a0))
                .map_or_else(|| text(a1), str::to_string),
        )),
        "strings.TrimSuffix" => Ok(Value::str(
            text(a1)
                .strip_suffix(&text(a0))
                .map_or_else(|| text(a1), str::to_string),
        )),
        "strings.HasPrefix" | "hasPrefix" => Ok(Value::Bool(text(a0).starts_with(&text(a1)))),
        "strings.HasSuffix" | "hasSuffix" => Ok(Value::Bool(text(a0).ends_with(&text(a1)))),
        "strings.Contains" => Ok(Value::Bool(text(a0).contains(&text(a1)))),
        "strings.Repeat" => repeat(&text(a1), a0.as_i64().unwrap_or(0)),
        "lower" | "strings.ToLower" => Ok(Value::str(text(a0).to_lowercase())),
        "upper" | "strings.ToUpper" => Ok(Value::str(text(a0).to_uppercase())),
        "title" | "strings.Title" => Ok(Value::str(crate::text::case::title_case(&text(a0)))),
        "urlize" => Ok(Value::str(crate::text::url::encode_path(
            &crate::text::url::sanitize(&text(a0)),
        ))),
        "anchorize" => Ok(Value::str(crate::text::anchor::anchorize(&text(a0)))),
        // Hugo's plainify gives HTML: printed as it is, `&` and all.
        "plainify" => Ok(Value::html(strip_html(&text(a0)))),
        "int" => Ok(Value::Int(a0.as_i64().unwrap_or(0))),
        "float" => Ok(Value::Float(a0.as_f64().unwrap_or(0.0))),
        "string" => Ok(Value::str(text(a0))),
        "add" | "sub" | "mul" | "div" | "mod" => arith(name, args),
        "math.Add" | "math.Sub" | "math.Mul" | "math.Div" | "math.Mod" => {
            arith(&name.get(5..).unwrap_or_default().to_lowercase(), args)
        }
        "jsonify" => Ok(Value::html(crate::text::escape::go_json(
            &to_json(a0).to_string(),
        ))),
        "path.Base" => Ok(Value::str(
            text(a0)
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or(""),
        )),
        "path.Dir" => Ok(Value::str(
            text(a0)
                .rsplit_once('/')
                .map_or(".", |(d, _)| if d.is_empty() { "/" } else { d }),
        )),
        "path.Ext" => Ok(Value::str(
            text(a0)
                .rsplit_once('.')
                .map_or(String::new(), |(_, e)| format!(".{e}")),
        )),
        "path.Join" => Ok(Value::str(
            args.iter()
                .map(text)
                .collect::<Vec<_>>()
                .join("/")
                .replace("//", "/"),
        )),
        "return" => Ok(a0.clone()),
        "findRESubmatch" => want(args, 2, name).and_then(|_| {
            let re = super::regexp::compiled(&text(a0))?;
            let limit = args
                .get(2)
                .and_then(Value::as_i64)
                .filter(|&n| n >= 0)
                .map_or(usize::MAX, |n| n as usize);
            Ok(Value::list(
                re.captures_iter(&text(a1))
                    .take(limit)
                    .map(|c| {
                        Value::list(
                            c.iter()
                                .map(|m| Value::str(m.map_or("", |m| m.as_str())))
                                .collect(),
                        )
                    })
                    .collect(),
            ))
        }),
        "strings.Split" => Ok(Value::list(
            text(a0).split(&text(a1)).map(Value::str).collect(),
        )),
        "strings.Count" => Ok(Value::Int(text(a1).matches(&text(a0)).count() as i64)),
        "strings.TrimLeft" => Ok(Value::str(
            text(a1).trim_start_matches(|c| text(a0).contains(c)),
        )),
        "strings.TrimRight" => Ok(Value::str(
            text(a1).trim_end_matches(|c| text(a0).contains(c)),
        )),
        "strings.FirstUpper" => {
            let t = text(a0);
            let mut c = t.chars();
            Ok(Value::str(c.next().map_or_else(String::new, |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })))
        }
        "chomp" | "strings.Chomp" => Ok(Value::str(text(a0).trim_end_matches(['\r', '\n']))),
        "substr" | "strings.Substr" => {
            let chars: Vec<char> = text(a0).chars().collect();
            let n = chars.len() as i64;
            let start = a1.as_i64().unwrap_or(0);
            let start = if start < 0 {
                (n + start).max(0)
            } else {
                start.min(n)
            };
            let len = args.get(2).and_then(Value::as_i64).unwrap_or(n - start);
            let end = if len < 0 {
                n + len
            } else {
                (start + len).min(n)
            };
            Ok(Value::str(
                chars
                    .get(start as usize..end.max(start) as usize)
                    .unwrap_or_default()
                    .iter()
                    .collect::<String>(),
            ))
        }
        "truncate" | "strings.Truncate" => {
            let (limit, ellipsis, body) = match args {
                [n, body] => (n.as_i64().unwrap_or(0), " …".to_string(), body.clone()),
                [n, e, body, ..] => (n.as_i64().unwrap_or(0), e.to_text(), body.clone()),
                _ => return Some(Err("truncate: wrong number of arguments".into())),
            };
            let t = body.to_text();
            if t.chars().count() as i64 <= limit {
                Ok(body)
            } else {
                let cut: String = t.chars().take(limit.max(0) as usize).collect();
                // Cut at a word boundary, as Hugo does.
                let cut = match cut.rfind(char::is_whitespace) {
                    Some(i) if i > 0 => cut.get(..i).unwrap_or_default().to_string(),
                    _ => cut,
                };
                Ok(Value::str(format!("{}{ellipsis}", cut.trim_end())))
            }
        }
        "countwords" | "strings.CountWords" => {
            Ok(Value::Int(text(a0).split_whitespace().count() as i64))
        }
        "emojify" => Ok(Value::html(text(a0))),
        "math.Round" => Ok(Value::Float(a0.as_f64().unwrap_or(0.0).round())),
        "math.Floor" => Ok(Value::Float(a0.as_f64().unwrap_or(0.0).floor())),
        "math.Ceil" => Ok(Value::Float(a0.as_f64().unwrap_or(0.0).ceil())),
        "math.Max" | "math.Min" => {
            let nums: Vec<f64> = args.iter().filter_map(Value::as_f64).collect();
            let pick = if name == "math.Max" {
                f64::max
            } else {
                f64::min
            };
            Ok(number(
                nums.iter().copied().reduce(pick).unwrap_or(0.0),
                args.iter().all(|a| matches!(a, Value::Int(_))),
            ))
        }
        "reflect.IsSlice" => Ok(Value::Bool(matches!(a0, Value::List(_)))),
        "reflect.IsMap" => Ok(Value::Bool(matches!(a0, Value::Map(_)))),
        // Namespaces called as functions, and a timer whose `.Stop` does nothing.
        "css" | "hash" | "debug.Timer" => Ok(Value::map(BTreeMap::new())),
        // Translations of pages are merged where labsite builds the languages.
        "lang.Merge" => Ok(a1.clone()),
        "group" => want(args, 2, name).map(|_| {
            let mut m = BTreeMap::new();
            m.insert("Key".to_string(), a0.clone());
            m.insert("Pages".to_string(), a1.clone());
            Value::map(m)
        }),
        other => {
            return super::collections::call(other, args)
                .or_else(|| super::strings::call(other, args))
                .or_else(|| super::numbers::call(other, args))
                .or_else(|| super::digest::call(other, args))
                .or_else(|| super::inflect::call(other, args))
                .or_else(|| super::paths::call(other, args))
                .or_else(|| super::unmarshal::call(other, args));
        }
    })
}

/// A value as JSON data (`jsonify`; template values handed to Rust code).
pub fn to_json(v: &Value<'_>) -> serde_json::Value {
    match v {
        Value::Nil => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Int(i) => serde_json::Value::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f)
            .map_or(serde_json::Value::Null, serde_json::Value::Number),
        Value::String(s) | Value::Trusted(_, s) => serde_json::Value::String(s.to_string()),
        Value::List(l) => serde_json::Value::Array(l.iter().map(to_json).collect()),
        Value::Map(m) => {
            serde_json::Value::Object(m.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
        Value::Object(o) => serde_json::Value::String(o.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(name: &str, args: Vec<Value<'static>>) -> String {
        match builtin(name, &args) {
            Some(Ok(v)) => v.to_text(),
            Some(Err(e)) => format!("ERR {e}"),
            None => "NONE".into(),
        }
    }

    #[test]
    fn common_functions() {
        assert_eq!(
            call(
                "printf",
                vec![
                    Value::str("%s-%d %q"),
                    Value::str("a"),
                    Value::Int(3),
                    Value::str("q")
                ]
            ),
            "a-3 \"q\""
        );
        assert_eq!(call("default", vec![Value::str("d"), Value::str("")]), "d");
        assert_eq!(call("default", vec![Value::str("d"), Value::str("v")]), "v");
        assert_eq!(call("add", vec![Value::Int(1), Value::Int(2)]), "3");
        assert_eq!(
            call("div", vec![Value::Int(1), Value::Int(0)]),
            "ERR can't divide the value by 0"
        );
        assert_eq!(call("seq", vec![Value::Int(3)]), "[1 2 3]");
        assert_eq!(
            call(
                "delimit",
                vec![
                    Value::list(vec![Value::str("a"), Value::str("b")]),
                    Value::str(", ")
                ]
            ),
            "a, b"
        );
        assert_eq!(
            call(
                "replaceRE",
                vec![Value::str("a+"), Value::str("b"), Value::str("caat")]
            ),
            "cbt"
        );
        assert_eq!(call("urlize", vec![Value::str("My Tag!")]), "my-tag");
        assert_eq!(
            call("eq", vec![Value::Int(1), Value::Int(2), Value::Int(1)]),
            "true"
        );
        assert_eq!(call("nope", vec![]), "NONE");
    }
}
