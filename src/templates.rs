//! The tera environment: one template set (the site's `templates/`, falling back to the
//! built-in set shipped in the binary), filters and functions, and the context shared by every
//! page (site settings, navigation, data files), which is built once per build.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use tera::{Context, Kwargs, State, Tera, TeraResult};

use crate::diagnostic::{Diagnostic, Location};

/// The built-in templates, used for any name the site's `templates/` folder does not provide.
pub const BUILTIN: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("page.html", include_str!("../templates/page.html")),
    ("section.html", include_str!("../templates/section.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("404.html", include_str!("../templates/404.html")),
    (
        "regulation.html",
        include_str!("../templates/regulation.html"),
    ),
    ("search.html", include_str!("../templates/search.html")),
    (
        "regulation-role.html",
        include_str!("../templates/regulation-role.html"),
    ),
    (
        "partials/regulation-row.html",
        include_str!("../templates/partials/regulation-row.html"),
    ),
    (
        "partials/deadline-cell.html",
        include_str!("../templates/partials/deadline-cell.html"),
    ),
    (
        "partials/calc-form.html",
        include_str!("../templates/partials/calc-form.html"),
    ),
    (
        "partials/lv-panel.html",
        include_str!("../templates/partials/lv-panel.html"),
    ),
    (
        "partials/steps.html",
        include_str!("../templates/partials/steps.html"),
    ),
    (
        "partials/source.html",
        include_str!("../templates/partials/source.html"),
    ),
    (
        "partials/changes.html",
        include_str!("../templates/partials/changes.html"),
    ),
    (
        "partials/nav.html",
        include_str!("../templates/partials/nav.html"),
    ),
    (
        "partials/page-list.html",
        include_str!("../templates/partials/page-list.html"),
    ),
    (
        "partials/widgets/deadline.html",
        include_str!("../templates/partials/widgets/deadline.html"),
    ),
    (
        "partials/widgets/validator.html",
        include_str!("../templates/partials/widgets/validator.html"),
    ),
    (
        "partials/widgets/archive-check.html",
        include_str!("../templates/partials/widgets/archive-check.html"),
    ),
    (
        "partials/widgets/esia-readiness.html",
        include_str!("../templates/partials/widgets/esia-readiness.html"),
    ),
    (
        "partials/widgets/registration-check.html",
        include_str!("../templates/partials/widgets/registration-check.html"),
    ),
];

/// Template sources by name, after merging the site's files over the built-in ones.
#[derive(Clone)]
pub struct TemplateSources {
    pub files: BTreeMap<String, (String, Arc<str>)>,
}

/// Read `root/templates/**/*.html` over the built-in set.
pub fn read_sources(root: &Path) -> Result<TemplateSources, Vec<Diagnostic>> {
    let mut files = TemplateSources::builtin().files;
    let dir = root.join("templates");
    let mut errors = Vec::new();
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            let path = entry.path();
            if !entry.file_type().is_file()
                || path.extension().and_then(|e| e.to_str()) != Some("html")
            {
                continue;
            }
            let name = path
                .strip_prefix(&dir)
                .expect("under templates")
                .to_string_lossy()
                .replace('\\', "/");
            match std::fs::read_to_string(path) {
                Ok(text) => {
                    files.insert(name.clone(), (format!("templates/{name}"), Arc::from(text)));
                }
                Err(e) => errors.push(Diagnostic::error(
                    "template",
                    crate::tr!(
                        "template-unreadable",
                        path = format!("templates/{name}"),
                        error = crate::i18n::io_error(&e)
                    ),
                )),
            }
        }
    }
    if errors.is_empty() {
        Ok(TemplateSources { files })
    } else {
        Err(errors)
    }
}

impl TemplateSources {
    /// The built-in set alone (a site without `templates/`).
    pub fn builtin() -> TemplateSources {
        TemplateSources {
            files: BUILTIN
                .iter()
                .map(|(n, s)| (n.to_string(), (format!("<built-in>/{n}"), Arc::from(*s))))
                .collect(),
        }
    }

