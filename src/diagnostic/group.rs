//! Printing many diagnostics so that an editor can read them: a site with thousands of
//! checklist items without ids printed each warning in full (44 921 framed snippets for
//! 10 000 pages). The same warning — same code and [`Diagnostic::kind`], or same message when
//! it has no kind — is shown in full a few times ([`SHOWN`]), the rest as one line naming a
//! few of their files; a summary line counts errors and warnings by kind. Errors are always
//! shown in full, and so is everything when the caller asks for all (`--verbose`, `check`).
//!
//! The sentences are the catalogues' `diag-more` and `diag-summary-*` (see [`crate::i18n`]).

use std::borrow::Cow;
use std::collections::HashMap;

use super::{Diagnostic, Severity, display_path};

/// How many of one warning are shown in full.
pub const SHOWN: usize = 3;

/// How many files the line about the rest names.
const FILES_NAMED: usize = 3;

/// The name of a diagnostic's kind in the summary: `code-kind`, or the code alone.
pub fn label(d: &Diagnostic) -> Cow<'static, str> {
    match d.kind {
        Some(kind) => Cow::Owned(format!("{}-{kind}", d.code)),
        None => Cow::Borrowed(d.code),
    }
}

/// What makes two warnings «the same»: the code and the kind, or the message without one.
fn same_key(d: &Diagnostic) -> (&'static str, Cow<'_, str>) {
    match d.kind {
        Some(kind) => (d.code, Cow::Borrowed(kind)),
        // A message never starts with a line break, so it is never taken for a kind.
        None => (d.code, Cow::Owned(format!("\n{}", d.message))),
    }
}

/// The warnings of one kind not shown in full.
#[derive(Default)]
struct Hidden {
    count: usize,
    files: Vec<String>,
    more_files: usize,
}

