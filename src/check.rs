//! `pamyatka check`: every internal link and `#anchor` of the built site resolves. Links written
//! in Markdown are reported at their `file:line:col`; links from templates at the page they
//! appear on.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::diagnostic::{Diagnostic, Location};
use crate::markdown::SiteLink;
use crate::page_output::PageOutput;
use crate::pipeline::Compiled;
use crate::urls::{percent_decode, resolve_url};
use crate::variant::Variant;

/// All problems found in the compiled site.
pub fn check(compiled: &Compiled) -> Vec<Diagnostic> {
    let mut out = links(compiled);
    out.extend(
        compiled
            .project
            .site
            .pages
            .iter()
            .filter_map(missing_source),
    );
    out.extend(images(compiled));
    // The accessibility lints are warnings when building; `check` is where an editor asks to
    // be told, so they fail it.
    out.extend(
        compiled
            .warnings
            .iter()
            .filter(|d| d.code == crate::lint::CODE)
            .cloned()
            .map(|mut d| {
                d.severity = crate::diagnostic::Severity::Error;
                d
            }),
    );
    out
}

/// The images no page shows or links to (published, but nobody reaches them), and the
/// highlights without a label (a number on an image that the list under it leaves
/// unexplained).
fn images(compiled: &Compiled) -> Vec<Diagnostic> {
    let project = &compiled.project;
    let catalogue = &project.images;
    if catalogue.images.is_empty() {
        return Vec::new();
    }
    let mut used: HashSet<String> = HashSet::new();
    for page in &compiled.pages {
        for link in &page.facts.links {
            let path = link.split(['?', '#']).next().unwrap_or_default();
            used.insert(percent_decode(path));
        }
        for link in &page.links {
            used.insert(link.page_url.clone());
        }
    }
    let mut out = Vec::new();
    for image in catalogue.images.values() {
        if !image
            .files
            .iter()
            .any(|f| used.contains(&format!("/{}", f.path)))
        {
            out.push(
                Diagnostic::error(
                    "image",
                    crate::tr!("image-unused", path = format!("content/{}", image.rel)),
                )
                .kind("unused")
                .hint(crate::tr!("image-unused.hint")),
            );
        }
        let sidecar = format!("{}.yaml", image.rel);
        let sidecar = project
            .site
            .image_sidecars
            .iter()
            .find(|s| s.rsplit_once('.').is_some_and(|(i, _)| i == image.rel))
            .unwrap_or(&sidecar);
        out.extend(
            crate::images::highlights::empty_labels(&project.root, sidecar, &image.highlights)
                .into_iter()
                .map(|mut d| {
                    d.severity = crate::diagnostic::Severity::Error;
                    d
                }),
        );
    }
    out
}

/// A guide (a page of a section folder, not its `_index.md`) must say where its facts come
/// from: the reader is shown the memo's details beside the portal's own reading of it. The
/// error is at the front matter's opening `---`.
fn missing_source(page: &crate::content::Page) -> Option<Diagnostic> {
    let guide = page.kind == crate::content::PageKind::Page
        && !page.section.is_empty()
        && !page.source.is_empty();
    (guide && page.front.source.is_none()).then(|| {
        let start = usize::from(page.source.starts_with('\u{feff}')) * 3;
        Diagnostic::error("source", crate::tr!("source-missing"))
            .at(Location::new(&page.file, page.source.clone(), start, 3))
            .label(crate::tr!("source-missing.label"))
            .hint(crate::tr!("source-missing.hint"))
    })
}

/// Warnings `check` prints as they are (the lints it reports as problems are left out), and
/// what only `check` warns about.
pub fn plain_warnings(compiled: &Compiled) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = compiled
        .warnings
        .iter()
        .filter(|d| d.code != crate::lint::CODE)
        .cloned()
        .collect();
    let site = &compiled.project.site;
    out.extend(placeholder_base(&site.config, &site.root));
    out
}

