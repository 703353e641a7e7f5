//! The control actions of a template: `if`/`with` with their `else`
//! branches, `range` with `break`/`continue`, and Hugo's `return`.

use super::{Exec, Failure, Flow};
use crate::gotemplate::parse::{Command, Condition, Node, Pipeline};
use crate::gotemplate::value::Value;

impl<'a> Exec<'_, 'a> {
    /// The value of Hugo's `return X …`: what follows `return` is a command of
    /// its own, piped into the rest.
    pub(super) fn return_value(
        &mut self,
        pipe: &Pipeline,
        dot: &Value<'a>,
    ) -> Result<Value<'a>, Failure> {
        let first = pipe.cmds.first();
        let after_return = first.and_then(|c| c.args.get(1..)).unwrap_or_default();
        let mut value = match after_return {
            [] => Value::Nil,
            args => {
                let cmd = Command {
                    args: args.to_vec(),
                    offset: first.map_or(0, |c| c.offset),
                };
                self.command(&cmd, dot, None)?
            }
        };
        for cmd in pipe.cmds.get(1..).unwrap_or_default() {
            value = self.command(cmd, dot, Some(value))?;
        }
        Ok(value)
    }

    /// `if`/`with` … `else if`/`else with` … `else`: the first branch whose
    /// pipeline is truthy runs (`with` moves dot to its value), else `otherwise`.
    pub(super) fn conditional(
        &mut self,
        out: &mut String,
        condition: Condition,
        branches: &[(Pipeline, Vec<Node>)],
        otherwise: &[Node],
        dot: &Value<'a>,
    ) -> Result<Flow, Failure> {
        let is_with = condition == Condition::With;
        let mark = self.vars.len();
        let mut taken = false;
        let mut flow = Flow::Normal;
        for (pipe, body) in branches {
            let v = self.pipeline(pipe, dot)?;
            if v.truthy() {
                let new_dot = if is_with { v } else { dot.clone() };
                flow = self.walk(out, body, &new_dot)?;
                taken = true;
                break;
            }
        }
        if !taken {
            flow = self.walk(out, otherwise, dot)?;
        }
        self.vars.truncate(mark);
        Ok(flow)
    }

    /// `range`: `body` for each item of a list, map (by key) or count, with the
    /// pipeline's variables bound to index and item; `otherwise` when there is
    /// none. Ends early at `break`, and with [`Flow::Return`] at `return`.
    pub(super) fn range(
        &mut self,
        out: &mut String,
        pipe: &Pipeline,
        body: &[Node],
        otherwise: &[Node],
        dot: &Value<'a>,
    ) -> Result<Flow, Failure> {
        let mark = self.vars.len();
        let mut probe = pipe.clone();
        probe.decl.clear();
        let collection = self.pipeline(&probe, dot)?;
        let items: Vec<(Value<'a>, Value<'a>)> = match &collection {
            Value::List(l) => l
                .iter()
                .enumerate()
                .map(|(i, v)| (Value::Int(i as i64), v.clone()))
                .collect(),
            Value::Map(m) => m.iter().map(|(k, v)| (Value::str(k), v.clone())).collect(),
            Value::Int(n) => (0..*n).map(|i| (Value::Int(i), Value::Int(i))).collect(),
            Value::Nil => Vec::new(),
            Value::Object(o) if o.items().is_some() => o
                .items()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, v)| (Value::Int(i as i64), v))
                .collect(),
            other => {
                return Err(self.fail(
                    pipe.offset,
                    format!("range can't iterate over {}", other.to_text()),
                ));
            }
        };
        if items.is_empty() {
            self.walk(out, otherwise, dot)?;
        }
        for (key, item) in items {
            match pipe.decl.as_slice() {
                [v] => self.vars.push((v.clone(), item.clone())),
                [k, v] => {
                    self.vars.push((k.clone(), key));
                    self.vars.push((v.clone(), item.clone()));
                }
                _ => {}
            }
            let flow = self.walk(out, body, &item)?;
            self.vars.truncate(mark);
            match flow {
                Flow::Break => break,
                Flow::Return => return Ok(flow),
                Flow::Normal | Flow::Continue => {}
            }
        }
        self.vars.truncate(mark);
        Ok(Flow::Normal)
    }
}
