//! `.Scratch` and `.Store`: a page's scratch pad, shared by its templates.

use super::objects::{Answer, text_arg};
use crate::gotemplate::value::{Object, Value};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// A scratch pad: `.Scratch` / `.Store` of a page or a shortcode call.
#[derive(Default)]
pub struct Scratch<'a> {
    values: RefCell<BTreeMap<String, Value<'a>>>,
}

impl<'a> Object<'a> for Scratch<'a> {
    fn method(&self, name: &str, args: &[Value<'a>]) -> Answer<'a> {
        let key = text_arg(args, 0);
        let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::Nil);
        let mut values = self.values.borrow_mut();
        Some(Ok(match name {
            "Get" => values.get(&key).cloned().unwrap_or(Value::Nil),
            "Set" => {
                values.insert(key, arg(1));
                Value::str("")
            }
            "Delete" => {
                values.remove(&key);
                Value::str("")
            }
            "Add" => {
                let added = match (values.get(&key), arg(1)) {
                    (None, v) => v,
                    (Some(Value::List(l)), Value::List(more)) => {
                        Value::list(l.iter().chain(more.iter()).cloned().collect())
                    }
                    (Some(Value::List(l)), v) => {
                        Value::list(l.iter().cloned().chain([v]).collect())
                    }
                    (Some(Value::Int(a)), Value::Int(b)) => Value::Int(a + b),
                    (Some(a), b) if a.as_f64().is_some() && b.as_f64().is_some() => {
                        Value::Float(a.as_f64().unwrap_or(0.0) + b.as_f64().unwrap_or(0.0))
                    }
                    (Some(a), b) => Value::str(format!("{}{}", a.to_text(), b.to_text())),
                };
                values.insert(key, added);
                Value::str("")
            }
            "SetInMap" => {
                let mut map = match values.get(&key) {
                    Some(Value::Map(m)) => (**m).clone(),
                    _ => BTreeMap::new(),
                };
                map.insert(arg(1).to_text(), arg(2));
                values.insert(key, Value::map(map));
                Value::str("")
            }
            "DeleteInMap" => {
                if let Some(Value::Map(m)) = values.get(&key) {
                    let mut map = (**m).clone();
                    map.remove(&arg(1).to_text());
                    values.insert(key, Value::map(map));
                }
                Value::str("")
            }
            "GetSortedMapValues" => match values.get(&key) {
                Some(Value::Map(m)) => Value::list(m.values().cloned().collect()),
                _ => Value::Nil,
            },
            "Values" => Value::map(values.clone()),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "*maps.Scratch"
    }
}
