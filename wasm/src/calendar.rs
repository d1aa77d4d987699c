//! The Russian production calendar (производственный календарь): which days are working days.
//!
//! One [`YearData`] per year, as the editors write it in `content/calendar/<year>.yaml`: the
//! Labour Code art. 112 holidays, the days off moved by the Government's annual decree (and by
//! art. 112 part 2 when a holiday falls on a weekend), and weekends made working days.
//! [`YearData::problems`] checks a year for internal consistency, so a typo in a date is caught
//! when the site is built rather than when a deadline comes out wrong.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::date::IsoDate;

/// The decree a year's calendar comes from.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub decree: String,
    pub date: IsoDate,
    pub title: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub date: IsoDate,
    pub name: String,
}

/// Why a day off moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Basis {
    /// The Government's decree (ТК РФ ст. 112 ч. 5).
    #[serde(rename = "decree")]
    Decree,
    /// A holiday on a weekend moves to the next working day (ТК РФ ст. 112 ч. 2).
    #[serde(rename = "tk-112-2")]
    Tk112Part2,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    pub from: IsoDate,
    pub to: IsoDate,
    pub basis: Basis,
}

/// Where a year's calendar stands in law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Status {
    /// The Government decree is officially published.
    #[default]
    #[serde(rename = "in-force")]
    InForce,
    /// The decree is a draft, or its official publication is not confirmed: dates counted on
    /// this year may change.
    #[serde(rename = "draft")]
    Draft,
}

/// The calendar years a date was counted on whose calendar is not in force, in order, with their
/// status (`{"2027": "draft"}` in JSON); empty when every year it relied on is in force. A sorted
/// list, not a map: the browser's module stays small (a map's collect brings a sort with it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotInForce(Vec<(i32, Status)>);

impl NotInForce {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The years, in order.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.0.iter().map(|(y, _)| *y)
    }

    /// Each year with its status, in order.
    pub fn iter(&self) -> impl Iterator<Item = (i32, Status)> + '_ {
        self.0.iter().copied()
    }

    /// Add a year (once).
    pub fn add(&mut self, year: i32, status: Status) {
        if let Err(i) = self.0.binary_search_by_key(&year, |(y, _)| *y) {
            self.0.insert(i, (year, status));
        }
    }
}

impl FromIterator<(i32, Status)> for NotInForce {
    fn from_iter<I: IntoIterator<Item = (i32, Status)>>(iter: I) -> Self {
        let mut out = NotInForce::default();
        for (year, status) in iter {
            out.add(year, status);
        }
        out
    }
}

impl Serialize for NotInForce {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(y, st)| (y, st)))
    }
}

/// One year of the production calendar.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearData {
    pub year: i32,
    /// The legal basis: the decree the year's days off come from.
    pub source: Source,
    /// Whether that decree is in force (officially published) or a draft.
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub holidays: Vec<Holiday>,
    #[serde(default)]
    pub transfers: Vec<Transfer>,
    #[serde(default)]
    pub extra_days_off: Vec<IsoDate>,
    #[serde(default)]
    pub working_weekends: Vec<IsoDate>,
    #[serde(default)]
    pub shortened: Vec<IsoDate>,
    pub working_days_total: u32,
}

impl YearData {
    /// Is `d` (in this year) a working day?
    fn is_working(&self, d: IsoDate, off: &BTreeSet<IsoDate>, working: &BTreeSet<IsoDate>) -> bool {
        if working.contains(&d) {
            return true;
        }
        !(d.is_weekend() || off.contains(&d))
    }

