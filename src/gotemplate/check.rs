//! Static checks of parsed templates. Go's template parser rejects a call of a
//! function it does not know, wherever it is, even in a branch never run: so
//! does labsite, at load time, with the call's position.

use super::exec::NAMESPACES;
use super::parse::{Expr, Node, Pipeline};

/// The first call of an unknown function in `nodes`: its offset and name.
pub fn unknown_function(nodes: &[Node], known: &dyn Fn(&str) -> bool) -> Option<(usize, String)> {
    nodes.iter().find_map(|node| match node {
        Node::Text(_) | Node::Break | Node::Continue => None,
        Node::Action(pipe) => in_pipeline(pipe, known),
        Node::Conditional {
            branches,
            otherwise,
            ..
        } => branches
            .iter()
            .find_map(|(pipe, body)| {
                in_pipeline(pipe, known).or_else(|| unknown_function(body, known))
            })
            .or_else(|| unknown_function(otherwise, known)),
        Node::Range {
            pipe,
            body,
            otherwise,
        } => in_pipeline(pipe, known)
            .or_else(|| unknown_function(body, known))
            .or_else(|| unknown_function(otherwise, known)),
        Node::Template { pipe, .. } => pipe.as_ref().and_then(|p| in_pipeline(p, known)),
    })
}

fn in_pipeline(pipe: &Pipeline, known: &dyn Fn(&str) -> bool) -> Option<(usize, String)> {
    pipe.cmds.iter().find_map(|cmd| {
        cmd.args
            .iter()
            .find_map(|e| in_expr(e, known).map(|name| (cmd.offset, name)))
    })
}

fn in_expr(e: &Expr, known: &dyn Fn(&str) -> bool) -> Option<String> {
    match e {
        Expr::Ident(name) if !known(name) && !NAMESPACES.contains(&name.as_str()) => {
            Some(name.clone())
        }
        Expr::Chain(base, fields) => match (&**base, fields.first()) {
            (Expr::Ident(ns), Some(func)) if NAMESPACES.contains(&ns.as_str()) => {
                let name = format!("{ns}.{func}");
                (!known(&name)).then_some(name)
            }
            (base, _) => in_expr(base, known),
        },
        Expr::Pipe(p) => in_pipeline(p, known).map(|(_, name)| name),
        _ => None,
    }
}
