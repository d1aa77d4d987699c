//! The source lines a diagnostic shows: the span's lines and one on either side, each cut to
//! [`MAX_CHARS`] characters with `…` where text is left out (the span's line around the span),
//! so that a 20 KB line of YAML does not fill the terminal. The header keeps the span's real
//! line and column (in characters), whatever was cut.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::Location;

/// Characters of a line shown at most (the `…` marks not counted).
pub const MAX_CHARS: usize = 160;
/// Characters kept before the span when its line is cut.
const BEFORE_SPAN: usize = 60;
const CUT: &str = "…";
/// Characters of a `quoted` value a message keeps.
pub const QUOTE_MAX: usize = 60;

/// `message` with each `backticked` part longer than [`QUOTE_MAX`] characters cut.
pub fn shorten_quotes(message: &str) -> std::borrow::Cow<'_, str> {
    let long = |q: &str| q.chars().nth(QUOTE_MAX).is_some();
    if !message.split('`').skip(1).step_by(2).any(long) {
        return message.into();
    }
    let mut out = String::new();
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 && long(part) {
            out.extend(part.chars().take(QUOTE_MAX));
            out.push_str(CUT);
        } else {
            out.push_str(part);
        }
    }
    out.into()
}

pub struct Snippet {
    /// The lines shown, cut.
    text: String,
    /// The span in `text`.
    pub span: SourceSpan,
    /// 0-based line of `text`'s first line in the file.
    first_line: usize,
    /// 0-based line and character column of the span in the file.
    line: usize,
    column: usize,
}

/// One line of the excerpt: which bytes of the source it keeps and where they went.
struct Kept {
    /// Source byte range of the line's text (without its line break).
    line: (usize, usize),
    /// Source byte range kept.
    window: (usize, usize),
    /// Offset in the excerpt of the first kept byte.
    at: usize,
}

impl Kept {
    fn map(&self, offset: usize) -> usize {
        self.at + offset.clamp(self.window.0, self.window.1) - self.window.0
    }
}

impl Snippet {
    pub fn new(loc: &Location) -> Snippet {
        let src: &str = &loc.source;
        let start = loc.offset;
        let end = loc.offset + loc.len;
        let (line, col) = loc.line_col();
        // The span's lines and one on either side.
        let first_line = line.saturating_sub(2);
        // 1-based line of the span's end: the 0-based index of the line after it.
        let last_line = super::line_col(src, end).0;
        let mut lines = Vec::new();
        let mut pos = 0;
        for (i, l) in src.split_inclusive('\n').enumerate() {
            if i > last_line {
                break;
            }
            if i >= first_line {
                lines.push((pos, l));
            }
            pos += l.len();
        }
        let mut text = String::new();
        let mut kept = Vec::new();
        for (n, &(pos, l)) in lines.iter().enumerate() {
            let content = l.trim_end_matches(['\n', '\r']);
            let window = if first_line + n + 1 == line {
                window(content, col - 1)
            } else {
                window(content, 0)
            };
            if window.0 > 0 {
                text.push_str(CUT);
            }
            kept.push(Kept {
                line: (pos, pos + content.len()),
                window: (pos + window.0, pos + window.1),
                at: text.len(),
            });
            text.push_str(&content[window.0..window.1]);
            if window.1 < content.len() {
                text.push_str(CUT);
            }
            text.push_str(&l[content.len()..]);
        }
        let map = |offset: usize| {
            kept.iter()
                .rev()
                .find(|k| k.line.0 <= offset)
                .map_or(0, |k| k.map(offset.min(k.line.1)))
        };
        let (s, e) = (map(start), map(end).max(map(start)));
        Snippet {
            text,
            span: SourceSpan::new(s.into(), e - s),
            first_line,
            line: line - 1,
            column: col - 1,
        }
    }
}

/// The byte range of `line` to show: all of it when short, else [`MAX_CHARS`] characters from
/// a little before character `col`.
fn window(line: &str, col: usize) -> (usize, usize) {
    let n = line.chars().count();
    if n <= MAX_CHARS {
        return (0, line.len());
    }
    let from = col.saturating_sub(BEFORE_SPAN).min(n - MAX_CHARS);
    let byte = |c: usize| line.char_indices().nth(c).map_or(line.len(), |(b, _)| b);
    (byte(from), byte(from + MAX_CHARS))
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let c = self.text.as_str().read_span(span, before, after)?;
        // miette asks for the span alone to title the snippet `[line:col]`: the real ones.
        let (line, column) = if before == 0 && after == 0 && span.offset() == self.span.offset() {
            (self.line, self.column)
        } else {
            (self.first_line + c.line(), c.column())
        };
        Ok(Box::new(MietteSpanContents::new(
            c.data(),
            *c.span(),
            line,
            column,
            c.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn snippet(src: &str, offset: usize, len: usize) -> Snippet {
        Snippet::new(&Location::new("a.yaml", Arc::from(src), offset, len))
    }

    #[test]
    fn long_quoted_values_are_cut_in_messages() {
        let long = "x".repeat(20_000);
        let m = format!("invalid date `{long}`: write it as YYYY-MM-DD (`YYYY`)");
        assert_eq!(
            shorten_quotes(&m),
            format!(
                "invalid date `{}…`: write it as YYYY-MM-DD (`YYYY`)",
                &long[..QUOTE_MAX]
            )
        );
        let short = "unknown field `titel`, expected `title`";
        assert!(matches!(shorten_quotes(short), std::borrow::Cow::Borrowed(s) if s == short));
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let src = "a: 1\nb: 2\nc: 3\nd: 4\n";
        let s = snippet(src, 8, 1);
        assert_eq!(s.text, "a: 1\nb: 2\nc: 3\n");
        assert_eq!(&s.text[s.span.offset()..][..1], "2");
        assert_eq!((s.first_line, s.line, s.column), (0, 1, 3));
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let long = format!(
            "title: \"{}ОШИБКА{}\"",
            "я".repeat(10_000),
            "ю".repeat(10_000)
        );
        let src = format!("x: 1\n{long}\ny: {}\n", "z".repeat(500));
        let offset = src.find("ОШИБКА").unwrap();
        let s = snippet(&src, offset, "ОШИБКА".len());
        let lines: Vec<&str> = s.text.lines().collect();
        assert_eq!(lines[0], "x: 1");
        assert!(
            lines[1].starts_with("…я") && lines[1].ends_with("ю…"),
            "{}",
            lines[1]
        );
        assert_eq!(lines[1].chars().count(), MAX_CHARS + 2);
        assert_eq!(
            lines[2].chars().count(),
            MAX_CHARS + 1,
            "context lines are cut too"
        );
        assert_eq!(&s.text[s.span.offset()..][..s.span.len()], "ОШИБКА");
        // The real position: line 2, character 10 009.
        assert_eq!((s.line, s.column), (1, 8 + 10_000));
    }

    #[test]
    fn a_span_longer_than_the_window_ends_with_it() {
        let src = format!("t: {}\n", "a".repeat(20_000));
        let s = snippet(&src, 3, 20_000);
        assert_eq!(s.span.offset(), 3);
        assert_eq!(s.span.len(), MAX_CHARS - 3);
        assert_eq!(s.text, format!("t: {}…\n", "a".repeat(MAX_CHARS - 3)));
    }
}
