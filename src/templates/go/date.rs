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
