//! Raster images of `content/` (PNG and JPEG screenshots; issue #23), prepared after loading
//! and before any page is rendered, so that a page knows each image's size and files:
//!
//! - each image is written in a few widths ([`WIDTHS`], never wider than the original) in its
//!   own format and as lossless WebP (`forma-480w.png`, `forma-480w.webp`, …, the full width
//!   as `forma-1600w.webp`), the original at its own path recompressed losslessly (PNG; a JPEG
//!   as it is); WebP is kept only when it is the lighter of the two ([`sizing`]);
//! - what is made is cached by the image's digest under `.pamyatka/images/` of the site, so a
//!   build after the first does not make it again;
//! - `<name>.<ext>.yaml` beside an image lists its highlights ([`highlights`]), drawn over it
//!   and listed under it by [`figure`];
//! - the offline bundle and the service worker carry one mid width of each image
//!   ([`Image::mid`]); the other files are for the web only ([`Catalogue::web_only`]), and
//!   the service worker answers for them with the mid width when offline.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::tr;

pub mod figure;
pub mod highlights;
mod sizing;

pub use highlights::Highlight;

/// The widths an image is written in (those narrower than the original), besides its own.
pub const WIDTHS: [u32; 3] = [480, 960, 1440];

/// The width the offline bundle and the service worker carry (or the original's, when
/// narrower): sharp on a phone, readable on a laptop.
pub const MID: u32 = 960;

/// An image heavier than this after recompression gets a warning (bytes).
pub const HEAVY: u64 = 500 * 1024;

/// An image wider than this gets a warning (pixels): a screenshot of a larger screen than
/// anyone reads it on.
pub const WIDE: u32 = 3000;

/// The raster formats that are prepared (others — SVG, GIF, PDF — are copied as they are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Jpeg,
}

impl Format {
    /// The format of a file by its extension (any case).
    pub fn of(rel: &str) -> Option<Format> {
        let ext = rel.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "png" => Some(Format::Png),
            "jpg" | "jpeg" => Some(Format::Jpeg),
            _ => None,
        }
    }
}

/// Whether `rel` (under `content/`) is a raster image that is prepared.
pub fn is_raster(rel: &str) -> bool {
    Format::of(rel).is_some()
}

/// Whether `rel` (under `content/`) is the highlights file of an image (`forma.png.yaml`).
pub fn is_sidecar(rel: &str) -> bool {
    rel.strip_suffix(".yaml")
        .or_else(|| rel.strip_suffix(".yml"))
        .is_some_and(is_raster)
}

/// One file written for an image.
#[derive(Debug, Clone)]
pub struct Sized {
    /// Path under the output folder (and the site's URL without its leading `/`).
    pub path: String,
    pub width: u32,
    pub height: u32,
    pub webp: bool,
    pub bytes: Arc<Vec<u8>>,
}

/// A prepared image.
#[derive(Debug, Clone)]
pub struct Image {
    /// Path under `content/`, which is also the original's path in the output.
    pub rel: String,
    pub format: Format,
    pub width: u32,
    pub height: u32,
    pub highlights: Vec<Highlight>,
    /// Every file written for it, narrowest first, the image's own format before WebP.
    pub files: Vec<Sized>,
    /// Its files' place in the cache (see [`sizing`]): its bytes' and the sizing's digest.
    key: String,
}

impl Image {
    /// Whether WebP files were kept (they are lighter).
    pub fn has_webp(&self) -> bool {
        self.files.iter().any(|f| f.webp)
    }

    /// The file the offline bundle and the service worker carry: the lightest at least [`MID`]
    /// wide (or the original's width, when narrower), WebP when kept.
    pub fn mid(&self) -> &Sized {
        self.mid_of(self.has_webp())
    }

    /// [`Image::mid`] among the files of one format (WebP or the image's own).
    pub fn mid_of(&self, webp: bool) -> &Sized {
        let at_least = MID.min(self.width);
        self.of_format(webp)
            .filter(|f| f.width >= at_least)
            .min_by_key(|f| f.bytes.len())
            .unwrap_or_else(|| self.original())
    }

    /// The files of one format, narrowest first.
    pub fn of_format(&self, webp: bool) -> impl Iterator<Item = &Sized> {
        self.files.iter().filter(move |f| f.webp == webp)
    }

    /// The bytes of the original as written (recompressed).
    pub fn original(&self) -> &Sized {
        self.files
            .iter()
            .find(|f| f.path == self.rel)
            .expect("the original is among the files")
    }
}

/// The prepared images of a site, by their path under `content/`.
#[derive(Debug, Default, Clone)]
pub struct Catalogue {
    pub images: BTreeMap<String, Image>,
}

