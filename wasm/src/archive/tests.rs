//! Tests build real archives (zip with the `zip` crate, 7z with `sevenz-rust2`, RAR 5 and
//! RAR 4 by hand from RARLAB's format descriptions) and load the real rule file.

use std::cell::Cell;
use std::io::{Cursor, Write};
use std::rc::Rc;

use ::zip::CompressionMethod;
use ::zip::write::SimpleFileOptions;
use proptest::prelude::*;

use super::*;

const RULE_YAML: &str = include_str!("../../../content/fioko/archive-rule.yaml");

fn rule() -> ArchiveRule {
    serde_norway::from_str(RULE_YAML).expect("archive-rule.yaml matches the types")
}

/// Counts the bytes the check reads.
struct Counting {
    bytes: Vec<u8>,
    read: Rc<Cell<u64>>,
}

impl ByteSource for Counting {
    fn len(&self) -> u64 {
        self.bytes.len() as u64
    }
    fn read_at(&mut self, offset: u64, len: usize) -> Result<Vec<u8>, String> {
        self.read.set(self.read.get() + len as u64);
        self.bytes.read_at(offset, len)
    }
}

fn check(name: &str, bytes: &[u8]) -> ArchiveReport {
    let mut src: &[u8] = bytes;
    check_archive(&rule(), name, &mut src)
}

fn check_counting(name: &str, bytes: Vec<u8>) -> (ArchiveReport, u64) {
    let read = Rc::new(Cell::new(0));
    let mut src = Counting {
        bytes,
        read: read.clone(),
    };
    let r = check_archive(&rule(), name, &mut src);
    (r, read.get())
}

const GOOD_NAME: &str = "Алтайский край_Иванов_Сергей_Иванович.zip";

// ---------------------------------------------------------------- builders

fn zip_of(files: &[(&str, &[u8], CompressionMethod)]) -> Vec<u8> {
    let mut w = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data, method) in files {
        if name.ends_with('/') {
            w.add_directory(*name, SimpleFileOptions::default())
                .unwrap();
            continue;
        }
        w.start_file(
            *name,
            SimpleFileOptions::default().compression_method(*method),
        )
        .unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const D: CompressionMethod = CompressionMethod::Deflated;
const S: CompressionMethod = CompressionMethod::Stored;

fn docx_bytes() -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types/>", D),
        ("_rels/.rels", b"<?xml version=\"1.0\"?><Relationships/>", D),
        ("word/document.xml", b"<?xml version=\"1.0\"?><w:document>\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd\xd0\xbe\xd0\xb2</w:document>", D),
        ("word/_rels/document.xml.rels", b"<Relationships/>", D),
    ])
}

/// A legacy Word 97–2003 file starts with the OLE compound-file signature.
fn legacy_doc_bytes() -> Vec<u8> {
    let mut v = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    v.extend(std::iter::repeat_n(0u8, 600));
    v
}

const FORM: &str = "Форма подачи данных для оформления контракта.docx";
const SCAN: &[u8] = b"\xff\xd8\xff\xe0 not really a jpeg but a scan stand-in";

/// The five documents, the form stored or deflated in the outer zip.
fn full_set(form_method: CompressionMethod) -> Vec<(String, Vec<u8>, CompressionMethod)> {
    vec![
        ("Паспорт.jpg".into(), SCAN.to_vec(), D),
        ("Иванов_ИНН.pdf".into(), SCAN.to_vec(), D),
        ("СНИЛС.pdf".into(), SCAN.to_vec(), D),
        ("Банковские реквизиты.pdf".into(), SCAN.to_vec(), D),
        (FORM.into(), docx_bytes(), form_method),
    ]
}

fn zip_owned(files: &[(String, Vec<u8>, CompressionMethod)]) -> Vec<u8> {
    let v: Vec<(&str, &[u8], CompressionMethod)> = files
        .iter()
        .map(|(n, d, m)| (n.as_str(), d.as_slice(), *m))
        .collect();
    zip_of(&v)
}

fn good_zip() -> Vec<u8> {
    zip_owned(&full_set(D))
}

