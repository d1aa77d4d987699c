//! Property tests: the pure checks never panic on any input, and what they return is well formed.
//!
//! - `deadline::parse` on arbitrary Unicode and on texts assembled from the words, numbers and
//!   punctuation of the deadline grammar (so the generator reaches the grammar's branches, not
//!   only its error path);
//! - `deadline::compute_all` on every parsed cell, from any date of 1990–2100 (with and without a
//!   time of day), with an empty production calendar and with one year of data: every date it
//!   returns parses back as an ISO date (`YYYY-MM-DD`), or an ISO date-time (`YYYY-MM-DDTHH:MM`)
//!   for periods in hours;
//! - `identifiers::check_snils` / `check_inn` / `check_ogrn`: `valid` exactly when there are no
//!   errors, `normalized` is the input's ASCII digits; and round trips against check numbers
//!   computed here, independently of the crate, straight from the algorithms in the law.
//!
//! The case count stays at 256 per property so the file runs in seconds; raise it with
//! `PROPTEST_CASES=100000 cargo test --release -p pamyatka-checks --test no_panic` for a longer
//! hunt.

use pamyatka_checks::calendar::{Holiday, ProductionCalendar, Source, YearData};
use pamyatka_checks::date::IsoDate;
use pamyatka_checks::deadline::{Due, From, Rule, compute_all, parse};
use pamyatka_checks::identifiers::{IdCheck, check_inn, check_ogrn, check_snils};
use proptest::prelude::*;
use proptest::sample::select;
use time::{Date, Month, Time, Weekday};

// ------------------------------------------------------------------ deadline grammar generator

/// Words and phrases of the «Сроки исполнения» grammar, in the cases and spellings real cells use
/// (capitals, «ё», near misses), plus a few that only look like it.
const WORDS: &[&str] = &[
    "В",
    "в",
    "течение",
    "Течение",
    "В течение",
    "в течение",
    "Не",
    "не",
    "позднее",
    "позже",
    "Не позднее",
    "не позже",
    "до",
    "Ежегодно",
    "ежегодно",
    "ЕЖЕГОДНО",
    "Ежемесячно",
    "ежемесячно",
    "раз",
    "раза",
    "месяц",
    "в месяц",
    "раз в месяц",
    "рабочих",
    "рабочего",
    "рабочий",
    "рабочие",
    "Рабочих",
    "календарных",
    "календарного",
    "календарный",
    "дней",
    "дня",
    "день",
    "ДНЕЙ",
    "суток",
    "сутки",
    "час",
    "часа",
    "часов",
    "Часов",
    "после",
    "получения",
    "заявки",
    "с момента",
    "обращения",
    "со дня",
    "в случае изменения информации",
    "или её состава",
    "или ее состава",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "Сентября",
    "октября",
    "ноября",
    "декабря",
    "одного",
    "один",
    "одна",
    "одной",
    "двух",
    "два",
    "две",
    "трех",
    "трёх",
    "три",
    "четырех",
    "пяти",
    "пять",
    "шести",
    "семи",
    "десяти",
    "пятнадцати",
    "тридцати",
    "нескольких",
    "Постоянно",
    "постоянно",
    "В соответствии с",
    "административным регламентом",
    "В сроки, установленные",
    "По отдельному графику",
    "по графику",
    "В течение учебного года",
    "по мере необходимости",
    "По запросу",
    "по согласованию",
    "по мере поступления",
    "Ежедневно",
    "своевременное",
    "редактирование",
    "ГИС «Образование»",
    "(договор, заявление, справка, акт и т.д.)",
    "родителей/законных представителей",
    "ОО",
    "т.д.",
];

/// Numbers: the ordinary ones, the edges of `u8` / `u32` and the day of month, and overflows.
const NUMBERS: &[&str] = &[
    "0",
    "00",
    "1",
    "01",
    "(1)",
    "2",
    "3",
    "5",
    "(5)",
    "7",
    "10",
    "24",
    "28",
    "29",
    "30",
    "31",
    "32",
    "99",
    "255",
    "256",
    "366",
    "1000",
    "65535",
    "65536",
    "2147483647",
    "4294967295",
    "4294967296",
    "99999999999999999999",
    "-1",
    "+5",
    "5.5",
    "5,5",
    "1e3",
    "５",
    "٥",
];

