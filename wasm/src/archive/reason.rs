//! Why an archive is refused or warned about: a typed [`Reason`] with its stable code (the
//! browser and the CLI key on it), its [`Severity`] and the Russian message that says how to
//! fix it. The report's JSON keeps the codes and the messages as two parallel lists
//! (`reasons`, `messages`); nothing reads a code back to learn what it means.

use std::borrow::Cow;

/// What a [`Reason`] is about. Each kind has one code ([`Reason::code`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReasonKind {
    /// `not_an_archive`: the file's bytes are not an archive.
    NotAnArchive,
    /// `format_not_allowed`: an archive format, or an extension, the rule does not allow.
    FormatNotAllowed,
    /// `extension_mismatch` (warns): an allowed extension, but another allowed format inside.
    ExtensionMismatch,
    /// `too_large`: above the rule's `max_size_mb`.
    TooLarge,
    /// `size_over_<bytes>_bytes` (warns): in the rule's warning band below the limit, above
    /// this many bytes (`warn_above_bytes`).
    SizeOver(u64),
    /// `name_ambiguous_region`: the region's words name more than one subject.
    NameAmbiguousRegion,
    /// `name_missing_region`: no region first in the name.
    NameMissingRegion,
    /// `name_unknown_region`: words in the region's place that name no subject.
    NameUnknownRegion,
    /// `name_latin_letters`: Latin letters in the name.
    NameLatinLetters,
    /// `name_incomplete:name`: no given name (and no patronymic) after the region.
    NameMissingGivenName,
    /// `name_incomplete:patronymic`: no patronymic.
    NameMissingPatronymic,
    /// `name_extra_tokens`: more than three words after the region.
    NameExtraTokens,
    /// `name_invalid_characters`: characters a surname, name or patronymic cannot have.
    NameInvalidCharacters,
    /// `archive_damaged`: the table of contents cannot be read.
    ArchiveDamaged,
    /// `encrypted`: a password on the archive or on files in it.
    Encrypted,
    /// `nested_archive`: an archive inside the archive.
    NestedArchive,
    /// `unsafe_entry_path`: a file that would unpack outside the folder.
    UnsafeEntryPath,
    /// `suspicious_compression_ratio` (warns): far more unpacked than packed.
    SuspiciousCompressionRatio,
    /// `form_not_valid_docx`: the contract form is not a real `.docx`.
    FormNotValidDocx,
    /// `missing_document:<id>`: the rule's document with this id is not in the archive.
    MissingDocument(String),
}

/// What a reason does to the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The archive is accepted with a warning (if nothing rejects it).
    Warning,
    /// The archive is rejected.
    Reject,
}

/// One reason of an [`super::ArchiveReport`]: what is wrong, and the Russian message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub kind: ReasonKind,
    /// Russian, saying how to fix it.
    pub message: String,
}

impl Reason {
    pub(crate) fn new(kind: ReasonKind, message: impl Into<String>) -> Self {
        Reason {
            kind,
            message: message.into(),
        }
    }

    /// The stable code (`not_an_archive`, `size_over_40000000_bytes`,
    /// `missing_document:passport`, …).
    pub fn code(&self) -> Cow<'static, str> {
        use ReasonKind::*;
        Cow::Borrowed(match &self.kind {
            NotAnArchive => "not_an_archive",
            FormatNotAllowed => "format_not_allowed",
            ExtensionMismatch => "extension_mismatch",
            TooLarge => "too_large",
            SizeOver(bytes) => return Cow::Owned(format!("size_over_{bytes}_bytes")),
            NameAmbiguousRegion => "name_ambiguous_region",
            NameMissingRegion => "name_missing_region",
            NameUnknownRegion => "name_unknown_region",
            NameLatinLetters => "name_latin_letters",
            NameMissingGivenName => "name_incomplete:name",
            NameMissingPatronymic => "name_incomplete:patronymic",
            NameExtraTokens => "name_extra_tokens",
            NameInvalidCharacters => "name_invalid_characters",
            ArchiveDamaged => "archive_damaged",
            Encrypted => "encrypted",
            NestedArchive => "nested_archive",
            UnsafeEntryPath => "unsafe_entry_path",
            SuspiciousCompressionRatio => "suspicious_compression_ratio",
            FormNotValidDocx => "form_not_valid_docx",
            MissingDocument(id) => return Cow::Owned(format!("missing_document:{id}")),
        })
    }

    /// Whether the reason only warns or rejects the archive.
    pub fn severity(&self) -> Severity {
        match self.kind {
            ReasonKind::ExtensionMismatch
            | ReasonKind::SizeOver(_)
            | ReasonKind::SuspiciousCompressionRatio => Severity::Warning,
            _ => Severity::Reject,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_with_a_value_carry_it_and_only_three_kinds_warn() {
        let r = |kind| Reason::new(kind, "—");
        assert_eq!(
            r(ReasonKind::SizeOver(40_000_000)).code(),
            "size_over_40000000_bytes"
        );
        assert_eq!(
            r(ReasonKind::MissingDocument("inn".into())).code(),
            "missing_document:inn"
        );
        assert_eq!(
            r(ReasonKind::NameMissingPatronymic).code(),
            "name_incomplete:patronymic"
        );
        assert_eq!(r(ReasonKind::SizeOver(1)).severity(), Severity::Warning);
        assert_eq!(r(ReasonKind::TooLarge).severity(), Severity::Reject);
        assert_eq!(
            r(ReasonKind::MissingDocument("form".into())).severity(),
            Severity::Reject
        );
    }
}
