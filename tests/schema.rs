//! The JSON Schemas (`pamyatka schema`) against the files they describe: every YAML file and
//! front matter of the real site and of `init`'s site validates, and for each kind the schema
//! and the loader reject the same wrong inputs.

use std::path::Path;
use std::sync::Arc;

use pamyatka::schema::{Kind, kind_of, kinds};
use serde_json::{Map, Value, json};

fn validator(kind: &Kind) -> jsonschema::Validator {
    jsonschema::validator_for(&kind.schema())
        .unwrap_or_else(|e| panic!("{}: the schema is not valid: {e}", kind.name))
}

fn kind(name: &str) -> Kind {
    kinds().into_iter().find(|k| k.name == name).unwrap()
}

/// The schema's complaints about `value`, one line each.
fn complaints(kind: &Kind, value: &Value) -> Vec<String> {
    validator(kind)
        .iter_errors(value)
        .map(|e| e.to_string())
        .collect()
}

/// Every file of a site's `content/` a schema describes: (kind, path, YAML text).
fn documents(root: &Path) -> Vec<(&'static str, String, String)> {
    let content = root.join("content");
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e
            .path()
            .strip_prefix(&content)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = match e.path().extension().and_then(|x| x.to_str()) {
            Some("md") => {
                let text: Arc<str> = std::fs::read_to_string(e.path()).unwrap().into();
                let split = pamyatka::content::split_front_matter(e.path(), &text)
                    .unwrap_or_else(|d| panic!("{rel}: {}", d.message));
                text[split.yaml.0..split.yaml.1].to_string()
            }
            Some("yaml" | "yml") => std::fs::read_to_string(e.path()).unwrap(),
            _ => continue,
        };
        let kind = kind_of(&rel).unwrap_or_else(|| panic!("{rel}: no schema for this file"));
        out.push((kind, rel, text));
    }
    out
}

