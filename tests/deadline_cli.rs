//! `pamyatka deadline` on the real production calendar in content/calendar/.

mod common;

use common::*;

fn run(text: &str, from: &str) -> serde_json::Value {
    run_with_status(text, from, 0)
}

/// The JSON answer, when the exit code is `code` (1: no rule gave a date).
fn run_with_status(text: &str, from: &str, code: i32) -> serde_json::Value {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = pamyatka(root, &["deadline", text, "--from", from, "--json"]);
    assert_eq!(o.status.code(), Some(code), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn calendar_days_move_past_weekends_and_holidays() {
    // 28 Dec 2026 + 5 days = 2 Jan 2027, inside the New Year holidays → 11 Jan 2027 (decree № 1187:
    // 1–8 Jan holidays, 9–10 weekend).
    let v = run("В течение 5 дней после получения заявки", "2026-12-28");
    assert_eq!(v[0]["kind"], "calendar_days");
    assert_eq!(v[0]["nominal"], "2027-01-02");
    assert_eq!(v[0]["legal"], "2027-01-11");
    // The safe day: 31 Dec 2026 is a moved day off, so Wednesday 30 Dec; it is the headline.
    assert_eq!(v[0]["safe"], "2026-12-30");
    assert_eq!(v[0]["deadline"], "2026-12-30");
    assert_eq!(v[0]["warnings"], serde_json::json!([]));
}

#[test]
fn dates_counted_on_the_draft_2027_calendar_say_so() {
    // content/calendar/2027.yaml is `status: draft`. 28 Dec 2026 + 5 days: the legal day (11 Jan
    // 2027) and the safe one (30 Dec 2026, found stepping back over 1–2 Jan 2027) were counted
    // on it; the text's date was not.
    let v = run("В течение 5 дней после получения заявки", "2026-12-28");
    let status = &v[0]["calendar_status"];
    assert_eq!(status["legal"], serde_json::json!({"2027": "draft"}), "{v}");
    assert_eq!(status["safe"], serde_json::json!({"2027": "draft"}), "{v}");
    assert!(status.get("nominal").is_none(), "{v}");
    // 3 working days from 29 Dec 2026 end on 12 Jan 2027: all of it.
    let v = run("в течение 3 рабочих дней", "2026-12-29");
    assert_eq!(v[0]["deadline"], "2027-01-12");
    assert_eq!(v[0]["calendar_status"]["safe"]["2027"], "draft", "{v}");
    // Wholly inside 2026 (in force): no status at all.
    let v = run("в течение 3 рабочих дней", "2026-12-01");
    assert_eq!(v[0]["deadline"], "2026-12-04");
    assert!(v[0].get("calendar_status").is_none(), "{v}");
    // The text says it next to each date concerned.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = pamyatka(root, &["deadline", "5 дней", "--from", "2026-12-28"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    let note = "(по проекту производственного календаря на 2027\u{a0}год — проверьте после его утверждения)";
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[1].starts_with("  по тексту: не позднее 02.01.2027") && !lines[1].contains(note),
        "{out}"
    );
    assert!(
        lines[2].starts_with("  успеть: не позднее 30.12.2026") && lines[2].ends_with(note),
        "{out}"
    );
    assert!(
        lines[3].contains("переносится на 11.01.2027") && lines[3].ends_with(note),
        "{out}"
    );
    let o = pamyatka(root, &["deadline", "3 рабочих дня", "--from", "2026-12-01"]);
    assert!(!String::from_utf8_lossy(&o.stdout).contains("по проекту"));
}

#[test]
fn working_days_use_moved_days_off() {
    // 2025: 1 Nov (Saturday) was a working day, 3 Nov a day off, 4 Nov a holiday (decree № 1335).
    // From Thursday 30 Oct 2025, 3 working days: 31 Oct, 1 Nov, 5 Nov.
    let v = run("3 рабочих дня", "2025-10-30");
    assert_eq!(v[0]["deadline"], "2025-11-05");
    // A working day is never moved: the three dates are one.
    for field in ["nominal", "safe", "legal"] {
        assert_eq!(v[0][field], "2025-11-05", "{field}");
    }
}

#[test]
fn several_rules_in_one_cell_and_text() {
    let v = run(
        "Ежегодно не позднее 5 сентября, своевременное редактирование по мере необходимости",
        "2026-08-01",
    );
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[0]["kind"], "annual_by");
    assert_eq!(v[0]["nominal"], "2026-09-05");
    assert_eq!(v[0]["safe"], "2026-09-04");
    assert_eq!(v[0]["legal"], "2026-09-07");
    assert_eq!(v[1]["kind"], "text");
    assert!(v[1].get("deadline").is_none());
}

