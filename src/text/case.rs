//! Letter case as Hugo changes it: the title case of generated page titles,
//! taxonomy titles and `title`, in Hugo's default style (`titleCaseStyle =
//! "ap"`, the Associated Press rules).

/// Short words AP style leaves in lower case inside a title.
const SMALL_WORDS: [&str; 23] = [
    "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or",
    "per", "the", "to", "vs", "vs.", "via", "v", "v.",
];

/// `text` in AP title case, as Hugo writes it: every word (a run from a letter
/// or digit up to white space, `-` or `/`) starts with a capital, the rest of
/// it as written, except a short word (a, of, the, …) inside the title, which
/// is lower-cased: not first or last, after a space, `-` or `/`, not right
/// after a colon or a dash, and not the first half of a hyphenated word.
pub fn title_case(text: &str) -> String {
    // Typographic quotes and dashes count as their ASCII forms.
    let plain: Vec<char> = text
        .chars()
        .map(|c| match c {
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{2026}' => '.',
            other => other,
        })
        .collect();
    let chars: Vec<char> = text.chars().collect();
    let at = |i: Option<usize>| i.and_then(|i| plain.get(i).copied());
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if !c.is_alphanumeric() {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        while chars
            .get(i)
            .is_some_and(|&c| !c.is_whitespace() && c != '-' && c != '/')
        {
            i += 1;
        }
        let word: String = chars.get(start..i).unwrap_or_default().iter().collect();
        let lower = word.to_lowercase();
        let bounding = start == 0 || i == chars.len();
        let before = at(start.checked_sub(1));
        let two_before = at(start.checked_sub(2));
        let after = at(Some(i));
        let stays_small = !bounding
            && SMALL_WORDS.contains(&lower.as_str())
            && matches!(before, Some(' ' | '-' | '/'))
            && !matches!(two_before, Some(':' | '-'))
            && (after != Some('-') || before == Some('-'));
        if stays_small {
            out.push_str(&lower);
        } else {
            let mut letters = word.chars();
            if let Some(first) = letters.next() {
                out.extend(first.to_uppercase());
                out.extend(letters);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each pair as Hugo 0.168's `title` gives it.
    #[test]
    fn titles_follow_ap_style_as_hugo_writes_them() {
        for (given, hugo) in [
            ("create a key", "Create a Key"),
            (
                "the art of war and peace in a box",
                "The Art of War and Peace in a Box",
            ),
            ("what is it for", "What Is It For"),
            (
                "from here via there with love",
                "From Here via There With Love",
            ),
            ("this is iPhone and eBay", "This Is IPhone and EBay"),
            ("hello-world foo_bar", "Hello-World Foo_bar"),
            ("NASA and THE FBI", "NASA and the FBI"),
            ("x so y", "X So Y"),
            ("a-b of-c", "A-B Of-C"),
            ("x: the y", "X: The Y"),
            ("x. the y", "X. the Y"),
            ("x - the y", "X - The Y"),
            ("x (the y)", "X (The Y)"),
            ("x \"the\" y", "X \"The\" Y"),
            ("x the", "X The"),
            ("x A y", "X a Y"),
            (
                "the-art-of-war-and-peace-in-a-boxes",
                "The-Art-of-War-and-Peace-in-a-Boxes",
            ),
            ("aws cli", "Aws Cli"),
            ("HPC", "HPC"),
            ("", ""),
        ] {
            assert_eq!(title_case(given), hugo, "{given}");
        }
    }
}
