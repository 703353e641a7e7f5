//! A page's output formats as templates see them (`.OutputFormats`,
//! `.AlternativeOutputFormats`): a list with a `Get` method, each format with
//! its name, rel, media type and links.

use super::objects::{Answer, obj, text_arg};
use crate::gotemplate::value::{Object, Value};
use crate::output_format::PageFormat;

/// One output format of a page, with the URLs of its file.
struct FormatObject {
    format: PageFormat,
    rel_permalink: String,
    permalink: String,
}

/// A media type: prints as `text/html`.
struct MediaTypeObject {
    media_type: String,
    suffix: String,
}

/// The formats of a page: ranged over, counted, or searched with `Get`.
pub struct FormatsObject<'a> {
    formats: Vec<Value<'a>>,
    names: Vec<String>,
}

impl<'a> FormatsObject<'a> {
    /// `formats` with their file URLs made from `base_path` (baseURL's path)
    /// and `base_host` (its scheme and host).
    pub fn value(formats: Vec<PageFormat>, base_path: &str, base_host: &str) -> Value<'a> {
        let names = formats.iter().map(|f| f.name.clone()).collect();
        let formats = formats
            .into_iter()
            .map(|format| {
                let rel_permalink =
                    format!("{base_path}{}", crate::text::url::encode_path(&format.url));
                obj(FormatObject {
                    permalink: format!("{base_host}{rel_permalink}"),
                    rel_permalink,
                    format,
                })
            })
            .collect();
        obj(FormatsObject { formats, names })
    }
}

impl<'a> Object<'a> for FormatsObject<'a> {
    fn method(&self, name: &str, args: &[Value<'a>]) -> Answer<'a> {
        match name {
            "Get" => {
                let wanted = text_arg(args, 0).to_lowercase();
                let found = self.names.iter().position(|n| *n == wanted);
                Some(Ok(found
                    .and_then(|i| self.formats.get(i).cloned())
                    .unwrap_or(Value::Nil)))
            }
            _ => None,
        }
    }

    fn type_name(&self) -> &'static str {
        "page.OutputFormats"
    }

    fn items(&self) -> Option<Vec<Value<'a>>> {
        Some(self.formats.clone())
    }
}

impl<'a> Object<'a> for FormatObject {
    fn method(&self, name: &str, _args: &[Value<'a>]) -> Answer<'a> {
        let f = &self.format;
        Some(Ok(match name {
            "Name" => Value::str(&f.name),
            "Rel" => Value::str(&f.rel),
            "RelPermalink" => Value::str(&self.rel_permalink),
            "Permalink" => Value::str(&self.permalink),
            "MediaType" => obj(MediaTypeObject {
                media_type: f.media_type.clone(),
                suffix: f.suffix.clone(),
            }),
            "IsHTML" => Value::Bool(f.media_type == "text/html"),
            "IsPlainText" => Value::Bool(f.plain_text),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "page.OutputFormat"
    }

    fn display(&self) -> String {
        self.format.name.clone()
    }
}

impl<'a> Object<'a> for MediaTypeObject {
    fn method(&self, name: &str, _args: &[Value<'a>]) -> Answer<'a> {
        let (main, sub) = self
            .media_type
            .split_once('/')
            .unwrap_or((&self.media_type, ""));
        Some(Ok(match name {
            "Type" => Value::str(&self.media_type),
            "MainType" => Value::str(main),
            "SubType" => Value::str(sub),
            "Suffixes" => Value::list(vec![Value::str(&self.suffix)]),
            "FirstSuffix" => {
                let mut m = std::collections::BTreeMap::new();
                m.insert("Suffix".to_string(), Value::str(&self.suffix));
                m.insert(
                    "FullSuffix".to_string(),
                    Value::str(format!(".{}", self.suffix)),
                );
                Value::map(m)
            }
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "media.Type"
    }

    fn display(&self) -> String {
        self.media_type.clone()
    }
}
