//! A page's body rewritten once for both versions (issue #22, the clean build).
//!
//! The rewrite pass (`rewrite.rs`) used to run over each version of a page whole: the body —
//! most of a memo's bytes — went through lol_html twice, although almost everything the pass
//! does to it is the same in both versions. A build now renders the page's template with
//! [`PLACEHOLDER`] where the body goes; when the template's pass reaches it, the body is
//! rewritten alone ("neutral": what differs between the versions left as marks, [`Neutral`]),
//! once per page, and each version gets it through [`Neutral::resolve`], a scan for the marks.
//!
//! What differs between the versions in a body is only its URLs: a site-absolute URL becomes
//! relative to the version's page, a link to a page stays inside the low-vision version, the
//! printed address names the version, and the `file://` copy names `index.html` in what the
//! link became. Everything else the pass does to a body (glossary abbreviations and their
//! first-use expansions, `rel="noopener"`, relative links' `index.html`) is the same in both.
//!
//! The output is byte for byte the whole-page pass's. Where that cannot be shown cheaply, the
//! page is rendered as before: a template that could read the body other than by printing it
//! once ([`template_prints_body_once`]); a body with what the versions treat differently
//! besides URLs (images), with scripts or other raw-text elements, comments, `<main>`, or text
//! outside any tag at its ends ([`body_allows`]); a body whose pass ends in another state than
//! it began (an element left open); a page or glossary holding the `file://` marks.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::offline;
use crate::templates::TemplateSources;
use crate::urls::relative_url;
use crate::variant::Variant;

/// What a page's template is given as its body, when the body is spliced in by the rewrite
/// pass: a comment that no body has ([`body_allows`] refuses comments).
pub const PLACEHOLDER: &str = "<!--pamyatka:body-->";

/// The text of [`PLACEHOLDER`]'s comment.
pub const PLACEHOLDER_TEXT: &str = "pamyatka:body";

/// The marks of a URL in a neutral body: `\u{1}U<n>\u{1}u` stands for the value of the n-th
/// URL as the version writes it, `\u{1}V<n>\u{1}v` for its printed address (`data-print-url`).
/// The control character is the one of [`offline`]'s marks (bodies holding it are refused).
pub const URL_MARK: &str = "\u{1}U";
pub const URL_MARK_END: &str = "\u{1}u";
pub const PRINT_MARK: &str = "\u{1}V";
pub const PRINT_MARK_END: &str = "\u{1}v";

/// The glossary state a body is rewritten from (and, for `seen`, leaves): inside how many
/// elements where no abbreviation goes and how many headings (h2–h6), and the abbreviations
/// the page has expanded so far.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextState {
    pub blocked: u32,
    pub in_heading: u32,
    pub seen: HashSet<String>,
}

/// A site-absolute URL of a body, as the neutral pass found it.
#[derive(Debug, Clone)]
pub struct UrlRef {
    /// The attribute's value (`/esia/#x`).
    pub value: String,
    /// A link or form to a page: the low-vision version keeps it inside itself.
    pub prefixed: bool,
    /// `<a href>` or `<form action>`: the `file://` copy names the page's file.
    pub file_rule: bool,
}

/// A body rewritten for both versions at once: its bytes (with the `file://` copy's marks and
/// the URL marks), its URLs, the state it was rewritten from and the abbreviations expanded
/// once it is done.
#[derive(Debug)]
pub struct Neutral {
    /// UTF-8 (checked once, when the pass made it); the marks are ASCII, so it is cut at them.
    pub html: String,
    pub urls: Vec<UrlRef>,
    pub start: TextState,
    pub end_seen: HashSet<String>,
}

impl Neutral {
    /// The body as `variant`'s page at `page_url` has it (with the `file://` copy's marks).
    pub fn resolve(&self, variant: Variant, page_url: &str, print_base: &str) -> String {
        let print_base = print_base.trim_end_matches('/');
        let prefix = variant.prefix();
        // The value each URL takes in this version, before it is made relative.
        let absolute = |u: &UrlRef| {
            if u.prefixed && !prefix.is_empty() {
                format!("{prefix}{}", u.value)
            } else {
                u.value.clone()
            }
        };
        let html = self.html.as_str();
        let bytes = html.as_bytes();
        let mut out = String::with_capacity(html.len() + html.len() / 16);
        let mut pos = 0;
        while let Some(i) = memchr::memchr(0x01, &bytes[pos..]) {
            let i = pos + i;
            let kind = bytes.get(i + 1).copied();
            if !matches!(kind, Some(b'U' | b'V')) {
                // One of the `file://` copy's marks: it stays for the split.
                out.push_str(&html[pos..i + 1]);
                pos = i + 1;
                continue;
            }
            out.push_str(&html[pos..i]);
            let digits_end = i
                + 2
                + bytes[i + 2..]
                    .iter()
                    .position(|b| !b.is_ascii_digit())
                    .unwrap_or(bytes.len() - i - 2);
            let n: usize = html[i + 2..digits_end]
                .parse()
                .expect("a URL mark holds its number");
            let u = &self.urls[n];
            let value = absolute(u);
            if kind == Some(b'U') {
                let relative = relative_url(page_url, &value);
                let relative = if u.file_rule {
                    offline::with_page_file_marked(&relative)
                } else {
                    relative
                };
                push_escaped(&mut out, &relative);
            } else {
                push_escaped(&mut out, &format!("{print_base}{value}"));
            }
            // The mark's end: the control character and a letter.
            pos = digits_end + 2;
        }
        out.push_str(&html[pos..]);
        out
    }
}

