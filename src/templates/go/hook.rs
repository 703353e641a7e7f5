//! What a render hook's template sees: a link, image, heading, code block or
//! blockquote of a page's Markdown (`.Destination`, `.Title`, `.Text`,
//! `.PlainText`, `.Ordinal`, `.Level`, `.Anchor`, `.Type`, `.Inner`,
//! `.Attributes`, `.Options`, `.AlertType`, `.Page`, …).

use super::Env;
use super::objects::{Answer, PageObject};
use crate::gotemplate::value::{Object, Value};
use crate::markdown::HookCall;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The `.` of a render hook.
pub struct HookObject<'a> {
    pub env: Rc<Env<'a>>,
    destination: String,
    title: String,
    text: Rc<str>,
    plain: String,
    ordinal: usize,
    level: u8,
    anchor: String,
    kind_type: String,
    inner: String,
    attributes: Vec<(String, String)>,
    options: Vec<(String, String)>,
    alert: [String; 3],
    thead: Vec<Vec<crate::markdown::TableCell>>,
    tbody: Vec<Vec<crate::markdown::TableCell>>,
}

impl<'a> HookObject<'a> {
    pub fn value(env: &Rc<Env<'a>>, call: &HookCall<'_>) -> Value<'a> {
        Value::Object(Rc::new(HookObject {
            env: env.clone(),
            destination: call.destination.to_string(),
            title: call.title.to_string(),
            text: Rc::from(call.text),
            plain: call.plain.to_string(),
            ordinal: call.ordinal,
            level: call.level,
            anchor: call.anchor.to_string(),
            kind_type: call.kind_type.to_string(),
            inner: call.inner.to_string(),
            attributes: call.attributes.to_vec(),
            options: call.options.to_vec(),
            alert: [
                call.alert_type.to_string(),
                call.alert_sign.to_string(),
                call.alert_title.to_string(),
            ],
            thead: call.thead.to_vec(),
            tbody: call.tbody.to_vec(),
        }))
    }
}

/// Attributes as a map: `true`, `false` and whole numbers as such, as Hugo reads them.
fn attribute_map<'a>(pairs: &[(String, String)]) -> Value<'a> {
    let typed = |v: &str| match v {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        n => n.parse::<i64>().map_or_else(|_| Value::str(n), Value::Int),
    };
    Value::map(
        pairs
            .iter()
            .map(|(k, v)| (k.clone(), typed(v)))
            .collect::<BTreeMap<_, _>>(),
    )
}

/// A table's rows as Hugo gives them to a table hook: lists of cells with
/// `.Alignment` and `.Text`.
fn table_rows<'a>(rows: &[Vec<crate::markdown::TableCell>]) -> Value<'a> {
    Value::list(
        rows.iter()
            .map(|row| {
                Value::list(
                    row.iter()
                        .map(|cell| {
                            let mut m = BTreeMap::new();
                            m.insert("Alignment".to_string(), Value::str(cell.alignment));
                            m.insert("Text".to_string(), Value::html(&cell.text));
                            Value::map(m)
                        })
                        .collect(),
                )
            })
            .collect(),
    )
}

/// `hl_lines` as Hugo gives it to a code block hook: ranges of lines counted
/// from 0 (`2 4-5` is `[[1 1] [3 4]]`).
fn line_ranges<'a>(text: &str) -> Value<'a> {
    let number = |n: &str| n.trim().parse::<i64>().ok().map(|n| Value::Int(n - 1));
    Value::list(
        text.split([' ', ','])
            .map(|part| part.trim_matches('"'))
            .filter(|part| !part.is_empty())
            .filter_map(|part| {
                let (from, to) = part.split_once('-').unwrap_or((part, part));
                Some(Value::list(vec![number(from)?, number(to)?]))
            })
            .collect(),
    )
}

impl<'a> Object<'a> for HookObject<'a> {
    fn method(&self, name: &str, _args: &[Value<'a>]) -> Answer<'a> {
        Some(Ok(match name {
            "Destination" => Value::str(&self.destination),
            "Title" => Value::str(&self.title),
            "Text" => {
                self.env.note_rendered(&self.text);
                Value::html(&*self.text)
            }
            "PlainText" => Value::str(&self.plain),
            "Ordinal" => Value::Int(i64::try_from(self.ordinal).unwrap_or(i64::MAX)),
            // Hugo's `IsBlock` holds only where stand-alone images are not
            // wrapped in a paragraph, which labsite always does, as Hugo by default.
            "IsBlock" => Value::Bool(false),
            "Level" => Value::Int(i64::from(self.level)),
            "Anchor" => Value::str(&self.anchor),
            "Type" => Value::str(&self.kind_type),
            "Inner" => Value::str(&self.inner),
            "Attributes" => attribute_map(&self.attributes),
            "Options" => {
                let mut options = attribute_map(&self.options);
                if let (Value::Map(m), Some((_, lines))) = (
                    &mut options,
                    self.options.iter().find(|(k, _)| k == "hl_lines"),
                ) {
                    std::rc::Rc::make_mut(m).insert("hl_lines".into(), line_ranges(lines));
                }
                options
            }
            "THead" => table_rows(&self.thead),
            "TBody" => table_rows(&self.tbody),
            "AlertType" => Value::str(&self.alert[0]),
            "AlertSign" => Value::str(&self.alert[1]),
            "AlertTitle" => Value::html(&self.alert[2]),
            "Page" | "PageInner" => PageObject::value(&self.env, self.env.lang, self.env.page),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "hooks.Context"
    }
}
