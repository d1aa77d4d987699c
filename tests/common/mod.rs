//! Helpers shared by the integration tests: copy a fixture site to a temp dir and run the real
//! `pamyatka` binary on it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A copy of fixture `name` in a fresh temp dir.
pub fn site(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(name), dir.path());
    dir
}

/// A new section `content/<key>/` of the site at `root`: its `_index.md` has `front` as its
/// front matter and one line of text. Returns the section's folder.
pub fn with_section(root: &Path, key: &str, front: &str) -> PathBuf {
    let section = root.join("content").join(key);
    std::fs::create_dir_all(&section).unwrap();
    std::fs::write(
        section.join("_index.md"),
        format!("---\n{front}\n---\n\nРаздел.\n"),
    )
    .unwrap();
    section
}

/// The binary with no colours and no locale: it speaks Russian, its default, whatever the
/// machine running the tests is set to.
pub fn command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pamyatka"));
    cmd.env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    cmd
}

/// `pamyatka --root ROOT ARGS…` in Russian (see [`command`]).
pub fn pamyatka(root: &Path, args: &[&str]) -> Output {
    command()
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("run pamyatka")
}

/// [`pamyatka`] with `--lang en`.
pub fn pamyatka_en(root: &Path, args: &[&str]) -> Output {
    command()
        .args(["--lang", "en", "--root"])
        .arg(root)
        .args(args)
        .output()
        .expect("run pamyatka")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir` with its bytes.
pub fn snapshot_tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The names of what is in `dir` (files and folders), sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

pub fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}