impl Catalogue {
    /// Prepares every raster image of `content/` (`rels`, from the loader), with the
    /// highlights files beside them (`sidecars`); sized files are cached under
    /// `.pamyatka/images/` of `root` (made anew where that cannot be written). Warnings (a
    /// heavy or very wide image) go into `warnings`.
    pub fn load(
        root: &Path,
        rels: &[String],
        sidecars: &[String],
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<Catalogue, Diagnostics> {
        let mut errors = Vec::new();
        let images: HashSet<&str> = rels.iter().map(String::as_str).collect();
        for sidecar in sidecars {
            let image = sidecar.rsplit_once('.').map_or("", |(i, _)| i);
            if !images.contains(image) {
                errors.push(
                    Diagnostic::error("image", tr!("image-sidecar-alone", image = image))
                        .at(Location::new(
                            Path::new("content").join(sidecar),
                            Arc::from(""),
                            0,
                            0,
                        ))
                        .hint(tr!("image-sidecar-alone.hint")),
                );
            }
        }
        // The site's own cache folder (`.pamyatka/`, as `init` ignores it in git), made for
        // a site with images only.
        let cache = if rels.is_empty() {
            None
        } else {
            sizing::cache_dir(root)
        };
        let results: Vec<Prepared> = rels
            .par_iter()
            .map(|rel| prepare(root, rel, sidecars, cache.as_deref()))
            .collect();
        let mut out = BTreeMap::new();
        for r in results {
            match r {
                Ok((image, warned)) => {
                    warnings.extend(warned);
                    out.insert(image.rel.clone(), image);
                }
                Err(e) => errors.extend(e),
            }
        }
        // A narrower copy may not take the place of another image of content/.
        for image in out.values() {
            for f in image.files.iter().filter(|f| f.path != image.rel) {
                if images.contains(f.path.as_str()) {
                    errors.push(
                        Diagnostic::error(
                            "image",
                            tr!(
                                "image-name-taken",
                                image = format!("content/{}", image.rel),
                                path = format!("content/{}", f.path)
                            ),
                        )
                        .hint(tr!(
                            "image-name-taken.hint",
                            path = format!("content/{}", f.path)
                        )),
                    );
                }
            }
        }
        if !errors.is_empty() {
            return Err(Diagnostics {
                diagnostics: errors,
            });
        }
        if let Some(cache) = &cache {
            sizing::forget_others(cache, out.values().map(|i| i.key.as_str()).collect());
        }
        Ok(Catalogue { images: out })
    }

    /// The image at a site-absolute URL path (`/esia/forma.png`, decoded).
    pub fn at_url(&self, url: &str) -> Option<&Image> {
        self.images.get(url.strip_prefix('/')?)
    }

    /// Every file written for the images, in order.
    pub fn files(&self) -> impl Iterator<Item = &Sized> {
        self.images.values().flat_map(|i| &i.files)
    }

    /// The files for the web only: all but each image's [`Image::mid`].
    pub fn web_only(&self) -> HashSet<String> {
        self.fallbacks().into_iter().map(|(path, _)| path).collect()
    }

    /// Each web-only file and the mid-width file the service worker answers with offline.
    pub fn fallbacks(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for image in self.images.values() {
            let mid = &image.mid().path;
            for f in &image.files {
                if &f.path != mid {
                    out.push((f.path.clone(), mid.clone()));
                }
            }
        }
        out
    }
}

/// An image prepared with its warnings, or its errors.
type Prepared = Result<(Image, Vec<Diagnostic>), Vec<Diagnostic>>;

/// Reads, checks and sizes one image.
fn prepare(root: &Path, rel: &str, sidecars: &[String], cache: Option<&Path>) -> Prepared {
    let file = Path::new("content").join(rel);
    let format = Format::of(rel).expect("only raster images are prepared");
    let bytes = std::fs::read(root.join(&file)).map_err(|e| {
        vec![Diagnostic::error(
            "io",
            tr!(
                "content-file-unreadable",
                path = format!("content/{rel}"),
                error = crate::i18n::io_error(&e)
            ),
        )]
    })?;
    let unreadable = |detail: String| {
        vec![
            Diagnostic::error(
                "image",
                tr!(
                    "image-unreadable",
                    path = format!("content/{rel}"),
                    detail = detail
                ),
            )
            .hint(tr!("image-unreadable.hint")),
        ]
    };
    let (width, height) = sizing::dimensions(&bytes, format).map_err(unreadable)?;
    let highlights = match sidecars
        .iter()
        .find(|s| s.rsplit_once('.').is_some_and(|(i, _)| i == rel))
    {
        Some(sidecar) => highlights::load(root, sidecar, width, height).map_err(|d| vec![d])?,
        None => Vec::new(),
    };
    let key = sizing::key(&bytes);
    let files =
        sizing::sized(cache, &key, rel, format, &bytes, width, height).map_err(unreadable)?;
    let image = Image {
        rel: rel.to_string(),
        format,
        width,
        height,
        highlights,
        files,
        key,
    };
    let mut warnings = Vec::new();
    let size = image.original().bytes.len() as u64;
    if size > HEAVY {
        warnings.push(
            Diagnostic::warning(
                "image",
                tr!(
                    "image-heavy",
                    path = format!("content/{rel}"),
                    size = crate::offline::human_size(size as usize),
                    limit = crate::offline::human_size(HEAVY as usize)
                ),
            )
            .kind("heavy")
            .hint(tr!("image-heavy.hint")),
        );
    }
    if width > WIDE {
        warnings.push(
            Diagnostic::warning(
                "image",
                tr!(
                    "image-wide",
                    path = format!("content/{rel}"),
                    width = width.to_string(),
                    height = height.to_string(),
                    limit = WIDE.to_string()
                ),
            )
            .kind("wide")
            .hint(tr!("image-wide.hint")),
        );
    }
    Ok((image, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_sidecars_by_name() {
        assert_eq!(Format::of("a/Shot.PNG"), Some(Format::Png));
        assert_eq!(Format::of("b.jpeg"), Some(Format::Jpeg));
        assert_eq!(Format::of("c.svg"), None);
        assert!(is_sidecar("esia/forma.png.yaml"));
        assert!(is_sidecar("esia/forma.jpg.yml"));
        assert!(!is_sidecar("esia/readiness-rule.yaml"));
        assert!(!is_sidecar("esia/forma.svg.yaml"));
    }
}
