//! Several archives checked together: two archives of one person.

use super::*;

#[test]
fn duplicates_are_found_ignoring_case_and_yo() {
    let bytes = good_zip();
    let reports = vec![
        check("Алтайский край_Семёнов_Пётр_Алексеевич.zip", &bytes),
        check("Москва_Иванов_Иван_Иванович.zip", &bytes),
        check("алтайский край семенов петр алексеевич.rar", &bytes),
        check("Алтайский край_Семенов_Петр_Алексеевич (2).zip", &bytes),
    ];
    let d = check_many(&rule(), &reports);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, "duplicate_person");
    assert_eq!(
        d[0].files,
        [
            "Алтайский край_Семёнов_Пётр_Алексеевич.zip",
            "алтайский край семенов петр алексеевич.rar"
        ]
    );
    let mut r = rule();
    r.one_archive_per_person = false;
    assert!(check_many(&r, &reports).is_empty());
}

#[test]
fn duplicates_name_the_person_without_inflecting() {
    let bytes = good_zip();
    let reports = [
        check("Алтайский край_Иванов_Сергей_Иванович.zip", &bytes),
        check("Алтайский край Иванов Сергей Иванович.zip", &bytes),
    ];
    let d = check_many(&rule(), &reports);
    assert!(
        d[0].message.starts_with(
            "Архив: Иванов Сергей Иванович (Алтайский край). Таких архивов несколько:"
        ),
        "{}",
        d[0].message
    );
}
