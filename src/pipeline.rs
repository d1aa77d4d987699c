//! The build pipeline: load → render (markdown, tera) → rewrite (lol_html) → write.
//! Pages are processed in parallel, in runs: in a build each page is written into the staging
//! folder as soon as it is rendered, and only what the rest of the build needs stays in memory
//! (its links and ids, a digest for the service worker, its `file://` copy compressed for the
//! offline bundle). `check` runs the same stages and writes nothing; `build` replaces the
//! output folder only once everything is written.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tera::Context;

use crate::assets;
use crate::bundle;
use crate::content::{self, Site};
use crate::data;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::headers;
use crate::markdown;
use crate::offline;
use crate::output::{self, Staging};
use crate::page_output::{PageOutput, SearchText, digest};
use crate::render::{self, Shared};
use crate::rewrite::{self, Glossary, PageFacts, RewriteOptions};
use crate::search_index;
use crate::service_worker;
use crate::site_files;
use crate::templates;
use crate::variant::Variant;
use crate::widgets::{self, WidgetUse};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub out: PathBuf,
    /// Minify the stylesheets and scripts (see `assets.rs`).
    pub minify: bool,
}

/// One page's output and warnings, or its errors.
pub(crate) type PageResult =
    Result<(Vec<PageOutput>, Vec<Diagnostic>, SearchText), Vec<Diagnostic>>;

/// What becomes of the pages and files a compile makes.
#[derive(Clone, Copy)]
pub enum Emit<'a> {
    /// `check`: links, ids and lints only. Nothing is written and the offline bundle is not
    /// made (its name is listed, so that links to it resolve).
    Check,
    /// `build`: every page goes into the staging folder as soon as it is rendered, then the
    /// other files, the offline bundle (written straight to its file) and the service worker.
    Write(&'a Staging),
}

