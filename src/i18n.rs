//! The program's words in two languages: every message it writes — help, errors, warnings,
//! hints, progress, summaries, `serve`'s page overlay — comes from a Fluent catalogue,
//! `src/i18n/ru.ftl` or `src/i18n/en.ftl`, by a stable message id that is the same in both.
//!
//! Russian is the default: the editors are staff of Russian regional education bodies. English
//! is chosen by `--lang en`, or by a locale whose language is English (`LC_ALL`, then
//! `LC_MESSAGES`, then `LANG`, as POSIX orders them: `LANG=en_US.UTF-8`). An unset locale, `C`
//! and `POSIX` (a server's or a container's default) mean Russian.
//!
//! The language is one per process ([`set_lang`], called by `main` before anything is said);
//! the library and its unit tests, which never set it, speak Russian.
//!
//! Write a message with [`tr!`](crate::tr): `tr!("build-failed", errors = n)`; an attribute
//! with a dot: `tr!("yaml-unknown-field.hint", field = name)`. Numbers passed as numbers select
//! the plural form (`{ $n -> [one] … [few] … *[many] … }`); `NUM($n)` prints one with its
//! thousands apart (`4 917`). `tests` below hold the catalogues to each other and to the code:
//! the same ids, attributes and variables in both, and every id the code names present.

use std::borrow::Cow;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The language the program speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ru,
    En,
}

impl Lang {
    /// `ru` or `en` (for `--lang`); anything else is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ru" | "rus" | "russian" | "русский" => Some(Lang::Ru),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a POSIX locale name asks for: `en_US.UTF-8` → English; `ru_RU.UTF-8`, `C`,
    /// `POSIX`, an empty value and any other language → Russian (the program has no third).
    pub fn from_locale(locale: &str) -> Lang {
        let language = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if language == "en" { Lang::En } else { Lang::Ru }
    }

