//! The build pipeline: load → render (markdown, tera) → rewrite (lol_html) → write. The
//! project and the render of a page are `project.rs`; the site-wide files `site_files.rs`; this
//! module schedules the runs and hands what they make to a `Sink` (`sink.rs`).
//! Pages are processed in parallel, in runs: in a build each page is written into the staging
//! folder as soon as it is rendered, and only what the rest of the build needs stays in memory
//! (its links and ids, a digest for the service worker, its `file://` copy compressed for the
//! offline bundle). `check` runs the same stages and writes nothing; `build` replaces the
//! output folder only once everything is written.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::build_cache::{self, PageEntry};
use crate::bundle;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::offline;
use crate::output::{self, Staging};
use crate::page_output::{PageOutput, digest};
use crate::project::{PageRender, Project, Rendered, Stage, Timer};
use crate::rebuild::{self, Rebuilt};
use crate::rewrite::PageFacts;
use crate::search_index::{PageSearch, PreparedPages};
use crate::sink::{Sink, output_error};
use crate::site_files;

pub use crate::build_options::{BuildOptions, BuildReport, CacheUse};

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
    /// What the next build needs of each page (a build's compile; empty in `check`).
    pub(crate) entries: Vec<PageEntry>,
    /// The other files' digests (a build's compile).
    pub(crate) file_digests: Vec<(String, build_cache::Digest)>,
    /// Every page's search document, in site order, for the cache (a build's compile).
    pub(crate) search: PreparedPages,
    /// Where the search index's documents are in its chunks, for the cache.
    pub(crate) search_layout: crate::search_json::Layout,
}

/// A run of pages rendered by one worker in a compile (see [`Project::render_run`]).
#[derive(Default)]
struct Run {
    rendered: Rendered,
    errors: Vec<Diagnostic>,
    /// The run's `file://` copies, compressed (see `bundle::Bundle`).
    bundle: Option<bundle::Compressed>,
    /// What the build cache keeps of each page (in a build).
    entries: Vec<PageEntry>,
}

