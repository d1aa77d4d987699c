//! Typed data files: the stage after loading that gives meaning to the YAML files the site
//! depends on (production calendar, regulation tables and their roles), checks them against each
//! other and the pages, and adds the pages made from data (one per role of a regulation table).

pub mod calendar;
pub mod regulation;
pub mod rules;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use regulation::view::{GroupPage, RolesPage, RowView};

use crate::content::Site;
use crate::diagnostic::{Diagnostic, Diagnostics, Location};

/// What the typed data stage adds for rendering.
#[derive(Default)]
pub struct TypedData {
    /// Extra template values per page (`rel` → values), in the order of the pages' `rel`.
    pub page_values: BTreeMap<String, Vec<PageValue>>,
    pub calendar: pamyatka_checks::calendar::ProductionCalendar,
    /// The calendar years not yet confirmed (`calendar::is_draft`).
    pub draft_years: std::collections::BTreeSet<i32>,
    /// Files made from data (the role calendars), relative to the output.
    pub files: Vec<(String, Vec<u8>)>,
}

/// A template value of a page made from data, typed until it enters the page's context
/// (`render::context::PageContext`, where each has its field).
pub enum PageValue {
    /// `regulation`: a stage's or module's page of a regulation table.
    Regulation(Box<GroupPage>),
    /// `regulation_roles`: a table's role index, or one role's page.
    RegulationRoles(Box<RolesPage>),
    /// `calculator` (`true`): the page has deadline calculators outside its Markdown.
    Calculator,
}

impl TypedData {
    /// The regulation rows the search index gets: once each (the rows of the group pages), in
    /// the order of the pages that show them.
    pub fn search_rows(&self) -> Vec<&RowView> {
        self.page_values
            .values()
            .flatten()
            .filter_map(|v| match v {
                PageValue::Regulation(page) => Some(&page.group.rows),
                _ => None,
            })
            .flatten()
            .collect()
    }
}

/// Parse and check the typed data files; add data pages to `site`.
pub fn attach(site: &mut Site, today_year: i32) -> Result<TypedData, Diagnostics> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let (calendar, draft_years) = calendar::load(site, today_year, &mut errors, &mut warnings);
    let mut typed = TypedData {
        calendar,
        draft_years,
        ..TypedData::default()
    };
    regulation::attach(site, &mut typed, &mut errors);
    rules::check(site, &mut errors);
    site.warnings.extend(warnings);
    if errors.is_empty() {
        Ok(typed)
    } else {
        Err(Diagnostics {
            diagnostics: errors,
        })
    }
}

/// A located error about a value quoted in backticks in `message`, found in a data file.
pub fn data_error(code: &'static str, rel: &str, text: &Arc<str>, message: String) -> Diagnostic {
    let file = PathBuf::from("content").join(rel);
    let loc = crate::yaml::locate_quoted(text, &message)
        .map(|(offset, len)| Location::new(&file, text.clone(), offset, len));
    let d = Diagnostic::error(code, message);
    match loc {
        Some(l) => d.at(l),
        None => Diagnostic {
            message: format!("content/{rel}: {}", d.message),
            ..d
        },
    }
}
