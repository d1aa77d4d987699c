//! Heading ids the way GitHub makes them, so that links editors copy from a rendered memo
//! (`privyazka.md#шаг-2-привязка`) keep working here: lowercase, letters/digits/`-`/`_` kept
//! (Cyrillic included), spaces become `-`, everything else is dropped.

use std::collections::HashMap;

/// The GitHub-style slug of a heading text.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            out.push('-');
        }
    }
    out
}

/// Hands out unique ids within one page: the second "Шаг" becomes `шаг-1`.
#[derive(Default)]
pub struct Slugger {
    seen: HashMap<String, usize>,
}

impl Slugger {
    /// Reserve an id an editor wrote explicitly.
    pub fn reserve(&mut self, id: &str) {
        self.seen.entry(id.to_string()).or_insert(0);
    }

    pub fn unique(&mut self, text: &str) -> String {
        let base = slugify(text);
        let base = if base.is_empty() {
            "section".to_string()
        } else {
            base
        };
        let Some(mut n) = self.seen.get(&base).copied() else {
            self.seen.insert(base.clone(), 0);
            return base;
        };
        loop {
            n += 1;
            let candidate = format!("{base}-{n}");
            if !self.seen.contains_key(&candidate) {
                self.seen.insert(base, n);
                self.seen.insert(candidate.clone(), 0);
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_headings_slug_like_github() {
        assert_eq!(slugify("Шаг 2. Привязка"), "шаг-2-привязка");
        assert_eq!(slugify("Что такое ЕСИА?"), "что-такое-есиа");
        assert_eq!(slugify("Ёлка и «кавычки»"), "ёлка-и-кавычки");
        assert_eq!(slugify("A-b_c"), "a-b_c");
    }

    #[test]
    fn duplicates_get_suffixes() {
        let mut s = Slugger::default();
        assert_eq!(s.unique("Шаг"), "шаг");
        assert_eq!(s.unique("Шаг"), "шаг-1");
        assert_eq!(s.unique("Шаг"), "шаг-2");
    }
}
