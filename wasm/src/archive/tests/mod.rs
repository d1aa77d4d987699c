//! Tests build real archives (zip with the `zip` crate, 7z with `sevenz-rust2`, RAR 5 and
//! RAR 4 by hand from RARLAB's format descriptions) and load a frozen copy of the real rule
//! file (`tests/content.rs` of the builder checks the real one).
//!
//! This file holds what the topic files share: the rule, `check` (and `check_counting`, which
//! counts the bytes read), and the builders of zip, 7z and RAR archives and of the five
//! documents. The tests are by topic: `rule_file` (the rule and the region list), `names`,
//! `required_documents`, `zip_format`, `sevenz_format`, `rar_format`, `limits` (size and
//! compression ratio), `many_archives` (one person twice) and `damage` (damaged and random
//! input).

use std::cell::Cell;
use std::io::{Cursor, Write};
use std::rc::Rc;

use ::zip::CompressionMethod;
use ::zip::write::SimpleFileOptions;

use super::*;

mod damage;
mod limits;
mod many_archives;
mod names;
mod rar_format;
mod required_documents;
mod rule_file;
mod sevenz_format;
mod zip_format;

// A frozen copy in tests/fixtures/ (beside the builder's, and shared with its unit tests): an
// editor's change to content/ must not change what these tests pin.
const RULE_YAML: &str = include_str!("../../../tests/fixtures/fioko/archive-rule.yaml");

fn rule() -> ArchiveRule {
    serde_norway::from_str(RULE_YAML).expect("archive-rule.yaml matches the types")
}

/// Counts the bytes the check reads.
struct Counting {
    bytes: Vec<u8>,
    read: Rc<Cell<u64>>,
}

impl ByteSource for Counting {
    fn len(&self) -> u64 {
        self.bytes.len() as u64
    }
    fn read_at(&mut self, offset: u64, len: usize) -> Result<Vec<u8>, String> {
        self.read.set(self.read.get() + len as u64);
        self.bytes.read_at(offset, len)
    }
}

fn check(name: &str, bytes: &[u8]) -> ArchiveReport {
    let mut src: &[u8] = bytes;
    check_archive(&rule(), name, &mut src)
}

fn check_counting(name: &str, bytes: Vec<u8>) -> (ArchiveReport, u64) {
    let read = Rc::new(Cell::new(0));
    let mut src = Counting {
        bytes,
        read: read.clone(),
    };
    let r = check_archive(&rule(), name, &mut src);
    (r, read.get())
}

const GOOD_NAME: &str = "Алтайский край_Иванов_Сергей_Иванович.zip";

// ---------------------------------------------------------------- builders

fn zip_of(files: &[(&str, &[u8], CompressionMethod)]) -> Vec<u8> {
    let mut w = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data, method) in files {
        if name.ends_with('/') {
            w.add_directory(*name, SimpleFileOptions::default())
                .unwrap();
            continue;
        }
        w.start_file(
            *name,
            SimpleFileOptions::default().compression_method(*method),
        )
        .unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const D: CompressionMethod = CompressionMethod::Deflated;
const S: CompressionMethod = CompressionMethod::Stored;

fn docx_bytes() -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types/>", D),
        ("_rels/.rels", b"<?xml version=\"1.0\"?><Relationships/>", D),
        ("word/document.xml", b"<?xml version=\"1.0\"?><w:document>\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd\xd0\xbe\xd0\xb2</w:document>", D),
        ("word/_rels/document.xml.rels", b"<Relationships/>", D),
    ])
}

/// A legacy Word 97–2003 file starts with the OLE compound-file signature.
fn legacy_doc_bytes() -> Vec<u8> {
    let mut v = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    v.extend(std::iter::repeat_n(0u8, 600));
    v
}

const FORM: &str = "Форма подачи данных для оформления контракта.docx";
const SCAN: &[u8] = b"\xff\xd8\xff\xe0 not really a jpeg but a scan stand-in";

