//! What the regulation templates receive (`regulation.html`, `regulation-role.html`,
//! `partials/regulation-row.html`, `partials/calc-form.html`): typed views of a table's rows,
//! groups and roles, made from the parsed table. Serialized, they are the JSON the templates read
//! by key; the search index reads the same rows ([`RowView`]) by field.

use std::collections::{BTreeMap, HashSet};

use pamyatka_checks::deadline::Rule;
use serde::Serialize;

use super::{Columns, Group, Role, Row, row_id, row_ref};

/// A role as a link to its page (`{id, name, short, url}`).
#[derive(Debug, Clone, Serialize)]
pub struct RoleRef {
    pub id: String,
    pub name: String,
    pub short: String,
    pub url: String,
}

/// A role in a table's list of roles, with the number of its rows.
#[derive(Debug, Clone, Serialize)]
pub struct RoleCount {
    #[serde(flatten)]
    pub role: RoleRef,
    pub count: usize,
}

/// The role a role page is about (`{id, name, short}`).
#[derive(Debug, Clone, Serialize)]
pub struct RoleName {
    pub id: String,
    pub name: String,
    pub short: String,
}

/// A role in a group page's filter (`calc_roles`: `{id, name}`).
#[derive(Debug, Clone, Serialize)]
pub struct RoleOption {
    pub id: String,
    pub name: String,
}

/// A stage or module in a role page's filter (`calc_groups`: `{id, title}`, the title
/// numbered).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupOption {
    pub id: String,
    pub title: String,
}

/// The part of a row another role does.
#[derive(Debug, Clone, Serialize)]
pub struct PartView {
    pub action: String,
    pub responsible: Vec<RoleRef>,
    pub result: String,
    pub forms: Vec<String>,
}

/// One row of a table as its group page, its roles' pages and the search index show it.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// The row's anchor on its group's page (`row_id`).
    pub id: String,
    pub number: String,
    /// «п. 4 этапа 1» (`row_ref`).
    #[serde(rename = "ref")]
    pub reference: String,
    pub action: String,
    pub items: Vec<String>,
    pub deadline: String,
    pub deadline_note: Option<String>,
    /// `rules` as JSON, for the calculator's `data-rules`.
    pub rules_json: String,
    /// The deadline's rules (none when the text cannot be read).
    pub rules: Vec<Rule>,
    /// At least one rule gives a date: the calculators show this row.
    pub computable: bool,
    /// Every role the row names, its parts' too (`Row::all_roles`).
    pub role_ids: Vec<String>,
    pub responsible: Vec<RoleRef>,
    pub responsible_text: Option<String>,
    pub result: String,
    pub forms: Vec<String>,
    pub parts: Vec<PartView>,
    pub note: Option<String>,
    /// The group page's URL with the row's anchor.
    pub url: String,
    pub group_number: String,
    pub group_title: String,
}

impl RowView {
    /// A rule of the deadline counts hours (the calculator asks for the event's time).
    pub fn has_hours(&self) -> bool {
        self.rules.iter().any(|r| matches!(r, Rule::Hours { .. }))
    }
}

/// A stage as its modules' pages link to it (`{number, title, url}`).
#[derive(Debug, Clone, Serialize)]
pub struct GroupLink {
    pub number: String,
    pub title: String,
    pub url: String,
}

/// A module in its stage page's list, with the number of its rows.
#[derive(Debug, Clone, Serialize)]
pub struct ModuleCard {
    #[serde(flatten)]
    pub link: GroupLink,
    pub count: usize,
}

#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupKind {
    Stage,
    Module,
}

/// A stage or module of a table, shown by its own page.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    /// The roles its rows name, in the order of `roles.yaml` (the filter).
    pub roles: Vec<RoleOption>,
    pub computable: bool,
    pub hours: bool,
    pub number: String,
    pub title: String,
    pub rows: Vec<RowView>,
    pub gaps: Vec<String>,
    pub kind: GroupKind,
    pub modules: Vec<ModuleCard>,
}

/// What every page of a table says about the table.
#[derive(Debug, Clone, Serialize)]
pub struct TableMeta {
    pub title: String,
    pub document: String,
    pub region: Option<String>,
    /// The file's name without `.yaml`, for the names of the calculators' `.ics` files.
    pub slug: String,
    pub columns: Columns,
    /// The file, relative to `content/`.
    pub source: String,
    /// The role index's URL.
    pub roles_url: String,
}

/// A group page's template value `regulation`.
#[derive(Debug, Clone, Serialize)]
pub struct GroupPage {
    pub table: TableMeta,
    pub group: GroupView,
    /// The stage of a module (none for a stage).
    pub stage: Option<GroupLink>,
}

