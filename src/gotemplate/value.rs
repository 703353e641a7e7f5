//! Values of Go templates: data (nil, booleans, numbers, strings, lists, maps),
//! trusted HTML, and objects whose methods templates call (`.Get 0`,
//! `.Site.GetPage "x"`), which is how Hugo's page and site objects are seen.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::rc::Rc;

/// An object with methods (and fields, which are methods without arguments).
pub trait Object<'a> {
    /// Calls `name` with `args`; `None` when the object has no such method.
    fn method(&self, name: &str, args: &[Value<'a>]) -> Option<Result<Value<'a>, String>>;
    /// The type name used in error messages.
    fn type_name(&self) -> &'static str;
    /// What `{{ . }}` prints for the object.
    fn display(&self) -> String {
        self.type_name().to_string()
    }
    /// The number the object compares and sorts as (a date's Unix time).
    fn as_number(&self) -> Option<f64> {
        None
    }
    /// The items of an object that is also a list (Hugo's `.OutputFormats`,
    /// which has a `Get` method), for `range` and `len`.
    fn items(&self) -> Option<Vec<Value<'a>>> {
        None
    }
    /// The host's own data behind the object, for host functions that take
    /// it back (a shortcode call handed to Hugo's embedded shortcode).
    fn payload(&self) -> Option<Rc<dyn std::any::Any>> {
        None
    }
}

/// What a trusted text may be printed as without escaping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    Html,
    HtmlAttr,
    Url,
    Js,
    Css,
}

/// A template value.
#[derive(Clone)]
pub enum Value<'a> {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(Rc<str>),
    /// Text trusted in one kind of place (`safeHTML`, a page's `.Content`,
    /// `safeURL`…): printed there without escaping.
    Trusted(Trust, Rc<str>),
    List(Rc<Vec<Value<'a>>>),
    Map(Rc<BTreeMap<String, Value<'a>>>),
    Object(Rc<dyn Object<'a> + 'a>),
}

impl std::fmt::Debug for Value<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Object(o) => write!(f, "Object({})", o.type_name()),
            other => write!(f, "{}", other.to_text()),
        }
    }
}

