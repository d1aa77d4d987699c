//! Deadline arithmetic per the Civil Code (ГК РФ ст. 190–194):
//! - a period starts on the day after the event (ст. 191) and a period of N days ends on day N;
//! - when that last day is non-working, the period ends on the next working day (ст. 193) — also
//!   for fixed annual dates; the nominal date is kept alongside;
//! - «дней» without «рабочих» are calendar days; working days follow the production calendar
//!   (moved days off and working Saturdays included);
//! - hours run continuously from the event's time, nights and holidays included;
//! - a year with no calendar data gives a warning, never a silent guess.
//!
//! Every dated answer carries three dates, each labelled for the reader (issue #19):
//! - `nominal` — what the text says: the annual date, the event + N calendar days, the N-th
//!   working day, the moment N hours on;
//! - `safe` — the last working day on or before `nominal` that is not before the period starts
//!   (calendar days: the day after the event; an annual date: the reference date). It is the
//!   day a school acts on, and the `deadline` (the headline, the agenda's and the .ics date).
//!   When no working day is left in that range, it is the legal day;
//! - `legal` — art. 193: the first working day on or after `nominal`. A note, never the headline.
//!
//! Working days and hours: the three coincide (a working day is never moved; art. 193 does not
//! speak of hours), and the reader sees one date. «N раз в месяц» is a frequency, not a period:
//! it has no nominal/safe/legal but `period_start`, `period_end` (the calendar month of the
//! reference date) and `last_working_day` (the month's last working day, the `deadline`) —
//! never a date in the next month. A year without calendar data: `safe`/`legal` (or
//! `last_working_day`) are left out with a warning, and the `deadline` is the text's date.
//!
//! Each date also says which calendar years it was counted on that are not in force (a draft
//! decree): `calendar_status` (see [`CalendarStatus`]). A date relies on every year of the days
//! the arithmetic looked at to find it — the working days counted, the days art. 193 skipped,
//! the days the safe date stepped back over; the text's date of a period in calendar days relies
//! on none.

use serde::Serialize;
use time::{Date, Duration, Month, PrimitiveDateTime, Time};

use super::Due;
use super::parse::{MONTHS, Rule};
use crate::calendar::{NotInForce, ProductionCalendar};
use crate::date::IsoDate;

/// When the event happened (the reference date for annual and monthly rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct From {
    pub date: Date,
    /// Time of day, when known (needed for periods in hours).
    pub time: Option<Time>,
}

impl From {
    /// `2026-09-01` or `2026-09-01T14:30`.
    pub fn parse(s: &str) -> Option<From> {
        let s = s.trim();
        let (d, t) = match s.split_once(['T', ' ']) {
            Some((d, t)) => (d, Some(t)),
            None => (s, None),
        };
        let date = IsoDate::parse(d)?.0;
        let time = match t {
            None => None,
            Some(t) => {
                let (h, m) = t.split_once(':')?;
                Some(Time::from_hms(h.parse().ok()?, m.get(..2)?.parse().ok()?, 0).ok()?)
            }
        };
        Some(From { date, time })
    }
}

/// The answer for one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Computed {
    pub kind: &'static str,
    /// The rule as understood, for display.
    pub rule: Rule,
    /// The rule in a reader's words ([`Rule::in_words`]): «3\u{a0}рабочих дня».
    pub rule_text: String,
    /// The date to act by, the headline: the safe date (monthly: the month's last working day);
    /// without calendar data, the text's date. A day (`2026-09-04`), or a day and time
    /// (`2026-09-07T15:00`) for hours, as are the three below.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Due>,
    /// The last day as the text gives it (not for monthly).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nominal: Option<Due>,
    /// The last working day on or before `nominal` (see the module doc); `None` without data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub safe: Option<Due>,
    /// The art. 193 day: the first working day on or after `nominal`; `None` without data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal: Option<Due>,
    /// Why the nominal day is not a working day («суббота», «День России»), when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_because: Option<String>,
    /// Weekday of the deadline, in Russian.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<&'static str>,
    /// Monthly: the month's first day, its last day and its last working day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_start: Option<IsoDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_end: Option<IsoDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_working_day: Option<IsoDate>,
    /// The calendar years not in force each date relied on; left out when there are none.
    #[serde(skip_serializing_if = "CalendarStatus::is_empty")]
    pub calendar_status: CalendarStatus,
    pub warnings: Vec<String>,
}

/// Per date of a [`Computed`], the years it was counted on whose calendar is not in force.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CalendarStatus {
    #[serde(skip_serializing_if = "NotInForce::is_empty")]
    pub nominal: NotInForce,
    #[serde(skip_serializing_if = "NotInForce::is_empty")]
    pub safe: NotInForce,
    #[serde(skip_serializing_if = "NotInForce::is_empty")]
    pub legal: NotInForce,
    #[serde(skip_serializing_if = "NotInForce::is_empty")]
    pub last_working_day: NotInForce,
}

