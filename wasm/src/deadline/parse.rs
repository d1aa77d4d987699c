//! The grammar of the «Сроки исполнения» cells: Russian deadline texts → rules.
//!
//! A cell may hold several rules separated by commas («Ежегодно не позднее 5 сентября, в течение
//! 3 рабочих дней в случае изменения информации»). Each clause is one of: a period in calendar
//! days, working days or hours with the event it runs from; an annual fixed date; a monthly
//! periodicity; or a text nobody can compute («Постоянно», «В соответствии с …»). A clause that
//! looks like a period but does not parse is an error, never silently text.

use serde::{Deserialize, Serialize};

/// One rule of a deadline cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// «в течение N дней [после события]»: calendar days, art. 191–193 ГК.
    CalendarDays {
        days: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        event: Option<String>,
    },
    /// «N рабочих дней [после события]»: by the production calendar.
    WorkingDays {
        days: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        event: Option<String>,
    },
    /// «в течение часа / N часов [после события]»: from the event's time.
    Hours {
        hours: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        event: Option<String>,
    },
    /// «ежегодно не позднее 5 сентября»
    AnnualBy { day: u8, month: u8 },
    /// «N раз в месяц»
    Monthly { times: u32 },
    /// Nothing to compute: «постоянно», «в соответствии с административным регламентом».
    Text { text: String },
}

impl Rule {
    /// The rule in a reader's words, as the calculator names it beside its dates and in an
    /// `.ics` event: «3\u{a0}рабочих дня», «ежегодно до\u{a0}05.09», «2\u{a0}раза в месяц»; a
    /// text rule is its text.
    pub fn in_words(&self) -> String {
        use crate::ru::{NB, plural};
        let count =
            |n: u32, one, few, many| format!("{n}{NB}{}", plural(n as usize, one, few, many));
        match self {
            Rule::CalendarDays { days, .. } => count(
                *days,
                "календарный день",
                "календарных дня",
                "календарных дней",
            ),
            Rule::WorkingDays { days, .. } => {
                count(*days, "рабочий день", "рабочих дня", "рабочих дней")
            }
            Rule::Hours { hours, .. } => count(*hours, "час", "часа", "часов"),
            Rule::AnnualBy { day, month } => format!("ежегодно до{NB}{day:02}.{month:02}"),
            Rule::Monthly { times } => format!("{} в месяц", count(*times, "раз", "раза", "раз")),
            Rule::Text { text } => text.clone(),
        }
    }
}

/// A clause that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub clause: String,
    /// Why, for the program's own wording (the builder says it in the editor's language).
    pub kind: ParseErrorKind,
    /// Why, in Russian, as the browser's calculator says it.
    pub message: String,
}

/// Why a deadline text could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// Nothing but punctuation, or nothing at all.
    Empty,
    /// «ежегодно» without a day and month after it.
    AnnualWithoutDate,
    /// «… раз в месяц» without a readable count.
    MonthlyCount,
    /// «в течение 0 дней».
    ZeroDays,
    /// Numbers or day words, but no period this reader knows.
    UnreadablePeriod,
    /// Neither a period, nor a date, nor a known phrase.
    Unknown,
}

impl ParseErrorKind {
    /// The Russian explanation (the calculator's and the browser's).
    pub fn message_ru(self) -> &'static str {
        match self {
            ParseErrorKind::Empty => "срок не указан",
            ParseErrorKind::AnnualWithoutDate => {
                "после «ежегодно» ожидается дата, например «не позднее 5 сентября»"
            }
            ParseErrorKind::MonthlyCount => "не понятно, сколько раз в месяц",
            ParseErrorKind::ZeroDays => "срок в 0 дней не имеет смысла",
            ParseErrorKind::UnreadablePeriod => {
                "похоже на срок, но его не удалось разобрать: напишите, например, «в течение 5 рабочих дней после получения заявки»"
            }
            ParseErrorKind::Unknown => {
                "непонятный срок: это не период («в течение N дней»), не дата («ежегодно не позднее 5 сентября») и не известная формулировка («постоянно», «в соответствии с …»)"
            }
        }
    }
}

impl ParseError {
    fn new(clause: &str, kind: ParseErrorKind) -> Self {
        ParseError {
            clause: clause.to_string(),
            kind,
            message: kind.message_ru().to_string(),
        }
    }
}

