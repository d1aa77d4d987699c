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

/// Words too common to search by.
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
    let ru = stemmer();
    let mut out = Vec::new();
    let mut start = None;
    let mut push = |s: usize, e: usize| {
        let raw = &text[s..e];
        let lower: String = raw
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c == 'ё' { 'е' } else { c })
            .collect();
        if STOPWORDS.contains(&lower.as_str()) {
            return;
        }
        // Abbreviations (ЕСИА, ИНН, МОУО) are names, not inflected words: kept whole.
        let abbreviation =
            raw.chars().count() >= 2 && raw.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        let stem = if !abbreviation && lower.chars().any(|c| ('а'..='я').contains(&c)) {
            ru.stem(&lower).into_owned()
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
        if c.is_alphanumeric() {
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
    let (short, long) = if query.stem.len() <= term.len() {
        (query.stem.as_str(), term)
    } else {
        (term, query.stem.as_str())
    };
    let by_stem = short.chars().count() >= MIN_PREFIX && long.starts_with(short);
    let by_word = term.chars().count() >= 3 && query.folded.starts_with(term);
    u32::from(by_stem || by_word)
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
    postings: BTreeMap<String, BTreeMap<u32, u32>>,
}

impl IndexBuilder {
    /// Adds a document; `fields` are texts with their weights (title, headings, text, and the
    /// expansions of the abbreviations it uses).
    pub fn add(&mut self, doc: SearchDoc, fields: &[(&str, u32)]) {
        let id = self.docs.len() as u32;
        self.docs.push(doc);
        // Each field counts once per stem: a title hit outranks any number of mentions in a
        // long text.
        for (text, w) in fields {
            let mut seen: Vec<String> = stems(text);
            seen.sort();
            seen.dedup();
            for stem in seen {
                *self
                    .postings
                    .entry(stem)
                    .or_default()
                    .entry(id)
                    .or_default() += w;
            }
        }
    }

    pub fn finish(self) -> SearchIndex {
        SearchIndex {
            docs: self.docs,
            terms: self
                .postings
                .into_iter()
                .map(|(t, docs)| (t, docs.into_iter().flat_map(|(d, s)| [d, s]).collect()))
                .collect(),
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
}

/// Search `index` for `query`; at most `limit` hits, best first.
pub fn search(index: &SearchIndex, query: &str, limit: usize) -> Results {
    let mut q = words(query);
    q.dedup_by(|a, b| a.stem == b.stem);
    let mut per_doc: BTreeMap<u32, (u32, usize)> = BTreeMap::new(); // doc → (score, words matched)
    for qw in &q {
        let mut best: BTreeMap<u32, u32> = BTreeMap::new();
        // Candidates: the stems sharing the query's first three letters, found by binary
        // search in the sorted terms.
        let key: String = qw.stem.chars().take(3).collect();
        let from = index
            .terms
            .partition_point(|(t, _)| t.as_str() < key.as_str());
        for (term, postings) in index.terms[from..]
            .iter()
            .take_while(|(t, _)| t.starts_with(&key))
        {
            let m = matches(qw, term);
            if m == 0 {
                continue;
            }
            for pair in postings.chunks_exact(2) {
                let s = pair[1] * m;
                let e = best.entry(pair[0]).or_default();
                *e = (*e).max(s);
            }
        }
        for (doc, s) in best {
            let e = per_doc.entry(doc).or_default();
            e.0 += s;
            e.1 += 1;
        }
    }
    let all: Vec<(u32, u32)> = per_doc
        .iter()
        .filter(|(_, (_, n))| *n == q.len())
        .map(|(d, (s, _))| (*d, *s))
        .collect();
    let partial = all.is_empty() && !per_doc.is_empty();
    let mut ranked: Vec<(u32, u32, usize)> = if partial {
        per_doc.iter().map(|(d, (s, n))| (*d, *s, *n)).collect()
    } else {
        all.into_iter().map(|(d, s)| (d, s, q.len())).collect()
    };
    // More words matched first, then score, then the order of the site.
    ranked.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then(a.0.cmp(&b.0)));
    let hits = ranked
        .into_iter()
        .take(limit)
        .map(|(d, score, _)| {
            let doc = &index.docs[d as usize];
            Hit {
                url: doc.url.clone(),
                title: doc.title.clone(),
                section: doc.section.clone(),
                score,
                snippet: snippet(&doc.text, &q),
            }
        })
        .collect();
    Results {
        query: q.into_iter().map(|w| w.stem).collect(),
        partial,
        hits,
    }
}

/// About [`SNIPPET`] characters of `text` around its first word that matches the query, with
/// the matching words marked.
fn snippet(text: &str, query: &[Word]) -> Vec<(String, bool)> {
    const SNIPPET: usize = 180;
    let ws = words(text);
    let hit = |w: &Word| query.iter().any(|q| matches(q, &w.stem) > 0);
    let first = ws.iter().position(hit);
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
}
