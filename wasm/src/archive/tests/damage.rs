//! Damaged and random input: one plain message for a damaged archive, and no panic on
//! random bytes, on cut or flipped real archives, or on any name.

use super::*;
use proptest::prelude::*;

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
        assert_eq!(messages(&r), [DAMAGED], "{name}");
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
        assert_consistent(&r);
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
        assert_consistent(&r);
    }

    #[test]
    fn any_name_never_panics(name in "\\PC{0,80}") {
        let r = check(&name, &good_zip());
        assert_consistent(&r);
    }
}
