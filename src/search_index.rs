//! The search index of the site, made at build time with the checks crate's Russian search
//! (`pamyatka_checks::search`): every page (title, headings, text) and every row of the
//! regulation tables, with the glossary's abbreviations and expansions added both ways
//! (a page that says «ЕСИА» is found by «единая система идентификации», and the other way).
//! Written as `search-index.js`, a classic script, so that it also loads from `file://`.
//!
//! Reading a page for the index (tokenizing, stemming, finding glossary terms) is most of the
//! index's cost; a page as the index took it ([`PreparedPage`]: its document's escaped JSON
//! and its stems) is what the pieces are made from, and an incremental build reads again only
//! the pages it re-rendered ([`PageSearch`]): the others' documents and postings are read back
//! from the previous build's pieces, and only the pieces that may have changed are made again
//! (`search_json.rs`).

use crate::content::GlossaryEntry;
use crate::data::regulation::view::RowView;
use crate::page_output::SearchText;
use crate::search_json::{self, Bytes};
#[cfg(test)]
use pamyatka_checks::search::{IndexBuilder, SearchIndex};
use pamyatka_checks::search::{SearchDoc, StemCache, Word, matches, weight, words, words_cached};

/// A page's searchable parts.
struct PageText<'a> {
    url: &'a str,
    title: &'a str,
    section: &'a str,
    description: &'a str,
    headings: Vec<&'a str>,
    /// The rendered Markdown as plain text ([`html_text`]).
    text: &'a str,
}

/// A document with each field's stems and weight, ready for the index.
type Prepared = (SearchDoc, Vec<(Vec<String>, u32)>);

/// A page's search document as the index takes it (the document's JSON, and each field's
/// stems with its weight). The build cache keeps only the JSON's length: a rebuild reads again
/// only the pages it re-renders, and takes the others' documents and postings from the
/// previous build's pieces (`search_json::Before`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PreparedPage {
    /// The document (`SearchDoc`: URL, title, section, snippet text) as serde_json writes
    /// it, escaped as it goes into its piece's string literal (`search_json::push_js_escaped`).
    /// Not in the build cache: a rebuild that needs it takes it from the previous build's
    /// document chunk (`search_json::Before`), so `None` for a page read from the cache.
    #[serde(skip)]
    doc: Option<Bytes>,
    /// The length of the document's JSON (the pieces are cut by it).
    doc_len: u32,
    /// Each field's stems, sorted and once each, joined by spaces (a stem has none): one
    /// string a field, not one a stem, the smaller form to hold for every page of a site.
    /// Not in the build cache either: a rebuild takes the previous postings from the previous
    /// build's term shards (`search_json::previous_terms`) and changes only those of the
    /// documents it reads again.
    #[serde(skip)]
    fields: Vec<(Bytes, u32)>,
}

impl PreparedPage {
    fn new((doc, fields): Prepared) -> PreparedPage {
        let json = serde_json::to_vec(&doc).expect("a document serializes");
        let mut escaped = Vec::new();
        search_json::push_js_escaped(&mut escaped, &json);
        PreparedPage {
            doc: Some(Bytes(escaped.into_boxed_slice())),
            doc_len: json.len() as u32,
            fields: fields
                .into_iter()
                .map(|(stems, w)| {
                    debug_assert!(stems.iter().all(|s| !s.is_empty() && !s.contains(' ')));
                    (Bytes(stems.join(" ").into_bytes().into_boxed_slice()), w)
                })
                .collect(),
        }
    }

    /// Each field's stems, with its weight.
    fn stems(&self) -> impl Iterator<Item = (impl Iterator<Item = &[u8]>, u32)> {
        self.fields.iter().map(|(stems, w)| {
            let mut from = 0;
            let mut spaces = memchr::memchr_iter(b' ', &stems.0).chain([stems.0.len()]);
            let stems = std::iter::from_fn(move || {
                let end = spaces.next()?;
                let stem = &stems.0[from..end];
                from = end + 1;
                Some(stem)
            });
            (stems.filter(|s| !s.is_empty()), *w)
        })
    }
}

/// Each page of a site as the index took it, in site order (`None`: not in the index).
pub type PreparedPages = Vec<Option<PreparedPage>>;

/// What the index gets of a page.
pub enum PageSearch {
    /// Just rendered: its text, still to read.
    Text(SearchText),
    /// Read by an earlier build (its build cache); `None`: not in the index (the search page).
    Prepared(Option<PreparedPage>),
}

impl PageSearch {
    /// The page read for the index (`None`: the search page, not a result).
    fn prepare(self, glossary: &GlossaryWords) -> Option<PreparedPage> {
        match self {
            PageSearch::Text(t) if t.search_page => None,
            PageSearch::Text(t) => {
                let page = PageText {
                    url: &t.url,
                    title: &t.title,
                    section: &t.section,
                    description: &t.description,
                    headings: t.headings.iter().map(String::as_str).collect(),
                    text: &t.text,
                };
                let prepared = with_cache(|cache| unique(prepare_page(&page, glossary, cache)));
                Some(PreparedPage::new(prepared))
            }
            PageSearch::Prepared(p) => p,
        }
    }
}

/// The search index a build writes, made by [`build`].
pub struct Built {
    /// `search-index.js` and the pieces (see [`search_json::pieces`]).
    pub files: Vec<(String, search_json::Piece)>,
    /// Each page as the index took it, in site order (for the build cache).
    pub pages: PreparedPages,
    /// Where the documents are in the chunks (for the build cache: the next build's
    /// [`search_json::Before`]).
    pub layout: search_json::Layout,
}