impl CalendarStatus {
    pub fn is_empty(&self) -> bool {
        self.all().is_empty()
    }

    /// Every year not in force that any date relied on.
    pub fn all(&self) -> NotInForce {
        [
            &self.nominal,
            &self.safe,
            &self.legal,
            &self.last_working_day,
        ]
        .into_iter()
        .flat_map(NotInForce::iter)
        .collect()
    }
}

impl Computed {
    /// The years not in force behind the `deadline`, the date a school acts on (the .ics
    /// event's date): the safe date's, a month's last working day's.
    pub fn deadline_not_in_force(&self) -> &NotInForce {
        let s = &self.calendar_status;
        if self.last_working_day.is_some() {
            &s.last_working_day
        } else if self.safe.is_some() {
            &s.safe
        } else {
            &s.nominal
        }
    }
}

impl Computed {
    fn new(rule: &Rule) -> Computed {
        Computed {
            kind: match rule {
                Rule::CalendarDays { .. } => "calendar_days",
                Rule::WorkingDays { .. } => "working_days",
                Rule::Hours { .. } => "hours",
                Rule::AnnualBy { .. } => "annual_by",
                Rule::Monthly { .. } => "monthly",
                Rule::Text { .. } => "text",
            },
            rule: rule.clone(),
            rule_text: rule.in_words(),
            deadline: None,
            nominal: None,
            safe: None,
            legal: None,
            moved_because: None,
            weekday: None,
            period_start: None,
            period_end: None,
            last_working_day: None,
            calendar_status: CalendarStatus::default(),
            warnings: Vec::new(),
        }
    }
}

/// A dated answer's day.
fn due_on(d: Date) -> Option<Due> {
    Some(Due::Date(IsoDate(d)))
}

/// The article that moves a deadline off a day off, as every text shown to a reader cites it:
/// non-breaking spaces, so that «(ст.» and «193 ГК РФ)» never fall on different lines. The
/// browser's calculator (`templates/assets/calc.js`) writes the same.
pub const ART_193: &str = "ст.\u{a0}193\u{a0}ГК\u{a0}РФ";

/// A date past 31 Dec 9999 (the last one the arithmetic knows).
const BEYOND: &str = "срок выходит за 9999 год: такой даты нет в календаре, срок не вычислен";

fn no_data(year: i32) -> String {
    format!(
        "нет данных производственного календаря на {year} год: рабочие и выходные дни этого года неизвестны"
    )
}

/// Art. 193: the first working day on or after `d`. `None` when a year has no data.
fn on_or_after_working(cal: &ProductionCalendar, mut d: Date) -> Result<Date, i32> {
    for _ in 0..400 {
        match cal.is_working_day(IsoDate(d)) {
            Some(true) => return Ok(d),
            // Past 31 Dec 9999 there is no date, so no calendar either.
            Some(false) => d = d.next_day().ok_or(d.year() + 1)?,
            None => return Err(d.year()),
        }
    }
    Err(d.year())
}

/// The last working day on or before `d` and not before `first`: `Ok(None)` when there is
/// none in that range, `Err(year)` when a year on the way has no data.
fn on_or_before_working(
    cal: &ProductionCalendar,
    mut d: Date,
    first: Date,
) -> Result<Option<Date>, i32> {
    while d >= first {
        match cal.is_working_day(IsoDate(d)) {
            Some(true) => return Ok(Some(d)),
            Some(false) => match d.previous_day() {
                Some(p) => d = p,
                None => return Ok(None),
            },
            None => return Err(d.year()),
        }
    }
    Ok(None)
}

/// Set the three dates from a nominal last day: `safe` (not before `first`), `legal` (art. 193)
/// and the `deadline`, the safe one.
fn finish_day(c: &mut Computed, cal: &ProductionCalendar, nominal: Date, first: Date) {
    c.nominal = due_on(nominal);
    let legal = on_or_after_working(cal, nominal);
    if let Ok(day) = legal {
        c.legal = due_on(day);
        c.calendar_status.legal = cal.not_in_force(IsoDate(nominal), IsoDate(day));
        if day != nominal {
            c.moved_because = cal.why_off(IsoDate(nominal));
        }
    }
    // No working day left before the text's date: the legal day is the one to act on (the
    // days back to the period's start were looked at too).
    let safe = match on_or_before_working(cal, nominal, first) {
        Ok(Some(day)) => Ok(day),
        Ok(None) => legal,
        Err(year) => Err(year),
    };
    if let Ok(day) = safe {
        c.safe = due_on(day);
        let looked_at = if day > nominal { first } else { day };
        c.calendar_status.safe = cal.not_in_force(IsoDate(looked_at), IsoDate(day.max(nominal)));
    }
    // The date itself is certain; whether it is a working day is not: no safe date is invented.
    let day = safe.unwrap_or(nominal);
    c.deadline = due_on(day);
    c.weekday = Some(IsoDate(day).weekday_ru());
    if let Err(year) = legal {
        c.warnings.push(format!(
            "{}; срок может переноситься на следующий рабочий день ({ART_193}) — проверьте сами",
            no_data(year)
        ));
    }
    if let Err(year) = safe
        && legal.err() != Some(year)
    {
        c.warnings.push(format!(
            "{}; последний рабочий день перед сроком неизвестен",
            no_data(year)
        ));
    }
}

