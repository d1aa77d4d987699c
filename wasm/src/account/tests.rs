//! Tests of the data files' types (on frozen copies of `content/esia/readiness-rule.yaml` and
//! `content/fioko/registration-form.yaml`) and of the e-mail check, and the fixtures the tests
//! of the readiness check and of the form share. `tests/content.rs` of the builder checks the
//! real files.

use super::*;
use crate::date::IsoDate;

// Frozen copies in tests/fixtures/ (beside the builder's, and shared with its unit tests): an
// editor's change to content/ must not change what these tests pin.
const RULE_YAML: &str = include_str!("../../tests/fixtures/esia/readiness-rule.yaml");
const FORM_YAML: &str = include_str!("../../tests/fixtures/fioko/registration-form.yaml");

pub(super) fn rule() -> ReadinessRule {
    serde_norway::from_str(RULE_YAML).expect("readiness-rule.yaml matches the types")
}

pub(super) fn form() -> RegistrationForm {
    serde_norway::from_str(FORM_YAML).expect("registration-form.yaml matches the types")
}

pub(super) fn day(s: &str) -> IsoDate {
    IsoDate::parse(s).unwrap()
}

/// Adversarial inputs for every text field: empty, NUL, emoji, very long, bidi and invisible
/// characters, combining marks, impossible dates.
pub(super) fn nasty() -> Vec<String> {
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

// --- e-mail -------------------------------------------------------------------------------

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
fn a_trailing_dot_is_named_as_such() {
    for typed in ["ivanov@mail.ru.", "ivanov@mail.ru.."] {
        let e = email_error(typed).unwrap_or_default();
        assert_eq!(e, "в конце адреса лишняя точка — уберите её", "{typed}");
    }
    // A domain with no dot but the last one has no server address at all.
    assert!(email_error("ivanov@mail.").unwrap().contains("с точкой"));
}