/// What goes between tokens: spaces of every kind, clause separators, brackets, quotes.
const GLUE: &[&str] = &[
    " ", " ", " ", "  ", "\n", "\r\n", "\t", "\u{a0}", "\u{2009}", "\u{3000}", "", ", ", ",", "; ",
    ";", ". ", ".", "(", ")", " (", ") ", "«", "»", " «", "» ", "-", " — ", "/", "\u{200b}",
    "\u{feff}",
];

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => select(WORDS).prop_map(str::to_string),
        3 => select(NUMBERS).prop_map(str::to_string),
        2 => any::<u32>().prop_map(|n| n.to_string()),
        2 => (0u32..=400).prop_map(|n| n.to_string()),
        1 => "[0-9]{1,25}",
        1 => "\\PC{0,4}",
    ]
}

/// A deadline-looking text: tokens joined by glue, sometimes with glue at both ends.
fn grammar_text() -> impl Strategy<Value = String> {
    (
        select(GLUE),
        proptest::collection::vec((token(), select(GLUE)), 0..14),
    )
        .prop_map(|(lead, parts)| {
            let mut s = lead.to_string();
            for (t, g) in parts {
                s.push_str(&t);
                s.push_str(g);
            }
            s
        })
}

/// A few well-formed rules glued into one cell the way real cells are («…, в течение …»).
fn well_formed_cell() -> impl Strategy<Value = String> {
    let clause = prop_oneof![
        (
            select(&["В течение", "Не позднее", "в течение", "не позже"][..]),
            any::<u32>(),
            select(&["", " рабочих", " календарных", " рабочих календарных"][..]),
            select(&["дней", "дня", "день", "суток", "часов", "часа"][..]),
            select(&["", " после получения заявки", " с момента обращения"][..]),
        )
            .prop_map(|(a, n, w, u, e)| format!("{a} {n}{w} {u}{e}")),
        (
            select(&["", "не позднее ", "до ", "не позже "][..]),
            0u32..=40,
            0usize..14,
        )
            .prop_map(|(p, d, m)| {
                let month = [
                    "января",
                    "февраля",
                    "марта",
                    "апреля",
                    "мая",
                    "июня",
                    "июля",
                    "августа",
                    "сентября",
                    "октября",
                    "ноября",
                    "декабря",
                    "мартобря",
                    "",
                ][m];
                format!("Ежегодно {p}{d} {month}")
            }),
        (any::<u32>(), select(&["раз", "раза"][..])).prop_map(|(n, r)| format!("{n} {r} в месяц")),
        select(
            &[
                "Постоянно",
                "Ежемесячно",
                "В течение часа после получения утвержденных результатов",
                "в течение суток",
                "В соответствии с административным регламентом",
                "Своевременное редактирование по мере необходимости",
            ][..]
        )
        .prop_map(str::to_string),
    ];
    proptest::collection::vec((clause, select(&[", ", "; ", ",\n", ". "][..])), 1..4).prop_map(
        |v| {
            v.into_iter()
                .map(|(c, sep)| format!("{c}{sep}"))
                .collect::<String>()
        },
    )
}

/// Any text a deadline cell could hold.
fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        1 => "\\PC{0,80}",
        5 => grammar_text(),
        3 => well_formed_cell(),
    ]
}

// ------------------------------------------------------------------ reference dates, calendars

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::from_calendar_date(y, Month::try_from(m).unwrap(), d).unwrap()
}

/// Any date of 1990–2100, with or without a time of day.
fn from_strategy() -> impl Strategy<Value = From> {
    let lo = date(1990, 1, 1).to_julian_day();
    let hi = date(2100, 12, 31).to_julian_day();
    (lo..=hi, proptest::option::of((0u8..24, 0u8..60))).prop_map(|(jd, t)| From {
        date: Date::from_julian_day(jd).unwrap(),
        time: t.map(|(h, m)| Time::from_hms(h, m, 0).unwrap()),
    })
}

