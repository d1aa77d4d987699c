//! `content/calendar/<year>.yaml`: the production calendar, one file per year.

use std::collections::BTreeSet;

use pamyatka_checks::calendar::{CalendarProblem, ProductionCalendar, Status, YearData};
use pamyatka_checks::date::IsoDate;

use crate::content::Site;
use crate::diagnostic::Diagnostic;
use crate::yaml;

/// Read only `content/calendar/*.yaml` under `root` (for `pamyatka deadline`).
pub fn load_dir(root: &std::path::Path) -> Result<ProductionCalendar, Vec<Diagnostic>> {
    let dir = root.join("content/calendar");
    let mut data_sources = std::collections::BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".yaml") || name.ends_with(".yml") {
                let text = std::fs::read_to_string(e.path()).map_err(|err| {
                    vec![Diagnostic::error(
                        "io",
                        crate::tr!(
                            "calendar-unreadable",
                            path = e.path().display().to_string(),
                            error = crate::i18n::io_error(&err)
                        ),
                    )]
                })?;
                data_sources.insert(format!("calendar/{name}"), std::sync::Arc::from(text));
            }
        }
    }
    let mut errors = Vec::new();
    let (calendar, _, _) = from_sources(&data_sources, &mut errors);
    if errors.is_empty() {
        Ok(calendar)
    } else {
        Err(errors)
    }
}

/// Whether a year's calendar is not in force (a draft: its dates may still change): what the
/// role calendars say about that year's events. The one place that reads the field.
pub fn is_draft(year: &YearData) -> bool {
    year.status != Status::InForce
}

