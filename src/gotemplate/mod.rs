//! Go templates: sites' own shortcodes and partials, run as Hugo runs them.
pub mod check;
pub mod collections;
pub mod digest;
pub mod escape;
pub mod exec;
pub mod format;
pub mod funcs;
pub mod inflect;
pub mod lex;
pub mod names;
pub mod numbers;
pub mod parse;
pub mod paths;
pub mod regexp;
pub mod strings;
pub mod templates;
#[cfg(test)]
pub(crate) mod testing;
pub mod unmarshal;
pub mod value;
