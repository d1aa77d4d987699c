//! The command line's language: `--help` of the program and of every command, and clap's
//! errors, are Russian with a Russian locale or none, English with an English one or
//! `--lang en` (issue #20: «Russian by default»).

mod common;

use std::process::Output;

use common::*;

/// `pamyatka ARGS…` with `LANG` set to `lang` (`None`: no locale at all).
fn run(lang: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = command();
    if let Some(lang) = lang {
        cmd.env("LANG", lang);
    }
    cmd.args(args).output().expect("run pamyatka")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn help(lang: Option<&str>, args: &[&str]) -> String {
    let o = run(lang, args);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

/// Every command's path: `[]`, `["build"]`, `["validate", "inn"]`, …
const COMMANDS: &[&[&str]] = &[
    &[],
    &["build"],
    &["serve"],
    &["check"],
    &["deadline"],
    &["validate"],
    &["validate", "snils"],
    &["validate", "inn"],
    &["validate", "ogrn"],
    &["validate", "archive"],
    &["search"],
    &["init"],
    &["schema"],
    &["new"],
    &["new", "guide"],
    &["help"],
];

fn has_cyrillic(line: &str) -> bool {
    line.chars()
        .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
}

#[test]
fn help_is_russian_by_default_and_with_a_russian_locale() {
    for lang in [None, Some("ru_RU.UTF-8"), Some("C.UTF-8")] {
        let text = help(lang, &["--help"]);
        assert!(
            text.contains("Использование: pamyatka [ПАРАМЕТРЫ] <КОМАНДА>"),
            "{text}"
        );
        assert!(
            text.contains("Команды:") && text.contains("Параметры:"),
            "{text}"
        );
        assert!(text.contains("Собрать сайт в папку --out"), "{text}");
        assert!(
            !text.contains("Usage") && !text.contains("Options"),
            "{text}"
        );
        let build = help(lang, &["build", "--help"]);
        assert!(
            build.contains("Использование: pamyatka build [ПАРАМЕТРЫ]"),
            "{build}"
        );
        assert!(build.contains("Показать эту справку."), "{build}");
        assert!(build.contains("[по умолчанию: public]"), "{build}");
    }
    // -h is the same help.
    assert_eq!(help(None, &["-h"]), help(None, &["--help"]));
}

#[test]
fn help_is_english_with_an_english_locale_or_lang_en() {
    for (lang, args) in [
        (Some("en_US.UTF-8"), &["--help"][..]),
        (None, &["--lang", "en", "--help"][..]),
        (Some("ru_RU.UTF-8"), &["--lang=en", "--help"][..]),
    ] {
        let text = help(lang, args);
        assert!(
            text.contains("Usage: pamyatka [OPTIONS] <COMMAND>"),
            "{text}"
        );
        assert!(text.contains("Build the site into --out"), "{text}");
        assert!(!has_cyrillic(text.lines().last().unwrap_or("")), "{text}");
    }
    let build = help(Some("en_US.UTF-8"), &["build", "--help"]);
    assert!(build.contains("[default: public]"), "{build}");
    assert!(build.contains("Print help."), "{build}");
}

/// No line of a Russian help is left as the English help has it: every command's help is
/// translated through and through.
#[test]
fn no_english_is_left_in_any_russian_help() {
    for path in COMMANDS {
        let mut args: Vec<&str> = path.to_vec();
        args.push("--help");
        if path == &["help"] {
            args = vec!["help", "help"];
        }
        let ru = help(None, &args);
        let en = help(Some("en_US.UTF-8"), &args);
        assert_ne!(ru, en, "{path:?}");
        let english: Vec<&str> = en.lines().filter(|l| !l.trim().is_empty()).collect();
        for line in ru.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                !english.contains(&line),
                "{path:?}: «{line}» is the same in English:\n{ru}"
            );
            assert!(
                has_cyrillic(line),
                "{path:?}: «{line}» has no Russian:\n{ru}"
            );
        }
    }
}

#[test]
fn clap_errors_are_russian_and_english() {
    // An unknown value of --lang: Russian (the language cannot be the one asked for), naming
    // the allowed values.
    let o = run(None, &["--lang", "de", "build"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with(
            "ошибка: недопустимое значение `de` для --lang <ЯЗЫК>; допустимые значения: `ru`, `en`"
        ),
        "{err}"
    );
    assert!(err.contains("Подробнее: `pamyatka --help`"), "{err}");

    // A misspelt argument: the similar one suggested.
    let o = run(None, &["build", "--no-minfy"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("ошибка: неизвестный параметр `--no-minfy`"),
        "{err}"
    );
    assert!(
        err.contains("возможно, вы имели в виду `--no-minify`?"),
        "{err}"
    );
    assert!(
        err.contains("Использование: pamyatka build [ПАРАМЕТРЫ]"),
        "{err}"
    );
    assert!(err.contains("Подробнее: `pamyatka build --help`"), "{err}");
    let o = run(Some("en_US.UTF-8"), &["build", "--no-minfy"]);
    let err = stderr(&o);
    assert!(
        err.contains("error: unexpected argument `--no-minfy`"),
        "{err}"
    );
    assert!(err.contains("a similar one exists: `--no-minify`"), "{err}");

    // A missing value and a missing argument.
    let o = run(None, &["serve", "--port"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("не указано значение для --port <ПОРТ>"),
        "{}",
        stderr(&o)
    );
    let o = run(None, &["deadline", "5 дней"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("не указаны обязательные аргументы: `--from <ДАТА>`"),
        "{}",
        stderr(&o)
    );
    let o = run(None, &["serve", "--port", "восемь"]);
    assert!(
        stderr(&o).contains("недопустимое значение `восемь` для --port <ПОРТ>"),
        "{}",
        stderr(&o)
    );
    // An unknown command.
    let o = run(None, &["biuld"]);
    let err = stderr(&o);
    assert!(err.contains("неизвестная команда `biuld`"), "{err}");
    assert!(err.contains("возможно, вы имели в виду `build`?"), "{err}");
}

#[test]
fn results_are_counted_in_russian_plurals_and_english() {
    let dir = site("basic");
    let ru = pamyatka(dir.path(), &["build"]);
    assert!(ru.status.success(), "{}", stderr(&ru));
    let line = stderr(&ru)
        .lines()
        .find(|l| l.starts_with("Собран"))
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("{}", stderr(&ru)));
    // «Собрано 12 страниц (…)», «Собрана 1 страница», «Собрано 3 страницы»: the numeral
    // agrees with the noun.
    let words: Vec<&str> = line.split_whitespace().collect();
    let n: u64 = words[1].parse().unwrap();
    let noun = match (n % 10, n % 100) {
        (1, r) if r != 11 => "страница",
        (2..=4, r) if !(12..=14).contains(&r) => "страницы",
        _ => "страниц",
    };
    assert_eq!(words[2], noun, "{line}");
    let en = pamyatka_en(dir.path(), &["build"]);
    assert!(
        stderr(&en)
            .lines()
            .any(|l| l.starts_with(&format!("Built {n} pages ("))),
        "{}",
        stderr(&en)
    );
    let checked = pamyatka_en(dir.path(), &["check"]);
    assert!(
        stderr(&checked).contains(&format!("Checked {n} pages")),
        "{}",
        stderr(&checked)
    );
}
