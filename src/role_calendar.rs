//! Role calendars: every deadline of a regulation table's role that has a fixed date, as an
//! iCalendar file (RFC 5545) the build writes beside the role page, `…/roli/<role>/sroki.ics`,
//! for readers to subscribe to (or download once).
//!
//! Pure: rows, production calendar and site facts in, the file's text out; no I/O, no clock.
//! The same content gives the same bytes: UIDs are made of the table, the row, the rule's
//! index in its cell and the year (and month), with the site's host — never of the date or the
//! build's time — so a re-published file updates its events instead of adding copies; DTSTAMP
//! is the table's `updated` date.
//!
//! What gets an event: an annual date («ежегодно не позднее 5 сентября»), one event for each
//! year the production calendar covers, on the **safe** date (the last working day on or
//! before the text's date); «N раз в месяц», one event for each month of those years, on the
//! month's last working day, the summary saying it is a monthly task. Periods that run from an
//! event («в течение 5 дней после получения заявки») have no date without the event, and text
//! cells («постоянно») none at all: both are left out (the role page's calculator counts the
//! first). All events are all-day.

use std::collections::BTreeSet;

use pamyatka_checks::calendar::ProductionCalendar;
use pamyatka_checks::date::IsoDate;
use pamyatka_checks::deadline::{ART_193, Computed, Due, From, Rule, compute};
use pamyatka_checks::ru::plural;
use time::{Date, Month};

/// The file name of a role's calendar, in its role page's folder.
pub use crate::content::reserved::ROLE_CALENDAR as FILE_NAME;

/// The heading (and id) of the role page's block that links the calendar.
pub const HEADING: &str = "Подписаться на сроки роли";

/// A summary's action is cut at a word after this many characters (the description has it
/// whole): calendar apps show a summary on one short line.
const SUMMARY_ACTION: usize = 80;

/// One row of the table the role takes part in.
pub struct RowInput<'a> {
    /// The table and the row, for UIDs: `gis-obrazovanie-r-2-1-5`.
    pub key: String,
    /// How a reader names the row outside its table: «п. 2.1.5 этапа 2».
    pub reference: String,
    pub action: &'a str,
    /// The deadline cell as the regulation words it.
    pub deadline: &'a str,
    pub rules: Vec<Rule>,
    /// The row on the site, absolute.
    pub url: String,
}

/// What a calendar is made from besides its rows.
pub struct Input<'a> {
    /// The calendar's name in the reader's app.
    pub name: String,
    /// The site's host, for UIDs.
    pub host: &'a str,
    /// DTSTAMP: the table's `updated` date (the start of that day, UTC).
    pub stamp: Date,
    pub calendar: &'a ProductionCalendar,
    /// The years whose production calendar is not yet confirmed: their dates may change.
    pub draft_years: &'a BTreeSet<i32>,
}

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
    pub url: String,
}

/// Every event of `rows`, by date (then in the table's order).
pub fn events(input: &Input, rows: &[RowInput]) -> Vec<Event> {
    let years: Vec<i32> = input.calendar.years().collect();
    let mut out: Vec<(Date, usize, Event)> = Vec::new();
    for row in rows {
        for (index, rule) in row.rules.iter().enumerate() {
            for &year in &years {
                let starts: Vec<(Date, Option<Month>)> = match rule {
                    Rule::AnnualBy { .. } => first_of(year, Month::January)
                        .map(|d| (d, None))
                        .into_iter()
                        .collect(),
                    Rule::Monthly { .. } => months()
                        .filter_map(|m| first_of(year, m).map(|d| (d, Some(m))))
                        .collect(),
                    _ => Vec::new(),
                };
                for (start, month) in starts {
                    let from = From {
                        date: start,
                        time: None,
                    };
                    let c = compute(rule, from, input.calendar);
                    if let Some(e) = event(input, row, index, year, month, &c) {
                        out.push((e.date, out.len(), e));
                    }
                }
            }
        }
    }
    out.sort_by_key(|(date, order, _)| (*date, *order));
    out.into_iter().map(|(_, _, e)| e).collect()
}

fn months() -> impl Iterator<Item = Month> {
    (1..=12u8).filter_map(|m| Month::try_from(m).ok())
}

fn first_of(year: i32, month: Month) -> Option<Date> {
    Date::from_calendar_date(year, month, 1).ok()
}

