//! Reading `content/`: walk the tree once, parse every file in parallel, collect every error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use super::frontmatter::{self, FrontMatter};
use super::{FileStamp, GlossaryEntry, Page, PageKind, Section, Site, url_for};
use crate::config::SiteConfig;
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::limits;
use crate::tr;
use crate::yaml::{self, Seg};

/// What one file turned into.
enum Loaded {
    Page(Box<Page>, Option<FileStamp>),
    Data(String, serde_json::Value, Arc<str>),
    Config(SiteConfig),
    Glossary(Vec<GlossaryEntry>, serde_json::Value),
    Synonyms(Vec<Vec<String>>),
    Draft,
}

/// Read the site under `root` (which holds `content/`).
/// Where the header's search form sends the query (`content/poisk.md`, made when missing).
pub const SEARCH_URL: &str = "/poisk/";

pub fn load(root: &Path) -> Result<Site, Diagnostics> {
    let content = root.join("content");
    if !content.is_dir() {
        return Err(Diagnostic::error(
            "content",
            tr!("content-no-folder", path = content.display().to_string()),
        )
        .hint(tr!("content-no-folder.hint"))
        .into());
    }
    // Before any file's metadata is taken: see `stamp.rs`.
    let started = std::time::SystemTime::now();
    let mut errors = Vec::new();
    let mut files = Vec::new();
    let (mut images, mut image_sidecars) = (Vec::new(), Vec::new());
    // Symbolic links are not followed: warned about, one by one.
    let mut skipped = Vec::new();
    for entry in WalkDir::new(&content).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(Diagnostic::error(
                    "io",
                    tr!(
                        "content-walk-failed",
                        path = e
                            .path()
                            .map_or_else(String::new, |p| p.display().to_string()),
                        error = e
                            .io_error()
                            .map_or_else(|| e.to_string(), crate::i18n::io_error)
                    ),
                ));
                continue;
            }
        };
        if entry.path_is_symlink() {
            skipped.push(symlink_warning(&content, entry.path()));
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&content)
            .expect("walked under content")
            .to_string_lossy()
            .replace('\\', "/");
        // Other files (images, PDFs) are copied as they are by the pipeline; script files
        // may not be among them.
        if let Some(d) = script_file(&rel) {
            errors.push(d);
        }
        // Images and their highlights files are read by the images stage.
        if crate::images::is_raster(&rel) {
            images.push(rel);
            continue;
        }
        if crate::images::is_sidecar(&rel) {
            image_sidecars.push(rel);
            continue;
        }
        if matches!(
            Path::new(&rel).extension().and_then(|e| e.to_str()),
            Some("md" | "yaml" | "yml")
        ) {
            files.push(rel);
        }
    }

    let load_all = || -> Vec<Result<Loaded, Diagnostic>> {
        files
            .par_iter()
            .map(|rel| load_file(root, rel, started))
            .collect()
    };
    let results = crate::readers::install(load_all);

    let mut config = None;
    let mut pages = Vec::new();
    let mut data = serde_json::Map::new();
    let mut glossary = Vec::new();
    let mut synonyms = Vec::new();
    let mut data_sources = BTreeMap::new();
    let mut stamps = std::collections::HashMap::new();
    for r in results {
        match r {
            Ok(Loaded::Page(p, stamp)) => {
                if let Some(stamp) = stamp {
                    stamps.insert(p.rel.clone(), stamp);
                }
                pages.push(*p);
            }
            Ok(Loaded::Data(rel, value, text)) => {
                insert_data(&mut data, &rel, value);
                data_sources.insert(rel, text);
            }
            Ok(Loaded::Config(c)) => config = Some(c),
            Ok(Loaded::Glossary(g, value)) => {
                glossary = g;
                insert_data(&mut data, "glossary.yaml", value);
            }
            Ok(Loaded::Synonyms(s)) => synonyms = s,
            Ok(Loaded::Draft) => {}
            Err(d) => errors.push(d),
        }
    }
    for rel in &files {
        if let Some(d) = check_name(rel) {
            errors.push(d);
        }
    }
    if config.is_none() && !errors.iter().any(|d| d.code == "site.yaml") {
        errors.push(
            Diagnostic::error("site.yaml", tr!("content-no-site-yaml"))
                .hint(tr!("content-no-site-yaml.hint")),
        );
    }
    check_url_collisions(&pages, &mut errors);
    super::reserved::check_pages(&pages, &mut errors);
    if !errors.is_empty() {
        errors.extend(skipped);
        return Err(Diagnostics {
            diagnostics: errors,
        });
    }

    let config = config.expect("checked above");
    if !pages.iter().any(|p| p.kind == PageKind::Home) {
        // No content/index.md: the home page is the list of sections, titled after the site.
        pages.push(Page {
            file: PathBuf::from("content/index.md"),
            rel: "index.md".to_string(),
            source: Arc::from(""),
            body_offset: 0,
            front: FrontMatter {
                title: config.title.clone(),
                description: Some(config.description.clone()),
                ..FrontMatter::default()
            },
            kind: PageKind::Home,
            url: "/".to_string(),
            section: String::new(),
        });
    }
    if !pages.iter().any(|p| p.url == SEARCH_URL) {
        // No content/poisk.md: the search page every header's form leads to is made here.
        pages.push(Page {
            file: PathBuf::from("content/poisk.md"),
            rel: "poisk.md".to_string(),
            source: Arc::from(""),
            body_offset: 0,
            front: FrontMatter {
                title: "Поиск по памяткам".to_string(),
                description: Some(
                    "Поиск по всем памяткам: слова можно писать в любой форме.".to_string(),
                ),
                weight: 900,
                template: Some("search.html".to_string()),
                nav: Some(false),
                ..FrontMatter::default()
            },
            kind: PageKind::Page,
            url: SEARCH_URL.to_string(),
            section: String::new(),
        });
    }
    let mut warnings = skipped;
    let sections = build_sections(&mut pages, &mut warnings);
    Ok(Site {
        root: root.to_path_buf(),
        config,
        pages,
        sections,
        data: serde_json::Value::Object(data),
        glossary,
        synonyms,
        data_sources,
        images,
        image_sidecars,
        warnings,
        stamps,
    })
}

