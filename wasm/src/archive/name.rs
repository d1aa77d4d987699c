//! The archive's file name: «Регион_Фамилия_Имя_Отчество».
//!
//! The region comes first and may itself contain spaces («Алтайский край»), so it is recognised
//! against the list of the 89 subjects of the Russian Federation (`regions.json`, with the
//! short forms people write) by the longest run of leading words that names a subject; what
//! follows is the surname, the given name and the patronymic. A patronymic particle («оглы»,
//! «кызы», «угли», …) written as a separate word belongs to the patronymic.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::rule::ArchiveRule;
use super::{Reason, ReasonKind};

/// The parts of a correctly built archive name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedName {
    /// The official name of the subject when the region is recognised, else as written.
    pub region: String,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
}

/// Words that end a Turkic patronymic written apart: «Мурад оглы», «Лейла кызы».
const PATRONYMIC_PARTICLES: &[&str] = &[
    "оглы", "оглу", "огли", "улы", "уулу", "угли", "кызы", "кизи", "гызы", "кыз", "кзы",
];

/// One subject of the Federation as listed in `regions.json` (made into Rust by build.rs).
pub(crate) struct SubjectDef {
    pub name: &'static str,
    pub kind: &'static str,
    pub aliases: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/regions.rs"));

/// The region index: a key (see [`region_key`]) → the subjects it may name.
pub(crate) struct Regions {
    pub names: Vec<String>,
    by_key: HashMap<String, Vec<usize>>,
}

impl Regions {
    fn lookup(&self, text: &str) -> Option<&[usize]> {
        self.by_key.get(&region_key(text)).map(Vec::as_slice)
    }
}

pub(crate) fn regions() -> &'static Regions {
    static REGIONS: OnceLock<Regions> = OnceLock::new();
    REGIONS.get_or_init(|| {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        let mut add = |key: String, i: usize| {
            if key.is_empty() {
                return;
            }
            let v = by_key.entry(key).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        };
        for (i, s) in SUBJECTS.iter().enumerate() {
            for variant in variants(s) {
                add(region_key(&variant), i);
            }
        }
        let names: Vec<String> = SUBJECTS.iter().map(|s| s.name.to_string()).collect();
        for (alias, subjects) in AMBIGUOUS {
            let ids: Vec<usize> = subjects
                .iter()
                .map(|n| {
                    names
                        .iter()
                        .position(|x| x == n)
                        .expect("checked by build.rs")
                })
                .collect();
            by_key.insert(region_key(alias), ids);
        }
        Regions { names, by_key }
    })
}

/// The official name, the listed short forms and the mechanical variants of one subject.
fn variants(s: &SubjectDef) -> Vec<String> {
    let mut out = vec![s.name.to_string()];
    out.extend(s.aliases.iter().map(|a| a.to_string()));
    // «Кемеровская область — Кузбасс» → «Кемеровская область»; «(Якутия)» dropped.
    let plain: String = {
        let before_dash = s.name.split(" — ").next().unwrap_or(s.name);
        match before_dash.find(" (") {
            Some(i) => before_dash[..i].to_string(),
            None => before_dash.to_string(),
        }
    };
    out.push(plain.clone());
    match s.kind {
        "republic" => {
            if let Some(core) = plain.strip_prefix("Республика ") {
                out.push(core.to_string());
                out.push(format!("Респ {core}"));
                out.push(format!("{core} Республика"));
            } else if let Some(adj) = plain.strip_suffix(" Республика") {
                out.push(format!("{adj} Респ"));
                out.push(format!("Республика {adj}"));
            }
        }
        "krai" => {
            if let Some(adj) = plain.strip_suffix(" край") {
                out.push(adj.to_string());
                out.push(format!("{adj} кр"));
            }
        }
        "oblast" => {
            if let Some(adj) = plain.strip_suffix(" область") {
                out.push(adj.to_string());
                out.push(format!("{adj} обл"));
            }
        }
        "city" => {
            out.push(format!("г {plain}"));
            out.push(format!("гор {plain}"));
            out.push(format!("город {plain}"));
        }
        _ => {}
    }
    out
}

