//! What templates ask about the build and about templates themselves: `hugo.*`
//! (version, environment, languages), `templates.Exists`/`Current`/`Defer`,
//! `reflect.Is*` (which kind of object a value is).

use super::Env;
use super::functions::HUGO_VERSION;
use crate::gotemplate::value::Value;
use std::collections::BTreeMap;

/// `hugo` and `.Site.Hugo`: what templates may ask of the generator.
pub fn hugo_info<'a>(env: &Env<'a>) -> Value<'a> {
    let mut m = BTreeMap::new();
    let mut put = |k: &str, v: Value<'a>| {
        m.insert(k.to_string(), v);
    };
    put("Version", Value::str(HUGO_VERSION));
    put(
        "Generator",
        Value::html(format!(
            "<meta name=\"generator\" content=\"Hugo {HUGO_VERSION}\">"
        )),
    );
    put("Environment", Value::str("production"));
    put("IsProduction", Value::Bool(true));
    put("IsDevelopment", Value::Bool(false));
    put("IsServer", Value::Bool(false));
    put("IsExtended", Value::Bool(true));
    put("IsMultilingual", Value::Bool(env.build.sites.len() > 1));
    put("IsMultihost", Value::Bool(false));
    put("BuildDate", Value::str(""));
    put("CommitHash", Value::str(""));
    put("GoVersion", Value::str(""));
    put("WorkingDir", Value::str(env.site().root.to_string_lossy()));
    put("Deps", Value::list(Vec::new()));
    put("Data", Value::from_json(env.site().data));
    // Hugo's store is the build's; labsite's lasts for the page being rendered.
    put("Store", Value::Object(env.scratch(usize::MAX, env.page)));
    Value::map(m)
}

/// The names [`call`] answers to, for the load-time check of templates.
pub const NAMES: &[&str] = &[
    "hugo",
    "hugo.Version",
    "hugo.Generator",
    "hugo.Environment",
    "hugo.IsProduction",
    "hugo.IsDevelopment",
    "hugo.IsServer",
    "hugo.IsExtended",
    "hugo.IsMultilingual",
    "hugo.IsMultihost",
    "hugo.BuildDate",
    "hugo.CommitHash",
    "hugo.GoVersion",
    "hugo.WorkingDir",
    "hugo.Deps",
    "hugo.Data",
    "hugo.Store",
    "templates.Exists",
    "templates.Current",
    "templates.Defer",
    "doDefer",
    "inner",
    "reflect.IsPage",
    "reflect.IsSite",
    "reflect.IsResource",
    "reflect.IsImageResource",
    "reflect.IsImageResourceProcessable",
    "reflect.IsImageResourceWithMeta",
];

/// Whether the site's templates (or the theme's partials) have `name`
/// (`partials/x.html`, `_partials/x.html`, `shortcodes/x.html`, `_markup/…`).
fn template_exists(env: &Env<'_>, name: &str) -> bool {
    let layouts = &env.build.theme.site_layouts;
    let name = name.trim_start_matches('/');
    let partial = name
        .strip_prefix("partials/")
        .or_else(|| name.strip_prefix("_partials/"));
    match partial {
        Some(p) => layouts.partial(p).is_some() || env.has_theme_partial(p),
        None => {
            let shortcode = name
                .strip_prefix("shortcodes/")
                .or_else(|| name.strip_prefix("_shortcodes/"))
                .and_then(|s| s.strip_suffix(".html"));
            layouts.templates.contains(name)
                || shortcode.is_some_and(|s| layouts.shortcodes.contains_key(s))
        }
    }
}

/// Whether `v` is an object of one of the `types` (Go type names).
fn is_type(v: Option<&Value<'_>>, types: &[&str]) -> bool {
    matches!(v, Some(Value::Object(o)) if types.contains(&o.type_name()))
}

const PAGE: &str = "*hugolib.pageState";
const SITE: &str = "*hugolib.Site";
const RESOURCE: &str = "resource.Resource";

/// The build and template questions. `None` when `name` is not one of them.
pub fn call<'a>(
    env: &Env<'a>,
    name: &str,
    args: &[Value<'a>],
) -> Option<Result<Value<'a>, String>> {
    let first = args.first();
    Some(Ok(match name {
        "hugo" => hugo_info(env),
        _ if name.starts_with("hugo.") => {
            return Some(hugo_info(env).field(name.get(5..).unwrap_or_default()));
        }
        "templates.Exists" => Value::Bool(template_exists(
            env,
            &first.map(Value::to_text).unwrap_or_default(),
        )),
        // The template running is not tracked by name; templates ask for it in
        // debugging output only.
        "templates.Current" => Value::map(BTreeMap::new()),
        // A deferred block runs where it stands: labsite renders a page's
        // templates after all of its content, which is what deferring waits for.
        "templates.Defer" => {
            let mut m = BTreeMap::new();
            m.insert("deferred".to_string(), Value::Bool(true));
            Value::map(m)
        }
        "doDefer" | "inner" => Value::str(""),
        "reflect.IsPage" => Value::Bool(is_type(first, &[PAGE])),
        "reflect.IsSite" => Value::Bool(is_type(first, &[SITE])),
        "reflect.IsResource" => Value::Bool(is_type(first, &[PAGE, RESOURCE])),
        "reflect.IsImageResource"
        | "reflect.IsImageResourceProcessable"
        | "reflect.IsImageResourceWithMeta" => {
            let image = matches!(first, Some(Value::Object(o)) if o.type_name() == RESOURCE
                && o.method("MediaType", &[]).and_then(Result::ok)
                    .and_then(|m| m.field("MainType").ok())
                    .is_some_and(|t| t.to_text() == "image"));
            let processable = name == "reflect.IsImageResource"
                || matches!(first, Some(Value::Object(o)) if o.method("MediaType", &[]).and_then(Result::ok)
                    .and_then(|m| m.field("SubType").ok())
                    .is_some_and(|t| t.to_text() != "svg"));
            Value::Bool(image && processable)
        }
        _ => return None,
    }))
}