#[test]
fn hours_and_monthly() {
    let v = run(
        "В течение часа после получения утвержденных результатов",
        "2026-03-06T23:15",
    );
    assert_eq!(v[0]["deadline"], "2026-03-07T00:15");
    let v = run("1 раз в месяц", "2026-02-10");
    assert_eq!(v[0]["period_start"], "2026-02-01");
    assert_eq!(v[0]["period_end"], "2026-02-28");
    assert_eq!(v[0]["last_working_day"], "2026-02-27");
    assert_eq!(v[0]["deadline"], "2026-02-27");
}

/// The annual deadline of issue #19 (5 Sep 2026 is a Saturday), as the text tests ask for it.
const ANNUAL_5_SEPTEMBER: [&str; 4] = [
    "deadline",
    "Ежегодно не позднее 5 сентября",
    "--from",
    "2026-03-01",
];

#[test]
fn an_annual_date_gives_the_text_the_safe_and_the_legal_date() {
    // Issue #19: 5 Sep 2026 is a Saturday.
    let v = run("Ежегодно не позднее 5 сентября", "2026-03-01");
    assert_eq!(v[0]["nominal"], "2026-09-05");
    assert_eq!(v[0]["safe"], "2026-09-04");
    assert_eq!(v[0]["legal"], "2026-09-07");
    // The date to act on is the safe one, never only the moved one.
    assert_eq!(v[0]["deadline"], "2026-09-04");
    assert_eq!(v[0]["weekday"], "пятница");
    // As text: the text's date first, the safe date, the art. 193 move as a legal note.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = pamyatka(root, &ANNUAL_5_SEPTEMBER);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "Ежегодный срок\n\
         \x20 по тексту: не позднее 05.09.2026 (суббота)\n\
         \x20 успеть: не позднее 04.09.2026 (пятница), до 24:00 — последний рабочий день\n\
         \x20 по ст.\u{a0}193\u{a0}ГК\u{a0}РФ: срок переносится на 07.09.2026 (понедельник), так как 05.09.2026 — суббота\n"
    );
}

