//! Tests of the ЕСИА readiness check: the order of the report, the questions asked before a
//! verdict, «Не знаю», the students' age rule, dates of birth, and adversarial input.

use super::*;
use crate::account::tests::{day, nasty, rule};

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
