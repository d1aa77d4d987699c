//! Where a value sits in a YAML text, found by its path of keys and list indices, so that a
//! check made after parsing (a duplicate row number, an empty list, a title too long) points at
//! the value itself and not at the first text that looks like it (which may be in a comment).
//!
//! serde_norway keeps no spans in its values, but the position of an error raised while a
//! visitor looks at a node is that node's start. So the text is read once more with a visitor
//! that walks down the path and fails on purpose at the node it wants: the error's position is
//! the node's.

use std::cell::Cell;
use std::fmt;

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// One step of a path: a key of a mapping or an index in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// Where a node is: byte offset into the whole text and length of what is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub offset: usize,
    pub len: usize,
    /// The node is a YAML null (`null`, `~` or nothing at all).
    pub null: bool,
}

/// The value at `path` in the YAML `text[start..end]`; offsets are into `text`.
pub fn value_at(text: &str, start: usize, end: usize, path: &[Seg]) -> Option<Found> {
    probe(text, start, end, path, false)
}

/// The key that ends `path` (the last step must be a [`Seg::Key`]).
pub fn key_at(text: &str, start: usize, end: usize, path: &[Seg]) -> Option<Found> {
    probe(text, start, end, path, true)
}

/// The message of the error the probe raises on purpose.
const HERE: &str = "\u{0}pamyatka: found";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Null,
    Other,
}

fn probe(text: &str, start: usize, end: usize, path: &[Seg], want_key: bool) -> Option<Found> {
    if want_key && !matches!(path.last(), Some(Seg::Key(_))) {
        return None;
    }
    let slice = text.get(start..end)?;
    let found = Cell::new(None);
    let seed = Probe {
        path,
        want_key,
        found: &found,
    };
    let de = serde_norway::Deserializer::from_str(slice);
    let err = match seed.deserialize(de) {
        Ok(()) => return None,
        Err(e) => e,
    };
    let kind = found.get()?;
    // serde_norway puts the path before the message (`rows[1].number: …`).
    if !err.to_string().contains(HERE) {
        return None;
    }
    let idx = err.location()?.index().min(slice.len());
    let rest = &slice[idx..];
    let len = if want_key {
        key_len(rest)
    } else if kind == Kind::Null && !starts_null(rest) {
        // An empty value: its position is that of whatever follows it.
        0
    } else {
        node_len(rest, in_flow(&slice[..idx]))
    };
    Some(Found {
        offset: start + idx,
        len,
        null: kind == Kind::Null,
    })
}

struct Probe<'p, 'a> {
    path: &'p [Seg<'a>],
    want_key: bool,
    found: &'p Cell<Option<Kind>>,
}

impl<'de> DeserializeSeed<'de> for Probe<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.path.first() {
            None => d.deserialize_any(Target(self.found)),
            Some(Seg::Key(_)) => d.deserialize_map(self),
            Some(Seg::Index(_)) => d.deserialize_seq(self),
        }
    }
}

impl<'de> Visitor<'de> for Probe<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping or a list")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((Seg::Key(want), rest)) = self.path.split_first() else {
            return Ok(());
        };
        let last_key = self.want_key && rest.is_empty();
        while let Some(is_it) = map.next_key_seed(Key {
            want,
            fail: last_key,
            found: self.found,
        })? {
            if is_it {
                return map.next_value_seed(Probe { path: rest, ..self });
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Seg::Index(want), rest)) = self.path.split_first() else {
            return Ok(());
        };
        for _ in 0..*want {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Probe { path: rest, ..self })?;
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// A mapping key: is it the one wanted? With `fail`, the wanted key is the target itself.
struct Key<'p, 'a> {
    want: &'a str,
    fail: bool,
    found: &'p Cell<Option<Kind>>,
}

impl<'de> DeserializeSeed<'de> for Key<'_, '_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_, '_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        if v == self.want && self.fail {
            self.found.set(Some(Kind::Other));
            return Err(E::custom(HERE));
        }
        Ok(v == self.want)
    }
}

/// The node the path leads to: every visit fails, so the error carries its position.
struct Target<'p>(&'p Cell<Option<Kind>>);

impl Target<'_> {
    fn here<E: de::Error>(self, kind: Kind) -> Result<(), E> {
        self.0.set(Some(kind));
        Err(E::custom(HERE))
    }
}

impl<'de> Visitor<'de> for Target<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.here(Kind::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.here(Kind::Null)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.here(Kind::Other)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.here(Kind::Other)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.here(Kind::Other)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.here(Kind::Other)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.here(Kind::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        self.here(Kind::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        self.here(Kind::Other)
    }
}

fn starts_null(rest: &str) -> bool {
    ["null", "Null", "NULL", "~"]
        .iter()
        .any(|n| rest.starts_with(n))
}

/// Whether a position follows an unclosed `[` or `{` on its line (a flow collection, where a
/// plain value ends at `,`, `]` or `}`).
fn in_flow(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before);
    let opened = line.matches(['[', '{']).count();
    let closed = line.matches([']', '}']).count();
    opened > closed
}