/// The five documents, the form stored or deflated in the outer zip.
fn full_set(form_method: CompressionMethod) -> Vec<(String, Vec<u8>, CompressionMethod)> {
    vec![
        ("Паспорт.jpg".into(), SCAN.to_vec(), D),
        ("Иванов_ИНН.pdf".into(), SCAN.to_vec(), D),
        ("СНИЛС.pdf".into(), SCAN.to_vec(), D),
        ("Банковские реквизиты.pdf".into(), SCAN.to_vec(), D),
        (FORM.into(), docx_bytes(), form_method),
    ]
}

fn zip_owned(files: &[(String, Vec<u8>, CompressionMethod)]) -> Vec<u8> {
    let v: Vec<(&str, &[u8], CompressionMethod)> = files
        .iter()
        .map(|(n, d, m)| (n.as_str(), d.as_slice(), *m))
        .collect();
    zip_of(&v)
}

fn good_zip() -> Vec<u8> {
    zip_owned(&full_set(D))
}

/// Sets the "encrypted" flag bit of one entry, in its local and its central header.
fn set_encrypted(zip: &mut [u8], name: &str) {
    let n = name.as_bytes();
    let mut i = 0;
    while i + 4 <= zip.len() {
        let sig: [u8; 4] = zip[i..i + 4].try_into().unwrap();
        if &sig == b"PK\x03\x04" && zip.get(i + 30..i + 30 + n.len()) == Some(n) {
            zip[i + 6] |= 1;
        }
        if &sig == b"PK\x01\x02" && zip.get(i + 46..i + 46 + n.len()) == Some(n) {
            zip[i + 8] |= 1;
        }
        i += 1;
    }
}

fn replace_all(hay: &mut [u8], from: &[u8], to: &[u8]) -> usize {
    assert_eq!(from.len(), to.len());
    let mut count = 0;
    let mut i = 0;
    while i + from.len() <= hay.len() {
        if &hay[i..i + from.len()] == from {
            hay[i..i + from.len()].copy_from_slice(to);
            count += 1;
            i += from.len();
        } else {
            i += 1;
        }
    }
    count
}

fn seven_z(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = sevenz_rust2::ArchiveWriter::new(Cursor::new(Vec::new())).unwrap();
    for (name, data) in files {
        w.push_archive_entry(sevenz_rust2::ArchiveEntry::new_file(name), Some(*data))
            .unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn seven_z_full() -> Vec<u8> {
    let docx = docx_bytes();
    seven_z(&[
        ("Паспорт.jpg", SCAN),
        ("ИНН.jpg", SCAN),
        ("СНИЛС.jpg", SCAN),
        ("Реквизиты банка.pdf", SCAN),
        (FORM, &docx),
    ])
}

// RAR 5, after «RAR 5.0 archive format» (rarlab.com/technote.htm).
fn vint(mut v: u64) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let b = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return out;
        }
        out.push(b | 0x80);
    }
}

fn rar5_block(kind: u64, specific: &[u8], extra: &[u8], data: &[u8]) -> Vec<u8> {
    let flags = if extra.is_empty() { 0 } else { 1 } | if data.is_empty() { 0 } else { 2 };
    let mut body = vint(kind);
    body.extend(vint(flags));
    if !extra.is_empty() {
        body.extend(vint(extra.len() as u64));
    }
    if !data.is_empty() {
        body.extend(vint(data.len() as u64));
    }
    body.extend_from_slice(specific);
    body.extend_from_slice(extra);
    let mut header = vint(body.len() as u64);
    header.extend(body);
    let mut out = crc32fast::hash(&header).to_le_bytes().to_vec();
    out.extend(header);
    out.extend_from_slice(data);
    out
}

struct Rar5File<'a> {
    name: &'a str,
    data: &'a [u8],
    dir: bool,
    encrypted: bool,
    method: u64,
}

fn rar5_file(name: &str, data: &[u8]) -> Rar5File<'static> {
    // Leak is fine in tests: keeps the builder signature simple.
    Rar5File {
        name: Box::leak(name.to_string().into_boxed_str()),
        data: Box::leak(data.to_vec().into_boxed_slice()),
        dir: false,
        encrypted: false,
        method: 0,
    }
}