/// An attribute value as lol_html writes one it was given (`set_attribute`): double quotes
/// escaped, nothing else.
fn push_escaped(out: &mut String, value: &str) {
    let mut rest = value;
    while let Some(i) = rest.find('"') {
        out.push_str(&rest[..i]);
        out.push_str("&quot;");
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// Whether a body can be rewritten apart from its page (see the module's comment).
pub fn body_allows(html: &str) -> bool {
    static REFUSED: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let refused = REFUSED.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                // Told apart by the versions (the low-vision one gives images way to text).
                "<img",
                // Raw text, whose end the page's pass would find elsewhere, or what the
                // `file://` copy changes besides links.
                "<script",
                "<style",
                "<textarea",
                "<title",
                "<xmp",
                "<iframe",
                "<noembed",
                "<noframes",
                "<noscript",
                "<plaintext",
                "<!",
                "<?",
                "<meta",
                "<svg",
                "<math",
                "<main",
                "</main",
                "data-offline-link",
            ])
            .expect("fixed patterns")
    });
    let trimmed = html.trim_ascii();
    trimmed.starts_with('<')
        && trimmed.ends_with('>')
        && !offline::holds_mark(html)
        && !refused.is_match(html)
}

/// The templates into which a page's body can be spliced: each whose closure (itself and what
/// it extends and includes) [prints the body once](template_prints_body_once). None when a
/// template defines a component, which any template may call.
pub fn layouts(sources: &TemplateSources) -> HashSet<String> {
    if sources.files.keys().any(|n| sources.defines_component(n)) {
        return HashSet::new();
    }
    let closures = sources.closures();
    let texts: Vec<&str> = sources.files.values().map(|(_, t)| &**t).collect();
    sources
        .files
        .keys()
        .filter(|name| {
            template_prints_body_once(
                closures
                    .of([name.as_str()])
                    .into_iter()
                    .map(|i| texts[i as usize]),
            )
        })
        .cloned()
        .collect()
}

/// Whether every template in `texts` (a page's template and what it pulls in) reads the
/// page's body only to print it, as `{{ page.content | safe }}`: then a render with
/// [`PLACEHOLDER`] for the body is the render with the body, the placeholder where it goes.
/// Read conservatively: inside every tag (`{{ }}`, `{% %}`), the name `content` only in
/// that print or in a block's name, `page` always followed by a field (`page.title`, never
/// the whole value), and no `__tera_context`.
pub fn template_prints_body_once<'t>(texts: impl IntoIterator<Item = &'t str>) -> bool {
    texts.into_iter().all(|text| {
        tag_spans(text).all(|tag| {
            let inner = tag
                .trim_start_matches(['{', '%'])
                .trim_end_matches(['}', '%'])
                .trim_matches('-')
                .trim_ascii();
            if tag.starts_with("{{") && is_body_print(inner) {
                return true;
            }
            let words: Vec<(usize, &str)> = identifiers(inner).collect();
            if tag.starts_with("{%")
                && matches!(words.first(), Some((_, "block" | "endblock")))
                && words.len() == 2
            {
                return true;
            }
            words.iter().all(|&(at, word)| match word {
                "content" | "__tera_context" => false,
                "page" => inner[at + 4..].starts_with('.'),
                _ => true,
            })
        })
    })
}

/// `page.content | safe`, spaces aside.
fn is_body_print(inner: &str) -> bool {
    let compact: String = inner.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    compact == "page.content|safe"
}

/// Every `{{ … }}` and `{% … %}` of a template's text, whole (comments `{# … #}` skipped); a
/// tag left open runs to the text's end.
fn tag_spans(text: &str) -> impl Iterator<Item = &str> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        loop {
            let i = pos + text[pos..].find('{')?;
            let close = match text.as_bytes().get(i + 1) {
                Some(b'{') => "}}",
                Some(b'%') => "%}",
                Some(b'#') => "#}",
                _ => {
                    pos = i + 1;
                    continue;
                }
            };
            let end = text[i + 2..]
                .find(close)
                .map_or(text.len(), |e| i + 2 + e + 2);
            pos = end;
            if close != "#}" {
                return Some(&text[i..end]);
            }
        }
    })
}

