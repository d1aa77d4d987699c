//! YAML parsing with located errors. serde_norway is the maintained fork of the archived
//! serde_yaml: same API, and its errors carry the byte index, line and column, which is what
//! turns a misspelt key into a `file:line:col` diagnostic.

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Location};

mod locate;
pub use locate::{Found, Seg, key_at, value_at};

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
    // serde_norway appends " at line L column C"; the snippet shows that, so drop it.
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.clone(),
    };
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
    if !message.starts_with("missing field")
        && let Some(quoted) = first_quoted(&message)
    {
        let here = &text[offset..(offset + len).min(text.len())];
        if here != quoted
            && let Some(i) = find_token(slice, quoted)
        {
            offset = start + i;
            len = quoted.len();
        }
    }
    let hint = hint_for(&message);
    let mut d = Diagnostic::error(code, message).at(Location::new(file, text.clone(), offset, len));
    if let Some(h) = hint {
        d = d.hint(h);
    }
    d
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

fn hint_for(message: &str) -> Option<String> {
    if message.starts_with("unknown field") || message.contains("unknown variant") {
        // serde names the bad value first and then lists the expected ones.
        let bad = first_quoted(message).unwrap_or("");
        let expected: Vec<&str> = message
            .split_once("expected ")
            .map(|(_, e)| e.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let closest = expected
            .iter()
            .map(|e| (strsim::levenshtein(bad, e), *e))
            .filter(|(d, e)| *d <= 2.max(e.chars().count() / 3))
            .min();
        return Some(match closest {
            Some((_, e)) => format!("did you mean `{e}`?"),
            None if message.starts_with("unknown field") => {
                "remove the key or check its spelling".to_string()
            }
            None => "use one of the listed values".to_string(),
        });
    }
    if message.contains("end of stream") {
        return Some("a quote `\"` or a bracket `[` opened above is not closed".to_string());
    }
    if message.starts_with("missing field") {
        return Some("add the key to the front matter".to_string());
    }
    if message.contains("mapping values are not allowed")
        || message.contains("did not find expected")
    {
        return Some("check the indentation and quote values that contain `:` or `#`".to_string());
    }
    if message.starts_with("invalid type") {
        return Some(
            "check the value's type (quote text, use a list `[a, b]` for lists)".to_string(),
        );
    }
    None
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
            err.message.starts_with("unknown field `titel`"),
            "{}",
            err.message
        );
        assert_eq!(err.position().unwrap(), "a.md:3:1");
        assert_eq!(err.hint.unwrap(), "did you mean `title`?");
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
        assert_eq!(err.message, "missing field `title`");
        assert_eq!(err.position().unwrap(), "x.yaml:2:1");
    }

    #[test]
    fn syntax_error_is_located() {
        let text: Arc<str> = Arc::from("title: [a\n");
        let err = parse::<T>(Path::new("x.yaml"), &text, "yaml").unwrap_err();
        assert!(err.position().is_some());
    }
}
