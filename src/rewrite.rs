//! The HTML rewrite pass (lol_html, streaming): runs over every rendered page and
//! - wraps known abbreviations in `<abbr title>` (from `content/glossary.yaml`), inside `<main>`,
//!   never inside links, code, headings' anchors or existing `<abbr>`;
//! - adds `rel="noopener"` to external links;
//! - collects every element id and every internal link target, for `check`;
//! - turns site-absolute URLs (`/esia/`) into page-relative ones (`../esia/`), so the site works
//!   from any sub-path of a host.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, text};

use crate::body_splice::{self, Neutral, TextState, UrlRef};
use crate::content::GlossaryEntry;
use crate::escape::escape_attr;
use crate::offline;
use crate::urls::{is_external, relative_url};
use crate::variant::Variant;
use pamyatka_checks::search::is_word_char;

mod body_text;

/// Abbreviations to expand, keyed by their exact spelling.
#[derive(Debug, Default)]
pub struct Glossary {
    terms: HashMap<String, String>,
    /// The longest abbreviation in words (`ВПР СПО` is 2).
    max_words: usize,
    /// Finds the first word of any abbreviation anywhere in a text (leftmost-longest): most
    /// runs of text have none, and the others are looked at only where one begins.
    first_words: Option<aho_corasick::AhoCorasick>,
    /// A first word holds a `<` or `>` (then a body's text is not wrapped by `body_text`).
    first_word_has_angle: bool,
    /// An abbreviation or expansion holds the mark of [`split_marked`] (then pages are
    /// rewritten without marks).
    has_mark: bool,
}

impl Glossary {
    pub fn new(entries: &[GlossaryEntry]) -> Self {
        let mut g = Glossary::default();
        let mut first_words = std::collections::BTreeSet::new();
        for e in entries {
            let key = e.abbr.split_whitespace().collect::<Vec<_>>().join(" ");
            if key.is_empty() {
                continue;
            }
            g.max_words = g.max_words.max(key.split(' ').count());
            let first_word = key.split(' ').next().unwrap_or_default();
            g.first_word_has_angle |= first_word.contains(['<', '>']);
            first_words.insert(first_word.to_string());
            g.has_mark |= offline::holds_mark(&key) || offline::holds_mark(&e.title);
            g.terms.insert(key, e.title.clone());
        }
        g.first_words = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(first_words)
            .ok();
        g
    }

    /// Wrap the abbreviations found in a run of HTML text (entities are left untouched): a
    /// run of words (letters and digits) separated by spaces alone is an abbreviation when it
    /// is spelled as one, the longest first.
    pub fn wrap(&self, text: &str) -> Option<String> {
        self.wrap_first_uses(text, &mut HashSet::new(), false)
    }

    /// [`Glossary::wrap`], and with `expand` the first use on the page (not yet in `seen`)
    /// is followed by its expansion in brackets, so that it is read, not only hovered —
    /// unless it stands in brackets already or is followed by some (the text explains it).
    /// A name in quotes stays whole: `АИС «ЭДО»` is followed by `(Автоматизированная
    /// информационная система «Электронное дополнительное образование»)`.
    /// `seen` keeps the expansions of the page's abbreviations used so far.
    pub fn wrap_first_uses(
        &self,
        text: &str,
        seen: &mut HashSet<String>,
        expand: bool,
    ) -> Option<String> {
        let found = match &self.first_words {
            Some(first_words) => self.find(first_words, text),
            None => self.find_by_words(text),
        };
        if found.is_empty() {
            return None;
        }
        // Expansions to insert: where, whether the abbreviation is itself a quoted name, and
        // the expansion.
        let mut expansions: Vec<(usize, bool, &str)> = Vec::new();
        let mut out = String::with_capacity(text.len() + 64);
        let mut copied = 0;
        for (range, title) in found {
            let (at, quoted) = expansion_point(text, &range);
            let explained = text[..range.start].trim_end().ends_with('(')
                || text[at..].trim_start().starts_with('(');
            // Inside brackets an expansion would nest them («(ОГЭ, ЕГЭ (Единый …))»): the
            // next use outside brackets is the one expanded.
            let before = &text[..range.start];
            let bracketed = !explained && before.matches('(').count() > before.matches(')').count();
            let first = expand && !bracketed && seen.insert(title.to_string()) && !explained;
            if first {
                expansions.push((at, quoted, title));
            }
            flush(&mut out, text, &mut copied, range.start, &mut expansions);
            let written = &text[range.clone()];
            out.push_str(&if first {
                format!("<abbr class=\"abbr--first\">{written}</abbr>")
            } else {
                format!("<abbr title=\"{}\">{written}</abbr>", escape_attr(title))
            });
            copied = range.end;
        }
        flush(&mut out, text, &mut copied, text.len(), &mut expansions);
        Some(out)
    }

    /// The abbreviations in `text`, in order: where each is and its expansion.
    fn find(
        &self,
        first_words: &aho_corasick::AhoCorasick,
        text: &str,
    ) -> Vec<(Range<usize>, &str)> {
        let mut found = Vec::new();
        // Where to look for the next first word.
        let mut from = 0;
        while let Some(m) = first_words.find(aho_corasick::Input::new(text).span(from..text.len()))
        {
            from = m.end();
            // Whole words only (a first word found inside a longer one can hide no other:
            // first words are all letters and digits).
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
                continue;
            }
            let Some((end, title)) = self.longest_at(text, m.start(), m.end()) else {
                continue;
            };
            found.push((m.start()..end, title));
            from = end;
        }
        found
    }

    /// The longest abbreviation whose first word is `text[start..first_end]`: where it ends
    /// and its expansion.
    fn longest_at(&self, text: &str, start: usize, first_end: usize) -> Option<(usize, &str)> {
        let mut key = text[start..first_end].to_string();
        let mut found = self.terms.get(&key).map(|t| (first_end, t.as_str()));
        let mut end = first_end;
        for _ in 1..self.max_words {
            let rest = &text[end..];
            let sep = rest.find(is_word_char).unwrap_or(rest.len());
            if sep == 0
                || sep == rest.len()
                || !rest[..sep].chars().all(|c| c == ' ' || c == '\u{a0}')
            {
                break;
            }
            let word = rest[sep..]
                .find(|c| !is_word_char(c))
                .unwrap_or(rest.len() - sep);
            key.push(' ');
            key.push_str(&rest[sep..sep + word]);
            end += sep + word;
            if let Some(title) = self.terms.get(&key) {
                found = Some((end, title.as_str()));
            }
        }
        found
    }

    /// [`Glossary::find`] word by word: for a glossary too big for the automaton, and the
    /// reference the tests compare it with.
    fn find_by_words(&self, text: &str) -> Vec<(Range<usize>, &str)> {
        // Split into words (letters/digits) and the separators between them, with their
        // offsets.
        let mut tokens: Vec<(bool, usize, &str)> = Vec::new();
        let mut start = 0;
        let mut in_word = false;
        for (i, c) in text.char_indices() {
            let w = is_word_char(c);
            if i > start && w != in_word {
                tokens.push((in_word, start, &text[start..i]));
                start = i;
            }
            in_word = w;
        }
        if start < text.len() {
            tokens.push((in_word, start, &text[start..]));
        }
        let mut found = Vec::new();
        let mut i = 0;
        'outer: while i < tokens.len() {
            if tokens[i].0 {
                // Longest match first: up to max_words words joined by single spaces.
                for n in (1..=self.max_words).rev() {
                    let end = i + 2 * (n - 1);
                    if end >= tokens.len() {
                        continue;
                    }
                    let seps_ok = (1..n).all(|k| {
                        let sep = tokens[i + 2 * k - 1].2;
                        sep.chars().all(|c| c == ' ' || c == '\u{a0}')
                    });
                    if !seps_ok || !(0..n).all(|k| tokens[i + 2 * k].0) {
                        continue;
                    }
                    let key = (0..n)
                        .map(|k| tokens[i + 2 * k].2)
                        .collect::<Vec<_>>()
                        .join(" ");
                    if let Some(title) = self.terms.get(&key) {
                        let (_, from, _) = tokens[i];
                        let (_, last, word) = tokens[end];
                        found.push((from..last + word.len(), title.as_str()));
                        i = end + 1;
                        continue 'outer;
                    }
                }
            }
            i += 1;
        }
        found
    }
}

