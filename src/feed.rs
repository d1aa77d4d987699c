//! «Что изменилось»: the pages' `changes` (front matter) as Atom feeds (RFC 4287) — the whole
//! site's at `feed.xml`, and each section's with changes at `<section>/feed.xml` (its
//! sub-sections' pages included) — and as the lists the page and home templates show.
//!
//! Links are absolute, made from `base_url`, also while it is a placeholder: the feed is still
//! valid, and `check` warns that the address is one (see `check::placeholder_base`); while
//! there is no `base_url` at all they are paths from the site's root (`SiteConfig::base`). An entry's
//! id is a `tag:` URI (RFC 4151) made of the site's host, the change's date, the page's path and
//! the change's number among the page's changes of that date, so editing the text of a change
//! (or adding one of another date) never changes an id.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::{Page, Site};
use pamyatka_checks::date::IsoDate;

/// The site's feed (relative to the output), and the file name of every section's feed.
pub use crate::content::reserved::{FEED_NAME, SITE_FEED};

/// The id of the «Что изменилось» block on a page (entries link there).
pub const ANCHOR: &str = "izmeneniya";

/// How many of the latest changes the home page lists.
pub const HOME_LATEST: usize = 5;

/// One change of one page.
pub struct Entry<'a> {
    pub page: &'a Page,
    pub date: IsoDate,
    pub text: &'a str,
    /// 1 for the page's first change of that date (in the order written), 2 for the second …
    pub number: usize,
}

/// Every change of the site, newest first (then by page URL and number: a stable order).
pub fn entries(site: &Site) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    for page in &site.pages {
        let mut seen: BTreeMap<IsoDate, usize> = BTreeMap::new();
        for c in &page.front.changes {
            let number = seen.entry(c.date).or_default();
            *number += 1;
            out.push(Entry {
                page,
                date: c.date,
                text: &c.text.0,
                number: *number,
            });
        }
    }
    out.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.page.url.cmp(&b.page.url))
            .then(a.number.cmp(&b.number))
    });
    out
}

/// Whether the page of section `page_section` belongs to the section `key` (or one under it).
fn in_section(page_section: &str, key: &str) -> bool {
    page_section == key
        || page_section
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The sections that get a feed: each one with a change on a page in it or under it.
pub fn sections_with_feeds(site: &Site) -> Vec<&str> {
    site.sections
        .keys()
        .filter(|k| !k.is_empty())
        .filter(|k| {
            site.pages
                .iter()
                .any(|p| !p.front.changes.is_empty() && in_section(&p.section, k))
        })
        .map(String::as_str)
        .collect()
}

/// The site-absolute URL of a section's feed (`/esia/feed.xml`), `/feed.xml` for the root.
pub fn feed_url(key: &str) -> String {
    if key.is_empty() {
        format!("/{SITE_FEED}")
    } else {
        format!("/{key}/{FEED_NAME}")
    }
}

/// `feed.xml` and every section's feed, as output files.
pub fn files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let all = entries(site);
    let mut out = vec![(
        SITE_FEED.to_string(),
        write(site, "", &site.config.title, &all).into_bytes(),
    )];
    for key in sections_with_feeds(site) {
        let list: Vec<&Entry> = all
            .iter()
            .filter(|e| in_section(&e.page.section, key))
            .collect();
        let title = format!(
            "{}: {}",
            site.section_title(&site.sections[key]),
            site.config.title
        );
        let path = feed_url(key).trim_start_matches('/').to_string();
        out.push((path, write(site, key, &title, list).into_bytes()));
    }
    out
}

/// A change in a page's «Что изменилось» (`page.changes`).
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView<'a> {
    pub date: IsoDate,
    pub text: &'a str,
}

/// A change in the home page's «Что изменилось» (`latest_changes`).
#[derive(Debug, Clone, Serialize)]
pub struct LatestChange<'a> {
    pub date: IsoDate,
    pub text: &'a str,
    /// The page's title and URL.
    pub title: &'a str,
    pub url: &'a str,
}

/// The latest changes across the site, for the home page (`latest_changes`).
pub fn latest(site: &Site) -> Vec<LatestChange<'_>> {
    entries(site)
        .iter()
        .take(HOME_LATEST)
        .map(|e| LatestChange {
            date: e.date,
            text: e.text,
            title: &e.page.front.title,
            url: &e.page.url,
        })
        .collect()
}

/// A page's changes, newest first, for its «Что изменилось» (`page.changes`).
pub fn page_changes(page: &Page) -> Vec<ChangeView<'_>> {
    let mut list: Vec<ChangeView> = page
        .front
        .changes
        .iter()
        .map(|c| ChangeView {
            date: c.date,
            text: c.text.0.as_str(),
        })
        .collect();
    // Stable: changes of one date stay in the order written.
    list.sort_by_key(|c| std::cmp::Reverse(c.date));
    list
}

