//! Pairs lexed tags into nested shortcode calls (spec §4.4): a shortcode whose
//! template uses its inner content runs to its closing tag; one that does not ends at
//! its own tag. The errors are Hugo's, with byte offsets for `path:line:col`.

use super::lex::{Tag, Token};
use crate::error::SyntaxError;

/// A piece of a page body after pairing.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// Text copied as it is (a range of the body, or literal text of an escape).
    Text(String),
    Call(Call),
}

/// One shortcode call with its inner content, if it has any.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub tag: Tag,
    /// `None` for a call without a closing tag.
    pub inner: Option<Vec<Node>>,
    /// The raw inner text between the tags.
    pub inner_raw: String,
}

/// How a shortcode takes inner content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inner {
    /// Its template never reads inner content: the tag stands alone.
    None,
    /// Its template reads inner content: a closing tag is expected.
    Required,
    /// Closed when a closing tag follows before another tag of the same name,
    /// standing alone otherwise (relearn's `children`, never closed).
    Optional,
    /// As `Optional`, but the site's version of the theme reads inner
    /// content, so Hugo fails on an unclosed tag: one standing alone is
    /// reported (the AWS fork's `children`).
    Tolerated,
}

/// How each shortcode takes inner content, or `None` when there is no shortcode of
/// that name.
pub trait Definitions {
    fn inner(&self, name: &str) -> Option<Inner>;
}

/// The start offsets of the tags of `tokens` that take inner content only
/// when closed ([`Inner::Tolerated`]) and stand alone, never closed.
pub fn unclosed_tolerated(tokens: &[Token], defs: &dyn Definitions) -> Vec<usize> {
    let closed = closed_later(tokens);
    tokens
        .iter()
        .zip(closed)
        .filter_map(|(token, closed)| match token {
            Token::Open(tag)
                if !tag.self_closing
                    && !closed
                    && defs.inner(&tag.name) == Some(Inner::Tolerated) =>
            {
                Some(tag.start)
            }
            _ => None,
        })
        .collect()
}

/// For each token, whether it is an opening tag whose next same-name tag closes it.
fn closed_later(tokens: &[Token]) -> Vec<bool> {
    let mut result = vec![false; tokens.len()];
    let mut pending: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Open(tag) if !tag.self_closing => {
                pending.insert(tag.name.as_str(), i);
            }
            Token::Close { name, .. } => {
                if let Some(slot) = pending
                    .remove(name.as_str())
                    .and_then(|open| result.get_mut(open))
                {
                    *slot = true;
                }
            }
            _ => {}
        }
    }
    result
}

struct Frame {
    tag: Tag,
    nodes: Vec<Node>,
}

/// How deep shortcodes may nest: real pages nest a few levels; a limit keeps a
/// page from exhausting the stack of the renderer.
pub const MAX_NESTING: usize = 100;

