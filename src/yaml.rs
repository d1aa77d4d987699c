//! YAML parsing with located errors. serde_norway is the maintained fork of the archived
//! serde_yaml: same API, and its errors carry the byte index, line and column, which is what
//! turns a misspelt key into a `file:line:col` diagnostic.

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Location};

mod locate;
mod serde_text;
pub use locate::{Found, Seg, key_at, value_at};
use serde_text::Form;

/// Parse `text[start..end]` as YAML into `T`; errors point into the whole file `text`.
pub fn parse_slice<T: DeserializeOwned>(
    file: &Path,
    text: &Arc<str>,
    start: usize,
    end: usize,
    code: &'static str,
) -> Result<T, Diagnostic> {
    let slice = &text[start..end];
    serde_norway::from_str::<T>(slice).map_err(|err| located(file, text, start, slice, &err, code))
}

/// Parse a whole file as YAML.
pub fn parse<T: DeserializeOwned>(
    file: &Path,
    text: &Arc<str>,
    code: &'static str,
) -> Result<T, Diagnostic> {
    parse_slice(file, text, 0, text.len(), code)
}

fn located(
    file: &Path,
    text: &Arc<str>,
    start: usize,
    slice: &str,
    err: &serde_norway::Error,
    code: &'static str,
) -> Diagnostic {
    let raw = err.to_string();
    // serde_norway appends " at line L column C" (and libyaml its context); the snippet shows
    // that, so drop it.
    let raw = match raw.find(" at line ") {
        Some(i) => &raw[..i],
        None => raw.as_str(),
    };
    let (path, english) = split_path(raw);
    let form = Form::parse(english);
    let (mut offset, mut len) = match err.location() {
        Some(loc) => {
            let idx = loc.index().min(slice.len());
            let len = token_len(&slice[idx..]);
            (start + idx, len)
        }
        None => (start, 0),
    };
    // Errors raised while converting a value (a bad date, an unknown audience) are reported at
    // the enclosing mapping; point at the value itself when the message quotes it. A missing
    // field is not in the mapping: the same word elsewhere (a schema comment) is not it.
    if !matches!(form, Form::MissingField(_))
        && let Some(quoted) = first_quoted(english)
    {
        let here = &text[offset..(offset + len).min(text.len())];
        if here != quoted
            && let Some(i) = find_token(slice, quoted)
        {
            offset = start + i;
            len = quoted.len();
        }
    }
    let message = match path {
        Some(path) => format!("{path}: {}", form.message()),
        None => form.message().into_owned(),
    };
    let mut d = Diagnostic::error(code, message).at(Location::new(file, text.clone(), offset, len));
    if let Some(h) = form.hint() {
        d = d.hint(h);
    }
    d
}

/// serde_norway's `path: message` (`changes[1].date: invalid date …`) split into the path, when
/// there is one, and the message.
fn split_path(raw: &str) -> (Option<&str>, &str) {
    match raw.split_once(": ") {
        Some((path, message))
            if !path.is_empty()
                && !path.contains(|c: char| c.is_whitespace() || c == '`' || c == '"') =>
        {
            (Some(path), message)
        }
        _ => (None, raw),
    }
}

/// Whether `d` is serde's «missing field» for the key `field` (at the top of its file), in
/// whatever language it was said.
pub fn is_missing_field(d: &Diagnostic, field: &str) -> bool {
    d.message == crate::tr!("yaml-missing-field", field = field)
}

/// A location at the value at `path` in the YAML `text[start..end]` of `file`, or at its key when
/// the value is null or empty (there is nothing else to point at); at the start of the YAML
/// when the path is not there.
pub fn location_of(
    file: &Path,
    text: &Arc<str>,
    start: usize,
    end: usize,
    path: &[Seg],
) -> Location {
    let found = match value_at(text, start, end, path) {
        Some(v) if v.null => key_at(text, start, end, path).or(Some(v)),
        other => other,
    };
    match found {
        Some(f) => Location::new(file, text.clone(), f.offset, f.len),
        None => Location::new(file, text.clone(), start, 0),
    }
}

/// Byte span of the first `backticked` value of `message` in `text`, if it is there.
pub fn locate_quoted(text: &str, message: &str) -> Option<(usize, usize)> {
    let quoted = first_quoted(message)?;
    find_token(text, quoted).map(|i| (i, quoted.len()))
}

/// The first `backticked` text of a message.
fn first_quoted(message: &str) -> Option<&str> {
    let (_, rest) = message.split_once('`')?;
    let (q, _) = rest.split_once('`')?;
    (!q.is_empty()).then_some(q)
}

/// Offset of `token` in `text` where it stands alone (not inside a longer word).
fn find_token(text: &str, token: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    text.match_indices(token).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + token.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// Length of the token at the start of `rest`: up to `:`, whitespace or end of line.
fn token_len(rest: &str) -> usize {
    rest.find([':', '\n', ' ', '\t', ','])
        .unwrap_or(rest.len())
        .max(1)
        .min(rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: String,
    }

    #[test]
    fn unknown_field_points_at_key_in_whole_file() {
        let text: Arc<str> = Arc::from("---\ntitle: a\ntitel: b\n---\nbody");
        let err = parse_slice::<T>(Path::new("a.md"), &text, 4, 21, "front-matter").unwrap_err();
        assert!(
            err.message.starts_with("неизвестный ключ `titel`"),
            "{}",
            err.message
        );
        assert_eq!(err.position().unwrap(), "a.md:3:1");
        assert_eq!(err.hint.unwrap(), "возможно, вы имели в виду `title`?");
    }

    #[test]
    fn a_missing_field_points_at_its_mapping_not_at_a_comment_naming_it() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Page {
            title: String,
            description: String,
        }
        let text: Arc<str> = Arc::from("# title: the page's title\ndescription: x\n");
        let err = parse::<Page>(Path::new("x.yaml"), &text, "yaml").unwrap_err();
        assert_eq!(err.message, "не указан обязательный ключ `title`");
        assert!(is_missing_field(&err, "title"));
        assert!(!is_missing_field(&err, "description"));
        assert_eq!(err.position().unwrap(), "x.yaml:2:1");
    }

    #[test]
    fn syntax_error_is_located() {
        let text: Arc<str> = Arc::from("title: [a\n");
        let err = parse::<T>(Path::new("x.yaml"), &text, "yaml").unwrap_err();
        assert!(err.position().is_some());
    }

    #[test]
    fn a_path_before_the_message_is_kept_and_the_message_translated() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct List {
            items: Vec<T>,
        }
        let text: Arc<str> = Arc::from("items:\n  - title: a\n    titl: b\n");
        let err = parse::<List>(Path::new("x.yaml"), &text, "yaml").unwrap_err();
        assert_eq!(
            err.message,
            "items[0]: неизвестный ключ `titl`; допустим только ключ `title`"
        );
        assert_eq!(err.position().unwrap(), "x.yaml:3:5");
        let text: Arc<str> = Arc::from("items:\n  - title: [a]\n");
        let err = parse::<List>(Path::new("x.yaml"), &text, "yaml").unwrap_err();
        assert_eq!(
            err.message,
            "items[0].title: неподходящее значение: список, а ожидалась строка"
        );
    }
}