/// One year of production-calendar data, shaped like the real files: the art. 112 holidays,
/// holidays falling on a weekend moved to the next Monday–Friday, and one working Saturday.
fn year_data(year: i32) -> YearData {
    let iso = |m: u8, d: u8| IsoDate(date(year, m, d));
    let mut holidays: Vec<Holiday> = (1..=8)
        .map(|d| Holiday {
            date: iso(1, d),
            name: if d == 7 {
                "Рождество Христово".into()
            } else {
                "Новогодние каникулы".into()
            },
        })
        .collect();
    for (m, d, name) in [
        (2, 23, "День защитника Отечества"),
        (3, 8, "Международный женский день"),
        (5, 1, "Праздник Весны и Труда"),
        (5, 9, "День Победы"),
        (6, 12, "День России"),
        (11, 4, "День народного единства"),
    ] {
        holidays.push(Holiday {
            date: iso(m, d),
            name: name.into(),
        });
    }
    let holiday_dates: Vec<Date> = holidays.iter().map(|h| h.date.0).collect();
    let weekend = |d: Date| matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
    let mut extra_days_off = Vec::new();
    for h in &holiday_dates[8..] {
        if weekend(*h) {
            let mut d = *h;
            while weekend(d) || holiday_dates.contains(&d) || extra_days_off.contains(&IsoDate(d)) {
                d = d.next_day().unwrap();
            }
            if d.year() == year {
                extra_days_off.push(IsoDate(d));
            }
        }
    }
    // The first Saturday of November works (as in 2025).
    let mut saturday = date(year, 11, 1);
    while saturday.weekday() != Weekday::Saturday {
        saturday = saturday.next_day().unwrap();
    }
    let working_weekends = vec![IsoDate(saturday)];
    let mut total = 0;
    let mut d = date(year, 1, 1);
    while d.year() == year {
        let off = (weekend(d) && d != saturday)
            || holiday_dates.contains(&d)
            || extra_days_off.contains(&IsoDate(d));
        total += u32::from(!off);
        d = d.next_day().unwrap();
    }
    YearData {
        year,
        source: Source {
            decree: "0".into(),
            date: iso(1, 1),
            title: "test".into(),
        },
        status: pamyatka_checks::calendar::Status::InForce,
        note: None,
        holidays,
        transfers: Vec::new(),
        extra_days_off,
        working_weekends,
        shortened: Vec::new(),
        working_days_total: total,
    }
}

// ------------------------------------------------------------------ output checks

const ISO_DATE: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");
const HH_MM: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[hour]:[minute]");

fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && Date::parse(s, ISO_DATE).is_ok()
}

fn is_iso_date_time(s: &str) -> bool {
    match s.split_once('T') {
        Some((d, t)) => is_iso_date(d) && t.len() == 5 && Time::parse(t, HH_MM).is_ok(),
        None => false,
    }
}

/// Parses `text`; when it parses, computes every rule from `from` on both calendars and checks
/// the shape of every date in the answer.
fn check_cell(text: &str, from: From, cal_year: i32) -> Result<(), TestCaseError> {
    let Ok(rules) = parse(text) else {
        return Ok(());
    };
    // A success always has at least one rule (a cell of separators only is an error).
    prop_assert!(!rules.is_empty(), "{:?} parsed to no rules", text);
    let calendars = [
        ProductionCalendar::default(),
        ProductionCalendar::new(&[year_data(cal_year)]),
    ];
    for cal in &calendars {
        let computed = compute_all(&rules, from, cal);
        prop_assert_eq!(computed.len(), rules.len());
        for c in &computed {
            // Hours give moments; every other rule gives days.
            for (field, v) in [
                ("deadline", &c.deadline),
                ("nominal", &c.nominal),
                ("safe", &c.safe),
                ("legal", &c.legal),
            ] {
                let Some(d) = v else { continue };
                let written = d.to_string();
                if matches!(c.rule, Rule::Hours { .. }) {
                    prop_assert!(
                        matches!(d, Due::DateTime(..)) && is_iso_date_time(&written),
                        "{text:?} from {from:?}: {field} {d:?} is not YYYY-MM-DDTHH:MM"
                    );
                } else {
                    prop_assert!(
                        matches!(d, Due::Date(_)) && is_iso_date(&written),
                        "{text:?} from {from:?}: {field} {d:?} is not YYYY-MM-DD"
                    );
                }
            }
            // Never a safe day after the legal one, nor a headline past the legal day.
            if let (Some(s), Some(l)) = (&c.safe, &c.legal) {
                prop_assert!(s <= l, "{text:?} from {from:?}: safe {s} after legal {l}");
            }
            for (field, v) in [
                ("period_start", &c.period_start),
                ("period_end", &c.period_end),
                ("last_working_day", &c.last_working_day),
            ] {
                if let Some(v) = v {
                    prop_assert!(
                        is_iso_date(&v.to_string()),
                        "{text:?} from {from:?}: {field} {v:?} is not YYYY-MM-DD"
                    );
                }
            }
        }
    }
    Ok(())
}

