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

/// Formats `date` with a Go layout (`"2006-01-02"`, `"Jan 2, 2006"`, `time.RFC1123Z`'s
/// text…): each element of Go's reference time stands for that field of `date`.
pub fn format_go(date: &Date, layout: &str) -> String {
    use chrono::{Datelike, Timelike};
    // Longest elements first, as Go's layout scanner prefers them.
    const ELEMENTS: &[&str] = &[
        "January", "Monday", "Z07:00", "-07:00", "Z0700", "-0700", "2006", "_2", "002", "Jan",
        "Mon", "MST", "-07", "01", "02", "03", "04", "05", "06", "15", "PM", "pm", "1", "2", "3",
        "4", "5",
    ];
    let offset = date.offset().local_minus_utc();
    let zone = |colon: bool, z: bool, short: bool| {
        if z && offset == 0 {
            return "Z".to_string();
        }
        let sign = if offset < 0 { '-' } else { '+' };
        let (h, m) = (offset.abs() / 3600, offset.abs() / 60 % 60);
        match (short, colon) {
            (true, _) => format!("{sign}{h:02}"),
            (false, true) => format!("{sign}{h:02}:{m:02}"),
            (false, false) => format!("{sign}{h:02}{m:02}"),
        }
    };
    let hour12 = match date.hour() % 12 {
        0 => 12,
        h => h,
    };
    let mut out = String::new();
    let mut rest = layout;
    'scan: while !rest.is_empty() {
        // Fractional seconds: ".000" (fixed) or ".999" (trailing zeros trimmed).
        if let Some(digits) = rest.strip_prefix('.').or_else(|| rest.strip_prefix(','))
            && let n = digits
                .chars()
                .take_while(|&c| c == '0')
                .count()
                .max(digits.chars().take_while(|&c| c == '9').count())
            && n > 0
            && !digits
                .get(n..)
                .unwrap_or_default()
                .starts_with(|c: char| c.is_ascii_digit())
        {
            let frac = format!("{:09}", date.nanosecond());
            let mut part = frac.get(..n.min(9)).unwrap_or_default().to_string();
            if digits.starts_with('9') {
                part = part.trim_end_matches('0').to_string();
            }
            if !part.is_empty() {
                out.push('.');
                out.push_str(&part);
            }
            rest = digits.get(n..).unwrap_or_default();
            continue;
        }
        for element in ELEMENTS {
            if let Some(after) = rest.strip_prefix(element) {
                let text = match *element {
                    "January" => date.format("%B").to_string(),
                    "Jan" => date.format("%b").to_string(),
                    "Monday" => date.format("%A").to_string(),
                    "Mon" => date.format("%a").to_string(),
                    "2006" => format!("{:04}", date.year()),
                    "06" => format!("{:02}", date.year() % 100),
                    "01" => format!("{:02}", date.month()),
                    "1" => date.month().to_string(),
                    "02" => format!("{:02}", date.day()),
                    "_2" => format!("{:>2}", date.day()),
                    "2" => date.day().to_string(),
                    "002" => format!("{:03}", date.ordinal()),
                    "15" => format!("{:02}", date.hour()),
                    "03" => format!("{hour12:02}"),
                    "3" => hour12.to_string(),
                    "04" => format!("{:02}", date.minute()),
                    "4" => date.minute().to_string(),
                    "05" => format!("{:02}", date.second()),
                    "5" => date.second().to_string(),
                    "PM" => (if date.hour() < 12 { "AM" } else { "PM" }).to_string(),
                    "pm" => (if date.hour() < 12 { "am" } else { "pm" }).to_string(),
                    "MST" => {
                        if offset == 0 {
                            "UTC".to_string()
                        } else {
                            zone(false, false, false)
                        }
                    }
                    "Z07:00" => zone(true, true, false),
                    "-07:00" => zone(true, false, false),
                    "Z0700" => zone(false, true, false),
                    "-0700" => zone(false, false, false),
                    _ => zone(false, false, true),
                };
                out.push_str(&text);
                rest = after;
                continue 'scan;
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    out
}

/// Go's layouts want two-digit fields: `2020-04-24T7:05:54Z` is not a date to Hugo,
/// while chrono would accept the one-digit hour. Digits are ASCII, as in Go (and a
/// Unicode `\d` costs its regular expression a much larger automaton).
fn iso_digits_ok(s: &str) -> bool {
    static ISO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::text::patterns::fixed(
            r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:$|[T ][0-9]{2}:[0-9]{2}(?:$|[^0-9]))",
        )
    });
    !s.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || s.len() < 10
        || !s
            .get(..4)
            .unwrap_or_default()
            .bytes()
            .all(|b| b.is_ascii_digit())
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
    fn go_layouts() {
        let d = parse("2019-04-09T07:05:03.120-03:00").unwrap();
        assert_eq!(format_go(&d, "2006-01-02"), "2019-04-09");
        assert_eq!(format_go(&d, "Jan 2, 2006"), "Apr 9, 2019");
        assert_eq!(
            format_go(&d, "Monday, January _2 3:04PM"),
            "Tuesday, April  9 7:05AM"
        );
        assert_eq!(
            format_go(&d, "2006-01-02T15:04:05Z07:00"),
            "2019-04-09T07:05:03-03:00"
        );
        assert_eq!(
            format_go(&d, "Mon, 02 Jan 2006 15:04:05 -0700"),
            "Tue, 09 Apr 2019 07:05:03 -0300"
        );
        assert_eq!(format_go(&d, "15:04:05.000 | .999"), "07:05:03.120 | .12");
        assert_eq!(format_go(&d, "day 002 of 06"), "day 099 of 19");
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
