//! The functions and filters the theme's Tera templates call, each Hugo's
//! function of the same name: `highlight`, `t`, `markdownify`, `anchorize` and
//! `safe_url`.

use super::i18n;
use std::collections::HashMap;
use tera::Tera;

/// Registers the functions and filters in `tera`; `t` looks strings up in
/// `strings`, by default in `default_language`.
pub fn register(tera: &mut Tera, strings: &HashMap<String, i18n::Strings>, default_language: &str) {
    tera.register_function("highlight", HighlightFn);
    tera.register_filter("markdownify", markdownify);
    tera.register_filter("anchorize", anchorize);
    tera.register_filter("safe_url", safe_url);
    tera.register_function(
        "t",
        TranslateFn {
            strings: strings.clone(),
            default_language: default_language.to_string(),
        },
    );
}

/// Tera function `highlight(code=…, lang=…, options=…)`: Hugo's `highlight`, the
/// markup of a fenced code block. Leading and trailing newlines of the code go.
struct HighlightFn;

impl tera::Function for HighlightFn {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let text = |k: &str| args.get(k).and_then(|v| v.as_str()).unwrap_or("");
        // Hugo's highlight shortcode trims the line ends around its code, so
        // its last line has none.
        let code = text("code").trim_matches(|c| c == '\n' || c == '\r');
        let options = crate::markdown::highlight::Options::parse(text("options"));
        Ok(tera::Value::String(crate::markdown::highlight::code_block(
            text("lang"),
            code,
            &options,
        )))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// The text a Tera filter works on: a string as it is, another value as JSON.
fn filter_text(value: &tera::Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_string)
}

/// Tera filter `safe_url`: a URL from a shortcode's parameters, `#ZgotmplZ`
/// when it could run script (as Hugo's Go templates print it).
fn safe_url(value: &tera::Value, _: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    Ok(tera::Value::String(
        crate::text::sanitize::url(&filter_text(value)).to_string(),
    ))
}

/// Tera filter `anchorize`: Hugo's `anchorize` (the heading-id algorithm).
fn anchorize(value: &tera::Value, _: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let text = filter_text(value);
    Ok(tera::Value::String(crate::text::anchor::anchorize(&text)))
}

/// Tera filter `markdownify`: Hugo's `markdownify`, Markdown rendered without the
/// paragraph around a single block; with `block=true`, Hugo's `RenderString`
/// with `display: block` (paragraphs kept).
fn markdownify(
    value: &tera::Value,
    args: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = match value {
        tera::Value::String(s) => s.clone(),
        tera::Value::Null => String::new(),
        other => other.to_string(),
    };
    let settings = crate::markdown::Settings::default();
    Ok(tera::Value::String(
        if args.get("block") == Some(&tera::Value::Bool(true)) {
            crate::markdown::render_html(&text, settings)
        } else {
            crate::markdown::markdownify(&text, settings)
        },
    ))
}

/// Tera function `t(key=…, lang=…)`: Hugo's `T` in the given language.
struct TranslateFn {
    strings: HashMap<String, i18n::Strings>,
    default_language: String,
}

impl tera::Function for TranslateFn {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let key = args
            .get("key")
            .and_then(|v| v.as_str())
            .ok_or("t: missing `key`")?;
        let lang = args
            .get("lang")
            .and_then(|v| v.as_str())
            .unwrap_or(&self.default_language);
        let strings = self
            .strings
            .get(lang)
            .or_else(|| self.strings.get(&self.default_language));
        let found = strings.and_then(|s| s.lookup(key));
        let text = match (found, args.get("default").and_then(|v| v.as_str())) {
            (Some(t), _) => t,
            (None, Some(default)) => default.to_string(),
            // Hugo prints nothing for a string no language has.
            (None, None) => String::new(),
        };
        // Go-template placeholders for a count: `{{ .Count }}` or `{{.}}`.
        let text = match args.get("count") {
            Some(count) => {
                let n = count
                    .as_i64()
                    .map_or_else(|| count.to_string(), |n| n.to_string());
                ["{{ .Count }}", "{{.Count}}", "{{ . }}", "{{.}}"]
                    .iter()
                    .fold(text, |t, p| t.replace(p, &n))
            }
            None => text,
        };
        Ok(tera::Value::String(text))
    }

    fn is_safe(&self) -> bool {
        false
    }
}