/// Where the expansion of the abbreviation at `range` goes: after a quoted name that follows
/// it (`АИС «ЭДО»`) or that it is (`«ЭДО»`), else right after it; and whether it is quoted.
fn expansion_point(text: &str, range: &Range<usize>) -> (usize, bool) {
    let after = &text[range.end..];
    let gap = after.len() - after.trim_start().len();
    let close = |from: usize| text[from..].find('»').map(|i| from + i + '»'.len_utf8());
    if after[gap..].starts_with('«')
        && let Some(end) = close(range.end + gap)
    {
        return (end, false);
    }
    if text[..range.start].ends_with('«') && after.starts_with('»') {
        return (range.end + '»'.len_utf8(), true);
    }
    (range.end, false)
}

/// Copy `text[*copied..to]` into `out`, with the expansions due in it: those at one place
/// together, a quoted one after the one it names (`T1 «T2»`), others joined by `;`.
fn flush(
    out: &mut String,
    text: &str,
    copied: &mut usize,
    to: usize,
    expansions: &mut Vec<(usize, bool, &str)>,
) {
    loop {
        let next = expansions.iter().map(|e| e.0).filter(|&at| at <= to).min();
        let Some(at) = next else { break };
        let at = at.max(*copied);
        out.push_str(&text[*copied..at]);
        *copied = at;
        let (here, rest): (Vec<_>, Vec<_>) = expansions.drain(..).partition(|e| e.0 <= at);
        *expansions = rest;
        let mut parts: Vec<String> = Vec::new();
        for (_, quoted, title) in here {
            let title = crate::escape::escape_text(title);
            match parts.last_mut() {
                Some(last) if quoted && !last.ends_with('»') => {
                    last.push_str(&format!(" «{title}»"))
                }
                _ => parts.push(title),
            }
        }
        out.push_str(&format!(" ({})", parts.join("; ")));
    }
    out.push_str(&text[*copied..to]);
    *copied = to;
}

/// What the rewrite pass learnt about a page.
#[derive(Debug, Default, Clone)]
pub struct PageFacts {
    /// Every `id` on the page.
    pub ids: Vec<String>,
    /// Every internal link target as written in the HTML (site-absolute, or `#anchor`).
    pub links: Vec<String>,
}

/// Options for one page.
pub struct RewriteOptions<'a> {
    /// Site-absolute URL of the page being rewritten.
    pub page_url: &'a str,
    pub glossary: &'a Glossary,
    /// Rewrite site-absolute URLs relative to the page (not for 404.html, which is served at
    /// arbitrary paths).
    pub relative: bool,
    /// The version of the site being written: in the low-vision one, links to pages stay
    /// inside it (except the switch link, `data-variant-switch`), and images give way to their
    /// text.
    pub variant: Variant,
    /// The site's public address (`site.yaml` base_url): links inside `<main>` carry their full
    /// URL in `data-print-url`, which the print stylesheet shows after the link. Empty: none.
    pub print_base: &'a str,
    /// Collect the page's ids and links ([`PageFacts`]), which `check` looks at; a build has
    /// no use for them (and a selector of an attribute alone, `[id]`, is tried on every
    /// element).
    pub facts: bool,
}

/// The page and its `file://` copy for the offline bundle (the rules of
/// `offline::for_file_url`), both from one rewrite pass.
pub fn rewrite_with_file_copy(
    html: &str,
    opts: &RewriteOptions<'_>,
) -> Result<(Vec<u8>, Vec<u8>, PageFacts), String> {
    if !can_mark(html, opts) {
        let (page, facts) = rewrite(html, opts)?;
        let copy = offline::for_file_url(&page)?;
        return Ok((page.into_bytes(), copy.into_bytes(), facts));
    }
    let (marked, facts) = rewrite_pass(html, opts, true, &Mode::Whole)?;
    let (page, copy) = offline::split_marked(&marked);
    Ok((page, copy, facts))
}

/// Whether one pass can write a page and its `file://` copy together: everything the pass
/// writes comes from the page, the glossary, the page's URL or the site's address; if any
/// holds the mark, marks could not be told apart.
fn can_mark(html: &str, opts: &RewriteOptions<'_>) -> bool {
    let holds_mark = offline::holds_mark;
    !(holds_mark(html)
        || holds_mark(opts.page_url)
        || holds_mark(opts.print_base)
        || opts.glossary.has_mark)
}

/// A page's body for [`rewrite_spliced`]: its HTML (which [`body_splice::body_allows`]), and
/// its neutral rewrite once one version's pass has made it, for the other's.
#[derive(Default)]
pub struct SplicedBody<'b> {
    pub html: &'b str,
    neutral: RefCell<Option<Rc<Neutral>>>,
}

impl<'b> SplicedBody<'b> {
    pub fn new(html: &'b str) -> Self {
        SplicedBody {
            html,
            neutral: RefCell::new(None),
        }
    }
}

/// A page's bytes and its `file://` copy's.
pub type PageAndCopy = (Vec<u8>, Vec<u8>);

/// [`rewrite_with_file_copy`] of a page rendered with [`body_splice::PLACEHOLDER`] for its
/// body, the body put in its place as the whole page's pass would have rewritten it.
/// `Ok(None)`: it cannot be shown to be that (see `body_splice`); the page is to be rendered
/// with its body and rewritten whole.
pub fn rewrite_spliced(
    html: &str,
    body: &SplicedBody<'_>,
    opts: &RewriteOptions<'_>,
) -> Result<Option<PageAndCopy>, String> {
    if !opts.relative
        || opts.facts
        || !can_mark(html, opts)
        || memchr::memmem::find_iter(html.as_bytes(), body_splice::PLACEHOLDER).count() != 1
    {
        return Ok(None);
    }
    let failed = Rc::new(Cell::new(false));
    let (marked, _) = rewrite_pass(
        html,
        opts,
        true,
        &Mode::Spliced {
            body,
            failed: failed.clone(),
        },
    )?;
    if failed.get() {
        return Ok(None);
    }
    Ok(Some(offline::split_marked(&marked)))
}