/// Reads one Markdown page again (for `serve` after an edit): `None` when it is now a draft.
pub fn reload_page(root: &Path, rel: &str) -> Result<Option<Page>, Diagnostic> {
    match load_file(root, rel, std::time::SystemTime::now())? {
        Loaded::Page(p, _) => Ok(Some(*p)),
        _ => Ok(None),
    }
}

/// Reads one file of `content/` (`started`: when the load began, for the page's stamp).
fn load_file(root: &Path, rel: &str, started: std::time::SystemTime) -> Result<Loaded, Diagnostic> {
    let file = PathBuf::from("content").join(rel);
    let (bytes, stamp) = read_stamped(&root.join(&file), started).map_err(|e| {
        Diagnostic::error(
            "io",
            tr!(
                "content-read-failed",
                path = file.display().to_string(),
                error = crate::i18n::io_error(&e)
            ),
        )
    })?;
    // simdutf8's SIMD check first (std's is several times slower on Cyrillic text); std's
    // only for an invalid file, for where its first bad byte is.
    let text: Arc<str> = match simdutf8::basic::from_utf8(&bytes) {
        Ok(s) => Arc::from(s),
        Err(_) => {
            let valid = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), str::len);
            let lossy: Arc<str> = Arc::from(String::from_utf8_lossy(&bytes).into_owned());
            return Err(Diagnostic::error("encoding", tr!("content-not-utf8"))
                .at(Location::new(&file, lossy, valid, 1))
                .hint(tr!("content-not-utf8.hint")));
        }
    };
    if rel.ends_with(".md") {
        let split = frontmatter::split(&file, &text)?;
        let front: FrontMatter =
            yaml::parse_slice(&file, &text, split.yaml.0, split.yaml.1, "front-matter")?;
        let fm = limits::Yaml {
            file: &file,
            text: &text,
            start: split.yaml.0,
            end: split.yaml.1,
        };
        if let Some(d) = texts(&fm, &front.title, front.description.as_deref()) {
            return Err(d);
        }
        if front.draft {
            return Ok(Loaded::Draft);
        }
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let kind = if rel == "index.md" {
            PageKind::Home
        } else if name == "_index.md" {
            PageKind::Section
        } else {
            PageKind::Page
        };
        let dir = rel.rsplit_once('/').map_or("", |(d, _)| d).to_string();
        return Ok(Loaded::Page(
            Box::new(Page {
                url: url_for(rel),
                rel: rel.to_string(),
                file,
                source: text,
                body_offset: split.body,
                front,
                kind,
                section: dir,
            }),
            stamp,
        ));
    }
    match rel {
        "site.yaml" => {
            let config: SiteConfig = yaml::parse(&file, &text, "site.yaml")?;
            let y = limits::Yaml::file(&file, &text);
            match texts(&y, &config.title, Some(&config.description)) {
                Some(d) => Err(d),
                None => Ok(Loaded::Config(config)),
            }
        }
        "glossary.yaml" => {
            let entries: Vec<GlossaryEntry> = yaml::parse(&file, &text, "glossary")?;
            let value = serde_json::to_value(&entries).unwrap_or_default();
            Ok(Loaded::Glossary(entries, value))
        }
        SYNONYMS => {
            let groups: Vec<Vec<String>> = yaml::parse(&file, &text, "synonyms")?;
            check_synonyms(&file, &text, &groups)?;
            Ok(Loaded::Synonyms(groups))
        }
        _ => {
            let value: serde_json::Value = yaml::parse(&file, &text, "yaml")?;
            Ok(Loaded::Data(rel.to_string(), value, text))
        }
    }
}

