//! The HTML of a prepared image in a page: `<picture>` with a WebP source and the image's own
//! format, each in every width (`srcset`, `sizes`), with `width`/`height` (no jump while it
//! loads) and `decoding="async"` (and `loading="lazy"` but for an image before the page's
//! first heading, which may be on the first screen). An
//! image alone in its paragraph becomes a figure: a link to the full-size original around
//! it (tap to zoom on a phone, said for screen readers), its highlights drawn over it as
//! numbered boxes and listed under it, its title as the caption.
//!
//! The URLs are site-absolute (the rewrite pass makes them relative to each version's page).
//! The `file://` copy of a page shows the mid width alone: `data-offline-src` and
//! `data-offline-href` name it for `offline::file_url_rules`.

use std::fmt::Write as _;

use super::{Image, Sized};
use crate::escape::{escape_attr, escape_text};

/// The width an image takes: the text column (`--measure`, 46rem) or the screen less the
/// page's margins.
pub const SIZES: &str = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";

/// How an image stands in the page.
pub struct Placement<'a> {
    pub alt: &'a str,
    /// The Markdown image's title: the figure's caption.
    pub title: &'a str,
    /// Alone in its paragraph: a figure.
    pub block: bool,
    /// An image that may be on the first screen (the page's first, before any heading): not
    /// lazy.
    pub first: bool,
}

/// `srcset` of one format's files.
fn srcset<'a>(files: impl Iterator<Item = &'a Sized>) -> String {
    let mut out = String::new();
    for f in files {
        if !out.is_empty() {
            out.push_str(", ");
        }
        let _ = write!(out, "/{} {}w", f.path, f.width);
    }
    out
}

/// The `<picture>` of an image.
fn picture(image: &Image, at: &Placement<'_>) -> String {
    let (mid, own_mid) = (image.mid(), image.mid_of(false));
    let mut out = String::from("<picture>");
    if image.has_webp() {
        let _ = write!(
            out,
            "<source type=\"image/webp\" srcset=\"{}\" sizes=\"{SIZES}\">",
            escape_attr(&srcset(image.of_format(true)))
        );
    }
    let _ = write!(
        out,
        "<img class=\"shot__img\" src=\"/{}\" srcset=\"{}\" sizes=\"{SIZES}\" width=\"{}\" height=\"{}\" alt=\"{}\"{} decoding=\"async\" data-offline-src=\"/{}\"></picture>",
        escape_attr(&own_mid.path),
        escape_attr(&srcset(image.of_format(false))),
        image.width,
        image.height,
        escape_attr(at.alt),
        if at.first { "" } else { " loading=\"lazy\"" },
        escape_attr(&mid.path),
    );
    out
}

/// A percentage of `of`, as an SVG length.
fn pct(v: u32, of: u32) -> String {
    let p = f64::from(v) * 100.0 / f64::from(of);
    let s = format!("{p:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}%")
}

/// The highlights drawn over the image: each region framed twice (a light halo under a dark
/// frame, visible on any background), with its number in a badge on the middle of its right
/// edge (where a form's field has room; at its left the label would be hidden).
/// Positions in percentages of the image and badges in pixels: they stay over the right
/// pixels and readable at any size and zoom. The list under the image says the same in text.
fn marks(image: &Image) -> String {
    if image.highlights.is_empty() {
        return String::new();
    }
    let mut out =
        String::from("<svg class=\"shot__marks\" aria-hidden=\"true\" focusable=\"false\">");
    for (i, h) in image.highlights.iter().enumerate() {
        let (x, y) = (pct(h.x, image.width), pct(h.y, image.height));
        let (w, hh) = (pct(h.w, image.width), pct(h.h, image.height));
        let (bx, by) = (
            pct(h.x + h.w, image.width),
            pct(2 * h.y + h.h, 2 * image.height),
        );
        let _ = write!(
            out,
            "<rect class=\"shot__halo\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{hh}\"></rect>\
             <rect class=\"shot__box\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{hh}\"></rect>\
             <svg class=\"shot__badge\" x=\"{bx}\" y=\"{by}\" overflow=\"visible\"><circle r=\"13\"></circle>\
             <text text-anchor=\"middle\" dy=\"0.35em\">{}</text></svg>",
            i + 1
        );
    }
    out.push_str("</svg>");
    out
}

