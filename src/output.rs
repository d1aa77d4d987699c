//! Writing the site: everything goes into a staging folder beside the output folder, which
//! replaces it only once every file is written. A failed build leaves the previous output
//! exactly as it was.
//!
//! - **One writer per output folder.** A lock file beside the output (`.<name>.lock`, an OS
//!   file lock, released when the process ends however it ends) is held while a build writes;
//!   a second `build` (or a `build` while `serve` runs on the same folder) is refused with a
//!   clear message. Within one process the lock is re-entrant: `serve` holds it for its whole
//!   life and its builds take it again.
//! - **Interrupted builds leave nothing behind for long.** A build killed (Ctrl+C, SIGTERM,
//!   kill -9) leaves its `.<name>.staging-<pid>` folder; the next build, holding the lock, knows
//!   no other build is running and keeps one of the staging and old folders of that output as
//!   its recycle folder (below), removing the others.
//! - **The swap has no window without output** where the OS can exchange two folders atomically
//!   (Linux `renameat2(RENAME_EXCHANGE)`); elsewhere it is two renames, and a build killed
//!   between them left the previous output in `.<name>.old-<pid>`, which the next build puts
//!   back before anything else.
//! - **A full build does not free the previous output.** Once replaced, it is kept beside the
//!   output as `.<name>.recycle`, and the next full build begins its staging folder from it:
//!   every file it writes is written over the file of the same name (the same inode, the same
//!   directory entry), and whatever it did not write is removed before the swap. Creating and
//!   freeing tens of thousands of files on every build is what a full build over a previous
//!   output paid for before (on a journal-less ext4 the kernel also skips every inode freed in
//!   the last minutes when it allocates one, `recently_deleted`, which slowed every later
//!   build). The cost: one more copy of the output on disk, deletable at any time.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// Marks a folder as pamyatka's output, so that `--out` never replaces anything else.
pub const MARKER: &str = ".pamyatka-output";

pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
    /// When the staging folder began as the previous output (`recycle_dir`): the files this
    /// build wrote (`/`-separated), so that the others are removed before the swap.
    written: Option<Mutex<HashSet<String>>>,
    _lock: OutputLock,
}

/// Why the output could not be written; said in the program's language (its `Display`).
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    NotOurs(PathBuf),
    Busy(PathBuf),
    Io {
        /// What was being done: a key of the message `output-io` (`create`, `write`, …).
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            OutputError::NotOurs(path) => crate::tr!(
                "output-not-ours",
                path = path.display().to_string(),
                marker = MARKER
            ),
            OutputError::Busy(path) => {
                crate::tr!("output-busy", path = path.display().to_string())
            }
            OutputError::Io {
                action,
                path,
                source,
            } => crate::tr!(
                "output-io",
                action = *action,
                path = path.display().to_string(),
                error = crate::i18n::io_error(source)
            ),
        };
        f.write_str(&text)
    }
}

fn io_err(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> OutputError + use<> {
    let path = path.to_path_buf();
    move |source| OutputError::Io {
        action,
        path,
        source,
    }
}

/// A file beside the output folder `target`: `.<name>.<suffix>` in its parent (the lock, the
/// build cache, an incremental build's new bundle): never inside the published folder.
pub fn beside(target: &Path, suffix: &str) -> PathBuf {
    let (parent, name) = parent_and_name(target);
    parent.join(format!(".{name}.{suffix}"))
}

/// An I/O failure while writing `path`, as the build reports it.
pub fn write_error(path: &Path, source: io::Error) -> OutputError {
    io_err("write", path)(source)
}

/// The previous output, kept for the next full build to write over (see the module's docs).
pub fn recycle_dir(target: &Path) -> PathBuf {
    beside(target, "recycle")
}

/// The output folder's parent and name (`public` when it has none).
fn parent_and_name(target: &Path) -> (PathBuf, String) {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let name = target
        .file_name()
        .map_or("public".into(), |n| n.to_string_lossy().into_owned());
    (parent, name)
}

/// Lock files this process holds: the lock file's path, the open file that holds the OS lock,
/// and how many [`OutputLock`]s share it.
static HELD: Mutex<Vec<(PathBuf, fs::File, usize)>> = Mutex::new(Vec::new());

/// The right to write one output folder, held while a build (or `serve`) writes it.
pub struct OutputLock {
    path: PathBuf,
}

impl OutputLock {
    /// Takes the lock of `target`'s output folder, or says that another process holds it.
    /// Re-entrant within this process.
    pub fn acquire(target: &Path) -> Result<OutputLock, OutputError> {
        let (parent, name) = parent_and_name(target);
        fs::create_dir_all(&parent).map_err(io_err("create", &parent))?;
        let path = std::path::absolute(parent.join(format!(".{name}.lock")))
            .map_err(io_err("resolve", &parent))?;
        let mut held = HELD.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(entry) = held.iter_mut().find(|e| e.0 == path) {
            entry.2 += 1;
            return Ok(OutputLock { path });
        }
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(io_err("open-lock", &path))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(OutputError::Busy(target.to_path_buf()));
            }
            Err(fs::TryLockError::Error(e)) => return Err(io_err("lock", &path)(e)),
        }
        held.push((path.clone(), file, 1));
        Ok(OutputLock { path })
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        let mut held = HELD.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(i) = held.iter().position(|e| e.0 == self.path) {
            held[i].2 -= 1;
            if held[i].2 == 0 {
                // Closing the file releases the OS lock. The file stays: removing it would let
                // a process that opened it just before take a lock nobody else sees.
                held.swap_remove(i);
            }
        }
    }
}

