//! The site-wide files of a build, made once every page is rendered: the sitemap, the Atom
//! feeds, the role calendars, `_headers`, the search index's pieces, the data files as JSON, and
//! the files of `content/` copied as they are (none may take the place of a file the build
//! writes). The pages, the assets, the service worker and the offline bundle are made elsewhere
//! (`pipeline.rs`, `assets.rs`, `service_worker.rs`, `bundle.rs`); their order here is the order
//! the service worker and the bundle list them in.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::build_cache::Digest;
use crate::content::Site;
use crate::content::reserved::{self, BUNDLE};
use crate::data;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::feed;
use crate::headers;
use crate::images::Catalogue;
use crate::page_output::PageOutput;
use crate::project::{Project, Timer};
use crate::search_index::{self, PageSearch, PreparedPages};
use crate::search_json;
use crate::service_worker;
use crate::variant::Variant;

/// A file the build writes: its path under the output folder, and its bytes.
pub type File = (String, Vec<u8>);

/// The files that follow from the rendered pages and the typed data, in this order: the
/// sitemap, the feeds, the role calendars, `_headers`, the search index's pieces (those that
/// are the previous build's files as they are with no bytes, and their digests in
/// `as_before`); and the search index's pages and chunks (for the build cache).
pub fn listed(
    site: &Site,
    typed: &data::TypedData,
    pages: &[PageOutput],
    search: Vec<PageSearch>,
    before: Option<&search_json::Before<'_>>,
    as_before: &mut HashMap<String, Digest>,
) -> Result<(Vec<File>, search_index::Built), search_json::NotAsBefore> {
    let mut files = vec![("sitemap.xml".to_string(), sitemap(site, pages).into_bytes())];
    files.extend(feed::files(site));
    // The role calendars (`role_calendar.rs`), made with the typed data.
    files.extend(typed.files.iter().cloned());
    files.push(("_headers".into(), headers::headers_file().into_bytes()));
    // Rows, once each, in the order of the pages that show them.
    let rows = typed.search_rows();
    let mut index = search_index::build(search, &rows, &site.glossary, &site.synonyms, before)?;
    for (path, piece) in std::mem::take(&mut index.files) {
        match piece {
            search_json::Piece::Made(bytes) => files.push((path, bytes)),
            search_json::Piece::AsBefore(digest) => {
                as_before.insert(path.clone(), digest);
                files.push((path, Vec::new()));
            }
        }
    }
    Ok((files, index))
}

/// The files of `content/` that are neither Markdown nor YAML, read to be copied as they are,
/// but the raster images, whose prepared files (`images`) take their place; an error for each
/// that would replace one the build writes (`written`, besides `sw.js`, the offline bundle
/// and the images' narrower copies) or stand in its way.
pub fn copied<'a>(
    root: &Path,
    images: &'a Catalogue,
    written: impl Iterator<Item = &'a str>,
) -> Result<Vec<File>, Diagnostics> {
    let statics = static_files(root)?;
    let copies = images
        .files()
        .filter(|f| !images.images.contains_key(&f.path))
        .map(|f| f.path.as_str());
    let clashes = reserved::check_files(&statics, written.chain(["sw.js", BUNDLE]).chain(copies));
    if !clashes.is_empty() {
        return Err(Diagnostics {
            diagnostics: clashes,
        });
    }
    let mut out = Vec::with_capacity(statics.len());
    for rel in statics {
        if images.images.contains_key(&rel) {
            continue;
        }
        let bytes = std::fs::read(root.join("content").join(&rel)).map_err(|e| {
            Diagnostics::from(Diagnostic::error(
                "io",
                crate::tr!(
                    "content-file-unreadable",
                    path = format!("content/{rel}"),
                    error = crate::i18n::io_error(&e)
                ),
            ))
        })?;
        out.push((rel, bytes));
    }
    out.extend(images.files().map(|f| (f.path.clone(), f.bytes.to_vec())));
    Ok(out)
}

/// Every data file as JSON at `data/<path>.json`, for the browser's calculators and validators
/// (the calendar as one array at `data/calendar.json`).
pub fn data_json(site: &Site) -> Vec<File> {
    let mut out = Vec::new();
    let mut years = Vec::new();
    for rel in site.data_sources.keys() {
        let stem = rel.trim_end_matches(".yaml").trim_end_matches(".yml");
        let value = stem.split('/').try_fold(&site.data, |v, key| v.get(key));
        let Some(value) = value else { continue };
        if stem.starts_with("calendar/") {
            years.push(value.clone());
        }
        out.push((
            format!("data/{stem}.json"),
            serde_json::to_vec(value).unwrap_or_default(),
        ));
    }
    if !years.is_empty() {
        out.push((
            "data/calendar.json".into(),
            serde_json::to_vec(&years).unwrap_or_default(),
        ));
    }
    out
}

