//! Letter case as Hugo changes it: the title case of generated page titles and
//! `title`.

/// Hugo's title case as it names generated pages: the first letter of every word
/// (words split at white space and hyphens) upper-cased, the rest as written.
pub fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = c.is_whitespace() || c == '-';
    }
    out
}
