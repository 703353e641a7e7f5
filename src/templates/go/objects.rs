//! The objects Go templates see, as Hugo shows them: a shortcode call, pages, the
//! site, a page's file, resources and language, dates and scratch pads. Each is a
//! read-only view of labsite's own data (scratch pads excepted).

pub use super::date::{DateObject, date};
pub use super::file::{FileObject, ResourceObject};
pub use super::page::{NotFoundPage, PageObject};
pub use super::scratch::Scratch;
pub use super::shortcode::{Call, ShortcodeObject};
pub use super::site::{LanguageObject, SiteObject};

use crate::gotemplate::value::{Object, Value};
use std::rc::Rc;

pub(super) type Answer<'a> = Option<Result<Value<'a>, String>>;

/// Hugo's standalone 404 page of language `lang`.
pub fn not_found_page<'a>(env: &Rc<super::Env<'a>>, lang: usize) -> Value<'a> {
    obj(NotFoundPage {
        env: env.clone(),
        lang,
    })
}

pub(super) fn obj<'a>(o: impl Object<'a> + 'a) -> Value<'a> {
    Value::Object(Rc::new(o))
}

pub(super) fn text_arg(args: &[Value<'_>], i: usize) -> String {
    args.get(i).map(Value::to_text).unwrap_or_default()
}
