//! Arbitrary bytes and a file name → `archive::check_archive` with the real rule
//! (content/fioko/archive-rule.yaml).
//!
//! Input layout: the file name is the bytes up to the first NUL (decoded lossily as UTF-8), the
//! archive is everything after it. Without a NUL the whole input is the archive and the name is
//! the rule's example («Алтайский край_Иванов_Сергей_Иванович.zip»). Seeds in corpus/archive/
//! are written that way.
//!
//! Besides panics, fails when the check reads past the end of the file (the `ByteSource`
//! contract) or when its report is inconsistent (a message for every reason, the verdict agreeing
//! with the reasons).

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pamyatka_checks::archive::{ArchiveRule, ByteSource, Severity, Verdict, check_archive};

const RULE_YAML: &str = include_str!("../../../content/fioko/archive-rule.yaml");

fn rule() -> &'static ArchiveRule {
    static RULE: OnceLock<ArchiveRule> = OnceLock::new();
    RULE.get_or_init(|| {
        serde_norway::from_str(RULE_YAML).expect("archive-rule.yaml matches ArchiveRule")
    })
}

/// A byte slice that panics when asked for bytes past its end.
struct Strict<'a>(&'a [u8]);

impl ByteSource for Strict<'_> {
    fn len(&self) -> u64 {
        self.0.len() as u64
    }
    fn read_at(&mut self, offset: u64, len: usize) -> Result<Vec<u8>, String> {
        let end = offset.checked_add(len as u64);
        assert!(
            end.is_some_and(|e| e <= self.0.len() as u64),
            "read_at({offset}, {len}) past the end of a {}-byte file",
            self.0.len()
        );
        Ok(self.0[offset as usize..offset as usize + len].to_vec())
    }
}

fuzz_target!(|data: &[u8]| {
    let (name, bytes) = match data.iter().position(|&b| b == 0) {
        Some(i) => (
            String::from_utf8_lossy(&data[..i]).into_owned(),
            &data[i + 1..],
        ),
        None => (rule().name.example.clone(), data),
    };
    let report = check_archive(rule(), &name, &mut Strict(bytes));
    assert!(report.reasons.iter().all(|r| !r.message.is_empty()));
    let rejecting = report
        .reasons
        .iter()
        .any(|r| r.severity() == Severity::Reject);
    let expected = if rejecting {
        Verdict::Reject
    } else if report.reasons.is_empty() {
        Verdict::Accept
    } else {
        Verdict::Warn
    };
    assert_eq!(report.verdict, expected, "{:?}", report.reasons);
});
