//! Hugo's `resources` functions for the site's `assets/` and for text templates
//! make: `resources.Get`/`GetMatch`/`Match`/`ByType`, `FromString`,
//! `ExecuteAsTemplate`, `Concat`, `Copy`, `Minify`, `Fingerprint`; the asset
//! pipes labsite does not run (`toCSS`, `postCSS`, `babel`) pass the resource on
//! with a warning, and image processing gives the image as it is.

use super::Env;
use super::objects::ResourceObject;
use crate::gotemplate::value::Value;
use base64::Engine;
use std::rc::Rc;

fn text(args: &[Value<'_>], i: usize) -> String {
    args.get(i).map(Value::to_text).unwrap_or_default()
}

/// The name and text of resource `v`.
fn name_and_text(v: &Value<'_>, function: &str) -> Result<(String, String), String> {
    let Value::Object(o) = v else {
        return Err(format!("{function}: {} is not a resource", v.to_text()));
    };
    let field = |f: &str| {
        o.method(f, &[])
            .unwrap_or(Ok(Value::Nil))
            .map(|v| v.to_text())
    };
    Ok((
        field("Name")?.trim_start_matches('/').to_string(),
        field("Content")?,
    ))
}

/// `name` with `.tag` before its extension: `a.css` → `a.min.css`.
fn tagged(name: &str, tag: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !stem.ends_with('/') => {
            format!("{stem}.{tag}.{ext}")
        }
        _ => format!("{name}.{tag}"),
    }
}

/// Minified CSS, JavaScript or HTML by the file's type; other text as it is.
fn minified(name: &str, text: &str) -> String {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    let (open, close) = match ext.as_str() {
        "css" => ("<style>", "</style>"),
        "js" | "mjs" => ("<script>", "</script>"),
        "html" | "htm" => ("", ""),
        _ => return text.to_string(),
    };
    let cfg = minify_html::Cfg {
        minify_css: true,
        minify_js: true,
        keep_closing_tags: true,
        ..minify_html::Cfg::default()
    };
    let out = minify_html::minify(format!("{open}{text}{close}").as_bytes(), &cfg);
    let out = String::from_utf8_lossy(&out);
    out.strip_prefix(open)
        .and_then(|o| o.strip_suffix(close))
        .unwrap_or(&out)
        .to_string()
}

/// A resource for text a template made, to be published at `name` (a path
/// that stays inside the output folder).
fn made<'a>(env: &Env<'a>, name: &str, text: &str) -> Result<Value<'a>, String> {
    let inside = std::path::Path::new(name.trim_start_matches('/'))
        .components()
        .all(|c| {
            matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        });
    if !inside {
        return Err(format!(
            "the resource path {name:?} leaves the published site (give a path inside it, such as css/main.css)"
        ));
    }
    Ok(Value::Object(Rc::new(ResourceObject::made(
        name,
        text,
        env.site(),
    ))))
}

/// The files of `assets/` whose path matches `pattern` (a glob), in path order.
fn matching<'a>(env: &Env<'a>, pattern: &str) -> Result<Vec<Value<'a>>, String> {
    let site = env.site();
    let glob = globset::GlobBuilder::new(pattern.trim_start_matches('/'))
        .case_insensitive(true)
        .literal_separator(false)
        .build()
        .map_err(|e| format!("resources.Match: {e}"))?
        .compile_matcher();
    let found = site
        .asset_files()
        .iter()
        .filter(|(rel, _)| glob.is_match(rel));
    Ok(found
        .map(|(rel, file)| Value::Object(Rc::new(ResourceObject::asset(rel, file.clone(), site))))
        .collect())
}

