//! Helpers for the unit tests of template functions: arguments from text, and
//! a function's answer as the text a template would print.

use super::value::Value;

/// Text arguments.
pub fn texts(args: &[&str]) -> Vec<Value<'static>> {
    args.iter().map(Value::str).collect()
}

/// What a template prints for a function's answer; `ERR …` for an error,
/// `NONE` when no function answered.
pub fn shown(answer: Option<Result<Value<'_>, String>>) -> String {
    match answer {
        Some(Ok(v)) => v.to_text(),
        Some(Err(e)) => format!("ERR {e}"),
        None => "NONE".into(),
    }
}
