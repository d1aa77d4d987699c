//! The ЕСИА (Госуслуги) account readiness check: the rule `content/esia/readiness-rule.yaml`
//! ([`ReadinessRule`]), what the user answers in the wizard ([`EsiaAnswers`]) and the report
//! ([`check_esia_readiness`]): what is ready, what is missing, and the next step, linked to the
//! guide `content/esia/privyazka.md`.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{RuleProblem, email_error, lower_first, sentence};
use crate::date::IsoDate;
use crate::identifiers::check_snils;
use crate::ru::plural;

// ---------------------------------------------------------------------------------------------
// content/esia/readiness-rule.yaml

/// `content/esia/readiness-rule.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReadinessRule {
    /// The memo the rule comes from.
    pub source: String,
    /// Profile fields that must be filled on Госуслуги.
    pub required_fields: Vec<ProfileField>,
    /// Fields the memo asks for but does not require.
    pub optional_fields: Vec<ProfileField>,
    /// Account levels, from the lowest.
    pub levels: Vec<Level>,
    /// The level the electronic journal needs.
    pub required_level: AccountLevel,
    /// The user must link the ЕСИА account to the journal account himself.
    pub linking_required: bool,
    pub who: Who,
    /// What the Госуслуги profile shows when the account is ready.
    pub status_text: String,
}

/// A profile field on Госуслуги.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileField {
    /// Stable ASCII id: `surname`, `given-name`, `birth-date`, `snils`, `email`, …
    pub id: String,
    /// Russian label.
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<ProfileFormat>,
}

/// The machine-checkable format of a profile field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ProfileFormat {
    Text,
    Date,
    /// 11 digits with a valid check number.
    Snils,
    Email,
}

/// An ЕСИА account level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum AccountLevel {
    Simplified,
    Standard,
    Confirmed,
}

impl AccountLevel {
    /// The value as the YAML writes it.
    pub fn code(self) -> &'static str {
        match self {
            AccountLevel::Simplified => "simplified",
            AccountLevel::Standard => "standard",
            AccountLevel::Confirmed => "confirmed",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: AccountLevel,
    /// The Russian name, as Госуслуги shows it.
    pub name: String,
    /// What the user must have done to reach this level.
    pub requires: Vec<String>,
    /// How to get there.
    pub how: String,
}

/// Who needs their own confirmed account.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Who {
    pub parents: String,
    pub students: Students,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Students {
    /// A student uses their own account from this age on.
    pub min_age_years: u32,
    pub boundary: AgeBoundary,
    pub note: String,
}

/// How the age boundary is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum AgeBoundary {
    /// From the day the student turns `min_age_years` (the birthday itself counts).
    Reached,
}

impl ReadinessRule {
    /// The level's position in [`ReadinessRule::levels`] (0 = lowest).
    fn rank(&self, level: AccountLevel) -> Option<usize> {
        self.levels.iter().position(|l| l.id == level)
    }

