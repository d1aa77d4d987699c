//! The offline bundle (`offline.zip`): the whole site, both versions, rewritten to open from a
//! USB stick by double-click (`file://`, see `offline.rs` for what the copy of a page changes),
//! in one folder, `pamyatka/`, with the WASM modules inlined as base64 into classic scripts
//! (`checks-<kind>.<hash>.wasm.js`, loaded before the page's own script, which then uses them
//! instead of fetching).
//!
//! Written while the pages render: each run of pages is compressed on the worker that rendered
//! it ([`compress_run`]: libdeflate, whole buffers) and goes into the zip as it is, in run order
//! whatever order the runs finish in (the bundle is the same from build to build); the other
//! files follow at the end ([`Bundle::finish`]). rawzip writes the zip's structure around the
//! compressed bytes. An incremental build takes the entries of the pages it did not re-render
//! and of the other files whose bytes did not change from the previous bundle ([`Previous`],
//! [`Kept`]) instead of compressing them again.

use std::collections::BTreeMap;
use std::io::{Seek, Write};
use std::sync::Mutex;

/// The offline bundle's name, at the output's root.
pub use crate::content::reserved::BUNDLE;

/// Pages per run: each run is rendered and compressed on one worker.
pub const RUN: usize = 32;

/// The folder everything sits in.
const ROOT: &str = "pamyatka";

/// libdeflate's level 1, its fastest: 5 % larger than level 2 (200 memo pages 6.84 → 7.20 MB)
/// for a third less of the build's largest fixed cost (callgrind, 200 memo pages: the whole
/// build 6.05 → 5.49 G instructions). Level 2 gave zlib's level 3 size in about half its time
/// (`cargo bench --bench stages -- deflate`).
const DEFLATE_LEVEL: i32 = 1;

/// Entries are dated as zip's own default has it (1980-01-01): the bundle depends only on the
/// site.
const DATE: i64 = 315_532_800;

/// A run of files, compressed: what goes into the zip as it is.
#[derive(Default)]
pub struct Compressed {
    entries: Vec<Entry>,
}

struct Entry {
    /// Inside the bundle's folder.
    path: String,
    deflated: Vec<u8>,
    crc: u32,
    size: u64,
}

/// One run of files (paths inside the bundle's folder), compressed.
pub fn compress_run<B: AsRef<[u8]>>(run: &[(String, B)]) -> Result<Compressed, String> {
    let mut deflater = Deflater::new();
    let entries = run
        .iter()
        .map(|(path, bytes)| deflater.entry(path, bytes.as_ref()))
        .collect::<Result<_, _>>()?;
    Ok(Compressed { entries })
}

/// A compressor and its buffer, for a run of files.
struct Deflater {
    compressor: libdeflater::Compressor,
    scratch: Vec<u8>,
}

impl Deflater {
    fn new() -> Deflater {
        let level =
            libdeflater::CompressionLvl::new(DEFLATE_LEVEL).expect("a level libdeflate has");
        Deflater {
            compressor: libdeflater::Compressor::new(level),
            scratch: Vec::new(),
        }
    }

    /// The entry of `bytes` at `path` (inside the bundle's folder), compressed.
    fn entry(&mut self, path: &str, bytes: &[u8]) -> Result<Entry, String> {
        let scratch = &mut self.scratch;
        scratch.resize(self.compressor.deflate_compress_bound(bytes.len()), 0);
        let n = self
            .compressor
            .deflate_compress(bytes, scratch)
            .map_err(|e| format!("offline.zip: {path}: {e}"))?;
        Ok(Entry {
            path: path.to_string(),
            deflated: scratch[..n].to_vec(),
            crc: libdeflater::crc32(bytes),
            size: bytes.len() as u64,
        })
    }
}

/// The entries of a previous `offline.zip`, to take as they are into the next one (an
/// incremental build re-compresses only the pages it re-rendered; deflate is deterministic, so
/// an entry taken over is the bytes a clean build would write). Only the zip's directory is
/// read at first; each entry (its local header, then its compressed bytes) is read when it is
/// taken, so the previous bundle is never whole in memory, and it is read from start to end a
/// window at a time: reading the 30 000 local headers of 10 000 memo pages' bundle up front, 30
/// bytes at scattered places, took 1.8 s when the bundle was not in the page cache.
pub struct Previous {
    file: Mutex<Window>,
    /// Path inside the bundle's folder → where its entry is, and what it holds.
    entries: std::collections::HashMap<String, Place>,
}