/// The text blocks to print for `list`, in its order: each error, and the first [`SHOWN`] of
/// each warning, rendered in full (all of them when `all`); then one line for each warning
/// with more, in the order of their first appearance.
pub fn render(list: &[Diagnostic], all: bool, color: bool) -> Vec<String> {
    let mut seen: HashMap<(&'static str, Cow<'_, str>), usize> = HashMap::new();
    // Per kind of warning: its label and what was not shown.
    let mut hidden: Vec<(Cow<'static, str>, Hidden)> = Vec::new();
    let mut out = Vec::new();
    for d in list {
        if all || d.severity == Severity::Error {
            out.push(d.render(color));
            continue;
        }
        let next = hidden.len();
        let group = *seen.entry(same_key(d)).or_insert(next);
        if group == next {
            hidden.push((label(d), Hidden::default()));
        }
        let h = &mut hidden[group].1;
        h.count += 1;
        if h.count <= SHOWN {
            out.push(d.render(color));
            continue;
        }
        if let Some(loc) = &d.location {
            let file = display_path(&loc.file);
            if !h.files.contains(&file) {
                if h.files.len() < FILES_NAMED {
                    h.files.push(file);
                } else {
                    h.more_files += 1;
                }
            }
        }
    }
    out.extend(
        hidden
            .iter()
            .filter(|(_, h)| h.count > SHOWN)
            .map(|(label, h)| more_line(h.count - SHOWN, label, &h.files, h.more_files)),
    );
    out
}

/// «… и ещё 4 917 таких же предупреждений (checklist-no-id) в a.md, b.md, c.md и ещё в 1 200
/// файлах; все покажет `--verbose`» (`diag-more` in the catalogues).
pub fn more_line(n: usize, label: &str, files: &[String], more_files: usize) -> String {
    let files = if files.is_empty() {
        "none".to_owned()
    } else {
        files.join(", ")
    };
    crate::tr!(
        "diag-more",
        n = n,
        label = label,
        files = files,
        more_files = more_files
    )
}

/// «Ошибок: 0. Предупреждений: 4 920 (checklist-no-id: 4 917, link: 3).»; `None` when `list`
/// is empty. Kinds with more first.
pub fn summary_line(list: &[Diagnostic]) -> Option<String> {
    if list.is_empty() {
        return None;
    }
    // The total of one severity and its kinds («checklist-no-id: 4 917, link: 3», or "none").
    let part = |severity: Severity| {
        let mut counts: Vec<(Cow<'static, str>, usize)> = Vec::new();
        for d in list.iter().filter(|d| d.severity == severity) {
            let l = label(d);
            match counts.iter_mut().find(|(k, _)| *k == l) {
                Some((_, n)) => *n += 1,
                None => counts.push((l, 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let total: usize = counts.iter().map(|(_, n)| n).sum();
        let kinds: Vec<String> = counts
            .iter()
            .map(|(k, n)| format!("{k}: {}", number(*n)))
            .collect();
        let kinds = if kinds.is_empty() {
            "none".to_owned()
        } else {
            kinds.join(", ")
        };
        (total, kinds)
    };
    let (errors, error_kinds) = part(Severity::Error);
    let (warnings, warning_kinds) = part(Severity::Warning);
    Some(format!(
        "{}. {}.",
        crate::tr!(
            "diag-summary-errors",
            errors = errors,
            error_kinds = error_kinds
        ),
        crate::tr!(
            "diag-summary-warnings",
            warnings = warnings,
            warning_kinds = warning_kinds
        )
    ))
}

/// A count with its thousands apart by non-breaking spaces: `4 917`.
fn number(n: usize) -> String {
    pamyatka_checks::archive::group_digits(n as u64)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::diagnostic::Location;

    fn no_id(file: &str) -> Diagnostic {
        let src: Arc<str> = Arc::from("- [ ] Паспорт\n");
        Diagnostic::warning("checklist", "checklist item has no id")
            .kind("no-id")
            .at(Location::new(file, src, 0, 5))
    }

    #[test]
    fn the_same_warning_is_shown_three_times_then_one_line() {
        let mut list: Vec<Diagnostic> = (0..1000)
            .map(|i| no_id(&format!("content/p{i}.md")))
            .collect();
        list.push(Diagnostic::warning(
            "section",
            "content/x/ has no _index.md",
        ));
        list.push(Diagnostic::error("link", "broken"));
        let out = render(&list, false, false);
        assert_eq!(out.len(), SHOWN + 2 + 1, "{out:#?}");
        assert!(out[0].contains("content/p0.md"));
        assert_eq!(
            out.last().unwrap(),
            "… и ещё 997 таких же предупреждений (checklist-no-id) в content/p3.md, content/p4.md, content/p5.md и ещё в 994 файлах; все покажет `--verbose`"
        );
        assert_eq!(render(&list, true, false).len(), 1002);
        assert_eq!(
            summary_line(&list).unwrap(),
            "Ошибок: 1 (link: 1). Предупреждений: 1\u{a0}001 (checklist-no-id: 1\u{a0}000, section: 1)."
        );
    }

    #[test]
    fn warnings_without_a_kind_are_the_same_only_with_the_same_message() {
        let list: Vec<Diagnostic> = (0..5)
            .map(|i| Diagnostic::warning("calendar", format!("content/calendar/{i}.yaml")))
            .chain((0..5).map(|_| Diagnostic::warning("calendar", "same")))
            .collect();
        let out = render(&list, false, false);
        assert_eq!(out.len(), 5 + SHOWN + 1, "{out:#?}");
        assert!(
            out.last()
                .unwrap()
                .starts_with("… и ещё 2 таких же предупреждения (calendar);")
        );
        assert_eq!(
            summary_line(&list).unwrap(),
            "Ошибок: 0. Предупреждений: 10 (calendar: 10)."
        );
        assert_eq!(summary_line(&[]), None);
    }

    #[test]
    fn numbers_have_their_thousands_apart() {
        assert_eq!(number(7), "7");
        assert_eq!(number(4917), "4\u{a0}917");
        assert_eq!(number(1_000_000), "1\u{a0}000\u{a0}000");
    }
}
