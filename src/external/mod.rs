//! `pamyatka check --external`: every `http(s)://` address the site's content links to is
//! asked for once (HEAD, then GET where HEAD is refused), and each dead one is an error, each
//! redirected one a warning, at every place it is written (`file:line:col`). Only this command
//! touches the network: `build`, `serve` and a plain `check` never do.
//!
//! Where addresses are found: Markdown links, images and `<…>` autolinks, full addresses in a
//! page's text (the ones `autolink.rs` turns into links), `href`/`src` attributes of raw HTML,
//! addresses in the text values of data files (YAML; comment lines are not content), and
//! `href`/`src` attributes of the site's own `templates/`.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::content::Site;
use crate::diagnostic::{Diagnostic, Location};
use crate::tr;

mod cache;
mod fetch;

pub use fetch::{Outcome, Problem};

/// The diagnostic code of dead and redirected links.
pub const CODE: &str = "external";

/// How the links are checked.
#[derive(Debug, Clone)]
pub struct Options {
    /// Connect and read timeout of one request.
    pub timeout: Duration,
    /// Read the cache (`--no-cache` turns this off; the results are written all the same).
    pub use_cache: bool,
}

/// One address and every place it is written, in the order first met.
#[derive(Debug, Clone)]
pub struct ExternalLink {
    /// The address as requested: as written, without its `#fragment`.
    pub url: String,
    pub places: Vec<Location>,
}

/// What the check found, and how it went.
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub links: usize,
    /// Addresses answered from the cache, not asked for.
    pub cached: usize,
    /// The cache could not be written (the check's results stand).
    pub cache_error: Option<String>,
}

/// Checks every external link of `site`.
pub fn check(site: &Site, opts: &Options) -> Report {
    let links = collect(site);
    let cache_path = cache::path(&site.root);
    let now = cache::now();
    let mut cache = if opts.use_cache {
        cache::load(&cache_path)
    } else {
        cache::Cache::default()
    };
    let mut outcomes: Vec<Option<Outcome>> = links
        .iter()
        .map(|l| cache.fresh(&l.url, now).cloned())
        .collect();
    let cached = outcomes.iter().filter(|o| o.is_some()).count();
    let to_ask: Vec<usize> = (0..links.len())
        .filter(|&i| outcomes[i].is_none())
        .collect();
    let urls: Vec<&str> = to_ask.iter().map(|&i| links[i].url.as_str()).collect();
    let answers = fetch::check_all(&urls, opts.timeout);
    for (&i, outcome) in to_ask.iter().zip(answers) {
        cache.record(&links[i].url, &outcome, now);
        outcomes[i] = Some(outcome);
    }
    cache.keep_only(links.iter().map(|l| l.url.as_str()), now);
    let cache_error = cache.save(&cache_path).err().map(|e| {
        crate::tr!(
            "external-cache-unwritable",
            file = cache_path.display().to_string(),
            reason = e.to_string()
        )
    });
    let mut diagnostics = Vec::new();
    for (link, outcome) in links.iter().zip(outcomes.into_iter().flatten()) {
        diagnostics.extend(
            link.places
                .iter()
                .filter_map(|at| diagnostic(link, &outcome, at)),
        );
    }
    // In the order of the files and of the places in them, as an editor goes through them.
    diagnostics.sort_by(|a, b| {
        let place = |d: &Diagnostic| d.location.as_ref().map(|l| (l.file.clone(), l.offset));
        place(a).cmp(&place(b))
    });
    Report {
        diagnostics,
        links: links.len(),
        cached,
        cache_error,
    }
}

/// The diagnostic for one place of a link: an error when the link is dead, a warning when it
/// is redirected, nothing when it answers.
fn diagnostic(link: &ExternalLink, outcome: &Outcome, at: &Location) -> Option<Diagnostic> {
    match outcome {
        Outcome::Ok => None,
        Outcome::Redirected { to } => Some(
            Diagnostic::warning(
                CODE,
                tr!(
                    "external-redirected",
                    url = link.url.as_str(),
                    to = to.as_str()
                ),
            )
            .at(at.clone())
            .label(tr!("external-redirected.label"))
            .hint(tr!("external-redirected.hint", to = to.as_str())),
        ),
        Outcome::Dead { problem, via } => {
            let message = match via {
                Some(via) => tr!(
                    "external-broken-via",
                    url = link.url.as_str(),
                    via = via.as_str(),
                    problem = problem.describe()
                ),
                None => tr!(
                    "external-broken",
                    url = link.url.as_str(),
                    problem = problem.describe()
                ),
            };
            Some(
                Diagnostic::error(CODE, message)
                    .at(at.clone())
                    .label(tr!("external-broken.label"))
                    .hint(problem.hint()),
            )
        }
    }
}

