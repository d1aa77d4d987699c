//! The ФИОКО archive check: one archive of documents per expert or specialist, checked
//! against `content/fioko/archive-rule.yaml` without unpacking it.
//!
//! [`check_archive`] looks at a file's name, its size and — through [`ByteSource`], which reads
//! only the byte ranges asked for — the archive's table of contents: the end-of-central-directory
//! record and the central directory of a zip, the header of a 7z, the block headers of a RAR
//! (RAR 4 and RAR 5). File data is never decompressed, with one exception kept to the minimum:
//! to tell that the contract form is a real `.docx`, a zip-in-zip is read up to the local header
//! of `word/document.xml` (its own central directory when the form is stored uncompressed).
//!
//! The report carries stable reason codes (the browser and the CLI key on them) and one Russian
//! message per reason that says how to fix it. [`check_many`] then finds two archives for the
//! same person.

mod cp866;
mod documents;
mod name;
mod rar;
mod reason;
mod rule;
mod sevenz;
mod zip;

use serde::{Serialize, Serializer};

pub use name::{ParsedName, split_extension};
pub use reason::{Reason, ReasonKind, Severity};
pub use rule::{
    ArchiveRule, BYTES_PER_MB, DocumentMatch, DocumentRule, FileNameProblem, NamePart, NameRule,
};

/// Lazy access to a file's bytes: the browser implements it with `File.slice`, the CLI with a
/// file. The check asks only for the ranges it needs.
pub trait ByteSource {
    /// The file's size in bytes.
    fn len(&self) -> u64;
    /// `len` bytes from `offset`; the check never asks past [`ByteSource::len`].
    fn read_at(&mut self, offset: u64, len: usize) -> Result<Vec<u8>, String>;
    /// Whether the file is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl ByteSource for &[u8] {
    fn len(&self) -> u64 {
        <[u8]>::len(self) as u64
    }
    fn read_at(&mut self, offset: u64, len: usize) -> Result<Vec<u8>, String> {
        let start = usize::try_from(offset).map_err(|e| e.to_string())?;
        let end = start.checked_add(len).ok_or("range overflows")?;
        self.get(start..end)
            .map(<[u8]>::to_vec)
            .ok_or_else(|| "read past the end".to_string())
    }
}

impl ByteSource for Vec<u8> {
    fn len(&self) -> u64 {
        <[u8]>::len(self) as u64
    }
    fn read_at(&mut self, offset: u64, len: usize) -> Result<Vec<u8>, String> {
        let mut s: &[u8] = self;
        s.read_at(offset, len)
    }
}

// What the listers say when they cannot read an archive's table of contents. Each is the whole
// message the reader gets (code `archive_damaged`): what to do, not which record is broken, and
// said once — the report adds nothing in front of it.

/// Damaged, cut short or never finished: the reader cannot tell these apart, nor need to.
pub(crate) const DAMAGED: &str = "Архив повреждён или скачан не полностью. Создайте архив \
    заново из исходных файлов и проверьте ещё раз.";
/// The browser or the disk failed to give the bytes.
pub(crate) const UNREADABLE: &str = "Файл не читается. Выберите его ещё раз; если не поможет, \
    создайте архив заново.";
/// One volume of a split archive.
pub(crate) const MULTI_VOLUME: &str = "Это часть архива, разбитого на несколько частей. \
    Упакуйте все документы специалиста в один архив, не разбивая его, и проверьте ещё раз.";
/// More entries than a document package can have.
pub(crate) const TOO_MANY_FILES: &str = "В архиве слишком много файлов. Положите в него только \
    документы специалиста и проверьте ещё раз.";
/// A 7z the check cannot read (a newer format version, an unusual header compression).
pub(crate) const UNSUPPORTED: &str = "Этот архив создан так, что его не прочитать. Упакуйте \
    документы в архив ZIP и проверьте ещё раз.";

/// Reads exactly `len` bytes at `offset`, refusing ranges past the end.
fn read_exact_at(src: &mut dyn ByteSource, offset: u64, len: usize) -> Result<Vec<u8>, String> {
    if offset.checked_add(len as u64).is_none_or(|e| e > src.len()) {
        return Err(DAMAGED.into());
    }
    let bytes = src.read_at(offset, len).map_err(|_| UNREADABLE)?;
    if bytes.len() != len {
        return Err(UNREADABLE.into());
    }
    Ok(bytes)
}

