//! 7z: the signature header and the header it points to (decoded with `sevenz-rust2` when it
//! is itself compressed, as 7-Zip writes it). File data is never decompressed.

use std::io::{Read, Seek, SeekFrom};

use sevenz_rust2::{Archive, EncoderMethod, Error, Password};

use super::{
    ByteSource, DAMAGED, DataLoc, Entry, Listing, TOO_MANY_FILES, UNREADABLE, UNSUPPORTED,
    read_exact_at,
};

pub(crate) const SIG: &[u8] = &[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C];

/// The most the header may take before we call the archive damaged.
const MAX_HEADER: u64 = 64 * 1024 * 1024;

/// `Read + Seek` over a [`ByteSource`], reading 64 KiB blocks.
struct Reader<'a> {
    src: &'a mut dyn ByteSource,
    pos: u64,
    cache_at: u64,
    cache: Vec<u8>,
}

impl Read for Reader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let len = self.src.len();
        if self.pos >= len || buf.is_empty() {
            return Ok(0);
        }
        let cached =
            self.pos >= self.cache_at && self.pos < self.cache_at + self.cache.len() as u64;
        if !cached {
            let n = (len - self.pos).min(64 * 1024) as usize;
            self.cache = read_exact_at(self.src, self.pos, n).map_err(std::io::Error::other)?;
            self.cache_at = self.pos;
        }
        let from = (self.pos - self.cache_at) as usize;
        let n = buf.len().min(self.cache.len() - from);
        buf[..n].copy_from_slice(&self.cache[from..from + n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for Reader<'_> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let len = self.src.len() as i128;
        let target = match to {
            SeekFrom::Start(p) => p as i128,
            SeekFrom::End(d) => len + d as i128,
            SeekFrom::Current(d) => self.pos as i128 + d as i128,
        };
        if target < 0 || target > u64::MAX as i128 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "seek out of range",
            ));
        }
        self.pos = target as u64;
        Ok(self.pos)
    }
}

pub(crate) fn list(src: &mut dyn ByteSource) -> Result<Listing, String> {
    let len = src.len();
    if len < 32 {
        return Err(DAMAGED.into());
    }
    let sh = read_exact_at(src, 0, 32)?;
    if sh[6] != 0 {
        return Err(UNSUPPORTED.into());
    }
    let crc = u32::from_le_bytes(sh[8..12].try_into().unwrap());
    if sh[12..32].iter().all(|&b| b == 0) {
        return Err(DAMAGED.into());
    }
    if crc32fast::hash(&sh[12..32]) != crc {
        return Err(DAMAGED.into());
    }
    let next_off = u64::from_le_bytes(sh[12..20].try_into().unwrap());
    let next_size = u64::from_le_bytes(sh[20..28].try_into().unwrap());
    let end = 32u64
        .checked_add(next_off)
        .and_then(|x| x.checked_add(next_size));
    if end.is_none_or(|e| e > len) {
        return Err(DAMAGED.into());
    }
    if next_size > MAX_HEADER {
        return Err(TOO_MANY_FILES.into());
    }
    if next_size == 0 {
        return Ok(Listing {
            entries: Vec::new(),
            header_encrypted: false,
        });
    }
    let mut reader = Reader {
        src,
        pos: 0,
        cache_at: 0,
        cache: Vec::new(),
    };
    let archive = match Archive::read(&mut reader, &Password::empty()) {
        Ok(a) => a,
        Err(Error::PasswordRequired) => {
            return Ok(Listing {
                entries: Vec::new(),
                header_encrypted: true,
            });
        }
        Err(Error::UnsupportedCompressionMethod(m)) if m.to_ascii_uppercase().contains("AES") => {
            return Ok(Listing {
                entries: Vec::new(),
                header_encrypted: true,
            });
        }
        // Russian messages of our own rather than the library's English ones (whose formatting
        // code would also weigh on the browser module).
        Err(Error::Io(..) | Error::FileOpen(..)) => {
            return Err(UNREADABLE.into());
        }
        Err(Error::ChecksumVerificationFailed | Error::NextHeaderCrcMismatch) => {
            return Err(DAMAGED.into());
        }
        Err(Error::UnsupportedCompressionMethod(_)) => {
            return Err(UNSUPPORTED.into());
        }
        Err(_) => return Err(DAMAGED.into()),
    };
    let block_encrypted: Vec<bool> = archive
        .blocks
        .iter()
        .map(|b| {
            b.coders
                .iter()
                .any(|c| c.encoder_method_id() == EncoderMethod::ID_AES256_SHA256)
        })
        .collect();
    let entries = archive
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.is_anti_item)
        .map(|(i, f)| Entry {
            name: f.name.clone(),
            is_dir: f.is_directory,
            encrypted: archive
                .stream_map
                .file_block_index
                .get(i)
                .copied()
                .flatten()
                .and_then(|b| block_encrypted.get(b).copied())
                .unwrap_or(false),
            unpacked: Some(f.size),
            data: DataLoc::Unknown,
        })
        .collect();
    Ok(Listing {
        entries,
        header_encrypted: false,
    })
}