/// The body rewritten alone from `start` for every version (see `body_splice`); `None` when
/// its pass ends in another state than it began. Its abbreviations are wrapped by a scan of
/// the pass's output where the scan can vouch for it (`body_text`), else by the pass.
fn neutral_body(
    html: &str,
    opts: &RewriteOptions<'_>,
    start: &TextState,
) -> Result<Option<Neutral>, String> {
    // The pass leaves the text as it is, and the scan wraps the abbreviations in what it
    // wrote (tags and text where they were in the body); what the scan cannot vouch for is
    // rewritten again by the pass with its text handler.
    let Some(neutral) = neutral_pass(html, opts, start, false)? else {
        return Ok(None);
    };
    match body_text::wrap(&neutral.html, opts.glossary, start) {
        Some((html, end_seen)) => Ok(Some(Neutral {
            html,
            end_seen,
            ..neutral
        })),
        None => neutral_pass(html, opts, start, true),
    }
}

/// [`neutral_body`]'s pass, with the glossary's abbreviations wrapped when `text`.
fn neutral_pass(
    html: &str,
    opts: &RewriteOptions<'_>,
    start: &TextState,
    text: bool,
) -> Result<Option<Neutral>, String> {
    let urls = Rc::new(RefCell::new(Vec::new()));
    let end = Rc::new(RefCell::new(None));
    let (bytes, _) = rewrite_pass(
        html,
        opts,
        true,
        &Mode::Neutral {
            start,
            urls: urls.clone(),
            end: end.clone(),
            text,
        },
    )?;
    let Some(end) = end.borrow_mut().take() else {
        return Ok(None);
    };
    let end: TextState = end;
    if end.blocked != start.blocked || end.in_heading != start.in_heading {
        return Ok(None);
    }
    let urls = std::mem::take(&mut *urls.borrow_mut());
    Ok(Some(Neutral {
        html: string_from_utf8(bytes)
            .map_err(|e| format!("the body's pass wrote no UTF-8: {e}"))?,
        urls,
        start: start.clone(),
        end_seen: end.seen,
    }))
}

/// `String::from_utf8`, checked by simdutf8 (std's check takes its slow path on Cyrillic text,
/// a tenth of a body's pass); std's only for the error of bytes that are not UTF-8.
fn string_from_utf8(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => String::from_utf8(bytes),
    }
}

/// How a pass takes the page's body.
enum Mode<'m> {
    /// The page as it is.
    Whole,
    /// A page with [`body_splice::PLACEHOLDER`] for its body, put in when the pass reaches
    /// it; `failed` set when it cannot be.
    Spliced {
        body: &'m SplicedBody<'m>,
        failed: Rc<Cell<bool>>,
    },
    /// A body alone, inside `<main>`, from `start`: the URLs to resolve for each version are
    /// marked and listed in `urls`, and the state at its end is left in `end`; its text is
    /// left as it is unless `text` (the glossary's abbreviations wrapped already).
    Neutral {
        start: &'m TextState,
        urls: Rc<RefCell<Vec<UrlRef>>>,
        end: Rc<RefCell<Option<TextState>>>,
        text: bool,
    },
}

pub fn rewrite(html: &str, opts: &RewriteOptions<'_>) -> Result<(String, PageFacts), String> {
    let (bytes, facts) = rewrite_pass(html, opts, false, &Mode::Whole)?;
    let html = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    Ok((html, facts))
}

/// [`rewrite`] as bytes, as pages are written (not checked for UTF-8 again: the page was
/// a `&str` and everything the pass puts in is).
pub fn rewrite_bytes(
    html: &str,
    opts: &RewriteOptions<'_>,
) -> Result<(Vec<u8>, PageFacts), String> {
    rewrite_pass(html, opts, false, &Mode::Whole)
}

/// What `lol_html::rewrite_str` does, into bytes: it checks every piece it writes for UTF-8,
/// a tenth of the rewrite pass's time.
fn rewrite_to_bytes(html: &str, settings: RewriteStrSettings<'_, '_>) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(html.len() + html.len() / 8);
    let mut rewriter =
        lol_html::HtmlRewriter::new(settings.into(), |chunk: &[u8]| out.extend_from_slice(chunk));
    rewriter.write(html.as_bytes()).map_err(|e| e.to_string())?;
    rewriter.end().map_err(|e| e.to_string())?;
    Ok(out)
}

