//! The lexer of Go's text/template language: text runs and actions between
//! `{{` and `}}`, with `{{-`/`-}}` trimming, comments, and the action's tokens.

use crate::error::SyntaxError;

/// One token of an action, or a text run between actions.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Text(String),
    /// `{{` (the action starts); trimming is already applied to the text around.
    Open,
    Close,
    Ident(String),
    /// `.Name` (a field or method on dot); `.` alone is `Dot`.
    Field(String),
    Dot,
    Var(String),
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Nil,
    Pipe,
    LParen,
    RParen,
    Declare,
    Assign,
    Comma,
}

/// A token with the byte offset where it starts in the template source.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub offset: usize,
    /// Written right after the previous token, with no space (`$x.Name`,
    /// `(f).Name`): a field token joined this way continues a chain.
    pub joined: bool,
}

/// Splits a template source into tokens.
pub fn lex(src: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut out: Vec<Token> = Vec::new();
    let mut pos = 0;
    while pos < src.len() {
        let Some(rel) = src.get(pos..).unwrap_or_default().find("{{") else {
            out.push(Token {
                tok: Tok::Text(src.get(pos..).unwrap_or_default().to_string()),
                offset: pos,
                joined: false,
            });
            break;
        };
        let open = pos + rel;
        let mut text = src.get(pos..open).unwrap_or_default();
        let mut inner = open + 2;
        let trim_left = src.get(inner..).unwrap_or_default().starts_with("- ")
            || src.get(inner..).unwrap_or_default().starts_with("-\t")
            || src.get(inner..).unwrap_or_default().starts_with("-\n")
            || src.get(inner..).unwrap_or_default().starts_with("-\r");
        if trim_left {
            text = text.trim_end();
            inner += 1;
        }
        if !text.is_empty() {
            out.push(Token {
                tok: Tok::Text(text.to_string()),
                offset: pos,
                joined: false,
            });
        }
        // Comments: {{/* ... */}} with optional trim markers.
        let after_space = inner
            + (src.get(inner..).unwrap_or_default().len()
                - src.get(inner..).unwrap_or_default().trim_start().len());
        if src.get(after_space..).unwrap_or_default().starts_with("/*") {
            let Some(end_rel) = src.get(after_space..).unwrap_or_default().find("*/") else {
                return SyntaxError::at(open, "unclosed comment");
            };
            let mut close = after_space + end_rel + 2;
            let rest = src.get(close..).unwrap_or_default();
            let trimmed = rest.trim_start();
            let trim_right = trimmed.starts_with("-}}");
            let close_len = if trim_right {
                3
            } else if trimmed.starts_with("}}") {
                2
            } else {
                return SyntaxError::at(close, "comment ends before closing delimiter");
            };
            close += rest.len() - trimmed.len() + close_len;
            pos = close;
            if trim_right {
                pos += src.get(pos..).unwrap_or_default().len()
                    - src.get(pos..).unwrap_or_default().trim_start().len();
            }
            continue;
        }
        out.push(Token {
            tok: Tok::Open,
            offset: open,
            joined: false,
        });
        let (tokens, end, trim_right) = lex_action(src, inner)?;
        out.extend(tokens);
        out.push(Token {
            tok: Tok::Close,
            offset: end,
            joined: false,
        });
        pos = end + if trim_right { 3 } else { 2 };
        if trim_right {
            pos += src.get(pos..).unwrap_or_default().len()
                - src.get(pos..).unwrap_or_default().trim_start().len();
        }
    }
    Ok(out)
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Lexes the inside of an action from `pos`; returns its tokens, the offset of the
/// closing delimiter (`-}}` or `}}`) and whether it trims.
fn lex_action(src: &str, mut pos: usize) -> Result<(Vec<Token>, usize, bool), SyntaxError> {
    let mut toks: Vec<Token> = Vec::new();
    let mut prev_end = usize::MAX;
    loop {
        let rest = src.get(pos..).unwrap_or_default();
        let Some(c) = rest.chars().next() else {
            return SyntaxError::at(pos, "unclosed action");
        };
        if rest.starts_with("}}") {
            return Ok((toks, pos, false));
        }
        if c.is_whitespace() {
            let trimmed = rest.trim_start();
            let skipped = rest.len() - trimmed.len();
            if trimmed.starts_with("-}}") {
                return Ok((toks, pos + skipped, true));
            }
            pos += skipped;
            continue;
        }
        let (tok, len) = lex_token(rest, pos)?;
        toks.push(Token {
            tok,
            offset: pos,
            joined: pos == prev_end,
        });
        pos += len;
        prev_end = pos;
    }
}

/// The token `rest` (at offset `start`, not blank) begins with, and its length.
fn lex_token(rest: &str, start: usize) -> Result<(Tok, usize), SyntaxError> {
    let Some(c) = rest.chars().next() else {
        return SyntaxError::at(start, "unclosed action");
    };
    let after = rest.get(c.len_utf8()..).unwrap_or_default();
    let ident_after = || -> String { after.chars().take_while(|&c| is_ident_char(c)).collect() };
    Ok(match c {
        '|' => (Tok::Pipe, 1),
        '(' => (Tok::LParen, 1),
        ')' => (Tok::RParen, 1),
        ',' => (Tok::Comma, 1),
        ':' if rest.starts_with(":=") => (Tok::Declare, 2),
        '=' => (Tok::Assign, 1),
        '"' => {
            let (value, len) = quoted(after, start)?;
            (Tok::Str(value), len)
        }
        '`' => {
            let Some(end) = after.find('`') else {
                return SyntaxError::at(start, "unterminated raw quoted string");
            };
            (
                Tok::Str(after.get(..end).unwrap_or_default().to_string()),
                end + 2,
            )
        }
        '\'' => {
            // A character constant is a number in Go.
            let ch = after.chars().next().unwrap_or('\0');
            (Tok::Int(ch as i64), 1 + ch.len_utf8() + 1)
        }
        '.' => {
            let name = ident_after();
            if name.is_empty() {
                (Tok::Dot, 1)
            } else if name.starts_with(|c: char| c.is_ascii_digit()) {
                let num: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.')
                    .collect();
                (Tok::Float(num.parse().unwrap_or(0.0)), num.len())
            } else {
                (Tok::Field(name.clone()), 1 + name.len())
            }
        }
        '$' => {
            let name = ident_after();
            (Tok::Var(format!("${name}")), 1 + name.len())
        }
        c if c.is_ascii_digit()
            || ((c == '-' || c == '+') && after.starts_with(|d: char| d.is_ascii_digit())) =>
        {
            number(rest, start)?
        }
        c if is_ident_char(c) => {
            let name: String = rest.chars().take_while(|&c| is_ident_char(c)).collect();
            let len = name.len();
            let tok = match name.as_str() {
                "true" => Tok::Bool(true),
                "false" => Tok::Bool(false),
                "nil" => Tok::Nil,
                _ => Tok::Ident(name),
            };
            (tok, len)
        }
        other => return SyntaxError::at(start, format!("unexpected {other:?} in action")),
    })
}

/// The value of a `"`-quoted string whose text (after the opening quote) is
/// `text`, and the length of the whole string with its quotes.
fn quoted(text: &str, start: usize) -> Result<(String, usize), SyntaxError> {
    let mut value = String::new();
    let mut chars = text.char_indices();
    while let Some((i, ch)) = chars.next() {
        match ch {
            '"' => return Ok((value, i + 2)),
            '\\' => match chars.next() {
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                Some((_, 'r')) => value.push('\r'),
                Some((_, other)) => value.push(other),
                None => break,
            },
            '\n' => break,
            other => value.push(other),
        }
    }
    SyntaxError::at(start, "unterminated quoted string")
}

/// The number `rest` begins with (decimal, hex, float, `_` separators, a sign)
/// and its length.
fn number(rest: &str, start: usize) -> Result<(Tok, usize), SyntaxError> {
    let num: String = rest
        .char_indices()
        .take_while(|&(i, c)| {
            c.is_ascii_alphanumeric() || c == '.' || c == '_' || (i == 0 && (c == '-' || c == '+'))
        })
        .map(|(_, c)| c)
        .collect();
    let clean = num.replace('_', "");
    let tok = if let Some(hex) = clean.strip_prefix("0x") {
        Tok::Int(i64::from_str_radix(hex, 16).unwrap_or(0))
    } else if let Ok(i) = clean.parse::<i64>() {
        Tok::Int(i)
    } else if let Ok(f) = clean.parse::<f64>() {
        Tok::Float(f)
    } else {
        return SyntaxError::at(start, format!("bad number syntax: {num:?}"));
    };
    Ok((tok, num.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_fields_continue_chains() {
        let t = lex("{{ $x.Name (f).B .C }}").unwrap();
        let joined: Vec<bool> = t.iter().map(|t| t.joined).collect();
        assert_eq!(
            joined,
            [false, false, true, false, true, true, true, false, false]
        );
    }

    fn toks(src: &str) -> Vec<Tok> {
        lex(src).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn text_actions_and_trimming() {
        assert_eq!(
            toks("a {{- .Title -}} b {{ $x := 1 }}"),
            vec![
                Tok::Text("a".into()),
                Tok::Open,
                Tok::Field("Title".into()),
                Tok::Close,
                Tok::Text("b ".into()),
                Tok::Open,
                Tok::Var("$x".into()),
                Tok::Declare,
                Tok::Int(1),
                Tok::Close,
            ]
        );
    }

    #[test]
    fn comments_strings_numbers() {
        assert_eq!(
            toks("x{{/* c */}}y"),
            vec![Tok::Text("x".into()), Tok::Text("y".into())]
        );
        assert_eq!(
            toks("x {{- /* c */ -}} y"),
            vec![Tok::Text("x".into()), Tok::Text("y".into())]
        );
        assert_eq!(
            toks(r#"{{ printf "%d\n" -3 1.5 `raw` }}"#),
            vec![
                Tok::Open,
                Tok::Ident("printf".into()),
                Tok::Str("%d\n".into()),
                Tok::Int(-3),
                Tok::Float(1.5),
                Tok::Str("raw".into()),
                Tok::Close
            ]
        );
    }

    #[test]
    fn errors() {
        assert_eq!(lex("{{ .A").unwrap_err().message, "unclosed action");
        assert_eq!(
            lex("{{ \"a }}").unwrap_err().message,
            "unterminated quoted string"
        );
    }
}
