//! Regulation tables (`content/regulations/*.yaml`) and their roles (`roles.yaml`): typed,
//! cross-checked (every role id exists, every group names an existing page), rendered by the
//! page each group names, and regrouped by role into one generated page per role
//! («что должна сделать ОО и в какой срок»).

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod check;
pub mod view;

use super::{PageValue, TypedData};
use crate::content::{Audience, FrontMatter, Page, PageKind, Site, date, url_for};
use crate::diagnostic::Diagnostic;
use crate::role_calendar;
use crate::yaml;
use pamyatka_checks::date::IsoDate;
use pamyatka_checks::deadline::{self, Rule};
use view::{
    GroupKind, GroupLink, GroupPage, GroupView, ModuleCard, RoleCalendarLink, RoleCount,
    RoleDetail, RoleName, RolesPage, RowView, TableMeta, Views,
};

/// Template that renders one group of a table.
pub const GROUP_TEMPLATE: &str = "regulation.html";
/// The folder of a table's role pages, beside its first page: `<section>/roli/<role>/`.
pub use crate::content::reserved::ROLES_FOLDER;
/// Template of the generated per-role pages.
pub const ROLE_TEMPLATE: &str = "regulation-role.html";

/// Why a deadline text could not be read, in the editor's language (the checks crate's
/// `message` is the browser's Russian text).
pub fn parse_reason(e: &deadline::ParseError) -> String {
    use deadline::ParseErrorKind as K;
    match e.kind {
        K::Empty => crate::tr!("deadline-parse-empty"),
        K::AnnualWithoutDate => crate::tr!("deadline-parse-annual"),
        K::MonthlyCount => crate::tr!("deadline-parse-monthly"),
        K::ZeroDays => crate::tr!("deadline-parse-zero"),
        K::UnreadablePeriod => crate::tr!("deadline-parse-period"),
        K::Unknown => crate::tr!("deadline-parse-unknown"),
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub name: String,
    pub short: String,
    #[serde(default)]
    pub audience: Vec<Audience>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    pub number: String,
    pub action: String,
    pub deadline: String,
    pub responsible: String,
    pub result: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub title: String,
    pub document: String,
    #[serde(default)]
    pub region: Option<String>,
    /// When the table was last edited: the role calendars' DTSTAMP (1990-01-01 when absent).
    #[serde(default, deserialize_with = "date::plausible_option")]
    #[schemars(with = "Option<date::Plausible>")]
    pub updated: Option<IsoDate>,
    pub columns: Columns,
    pub stages: Vec<Group>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub number: String,
    pub title: String,
    #[serde(default)]
    pub page: Option<String>,
    #[serde(default)]
    pub numbering_gaps: Vec<String>,
    #[serde(default)]
    pub rows: Vec<Row>,
    #[serde(default)]
    pub modules: Vec<Group>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub number: String,
    pub action: String,
    #[serde(default)]
    pub items: Vec<String>,
    pub deadline: String,
    /// Structured override for a `deadline` text the parser cannot read (or reads wrongly).
    #[serde(default)]
    pub deadline_rule: Option<Vec<Rule>>,
    /// The portal's remark on the deadline, shown under it as the portal's, not the document's.
    #[serde(default)]
    pub deadline_note: Option<String>,
    #[serde(default)]
    pub responsible: Vec<String>,
    #[serde(default)]
    pub responsible_text: Option<String>,
    pub result: String,
    #[serde(default)]
    pub forms: Vec<String>,
    #[serde(default)]
    pub parts: Vec<Part>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub action: String,
    pub responsible: Vec<String>,
    pub result: String,
    #[serde(default)]
    pub forms: Vec<String>,
}

impl Row {
    /// The rules of the deadline cell: the override when there is one, else the parsed text.
    pub fn rules(&self) -> Result<Vec<Rule>, deadline::ParseError> {
        match &self.deadline_rule {
            Some(rules) => Ok(rules.clone()),
            None => deadline::parse(&self.deadline),
        }
    }

    /// Every role the row names, in its own list and in its parts.
    pub fn all_roles(&self) -> impl Iterator<Item = &String> {
        self.responsible
            .iter()
            .chain(self.parts.iter().flat_map(|p| &p.responsible))
    }
}

/// Anchor of a row on its group's page: `r-1-3` (stage 1, row 3), `r-2-1-4` (row 2.1.4).
pub fn row_id(group: &Group, row: &Row) -> String {
    let number = if row.number.contains('.') {
        row.number.clone()
    } else {
        format!("{}.{}", group.number, row.number)
    };
    format!("r-{}", number.trim_end_matches('.').replace('.', "-"))
}

/// How a reader names a row outside its table (the calculators' «что сделать» list, the .ics
/// events): its number as printed and its stage, «п.\u{a0}4 этапа\u{a0}1», «п.\u{a0}2.1.3
/// этапа\u{a0}2». The stage is always said: row 1 of stage 2 and module 2.1 would otherwise
/// both read «2.1».
pub fn row_ref(stage_number: &str, row: &Row) -> String {
    format!(
        "п.\u{a0}{} этапа\u{a0}{stage_number}",
        row.number.trim_end_matches('.')
    )
}

/// Number of rows in a table, all groups included (what a test counts against the seed).
pub fn row_count(table: &Table) -> usize {
    fn count(g: &Group) -> usize {
        g.rows.len() + g.modules.iter().map(count).sum::<usize>()
    }
    table.stages.iter().map(count).sum()
}

pub fn attach(site: &mut Site, typed: &mut TypedData, errors: &mut Vec<Diagnostic>) {
    let sources: Vec<(String, Arc<str>)> = site
        .data_sources
        .iter()
        .filter(|(k, _)| k.starts_with("regulations/"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let Some((roles_rel, roles_text)) = sources.iter().find(|(k, _)| k == "regulations/roles.yaml")
    else {
        if let Some((rel, _)) = sources.first() {
            errors.push(
                Diagnostic::error(
                    "regulation",
                    crate::tr!("regulation-roles-missing", file = format!("content/{rel}")),
                )
                .hint(crate::tr!("regulation-roles-missing.hint")),
            );
        }
        return;
    };
    let roles: BTreeMap<String, Role> = match yaml::parse(
        &PathBuf::from("content").join(roles_rel),
        roles_text,
        "regulation",
    ) {
        Ok(r) => r,
        Err(d) => {
            errors.push(d);
            return;
        }
    };
    let role_errors = check::roles(roles_rel, roles_text, &roles);
    if !role_errors.is_empty() {
        errors.extend(role_errors);
        return;
    }
    let page_rels: HashSet<String> = site.pages.iter().map(|p| p.rel.clone()).collect();
    let base = site.config.base().to_string();
    let mut new_pages = Vec::new();
    let mut named_pages: HashSet<String> = HashSet::new();
    for (rel, text) in &sources {
        if rel == roles_rel {
            continue;
        }
        let file = PathBuf::from("content").join(rel);
        let table: Table = match yaml::parse(&file, text, "regulation") {
            Ok(t) => t,
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        for g in table
            .stages
            .iter()
            .flat_map(|s| std::iter::once(s).chain(&s.modules))
        {
            named_pages.extend(g.page.clone());
        }
        let before = errors.len();
        check::table(&table, rel, text, &roles, &page_rels, site, errors);
        if errors.len() > before {
            continue;
        }
        render_table(&table, rel, &roles, &base, typed, &mut new_pages);
    }
    // Every page that asks for the regulation template must be named by a group of a table.
    for p in &site.pages {
        if p.template() == GROUP_TEMPLATE && !named_pages.contains(&p.rel) {
            errors.push(
                Diagnostic::error(
                    "regulation",
                    crate::tr!(
                        "regulation-page-unnamed",
                        file = p.file.display().to_string(),
                        template = GROUP_TEMPLATE
                    ),
                )
                .hint(crate::tr!("regulation-page-unnamed.hint", page = &p.rel)),
            );
        }
    }
    // The role pages' folders (`<section>/roli/`) are the build's: no page of content/ there.
    let role_folders: Vec<&str> = new_pages
        .iter()
        .filter(|p| p.kind == PageKind::Section)
        .map(|p| p.url.as_str())
        .collect();
    for p in &site.pages {
        if let Some(folder) = role_folders.iter().find(|f| p.url.starts_with(**f)) {
            errors.push(crate::content::reserved::page_error(
                p,
                &crate::tr!("reserved-role-pages", folder = *folder),
            ));
        }
    }
    if errors.is_empty() {
        site.add_pages(new_pages);
    }
}

fn render_table(
    table: &Table,
    rel: &str,
    roles: &BTreeMap<String, Role>,
    base: &str,
    typed: &mut TypedData,
    new_pages: &mut Vec<Page>,
) {
    // Role pages live next to the table's first page: /<section>/roli/<role>/.
    let first_page = table
        .stages
        .iter()
        .find_map(|s| s.page.clone())
        .unwrap_or_default();
    let section = first_page
        .rsplit_once('/')
        .map_or("", |(d, _)| d)
        .to_string();
    let roli_dir = if section.is_empty() {
        ROLES_FOLDER.to_string()
    } else {
        format!("{section}/{ROLES_FOLDER}")
    };
    let views = Views {
        roles,
        roles_url: url_for(&format!("{roli_dir}/_index.md")),
    };
    // The table's file name (ASCII by the loader's rules), for the names of the files the
    // calculators save: `sroki-gis-obrazovanie-….ics`.
    let slug = rel
        .rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".yaml")
        .trim_end_matches(".yml");
    let meta = TableMeta {
        title: table.title.clone(),
        document: table.document.clone(),
        region: table.region.clone(),
        slug: slug.to_string(),
        columns: table.columns.clone(),
        source: rel.to_string(),
        roles_url: views.roles_url.clone(),
    };
    let page_url = |g: &Group| g.page.as_ref().map(|p| url_for(p)).unwrap_or_default();
    let mut by_role: BTreeMap<&str, Vec<RowView>> = BTreeMap::new();
    // The same rows for the role calendars (`role_calendar.rs`).
    let mut calendar_rows: BTreeMap<&str, Vec<role_calendar::RowInput>> = BTreeMap::new();
    for stage in &table.stages {
        let stage_link = GroupLink {
            number: stage.number.clone(),
            title: stage.title.clone(),
            url: page_url(stage),
        };
        let groups = std::iter::once((stage, None))
            .chain(stage.modules.iter().map(|m| (m, Some(stage_link.clone()))));
        for (g, parent) in groups {
            let url = page_url(g);
            let rows: Vec<RowView> = g
                .rows
                .iter()
                .map(|r| views.row(&stage.number, g, r, &url))
                .collect();
            for (row, view) in g.rows.iter().zip(&rows) {
                let mut seen = HashSet::new();
                for id in row.all_roles() {
                    if seen.insert(id) {
                        by_role.entry(id.as_str()).or_default().push(view.clone());
                        calendar_rows.entry(id.as_str()).or_default().push(
                            role_calendar::RowInput {
                                key: format!("{slug}-{}", row_id(g, row)),
                                reference: row_ref(&stage.number, row),
                                action: &row.action,
                                deadline: &row.deadline,
                                rules: row.rules().unwrap_or_default(),
                                url: format!("{base}{}", view.url),
                            },
                        );
                    }
                }
            }
            if let Some(page) = &g.page {
                let group = GroupView {
                    roles: views.group_roles(g),
                    computable: rows.iter().any(|r| r.computable),
                    hours: rows.iter().any(RowView::has_hours),
                    number: g.number.clone(),
                    title: g.title.clone(),
                    rows,
                    gaps: g.numbering_gaps.clone(),
                    kind: if parent.is_none() {
                        GroupKind::Stage
                    } else {
                        GroupKind::Module
                    },
                    modules: g
                        .modules
                        .iter()
                        .map(|m| ModuleCard {
                            link: GroupLink {
                                number: m.number.clone(),
                                title: m.title.clone(),
                                url: page_url(m),
                            },
                            count: m.rows.len(),
                        })
                        .collect(),
                };
                let values = typed.page_values.entry(page.clone()).or_default();
                values.push(PageValue::Regulation(Box::new(GroupPage {
                    table: meta.clone(),
                    group,
                    stage: parent,
                })));
                values.push(PageValue::Calculator);
            }
        }
    }
    // The generated pages: an index of roles, and one page per role that has rows.
    let index_rel = format!("{roli_dir}/_index.md");
    let role_list: Vec<RoleCount> = by_role
        .iter()
        .map(|(id, rows)| RoleCount {
            role: views.role_ref(id),
            count: rows.len(),
        })
        .collect();
    new_pages.push(data_page(
        &index_rel,
        "Сроки по ролям",
        &format!(
            "Что и в какой срок делает каждый участник: {}.",
            table.title
        ),
        PageKind::Section,
        ROLE_TEMPLATE,
        vec![],
    ));
    typed
        .page_values
        .entry(index_rel)
        .or_default()
        .push(PageValue::RegulationRoles(Box::new(RolesPage {
            table: meta.clone(),
            roles: role_list.clone(),
            role: None,
            rows: vec![],
            detail: None,
        })));
    let host = crate::feed::host(base);
    let years: Vec<i32> = typed.calendar.years().collect();
    for (id, rows) in by_role {
        let r = &roles[id];
        let page_rel = format!("{roli_dir}/{id}.md");
        // The role's calendar of fixed dates, when it has any: `…/roli/<role>/sroki.ics`.
        let input = role_calendar::Input {
            name: format!("Сроки: {} — {}", r.short, table.title),
            host: &host,
            stamp: table
                .updated
                .map_or(time::macros::date!(1990 - 01 - 01), |d| d.0),
            calendar: &typed.calendar,
            draft_years: &typed.draft_years,
        };
        let events =
            role_calendar::events(&input, calendar_rows.get(id).map_or(&[], Vec::as_slice));
        let calendar = role_calendar::write(&input, &events).map(|text| {
            let path = format!("{roli_dir}/{id}/{}", role_calendar::FILE_NAME);
            let link = RoleCalendarLink {
                url: format!("/{path}"),
                events: events.len(),
                first_year: years.first().copied(),
                last_year: years.last().copied(),
            };
            typed.files.push((path, text.into_bytes()));
            link
        });
        new_pages.push(data_page(
            &page_rel,
            &format!("{}: что сделать и в какой срок", r.name),
            &format!(
                "Все мероприятия регламента, в которых участвует {}, со сроками исполнения.",
                r.short
            ),
            PageKind::Page,
            ROLE_TEMPLATE,
            r.audience.clone(),
        ));
        let values = typed.page_values.entry(page_rel).or_default();
        values.push(PageValue::RegulationRoles(Box::new(RolesPage {
            table: meta.clone(),
            roles: role_list.clone(),
            role: Some(RoleName {
                id: id.to_string(),
                name: r.name.clone(),
                short: r.short.clone(),
            }),
            detail: Some(RoleDetail::new(&rows, calendar)),
            rows,
        })));
        values.push(PageValue::Calculator);
    }
}

fn data_page(
    rel: &str,
    title: &str,
    description: &str,
    kind: PageKind,
    template: &str,
    audience: Vec<Audience>,
) -> Page {
    Page {
        file: PathBuf::from("content").join("regulations"),
        rel: rel.to_string(),
        source: Arc::from(""),
        body_offset: 0,
        front: FrontMatter {
            title: title.to_string(),
            description: Some(description.to_string()),
            weight: 1000,
            audience,
            template: Some(template.to_string()),
            ..FrontMatter::default()
        },
        kind,
        url: url_for(rel),
        section: rel.rsplit_once('/').map_or("", |(d, _)| d).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_named_by_its_number_and_its_stage() {
        let row = |number: &str| Row {
            number: number.into(),
            action: "Сделать".into(),
            items: vec![],
            deadline: "5 дней".into(),
            deadline_rule: None,
            responsible: vec![],
            responsible_text: None,
            result: "Готово".into(),
            forms: vec![],
            parts: vec![],
            note: None,
            deadline_note: None,
        };
        assert_eq!(row_ref("1", &row("4")), "п.\u{a0}4 этапа\u{a0}1");
        // Row 1 of stage 2 is not module 2.1's number.
        assert_eq!(row_ref("2", &row("1")), "п.\u{a0}1 этапа\u{a0}2");
        assert_eq!(row_ref("2", &row("2.1.3.")), "п.\u{a0}2.1.3 этапа\u{a0}2");
    }
}
