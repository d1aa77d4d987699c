//! The ФГБУ «ФИОКО» registration form: the rule `content/fioko/registration-form.yaml`
//! ([`RegistrationForm`]) and the check of what the user entered ([`check_registration_form`]):
//! required fields and checkboxes, logins, e-mail, matching passwords, phone numbers (`+7` and
//! 10 digits) and names in Russian letters.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{RuleProblem, email_error, lower_first, sentence};
use crate::identifiers::describe_char;

// ---------------------------------------------------------------------------------------------
// content/fioko/registration-form.yaml

/// `content/fioko/registration-form.yaml`: the ФИОКО registration form.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RegistrationForm {
    pub source: String,
    /// The button that sends the form.
    pub submit: String,
    /// The button that discards it.
    pub cancel: String,
    /// In the order the form shows them.
    pub fields: Vec<FormField>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FormField {
    /// Stable ASCII id.
    pub id: String,
    /// The caption on the form, as on the screen.
    pub label: String,
    /// Its meaning in plain Russian.
    pub name: String,
    #[serde(rename = "type")]
    pub kind: FieldKind,
    /// Checkboxes marked `false` may stay empty.
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<FormFormat>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    Text,
    Email,
    Password,
    Tel,
    Checkbox,
    Captcha,
}

/// A machine-checkable field format; written in YAML as `login`, `email`, `same-as:<id>`,
/// `phone-ru`, `cyrillic`, `digits`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormFormat {
    /// Non-empty, no spaces.
    Login,
    Email,
    /// Must equal the value of the field with this id.
    SameAs(String),
    /// `+7` followed by 10 digits; spaces, brackets and dashes are ignored.
    PhoneRu,
    /// Russian letters, spaces and hyphens (and apostrophes).
    Cyrillic,
    Digits,
}

impl fmt::Display for FormFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormFormat::Login => f.write_str("login"),
            FormFormat::Email => f.write_str("email"),
            FormFormat::SameAs(id) => write!(f, "same-as:{id}"),
            FormFormat::PhoneRu => f.write_str("phone-ru"),
            FormFormat::Cyrillic => f.write_str("cyrillic"),
            FormFormat::Digits => f.write_str("digits"),
        }
    }
}

impl std::str::FromStr for FormFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "login" => FormFormat::Login,
            "email" => FormFormat::Email,
            "phone-ru" => FormFormat::PhoneRu,
            "cyrillic" => FormFormat::Cyrillic,
            "digits" => FormFormat::Digits,
            _ => match s.strip_prefix("same-as:") {
                Some(id) if !id.trim().is_empty() => FormFormat::SameAs(id.trim().to_string()),
                _ => {
                    return Err(format!(
                        "unknown field format `{s}`: expected login, email, same-as:<field id>, phone-ru, cyrillic or digits"
                    ));
                }
            },
        })
    }
}

impl<'de> Deserialize<'de> for FormFormat {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The values `FormFormat::from_str` reads, for the JSON Schemas (`pamyatka schema`).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for FormFormat {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FormFormat".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": r"^(login|email|phone-ru|cyrillic|digits|same-as:\s*\S.*)$",
            "examples": ["login", "email", "same-as:password", "phone-ru", "cyrillic", "digits"]
        })
    }
}