// ------------------------------------------------------------------ identifiers, by the law

fn digits_of(s: &str) -> Vec<u32> {
    s.bytes().map(|b| u32::from(b - b'0')).collect()
}

/// The СНИЛС check number: Σ dᵢ·(9…1); below 100 as is; 100 and 101 → 00; above 101 the sum
/// mod 101, where 100 again gives 00.
fn snils_check(first9: &str) -> u32 {
    let sum: u32 = digits_of(first9)
        .iter()
        .zip((1..=9).rev())
        .map(|(d, w)| d * w)
        .sum();
    if sum < 100 {
        sum
    } else if sum <= 101 {
        0
    } else {
        let m = sum % 101;
        if m == 100 { 0 } else { m }
    }
}

/// Whether a СНИЛС of 11 digits is valid: numbers up to 001-001-998 carry no check number.
fn snils_expected_valid(d11: &str) -> bool {
    if d11.bytes().all(|b| b == b'0') {
        return false;
    }
    let number: u32 = d11[..9].parse().unwrap();
    number <= 1_001_998 || snils_check(&d11[..9]) == d11[9..].parse::<u32>().unwrap()
}

fn inn_digit(d: &[u32], w: &[u32]) -> u32 {
    d.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11 % 10
}

fn inn10(first9: &str) -> String {
    let c = inn_digit(&digits_of(first9), &[2, 4, 10, 3, 5, 9, 4, 6, 8]);
    format!("{first9}{c}")
}

fn inn12(first10: &str) -> String {
    let d = digits_of(first10);
    let c11 = inn_digit(&d, &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
    let mut d11 = d.clone();
    d11.push(c11);
    let c12 = inn_digit(&d11, &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
    format!("{first10}{c11}{c12}")
}

fn ogrn(body: &str) -> String {
    let m = if body.len() == 12 { 11 } else { 13 };
    let c = body.parse::<u64>().unwrap() % m % 10;
    format!("{body}{c}")
}

/// Invariants of every answer: `valid` exactly when there are no errors (and then at most one),
/// `normalized` is the input's ASCII digits in order.
fn check_id(input: &str, c: &IdCheck) -> Result<(), TestCaseError> {
    prop_assert_eq!(c.valid, c.errors.is_empty(), "{:?}: {:?}", input, c);
    prop_assert!(c.errors.len() <= 1, "{:?}: {:?}", input, c);
    prop_assert!(c.normalized.bytes().all(|b| b.is_ascii_digit()), "{c:?}");
    let digits: String = input.chars().filter(char::is_ascii_digit).collect();
    prop_assert_eq!(&c.normalized, &digits);
    for e in &c.errors {
        prop_assert!(
            [
                "empty",
                "bad_chars",
                "wrong_length",
                "wrong_checksum",
                "all_zeros",
                "wrong_first_digit"
            ]
            .contains(&e.code),
            "unknown code {}",
            e.code
        );
        prop_assert!(!e.message.is_empty());
    }
    Ok(())
}

/// Text an identifier field may receive: digits with separators, lookalike letters, junk.
fn id_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        3 => "[0-9]{0,16}",
        3 => "[0-9 \\-\u{a0}\u{2013}\u{2212}]{0,24}",
        1 => "[0-9OoОоlI|Зз \\-]{8,16}",
        1 => "[0-9\u{ff10}-\u{ff19}\u{0660}-\u{0669}\u{200b}\u{feff}]{0,16}",
    ]
}

