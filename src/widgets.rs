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
//! The block renders, through its template (`templates/partials/widgets/<kind>.html`, which a
//! site's `templates/` may override like any other), to complete HTML that says what the
//! widget does with JavaScript off; the page's scripts (see `templates/base.html`) enhance it. Unlike a template shortcode, the
//! block still reads as what it is on GitHub, and its YAML errors point at the Markdown line.

use std::path::Path;
use std::sync::Arc;

use pamyatka_checks::deadline::{self, Rule};
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Location};
use crate::templates;
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
    pub const ALL: [Kind; 4] = [
        Kind::Deadline,
        Kind::ArchiveCheck,
        Kind::EsiaReadiness,
        Kind::RegistrationCheck,
    ];

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

    /// Whether Markdown may hold this widget: a line opens a fence (```` ``` ```` or `~~~`,
    /// indented or not) whose language is the widget's. Cheap and never misses one (a fence
    /// inside a longer fence counts too), for `serve` to tell which pages an edit of a
    /// widget's template touches.
    pub fn fenced_in(self, markdown: &str) -> bool {
        let name = Kind::NAMES[self as usize];
        markdown.lines().any(|line| {
            let line = line.trim_start();
            let info = line.trim_start_matches('`');
            let info = if info.len() == line.len() {
                line.trim_start_matches('~')
            } else {
                info
            };
            line.len() - info.len() >= 3 && info.split_whitespace().next() == Some(name)
        })
    }

    /// The template that renders the widget (its context: `widget`, the kind's view below).
    pub fn template(self) -> &'static str {
        match self {
            Kind::Deadline => "partials/widgets/deadline.html",
            Kind::ArchiveCheck => "partials/widgets/archive-check.html",
            Kind::EsiaReadiness => "partials/widgets/esia-readiness.html",
            Kind::RegistrationCheck => "partials/widgets/registration-check.html",
        }
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

/// What `partials/widgets/deadline.html` renders (as `widget`).
#[derive(Serialize)]
struct DeadlineView<'a> {
    /// The widget's id on the page (`widget-1`), its heading's and its fields' prefix.
    id: &'a str,
    /// The level of its heading (2–6).
    heading: u8,
    label: &'a str,
    /// The rule as the memo writes it.
    rule: &'a str,
    /// The date field's label, when the block gives one; the template has a default.
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<&'a str>,
    /// Whether a rule counts hours: the form asks for a time too.
    hours: bool,
    /// The parsed rules as JSON, for `calc.js`.
    rules_json: String,
}

/// What the validators' templates (`partials/widgets/archive-check.html`, …) render (as
/// `widget`).
#[derive(Serialize)]
struct ValidatorView<'a> {
    id: &'a str,
    heading: u8,
    /// Which page script fills the widget: `archive`, `esia`, `registration`.
    what: &'static str,
    /// The rule's data path (`fioko/archive-rule`).
    rule: &'a str,
    /// The block's own title; the template has a default.
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    /// Texts the page script shows, in the checks crate's words, as JSON (`data-labels`): the
    /// archive check's verdicts, by code.
    #[serde(skip_serializing_if = "Option::is_none")]
    labels: Option<String>,
}

/// The widget's template rendered with `view` as `widget`.
fn render_view(
    templates: templates::Env,
    kind: Kind,
    view: impl Serialize,
) -> Result<String, Diagnostic> {
    let mut ctx = tera::Context::new();
    ctx.insert("widget", &view);
    templates.render(kind.template(), &ctx)
}

/// Render the widget in a fenced block through its template. `body` is where the block's YAML
/// is in the page source; `heading` is the level of the widget's own heading.
pub fn render(
    kind: Kind,
    file: &Path,
    source: &Arc<str>,
    body: (usize, usize),
    heading: u8,
    n: usize,
    templates: templates::Env,
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
            let view = DeadlineView {
                id: &id,
                heading: h,
                label: &spec.label,
                rule: &spec.rule,
                event: spec.event.as_deref(),
                hours: rules.iter().any(|r| matches!(r, Rule::Hours { .. })),
                rules_json: serde_json::to_string(&rules).expect("rules serialize"),
            };
            Ok((
                render_view(templates, kind, view)?,
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
            let view = ValidatorView {
                id: &id,
                heading: h,
                what: match kind {
                    Kind::ArchiveCheck => "archive",
                    Kind::EsiaReadiness => "esia",
                    _ => "registration",
                },
                rule: &rule,
                title: spec.title.as_deref(),
                labels: (kind == Kind::ArchiveCheck).then(verdict_labels),
            };
            Ok((
                render_view(templates, kind, view)?,
                WidgetUse {
                    kind,
                    rule: Some(rule),
                    location,
                },
            ))
        }
    }
}

/// The archive check's verdicts in the reader's words, by code: `{"accept": "можно
/// отправлять", …}`.
fn verdict_labels() -> String {
    use pamyatka_checks::archive::Verdict;
    let labels: serde_json::Map<String, serde_json::Value> = Verdict::ALL
        .iter()
        .map(|v| (v.code().to_string(), v.in_words().into()))
        .collect();
    serde_json::Value::Object(labels).to_string()
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
            templates::builtin_env(),
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
        // The regulation tables' form, with their dates' range.
        assert!(
            html.contains("<input type=\"date\" id=\"widget-1-date\" name=\"date\" min=\"2026-01-01\" max=\"2027-12-31\">"),
            "{html}"
        );
        assert!(html.contains("<label for=\"widget-1-date\">Дата события</label>"));
        assert!(html.contains("Скачать сроки в календарь (.ics)"));
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
        assert!(
            html.contains("data-labels=\"{&quot;accept&quot;:&quot;можно отправлять&quot;,"),
            "{html}"
        );
        let (html, _) = run(Kind::EsiaReadiness, "rule: esia/readiness-rule\n").unwrap();
        assert!(!html.contains("data-labels"), "{html}");
    }

    #[test]
    fn widget_fences_are_found_in_markdown() {
        let md = "Текст\n\n  ```deadline\nlabel: x\n```\n~~~~ archive-check {.x}\n~~~~\n";
        assert!(Kind::Deadline.fenced_in(md));
        assert!(Kind::ArchiveCheck.fenced_in(md));
        assert!(!Kind::EsiaReadiness.fenced_in(md));
        assert!(!Kind::Deadline.fenced_in("``deadline``\n```deadlines\n"));
        for kind in Kind::ALL {
            assert_eq!(Kind::from_lang(Kind::NAMES[kind as usize]), Some(kind));
        }
    }

    #[test]
    fn script_json_cannot_close_the_element() {
        let v = serde_json::json!({"a": "</script><script>alert(1)</script>"});
        assert!(!json_for_script(&v).contains("</"));
    }
}
