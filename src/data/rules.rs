//! Rules as data: the ФИОКО archive rule (`*archive-rule.yaml`), the ЕСИА readiness rule
//! (`*readiness-rule.yaml`) and the ФИОКО registration form (`*registration-form.yaml`), read
//! into the checks crate's types so that a typo in a rule fails the build, not the validator.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use pamyatka_checks::account::{ReadinessRule, RegistrationForm};
use pamyatka_checks::archive::{ArchiveRule, BYTES_PER_MB};

use crate::content::Site;
use crate::diagnostic::Diagnostic;
use crate::yaml::{self, Seg};

/// Which rule a data file holds, by its name.
enum Kind {
    Archive,
    Readiness,
    Registration,
}

fn kind(rel: &str) -> Option<Kind> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = name.trim_end_matches(".yaml").trim_end_matches(".yml");
    if stem.ends_with("archive-rule") {
        Some(Kind::Archive)
    } else if stem.ends_with("readiness-rule") {
        Some(Kind::Readiness)
    } else if stem.ends_with("registration-form") {
        Some(Kind::Registration)
    } else {
        None
    }
}

pub fn check(site: &Site, errors: &mut Vec<Diagnostic>) {
    for (rel, text) in &site.data_sources {
        let Some(k) = kind(rel) else { continue };
        let file = PathBuf::from("content").join(rel);
        let problems = match k {
            Kind::Archive => match yaml::parse::<ArchiveRule>(&file, text, "rule") {
                Ok(rule) => {
                    errors.extend(archive_size(&rule, &file, text));
                    errors.extend(archive_file_names(&rule, &file, text));
                    Ok(Vec::new())
                }
                Err(d) => Err(d),
            },
            Kind::Readiness => {
                yaml::parse::<ReadinessRule>(&file, text, "rule").map(|r| r.problems())
            }
            Kind::Registration => {
                yaml::parse::<RegistrationForm>(&file, text, "rule").map(|r| r.problems())
            }
        };
        match problems {
            Ok(list) => errors.extend(
                list.into_iter()
                    .map(|p| super::data_error("rule", rel, text, p)),
            ),
            Err(d) => errors.push(d),
        }
    }
}

/// Read the archive rule at `path` (for `pamyatka validate archive`).
pub fn load_archive_rule(path: &Path) -> Result<ArchiveRule, Diagnostic> {
    let text: Arc<str> = std::fs::read_to_string(path)
        .map_err(|e| {
            Diagnostic::error(
                "rule",
                format!("cannot read the archive rule {}: {e}", path.display()),
            )
            .hint("pass --rule FILE, or run in the site folder (content/fioko/archive-rule.yaml)")
        })?
        .into();
    let rule = yaml::parse(path, &text, "rule")?;
    match archive_size(&rule, path, &text)
        .or_else(|| archive_file_names(&rule, path, &text).into_iter().next())
    {
        Some(d) => Err(d),
        None => Ok(rule),
    }
}

/// A document's exact `file_name` must be one the rule's own `match` recognises, else the
/// validator would ask for a name it then rejects. Located at the `file_name` value.
fn archive_file_names(rule: &ArchiveRule, file: &Path, text: &Arc<str>) -> Vec<Diagnostic> {
    rule.documents
        .iter()
        .enumerate()
        .filter_map(|(i, doc)| {
            let problem = doc.file_name_problem()?;
            let path = [Seg::Key("documents"), Seg::Index(i), Seg::Key("file_name")];
            Some(
                Diagnostic::error("rule", problem)
                    .at(yaml::location_of(file, text, 0, text.len(), &path))
                    .hint("write the file name exactly as the memo gives it, or correct `match`"),
            )
        })
        .collect()
}

