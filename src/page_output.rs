//! What rendering a page produces: its HTML (and `file://` copy), what the rewrite pass saw in
//! it, its links for the link check, and its digest. The hand-off from the render to the
//! writers (the output folder, the offline bundle, the service worker, `check`, `serve`), and
//! what it hands to the search index.

use crate::markdown::SiteLink;
use crate::offline;
use crate::rewrite::PageFacts;
use crate::variant::Variant;

/// One rendered page.
pub struct PageOutput {
    pub url: String,
    /// Source file (relative to the root) or template that produced it.
    pub origin: String,
    pub path: String,
    /// The page; empty once a build has written it (see `pipeline.rs` and `sink.rs`).
    pub html: Vec<u8>,
    /// BLAKE3 of the final HTML (for the service worker's version); `None` while the page
    /// still waits for the offline bundle's size (see [`offline::SIZE_TOKEN`]).
    pub digest: Option<[u8; 32]>,
    pub facts: PageFacts,
    /// Links written in the page's Markdown, with their source locations.
    pub links: Vec<SiteLink>,
    /// The version of the site it belongs to.
    pub variant: Variant,
    /// The page as the offline bundle has it (`file://` links), when asked for.
    pub file_copy: Option<Vec<u8>>,
}

/// What the search index needs of a page (owned: pages render in parallel). Kept in the
/// build cache for the pages the next build does not re-render.
#[derive(Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct SearchText {
    pub url: String,
    pub title: String,
    pub section: String,
    pub description: String,
    pub headings: Vec<String>,
    /// The rendered Markdown as plain text (held until the index is made: the smaller form).
    pub text: String,
    /// The search page itself is not a result.
    pub search_page: bool,
}

/// BLAKE3 of a page's URL and final HTML; `None` while it still says [`offline::SIZE_TOKEN`].
pub fn digest(url: &str, html: &[u8]) -> Option<[u8; 32]> {
    if memchr::memmem::find(html, offline::SIZE_TOKEN.as_bytes()).is_some() {
        return None;
    }
    let mut hasher = blake3::Hasher::new();
    hasher.update(url.as_bytes());
    hasher.update(html);
    Some(*hasher.finalize().as_bytes())
}