/// The three dates of a working-day or hour deadline are one; `status`: the calendar years not
/// in force it was counted on.
fn one_date(c: &mut Computed, deadline: Due, status: NotInForce) {
    c.calendar_status.nominal = status.clone();
    c.calendar_status.safe = status.clone();
    c.calendar_status.legal = status;
    c.nominal = Some(deadline);
    c.safe = Some(deadline);
    c.legal = Some(deadline);
    c.deadline = Some(deadline);
    c.weekday = Some(deadline.date().weekday_ru());
}

fn last_day_of_month(year: i32, month: Month) -> Date {
    let next = if month == Month::December {
        Date::from_calendar_date(year + 1, Month::January, 1)
    } else {
        Date::from_calendar_date(year, month.next(), 1)
    };
    next.ok()
        .and_then(|d| d.previous_day())
        .unwrap_or(Date::MAX)
}

/// Compute one rule from the event.
pub fn compute(rule: &Rule, from: From, cal: &ProductionCalendar) -> Computed {
    let mut c = Computed::new(rule);
    match rule {
        Rule::CalendarDays { days, .. } => {
            match from.date.checked_add(Duration::days(i64::from(*days))) {
                // The period's first day is the day after the event (art. 191).
                Some(nominal) => {
                    let first = from.date.next_day().unwrap_or(nominal);
                    finish_day(&mut c, cal, nominal, first);
                }
                None => c.warnings.push(BEYOND.into()),
            }
        }
        Rule::WorkingDays { days, .. } => {
            let mut d = from.date;
            let mut counted = 0;
            while counted < *days {
                let Some(next) = d.next_day() else {
                    // Past 31 Dec 9999: no date, no calendar (not the start date).
                    c.warnings.push(format!(
                        "{}; срок в рабочих днях не вычислен",
                        no_data(d.year() + 1)
                    ));
                    return c;
                };
                d = next;
                match cal.is_working_day(IsoDate(d)) {
                    Some(true) => counted += 1,
                    Some(false) => {}
                    None => {
                        c.warnings.push(format!(
                            "{}; срок в рабочих днях не вычислен",
                            no_data(d.year())
                        ));
                        return c;
                    }
                }
            }
            // The days counted: from the day after the event to the last one.
            let first = from.date.next_day().unwrap_or(d).min(d);
            let counted_on = cal.not_in_force(IsoDate(first), IsoDate(d));
            one_date(&mut c, Due::Date(IsoDate(d)), counted_on);
        }
        Rule::Hours { hours, .. } => {
            let time = from.time.unwrap_or_else(|| {
                c.warnings
                    .push("время события не указано: отсчёт с 00:00".into());
                Time::MIDNIGHT
            });
            let start = PrimitiveDateTime::new(from.date, time);
            match start.checked_add(Duration::hours(i64::from(*hours))) {
                Some(end) => {
                    let moment = Due::DateTime(IsoDate(end.date()), end.time());
                    // Hours need no calendar.
                    one_date(&mut c, moment, NotInForce::default());
                }
                None => c.warnings.push(BEYOND.into()),
            }
        }
        Rule::AnnualBy { day, month } => {
            let Ok(month) = Month::try_from(*month) else {
                c.warnings.push("неверный месяц".into());
                return c;
            };
            // The first occurrence whose legal day (the text's date, without data) is not before
            // the reference date; its safe day is not before the reference date either.
            for year in [from.date.year(), from.date.year() + 1] {
                if Date::from_calendar_date(year, Month::January, 1).is_err() {
                    c.warnings.push(BEYOND.into());
                    continue;
                }
                let Ok(nominal) = Date::from_calendar_date(year, month, *day) else {
                    let name = MONTHS[usize::from(u8::from(month)) - 1];
                    c.warnings
                        .push(format!("в {year} году нет даты {day} {name}"));
                    continue;
                };
                let mut attempt = Computed::new(rule);
                finish_day(&mut attempt, cal, nominal, from.date);
                let last = attempt.legal.or(attempt.nominal);
                if last.is_some_and(|d| d.date().0 >= from.date) {
                    attempt.warnings.splice(0..0, c.warnings.drain(..));
                    return attempt;
                }
            }
        }
        Rule::Monthly { .. } => {
            let start = from.date.replace_day(1).unwrap_or(from.date);
            let end = last_day_of_month(from.date.year(), from.date.month());
            c.period_start = Some(IsoDate(start));
            c.period_end = Some(IsoDate(end));
            // A frequency: the month's last working day is the target, never a day past it.
            let last = match on_or_before_working(cal, end, start) {
                Ok(last) => last,
                Err(year) => {
                    c.warnings.push(format!(
                        "{}; последний рабочий день месяца неизвестен",
                        no_data(year)
                    ));
                    None
                }
            };
            if let Some(day) = last {
                c.calendar_status.last_working_day = cal.not_in_force(IsoDate(day), IsoDate(end));
            }
            c.last_working_day = last.map(IsoDate);
            let day = last.unwrap_or(end);
            c.deadline = due_on(day);
            c.weekday = Some(IsoDate(day).weekday_ru());
        }
        Rule::Text { .. } => {}
    }
    c
}

