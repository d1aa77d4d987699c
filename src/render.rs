//! Rendering stage: the page context for tera, built from the site model; the navigation and
//! page summaries are computed once per build and shared by every page. What the templates
//! receive is typed (`context.rs`).

pub mod context;

use std::collections::BTreeMap;

use crate::content::{Page, PageKind, Site, url_for};
use crate::markdown::Rendered;
use context::{
    AudienceView, Converted, FeedLink, NavItem, Outline, OutlineStep, PageSummary, PageView,
    SectionSummary, SectionValue, StepLink, Steps, WidgetFlags,
};

/// Values computed once per build.
pub struct Shared {
    /// Per section key, converted for the templates once (each page's `section`).
    pub sections: BTreeMap<String, Converted<SectionValue>>,
    /// Top-level navigation.
    pub nav: Vec<NavItem>,
}

fn audience_values(list: &[crate::content::Audience]) -> Vec<AudienceView> {
    list.iter().map(|&a| a.into()).collect()
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
        let summaries: Vec<PageSummary> = site
            .pages
            .iter()
            .map(|p| PageSummary {
                title: p.front.title.clone(),
                url: p.url.clone(),
                description: p.front.description.clone().unwrap_or_default(),
                audience: audience_values(&p.front.audience),
                weight: p.front.weight,
            })
            .collect();
        let section_summary = |key: &str| -> SectionSummary {
            let s = &site.sections[key];
            let description = s
                .index_page
                .and_then(|i| site.pages[i].front.description.clone())
                .unwrap_or_default();
            SectionSummary {
                title: site.section_title(s),
                url: section_url(key),
                description,
            }
        };
        let feeds = crate::feed::sections_with_feeds(site);
        let mut sections = BTreeMap::new();
        for (key, s) in &site.sections {
            let SectionSummary {
                title,
                url,
                description,
            } = section_summary(key);
            // The feed of the nearest section with one (its pages link it from their head).
            let mut feed_key = Some(key.as_str()).filter(|k| !k.is_empty());
            while let Some(k) = feed_key.filter(|k| !feeds.contains(k)) {
                feed_key = k.rsplit_once('/').map(|(parent, _)| parent);
            }
            let value = SectionValue {
                title,
                url,
                description,
                key: key.clone(),
                feed: feed_key.map(|k| FeedLink {
                    url: crate::feed::feed_url(k),
                    title: site.section_title(&site.sections[k]),
                }),
                pages: s.pages.iter().map(|&i| summaries[i].clone()).collect(),
                subsections: s.subsections.iter().map(|k| section_summary(k)).collect(),
            };
            sections.insert(key.clone(), Converted::new(value));
        }
        let root = &site.sections[""];
        let mut nav: Vec<NavItem> = root
            .subsections
            .iter()
            .map(|k| NavItem::Section(section_summary(k)))
            .collect();
        nav.extend(
            root.pages
                .iter()
                .filter(|&&i| site.pages[i].front.nav != Some(false))
                .map(|&i| NavItem::Page(summaries[i].clone())),
        );
        Shared { sections, nav }
    }
}

/// The `page` value for one page.
pub fn page_value<'a>(page: &'a Page, rendered: &'a Rendered) -> PageView<'a> {
    let kind = match page.kind {
        PageKind::Home => "home",
        PageKind::Section => "section",
        PageKind::Page => "page",
    };
    PageView {
        title: &page.front.title,
        description: page.front.description.as_deref().unwrap_or_default(),
        url: &page.url,
        kind,
        rel: &page.rel,
        template: page.template(),
        audience: audience_values(&page.front.audience),
        updated: page.front.updated,
        source: page.front.source.as_ref(),
        content: &rendered.html,
        toc: rendered.headings.iter().filter(|h| h.level == 2).collect(),
        outline: outline(rendered),
        checklist: &rendered.checklist,
        widgets: widget_flags(&rendered.widgets),
        changes: crate::feed::page_changes(page),
    }
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
/// next heading of the same or a higher level). `None` for fewer than
/// [`MIN_OUTLINE_STEPS`] steps.
pub fn outline(rendered: &Rendered) -> Option<Outline<'_>> {
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
        return None;
    }
    let listed: Vec<OutlineStep> = steps
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
            OutlineStep {
                number,
                id: &h.id,
                title,
                items: items.join(" "),
            }
        })
        .collect();
    let tasks = listed.iter().all(|s| !s.items.is_empty());
    Some(Outline {
        steps: listed,
        by_marker,
        tasks,
    })
}

/// Which kinds of widget a page has, for the scripts it loads.
fn widget_flags(widgets: &[crate::widgets::WidgetUse]) -> WidgetFlags {
    use crate::widgets::Kind;
    let has = |k: Kind| widgets.iter().any(|w| w.kind == k);
    WidgetFlags {
        deadline: has(Kind::Deadline),
        archive: has(Kind::ArchiveCheck),
        account: has(Kind::EsiaReadiness) || has(Kind::RegistrationCheck),
    }
}

