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
        let what = format!("the name of role {id}");
        errors.extend(y.length(
            &[Seg::Key(id), Seg::Key("name")],
            &role.name,
            &what,
            TITLE_MAX,
        ));
        let what = format!("the short name of role {id}");
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
        "the table's title",
        TITLE_MAX,
    ));
    errors.extend(y.length(
        &[Seg::Key("document")],
        &table.document,
        "the table's document",
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
                        format!(
                            "group {} names page `{page}`, which does not exist",
                            g.number
                        ),
                    )
                    .hint("give the path of a .md file relative to content/"),
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
                        format!(
                            "page `{page}` renders group {} but does not use {GROUP_TEMPLATE}",
                            g.number
                        ),
                    )
                    .hint(format!(
                        "add `template: {GROUP_TEMPLATE}` to that page's front matter"
                    )),
                );
            }
        }
        errors.extend(self.y.length(
            &join(path, &[Seg::Key("title")]),
            &g.title,
            &format!("the title of group {}", g.number),
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
                    Some(l) => format!(
                        "the first row {} is on line {l}; renumber one of them",
                        row.number
                    ),
                    None => "renumber one of the rows".to_string(),
                };
                errors.push(
                    self.error(
                        "regulation",
                        format!(
                            "row number `{}` appears twice in group {}",
                            row.number, g.number
                        ),
                        &join(&row_path, &[Seg::Key("number")]),
                    )
                    .label("the second row with this number")
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
            let mut d = data_error(
                "deadline",
                self.rel,
                self.text,
                format!(
                    "row {}: cannot read the deadline `{}`: {}",
                    row.number, row.deadline, e.message
                ),
            );
            if !e.clause.is_empty() {
                d.message.push_str(&format!(" (in «{}»)", e.clause));
            }
            errors.push(d.hint(
                "rephrase it (e.g. «в течение 5 рабочих дней после получения заявки») or add `deadline_rule:` with the rule, e.g. [{kind: working_days, days: 5}]",
            ));
        }
        // Who does it: the row's roles, or each part's.
        let no_role = |at: &[Seg]| {
            self.error(
                "regulation",
                format!("row {} names no responsible role", row.number),
                at,
            )
            .label("at least one role")
            .hint("list the role ids from content/regulations/roles.yaml, e.g. responsible: [oo]")
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
                            format!("unknown role `{id}` (row {})", row.number),
                            &join(&list_path, &[Seg::Index(i)]),
                        )
                        .hint("add the role to content/regulations/roles.yaml or fix the id"),
                    );
                }
            }
        }
        self.texts(row, path, errors);
    }

    /// Every text of a row within [`ROW_TEXT_MAX`].
    fn texts(&self, row: &Row, path: &[Seg], errors: &mut Vec<Diagnostic>) {
        let what = |field: &str| format!("the {field} of row {}", row.number);
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
            check(&[Seg::Key("items"), Seg::Index(i)], item, "item");
        }
        for (i, form) in row.forms.iter().enumerate() {
            check(&[Seg::Key("forms"), Seg::Index(i)], form, "form");
        }
        for (i, part) in row.parts.iter().enumerate() {
            let p = [Seg::Key("parts"), Seg::Index(i)];
            check(
                &[p[0], p[1], Seg::Key("action")],
                &part.action,
                "part's action",
            );
            check(
                &[p[0], p[1], Seg::Key("result")],
                &part.result,
                "part's result",
            );
        }
    }
}
