//! The search index's pieces as bytes, written straight from the documents' JSON and the sorted
//! postings: what `pamyatka_checks::search::SearchIndex::shard` and serde_json would write (a
//! term shard `{"terms":[["stem",[doc,score,…]],…]}` with each doc the difference from the one
//! before, a document chunk `{"first":n,"docs":[…]}`, the manifest), cut at the same places,
//! each as a JavaScript string literal in a classic script (`search_index.rs`).
//!
//! Each term and each document is encoded once: its JSON's length is what the cut counts, and
//! the JSON goes into its piece as it is. The documents' JSON is made when a page is read for
//! the index and kept in the build cache as bytes ([`Bytes`]), so a rebuild neither decodes nor
//! encodes the text of the pages it did not re-render. The tests hold the bytes to those of
//! the checks crate's sharding and serde_json, on texts with every kind of escape.

use pamyatka_checks::search::Manifest;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Bytes kept in the build cache as they are: postcard writes a length and the bytes (not one
/// number a byte), and reads them back with no UTF-8 check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bytes(pub Box<[u8]>);

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Bytes, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Bytes;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.into()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes(v.into_boxed_slice()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Bytes, A::Error> {
                let mut v = Vec::new();
                while let Some(b) = seq.next_element()? {
                    v.push(b);
                }
                Ok(Bytes(v.into_boxed_slice()))
            }
        }
        d.deserialize_byte_buf(Visitor)
    }
}

/// The escape of each byte in a JSON string as serde_json writes it (0: none; `u`: `\u00XX`).
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

fn push_escape(out: &mut Vec<u8>, byte: u8, escape: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if escape == b'u' {
        out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(byte >> 4)],
            HEX[usize::from(byte & 0xF)],
        ]);
    } else {
        out.extend_from_slice(&[b'\\', escape]);
    }
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it.
pub fn push_str(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    let mut from = 0;
    for (i, &b) in s.iter().enumerate() {
        let escape = ESCAPE[usize::from(b)];
        if escape != 0 {
            out.extend_from_slice(&s[from..i]);
            push_escape(out, b, escape);
            from = i + 1;
        }
    }
    out.extend_from_slice(&s[from..]);
    out.push(b'"');
}

/// Appends the JSON text `json` as a JavaScript string literal that is safe in a script file:
/// serde_json's string of it, with U+2028 and U+2029 escaped and `</` written `<\/`.
pub fn push_js_literal(out: &mut Vec<u8>, json: &[u8]) {
    out.push(b'"');
    push_js_escaped(out, json);
    out.push(b'"');
}

/// Bytes [`push_js_escaped`] writes as they are.
const PLAIN: [bool; 256] = {
    let mut t = [true; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = ESCAPE[b] == 0 && b != 0xE2 && b != b'<' as usize;
        b += 1;
    }
    t
};

/// [`push_js_literal`] without the quotes. Each escape depends on the bytes of one character
/// (or of `</`), so the escaped JSON of a value that begins and ends with a bracket or a quote
/// is the same piece of the escaped JSON of any value it is a part of: a document's or a
/// term's escaped JSON is made once and put together with others as it is.
pub fn push_js_escaped(out: &mut Vec<u8>, json: &[u8]) {
    out.reserve(json.len() + json.len() / 8);
    let mut from = 0;
    let mut i = 0;
    while i < json.len() {
        match json[i..].iter().position(|&b| !PLAIN[usize::from(b)]) {
            Some(k) => i += k,
            None => break,
        }
        let b = json[i];
        let escape = ESCAPE[usize::from(b)];
        if escape != 0 {
            out.extend_from_slice(&json[from..i]);
            push_escape(out, b, escape);
            from = i + 1;
        } else if b == 0xE2
            && json.get(i + 1) == Some(&0x80)
            && let Some(&last @ (0xA8 | 0xA9)) = json.get(i + 2)
        {
            out.extend_from_slice(&json[from..i]);
            out.extend_from_slice(if last == 0xA8 { b"\\u2028" } else { b"\\u2029" });
            i += 3;
            from = i;
            continue;
        } else if b == b'<' && json.get(i + 1) == Some(&b'/') {
            out.extend_from_slice(&json[from..i]);
            out.extend_from_slice(b"<\\/");
            i += 2;
            from = i;
            continue;
        }
        i += 1;
    }
    out.extend_from_slice(&json[from..]);
}

