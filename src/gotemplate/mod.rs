//! Go templates: sites' own shortcodes and partials, run as Hugo runs them.
pub mod lex;
pub mod parse;
