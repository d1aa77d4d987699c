//! Checks of a regulation table against itself, the roles and the pages: each error points at
//! the value it is about, found by its path in the file (`stages[0].rows[3].number`), not by
//! its text (which may also be in a comment or in an earlier row).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use super::{GROUP_TEMPLATE, Group, Role, Row, Table};
use crate::content::Site;
use crate::data::data_error;
use crate::diagnostic::{Diagnostic, line_col};
use crate::limits::{self, DESCRIPTION_MAX, ROW_TEXT_MAX, TITLE_MAX};
use crate::yaml::{self, Seg};

/// The names and short names of the roles (`roles.yaml`).
pub fn roles(rel: &str, text: &Arc<str>, roles: &BTreeMap<String, Role>) -> Vec<Diagnostic> {
    let file = PathBuf::from("content").join(rel);
    let y = limits::Yaml::file(&file, text);
    let mut errors = Vec::new();
    for (id, role) in roles {
        let what = crate::tr!("regulation-what-role-name", id = id);
        errors.extend(y.length(
            &[Seg::Key(id), Seg::Key("name")],
            &role.name,
            &what,
            TITLE_MAX,
        ));
        let what = crate::tr!("regulation-what-role-short", id = id);
        errors.extend(y.length(
            &[Seg::Key(id), Seg::Key("short")],
            &role.short,
            &what,
            TITLE_MAX,
        ));
    }
    errors
}

pub fn table(
    table: &Table,
    rel: &str,
    text: &Arc<str>,
    roles: &BTreeMap<String, Role>,
    page_rels: &HashSet<String>,
    site: &Site,
    errors: &mut Vec<Diagnostic>,
) {
    let file = PathBuf::from("content").join(rel);
    let c = Checker {
        rel,
        text,
        y: limits::Yaml::file(&file, text),
        roles,
        page_rels,
        site,
    };
    let y = &c.y;
    errors.extend(y.length(
        &[Seg::Key("title")],
        &table.title,
        &crate::tr!("regulation-what-table-title"),
        TITLE_MAX,
    ));
    errors.extend(y.length(
        &[Seg::Key("document")],
        &table.document,
        &crate::tr!("regulation-what-table-document"),
        DESCRIPTION_MAX,
    ));
    let mut reported = HashSet::new();
    for (i, stage) in table.stages.iter().enumerate() {
        let path = [Seg::Key("stages"), Seg::Index(i)];
        c.group(stage, &path, &mut reported, errors);
        for (j, module) in stage.modules.iter().enumerate() {
            let path = [path[0], path[1], Seg::Key("modules"), Seg::Index(j)];
            c.group(module, &path, &mut reported, errors);
        }
    }
}

struct Checker<'a> {
    rel: &'a str,
    text: &'a Arc<str>,
    y: limits::Yaml<'a>,
    roles: &'a BTreeMap<String, Role>,
    page_rels: &'a HashSet<String>,
    site: &'a Site,
}