/// Sets the "encrypted" flag bit of one entry, in its local and its central header.
fn set_encrypted(zip: &mut [u8], name: &str) {
    let n = name.as_bytes();
    let mut i = 0;
    while i + 4 <= zip.len() {
        let sig: [u8; 4] = zip[i..i + 4].try_into().unwrap();
        if &sig == b"PK\x03\x04" && zip.get(i + 30..i + 30 + n.len()) == Some(n) {
            zip[i + 6] |= 1;
        }
        if &sig == b"PK\x01\x02" && zip.get(i + 46..i + 46 + n.len()) == Some(n) {
            zip[i + 8] |= 1;
        }
        i += 1;
    }
}

fn replace_all(hay: &mut [u8], from: &[u8], to: &[u8]) -> usize {
    assert_eq!(from.len(), to.len());
    let mut count = 0;
    let mut i = 0;
    while i + from.len() <= hay.len() {
        if &hay[i..i + from.len()] == from {
            hay[i..i + from.len()].copy_from_slice(to);
            count += 1;
            i += from.len();
        } else {
            i += 1;
        }
    }
    count
}

fn seven_z(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = sevenz_rust2::ArchiveWriter::new(Cursor::new(Vec::new())).unwrap();
    for (name, data) in files {
        w.push_archive_entry(sevenz_rust2::ArchiveEntry::new_file(name), Some(*data))
            .unwrap();
    }
    w.finish().unwrap().into_inner()
}

// RAR 5, after «RAR 5.0 archive format» (rarlab.com/technote.htm).
fn vint(mut v: u64) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let b = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return out;
        }
        out.push(b | 0x80);
    }
}

fn rar5_block(kind: u64, specific: &[u8], extra: &[u8], data: &[u8]) -> Vec<u8> {
    let flags = if extra.is_empty() { 0 } else { 1 } | if data.is_empty() { 0 } else { 2 };
    let mut body = vint(kind);
    body.extend(vint(flags));
    if !extra.is_empty() {
        body.extend(vint(extra.len() as u64));
    }
    if !data.is_empty() {
        body.extend(vint(data.len() as u64));
    }
    body.extend_from_slice(specific);
    body.extend_from_slice(extra);
    let mut header = vint(body.len() as u64);
    header.extend(body);
    let mut out = crc32fast::hash(&header).to_le_bytes().to_vec();
    out.extend(header);
    out.extend_from_slice(data);
    out
}

struct Rar5File<'a> {
    name: &'a str,
    data: &'a [u8],
    dir: bool,
    encrypted: bool,
    method: u64,
}

fn rar5_file(name: &str, data: &[u8]) -> Rar5File<'static> {
    // Leak is fine in tests: keeps the builder signature simple.
    Rar5File {
        name: Box::leak(name.to_string().into_boxed_str()),
        data: Box::leak(data.to_vec().into_boxed_slice()),
        dir: false,
        encrypted: false,
        method: 0,
    }
}

fn rar5(files: &[Rar5File]) -> Vec<u8> {
    let mut out = rar::RAR5_SIG.to_vec();
    out.extend(rar5_block(1, &vint(0), &[], &[]));
    for f in files {
        let mut s = vint(if f.dir { 1 } else { 0 } | 0x4); // directory, CRC32 present
        s.extend(vint(f.data.len() as u64));
        s.extend(vint(0x20)); // attributes
        s.extend(crc32fast::hash(f.data).to_le_bytes());
        s.extend(vint(f.method << 7)); // compression info: version 0, method
        s.extend(vint(0)); // host OS: Windows
        s.extend(vint(f.name.len() as u64));
        s.extend_from_slice(f.name.as_bytes());
        let extra = if f.encrypted {
            // File encryption record: type 1, version 0, flags 0, KDF count, salt, IV.
            let mut rec = vint(1);
            rec.extend(vint(0));
            rec.extend(vint(0));
            rec.push(15);
            rec.extend([0u8; 32]);
            let mut e = vint(rec.len() as u64);
            e.extend(rec);
            e
        } else {
            Vec::new()
        };
        out.extend(rar5_block(2, &s, &extra, f.data));
    }
    out.extend(rar5_block(5, &vint(0), &[], &[]));
    out
}

// RAR 4, after RARLAB's technote.txt for RAR 2.x–4.x.
fn rar4_block(kind: u8, flags: u16, fields: &[u8]) -> Vec<u8> {
    let size = (7 + fields.len()) as u16;
    let mut h = vec![kind];
    h.extend(flags.to_le_bytes());
    h.extend(size.to_le_bytes());
    h.extend_from_slice(fields);
    let crc = (crc32fast::hash(&h) & 0xFFFF) as u16;
    let mut out = crc.to_le_bytes().to_vec();
    out.extend(h);
    out
}

