//! Interactive widgets an editor places in Markdown as fenced blocks whose language names the
//! widget and whose body is YAML:
//!
//! ````markdown
//! ```deadline
//! label: Срок ответа на запрос
//! rule: В течение 10 рабочих дней после получения запроса
//! event: Дата получения запроса
//! ```
//! ````
//!
//! Kinds: `deadline` (a calculator for one rule), `archive-check` (the archive validator),
//! `esia-readiness` (the account wizard), `registration-check` (the registration form check).
//! The block renders to complete HTML that says what the widget does with JavaScript off; the
//! page's scripts (see `templates/base.html`) enhance it. Unlike a template shortcode, the
//! block still reads as what it is on GitHub, and its YAML errors point at the Markdown line.

use std::path::Path;
use std::sync::Arc;

use pamyatka_checks::deadline::{self, Rule};
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Location};
use crate::escape::{escape_attr, escape_text};
use crate::tr;
use crate::yaml;

/// Which widget a fenced block is, by its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Deadline,
    ArchiveCheck,
    EsiaReadiness,
    RegistrationCheck,
}

impl Kind {
    /// The fence language of each widget.
    pub const NAMES: [&'static str; 4] = [
        "deadline",
        "archive-check",
        "esia-readiness",
        "registration-check",
    ];

    pub fn from_lang(lang: &str) -> Option<Kind> {
        match lang {
            "deadline" => Some(Kind::Deadline),
            "archive-check" => Some(Kind::ArchiveCheck),
            "esia-readiness" => Some(Kind::EsiaReadiness),
            "registration-check" => Some(Kind::RegistrationCheck),
            _ => None,
        }
    }

    /// The widget whose name a fence language that is no widget's is most likely a misspelling
    /// of (`esia-readyness`, `Deadline`): at most a quarter of the name's letters differ
    /// (transpositions count once), and at least one.
    pub fn misspelt(lang: &str) -> Option<&'static str> {
        if lang.is_empty() || Kind::from_lang(lang).is_some() {
            return None;
        }
        let lower = lang.to_lowercase();
        Kind::NAMES
            .iter()
            .map(|name| (strsim::damerau_levenshtein(&lower, name), *name))
            .filter(|(d, name)| *d <= (name.len() / 4).max(1))
            .min()
            .map(|(_, name)| name)
    }

    /// The suffix the rule's data file must have (`fioko/archive-rule`), for widgets that take
    /// a rule from `content/`.
    pub fn rule_suffix(self) -> Option<&'static str> {
        match self {
            Kind::Deadline => None,
            Kind::ArchiveCheck => Some("archive-rule"),
            Kind::EsiaReadiness => Some("readiness-rule"),
            Kind::RegistrationCheck => Some("registration-form"),
        }
    }
}