/// A byte range of another source, seen as a source of its own (a `.docx` stored in a zip).
struct Window<'a> {
    src: &'a mut dyn ByteSource,
    offset: u64,
    len: u64,
}

impl ByteSource for Window<'_> {
    fn len(&self) -> u64 {
        self.len
    }
    fn read_at(&mut self, offset: u64, len: usize) -> Result<Vec<u8>, String> {
        if offset.checked_add(len as u64).is_none_or(|e| e > self.len) {
            return Err("read past the end".into());
        }
        self.src.read_at(self.offset + offset, len)
    }
}

/// Where an entry's bytes are, as far as the check may need them.
#[derive(Debug, Clone)]
enum DataLoc {
    /// A zip entry: its local header and how it is compressed.
    ZipLocal {
        header: u64,
        method: u16,
        csize: u64,
    },
    /// Stored uncompressed at this range of the archive (RAR `-m0`).
    Stored { offset: u64, len: u64 },
    /// Compressed in a way the check does not undo.
    Unknown,
}

#[derive(Debug, Clone)]
struct Entry {
    name: String,
    is_dir: bool,
    encrypted: bool,
    unpacked: Option<u64>,
    data: DataLoc,
}

#[derive(Debug, Clone, Default)]
struct Listing {
    entries: Vec<Entry>,
    /// The table of contents itself is encrypted: no names can be read.
    header_encrypted: bool,
}

/// The overall answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Accept,
    Warn,
    Reject,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Accept, Verdict::Warn, Verdict::Reject];

    /// Its code, as the report's JSON names it.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Accept => "accept",
            Verdict::Warn => "warn",
            Verdict::Reject => "reject",
        }
    }

    /// What the site's archive check tells the reader after the archive's name. Not in the
    /// browser module (which stays within its size budget): the builder writes these into the
    /// widget (`data-labels`), and `archive-check.js` reads them there.
    pub fn in_words(self) -> &'static str {
        match self {
            Verdict::Accept => "можно отправлять",
            Verdict::Warn => "можно отправлять, но проверьте замечания",
            Verdict::Reject => "не подходит — исправьте и проверьте снова",
        }
    }
}

/// A required document and the file recognised as it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct DocumentFound {
    pub id: String,
    pub entry: String,
}

/// What [`check_archive`] found about one archive.
#[derive(Debug, Clone)]
pub struct ArchiveReport {
    pub file: String,
    pub verdict: Verdict,
    /// What is wrong, each reason once; any [`Severity::Reject`] rejects the archive.
    pub reasons: Vec<Reason>,
    pub parsed: Option<ParsedName>,
    pub documents: Vec<DocumentFound>,
    /// The files inside, folders and system files (`__MACOSX`, `.DS_Store`, `Thumbs.db`) left out.
    pub entries: Vec<String>,
    /// `zip`, `7z` or `rar` as found by the file's signature; other archive formats by name
    /// (`gzip`, `tar`, …); `None` when the file is not an archive.
    pub format: Option<String>,
}

/// The JSON the browser and `pamyatka validate archive --json` give: the reasons as two lists
/// in the same order, `reasons` (their codes) and `messages`.
impl Serialize for ArchiveReport {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Codes<'a>(&'a [Reason]);
        impl Serialize for Codes<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(Reason::code))
            }
        }
        struct Messages<'a>(&'a [Reason]);
        impl Serialize for Messages<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(|r| &r.message))
            }
        }
        let mut r = s.serialize_struct("ArchiveReport", 8)?;
        r.serialize_field("file", &self.file)?;
        r.serialize_field("verdict", &self.verdict)?;
        r.serialize_field("reasons", &Codes(&self.reasons))?;
        r.serialize_field("messages", &Messages(&self.reasons))?;
        r.serialize_field("parsed", &self.parsed)?;
        r.serialize_field("documents", &self.documents)?;
        r.serialize_field("entries", &self.entries)?;
        r.serialize_field("format", &self.format)?;
        r.end()
    }
}

