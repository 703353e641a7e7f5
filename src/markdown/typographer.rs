//! Goldmark's typographer extension as Hugo enables it: `---` `--` `...` `<<` `>>`
//! and quotes become typographic characters, written as the entities Goldmark
//! writes. Quotes follow CommonMark's delimiter-run rules, so `""`, `x="y"` and
//! `'90s` come out as in Hugo.

/// A piece of text after substitution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Sub(Sub),
}

/// The substitutions, by the entity Goldmark writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sub {
    LeftSingle,
    RightSingle,
    LeftDouble,
    RightDouble,
    EnDash,
    EmDash,
    Ellipsis,
    LeftAngle,
    RightAngle,
    Apostrophe,
}

impl Sub {
    pub fn entity(self) -> &'static str {
        match self {
            Sub::LeftSingle => "&lsquo;",
            Sub::RightSingle | Sub::Apostrophe => "&rsquo;",
            Sub::LeftDouble => "&ldquo;",
            Sub::RightDouble => "&rdquo;",
            Sub::EnDash => "&ndash;",
            Sub::EmDash => "&mdash;",
            Sub::Ellipsis => "&hellip;",
            Sub::LeftAngle => "&laquo;",
            Sub::RightAngle => "&raquo;",
        }
    }

    pub fn char(self) -> char {
        match self {
            Sub::LeftSingle => '\u{2018}',
            Sub::RightSingle | Sub::Apostrophe => '\u{2019}',
            Sub::LeftDouble => '\u{201C}',
            Sub::RightDouble => '\u{201D}',
            Sub::EnDash => '\u{2013}',
            Sub::EmDash => '\u{2014}',
            Sub::Ellipsis => '\u{2026}',
            Sub::LeftAngle => '\u{AB}',
            Sub::RightAngle => '\u{BB}',
        }
    }
}

/// Characters written with a backslash escape (`\-\-`) stay literal: the parser
/// hands them over as these stand-ins, which [`restore`] turns back.
const ESCAPED: [(char, char); 6] = [
    ('-', '\u{F8F0}'),
    ('.', '\u{F8F1}'),
    ('\'', '\u{F8F2}'),
    ('"', '\u{F8F3}'),
    ('<', '\u{F8F4}'),
    ('>', '\u{F8F5}'),
];

/// The stand-in of an escaped character, if the typographer would touch it.
pub fn protect(c: char) -> Option<char> {
    ESCAPED
        .iter()
        .find(|(from, _)| *from == c)
        .map(|(_, to)| *to)
}

/// Turns stand-ins back into the characters they stand for.
pub fn restore(text: &str) -> std::borrow::Cow<'_, str> {
    // Every stand-in is encoded starting with the byte 0xEF: text without it has none.
    if !text.as_bytes().contains(&0xEF)
        || !text.chars().any(|c| ('\u{F8F0}'..='\u{F8F5}').contains(&c))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                ESCAPED
                    .iter()
                    .find(|(_, to)| *to == c)
                    .map_or(c, |(from, _)| *from)
            })
            .collect(),
    )
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace() && !c.is_control())
}

/// Quotes opened and not yet closed in the current block (Goldmark resets them at
/// the end of each block).
#[derive(Debug, Default, Clone, Copy)]
pub struct Open {
    single: usize,
    double: usize,
}

/// Whether `text` has a quote, `--`, `...`, `<<` or `>>`: what [`apply`] may
/// substitute.
fn may_substitute(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        let next = |n: usize| bytes.get(i + n).copied();
        match b {
            b'\'' | b'"' => true,
            b'-' | b'<' | b'>' => next(1) == Some(b),
            b'.' => next(1) == Some(b'.') && next(2) == Some(b'.'),
            _ => false,
        }
    })
}

