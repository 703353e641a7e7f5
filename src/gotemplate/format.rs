//! Go's `fmt` as templates use it: `printf`'s verbs with widths and
//! padding, and `print`'s spacing.

use super::value::Value;

fn text(v: &Value<'_>) -> String {
    v.to_text()
}

/// Go's fmt verbs that templates use: %s %d %v %q %f %t %x %%.
pub fn sprintf(format: &str, args: &[Value<'_>]) -> String {
    let mut out = String::new();
    let mut it = args.iter();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        // Flags, width and precision, for the verb to use.
        let mut spec = String::new();
        while let Some(&d) = chars.peek() {
            if d.is_ascii_digit() || d == '.' || d == '-' || d == '+' || d == '#' {
                spec.push(d);
                chars.next();
            } else {
                break;
            }
        }
        // Go gives up on the rest of the format past a width of a million.
        if width_of(&spec) > MAX_WIDTH {
            out.push_str("%!(NOVERB)");
            break;
        }
        match chars.next() {
            Some('%') => out.push('%'),
            Some(verb) => {
                let Some(v) = it.next() else {
                    out.push_str(&format!("%!{verb}(MISSING)"));
                    continue;
                };
                let formatted = match verb {
                    'q' => format!("{:?}", text(v)),
                    'd' => v
                        .as_i64()
                        .map_or_else(|| format!("%!d({})", text(v)), |i| i.to_string()),
                    'f' => {
                        let prec: usize = spec
                            .split('.')
                            .nth(1)
                            .and_then(|p| p.parse().ok())
                            .unwrap_or(6);
                        // A bound of labsite's: Go would take any precision.
                        if prec > MAX_PRECISION {
                            "%!(BADPREC)".to_string()
                        } else {
                            format!("{:.*}", prec, v.as_f64().unwrap_or(0.0))
                        }
                    }
                    'x' => v.as_i64().map_or_else(
                        || text(v).bytes().map(|b| format!("{b:02x}")).collect(),
                        |i| format!("{i:x}"),
                    ),
                    _ => text(v),
                };
                out.push_str(&padded(&formatted, &spec));
            }
            None => out.push('%'),
        }
    }
    out
}

/// The widest width Go's `fmt` takes.
const MAX_WIDTH: usize = 1_000_000;

/// The longest precision labsite takes (ten million digits).
const MAX_PRECISION: usize = 10_000_000;

/// The width `spec` (flags, width, precision) asks for; more than seven
/// digits is more than Go takes.
fn width_of(spec: &str) -> usize {
    let digits = spec
        .trim_start_matches(['-', '+', '#', '0'])
        .split('.')
        .next()
        .unwrap_or_default();
    if digits.len() > 7 {
        return usize::MAX;
    }
    digits.parse().unwrap_or(0)
}

/// `formatted` padded to the width of `spec` (Go's `%5d`, `%-5s`, `%05d`).
fn padded(formatted: &str, spec: &str) -> String {
    let flags: String = spec
        .chars()
        .take_while(|c| matches!(c, '-' | '+' | '#' | '0'))
        .collect();
    let width = width_of(spec);
    let len = formatted.chars().count();
    if len >= width {
        return formatted.to_string();
    }
    let fill = width - len;
    if flags.contains('-') {
        format!("{formatted}{}", " ".repeat(fill))
    } else if flags.contains('0') {
        match formatted.strip_prefix('-') {
            Some(digits) => format!("-{}{digits}", "0".repeat(fill)),
            None => format!("{}{formatted}", "0".repeat(fill)),
        }
    } else {
        format!("{}{formatted}", " ".repeat(fill))
    }
}

/// Go's `fmt.Sprint`: operands side by side, a space between two that are not
/// strings.
pub fn sprint(args: &[Value<'_>]) -> String {
    let mut out = String::new();
    for (i, v) in args.iter().enumerate() {
        let is_text = |v: &Value<'_>| matches!(v, Value::String(_) | Value::Trusted(..));
        if i > 0 && !is_text(v) && !args.get(i - 1).is_some_and(is_text) {
            out.push(' ');
        }
        out.push_str(&text(v));
    }
    out
}
