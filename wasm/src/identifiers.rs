//! Russian personal and company identifiers: СНИЛС, ИНН, ОГРН / ОГРНИП.
//!
//! Each check takes the text as the reader typed it, keeps the digits (spaces and dashes are
//! allowed between them, so `123-456-789 64` is fine), and reports what is wrong in Russian,
//! with a stable [`IdError::code`] the browser and the CLI key on. The checks never panic.
//!
//! Check-number algorithms:
//!
//! - **СНИЛС** (11 digits): the first 9 digits times the weights 9…1 are summed; the check number
//!   is the sum when it is below 100, `00` when it is 100 or 101, otherwise the sum mod 101
//!   (`00` again when that gives 100). Numbers up to `001-001-998` were issued before the check
//!   number was introduced and are valid with any check number.
//! - **ИНН** of an organisation (10 digits): weights `2 4 10 3 5 9 4 6 8`, check digit
//!   `(sum mod 11) mod 10`. ИНН of a person (12 digits): two check digits, the 11th with weights
//!   `7 2 4 10 3 5 9 4 6 8`, the 12th with weights `3 7 2 4 10 3 5 9 4 6 8` (over the first 11
//!   digits), each `(sum mod 11) mod 10`.
//! - **ОГРН** (13 digits): the last digit is `(first 12 digits as a number mod 11) mod 10`;
//!   **ОГРНИП** (15 digits): `(first 14 digits mod 13) mod 10`. The remainders 10–12 give
//!   their last digit (`% 10`), as the tax service computes it (python-stdnum's ОГРНИП check
//!   differs there).
//! - The **first digit** of both is the record-kind sign («признак отнесения государственного
//!   регистрационного номера записи»): in the ЕГРЮЛ 1 and 5 mark an ОГРН, 2, 6, 7, 8, 9 the
//!   ГРН of a later record (Правила ведения ЕГРЮЛ, Постановление Правительства РФ от 19.06.2002
//!   № 438, прил. 1, ред. Постановления от 13.12.2005 № 760); in the ЕГРИП 3 marks an ОГРНИП and
//!   4 the ГРН of a later record (Правила ведения ЕГРИП, Постановление от 16.10.2003 № 630,
//!   прил. 1, same edition). The tax service keeps this structure. A ГРН of a later record
//!   has a valid check digit but is not the number asked for, so a wrong sign is an error.

use serde::Serialize;

/// The result of checking one identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdCheck {
    /// `true` when there are no errors.
    pub valid: bool,
    /// The digits of the input, in order, without separators (also when the input is invalid).
    pub normalized: String,
    /// What is wrong; empty when valid. At most one error: the first problem found.
    pub errors: Vec<IdError>,
    /// Whose number it is, when its length says so (ИНН, ОГРН): `organisation`, `person`
    /// (an ИНН of 12 digits) or `entrepreneur` (an ОГРНИП).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// The same in Russian: «ИНН организации», «ИНН физического лица», «ОГРН», «ОГРНИП».
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind_name: Option<&'static str>,
}

/// One problem with an identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdError {
    /// Stable: `empty`, `bad_chars`, `wrong_length`, `wrong_checksum`, `all_zeros`,
    /// `wrong_first_digit` (ОГРН, ОГРНИП); `wrong_kind` from the CLI's `--person`/`--org`.
    pub code: &'static str,
    /// Russian, says how to fix it.
    pub message: String,
}

impl IdCheck {
    fn ok(normalized: String) -> IdCheck {
        IdCheck {
            valid: true,
            normalized,
            errors: Vec::new(),
            kind: None,
            kind_name: None,
        }
    }

    fn error(normalized: String, code: &'static str, message: String) -> IdCheck {
        IdCheck {
            valid: false,
            normalized,
            errors: vec![IdError { code, message }],
            kind: None,
            kind_name: None,
        }
    }

    fn of_kind(self, (kind, kind_name): (&'static str, &'static str)) -> IdCheck {
        IdCheck {
            kind: Some(kind),
            kind_name: Some(kind_name),
            ..self
        }
    }
}

