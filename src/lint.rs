//! Accessibility lints on a page's Markdown: what an editor can get wrong that no template can
//! fix. Images without alt text, skipped heading levels (and a second `h1`), links without text
//! or with «нажмите здесь»-style text, tables without a header row. Each is a warning (code
//! `a11y`) at its `file:line:col`; `pamyatka build` prints them and `pamyatka check` fails on
//! them.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Tag};

use crate::content::Page;
use crate::diagnostic::{Diagnostic, Location};
use crate::tr;

/// The diagnostic code of these lints.
pub const CODE: &str = "a11y";

/// Link texts that say nothing about where the link goes (compared lowercased, without
/// punctuation at the ends).
const VAGUE_LINK_TEXTS: &[&str] = &[
    "здесь",
    "тут",
    "нажмите здесь",
    "нажмите тут",
    "кликните здесь",
    "щелкните здесь",
    "щёлкните здесь",
    "по ссылке",
    "ссылка",
    "ссылке",
    "перейдите по ссылке",
    "подробнее",
    "далее",
    "читать далее",
    "click here",
    "here",
    "link",
    "more",
    "read more",
];

pub fn check(page: &Page, events: &[(Event<'_>, Range<usize>)]) -> Vec<Diagnostic> {
    let loc = |range: &Range<usize>| {
        Location::new(
            &page.file,
            page.source.clone(),
            page.body_offset + range.start,
            range.end - range.start,
        )
    };
    let mut out = Vec::new();
    // The page title is the h1; sections start at h2.
    let mut last_level = 1u8;
    let mut i = 0;
    while i < events.len() {
        let (ev, range) = &events[i];
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                let lvl = level_number(*level);
                if lvl == 1 {
                    out.push(
                        Diagnostic::warning(CODE, tr!("lint-second-h1"))
                            .kind("h1")
                            .at(loc(range))
                            .hint(tr!("lint-second-h1.hint")),
                    );
                } else if lvl > last_level + 1 {
                    out.push(
                        Diagnostic::warning(
                            CODE,
                            tr!("lint-heading-skipped", last = last_level, level = lvl),
                        )
                        .kind("heading-level")
                        .at(loc(range))
                        .hint(tr!(
                            "lint-heading-skipped.hint",
                            hashes = "#".repeat(usize::from(last_level) + 1)
                        )),
                    );
                }
                last_level = lvl;
            }
            Event::Start(Tag::Image { .. }) => {
                let end = end_of(events, i);
                if text_of(&events[i + 1..end]).trim().is_empty() {
                    out.push(
                        Diagnostic::warning(CODE, tr!("lint-image-alt"))
                            .kind("image-alt")
                            .at(loc(range))
                            .hint(tr!("lint-image-alt.hint")),
                    );
                }
            }
            Event::Start(Tag::Link { .. }) => {
                let end = end_of(events, i);
                let inner = &events[i + 1..end];
                let text = text_of(inner);
                let has_image = inner
                    .iter()
                    .any(|(e, _)| matches!(e, Event::Start(Tag::Image { .. })));
                let norm = text
                    .trim()
                    .trim_matches(|c: char| c.is_ascii_punctuation() || "«»…".contains(c))
                    .to_lowercase();
                if norm.is_empty() && !has_image {
                    out.push(
                        Diagnostic::warning(CODE, tr!("lint-link-no-text"))
                            .kind("link-text")
                            .at(loc(range))
                            .hint(tr!("lint-link-no-text.hint")),
                    );
                } else if VAGUE_LINK_TEXTS.contains(&norm.as_str()) {
                    out.push(
                        Diagnostic::warning(CODE, tr!("lint-vague-link", text = text.trim()))
                            .kind("vague-link")
                            .at(loc(range))
                            .hint(tr!("lint-vague-link.hint")),
                    );
                }
            }
            Event::Start(Tag::TableHead) => {
                let end = end_of(events, i);
                if text_of(&events[i + 1..end]).trim().is_empty() {
                    out.push(
                        Diagnostic::warning(CODE, tr!("lint-table-header"))
                            .kind("table-header")
                            .at(loc(range))
                            .hint(tr!("lint-table-header.hint")),
                    );
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let lower = html.to_lowercase();
                if lower.contains("<table") && !lower.contains("<th") {
                    out.push(
                        Diagnostic::warning(CODE, tr!("lint-html-table-header"))
                            .kind("html-table-header")
                            .at(loc(range))
                            .hint(tr!("lint-html-table-header.hint")),
                    );
                }
                if lower.contains("<img") && !lower.contains("alt=") {
                    out.push(
                        Diagnostic::warning(CODE, tr!("lint-html-image-alt"))
                            .kind("html-image-alt")
                            .at(loc(range))
                            .hint(tr!("lint-html-image-alt.hint")),
                    );
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Index of the event that closes the tag opened at `start`.
fn end_of(events: &[(Event<'_>, Range<usize>)], start: usize) -> usize {
    let mut depth = 0usize;
    for (j, (e, _)) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}

fn text_of(events: &[(Event<'_>, Range<usize>)]) -> String {
    events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {

    use super::*;

    fn lint(body: &str) -> Vec<(String, (usize, usize))> {
        let (page, events) = crate::content::test_page(body);
        check(&page, &events)
            .into_iter()
            .map(|d| {
                let lc = d.location.as_ref().unwrap().line_col();
                (d.message, lc)
            })
            .collect()
    }

    #[test]
    fn clean_markdown_has_no_findings() {
        let md = "## Шаг 1\n\nТекст [форма заявления](a.md).\n\n### Подробно\n\n![Окно входа](x.png)\n\n| Поле | Что ввести |\n| --- | --- |\n| a | b |\n";
        assert_eq!(lint(md), vec![]);
    }

    #[test]
    fn each_problem_is_found_where_it_is() {
        let md = "## A\n\n#### B\n\n![](x.png)\n\n[нажмите здесь](a.md) и [](b.md)\n\n| | |\n| --- | --- |\n| a | b |\n\n# C\n";
        let found = lint(md);
        let msgs: Vec<&str> = found.iter().map(|(m, _)| m.as_str()).collect();
        assert!(msgs[0].contains("после h2 идёт h4"), "{msgs:?}");
        assert_eq!(found[0].1, (3, 1));
        assert_eq!(msgs[1], "у картинки нет текстового описания (alt)");
        assert_eq!(found[1].1, (5, 1));
        assert!(msgs[2].contains("«нажмите здесь»"));
        assert_eq!(found[2].1, (7, 1));
        assert_eq!(msgs[3], "у ссылки нет текста");
        assert_eq!(found[3].1, (7, 25));
        assert!(msgs[4].contains("строки заголовков"), "{msgs:?}");
        assert!(
            msgs[5].contains("второй заголовок первого уровня"),
            "{msgs:?}"
        );
        assert_eq!(found.len(), 6);
    }

    #[test]
    fn html_tables_and_images() {
        let found = lint("<table><tr><td>a</td></tr></table>\n\n<img src=\"x.png\">\n");
        assert_eq!(found.len(), 2, "{found:?}");
    }
}
