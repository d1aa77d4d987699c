//! `pamyatka init [DIR]`: a new, minimal site that builds and checks cleanly — `site.yaml`
//! explained in Russian comments, a home page, a search page (the header's search form leads
//! to it), one example guide made by `scaffold` (the template `new guide` uses), a
//! `.gitignore`, the JSON Schemas (`schema.rs`) and the editor settings that map them onto the
//! files (`.vscode/settings.json` for the Red Hat YAML extension, which
//! `.vscode/extensions.json` recommends).
//!
//! No production calendar: only regulation tables and the `deadline` widget count deadlines,
//! and neither is in a new site (an editor copies `content/calendar/<year>.yaml` when adding
//! one; `docs/CONTENT.md` says so). No templates: the built-in ones are compiled into the binary.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::schema;

/// The messages of `init`, in one place.
pub mod messages {
    use std::path::Path;

    use crate::tr;

    /// The folder already has files in it.
    pub fn not_empty(dir: &Path) -> String {
        tr!("init-not-empty", dir = dir.display().to_string())
    }

    pub fn io(path: &Path, err: &std::io::Error) -> String {
        tr!(
            "init-cannot-write",
            file = path.display().to_string(),
            reason = crate::i18n::io_error(err)
        )
    }

    /// After a successful `init`: what was made and what to do next (`base_unknown`: no
    /// `--base-url`, so `site.yaml` has it commented out).
    pub fn done(dir: &Path, base_unknown: bool) -> String {
        let mut s = tr!("init-done", dir = dir.display().to_string());
        if base_unknown {
            s.push('\n');
            s.push_str(&tr!("init-done-base-url"));
        }
        s
    }
}

/// What `init` refuses or fails at.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{}", messages::not_empty(.0))]
    NotEmpty(PathBuf),
    #[error("{}", messages::io(.path, .source))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// `site.yaml`'s `base_url` when `init` is given the address.
const BASE_URL_SET: &str = r#"# Адрес, по которому сайт откроют читатели, без «/» в конце.
base_url: "{base_url}""#;

/// `site.yaml`'s `base_url` when the address is not known yet: commented out, so the site
/// builds and checks without a word about it (see `SiteConfig::base`).
const BASE_URL_UNKNOWN: &str = r#"# Адрес, по которому сайт откроют читатели, без «/» в конце. Он нужен карте
# сайта (sitemap.xml), лентам новостей и печатным версиям страниц. Пока адрес
# неизвестен, строка закомментирована; раскомментируйте её (уберите «# »),
# когда узнаете адрес сайта, и впишите его:
# base_url: "https://pamyatka.edu22.ru""#;

/// The example guide, relative to `content/` without `.md`.
pub const EXAMPLE_GUIDE: &str = "primer/pervaya-pamyatka";

const SITE_YAML: &str = r#"# yaml-language-server: $schema=../schemas/site.schema.json
# Настройки сайта. Редактор VS Code с расширением YAML подсказывает ключи и проверяет значения.

# Название сайта. Его видно в шапке каждой страницы и во вкладке браузера.
title: "Памятки"

# Одно предложение о сайте: для кого он и чем помогает.
description: "Пошаговые инструкции для родителей, школ и муниципалитетов."

{base_url}

# Язык текстов сайта.
language: ru
"#;

const INDEX_MD: &str = r#"---
title: "Памятки"
description: "Пошаговые инструкции для родителей, школ и муниципалитетов."
---

Здесь собраны памятки: что подготовить, что сделать и куда обращаться.

Начните с [первой памятки](primer/pervaya-pamyatka.md). Новую памятку создаёт команда
`pamyatka new guide razdel/imya`.
"#;

const SEARCH_MD: &str = r#"---
title: "Поиск по памяткам"
description: "Поиск по всем памяткам сайта: слова можно писать в любой форме."
template: search.html
weight: 900
nav: false
---
Ищите по словам из вопроса. Слова можно писать в любой форме, опечатка не помешает.
"#;

const SECTION_MD: &str = r#"---
title: "Первые шаги"
description: "Пример раздела: в нём одна памятка, которую можно взять за образец."
weight: 10
---
"#;

const GITIGNORE: &str =
    "# The built site and what a build leaves beside it (a lock, the build cache, interrupted builds).
/public/
/.public.*
# Caches.
/.pamyatka/
";

const EXTENSIONS_JSON: &str = r#"{
  "recommendations": ["redhat.vscode-yaml"]
}
"#;

/// Create a new site in `dir` (created when missing; refused when it has any file).
/// `base_url`: the site's address, or `None` while it is not known (written commented out).
pub fn init(dir: &Path, base_url: Option<&str>, today: &str) -> Result<(), InitError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| InitError::Io { path, source }
    };
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(InitError::NotEmpty(dir.to_path_buf()));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        Err(e) => return Err(io(dir)(e)),
    }
    let content = dir.join("content");
    let base_line = match base_url {
        Some(url) => BASE_URL_SET.replace("{base_url}", url.trim_end_matches('/')),
        None => BASE_URL_UNKNOWN.to_owned(),
    };
    let site_yaml = SITE_YAML.replace("{base_url}", &base_line);
    let files: [(PathBuf, String); 7] = [
        (content.join("site.yaml"), site_yaml),
        (content.join("index.md"), INDEX_MD.into()),
        (content.join("poisk.md"), SEARCH_MD.into()),
        (content.join("primer/_index.md"), SECTION_MD.into()),
        (dir.join(".gitignore"), GITIGNORE.into()),
        (dir.join(".vscode/settings.json"), editor_settings()),
        (dir.join(".vscode/extensions.json"), EXTENSIONS_JSON.into()),
    ];
    for (path, text) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(path, text).map_err(io(path))?;
    }
    crate::scaffold::new_guide_titled(dir, EXAMPLE_GUIDE, "Первая памятка", today).map_err(
        |e| match e {
            crate::scaffold::ScaffoldError::Io { path, source } => InitError::Io { path, source },
            other => InitError::Io {
                path: content.join(format!("{EXAMPLE_GUIDE}.md")),
                source: std::io::Error::other(other.to_string()),
            },
        },
    )?;
    let schemas = dir.join(schema::DEFAULT_DIR);
    schema::write(&schemas).map_err(io(&schemas))?;
    Ok(())
}

/// `.vscode/settings.json`: each schema onto the files of its kind (`yaml.schemas` of the Red
/// Hat YAML extension); the kinds no glob can name are left to their files' `$schema` line.
pub fn editor_settings() -> String {
    let mut map = serde_json::Map::new();
    for k in schema::kinds() {
        if let Some(glob) = k.glob {
            map.insert(
                format!("./{}/{}", schema::DEFAULT_DIR, k.file_name()),
                json!(glob),
            );
        }
    }
    let settings = json!({ "yaml.schemas": map });
    serde_json::to_string_pretty(&settings).expect("JSON") + "\n"
}