/// Every external address of the site's content, each once, with the places it is written.
pub fn collect(site: &Site) -> Vec<ExternalLink> {
    let mut found = Found::default();
    for page in site.pages.iter().filter(|p| !p.source.is_empty()) {
        let body_start = page.body_offset;
        for (url, range) in in_markdown(page.body()) {
            found.add(
                url,
                Location::new(
                    &page.file,
                    page.source.clone(),
                    body_start + range.start,
                    range.len(),
                ),
            );
        }
    }
    for (rel, text) in &site.data_sources {
        let file = Path::new("content").join(rel);
        for (url, range) in in_yaml(text) {
            found.add(
                url,
                Location::new(&file, text.clone(), range.start, range.len()),
            );
        }
    }
    for (file, text) in site_templates(&site.root) {
        for (url, range) in in_html(&text) {
            found.add(
                url,
                Location::new(&file, text.clone(), range.start, range.len()),
            );
        }
    }
    found.links
}

#[derive(Default)]
struct Found {
    links: Vec<ExternalLink>,
    index: HashMap<String, usize>,
}

impl Found {
    fn add(&mut self, url: String, at: Location) {
        let url = match url.split_once('#') {
            Some((u, _)) => u.to_string(),
            None => url,
        };
        let i = *self.index.entry(url.clone()).or_insert_with(|| {
            self.links.push(ExternalLink {
                url,
                places: Vec::new(),
            });
            self.links.len() - 1
        });
        self.links[i].places.push(at);
    }
}

fn is_web(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") && url.len() > 7)
        || (lower.starts_with("https://") && url.len() > 8)
}

