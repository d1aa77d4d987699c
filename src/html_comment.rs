//! Unclosed HTML comments in Markdown. A `<!--` without its `-->` makes an HTML block that
//! runs to the end of the page, and in the browser the comment hides everything after it: the
//! rest of the text, and the page's footer and scripts. It is an error (located at the `<!--`),
//! not a warning: the page would be published with its end missing, and the fix is one `-->`.

use std::ops::Range;

use pulldown_cmark::{Event, Tag};

use crate::content::Page;
use crate::diagnostic::{Diagnostic, Location};
use crate::tr;

pub const CODE: &str = "html-comment";

/// An error at each `<!--` of the page's HTML blocks that is not closed in its block.
pub fn check(page: &Page, events: &[(Event<'_>, Range<usize>)]) -> Vec<Diagnostic> {
    let body = page.body();
    let mut out = Vec::new();
    for (ev, range) in events {
        if !matches!(ev, Event::Start(Tag::HtmlBlock)) {
            continue;
        }
        // The block's source (with any `>` of a quote around it: they do not end a comment).
        let Some(block) = body.get(range.clone()) else {
            continue;
        };
        if let Some(at) = unclosed(block) {
            out.push(
                Diagnostic::error(CODE, tr!("html-comment-unclosed"))
                    .at(Location::new(
                        &page.file,
                        page.source.clone(),
                        page.body_offset + range.start + at,
                        4,
                    ))
                    .label(tr!("html-comment-unclosed.label"))
                    .hint(tr!("html-comment-unclosed.hint")),
            );
        }
    }
    out
}

/// Byte offset of the first `<!--` in `html` that has no `-->` after it. `<!-->` and `<!--->`
/// are complete (empty) comments.
fn unclosed(html: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = html[from..].find("<!--") {
        let open = from + i;
        let after = &html[open + 4..];
        if let Some(rest) = after.strip_prefix('>') {
            from = html.len() - rest.len();
        } else if let Some(rest) = after.strip_prefix("->") {
            from = html.len() - rest.len();
        } else {
            match after.find("-->") {
                Some(j) => from = open + 4 + j + 3,
                None => return Some(open),
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{FrontMatter, PageKind};
    use std::path::PathBuf;
    use std::sync::Arc;

    fn errors(body: &str) -> Vec<String> {
        let source = format!("---\ntitle: x\n---\n{body}");
        let page = Page {
            file: PathBuf::from("content/a.md"),
            rel: "a.md".into(),
            source: Arc::from(source.as_str()),
            body_offset: "---\ntitle: x\n---\n".len(),
            front: FrontMatter::default(),
            kind: PageKind::Page,
            url: "/a/".into(),
            section: String::new(),
        };
        let events: Vec<_> =
            pulldown_cmark::Parser::new_ext(page.body(), crate::markdown::options())
                .into_offset_iter()
                .collect();
        check(&page, &events)
            .iter()
            .map(|d| d.position().unwrap())
            .collect()
    }

    #[test]
    fn an_unclosed_comment_is_located_at_its_start() {
        assert_eq!(
            errors("Начало.\n\n<!-- черновик\n\n## Шаг 2\n\nТекст.\n"),
            ["content/a.md:6:1"]
        );
        // In a quote, and after a closed one in the same block.
        assert_eq!(
            errors("> Текст\n>\n> <div>\n> <!-- a --> <!-- b\n"),
            ["content/a.md:7:14"]
        );
    }

    #[test]
    fn closed_comments_and_code_are_fine() {
        assert!(errors("<!-- a\nb -->\n\nТекст.\n").is_empty());
        assert!(errors("<!-->\n\n<!--->\n\nТекст.\n").is_empty());
        assert!(
            errors("Текст <!-- внутри абзаца\n").is_empty(),
            "shown as text"
        );
        assert!(errors("```html\n<!-- код\n```\n\n`<!--`\n").is_empty());
    }
}
