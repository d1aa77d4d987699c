//! Every invalid fixture fails with a located diagnostic (snapshotted, so its quality is
//! pinned) and leaves the previous output untouched.

mod common;

use common::*;

/// Runs `build` on the broken fixture `name` (in English with `en`) and returns what it says.
fn fails_cleanly(name: &str, en: bool) -> String {
    let dir = site(name);
    // A previous good build that must survive.
    let public = dir.path().join("public");
    std::fs::create_dir_all(public.join("old")).unwrap();
    std::fs::write(public.join(".pamyatka-output"), b"").unwrap();
    std::fs::write(public.join("old/index.html"), b"<p>previous</p>").unwrap();
    let before = snapshot_tree(&public);
    let o = if en {
        pamyatka_en(dir.path(), &["build"])
    } else {
        pamyatka(dir.path(), &["build"])
    };
    assert!(!o.status.success(), "{name} should fail");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(snapshot_tree(&public), before, "{name}: public/ changed");
    stderr(&o)
}

/// Each fixture fails in both languages at the same place: the Russian report (the default) is
/// snapshotted as `<fixture>`, the English one (`--lang en`) as `<fixture>@en`.
macro_rules! invalid {
    ($($test:ident => $fixture:literal, $position:literal;)*) => {$(
        #[test]
        fn $test() {
            let ru = fails_cleanly(concat!("invalid/", $fixture), false);
            assert!(ru.contains($position), "{} lacks {}:\n{ru}", $fixture, $position);
            let en = fails_cleanly(concat!("invalid/", $fixture), true);
            assert!(en.contains($position), "{} lacks {}:\n{en}", $fixture, $position);
            insta::assert_snapshot!($fixture, ru);
            insta::with_settings!({ snapshot_suffix => "en" }, {
                insta::assert_snapshot!($fixture, en);
            });
        }
    )*};
}

invalid! {
    unknown_field => "unknown-field", "content/a.md:3:1";
    yaml_syntax => "yaml-syntax", "content/a.md:";
    bad_date => "bad-date", "content/a.md:3:10";
    bad_audience => "bad-audience", "content/a.md:3:";
    missing_title => "missing-title", "content/a.md:";
    no_front_matter => "no-front-matter", "content/a.md:1:1";
    broken_link => "broken-link", "content/a.md:6:";
    duplicate_checklist_id => "duplicate-checklist-id", "content/a.md:5:1";
    template_error => "template-error", "templates/page.html:3:";
    missing_template => "missing-template", "`nesushchestvuyushchiy.html`";
    missing_site_yaml => "missing-site-yaml", "content/site.yaml";
    bad_data_yaml => "bad-data-yaml", "content/data.yaml:3:";
    not_utf8 => "not-utf8", "content/a.md:2:";
    calendar_wrong_total => "calendar-wrong-total", "content/calendar/2026.yaml:";
    unknown_role => "unknown-role", "content/regulations/table.yaml:12:";
    bad_deadline => "bad-deadline", "content/regulations/table.yaml:11:";
    bad_archive_rule => "bad-archive-rule", "content/fioko/archive-rule.yaml:38:1";
    widget_unknown_field => "widget-unknown-field", "content/a.md:8:1";
    widget_uncountable => "widget-uncountable", "content/a.md:8:7";
    widget_missing_rule => "widget-missing-rule", "content/a.md:7:1";
    raw_html => "raw-html", "content/a.md:7:6: ";
    script_file => "script-file", "content/fioko/helper.js: ";
    widget_misspelt => "widget-misspelt", "content/a.md:6:4";
    unclosed_comment => "unclosed-comment", "content/a.md:8:1";
    reserved_path => "reserved-path", "content/lv/_index.md:1:1";
    null_title => "null-title", "content/a.md:3:1";
    implausible_date => "implausible-date", "content/a.md:3:10";
    duplicate_row => "duplicate-row", "content/regulations/table.yaml:20:17";
    no_responsible => "no-responsible", "content/regulations/table.yaml:12:22";
    archive_rule_size => "archive-rule-size", "content/fioko/archive-rule.yaml:39:17";
    bad_change_date => "bad-change-date", "content/a.md:6:11";
    empty_change => "empty-change", "content/a.md:5:11";
    archive_rule_file_name => "archive-rule-file-name", "content/fioko/archive-rule.yaml:95:16";
    form_same_as => "form-same-as", "content/fioko/registration-form.yaml:";
}

