//! The parser of Go's text/template language: actions, pipelines, control
//! structures and `define`/`template`/`block`, into a tree the executor walks.

use super::lex::{Tok, Token};
use crate::error::SyntaxError;
use std::collections::BTreeMap;

/// An expression: one argument of a command.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Dot,
    /// `.A.B`: fields (or methods) of dot.
    Field(Vec<String>),
    /// `$x.A.B`.
    Var(String, Vec<String>),
    /// A function name (`printf`).
    Ident(String),
    /// Fields of another expression's value: `(pipeline).A`, `site.Params`.
    Chain(Box<Expr>, Vec<String>),
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Nil,
    Pipe(Box<Pipeline>),
}

/// A command: a function or method call, or a single value.
#[derive(Debug, Clone, PartialEq)]
pub struct Command {
    pub args: Vec<Expr>,
    pub offset: usize,
}

/// `$x := a | b c`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    pub decl: Vec<String>,
    /// `=` rather than `:=`.
    pub assign: bool,
    pub cmds: Vec<Command>,
    pub offset: usize,
}

/// A node of a parsed template.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Text(String),
    Action(Pipeline),
    /// `{{if}}` or `{{with}}`, with its `else if`/`else with` branches.
    Conditional {
        condition: Condition,
        branches: Vec<(Pipeline, Vec<Node>)>,
        otherwise: Vec<Node>,
    },
    Range {
        pipe: Pipeline,
        body: Vec<Node>,
        otherwise: Vec<Node>,
    },
    Template {
        name: String,
        pipe: Option<Pipeline>,
        offset: usize,
    },
    Break,
    Continue,
}

/// Which conditional action a [`Node::Conditional`] is: `if` runs the first
/// branch whose pipeline is truthy; `with` also makes its value the dot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    If,
    With,
}

impl Condition {
    /// The condition of keyword `if` or `with`.
    fn of(keyword: &str) -> Condition {
        if keyword == "with" {
            Condition::With
        } else {
            Condition::If
        }
    }
}

/// A parsed template: its main list and the templates it defines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub root: Vec<Node>,
    pub defines: BTreeMap<String, Vec<Node>>,
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    defines: BTreeMap<String, Vec<Node>>,
    /// How many blocks (`if`, `range`, `with`, `define`, `block`) and
    /// parentheses the parser is inside.
    depth: usize,
}

/// The deepest nesting of blocks and parentheses a template may have: deeper
/// is an error, never a stack overflow (real templates stay under twenty).
pub const MAX_NESTING: usize = 100;

/// What ended a list of nodes.
#[derive(Debug, PartialEq)]
enum Stop {
    Eof,
    End,
    Else(Option<(String, Pipeline)>),
}

/// `if`/`with` branches (condition, body) and the final `else` body.
type Branches = (Vec<(Pipeline, Vec<Node>)>, Vec<Node>);

/// Parses a template source.
pub fn parse(src: &str) -> Result<Parsed, SyntaxError> {
    let toks = super::lex::lex(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        defines: BTreeMap::new(),
        depth: 0,
    };
    let (root, end) = p.list()?;
    match end {
        Stop::Eof => Ok(Parsed {
            root,
            defines: p.defines,
        }),
        Stop::End => SyntaxError::at(p.last_offset(), "unexpected {{end}}"),
        Stop::Else(_) => SyntaxError::at(p.last_offset(), "unexpected {{else}}"),
    }
}

