//! A spliced body's glossary abbreviations (`body_splice`), wrapped by a scan of what its
//! rewrite pass wrote, so that the pass needs no text handler: lol_html decodes every text
//! chunk it hands to one (a tenth of a memo build), while the scan finds the text nodes with
//! `memchr` and reads the tags as the HTML tokenizer does.
//!
//! A pass without a text handler writes the body's text as it is and its tags where they were
//! (it changes attributes only), so the scan meets the text nodes the pass would have handed
//! to its text handler (`rewrite_pass`'s `glossary_text`), and does what it does: every text
//! node, whole, outside the elements where no `<abbr>` goes ([`super::NO_ABBR`]), goes through
//! [`Glossary::wrap_first_uses`], expanded outside headings (h2–h6), with the page's `seen`
//! carried along. Only the nodes where the glossary's first words occur are looked at: one
//! search over the whole body finds them (a first word holds no `<` or `>`, so no match crosses
//! a node's end, and a node's first match is the one the search over the node alone finds).
//!
//! That holds for the bodies it accepts, and it declines (`None`) the rest, which take the
//! pass with the text handler: a `<` that opens a comment, a bogus comment (`</` and no
//! letter) or anything but a tag or text; a tag the input ends inside; a carriage return or a
//! NUL (which the tokenizer changes); a glossary whose first words hold a `<` or `>`; an end tag that does not close the element open last
//! (lol_html's stack then decides which end-tag handlers run), an element left open. What
//! `body_splice::body_allows` refuses (raw text, foreign content, comments) a spliced body
//! never has.

use std::collections::HashSet;
use std::ops::Range;

use super::{Glossary, NO_ABBR};
use crate::body_splice::TextState;

/// `html`, a body, with the glossary's abbreviations wrapped from `start` (see the module),
/// and the abbreviations the page has expanded once it is done; `None` when the scan cannot
/// vouch for it.
pub(super) fn wrap(
    html: &str,
    glossary: &Glossary,
    start: &TextState,
) -> Option<(String, HashSet<String>)> {
    let bytes = html.as_bytes();
    if memchr::memchr2(b'\r', 0, bytes).is_some() {
        return None;
    }
    // Where the glossary's first words begin, in order (for a glossary without its automaton,
    // everywhere).
    let mut hits: Box<dyn Iterator<Item = usize>> = match &glossary.first_words {
        Some(_) if glossary.first_word_has_angle => return None,
        Some(first_words) => Box::new(first_words.find_iter(html).map(|m| m.start())),
        None => Box::new(0..html.len()),
    };
    let mut hit = hits.next();
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut seen = start.seen.clone();
    let (mut blocked, mut in_heading) = (start.blocked, start.in_heading);
    // The elements open, as lol_html's stack has them (void elements are not on it), by
    // their names as written (compared without ASCII case).
    let mut open: Vec<&str> = Vec::new();
    // Where the current text node began, and where to look for the next `<`.
    let (mut text, mut from) = (0, 0);
    // The text node `html[range]`, wrapped if it is to be.
    let mut text_node = |out: &mut String, range: Range<usize>, blocked: u32, in_heading: u32| {
        let node = &html[range.clone()];
        while hit.is_some_and(|h| h < range.start) {
            hit = hits.next();
        }
        let wrapped = (blocked == 0 && hit.is_some_and(|h| h < range.end))
            .then(|| glossary.wrap_first_uses(node, &mut seen, in_heading == 0))
            .flatten();
        out.push_str(wrapped.as_deref().unwrap_or(node));
    };
    while let Some(lt) = memchr::memchr(b'<', &bytes[from..]).map(|i| from + i) {
        let end_tag = bytes.get(lt + 1) == Some(&b'/');
        let name_at = lt + 1 + usize::from(end_tag);
        match bytes.get(name_at) {
            Some(c) if c.is_ascii_alphabetic() => {}
            // `</` without a letter: a bogus comment, or nothing (`</>`).
            _ if end_tag => return None,
            Some(b'!' | b'?') => return None,
            // A `<` that opens no tag is text.
            _ => {
                from = lt + 1;
                continue;
            }
        }
        let (name_end, tag_end) = tag_end(bytes, name_at)?;
        text_node(&mut out, text..lt, blocked, in_heading);
        out.push_str(&html[lt..tag_end]);
        let name = &html[name_at..name_end];
        let is = |n: &&str| n.eq_ignore_ascii_case(name);
        let counter = if HEADINGS.iter().any(is) {
            Some(&mut in_heading)
        } else if NO_ABBR.iter().any(is) {
            Some(&mut blocked)
        } else {
            None
        };
        if end_tag {
            if !open.last().is_some_and(is) {
                return None;
            }
            open.pop();
            if let Some(c) = counter {
                *c -= 1;
            }
        } else if !VOID.iter().any(is) {
            if let Some(c) = counter {
                *c += 1;
            }
            open.push(name);
        }
        (text, from) = (tag_end, tag_end);
    }
    if !open.is_empty() {
        return None;
    }
    text_node(&mut out, text..html.len(), blocked, in_heading);
    Some((out, seen))
}

