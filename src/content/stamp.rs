//! What the file system says of a page's file when the loader read it: its size, its times and
//! (where the platform tells) its identity. A rebuild whose page has the stamp the previous
//! build recorded takes that build's digest of the file instead of hashing it again
//! (`rebuild.rs`; 223 MB of sources at 10 000 memo pages).
//!
//! Writing a file sets its modification and change times to the clock's time, so a file with
//! the stamp of an earlier read holds the bytes of that read — unless it was written again
//! within the same tick of the file system's clock as the write before that read. Such a
//! "racy" stamp (git's word: its index has the same rule) is not recorded: a file whose times
//! are less than [`RACY`] before the load began is hashed by the next build too. The stamp is
//! taken on the open file before its bytes are read, so a write during the read changes the
//! next build's stamp.

use std::fs::Metadata;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

/// How close to the load's start a file's times make its stamp untrustworthy: far more than any
/// file system's clock tick (2 s on FAT, whose times are even seconds).
pub const RACY: Duration = Duration::from_secs(3);

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
pub struct FileStamp {
    len: u64,
    /// Nanoseconds since the Unix epoch.
    modified: i128,
    /// The change time (Unix: set by every write and by any change of the file's metadata,
    /// and not settable by programs), the creation time (Windows), else the modification time.
    changed: i128,
    /// Device and inode (Unix): another file put in its place is another stamp.
    id: (u64, u64),
}

impl FileStamp {
    /// The stamp of a file read now, by its metadata taken before its bytes are read; `None`
    /// when the platform gives no modification time or the times are racy (see the module).
    pub fn of(meta: &Metadata, load_started: SystemTime) -> Option<FileStamp> {
        let stamp = platform(meta)?;
        let limit = nanos(load_started.checked_sub(RACY)?)?;
        (stamp.modified < limit && stamp.changed < limit).then_some(stamp)
    }
}

fn nanos(t: SystemTime) -> Option<i128> {
    match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => Some(d.as_nanos() as i128),
        Err(e) => Some(-(e.duration().as_nanos() as i128)),
    }
}

#[cfg(unix)]
fn platform(meta: &Metadata) -> Option<FileStamp> {
    use std::os::unix::fs::MetadataExt;
    let at = |s: i64, ns: i64| i128::from(s) * 1_000_000_000 + i128::from(ns);
    Some(FileStamp {
        len: meta.size(),
        modified: at(meta.mtime(), meta.mtime_nsec()),
        changed: at(meta.ctime(), meta.ctime_nsec()),
        id: (meta.dev(), meta.ino()),
    })
}

#[cfg(windows)]
fn platform(meta: &Metadata) -> Option<FileStamp> {
    use std::os::windows::fs::MetadataExt;
    // 100 ns intervals since 1601-01-01.
    let at = |t: u64| (i128::from(t) - 116_444_736_000_000_000) * 100;
    Some(FileStamp {
        len: meta.file_size(),
        modified: at(meta.last_write_time()),
        changed: at(meta.creation_time()),
        id: (0, 0),
    })
}

#[cfg(not(any(unix, windows)))]
fn platform(meta: &Metadata) -> Option<FileStamp> {
    let modified = nanos(meta.modified().ok()?)?;
    Some(FileStamp {
        len: meta.len(),
        modified,
        changed: modified,
        id: (0, 0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_written_just_before_the_load_has_no_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "текст").unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(FileStamp::of(&meta, SystemTime::now()), None);
        let later = SystemTime::now() + RACY + Duration::from_millis(100);
        let stamp = FileStamp::of(&meta, later).expect("an old enough file has a stamp");
        assert_eq!(FileStamp::of(&meta, later), Some(stamp));

        // Rewritten with as many bytes: another stamp (its times, at least its change time).
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&path, "тексТ").unwrap();
        let again = std::fs::metadata(&path).unwrap();
        let later = SystemTime::now() + RACY + Duration::from_millis(100);
        assert_ne!(FileStamp::of(&again, later), Some(stamp));
    }
}