impl Parser {
    /// Goes one level deeper, refusing to pass [`MAX_NESTING`].
    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            let at = self
                .toks
                .get(self.pos.saturating_sub(1))
                .map_or(0, |t| t.offset);
            return SyntaxError::at(
                at,
                format!(
                    "blocks and parentheses nested more than {MAX_NESTING} deep (flatten the template, or move parts into partials)"
                ),
            );
        }
        Ok(())
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.tok)
    }

    fn offset(&self) -> usize {
        self.toks
            .get(self.pos)
            .map_or_else(|| self.last_offset(), |t| t.offset)
    }

    fn last_offset(&self) -> usize {
        self.toks.last().map_or(0, |t| t.offset)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn expect_close(&mut self) -> Result<(), SyntaxError> {
        match self.next() {
            Some(Token {
                tok: Tok::Close, ..
            }) => Ok(()),
            Some(t) => SyntaxError::at(t.offset, format!("unexpected {:?} in action", t.tok)),
            None => SyntaxError::at(self.last_offset(), "unclosed action"),
        }
    }

    /// Nodes up to `{{end}}`, `{{else …}}` or the end of input.
    /// Nodes up to the end of the current block, one level deeper.
    fn list(&mut self) -> Result<(Vec<Node>, Stop), SyntaxError> {
        self.enter()?;
        let list = self.list_here();
        self.depth -= 1;
        list
    }

    fn list_here(&mut self) -> Result<(Vec<Node>, Stop), SyntaxError> {
        let mut nodes = Vec::new();
        while let Some(tok) = self.next() {
            match tok.tok {
                Tok::Text(t) => nodes.push(Node::Text(t)),
                Tok::Open => {
                    let keyword = match self.peek() {
                        Some(Tok::Ident(k)) => Some(k.clone()),
                        _ => None,
                    };
                    match keyword.as_deref() {
                        Some("end") => {
                            self.pos += 1;
                            self.expect_close()?;
                            return Ok((nodes, Stop::End));
                        }
                        Some("else") => {
                            self.pos += 1;
                            if let Some(Tok::Ident(k)) = self.peek().cloned()
                                && (k == "if" || k == "with")
                            {
                                self.pos += 1;
                                let pipe = self.pipeline(true)?;
                                return Ok((nodes, Stop::Else(Some((k, pipe)))));
                            }
                            self.expect_close()?;
                            return Ok((nodes, Stop::Else(None)));
                        }
                        Some("if") | Some("with") => {
                            let k = keyword.unwrap_or_default();
                            self.pos += 1;
                            let (branches, otherwise) = self.branches(&k)?;
                            nodes.push(Node::Conditional {
                                condition: Condition::of(&k),
                                branches,
                                otherwise,
                            });
                        }
                        Some("range") => {
                            self.pos += 1;
                            nodes.push(self.range()?);
                        }
                        Some("define") | Some("block") => {
                            let k = keyword.unwrap_or_default();
                            self.pos += 1;
                            nodes.extend(self.define_or_block(&k)?);
                        }
                        Some("template") => {
                            self.pos += 1;
                            let offset = self.offset();
                            let name = self.quoted_name("template")?;
                            let pipe = if matches!(self.peek(), Some(Tok::Close)) {
                                self.pos += 1;
                                None
                            } else {
                                Some(self.pipeline(true)?)
                            };
                            nodes.push(Node::Template { name, pipe, offset });
                        }
                        Some("break") | Some("continue") => {
                            let k = keyword.unwrap_or_default();
                            self.pos += 1;
                            self.expect_close()?;
                            nodes.push(if k == "break" {
                                Node::Break
                            } else {
                                Node::Continue
                            });
                        }
                        _ => nodes.push(Node::Action(self.pipeline(true)?)),
                    }
                }
                other => return SyntaxError::at(tok.offset, format!("unexpected {other:?}")),
            }
        }
        Ok((nodes, Stop::Eof))
    }

    /// The rest of `{{range pipeline}}` … `{{else}}` … `{{end}}`.
    fn range(&mut self) -> Result<Node, SyntaxError> {
        let pipe = self.pipeline(true)?;
        let (body, end) = self.list()?;
        let otherwise = match end {
            Stop::End => Vec::new(),
            Stop::Else(None) => self.expect_end()?,
            _ => return SyntaxError::at(self.last_offset(), "unexpected end of range"),
        };
        Ok(Node::Range {
            pipe,
            body,
            otherwise,
        })
    }

    /// The rest of `{{define "name"}}` or `{{block "name" pipeline}}` up to its
    /// `{{end}}`: the body joins the defined templates; a block is also called
    /// where it stands.
    fn define_or_block(&mut self, keyword: &str) -> Result<Option<Node>, SyntaxError> {
        let name = self.quoted_name(keyword)?;
        let offset = self.offset();
        let pipe = if keyword == "block" {
            Some(self.pipeline(true)?)
        } else {
            self.expect_close()?;
            None
        };
        let body = self.expect_end()?;
        self.defines.insert(name.clone(), body);
        Ok((keyword == "block").then_some(Node::Template { name, pipe, offset }))
    }

    /// The quoted template name after `keyword`.
    fn quoted_name(&mut self, keyword: &str) -> Result<String, SyntaxError> {
        match self.next() {
            Some(Token {
                tok: Tok::Str(s), ..
            }) => Ok(s),
            Some(t) => SyntaxError::at(t.offset, format!("{keyword} needs a quoted template name")),
            None => SyntaxError::at(self.last_offset(), "unclosed action"),
        }
    }

    fn expect_end(&mut self) -> Result<Vec<Node>, SyntaxError> {
        let (body, end) = self.list()?;
        match end {
            Stop::End => Ok(body),
            _ => SyntaxError::at(self.last_offset(), "missing {{end}}"),
        }
    }

    /// `if`/`with` with `else if`/`else with` chains, up to their `{{end}}`.
    fn branches(&mut self, keyword: &str) -> Result<Branches, SyntaxError> {
        let mut branches = Vec::new();
        let mut pipe = self.pipeline(true)?;
        loop {
            let (body, end) = self.list()?;
            branches.push((pipe, body));
            match end {
                Stop::End => return Ok((branches, Vec::new())),
                Stop::Else(None) => return Ok((branches, self.expect_end()?)),
                Stop::Else(Some((k, next))) if k == keyword => pipe = next,
                Stop::Else(Some((k, next))) => {
                    // `{{if}}…{{else with}}`: a nested structure in the else branch.
                    let (inner, otherwise) = self.branches_from(&k, next)?;
                    let node = Node::Conditional {
                        condition: Condition::of(&k),
                        branches: inner,
                        otherwise,
                    };
                    return Ok((branches, vec![node]));
                }
                Stop::Eof => {
                    return SyntaxError::at(
                        self.last_offset(),
                        format!("missing {{{{end}}}} for {keyword}"),
                    );
                }
            }
        }
    }

    fn branches_from(&mut self, keyword: &str, first: Pipeline) -> Result<Branches, SyntaxError> {
        let (body, end) = self.list()?;
        let mut branches = vec![(first, body)];
        match end {
            Stop::End => Ok((branches, Vec::new())),
            Stop::Else(None) => Ok((branches, self.expect_end()?)),
            Stop::Else(Some((k, next))) => {
                let (more, otherwise) = self.branches_from(&k, next)?;
                if k == keyword {
                    branches.extend(more);
                    Ok((branches, otherwise))
                } else {
                    let node = Node::Conditional {
                        condition: Condition::of(&k),
                        branches: more,
                        otherwise,
                    };
                    Ok((branches, vec![node]))
                }
            }
            Stop::Eof => SyntaxError::at(self.last_offset(), "missing {{end}}"),
        }
    }

    /// A pipeline up to `}}` (`until_close`) or `)`.
    fn pipeline(&mut self, until_close: bool) -> Result<Pipeline, SyntaxError> {
        let offset = self.offset();
        let mut decl = Vec::new();
        let mut assign = false;
        // Variable declarations: `$x :=`, `$i, $e :=`, `$x =`.
        let save = self.pos;
        let mut vars = Vec::new();
        while let Some(Tok::Var(v)) = self.peek().cloned() {
            self.pos += 1;
            vars.push(v);
            match self.peek() {
                Some(Tok::Comma) => self.pos += 1,
                Some(Tok::Declare) => {
                    self.pos += 1;
                    decl = vars.clone();
                    break;
                }
                Some(Tok::Assign) => {
                    self.pos += 1;
                    decl = vars.clone();
                    assign = true;
                    break;
                }
                _ => break,
            }
        }
        if decl.is_empty() {
            self.pos = save;
        }
        let mut cmds = Vec::new();
        loop {
            let cmd_offset = self.offset();
            let mut args = Vec::new();
            loop {
                match self.peek() {
                    Some(Tok::Close) if until_close => break,
                    Some(Tok::RParen) if !until_close => break,
                    Some(Tok::Pipe) => break,
                    None => return SyntaxError::at(self.last_offset(), "unclosed action"),
                    _ => args.push(self.operand()?),
                }
            }
            if args.is_empty() {
                return SyntaxError::at(cmd_offset, "missing value for command");
            }
            cmds.push(Command {
                args,
                offset: cmd_offset,
            });
            match self.peek() {
                Some(Tok::Pipe) => self.pos += 1,
                Some(Tok::Close) if until_close => {
                    self.pos += 1;
                    break;
                }
                _ => break,
            }
        }
        Ok(Pipeline {
            decl,
            assign,
            cmds,
            offset,
        })
    }

    /// One operand with any `.Field` chain joined to it.
    fn operand(&mut self) -> Result<Expr, SyntaxError> {
        let Some(tok) = self.next() else {
            return SyntaxError::at(self.last_offset(), "unclosed action");
        };
        let base = match tok.tok {
            Tok::Dot => Expr::Dot,
            Tok::Field(f) => {
                let mut fields = vec![f];
                fields.extend(self.joined_fields());
                return Ok(Expr::Field(fields));
            }
            Tok::Var(v) => return Ok(Expr::Var(v, self.joined_fields())),
            Tok::Ident(i) => Expr::Ident(i),
            Tok::Str(s) => Expr::Str(s),
            Tok::Int(i) => Expr::Int(i),
            Tok::Float(f) => Expr::Float(f),
            Tok::Bool(b) => Expr::Bool(b),
            Tok::Nil => Expr::Nil,
            Tok::LParen => {
                self.enter()?;
                let pipe = self.pipeline(false);
                self.depth -= 1;
                let pipe = pipe?;
                match self.next() {
                    Some(Token {
                        tok: Tok::RParen, ..
                    }) => {}
                    _ => return SyntaxError::at(tok.offset, "unclosed left paren"),
                }
                Expr::Pipe(Box::new(pipe))
            }
            other => {
                return SyntaxError::at(tok.offset, format!("unexpected {other:?} in operand"));
            }
        };
        let fields = self.joined_fields();
        Ok(if fields.is_empty() {
            base
        } else {
            Expr::Chain(Box::new(base), fields)
        })
    }

    fn joined_fields(&mut self) -> Vec<String> {
        let mut fields = Vec::new();
        while let Some(Token {
            tok: Tok::Field(f),
            joined: true,
            ..
        }) = self.toks.get(self.pos)
        {
            fields.push(f.clone());
            self.pos += 1;
        }
        fields
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_and_structures() {
        let p = parse("a{{ if .X }}b{{ else if .Y }}c{{ else }}d{{ end }}{{ range $i, $e := .L }}{{ $e }}{{ end }}").unwrap();
        assert_eq!(p.root.len(), 3);
        let Node::Conditional {
            condition: Condition::If,
            branches,
            otherwise,
        } = &p.root[1]
        else {
            panic!()
        };
        assert_eq!(branches.len(), 2);
        assert_eq!(otherwise, &vec![Node::Text("d".into())]);
        let Node::Range { pipe, .. } = &p.root[2] else {
            panic!()
        };
        assert_eq!(pipe.decl, vec!["$i".to_string(), "$e".to_string()]);
    }

    #[test]
    fn pipelines_methods_and_chains() {
        let p = parse(r#"{{ .Get 0 | upper }}{{ (index .L 1).Name }}{{ site.Params.x }}"#).unwrap();
        let Node::Action(pipe) = &p.root[0] else {
            panic!()
        };
        assert_eq!(
            pipe.cmds[0].args,
            vec![Expr::Field(vec!["Get".into()]), Expr::Int(0)]
        );
        assert_eq!(pipe.cmds[1].args, vec![Expr::Ident("upper".into())]);
        let Node::Action(pipe) = &p.root[1] else {
            panic!()
        };
        assert!(
            matches!(&pipe.cmds[0].args[0], Expr::Chain(_, f) if f == &vec!["Name".to_string()])
        );
        let Node::Action(pipe) = &p.root[2] else {
            panic!()
        };
        assert_eq!(
            pipe.cmds[0].args[0],
            Expr::Chain(
                Box::new(Expr::Ident("site".into())),
                vec!["Params".into(), "x".into()]
            )
        );
    }

    #[test]
    fn define_and_template() {
        let p = parse(
            r#"{{ define "x" }}X{{ .A }}{{ end }}{{ template "x" . }}{{ block "b" . }}B{{ end }}"#,
        )
        .unwrap();
        assert!(p.defines.contains_key("x") && p.defines.contains_key("b"));
        assert!(matches!(&p.root[0], Node::Template { name, .. } if name == "x"));
        assert!(matches!(&p.root[1], Node::Template { name, .. } if name == "b"));
    }

    #[test]
    fn errors() {
        assert_eq!(
            parse("{{ if .X }}a").unwrap_err().message,
            "missing {{end}} for if"
        );
        assert_eq!(
            parse("{{ end }}").unwrap_err().message,
            "unexpected {{end}}"
        );
        assert_eq!(
            parse("{{ }}").unwrap_err().message,
            "missing value for command"
        );
    }
}