    fn level(&self, level: AccountLevel) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == level)
    }

    /// Internal consistency of the rule, for the builder: every level once, in the order
    /// simplified → standard → confirmed, the required level among them, unique field ids.
    pub fn problems(&self) -> Vec<RuleProblem> {
        let mut out = Vec::new();
        let ids: Vec<AccountLevel> = self.levels.iter().map(|l| l.id).collect();
        let expected = [
            AccountLevel::Simplified,
            AccountLevel::Standard,
            AccountLevel::Confirmed,
        ];
        if ids != expected {
            out.push(RuleProblem::LevelOrder {
                found: ids.iter().map(|l| l.code()).collect(),
            });
        }
        if self.rank(self.required_level).is_none() {
            out.push(RuleProblem::RequiredLevelMissing {
                level: self.required_level.code(),
            });
        }
        let mut seen = BTreeSet::new();
        for f in self.required_fields.iter().chain(&self.optional_fields) {
            if !seen.insert(f.id.as_str()) {
                out.push(RuleProblem::DuplicateField { id: f.id.clone() });
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// ЕСИА readiness

/// Who is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UserRole {
    /// A parent or another legal representative.
    Parent,
    /// A student, who uses their own account from the age in the rule.
    Student,
}

/// The account level as the user reads it in the Госуслуги profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LevelAnswer {
    /// There is no Госуслуги account yet.
    #[serde(rename = "none")]
    NoAccount,
    Simplified,
    Standard,
    Confirmed,
    /// The user does not know.
    Unknown,
}

/// Whether the ЕСИА account is already linked in «Сетевой регион. Образование».
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkedAnswer {
    Yes,
    No,
    /// The user does not know.
    Unknown,
}

/// What the user tells the readiness check. Empty strings count as “not given”; a question
/// left out (`None`) is not answered yet, which is not the same as «Не знаю».
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EsiaAnswers {
    #[serde(default)]
    pub role: Option<UserRole>,
    #[serde(default)]
    pub level: Option<LevelAnswer>,
    /// Ids of the rule's `required_fields` that are filled in the Госуслуги profile
    /// (other ids, e.g. optional fields, are ignored).
    #[serde(default)]
    pub filled_fields: Vec<String>,
    /// The СНИЛС as the user typed it, if given: checked with [`check_snils`].
    #[serde(default)]
    pub snils: Option<String>,
    /// The e-mail address, if given: checked with [`email_error`].
    #[serde(default)]
    pub email: Option<String>,
    /// The user's date of birth, `YYYY-MM-DD` or `ДД.ММ.ГГГГ`; needed for students.
    #[serde(default)]
    pub birth_date: Option<String>,
    /// Whether the ЕСИА account is already linked in «Сетевой регион. Образование».
    #[serde(default)]
    pub linked: Option<LinkedAnswer>,
}

/// The readiness check's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadinessReport {
    /// Everything is in place: the user can enter the journal through Госуслуги.
    pub ready: bool,
    /// The questions the verdict depends on that are not answered yet, in the order of the
    /// wizard. While any remain there is no verdict: `items` is empty and `next_step` is
    /// `answer-questions`, which names them.
    pub pending: Vec<Question>,
    /// What is ready and what is missing, in the order of the guide.
    pub items: Vec<ReadinessItem>,
    /// The single next action.
    pub next_step: NextStep,
    /// For each «Не знаю» answer, how to find it out (ids `check-status`, `check-link`).
    pub find_out: Vec<NextStep>,
}

/// A question of the wizard that is not answered yet. Ids: `role`, `level`, `birth-date`
/// (students only), `linked` (when the rule requires linking and there is an account).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: &'static str,
    /// The question as the wizard asks it.
    pub question_ru: &'static str,
}

/// The wizard's questions, as its legends and labels read (`templates/assets/account-check.js`).
pub mod questions {
    pub const ROLE: &str = "Кто вы?";
    pub const LEVEL: &str = "Какой уровень у вашей учётной записи на Госуслугах?";
    pub const BIRTH_DATE: &str = "Дата рождения учащегося";
    pub const LINKED: &str = "Привязана ли учётная запись ЕСИА к электронному журналу?";
}

/// One line of the report. Ids: `age` (students only), `account`, `field-<field id>`, `level`,
/// `linked` (when the rule requires linking).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadinessItem {
    pub id: String,
    pub ok: bool,
    pub message_ru: String,
}

/// What to do next. Ids: `answer-questions`, `ask-school`, `enter-birth-date`, `register`,
/// `fill-profile`, `check-status`, `standard-level`, `confirm-identity`, `link-account`, `done`;
/// in `find_out` also `check-link`.
/// `link_anchor` is an anchor of the guide `content/esia/privyazka.md`, without `#`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextStep {
    pub id: &'static str,
    pub message_ru: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_anchor: Option<String>,
}