/// `path` followed by `more`.
fn join<'a>(path: &[Seg<'a>], more: &[Seg<'a>]) -> Vec<Seg<'a>> {
    path.iter().chain(more).copied().collect()
}

impl Checker<'_> {
    fn error(&self, code: &'static str, message: String, path: &[Seg]) -> Diagnostic {
        Diagnostic::error(code, message).at(yaml::location_of(
            self.y.file,
            self.text,
            0,
            self.text.len(),
            path,
        ))
    }

    fn group(
        &self,
        g: &Group,
        path: &[Seg],
        reported: &mut HashSet<String>,
        errors: &mut Vec<Diagnostic>,
    ) {
        let (rel, text) = (self.rel, self.text);
        if let Some(page) = &g.page {
            if !self.page_rels.contains(page) {
                errors.push(
                    data_error(
                        "regulation",
                        rel,
                        text,
                        crate::tr!("regulation-page-missing", group = &g.number, page = page),
                    )
                    .hint(crate::tr!("regulation-page-missing.hint")),
                );
            } else if self
                .site
                .page_by_rel(page)
                .is_some_and(|p| p.template() != GROUP_TEMPLATE)
            {
                errors.push(
                    data_error(
                        "regulation",
                        rel,
                        text,
                        crate::tr!(
                            "regulation-page-template",
                            page = page,
                            group = &g.number,
                            template = GROUP_TEMPLATE
                        ),
                    )
                    .hint(crate::tr!(
                        "regulation-page-template.hint",
                        template = GROUP_TEMPLATE
                    )),
                );
            }
        }
        errors.extend(self.y.length(
            &join(path, &[Seg::Key("title")]),
            &g.title,
            &crate::tr!("regulation-what-group-title", group = &g.number),
            TITLE_MAX,
        ));
        let mut numbers: HashMap<&str, usize> = HashMap::new();
        for (i, row) in g.rows.iter().enumerate() {
            let row_path = join(path, &[Seg::Key("rows"), Seg::Index(i)]);
            if let Some(&first) = numbers.get(row.number.as_str()) {
                let first_path = join(
                    path,
                    &[Seg::Key("rows"), Seg::Index(first), Seg::Key("number")],
                );
                let first_line = yaml::value_at(text, 0, text.len(), &first_path)
                    .map(|f| line_col(text, f.offset).0);
                let hint = match first_line {
                    Some(l) => crate::tr!(
                        "regulation-row-twice.hint",
                        number = &row.number,
                        line = l.to_string()
                    ),
                    None => crate::tr!("regulation-row-twice.hint-renumber"),
                };
                errors.push(
                    self.error(
                        "regulation",
                        crate::tr!(
                            "regulation-row-twice",
                            number = &row.number,
                            group = &g.number
                        ),
                        &join(&row_path, &[Seg::Key("number")]),
                    )
                    .label(crate::tr!("regulation-row-twice.label"))
                    .hint(hint),
                );
            } else {
                numbers.insert(&row.number, i);
            }
            self.row(row, &row_path, reported, errors);
        }
    }

    fn row(
        &self,
        row: &Row,
        path: &[Seg],
        reported: &mut HashSet<String>,
        errors: &mut Vec<Diagnostic>,
    ) {
        if let Err(e) = row.rules() {
            let clause = if e.clause.is_empty() {
                "none"
            } else {
                e.clause.as_str()
            };
            let d = data_error(
                "deadline",
                self.rel,
                self.text,
                crate::tr!(
                    "regulation-deadline-unreadable",
                    row = &row.number,
                    deadline = &row.deadline,
                    reason = super::parse_reason(&e),
                    clause = clause
                ),
            );
            errors.push(d.hint(crate::tr!("regulation-deadline-unreadable.hint")));
        }
        // Who does it: the row's roles, or each part's.
        let no_role = |at: &[Seg]| {
            self.error(
                "regulation",
                crate::tr!("regulation-no-role", row = &row.number),
                at,
            )
            .label(crate::tr!("regulation-no-role.label"))
            .hint(crate::tr!("regulation-no-role.hint"))
        };
        if row.parts.is_empty() && row.responsible.is_empty() {
            let key = join(path, &[Seg::Key("responsible")]);
            let at = if yaml::value_at(self.text, 0, self.text.len(), &key).is_some() {
                key
            } else {
                join(path, &[Seg::Key("number")])
            };
            errors.push(no_role(&at));
        }
        for (i, part) in row.parts.iter().enumerate() {
            if part.responsible.is_empty() {
                errors.push(no_role(&join(
                    path,
                    &[Seg::Key("parts"), Seg::Index(i), Seg::Key("responsible")],
                )));
            }
        }
        let lists = std::iter::once((&row.responsible, join(path, &[Seg::Key("responsible")])))
            .chain(row.parts.iter().enumerate().map(|(i, p)| {
                (
                    &p.responsible,
                    join(
                        path,
                        &[Seg::Key("parts"), Seg::Index(i), Seg::Key("responsible")],
                    ),
                )
            }));
        for (ids, list_path) in lists {
            for (i, id) in ids.iter().enumerate() {
                if !self.roles.contains_key(id) && reported.insert(id.clone()) {
                    errors.push(
                        self.error(
                            "regulation",
                            crate::tr!("regulation-unknown-role", id = id, row = &row.number),
                            &join(&list_path, &[Seg::Index(i)]),
                        )
                        .hint(crate::tr!("regulation-unknown-role.hint")),
                    );
                }
            }
        }
        self.texts(row, path, errors);
    }

    /// Every text of a row within [`ROW_TEXT_MAX`].
    fn texts(&self, row: &Row, path: &[Seg], errors: &mut Vec<Diagnostic>) {
        let what =
            |field: &str| crate::tr!("regulation-what-row-text", field = field, row = &row.number);
        let mut check = |more: &[Seg], value: &str, field: &str| {
            errors.extend(
                self.y
                    .length(&join(path, more), value, &what(field), ROW_TEXT_MAX),
            );
        };
        check(&[Seg::Key("action")], &row.action, "action");
        check(&[Seg::Key("deadline")], &row.deadline, "deadline");
        check(&[Seg::Key("result")], &row.result, "result");
        if let Some(note) = &row.note {
            check(&[Seg::Key("note")], note, "note");
        }
        if let Some(note) = &row.deadline_note {
            check(&[Seg::Key("deadline_note")], note, "deadline_note");
        }
        if let Some(t) = &row.responsible_text {
            check(&[Seg::Key("responsible_text")], t, "responsible_text");
        }
        for (i, item) in row.items.iter().enumerate() {
            check(&[Seg::Key("items"), Seg::Index(i)], item, "items");
        }
        for (i, form) in row.forms.iter().enumerate() {
            check(&[Seg::Key("forms"), Seg::Index(i)], form, "forms");
        }
        for (i, part) in row.parts.iter().enumerate() {
            let p = [Seg::Key("parts"), Seg::Index(i)];
            check(
                &[p[0], p[1], Seg::Key("action")],
                &part.action,
                "parts.action",
            );
            check(
                &[p[0], p[1], Seg::Key("result")],
                &part.result,
                "parts.result",
            );
        }
    }
}
