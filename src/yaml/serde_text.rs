//! serde's and the YAML parser's own messages, in the program's language.
//!
//! serde_norway's errors are English text: serde's forms (`unknown field `x`, expected one of
//! …`, `missing field `x``, `invalid type: integer `5`, expected a string`, …: their wording is
//! serde's stable `de::Error` defaults) and libyaml's scanner and parser problems (`did not
//! find expected key`). [`Form::parse`] recognises them and [`Form::message`] says them again
//! from the catalogue; a text it does not recognise is kept as it is.

use std::borrow::Cow;

use crate::tr;

/// A serde or YAML error message, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Form<'a> {
    UnknownField {
        field: &'a str,
        expected: Vec<&'a str>,
    },
    UnknownVariant {
        variant: &'a str,
        expected: Vec<&'a str>,
    },
    MissingField(&'a str),
    DuplicateField(&'a str),
    InvalidType {
        unexpected: Unexpected<'a>,
        expected: Expected,
    },
    InvalidValue {
        unexpected: Unexpected<'a>,
        expected: Expected,
    },
    InvalidLength {
        len: &'a str,
        expected: Expected,
    },
    /// One of libyaml's problems (the catalogue's id).
    Syntax(Syntax),
    /// The checks crate's date type: a text that is not a real `YYYY-MM-DD` date.
    BadDate(&'a str),
    /// The checks crate's registration-form field `format` that is none of the known ones.
    UnknownFormFormat(&'a str),
    /// Anything else: the program's own visitors' messages (already in the language) and
    /// forms not known here.
    Other(&'a str),
}

/// What serde found instead (its `Unexpected`, as it prints it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unexpected<'a> {
    Bool(&'a str),
    Integer(&'a str),
    Float(&'a str),
    Char(&'a str),
    Str(&'a str),
    Unit,
    Option,
    Seq,
    Map,
    Enum,
}

/// What serde expected (a visitor's `expecting`), for the ones this program's types use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    String,
    Integer,
    Number,
    Bool,
    Seq,
    Map,
    Date,
    ChangeText,
    Char,
    /// `a tuple of size 2`, `an array of length 3`.
    Items(u32),
}

/// libyaml's problems that an editor meets (the rest are kept in English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    EndOfStream,
    ExpectedKey,
    MappingValues,
    CannotStartToken,
    ExpectedNode,
    ExpectedColon,
    Tab,
    FlowSeq,
    FlowMap,
    BlockEntry,
    BlockSequence,
    UnknownEscape,
    DocumentIndicator,
    EmptyDocument,
    MoreThanOneDocument,
    UnknownAnchor,
    RecursionLimit,
}

const SYNTAX: &[(&str, Syntax)] = &[
    ("found unexpected end of stream", Syntax::EndOfStream),
    ("did not find expected key", Syntax::ExpectedKey),
    (
        "mapping values are not allowed in this context",
        Syntax::MappingValues,
    ),
    (
        "found character that cannot start any token",
        Syntax::CannotStartToken,
    ),
    ("did not find expected node content", Syntax::ExpectedNode),
    ("could not find expected ':'", Syntax::ExpectedColon),
    (
        "found a tab character that violates indentation",
        Syntax::Tab,
    ),
    (
        "found a tab character where an indentation space is expected",
        Syntax::Tab,
    ),
    ("did not find expected ',' or ']'", Syntax::FlowSeq),
    ("did not find expected ',' or '}'", Syntax::FlowMap),
    ("did not find expected '-' indicator", Syntax::BlockEntry),
    (
        "block sequence entries are not allowed in this context",
        Syntax::BlockSequence,
    ),
    ("found unknown escape character", Syntax::UnknownEscape),
    (
        "found unexpected document indicator",
        Syntax::DocumentIndicator,
    ),
    ("EOF while parsing a value", Syntax::EmptyDocument),
    (
        "deserializing from YAML containing more than one document is not supported",
        Syntax::MoreThanOneDocument,
    ),
    ("unknown anchor", Syntax::UnknownAnchor),
    ("recursion limit exceeded", Syntax::RecursionLimit),
];

impl<'a> Form<'a> {
    /// Understands one message (without serde_norway's path prefix and position suffix).
    pub fn parse(message: &'a str) -> Form<'a> {
        Self::try_parse(message).unwrap_or(Form::Other(message))
    }

    fn try_parse(m: &'a str) -> Option<Form<'a>> {
        // The checks crate's form field `format` first: serde's `unknown field ` would take it.
        if let Some(rest) = m.strip_prefix("unknown field format `") {
            let (value, _) = rest.split_once("`: expected ")?;
            return Some(Form::UnknownFormFormat(value));
        }
        if let Some(rest) = m.strip_prefix("unknown field ") {
            let (field, expected) = name_and_list(rest)?;
            return Some(Form::UnknownField { field, expected });
        }
        if let Some(rest) = m.strip_prefix("unknown variant ") {
            let (variant, expected) = name_and_list(rest)?;
            return Some(Form::UnknownVariant { variant, expected });
        }
        if let Some(rest) = m.strip_prefix("missing field ") {
            return Some(Form::MissingField(whole_quoted(rest)?));
        }
        if let Some(rest) = m.strip_prefix("duplicate field ") {
            return Some(Form::DuplicateField(whole_quoted(rest)?));
        }
        if let Some(rest) = m.strip_prefix("invalid type: ") {
            let (unexpected, expected) = unexpected_and_expected(rest)?;
            return Some(Form::InvalidType {
                unexpected,
                expected,
            });
        }
        if let Some(rest) = m.strip_prefix("invalid value: ") {
            let (unexpected, expected) = unexpected_and_expected(rest)?;
            return Some(Form::InvalidValue {
                unexpected,
                expected,
            });
        }
        if let Some(rest) = m.strip_prefix("invalid length ") {
            let (len, expected) = rest.split_once(", expected ")?;
            if len.is_empty() || !len.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            return Some(Form::InvalidLength {
                len,
                expected: Expected::parse(expected)?,
            });
        }
        // The checks crate's own visitors (English, as the crate has no catalogue).
        if let Some(rest) = m.strip_prefix("invalid date `") {
            let date = rest.strip_suffix("`: write it as YYYY-MM-DD, e.g. 2025-09-01")?;
            return Some(Form::BadDate(date));
        }
        // libyaml adds the context after a comma (`…, while parsing a block mapping`).
        let problem = m.split(", while ").next().unwrap_or(m);
        SYNTAX
            .iter()
            .find(|(text, _)| *text == problem)
            .map(|&(_, s)| Form::Syntax(s))
    }

    /// The message in the current language.
    pub fn message(&self) -> Cow<'a, str> {
        Cow::Owned(match self {
            Form::UnknownField { field, expected } => {
                let (list, count) = list(expected);
                tr!(
                    "yaml-unknown-field",
                    field = *field,
                    expected = list,
                    count = count
                )
            }
            Form::UnknownVariant { variant, expected } => {
                let (list, count) = list(expected);
                tr!(
                    "yaml-unknown-variant",
                    value = *variant,
                    expected = list,
                    count = count
                )
            }
            Form::MissingField(field) => tr!("yaml-missing-field", field = *field),
            Form::DuplicateField(field) => tr!("yaml-duplicate-field", field = *field),
            Form::InvalidType {
                unexpected,
                expected,
            } => tr!(
                "yaml-invalid-type",
                found = unexpected.text(),
                expected = expected.text()
            ),
            Form::InvalidValue {
                unexpected,
                expected,
            } => tr!(
                "yaml-invalid-value",
                found = unexpected.text(),
                expected = expected.text()
            ),
            Form::InvalidLength { len, expected } => tr!(
                "yaml-invalid-length",
                len = *len,
                expected = expected.text()
            ),
            Form::Syntax(s) => s.message(),
            Form::BadDate(value) => tr!("yaml-bad-date", value = *value),
            Form::UnknownFormFormat(value) => tr!("yaml-unknown-form-format", value = *value),
            Form::Other(m) => return Cow::Borrowed(m),
        })
    }

    /// How to fix it, when there is something to say.
    pub fn hint(&self) -> Option<String> {
        match self {
            Form::UnknownField { field, expected } => Some(closest(field, expected).map_or_else(
                || tr!("yaml-unknown-field.hint"),
                |e| tr!("yaml-did-you-mean", name = e),
            )),
            Form::UnknownVariant { variant, expected } => {
                Some(closest(variant, expected).map_or_else(
                    || tr!("yaml-unknown-variant.hint"),
                    |e| tr!("yaml-did-you-mean", name = e),
                ))
            }
            Form::MissingField(field) => Some(tr!("yaml-missing-field.hint", field = *field)),
            Form::InvalidType { .. } => Some(tr!("yaml-invalid-type.hint")),
            Form::Syntax(Syntax::EndOfStream) => Some(tr!("yaml-syntax-end-of-stream.hint")),
            Form::Syntax(
                Syntax::ExpectedKey
                | Syntax::MappingValues
                | Syntax::ExpectedNode
                | Syntax::ExpectedColon
                | Syntax::FlowSeq
                | Syntax::FlowMap
                | Syntax::BlockEntry
                | Syntax::BlockSequence,
            ) => Some(tr!("yaml-syntax-indentation.hint")),
            Form::Syntax(Syntax::Tab) => Some(tr!("yaml-syntax-tab.hint")),
            Form::BadDate(_) => Some(tr!("yaml-bad-date.hint")),
            Form::UnknownFormFormat(_) => Some(tr!("yaml-unknown-form-format.hint")),
            _ => None,
        }
    }
}

/// The expected names as a list for the catalogue: `` `a`, `b`, `c` `` and how many.
fn list(expected: &[&str]) -> (String, usize) {
    let list = expected
        .iter()
        .map(|e| format!("`{e}`"))
        .collect::<Vec<_>>()
        .join(", ");
    (list, expected.len())
}

/// The expected name closest to a misspelt one, if it is close enough to be meant.
fn closest<'a>(bad: &str, expected: &[&'a str]) -> Option<&'a str> {
    expected
        .iter()
        .map(|e| (strsim::levenshtein(bad, e), *e))
        .filter(|(d, e)| *d <= 2.max(e.chars().count() / 3))
        .min()
        .map(|(_, e)| e)
}

/// `` `name`, expected one of `a`, `b` `` / `` `name`, expected `a` or `b` `` /
/// `` `name`, there are no fields ``.
fn name_and_list(rest: &str) -> Option<(&str, Vec<&str>)> {
    let (name, tail) = leading_quoted(rest)?;
    if tail.starts_with(", there are no ") {
        return Some((name, Vec::new()));
    }
    let list = tail.strip_prefix(", expected ")?;
    let list = list.strip_prefix("one of ").unwrap_or(list);
    let names: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
    (!names.is_empty()).then_some((name, names))
}

/// A text that is one `backticked` name and nothing else.
fn whole_quoted(rest: &str) -> Option<&str> {
    match leading_quoted(rest)? {
        (name, "") => Some(name),
        _ => None,
    }
}

/// The `backticked` name a text starts with, and what follows it.
fn leading_quoted(rest: &str) -> Option<(&str, &str)> {
    let inner = rest.strip_prefix('`')?;
    let end = inner.find('`')?;
    Some((&inner[..end], &inner[end + 1..]))
}

/// `integer `5`, expected a string` → what was found and what was expected.
fn unexpected_and_expected(rest: &str) -> Option<(Unexpected<'_>, Expected)> {
    // A string's value may contain ", expected ": the last one is serde's.
    let (found, expected) = rest.rsplit_once(", expected ")?;
    Some((Unexpected::parse(found)?, Expected::parse(expected)?))
}

impl<'a> Unexpected<'a> {
    fn parse(s: &'a str) -> Option<Self> {
        let backticked = |prefix: &str| {
            s.strip_prefix(prefix)
                .and_then(|r| r.strip_prefix('`'))
                .and_then(|r| r.strip_suffix('`'))
        };
        if let Some(v) = backticked("boolean ") {
            return Some(Unexpected::Bool(v));
        }
        if let Some(v) = backticked("integer ") {
            return Some(Unexpected::Integer(v));
        }
        if let Some(v) = backticked("floating point ") {
            return Some(Unexpected::Float(v));
        }
        if let Some(v) = backticked("character ") {
            return Some(Unexpected::Char(v));
        }
        if let Some(v) = s
            .strip_prefix("string \"")
            .and_then(|r| r.strip_suffix('"'))
        {
            return Some(Unexpected::Str(v));
        }
        Some(match s {
            "unit value" => Unexpected::Unit,
            "Option value" => Unexpected::Option,
            "sequence" => Unexpected::Seq,
            "map" => Unexpected::Map,
            "enum" => Unexpected::Enum,
            _ => return None,
        })
    }

    fn text(&self) -> String {
        match *self {
            Unexpected::Bool(v) => tr!("yaml-found-bool", value = v),
            Unexpected::Integer(v) => tr!("yaml-found-integer", value = v),
            Unexpected::Float(v) => tr!("yaml-found-float", value = v),
            Unexpected::Char(v) => tr!("yaml-found-char", value = v),
            Unexpected::Str(v) => tr!("yaml-found-string", value = v),
            Unexpected::Unit => tr!("yaml-found-null"),
            Unexpected::Option => tr!("yaml-found-option"),
            Unexpected::Seq => tr!("yaml-found-list"),
            Unexpected::Map => tr!("yaml-found-map"),
            Unexpected::Enum => tr!("yaml-found-enum"),
        }
    }
}

impl Expected {
    fn parse(s: &str) -> Option<Self> {
        if let Some(n) = s
            .strip_prefix("a tuple of size ")
            .or_else(|| s.strip_prefix("an array of length "))
        {
            return n.parse().ok().map(Expected::Items);
        }
        Some(match s {
            "a string" | "a borrowed string" | "string" => Expected::String,
            "i8" | "i16" | "i32" | "i64" | "i128" | "u8" | "u16" | "u32" | "u64" | "u128"
            | "isize" | "usize" | "an integer" => Expected::Integer,
            "f32" | "f64" | "a number" => Expected::Number,
            "a boolean" => Expected::Bool,
            "a sequence" | "a list" => Expected::Seq,
            "a map" | "a mapping" => Expected::Map,
            "a date YYYY-MM-DD" => Expected::Date,
            "one line saying what changed" => Expected::ChangeText,
            "a character" | "a char" => Expected::Char,
            _ if s.starts_with("struct ") => Expected::Map,
            _ => return None,
        })
    }

    fn text(&self) -> String {
        match *self {
            Expected::String => tr!("yaml-expected-string"),
            Expected::Integer => tr!("yaml-expected-integer"),
            Expected::Number => tr!("yaml-expected-number"),
            Expected::Bool => tr!("yaml-expected-bool"),
            Expected::Seq => tr!("yaml-expected-list"),
            Expected::Map => tr!("yaml-expected-map"),
            Expected::Date => tr!("yaml-expected-date"),
            Expected::ChangeText => tr!("yaml-expected-change-text"),
            Expected::Char => tr!("yaml-expected-char"),
            Expected::Items(n) => tr!("yaml-expected-items", n = n),
        }
    }
}

impl Syntax {
    fn message(self) -> String {
        match self {
            Syntax::EndOfStream => tr!("yaml-syntax-end-of-stream"),
            Syntax::ExpectedKey => tr!("yaml-syntax-expected-key"),
            Syntax::MappingValues => tr!("yaml-syntax-mapping-values"),
            Syntax::CannotStartToken => tr!("yaml-syntax-cannot-start-token"),
            Syntax::ExpectedNode => tr!("yaml-syntax-expected-node"),
            Syntax::ExpectedColon => tr!("yaml-syntax-expected-colon"),
            Syntax::Tab => tr!("yaml-syntax-tab"),
            Syntax::FlowSeq => tr!("yaml-syntax-flow-list"),
            Syntax::FlowMap => tr!("yaml-syntax-flow-map"),
            Syntax::BlockEntry => tr!("yaml-syntax-block-entry"),
            Syntax::BlockSequence => tr!("yaml-syntax-block-sequence"),
            Syntax::UnknownEscape => tr!("yaml-syntax-unknown-escape"),
            Syntax::DocumentIndicator => tr!("yaml-syntax-document-indicator"),
            Syntax::EmptyDocument => tr!("yaml-syntax-empty"),
            Syntax::MoreThanOneDocument => tr!("yaml-syntax-many-documents"),
            Syntax::UnknownAnchor => tr!("yaml-syntax-unknown-anchor"),
            Syntax::RecursionLimit => tr!("yaml-syntax-too-deep"),
        }
    }
}

#[cfg(test)]
mod tests {
    //! Unit tests speak Russian (the language is the process's, and tests run side by side):
    //! the English texts are tested by running the program (`tests/diagnostics.rs`).
    use super::*;

    /// The checks crate's own messages, as its types print them, are understood.
    #[test]
    fn the_checks_crates_messages_are_recognised() {
        use pamyatka_checks::{account::FormFormat, date::IsoDate};
        let e = serde_norway::from_str::<IsoDate>("2026-02-30").unwrap_err();
        let m = e.to_string();
        let m = m.split(" at line ").next().unwrap();
        assert_eq!(Form::parse(m), Form::BadDate("2026-02-30"), "{m}");
        assert!(Form::parse(m).message().contains("2026-02-30"));
        let e = serde_norway::from_str::<FormFormat>("phone-us").unwrap_err();
        let m = e.to_string();
        let m = m.split(" at line ").next().unwrap();
        assert_eq!(Form::parse(m), Form::UnknownFormFormat("phone-us"), "{m}");
    }

    #[test]
    fn serde_forms_are_recognised() {
        assert_eq!(
            Form::parse("unknown field `titel`, expected one of `title`, `weight`"),
            Form::UnknownField {
                field: "titel",
                expected: vec!["title", "weight"]
            }
        );
        assert_eq!(
            Form::parse("unknown field `x`, expected `title` or `weight`"),
            Form::UnknownField {
                field: "x",
                expected: vec!["title", "weight"]
            }
        );
        assert_eq!(
            Form::parse("unknown field `x`, there are no fields"),
            Form::UnknownField {
                field: "x",
                expected: vec![]
            }
        );
        assert_eq!(
            Form::parse("missing field `title`"),
            Form::MissingField("title")
        );
        assert_eq!(
            Form::parse("invalid type: string \"a, expected b\", expected a sequence"),
            Form::InvalidType {
                unexpected: Unexpected::Str("a, expected b"),
                expected: Expected::Seq
            }
        );
        assert_eq!(
            Form::parse("invalid length 3, expected a tuple of size 2"),
            Form::InvalidLength {
                len: "3",
                expected: Expected::Items(2)
            }
        );
        assert_eq!(
            Form::parse("did not find expected key, while parsing a block mapping"),
            Form::Syntax(Syntax::ExpectedKey)
        );
        // Unknown forms and parts are kept as they are.
        for other in [
            "invalid type: integer `5`, expected struct-like thing",
            "missing field `a` and more",
            "the change's text is empty",
        ] {
            assert_eq!(Form::parse(other), Form::Other(other));
            assert_eq!(Form::parse(other).message(), other);
        }
    }

    #[test]
    fn messages_are_said_in_russian() {
        let ru = |m: &str| Form::parse(m).message().into_owned();
        assert_eq!(
            ru("invalid type: integer `5`, expected a string"),
            "неподходящее значение: целое число `5`, а ожидалась строка"
        );
        assert_eq!(
            ru("invalid type: unit value, expected a sequence"),
            "неподходящее значение: пустое значение, а ожидался список"
        );
        assert_eq!(
            ru("unknown field `titel`, expected one of `title`, `weight`"),
            "неизвестный ключ `titel`; допустимые ключи: `title`, `weight`"
        );
        assert_eq!(
            ru("unknown field `titel`, expected `title`"),
            "неизвестный ключ `titel`; допустим только ключ `title`"
        );
        assert_eq!(
            ru("unknown field `titel`, there are no fields"),
            "неизвестный ключ `titel`: здесь не бывает ключей"
        );
        assert_eq!(
            ru("missing field `title`"),
            "не указан обязательный ключ `title`"
        );
        assert_eq!(
            ru("found unexpected end of stream"),
            "текст YAML закончился раньше, чем ожидалось"
        );
    }

    #[test]
    fn the_closest_name_is_suggested() {
        let hint = |m: &str| Form::parse(m).hint().unwrap();
        assert_eq!(
            hint("unknown field `descripton`, expected one of `title`, `description`"),
            "возможно, вы имели в виду `description`?"
        );
        assert_eq!(
            hint("unknown field `zzz`, expected one of `title`, `description`"),
            "удалите ключ или проверьте, как он написан"
        );
        assert_eq!(
            hint("unknown variant `roditel`, expected one of `parents`, `schools`"),
            "укажите одно из перечисленных значений"
        );
    }
}