    /// Everything inconsistent in this year's data, as facts the builder words in its own
    /// language and locates in the file (each carries the value at fault).
    pub fn problems(&self) -> Vec<CalendarProblem> {
        let mut out = Vec::new();
        let in_year = |d: &IsoDate| d.year() == self.year;
        let mut all: Vec<(DateList, IsoDate)> = Vec::new();
        all.extend(self.holidays.iter().map(|h| (DateList::Holidays, h.date)));
        all.extend(
            self.extra_days_off
                .iter()
                .map(|d| (DateList::ExtraDaysOff, *d)),
        );
        all.extend(
            self.working_weekends
                .iter()
                .map(|d| (DateList::WorkingWeekends, *d)),
        );
        all.extend(self.shortened.iter().map(|d| (DateList::Shortened, *d)));
        for (list, date) in all {
            if !in_year(&date) {
                out.push(CalendarProblem::OutsideYear {
                    list,
                    date,
                    year: self.year,
                });
            }
        }
        for &date in &self.extra_days_off {
            if date.is_weekend() {
                out.push(CalendarProblem::ExtraDayOffOnWeekend { date });
            }
        }
        for &date in &self.working_weekends {
            if !date.is_weekend() {
                out.push(CalendarProblem::WorkingWeekendOnWeekday { date });
            }
        }
        let holidays: BTreeSet<IsoDate> = self.holidays.iter().map(|h| h.date).collect();
        for t in &self.transfers {
            if t.to.year() == self.year && !self.extra_days_off.contains(&t.to) {
                out.push(CalendarProblem::TransferNotDayOff { to: t.to });
            }
            if t.basis == Basis::Tk112Part2 && !holidays.contains(&t.from) {
                out.push(CalendarProblem::TransferFromNotHoliday { from: t.from });
            }
        }
        for &date in &self.working_weekends {
            if holidays.contains(&date) {
                out.push(CalendarProblem::WorkingWeekendIsHoliday { date });
            }
        }
        let off: BTreeSet<IsoDate> = holidays
            .iter()
            .chain(&self.extra_days_off)
            .copied()
            .collect();
        let working: BTreeSet<IsoDate> = self.working_weekends.iter().copied().collect();
        if let Ok(first) = time::Date::from_calendar_date(self.year, time::Month::January, 1) {
            let mut d = first;
            let mut total = 0;
            while d.year() == self.year {
                if self.is_working(IsoDate(d), &off, &working) {
                    total += 1;
                }
                match d.next_day() {
                    Some(n) => d = n,
                    None => break,
                }
            }
            if total != self.working_days_total {
                out.push(CalendarProblem::WrongTotal {
                    counted: total,
                    stated: self.working_days_total,
                });
            }
        }
        out
    }
}

/// A list of dates in a year's calendar file, by its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateList {
    Holidays,
    ExtraDaysOff,
    WorkingWeekends,
    Shortened,
}

impl DateList {
    /// The key in the YAML file.
    pub fn key(self) -> &'static str {
        match self {
            DateList::Holidays => "holidays",
            DateList::ExtraDaysOff => "extra_days_off",
            DateList::WorkingWeekends => "working_weekends",
            DateList::Shortened => "shortened",
        }
    }
}

/// One inconsistency of a year's calendar file ([`YearData::problems`]). The builder says it
/// in the editor's language; the value at fault is the one to point at in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarProblem {
    /// A date of `list` that is not in the file's year.
    OutsideYear {
        list: DateList,
        date: IsoDate,
        year: i32,
    },
    /// An extra day off on a Saturday or Sunday, already a day off.
    ExtraDayOffOnWeekend { date: IsoDate },
    /// A working weekend on a weekday.
    WorkingWeekendOnWeekday { date: IsoDate },
    /// A transfer whose new day off is not listed in `extra_days_off`.
    TransferNotDayOff { to: IsoDate },
    /// A transfer by ТК ст. 112 ч. 2 from a day that is not a holiday.
    TransferFromNotHoliday { from: IsoDate },
    /// A working weekend that is also a holiday.
    WorkingWeekendIsHoliday { date: IsoDate },
    /// `working_days_total` differs from the working days the dates give.
    WrongTotal { counted: u32, stated: u32 },
}

