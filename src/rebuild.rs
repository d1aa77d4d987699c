//! Incremental `build`: when the previous build of the output folder left a cache
//! (`build_cache.rs`) and nothing but page bodies and page templates (`templates/**/*.html`
//! outside `templates/assets/`) changed since, only the pages whose file changed and those
//! whose render read a changed template (recorded per page by the render itself: its template,
//! its widgets', and what those extend or include) are rendered again; every other page is
//! taken from the output as it is. The 404 page, the one other file made from a template, is
//! made again every time with the site-wide files (`site_files::all`). The
//! site-wide files are made again from every page's cached pieces (search stems, digests: only
//! the re-rendered pages are read again for the search index, and the index's document chunks
//! that hold none of them are the previous ones as they are), the offline bundle from the
//! previous bundle's compressed entries and the new pages' copies, and only the files whose
//! bytes changed are written. The result is what a clean build writes,
//! byte for byte (`tests/incremental_build.rs` proves it on random edits).
//!
//! Anything the cache cannot vouch for — no cache, a damaged one, one from another program or
//! output folder, a change of assets, data, settings, front matter, a page added, moved or
//! removed, or of a template that defines a tera component (callable from any template) —
//! makes it a full build (`pipeline.rs`); so do edits that touch most pages
//! ([`worth_rebuilding`]): a full build is faster then, and holds far less.
//!
//! Nothing is written until every page rendered and every file is made, so an error leaves the
//! output as it was. Then the cache is removed first and written again last: a build stopped
//! while writing leaves no cache, and the next build is a full one.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use crate::build_cache::{self, Cache, PageEntry, Unused};
use crate::build_options::{BuildOptions, BuildReport};
use crate::bundle;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::offline;
use crate::output;
use crate::page_output::{PageOutput, digest};
use crate::project::{PageRender, Project, Timer, current_year};
use crate::search_index::PageSearch;
use crate::search_json;
use crate::sink::{LiveOutput, Sink, output_error};
use crate::site_files;

/// What became of an incremental build.
pub(crate) enum Rebuilt {
    Done(Box<(BuildReport, Project)>),
    /// It has to be a full build, for this reason.
    Full(Unused),
    /// `stop` was set before anything was written: the output is as it was.
    Stopped,
}

