//! Rules as data: the ФИОКО archive rule (`*archive-rule.yaml`), the ЕСИА readiness rule
//! (`*readiness-rule.yaml`) and the ФИОКО registration form (`*registration-form.yaml`), read
//! into the checks crate's types so that a typo in a rule fails the build, not the validator.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use pamyatka_checks::account::{ReadinessRule, RegistrationForm, RuleProblem};
use pamyatka_checks::archive::{ArchiveRule, BYTES_PER_MB, DocumentRule, FileNameProblem};

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
                list.iter()
                    .map(|p| super::data_error("rule", rel, text, rule_problem_message(p))),
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
                crate::tr!(
                    "rule-unreadable",
                    path = path.display().to_string(),
                    error = crate::i18n::io_error(&e)
                ),
            )
            .hint(crate::tr!("rule-unreadable.hint"))
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
                Diagnostic::error("rule", file_name_message(doc, &problem))
                    .at(yaml::location_of(file, text, 0, text.len(), &path))
                    .hint(crate::tr!("rule-file-name.hint")),
            )
        })
        .collect()
}

/// Why a document's `file_name` contradicts its `match`, in the editor's language.
fn file_name_message(doc: &DocumentRule, p: &FileNameProblem) -> String {
    use crate::tr;
    let name = doc.file_name.as_deref().unwrap_or_default();
    match p {
        FileNameProblem::NoExtension => tr!("rule-file-name-no-extension", name = name),
        FileNameProblem::ExtensionNotAllowed { ext, allowed } => tr!(
            "rule-file-name-extension",
            name = name,
            ext = ext,
            allowed = allowed.join(", ")
        ),
        FileNameProblem::NoMatchWord { words } => {
            tr!(
                "rule-file-name-no-word",
                name = name,
                words = words.join(", ")
            )
        }
    }
}

/// An inconsistency of the readiness rule or the registration form, in the editor's language;
/// the value at fault is the first one in backticks (where [`super::data_error`] points).
fn rule_problem_message(p: &RuleProblem) -> String {
    use crate::tr;
    match p {
        RuleProblem::LevelOrder { found } => tr!("rule-level-order", found = found.join(", ")),
        RuleProblem::RequiredLevelMissing { level } => {
            tr!("rule-required-level-missing", level = *level)
        }
        RuleProblem::DuplicateField { id } => tr!("rule-field-twice", id = id),
        RuleProblem::SameAsMissing { field, target } => {
            tr!("rule-same-as-missing", field = field, target = target)
        }
    }
}

/// The archive rule's two sizes must agree: `max_size_bytes` is `max_size_mb` × 1024 × 1024,
/// as the rule file's schema says (the validator rejects above `max_size_bytes`, and warns
/// between the decimal reading, × 1 000 000, and it). Located at the value at fault.
fn archive_size(rule: &ArchiveRule, file: &Path, text: &Arc<str>) -> Option<Diagnostic> {
    let at = |key| yaml::location_of(file, text, 0, text.len(), &[Seg::Key(key)]);
    if rule.max_size_mb == 0 {
        return Some(
            Diagnostic::error("rule", crate::tr!("rule-size-zero"))
                .at(at("max_size_mb"))
                .hint(crate::tr!("rule-size-zero.hint")),
        );
    }
    let expected = rule.mb_in_bytes();
    if expected == Some(rule.max_size_bytes) {
        // The warning band lies below the limit, else nothing would ever be warned about.
        return (rule.warn_above_bytes >= rule.max_size_bytes).then(|| {
            Diagnostic::error(
                "rule",
                crate::tr!(
                    "rule-warn-not-below",
                    warn = rule.warn_above_bytes.to_string(),
                    max = rule.max_size_bytes.to_string()
                ),
            )
            .at(at("warn_above_bytes"))
            .hint(crate::tr!(
                "rule-warn-not-below.hint",
                decimal = rule.max_size_mb.saturating_mul(1_000_000).to_string()
            ))
        });
    }
    let mb = rule.max_size_mb;
    let Some(bytes) = expected else {
        return Some(
            Diagnostic::error(
                "rule",
                crate::tr!("rule-size-too-large", mb = mb.to_string()),
            )
            .at(at("max_size_mb"))
            .hint(crate::tr!("rule-size-zero.hint")),
        );
    };
    Some(
        Diagnostic::error(
            "rule",
            crate::tr!(
                "rule-size-mismatch",
                bytes = rule.max_size_bytes.to_string(),
                mb = mb.to_string(),
                expected = bytes.to_string()
            ),
        )
        .at(at("max_size_bytes"))
        .label(crate::tr!(
            "rule-size-mismatch.label",
            mb = mb.to_string(),
            per_mb = BYTES_PER_MB.to_string()
        ))
        .hint(crate::tr!(
            "rule-size-mismatch.hint",
            expected = bytes.to_string(),
            warn = rule.warn_above_bytes.to_string()
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A frozen copy of `content/fioko/archive-rule.yaml` (the checks crate's fixture, so that
    /// there is one copy): the positions below are its lines, whatever an editor does to the
    /// real file, which `tests/content.rs` checks.
    const RULE: &str = include_str!("../../wasm/tests/fixtures/fioko/archive-rule.yaml");

    fn size_error(mb: &str, bytes: &str) -> Option<String> {
        let text: Arc<str> = Arc::from(
            RULE.replace("max_size_mb: 40\n", &format!("max_size_mb: {mb}\n"))
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
        let line = RULE
            .lines()
            .position(|l| l.trim_start().starts_with("file_name: \"Форма"))
            .unwrap()
            + 1;
        let text: Arc<str> = Arc::from(RULE.replace(
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
        assert!(e.contains(".pdf") && e.contains("docx"), "{e}");
        // The rule as it is has no such error.
        let original: Arc<str> = Arc::from(RULE);
        let rule: ArchiveRule = yaml::parse(path, &original, "rule").unwrap();
        assert!(archive_file_names(&rule, path, &original).is_empty());
    }

    #[test]
    fn the_byte_limit_must_be_the_megabytes_times_1048576() {
        assert_eq!(size_error("40", "41943040"), None);
        // The band must lie below the limit: 40 000 000 is not below 1 МБ.
        let band = size_error("1", "1048576").unwrap();
        assert!(
            band.starts_with(
                "content/fioko/archive-rule.yaml:49:19 `warn_above_bytes` равно 40000000"
            ),
            "{band}"
        );
        // The decimal reading is not what the schema says, and one byte off is a typo.
        for bytes in ["40000000", "41943041", "4194304"] {
            let e = size_error("40", bytes).expect(bytes);
            assert!(e.contains("`max_size_bytes` равно "), "{e}");
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
        assert!(huge.contains("слишком велико"), "{huge}");
    }

    #[test]
    fn the_size_mismatch_speaks_both_languages() {
        use crate::i18n::{FluentArgs, Lang, message_in};
        let mut args = FluentArgs::new();
        for (k, v) in [
            ("bytes", "40000000"),
            ("mb", "40"),
            ("expected", "41943040"),
        ] {
            args.set(k, v);
        }
        let ru = message_in(Lang::Ru, "rule-size-mismatch", Some(&args));
        let en = message_in(Lang::En, "rule-size-mismatch", Some(&args));
        assert_eq!(
            ru,
            "`max_size_bytes` равно 40000000, но `max_size_mb: 40` — это 41943040 байт (1 МБ = 1024 × 1024 байт)"
        );
        assert_eq!(
            en,
            "`max_size_bytes` is 40000000, but `max_size_mb: 40` is 41943040 bytes (1 МБ = 1024 × 1024 bytes)"
        );
    }
}