/// What the file's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detected {
    Zip,
    SevenZ,
    Rar4,
    Rar5,
    /// An archive format the rule does not allow.
    OtherArchive(&'static str),
    /// Not an archive; what it looks like, if known.
    NotArchive(Option<&'static str>),
}

fn detect(head: &[u8]) -> Detected {
    let starts = |sig: &[u8]| head.starts_with(sig);
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") || starts(b"PK\x07\x08PK\x03\x04") {
        Detected::Zip
    } else if starts(sevenz::SIG) {
        Detected::SevenZ
    } else if starts(rar::RAR5_SIG) {
        Detected::Rar5
    } else if starts(rar::RAR4_SIG) {
        Detected::Rar4
    } else if starts(&[0x1F, 0x8B]) {
        Detected::OtherArchive("gzip")
    } else if starts(b"BZh") {
        Detected::OtherArchive("bzip2")
    } else if starts(&[0xFD, b'7', b'z', b'X', b'Z', 0]) {
        Detected::OtherArchive("xz")
    } else if starts(&[0x28, 0xB5, 0x2F, 0xFD]) {
        Detected::OtherArchive("zstd")
    } else if starts(b"MSCF") {
        Detected::OtherArchive("cab")
    } else if starts(&[0x60, 0xEA]) {
        Detected::OtherArchive("arj")
    } else if head.len() >= 262 && &head[257..262] == b"ustar" {
        Detected::OtherArchive("tar")
    } else if starts(b"%PDF") {
        Detected::NotArchive(Some("документ PDF"))
    } else if starts(&[0xFF, 0xD8, 0xFF]) {
        Detected::NotArchive(Some("картинка JPEG"))
    } else if starts(b"\x89PNG") {
        Detected::NotArchive(Some("картинка PNG"))
    } else if starts(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Detected::NotArchive(Some("документ Word или Excel старого формата"))
    } else {
        Detected::NotArchive(None)
    }
}

/// System files that archivers and file managers add by themselves.
fn is_system_file(path: &str) -> bool {
    let base = name::base_name(path);
    path.split(['/', '\\']).any(|c| c == "__MACOSX")
        || base.eq_ignore_ascii_case(".DS_Store")
        || base.eq_ignore_ascii_case("Thumbs.db")
        || base.eq_ignore_ascii_case("desktop.ini")
}

fn is_unsafe_path(path: &str) -> bool {
    let p = path.replace('\\', "/");
    let b = p.as_bytes();
    p.starts_with('/')
        || (b.len() >= 2 && b[1] == b':' && b[0].is_ascii_alphabetic())
        || p.split('/').any(|c| c == "..")
}