/// The web addresses of a Markdown body, at byte ranges of the body.
fn in_markdown(body: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    // Text inside a link is the link's text (an autolink's is its address); inside code it
    // is an example.
    let (mut links, mut code) = (0u32, 0u32);
    for (ev, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match &ev {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                links += 1;
                if is_web(dest_url) {
                    let written = &body[range.clone()];
                    // The address itself (the last one: `[https://a](https://a)`); a reference
                    // link's address is elsewhere, so the link is the place then.
                    let at = written.rfind(dest_url.as_ref()).map_or(range.clone(), |i| {
                        range.start + i..range.start + i + dest_url.len()
                    });
                    out.push((dest_url.to_string(), at));
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => links = links.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => code += 1,
            Event::End(TagEnd::CodeBlock) => code = code.saturating_sub(1),
            Event::Text(text) if links == 0 && code == 0 => {
                let written = &body[range.clone()];
                for (r, full) in crate::autolink::addresses(text) {
                    if !full {
                        continue;
                    }
                    let address = &text[r.clone()];
                    let at = if written == text.as_ref() {
                        range.start + r.start..range.start + r.end
                    } else {
                        written.find(address).map_or(range.clone(), |i| {
                            range.start + i..range.start + i + address.len()
                        })
                    };
                    out.push((address.to_string(), at));
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let written = &body[range.clone()];
                let verbatim = written == html.as_ref();
                for (url, r) in in_html(html) {
                    let at = if verbatim {
                        range.start + r.start..range.start + r.end
                    } else {
                        range.clone()
                    };
                    out.push((url, at));
                }
            }
            _ => {}
        }
    }
    out
}

/// The web addresses in `href`/`src` attributes of HTML (raw HTML of a page, a template).
fn in_html(html: &str) -> Vec<(String, Range<usize>)> {
    scan(html, |before| {
        let Some(before) = before
            .trim_end_matches(['"', '\''])
            .trim_end()
            .strip_suffix('=')
        else {
            return false;
        };
        let attr = before.trim_end().rsplit(char::is_whitespace).next();
        matches!(
            attr.map(str::to_ascii_lowercase).as_deref(),
            Some("href" | "src")
        )
    })
    .into_iter()
    .map(|(url, r)| (url.replace("&amp;", "&"), r))
    .collect()
}

/// The full web addresses in a data file's text, outside comment lines.
fn in_yaml(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim_start().starts_with('#') {
            out.extend(
                scan(line, |_| true)
                    .into_iter()
                    .map(|(url, r)| (url, start + r.start..start + r.end)),
            );
        }
        start += line.len();
    }
    out
}

/// Every `http(s)://` address in `text` that starts a word and whose text before it passes
/// `wanted`; an address ends at a space, quote, bracket or angle bracket, and sentence
/// punctuation after it is not part of it (as in `autolink.rs`).
fn scan(text: &str, wanted: impl Fn(&str) -> bool) -> Vec<(String, Range<usize>)> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find("http").map(|i| from + i) {
        from = i + 4;
        let starts_word = !lower[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '.');
        if !starts_word || !wanted(&text[..i]) {
            continue;
        }
        let end = text[i..]
            .find(|c: char| {
                c.is_whitespace()
                    || matches!(
                        c,
                        '"' | '\'' | '<' | '>' | '`' | '(' | ')' | '«' | '»' | '“' | '”'
                    )
            })
            .map_or(text.len(), |n| i + n);
        let url = text[i..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
        if is_web(url) {
            out.push((url.to_string(), i..i + url.len()));
            from = i + url.len();
        }
    }
    out
}

/// The site's own templates (`templates/*.html`, with their text), as `templates/<name>`.
fn site_templates(root: &Path) -> Vec<(PathBuf, Arc<str>)> {
    let dir = root.join("templates");
    let mut out: Vec<(PathBuf, Arc<str>)> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            let rel = e.path().strip_prefix(root).ok()?.to_path_buf();
            Some((rel, Arc::from(text)))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(found: Vec<(String, Range<usize>)>, text: &str) -> Vec<(String, String)> {
        found
            .into_iter()
            .map(|(u, r)| (u, text[r].to_string()))
            .collect()
    }

    #[test]
    fn markdown_links_text_addresses_and_raw_html_are_found_where_written() {
        let body = "Войдите на [портал](https://www.gosuslugi.ru/#x) или <https://esia.gosuslugi.ru>.\n\n\
                    Адрес: https://fioco.ru/lk, далее.\n\n\
                    `https://code.example/` и\n\n```\nhttps://block.example/\n```\n\n\
                    <a class=\"x\"\n href=\"https://html.example/?a=1&amp;b=2\">a</a> <img src='http://img.example/i.png' alt=\"\">\n\n\
                    ![схема](https://img2.example/s.png) [сайт](/esia/) [почта](mailto:a@b.ru)\n";
        let found = urls(in_markdown(body), body);
        assert_eq!(
            found,
            vec![
                (
                    "https://www.gosuslugi.ru/#x".into(),
                    "https://www.gosuslugi.ru/#x".into()
                ),
                (
                    "https://esia.gosuslugi.ru".into(),
                    "https://esia.gosuslugi.ru".into()
                ),
                ("https://fioco.ru/lk".into(), "https://fioco.ru/lk".into()),
                (
                    "https://html.example/?a=1&b=2".into(),
                    "https://html.example/?a=1&amp;b=2".into()
                ),
                (
                    "http://img.example/i.png".into(),
                    "http://img.example/i.png".into()
                ),
                (
                    "https://img2.example/s.png".into(),
                    "https://img2.example/s.png".into()
                ),
            ]
        );
    }

    #[test]
    fn yaml_addresses_outside_comments() {
        let text = "# see https://comment.example/\nhow: \"Зайдите на https://esia.gosuslugi.ru/registration/ и заполните.\"\nurl: 'https://q.example/a'\n";
        let found = urls(in_yaml(text), text);
        assert_eq!(
            found,
            vec![
                (
                    "https://esia.gosuslugi.ru/registration/".into(),
                    "https://esia.gosuslugi.ru/registration/".into()
                ),
                ("https://q.example/a".into(), "https://q.example/a".into()),
            ]
        );
    }
}
