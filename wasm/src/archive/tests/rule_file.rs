//! The rule file (a frozen copy of `content/fioko/archive-rule.yaml`) and the list of the 89
//! subjects: they parse into the types, agree with the memo, and a rule that contradicts itself
//! is caught.

use super::*;

#[test]
fn rule_file_deserializes_into_the_types() {
    let r = rule();
    assert_eq!(r.formats, ["zip", "7z", "rar"]);
    assert_eq!(r.max_size_bytes, 41_943_040);
    assert_eq!(r.mb_in_bytes(), Some(r.max_size_bytes));
    let ids: Vec<&str> = r.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["passport", "inn", "snils", "bank", "form"]);
    let parts: Vec<&str> = r.name.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(parts, ["region", "surname", "given-name", "patronymic"]);
    assert_eq!(r.name.separators, ["_", " "]);
    // The rule's own example must pass the name check.
    let n = name::check_name(&r, &r.name.example);
    assert!(n.findings.is_empty(), "{:?}", n.findings);
}

#[test]
fn rule_types_reject_unknown_fields() {
    let bad = RULE_YAML.replace(
        "one_archive_per_person: true",
        "one_archive_per_person: true\nunknown_key: 1",
    );
    assert!(serde_norway::from_str::<ArchiveRule>(&bad).is_err());
}

#[test]
fn region_list_has_all_89_subjects_each_found_by_its_official_name() {
    let regions = name::regions();
    assert_eq!(regions.names.len(), 89);
    let mut sorted = regions.names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 89, "duplicate subject names");
    for (i, n) in regions.names.iter().enumerate() {
        let key = name::region_key(n);
        let report = name::check_name(&rule(), &format!("{n}_Иванов_Иван_Иванович.zip"));
        assert!(report.findings.is_empty(), "{n}: {:?}", report.findings);
        assert_eq!(report.parsed.unwrap().region, regions.names[i], "{key}");
    }
}

#[test]
fn a_file_name_the_rule_itself_would_not_recognise_is_a_rule_error() {
    let form = |file_name: &str| {
        let mut d = rule()
            .documents
            .into_iter()
            .find(|d| d.id == "form")
            .unwrap();
        d.file_name = Some(file_name.into());
        d.file_name_problem()
    };
    assert_eq!(
        form("Форма.pdf"),
        Some(FileNameProblem::ExtensionNotAllowed {
            ext: "pdf".into(),
            allowed: vec!["docx".into()]
        })
    );
    assert!(matches!(
        form("Анкета.docx"),
        Some(FileNameProblem::NoMatchWord { .. })
    ));
    assert_eq!(form("Форма"), Some(FileNameProblem::NoExtension));
}
