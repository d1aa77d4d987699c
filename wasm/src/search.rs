//! Full-text search that understands Russian: words are lowercased, «ё» read as «е», and cut to
//! their stems by the Snowball Russian stemmer (rust-stemmers), so «пароль восстановить» finds
//! «Восстановление (изменение) логина и (или) пароля». The builder indexes at build time and the
//! browser searches with this same code (the `search` WASM module), so both agree.
//!
//! Matching: a query stem matches an index stem that is equal to it, or when one is a prefix of
//! the other and the shorter has at least [`MIN_PREFIX`] letters («восстанов» ~ «восстановлен»);
//! an exact match scores twice. Every query word must match (AND); when no page has them all,
//! the pages with most of them are given, flagged as partial.

use std::collections::BTreeMap;

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

/// Shortest stem that may match longer ones by prefix.
pub const MIN_PREFIX: usize = 4;

/// Words too common to search by (sorted: looked up by binary search).
const STOPWORDS: &[&str] = &[
    "а",
    "без",
    "в",
    "во",
    "все",
    "для",
    "до",
    "если",
    "же",
    "за",
    "и",
    "из",
    "или",
    "их",
    "к",
    "как",
    "ко",
    "когда",
    "ли",
    "на",
    "над",
    "не",
    "нет",
    "но",
    "о",
    "об",
    "от",
    "по",
    "под",
    "при",
    "с",
    "со",
    "так",
    "также",
    "то",
    "того",
    "только",
    "у",
    "что",
    "чтобы",
    "это",
    "этот",
];

/// A word of `text` with its place: the byte range, the folded word and the stem it searches by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// Lowercase, «ё» as «е».
    pub folded: String,
    pub stem: String,
}

fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::Russian)
}

/// The searchable words of `text`, in order (stop words left out).
pub fn words(text: &str) -> Vec<Word> {
    words_cached(text, &mut StemCache::default())
}

/// Stems already computed, by folded word: the index builder meets the same words on every
/// page, and the Snowball stemmer is the costly part of reading them.
#[derive(Default)]
pub struct StemCache {
    stems: rustc_hash::FxHashMap<String, String>,
}

/// The longest stop word, in bytes: longer words are not looked up.
const STOPWORD_BYTES: usize = 12;

/// A word lowercased, «ё» as «е», and in a word with Cyrillic letters the Latin letters that
/// look like Cyrillic ones read as those («Cнилс» typed with a Latin «C» is «снилс»): Latin
/// and Cyrillic letters without the general Unicode lookup (a search index reads millions of
/// words). The index and the query are read by this one function.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let (mut latin, mut cyrillic) = (false, false);
    for c in word.chars() {
        match c {
            'А'..='Я' => {
                cyrillic = true;
                out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c));
            }
            'Ё' | 'ё' => {
                cyrillic = true;
                out.push('е');
            }
            c if c.is_ascii() => {
                latin |= c.is_ascii_alphabetic();
                out.push(c.to_ascii_lowercase());
            }
            'а'..='я' => {
                cyrillic = true;
                out.push(c);
            }
            c => out.extend(c.to_lowercase().map(|c| if c == 'ё' { 'е' } else { c })),
        }
    }
    if latin && cyrillic {
        out = out.chars().map(look_alike).collect();
    }
    out
}

/// The Cyrillic letter a lowercase Latin letter looks like (in either case: «B» as «В», «H» as
/// «Н», «y» as «у»); any other letter as it is. The archive checks fold file names with it too.
pub(crate) fn look_alike(c: char) -> char {
    match c {
        'a' => 'а',
        'b' => 'в',
        'c' => 'с',
        'e' => 'е',
        'h' => 'н',
        'k' => 'к',
        'm' => 'м',
        'o' => 'о',
        'p' => 'р',
        't' => 'т',
        'x' => 'х',
        'y' => 'у',
        other => other,
    }
}

/// A letter or digit; Latin and Cyrillic without the general Unicode lookup. (The glossary's
/// abbreviations are spelled in these words too: `rewrite::Glossary`.)
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё')
        || (!c.is_ascii() && c.is_alphanumeric())
}

/// [`words`], stemming each distinct word once per `cache`.
pub fn words_cached(text: &str, cache: &mut StemCache) -> Vec<Word> {
    let mut ru: Option<Stemmer> = None;
    let mut out = Vec::new();
    let mut start = None;
    let mut push = |s: usize, e: usize| {
        let raw = &text[s..e];
        let lower = fold(raw);
        if lower.len() <= STOPWORD_BYTES && STOPWORDS.binary_search(&lower.as_str()).is_ok() {
            return;
        }
        // Abbreviations (ЕСИА, ИНН, МОУО) are names, not inflected words: kept whole.
        let mut chars = 0;
        let abbreviation = raw.chars().all(|c| {
            chars += 1;
            c.is_uppercase() || c.is_ascii_digit()
        }) && chars >= 2;
        let stem = if !abbreviation && lower.chars().any(|c| ('а'..='я').contains(&c)) {
            match cache.stems.get(&lower) {
                Some(stem) => stem.clone(),
                None => {
                    let stem = ru.get_or_insert_with(stemmer).stem(&lower).into_owned();
                    cache.stems.insert(lower.clone(), stem.clone());
                    stem
                }
            }
        } else {
            lower.clone()
        };
        out.push(Word {
            start: s,
            end: e,
            folded: lower,
            stem,
        });
    };
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            push(s, i);
        }
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    out
}

/// The stems of `text`, in order.
pub fn stems(text: &str) -> Vec<String> {
    words(text).into_iter().map(|w| w.stem).collect()
}

/// How well an index stem answers a query word: 2 exact stem, 1 by prefix, 0 not at all.
/// Prefix: one stem starts with the other and the shorter has at least [`MIN_PREFIX`] letters
/// («восстанов» ~ «восстановлен»), or the index stem starts the query word itself and has at
/// least three letters (Snowball cuts «запись» to «зап» but «записи» to «запис»).
pub fn matches(query: &Word, term: &str) -> u32 {
    if query.stem == term {
        return 2;
    }
    let by_word = query.folded.starts_with(term) && term.chars().count() >= 3;
    u32::from(by_stem(query, term) || by_word)
}

/// One stem begins the other and the shorter has at least [`MIN_PREFIX`] letters.
fn by_stem(query: &Word, term: &str) -> bool {
    let (short, long) = if query.stem.len() <= term.len() {
        (query.stem.as_str(), term)
    } else {
        (term, query.stem.as_str())
    };
    // The prefix test first: it fails at the first letter for almost every pair, and counting
    // letters is the costlier part.
    long.starts_with(short) && short.chars().count() >= MIN_PREFIX
}

/// A page or a table row as the search shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDoc {
    pub url: String,
    pub title: String,
    /// Where it is: the section, or the table and its stage.
    pub section: String,
    /// The text snippets are cut from.
    pub text: String,
}

