//! Identifiers, ЕСИА readiness and the ФИОКО registration form (feature `web-account`).

use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;

use super::{from_json, to_json};
use crate::account::{self, EsiaAnswers, FormValue, ReadinessRule, RegistrationForm};
use crate::date::IsoDate;
use crate::identifiers;

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