/// Anchors of the guide `content/esia/privyazka.md` the report links to.
pub mod anchors {
    pub const REGISTER: &str = "shag-1-registraciya";
    pub const PROFILE: &str = "shag-2-profil";
    pub const CHECK_DATA: &str = "shag-3-proverka-dannyh";
    pub const CONFIRM: &str = "shag-4-podtverzhdenie";
    pub const STATUS: &str = "shag-5-proverka-statusa";
    pub const LINK: &str = "privyazka-k-zhurnalu";
    pub const DONE: &str = "shag-10-dalee";
    /// The checklist items of the profile fields (`- [ ] СНИЛС {#pole-snils}`): a checklist
    /// item's element id is its item id with `cl-` in front.
    pub const FIELDS: &[(&str, &str)] = &[
        ("surname", "cl-pole-familiya"),
        ("given-name", "cl-pole-imya"),
        ("birth-date", "cl-pole-data-rozhdeniya"),
        ("snils", "cl-pole-snils"),
        ("email", "cl-pole-email"),
    ];

    /// Every anchor a report may link to (`tests/content.rs` of the builder checks that the guide
    /// has them all).
    pub fn all() -> Vec<&'static str> {
        let mut v = vec![REGISTER, PROFILE, CHECK_DATA, CONFIRM, STATUS, LINK, DONE];
        v.extend(FIELDS.iter().map(|(_, a)| *a));
        v
    }
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Parses a date written `YYYY-MM-DD` (an HTML date input) or `ДД.ММ.ГГГГ` (as Russians write).
pub fn parse_birth_date(s: &str) -> Option<IsoDate> {
    let s = s.trim();
    if let Some(d) = IsoDate::parse(s) {
        return Some(d);
    }
    let mut parts = s.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || y.len() != 4
        || d.is_empty()
        || d.len() > 2
        || m.is_empty()
        || m.len() > 2
    {
        return None;
    }
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(d) && all_digits(m) && all_digits(y)) {
        return None;
    }
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    time::Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?)
        .ok()
        .map(IsoDate)
}

/// Full years between `birth` and `on`; `None` when `birth` is after `on`. A birthday of
/// 29 February counts on 1 March in a common year.
pub fn age_on(birth: IsoDate, on: IsoDate) -> Option<u32> {
    if birth > on {
        return None;
    }
    let (b, o) = (birth.0, on.0);
    let mut years = o.year() - b.year();
    if (o.month() as u8, o.day()) < (b.month() as u8, b.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

/// The date of the `years`-th birthday (1 March for 29 February in a common year).
fn birthday(birth: IsoDate, years: u32) -> Option<IsoDate> {
    let y = birth.0.year().checked_add(i32::try_from(years).ok()?)?;
    time::Date::from_calendar_date(y, birth.0.month(), birth.0.day())
        .or_else(|_| time::Date::from_calendar_date(y, time::Month::March, 1))
        .ok()
        .map(IsoDate)
}

fn ru_date(d: IsoDate) -> String {
    format!("{:02}.{:02}.{}", d.0.day(), d.0.month() as u8, d.0.year())
}

fn field_anchor(id: &str) -> Option<&'static str> {
    anchors::FIELDS
        .iter()
        .find(|(field, _)| *field == id)
        .map(|(_, a)| *a)
}

/// The value the user gave for a profile field, by the field's id.
fn answer_value<'a>(answers: &'a EsiaAnswers, field_id: &str) -> Option<&'a str> {
    match field_id {
        "snils" => non_empty(&answers.snils),
        "email" => non_empty(&answers.email),
        "birth-date" => non_empty(&answers.birth_date),
        _ => None,
    }
}

/// What is wrong with a given value of a profile field, by its format.
fn value_error(format: Option<ProfileFormat>, value: &str) -> Option<String> {
    match format? {
        ProfileFormat::Text => None,
        ProfileFormat::Snils => check_snils(value).errors.first().map(|e| e.message.clone()),
        ProfileFormat::Email => email_error(value),
        ProfileFormat::Date => match parse_birth_date(value) {
            Some(_) => None,
            None => Some(
                "дата не распознана — введите её в виде ДД.ММ.ГГГГ, например 05.03.2011".into(),
            ),
        },
    }
}

fn step(id: &'static str, message_ru: String, anchor: Option<&str>) -> NextStep {
    NextStep {
        id,
        message_ru,
        link_anchor: anchor.map(str::to_string),
    }
}

