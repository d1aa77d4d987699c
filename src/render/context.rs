//! What the templates receive, as typed `Serialize` structs (like Zola's `SerializingPage`):
//! a page's context ([`PageContext`]: `page`, `section`, `steps`, `widget_data`, `calculator`,
//! the data values of a page made from data, `variant`) and the values every template sees
//! ([`GlobalContext`]: `site`, `nav`, `site_map`, `audiences`, …). Each field is the template
//! variable of its name; serialized straight into tera's values, with no JSON in between.
//!
//! The values made once per build that a page's context holds (its section with the section's
//! pages) are converted into tera's value once ([`Converted`]): tera's values share their
//! contents, so putting one in a page's context copies no page list.

use serde::{Serialize, Serializer};

use crate::content::{Audience, SourceInfo};
use crate::data::regulation::view::{GroupPage, RolesPage};
use crate::feed::{ChangeView, LatestChange};
use crate::markdown::{ChecklistItem, Heading};
use crate::variant::Variant;
use pamyatka_checks::date::IsoDate;

/// A typed value and its template form, converted once; serializing it into a template
/// context shares the converted value instead of walking the typed one again.
pub struct Converted<T> {
    pub typed: T,
    template: tera::Value,
}

impl<T: Serialize> Converted<T> {
    pub fn new(typed: T) -> Converted<T> {
        let template = tera::Value::from_serializable(&typed);
        Converted { typed, template }
    }
}

impl<T> std::ops::Deref for Converted<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.typed
    }
}

impl<T> Serialize for Converted<T> {
    /// Into tera's values: the converted value, shared; into anything else: its contents.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.template.serialize(s)
    }
}

/// A reader group (`{id, label}`), as `page.audience` and `audiences` list them.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct AudienceView {
    pub id: &'static str,
    pub label: &'static str,
}

impl From<Audience> for AudienceView {
    fn from(a: Audience) -> AudienceView {
        AudienceView {
            id: a.id(),
            label: a.label(),
        }
    }
}

/// A page in a list (a section's `pages`, `nav`, `site_map`).
#[derive(Debug, Clone, Serialize)]
pub struct PageSummary {
    pub title: String,
    pub url: String,
    /// Empty when the page has none.
    pub description: String,
    pub audience: Vec<AudienceView>,
    pub weight: i64,
}

/// A section in a list (a section's `subsections`, `nav`).
#[derive(Debug, Clone, Serialize)]
pub struct SectionSummary {
    pub title: String,
    pub url: String,
    /// Its index page's description; empty when it has none.
    pub description: String,
}

/// The Atom feed a section's pages link from their head (`section.feed`).
#[derive(Debug, Clone, Serialize)]
pub struct FeedLink {
    pub url: String,
    pub title: String,
}

/// A page's `section` (and each entry of `site_map`).
#[derive(Debug, Clone, Serialize)]
pub struct SectionValue {
    pub title: String,
    pub url: String,
    pub description: String,
    /// `""` for the root, `esia`, `esia/podrobno` …
    pub key: String,
    /// The feed of the nearest section with one (this one or a parent), if any.
    pub feed: Option<FeedLink>,
    pub pages: Vec<PageSummary>,
    pub subsections: Vec<SectionSummary>,
}

/// An entry of the top-level navigation (`nav`): the root's sections, then its pages.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum NavItem {
    Section(SectionSummary),
    Page(PageSummary),
}

/// Which kinds of widget a page has (`page.widgets.deadline`, …), for the scripts it loads.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct WidgetFlags {
    pub deadline: bool,
    pub archive: bool,
    pub account: bool,
}

/// A step of a guide's outline (`page.outline.steps`).
#[derive(Debug, Clone, Serialize)]
pub struct OutlineStep<'a> {
    pub number: u64,
    /// The heading's id.
    pub id: &'a str,
    pub title: &'a str,
    /// The ids of the checklist items under it, separated by spaces.
    pub items: String,
}

/// A guide's step outline (`page.outline`).
#[derive(Debug, Clone, Serialize)]
pub struct Outline<'a> {
    pub steps: Vec<OutlineStep<'a>>,
    /// Whether the steps are the headings marked «Шаг N» (else the `h2`s).
    pub by_marker: bool,
    /// Whether every step has checklist items (a task list).
    pub tasks: bool,
}

/// The `page` of a page's context.
#[derive(Debug, Serialize)]
pub struct PageView<'a> {
    pub title: &'a str,
    /// Empty when the page has none.
    pub description: &'a str,
    pub url: &'a str,
    /// `home`, `section`, `page` (`404` for the 404 page).
    pub kind: &'static str,
    pub rel: &'a str,
    pub template: &'a str,
    pub audience: Vec<AudienceView>,
    /// `YYYY-MM-DD`, or empty.
    #[serde(serialize_with = "date_or_empty")]
    pub updated: Option<IsoDate>,
    pub source: Option<&'a SourceInfo>,
    /// The page's HTML from its Markdown.
    pub content: &'a str,
    /// Its `h2` headings.
    pub toc: Vec<&'a Heading>,
    pub outline: Option<Outline<'a>>,
    pub checklist: &'a [ChecklistItem],
    pub widgets: WidgetFlags,
    /// Newest first.
    pub changes: Vec<ChangeView<'a>>,
}

fn date_or_empty<S: Serializer>(date: &Option<IsoDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => d.serialize(s),
        None => s.serialize_str(""),
    }
}

/// A page of the step-by-step navigation (`steps.pages`, `steps.prev`, `steps.next`).
#[derive(Debug, Clone, Serialize)]
pub struct StepLink<'a> {
    pub title: &'a str,
    pub url: &'a str,
    /// Its place in the section, from 1.
    pub number: usize,
}