/// Where an entry of the previous bundle is, by its record in the zip's directory.
#[derive(Clone, Copy)]
struct Place {
    /// The offset of its local header.
    header: u64,
    /// The length of its compressed bytes, which follow the local header.
    deflated: u64,
    crc: u32,
    /// The length of its bytes.
    size: u64,
}

/// A zip's local file header: its signature, then fixed fields up to the lengths of the name
/// and of the extra field (at 26 and 28), which follow it.
const LOCAL_HEADER: u64 = 30;

/// The previous bundle, and the part of it read last (from `from`).
struct Window {
    file: std::fs::File,
    from: u64,
    data: Vec<u8>,
}

/// How much of the previous bundle is read at a time.
const WINDOW: usize = 1 << 20;

impl Previous {
    /// Reads the directory of the bundle at `path`; an error when it is missing or not a zip
    /// pamyatka wrote.
    pub fn read(path: &std::path::Path) -> Result<Previous, String> {
        let error = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
        let file = std::fs::File::open(path).map_err(|e| error(&e))?;
        let mut buffer = vec![0u8; rawzip::RECOMMENDED_BUFFER_SIZE];
        let archive =
            rawzip::ZipArchive::from_file(file.try_clone().map_err(|e| error(&e))?, &mut buffer)
                .map_err(|e| error(&e))?;
        let mut entries = std::collections::HashMap::new();
        let mut list = archive.entries(&mut buffer);
        while let Some(record) = list.next_entry().map_err(|e| error(&e))? {
            let name = String::from_utf8_lossy(record.file_path().as_bytes()).into_owned();
            let Some(inner) = name.strip_prefix(&format!("{ROOT}/")) else {
                continue;
            };
            if record.compression_method() != rawzip::CompressionMethod::DEFLATE {
                return Err(error(&format!("{name}: not deflated")));
            }
            entries.insert(
                inner.to_string(),
                Place {
                    header: record.local_header_offset(),
                    deflated: record.compressed_size_hint(),
                    crc: record.crc32(),
                    size: record.uncompressed_size_hint(),
                },
            );
        }
        Ok(Previous {
            file: Mutex::new(Window {
                file,
                from: 0,
                data: Vec::new(),
            }),
            entries,
        })
    }

    /// `f` of the compressed bytes of the entry at `place`: after its local header, whose
    /// lengths of name and extra field are read from the window; `None` when the file has
    /// them no more.
    fn with_entry<R>(&self, place: Place, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        let fixed_end = place.header.checked_add(LOCAL_HEADER)?;
        let variable = self.with_bytes(place.header, fixed_end, |h| {
            let at = |i: usize| u64::from(u16::from_le_bytes([h[i], h[i + 1]]));
            h.starts_with(b"PK\x03\x04").then(|| at(26) + at(28))
        })??;
        // Offsets from the zip's directory are as the file says: checked, never wrapped.
        let start = fixed_end.checked_add(variable)?;
        self.with_bytes(start, start.checked_add(place.deflated)?, f)
    }

    /// `f` of the compressed bytes from `start` to `end` (lent from the window, not copied);
    /// `None` when the file has them no more. Entries are taken in the order of the file,
    /// mostly: it is read a window at a time.
    fn with_bytes<R>(&self, start: u64, end: u64, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        use std::io::{Read, SeekFrom};
        let len = usize::try_from(end.checked_sub(start)?).ok()?;
        let mut reader = self.file.lock().unwrap_or_else(|e| e.into_inner());
        let Window { file, from, data } = &mut *reader;
        let offset = usize::try_from(start.checked_sub(*from).unwrap_or(u64::MAX)).ok();
        if let Some(bytes) = offset.and_then(|o| data.get(o..o.checked_add(len)?)) {
            return Some(f(bytes));
        }
        let want = len.max(WINDOW);
        data.clear();
        file.seek(SeekFrom::Start(start)).ok()?;
        file.take(want as u64).read_to_end(data).ok()?;
        *from = start;
        data.get(..len).map(f)
    }

