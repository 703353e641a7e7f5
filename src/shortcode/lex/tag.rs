//! One shortcode tag after its `{{<` or `{{%`: its name, a closing tag's
//! slash, self-closing `/>}}`, and positional or named parameters (quoted,
//! raw or typed), with Hugo's error messages for what it rejects.

use super::{Params, Tag, Token};
use crate::error::SyntaxError;
use serde_json::Value;

/// Lexes the tag at `start` (its `{{<` or `{{%`; `markdown` for `%`); returns
/// the token and the offset after it.
pub fn lex_tag(body: &str, start: usize, markdown: bool) -> Result<(Token, usize), SyntaxError> {
    let mut lexer = TagLexer {
        body,
        pos: start + 3,
        start,
        markdown,
        close_delim: if markdown { "%}}" } else { ">}}" },
    };
    lexer.skip_space();
    let closing = lexer.peek() == Some('/');
    if closing {
        lexer.pos += 1;
        lexer.skip_space();
    }
    let name = lexer.name()?;
    if closing {
        lexer.close(name)
    } else {
        lexer.open(name)
    }
}

/// Where the lexer is in one tag.
struct TagLexer<'a> {
    body: &'a str,
    pos: usize,
    /// The tag's `{{`.
    start: usize,
    markdown: bool,
    close_delim: &'static str,
}

