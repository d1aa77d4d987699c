//! The build cache: what the last `build` of an output folder was made from, and what each of
//! its pages produced, so that the next `build` re-renders only the pages whose file changed
//! or whose render read a template that changed (`rebuild.rs`) and writes what a clean build
//! would write, byte for byte.
//!
//! **Where**: beside the output folder, `.<name>.cache` (like its lock file), never inside it
//! (the output is published as it is).
//!
//! **What it holds**: a header (magic, format, a digest of the program that wrote it), then
//! (postcard) the output folder it describes, the digest of every input other than the pages'
//! bodies and the page templates ([`inputs_digest`]), every template's digest
//! ([`TemplateEntry`]), and per page, in site order: the digest of its file, the templates its
//! render read, what it produced (URL, path, variant, the digest of each written file; the
//! HTML of a page still waiting for the bundle's size), its warnings and the length of its
//! search document's JSON (`search_index::PreparedPage`; its text and stems are in the output's
//! document chunks and term shards, which a rebuild reads back: `search_json::Before`); the
//! digest of every other file written; and where the index's documents are in its chunks
//! (`search_json::Layout`).
//!
//! **When it is trusted**: only when the header is this program's and this format's, it
//! describes this output folder, and the inputs digest is the same (the templates may differ:
//! the pages that read a changed one are rendered again); anything else is ignored
//! with a note (and the build is a full one). A build removes the cache before it writes
//! anything into the output and writes the new one (atomically: a temporary file renamed) only
//! after the output is complete, so a build stopped half-way leaves no cache and the next build
//! is a full one. `serve` keeps the cache (its first build and its catch-ups are builds like
//! this one) and, between them, writes the pages an edit touches in place, leaving the cache
//! as it is: each page it writes is what a build of the files as they are then writes, so a
//! page on disk differs from its cached output only while its file or one of its templates
//! differs from the cache's digest too, and the next build renders that page again (and a page
//! put back as it was is written back as it was).

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::page_output::PageOutput;
use crate::search_index::{PreparedPage, PreparedPages};
use crate::templates::TemplateSources;
use crate::variant::Variant;

/// The start of every cache file.
const MAGIC: &[u8; 16] = b"pamyatka-cache\n\0";

/// The layout of what follows the header; raised whenever a type below changes.
const FORMAT: u32 = 7;

pub type Digest = [u8; 32];

/// What a build left for the next one.
#[derive(Serialize, Deserialize)]
pub struct Cache {
    /// The output folder it describes (compared made absolute).
    pub out: PathBuf,
    /// [`inputs_digest`] of the build.
    pub inputs: Digest,
    /// Every template the build had (the site's over the built-in ones), by name.
    pub templates: Vec<TemplateEntry>,
    /// Every page, in site order.
    pub pages: Vec<PageEntry>,
    /// Every other file written (the bundle aside), with its digest.
    pub files: Vec<(String, Digest)>,
    /// Where the search index's documents are in its chunks (`search_json::Before`).
    pub index: crate::search_json::Layout,
}

/// What one page (a file of `content/`) produced.
#[derive(Serialize, Deserialize)]
pub struct PageEntry {
    /// Relative to `content/`.
    pub rel: String,
    /// BLAKE3 of the whole file.
    pub source: Digest,
    /// The file's stamp when it was read (`content::FileStamp`): while the file has the same,
    /// `source` is its digest without hashing it again. `None`: racy, hashed next time.
    pub stamp: Option<crate::content::FileStamp>,
    /// The templates its render read (its own, its widgets', what those extend or include):
    /// places in [`Cache::templates`], sorted.
    pub templates: Vec<u32>,
    /// One per version of the site.
    pub outputs: Vec<OutputEntry>,
    pub warnings: Vec<CachedWarning>,
    /// The page's search document as the index took it (`None`: the search page, no
    /// document). Put in by [`Cache::with_search`] once the search index is made.
    pub search: Option<PreparedPage>,
}

/// A template of a build: its name, the digest of its text, and whether it defines a tera
/// component (callable from any template: an edit of it is a full build).
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct TemplateEntry {
    pub name: String,
    pub digest: Digest,
    pub component: bool,
}