/// Words that say what kind of subject a region is: shared by many, so no likeness.
const KIND_WORDS: &[&str] = &[
    "республика",
    "респ",
    "народная",
    "край",
    "кр",
    "область",
    "обл",
    "автономный",
    "автономная",
    "округ",
    "ао",
    "город",
    "гор",
    "г",
    "федерального",
    "значения",
];

/// The subjects nearest to a region name that names none, best first, at most three: those a
/// few typos away from their name or a short form of it (edit distance of the letters, up to one in
/// five), and those sharing a word stem with it — the words other than «область», «край», … —
/// begin alike for at least four letters and all but the last three of the shorter
/// («Алтайская область» → «Алтайский край», «Республика Алтай»).
pub(crate) fn nearest_regions(written: &str) -> Vec<usize> {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !is_letter(c))
            .map(region_key)
            .filter(|w| !w.is_empty() && !KIND_WORDS.contains(&w.as_str()))
            .collect()
    };
    let key = region_key(written);
    let length = key.chars().count();
    let mine = words(written);
    let max_typos = (length / 5).max(1);
    // Best first, three at most, kept by hand: a sort would weigh on the browser module.
    let mut best: Vec<((usize, usize), usize)> = Vec::new();
    for (i, subject) in SUBJECTS.iter().enumerate() {
        let (mut typos, mut stem) = (usize::MAX, 0);
        for form in std::iter::once(&subject.name).chain(subject.aliases) {
            let other = region_key(form);
            if length >= 4 && other.chars().count() >= 4 {
                typos = typos.min(strsim::levenshtein(&key, &other));
            }
            for b in words(form) {
                for a in &mine {
                    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
                    if shared >= 4 && shared + 3 >= a.chars().count().min(b.chars().count()) {
                        stem = stem.max(shared);
                    }
                }
            }
        }
        if typos > max_typos && stem == 0 {
            continue;
        }
        let rank = (typos.min(max_typos + 1), usize::MAX - stem);
        let at = best.iter().position(|b| rank < b.0).unwrap_or(best.len());
        best.insert(at, (rank, i));
        best.truncate(3);
    }
    best.into_iter().map(|(_, i)| i).collect()
}

/// Lowercase for the scripts a file name here is written in (ASCII, Latin-1, Cyrillic); other
/// characters are kept as they are (a letter of Latin Extended never matches a Russian word
/// and is reported as Latin whatever its case). `char::to_lowercase` would do the same for every script,
/// but its tables cost the browser module ~5 KB of its gzip budget.
pub(crate) fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u % 2 == 0 => u + 1,
        0x4C1..=0x4CE if u % 2 == 1 => u + 1,
        0x4C0 => 0x4CF,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// Lowercase, «ё» = «е», homoglyphs folded, letters only: «г. Москва» → «гмосква».
#[inline(never)]
pub(crate) fn region_key(text: &str) -> String {
    text.chars()
        .map(lower)
        .map(|c| {
            if c == 'ё' {
                'е'
            } else {
                crate::search::look_alike(c)
            }
        })
        .filter(|&c| is_letter(c))
        .collect()
}

/// Lowercase with «ё» = «е».
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .map(lower)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

pub(crate) fn is_latin_letter(c: char) -> bool {
    matches!(c as u32, 0x41..=0x5A | 0x61..=0x7A | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x1E00..=0x1EFF)
}

fn is_cyrillic_letter(c: char) -> bool {
    // U+0482 is a sign and U+0483–0489 are combining marks, the rest of the block are letters.
    matches!(c as u32, 0x400..=0x481 | 0x48A..=0x52F)
}