/// The index: documents, and for each stem (sorted) the documents and scores, flattened as
/// `[doc, score, doc, score, …]`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SearchIndex {
    pub docs: Vec<SearchDoc>,
    pub terms: Vec<(String, Vec<u32>)>,
    /// Documents `0..pages` are pages, the rest rows of tables: a page whose title or a heading
    /// has a query word ranks above rows that only mention it.
    #[serde(default)]
    pub pages: u32,
    /// Groups of words and phrases that find each other (`content/search-synonyms.yaml`):
    /// a query is expanded with them, the index is not.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
}

/// Field weights: a title hit outranks a heading hit, which outranks the text.
pub mod weight {
    pub const TITLE: u32 = 10;
    pub const HEADING: u32 = 4;
    pub const TEXT: u32 = 1;
}

#[derive(Default)]
pub struct IndexBuilder {
    docs: Vec<SearchDoc>,
    /// Per stem, `[doc, score, …]` in the order documents were added (a flat vector: a site of
    /// 10 000 pages has millions of postings).
    postings: std::collections::HashMap<String, Vec<u32>>,
    /// The first table row, once rows are being added.
    rows_from: Option<u32>,
}

impl IndexBuilder {
    /// The documents added from now on are table rows, not pages.
    pub fn begin_rows(&mut self) {
        self.rows_from.get_or_insert(self.docs.len() as u32);
    }

    /// Adds a document; `fields` are texts with their weights (title, headings, text, and the
    /// expansions of the abbreviations it uses).
    pub fn add(&mut self, doc: SearchDoc, fields: &[(&str, u32)]) {
        let fields = fields.iter().map(|(t, w)| (stems(t), *w)).collect();
        self.add_stemmed(doc, fields);
    }

    /// [`IndexBuilder::add`] with each field's stems already made (in parallel, by the
    /// builder's caller).
    pub fn add_stemmed(&mut self, doc: SearchDoc, fields: Vec<(Vec<String>, u32)>) {
        let id = self.docs.len() as u32;
        self.docs.push(doc);
        // Each field counts once per stem: a title hit outranks any number of mentions in a
        // long text.
        for (mut seen, w) in fields {
            seen.sort_unstable();
            seen.dedup();
            for stem in seen {
                let list = self.postings.entry(stem).or_default();
                match list.len() {
                    // Another field of this document has the stem: the weights add up.
                    n if n >= 2 && list[n - 2] == id => list[n - 1] += w,
                    _ => list.extend([id, w]),
                }
            }
        }
    }

    pub fn finish(self) -> SearchIndex {
        let mut terms: Vec<(String, Vec<u32>)> = self.postings.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        SearchIndex {
            pages: self.rows_from.unwrap_or(self.docs.len() as u32),
            docs: self.docs,
            terms,
            synonyms: Vec::new(),
        }
    }
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub url: String,
    pub title: String,
    pub section: String,
    pub score: u32,
    /// A piece of the text around the first match: (text, is a match).
    pub snippet: Vec<(String, bool)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Results {
    pub query: Vec<String>,
    /// No document has every word: these have most of them.
    pub partial: bool,
    pub hits: Vec<Hit>,
    /// The query with its misspelt words corrected («госуслги» → «госуслуги»), when a word was
    /// found only by its correction and there are results: the page offers it as «Возможно,
    /// вы имели в виду …».
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction: Option<String>,
}

/// Search `index` for `query`; at most `limit` hits, best first.
pub fn search(index: &SearchIndex, query: &str, limit: usize) -> Results {
    let thesaurus = Thesaurus::new(&index.synonyms);
    search_in(
        &index.terms,
        index.pages,
        &thesaurus,
        |d| index.docs.get(d as usize),
        query,
        limit,
    )
}

/// The query's words, each stem once.
fn query_words(query: &str) -> Vec<Word> {
    let mut q = words(query);
    q.dedup_by(|a, b| a.stem == b.stem);
    q
}

/// The first letters of a query word that every term it may match starts with (see
/// [`matches`]): candidates are found by binary search in the sorted terms.
fn candidate_key(w: &Word) -> String {
    w.stem.chars().take(3).collect()
}

/// The terms of `terms` (sorted) that start with `key`.
fn starting_with<'t>(terms: &'t [(String, Vec<u32>)], key: &str) -> &'t [(String, Vec<u32>)] {
    let from = terms.partition_point(|(t, _)| t.as_str() < key);
    let n = terms[from..].partition_point(|(t, _)| t.starts_with(key));
    &terms[from..from + n]
}

/// Whether some term answers `w` exactly or by prefix. A short stem that only begins a much
/// longer word («дне» of «дней» in the misspelt «дневнека») is no sign the word is there.
fn found(terms: &[(String, Vec<u32>)], w: &Word) -> bool {
    let letters = w.folded.chars().count();
    starting_with(terms, &candidate_key(w))
        .iter()
        .any(|(t, _)| {
            w.stem == *t || by_stem(w, t) || (matches(w, t) > 0 && 2 * t.chars().count() >= letters)
        })
}

/// The synonym groups as words, each phrase a run of words (read once per index).
#[derive(Debug, Default)]
pub struct Thesaurus {
    groups: Vec<Vec<Vec<Word>>>,
}

impl Thesaurus {
    pub fn new(groups: &[Vec<String>]) -> Self {
        Thesaurus {
            groups: groups
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|p| words(p))
                        .filter(|w| !w.is_empty())
                        .collect()
                })
                .collect(),
        }
    }

    /// The group with a phrase that the words `q` begin with, and the phrase's length (the
    /// longest such phrase).
    fn at(&self, q: &[Word]) -> Option<(&[Vec<Word>], usize)> {
        let mut best: Option<(&[Vec<Word>], usize)> = None;
        for g in &self.groups {
            for p in g {
                let fits = p.len() <= q.len() && p.iter().zip(q).all(|(a, b)| a.stem == b.stem);
                if fits && best.is_none_or(|(_, n)| p.len() > n) {
                    best = Some((g, p.len()));
                }
            }
        }
        best
    }
}

/// A part of the query that a document must answer: a word, or a phrase of the synonym list,
/// answered by any of its synonyms (each a run of words that must all be found).
#[derive(Debug, Clone)]
struct Slot {
    ways: Vec<Vec<Word>>,
    /// Where it is in the query text.
    start: usize,
    end: usize,
    /// The word as corrected, when only its correction is in the index.
    corrected: Option<String>,
}

/// The query as slots (synonyms expanded); words are not corrected yet ([`correct`]).
fn plan(query: &str, thesaurus: &Thesaurus) -> Vec<Slot> {
    let q = query_words(query);
    let mut out = Vec::new();
    let mut i = 0;
    while i < q.len() {
        let (ways, n) = match thesaurus.at(&q[i..]) {
            Some((group, n)) => (group.to_vec(), n),
            None => (vec![vec![q[i].clone()]], 1),
        };
        out.push(Slot {
            ways,
            start: q[i].start,
            end: q[i + n - 1].end,
            corrected: None,
        });
        i += n;
    }
    out
}