/// Splits `text` into plain runs and substitutions. `before` is the character
/// preceding the text in its line (`'\n'` at a line start), `after` the one
/// following it; `open` carries unclosed quotes from earlier text of the block.
pub fn apply<'a>(text: &'a str, before: char, after: char, open: &mut Open) -> Vec<Piece<'a>> {
    // Most text has nothing to substitute.
    if !may_substitute(text) {
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![Piece::Text(text)]
        };
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut out = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    while let Some(&(offset, c)) = chars.get(i) {
        let prev = match i.checked_sub(1) {
            Some(p) => at(p).unwrap_or(before),
            None => before,
        };
        let (sub, len) = match c {
            '-' if at(i + 1) == Some('-') && at(i + 2) == Some('-') => (Some(Sub::EmDash), 3),
            '-' if at(i + 1) == Some('-') => (Some(Sub::EnDash), 2),
            '.' if at(i + 1) == Some('.') && at(i + 2) == Some('.') => (Some(Sub::Ellipsis), 3),
            '<' if at(i + 1) == Some('<') => (Some(Sub::LeftAngle), 2),
            '>' if at(i + 1) == Some('>') => (Some(Sub::RightAngle), 2),
            '\'' | '"' => {
                let mut run = 1;
                while at(i + run) == Some(c) {
                    run += 1;
                }
                let ahead = [at(i + 1), at(i + 2), at(i + 3), at(i + 4)];
                let run_after = at(i + run).unwrap_or(after);
                match quote(c, prev, run_after, ahead, after, open) {
                    Some(q) => (Some(q), 1),
                    None => {
                        // The whole run stays as it is.
                        i += run;
                        continue;
                    }
                }
            }
            _ => (None, 1),
        };
        match sub {
            Some(s) => {
                if offset > plain_start {
                    out.push(Piece::Text(
                        text.get(plain_start..offset).unwrap_or_default(),
                    ));
                }
                out.push(Piece::Sub(s));
                i += len;
                plain_start = chars.get(i).map_or(text.len(), |&(o, _)| o);
            }
            None => i += 1,
        }
    }
    if plain_start < text.len() {
        out.push(Piece::Text(text.get(plain_start..).unwrap_or_default()));
    }
    out
}

/// Goldmark's choice for one quote character. `before` precedes it, `run_after`
/// follows its run of identical quotes, `ahead` are the next four characters of the
/// text (`None` past its end, where `after` follows).
fn quote(
    c: char,
    before: char,
    run_after: char,
    ahead: [Option<char>; 4],
    after: char,
    open: &mut Open,
) -> Option<Sub> {
    let before_ws = before.is_whitespace();
    let before_p = is_punct(before);
    let can_open = !run_after.is_whitespace() && (!is_punct(run_after) || before_ws || before_p);
    let can_close = !before_ws && (!before_p || run_after.is_whitespace() || is_punct(run_after));
    if !can_open && !can_close {
        return None;
    }
    let [n1, n2, n3, n4] = ahead;
    let n1c = n1.unwrap_or(after);
    let ends_word = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punct(c));
    let maybe_close = can_close && can_open && is_punct(n1c) && ends_word(n2);
    if c == '\'' {
        // Decades: '90s
        if can_open
            && !can_close
            && n1.is_some_and(|d| d.is_ascii_digit())
            && n2.is_some_and(|d| d.is_ascii_digit())
            && n3 == Some('s')
        {
            let a = n4.unwrap_or(' ');
            if a.is_whitespace() || is_punct(a) {
                return Some(Sub::Apostrophe);
            }
        }
        // 'twas, 'em, 'net (and so every 't…, 'e…, 'n…, 'l… after a space)
        if (before_ws || before_p) && matches!(n1, Some('t' | 'e' | 'n' | 'l')) {
            return Some(Sub::Apostrophe);
        }
        if before.is_alphanumeric() && n1.is_some_and(char::is_alphabetic) {
            return Some(Sub::Apostrophe);
        }
        if can_open && !can_close {
            // Alice's, I'm, Don't, You'd, I've, I'll, You're
            let short = matches!(n1, Some('s' | 'm' | 't' | 'd')) && ends_word(n2);
            let long = matches!(
                (n1, n2),
                (Some('v'), Some('e')) | (Some('l'), Some('l')) | (Some('r'), Some('e'))
            ) && ends_word(n3);
            if short || long {
                return Some(Sub::RightSingle);
            }
            open.single += 1;
            return Some(Sub::LeftSingle);
        }
        // Smiths', doin'
        if n1.is_some() && n2.is_some() && !n1.is_some_and(|d| d.is_ascii_digit()) {
            return Some(Sub::RightSingle);
        }
        if open.single > 0 && ((can_close && !can_open) || maybe_close) {
            open.single -= 1;
            return Some(Sub::RightSingle);
        }
        return None;
    }
    if can_open && !can_close {
        open.double += 1;
        return Some(Sub::LeftDouble);
    }
    if open.double > 0 && ((can_close && !can_open) || maybe_close) {
        if n1 == Some('"') && before.is_ascii_digit() {
            return None;
        }
        open.double -= 1;
        return Some(Sub::RightDouble);
    }
    None
}