/// Step-by-step navigation for a guide of several pages (`steps`).
#[derive(Debug, Clone, Serialize)]
pub struct Steps<'a> {
    /// The steps listed: all of them, or those around the current one in a long section.
    pub pages: Vec<StepLink<'a>>,
    /// The number of the first one listed.
    pub first_listed: usize,
    pub more_before: bool,
    pub more_after: bool,
    pub current: usize,
    pub total: usize,
    pub prev: Option<StepLink<'a>>,
    pub next: Option<StepLink<'a>>,
}

/// A rule file a widget of the page needs, inlined as JSON (`widget_data`).
#[derive(Debug, Clone, Serialize)]
pub struct WidgetData {
    /// The rule's path in `content/` without `.yaml`.
    pub path: String,
    /// The rule as JSON, safe inside `<script>`.
    pub json: String,
}

/// Everything a page's template gets besides the global values.
#[derive(Serialize)]
pub struct PageContext<'a> {
    pub page: PageView<'a>,
    pub section: &'a Converted<SectionValue>,
    pub steps: Option<Steps<'a>>,
    pub widget_data: &'a [WidgetData],
    /// Whether the page has deadline calculators outside its Markdown (the regulation tables'
    /// pages).
    pub calculator: bool,
    /// A stage's or module's page of a regulation table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regulation: Option<&'a GroupPage>,
    /// A regulation table's role index, or one role's page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regulation_roles: Option<&'a RolesPage>,
    /// The version rendered (`normal`, `lv`).
    pub variant: Variant,
}

impl PageContext<'_> {
    /// As tera's context.
    pub fn to_tera(&self) -> tera::Context {
        // Strings, numbers, lists and maps with string keys: always a context.
        tera::Context::from_serialize(self).expect("a page context serializes")
    }
}

/// The first and last day the production calendar covers (`calendar_range`: `min`/`max` of
/// the date inputs); both empty without a calendar.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CalendarRange {
    pub min: String,
    pub max: String,
}

/// The values every template sees, set once per build.
#[derive(Serialize)]
pub struct GlobalContext<'a> {
    /// `content/site.yaml`.
    pub site: &'a crate::config::SiteConfig,
    /// The site's real public address without its last `/`, or "" for a placeholder
    /// (`SiteConfig::public_base`): what the calculators' .ics events link to from the
    /// offline bundle.
    pub public_base: &'a str,
    pub nav: &'a [NavItem],
    /// The home page's «Что изменилось» (`feed.rs`).
    pub latest_changes: Vec<LatestChange<'a>>,
    /// Every section with its pages, for the search page's list (what it shows without
    /// JavaScript).
    pub site_map: Vec<&'a Converted<SectionValue>>,
    /// The data files as they are.
    pub data: &'a serde_json::Value,
    /// The production calendar for the deadline calculators, inlined in the pages that have
    /// one (a `fetch` would not work from file://).
    pub calendar_range: CalendarRange,
    /// The Content-Security-Policy of every page's meta tag.
    pub csp: &'static str,
    /// The calendar years as one JSON array, safe inside `<script>`.
    pub calendar_json: String,
    pub audiences: Vec<AudienceView>,
}

impl GlobalContext<'_> {
    /// As tera's context.
    pub fn to_tera(&self) -> tera::Context {
        tera::Context::from_serialize(self).expect("the global context serializes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section() -> SectionValue {
        SectionValue {
            title: "ЕСИА".into(),
            url: "/esia/".into(),
            description: String::new(),
            key: "esia".into(),
            feed: None,
            pages: vec![PageSummary {
                title: "Привязка".into(),
                url: "/esia/privyazka/".into(),
                description: "Как привязать".into(),
                audience: vec![Audience::Schools.into()],
                weight: 2,
            }],
            subsections: Vec::new(),
        }
    }

    #[test]
    fn a_converted_value_is_its_typed_value_for_the_templates() {
        let converted = Converted::new(section());
        assert_eq!(
            tera::Value::from_serializable(&converted),
            tera::Value::from_serializable(&section())
        );
        assert_eq!(converted.pages[0].url, "/esia/privyazka/");
    }

    #[test]
    fn a_page_context_names_the_template_variables_and_leaves_out_absent_data_values() {
        let section = Converted::new(section());
        let context = PageContext {
            page: crate::render::synthetic_page("Нет", "/404.html", "404"),
            section: &section,
            steps: None,
            widget_data: &[],
            calculator: false,
            regulation: None,
            regulation_roles: None,
            variant: Variant::LowVision,
        };
        let ctx = context.to_tera();
        for name in [
            "page",
            "section",
            "steps",
            "widget_data",
            "calculator",
            "variant",
        ] {
            assert!(ctx.contains_key(name), "{name}");
        }
        assert!(!ctx.contains_key("regulation") && !ctx.contains_key("regulation_roles"));
        // The section is the value converted once, shared, not a copy of its page list.
        let shared = ctx.get("section").and_then(|v| v.as_map());
        assert!(std::ptr::eq(
            shared.expect("a map"),
            section.template.as_map().expect("a map")
        ));
        let mut tera = tera::Tera::default();
        tera.add_raw_template(
            "t",
            "{{ variant }} {{ page.kind }} [{{ page.updated }}] {{ section.pages[0].audience[0].label }}{% if steps %}!{% endif %}",
        )
        .expect("parses");
        assert_eq!(
            tera.render("t", &ctx).expect("renders"),
            "lv 404 [] Школам и образовательным организациям"
        );
    }
}