/// The kinds an ИНН's length tells apart (`kind`, `kind_name` of [`IdCheck`]).
pub const INN_ORGANISATION: (&str, &str) = ("organisation", "ИНН организации");
pub const INN_PERSON: (&str, &str) = ("person", "ИНН физического лица");
const OGRN_ORGANISATION: (&str, &str) = ("organisation", "ОГРН");
const OGRNIP: (&str, &str) = ("entrepreneur", "ОГРНИП");

/// Characters allowed between the digits: any whitespace and the usual dashes (hyphen-minus,
/// the Unicode hyphens and dashes a word processor substitutes, the minus sign).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
        )
}

/// The digits of `s` and the first character that is neither a digit nor a separator
/// (its 1-based position in characters, and the character).
fn scan(s: &str) -> (String, Option<(usize, char)>) {
    let mut digits = String::new();
    let mut bad = None;
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !is_separator(c) && bad.is_none() {
            bad = Some((i + 1, c));
        }
    }
    (digits, bad)
}

/// How to show a character in a message: invisible ones by their code.
pub(crate) fn describe_char(c: char) -> String {
    match c {
        ' ' => return "пробел".into(),
        '\u{A0}' => return "неразрывный пробел".into(),
        '\t' => return "знак табуляции".into(),
        '\n' | '\r' => return "перевод строки".into(),
        _ => {}
    }
    if c.is_control() || c.is_whitespace() || is_invisible(c) {
        format!("невидимый символ U+{:04X}", c as u32)
    } else {
        format!("«{c}»")
    }
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
    )
}

/// A hint when a letter looks like a digit.
fn digit_lookalike(c: char) -> Option<char> {
    match c {
        'O' | 'o' | 'О' | 'о' => Some('0'),
        'l' | 'I' | '|' => Some('1'),
        'З' | 'з' => Some('3'),
        'б' => Some('6'),
        _ => None,
    }
}

/// «введено 10» / «введена 1» (digits).
pub(crate) fn entered(n: usize) -> String {
    format!(
        "{} {n}",
        crate::ru::plural(n, "введена", "введено", "введено")
    )
}

/// The common part of every check: empty input, characters other than digits and separators.
/// `what` is the accusative name for the messages («СНИЛС», «ИНН», «ОГРН»), `example` a sample.
fn pre_check(s: &str, what: &str, example: &str) -> Result<String, IdCheck> {
    let (digits, bad) = scan(s);
    if let Some((pos, c)) = bad {
        let mut message = format!(
            "недопустимый символ на {pos}-м месте: {} — введите {what} цифрами; пробелы и дефисы между цифрами можно",
            describe_char(c)
        );
        if let Some(d) = digit_lookalike(c) {
            message.push_str(&format!(" (возможно, вместо цифры {d} набрана буква)"));
        }
        return Err(IdCheck::error(digits, "bad_chars", message));
    }
    if digits.is_empty() {
        return Err(IdCheck::error(
            digits,
            "empty",
            format!("поле пустое: введите {what}, например {example}"),
        ));
    }
    Ok(digits)
}

/// `too_short`: `Some(true)` when a digit is surely missing, `Some(false)` when one is surely
/// extra, `None` when it may be either (11 digits of an ИНН, 14 of an ОГРН).
fn length_error(digits: String, allowed: &str, too_short: Option<bool>) -> IdCheck {
    let n = digits.chars().count();
    let hint = match too_short {
        Some(true) => "проверьте, не пропущена ли цифра",
        Some(false) => "проверьте, нет ли лишней цифры",
        None => "проверьте, не пропущена ли цифра и нет ли лишней",
    };
    let message = format!("должно быть {allowed}, а {} — {hint}", entered(n));
    IdCheck::error(digits, "wrong_length", message)
}

fn all_zeros(digits: String, what: &str) -> Result<String, IdCheck> {
    if digits.bytes().all(|b| b == b'0') {
        Err(IdCheck::error(
            digits,
            "all_zeros",
            format!("{what} не может состоять из одних нулей — введите номер из документа"),
        ))
    } else {
        Ok(digits)
    }
}