/// What an interrupted build may have left beside the output: `.<name>.staging-<pid>` and
/// `.<name>.old-<pid>` folders.
fn leftovers(parent: &Path, name: &str, kind: &str) -> Vec<PathBuf> {
    let prefix = format!(".{name}.{kind}-");
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| {
            let file = e.file_name();
            let file = file.to_string_lossy();
            file.strip_prefix(&prefix)
                .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
                && e.file_type().is_ok_and(|t| t.is_dir())
        })
        .map(|e| e.path())
        .collect()
}

/// `fs::rename`, tried again for up to two seconds when Windows says the target is in use. There
/// a file (or a folder holding one) cannot be replaced while another process has it open —
/// `serve` reading the page for the browser at that moment, an antivirus scanner or the search
/// indexer looking at a file just written — which lasts milliseconds: a build must not fail on
/// it. Elsewhere (and for any other error) the first answer stands.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    retry_while(|| fs::rename(from, to), in_use, Duration::from_secs(2))
}

/// Whether `e` is Windows' "in use" (access denied while another handle is open).
fn in_use(e: &io::Error) -> bool {
    cfg!(windows) && e.kind() == io::ErrorKind::PermissionDenied
}

/// Runs `op` until it succeeds, fails other than `transient`, or `limit` has passed (waiting
/// 5, 10, 20 … up to 100 ms between tries).
fn retry_while(
    mut op: impl FnMut() -> io::Result<()>,
    transient: impl Fn(&io::Error) -> bool,
    limit: Duration,
) -> io::Result<()> {
    let deadline = std::time::Instant::now() + limit;
    let mut pause = Duration::from_millis(5);
    loop {
        match op() {
            Err(e) if transient(&e) && std::time::Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            result => return result,
        }
    }
}

/// Puts back the previous output when a build was killed between the two renames of a swap
/// (no output, an old folder beside it); then keeps the staging and old folders left by builds
/// that no longer run (the caller holds the lock, so none runs) as the recycle folder, one of
/// them, removing the others.
fn recover(target: &Path) -> Result<(), OutputError> {
    let (parent, name) = parent_and_name(target);
    if !target.exists() {
        let newest = leftovers(&parent, &name, "old")
            .into_iter()
            .filter(|p| p.join(MARKER).is_file())
            .max_by_key(|p| fs::metadata(p).and_then(|m| m.modified()).ok());
        if let Some(old) = newest {
            rename(&old, target).map_err(io_err("put-back", &old))?;
        }
    }
    for dir in leftovers(&parent, &name, "staging")
        .into_iter()
        .chain(leftovers(&parent, &name, "old"))
    {
        retire(&dir, target);
    }
    Ok(())
}

/// Takes the lock of `target` for a build that writes into it in place (`rebuild.rs`), after
/// putting back or clearing what interrupted builds left; `Ok(None)` when there is no output
/// of ours to write into.
pub fn lock_in_place(target: &Path) -> Result<Option<OutputLock>, OutputError> {
    let lock = OutputLock::acquire(target)?;
    recover(target)?;
    Ok((target.is_dir() && target.join(MARKER).is_file()).then_some(lock))
}