/// The text with substitutions as characters (for heading ids and plain text).
pub fn to_chars(text: &str, before: char, after: char) -> String {
    apply(text, before, after, &mut Open::default())
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => restore(t).into_owned(),
            Piece::Sub(s) => s.char().to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(text: &str) -> String {
        apply(text, '\n', '\n', &mut Open::default())
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t.to_string(),
                Piece::Sub(s) => s.entity().to_string(),
            })
            .collect()
    }

    #[test]
    fn matches_hugo() {
        // Checked against Hugo 0.168's output for the same text.
        assert_eq!(
            html(
                "Typo \"quoted\" and 'single' and \"\" and 'Yours' variant -- dash --- em... <<x>>"
            ),
            "Typo &ldquo;quoted&rdquo; and &lsquo;single&rsquo; and \"\" and &lsquo;Yours&rsquo; variant &ndash; dash &mdash; em&hellip; &laquo;x&raquo;"
        );
        assert_eq!(
            html("x=\"y\" it's '90s"),
            "x=&ldquo;y&rdquo; it&rsquo;s &rsquo;90s"
        );
    }

    #[test]
    fn quote_cases_checked_against_hugo() {
        assert_eq!(html("L1 a \"\" b"), "L1 a \"\" b");
        assert_eq!(
            html("L3 'throttled' and 'single' and 'abc' and Alice's"),
            "L3 &rsquo;throttled&rsquo; and &lsquo;single&rsquo; and &lsquo;abc&rsquo; and Alice&rsquo;s"
        );
        assert_eq!(
            html("L4 \"a \"b\" c\""),
            "L4 &ldquo;a &ldquo;b&rdquo; c&rdquo;"
        );
        assert_eq!(html("L5 'x' \"y\""), "L5 &lsquo;x&rsquo; &ldquo;y&rdquo;");
        assert_eq!(
            html("L6 (\"q\") and \"q\", and \"\"x"),
            "L6 (&ldquo;q&rdquo;) and &ldquo;q&rdquo;, and &ldquo;&ldquo;x"
        );
        assert_eq!(
            html("L7 'Yours\u{2018} variant"),
            "L7 &lsquo;Yours\u{2018} variant"
        );
    }

    #[test]
    fn context_characters_decide_quotes() {
        assert_eq!(to_chars("\"", '*', 'b'), "\u{201C}");
        let mut open = Open::default();
        assert_eq!(
            apply("If \"", '\n', '`', &mut open),
            vec![Piece::Text("If "), Piece::Sub(Sub::LeftDouble)]
        );
        assert_eq!(
            apply("\": is", '`', '\n', &mut open),
            vec![Piece::Sub(Sub::RightDouble), Piece::Text(": is")]
        );
    }
}