fn push_u32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The runs of items (by their JSON's length) that `SearchIndex::shard` cuts: a new run when
/// the next item would take the run over `target` bytes (an item larger than that is a run
/// of its own). Each run as the range of its items.
fn runs(lengths: impl Iterator<Item = usize>, target: usize) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let mut used = 0;
    for (i, n) in lengths.enumerate() {
        match out.last_mut() {
            Some(run) if used + n <= target => run.end = i + 1,
            _ => {
                out.push(i..i + 1);
                used = 0;
            }
        }
        used += n;
    }
    out
}

/// A document for [`pieces`].
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    /// Its JSON written by [`push_js_escaped`]; `None`: the previous build's document, as it
    /// was, found in the previous build's chunk ([`Before`]).
    pub escaped: Option<&'a [u8]>,
    /// The length of its JSON (what the cut counts).
    pub len: usize,
}

/// A file of the index as [`pieces`] makes it.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    /// Its bytes.
    Made(Vec<u8>),
    /// The previous build's file as it is, with its digest (a rebuild: [`Before`]).
    AsBefore(Digest),
}

/// BLAKE3 of a file's bytes.
pub type Digest = [u8; 32];

/// Where an index's documents are in its chunks: where each chunk begins (a document's
/// number), and the length of each document's escaped JSON. Kept in the build cache.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    pub chunks: Vec<u32>,
    pub lengths: Vec<u32>,
}

/// What an incremental build knows of the index the previous build wrote: the digest of each
/// file it wrote (by path), its [`Layout`] (the documents are the same ones, at the same
/// places: only their texts may differ), and a way to read one of its files back (`None`
/// unless its bytes are the ones of that digest).
pub struct Before<'a> {
    pub digests: &'a std::collections::HashMap<&'a str, Digest>,
    pub layout: &'a Layout,
    pub read: &'a (dyn Fn(&str) -> Option<Vec<u8>> + Sync),
}

/// A previous file was missing or not what [`Before`] says it was: the pieces cannot be made
/// from it.
#[derive(Debug, PartialEq, Eq)]
pub struct NotAsBefore(pub String);

/// The index's files and its [`Layout`] (for the next build's [`Before`]).
pub struct Pieces {
    pub files: Vec<(String, Piece)>,
    pub layout: Layout,
}