impl<'a> Value<'a> {
    pub fn str(s: impl AsRef<str>) -> Value<'a> {
        Value::String(Rc::from(s.as_ref()))
    }

    pub fn trusted(trust: Trust, s: impl AsRef<str>) -> Value<'a> {
        Value::Trusted(trust, Rc::from(s.as_ref()))
    }

    pub fn html(s: impl AsRef<str>) -> Value<'a> {
        Value::Trusted(Trust::Html, Rc::from(s.as_ref()))
    }

    pub fn list(items: Vec<Value<'a>>) -> Value<'a> {
        Value::List(Rc::new(items))
    }

    pub fn map(entries: BTreeMap<String, Value<'a>>) -> Value<'a> {
        Value::Map(Rc::new(entries))
    }

    /// A value from JSON data (front matter, config params).
    pub fn from_json(v: &serde_json::Value) -> Value<'a> {
        match v {
            serde_json::Value::Null => Value::Nil,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i) => Value::Int(i),
                None => Value::Float(n.as_f64().unwrap_or(0.0)),
            },
            serde_json::Value::String(s) => Value::str(s),
            serde_json::Value::Array(a) => Value::list(a.iter().map(Value::from_json).collect()),
            serde_json::Value::Object(m) => Value::map(
                m.iter()
                    .map(|(k, v)| (k.clone(), Value::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// Go's truth: false, 0, nil, empty strings and collections are false.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Nil => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::String(s) | Value::Trusted(_, s) => !s.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Map(m) => !m.is_empty(),
            Value::Object(_) => true,
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Nil => "nil",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float64",
            Value::String(_) => "string",
            Value::Trusted(trust, _) => match trust {
                Trust::Html => "template.HTML",
                Trust::HtmlAttr => "template.HTMLAttr",
                Trust::Url => "template.URL",
                Trust::Js => "template.JS",
                Trust::Css => "template.CSS",
            },
            Value::List(_) => "slice",
            Value::Map(_) => "map",
            Value::Object(o) => o.type_name(),
        }
    }

    /// The text Go's fmt prints for the value.
    pub fn to_text(&self) -> String {
        match self {
            Value::Nil => String::new(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 1e21 {
                    format!("{f:.0}")
                } else {
                    f.to_string()
                }
            }
            Value::String(s) | Value::Trusted(_, s) => s.to_string(),
            Value::List(l) => {
                let items: Vec<String> = l.iter().map(Value::to_text).collect();
                format!("[{}]", items.join(" "))
            }
            Value::Map(m) => {
                let mut out = String::from("map[");
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    let _ = write!(out, "{k}:{}", v.to_text());
                }
                out.push(']');
                out
            }
            Value::Object(o) => o.display(),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) | Value::Trusted(_, s) => Some(s),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Float(f) => Some(*f as i64),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// A field of a map (exact key first, then case-insensitively, as Hugo's
    /// params are) or a method of an object without arguments.
    pub fn field(&self, name: &str) -> Result<Value<'a>, String> {
        match self {
            Value::Map(m) => Ok(m
                .get(name)
                .or_else(|| m.get(&name.to_lowercase()))
                .or_else(|| {
                    m.iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(name))
                        .map(|(_, v)| v)
                })
                .cloned()
                .unwrap_or(Value::Nil)),
            Value::Object(o) => match o.method(name, &[]) {
                Some(result) => result,
                None => Err(format!(
                    "can't evaluate field {name} in type {}",
                    o.type_name()
                )),
            },
            Value::Nil => Ok(Value::Nil),
            Value::List(items) => collection_method(items, name, &[]),
            other => Err(format!(
                "can't evaluate field {name} in type {}",
                other.type_name()
            )),
        }
    }

    /// Calls method `name` of this value with `args`.
    pub fn call(&self, name: &str, args: &[Value<'a>]) -> Result<Value<'a>, String> {
        match self {
            Value::Object(o) => match o.method(name, args) {
                Some(result) => result,
                None => Err(format!(
                    "can't evaluate field {name} in type {}",
                    o.type_name()
                )),
            },
            Value::Map(m) => match m.get(name).or_else(|| m.get(&name.to_lowercase())) {
                Some(v) if args.is_empty() => Ok(v.clone()),
                _ => Err(format!("{name} is not a method but has arguments")),
            },
            Value::List(items) => collection_method(items, name, args),
            other => Err(format!(
                "can't evaluate field {name} in type {}",
                other.type_name()
            )),
        }
    }

    /// Go's `eq` with Hugo's numeric leniency (1 == 1.0, "a" == template.HTML "a").
    pub fn equals(&self, other: &Value<'a>) -> bool {
        match (self, other) {
            (Value::Nil, Value::Nil) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                self.as_f64() == other.as_f64()
            }
            (Value::String(a) | Value::Trusted(_, a), Value::String(b) | Value::Trusted(_, b)) => {
                a == b
            }
            (Value::List(a), Value::List(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.equals(y))
            }
            (Value::Map(a), Value::Map(b)) => {
                a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| v.equals(w)))
            }
            (Value::Object(a), Value::Object(b)) => a.display() == b.display(),
            _ => false,
        }
    }

    /// Ordering for sorting (`sort`, `.ByTitle`): strings as Hugo's collator
    /// orders them, ignoring case first; anything else as [`Value::compare`].
    pub fn collate(&self, other: &Value<'a>) -> std::cmp::Ordering {
        match (self.as_str(), other.as_str()) {
            (Some(a), Some(b)) => a
                .to_lowercase()
                .cmp(&b.to_lowercase())
                .then_with(|| a.cmp(b)),
            _ => self.compare(other).unwrap_or(std::cmp::Ordering::Equal),
        }
    }

    /// Ordering for `lt`/`le`/`gt`/`ge`: numbers with numbers (and with
    /// strings, read as numbers), strings with strings.
    pub fn compare(&self, other: &Value<'a>) -> Result<std::cmp::Ordering, String> {
        match (self, other) {
            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => self
                .as_f64()
                .partial_cmp(&other.as_f64())
                .ok_or_else(|| "incomparable numbers".to_string()),
            (Value::String(a) | Value::Trusted(_, a), Value::String(b) | Value::Trusted(_, b)) => {
                Ok(a.cmp(b))
            }
            (Value::Bool(a), Value::Bool(b)) => Ok(a.cmp(b)),
            // Hugo compares a number with a string as numbers, the string read
            // as one (`lt 1 "999"` is true; a string that is no number is 0).
            (Value::Int(_) | Value::Float(_), Value::String(s) | Value::Trusted(_, s)) => self
                .as_f64()
                .unwrap_or(0.0)
                .partial_cmp(&s.trim().parse::<f64>().unwrap_or(0.0))
                .ok_or_else(|| "incomparable numbers".to_string()),
            (Value::String(s) | Value::Trusted(_, s), Value::Int(_) | Value::Float(_)) => s
                .trim()
                .parse::<f64>()
                .unwrap_or(0.0)
                .partial_cmp(&other.as_f64().unwrap_or(0.0))
                .ok_or_else(|| "incomparable numbers".to_string()),
            (Value::Object(a), Value::Object(b)) => match (a.as_number(), b.as_number()) {
                (Some(x), Some(y)) => x
                    .partial_cmp(&y)
                    .ok_or_else(|| "incomparable values".to_string()),
                _ => Ok(a.display().cmp(&b.display())),
            },
            (a, b) => Err(format!(
                "incompatible types for comparison: {} and {}",
                a.type_name(),
                b.type_name()
            )),
        }
    }
}

