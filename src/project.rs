//! The loaded project and rendering pages into values: what rendering a page needs, made once
//! per build (the site, its typed data, the template environment with its global values, the
//! navigation, the glossary), and the render of one page — Markdown, template, rewrite — into
//! its two versions' [`PageOutput`]s, with no I/O. `pipeline.rs` schedules the renders and
//! hands their outputs to the writers; `serve` keeps the project between edits
//! (`incremental.rs`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tera::Context;

use crate::assets;
use crate::body_splice;
use crate::content::{self, Site};
use crate::data;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::headers;
use crate::markdown;
use crate::offline;
use crate::output;
use crate::page_output::{PageOutput, SearchText, digest};
use crate::render::context::{CalendarRange, GlobalContext, PageContext, WidgetData};
use crate::render::{self, Shared};
use crate::rewrite::PageFacts;
use crate::rewrite::{self, Glossary, RewriteOptions};
use crate::search_index;
use crate::templates;
use crate::variant::Variant;
use crate::widgets::{self, WidgetUse};

/// What rendering one page makes (no I/O: the caller hands the pages to a `Sink`).
pub(crate) struct PageRender {
    /// The page in each version of the site.
    pub pages: Vec<PageOutput>,
    pub warnings: Vec<Diagnostic>,
    /// What the search index needs of it.
    pub text: SearchText,
    /// The templates the render read: the page's own, the widgets' its Markdown rendered, and
    /// every template those extend or include (places in `sources.files`, sorted), for the
    /// build cache: an edit of any other template leaves the page as it is.
    pub templates: Vec<u32>,
}

/// One page's render, or its errors.
pub(crate) type PageResult = Result<PageRender, Vec<Diagnostic>>;

/// Wall time per phase of a build, for `--verbose`.
pub(crate) struct Timer {
    pub(crate) start: Instant,
    pub(crate) phases: Vec<(&'static str, Duration)>,
}

impl Timer {
    pub(crate) fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.phases.push((name, now - self.start));
        self.start = now;
    }
}

/// What rendering a page needs, made once per build: the site, its typed data, the template
/// environment with its global values, the navigation and the glossary. `serve` keeps it
/// between edits and re-renders only what an edit touches (see `incremental.rs`).
pub struct Project {
    pub root: PathBuf,
    pub site: Site,
    pub typed: data::TypedData,
    /// Logical asset name → fingerprinted URL.
    asset_urls: std::collections::BTreeMap<String, String>,
    pub sources: templates::TemplateSources,
    /// Each template's closure through `extends` and `include` (of `sources`).
    closures: templates::Closures,
    /// The page templates into which a build splices a page's rewritten body
    /// ([`body_splice::layouts`]).
    splicing: HashSet<String>,
    tera: tera::Tera,
    /// The values every template sees ([`GlobalContext`]), converted once.
    globals: Context,
    shared: Shared,
    glossary: Glossary,
    /// The site's raster images, prepared (sizes, files, highlights).
    pub images: crate::images::Catalogue,
    /// Every page's file (relative to `content/`), for `.md` links.
    rels: HashSet<String>,
    /// CPU time spent in each stage of rendering pages (all threads), for `--verbose`.
    pub stats: RenderStats,
    /// The offline bundle's size as the home page says it («1,4 МБ»), once a build made it:
    /// pages re-rendered by `serve` after that say it at once.
    pub offline_size: Option<String>,
    /// Each page's templates as its render in the last build recorded them (names, in site
    /// order; [`PageRender::templates`] named), once a build made them: `serve` re-renders by
    /// them after a template edit.
    pub recorded: Option<Vec<Vec<String>>>,
}

/// The stages of rendering a page.
#[derive(Clone, Copy)]
pub enum Stage {
    Markdown,
    Template,
    Rewrite,
    /// The page's `file://` copy, rewritten and compressed for the offline bundle.
    Offline,
    /// Writing the page into the staging folder.
    Write,
}

