//! Diagnostics for editors: every content error names the file, line and column, shows the
//! source with the offending span marked, and says how to fix it.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};

pub mod group;
mod snippet;
use snippet::Snippet;

/// The width reports are wrapped to.
const REPORT_WIDTH: usize = 100;

/// One problem found in the site's sources.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Short, stable category (`yaml`, `front-matter`, `link`, `template`, …).
    pub code: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where: the file relative to the site root, and the text it was read from.
    pub location: Option<Box<Location>>,
    /// How to fix it.
    pub hint: Option<String>,
    /// Errors stop the build; warnings are printed and the build goes on.
    pub severity: Severity,
    /// Which problem of its `code` it is, when the code has several and the message varies
    /// (`no-id` of `checklist`, `image-alt` of `a11y`): diagnostics of one code and kind are
    /// «the same warning» that [`group`] prints a few of. Without a kind, only the same
    /// message is the same warning.
    pub kind: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A byte span in a source file.
#[derive(Debug, Clone)]
pub struct Location {
    pub file: PathBuf,
    pub source: Arc<str>,
    pub offset: usize,
    pub len: usize,
    pub label: Option<String>,
}

impl Location {
    pub fn new(file: impl Into<PathBuf>, source: Arc<str>, offset: usize, len: usize) -> Self {
        let offset = clamp_to_char_boundary(&source, offset.min(source.len()));
        let end = clamp_to_char_boundary(&source, (offset + len).min(source.len()));
        Location {
            file: file.into(),
            source,
            offset,
            len: end - offset,
            label: None,
        }
    }

    /// 1-based line and column (column counted in characters) of the span's start.
    pub fn line_col(&self) -> (usize, usize) {
        line_col(&self.source, self.offset)
    }
}

fn clamp_to_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// 1-based line and character column of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = clamp_to_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Byte offset of a 1-based line and column (characters) in `text`.
pub fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(col.saturating_sub(1))
                    .map_or(l.trim_end_matches('\n').len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            location: None,
            hint: None,
            severity: Severity::Error,
            kind: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(Box::new(location));
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        if let Some(loc) = &mut self.location {
            loc.label = Some(label.into());
        }
        self
    }

    /// Names which problem of its code this is (see [`Diagnostic::kind`]).
    pub fn kind(mut self, kind: &'static str) -> Self {
        self.kind = Some(kind);
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The message with every `quoted` value longer than [`snippet::QUOTE_MAX`] characters cut
    /// to its start and `…`: the snippet shows the value (a 20 KB value was printed twice).
    pub fn short_message(&self) -> std::borrow::Cow<'_, str> {
        snippet::shorten_quotes(&self.message)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col` (or just the file) for one-line summaries.
    pub fn position(&self) -> Option<String> {
        self.location.as_ref().map(|loc| {
            let (l, c) = loc.line_col();
            format!("{}:{l}:{c}", display_path(&loc.file))
        })
    }

    /// The full rustc-style report. `color` selects ANSI colours.
    pub fn render(&self, color: bool) -> String {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(REPORT_WIDTH)
            .with_context_lines(1);
        let mut out = String::new();
        let report = Report {
            d: self,
            snippet: self.location.as_deref().map(Snippet::new),
        };
        if handler.render_report(&mut out, &report).is_err() {
            out = self.to_string();
        }
        if let Some(hint) = &self.hint {
            // miette's footer says "help:" in English only: the hint is drawn here, the same
            // way, under the word of the current language.
            if !out.ends_with('\n') {
                out.push('\n');
            }
            let word = crate::tr!("diag-hint");
            let indent = " ".repeat(word.chars().count() + 4);
            let first = if color {
                format!("  \x1b[36m{word}:\x1b[0m ")
            } else {
                format!("  {word}: ")
            };
            let opts = textwrap::Options::new(REPORT_WIDTH - 2)
                .initial_indent(&first)
                .subsequent_indent(&indent);
            out.push_str(&textwrap::fill(hint, opts));
            out.push('\n');
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => crate::tr!("diag-error"),
            Severity::Warning => crate::tr!("diag-warning"),
        };
        match self.position() {
            Some(pos) => write!(f, "{pos}: {kind}[{}]: {}", self.code, self.short_message()),
            None => write!(f, "{kind}[{}]: {}", self.code, self.short_message()),
        }
    }
}

pub fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// Adapter that lets miette draw a [`Diagnostic`], its source cut to a [`Snippet`].
struct Report<'a> {
    d: &'a Diagnostic,
    snippet: Option<Snippet>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.d, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.d.position() {
            Some(pos) => write!(f, "{pos}: {}", self.d.short_message()),
            None => f.write_str(&self.d.short_message()),
        }
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.d.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.snippet.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let loc = self.d.location.as_ref()?;
        let span = self.snippet.as_ref()?.span;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            loc.label.clone(),
            span,
        ))))
    }
}

/// A failed build: every error found, plus the warnings seen on the way.
#[derive(Debug, thiserror::Error)]
#[error("{} error(s)", .diagnostics.iter().filter(|d| d.is_error()).count())]
pub struct Diagnostics {
    pub diagnostics: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// Every diagnostic's full report, errors first.
    pub fn render(&self, color: bool) -> String {
        let mut sorted: Vec<&Diagnostic> = self.diagnostics.iter().collect();
        sorted.sort_by_key(|d| std::cmp::Reverse(d.severity));
        sorted
            .iter()
            .map(|d| d.render(color))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics {
            diagnostics: vec![d],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "первая\nвторая строка";
        let off = text.find("строка").unwrap();
        assert_eq!(line_col(text, off), (2, 8));
        assert_eq!(offset_of(text, 2, 8), off);
    }

    #[test]
    fn render_has_position_snippet_and_hint() {
        let src: Arc<str> = Arc::from("---\ntitel: x\n---\n");
        let d = Diagnostic::error("front-matter", "unknown field `titel`")
            .at(Location::new("content/a.md", src, 4, 5))
            .label("here")
            .hint("did you mean `title`?");
        let out = d.render(false);
        assert!(out.contains("content/a.md:2:1"), "{out}");
        assert!(out.contains("titel: x"), "{out}");
        assert!(out.contains("did you mean `title`?"), "{out}");
    }
}