/// Pairs `tokens` of `body`. Tags listed in `forced_self_closing` (by start offset)
/// are taken as self-closing. An unclosed shortcode that uses inner content is
/// reported as an error at its opening tag; the caller decides whether to retry.
pub fn build(
    body: &str,
    tokens: Vec<Token>,
    defs: &dyn Definitions,
    forced_self_closing: &[usize],
) -> Result<Vec<Node>, SyntaxError> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    let mut last_leaf: Option<String> = None;
    let closed = closed_later(&tokens);
    for (index, token) in tokens.into_iter().enumerate() {
        let node = match token {
            Token::Text { start, end } => {
                Node::Text(body.get(start..end).unwrap_or_default().to_string())
            }
            Token::Literal { text, .. } => Node::Text(text),
            Token::Open(tag) => {
                let Some(inner) = defs.inner(&tag.name) else {
                    // Hugo's own shortcodes that labsite leaves out say why.
                    let why = match tag.name.as_str() {
                        "qr" => {
                            ": Hugo's qr draws a QR code as an image, which labsite does not do (keep the QR code as an image in static/ and show it with ![…](…))"
                        }
                        _ => "",
                    };
                    return SyntaxError::at(
                        tag.start,
                        format!("template for shortcode \"{}\" not found{why}", tag.name),
                    );
                };
                if tag.self_closing && inner == Inner::None {
                    return SyntaxError::at(
                        tag.start,
                        format!(
                            "shortcode \"{}\" does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided",
                            tag.name
                        ),
                    );
                }
                let takes_inner = match inner {
                    Inner::None => false,
                    Inner::Required => true,
                    Inner::Optional | Inner::Tolerated => {
                        closed.get(index).copied().unwrap_or(false)
                    }
                };
                if takes_inner && !tag.self_closing && !forced_self_closing.contains(&tag.start) {
                    if stack.len() >= MAX_NESTING {
                        return SyntaxError::at(
                            tag.start,
                            format!(
                                "shortcodes nested more than {MAX_NESTING} levels deep (close the ones above before opening more)"
                            ),
                        );
                    }
                    last_leaf = None;
                    stack.push(Frame {
                        tag,
                        nodes: Vec::new(),
                    });
                    continue;
                }
                last_leaf = Some(tag.name.clone());
                Node::Call(Call {
                    tag,
                    inner: None,
                    inner_raw: String::new(),
                })
            }
            Token::Close {
                name, start, end, ..
            } => {
                let Some(frame) = stack.pop() else {
                    let message = if last_leaf.as_deref() == Some(name.as_str()) {
                        format!(
                            "shortcode \"{name}\" does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided"
                        )
                    } else {
                        format!("got closing shortcode \"{name}\", but none is open")
                    };
                    return Err(SyntaxError {
                        offset: start,
                        message,
                    });
                };
                if frame.tag.name != name {
                    return SyntaxError::at(
                        start,
                        format!(
                            "closing tag for shortcode '{name}' does not match start tag '{}'",
                            frame.tag.name
                        ),
                    );
                }
                let inner_raw = body
                    .get(frame.tag.end..start)
                    .unwrap_or_default()
                    .to_string();
                let mut tag = frame.tag;
                tag.end = end;
                last_leaf = None;
                Node::Call(Call {
                    tag,
                    inner: Some(frame.nodes),
                    inner_raw,
                })
            }
        };
        match stack.last_mut() {
            Some(frame) => frame.nodes.push(node),
            None => top.push(node),
        }
    }
    if let Some(frame) = stack.into_iter().next() {
        return SyntaxError::at(
            frame.tag.start,
            format!(
                "shortcode \"{}\" must be closed or self-closed",
                frame.tag.name
            ),
        );
    }
    Ok(top)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shortcode::lex::lex;

    struct Defs;
    impl Definitions for Defs {
        fn inner(&self, name: &str) -> Option<Inner> {
            match name {
                "notice" | "expand" | "tabs" | "tab" => Some(Inner::Required),
                "youtube" | "siteparam" => Some(Inner::None),
                "children" => Some(Inner::Optional),
                "kids" => Some(Inner::Tolerated),
                _ => None,
            }
        }
    }

    fn tree(src: &str) -> Result<Vec<Node>, (usize, String)> {
        build(src, lex(src).unwrap(), &Defs, &[]).map_err(|e| (e.offset, e.message))
    }

    #[test]
    fn nesting_and_inner_text() {
        let nodes =
            tree("a{{% expand x %}}b{{% notice info %}}c{{% /notice %}}{{% /expand %}}").unwrap();
        let Node::Call(expand) = &nodes[1] else {
            panic!()
        };
        assert_eq!(expand.inner_raw, "b{{% notice info %}}c{{% /notice %}}");
        let inner = expand.inner.as_ref().unwrap();
        assert_eq!(inner[0], Node::Text("b".into()));
        let Node::Call(notice) = &inner[1] else {
            panic!()
        };
        assert_eq!(notice.inner_raw, "c");
    }

    #[test]
    fn shortcodes_without_inner_end_at_their_tag() {
        let nodes = tree("{{< youtube id >}} after").unwrap();
        let Node::Call(c) = &nodes[0] else { panic!() };
        assert!(c.inner.is_none());
        assert_eq!(nodes[1], Node::Text(" after".into()));
    }

    #[test]
    fn errors() {
        assert_eq!(
            tree("x {{< nope >}}"),
            Err((2, "template for shortcode \"nope\" not found".into()))
        );
        assert_eq!(
            tree("{{< qr text=\"x\" />}}"),
            Err((0, "template for shortcode \"qr\" not found: Hugo's qr draws a QR code as an image, which labsite does not do (keep the QR code as an image in static/ and show it with ![…](…))".into()))
        );
        assert_eq!(
            tree("{{< youtube a >}}{{< /youtube >}}"),
            Err((17, "shortcode \"youtube\" does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided".into()))
        );
        assert_eq!(
            tree("{{< youtube a />}}"),
            Err((0, "shortcode \"youtube\" does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided".into()))
        );
        assert_eq!(
            tree("ab{{% notice %}}x"),
            Err((
                2,
                "shortcode \"notice\" must be closed or self-closed".into()
            ))
        );
        assert_eq!(
            tree("{{% /notice %}}"),
            Err((
                0,
                "got closing shortcode \"notice\", but none is open".into()
            ))
        );
        assert_eq!(
            tree("{{% notice %}}{{% /expand %}}"),
            Err((
                14,
                "closing tag for shortcode 'expand' does not match start tag 'notice'".into()
            ))
        );
    }

    #[test]
    fn optional_inner_is_closed_only_by_a_closing_tag() {
        let nodes = tree("{{% children %}}a{{% children x %}}b{{% /children %}}c").unwrap();
        assert!(matches!(&nodes[0], Node::Call(c) if c.inner.is_none()));
        assert!(matches!(&nodes[2], Node::Call(c) if c.inner_raw == "b"));
        assert_eq!(nodes[3], Node::Text("c".into()));
    }

    #[test]
    fn tolerated_inner_reports_each_tag_standing_alone() {
        let src = "{{% kids %}}a{{% kids /%}}{{% kids %}}b{{% /kids %}}{{% children %}}";
        assert_eq!(unclosed_tolerated(&lex(src).unwrap(), &Defs), [0]);
        let nodes = tree(src).unwrap();
        assert!(matches!(&nodes[3], Node::Call(c) if c.inner_raw == "b"));
    }

    #[test]
    fn forced_self_closing() {
        let src = "{{% notice %}}x";
        let nodes = build(src, lex(src).unwrap(), &Defs, &[0]).unwrap();
        assert!(matches!(&nodes[0], Node::Call(c) if c.inner.is_none()));
    }
}
