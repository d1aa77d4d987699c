//! What raw HTML in Markdown may not carry. Editors paste from Word and web pages, and most
//! pasted markup (tables, `<br>`, `<sup>`, `<span style>`…) is harmless and passes through. The
//! site runs only its own scripts, so anything that runs script or sends the reader elsewhere
//! is refused, in `build` and `check` alike (code `html`, at its `file:line:col`):
//!
//! - `<script>` (also inside `<svg>`): the policy (`headers::CSP`) blocks inline script but not
//!   a same-origin file, and any file in content/ is published;
//! - event-handler attributes (any attribute named `on…`) and `javascript:`/`vbscript:` URLs
//!   (in any attribute but the reader's text: `title`, `alt`, `placeholder`, `aria-*`; and in
//!   Markdown links and images): blocked by the policy today, refused so one relaxed policy
//!   is not all that stands between a pasted page and the readers;
//! - `<meta http-equiv>` (any): a refresh sends readers to another address, and the other
//!   values (Word's `Content-Type`, a second policy) override what the templates set;
//! - `<iframe>`/`<frame>`/`<frameset>`: they load a whole document, which carries its own
//!   policy or none (a `.html` file from content/ is published as it is), and show nothing
//!   from `file://` or the offline bundle;
//! - `<object>`/`<embed>`/`<applet>`: plugin content; the policy blocks them (`object-src
//!   'none'`), so they could only ever show an empty box;
//! - script files (`.js`, `.mjs`, `.cjs`) in content/, which would be published beside the
//!   pages, same-origin, where the policy lets a `<script src>` run them.
//!
//! The fragments are read by lol_html, the HTML tokenizer of the rewrite pass, over the page's
//! raw HTML joined in order with stand-ins for the Markdown between them (tags for its
//! elements, escaped text), so a tag whose attributes run over several lines of an HTML block,
//! letter case, entities and whitespace are read as a browser reads them.

use std::cell::RefCell;
use std::ops::Range;

use lol_html::{HtmlRewriter, RewriteStrSettings, element};
use pulldown_cmark::{Event, Tag, TagEnd};

use crate::content::Page;
use crate::diagnostic::{Diagnostic, Location};
use crate::escape::escape_text;
use crate::tr;

/// The diagnostic code of these checks.
pub const CODE: &str = "html";

/// Elements refused wherever they appear, with why (the diagnostic's hint).
const ELEMENTS: &[(&str, Why)] = &[
    ("script", Why::Script),
    ("iframe", Why::Frame),
    ("frame", Why::Frame),
    ("frameset", Why::Frame),
    ("object", Why::Object),
    ("embed", Why::Object),
    ("applet", Why::Object),
];

/// Why an element is refused.
#[derive(Clone, Copy)]
enum Why {
    Script,
    Frame,
    Object,
}

impl Why {
    fn hint(self) -> String {
        match self {
            Why::Script => tr!("html-element-script.hint"),
            Why::Frame => tr!("html-element-frame.hint"),
            Why::Object => tr!("html-element-object.hint"),
        }
    }
}

/// One finding, at a byte range of the joined HTML.
struct Finding {
    at: Range<usize>,
    message: String,
    hint: String,
}

/// Where a piece of the joined HTML came from.
struct Piece {
    /// Start in the joined HTML.
    start: usize,
    /// The event's range in the page body.
    source: Range<usize>,
    /// The piece is the body's text itself (raw HTML), so offsets inside it map one to one.
    verbatim: bool,
}