/// A role's calendar file, as its page links to it.
#[derive(Debug, Clone, Serialize)]
pub struct RoleCalendarLink {
    pub url: String,
    pub events: usize,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
}

/// What only a role's own page has (the role index has none of these keys).
#[derive(Debug, Clone, Serialize)]
pub struct RoleDetail {
    /// The stages and modules its rows come from, in row order (the filter).
    pub groups: Vec<GroupOption>,
    pub hours: bool,
    pub calendar: Option<RoleCalendarLink>,
}

/// The template value `regulation_roles` of a table's role index (no `role`, no rows) and of
/// each role's page.
#[derive(Debug, Clone, Serialize)]
pub struct RolesPage {
    pub table: TableMeta,
    pub roles: Vec<RoleCount>,
    pub role: Option<RoleName>,
    pub rows: Vec<RowView>,
    #[serde(flatten)]
    pub detail: Option<RoleDetail>,
}

impl RoleDetail {
    /// The filter and the time field of the page of a role with these rows.
    pub fn new(rows: &[RowView], calendar: Option<RoleCalendarLink>) -> Self {
        let mut groups: Vec<GroupOption> = Vec::new();
        for row in rows {
            let g = GroupOption {
                id: row.group_number.clone(),
                title: format!("{}. {}", row.group_number, row.group_title),
            };
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
        RoleDetail {
            groups,
            hours: rows.iter().any(RowView::has_hours),
            calendar,
        }
    }
}

/// Makes the views of one table: its roles and where their pages are.
pub struct Views<'a> {
    pub roles: &'a BTreeMap<String, Role>,
    /// The role index's URL (`/<section>/roli/`); a role's page is `<roles_url><id>/`.
    pub roles_url: String,
}