/// A file's bytes and its stamp, taken on the open file before the bytes are read.
fn read_stamped(
    path: &Path,
    started: std::time::SystemTime,
) -> std::io::Result<(Vec<u8>, Option<FileStamp>)> {
    use std::io::Read as _;
    let mut file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    let stamp = FileStamp::of(&meta, started);
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.read_to_end(&mut bytes)?;
    Ok((bytes, stamp))
}

/// The search's synonym list (relative to `content/`): groups of words and phrases that find
/// each other.
pub const SYNONYMS: &str = "search-synonyms.yaml";

/// Each group of the synonym list has two or more entries, each with a word the search reads,
/// and an entry is in one group only (the search would take the first).
fn check_synonyms(file: &Path, text: &Arc<str>, groups: &[Vec<String>]) -> Result<(), Diagnostic> {
    use pamyatka_checks::search::words;
    let at = |path: &[Seg]| yaml::location_of(file, text, 0, text.len(), path);
    let hint = || tr!("synonyms-format.hint");
    let mut seen: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    for (g, group) in groups.iter().enumerate() {
        if group.len() < 2 {
            return Err(Diagnostic::error("synonyms", tr!("synonyms-one-entry"))
                .at(at(&[Seg::Index(g)]))
                .label(tr!("synonyms-one-entry.label"))
                .hint(hint()));
        }
        for (p, phrase) in group.iter().enumerate() {
            let stems: Vec<String> = words(phrase).into_iter().map(|w| w.stem).collect();
            if stems.is_empty() {
                return Err(Diagnostic::error(
                    "synonyms",
                    tr!("synonyms-no-words", phrase = phrase),
                )
                .at(at(&[Seg::Index(g), Seg::Index(p)]))
                .label(tr!("synonyms-no-words.label"))
                .hint(hint()));
            }
            if let Some(&other) = seen.get(&stems).filter(|&&other| other != g) {
                return Err(Diagnostic::error(
                    "synonyms",
                    tr!(
                        "synonyms-two-groups",
                        phrase = phrase,
                        first = other + 1,
                        second = g + 1
                    ),
                )
                .at(at(&[Seg::Index(g), Seg::Index(p)]))
                .label(tr!("synonyms-two-groups.label"))
                .hint(tr!("synonyms-two-groups.hint")));
            }
            seen.insert(stems, g);
        }
    }
    Ok(())
}

/// The title and description of a page, a section or the site, checked against the limits.
fn texts(y: &limits::Yaml, title: &str, description: Option<&str>) -> Option<Diagnostic> {
    y.title(&[Seg::Key("title")], title, &tr!("limits-what-title"))
        .or_else(|| {
            description.and_then(|d| {
                y.length(
                    &[Seg::Key("description")],
                    d,
                    &tr!("limits-what-description"),
                    limits::DESCRIPTION_MAX,
                )
            })
        })
}

/// A symbolic link in `content/` is skipped: it may lead outside the site (a build would publish
/// whatever it points to, and differ from one computer to another).
fn symlink_warning(content: &Path, path: &Path) -> Diagnostic {
    let rel = path.strip_prefix(content).unwrap_or(path);
    let what = if path.is_dir() { "folder" } else { "file" };
    Diagnostic::warning(
        "symlink",
        tr!(
            "content-symlink",
            path = crate::diagnostic::display_path(rel)
        ),
    )
    .kind("skipped")
    .hint(tr!("content-symlink.hint", what = what))
}

/// File names become URLs: keep them to Latin letters, digits, `-`, `_` and `.`.
fn check_name(rel: &str) -> Option<Diagnostic> {
    let bad = rel
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')))?;
    Some(
        Diagnostic::error(
            "file-name",
            tr!("content-file-name", path = rel, char = bad),
        )
        .hint(tr!("content-file-name.hint")),
    )
}

