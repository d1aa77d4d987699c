//! `pamyatka validate` on identifiers and on archives the test makes.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use common::*;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn json(o: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

/// A zip holding `entries` (name → bytes).
fn zip(dir: &Path, name: &str, entries: &[(&str, &[u8])]) -> PathBuf {
    let path = dir.join(name);
    let mut w = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for (n, bytes) in entries {
        w.start_file(*n, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
    path
}

/// A minimal real .docx (an OOXML zip with word/document.xml).
fn docx() -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut buf);
    for n in ["[Content_Types].xml", "word/document.xml"] {
        w.start_file(n, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(b"<xml/>").unwrap();
    }
    w.finish().unwrap();
    buf.into_inner()
}

fn full_set(form: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("Паспорт.pdf", b"%PDF".to_vec()),
        ("ИНН.pdf", b"%PDF".to_vec()),
        ("СНИЛС.jpg", b"jpg".to_vec()),
        ("Банковские реквизиты.pdf", b"%PDF".to_vec()),
        (
            "Форма подачи данных для оформления контракта.docx",
            form.to_vec(),
        ),
    ]
}

#[test]
fn identifiers_exit_codes_and_json() {
    let o = pamyatka(repo(), &["validate", "snils", "112-233-445 95", "--json"]);
    assert!(o.status.success());
    assert_eq!(
        json(&o),
        serde_json::json!({"valid": true, "normalized": "11223344595", "errors": []})
    );
    let o = pamyatka(repo(), &["validate", "snils", "112-233-445 96", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["valid"], false);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("контрольное число")
    );
    let o = pamyatka(repo(), &["validate", "inn", "7707083893", "--json"]);
    assert!(o.status.success());
    let o = pamyatka(repo(), &["validate", "ogrn", "1027700132195", "--json"]);
    assert!(o.status.success());
    let o = pamyatka(repo(), &["validate", "inn", "12345", "--json"]);
    assert_eq!(o.status.code(), Some(1));
}

/// `pamyatka validate ARGS`: its exit code and its output, trimmed.
fn validate(args: &[&str]) -> (Option<i32>, String) {
    let o = pamyatka(repo(), &[&["validate"], args].concat());
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).trim().to_string(),
    )
}

#[test]
fn inn_says_which_kind_it_checked_and_person_org_insist_on_one() {
    let (code, out) = validate(&["inn", "7707083893", "--json"]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["kind"], "organisation");
    assert_eq!(v["kind_name"], "ИНН организации");
    assert_eq!(
        validate(&["inn", "500100732259"]),
        (Some(0), "500100732259: верно, ИНН физического лица".into())
    );
    // A wrong check digit still names the kind the length says.
    let (code, out) = validate(&["inn", "500100732258"]);
    assert_eq!(code, Some(1));
    assert!(
        out.starts_with("ИНН физического лица: неверные контрольные цифры"),
        "{out}"
    );
    // --person / --org: the other kind is an error, even with right check digits.
    assert_eq!(
        validate(&["inn", "7707083893", "--person"]),
        (
            Some(1),
            "это ИНН организации, а нужен ИНН физического лица — в нём 12 цифр: проверьте, тот ли номер вы взяли".into()
        )
    );
    let (code, out) = validate(&["inn", "500100732259", "--org", "--json"]);
    assert_eq!(code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["valid"], false);
    assert_eq!(v["errors"][0]["code"], "wrong_kind");
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("нужен ИНН организации — в нём 10 цифр")
    );
    assert_eq!(validate(&["inn", "7707083893", "--org"]).0, Some(0));
    assert_eq!(
        validate(&["inn", "7707083893", "--org", "--person"]).0,
        Some(2),
        "clap refuses both"
    );
}

