//! Dates as Go templates see them (`time.Time`).

use super::objects::{Answer, obj, text_arg};
use crate::date::{Date, format_go};
use crate::gotemplate::value::{Object, Value};

pub(super) fn date_value<'a>(date: Option<Date>) -> Value<'a> {
    obj(DateObject(date))
}

/// A date (`time.Time`); `None` is Go's zero time.
pub struct DateObject(pub Option<Date>);

impl DateObject {
    fn date(&self) -> Date {
        // Go's zero time: the first instant of year 1, UTC.
        self.0.unwrap_or_else(|| {
            chrono::NaiveDate::from_yo_opt(1, 1)
                .and_then(|day| day.and_hms_opt(0, 0, 0))
                .map_or(chrono::DateTime::UNIX_EPOCH, |t| t.and_utc())
                .fixed_offset()
        })
    }
}

impl<'a> Object<'a> for DateObject {
    fn method(&self, name: &str, args: &[Value<'a>]) -> Answer<'a> {
        use chrono::{Datelike, Timelike};
        let d = self.date();
        Some(Ok(match name {
            "Format" => Value::str(format_go(&d, &text_arg(args, 0))),
            "Year" => Value::Int(d.year() as i64),
            "Month" => Value::Int(d.month() as i64),
            "Day" => Value::Int(d.day() as i64),
            "Hour" => Value::Int(d.hour() as i64),
            "Minute" => Value::Int(d.minute() as i64),
            "Second" => Value::Int(d.second() as i64),
            "YearDay" => Value::Int(d.ordinal() as i64),
            "Weekday" => Value::str(d.format("%A").to_string()),
            "Unix" => Value::Int(d.timestamp()),
            "IsZero" => Value::Bool(self.0.is_none()),
            "UTC" | "Local" => obj(DateObject(Some(
                d.with_timezone(&chrono::Utc).fixed_offset(),
            ))),
            "String" => Value::str(format_go(&d, "2006-01-02 15:04:05 -0700 MST")),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "time.Time"
    }

    fn display(&self) -> String {
        format_go(&self.date(), "2006-01-02 15:04:05 -0700 MST")
    }

    fn as_number(&self) -> Option<f64> {
        Some(self.date().timestamp() as f64)
    }
}

/// Wraps a date for templates.
pub fn date<'a>(date: Date) -> Value<'a> {
    date_value(Some(date))
}

/// A length of time (`time.Duration`), in nanoseconds as Go keeps it.
pub struct DurationObject(pub i64);

/// `duration UNIT N`: `N` units (`nanosecond`/`ns` … `hour`/`h`).
pub fn duration<'a>(unit: &str, amount: &Value<'a>) -> Result<Value<'a>, String> {
    let per =
        unit_nanos(unit).ok_or_else(|| format!("duration: {unit:?} is not a unit of time"))?;
    let n = amount
        .as_f64()
        .ok_or_else(|| format!("duration: {} is not a number", amount.to_text()))?;
    Ok(obj(DurationObject((n * per as f64) as i64)))
}

fn unit_nanos(unit: &str) -> Option<i64> {
    Some(match unit {
        "nanosecond" | "ns" => 1,
        "microsecond" | "us" | "µs" => 1_000,
        "millisecond" | "ms" => 1_000_000,
        "second" | "s" => 1_000_000_000,
        "minute" | "m" => 60_000_000_000,
        "hour" | "h" => 3_600_000_000_000,
        _ => return None,
    })
}

/// `time.ParseDuration "1h30m"`: Go's duration text.
pub fn parse_duration<'a>(text: &str) -> Result<Value<'a>, String> {
    let fail = || format!("time.ParseDuration: invalid duration {text:?}");
    let (sign, mut rest) = match text.strip_prefix('-') {
        Some(r) => (-1.0, r),
        None => (1.0, text.strip_prefix('+').unwrap_or(text)),
    };
    if rest == "0" {
        return Ok(obj(DurationObject(0)));
    }
    let mut total = 0.0;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .ok_or_else(fail)?;
        let value: f64 = rest
            .get(..number_len)
            .and_then(|n| n.parse().ok())
            .ok_or_else(fail)?;
        rest = rest.get(number_len..).unwrap_or_default();
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = rest.get(..unit_len).unwrap_or_default();
        total += value * unit_nanos(unit).ok_or_else(fail)? as f64;
        rest = rest.get(unit_len..).unwrap_or_default();
    }
    Ok(obj(DurationObject((sign * total) as i64)))
}

impl DurationObject {
    /// Go's `Duration.String`: `1h30m0s`, `1m30s`, `1.5s`, `0s`.
    fn text(&self) -> String {
        let n = self.0;
        if n == 0 {
            return "0s".into();
        }
        let sign = if n < 0 { "-" } else { "" };
        let n = n.unsigned_abs();
        if n < 1_000_000_000 {
            let (div, unit) = match n {
                0..1_000 => (1, "ns"),
                1_000..1_000_000 => (1_000, "µs"),
                _ => (1_000_000, "ms"),
            };
            return format!("{sign}{}{unit}", trim_fraction(n as f64 / div as f64));
        }
        let hours = n / 3_600_000_000_000;
        let minutes = n / 60_000_000_000 % 60;
        let seconds = (n % 60_000_000_000) as f64 / 1e9;
        let mut out = sign.to_string();
        if hours > 0 {
            out.push_str(&format!("{hours}h"));
        }
        if hours > 0 || minutes > 0 {
            out.push_str(&format!("{minutes}m"));
        }
        out.push_str(&format!("{}s", trim_fraction(seconds)));
        out
    }
}

fn trim_fraction(x: f64) -> String {
    let s = format!("{x:.9}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl<'a> Object<'a> for DurationObject {
    fn method(&self, name: &str, _: &[Value<'a>]) -> Answer<'a> {
        let n = self.0 as f64;
        Some(Ok(match name {
            "Hours" => Value::Float(n / 3.6e12),
            "Minutes" => Value::Float(n / 6e10),
            "Seconds" => Value::Float(n / 1e9),
            "Milliseconds" => Value::Int(self.0 / 1_000_000),
            "Microseconds" => Value::Int(self.0 / 1_000),
            "Nanoseconds" => Value::Int(self.0),
            "String" => Value::str(self.text()),
            "Abs" => obj(DurationObject(self.0.saturating_abs())),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "time.Duration"
    }

    fn display(&self) -> String {
        self.text()
    }

    fn as_number(&self) -> Option<f64> {
        Some(self.0 as f64)
    }
}
