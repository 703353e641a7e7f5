//! Dates as Hugo reads them from front matter: the string forms of spf13/cast
//! (RFC 3339 first, then the other layouts Hugo accepts), native TOML/YAML dates
//! (already strings here) and integers as Unix seconds. Zone-less values are UTC.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde_json::Value;

pub type Date = DateTime<FixedOffset>;

/// Layouts with an offset, tried in order (chrono syntax).
const WITH_OFFSET: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%:z",
    "%Y-%m-%dT%H:%M:%S%z",
    "%a, %d %b %Y %H:%M:%S %z",
    "%d %b %y %H:%M %z",
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%d %H:%M:%S%.f %:z",
    "%Y-%m-%d %H:%M:%S%:z",
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S%.f %z %Z",
];

/// Layouts without an offset (read as UTC).
const NAIVE: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%a %b %e %H:%M:%S %Y",
    "%d %b %Y %H:%M",
];

/// Parses a front-matter date value. `Ok(None)` for an empty or absent value;
/// `Err` with the text when it is not a date Hugo would accept.
pub fn parse_value(value: Option<&Value>) -> Result<Option<Date>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match n.as_i64() {
            Some(secs) => Ok(Utc
                .timestamp_opt(secs, 0)
                .single()
                .map(|d| d.fixed_offset())),
            None => Err(n.to_string()),
        },
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => parse(s).map(Some).ok_or_else(|| s.clone()),
        Some(other) => Err(other.to_string()),
    }
}

/// Parses one date string in any of Hugo's accepted forms.
pub fn parse(text: &str) -> Option<Date> {
    let s = text.trim();
    if !iso_digits_ok(s) {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d);
    }
    // A trailing "Z" stands for UTC in every layout.
    let zulu = s.strip_suffix('Z').or_else(|| s.strip_suffix('z'));
    for layout in WITH_OFFSET {
        if let Ok(d) = DateTime::parse_from_str(s, layout) {
            return Some(d);
        }
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d);
    }
    let naive_text = zulu.unwrap_or(s);
    for layout in NAIVE {
        if let Ok(d) = NaiveDateTime::parse_from_str(naive_text, layout) {
            return Some(Utc.from_utc_datetime(&d).fixed_offset());
        }
    }
    for layout in ["%Y-%m-%d", "%d %b %Y", "%Y-%m"] {
        if let Ok(d) = NaiveDate::parse_from_str(naive_text, layout) {
            return Some(
                Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?)
                    .fixed_offset(),
            );
        }
    }
    None
}

/// Go's layouts want two-digit fields: `2020-04-24T7:05:54Z` is not a date to Hugo,
/// while chrono would accept the one-digit hour.
fn iso_digits_ok(s: &str) -> bool {
    static ISO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\d{4}-\d{2}-\d{2}(?:$|[T ]\d{2}:\d{2}(?:$|[^\d]))")
            .expect("valid regex")
    });
    !s.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || s.len() < 10
        || !s[..4].bytes().all(|b| b.is_ascii_digit())
        || ISO.is_match(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> String {
        parse(s)
            .map(|d| d.to_rfc3339())
            .unwrap_or_else(|| "none".into())
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(
            iso("2019-04-09T00:00:00-03:00"),
            "2019-04-09T00:00:00-03:00"
        );
        assert_eq!(iso("2018-08-07T13:34:24Z"), "2018-08-07T13:34:24+00:00");
        assert_eq!(iso("2018-08-07T13:34:24"), "2018-08-07T13:34:24+00:00");
        assert_eq!(iso("2018-08-07 13:34:24"), "2018-08-07T13:34:24+00:00");
        assert_eq!(iso("2018-08-07"), "2018-08-07T00:00:00+00:00");
        assert_eq!(iso("07 Aug 2018"), "2018-08-07T00:00:00+00:00");
        assert_eq!(iso("2019-09-18T10:50:17-0400"), "2019-09-18T10:50:17-04:00");
        assert_eq!(
            iso("Tue, 07 Aug 2018 13:34:24 +0200"),
            "2018-08-07T13:34:24+02:00"
        );
        assert_eq!(
            iso("2018-08-07 13:34:24 +0200"),
            "2018-08-07T13:34:24+02:00"
        );
    }

    #[test]
    fn rejected_forms() {
        assert_eq!(iso("2020-04-24T7:05:54Z"), "none");
        assert_eq!(iso("yesterday"), "none");
    }

    #[test]
    fn integers_are_unix_seconds() {
        let d = parse_value(Some(&Value::from(86400))).unwrap().unwrap();
        assert_eq!(d.to_rfc3339(), "1970-01-02T00:00:00+00:00");
    }
}