/// Phrases that mark a clause as non-computable text.
const TEXT_MARKERS: &[&str] = &[
    "постоянно",
    "в соответствии с",
    "в сроки, установленные",
    "в сроки установленные",
    "по отдельному графику",
    "по графику",
    "в течение учебного года",
    "по мере необходимости",
    "по запросу",
    "по согласованию",
    "по мере поступления",
    "ежедневно",
];

/// Words that start a new clause after a comma.
const CLAUSE_STARTS: &[&str] = &[
    "в течение",
    "не позднее",
    "не позже",
    "ежегодно",
    "ежемесячно",
    "постоянно",
    "своевременн",
    "по отдельному",
    "в соответствии",
    "по мере",
    "в сроки",
];

/// Month names in the genitive («5 сентября»), January first.
pub(super) const MONTHS: &[&str] = &[
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
];

/// Lowercase, ё → е, all whitespace (line breaks from OCR, NBSP) collapsed to single spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        for l in c.to_lowercase() {
            out.push(if l == 'ё' { 'е' } else { l });
        }
    }
    out
}

/// Split a cell into clauses at top-level commas/semicolons that start a new rule.
fn clauses(norm: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    for c in norm.chars() {
        match c {
            '(' | '«' => depth += 1,
            ')' | '»' => depth -= 1,
            _ => {}
        }
        if (c == ',' || c == ';') && depth <= 0 {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        let t = p.trim().trim_end_matches('.').trim().to_string();
        if t.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(prev) if !CLAUSE_STARTS.iter().any(|s| t.starts_with(s)) => {
                prev.push_str(", ");
                prev.push_str(&t);
            }
            _ => out.push(t),
        }
    }
    out
}

fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "одного" | "один" | "одна" | "одной" | "одних" => 1,
        "двух" | "два" | "две" => 2,
        "трех" | "три" => 3,
        "четырех" | "четыре" => 4,
        "пяти" | "пять" => 5,
        "шести" | "шесть" => 6,
        "семи" | "семь" => 7,
        "десяти" | "десять" => 10,
        "пятнадцати" | "пятнадцать" => 15,
        "тридцати" | "тридцать" => 30,
        _ => return None,
    })
}

fn parse_number(w: &str) -> Option<u32> {
    let w = w.trim_matches(|c: char| c == '(' || c == ')');
    if !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()) {
        return w.parse().ok();
    }
    number_word(w)
}

fn is_day_word(w: &str) -> bool {
    matches!(w, "день" | "дня" | "дней" | "суток" | "сутки")
}

fn is_hour_word(w: &str) -> bool {
    matches!(w, "час" | "часа" | "часов")
}