/// How to find out the account's level (the guide's step 5), for «Не знаю».
fn find_out_level(rule: &ReadinessRule) -> NextStep {
    step(
        "check-status",
        format!(
            "Войдите в личный кабинет на Госуслугах (gosuslugi.ru) и посмотрите статус учётной записи — упрощённая, стандартная или подтверждённая. Для электронного журнала должно быть написано «{}». Если вы забыли пароль, нажмите «Восстановить пароль» на странице входа; если учётной записи ещё нет, начните с регистрации.",
            rule.status_text
        ),
        Some(anchors::STATUS),
    )
}

/// What to do about the link when the user does not know (the guide's steps 6–9).
fn find_out_link() -> NextStep {
    step(
        "check-link",
        "Если вы не помните, привязывали ли учётную запись, привяжите её по шагам инструкции. Войдите в электронный журнал (АИС «Сетевой регион. Образование») с логином и паролем от журнала, нажмите на свою фамилию в правом верхнем углу — откроются «Персональные настройки», — нажмите «Привязать учетную запись портала Госуслуг» и войдите через Госуслуги. Система сообщит, что учётная запись привязана.".into(),
        Some(anchors::LINK),
    )
}

/// The questions the verdict depends on that are not answered yet.
fn pending_questions(rule: &ReadinessRule, answers: &EsiaAnswers) -> Vec<Question> {
    let mut out = Vec::new();
    let mut ask = |id, question_ru| out.push(Question { id, question_ru });
    match answers.role {
        None => ask("role", questions::ROLE),
        Some(UserRole::Student) if non_empty(&answers.birth_date).is_none() => {
            ask("birth-date", questions::BIRTH_DATE)
        }
        Some(_) => {}
    }
    if answers.level.is_none() {
        ask("level", questions::LEVEL);
    }
    // Without an account there is nothing to link: the question does not matter then.
    if rule.linking_required
        && answers.linked.is_none()
        && answers.level != Some(LevelAnswer::NoAccount)
    {
        ask("linked", questions::LINKED);
    }
    out
}

/// «Пожалуйста, ответьте ещё на 2 вопроса: «Кто вы?», «…».»
fn pending_message(pending: &[Question]) -> String {
    let n = pending.len();
    let list = pending
        .iter()
        .map(|q| format!("«{}»", q.question_ru))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "Пожалуйста, ответьте ещё на {} — тогда здесь появится результат: {list}.",
        if n == 1 {
            "один вопрос".to_string()
        } else {
            format!("{n} {}", plural(n, "вопрос", "вопроса", "вопросов"))
        }
    )
}

/// Checks whether the user's ЕСИА account is ready for the electronic journal, by the rule
/// and the user's answers, on the date `today`.
///
/// Until every question the verdict depends on is answered ([`ReadinessReport::pending`]),
/// there is no verdict: no items, and the next step names the questions left. Then the items
/// follow the guide: (students) the age rule, the account itself, the required profile fields,
/// the level, the link to the journal. The next step is the first item that is not ok, as the
/// guide tells to fix it. Each «Не знаю» adds how to find it out (`find_out`), answered or not.
pub fn check_esia_readiness(
    rule: &ReadinessRule,
    answers: &EsiaAnswers,
    today: IsoDate,
) -> ReadinessReport {
    let find_out = find_out_steps(rule, answers);
    let pending = pending_questions(rule, answers);
    let (true, Some(role), Some(level)) = (pending.is_empty(), answers.role, answers.level) else {
        let message = pending_message(&pending);
        return ReadinessReport {
            ready: false,
            pending,
            items: Vec::new(),
            next_step: step("answer-questions", message, None),
            find_out,
        };
    };

    // The items follow the guide, each with the step that fixes it when it is not ok.
    let register_how = how_to_register(rule);
    let filled: BTreeSet<&str> = answers.filled_fields.iter().map(|s| s.trim()).collect();
    let mut checks = Vec::new();
    if role == UserRole::Student {
        checks.push(age_check(rule, answers, today));
    }
    checks.push(account_check(rule, level, &register_how));
    for field in &rule.required_fields {
        checks.push(field_check(rule, answers, &filled, field));
    }
    checks.push(level_check(rule, level, &register_how));
    if rule.linking_required {
        checks.push(link_check(answers, level));
    }

    let (items, fixes): (Vec<ReadinessItem>, Vec<NextStep>) = checks.into_iter().unzip();
    let ready = items.iter().all(|i| i.ok);
    // The next step is the fix of the first item that is not ok.
    let next_step = items
        .iter()
        .zip(fixes)
        .find_map(|(item, fix)| (!item.ok).then_some(fix))
        .unwrap_or_else(|| {
            step(
                "done",
                "Всё готово: входите в электронный журнал через Госуслуги, с логином и паролем учётной записи ЕСИА.".into(),
                Some(anchors::DONE),
            )
        });
    ReadinessReport {
        ready,
        pending,
        items,
        next_step,
        find_out,
    }
}