/// The `page` value for a page that has no Markdown (the 404 page).
pub fn synthetic_page<'a>(title: &'a str, url: &'a str, kind: &'static str) -> PageView<'a> {
    PageView {
        title,
        description: "",
        url,
        kind,
        rel: "",
        template: "404.html",
        audience: Vec::new(),
        updated: None,
        source: None,
        content: "",
        toc: Vec::new(),
        outline: None,
        checklist: &[],
        widgets: WidgetFlags::default(),
        changes: Vec::new(),
    }
}

/// The most steps the step-by-step navigation lists in full. A longer section is a catalogue
/// rather than a guide: its pages show the steps around them (and where the rest are), which
/// keeps a page short to read and to tab through, and the cost of a page independent of the
/// size of its section.
pub const MAX_LISTED_STEPS: usize = 12;
/// Steps listed on either side of the current one in a long section.
const STEPS_AROUND: usize = 3;

/// Step-by-step navigation for a guide of several pages: the page at `url` among its
/// section's `pages` (in order); `None` unless the section has at least two pages and this is
/// one of them.
pub fn steps<'a>(pages: &'a [PageSummary], url: &str) -> Option<Steps<'a>> {
    let i = pages.iter().position(|p| p.url == url)?;
    if pages.len() < 2 {
        return None;
    }
    let brief = |n: usize| StepLink {
        title: &pages[n].title,
        url: &pages[n].url,
        number: n + 1,
    };
    let listed = if pages.len() <= MAX_LISTED_STEPS {
        0..pages.len()
    } else {
        i.saturating_sub(STEPS_AROUND)..(i + STEPS_AROUND + 1).min(pages.len())
    };
    Some(Steps {
        pages: listed.clone().map(brief).collect(),
        first_listed: listed.start + 1,
        more_before: listed.start > 0,
        more_after: listed.end < pages.len(),
        current: i + 1,
        total: pages.len(),
        prev: (i > 0).then(|| brief(i - 1)),
        next: (i + 1 < pages.len()).then(|| brief(i + 1)),
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
        let o = outline(&r).expect("an outline");
        assert!(o.by_marker);
        assert!(o.tasks);
        let brief: Vec<(u64, &str, &str, &str)> = o
            .steps
            .iter()
            .map(|s| (s.number, s.id, s.title, s.items.as_str()))
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
        let o = outline(&r).expect("an outline");
        assert!(!o.by_marker);
        assert!(!o.tasks, "two steps have nothing to tick");
        let titles: Vec<&str> = o.steps.iter().map(|s| s.title).collect();
        assert_eq!(titles, ["Один", "Два", "Три"]);
        assert_eq!(o.steps[0].items, "a");
        assert!(outline(&guide(&[(2, "Один"), (2, "Два")], &[])).is_none());
        let two_marked = guide(&[(3, "Шаг 1. А"), (3, "Шаг 2. Б"), (2, "В"), (2, "Г")], &[]);
        assert!(outline(&two_marked).is_none());
    }

    fn summaries(list: &[(&str, &str)]) -> Vec<PageSummary> {
        list.iter()
            .map(|&(title, url)| PageSummary {
                title: title.to_string(),
                url: url.to_string(),
                description: String::new(),
                audience: Vec::new(),
                weight: 0,
            })
            .collect()
    }

    #[test]
    fn steps_know_their_neighbours() {
        let pages = summaries(&[
            ("Этап 1", "/g/e1/"),
            ("Этап 2", "/g/e2/"),
            ("Модуль 2.1", "/g/m21/"),
        ]);
        let s = steps(&pages, "/g/e2/").expect("steps");
        assert_eq!((s.current, s.total), (2, 3));
        assert_eq!(s.prev.map(|p| p.url), Some("/g/e1/"));
        assert_eq!(s.next.map(|p| p.url), Some("/g/m21/"));
        assert!(steps(&pages, "/g/e1/").expect("steps").prev.is_none());
        assert!(steps(&pages, "/other/").is_none());
        assert!(steps(&summaries(&[("x", "/x/")]), "/x/").is_none());
    }

    #[test]
    fn a_long_section_lists_the_steps_around_the_current_one() {
        let titles: Vec<(String, String)> = (1..=40)
            .map(|n| (format!("Шаг {n}"), format!("/g/{n}/")))
            .collect();
        let refs: Vec<(&str, &str)> = titles
            .iter()
            .map(|(t, u)| (t.as_str(), u.as_str()))
            .collect();
        let pages = summaries(&refs);
        let s = steps(&pages, "/g/20/").expect("steps");
        let numbers: Vec<usize> = s.pages.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [17, 18, 19, 20, 21, 22, 23]);
        assert_eq!((s.current, s.total), (20, 40));
        assert_eq!((s.more_before, s.more_after), (true, true));
        let first = steps(&pages, "/g/1/").expect("steps");
        assert_eq!(first.pages.len(), 4);
        assert!(!first.more_before);
        assert_eq!(first.first_listed, 1);
        // A guide of a few pages lists them all.
        let short = &pages[..MAX_LISTED_STEPS];
        let s = steps(short, "/g/5/").expect("steps");
        assert_eq!(s.pages.len(), MAX_LISTED_STEPS);
        assert_eq!((s.more_before, s.more_after), (false, false));
    }
}