/// A widget on a page, for the page's scripts and for the build's checks.
#[derive(Debug, Clone, Serialize)]
pub struct WidgetUse {
    pub kind: Kind,
    /// Data path of the rule (`fioko/archive-rule`), when the widget takes one.
    pub rule: Option<String>,
    #[serde(skip)]
    pub location: Location,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeadlineSpec {
    /// What is being counted: the calculator's title.
    label: String,
    /// The deadline as the memo writes it; parsed now, so a rule the calculator cannot count
    /// fails the build.
    rule: String,
    /// The label of the date field (default «Дата события»).
    #[serde(default)]
    event: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    /// Data path of the rule file, without `.yaml` (`fioko/archive-rule`).
    rule: String,
    /// Optional title over the widget.
    #[serde(default)]
    title: Option<String>,
}

/// Render the widget in a fenced block. `body_offset` is where the block's YAML starts in the
/// page source; `heading` is the level of the widget's own heading.
pub fn render(
    kind: Kind,
    file: &Path,
    source: &Arc<str>,
    body: (usize, usize),
    heading: u8,
    n: usize,
) -> Result<(String, WidgetUse), Diagnostic> {
    let (start, end) = body;
    let location = Location::new(file, source.clone(), start, end - start);
    let h = heading.clamp(2, 6);
    let id = format!("widget-{n}");
    match kind {
        Kind::Deadline => {
            let spec: DeadlineSpec = yaml::parse_slice(file, source, start, end, "widget")?;
            let rules = deadline::parse(&spec.rule).map_err(|e| {
                let at = source[start..end]
                    .find(spec.rule.as_str())
                    .map_or(start, |i| start + i);
                Diagnostic::error(
                    "widget",
                    tr!(
                        "widget-uncountable",
                        rule = &spec.rule,
                        reason = crate::data::regulation::parse_reason(&e)
                    ),
                )
                .at(Location::new(file, source.clone(), at, spec.rule.len()))
                .hint(tr!("widget-uncountable.hint"))
            })?;
            if rules.iter().all(|r| matches!(r, Rule::Text { .. })) {
                return Err(
                    Diagnostic::error("widget", tr!("widget-no-date", rule = &spec.rule))
                        .at(location)
                        .hint(tr!("widget-no-date.hint")),
                );
            }
            let hours = rules.iter().any(|r| matches!(r, Rule::Hours { .. }));
            let rules_json = serde_json::to_string(&rules).expect("rules serialize");
            let event = spec.event.as_deref().unwrap_or("Дата события");
            let html = format!(
                "<section class=\"widget calc\" data-calc aria-labelledby=\"{id}\">\n\
                 <h{h} id=\"{id}\" class=\"widget__title\">{label}</h{h}>\n\
                 <p>Срок: <strong>{rule}</strong>.</p>\n\
                 {form}\
                 <div class=\"calc__item\" data-rules=\"{rules}\" data-title=\"{label}\" data-id=\"{id}\"><div class=\"calc__out\" data-calc-out></div></div>\n\
                 <p class=\"widget__nojs\">Дату можно посчитать на этой странице, когда в браузере включён JavaScript. \
                 Считается по Гражданскому кодексу (ст. 191–193): со следующего дня после события, а если последний день — выходной или праздник, срок переносится на ближайший рабочий день.</p>\n\
                 </section>\n",
                label = escape_text(&spec.label),
                rule = escape_text(&spec.rule),
                form = calc_form(&id, event, hours),
                rules = escape_attr(&rules_json),
            );
            Ok((
                html,
                WidgetUse {
                    kind,
                    rule: None,
                    location,
                },
            ))
        }
        Kind::ArchiveCheck | Kind::EsiaReadiness | Kind::RegistrationCheck => {
            let spec: RuleSpec = yaml::parse_slice(file, source, start, end, "widget")?;
            let suffix = kind.rule_suffix().expect("rule widgets");
            let rule = spec
                .rule
                .trim()
                .trim_end_matches(".yaml")
                .trim_start_matches("content/")
                .to_string();
            if !rule.rsplit('/').next().unwrap_or("").ends_with(suffix) {
                let at = source[start..end]
                    .find(spec.rule.as_str())
                    .map_or(start, |i| start + i);
                return Err(Diagnostic::error(
                    "widget",
                    tr!("widget-wrong-rule", rule = &spec.rule, suffix = suffix),
                )
                .at(Location::new(file, source.clone(), at, spec.rule.len()))
                .hint(tr!("widget-wrong-rule.hint", suffix = suffix)));
            }
            let (default_title, what, nojs) = match kind {
                Kind::ArchiveCheck => (
                    "Проверить архив перед отправкой",
                    "archive",
                    "Проверка архива работает в браузере, когда включён JavaScript: файлы читаются на вашем устройстве и никуда не отправляются. Без неё сверьте архив с требованиями выше.",
                ),
                Kind::EsiaReadiness => (
                    "Готова ли учётная запись",
                    "esia",
                    "Ответьте на несколько вопросов, и страница подскажет следующий шаг (нужен JavaScript). Ничего из введённого не сохраняется и не отправляется.",
                ),
                _ => (
                    "Проверить данные для регистрации",
                    "registration",
                    "Проверка полей работает в браузере, когда включён JavaScript. Ничего из введённого не сохраняется и не отправляется.",
                ),
            };
            let title = spec.title.as_deref().unwrap_or(default_title);
            let html = format!(
                "<section class=\"widget widget--{what}\" data-widget=\"{what}\" data-rule=\"{rule}\" aria-labelledby=\"{id}\">\n\
                 <h{h} id=\"{id}\" class=\"widget__title\">{title}</h{h}>\n\
                 <p class=\"widget__nojs\">{nojs}</p>\n\
                 <div class=\"widget__body\" data-widget-body></div>\n\
                 </section>\n",
                rule = escape_attr(&rule),
                title = escape_text(title),
            );
            Ok((
                html,
                WidgetUse {
                    kind,
                    rule: Some(rule),
                    location,
                },
            ))
        }
    }
}

/// The calculator's controls, as `templates/partials/calc-form.html` writes them for the
/// regulation tables: hidden until `calc.js` runs, so a page without JavaScript shows no dead form.
fn calc_form(id: &str, event: &str, hours: bool) -> String {
    let time = if hours {
        format!(
            "<div class=\"calc__field\"><label for=\"{id}-time\">Время события <span class=\"calc__hint\">(для сроков в часах)</span></label>\
             <input type=\"time\" id=\"{id}-time\" name=\"time\" value=\"09:00\"></div>"
        )
    } else {
        String::new()
    };
    format!(
        "<form class=\"calc__form\" data-calc-form hidden><div class=\"calc__fields\">\
         <div class=\"calc__field\"><label for=\"{id}-date\">{event}</label><input type=\"date\" id=\"{id}-date\" name=\"date\"></div>{time}</div>\
         <div class=\"calc__actions\"><button type=\"button\" class=\"button\" data-calc-ics disabled>Добавить в календарь (.ics)</button>\
         <button type=\"button\" class=\"button button--secondary\" data-calc-print>Распечатать</button></div>\
         <p class=\"calc__status\" data-calc-status role=\"status\" aria-live=\"polite\"></p></form>\n",
        event = escape_text(event),
    )
}

/// JSON for a `<script type="application/json">` block: `<` escaped so that no text in it can
/// close the element.
pub fn json_for_script(value: &serde_json::Value) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".into())
        .replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fence_languages_close_to_a_widget_name_are_caught() {
        assert_eq!(Kind::misspelt("esia-readyness"), Some("esia-readiness"));
        assert_eq!(Kind::misspelt("Deadline"), Some("deadline"));
        assert_eq!(Kind::misspelt("deadlines"), Some("deadline"));
        assert_eq!(Kind::misspelt("archive_chek"), Some("archive-check"));
        assert_eq!(
            Kind::misspelt("registration-chekc"),
            Some("registration-check")
        );
        for fine in [
            "deadline", "yaml", "rust", "json", "text", "", "archive", "check",
        ] {
            assert_eq!(Kind::misspelt(fine), None, "{fine}");
        }
    }

