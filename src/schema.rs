//! JSON Schemas of the content files (`pamyatka schema`, written by `pamyatka init` too), for
//! the editor's help while typing: the keys a file may have, their types, allowed values and
//! an explanation in Russian. Made by schemars from the same types that parse the files; what
//! the loader checks after parsing (lengths, date years, the shape of a change's text) is
//! added here as `maxLength`/`pattern`, and the Russian texts (`schema/ru.rs`) replace the
//! types' English doc comments.

mod ru;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::diagnostic::Diagnostic;

/// The folder `pamyatka schema` writes to, under `--root`, and where `init` puts the schemas
/// (committed with the site: the editor settings and `$schema` lines name it).
pub const DEFAULT_DIR: &str = "schemas";

/// The messages of `pamyatka schema`, in one place.
pub mod messages {
    use std::path::Path;

    use crate::tr;

    pub fn written(dir: &Path, count: usize) -> String {
        tr!(
            "schema-written",
            count = count,
            dir = dir.display().to_string()
        )
    }

    pub fn io(dir: &Path, err: &std::io::Error) -> String {
        tr!(
            "schema-cannot-write",
            dir = dir.display().to_string(),
            reason = err.to_string()
        )
    }
}

/// One kind of content file.
pub struct Kind {
    /// The schema's file name without `.schema.json`: `front-matter`, `site`, …
    pub name: &'static str,
    /// The files of this kind, for the editor's `yaml.schemas` (relative to the site's
    /// folder); `None` where no glob can say it: front matter is inside `.md` files, and a
    /// regulation table shares its folder with `roles.yaml` (its file says `$schema` itself).
    pub glob: Option<&'static str>,
    schema: fn(SchemaGenerator) -> schemars::Schema,
    parse: fn(&Path, &Arc<str>) -> Result<(), Diagnostic>,
}

impl Kind {
    /// The schema's file name: `front-matter.schema.json`.
    pub fn file_name(&self) -> String {
        format!("{}.schema.json", self.name)
    }

    /// The schema, with the Russian texts and the loader's own checks.
    pub fn schema(&self) -> Value {
        let schema = (self.schema)(SchemaSettings::draft07().into_generator());
        let mut value = schema.to_value();
        finish(self.name, &mut value);
        value
    }

    /// Parses `text` as the loader parses a file of this kind (the same type through
    /// `yaml::parse`): what the schema and the loader must agree on.
    pub fn parse(&self, file: &Path, text: &Arc<str>) -> Result<(), Diagnostic> {
        (self.parse)(file, text)
    }
}

fn root<T: JsonSchema>(g: SchemaGenerator) -> schemars::Schema {
    g.into_root_schema_for::<T>()
}

fn parse<T: DeserializeOwned>(file: &Path, text: &Arc<str>) -> Result<(), Diagnostic> {
    crate::yaml::parse::<T>(file, text, "schema").map(drop)
}

macro_rules! kind {
    ($name:literal, $glob:expr, $ty:ty) => {
        Kind {
            name: $name,
            glob: $glob,
            schema: root::<$ty>,
            parse: parse::<$ty>,
        }
    };
}

/// Every kind of content file, in the order the docs list them.
pub fn kinds() -> Vec<Kind> {
    use crate::content::{FrontMatter, GlossaryEntry};
    use crate::data::regulation::{Role, Table};
    use pamyatka_checks::account::{ReadinessRule, RegistrationForm};
    use pamyatka_checks::archive::ArchiveRule;
    use pamyatka_checks::calendar::YearData;
    vec![
        kind!("front-matter", None, FrontMatter),
        kind!("site", Some("content/site.yaml"), crate::config::SiteConfig),
        kind!("calendar", Some("content/calendar/*.yaml"), YearData),
        kind!(
            "roles",
            Some("content/regulations/roles.yaml"),
            BTreeMap<String, Role>
        ),
        kind!("regulation", None, Table),
        kind!(
            "archive-rule",
            Some("content/**/*archive-rule.yaml"),
            ArchiveRule
        ),
        kind!(
            "readiness-rule",
            Some("content/**/*readiness-rule.yaml"),
            ReadinessRule
        ),
        kind!(
            "registration-form",
            Some("content/**/*registration-form.yaml"),
            RegistrationForm
        ),
        kind!(
            "glossary",
            Some("content/glossary.yaml"),
            Vec<GlossaryEntry>
        ),
        // PNG screenshots are the usual case: a JPEG's highlights file names its schema by its
        // `$schema` line.
        kind!(
            "image",
            Some("content/**/*.png.yaml"),
            crate::images::highlights::ImageMeta
        ),
        kind!(
            "search-synonyms",
            Some("content/search-synonyms.yaml"),
            Vec<Vec<String>>
        ),
    ]
}