/// Every template of `sources`, in their order (by name).
pub fn template_entries(sources: &TemplateSources) -> Vec<TemplateEntry> {
    sources
        .files
        .iter()
        .map(|(name, (_, text))| TemplateEntry {
            name: name.clone(),
            digest: *blake3::hash(text.as_bytes()).as_bytes(),
            component: sources.defines_component(name),
        })
        .collect()
}

/// The names of the templates added, removed or edited from `before` to `now`, and whether
/// any of them defines a component, before or now.
pub fn changed_templates(before: &[TemplateEntry], now: &[TemplateEntry]) -> (Vec<String>, bool) {
    let by_name = |list: &[TemplateEntry]| -> std::collections::HashMap<String, (Digest, bool)> {
        list.iter()
            .map(|t| (t.name.clone(), (t.digest, t.component)))
            .collect()
    };
    let (old, new) = (by_name(before), by_name(now));
    let mut changed = Vec::new();
    let mut component = false;
    for (name, entry) in old.iter().chain(&new) {
        let (a, b) = (old.get(name), new.get(name));
        if a.map(|e| e.0) != b.map(|e| e.0) {
            if !changed.contains(name) {
                changed.push(name.clone());
            }
            component |= entry.1;
        }
    }
    changed.sort();
    (changed, component)
}

#[derive(Serialize, Deserialize)]
pub struct OutputEntry {
    pub url: String,
    pub path: String,
    pub origin: String,
    pub variant: Variant,
    /// As in [`PageOutput::digest`].
    pub digest: Option<Digest>,
    /// The page's HTML while it waits for the bundle's size (the home pages), else `None`.
    pub pending: Option<Vec<u8>>,
}

/// A warning of a page, kept to be shown again by a build that does not re-render the page.
#[derive(Serialize, Deserialize)]
pub struct CachedWarning {
    code: String,
    kind: Option<String>,
    message: String,
    hint: Option<String>,
    location: Option<CachedLocation>,
}

#[derive(Serialize, Deserialize)]
struct CachedLocation {
    file: PathBuf,
    offset: usize,
    len: usize,
    label: Option<String>,
    /// The text the location is in, when it is not the page's own file.
    source: Option<String>,
}

impl PageEntry {
    /// The entry of a page just rendered (`source`: its file's text), its search document
    /// still to come ([`Cache::with_search`]).
    pub fn new(
        rel: &str,
        source: &Arc<str>,
        stamp: Option<crate::content::FileStamp>,
        templates: Vec<u32>,
        outputs: &[PageOutput],
        warnings: &[Diagnostic],
    ) -> PageEntry {
        PageEntry {
            rel: rel.to_string(),
            source: source_digest(source),
            stamp,
            templates,
            outputs: outputs
                .iter()
                .map(|p| OutputEntry {
                    url: p.url.clone(),
                    path: p.path.clone(),
                    origin: p.origin.clone(),
                    variant: p.variant,
                    digest: p.digest,
                    pending: p.digest.is_none().then(|| p.html.clone()),
                })
                .collect(),
            warnings: warnings
                .iter()
                .map(|d| CachedWarning::new(d, source))
                .collect(),
            search: None,
        }
    }

    /// The page's outputs as a build that did not re-render it hands them on: written already,
    /// so without HTML (but the pages waiting for the bundle's size).
    pub fn page_outputs(&self) -> Vec<PageOutput> {
        self.outputs
            .iter()
            .map(|o| PageOutput {
                url: o.url.clone(),
                origin: o.origin.clone(),
                path: o.path.clone(),
                html: o.pending.clone().unwrap_or_default(),
                digest: o.digest,
                facts: Default::default(),
                links: Vec::new(),
                variant: o.variant,
                file_copy: None,
            })
            .collect()
    }

    /// The page's warnings again (`source`: its file's text, unchanged since).
    pub fn warnings(&self, source: &Arc<str>) -> Vec<Diagnostic> {
        self.warnings.iter().map(|w| w.diagnostic(source)).collect()
    }
}

impl CachedWarning {
    fn new(d: &Diagnostic, page_source: &Arc<str>) -> CachedWarning {
        CachedWarning {
            code: d.code.to_string(),
            kind: d.kind.map(str::to_string),
            message: d.message.clone(),
            hint: d.hint.clone(),
            location: d.location.as_ref().map(|l| CachedLocation {
                file: l.file.clone(),
                offset: l.offset,
                len: l.len,
                label: l.label.clone(),
                source: (!Arc::ptr_eq(&l.source, page_source) && *l.source != **page_source)
                    .then(|| l.source.to_string()),
            }),
        }
    }

