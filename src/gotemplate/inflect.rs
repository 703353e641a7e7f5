//! Hugo's `inflect` functions for English words: `pluralize`, `singularize`,
//! `humanize` (a number becomes its ordinal, `52nd`).

use super::value::Value;

/// Words whose plural is not made by a rule (singular, plural).
const IRREGULAR: &[(&str, &str)] = &[
    ("person", "people"),
    ("man", "men"),
    ("woman", "women"),
    ("child", "children"),
    ("foot", "feet"),
    ("tooth", "teeth"),
    ("goose", "geese"),
    ("mouse", "mice"),
    ("ox", "oxen"),
    ("move", "moves"),
    ("sex", "sexes"),
    ("zombie", "zombies"),
];

/// Words the same in both numbers.
const UNCOUNTABLE: &[&str] = &[
    "equipment",
    "information",
    "rice",
    "money",
    "species",
    "series",
    "fish",
    "sheep",
    "jeans",
    "police",
    "news",
    "data",
    "feedback",
    "software",
    "hardware",
];

/// Endings and what replaces them, most specific first (ending, plural ending).
const PLURAL_RULES: &[(&str, &str)] = &[
    ("quiz", "quizzes"),
    ("matrix", "matrices"),
    ("vertex", "vertices"),
    ("index", "indices"),
    ("ix", "ices"),
    ("sis", "ses"),
    ("knife", "knives"),
    ("wife", "wives"),
    ("life", "lives"),
    ("lf", "lves"),
    ("rf", "rves"),
    ("ch", "ches"),
    ("sh", "shes"),
    ("ss", "sses"),
    ("us", "uses"),
    ("x", "xes"),
    ("z", "zes"),
    ("s", "s"),
    ("hero", "heroes"),
    ("potato", "potatoes"),
    ("tomato", "tomatoes"),
    ("um", "a"),
];

/// `word` with its first letter's case carried over to `replacement`.
fn same_case(word: &str, replacement: &str) -> String {
    let upper = word.chars().next().is_some_and(char::is_uppercase);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(first) if upper => first.to_uppercase().collect::<String>() + chars.as_str(),
        _ => replacement.to_string(),
    }
}

/// `word` whose `ending` (lower case) becomes `new`.
fn swap_ending(word: &str, ending: &str, new: &str) -> String {
    format!(
        "{}{new}",
        word.get(..word.len() - ending.len()).unwrap_or_default()
    )
}

pub fn pluralize(word: &str) -> String {
    let lower = word.to_lowercase();
    if word.is_empty() || UNCOUNTABLE.contains(&lower.as_str()) {
        return word.to_string();
    }
    if let Some((_, plural)) = IRREGULAR.iter().find(|(s, _)| *s == lower) {
        return same_case(word, plural);
    }
    if let Some((ending, new)) = PLURAL_RULES.iter().find(|(e, _)| lower.ends_with(e)) {
        return swap_ending(word, ending, new);
    }
    let before_y = lower.strip_suffix('y').and_then(|s| s.chars().last());
    if before_y.is_some_and(|c| !"aeiou".contains(c)) {
        return swap_ending(word, "y", "ies");
    }
    format!("{word}s")
}

pub fn singularize(word: &str) -> String {
    let lower = word.to_lowercase();
    if word.is_empty() || UNCOUNTABLE.contains(&lower.as_str()) {
        return word.to_string();
    }
    if let Some((singular, _)) = IRREGULAR.iter().find(|(_, p)| *p == lower) {
        return same_case(word, singular);
    }
    // The plural rules backwards; `ses` is `sis` only for words such as `analyses`.
    let rules = PLURAL_RULES
        .iter()
        .filter(|(e, p)| *e != "s" && *p != "a" && *e != "sis")
        .map(|(e, p)| (*p, *e));
    for (plural, singular) in rules.chain([("yses", "ysis"), ("ies", "y")]) {
        if lower.ends_with(plural) {
            return swap_ending(word, plural, singular);
        }
    }
    match lower.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') => swap_ending(word, "s", ""),
        _ => word.to_string(),
    }
}