fn rar5(files: &[Rar5File]) -> Vec<u8> {
    let mut out = rar::RAR5_SIG.to_vec();
    out.extend(rar5_block(1, &vint(0), &[], &[]));
    for f in files {
        let mut s = vint(if f.dir { 1 } else { 0 } | 0x4); // directory, CRC32 present
        s.extend(vint(f.data.len() as u64));
        s.extend(vint(0x20)); // attributes
        s.extend(crc32fast::hash(f.data).to_le_bytes());
        s.extend(vint(f.method << 7)); // compression info: version 0, method
        s.extend(vint(0)); // host OS: Windows
        s.extend(vint(f.name.len() as u64));
        s.extend_from_slice(f.name.as_bytes());
        let extra = if f.encrypted {
            // File encryption record: type 1, version 0, flags 0, KDF count, salt, IV.
            let mut rec = vint(1);
            rec.extend(vint(0));
            rec.extend(vint(0));
            rec.push(15);
            rec.extend([0u8; 32]);
            let mut e = vint(rec.len() as u64);
            e.extend(rec);
            e
        } else {
            Vec::new()
        };
        out.extend(rar5_block(2, &s, &extra, f.data));
    }
    out.extend(rar5_block(5, &vint(0), &[], &[]));
    out
}

fn rar5_full() -> Vec<u8> {
    let docx = docx_bytes();
    rar5(&[
        Rar5File {
            dir: true,
            ..rar5_file("Документы", b"")
        },
        rar5_file("Документы/Паспорт.jpg", SCAN),
        rar5_file("Документы/ИНН.jpg", SCAN),
        rar5_file("Документы/СНИЛС.jpg", SCAN),
        rar5_file("Документы/Банк.pdf", SCAN),
        rar5_file(&format!("Документы/{FORM}"), &docx),
    ])
}

// RAR 4, after RARLAB's technote.txt for RAR 2.x–4.x.
fn rar4_block(kind: u8, flags: u16, fields: &[u8]) -> Vec<u8> {
    let size = (7 + fields.len()) as u16;
    let mut h = vec![kind];
    h.extend(flags.to_le_bytes());
    h.extend(size.to_le_bytes());
    h.extend_from_slice(fields);
    let crc = (crc32fast::hash(&h) & 0xFFFF) as u16;
    let mut out = crc.to_le_bytes().to_vec();
    out.extend(h);
    out
}

fn rar4(files: &[(&[u8], bool, &[u8])], headers_encrypted: bool) -> Vec<u8> {
    let mut out = rar::RAR4_SIG.to_vec();
    out.extend(rar4_block(
        0x73,
        if headers_encrypted { 0x80 } else { 0 },
        &[0; 6],
    ));
    for (name, unicode, data) in files {
        let mut f = Vec::new();
        f.extend((data.len() as u32).to_le_bytes());
        f.extend((data.len() as u32).to_le_bytes());
        f.push(2); // Windows
        f.extend(crc32fast::hash(data).to_le_bytes());
        f.extend(0u32.to_le_bytes());
        f.push(29);
        f.push(0x30); // stored
        f.extend((name.len() as u16).to_le_bytes());
        f.extend(0x20u32.to_le_bytes());
        f.extend_from_slice(name);
        out.extend(rar4_block(
            0x74,
            0x8000 | if *unicode { 0x200 } else { 0 },
            &f,
        ));
        out.extend_from_slice(data);
    }
    out.extend(rar4_block(0x7B, 0x4000, &[]));
    out
}

fn codes(r: &ArchiveReport) -> Vec<String> {
    r.reasons.iter().map(|x| x.code().into_owned()).collect()
}

/// What holds for every report: each reason has a message, no code comes twice, and the
/// verdict is the one the reasons' severities give.
fn assert_consistent(r: &ArchiveReport) {
    assert!(r.reasons.iter().all(|x| !x.message.is_empty()), "{r:?}");
    let mut all = codes(r);
    all.sort();
    all.dedup();
    assert_eq!(all.len(), r.reasons.len(), "{r:?}");
    let expected = if r.reasons.iter().any(|x| x.severity() == Severity::Reject) {
        Verdict::Reject
    } else if r.reasons.is_empty() {
        Verdict::Accept
    } else {
        Verdict::Warn
    };
    assert_eq!(r.verdict, expected, "{r:?}");
}

fn messages(r: &ArchiveReport) -> Vec<&str> {
    r.reasons.iter().map(|x| x.message.as_str()).collect()
}