/// Methods of Hugo's page and resource collections, which templates see as lists:
/// `.Pages.ByTitle`, `.Resources.GetMatch "*.png"`, `.Reverse`, `.Len`.
fn collection_method<'a>(
    items: &[Value<'a>],
    name: &str,
    args: &[Value<'a>],
) -> Result<Value<'a>, String> {
    let field = |v: &Value<'a>, f: &str| v.field(f).unwrap_or(Value::Nil);
    let sorted_by = |keys: &[&str]| {
        let mut sorted = items.to_vec();
        sorted.sort_by(|a, b| {
            keys.iter()
                .map(|k| field(a, k).collate(&field(b, k)))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        Value::list(sorted)
    };
    let glob = || {
        let pattern = args.first().map(Value::to_text).unwrap_or_default();
        globset::GlobBuilder::new(&pattern)
            .case_insensitive(true)
            .literal_separator(true)
            .build()
            .map(|g| g.compile_matcher())
            .map_err(|e| format!("invalid pattern {pattern:?}: {e}"))
    };
    Ok(match name {
        "Len" => Value::Int(items.len() as i64),
        "Reverse" => Value::list(items.iter().rev().cloned().collect()),
        // Hugo's default page order: weight (0 last), then date (newest first), title.
        "ByWeight" => {
            let weight = |v: &Value<'a>| match field(v, "Weight").as_i64() {
                Some(0) | None => i64::MAX,
                Some(w) => w,
            };
            let mut sorted = items.to_vec();
            sorted.sort_by(|a, b| {
                weight(a)
                    .cmp(&weight(b))
                    .then_with(|| {
                        field(b, "Date")
                            .compare(&field(a, "Date"))
                            .unwrap_or(std::cmp::Ordering::Equal)
                    })
                    .then_with(|| field(a, "Title").collate(&field(b, "Title")))
            });
            Value::list(sorted)
        }
        // Hugo's page groups: one per value of a field, ascending by that
        // value unless "desc" is asked for, the pages in their order within.
        "GroupBy" => {
            let key = args.first().map(Value::to_text).unwrap_or_default();
            let descending = args
                .get(1)
                .is_some_and(|o| o.to_text().eq_ignore_ascii_case("desc"));
            let mut groups: Vec<(Value<'a>, Vec<Value<'a>>)> = Vec::new();
            for item in items {
                let value = field(item, &key);
                match groups.iter_mut().find(|(k, _)| k.equals(&value)) {
                    Some((_, pages)) => pages.push(item.clone()),
                    None => groups.push((value, vec![item.clone()])),
                }
            }
            groups.sort_by(|(a, _), (b, _)| a.collate(b));
            if descending {
                groups.reverse();
            }
            Value::list(
                groups
                    .into_iter()
                    .map(|(key, pages)| {
                        let mut group = BTreeMap::new();
                        group.insert("Key".to_string(), key);
                        group.insert("Pages".to_string(), Value::list(pages));
                        Value::map(group)
                    })
                    .collect(),
            )
        }
        "ByTitle" => sorted_by(&["Title"]),
        "ByLinkTitle" => sorted_by(&["LinkTitle"]),
        "ByDate" => sorted_by(&["Date"]),
        "ByPublishDate" => sorted_by(&["PublishDate"]),
        "ByLastmod" => sorted_by(&["Lastmod"]),
        // A resource by its exact path (`.Resources.Get "images/a.png"`).
        "Get" => {
            let wanted = args.first().map(Value::to_text).unwrap_or_default();
            let wanted = wanted.trim_start_matches("./").to_lowercase();
            items
                .iter()
                .find(|i| {
                    field(i, "Name").to_text().to_lowercase() == wanted
                        || field(i, "NameNormalized").to_text().to_lowercase() == wanted
                })
                .cloned()
                .unwrap_or(Value::Nil)
        }
        "GetMatch" => {
            let g = glob()?;
            items
                .iter()
                .find(|i| g.is_match(field(i, "Name").to_text()))
                .cloned()
                .unwrap_or(Value::Nil)
        }
        "Match" => {
            let g = glob()?;
            Value::list(
                items
                    .iter()
                    .filter(|i| g.is_match(field(i, "Name").to_text()))
                    .cloned()
                    .collect(),
            )
        }
        "ByType" => {
            let wanted = args.first().map(Value::to_text).unwrap_or_default();
            Value::list(
                items
                    .iter()
                    .filter(|i| field(i, "ResourceType").to_text() == wanted)
                    .cloned()
                    .collect(),
            )
        }
        _ => return Err(format!("can't evaluate field {name} in type slice")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truth_and_text() {
        assert!(!Value::str("").truthy() && Value::str("false").truthy());
        assert_eq!(
            Value::list(vec![Value::Int(1), Value::str("a")]).to_text(),
            "[1 a]"
        );
        assert_eq!(Value::Float(3.0).to_text(), "3");
        let m = Value::from_json(&serde_json::json!({"editurl": "x"}));
        assert_eq!(m.field("editURL").unwrap().to_text(), "x");
    }

    #[test]
    fn equality_and_order() {
        assert!(Value::Int(1).equals(&Value::Float(1.0)));
        assert!(!Value::Int(1).equals(&Value::str("1")));
        assert_eq!(
            Value::str("a").compare(&Value::str("b")),
            Ok(std::cmp::Ordering::Less)
        );
        // As Hugo's `lt 1 "999"`, `gt 5 "3.5"`, `lt 1 "abc"` (the last is 0).
        assert_eq!(
            Value::Int(1).compare(&Value::str("999")),
            Ok(std::cmp::Ordering::Less)
        );
        assert_eq!(
            Value::Int(5).compare(&Value::str("3.5")),
            Ok(std::cmp::Ordering::Greater)
        );
        assert_eq!(
            Value::Int(1).compare(&Value::str("abc")),
            Ok(std::cmp::Ordering::Greater)
        );
        assert_eq!(
            Value::str("10").compare(&Value::Int(9)),
            Ok(std::cmp::Ordering::Greater)
        );
        assert!(Value::Bool(true).compare(&Value::str("1")).is_err());
    }
}
