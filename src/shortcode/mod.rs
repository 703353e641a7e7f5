//! Shortcodes: [`lex`] finds the tags, [`tree`] pairs them into nested calls.
pub mod lex;
