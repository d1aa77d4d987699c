//! The required documents: which file is which, by its name and extension, and the contract
//! form, which must be a real `.docx` under the name the memo gives.

use super::*;

#[test]
fn inn_is_a_whole_word_form_too() {
    let r = rule();
    let doc = |id: &str| {
        r.documents
            .iter()
            .find(|d| d.id == id)
            .unwrap()
            .matcher
            .clone()
    };
    let inn = doc("inn");
    assert!(documents::name_matches(&inn, "Иванов_ИНН.pdf"));
    assert!(documents::name_matches(&inn, "ИНН123.jpg"));
    assert!(documents::name_matches(&inn, "скан инн.jpg"));
    assert!(!documents::name_matches(&inn, "Инна.jpg"));
    assert!(!documents::name_matches(&inn, "Innokentiy.jpg"));
    let form = doc("form");
    assert!(documents::name_matches(&form, FORM));
    assert!(!documents::name_matches(&form, "информация.docx"));
    assert!(!documents::name_matches(&form, "оформление.docx"));
    assert!(documents::extension_matches(&form, "Форма.DOCX"));
    assert!(!documents::extension_matches(&form, "Форма.doc"));
    let passport = doc("passport");
    assert!(documents::name_matches(&passport, "ПАСПОРТ стр 2-3.jpg"));
    assert!(documents::name_matches(&passport, "scan_passport_1.png"));
    let bank = doc("bank");
    assert!(documents::name_matches(&bank, "Реквизиты.pdf"));
    assert!(documents::name_matches(&bank, "Сбербанк.pdf"));
    // «ё» and «е» are the same letter.
    let snils = DocumentMatch {
        words: vec!["ещё".into()],
        whole_word: true,
        extensions: None,
    };
    assert!(documents::name_matches(&snils, "ЕЩЕ.pdf"));
}

#[test]
fn legacy_doc_and_renamed_doc_are_not_docx() {
    for method in [S, D] {
        let mut files = full_set(D);
        files[4] = (FORM.into(), legacy_doc_bytes(), method);
        let r = check(GOOD_NAME, &zip_owned(&files));
        assert_eq!(codes(&r), ["form_not_valid_docx"], "{method:?}");
        assert_eq!(r.verdict, Verdict::Reject);

        // A zip without word/document.xml is not a Word document either.
        let mut files = full_set(D);
        files[4] = (
            FORM.into(),
            zip_of(&[("xl/workbook.xml", b"<x/>", D)]),
            method,
        );
        assert_eq!(
            codes(&check(GOOD_NAME, &zip_owned(&files))),
            ["form_not_valid_docx"],
            "{method:?}"
        );
    }
    let mut files = full_set(D);
    files[4] = (
        "Форма подачи данных для оформления контракта.doc".into(),
        legacy_doc_bytes(),
        D,
    );
    assert_eq!(
        codes(&check(GOOD_NAME, &zip_owned(&files))),
        ["form_not_valid_docx"]
    );
}

#[test]
fn missing_documents_are_named() {
    let files: Vec<_> = full_set(D)
        .into_iter()
        .filter(|f| f.0 != "СНИЛС.pdf" && !f.0.contains("ИНН"))
        .collect();
    let mut files = files;
    files.push(("Инна.jpg".into(), SCAN.to_vec(), D));
    let r = check(GOOD_NAME, &zip_owned(&files));
    assert_eq!(
        codes(&r),
        ["missing_document:inn", "missing_document:snils"]
    );
    assert_eq!(messages(&r).len(), 2);
    assert!(messages(&r)[0].contains("ИНН"));
    let r = check(GOOD_NAME, &zip_of(&[("readme.txt", b"x", D)]));
    assert_eq!(
        codes(&r),
        [
            "missing_document:passport",
            "missing_document:inn",
            "missing_document:snils",
            "missing_document:bank",
            "missing_document:form"
        ]
    );
}

fn form_set(name: &str) -> Vec<u8> {
    let mut files = full_set(D);
    files[4].0 = name.into();
    zip_owned(&files)
}

#[test]
fn the_form_must_have_the_name_the_memo_gives() {
    // The memo: «заполненный файл «Форма подачи данных для оформления контракта.docx»».
    let r = rule();
    let form = r.documents.iter().find(|d| d.id == "form").unwrap();
    assert_eq!(form.file_name.as_deref(), Some(FORM));
    assert_eq!(form.file_name_problem(), None);
    // Case, «ё», underscores for spaces and a folder do not matter.
    for name in [
        "ФОРМА ПОДАЧИ ДАННЫХ ДЛЯ ОФОРМЛЕНИЯ КОНТРАКТА.DOCX",
        "Форма_подачи_данных_для_оформления_контракта.docx",
        "Документы/Форма подачи данных  для оформления контракта.docx",
    ] {
        let r = check(GOOD_NAME, &form_set(name));
        assert_eq!(r.verdict, Verdict::Accept, "{name}: {:?}", messages(&r));
    }
    // A real .docx with «форма» in its name and nothing else is not the memo's file.
    let r = check(GOOD_NAME, &form_set("форма.docx"));
    assert_eq!(codes(&r), ["missing_document:form"]);
    assert_eq!(
        messages(&r)[0],
        "В архиве нет файла «Форма подачи данных для оформления контракта.docx». Файл \
         «форма.docx» назван иначе: если это он, переименуйте его точно так, как в памятке: \
         «Форма подачи данных для оформления контракта.docx»."
    );
    assert!(!r.documents.iter().any(|d| d.id == "form"));
    // No such file at all: the message names it.
    let mut files = full_set(D);
    files.pop();
    let r = check(GOOD_NAME, &zip_owned(&files));
    assert_eq!(
        messages(&r),
        [
            "В архиве нет файла «Форма подачи данных для оформления контракта.docx». Положите его \
          в архив под этим именем."
        ]
    );
}
