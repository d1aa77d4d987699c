//! What a build is asked to do and what it reports: the hand-off between the commands
//! (`main.rs`, `serve`) and the two ways of building (`pipeline.rs`'s full build, `rebuild.rs`'s
//! incremental one).

use std::path::PathBuf;
use std::time::Duration;

use crate::diagnostic::Diagnostic;

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub out: PathBuf,
    /// Minify the stylesheets and scripts (see `assets.rs`).
    pub minify: bool,
    /// Re-render only the pages whose file changed since the last build of `out`, when its
    /// cache allows (`rebuild.rs`); otherwise, and always when `false`, every page. Either
    /// way the output is the same, byte for byte.
    pub incremental: bool,
}

pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
    pub timings: Vec<(&'static str, Duration)>,
    /// An incremental build: how many pages (files of `content/`) were rendered again, of how
    /// many.
    pub rebuilt: Option<(usize, usize)>,
    /// Why the previous build's cache was not used, when the editor should know.
    pub note: Option<String>,
}
