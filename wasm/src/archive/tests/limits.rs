//! The size limit and the warning band below it, and the compression ratio of a zip bomb.

use super::*;

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
        messages(&r)[0].starts_with("Архив принят, но ФИОКО может его не принять."),
        "{}",
        messages(&r)[0]
    );
    assert!(messages(&r)[0].contains("40\u{a0}000\u{a0}000\u{a0}байт"));
    // The band is the rule's: raised above this archive's size, the archive passes clean.
    let mut raised = rule();
    assert_eq!(raised.warn_above_bytes, 40_000_000);
    raised.warn_above_bytes = warn.len() as u64;
    let r = check_archive(&raised, GOOD_NAME, &mut &warn[..]);
    assert_eq!(r.verdict, Verdict::Accept, "{:?}", messages(&r));
    raised.warn_above_bytes = warn.len() as u64 - 1;
    let r = check_archive(&raised, GOOD_NAME, &mut &warn[..]);
    assert_eq!(codes(&r), [format!("size_over_{}_bytes", warn.len() - 1)]);
    let big = pad(41_943_040);
    assert!(big.len() > 41_943_040);
    let r = check(GOOD_NAME, &big);
    assert_eq!(codes(&r), ["too_large"]);
    assert_eq!(r.verdict, Verdict::Reject);
    assert!(messages(&r)[0].contains("41\u{a0}943\u{a0}040"));
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
fn sizes_keep_the_number_with_its_unit() {
    let big = vec![0u8; 41_943_041];
    let r = check(GOOD_NAME, &big);
    let m = messages(&r).into_iter().find(|m| m.contains("МБ")).unwrap();
    assert!(
        m.contains("не больше 40\u{a0}МБ (41\u{a0}943\u{a0}040\u{a0}байт)"),
        "{m}"
    );
    let r = check(GOOD_NAME, &vec![0u8; 41_000_000]);
    assert!(messages(&r)[1].contains("40\u{a0}МБ"), "{:?}", messages(&r));
    assert!(!messages(&r)[1].contains(" байт"), "{:?}", messages(&r));
}