fn validate_site(root: &Path) -> usize {
    let docs = documents(root);
    let mut problems = Vec::new();
    for (name, rel, text) in &docs {
        let value: Value = serde_norway::from_str(text).unwrap();
        for c in complaints(&kind(name), &value) {
            problems.push(format!("{rel} ({name}): {c}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    docs.len()
}

#[test]
fn the_real_site_validates_against_its_schemas() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = documents(root);
    // Every kind but the ones the real site has no file of is exercised.
    for k in kinds() {
        assert!(
            docs.iter().any(|(name, _, _)| *name == k.name),
            "the real site has no {} file",
            k.name
        );
    }
    assert!(validate_site(root) > 30);
}

#[test]
fn the_site_init_makes_validates_against_its_schemas() {
    let tmp = tempfile::tempdir().unwrap();
    pamyatka::init::init(tmp.path(), None, "2026-12-03").unwrap();
    assert!(validate_site(tmp.path()) >= 5);
    // The schemas it wrote are the ones `schema` makes.
    for k in kinds() {
        let written: Value = serde_json::from_str(
            &std::fs::read_to_string(tmp.path().join("schemas").join(k.file_name())).unwrap(),
        )
        .unwrap();
        assert_eq!(written, k.schema(), "{}", k.name);
    }
}

/// The first object (depth first) with a text value: a struct the loader reads field by field.
fn first_struct(v: &mut Value) -> Option<&mut Map<String, Value>> {
    let has_text = v
        .as_object()
        .is_some_and(|o| o.values().any(Value::is_string));
    if has_text {
        return v.as_object_mut();
    }
    match v {
        Value::Object(o) => o.values_mut().find_map(first_struct),
        Value::Array(a) => a.iter_mut().find_map(first_struct),
        _ => None,
    }
}

/// Both the schema and the loader reject `value`; `what` says how it is wrong.
fn both_reject(kind: &Kind, rel: &str, value: &Value, what: &str) {
    let schema = complaints(kind, value);
    assert!(!schema.is_empty(), "{rel}: the schema accepts {what}");
    let text: Arc<str> = serde_norway::to_string(value).unwrap().into();
    let loader = kind.parse(Path::new(rel), &text);
    assert!(
        loader.is_err(),
        "{rel}: the loader accepts {what}, the schema does not: {schema:?}\n{text}"
    );
}

#[test]
fn schema_and_loader_reject_the_same_wrong_type_and_unknown_key() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = documents(root);
    for k in kinds() {
        let (_, rel, text) = docs.iter().find(|(name, _, _)| *name == k.name).unwrap();
        let good: Value = serde_norway::from_str(text).unwrap();
        assert!(complaints(&k, &good).is_empty(), "{rel}");
        k.parse(Path::new(rel), &Arc::from(text.as_str()))
            .unwrap_or_else(|d| panic!("{rel}: {}", d.message));

        if k.name == "search-synonyms" {
            // A list of lists of words: no keys to misspell. A word that is not text, and a
            // group of one word, instead.
            let mut wrong = good.clone();
            wrong[0][0] = json!({"a": 1});
            both_reject(&k, rel, &wrong, "a group's word that is a mapping");
            let one = json!([["детсад"]]);
            assert!(!complaints(&k, &one).is_empty(), "a group of one word");
            continue;
        }
        let mut wrong = good.clone();
        let fields = first_struct(&mut wrong).unwrap();
        let key = fields
            .iter()
            .find(|(_, v)| v.is_string())
            .map(|(k, _)| k.clone())
            .unwrap();
        fields.insert(key.clone(), json!([1, 2]));
        both_reject(&k, rel, &wrong, &format!("a list for the text `{key}`"));

        let mut unknown = good.clone();
        first_struct(&mut unknown)
            .unwrap()
            .insert("descripton".into(), json!("опечатка в ключе"));
        both_reject(&k, rel, &unknown, "the unknown key `descripton`");
    }
}

#[test]
fn dates_and_texts_checked_after_parsing_are_rejected_by_the_schema_too() {
    let fm = kind("front-matter");
    for (yaml, what) in [
        ("title: a\nupdated: 2026-02-30x\n", "a date with letters"),
        ("title: a\nupdated: 1989-12-31\n", "a year before 1990"),
        ("title: a\nupdated: 03.12.2026\n", "a Russian-style date"),
        (
            "title: a\nchanges:\n  - date: 2026-12-03\n    text: \"a\\nb\"\n",
            "a change of two lines",
        ),
        (
            "title: a\nchanges:\n  - date: 2026-12-03\n    text: \"  \"\n",
            "an empty change",
        ),
        ("title: a\naudience: [teachers]\n", "an unknown audience"),
    ] {
        let value: Value = serde_norway::from_str(yaml).unwrap();
        both_reject(&fm, "a.md", &value, what);
    }
    let long = json!({"title": "а".repeat(201)});
    assert!(
        !complaints(&fm, &long).is_empty(),
        "a title of 201 characters"
    );
    let ok: Value =
        serde_norway::from_str("title: a\nupdated: 2100-12-31\nchanges:\n  - date: 1990-01-01\n    text: \" Добавили шаг. \"\n")
            .unwrap();
    assert!(
        complaints(&fm, &ok).is_empty(),
        "{:?}",
        complaints(&fm, &ok)
    );
}

/// What the editor shows beside a key is Russian: every property of every schema has a
/// description with Cyrillic letters.
#[test]
fn every_key_is_explained_in_russian() {
    fn walk(v: &Value, at: &str, missing: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                if let Some(Value::Object(props)) = o.get("properties") {
                    for (k, p) in props {
                        let ru = p
                            .get("description")
                            .and_then(Value::as_str)
                            .is_some_and(|d| d.chars().any(|c| ('а'..='я').contains(&c)));
                        if !ru && k != "kind" {
                            missing.push(format!("{at}/{k}"));
                        }
                    }
                }
                if let Some(d) = o.get("description").and_then(Value::as_str)
                    && !d.chars().any(|c| ('а'..='я').contains(&c))
                {
                    missing.push(format!("{at}: English description «{d}»"));
                }
                for (k, c) in o {
                    walk(c, &format!("{at}/{k}"), missing);
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    walk(c, &format!("{at}/{i}"), missing);
                }
            }
            _ => {}
        }
    }
    let mut missing = Vec::new();
    for k in kinds() {
        walk(&k.schema(), k.name, &mut missing);
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