    fn diagnostic(&self, page_source: &Arc<str>) -> Diagnostic {
        Diagnostic {
            code: intern(&self.code),
            message: self.message.clone(),
            location: self.location.as_ref().map(|l| {
                let source = l
                    .source
                    .as_deref()
                    .map_or_else(|| page_source.clone(), Arc::from);
                let mut location = Location::new(l.file.clone(), source, l.offset, l.len);
                location.label = l.label.clone();
                Box::new(location)
            }),
            hint: self.hint.clone(),
            severity: Severity::Warning,
            kind: self.kind.as_deref().map(intern),
        }
    }
}

/// A diagnostic's code or kind as the `&'static str` the type holds. Codes and kinds are a
/// few dozen fixed words, so keeping each one read from a cache for the process's life costs
/// a few hundred bytes at most.
fn intern(s: &str) -> &'static str {
    static SEEN: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&known) = seen.get(s) {
        return known;
    }
    let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
    seen.insert(leaked);
    leaked
}

/// BLAKE3 of a page's file.
pub fn source_digest(source: &str) -> Digest {
    *blake3::hash(source.as_bytes()).as_bytes()
}

/// BLAKE3 of everything a build reads but the pages' bodies and the page templates: every file
/// and folder name under `content/` and `templates/` (symbolic links by name: the loader skips
/// them) but the templates' (the `*.html` files of `templates/` outside `templates/assets/`,
/// and the folders they are in), the files' bytes — of a page, only its front matter —, and the
/// settings a build depends on (the minification, the language messages are in, the current
/// year the calendar warnings use). The same digest means: every page renders as before but
/// for the ones whose body changed and those whose render read a template that changed
/// ([`Cache::templates`], [`PageEntry::templates`]).
pub fn inputs_digest(
    root: &Path,
    pages: &[crate::content::Page],
    minify: bool,
    year: i32,
) -> io::Result<Digest> {
    let mut h = blake3::Hasher::new();
    h.update(&FORMAT.to_le_bytes());
    h.update(crate::i18n::lang().code().as_bytes());
    h.update(&[u8::from(minify)]);
    h.update(&year.to_le_bytes());
    let pages: std::collections::HashMap<&str, &crate::content::Page> =
        pages.iter().map(|p| (p.rel.as_str(), p)).collect();
    for top in ["content", "templates"] {
        let dir = root.join(top);
        if !dir.exists() {
            // No `templates/` is an empty one: the built-in templates and assets.
            if top == "content" {
                h.update(b"\0missing\0");
            }
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(io::Error::other)?;
            let rel = entry
                .path()
                .strip_prefix(root)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            let kind = entry.file_type();
            if is_page_template(&rel, kind) {
                continue;
            }
            h.update(rel.as_bytes());
            if kind.is_symlink() {
                h.update(b"\0link\0");
            } else if kind.is_dir() {
                h.update(b"\0dir\0");
            } else {
                let in_content = rel.strip_prefix("content/");
                match in_content.and_then(|r| pages.get(r)) {
                    Some(page) => {
                        h.update(b"\0page\0");
                        h.update(&page.source.as_bytes()[..page.body_offset]);
                    }
                    None => {
                        h.update(b"\0file\0");
                        let bytes = std::fs::read(entry.path())?;
                        h.update(&(bytes.len() as u64).to_le_bytes());
                        h.update(&bytes);
                    }
                }
            }
            h.update(b"\0");
        }
    }
    Ok(*h.finalize().as_bytes())
}

/// Whether `rel` (under the site's root) is a page template or a folder of them: what
/// `templates::read_sources` reads (a `*.html` file under `templates/`), outside
/// `templates/assets/` (whose files are fingerprinted into every page, and are in the inputs
/// digest with their folder).
fn is_page_template(rel: &str, kind: std::fs::FileType) -> bool {
    if rel != "templates" && !rel.starts_with("templates/") {
        return false;
    }
    let in_assets = rel == "templates/assets" || rel.starts_with("templates/assets/");
    let html = Path::new(rel).extension().is_some_and(|e| e == "html");
    !in_assets && (kind.is_dir() || (kind.is_file() && html))
}