impl Staging {
    /// Start a build that will replace `target`: in the recycle folder the build before it
    /// left (see the module's docs) when `recycle`, else in an empty folder.
    pub fn begin(target: &Path, recycle: bool) -> Result<Staging, OutputError> {
        let lock = OutputLock::acquire(target)?;
        recover(target)?;
        if target.exists() && !is_replaceable(target) {
            return Err(OutputError::NotOurs(target.to_path_buf()));
        }
        let (parent, name) = parent_and_name(target);
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(io_err("clear", &dir))?;
        }
        let old = recycle_dir(target);
        let recycled = recycle && recyclable(&old) && rename(&old, &dir).is_ok();
        if !recycled {
            fs::create_dir_all(&dir).map_err(io_err("create", &dir))?;
        }
        fs::write(
            dir.join(MARKER),
            b"This folder is written by `pamyatka build` and replaced whole on every build.\n",
        )
        .map_err(io_err("write", &dir))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
            written: recycled.then(|| Mutex::new(HashSet::from([MARKER.to_string()]))),
            _lock: lock,
        })
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Write one file (`rel` uses `/`).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        self.make(rel, |path| fs::write(path, bytes))
    }

    /// Creates (or truncates) one file to be written by the caller (`rel` uses `/`).
    pub fn create(&self, rel: &str) -> Result<fs::File, OutputError> {
        self.make(rel, |path| fs::File::create(path))
    }

    /// Makes the file `rel` with `op`, its folder first. In a recycled staging folder `rel` is
    /// recorded as written, and when it cannot be made, whatever of the previous output stands
    /// in its way (a folder of its name, a file named as one of its folders) is removed and it
    /// is tried once more.
    fn make<T>(&self, rel: &str, op: impl Fn(&Path) -> io::Result<T>) -> Result<T, OutputError> {
        let path = self.dir.join(rel);
        let attempt = || {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(io_err("create", parent))?;
            }
            op(&path).map_err(io_err("write", &path))
        };
        let Some(written) = &self.written else {
            return attempt();
        };
        written
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(rel.to_string());
        attempt().or_else(|_| {
            clear_way(&self.dir, rel);
            attempt()
        })
    }

    /// In a recycled staging folder: removes every file this build did not write, then every
    /// folder left empty.
    fn sweep(&self) -> Result<(), OutputError> {
        let Some(written) = &self.written else {
            return Ok(());
        };
        let written = written.lock().unwrap_or_else(PoisonError::into_inner);
        let mut rel = String::new();
        for entry in walkdir::WalkDir::new(&self.dir)
            .min_depth(1)
            .contents_first(true)
        {
            let entry = entry.map_err(|e| {
                let path = e.path().unwrap_or(&self.dir).to_path_buf();
                io_err("clear", &path)(e.into())
            })?;
            let path = entry.path();
            if entry.file_type().is_dir() {
                // Not empty: an error that is no error here.
                let _ = fs::remove_dir(path);
                continue;
            }
            rel.clear();
            for part in path.strip_prefix(&self.dir).expect("inside").components() {
                if !rel.is_empty() {
                    rel.push('/');
                }
                rel.push_str(&part.as_os_str().to_string_lossy());
            }
            if !written.contains(&rel) {
                fs::remove_file(path).map_err(io_err("clear", path))?;
            }
        }
        Ok(())
    }

    /// Replace the target with the staging folder: in one atomic exchange where the OS can,
    /// otherwise by two renames (see [`recover`] for a build killed between them).
    pub fn commit(self) -> Result<(), OutputError> {
        self.commit_keeping(&[])
    }

    /// [`Staging::commit`], and then each `(file, to)` of `keep` of the previous output moved
    /// to `to` (where it can be) instead of being removed with the rest of it.
    pub fn commit_keeping(mut self, keep: &[(&str, &Path)]) -> Result<(), OutputError> {
        let keep_from = |previous: &Path| {
            for (file, to) in keep {
                let _ = fs::rename(previous.join(file), to);
            }
        };
        self.sweep()?;
        let had_old = self.target.exists();
        if had_old && exchange(&self.dir, &self.target).map_err(io_err("swap", &self.target))? {
            // The staging path now holds the previous output.
            self.committed = true;
            keep_from(&self.dir);
            retire(&self.dir, &self.target);
            return Ok(());
        }
        let old = self.dir.with_file_name(
            self.dir
                .file_name()
                .expect("named")
                .to_string_lossy()
                .replace(".staging-", ".old-"),
        );
        if had_old {
            rename(&self.target, &old).map_err(io_err("move-aside", &self.target))?;
        }
        if let Err(e) = rename(&self.dir, &self.target) {
            if had_old {
                let _ = rename(&old, &self.target);
            }
            return Err(io_err("move-into-place", &self.target)(e));
        }
        self.committed = true;
        if had_old {
            keep_from(&old);
            retire(&old, &self.target);
        }
        Ok(())
    }
}

