//! Calendar dates written `YYYY-MM-DD` in the content files.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::Weekday;

const ISO: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");
// Only the builder writes dates this way (the browser modules leave it out: a function
// nothing calls still moves the bytes of a module).
#[cfg(not(target_arch = "wasm32"))]
const RU: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[day].[month].[year]");

/// A date as written in content files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate(pub time::Date);

impl IsoDate {
    pub fn parse(s: &str) -> Option<IsoDate> {
        time::Date::parse(s.trim(), ISO).ok().map(IsoDate)
    }

    /// `05.09.2026`, as a Russian text writes a date (the builder's; not in the browser modules).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn russian(self) -> String {
        self.0.format(RU).unwrap_or_default()
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    pub fn is_weekend(self) -> bool {
        matches!(self.0.weekday(), Weekday::Saturday | Weekday::Sunday)
    }

    /// Russian name of the weekday, lowercase: «суббота».
    pub fn weekday_ru(self) -> &'static str {
        match self.0.weekday() {
            Weekday::Monday => "понедельник",
            Weekday::Tuesday => "вторник",
            Weekday::Wednesday => "среда",
            Weekday::Thursday => "четверг",
            Weekday::Friday => "пятница",
            Weekday::Saturday => "суббота",
            Weekday::Sunday => "воскресенье",
        }
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.format(ISO).map_err(|_| fmt::Error)?)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        IsoDate::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid date `{s}`: write it as YYYY-MM-DD, e.g. 2025-09-01"
            ))
        })
    }
}

/// What a date of a content file looks like, for the JSON Schemas (`pamyatka schema`): the
/// shape `YYYY-MM-DD` with a real month and day; the day's existence in its month is the
/// loader's (a pattern cannot tell 2026-02-30).
pub const ISO_DATE_PATTERN: &str = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$";

#[cfg(feature = "schema")]
impl schemars::JsonSchema for IsoDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "IsoDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "pattern": ISO_DATE_PATTERN})
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_names_weekdays() {
        let d = IsoDate::parse("2026-09-05").unwrap();
        assert_eq!(d.to_string(), "2026-09-05");
        assert_eq!(d.russian(), "05.09.2026");
        assert!(d.is_weekend());
        assert_eq!(d.weekday_ru(), "суббота");
        assert!(IsoDate::parse("2026-02-29").is_none());
        assert!(IsoDate::parse("05.09.2026").is_none());
    }
}
