//! Arbitrary UTF-8 → `deadline::parse`; every cell that parses → `compute_all` from several
//! reference dates, on an empty production calendar and on the real one (content/calendar/).
//! Besides panics, fails when a computed date is not ISO (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM`
//! for periods in hours).

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pamyatka_checks::calendar::{ProductionCalendar, YearData};
use pamyatka_checks::deadline::{Due, From, Rule, compute_all, parse};
use time::{Date, Month, Time};

const YEARS: &[&str] = &[
    include_str!("../../../content/calendar/2024.yaml"),
    include_str!("../../../content/calendar/2025.yaml"),
    include_str!("../../../content/calendar/2026.yaml"),
    include_str!("../../../content/calendar/2027.yaml"),
];

fn calendars() -> &'static [ProductionCalendar; 2] {
    static CALS: OnceLock<[ProductionCalendar; 2]> = OnceLock::new();
    CALS.get_or_init(|| {
        let years: Vec<YearData> = YEARS
            .iter()
            .map(|y| serde_norway::from_str(y).expect("content/calendar/*.yaml matches YearData"))
            .collect();
        [
            ProductionCalendar::default(),
            ProductionCalendar::new(&years),
        ]
    })
}

const ISO_DATE: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");
const HH_MM: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[hour]:[minute]");

fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && Date::parse(s, ISO_DATE).is_ok()
}

fn is_iso_date_time(s: &str) -> bool {
    s.split_once('T')
        .is_some_and(|(d, t)| is_iso_date(d) && t.len() == 5 && Time::parse(t, HH_MM).is_ok())
}

fn date(y: i32, m: Month, d: u8) -> Date {
    Date::from_calendar_date(y, m, d).unwrap()
}

/// Fixed reference dates at the edges (range ends, year ends, inside the calendar data), plus one
/// derived from the input so the fuzzer can move it.
fn froms(data: &[u8]) -> [From; 5] {
    let late = Some(Time::from_hms(23, 59, 0).unwrap());
    // FNV-1a of the input → a day of 1990–2100 and a time of day (or none).
    let h = data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let lo = date(1990, Month::January, 1).to_julian_day();
    let hi = date(2100, Month::December, 31).to_julian_day();
    let jd = lo + (h % (hi - lo + 1) as u64) as i32;
    let mins = (h >> 32) % (24 * 60 + 1);
    let time =
        (mins < 24 * 60).then(|| Time::from_hms((mins / 60) as u8, (mins % 60) as u8, 0).unwrap());
    [
        From {
            date: date(1990, Month::January, 1),
            time: None,
        },
        From {
            date: date(2025, Month::December, 31),
            time: late,
        },
        From {
            date: date(2026, Month::September, 1),
            time: None,
        },
        From {
            date: date(2100, Month::December, 31),
            time: late,
        },
        From {
            date: Date::from_julian_day(jd).unwrap(),
            time,
        },
    ]
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(rules) = parse(text) else {
        return;
    };
    for from in froms(data) {
        for cal in calendars() {
            let computed = compute_all(&rules, from, cal);
            assert_eq!(computed.len(), rules.len());
            for c in &computed {
                for d in [&c.deadline, &c.nominal, &c.safe, &c.legal]
                    .into_iter()
                    .flatten()
                {
                    let written = d.to_string();
                    let ok = if matches!(c.rule, Rule::Hours { .. }) {
                        matches!(d, Due::DateTime(..)) && is_iso_date_time(&written)
                    } else {
                        matches!(d, Due::Date(_)) && is_iso_date(&written)
                    };
                    assert!(ok, "{text:?} from {from:?}: {d:?} is not ISO");
                }
                for v in [
                    &c.period_start,
                    &c.period_end,
                    &c.last_working_day,
                ]
                .into_iter()
                .flatten()
                {
                    assert!(
                        is_iso_date(&v.to_string()),
                        "{text:?} from {from:?}: {v:?} is not YYYY-MM-DD"
                    );
                }
            }
        }
    }
});
