//! Account checks: whether a ЕСИА (Госуслуги) account is ready for the electronic journal, and
//! whether the ФГБУ «ФИОКО» registration form is filled in correctly.
//!
//! The rules are data: [`ReadinessRule`] is `content/esia/readiness-rule.yaml`,
//! [`RegistrationForm`] is `content/fioko/registration-form.yaml` (schemas in `docs/DATA.md`).
//! The builder parses them and hands the typed values to [`check_esia_readiness`] and
//! [`check_registration_form`]; the reference date is always passed in (no clock here).
//! Messages are Russian and say how to fix the problem; ids and codes are stable.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::IsoDate;
use crate::identifiers::{check_snils, describe_char, plural};

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

    /// Every anchor a report may link to (a test checks that the guide has them all).
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

    let mut items = Vec::new();
    let mut next: Option<NextStep> = None;
    let mut push = |item: ReadinessItem, fix: Option<NextStep>, next: &mut Option<NextStep>| {
        if !item.ok && next.is_none() {
            *next = fix;
        }
        items.push(item);
    };

    // 1. Students: the age rule.
    if role == UserRole::Student {
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
        push(
            ReadinessItem {
                id: "age".into(),
                ok,
                message_ru: message,
            },
            Some(fix),
            &mut next,
        );
    }

    // 2. The account itself.
    let simplified = rule.level(AccountLevel::Simplified);
    let register_how = simplified
        .map(|l| l.how.clone())
        .unwrap_or_else(|| "Зарегистрируйтесь на Госуслугах и заполните профиль.".to_string());
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
    push(
        ReadinessItem {
            id: "account".into(),
            ok,
            message_ru: message.into(),
        },
        Some(fix),
        &mut next,
    );

    // 3. Required profile fields.
    let filled: BTreeSet<&str> = answers.filled_fields.iter().map(|s| s.trim()).collect();
    for field in &rule.required_fields {
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
        push(
            ReadinessItem {
                id: format!("field-{}", field.id),
                ok,
                message_ru: message,
            },
            Some(step(
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
            )),
            &mut next,
        );
    }

    // 4. The level.
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
            step("register", register_how.clone(), Some(anchors::REGISTER)),
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
    push(
        ReadinessItem {
            id: "level".into(),
            ok: level_ok,
            message_ru: message,
        },
        Some(fix),
        &mut next,
    );

    // 5. The link to the journal.
    if rule.linking_required {
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
        push(
            ReadinessItem {
                id: "linked".into(),
                ok,
                message_ru: message,
            },
            Some(step(
                "link-account",
                "Войдите в АИС «Сетевой регион. Образование» с логином и паролем от электронного журнала, откройте «Персональные настройки» и нажмите «Привязать учетную запись портала Госуслуг».".into(),
                Some(anchors::LINK),
            )),
            &mut next,
        );
    }

    let ready = items.iter().all(|i| i.ok);
    let next_step = next.filter(|_| !ready).unwrap_or_else(|| {
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

/// « — логин нового пользователя» when the plain name says more than the caption.
fn explain(label: &str, name: &str) -> String {
    if label.to_lowercase() == name.to_lowercase() {
        String::new()
    } else {
        format!(" — {}", lower_first(name))
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
        "после +7 должно быть 10 цифр, а {} {n} — проверьте номер",
        if n % 10 == 1 && n % 100 != 11 {
            "введена"
        } else {
            "введено"
        }
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
mod tests {
    use super::*;

    const RULE_YAML: &str = include_str!("../../content/esia/readiness-rule.yaml");
    const FORM_YAML: &str = include_str!("../../content/fioko/registration-form.yaml");
    const GUIDE: &str = include_str!("../../content/esia/privyazka.md");

    fn rule() -> ReadinessRule {
        serde_norway::from_str(RULE_YAML).expect("readiness-rule.yaml matches the types")
    }

    fn form() -> RegistrationForm {
        serde_norway::from_str(FORM_YAML).expect("registration-form.yaml matches the types")
    }

    fn day(s: &str) -> IsoDate {
        IsoDate::parse(s).unwrap()
    }

    const TODAY: &str = "2026-11-23";

    fn ready_parent() -> EsiaAnswers {
        EsiaAnswers {
            role: Some(UserRole::Parent),
            level: Some(LevelAnswer::Confirmed),
            filled_fields: ["surname", "given-name", "birth-date", "snils", "email"]
                .map(String::from)
                .to_vec(),
            snils: Some("112-233-445 95".into()),
            email: Some("ivanova@mail.ru".into()),
            birth_date: Some("1985-04-12".into()),
            linked: Some(LinkedAnswer::Yes),
        }
    }

    fn check(a: &EsiaAnswers) -> ReadinessReport {
        check_esia_readiness(&rule(), a, day(TODAY))
    }

    fn item<'a>(r: &'a ReadinessReport, id: &str) -> &'a ReadinessItem {
        r.items
            .iter()
            .find(|i| i.id == id)
            .unwrap_or_else(|| panic!("no item {id}: {r:?}"))
    }

    // --- the data files -----------------------------------------------------------------------

    #[test]
    fn yaml_files_parse_and_are_consistent() {
        let r = rule();
        assert_eq!(r.problems(), []);
        assert_eq!(r.required_level, AccountLevel::Confirmed);
        assert!(r.linking_required);
        assert_eq!(r.who.students.min_age_years, 14);
        assert_eq!(r.who.students.boundary, AgeBoundary::Reached);
        let ids: Vec<&str> = r.required_fields.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            ["surname", "given-name", "birth-date", "snils", "email"]
        );
        assert_eq!(r.required_fields[3].format, Some(ProfileFormat::Snils));

        let f = form();
        assert_eq!(f.problems(), []);
        let confirm = f
            .fields
            .iter()
            .find(|x| x.id == "password-confirm")
            .unwrap();
        assert_eq!(confirm.format, Some(FormFormat::SameAs("password".into())));
        let required_boxes: Vec<&str> = f
            .fields
            .iter()
            .filter(|x| x.kind == FieldKind::Checkbox && x.required)
            .map(|x| x.id.as_str())
            .collect();
        assert_eq!(required_boxes, ["wants-support", "consent"]);
        // Serialising the format gives back what the YAML says.
        assert_eq!(
            serde_json::to_value(confirm).unwrap()["format"],
            "same-as:password"
        );
    }

    #[test]
    fn level_codes_are_the_yaml_values() {
        for l in [
            AccountLevel::Simplified,
            AccountLevel::Standard,
            AccountLevel::Confirmed,
        ] {
            assert_eq!(serde_json::to_value(l).unwrap(), l.code());
        }
    }

    #[test]
    fn unknown_keys_and_values_are_rejected() {
        let bad = RULE_YAML.replace("linking_required: true", "linking_required: true\nextra: 1");
        assert!(serde_norway::from_str::<ReadinessRule>(&bad).is_err());
        let bad = RULE_YAML.replace("required_level: confirmed", "required_level: gold");
        assert!(serde_norway::from_str::<ReadinessRule>(&bad).is_err());
        let bad = RULE_YAML.replace("boundary: reached", "boundary: passed");
        assert!(serde_norway::from_str::<ReadinessRule>(&bad).is_err());
        let bad = FORM_YAML.replace("format: phone-ru", "format: phone-us");
        assert!(serde_norway::from_str::<RegistrationForm>(&bad).is_err());
        let bad = FORM_YAML.replace("type: tel", "type: tel\n    placeholder: x");
        assert!(serde_norway::from_str::<RegistrationForm>(&bad).is_err());
        let bad = FORM_YAML.replace("same-as:password", "same-as:pasword");
        let f: RegistrationForm = serde_norway::from_str(&bad).unwrap();
        assert_eq!(
            f.problems(),
            [RuleProblem::SameAsMissing {
                field: "password-confirm".into(),
                target: "pasword".into()
            }]
        );
        let mut r = rule();
        r.levels.swap(0, 1);
        assert_eq!(
            r.problems(),
            [RuleProblem::LevelOrder {
                found: vec!["standard", "simplified", "confirmed"]
            }]
        );
    }

    #[test]
    fn report_anchors_exist_in_the_guide() {
        let mut all = vec![
            anchors::REGISTER,
            anchors::PROFILE,
            anchors::CHECK_DATA,
            anchors::CONFIRM,
            anchors::STATUS,
            anchors::LINK,
            anchors::DONE,
        ];
        for f in &rule().required_fields {
            all.push(field_anchor(&f.id).expect("every required field has an anchor"));
        }
        for a in all {
            // A checklist item `{#pole-snils}` is the element `cl-pole-snils` (tests/content.rs
            // checks the built page itself).
            let id = a.strip_prefix("cl-").unwrap_or(a);
            assert!(
                GUIDE.contains(&format!("{{#{id}}}")),
                "anchor {a} missing in privyazka.md"
            );
        }
    }

    // --- ЕСИА readiness ------------------------------------------------------------------------

    #[test]
    fn ready_parent_is_ready() {
        let r = check(&ready_parent());
        assert!(r.ready, "{r:?}");
        assert!(r.items.iter().all(|i| i.ok));
        assert_eq!(r.next_step.id, "done");
        assert_eq!(r.next_step.link_anchor.as_deref(), Some(anchors::DONE));
        let ids: Vec<&str> = r.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "account",
                "field-surname",
                "field-given-name",
                "field-birth-date",
                "field-snils",
                "field-email",
                "level",
                "linked"
            ]
        );
    }

    #[test]
    fn no_account_starts_with_registration() {
        let a = EsiaAnswers {
            role: Some(UserRole::Parent),
            level: Some(LevelAnswer::NoAccount),
            ..EsiaAnswers::default()
        };
        // Without an account the link question does not matter: not asked.
        let r = check(&a);
        assert_eq!(r.pending, []);
        assert!(!r.ready);
        assert!(!item(&r, "linked").ok);
        assert_eq!(r.next_step.id, "register");
        assert_eq!(r.next_step.link_anchor.as_deref(), Some(anchors::REGISTER));
        assert!(
            r.next_step
                .message_ru
                .contains("esia.gosuslugi.ru/registration")
        );
    }

    #[test]
    fn missing_field_comes_before_the_level() {
        let mut a = ready_parent();
        a.level = Some(LevelAnswer::Simplified);
        a.filled_fields.retain(|f| f != "email");
        a.email = None;
        let r = check(&a);
        assert!(!item(&r, "field-email").ok);
        assert!(item(&r, "field-snils").ok);
        assert_eq!(r.next_step.id, "fill-profile");
        assert_eq!(r.next_step.link_anchor.as_deref(), Some("cl-pole-email"));
        assert!(r.next_step.message_ru.contains("«Адрес электронной почты»"));
    }

    #[test]
    fn bad_snils_and_email_values_are_reported() {
        let mut a = ready_parent();
        a.snils = Some("112-233-445 96".into());
        let r = check(&a);
        let it = item(&r, "field-snils");
        assert!(!it.ok);
        assert!(
            it.message_ru.contains("в номере опечатка"),
            "{}",
            it.message_ru
        );
        assert_eq!(r.next_step.link_anchor.as_deref(), Some("cl-pole-snils"));
        assert!(r.next_step.message_ru.starts_with("Сверьте поле «СНИЛС»"));

        let mut a = ready_parent();
        a.email = Some("ivanova mail.ru".into());
        let r = check(&a);
        assert!(!item(&r, "field-email").ok);
        assert!(!r.ready);

        // A value left empty in our form is “not given”: the filled flag is trusted.
        let mut a = ready_parent();
        a.snils = Some("   ".into());
        assert!(check(&a).ready);
    }

    #[test]
    fn levels_step_up_one_at_a_time() {
        let rule = rule();
        let mut a = ready_parent();
        a.level = Some(LevelAnswer::Simplified);
        let r = check(&a);
        assert!(!item(&r, "level").ok);
        assert_eq!(r.next_step.id, "standard-level");
        assert_eq!(
            r.next_step.link_anchor.as_deref(),
            Some(anchors::CHECK_DATA)
        );
        assert!(r.next_step.message_ru.contains(&rule.levels[1].how));

        a.level = Some(LevelAnswer::Standard);
        let r = check(&a);
        assert_eq!(r.next_step.id, "confirm-identity");
        assert_eq!(r.next_step.link_anchor.as_deref(), Some(anchors::CONFIRM));
        assert!(r.next_step.message_ru.contains("МФЦ"));
        assert!(
            item(&r, "level")
                .message_ru
                .contains("стандартная учётная запись")
        );

        a.level = Some(LevelAnswer::Unknown);
        let r = check(&a);
        assert_eq!(r.next_step.id, "check-status");
        assert_eq!(r.next_step.link_anchor.as_deref(), Some(anchors::STATUS));
        assert!(
            r.next_step
                .message_ru
                .contains("«Подтвержденная учетная запись»")
        );
    }

    #[test]
    fn no_verdict_until_the_questions_are_answered() {
        // Nothing answered: the three questions, no items, not ready.
        let r = check(&EsiaAnswers::default());
        assert!(!r.ready);
        assert!(r.items.is_empty(), "{r:?}");
        let ids: Vec<&str> = r.pending.iter().map(|q| q.id).collect();
        assert_eq!(ids, ["role", "level", "linked"]);
        assert_eq!(r.next_step.id, "answer-questions");
        assert_eq!(r.next_step.link_anchor, None);
        assert_eq!(
            r.next_step.message_ru,
            "Пожалуйста, ответьте ещё на 3 вопроса — тогда здесь появится результат: «Кто вы?», «Какой уровень у вашей учётной записи на Госуслугах?», «Привязана ли учётная запись ЕСИА к электронному журналу?»."
        );
        assert!(r.find_out.is_empty());

        // Every answer but one: still no verdict, the one question is named.
        for missing in ["role", "level", "linked"] {
            let mut a = ready_parent();
            match missing {
                "role" => a.role = None,
                "level" => a.level = None,
                _ => a.linked = None,
            }
            let r = check(&a);
            assert!(!r.ready && r.items.is_empty(), "{missing}: {r:?}");
            assert_eq!(
                r.pending.iter().map(|q| q.id).collect::<Vec<_>>(),
                [missing]
            );
            assert!(
                r.next_step
                    .message_ru
                    .starts_with("Пожалуйста, ответьте ещё на один вопрос"),
                "{}",
                r.next_step.message_ru
            );
        }

        // A student: the birth date is a question too.
        let mut a = ready_parent();
        a.role = Some(UserRole::Student);
        a.birth_date = Some("  ".into());
        let r = check(&a);
        assert_eq!(
            r.pending.iter().map(|q| q.id).collect::<Vec<_>>(),
            ["birth-date"]
        );
        assert!(r.next_step.message_ru.contains("«Дата рождения учащегося»"));
        // Not a question of a parent's.
        a.role = Some(UserRole::Parent);
        assert!(check(&a).ready);

        // A linking rule that is off does not ask about the link.
        let mut rule = rule();
        rule.linking_required = false;
        let mut a = ready_parent();
        a.linked = None;
        assert!(check_esia_readiness(&rule, &a, day(TODAY)).ready);
    }

    #[test]
    fn dont_know_says_how_to_find_out() {
        // «Не знаю» for the level: the account is not taken for granted, and the first step is
        // how to read the status on Госуслуги (the guide's step 5).
        let mut a = ready_parent();
        a.level = Some(LevelAnswer::Unknown);
        let r = check(&a);
        let account = item(&r, "account");
        assert!(!account.ok);
        assert!(
            account
                .message_ru
                .starts_with("Неизвестно, есть ли у вас учётная запись")
        );
        assert_eq!(r.next_step.id, "check-status");
        assert_eq!(r.find_out.len(), 1);
        assert_eq!(r.find_out[0], r.next_step);
        assert!(r.find_out[0].message_ru.contains("gosuslugi.ru"));
        assert!(r.find_out[0].message_ru.contains("«Восстановить пароль»"));

        // «Не знаю» for the link: the steps to link it (6–9), even before the other answers.
        let a = EsiaAnswers {
            linked: Some(LinkedAnswer::Unknown),
            ..EsiaAnswers::default()
        };
        let r = check(&a);
        assert!(r.items.is_empty());
        assert_eq!(r.find_out.len(), 1);
        assert_eq!(r.find_out[0].id, "check-link");
        assert_eq!(r.find_out[0].link_anchor.as_deref(), Some(anchors::LINK));
        assert!(
            r.find_out[0]
                .message_ru
                .contains("«Привязать учетную запись портала Госуслуг»")
        );

        // Both: both, in the order of the wizard; with no account, the link is not asked about.
        let mut a = ready_parent();
        a.level = Some(LevelAnswer::Unknown);
        a.linked = Some(LinkedAnswer::Unknown);
        let ids: Vec<&str> = check(&a).find_out.iter().map(|s| s.id).collect();
        assert_eq!(ids, ["check-status", "check-link"]);
        a.level = Some(LevelAnswer::NoAccount);
        assert!(check(&a).find_out.is_empty());
    }

    #[test]
    fn linking_is_the_last_step() {
        for linked in [Some(LinkedAnswer::No), Some(LinkedAnswer::Unknown)] {
            let mut a = ready_parent();
            a.linked = linked;
            let r = check(&a);
            assert!(!r.ready);
            assert!(!item(&r, "linked").ok);
            assert_eq!(r.next_step.id, "link-account");
            assert_eq!(r.next_step.link_anchor.as_deref(), Some(anchors::LINK));
        }
        let mut r = rule();
        r.linking_required = false;
        let mut a = ready_parent();
        a.linked = None;
        let rep = check_esia_readiness(&r, &a, day(TODAY));
        assert!(rep.pending.is_empty(), "{rep:?}");
        assert!(rep.ready);
        assert!(rep.items.iter().all(|i| i.id != "linked"));
    }

    #[test]
    fn student_age_boundary_is_the_14th_birthday() {
        let student = |birth: &str| EsiaAnswers {
            role: Some(UserRole::Student),
            birth_date: Some(birth.into()),
            ..ready_parent()
        };
        // Turns 14 today: the boundary is reached.
        let r = check(&student("2012-11-23"));
        assert!(r.ready, "{r:?}");
        assert!(item(&r, "age").ok);
        // Same, written the Russian way.
        assert!(check(&student("23.11.2012")).ready);
        // Turns 14 tomorrow.
        let r = check(&student("2012-11-24"));
        assert!(!r.ready);
        assert!(!item(&r, "age").ok);
        assert!(item(&r, "age").message_ru.contains("24.11.2026"));
        assert_eq!(r.next_step.id, "ask-school");
        assert_eq!(r.next_step.link_anchor, None);
        // Parents have no age rule, whatever the date.
        let mut p = ready_parent();
        p.birth_date = Some("2020-01-01".into());
        assert!(check(&p).ready);
        assert!(check(&p).items.iter().all(|i| i.id != "age"));
    }

    #[test]
    fn february_29_birthday() {
        assert_eq!(age_on(day("2012-02-29"), day("2026-02-28")), Some(13));
        assert_eq!(age_on(day("2012-02-29"), day("2026-03-01")), Some(14));
        assert_eq!(age_on(day("2012-02-29"), day("2028-02-29")), Some(16));
        assert_eq!(age_on(day("2012-03-01"), day("2012-02-29")), None);
        assert_eq!(birthday(day("2012-02-29"), 14), Some(day("2026-03-01")));
    }

    #[test]
    fn student_birth_date_problems() {
        for (birth, step_id) in [
            (None, "answer-questions"),
            (Some(""), "answer-questions"),
            (Some("31.02.2012"), "enter-birth-date"),
            (Some("2012/01/01"), "enter-birth-date"),
            (Some("2030-01-01"), "enter-birth-date"),
        ] {
            let a = EsiaAnswers {
                role: Some(UserRole::Student),
                birth_date: birth.map(String::from),
                ..ready_parent()
            };
            let r = check(&a);
            assert!(!r.ready, "{birth:?}");
            if birth.is_some_and(|b| !b.is_empty()) {
                assert!(!item(&r, "age").ok);
            }
            assert_eq!(r.next_step.id, step_id, "{birth:?}");
        }
    }

    #[test]
    fn birth_date_parsing() {
        assert_eq!(parse_birth_date("05.03.2011"), Some(day("2011-03-05")));
        assert_eq!(parse_birth_date("5.3.2011"), Some(day("2011-03-05")));
        assert_eq!(parse_birth_date(" 2011-03-05 "), Some(day("2011-03-05")));
        for bad in [
            "",
            "05.03.11",
            "05.13.2011",
            "aa.bb.cccc",
            "05.03.2011.",
            "+5.03.2011",
            "٥.٣.٢٠١١",
        ] {
            assert_eq!(parse_birth_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn email_sanity() {
        for ok in [
            "a@b.ru",
            "ivanova.m@mail.ru",
            " x@yandex.ru ",
            "мама@почта.рф",
        ] {
            assert_eq!(email_error(ok), None, "{ok}");
        }
        for bad in [
            "",
            "ivanova",
            "ivanova@",
            "@mail.ru",
            "a@@mail.ru",
            "a@b@c.ru",
            "a@mailru",
            "a@.ru",
            "a@mail.",
            "a@mail..ru",
            "iva nova@mail.ru",
            "a@mail.ru\0",
        ] {
            assert!(email_error(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn near_misses_of_common_mail_domains_suggest_the_domain() {
        for (typed, meant) in [
            ("ivanov@gmial.com", "ivanov@gmail.com"),
            ("ivanov@gmail.con", "ivanov@gmail.com"),
            ("ivanov@gmai.com", "ivanov@gmail.com"),
            ("Ivanov@Yandex.ry", "Ivanov@yandex.ru"),
            ("ivanov@yandeks.ru", "ivanov@yandex.ru"),
            ("ivanov@mail.ry", "ivanov@mail.ru"),
            ("ivanov@maill.ru", "ivanov@mail.ru"),
            ("ivanov@rambler.ry", "ivanov@rambler.ru"),
            ("ivanov@inboks.ru", "ivanov@inbox.ru"),
            ("ivanov@outlok.com", "ivanov@outlook.com"),
            ("ivanov@iclod.com", "ivanov@icloud.com"),
            ("ivanov@bk.ry", "ivanov@bk.ru"),
            ("ivanov@ya.ry", "ivanov@ya.ru"),
            ("ivanov@bk.ur", "ivanov@bk.ru"),
        ] {
            assert_eq!(email_suggestion(typed).as_deref(), Some(meant), "{typed}");
            let e = email_error(typed).unwrap_or_default();
            assert!(
                e.contains(&format!("Возможно, вы имели в виду {meant}?")),
                "{e}"
            );
        }
        // Common and other real domains, and ones far from any, are left alone.
        for fine in [
            "ivanov@gmail.com",
            "ivanov@ya.ru",
            "ivanov@mail.com",
            "ivanov@yandex.by",
            "ivanov@inbox.lv",
            "ivanov@school12.ru",
            "ivanov@edu.ru",
            "ivanov@b.ru",
            "ivanov@vk.ru",
            "мама@почта.рф",
        ] {
            assert_eq!(email_suggestion(fine), None, "{fine}");
            assert_eq!(email_error(fine), None, "{fine}");
        }
    }

    #[test]
    fn the_wizard_reads_an_e_mail_suggestion_as_a_whole_sentence() {
        let mut a = ready_parent();
        a.email = Some("ivanov@gmial.com".into());
        let r = check(&a);
        let m = &item(&r, "field-email").message_ru;
        assert!(
            m.contains("не проходит проверку: похоже на опечатку в адресе почтового сервера «gmial.com». Возможно, вы имели в виду ivanov@gmail.com? Сверьте"),
            "{m}"
        );
    }

    #[test]
    fn a_trailing_dot_is_named_as_such() {
        for typed in ["ivanov@mail.ru.", "ivanov@mail.ru.."] {
            let e = email_error(typed).unwrap_or_default();
            assert_eq!(e, "в конце адреса лишняя точка — уберите её", "{typed}");
        }
        // A domain with no dot but the last one has no server address at all.
        assert!(email_error("ivanov@mail.").unwrap().contains("с точкой"));
    }

    #[test]
    fn answers_come_from_json() {
        let a: EsiaAnswers = serde_json::from_str(
            r#"{"role":"student","level":"standard","filled_fields":["surname"],
                "snils":"11223344595","birth_date":"2010-01-01","linked":null}"#,
        )
        .unwrap();
        assert_eq!(a.role, Some(UserRole::Student));
        assert_eq!(a.level, Some(LevelAnswer::Standard));
        assert_eq!(a.linked, None);
        let a: EsiaAnswers = serde_json::from_str(r#"{"linked":"unknown"}"#).unwrap();
        assert_eq!((a.role, a.level), (None, None));
        assert_eq!(a.linked, Some(LinkedAnswer::Unknown));
        let a: EsiaAnswers = serde_json::from_str(r#"{"role":"parent","level":"none"}"#).unwrap();
        assert_eq!(a.level, Some(LevelAnswer::NoAccount));
        assert!(serde_json::from_str::<EsiaAnswers>(r#"{"level":"gold"}"#).is_err());
        assert!(serde_json::from_str::<EsiaAnswers>(r#"{"linked":true}"#).is_err());
        let j = serde_json::to_value(check(&a)).unwrap();
        assert_eq!(j["ready"], false);
        assert_eq!(j["next_step"]["id"], "register");
        assert_eq!(j["next_step"]["link_anchor"], anchors::REGISTER);
        assert!(j["items"][0]["message_ru"].is_string());
    }

    // --- ФИОКО registration form ---------------------------------------------------------------

    fn good_values() -> BTreeMap<String, FormValue> {
        let t = |s: &str| FormValue::Text(s.into());
        [
            ("login", t("ivanova_m")),
            ("email", t("ivanova@mail.ru")),
            ("password", t("Секрет 123")),
            ("password-confirm", t("Секрет 123")),
            ("phone", t("+7 (912) 345-67-89")),
            ("surname", t("Салтыкова-Щедрина")),
            ("given-name", t("Мария")),
            ("patronymic", t("Ивановна")),
            ("organisation", t("КГБПОУ «Барнаульский колледж»")),
            ("position", t("преподаватель")),
            ("education", t("высшее")),
            ("wants-support", FormValue::Checked(true)),
            ("consent", FormValue::Checked(true)),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    fn errs(values: &BTreeMap<String, FormValue>) -> Vec<FieldError> {
        check_registration_form(&form(), values)
    }

    fn with(field: &str, value: &str) -> Vec<FieldError> {
        let mut v = good_values();
        v.insert(field.into(), FormValue::Text(value.into()));
        errs(&v)
    }

    #[test]
    fn good_form_has_no_errors() {
        assert_eq!(errs(&good_values()), vec![]);
        // The captcha is checked only when given.
        let mut v = good_values();
        v.insert("captcha".into(), FormValue::Text("4821".into()));
        assert_eq!(errs(&v), vec![]);
    }

    #[test]
    fn empty_form_lists_every_required_field_in_order() {
        let e = errs(&BTreeMap::new());
        let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "login",
                "email",
                "password",
                "password-confirm",
                "phone",
                "surname",
                "given-name",
                "patronymic",
                "organisation",
                "position",
                "education",
                "wants-support",
                "consent"
            ]
        );
        assert_eq!(e[0].code, "required");
        assert!(e[0].message_ru.starts_with("Заполните поле «Логин»"));
        assert_eq!(e[11].code, "not_checked");
        assert!(
            e[11]
                .message_ru
                .contains("«Хочу подавать заявки в техническую поддержку»")
        );
        // Spaces only is empty.
        assert_eq!(with("position", "   ")[0].code, "required");
    }

    #[test]
    fn login_password_email() {
        let e = with("login", "ivanova m");
        assert_eq!(e[0].code, "has_spaces");
        assert!(
            e[0].message_ru.contains("на 8-м месте"),
            "{}",
            e[0].message_ru
        );
        assert_eq!(with("login", " ivanova")[0].code, "has_spaces");
        let e = with("password-confirm", "Секрет 124");
        assert_eq!(
            (e[0].field.as_str(), e[0].code),
            ("password-confirm", "mismatch")
        );
        assert!(e[0].message_ru.contains("«Пароль»"));
        // Passwords are compared exactly.
        assert_eq!(with("password-confirm", "Секрет 123 ")[0].code, "mismatch");
        assert_eq!(with("email", "ivanova@mailru")[0].code, "bad_email");
    }

    #[test]
    fn phone_is_plus7_and_ten_digits() {
        for ok in [
            "+79123456789",
            "+7 912 345 67 89",
            "+7(912)345-67-89",
            " +7 (912) 345–67–89 ",
        ] {
            assert_eq!(with("phone", ok), vec![], "{ok}");
            assert_eq!(normalize_phone_ru(ok).as_deref(), Some("+79123456789"));
        }
        let e = with("phone", "8 (912) 345-67-89");
        assert_eq!(e[0].code, "bad_phone");
        assert!(
            e[0].message_ru.contains("+79123456789"),
            "{}",
            e[0].message_ru
        );
        assert!(
            with("phone", "79123456789")[0]
                .message_ru
                .contains("+79123456789")
        );
        assert!(
            with("phone", "+7 912 345 67 8")[0]
                .message_ru
                .contains("введено 9")
        );
        assert!(
            with("phone", "+7 912 345 67 890")[0]
                .message_ru
                .contains("введено 11")
        );
        assert_eq!(with("phone", "+3 912 345 67 89")[0].code, "bad_phone");
        assert!(
            with("phone", "+7 912 345 67 8x")[0]
                .message_ru
                .contains("«x»")
        );
        assert_eq!(with("phone", "++79123456789")[0].code, "bad_phone");
        assert_eq!(normalize_phone_ru("89123456789"), None);
        assert_eq!(normalize_phone_ru("+7912345678"), None);
    }

    #[test]
    fn names_are_cyrillic() {
        // Latin «o» (U+006F) at position 5 of «Иванoва».
        let e = with("surname", "Иван\u{6F}ва");
        assert_eq!(e.len(), 1);
        assert_eq!(
            (e[0].field.as_str(), e[0].code),
            ("surname", "latin_letter")
        );
        assert!(
            e[0].message_ru
                .contains("5-я буква «o» — латинская, хотя похожа на русскую «о»"),
            "{}",
            e[0].message_ru
        );
        // Two homoglyphs: Latin «C» and «p».
        let e = with("given-name", "Cepгей");
        assert!(e[0].message_ru.contains("1-я буква «C»"));
        assert!(e[0].message_ru.contains("3-я буква «p»"));
        // A name typed entirely in the Latin layout.
        let e = with("patronymic", "Ivanovna");
        assert_eq!(e[0].code, "latin_letter");
        assert!(e[0].message_ru.contains("раскладку"));
        // Hyphen, space, apostrophe, ё are fine.
        for ok in [
            "Салтыков-Щедрин",
            "Оглы Мамед",
            "Д'Артаньян",
            "Д’Артаньян",
            "Пётр",
        ] {
            assert_eq!(with("surname", ok), vec![], "{ok}");
        }
        assert_eq!(with("surname", "Иванов2")[0].code, "bad_chars");
        assert!(
            with("surname", "Іванов")[0]
                .message_ru
                .contains("не из русского алфавита")
        );
        assert_eq!(with("surname", "Иванов.")[0].code, "bad_chars");
        assert_eq!(with("surname", "-")[0].code, "no_letters");
    }

    #[test]
    fn captcha_and_checkbox_values() {
        let mut v = good_values();
        v.insert("captcha".into(), FormValue::Text("48a1".into()));
        let e = errs(&v);
        assert_eq!((e[0].field.as_str(), e[0].code), ("captcha", "not_digits"));
        assert!(e[0].message_ru.contains("на 3-м месте «a»"));
        let mut v = good_values();
        v.insert("consent".into(), FormValue::Checked(false));
        assert_eq!(errs(&v)[0].code, "not_checked");
        v.insert("consent".into(), FormValue::Text("on".into()));
        assert_eq!(errs(&v), vec![]);
        // Optional checkboxes may stay empty.
        assert!(
            errs(&good_values())
                .iter()
                .all(|e| e.field != "wants-events")
        );
        // A bool where text is expected counts as empty.
        let mut v = good_values();
        v.insert("login".into(), FormValue::Checked(true));
        assert_eq!(errs(&v)[0].code, "required");
    }

    #[test]
    fn form_values_come_from_json() {
        let v: BTreeMap<String, FormValue> =
            serde_json::from_str(r#"{"login":"ivanova","consent":true,"phone":"+79123456789"}"#)
                .unwrap();
        assert_eq!(v["consent"], FormValue::Checked(true));
        assert_eq!(v["login"], FormValue::Text("ivanova".into()));
        let j = serde_json::to_value(errs(&v)).unwrap();
        assert_eq!(j[0]["field"], "email");
        assert_eq!(j[0]["code"], "required");
        assert!(j[0]["message_ru"].is_string());
    }

    // --- adversarial inputs ---------------------------------------------------------------------

    fn nasty() -> Vec<String> {
        vec![
            String::new(),
            "\0".into(),
            "\0\0\0@\0.\0".into(),
            "😀".into(),
            "Ив😀нов".into(),
            "👨‍👩‍👧‍👦@😀.рф".into(),
            "a".repeat(200_000),
            "Я".repeat(200_000),
            "+7".to_string() + &"9".repeat(100_000),
            "\u{202E}вонавИ".into(),
            "\u{FEFF}".into(),
            "е\u{301}".into(),
            "\r\n\t".into(),
            "12.12.99999".into(),
            "99.99.9999".into(),
            "-0001-01-01".into(),
            "+275760-09-13".into(),
        ]
    }

    #[test]
    fn no_panics_on_adversarial_form_input() {
        let f = form();
        for s in nasty() {
            let mut v = BTreeMap::new();
            for field in &f.fields {
                v.insert(field.id.clone(), FormValue::Text(s.clone()));
            }
            let e = check_registration_form(&f, &v);
            assert!(e.iter().all(|e| !e.message_ru.is_empty()));
            let _ = normalize_phone_ru(&s);
            let _ = email_error(&s);
            let _ = parse_birth_date(&s);
        }
    }

    #[test]
    fn no_panics_on_adversarial_readiness_input() {
        let r = rule();
        for s in nasty() {
            for role in [UserRole::Parent, UserRole::Student] {
                for level in [
                    LevelAnswer::NoAccount,
                    LevelAnswer::Simplified,
                    LevelAnswer::Standard,
                    LevelAnswer::Confirmed,
                    LevelAnswer::Unknown,
                ] {
                    let a = EsiaAnswers {
                        role: Some(role),
                        level: Some(level),
                        filled_fields: vec![s.clone(), "snils".into(), "email".into()],
                        snils: Some(s.clone()),
                        email: Some(s.clone()),
                        birth_date: Some(s.clone()),
                        linked: Some(LinkedAnswer::Unknown),
                    };
                    for today in ["0001-01-01", "9999-12-31", TODAY] {
                        let rep = check_esia_readiness(&r, &a, day(today));
                        assert!(!rep.ready);
                        assert!(!rep.next_step.message_ru.is_empty());
                    }
                }
            }
        }
        // Extreme dates.
        let a = EsiaAnswers {
            role: Some(UserRole::Student),
            birth_date: Some("9999-12-31".into()),
            ..ready_parent()
        };
        let _ = check_esia_readiness(&r, &a, day("9999-12-31"));
        assert_eq!(birthday(day("9999-12-31"), 14), None);
        assert_eq!(age_on(day("0001-01-01"), day("9999-12-31")), Some(9998));
    }

    #[test]
    fn a_rule_without_levels_does_not_panic() {
        let mut r = rule();
        r.levels.clear();
        r.required_fields.clear();
        let rep = check_esia_readiness(&r, &ready_parent(), day(TODAY));
        assert!(!rep.ready);
        assert!(!rep.next_step.message_ru.is_empty());
    }
}