/// A letter of the scripts file names here are written in (Latin and Cyrillic). Like
/// [`lower`], this stands in for a Unicode table (`char::is_alphabetic`) the browser module
/// need not carry: letters of other scripts never make a region, a name or a document word.
pub(crate) fn is_letter(c: char) -> bool {
    is_latin_letter(c) || is_cyrillic_letter(c)
}

/// Splits `name` into its stem and extension; an extension is 1–10 ASCII letters or digits
/// after the last dot (so «г. Москва Иванов Иван Иванович» has none).
pub fn split_extension(name: &str) -> (&str, Option<&str>) {
    match name.rfind('.') {
        Some(i) => {
            let ext = &name[i + 1..];
            if !ext.is_empty() && ext.len() <= 10 && ext.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                (&name[..i], Some(ext))
            } else {
                (name, None)
            }
        }
        None => (name, None),
    }
}

/// Extensions of archive formats, lowercase: what makes a file inside the archive a nested
/// archive, and what is taken off the end of the archive's own name — every one of them, so
/// that «Иванович.tar.gz» reads «Иванович» — before the name is read.
pub(crate) const ARCHIVE_EXTENSIONS: &[&str] = &[
    "zip", "7z", "rar", "tar", "gz", "tgz", "bz2", "tbz", "tbz2", "xz", "txz", "zst", "tzst", "lz",
    "lzma", "z", "cab", "arj", "lzh",
];

/// `name` without its archive extensions («.zip», «.tar.gz», «.ZIP.7z», any case); a last
/// extension that is not an archive's is taken off too, as [`split_extension`] does.
pub(crate) fn archive_stem(name: &str) -> &str {
    let (mut stem, _) = split_extension(name);
    while let (inner, Some(ext)) = split_extension(stem) {
        if !ARCHIVE_EXTENSIONS
            .iter()
            .any(|a| a.eq_ignore_ascii_case(ext))
        {
            break;
        }
        stem = inner;
    }
    stem
}

/// The file name without any folder in front of it.
pub(crate) fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

pub(crate) struct NameCheck {
    pub findings: Vec<Reason>,
    pub parsed: Option<ParsedName>,
}