/// Time spent per [`Stage`], summed over the threads that render pages.
#[derive(Default)]
pub struct RenderStats {
    nanos: [std::sync::atomic::AtomicU64; 5],
}

impl RenderStats {
    pub(crate) fn add(&self, stage: Stage, since: Instant) {
        let n = since.elapsed().as_nanos() as u64;
        self.nanos[stage as usize].fetch_add(n, std::sync::atomic::Ordering::Relaxed);
    }

    /// `(label, time)` per stage, as `--verbose` prints them (CPU time over all threads, so
    /// they may add up to more than the render phase's wall time; hence the `*`).
    pub fn phases(&self) -> Vec<(&'static str, Duration)> {
        [
            " markdown*",
            " template*",
            " rewrite*",
            " offline*",
            " write*",
        ]
        .into_iter()
        .zip(&self.nanos)
        .map(|(n, a)| {
            let ns = a.load(std::sync::atomic::Ordering::Relaxed);
            (n, Duration::from_nanos(ns))
        })
        .collect()
    }
}

impl Project {
    /// Loads `content/` and the templates; the asset files are handed back for the output.
    pub fn load(root: &Path, minify: bool) -> Result<(Project, assets::Assets), Diagnostics> {
        let mut timer = Timer {
            start: Instant::now(),
            phases: Vec::new(),
        };
        Self::load_timed(root, minify, &mut timer)
    }

    pub(crate) fn load_timed(
        root: &Path,
        minify: bool,
        timer: &mut Timer,
    ) -> Result<(Project, assets::Assets), Diagnostics> {
        let mut site = content::load(root)?;
        let typed = data::attach(&mut site, current_year())?;
        timer.lap("load");
        let images = crate::images::Catalogue::load(
            root,
            &site.images,
            &site.image_sidecars,
            &mut site.warnings,
        )?;
        timer.lap("images");
        let assets = assets::collect(root, minify).map_err(|d| Diagnostics { diagnostics: d })?;
        let sources = templates::read_sources(root).map_err(|d| Diagnostics { diagnostics: d })?;
        let shared = Shared::new(&site);
        let globals = GlobalContext {
            site: &site.config,
            public_base: site
                .config
                .public_base()
                .unwrap_or("")
                .trim_end_matches('/'),
            nav: &shared.nav,
            latest_changes: crate::feed::latest(&site),
            site_map: shared.sections.values().collect(),
            data: &site.data,
            calendar_range: calendar_range(&typed.calendar),
            csp: headers::CSP,
            calendar_json: widgets::json_for_script(&calendar_years(&site)),
            audiences: content::Audience::ALL.map(Into::into).to_vec(),
        }
        .to_tera();
        let tera = Self::environment(&site, &sources, &assets.urls, &globals)?;
        let glossary = Glossary::new(&site.glossary);
        let rels = site.pages.iter().map(|p| p.rel.clone()).collect();
        timer.lap("templates");
        Ok((
            Project {
                root: root.to_path_buf(),
                asset_urls: assets.urls.clone(),
                typed,
                closures: sources.closures(),
                splicing: body_splice::layouts(&sources),
                sources,
                tera,
                globals,
                shared,
                glossary,
                images,
                rels,
                stats: RenderStats::default(),
                offline_size: None,
                recorded: None,
                site,
            },
            assets,
        ))
    }

    /// The tera environment over `sources`, checked to have every page's template.
    fn environment(
        site: &Site,
        sources: &templates::TemplateSources,
        asset_urls: &std::collections::BTreeMap<String, String>,
        globals: &Context,
    ) -> Result<tera::Tera, Diagnostics> {
        let mut tera = templates::environment(sources, asset_urls.clone())
            .map_err(|d| Diagnostics { diagnostics: d })?;
        templates::global_context(&mut tera, globals);
        for p in &site.pages {
            if !tera.contains_template(p.template()) {
                return Err(Diagnostic::error(
                    "template",
                    crate::tr!(
                        "template-missing",
                        file = p.file.display().to_string(),
                        template = p.template()
                    ),
                )
                .hint(crate::tr!("template-missing.hint", template = p.template()))
                .into());
            }
        }
        Ok(tera)
    }