fn check_url_collisions(pages: &[Page], errors: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<&str, &Page> = BTreeMap::new();
    for p in pages {
        if let Some(other) = seen.insert(&p.url, p) {
            errors.push(
                Diagnostic::error(
                    "url-collision",
                    tr!(
                        "content-url-collision",
                        first = other.file.display().to_string(),
                        second = p.file.display().to_string(),
                        url = &p.url
                    ),
                )
                .hint(tr!("content-url-collision.hint")),
            );
        }
    }
}

/// Put a data file's value into the tree at its path: `a/b.yaml` → `data.a.b`.
fn insert_data(
    tree: &mut serde_json::Map<String, serde_json::Value>,
    rel: &str,
    value: serde_json::Value,
) {
    let stem = rel
        .strip_suffix(".yaml")
        .or_else(|| rel.strip_suffix(".yml"))
        .unwrap_or(rel);
    let mut parts: Vec<&str> = stem.split('/').collect();
    let last = parts.pop().unwrap_or(stem);
    let mut node = tree;
    for part in parts {
        let entry = node
            .entry(part.to_string())
            .or_insert_with(|| serde_json::Value::Object(Default::default()));
        if !entry.is_object() {
            *entry = serde_json::Value::Object(Default::default());
        }
        node = entry.as_object_mut().expect("made an object");
    }
    node.insert(last.to_string(), value);
}

/// Group pages into sections by folder, creating the folders that have no `_index.md`.
pub fn build_sections(
    pages: &mut [Page],
    warnings: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Section> {
    let mut sections: BTreeMap<String, Section> = BTreeMap::new();
    let new_section = |key: &str| Section {
        key: key.to_string(),
        index_page: None,
        pages: Vec::new(),
        subsections: Vec::new(),
    };
    for (i, p) in pages.iter().enumerate() {
        let s = sections
            .entry(p.section.clone())
            .or_insert_with(|| new_section(&p.section));
        match p.kind {
            PageKind::Home | PageKind::Section => s.index_page = Some(i),
            PageKind::Page => s.pages.push(i),
        }
    }
    // Every ancestor folder is a section too.
    let keys: Vec<String> = sections.keys().cloned().collect();
    for key in keys {
        let mut k = key.as_str();
        while !k.is_empty() {
            let parent = k.rsplit_once('/').map_or("", |(p, _)| p);
            let parent_section = sections
                .entry(parent.to_string())
                .or_insert_with(|| new_section(parent));
            if !parent_section.subsections.iter().any(|s| s == k) {
                parent_section.subsections.push(k.to_string());
            }
            k = parent;
        }
    }
    let sort_key = |i: &usize| (pages[*i].front.weight, pages[*i].front.title.clone());
    let index_weight = |s: &Section| {
        s.index_page
            .map(|i| (pages[i].front.weight, pages[i].front.title.clone()))
            .unwrap_or((i64::MAX, s.key.clone()))
    };
    let weights: BTreeMap<String, (i64, String)> = sections
        .iter()
        .map(|(k, s)| (k.clone(), index_weight(s)))
        .collect();
    for s in sections.values_mut() {
        s.pages.sort_by_key(sort_key);
        s.subsections.sort_by_key(|k| weights[k].clone());
        if s.index_page.is_none() && !s.key.is_empty() {
            warnings.push(
                Diagnostic::warning("section", tr!("content-section-no-index", section = &s.key))
                    .kind("no-index")
                    .hint(tr!("content-section-no-index.hint")),
            );
        }
    }
    sections
}

/// Extensions of script files, which may not be placed in content/ (the same policy as
/// `raw_html.rs` for script in pages: a site runs only the program's own scripts).
const SCRIPT_EXTENSIONS: &[&str] = &["js", "mjs", "cjs"];

/// A `content/` file the policy refuses (a script file), with why.
pub fn script_file(rel: &str) -> Option<Diagnostic> {
    let ext = rel.rsplit_once('.')?.1.to_ascii_lowercase();
    SCRIPT_EXTENSIONS.contains(&ext.as_str()).then(|| {
        // The code of raw_html.rs's diagnostics: the same policy.
        Diagnostic::error("html", tr!("html-script-file", path = rel))
            .hint(tr!("html-script-file.hint"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_files_by_extension() {
        assert!(script_file("fioko/helper.js").is_some());
        assert!(script_file("a/B.MJS").is_some());
        assert!(script_file("x.cjs").is_some());
        assert!(script_file("fioko/scan.png").is_none());
        assert!(script_file("js").is_none());
        assert!(script_file("a.json").is_none());
    }
}
