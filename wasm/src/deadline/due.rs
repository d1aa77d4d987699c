//! When a computed period ends: a day, or a day and a time for periods in hours. Written
//! `2026-09-04` or `2026-09-07T15:00` in the JSON the CLI and the browser give.

use std::fmt;

use serde::{Serialize, Serializer};
use time::Time;

use crate::date::IsoDate;

/// A computed date of a [`super::Computed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Due {
    /// A day (periods in days, annual dates, a month's last working day).
    Date(IsoDate),
    /// A day and the time of day, to the minute (periods in hours).
    DateTime(IsoDate, Time),
}

impl Due {
    /// The day, whatever the time.
    pub fn date(self) -> IsoDate {
        match self {
            Due::Date(d) | Due::DateTime(d, _) => d,
        }
    }
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::Date(d) => fmt::Display::fmt(d, f),
            Due::DateTime(d, t) => write!(f, "{d}T{:02}:{:02}", t.hour(), t.minute()),
        }
    }
}

impl Serialize for Due {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_and_a_moment_are_written_as_iso() {
        let day = IsoDate::parse("2026-09-07").unwrap();
        assert_eq!(Due::Date(day).to_string(), "2026-09-07");
        let moment = Due::DateTime(day, Time::from_hms(9, 5, 59).unwrap());
        assert_eq!(moment.to_string(), "2026-09-07T09:05");
        assert_eq!(moment.date(), day);
        assert_eq!(
            serde_json::to_string(&moment).unwrap(),
            "\"2026-09-07T09:05\""
        );
    }
}