/// Checks the archive's file name against the rule's pattern.
pub(crate) fn check_name(rule: &ArchiveRule, file_name: &str) -> NameCheck {
    let base = base_name(file_name);
    let stem = archive_stem(base);
    let mut findings = Vec::new();
    let example = &rule.name.example;

    let is_sep =
        |c: char| c.is_whitespace() || rule.name.separators.iter().any(|s| s.starts_with(c));
    let tokens: Vec<&str> = stem.split(is_sep).filter(|t| !t.is_empty()).collect();
    if let Some(f) = latin_letters(stem, &tokens, example) {
        findings.push(f);
    }
    let regions = regions();

    // The longest run of leading words that names a subject.
    let mut region_match: Option<(usize, &[usize])> = None;
    for k in (1..=tokens.len().min(10)).rev() {
        if let Some(ids) = regions.lookup(&tokens[..k].join(" ")) {
            region_match = Some((k, ids));
            break;
        }
    }

    let person_from = |toks: &[&str]| -> Vec<String> {
        let mut parts: Vec<String> = toks.iter().map(|s| s.to_string()).collect();
        if parts.len() >= 2 && PATRONYMIC_PARTICLES.contains(&fold(parts.last().unwrap()).as_str())
        {
            let particle = parts.pop().unwrap();
            let last = parts.last_mut().unwrap();
            last.push(' ');
            last.push_str(&particle);
        }
        parts
    };

    let (region, person): (Option<String>, Vec<String>) = match region_match {
        Some((k, ids)) => {
            let written = tokens[..k].join(" ");
            let region = if ids.len() == 1 {
                regions.names[ids[0]].clone()
            } else {
                let options: Vec<String> = ids
                    .iter()
                    .map(|&i| format!("«{}»", regions.names[i]))
                    .collect();
                findings.push(Reason::new(
                    ReasonKind::NameAmbiguousRegion,
                    format!(
                        "Регион «{written}» можно понять по-разному: {}. Напишите название \
                         региона полностью, например «{}».",
                        options.join(" или "),
                        regions.names[ids[0]]
                    ),
                ));
                written
            };
            (Some(region), person_from(&tokens[k..]))
        }
        None => {
            // No region at the start. A region at the end is a common slip.
            let at_end = (1..=tokens.len().min(10)).rev().find_map(|k| {
                regions
                    .lookup(&tokens[tokens.len() - k..].join(" "))
                    .map(|ids| (k, ids))
            });
            if let Some((k, ids)) = at_end {
                let written = tokens[tokens.len() - k..].join(" ");
                let _ = ids;
                findings.push(Reason::new(
                    ReasonKind::NameMissingRegion,
                    format!(
                        "Регион «{written}» стоит в конце имени, а должен стоять первым: \
                         «Регион_Фамилия_Имя_Отчество», например «{example}»."
                    ),
                ));
                let person = person_from(&tokens[..tokens.len() - k]);
                check_person(&person, &mut findings, example);
                return NameCheck {
                    findings,
                    parsed: None,
                };
            }
            let all = person_from(&tokens);
            let split = all.len().saturating_sub(3);
            let region_words = all[..split].join(" ");
            if region_words.is_empty() {
                findings.push(Reason::new(
                    ReasonKind::NameMissingRegion,
                    format!(
                        "В начале имени архива нет региона. Имя строится так: \
                         «Регион_Фамилия_Имя_Отчество», например «{example}»."
                    ),
                ));
                (None, all)
            } else if region_words.chars().any(is_latin_letter)
                && !region_words.chars().any(is_cyrillic_letter)
            {
                // A region in Latin letters: the Latin-letters message already asks to write
                // it in Russian ones; what it names is seen when the name is checked again.
                (Some(region_words), all[split..].to_vec())
            } else {
                // « Возможно, вы имели в виду «А», «Б» или «В».»
                let near = nearest_regions(&region_words);
                let mut guess = String::new();
                for (k, &i) in near.iter().enumerate() {
                    guess.push_str(match k {
                        0 => " Возможно, вы имели в виду «",
                        _ if k + 1 == near.len() => " или «",
                        _ => ", «",
                    });
                    guess.push_str(&regions.names[i]);
                    guess.push('»');
                }
                if !guess.is_empty() {
                    guess.push('.');
                }
                findings.push(Reason::new(
                    ReasonKind::NameUnknownRegion,
                    format!(
                        "Региона «{region_words}» нет среди субъектов Российской Федерации.\
                         {guess} Напишите название региона полностью, как оно называется \
                         официально, а затем фамилию, имя и отчество: «{example}»."
                    ),
                ));
                (Some(region_words), all[split..].to_vec())
            }
        }
    };

    check_person(&person, &mut findings, example);
    let parsed = match (region, person.len()) {
        (Some(region), 3) => Some(ParsedName {
            region,
            surname: person[0].clone(),
            name: person[1].clone(),
            patronymic: person[2].clone(),
        }),
        _ => None,
    };
    NameCheck { findings, parsed }
}

/// Latin letters in the name, said once: a name written in Latin is shown whole, otherwise
/// each word that has Latin letters (which look like Russian ones) with those letters.
fn latin_letters(stem: &str, words: &[&str], example: &str) -> Option<Reason> {
    let mut shown: Vec<String> = Vec::new();
    let mut all_latin = true;
    for word in words {
        let latin: String = word.chars().filter(|&c| is_latin_letter(c)).collect();
        if word.chars().any(|c| is_letter(c) && !is_latin_letter(c)) {
            all_latin = false;
            if !latin.is_empty() {
                shown.push(format!("«{word}» (латиница: {latin})"));
            }
        } else if !latin.is_empty() {
            shown.push(format!("«{word}»"));
        }
    }
    if shown.is_empty() {
        return None;
    }
    let message = if all_latin {
        format!(
            "Имя архива написано латинскими буквами: «{stem}». Напишите его русскими буквами, \
             например «{example}»."
        )
    } else {
        format!(
            "В имени архива есть латинские буквы: {}. Они выглядят так же, как русские. \
             Перепечатайте эти слова на русской раскладке.",
            shown.join(", ")
        )
    };
    Some(Reason::new(ReasonKind::NameLatinLetters, message))
}

