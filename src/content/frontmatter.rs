//! Front matter: the YAML block between `---` lines at the top of every Markdown file.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use pamyatka_checks::date::IsoDate;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date;
use crate::diagnostic::{Diagnostic, Location};
use crate::tr;

/// Typed front matter; unknown keys are errors so that a misspelt key is never silently ignored.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    /// One sentence: who the page is for and what it helps to do.
    #[serde(default)]
    pub description: Option<String>,
    /// Order within the section; smaller first, then by title.
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub audience: Vec<Audience>,
    #[serde(default, deserialize_with = "date::plausible_option")]
    #[schemars(with = "Option<date::Plausible>")]
    pub updated: Option<IsoDate>,
    #[serde(default)]
    pub source: Option<SourceInfo>,
    /// Template to render the page with, instead of the default for its kind.
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub draft: bool,
    /// `false`: not in the site navigation (the search page, say). Default: shown.
    #[serde(default)]
    pub nav: Option<bool>,
    /// What changed on the page and when: shown under «Что изменилось», on the home page and
    /// in the Atom feeds (`feed.rs`).
    #[serde(default)]
    pub changes: Vec<Change>,
}

/// One change of a page: `- date: 2026-12-03` / `text: "Добавили …"`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    #[serde(deserialize_with = "date::plausible")]
    #[schemars(with = "date::Plausible")]
    pub date: IsoDate,
    pub text: ChangeText,
}

/// What changed, in one line: not empty, no line breaks (a feed entry's title).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeText(pub String);

/// The longest a change's line may be: a sentence, not a page.
pub const MAX_CHANGE_CHARS: usize = 300;

impl<'de> Deserialize<'de> for ChangeText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Checked inside the visitor, so that serde_norway reports the error at the value.
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = ChangeText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("one line saying what changed")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<ChangeText, E> {
                let line = s.trim();
                if line.is_empty() {
                    return Err(E::custom(crate::tr!("fm-change-empty")));
                }
                if line.contains(['\n', '\r']) {
                    return Err(E::custom(crate::tr!("fm-change-line-break")));
                }
                let chars = line.chars().count();
                if chars > MAX_CHANGE_CHARS {
                    return Err(E::custom(crate::tr!(
                        "fm-change-too-long",
                        chars = chars,
                        max = MAX_CHANGE_CHARS
                    )));
                }
                Ok(ChangeText(line.to_string()))
            }
        }
        d.deserialize_str(V)
    }
}

impl JsonSchema for ChangeText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ChangeText".into()
    }

    /// What the deserializer accepts: one line with a character that is not a space, at most
    /// [`MAX_CHANGE_CHARS`] long (spaces around it are trimmed by the loader).
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": r"^\s*\S[^\r\n]*\s*$",
            "maxLength": MAX_CHANGE_CHARS,
        })
    }
}

impl Serialize for ChangeText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Where a memo's facts come from.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceInfo {
    pub document: String,
    /// The organisation that issued the document; leave it out when the document does not
    /// say (the page then says «в памятке не указано», as it does for a missing region, date
    /// and version).
    #[serde(default)]
    pub organisation: Option<String>,
    /// The region the document is for (`Алтайский край`), shown after the source.
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "date::plausible_option")]
    #[schemars(with = "Option<date::Plausible>")]
    pub date: Option<IsoDate>,
    /// The document's version as it writes it (`1.1`), when it gives one; shown with the date.
    #[serde(default)]
    pub version: Option<String>,
}

/// Who a guide is for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Parents,
    Schools,
    Municipalities,
    Operator,
    Experts,
}

impl Audience {
    pub const ALL: [Audience; 5] = [
        Audience::Parents,
        Audience::Schools,
        Audience::Municipalities,
        Audience::Operator,
        Audience::Experts,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Audience::Parents => "parents",
            Audience::Schools => "schools",
            Audience::Municipalities => "municipalities",
            Audience::Operator => "operator",
            Audience::Experts => "experts",
        }
    }

    /// Russian name shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Parents => "Родителям и ученикам",
            Audience::Schools => "Школам и образовательным организациям",
            Audience::Municipalities => "Муниципалитетам (МОУО)",
            Audience::Operator => "Оператору ГИС",
            Audience::Experts => "Экспертам",
        }
    }
}

/// A Markdown file split into its front matter and body.
#[derive(Debug)]
pub struct Split {
    /// Byte range of the YAML inside the file.
    pub yaml: (usize, usize),
    /// Byte offset where the Markdown body starts.
    pub body: usize,
}

