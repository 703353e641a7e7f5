//! The objects Go templates see, as Hugo shows them: a shortcode call, pages, the
//! site, a page's file, resources and language, dates and scratch pads. Each is a
//! read-only view of labsite's own data (scratch pads excepted).
#![allow(clippy::indexing_slicing)] // indices are page ids and language numbers of the build, never input

mod date;
mod file;
mod page;
mod scratch;
mod shortcode;
mod site;

pub use date::{DateObject, date};
pub use file::{FileObject, ResourceObject};
pub use page::PageObject;
pub use scratch::Scratch;
pub use shortcode::{Call, ShortcodeObject};
pub use site::{LanguageObject, SiteObject};

use super::Env;
use crate::gotemplate::value::{Object, Value};
use std::rc::Rc;

type Answer<'a> = Option<Result<Value<'a>, String>>;

fn obj<'a>(o: impl Object<'a> + 'a) -> Value<'a> {
    Value::Object(Rc::new(o))
}

fn text_arg(args: &[Value<'_>], i: usize) -> String {
    args.get(i).map(Value::to_text).unwrap_or_default()
}