fn rar4(files: &[(&[u8], bool, &[u8])], headers_encrypted: bool) -> Vec<u8> {
    let mut out = rar::RAR4_SIG.to_vec();
    out.extend(rar4_block(
        0x73,
        if headers_encrypted { 0x80 } else { 0 },
        &[0; 6],
    ));
    for (name, unicode, data) in files {
        let mut f = Vec::new();
        f.extend((data.len() as u32).to_le_bytes());
        f.extend((data.len() as u32).to_le_bytes());
        f.push(2); // Windows
        f.extend(crc32fast::hash(data).to_le_bytes());
        f.extend(0u32.to_le_bytes());
        f.push(29);
        f.push(0x30); // stored
        f.extend((name.len() as u16).to_le_bytes());
        f.extend(0x20u32.to_le_bytes());
        f.extend_from_slice(name);
        out.extend(rar4_block(
            0x74,
            0x8000 | if *unicode { 0x200 } else { 0 },
            &f,
        ));
        out.extend_from_slice(data);
    }
    out.extend(rar4_block(0x7B, 0x4000, &[]));
    out
}

fn codes(r: &ArchiveReport) -> Vec<&str> {
    r.reasons.iter().map(String::as_str).collect()
}

// ---------------------------------------------------------------- data

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

// ---------------------------------------------------------------- names

fn name_codes(n: &str) -> (Vec<String>, Option<ParsedName>, Vec<String>) {
    let c = name::check_name(&rule(), n);
    (
        c.findings.iter().map(|f| f.code.clone()).collect(),
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

// ---------------------------------------------------------------- documents

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

// ---------------------------------------------------------------- zip

#[test]
fn good_zip_is_accepted_reading_little() {
    let bytes = good_zip();
    let len = bytes.len() as u64;
    let (r, read) = check_counting(GOOD_NAME, bytes);
    assert_eq!(r.verdict, Verdict::Accept, "{:?}", r.messages);
    assert!(r.reasons.is_empty());
    assert_eq!(r.format.as_deref(), Some("zip"));
    assert_eq!(r.entries.len(), 5);
    let ids: Vec<&str> = r.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["passport", "inn", "snils", "bank", "form"]);
    assert_eq!(r.documents[4].entry, FORM);
    assert!(r.parsed.is_some());
    // A small archive is read whole through its 64 KiB tail; see the test below for a large one.
    assert!(read <= 2 * len + 512, "read {read} of {len}");
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["verdict"], "accept");
}

#[test]
fn large_archive_reads_only_headers() {
    let mut files = full_set(D);
    files.push(("фото.bin".into(), vec![7u8; 3_000_000], S));
    let bytes = zip_owned(&files);
    let (r, read) = check_counting(GOOD_NAME, bytes);
    assert_eq!(r.verdict, Verdict::Accept, "{:?}", r.messages);
    assert!(read < 200_000, "read {read} bytes");
}