    /// Replaces the templates (after an edit in `templates/`); on an error nothing changes.
    pub fn set_templates(
        &mut self,
        sources: templates::TemplateSources,
    ) -> Result<(), Diagnostics> {
        self.tera = Self::environment(&self.site, &sources, &self.asset_urls, &self.globals)?;
        self.closures = sources.closures();
        self.splicing = body_splice::layouts(&sources);
        self.sources = sources;
        Ok(())
    }

    /// A page's Markdown rendered, its widgets through the project's templates.
    pub fn markdown(&self, page: &content::Page) -> markdown::Rendered {
        self.markdown_noting(page, None)
    }

    /// [`Self::markdown`], noting in `used` the templates it rendered (its widgets').
    fn markdown_noting(
        &self,
        page: &content::Page,
        used: Option<&std::cell::RefCell<Vec<String>>>,
    ) -> markdown::Rendered {
        let templates = templates::Env {
            tera: &self.tera,
            sources: &self.sources,
            used,
        };
        markdown::render(page, &self.rels, templates, &self.images)
    }

    /// Renders one page in both versions; with `file_copy`, each with its copy for the
    /// offline bundle, made in the same rewrite pass.
    pub(crate) fn render_page(&self, page: &content::Page, file_copy: bool) -> PageResult {
        let (site, shared) = (&self.site, &self.shared);
        let clock = Instant::now();
        let used = std::cell::RefCell::new(Vec::new());
        let rendered = self.markdown_noting(page, Some(&used));
        self.stats.add(Stage::Markdown, clock);
        let (errors, warnings): (Vec<_>, Vec<_>) = rendered
            .diagnostics
            .iter()
            .cloned()
            .partition(|d| d.is_error());
        if !errors.is_empty() {
            return Err(errors);
        }
        let widget_data = widget_data(site, &rendered.widgets)?;
        let section = &shared.sections[&page.section];
        let mut context = PageContext {
            page: render::page_value(page, &rendered),
            section,
            steps: render::steps(&section.pages, &page.url),
            widget_data: &widget_data,
            calculator: false,
            regulation: None,
            regulation_roles: None,
            variant: Variant::Normal,
        };
        for value in self.typed.page_values.get(&page.rel).into_iter().flatten() {
            match value {
                data::PageValue::Regulation(v) => context.regulation = Some(v),
                data::PageValue::RegulationRoles(v) => context.regulation_roles = Some(v),
                // Pages with deadline calculators outside Markdown (the regulation tables).
                data::PageValue::Calculator => context.calculator = true,
            }
        }
        // A build rewrites the page's body once for both versions, where it can be shown to
        // make the same bytes (`body_splice`): the template is rendered with a placeholder.
        let spliced = (file_copy
            && self.splicing.contains(page.template())
            && body_splice::body_allows(&rendered.html))
        .then(|| rewrite::SplicedBody::new(&rendered.html));
        if spliced.is_some() {
            context.page.content = body_splice::PLACEHOLDER;
        }
        let mut ctx = context.to_tera();
        // Every page twice: the normal version, and the low-vision one under /lv/ from the
        // same template (`variant`) and the same rewrite pass with the variant's rules.
        let outputs = if file_copy {
            // A build renders many pages side by side: a page's versions one after the other.
            let mut outputs = None;
            if let Some(body) = &spliced {
                outputs = self.render_versions(page, &rendered, &mut ctx, Some(body))?;
                if outputs.is_none() {
                    context.page.content = &rendered.html;
                    ctx = context.to_tera();
                }
            }
            match outputs {
                Some(outputs) => outputs,
                None => self
                    .render_versions(page, &rendered, &mut ctx, None)?
                    .expect("a whole page is always rewritten"),
            }
        } else {
            // `serve` renders one page or a few while the editor waits: both versions at once
            // (the search page, which lists every page, takes tens of milliseconds each).
            let mut lv = ctx.clone();
            ctx.insert("variant", &Variant::Normal);
            lv.insert("variant", &Variant::LowVision);
            let (normal, low_vision) = rayon::join(
                || self.render_variant(page, &rendered, &ctx, Variant::Normal, false, None),
                || self.render_variant(page, &rendered, &lv, Variant::LowVision, false, None),
            );
            let whole = "a whole page is always rewritten";
            vec![normal?.expect(whole), low_vision?.expect(whole)]
        };
        let search = SearchText {
            url: page.url.clone(),
            title: page.front.title.clone(),
            section: shared.sections[&page.section].title.clone(),
            description: page.front.description.clone().unwrap_or_default(),
            headings: rendered.headings.iter().map(|h| h.text.clone()).collect(),
            text: search_index::html_text(&rendered.html),
            search_page: page.template() == "search.html",
        };
        // The page's own template, rendered above, and the widgets' its Markdown rendered.
        let used = used.into_inner();
        let templates = self
            .closures
            .of(std::iter::once(page.template()).chain(used.iter().map(String::as_str)));
        Ok(PageRender {
            pages: outputs,
            warnings,
            text: search,
            templates,
        })
    }

