//! Hugo's string functions beyond Go's and the common ones of `funcs`: rune
//! counts, `slicestr`, `strings.ContainsAny`/`ContainsNonSpace`/`FirstLower`/
//! `ReplacePairs`, `safeJSStr`, `transform.XMLEscape`, `debug.VisualizeSpaces`.

use super::value::{Trust, Value};

/// The string functions. `None` when `name` is not one of them.
pub fn call<'a>(name: &str, args: &[Value<'a>]) -> Option<Result<Value<'a>, String>> {
    let text = |i: usize| args.get(i).map(Value::to_text).unwrap_or_default();
    let count = |s: String| Value::Int(i64::try_from(s.chars().count()).unwrap_or(i64::MAX));
    Some(Ok(match name {
        // `countrunes` leaves out white space; `strings.RuneCount` counts it.
        "countrunes" => count(text(0).chars().filter(|c| !c.is_whitespace()).collect()),
        "strings.RuneCount" => count(text(0)),
        "slicestr" => {
            let chars: Vec<char> = text(0).chars().collect();
            let len = i64::try_from(chars.len()).unwrap_or(i64::MAX);
            let bound =
                |i: usize, default: i64| args.get(i).and_then(Value::as_i64).unwrap_or(default);
            let (start, end) = (bound(1, 0), bound(2, len));
            if start < 0 || end > len || start > end {
                return Some(Err(format!(
                    "slicestr: slice bounds {start}:{end} out of range for {len} characters"
                )));
            }
            Value::str(
                chars
                    .get(start as usize..end as usize)
                    .unwrap_or_default()
                    .iter()
                    .collect::<String>(),
            )
        }
        "strings.ContainsAny" => Value::Bool(text(0).contains(|c| text(1).contains(c))),
        "strings.ContainsNonSpace" => Value::Bool(text(0).chars().any(|c| !c.is_whitespace())),
        "strings.FirstLower" => {
            let t = text(0);
            let mut chars = t.chars();
            Value::str(chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().collect::<String>() + chars.as_str()
            }))
        }
        "strings.ReplacePairs" => return Some(replace_pairs(args)),
        "safeJSStr" => Value::trusted(Trust::Js, text(0)),
        "transform.XMLEscape" => Value::str(
            text(0)
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&#34;")
                .replace('\'', "&#39;")
                .replace('\t', "&#x9;")
                .replace('\n', "&#xA;")
                .replace('\r', "&#xD;"),
        ),
        "debug.VisualizeSpaces" => Value::str(
            text(0)
                .replace(' ', "[SPACE]")
                .replace('\t', "[TAB]")
                .replace('\n', "[NEWLINE]\n"),
        ),
        _ => return None,
    }))
}

/// `strings.ReplacePairs OLD NEW [OLD NEW…] TEXT` or `strings.ReplacePairs
/// (slice OLD NEW…) TEXT`: every pair replaced in one pass, earlier pairs first
/// where two match at the same place.
fn replace_pairs<'a>(args: &[Value<'a>]) -> Result<Value<'a>, String> {
    let Some((subject, pairs)) = args.split_last() else {
        return Err("strings.ReplacePairs: missing the text".into());
    };
    let pairs: Vec<String> = match pairs {
        [Value::List(l)] => l.iter().map(Value::to_text).collect(),
        other => other.iter().map(Value::to_text).collect(),
    };
    if !pairs.len().is_multiple_of(2) {
        return Err("strings.ReplacePairs: the old and new strings must come in pairs".into());
    }
    let pairs: Vec<(&str, &str)> = pairs
        .chunks(2)
        .filter_map(|p| match p {
            [old, new] => Some((old.as_str(), new.as_str())),
            _ => None,
        })
        .collect();
    let subject = subject.to_text();
    let mut out = String::new();
    let mut rest = subject.as_str();
    'scan: while !rest.is_empty() {
        for (old, new) in &pairs {
            if !old.is_empty() && rest.starts_with(old) {
                out.push_str(new);
                rest = rest.get(old.len()..).unwrap_or_default();
                continue 'scan;
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    Ok(Value::str(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gotemplate::testing::shown;

    fn run(name: &str, args: Vec<Value<'static>>) -> String {
        shown(call(name, &args))
    }

    /// Hugo 0.168's results for the same calls.
    #[test]
    fn strings_as_hugo_gives_them() {
        let s = Value::str;
        assert_eq!(run("countrunes", vec![s("Héllo wörld")]), "10");
        assert_eq!(run("strings.RuneCount", vec![s("Héllo wörld")]), "11");
        assert_eq!(run("slicestr", vec![s("BatMan"), Value::Int(3)]), "Man");
        assert_eq!(
            run("slicestr", vec![s("BatMan"), Value::Int(0), Value::Int(3)]),
            "Bat"
        );
        assert_eq!(
            run("strings.ContainsAny", vec![s("Hello"), s("xyz")]),
            "false"
        );
        assert_eq!(
            run("strings.ContainsAny", vec![s("Hello"), s("lo")]),
            "true"
        );
        assert_eq!(run("strings.ContainsNonSpace", vec![s("  \n")]), "false");
        assert_eq!(run("strings.FirstLower", vec![s("HELLO")]), "hELLO");
        assert_eq!(
            run(
                "strings.ReplacePairs",
                vec![s("a"), s("b"), s("b"), s("c"), s("aab")]
            ),
            "bbc"
        );
        assert_eq!(
            run(
                "strings.ReplacePairs",
                vec![Value::list(vec![s("a"), s("b"), s("b"), s("c")]), s("aab")]
            ),
            "bbc"
        );
        assert_eq!(
            run("debug.VisualizeSpaces", vec![s("a b\tc\n")]),
            "a[SPACE]b[TAB]c[NEWLINE]\n"
        );
        assert_eq!(
            run("transform.XMLEscape", vec![s("<a & \"b\">")]),
            "&lt;a &amp; &#34;b&#34;&gt;"
        );
    }
}