/// Find the `---` … `---` block at the top of `text`.
pub fn split(file: &Path, text: &Arc<str>) -> Result<Split, Diagnostic> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != "---" {
        return Err(Diagnostic::error("front-matter", tr!("fm-missing"))
            .at(Location::new(
                file,
                text.clone(),
                start,
                first_line_end.min(3),
            ))
            .label(tr!("fm-missing.label"))
            .hint(tr!("fm-missing.hint")));
    }
    let yaml_start = start + first_line_end;
    let mut pos = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return Ok(Split {
                yaml: (yaml_start, pos),
                body: pos + line.len(),
            });
        }
        pos += line.len();
    }
    Err(Diagnostic::error("front-matter", tr!("fm-unclosed"))
        .at(Location::new(file, text.clone(), start, 3))
        .label(tr!("fm-unclosed.label"))
        .hint(tr!("fm-unclosed.hint")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let text: Arc<str> = Arc::from("---\ntitle: a\n---\n# Body\n");
        let s = split(Path::new("a.md"), &text).unwrap();
        assert_eq!(&text[s.yaml.0..s.yaml.1], "title: a\n");
        assert_eq!(&text[s.body..], "# Body\n");
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let text: Arc<str> = Arc::from("\u{feff}---\r\ntitle: a\r\n---\r\nbody");
        let s = split(Path::new("a.md"), &text).unwrap();
        assert_eq!(&text[s.body..], "body");
    }

    #[test]
    fn missing_and_unclosed_are_errors() {
        let t1: Arc<str> = Arc::from("# no front matter");
        assert!(
            split(Path::new("a.md"), &t1)
                .unwrap_err()
                .message
                .contains("нет front matter")
        );
        let t2: Arc<str> = Arc::from("---\ntitle: a\n");
        assert!(
            split(Path::new("a.md"), &t2)
                .unwrap_err()
                .message
                .contains("не закрыт")
        );
    }

    #[test]
    fn changes_need_a_date_and_one_line_located_at_the_value() {
        let parse = |yaml: &str| {
            let text: Arc<str> = Arc::from(format!("title: a\nchanges:\n{yaml}"));
            crate::yaml::parse::<FrontMatter>(Path::new("a.md"), &text, "front-matter")
        };
        let ok = parse("  - date: 2026-12-03\n    text: \" Добавили раздел. \"\n").unwrap();
        assert_eq!(ok.changes.len(), 1);
        assert_eq!(ok.changes[0].text.0, "Добавили раздел.");
        assert_eq!(ok.changes[0].date.to_string(), "2026-12-03");
        for (yaml, message, at) in [
            (
                "  - date: 03.12.2026\n    text: x\n",
                "неверная дата `03.12.2026`",
                "a.md:3:11",
            ),
            (
                "  - date: 2026-12-03\n    text: \"  \"\n",
                "текст изменения пуст",
                "a.md:4:11",
            ),
            (
                "  - date: 2026-12-03\n    text: \"a\\nb\"\n",
                "перенос строки",
                "a.md:4:11",
            ),
            (
                "  - date: 2026-12-03\n",
                "changes[0]: не указан обязательный ключ `text`",
                "a.md:3:5",
            ),
            (
                "  - date: 2026-12-03\n    txt: x\n",
                "неизвестный ключ `txt`",
                "a.md:4:5",
            ),
        ] {
            let d = parse(yaml).unwrap_err();
            assert!(d.message.contains(message), "{yaml}: {}", d.message);
            assert_eq!(d.position().unwrap(), at, "{yaml}: {}", d.message);
        }
        let long = format!("  - date: 2026-12-03\n    text: {}\n", "а".repeat(301));
        let long = parse(&long).unwrap_err().message;
        assert!(long.contains("длиной 301 символ:"), "{long}");
    }

    #[derive(Debug, Deserialize)]
    struct Dated {
        #[allow(dead_code)]
        #[serde(deserialize_with = "date::plausible")]
        updated: IsoDate,
    }

    #[test]
    fn implausible_years_are_errors_at_the_value() {
        for (yaml, ok) in [
            ("updated: 0000-01-01", false),
            ("updated: 1989-12-31", false),
            ("updated: 2101-01-01", false),
            ("updated: 1990-01-01", true),
            ("updated: 2100-12-31", true),
        ] {
            let text: Arc<str> = Arc::from(format!("# 0000-01-01\n{yaml}\n"));
            let r = crate::yaml::parse::<Dated>(Path::new("a.md"), &text, "front-matter");
            assert_eq!(r.is_ok(), ok, "{yaml}");
            if let Err(d) = r {
                assert!(
                    d.message.contains("год должен быть от 1990 до 2100"),
                    "{}",
                    d.message
                );
                // The value on line 2, not the same text in the comment above it.
                assert_eq!(d.position().unwrap(), "a.md:2:10");
            }
        }
    }
}