/// Surname, given name, patronymic: all three, nothing more, Russian letters and hyphens.
fn check_person(person: &[String], findings: &mut Vec<Reason>, example: &str) {
    match person.len() {
        0 | 1 => {
            let what = if person.is_empty() {
                "фамилии, имени и отчества"
            } else {
                "имени и отчества"
            };
            findings.push(Reason::new(
                ReasonKind::NameMissingGivenName,
                format!(
                    "После региона нет {what}. Допишите их полностью, через знак подчёркивания: \
                     «{example}»."
                ),
            ));
            findings.push(Reason::new(
                ReasonKind::NameMissingPatronymic,
                format!(
                    "Нет отчества. Допишите его полностью после имени: «{example}». Если \
                     отчества нет по паспорту, уточните у ФГБУ «ФИОКО», как назвать архив."
                ),
            ));
        }
        2 => findings.push(Reason::new(
            ReasonKind::NameMissingPatronymic,
            format!(
                "После «{} {}» нет отчества (или фамилии). Имя архива — регион, фамилия, имя и \
                 отчество полностью: «{example}». Если отчества нет по паспорту, уточните у \
                 ФГБУ «ФИОКО», как назвать архив.",
                person[0], person[1]
            ),
        )),
        3 => {}
        _ => findings.push(Reason::new(
            ReasonKind::NameExtraTokens,
            format!(
                "После региона должно быть три слова — фамилия, имя и отчество, а их {}: «{}». \
                 Уберите лишнее (например, «(1)», которое браузер добавляет к повторно скачанному \
                 файлу, или второе имя): «{example}».",
                person.len(),
                person.join(" ")
            ),
        )),
    }
    let odd: Vec<String> = person
        .iter()
        .flat_map(|p| p.chars())
        .filter(|&c| {
            !(is_cyrillic_letter(c) || is_latin_letter(c) || matches!(c, '-' | ' ' | '\'' | '’'))
        })
        .map(|c| format!("«{c}»"))
        .collect();
    if !odd.is_empty() && person.len() <= 3 {
        findings.push(Reason::new(
            ReasonKind::NameInvalidCharacters,
            format!(
                "В фамилии, имени или отчестве есть лишние знаки: {}. Пишите их только русскими \
                 буквами (двойная фамилия — через дефис).",
                odd.join(", ")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The small stand-ins agree with the Unicode tables on every Latin and Cyrillic character.
    #[test]
    fn lower_and_is_letter_agree_with_unicode_on_latin_and_cyrillic() {
        let ranges = [0x20..=0x24F, 0x400..=0x52F, 0x1E00..=0x1EFF];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let mut unicode = c.to_lowercase();
            let expected = unicode.next().unwrap();
            let lowered_here = matches!(c as u32, 0x20..=0xFF | 0x400..=0x52F);
            if lowered_here && unicode.next().is_none() {
                assert_eq!(lower(c), expected, "lower({c:?}) U+{:04X}", c as u32);
            }
            assert_eq!(
                is_letter(c),
                c.is_alphabetic() && !matches!(c as u32, 0xAA | 0xB5 | 0xBA),
                "is_letter({c:?}) U+{:04X}",
                c as u32
            );
        }
        // Other scripts are left alone.
        assert_eq!(lower('Α'), 'Α');
        assert!(!is_letter('α'));
        assert_eq!(fold("ЁЛКА Ёж"), "елка еж");
        assert_eq!(region_key("г. МОСКВА"), "гмосква");
    }
}
