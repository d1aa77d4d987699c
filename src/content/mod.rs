//! The site model: everything in `content/` read once, typed and located.

pub mod date;
mod frontmatter;
mod loader;
pub mod reserved;
mod stamp;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

pub use frontmatter::split as split_front_matter;
pub use frontmatter::{Audience, Change, FrontMatter, SourceInfo};
pub use loader::{SYNONYMS, build_sections, load, reload_page};
pub use stamp::FileStamp;

use crate::config::SiteConfig;
use crate::diagnostic::Diagnostic;

/// What a page is, which decides its default template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `content/index.md`
    Home,
    /// `content/<dir>/_index.md` (or a folder without one)
    Section,
    /// any other `.md`
    Page,
}

impl PageKind {
    pub fn default_template(self) -> &'static str {
        match self {
            PageKind::Home => "home.html",
            PageKind::Section => "section.html",
            PageKind::Page => "page.html",
        }
    }
}

/// One Markdown file.
#[derive(Debug, Clone)]
pub struct Page {
    /// Path relative to the site root, e.g. `content/esia/privyazka.md` (for diagnostics).
    pub file: PathBuf,
    /// Path relative to `content/` with `/` separators, e.g. `esia/privyazka.md`.
    pub rel: String,
    /// The whole file.
    pub source: Arc<str>,
    /// Byte offset of the Markdown body in `source`.
    pub body_offset: usize,
    pub front: FrontMatter,
    pub kind: PageKind,
    /// Site-absolute URL, always ending in `/`: `/esia/privyazka/`.
    pub url: String,
    /// Key of the section the page belongs to (`""` for the root, `esia` …).
    pub section: String,
}

impl Page {
    pub fn body(&self) -> &str {
        &self.source[self.body_offset..]
    }

    pub fn template(&self) -> &str {
        self.front
            .template
            .as_deref()
            .unwrap_or(self.kind.default_template())
    }
}

/// A folder of pages.
#[derive(Debug, Clone)]
pub struct Section {
    /// `""` for the root, else the folder path relative to `content/` (`gis-obrazovanie`).
    pub key: String,
    /// Index into [`Site::pages`] of its `_index.md` (or of the home page for the root).
    pub index_page: Option<usize>,
    /// Indexes into [`Site::pages`] of its pages, ordered by weight then title.
    pub pages: Vec<usize>,
    /// Keys of its sub-sections, ordered.
    pub subsections: Vec<String>,
}

/// One glossary entry: an abbreviation and its expansion.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub abbr: String,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
}

/// Everything read from `content/`.
#[derive(Debug)]
pub struct Site {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub pages: Vec<Page>,
    pub sections: BTreeMap<String, Section>,
    /// All data files as one JSON tree keyed by path (`regulations` → `gis-obrazovanie` → …).
    pub data: serde_json::Value,
    pub glossary: Vec<GlossaryEntry>,
    /// The search's synonym groups (`content/search-synonyms.yaml`), checked.
    pub synonyms: Vec<Vec<String>>,
    /// The text of every data file, by path relative to `content/`, for typed re-parsing.
    pub data_sources: BTreeMap<String, Arc<str>>,
    /// The raster images (PNG, JPEG) by path relative to `content/`, in order, and the
    /// highlights files beside them (`forma.png.yaml`): prepared by `images`.
    pub images: Vec<String>,
    pub image_sidecars: Vec<String>,
    pub warnings: Vec<Diagnostic>,
    /// The pages' files' stamps, by [`Page::rel`], where they can be trusted (`stamp.rs`).
    pub stamps: std::collections::HashMap<String, FileStamp>,
}

impl Site {
    /// The stamp of the page at `rel` (relative to `content/`) when it was read, if trusted.
    pub fn stamp(&self, rel: &str) -> Option<FileStamp> {
        self.stamps.get(rel).copied()
    }

    /// A section's title: its `_index.md`'s, else its folder's name.
    pub fn section_title(&self, s: &Section) -> String {
        match s.index_page {
            Some(i) => self.pages[i].front.title.clone(),
            None => s.key.rsplit('/').next().unwrap_or(&s.key).to_string(),
        }
    }

    /// The page whose file is `rel` (relative to `content/`).
    pub fn page_by_rel(&self, rel: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.rel == rel)
    }

    /// Add pages made from data (not from Markdown) and regroup the sections.
    pub fn add_pages(&mut self, pages: Vec<Page>) {
        self.pages.extend(pages);
        let mut warnings = Vec::new();
        self.sections = build_sections(&mut self.pages, &mut warnings);
    }
}

/// URL of the page stored at `rel` (relative to `content/`).
pub fn url_for(rel: &str) -> String {
    let stem = rel.strip_suffix(".md").unwrap_or(rel);
    let stem = if stem == "index" || stem == "_index" {
        ""
    } else {
        stem.strip_suffix("/_index")
            .or_else(|| stem.strip_suffix("/index"))
            .unwrap_or(stem)
    };
    if stem.is_empty() {
        "/".to_string()
    } else {
        format!("/{stem}/")
    }
}

/// A page of `content/a.md` with `body` as its whole text, and its Markdown events with their
/// byte ranges: what the checks that run on a page's events are tested on.
#[cfg(test)]
pub(crate) fn test_page(
    body: &str,
) -> (
    Page,
    Vec<(pulldown_cmark::Event<'_>, std::ops::Range<usize>)>,
) {
    let page = Page {
        file: PathBuf::from("content/a.md"),
        rel: "a.md".into(),
        source: Arc::from(body),
        body_offset: 0,
        front: FrontMatter::default(),
        kind: PageKind::Page,
        url: "/a/".into(),
        section: String::new(),
    };
    let events = pulldown_cmark::Parser::new_ext(body, crate::markdown::options())
        .into_offset_iter()
        .collect();
    (page, events)
}

#[cfg(test)]
mod tests {
    use super::url_for;

    #[test]
    fn urls_from_paths() {
        assert_eq!(url_for("index.md"), "/");
        assert_eq!(url_for("esia/_index.md"), "/esia/");
        assert_eq!(url_for("esia/privyazka.md"), "/esia/privyazka/");
        assert_eq!(url_for("a/b/index.md"), "/a/b/");
    }
}