/// The index's files (`search-index.js`, `search/t<n>.js`, `search/d<n>.js`; see
/// `search_index::build`) from the documents (pages first: `pages` of them), the postings of
/// each term (sorted by term; `[doc, score, …]`, docs ascending) and the synonym groups, cut
/// into pieces of about `term_bytes` and `doc_bytes` of JSON.
///
/// With `before` (an incremental build), a document chunk cut where the previous build cut
/// it, all of whose documents are the previous build's (`Doc::escaped` is `None`), is that
/// build's file as it is ([`Piece::AsBefore`], never made); a chunk that has such a document
/// among new ones takes its escaped JSON from the previous build's chunk that held it. Any
/// piece made with the bytes the previous build wrote at its path is `AsBefore` too, so that
/// nothing is held or written again for it.
pub fn pieces(
    docs: &[Doc<'_>],
    pages: u32,
    terms: &[(&[u8], Vec<u32>)],
    synonyms: &[Vec<String>],
    (term_bytes, doc_bytes): (usize, usize),
    before: Option<&Before<'_>>,
) -> Result<Pieces, NotAsBefore> {
    use rayon::prelude::*;
    // Every term's escaped JSON, one after the other, where each ends, and its JSON's length:
    // `["stem",[doc,score,…]]`, of which only the stem's JSON may need escapes.
    let mut encoded = Vec::with_capacity(terms.iter().map(|(t, p)| t.len() + 5 * p.len()).sum());
    let mut ends = Vec::with_capacity(terms.len());
    let mut lengths = Vec::with_capacity(terms.len());
    let mut stem = Vec::new();
    for (term, postings) in terms {
        let before = encoded.len();
        stem.clear();
        push_str(&mut stem, term);
        encoded.push(b'[');
        push_js_escaped(&mut encoded, &stem);
        let escapes = encoded.len() - before - 1 - stem.len();
        encoded.extend_from_slice(b",[");
        let mut prev = 0;
        for (k, pair) in postings.chunks_exact(2).enumerate() {
            if k > 0 {
                encoded.push(b',');
            }
            push_u32(&mut encoded, pair[0] - prev);
            encoded.push(b',');
            push_u32(&mut encoded, pair[1]);
            prev = pair[0];
        }
        encoded.extend_from_slice(b"]]");
        ends.push(encoded.len());
        lengths.push(encoded.len() - before - escapes);
    }
    let start = |i: usize| if i == 0 { 0 } else { ends[i - 1] };
    let shards = runs(lengths.iter().copied(), term_bytes);
    let chunks = runs(docs.iter().map(|d| d.len), doc_bytes);

    let manifest = Manifest {
        terms: shards
            .iter()
            .map(|r| String::from_utf8_lossy(terms[r.start].0).into_owned())
            .collect(),
        docs: chunks.iter().map(|r| r.start as u32).collect(),
        pages,
        synonyms: synonyms.to_vec(),
    };
    let mut head =
        b"// Search index manifest, generated by pamyatka build.\nwindow.PAMYATKA_SEARCH = "
            .to_vec();
    push_js_literal(
        &mut head,
        &serde_json::to_vec(&manifest).expect("the manifest serializes"),
    );
    head.extend_from_slice(b";\n");

    // A piece's file: its JSON's escaped parts between the quotes of its literal; as the
    // previous build's file when it has the same bytes.
    let piece = |kind: &str, n: usize, size: usize, parts: &mut dyn FnMut(&mut Vec<u8>)| {
        let path = format!("search/{kind}{n}.js");
        let mut bytes = Vec::with_capacity(size + 64);
        bytes.extend_from_slice(piece_head(kind, n).as_bytes());
        parts(&mut bytes);
        bytes.extend_from_slice(PIECE_END);
        let old = before.and_then(|b| b.digests.get(path.as_str()));
        match old {
            Some(old) if *old == *blake3::hash(&bytes).as_bytes() => (path, Piece::AsBefore(*old)),
            _ => (path, Piece::Made(bytes)),
        }
    };
    let term_files = shards.par_iter().enumerate().map(|(n, r)| {
        let size = ends[r.end - 1] - start(r.start) + r.len();
        Ok(piece("t", n, size, &mut |out| {
            out.extend_from_slice(br#"{\"terms\":["#);
            for i in r.clone() {
                if i > r.start {
                    out.push(b',');
                }
                out.extend_from_slice(&encoded[start(i)..ends[i]]);
            }
            out.extend_from_slice(b"]}");
        }))
    });
    let previous = before.map(|before| Previous { before });
    let doc_files = chunks.par_iter().enumerate().map(|(n, r)| {
        let path = format!("search/d{n}.js");
        let texts = match &previous {
            Some(previous) => {
                if previous.same_chunk(n, r) && docs[r.clone()].iter().all(|d| d.escaped.is_none())
                {
                    return previous.as_before(path);
                }
                previous.texts(docs, r.clone())?
            }
            None => r
                .clone()
                .map(|i| {
                    let text = docs[i].escaped.expect("a clean build has every text");
                    std::borrow::Cow::Borrowed(text)
                })
                .collect(),
        };
        let size = texts.iter().map(|t| t.len() + 1).sum();
        Ok(piece("d", n, size, &mut |out| {
            out.extend_from_slice(format!(r#"{{\"first\":{},\"docs\":["#, r.start).as_bytes());
            for (k, text) in texts.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(text);
            }
            out.extend_from_slice(b"]}");
        }))
    });
    let mut files = vec![("search-index.js".to_string(), Piece::Made(head))];
    let made: Result<Vec<_>, NotAsBefore> = term_files.chain(doc_files).collect();
    files.extend(made?);
    let lengths = docs
        .iter()
        .enumerate()
        .map(|(i, d)| match (d.escaped, before) {
            (Some(text), _) => Ok(text.len() as u32),
            (None, Some(b)) => b
                .layout
                .lengths
                .get(i)
                .copied()
                .ok_or(NotAsBefore(i.to_string())),
            (None, None) => unreachable!("a clean build has every text"),
        })
        .collect::<Result<_, _>>()?;
    Ok(Pieces {
        files,
        layout: Layout {
            chunks: manifest.docs,
            lengths,
        },
    })
}

/// How a piece's file begins: the call, the kind and number, the literal's opening quote.
fn piece_head(kind: &str, n: usize) -> String {
    format!("pamyatkaSearchData(\"{kind}\", {n}, \"")
}

/// How a piece's file ends.
const PIECE_END: &[u8] = b"\");\n";

/// A term and its postings, `[doc, score, …]`.
pub type Term = (Vec<u8>, Vec<u32>);

/// The postings of the previous build's index, read back from its term shards
/// (`search/t0.js`, `search/t1.js`, … in order, each checked against its digest by
/// [`Before::read`]): each term and its `[doc, score, …]`, docs ascending, terms sorted — what
/// [`pieces`] was given. A shard that is missing, changed, or holds a stem this reader does
/// not take as it is (one with an escape) is refused.
pub fn previous_terms(before: &Before<'_>) -> Result<Vec<Term>, NotAsBefore> {
    use rayon::prelude::*;
    let count = (0..)
        .take_while(|n| {
            before
                .digests
                .contains_key(format!("search/t{n}.js").as_str())
        })
        .count();
    let shards: Vec<Vec<Term>> = crate::readers::install(|| {
        (0..count)
            .into_par_iter()
            .map(|n| {
                let path = format!("search/t{n}.js");
                let bytes = (before.read)(&path).ok_or_else(|| NotAsBefore(path.clone()))?;
                shard_terms(&bytes, n).ok_or(NotAsBefore(path))
            })
            .collect::<Result<_, _>>()
    })?;
    Ok(shards.into_iter().flatten().collect())
}

/// The terms of term shard `n`'s file, as [`pieces`] writes it: the head, `{\"terms\":[`,
/// then `[\"stem\",[doc,score,…]]` separated by commas (each doc the difference from the one
/// before), then `]}` and the end.
fn shard_terms(bytes: &[u8], n: usize) -> Option<Vec<Term>> {
    let rest = bytes.strip_prefix(piece_head("t", n).as_bytes())?;
    let rest = rest.strip_prefix(br#"{\"terms\":["#)?;
    let mut rest = rest.strip_suffix(PIECE_END)?.strip_suffix(b"]}")?;
    let mut terms = Vec::new();
    while !rest.is_empty() {
        if !terms.is_empty() {
            rest = rest.strip_prefix(b",")?;
        }
        rest = rest.strip_prefix(br#"[\""#)?;
        // The stem runs to the next backslash, which must be its closing `\"`: a stem with
        // an escape of its own is not read here.
        let end = memchr::memchr(b'\\', rest)?;
        let stem = &rest[..end];
        rest = rest[end..].strip_prefix(br#"\",["#)?;
        let close = memchr::memchr(b']', rest)?;
        let mut postings = Vec::new();
        let mut doc = 0u32;
        if close > 0 {
            for (k, number) in rest[..close].split(|&b| b == b',').enumerate() {
                let value: u32 = std::str::from_utf8(number).ok()?.parse().ok()?;
                if k % 2 == 0 {
                    doc = doc.checked_add(value)?;
                    postings.push(doc);
                } else {
                    postings.push(value);
                }
            }
        }
        if postings.len() % 2 != 0 {
            return None;
        }
        rest = rest[close..].strip_prefix(b"]]")?;
        terms.push((stem.to_vec(), postings));
    }
    Some(terms)
}

/// The previous build's document chunks, for [`pieces`].
struct Previous<'a> {
    before: &'a Before<'a>,
}

impl Previous<'_> {
    /// The documents of the previous build's chunk `n`.
    fn range(&self, n: usize) -> Option<std::ops::Range<usize>> {
        let Layout { chunks, lengths } = self.before.layout;
        let start = *chunks.get(n)? as usize;
        let end = chunks.get(n + 1).map_or(lengths.len(), |&e| e as usize);
        (start < end && end <= lengths.len()).then_some(start..end)
    }

    fn same_chunk(&self, n: usize, r: &std::ops::Range<usize>) -> bool {
        self.range(n).as_ref() == Some(r)
    }

    /// Chunk `n` is the previous build's file at `path`.
    fn as_before(&self, path: String) -> Result<(String, Piece), NotAsBefore> {
        match self.before.digests.get(path.as_str()) {
            Some(d) => Ok((path, Piece::AsBefore(*d))),
            None => Err(NotAsBefore(path)),
        }
    }

    /// The escaped JSON of the documents of `range`: the new ones as they are, the others
    /// from the previous build's chunks that held them (each such file read once).
    fn texts<'d>(
        &self,
        docs: &[Doc<'d>],
        range: std::ops::Range<usize>,
    ) -> Result<Vec<std::borrow::Cow<'d, [u8]>>, NotAsBefore> {
        use std::borrow::Cow;
        let mut read: Option<(usize, Vec<u8>)> = None;
        let mut texts = Vec::with_capacity(range.len());
        for i in range {
            if let Some(text) = docs[i].escaped {
                texts.push(Cow::Borrowed(text));
                continue;
            }
            let n = self
                .before
                .layout
                .chunks
                .partition_point(|&s| s as usize <= i)
                .checked_sub(1)
                .ok_or_else(|| NotAsBefore(format!("search/d? ({i})")))?;
            if read.as_ref().is_none_or(|(m, _)| *m != n) {
                read = Some((n, self.chunk(n)?));
            }
            let (_, bytes) = read.as_ref().expect("just read");
            texts.push(Cow::Owned(self.doc(n, bytes, i)?));
        }
        Ok(texts)
    }

    /// The previous build's chunk `n`, its bytes checked against its digest.
    fn chunk(&self, n: usize) -> Result<Vec<u8>, NotAsBefore> {
        let path = format!("search/d{n}.js");
        (self.before.read)(&path).ok_or(NotAsBefore(path))
    }

    /// Document `i`'s escaped JSON in `bytes`, the previous build's chunk `n`: after the
    /// head, each of its documents' escaped JSON (their lengths are known) and a comma.
    fn doc(&self, n: usize, bytes: &[u8], i: usize) -> Result<Vec<u8>, NotAsBefore> {
        let wrong = || NotAsBefore(format!("search/d{n}.js"));
        let range = self.range(n).ok_or_else(wrong)?;
        let head = piece_head("d", n);
        let json_head = format!(r#"{{\"first\":{},\"docs\":["#, range.start);
        let mut at = head.len() + json_head.len();
        if !bytes.starts_with(head.as_bytes())
            || bytes.get(head.len()..at) != Some(json_head.as_bytes())
        {
            return Err(wrong());
        }
        for k in range {
            let len = self.before.layout.lengths[k] as usize;
            let text = bytes.get(at..at + len).ok_or_else(wrong)?;
            if k == i {
                return Ok(text.to_vec());
            }
            at += len;
            if bytes.get(at) != Some(&b',') {
                return Err(wrong());
            }
            at += 1;
        }
        Err(wrong())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte escaped as serde_json escapes it; the literal is serde_json's string of the
    /// JSON with the script-safe replacements.
    #[test]
    fn strings_and_literals_are_serde_jsons() {
        let mut text: String = (0u32..0x80).filter_map(char::from_u32).collect();
        text.push_str("ёЁ </script> <\\/ \u{2028}\u{2029}\u{2027}\u{202A} «»—\u{7f}\u{80}\u{a0}");
        let mut ours = Vec::new();
        push_str(&mut ours, text.as_bytes());
        assert_eq!(ours, serde_json::to_vec(&text).unwrap());
        let json = serde_json::to_string(&vec![text.clone(), text]).unwrap();
        let expected = serde_json::to_string(&json)
            .unwrap()
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029")
            .replace("</", "<\\/");
        let mut ours = Vec::new();
        push_js_literal(&mut ours, json.as_bytes());
        assert_eq!(String::from_utf8(ours).unwrap(), expected);
    }

    #[test]
    fn bytes_go_through_postcard_as_they_are() {
        let b = Bytes(b"\xff\x00abc".to_vec().into_boxed_slice());
        let encoded = postcard::to_stdvec(&b).unwrap();
        assert_eq!(encoded, b"\x05\xff\x00abc");
        assert_eq!(postcard::from_bytes::<Bytes>(&encoded).unwrap(), b);
    }

    #[test]
    fn runs_are_cut_as_the_index_cuts_them() {
        let lengths = [5, 5, 1, 20, 3, 3, 3, 10];
        let got = runs(lengths.iter().copied(), 10);
        assert_eq!(got, [0..2, 2..3, 3..4, 4..7, 7..8]);
        assert!(runs(std::iter::empty(), 10).is_empty());
    }
}
