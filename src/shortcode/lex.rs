//! The shortcode lexer (Hugo's `pagelexer_shortcode.go`, spec §4.1–§4.2): finds
//! `{{< … >}}` and `{{% … %}}` tags anywhere in a page body (code fences included),
//! with positional or named parameters, quoted and backtick strings, self-closing and
//! closing tags, and the `{{</* … */>}}` escape that stands for literal text.

use crate::error::SyntaxError;

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
            pos = start + 2;
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

struct Cursor<'a> {
    body: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.body.get(self.pos..).unwrap_or_default().chars().next()
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
}

fn lex_tag(body: &str, start: usize, markdown: bool) -> Result<(Token, usize), SyntaxError> {
    let close_delim = if markdown { "%}}" } else { ">}}" };
    let mut c = Cursor {
        body,
        pos: start + 3,
    };
    c.skip_space();
    let closing = c.peek() == Some('/');
    if closing {
        c.pos += 1;
        c.skip_space();
    }
    let name_start = c.pos;
    while let Some(ch) = c.peek() {
        let self_close = ch == '/'
            && c.rest()
                .get(1..)
                .unwrap_or_default()
                .trim_start()
                .starts_with(close_delim);
        let ok = ch.is_alphanumeric()
            || ch == '_'
            || (c.pos > name_start && matches!(ch, '-' | '/' | '.') && !self_close);
        if !ok {
            break;
        }
        c.pos += ch.len_utf8();
    }
    let name = body.get(name_start..c.pos).unwrap_or_default().to_string();
    if name.is_empty() {
        if c.rest().is_empty() {
            return SyntaxError::at(start, "unclosed shortcode action");
        }
        if c.rest().starts_with(close_delim) || c.rest().starts_with(['>', '%']) {
            return SyntaxError::at(start, "shortcode has no name");
        }
        let ch = c.peek().unwrap_or(' ');
        return SyntaxError::at(
            c.pos,
            format!(
                "unrecognized character in shortcode action: {}",
                describe(ch)
            ),
        );
    }
    if closing {
        c.skip_space();
        if !c.rest().starts_with(close_delim) {
            if c.rest().is_empty() || !c.rest().contains(close_delim) {
                return SyntaxError::at(start, "unclosed shortcode action");
            }
            let ch = c.peek().unwrap_or(' ');
            return SyntaxError::at(
                c.pos,
                format!(
                    "unrecognized character in shortcode action: {}",
                    describe(ch)
                ),
            );
        }
        let end = c.pos + 3;
        return Ok((
            Token::Close {
                name,
                markdown,
                start,
                end,
            },
            end,
        ));
    }

    let mut positional: Vec<Value> = Vec::new();
    let mut named: Vec<(String, Value)> = Vec::new();
    loop {
        c.skip_space();
        let rest = c.rest();
        if rest.is_empty() {
            return SyntaxError::at(start, "unclosed shortcode action");
        }
        if rest.starts_with(close_delim) {
            let end = c.pos + 3;
            return Ok((
                Token::Open(tag(name, positional, named, markdown, false, start, end)),
                end,
            ));
        }
        if rest.starts_with('/')
            && rest
                .get(1..)
                .unwrap_or_default()
                .trim_start()
                .starts_with(close_delim)
        {
            let after = c.pos
                + 1
                + (rest.get(1..).unwrap_or_default().len()
                    - rest.get(1..).unwrap_or_default().trim_start().len());
            let end = after + 3;
            return Ok((
                Token::Open(tag(name, positional, named, markdown, true, start, end)),
                end,
            ));
        }
        let item_start = c.pos;
        let ch = c.peek().unwrap_or(' ');
        if ch == '"' || ch == '`' {
            let value = quoted(&mut c)?;
            if !named.is_empty() {
                return SyntaxError::at(
                    item_start,
                    format!(
                        "got quoted positional parameter {value:?}. Cannot mix named and positional parameters"
                    ),
                );
            }
            positional.push(Value::String(value));
            continue;
        }
        // An identifier, then maybe `=`.
        while let Some(ch) = c.peek() {
            if ch.is_alphanumeric() || matches!(ch, '_' | '-' | '.') {
                c.pos += ch.len_utf8();
            } else {
                break;
            }
        }
        let word = body.get(item_start..c.pos).unwrap_or_default().to_string();
        if c.peek() == Some('=') && !word.is_empty() {
            c.pos += 1;
            let value = match c.peek() {
                Some('"') | Some('`') => Value::String(quoted(&mut c)?),
                _ => {
                    let v_start = c.pos;
                    while let Some(ch) = c.peek() {
                        if ch.is_whitespace() || c.rest().starts_with(close_delim) {
                            break;
                        }
                        if ch == '/'
                            && c.rest()
                                .get(1..)
                                .unwrap_or_default()
                                .trim_start()
                                .starts_with(close_delim)
                        {
                            break;
                        }
                        c.pos += ch.len_utf8();
                    }
                    typed(body.get(v_start..c.pos).unwrap_or_default())
                }
            };
            if !positional.is_empty() {
                return SyntaxError::at(
                    item_start,
                    format!(
                        "got named parameter '{word}'. Cannot mix named and positional parameters"
                    ),
                );
            }
            named.push((word, value));
            continue;
        }
        if word.is_empty()
            || !c.peek().is_none_or(|ch| {
                ch.is_whitespace() || c.rest().starts_with(close_delim) || ch == '/'
            })
        {
            let ch = c.peek().unwrap_or(' ');
            return SyntaxError::at(
                c.pos,
                format!(
                    "unrecognized character in shortcode action: {}. Note: Parameters with non-alphanumeric args must be quoted",
                    describe(ch)
                ),
            );
        }
        if !named.is_empty() {
            return SyntaxError::at(
                item_start,
                format!(
                    "got positional parameter '{word}'. Cannot mix named and positional parameters"
                ),
            );
        }
        positional.push(typed(&word));
    }
}

