//! `pamyatka serve`: a development server on 127.0.0.1 that rebuilds on every change in
//! `content/` or `templates/` and reloads the open pages. A broken edit is shown in the
//! terminal and over the page, and the last good site keeps being served.

mod http;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::incremental::{Live, Outcome};
use crate::output::OutputLock;
use crate::pipeline::{self, BuildOptions};

/// What connected pages are told.
#[derive(Clone)]
enum Message {
    Reload,
    Error(String),
}

#[derive(Default)]
struct Hub {
    clients: Vec<tokio::sync::mpsc::UnboundedSender<Message>>,
    /// The current build error, sent to pages that connect while the site is broken.
    error: Option<String>,
}

impl Hub {
    fn broadcast(&mut self, msg: Message) {
        self.error = match &msg {
            Message::Error(e) => Some(e.clone()),
            Message::Reload => None,
        };
        self.clients.retain(|c| c.send(msg.clone()).is_ok());
    }
}

/// The hub, even if a thread panicked while holding it (its state is a list of channels and
/// a message: still usable).
fn lock(hub: &Mutex<Hub>) -> MutexGuard<'_, Hub> {
    hub.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Where `serve` works: the root made absolute and free of symbolic links once at start-up
/// (the watcher reports absolute paths, which are compared with it), and the output folder
/// made absolute the same way.
fn resolved(opts: &BuildOptions) -> Result<BuildOptions, String> {
    let root = opts
        .root
        .canonicalize()
        .map(without_verbatim)
        .map_err(|e| {
            crate::tr!(
                "serve-root-unreadable",
                dir = opts.root.display().to_string(),
                reason = crate::i18n::io_error(&e)
            )
        })?;
    let out = match opts.out.strip_prefix(&opts.root) {
        Ok(rel) if opts.out.is_relative() || opts.root.is_absolute() => root.join(rel),
        _ => std::path::absolute(&opts.out).map_err(|e| {
            crate::tr!(
                "serve-out-unresolved",
                dir = opts.out.display().to_string(),
                reason = crate::i18n::io_error(&e)
            )
        })?,
    };
    Ok(BuildOptions {
        root,
        out,
        // Its builds keep the build cache beside the output, so that starting over an output
        // and catching up after edits are incremental builds. The pages `serve` writes in
        // place between them are what a build of the same files writes, and every page they
        // differ from the cache in is one whose files differ from the cache too, so the next
        // build renders it again (see `incremental.rs`).
        cache: crate::pipeline::CacheUse::Incremental,
        ..opts.clone()
    })
}

/// `\\?\C:\sait` → `C:\sait`. Windows' canonical form names a drive in this "verbatim" way,
/// which every message would show the editor ("Serving \\?\C:\sait\public"); std adds it
/// back by itself where a path is too long without it. Other paths, and every path on
/// Linux (which has no prefixes), are returned as they are.
fn without_verbatim(path: PathBuf) -> PathBuf {
    use std::path::{Component, Prefix};
    let drive = match path.components().next() {
        Some(Component::Prefix(p)) => match p.kind() {
            Prefix::VerbatimDisk(drive) => drive,
            _ => return path,
        },
        _ => return path,
    };
    let mut plain = PathBuf::from(format!("{}:\\", char::from(drive)));
    plain.extend(
        path.components()
            .skip(1)
            .filter(|c| !matches!(c, Component::RootDir)),
    );
    plain
}

