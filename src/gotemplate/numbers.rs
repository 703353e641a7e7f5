//! Hugo's `math` functions beyond the four operations (powers, roots,
//! logarithms, trigonometry, sums and products, `modBool`) and numbers written
//! for readers (`lang.FormatNumber` and its kin).

use super::value::Value;

fn number<'a>(v: &Value<'a>, name: &str) -> Result<f64, String> {
    v.as_f64()
        .ok_or_else(|| format!("{name}: {} is not a number", v.to_text()))
}

/// The numbers of `args`, lists flattened (`math.Sum (slice 1 2) 3`).
fn numbers<'a>(args: &[Value<'a>], name: &str) -> Result<(Vec<f64>, bool), String> {
    let mut all = Vec::new();
    let mut ints = true;
    for a in args {
        let items = match a {
            Value::List(l) => l.to_vec(),
            other => vec![other.clone()],
        };
        for item in items {
            ints &= matches!(item, Value::Int(_));
            all.push(number(&item, name)?);
        }
    }
    if all.is_empty() {
        return Err(format!("{name}: must pass at least one number"));
    }
    Ok((all, ints))
}

/// `n` with `precision` decimals and `,` between thousands, as English writes it.
fn grouped(n: f64, precision: usize) -> String {
    // Halves round away from zero, as Hugo rounds them (Rust's formatting rounds them to even).
    let scale = 10f64.powi(i32::try_from(precision).unwrap_or(i32::MAX));
    let fixed = format!("{:.*}", precision, (n.abs() * scale).round() / scale);
    let (whole, fraction) = fixed
        .split_once('.')
        .map_or((fixed.as_str(), None), |(w, f)| (w, Some(f)));
    let mut out = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    if n < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

/// `lang.FormatNumber PRECISION N` and its kin, in English (labsite does not
/// carry every language's number formats).
fn format_number<'a>(name: &str, args: &[Value<'a>]) -> Result<Value<'a>, String> {
    let precision = args
        .first()
        .and_then(Value::as_i64)
        .and_then(|p| usize::try_from(p).ok())
        .ok_or_else(|| format!("{name}: the precision must be a whole number"))?;
    let n = args.last().map_or(Ok(0.0), |v| number(v, name))?;
    Ok(Value::str(match name {
        "lang.FormatPercent" => format!("{}%", grouped(n, precision)),
        "lang.FormatCurrency" | "lang.FormatAccounting" => {
            let code = args.get(1).map(Value::to_text).unwrap_or_default();
            let symbol = match code.as_str() {
                "USD" => "$",
                "EUR" => "€",
                "GBP" => "£",
                "JPY" => "¥",
                "INR" => "₹",
                other => other,
            };
            format!("{symbol}{}", grouped(n, precision))
        }
        _ => grouped(n, precision),
    }))
}