/// Builds `opts.out` again from its cache, or says why it cannot; gives up, writing nothing,
/// once `stop` is set (`serve`'s catch-up, when the editor saves again).
pub(crate) fn rebuild(opts: &BuildOptions, stop: &AtomicBool) -> Result<Rebuilt, Diagnostics> {
    let out = &opts.out;
    let Some(_lock) = output::lock_in_place(out).map_err(|e| Diagnostics::from(output_error(e)))?
    else {
        return Ok(Rebuilt::Full(Unused::FirstBuild));
    };
    if !build_cache::path(out).exists() {
        return Ok(Rebuilt::Full(Unused::Missing));
    }
    let mut timer = Timer {
        start: Instant::now(),
        phases: Vec::new(),
    };
    // The cache (hundreds of MB at 10 000 memo pages, read and decoded on one thread) while
    // the site is read (on the others).
    let (cache, loaded) = rayon::join(
        || {
            let start = Instant::now();
            (Cache::load(out), start.elapsed())
        },
        || Project::load_timed(&opts.root, opts.minify, &mut timer),
    );
    let (cache, cache_read) = cache;
    let cache = match cache {
        Ok(cache) => cache,
        Err(unused) => return Ok(Rebuilt::Full(unused)),
    };
    let (project, assets) = loaded?;
    timer.phases.push((" cache read*", cache_read));
    let site = &project.site;
    let same_inputs =
        build_cache::inputs_digest(&opts.root, &site.pages, opts.minify, current_year())
            .is_ok_and(|d| d == cache.inputs);
    let same_pages = cache.pages.len() == site.pages.len()
        && cache
            .pages
            .iter()
            .zip(&site.pages)
            .all(|(e, p)| e.rel == p.rel);
    if !same_inputs || !same_pages {
        return Ok(Rebuilt::Full(Unused::InputsChanged));
    }
    let templates = build_cache::template_entries(&project.sources);
    let Some(stale) = stale_templates(&cache.templates, &templates, &project.sources) else {
        return Ok(Rebuilt::Full(Unused::InputsChanged));
    };
    let bundle_path = out.join(bundle::BUNDLE);
    // The pages whose file changed, and those whose render read a template that changed. A
    // file with the stamp the previous build recorded is not hashed again (`content::FileStamp`).
    let changed: Vec<usize> = (0..site.pages.len())
        .into_par_iter()
        .filter(|&i| {
            let (entry, page) = (&cache.pages[i], &site.pages[i]);
            file_changed(entry, page, site.stamp(&page.rel))
                || entry
                    .templates
                    .iter()
                    .any(|&t| stale.get(t as usize).is_none_or(Option::is_none))
        })
        .collect();
    if changed.is_empty() && cache.templates == templates {
        return Ok(unchanged(project, cache, &bundle_path, timer));
    }
    if !worth_rebuilding(changed.len(), site.pages.len()) {
        return Ok(Rebuilt::Full(Unused::MostPages));
    }
    timer.lap("cache");

    // The pages whose file changed, rendered again (both versions and their `file://` copies).
    let results: Vec<(usize, Result<PageRender, Vec<Diagnostic>>)> = changed
        .par_iter()
        .map(|&i| (i, project.render_page(&site.pages[i], true)))
        .collect();
    let mut fresh: HashMap<usize, PageRender> = HashMap::new();
    let mut errors = Vec::new();
    for (i, result) in results {
        match result {
            Ok(render) => {
                fresh.insert(i, render);
            }
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        errors.extend(fresh.into_values().flat_map(|r| r.warnings));
        return Err(Diagnostics {
            diagnostics: errors,
        });
    }
    timer.lap("render");

    // Every page in site order, as a full build has them after its render: the new ones with
    // their HTML, the others from the cache.
    let mut warnings = site.warnings.clone();
    let (mut pages, mut search, mut entries) = (Vec::new(), Vec::new(), Vec::new());
    let mut parts = Vec::with_capacity(site.pages.len());
    for (i, (entry, page)) in cache.pages.into_iter().zip(&site.pages).enumerate() {
        match fresh.remove(&i) {
            Some(mut render) => {
                entries.push(PageEntry::new(
                    &page.rel,
                    &page.source,
                    site.stamp(&page.rel),
                    std::mem::take(&mut render.templates),
                    &render.pages,
                    &render.warnings,
                ));
                let copies: Vec<(String, Vec<u8>)> = render
                    .pages
                    .iter_mut()
                    .filter_map(|p| Some((p.path.clone(), p.file_copy.take()?)))
                    .collect();
                parts.push(Part::New(copies));
                warnings.extend(render.warnings);
                search.push(PageSearch::Text(render.text));
                pages.extend(render.pages);
            }
            None => {
                let mut entry = entry;
                // The same bytes as the cached ones (same stamp, or same digest): the stamp now.
                entry.stamp = site.stamp(&page.rel);
                // Its templates are all unchanged: their places in the new list.
                entry.templates = entry
                    .templates
                    .iter()
                    .filter_map(|&t| stale[t as usize])
                    .collect();
                let paths: Vec<String> = entry.outputs.iter().map(|o| o.path.clone()).collect();
                parts.push(Part::Kept(paths));
                warnings.extend(entry.warnings(&page.source));
                search.push(PageSearch::Prepared(entry.search.take()));
                pages.extend(entry.page_outputs());
                entries.push(entry);
            }
        }
    }
    // Every file the previous build wrote but the pages, with its digest: the search index's
    // documents of the pages not rendered again are in its document chunks (checked against
    // their digests before they are used), and only files whose digest changed are written.
    let before_files: HashMap<&str, build_cache::Digest> =
        cache.files.iter().map(|(p, d)| (p.as_str(), *d)).collect();
    let read = |path: &str| -> Option<Vec<u8>> {
        let digest = before_files.get(path)?;
        let bytes = std::fs::read(out.join(path)).ok()?;
        (blake3::hash(&bytes).as_bytes() == digest).then_some(bytes)
    };
    let before = search_json::Before {
        digests: &before_files,
        layout: &cache.index,
        read: &read,
    };
    // The previous bundle's directory (tens of thousands of entries) is read meanwhile.
    let (previous, made) = rayon::join(
        || bundle::Previous::read(&bundle_path),
        || {
            site_files::all(
                &opts.root,
                &project,
                assets.files,
                &pages,
                search,
                Some(&before),
                &mut timer,
                stop,
            )
        },
    );
    let made = made?;
    let Ok(previous) = previous else {
        return Ok(Rebuilt::Full(Unused::OutputChanged));
    };
    let site_files::Made {
        files,
        digests,
        search,
        layout,
        web_only,
        as_before,
    } = match made {
        site_files::SiteFiles::Made(made) => *made,
        site_files::SiteFiles::Stopped => return Ok(Rebuilt::Stopped),
        site_files::SiteFiles::NotAsBefore => return Ok(Rebuilt::Full(Unused::OutputChanged)),
    };

    // The offline bundle, beside the output until it replaces the old one; the entries of
    // the files whose bytes are as before are taken from the previous one.
    let kept = bundle::Kept {
        previous: &previous,
        unchanged: unchanged_files(&before_files, &digests),
        not_held: &as_before,
    };
    // One name, not one per process: the output's lock makes this build its only writer, and a
    // bundle a killed build left there is written over like the spare.
    let bundle_tmp = output::beside(out, "bundle.tmp");
    let spare = spare_bundle(out);
    let size = match write_bundle(
        &bundle_tmp,
        &spare,
        &bundle_path,
        &kept,
        parts,
        &files,
        &web_only,
    ) {
        Ok(size) => size,
        Err(Missing) => {
            set_aside(&bundle_tmp, &spare);
            return Ok(Rebuilt::Full(Unused::OutputChanged));
        }
    };
    drop(kept);
    drop(previous);
    timer.lap("files+zip");
    if stop.load(Ordering::Relaxed) {
        set_aside(&bundle_tmp, &spare);
        return Ok(Rebuilt::Stopped);
    }
    let size_text = offline::human_size(size as usize);
    for p in pages.iter_mut().filter(|p| p.digest.is_none()) {
        p.html = offline::with_size(std::mem::take(&mut p.html), &size_text);
        p.digest = digest(&p.url, &p.html);
    }

    let recorded = entries
        .iter()
        .map(|e| project.template_names(&e.templates))
        .collect();
    // Everything is made: now the output changes, while the new cache is written beside it
    // (a temporary file, renamed into place once the output is complete).
    let new_cache = Cache {
        out: out.clone(),
        inputs: cache.inputs,
        templates,
        pages: entries,
        files: digests.clone(),
        index: layout,
    }
    .with_search(search);
    let (written, saved) = rayon::join(
        || {
            write(
                out,
                &before_files,
                &pages,
                &files,
                &digests,
                &bundle_tmp,
                &spare,
            )
        },
        || new_cache.write_temporary(),
    );
    if bundle_tmp.exists() {
        set_aside(&bundle_tmp, &spare);
    }
    if let Err(e) = written {
        if let Ok(saved) = saved {
            saved.discard();
        }
        return Err(e);
    }
    for p in &mut pages {
        p.html = Vec::new();
    }
    let note = saved
        .and_then(build_cache::Written::put_in_place)
        .err()
        .map(|e| crate::tr!("build-cache-not-saved", error = crate::i18n::io_error(&e)));
    timer.lap("write");
    let (page_count, file_count) = (pages.len(), files.len());
    // Freeing what the build held (every page's cache entry and search document, the files'
    // bytes) takes tens of milliseconds at 10 000 pages: another thread does it, which a
    // `build` that ends now does not wait for.
    std::thread::spawn(move || drop((new_cache, files, pages)));
    let mut project = project;
    project.offline_size = Some(size_text);
    project.recorded = Some(recorded);
    Ok(Rebuilt::Done(Box::new((
        BuildReport {
            pages: page_count,
            files: page_count + file_count + 1,
            warnings,
            timings: timer.phases,
            rebuilt: Some((changed.len(), project.site.pages.len())),
            note,
        },
        project,
    ))))
}

/// Whether `page`'s file (`stamp`: its stamp now, if trusted) changed since the build that
/// recorded `entry`: the same stamp as recorded says it did not, without hashing the file.
fn file_changed(
    entry: &PageEntry,
    page: &crate::content::Page,
    stamp: Option<crate::content::FileStamp>,
) -> bool {
    let as_read = entry.stamp.is_some() && entry.stamp == stamp;
    !as_read && build_cache::source_digest(&page.source) != entry.source
}

/// Whether rendering `rendered` of `pages` pages again beats a full build. A rebuild holds the
/// pages it renders (both versions and their `file://` copies, ~110 KB a page on the
/// benchmark corpus) until every one is made, since nothing may be written before; a full
/// build writes each page as it comes. On 10 000 pages, an edit of `page.html` (every page
/// again) took a rebuild 28 s and 1.75 GB, a full build 21 s and 0.47 GB. So: a full build
/// when more than a quarter of the pages, and more than 1 000, are to be rendered again.
fn worth_rebuilding(rendered: usize, pages: usize) -> bool {
    rendered <= MAX_HELD.max(pages / 4)
}

/// The pages a rebuild renders again whatever the size of the site (~110 MB held at most).
const MAX_HELD: usize = 1000;

/// For each template of the cache (`before`), its place among the templates `now` when a page
/// that read it may be kept as it is, or `None` when the page must be rendered again: the
/// template, or one it extends or includes, was added, removed or edited (each template that
/// pulls in a changed one, directly or not, by `now`'s texts: a template added where one that
/// was there includes it makes that one change). `None` altogether when the change is one a
/// page's record cannot follow (a tera component defined in a changed template is callable
/// from any template): a full build.
fn stale_templates(
    before: &[build_cache::TemplateEntry],
    now: &[build_cache::TemplateEntry],
    sources: &crate::templates::TemplateSources,
) -> Option<Vec<Option<u32>>> {
    let (changed, component) = build_cache::changed_templates(before, now);
    if component {
        return None;
    }
    let affected = sources.dependents(&changed);
    let place: HashMap<&str, u32> = now
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.as_str(), i as u32))
        .collect();
    Some(
        before
            .iter()
            .map(|t| {
                place
                    .get(t.name.as_str())
                    .copied()
                    .filter(|_| !affected.contains(&t.name))
            })
            .collect(),
    )
}