impl Views<'_> {
    pub fn role_ref(&self, id: &str) -> RoleRef {
        let r = &self.roles[id];
        RoleRef {
            id: id.to_string(),
            name: r.name.clone(),
            short: r.short.clone(),
            url: format!("{}{id}/", self.roles_url),
        }
    }

    fn role_refs(&self, ids: &[String]) -> Vec<RoleRef> {
        ids.iter().map(|id| self.role_ref(id)).collect()
    }

    /// The row `row` of `group` (of the stage numbered `stage_number`), on the page at
    /// `group_url`.
    pub fn row(&self, stage_number: &str, group: &Group, row: &Row, group_url: &str) -> RowView {
        let id = row_id(group, row);
        let rules = row.rules().unwrap_or_default();
        RowView {
            number: row.number.clone(),
            reference: row_ref(stage_number, row),
            action: row.action.clone(),
            items: row.items.clone(),
            deadline: row.deadline.clone(),
            deadline_note: row.deadline_note.clone(),
            rules_json: serde_json::to_string(&rules).unwrap_or_default(),
            computable: rules.iter().any(|r| !matches!(r, Rule::Text { .. })),
            rules,
            role_ids: row.all_roles().cloned().collect(),
            responsible: self.role_refs(&row.responsible),
            responsible_text: row.responsible_text.clone(),
            result: row.result.clone(),
            forms: row.forms.clone(),
            parts: row
                .parts
                .iter()
                .map(|p| PartView {
                    action: p.action.clone(),
                    responsible: self.role_refs(&p.responsible),
                    result: p.result.clone(),
                    forms: p.forms.clone(),
                })
                .collect(),
            note: row.note.clone(),
            url: format!("{group_url}#{id}"),
            id,
            group_number: group.number.clone(),
            group_title: group.title.clone(),
        }
    }

    /// The roles `group`'s rows name, in the order of `roles.yaml`.
    pub fn group_roles(&self, group: &Group) -> Vec<RoleOption> {
        let named: HashSet<&String> = group.rows.iter().flat_map(Row::all_roles).collect();
        self.roles
            .iter()
            .filter(|(id, _)| named.contains(id))
            .map(|(id, r)| RoleOption {
                id: id.clone(),
                name: r.name.clone(),
            })
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn views(roles: &BTreeMap<String, Role>) -> Views<'_> {
        Views {
            roles,
            roles_url: "/gis/roli/".into(),
        }
    }

    fn roles() -> BTreeMap<String, Role> {
        let role = |name: &str, short: &str| Role {
            name: name.into(),
            short: short.into(),
            audience: vec![],
        };
        BTreeMap::from([
            ("oo".to_string(), role("Образовательная организация", "ОО")),
            ("op".to_string(), role("Оператор", "Оператор")),
        ])
    }

    /// A row of stage 2's module 2.1, with every field set.
    pub(crate) fn row_view() -> RowView {
        let group = Group {
            number: "2.1".into(),
            title: "Модуль".into(),
            page: Some("gis/etap-2-1.md".into()),
            numbering_gaps: vec![],
            rows: vec![],
            modules: vec![],
        };
        let row = Row {
            number: "2.1.5".into(),
            action: "Восстановление пароля".into(),
            items: vec!["логин".into(), "пароль".into()],
            deadline: "в течение 3 рабочих дней".into(),
            deadline_rule: None,
            deadline_note: Some("со дня заявки".into()),
            responsible: vec!["op".into()],
            responsible_text: Some("оператор системы".into()),
            result: "Пароль выдан".into(),
            forms: vec!["Ф-1".into()],
            parts: vec![super::super::Part {
                action: "Подать заявку".into(),
                responsible: vec!["oo".into()],
                result: "Заявка".into(),
                forms: vec![],
            }],
            note: Some("Примечание".into()),
        };
        let roles = roles();
        views(&roles).row("2", &group, &row, "/gis/etap-2-1/")
    }

    /// The keys and values the templates read from a row (`partials/regulation-row.html`,
    /// `partials/deadline-cell.html`, `regulation-role.html`).
    #[test]
    fn a_row_is_the_json_the_templates_read() {
        let json = serde_json::to_value(row_view()).unwrap();
        let role = |id: &str, name: &str, short: &str| serde_json::json!({"id": id, "name": name, "short": short, "url": format!("/gis/roli/{id}/")});
        let rules = serde_json::json!([{"kind": "working_days", "days": 3}]);
        assert_eq!(
            json,
            serde_json::json!({
                "id": "r-2-1-5", "number": "2.1.5", "ref": "п.\u{a0}2.1.5 этапа\u{a0}2",
                "action": "Восстановление пароля", "items": ["логин", "пароль"],
                "deadline": "в течение 3 рабочих дней", "deadline_note": "со дня заявки",
                "rules_json": r#"[{"kind":"working_days","days":3}]"#, "rules": rules, "computable": true,
                "role_ids": ["op", "oo"], "responsible": [role("op", "Оператор", "Оператор")],
                "responsible_text": "оператор системы", "result": "Пароль выдан", "forms": ["Ф-1"],
                "parts": [{"action": "Подать заявку", "responsible": [role("oo", "Образовательная организация", "ОО")], "result": "Заявка", "forms": []}],
                "note": "Примечание", "url": "/gis/etap-2-1/#r-2-1-5",
                "group_number": "2.1", "group_title": "Модуль",
            })
        );
    }

    /// The role index has no `groups`, `hours`, `calendar`; a role's page has them all.
    #[test]
    fn role_pages_say_what_only_they_have() {
        let roles = roles();
        let meta = TableMeta {
            title: "Т".into(),
            document: "Д".into(),
            region: None,
            slug: "t".into(),
            columns: Columns {
                number: "№".into(),
                action: "Мероприятие".into(),
                deadline: "Срок".into(),
                responsible: "Кто".into(),
                result: "Результат".into(),
            },
            source: "regulations/t.yaml".into(),
            roles_url: "/gis/roli/".into(),
        };
        let index = RolesPage {
            table: meta.clone(),
            roles: vec![],
            role: None,
            rows: vec![],
            detail: None,
        };
        let keys = |v: serde_json::Value| -> Vec<String> {
            v.as_object().unwrap().keys().cloned().collect()
        };
        assert_eq!(
            keys(serde_json::to_value(index).unwrap()),
            ["role", "roles", "rows", "table"]
        );
        let rows = vec![row_view()];
        let page = RolesPage {
            table: meta,
            roles: vec![RoleCount {
                role: views(&roles).role_ref("op"),
                count: 1,
            }],
            role: Some(RoleName {
                id: "op".into(),
                name: "Оператор".into(),
                short: "Оператор".into(),
            }),
            detail: Some(RoleDetail::new(&rows, None)),
            rows,
        };
        let json = serde_json::to_value(page).unwrap();
        assert_eq!(
            keys(json.clone()),
            [
                "calendar", "groups", "hours", "role", "roles", "rows", "table"
            ]
        );
        assert_eq!(
            json["groups"],
            serde_json::json!([{"id": "2.1", "title": "2.1. Модуль"}])
        );
        assert_eq!(json["roles"][0]["count"], 1);
        assert_eq!(json["roles"][0]["url"], "/gis/roli/op/");
        assert!(json["calendar"].is_null());
    }
}