/// The day of a computed date (the rules here give days, never a time).
fn date(d: Option<Due>) -> Option<Date> {
    d.map(|d| d.date().0)
}

/// The event of one rule in one year (one month of it for a monthly task).
fn event(
    input: &Input,
    row: &RowInput,
    index: usize,
    year: i32,
    month: Option<Month>,
    c: &Computed,
) -> Option<Event> {
    let day = date(c.deadline)?;
    let mut uid = format!("{}-{index}-{year}", row.key);
    let mut summary = format!("{}: {}", row.reference, short(row.action));
    let mut lines = vec![
        format!("{}: {}", capital(&row.reference), sentence(row.action)),
        format!("Срок по регламенту: «{}».", row.deadline.trim()),
    ];
    let mut years = BTreeSet::from([day.year()]);
    match month {
        Some(m) => {
            uid.push_str(&format!("-{:02}", u8::from(m)));
            let times = match &row.rules[index] {
                Rule::Monthly { times } => *times,
                _ => 1,
            };
            summary.push_str(&format!(
                " ({times}\u{a0}{} в месяц: {} {year})",
                plural(times as usize, "раз", "раза", "раз"),
                MONTH_NAMES[usize::from(u8::from(m)) - 1]
            ));
            let (Some(IsoDate(start)), Some(IsoDate(end))) = (c.period_start, c.period_end) else {
                return None;
            };
            lines.push(format!(
                "Период — с\u{a0}{} по\u{a0}{}.",
                ru(start),
                ru(end)
            ));
            if c.last_working_day.is_some() {
                lines.push(format!(
                    "Успеть {} — последний рабочий день месяца.",
                    last_day(day)
                ));
            }
        }
        None => {
            let nominal = date(c.nominal)?;
            years.insert(nominal.year());
            let why = c
                .moved_because
                .as_deref()
                .filter(|w| *w != IsoDate(nominal).weekday_ru());
            match (date(c.safe), date(c.legal)) {
                (Some(safe), Some(legal)) if safe == nominal && legal == nominal => {
                    lines.push(format!("По тексту {}.", last_day(nominal)));
                    lines.push(format!(
                        "По\u{a0}{ART_193} срок не переносится: это рабочий день."
                    ));
                }
                (safe, legal) => {
                    let wd = IsoDate(nominal).weekday_ru();
                    let why = why.map(|w| format!(", {w}")).unwrap_or_default();
                    lines.push(format!(
                        "По тексту не\u{a0}позднее\u{a0}{} ({wd}{why}).",
                        ru(nominal)
                    ));
                    if let Some(safe) = safe {
                        years.insert(safe.year());
                        let reason = if Some(safe) == legal {
                            format!(
                                "рабочего дня до этой даты нет, срок перенесён по\u{a0}{ART_193}"
                            )
                        } else {
                            "последний рабочий день".to_string()
                        };
                        lines.push(format!("Успеть {} — {reason}.", last_day(safe)));
                    }
                    if let Some(legal) = legal {
                        years.insert(legal.year());
                        lines.push(format!(
                            "По\u{a0}{ART_193} срок переносится на\u{a0}{} ({}).",
                            ru(legal),
                            IsoDate(legal).weekday_ru()
                        ));
                    }
                }
            }
        }
    }
    for w in &c.warnings {
        lines.push(format!("Внимание: {}", sentence(w)));
    }
    let draft: Vec<String> = years
        .iter()
        .filter(|y| input.draft_years.contains(y))
        .map(ToString::to_string)
        .collect();
    if !draft.is_empty() {
        lines.push(draft_sentence(&draft.join(" и ")));
    }
    lines.push(format!("Строка регламента: {}", row.url));
    Some(Event {
        uid: format!("{uid}@{}", input.host),
        date: day,
        summary,
        description: lines.join("\n"),
        url: row.url.clone(),
    })
}

/// What an event says when its year's production calendar is not yet confirmed.
pub fn draft_sentence(years: &str) -> String {
    format!(
        "Дата рассчитана по производственному календарю на {years}\u{a0}год, который ещё не подтверждён официально: она может измениться."
    )
}

const MONTH_NAMES: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// `05.09.2026`
fn ru(d: Date) -> String {
    pamyatka_checks::ru::date(IsoDate(d))
}

/// «не позднее 04.09.2026 (пятница, включительно)», as the calculator writes it.
fn last_day(d: Date) -> String {
    format!(
        "не\u{a0}позднее\u{a0}{} ({}, включительно)",
        ru(d),
        IsoDate(d).weekday_ru()
    )
}

