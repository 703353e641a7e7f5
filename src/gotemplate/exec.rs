//! Executes parsed Go templates: variables and their scopes, pipelines, method
//! calls, `if`/`with`/`range` with `break`/`continue`, `template` calls, and
//! output escaped as Go's html/template escapes text (trusted HTML passes).

mod control;

use super::funcs;
use super::parse::{Command, Expr, Node, Pipeline};
use super::templates::{TemplateError, Templates};
use super::value::Value;
use std::sync::Arc;

/// Functions beyond the builtins: Hugo's, which need the site (`partial`, `T`,
/// `markdownify`, `relref`, …).
pub trait Host<'a> {
    /// `None` when the host has no function of that name.
    fn call(
        &self,
        exec: &mut Exec<'_, 'a>,
        name: &str,
        args: &[Value<'a>],
    ) -> Option<Result<Value<'a>, String>>;

    /// The output of template `name`, which the set does not hold, run with
    /// `dot` (Hugo's embedded `_internal/shortcodes/…`); `None` when the host
    /// has none of the name either.
    fn template(&self, _name: &str, _dot: &Value<'a>) -> Option<Result<String, String>> {
        None
    }
}

/// A host without functions of its own.
pub struct NoHost;

impl<'a> Host<'a> for NoHost {
    fn call(
        &self,
        _: &mut Exec<'_, 'a>,
        _: &str,
        _: &[Value<'a>],
    ) -> Option<Result<Value<'a>, String>> {
        None
    }
}

enum Flow {
    Normal,
    Break,
    Continue,
    /// `{{ return $v }}`: the partial ends with a value.
    Return,
}

/// An error and where it happened (offset in `file`).
struct Failure {
    file: Arc<str>,
    offset: usize,
    message: String,
}

const MAX_DEPTH: usize = 100;

/// The deepest running of bodies inside bodies (blocks, called templates):
/// deeper is an error, never a stack overflow.
const MAX_RUN_NESTING: usize = 400;

/// Hugo's function namespaces: `strings.Trim`, `urls.Parse`, `hugo.Version`.
pub const NAMESPACES: &[&str] = &[
    "cast",
    "collections",
    "compare",
    "crypto",
    "css",
    "data",
    "debug",
    "encoding",
    "fmt",
    "hash",
    "hugo",
    "images",
    "inflect",
    "js",
    "lang",
    "math",
    "os",
    "partials",
    "path",
    "reflect",
    "resources",
    "safe",
    "strings",
    "templates",
    "time",
    "transform",
    "urls",
];

/// Whether an action is Hugo's `{{ return … }}`.
fn is_return(pipe: &Pipeline) -> bool {
    pipe.decl.is_empty()
        && matches!(pipe.cmds.first().and_then(|c| c.args.first()), Some(Expr::Ident(n)) if n == "return")
}

/// `ns.Func.Rest` as the function `ns.Func` and the fields after it.
fn namespaced(e: &Expr) -> Option<(String, &[String])> {
    match e {
        Expr::Chain(base, fields) => match (&**base, fields.split_first()) {
            (Expr::Ident(ns), Some((func, rest))) if NAMESPACES.contains(&ns.as_str()) => {
                Some((format!("{ns}.{func}"), rest))
            }
            _ => None,
        },
        _ => None,
    }
}

/// One execution: the variables in scope and the template being run.
pub struct Exec<'t, 'a> {
    pub templates: &'t Templates,
    host: &'t dyn Host<'a>,
    vars: Vec<(String, Value<'a>)>,
    file: Arc<str>,
    depth: usize,
    /// How many bodies (of blocks and of called templates) are running, one
    /// inside the other.
    nesting: usize,
    /// Set when templates called each other too deeply: the error then names
    /// the template that went over, not each of the hundred calls above it.
    too_deep: bool,
    /// Escape output as html/template does (false for text/template outputs).
    escape: bool,
    /// The value a partial gave with `return`.
    returned: Option<Value<'a>>,
    /// Inside an HTML comment of the template text.
    in_comment: bool,
    /// Where each running template's output is (script, style), innermost last.
    trackers: Vec<super::escape::Tracker>,
    /// The templates whose own `define`s a `template` call finds first (a page
    /// layout, then its base template), as Hugo gives each layout its own set.
    scopes: Vec<String>,
}

/// Runs template `name` with `dot`.
pub fn execute<'a>(
    templates: &Templates,
    name: &str,
    dot: Value<'a>,
    host: &dyn Host<'a>,
    escape: bool,
) -> Result<String, TemplateError> {
    execute_scoped(templates, name, &[], dot, host, escape)
}