impl CalendarProblem {
    /// The key the problem is about.
    pub fn key(&self) -> &'static str {
        match self {
            CalendarProblem::OutsideYear { list, .. } => list.key(),
            CalendarProblem::ExtraDayOffOnWeekend { .. } => "extra_days_off",
            CalendarProblem::WorkingWeekendOnWeekday { .. }
            | CalendarProblem::WorkingWeekendIsHoliday { .. } => "working_weekends",
            CalendarProblem::TransferNotDayOff { .. }
            | CalendarProblem::TransferFromNotHoliday { .. } => "transfers",
            CalendarProblem::WrongTotal { .. } => "working_days_total",
        }
    }

    /// The value at fault, as the file writes it.
    pub fn value(&self) -> String {
        match self {
            CalendarProblem::OutsideYear { date, .. }
            | CalendarProblem::ExtraDayOffOnWeekend { date }
            | CalendarProblem::WorkingWeekendOnWeekday { date }
            | CalendarProblem::WorkingWeekendIsHoliday { date }
            | CalendarProblem::TransferNotDayOff { to: date }
            | CalendarProblem::TransferFromNotHoliday { from: date } => date.to_string(),
            CalendarProblem::WrongTotal { stated, .. } => stated.to_string(),
        }
    }
}

/// Working-day knowledge for every year the site has data for.
#[derive(Debug, Clone, Default)]
pub struct ProductionCalendar {
    years: BTreeMap<i32, YearSets>,
}

#[derive(Debug, Clone, Default)]
struct YearSets {
    off: BTreeSet<IsoDate>,
    working: BTreeSet<IsoDate>,
    holidays: BTreeMap<IsoDate, String>,
    status: Status,
}

impl ProductionCalendar {
    pub fn new(years: &[YearData]) -> Self {
        let mut cal = ProductionCalendar::default();
        for y in years {
            let sets = cal.years.entry(y.year).or_default();
            sets.status = y.status;
            for h in &y.holidays {
                sets.off.insert(h.date);
                sets.holidays.insert(h.date, h.name.clone());
            }
            sets.off.extend(&y.extra_days_off);
            sets.working.extend(&y.working_weekends);
        }
        cal
    }

    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.keys().copied()
    }

    pub fn covers(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// The status of a year's calendar; `None` when the year has no data.
    pub fn status(&self, year: i32) -> Option<Status> {
        self.years.get(&year).map(|s| s.status)
    }

    /// The years from `first`'s to `last`'s (a range of days the arithmetic looked at) whose
    /// calendar is not in force.
    pub fn not_in_force(&self, first: IsoDate, last: IsoDate) -> NotInForce {
        let looked_at = first.year().min(last.year())..=last.year().max(first.year());
        self.years
            .iter()
            .filter(|(y, s)| looked_at.contains(*y) && s.status != Status::InForce)
            .map(|(y, s)| (*y, s.status))
            .collect()
    }

    /// `Some(true)` for a working day, `None` when the year has no data (never a guess).
    pub fn is_working_day(&self, d: IsoDate) -> Option<bool> {
        let sets = self.years.get(&d.year())?;
        if sets.working.contains(&d) {
            return Some(true);
        }
        Some(!(d.is_weekend() || sets.off.contains(&d)))
    }

    /// Why a day is not a working day, in Russian, as it reads inside a sentence: «суббота»,
    /// «День России», «новогодние каникулы», «перенесённый выходной день».
    pub fn why_off(&self, d: IsoDate) -> Option<String> {
        let sets = self.years.get(&d.year())?;
        if let Some(name) = sets.holidays.get(&d) {
            return Some(in_sentence(name));
        }
        if sets.off.contains(&d) {
            return Some("перенесённый выходной день".to_string());
        }
        if d.is_weekend() && !sets.working.contains(&d) {
            return Some(d.weekday_ru().to_string());
        }
        None
    }
}

