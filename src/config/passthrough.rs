//! `markup.goldmark.extensions.passthrough`: whether text between delimiters
//! is kept from Markdown, and which delimiters.

use serde_json::Value;

/// The configured delimiters: pairs of opening and closing text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Passthrough {
    pub block: Vec<(String, String)>,
    pub inline: Vec<(String, String)>,
}

impl Passthrough {
    /// Hugo's default delimiters, used when the extension is on and the
    /// config names none.
    pub fn hugo_default() -> Passthrough {
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        Passthrough {
            block: vec![pair("\\[", "\\]"), pair("$$", "$$")],
            inline: vec![pair("\\(", "\\)")],
        }
    }

    /// The extension's settings under `markup.goldmark` (keys lower-case), if
    /// it is enabled.
    pub fn of(goldmark: Option<&Value>) -> Option<Passthrough> {
        let settings = goldmark?.get("extensions")?.get("passthrough")?;
        if !crate::data_format::truthy(settings.get("enable")) {
            return None;
        }
        let mut delimiters = Passthrough::hugo_default();
        let configured = settings.get("delimiters");
        if let Some(block) = configured.and_then(|d| d.get("block")) {
            delimiters.block = pairs(block);
        }
        if let Some(inline) = configured.and_then(|d| d.get("inline")) {
            delimiters.inline = pairs(inline);
        }
        Some(delimiters)
    }
}

/// `[['\[', '\]'], ['$$', '$$']]` as pairs; malformed entries are left out.
fn pairs(value: &Value) -> Vec<(String, String)> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|pair| match pair.as_array()?.as_slice() {
            [Value::String(open), Value::String(close)]
                if !open.is_empty() && !close.is_empty() =>
            {
                Some((open.clone(), close.clone()))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enabled_with_hugos_defaults_or_the_sites_delimiters() {
        let on = serde_json::json!({"extensions": {"passthrough": {"enable": true}}});
        assert_eq!(
            Passthrough::of(Some(&on)),
            Some(Passthrough::hugo_default())
        );
        let off = serde_json::json!({"extensions": {"passthrough": {"enable": false}}});
        assert_eq!(Passthrough::of(Some(&off)), None);
        let own = serde_json::json!({"extensions": {"passthrough": {"enable": true, "delimiters": {"inline": [["$", "$"], ["x"]]}}}});
        let d = Passthrough::of(Some(&own)).unwrap();
        assert_eq!(d.inline, [("$".to_string(), "$".to_string())]);
        assert_eq!(d.block, Passthrough::hugo_default().block);
    }
}
