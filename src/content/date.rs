//! Calendar dates as content.json writes them (`YYYY-MM-DD`), checked for impossible days.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A day in the Gregorian calendar. Field order makes the derived ordering chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A number that orders dates as the calendar does.
    pub fn ordinal(self) -> u64 {
        u64::from(self.year) << 16 | u64::from(self.month) << 8 | u64::from(self.day)
    }

    /// Parses `YYYY-MM-DD`, rejecting days that do not exist (2025-02-29, 2024-13-01).
    pub fn parse(text: &str) -> Result<Date, String> {
        let shape_error = || format!("\"{text}\" is not a date in the form YYYY-MM-DD");
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(shape_error());
        }
        let number = |range: std::ops::Range<usize>| -> Result<u16, String> {
            let part = &text[range];
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| shape_error())
            } else {
                Err(shape_error())
            }
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        if !(1..=12).contains(&month) {
            return Err(format!("\"{text}\" has month {month}; months run from 01 to 12"));
        }
        let month = month as u8;
        let last_day = days_in_month(year, month);
        if day == 0 || day > u16::from(last_day) {
            return Err(format!("\"{text}\" does not exist: month {month:02} of {year} has {last_day} days"));
        }
        Ok(Date { year, month, day: day as u8 })
    }

    /// The Finnish and Swedish written form, also used on kotoutuminen.fi in English: 18.12.2024.
    pub fn to_dotted(self) -> String {
        format!("{}.{}.{}", self.day, self.month, self.year)
    }

    /// The date as the reader's language writes it: dotted in all three, as kotoutuminen.fi shows it.
    pub fn written_in(self, _lang: crate::i18n::Lang) -> String {
        self.to_dotted()
    }

    /// The form for `<time datetime>` and for content.json.
    pub fn to_iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;

        impl serde::de::Visitor<'_> for DateVisitor {
            type Value = Date;

            // Completes serde's "invalid type: …, expected …" for editors.
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date in quotes, \"YYYY-MM-DD\"")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                Date::parse(text).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(DateVisitor)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_iso())
    }
}

/// In content.schema.json: a string of the right shape; impossible days are left to the validator.
#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A day written year-month-day with leading zeros, for example \"2025-01-31\".",
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
            "examples": ["2025-01-31"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_order_as_dates_do() {
        let dates =
            ["2024-12-31", "2025-01-01", "2025-01-31", "2025-02-01", "2025-10-09"].map(|d| Date::parse(d).unwrap());
        for pair in dates.windows(2) {
            assert!(pair[0] < pair[1] && pair[0].ordinal() < pair[1].ordinal(), "{pair:?}");
        }
    }

    #[test]
    fn parses_real_dates_and_orders_them_chronologically() {
        let earlier = Date::parse("2024-10-22").unwrap();
        let later = Date::parse("2024-12-18").unwrap();
        assert!(earlier < later);
        assert_eq!(later.to_dotted(), "18.12.2024");
        assert_eq!(earlier.to_iso(), "2024-10-22");
    }

    #[test]
    fn accepts_leap_days_only_in_leap_years() {
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        let error = Date::parse("2025-02-29").unwrap_err();
        assert!(error.contains("has 28 days"), "{error}");
        assert!(Date::parse("1900-02-29").is_err());
    }

    #[test]
    fn rejects_wrong_shapes_and_impossible_days() {
        for text in ["18.12.2024", "2024-1-01", "2024-12-1", "abcd-12-01", "2024-12-00", "2024-04-31", "+024-12-01"] {
            assert!(Date::parse(text).is_err(), "{text} should be rejected");
        }
        assert!(Date::parse("2024-13-01").unwrap_err().contains("month 13"));
    }
}