    /// Both versions of a page with their `file://` copies, one after the other; `None` when
    /// the body, given as `spliced`, cannot be spliced in (see [`Self::render_variant`]).
    fn render_versions(
        &self,
        page: &content::Page,
        rendered: &markdown::Rendered,
        ctx: &mut Context,
        spliced: Option<&rewrite::SplicedBody<'_>>,
    ) -> Result<Option<Vec<PageOutput>>, Vec<Diagnostic>> {
        let mut outputs = Vec::with_capacity(Variant::ALL.len());
        for variant in Variant::ALL {
            ctx.insert("variant", &variant);
            match self.render_variant(page, rendered, ctx, variant, true, spliced)? {
                Some(output) => outputs.push(output),
                None => return Ok(None),
            }
        }
        Ok(Some(outputs))
    }

    /// One version of a page from its template context (`variant` set in `ctx`): rendered,
    /// rewritten (with its `file://` copy when `file_copy`), the bundle's size filled in.
    /// With `spliced` (and `file_copy`), `ctx` has the body's placeholder and the body is
    /// spliced in by the rewrite pass; `None` when it cannot be.
    fn render_variant(
        &self,
        page: &content::Page,
        rendered: &markdown::Rendered,
        ctx: &Context,
        variant: Variant,
        file_copy: bool,
        spliced: Option<&rewrite::SplicedBody<'_>>,
    ) -> Result<Option<PageOutput>, Vec<Diagnostic>> {
        let clock = Instant::now();
        // Rendered into bytes and checked by simdutf8: `Tera::render` checks its output with
        // std's UTF-8 check, which takes its slow path on Cyrillic text. (The capacity: a
        // page's template output, its body aside, with room to spare.)
        let mut out = Vec::with_capacity(64 * 1024);
        let template_error = |e: tera::Error| vec![templates::template_error(&e, &self.sources)];
        self.tera
            .render_to(page.template(), ctx, &mut out)
            .map_err(template_error)?;
        let html = match simdutf8::basic::from_utf8(&out) {
            Ok(html) => html,
            Err(_) => {
                let e = String::from_utf8(out.clone()).expect_err("not UTF-8");
                return Err(template_error(e.into()));
            }
        };
        self.stats.add(Stage::Template, clock);
        let clock = Instant::now();
        let url = format!("{}{}", variant.prefix(), page.url);
        let opts = RewriteOptions {
            page_url: &url,
            glossary: &self.glossary,
            relative: true,
            variant,
            print_base: self.site.config.public_base().unwrap_or(""),
            // Only `check` looks at them, which makes no offline bundle.
            facts: !file_copy,
        };
        let rewritten = if let Some(body) = spliced.filter(|_| file_copy) {
            match rewrite::rewrite_spliced(html, body, &opts) {
                Ok(Some((page, copy))) => Ok((page, Some(copy), PageFacts::default())),
                Ok(None) => return Ok(None),
                Err(e) => Err(e),
            }
        } else if file_copy {
            rewrite::rewrite_with_file_copy(html, &opts)
                .map(|(page, copy, facts)| (page, Some(copy), facts))
        } else {
            rewrite::rewrite_bytes(html, &opts).map(|(page, facts)| (page, None, facts))
        };
        let (mut bytes, mut copy, facts) = rewritten.map_err(|e| {
            vec![Diagnostic::error(
                "rewrite",
                format!("{}: {e}", page.file.display()),
            )]
        })?;
        self.stats.add(Stage::Rewrite, clock);
        if let Some(size) = &self.offline_size {
            bytes = offline::with_size(bytes, size);
            copy = copy.map(|c| offline::with_size(c, size));
        }
        Ok(Some(PageOutput {
            path: output::page_path(&url),
            digest: digest(&url, &bytes),
            url,
            origin: page.file.display().to_string(),
            html: bytes,
            facts,
            // Markdown links are checked once, with their source location, on the normal
            // version.
            links: if variant == Variant::Normal {
                rendered.links.clone()
            } else {
                Vec::new()
            },
            variant,
            file_copy: copy,
        }))
    }

