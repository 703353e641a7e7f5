//! A shortcode call as its Go template sees it (`.Get`, `.Inner`, `.Parent`, …).

use super::Env;
use super::objects::{Answer, obj};
use super::objects::{PageObject, Scratch, SiteObject};
use crate::gotemplate::value::{Object, Value};
use crate::shortcode::lex::Params;
use std::rc::Rc;

/// What a shortcode template knows of its call.
pub struct Call {
    pub name: String,
    pub params: Params,
    pub inner: Option<String>,
    pub ordinal: usize,
    pub position: String,
    /// The white space before the call on its line.
    pub indent: String,
    pub parent: Option<Rc<Call>>,
}

/// A shortcode call (the `.` of a shortcode template).
pub struct ShortcodeObject<'a> {
    pub env: Rc<Env<'a>>,
    pub call: Rc<Call>,
    pub scratch: Rc<Scratch<'a>>,
}

impl<'a> ShortcodeObject<'a> {
    pub fn value(env: &Rc<Env<'a>>, call: Rc<Call>) -> Value<'a> {
        obj(ShortcodeObject {
            env: env.clone(),
            call,
            scratch: Rc::new(Scratch::default()),
        })
    }
}

impl<'a> Object<'a> for ShortcodeObject<'a> {
    fn method(&self, name: &str, args: &[Value<'a>]) -> Answer<'a> {
        let call = &self.call;
        Some(Ok(match name {
            "Get" => {
                let found = match (&call.params, args.first()) {
                    (Params::Positional(list), Some(Value::Int(i))) => {
                        usize::try_from(*i).ok().and_then(|i| list.get(i))
                    }
                    (Params::Named(_), Some(Value::String(key))) => call.params.get_name(key),
                    _ => None,
                };
                found.map_or(Value::Nil, Value::from_json)
            }
            "Inner" => Value::html(call.inner.as_deref().unwrap_or("")),
            "InnerDeindent" => {
                Value::html(deindent(call.inner.as_deref().unwrap_or(""), &call.indent))
            }
            "Params" => match &call.params {
                Params::None => Value::Nil,
                Params::Positional(list) => {
                    Value::list(list.iter().map(Value::from_json).collect())
                }
                Params::Named(pairs) => Value::map(
                    pairs
                        .iter()
                        .map(|(k, v)| (k.clone(), Value::from_json(v)))
                        .collect(),
                ),
            },
            "IsNamedParams" => Value::Bool(matches!(call.params, Params::Named(_))),
            "Name" => Value::str(&call.name),
            "Ordinal" => Value::Int(call.ordinal as i64),
            // Hugo prints the position quoted (with the file's absolute path;
            // labsite's is relative to the site, so output does not depend on it).
            "Position" => Value::str(format!("{:?}", call.position)),
            "Parent" => match &call.parent {
                Some(p) => ShortcodeObject::value(&self.env, p.clone()),
                None => Value::Nil,
            },
            "Page" => PageObject::value(&self.env, self.env.lang, self.env.page),
            "Site" => SiteObject::value(&self.env, self.env.lang),
            "Scratch" | "Store" => Value::Object(self.scratch.clone()),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "*hugolib.ShortcodeWithPage"
    }

    fn payload(&self) -> Option<Rc<dyn std::any::Any>> {
        Some(self.call.clone())
    }
}

/// `.InnerDeindent`: the inner content with the call's own indentation removed
/// from the lines that start with it.
fn deindent(text: &str, indent: &str) -> String {
    if indent.is_empty() {
        return text.to_string();
    }
    text.split_inclusive('\n')
        .map(|line| line.strip_prefix(indent).unwrap_or(line))
        .collect()
}