/// Nothing changed since the build the cache describes: every file it wrote is what a build
/// would write now (the same inputs and the same pages, and the site-wide files are made from
/// nothing else), so nothing is written; the warnings are the cached ones.
fn unchanged(project: Project, cache: Cache, bundle: &Path, mut timer: Timer) -> Rebuilt {
    let Ok(size) = std::fs::metadata(bundle).map(|m| m.len()) else {
        return Rebuilt::Full(Unused::OutputChanged);
    };
    let site = &project.site;
    let mut warnings = site.warnings.clone();
    let mut pages = 0;
    for (entry, page) in cache.pages.iter().zip(&site.pages) {
        warnings.extend(entry.warnings(&page.source));
        pages += entry.outputs.len();
    }
    timer.lap("cache");
    let sources = site.pages.len();
    let mut project = project;
    project.offline_size = Some(offline::human_size(size as usize));
    let recorded = cache
        .pages
        .iter()
        .map(|e| project.template_names(&e.templates))
        .collect();
    project.recorded = Some(recorded);
    Rebuilt::Done(Box::new((
        BuildReport {
            pages,
            files: pages + cache.files.len() + 1,
            warnings,
            timings: timer.phases,
            rebuilt: Some((0, sources)),
            note: None,
        },
        project,
    )))
}

