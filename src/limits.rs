//! How long the texts editors write may be, and the checks of titles. A title is in the
//! navigation of every page: one title of 10 MB made a build of 15 s, 1.2 GB of memory and
//! 893 MB of output. The limits are far above anything a memo needs (the longest title of the
//! portal has 93 characters, the longest row action 259) and are counted in characters.

use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Location};
use crate::tr;
use crate::yaml::{self, Seg};

/// A page's, section's, site's, regulation table's, group's or role's title.
pub const TITLE_MAX: usize = 200;
/// A description (one sentence) and a regulation table's `document`.
pub const DESCRIPTION_MAX: usize = 500;
/// Each text of a regulation row (action, items, deadline, result, note, …).
pub const ROW_TEXT_MAX: usize = 2000;

/// The YAML an error points into: `text[start..end]` of `file`.
#[derive(Clone, Copy)]
pub struct Yaml<'a> {
    pub file: &'a Path,
    pub text: &'a Arc<str>,
    pub start: usize,
    pub end: usize,
}

impl<'a> Yaml<'a> {
    /// A whole YAML file.
    pub fn file(file: &'a Path, text: &'a Arc<str>) -> Self {
        Yaml {
            file,
            text,
            start: 0,
            end: text.len(),
        }
    }

    fn at(&self, d: Diagnostic, path: &[Seg]) -> Diagnostic {
        d.at(yaml::location_of(
            self.file, self.text, self.start, self.end, path,
        ))
    }

    /// A title: required (not empty, not blank, not YAML's null) and at most [`TITLE_MAX`]
    /// characters. `what` names it in the message, in the current language, as a noun phrase
    /// that can stand before a colon (`tr!("limits-what-title")`: «заголовок», "the title").
    pub fn title(&self, path: &[Seg], value: &str, what: &str) -> Option<Diagnostic> {
        let blank = value.trim().is_empty();
        // serde reads a `null` title as the text "null": only the YAML tells them apart.
        let null = matches!(value, "null" | "Null" | "NULL" | "~")
            && yaml::value_at(self.text, self.start, self.end, path).is_some_and(|f| f.null);
        if blank || null {
            let message = if null {
                tr!("limits-empty-null", what = what, value = value)
            } else {
                tr!("limits-empty", what = what)
            };
            let key = yaml::key_at(self.text, self.start, self.end, path);
            let d = Diagnostic::error(code(self.file), message);
            let d = match key {
                Some(k) => d.at(Location::new(self.file, self.text.clone(), k.offset, k.len)),
                None => self.at(d, path),
            };
            return Some(
                d.label(tr!("limits-empty.label"))
                    .hint(tr!("limits-empty.hint")),
            );
        }
        self.length(path, value, what, TITLE_MAX)
    }

    /// Any text with a limit: at most `max` characters.
    pub fn length(&self, path: &[Seg], value: &str, what: &str, max: usize) -> Option<Diagnostic> {
        // Counting stops just past the limit: a 10 MB value is not counted to its end.
        value.chars().nth(max)?;
        let n = value.chars().count();
        let hint = if max == TITLE_MAX {
            tr!("limits-too-long-title.hint")
        } else if max == DESCRIPTION_MAX {
            tr!("limits-too-long-description.hint")
        } else {
            tr!("limits-too-long-row.hint")
        };
        Some(
            self.at(
                Diagnostic::error(
                    code(self.file),
                    tr!("limits-too-long", what = what, n = n, max = max),
                ),
                path,
            )
            .label(tr!("limits-too-long.label"))
            .hint(hint),
        )
    }
}

/// The diagnostic code of a file's errors: the same as its parse errors'.
fn code(file: &Path) -> &'static str {
    let name = file.to_string_lossy().replace('\\', "/");
    if name.ends_with(".md") {
        "front-matter"
    } else if name == "content/site.yaml" {
        "site.yaml"
    } else {
        "regulation"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Option<Diagnostic> {
        let text: Arc<str> = Arc::from(text);
        let y = Yaml::file(Path::new("content/a.md"), &text);
        let title: String = serde_norway::from_str::<serde_json::Value>(&text).unwrap()["title"]
            .as_str()
            .map(String::from)
            .unwrap_or_else(|| "null".to_string());
        y.title(&[Seg::Key("title")], &title, "заголовок")
    }

    #[test]
    fn blank_and_null_titles_are_errors_at_the_key() {
        for text in [
            "weight: 1\ntitle: null\n",
            "weight: 1\ntitle: ~\n",
            "weight: 1\ntitle: \"  \"\n",
            "weight: 1\ntitle: \"\"\n",
        ] {
            let d = check(text).unwrap_or_else(|| panic!("{text:?} accepted"));
            assert!(d.message.starts_with("заголовок: пусто"), "{}", d.message);
            assert_eq!(d.position().unwrap(), "content/a.md:2:1", "{text:?}");
            assert_eq!(d.location.unwrap().len, "title".len());
        }
    }

    #[test]
    fn a_quoted_null_is_a_title() {
        assert!(check("title: \"null\"\n").is_none());
    }

    #[test]
    fn long_titles_are_errors_at_the_value() {
        let ok = format!("title: \"{}\"\n", "я".repeat(TITLE_MAX));
        assert!(check(&ok).is_none());
        let long = format!("# title: x\ntitle: \"{}\"\n", "я".repeat(TITLE_MAX + 1));
        let d = check(&long).expect("too long");
        assert_eq!(d.message, "заголовок: 201 символ, а можно не больше 200");
        assert_eq!(d.position().unwrap(), "content/a.md:2:8");
        // The whole quoted value is marked.
        assert_eq!(d.location.unwrap().len, "я".len() * 201 + 2);
    }
}
