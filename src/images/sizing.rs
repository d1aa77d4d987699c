//! Making an image's files ([`super::WIDTHS`] and its own width, in its own format and as
//! lossless WebP), and keeping them in the site's cache, `.pamyatka/images/<key>/`, where
//! `<key>` is the digest of the image's bytes and of [`RECIPE`]: an image is sized once, and
//! sized again only when it or the recipe changes.

use std::collections::HashSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use image::{DynamicImage, ImageDecoder, ImageReader, imageops::FilterType};

use super::{Format, Sized, WIDTHS};

/// What the files are made by: a change here is a new key, so the cache is never stale.
const RECIPE: &str = "pamyatka images 1: widths 480 960 1440; lanczos3; png oxipng preset 2 strip safe; \
                      jpeg quality 85; webp libwebp lossless effort 75; exif orientation applied";

/// The JPEG quality of a narrower copy of a JPEG image.
const JPEG_QUALITY: u8 = 85;

/// An entry of the cache not used by a build is removed, unless it was made this recently
/// (another build or `serve` of the same site may have made it for an image just added).
const KEEP_UNUSED: Duration = Duration::from_secs(600);

/// The site's image cache, made if missing; `None` where it cannot be (a read-only site):
/// images are then sized in every build.
pub(super) fn cache_dir(root: &Path) -> Option<PathBuf> {
    let dir = root.join(".pamyatka").join("images");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir)
}

/// The cache key of an image's bytes.
pub(super) fn key(bytes: &[u8]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(RECIPE.as_bytes());
    h.update(bytes);
    h.finalize().to_hex()[..32].to_string()
}

