//! Zip: the end-of-central-directory record and the central directory, nothing else; and the
//! check that a `.docx` inside is a real OOXML package.

use miniz_oxide::inflate::stream::{InflateState, inflate};
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

use super::{
    ByteSource, DAMAGED, DataLoc, Entry, Listing, MULTI_VOLUME, TOO_MANY_FILES, Window, cp866,
    read_exact_at,
};

const EOCD_SIG: &[u8; 4] = b"PK\x05\x06";
const EOCD64_LOCATOR_SIG: &[u8; 4] = b"PK\x06\x07";
const EOCD64_SIG: &[u8; 4] = b"PK\x06\x06";
const CDH_SIG: &[u8; 4] = b"PK\x01\x02";
const LFH_SIG: &[u8; 4] = b"PK\x03\x04";

/// The most a central directory may take before we call the archive damaged.
const MAX_CD_BYTES: u64 = 64 * 1024 * 1024;

fn u16le(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}
fn u32le(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}
fn u64le(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
}

/// Lists a zip archive from its central directory.
pub(crate) fn list(src: &mut dyn ByteSource) -> Result<Listing, String> {
    let len = src.len();
    if len < 22 {
        return Err(DAMAGED.into());
    }
    let tail_len = len.min(22 + 0xFFFF);
    let tail_start = len - tail_len;
    let tail = read_exact_at(src, tail_start, tail_len as usize)?;
    // The last record whose comment ends exactly at the end of the file; failing that, the
    // last record whose comment fits.
    let candidates = (0..=tail.len() - 22)
        .rev()
        .filter(|&i| &tail[i..i + 4] == EOCD_SIG);
    let mut found = None;
    let mut loose = None;
    for i in candidates {
        let end = i + 22 + u16le(&tail, i + 20) as usize;
        if end == tail.len() {
            found = Some(i);
            break;
        }
        if end <= tail.len() && loose.is_none() {
            loose = Some(i);
        }
    }
    let Some(i) = found.or(loose) else {
        return Err(DAMAGED.into());
    };
    let eocd = &tail[i..i + 22];
    let eocd_pos = tail_start + i as u64;
    let (disk, cd_disk) = (u16le(eocd, 4), u16le(eocd, 6));
    let mut total = u16le(eocd, 10) as u64;
    let mut cd_size = u32le(eocd, 12) as u64;
    let mut cd_off = u32le(eocd, 16) as u64;
    let mut cd_limit = eocd_pos;
    if total == 0xFFFF || cd_size == 0xFFFF_FFFF || cd_off == 0xFFFF_FFFF {
        // Zip64: the locator sits right before the record.
        if eocd_pos >= 20 {
            let loc = read_exact_at(src, eocd_pos - 20, 20)?;
            if &loc[0..4] == EOCD64_LOCATOR_SIG {
                let off = u64le(&loc, 8);
                if off.checked_add(56).is_none_or(|e| e > eocd_pos - 20) {
                    return Err(DAMAGED.into());
                }
                let rec = read_exact_at(src, off, 56)?;
                if &rec[0..4] != EOCD64_SIG {
                    return Err(DAMAGED.into());
                }
                total = u64le(&rec, 32);
                cd_size = u64le(&rec, 40);
                cd_off = u64le(&rec, 48);
                cd_limit = off;
            }
        }
    } else if disk != 0 || cd_disk != 0 {
        return Err(MULTI_VOLUME.into());
    }
    if cd_off.checked_add(cd_size).is_none_or(|e| e > cd_limit) {
        return Err(DAMAGED.into());
    }
    if cd_size > MAX_CD_BYTES {
        return Err(TOO_MANY_FILES.into());
    }
    let cd = read_exact_at(src, cd_off, cd_size as usize)?;
    let mut entries = Vec::new();
    let mut p = 0usize;
    while p < cd.len() {
        if cd.len() - p < 46 || &cd[p..p + 4] != CDH_SIG {
            return Err(DAMAGED.into());
        }
        let h = &cd[p..];
        let flags = u16le(h, 8);
        let method = u16le(h, 10);
        let mut csize = u32le(h, 20) as u64;
        let mut usize_ = u32le(h, 24) as u64;
        let (n, m, k) = (
            u16le(h, 28) as usize,
            u16le(h, 30) as usize,
            u16le(h, 32) as usize,
        );
        let ext_attr = u32le(h, 38);
        let mut local = u32le(h, 42) as u64;
        if h.len() < 46 + n + m + k {
            return Err(DAMAGED.into());
        }
        let raw_name = &h[46..46 + n];
        let extra = &h[46 + n..46 + n + m];
        let mut unicode_name = None;
        let mut e = 0usize;
        while e + 4 <= extra.len() {
            let id = u16le(extra, e);
            let size = u16le(extra, e + 2) as usize;
            let Some(data) = extra.get(e + 4..e + 4 + size) else {
                break;
            };
            match id {
                0x0001 => {
                    let mut q = 0;
                    for field in [&mut usize_, &mut csize, &mut local] {
                        if *field == 0xFFFF_FFFF && q + 8 <= data.len() {
                            *field = u64le(data, q);
                            q += 8;
                        }
                    }
                }
                // Info-ZIP Unicode Path: version, CRC-32 of the header's name, UTF-8 name.
                0x7075
                    if data.len() > 5
                        && data[0] == 1
                        && u32le(data, 1) == crc32fast::hash(raw_name) =>
                {
                    unicode_name = std::str::from_utf8(&data[5..]).ok().map(str::to_owned);
                }
                _ => {}
            }
            e += 4 + size;
        }
        let name = unicode_name.unwrap_or_else(|| decode_name(raw_name, flags & 0x0800 != 0));
        let is_dir =
            name.ends_with('/') || name.ends_with('\\') || (ext_attr & 0x10 != 0 && usize_ == 0);
        if csize
            .checked_add(30)
            .and_then(|x| local.checked_add(x))
            .is_none_or(|end| end > cd_off)
        {
            return Err(DAMAGED.into());
        }
        entries.push(Entry {
            name,
            is_dir,
            encrypted: flags & 0x0001 != 0,
            unpacked: Some(usize_),
            data: DataLoc::ZipLocal {
                header: local,
                method,
                csize,
            },
        });
        p += 46 + n + m + k;
    }
    if entries.len() as u64 != total {
        return Err(DAMAGED.into());
    }
    Ok(Listing {
        entries,
        header_encrypted: false,
    })
}