/// Acronyms `humanize` keeps in capitals.
const ACRONYMS: &[&str] = &[
    "API", "CSS", "CSV", "DNS", "HTML", "HTTP", "HTTPS", "ID", "JSON", "SQL", "SSH", "TLS", "UI",
    "URI", "URL", "UUID", "XML", "YAML",
];

/// `52` → `52nd`; `my-first-post`, `camelCaseWord`, `HTMLParser`, `v2-api` →
/// `My first post`, `Camel case word`, `HTML parser`, `V2 API`.
pub fn humanize(text: &str) -> String {
    if let Ok(n) = text.parse::<i64>() {
        let suffix = match (n.abs() % 100, n.abs() % 10) {
            (11..=13, _) => "th",
            (_, 1) => "st",
            (_, 2) => "nd",
            (_, 3) => "rd",
            _ => "th",
        };
        return format!("{n}{suffix}");
    }
    // Words: split at `-`, `_`, spaces, and where case changes (`camelCase`,
    // `HTMLParser`: a capital that starts a lower-case run starts a word).
    let chars: Vec<char> = text.chars().collect();
    let mut words: Vec<String> = vec![String::new()];
    for (i, &c) in chars.iter().enumerate() {
        if c == '-' || c == '_' || c == ' ' {
            words.push(String::new());
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p));
        let next = chars.get(i + 1);
        let starts_word = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase() || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
            });
        if starts_word {
            words.push(String::new());
        }
        if let Some(last) = words.last_mut() {
            last.push(c);
        }
    }
    let words: Vec<String> = words
        .into_iter()
        .filter(|w| !w.is_empty())
        .map(|w| {
            let upper = w.to_uppercase();
            if ACRONYMS.contains(&upper.as_str()) {
                upper
            } else {
                w.to_lowercase()
            }
        })
        .collect();
    let joined = words.join(" ");
    let mut chars = joined.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// The inflect functions. `None` when `name` is not one of them.
pub fn call<'a>(name: &str, args: &[Value<'a>]) -> Option<Result<Value<'a>, String>> {
    let word = args.first().map(Value::to_text).unwrap_or_default();
    Some(Ok(Value::str(match name {
        "pluralize" => pluralize(&word),
        "singularize" => singularize(&word),
        "humanize" => humanize(&word),
        _ => return None,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hugo 0.168's results for the same words.
    #[test]
    fn english_words_as_hugo_inflects_them() {
        let plural: Vec<String> = [
            "box", "person", "lab", "category", "knife", "Child", "sheep", "bus", "day", "quiz",
            "hero", "matrix",
        ]
        .iter()
        .map(|w| pluralize(w))
        .collect();
        assert_eq!(
            plural.join(" "),
            "boxes people labs categories knives Children sheep buses days quizzes heroes matrices"
        );
        let singular: Vec<String> = [
            "boxes",
            "people",
            "labs",
            "categories",
            "knives",
            "children",
            "buses",
            "days",
            "news",
            "analyses",
        ]
        .iter()
        .map(|w| singularize(w))
        .collect();
        assert_eq!(
            singular.join(" "),
            "box person lab category knife child bus day news analysis"
        );
        assert_eq!(humanize("my-first-post"), "My first post");
        assert_eq!(humanize("52"), "52nd");
        assert_eq!(humanize("103"), "103rd");
        assert_eq!(humanize("camelCaseWord"), "Camel case word");
        assert_eq!(humanize("AWS-Lab"), "Aws lab");
        assert_eq!(humanize("Hello World"), "Hello world");
        assert_eq!(humanize("HTMLParser"), "HTML parser");
        assert_eq!(humanize("v2-api"), "V2 API");
        assert_eq!(humanize("11"), "11th");
        assert_eq!(humanize("-3"), "-3rd");
    }
}