/// «41 943 040», with non-breaking spaces (also the CLI's counts of warnings).
pub fn group_digits(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

fn quote_list(items: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut s: Vec<String> = items.iter().take(SHOWN).map(|e| format!("«{e}»")).collect();
    if items.len() > SHOWN {
        s.push(format!("и ещё {}", items.len() - SHOWN));
    }
    s.join(", ")
}

/// Checks one archive against the rule. Never panics on any input; reads only headers.
pub fn check_archive(rule: &ArchiveRule, name: &str, src: &mut dyn ByteSource) -> ArchiveReport {
    let mut findings: Vec<Reason> = Vec::new();
    let base = name::base_name(name);
    let ext = split_extension(base).1.map(str::to_ascii_lowercase);
    let size = src.len();
    let allowed = rule
        .formats
        .iter()
        .map(|f| format!(".{f}"))
        .collect::<Vec<_>>()
        .join(", ");

    // Format by signature, then the extension.
    let head = read_exact_at(src, 0, size.min(512) as usize).unwrap_or_default();
    let detected = detect(&head);
    let family = match detected {
        Detected::Zip => Some("zip"),
        Detected::SevenZ => Some("7z"),
        Detected::Rar4 | Detected::Rar5 => Some("rar"),
        Detected::OtherArchive(f) => Some(f),
        Detected::NotArchive(_) => None,
    };
    let format_allowed = family.is_some_and(|f| rule.formats.iter().any(|x| x == f));
    match detected {
        Detected::NotArchive(what) => {
            let what = what
                .map(|w| format!(" (похоже, это {w})"))
                .unwrap_or_default();
            findings.push(Reason::new(
                ReasonKind::NotAnArchive,
                format!(
                    "Файл не является архивом{what}. Сложите все документы специалиста в один \
                     архив {allowed} и загрузите архив."
                ),
            ));
        }
        _ if !format_allowed => findings.push(Reason::new(
            ReasonKind::FormatNotAllowed,
            format!(
                "Это архив формата {}, а ФИОКО принимает только {allowed}. Упакуйте документы \
                 заново в архив zip (в Windows: выделите файлы → правая кнопка мыши → «Отправить» \
                 → «Сжатая ZIP-папка»).",
                family.unwrap_or("?")
            ),
        )),
        _ => {
            let family = family.unwrap_or_default();
            match ext.as_deref() {
                Some(e) if e == family => {}
                Some(e) if rule.formats.iter().any(|f| f == e) => findings.push(Reason::new(
                    ReasonKind::ExtensionMismatch,
                    format!(
                        "Файл назван «.{e}», а внутри архив {family}. Переименуйте файл, чтобы \
                         расширение было «.{family}»: иначе его могут не открыть."
                    ),
                )),
                other => findings.push(Reason::new(
                    ReasonKind::FormatNotAllowed,
                    format!(
                        "{} Внутри архив {family}: переименуйте файл, чтобы его имя кончалось на \
                         «.{family}».",
                        match other {
                            Some(e) => format!(
                                "Расширение «.{e}» не подходит: ФИОКО принимает только {allowed}."
                            ),
                            None => format!(
                                "У файла нет расширения, а ФИОКО принимает только {allowed}."
                            ),
                        }
                    ),
                )),
            }
        }
    }

    // Size: reject above the limit; warn in the rule's band below it (the decimal reading).
    let decimal_limit = rule.warn_above_bytes;
    if size > rule.max_size_bytes {
        findings.push(Reason::new(
            ReasonKind::TooLarge,
            format!(
                "Архив весит {}\u{a0}байт, а один архив должен быть не больше {}\u{a0}МБ \
                 ({}\u{a0}байт). Уменьшите сканы: разрешения 150–200\u{a0}точек на дюйм в JPEG \
                 или PDF обычно хватает; документы одного специалиста должны остаться в одном \
                 архиве.",
                group_digits(size),
                rule.max_size_mb,
                group_digits(rule.max_size_bytes)
            ),
        ));
    } else if size > decimal_limit {
        findings.push(Reason::new(
            ReasonKind::SizeOver(decimal_limit),
            format!(
                "Архив принят, но ФИОКО может его не принять. Он весит {}\u{a0}байт: это меньше \
                 {}\u{a0}МБ, если считать мегабайт как 1\u{a0}048\u{a0}576\u{a0}байт, но больше, \
                 если как 1\u{a0}000\u{a0}000\u{a0}байт. Памятка не говорит, как считает ФИОКО. \
                 Чтобы не рисковать, уменьшите архив до {}\u{a0}байт.",
                group_digits(size),
                rule.max_size_mb,
                group_digits(decimal_limit)
            ),
        ));
    }

    // Name.
    let name_check = name::check_name(rule, name);
    findings.extend(name_check.findings);

    // Contents.
    let listing = if format_allowed {
        let r = match detected {
            Detected::Zip => zip::list(src),
            Detected::SevenZ => sevenz::list(src),
            Detected::Rar5 => rar::list5(src),
            Detected::Rar4 => rar::list4(src),
            _ => Err(String::new()),
        };
        match r {
            Ok(l) => Some(l),
            Err(why) => {
                findings.push(Reason::new(ReasonKind::ArchiveDamaged, why));
                None
            }
        }
    } else {
        None
    };

    let mut entries = Vec::new();
    let mut documents = Vec::new();
    if let Some(listing) = &listing {
        if listing.header_encrypted {
            findings.push(Reason::new(
                ReasonKind::Encrypted,
                "Архив защищён паролем (зашифрованы даже имена файлов). ФИОКО не сможет его \
                 открыть: создайте архив заново без пароля.",
            ));
        }
        let unsafe_paths: Vec<String> = listing
            .entries
            .iter()
            .filter(|e| is_unsafe_path(&e.name))
            .map(|e| e.name.clone())
            .collect();
        let files: Vec<&Entry> = listing
            .entries
            .iter()
            .filter(|e| !e.is_dir && !is_system_file(&e.name))
            .collect();
        entries = files.iter().map(|e| e.name.clone()).collect();

        let encrypted: Vec<String> = files
            .iter()
            .filter(|e| e.encrypted)
            .map(|e| e.name.clone())
            .collect();
        if !encrypted.is_empty() && !listing.header_encrypted {
            findings.push(Reason::new(
                ReasonKind::Encrypted,
                format!(
                    "Файлы в архиве защищены паролем: {}. ФИОКО не сможет их открыть: создайте \
                     архив заново без пароля.",
                    quote_list(&encrypted)
                ),
            ));
        }
        let nested: Vec<String> = files
            .iter()
            .filter(|e| {
                documents::extension(&e.name)
                    .is_some_and(|x| name::ARCHIVE_EXTENSIONS.contains(&x.as_str()))
            })
            .map(|e| e.name.clone())
            .collect();
        if !nested.is_empty() {
            findings.push(Reason::new(
                ReasonKind::NestedArchive,
                format!(
                    "В архиве лежит другой архив: {}. Распакуйте его и положите сами документы \
                     прямо в архив специалиста.",
                    quote_list(&nested)
                ),
            ));
        }
        if !unsafe_paths.is_empty() {
            findings.push(Reason::new(
                ReasonKind::UnsafeEntryPath,
                format!(
                    "В архиве есть файлы, которые при распаковке попадут не в ту папку: {}. \
                     Сложите документы в обычную папку, создайте архив из неё заново и \
                     проверьте ещё раз.",
                    quote_list(&unsafe_paths)
                ),
            ));
        }
        let total: u64 = files
            .iter()
            .filter_map(|e| e.unpacked)
            .fold(0u64, u64::saturating_add);
        const MIB: u64 = 1024 * 1024;
        if total > 1024 * MIB || (total > MIB && total / 100 > size) {
            findings.push(Reason::new(
                ReasonKind::SuspiciousCompressionRatio,
                format!(
                    "После распаковки архив займёт {}\u{a0}байт — в {} раз больше, чем сам архив. Сканы \
                     документов так не сжимаются; проверьте, что в архиве только нужные файлы.",
                    group_digits(total),
                    total / size.max(1)
                ),
            ));
        }

        if !listing.header_encrypted {
            for doc in &rule.documents {
                let m = &doc.matcher;
                let wanted = doc.file_name.as_deref();
                // Files that look like the document: by its words, or by the exact name with
                // another extension.
                let by_words: Vec<&&Entry> = files
                    .iter()
                    .filter(|e| {
                        documents::name_matches(m, &e.name)
                            || wanted.is_some_and(|w| documents::has_stem_of(w, &e.name))
                    })
                    .collect();
                let by_ext: Vec<&&Entry> = by_words
                    .iter()
                    .copied()
                    .filter(|e| documents::extension_matches(m, &e.name))
                    .filter(|e| wanted.is_none_or(|w| documents::is_file_named(w, &e.name)))
                    .collect();
                let wants_docx = m
                    .extensions
                    .as_ref()
                    .is_some_and(|x| x.iter().any(|e| e == "docx"));
                let mut chosen = None;
                for e in &by_ext {
                    let is_docx = documents::extension(&e.name).as_deref() == Some("docx");
                    if wants_docx
                        && is_docx
                        && !e.encrypted
                        && zip::probe_docx(src, &e.data) == zip::Docx::Invalid
                    {
                        continue;
                    }
                    chosen = Some(e.name.clone());
                    break;
                }
                // Of the look-alikes, those named as the rule wants (when it names the file).
                let (named, misnamed): (Vec<String>, Vec<String>) = by_words
                    .iter()
                    .map(|e| e.name.clone())
                    .partition(|n| wanted.is_none_or(|w| documents::has_stem_of(w, n)));
                match chosen {
                    Some(entry) => documents.push(DocumentFound {
                        id: doc.id.clone(),
                        entry,
                    }),
                    None if !named.is_empty() && wants_docx => {
                        findings.push(Reason::new(
                            ReasonKind::FormNotValidDocx,
                            format!(
                                "{} — не настоящий файл .docx (например, старый .doc, скан, PDF \
                                 или переименованный файл). Откройте присланную ФИОКО «Форму \
                                 подачи данных для оформления контракта» в Word, заполните и \
                                 сохраните как «Документ Word (*.docx)».",
                                quote_list(&named)
                            ),
                        ));
                    }
                    None => {
                        let message = match wanted {
                            Some(w) if !misnamed.is_empty() => format!(
                                "В архиве нет файла «{w}». Файл {} назван иначе: если это он, \
                                 переименуйте его точно так, как в памятке: «{w}».",
                                quote_list(&misnamed)
                            ),
                            Some(w) => format!(
                                "В архиве нет файла «{w}». Положите его в архив под этим именем."
                            ),
                            None if named.is_empty() => format!(
                                "В архиве не найден документ «{}». Назовите файл так, чтобы в \
                                 имени было слово «{}».",
                                doc.label,
                                m.words.first().cloned().unwrap_or_default()
                            ),
                            None => format!(
                                "В архиве не найден документ «{}». Файлы {} подходят по имени, \
                                 но не по формату: нужен {}.",
                                doc.label,
                                quote_list(&named),
                                m.extensions.as_deref().unwrap_or_default().join(", ")
                            ),
                        };
                        findings.push(Reason::new(
                            ReasonKind::MissingDocument(doc.id.clone()),
                            message,
                        ));
                    }
                }
            }
        }
    }

    // One reason per code, and each message said once.
    let mut kinds: Vec<ReasonKind> = Vec::new();
    let mut messages: Vec<String> = Vec::new();
    findings.retain(|f| {
        if kinds.contains(&f.kind) {
            return false;
        }
        kinds.push(f.kind.clone());
        if messages.contains(&f.message) {
            return false;
        }
        messages.push(f.message.clone());
        true
    });
    let verdict = if findings.iter().any(|f| f.severity() == Severity::Reject) {
        Verdict::Reject
    } else if findings.is_empty() {
        Verdict::Accept
    } else {
        Verdict::Warn
    };
    ArchiveReport {
        file: name.to_string(),
        verdict,
        reasons: findings,
        parsed: name_check.parsed,
        documents,
        entries,
        format: family.map(str::to_string),
    }
}

/// Two or more archives for the same person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicateWarning {
    /// Always `duplicate_person`.
    pub code: String,
    pub person: ParsedName,
    /// The archives' file names, in the order given.
    pub files: Vec<String>,
    /// Russian, saying how to fix it.
    pub message: String,
}

