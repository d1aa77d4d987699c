//! The browser's entry points (wasm-bindgen). Everything crosses the boundary as JSON strings,
//! so the JavaScript side stays small and the answers are byte-for-byte what the CLI prints.
//! Only this module knows about wasm; the rest of the crate is plain Rust.

use std::cell::RefCell;
use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;

use crate::account::{self, EsiaAnswers, FormValue, ReadinessRule, RegistrationForm};
use crate::archive::{self, ArchiveReport, ArchiveRule, ByteSource};
use crate::calendar::{ProductionCalendar, YearData};
use crate::date::IsoDate;
use crate::deadline::{self, Rule};
use crate::identifiers;

thread_local! {
    static CALENDAR: RefCell<ProductionCalendar> = RefCell::new(ProductionCalendar::default());
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

fn from_json<T: serde::de::DeserializeOwned>(what: &str, json: &str) -> Result<T, JsError> {
    serde_json::from_str(json).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

#[wasm_bindgen]
pub fn snils(value: &str) -> String {
    to_json(&identifiers::check_snils(value))
}

#[wasm_bindgen]
pub fn inn(value: &str) -> String {
    to_json(&identifiers::check_inn(value))
}

#[wasm_bindgen]
pub fn ogrn(value: &str) -> String {
    to_json(&identifiers::check_ogrn(value))
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

/// Bytes on demand from JavaScript: `read(offset, len)` returns a `Uint8Array` (a `File.slice`
/// read with `FileReaderSync` in a worker, or a view of an `ArrayBuffer`).
struct JsSource {
    len: u64,
    read: js_sys::Function,
}

impl ByteSource for JsSource {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&mut self, offset: u64, len: usize) -> Result<Vec<u8>, String> {
        let v = self
            .read
            .call2(
                &JsValue::NULL,
                &JsValue::from_f64(offset as f64),
                &JsValue::from_f64(len as f64),
            )
            .map_err(|e| format!("{e:?}"))?;
        let bytes = js_sys::Uint8Array::new(&v).to_vec();
        if bytes.len() != len {
            return Err(format!("read {} bytes of {len}", bytes.len()));
        }
        Ok(bytes)
    }
}

#[wasm_bindgen]
pub fn check_archive(
    rule_json: &str,
    name: &str,
    size: f64,
    read: js_sys::Function,
) -> Result<String, JsError> {
    let rule: ArchiveRule = from_json("archive rule", rule_json)?;
    let mut src = JsSource {
        len: size as u64,
        read,
    };
    Ok(to_json(&archive::check_archive(&rule, name, &mut src)))
}

/// Two archives for the same person among the reports already made.
#[wasm_bindgen]
pub fn check_many(rule_json: &str, reports_json: &str) -> Result<String, JsError> {
    let rule: ArchiveRule = from_json("archive rule", rule_json)?;
    let reports: Vec<ArchiveReport> = from_json("reports", reports_json)?;
    Ok(to_json(&archive::check_many(&rule, &reports)))
}

#[wasm_bindgen]
pub fn esia_readiness(rule_json: &str, answers_json: &str, today: &str) -> Result<String, JsError> {
    let rule: ReadinessRule = from_json("readiness rule", rule_json)?;
    let answers: EsiaAnswers = from_json("answers", answers_json)?;
    let today = IsoDate::parse(today).ok_or_else(|| JsError::new("today: YYYY-MM-DD"))?;
    Ok(to_json(&account::check_esia_readiness(
        &rule, &answers, today,
    )))
}

#[wasm_bindgen]
pub fn registration_form(form_json: &str, values_json: &str) -> Result<String, JsError> {
    let form: RegistrationForm = from_json("registration form", form_json)?;
    let values: BTreeMap<String, FormValue> = from_json("values", values_json)?;
    Ok(to_json(&account::check_registration_form(&form, &values)))
}