    fn run(kind: Kind, yaml: &str) -> Result<(String, WidgetUse), Diagnostic> {
        let src: Arc<str> = format!("```x\n{yaml}```\n").into();
        render(
            kind,
            Path::new("content/a.md"),
            &src,
            (5, 5 + yaml.len()),
            3,
            1,
        )
    }

    #[test]
    fn deadline_widget_carries_parsed_rules() {
        let (html, w) = run(
            Kind::Deadline,
            "label: Срок ответа\nrule: 10 рабочих дней\n",
        )
        .unwrap();
        assert_eq!(w.kind, Kind::Deadline);
        assert!(html.contains("<h3 id=\"widget-1\""), "{html}");
        assert!(
            html.contains("data-rules=\"[{&quot;kind&quot;:&quot;working_days&quot;"),
            "{html}"
        );
        assert!(html.contains("Срок: <strong>10 рабочих дней</strong>"));
        assert!(!html.contains("type=\"time\""));
        assert!(html.contains("<form class=\"calc__form\" data-calc-form hidden>"));
    }

    #[test]
    fn hour_rules_ask_for_a_time() {
        let (html, _) = run(
            Kind::Deadline,
            "label: x\nrule: В течение 2 часов после получения\n",
        )
        .unwrap();
        assert!(html.contains("type=\"time\""), "{html}");
    }

    #[test]
    fn bad_widgets_are_located() {
        let e = run(Kind::Deadline, "label: x\nrul: 5 дней\n").unwrap_err();
        assert!(
            e.message.contains("неизвестный ключ `rul`"),
            "{}",
            e.message
        );
        assert_eq!(e.location.as_ref().unwrap().line_col().0, 3);
        let e = run(Kind::Deadline, "label: x\nrule: как можно скорее\n").unwrap_err();
        assert!(
            e.message.contains("калькулятор не может посчитать"),
            "{}",
            e.message
        );
        assert_eq!(e.location.as_ref().unwrap().line_col(), (3, 7));
        let e = run(Kind::Deadline, "label: x\nrule: Постоянно\n").unwrap_err();
        assert!(
            e.message.contains("не из чего посчитать дату"),
            "{}",
            e.message
        );
        let e = run(Kind::ArchiveCheck, "rule: esia/readiness-rule\n").unwrap_err();
        assert!(e.message.contains("archive-rule"), "{}", e.message);
    }

    #[test]
    fn rule_widgets_name_their_data() {
        let (html, w) = run(Kind::ArchiveCheck, "rule: fioko/archive-rule\n").unwrap();
        assert_eq!(w.rule.as_deref(), Some("fioko/archive-rule"));
        assert!(html.contains("data-rule=\"fioko/archive-rule\""));
        assert!(html.contains("никуда не отправляются"));
    }

    #[test]
    fn script_json_cannot_close_the_element() {
        let v = serde_json::json!({"a": "</script><script>alert(1)</script>"});
        assert!(!json_for_script(&v).contains("</"));
    }
}