#[test]
fn form_stored_in_the_outer_zip_is_checked_in_place() {
    let bytes = zip_owned(&full_set(S));
    assert_eq!(check(GOOD_NAME, &bytes).verdict, Verdict::Accept);
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
    assert_eq!(r.messages.len(), 2);
    assert!(r.messages[0].contains("ИНН"));
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

#[test]
fn cp866_names_from_windows_explorer() {
    // Write ASCII placeholders of the same byte length, then put CP866 bytes in their place
    // with the UTF-8 flag (bit 11) off, as Windows Explorer does.
    let real: Vec<(String, Vec<u8>, CompressionMethod)> = full_set(D);
    let mut placeholders = Vec::new();
    let mut patched = Vec::new();
    for (i, (n, d, m)) in real.iter().enumerate() {
        let cp = cp866::encode(n).unwrap();
        let ph: String = std::iter::repeat_n((b'a' + i as u8) as char, cp.len()).collect();
        placeholders.push((ph.clone(), d.clone(), *m));
        patched.push((ph, cp));
    }
    let mut bytes = zip_owned(&placeholders);
    for (ph, cp) in &patched {
        assert_eq!(replace_all(&mut bytes, ph.as_bytes(), cp), 2);
    }
    let r = check(GOOD_NAME, &bytes);
    assert_eq!(
        r.verdict,
        Verdict::Accept,
        "{:?} {:?}",
        r.entries,
        r.messages
    );
    assert!(r.entries.contains(&"Паспорт.jpg".to_string()));
    assert!(r.entries.contains(&FORM.to_string()));
}

#[test]
fn encrypted_entry_is_rejected() {
    let mut bytes = good_zip();
    set_encrypted(&mut bytes, "СНИЛС.pdf");
    let r = check(GOOD_NAME, &bytes);
    assert_eq!(codes(&r), ["encrypted"]);
    assert!(r.messages[0].contains("СНИЛС.pdf"));
}

#[test]
fn nested_archive_is_rejected() {
    let mut files = full_set(D);
    files.push(("сканы.zip".into(), zip_of(&[("a.jpg", SCAN, D)]), D));
    let r = check(GOOD_NAME, &zip_owned(&files));
    assert_eq!(codes(&r), ["nested_archive"]);
    assert!(r.messages[0].contains("сканы.zip"));
}

#[test]
fn unsafe_paths_are_rejected() {
    for evil in [
        "../evil.txt",
        "папка/../../evil.txt",
        "/etc/passwd",
        "C:/Windows/evil.txt",
        "..\\evil.txt",
    ] {
        let mut files = full_set(D);
        // The writer may refuse such names: write a placeholder, then patch it.
        let ph: String = "q".repeat(evil.len());
        files.push((ph.clone(), b"x".to_vec(), D));
        let mut bytes = zip_owned(&files);
        assert_eq!(replace_all(&mut bytes, ph.as_bytes(), evil.as_bytes()), 2);
        let r = check(GOOD_NAME, &bytes);
        assert_eq!(codes(&r), ["unsafe_entry_path"], "{evil}");
    }
}

#[test]
fn folders_and_system_files_are_ignored() {
    let mut files = full_set(D);
    files.insert(0, ("Документы/".into(), Vec::new(), D));
    files.push(("__MACOSX/._Паспорт.jpg".into(), b"x".to_vec(), D));
    files.push((".DS_Store".into(), b"x".to_vec(), D));
    files.push(("Документы/Thumbs.db".into(), b"x".to_vec(), D));
    let r = check(GOOD_NAME, &zip_owned(&files));
    assert_eq!(r.verdict, Verdict::Accept, "{:?}", r.messages);
    assert_eq!(r.entries.len(), 5, "{:?}", r.entries);
}

#[test]
fn truncated_zip_is_damaged() {
    let bytes = good_zip();
    for cut in [
        bytes.len() - 1,
        bytes.len() - 22,
        bytes.len() / 2,
        100,
        30,
        4,
    ] {
        let r = check(GOOD_NAME, &bytes[..cut]);
        assert!(
            codes(&r).contains(&"archive_damaged"),
            "cut {cut}: {:?}",
            r.reasons
        );
        assert_eq!(r.verdict, Verdict::Reject);
    }
}

#[test]
fn not_an_archive_and_other_formats() {
    let r = check(
        "Алтайский край_Иванов_Сергей_Иванович.zip",
        b"%PDF-1.7 hello",
    );
    assert_eq!(codes(&r), ["not_an_archive"]);
    assert!(r.messages[0].contains("PDF"));
    assert_eq!(r.format, None);
    let r = check("Алтайский край_Иванов_Сергей_Иванович.zip", b"");
    assert_eq!(codes(&r), ["not_an_archive"]);
    let r = check(
        "Алтайский край_Иванов_Сергей_Иванович.gz",
        &[0x1F, 0x8B, 8, 0, 0, 0],
    );
    assert_eq!(codes(&r), ["format_not_allowed"]);
    assert_eq!(r.format.as_deref(), Some("gzip"));
}

#[test]
fn extension_must_agree() {
    let r = check("Алтайский край_Иванов_Сергей_Иванович.rar", &good_zip());
    assert_eq!(codes(&r), ["extension_mismatch"]);
    assert_eq!(r.verdict, Verdict::Warn);
    let r = check("Алтайский край_Иванов_Сергей_Иванович.pdf", &good_zip());
    assert_eq!(codes(&r), ["format_not_allowed"]);
    let r = check("Алтайский край_Иванов_Сергей_Иванович", &good_zip());
    assert_eq!(codes(&r), ["format_not_allowed"]);
    let r = check("Алтайский край_Иванов_Сергей_Иванович.ZIP", &good_zip());
    assert_eq!(r.verdict, Verdict::Accept);
}

#[test]
fn size_limits() {
    // 40 МБ = 41 943 040 bytes; between 40 000 000 and that only a warning.
    let pad = |n: usize| {
        let mut files = full_set(D);
        files.push(("фото.bin".into(), vec![1u8; n], S));
        zip_owned(&files)
    };
    let warn = pad(40_500_000);
    let r = check(GOOD_NAME, &warn);
    assert_eq!(codes(&r), ["size_over_40000000_bytes"]);
    assert_eq!(r.verdict, Verdict::Warn);
    assert!(
        r.messages[0].starts_with("Архив принят, но ФИОКО может его не принять."),
        "{}",
        r.messages[0]
    );
    assert!(r.messages[0].contains("40\u{a0}000\u{a0}000\u{a0}байт"));
    // The band is the rule's: raised above this archive's size, the archive passes clean.
    let mut raised = rule();
    assert_eq!(raised.warn_above_bytes, 40_000_000);
    raised.warn_above_bytes = warn.len() as u64;
    let r = check_archive(&raised, GOOD_NAME, &mut &warn[..]);
    assert_eq!(r.verdict, Verdict::Accept, "{:?}", r.messages);
    raised.warn_above_bytes = warn.len() as u64 - 1;
    let r = check_archive(&raised, GOOD_NAME, &mut &warn[..]);
    assert_eq!(codes(&r), [format!("size_over_{}_bytes", warn.len() - 1)]);
    let big = pad(41_943_040);
    assert!(big.len() > 41_943_040);
    let r = check(GOOD_NAME, &big);
    assert_eq!(codes(&r), ["too_large"]);
    assert_eq!(r.verdict, Verdict::Reject);
    assert!(r.messages[0].contains("41\u{a0}943\u{a0}040"));
}

#[test]
fn zip_bomb_like_ratio_warns() {
    let mut files = full_set(D);
    files.push(("пусто.bmp".into(), vec![0u8; 8 * 1024 * 1024], D));
    let r = check(GOOD_NAME, &zip_owned(&files));
    assert_eq!(codes(&r), ["suspicious_compression_ratio"]);
    assert_eq!(r.verdict, Verdict::Warn);
}

#[test]
fn reject_collects_every_reason() {
    let mut bytes = zip_of(&[("сканы.rar", b"Rar!", D), ("../x.txt", b"x", D)]);
    set_encrypted(&mut bytes, "../x.txt");
    let r = check("Алтай Иванов.zip", &bytes);
    for code in [
        "name_ambiguous_region",
        "name_incomplete:name",
        "encrypted",
        "nested_archive",
        "unsafe_entry_path",
        "missing_document:form",
    ] {
        assert!(codes(&r).contains(&code), "{code} in {:?}", r.reasons);
    }
    assert_eq!(r.reasons.len(), r.messages.len());
}

// ---------------------------------------------------------------- 7z

fn seven_z_full() -> Vec<u8> {
    let docx = docx_bytes();
    seven_z(&[
        ("Паспорт.jpg", SCAN),
        ("ИНН.jpg", SCAN),
        ("СНИЛС.jpg", SCAN),
        ("Реквизиты банка.pdf", SCAN),
        (FORM, &docx),
    ])
}

#[test]
fn seven_z_is_listed_from_its_header() {
    let bytes = seven_z_full();
    // 7-Zip and sevenz-rust2 compress the header itself (kEncodedHeader = 0x17).
    let next = 32 + u64::from_le_bytes(bytes[12..20].try_into().unwrap()) as usize;
    assert_eq!(bytes[next], 0x17);
    let r = check("Москва Петров-Водкин Кузьма Сергеевич.7z", &bytes);
    assert_eq!(r.verdict, Verdict::Accept, "{:?}", r.messages);
    assert_eq!(r.format.as_deref(), Some("7z"));
    assert_eq!(r.entries.len(), 5);
    assert_eq!(r.documents.len(), 5);
    let r = check("Москва Петров-Водкин Кузьма Сергеевич.zip", &bytes);
    assert_eq!(codes(&r), ["extension_mismatch"]);
}

#[test]
fn truncated_seven_z_is_damaged() {
    let bytes = seven_z_full();
    for cut in [bytes.len() - 1, bytes.len() / 2, 40, 31, 6] {
        let r = check("Москва Петров-Водкин Кузьма Сергеевич.7z", &bytes[..cut]);
        assert_eq!(codes(&r), ["archive_damaged"], "cut {cut}");
    }
    // A flipped byte in the start header fails its CRC.
    let mut bad = bytes.clone();
    bad[14] ^= 0xFF;
    assert_eq!(
        codes(&check("Москва Петров-Водкин Кузьма Сергеевич.7z", &bad)),
        ["archive_damaged"]
    );
}

// ---------------------------------------------------------------- RAR

fn rar5_full() -> Vec<u8> {
    let docx = docx_bytes();
    rar5(&[
        Rar5File {
            dir: true,
            ..rar5_file("Документы", b"")
        },
        rar5_file("Документы/Паспорт.jpg", SCAN),
        rar5_file("Документы/ИНН.jpg", SCAN),
        rar5_file("Документы/СНИЛС.jpg", SCAN),
        rar5_file("Документы/Банк.pdf", SCAN),
        rar5_file(&format!("Документы/{FORM}"), &docx),
    ])
}

#[test]
fn rar5_headers_are_parsed() {
    let bytes = rar5_full();
    let r = check("Республика Дагестан_Алиев_Рашид_Мурад оглы.rar", &bytes);
    assert_eq!(r.verdict, Verdict::Accept, "{:?}", r.messages);
    assert_eq!(r.format.as_deref(), Some("rar"));
    assert_eq!(r.entries.len(), 5, "{:?}", r.entries);
    assert_eq!(r.documents.len(), 5);
}

#[test]
fn rar5_stored_form_is_checked_and_compressed_one_trusted() {
    let doc = legacy_doc_bytes();
    let mk = |method: u64| {
        rar5(&[
            rar5_file("Паспорт.jpg", SCAN),
            rar5_file("ИНН.jpg", SCAN),
            rar5_file("СНИЛС.jpg", SCAN),
            rar5_file("Банк.pdf", SCAN),
            Rar5File {
                method,
                ..rar5_file(FORM, &doc)
            },
        ])
    };
    assert_eq!(
        codes(&check("Москва_Иванов_Иван_Иванович.rar", &mk(0))),
        ["form_not_valid_docx"]
    );
    // Compressed RAR data is not unpacked: the .docx extension is taken on trust.
    assert!(codes(&check("Москва_Иванов_Иван_Иванович.rar", &mk(3))).is_empty());
}

#[test]
fn rar5_encryption_truncation_and_damage() {
    let docx = docx_bytes();
    let bytes = rar5(&[
        rar5_file("Паспорт.jpg", SCAN),
        Rar5File {
            encrypted: true,
            ..rar5_file("ИНН.jpg", SCAN)
        },
        rar5_file("СНИЛС.jpg", SCAN),
        rar5_file("Банк.pdf", SCAN),
        rar5_file(FORM, &docx),
    ]);
    let r = check("Москва_Иванов_Иван_Иванович.rar", &bytes);
    assert_eq!(codes(&r), ["encrypted"]);

    // rar -hp: an archive encryption header right after the signature.
    let mut spec = vint(0);
    spec.extend(vint(0));
    spec.push(15);
    spec.extend([0u8; 16]);
    let mut hp = rar::RAR5_SIG.to_vec();
    hp.extend(rar5_block(4, &spec, &[], &[]));
    hp.extend([0x55u8; 64]);
    let r = check("Москва_Иванов_Иван_Иванович.rar", &hp);
    assert_eq!(codes(&r), ["encrypted"]);
    assert!(r.entries.is_empty());

    let good = rar5_full();
    for cut in [good.len() - 1, good.len() - 5, good.len() / 2, 12, 9] {
        assert_eq!(
            codes(&check("Москва_Иванов_Иван_Иванович.rar", &good[..cut])),
            ["archive_damaged"],
            "cut {cut}"
        );
    }
    let mut bad = good.clone();
    bad[8 + 6] ^= 0x01; // inside the main header: CRC no longer matches
    assert_eq!(
        codes(&check("Москва_Иванов_Иван_Иванович.rar", &bad)),
        ["archive_damaged"]
    );
}

#[test]
fn rar4_headers_are_parsed() {
    let docx = docx_bytes();
    let passport = cp866::encode("Паспорт.jpg").unwrap();
    let bytes = rar4(
        &[
            (&passport, false, SCAN),
            ("ИНН.jpg".as_bytes(), true, SCAN),
            ("Документы\\СНИЛС.jpg".as_bytes(), true, SCAN),
            ("Банк.pdf".as_bytes(), true, SCAN),
            (FORM.as_bytes(), true, &docx),
        ],
        false,
    );
    let r = check("Москва_Иванов_Иван_Иванович.rar", &bytes);
    assert_eq!(
        r.verdict,
        Verdict::Accept,
        "{:?} {:?}",
        r.entries,
        r.messages
    );
    assert!(r.entries.contains(&"Паспорт.jpg".to_string()));
    assert!(r.entries.contains(&"Документы/СНИЛС.jpg".to_string()));

    let enc = rar4(&[(b"a.jpg", false, SCAN)], true);
    assert_eq!(
        codes(&check("Москва_Иванов_Иван_Иванович.rar", &enc)),
        ["encrypted"]
    );
    for cut in [bytes.len() - 3, bytes.len() / 2, 15] {
        assert_eq!(
            codes(&check("Москва_Иванов_Иван_Иванович.rar", &bytes[..cut])),
            ["archive_damaged"],
            "cut {cut}"
        );
    }
}

#[test]
fn rar4_compact_unicode_names() {
    // RARLAB's encoding of «Паспорт»: OEM part, zero byte, high byte 0x04, then a flag byte
    // per four characters, each «01» = low byte with the high byte.
    let oem = b"???????";
    let mut enc = vec![0x04u8];
    let lows: Vec<u8> = "Паспорт".encode_utf16().map(|c| (c & 0xFF) as u8).collect();
    for chunk in lows.chunks(4) {
        enc.push(0b0101_0101);
        enc.extend_from_slice(chunk);
    }
    assert_eq!(rar::tests_decode_rar_unicode(oem, &enc), "Паспорт");
}

// ---------------------------------------------------------------- many

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

// ---------------------------------------------------------------- never panic

fn samples() -> &'static [Vec<u8>] {
    static SAMPLES: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    SAMPLES.get_or_init(|| {
        vec![
            good_zip(),
            zip_owned(&full_set(S)),
            seven_z_full(),
            rar5_full(),
            {
                let docx = docx_bytes();
                rar4(
                    &[(b"a.jpg", false, SCAN), (FORM.as_bytes(), true, &docx)],
                    false,
                )
            },
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(prefix in 0usize..6, body in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let sigs: [&[u8]; 6] = [b"", b"PK\x03\x04", sevenz::SIG, rar::RAR5_SIG, rar::RAR4_SIG, b"PK\x05\x06"];
        let mut bytes = sigs[prefix].to_vec();
        bytes.extend(body);
        let r = check(GOOD_NAME, &bytes);
        prop_assert_eq!(r.reasons.len(), r.messages.len());
    }

    #[test]
    fn truncated_or_flipped_archives_never_panic(which in 0usize..5, cut in any::<prop::sample::Index>(), flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4)) {
        let s = samples();
        let mut bytes = s[which].clone();
        for (i, v) in flips {
            let i = i.index(bytes.len());
            bytes[i] ^= v;
        }
        let cut = cut.index(bytes.len() + 1);
        let r = check(GOOD_NAME, &bytes[..cut]);
        prop_assert_eq!(r.reasons.len(), r.messages.len());
    }

    #[test]
    fn any_name_never_panics(name in "\\PC{0,80}") {
        let r = check(&name, &good_zip());
        prop_assert_eq!(r.reasons.len(), r.messages.len());
    }
}

// ---------------------------------------------------------------- 7z with a password

fn seven_z_encrypted(encrypt_header: bool) -> Vec<u8> {
    use sevenz_rust2::encoder_options::AesEncoderOptions;
    use sevenz_rust2::{EncoderConfiguration, EncoderMethod, Password};
    let mut w = sevenz_rust2::ArchiveWriter::new(Cursor::new(Vec::new())).unwrap();
    w.set_content_methods(vec![
        EncoderConfiguration::new(EncoderMethod::AES256_SHA256)
            .with_options(AesEncoderOptions::new(Password::from("secret")).into()),
        EncoderConfiguration::new(EncoderMethod::LZMA2),
    ]);
    w.set_encrypt_header(encrypt_header);
    for name in ["Паспорт.jpg", "ИНН.jpg", "СНИЛС.jpg", "Банк.pdf"] {
        w.push_archive_entry(sevenz_rust2::ArchiveEntry::new_file(name), Some(SCAN))
            .unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn seven_z_with_a_password_is_rejected() {
    let r = check("Москва_Иванов_Иван_Иванович.7z", &seven_z_encrypted(true));
    assert_eq!(codes(&r), ["encrypted"], "{:?}", r.messages);
    assert!(r.entries.is_empty());
    let r = check("Москва_Иванов_Иван_Иванович.7z", &seven_z_encrypted(false));
    assert_eq!(
        codes(&r),
        ["encrypted", "missing_document:form"],
        "{:?}",
        r.messages
    );
    assert_eq!(r.entries.len(), 4);
}

// ---------------------------------------------------------------- messages (issue #18 item 8)

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
        assert_eq!(r.verdict, Verdict::Accept, "{name}: {:?}", r.messages);
    }
    // A real .docx with «форма» in its name and nothing else is not the memo's file.
    let r = check(GOOD_NAME, &form_set("форма.docx"));
    assert_eq!(codes(&r), ["missing_document:form"]);
    assert_eq!(
        r.messages[0],
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
        r.messages,
        [
            "В архиве нет файла «Форма подачи данных для оформления контракта.docx». Положите его \
          в архив под этим именем."
        ]
    );
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
        r.messages.iter().all(|m| !m.contains("tar")),
        "{:?}",
        r.messages
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

#[test]
fn a_damaged_archive_is_said_once_in_plain_words() {
    let zip = good_zip();
    let seven = seven_z_full();
    let rar = rar5_full();
    let mut bad_rar = rar.clone();
    bad_rar[8 + 6] ^= 0x01;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "Москва_Иванов_Иван_Иванович.zip",
            zip[..zip.len() - 1].to_vec(),
        ),
        (
            "Москва_Иванов_Иван_Иванович.zip",
            zip[..zip.len() / 2].to_vec(),
        ),
        (
            "Москва_Иванов_Иван_Иванович.7z",
            seven[..seven.len() - 1].to_vec(),
        ),
        (
            "Москва_Иванов_Иван_Иванович.rar",
            rar[..rar.len() / 2].to_vec(),
        ),
        ("Москва_Иванов_Иван_Иванович.rar", bad_rar),
        (
            "Москва_Иванов_Иван_Иванович.rar",
            [rar::RAR5_SIG, &[0; 32]].concat(),
        ),
    ];
    for (name, bytes) in cases {
        let r = check(name, &bytes);
        assert_eq!(codes(&r), ["archive_damaged"], "{name}");
        assert_eq!(r.messages, [DAMAGED], "{name}");
    }
    assert_eq!(DAMAGED.matches("повреждён").count(), 1);
    // No format internals in any message a listing failure gives.
    for m in [
        DAMAGED,
        UNREADABLE,
        MULTI_VOLUME,
        TOO_MANY_FILES,
        UNSUPPORTED,
    ] {
        for jargon in [
            "каталог",
            "запис",
            "заголов",
            "оглавлен",
            "контрольн",
            "Zip64",
        ] {
            assert!(!m.contains(jargon), "{m}");
        }
    }
}

#[test]
fn sizes_keep_the_number_with_its_unit() {
    let big = vec![0u8; 41_943_041];
    let r = check(GOOD_NAME, &big);
    let m = r.messages.iter().find(|m| m.contains("МБ")).unwrap();
    assert!(
        m.contains("не больше 40\u{a0}МБ (41\u{a0}943\u{a0}040\u{a0}байт)"),
        "{m}"
    );
    let r = check(GOOD_NAME, &vec![0u8; 41_000_000]);
    assert!(r.messages[1].contains("40\u{a0}МБ"), "{:?}", r.messages);
    assert!(!r.messages[1].contains(" байт"), "{:?}", r.messages);
}