/// A warning when the site's address is unset or a placeholder: printed pages then name no
/// link addresses (see `SiteConfig::public_base`), and `sitemap.xml` names addresses nobody
/// can open. Only `check` says it: a site is often built before its address is known.
fn placeholder_base(config: &SiteConfig, root: &Path) -> Option<Diagnostic> {
    // No `base_url` at all: the address is not known yet (a new site), nothing to warn about.
    if config.public_base().is_some() || !config.has_base() {
        return None;
    }
    let file = Path::new("content").join("site.yaml");
    let text: Arc<str> = std::fs::read_to_string(root.join(&file)).ok()?.into();
    // The key, not a comment that names it.
    let key = text
        .match_indices("base_url")
        .map(|(at, _)| at)
        .find(|&at| at == 0 || text[..at].ends_with('\n'));
    let (offset, len, base) = match key {
        Some(at) => (at, "base_url".len(), config.base().to_string()),
        None => (0, 0, "none".to_string()),
    };
    Some(
        Diagnostic::warning(
            "site.yaml",
            crate::tr!("site-base-url-placeholder", base = base),
        )
        .at(Location::new(file, text, offset, len))
        .hint(crate::tr!("site-base-url-placeholder.hint")),
    )
}

fn links(compiled: &Compiled) -> Vec<Diagnostic> {
    let ids: HashMap<&str, HashSet<&str>> = compiled
        .pages
        .iter()
        .map(|p| {
            (
                p.url.as_str(),
                p.facts.ids.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let files: HashSet<String> = compiled.files.iter().map(|p| format!("/{p}")).collect();
    // Links of the normal pages: the same link on a low-vision page is reported once, on the
    // normal one (with its Markdown location when it has one).
    let normal_links: HashMap<&str, HashSet<&str>> = compiled
        .pages
        .iter()
        .filter(|p| p.variant == Variant::Normal)
        .map(|p| {
            (
                p.url.as_str(),
                p.facts.links.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let mut out = Vec::new();

    for page in &compiled.pages {
        let counterpart = page
            .url
            .strip_prefix("/lv")
            .filter(|_| page.variant != Variant::Normal)
            .and_then(|u| normal_links.get(u));
        let mut from_markdown = HashSet::new();
        for link in &page.links {
            let full = match &link.anchor {
                Some(a) => format!("{}#{a}", link.page_url),
                None => link.page_url.clone(),
            };
            from_markdown.insert(full.clone());
            if let Some(written) = &link.written {
                out.extend(written_link(page, link, written, &ids, &files));
                continue;
            }
            let Some(anchor) = &link.anchor else { continue };
            let target_ids = ids.get(link.page_url.as_str());
            if !target_ids.is_some_and(|set| set.contains(anchor.as_str())) {
                out.push(
                    Diagnostic::error(
                        "anchor",
                        crate::tr!(
                            "link-anchor-missing",
                            anchor = anchor,
                            page = &link.page_url
                        ),
                    )
                    .at(link.location.clone())
                    .label(crate::tr!("link-anchor-missing.label"))
                    .hint(suggest(anchor, target_ids)),
                );
            }
        }
        for href in &page.facts.links {
            if let Some(links) = counterpart {
                let plain = href.strip_prefix("/lv").unwrap_or(href);
                if links.contains(plain) {
                    continue;
                }
            }
            let href = percent_decode(href);
            let (path, anchor) = match href.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (href.as_str(), None),
            };
            let path = if path.is_empty() {
                page.url.as_str()
            } else {
                path
            };
            let path = path.split('?').next().unwrap_or(path);
            let full = match anchor {
                Some(a) => format!("{path}#{a}"),
                None => path.to_string(),
            };
            if from_markdown.contains(&full) || from_markdown.contains(&href) {
                continue;
            }
            let exists = ids.contains_key(path)
                || files.contains(path)
                || ids.contains_key(format!("{path}/").as_str());
            if !exists {
                out.push(
                    Diagnostic::error(
                        "link",
                        crate::tr!("link-html-broken", origin = &page.origin, href = &href),
                    )
                    .hint(crate::tr!("link-html.hint", page = &page.url)),
                );
                continue;
            }
            if let Some(a) = anchor {
                if a.is_empty() || a == "top" {
                    continue;
                }
                let target = ids.get(path);
                if !target.is_some_and(|set| set.contains(a)) {
                    out.push(
                        Diagnostic::error(
                            "anchor",
                            crate::tr!(
                                "link-html-anchor-missing",
                                origin = &page.origin,
                                href = &href,
                                anchor = a
                            ),
                        )
                        .hint(crate::tr!("link-html.hint", page = &page.url)),
                    );
                }
            }
        }
    }
    out
}

/// A Markdown link that names no `.md` file (`nope/`, `../blank.pdf`, `/esia/`): its target, as
/// resolved from the page's URL, must be a page or a file the build writes, in both versions
/// of the page, and its anchor an id of the target page.
fn written_link(
    page: &PageOutput,
    link: &SiteLink,
    written: &str,
    ids: &HashMap<&str, HashSet<&str>>,
    files: &HashSet<String>,
) -> Option<Diagnostic> {
    let target = link.page_url.as_str();
    let target_page = page_of(target, ids);
    let is_file = files.contains(target);
    if target_page.is_none() && !is_file {
        return Some(
            Diagnostic::error(
                "link",
                crate::tr!("link-broken", written = written, target = target),
            )
            .at(link.location.clone())
            .label(crate::tr!("link-broken.label"))
            .hint(relative_hint(page, written, ids, files)),
        );
    }
    // A relative link to a file leads, from the low-vision version of the page, under /lv/,
    // where no file of content/ is copied.
    if is_file && !written.starts_with('/') && !files.contains(&format!("/lv{target}")) {
        return Some(
            Diagnostic::error(
                "link",
                crate::tr!("link-broken-lv", written = written, target = target),
            )
            .at(link.location.clone())
            .label(crate::tr!("link-broken-lv.label"))
            .hint(crate::tr!("link-broken-lv.hint", target = target)),
        );
    }
    let (Some(anchor), Some(target_page)) = (&link.anchor, target_page) else {
        return None;
    };
    if anchor.is_empty() || anchor == "top" || ids[target_page].contains(anchor.as_str()) {
        return None;
    }
    Some(
        Diagnostic::error(
            "anchor",
            crate::tr!("link-anchor-missing", anchor = anchor, page = target_page),
        )
        .at(link.location.clone())
        .label(crate::tr!("link-anchor-missing.label"))
        .hint(suggest(anchor, ids.get(target_page))),
    )
}

/// The page (its URL, as `ids` has it) that `url` names: `/a/`, `/a` or `/a/index.html`.
fn page_of<'a>(url: &str, ids: &HashMap<&'a str, HashSet<&str>>) -> Option<&'a str> {
    let candidates = [
        url.to_string(),
        format!("{url}/"),
        url.strip_suffix("index.html")
            .unwrap_or_default()
            .to_string(),
    ];
    candidates
        .iter()
        .find_map(|c| ids.get_key_value(c.as_str()).map(|(k, _)| *k))
}

/// How to fix a broken link that names no `.md` file: when the same link, read from the
/// folder of the page's file instead of the page's address, leads somewhere, say so.
fn relative_hint(
    page: &PageOutput,
    written: &str,
    ids: &HashMap<&str, HashSet<&str>>,
    files: &HashSet<String>,
) -> String {
    let general = crate::tr!("link-broken.hint", page = &page.url);
    if written.starts_with('/') {
        return crate::tr!("link-broken.hint-absolute");
    }
    // A section's page (`_index.md`) is published at its file's folder: nothing to add.
    if page.origin.ends_with("index.md") {
        return general;
    }
    let folder = page
        .url
        .trim_end_matches('/')
        .rsplit_once('/')
        .map_or("/".to_string(), |(parent, _)| format!("{parent}/"));
    let path = written.split(['#', '?']).next().unwrap_or_default();
    let Some(alt) = resolve_url(&folder, &percent_decode(path)) else {
        return general;
    };
    if files.contains(&alt) {
        crate::tr!("link-broken.hint-file", page = &page.url, alt = &alt)
    } else if page_of(&alt, ids).is_some() {
        crate::tr!("link-broken.hint-page", page = &page.url, alt = &alt)
    } else {
        general
    }
}

fn suggest(anchor: &str, ids: Option<&HashSet<&str>>) -> String {
    let Some(ids) = ids else {
        return crate::tr!("link-anchor-missing.hint-no-page");
    };
    let mut best: Vec<&&str> = ids
        .iter()
        .filter(|id| {
            !id.starts_with("cl-")
                && (id.contains(anchor) || anchor.contains(**id) || shares_prefix(id, anchor))
        })
        .collect();
    best.sort();
    if best.is_empty() {
        crate::tr!("link-anchor-missing.hint")
    } else {
        let ids = best
            .iter()
            .take(3)
            .map(|s| format!("`#{s}`"))
            .collect::<Vec<_>>()
            .join(", ");
        crate::tr!("link-anchor-missing.hint-close", ids = ids)
    }
}

fn shares_prefix(a: &str, b: &str) -> bool {
    let n = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    n >= 4
}
