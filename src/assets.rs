//! Static assets: the stylesheet and scripts from `templates/assets/` (the site's own files over
//! the built-in ones), fingerprinted by content so that browsers can cache them forever, plus
//! the files editors put next to their pages in `content/` (images, PDFs), copied as they are.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::highlight;

/// Built-in assets, used for any name the site's `templates/assets/` does not provide.
pub const BUILTIN: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../templates/assets/style.css")),
    (
        "checklist.js",
        include_bytes!("../templates/assets/checklist.js"),
    ),
    ("calc.js", include_bytes!("../templates/assets/calc.js")),
    ("nav.js", include_bytes!("../templates/assets/nav.js")),
    (
        "sw-register.js",
        include_bytes!("../templates/assets/sw-register.js"),
    ),
    ("lv.css", include_bytes!("../templates/assets/lv.css")),
    (
        "lv-init.js",
        include_bytes!("../templates/assets/lv-init.js"),
    ),
    (
        "lv-panel.js",
        include_bytes!("../templates/assets/lv-panel.js"),
    ),
    (
        "archive-check.js",
        include_bytes!("../templates/assets/archive-check.js"),
    ),
    (
        "archive-worker.js",
        include_bytes!("../templates/assets/archive-worker.js"),
    ),
    (
        "account-check.js",
        include_bytes!("../templates/assets/account-check.js"),
    ),
    (
        "favicon.svg",
        include_bytes!("../templates/assets/favicon.svg"),
    ),
    // The checks crate for the browser, built by build.rs (wasm-bindgen, no-modules glue), one
    // module per kind of page.
    (
        "checks-deadline.js",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-deadline.js")),
    ),
    (
        "checks-deadline.wasm",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-deadline_bg.wasm")),
    ),
    (
        "checks-archive.js",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-archive.js")),
    ),
    (
        "checks-archive.wasm",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-archive_bg.wasm")),
    ),
    (
        "checks-account.js",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-account.js")),
    ),
    (
        "checks-account.wasm",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-account_bg.wasm")),
    ),
    (
        "checks-search.js",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-search.js")),
    ),
    (
        "checks-search.wasm",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-search_bg.wasm")),
    ),
    ("search.js", include_bytes!("../templates/assets/search.js")),
];

/// Files to write and the URL of each logical asset.
pub struct Assets {
    /// Logical name (`style.css`) → site-absolute URL (`/assets/style.1a2b3c4d5e.css`).
    pub urls: BTreeMap<String, String>,
    /// Output path (relative to the output dir) → bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

pub fn collect(root: &Path) -> Result<Assets, Vec<Diagnostic>> {
    let mut sources: BTreeMap<String, Vec<u8>> = BUILTIN
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_vec()))
        .collect();
    let dir = root.join("templates").join("assets");
    let mut errors = Vec::new();
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(&dir)
                .expect("under assets")
                .to_string_lossy()
                .replace('\\', "/");
            match std::fs::read(entry.path()) {
                Ok(b) => {
                    sources.insert(name, b);
                }
                Err(e) => errors.push(Diagnostic::error(
                    "asset",
                    format!("cannot read templates/assets/{name}: {e}"),
                )),
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Code highlighting classes go into the main stylesheet: one request fewer.
    if let Some(css) = sources.get_mut("style.css") {
        css.extend_from_slice(b"\n/* Code highlighting (syntect) */\n");
        css.extend_from_slice(highlight::stylesheet().as_bytes());
    }
    let mut urls = BTreeMap::new();
    let mut files = Vec::new();
    for (name, bytes) in sources {
        let out = fingerprinted(&name, &bytes);
        urls.insert(name, format!("/{out}"));
        files.push((out, bytes));
    }
    Ok(Assets { urls, files })
}

/// `js/site.js` → `assets/js/site.<10 hex of blake3>.js`
pub fn fingerprinted(name: &str, bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes).to_hex();
    let short = &hash.as_str()[..10];
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !stem.ends_with('/') => {
            format!("assets/{stem}.{short}.{ext}")
        }
        _ => format!("assets/{name}.{short}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_change_with_content() {
        let a = fingerprinted("style.css", b"a");
        let b = fingerprinted("style.css", b"b");
        assert_ne!(a, b);
        assert!(a.starts_with("assets/style.") && a.ends_with(".css"), "{a}");
        assert_eq!(fingerprinted("js/x.js", b"a").matches('/').count(), 2);
    }
}