/// BLAKE3 of the running program: a cache written by another build of pamyatka is not read.
fn program_digest() -> io::Result<Digest> {
    PROGRAM
        .get_or_init(|| {
            let exe = std::env::current_exe().map_err(|e| e.to_string())?;
            let bytes = std::fs::read(&exe).map_err(|e| e.to_string())?;
            Ok(*blake3::hash(&bytes).as_bytes())
        })
        .clone()
        .map_err(io::Error::other)
}

/// Makes [`program_digest`] now (a full build does it while its pages render: the cache is
/// written with it at the end).
pub fn warm_program_digest() {
    let _ = program_digest();
}

/// [`program_digest`], once known.
static PROGRAM: std::sync::OnceLock<Result<Digest, String>> = std::sync::OnceLock::new();

/// Takes `digest` as the running program's (read from a cache it wrote: [`program_stamp`]).
fn remember_program_digest(digest: Digest) {
    let _ = PROGRAM.set(Ok(digest));
}

/// The length of [`program_stamp`].
const STAMP: usize = 24;

/// The running program's file as the file system describes it: its size and modification
/// time (to the nanosecond where the file system keeps it). A cache keeps the stamp of the
/// program that wrote it beside its digest; a program whose file has the same stamp is that
/// one (building or copying a program gives its file a new time), and takes the digest as it
/// is rather than hashing itself. `None` when it cannot be read (the cache then keeps zeros,
/// which match no file).
fn program_stamp() -> Option<[u8; STAMP]> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let time = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let mut stamp = [0u8; STAMP];
    stamp[..8].copy_from_slice(&meta.len().to_le_bytes());
    stamp[8..16].copy_from_slice(&time.as_secs().to_le_bytes());
    stamp[16..20].copy_from_slice(&time.subsec_nanos().to_le_bytes());
    Some(stamp)
}

/// The cache file of the output folder `out`: `.<name>.cache` beside it.
pub fn path(out: &Path) -> PathBuf {
    crate::output::beside(out, "cache")
}

/// Why a cache was not used.
#[derive(Debug, PartialEq, Eq)]
pub enum Unused {
    /// There is none.
    Missing,
    /// There is no output yet either (a first build): nothing to say.
    FirstBuild,
    /// Unreadable or cut short.
    Corrupt,
    /// Written by another version (or build) of pamyatka, or in another format.
    OtherProgram,
    /// Made for another output folder.
    OtherOutput,
    /// The output folder lacks what the previous build wrote (its offline bundle).
    OutputChanged,
    /// Something besides page bodies and page templates changed (assets, data, front matter,
    /// settings, …), or a template that defines a tera component.
    InputsChanged,
    /// The edits touch most pages (a template nearly every page reads): a full build, which
    /// streams its pages to disk, is faster and holds far less than a rebuild, which keeps the
    /// pages it renders until every one is made.
    MostPages,
}

impl Unused {
    /// What the editor is told (`None`: nothing worth a line).
    pub fn note(&self) -> Option<String> {
        let reason = match self {
            Unused::FirstBuild => return None,
            Unused::Missing => "missing",
            Unused::Corrupt => "corrupt",
            Unused::OtherProgram => "other-program",
            Unused::OtherOutput => "other-output",
            Unused::OutputChanged => "output-changed",
            Unused::InputsChanged | Unused::MostPages => return None,
        };
        Some(crate::tr!("build-cache-ignored", reason = reason))
    }
}

impl Cache {
    /// Gives each page its search document (`search`: one per page, in site order).
    pub fn with_search(mut self, search: PreparedPages) -> Cache {
        for (entry, doc) in self.pages.iter_mut().zip(search) {
            entry.search = doc;
        }
        self
    }

