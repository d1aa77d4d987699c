//! RAR: block headers only, RAR 5 and RAR 4 (the formats documented by RARLAB in
//! «RAR 5.0 archive format» and the RAR 4 `technote.txt`). File data is skipped by its size.

use super::{ByteSource, DAMAGED, DataLoc, Entry, Listing, TOO_MANY_FILES, cp866, read_exact_at};

pub(crate) const RAR5_SIG: &[u8] = b"Rar!\x1a\x07\x01\x00";
pub(crate) const RAR4_SIG: &[u8] = b"Rar!\x1a\x07\x00";

/// RAR 5 limits a header to 2 MB.
const MAX_HEADER: u64 = 2 * 1024 * 1024;
/// More blocks than this is not a document package.
const MAX_BLOCKS: usize = 100_000;

/// A RAR 5 variable-length integer: 7 bits per byte, low bits first.
fn vint(b: &[u8], pos: &mut usize) -> Result<u64, String> {
    let mut v = 0u64;
    for i in 0..10 {
        let Some(&byte) = b.get(*pos) else {
            return Err(DAMAGED.into());
        };
        *pos += 1;
        v |= ((byte & 0x7F) as u64) << (7 * i);
        if byte & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err(DAMAGED.into())
}

pub(crate) fn list5(src: &mut dyn ByteSource) -> Result<Listing, String> {
    let len = src.len();
    let mut pos = RAR5_SIG.len() as u64;
    let mut entries = Vec::new();
    for _ in 0..MAX_BLOCKS {
        if pos == len {
            return Err(DAMAGED.into());
        }
        // CRC32, then the header size as a vint of at most 3 bytes (2 MB).
        let probe = read_exact_at(src, pos, (len - pos).min(7) as usize)?;
        if probe.len() < 5 {
            return Err(DAMAGED.into());
        }
        let mut p = 4usize;
        let size = vint(&probe, &mut p)?;
        if size == 0 || size > MAX_HEADER {
            return Err(DAMAGED.into());
        }
        let header_end = pos + p as u64 + size;
        if header_end > len {
            return Err(DAMAGED.into());
        }
        let block = read_exact_at(src, pos, (header_end - pos) as usize)?;
        let crc = u32::from_le_bytes(block[0..4].try_into().unwrap());
        if crc32fast::hash(&block[4..]) != crc {
            return Err(DAMAGED.into());
        }
        let h = &block[p..];
        let mut q = 0usize;
        let kind = vint(h, &mut q)?;
        let flags = vint(h, &mut q)?;
        let extra_size = if flags & 0x1 != 0 {
            vint(h, &mut q)?
        } else {
            0
        };
        let data_size = if flags & 0x2 != 0 {
            vint(h, &mut q)?
        } else {
            0
        };
        let data_start = header_end;
        let next = data_start.checked_add(data_size).ok_or(DAMAGED)?;
        if next > len {
            return Err(DAMAGED.into());
        }
        let extra_start = (h.len() as u64).checked_sub(extra_size).ok_or(DAMAGED)? as usize;
        match kind {
            // Archive encryption header: every header after it is encrypted.
            4 => {
                return Ok(Listing {
                    entries,
                    header_encrypted: true,
                });
            }
            // End of archive.
            5 => {
                return Ok(Listing {
                    entries,
                    header_encrypted: false,
                });
            }
            2 => {
                let file_flags = vint(h, &mut q)?;
                let unpacked = vint(h, &mut q)?;
                let _attributes = vint(h, &mut q)?;
                if file_flags & 0x2 != 0 {
                    q += 4;
                }
                if file_flags & 0x4 != 0 {
                    q += 4;
                }
                let compression = vint(h, &mut q)?;
                let _host_os = vint(h, &mut q)?;
                let name_len = vint(h, &mut q)? as usize;
                let name = h
                    .get(q..q.saturating_add(name_len))
                    .filter(|_| q.saturating_add(name_len) <= extra_start)
                    .ok_or(DAMAGED)?;
                let name = String::from_utf8_lossy(name).into_owned();
                // Extra records: size, type, data; type 1 is file encryption.
                let mut encrypted = false;
                let extra = &h[extra_start..];
                let mut e = 0usize;
                while e < extra.len() {
                    let rec_size = vint(extra, &mut e)? as usize;
                    let rec_start = e;
                    let rec_type = vint(extra, &mut e)?;
                    if rec_type == 0x01 {
                        encrypted = true;
                    }
                    e = rec_start.checked_add(rec_size).ok_or(DAMAGED)?;
                }
                let stored = (compression >> 7) & 0x7 == 0;
                entries.push(Entry {
                    name,
                    is_dir: file_flags & 0x1 != 0,
                    encrypted,
                    unpacked: (file_flags & 0x8 == 0).then_some(unpacked),
                    data: if stored && !encrypted && flags & 0x18 == 0 {
                        DataLoc::Stored {
                            offset: data_start,
                            len: data_size,
                        }
                    } else {
                        DataLoc::Unknown
                    },
                });
            }
            // Main archive header (1), service headers (3) and unknown blocks: skip.
            _ => {}
        }
        pos = next;
    }
    Err(TOO_MANY_FILES.into())
}

fn u16le(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}
fn u32le(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

pub(crate) fn list4(src: &mut dyn ByteSource) -> Result<Listing, String> {
    let len = src.len();
    let mut pos = RAR4_SIG.len() as u64;
    let mut entries = Vec::new();
    for _ in 0..MAX_BLOCKS {
        if pos == len {
            // Archivers before RAR 3 did not always write an end-of-archive block.
            return Ok(Listing {
                entries,
                header_encrypted: false,
            });
        }
        if len - pos < 7 {
            return Err(DAMAGED.into());
        }
        let head = read_exact_at(src, pos, 7)?;
        let crc = u16le(&head, 0);
        let kind = head[2];
        let flags = u16le(&head, 3);
        let size = u16le(&head, 5) as u64;
        if size < 7 {
            return Err(DAMAGED.into());
        }
        if pos + size > len {
            return Err(DAMAGED.into());
        }
        let h = read_exact_at(src, pos, size as usize)?;
        let check = matches!(kind, 0x73 | 0x74);
        if check && (crc32fast::hash(&h[2..]) & 0xFFFF) as u16 != crc {
            return Err(DAMAGED.into());
        }
        let add_size = if kind == 0x74 {
            if h.len() < 32 {
                return Err(DAMAGED.into());
            }
            let mut packed = u32le(&h, 7) as u64;
            if flags & 0x100 != 0 && h.len() >= 40 {
                packed |= (u32le(&h, 32) as u64) << 32;
            }
            packed
        } else if flags & 0x8000 != 0 {
            if h.len() < 11 {
                return Err(DAMAGED.into());
            }
            u32le(&h, 7) as u64
        } else {
            0
        };
        let data_start = pos + size;
        let next = data_start.checked_add(add_size).ok_or(DAMAGED)?;
        if next > len {
            return Err(DAMAGED.into());
        }
        match kind {
            0x73 if flags & 0x0080 != 0 => {
                return Ok(Listing {
                    entries,
                    header_encrypted: true,
                });
            }
            0x7B => {
                return Ok(Listing {
                    entries,
                    header_encrypted: false,
                });
            }
            0x74 => {
                let mut unpacked = u32le(&h, 11) as u64;
                let method = h[25];
                let name_size = u16le(&h, 26) as usize;
                let attr = u32le(&h, 28);
                let mut name_at = 32;
                if flags & 0x100 != 0 {
                    if h.len() < 40 {
                        return Err(DAMAGED.into());
                    }
                    unpacked |= (u32le(&h, 36) as u64) << 32;
                    name_at = 40;
                }
                let raw = h.get(name_at..name_at + name_size).ok_or(DAMAGED)?;
                let name = decode_name4(raw, flags & 0x200 != 0).replace('\\', "/");
                let encrypted = flags & 0x04 != 0;
                let is_dir = flags & 0xE0 == 0xE0 || (h[15] == 2 && attr & 0x10 != 0);
                entries.push(Entry {
                    name,
                    is_dir,
                    encrypted,
                    unpacked: Some(unpacked),
                    data: if method == 0x30 && !encrypted && flags & 0x03 == 0 {
                        DataLoc::Stored {
                            offset: data_start,
                            len: add_size,
                        }
                    } else {
                        DataLoc::Unknown
                    },
                });
            }
            _ => {}
        }
        pos = next;
    }
    Err(TOO_MANY_FILES.into())
}

/// RAR 4 names: with the Unicode flag, either plain UTF-8 or an OEM name, a zero byte and
/// RARLAB's compact Unicode encoding; without it, the OEM code page (CP866 for Russian).
fn decode_name4(raw: &[u8], unicode: bool) -> String {
    if !unicode {
        return cp866::decode(raw);
    }
    match raw.iter().position(|&b| b == 0) {
        None => String::from_utf8_lossy(raw).into_owned(),
        Some(z) => decode_rar_unicode(&raw[..z], &raw[z + 1..]),
    }
}

/// RARLAB's `EncodeFileName::Decode`.
fn decode_rar_unicode(name: &[u8], enc: &[u8]) -> String {
    let mut out: Vec<u16> = Vec::new();
    let mut ep = 0usize;
    let high = match enc.first() {
        Some(&b) => {
            ep = 1;
            b as u16
        }
        None => 0,
    };
    let mut flags = 0u8;
    let mut flag_bits = 0u32;
    let max = 1024usize;
    while ep < enc.len() && out.len() < max {
        if flag_bits == 0 {
            flags = enc[ep];
            ep += 1;
            flag_bits = 8;
        }
        match flags >> 6 {
            0 => {
                let Some(&b) = enc.get(ep) else { break };
                out.push(b as u16);
                ep += 1;
            }
            1 => {
                let Some(&b) = enc.get(ep) else { break };
                out.push(b as u16 + (high << 8));
                ep += 1;
            }
            2 => {
                if ep + 1 >= enc.len() {
                    break;
                }
                out.push(enc[ep] as u16 | ((enc[ep + 1] as u16) << 8));
                ep += 2;
            }
            _ => {
                let Some(&l) = enc.get(ep) else { break };
                ep += 1;
                if l & 0x80 != 0 {
                    let Some(&corr) = enc.get(ep) else { break };
                    ep += 1;
                    for _ in 0..(l & 0x7F) as usize + 2 {
                        let Some(&c) = name.get(out.len()) else { break };
                        out.push((c.wrapping_add(corr) as u16) + (high << 8));
                    }
                } else {
                    for _ in 0..l as usize + 2 {
                        let Some(&c) = name.get(out.len()) else { break };
                        out.push(c as u16);
                    }
                }
            }
        }
        flags <<= 2;
        flag_bits -= 2;
    }
    String::from_utf16_lossy(&out)
}

#[cfg(test)]
pub(crate) fn tests_decode_rar_unicode(name: &[u8], enc: &[u8]) -> String {
    decode_rar_unicode(name, enc)
}