impl Drop for Staging {
    /// A build given up: its staging folder is kept for the next one to write over.
    fn drop(&mut self) {
        if !self.committed {
            retire(&self.dir, &self.target);
        }
    }
}

/// Keeps `dir` (a previous output, or a given-up staging folder) as `target`'s recycle folder
/// for the next full build to write over; removes it where it cannot.
fn retire(dir: &Path, target: &Path) {
    if !recyclable(dir) {
        let _ = fs::remove_dir_all(dir);
        return;
    }
    let recycle = recycle_dir(target);
    if recycle.join(MARKER).is_file() {
        let _ = fs::remove_dir_all(&recycle);
    }
    if recycle.exists() || rename(dir, &recycle).is_err() {
        let _ = fs::remove_dir_all(dir);
    }
}

/// Whether the folder `dir` is an output of ours that a build may write over: it has the
/// marker file, on a file system that tells names apart by case. Where it does not (Windows,
/// macOS, a FAT USB stick), writing `logo.png` over a previous `Logo.png` would keep the old
/// name, so every build begins empty there, as before.
fn recyclable(dir: &Path) -> bool {
    dir.join(MARKER).is_file() && !dir.join(MARKER.to_ascii_uppercase()).exists()
}

/// Removes what stands where the file `rel` (`/`-separated) goes in `dir`: a folder of its
/// name, or a file named as one of its folders (a recycled staging folder holds another
/// build's files).
fn clear_way(dir: &Path, rel: &str) {
    let mut path = dir.to_path_buf();
    let mut parts = rel.split('/').peekable();
    while let Some(part) = parts.next() {
        path.push(part);
        let Ok(meta) = fs::symlink_metadata(&path) else {
            return;
        };
        match (parts.peek().is_some(), meta.is_dir()) {
            (true, false) => {
                let _ = fs::remove_file(&path);
                return;
            }
            (false, true) => {
                let _ = fs::remove_dir_all(&path);
            }
            _ => {}
        }
    }
}

/// Exchanges two existing folders atomically. `Ok(false)`: this OS or file system cannot.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(e) if e == Errno::INVAL || e == Errno::NOSYS || e == Errno::NOTSUP => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

fn is_replaceable(target: &Path) -> bool {
    if target.join(MARKER).is_file() {
        return true;
    }
    match fs::read_dir(target) {
        Ok(mut entries) => entries.next().is_none(),
        Err(_) => false,
    }
}

/// The folders a build reads, under the site's root.
pub const INPUTS: [&str; 2] = ["content", "templates"];

/// An output folder the build must not write to; said in the program's language.
#[derive(Debug, thiserror::Error)]
pub enum PlacementError {
    InsideInput { out: PathBuf, input: PathBuf },
    HoldsInput { out: PathBuf, input: PathBuf },
}

impl std::fmt::Display for PlacementError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            PlacementError::InsideInput { out, input } => crate::tr!(
                "output-inside-input",
                out = out.display().to_string(),
                input = input.display().to_string()
            ),
            PlacementError::HoldsInput { out, input } => crate::tr!(
                "output-holds-input",
                out = out.display().to_string(),
                input = input.display().to_string()
            ),
        };
        f.write_str(&text)
    }
}

/// Refuses an output folder inside the site's inputs (`content/`, `templates/`), or one that
/// holds them (`--out .`, `--out ..`): the first feeds each build its own output, the second
/// would be replaced with the inputs in it.
pub fn check_placement(root: &Path, out: &Path) -> Result<(), PlacementError> {
    let out_abs = resolve(out);
    for input in INPUTS {
        let input_abs = resolve(&root.join(input));
        if out_abs.starts_with(&input_abs) {
            return Err(PlacementError::InsideInput {
                out: out.to_path_buf(),
                input: root.join(input),
            });
        }
        if input_abs.starts_with(&out_abs) {
            return Err(PlacementError::HoldsInput {
                out: out.to_path_buf(),
                input: root.join(input),
            });
        }
    }
    Ok(())
}