/// A name is UTF-8 when flag bit 11 says so; otherwise Windows wrote it in the OEM code page
/// (CP866 for Russian). Tools that write UTF-8 without the flag are recognised when the bytes
/// are valid UTF-8 with at least one multi-byte character (CP866 Cyrillic almost never is).
fn decode_name(raw: &[u8], utf8_flag: bool) -> String {
    if utf8_flag || raw.is_ascii() {
        return String::from_utf8_lossy(raw).into_owned();
    }
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_owned(),
        Err(_) => cp866::decode(raw),
    }
}

/// What the `.docx` check could tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Docx {
    /// An OOXML package with `word/document.xml`.
    Valid,
    /// Not a zip, or a zip without `word/document.xml`.
    Invalid,
    /// Could not be checked without decompressing more than is reasonable (7z, compressed RAR).
    Unknown,
}

/// Checks a `.docx` whose bytes sit at `loc` in the outer archive.
pub(crate) fn probe_docx(src: &mut dyn ByteSource, loc: &DataLoc) -> Docx {
    match *loc {
        DataLoc::ZipLocal {
            header,
            method,
            csize,
        } => {
            let Ok(h) = read_exact_at(src, header, 30) else {
                return Docx::Unknown;
            };
            if &h[0..4] != LFH_SIG {
                return Docx::Unknown;
            }
            let data = header + 30 + u16le(&h, 26) as u64 + u16le(&h, 28) as u64;
            match method {
                0 => probe_stored(src, data, csize),
                8 => probe_deflated(src, data, csize),
                _ => Docx::Unknown,
            }
        }
        DataLoc::Stored { offset, len } => probe_stored(src, offset, len),
        DataLoc::Unknown => Docx::Unknown,
    }
}

/// A stored `.docx`: read its own central directory in place.
fn probe_stored(src: &mut dyn ByteSource, offset: u64, len: u64) -> Docx {
    if offset.checked_add(len).is_none_or(|e| e > src.len()) {
        return Docx::Unknown;
    }
    match read_exact_at(src, offset, 4.min(len as usize)) {
        Ok(head) if head == LFH_SIG => {}
        _ => return Docx::Invalid,
    }
    let mut window = Window { src, offset, len };
    match list(&mut window) {
        Ok(l) if l.entries.iter().any(|e| e.name == "word/document.xml") => Docx::Valid,
        _ => Docx::Invalid,
    }
}

/// A deflated `.docx`: inflate from its start only until a local header named
/// `word/document.xml` shows up (Word writes it third), keeping a few bytes of output.
fn probe_deflated(src: &mut dyn ByteSource, offset: u64, len: u64) -> Docx {
    const TARGET: &[u8] = b"word/document.xml";
    const CHUNK: u64 = 16 * 1024;
    const MAX_OUT: u64 = 128 * 1024 * 1024;
    if offset.checked_add(len).is_none_or(|e| e > src.len()) {
        return Docx::Unknown;
    }
    let mut state = InflateState::new_boxed(DataFormat::Raw);
    let mut out = vec![0u8; 64 * 1024];
    let mut carry: Vec<u8> = Vec::new();
    let mut total_out = 0u64;
    let mut read = 0u64;
    let mut input: Vec<u8> = Vec::new();
    let mut in_pos = 0usize;
    loop {
        if in_pos == input.len() && read < len {
            let n = CHUNK.min(len - read);
            match read_exact_at(src, offset + read, n as usize) {
                Ok(b) => input = b,
                Err(_) => return Docx::Unknown,
            }
            read += n;
            in_pos = 0;
        }
        let flush = if read == len {
            MZFlush::Finish
        } else {
            MZFlush::None
        };
        let r = inflate(&mut state, &input[in_pos..], &mut out, flush);
        in_pos += r.bytes_consumed;
        if r.bytes_written > 0 {
            let produced = &out[..r.bytes_written];
            if total_out == 0 && !produced.starts_with(&LFH_SIG[..produced.len().min(4)]) {
                return Docx::Invalid;
            }
            total_out += r.bytes_written as u64;
            carry.extend_from_slice(produced);
            let mut i = 0;
            while i + 30 <= carry.len() {
                if &carry[i..i + 4] == LFH_SIG {
                    let n = u16le(&carry, i + 26) as usize;
                    if n == TARGET.len()
                        && i + 30 + n <= carry.len()
                        && &carry[i + 30..i + 30 + n] == TARGET
                    {
                        return Docx::Valid;
                    }
                }
                i += 1;
            }
            let keep = carry.len().min(64);
            carry.drain(..carry.len() - keep);
            if total_out > MAX_OUT {
                return Docx::Unknown;
            }
        }
        match r.status {
            Ok(MZStatus::StreamEnd) => return Docx::Invalid,
            Err(e) if e != MZError::Buf => return Docx::Invalid,
            _ => {}
        }
        if r.bytes_consumed == 0 && r.bytes_written == 0 && !(in_pos == input.len() && read < len) {
            return Docx::Invalid;
        }
    }
}