/// Files in `content/` that are neither Markdown nor YAML: copied as they are.
fn static_files(root: &Path) -> Result<Vec<String>, Diagnostics> {
    let content = root.join("content");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&content)
            .expect("under content")
            .to_string_lossy()
            .replace('\\', "/");
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        if !(rel.ends_with(".md") || rel.ends_with(".yaml") || rel.ends_with(".yml")) {
            out.push(rel);
        }
    }
    Ok(out)
}

fn sitemap(site: &Site, pages: &[PageOutput]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let updated: HashMap<&str, String> = site
        .pages
        .iter()
        .filter_map(|p| p.front.updated.map(|d| (p.url.as_str(), d.to_string())))
        .collect();
    for p in pages.iter().filter(|p| p.variant == Variant::Normal) {
        s.push_str("  <url><loc>");
        s.push_str(&crate::escape::escape_text(&format!(
            "{}{}",
            site.config.base(),
            p.url
        )));
        s.push_str("</loc>");
        if let Some(d) = updated.get(p.url.as_str()) {
            s.push_str(&format!("<lastmod>{d}</lastmod>"));
        }
        s.push_str("</url>\n");
    }
    s.push_str("</urlset>\n");
    s
}

/// The files made once every page is rendered, in the order the service worker and the bundle
/// list them: the assets, the 404 page, the site-wide files (`site_files.rs`), and the service
/// worker last; their digests; and each page as the search index took it, in site order (for
/// the build cache). `before`: what an incremental build knows of the previous search index.
#[allow(clippy::too_many_arguments)]
pub(crate) fn all(
    root: &Path,
    project: &Project,
    assets: Vec<(String, Vec<u8>)>,
    pages: &[PageOutput],
    search: Vec<PageSearch>,
    before: Option<&search_json::Before<'_>>,
    timer: &mut Timer,
    stop: &AtomicBool,
) -> Result<SiteFiles, Diagnostics> {
    let (site, typed) = (&project.site, &project.typed);
    let mut files = assets;
    files.push(project.render_404()?);
    let mut as_before = HashMap::new();
    let (listed, index) = match listed(site, typed, pages, search, before, &mut as_before) {
        Ok(listed) => listed,
        Err(search_json::NotAsBefore(_)) => return Ok(SiteFiles::NotAsBefore),
    };
    files.extend(listed);
    timer.lap("index");
    if stop.load(Ordering::Relaxed) {
        return Ok(SiteFiles::Stopped);
    }
    files.extend(data_json(site));
    let copied = copied(
        root,
        &project.images,
        pages
            .iter()
            .map(|p| p.path.as_str())
            .chain(files.iter().map(|(p, _)| p.as_str())),
    )?;
    files.extend(copied);
    // The service worker lists (and hashes) everything but the bundle. The home pages are
    // hashed as they are before the bundle's size is in them: its size follows from the rest.
    let mut digests = digests(&files, &as_before);
    let web_only = project.images.web_only();
    let sw =
        service_worker::service_worker(pages, &digests, &web_only, &project.images.fallbacks())
            .into_bytes();
    digests.push(("sw.js".into(), *blake3::hash(&sw).as_bytes()));
    files.push(("sw.js".into(), sw));
    Ok(SiteFiles::Made(Box::new(Made {
        files,
        digests,
        search: index.pages,
        layout: index.layout,
        web_only,
        as_before: as_before.into_keys().collect(),
    })))
}

/// What became of [`all`].
pub(crate) enum SiteFiles {
    Made(Box<Made>),
    /// `stop` was set on the way.
    Stopped,
    /// A file of the previous build an incremental one takes its search documents from was
    /// missing or changed.
    NotAsBefore,
}

/// What [`all`] made.
pub(crate) struct Made {
    /// Each file's path and bytes; no bytes for those in `as_before`.
    pub files: Vec<File>,
    /// Each file's path and the BLAKE3 digest of its bytes, in the same order.
    pub digests: Vec<(String, Digest)>,
    /// Each page as the search index took it, in site order.
    pub search: PreparedPages,
    /// Where the search index's documents are in its chunks.
    pub layout: search_json::Layout,
    /// The files for the web only, neither in the offline bundle nor precached: the images'
    /// widths but the mid one ([`crate::images::Catalogue::web_only`]).
    pub web_only: std::collections::HashSet<String>,
    /// The files that are the previous build's as they are (an incremental build), whose
    /// bytes were not made: the output and the previous bundle have them.
    pub as_before: std::collections::HashSet<String>,
}

/// Each file's path and the BLAKE3 digest of its bytes (on every thread: the search pieces
/// alone are a few hundred MB at 10 000 memo pages); `as_before`'s, which have no bytes here,
/// as they were.
fn digests(files: &[File], as_before: &HashMap<String, Digest>) -> Vec<(String, Digest)> {
    use rayon::prelude::*;
    files
        .par_iter()
        .map(|(path, bytes)| match as_before.get(path) {
            Some(digest) => (path.clone(), *digest),
            None => (path.clone(), *blake3::hash(bytes).as_bytes()),
        })
        .collect()
}