#[test]
fn check_fails_on_a_guide_without_source_at_its_front_matter() {
    let dir = site("basic");
    std::fs::write(
        dir.path().join("content/guides/bez-istochnika.md"),
        "---\ntitle: \"Памятка без источника\"\n---\n\nТекст.\n",
    )
    .unwrap();
    // A build still succeeds (the page is fine to read); `check` is where it fails.
    let o = pamyatka(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(
            "content/guides/bez-istochnika.md:1:1: В инструкции не сказано, откуда взяты сведения"
        ),
        "{err}"
    );
    // One error: the other guides, the section page and the home page have what they need.
    assert_eq!(err.matches("откуда взяты сведения").count(), 1, "{err}");
    insta::assert_snapshot!("guide-without-source", err);
}

#[test]
fn a_long_title_is_an_error_and_its_line_is_cut_in_the_report() {
    let dir = site("invalid/bad-date");
    // 20 000 characters on one line.
    let title = "Очень длинный заголовок ".repeat(20_000 / 24);
    let n = title.chars().count();
    std::fs::write(
        dir.path().join("content/a.md"),
        format!("---\ndescription: \"Кратко\"\ntitle: \"{title}\" # конец\n---\nТекст\n"),
    )
    .unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    // 20 000 and more, its thousands apart in Russian.
    let grouped = format!("{}\u{a0}{:03}", n / 1000, n % 1000);
    assert!(
        err.contains(&format!(
            // 19 992: «символа», the plural form of numbers ending in 2.
            "content/a.md:3:8: заголовок: {grouped} символа, а можно не больше 200"
        )),
        "{err}"
    );
    // The line is shown once, cut to a window with `…` marks, and the header keeps the real
    // position.
    assert!(err.len() < 2_000, "{} bytes:\n{err}", err.len());
    assert!(err.contains("╭─[3:8]"), "{err}");
    assert!(err.contains(" 3 │ title: \"Очень длинный"), "{err}");
    assert!(err.contains("…\n"), "{err}");
    insta::assert_snapshot!("long-title", err);
}

#[test]
fn a_diagnostic_deep_in_a_long_line_shows_the_span_with_its_real_column() {
    let dir = site("invalid/bad-date");
    let filler = "Текст ".repeat(3_000);
    std::fs::write(
        dir.path().join("content/a.md"),
        format!("---\ntitle: \"Страница\"\nupdated: 2025-09-01\nsource: {{document: \"{filler}\", date: 0025-01-01}}\n---\nТекст\n"),
    )
    .unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let col =
        "source: {document: \"".chars().count() + filler.chars().count() + "\", date: ".len() + 1;
    assert!(
        err.contains(&format!(
            "content/a.md:4:{col}: source.date: дата `0025-01-01` неправдоподобна"
        )),
        "{err}"
    );
    assert!(err.contains(&format!("╭─[4:{col}]")), "{err}");
    assert!(err.len() < 2_000, "{} bytes:\n{err}", err.len());
    assert!(err.contains(" 4 │ …"), "{err}");
    assert!(err.contains("date: 0025-01-01}"), "{err}");
}

#[test]
fn a_long_invalid_value_is_shown_once_and_cut() {
    let dir = site("invalid/bad-date");
    let value = "x".repeat(20_000);
    std::fs::write(
        dir.path().join("content/a.md"),
        format!("---\ntitle: \"Страница\"\nupdated: {value}\n---\nТекст\n"),
    )
    .unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    // The message quotes the start of the value; the snippet shows the line cut.
    assert!(
        err.contains("content/a.md:3:10: updated: неверная дата"),
        "{err}"
    );
    assert!(err.contains(&format!("`{}…`", &value[..60])), "{err}");
    assert!(err.len() < 2_000, "{} bytes:\n{err}", err.len());
}

/// The basic site with an empty `content/calendar/` (returned), and the text of one of the
/// repository's calendar files.
fn site_with_calendar_dir() -> (tempfile::TempDir, std::path::PathBuf, fn(&str) -> String) {
    let dir = site("basic");
    let cal = dir.path().join("content/calendar");
    std::fs::create_dir_all(&cal).unwrap();
    fn read(year: &str) -> String {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(repo.join(format!("content/calendar/{year}.yaml"))).unwrap()
    }
    (dir, cal, read)
}