/// Writes 11 СНИЛС digits in one of the ways readers type them.
fn snils_written(d: &str, style: usize) -> String {
    match style {
        0 => d.to_string(),
        1 => format!("{}-{}-{} {}", &d[0..3], &d[3..6], &d[6..9], &d[9..11]),
        2 => format!("{} {} {} {}", &d[0..3], &d[3..6], &d[6..9], &d[9..11]),
        _ => format!(
            " {}\u{2013}{}\u{2013}{}\u{a0}{}\n",
            &d[0..3],
            &d[3..6],
            &d[6..9],
            &d[9..11]
        ),
    }
}

// ------------------------------------------------------------------ properties

/// 256 cases per property, or `PROPTEST_CASES` when set.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn parse_never_panics_on_arbitrary_unicode(s in any::<String>()) {
        let _ = parse(&s);
    }

    #[test]
    fn parse_never_panics_on_grammar_like_texts(s in grammar_text()) {
        let _ = parse(&s);
    }

    #[test]
    fn well_formed_cells_mostly_parse(s in well_formed_cell()) {
        // Not every generated cell is valid («в течение 0 дней», «Ежегодно 31 мартобря»), but the
        // call must return, and a success has at least one rule.
        if let Ok(rules) = parse(&s) {
            prop_assert!(!rules.is_empty());
        }
    }

    #[test]
    fn compute_never_panics_and_returns_iso_dates(
        text in cell_text(),
        from in from_strategy(),
        year_shift in -1i32..=1,
    ) {
        check_cell(&text, from, from.date.year() + year_shift)?;
    }

    #[test]
    fn compute_never_panics_on_well_formed_cells(
        text in well_formed_cell(),
        from in from_strategy(),
        year_shift in -1i32..=1,
    ) {
        check_cell(&text, from, from.date.year() + year_shift)?;
    }

    #[test]
    fn identifiers_never_panic_and_answer_consistently(s in id_text()) {
        check_id(&s, &check_snils(&s))?;
        check_id(&s, &check_inn(&s))?;
        check_id(&s, &check_ogrn(&s))?;
    }

    #[test]
    fn snils_with_the_law_check_number_is_valid_and_one_changed_digit_is_judged_right(
        number in 1_001_999u32..=999_999_999,
        style in 0usize..4,
        pos in 0usize..11,
        bump in 1u8..10,
    ) {
        let first9 = format!("{number:09}");
        let good = format!("{first9}{:02}", snils_check(&first9));
        let c = check_snils(&snils_written(&good, style));
        check_id(&snils_written(&good, style), &c)?;
        prop_assert!(c.valid, "{good}: {c:?}");
        prop_assert_eq!(&c.normalized, &good);

        // One digit changed (any of the 11): valid exactly when the law says so. A change in the
        // first nine may keep the check number, or bring the number to 001-001-998 or below.
        let mut changed = good.clone().into_bytes();
        changed[pos] = b'0' + (changed[pos] - b'0' + bump) % 10;
        let changed = String::from_utf8(changed).unwrap();
        prop_assert_ne!(&changed, &good);
        let expected = snils_expected_valid(&changed);
        if pos >= 9 {
            prop_assert!(!expected, "a changed check number is always wrong above 001-001-998");
        }
        let c = check_snils(&snils_written(&changed, style));
        prop_assert_eq!(c.valid, expected, "{} (from {}): {:?}", changed, good, c);
        if !expected {
            prop_assert_eq!(c.errors[0].code, "wrong_checksum");
            // The typo may be in any digit: the message says so, and does not offer the
            // check number that would make the mistyped number pass.
            prop_assert!(c.errors[0].message.contains("опечатка"), "{:?}", c);
            let offered = format!("{:02}", snils_check(&changed[..9]));
            prop_assert!(!c.errors[0].message.contains(&offered), "{:?}", c);
        }
    }

    #[test]
    fn snils_up_to_001_001_998_has_no_check_number(number in 0u32..=1_001_998, check in 0u32..100) {
        let d = format!("{number:09}{check:02}");
        let c = check_snils(&d);
        prop_assert_eq!(c.valid, d != "00000000000", "{}: {:?}", d, c);
    }

    #[test]
    fn any_eleven_digits_are_judged_by_the_law(d in "[0-9]{11}") {
        prop_assert_eq!(check_snils(&d).valid, snils_expected_valid(&d), "{}", d);
    }

    #[test]
    fn inn_with_the_law_check_digits_is_valid(body9 in "[0-9]{9}", body10 in "[0-9]{10}", pos in 0usize..12, bump in 1u8..10) {
        let i10 = inn10(&body9);
        prop_assert_eq!(check_inn(&i10).valid, i10 != "0000000000", "{}", i10);
        let i12 = inn12(&body10);
        prop_assert_eq!(check_inn(&i12).valid, i12 != "000000000000", "{}", i12);
        // A changed digit: valid exactly when recomputing gives the same number.
        let mut changed = i12.clone().into_bytes();
        changed[pos] = b'0' + (changed[pos] - b'0' + bump) % 10;
        let changed = String::from_utf8(changed).unwrap();
        let expected = inn12(&changed[..10]) == changed && changed != "000000000000";
        prop_assert_eq!(check_inn(&changed).valid, expected, "{}", changed);
    }

    #[test]
    fn ogrn_with_the_law_check_digit_is_valid(body12 in "[0-9]{12}", body14 in "[0-9]{14}", last in 0u8..10) {
        for body in [&body12, &body14] {
            let good = ogrn(body);
            let zeros = good.bytes().all(|b| b == b'0');
            // The first digit is the record-kind sign: 1 or 5 for an ОГРН, 3 for an ОГРНИП.
            let sign = if body.len() == 12 { "15" } else { "3" };
            let signed = sign.as_bytes().contains(&good.as_bytes()[0]);
            let c = check_ogrn(&good);
            prop_assert_eq!(c.valid, !zeros && signed, "{}", good);
            if !zeros && !signed {
                prop_assert_eq!(c.errors[0].code, "wrong_first_digit");
            }
            let other = format!("{body}{last}");
            prop_assert_eq!(check_ogrn(&other).valid, other == good && !zeros && signed, "{}", other);
        }
    }
}