    /// The language of the environment's locale: the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// that is set and not empty; Russian when none is.
    pub fn from_env() -> Lang {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (testable without touching the
    /// process's environment).
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| get(name))
            .find(|v| !v.trim().is_empty())
            .map_or(Lang::Ru, |v| Lang::from_locale(&v))
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language of every message from now on (once, at the start of `main`).
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are written in now.
pub fn lang() -> Lang {
    if LANG.load(Ordering::Relaxed) == Lang::En as u8 {
        Lang::En
    } else {
        Lang::Ru
    }
}

/// The catalogues' sources, in [`Lang`] order.
pub const CATALOGUES: [(&str, &str); 2] = [
    ("ru", include_str!("i18n/ru.ftl")),
    ("en", include_str!("i18n/en.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<[Bundle; 2]> =
    LazyLock::new(|| [bundle(CATALOGUES[0]), bundle(CATALOGUES[1])]);

fn bundle((code, source): (&str, &str)) -> Bundle {
    // The catalogues are part of the program; the tests below parse them, so a broken one
    // never ships.
    let resource = FluentResource::try_new(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("src/i18n/{code}.ftl: {errors:?}"));
    let mut bundle = FluentBundle::new_concurrent(vec![code.parse().expect("language id")]);
    // No Unicode isolation marks around the values: terminals print them as garbage.
    bundle.set_use_isolating(false);
    bundle
        .add_function("NUM", |positional, _named| match positional.first() {
            Some(FluentValue::Number(n)) if n.value.fract() == 0.0 && n.value >= 0.0 => {
                FluentValue::String(Cow::Owned(pamyatka_checks::archive::group_digits(
                    n.value as u64,
                )))
            }
            Some(other) => other.clone(),
            None => FluentValue::Error,
        })
        .expect("NUM is added once");
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("src/i18n/{code}.ftl: {errors:?}"));
    bundle
}

/// The message `id` (or `id.attribute`) in the current language, its variables filled from
/// `args`. An unknown id comes back as itself (the tests make sure the code names none).
pub fn message(id: &str, args: Option<&FluentArgs>) -> String {
    message_in(lang(), id, args)
}

/// [`message`] in a given language.
pub fn message_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = &BUNDLES[lang as usize];
    let (name, attribute) = match id.split_once('.') {
        Some((name, attribute)) => (name, Some(attribute)),
        None => (id, None),
    };
    let Some(msg) = bundle.get_message(name) else {
        return id.to_owned();
    };
    let pattern = match attribute {
        Some(a) => msg.get_attribute(a).map(|a| a.value()),
        None => msg.value(),
    };
    let Some(pattern) = pattern else {
        return id.to_owned();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// An operating-system error in the current language: the common kinds an editor meets
/// (no such file, no permission, disk full, …) from the catalogue, with the system's error
/// number; any other error as the system words it.
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let id = match e.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-already-exists",
        K::InvalidData => "io-invalid-data",
        K::StorageFull => "io-storage-full",
        K::ReadOnlyFilesystem => "io-read-only",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::DirectoryNotEmpty => "io-directory-not-empty",
        K::AddrInUse => "io-address-in-use",
        K::AddrNotAvailable => "io-address-not-available",
        K::ResourceBusy => "io-busy",
        K::FileTooLarge => "io-file-too-large",
        K::CrossesDevices => "io-crosses-devices",
        _ => return e.to_string(),
    };
    match e.raw_os_error() {
        Some(code) => format!("{} (os error {code})", message(id, None)),
        None => message(id, None),
    }
}

/// A value a message can take: text, or a number (which also picks the plural form).
pub trait Arg {
    fn into_value(self) -> FluentValue<'static>;
}

macro_rules! text_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn into_value(self) -> FluentValue<'static> {
                FluentValue::String(Cow::Owned(self.to_string()))
            }
        }
    )*};
}
text_arg!(
    &str,
    String,
    &String,
    Cow<'_, str>,
    &Cow<'_, str>,
    char,
    &&str
);

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn into_value(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
        impl Arg for &$t {
            fn into_value(self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_arg!(usize, u64, u32, u16, u8, i64, i32, f64);

/// A message from the catalogue in the current language: `tr!("id")`,
/// `tr!("id", name = value, count = n)`, `tr!("id.attribute", …)`. See [`crate::i18n`].
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::message($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::Arg::into_value($value)); )+
        $crate::i18n::message($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    #[test]
    fn locales_pick_the_language() {
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("en"), Lang::En);
        assert_eq!(Lang::from_locale("ru_RU.UTF-8"), Lang::Ru);
        assert_eq!(Lang::from_locale("C.UTF-8"), Lang::Ru);
        assert_eq!(Lang::from_locale("POSIX"), Lang::Ru);
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_vars(vars(&[])), Lang::Ru);
        assert_eq!(Lang::from_vars(vars(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        // LC_ALL wins over LANG; an empty LC_ALL does not count.
        assert_eq!(
            Lang::from_vars(vars(&[("LC_ALL", "ru_RU.UTF-8"), ("LANG", "en_US.UTF-8")])),
            Lang::Ru
        );
        assert_eq!(
            Lang::from_vars(vars(&[("LC_ALL", ""), ("LANG", "en_US.UTF-8")])),
            Lang::En
        );
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
    }

    #[test]
    fn plurals_and_numbers_follow_the_language() {
        let args = |n: usize| {
            let mut a = FluentArgs::new();
            a.set("n", n.into_value());
            a
        };
        let ru = |n| message_in(Lang::Ru, "test-plural", Some(&args(n)));
        assert_eq!(ru(1), "1 ошибка");
        assert_eq!(ru(3), "3 ошибки");
        assert_eq!(ru(5), "5 ошибок");
        assert_eq!(ru(21), "21 ошибка");
        assert_eq!(ru(4917), "4\u{a0}917 ошибок");
        let en = |n| message_in(Lang::En, "test-plural", Some(&args(n)));
        assert_eq!(en(1), "1 error");
        assert_eq!(en(4917), "4\u{a0}917 errors");
        assert_eq!(message_in(Lang::Ru, "no-such-id", None), "no-such-id");
    }

    /// Each message's id → its attributes and the variables its value and attributes use.
    fn shape(source: &str) -> BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> {
        let resource = fluent_syntax::parser::parse(source).expect("catalogue parses");
        let mut out = BTreeMap::new();
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                let mut attrs = BTreeSet::new();
                for a in &m.attributes {
                    attrs.insert(a.id.name.to_owned());
                    pattern_vars(&a.value, &mut vars);
                }
                out.insert(m.id.name.to_owned(), (attrs, vars));
            }
        }
        out
    }

    fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
            ast::Expression::Inline(i) => inline_vars(i, vars),
        }
    }

    fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_owned());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_vars(a, vars);
                }
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            _ => {}
        }
    }

    #[test]
    fn both_catalogues_have_the_same_messages_attributes_and_variables() {
        let ru = shape(CATALOGUES[0].1);
        let en = shape(CATALOGUES[1].1);
        let ru_ids: BTreeSet<_> = ru.keys().collect();
        let en_ids: BTreeSet<_> = en.keys().collect();
        assert_eq!(
            ru_ids.difference(&en_ids).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "in ru.ftl only"
        );
        assert_eq!(
            en_ids.difference(&ru_ids).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "in en.ftl only"
        );
        for (id, shape) in &ru {
            assert_eq!(
                Some(shape),
                en.get(id),
                "{id}: attributes or variables differ"
            );
        }
        // Both load into bundles (no duplicate ids, functions known).
        LazyLock::force(&BUNDLES);
    }

    /// Every `tr!("…")` in the code names a message (or attribute) of the catalogues.
    #[test]
    fn every_id_the_code_names_is_in_the_catalogues() {
        let ru = shape(CATALOGUES[0].1);
        let mut missing = Vec::new();
        let mut named = 0;
        let mut ids = Vec::new();
        for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
            let entry = entry.expect("src/ is readable");
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).expect("source is UTF-8");
            // Code only: a comment may show a made-up id.
            let code = text.lines().filter(|l| !l.trim_start().starts_with("//"));
            for line in code {
                for (i, _) in line.match_indices("tr!(\"") {
                    // `include_str!("…")` and the like end in `tr!(` too.
                    let before = line[..i].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &line[i + 5..];
                    let Some(end) = rest.find('"') else { continue };
                    ids.push((entry.path().to_owned(), rest[..end].to_owned()));
                }
            }
        }
        for (path, id) in &ids {
            {
                let id = id.as_str();
                named += 1;
                let (name, attribute) = match id.split_once('.') {
                    Some((n, a)) => (n, Some(a)),
                    None => (id, None),
                };
                let ok = ru
                    .get(name)
                    .is_some_and(|(attrs, _)| attribute.is_none_or(|a| attrs.contains(a)));
                if !ok {
                    missing.push(format!("{}: {id}", path.display()));
                }
            }
        }
        assert!(named > 0, "the scan found no tr! at all");
        assert!(missing.is_empty(), "not in the catalogues: {missing:#?}");
    }
}