    /// The templates `name` pulls in directly: `{% extends "…" %}`, `{% include "…" %}` (tera 2
    /// has no other way to name a template in a template).
    fn direct_dependencies(&self, name: &str) -> Vec<String> {
        let Some((_, text)) = self.files.get(name) else {
            return Vec::new();
        };
        tags(text)
            .filter(|(keyword, _)| matches!(*keyword, "extends" | "include"))
            .filter_map(|(_, args)| string_literal(args))
            .collect()
    }

    /// Whether the template `name` defines a tera component (`{% component … %}`): components
    /// are callable from every template, so what a template renders may depend on one whose
    /// name it never writes.
    pub fn defines_component(&self, name: &str) -> bool {
        self.files
            .get(name)
            .is_some_and(|(_, text)| tags(text).any(|(keyword, _)| keyword == "component"))
    }

    /// Each template's closure through `extends` and `include` (itself and every template it
    /// pulls in, directly or not), for the build cache's record of what a page's render used.
    pub fn closures(&self) -> Closures {
        let index: std::collections::HashMap<&str, u32> = self
            .files
            .keys()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i as u32))
            .collect();
        let direct: Vec<Vec<u32>> = self
            .files
            .keys()
            .map(|n| {
                self.direct_dependencies(n)
                    .iter()
                    .filter_map(|d| index.get(d.as_str()).copied())
                    .collect()
            })
            .collect();
        let of = (0..direct.len() as u32)
            .map(|start| {
                let mut seen = std::collections::BTreeSet::from([start]);
                let mut todo = vec![start];
                while let Some(i) = todo.pop() {
                    for &d in &direct[i as usize] {
                        if seen.insert(d) {
                            todo.push(d);
                        }
                    }
                }
                seen.into_iter().collect()
            })
            .collect();
        Closures {
            index: index.into_iter().map(|(n, i)| (n.to_string(), i)).collect(),
            of,
        }
    }

    /// The templates whose output depends on any of `changed`: those themselves and every
    /// template that extends, includes or imports one of them, directly or not.
    pub fn dependents(&self, changed: &[String]) -> std::collections::HashSet<String> {
        let mut out: std::collections::HashSet<String> = changed.iter().cloned().collect();
        loop {
            let before = out.len();
            for name in self.files.keys() {
                if !out.contains(name)
                    && self
                        .direct_dependencies(name)
                        .iter()
                        .any(|d| out.contains(d))
                {
                    out.insert(name.clone());
                }
            }
            if out.len() == before {
                return out;
            }
        }
    }

    /// The names whose text differs between `self` and `other` (added, removed or edited).
    pub fn changed_since(&self, other: &TemplateSources) -> Vec<String> {
        let mut names: Vec<String> = self
            .files
            .iter()
            .filter(|(n, (_, text))| other.files.get(*n).is_none_or(|(_, t)| t != text))
            .map(|(n, _)| n.clone())
            .collect();
        names.extend(
            other
                .files
                .keys()
                .filter(|n| !self.files.contains_key(*n))
                .cloned(),
        );
        names
    }
}

/// Each template's closure through `extends` and `include`, by the template's place in
/// [`TemplateSources::files`] (sorted by name).
#[derive(Clone, Default)]
pub struct Closures {
    index: std::collections::HashMap<String, u32>,
    of: Vec<Vec<u32>>,
}

impl Closures {
    /// The templates a render of `names` reads: their closures together, sorted, once each
    /// (places in [`TemplateSources::files`]).
    pub fn of<'n>(&self, names: impl IntoIterator<Item = &'n str>) -> Vec<u32> {
        let mut out: Vec<u32> = names
            .into_iter()
            .filter_map(|n| self.index.get(n))
            .flat_map(|&i| self.of[i as usize].iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Every tag of a template's text (`{% keyword args %}`): its keyword and what follows it. Read
/// as tera's lexer reads a tag's start (`{%`, an optional `-`, ASCII whitespace, a name), at
/// every `{%` of the text: one inside a comment, a `raw` block or a string counts too, so
/// nothing tera would take for a tag is missed.
fn tags(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.match_indices("{%").map(move |(i, _)| {
        let rest = &text[i + 2..];
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        (&rest[..end], &rest[end..])
    })
}

/// The string literal `args` begins with (after ASCII whitespace), as tera's lexer reads one:
/// quoted by `"`, `'` or `` ` ``, with its escapes (`\"`, `\'`, `\/`, `\\`, `\n`, `\t`, `\r`).
fn string_literal(args: &str) -> Option<String> {
    let args = args.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let quote = args
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))?;
    let mut out = String::new();
    let mut chars = args[1..].chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(match chars.next()? {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                other => other,
            }),
            c if c == quote => return Some(out),
            c => out.push(c),
        }
    }
    None
}