/// The HTML of `image` placed as `at` says.
pub fn html(image: &Image, at: &Placement<'_>) -> String {
    if !at.block {
        return picture(image, at);
    }
    let mut out = String::from("<figure class=\"shot\">\n");
    let _ = writeln!(
        out,
        "<a class=\"shot__zoom\" href=\"/{}\" data-offline-href=\"/{}\"><span class=\"shot__frame\">{}{}</span><span class=\"visually-hidden\"> (открыть в полном размере)</span></a>",
        escape_attr(&image.rel),
        escape_attr(&image.mid().path),
        picture(image, at),
        marks(image),
    );
    if !at.title.trim().is_empty() {
        let _ = writeln!(
            out,
            "<figcaption>{}</figcaption>",
            escape_text(at.title.trim())
        );
    }
    if !image.highlights.is_empty() {
        out.push_str("<ol class=\"shot__legend\">\n");
        for h in &image.highlights {
            let _ = writeln!(out, "<li>{}</li>", escape_text(h.label.trim()));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</figure>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::{Format, Highlight};
    use std::sync::Arc;

    fn image() -> Image {
        let file = |path: &str, width, webp| Sized {
            path: path.into(),
            width,
            height: width / 2,
            webp,
            bytes: Arc::new(Vec::new()),
        };
        Image {
            rel: "esia/forma.png".into(),
            format: Format::Png,
            width: 1200,
            height: 600,
            highlights: vec![Highlight {
                x: 300,
                y: 60,
                w: 600,
                h: 30,
                label: "Фамилия & имя".into(),
            }],
            files: vec![
                file("esia/forma-480w.png", 480, false),
                file("esia/forma-480w.webp", 480, true),
                file("esia/forma-960w.png", 960, false),
                file("esia/forma-960w.webp", 960, true),
                file("esia/forma.png", 1200, false),
                file("esia/forma-1200w.webp", 1200, true),
            ],
            key: String::new(),
        }
    }

    #[test]
    fn a_figure_with_every_width_its_size_and_its_highlights() {
        let html = html(
            &image(),
            &Placement {
                alt: "Профиль",
                title: "Рисунок 1",
                block: true,
                first: false,
            },
        );
        assert!(html.contains("<source type=\"image/webp\" srcset=\"/esia/forma-480w.webp 480w, /esia/forma-960w.webp 960w, /esia/forma-1200w.webp 1200w\""), "{html}");
        assert!(html.contains("src=\"/esia/forma-960w.png\" srcset=\"/esia/forma-480w.png 480w, /esia/forma-960w.png 960w, /esia/forma.png 1200w\""), "{html}");
        assert!(html.contains("width=\"1200\" height=\"600\" alt=\"Профиль\" loading=\"lazy\" decoding=\"async\" data-offline-src=\"/esia/forma-960w.webp\""), "{html}");
        assert!(
            html.contains("<a class=\"shot__zoom\" href=\"/esia/forma.png\""),
            "{html}"
        );
        assert!(
            html.contains("x=\"25%\" y=\"10%\" width=\"50%\" height=\"5%\""),
            "{html}"
        );
        assert!(html.contains("<figcaption>Рисунок 1</figcaption>"));
        assert!(html.contains("<li>Фамилия &amp; имя</li>"), "{html}");
    }

    #[test]
    fn inline_and_first_images() {
        let html = html(
            &image(),
            &Placement {
                alt: "a",
                title: "",
                block: false,
                first: true,
            },
        );
        assert!(
            html.starts_with("<picture>") && !html.contains("figure"),
            "{html}"
        );
        assert!(!html.contains("lazy"));
    }
}