/// Compute every rule of a cell.
pub fn compute_all(rules: &[Rule], from: From, cal: &ProductionCalendar) -> Vec<Computed> {
    rules.iter().map(|r| compute(r, from, cal)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{Holiday, Source, Status, YearData};

    fn d(s: &str) -> IsoDate {
        IsoDate::parse(s).unwrap()
    }

    /// 2026 per decree № 1466 of 24.09.2025 (the dates the tests touch).
    fn cal() -> ProductionCalendar {
        ProductionCalendar::new(&[cal_2026()])
    }

    fn cal_2026() -> YearData {
        let h = |s: &str, n: &str| Holiday {
            date: d(s),
            name: n.into(),
        };
        let mut holidays: Vec<Holiday> = (1..=8)
            .map(|i| {
                h(
                    &format!("2026-01-0{i}"),
                    if i == 7 {
                        "Рождество Христово"
                    } else {
                        "Новогодние каникулы"
                    },
                )
            })
            .collect();
        holidays.extend([
            h("2026-02-23", "День защитника Отечества"),
            h("2026-03-08", "Международный женский день"),
            h("2026-05-01", "Праздник Весны и Труда"),
            h("2026-05-09", "День Победы"),
            h("2026-06-12", "День России"),
            h("2026-11-04", "День народного единства"),
        ]);
        YearData {
            year: 2026,
            source: Source {
                decree: "1466".into(),
                date: d("2025-09-24"),
                title: "О переносе выходных дней в 2026 году".into(),
            },
            status: Status::InForce,
            note: None,
            holidays,
            transfers: vec![],
            extra_days_off: vec![
                d("2026-01-09"),
                d("2026-03-09"),
                d("2026-05-11"),
                d("2026-12-31"),
            ],
            working_weekends: vec![],
            shortened: vec![],
            working_days_total: 247,
        }
    }

    fn from(s: &str) -> From {
        From::parse(s).unwrap()
    }

    /// A year whose only days off are the weekends and `extra_days_off`.
    fn cal_year(year: i32) -> YearData {
        YearData {
            year,
            source: Source {
                decree: "—".into(),
                date: d("2025-09-24"),
                title: "—".into(),
            },
            status: Status::InForce,
            note: None,
            holidays: vec![],
            transfers: vec![],
            extra_days_off: vec![],
            working_weekends: vec![],
            shortened: vec![],
            working_days_total: 0,
        }
    }

    /// `deadline`, `nominal`, `safe`, `legal`.
    fn dates(c: &Computed) -> [Option<String>; 4] {
        [c.deadline, c.nominal, c.safe, c.legal].map(text)
    }

    /// A computed date as the JSON writes it.
    fn text(d: Option<impl std::fmt::Display>) -> Option<String> {
        d.map(|d| d.to_string())
    }

    /// Expected dates, as [`dates`] gives them.
    fn owned(d: [Option<&str>; 4]) -> [Option<String>; 4] {
        d.map(|d| d.map(String::from))
    }

    fn cd(n: u32) -> Rule {
        Rule::CalendarDays {
            days: n,
            event: None,
        }
    }

    #[test]
    fn calendar_days_start_the_next_day_and_end_on_day_n() {
        // Event on Wednesday 2 Sep 2026; 5 days → Monday 7 Sep (a working day): no move.
        let c = compute(&cd(5), from("2026-09-02"), &cal());
        assert_eq!(dates(&c), owned(["2026-09-07"; 4].map(Some)));
        assert_eq!(c.moved_because, None);
        assert_eq!(c.weekday, Some("понедельник"));
    }

    #[test]
    fn last_day_on_a_weekend_moves_to_monday() {
        // Event on Tuesday 1 Sep; 4 days → Saturday 5 Sep → Monday 7 Sep (art. 193); the safe
        // day, the headline, is Friday 4 Sep.
        let c = compute(&cd(4), from("2026-09-01"), &cal());
        assert_eq!(
            dates(&c),
            owned([
                Some("2026-09-04"),
                Some("2026-09-05"),
                Some("2026-09-04"),
                Some("2026-09-07")
            ])
        );
        assert_eq!(c.weekday, Some("пятница"));
        assert_eq!(c.moved_because.as_deref(), Some("суббота"));
    }

    #[test]
    fn last_day_on_a_holiday_and_moved_days_off() {
        // 10 days after 2 Nov → 12 Nov (Thursday): no move. 2 days after 2 Nov → 4 Nov, a holiday → 5 Nov.
        let c = compute(&cd(2), from("2026-11-02"), &cal());
        assert_eq!(text(c.legal).as_deref(), Some("2026-11-05"));
        assert_eq!(text(c.safe).as_deref(), Some("2026-11-03"));
        assert_eq!(c.moved_because.as_deref(), Some("День народного единства"));
        // 8 May 2026 (Friday) + 1 day = Saturday 9 May (holiday) → Sunday → Monday 11 May
        // (a day off moved from 9 May) → Tuesday 12 May. The period (9 May alone) holds no
        // working day, so the safe day is the legal one.
        let c = compute(&cd(1), from("2026-05-08"), &cal());
        assert_eq!(
            dates(&c),
            owned([
                Some("2026-05-12"),
                Some("2026-05-09"),
                Some("2026-05-12"),
                Some("2026-05-12")
            ])
        );
    }

    #[test]
    fn non_working_days_inside_the_period_still_count() {
        // 30 Dec 2025 has no data here, so use 28 Apr 2026 + 5 days = 3 May (Sunday) → 4 May.
        // The safe day: 2 May (Saturday) and 1 May (holiday) back to Thursday 30 Apr.
        let c = compute(&cd(5), from("2026-04-28"), &cal());
        assert_eq!(text(c.legal).as_deref(), Some("2026-05-04"));
        assert_eq!(text(c.safe).as_deref(), Some("2026-04-30"));
        assert_eq!(text(c.deadline).as_deref(), Some("2026-04-30"));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Friday 30 Apr 2026 + 3 working days: 1 May holiday, 2–3 weekend, 4, 5, 6 May → 6 May.
        let c = compute(
            &Rule::WorkingDays {
                days: 3,
                event: None,
            },
            from("2026-04-30"),
            &cal(),
        );
        assert_eq!(dates(&c), owned(["2026-05-06"; 4].map(Some)));
        // Friday 8 May + 1 working day: 9–10 weekend, 11 May moved day off → 12 May.
        let c = compute(
            &Rule::WorkingDays {
                days: 1,
                event: None,
            },
            from("2026-05-08"),
            &cal(),
        );
        assert_eq!(text(c.deadline).as_deref(), Some("2026-05-12"));
    }

    #[test]
    fn working_days_into_a_year_without_data_are_refused() {
        let c = compute(
            &Rule::WorkingDays {
                days: 3,
                event: None,
            },
            from("2026-12-29"),
            &cal(),
        );
        assert_eq!(c.deadline, None);
        assert!(c.warnings[0].contains("2027"), "{:?}", c.warnings);
    }

    #[test]
    fn calendar_days_into_a_year_without_data_warn() {
        let c = compute(&cd(10), from("2026-12-28"), &cal());
        // The text's date, and no safe or legal date invented.
        assert_eq!(
            dates(&c),
            owned([Some("2027-01-07"), Some("2027-01-07"), None, None])
        );
        assert!(c.warnings[0].contains("нет данных производственного календаря на 2027 год"));
        // The article is cited with non-breaking spaces, never split across lines.
        assert!(
            c.warnings[0].contains("(ст.\u{a0}193\u{a0}ГК\u{a0}РФ)"),
            "{:?}",
            c.warnings
        );
    }

    #[test]
    fn hours_run_from_the_event_time_through_the_night() {
        let r = Rule::Hours {
            hours: 1,
            event: None,
        };
        let c = compute(&r, from("2026-11-03T23:30"), &cal());
        assert_eq!(
            dates(&c),
            owned(["2026-11-04T00:30"; 4].map(Some)),
            "holidays do not stop hours; art. 193 does not move them"
        );
        let c = compute(&r, from("2026-11-03"), &cal());
        assert_eq!(text(c.deadline).as_deref(), Some("2026-11-03T01:00"));
        assert!(!c.warnings.is_empty());
    }

    #[test]
    fn annual_dates_move_and_roll_to_next_year() {
        let r = Rule::AnnualBy { day: 5, month: 9 };
        // 5 Sep 2026 is a Saturday: safe Friday 4 Sep (the headline), legal Monday 7 Sep.
        let c = compute(&r, from("2026-08-01"), &cal());
        assert_eq!(
            dates(&c),
            owned([
                Some("2026-09-04"),
                Some("2026-09-05"),
                Some("2026-09-04"),
                Some("2026-09-07")
            ])
        );
        assert_eq!(c.weekday, Some("пятница"));
        // On 6 Sep only the moved deadline (7 Sep) is still ahead: it is the day to act on.
        let c = compute(&r, from("2026-09-06"), &cal());
        assert_eq!(text(c.deadline).as_deref(), Some("2026-09-07"));
        assert_eq!(text(c.safe).as_deref(), Some("2026-09-07"));
        assert_eq!(text(c.nominal).as_deref(), Some("2026-09-05"));
        // From 8 Sep the next one is in 2027, which has no data here: the date with a warning,
        // no safe or legal date.
        let c = compute(&r, from("2026-09-08"), &cal());
        assert_eq!(
            dates(&c),
            owned([Some("2027-09-05"), Some("2027-09-05"), None, None])
        );
        assert!(!c.warnings.is_empty());
    }

    #[test]
    fn monthly_gives_the_month_and_its_last_working_day() {
        let c = compute(&Rule::Monthly { times: 1 }, from("2026-05-15"), &cal());
        assert_eq!(text(c.period_start).as_deref(), Some("2026-05-01"));
        assert_eq!(text(c.period_end).as_deref(), Some("2026-05-31"));
        assert_eq!(text(c.last_working_day).as_deref(), Some("2026-05-29"));
        // A frequency, not a period: 31 May is a Sunday, yet no date in June (art. 193's 1 Jun)
        // and no nominal/safe/legal.
        assert_eq!(text(c.deadline).as_deref(), Some("2026-05-29"));
        assert_eq!(c.weekday, Some("пятница"));
        assert_eq!(c.nominal, None);
        assert_eq!(c.safe, None);
        assert_eq!(c.legal, None);
    }

    #[test]
    fn a_leap_february_29th() {
        // 2032 (weekends only): 29 Feb is a Sunday.
        let c2032 = ProductionCalendar::new(&[cal_year(2032)]);
        let annual = Rule::AnnualBy { day: 29, month: 2 };
        let c = compute(&annual, from("2031-03-01"), &c2032);
        // 2031 has no 29 February; 2032 does: safe Friday 27 Feb, legal Monday 1 Mar.
        assert_eq!(
            dates(&c),
            owned([
                Some("2032-02-27"),
                Some("2032-02-29"),
                Some("2032-02-27"),
                Some("2032-03-01")
            ])
        );
        assert_eq!(
            c.warnings,
            vec!["в 2031 году нет даты 29 февраля".to_string()]
        );
        // 20 Feb + 9 calendar days = 29 Feb, moved the same way.
        let c = compute(&cd(9), from("2032-02-20"), &c2032);
        assert_eq!(
            dates(&c),
            owned([
                Some("2032-02-27"),
                Some("2032-02-29"),
                Some("2032-02-27"),
                Some("2032-03-01")
            ])
        );
        // The month is February to the 29th; its last working day is the 27th, never 1 March.
        let c = compute(&Rule::Monthly { times: 2 }, from("2032-02-10"), &c2032);
        assert_eq!(text(c.period_end).as_deref(), Some("2032-02-29"));
        assert_eq!(text(c.last_working_day).as_deref(), Some("2032-02-27"));
        assert_eq!(text(c.deadline).as_deref(), Some("2032-02-27"));
        // 2028: 29 Feb is a Tuesday, a working day: one date.
        let c = compute(
            &annual,
            from("2028-01-10"),
            &ProductionCalendar::new(&[cal_year(2028)]),
        );
        assert_eq!(dates(&c), owned(["2028-02-29"; 4].map(Some)));
    }

    #[test]
    fn a_year_without_a_calendar_gives_no_safe_or_legal_date() {
        // cal() knows 2026 only. Annual and monthly in 2027: the text's date, with a warning.
        let c = compute(
            &Rule::AnnualBy { day: 5, month: 9 },
            from("2027-01-10"),
            &cal(),
        );
        assert_eq!(
            dates(&c),
            owned([Some("2027-09-05"), Some("2027-09-05"), None, None])
        );
        assert!(c.warnings[0].contains("на 2027 год"), "{:?}", c.warnings);
        let c = compute(&Rule::Monthly { times: 1 }, from("2027-05-10"), &cal());
        assert_eq!(text(c.period_end).as_deref(), Some("2027-05-31"));
        assert_eq!(c.last_working_day, None);
        assert_eq!(text(c.deadline).as_deref(), Some("2027-05-31"));
        assert!(
            c.warnings[0].contains("последний рабочий день месяца неизвестен"),
            "{:?}",
            c.warnings
        );
        // The text's date in 2026 (Saturday 3 Jan, New Year holidays), the legal day known (12
        // Jan), but the safe day would be in 2025, which has no data: none is invented.
        let c = compute(&cd(14), from("2025-12-20"), &cal());
        assert_eq!(
            dates(&c),
            owned([
                Some("2026-01-03"),
                Some("2026-01-03"),
                None,
                Some("2026-01-12")
            ])
        );
        assert_eq!(
            c.warnings,
            vec![
                "нет данных производственного календаря на 2025 год: рабочие и выходные дни этого года неизвестны; последний рабочий день перед сроком неизвестен"
                    .to_string()
            ]
        );
        // Hours need no calendar: the moment, three times.
        let c = compute(
            &Rule::Hours {
                hours: 2,
                event: None,
            },
            from("2030-01-01T10:00"),
            &cal(),
        );
        assert_eq!(dates(&c), owned(["2030-01-01T12:00"; 4].map(Some)));
    }

    #[test]
    fn working_days_past_year_9999_are_refused_not_the_start_date() {
        let wd = Rule::WorkingDays {
            days: 5,
            event: None,
        };
        // The calendar has 9999 (no holidays, so only weekends are off) and nothing after it.
        let mut y = cal_year(9999);
        let c = compute(
            &wd,
            from("9999-12-31"),
            &ProductionCalendar::new(&[y.clone()]),
        );
        assert_eq!(c.deadline, None, "{c:?}");
        assert_eq!(c.weekday, None);
        assert!(c.warnings[0].contains("на 10000 год"), "{:?}", c.warnings);
        // Thursday 30 Dec + 1 working day = Friday 31 Dec 9999 still works.
        let one = Rule::WorkingDays {
            days: 1,
            event: None,
        };
        let c = compute(
            &one,
            from("9999-12-30"),
            &ProductionCalendar::new(&[y.clone()]),
        );
        assert_eq!(text(c.deadline).as_deref(), Some("9999-12-31"));
        // A nominal last day off at the very end moves into a year that cannot exist.
        y.extra_days_off = vec![d("9999-12-31")];
        let c = compute(&cd(1), from("9999-12-30"), &ProductionCalendar::new(&[y]));
        assert_eq!(text(c.deadline).as_deref(), Some("9999-12-31"));
        assert!(c.warnings[0].contains("на 10000 год"), "{:?}", c.warnings);
    }

    #[test]
    fn calendar_days_and_hours_past_year_9999_give_no_date() {
        for (rule, start) in [
            (cd(1), "9999-12-31"),
            (cd(u32::MAX), "2026-01-01"),
            (
                Rule::Hours {
                    hours: 24,
                    event: None,
                },
                "9999-12-31T10:00",
            ),
        ] {
            let c = compute(&rule, from(start), &cal());
            assert_eq!(c.deadline, None, "{rule:?}");
            assert!(c.warnings.iter().any(|w| w == BEYOND), "{:?}", c.warnings);
        }
        // An annual date already past in 9999 has no next occurrence.
        let c = compute(
            &Rule::AnnualBy { day: 5, month: 9 },
            from("9999-10-01"),
            &cal(),
        );
        assert_eq!(c.deadline, None);
        assert_eq!(c.warnings, vec![BEYOND.to_string()]);
    }

    #[test]
    fn an_impossible_annual_date_is_named_in_russian() {
        let c = compute(
            &Rule::AnnualBy { day: 31, month: 2 },
            from("2026-01-10"),
            &cal(),
        );
        assert_eq!(c.deadline, None);
        assert_eq!(
            c.warnings,
            vec![
                "в 2026 году нет даты 31 февраля".to_string(),
                "в 2027 году нет даты 31 февраля".to_string()
            ]
        );
    }

    /// `cal()`'s 2026 (in force) and a draft 2027 with its New Year holidays (1–8 Jan).
    fn cal_with_draft_2027() -> ProductionCalendar {
        let mut y2027 = cal_year(2027);
        y2027.status = Status::Draft;
        y2027.holidays = (1..=8)
            .map(|i| Holiday {
                date: d(&format!("2027-01-0{i}")),
                name: "Новогодние каникулы".into(),
            })
            .collect();
        let mut years = vec![y2027];
        years.push(cal_2026());
        ProductionCalendar::new(&years)
    }

    fn draft_2027() -> NotInForce {
        [(2027, Status::Draft)].into_iter().collect()
    }

    #[test]
    fn a_working_day_count_crossing_into_a_draft_year_says_so() {
        let cal = cal_with_draft_2027();
        // Tuesday 29 Dec 2026 + 3 working days: 30 Dec; 31 Dec a moved day off; 1–8 Jan
        // holidays, 9–10 a weekend; 11 and 12 Jan 2027.
        let wd = |days| Rule::WorkingDays { days, event: None };
        let c = compute(&wd(3), from("2026-12-29"), &cal);
        assert_eq!(dates(&c), owned(["2027-01-12"; 4].map(Some)));
        for (date, status) in [
            ("nominal", &c.calendar_status.nominal),
            ("safe", &c.calendar_status.safe),
            ("legal", &c.calendar_status.legal),
        ] {
            assert_eq!(status, &draft_2027(), "{date}");
        }
        assert_eq!(c.deadline_not_in_force(), &draft_2027());
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(json["calendar_status"]["safe"]["2027"], "draft");
        // A count wholly inside 2026 (in force): Tuesday 1 Dec + 3 → Friday 4 Dec, no status.
        let c = compute(&wd(3), from("2026-12-01"), &cal);
        assert_eq!(text(c.deadline).as_deref(), Some("2026-12-04"));
        assert!(c.calendar_status.is_empty(), "{:?}", c.calendar_status);
        assert!(
            serde_json::to_value(&c)
                .unwrap()
                .get("calendar_status")
                .is_none()
        );
    }

    #[test]
    fn each_date_carries_the_draft_years_it_was_counted_on() {
        let cal = cal_with_draft_2027();
        // 28 Dec 2026 + 5 days = Saturday 2 Jan 2027: art. 193 moves it over the draft 2027's
        // holidays to 11 Jan; the safe day (30 Dec 2026) stepped back over 1–2 Jan 2027. The
        // text's date needs no calendar.
        let c = compute(&cd(5), from("2026-12-28"), &cal);
        assert_eq!(
            dates(&c),
            owned([
                Some("2026-12-30"),
                Some("2027-01-02"),
                Some("2026-12-30"),
                Some("2027-01-11")
            ])
        );
        assert!(c.calendar_status.nominal.is_empty());
        assert_eq!(c.calendar_status.safe, draft_2027());
        assert_eq!(c.calendar_status.legal, draft_2027());
        // 21 Dec + 10 days = Thursday 31 Dec 2026, a moved day off: the safe day (30 Dec) is
        // found inside 2026, the legal one (11 Jan) in the draft 2027.
        let c = compute(&cd(10), from("2026-12-21"), &cal);
        assert_eq!(text(c.safe).as_deref(), Some("2026-12-30"));
        assert_eq!(text(c.legal).as_deref(), Some("2027-01-11"));
        assert!(c.calendar_status.safe.is_empty());
        assert!(c.deadline_not_in_force().is_empty());
        assert_eq!(c.calendar_status.legal, draft_2027());
        assert_eq!(c.calendar_status.all(), draft_2027());
        // Everything inside 2026: none.
        for c in [
            compute(&cd(4), from("2026-09-01"), &cal),
            compute(&Rule::Monthly { times: 1 }, from("2026-12-10"), &cal),
            compute(
                &Rule::AnnualBy { day: 5, month: 9 },
                from("2026-08-01"),
                &cal,
            ),
        ] {
            assert!(c.calendar_status.is_empty(), "{c:?}");
        }
        // An annual date in 2027 (Sunday 5 Sep): safe 3 Sep and legal 6 Sep, both draft.
        let c = compute(
            &Rule::AnnualBy { day: 5, month: 9 },
            from("2026-09-08"),
            &cal,
        );
        assert_eq!(text(c.safe).as_deref(), Some("2027-09-03"));
        assert_eq!(c.calendar_status.safe, draft_2027());
        assert_eq!(c.calendar_status.legal, draft_2027());
        // A month of 2027: its last working day.
        let c = compute(&Rule::Monthly { times: 1 }, from("2027-02-10"), &cal);
        assert_eq!(c.calendar_status.last_working_day, draft_2027());
        assert_eq!(c.deadline_not_in_force(), &draft_2027());
        // Hours need no calendar, even in a draft year.
        let c = compute(
            &Rule::Hours {
                hours: 3,
                event: None,
            },
            from("2027-01-02T10:00"),
            &cal,
        );
        assert!(c.calendar_status.is_empty());
    }

    #[test]
    fn from_parses_dates_and_times() {
        assert_eq!(From::parse("2026-09-01").unwrap().time, None);
        assert_eq!(
            From::parse("2026-09-01T14:30").unwrap().time,
            Some(Time::from_hms(14, 30, 0).unwrap())
        );
        assert!(From::parse("2026-09-01T25:00").is_none());
        assert!(From::parse("01.09.2026").is_none());
    }
}