    /// Appends the entries at `paths` (inside the bundle's folder) as they were to `zip`,
    /// straight from the previous file's window. `Ok(false)` if one is missing.
    fn append_to<W: Write>(
        &self,
        zip: &mut rawzip::ZipArchiveWriter<W>,
        paths: &[&str],
    ) -> Result<bool, String> {
        for path in paths {
            let Some(&place) = self.entries.get(*path) else {
                return Ok(false);
            };
            let appended = self.with_entry(place, |deflated| {
                append_entry(zip, path, deflated, place.crc, place.size)
            });
            match appended {
                Some(result) => result?,
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// The entries at `paths` (inside the bundle's folder) as they were, or `None` if one is
    /// missing.
    pub fn take(&self, paths: &[&str]) -> Option<Compressed> {
        let entries = paths
            .iter()
            .map(|path| {
                let &place = self.entries.get(*path)?;
                Some(Entry {
                    path: path.to_string(),
                    deflated: self.with_entry(place, <[u8]>::to_vec)?,
                    crc: place.crc,
                    size: place.size,
                })
            })
            .collect::<Option<Vec<Entry>>>()?;
        Some(Compressed { entries })
    }

    /// Whether the entry at `path` (inside the bundle's folder) holds `bytes` (its size and
    /// CRC-32 say so).
    fn holds(&self, path: &str, bytes: &[u8]) -> bool {
        self.entries.get(path).is_some_and(|place| {
            place.size == bytes.len() as u64 && place.crc == libdeflater::crc32(bytes)
        })
    }
}

/// The entries of the previous bundle [`Bundle::finish`] may take as they are rather than
/// compress again (an incremental build): those of the files (by their path in the output)
/// whose bytes are the ones that bundle was written with (their digest is the one the build
/// cache has; and the entry's size and CRC-32 agree), and those of the files whose bytes the
/// build did not make again (`not_held`: the previous build's files as they are), which must
/// be there.
pub struct Kept<'a> {
    pub previous: &'a Previous,
    pub unchanged: std::collections::HashSet<&'a str>,
    pub not_held: &'a std::collections::HashSet<String>,
}

/// A file for the bundle: its path inside the bundle's folder, its bytes there, and whether
/// the previous bundle's entry may be taken (see [`Kept`]).
type Bundled<'a> = (String, std::borrow::Cow<'a, [u8]>, bool);

/// An entry of [`Bundle::finish`]'s files: compressed now, or the previous bundle's (by path).
enum Item {
    New(Entry),
    Previous(String),
}

/// Runs of files compressed in parallel (deflate is the costly part); an unchanged file's
/// entry is the previous bundle's instead, when it holds the same bytes (or the file's bytes
/// were not made again: `not_held`).
fn compress_runs(entries: &[Bundled<'_>], kept: Option<&Kept<'_>>) -> Result<Vec<Item>, String> {
    use rayon::prelude::*;
    let runs: Vec<Vec<Item>> = entries
        .par_chunks(RUN)
        .map(|run| {
            let mut deflater = Deflater::new();
            run.iter()
                .map(|(path, bytes, unchanged)| {
                    let previous = kept.filter(|_| *unchanged);
                    match previous {
                        Some(k) if k.not_held.contains(path) => Ok(Item::Previous(path.clone())),
                        Some(k) if k.previous.holds(path, bytes) => {
                            Ok(Item::Previous(path.clone()))
                        }
                        _ => deflater.entry(path, bytes).map(Item::New),
                    }
                })
                .collect::<Result<_, _>>()
        })
        .collect::<Result<_, String>>()?;
    Ok(runs.into_iter().flatten().collect())
}

/// `offline.zip`, written as the runs arrive (see the module's text). Only the runs that
/// finished ahead of an earlier one wait in memory.
pub struct Bundle<W: Write + Seek> {
    state: Mutex<BundleState<W>>,
}

struct BundleState<W: Write> {
    zip: rawzip::ZipArchiveWriter<W>,
    /// The run that goes in next, and the runs that finished before it.
    next: usize,
    waiting: BTreeMap<usize, Compressed>,
    error: Option<String>,
}

impl<W: Write + Seek> Bundle<W> {
    /// Starts the bundle in `out` with its README.
    pub fn new(out: W) -> Result<Self, String> {
        let mut zip = rawzip::ZipArchiveWriter::new(out);
        append(
            &mut zip,
            compress_run(&[("README.txt".to_string(), README.as_bytes())])?,
        )?;
        Ok(Bundle {
            state: Mutex::new(BundleState {
                zip,
                next: 0,
                waiting: BTreeMap::new(),
                error: None,
            }),
        })
    }

    /// Run number `index` (from 0, every number once), compressed.
    pub fn add_run(&self, index: usize, part: Compressed) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.waiting.insert(index, part);
        drop(state);
        self.add_run_waiting();
    }

    /// Run number `index`: the entries at `paths` of the `previous` bundle, as they were.
    /// Straight from the previous file when the run goes in now (every run before it is in),
    /// else taken into memory to wait for its turn. `Ok(false)` if an entry is missing.
    pub fn add_previous(
        &self,
        index: usize,
        previous: &Previous,
        paths: &[&str],
    ) -> Result<bool, String> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.next != index {
            drop(state);
            let Some(part) = previous.take(paths) else {
                return Ok(false);
            };
            self.add_run(index, part);
            return Ok(true);
        }
        if let Some(e) = &state.error {
            return Err(e.clone());
        }
        if !previous.append_to(&mut state.zip, paths)? {
            return Ok(false);
        }
        state.next += 1;
        drop(state);
        // The runs that were waiting for this one.
        self.add_run_waiting();
        Ok(true)
    }