/// A word alone in its slot that no term answers: it may be misspelt.
fn misspelt<'s>(terms: &[(String, Vec<u32>)], slot: &'s Slot) -> Option<&'s Word> {
    match slot.ways.as_slice() {
        [way] => match way.as_slice() {
            [w] if typos(w) > 0 && !found(terms, w) => Some(w),
            _ => None,
        },
        _ => None,
    }
}

/// How many typos a word may have: 1 from 5 letters, 2 from 9, none in shorter words or in
/// numbers.
fn typos(w: &Word) -> usize {
    if w.folded.chars().any(|c| c.is_ascii_digit()) {
        return 0;
    }
    match w.folded.chars().count() {
        9.. => 2,
        5.. => 1,
        _ => 0,
    }
}

/// Edit distance (optimal string alignment: a swap of two neighbours counts as one) of `q` to
/// every prefix of `t`, as the table `d[i][j]` = distance of `q[..i]` to `t[..j]`.
fn distances(q: &[char], t: &[char]) -> Vec<Vec<usize>> {
    let mut d = vec![vec![0; t.len() + 1]; q.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=q.len() {
        for j in 1..=t.len() {
            let cost = usize::from(q[i - 1] != t[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && q[i - 1] == t[j - 2] && q[i - 2] == t[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d
}

/// The closest spelling of `w` in the index: a term within [`typos`] edits of its stem, or
/// the beginning of one (the prefix rule of [`matches`], at least [`MIN_PREFIX`] letters).
/// Only terms with its first letter are tried. Fewest edits first, then the term in most documents, then the whole term before a
/// prefix, then alphabetical order. The word returned has the corrected stem and the word as
/// the reader would have typed it («госуслги» → «госуслуги»).
fn correct(terms: &[(String, Vec<u32>)], w: &Word) -> Option<Word> {
    let k = typos(w);
    let q: Vec<char> = w.stem.chars().collect();
    let first = q.first()?.to_string();
    // (edits, -documents, prefix, term, stem chars taken from the term, query chars replaced)
    let mut best: Option<(usize, i64, bool, &str, usize, usize)> = None;
    for (term, postings) in starting_with(terms, &first) {
        let all: Vec<char> = term.chars().collect();
        // Longer prefixes are more than k edits away.
        let t = &all[..all.len().min(q.len() + k)];
        let d = distances(&q, t);
        let whole = t.len() == all.len();
        let mut cells: Vec<(usize, bool, usize, usize)> = Vec::new();
        if whole {
            cells.push((d[q.len()][t.len()], false, t.len(), q.len()));
        }
        // the query's stem begins the term
        if q.len() >= MIN_PREFIX {
            cells.extend(
                (MIN_PREFIX..t.len().min(all.len() - 1) + 1)
                    .map(|j| (d[q.len()][j], true, j, q.len())),
            );
        }
        let Some(&(edits, prefix, j, i)) = cells.iter().filter(|c| c.0 <= k).min() else {
            continue;
        };
        let key = (
            edits,
            -((postings.len() / 2) as i64),
            prefix,
            term.as_str(),
            j,
            i,
        );
        if best.is_none_or(|b| key < b) {
            best = Some(key);
        }
    }
    let (_, _, _, term, j, i) = best?;
    let stem: String = term.chars().take(j).collect();
    // The rest of the typed word after the part of the stem that was corrected.
    let rest: String = match w.folded.strip_prefix(w.stem.as_str()) {
        Some(ending) => q[i..].iter().collect::<String>() + ending,
        None => String::new(),
    };
    Some(Word {
        start: w.start,
        end: w.end,
        folded: stem.clone() + &rest,
        stem,
    })
}

/// Corrects each misspelt word of `slots` ([`misspelt`], [`correct`]); a corrected word of
/// the synonym list finds its synonyms as if typed right.
fn correct_all(terms: &[(String, Vec<u32>)], thesaurus: &Thesaurus, slots: &mut [Slot]) {
    for slot in slots {
        if let Some(w) = misspelt(terms, slot).and_then(|w| correct(terms, w)) {
            slot.corrected = Some(w.folded.clone());
            slot.ways = match thesaurus.at(std::slice::from_ref(&w)) {
                Some((group, 1)) => group.to_vec(),
                _ => vec![vec![w]],
            };
        }
    }
}

/// The documents a query word answers: doc → (score, a title or heading has it).
fn postings_of(terms: &[(String, Vec<u32>)], qw: &Word) -> BTreeMap<u32, (u32, bool)> {
    let mut best: BTreeMap<u32, (u32, bool)> = BTreeMap::new();
    for (term, postings) in starting_with(terms, &candidate_key(qw)) {
        let m = matches(qw, term);
        if m == 0 {
            continue;
        }
        for pair in postings.chunks_exact(2) {
            let e = best.entry(pair[0]).or_default();
            e.0 = e.0.max(pair[1] * m);
            // A text hit weighs 1 (2 with a glossary expansion); a heading or title more.
            e.1 |= pair[1] >= weight::HEADING;
        }
    }
    best
}

/// The documents a slot answers: those with every word of one of its ways, scored by the best
/// way.
fn postings_of_slot(terms: &[(String, Vec<u32>)], slot: &Slot) -> BTreeMap<u32, (u32, bool)> {
    let mut out: BTreeMap<u32, (u32, bool)> = BTreeMap::new();
    for way in &slot.ways {
        let mut lists = way.iter().map(|w| postings_of(terms, w));
        let Some(mut docs) = lists.next() else {
            continue;
        };
        for list in lists {
            // (not collected into a new map: that sorts, and costs the browser module ~KBs)
            docs.retain(|d, (s, g)| match list.get(d) {
                Some((s2, g2)) => {
                    *s += s2;
                    *g |= g2;
                    true
                }
                None => false,
            });
        }
        for (d, (s, g)) in docs {
            let e = out.entry(d).or_default();
            e.0 = e.0.max(s);
            e.1 |= g;
        }
    }
    out
}

/// A ranked document.
#[derive(Debug, Clone, Copy)]
struct Ranked {
    doc: u32,
    score: u32,
    /// Slots answered, and how many of them only by a corrected word.
    slots: usize,
    corrected: usize,
    /// A page (not a table row) with a query word in its title or a heading.
    guide: bool,
}

/// The documents that answer `slots`, best first, and whether no document has every slot (then
/// those with most of them are given). Order: more slots answered; fewer of them by a
/// corrected word; a page whose title or heading answers before rows and pages that only
/// mention the words; a higher score; the order of the site.
fn rank(terms: &[(String, Vec<u32>)], pages: u32, slots: &[Slot]) -> (bool, Vec<Ranked>) {
    let mut per_doc: BTreeMap<u32, Ranked> = BTreeMap::new();
    for slot in slots {
        for (doc, (s, g)) in postings_of_slot(terms, slot) {
            let e = per_doc.entry(doc).or_insert(Ranked {
                doc,
                score: 0,
                slots: 0,
                corrected: 0,
                guide: false,
            });
            e.score += s;
            e.slots += 1;
            e.corrected += usize::from(slot.corrected.is_some());
            e.guide |= g && doc < pages;
        }
    }
    let all: Vec<Ranked> = per_doc
        .values()
        .filter(|r| r.slots == slots.len())
        .copied()
        .collect();
    let partial = all.is_empty() && !per_doc.is_empty();
    let mut ranked = if partial {
        per_doc.into_values().collect()
    } else {
        all
    };
    ranked.sort_by(|a, b| {
        b.slots
            .cmp(&a.slots)
            .then(a.corrected.cmp(&b.corrected))
            .then(b.guide.cmp(&a.guide))
            .then(b.score.cmp(&a.score))
            .then(a.doc.cmp(&b.doc))
    });
    (partial, ranked)
}

/// The query planned, corrected and ranked over `terms`.
fn answer(
    terms: &[(String, Vec<u32>)],
    pages: u32,
    thesaurus: &Thesaurus,
    query: &str,
) -> (Vec<Slot>, bool, Vec<Ranked>) {
    let mut slots = plan(query, thesaurus);
    correct_all(terms, thesaurus, &mut slots);
    let (partial, ranked) = rank(terms, pages, &slots);
    (slots, partial, ranked)
}

/// [`search`] over sorted `terms`, with the documents looked up by `doc` (a document it does
/// not give is left out).
fn search_in<'a>(
    terms: &[(String, Vec<u32>)],
    pages: u32,
    thesaurus: &Thesaurus,
    doc: impl Fn(u32) -> Option<&'a SearchDoc>,
    query: &str,
    limit: usize,
) -> Results {
    let (slots, partial, ranked) = answer(terms, pages, thesaurus, query);
    let q: Vec<Word> = slots
        .iter()
        .flat_map(|s| s.ways.iter().flatten().cloned())
        .collect();
    let hits: Vec<Hit> = ranked
        .into_iter()
        .take(limit)
        .filter_map(|r| {
            let doc = doc(r.doc)?;
            Some(Hit {
                url: doc.url.clone(),
                title: doc.title.clone(),
                section: doc.section.clone(),
                score: r.score,
                snippet: snippet(&doc.text, &q),
            })
        })
        .collect();
    let correction = (!hits.is_empty() && slots.iter().any(|s| s.corrected.is_some())).then(|| {
        let mut text = query.to_string();
        for s in slots.iter().rev() {
            if let Some(c) = &s.corrected {
                text.replace_range(s.start..s.end, c);
            }
        }
        text.trim().to_string()
    });
    Results {
        query: q.into_iter().map(|w| w.stem).collect(),
        partial,
        hits,
        correction,
    }
}

/// The index cut into pieces that a browser loads as a search needs them, so that searching a
/// site of 10 000 pages downloads a few hundred kilobytes, not the whole index: the
/// [`Manifest`], the terms in sorted runs ([`TermShard`]), and the documents in runs
/// ([`DocChunk`]). A query word needs only the shards whose terms start as it does; the
/// results need only the chunks of the documents shown.
#[derive(Debug, Clone)]
pub struct Shards {
    pub manifest: Manifest,
    pub terms: Vec<TermShard>,
    pub docs: Vec<DocChunk>,
}

/// Where each piece begins.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The first term of each term shard; shard `i` holds the terms from `terms[i]` up to
    /// (not including) `terms[i + 1]`.
    pub terms: Vec<String>,
    /// The first document of each chunk.
    pub docs: Vec<u32>,
    /// See [`SearchIndex::pages`].
    #[serde(default)]
    pub pages: u32,
    /// See [`SearchIndex::synonyms`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Vec<String>>,
}

/// A sorted run of terms. Postings are `[doc, score, …]` with each doc given as the difference
/// from the one before (smaller numbers, a smaller download).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermShard {
    pub terms: Vec<(String, Vec<u32>)>,
}

/// A run of documents, the first being `first`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocChunk {
    pub first: u32,
    pub docs: Vec<SearchDoc>,
}

fn delta_encode(postings: &[u32]) -> Vec<u32> {
    let mut prev = 0;
    let mut out = postings.to_vec();
    for pair in out.chunks_exact_mut(2) {
        let d = pair[0];
        pair[0] = d - prev;
        prev = d;
    }
    out
}

fn delta_decode(postings: &mut [u32]) {
    let mut prev = 0u32;
    for pair in postings.chunks_exact_mut(2) {
        prev = prev.saturating_add(pair[0]);
        pair[0] = prev;
    }
}

/// Cuts `items` into runs of about `target` bytes by `size` (an item larger than that is a run
/// of its own).
fn runs<T>(items: Vec<T>, target: usize, size: impl Fn(&T) -> usize) -> Vec<Vec<T>> {
    let mut out: Vec<Vec<T>> = Vec::new();
    let mut used = 0;
    for item in items {
        let n = size(&item);
        if out.is_empty() || used + n > target {
            out.push(Vec::new());
            used = 0;
        }
        used += n;
        out.last_mut().expect("a run was pushed").push(item);
    }
    out
}

impl SearchIndex {
    /// The index in pieces of about `term_bytes` and `doc_bytes` of JSON each.
    pub fn shard(self, term_bytes: usize, doc_bytes: usize) -> Shards {
        let terms: Vec<TermShard> = runs(
            self.terms
                .into_iter()
                .map(|(t, p)| (t, delta_encode(&p)))
                .collect(),
            term_bytes,
            json_len,
        )
        .into_iter()
        .map(|terms| TermShard { terms })
        .collect();
        let mut first = 0u32;
        let docs: Vec<DocChunk> = runs(self.docs, doc_bytes, json_len)
            .into_iter()
            .map(|docs| {
                let chunk = DocChunk { first, docs };
                first += chunk.docs.len() as u32;
                chunk
            })
            .collect();
        Shards {
            manifest: Manifest {
                terms: terms.iter().map(|s| s.terms[0].0.clone()).collect(),
                docs: docs.iter().map(|c| c.first).collect(),
                pages: self.pages,
                synonyms: self.synonyms,
            },
            terms,
            docs,
        }
    }
}

/// The size of a value as JSON, for cutting the index into pieces.
fn json_len<T: Serialize>(value: &T) -> usize {
    serde_json::to_vec(value).map_or(0, |v| v.len())
}

/// A sharded index in the browser: the manifest, and the pieces loaded so far. A search asks
/// [`Loaded::shards_for`] which term shards it needs, then [`Loaded::chunks_for`] which
/// document chunks, and when they are in, [`Loaded::search`] answers as [`search`] would on
/// the whole index.
#[derive(Debug, Default)]
pub struct Loaded {
    manifest: Manifest,
    shards: Vec<bool>,
    chunks: Vec<bool>,
    /// The terms of the loaded shards, sorted.
    terms: Vec<(String, Vec<u32>)>,
    docs: BTreeMap<u32, SearchDoc>,
    thesaurus: Thesaurus,
}

impl Loaded {
    pub fn new(manifest: Manifest) -> Self {
        Loaded {
            shards: vec![false; manifest.terms.len()],
            chunks: vec![false; manifest.docs.len()],
            thesaurus: Thesaurus::new(&manifest.synonyms),
            manifest,
            ..Loaded::default()
        }
    }

    /// Adds to `out` the shards not loaded yet that may hold a term starting with `key`.
    fn shards_starting(&self, key: &str, out: &mut Vec<usize>) {
        let firsts = &self.manifest.terms;
        // Shard i may hold a term starting with `key` when it begins at or before the run of
        // such terms (or inside it) and ends after `key`.
        for i in 0..firsts.len() {
            let begins_in_time = firsts[i].as_str() <= key || firsts[i].starts_with(key);
            let ends_after = firsts.get(i + 1).is_none_or(|next| next.as_str() > key);
            if begins_in_time && ends_after && !self.shards[i] && !out.contains(&i) {
                out.push(i);
            }
        }
    }

    /// The term shards `query` needs that are not loaded yet. Ask again once they are in:
    /// when a word is in none of them, it may be misspelt, and its corrections are looked for
    /// among the terms with its first letter, in more shards. Empty when all are in.
    pub fn shards_for(&self, query: &str) -> Vec<usize> {
        let mut slots = plan(query, &self.thesaurus);
        let mut out: Vec<usize> = Vec::new();
        let keys = |slots: &[Slot], out: &mut Vec<usize>| {
            for w in slots.iter().flat_map(|s| s.ways.iter().flatten()) {
                self.shards_starting(&candidate_key(w), out);
            }
        };
        keys(&slots, &mut out);
        if out.is_empty() {
            for slot in &slots {
                if let Some(w) = misspelt(&self.terms, slot) {
                    let first: String = w.stem.chars().take(1).collect();
                    self.shards_starting(&first, &mut out);
                }
            }
        }
        // Then the synonyms of a corrected word.
        if out.is_empty() {
            correct_all(&self.terms, &self.thesaurus, &mut slots);
            keys(&slots, &mut out);
        }
        out.sort_unstable();
        out
    }

    /// Adds term shard `i` (its JSON parsed).
    pub fn add_shard(&mut self, i: usize, mut shard: TermShard) {
        if self.shards.get(i).copied() != Some(false) {
            return;
        }
        self.shards[i] = true;
        for (_, p) in &mut shard.terms {
            delta_decode(p);
        }
        // Shards are disjoint sorted runs: each goes in whole where its first term belongs.
        if let Some((first, _)) = shard.terms.first() {
            let at = self.terms.partition_point(|(t, _)| t < first);
            self.terms.splice(at..at, shard.terms);
        }
    }

    /// The document chunks not loaded yet that the best `limit` results of `query` are in
    /// (with the term shards it needs loaded).
    pub fn chunks_for(&self, query: &str, limit: usize) -> Vec<usize> {
        let (_, _, ranked) = answer(&self.terms, self.manifest.pages, &self.thesaurus, query);
        let mut out: Vec<usize> = ranked
            .into_iter()
            .take(limit)
            .map(|Ranked { doc: d, .. }| {
                self.manifest
                    .docs
                    .partition_point(|&f| f <= d)
                    .saturating_sub(1)
            })
            .filter(|&c| self.chunks.get(c).copied() == Some(false))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Adds document chunk `i`.
    pub fn add_chunk(&mut self, i: usize, chunk: DocChunk) {
        if self.chunks.get(i).copied() != Some(false) {
            return;
        }
        self.chunks[i] = true;
        for (n, d) in chunk.docs.into_iter().enumerate() {
            self.docs.insert(chunk.first + n as u32, d);
        }
    }

    /// Results for `query` from what is loaded.
    pub fn search(&self, query: &str, limit: usize) -> Results {
        search_in(
            &self.terms,
            self.manifest.pages,
            &self.thesaurus,
            |d| self.docs.get(&d),
            query,
            limit,
        )
    }
}

/// About [`SNIPPET`] characters of `text` around its first word that matches the query, with
/// the matching words marked.
fn snippet(text: &str, query: &[Word]) -> Vec<(String, bool)> {
    const SNIPPET: usize = 180;
    let ws = words(text);
    let hit = |w: &Word| query.iter().any(|q| matches(q, &w.stem) > 0);
    // The first match with the most different query words right after it («Восстановить
    // пароль» rather than a lone «пароля» before it).
    let answers = |w: &Word| -> u64 {
        query
            .iter()
            .take(64)
            .enumerate()
            .filter(|(_, q)| matches(q, &w.stem) > 0)
            .fold(0, |m, (i, _)| m | 1 << i)
    };
    let masks: Vec<u64> = ws.iter().map(answers).collect();
    const CLOSE: usize = 3;
    let first = (0..ws.len())
        .filter(|&i| masks[i] != 0)
        .map(|i| {
            let near = masks[i..(i + CLOSE).min(ws.len())]
                .iter()
                .fold(0, |m, w| m | w);
            (near.count_ones(), std::cmp::Reverse(i))
        })
        .max()
        .map(|(_, std::cmp::Reverse(i))| i);
    // Start a few words before the first match, on a word boundary.
    let start = match first {
        Some(i) => ws[i.saturating_sub(6)].start,
        None => 0,
    };
    let mut end = start;
    for (i, _) in text[start..].char_indices().take(SNIPPET) {
        end = start + i;
    }
    end = text[end..]
        .char_indices()
        .nth(1)
        .map_or(text.len(), |(i, _)| end + i);
    // Do not cut a word in two.
    if let Some(w) = ws.iter().find(|w| w.start < end && w.end > end) {
        end = w.end;
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut pos = start;
    if start > 0 {
        out.push(("… ".into(), false));
    }
    for w in ws
        .iter()
        .filter(|w| w.start >= start && w.end <= end && hit(w))
    {
        if w.start > pos {
            out.push((text[pos..w.start].to_string(), false));
        }
        out.push((text[w.start..w.end].to_string(), true));
        pos = w.end;
    }
    if pos < end {
        out.push((text[pos..end].to_string(), false));
    }
    if end < text.len() {
        out.push((" …".into(), false));
    }
    out
}

#[cfg(test)]
mod fold_tests {
    use super::*;

    /// The fast paths fold as the general rule does, for every character they take.
    #[test]
    fn folding_is_lowercase_with_yo_as_ye() {
        let general = |w: &str| -> String {
            w.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'ё' { 'е' } else { c })
                .collect()
        };
        let all: String = ('\0'..='\u{52f}').chain(['İ', 'Σ', 'ẞ']).collect();
        for c in all.chars() {
            let w = c.to_string();
            assert_eq!(fold(&w), general(&w), "{c:?} (U+{:04X})", c as u32);
        }
        let each = |s: &str| s.split(' ').map(fold).collect::<Vec<_>>().join(" ");
        assert_eq!(each("ЁЛКА Ёж ИНН Mixed"), "елка еж инн mixed");
        assert!(STOPWORDS.iter().all(|w| w.len() <= STOPWORD_BYTES));
    }
}

/// Native only (the browser makes no index): the build cache's documents, read again.
#[cfg(not(target_arch = "wasm32"))]
impl IndexBuilder {
    /// [`IndexBuilder::add_stemmed`] with each field's stems given once each, borrowed (a
    /// stem the index has already is not copied): the builder's documents read again from
    /// its build cache.
    pub fn add_unique<'s, S>(&mut self, doc: SearchDoc, fields: impl IntoIterator<Item = (S, u32)>)
    where
        S: IntoIterator<Item = &'s str>,
    {
        let id = self.docs.len() as u32;
        self.docs.push(doc);
        for (stems, w) in fields {
            for stem in stems {
                let list = match self.postings.get_mut(stem) {
                    Some(list) => list,
                    None => self.postings.entry(stem.to_string()).or_default(),
                };
                // As in `add_stemmed`: another field of this document with the stem adds its
                // weight.
                match list.len() {
                    n if n >= 2 && list[n - 2] == id => list[n - 1] += w,
                    _ => list.extend([id, w]),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(url: &str, title: &str, text: &str) -> (SearchDoc, String, String) {
        (
            SearchDoc {
                url: url.into(),
                title: title.into(),
                section: "Раздел".into(),
                text: text.into(),
            },
            title.into(),
            text.into(),
        )
    }

    fn index() -> SearchIndex {
        let mut b = IndexBuilder::default();
        for (d, title, text) in [
            doc(
                "/gis/r-2-1-5",
                "Восстановление (изменение) логина и (или) пароля пользователям",
                "Восстановление (изменение) логина и (или) пароля пользователям (работники, обучающиеся, родители). В течение 3 рабочих дней.",
            ),
            doc(
                "/esia/",
                "Как привязать учётную запись ЕСИА к электронному дневнику",
                "Войдите в электронный журнал по логину и паролю. Если вы забыли пароль, воспользуйтесь ссылкой «Восстановить пароль».",
            ),
            doc(
                "/fioko/",
                "Документы экспертов ВПР СПО",
                "Архив с документами: паспорт, ИНН, СНИЛС, реквизиты банка, форма подачи данных.",
            ),
            doc(
                "/regiso/",
                "Подключение к РЕГИСО и АИС «ЭДО»",
                "Заявление о присоединении подаётся ответственным лицом организации.",
            ),
        ] {
            b.add(d, &[(&title, weight::TITLE), (&text, weight::TEXT)]);
        }
        b.finish()
    }

    fn urls(q: &str) -> Vec<String> {
        search(&index(), q, 10)
            .hits
            .into_iter()
            .map(|h| h.url)
            .collect()
    }

    /// Stems given once each and borrowed make the index that owned, repeated ones do.
    #[test]
    fn unique_borrowed_stems_index_as_owned_ones() {
        let (d, title, text) = doc(
            "/a/",
            "Пароль и логин",
            "Пароль пароля, логин. Вход по паролю.",
        );
        let (d2, title2, text2) = doc("/b/", "Вход", "Логин для входа");
        let mut owned = IndexBuilder::default();
        let mut borrowed = IndexBuilder::default();
        for (d, title, text) in [(d, title, text), (d2, title2, text2)] {
            let fields = [(stems(&title), weight::TITLE), (stems(&text), weight::TEXT)];
            let unique: Vec<(Vec<String>, u32)> = fields
                .iter()
                .map(|(s, w)| {
                    let mut s = s.clone();
                    s.sort_unstable();
                    s.dedup();
                    (s, *w)
                })
                .collect();
            owned.add_stemmed(d.clone(), fields.to_vec());
            borrowed.add_unique(
                d,
                unique
                    .iter()
                    .map(|(s, w)| (s.iter().map(String::as_str), *w)),
            );
        }
        let (owned, borrowed) = (owned.finish(), borrowed.finish());
        assert_eq!(owned.terms, borrowed.terms);
        assert_eq!(owned.docs, borrowed.docs);
        assert!(
            owned
                .terms
                .iter()
                .any(|(t, p)| t == "парол" && p == &[0, 11])
        );
    }

    #[test]
    fn stems_fold_case_yo_and_endings() {
        assert_eq!(stems("Учётной записи"), stems("учетной записи"));
        assert_eq!(stems("паролей"), stems("Пароль"));
        assert_eq!(stems("и в на для"), Vec::<String>::new());
        assert_eq!(stems("ЕСИА, 2026 год"), vec!["есиа", "2026", "год"]);
        // typed in lowercase, an abbreviation still finds itself (the word starts with it)
        assert_eq!(matches(&words("есиа").remove(0), "есиа"), 1);
    }

    #[test]
    fn inflected_queries_find_their_pages() {
        // The example: the verb finds the noun, the nominative the genitive.
        assert_eq!(urls("пароль восстановить")[0], "/gis/r-2-1-5");
        assert!(urls("пароль восстановить").contains(&"/esia/".to_string()));
        let r = search(&index(), "учетной записи", 10);
        assert!(
            !r.partial,
            "«записи» finds «запись» (Snowball stems it to «зап»)"
        );
        assert_eq!(r.hits[0].url, "/esia/");
        assert_eq!(urls("документов эксперта"), vec!["/fioko/"]);
        assert_eq!(urls("присоединение"), vec!["/regiso/"]);
        assert_eq!(urls("реквизитов"), vec!["/fioko/"]);
        assert!(urls("абракадабра").is_empty());
    }

    #[test]
    fn title_hits_rank_first_and_partial_matches_are_flagged() {
        let r = search(&index(), "пароль", 10);
        assert_eq!(r.hits[0].url, "/gis/r-2-1-5", "title hit first");
        assert!(!r.partial);
        let r = search(&index(), "паспорт луна", 10);
        assert!(r.partial);
        assert_eq!(r.hits[0].url, "/fioko/");
    }

    #[test]
    fn snippets_mark_the_matching_words() {
        let r = search(&index(), "забыли пароль", 10);
        let hit = r.hits.iter().find(|h| h.url == "/esia/").unwrap();
        let marked: Vec<&str> = hit
            .snippet
            .iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.as_str())
            .collect();
        assert!(
            marked.contains(&"забыли") && marked.contains(&"паролю"),
            "{marked:?}"
        );
        let whole: String = hit.snippet.iter().map(|(t, _)| t.as_str()).collect();
        assert!(whole.contains("Если вы забыли пароль"), "{whole}");
        // the place with both words, not the first «паролю» alone
        let r = search(&index(), "восстановить пароль", 10);
        let hit = r.hits.iter().find(|h| h.url == "/esia/").unwrap();
        let whole: String = hit.snippet.iter().map(|(t, _)| t.as_str()).collect();
        assert!(whole.starts_with("… "), "{whole}");
        assert!(whole.contains("«Восстановить пароль»"), "{whole}");
    }

    #[test]
    fn prefix_matching_needs_enough_letters() {
        let w = |s: &str| words(s).remove(0);
        assert_eq!(matches(&w("восстановить"), "восстановлен"), 1);
        assert_eq!(matches(&w("восстановление"), "восстанов"), 1);
        assert_eq!(matches(&w("пароль"), "парол"), 2);
        assert_eq!(matches(&w("пар"), "парол"), 0);
        assert_eq!(matches(&w("записи"), "зап"), 1);
        assert_eq!(
            matches(&w("запас"), "зап"),
            1,
            "a three-letter stem starting the word"
        );
        assert_eq!(matches(&w("зо"), "зап"), 0);
    }

    /// Loads what a search needs the way the browser does, and answers.
    fn sharded_search(shards: &Shards, loaded: &mut Loaded, q: &str, limit: usize) -> Results {
        // A misspelt word asks for more shards once its own are in, and then for its
        // synonyms'.
        for _ in 0..3 {
            for i in loaded.shards_for(q) {
                loaded.add_shard(i, shards.terms[i].clone());
            }
        }
        assert!(loaded.shards_for(q).is_empty(), "{q}: every shard loaded");
        for i in loaded.chunks_for(q, limit) {
            loaded.add_chunk(i, shards.docs[i].clone());
        }
        loaded.search(q, limit)
    }

    const VOCABULARY: &[&str] = &[
        "пароль",
        "паролей",
        "восстановить",
        "восстановление",
        "учётной",
        "записи",
        "запись",
        "заявление",
        "заявлений",
        "школа",
        "школы",
        "ЕСИА",
        "ИНН",
        "срок",
        "сроки",
        "рабочих",
        "дней",
        "организация",
        "организации",
        "за",
        "зап",
        "пар",
        "дневник",
        "журнал",
        "2026",
        "а",
        "я",
        "ёлка",
        "елки",
        "эксперт",
        "экспертов",
        "паспорт",
        "архив",
        "архивы",
    ];

    /// Query words: the vocabulary, misspelt words, and words of the synonym list.
    const QUERY_WORDS: &[&str] = &[
        "паорль",
        "восстоновить",
        "экспрет",
        "оргнизации",
        "Cрок",
        "дневнег",
        "детсад",
        "учебное заведение",
        "рабочих",
        "шкала",
        "детсат",
        "оргонизация",
    ];

    fn query_word(i: usize) -> &'static str {
        VOCABULARY
            .get(i)
            .copied()
            .unwrap_or_else(|| QUERY_WORDS[i - VOCABULARY.len()])
    }

    fn vocabulary_index(texts: &[Vec<usize>]) -> SearchIndex {
        let mut b = IndexBuilder::default();
        for (n, words) in texts.iter().enumerate() {
            let text: Vec<&str> = words.iter().map(|&w| VOCABULARY[w]).collect();
            let text = text.join(" ");
            let title: String = text.split(' ').take(2).collect::<Vec<_>>().join(" ");
            b.add(
                SearchDoc {
                    url: format!("p{n}/"),
                    title: title.clone(),
                    section: String::new(),
                    text: text.clone(),
                },
                &[(&title, weight::TITLE), (&text, weight::TEXT)],
            );
            // the second half of the documents are table rows
            if n + 1 == texts.len() / 2 {
                b.begin_rows();
            }
        }
        let mut index = b.finish();
        index.synonyms = vec![
            vec![
                "школа".into(),
                "учебное заведение".into(),
                "организация".into(),
            ],
            vec!["детсад".into(), "архив".into()],
        ];
        index
    }

    #[test]
    fn sharded_search_needs_only_some_pieces() {
        let texts: Vec<Vec<usize>> = (0..60)
            .map(|n| (0..8).map(|k| (n * 7 + k * 5) % VOCABULARY.len()).collect())
            .collect();
        let index = vocabulary_index(&texts);
        let full = search(&index, "пароль восстановить", 5);
        let shards = index.shard(120, 200);
        assert!(
            shards.terms.len() > 5 && shards.docs.len() > 5,
            "{}/{}",
            shards.terms.len(),
            shards.docs.len()
        );
        let mut loaded = Loaded::new(shards.manifest.clone());
        let needed = loaded.shards_for("пароль восстановить");
        assert!(
            !needed.is_empty() && needed.len() < shards.terms.len() / 2,
            "{needed:?}"
        );
        let got = sharded_search(&shards, &mut loaded, "пароль восстановить", 5);
        assert_eq!(got, full);
        assert!(loaded.chunks.iter().filter(|&&c| c).count() <= 5);
        // and the JSON of the pieces reads back
        let t: TermShard =
            serde_json::from_str(&serde_json::to_string(&shards.terms[0]).unwrap()).unwrap();
        assert_eq!(t, shards.terms[0]);
    }

    proptest::proptest! {
        /// Whatever the pieces' sizes and the query, the pieces give the whole index's answer.
        #[test]
        fn sharded_search_equals_the_whole_index(
            texts in proptest::collection::vec(proptest::collection::vec(0..VOCABULARY.len(), 1..10), 1..40),
            queries in proptest::collection::vec(proptest::collection::vec(0..VOCABULARY.len() + QUERY_WORDS.len(), 1..4), 1..6),
            term_bytes in 1usize..400,
            doc_bytes in 1usize..600,
            limit in 1usize..12,
        ) {
            let index = vocabulary_index(&texts);
            let full = index.clone();
            let shards = index.shard(term_bytes, doc_bytes);
            let mut loaded = Loaded::new(shards.manifest.clone());
            for q in queries {
                let q: Vec<&str> = q.iter().map(|&w| query_word(w)).collect();
                let q = q.join(" ");
                proptest::prop_assert_eq!(sharded_search(&shards, &mut loaded, &q, limit), search(&full, &q, limit), "{}", q);
            }
        }
    }

    #[test]
    fn latin_look_alikes_in_a_russian_word_read_as_cyrillic() {
        assert_eq!(fold("Cнилс"), "снилс", "a Latin C");
        assert_eq!(fold("CНИЛC"), "снилс");
        assert_eq!(fold("пapoль"), "пароль", "Latin a, p, o");
        assert_eq!(fold("Cloud"), "cloud", "a Latin word stays Latin");
        assert_eq!(stems("Cнилс"), stems("СНИЛС"));
        assert_eq!(urls("Cнилс"), vec!["/fioko/"]);
        assert_eq!(urls("пapoль"), urls("пароль"));
    }

    #[test]
    fn misspelt_words_are_corrected_and_offered() {
        let index = synonym_index();
        let r = search(&index, "госуслги", 10);
        assert_eq!(r.correction.as_deref(), Some("госуслуги"));
        // found as the corrected word would be, synonyms and all
        assert_eq!(urls_in(&index, "госуслги"), urls_in(&index, "госуслуги"));
        assert_eq!(urls_in(&index, "госуслги"), vec!["/esia/", "/gosuslugi/"]);
        // the corrected word is marked in the snippet
        assert!(r.hits[1].snippet.iter().any(|(t, m)| *m && t == "Госуслуг"));
        // a swap of two letters is one typo; the rest of the query is kept as typed
        let r = search(&index, "Сайт госусулги", 10);
        assert_eq!(r.correction.as_deref(), Some("Сайт госуслуги"));
        // two typos from 9 letters
        let r = search(&index, "восстоновлние", 10);
        assert_eq!(r.correction.as_deref(), Some("восстановление"), "{r:?}");
        assert!(!r.hits.is_empty());
        // the stem begins a longer term: «восстонов» ~ «восстановлен»
        assert_eq!(
            search(&index, "восстоновить", 10).correction.as_deref(),
            Some("восстановить")
        );
        // a short stem that begins the word («дне» of «дней») does not hide a typo
        let r = search(&index, "дневнека", 10);
        assert_eq!(r.correction.as_deref(), Some("дневника"), "{r:?}");
        // but «записи» is found by «зап» (Snowball's stem of «запись»)
        assert_eq!(search(&index, "записи", 10).correction, None);
        // short words are not corrected, and words found as typed are not either
        assert_eq!(urls_in(&index, "сайт"), vec!["/gosuslugi/"]);
        assert!(search(&index, "сайд", 10).hits.is_empty(), "4 letters");
        assert_eq!(urls_in(&index, "пасорт"), vec!["/fioko/"], "5 letters");
        assert_eq!(search(&index, "паролей", 10).correction, None);
        assert_eq!(search(&index, "абракадабра", 10).correction, None);
        assert!(search(&index, "абракадабра", 10).hits.is_empty());
        // the first letter is never corrected
        assert!(search(&index, "хосуслуги", 10).hits.is_empty());
    }

    #[test]
    fn exact_hits_rank_above_corrected_ones() {
        let index = synonym_index();
        let r = search(&index, "паспорт госуслги", 10);
        assert!(r.partial);
        assert_eq!(r.hits[0].url, "/fioko/", "{r:?}");
        assert!(r.hits.iter().any(|h| h.url == "/gosuslugi/"));
    }

    #[test]
    fn distances_count_a_swap_as_one_edit() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        let d = |a: &str, b: &str| distances(&c(a), &c(b))[a.chars().count()][b.chars().count()];
        assert_eq!(d("парол", "паорл"), 1);
        assert_eq!(d("госуслг", "госуслуг"), 1);
        assert_eq!(d("кот", "ток"), 2);
        assert_eq!(d("", "abc"), 3);
    }

    fn synonym_index() -> SearchIndex {
        let mut b = IndexBuilder::default();
        for (url, title, heading, text) in [
            (
                "/esia/",
                "Учётная запись ЕСИА",
                "Шаг 6. Войдите в журнал по логину и паролю",
                "Если вы забыли пароль, нажмите «Восстановить пароль».",
            ),
            (
                "/gosuslugi/",
                "Вход на портал",
                "",
                "Откройте сайт Госуслуг и войдите. Через 5 дней откройте электронный дневник.",
            ),
            (
                "/fioko/",
                "Документы экспертов",
                "",
                "Паспорт и СНИЛС эксперта.",
            ),
            (
                "/sad/",
                "Зачисление в детский сад",
                "",
                "Очередь в детский сад.",
            ),
        ] {
            b.add(
                SearchDoc {
                    url: url.into(),
                    title: title.into(),
                    section: String::new(),
                    text: text.into(),
                },
                &[
                    (title, weight::TITLE),
                    (heading, weight::HEADING),
                    (text, weight::TEXT),
                ],
            );
        }
        b.begin_rows();
        let row = "Восстановление (изменение) логина и (или) пароля пользователям";
        b.add(
            SearchDoc {
                url: "/gis/#r-2-4".into(),
                title: format!("Строка 4: {row}"),
                section: String::new(),
                text: row.into(),
            },
            &[(row, weight::TITLE), (row, weight::TEXT)],
        );
        let mut index = b.finish();
        index.synonyms = vec![
            vec!["детсад".into(), "детский сад".into()],
            vec!["госуслуги".into(), "ЕСИА".into(), "ЕПГУ".into()],
        ];
        index
    }

    fn urls_in(index: &SearchIndex, q: &str) -> Vec<String> {
        search(index, q, 10)
            .hits
            .into_iter()
            .map(|h| h.url)
            .collect()
    }

    #[test]
    fn synonyms_expand_the_query() {
        let index = synonym_index();
        assert_eq!(urls_in(&index, "детсад"), vec!["/sad/"]);
        assert_eq!(urls_in(&index, "очередь в детсад"), vec!["/sad/"]);
        // a phrase of the list is found by the other words too, and by itself
        assert_eq!(urls_in(&index, "детского сада"), vec!["/sad/"]);
        // both ways: госуслуги finds ЕСИА, ЕСИА finds Госуслуг
        assert_eq!(urls_in(&index, "госуслуги"), vec!["/esia/", "/gosuslugi/"]);
        assert_eq!(urls_in(&index, "ЕСИА"), vec!["/esia/", "/gosuslugi/"]);
        assert_eq!(search(&index, "детсад", 10).correction, None);
        // without the list, «детсад» is not found
        let mut bare = index.clone();
        bare.synonyms.clear();
        assert!(urls_in(&bare, "детсад").is_empty());
    }

    #[test]
    fn a_guide_whose_heading_matches_ranks_above_table_rows() {
        let index = synonym_index();
        let r = search(&index, "восстановить пароль", 10);
        assert_eq!(r.hits[0].url, "/esia/", "{r:?}");
        assert_eq!(r.hits[1].url, "/gis/#r-2-4");
        assert!(r.hits[1].score > r.hits[0].score, "the row scores higher");
        // the same row as a page (no rows in the index) would come first
        let mut flat = index.clone();
        flat.pages = flat.docs.len() as u32;
        assert_eq!(urls_in(&flat, "восстановить пароль")[0], "/gis/#r-2-4");
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]), "{STOPWORDS:?}");
        assert!(stems("и в на для это").is_empty());
    }

    #[test]
    fn the_cache_gives_the_same_words() {
        let text = "Восстановление пароля: восстановить пароль, ЕСИА и ёлка 2026";
        let mut cache = StemCache::default();
        assert_eq!(words_cached(text, &mut cache), words(text));
        assert_eq!(
            words_cached(text, &mut cache),
            words(text),
            "from the cache"
        );
    }
}
