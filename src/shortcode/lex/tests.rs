//! Tests of the shortcode lexer: text and tags, parameter forms, escapes, errors.

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
    let t = one_tag("{{< figure src=/img/a.png?x=1 title=\"Two words\" n=`multi\nline` w=3 >}}");
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
    // Hugo 0.168 reads `key = value` as `key=value`.
    assert_eq!(
        one_tag("{{< x name = \"Tab 1\" n =2\n  style=\"a\" >}}").params,
        Params::Named(vec![
            ("name".into(), json!("Tab 1")),
            ("n".into(), json!(2)),
            ("style".into(), json!("a")),
        ])
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