/// What a reader is told next to a date counted on years not in force: «по проекту
/// производственного календаря на 2027 год — проверьте после его утверждения» (lower-case, to
/// follow a date; non-breaking space in «2027 год»). `None` when every year is in force. The
/// browser's calculator (`templates/assets/calc.js`) writes the same.
pub fn not_in_force_ru(years: &NotInForce) -> Option<String> {
    let names: Vec<String> = years.years().map(|y| y.to_string()).collect();
    let (list, unit, its) = match names.as_slice() {
        [] => return None,
        [one] => (one.clone(), "год", "его"),
        [init @ .., last] => (format!("{} и {last}", init.join(", ")), "годы", "их"),
    };
    Some(format!(
        "по проекту производственного календаря на {list}\u{a0}{unit} — проверьте после {its} утверждения"
    ))
}

/// The words that make a calendar name a period of days off («Новогодние каникулы»), not the
/// proper name of a holiday («День России», «Праздник Весны и Труда», «Рождество Христово»).
const PERIOD_WORDS: [&str; 3] = ["каникулы", "праздники", "выходные"];

/// A holiday's name as written inside a sentence: a proper name keeps its capital letter, the
/// name of a period («Новогодние каникулы») starts lower-case («… — новогодние каникулы»).
pub fn in_sentence(name: &str) -> String {
    let last = name.split_whitespace().last().unwrap_or("").to_lowercase();
    if !PERIOD_WORDS.contains(&last.as_str()) {
        return name.to_string();
    }
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> IsoDate {
        IsoDate::parse(s).unwrap()
    }

    /// 2025 per Government decree № 1335 of 04.10.2024: 247 working days; 1 Nov (Sat) worked.
    fn year_2025() -> YearData {
        let h = |s: &str, n: &str| Holiday {
            date: d(s),
            name: n.to_string(),
        };
        YearData {
            year: 2025,
            source: Source {
                decree: "1335".into(),
                date: d("2024-10-04"),
                title: "О переносе выходных дней в 2025 году".into(),
            },
            status: Status::InForce,
            note: None,
            holidays: vec![
                h("2025-01-01", "Новогодние каникулы"),
                h("2025-01-02", "Новогодние каникулы"),
                h("2025-01-03", "Новогодние каникулы"),
                h("2025-01-04", "Новогодние каникулы"),
                h("2025-01-05", "Новогодние каникулы"),
                h("2025-01-06", "Новогодние каникулы"),
                h("2025-01-07", "Рождество Христово"),
                h("2025-01-08", "Новогодние каникулы"),
                h("2025-02-23", "День защитника Отечества"),
                h("2025-03-08", "Международный женский день"),
                h("2025-05-01", "Праздник Весны и Труда"),
                h("2025-05-09", "День Победы"),
                h("2025-06-12", "День России"),
                h("2025-11-04", "День народного единства"),
            ],
            transfers: vec![
                Transfer {
                    from: d("2025-01-04"),
                    to: d("2025-05-02"),
                    basis: Basis::Decree,
                },
                Transfer {
                    from: d("2025-01-05"),
                    to: d("2025-12-31"),
                    basis: Basis::Decree,
                },
                Transfer {
                    from: d("2025-02-23"),
                    to: d("2025-05-08"),
                    basis: Basis::Decree,
                },
                Transfer {
                    from: d("2025-03-08"),
                    to: d("2025-06-13"),
                    basis: Basis::Decree,
                },
                Transfer {
                    from: d("2025-11-01"),
                    to: d("2025-11-03"),
                    basis: Basis::Decree,
                },
            ],
            extra_days_off: vec![
                d("2025-05-02"),
                d("2025-05-08"),
                d("2025-06-13"),
                d("2025-11-03"),
                d("2025-12-31"),
            ],
            working_weekends: vec![d("2025-11-01")],
            shortened: vec![],
            working_days_total: 247,
        }
    }

    #[test]
    fn year_2025_is_consistent() {
        let problems = year_2025().problems();
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn wrong_total_and_misplaced_days_are_reported() {
        let mut y = year_2025();
        y.working_days_total = 250;
        y.extra_days_off.push(d("2025-05-10")); // a Saturday
        y.working_weekends.push(d("2025-11-05")); // a Wednesday
        let p = y.problems();
        assert_eq!(
            p,
            [
                CalendarProblem::ExtraDayOffOnWeekend {
                    date: d("2025-05-10")
                },
                CalendarProblem::WorkingWeekendOnWeekday {
                    date: d("2025-11-05")
                },
                CalendarProblem::WrongTotal {
                    counted: 247,
                    stated: 250
                },
            ]
        );
        assert_eq!(p[2].key(), "working_days_total");
        assert_eq!(p[2].value(), "250");
        assert_eq!(p[0].value(), "2025-05-10");
    }

    #[test]
    fn working_days_follow_the_decree() {
        let cal = ProductionCalendar::new(&[year_2025()]);
        assert_eq!(
            cal.is_working_day(d("2025-11-01")),
            Some(true),
            "working Saturday"
        );
        assert_eq!(
            cal.is_working_day(d("2025-11-03")),
            Some(false),
            "moved day off"
        );
        assert_eq!(cal.is_working_day(d("2025-11-04")), Some(false), "holiday");
        assert_eq!(cal.is_working_day(d("2025-11-05")), Some(true));
        assert_eq!(cal.is_working_day(d("2025-11-08")), Some(false), "Saturday");
        assert_eq!(
            cal.is_working_day(d("2026-01-12")),
            None,
            "no data: no guess"
        );
        assert_eq!(cal.why_off(d("2025-06-12")).unwrap(), "День России");
        assert_eq!(cal.why_off(d("2025-01-02")).unwrap(), "новогодние каникулы");
        assert_eq!(cal.why_off(d("2025-11-08")).unwrap(), "суббота");
        assert_eq!(
            cal.why_off(d("2025-11-03")).unwrap(),
            "перенесённый выходной день"
        );
    }

    #[test]
    fn draft_years_are_named_for_the_reader() {
        let mut y2026 = year_2025();
        y2026.year = 2026;
        let mut y2027 = year_2025();
        y2027.year = 2027;
        y2027.status = Status::Draft;
        let cal = ProductionCalendar::new(&[year_2025(), y2026, y2027]);
        assert_eq!(cal.status(2027), Some(Status::Draft));
        assert_eq!(cal.status(2028), None);
        assert!(
            cal.not_in_force(d("2025-12-30"), d("2026-01-12"))
                .is_empty()
        );
        let drafts = cal.not_in_force(d("2026-12-30"), d("2027-01-11"));
        assert_eq!(drafts, [(2027, Status::Draft)].into_iter().collect());
        assert_eq!(
            not_in_force_ru(&drafts).unwrap(),
            "по проекту производственного календаря на 2027\u{a0}год — проверьте после его утверждения"
        );
        assert_eq!(not_in_force_ru(&NotInForce::default()), None);
        let two = [
            (2028, Status::Draft),
            (2027, Status::Draft),
            (2028, Status::Draft),
        ]
        .into_iter()
        .collect();
        assert!(
            not_in_force_ru(&two)
                .unwrap()
                .contains("на 2027 и 2028\u{a0}годы — проверьте после их")
        );
    }

    #[test]
    fn period_names_start_lower_case_inside_a_sentence() {
        assert_eq!(in_sentence("Новогодние каникулы"), "новогодние каникулы");
        assert_eq!(in_sentence("Майские праздники"), "майские праздники");
        for proper in [
            "День России",
            "Праздник Весны и Труда",
            "Рождество Христово",
            "Международный женский день",
        ] {
            assert_eq!(in_sentence(proper), proper);
        }
    }
}