/// Everything on the page's raw HTML and link URLs that the policy refuses.
pub fn check(page: &Page, events: &[(Event<'_>, Range<usize>)]) -> Vec<Diagnostic> {
    let body = page.body();
    let loc = |range: Range<usize>| {
        Location::new(
            &page.file,
            page.source.clone(),
            page.body_offset + range.start,
            range.end - range.start,
        )
    };
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut joined = String::new();
    let mut pieces = Vec::new();
    // Most pages have no raw HTML: then only their links are looked at.
    let has_html = events
        .iter()
        .any(|(e, _)| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    for (ev, range) in events {
        let start = joined.len();
        let verbatim = match ev {
            _ if !has_html && !matches!(ev, Event::Start(Tag::Link { .. } | Tag::Image { .. })) => {
                continue;
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                joined.push_str(html);
                body.get(range.clone()) == Some(html.as_ref())
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                if is_script_url(dest_url) {
                    out.push(
                        Diagnostic::error(CODE, tr!("html-script-link", scheme = scheme(dest_url)))
                            .at(loc(range.clone()))
                            .label(tr!("html-script-link.label"))
                            .hint(tr!("html-script-url.hint")),
                    );
                }
                joined.push_str("<p>");
                false
            }
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => false,
            Event::Start(_) => {
                joined.push_str("<p>");
                false
            }
            Event::End(_) => {
                joined.push_str("</p>");
                false
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                joined.push_str(&escape_text(t));
                false
            }
            Event::SoftBreak | Event::HardBreak => {
                joined.push('\n');
                false
            }
            _ => {
                joined.push_str("<p>");
                false
            }
        };
        pieces.push(Piece {
            start,
            source: range.clone(),
            verbatim,
        });
    }
    // Whatever the tokenizer is in at the end (an unclosed quote or tag) is closed, as the
    // rest of the page's template would close it.
    joined.push_str("\"'>");
    if !has_html {
        return out;
    }
    let to_source = |at: &Range<usize>| -> Range<usize> {
        let i = pieces
            .partition_point(|p| p.start <= at.start)
            .saturating_sub(1);
        match pieces.get(i) {
            Some(p) if p.verbatim => {
                let start = p.source.start + (at.start - p.start);
                start..(start + at.len()).min(p.source.end)
            }
            Some(p) => p.source.clone(),
            None => 0..0,
        }
    };
    match findings(&joined) {
        Ok(found) => out.extend(found.into_iter().map(|f| {
            Diagnostic::error(CODE, f.message)
                .at(loc(to_source(&f.at)))
                .hint(f.hint)
        })),
        Err(e) => {
            out.push(Diagnostic::error(CODE, tr!("html-unreadable", error = e)).at(loc(0..0)))
        }
    }
    out.sort_by_key(|d| d.location.as_ref().map(|l| l.offset));
    out
}

/// Attributes whose value is text for the reader, not a URL (`title="javascript: основы"`).
fn is_reader_text(attr: &str) -> bool {
    matches!(attr, "title" | "alt" | "placeholder") || attr.starts_with("aria-")
}

/// Reads the joined HTML as a browser would and lists what the policy refuses.
fn findings(html: &str) -> Result<Vec<Finding>, String> {
    let found = RefCell::new(Vec::new());
    let settings = RewriteStrSettings::new().append_element_content_handler(element!("*", |el| {
        let tag = el.tag_name();
        let at = el.source_location().bytes();
        let mut found = found.borrow_mut();
        if let Some(&(name, why)) = ELEMENTS.iter().find(|(name, _)| *name == tag) {
            found.push(Finding {
                at: at.clone(),
                message: tr!("html-element", name = name),
                hint: why.hint(),
            });
        }
        if tag == "meta" && el.has_attribute("http-equiv") {
            found.push(Finding {
                at: at.clone(),
                message: tr!("html-meta-http-equiv"),
                hint: tr!("html-meta-http-equiv.hint"),
            });
        }
        for attr in el.attributes() {
            let name = attr.name();
            let name_at = attr
                .name_source_location()
                .map_or_else(|| at.clone(), |l| l.bytes());
            if name.len() > 2 && name.starts_with("on") {
                found.push(Finding {
                    at: name_at,
                    message: tr!("html-event-handler", name = &name),
                    hint: tr!("html-event-handler.hint"),
                });
            } else if !is_reader_text(&name) && is_script_url(&attr.value()) {
                found.push(Finding {
                    at: attr.value_source_location().map_or(name_at, |l| l.bytes()),
                    message: tr!(
                        "html-script-attribute",
                        scheme = scheme(&attr.value()),
                        name = &name
                    ),
                    hint: tr!("html-script-url.hint"),
                });
            }
        }
        Ok(())
    }));
    let mut rewriter = HtmlRewriter::new(settings.into(), |_: &[u8]| {});
    rewriter.write(html.as_bytes()).map_err(|e| e.to_string())?;
    rewriter.end().map_err(|e| e.to_string())?;
    Ok(found.into_inner())
}

/// Does this URL run script when followed (`javascript:`, `vbscript:`)? Read as a browser
/// does: character references decoded, tabs and line breaks dropped, leading spaces and
/// control characters trimmed, the scheme in any case.
fn is_script_url(value: &str) -> bool {
    let scheme = scheme(value);
    scheme == "javascript:" || scheme == "vbscript:"
}

/// The URL's scheme with its colon, lowercased, as a browser reads it (empty when none).
fn scheme(value: &str) -> String {
    let decoded = decode_references(value);
    let url: String = decoded
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    match url.find(':') {
        Some(i)
            if url[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            url[..=i].to_ascii_lowercase()
        }
        _ => String::new(),
    }
}

/// Character references that can spell a scheme: numeric ones (with or without `;`, as
/// browsers accept them) and the named ones for `:`, tab and line feed. Letters have no
/// named references.
fn decode_references(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let (c, used) = reference(rest).unwrap_or(('&', 1));
        out.push(c);
        rest = &rest[used..];
    }
    out.push_str(rest);
    out
}

/// The character of the reference at the start of `s` (which starts with `&`), and its length.
fn reference(s: &str) -> Option<(char, usize)> {
    for (name, c) in [("&colon;", ':'), ("&Tab;", '\t'), ("&NewLine;", '\n')] {
        if s.starts_with(name) {
            return Some((c, name.len()));
        }
    }
    let num = s.strip_prefix("&#")?;
    let (hex, digits) = match num.strip_prefix(['x', 'X']) {
        Some(h) => (true, h),
        None => (false, num),
    };
    let len = digits
        .find(|c: char| {
            !(if hex {
                c.is_ascii_hexdigit()
            } else {
                c.is_ascii_digit()
            })
        })
        .unwrap_or(digits.len());
    if len == 0 {
        return None;
    }
    let value = u32::from_str_radix(&digits[..len], if hex { 16 } else { 10 }).unwrap_or(0xFFFD);
    let c = char::from_u32(value)
        .filter(|&c| c != '\0')
        .unwrap_or('\u{FFFD}');
    let semicolon = usize::from(digits[len..].starts_with(';'));
    Some((c, s.len() - digits.len() + len + semicolon))
}

#[cfg(test)]
mod tests {

    use super::*;

    /// Each finding: message and `line:col`.
    fn found(body: &str) -> Vec<(String, (usize, usize))> {
        let (page, events) = crate::content::test_page(body);
        check(&page, &events)
            .into_iter()
            .map(|d| {
                assert!(d.is_error());
                let lc = d.location.as_ref().unwrap().line_col();
                (d.message, lc)
            })
            .collect()
    }

    #[test]
    fn pasted_markup_passes() {
        let md = "Текст<br>с <sup>1</sup> и <span style=\"color:red\" class=\"MsoNormal\">Word</span>.\n\n\
                  <table><tr><th>A</th></tr></table>\n\n<a href=\"https://example.org/\" title=\"javascript: основы\">курс</a>\n\n\
                  <img src=\"x.png\" alt=\"\">\n\n<!-- <script>alert(1)</script> -->\n\n\
                  <meta name=\"ProgId\" content=\"Word.Document\">\n\n\
                  [ссылка](https://example.org/?q=javascript:x) `<script>` и\n\n```html\n<script>x</script>\n```\n";
        assert_eq!(found(md), vec![]);
    }

    #[test]
    fn script_elements_in_any_case_block_or_inline() {
        let md = "# T\n\n<SCRIPT src=\"/x.js\"></SCRIPT>\n\nТекст <ScRiPt>alert(1)</ScRiPt> тут.\n\n<svg><script>x</script></svg>\n";
        assert_eq!(
            found(md),
            vec![
                ("`<script>` в HTML-коде страницы".to_string(), (3, 1)),
                ("`<script>` в HTML-коде страницы".to_string(), (5, 7)),
                ("`<script>` в HTML-коде страницы".to_string(), (7, 6)),
            ]
        );
    }

    #[test]
    fn event_handlers_however_written() {
        let md = "<div\n  class=\"x\"\n  ONCLICK = \"alert(1)\">\nтекст\n</div>\n\n\
                  Текст <img src=x.png alt=\"a\" onerror=alert(1)> и <a\nonmouseover='x'>b</a>.\n\n\
                  > <details ontoggle=x>\n";
        let f = found(md);
        let msgs: Vec<&str> = f.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(
            msgs,
            vec![
                "атрибут-обработчик событий `onclick` в HTML-коде страницы",
                "атрибут-обработчик событий `onerror` в HTML-коде страницы",
                "атрибут-обработчик событий `onmouseover` в HTML-коде страницы",
                "атрибут-обработчик событий `ontoggle` в HTML-коде страницы",
            ]
        );
        assert_eq!(f[0].1, (3, 3), "the attribute on the third line of the tag");
        assert_eq!(f[1].1, (7, 30));
        assert_eq!(f[2].1, (8, 1));
        assert_eq!(f[3].1, (10, 12), "inside a quote");
    }

    #[test]
    fn javascript_urls_in_html_and_in_markdown() {
        let md = "<a href=\"JavaScript:alert(1)\">a</a>\n\n\
                  <a href=\" java&#x09;script&colon;alert(1)\">b</a>\n\n\
                  <a href=\"&#106;avascript:x\">c</a> <form action=vbscript:x></form>\n\n\
                  [d](javascript:alert(1)) ![e](JAVASCRIPT:x) <javascript:alert(1)>\n\n\
                  [f][r]\n\n[r]: &#106;avascript:x\n";
        let f = found(md);
        let msgs: Vec<&str> = f.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(
            msgs,
            vec![
                "адрес `javascript:` в атрибуте `href`",
                "адрес `javascript:` в атрибуте `href`",
                "адрес `javascript:` в атрибуте `href`",
                "адрес `vbscript:` в атрибуте `action`",
                "адрес `javascript:` в ссылке",
                "адрес `javascript:` в ссылке",
                "адрес `javascript:` в ссылке",
                "адрес `javascript:` в ссылке",
            ]
        );
        assert_eq!(f[0].1, (1, 10));
        assert_eq!(f[4].1, (7, 1));
        assert_eq!(f[5].1, (7, 26));
        assert_eq!(f[7].1, (9, 1));
    }

    #[test]
    fn frames_objects_and_meta_http_equiv() {
        let md = "<meta http-equiv=\"refresh\" content=\"0; url=https://example.org\">\n\n\
                  <META HTTP-EQUIV=Content-Type content=\"text/html\">\n\n\
                  <iframe src=\"/x.html\"></iframe>\n\n<p><object data=x.pdf></object><embed src=x.swf></p>\n";
        let f = found(md);
        let msgs: Vec<&str> = f.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(
            msgs,
            vec![
                "`<meta http-equiv>` в HTML-коде страницы",
                "`<meta http-equiv>` в HTML-коде страницы",
                "`<iframe>` в HTML-коде страницы",
                "`<object>` в HTML-коде страницы",
                "`<embed>` в HTML-коде страницы",
            ]
        );
        assert_eq!(f[4].1, (7, 32));
    }

    #[test]
    fn a_tag_left_open_by_an_html_block_swallows_what_follows() {
        // The browser reads `<div title="…">` up to the next quote: the handler after it is an
        // attribute of the div, though it sits in a Markdown paragraph.
        let md = "<div title=\"\n\nx\" onclick=\"alert(1)\n";
        let f = found(md);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].0.contains("onclick"));
        assert_eq!(f[0].1.0, 3);
    }

    #[test]
    fn schemes_are_read_as_a_browser_reads_them() {
        for url in [
            "javascript:x",
            "  JAVASCRIPT:x",
            "\u{1}javascript:x",
            "java\nscript:x",
            "jav&#x61;script:x",
            "&#0000106avascript:x",
            "javascript&#58;x",
            "j&Tab;avascript:x",
        ] {
            assert!(is_script_url(url), "{url:?}");
        }
        for url in [
            "https://example.org/javascript:x",
            "/javascript:x",
            "./javascript:x",
            "javascript",
            "&amp;javascript:x",
            "java script:x",
        ] {
            assert!(!is_script_url(url), "{url:?}");
        }
    }
}
