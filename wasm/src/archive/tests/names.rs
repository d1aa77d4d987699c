//! The archive's name: region, surname, name and patronymic as the memo writes them, the
//! short and official forms of the regions, and what the reader is told when the name is wrong.

use super::*;

fn name_codes(n: &str) -> (Vec<String>, Option<ParsedName>, Vec<String>) {
    let c = name::check_name(&rule(), n);
    (
        c.findings.iter().map(|f| f.code().into_owned()).collect(),
        c.parsed,
        c.findings.into_iter().map(|f| f.message).collect(),
    )
}

fn parsed(n: &str) -> ParsedName {
    let (codes, p, _) = name_codes(n);
    assert!(codes.is_empty(), "{n}: {codes:?}");
    p.unwrap()
}

#[test]
fn memo_examples_are_accepted() {
    // Both examples of the memo's table: underscores, and spaces instead of them.
    for n in [
        "Алтайский край_Иванов_Сергей_Иванович.zip",
        "Алтайский край Иванов Сергей Иванович.zip",
    ] {
        let p = parsed(n);
        assert_eq!(
            p,
            ParsedName {
                region: "Алтайский край".into(),
                surname: "Иванов".into(),
                name: "Сергей".into(),
                patronymic: "Иванович".into()
            }
        );
    }
}

#[test]
fn bare_altai_is_ambiguous() {
    let (codes, _, msgs) = name_codes("Алтай_Иванов_Сергей_Иванович.zip");
    assert_eq!(codes, ["name_ambiguous_region"]);
    assert!(msgs[0].contains("Республика Алтай") && msgs[0].contains("Алтайский край"));
    // The full names of both are fine.
    assert_eq!(
        parsed("Республика Алтай_Иванов_Сергей_Иванович.zip").region,
        "Республика Алтай"
    );
    assert_eq!(
        parsed("Алтайский край_Иванов_Сергей_Иванович.rar").region,
        "Алтайский край"
    );
}

#[test]
fn latin_letter_is_reported_with_its_position() {
    // «Иванoв» with a Latin «o» (U+006F) in fifth place.
    let (codes, p, msgs) = name_codes("Алтайский край_Иванoв_Сергей_Иванович.zip");
    assert_eq!(codes, ["name_latin_letters"]);
    assert_eq!(
        msgs[0],
        "В имени архива есть латинские буквы: «Иванoв» (латиница: o). Они выглядят так же, \
         как русские. Перепечатайте эти слова на русской раскладке."
    );
    assert!(p.is_some());
    // A Latin letter in the region is found too, and the region still recognised.
    let (codes, p, _) = name_codes("Mосква_Петров_Иван_Иванович.zip");
    assert_eq!(codes, ["name_latin_letters"]);
    assert_eq!(p.unwrap().region, "Москва");
}

#[test]
fn hyphenated_surname_with_7z() {
    let p = parsed("Москва Петров-Водкин Кузьма Сергеевич.7z");
    assert_eq!(p.region, "Москва");
    assert_eq!(p.surname, "Петров-Водкин");
    assert_eq!(p.patronymic, "Сергеевич");
}

#[test]
fn patronymic_particles_belong_to_the_patronymic() {
    let p = parsed("Республика Дагестан_Алиев_Рашид_Мурад оглы.zip");
    assert_eq!(
        (p.surname.as_str(), p.name.as_str(), p.patronymic.as_str()),
        ("Алиев", "Рашид", "Мурад оглы")
    );
    assert_eq!(
        parsed("Республика Татарстан_Гусейнова_Лейла_Ахмед кызы.zip").patronymic,
        "Ахмед кызы"
    );
    assert_eq!(
        parsed("Москва_Каримов_Азиз_Рустам угли.rar").patronymic,
        "Рустам угли"
    );
    assert_eq!(
        parsed("Москва_Алиев_Рашид_Мурад-оглы.zip").patronymic,
        "Мурад-оглы"
    );
}

#[test]
fn short_and_official_region_forms() {
    let cases = [
        ("г. Москва", "Москва"),
        ("г.Москва", "Москва"),
        ("СПб", "Санкт-Петербург"),
        ("Санкт-Петербург", "Санкт-Петербург"),
        ("Татарстан", "Республика Татарстан (Татарстан)"),
        ("Республика Татарстан", "Республика Татарстан (Татарстан)"),
        ("Башкортостан", "Республика Башкортостан"),
        ("Якутия", "Республика Саха (Якутия)"),
        ("Республика Саха (Якутия)", "Республика Саха (Якутия)"),
        ("Чувашия", "Чувашская Республика — Чувашия"),
        ("ХМАО", "Ханты-Мансийский автономный округ — Югра"),
        (
            "Ханты-Мансийский автономный округ — Югра",
            "Ханты-Мансийский автономный округ — Югра",
        ),
        (
            "Ханты-Мансийский_автономный_округ_—_Югра",
            "Ханты-Мансийский автономный округ — Югра",
        ),
        ("ЯНАО", "Ямало-Ненецкий автономный округ"),
        ("КБР", "Кабардино-Балкарская Республика"),
        ("КЧР", "Карачаево-Черкесская Республика"),
        ("РСО-Алания", "Республика Северная Осетия — Алания"),
        ("Челябинская обл.", "Челябинская область"),
        ("челябинская область", "Челябинская область"),
        (
            "Кемеровская область — Кузбасс",
            "Кемеровская область — Кузбасс",
        ),
        ("Кузбасс", "Кемеровская область — Кузбасс"),
        ("ДНР", "Донецкая Народная Республика"),
        ("Херсонская область", "Херсонская область"),
        (
            "Еврейская автономная область",
            "Еврейская автономная область",
        ),
        ("Марий Эл", "Республика Марий Эл"),
    ];
    for (written, official) in cases {
        let n = format!("{written}_Семёнов_Пётр_Алексеевич.zip");
        assert_eq!(parsed(&n).region, official, "{n}");
    }
}