/// A page's entries in the offline bundle.
enum Part {
    /// Its new `file://` copies, to compress.
    New(Vec<(String, Vec<u8>)>),
    /// Unchanged: its entries of the previous bundle, by path.
    Kept(Vec<String>),
}

/// An entry of the previous bundle was not there.
struct Missing;

/// Where a rebuild keeps the bundle its new one replaced: `.<out>.bundle.spare` beside the
/// output, written over by the next rebuild. Replacing `offline.zip` by a rename frees the old
/// file's pages and blocks in the rename itself (148 ms for the 320 MB bundle of 10 000 memo
/// pages, measured by strace: a sixth of a body edit's rebuild); a second name for the old
/// file keeps it alive, and writing the next bundle over it reuses its pages, so no rebuild
/// frees or allocates a whole bundle's worth. It costs the disk one bundle more.
pub(crate) fn spare_bundle(out: &Path) -> std::path::PathBuf {
    output::beside(out, "bundle.spare")
}

/// Opens `path` to write a bundle in: the spare bundle renamed to `path`, else what a killed
/// build left at `path`, else a new file; its bytes are written over, and its length set when
/// the bundle is finished. Never the file `live` (the output's bundle) is: a build killed
/// between giving the old bundle its second name and renaming the new one into place (`write`)
/// left the spare's name on the bundle in use, and it is then dropped.
fn open_bundle(path: &Path, spare: &Path, live: &Path) -> std::io::Result<std::fs::File> {
    let _ = std::fs::rename(spare, path);
    if same_file::is_same_file(path, live).unwrap_or(false) {
        std::fs::remove_file(path)?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}

/// A bundle file not used after all, kept as the spare (or removed when it cannot be).
fn set_aside(path: &Path, spare: &Path) {
    if std::fs::rename(path, spare).is_err() {
        let _ = std::fs::remove_file(path);
    }
}

/// Writes the bundle at `path` (over the spare bundle's bytes when there is one): the README,
/// every page's entries in site order, then `files` (see `bundle::Bundle`; those
/// `kept.unchanged` from the previous bundle); never over `live`, the bundle in use. Its size.
fn write_bundle(
    path: &Path,
    spare: &Path,
    live: &Path,
    kept: &bundle::Kept<'_>,
    parts: Vec<Part>,
    files: &[(String, Vec<u8>)],
    web_only: &std::collections::HashSet<String>,
) -> Result<u64, Missing> {
    let previous = kept.previous;
    let file = open_bundle(path, spare, live).map_err(|_| Missing)?;
    let handle = file.try_clone().map_err(|_| Missing)?;
    let zip = bundle::Bundle::new(std::io::BufWriter::with_capacity(1 << 20, file))
        .map_err(|_| Missing)?;
    let runs = parts.len();
    for (i, part) in parts.into_iter().enumerate() {
        match part {
            Part::New(copies) => {
                zip.add_run(i, bundle::compress_run(&copies).map_err(|_| Missing)?);
            }
            Part::Kept(paths) => {
                let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
                if !zip.add_previous(i, previous, &paths).map_err(|_| Missing)? {
                    return Err(Missing);
                }
            }
        }
    }
    let size = zip
        .finish(runs, files, web_only, Some(kept))
        .map_err(|_| Missing)?;
    // A spare longer than the new bundle keeps its tail until cut here.
    handle.set_len(size).map_err(|_| Missing)?;
    Ok(size)
}

/// The paths of `now` with the digest they had `before`.
fn unchanged_files<'a>(
    before: &HashMap<&str, build_cache::Digest>,
    now: &'a [(String, build_cache::Digest)],
) -> std::collections::HashSet<&'a str> {
    now.iter()
        .filter(|(path, digest)| before.get(path.as_str()) == Some(digest))
        .map(|(path, _)| path.as_str())
        .collect()
}

