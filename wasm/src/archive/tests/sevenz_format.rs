//! 7z archives: listed from their (compressed) header; damage, and a password.

use super::*;

#[test]
fn seven_z_is_listed_from_its_header() {
    let bytes = seven_z_full();
    // 7-Zip and sevenz-rust2 compress the header itself (kEncodedHeader = 0x17).
    let next = 32 + u64::from_le_bytes(bytes[12..20].try_into().unwrap()) as usize;
    assert_eq!(bytes[next], 0x17);
    let r = check("Москва Петров-Водкин Кузьма Сергеевич.7z", &bytes);
    assert_eq!(r.verdict, Verdict::Accept, "{:?}", messages(&r));
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
    assert_eq!(codes(&r), ["encrypted"], "{:?}", messages(&r));
    assert!(r.entries.is_empty());
    let r = check("Москва_Иванов_Иван_Иванович.7z", &seven_z_encrypted(false));
    assert_eq!(
        codes(&r),
        ["encrypted", "missing_document:form"],
        "{:?}",
        messages(&r)
    );
    assert_eq!(r.entries.len(), 4);
}
