//! `pamyatka check`: every internal link and `#anchor` of the built site resolves. Links written
//! in Markdown are reported at their `file:line:col`; links from templates at the page they
//! appear on.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::Diagnostic;
use crate::markdown::percent_decode;
use crate::pipeline::Compiled;

/// All problems found in the compiled site.
pub fn check(compiled: &Compiled) -> Vec<Diagnostic> {
    let mut out = links(compiled);
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

/// Warnings `check` prints as they are (the lints it reports as problems are left out).
pub fn plain_warnings(compiled: &Compiled) -> Vec<Diagnostic> {
    compiled
        .warnings
        .iter()
        .filter(|d| d.code != crate::lint::CODE)
        .cloned()
        .collect()
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
        .filter(|p| p.variant == "normal")
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
            .filter(|_| page.variant != "normal")
            .and_then(|u| normal_links.get(u));
        let mut from_markdown = HashSet::new();
        for link in &page.links {
            let full = match &link.anchor {
                Some(a) => format!("{}#{a}", link.page_url),
                None => link.page_url.clone(),
            };
            from_markdown.insert(full.clone());
            let Some(anchor) = &link.anchor else { continue };
            let target_ids = ids.get(link.page_url.as_str());
            if !target_ids.is_some_and(|set| set.contains(anchor.as_str())) {
                out.push(
                    Diagnostic::error(
                        "anchor",
                        format!("`#{anchor}` does not exist on {}", link.page_url),
                    )
                    .at(link.location.clone())
                    .label("no heading or element has this id")
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
                        format!(
                            "{}: link to `{href}`, which is not part of the site",
                            page.origin
                        ),
                    )
                    .hint(format!(
                        "the link is in the HTML of {} (from a template or raw HTML)",
                        page.url
                    )),
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
                            format!("{}: link to `{href}`: no element has id `{a}`", page.origin),
                        )
                        .hint(format!(
                            "the link is in the HTML of {} (from a template or raw HTML)",
                            page.url
                        )),
                    );
                }
            }
        }
    }
    out
}

fn suggest(anchor: &str, ids: Option<&HashSet<&str>>) -> String {
    let Some(ids) = ids else {
        return "check the page path".to_string();
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
        "heading ids are made from the heading text (lowercase, spaces → `-`); or set one with `## Title {#id}`".to_string()
    } else {
        format!(
            "ids that look close: {}",
            best.iter()
                .take(3)
                .map(|s| format!("`#{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

fn shares_prefix(a: &str, b: &str) -> bool {
    let n = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    n >= 4
}