/// The resource functions. `None` when `name` is not one of them.
pub fn call<'a>(
    env: &Rc<Env<'a>>,
    name: &str,
    args: &[Value<'a>],
) -> Option<Result<Value<'a>, String>> {
    let site = env.site();
    let last = args.last().cloned().unwrap_or(Value::Nil);
    Some(match name {
        "resources.Get" => {
            let path = text(args, 0);
            Ok(site.asset_file(&path).map_or(Value::Nil, |file| {
                Value::Object(Rc::new(ResourceObject::asset(
                    path.trim_start_matches('/'),
                    file,
                    site,
                )))
            }))
        }
        "resources.GetMatch" => {
            matching(env, &text(args, 0)).map(|l| l.into_iter().next().unwrap_or(Value::Nil))
        }
        "resources.Match" => matching(env, &text(args, 0)).map(Value::list),
        "resources.ByType" => matching(env, "**").map(|all| {
            let wanted = text(args, 0);
            Value::list(
                all.into_iter()
                    .filter(|r| r.field("ResourceType").is_ok_and(|t| t.to_text() == wanted))
                    .collect(),
            )
        }),
        "resources.FromString" => made(env, &text(args, 0), &text(args, 1)),
        "resources.Copy" => {
            name_and_text(&last, name).and_then(|(_, body)| made(env, &text(args, 0), &body))
        }
        "resources.Concat" => (|| {
            let Some(Value::List(items)) = args.get(1) else {
                return Err(
                    "resources.Concat: want the target path and a list of resources".to_string(),
                );
            };
            let mut body = String::new();
            for item in items.iter() {
                body.push_str(&name_and_text(item, name)?.1);
            }
            made(env, &text(args, 0), &body)
        })(),
        "resources.ExecuteAsTemplate" => (|| {
            let (_, source) = name_and_text(&last, name)?;
            let target = text(args, 0);
            let mut templates = crate::gotemplate::templates::Templates::default();
            templates
                .add(&target, &target, &source)
                .map_err(|e| e.to_string())?;
            let host = super::functions::Functions { env: env.clone() };
            let context = args.get(1).cloned().unwrap_or(Value::Nil);
            let out = crate::gotemplate::exec::execute(&templates, &target, context, &host, false)
                .map_err(|e| e.to_string())?;
            made(env, &target, &out)
        })(),
        "minify" => name_and_text(&last, name)
            .and_then(|(file, body)| made(env, &tagged(&file, "min"), &minified(&file, &body))),
        "fingerprint" => (|| {
            let (file, body) = name_and_text(&last, name)?;
            let algorithm = if args.len() > 1 {
                text(args, 0)
            } else {
                "sha256".into()
            };
            use crate::gotemplate::digest::{digest, hex};
            let digest = digest(&algorithm, body.as_bytes()).ok_or_else(|| {
                format!("fingerprint: {algorithm:?} is not md5, sha1, sha256, sha384 or sha512")
            })?;
            let hex = hex(&digest);
            let integrity = format!(
                "{algorithm}-{}",
                base64::engine::general_purpose::STANDARD.encode(&digest)
            );
            let resource =
                ResourceObject::made(&tagged(&file, &hex), &body, site).with_integrity(integrity);
            Ok(Value::Object(Rc::new(resource)))
        })(),
        "resources.PostProcess" | "resources.Publish" => Ok(last),
        "toCSS" | "postCSS" | "babel" | "js.Babel" | "css.PostCSS" | "resources.ToCSS"
        | "resources.PostCSS" | "resources.Babel" => {
            env.warn_template(format!(
                "{name}: labsite does not run this asset tool; the resource is used as it is (build it ahead and keep the result in assets/)"
            ));
            Ok(last)
        }
        "css.Quoted" | "css.Unquoted" => Ok(args.first().cloned().unwrap_or(Value::Nil)),
        "resources.Key" => Ok(Value::str("tpl.resources")),
        // Image processing: the image as it is (labsite does not change pixels).
        "images.Process" | "images.Filter" => Ok(args.first().cloned().unwrap_or(Value::Nil)),
        _ if IMAGE_FILTERS.contains(&name) => Ok(Value::map(Default::default())),
        "imageConfig" => image_config(env, &text(args, 0)),
        _ => return None,
    })
}

/// Hugo's image filters (`images.Grayscale`, …): values that `images.Filter` applies.
pub const IMAGE_FILTERS: &[&str] = &[
    "images.AutoOrient",
    "images.Brightness",
    "images.ColorBalance",
    "images.Colorize",
    "images.Contrast",
    "images.Dither",
    "images.Gamma",
    "images.GaussianBlur",
    "images.Grayscale",
    "images.Hue",
    "images.Invert",
    "images.Mask",
    "images.Opacity",
    "images.Overlay",
    "images.Padding",
    "images.Pixelate",
    "images.Saturation",
    "images.Sepia",
    "images.Sigmoid",
    "images.UnsharpMask",
];

/// `imageConfig PATH`: the width and height of an image file of the site.
fn image_config<'a>(env: &Env<'a>, path: &str) -> Result<Value<'a>, String> {
    let site = env.site();
    let file = site.folders.file(site.root, path).map_err(|refusal| match refusal {
        crate::confine::Refusal::Outside => format!(
            "imageConfig: file {path:?} is outside the site folder (give a path inside the site, relative to it)"
        ),
        crate::confine::Refusal::NotFound => format!("imageConfig: file {path:?} not found in the site folder"),
    })?;
    let size = imagesize::size(&file).map_err(|e| format!("imageConfig: {path}: {e}"))?;
    let mut m = std::collections::BTreeMap::new();
    m.insert(
        "Width".to_string(),
        Value::Int(i64::try_from(size.width).unwrap_or(0)),
    );
    m.insert(
        "Height".to_string(),
        Value::Int(i64::try_from(size.height).unwrap_or(0)),
    );
    Ok(Value::map(m))
}

/// The names [`call`] answers to, for the load-time check of templates.
pub const NAMES: &[&str] = &[
    "resources.Get",
    "resources.GetMatch",
    "resources.Match",
    "resources.ByType",
    "resources.FromString",
    "resources.Copy",
    "resources.Concat",
    "resources.ExecuteAsTemplate",
    "minify",
    "fingerprint",
    "resources.PostProcess",
    "resources.Publish",
    "toCSS",
    "postCSS",
    "babel",
    "js.Babel",
    "css.PostCSS",
    "resources.ToCSS",
    "resources.PostCSS",
    "resources.Babel",
    "css.Quoted",
    "css.Unquoted",
    "resources.Key",
    "images.Process",
    "images.Filter",
    "imageConfig",
];