/// The pass; with `file_marks`, the page carries the marks of [`offline::split_marked`].
fn rewrite_pass(
    html: &str,
    opts: &RewriteOptions<'_>,
    file_marks: bool,
    mode: &Mode<'_>,
) -> Result<(Vec<u8>, PageFacts), String> {
    let facts = Rc::new(RefCell::new(PageFacts::default()));
    let neutral = matches!(mode, Mode::Neutral { .. });
    // Depth counters: inside <main>, and inside elements where no <abbr> may go.
    let in_main = Rc::new(Cell::new(u32::from(neutral)));
    let blocked = Rc::new(Cell::new(0u32));
    let pending = Rc::new(RefCell::new(String::new()));
    // Inside h2–h6 (abbreviations are wrapped, not expanded), and the abbreviations the page
    // has expanded so far.
    let in_heading = Rc::new(Cell::new(0u32));
    let seen = Rc::new(RefCell::new(HashSet::new()));
    let urls = match mode {
        Mode::Neutral { start, urls, .. } => {
            blocked.set(start.blocked);
            in_heading.set(start.in_heading);
            seen.replace(start.seen.clone());
            Some(urls.clone())
        }
        _ => None,
    };

    let depth_handler = |counter: &Rc<Cell<u32>>| {
        let counter = counter.clone();
        move |el: &mut lol_html::html_content::Element<'_, '_>| -> lol_html::HandlerResult {
            if !el.can_have_content() {
                return Ok(());
            }
            counter.set(counter.get() + 1);
            let c = counter.clone();
            el.on_end_tag(Box::new(move |_| {
                c.set(c.get().saturating_sub(1));
                Ok(())
            }))?;
            Ok(())
        }
    };

    let url_attr = |attr: &'static str| {
        let facts = facts.clone();
        let page_url = opts.page_url.to_string();
        let relative = opts.relative;
        let prefix = opts.variant.prefix();
        let print_base = opts.print_base.trim_end_matches('/').to_string();
        let in_main = in_main.clone();
        let collect_facts = opts.facts;
        let urls = urls.clone();
        // `tag`: the element's name, lowercase ([`tag_name`]).
        move |el: &mut lol_html::html_content::Element<'_, '_>,
              tag: &str|
              -> lol_html::HandlerResult {
            let Some(value) = el.get_attribute(attr) else {
                return Ok(());
            };
            if urls.is_some() && !value.starts_with('/') {
                // A body for both versions has no pass of `offline::file_url_rules` (none of
                // what they change but links is in a body: `body_splice::body_allows`); their
                // rule for links is this, on the value no version changes.
                if (tag == "a" && attr == "href") || (tag == "form" && attr == "action") {
                    let fixed = offline::with_page_file_marked(&value);
                    if fixed != value {
                        el.set_attribute(attr, &fixed)?;
                    }
                }
            }
            if attr == "href" && tag == "a" && is_external(&value) {
                if value.starts_with("http") || value.starts_with("//") {
                    let rel = el.get_attribute("rel").unwrap_or_default();
                    if !rel.split_whitespace().any(|r| r == "noopener") {
                        let rel = format!("{rel} noopener").trim().to_string();
                        el.set_attribute("rel", &rel)?;
                    }
                }
                return Ok(());
            }
            if let Some(urls) = urls
                .as_ref()
                .filter(|_| value.starts_with('/') && !value.starts_with("//"))
            {
                // A body for both versions: what each makes of the URL is marked (see
                // `body_splice::Neutral::resolve`, which does what the lines below do).
                let n = {
                    let mut urls = urls.borrow_mut();
                    urls.push(UrlRef {
                        prefixed: (attr == "href" || attr == "action")
                            && is_page_url(&value)
                            && el.get_attribute("data-variant-switch").is_none(),
                        file_rule: (tag == "a" && attr == "href")
                            || (tag == "form" && attr == "action"),
                        value,
                    });
                    urls.len() - 1
                };
                if !print_base.is_empty() && in_main.get() > 0 && tag == "a" {
                    el.set_attribute(
                        "data-print-url",
                        &format!(
                            "{}{n}{}",
                            body_splice::PRINT_MARK,
                            body_splice::PRINT_MARK_END
                        ),
                    )?;
                }
                el.set_attribute(
                    attr,
                    &format!("{}{n}{}", body_splice::URL_MARK, body_splice::URL_MARK_END),
                )?;
                return Ok(());
            }
            if value.starts_with('#') || (value.starts_with('/') && !value.starts_with("//")) {
                let mut value = value;
                // Links and forms (the header search) to pages stay inside the version.
                if !prefix.is_empty()
                    && (attr == "href" || attr == "action")
                    && is_page_url(&value)
                    && el.get_attribute("data-variant-switch").is_none()
                {
                    value = format!("{prefix}{value}");
                    if !relative {
                        el.set_attribute(attr, &value)?;
                    }
                }
                if !print_base.is_empty()
                    && in_main.get() > 0
                    && tag == "a"
                    && attr == "href"
                    && value.starts_with('/')
                {
                    el.set_attribute("data-print-url", &format!("{print_base}{value}"))?;
                }
                if collect_facts {
                    facts.borrow_mut().links.push(value.clone());
                }
                if relative && value.starts_with('/') {
                    el.set_attribute(attr, &relative_url(&page_url, &value))?;
                }
            }
            Ok(())
        }
    };

    let glossary = opts.glossary;
    let mut settings = RewriteStrSettings::new();
    if opts.facts {
        settings = settings.append_element_content_handler(element!("[id]", {
            let facts = facts.clone();
            move |el| {
                if let Some(id) = el.get_attribute("id") {
                    facts.borrow_mut().ids.push(id);
                }
                Ok(())
            }
        }));
    }
    // One handler for every element, which looks at the tag's name itself: lol_html tries
    // each selector on each element, and these were two dozen (a tenth of the pass).
    let settings = settings.append_element_content_handler(element!("*", {
        let main = depth_handler(&in_main);
        let block = depth_handler(&blocked);
        let heading = depth_handler(&in_heading);
        let href = url_attr("href");
        let src = url_attr("src");
        let action = url_attr("action");
        // A script's own URL and the asset URLs it reads from its tag (the WASM module, its
        // glue, a worker…).
        let mut script = SCRIPT_URL_ATTRS.map(url_attr);
        // A prepared image's other URLs (`images::figure`): its widths, and the mid width
        // that the `file://` copy shows.
        let offline_src = url_attr("data-offline-src");
        let offline_href = url_attr("data-offline-href");
        let srcset = {
            let facts = facts.clone();
            let page_url = opts.page_url.to_string();
            let (relative, collect_facts) = (opts.relative, opts.facts);
            move |el: &mut lol_html::html_content::Element<'_, '_>| -> lol_html::HandlerResult {
                let Some(value) = el.get_attribute("srcset") else {
                    return Ok(());
                };
                let fixed = srcset_urls(&value, |url| {
                    if collect_facts {
                        facts.borrow_mut().links.push(url.to_string());
                    }
                    (relative && url.starts_with('/') && !url.starts_with("//"))
                        .then(|| relative_url(&page_url, url))
                });
                if fixed != value {
                    el.set_attribute("srcset", &fixed)?;
                }
                Ok(())
            }
        };
        move |el| {
            let tag = tag_name(html, el);
            let tag = tag.as_ref();
            match tag {
                "main" => main(el)?,
                "h2" | "h3" | "h4" | "h5" | "h6" => heading(el)?,
                t if NO_ABBR.contains(&t) => block(el)?,
                _ => {}
            }
            match tag {
                "a" => {
                    href(el, tag)?;
                    offline_href(el, tag)
                }
                "link" => href(el, tag),
                "img" | "source" => {
                    src(el, tag)?;
                    srcset(el)?;
                    offline_src(el, tag)
                }
                "iframe" => src(el, tag),
                "form" => action(el, tag),
                "script" => script.iter_mut().try_for_each(|h| h(el, tag)),
                _ => Ok(()),
            }
        }
    }));
    let glossary_text = {
        let in_main = in_main.clone();
        let blocked = blocked.clone();
        let pending = pending.clone();
        let in_heading = in_heading.clone();
        let seen = seen.clone();
        move |chunk: &mut lol_html::html_content::TextChunk<'_>| -> lol_html::HandlerResult {
            if in_main.get() == 0 || blocked.get() > 0 {
                return Ok(());
            }
            let expand = in_heading.get() == 0;
            let wrap = |text: &str| glossary.wrap_first_uses(text, &mut seen.borrow_mut(), expand);
            // Chunks may split a text node; collect it whole before matching.
            let mut buf = pending.borrow_mut();
            if buf.is_empty() && (chunk.last_in_text_node() || is_whole_node(html, chunk)) {
                // The common case, a text node in one chunk (lol_html follows it with an
                // empty last one): left as it is unless an abbreviation is in it.
                if let Some(html) = wrap(chunk.as_str()) {
                    chunk.set_str(html);
                }
                return Ok(());
            }
            buf.push_str(chunk.as_str());
            if !chunk.last_in_text_node() {
                chunk.set_str(String::new());
                return Ok(());
            }
            let whole = std::mem::take(&mut *buf);
            chunk.set_str(wrap(&whole).unwrap_or(whole));
            Ok(())
        }
    };
    // A body alone is all inside `<main>`.
    let settings = if let Mode::Neutral { text, .. } = mode {
        if *text {
            settings.append_document_content_handler(lol_html::doc_text!(glossary_text))
        } else {
            settings
        }
    } else {
        settings.append_element_content_handler(text!("main", glossary_text))
    };
    let settings = match mode {
        Mode::Spliced { body, failed } => {
            let (in_main, blocked, in_heading, seen) = (
                in_main.clone(),
                blocked.clone(),
                in_heading.clone(),
                seen.clone(),
            );
            let failed = failed.clone();
            settings.append_document_content_handler(lol_html::doc_comments!(move |c| {
                if c.text() != body_splice::PLACEHOLDER_TEXT {
                    return Ok(());
                }
                if in_main.get() == 0 {
                    failed.set(true);
                    return Ok(());
                }
                let start = TextState {
                    blocked: blocked.get(),
                    in_heading: in_heading.get(),
                    seen: seen.borrow().clone(),
                };
                // The other version's pass made it from the same state: the same body.
                let made = body.neutral.borrow().clone().filter(|n| n.start == start);
                let neutral = match made {
                    Some(n) => n,
                    None => {
                        let for_both = RewriteOptions {
                            variant: Variant::Normal,
                            ..*opts
                        };
                        let Some(n) = neutral_body(body.html, &for_both, &start)? else {
                            failed.set(true);
                            return Ok(());
                        };
                        let n = Rc::new(n);
                        *body.neutral.borrow_mut() = Some(n.clone());
                        n
                    }
                };
                c.replace(
                    &neutral.resolve(opts.variant, opts.page_url, opts.print_base),
                    ContentType::Html,
                );
                seen.replace(neutral.end_seen.clone());
                Ok(())
            }))
        }
        _ => settings,
    };
    let settings = if opts.variant == Variant::Normal {
        settings
    } else {
        // Low-vision version: decorative images (empty alt) go; the others give way to their
        // text, and stay in the page for the settings panel's «изображения: показывать».
        settings
            // A prepared image in a figure (`images::figure`): its list of highlights stays in
            // view, the image itself behind a control that shows it, across the text column.
            .append_element_content_handler(element!("a.shot__zoom", |el| {
                el.before(
                    "<details class=\"shot__more\"><summary>Показать изображение</summary>",
                    ContentType::Html,
                );
                el.after("</details>", ContentType::Html);
                Ok(())
            }))
            .append_element_content_handler(element!("img:not(.shot__img)", |el| {
                let alt = el.get_attribute("alt").unwrap_or_default();
                if alt.trim().is_empty() {
                    el.remove();
                    return Ok(());
                }
                let class = el.get_attribute("class").unwrap_or_default();
                el.set_attribute("class", format!("{class} lv-img").trim())?;
                el.after(
                    &format!(
                        "<span class=\"lv-alt\">Изображение: {}</span>",
                        crate::escape::escape_text(&alt)
                    ),
                    ContentType::Html,
                );
                Ok(())
            }))
    };
    let settings = if file_marks && !neutral {
        offline::file_url_rules(settings, true)
    } else {
        settings
    };
    let out = rewrite_to_bytes(html, settings)?;
    if let Mode::Neutral { end, .. } = mode {
        *end.borrow_mut() = Some(TextState {
            blocked: blocked.get(),
            in_heading: in_heading.get(),
            seen: seen.take(),
        });
    }
    let facts = facts.borrow().clone();
    Ok((out, facts))
}

