//! Where a compile's output goes: one trait, [`Sink`], and its three writers.
//!
//! - [`Staging`] (`build`): every file goes into the staging folder that replaces the output
//!   only once the whole build succeeded (see `output.rs`); the offline bundle is written
//!   straight to its file there.
//! - [`CheckSink`] (`check`): nothing is written and no bundle is made; what the link check and
//!   the lints look at (each page's facts and links) is kept.
//! - [`LiveOutput`] (`serve`'s edits between full builds): the pages an edit touches are
//!   written over the served output in place, each atomically (a temporary file renamed over
//!   the old one), so the server never sends half a page.
//!
//! The scheduler (`pipeline.rs`) and the incremental rebuilds (`incremental.rs`) render pages
//! into values (`project.rs`) and hand them to a sink; neither knows which one it has.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use crate::bundle;
use crate::diagnostic::Diagnostic;
use crate::output::{OutputError, Staging};

/// The offline bundle's file, as a sink opens it.
pub type BundleFile = BufWriter<File>;

/// What becomes of the pages and files a compile makes.
pub trait Sink: Sync {
    /// Writes one file of the site (`rel` uses `/`).
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic>;

    /// Opens the offline bundle's file, when this sink makes the bundle: pages are then
    /// rendered with their `file://` copies.
    fn bundle(&self) -> Result<Option<BundleFile>, Diagnostic> {
        Ok(None)
    }

    /// Whether each page's facts (ids, anchors) and links are kept after it is written:
    /// what `check` looks at, and memory a build has no use for.
    fn keeps_facts(&self) -> bool {
        false
    }
}

/// A build's error while writing, said in the program's language.
pub fn output_error(e: OutputError) -> Diagnostic {
    Diagnostic::error("output", e.to_string())
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        Staging::write(self, rel, bytes).map_err(output_error)
    }

    fn bundle(&self) -> Result<Option<BundleFile>, Diagnostic> {
        let file = self.create(bundle::BUNDLE).map_err(output_error)?;
        Ok(Some(BufWriter::with_capacity(1 << 20, file)))
    }
}

/// `check`: links, ids and lints only. Nothing is written and the offline bundle is not made
/// (its name is listed, so that links to it resolve).
pub struct CheckSink;

impl Sink for CheckSink {
    fn write(&self, _rel: &str, _bytes: &[u8]) -> Result<(), Diagnostic> {
        Ok(())
    }

    fn keeps_facts(&self) -> bool {
        true
    }
}

/// `serve`: writes into the served output folder in place, each file atomically.
pub struct LiveOutput {
    out: PathBuf,
}

impl LiveOutput {
    pub fn new(out: PathBuf) -> LiveOutput {
        LiveOutput { out }
    }
}

impl Sink for LiveOutput {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        write_atomic(&self.out, rel, bytes).map_err(|e| {
            Diagnostic::error(
                "output",
                crate::tr!(
                    "serve-cannot-write",
                    file = format!("{}/{rel}", self.out.display()),
                    reason = crate::i18n::io_error(&e)
                ),
            )
        })
    }
}

/// Writes `bytes` to `out/rel` through a temporary file renamed over the old one.
fn write_atomic(out: &Path, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
    let path = out.join(rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension(format!("{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    let renamed = crate::output::rename(&tmp, &path);
    if renamed.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_writes_nothing_and_makes_no_bundle() {
        let sink = CheckSink;
        assert!(sink.write("a/index.html", b"x").is_ok());
        assert!(sink.bundle().unwrap().is_none());
        assert!(sink.keeps_facts());
    }

    #[test]
    fn live_output_replaces_a_file_in_place_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let sink = LiveOutput::new(dir.path().to_path_buf());
        sink.write("a/b/index.html", b"one").unwrap();
        sink.write("a/b/index.html", b"two").unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("a/b/index.html")).unwrap(),
            b"two"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a/b"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["index.html"]);
        assert!(sink.bundle().unwrap().is_none());
        assert!(!sink.keeps_facts());
    }

    #[test]
    fn live_output_names_the_file_it_could_not_write() {
        let dir = tempfile::tempdir().unwrap();
        // A file where a folder must be.
        std::fs::write(dir.path().join("a"), b"").unwrap();
        let sink = LiveOutput::new(dir.path().to_path_buf());
        let e = sink.write("a/index.html", b"x").unwrap_err();
        assert!(e.to_string().contains("a/index.html"), "{e}");
    }

    #[test]
    fn staging_opens_the_bundle_in_the_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::begin(&dir.path().join("public"), true).unwrap();
        Sink::write(&staging, "x/index.html", b"page").unwrap();
        assert!(Sink::bundle(&staging).unwrap().is_some());
        assert!(staging.path().join(bundle::BUNDLE).is_file());
        assert!(staging.path().join("x/index.html").is_file());
        assert!(!staging.keeps_facts());
    }
}
