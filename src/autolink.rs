//! Web addresses written in a page's text: a full address (`https://…`) outside a link becomes
//! a link, and every address — `esia.gosuslugi.ru` in a link's text too — may break only after
//! a `/` or before a `.`, `?` or `&` (a `<wbr>` there), so that a narrow screen never breaks
//! it inside a word (`overflow-wrap` would, for an address longer than the line).

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::escape::{escape_attr, escape_text};

/// The rendered events with the text that holds addresses replaced by HTML.
pub fn apply(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let (mut links, mut images) = (0u32, 0u32);
    events
        .into_iter()
        .map(|ev| {
            match &ev {
                Event::Start(Tag::Link { .. }) => links += 1,
                Event::End(TagEnd::Link) => links = links.saturating_sub(1),
                Event::Start(Tag::Image { .. }) => images += 1,
                Event::End(TagEnd::Image) => images = images.saturating_sub(1),
                // An image's text is its alt attribute: no markup there.
                Event::Text(t) if images == 0 => {
                    if let Some(html) = html(t, links > 0) {
                        return Event::Html(html.into());
                    }
                }
                _ => {}
            }
            ev
        })
        .collect()
}

/// `text` as HTML with its addresses marked up (linked unless `in_link`); `None` without any.
pub fn html(text: &str, in_link: bool) -> Option<String> {
    let found = addresses(text);
    if found.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut copied = 0;
    for (range, full) in found {
        out.push_str(&escape_text(&text[copied..range.start]));
        let address = &text[range.clone()];
        if full && !in_link {
            out.push_str(&format!(
                "<a class=\"text-url\" href=\"{}\">{}</a>",
                escape_attr(address),
                with_breaks(address)
            ));
        } else {
            out.push_str(&with_breaks(address));
        }
        copied = range.end;
    }
    out.push_str(&escape_text(&text[copied..]));
    Some(out)
}

/// The addresses in `text`: where each is, and whether it is a full `http(s)://` address.
/// The text is cut into pieces at white space, quotes and brackets; a piece is an address
/// (its punctuation at the end left out) when it begins with `http(s)://` or has the shape of
/// a host. Both need a `.` or a `:`, so only the pieces around those are looked at.
pub(crate) fn addresses(text: &str) -> Vec<(Range<usize>, bool)> {
    let mut found = Vec::new();
    // Where the piece last looked at ends: the `.` and `:` before it were in it.
    let mut done = 0;
    for at in memchr::memchr2_iter(b'.', b':', text.as_bytes()) {
        if at < done {
            continue;
        }
        let start = text[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_stop(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[at..]
            .char_indices()
            .find(|&(_, c)| is_stop(c))
            .map_or(text.len(), |(i, _)| at + i);
        done = end;
        if let Some(full) = address(&text[start..end]) {
            let token = text[start..end].trim_end_matches(ADDRESS_END);
            found.push((start..start + token.len(), full));
        }
    }
    found
}

/// What ends a piece of text that may be an address.
fn is_stop(c: char) -> bool {
    c.is_whitespace() || matches!(c, '«' | '»' | '"' | '“' | '”' | '„' | '<' | '>' | '(' | ')')
}

/// The punctuation after an address, which is not part of it.
const ADDRESS_END: [char; 6] = ['.', ',', ';', ':', '!', '?'];

/// Whether a piece of text (see [`addresses`]) is an address, and then whether a full one.
fn address(piece: &str) -> Option<bool> {
    let token = piece.trim_end_matches(ADDRESS_END);
    let starts = |scheme: &str| {
        token
            .get(..scheme.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
    };
    let full = (starts("https://") || starts("http://")) && token.len() > "https://".len();
    (full || (token.contains('.') && is_host_like(token))).then_some(full)
}

/// `esia.gosuslugi.ru`, `sd.72to.ru/x`, `citto@72to.ru`: ASCII, a host of two or more labels
/// ending in letters (so `1.1`, `ст.193` and `т.е.` are not addresses).
fn is_host_like(token: &str) -> bool {
    if !token.is_ascii() {
        return false;
    }
    let host = token.split('/').next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// The address, escaped, with a `<wbr>` after each `/` (not inside `//`) and before each `.`,
/// `?` and `&`.
fn with_breaks(address: &str) -> String {
    let mut out = String::with_capacity(address.len() + 40);
    let mut chars = address.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        if !first && matches!(c, '.' | '?' | '&') && !out.ends_with("<wbr>") {
            out.push_str("<wbr>");
        }
        first = false;
        out.push_str(&escape_text(c.encode_utf8(&mut [0; 4])));
        if c == '/' && chars.peek().is_some_and(|&n| n != '/') {
            out.push_str("<wbr>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first `addresses`, piece by piece: the reference of the one that looks only
    /// around `.` and `:`.
    fn addresses_by_pieces(text: &str) -> Vec<(Range<usize>, bool)> {
        let mut found = Vec::new();
        let mut start = 0;
        for piece in text.split(is_stop) {
            if let Some(full) = address(piece) {
                let token = piece.trim_end_matches(ADDRESS_END);
                found.push((start..start + token.len(), full));
            }
            start += piece.len()
                + text[start + piece.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
        }
        found
    }

    proptest::proptest! {
        #[test]
        fn addresses_are_found_around_dots_and_colons_as_piece_by_piece(
            text in "(https?://|[a-z0-9./:@?&,;!-]|[ \\u{a0}\\u{2003}«»\"“”„<>()]|ст\\.|т\\.е\\.|слово|\\.ru)*"
        ) {
            proptest::prop_assert_eq!(addresses(&text), addresses_by_pieces(&text));
        }
    }

    #[test]
    fn full_addresses_become_links_that_break_only_between_parts() {
        let out = html(
            "Адреса — https://esia.gosuslugi.ru/public/ra/?fts=reg. Далее.",
            false,
        )
        .unwrap();
        assert_eq!(
            out,
            "Адреса — <a class=\"text-url\" href=\"https://esia.gosuslugi.ru/public/ra/?fts=reg\">https://<wbr>esia<wbr>.gosuslugi<wbr>.ru/<wbr>public/<wbr>ra/<wbr>?fts=reg</a>. Далее."
        );
    }

    #[test]
    fn host_names_in_text_and_links_get_break_points_only() {
        assert_eq!(
            html("Портал (sd.72to.ru), почта citto@72to.ru", true).unwrap(),
            "Портал (sd<wbr>.72to<wbr>.ru), почта citto@72to<wbr>.ru"
        );
        assert_eq!(
            html("https://x.ru", true).unwrap(),
            "https://<wbr>x<wbr>.ru",
            "already in a link: not linked again"
        );
        for plain in [
            "версия 1.1",
            "ст.193 ГК",
            "т.е. так",
            "e.g. x",
            "Шаг 2. Изучите",
            "<b>",
        ] {
            assert_eq!(html(plain, false), None, "{plain}");
        }
    }

    #[test]
    fn image_text_is_left_alone() {
        let events = vec![
            Event::Start(Tag::Image {
                link_type: pulldown_cmark::LinkType::Inline,
                dest_url: "a.png".into(),
                title: "".into(),
                id: "".into(),
            }),
            Event::Text("gosuslugi.ru".into()),
            Event::End(TagEnd::Image),
            Event::Text("gosuslugi.ru".into()),
        ];
        let out = apply(events);
        assert!(matches!(&out[1], Event::Text(_)));
        assert!(matches!(&out[3], Event::Html(h) if h.contains("<wbr>")));
    }
}