/// Writes into the output in place: the pages that have HTML (re-rendered, or waiting for the
/// bundle's size), the files whose bytes changed (`digests`: of `files`, in order), the
/// bundle (`bundle_tmp`: the new one's file; `spare`: the name the old one keeps); removes the
/// files no longer made.
fn write(
    out: &Path,
    before: &HashMap<&str, build_cache::Digest>,
    pages: &[PageOutput],
    files: &[(String, Vec<u8>)],
    digests: &[(String, build_cache::Digest)],
    bundle_tmp: &Path,
    spare: &Path,
) -> Result<(), Diagnostics> {
    build_cache::invalidate(out)?;
    let sink = LiveOutput::new(out.to_path_buf());
    for p in pages.iter().filter(|p| !p.html.is_empty()) {
        sink.write(&p.path, &p.html)?;
    }
    let mut now = std::collections::HashSet::new();
    for ((path, bytes), (_, digest)) in files.iter().zip(digests) {
        now.insert(path.as_str());
        if before.get(path.as_str()) != Some(digest) {
            sink.write(path, bytes)?;
        }
    }
    for gone in before.keys().filter(|p| !now.contains(*p)) {
        remove_with_empty_folders(out, gone);
    }
    let target = out.join(bundle::BUNDLE);
    // The old bundle stays alive under the spare's name (see `spare_bundle`); where no second
    // name can be made (a file system without hard links), the rename frees it as before.
    let _ = std::fs::hard_link(&target, spare);
    output::rename(bundle_tmp, &target)
        .map_err(|e| output_error(output::write_error(&target, e)))?;
    Ok(())
}

