//! The dates editors write (front matter's `updated`, `changes[].date`, `source.date`; a
//! regulation table's `updated`) are the checks crate's [`IsoDate`]. What this module adds is
//! how they are read and described: a year in [`YEARS`], an error in the editor's language at
//! the value, and the schema `Date` (`pamyatka schema`). A field says
//! `#[serde(deserialize_with = "date::plausible")]` and `#[schemars(with = "date::Plausible")]`
//! (`date::plausible_option` and `Option<date::Plausible>` for an optional one).

use std::fmt;

use pamyatka_checks::date::IsoDate;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};

/// The years a date written by an editor may have: anything else is a typo (`0025-09-01`,
/// `2205-09-01`). The sources include laws of the 1990s.
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// [`YEARS`] and the shape `YYYY-MM-DD` as a regular expression.
pub const DATE_PATTERN: &str = r"^(199\d|20\d\d|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$";

/// An [`IsoDate`] as an editor's file gives it: only read (into the date) and described in the
/// schemas, never kept.
pub struct Plausible(pub IsoDate);

impl<'de> Deserialize<'de> for Plausible {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Checked inside the visitor, so that serde_norway reports the error at the value.
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Plausible;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Plausible, E> {
                let date = IsoDate::parse(s)
                    .ok_or_else(|| E::custom(crate::tr!("fm-date-invalid", value = s)))?;
                if !YEARS.contains(&date.year()) {
                    return Err(E::custom(crate::tr!(
                        "fm-date-implausible",
                        value = s,
                        from = YEARS.start().to_string(),
                        to = YEARS.end().to_string()
                    )));
                }
                Ok(Plausible(date))
            }
        }
        d.deserialize_str(V)
    }
}

impl JsonSchema for Plausible {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    /// `YYYY-MM-DD` with a year in [`YEARS`] (the day's existence in its month is the
    /// loader's: a pattern cannot tell 2026-02-30).
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": DATE_PATTERN,
            "examples": ["2026-09-01"],
        })
    }
}

/// A required date.
pub fn plausible<'de, D: Deserializer<'de>>(d: D) -> Result<IsoDate, D::Error> {
    Plausible::deserialize(d).map(|p| p.0)
}

/// An optional date (`null` or left out: none).
pub fn plausible_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<IsoDate>, D::Error> {
    Option::<Plausible>::deserialize(d).map(|p| p.map(|p| p.0))
}