/// The math functions. `None` when `name` is not one of them.
pub fn call<'a>(name: &str, args: &[Value<'a>]) -> Option<Result<Value<'a>, String>> {
    let at = |i: usize| {
        args.get(i)
            .ok_or_else(|| format!("{name}: missing argument {}", i + 1))
            .and_then(|v| number(v, name))
    };
    let unary = |f: fn(f64) -> f64| at(0).map(|x| Value::Float(f(x)));
    Some(match name {
        "math.Abs" => match args.first() {
            Some(Value::Int(i)) => Ok(Value::Int(i.saturating_abs())),
            _ => unary(f64::abs),
        },
        "math.Sqrt" => unary(f64::sqrt),
        "math.Log" => at(0).and_then(|x| {
            if x <= 0.0 {
                Err("math.Log: the number must be greater than zero".into())
            } else {
                Ok(Value::Float(x.ln()))
            }
        }),
        "math.Sin" => unary(f64::sin),
        "math.Cos" => unary(f64::cos),
        "math.Tan" => unary(f64::tan),
        "math.Asin" => unary(f64::asin),
        "math.Acos" => unary(f64::acos),
        "math.Atan" => unary(f64::atan),
        "math.Atan2" => at(0).and_then(|y| at(1).map(|x| Value::Float(y.atan2(x)))),
        "math.ToDegrees" => unary(f64::to_degrees),
        "math.ToRadians" => unary(f64::to_radians),
        "math.Pi" => Ok(Value::Float(std::f64::consts::PI)),
        "math.MaxInt64" => Ok(Value::Int(i64::MAX)),
        "pow" => at(0).and_then(|x| at(1).map(|y| Value::Float(x.powf(y)))),
        "modBool" => match (
            args.first().and_then(Value::as_i64),
            args.get(1).and_then(Value::as_i64),
        ) {
            (Some(_), Some(0)) => Err("modBool: the number can't be divided by zero".into()),
            (Some(a), Some(b)) => Ok(Value::Bool(a % b == 0)),
            _ => Err("modBool: both arguments must be whole numbers".into()),
        },
        "math.Sum" | "math.Product" => numbers(args, name).map(|(all, ints)| {
            let total = if name == "math.Sum" {
                all.iter().sum::<f64>()
            } else {
                all.iter().product::<f64>()
            };
            if ints {
                Value::Int(total as i64)
            } else {
                Value::Float(total)
            }
        }),
        "lang.FormatNumber"
        | "lang.FormatNumberCustom"
        | "lang.FormatPercent"
        | "lang.FormatCurrency"
        | "lang.FormatAccounting" => format_number(name, args),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gotemplate::testing::shown;

    fn run(name: &str, args: Vec<Value<'static>>) -> String {
        shown(call(name, &args))
    }

    /// Hugo 0.168's results for the same calls.
    #[test]
    fn math_as_hugo_gives_it() {
        let i = Value::Int;
        let f = Value::Float;
        assert_eq!(run("math.Abs", vec![i(-3)]), "3");
        assert_eq!(run("math.Abs", vec![f(-2.5)]), "2.5");
        assert_eq!(run("pow", vec![i(2), i(10)]), "1024");
        assert_eq!(run("pow", vec![f(2.5), i(2)]), "6.25");
        assert_eq!(run("math.Sqrt", vec![i(2)]), "1.4142135623730951");
        assert_eq!(run("math.Log", vec![i(1)]), "0");
        assert_eq!(run("math.Pi", vec![]), "3.141592653589793");
        assert_eq!(run("math.MaxInt64", vec![]), "9223372036854775807");
        assert_eq!(run("math.Sum", vec![i(1), i(2), f(3.5)]), "6.5");
        assert_eq!(
            run("math.Sum", vec![Value::list(vec![i(1), i(2), i(3)])]),
            "6"
        );
        assert_eq!(run("math.Product", vec![i(2), i(3), i(4)]), "24");
        assert_eq!(run("math.Asin", vec![i(1)]), "1.5707963267948966");
        assert_eq!(run("math.Atan2", vec![i(1), i(1)]), "0.7853981633974483");
        assert_eq!(run("math.ToDegrees", vec![f(std::f64::consts::PI)]), "180");
        assert_eq!(run("math.ToRadians", vec![i(180)]), "3.141592653589793");
        assert_eq!(run("modBool", vec![i(4), i(2)]), "true");
        assert_eq!(run("modBool", vec![i(5), i(2)]), "false");
        assert_eq!(
            run("lang.FormatNumber", vec![i(2), f(12345.6789)]),
            "12,345.68"
        );
        assert_eq!(run("lang.FormatNumber", vec![i(0), f(1234.5)]), "1,235");
        assert_eq!(run("lang.FormatPercent", vec![i(1), f(12.345)]), "12.3%");
        assert_eq!(run("lang.FormatPercent", vec![i(0), i(50)]), "50%");
        assert_eq!(
            run(
                "lang.FormatCurrency",
                vec![i(2), Value::str("USD"), f(1234.5)]
            ),
            "$1,234.50"
        );
        assert_eq!(
            run(
                "lang.FormatAccounting",
                vec![i(2), Value::str("USD"), f(-1234.5)]
            ),
            "$-1,234.50"
        );
    }
}
