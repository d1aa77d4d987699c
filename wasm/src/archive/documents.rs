//! Recognising the required documents by the names of the files inside the archive.

use super::name::{base_name, fold, is_letter, split_extension};
use super::rule::DocumentMatch;

/// Whether the file's name (folders and extension aside) contains one of the rule's words.
pub(crate) fn name_matches(m: &DocumentMatch, entry: &str) -> bool {
    let base = base_name(entry);
    let (stem, ext) = split_extension(base);
    // A name such as «ИНН.» or «.pdf» still counts by its letters.
    let stem = if ext.is_none() { base } else { stem };
    let stem = fold(stem);
    if m.whole_word {
        let tokens: Vec<&str> = stem
            .split(|c: char| !is_letter(c))
            .filter(|t| !t.is_empty())
            .collect();
        m.words.iter().any(|w| {
            let w = fold(w);
            tokens.iter().any(|t| *t == w)
        })
    } else {
        m.words.iter().any(|w| stem.contains(&fold(w)))
    }
}

/// The name folded for comparison: lowercase, «ё» = «е», words parted by one space whether
/// spaces or underscores part them.
fn comparable(name: &str) -> String {
    fold(name)
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the entry is the file named `wanted` (the rule's `file_name`), folders aside.
pub(crate) fn is_file_named(wanted: &str, entry: &str) -> bool {
    comparable(base_name(entry)) == comparable(wanted)
}

/// Whether the entry has the name `wanted`, whatever its extension («….doc» for «….docx»).
pub(crate) fn has_stem_of(wanted: &str, entry: &str) -> bool {
    comparable(split_extension(base_name(entry)).0) == comparable(split_extension(wanted).0)
}

/// The entry's extension, lowercase.
pub(crate) fn extension(entry: &str) -> Option<String> {
    split_extension(base_name(entry))
        .1
        .map(str::to_ascii_lowercase)
}

/// Whether the file has one of the rule's extensions (any, when the rule names none).
pub(crate) fn extension_matches(m: &DocumentMatch, entry: &str) -> bool {
    match &m.extensions {
        None => true,
        Some(list) => {
            extension(entry).is_some_and(|e| list.iter().any(|x| x.eq_ignore_ascii_case(&e)))
        }
    }
}
