//! `content/calendar/<year>.yaml`: the production calendar, one file per year.

use std::collections::BTreeSet;

use pamyatka_checks::calendar::{ProductionCalendar, Status, YearData};

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
                        format!("cannot read {}: {err}", e.path().display()),
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

/// What a calendar file without `status` needs.
const STATUS_HINT: &str = "add `status: in-force` when the decree in `source` is officially published, `status: draft` when it is not (see docs/DATA.md)";

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
            Err(d) if yaml::is_missing_field(&d, "status") => {
                errors.push(d.hint(STATUS_HINT));
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
                    format!("the file is named {name} but says year: `{}`", year.year),
                )
                .hint("name each calendar file after its year, e.g. calendar/2027.yaml"),
            );
        }
        for p in year.problems() {
            errors.push(
                super::data_error("calendar", rel, text, p).hint(
                    "compare with the Government decree on transferring days off for this year",
                ),
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
            format!(
                "content/calendar/{year}.yaml is missing between {prev} and {next}: deadlines that cross {year} cannot be counted in working days"
            ),
        )
        .kind("missing-year")
        .hint("add the year from the Government decree «О переносе выходных дней» (see docs/DATA.md)");
        if let Some(text) = site.data_sources.get(&rel) {
            d = d
                .at(yaml::location_of(
                    &file,
                    text,
                    0,
                    text.len(),
                    &[yaml::Seg::Key("year")],
                ))
                .label(format!("the year after the missing {year}"));
        }
        warnings.push(d);
    }
    if !covered.is_empty() || has_regulations {
        for y in [today_year, today_year + 1] {
            if !covered.contains(&y) && !gaps.iter().any(|&(_, g, _)| g == y) {
                warnings.push(
                    Diagnostic::warning(
                        "calendar",
                        format!("content/calendar/{y}.yaml is missing: deadlines in {y} cannot be counted in working days"),
                    )
                    .kind("missing-year")
                    .hint("add the year from the Government decree «О переносе выходных дней» (see docs/DATA.md)"),
                );
            }
        }
    }
    (calendar, drafts)
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
}