impl TagLexer<'_> {
    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn rest(&self) -> &str {
        self.body.get(self.pos..).unwrap_or_default()
    }

    fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            if !c.is_whitespace() {
                break;
            }
            self.pos += c.len_utf8();
        }
    }

    /// When the tag ends here with a self-closing `/ >}}`: the offset of its
    /// closing delimiter.
    fn self_close_at(&self) -> Option<usize> {
        let after_slash = self.rest().strip_prefix('/')?;
        let blank = after_slash.len() - after_slash.trim_start().len();
        after_slash
            .trim_start()
            .starts_with(self.close_delim)
            .then_some(self.pos + 1 + blank)
    }

    /// Hugo's error for a character that cannot stand here.
    fn unrecognized(&self, note: &str) -> SyntaxError {
        let ch = self.peek().unwrap_or(' ');
        SyntaxError {
            offset: self.pos,
            message: format!(
                "unrecognized character in shortcode action: {}{note}",
                describe(ch)
            ),
        }
    }

    /// The shortcode's name: letters, digits and `_`, then also `-`, `/`, `.`
    /// (a `/` that self-closes the tag ends it).
    fn name(&mut self) -> Result<String, SyntaxError> {
        let name_start = self.pos;
        while let Some(ch) = self.peek() {
            let ok = ch.is_alphanumeric()
                || ch == '_'
                || (self.pos > name_start
                    && matches!(ch, '-' | '/' | '.')
                    && self.self_close_at().is_none());
            if !ok {
                break;
            }
            self.pos += ch.len_utf8();
        }
        let name = self.body.get(name_start..self.pos).unwrap_or_default();
        if !name.is_empty() {
            return Ok(name.to_string());
        }
        if self.rest().is_empty() {
            return SyntaxError::at(self.start, "unclosed shortcode action");
        }
        if self.rest().starts_with(self.close_delim) || self.rest().starts_with(['>', '%']) {
            return SyntaxError::at(self.start, "shortcode has no name");
        }
        Err(self.unrecognized(""))
    }

    /// The rest of a closing tag `{{< /name >}}`.
    fn close(mut self, name: String) -> Result<(Token, usize), SyntaxError> {
        self.skip_space();
        if !self.rest().starts_with(self.close_delim) {
            if self.rest().is_empty() || !self.rest().contains(self.close_delim) {
                return SyntaxError::at(self.start, "unclosed shortcode action");
            }
            return Err(self.unrecognized(""));
        }
        let end = self.pos + 3;
        let token = Token::Close {
            name,
            markdown: self.markdown,
            start: self.start,
            end,
        };
        Ok((token, end))
    }

    /// The parameters and end of an opening (or self-closing) tag.
    fn open(mut self, name: String) -> Result<(Token, usize), SyntaxError> {
        let mut positional: Vec<Value> = Vec::new();
        let mut named: Vec<(String, Value)> = Vec::new();
        loop {
            self.skip_space();
            if self.rest().is_empty() {
                return SyntaxError::at(self.start, "unclosed shortcode action");
            }
            let delim_at = if self.rest().starts_with(self.close_delim) {
                Some((self.pos, false))
            } else {
                self.self_close_at().map(|at| (at, true))
            };
            if let Some((at, self_closing)) = delim_at {
                let end = at + 3;
                let params = if !named.is_empty() {
                    Params::Named(named)
                } else if !positional.is_empty() {
                    Params::Positional(positional)
                } else {
                    Params::None
                };
                let tag = Tag {
                    name,
                    params,
                    markdown: self.markdown,
                    self_closing,
                    start: self.start,
                    end,
                };
                return Ok((Token::Open(tag), end));
            }
            let item_start = self.pos;
            match self.parameter()? {
                (None, value) if !named.is_empty() => {
                    let what = match &value {
                        Value::String(s) if self.was_quoted(item_start) => {
                            format!("quoted positional parameter {s:?}")
                        }
                        _ => format!("positional parameter '{}'", self.text_from(item_start)),
                    };
                    return SyntaxError::at(
                        item_start,
                        format!("got {what}. Cannot mix named and positional parameters"),
                    );
                }
                (None, value) => positional.push(value),
                (Some(key), _) if !positional.is_empty() => {
                    return SyntaxError::at(
                        item_start,
                        format!(
                            "got named parameter '{key}'. Cannot mix named and positional parameters"
                        ),
                    );
                }
                (Some(key), value) => named.push((key, value)),
            }
        }
    }

    fn was_quoted(&self, at: usize) -> bool {
        matches!(
            self.body.get(at..).and_then(|s| s.chars().next()),
            Some('"' | '`')
        )
    }

    fn text_from(&self, at: usize) -> &str {
        self.body.get(at..self.pos).unwrap_or_default()
    }

    /// One parameter: a quoted positional value, `key=value`, or an unquoted
    /// positional word (typed).
    fn parameter(&mut self) -> Result<(Option<String>, Value), SyntaxError> {
        let item_start = self.pos;
        if matches!(self.peek(), Some('"' | '`')) {
            return Ok((None, Value::String(self.quoted()?)));
        }
        while let Some(ch) = self.peek() {
            if ch.is_alphanumeric() || matches!(ch, '_' | '-' | '.') {
                self.pos += ch.len_utf8();
            } else {
                break;
            }
        }
        let word = self.text_from(item_start).to_string();
        // Hugo also reads `key = value`, with white space around the `=`.
        let after_word = self.pos;
        self.skip_space();
        if self.peek() == Some('=') && !word.is_empty() {
            self.pos += 1;
            self.skip_space();
            let value = match self.peek() {
                Some('"' | '`') => Value::String(self.quoted()?),
                _ => {
                    let v_start = self.pos;
                    while let Some(ch) = self.peek() {
                        if ch.is_whitespace()
                            || self.rest().starts_with(self.close_delim)
                            || self.self_close_at().is_some()
                        {
                            break;
                        }
                        self.pos += ch.len_utf8();
                    }
                    typed(self.text_from(v_start))
                }
            };
            return Ok((Some(word), value));
        }
        self.pos = after_word;
        let ends_here = self.peek().is_none_or(|ch| {
            ch.is_whitespace() || self.rest().starts_with(self.close_delim) || ch == '/'
        });
        if word.is_empty() || !ends_here {
            return Err(
                self.unrecognized(". Note: Parameters with non-alphanumeric args must be quoted")
            );
        }
        Ok((None, typed(&word)))
    }

    /// Reads a `"…"` (with `\"` escapes, single line) or `` `…` `` (raw) string.
    fn quoted(&mut self) -> Result<String, SyntaxError> {
        let quote = self.peek().unwrap_or('"');
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let ch = match self.peek() {
                Some('\n') if quote == '"' => None,
                other => other,
            };
            let Some(ch) = ch else {
                return SyntaxError::at(
                    open,
                    format!("unterminated quoted string in shortcode parameter-argument: '{out}'"),
                );
            };
            self.pos += ch.len_utf8();
            if ch == quote {
                return Ok(out);
            }
            if quote == '"' && ch == '\\' && self.peek() == Some('"') {
                self.pos += 1;
                out.push('"');
                continue;
            }
            out.push(ch);
        }
    }
}

/// Unquoted values are typed: booleans, integers and floats (ASCII digits: other
/// digits never parsed as numbers anyway).
fn typed(word: &str) -> Value {
    static INT: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| crate::text::patterns::fixed(r"^[-+]?[0-9]+$"));
    static FLOAT: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| crate::text::patterns::fixed(r"^[-+]?[0-9]*\.[0-9]+$"));
    match word {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        _ if INT.is_match(word) => word
            .parse::<i64>()
            .map_or_else(|_| Value::String(word.into()), Value::from),
        _ if FLOAT.is_match(word) => word
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| Value::String(word.into()), Value::Number),
        _ => Value::String(word.into()),
    }
}

fn describe(ch: char) -> String {
    format!("U+{:04X} '{ch}'", ch as u32)
}
