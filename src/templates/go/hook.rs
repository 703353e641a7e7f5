//! What a render hook's template sees: a link or an image of a page's Markdown
//! (`.Destination`, `.Title`, `.Text`, `.PlainText`, `.Ordinal`, `.Page`, …).

use super::Env;
use super::objects::{Answer, PageObject};
use crate::gotemplate::value::{Object, Value};
use crate::markdown::HookCall;
use std::rc::Rc;

/// The `.` of a link or image render hook.
pub struct HookObject<'a> {
    pub env: Rc<Env<'a>>,
    destination: String,
    title: String,
    text: Rc<str>,
    plain: String,
    ordinal: usize,
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
        }))
    }
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
            "Attributes" => Value::map(Default::default()),
            "Page" | "PageInner" => PageObject::value(&self.env, self.env.lang, self.env.page),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "hooks.LinkContext"
    }
}