fn tag(
    name: String,
    positional: Vec<Value>,
    named: Vec<(String, Value)>,
    markdown: bool,
    self_closing: bool,
    start: usize,
    end: usize,
) -> Tag {
    let params = if !named.is_empty() {
        Params::Named(named)
    } else if !positional.is_empty() {
        Params::Positional(positional)
    } else {
        Params::None
    };
    Tag {
        name,
        params,
        markdown,
        self_closing,
        start,
        end,
    }
}

/// Reads a `"…"` (with `\"` escapes, single line) or `` `…` `` (raw) string.
fn quoted(c: &mut Cursor<'_>) -> Result<String, SyntaxError> {
    let quote = c.peek().unwrap_or('"');
    let open = c.pos;
    c.pos += 1;
    let mut out = String::new();
    loop {
        let Some(ch) = c.peek() else {
            return SyntaxError::at(
                open,
                format!("unterminated quoted string in shortcode parameter-argument: '{out}'"),
            );
        };
        c.pos += ch.len_utf8();
        if ch == quote {
            return Ok(out);
        }
        if quote == '"' {
            if ch == '\n' {
                return SyntaxError::at(
                    open,
                    format!("unterminated quoted string in shortcode parameter-argument: '{out}'"),
                );
            }
            if ch == '\\' && c.peek() == Some('"') {
                c.pos += 1;
                out.push('"');
                continue;
            }
        }
        out.push(ch);
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one_tag(src: &str) -> Tag {
        match lex(src)
            .unwrap()
            .into_iter()
            .find(|t| matches!(t, Token::Open(_)))
        {
            Some(Token::Open(t)) => t,
            _ => panic!("no tag in {src}"),
        }
    }

    fn lex_err(src: &str) -> (usize, String) {
        let e = lex(src).unwrap_err();
        (e.offset, e.message)
    }

    #[test]
    fn text_and_tags() {
        let toks = lex("a {{% notice info %}}b{{% /notice %}} c").unwrap();
        assert_eq!(toks.len(), 5);
        assert_eq!(toks[0], Token::Text { start: 0, end: 2 });
        let Token::Open(t) = &toks[1] else { panic!() };
        assert_eq!(
            (t.name.as_str(), t.markdown, t.start, t.end),
            ("notice", true, 2, 21)
        );
        assert_eq!(t.params, Params::Positional(vec![json!("info")]));
        assert_eq!(
            toks[3],
            Token::Close {
                name: "notice".into(),
                markdown: true,
                start: 22,
                end: 37
            }
        );
    }

    #[test]
    fn no_space_after_delimiter() {
        let t = one_tag(r#"{{%expand "Show it" %}}"#);
        assert_eq!(t.name, "expand");
        assert_eq!(t.params, Params::Positional(vec![json!("Show it")]));
    }

    #[test]
    fn parameter_forms_and_types() {
        let t = one_tag("{{< x a b-c 3 -1.5 true `raw \"q\"` \"say \\\"hi\\\"\" >}}");
        assert_eq!(
            t.params,
            Params::Positional(vec![
                json!("a"),
                json!("b-c"),
                json!(3),
                json!(-1.5),
                json!(true),
                json!("raw \"q\""),
                json!("say \"hi\"")
            ])
        );
        let t =
            one_tag("{{< figure src=/img/a.png?x=1 title=\"Two words\" n=`multi\nline` w=3 >}}");
        assert_eq!(
            t.params,
            Params::Named(vec![
                ("src".into(), json!("/img/a.png?x=1")),
                ("title".into(), json!("Two words")),
                ("n".into(), json!("multi\nline")),
                ("w".into(), json!(3)),
            ])
        );
        assert_eq!(
            one_tag("{{< x \"true\" >}}").params,
            Params::Positional(vec![json!("true")])
        );
    }

    #[test]
    fn self_closing_and_namespaces() {
        let t = one_tag("{{< media/audio src=\"a\" />}}");
        assert!(t.self_closing);
        assert_eq!(t.name, "media/audio");
        assert!(one_tag("{{% children /%}}").self_closing);
        assert!(one_tag("{{<x/>}}").self_closing);
    }

    #[test]
    fn escaped_tags_are_literal_text() {
        let toks = lex("a {{</* x a=\"b\" */>}} {{%/* y */%}}").unwrap();
        assert_eq!(
            toks[1],
            Token::Literal {
                text: "{{< x a=\"b\" >}}".into(),
                start: 2
            }
        );
        assert_eq!(
            toks[3],
            Token::Literal {
                text: "{{% y %}}".into(),
                start: 22
            }
        );
    }

    #[test]
    fn lone_braces_are_text() {
        assert_eq!(
            lex("{{ .Title }} {x}").unwrap(),
            vec![Token::Text { start: 0, end: 16 }]
        );
    }

    #[test]
    fn errors() {
        assert_eq!(lex_err("ab {{< >}}"), (3, "shortcode has no name".into()));
        assert_eq!(lex_err("{{< x a"), (0, "unclosed shortcode action".into()));
        assert_eq!(
            lex_err("{{</* x >}}"),
            (
                0,
                "comment must be closed (end it with `*/>}}` or `*/%}}`)".into()
            )
        );
        assert_eq!(
            lex_err("{{< x http://a >}}"),
            (10, "unrecognized character in shortcode action: U+003A ':'. Note: Parameters with non-alphanumeric args must be quoted".into())
        );
        assert_eq!(
            lex_err("{{< x a k=v >}}"),
            (
                8,
                "got named parameter 'k'. Cannot mix named and positional parameters".into()
            )
        );
        assert_eq!(
            lex_err("{{< x k=v a >}}"),
            (
                10,
                "got positional parameter 'a'. Cannot mix named and positional parameters".into()
            )
        );
        assert_eq!(
            lex_err("{{< x k=v \"a\" >}}"),
            (
                10,
                "got quoted positional parameter \"a\". Cannot mix named and positional parameters"
                    .into()
            )
        );
        assert_eq!(
            lex_err("{{< x \"abc\nd\" >}}"),
            (
                6,
                "unterminated quoted string in shortcode parameter-argument: 'abc'".into()
            )
        );
    }
}