/// Builds once, then serves and watches until interrupted.
pub fn serve(
    opts: &BuildOptions,
    port: u16,
    report: impl Fn(&pipeline::BuildResult) + Send + 'static,
) -> Result<(), String> {
    let opts = &resolved(opts)?;
    crate::output::check_placement(&opts.root, &opts.out).map_err(|e| e.to_string())?;
    // Held for as long as `serve` runs: its builds and page updates are the only writes to the
    // output folder (a `build` started meanwhile is told so).
    let _lock = OutputLock::acquire(&opts.out).map_err(|e| e.to_string())?;
    // Listening before the first build: a port in use is said at once, not after the build.
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
        crate::tr!(
            "serve-cannot-listen",
            port = port.to_string(),
            reason = crate::i18n::io_error(&e)
        )
    })?;
    let addr = listener.local_addr().map_err(|e| {
        crate::tr!(
            "serve-cannot-listen",
            port = port.to_string(),
            reason = crate::i18n::io_error(&e)
        )
    })?;

    let hub = Arc::new(Mutex::new(Hub::default()));
    let mut first = pipeline::build_result(opts);
    report(&first);
    let live = first.project.take().map(|p| Live::new(p, opts.out.clone()));
    if let Err(text) = &first.error_text {
        lock(&hub).error = Some(text.clone());
    }

    let (tx, rx) = mpsc::channel();
    // Only what is under content/ and templates/ counts (the root is watched too, for a
    // templates/ folder made while serving; the output folder beside them is not ours to watch).
    let watched: Vec<PathBuf> = ["content", "templates"]
        .iter()
        .map(|d| opts.root.join(d))
        .collect();
    let filter = watched.clone();
    // Set on every edit: it stops a catch-up build under way, so that the edit is shown at
    // once rather than after the whole site (seconds on a big one).
    let edited = Arc::new(AtomicBool::new(false));
    let seen = edited.clone();
    let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res
            && !matches!(ev.kind, notify::EventKind::Access(_))
        {
            let paths: Vec<PathBuf> = ev
                .paths
                .into_iter()
                .filter(|p| filter.iter().any(|d| p.starts_with(d)))
                .collect();
            if paths.iter().any(|p| !is_noise(p)) {
                seen.store(true, Ordering::Relaxed);
            }
            if !paths.is_empty() {
                let _ = tx.send(paths);
            }
        }
    })
    .map_err(|e| crate::tr!("serve-cannot-watch-files", reason = e.to_string()))?;
    let watcher = Arc::new(Mutex::new(watcher));
    {
        let mut w = watcher.lock().unwrap_or_else(PoisonError::into_inner);
        w.watch(&opts.root, RecursiveMode::NonRecursive)
            .map_err(|e| {
                crate::tr!(
                    "serve-cannot-watch",
                    dir = opts.root.display().to_string(),
                    reason = e.to_string()
                )
            })?;
        for path in watched.iter().filter(|p| p.is_dir()) {
            w.watch(path, RecursiveMode::Recursive).map_err(|e| {
                crate::tr!(
                    "serve-cannot-watch",
                    dir = path.display().to_string(),
                    reason = e.to_string()
                )
            })?;
        }
    }
    {
        let hub = hub.clone();
        let opts = opts.clone();
        let watcher = watcher.clone();
        std::thread::spawn(move || {
            rebuild_loop(rx, &edited, &opts, &hub, report, live, |dir: &Path| {
                // A folder made while serving (templates/ most likely): watch inside it.
                let _ = watcher
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .watch(dir, RecursiveMode::Recursive);
            })
        });
    }

    // Said once the watcher runs: an edit from now on is seen.
    eprintln!(
        "{}",
        crate::tr!(
            "serve-serving",
            dir = opts.out.display().to_string(),
            address = format!("http://{addr}/")
        )
    );

    let served = http::run(listener, opts.out.clone(), hub);
    drop(watcher);
    served.map_err(|e| crate::tr!("serve-stopped", reason = crate::i18n::io_error(&e)))
}

/// How long the watcher waits for an editor's burst of events (write, rename, chmod) to end.
const QUIET: Duration = Duration::from_millis(8);
/// After incremental updates, how long the editor must pause before the whole-site files
/// (search index, sitemap, offline bundle, service worker) are brought up to date.
const CATCH_UP: Duration = Duration::from_millis(1500);

