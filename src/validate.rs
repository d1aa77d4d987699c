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

/// Why `path` cannot be an archive when it is not a regular file (a folder, a FIFO, a
/// device…), read from its metadata alone: opening a FIFO for reading waits for a writer
/// forever, and a folder opens but reads as nothing. `Ok(None)` for a regular file (a link
/// to one too).
pub fn not_a_file(path: &Path) -> std::io::Result<Option<&'static str>> {
    let kind = std::fs::metadata(path)?.file_type();
    if kind.is_file() {
        return Ok(None);
    }
    if kind.is_dir() {
        return Ok(Some("это папка, а не файл архива"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Ok(Some("это не обычный файл (канал FIFO)"));
        }
        if kind.is_socket() {
            return Ok(Some("это не обычный файл (сокет)"));
        }
        if kind.is_char_device() {
            return Ok(Some("это не обычный файл (символьное устройство)"));
        }
        if kind.is_block_device() {
            return Ok(Some("это не обычный файл (блочное устройство)"));
        }
    }
    Ok(Some("это не обычный файл"))
}

impl ByteSource for FileSource {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&mut self, offset: u64, len: usize) -> Result<Vec<u8>, String> {
        self.file
            .seek(SeekFrom::Start(offset))
            .map_err(|e| crate::i18n::io_error(&e))?;
        let mut buf = vec![0; len];
        self.file
            .read_exact(&mut buf)
            .map_err(|e| crate::i18n::io_error(&e))?;
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

/// Whose ИНН is asked for (`validate inn --person` / `--org`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InnOf {
    Person,
    Organisation,
}

/// An ИНН of the kind asked for: an ИНН of the other kind (by its length) is an error
/// `wrong_kind`, whatever its check digits, with the length each kind has.
pub fn inn(value: &str, of: Option<InnOf>) -> IdCheck {
    let mut c = identifiers::check_inn(value);
    let (wanted, digits) = match of {
        Some(InnOf::Person) => (identifiers::INN_PERSON, "12 цифр"),
        Some(InnOf::Organisation) => (identifiers::INN_ORGANISATION, "10 цифр"),
        None => return c,
    };
    if let Some(found) = c.kind_name.filter(|k| *k != wanted.1) {
        c.valid = false;
        c.errors = vec![identifiers::IdError {
            code: "wrong_kind",
            message: format!(
                "это {found}, а нужен {} — в нём {digits}: проверьте, тот ли номер вы взяли",
                wanted.1
            ),
        }];
    }
    c
}

#[derive(Serialize)]
pub struct ArchivesResult {
    pub files: Vec<ArchiveReport>,
    pub duplicates: Vec<DuplicateWarning>,
}

fn cannot_open(path: &Path, err: &std::io::Error) -> String {
    crate::tr!(
        "validate-cannot-open",
        file = path.display().to_string(),
        reason = crate::i18n::io_error(err)
    )
}

/// Check each file. A path that is not a regular file, or cannot be opened, stops the check
/// before any file is read, with the reason.
pub fn archives(rule: &ArchiveRule, paths: &[&Path]) -> Result<ArchivesResult, String> {
    for path in paths {
        match not_a_file(path) {
            Ok(None) => {}
            Ok(Some(kind)) => return Err(format!("{}: {kind}", path.display())),
            Err(e) => return Err(cannot_open(path, &e)),
        }
    }
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut src = FileSource::open(path).map_err(|e| cannot_open(path, &e))?;
        let mut report = archive::check_archive(rule, &name, &mut src);
        report.file = path.display().to_string();
        files.push(report);
    }
    let duplicates = archive::check_many(rule, &files);
    Ok(ArchivesResult { files, duplicates })
}