/// A key: up to its `:`.
fn key_len(rest: &str) -> usize {
    let line = rest.split('\n').next().unwrap_or(rest);
    match line.chars().next() {
        Some(q @ ('"' | '\'')) => quoted_len(line, q),
        _ => line.find(':').unwrap_or(line.len()).max(1).min(line.len()),
    }
}

/// The text of a node on its first line: a quoted value to its closing quote, a flow
/// collection to its closing bracket, a plain value to the end of the line (or of its flow
/// item) without a comment; a block scalar or collection by its first line.
fn node_len(rest: &str, flow: bool) -> usize {
    let line = rest.split('\n').next().unwrap_or(rest);
    let line = line.strip_suffix('\r').unwrap_or(line);
    match line.chars().next() {
        Some(q @ ('"' | '\'')) => quoted_len(line, q),
        Some('[' | '{') => bracket_len(line),
        Some(_) => {
            let mut end = line.find(" #").unwrap_or(line.len());
            if flow {
                end = end.min(line.find([',', ']', '}']).unwrap_or(line.len()));
            }
            line[..end].trim_end().len()
        }
        None => 0,
    }
}

/// A quoted scalar with its quotes (`\"` escapes in double quotes, `''` in single ones); to the
/// end of the line when it continues on the next one.
fn quoted_len(line: &str, q: char) -> usize {
    let mut chars = line.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if q == '"' && c == '\\' {
            chars.next();
        } else if c == q {
            if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
            } else {
                return i + 1;
            }
        }
    }
    line.len()
}

/// A flow collection to its closing bracket (quoted text skipped); the line when unclosed.
fn bracket_len(line: &str) -> usize {
    let mut depth = 0usize;
    let mut quote = None;
    let mut chars = line.char_indices();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    line.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "\
# number: \"1\" is the first row
stages:
  - number: \"1\"
    rows:
      - number: \"1\"   # the first
        responsible: [a, b]
      - {number: '2', action: plain text, here}
      - number: \"1\"
        responsible: []
        note: plain words, with a comma # and a comment
";

    #[test]
    fn finds_values_by_path_not_by_their_text() {
        let rows = |i| {
            [
                Seg::Key("stages"),
                Seg::Index(0),
                Seg::Key("rows"),
                Seg::Index(i),
            ]
        };
        let at = |i, key| {
            let mut p = rows(i).to_vec();
            p.push(Seg::Key(key));
            let f = value_at(TABLE, 0, TABLE.len(), &p).expect("found");
            (
                crate::diagnostic::line_col(TABLE, f.offset),
                &TABLE[f.offset..f.offset + f.len],
            )
        };
        assert_eq!(at(2, "number"), ((8, 17), "\"1\""));
        assert_eq!(at(0, "responsible"), ((6, 22), "[a, b]"));
        assert_eq!(at(2, "responsible"), ((9, 22), "[]"));
        assert_eq!(at(1, "number"), ((7, 18), "'2'"));
        assert_eq!(at(1, "action"), ((7, 31), "plain text"));
        assert_eq!(at(2, "note").1, "plain words, with a comma");
        assert!(value_at(TABLE, 0, TABLE.len(), &rows(3)).is_none());
        let mut missing = rows(0).to_vec();
        missing.push(Seg::Key("result"));
        assert!(value_at(TABLE, 0, TABLE.len(), &missing).is_none());
    }

    #[test]
    fn nulls_and_keys() {
        let text = "---\ntitle: null\ndescription:\nweight: 1\n---\n";
        let (start, end) = (4, text.len() - 4);
        let t = value_at(text, start, end, &[Seg::Key("title")]).unwrap();
        assert!(t.null);
        assert_eq!(&text[t.offset..t.offset + t.len], "null");
        let d = value_at(text, start, end, &[Seg::Key("description")]).unwrap();
        assert!(d.null);
        let k = key_at(text, start, end, &[Seg::Key("description")]).unwrap();
        assert_eq!(&text[k.offset..k.offset + k.len], "description");
        assert!(
            !value_at(text, start, end, &[Seg::Key("weight")])
                .unwrap()
                .null
        );
        let quoted = "title: \"null\"\n";
        assert!(
            !value_at(quoted, 0, quoted.len(), &[Seg::Key("title")])
                .unwrap()
                .null
        );
    }

    #[test]
    fn a_path_of_the_wrong_shape_is_not_found() {
        assert!(value_at("- a\n", 0, 4, &[Seg::Key("a")]).is_none());
        assert!(value_at("a: 1\n", 0, 5, &[Seg::Index(0)]).is_none());
    }
}