#[test]
fn ogrnip_with_a_wrong_first_digit_is_rejected_with_the_rule() {
    // 4… with a right check digit: the ГРН of a later ЕГРИП record.
    let (code, out) = validate(&["ogrn", "404500116000154"]);
    assert_eq!(code, Some(1));
    assert!(
        out.starts_with("ОГРНИП: по правилам ФНС первая цифра ОГРНИП — 3, а введена 4"),
        "{out}"
    );
    let (code, out) = validate(&["ogrn", "304500116000157", "--json"]);
    assert_eq!(code, Some(0));
    assert!(out.contains(r#""kind":"entrepreneur""#), "{out}");
}

#[test]
fn archives_get_verdicts_and_duplicates_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let form = docx();
    let set = full_set(&form);
    let entries: Vec<(&str, &[u8])> = set.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let good = zip(
        dir.path(),
        "Алтайский край_Иванов_Сергей_Иванович.zip",
        &entries,
    );
    let again = zip(
        dir.path(),
        "Алтайский край Иванов Сергей Иванович.zip",
        &entries,
    );
    let missing = zip(dir.path(), "Алтай_Петров_Пётр_Петрович.zip", &entries[..3]);
    let o = pamyatka(
        repo(),
        &["validate", "archive", good.to_str().unwrap(), "--json"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    let v = json(&o);
    assert_eq!(v["files"][0]["verdict"], "accept", "{v}");
    assert_eq!(v["files"][0]["parsed"]["surname"], "Иванов");
    assert_eq!(v["files"][0]["documents"].as_array().unwrap().len(), 5);

    let o = pamyatka(
        repo(),
        &[
            "validate",
            "archive",
            good.to_str().unwrap(),
            again.to_str().unwrap(),
            missing.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "a rejected file fails the run");
    let v = json(&o);
    let reasons: Vec<&str> = v["files"][2]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(reasons.contains(&"name_ambiguous_region"), "{reasons:?}");
    assert!(reasons.contains(&"missing_document:bank"), "{reasons:?}");
    assert!(reasons.contains(&"missing_document:form"), "{reasons:?}");
    assert_eq!(v["duplicates"].as_array().unwrap().len(), 1, "{v}");
}

#[test]
fn not_an_archive_and_a_legacy_doc_form_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("Алтайский край_Иванов_Сергей_Иванович.zip");
    std::fs::write(&text, "это не архив").unwrap();
    let o = pamyatka(
        repo(),
        &["validate", "archive", text.to_str().unwrap(), "--json"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        json(&o)["files"][0]["reasons"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("not_an_archive"))
    );

    let set = full_set(b"\xd0\xcf\x11\xe0 legacy .doc bytes");
    let entries: Vec<(&str, &[u8])> = set.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let bad = zip(
        dir.path(),
        "Алтайский край_Сидоров_Иван_Иванович.zip",
        &entries,
    );
    let o = pamyatka(
        repo(),
        &["validate", "archive", bad.to_str().unwrap(), "--json"],
    );
    assert!(
        json(&o)["files"][0]["reasons"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("form_not_valid_docx"))
    );
    // Human output is Russian.
    let o = pamyatka(repo(), &["validate", "archive", bad.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("не принят"));
}

/// Runs pamyatka, killing it after 20 s (a FIFO opened for reading blocks forever).
fn pamyatka_with_timeout(args: &[&str]) -> std::process::Output {
    use std::process::Stdio;
    let mut child = command()
        .arg("--root")
        .arg(repo())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("pamyatka {args:?} still running after 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_folder_or_a_fifo_is_refused_by_its_kind_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Алтайский край_Иванов_Сергей_Иванович.zip");
    std::fs::create_dir(&folder).unwrap();
    let o = pamyatka_with_timeout(&["validate", "archive", folder.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("это папка"), "{err}");
    assert!(!String::from_utf8_lossy(&o.stdout).contains("не является архивом"));

    #[cfg(unix)]
    {
        let fifo = dir.path().join("Алтайский край_Петров_Сергей_Иванович.zip");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Also after a good file: nothing is checked before every path is known to be a file.
        let set = full_set(&docx());
        let entries: Vec<(&str, &[u8])> = set.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        let good = zip(
            dir.path(),
            "Алтайский край_Сидоров_Иван_Иванович.zip",
            &entries,
        );
        let o = pamyatka_with_timeout(&[
            "validate",
            "archive",
            good.to_str().unwrap(),
            fifo.to_str().unwrap(),
            "--json",
        ]);
        assert_eq!(o.status.code(), Some(2));
        assert!(o.stdout.is_empty());
        let err = stderr(&o);
        assert!(err.contains("это не обычный файл (канал FIFO)"), "{err}");
    }
}

#[test]
fn an_archive_rule_whose_sizes_disagree_is_refused_at_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let rule = dir.path().join("archive-rule.yaml");
    // The checks crate's frozen copy: the line asserted below does not move with content/.
    let shipped =
        std::fs::read_to_string(repo().join("wasm/tests/fixtures/fioko/archive-rule.yaml"))
            .unwrap();
    std::fs::write(
        &rule,
        shipped.replace("max_size_bytes: 41943040\n", "max_size_bytes: 40000000\n"),
    )
    .unwrap();
    let archive = zip(dir.path(), "Алтайский край_Иванов_Сергей_Иванович.zip", &[]);
    let o = pamyatka(
        repo(),
        &[
            "validate",
            "archive",
            "--rule",
            rule.to_str().unwrap(),
            archive.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("archive-rule.yaml:48:17: `max_size_bytes` равно 40000000"),
        "{err}"
    );
}

/// The program's own words in English with `--lang en` (the checks' verdicts stay Russian).
#[test]
fn the_programs_words_are_english_when_asked() {
    let o = pamyatka_en(repo(), &["validate", "inn", "500100732259"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "500100732259: valid, ИНН физического лица"
    );
    let o = pamyatka_en(repo(), &["validate", "archive", "no-such-archive.zip"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("error: cannot open no-such-archive.zip"),
        "{}",
        stderr(&o)
    );
    let o = pamyatka(repo(), &["validate", "archive", "no-such-archive.zip"]);
    assert!(
        stderr(&o).starts_with("ошибка: не удаётся открыть no-such-archive.zip"),
        "{}",
        stderr(&o)
    );
}