/// A template environment with the sources it was made from: renders a template outside a
/// page's own (a widget's markup, rendered while the page's Markdown is), with its errors
/// located in the template's file.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    pub tera: &'a Tera,
    pub sources: &'a TemplateSources,
    /// Where the names of the templates rendered are noted, when someone asks (a page's
    /// render, for the build cache).
    pub used: Option<&'a RefCell<Vec<String>>>,
}

impl Env<'_> {
    /// `name` rendered with `ctx` (and the global context).
    pub fn render(&self, name: &str, ctx: &Context) -> Result<String, Diagnostic> {
        if let Some(used) = self.used
            && !used.borrow().iter().any(|n| n == name)
        {
            used.borrow_mut().push(name.to_string());
        }
        self.tera
            .render(name, ctx)
            .map_err(|e| template_error(&e, self.sources))
    }
}

/// The built-in templates' environment, made once, for unit tests that render a widget; the
/// production calendar covers 2026 and 2027.
#[cfg(test)]
pub(crate) fn builtin_env() -> Env<'static> {
    static BUILT: std::sync::OnceLock<(Tera, TemplateSources)> = std::sync::OnceLock::new();
    let (tera, sources) = BUILT.get_or_init(|| {
        let sources = TemplateSources::builtin();
        let mut tera =
            environment(&sources, BTreeMap::new()).expect("the built-in templates build");
        // The globals a widget reads (a build sets them from the site).
        let mut globals = Context::new();
        globals.insert(
            "calendar_range",
            &serde_json::json!({"min": "2026-01-01", "max": "2027-12-31"}),
        );
        global_context(&mut tera, &globals);
        (tera, sources)
    });
    Env {
        tera,
        sources,
        used: None,
    }
}

/// Build the tera environment. `assets` maps logical asset names to fingerprinted URLs.
pub fn environment(
    sources: &TemplateSources,
    assets: BTreeMap<String, String>,
) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    let assets = Arc::new(assets);
    tera.register_function(
        "asset",
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let path: String = kwargs.must_get("path")?;
            assets.get(&path).cloned().ok_or_else(|| {
                tera::Error::message(crate::tr!("template-unknown-asset", path = &path))
            })
        },
    );
    tera.register_filter(
        "date_ru",
        |s: String, _: Kwargs, _: &State| -> TeraResult<String> {
            pamyatka_checks::date::IsoDate::parse(&s)
                .map(pamyatka_checks::ru::date)
                .ok_or_else(|| tera::Error::message(crate::tr!("template-not-a-date", value = &s)))
        },
    );
    let list: Vec<(&str, &str)> = sources
        .files
        .iter()
        .map(|(n, (_, s))| (n.as_str(), &**s))
        .collect();
    tera.add_raw_templates(list)
        .map_err(|e| vec![template_error(&e, sources)])?;
    Ok(tera)
}

/// Turn a tera error into a located diagnostic: tera 2 reports the template and span.
pub fn template_error(err: &tera::Error, sources: &TemplateSources) -> Diagnostic {
    use std::error::Error as _;
    let report = match err.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    match report {
        Some(r) => {
            let (file, source) = sources
                .files
                .get(r.filename())
                .map(|(f, s)| (f.clone(), s.clone()))
                .unwrap_or_else(|| (r.filename().to_string(), Arc::from("")));
            let span = r.span();
            let message = tera_message(r.message());
            let message = match err.kind() {
                tera::ErrorKind::SyntaxError(_) => {
                    crate::tr!("template-syntax", detail = message)
                }
                _ => message,
            };
            let mut d = Diagnostic::error("template", message);
            if !source.is_empty() {
                let start = span.range.start.min(source.len());
                let len = span.range.end.saturating_sub(span.range.start);
                d = d.at(Location::new(file, source, start, len));
            } else {
                d.message = format!("{}: {}", file, d.message);
            }
            d
        }
        None => {
            let mut msg = match err.kind() {
                tera::ErrorKind::TemplateNotFound(name) => {
                    crate::tr!("template-not-found", name = name)
                }
                tera::ErrorKind::MissingParent { current, parent } => {
                    crate::tr!("template-missing-parent", name = current, parent = parent)
                }
                _ => tera_message(&err.to_string()),
            };
            let mut src = err.source();
            while let Some(s) = src {
                msg.push_str(&format!(": {s}"));
                src = s.source();
            }
            Diagnostic::error("template", msg)
        }
    }
}