/// The name of `el`'s tag, lowercase, as `Element::tag_name` gives it: read where the tag
/// is in `html`, the pass's input (every element a handler sees was parsed from it), when it
/// is written in lowercase, as good as always; `tag_name` makes a `String` of it at each call
/// (a twentieth of the pass).
fn tag_name<'h>(html: &'h str, el: &lol_html::html_content::Element<'_, '_>) -> Cow<'h, str> {
    let at = el.source_location().bytes().start;
    let bytes = html.as_bytes();
    if bytes.get(at) == Some(&b'<') && bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase) {
        // The tag name state: the name ends at whitespace, `/` or `>` (ASCII, so the slice
        // is on a character boundary).
        let name = &bytes[at + 1..];
        let len = name
            .iter()
            .position(|&b| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
            .unwrap_or(name.len());
        let name = &html[at + 1..at + 1 + len];
        if !name.bytes().any(|b| b.is_ascii_uppercase() || b == 0) {
            return Cow::Borrowed(name);
        }
    }
    Cow::Owned(el.tag_name())
}

/// Is `chunk` (of `html`, the pass's whole input) a whole text node? lol_html hands a text node
/// as one chunk followed by an empty last one when the input is given at once; the chunk is
/// whole when it is the input at its place and a tag, comment or doctype follows it (outside
/// raw text such as `<script>`, where no abbreviation goes, these always end a text node).
fn is_whole_node(html: &str, chunk: &lol_html::html_content::TextChunk<'_>) -> bool {
    let range = chunk.source_location().bytes();
    let text = chunk.as_str();
    if range.len() != text.len() || html.get(range.clone()) != Some(text) {
        return false;
    }
    match html.as_bytes()[range.end..] {
        [] => true,
        [b'<', b'!', ..] => true,
        [b'<', b'/', c, ..] | [b'<', c, ..] => c.is_ascii_alphabetic(),
        _ => false,
    }
}