    /// Reads the cache of `out`, if it is one this program can trust for `out`.
    pub fn load(out: &Path) -> Result<Cache, Unused> {
        let (read, stamp) = rayon::join(|| std::fs::read(path(out)), program_stamp);
        let bytes = match read {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Unused::Missing),
            Err(_) => return Err(Unused::Corrupt),
        };
        let (header, body) = bytes
            .split_at_checked(MAGIC.len() + 4 + 32 + STAMP)
            .ok_or(Unused::Corrupt)?;
        let (magic, header) = header.split_at(MAGIC.len());
        if magic != MAGIC {
            return Err(Unused::Corrupt);
        }
        let (format, header) = header.split_at(4);
        if format != FORMAT.to_le_bytes() {
            return Err(Unused::OtherProgram);
        }
        let (digest, written_stamp) = header.split_at(32);
        let digest: Digest = digest.try_into().expect("32 bytes");
        // The program that wrote it, if its file is this one's (same size and time): its
        // digest is this program's, and need not be computed (28 MB read and hashed).
        if stamp.is_some_and(|s| s[..] == *written_stamp) {
            remember_program_digest(digest);
        }
        if program_digest().map_err(|_| Unused::OtherProgram)? != digest {
            return Err(Unused::OtherProgram);
        }
        let cache: Cache = postcard::from_bytes(body).map_err(|_| Unused::Corrupt)?;
        if absolute(&cache.out) != absolute(out) {
            return Err(Unused::OtherOutput);
        }
        Ok(cache)
    }

    /// Writes the cache beside `self.out`, atomically.
    pub fn save(&self) -> io::Result<()> {
        self.write_temporary()?.put_in_place()
    }

    /// Writes the cache into a temporary file beside `self.out`, which no build reads until
    /// [`Written::put_in_place`] renames it (so it can be written while the output changes).
    pub fn write_temporary(&self) -> io::Result<Written> {
        use std::io::Write as _;
        let target = path(&self.out);
        let tmp = target.with_extension(format!("cache.{}.tmp", std::process::id()));
        let written = (|| {
            // Written as it is encoded: the cache is never whole in memory twice.
            let mut file = io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
            file.write_all(MAGIC)?;
            file.write_all(&FORMAT.to_le_bytes())?;
            file.write_all(&program_digest()?)?;
            file.write_all(&program_stamp().unwrap_or_default())?;
            // Not synced: a cache cut short by a power loss fails to read and is ignored.
            let mut file = postcard::to_io(self, file).map_err(io::Error::other)?;
            file.flush()
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        Ok(Written { tmp, target })
    }
}

/// A cache written, not yet where builds read it.
#[must_use = "a written cache is put in place or discarded"]
pub struct Written {
    tmp: PathBuf,
    target: PathBuf,
}

impl Written {
    /// Renames it into place (once the output it describes is complete).
    pub fn put_in_place(self) -> io::Result<()> {
        let renamed = crate::output::rename(&self.tmp, &self.target);
        if renamed.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        renamed
    }

    /// Removes it (the output did not become what it describes).
    pub fn discard(self) {
        let _ = std::fs::remove_file(&self.tmp);
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Removes the cache of `out` (before the output changes); no cache is fine.
pub fn remove(out: &Path) -> io::Result<()> {
    match std::fs::remove_file(path(out)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// [`remove`], its failure said as a build error (the output must not change while a cache
/// that no longer describes it stays).
pub fn invalidate(out: &Path) -> Result<(), Diagnostic> {
    remove(out).map_err(|e| crate::sink::output_error(crate::output::write_error(&path(out), e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache(out: &Path) -> Cache {
        Cache {
            out: out.to_path_buf(),
            inputs: [7; 32],
            templates: Vec::new(),
            pages: Vec::new(),
            files: vec![("sw.js".into(), [1; 32])],
            index: Default::default(),
        }
    }

    #[test]
    fn a_saved_cache_loads_for_its_output_only() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        assert_eq!(Cache::load(&out).err(), Some(Unused::Missing));
        cache(&out).save().unwrap();
        assert!(path(&out).ends_with(".public.cache"));
        let loaded = Cache::load(&out).unwrap();
        assert_eq!(loaded.inputs, [7; 32]);
        assert_eq!(loaded.files, [("sw.js".to_string(), [1; 32])]);
        // The same file beside another output folder of the same name.
        let other = dir.path().join("x").join("public");
        std::fs::create_dir_all(other.parent().unwrap()).unwrap();
        std::fs::copy(path(&out), path(&other)).unwrap();
        assert_eq!(Cache::load(&other).err(), Some(Unused::OtherOutput));
        remove(&out).unwrap();
        remove(&out).unwrap();
        assert_eq!(Cache::load(&out).err(), Some(Unused::Missing));
    }

    #[test]
    fn a_damaged_or_foreign_cache_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        cache(&out).save().unwrap();
        let good = std::fs::read(path(&out)).unwrap();
        // Cut short.
        std::fs::write(path(&out), &good[..good.len() - 3]).unwrap();
        assert_eq!(Cache::load(&out).err(), Some(Unused::Corrupt));
        // Not a cache at all.
        std::fs::write(path(&out), b"hello").unwrap();
        assert_eq!(Cache::load(&out).err(), Some(Unused::Corrupt));
        // Another program wrote it: another digest, from a file with another stamp.
        let digest = MAGIC.len() + 4;
        let mut foreign = good.clone();
        foreign[digest] ^= 1;
        foreign[digest + 32] ^= 1;
        std::fs::write(path(&out), &foreign).unwrap();
        assert_eq!(Cache::load(&out).err(), Some(Unused::OtherProgram));
        // This program, its file touched since (another stamp, the same digest): trusted.
        let mut touched = good.clone();
        touched[digest + 32 + 9] ^= 1;
        std::fs::write(path(&out), &touched).unwrap();
        assert!(Cache::load(&out).is_ok());
        // Another format.
        let mut older = good;
        older[MAGIC.len()] ^= 1;
        std::fs::write(path(&out), &older).unwrap();
        assert_eq!(Cache::load(&out).err(), Some(Unused::OtherProgram));
    }

    #[test]
    fn templates_added_removed_or_edited_are_changed() {
        let t = |name: &str, digest: u8, component: bool| TemplateEntry {
            name: name.into(),
            digest: [digest; 32],
            component,
        };
        let before = [
            t("a.html", 1, false),
            t("b.html", 2, false),
            t("c.html", 3, true),
        ];
        let now = [
            t("a.html", 1, false),
            t("b.html", 4, false),
            t("d.html", 5, false),
        ];
        let (changed, component) = changed_templates(&before, &now);
        assert_eq!(changed, ["b.html", "c.html", "d.html"]);
        // c.html defined a component: any template may have called it.
        assert!(component);
        let (changed, component) = changed_templates(&before[..2], &now[..2]);
        assert_eq!((changed, component), (vec!["b.html".to_string()], false));
        assert_eq!(changed_templates(&now, &now), (Vec::new(), false));
    }

    #[test]
    fn page_templates_are_apart_from_the_other_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(root.join("content/site.yaml"), "title: x\n").unwrap();
        let digest = || inputs_digest(root, &[], true, 2026).unwrap();
        let first = digest();
        // No `templates/` is an empty one; page templates are not in the digest.
        std::fs::create_dir_all(root.join("templates/partials")).unwrap();
        std::fs::write(root.join("templates/partials/x.html"), "x").unwrap();
        std::fs::write(root.join("templates/page.html"), "p").unwrap();
        assert_eq!(digest(), first);
        // Assets are, and any other file of `templates/`.
        std::fs::create_dir_all(root.join("templates/assets")).unwrap();
        let with_assets = digest();
        assert_ne!(with_assets, first);
        std::fs::write(root.join("templates/assets/a.html"), "a").unwrap();
        assert_ne!(digest(), with_assets);
        std::fs::remove_file(root.join("templates/assets/a.html")).unwrap();
        std::fs::write(root.join("templates/notes.txt"), "n").unwrap();
        assert_ne!(digest(), with_assets);
    }

    #[test]
    fn warnings_come_back_as_they_were() {
        let source: Arc<str> = Arc::from("---\ntitle: x\n---\n- [ ] item\n");
        let mut d = Diagnostic::warning("checklist", "no id")
            .at(Location::new("content/x.md", source.clone(), 18, 10))
            .hint("add {#id}");
        d.kind = Some("no-id");
        let cached = CachedWarning::new(&d, &source);
        assert!(cached.location.as_ref().unwrap().source.is_none());
        let back = cached.diagnostic(&source);
        assert_eq!(back.to_string(), d.to_string());
        assert_eq!((back.code, back.kind), ("checklist", Some("no-id")));
        let l = back.location.unwrap();
        assert_eq!((l.offset, l.len), (18, 10));
    }
}