impl Project {
    /// Renders the pages at `indexes` one after the other and hands each to `sink` at once:
    /// in a build it is written, its `file://` copy joins the run's part of the offline
    /// bundle, and its HTML is dropped (unless it waits for the bundle's size).
    fn render_run(&self, indexes: &[usize], sink: &dyn Sink, bundled: bool) -> Run {
        let mut run = Run::default();
        let mut for_bundle: Vec<(String, Vec<u8>)> = Vec::new();
        let keeps_facts = sink.keeps_facts();
        for &i in indexes {
            let PageRender {
                pages,
                warnings,
                text,
                templates,
            } = match self.render_page(&self.site.pages[i], bundled) {
                Ok(r) => r,
                Err(e) => {
                    run.errors.extend(e);
                    continue;
                }
            };
            if bundled {
                let page = &self.site.pages[i];
                run.entries.push(PageEntry::new(
                    &page.rel,
                    &page.source,
                    self.site.stamp(&page.rel),
                    templates,
                    &pages,
                    &warnings,
                ));
            }
            run.rendered.warnings.extend(warnings);
            run.rendered.texts.push(text);
            for mut page in pages {
                if run.errors.is_empty() {
                    if let Some(copy) = page.file_copy.take() {
                        for_bundle.push((page.path.clone(), copy));
                    }
                    if page.digest.is_some() {
                        let clock = Instant::now();
                        if let Err(e) = sink.write(&page.path, &page.html) {
                            run.errors.push(e);
                        }
                        self.stats.add(Stage::Write, clock);
                    }
                }
                if page.digest.is_some() {
                    page.html = Vec::new();
                }
                if !keeps_facts {
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

/// Renders the whole site and hands it to `sink` (in a build, the staging folder; in `check`,
/// [`crate::sink::CheckSink`], which writes nothing).
pub fn compile(root: &Path, minify: bool, sink: &dyn Sink) -> Result<Compiled, Diagnostics> {
    let never = AtomicBool::new(false);
    compile_until(root, minify, sink, &never).map(|c| c.expect("not stopped"))
}

/// [`compile`], given up (`Ok(None)`) as soon as `stop` is set: checked before each run of
/// pages, once the pages are done and once the search index is (`serve`'s catch-up build,
/// stopped by a new edit).
fn compile_until(
    root: &Path,
    minify: bool,
    sink: &dyn Sink,
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
    let bundle = match sink.bundle()? {
        Some(out) => Some(bundle::Bundle::new(out).map_err(|e| Diagnostic::error("offline", e))?),
        None => None,
    };
    let bundled = bundle.is_some();
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
                    let mut run = project.render_run(indexes, sink, bundled);
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
    let mut entries = Vec::new();
    for run in done {
        let run = run
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .unwrap_or_default();
        pages.extend(run.rendered.pages);
        texts.extend(run.rendered.texts);
        warnings.extend(run.rendered.warnings);
        errors.extend(run.errors);
        entries.extend(run.entries);
    }
    if !errors.is_empty() {
        errors.extend(warnings);
        return Err(Diagnostics {
            diagnostics: errors,
        });
    }
    timer.lap("render");
    timer.phases.extend(project.stats.phases());
    let search = texts.into_iter().map(PageSearch::Text).collect();
    let files = site_files::all(
        root,
        &project,
        assets.files,
        &pages,
        search,
        None,
        &mut timer,
        stop,
    )?;
    let site_files::SiteFiles::Made(made) = files else {
        return Ok(None);
    };
    let site_files::Made {
        files,
        digests,
        search,
        layout,
        web_only,
        as_before: _,
    } = *made;
    // The files are written by one thread (most of them are search pieces in one folder, where
    // writers would queue for the folder's lock) while the others finish the bundle.
    let (written, size) = rayon::join(
        || {
            files
                .iter()
                .try_for_each(|(path, bytes)| sink.write(path, bytes))
        },
        || match bundle {
            Some(bundle) => bundle.finish(runs.len(), &files, &web_only, None),
            None => Ok(0),
        },
    );
    written?;
    let size = size.map_err(|e| Diagnostics::from(Diagnostic::error("offline", e)))?;
    timer.lap("files+zip");
    // The pages that say the bundle's size (the home pages) are finished now.
    let size = offline::human_size(size as usize);
    project.offline_size = Some(size.clone());
    for p in pages.iter_mut().filter(|p| p.digest.is_none()) {
        p.html = offline::with_size(std::mem::take(&mut p.html), &size);
        p.digest = digest(&p.url, &p.html);
        sink.write(&p.path, &p.html)?;
        p.html = Vec::new();
    }
    let file_digests = if bundled { digests } else { Vec::new() };
    let mut names: Vec<String> = files.into_iter().map(|(path, _)| path).collect();
    names.push(bundle::BUNDLE.into());
    timer.lap("home");
    if entries.len() == project.site.pages.len() {
        let recorded = entries
            .iter()
            .map(|e| project.template_names(&e.templates))
            .collect();
        project.recorded = Some(recorded);
    }
    Ok(Some(Compiled {
        project,
        pages,
        files: names,
        warnings,
        timings: timer.phases,
        entries,
        file_digests,
        search: if bundled { search } else { Vec::new() },
        search_layout: layout,
    }))
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
    let mut note = None;
    if opts.cache == CacheUse::Incremental {
        match rebuild::rebuild(opts, stop)? {
            Rebuilt::Done(done) => return Ok(Some(*done)),
            Rebuilt::Stopped => return Ok(None),
            Rebuilt::Full(unused) => note = unused.note(),
        }
    }
    if opts.cache != CacheUse::Off {
        // The program's digest, which the cache is written with at the end, is made while the
        // pages render rather than after them.
        rayon::spawn(build_cache::warm_program_digest);
    }
    // The previous output's files are written over (`output::recycle_dir`), except by a build
    // told to trust nothing of the builds before it (`--clean`).
    let recycle = opts.cache != CacheUse::Clean;
    let staging =
        Staging::begin(&opts.out, recycle).map_err(|e| Diagnostics::from(output_error(e)))?;
    // On an error or a stop the staging folder is dropped (kept as the recycle folder) and
    // the output stays as it was.
    let Some(mut compiled) = compile_until(&opts.root, opts.minify, &staging, stop)? else {
        return Ok(None);
    };
    let start = Instant::now();
    // The cache describes the output about to be replaced: it goes first (see `build_cache`).
    build_cache::invalidate(&opts.out)?;
    // The previous bundle becomes the spare the next incremental build writes its bundle over
    // (`rebuild::spare_bundle`), rather than being freed with the previous output.
    let spare = rebuild::spare_bundle(&opts.out);
    let keep: &[(&str, &Path)] = if opts.cache == CacheUse::Off {
        &[]
    } else {
        &[(crate::bundle::BUNDLE, &spare)]
    };
    staging
        .commit_keeping(keep)
        .map_err(|e| Diagnostics::from(output_error(e)))?;
    let mut timings = std::mem::take(&mut compiled.timings);
    timings.push(("commit", start.elapsed()));
    if opts.cache != CacheUse::Off {
        let start = Instant::now();
        if let Err(e) = save_cache(opts, &mut compiled) {
            note = Some(crate::tr!(
                "build-cache-not-saved",
                error = crate::i18n::io_error(&e)
            ));
        }
        timings.push(("cache", start.elapsed()));
    }
    Ok(Some((
        BuildReport {
            pages: compiled.pages.len(),
            files: compiled.pages.len() + compiled.files.len(),
            warnings: compiled.warnings,
            timings,
            rebuilt: None,
            note,
        },
        compiled.project,
    )))
}

/// Writes the cache of a full build's output (`build_cache.rs`).
fn save_cache(opts: &BuildOptions, compiled: &mut Compiled) -> std::io::Result<()> {
    build_cache::Cache {
        out: opts.out.clone(),
        // Unreadable now: a digest that never matches (all zeros).
        inputs: build_cache::inputs_digest(
            &opts.root,
            &compiled.project.site.pages,
            opts.minify,
            crate::project::current_year(),
        )
        .unwrap_or_default(),
        templates: build_cache::template_entries(&compiled.project.sources),
        pages: std::mem::take(&mut compiled.entries),
        files: std::mem::take(&mut compiled.file_digests),
        index: std::mem::take(&mut compiled.search_layout),
    }
    .with_search(std::mem::take(&mut compiled.search))
    .save()
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