fn capital(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A sentence ends with one full stop, whatever its text ends with.
fn sentence(s: &str) -> String {
    let s = s.trim_end();
    if s.ends_with(['.', '!', '?', '…']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// The action for a summary: whole when short, else cut at a word with «…».
fn short(action: &str) -> String {
    let action = action.trim();
    if action.chars().count() <= SUMMARY_ACTION {
        return action.to_string();
    }
    let cut: String = action.chars().take(SUMMARY_ACTION).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(head, _)| head)
        .trim_end_matches([',', ';', ':', ' ', '—', '-']);
    format!("{cut}…")
}

/// The calendar file of `events` (`None` when there is none: an iCalendar object has at least
/// one component). CRLF line ends, lines folded at 75 octets.
pub fn write(input: &Input, events: &[Event]) -> Option<String> {
    if events.is_empty() {
        return None;
    }
    let stamp = format!(
        "{:04}{:02}{:02}T000000Z",
        input.stamp.year(),
        u8::from(input.stamp.month()),
        input.stamp.day()
    );
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//pamyatka//Памятки//RU".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("NAME:{}", text(&input.name)),
        format!("X-WR-CALNAME:{}", text(&input.name)),
        // Subscribed apps that read it look for changes once a day.
        "REFRESH-INTERVAL;VALUE=DURATION:P1D".into(),
        "X-PUBLISHED-TTL:P1D".into(),
    ];
    for e in events {
        let next = e.date.next_day().unwrap_or(e.date);
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", text(&e.uid)));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", compact(e.date)));
        lines.push(format!("DTEND;VALUE=DATE:{}", compact(next)));
        lines.push(format!("SUMMARY:{}", text(&e.summary)));
        lines.push(format!("DESCRIPTION:{}", text(&e.description)));
        lines.push(format!("URL:{}", uri(&e.url)));
        // A reminder of a deadline, not a meeting: the day stays free.
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in &lines {
        out.push_str(&fold(line));
        out.push_str("\r\n");
    }
    Some(out)
}

/// `20260904`
fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day())
}

/// A TEXT value (RFC 5545 §3.3.11): `\`, `;`, `,` escaped, line ends as `\n`, other control
/// characters dropped (TEXT does not allow them).
pub fn text(s: &str) -> String {
    let s = s.replace("\r\n", "\n");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: as it is, less anything that would end or break the line.
fn uri(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

/// A content line folded (RFC 5545 §3.1): no line longer than 75 octets, each continuation
/// line starting with one space, never inside a UTF-8 character.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3);
    let mut octets = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if octets + n > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(
            text("a\\b; c, d\ne\r\nf\u{1}g\th"),
            "a\\\\b\\; c\\, d\\ne\\nfg\th"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "Срок сдачи «отчёта» — ".repeat(10));
        let folded = fold(&line);
        let parts: Vec<&str> = folded.split("\r\n").collect();
        assert!(parts.len() > 1, "{folded}");
        for (i, p) in parts.iter().enumerate() {
            assert!(p.len() <= 75, "line {i} is {} octets: {p:?}", p.len());
            if i > 0 {
                assert!(p.starts_with(' '), "{p:?}");
            }
        }
        // Unfolding gives the line back.
        assert_eq!(folded.replace("\r\n ", ""), line);
        // A line of exactly 75 octets stays whole; 76 folds.
        assert_eq!(fold(&"a".repeat(75)), "a".repeat(75));
        assert_eq!(fold(&"a".repeat(76)), format!("{}\r\n a", "a".repeat(75)));
        // A 2-octet letter that would end at octet 76 moves to the next line whole.
        let l = format!("{}я", "a".repeat(74));
        assert_eq!(fold(&l), format!("{}\r\n я", "a".repeat(74)));
    }

    #[test]
    fn short_actions_stay_whole_and_long_ones_end_at_a_word() {
        assert_eq!(short("Создание учебного плана"), "Создание учебного плана");
        let long = "Формирование заявки на подключение к ГИС «Образование» ОО в соответствии с формой (приложение 2)";
        let s = short(long);
        assert!(s.ends_with('…') && !s.ends_with(" …"), "{s}");
        assert!(s.chars().count() <= SUMMARY_ACTION + 1, "{s}");
        assert!(long.starts_with(s.trim_end_matches('…')));
    }
}