/// One line of the report, with the step that fixes it when it is not ok.
type Check = (ReadinessItem, NextStep);

/// For each «Не знаю» answer, how to find it out: the level, then the link (when the rule
/// requires linking and there may be an account).
fn find_out_steps(rule: &ReadinessRule, answers: &EsiaAnswers) -> Vec<NextStep> {
    let mut find_out = Vec::new();
    if answers.level == Some(LevelAnswer::Unknown) {
        find_out.push(find_out_level(rule));
    }
    if rule.linking_required
        && answers.linked == Some(LinkedAnswer::Unknown)
        && answers.level != Some(LevelAnswer::NoAccount)
    {
        find_out.push(find_out_link());
    }
    find_out
}

/// The students' age rule, by the date of birth on `today`.
fn age_check(rule: &ReadinessRule, answers: &EsiaAnswers, today: IsoDate) -> Check {
    let min = rule.who.students.min_age_years;
    // «с 14 лет», «нет 14 лет» (genitive); «14 лет исполнится» (nominative).
    let years = plural(min as usize, "года", "лет", "лет");
    let years_nom = plural(min as usize, "год", "года", "лет");
    let birth = non_empty(&answers.birth_date);
    let parsed = birth.map(parse_birth_date);
    let (ok, message, fix) = match parsed {
        None => (
            false,
            format!(
                "Укажите дату рождения учащегося: со своей учётной записью ЕСИА в электронный дневник входят учащиеся с {min} {years}."
            ),
            step(
                "enter-birth-date",
                "Введите дату рождения учащегося в виде ДД.ММ.ГГГГ, чтобы проверить, относится ли к нему правило памятки.".into(),
                None,
            ),
        ),
        Some(None) => (
            false,
            "Дата рождения не распознана — введите её в виде ДД.ММ.ГГГГ, например 05.03.2011.".into(),
            step(
                "enter-birth-date",
                "Исправьте дату рождения учащегося: введите её в виде ДД.ММ.ГГГГ.".into(),
                None,
            ),
        ),
        Some(Some(birth)) => match age_on(birth, today) {
            None => (
                false,
                format!(
                    "Дата рождения {} ещё не наступила — проверьте год рождения.",
                    ru_date(birth)
                ),
                step(
                    "enter-birth-date",
                    "Исправьте дату рождения учащегося: она позже сегодняшней.".into(),
                    None,
                ),
            ),
            Some(age) if age >= min => (
                true,
                format!(
                    "Учащийся достиг возраста {min} {years}: он входит в электронный дневник со своей подтверждённой учётной записью ЕСИА."
                ),
                step("done", String::new(), None),
            ),
            Some(_) => {
                let when = birthday(birth, min)
                    .map(|d| format!(" ({min} {years_nom} исполнится {})", ru_date(d)))
                    .unwrap_or_default();
                (
                    false,
                    format!(
                        "Учащемуся ещё нет {min} {years}{when}. Памятка описывает вход со своей учётной записью ЕСИА только для учащихся с {min} {years}; для младших учащихся она правил не устанавливает."
                    ),
                    step(
                        "ask-school",
                        "Уточните порядок входа в электронный дневник в образовательной организации. По памятке родители (законные представители) входят со своей подтверждённой учётной записью ЕСИА.".into(),
                        None,
                    ),
                )
            }
        },
    };
    (
        ReadinessItem {
            id: "age".into(),
            ok,
            message_ru: message,
        },
        fix,
    )
}