/// An image's width and height as shown (its EXIF orientation applied), from its header.
pub(super) fn dimensions(bytes: &[u8], format: Format) -> Result<(u32, u32), String> {
    let mut decoder = ImageReader::with_format(Cursor::new(bytes), image_format(format))
        .into_decoder()
        .map_err(|e| e.to_string())?;
    let (w, h) = decoder.dimensions();
    let turned = decoder.orientation().is_ok_and(|o| {
        use image::metadata::Orientation::*;
        matches!(o, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
    });
    if w == 0 || h == 0 {
        return Err("0×0".into());
    }
    Ok(if turned { (h, w) } else { (w, h) })
}

/// The widths an image of `width` is written in, narrowest first (its own last).
pub(super) fn widths(width: u32) -> Vec<u32> {
    let mut out: Vec<u32> = WIDTHS.into_iter().filter(|&w| w < width).collect();
    out.push(width);
    out
}

/// The height of the copy `w` wide of an image `width`×`height` (at least 1).
fn height_at(w: u32, width: u32, height: u32) -> u32 {
    ((u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width)).max(1) as u32
}

/// The files of one image (`rel` under `content/`): from the cache when it has them, made
/// (and cached) otherwise. WebP is kept only when its files weigh less than the others.
pub(super) fn sized(
    cache: Option<&Path>,
    key: &str,
    rel: &str,
    format: Format,
    bytes: &[u8],
    width: u32,
    height: u32,
) -> Result<Vec<Sized>, String> {
    let widths = widths(width);
    let ext = own_ext(rel);
    let made = match cache.and_then(|c| read_cached(&c.join(key), &widths, &ext)) {
        Some(made) => made,
        None => {
            let made = make(bytes, format, &widths)?;
            if let Some(cache) = cache {
                // A failed write costs the next build the sizing again, nothing more.
                let _ = write_cached(cache, key, &widths, &ext, &made);
            }
            made
        }
    };
    let own: usize = made.iter().map(|(o, _)| o.len()).sum();
    let webp: usize = made.iter().map(|(_, w)| w.len()).sum();
    let keep_webp = webp < own;
    let own_kept = lighter_than_wider(made.iter().map(|(o, _)| o.len()));
    let webp_kept = lighter_than_wider(made.iter().map(|(_, w)| w.len()));
    let stem = rel.rsplit_once('.').map_or(rel, |(s, _)| s);
    let mut files = Vec::new();
    for (i, (&w, (own, webp))) in widths.iter().zip(made).enumerate() {
        let h = height_at(w, width, height);
        if own_kept[i] {
            files.push(Sized {
                path: if w == width {
                    rel.to_string()
                } else {
                    format!("{stem}-{w}w.{ext}")
                },
                width: w,
                height: h,
                webp: false,
                bytes: Arc::new(own),
            });
        }
        if keep_webp && webp_kept[i] {
            files.push(Sized {
                path: format!("{stem}-{w}w.webp"),
                width: w,
                height: h,
                webp: true,
                bytes: Arc::new(webp),
            });
        }
    }
    Ok(files)
}

/// Which of an image's widths (narrowest first, by their files' sizes) are worth writing: the
/// image's own, and each narrower one lighter than every wider one kept. A narrower copy of a
/// screenshot can weigh more than the original (smoothing makes new colours): a browser
/// would then load more bytes for a worse picture.
fn lighter_than_wider(sizes: impl DoubleEndedIterator<Item = usize>) -> Vec<bool> {
    let mut lightest = usize::MAX;
    let mut kept: Vec<bool> = sizes
        .rev()
        .map(|size| {
            let keep = size < lightest;
            lightest = lightest.min(size);
            keep
        })
        .collect();
    kept.reverse();
    kept
}

/// The extension of an image's narrower copies: the original's, in lower case.
fn own_ext(rel: &str) -> String {
    rel.rsplit_once('.')
        .map_or(String::new(), |(_, e)| e.to_ascii_lowercase())
}

fn image_format(format: Format) -> image::ImageFormat {
    match format {
        Format::Png => image::ImageFormat::Png,
        Format::Jpeg => image::ImageFormat::Jpeg,
    }
}

/// One width's file in the image's own format, and as WebP.
type Pair = (Vec<u8>, Vec<u8>);

/// Each width's file in the image's own format and as WebP. The image's own width in its
/// own format is the original recompressed (a PNG; a JPEG is kept as it is).
fn make(bytes: &[u8], format: Format, widths: &[u32]) -> Result<Vec<Pair>, String> {
    let mut decoder = ImageReader::with_format(Cursor::new(bytes), image_format(format))
        .into_decoder()
        .map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().ok();
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    if let Some(o) = orientation {
        img.apply_orientation(o);
    }
    let full = img.width();
    let mut out = Vec::with_capacity(widths.len());
    for &w in widths {
        let scaled = if w == full {
            img.clone()
        } else {
            img.resize_exact(w, height_at(w, full, img.height()), FilterType::Lanczos3)
        };
        let own = match (format, w == full) {
            (Format::Png, true) => smaller_png(bytes.to_vec()),
            (Format::Png, false) => smaller_png(encode(&scaled, image::ImageFormat::Png)?),
            (Format::Jpeg, true)
                if orientation.is_none_or(|o| o == image::metadata::Orientation::NoTransforms) =>
            {
                bytes.to_vec()
            }
            (Format::Jpeg, _) => jpeg(&scaled)?,
        };
        out.push((own, webp(&scaled)?));
    }
    Ok(out)
}

fn encode(img: &DynamicImage, format: image::ImageFormat) -> Result<Vec<u8>, String> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// A PNG recompressed losslessly by oxipng, or as it was when that is not smaller.
fn smaller_png(png: Vec<u8>) -> Vec<u8> {
    let mut opts = oxipng::Options::from_preset(2);
    opts.strip = oxipng::StripChunks::Safe;
    match oxipng::optimize_from_memory(&png, &opts) {
        Ok(small) if small.len() < png.len() => small,
        _ => png,
    }
}

fn jpeg(img: &DynamicImage) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(&img.to_rgb8())
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// Lossless WebP by libwebp (RGB, or RGBA when the image has transparency).
fn webp(img: &DynamicImage) -> Result<Vec<u8>, String> {
    let (w, h) = (img.width(), img.height());
    let encoded = if img.color().has_alpha() {
        let rgba = img.to_rgba8();
        webp::Encoder::from_rgba(&rgba, w, h).encode_simple(true, 75.0)
    } else {
        let rgb = img.to_rgb8();
        webp::Encoder::from_rgb(&rgb, w, h).encode_simple(true, 75.0)
    };
    encoded
        .map(|m| m.to_vec())
        .map_err(|e| format!("WebP: {e:?}"))
}

/// The name of a width's file in a cache entry.
fn cached_name(w: u32, ext: &str) -> String {
    format!("{w}.{ext}")
}

/// A complete cache entry's files (the entry is renamed into place only when complete).
fn read_cached(dir: &Path, widths: &[u32], ext: &str) -> Option<Vec<Pair>> {
    widths
        .iter()
        .map(|&w| {
            let own = std::fs::read(dir.join(cached_name(w, ext))).ok()?;
            let webp = std::fs::read(dir.join(cached_name(w, "webp"))).ok()?;
            Some((own, webp))
        })
        .collect()
}

/// Writes a cache entry beside its place and renames it there, so a reader sees it whole.
fn write_cached(
    cache: &Path,
    key: &str,
    widths: &[u32],
    ext: &str,
    made: &[Pair],
) -> std::io::Result<()> {
    let tmp = cache.join(format!("{key}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp)?;
    for (&w, (own, webp)) in widths.iter().zip(made) {
        std::fs::write(tmp.join(cached_name(w, ext)), own)?;
        std::fs::write(tmp.join(cached_name(w, "webp")), webp)?;
    }
    if crate::output::rename(&tmp, &cache.join(key)).is_err() {
        // Another build put the same entry in place first.
        let _ = std::fs::remove_dir_all(&tmp);
    }
    Ok(())
}

/// Removes the cache entries no image of the site uses now (but recent ones).
pub(super) fn forget_others(cache: &Path, used: HashSet<&str>) {
    let Ok(entries) = std::fs::read_dir(cache) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if used.contains(name.as_str()) {
            continue;
        }
        let recent = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| now.duration_since(t).unwrap_or_default() < KEEP_UNUSED);
        if !recent {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A screenshot-like PNG: a few flat colours and a "text" line.
    pub(crate) fn screenshot(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(width, height, |x, y| {
            if y % 40 < 30 && x % 9 < 5 && y > 20 {
                image::Rgb([30, 30, 30])
            } else if x < width / 5 {
                image::Rgb([230, 240, 250])
            } else {
                image::Rgb([255, 255, 255])
            }
        });
        encode(&DynamicImage::ImageRgb8(img), image::ImageFormat::Png).unwrap()
    }

    #[test]
    fn a_narrower_copy_heavier_than_a_wider_one_is_left_out() {
        assert_eq!(
            lighter_than_wider([10, 20, 30].into_iter()),
            [true, true, true]
        );
        assert_eq!(
            lighter_than_wider([10, 50, 30].into_iter()),
            [true, false, true]
        );
        assert_eq!(
            lighter_than_wider([40, 50, 30].into_iter()),
            [false, false, true]
        );
    }

    #[test]
    fn widths_never_exceed_the_original() {
        assert_eq!(widths(2000), [480, 960, 1440, 2000]);
        assert_eq!(widths(960), [480, 960]);
        assert_eq!(widths(300), [300]);
        assert_eq!(height_at(480, 1920, 1080), 270);
        assert_eq!(height_at(1, 1920, 1080), 1);
    }

    /// A PNG of smooth colours: its narrower copies weigh less.
    fn gradient(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 120])
        });
        encode(&DynamicImage::ImageRgb8(img), image::ImageFormat::Png).unwrap()
    }

    #[test]
    fn a_screenshots_heavier_narrow_copies_are_not_written() {
        // Flat colours and sharp "text": smoothing makes the narrower copies heavier.
        let png = screenshot(1000, 500);
        let files = sized(None, "k", "a/shot.png", Format::Png, &png, 1000, 500).unwrap();
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["a/shot.png", "a/shot-1000w.webp"]);
    }

    #[test]
    fn sized_once_then_taken_from_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let png = gradient(2000, 1000);
        let k = key(&png);
        let files = sized(
            Some(dir.path()),
            &k,
            "a/shot.png",
            Format::Png,
            &png,
            2000,
            1000,
        )
        .unwrap();
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "a/shot-480w.png",
                "a/shot-480w.webp",
                "a/shot-960w.png",
                "a/shot-960w.webp",
                "a/shot-1440w.png",
                "a/shot-1440w.webp",
                "a/shot.png",
                "a/shot-2000w.webp"
            ]
        );
        for f in &files {
            let img = image::load_from_memory(&f.bytes).unwrap();
            assert_eq!(
                (img.width(), img.height()),
                (f.width, f.height),
                "{}",
                f.path
            );
        }
        // The original, recompressed, holds the same pixels.
        let original = image::load_from_memory(&png).unwrap().to_rgb8();
        let again = image::load_from_memory(&files[6].bytes).unwrap().to_rgb8();
        assert_eq!(original, again);
        assert!(files[6].bytes.len() <= png.len());
        // The cache entry is used next time: spoil it and see the spoiled bytes come back.
        std::fs::write(dir.path().join(&k).join("480.webp"), b"cached").unwrap();
        let again = sized(
            Some(dir.path()),
            &k,
            "a/shot.png",
            Format::Png,
            &png,
            2000,
            1000,
        )
        .unwrap();
        assert_eq!(again[1].bytes.as_slice(), b"cached");
        // Entries of images no longer used go (but recent ones).
        forget_others(dir.path(), HashSet::new());
        assert!(dir.path().join(&k).exists(), "recent");
    }

    #[test]
    fn webp_only_when_lighter() {
        // Noise: lossless WebP is heavier than a JPEG of it.
        let img = image::RgbImage::from_fn(600, 400, |x, y| {
            let v = (x.wrapping_mul(2654435761) ^ y.wrapping_mul(40503)) as u8;
            image::Rgb([v, v.wrapping_mul(3), v.wrapping_add(90)])
        });
        let jpg = jpeg(&DynamicImage::ImageRgb8(img)).unwrap();
        let files = sized(None, "k", "p.jpg", Format::Jpeg, &jpg, 600, 400).unwrap();
        assert!(
            files.iter().all(|f| !f.webp),
            "{:?}",
            files.iter().map(|f| &f.path).collect::<Vec<_>>()
        );
        assert_eq!(files[1].path, "p.jpg");
        assert_eq!(
            files[1].bytes.as_slice(),
            jpg.as_slice(),
            "a JPEG original is kept as it is"
        );
    }
}