/// The calendar, the years it covers and those of them that are drafts ([`is_draft`]).
fn from_sources(
    sources: &std::collections::BTreeMap<String, std::sync::Arc<str>>,
    errors: &mut Vec<Diagnostic>,
) -> (ProductionCalendar, Vec<i32>, BTreeSet<i32>) {
    let mut years = Vec::new();
    for (rel, text) in sources.range("calendar/".to_string()..) {
        let Some(name) = rel.strip_prefix("calendar/") else {
            break;
        };
        let file = std::path::PathBuf::from("content").join(rel);
        let year: YearData = match yaml::parse(&file, text, "calendar") {
            Ok(y) => y,
            // What a calendar file without `status` needs (told by the file having no such
            // key, not by the wording of the YAML error).
            Err(d) if d.message.contains("`status`") && !has_top_key(text, "status") => {
                errors.push(d.hint(crate::tr!("calendar-status-missing.hint")));
                continue;
            }
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        let stem = name.trim_end_matches(".yaml").trim_end_matches(".yml");
        if stem != year.year.to_string() {
            errors.push(
                super::data_error(
                    "calendar",
                    rel,
                    text,
                    crate::tr!(
                        "calendar-wrong-year",
                        name = name,
                        year = year.year.to_string()
                    ),
                )
                .hint(crate::tr!("calendar-wrong-year.hint")),
            );
        }
        for p in year.problems() {
            errors.push(
                super::data_error("calendar", rel, text, problem_message(&p))
                    .hint(crate::tr!("calendar-problem.hint")),
            );
        }
        years.push(year);
    }
    let covered = years.iter().map(|y| y.year).collect();
    let drafts = years
        .iter()
        .filter(|y| is_draft(y))
        .map(|y| y.year)
        .collect();
    (ProductionCalendar::new(&years), covered, drafts)
}

/// A calendar file's inconsistency in the editor's language; the value at fault is the first
/// one in backticks (where [`super::data_error`] points).
fn problem_message(p: &CalendarProblem) -> String {
    use crate::tr;
    match p {
        CalendarProblem::OutsideYear { list, date, year } => tr!(
            "calendar-outside-year",
            key = list.key(),
            date = date.to_string(),
            year = year.to_string()
        ),
        CalendarProblem::ExtraDayOffOnWeekend { date } => tr!(
            "calendar-extra-day-off-weekend",
            date = date.to_string(),
            weekday = weekday(*date)
        ),
        CalendarProblem::WorkingWeekendOnWeekday { date } => tr!(
            "calendar-working-weekend-weekday",
            date = date.to_string(),
            weekday = weekday(*date)
        ),
        CalendarProblem::TransferNotDayOff { to } => {
            tr!("calendar-transfer-not-day-off", date = to.to_string())
        }
        CalendarProblem::TransferFromNotHoliday { from } => {
            tr!("calendar-transfer-not-holiday", date = from.to_string())
        }
        CalendarProblem::WorkingWeekendIsHoliday { date } => {
            tr!("calendar-working-weekend-holiday", date = date.to_string())
        }
        CalendarProblem::WrongTotal { counted, stated } => tr!(
            "calendar-wrong-total",
            counted = *counted,
            stated = stated.to_string()
        ),
    }
}

/// The day of the week of `d` in the editor's language («суббота», "Saturday").
pub fn weekday(d: IsoDate) -> String {
    crate::tr!("weekday", n = d.0.weekday().number_from_monday())
}

pub fn load(
    site: &Site,
    today_year: i32,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> (ProductionCalendar, BTreeSet<i32>) {
    let (calendar, covered, drafts) = from_sources(&site.data_sources, errors);
    let has_regulations = site
        .data_sources
        .keys()
        .any(|k| k.starts_with("regulations/"));
    let gaps = gaps(&covered);
    for &(prev, year, next) in &gaps {
        let rel = format!("calendar/{next}.yaml");
        let file = std::path::PathBuf::from("content").join(&rel);
        let mut d = Diagnostic::warning(
            "calendar",
            crate::tr!(
                "calendar-gap",
                year = year.to_string(),
                prev = prev.to_string(),
                next = next.to_string()
            ),
        )
        .kind("missing-year")
        .hint(crate::tr!("calendar-gap.hint"));
        if let Some(text) = site.data_sources.get(&rel) {
            d = d
                .at(yaml::location_of(
                    &file,
                    text,
                    0,
                    text.len(),
                    &[yaml::Seg::Key("year")],
                ))
                .label(crate::tr!("calendar-gap.label", year = year.to_string()));
        }
        warnings.push(d);
    }
    if !covered.is_empty() || has_regulations {
        for y in [today_year, today_year + 1] {
            if !covered.contains(&y) && !gaps.iter().any(|&(_, g, _)| g == y) {
                warnings.push(
                    Diagnostic::warning(
                        "calendar",
                        crate::tr!("calendar-year-missing", year = y.to_string()),
                    )
                    .kind("missing-year")
                    .hint(crate::tr!("calendar-gap.hint")),
                );
            }
        }
    }
    (calendar, drafts)
}

/// Whether the YAML `text` has `key` at its top level (a line `key:` from its first column).
fn has_top_key(text: &str, key: &str) -> bool {
    text.lines().any(|l| {
        l.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// The years missing between the first and the last calendar file, each as (the year before
/// that has a file, the missing year, the year after that has one).
fn gaps(covered: &[i32]) -> Vec<(i32, i32, i32)> {
    let mut years = covered.to_vec();
    years.sort_unstable();
    years.dedup();
    years
        .windows(2)
        .flat_map(|w| (w[0] + 1..w[1]).map(move |y| (w[0], y, w[1])))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_the_years_missing_inside_the_range() {
        assert_eq!(gaps(&[2026, 2024]), [(2024, 2025, 2026)]);
        assert_eq!(
            gaps(&[2024, 2028, 2025]),
            [(2025, 2026, 2028), (2025, 2027, 2028)]
        );
        assert!(gaps(&[2024, 2025, 2026]).is_empty());
        assert!(gaps(&[2024]).is_empty());
    }

    #[test]
    fn top_keys_are_found_at_the_first_column_only() {
        assert!(has_top_key("year: 2027\nstatus: draft\n", "status"));
        assert!(has_top_key("status : draft", "status"));
        assert!(!has_top_key("year: 2027\n  status: draft\n", "status"));
        assert!(!has_top_key("statuses: []\n# status: draft\n", "status"));
    }

    #[test]
    fn the_missing_year_warning_speaks_both_languages() {
        use crate::i18n::{FluentArgs, Lang, message_in};
        let mut args = FluentArgs::new();
        args.set("year", "2026");
        args.set("prev", "2025");
        args.set("next", "2027");
        let ru = message_in(Lang::Ru, "calendar-gap", Some(&args));
        let en = message_in(Lang::En, "calendar-gap", Some(&args));
        assert!(
            ru.starts_with("Нет файла content/calendar/2026.yaml"),
            "{ru}"
        );
        assert!(
            en.starts_with("content/calendar/2026.yaml is missing between 2025 and 2027"),
            "{en}"
        );
    }
}