/// Removes `out/rel` and the folders it leaves empty (a clean build has no empty folder).
fn remove_with_empty_folders(out: &Path, rel: &str) {
    let path = out.join(rel);
    let _ = std::fs::remove_file(&path);
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == out || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_with_the_recorded_stamp_is_not_hashed_again() {
        use crate::content::{FileStamp, FrontMatter, Page, PageKind};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "---\ntitle: А\n---\nТекст.\n").unwrap();
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        let stamp = FileStamp::of(&std::fs::metadata(&path).unwrap(), later);
        assert!(stamp.is_some());
        let page = |text: &str| Page {
            file: path.clone(),
            rel: "a.md".to_string(),
            source: std::sync::Arc::from(text),
            body_offset: 0,
            front: FrontMatter::default(),
            kind: PageKind::Page,
            url: "/a/".to_string(),
            section: String::new(),
        };
        let recorded = page("то, что прочла прошлая сборка");
        let entry = PageEntry::new("a.md", &recorded.source, stamp, Vec::new(), &[], &[]);
        let now = page("другой текст");
        // Same stamp: as read, whatever the text (a file with its stamp has its bytes).
        assert!(!file_changed(&entry, &now, stamp));
        // No stamp now (racy) or none then: hashed.
        assert!(file_changed(&entry, &now, None));
        assert!(!file_changed(&entry, &recorded, None));
        let unstamped = PageEntry::new("a.md", &recorded.source, None, Vec::new(), &[], &[]);
        assert!(file_changed(&unstamped, &now, None));
        assert!(file_changed(&unstamped, &now, stamp));
        // Another stamp: hashed.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, "---\ntitle: Б\n---\nТекст.\n").unwrap();
        let other = FileStamp::of(&std::fs::metadata(&path).unwrap(), later);
        assert_ne!(other, stamp);
        assert!(file_changed(&entry, &now, other));
        assert!(!file_changed(&entry, &recorded, other));
    }

    #[test]
    fn the_bundle_in_use_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let (live, spare, tmp) = (
            dir.path().join("offline.zip"),
            dir.path().join("spare"),
            dir.path().join("tmp"),
        );
        std::fs::write(&live, b"the bundle in use").unwrap();
        // What a build killed between the hard link and the rename leaves.
        std::fs::hard_link(&live, &spare).unwrap();
        let mut file = open_bundle(&tmp, &spare, &live).unwrap();
        std::io::Write::write_all(&mut file, b"a new bundle").unwrap();
        drop(file);
        assert_eq!(std::fs::read(&live).unwrap(), b"the bundle in use");
        assert_eq!(std::fs::read(&tmp).unwrap(), b"a new bundle");
        // A spare of its own is written over: the same file, its bytes as they were.
        std::fs::rename(&tmp, &spare).unwrap();
        let before = same_file::Handle::from_path(&spare).unwrap();
        drop(open_bundle(&tmp, &spare, &live).unwrap());
        assert_eq!(same_file::Handle::from_path(&tmp).unwrap(), before);
        assert_eq!(std::fs::read(&tmp).unwrap(), b"a new bundle");
    }

    #[test]
    fn most_pages_again_is_a_full_build() {
        // A small site: always a rebuild.
        assert!(worth_rebuilding(20, 20));
        assert!(worth_rebuilding(1000, 1200));
        assert!(!worth_rebuilding(1001, 1200));
        // A large one: up to a quarter of its pages.
        assert!(worth_rebuilding(20, 10_000));
        assert!(worth_rebuilding(2500, 10_000));
        assert!(!worth_rebuilding(2501, 10_000));
    }
}