/// The index of `pages` (in site order) and the regulation table rows, as files (see
/// [`search_json::pieces`]; the manifest names `synonyms`), and each page as the index took
/// it. `before`: what an incremental build knows of the previous build's index (its pages
/// read from the cache have no document text: it is taken from that index's files).
pub fn build(
    pages: Vec<PageSearch>,
    rows: &[&RowView],
    glossary: &[GlossaryEntry],
    synonyms: &[Vec<String>],
    before: Option<&search_json::Before<'_>>,
) -> Result<Built, search_json::NotAsBefore> {
    use rayon::prelude::*;
    let glossary = GlossaryWords::new(glossary);
    // Pages and rows are read (tokenized, stemmed, glossary terms found, each field's stems
    // made unique) in parallel, each worker with its own stem cache, a batch at a time. Only
    // one batch's word lists are held at once (all the pages' at once took more memory than
    // the rest of a build); what is kept of each page is its document's JSON and its stems
    // once each, a string a field. A page read by an earlier build goes in as it is.
    let mut prepared: PreparedPages = Vec::with_capacity(pages.len());
    // Whether each page was read now (not taken from the cache).
    let fresh: Vec<bool> = pages
        .iter()
        .map(|p| matches!(p, PageSearch::Text(_)))
        .collect();
    let mut pages = pages.into_iter();
    loop {
        let batch: Vec<PageSearch> = pages.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        prepared.par_extend(batch.into_par_iter().map(|p| p.prepare(&glossary)));
    }
    let mut row_docs = Vec::with_capacity(rows.len());
    for batch in rows.chunks(BATCH) {
        row_docs.par_extend(batch.par_iter().map(|r| {
            PreparedPage::new(with_cache(|cache| unique(prepare_row(r, &glossary, cache))))
        }));
    }
    let docs: Vec<&PreparedPage> = prepared.iter().flatten().chain(&row_docs).collect();
    let page_docs = prepared.iter().flatten().count() as u32;
    // A rebuild's postings: the previous index's, with the documents read now (the pages
    // rendered again, and the rows, read every time) taken out and put in again.
    let previous_terms;
    let terms = match before {
        None => postings(&docs),
        Some(before) => {
            previous_terms = search_json::previous_terms(before)?;
            let read_now = prepared
                .iter()
                .zip(&fresh)
                .filter(|(p, _)| p.is_some())
                .map(|(_, &f)| f)
                .chain(row_docs.iter().map(|_| true));
            let read_now: Vec<(u32, &PreparedPage)> = read_now
                .zip(&docs)
                .enumerate()
                .filter(|(_, (f, _))| *f)
                .map(|(id, (_, d))| (id as u32, *d))
                .collect();
            updated_postings(&previous_terms, &read_now)
        }
    };
    let json: Vec<search_json::Doc<'_>> = docs
        .iter()
        .map(|d| search_json::Doc {
            escaped: d.doc.as_ref().map(|b| &*b.0),
            len: d.doc_len as usize,
        })
        .collect();
    let pieces = search_json::pieces(
        &json,
        page_docs,
        &terms,
        synonyms,
        (TERM_SHARD_BYTES, DOC_CHUNK_BYTES),
        before,
    )?;
    drop(json);
    drop(terms);
    drop(docs);
    Ok(Built {
        files: pieces.files,
        pages: prepared,
        layout: pieces.layout,
    })
}

/// For each stem of `docs` (in index order: a document's number is its place), sorted, the
/// documents that have it and their scores, `[doc, score, …]`: each field counts once per
/// stem, and the weights of a document's fields with the stem add up (as
/// `IndexBuilder::add_stemmed` counts them; its index is the reference in the tests).
fn postings<'a>(docs: &[&'a PreparedPage]) -> Vec<(&'a [u8], Vec<u32>)> {
    use rayon::prelude::*;
    type Map<'a> = rustc_hash::FxHashMap<&'a [u8], Vec<u32>>;
    // A map for each run of documents (on the workers), then the runs' lists joined in order:
    // the documents of a later run come after.
    let run = docs
        .len()
        .div_ceil(rayon::current_num_threads().max(1) * 2)
        .max(1);
    let maps: Vec<Map<'a>> = docs
        .par_chunks(run)
        .enumerate()
        .map(|(k, chunk)| {
            let mut map = Map::default();
            for (i, doc) in chunk.iter().enumerate() {
                let id = (k * run + i) as u32;
                for (stems, w) in doc.stems() {
                    for stem in stems {
                        let list = map.entry(stem).or_default();
                        match list.len() {
                            n if n >= 2 && list[n - 2] == id => list[n - 1] += w,
                            _ => list.extend([id, w]),
                        }
                    }
                }
            }
            map
        })
        .collect();
    let mut maps = maps.into_iter();
    let mut all = maps.next().unwrap_or_default();
    for map in maps {
        for (stem, list) in map {
            all.entry(stem).or_default().extend(list);
        }
    }
    let mut terms: Vec<(&[u8], Vec<u32>)> = all.into_iter().collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    terms
}