    /// Puts in the runs that wait and whose turn it is.
    fn add_run_waiting(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let next = state.next;
            let Some(part) = state.waiting.remove(&next) else {
                break;
            };
            state.next += 1;
            if state.error.is_none()
                && let Err(e) = append(&mut state.zip, part)
            {
                state.error = Some(e);
            }
        }
    }

    /// Adds the other files and finishes the zip; returns its size. `runs` is how many runs
    /// there were: all of them must have been added. `kept`: the entries of the previous
    /// bundle that may be taken as they are.
    /// `web_only` files are left out (the images' widths but the mid one).
    pub fn finish(
        self,
        runs: usize,
        files: &[(String, Vec<u8>)],
        web_only: &std::collections::HashSet<String>,
        kept: Option<&Kept<'_>>,
    ) -> Result<u64, String> {
        use base64::Engine as _;

        let state = self.state.into_inner().unwrap_or_else(|e| e.into_inner());
        if let Some(e) = state.error {
            return Err(e);
        }
        if state.next != runs || !state.waiting.is_empty() {
            return Err(crate::tr!(
                "offline-runs-missing",
                added = state.next.to_string(),
                runs = runs.to_string()
            ));
        }
        let mut zip = state.zip;
        // The files as they are, but the modules, which become scripts.
        let mut entries: Vec<Bundled<'_>> = Vec::new();
        for (path, bytes) in files {
            if NOT_BUNDLED.contains(&path.as_str()) || web_only.contains(path) {
                continue;
            }
            let unchanged = kept.is_some_and(|k| k.unchanged.contains(path.as_str()));
            if let Some(kind) = wasm_kind(path) {
                // The module as a classic script (the .wasm file itself is not needed) that
                // leaves its bytes in `PAMYATKA_WASM[kind]`, ready for the glue's `initSync`.
                let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
                let js = format!(
                    "// {path}, inlined for file:// (generated by pamyatka build)\n\
                     window.PAMYATKA_WASM = window.PAMYATKA_WASM || {{}};\n\
                     window.PAMYATKA_WASM[\"{kind}\"] = (function (b64) {{\n\
                     \x20 var bin = atob(b64), bytes = new Uint8Array(bin.length);\n\
                     \x20 for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);\n\
                     \x20 return bytes;\n\
                     }})(\"{b64}\");\n"
                );
                entries.push((format!("{path}.js"), js.into_bytes().into(), unchanged));
                continue;
            }
            entries.push((path.clone(), bytes.as_slice().into(), unchanged));
        }
        let others = compress_runs(&entries, kept)?;
        drop(entries);
        for item in others {
            match item {
                Item::New(e) => append_entry(&mut zip, &e.path, &e.deflated, e.crc, e.size)?,
                Item::Previous(path) => {
                    let previous = kept.map(|k| k.previous).expect("only with a previous");
                    if !previous.append_to(&mut zip, &[&path])? {
                        return Err(format!("offline.zip: {path}: not in the previous bundle"));
                    }
                }
            }
        }
        let mut out = zip.finish().map_err(|e| format!("offline.zip: {e}"))?;
        out.flush().map_err(|e| format!("offline.zip: {e}"))?;
        out.stream_position()
            .map_err(|e| format!("offline.zip: {e}"))
    }
}

