//! `pamyatka new guide NAME`: start a guide from a template that already has the parts every
//! memo needs (summary, audience, steps, checklist, callout, source), and the `_index.md` of
//! every folder of NAME that has none (a section without one is linked by the navigation but
//! has no page).

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("{}", crate::tr!("new-bad-name", name = .0))]
    BadName(String),
    #[error("{}", crate::tr!("new-exists", file = .0.display().to_string()))]
    Exists(PathBuf),
    #[error("{}", cannot_write(.path, .source))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A file or folder that could not be written (the same words as `init`'s).
fn cannot_write(path: &Path, err: &std::io::Error) -> String {
    crate::tr!(
        "init-cannot-write",
        file = path.display().to_string(),
        reason = crate::i18n::io_error(err)
    )
}

const TEMPLATE: &str = r#"---
title: "{title}"
description: "Кому и зачем: одно предложение о том, кому нужна памятка и что она поможет сделать."
weight: 10
audience: [parents]
updated: {today}
source:
  document: "Название исходного документа"
  organisation: "Организация"
---

## Что подготовить

- [ ] Первое, что нужно подготовить {#item-1}
- [ ] Второе {#item-2}

## Порядок действий

1. Первый шаг.
2. Второй шаг.

> [!WARNING]
> Важное предупреждение из памятки.

## Куда обращаться

Контакты службы поддержки.
"#;

/// The page of a new section, made with a new guide: its title is the folder's name, for the
/// editor to replace.
const SECTION_TEMPLATE: &str = r#"---
title: "{title}"
description: "О чём раздел: одно предложение о том, кому нужны его памятки."
weight: 100
---
"#;

/// What `new guide` wrote.
#[derive(Debug)]
pub struct Created {
    /// `content/NAME.md`.
    pub guide: PathBuf,
    /// The `_index.md` of each folder that had none, outermost first.
    pub sections: Vec<PathBuf>,
}

/// Create `content/NAME.md` under `root`, and `_index.md` in each of its folders that has none.
/// The guide's title is its file name, for the editor to replace.
pub fn new_guide(root: &Path, name: &str, today: &str) -> Result<Created, ScaffoldError> {
    new_guide_titled(root, name, "", today)
}

/// [`new_guide`] with the guide's title (`""`: its file name).
pub fn new_guide_titled(
    root: &Path,
    name: &str,
    title: &str,
    today: &str,
) -> Result<Created, ScaffoldError> {
    let name = name.trim().trim_end_matches(".md");
    let valid = !name.is_empty()
        && name.split('/').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
    if !valid {
        return Err(ScaffoldError::BadName(name.to_string()));
    }
    let path = root.join("content").join(format!("{name}.md"));
    if path.exists() {
        return Err(ScaffoldError::Exists(path));
    }
    let title = match title {
        "" => name.rsplit('/').next().unwrap_or(name).replace('-', " "),
        t => t.to_string(),
    };
    let text = TEMPLATE
        .replace("{title}", &title)
        .replace("{today}", today);
    let io = |source| ScaffoldError::Io {
        path: path.clone(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    std::fs::write(&path, text).map_err(io)?;
    let mut sections = Vec::new();
    let folders: Vec<&str> = name.split('/').collect();
    for depth in 1..folders.len() {
        let index = root
            .join("content")
            .join(folders[..depth].join("/"))
            .join("_index.md");
        if index.exists() {
            continue;
        }
        let title = folders[depth - 1].replace('-', " ");
        std::fs::write(&index, SECTION_TEMPLATE.replace("{title}", &title)).map_err(|source| {
            ScaffoldError::Io {
                path: index.clone(),
                source,
            }
        })?;
        sections.push(index);
    }
    Ok(Created {
        guide: path,
        sections,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_once_and_validates_names() {
        let tmp = tempfile::tempdir().unwrap();
        let created = new_guide(tmp.path(), "esia/privyazka", "2026-01-01").unwrap();
        assert!(
            std::fs::read_to_string(&created.guide)
                .unwrap()
                .contains("{#item-1}")
        );
        assert!(matches!(
            new_guide(tmp.path(), "esia/privyazka", "2026-01-01"),
            Err(ScaffoldError::Exists(_))
        ));
        assert!(matches!(
            new_guide(tmp.path(), "Привязка", "2026-01-01"),
            Err(ScaffoldError::BadName(_))
        ));
        assert!(matches!(
            new_guide(tmp.path(), "../x", "2026-01-01"),
            Err(ScaffoldError::BadName(_))
        ));
    }

    #[test]
    fn new_folders_get_their_section_page_and_existing_ones_are_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        let created = new_guide(tmp.path(), "novyj/pod-razdel/stranica", "2026-01-01").unwrap();
        assert_eq!(
            created.sections,
            [
                content.join("novyj/_index.md"),
                content.join("novyj/pod-razdel/_index.md")
            ]
        );
        let sub = std::fs::read_to_string(content.join("novyj/pod-razdel/_index.md")).unwrap();
        assert!(sub.contains("title: \"pod razdel\""), "{sub}");

        std::fs::write(content.join("novyj/_index.md"), "mine").unwrap();
        let again = new_guide(tmp.path(), "novyj/vtoraya", "2026-01-01").unwrap();
        assert!(again.sections.is_empty(), "{:?}", again.sections);
        assert_eq!(
            std::fs::read_to_string(content.join("novyj/_index.md")).unwrap(),
            "mine"
        );
        let top = new_guide(tmp.path(), "o-nas", "2026-01-01").unwrap();
        assert!(top.sections.is_empty(), "a page at the top has no section");
    }
}