/// How to register on Госуслуги: what the rule says about the simplified level.
fn how_to_register(rule: &ReadinessRule) -> String {
    rule.level(AccountLevel::Simplified)
        .map(|l| l.how.clone())
        .unwrap_or_else(|| "Зарегистрируйтесь на Госуслугах и заполните профиль.".to_string())
}

/// The account itself: there is one, there is none, or the user does not know.
fn account_check(rule: &ReadinessRule, level: LevelAnswer, register_how: &str) -> Check {
    let register = step(
        "register",
        format!("{register_how} Понадобятся мобильный телефон, СНИЛС и адрес электронной почты."),
        Some(anchors::REGISTER),
    );
    let (ok, message, fix) = match level {
        LevelAnswer::NoAccount => (
            false,
            "Учётной записи на Госуслугах ещё нет: каждому нужна своя.",
            register,
        ),
        // «Не знаю» says nothing about the account either: find it out first.
        LevelAnswer::Unknown => (
            false,
            "Неизвестно, есть ли у вас учётная запись на Госуслугах и какой у неё уровень.",
            find_out_level(rule),
        ),
        _ => (true, "Учётная запись на Госуслугах есть.", register),
    };
    (
        ReadinessItem {
            id: "account".into(),
            ok,
            message_ru: message.into(),
        },
        fix,
    )
}

