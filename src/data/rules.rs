//! Rules as data: the ФИОКО archive rule (`*archive-rule.yaml`), the ЕСИА readiness rule
//! (`*readiness-rule.yaml`) and the ФИОКО registration form (`*registration-form.yaml`), read
//! into the checks crate's types so that a typo in a rule fails the build, not the validator.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use pamyatka_checks::account::{ReadinessRule, RegistrationForm};
use pamyatka_checks::archive::ArchiveRule;

use crate::content::Site;
use crate::diagnostic::Diagnostic;
use crate::yaml;

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
            Kind::Archive => yaml::parse::<ArchiveRule>(&file, text, "rule").map(|_| Vec::new()),
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
    yaml::parse(path, &text, "rule")
}
