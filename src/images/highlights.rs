//! An image's highlights: `<image>.yaml` beside it (`forma.png.yaml`) lists the regions a memo
//! points at («выделенные зелёной рамкой»), in the original image's pixels, each with the text
//! every reader gets in its place:
//!
//! ```yaml
//! highlights:
//!   - {x: 120, y: 340, w: 400, h: 48, label: "Фамилия"}
//! ```
//!
//! A box outside the image is an error at its line; an empty label is reported by `check`
//! ([`empty_labels`]).

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::tr;
use crate::yaml::{self, Seg};

/// One highlighted region of an image.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Highlight {
    /// Left edge, in the original image's pixels from its left.
    pub x: u32,
    /// Top edge, in pixels from the image's top.
    pub y: u32,
    /// Width in pixels.
    pub w: u32,
    /// Height in pixels.
    pub h: u32,
    /// What the region is, as the list under the image says it.
    #[serde(default)]
    pub label: String,
}

/// The highlights file of an image.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageMeta {
    /// The regions the text refers to, numbered in this order.
    #[serde(default)]
    pub highlights: Vec<Highlight>,
}

/// Reads `content/<sidecar>` for an image `width`×`height`.
pub fn load(
    root: &Path,
    sidecar: &str,
    width: u32,
    height: u32,
) -> Result<Vec<Highlight>, Diagnostic> {
    let file = Path::new("content").join(sidecar);
    let text = std::fs::read_to_string(root.join(&file)).map_err(|e| {
        Diagnostic::error(
            "io",
            tr!(
                "content-file-unreadable",
                path = file.display().to_string(),
                error = crate::i18n::io_error(&e)
            ),
        )
    })?;
    let text: Arc<str> = Arc::from(text);
    parse(&file, &text, width, height)
}

/// Parses and checks a highlights file's text.
pub fn parse(
    file: &Path,
    text: &Arc<str>,
    width: u32,
    height: u32,
) -> Result<Vec<Highlight>, Diagnostic> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let meta: ImageMeta = yaml::parse(file, text, "image")?;
    for (i, h) in meta.highlights.iter().enumerate() {
        let right = u64::from(h.x) + u64::from(h.w);
        let bottom = u64::from(h.y) + u64::from(h.h);
        let at = yaml::location_of(
            file,
            text,
            0,
            text.len(),
            &[Seg::Key("highlights"), Seg::Index(i)],
        );
        if h.w == 0 || h.h == 0 {
            return Err(Diagnostic::error(
                "image",
                tr!("image-highlight-empty", number = (i + 1).to_string()),
            )
            .at(at)
            .hint(tr!(
                "image-highlight-outside.hint",
                width = width.to_string(),
                height = height.to_string()
            )));
        }
        if right > u64::from(width) || bottom > u64::from(height) {
            return Err(Diagnostic::error(
                "image",
                tr!(
                    "image-highlight-outside",
                    number = (i + 1).to_string(),
                    right = right.to_string(),
                    bottom = bottom.to_string(),
                    width = width.to_string(),
                    height = height.to_string()
                ),
            )
            .at(at)
            .label(tr!("image-highlight-outside.label"))
            .hint(tr!(
                "image-highlight-outside.hint",
                width = width.to_string(),
                height = height.to_string()
            )));
        }
    }
    Ok(meta.highlights)
}

/// `check`'s report of the highlights without a label (a number on the image that the list
/// under it leaves unexplained), at each one.
pub fn empty_labels(root: &Path, sidecar: &str, highlights: &[Highlight]) -> Vec<Diagnostic> {
    let file = Path::new("content").join(sidecar);
    let text: Arc<str> = Arc::from(std::fs::read_to_string(root.join(&file)).unwrap_or_default());
    highlights
        .iter()
        .enumerate()
        .filter(|(_, h)| h.label.trim().is_empty())
        .map(|(i, _)| {
            Diagnostic::warning(
                "image",
                tr!("image-highlight-no-label", number = (i + 1).to_string()),
            )
            .kind("highlight-label")
            .at(yaml::location_of(
                &file,
                &text,
                0,
                text.len(),
                &[Seg::Key("highlights"), Seg::Index(i)],
            ))
            .hint(tr!("image-highlight-no-label.hint"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Result<Vec<Highlight>, Diagnostic> {
        parse(Path::new("content/a.png.yaml"), &Arc::from(text), 800, 600)
    }

    #[test]
    fn boxes_inside_the_image_are_read() {
        let h = run("highlights:\n  - {x: 0, y: 10, w: 800, h: 590, label: Всё}\n").unwrap();
        assert_eq!(h[0].label, "Всё");
        assert!(run("").unwrap().is_empty());
    }

    #[test]
    fn a_box_outside_is_an_error_at_its_line() {
        let text = "highlights:\n  - {x: 0, y: 0, w: 10, h: 10, label: a}\n  - x: 700\n    y: 0\n    w: 101\n    h: 5\n    label: b\n";
        let d = run(text).unwrap_err();
        assert_eq!(
            d.position().as_deref(),
            Some("content/a.png.yaml:3:5"),
            "{d:?}"
        );
        assert!(d.message.contains("801"), "{}", d.message);
        let d = run("highlights:\n  - {x: 1, y: 1, w: 0, h: 5, label: a}\n").unwrap_err();
        assert!(d.position().unwrap().ends_with(":2:5"), "{d:?}");
    }

    #[test]
    fn unknown_keys_are_errors() {
        let d = run("highlights:\n  - {x: 1, y: 1, w: 2, h: 5, lable: a}\n").unwrap_err();
        assert!(
            d.position().unwrap().starts_with("content/a.png.yaml:2:"),
            "{d:?}"
        );
    }
}