impl Serialize for FormFormat {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl RegistrationForm {
    /// Internal consistency, for the builder: unique ids, `same-as` targets that exist.
    pub fn problems(&self) -> Vec<RuleProblem> {
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        for f in &self.fields {
            if !seen.insert(f.id.as_str()) {
                out.push(RuleProblem::DuplicateField { id: f.id.clone() });
            }
        }
        for f in &self.fields {
            if let Some(FormFormat::SameAs(target)) = &f.format {
                if !self.fields.iter().any(|g| &g.id == target && g.id != f.id) {
                    out.push(RuleProblem::SameAsMissing {
                        field: f.id.clone(),
                        target: target.clone(),
                    });
                }
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Registration form check

/// A value the user entered: text, or a checkbox state. In JSON: a string or a bool.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum FormValue {
    Checked(bool),
    Text(String),
}

/// One problem with the form. Codes (stable): `required`, `not_checked`, `has_spaces`,
/// `bad_email`, `mismatch`, `bad_phone`, `latin_letter`, `bad_chars`, `no_letters`,
/// `not_digits`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's id from the YAML.
    pub field: String,
    pub code: &'static str,
    pub message_ru: String,
}

/// The phone number as `+7XXXXXXXXXX`, when it is `+7` and 10 digits once spaces, brackets
/// and dashes are removed.
pub fn normalize_phone_ru(s: &str) -> Option<String> {
    let kept = phone_chars(s).ok()?;
    let digits = kept.strip_prefix("+7")?;
    (digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("+7{digits}"))
}

/// The characters of a phone number without spaces, brackets and dashes; `Err` with the first
/// other character (1-based position) that is neither a digit nor a leading `+`.
fn phone_chars(s: &str) -> Result<String, (usize, char)> {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_whitespace() || matches!(c, '(' | ')' | '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
        {
            continue;
        }
        if c.is_ascii_digit() || (c == '+' && out.is_empty()) {
            out.push(c);
        } else {
            return Err((i + 1, c));
        }
    }
    Ok(out)
}

fn phone_error(s: &str) -> Option<String> {
    let kept = match phone_chars(s) {
        Ok(k) => k,
        Err((pos, c)) => {
            return Some(format!(
                "в номере телефона недопустимый символ на {pos}-м месте: {} — введите номер в формате +7XXXXXXXXXX; пробелы, скобки и дефисы можно",
                describe_char(c)
            ));
        }
    };
    if normalize_phone_ru(&kept).is_some() {
        return None;
    }
    let digits = kept.trim_start_matches('+');
    if !kept.starts_with('+') && digits.len() == 11 {
        if let Some(rest) = digits.strip_prefix('8') {
            return Some(format!(
                "номер нужно начинать с +7, а не с 8 — введите +7{rest}"
            ));
        }
        if digits.starts_with('7') {
            return Some(format!("перед 7 нужен знак «+» — введите +{digits}"));
        }
    }
    if !kept.starts_with("+7") {
        return Some(
            "номер телефона должен начинаться с +7 и содержать ещё 10 цифр, например +7 912 345-67-89"
                .into(),
        );
    }
    let n = digits.len().saturating_sub(1);
    Some(format!(
        "после +7 должно быть 10 цифр, а {} — проверьте номер",
        crate::identifiers::entered(n)
    ))
}

fn is_russian_letter(c: char) -> bool {
    matches!(c, 'А'..='я' | 'Ё' | 'ё')
}

/// The Russian letter a Latin letter looks like.
fn cyrillic_lookalike(c: char) -> Option<char> {
    Some(match c {
        'A' => 'А',
        'a' => 'а',
        'B' => 'В',
        'C' => 'С',
        'c' => 'с',
        'E' => 'Е',
        'e' => 'е',
        'H' => 'Н',
        'K' => 'К',
        'k' => 'к',
        'M' => 'М',
        'O' => 'О',
        'o' => 'о',
        'P' => 'Р',
        'p' => 'р',
        'T' => 'Т',
        'X' => 'Х',
        'x' => 'х',
        'y' => 'у',
        _ => return None,
    })
}

/// Is `c` a Latin letter (ASCII or accented)?
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c.is_alphabetic() && matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}'))
}

fn is_name_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '\'' | '’' | 'ʼ')
}

/// Checks a surname, given name or patronymic: Russian letters, spaces, hyphens, apostrophes.
fn cyrillic_error(value: &str) -> Option<(&'static str, String)> {
    const MAX_LISTED: usize = 5;
    let chars: Vec<char> = value.chars().collect();
    let latin: Vec<(usize, char)> = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| is_latin_letter(**c))
        .map(|(i, c)| (i + 1, *c))
        .collect();
    let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
    if !latin.is_empty() {
        if latin.len() == letters && letters > 1 {
            return Some((
                "latin_letter",
                "набрано латиницей — переключите раскладку и введите русскими буквами, как в паспорте".into(),
            ));
        }
        let mut parts: Vec<String> = latin
            .iter()
            .take(MAX_LISTED)
            .map(|(pos, c)| match cyrillic_lookalike(*c) {
                Some(r) => format!("{pos}-я буква «{c}» — латинская, хотя похожа на русскую «{r}»"),
                None => format!("{pos}-я буква «{c}» — латинская"),
            })
            .collect();
        if latin.len() > MAX_LISTED {
            parts.push(format!("и ещё {}", latin.len() - MAX_LISTED));
        }
        return Some((
            "latin_letter",
            format!(
                "{}. Наберите {} заново в русской раскладке",
                parts.join("; "),
                if latin.len() == 1 { "её" } else { "их" }
            ),
        ));
    }
    if let Some((i, c)) = chars
        .iter()
        .enumerate()
        .find(|(_, c)| !is_russian_letter(**c) && !is_name_separator(**c))
    {
        let what = if c.is_alphabetic() {
            format!("буква «{c}» не из русского алфавита")
        } else if c.is_ascii_digit() {
            format!("цифра «{c}»")
        } else {
            format!("недопустимый символ {}", describe_char(*c))
        };
        return Some((
            "bad_chars",
            format!(
                "на {}-м месте {what} — пишите кириллицей, как в паспорте: только русские буквы, пробел, дефис и апостроф",
                i + 1
            ),
        ));
    }
    if letters == 0 {
        return Some((
            "no_letters",
            "нет ни одной буквы — введите русскими буквами, как в паспорте".into(),
        ));
    }
    None
}