/// The identifiers of a tag's inside (runs of ASCII letters, digits and `_` not starting with
/// a digit, outside string literals), with where each starts.
fn identifiers(inner: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = inner.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            let start = pos;
            if matches!(bytes[pos], b'"' | b'\'' | b'`') {
                // A string literal (`include "partials/page-list.html"`) names no value.
                let quote = bytes[pos];
                pos += 1;
                while pos < bytes.len() && bytes[pos] != quote {
                    pos += if bytes[pos] == b'\\' { 2 } else { 1 };
                }
                pos += 1;
                continue;
            }
            if bytes[pos].is_ascii_alphabetic() || bytes[pos] == b'_' {
                while pos < bytes.len()
                    && (bytes[pos].is_ascii_alphanumeric() || bytes[pos] == b'_')
                {
                    pos += 1;
                }
                // A name after a dot is a field: `section.content` reads no page body, but is
                // refused all the same when the object is not known (see the caller).
                return Some((start, &inner[start..pos]));
            }
            pos += if bytes[pos].is_ascii_digit() {
                bytes[pos..]
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
                    .unwrap_or(bytes.len() - pos)
            } else {
                1
            };
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_templates_print_the_body_once() {
        let sources = TemplateSources::builtin();
        let layouts = layouts(&sources);
        for name in [
            "page.html",
            "home.html",
            "section.html",
            "search.html",
            "regulation.html",
        ] {
            assert!(
                sources.closures().of([name]).len() > 1,
                "{name} extends base.html"
            );
            assert!(layouts.contains(name), "{name}");
        }
    }

    #[test]
    fn a_template_reading_the_body_otherwise_is_refused() {
        let ok = "{% block content %}<h1>{{ page.title }}</h1>{{- page.content|safe -}}{% endblock content %}";
        assert!(template_prints_body_once([ok]));
        for bad in [
            "{{ page.content | truncate(length=100) | safe }}",
            "{% if page.content %}x{% endif %}",
            "{{ page.content | length }}",
            "{% set c = page.content %}{{ c | safe }}",
            "{{ page | json_encode }}",
            "{{ page[\"content\"] | safe }}",
            "{{ __tera_context }}",
            "{{ page.content }}",
            "{% set p = page %}{{ p.content | safe }}",
            "{% include \"partials/x.html\" %}{{ page }}",
        ] {
            assert!(!template_prints_body_once([ok, bad]), "{bad}");
        }
        // Comments and text outside tags are not read.
        assert!(template_prints_body_once([
            "{# page.content #}<meta content=\"page\"> content {{ page.url }}{% include \"partials/page-list.html\" %}"
        ]));
    }

    #[test]
    fn bodies_with_what_the_versions_treat_apart_are_refused() {
        assert!(body_allows("<p>ЕСИА <a href=\"/esia/\">x</a></p>\n"));
        for bad in [
            "text <p>x</p>",
            "<p>x</p> text",
            "<p><IMG src=\"/a.png\" alt=\"\"></p>",
            "<script>x</script>",
            "<p>x</p><!-- c -->",
            "<p data-offline-link>x</p>",
            "<p>\u{1}F</p>",
            "",
        ] {
            assert!(!body_allows(bad), "{bad}");
        }
    }

    #[test]
    fn urls_resolve_for_each_version_and_the_file_copy() {
        let neutral = Neutral {
            html: format!(
                "<a href=\"{URL_MARK}0{URL_MARK_END}\" data-print-url=\"{PRINT_MARK}0{PRINT_MARK_END}\">x</a><link href=\"{URL_MARK}1{URL_MARK_END}\">"
            ),
            urls: vec![
                UrlRef {
                    value: "/esia/#a\"b".into(),
                    prefixed: true,
                    file_rule: true,
                },
                UrlRef {
                    value: "/assets/x.css".into(),
                    prefixed: false,
                    file_rule: false,
                },
            ],
            start: TextState::default(),
            end_seen: HashSet::new(),
        };
        let normal = neutral.resolve(Variant::Normal, "/fioko/", "https://x.ru/");
        assert_eq!(
            normal,
            format!(
                "<a href=\"../esia/{f}index.html{fe}#a&quot;b\" data-print-url=\"https://x.ru/esia/#a&quot;b\">x</a><link href=\"../assets/x.css\">",
                f = offline::FILE_ONLY,
                fe = offline::FILE_ONLY_END
            )
        );
        let lv = neutral.resolve(Variant::LowVision, "/lv/fioko/", "https://x.ru");
        assert!(
            lv.contains("data-print-url=\"https://x.ru/lv/esia/#a&quot;b\""),
            "{lv}"
        );
        assert!(lv.contains("<link href=\"../../assets/x.css\">"), "{lv}");
    }
}
