//! A set of parsed Go templates that call each other by name, and the error
//! of a template at a place in its file.

use super::parse::{Node, Parsed};
use std::collections::HashMap;
use std::sync::Arc;

/// A template error at a place in a template file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// The template file (as registered).
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

/// A named template: its nodes and the file they come from.
#[derive(Debug)]
pub(super) struct Entry {
    pub(super) nodes: Arc<Vec<Node>>,
    pub(super) file: Arc<str>,
}

/// A set of templates that can call each other by name.
#[derive(Debug, Default)]
pub struct Templates {
    pub(super) entries: HashMap<String, Entry>,
    sources: HashMap<Arc<str>, Arc<str>>,
}

/// The name a scoped template's define is kept under.
fn scoped(scope: &str, define: &str) -> String {
    format!("{scope}\u{1f}{define}")
}

impl Templates {
    /// Parses `source` (from `file`) as template `name`; its `define`s join the set.
    pub fn add(&mut self, name: &str, file: &str, source: &str) -> Result<(), TemplateError> {
        self.add_in(name, file, source, false)
    }

    /// Parses `source` as template `name`, its `define`s kept as its own: a run
    /// given `name` as a scope finds them before the set's.
    pub fn add_scoped(
        &mut self,
        name: &str,
        file: &str,
        source: &str,
    ) -> Result<(), TemplateError> {
        self.add_in(name, file, source, true)
    }

    /// The template a `template "define"` call runs under `scopes`.
    pub fn scoped_name(&self, scopes: &[String], define: &str) -> String {
        scopes
            .iter()
            .map(|scope| scoped(scope, define))
            .find(|n| self.entries.contains_key(n))
            .unwrap_or_else(|| define.to_string())
    }

    /// Whether template `name` holds nothing but its `define`s (and space and
    /// comments): Hugo then runs it inside a base template.
    pub fn only_defines(&self, name: &str) -> bool {
        let prefix = scoped(name, "");
        let has_defines = self.entries.keys().any(|k| k.starts_with(&prefix));
        has_defines
            && self.entries.get(name).is_some_and(|e| {
                e.nodes
                    .iter()
                    .all(|n| matches!(n, Node::Text(t) if t.trim().is_empty()))
            })
    }

    fn add_in(
        &mut self,
        name: &str,
        file: &str,
        source: &str,
        scoped_defines: bool,
    ) -> Result<(), TemplateError> {
        let file: Arc<str> = Arc::from(file);
        self.sources.insert(file.clone(), Arc::from(source));
        let Parsed { root, defines } = super::parse::parse(source).map_err(|e| {
            let (line, col) = crate::error::line_col(source, e.offset);
            TemplateError {
                file: file.to_string(),
                line,
                col,
                message: e.message,
            }
        })?;
        for (define, nodes) in defines {
            let define = if scoped_defines {
                scoped(name, &define)
            } else {
                define
            };
            self.entries.insert(
                define,
                Entry {
                    nodes: Arc::new(nodes),
                    file: file.clone(),
                },
            );
        }
        self.entries.insert(
            name.to_string(),
            Entry {
                nodes: Arc::new(root),
                file,
            },
        );
        Ok(())
    }

    pub fn contains(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }

    /// Whether template `name` (or what it defines in its file) mentions `word`.
    pub fn source_contains(&self, name: &str, word: &str) -> bool {
        self.entries
            .get(name)
            .and_then(|e| self.sources.get(&e.file))
            .is_some_and(|s| s.contains(word))
    }

    /// Fails on the first call of a function `known` does not know, as Go's
    /// parser does; templates are checked in name order, but for those of the
    /// files `skip_file` names.
    pub fn check_functions(
        &self,
        known: &dyn Fn(&str) -> bool,
        skip_file: &dyn Fn(&str) -> bool,
    ) -> Result<(), TemplateError> {
        let mut names: Vec<&String> = self.entries.keys().collect();
        names.sort();
        for entry in names
            .into_iter()
            .filter_map(|n| self.entries.get(n))
            .filter(|e| !skip_file(&e.file))
        {
            if let Some((offset, function)) = super::check::unknown_function(&entry.nodes, known) {
                let (line, col) = self.position(&entry.file, offset);
                return Err(TemplateError {
                    file: entry.file.to_string(),
                    line,
                    col,
                    message: format!("function {function:?} not defined"),
                });
            }
        }
        Ok(())
    }

    pub(super) fn position(&self, file: &str, offset: usize) -> (usize, usize) {
        self.sources
            .get(file)
            .map_or((1, 1), |s| crate::error::line_col(s, offset))
    }
}