#[test]
fn name_problems() {
    let c = |n: &str| name_codes(n).0;
    assert_eq!(c("Иванов_Сергей_Иванович.zip"), ["name_missing_region"]);
    assert_eq!(
        c("Челябинск_Иванов_Сергей_Иванович.zip"),
        ["name_unknown_region"]
    );
    assert_eq!(
        c("Алтайский край_Иванов_Сергей.zip"),
        ["name_incomplete:patronymic"]
    );
    assert_eq!(
        c("Алтайский край_Иванов.zip"),
        ["name_incomplete:name", "name_incomplete:patronymic"]
    );
    assert_eq!(
        c("Алтайский край.zip"),
        ["name_incomplete:name", "name_incomplete:patronymic"]
    );
    assert_eq!(
        c("Алтайский край_Иванов_Сергей_Иванович (1).zip"),
        ["name_extra_tokens"]
    );
    assert_eq!(
        c("Алтайский край_Иванов_Сергей_Петр_Иванович.zip"),
        ["name_extra_tokens"]
    );
    assert_eq!(
        c("Иванов_Сергей_Иванович_Алтайский край.zip"),
        ["name_missing_region"]
    );
    assert_eq!(
        name_codes("Иванов_Сергей_Иванович_Алтайский край.zip").1,
        None
    );
    assert_eq!(
        c("Алтайский край_Иванов2_Сергей_Иванович.zip"),
        ["name_invalid_characters"]
    );
    assert_eq!(
        c("Altai_Ivanov_Sergey_Ivanovich.zip")[0],
        "name_latin_letters"
    );
    // A folder in front of the name is not part of it.
    assert!(c("C:\\Users\\me\\Алтайский край_Иванов_Сергей_Иванович.zip").is_empty());
}

#[test]
fn unknown_region_suggests_the_nearest_subjects() {
    let (codes, _, msgs) = name_codes("Алтайская область_Иванов_Сергей_Иванович.zip");
    assert_eq!(codes, ["name_unknown_region"]);
    assert_eq!(
        msgs[0],
        "Региона «Алтайская область» нет среди субъектов Российской Федерации. Возможно, вы \
         имели в виду «Алтайский край» или «Республика Алтай». Напишите название региона \
         полностью, как оно называется официально, а затем фамилию, имя и отчество: \
         «Алтайский край_Иванов_Сергей_Иванович.zip»."
    );
    let names = |written: &str| -> Vec<String> {
        name::nearest_regions(written)
            .into_iter()
            .map(|i| name::regions().names[i].clone())
            .collect()
    };
    // Typos: the written form within an edit or two.
    assert_eq!(names("Свердловская облость")[0], "Свердловская область");
    assert_eq!(names("Масква")[0], "Москва");
    assert_eq!(
        names("Чувашская Респулика")[0],
        "Чувашская Республика — Чувашия"
    );
    // Shared stems: a city for its region, a wrong kind of subject.
    assert_eq!(names("Челябинск"), ["Челябинская область"]);
    assert_eq!(names("Красноярская область"), ["Красноярский край"]);
    // «область», «край» and the like are no likeness; at most three.
    assert!(names("Абвгдейская область").is_empty());
    assert!(names("Ново").len() <= 3);
    let (_, _, msgs) = name_codes("Абвгдейская область_Иванов_Сергей_Иванович.zip");
    assert!(!msgs[0].contains("Возможно"), "{}", msgs[0]);
}

#[test]
fn every_archive_extension_is_taken_off_before_the_name_is_read() {
    for ext in [".tar.gz", ".TAR.GZ", ".tgz", ".zip", ".tar.bz2", ".7z.xz"] {
        let n = format!("Алтайский край_Иванов_Сергей_Иванович{ext}");
        assert_eq!(parsed(&n).patronymic, "Иванович", "{n}");
    }
    assert_eq!(name::archive_stem("Иванович.pdf.zip"), "Иванович.pdf");
    // A .tar.gz is refused for its format only; no message reads «.tar» as part of a name.
    let gz = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0, 0];
    let r = check("Алтайский край_Иванов_Сергей_Иванович.tar.gz", &gz);
    assert_eq!(codes(&r), ["format_not_allowed"]);
    assert!(
        messages(&r).iter().all(|m| !m.contains("tar")),
        "{:?}",
        messages(&r)
    );
}

#[test]
fn a_name_in_latin_letters_is_one_message_showing_the_name() {
    // Said once: no «Региона «Altai» нет …» besides.
    let (codes, _, msgs) = name_codes("Altai_Ivanov_Sergey_Ivanovich.zip");
    assert_eq!(codes, ["name_latin_letters"]);
    assert_eq!(
        msgs[0],
        "Имя архива написано латинскими буквами: «Altai_Ivanov_Sergey_Ivanovich». Напишите \
         его русскими буквами, например «Алтайский край_Иванов_Сергей_Иванович.zip»."
    );
    assert_eq!(msgs.iter().filter(|m| m.contains("латинск")).count(), 1);
    // Latin words among Russian ones are each shown once, whole.
    let (_, _, msgs) = name_codes("Москва_Ivanov_Ivan_Ивановичч.zip");
    assert!(
        msgs[0].starts_with("В имени архива есть латинские буквы: «Ivanov», «Ivan». "),
        "{}",
        msgs[0]
    );
}