/// [`postings`] of the documents, from the `previous` postings of the same documents (sorted
/// by term) where only those of `read_now` (by number, ascending) may have changed: their
/// pairs are taken out of every list, and their stems' put in at their places.
fn updated_postings<'a>(
    previous: &'a [search_json::Term],
    read_now: &[(u32, &'a PreparedPage)],
) -> Vec<(&'a [u8], Vec<u32>)> {
    use rayon::prelude::*;
    let ids: rustc_hash::FxHashSet<u32> = read_now.iter().map(|(id, _)| *id).collect();
    // What the documents read now give each of their stems, `[doc, score, …]`.
    let mut added: rustc_hash::FxHashMap<&'a [u8], Vec<u32>> = Default::default();
    for (id, doc) in read_now {
        for (stems, w) in doc.stems() {
            for stem in stems {
                let list = added.entry(stem).or_default();
                match list.len() {
                    n if n >= 2 && list[n - 2] == *id => list[n - 1] += w,
                    _ => list.extend([*id, w]),
                }
            }
        }
    }
    let merge = |old: &[u32], new: Option<&Vec<u32>>| -> Vec<u32> {
        let kept = old.chunks_exact(2).filter(|p| !ids.contains(&p[0]));
        let mut out = Vec::with_capacity(old.len() + new.map_or(0, Vec::len));
        let mut new = new
            .map_or(&[][..], Vec::as_slice)
            .chunks_exact(2)
            .peekable();
        for pair in kept {
            while let Some(n) = new.next_if(|n| n[0] < pair[0]) {
                out.extend_from_slice(n);
            }
            out.extend_from_slice(pair);
        }
        new.for_each(|n| out.extend_from_slice(n));
        out
    };
    let mut terms: Vec<(&'a [u8], Vec<u32>)> = previous
        .par_iter()
        .map(|(term, list)| (term.as_slice(), merge(list, added.get(term.as_slice()))))
        .filter(|(_, list)| !list.is_empty())
        .collect();
    let known: rustc_hash::FxHashSet<&[u8]> = previous.iter().map(|(t, _)| t.as_slice()).collect();
    let new_terms: Vec<(&'a [u8], Vec<u32>)> = added
        .into_iter()
        .filter(|(term, _)| !known.contains(term))
        .collect();
    if !new_terms.is_empty() {
        terms.extend(new_terms);
        terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    }
    terms
}

/// Documents prepared at a time (see [`build`]).
const BATCH: usize = 256;

thread_local! {
    /// Each worker's stems, kept from batch to batch.
    static STEMS: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache::default());
}

fn with_cache<T>(f: impl FnOnce(&mut StemCache) -> T) -> T {
    STEMS.with(|c| f(&mut c.borrow_mut()))
}

/// Each field's stems sorted and once each (as the index counts them).
fn unique((doc, mut fields): Prepared) -> Prepared {
    for (stems, _) in &mut fields {
        stems.sort_unstable();
        stems.dedup();
        stems.shrink_to_fit();
    }
    (doc, fields)
}

fn stems_of(text: &str, cache: &mut StemCache) -> Vec<String> {
    words_cached(text, cache)
        .into_iter()
        .map(|w| w.stem)
        .collect()
}

fn prepare_page(p: &PageText<'_>, glossary: &GlossaryWords, cache: &mut StemCache) -> Prepared {
    let text = p.text.to_string();
    let body = format!("{} {}", p.description, text);
    let title = words_cached(p.title, cache);
    let body_words = words_cached(&body, cache);
    // Expansions of the title's abbreviations weigh as the title does.
    let title_extra = glossary.terms(&title);
    let extra = glossary.terms(&body_words);
    let headings = p.headings.join(" ");
    let snippet_text = if text.trim().is_empty() {
        p.description.to_string()
    } else {
        text
    };
    let stems = |w: Vec<Word>| w.into_iter().map(|w| w.stem).collect::<Vec<_>>();
    (
        SearchDoc {
            url: p.url.trim_start_matches('/').to_string(),
            title: p.title.to_string(),
            section: p.section.to_string(),
            text: snippet_text,
        },
        vec![
            (stems(title), weight::TITLE),
            (stems_of(&title_extra, cache), weight::TITLE),
            (stems_of(&headings, cache), weight::HEADING),
            (stems(body_words), weight::TEXT),
            (stems_of(&extra, cache), weight::TEXT),
        ],
    )
}

fn prepare_row(row: &RowView, glossary: &GlossaryWords, cache: &mut StemCache) -> Prepared {
    let action = &row.action;
    let items = row.items.join(", ");
    let responsible = row
        .responsible
        .iter()
        .map(|r| r.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let text = format!(
        "{action}{}. Срок: {}. {}Ответственные: {responsible}. Результат: {}. {}",
        if items.is_empty() {
            String::new()
        } else {
            format!(": {items}")
        },
        row.deadline,
        match &row.deadline_note {
            Some(n) if !n.is_empty() => format!("{n} "),
            _ => String::new(),
        },
        row.result,
        row.note.as_deref().unwrap_or_default()
    );
    let text_words = words_cached(&text, cache);
    let extra = glossary.terms(&text_words);
    (
        SearchDoc {
            url: row.url.trim_start_matches('/').to_string(),
            title: format!("Строка {}: {action}", row.number),
            section: format!("{}. {}", row.group_number, row.group_title),
            text: text.clone(),
        },
        vec![
            (stems_of(action, cache), weight::TITLE),
            (
                text_words.into_iter().map(|w| w.stem).collect(),
                weight::TEXT,
            ),
            (stems_of(&extra, cache), weight::TEXT),
        ],
    )
}

/// About how much JSON goes into one term shard and one document chunk. Small pieces keep a
/// search's download small on a big site (a query word needs one or two shards, a result page
/// a chunk per result); the real site has a few dozen.
pub const TERM_SHARD_BYTES: usize = 16 * 1024;
pub const DOC_CHUNK_BYTES: usize = 4 * 1024;

/// The index as files: `search-index.js`, the manifest (`window.PAMYATKA_SEARCH = "<json>"`),
/// and the pieces `search/t<n>.js` (terms) and `search/d<n>.js` (documents), each a classic
/// script calling `pamyatkaSearchData(kind, n, "<json>")`, so that they load from `file://`
/// too. JSON travels as a string: the module parses it once. The checks crate's own sharding
/// and serde_json, which [`build`] writes byte for byte (`search_json.rs`, faster): the
/// reference in the tests.
#[cfg(test)]
fn files(index: SearchIndex) -> Vec<(String, Vec<u8>)> {
    let shards = index.shard(TERM_SHARD_BYTES, DOC_CHUNK_BYTES);
    let mut out = vec![(
        "search-index.js".to_string(),
        format!(
            "// Search index manifest, generated by pamyatka build.\nwindow.PAMYATKA_SEARCH = {};\n",
            js_string(&shards.manifest)
        )
        .into_bytes(),
    )];
    let piece = |kind: &str, n: usize, json: String| {
        (
            format!("search/{kind}{n}.js"),
            format!("pamyatkaSearchData(\"{kind}\", {n}, {json});\n").into_bytes(),
        )
    };
    for (n, t) in shards.terms.iter().enumerate() {
        out.push(piece("t", n, js_string(t)));
    }
    for (n, d) in shards.docs.iter().enumerate() {
        out.push(piece("d", n, js_string(d)));
    }
    out
}

/// The JSON a written search script carries: the string literal after `marker` in `file`
/// (relative to the built site `out`).
fn shipped_json(out: &std::path::Path, file: &str, marker: &str) -> Result<String, String> {
    let path = out.join(file);
    let js = std::fs::read_to_string(&path).map_err(|e| {
        crate::tr!(
            "search-index-unreadable",
            path = path.display().to_string(),
            error = crate::i18n::io_error(&e)
        )
    })?;
    let literal = js
        .split_once(marker)
        .ok_or_else(|| {
            crate::tr!(
                "search-index-broken",
                path = path.display().to_string(),
                marker = marker
            )
        })?
        .1
        .trim_end()
        .trim_end_matches(';')
        .trim_end_matches(')');
    serde_json::from_str::<String>(&literal.replace("<\\/", "</"))
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn parse<T: serde::de::DeserializeOwned>(what: &str, json: String) -> Result<T, String> {
    serde_json::from_str(&json).map_err(|e| format!("{what}: {e}"))
}

/// Searches the index a build wrote into `out` as the browser does, natively: the manifest,
/// then only the pieces (`search/t<n>.js`, `search/d<n>.js`) the query needs. What `pamyatka
/// search` prints; the browser's WASM module must give the same (`tests/wasm/`).
pub fn search_built(
    out: &std::path::Path,
    query: &str,
    limit: usize,
) -> Result<pamyatka_checks::search::Results, String> {
    use pamyatka_checks::search::Loaded;
    let manifest = shipped_json(out, "search-index.js", "window.PAMYATKA_SEARCH = ")?;
    let mut index = Loaded::new(parse("search-index.js", manifest)?);
    // A misspelt word asks for more term shards once its own are in.
    loop {
        let shards = index.shards_for(query);
        if shards.is_empty() {
            break;
        }
        for i in shards {
            let file = format!("search/t{i}.js");
            let json = shipped_json(out, &file, &format!("(\"t\", {i}, "))?;
            index.add_shard(i, parse(&file, json)?);
        }
    }
    for i in index.chunks_for(query, limit) {
        let file = format!("search/d{i}.js");
        let json = shipped_json(out, &file, &format!("(\"d\", {i}, "))?;
        index.add_chunk(i, parse(&file, json)?);
    }
    Ok(index.search(query, limit))
}

/// `value` as JSON inside a JavaScript string literal that is safe in a script file.
#[cfg(test)]
fn js_string<T: serde::Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).expect("index serializes");
    serde_json::to_string(&json)
        .expect("string serializes")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
        .replace("</", "<\\/")
}

/// The glossary's abbreviations and expansions as words, read once per build.
struct GlossaryWords<'a> {
    entries: Vec<(&'a GlossaryEntry, Vec<Word>, Vec<Word>)>,
}

impl<'a> GlossaryWords<'a> {
    fn new(glossary: &'a [GlossaryEntry]) -> Self {
        GlossaryWords {
            entries: glossary
                .iter()
                .map(|g| (g, words(&g.abbr), words(&g.title)))
                .collect(),
        }
    }

    /// The other names of what `text` (its words) mentions: the expansion of each abbreviation
    /// it uses, and the abbreviation of each expansion it spells out.
    fn terms(&self, text: &[Word]) -> String {
        // A phrase is there when its words match consecutive words of the text, by the
        // search's own rule (Snowball stems «система» and «систему» differently). That rule
        // only matches words whose first three letters agree (equal stems; a stem that begins
        // the other, at least MIN_PREFIX letters; a stem of at least 3 letters that begins the
        // word), so a phrase is tried only where the text has a word that begins as its first
        // word does.
        const _: () = assert!(pamyatka_checks::search::MIN_PREFIX >= 3);
        let mut by_start: std::collections::HashMap<&str, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, w) in text.iter().enumerate() {
            by_start.entry(first3(&w.stem)).or_default().push(i);
        }
        let has = |phrase: &[Word]| {
            let Some(first) = phrase.first() else {
                return false;
            };
            let starts = [first3(&first.stem), first3(&first.folded)];
            let candidates = starts
                .iter()
                .enumerate()
                .filter(|(k, s)| *k == 0 || **s != starts[0])
                .filter_map(|(_, s)| by_start.get(s))
                .flatten();
            candidates.into_iter().any(|&i| {
                text.get(i..i + phrase.len())
                    .is_some_and(|w| w.iter().zip(phrase).all(|(t, p)| matches(p, &t.stem) > 0))
            })
        };
        let mut out = Vec::new();
        for (g, abbr, title) in &self.entries {
            if has(abbr) {
                out.push(g.title.as_str());
            }
            if has(title) {
                out.push(g.abbr.as_str());
            }
        }
        out.join(" ")
    }
}

/// The first three characters of a word (all of it when shorter).
fn first3(s: &str) -> &str {
    match s.char_indices().nth(3) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The text of an HTML fragment: tags dropped, the entities the renderer writes decoded. A
/// block that ends without punctuation gets a full stop, so that a snippet reads «Важно. Чтобы
/// …», not «Важно Чтобы …»; a heading's «#» anchor is not text, nor is an element marked
/// `data-search-skip` (a note about the page itself, such as the one on checklists without
/// JavaScript). Skipped elements do not nest an element of their own name.
pub fn html_text(html: &str) -> String {
    /// Elements whose end ends a sentence for a reader of the snippet.
    const BLOCKS: &[&str] = &[
        "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "caption", "summary",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // The element whose content is being skipped, until its end tag (lower case).
    let mut skipping: Option<String> = None;
    static SKIP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("data-search-skip"));
    while let Some(lt) = memchr::memchr(b'<', rest.as_bytes()) {
        if skipping.is_none() {
            out.push_str(&rest[..lt]);
        }
        let Some(gt) = memchr::memchr(b'>', &rest.as_bytes()[lt..]) else {
            rest = "";
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let named = tag.trim_start_matches('/');
        let name = &named[..named
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(named.len())];
        if tag.starts_with('/') {
            if skipping
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case(name))
            {
                skipping = None;
            } else if BLOCKS.iter().any(|b| b.eq_ignore_ascii_case(name)) {
                let end = out.trim_end().len();
                let last = out[..end].chars().next_back();
                if last.is_some_and(|c| c.is_alphanumeric() || c == '»' || c == ')') {
                    out.truncate(end);
                    out.push('.');
                }
            }
        } else if skipping.is_none()
            && ((name.eq_ignore_ascii_case("a") && tag.contains("class=\"heading-anchor\""))
                || SKIP.find(tag.as_bytes()).is_some())
        {
            skipping = Some(name.to_ascii_lowercase());
        } else if name.eq_ignore_ascii_case("wbr") {
            // A break opportunity inside a word (a web address's), not a space.
            continue;
        }
        out.push(' ');
    }
    if skipping.is_none() {
        out.push_str(rest);
    }
    decoded_words(&out)
}

/// `text` with the entities the renderer writes decoded (each once: `&amp;lt;` is `&lt;`) and
/// its white space collapsed to single spaces, without a space at either end. A run of bytes
/// that are none of `&`, white space or the first byte of a character that may be white space
/// (Cyrillic letters are not) is copied whole; the others are read one character at a time.
fn decoded_words(text: &str) -> String {
    const ENTITIES: [(&str, char); 6] = [
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&nbsp;", ' '),
        ("&amp;", '&'),
    ];
    // Bytes that may begin an entity or a white space character: `&`, ASCII controls and
    // space, and every first byte of a multi-byte character but Cyrillic's (`D0`, `D1`).
    const SLOW: [bool; 256] = {
        let mut slow = [false; 256];
        let mut b = 0;
        while b < 256 {
            slow[b] = b <= 0x20 || b == b'&' as usize || (b >= 0xC0 && b != 0xD0 && b != 0xD1);
            b += 1;
        }
        slow
    };
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut at = 0;
    while at < bytes.len() {
        let run = bytes[at..]
            .iter()
            .position(|&b| SLOW[b as usize])
            .map_or(bytes.len(), |n| at + n);
        if run > at {
            if space {
                out.push(' ');
                space = false;
            }
            out.push_str(&text[at..run]);
            at = run;
            continue;
        }
        let rest = &text[at..];
        let c = rest.chars().next().expect("a character at a boundary");
        let (c, len) = match ENTITIES
            .iter()
            .find(|(e, _)| c == '&' && rest.starts_with(e))
        {
            Some((e, decoded)) => (*decoded, e.len()),
            None => (c, c.len_utf8()),
        };
        at += len;
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::regulation::view::tests::row_view;

    /// The glossary terms of every page of this repository's site, found by looking at every
    /// word (the rule itself) and by the index of first letters: the same.
    #[test]
    fn glossary_terms_by_first_letters_are_those_of_every_window() {
        let site = crate::content::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))
            .expect("the repository's site loads");
        let g = GlossaryWords::new(&site.glossary);
        let naive = |text: &[Word]| {
            let has = |phrase: &[Word]| {
                !phrase.is_empty()
                    && text
                        .windows(phrase.len())
                        .any(|w| w.iter().zip(phrase).all(|(t, p)| matches(p, &t.stem) > 0))
            };
            let mut out = Vec::new();
            for (e, abbr, title) in &g.entries {
                if has(abbr) {
                    out.push(e.title.as_str());
                }
                if has(title) {
                    out.push(e.abbr.as_str());
                }
            }
            out.join(" ")
        };
        let mut found = 0;
        for page in &site.pages {
            let text = words(&format!("{} {}", page.front.title, page.body()));
            let terms = g.terms(&text);
            assert_eq!(terms, naive(&text), "{}", page.rel);
            found += usize::from(!terms.is_empty());
        }
        assert!(
            found > 10,
            "the glossary is used on the site's pages: {found}"
        );
    }

    fn glossary() -> Vec<GlossaryEntry> {
        vec![GlossaryEntry {
            abbr: "ЕСИА".into(),
            title: "Единая система идентификации и аутентификации".into(),
            description: None,
        }]
    }

    #[test]
    fn pages_rows_and_glossary_both_ways() {
        let pages = || {
            vec![
                PageSearch::Text(SearchText {
                    url: "/esia/privyazka/".into(),
                    title: "Привязка учётной записи ЕСИА".into(),
                    section: "Госуслуги".into(),
                    description: String::new(),
                    headings: vec!["Шаг 1. Регистрация".into()],
                    text: html_text("<p>Войдите по логину и паролю &amp; нажмите «Войти».</p>"),
                    search_page: false,
                }),
                PageSearch::Text(SearchText {
                    url: "/poisk/".into(),
                    title: "Поиск".into(),
                    text: "Поиск по порталу".into(),
                    search_page: true,
                    ..SearchText::default()
                }),
                PageSearch::Text(SearchText {
                    url: "/o-portale/".into(),
                    title: "О портале".into(),
                    section: String::new(),
                    description: "Зачем портал".into(),
                    headings: vec![],
                    text: html_text(
                        "<p>Вход через единую систему идентификации и аутентификации.</p>",
                    ),
                    search_page: false,
                }),
            ]
        };
        let row = RowView {
            url: "/gis/etap-2/#r-2-1-5".into(),
            action: "Восстановление (изменение) логина и (или) пароля пользователям".into(),
            items: vec![],
            ..row_view()
        };
        let rows = [&row];
        let (files, prepared) = built(pages(), &rows, &glossary(), &[]);
        // The search page is no document.
        assert_eq!(
            prepared.iter().map(Option::is_some).collect::<Vec<_>>(),
            [true, false, true]
        );
        assert_eq!(files, reference(&prepared, &rows, &glossary(), &[]));
        // The pages read by an earlier build, some of them read again, make the same files.
        let mut again: Vec<PageSearch> =
            prepared.iter().cloned().map(PageSearch::Prepared).collect();
        again[2] = pages().remove(2);
        let (files_again, prepared_again) = built(again, &rows, &glossary(), &[]);
        assert_eq!(files_again, files);
        assert_eq!(prepared_again, prepared);
        let dir = tempfile::tempdir().unwrap();
        write_files(dir.path(), &files);
        let found = |q: &str| search_built(dir.path(), q, 5).unwrap();
        let first = |q: &str| found(q).hits.first().map(|h| h.url.clone());
        assert_eq!(
            first("пароль восстановить").as_deref(),
            Some("gis/etap-2/#r-2-1-5")
        );
        assert_eq!(first("регистрация").as_deref(), Some("esia/privyazka/"));
        // the abbreviation finds the page that spells it out, and the other way round
        let r = found("ЕСИА");
        assert!(r.hits.iter().any(|h| h.url == "o-portale/"), "{r:?}");
        let r = found("единая система идентификации");
        assert_eq!(r.hits[0].url, "esia/privyazka/");
        let hit = &found("логин").hits;
        assert!(
            hit.iter()
                .any(|h| h.snippet.iter().any(|(t, m)| *m && t == "логину"))
        );
    }

    /// [`build`] of a clean build, its files as bytes.
    fn built(
        pages: Vec<PageSearch>,
        rows: &[&RowView],
        glossary: &[GlossaryEntry],
        synonyms: &[Vec<String>],
    ) -> (Vec<(String, Vec<u8>)>, PreparedPages) {
        let built = build(pages, rows, glossary, synonyms, None).unwrap();
        let files = built
            .files
            .into_iter()
            .map(|(path, piece)| match piece {
                search_json::Piece::Made(bytes) => (path, bytes),
                search_json::Piece::AsBefore(_) => panic!("{path}: as before in a clean build"),
            })
            .collect();
        (files, built.pages)
    }

    fn write_files(dir: &std::path::Path, files: &[(String, Vec<u8>)]) {
        for (path, bytes) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
    }

    /// The files of the same documents through the checks crate's index builder, its
    /// sharding and serde_json.
    fn reference(
        pages: &PreparedPages,
        rows: &[&RowView],
        glossary: &[GlossaryEntry],
        synonyms: &[Vec<String>],
    ) -> Vec<(String, Vec<u8>)> {
        let mut b = IndexBuilder::default();
        for p in pages.iter().flatten() {
            let doc = p.doc.as_ref().unwrap();
            let literal = format!("\"{}\"", std::str::from_utf8(&doc.0).unwrap());
            let json: String = serde_json::from_str(&literal.replace("<\\/", "</")).unwrap();
            assert_eq!(json.len(), p.doc_len as usize);
            let doc: SearchDoc = serde_json::from_str(&json).unwrap();
            let fields = p
                .stems()
                .map(|(stems, w)| {
                    let stems = stems.map(|s| String::from_utf8(s.to_vec()).unwrap());
                    (stems.collect(), w)
                })
                .collect();
            b.add_stemmed(doc, fields);
        }
        b.begin_rows();
        let glossary = GlossaryWords::new(glossary);
        for r in rows {
            let (doc, fields) = with_cache(|cache| prepare_row(r, &glossary, cache));
            b.add_stemmed(doc, fields);
        }
        let mut index = b.finish();
        index.synonyms = synonyms.to_vec();
        files(index)
    }

    /// `n` pages (the eighth the search page) of made-up text, with every character JSON or
    /// a script escapes, and thousands of stems; and a text of `words` such words.
    fn many_pages(n: usize, seed: u64) -> (Vec<SearchText>, impl FnMut(usize) -> String) {
        const WORDS: &[&str] = &[
            "заявление",
            "заявления",
            "ЕСИА",
            "единая",
            "система",
            "идентификации",
            "аутентификации",
            "пароль",
            "логин",
            "школа",
            "учитель",
            "ученик",
            "ёлка",
            "срок",
            "дней",
            "2026",
            "СНИЛС",
            "gosuslugi",
            "portal",
            "\"кавычки\"",
            "a\\b",
            "</script>",
            "\u{2028}",
            "\u{2029}",
            "\u{1}",
            "\t",
            "«ёж»",
            "—",
            "x<y",
            "&",
            "'",
        ];
        let mut seed = seed;
        let mut next = move |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        // Made-up words, thousands of stems: many term shards.
        const SYLLABLES: &[&str] = &["ма", "ло", "ви", "ку", "зе", "ры", "ст", "но", "пра", "дё"];
        let mut text = move |n: usize| {
            (0..n)
                .map(|_| match next(3) {
                    0 => WORDS[next(WORDS.len())].to_string(),
                    _ => (0..4).map(|_| SYLLABLES[next(SYLLABLES.len())]).collect(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let pages: Vec<SearchText> = (0..n)
            .map(|i| SearchText {
                url: format!("/razdel/stranica-{i}/"),
                title: text(4),
                section: text(2),
                description: text(6),
                headings: vec![text(3), text(2)],
                text: text(20 + i % 150),
                search_page: i == 7,
            })
            .collect();
        (pages, text)
    }

    /// Hundreds of pages, their texts with every character JSON or a script escapes, make
    /// the files of the reference: the same pieces, cut at the same places.
    #[test]
    fn many_pages_make_the_reference_files() {
        let (pages, mut text) = many_pages(400, 9);
        let row = RowView {
            action: text(8),
            ..row_view()
        };
        let rows = [&row, &row];
        let synonyms = vec![vec!["пароль".to_string(), "код доступа".to_string()]];
        let search = || {
            pages
                .iter()
                .cloned()
                .map(PageSearch::Text)
                .collect::<Vec<_>>()
        };
        let (files, prepared) = built(search(), &rows, &glossary(), &synonyms);
        let count = |prefix: &str| files.iter().filter(|(p, _)| p.starts_with(prefix)).count();
        assert!(
            count("search/t") > 3 && count("search/d") > 20,
            "{}",
            files.len()
        );
        assert_eq!(files, reference(&prepared, &rows, &glossary(), &synonyms));
    }

    /// A rebuild's index, the unchanged pages' documents taken from the previous build's
    /// chunks (the build cache has no texts), is the clean build's; the chunks that did not
    /// change are not made again; a previous chunk that is needed and not as it was is refused.
    #[test]
    fn a_rebuild_takes_the_unchanged_documents_from_the_previous_chunks() {
        use search_json::Piece;
        use std::collections::HashMap;
        let (pages, mut text) = many_pages(300, 5);
        let row = RowView {
            action: text(8),
            ..row_view()
        };
        let rows = [&row];
        let search = |pages: &[SearchText]| -> Vec<PageSearch> {
            pages.iter().cloned().map(PageSearch::Text).collect()
        };
        let clean = build(search(&pages), &rows, &glossary(), &[], None).unwrap();
        let (files, prepared) = built(search(&pages), &rows, &glossary(), &[]);
        let dir = tempfile::tempdir().unwrap();
        write_files(dir.path(), &files);
        // As the build cache has them: without their documents' texts.
        let cached: PreparedPages =
            postcard::from_bytes(&postcard::to_stdvec(&prepared).unwrap()).unwrap();
        assert!(cached.iter().flatten().all(|p| p.doc.is_none()));
        let digests: HashMap<&str, search_json::Digest> = files
            .iter()
            .map(|(p, b)| (p.as_str(), *blake3::hash(b).as_bytes()))
            .collect();
        let reads = std::sync::atomic::AtomicUsize::new(0);
        let read = |path: &str| {
            if path.starts_with("search/d") {
                reads.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            let bytes = std::fs::read(dir.path().join(path)).ok()?;
            (blake3::hash(&bytes).as_bytes() == digests.get(path)?).then_some(bytes)
        };
        let before = search_json::Before {
            digests: &digests,
            layout: &clean.layout,
            read: &read,
        };
        // Pages edited: a text longer (the cuts after it may move), one shorter, a title.
        let mut edited = pages.clone();
        edited[250]
            .text
            .push_str(" дополнение в конце страницы «ЕСИА»");
        edited[280].text = text(5);
        edited[299].title = "Новое название".into();
        let again = || {
            let mut again: Vec<PageSearch> =
                cached.iter().cloned().map(PageSearch::Prepared).collect();
            for i in [250, 280, 299] {
                again[i] = PageSearch::Text(edited[i].clone());
            }
            again
        };
        let rebuilt = build(again(), &rows, &glossary(), &[], Some(&before)).unwrap();
        let (expected, _) = built(search(&edited), &rows, &glossary(), &[]);
        let mut as_before = 0;
        let got: Vec<(String, Vec<u8>)> = rebuilt
            .files
            .into_iter()
            .map(|(path, piece)| match piece {
                Piece::Made(bytes) => (path, bytes),
                Piece::AsBefore(d) => {
                    as_before += 1;
                    assert_eq!(Some(&d), digests.get(path.as_str()));
                    let bytes = std::fs::read(dir.path().join(&path)).unwrap();
                    (path, bytes)
                }
            })
            .collect();
        assert_eq!(got, expected);
        // Every chunk before the first edited page's document (page 250's is the 249th: the
        // search page has none) is the previous file, not made again.
        let untouched = clean
            .layout
            .chunks
            .windows(2)
            .filter(|w| w[1] <= 249)
            .count();
        assert!(untouched > 100, "{untouched}");
        assert!(as_before >= untouched, "{as_before} of {untouched}");
        // and was not read either: only chunks from page 250's on were.
        let chunks = clean.layout.chunks.len();
        let reads = reads.load(std::sync::atomic::Ordering::Relaxed);
        assert!(reads > 0 && reads <= chunks - untouched, "{reads}");
        // The chunk of page 250 holds other pages' documents: without the previous files, no.
        let gone = |_: &str| None;
        let without = search_json::Before {
            read: &gone,
            ..before
        };
        assert!(build(again(), &rows, &glossary(), &[], Some(&without)).is_err());
    }

    /// Every part of a row a reader may search for reaches its search document.
    #[test]
    fn a_row_is_searched_by_all_its_text() {
        let row = row_view();
        let (doc, fields) = with_cache(|cache| prepare_row(&row, &GlossaryWords::new(&[]), cache));
        assert_eq!(doc.url, "gis/etap-2-1/#r-2-1-5");
        assert_eq!(doc.title, "Строка 2.1.5: Восстановление пароля");
        assert_eq!(doc.section, "2.1. Модуль");
        assert_eq!(
            doc.text,
            "Восстановление пароля: логин, пароль. Срок: в течение 3 рабочих дней. со дня заявки \
             Ответственные: Оператор. Результат: Пароль выдан. Примечание"
        );
        let stems: Vec<&String> = fields.iter().flat_map(|(s, _)| s).collect();
        for word in [
            "восстановлен",
            "логин",
            "рабоч",
            "заявк",
            "оператор",
            "выда",
            "примечан",
        ] {
            assert!(
                stems.iter().any(|s| s.as_str() == word),
                "{word}: {stems:?}"
            );
        }
    }

    /// The first `html_text`: an allocation per tag and a pass per entity; kept to hold the
    /// one-pass version to the same text.
    fn html_text_by_replacing(html: &str) -> String {
        const BLOCKS: &[&str] = &[
            "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "caption",
            "summary",
        ];
        let mut out = String::new();
        let mut rest = html;
        let mut skipping: Option<String> = None;
        while let Some(lt) = rest.find('<') {
            if skipping.is_none() {
                out.push_str(&rest[..lt]);
            }
            let Some(gt) = rest[lt..].find('>') else {
                rest = "";
                break;
            };
            let tag = &rest[lt + 1..lt + gt];
            rest = &rest[lt + gt + 1..];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if tag.starts_with('/') {
                if skipping.as_deref() == Some(name.as_str()) {
                    skipping = None;
                } else if BLOCKS.contains(&name.as_str()) {
                    let last = out.trim_end().chars().next_back();
                    if last.is_some_and(|c| c.is_alphanumeric() || c == '»' || c == ')') {
                        let end = out.trim_end().len();
                        out.truncate(end);
                        out.push('.');
                    }
                }
            } else if skipping.is_none()
                && ((name == "a" && tag.contains("class=\"heading-anchor\""))
                    || tag.contains("data-search-skip"))
            {
                skipping = Some(name);
            } else if name == "wbr" {
                continue;
            }
            out.push(' ');
        }
        if skipping.is_none() {
            out.push_str(rest);
        }
        let decoded = out
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&nbsp;", " ")
            .replace("&amp;", "&");
        decoded.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The first `decoded_words`, a character at a time: the reference of the one that
    /// copies runs.
    fn decoded_words_by_chars(text: &str) -> String {
        const ENTITIES: [(&str, char); 6] = [
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
            ("&nbsp;", ' '),
            ("&amp;", '&'),
        ];
        let mut out = String::with_capacity(text.len());
        let mut space = false;
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            let (c, len) = match ENTITIES
                .iter()
                .find(|(e, _)| c == '&' && rest.starts_with(e))
            {
                Some((e, decoded)) => (*decoded, e.len()),
                None => (c, c.len_utf8()),
            };
            rest = &rest[len..];
            if c.is_whitespace() {
                space = !out.is_empty();
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
        out
    }

    proptest::proptest! {
        /// Any text, white space of every kind (and the bytes around it) among letters.
        #[test]
        fn decoded_words_copies_runs_as_it_read_characters(
            text in "([\\u{0}-\\u{40}&;a-zё«»—…\\u{85}\\u{a0}\\u{1680}\\u{2000}-\\u{206f}\\u{3000}\\u{feff}абвЯ𝄞]|&(amp|lt|gt|quot|#39|nbsp);?)*"
        ) {
            proptest::prop_assert_eq!(decoded_words(&text), decoded_words_by_chars(&text));
        }

        #[test]
        fn html_text_is_the_replacing_version(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<p>", "</p>", "<P>", "</LI>", "<li>", "</h2>", "<wbr>", "<WBR>", "<br/>",
                    "<a class=\"heading-anchor\" href=\"#x\">", "</a>", "</A>",
                    "<div data-search-skip>", "</div>", "<span>", "</span>", "<", ">",
                    "&amp;", "&amp;lt;", "&lt;", "&gt;", "&quot;", "&#39;", "&nbsp;", "&",
                    "&nbsp", "amp;", "nbsp;", "lt;", " ", "  ", "\n", "\u{a0}", "\t", "Шаг",
                    "1", ")", "»", ".", "x", "ё", "—",
                ]),
                0..40,
            )
        ) {
            let html = pieces.concat();
            proptest::prop_assert_eq!(html_text(&html), html_text_by_replacing(&html));
        }
    }

    #[test]
    fn html_text_drops_tags_and_decodes() {
        assert_eq!(
            html_text("<p>a &amp; b</p><ul><li>c</li></ul>"),
            "a & b. c."
        );
        // A snippet reads as sentences, without the headings' «#».
        assert_eq!(
            html_text(
                "<h2 id=\"x\">Шаг 1 <a class=\"heading-anchor\" href=\"#x\" aria-label=\"Ссылка\">#</a></h2>\n<div class=\"callout\"><p class=\"callout__title\"><strong>Важно</strong></p>\n<p>Чтобы войти, нажмите «Войти».</p></div><p>Готово!</p>"
            ),
            "Шаг 1. Важно. Чтобы войти, нажмите «Войти». Готово!"
        );
        // A web address's break opportunities are not spaces.
        assert_eq!(
            html_text("<p>На https://<wbr>esia<wbr>.gosuslugi<wbr>.ru/<wbr>x/</p>"),
            "На https://esia.gosuslugi.ru/x/"
        );
        // A note about the page (ticks without JavaScript) is not what the page is about.
        assert_eq!(
            html_text(&format!(
                "<h2>Шаг 1</h2>{}<ul><li>Войдите</li></ul>",
                crate::markdown::CHECKLIST_NOJS
            )),
            "Шаг 1. Войдите."
        );
    }

    #[test]
    fn the_index_is_files_of_safe_strings() {
        let mut b = IndexBuilder::default();
        b.add(
            SearchDoc {
                url: "a/".into(),
                title: "Пароль </script>".into(),
                section: String::new(),
                text: "строка\u{2028}перевод".into(),
            },
            &[("Пароль", weight::TITLE)],
        );
        let files = files(b.finish());
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["search-index.js", "search/t0.js", "search/d0.js"]);
        let text = |i: usize| String::from_utf8(files[i].1.clone()).unwrap();
        assert!(
            text(0).contains(
                "window.PAMYATKA_SEARCH = \"{\\\"terms\\\":[\\\"парол\\\"],\\\"docs\\\":[0],\\\"pages\\\":1}\";"
            ),
            "{}",
            text(0)
        );
        assert!(
            text(1).starts_with("pamyatkaSearchData(\"t\", 0, \""),
            "{}",
            text(1)
        );
        let d = text(2);
        assert!(
            d.contains("<\\/script>") && d.contains("\\u2028") && !d.contains('\u{2028}'),
            "{d}"
        );
    }
}
