//! `pamyatka validate`: the browser's validators on the command line — identifiers and ФИОКО
//! archives — with the same checks crate, reading files lazily (only the ranges it asks for).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use pamyatka_checks::archive::{self, ArchiveReport, ArchiveRule, ByteSource, DuplicateWarning};
use pamyatka_checks::identifiers::{self, IdCheck};
use serde::Serialize;

/// A file read on demand.
pub struct FileSource {
    file: File,
    len: u64,
}

impl FileSource {
    pub fn open(path: &Path) -> std::io::Result<FileSource> {
        let file = File::open(path)?;
        let len = file.metadata()?.len();
        Ok(FileSource { file, len })
    }
}

impl ByteSource for FileSource {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&mut self, offset: u64, len: usize) -> Result<Vec<u8>, String> {
        self.file
            .seek(SeekFrom::Start(offset))
            .map_err(|e| e.to_string())?;
        let mut buf = vec![0; len];
        self.file.read_exact(&mut buf).map_err(|e| e.to_string())?;
        Ok(buf)
    }
}

/// Which identifier to check.
#[derive(Debug, Clone, Copy)]
pub enum IdKind {
    Snils,
    Inn,
    Ogrn,
}

pub fn identifier(kind: IdKind, value: &str) -> IdCheck {
    match kind {
        IdKind::Snils => identifiers::check_snils(value),
        IdKind::Inn => identifiers::check_inn(value),
        IdKind::Ogrn => identifiers::check_ogrn(value),
    }
}

#[derive(Serialize)]
pub struct ArchivesResult {
    pub files: Vec<ArchiveReport>,
    pub duplicates: Vec<DuplicateWarning>,
}

/// Check each file; a file that cannot be opened is reported as not an archive with the reason.
pub fn archives(rule: &ArchiveRule, paths: &[&Path]) -> Result<ArchivesResult, String> {
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut src =
            FileSource::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        let mut report = archive::check_archive(rule, &name, &mut src);
        report.file = path.display().to_string();
        files.push(report);
    }
    let duplicates = archive::check_many(rule, &files);
    Ok(ArchivesResult { files, duplicates })
}