/// The host of `base` for a `tag:` URI (no scheme, user, port or path); `localhost` when it
/// has none a tag can name (an IPv6 address).
fn tag_authority(base: &str) -> (String, &str) {
    let rest = base.split_once("://").map_or(base, |(_, r)| r);
    let (host_port, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host_port = host_port.rsplit_once('@').map_or(host_port, |(_, h)| h);
    let host = host_port
        .split(':')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let valid = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    let host = if valid { host } else { "localhost".into() };
    (host, path.trim_end_matches('/'))
}

/// The site's host (`pamyatka.edu22.info`), for ids made of it; `localhost` when it has none.
pub fn host(base: &str) -> String {
    tag_authority(base).0
}

/// The entry's id: `tag:pamyatka.edu22.info,2026-12-03:/esia/privyazka/#1`.
pub fn entry_id(base: &str, url: &str, date: IsoDate, number: usize) -> String {
    let (host, path) = tag_authority(base);
    format!("tag:{host},{date}:{path}{url}#{number}")
}

/// An RFC 3339 time for a date: its start, Moscow time (the dates are Russian calendar days).
fn time(date: IsoDate) -> String {
    format!("{date}T00:00:00+03:00")
}

/// Text for XML (content and attributes): escaped, and without the control characters
/// XML 1.0 does not allow.
fn xml(s: &str) -> String {
    crate::escape::escape_attr(s)
        .chars()
        .filter(|&c| c >= ' ' || c == '\t' || c == '\n')
        .collect()
}

/// `<name>text</name>` on a line of its own.
fn element(s: &mut String, indent: &str, name: &str, text: &str) {
    s.push_str(&format!("{indent}<{name}>{}</{name}>\n", xml(text)));
}

/// `<link rel=… type=… href=…/>` on a line of its own.
fn link(s: &mut String, indent: &str, rel: &str, kind: &str, href: &str) {
    s.push_str(&format!(
        "{indent}<link rel=\"{rel}\" type=\"{kind}\" href=\"{}\"/>\n",
        xml(href)
    ));
}

/// One Atom feed: `key` is the section (`""` for the site), `title` the feed's title.
fn write<'a>(
    site: &Site,
    key: &str,
    title: &str,
    entries: impl IntoIterator<Item = &'a Entry<'a>>,
) -> String {
    let base = site.config.base();
    let entries: Vec<&Entry> = entries.into_iter().collect();
    // The newest change; a feed without entries is as new as the newest page.
    let updated = entries.first().map(|e| e.date).or_else(|| {
        site.pages
            .iter()
            .filter(|p| key.is_empty() || in_section(&p.section, key))
            .filter_map(|p| p.front.updated)
            .max()
    });
    let updated = updated.map_or_else(|| "1990-01-01T00:00:00+03:00".to_string(), time);
    let home = if key.is_empty() {
        "/".to_string()
    } else {
        format!("/{key}/")
    };
    let self_url = format!("{base}{}", feed_url(key));
    let mut s = String::with_capacity(1024 + entries.len() * 512);
    s.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    s.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        xml(&site.config.language)
    ));
    element(&mut s, "  ", "id", &self_url);
    element(&mut s, "  ", "title", title);
    element(&mut s, "  ", "subtitle", "Что изменилось в памятках");
    element(&mut s, "  ", "updated", &updated);
    s.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml(&site.config.title)
    ));
    link(&mut s, "  ", "self", "application/atom+xml", &self_url);
    link(
        &mut s,
        "  ",
        "alternate",
        "text/html",
        &format!("{base}{home}"),
    );
    for e in entries {
        s.push_str("  <entry>\n");
        let id = entry_id(base, &e.page.url, e.date, e.number);
        element(&mut s, "    ", "id", &id);
        element(&mut s, "    ", "title", e.text);
        element(&mut s, "    ", "updated", &time(e.date));
        let page = format!("{base}{}#{ANCHOR}", e.page.url);
        link(&mut s, "    ", "alternate", "text/html", &page);
        let summary = format!("{} — {}", e.page.front.title, e.text);
        element(&mut s, "    ", "summary", &summary);
        s.push_str("  </entry>\n");
    }
    s.push_str("</feed>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_ids_are_tag_uris_of_host_date_path_and_number() {
        let d = IsoDate::parse("2026-12-03").unwrap();
        assert_eq!(
            entry_id("https://pamyatka.edu22.info", "/esia/privyazka/", d, 1),
            "tag:pamyatka.edu22.info,2026-12-03:/esia/privyazka/#1"
        );
        // A port, a user and a sub-path: the host names the tag, the path stays in it.
        assert_eq!(
            entry_id("http://u@Site.Example:8080/pamyatka/", "/a/", d, 2),
            "tag:site.example,2026-12-03:/pamyatka/a/#2"
        );
        assert_eq!(
            entry_id("http://[::1]:8000", "/", d, 1),
            "tag:localhost,2026-12-03:/#1"
        );
    }

    #[test]
    fn xml_text_is_escaped_and_control_characters_dropped() {
        assert_eq!(xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn sections_contain_their_sub_sections() {
        assert!(in_section("esia", "esia"));
        assert!(in_section("esia/sub", "esia"));
        assert!(!in_section("esia-2", "esia"));
        assert_eq!(feed_url(""), "/feed.xml");
        assert_eq!(feed_url("esia"), "/esia/feed.xml");
    }
}