/// Runs template `name` with `dot`, its `template` calls finding the defines
/// of the templates `scopes` names (added with [`Templates::add_scoped`]) first.
pub fn execute_scoped<'a>(
    templates: &Templates,
    name: &str,
    scopes: &[String],
    dot: Value<'a>,
    host: &dyn Host<'a>,
    escape: bool,
) -> Result<String, TemplateError> {
    let Some(entry) = templates.entries.get(name) else {
        return Err(TemplateError {
            file: name.into(),
            line: 1,
            col: 1,
            message: format!("no template {name:?}"),
        });
    };
    let mut exec = Exec {
        templates,
        host,
        vars: vec![("$".into(), dot.clone())],
        file: entry.file.clone(),
        depth: 0,
        nesting: 0,
        too_deep: false,
        escape,
        returned: None,
        in_comment: false,
        trackers: Vec::new(),
        scopes: scopes.to_vec(),
    };
    exec.run(name, dot).map_err(|f| {
        let (line, col) = templates.position(&f.file, f.offset);
        TemplateError {
            file: f.file.to_string(),
            line,
            col,
            message: f.message,
        }
    })
}

impl<'a> Exec<'_, 'a> {
    /// Runs template `name` with `dot` in a fresh scope and returns its output.
    pub fn run_template(&mut self, name: &str, dot: Value<'a>) -> Result<String, String> {
        self.run(name, dot).map_err(|f| {
            if self.too_deep {
                return f.message;
            }
            let (line, col) = self.templates.position(&f.file, f.offset);
            format!("{}:{line}:{col}: {}", f.file, f.message)
        })
    }

    /// The value the template just run gave with `return`, if it did.
    pub fn take_return(&mut self) -> Option<Value<'a>> {
        self.returned.take()
    }

    fn run(&mut self, name: &str, dot: Value<'a>) -> Result<String, Failure> {
        let Some(entry) = self.templates.entries.get(name) else {
            return Err(Failure {
                file: self.file.clone(),
                offset: 0,
                message: format!("no such template {name:?}"),
            });
        };
        if self.depth >= MAX_DEPTH {
            self.too_deep = true;
            return Err(Failure {
                file: self.file.clone(),
                offset: 0,
                message: format!(
                    "template {name:?} calls itself too deeply (more than {MAX_DEPTH} levels: do partials call each other in a cycle?)"
                ),
            });
        }
        let nodes = entry.nodes.clone();
        let saved_vars = std::mem::replace(&mut self.vars, vec![("$".into(), dot.clone())]);
        let saved_file = std::mem::replace(&mut self.file, entry.file.clone());
        self.depth += 1;
        let mut out = String::new();
        self.trackers.push(Default::default());
        let result = self.walk(&mut out, &nodes, &dot);
        self.trackers.pop();
        self.depth -= 1;
        self.vars = saved_vars;
        self.file = saved_file;
        result.map(|_| out)
    }

    fn fail(&self, offset: usize, message: impl Into<String>) -> Failure {
        Failure {
            file: self.file.clone(),
            offset,
            message: message.into(),
        }
    }

    fn walk(&mut self, out: &mut String, nodes: &[Node], dot: &Value<'a>) -> Result<Flow, Failure> {
        if self.nesting >= MAX_RUN_NESTING {
            self.too_deep = true;
            return Err(self.fail(
                0,
                format!("templates run more than {MAX_RUN_NESTING} blocks deep (partials that call each other inside nested blocks?)"),
            ));
        }
        self.nesting += 1;
        let flow = self.walk_nodes(out, nodes, dot);
        self.nesting -= 1;
        flow
    }

    fn walk_nodes(
        &mut self,
        out: &mut String,
        nodes: &[Node],
        dot: &Value<'a>,
    ) -> Result<Flow, Failure> {
        for node in nodes {
            match node {
                Node::Text(t) if self.escape => self.push_markup(out, t),
                Node::Text(t) => out.push_str(t),
                Node::Action(pipe) if is_return(pipe) => {
                    self.returned = Some(self.return_value(pipe, dot)?);
                    return Ok(Flow::Return);
                }
                Node::Action(pipe) => {
                    let v = self.pipeline(pipe, dot)?;
                    if pipe.decl.is_empty() {
                        self.print(out, &v);
                    }
                }
                Node::Conditional {
                    condition,
                    branches,
                    otherwise,
                } => {
                    let flow = self.conditional(out, *condition, branches, otherwise, dot)?;
                    if !matches!(flow, Flow::Normal) {
                        return Ok(flow);
                    }
                }
                Node::Range {
                    pipe,
                    body,
                    otherwise,
                } => {
                    if let Flow::Return = self.range(out, pipe, body, otherwise, dot)? {
                        return Ok(Flow::Return);
                    }
                }
                Node::Template { name, pipe, offset } => {
                    let new_dot = match pipe {
                        Some(p) => self.pipeline(p, dot)?,
                        None => Value::Nil,
                    };
                    let name = self.templates.scoped_name(&self.scopes, name);
                    if !self.templates.contains(&name)
                        && let Some(text) = self.host.template(&name, &new_dot)
                    {
                        out.push_str(&text.map_err(|m| self.fail(*offset, m))?);
                        continue;
                    }
                    let text = self.run(&name, new_dot).map_err(|f| {
                        if f.offset == 0 && f.message.starts_with("no such template") {
                            self.fail(*offset, f.message)
                        } else {
                            f
                        }
                    })?;
                    out.push_str(&text);
                }
                Node::Break => return Ok(Flow::Break),
                Node::Continue => return Ok(Flow::Continue),
            }
        }
        Ok(Flow::Normal)
    }

    /// Template text in an HTML template: its comments are left out, as
    /// html/template leaves them out (and what actions print inside them).
    fn push_markup(&mut self, out: &mut String, text: &str) {
        let mut rest = text;
        while !rest.is_empty() {
            if self.in_comment {
                match rest.find("-->") {
                    Some(end) => {
                        rest = rest.get(end + 3..).unwrap_or_default();
                        self.in_comment = false;
                    }
                    None => return,
                }
            } else {
                match rest.find("<!--") {
                    Some(start) => {
                        out.push_str(rest.get(..start).unwrap_or_default());
                        rest = rest.get(start + 4..).unwrap_or_default();
                        self.in_comment = true;
                    }
                    None => {
                        out.push_str(rest);
                        return;
                    }
                }
            }
        }
    }

    fn print(&mut self, out: &mut String, v: &Value<'a>) {
        if self.in_comment {
            return;
        }
        if self.escape {
            // Only a running template prints, and each has its tracker.
            if let Some(tracker) = self.trackers.last_mut() {
                let escaped = super::escape::escape(out, tracker, v);
                out.push_str(&escaped);
            }
        } else {
            out.push_str(&v.to_text());
        }
    }

    fn pipeline(&mut self, pipe: &Pipeline, dot: &Value<'a>) -> Result<Value<'a>, Failure> {
        let mut value: Option<Value<'a>> = None;
        for cmd in &pipe.cmds {
            value = Some(self.command(cmd, dot, value)?);
        }
        let value = value.unwrap_or(Value::Nil);
        for name in &pipe.decl {
            if pipe.assign {
                match self.vars.iter_mut().rev().find(|(n, _)| n == name) {
                    Some(slot) => slot.1 = value.clone(),
                    None => {
                        return Err(self.fail(pipe.offset, format!("undefined variable: {name}")));
                    }
                }
            } else {
                self.vars.push((name.clone(), value.clone()));
            }
        }
        Ok(value)
    }

    fn command(
        &mut self,
        cmd: &Command,
        dot: &Value<'a>,
        piped: Option<Value<'a>>,
    ) -> Result<Value<'a>, Failure> {
        let Some((first, rest)) = cmd.args.split_first() else {
            return Err(self.fail(cmd.offset, "empty command"));
        };
        match first {
            Expr::Ident(name) if name == "and" || name == "or" => {
                let is_and = name == "and";
                let mut last = Value::Nil;
                for e in rest {
                    let v = self.expr(e, dot, cmd.offset)?;
                    if v.truthy() != is_and {
                        return Ok(v);
                    }
                    last = v;
                }
                if let Some(p) = piped {
                    if p.truthy() != is_and {
                        return Ok(p);
                    }
                    last = p;
                }
                Ok(last)
            }
            Expr::Ident(name) => {
                let mut args = Vec::with_capacity(rest.len() + 1);
                for e in rest {
                    args.push(self.expr(e, dot, cmd.offset)?);
                }
                args.extend(piped);
                self.call_function(name, &args)
                    .map_err(|m| self.fail(cmd.offset, m))
            }
            // A namespaced function with arguments: `urls.Parse site.BaseURL`.
            _ if namespaced(first).is_some_and(|(_, fields)| fields.is_empty())
                && (!rest.is_empty() || piped.is_some()) =>
            {
                let (name, _) = namespaced(first).unwrap_or_default();
                let mut args = Vec::with_capacity(rest.len() + 1);
                for e in rest {
                    args.push(self.expr(e, dot, cmd.offset)?);
                }
                args.extend(piped);
                self.call_function(&name, &args)
                    .map_err(|m| self.fail(cmd.offset, m))
            }
            // A method call with arguments: `.Get 0`, `$p.Param "x"`, `.Site.GetPage "p"`.
            Expr::Field(fields) | Expr::Var(_, fields) | Expr::Chain(_, fields)
                if !rest.is_empty() || piped.is_some() =>
            {
                let Some((method, path)) = fields.split_last() else {
                    return Err(self.fail(cmd.offset, "can't give argument to non-function"));
                };
                let receiver = match first {
                    Expr::Field(_) => self.walk_fields(dot.clone(), path, cmd.offset)?,
                    Expr::Var(v, _) => {
                        let base = self.var(v, cmd.offset)?;
                        self.walk_fields(base, path, cmd.offset)?
                    }
                    Expr::Chain(base, _) => {
                        let base = self.expr(base, dot, cmd.offset)?;
                        self.walk_fields(base, path, cmd.offset)?
                    }
                    _ => Value::Nil,
                };
                let mut args = Vec::with_capacity(rest.len() + 1);
                for e in rest {
                    args.push(self.expr(e, dot, cmd.offset)?);
                }
                args.extend(piped);
                receiver
                    .call(method, &args)
                    .map_err(|m| self.fail(cmd.offset, m))
            }
            Expr::Nil => Err(self.fail(cmd.offset, "nil is not a command")),
            _ if !rest.is_empty() || piped.is_some() => {
                Err(self.fail(cmd.offset, "can't give argument to non-function"))
            }
            other => self.expr(other, dot, cmd.offset),
        }
    }

    fn call_function(&mut self, name: &str, args: &[Value<'a>]) -> Result<Value<'a>, String> {
        let name = super::names::canonical(name);
        if name == "apply" {
            return self.apply(args);
        }
        let host = self.host;
        if let Some(result) = host.call(self, name, args) {
            return result;
        }
        match funcs::builtin(name, args) {
            Some(result) => result,
            None => Err(super::names::unsupported(name)
                .unwrap_or_else(|| format!("function {name:?} not defined"))),
        }
    }

    /// `apply LIST FUNCTION ARGS…`: the function called for each item, `"."`
    /// among the arguments standing for the item.
    fn apply(&mut self, args: &[Value<'a>]) -> Result<Value<'a>, String> {
        let [list, function, rest @ ..] = args else {
            return Err("apply: want a list and a function name".into());
        };
        let function = function.to_text();
        if function == "apply" {
            return Err("apply: can't apply apply".into());
        }
        let items = match list {
            Value::List(l) => l.to_vec(),
            Value::Nil => Vec::new(),
            other => return Err(format!("apply: can't iterate over {}", other.type_name())),
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let call_args: Vec<Value<'a>> = rest
                .iter()
                .map(|a| {
                    if a.as_str() == Some(".") {
                        item.clone()
                    } else {
                        a.clone()
                    }
                })
                .collect();
            out.push(self.call_function(&function, &call_args)?);
        }
        Ok(Value::list(out))
    }

    fn var(&self, name: &str, offset: usize) -> Result<Value<'a>, Failure> {
        self.vars
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| self.fail(offset, format!("undefined variable: {name}")))
    }

    fn walk_fields(
        &self,
        mut value: Value<'a>,
        fields: &[String],
        offset: usize,
    ) -> Result<Value<'a>, Failure> {
        for f in fields {
            value = value.field(f).map_err(|m| self.fail(offset, m))?;
        }
        Ok(value)
    }

    fn expr(&mut self, e: &Expr, dot: &Value<'a>, at: usize) -> Result<Value<'a>, Failure> {
        Ok(match e {
            Expr::Dot => dot.clone(),
            Expr::Field(fields) => self.walk_fields(dot.clone(), fields, at)?,
            Expr::Var(v, fields) => {
                let base = self.var(v, at)?;
                self.walk_fields(base, fields, at)?
            }
            Expr::Ident(name) => self
                .call_function(name, &[])
                .map_err(|m| self.fail(at, m))?,
            Expr::Chain(base, fields) => match namespaced(e) {
                Some((name, rest)) => {
                    let v = self
                        .call_function(&name, &[])
                        .map_err(|m| self.fail(at, m))?;
                    self.walk_fields(v, rest, at)?
                }
                None => {
                    let base = self.expr(base, dot, at)?;
                    self.walk_fields(base, fields, at)?
                }
            },
            Expr::Str(s) => Value::str(s),
            Expr::Int(i) => Value::Int(*i),
            Expr::Float(f) => Value::Float(*f),
            Expr::Bool(b) => Value::Bool(*b),
            Expr::Nil => Value::Nil,
            Expr::Pipe(p) => {
                let mark = self.vars.len();
                let v = self.pipeline(p, dot)?;
                self.vars.truncate(mark);
                v
            }
        })
    }
}

#[cfg(test)]
mod tests;
