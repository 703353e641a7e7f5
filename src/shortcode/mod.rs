//! Shortcodes: [`lex`] finds the tags, [`tree`] pairs them into nested calls,
//! [`expand()`](expand::expand) renders them around the page's Markdown.
pub mod expand;
pub mod lex;
pub mod tree;

pub use expand::{CallPosition, Expanded, Invocation, Shortcodes, Source, expand, substitute};