/// The tag whose name begins at `name_at` (a letter after `<` or `</`): where its name ends
/// and where the tag ends (after its `>`), by the HTML tokenizer's states from the tag name
/// to the end of the tag; `None` when the input ends inside it.
fn tag_end(bytes: &[u8], name_at: usize) -> Option<(usize, usize)> {
    const NAME: u8 = 0;
    const BEFORE_ATTR_NAME: u8 = 1;
    const ATTR_NAME: u8 = 2;
    const AFTER_ATTR_NAME: u8 = 3;
    const BEFORE_VALUE: u8 = 4;
    const DOUBLE_QUOTED: u8 = 5;
    const SINGLE_QUOTED: u8 = 6;
    const UNQUOTED: u8 = 7;
    // After a quoted value, and after a `/` (self-closing): both take anything but a space,
    // `/` or `>` as the start of an attribute's name.
    const AFTER_VALUE: u8 = 8;
    let mut name_end = None;
    let mut state = NAME;
    let mut i = name_at;
    while let Some(&c) = bytes.get(i) {
        let space = matches!(c, b'\t' | b'\n' | b'\x0c' | b' ');
        state = match (state, c) {
            (DOUBLE_QUOTED, b'"') | (SINGLE_QUOTED, b'\'') => AFTER_VALUE,
            (DOUBLE_QUOTED | SINGLE_QUOTED, _) => {
                // Nothing ends a quoted value but its quote.
                let quote = if state == DOUBLE_QUOTED { b'"' } else { b'\'' };
                i += memchr::memchr(quote, &bytes[i..])?;
                continue;
            }
            (_, b'>') => return Some((name_end.unwrap_or(i), i + 1)),
            (NAME, b'/') => {
                name_end = Some(i);
                AFTER_VALUE
            }
            (NAME, _) if space => {
                name_end = Some(i);
                BEFORE_ATTR_NAME
            }
            (NAME, _) => NAME,
            (ATTR_NAME | AFTER_ATTR_NAME, b'=') => BEFORE_VALUE,
            (ATTR_NAME | AFTER_ATTR_NAME, _) if space => AFTER_ATTR_NAME,
            (ATTR_NAME, b'/') => AFTER_VALUE,
            (ATTR_NAME, _) => ATTR_NAME,
            (BEFORE_VALUE, _) if space => BEFORE_VALUE,
            (BEFORE_VALUE, b'"') => DOUBLE_QUOTED,
            (BEFORE_VALUE, b'\'') => SINGLE_QUOTED,
            (BEFORE_VALUE, _) => UNQUOTED,
            (UNQUOTED, _) if space => BEFORE_ATTR_NAME,
            (UNQUOTED, _) => UNQUOTED,
            // Before an attribute's name, after one (but `=`), after a value or a `/`.
            (_, b'/') => AFTER_VALUE,
            (_, _) if space => BEFORE_ATTR_NAME,
            (_, _) => ATTR_NAME,
        };
        i += 1;
    }
    None
}

/// The headings in which abbreviations are wrapped but not expanded.
const HEADINGS: [&str; 5] = ["h2", "h3", "h4", "h5", "h6"];

/// The elements lol_html never puts on its stack of open elements (`is_void_element`).
const VOID: [&str; 17] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img", "input", "keygen",
    "link", "meta", "param", "source", "track", "wbr",
];

#[cfg(test)]
mod tests {
    use super::super::{RewriteOptions, neutral_pass};
    use super::*;
    use crate::content::GlossaryEntry;
    use crate::variant::Variant;

    fn glossary() -> Glossary {
        Glossary::new(&[
            GlossaryEntry {
                abbr: "ИНН".into(),
                title: "Идентификационный номер налогоплательщика".into(),
                description: None,
            },
            GlossaryEntry {
                abbr: "ВПР СПО".into(),
                title: "Всероссийские проверочные работы в СПО".into(),
                description: None,
            },
            GlossaryEntry {
                abbr: "СПО".into(),
                title: "Среднее профессиональное образование".into(),
                description: None,
            },
        ])
    }

    /// Where lol_html's first text chunk begins in `html`.
    fn first_text(html: &str) -> usize {
        let at = std::cell::Cell::new(None);
        lol_html::rewrite_str(
            html,
            lol_html::RewriteStrSettings::new().append_document_content_handler(
                lol_html::doc_text!(|t| {
                    if at.get().is_none() && !t.as_str().is_empty() {
                        at.set(Some(t.source_location().bytes().start));
                    }
                    Ok(())
                }),
            ),
        )
        .unwrap();
        at.get().expect("a text chunk")
    }