#[test]
fn a_calendar_year_missing_between_two_is_a_located_warning() {
    let (dir, cal, read) = site_with_calendar_dir();
    for year in ["2024", "2026"] {
        std::fs::write(cal.join(format!("{year}.yaml")), read(year)).unwrap();
    }
    let o = pamyatka(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let year_line = std::fs::read_to_string(cal.join("2026.yaml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("year:"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!(
            "content/calendar/2026.yaml:{year_line}:7: Нет файла content/calendar/2025.yaml между 2024 и 2026"
        )),
        "{err}"
    );
    assert_eq!(
        err.matches("Нет файла content/calendar/2025.yaml").count(),
        1,
        "{err}"
    );
}

#[test]
fn a_calendar_status_missing_or_unknown_is_a_located_error() {
    let (dir, cal, read) = site_with_calendar_dir();
    let line_of =
        |text: &str, start: &str| text.lines().position(|l| l.starts_with(start)).unwrap() + 1;
    // 2026 without `status`; 2027 with a status that is not one of the two.
    let y2026: String = read("2026")
        .lines()
        .filter(|l| !l.starts_with("status:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let y2027 = read("2027").replace("\nstatus: draft\n", "\nstatus: confirmed\n");
    std::fs::write(cal.join("2026.yaml"), &y2026).unwrap();
    std::fs::write(cal.join("2027.yaml"), &y2027).unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    // The missing key at the year's mapping (its first key), not at the schema comment naming it.
    let missing = format!(
        "content/calendar/2026.yaml:{}:1: не указан обязательный ключ `status`",
        line_of(&y2026, "year:")
    );
    assert!(err.contains(&missing), "{err}");
    assert!(err.contains("добавьте `status: in-force`"), "{err}");
    let unknown = format!(
        "content/calendar/2027.yaml:{}:9: status: неизвестное значение `confirmed`",
        line_of(&y2027, "status:")
    );
    assert!(err.contains(&unknown), "{err}");
}

#[cfg(unix)]
#[test]
fn symbolic_links_in_content_are_skipped_with_a_warning_each() {
    let dir = site("basic");
    let content = dir.path().join("content");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: \"Чужое\"\n---\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        content.join("guides/linked.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), content.join("elsewhere")).unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    for rel in ["content/guides/linked.md", "content/elsewhere"] {
        assert!(
            err.contains(&format!("{rel} — символическая ссылка, она пропущена")),
            "{rel}:\n{err}"
        );
    }
    assert!(err.contains("скопируйте папку в content/"), "{err}");
    assert!(!dir.path().join("public/guides/linked").exists());
    assert!(!dir.path().join("public/elsewhere").exists());
}

#[test]
fn a_missing_calendar_year_is_a_warning_not_an_error() {
    let (dir, cal, read) = site_with_calendar_dir();
    std::fs::write(cal.join("2024.yaml"), read("2024")).unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(".yaml: сроки в"), "{err}");
}

