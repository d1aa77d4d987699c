//! `content/calendar/<year>.yaml`: the production calendar, one file per year.

use pamyatka_checks::calendar::{ProductionCalendar, YearData};

use crate::content::Site;
use crate::diagnostic::Diagnostic;
use crate::yaml;

pub fn load(
    site: &Site,
    today_year: i32,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> ProductionCalendar {
    let mut years = Vec::new();
    for (rel, text) in site.data_sources.range("calendar/".to_string()..) {
        let Some(name) = rel.strip_prefix("calendar/") else {
            break;
        };
        let file = std::path::PathBuf::from("content").join(rel);
        let year: YearData = match yaml::parse(&file, text, "calendar") {
            Ok(y) => y,
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
    let has_regulations = site
        .data_sources
        .keys()
        .any(|k| k.starts_with("regulations/"));
    if !years.is_empty() || has_regulations {
        let covered: Vec<i32> = years.iter().map(|y| y.year).collect();
        for y in [today_year, today_year + 1] {
            if !covered.contains(&y) {
                warnings.push(
                    Diagnostic::warning(
                        "calendar",
                        format!("content/calendar/{y}.yaml is missing: deadlines in {y} cannot be counted in working days"),
                    )
                    .hint("add the year from the Government decree «О переносе выходных дней» (see docs/DATA.md)"),
                );
            }
        }
    }
    ProductionCalendar::new(&years)
}
