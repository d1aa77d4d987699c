//! Rendering stage: the page context for tera, built from the site model; the navigation and
//! page summaries are computed once per build and shared by every page.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::content::{Audience, Page, PageKind, Site, url_for};
use crate::markdown::Rendered;

/// Values computed once per build.
pub struct Shared {
    /// Per page index: `{title, url, description, audience}`.
    pub summaries: Vec<Value>,
    /// Per section key: `{title, url, description, pages, subsections}`.
    pub sections: BTreeMap<String, Value>,
    /// Top-level navigation.
    pub nav: Value,
}

fn audience_values(list: &[Audience]) -> Value {
    Value::Array(
        list.iter()
            .map(|a| json!({"id": a.id(), "label": a.label()}))
            .collect(),
    )
}

fn section_url(key: &str) -> String {
    if key.is_empty() {
        "/".to_string()
    } else {
        url_for(&format!("{key}/_index.md"))
    }
}

impl Shared {
    pub fn new(site: &Site) -> Shared {
        let summaries: Vec<Value> = site
            .pages
            .iter()
            .map(|p| {
                json!({
                    "title": p.front.title,
                    "url": p.url,
                    "description": p.front.description.clone().unwrap_or_default(),
                    "audience": audience_values(&p.front.audience),
                    "weight": p.front.weight,
                })
            })
            .collect();
        let section_summary = |key: &str| -> Value {
            let s = &site.sections[key];
            let description = s
                .index_page
                .and_then(|i| site.pages[i].front.description.clone())
                .unwrap_or_default();
            json!({"title": site.section_title(s), "url": section_url(key), "description": description})
        };
        let feeds = crate::feed::sections_with_feeds(site);
        let mut sections = BTreeMap::new();
        for (key, s) in &site.sections {
            let mut v = section_summary(key);
            v["key"] = json!(key);
            // The feed of the nearest section with one (its pages link it from their head).
            let mut feed_key = Some(key.as_str()).filter(|k| !k.is_empty());
            while let Some(k) = feed_key.filter(|k| !feeds.contains(k)) {
                feed_key = k.rsplit_once('/').map(|(parent, _)| parent);
            }
            v["feed"] = match feed_key {
                Some(k) => {
                    json!({"url": crate::feed::feed_url(k), "title": site.section_title(&site.sections[k])})
                }
                None => Value::Null,
            };
            v["pages"] = Value::Array(s.pages.iter().map(|&i| summaries[i].clone()).collect());
            v["subsections"] =
                Value::Array(s.subsections.iter().map(|k| section_summary(k)).collect());
            sections.insert(key.clone(), v);
        }
        let root = &site.sections[""];
        let mut nav: Vec<Value> = root
            .subsections
            .iter()
            .map(|k| section_summary(k))
            .collect();
        nav.extend(
            root.pages
                .iter()
                .filter(|&&i| site.pages[i].front.nav != Some(false))
                .map(|&i| summaries[i].clone()),
        );
        Shared {
            summaries,
            sections,
            nav: Value::Array(nav),
        }
    }
}

/// The `page` value for one page.
pub fn page_value(page: &Page, rendered: &Rendered) -> Value {
    let kind = match page.kind {
        PageKind::Home => "home",
        PageKind::Section => "section",
        PageKind::Page => "page",
    };
    let toc: Vec<&crate::markdown::Heading> =
        rendered.headings.iter().filter(|h| h.level == 2).collect();
    json!({
        "title": page.front.title,
        "description": page.front.description.clone().unwrap_or_default(),
        "url": page.url,
        "kind": kind,
        "rel": page.rel,
        "template": page.template(),
        "audience": audience_values(&page.front.audience),
        "updated": page.front.updated.map(|d| d.to_string()).unwrap_or_default(),
        "source": page.front.source,
        "content": rendered.html,
        "toc": toc,
        "outline": outline(rendered),
        "checklist": rendered.checklist,
        "widgets": widget_flags(&rendered.widgets),
        "changes": crate::feed::page_changes(page),
    })
}

/// The fewest steps a guide needs for a step outline.
pub const MIN_OUTLINE_STEPS: usize = 3;

/// `Шаг 3. Подайте заявление` → (3, `Подайте заявление`): how guides mark their steps.
fn step_heading(text: &str) -> Option<(u64, &str)> {
    let rest = text.strip_prefix("Шаг")?;
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace());
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let number = rest[..digits].parse().ok()?;
    let title = rest[digits..].trim_start_matches(['.', ':', ')', '—', '–', '-', ' ', '\u{a0}']);
    Some((number, if title.is_empty() { text } else { title }))
}