/// The kind of a file of `content/` by its path relative to `content/` (`esia/privyazka.md`,
/// `calendar/2026.yaml`), as the loader tells them; `None` for a data file of no known kind.
pub fn kind_of(rel: &str) -> Option<&'static str> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = name.trim_end_matches(".yaml").trim_end_matches(".yml");
    Some(match rel {
        _ if rel.ends_with(".md") => "front-matter",
        "site.yaml" => "site",
        "glossary.yaml" => "glossary",
        crate::content::SYNONYMS => "search-synonyms",
        "regulations/roles.yaml" => "roles",
        _ if rel.starts_with("calendar/") => "calendar",
        _ if rel.starts_with("regulations/") => "regulation",
        _ if stem.ends_with("archive-rule") => "archive-rule",
        _ if stem.ends_with("readiness-rule") => "readiness-rule",
        _ if stem.ends_with("registration-form") => "registration-form",
        _ if crate::images::is_sidecar(rel) => "image",
        _ => return None,
    })
}

/// Writes every schema into `dir` (created if missing); returns the files written.
pub fn write(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    kinds()
        .iter()
        .map(|k| {
            let path = dir.join(k.file_name());
            let text = serde_json::to_string_pretty(&k.schema()).expect("a schema is JSON");
            std::fs::write(&path, text + "\n")?;
            Ok(path)
        })
        .collect()
}

/// The Russian texts, the loader's checks after parsing, and the root's title.
fn finish(kind: &str, schema: &mut Value) {
    let (title, description) = ru::kind(kind);
    let root_type = schema
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    obj.insert("title".into(), json!(title));
    obj.insert("description".into(), json!(description));
    if let Some(Value::Object(defs)) = obj.get_mut("definitions") {
        for (name, def) in defs.iter_mut() {
            annotate(name, def);
        }
    }
    // The root's own type: its properties, or those of its items (a list of entries).
    let mut rest = Value::Object(std::mem::take(obj));
    if rest.get("properties").is_some() {
        annotate_properties(&root_type, &mut rest);
    }
    if kind == "search-synonyms" {
        // Each group has at least two entries (`loader::check_synonyms`).
        rest["items"]["minItems"] = json!(2);
        rest["items"]["items"]["pattern"] = json!(r"\S");
    }
    *schema = rest;
    schema["description"] = json!(description);
}

/// A definition: its description, its values' (an enum's), its properties'.
fn annotate(name: &str, def: &mut Value) {
    match ru::text(name, "") {
        Some(t) => def["description"] = json!(t.description),
        None => {
            if let Some(o) = def.as_object_mut() {
                o.remove("description");
            }
        }
    }
    annotate_properties(name, def);
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Array(variants)) = def.get_mut(key) {
            for v in variants {
                let value = v
                    .get("const")
                    .or_else(|| v.pointer("/enum/0"))
                    .or_else(|| v.pointer("/properties/kind/const"))
                    .and_then(Value::as_str)
                    .map(str::to_string);
                if let (Some(value), Some(o)) = (value, v.as_object_mut()) {
                    match ru::text(name, &format!("={value}")) {
                        Some(t) => {
                            o.insert("description".into(), json!(t.description));
                        }
                        None => {
                            o.remove("description");
                        }
                    }
                }
                annotate_properties(name, v);
            }
        }
    }
}

fn annotate_properties(ty: &str, node: &mut Value) {
    let Some(Value::Object(props)) = node.get_mut("properties") else {
        return;
    };
    for (prop, schema) in props.iter_mut() {
        let Some(t) = ru::text(ty, prop) else {
            continue;
        };
        let mut o = match std::mem::take(schema) {
            Value::Object(o) => o,
            other => Map::from_iter([("allOf".to_string(), json!([other]))]),
        };
        // draft-07 ignores the siblings of `$ref`: the reference goes into `allOf`.
        if let Some(r) = o.remove("$ref") {
            o.insert("allOf".into(), json!([{ "$ref": r }]));
        }
        o.insert("description".into(), json!(t.description));
        if !t.examples.is_empty() {
            o.insert("examples".into(), json!(t.examples));
        }
        if let Value::Object(extra) = (t.extra)() {
            o.extend(extra);
        }
        *schema = Value::Object(o);
    }
}
