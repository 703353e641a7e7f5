//! Go templates: sites' own shortcodes and partials, run as Hugo runs them.
pub mod check;
pub mod collections;
pub mod escape;
pub mod exec;
pub mod funcs;
pub mod lex;
pub mod parse;
pub mod regexp;
pub mod templates;
pub mod value;
