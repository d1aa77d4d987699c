//! Writing the site: everything goes into a staging folder beside the output folder, which
//! replaces it only once every file is written. A failed build leaves the previous output
//! exactly as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Marks a folder as pamyatka's output, so that `--out` never replaces anything else.
pub const MARKER: &str = ".pamyatka-output";

pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "refusing to replace {0}: it is not empty and was not made by pamyatka (no {MARKER} file); choose another --out"
    )]
    NotOurs(PathBuf),
    #[error("{action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

fn io_err(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> OutputError + use<> {
    let path = path.to_path_buf();
    move |source| OutputError::Io {
        action,
        path,
        source,
    }
}

impl Staging {
    /// Start a build that will replace `target`.
    pub fn begin(target: &Path) -> Result<Staging, OutputError> {
        if target.exists() && !is_replaceable(target) {
            return Err(OutputError::NotOurs(target.to_path_buf()));
        }
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(io_err("cannot create", parent))?;
        let name = target
            .file_name()
            .map_or("public".into(), |n| n.to_string_lossy().into_owned());
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(io_err("cannot clear", &dir))?;
        }
        fs::create_dir_all(&dir).map_err(io_err("cannot create", &dir))?;
        fs::write(
            dir.join(MARKER),
            b"This folder is written by `pamyatka build` and replaced whole on every build.\n",
        )
        .map_err(io_err("cannot write", &dir))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Write one file (`rel` uses `/`).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_err("cannot create", parent))?;
        }
        fs::write(&path, bytes).map_err(io_err("cannot write", &path))
    }

    /// Replace the target with the staging folder.
    pub fn commit(mut self) -> Result<(), OutputError> {
        let old = self.dir.with_file_name(
            self.dir
                .file_name()
                .expect("named")
                .to_string_lossy()
                .replace(".staging-", ".old-"),
        );
        let had_old = self.target.exists();
        if had_old {
            fs::rename(&self.target, &old).map_err(io_err("cannot move aside", &self.target))?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(io_err("cannot move into place", &self.target)(e));
        }
        self.committed = true;
        if had_old {
            let _ = fs::remove_dir_all(&old);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
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

/// Output path of a page URL: `/esia/` → `esia/index.html`.
pub fn page_path(url: &str) -> String {
    let trimmed = url.trim_start_matches('/');
    format!("{trimmed}index.html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_discards() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let s = Staging::begin(&target).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(target.join("a/index.html")).unwrap(), b"one");

        let s = Staging::begin(&target).unwrap();
        s.write("a/index.html", b"two").unwrap();
        drop(s); // a failed build
        assert_eq!(fs::read(target.join("a/index.html")).unwrap(), b"one");
        assert_eq!(
            fs::read_dir(tmp.path()).unwrap().count(),
            1,
            "no staging left behind"
        );
    }

    #[test]
    fn never_replaces_a_foreign_folder() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("precious.txt"), b"x").unwrap();
        assert!(matches!(
            Staging::begin(tmp.path()),
            Err(OutputError::NotOurs(_))
        ));
    }

    #[test]
    fn page_paths() {
        assert_eq!(page_path("/"), "index.html");
        assert_eq!(page_path("/esia/a/"), "esia/a/index.html");
    }
}