/// A whole site, compiled: what `check` looks at and `build` reports.
pub struct Compiled {
    /// What the pages were rendered from (`serve` keeps it for the next edit).
    pub project: Project,
    /// Every page, without its HTML (written, or not needed by `check`).
    pub pages: Vec<PageOutput>,
    /// The other files' paths: assets, static files, sitemap, 404, search index, bundle.
    pub files: Vec<String>,
    pub warnings: Vec<Diagnostic>,
    pub timings: Vec<(&'static str, Duration)>,
}

pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
    pub timings: Vec<(&'static str, Duration)>,
}

struct Timer {
    start: Instant,
    phases: Vec<(&'static str, Duration)>,
}

impl Timer {
    fn lap(&mut self, name: &'static str) {
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
    tera: tera::Tera,
    globals: Vec<(&'static str, tera::Value)>,
    shared: Shared,
    /// `shared.sections` as template values, converted once: tera's values share their
    /// contents, so each page's `section` is a cheap clone, not a walk of the section's pages.
    section_values: HashMap<String, tera::Value>,
    glossary: Glossary,
    /// Every page's file (relative to `content/`), for `.md` links.
    rels: HashSet<String>,
    /// CPU time spent in each stage of rendering pages (all threads), for `--verbose`.
    pub stats: RenderStats,
    /// The offline bundle's size as the home page says it («1,4 МБ»), once a build made it:
    /// pages re-rendered by `serve` after that say it at once.
    pub offline_size: Option<String>,
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
    fn add(&self, stage: Stage, since: Instant) {
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

    fn load_timed(
        root: &Path,
        minify: bool,
        timer: &mut Timer,
    ) -> Result<(Project, assets::Assets), Diagnostics> {
        let mut site = content::load(root)?;
        let typed = data::attach(&mut site, current_year())?;
        timer.lap("load");
        let assets = assets::collect(root, minify).map_err(|d| Diagnostics { diagnostics: d })?;
        let sources = templates::read_sources(root).map_err(|d| Diagnostics { diagnostics: d })?;
        let shared = Shared::new(&site);
        let globals: Vec<(&'static str, serde_json::Value)> = vec![
            (
                "site",
                serde_json::to_value(&site.config).unwrap_or_default(),
            ),
            // The site's real public address, or "" for a placeholder (`SiteConfig::public_base`):
            // what the calculators' .ics events link to from the offline bundle.
            (
                "public_base",
                serde_json::Value::String(
                    site.config
                        .public_base()
                        .unwrap_or("")
                        .trim_end_matches('/')
                        .to_string(),
                ),
            ),
            ("nav", shared.nav.clone()),
            // The home page's «Что изменилось» (`feed.rs`).
            ("latest_changes", crate::feed::latest(&site)),
            // Every section with its pages, for the search page's list (what it shows without
            // JavaScript).
            (
                "site_map",
                serde_json::Value::Array(shared.sections.values().cloned().collect()),
            ),
            ("data", site.data.clone()),
            // The production calendar for the deadline calculators, inlined in the pages that
            // have one (a `fetch` would not work from file://).
            ("calendar_range", calendar_range(&site)),
            ("csp", serde_json::Value::String(headers::CSP.into())),
            (
                "calendar_json",
                serde_json::Value::String(widgets::json_for_script(&calendar_years(&site))),
            ),
            (
                "audiences",
                serde_json::Value::Array(
                    content::Audience::ALL
                        .iter()
                        .map(|a| serde_json::json!({"id": a.id(), "label": a.label()}))
                        .collect(),
                ),
            ),
        ];
        let globals: Vec<(&'static str, tera::Value)> = globals
            .iter()
            .map(|(k, v)| (*k, tera::Value::from_serializable(v)))
            .collect();
        let tera = Self::environment(&site, &sources, &assets.urls, &globals)?;
        let glossary = Glossary::new(&site.glossary);
        let rels = site.pages.iter().map(|p| p.rel.clone()).collect();
        let section_values = shared
            .sections
            .iter()
            .map(|(k, v)| (k.clone(), tera::Value::from_serializable(v)))
            .collect();
        timer.lap("templates");
        Ok((
            Project {
                root: root.to_path_buf(),
                asset_urls: assets.urls.clone(),
                typed,
                sources,
                tera,
                globals,
                shared,
                section_values,
                glossary,
                rels,
                stats: RenderStats::default(),
                offline_size: None,
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
        globals: &[(&'static str, tera::Value)],
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
        self.sources = sources;
        Ok(())
    }

    /// Renders one page in both versions; with `file_copy`, each with its copy for the
    /// offline bundle, made in the same rewrite pass.
    pub(crate) fn render_page(&self, page: &content::Page, file_copy: bool) -> PageResult {
        let (site, shared, tera, sources) = (&self.site, &self.shared, &self.tera, &self.sources);
        let clock = Instant::now();
        let rendered = markdown::render(page, &self.rels);
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
        let mut ctx = Context::new();
        ctx.insert("page", &render::page_value(page, &rendered));
        ctx.insert("widget_data", &widget_data);
        // Pages with deadline calculators outside Markdown (the regulation tables) say so
        // through their data values.
        ctx.insert("calculator", &false);
        ctx.insert_value("section", self.section_values[&page.section].clone());
        ctx.insert(
            "steps",
            &render::steps(&shared.sections[&page.section], &page.url),
        );
        for value in self.typed.page_values.get(&page.rel).into_iter().flatten() {
            ctx.insert(value.name(), &value.to_json());
        }
        // Every page twice: the normal version, and the low-vision one under /lv/ from the
        // same template (`variant`) and the same rewrite pass with the variant's rules.
        let mut outputs = Vec::with_capacity(Variant::ALL.len());
        for variant in Variant::ALL {
            ctx.insert("variant", variant.name());
            let clock = Instant::now();
            let html = tera
                .render(page.template(), &ctx)
                .map_err(|e| vec![templates::template_error(&e, sources)])?;
            self.stats.add(Stage::Template, clock);
            let clock = Instant::now();
            let url = format!("{}{}", variant.prefix(), page.url);
            let opts = RewriteOptions {
                page_url: &url,
                glossary: &self.glossary,
                relative: true,
                variant,
                print_base: site.config.public_base().unwrap_or(""),
            };
            let rewritten = if file_copy {
                rewrite::rewrite_with_file_copy(&html, &opts)
                    .map(|(page, copy, facts)| (page, Some(copy), facts))
            } else {
                rewrite::rewrite_bytes(&html, &opts).map(|(page, facts)| (page, None, facts))
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
            outputs.push(PageOutput {
                path: output::page_path(&url),
                digest: digest(&url, &bytes),
                url,
                origin: page.file.display().to_string(),
                html: bytes,
                facts,
                // Markdown links are checked once, with their source location, on the
                // normal version.
                links: if variant == Variant::Normal {
                    rendered.links.clone()
                } else {
                    Vec::new()
                },
                variant,
                file_copy: copy,
            });
        }
        let search = SearchText {
            url: page.url.clone(),
            title: page.front.title.clone(),
            section: shared.sections[&page.section]["title"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            description: page.front.description.clone().unwrap_or_default(),
            headings: rendered.headings.iter().map(|h| h.text.clone()).collect(),
            text: search_index::html_text(&rendered.html),
            search_page: page.template() == "search.html",
        };
        Ok((outputs, warnings, search))
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
                Ok((p, w, t)) => {
                    out.pages.extend(p);
                    out.warnings.extend(w);
                    out.texts.push(t);
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
        let mut ctx = Context::new();
        ctx.insert(
            "page",
            &render::synthetic_page("Страница не найдена", "/404.html", "404"),
        );
        ctx.insert("section", &self.shared.sections[""]);
        ctx.insert("steps", &serde_json::Value::Null);
        ctx.insert("widget_data", &Vec::<serde_json::Value>::new());
        ctx.insert("calculator", &false);
        ctx.insert("variant", Variant::Normal.name());
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
            },
        )
        .map_err(|e| Diagnostics::from(Diagnostic::error("rewrite", format!("404.html: {e}"))))?;
        Ok(("404.html".into(), html.into_bytes()))
    }

    /// Whether the page at `index` is rendered from one of `templates`.
    pub fn uses_template(&self, index: usize, templates: &HashSet<String>) -> bool {
        templates.contains(self.site.pages[index].template())
    }
}

/// Rendered pages, their warnings and their text for the search index.
#[derive(Default)]
pub struct Rendered {
    pub pages: Vec<PageOutput>,
    pub warnings: Vec<Diagnostic>,
    texts: Vec<SearchText>,
}

/// A run of pages rendered by one worker in a compile (see [`Project::render_run`]).
#[derive(Default)]
struct Run {
    rendered: Rendered,
    errors: Vec<Diagnostic>,
    /// The run's `file://` copies, compressed (see `bundle::Bundle`).
    bundle: Option<bundle::Compressed>,
}

impl Project {
    /// Renders the pages at `indexes` one after the other and emits each at once: in a build
    /// it is written, its `file://` copy joins the run's part of the offline bundle, and its
    /// HTML is dropped (unless it waits for the bundle's size).
    fn render_run(&self, indexes: &[usize], emit: Emit<'_>) -> Run {
        let mut run = Run::default();
        let mut for_bundle: Vec<(String, Vec<u8>)> = Vec::new();
        let file_copy = matches!(emit, Emit::Write(_));
        for &i in indexes {
            let (pages, warnings, text) = match self.render_page(&self.site.pages[i], file_copy) {
                Ok(r) => r,
                Err(e) => {
                    run.errors.extend(e);
                    continue;
                }
            };
            run.rendered.warnings.extend(warnings);
            run.rendered.texts.push(text);
            for mut page in pages {
                if let (Emit::Write(staging), true) = (emit, run.errors.is_empty()) {
                    if let Some(copy) = page.file_copy.take() {
                        for_bundle.push((page.path.clone(), copy));
                    }
                    if page.digest.is_some() {
                        let clock = Instant::now();
                        if let Err(e) = staging.write(&page.path, &page.html) {
                            run.errors.push(output_error(e));
                        }
                        self.stats.add(Stage::Write, clock);
                    }
                }
                if page.digest.is_some() {
                    page.html = Vec::new();
                }
                if let Emit::Write(_) = emit {
                    // What `check` looks at; a build has no use for it.
                    page.facts = PageFacts::default();
                    page.links = Vec::new();
                }
                run.rendered.pages.push(page);
            }
        }
        if !for_bundle.is_empty() && run.errors.is_empty() {
            let clock = Instant::now();
            match bundle::compress_run(&for_bundle) {
                Ok(part) => run.bundle = Some(part),
                Err(e) => run.errors.push(Diagnostic::error("offline", e)),
            }
            self.stats.add(Stage::Offline, clock);
        }
        run
    }
}

fn output_error(e: output::OutputError) -> Diagnostic {
    Diagnostic::error("output", e.to_string())
}

/// Renders the whole site; in a build (`Emit::Write`) writes it into the staging folder.
pub fn compile(root: &Path, minify: bool, emit: Emit<'_>) -> Result<Compiled, Diagnostics> {
    let never = AtomicBool::new(false);
    compile_until(root, minify, emit, &never).map(|c| c.expect("not stopped"))
}

/// [`compile`], given up (`Ok(None)`) as soon as `stop` is set: checked before each run of
/// pages, once the pages are done and once the search index is (`serve`'s catch-up build,
/// stopped by a new edit).
fn compile_until(
    root: &Path,
    minify: bool,
    emit: Emit<'_>,
    stop: &AtomicBool,
) -> Result<Option<Compiled>, Diagnostics> {
    let mut timer = Timer {
        start: Instant::now(),
        phases: Vec::new(),
    };
    let (mut project, assets) = Project::load_timed(root, minify, &mut timer)?;
    let all: Vec<usize> = (0..project.site.pages.len()).collect();
    let runs: Vec<&[usize]> = all.chunks(bundle::RUN).collect();
    // A build writes the offline bundle as the runs finish (see `bundle::Bundle`).
    let bundle = match emit {
        Emit::Write(staging) => {
            let path = staging.path().join(bundle::BUNDLE);
            let file = std::fs::File::create(&path).map_err(|e| {
                Diagnostics::from(Diagnostic::error(
                    "output",
                    crate::tr!(
                        "output-io",
                        action = "write",
                        path = path.display().to_string(),
                        error = crate::i18n::io_error(&e)
                    ),
                ))
            })?;
            let out = std::io::BufWriter::with_capacity(1 << 20, file);
            Some(bundle::Bundle::new(out).map_err(|e| Diagnostic::error("offline", e))?)
        }
        Emit::Check => None,
    };
    // Runs are handed out in order, so that they finish about in order and few wait for an
    // earlier one before they can go into the bundle.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done: Vec<std::sync::Mutex<Option<Run>>> =
        runs.iter().map(|_| std::sync::Mutex::new(None)).collect();
    rayon::scope(|scope| {
        for _ in 0..rayon::current_num_threads() {
            scope.spawn(|_| {
                loop {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(indexes) = runs.get(i) else { break };
                    let mut run = project.render_run(indexes, emit);
                    if let (Some(bundle), Some(part)) = (&bundle, run.bundle.take()) {
                        bundle.add_run(i, part);
                    }
                    *done[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(run);
                }
            });
        }
    });
    if stop.load(Ordering::Relaxed) {
        return Ok(None);
    }
    let mut warnings = project.site.warnings.clone();
    let (mut pages, mut texts, mut errors) = (Vec::new(), Vec::new(), Vec::new());
    for run in done {
        let run = run
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .unwrap_or_default();
        pages.extend(run.rendered.pages);
        texts.extend(run.rendered.texts);
        warnings.extend(run.rendered.warnings);
        errors.extend(run.errors);
    }
    if !errors.is_empty() {
        errors.extend(warnings);
        return Err(Diagnostics {
            diagnostics: errors,
        });
    }
    timer.lap("render");
    timer.phases.extend(project.stats.phases());
    let (site, typed) = (&project.site, &project.typed);

    let mut files = assets.files;
    files.push(project.render_404()?);
    files.extend(site_files::listed(site, typed, &pages, texts));
    timer.lap("index");
    if stop.load(Ordering::Relaxed) {
        return Ok(None);
    }
    files.extend(site_files::data_json(site));
    let copied = site_files::copied(
        root,
        pages
            .iter()
            .map(|p| p.path.as_str())
            .chain(files.iter().map(|(p, _)| p.as_str())),
    )?;
    files.extend(copied);
    // The service worker lists (and hashes) everything but the bundle. The home pages are
    // hashed as they are before the bundle's size is in them: its size follows from the rest.
    let sw = service_worker::service_worker(&pages, &files);
    files.push(("sw.js".into(), sw.into_bytes()));
    // The files are written by one thread (most of them are search pieces in one folder, where
    // writers would queue for the folder's lock) while the others finish the bundle.
    let (written, size) = rayon::join(
        || match emit {
            Emit::Write(staging) => files
                .iter()
                .try_for_each(|(path, bytes)| staging.write(path, bytes)),
            Emit::Check => Ok(()),
        },
        || match bundle {
            Some(bundle) => bundle.finish(runs.len(), &files),
            None => Ok(0),
        },
    );
    written.map_err(|e| Diagnostics::from(output_error(e)))?;
    let size = size.map_err(|e| Diagnostics::from(Diagnostic::error("offline", e)))?;
    timer.lap("files+zip");
    // The pages that say the bundle's size (the home pages) are finished now.
    let size = offline::human_size(size as usize);
    project.offline_size = Some(size.clone());
    for p in pages.iter_mut().filter(|p| p.digest.is_none()) {
        p.html = offline::with_size(std::mem::take(&mut p.html), &size);
        p.digest = digest(&p.url, &p.html);
        if let Emit::Write(staging) = emit {
            staging
                .write(&p.path, &p.html)
                .map_err(|e| Diagnostics::from(output_error(e)))?;
        }
        p.html = Vec::new();
    }
    let mut names: Vec<String> = files.into_iter().map(|(path, _)| path).collect();
    names.push(bundle::BUNDLE.into());
    timer.lap("home");
    Ok(Some(Compiled {
        project,
        pages,
        files: names,
        warnings,
        timings: timer.phases,
    }))
}

/// The current year (UTC), for the calendar's "is this year covered" warning.
fn current_year() -> i32 {
    time::OffsetDateTime::now_utc().year()
}

/// The first and last day the production calendar covers (`min`/`max` of the date inputs).
fn calendar_range(site: &Site) -> serde_json::Value {
    let years: Vec<&String> = site
        .data
        .get("calendar")
        .and_then(|c| c.as_object())
        .map(|m| m.keys().filter(|k| k.parse::<i32>().is_ok()).collect())
        .unwrap_or_default();
    match (years.first(), years.last()) {
        (Some(a), Some(b)) => {
            serde_json::json!({"min": format!("{a}-01-01"), "max": format!("{b}-12-31")})
        }
        _ => serde_json::json!({"min": "", "max": ""}),
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
fn widget_data(site: &Site, used: &[WidgetUse]) -> Result<Vec<serde_json::Value>, Vec<Diagnostic>> {
    let mut out: Vec<serde_json::Value> = Vec::new();
    let mut errors = Vec::new();
    for w in used {
        let Some(path) = &w.rule else { continue };
        if out.iter().any(|v| v["path"] == path.as_str()) {
            continue;
        }
        let value = path.split('/').try_fold(&site.data, |v, key| v.get(key));
        match value {
            Some(v) if site.data_sources.contains_key(&format!("{path}.yaml")) => {
                out.push(serde_json::json!({"path": path, "json": widgets::json_for_script(v)}));
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

/// Build the site into `opts.out`, replacing it only when everything succeeded.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    build_project(opts).map(|(report, _)| report)
}

/// [`build`], handing back what the pages were rendered from (for `serve`'s incremental
/// rebuilds).
pub fn build_project(opts: &BuildOptions) -> Result<(BuildReport, Project), Diagnostics> {
    let never = AtomicBool::new(false);
    build_project_until(opts, &never).map(|built| built.expect("not stopped"))
}

/// [`build_project`], given up (`Ok(None)`, the output left as it was) once `stop` is set.
fn build_project_until(
    opts: &BuildOptions,
    stop: &AtomicBool,
) -> Result<Option<(BuildReport, Project)>, Diagnostics> {
    output::check_placement(&opts.root, &opts.out).map_err(|e| {
        Diagnostics::from(
            Diagnostic::error("output", e.to_string()).hint(crate::tr!("output-placement.hint")),
        )
    })?;
    let staging = Staging::begin(&opts.out).map_err(|e| Diagnostics::from(output_error(e)))?;
    // On an error or a stop the staging folder is dropped (removed) and the output stays as
    // it was.
    let Some(compiled) = compile_until(&opts.root, opts.minify, Emit::Write(&staging), stop)?
    else {
        return Ok(None);
    };
    let start = Instant::now();
    staging
        .commit()
        .map_err(|e| Diagnostics::from(output_error(e)))?;
    let mut timings = compiled.timings;
    timings.push(("commit", start.elapsed()));
    Ok(Some((
        BuildReport {
            pages: compiled.pages.len(),
            files: compiled.pages.len() + compiled.files.len(),
            warnings: compiled.warnings,
            timings,
        },
        compiled.project,
    )))
}

/// A build's outcome, with its errors already rendered as text for the dev server's page.
pub struct BuildResult {
    pub outcome: Result<BuildReport, Diagnostics>,
    pub error_text: Result<(), String>,
    /// What the pages were rendered from, after a successful build.
    pub project: Option<Project>,
}

impl BuildResult {
    pub fn new(outcome: Result<BuildReport, Diagnostics>, project: Option<Project>) -> Self {
        let error_text = match &outcome {
            Ok(_) => Ok(()),
            Err(d) => Err(d.render(false)),
        };
        BuildResult {
            outcome,
            error_text,
            project,
        }
    }
}

pub fn build_result(opts: &BuildOptions) -> BuildResult {
    match build_project(opts) {
        Ok((report, project)) => BuildResult::new(Ok(report), Some(project)),
        Err(d) => BuildResult::new(Err(d), None),
    }
}

/// [`build_result`], or `None` if `stop` was set before the build was done (nothing written:
/// the output is as it was).
pub fn build_result_until(opts: &BuildOptions, stop: &AtomicBool) -> Option<BuildResult> {
    match build_project_until(opts, stop) {
        Ok(Some((report, project))) => Some(BuildResult::new(Ok(report), Some(project))),
        Ok(None) => None,
        Err(d) => Some(BuildResult::new(Err(d), None)),
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
            let (with, ..) = project.render_page(page, true).expect("renders");
            let (without, ..) = project.render_page(page, false).expect("renders");
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
