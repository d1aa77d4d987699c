//! Zip archives: listed from the central directory, reading little; CP866 names, encrypted and
//! nested entries, unsafe paths, damage; and the format told by the bytes, not the extension.

use super::*;

#[test]
fn good_zip_is_accepted_reading_little() {
    let bytes = good_zip();
    let len = bytes.len() as u64;
    let (r, read) = check_counting(GOOD_NAME, bytes);
    assert_eq!(r.verdict, Verdict::Accept, "{:?}", messages(&r));
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
    assert_eq!(r.verdict, Verdict::Accept, "{:?}", messages(&r));
    assert!(read < 200_000, "read {read} bytes");
}

#[test]
fn form_stored_in_the_outer_zip_is_checked_in_place() {
    let bytes = zip_owned(&full_set(S));
    assert_eq!(check(GOOD_NAME, &bytes).verdict, Verdict::Accept);
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
        messages(&r)
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
    assert!(messages(&r)[0].contains("СНИЛС.pdf"));
}

#[test]
fn nested_archive_is_rejected() {
    let mut files = full_set(D);
    files.push(("сканы.zip".into(), zip_of(&[("a.jpg", SCAN, D)]), D));
    let r = check(GOOD_NAME, &zip_owned(&files));
    assert_eq!(codes(&r), ["nested_archive"]);
    assert!(messages(&r)[0].contains("сканы.zip"));
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
    assert_eq!(r.verdict, Verdict::Accept, "{:?}", messages(&r));
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
            codes(&r).iter().any(|c| c == "archive_damaged"),
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
    assert!(messages(&r)[0].contains("PDF"));
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
        assert!(
            codes(&r).iter().any(|c| c == code),
            "{code} in {:?}",
            r.reasons
        );
    }
    assert_consistent(&r);
}

#[test]
fn verdict_codes_are_the_reports_and_each_has_words() {
    for v in Verdict::ALL {
        assert_eq!(serde_json::to_value(v).unwrap(), v.code());
        assert!(!v.in_words().is_empty());
    }
}