/// The program's words follow the language (`--lang en`); the dates and their order do not.
#[test]
fn the_text_is_english_with_lang_en() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = pamyatka_en(root, &ANNUAL_5_SEPTEMBER);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "Annual deadline\n\
         \x20 as written: by 05.09.2026 (Saturday)\n\
         \x20 act by 04.09.2026 (Friday), until 24:00 — the last working day\n\
         \x20 by art. 193 of the Civil Code: the deadline moves to 07.09.2026 (Monday), as 05.09.2026 is Saturday\n"
    );
    // A date counted on the draft 2027 calendar says so in English too.
    let o = pamyatka_en(root, &["deadline", "5 дней", "--from", "2026-12-28"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains(
            "(by the draft production calendar for 2027 — check again once it is approved)"
        ),
        "{out}"
    );
    // A text it cannot read: the reason in English.
    let o = pamyatka_en(
        root,
        &["deadline", "как можно скорее", "--from", "2026-03-01"],
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("not a deadline this program reads"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn once_a_month_is_a_frequency_with_no_date_in_the_next_month() {
    // May 2026 ends on Sunday 31 May: art. 193 would give 1 June, which is not a month's task.
    let v = run("1 раз в месяц", "2026-05-10");
    assert_eq!(v[0]["period_start"], "2026-05-01");
    assert_eq!(v[0]["period_end"], "2026-05-31");
    assert_eq!(v[0]["last_working_day"], "2026-05-29");
    assert_eq!(v[0]["deadline"], "2026-05-29");
    assert!(!v.to_string().contains("2026-06"), "{v}");
    for field in ["nominal", "safe", "legal"] {
        assert!(v[0].get(field).is_none(), "{field}: {v}");
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = pamyatka(root, &["deadline", "1 раз в месяц", "--from", "2026-05-10"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("период с 01.05.2026 по 31.05.2026"), "{out}");
    assert!(
        out.contains("успеть: не позднее 29.05.2026 (пятница)"),
        "{out}"
    );
    assert!(!out.contains(".06.2026"), "{out}");
}

#[test]
fn a_year_without_a_calendar_gives_the_text_date_and_no_safe_date() {
    // content/calendar/ has no 2028.
    let v = run("Ежегодно не позднее 5 сентября", "2027-12-01");
    assert_eq!(v[0]["nominal"], "2028-09-05");
    assert_eq!(v[0]["deadline"], "2028-09-05");
    assert!(v[0].get("safe").is_none(), "{v}");
    assert!(v[0].get("legal").is_none(), "{v}");
    assert!(v[0]["warnings"][0].as_str().unwrap().contains("2028"));
}

#[test]
fn a_year_without_data_is_a_warning() {
    let v = run_with_status("10 рабочих дней", "2027-12-25", 1);
    assert!(v[0].get("deadline").is_none());
    assert!(v[0]["warnings"][0].as_str().unwrap().contains("2028"));
}

#[test]
fn bad_input_is_a_clear_error() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = pamyatka(
        root,
        &["deadline", "как можно скорее", "--from", "2026-01-01"],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("как можно скорее"));
    let o = pamyatka(root, &["deadline", "5 дней", "--from", "01.01.2026"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("ГГГГ-ММ-ДД"), "{}", stderr(&o));
    let o = pamyatka_en(root, &["deadline", "5 дней", "--from", "01.01.2026"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).starts_with("error: --from `01.01.2026`: write the date as YYYY-MM-DD"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn working_days_past_the_calendar_give_no_date_and_fail() {
    // Nothing follows 31 Dec 9999: the answer used to be «31.12.9999» with exit 0.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = "в течение 5 рабочих дней";
    let o = pamyatka(root, &["deadline", text, "--from", "9999-12-31"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains("9999"), "{out}");
    assert!(out.contains("Срок (рабочие дни): —"), "{out}");
    let err = stderr(&o);
    assert!(err.contains("не получается ни одной даты"), "{err}");
    assert!(
        err.contains("нет данных производственного календаря"),
        "{err}"
    );
    // --json still prints the entry, with its warning.
    let v = run_with_status(text, "9999-12-31", 1);
    assert!(v[0].get("deadline").is_none(), "{v}");
    assert!(!v[0]["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn a_text_with_no_date_fails_after_printing_what_it_could() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = pamyatka(root, &["deadline", "постоянно", "--from", "2026-01-01"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Без даты: —"));
    assert!(
        stderr(&o).contains("в «постоянно» не указан ни срок, ни дата"),
        "{}",
        stderr(&o)
    );
    // An impossible annual date: no date either year, said in Russian.
    let o = pamyatka(
        root,
        &["deadline", "ежегодно до 31 февраля", "--from", "2026-01-01"],
    );
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("внимание: в 2026 году нет даты 31 февраля"),
        "{out}"
    );
    assert!(!out.contains("February"), "{out}");
    // One rule with a date is enough for success.
    let o = pamyatka(
        root,
        &[
            "deadline",
            "5 дней, по мере необходимости",
            "--from",
            "2026-09-01",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}
