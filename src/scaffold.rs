//! `pamyatka new guide NAME`: start a guide from a template that already has the parts every
//! memo needs (summary, audience, steps, checklist, callout, source).

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error(
        "`{0}` is not a valid guide name: use Latin lowercase letters, digits and `-`, with `/` between a section and the page (e.g. esia/privyazka)"
    )]
    BadName(String),
    #[error("{0} already exists; choose another name")]
    Exists(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
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

/// Create `content/NAME.md` under `root`; returns the path written.
pub fn new_guide(root: &Path, name: &str, today: &str) -> Result<PathBuf, ScaffoldError> {
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
    let title = name.rsplit('/').next().unwrap_or(name).replace('-', " ");
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
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_once_and_validates_names() {
        let tmp = tempfile::tempdir().unwrap();
        let p = new_guide(tmp.path(), "esia/privyazka", "2026-01-01").unwrap();
        assert!(std::fs::read_to_string(&p).unwrap().contains("{#item-1}"));
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
}