/// An absolute path with `.`/`..` resolved and symbolic links followed as far as the path
/// exists (the output folder need not exist yet).
fn resolve(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // The longest existing ancestor, canonicalised, then the rest lexically.
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(canon) = existing.canonicalize() {
            let mut out = canon;
            for part in rest.iter().rev() {
                match part {
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    std::path::Component::CurDir => {}
                    other => out.push(other.as_os_str()),
                }
            }
            return out;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => return abs,
        }
    }
}

/// Output path of a page URL: `/esia/` → `esia/index.html`.
pub fn page_path(url: &str) -> String {
    let trimmed = url.trim_start_matches('/');
    format!("{trimmed}index.html")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rename refused while the target is in use (Windows) is tried again until it goes
    /// through; any other error, or one that lasts past the limit, is the answer.
    #[test]
    fn a_transient_failure_is_tried_again_and_others_are_not() {
        let denied = || io::Error::from(io::ErrorKind::PermissionDenied);
        let is_denied = |e: &io::Error| e.kind() == io::ErrorKind::PermissionDenied;
        let limit = Duration::from_secs(2);

        let mut tries = 0;
        let result = retry_while(
            || {
                tries += 1;
                if tries < 4 { Err(denied()) } else { Ok(()) }
            },
            is_denied,
            limit,
        );
        assert!(result.is_ok());
        assert_eq!(tries, 4);

        let mut tries = 0;
        let result = retry_while(
            || {
                tries += 1;
                Err(io::Error::from(io::ErrorKind::NotFound))
            },
            is_denied,
            limit,
        );
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::NotFound);
        assert_eq!(tries, 1, "not a transient error: tried once");

        let started = std::time::Instant::now();
        let result = retry_while(|| Err(denied()), is_denied, Duration::from_millis(50));
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::PermissionDenied);
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "gives up after the limit"
        );

        // Off Windows, access denied is a real permission error: reported at once.
        assert_eq!(in_use(&denied()), cfg!(windows));
    }

    #[test]
    fn commit_replaces_and_drop_keeps_the_output() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let s = Staging::begin(&target, true).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(target.join("a/index.html")).unwrap(), b"one");

        let s = Staging::begin(&target, true).unwrap();
        s.write("a/index.html", b"two").unwrap();
        drop(s); // a failed build
        assert_eq!(fs::read(target.join("a/index.html")).unwrap(), b"one");
        assert_eq!(
            names(tmp.path()),
            [".public.lock", ".public.recycle", "public"],
            "no staging left behind: it is kept for the next build to write over"
        );
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Every file under `dir`, `/`-separated, with its bytes.
    fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| !e.file_type().is_dir())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap();
                let rel = rel.to_string_lossy().replace('\\', "/");
                (rel, fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn a_full_build_writes_over_the_previous_output_and_removes_what_it_did_not_write() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let recycle = recycle_dir(&target);
        let s = Staging::begin(&target, true).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.write("b/c/index.html", b"gone next time").unwrap();
        s.write("x", b"a file, a folder next time").unwrap();
        s.write("y/index.html", b"a folder, a file next time")
            .unwrap();
        s.commit().unwrap();
        let first = tree(&target);
        assert!(!recycle.exists(), "no previous output to keep");

        let s = Staging::begin(&target, true).unwrap();
        s.write("a/index.html", b"two").unwrap();
        s.commit().unwrap();
        assert_eq!(tree(&recycle), first, "the first output, kept whole");

        // The third build begins from the first output: its files are written over.
        let page = recycle.join("a/index.html");
        let before = same_file::Handle::from_path(&page).unwrap();
        let s = Staging::begin(&target, true).unwrap();
        assert!(!recycle.exists());
        s.write("a/index.html", b"three").unwrap();
        s.write("x/index.html", b"now a folder").unwrap();
        s.write("y", b"now a file").unwrap();
        let mut bundle = s.create("offline.zip").unwrap();
        io::Write::write_all(&mut bundle, b"zip").unwrap();
        drop(bundle);
        assert_eq!(
            same_file::Handle::from_path(s.path().join("a/index.html")).unwrap(),
            before,
            "the same file, written over"
        );
        s.commit().unwrap();
        let marker = fs::read(target.join(MARKER)).unwrap();
        assert_eq!(
            tree(&target),
            [
                (MARKER.to_string(), marker),
                ("a/index.html".to_string(), b"three".to_vec()),
                ("offline.zip".to_string(), b"zip".to_vec()),
                ("x/index.html".to_string(), b"now a folder".to_vec()),
                ("y".to_string(), b"now a file".to_vec()),
            ],
            "nothing of the first output but what the third build wrote; no empty folder"
        );
        assert!(!target.join("b").exists());
        assert_eq!(
            tree(&recycle).into_iter().map(|f| f.0).collect::<Vec<_>>(),
            [MARKER, "a/index.html"],
            "the second output is the next one's to write over"
        );

        // A build that trusts nothing of the ones before it begins empty, and leaves the
        // recycle folder as it is until it replaces the output.
        let s = Staging::begin(&target, false).unwrap();
        assert!(recycle.join("a/index.html").is_file());
        assert_eq!(names(s.path()), [MARKER]);
        s.write("a/index.html", b"four").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(recycle.join("a/index.html")).unwrap(), b"three");
    }

    #[test]
    fn no_output_is_written_over_where_names_differ_by_case_only() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        for text in [&b"one"[..], b"two"] {
            let s = Staging::begin(&target, true).unwrap();
            s.write("Logo.png", text).unwrap();
            s.commit().unwrap();
        }
        let recycle = recycle_dir(&target);
        assert!(recyclable(&recycle));
        // What a file system that ignores case shows: the marker under its name in capitals.
        fs::write(recycle.join(MARKER.to_ascii_uppercase()), b"").unwrap();
        assert!(!recyclable(&recycle));
        let s = Staging::begin(&target, true).unwrap();
        assert_eq!(names(s.path()), [MARKER], "begun empty");
        s.write("logo.png", b"three").unwrap();
        s.commit().unwrap();
        assert_eq!(names(&target), [MARKER, "logo.png"]);
    }

    #[test]
    fn a_recycle_folder_not_ours_is_not_written_over() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let recycle = recycle_dir(&target);
        fs::create_dir_all(&recycle).unwrap();
        fs::write(recycle.join("precious.txt"), b"x").unwrap();
        let s = Staging::begin(&target, true).unwrap();
        s.write("index.html", b"one").unwrap();
        s.commit().unwrap();
        let s = Staging::begin(&target, true).unwrap();
        s.write("index.html", b"two").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(recycle.join("precious.txt")).unwrap(), b"x");
        assert_eq!(names(&recycle), ["precious.txt"]);
        assert_eq!(fs::read(target.join("index.html")).unwrap(), b"two");
    }

    #[test]
    fn commit_keeping_moves_a_file_of_the_previous_output_out_of_its_way() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let kept = dir.path().join(".public.kept");
        let s = Staging::begin(&target, true).unwrap();
        s.write("offline.zip", b"old").unwrap();
        s.commit_keeping(&[("offline.zip", &kept)]).unwrap();
        // No previous output: nothing to keep.
        assert!(!kept.exists());
        let s = Staging::begin(&target, true).unwrap();
        s.write("offline.zip", b"new").unwrap();
        s.commit_keeping(&[("offline.zip", &kept)]).unwrap();
        assert_eq!(fs::read(&kept).unwrap(), b"old");
        assert_eq!(fs::read(target.join("offline.zip")).unwrap(), b"new");
        assert!(leftovers(dir.path(), "public", "old").is_empty());
        assert!(leftovers(dir.path(), "public", "staging").is_empty());
    }

    #[test]
    fn never_replaces_a_foreign_folder() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("precious.txt"), b"x").unwrap();
        assert!(matches!(
            Staging::begin(tmp.path(), true),
            Err(OutputError::NotOurs(_))
        ));
    }

    /// What builds killed at any point leave beside the output: their staging folders, and
    /// the previous output set aside by a build killed between the two renames of a swap.
    #[test]
    fn the_next_build_clears_what_killed_builds_left() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let s = Staging::begin(&target, true).unwrap();
        s.write("index.html", b"one").unwrap();
        s.commit().unwrap();
        // Two killed builds (no process has these ids: pids are far smaller).
        for pid in ["99999991", "99999992"] {
            let dir = tmp.path().join(format!(".public.staging-{pid}"));
            fs::create_dir_all(dir.join("a")).unwrap();
            fs::write(dir.join("a/index.html"), b"half").unwrap();
        }
        fs::create_dir_all(tmp.path().join(".public.old-99999993")).unwrap();
        // One that had begun writing: the next build writes over what it wrote.
        let begun = tmp.path().join(".public.staging-99999990");
        fs::create_dir_all(&begun).unwrap();
        fs::write(begun.join(MARKER), b"").unwrap();
        fs::write(begun.join("half.html"), b"half").unwrap();
        // Not ours: left alone.
        fs::create_dir_all(tmp.path().join(".public.staging-notes")).unwrap();
        let s = Staging::begin(&target, true).unwrap();
        assert_eq!(names(s.path()), [MARKER, "half.html"]);
        drop(s);
        assert_eq!(
            names(tmp.path()),
            [
                ".public.lock",
                ".public.recycle",
                ".public.staging-notes",
                "public"
            ]
        );
    }

    #[test]
    fn a_swap_cut_between_its_renames_is_undone_by_the_next_build() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let s = Staging::begin(&target, true).unwrap();
        s.write("index.html", b"previous").unwrap();
        s.commit().unwrap();
        // Killed after moving the output aside, before moving the new one in.
        fs::rename(&target, tmp.path().join(".public.old-99999994")).unwrap();
        fs::create_dir_all(tmp.path().join(".public.staging-99999994")).unwrap();
        let s = Staging::begin(&target, true).unwrap();
        assert_eq!(fs::read(target.join("index.html")).unwrap(), b"previous");
        drop(s); // and this build fails: the previous output is still there
        assert_eq!(fs::read(target.join("index.html")).unwrap(), b"previous");
        assert!(!tmp.path().join(".public.old-99999994").exists());
    }

    /// Where the OS exchanges folders atomically, the swap is one step: the previous output is
    /// at the staging path the moment the new one is in place (never a moment with neither).
    #[cfg(target_os = "linux")]
    #[test]
    fn folders_are_exchanged_atomically_on_linux() {
        let tmp = tempfile::tempdir().unwrap();
        let a = tmp.path().join("a");
        let b = tmp.path().join("b");
        fs::create_dir_all(&a).unwrap();
        fs::create_dir_all(&b).unwrap();
        fs::write(a.join("f"), b"new").unwrap();
        fs::write(b.join("f"), b"old").unwrap();
        assert!(
            exchange(&a, &b).unwrap(),
            "tmpfs and ext4 support RENAME_EXCHANGE"
        );
        assert_eq!(fs::read(b.join("f")).unwrap(), b"new");
        assert_eq!(fs::read(a.join("f")).unwrap(), b"old");
    }

    #[test]
    fn a_second_writer_is_refused_while_the_first_holds_the_lock() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        // Another process: a lock taken on its own open file.
        let other = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(tmp.path().join(".public.lock"))
            .unwrap();
        other.lock().unwrap();
        assert!(matches!(
            Staging::begin(&target, true),
            Err(OutputError::Busy(_))
        ));
        assert!(!target.exists(), "nothing written");
        other.unlock().unwrap();
        // In this process the lock is re-entrant: serve holds it and builds.
        let held = OutputLock::acquire(&target).unwrap();
        let s = Staging::begin(&target, true).unwrap();
        s.commit().unwrap();
        drop(held);
        assert!(target.join(MARKER).is_file());
    }

    #[test]
    fn output_inside_or_around_the_inputs_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir_all(root.join("content/esia")).unwrap();
        for out in [
            "content/out",
            "templates",
            "templates/x/y",
            "content/esia/../public",
        ] {
            assert!(
                matches!(
                    check_placement(root, &root.join(out)),
                    Err(PlacementError::InsideInput { .. })
                ),
                "{out}"
            );
        }
        for out in [".", "..", "content/.."] {
            assert!(
                matches!(
                    check_placement(root, &root.join(out)),
                    Err(PlacementError::HoldsInput { .. })
                ),
                "{out}"
            );
        }
        for out in ["public", "../elsewhere", "content-public", "site/public"] {
            assert!(check_placement(root, &root.join(out)).is_ok(), "{out}");
        }
    }

    #[test]
    fn page_paths() {
        assert_eq!(page_path("/"), "index.html");
        assert_eq!(page_path("/esia/a/"), "esia/a/index.html");
    }
}