/// A required profile field: filled in the profile or not, and whether the value the user gave
/// passes the check of its format.
fn field_check(
    rule: &ReadinessRule,
    answers: &EsiaAnswers,
    filled: &BTreeSet<&str>,
    field: &ProfileField,
) -> Check {
    let is_filled = filled.contains(field.id.as_str());
    let err = answer_value(answers, &field.id).and_then(|v| value_error(field.format, v));
    let label = &field.label;
    let needs_fix = is_filled && err.is_some();
    let (ok, message) = match (is_filled, err) {
        (true, None) => (true, format!("Поле «{label}» в профиле заполнено.")),
        (true, Some(e)) => (
            false,
            format!(
                "Поле «{label}»: значение, которое вы ввели, не проходит проверку: {} Сверьте его с документом; если в профиле на Госуслугах та же ошибка, исправьте её там.",
                sentence(&e)
            ),
        ),
        (false, None) => (
            false,
            format!("Заполните поле «{label}» в профиле на Госуслугах — оно обязательно."),
        ),
        (false, Some(e)) => (
            false,
            format!(
                "Заполните поле «{label}» в профиле на Госуслугах — оно обязательно. Значение, которое вы ввели, не проходит проверку: {} Сверьте его с документом.",
                sentence(&e)
            ),
        ),
    };
    let anchor = field_anchor(&field.id).unwrap_or(anchors::PROFILE);
    (
        ReadinessItem {
            id: format!("field-{}", field.id),
            ok,
            message_ru: message,
        },
        step(
            "fill-profile",
            if needs_fix {
                format!(
                    "Сверьте поле «{label}» с документом и, если в профиле на Госуслугах там ошибка, исправьте её."
                )
            } else {
                format!(
                    "Войдите в профиль на Госуслугах и заполните поле «{label}» (обязательные поля: {}).",
                    rule.required_fields
                        .iter()
                        .map(|f| f.label.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
            Some(anchor),
        ),
    )
}

/// The level: enough for the journal, or the next level up and how to get there.
fn level_check(rule: &ReadinessRule, level: LevelAnswer, register_how: &str) -> Check {
    let required = rule.required_level;
    let required_rank = rule.rank(required);
    let required_name = rule
        .level(required)
        .map(|l| l.name.as_str())
        .unwrap_or("Подтверждённая учётная запись");
    let status = &rule.status_text;
    let current = match level {
        LevelAnswer::Simplified => Some(AccountLevel::Simplified),
        LevelAnswer::Standard => Some(AccountLevel::Standard),
        LevelAnswer::Confirmed => Some(AccountLevel::Confirmed),
        LevelAnswer::NoAccount | LevelAnswer::Unknown => None,
    };
    let level_ok = match (current.and_then(|c| rule.rank(c)), required_rank) {
        (Some(c), Some(r)) => c >= r,
        _ => false,
    };
    let (message, fix) = match (level, current) {
        (LevelAnswer::Unknown, _) => (
            format!(
                "Уровень учётной записи неизвестен. Для электронного журнала нужна {}: в профиле должно быть написано «{status}».",
                lower_first(required_name)
            ),
            find_out_level(rule),
        ),
        (_, None) => (
            format!(
                "Для электронного журнала нужна {}.",
                lower_first(required_name)
            ),
            step(
                "register",
                register_how.to_string(),
                Some(anchors::REGISTER),
            ),
        ),
        (_, Some(c)) if level_ok => (
            format!(
                "{} — этого достаточно для электронного журнала.",
                rule.level(c)
                    .map(|l| l.name.as_str())
                    .unwrap_or(required_name)
            ),
            step("done", String::new(), None),
        ),
        (_, Some(c)) => {
            // The level right above the current one, as the guide goes step by step.
            let above = rule
                .rank(c)
                .and_then(|r| rule.levels.get(r + 1))
                .or_else(|| rule.level(required));
            let current_name = rule.level(c).map(|l| l.name.as_str()).unwrap_or("");
            let (id, anchor, how, name) = match above {
                Some(l) if l.id == AccountLevel::Standard => (
                    "standard-level",
                    anchors::CHECK_DATA,
                    l.how.as_str(),
                    l.name.as_str(),
                ),
                Some(l) => (
                    "confirm-identity",
                    anchors::CONFIRM,
                    l.how.as_str(),
                    l.name.as_str(),
                ),
                None => ("confirm-identity", anchors::CONFIRM, "", required_name),
            };
            (
                format!(
                    "Сейчас у вас {}, а для электронного журнала нужна {}.",
                    lower_first(current_name),
                    lower_first(required_name)
                ),
                step(
                    id,
                    format!("Следующий уровень — {}. {how}", lower_first(name))
                        .trim_end()
                        .to_string(),
                    Some(anchor),
                ),
            )
        }
    };
    (
        ReadinessItem {
            id: "level".into(),
            ok: level_ok,
            message_ru: message,
        },
        fix,
    )
}

/// The link to the journal (an item only when the rule requires linking): without an account
/// there is nothing linked.
fn link_check(answers: &EsiaAnswers, level: LevelAnswer) -> Check {
    let linked = match level {
        LevelAnswer::NoAccount => LinkedAnswer::No,
        _ => answers.linked.unwrap_or(LinkedAnswer::Unknown),
    };
    let (ok, message) = match linked {
        LinkedAnswer::Yes => (
            true,
            "Учётная запись ЕСИА привязана к учётной записи в АИС «Сетевой регион. Образование».".to_string(),
        ),
        LinkedAnswer::No => (
            false,
            "Учётная запись ЕСИА ещё не привязана к электронному журналу: это нужно сделать самому.".to_string(),
        ),
        LinkedAnswer::Unknown => (
            false,
            "Неизвестно, привязана ли учётная запись ЕСИА к электронному журналу. Если вы не нажимали в журнале «Привязать учетную запись портала Госуслуг», привяжите её.".to_string(),
        ),
    };
    (
        ReadinessItem {
            id: "linked".into(),
            ok,
            message_ru: message,
        },
        step(
            "link-account",
            "Войдите в АИС «Сетевой регион. Образование» с логином и паролем от электронного журнала, откройте «Персональные настройки» и нажмите «Привязать учетную запись портала Госуслуг».".into(),
            Some(anchors::LINK),
        ),
    )
}

#[cfg(test)]
mod tests;