/// Writes a compressed run into the zip as it is.
fn append<W: Write>(zip: &mut rawzip::ZipArchiveWriter<W>, part: Compressed) -> Result<(), String> {
    for e in part.entries {
        append_entry(zip, &e.path, &e.deflated, e.crc, e.size)?;
    }
    Ok(())
}

/// Writes one compressed entry (`path` inside the bundle's folder) into the zip as it is.
fn append_entry<W: Write>(
    zip: &mut rawzip::ZipArchiveWriter<W>,
    path: &str,
    deflated: &[u8],
    crc: u32,
    size: u64,
) -> Result<(), String> {
    let name = format!("{ROOT}/{path}");
    let error = |err: &dyn std::fmt::Display| format!("offline.zip: {name}: {err}");
    let (mut entry, _) = zip
        .new_file(name.as_str())
        .compression_method(rawzip::CompressionMethod::DEFLATE)
        .last_modified(rawzip::time::UtcDateTime::from_unix(DATE))
        .unix_permissions(0o100644)
        .start()
        .map_err(|err| error(&err))?;
    entry.write_all(deflated).map_err(|err| error(&err))?;
    entry
        .finish(rawzip::DataDescriptorOutput::new(crc, size))
        .map_err(|err| error(&err))?;
    Ok(())
}

/// Not in the bundle: server-only files, the worker (no service workers on file://), the
/// 404 page (its URLs are site-absolute), and the bundle itself.
const NOT_BUNDLED: &[&str] = &[
    "offline.zip",
    "sitemap.xml",
    "_headers",
    "sw.js",
    "404.html",
];

const README: &str = "Памятки: информационные системы образования — копия сайта для работы без интернета.\r\n\
\r\n\
Как открыть: распакуйте архив (например, на флешку или в папку «Документы»), откройте папку\r\n\
pamyatka и дважды щёлкните файл index.html. Сайт откроется в браузере; интернет не нужен.\r\n\
Версия для слабовидящих: папка lv, файл index.html (или ссылка в начале каждой страницы).\r\n\
\r\n\
Отметки в чек-листах браузер хранит на этом компьютере. Проверка архивов и расчёт сроков\r\n\
работают прямо на странице: файлы никуда не отправляются.\r\n";