fn event_of(rest: &[&str]) -> Option<String> {
    let s = rest.join(" ");
    let s = s.trim().trim_end_matches('.').trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Parse one clause (already normalized).
fn clause(c: &str) -> Result<Rule, ParseError> {
    let words: Vec<&str> = c.split(' ').collect();
    let err = |kind| ParseError::new(c, kind);

    // «ежегодно не позднее 5 сентября», «ежегодно до 1 октября»
    if words.first() == Some(&"ежегодно") {
        let rest: Vec<&str> = words[1..]
            .iter()
            .copied()
            .skip_while(|w| matches!(*w, "не" | "позднее" | "позже" | "до"))
            .collect();
        let day = rest.first().and_then(|w| w.parse::<u8>().ok());
        let month = rest.get(1).and_then(|w| MONTHS.iter().position(|m| m == w));
        return match (day, month) {
            (Some(d), Some(m)) if (1..=31).contains(&d) => Ok(Rule::AnnualBy {
                day: d,
                month: m as u8 + 1,
            }),
            _ => Err(err(ParseErrorKind::AnnualWithoutDate)),
        };
    }
    // «1 раз в месяц», «ежемесячно», «два раза в месяц»
    if c == "ежемесячно" {
        return Ok(Rule::Monthly { times: 1 });
    }
    if let Some(i) = words.iter().position(|w| matches!(*w, "раз" | "раза")) {
        if words.get(i + 1) == Some(&"в") && words.get(i + 2) == Some(&"месяц") {
            let times = if i == 0 {
                Some(1)
            } else {
                parse_number(words[i - 1])
            };
            return times
                .map(|times| Rule::Monthly { times })
                .ok_or_else(|| err(ParseErrorKind::MonthlyCount));
        }
    }
    // Periods: «в течение N [рабочих] дней …», «не позднее N дней после …», «в течение часа …»
    for (i, w) in words.iter().enumerate() {
        if matches!(*w, "часа" | "суток") && i > 0 && matches!(words[i - 1], "течение" | "позднее")
        {
            let rest = event_of(&words[i + 1..]);
            return Ok(if *w == "часа" {
                Rule::Hours {
                    hours: 1,
                    event: rest,
                }
            } else {
                Rule::CalendarDays {
                    days: 1,
                    event: rest,
                }
            });
        }
        let Some(n) = parse_number(w) else { continue };
        let mut j = i + 1;
        let working = matches!(words.get(j), Some(&("рабочих" | "рабочего" | "рабочий")));
        if working {
            j += 1;
        }
        if matches!(
            words.get(j),
            Some(&("календарных" | "календарного" | "календарный"))
        ) {
            j += 1;
        }
        let Some(unit) = words.get(j) else { continue };
        if is_day_word(unit) {
            if n == 0 {
                return Err(err(ParseErrorKind::ZeroDays));
            }
            let event = event_of(&words[j + 1..]);
            return Ok(if working {
                Rule::WorkingDays { days: n, event }
            } else {
                Rule::CalendarDays { days: n, event }
            });
        }
        if is_hour_word(unit) && !working {
            return Ok(Rule::Hours {
                hours: n,
                event: event_of(&words[j + 1..]),
            });
        }
    }
    if TEXT_MARKERS.iter().any(|m| c.contains(m)) {
        return Ok(Rule::Text {
            text: c.to_string(),
        });
    }
    let looks_like_period = words.iter().any(|w| {
        w.chars().any(|ch| ch.is_ascii_digit())
            || is_day_word(w)
            || is_hour_word(w)
            || w.starts_with("рабоч")
    });
    Err(err(if looks_like_period {
        ParseErrorKind::UnreadablePeriod
    } else {
        ParseErrorKind::Unknown
    }))
}

/// Parse a whole cell. Every clause must be understood.
pub fn parse(text: &str) -> Result<Vec<Rule>, ParseError> {
    let norm = normalize(text);
    if norm.is_empty() {
        return Err(ParseError::new("", ParseErrorKind::Empty));
    }
    let parts = clauses(&norm);
    if parts.is_empty() {
        return Err(ParseError::new(&norm, ParseErrorKind::Empty));
    }
    parts.iter().map(|c| clause(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cal(days: u32, event: &str) -> Rule {
        Rule::CalendarDays {
            days,
            event: Some(event.to_string()),
        }
    }

    #[test]
    fn rules_in_a_readers_words() {
        let words = |text: &str| -> Vec<String> {
            parse(text).unwrap().iter().map(Rule::in_words).collect()
        };
        assert_eq!(words("в течение 3 рабочих дней"), ["3\u{a0}рабочих дня"]);
        assert_eq!(words("в течение 21 дня"), ["21\u{a0}календарный день"]);
        assert_eq!(words("в течение 11 дней"), ["11\u{a0}календарных дней"]);
        assert_eq!(words("в течение 2 часов"), ["2\u{a0}часа"]);
        assert_eq!(
            words("ежегодно не позднее 5 сентября"),
            ["ежегодно до\u{a0}05.09"]
        );
        assert_eq!(words("2 раза в месяц"), ["2\u{a0}раза в месяц"]);
        assert_eq!(words("постоянно"), ["постоянно"]);
    }

    #[test]
    fn calendar_and_working_days_with_events() {
        assert_eq!(
            parse("В течение 10 дней после получения лицензии на образовательную деятельность")
                .unwrap(),
            vec![cal(
                10,
                "после получения лицензии на образовательную деятельность"
            )]
        );
        assert_eq!(
            parse("Не позднее 3 дней после проведения учебного занятия").unwrap(),
            vec![cal(3, "после проведения учебного занятия")]
        );
        assert_eq!(
            parse("в течение 3 рабочих дней в случае изменения информации").unwrap(),
            vec![Rule::WorkingDays {
                days: 3,
                event: Some("в случае изменения информации".into())
            }]
        );
        assert_eq!(
            parse("В течение 1 дня с момента обращения").unwrap(),
            vec![cal(1, "с момента обращения")]
        );
        assert_eq!(
            parse("в течение пяти рабочих дней").unwrap(),
            vec![Rule::WorkingDays {
                days: 5,
                event: None
            }]
        );
        assert_eq!(
            parse("30 календарных дней").unwrap(),
            vec![Rule::CalendarDays {
                days: 30,
                event: None
            }]
        );
    }

    #[test]
    fn tolerates_line_breaks_spacing_and_yo() {
        let r = parse("В течение\n 5   дней\u{a0}после\r\nполучения заявки").unwrap();
        assert_eq!(r, vec![cal(5, "после получения заявки")]);
        assert_eq!(normalize("Её  СОСТАВА"), "ее состава");
    }

    #[test]
    fn hours() {
        assert_eq!(
            parse("В течение часа после получения утвержденных результатов").unwrap(),
            vec![Rule::Hours {
                hours: 1,
                event: Some("после получения утвержденных результатов".into())
            }]
        );
        assert_eq!(
            parse("в течение 24 часов").unwrap(),
            vec![Rule::Hours {
                hours: 24,
                event: None
            }]
        );
    }

    #[test]
    fn annual_monthly_and_several_rules_in_one_cell() {
        assert_eq!(
            parse("Ежегодно не позднее 5 сентября").unwrap(),
            vec![Rule::AnnualBy { day: 5, month: 9 }]
        );
        assert_eq!(
            parse("1 раз в месяц").unwrap(),
            vec![Rule::Monthly { times: 1 }]
        );
        let r = parse("Ежегодно не позднее 5 сентября, в течение 3 рабочих дней в случае изменения информации или ее состава").unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0], Rule::AnnualBy { day: 5, month: 9 });
        assert!(matches!(r[1], Rule::WorkingDays { days: 3, .. }));
        let r = parse(
            "Ежегодно не позднее 5 сентября, своевременное редактирование по мере необходимости",
        )
        .unwrap();
        assert!(matches!(&r[1], Rule::Text { text } if text.contains("по мере необходимости")));
    }

    #[test]
    fn non_computable_texts_and_commas_inside_them() {
        for t in [
            "Постоянно",
            "В соответствии с административным регламентом",
            "По отдельному графику",
            "В сроки, установленные административным регламентом",
            "В течение учебного года",
        ] {
            let r = parse(t).unwrap();
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert!(matches!(r[0], Rule::Text { .. }), "{t}: {r:?}");
        }
        // A comma inside parentheses does not split the clause.
        let r = parse("В течение 1 дня с момента предоставления соответствующих документов (договор, заявление, справка, акт и т.д.)").unwrap();
        assert_eq!(r.len(), 1);
    }

    #[test]
    fn unreadable_cells_are_errors() {
        let kind = |t: &str| parse(t).map(|_| ()).map_err(|e| e.kind);
        assert_eq!(kind(""), Err(ParseErrorKind::Empty));
        assert_eq!(
            kind(", "),
            Err(ParseErrorKind::Empty),
            "punctuation only is not a deadline"
        );
        assert_eq!(kind(" ; . "), Err(ParseErrorKind::Empty));
        assert_eq!(
            kind("в течение нескольких дней"),
            Err(ParseErrorKind::UnreadablePeriod),
            "a period that is not a number"
        );
        assert_eq!(
            kind("ежегодно в сентябре"),
            Err(ParseErrorKind::AnnualWithoutDate)
        );
        assert_eq!(kind("как можно скорее"), Err(ParseErrorKind::Unknown));
        assert_eq!(kind("в течение 0 дней"), Err(ParseErrorKind::ZeroDays));
        assert_eq!(
            kind("несколько раз в месяц"),
            Err(ParseErrorKind::MonthlyCount)
        );
        // The browser's text is the kind's Russian message.
        let e = parse("как можно скорее").unwrap_err();
        assert_eq!(e.message, ParseErrorKind::Unknown.message_ru());
        assert_eq!(e.clause, "как можно скорее");
    }
}