/// Tera's own English message in the program's language, when it is one of those an editor
/// meets (an undefined variable, an unknown filter, a syntax error); any other as it is.
fn tera_message(msg: &str) -> String {
    // The name between the first pair of backticks after `prefix`.
    let quoted = |prefix: &str| -> Option<(String, String)> {
        let rest = msg.strip_prefix(prefix)?;
        let (name, after) = rest.split_once('`')?;
        Some((name.to_string(), after.to_string()))
    };
    if let Some((name, after)) = quoted("Variable `") {
        if after.starts_with(" exists but its value is undefined") {
            return crate::tr!("template-var-undefined-value", name = name);
        }
        if let Some(more) = after.strip_prefix(" is not defined.") {
            let available = more
                .trim()
                .strip_prefix("Available variables:")
                .map_or("none", str::trim);
            return crate::tr!("template-var-undefined", name = name, available = available);
        }
    }
    if let Some((name, after)) = quoted("Field `")
        && let Some(more) = after.strip_prefix(" is not defined.")
    {
        let available = more
            .trim()
            .strip_prefix("Available fields:")
            .map_or("none", str::trim);
        return crate::tr!(
            "template-field-undefined",
            name = name,
            available = available
        );
    }
    for kind in ["filter", "test", "function", "template", "component"] {
        if let Some((name, _)) = quoted(&format!("Unknown {kind} `")) {
            return crate::tr!("template-unknown", kind = kind, name = name);
        }
    }
    if let Some(rest) = msg.strip_prefix("Found ")
        && let Some((found, expected)) = rest.split_once(" but expected ")
    {
        let expected = expected.strip_suffix('.').unwrap_or(expected);
        return crate::tr!(
            "template-found-expected",
            found = found,
            expected = expected
        );
    }
    if msg == "Unexpected end of input" {
        return crate::tr!("template-end-of-input");
    }
    if let Some(rest) = msg.strip_prefix("Template '")
        && let Some(name) = rest.strip_suffix("' not found")
    {
        return crate::tr!("template-not-found", name = name);
    }
    msg.to_string()
}