// ------------------------------------------------------------------ fixed cases

/// Every deadline text of the real regulation parses and computes, from dates around the edges
/// of the calendar data and of the range.
#[test]
fn real_cells_compute_everywhere() {
    let cells = [
        "В течение 10 дней после получения лицензии на образовательную деятельность",
        "Ежегодно не позднее 5 сентября, в течение 3 рабочих дней в случае изменения информации или ее состава",
        "Ежегодно не позднее 5 сентября, своевременное редактирование по мере необходимости",
        "В течение часа после получения утвержденных результатов",
        "1 раз в месяц",
        "В течение 1 дня с момента предоставления соответствующих документов (договор, заявление, справка, акт и т.д.)",
        "Не позднее 3 дней после проведения учебного занятия",
        "В сроки, установленные административным регламентом",
        "Постоянно",
    ];
    let froms = [
        date(1990, 1, 1),
        date(2025, 12, 31),
        date(2026, 2, 28),
        date(2100, 12, 31),
    ];
    for text in cells {
        assert!(parse(text).is_ok(), "{text}");
        for d in froms {
            for time in [None, Some(Time::from_hms(23, 59, 0).unwrap())] {
                check_cell(text, From { date: d, time }, d.year()).unwrap();
            }
        }
    }
}

/// The largest periods the grammar accepts, from the last day of the range.
#[test]
fn huge_periods_do_not_panic() {
    let from = From {
        date: date(2100, 12, 31),
        time: Some(Time::from_hms(23, 59, 0).unwrap()),
    };
    for text in [
        "в течение 4294967295 дней",
        "в течение 4294967295 рабочих дней",
        "в течение 4294967295 часов",
        "4294967295 раз в месяц",
        "Ежегодно не позднее 31 декабря",
        "Ежегодно не позднее 31 февраля",
        "Ежегодно не позднее 29 февраля",
    ] {
        check_cell(text, from, 2100).unwrap();
        check_cell(text, from, 2101).unwrap();
    }
}

/// The production calendar built here is consistent by the crate's own checks.
#[test]
fn test_calendar_is_consistent() {
    for year in [1990, 2024, 2025, 2026, 2100] {
        let problems: Vec<_> = year_data(year)
            .problems()
            .into_iter()
            // The test data lists no `transfers`, so no extra day off is explained by one.
            .filter(|p| p.key() != "transfers")
            .collect();
        assert!(problems.is_empty(), "{year}: {problems:?}");
    }
}