/// `assets/checks-archive.1a2b3c4d5e.wasm` → `archive`.
fn wasm_kind(path: &str) -> Option<&str> {
    let name = path.strip_prefix("assets/checks-")?;
    name.strip_suffix(".wasm")?;
    name.split('.').next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offline::for_file_url_bytes;

    #[test]
    fn runs_go_in_in_order_whenever_they_finish() {
        let run =
            |name: &str| compress_run(&[(name.to_string(), name.as_bytes().to_vec())]).unwrap();
        let mut out = std::io::Cursor::new(Vec::new());
        let bundle = Bundle::new(&mut out).unwrap();
        bundle.add_run(2, run("c.html"));
        bundle.add_run(0, run("a.html"));
        bundle.add_run(1, run("b.html"));
        bundle.finish(3, &[], &Default::default(), None).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out.into_inner())).unwrap();
        let names: Vec<String> = (0..zip.len())
            .map(|i| zip.by_index(i).unwrap().name().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "pamyatka/README.txt",
                "pamyatka/a.html",
                "pamyatka/b.html",
                "pamyatka/c.html"
            ]
        );

        let mut out = std::io::Cursor::new(Vec::new());
        let bundle = Bundle::new(&mut out).unwrap();
        bundle.add_run(1, run("b.html"));
        assert!(
            bundle.finish(2, &[], &Default::default(), None).is_err(),
            "a run missing"
        );
    }

    /// Entries are read back in any order (each read fills a window from its entry on).
    #[test]
    fn previous_entries_are_taken_in_any_order() {
        let dir = tempfile::tempdir().unwrap();
        let page = |name: &str| (name.to_string(), name.repeat(1000).into_bytes());
        let pages = [page("a.html"), page("b.html"), page("c.html")];
        let mut out = std::io::Cursor::new(Vec::new());
        let bundle = Bundle::new(&mut out).unwrap();
        for (i, p) in pages.iter().enumerate() {
            bundle.add_run(i, compress_run(std::slice::from_ref(p)).unwrap());
        }
        bundle
            .finish(pages.len(), &[], &Default::default(), None)
            .unwrap();
        std::fs::write(dir.path().join("offline.zip"), out.into_inner()).unwrap();
        let previous = Previous::read(&dir.path().join("offline.zip")).unwrap();
        for name in ["c.html", "a.html", "b.html", "b.html", "a.html"] {
            let taken = previous.take(&[name]).unwrap().entries.remove(0);
            let made = compress_run(&[page(name)]).unwrap().entries.remove(0);
            assert_eq!(
                (taken.deflated, taken.crc, taken.size),
                (made.deflated, made.crc, made.size),
                "{name}"
            );
        }
        assert!(previous.take(&["a.html", "d.html"]).is_none());

        // An entry whose local header is not one (the bundle changed since its directory was
        // read): not taken.
        let path = dir.path().join("offline.zip");
        let mut bytes = std::fs::read(&path).unwrap();
        let b = previous.entries["b.html"].header as usize;
        assert_eq!(&bytes[b..b + 4], b"PK\x03\x04");
        bytes[b] = b'X';
        std::fs::write(&path, &bytes).unwrap();
        let mut previous = Previous::read(&path).unwrap();
        assert!(previous.take(&["a.html"]).is_some());
        assert!(previous.take(&["b.html"]).is_none());
        // A directory that places an entry past the end of any file: not taken, no overflow.
        previous.entries.get_mut("a.html").unwrap().header = u64::MAX - 10;
        assert!(previous.take(&["a.html"]).is_none());
    }

    /// Runs taken from the previous bundle, straight or (out of turn) through memory, among
    /// runs compressed again in any order, make the bundle a clean build makes.
    #[test]
    fn previous_runs_go_in_as_compressed_ones_would() {
        let dir = tempfile::tempdir().unwrap();
        let page = |name: &str| (name.to_string(), name.repeat(1000).into_bytes());
        let names = ["a.html", "b.html", "c.html", "d.html"];
        let run = |i: usize| compress_run(&[page(names[i])]).unwrap();
        let clean = {
            let mut out = std::io::Cursor::new(Vec::new());
            let bundle = Bundle::new(&mut out).unwrap();
            for i in 0..names.len() {
                bundle.add_run(i, run(i));
            }
            bundle
                .finish(names.len(), &[], &Default::default(), None)
                .unwrap();
            out.into_inner()
        };
        std::fs::write(dir.path().join("offline.zip"), &clean).unwrap();
        let previous = Previous::read(&dir.path().join("offline.zip")).unwrap();
        // (run, from the previous bundle?) in the order they are added.
        let orders: [&[(usize, bool)]; 3] = [
            &[(0, true), (1, true), (2, true), (3, true)],
            &[(3, false), (0, true), (2, true), (1, false)],
            &[(1, true), (2, false), (0, false), (3, true)],
        ];
        for order in orders {
            let mut out = std::io::Cursor::new(Vec::new());
            let bundle = Bundle::new(&mut out).unwrap();
            for &(i, kept) in order {
                if kept {
                    assert_eq!(bundle.add_previous(i, &previous, &[names[i]]), Ok(true));
                } else {
                    bundle.add_run(i, run(i));
                }
            }
            bundle
                .finish(names.len(), &[], &Default::default(), None)
                .unwrap();
            assert!(out.into_inner() == clean, "{order:?}");
        }
        let mut out = std::io::Cursor::new(Vec::new());
        let bundle = Bundle::new(&mut out).unwrap();
        assert_eq!(bundle.add_previous(0, &previous, &["e.html"]), Ok(false));
        assert_eq!(bundle.add_previous(1, &previous, &["e.html"]), Ok(false));
    }

    /// The bundle made with unchanged files' entries taken from the previous one is the one
    /// made by compressing them; an entry whose bytes differ after all is not taken.
    #[test]
    fn unchanged_files_are_taken_from_the_previous_bundle() {
        let dir = tempfile::tempdir().unwrap();
        let make = |files: &[(String, Vec<u8>)], kept: Option<&Kept<'_>>| {
            let mut out = std::io::Cursor::new(Vec::new());
            Bundle::new(&mut out)
                .unwrap()
                .finish(0, files, &Default::default(), kept)
                .unwrap();
            out.into_inner()
        };
        let file = |path: &str, text: &str| (path.to_string(), text.as_bytes().to_vec());
        let before = [file("a.css", "body{}"), file("b.js", "let b = 1;")];
        std::fs::write(dir.path().join("offline.zip"), make(&before, None)).unwrap();
        let previous = Previous::read(&dir.path().join("offline.zip")).unwrap();
        let now = [file("a.css", "body{}"), file("b.js", "let b = 2;")];
        let kept = Kept {
            previous: &previous,
            // b.js said unchanged by mistake: its size and CRC-32 give it away.
            unchanged: ["a.css", "b.js"].into_iter().collect(),
            not_held: &Default::default(),
        };
        assert_eq!(make(&now, Some(&kept)), make(&now, None));
        assert!(previous.holds("a.css", b"body{}"));
        assert!(!previous.holds("b.js", b"let b = 2;"));
        // A file whose bytes were not made again is the previous entry as it is.
        let not_held = ["a.css".to_string()].into_iter().collect();
        let kept = Kept {
            previous: &previous,
            unchanged: ["a.css"].into_iter().collect(),
            not_held: &not_held,
        };
        let without = [file("a.css", ""), file("b.js", "let b = 2;")];
        assert_eq!(make(&without, Some(&kept)), make(&now, None));
    }

    #[test]
    fn modules_are_inlined_and_the_folder_is_complete() {
        let page = for_file_url_bytes(b"<a href=\"esia/\">x</a>").unwrap();
        let part = compress_run(&[("index.html".to_string(), page)]).unwrap();
        let files = vec![
            (
                "assets/checks-archive.0a.wasm".to_string(),
                vec![0, 97, 115, 109],
            ),
            ("assets/style.1.css".to_string(), b"body{}".to_vec()),
            ("sw.js".to_string(), b"x".to_vec()),
            ("404.html".to_string(), b"x".to_vec()),
        ];
        let mut out = std::io::Cursor::new(Vec::new());
        let bundle = Bundle::new(&mut out).unwrap();
        bundle.add_run(0, part);
        let size = bundle.finish(1, &files, &Default::default(), None).unwrap();
        let bytes = out.into_inner();
        assert_eq!(size, bytes.len() as u64);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut names: Vec<String> = zip.file_names().map(String::from).collect();
        names.sort();
        assert_eq!(
            names,
            [
                "pamyatka/README.txt",
                "pamyatka/assets/checks-archive.0a.wasm.js",
                "pamyatka/assets/style.1.css",
                "pamyatka/index.html",
            ]
        );
        let mut js = String::new();
        std::io::Read::read_to_string(
            &mut zip
                .by_name("pamyatka/assets/checks-archive.0a.wasm.js")
                .unwrap(),
            &mut js,
        )
        .unwrap();
        assert!(
            js.contains("window.PAMYATKA_WASM[\"archive\"] = (function (b64) {")
                && js.ends_with("})(\"AGFzbQ==\");\n"),
            "{js}"
        );
        let mut index = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("pamyatka/index.html").unwrap(), &mut index)
            .unwrap();
        assert_eq!(index, "<a href=\"esia/index.html\">x</a>");
    }
}
