//! Account checks: whether a ЕСИА (Госуслуги) account is ready for the electronic journal, and
//! whether the ФГБУ «ФИОКО» registration form is filled in correctly.
//!
//! The rules are data: [`ReadinessRule`] is `content/esia/readiness-rule.yaml`,
//! [`RegistrationForm`] is `content/fioko/registration-form.yaml` (schemas in `docs/DATA.md`).
//! The builder parses them and hands the typed values to [`check_esia_readiness`] and
//! [`check_registration_form`]; the reference date is always passed in (no clock here).
//! Messages are Russian and say how to fix the problem; ids and codes are stable.
//!
//! What is where (everything public is re-exported here: paths are `account::X`):
//! - `readiness.rs`: the ЕСИА readiness rule and check — [`ReadinessRule`], the user's
//!   [`EsiaAnswers`], [`check_esia_readiness`] and its [`ReadinessReport`], the wizard's
//!   [`questions`] and the guide's [`anchors`];
//! - `form.rs`: the ФИОКО registration form and its check — [`RegistrationForm`],
//!   [`check_registration_form`], phone numbers ([`normalize_phone_ru`]) and names in Cyrillic;
//! - this file: what both use — [`RuleProblem`] (an inconsistency of either data file), the
//!   e-mail check ([`email_error`], [`email_suggestion`]) and two small text helpers.
//!
//! Tests: `tests.rs` (the data files, the e-mail check, fixtures shared by the others),
//! `readiness/tests.rs`, `form/tests.rs`.

mod form;
mod readiness;
#[cfg(test)]
mod tests;

pub use form::{
    FieldError, FieldKind, FormField, FormFormat, FormValue, RegistrationForm,
    check_registration_form, normalize_phone_ru,
};
pub use readiness::{
    AccountLevel, AgeBoundary, EsiaAnswers, Level, LevelAnswer, LinkedAnswer, NextStep,
    ProfileField, ProfileFormat, Question, ReadinessItem, ReadinessReport, ReadinessRule, Students,
    UserRole, Who, age_on, anchors, check_esia_readiness, parse_birth_date, questions,
};

use crate::identifiers::describe_char;

/// One inconsistency of the readiness rule or the registration form, for the builder to say
/// in the editor's language and point at (the id or level in the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleProblem {
    /// `levels` are not simplified, standard, confirmed in this order; what the file lists.
    LevelOrder { found: Vec<&'static str> },
    /// `required_level` is not one of `levels`.
    RequiredLevelMissing { level: &'static str },
    /// A field id listed twice.
    DuplicateField { id: String },
    /// A `same-as:` format whose target is not another field of the form.
    SameAsMissing { field: String, target: String },
}

// ---------------------------------------------------------------------------------------------
// Shared by the readiness check and the form check

/// A simple sanity check of an e-mail address: exactly one `@`, something before it, a dot
/// inside the domain, no spaces or invisible characters. `None` when it looks fine, otherwise
/// a Russian message saying how to fix it. Surrounding spaces are ignored.
pub fn email_error(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return Some("введите адрес электронной почты, например ivanova@mail.ru".into());
    }
    if let Some((i, c)) = s
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_whitespace() || c.is_control())
    {
        return Some(format!(
            "в адресе электронной почты не должно быть пробелов: уберите {} на {}-м месте",
            describe_char(c),
            i + 1
        ));
    }
    let ats = s.matches('@').count();
    if ats == 0 {
        return Some(
            "в адресе электронной почты нет знака @ — введите адрес полностью, например ivanova@mail.ru"
                .into(),
        );
    }
    if ats > 1 {
        return Some("в адресе электронной почты знак @ должен быть один — проверьте адрес".into());
    }
    let (local, domain) = s.split_once('@').unwrap_or((s, ""));
    if local.is_empty() {
        return Some("перед знаком @ должно быть имя почтового ящика — проверьте адрес".into());
    }
    if domain.is_empty() {
        return Some(
            "после знака @ должен быть адрес почтового сервера, например mail.ru — проверьте адрес"
                .into(),
        );
    }
    if domain.ends_with('.') && domain.trim_end_matches('.').contains('.') {
        return Some("в конце адреса лишняя точка — уберите её".into());
    }
    if !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || domain.contains("..")
    {
        return Some(format!(
            "после знака @ должен быть адрес почтового сервера с точкой, например mail.ru или yandex.ru, а указано «{domain}» — проверьте адрес"
        ));
    }
    if let Some(meant) = email_suggestion(s) {
        return Some(format!(
            "похоже на опечатку в адресе почтового сервера «{domain}». Возможно, вы имели в виду {meant}?"
        ));
    }
    None
}

/// The mail domains most addresses in Russia use: an address whose domain is one or two typing
/// slips away from one of them («gmial.com», «gmail.con», «yandex.ry») is probably meant for it.
const COMMON_MAIL_DOMAINS: [&str; 10] = [
    "mail.ru",
    "yandex.ru",
    "ya.ru",
    "gmail.com",
    "bk.ru",
    "inbox.ru",
    "list.ru",
    "rambler.ru",
    "outlook.com",
    "icloud.com",
];

/// Real mail domains close to a common one, never «corrected» to it.
const OTHER_MAIL_DOMAINS: [&str; 16] = [
    "mail.com",
    "mail.ua",
    "mail.kz",
    "email.com",
    "ymail.com",
    "gmail.ru",
    "yandex.com",
    "yandex.by",
    "yandex.kz",
    "yandex.ua",
    "inbox.lv",
    "inbox.com",
    "list.ua",
    "outlook.ru",
    "hotmail.com",
    "icloud.ru",
];

/// The address with its domain replaced by the common mail domain it is a near miss of
/// (`ivanov@gmial.com` → `ivanov@gmail.com`), by edit distance: two slips (a letter missing,
/// extra, wrong, or two letters swapped) for a domain of 8 characters or more, one for 7, and for
/// the shortest («ya.ru», «bk.ru») one in the zone only.
/// `None` for a common or known domain, or one not close to any.
pub fn email_suggestion(s: &str) -> Option<String> {
    let (local, domain) = s.trim().rsplit_once('@')?;
    let domain = domain.to_lowercase();
    if COMMON_MAIL_DOMAINS.contains(&domain.as_str())
        || OTHER_MAIL_DOMAINS.contains(&domain.as_str())
    {
        return None;
    }
    let (name, zone) = domain.rsplit_once('.').unwrap_or((&domain, ""));
    COMMON_MAIL_DOMAINS
        .iter()
        .map(|common| (strsim::osa_distance(&domain, common), *common))
        .filter(|(d, common)| match common.len() {
            8.. => *d <= 2,
            7 => *d <= 1,
            // «ya.ru», «bk.ru»: one slip makes many other names, so only a slip in the zone.
            _ => common
                .rsplit_once('.')
                .is_some_and(|(n, z)| n == name && strsim::osa_distance(zone, z) <= 1),
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, common)| format!("{local}@{common}"))
}

/// A message as the end of a sentence: a full stop unless it ends with one, or with «?» («…
/// Возможно, вы имели в виду ivanov@gmail.com?»).
fn sentence(e: &str) -> String {
    if e.ends_with(['.', '?', '!']) {
        e.to_string()
    } else {
        format!("{e}.")
    }
}

/// «Подтверждённая учётная запись» → «подтверждённая учётная запись».
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