/// The archive rule's two sizes must agree: `max_size_bytes` is `max_size_mb` × 1024 × 1024,
/// as the rule file's schema says (the validator rejects above `max_size_bytes`, and warns
/// between the decimal reading, × 1 000 000, and it). Located at the value at fault.
fn archive_size(rule: &ArchiveRule, file: &Path, text: &Arc<str>) -> Option<Diagnostic> {
    let at = |key| yaml::location_of(file, text, 0, text.len(), &[Seg::Key(key)]);
    if rule.max_size_mb == 0 {
        return Some(
            Diagnostic::error(
                "rule",
                "`max_size_mb` is 0: every archive would be too large",
            )
            .at(at("max_size_mb"))
            .hint("write the limit as the memo gives it, e.g. max_size_mb: 40"),
        );
    }
    let expected = rule.mb_in_bytes();
    if expected == Some(rule.max_size_bytes) {
        // The warning band lies below the limit, else nothing would ever be warned about.
        return (rule.warn_above_bytes >= rule.max_size_bytes).then(|| {
            Diagnostic::error(
                "rule",
                format!(
                    "`warn_above_bytes` is {}, not below `max_size_bytes: {}`: no archive would get the warning",
                    rule.warn_above_bytes, rule.max_size_bytes
                ),
            )
            .at(at("warn_above_bytes"))
            .hint(format!(
                "write the decimal reading of the limit, warn_above_bytes: {}",
                rule.max_size_mb.saturating_mul(1_000_000)
            ))
        });
    }
    let mb = rule.max_size_mb;
    let Some(bytes) = expected else {
        return Some(
            Diagnostic::error(
                "rule",
                format!("`max_size_mb: {mb}` is too large to count in bytes"),
            )
            .at(at("max_size_mb"))
            .hint("write the limit as the memo gives it, e.g. max_size_mb: 40"),
        );
    };
    Some(
        Diagnostic::error(
            "rule",
            format!(
                "`max_size_bytes` is {}, but `max_size_mb: {mb}` is {bytes} bytes (1 МБ = 1024 × 1024 bytes)",
                rule.max_size_bytes
            ),
        )
        .at(at("max_size_bytes"))
        .label(format!("not {mb} × {BYTES_PER_MB}"))
        .hint(format!(
            "write max_size_bytes: {bytes}, or correct max_size_mb; archives over warn_above_bytes ({}) get a warning anyway",
            rule.warn_above_bytes
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size_error(mb: &str, bytes: &str) -> Option<String> {
        let shipped = include_str!("../../content/fioko/archive-rule.yaml");
        let text: Arc<str> = Arc::from(
            shipped
                .replace("max_size_mb: 40\n", &format!("max_size_mb: {mb}\n"))
                .replace(
                    "max_size_bytes: 41943040\n",
                    &format!("max_size_bytes: {bytes}\n"),
                ),
        );
        let path = Path::new("content/fioko/archive-rule.yaml");
        let rule: ArchiveRule = yaml::parse(path, &text, "rule").unwrap();
        archive_size(&rule, path, &text).map(|d| format!("{} {}", d.position().unwrap(), d.message))
    }

    #[test]
    fn a_file_name_the_rule_would_not_recognise_fails_at_its_value() {
        let shipped = include_str!("../../content/fioko/archive-rule.yaml");
        let line = shipped
            .lines()
            .position(|l| l.trim_start().starts_with("file_name: \"Форма"))
            .unwrap()
            + 1;
        let text: Arc<str> = Arc::from(shipped.replace(
            "file_name: \"Форма подачи данных для оформления контракта.docx\"",
            "file_name: \"Форма подачи данных для оформления контракта.pdf\"",
        ));
        let path = Path::new("content/fioko/archive-rule.yaml");
        let rule: ArchiveRule = yaml::parse(path, &text, "rule").unwrap();
        let errors = archive_file_names(&rule, path, &text);
        assert_eq!(errors.len(), 1);
        let e = format!("{} {}", errors[0].position().unwrap(), errors[0].message);
        assert!(
            e.starts_with(&format!("content/fioko/archive-rule.yaml:{line}:16 ")),
            "{e}"
        );
        assert!(e.contains("ends in .pdf"), "{e}");
        let shipped: Arc<str> = Arc::from(shipped);
        let rule: ArchiveRule = yaml::parse(path, &shipped, "rule").unwrap();
        assert!(archive_file_names(&rule, path, &shipped).is_empty());
    }

    #[test]
    fn the_byte_limit_must_be_the_megabytes_times_1048576() {
        assert_eq!(size_error("40", "41943040"), None);
        // The band must lie below the limit: 40 000 000 is not below 1 МБ.
        let band = size_error("1", "1048576").unwrap();
        assert!(
            band.starts_with(
                "content/fioko/archive-rule.yaml:49:19 `warn_above_bytes` is 40000000"
            ),
            "{band}"
        );
        // The decimal reading is not what the schema says, and one byte off is a typo.
        for bytes in ["40000000", "41943041", "4194304"] {
            let e = size_error("40", bytes).expect(bytes);
            assert!(e.contains("`max_size_bytes` is "), "{e}");
            // At the value, not at the key's mention in the schema comment at the top.
            assert!(
                e.starts_with("content/fioko/archive-rule.yaml:48:17 "),
                "{e}"
            );
        }
        let zero = size_error("0", "0").unwrap();
        assert!(
            zero.starts_with("content/fioko/archive-rule.yaml:47:14 "),
            "{zero}"
        );
        let huge = size_error("18446744073709551615", "1").unwrap();
        assert!(huge.contains("too large to count in bytes"), "{huge}");
    }
}
