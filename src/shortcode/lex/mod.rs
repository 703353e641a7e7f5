//! The shortcode lexer (Hugo's `pagelexer_shortcode.go`, spec §4.1–§4.2): finds
//! `{{< … >}}` and `{{% … %}}` tags anywhere in a page body (code fences included),
//! with positional or named parameters, quoted and backtick strings, self-closing and
//! closing tags, and the `{{</* … */>}}` escape that stands for literal text.

mod tag;

use crate::error::SyntaxError;
use tag::lex_tag;

use serde_json::Value;

/// Parameters of one tag.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Params {
    #[default]
    None,
    Positional(Vec<Value>),
    Named(Vec<(String, Value)>),
}

impl Params {
    pub fn len(&self) -> usize {
        match self {
            Params::None => 0,
            Params::Positional(v) => v.len(),
            Params::Named(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `.Get 0` / `.Get "name"`.
    pub fn get_index(&self, i: usize) -> Option<&Value> {
        match self {
            Params::Positional(v) => v.get(i),
            _ => None,
        }
    }

    pub fn get_name(&self, name: &str) -> Option<&Value> {
        match self {
            Params::Named(v) => v.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// An opening (or self-closing) tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub name: String,
    pub params: Params,
    /// `{{% %}}` rather than `{{< >}}`.
    pub markdown: bool,
    pub self_closing: bool,
    /// Byte range of the whole tag in the body.
    pub start: usize,
    pub end: usize,
}

/// One piece of a page body.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    /// Plain text: a byte range of the body.
    Text {
        start: usize,
        end: usize,
    },
    /// Literal text from an escaped tag (`{{</* x */>}}` gives `{{< x >}}`).
    Literal {
        text: String,
        start: usize,
    },
    Open(Tag),
    Close {
        name: String,
        markdown: bool,
        start: usize,
        end: usize,
    },
}

/// Splits `body` into text and shortcode tags.
pub fn lex(body: &str) -> Result<Vec<Token>, SyntaxError> {
    let bytes = body.as_bytes();
    let mut tokens = Vec::new();
    let mut text_start = 0;
    let mut pos = 0;
    while let Some(found) = body.get(pos..).unwrap_or_default().find("{{") {
        let start = pos + found;
        let kind = bytes.get(start + 2).copied();
        if kind != Some(b'<') && kind != Some(b'%') {
            // One brace on: `{{{<` is a brace of text and a tag, as Hugo reads it.
            pos = start + 1;
            continue;
        }
        let markdown = kind == Some(b'%');
        if start > text_start {
            tokens.push(Token::Text {
                start: text_start,
                end: start,
            });
        }
        let close_delim = if markdown { "%}}" } else { ">}}" };
        let inner_start = start + 3;
        if body
            .get(inner_start..)
            .unwrap_or_default()
            .starts_with("/*")
        {
            // Escaped tag: literal text without the comment markers.
            let end_marker = format!("*/{close_delim}");
            let Some(rel) = body
                .get(inner_start..)
                .unwrap_or_default()
                .find(&end_marker)
            else {
                return SyntaxError::at(
                    start,
                    "comment must be closed (end it with `*/>}}` or `*/%}}`)",
                );
            };
            let comment_end = inner_start + rel;
            let open = if markdown { "{{%" } else { "{{<" };
            let text = format!(
                "{open}{}{close_delim}",
                body.get(inner_start + 2..comment_end).unwrap_or_default()
            );
            tokens.push(Token::Literal { text, start });
            pos = comment_end + end_marker.len();
            text_start = pos;
            continue;
        }
        let (token, end) = lex_tag(body, start, markdown)?;
        tokens.push(token);
        pos = end;
        text_start = end;
    }
    if text_start < body.len() {
        tokens.push(Token::Text {
            start: text_start,
            end: body.len(),
        });
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests;