/// A `srcset` with each candidate's URL changed by `fix` (`None`: as it is); the width or
/// density descriptors and the separators kept.
fn srcset_urls(value: &str, mut fix: impl FnMut(&str) -> Option<String>) -> String {
    value
        .split(',')
        .map(|candidate| {
            let lead = candidate.len() - candidate.trim_start().len();
            let rest = &candidate[lead..];
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            match fix(&rest[..end]) {
                Some(url) => format!("{}{url}{}", &candidate[..lead], &rest[end..]),
                None => candidate.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// The elements inside which no `<abbr>` goes.
const NO_ABBR: [&str; 11] = [
    "a", "abbr", "code", "pre", "script", "style", "textarea", "button", "select", "h1", "svg",
];

/// The attributes of a `<script>` that hold a URL of the site.
const SCRIPT_URL_ATTRS: [&str; 7] = [
    "src",
    "data-glue",
    "data-wasm",
    "data-worker",
    "data-sw",
    "data-root",
    "data-scope",
];

/// A link to a page of the site (`/`, `/esia/privyazka/#x`), not to a file (`/assets/…`).
fn is_page_url(url: &str) -> bool {
    let path = url.split(['#', '?']).next().unwrap_or(url);
    path.starts_with('/') && path.ends_with('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The automaton's wrap is the word-by-word one: on every line of the real site's
    /// Markdown and data with its glossary, and on edge cases with multi-word abbreviations.
    #[test]
    fn wrap_finds_what_word_by_word_finds() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = crate::content::load(root).expect("the repository's site loads");
        let mut lines: Vec<String> = Vec::new();
        for entry in walkdir::WalkDir::new(root.join("content")) {
            let entry = entry.unwrap();
            if entry.file_type().is_file()
                && let Ok(text) = std::fs::read_to_string(entry.path())
            {
                lines.extend(text.lines().map(String::from));
            }
        }
        let edge = [
            "ВПР СПО и ВПР  СПО, ВПР\u{a0}СПО, ВПР-СПО, ВПР, СПО",
            "ООО ОО ДОО ПОО ОООО АОО ООА",
            "(ЕСИА)ЕСИА,ЕСИА.ЕСИАх хЕСИА ЕСИА1 1ЕСИА",
            "ТК РФ ТК  РФ ТК РФ2 ТК",
            "ВПР СПО СПО ВПР",
            "ВПР",
            "",
            "ИНН, Инна и ВПР СПО; СПО.",
        ];
        lines.extend(edge.iter().map(|s| s.to_string()));
        let mut entries = site.glossary.clone();
        for (abbr, title) in [
            ("ВПР СПО", "ВПР для колледжей"),
            ("ВПР", "Всероссийские проверочные работы"),
            ("СПО", "Среднее профессиональное образование"),
            ("ТК РФ", "Трудовой кодекс"),
            ("ВПР СПО СПО", "три слова"),
        ] {
            entries.push(GlossaryEntry {
                abbr: abbr.into(),
                title: title.into(),
                description: None,
            });
        }
        let mut wrapped = 0;
        for glossary in [Glossary::new(&site.glossary), Glossary::new(&entries)] {
            for line in &lines {
                let fast = glossary
                    .first_words
                    .as_ref()
                    .map(|f| glossary.find(f, line));
                assert_eq!(fast, Some(glossary.find_by_words(line)), "{line}");
                wrapped += usize::from(fast.is_some_and(|f| !f.is_empty()));
            }
        }
        assert!(wrapped > 50, "{wrapped} lines with abbreviations");
    }

    fn one_and_two_passes(html: &str, glossary: &Glossary) -> (String, String, String) {
        let opts = RewriteOptions {
            page_url: "/esia/privyazka/",
            glossary,
            relative: true,
            variant: Variant::Normal,
            print_base: "",
            facts: true,
        };
        let (page, copy, _) = rewrite_with_file_copy(html, &opts).unwrap();
        let (two, _) = rewrite(html, &opts).unwrap();
        let two_copy = offline::for_file_url(&two).unwrap();
        assert_eq!(String::from_utf8(page).unwrap(), two, "the page");
        (String::from_utf8(copy).unwrap(), two_copy, two)
    }

    #[test]
    fn the_file_copy_of_one_pass_nests_and_falls_back() {
        let glossary = Glossary::new(&[]);
        let html = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self'\">\
            <script src=\"/assets/calc.1.js\" data-wasm=\"/assets/checks-deadline.2.wasm\" defer></script></head>\
            <body><main><a href=\"/esia/\">ЕСИА</a> <a href=\"./\">здесь</a> <a href=\"..#x\">выше</a> \
            <a href=\"/assets/a.pdf\">pdf</a> <a href=\"https://gosuslugi.ru/\">ГУ</a>\
            <p data-offline-link>Скачать <a href=\"/offline.zip\">архив</a>, а также <a href=\"/fioko/\">ФИОКО</a></p>\
            <form action=\"/poisk/\"><input name=q></form></main></body></html>";
        let (copy, two_copy, page) = one_and_two_passes(html, &glossary);
        assert_eq!(copy, two_copy);
        assert!(copy.contains("href=\"../index.html\""), "{copy}");
        assert!(copy.contains("href=\"./index.html\""), "{copy}");
        assert!(copy.contains("href=\"../index.html#x\""), "{copy}");
        assert!(copy.contains("action=\"../../poisk/index.html\""), "{copy}");
        assert!(
            copy.contains("script-src 'self' file:; style-src 'self' file:"),
            "{copy}"
        );
        assert!(copy.contains("<script src=\"../../assets/checks-deadline.2.wasm.js\"></script>"));
        assert!(
            !copy.contains("offline.zip") && !copy.contains("ФИОКО"),
            "{copy}"
        );
        assert!(page.contains("href=\"../../fioko/\">ФИОКО") && page.contains("href=\"../\">ЕСИА"));
        assert!(!page.contains('\u{1}') && !copy.contains('\u{1}'));

        // A page that holds the mark itself is rewritten twice, with the same result.
        let odd = html.replace("здесь", "зд\u{1}Fесь");
        let (copy, two_copy, _) = one_and_two_passes(&odd, &glossary);
        assert_eq!(copy, two_copy);
        assert!(copy.contains("зд\u{1}Fесь"));

        // So is a page of a site whose address holds it (it goes into data-print-url).
        let opts = RewriteOptions {
            page_url: "/esia/privyazka/",
            glossary: &glossary,
            relative: true,
            variant: Variant::Normal,
            print_base: "https://x.ru/\u{1}F",
            facts: true,
        };
        let (page, copy, _) = rewrite_with_file_copy(html, &opts).unwrap();
        let (two, _) = rewrite(html, &opts).unwrap();
        assert_eq!(String::from_utf8(page).unwrap(), two);
        assert_eq!(
            String::from_utf8(copy).unwrap(),
            offline::for_file_url(&two).unwrap()
        );
    }

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

    #[test]
    fn abbreviations_whole_words_longest_first() {
        let g = glossary();
        let out = g.wrap("ИНН, Инна и ВПР СПО; СПО.").unwrap();
        assert_eq!(
            out,
            "<abbr title=\"Идентификационный номер налогоплательщика\">ИНН</abbr>, Инна и <abbr title=\"Всероссийские проверочные работы в СПО\">ВПР СПО</abbr>; <abbr title=\"Среднее профессиональное образование\">СПО</abbr>."
        );
        assert!(g.wrap("ИННА и инн").is_none());
    }

    /// The normal version of the page at `/a/`.
    fn rewrite_normal_page(html: &str, glossary: &Glossary) -> (String, PageFacts) {
        let opts = RewriteOptions {
            page_url: "/a/",
            glossary,
            relative: true,
            variant: Variant::Normal,
            print_base: "",
            facts: true,
        };
        rewrite(html, &opts).unwrap()
    }

    #[test]
    fn rewrite_wraps_only_in_main_outside_links_and_code() {
        let g = glossary();
        let html = "<header>ИНН</header><main><p>Ваш ИНН</p><a href=\"/x/\">ИНН</a><code>ИНН</code></main>";
        let (out, facts) = rewrite_normal_page(html, &g);
        assert!(out.starts_with("<header>ИНН</header>"), "{out}");
        assert!(out.contains("<p>Ваш <abbr"), "{out}");
        assert!(out.contains("<a href=\"../x/\">ИНН</a>"), "{out}");
        assert!(out.contains("<code>ИНН</code>"));
        assert_eq!(facts.links, vec!["/x/"]);
    }

    #[test]
    fn the_first_use_on_a_page_is_expanded_in_the_text_once() {
        let g = glossary();
        let html = "<main><h2>ИНН и СПО</h2><p>Ваш ИНН и ИНН</p><a href=\"/x/\">СПО</a>\
            <p>Среднее профессиональное образование (СПО), СПО</p><p>ИНН</p></main>";
        let (out, _) = rewrite_normal_page(html, &g);
        let inn = "Идентификационный номер налогоплательщика";
        let spo = "Среднее профессиональное образование";
        assert!(
            out.contains(&format!(
                "<h2><abbr title=\"{inn}\">ИНН</abbr> и <abbr title=\"{spo}\">СПО</abbr></h2>"
            )),
            "a heading is not the place: {out}"
        );
        assert!(
            out.contains(&format!("<p>Ваш <abbr class=\"abbr--first\">ИНН</abbr> ({inn}) и <abbr title=\"{inn}\">ИНН</abbr></p>")),
            "{out}"
        );
        assert!(
            out.contains("<a href=\"../x/\">СПО</a>"),
            "nor a link: {out}"
        );
        assert!(
            out.contains(&format!(
                "{spo} (<abbr title=\"{spo}\">СПО</abbr>), <abbr title=\"{spo}\">СПО</abbr>"
            )),
            "explained by the text already: not doubled: {out}"
        );
        assert!(out.contains(&format!("<p><abbr title=\"{inn}\">ИНН</abbr></p>")));
        assert_eq!(out.matches(&format!("({inn})")).count(), 1);
    }

    #[test]
    fn a_first_use_inside_brackets_waits_for_one_outside() {
        let g = glossary();
        let (out, _) = rewrite_normal_page("<main><p>Номера (СНИЛС, ИНН) и ИНН.</p></main>", &g);
        let inn = "Идентификационный номер налогоплательщика";
        assert!(
            out.contains(&format!(
                "<p>Номера (СНИЛС, <abbr title=\"{inn}\">ИНН</abbr>) и <abbr class=\"abbr--first\">ИНН</abbr> ({inn}).</p>"
            )),
            "{out}"
        );
    }

    /// A text node lol_html hands in several chunks (a `<` that opens no tag splits it) is
    /// matched whole, as one in a single chunk is: the brackets around `ИНН` are seen, and the
    /// first use outside them is the one expanded.
    #[test]
    fn a_text_node_in_several_chunks_is_matched_whole() {
        let g = glossary();
        let inn = "Идентификационный номер налогоплательщика";
        for (html, at) in [
            (
                "<main><p>Номера (СНИЛС < ИНН) и ИНН.</p></main>",
                "(СНИЛС < ",
            ),
            (
                "<main><p>Номера (СНИЛС &lt; ИНН) и ИНН.</p></main>",
                "(СНИЛС &lt; ",
            ),
            (
                "<main><p>Номера (СНИЛС<!-- -->, ИНН) и ИНН.</p></main>",
                ", ",
            ),
        ] {
            let (out, _) = rewrite_normal_page(html, &g);
            let want = if at == ", " {
                // A comment ends a text node: `ИНН)` is outside the brackets it can see.
                format!("<!-- -->, <abbr class=\"abbr--first\">ИНН</abbr> ({inn}))")
            } else {
                format!(
                    "{at}<abbr title=\"{inn}\">ИНН</abbr>) и <abbr class=\"abbr--first\">ИНН</abbr> ({inn}).</p>"
                )
            };
            assert!(out.contains(&want), "{html}: {out}");
        }
    }

    /// Every element the pass looks at by its name: URLs made relative, abbreviations kept
    /// out of the ones that take none.
    #[test]
    fn each_element_the_pass_knows_is_rewritten() {
        let g = glossary();
        let html = "<head><link href=\"/assets/s.css\"><script src=\"/assets/a.js\" data-glue=\"/assets/g.js\" \
            data-wasm=\"/assets/m.wasm\" data-worker=\"/assets/w.js\" data-sw=\"/sw.js\" data-root=\"/\" \
            data-scope=\"/x/\"></script></head><main><picture><source src=\"/i.webp\"><img src=\"/i.png\" alt=\"и\"></picture>\
            <iframe src=\"/f/\"></iframe><form action=\"/poisk/\"><button>ИНН</button><select><option>ИНН</select>\
            <textarea>ИНН</textarea></form><svg><text>ИНН</text></svg><pre>ИНН</pre><abbr>ИНН</abbr><h1>ИНН</h1>\
            <style>p{}</style><h3>СПО</h3><p>СПО и ИНН</p></main>";
        let (out, facts) = rewrite_normal_page(html, &g);
        for (attr, url) in [
            ("href", "../assets/s.css"),
            ("src", "../assets/a.js"),
            ("data-glue", "../assets/g.js"),
            ("data-wasm", "../assets/m.wasm"),
            ("data-worker", "../assets/w.js"),
            ("data-sw", "../sw.js"),
            ("data-root", "../"),
            ("data-scope", "../x/"),
            ("src", "../i.webp"),
            ("src", "../i.png"),
            ("src", "../f/"),
            ("action", "../poisk/"),
        ] {
            assert!(
                out.contains(&format!("{attr}=\"{url}\"")),
                "{attr}={url}: {out}"
            );
        }
        assert_eq!(facts.links.len(), 12, "{:?}", facts.links);
        assert_eq!(out.matches("<abbr").count(), 4, "{out}");
        let spo = "Среднее профессиональное образование";
        assert!(
            out.contains(&format!("<h3><abbr title=\"{spo}\">СПО</abbr></h3>")),
            "{out}"
        );
        assert!(
            out.contains(&format!("<p><abbr class=\"abbr--first\">СПО</abbr> ({spo}) и <abbr class=\"abbr--first\">ИНН</abbr>")),
            "{out}"
        );
    }

    #[test]
    fn a_quoted_name_stays_whole_before_its_expansion() {
        let g = Glossary::new(&[
            GlossaryEntry {
                abbr: "АИС".into(),
                title: "Автоматизированная информационная система".into(),
                description: None,
            },
            GlossaryEntry {
                abbr: "ЭДО".into(),
                title: "Электронное дополнительное образование".into(),
                description: None,
            },
        ]);
        let mut seen = HashSet::new();
        assert_eq!(
            g.wrap_first_uses("в АИС «ЭДО», затем АИС «ЭДО».", &mut seen, true)
                .unwrap(),
            "в <abbr class=\"abbr--first\">АИС</abbr> «<abbr class=\"abbr--first\">ЭДО</abbr>» \
             (Автоматизированная информационная система «Электронное дополнительное образование»), \
             затем <abbr title=\"Автоматизированная информационная система\">АИС</abbr> \
             «<abbr title=\"Электронное дополнительное образование\">ЭДО</abbr>»."
        );
        assert_eq!(
            g.wrap_first_uses("«ЭДО» и АИС", &mut HashSet::new(), true)
                .unwrap(),
            "«<abbr class=\"abbr--first\">ЭДО</abbr>» (Электронное дополнительное образование) и \
             <abbr class=\"abbr--first\">АИС</abbr> (Автоматизированная информационная система)"
        );
    }

    #[test]
    fn external_links_get_noopener_and_ids_are_collected() {
        let g = Glossary::default();
        let html = "<h2 id=\"a\">x</h2><a href=\"https://gosuslugi.ru\">Г</a><a rel=\"nofollow\" href=\"http://x\">x</a><a href=\"mailto:a@b\">m</a>";
        let (out, facts) = rewrite(
            html,
            &RewriteOptions {
                page_url: "/",
                glossary: &g,
                relative: true,
                variant: Variant::Normal,
                print_base: "",
                facts: true,
            },
        )
        .unwrap();
        assert!(
            out.contains("href=\"https://gosuslugi.ru\" rel=\"noopener\""),
            "{out}"
        );
        assert!(out.contains("rel=\"nofollow noopener\""), "{out}");
        assert!(!out.contains("mailto:a@b\" rel"));
        assert_eq!(facts.ids, vec!["a"]);

        // A build collects nothing, and writes the same page.
        let html = format!("{html}<main><p id=\"b\"><a href=\"/x/#b\">x</a></p></main>");
        let opts = |facts| RewriteOptions {
            page_url: "/",
            glossary: &g,
            relative: true,
            variant: Variant::Normal,
            print_base: "",
            facts,
        };
        let (with, facts) = rewrite(&html, &opts(true)).unwrap();
        assert_eq!(
            (facts.ids, facts.links),
            (vec!["a".into(), "b".into()], vec!["/x/#b".into()])
        );
        let (without, facts) = rewrite(&html, &opts(false)).unwrap();
        assert_eq!(with, without);
        assert!(facts.ids.is_empty() && facts.links.is_empty());
    }

    #[test]
    fn low_vision_links_stay_inside_and_images_give_way_to_text() {
        let g = glossary();
        let html = "<main><a href=\"/esia/#x\">a</a><a href=\"/assets/s.css\">f</a>\
            <a href=\"/esia/\" data-variant-switch>switch</a><a href=\"#top\">t</a>\
            <img src=\"/a.png\" alt=\"Схема\"><img src=\"/d.png\" alt=\"\"></main>\
            <form action=\"/poisk/\"><input name=\"q\"></form>";
        let (out, facts) = rewrite(
            html,
            &RewriteOptions {
                page_url: "/lv/fioko/",
                glossary: &g,
                relative: true,
                variant: Variant::LowVision,
                print_base: "https://example.org",
                facts: true,
            },
        )
        .unwrap();
        assert!(out.contains("href=\"../esia/#x\""), "{out}");
        assert!(out.contains("href=\"../../assets/s.css\""), "{out}");
        assert!(
            out.contains("href=\"../../esia/\" data-variant-switch"),
            "{out}"
        );
        assert!(out.contains("<form action=\"../poisk/\">"), "{out}");
        assert!(out.contains("class=\"lv-img\""));
        assert!(out.contains("<span class=\"lv-alt\">Изображение: Схема</span>"));
        assert!(!out.contains("d.png"), "decorative image removed: {out}");
        assert!(
            facts.links.contains(&"/lv/esia/#x".to_string()),
            "{:?}",
            facts.links
        );
        assert!(facts.links.contains(&"/esia/".to_string()));
        assert!(
            out.contains("data-print-url=\"https://example.org/lv/esia/#x\""),
            "{out}"
        );
    }

    #[test]
    fn relative_urls() {
        assert_eq!(relative_url("/", "/esia/"), "esia/");
        assert_eq!(relative_url("/", "/"), "./");
        assert_eq!(
            relative_url("/fioko/", "/esia/privyazka/#x"),
            "../esia/privyazka/#x"
        );
        assert_eq!(relative_url("/esia/privyazka/", "/"), "../../");
        assert_eq!(relative_url("/esia/", "/esia/a/"), "a/");
        assert_eq!(
            relative_url("/esia/a/", "/assets/style.1.css"),
            "../../assets/style.1.css"
        );
        assert_eq!(relative_url("/esia/", "/esia/#top"), "./#top");
    }

    /// A body spliced in by the template's pass is byte for byte the whole page's pass, in
    /// both versions and their `file://` copies: glossary first uses carried across the
    /// template's text before and after it, links of every kind, headings.
    #[test]
    fn a_spliced_body_is_the_whole_pass() {
        let glossary = glossary();
        let template = |body: &str| {
            format!(
                "<html><head><link href=\"/assets/a.css\" rel=\"stylesheet\"></head><body>\
                 <nav><a href=\"/\">ИНН</a></nav><main><h1>СПО</h1><p>Про ИНН.</p>\
                 <div class=\"prose\">\n{body}\n</div><p>СПО и ВПР СПО после.</p>\
                 <a href=\"/esia/\">назад</a></main><footer>ИНН</footer></body></html>"
            )
        };
        let body = "<h2 id=\"x\">ВПР СПО в заголовке</h2>\n<p>Снова ИНН и СПО, ВПР СПО.</p>\n\
            <p><a href=\"/fioko/dokumenty/#a\">ссылка</a> <a href=\"../esia/\">отн.</a> \
            <a href=\"https://x.ru/\">внешняя</a> <a href=\"#x\">якорь</a> \
            <a href=\"/lv/\" data-variant-switch>версия</a> <a href='/a&quot;b/'>кавычки</a></p>\n\
            <form action=\"/search/\"><button>СПО</button></form>\n\
            <p><link href=\"/assets/f.pdf\"><code>ИНН</code> <abbr>СПО</abbr></p>\n\
            <p><code>ИНН</p><p>СПО</p>";
        for print_base in ["", "https://obr.region.ru/p/"] {
            for variant in Variant::ALL {
                let url = format!("{}/fioko/dokumenty/", variant.prefix());
                let opts = RewriteOptions {
                    page_url: &url,
                    glossary: &glossary,
                    relative: true,
                    variant,
                    print_base,
                    facts: false,
                };
                let (page, copy, _) = rewrite_with_file_copy(&template(body), &opts).unwrap();
                let spliced = SplicedBody::new(body);
                let (s_page, s_copy) =
                    rewrite_spliced(&template(body_splice::PLACEHOLDER), &spliced, &opts)
                        .unwrap()
                        .expect("this body is spliced");
                let page = String::from_utf8(page).unwrap();
                assert_eq!(String::from_utf8(s_page).unwrap(), page, "{variant:?}");
                assert_eq!(s_copy, copy, "{variant:?}");
                assert!(page.contains("abbr--first"), "{page}");
            }
        }
    }

    /// A body whose pass ends inside an element (a `<code>` left open) is not spliced: the
    /// whole pass would keep it open over the template's text after it.
    #[test]
    fn a_body_left_open_is_refused() {
        let glossary = glossary();
        let opts = RewriteOptions {
            page_url: "/a/",
            glossary: &glossary,
            relative: true,
            variant: Variant::Normal,
            print_base: "",
            facts: false,
        };
        let page = format!("<main>{}<p>ИНН</p></main>", body_splice::PLACEHOLDER);
        let open = SplicedBody::new("<code><p>ИНН</p>");
        assert!(rewrite_spliced(&page, &open, &opts).unwrap().is_none());
        let closed = SplicedBody::new("<p><code>ИНН</code></p>");
        assert!(rewrite_spliced(&page, &closed, &opts).unwrap().is_some());
        // Outside <main>, or twice: the whole pass.
        let outside = format!("{}<main></main>", body_splice::PLACEHOLDER);
        assert!(rewrite_spliced(&outside, &closed, &opts).unwrap().is_none());
        let twice = format!("<main>{0}{0}</main>", body_splice::PLACEHOLDER);
        assert!(rewrite_spliced(&twice, &closed, &opts).unwrap().is_none());
    }

    /// Every element's name as read from the input is `Element::tag_name`'s, whatever case,
    /// spacing and characters the tags are written with.
    fn tag_names_agree(html: &str) {
        let seen = RefCell::new(Vec::new());
        let settings =
            RewriteStrSettings::new().append_element_content_handler(element!("*", |el| {
                seen.borrow_mut()
                    .push((tag_name(html, el).into_owned(), el.tag_name()));
                Ok(())
            }));
        lol_html::rewrite_str(html, settings).unwrap();
        for (read, named) in seen.into_inner() {
            assert_eq!(read, named, "{html:?}");
        }
    }

    #[test]
    fn tag_names_read_from_the_input_are_lol_htmls() {
        for html in [
            "<main id=m><a href='/x/'>x</a><A HREF=/y/>y</A><br/><br>\n<img\nsrc=a></main>",
            "<p\tclass=a>b</p><h2\x0cid=x>h</h2><h3\rid=y>h</h3><Svg><path/></Svg>",
            "<aй href=/>x</aй><a-b>c</a-b><x:y>z</x:y><abbr/title=t>ВПР</abbr>",
            "<scRipt src=/s.js></scRipt><form action=/f/></form><a\u{0}b>c</a\u{0}b><a",
        ] {
            tag_names_agree(html);
        }
    }

    proptest::proptest! {
        /// As above, on made-up tags: a name of letters, digits and other characters, ended
        /// as the tokenizer ends one.
        #[test]
        fn tag_names_agree_on_any_tag(
            name in "[a-zA-Z][a-zA-Z0-9:\\-_йЖ\u{0}]{0,6}",
            end in proptest::sample::select(vec![" ", "\t", "\n", "\r", "\x0c", "/", ">", ""]),
            rest in "[a-z=\"' /]{0,8}",
        ) {
            tag_names_agree(&format!("<p><{name}{end}{rest}>text</{name}></p>"));
        }
    }

    /// simdutf8's check takes what std's takes, and gives std's error for the rest.
    #[test]
    fn strings_from_utf8_are_stds() {
        for bytes in [
            "ИНН и ВПР".as_bytes().to_vec(),
            Vec::new(),
            vec![b'a', 0xd0],
            vec![0xff, b'b'],
        ] {
            let std = String::from_utf8(bytes.clone()).map_err(|e| e.to_string());
            assert_eq!(string_from_utf8(bytes).map_err(|e| e.to_string()), std);
        }
    }
}