    /// Renders the pages at `indexes` (into `site.pages`), in parallel.
    pub fn render_pages(&self, indexes: &[usize]) -> Result<Rendered, Diagnostics> {
        let results: Vec<PageResult> = indexes
            .par_iter()
            .map(|&i| self.render_page(&self.site.pages[i], false))
            .collect();
        let mut out = Rendered::default();
        let mut errors = Vec::new();
        for r in results {
            match r {
                Ok(r) => {
                    out.pages.extend(r.pages);
                    out.warnings.extend(r.warnings);
                    out.texts.push(r.text);
                    out.templates.push(r.templates);
                }
                Err(e) => errors.extend(e),
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            errors.extend(out.warnings);
            Err(Diagnostics {
                diagnostics: errors,
            })
        }
    }

    /// The 404 page (served at any path: its URLs stay site-absolute).
    pub fn render_404(&self) -> Result<(String, Vec<u8>), Diagnostics> {
        let ctx = PageContext {
            page: render::synthetic_page("Страница не найдена", "/404.html", "404"),
            section: &self.shared.sections[""],
            steps: None,
            widget_data: &[],
            calculator: false,
            regulation: None,
            regulation_roles: None,
            variant: Variant::Normal,
        }
        .to_tera();
        let html = self
            .tera
            .render("404.html", &ctx)
            .map_err(|e| Diagnostics::from(templates::template_error(&e, &self.sources)))?;
        let (html, _) = rewrite::rewrite(
            &html,
            &RewriteOptions {
                page_url: "/404.html",
                glossary: &self.glossary,
                relative: false,
                variant: Variant::Normal,
                print_base: "",
                facts: false,
            },
        )
        .map_err(|e| Diagnostics::from(Diagnostic::error("rewrite", format!("404.html: {e}"))))?;
        Ok(("404.html".into(), html.into_bytes()))
    }

    /// The names of the templates at `places` (of [`PageRender::templates`]: places in
    /// `sources.files`).
    pub fn template_names(&self, places: &[u32]) -> Vec<String> {
        let names: Vec<&String> = self.sources.files.keys().collect();
        places
            .iter()
            .filter_map(|&p| names.get(p as usize).map(|n| (*n).clone()))
            .collect()
    }

    /// Whether the page at `index` is rendered from one of `templates`: its own, or the
    /// template of a widget its Markdown has.
    pub fn uses_template(&self, index: usize, templates: &HashSet<String>) -> bool {
        let page = &self.site.pages[index];
        templates.contains(page.template())
            || widgets::Kind::ALL
                .iter()
                .any(|k| templates.contains(k.template()) && k.fenced_in(page.body()))
    }
}

/// Rendered pages, their warnings and their text for the search index.
#[derive(Default)]
pub struct Rendered {
    pub pages: Vec<PageOutput>,
    pub warnings: Vec<Diagnostic>,
    pub(crate) texts: Vec<SearchText>,
    /// Each page's recorded templates ([`PageRender::templates`]), in the order rendered.
    pub(crate) templates: Vec<Vec<u32>>,
}

/// The current year (UTC), for the calendar's "is this year covered" warning.
pub(crate) fn current_year() -> i32 {
    time::OffsetDateTime::now_utc().year()
}

/// The first and last day the production calendar covers (`min`/`max` of the date inputs).
fn calendar_range(calendar: &pamyatka_checks::calendar::ProductionCalendar) -> CalendarRange {
    match (calendar.years().min(), calendar.years().max()) {
        (Some(a), Some(b)) => CalendarRange {
            min: format!("{a}-01-01"),
            max: format!("{b}-12-31"),
        },
        _ => CalendarRange::default(),
    }
}

/// The calendar years (`content/calendar/*.yaml`) as one JSON array.
fn calendar_years(site: &Site) -> serde_json::Value {
    let years = site
        .data
        .get("calendar")
        .and_then(|c| c.as_object())
        .map(|m| m.values().cloned().collect())
        .unwrap_or_default();
    serde_json::Value::Array(years)
}

/// The rule data each widget of a page needs, inlined in the page as JSON (`path`, `json`);
/// an error, at the widget, when the rule file does not exist.
fn widget_data(site: &Site, used: &[WidgetUse]) -> Result<Vec<WidgetData>, Vec<Diagnostic>> {
    let mut out: Vec<WidgetData> = Vec::new();
    let mut errors = Vec::new();
    for w in used {
        let Some(path) = &w.rule else { continue };
        if out.iter().any(|v| v.path == *path) {
            continue;
        }
        let value = path.split('/').try_fold(&site.data, |v, key| v.get(key));
        match value {
            Some(v) if site.data_sources.contains_key(&format!("{path}.yaml")) => {
                out.push(WidgetData {
                    path: path.clone(),
                    json: widgets::json_for_script(v),
                });
            }
            _ => errors.push(
                Diagnostic::error(
                    "widget",
                    crate::tr!("widget-rule-missing", path = format!("content/{path}.yaml")),
                )
                .at(w.location.clone())
                .hint(crate::tr!("widget-rule-missing.hint")),
            ),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass copy for the offline bundle is what the separate `file://` pass makes of
    /// the page, and asking for it leaves the page as it is: every page of the repository's
    /// site, both versions.
    #[test]
    fn file_copies_of_one_pass_are_those_of_two_passes() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (project, _) = Project::load(root, false).expect("the repository's site loads");
        let mut copies = 0;
        for page in &project.site.pages {
            let with = project.render_page(page, true).expect("renders").pages;
            let without = project.render_page(page, false).expect("renders").pages;
            for (a, b) in with.iter().zip(&without) {
                assert_eq!(a.url, b.url);
                assert!(
                    a.html == b.html,
                    "{}: the page differs when its copy is made too",
                    a.url
                );
                let html = std::str::from_utf8(&b.html).expect("UTF-8");
                let two_passes = offline::for_file_url(html).expect("rewrites");
                let one_pass =
                    String::from_utf8(a.file_copy.clone().expect("a copy")).expect("UTF-8");
                assert!(
                    one_pass == two_passes,
                    "{}: copies differ\n--- one pass\n{one_pass}\n--- two passes\n{two_passes}",
                    a.url
                );
                assert!(b.file_copy.is_none());
                copies += 1;
            }
        }
        assert!(copies > 40, "{copies} pages");
    }
}