fn digit_values(digits: &str) -> Vec<u32> {
    digits.bytes().map(|b| u32::from(b - b'0')).collect()
}

fn weighted(d: &[u32], weights: &[u32]) -> u32 {
    d.iter().zip(weights).map(|(a, b)| a * b).sum()
}

/// A check number that does not match the other digits means a typo somewhere in the number,
/// not necessarily in the check digits: the message asks to compare every digit, and does not
/// offer the expected check number (copying it would hide the real typo).
fn checksum_error(digits: String, several: bool) -> IdCheck {
    let noun = if several {
        "неверные контрольные цифры"
    } else {
        "неверное контрольное число"
    };
    IdCheck::error(
        digits,
        "wrong_checksum",
        format!(
            "{noun} — в номере опечатка: сверьте с документом все цифры, ошибка может быть в любой из них"
        ),
    )
}

/// The СНИЛС check number for the first nine digits (0…99).
fn snils_check_number(d: &[u32]) -> u32 {
    let sum = weighted(d, &[9, 8, 7, 6, 5, 4, 3, 2, 1]);
    match sum {
        0..=99 => sum,
        100 | 101 => 0,
        _ => match sum % 101 {
            100 => 0,
            m => m,
        },
    }
}

/// Numbers up to this one (the first nine digits) carry no check number.
const SNILS_UNCHECKED_MAX: u32 = 1_001_998;

/// Checks a СНИЛС: 11 digits, with a valid check number above `001-001-998`.
pub fn check_snils(s: &str) -> IdCheck {
    let digits = match pre_check(s, "СНИЛС", "123-456-789 64") {
        Ok(d) => d,
        Err(e) => return e,
    };
    if digits.len() != 11 {
        return length_error(digits.clone(), "11 цифр", Some(digits.len() < 11));
    }
    let digits = match all_zeros(digits, "СНИЛС") {
        Ok(d) => d,
        Err(e) => return e,
    };
    let d = digit_values(&digits);
    let number = d[..9].iter().fold(0u32, |acc, x| acc * 10 + x);
    if number <= SNILS_UNCHECKED_MAX {
        return IdCheck::ok(digits);
    }
    let expected = snils_check_number(&d[..9]);
    let actual = d[9] * 10 + d[10];
    if expected == actual {
        IdCheck::ok(digits)
    } else {
        checksum_error(digits, false)
    }
}