/// The guide's step outline (GOV.UK step by step): its steps — the headings marked «Шаг N»,
/// or else its `h2` headings — each with the ids of the checklist items under it (up to the
/// next heading of the same or a higher level). `null` for fewer than
/// [`MIN_OUTLINE_STEPS`] steps.
pub fn outline(rendered: &Rendered) -> Value {
    let headings = &rendered.headings;
    let marked: Vec<usize> = (0..headings.len())
        .filter(|&i| headings[i].level >= 2 && step_heading(&headings[i].text).is_some())
        .collect();
    let by_marker = !marked.is_empty();
    let steps = if by_marker {
        marked
    } else {
        (0..headings.len())
            .filter(|&i| headings[i].level == 2)
            .collect()
    };
    if steps.len() < MIN_OUTLINE_STEPS {
        return Value::Null;
    }
    let listed: Vec<Value> = steps
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let h = &headings[i];
            let end = (i + 1..headings.len())
                .find(|&j| headings[j].level <= h.level)
                .unwrap_or(headings.len());
            let items: Vec<&str> = rendered
                .checklist
                .iter()
                .filter(|c| c.heading.is_some_and(|k| (i..end).contains(&k)))
                .map(|c| c.id.as_str())
                .collect();
            let (number, title) = match step_heading(&h.text) {
                Some((number, title)) if by_marker => (number, title),
                _ => (n as u64 + 1, h.text.as_str()),
            };
            json!({"number": number, "id": h.id, "title": title, "items": items.join(" ")})
        })
        .collect();
    let tasks = listed.iter().all(|s| s["items"] != "");
    json!({"steps": listed, "by_marker": by_marker, "tasks": tasks})
}

/// Which kinds of widget a page has (`page.widgets.deadline`, …), for the scripts it loads.
fn widget_flags(widgets: &[crate::widgets::WidgetUse]) -> Value {
    use crate::widgets::Kind;
    let has = |k: Kind| widgets.iter().any(|w| w.kind == k);
    json!({
        "deadline": has(Kind::Deadline),
        "archive": has(Kind::ArchiveCheck),
        "account": has(Kind::EsiaReadiness) || has(Kind::RegistrationCheck),
    })
}

/// The `page` value for a page that has no Markdown (the 404 page).
pub fn synthetic_page(title: &str, url: &str, kind: &str) -> Value {
    json!({
        "title": title, "description": "", "url": url, "kind": kind, "rel": "", "template": "404.html",
        "audience": [], "updated": "", "source": null, "content": "", "toc": [], "outline": null, "checklist": [],
        "widgets": {"deadline": false, "archive": false, "account": false}, "changes": [],
    })
}

/// Step-by-step navigation for a guide of several pages (the pages of its section, in order):
/// `null` unless the section has at least two pages and this is one of them.
/// The most steps the step-by-step navigation lists in full. A longer section is a catalogue
/// rather than a guide: its pages show the steps around them (and where the rest are), which
/// keeps a page short to read and to tab through, and the cost of a page independent of the
/// size of its section.
pub const MAX_LISTED_STEPS: usize = 12;
/// Steps listed on either side of the current one in a long section.
const STEPS_AROUND: usize = 3;

pub fn steps(section: &Value, url: &str) -> Value {
    let Some(pages) = section["pages"].as_array() else {
        return Value::Null;
    };
    let Some(i) = pages.iter().position(|p| p["url"] == url) else {
        return Value::Null;
    };
    if pages.len() < 2 {
        return Value::Null;
    }
    let brief =
        |n: usize| json!({"title": pages[n]["title"], "url": pages[n]["url"], "number": n + 1});
    let listed = if pages.len() <= MAX_LISTED_STEPS {
        0..pages.len()
    } else {
        i.saturating_sub(STEPS_AROUND)..(i + STEPS_AROUND + 1).min(pages.len())
    };
    json!({
        "pages": listed.clone().map(brief).collect::<Vec<_>>(),
        "first_listed": listed.start + 1,
        "more_before": listed.start > 0,
        "more_after": listed.end < pages.len(),
        "current": i + 1,
        "total": pages.len(),
        "prev": if i > 0 { brief(i - 1) } else { Value::Null },
        "next": if i + 1 < pages.len() { brief(i + 1) } else { Value::Null },
    })
}

#[cfg(test)]
mod steps_tests {
    use super::*;
    use crate::markdown::{ChecklistItem, Heading};

    fn guide(headings: &[(u8, &str)], items: &[(&str, usize)]) -> Rendered {
        Rendered {
            headings: headings
                .iter()
                .enumerate()
                .map(|(n, &(level, text))| Heading {
                    level,
                    id: format!("h{n}"),
                    text: text.to_string(),
                })
                .collect(),
            checklist: items
                .iter()
                .map(|&(id, heading)| ChecklistItem {
                    id: id.to_string(),
                    text: id.to_string(),
                    heading: Some(heading),
                })
                .collect(),
            ..Rendered::default()
        }
    }

