//! Serde types for `content/fioko/archive-rule.yaml` (schema in `docs/DATA.md`).

use serde::{Deserialize, Serialize};

/// The document-package rule of ФГБУ «ФИОКО»: one archive per person.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ArchiveRule {
    /// The memo the rule comes from.
    pub source: String,
    /// Allowed archive extensions, lowercase, without the dot.
    pub formats: Vec<String>,
    /// All files of one person go into one archive.
    pub one_archive_per_person: bool,
    /// The limit as the memo writes it («40 МБ»).
    pub max_size_mb: u64,
    /// The same limit in bytes (1 МБ = 1024 × 1024 bytes).
    pub max_size_bytes: u64,
    /// Above this and up to `max_size_bytes` an archive is accepted with a warning: the memo
    /// does not say how it counts a megabyte, and 40 × 1 000 000 bytes is the other reading.
    pub warn_above_bytes: u64,
    /// Limit for all attachments of one message in the request's dialogue window.
    pub message_max_attachments_bytes: u64,
    /// The archive's file name.
    pub name: NameRule,
    /// What every archive must contain.
    pub documents: Vec<DocumentRule>,
    /// Files sent in the same request besides the archives.
    pub also_upload: Vec<String>,
}

/// Bytes in one megabyte of `max_size_mb`: the rule's schema counts 1 МБ as 1024 × 1024 bytes
/// (the validator rejects above `max_size_bytes` and only warns above `warn_above_bytes`, the
/// decimal reading).
pub const BYTES_PER_MB: u64 = 1024 * 1024;

impl ArchiveRule {
    /// `max_size_mb` in bytes, what `max_size_bytes` must be; `None` when it overflows.
    pub fn mb_in_bytes(&self) -> Option<u64> {
        self.max_size_mb.checked_mul(BYTES_PER_MB)
    }
}

impl DocumentRule {
    /// Why `file_name` cannot be right, for the builder: it has no extension, its extension is
    /// not one of `match.extensions`, or `match.words` would not recognise it.
    pub fn file_name_problem(&self) -> Option<FileNameProblem> {
        let wanted = self.file_name.as_deref()?;
        let Some(ext) = super::split_extension(wanted).1 else {
            return Some(FileNameProblem::NoExtension);
        };
        if let Some(list) = &self.matcher.extensions {
            if !list.iter().any(|e| e.eq_ignore_ascii_case(ext)) {
                return Some(FileNameProblem::ExtensionNotAllowed {
                    ext: ext.to_string(),
                    allowed: list.clone(),
                });
            }
        }
        if !super::documents::name_matches(&self.matcher, wanted) {
            return Some(FileNameProblem::NoMatchWord {
                words: self.matcher.words.clone(),
            });
        }
        None
    }
}

/// Why a document's `file_name` contradicts its own `match` ([`DocumentRule::file_name_problem`]),
/// for the builder to say in the editor's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileNameProblem {
    /// No extension: the memo's names have one (…docx).
    NoExtension,
    /// The extension is not one of `match.extensions`.
    ExtensionNotAllowed { ext: String, allowed: Vec<String> },
    /// None of the words of `match.words` is in the name.
    NoMatchWord { words: Vec<String> },
}

/// How the archive's file name (without its extension) is built.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NameRule {
    pub pattern: String,
    /// `region`, `surname`, `given-name`, `patronymic`, in order.
    pub parts: Vec<NamePart>,
    /// Characters allowed between parts (`"_"`, `" "`).
    pub separators: Vec<String>,
    pub example: String,
    pub note: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NamePart {
    pub id: String,
    pub label: String,
}

/// One required document.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DocumentRule {
    /// Stable ASCII id: `passport`, `inn`, `snils`, `bank`, `form`.
    pub id: String,
    /// Russian label shown to the reader.
    pub label: String,
    /// How a file inside the archive is recognised by its name.
    #[serde(rename = "match")]
    pub matcher: DocumentMatch,
    /// The exact file name the memo gives, extension included: only a file of this name (case,
    /// «ё»/«е» and spaces or underscores between words aside) is the document, and a file
    /// recognised by `match` under another name is asked to be renamed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DocumentMatch {
    /// Case-insensitive; «ё» and «е» are the same letter.
    pub words: Vec<String>,
    /// `true`: a word must equal a whole token (a run of letters) of the file name;
    /// `false`: a word may occur anywhere inside the name.
    pub whole_word: bool,
    /// The file must have one of these extensions (lowercase, without the dot).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Vec<String>>,
}