const INN10: [u32; 9] = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11: [u32; 10] = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12: [u32; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

fn mod11(sum: u32) -> u32 {
    sum % 11 % 10
}

/// Checks an ИНН: 10 digits (organisation) or 12 digits (person, individual entrepreneur).
pub fn check_inn(s: &str) -> IdCheck {
    let digits = match pre_check(s, "ИНН", "7707083893") {
        Ok(d) => d,
        Err(e) => return e,
    };
    let n = digits.len();
    if n != 10 && n != 12 {
        return length_error(
            digits,
            "10 цифр (ИНН организации) или 12 цифр (ИНН физического лица или ИП)",
            match n {
                0..=9 => Some(true),
                11 => None,
                _ => Some(false),
            },
        );
    }
    let digits = match all_zeros(digits, "ИНН") {
        Ok(d) => d,
        Err(e) => return e,
    };
    let d = digit_values(&digits);
    if n == 10 {
        let expected = mod11(weighted(&d, &INN10));
        let c = if expected == d[9] {
            IdCheck::ok(digits)
        } else {
            checksum_error(digits, false)
        };
        c.of_kind(INN_ORGANISATION)
    } else {
        // The 12th digit is computed over the expected 11th.
        let c11 = mod11(weighted(&d, &INN11));
        let mut fixed = d[..10].to_vec();
        fixed.push(c11);
        let c12 = mod11(weighted(&fixed, &INN12));
        let c = if c11 == d[10] && c12 == d[11] {
            IdCheck::ok(digits)
        } else {
            checksum_error(digits, true)
        };
        c.of_kind(INN_PERSON)
    }
}

/// Checks an ОГРН (13 digits) or an ОГРНИП (15 digits).
pub fn check_ogrn(s: &str) -> IdCheck {
    let digits = match pre_check(s, "ОГРН", "1027700132195") {
        Ok(d) => d,
        Err(e) => return e,
    };
    let n = digits.len();
    if n != 13 && n != 15 {
        return length_error(
            digits,
            "13 цифр (ОГРН организации) или 15 цифр (ОГРНИП индивидуального предпринимателя)",
            match n {
                0..=12 => Some(true),
                14 => None,
                _ => Some(false),
            },
        );
    }
    let digits = match all_zeros(digits, "ОГРН") {
        Ok(d) => d,
        Err(e) => return e,
    };
    let kind = if n == 13 { OGRN_ORGANISATION } else { OGRNIP };
    if let Some(message) = first_digit_error(n, digits.as_bytes()[0]) {
        return IdCheck::error(digits, "wrong_first_digit", message).of_kind(kind);
    }
    // At most 14 digits: fits in u64.
    let body: u64 = digits[..n - 1]
        .bytes()
        .fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0'));
    let modulus = if n == 13 { 11 } else { 13 };
    let expected = body % modulus % 10;
    let actual = u64::from(digits.as_bytes()[n - 1] - b'0');
    let c = if expected == actual {
        IdCheck::ok(digits)
    } else {
        checksum_error(digits, false)
    };
    c.of_kind(kind)
}

/// The record-kind sign (the first digit, see the module's notes): 1 or 5 for an ОГРН of 13
/// digits, 3 for an ОГРНИП of 15. `None` when it is right.
fn first_digit_error(n: usize, first: u8) -> Option<String> {
    let (ok, rule, other, register) = if n == 13 {
        (
            first == b'1' || first == b'5',
            "ОГРН — 1 или 5",
            b'2',
            "ЕГРЮЛ",
        )
    } else {
        (first == b'3', "ОГРНИП — 3", b'4', "ЕГРИП")
    };
    if ok {
        return None;
    }
    let why = match first {
        f if f == other => ": это номер другой записи реестра, а не основной номер",
        b'3' => ": ОГРНИП предпринимателя начинается с 3 и состоит из 15 цифр",
        b'1' | b'5' => ": ОГРН организации начинается с 1 или 5 и состоит из 13 цифр",
        _ => "",
    };
    Some(format!(
        "по правилам ФНС первая цифра {rule}, а введена {}{why} — сверьте номер с листом записи {register}",
        char::from(first)
    ))
}

/// Writes 11 СНИЛС digits the usual way, `123-456-789 64`. Spaces and dashes in the input are
/// ignored; `None` unless exactly 11 digits remain. The check number is not checked.
pub fn format_snils(digits: &str) -> Option<String> {
    let (d, bad) = scan(digits);
    if bad.is_some() || d.len() != 11 {
        return None;
    }
    Some(format!(
        "{}-{}-{} {}",
        &d[0..3],
        &d[3..6],
        &d[6..9],
        &d[9..11]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &IdCheck) -> Option<&'static str> {
        c.errors.first().map(|e| e.code)
    }

    #[test]
    fn snils_valid_by_hand() {
        // 1*9+1*8+2*7+2*6+3*5+3*4+4*3+4*2+5*1 = 95 < 100 → 95.
        let c = check_snils("112-233-445 95");
        assert!(c.valid, "{c:?}");
        assert_eq!(c.normalized, "11223344595");
        // 9*9+8*8+7*7+6*6+5*5+4*4+3*3+2*2+1*1 = 285 > 101 → 285 mod 101 = 83.
        assert!(check_snils("987-654-321 83").valid);
        // 9*9+1*2+9*1... : 9*9 + 9*2 + 1*1 = 100 → 00.
        assert!(check_snils("900-000-091 00").valid);
        // 9*9 + 9*2 + 2*1 = 101 → 00.
        assert!(check_snils("900-000-092 00").valid);
        // 9*9 + 9*8 + 8*6 = 201 → 201 mod 101 = 100 → 00.
        assert!(check_snils("990-800-000 00").valid);
        // 9*45 = 405 → 405 mod 101 = 1 → 01.
        assert!(check_snils("999-999-999 01").valid);
    }

    #[test]
    fn snils_example_in_messages_and_hints_is_valid() {
        // The example the messages (and the readiness wizard's hint) show must pass the check:
        // 1*9+2*8+3*7+4*6+5*5+6*4+7*3+8*2+9*1 = 165 → 165 mod 101 = 64.
        assert!(check_snils("123-456-789 64").valid);
        let c = check_snils("");
        assert!(c.errors[0].message.contains("123-456-789 64"), "{c:?}");
    }

    #[test]
    fn snils_100_and_101_are_not_written_as_100() {
        assert!(check_snils("900-000-091 00").valid);
        assert_eq!(code(&check_snils("900-000-091 99")), Some("wrong_checksum"));
        assert!(!check_snils("990-800-000 99").valid);
    }

    #[test]
    fn snils_low_numbers_have_no_check_number() {
        assert!(check_snils("001-001-998 12").valid);
        assert!(check_snils("000-000-001 99").valid);
        // The first checked number: 1*7 + 1*4 + 9*3 + 9*2 + 9*1 = 65.
        assert!(check_snils("001-001-999 65").valid);
        assert_eq!(code(&check_snils("001-001-999 12")), Some("wrong_checksum"));
    }

    #[test]
    fn snils_one_digit_changed() {
        let c = check_snils("112-233-445 96");
        assert!(!c.valid);
        assert_eq!(
            c.errors[0].message,
            "неверное контрольное число — в номере опечатка: сверьте с документом все цифры, ошибка может быть в любой из них"
        );
        assert_eq!(code(&check_snils("112-233-455 95")), Some("wrong_checksum"));
        assert_eq!(code(&check_snils("987-654-321 38")), Some("wrong_checksum"));
    }

    #[test]
    fn snils_separators_and_formats() {
        for s in [
            "11223344595",
            "112 233 445 95",
            "112-233-445-95",
            " 112–233–445 95 ",
            "112\u{a0}233\u{a0}445\u{a0}95",
        ] {
            assert!(check_snils(s).valid, "{s}");
        }
    }

    #[test]
    fn snils_wrong_length_empty_letters_zeros() {
        let c = check_snils("112-233-445 9");
        assert_eq!(code(&c), Some("wrong_length"));
        assert!(
            c.errors[0]
                .message
                .starts_with("должно быть 11 цифр, а введено 10")
        );
        let c = check_snils("112-233-445 951");
        assert!(c.errors[0].message.contains("введено 12"));
        assert!(check_snils("1").errors[0].message.contains("введена 1 "));
        assert_eq!(code(&check_snils("")), Some("empty"));
        assert_eq!(code(&check_snils("  - ")), Some("empty"));
        let c = check_snils("112-233-44S 95");
        assert_eq!(code(&c), Some("bad_chars"));
        assert!(c.errors[0].message.contains("на 11-м месте: «S»"), "{c:?}");
        let c = check_snils("112-233-4O5 95");
        assert!(c.errors[0].message.contains("цифры 0"));
        assert_eq!(code(&check_snils("000-000-000 00")), Some("all_zeros"));
        assert_eq!(code(&check_snils("+7 112 233 445 95")), Some("bad_chars"));
    }

    #[test]
    fn inn_organisation() {
        // Сбербанк: 7*2+7*4+0*10+7*3+0*5+8*9+3*4+8*6+9*8 = 267; 267 mod 11 = 3.
        assert!(check_inn("7707083893").valid);
        assert!(check_inn("77 07 083893").valid);
        // Sum 10 → 10 mod 10 = 0.
        assert!(check_inn("0010000000").valid);
        assert!(check_inn("1000000002").valid);
        assert_eq!(code(&check_inn("7707083894")), Some("wrong_checksum"));
        assert_eq!(code(&check_inn("7707083993")), Some("wrong_checksum"));
    }

    #[test]
    fn inn_person() {
        // n11: 5*7+1*10+7*9+3*4+2*6+2*8 = 148 → 148 mod 11 = 5;
        // n12: 5*3+1*4+7*5+3*9+2*4+2*6+5*8 = 141 → 141 mod 11 = 9.
        assert!(check_inn("500100732259").valid);
        let c = check_inn("500100732258");
        assert!(
            c.errors[0]
                .message
                .starts_with("неверные контрольные цифры — в номере опечатка"),
            "{c:?}"
        );
        assert_eq!(code(&check_inn("500100732249")), Some("wrong_checksum"));
        assert_eq!(code(&check_inn("500100742259")), Some("wrong_checksum"));
    }

    #[test]
    fn inn_lengths_and_junk() {
        for s in ["770708389", "77070838931", "5001007322591"] {
            let c = check_inn(s);
            assert_eq!(code(&c), Some("wrong_length"), "{s}");
            assert!(c.errors[0].message.contains("10 цифр"));
            assert!(c.errors[0].message.contains("12 цифр"));
        }
        assert_eq!(code(&check_inn("")), Some("empty"));
        assert_eq!(code(&check_inn("ИНН 7707083893")), Some("bad_chars"));
        assert_eq!(code(&check_inn("0000000000")), Some("all_zeros"));
        assert_eq!(code(&check_inn("000000000000")), Some("all_zeros"));
    }

    #[test]
    fn ogrn_and_ogrnip() {
        // Сбербанк: 102770013219 mod 11 = 5.
        assert!(check_ogrn("1027700132195").valid);
        assert!(check_ogrn("1 02 77 00 13219 5").valid);
        assert_eq!(code(&check_ogrn("1027700132194")), Some("wrong_checksum"));
        assert_eq!(code(&check_ogrn("1027700132295")), Some("wrong_checksum"));
        // ОГРНИП: 30450011600015 mod 13 = 7.
        assert!(check_ogrn("304500116000157").valid);
        assert_eq!(code(&check_ogrn("304500116000158")), Some("wrong_checksum"));
        // Remainder 10 → 0: 10^11 ≡ (−1)^11 ≡ 10 (mod 11).
        assert!(check_ogrn("1000000000000").valid);
        assert_eq!(code(&check_ogrn("1000000000001")), Some("wrong_checksum"));
        let c = check_ogrn("102770013219");
        assert_eq!(code(&c), Some("wrong_length"));
        assert!(c.errors[0].message.contains("13 цифр"));
        assert!(c.errors[0].message.contains("15 цифр"));
        assert_eq!(code(&check_ogrn("10277001321951")), Some("wrong_length"));
        assert_eq!(code(&check_ogrn("0000000000000")), Some("all_zeros"));
        assert_eq!(code(&check_ogrn("")), Some("empty"));
        assert_eq!(code(&check_ogrn("1027700132195a")), Some("bad_chars"));
    }

    #[test]
    fn ogrnip_remainders_10_to_12_give_their_last_digit() {
        // The tax service's rule: (first 14 digits mod 13) mod 10, so 10 → 0, 11 → 1, 12 → 2
        // (python-stdnum takes remainder 10 for 0 but keeps 11 and 12 as they are, and so
        // rejects these numbers). 30000000000006 = 13 × 2307692307692 + 10, and so on.
        for (valid, wrong) in [
            ("300000000000060", "300000000000061"),
            ("300000000000071", "300000000000072"),
            ("300000000000082", "300000000000083"),
        ] {
            assert!(check_ogrn(valid).valid, "{valid}");
            assert_eq!(code(&check_ogrn(wrong)), Some("wrong_checksum"), "{wrong}");
        }
    }

    #[test]
    fn ogrn_and_ogrnip_first_digit_is_the_record_kind_sign() {
        // 4… with a correct check digit: the ГРН of a later ЕГРИП record, not an ОГРНИП.
        let c = check_ogrn("404500116000154");
        assert_eq!(code(&c), Some("wrong_first_digit"), "{c:?}");
        assert!(
            c.errors[0].message.contains("первая цифра ОГРНИП — 3"),
            "{c:?}"
        );
        assert!(c.errors[0].message.contains("другой записи"), "{c:?}");
        // 1… of 15 digits (remainder 10 → 0) and 3… of 13 digits: the other register's sign.
        let c = check_ogrn("100000000000000");
        assert_eq!(code(&c), Some("wrong_first_digit"));
        assert!(c.errors[0].message.contains("13 цифр"), "{c:?}");
        let c = check_ogrn("3027700132193");
        assert_eq!(code(&c), Some("wrong_first_digit"));
        assert!(
            c.errors[0].message.contains("первая цифра ОГРН — 1 или 5"),
            "{c:?}"
        );
        assert!(c.errors[0].message.contains("15 цифр"), "{c:?}");
        // 2… of 13 digits: a later ЕГРЮЛ record; 5… is an ОГРН.
        assert_eq!(
            code(&check_ogrn("2027700132194")),
            Some("wrong_first_digit")
        );
        assert!(check_ogrn("5000000000006").valid);
        assert_eq!(check_ogrn("304500116000157").kind_name, Some("ОГРНИП"));
        assert_eq!(check_ogrn("1027700132195").kind, Some("organisation"));
    }

    /// `digits` followed by its ОГРНИП check digit.
    fn with_ogrnip_check(digits: &str) -> String {
        let body: u64 = digits.parse().unwrap();
        format!("{digits}{}", body % 13 % 10)
    }

    proptest::proptest! {
        #[test]
        fn fifteen_digits_with_a_right_check_digit_need_a_3_first(
            first in 0u8..10,
            rest in "[0-9]{13}",
        ) {
            let number = with_ogrnip_check(&format!("{first}{rest}"));
            let c = check_ogrn(&number);
            if number.bytes().all(|b| b == b'0') {
                proptest::prop_assert_eq!(code(&c), Some("all_zeros"));
            } else if first == 3 {
                proptest::prop_assert!(c.valid, "{:?}", c);
            } else {
                proptest::prop_assert_eq!(code(&c), Some("wrong_first_digit"));
            }
        }
    }

    #[test]
    fn inn_says_whose_it_is() {
        let c = check_inn("7707083893");
        assert_eq!(
            (c.kind, c.kind_name),
            (Some("organisation"), Some("ИНН организации"))
        );
        let c = check_inn("500100732258");
        assert_eq!(
            (c.kind, c.kind_name),
            (Some("person"), Some("ИНН физического лица"))
        );
        assert_eq!(check_inn("12345").kind, None);
        let j = serde_json::to_value(check_snils("112-233-445 95")).unwrap();
        assert!(j.get("kind").is_none(), "{j}");
    }

    #[test]
    fn format() {
        assert_eq!(
            format_snils("11223344595").as_deref(),
            Some("112-233-445 95")
        );
        assert_eq!(
            format_snils("112 233 445 95").as_deref(),
            Some("112-233-445 95")
        );
        assert_eq!(format_snils("1122334459"), None);
        assert_eq!(format_snils("1122334459x"), None);
        assert_eq!(format_snils(""), None);
    }

    #[test]
    fn adversarial_inputs_do_not_panic() {
        let long_digits = "1".repeat(100_000);
        let long_junk = "ж".repeat(100_000);
        for s in [
            "",
            "\0",
            "1122334459\0",
            "😀😀😀",
            "１１２２３３４４５９５", // full-width digits
            "١٢٣",                    // Arabic-Indic digits
            long_digits.as_str(),
            long_junk.as_str(),
            "\u{200B}11223344595",
        ] {
            for c in [check_snils(s), check_inn(s), check_ogrn(s)] {
                assert!(!c.valid, "{s:?}");
                assert_eq!(c.errors.len(), 1);
            }
            let _ = format_snils(s);
        }
        let c = check_snils("\0");
        assert!(c.errors[0].message.contains("U+0000"), "{c:?}");
        assert!(
            check_snils(&long_digits).errors[0]
                .message
                .contains("введено 100000")
        );
    }

    #[test]
    fn serializes_to_json() {
        let j = serde_json::to_value(check_snils("112-233-445 96")).unwrap();
        assert_eq!(j["valid"], false);
        assert_eq!(j["normalized"], "11223344596");
        assert_eq!(j["errors"][0]["code"], "wrong_checksum");
    }
}
