//! Deadlines on the production calendar (feature `web-deadline`).

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::{from_json, to_json};
use crate::calendar::{ProductionCalendar, YearData};
use crate::deadline::{self, Rule};

thread_local! {
    static CALENDAR: RefCell<ProductionCalendar> = RefCell::new(ProductionCalendar::default());
}

/// Load the production calendar: a JSON array of the `content/calendar/*.yaml` years.
#[wasm_bindgen]
pub fn set_calendar(years_json: &str) -> Result<(), JsError> {
    let years: Vec<YearData> = from_json("calendar", years_json)?;
    CALENDAR.with(|c| *c.borrow_mut() = ProductionCalendar::new(&years));
    Ok(())
}

fn parse_from(from: &str) -> Result<deadline::From, JsError> {
    deadline::From::parse(from).ok_or_else(|| JsError::new("дата события: ожидается ГГГГ-ММ-ДД"))
}

/// `pamyatka deadline TEXT --from FROM --json`, in the browser.
#[wasm_bindgen]
pub fn deadline_text(text: &str, from: &str) -> Result<String, JsError> {
    let rules = deadline::parse(text).map_err(|e| JsError::new(&e.message))?;
    let from = parse_from(from)?;
    Ok(CALENDAR.with(|c| to_json(&deadline::compute_all(&rules, from, &c.borrow()))))
}

/// Rules already parsed at build time (a JSON array of rules).
#[wasm_bindgen]
pub fn deadline_rules(rules_json: &str, from: &str) -> Result<String, JsError> {
    let rules: Vec<Rule> = from_json("rules", rules_json)?;
    let from = parse_from(from)?;
    Ok(CALENDAR.with(|c| to_json(&deadline::compute_all(&rules, from, &c.borrow()))))
}

/// An ISO date or date-time as a reader reads it (`05.09.2026`, `05.09.2026 в 11:00`): the
/// calculator's dates in the checks crate's words ([`crate::ru::moment`]).
#[wasm_bindgen]
pub fn date_ru(iso: &str) -> String {
    crate::ru::moment(iso)
}

/// The weekday of an ISO date, lowercase («суббота»); empty for anything else.
#[wasm_bindgen]
pub fn weekday_ru(iso: &str) -> String {
    crate::date::IsoDate::parse(iso.get(..10).unwrap_or(iso))
        .map_or_else(String::new, |d| d.weekday_ru().to_string())
}