#[test]
fn a_structured_override_makes_an_unreadable_deadline_build() {
    let dir = site("invalid/bad-deadline");
    let table = dir.path().join("content/regulations/table.yaml");
    let text = std::fs::read_to_string(&table).unwrap();
    std::fs::write(
        &table,
        text.replace(
            "        result: \"Заявка\"",
            "        result: \"Заявка\"\n        deadline_rule: [{kind: working_days, days: 3, event: \"после заявки\"}]",
        ),
    )
    .unwrap();
    let o = pamyatka(dir.path(), &["build", "--no-minify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(dir.path().join("public/reg/etap/index.html")).unwrap();
    assert!(
        html.contains("В течение нескольких дней"),
        "the text stays as written"
    );
}

/// `content/search-synonyms.yaml`: a group of one, an entry the search cannot read, an entry in
/// two groups and a group that is not a list each stop the build at their line.
#[test]
fn a_bad_synonym_list_is_a_located_error() {
    for (yaml, position, message) in [
        (
            "- [детсад, детский сад]\n- [госуслуги]\n",
            "content/search-synonyms.yaml:2:3",
            "хотя бы два слова",
        ),
        (
            "- [детсад, детский сад]\n- [госуслуги, \"и в\"]\n",
            "content/search-synonyms.yaml:2:15",
            "в «и в» нет слов, по которым ищет поиск",
        ),
        (
            "- [детсад, детский сад]\n- [Детский сад, ДОО]\n",
            "content/search-synonyms.yaml:2:4",
            "есть в двух группах (в группе 1 и в группе 2)",
        ),
        (
            "- детсад: детский сад\n",
            "content/search-synonyms.yaml:1:3",
            "неподходящее значение: набор ключей со значениями, а ожидался список",
        ),
    ] {
        let dir = site("basic");
        std::fs::write(dir.path().join("content/search-synonyms.yaml"), yaml).unwrap();
        let o = pamyatka(dir.path(), &["build"]);
        assert_eq!(o.status.code(), Some(1), "{yaml}");
        let err = stderr(&o).replace("\n  │ ", " ");
        assert!(
            err.contains(position) && err.contains(message),
            "{yaml}: no {position} / {message}:\n{err}"
        );
    }
    // a good list builds, and the search page's manifest carries it
    let dir = site("basic");
    std::fs::write(
        dir.path().join("content/search-synonyms.yaml"),
        "- [детсад, детский сад]\n",
    )
    .unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let manifest = std::fs::read_to_string(dir.path().join("public/search-index.js")).unwrap();
    assert!(manifest.contains("детский сад"), "{manifest}");
}

/// The done-criterion of Russian by default: a misspelt front-matter key is explained in
/// Russian with the locale unset or Russian, in English with `--lang en` or an English locale,
/// with the same code and position and the closest key suggested.
#[test]
fn a_misspelt_key_is_explained_in_the_language_of_the_locale() {
    let dir = site("invalid/unknown-field");
    let run = |lang: Option<&str>, locale: Option<&str>| {
        let mut cmd = command();
        if let Some(l) = lang {
            cmd.args(["--lang", l]);
        }
        if let Some(l) = locale {
            cmd.env("LANG", l);
        }
        let o = cmd
            .arg("--root")
            .arg(dir.path())
            .arg("build")
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        stderr(&o)
    };
    let ru_hint = "возможно, вы имели в виду `description`?";
    let en_hint = "did you mean `description`?";
    for ru in [run(None, None), run(None, Some("ru_RU.UTF-8"))] {
        assert!(
            ru.contains("content/a.md:3:1: неизвестный ключ `descripton`; допустимые ключи: `title`, `description`"),
            "{ru}"
        );
        assert!(ru.contains(ru_hint), "{ru}");
        assert!(!ru.contains(en_hint), "{ru}");
    }
    for en in [run(Some("en"), None), run(None, Some("en_US.UTF-8"))] {
        assert!(
            en.contains("content/a.md:3:1: unknown field `descripton`, expected one of `title`, `description`"),
            "{en}"
        );
        assert!(en.contains(en_hint), "{en}");
        assert!(!en.contains(ru_hint), "{en}");
    }
}

/// serde's type errors and libyaml's syntax errors are said in the language too.
#[test]
fn type_and_syntax_errors_are_explained_in_both_languages() {
    for (front, ru, en) in [
        (
            "title: \"Страница\"\nweight: [1]\n",
            "content/a.md:3:9: weight: неподходящее значение: список, а ожидалось целое число",
            "content/a.md:3:9: weight: invalid type: sequence, expected an integer",
        ),
        (
            "title: \"Страница\"\naudience: [parents\n",
            "content/a.md:4:1: не закрыта квадратная скобка `]` или пропущена запятая `,`",
            "content/a.md:4:1: did not find expected ',' or ']'",
        ),
        (
            "title: \"Страница\"\ndescription: \"а\"\ndescription: \"б\"\n",
            "ключ `description` указан дважды",
            "duplicate field `description`",
        ),
    ] {
        let dir = site("basic");
        std::fs::write(
            dir.path().join("content/a.md"),
            format!("---\n{front}---\nТекст\n"),
        )
        .unwrap();
        let o = pamyatka(dir.path(), &["build"]);
        assert_eq!(o.status.code(), Some(1), "{front}");
        assert!(stderr(&o).contains(ru), "{front}: no {ru}:\n{}", stderr(&o));
        let o = pamyatka_en(dir.path(), &["build"]);
        assert!(stderr(&o).contains(en), "{front}: no {en}:\n{}", stderr(&o));
    }
}
