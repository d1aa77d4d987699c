//! Russian forms the builder and the browser both write, once: the plural form for a number,
//! a date as a reader reads it (`05.09.2026`, `05.09.2026 в 11:00`). The browser gets them
//! through the deadline module (`date_ru`, and each answer's `rule_text`); the page scripts'
//! own `pamyatka.plural` (common.js) is the one copy in JavaScript, for the scripts that load
//! no module (the checklist) or say a count as the reader types.

use crate::date::IsoDate;

/// The no-break space: «3\u{a0}рабочих дня», «в\u{a0}11:00» never break.
pub const NB: char = '\u{a0}';

/// The Russian form for the number `n`: `plural(n, "срок", "срока", "сроков")` — «1 срок»,
/// «3 срока», «11 сроков», «21 срок».
pub fn plural<'a>(n: usize, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let (d10, d100) = (n % 10, n % 100);
    if d10 == 1 && d100 != 11 {
        one
    } else if (2..=4).contains(&d10) && !(12..=14).contains(&d100) {
        few
    } else {
        many
    }
}

/// `05.09.2026`
pub fn date(d: IsoDate) -> String {
    let d = d.0;
    format!("{:02}.{:02}.{}", d.day(), u8::from(d.month()), d.year())
}

/// An ISO date (`2026-09-05`) or date-time (`2026-09-05T11:00`) as a reader reads it:
/// `05.09.2026`, `05.09.2026 в 11:00`; anything else as it is.
pub fn moment(iso: &str) -> String {
    let (day, time) = match iso.split_once('T') {
        Some((day, time)) => (day, Some(time.get(..5).unwrap_or(time))),
        None => (iso, None),
    };
    match (IsoDate::parse(day), time) {
        (Some(d), None) => date(d),
        (Some(d), Some(t)) => format!("{} в{NB}{t}", date(d)),
        (None, _) => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms() {
        let f = |n| plural(n, "срок", "срока", "сроков");
        for (n, want) in [
            (0, "сроков"),
            (1, "срок"),
            (2, "срока"),
            (4, "срока"),
            (5, "сроков"),
            (11, "сроков"),
            (12, "сроков"),
            (14, "сроков"),
            (21, "срок"),
            (22, "срока"),
            (101, "срок"),
            (111, "сроков"),
            (112, "сроков"),
        ] {
            assert_eq!(f(n), want, "{n}");
        }
    }

    #[test]
    fn dates_and_moments() {
        let d = IsoDate::parse("2026-09-05").unwrap();
        assert_eq!(date(d), "05.09.2026");
        assert_eq!(moment("2026-09-05"), "05.09.2026");
        assert_eq!(moment("2026-09-05T11:00"), "05.09.2026 в\u{a0}11:00");
        assert_eq!(moment("2026-09-05T11:00:30"), "05.09.2026 в\u{a0}11:00");
        assert_eq!(moment("завтра"), "завтра");
    }
}