fn rebuild_loop(
    rx: Receiver<Vec<PathBuf>>,
    edited: &AtomicBool,
    opts: &BuildOptions,
    hub: &Mutex<Hub>,
    report: impl Fn(&pipeline::BuildResult),
    mut live: Option<Live>,
    watch: impl Fn(&Path),
) {
    loop {
        let stale = live.as_ref().is_some_and(|l| l.stale);
        let received = if stale {
            rx.recv_timeout(CATCH_UP)
        } else {
            rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        };
        let mut paths = match received {
            Ok(paths) => paths,
            Err(RecvTimeoutError::Timeout) => {
                // The editor paused: a full build brings the whole-site files up to date. The
                // pages are already current, so open pages are not reloaded. An edit stops it
                // (nothing is written) and is shown first; the catch-up waits for the next pause.
                let started = Instant::now();
                edited.store(false, Ordering::Relaxed);
                eprintln!("{}", crate::tr!("serve-catch-up"));
                let Some(mut result) = pipeline::build_result_until(opts, edited) else {
                    eprintln!("{}", crate::tr!("serve-catch-up-stopped", ms = ms(started)));
                    continue;
                };
                report(&result);
                match &result.error_text {
                    Ok(()) => eprintln!("{}", crate::tr!("serve-catch-up-done", ms = ms(started))),
                    Err(text) => lock(hub).broadcast(Message::Error(text.clone())),
                }
                live = result
                    .project
                    .take()
                    .map(|p| Live::new(p, opts.out.clone()));
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return,
        };
        paths.retain(|p| !is_noise(p));
        if paths.is_empty() {
            continue;
        }
        for top in ["content", "templates"].map(|d| opts.root.join(d)) {
            if paths.contains(&top) && top.is_dir() {
                watch(&top);
            }
        }
        // Editors save in bursts (write, rename, chmod): wait for quiet.
        let started = Instant::now();
        loop {
            match rx.recv_timeout(QUIET) {
                Ok(more) => paths.extend(more.into_iter().filter(|p| !is_noise(p))),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let outcome = live.as_mut().map_or(Outcome::Full, |l| l.apply(&paths));
        let msg = match outcome {
            Outcome::Updated {
                pages,
                urls,
                warnings,
            } => {
                report(&pipeline::BuildResult::new(
                    Ok(pipeline::BuildReport {
                        pages,
                        files: pages,
                        warnings,
                        timings: Vec::new(),
                        rebuilt: None,
                        note: None,
                    }),
                    None,
                ));
                eprintln!("{}", updated(&urls, ms(started)));
                Message::Reload
            }
            Outcome::Failed(d) => {
                let result = pipeline::BuildResult::new(Err(d), None);
                report(&result);
                Message::Error(result.error_text.err().unwrap_or_default())
            }
            Outcome::Full => {
                let mut result = pipeline::build_result(opts);
                report(&result);
                live = result
                    .project
                    .take()
                    .map(|p| Live::new(p, opts.out.clone()));
                match result.error_text {
                    Ok(()) => {
                        eprintln!("{}", crate::tr!("serve-rebuilt", ms = ms(started)));
                        Message::Reload
                    }
                    Err(text) => Message::Error(text),
                }
            }
        };
        lock(hub).broadcast(msg);
    }
}

/// Milliseconds since `started`.
fn ms(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// `Updated /a/ in 12 ms; …`, `/a/ and /b/`, or `/a/ and 41 more pages`.
fn updated(urls: &[String], ms: u64) -> String {
    use crate::tr;
    match urls {
        [] => tr!("serve-updated-nothing", ms = ms),
        [one] => tr!("serve-updated-one", url = one, ms = ms),
        [a, b] => tr!("serve-updated-two", url = a, other = b, ms = ms),
        [first, rest @ ..] => tr!(
            "serve-updated-many",
            url = first,
            more = rest.len(),
            ms = ms
        ),
    }
}

/// Files an editor makes beside the one it saves (swap, lock and backup files, the temporary
/// file a safe save writes and renames over the real one), which no build reads: an edit
/// seen with them is classified by the real files alone (else every safe save in gedit or a
/// JetBrains editor would be a full build). Hidden files are never read from `content/` (the
/// loader and the copied files skip them), but a hidden `.html` template would be.
fn is_noise(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    (name.starts_with('.') && !name.ends_with(".html"))
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name == "4913"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editors_side_files_are_noise() {
        for noise in [
            "content/esia/.#privyazka.md",
            "content/esia/privyazka.md~",
            "content/esia/.privyazka.md.swp",
            "templates/.search.html.swx",
            "templates/4913",
            "templates/.goutputstream-K2K9X2",
            "content/esia/.privyazka.md.kate-swp",
            "content/esia/privyazka.md___jb_tmp___",
            "content/esia/privyazka.md___jb_old___",
        ] {
            assert!(is_noise(Path::new(noise)), "{noise}");
        }
        for file in [
            "content/esia/privyazka.md",
            "content/site.yaml",
            "content/files/blank",
            "templates/search.html",
            "templates/.hidden.html",
            "templates/assets/style.css",
        ] {
            assert!(!is_noise(Path::new(file)), "{file}");
        }
    }
}