/// « — логин нового пользователя» when the plain name says more than the caption.
fn explain(label: &str, name: &str) -> String {
    if label.to_lowercase() == name.to_lowercase() {
        String::new()
    } else {
        format!(" — {}", lower_first(name))
    }
}

/// Checks the ФИОКО registration form against the rule. `values` maps field ids to what the
/// user entered (a missing field is empty; a missing checkbox is not checked). Returns the
/// problems in the order of the form; empty when the form is fine.
///
/// The captcha is only checked when a value is given: it can be entered on the ФИОКО site only.
pub fn check_registration_form(
    form: &RegistrationForm,
    values: &BTreeMap<String, FormValue>,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let text_of = |id: &str| -> &str {
        match values.get(id) {
            Some(FormValue::Text(s)) => s.as_str(),
            _ => "",
        }
    };
    for field in &form.fields {
        let label = &field.label;
        let hint = field
            .hint
            .as_deref()
            .map(|h| format!(" {h}"))
            .unwrap_or_default();
        let mut err = |code: &'static str, message_ru: String| {
            errors.push(FieldError {
                field: field.id.clone(),
                code,
                message_ru,
            });
        };

        if field.kind == FieldKind::Checkbox {
            let checked = match values.get(&field.id) {
                Some(FormValue::Checked(b)) => *b,
                Some(FormValue::Text(s)) => {
                    matches!(s.trim().to_lowercase().as_str(), "true" | "on" | "1" | "да")
                }
                None => false,
            };
            if field.required && !checked {
                err("not_checked", format!("Отметьте «{label}».{hint}"));
            }
            continue;
        }

        let raw = text_of(&field.id);
        let value = raw.trim();
        if value.is_empty() {
            if field.required && field.kind != FieldKind::Captcha {
                err(
                    "required",
                    format!(
                        "Заполните поле «{label}»{}.{hint}",
                        explain(label, &field.name)
                    ),
                );
            }
            continue;
        }

        let Some(format) = &field.format else {
            continue;
        };
        match format {
            FormFormat::Login => {
                if let Some((i, c)) = raw.chars().enumerate().find(|(_, c)| c.is_whitespace()) {
                    err(
                        "has_spaces",
                        format!(
                            "В поле «{label}» не должно быть пробелов: уберите {} на {}-м месте.",
                            describe_char(c),
                            i + 1
                        ),
                    );
                }
            }
            FormFormat::Email => {
                if let Some(e) = email_error(value) {
                    err("bad_email", format!("«{label}»: {}", sentence(&e)));
                }
            }
            FormFormat::SameAs(target) => {
                // Passwords are compared exactly, spaces included.
                if raw != text_of(target) {
                    let target_label = form
                        .fields
                        .iter()
                        .find(|f| &f.id == target)
                        .map(|f| f.label.as_str())
                        .unwrap_or(target.as_str());
                    err(
                        "mismatch",
                        format!(
                            "«{label}» не совпадает с полем «{target_label}»: введите в оба поля одно и то же, с учётом регистра букв и раскладки."
                        ),
                    );
                }
            }
            FormFormat::PhoneRu => {
                if let Some(e) = phone_error(value) {
                    err("bad_phone", format!("«{label}»: {e}."));
                }
            }
            FormFormat::Cyrillic => {
                if let Some((code, e)) = cyrillic_error(value) {
                    err(code, format!("«{label}»: {e}."));
                }
            }
            FormFormat::Digits => {
                if let Some((i, c)) = value.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
                    err(
                        "not_digits",
                        format!(
                            "В поле «{label}» вводятся только цифры: на {}-м месте {}.{hint}",
                            i + 1,
                            describe_char(c)
                        ),
                    );
                }
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests;