/// Sets the values every template sees (`render::context::GlobalContext`; pages add theirs,
/// `PageContext`). They are tera values already (converted once per build): tera's values
/// share their contents, so a new environment after a template edit in `serve` does not
/// convert the site map of 10 000 pages again.
pub fn global_context(tera: &mut Tera, values: &Context) {
    tera.global_context().extend(values.clone());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependents_follow_extends_and_includes() {
        let src = |list: &[(&str, &str)]| TemplateSources {
            files: list
                .iter()
                .map(|(n, t)| (n.to_string(), (n.to_string(), Arc::from(*t))))
                .collect(),
        };
        let s = src(&[
            (
                "base.html",
                "<html>{% include \"partials/nav.html\" %}</html>",
            ),
            (
                "page.html",
                "{% extends \"base.html\" %}{%- include 'partials/steps.html' -%}",
            ),
            (
                "regulation.html",
                "{% extends \"base.html\" %}{% include \"partials/row.html\" %}",
            ),
            ("partials/nav.html", "nav"),
            ("partials/steps.html", "steps"),
            ("partials/row.html", "row"),
        ]);
        let deps = |c: &str| {
            let mut v: Vec<String> = s.dependents(&[c.to_string()]).into_iter().collect();
            v.sort();
            v
        };
        assert_eq!(
            deps("partials/steps.html"),
            ["page.html", "partials/steps.html"]
        );
        assert_eq!(
            deps("partials/row.html"),
            ["partials/row.html", "regulation.html"]
        );
        assert_eq!(
            deps("partials/nav.html"),
            [
                "base.html",
                "page.html",
                "partials/nav.html",
                "regulation.html"
            ]
        );
        let edited = src(&[
            ("base.html", "x"),
            ("page.html", "{% extends \"base.html\" %}"),
        ]);
        let mut changed = edited.changed_since(&s);
        changed.sort();
        assert_eq!(
            changed,
            [
                "base.html",
                "page.html",
                "partials/nav.html",
                "partials/row.html",
                "partials/steps.html",
                "regulation.html"
            ]
        );
    }

    #[test]
    fn dependencies_are_read_as_tera_reads_a_tag() {
        let s = TemplateSources {
            files: [
                (
                    "a.html",
                    "{%include`b.html`%}{%- include\n'c\\/d.html' -%}{% include \"e\\\"f.html\" %}",
                ),
                (
                    "b.html",
                    "{% extends \"base.html\" %}{# {% include 'x.html' %} #}",
                ),
                (
                    "c/d.html",
                    "{% component Card(t) %}{{ t }}{% endcomponent Card %}",
                ),
                ("base.html", "{% included 'no.html' %}"),
            ]
            .iter()
            .map(|(n, t)| (n.to_string(), (n.to_string(), Arc::from(*t))))
            .collect(),
        };
        assert_eq!(
            s.direct_dependencies("a.html"),
            ["b.html", "c/d.html", "e\"f.html"]
        );
        // A tag in a comment counts too: more than tera reads, never less.
        assert_eq!(s.direct_dependencies("b.html"), ["base.html", "x.html"]);
        assert!(s.direct_dependencies("base.html").is_empty());
        assert!(s.defines_component("c/d.html") && !s.defines_component("a.html"));
        // Places in `files` (sorted by name): a.html 0, b.html 1, base.html 2, c/d.html 3.
        let closures = s.closures();
        assert_eq!(closures.of(["a.html"]), [0, 1, 2, 3]);
        assert_eq!(
            closures.of(["b.html", "c/d.html", "nothing.html"]),
            [1, 2, 3]
        );
        assert_eq!(closures.of(["base.html"]), [2]);
    }

    #[test]
    fn tera_messages_are_told_in_the_programs_words() {
        assert_eq!(
            tera_message("Variable `pge` is not defined. Available variables: page, site"),
            "Переменная `pge` не определена. Доступные переменные: page, site"
        );
        assert_eq!(
            tera_message("Variable `x` is not defined."),
            "Переменная `x` не определена"
        );
        assert_eq!(
            tera_message("Template 'nav.html' not found"),
            "Шаблон `nav.html` не найден"
        );
        assert_eq!(
            tera_message("Found `}` but expected }}."),
            "встретилось `}`, а ожидалось }}"
        );
        assert_eq!(
            tera_message("Unknown filter `uper`"),
            "Неизвестный фильтр `uper`"
        );
        // Anything else is left as tera says it.
        assert_eq!(
            tera_message("Circular extend detected"),
            "Circular extend detected"
        );
    }

    #[test]
    fn tera_messages_in_english_stay_tera_s() {
        use crate::i18n::{FluentArgs, Lang, message_in};
        let mut args = FluentArgs::new();
        args.set("name", "pge");
        args.set("available", "page, site");
        assert_eq!(
            message_in(Lang::En, "template-var-undefined", Some(&args)),
            "Variable `pge` is not defined. Available variables: page, site"
        );
        let mut args = FluentArgs::new();
        args.set("found", "`}`");
        args.set("expected", "}}");
        let found = message_in(Lang::En, "template-found-expected", Some(&args));
        assert_eq!(found, "Found `}` but expected }}.");
        let mut args = FluentArgs::new();
        args.set("detail", found);
        assert_eq!(
            message_in(Lang::En, "template-syntax", Some(&args)),
            "Found `}` but expected }}."
        );
        assert_eq!(
            message_in(Lang::Ru, "template-syntax", Some(&args)),
            "Ошибка в записи шаблона: Found `}` but expected }}."
        );
    }
}