    #[test]
    fn the_outline_lists_the_steps_marked_in_headings_with_their_items() {
        let r = guide(
            &[
                (2, "Что подготовить"),
                (2, "Пошаговая инструкция"),
                (3, "Шаг 1. Назначьте ответственного"),
                (3, "Шаг 2. Изучите документы"),
                (4, "Приложения"),
                (3, "Шаг 3: Подайте заявление"),
                (2, "Куда обращаться"),
            ],
            &[
                ("pasport", 0),
                ("prikaz", 2),
                ("reglament", 3),
                ("soglashenie", 4),
                ("skan", 5),
            ],
        );
        let o = outline(&r);
        assert_eq!(o["by_marker"], true);
        assert_eq!(o["tasks"], true);
        let steps = o["steps"].as_array().unwrap();
        let brief: Vec<(u64, &str, &str, &str)> = steps
            .iter()
            .map(|s| {
                (
                    s["number"].as_u64().unwrap(),
                    s["id"].as_str().unwrap(),
                    s["title"].as_str().unwrap(),
                    s["items"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            brief,
            [
                (1, "h2", "Назначьте ответственного", "prikaz"),
                (2, "h3", "Изучите документы", "reglament soglashenie"),
                (3, "h5", "Подайте заявление", "skan"),
            ]
        );
    }

    #[test]
    fn without_step_marks_the_outline_is_the_h2_headings_and_needs_three() {
        let r = guide(
            &[(2, "Один"), (3, "Шагомер"), (2, "Два"), (2, "Три")],
            &[("a", 1)],
        );
        let o = outline(&r);
        assert_eq!(o["by_marker"], false);
        assert_eq!(o["tasks"], false, "two steps have nothing to tick");
        let titles: Vec<&str> = o["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["title"].as_str().unwrap())
            .collect();
        assert_eq!(titles, ["Один", "Два", "Три"]);
        assert_eq!(o["steps"][0]["items"], "a");
        assert_eq!(
            outline(&guide(&[(2, "Один"), (2, "Два")], &[])),
            Value::Null
        );
        let two_marked = guide(&[(3, "Шаг 1. А"), (3, "Шаг 2. Б"), (2, "В"), (2, "Г")], &[]);
        assert_eq!(outline(&two_marked), Value::Null);
    }

    #[test]
    fn steps_know_their_neighbours() {
        let section = json!({"pages": [
            {"title": "Этап 1", "url": "/g/e1/"},
            {"title": "Этап 2", "url": "/g/e2/"},
            {"title": "Модуль 2.1", "url": "/g/m21/"},
        ]});
        let s = steps(&section, "/g/e2/");
        assert_eq!(s["current"], 2);
        assert_eq!(s["total"], 3);
        assert_eq!(s["prev"]["url"], "/g/e1/");
        assert_eq!(s["next"]["url"], "/g/m21/");
        assert_eq!(steps(&section, "/g/e1/")["prev"], Value::Null);
        assert_eq!(steps(&section, "/other/"), Value::Null);
        assert_eq!(
            steps(&json!({"pages": [{"title": "x", "url": "/x/"}]}), "/x/"),
            Value::Null
        );
    }

    #[test]
    fn a_long_section_lists_the_steps_around_the_current_one() {
        let pages: Vec<Value> = (1..=40)
            .map(|n| json!({"title": format!("Шаг {n}"), "url": format!("/g/{n}/")}))
            .collect();
        let section = json!({ "pages": pages });
        let s = steps(&section, "/g/20/");
        let numbers: Vec<u64> = s["pages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["number"].as_u64().unwrap())
            .collect();
        assert_eq!(numbers, [17, 18, 19, 20, 21, 22, 23]);
        assert_eq!(
            (s["current"].clone(), s["total"].clone()),
            (json!(20), json!(40))
        );
        assert_eq!(
            (s["more_before"].clone(), s["more_after"].clone()),
            (json!(true), json!(true))
        );
        let first = steps(&section, "/g/1/");
        assert_eq!(first["pages"].as_array().unwrap().len(), 4);
        assert_eq!(first["more_before"], json!(false));
        assert_eq!(first["first_listed"], json!(1));
        // A guide of a few pages lists them all.
        let short = json!({"pages": pages[..MAX_LISTED_STEPS].to_vec()});
        let s = steps(&short, "/g/5/");
        assert_eq!(s["pages"].as_array().unwrap().len(), MAX_LISTED_STEPS);
        assert_eq!(
            (s["more_before"].clone(), s["more_after"].clone()),
            (json!(false), json!(false))
        );
    }
}
