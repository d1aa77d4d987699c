//! RAR 5 and RAR 4 archives, built by hand from RARLAB's format descriptions: headers,
//! stored and compressed entries, encryption, damage, RAR 4's compact Unicode names.

use super::*;

#[test]
fn rar5_headers_are_parsed() {
    let bytes = rar5_full();
    let r = check("Республика Дагестан_Алиев_Рашид_Мурад оглы.rar", &bytes);
    assert_eq!(r.verdict, Verdict::Accept, "{:?}", messages(&r));
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
        messages(&r)
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