/// Finds people with more than one archive (same region and ФИО, ignoring case and «ё»/«е»),
/// when the rule says one archive per person.
pub fn check_many(rule: &ArchiveRule, reports: &[ArchiveReport]) -> Vec<DuplicateWarning> {
    if !rule.one_archive_per_person {
        return Vec::new();
    }
    let mut groups: Vec<(String, ParsedName, Vec<String>)> = Vec::new();
    for r in reports {
        let Some(p) = &r.parsed else { continue };
        let key = [&p.region, &p.surname, &p.name, &p.patronymic]
            .iter()
            .map(|s| name::fold(s))
            .collect::<Vec<_>>()
            .join("\u{1f}");
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g.2.push(r.file.clone()),
            None => groups.push((key, p.clone(), vec![r.file.clone()])),
        }
    }
    groups
        .into_iter()
        .filter(|g| g.2.len() > 1)
        .map(|(_, person, files)| DuplicateWarning {
            code: "duplicate_person".into(),
            message: format!(
                "Архив: {} {} {} ({}). Таких архивов несколько: {}. Все документы одного \
                 специалиста должны быть в одном архиве: объедините их и оставьте один.",
                person.surname,
                person.name,
                person.patronymic,
                person.region,
                quote_list(&files)
            ),
            person,
            files,
        })
        .collect()
}

#[cfg(test)]
mod tests;
