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
    /// What the build does with the build cache beside `out` (`build_cache.rs`). Whichever,
    /// the output is the same, byte for byte.
    pub cache: CacheUse,
}

/// How a build uses the build cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheUse {
    /// `build` and `serve`: re-render only the pages whose file or templates changed, when the
    /// cache allows (`rebuild.rs`); leave a cache for the next build.
    Incremental,
    /// `build --clean`: render every page; leave a cache for the next build.
    Clean,
    /// Render every page and leave no cache (a build whose output is not built on again).
    Off,
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