    /// The tags the scan reads as the tokenizer (lol_html's) does: a `>` inside a quoted
    /// value, a quote that opens no value, `=` and spaces between a name and its value, a `/`.
    #[test]
    fn tags_end_where_the_tokenizer_ends_them() {
        for (tag, name) in [
            ("<p>", "p"),
            ("<br/>", "br"),
            ("<a href=\"a>b\" title='c>d'>", "a"),
            ("<a href = \"a>b\">", "a"),
            ("<a href\t=\n'a>b'>", "a"),
            ("<a b=c\"d>", "a"),
            ("<a b\"c=\"d>\">", "a"),
            ("<a b=\"c\"d=\"e>\">", "a"),
            ("<a b=\"c\"/d=\"e>\">", "a"),
            ("<a/b=\"c>\">", "a"),
            ("<a =\"b>", "a"),
            ("<a b =c>", "a"),
            ("<a b/ =\"c>", "a"),
            ("<H2\tID=x>", "H2"),
            ("</code >", "code"),
            ("</code x=\">\">", "code"),
        ] {
            let at = if tag.starts_with("</") { 2 } else { 1 };
            let html = format!("{tag}text</p>");
            let (name_end, end) = tag_end(html.as_bytes(), at).expect(tag);
            assert_eq!((&html[at..name_end], end), (name, tag.len()), "{tag}");
            assert_eq!(first_text(&html), end, "lol_html: {tag}");
        }
        for open in ["<a href=\"x", "<a href='x>", "<p"] {
            assert_eq!(tag_end(open.as_bytes(), 1), None, "{open}");
        }
    }

    /// The scan's wrapping is the text handler's: both passes of a body, from states inside
    /// and outside headings and elements that take no abbreviation, with abbreviations seen
    /// before.
    #[test]
    fn the_scan_wraps_what_the_text_handler_wraps() {
        let glossary = glossary();
        let opts = RewriteOptions {
            page_url: "/a/b/",
            glossary: &glossary,
            relative: true,
            variant: Variant::Normal,
            print_base: "https://x.ru",
            facts: false,
        };
        let bodies = [
            "<p>ИНН и СПО, ВПР СПО (ИНН).</p>",
            "<P>ИНН</P><h2 id=\"x\">СПО <a href=\"/y/\">ИНН</a></h2><p>СПО</p>",
            "<pre><code><span class=\"k\">ИНН</span> СПО</code></pre><p>ИНН < СПО</p>",
            "<p title=\"ИНН>\">ИНН<br>СПО<wbr>ИНН<img alt=x></p>",
            "<ul><li>ИНН</li><li><Code>СПО</Code> ВПР\u{a0}СПО</li></ul>",
            "<p><abbr title=\"x\">ИНН</abbr> ИНН«СПО» ИНН</p><button>СПО</button>",
            "<table><tr><th>ИНН</th><td>СПО <a b=c\"d>ИНН</a></td></tr></table>",
            "<p>нет сокращений</p>\n<p>и здесь</p>",
            "<p>ИНН</p>\n",
        ];
        let starts = [
            TextState::default(),
            TextState {
                in_heading: 1,
                ..TextState::default()
            },
            TextState {
                blocked: 1,
                ..TextState::default()
            },
            TextState {
                seen: ["Идентификационный номер налогоплательщика".to_string()].into(),
                ..TextState::default()
            },
        ];
        for body in bodies {
            for start in &starts {
                let plain = neutral_pass(body, &opts, start, false).unwrap().unwrap();
                let (html, seen) = wrap(&plain.html, &glossary, start).expect(body);
                let handler = neutral_pass(body, &opts, start, true).unwrap().unwrap();
                assert_eq!(html, handler.html, "{body} from {start:?}");
                assert_eq!(seen, handler.end_seen, "{body} from {start:?}");
            }
        }
    }

    /// What the scan cannot vouch for is left to the text handler.
    #[test]
    fn the_scan_declines_what_it_cannot_read() {
        let glossary = glossary();
        let start = TextState::default();
        for body in [
            "<p>ИНН<!-- x --></p>",
            "<p>ИНН</b></p>",
            "<p><code>ИНН</p>",
            "<p>ИНН</p><p>",
            "<p>ИНН</p></>",
            "<p>ИНН\r\n</p>",
            "<p class=\"x>ИНН</p>",
        ] {
            assert!(wrap(body, &glossary, &start).is_none(), "{body}");
        }
        assert!(wrap("<p>ИНН</p>", &glossary, &start).is_some());
        let angled = Glossary::new(&[GlossaryEntry {
            abbr: "<ИНН>".into(),
            title: "x".into(),
            description: None,
        }]);
        assert!(wrap("<p>ИНН</p>", &angled, &start).is_none());
    }
}
