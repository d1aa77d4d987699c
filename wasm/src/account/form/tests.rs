//! Tests of the ФИОКО registration form check: required fields, logins and passwords, phone
//! numbers, names in Russian letters, checkboxes, JSON input and adversarial input.

use super::*;
use crate::account::parse_birth_date;
use crate::account::tests::{form, nasty};

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
