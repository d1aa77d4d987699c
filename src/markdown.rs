//! Markdown → HTML with pulldown-cmark, plus what pamyatka adds on the event stream:
//! heading ids and anchor links, task lists as checklists with stable item ids, callouts,
//! build-time code highlighting, scrollable tables, and links to `.md` files resolved to URLs.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
    html::push_html,
};
use serde::Serialize;

use crate::content::Page;
use crate::diagnostic::{Diagnostic, Location};
use crate::escape::{escape_attr, escape_text};
use crate::highlight;
use crate::images::{Catalogue, Image, figure};
use crate::slug::{Slugger, slugify};
use crate::templates;
use crate::tr;
use crate::urls::{is_external, join_rel, percent_decode, resolve_url};
use crate::widgets::{self, WidgetUse};

/// A heading of the page, for the table of contents and for `check`.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link from Markdown to another page of the site (or an anchor in this one), or to any
/// other URL of the site.
#[derive(Debug, Clone)]
pub struct SiteLink {
    /// Site-absolute URL of the target page (`/esia/privyazka/`); for a link that names no
    /// `.md` file, the URL it leads to from the page, decoded, without its query
    /// (`nope/` on `/esia/a/` → `/esia/a/nope/`).
    pub page_url: String,
    pub anchor: Option<String>,
    pub location: Location,
    /// The link as written when it names no `.md` file (`nope/`, `../blank.pdf`, `/esia/`):
    /// `check` looks for its target among the pages and files the build writes. `None` for a
    /// link to a `.md` file, whose page is known to exist, or to an anchor of this page.
    pub written: Option<String>,
}

/// One checklist item.
#[derive(Debug, Clone, Serialize)]
pub struct ChecklistItem {
    pub id: String,
    pub text: String,
    /// Index in [`Rendered::headings`] of the heading the item is under (`None` before the
    /// first heading): which step of the guide it belongs to.
    pub heading: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub links: Vec<SiteLink>,
    pub checklist: Vec<ChecklistItem>,
    /// Interactive widgets (fenced `deadline`, `archive-check`, … blocks), in page order.
    pub widgets: Vec<WidgetUse>,
    /// The prepared images the page shows (paths under `content/`), in page order.
    pub images: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Said before a page's first checklist, and hidden by `checklist.js` once it keeps the ticks:
/// without JavaScript a tick is lost on reload, and the reader should know before ticking.
pub(crate) const CHECKLIST_NOJS: &str = "<p class=\"checklist-nojs\" data-checklist-nojs data-search-skip>Отметки в списке \
     сохраняются, только когда в браузере включён JavaScript. Без него отметки пропадут, если \
     обновить или закрыть страницу.</p>\n";

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

/// Render a page's Markdown body. `pages` holds the `rel` paths of every page in the site;
/// `templates` renders its widgets; `images` are the site's prepared images.
pub fn render(
    page: &Page,
    pages: &HashSet<String>,
    templates: templates::Env,
    images: &Catalogue,
) -> Rendered {
    let body = page.body();
    let events: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(body, options())
        .into_offset_iter()
        .collect();
    let mut r = Renderer {
        page,
        pages,
        templates,
        images,
        out: Vec::with_capacity(events.len()),
        rendered: Rendered::default(),
        slugger: Slugger::default(),
        checklist_ids: HashSet::new(),
        checklist_note: false,
        last_heading: 1,
    };
    // Explicit ids first, so generated ones never collide with them.
    for (ev, _) in &events {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = ev {
            r.slugger.reserve(id);
        }
    }
    r.rendered
        .diagnostics
        .extend(crate::lint::check(page, &events));
    r.rendered
        .diagnostics
        .extend(crate::raw_html::check(page, &events));
    r.rendered
        .diagnostics
        .extend(crate::html_comment::check(page, &events));
    r.run(events);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    push_html(&mut html, crate::autolink::apply(r.out).into_iter());
    r.rendered.html = html;
    r.rendered
}

struct Renderer<'a, 'p> {
    page: &'p Page,
    pages: &'p HashSet<String>,
    templates: templates::Env<'p>,
    images: &'p Catalogue,
    out: Vec<Event<'a>>,
    rendered: Rendered,
    slugger: Slugger,
    checklist_ids: HashSet<String>,
    /// Whether the note on ticks without JavaScript is out (once, before the first checklist).
    checklist_note: bool,
    /// Level of the last heading, so a widget's own heading nests under it.
    last_heading: u8,
}

impl<'a, 'p> Renderer<'a, 'p> {
    fn loc(&self, range: &Range<usize>) -> Location {
        Location::new(
            &self.page.file,
            self.page.source.clone(),
            self.page.body_offset + range.start,
            range.end - range.start,
        )
    }

    fn run(&mut self, events: Vec<(Event<'a>, Range<usize>)>) {
        let mut lists: Vec<bool> = Vec::new();
        // For each open plain quote: whether it is the portal's reading (ends in `</div>`).
        let mut quotes: Vec<bool> = Vec::new();
        let mut i = 0;
        while i < events.len() {
            let (ev, range) = &events[i];
            match ev {
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) => {
                    let end = find_end(&events, i);
                    let inner = &events[i + 1..end];
                    let text = plain_text(inner);
                    let id = match id {
                        Some(id) => id.to_string(),
                        None => self.slugger.unique(&text),
                    };
                    let lvl = heading_level(*level);
                    self.last_heading = lvl;
                    let mut open = format!("<h{lvl} id=\"{}\"", escape_attr(&id));
                    let mut class_list: Vec<&str> = classes.iter().map(|c| c.as_ref()).collect();
                    if !class_list.is_empty() {
                        class_list.sort_unstable();
                        open.push_str(&format!(
                            " class=\"{}\"",
                            escape_attr(&class_list.join(" "))
                        ));
                    }
                    for (k, v) in attrs {
                        open.push_str(&format!(" {}", escape_attr(k)));
                        if let Some(v) = v {
                            open.push_str(&format!("=\"{}\"", escape_attr(v)));
                        }
                    }
                    open.push('>');
                    self.out.push(Event::Html(open.into()));
                    self.emit_inline(&events[i + 1..end]);
                    if lvl > 1 {
                        self.out.push(Event::Html(
                            format!(
                                "<a class=\"heading-anchor\" href=\"#{}\" aria-label=\"Ссылка на раздел «{}»\">#</a>",
                                escape_attr(&id),
                                escape_attr(&text)
                            )
                            .into(),
                        ));
                    }
                    self.out.push(Event::Html(format!("</h{lvl}>\n").into()));
                    self.rendered.headings.push(Heading {
                        level: lvl,
                        id,
                        text,
                    });
                    i = end + 1;
                    continue;
                }
                Event::Start(Tag::List(start)) => {
                    let is_checklist = start.is_none() && starts_task_item(&events, i + 1);
                    lists.push(is_checklist);
                    if is_checklist {
                        if !std::mem::replace(&mut self.checklist_note, true) {
                            self.out.push(Event::Html(CHECKLIST_NOJS.into()));
                        }
                        self.out.push(Event::Html(
                            format!(
                                "<ul class=\"checklist\" data-checklist=\"{}\">\n",
                                escape_attr(&self.page.url)
                            )
                            .into(),
                        ));
                    } else {
                        self.out.push(ev.clone());
                    }
                }
                Event::End(TagEnd::List(false)) if lists.last() == Some(&true) => {
                    lists.pop();
                    self.out.push(Event::Html("</ul>\n".into()));
                }
                Event::End(TagEnd::List(_)) => {
                    lists.pop();
                    self.out.push(ev.clone());
                }
                Event::Start(Tag::Item)
                    if lists.last() == Some(&true) && starts_task_item(&events, i) =>
                {
                    i = self.task_item(&events, i);
                    continue;
                }
                Event::Start(Tag::BlockQuote(Some(kind))) => {
                    let (class, title) = callout(*kind);
                    self.out.push(Event::Html(
                        format!(
                            "<div class=\"callout callout--{class}\" role=\"note\"><p class=\"callout__title\"><strong>{title}</strong></p>\n"
                        )
                        .into(),
                    ));
                }
                Event::End(TagEnd::BlockQuote(Some(_))) => {
                    self.out.push(Event::Html("</div>\n".into()));
                }
                Event::Start(Tag::BlockQuote(None)) => {
                    let reading = interpretation(self.page.body(), &events, i);
                    quotes.push(reading.is_some());
                    if let Some((next, reopen)) = reading {
                        self.out.push(Event::Html(
                            format!(
                                "<div class=\"callout callout--interpretation\" role=\"note\"><p class=\"callout__title\"><strong>{INTERPRETATION}</strong></p>\n"
                            )
                            .into(),
                        ));
                        if reopen {
                            self.out.push(Event::Start(Tag::Paragraph));
                        }
                        i = next;
                        continue;
                    }
                    self.out.push(ev.clone());
                }
                Event::End(TagEnd::BlockQuote(None)) if quotes.pop() == Some(true) => {
                    self.out.push(Event::Html("</div>\n".into()));
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let end = find_end(&events, i);
                    let code: String = events[i + 1..end]
                        .iter()
                        .filter_map(|(e, _)| match e {
                            Event::Text(t) => Some(t.as_ref()),
                            _ => None,
                        })
                        .collect();
                    let lang = match kind {
                        CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
                        CodeBlockKind::Indented => "",
                    };
                    if let Some(widget) = widgets::Kind::from_lang(lang)
                        .filter(|_| matches!(kind, CodeBlockKind::Fenced(_)))
                    {
                        self.widget(widget, &events, i, end);
                        i = end + 1;
                        continue;
                    }
                    if let (CodeBlockKind::Fenced(_), Some(name)) =
                        (kind, widgets::Kind::misspelt(lang))
                    {
                        self.rendered
                            .diagnostics
                            .push(self.misspelt_widget(lang, name, range));
                    }
                    let highlighted = if lang.is_empty() {
                        None
                    } else {
                        highlight::highlight(&code, lang)
                    };
                    let html = match highlighted {
                        Some(h) => format!(
                            "<pre class=\"code\" data-lang=\"{}\"><code>{h}</code></pre>\n",
                            escape_attr(lang)
                        ),
                        None => format!(
                            "<pre class=\"code\"><code>{}</code></pre>\n",
                            escape_text(&code)
                        ),
                    };
                    self.out.push(Event::Html(html.into()));
                    i = end + 1;
                    continue;
                }
                Event::Start(Tag::Table(_)) => {
                    self.out.push(Event::Html(
                        "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Таблица\">\n".into(),
                    ));
                    self.out.push(ev.clone());
                }
                Event::End(TagEnd::Table) => {
                    self.out.push(ev.clone());
                    self.out.push(Event::Html("</div>\n".into()));
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let dest = self.resolve_link(dest_url, range);
                    self.out.push(Event::Start(Tag::Link {
                        link_type: *link_type,
                        dest_url: dest,
                        title: title.clone(),
                        id: id.clone(),
                    }));
                }
                // An image alone in its paragraph: a figure.
                Event::Start(Tag::Paragraph) => {
                    if let Some((Event::Start(Tag::Image { .. }), _)) = events.get(i + 1) {
                        let end = find_end(&events, i + 1);
                        if matches!(
                            events.get(end + 1),
                            Some((Event::End(TagEnd::Paragraph), _))
                        ) && self.image(&events[i + 1..=end], true)
                        {
                            i = end + 2;
                            continue;
                        }
                    }
                    self.out.push(ev.clone());
                }
                Event::Start(Tag::Image { .. }) => {
                    let end = find_end(&events, i);
                    if self.image(&events[i..=end], false) {
                        i = end + 1;
                        continue;
                    }
                    self.out.push(ev.clone());
                }
                _ => self.out.push(ev.clone()),
            }
            i += 1;
        }
    }

    /// A prepared image (`events` from its start to its end) as `images::figure` writes it;
    /// `false` (nothing written) when the image is not one of the site's prepared images.
    fn image(&mut self, events: &[(Event<'a>, Range<usize>)], block: bool) -> bool {
        let Some((
            Event::Start(Tag::Image {
                dest_url, title, ..
            }),
            _,
        )) = events.first()
        else {
            return false;
        };
        let Some(image) = self.find_image(dest_url) else {
            return false;
        };
        let alt = plain_text(&events[1..events.len() - 1]);
        let html = figure::html(
            image,
            &figure::Placement {
                alt: &alt,
                title,
                block,
                // On the first screen, perhaps: before the page's first heading.
                first: self.rendered.images.is_empty() && self.rendered.headings.is_empty(),
            },
        );
        self.rendered.images.push(image.rel.clone());
        self.out.push(Event::Html(html.into()));
        true
    }

    /// The prepared image an image's address names: from the site's root (`/esia/forma.png`),
    /// from the page's address as a browser reads it, or from the Markdown file's folder (as
    /// an editor's preview shows it).
    fn find_image(&self, dest: &str) -> Option<&'p Image> {
        if dest.is_empty() || is_external(dest) || self.images.images.is_empty() {
            return None;
        }
        let path = percent_decode(dest.split(['?', '#']).next().unwrap_or_default());
        resolve_url(&self.page.url, &path)
            .and_then(|url| self.images.at_url(&url))
            .or_else(|| {
                join_rel(&self.page.rel, &path).and_then(|rel| self.images.images.get(&rel))
            })
    }

    /// A fenced widget block (`events[start]` opens it, `events[end]` closes it).
    fn widget(
        &mut self,
        kind: widgets::Kind,
        events: &[(Event<'a>, Range<usize>)],
        start: usize,
        end: usize,
    ) {
        // The YAML is the block's text: from the first text event to the last one.
        let texts: Vec<&Range<usize>> = events[start + 1..end].iter().map(|(_, r)| r).collect();
        let base = self.page.body_offset;
        let span = match (texts.first(), texts.last()) {
            (Some(a), Some(b)) => (base + a.start, base + b.end),
            _ => (base + events[start].1.end, base + events[start].1.end),
        };
        let n = self.rendered.widgets.len() + 1;
        match widgets::render(
            kind,
            &self.page.file,
            &self.page.source,
            span,
            self.last_heading + 1,
            n,
            self.templates,
        ) {
            Ok((html, used)) => {
                self.out.push(Event::Html(html.into()));
                self.rendered.widgets.push(used);
            }
            Err(d) => self.rendered.diagnostics.push(d),
        }
    }

    /// A fence whose language (`lang`) is close to the widget `name`: an error at the language,
    /// since the block would otherwise be shown as code instead of the widget.
    fn misspelt_widget(&self, lang: &str, name: &str, fence: &Range<usize>) -> Diagnostic {
        let body = self.page.body();
        let line = &body[fence.start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let at = line.find(lang).map_or(fence.start, |i| fence.start + i);
        Diagnostic::error("widget", tr!("md-widget-misspelt", lang = lang))
            .at(Location::new(
                &self.page.file,
                self.page.source.clone(),
                self.page.body_offset + at,
                lang.len(),
            ))
            .label(tr!("md-widget-misspelt.label"))
            .hint(tr!("md-widget-misspelt.hint", name = name))
    }

    /// Inline events (inside a heading or a label): links still get resolved.
    fn emit_inline(&mut self, events: &[(Event<'a>, Range<usize>)]) {
        for (ev, range) in events {
            match ev {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let dest = self.resolve_link(dest_url, range);
                    self.out.push(Event::Start(Tag::Link {
                        link_type: *link_type,
                        dest_url: dest,
                        title: title.clone(),
                        id: id.clone(),
                    }));
                }
                _ => self.out.push(ev.clone()),
            }
        }
    }

    /// Render the task item starting at `start`; returns the index after its end.
    fn task_item(&mut self, events: &[(Event<'a>, Range<usize>)], start: usize) -> usize {
        let end = find_end(events, start);
        let marker = (start + 1..end)
            .find(|&j| matches!(events[j].0, Event::TaskListMarker(_)))
            .expect("checked by starts_task_item");
        let checked = matches!(events[marker].0, Event::TaskListMarker(true));
        // The label runs from the marker to the end of the first block of the item.
        let label_end = (marker + 1..end)
            .find(|&j| {
                matches!(
                    events[j].0,
                    Event::End(TagEnd::Paragraph)
                        | Event::Start(Tag::List(_))
                        | Event::Start(Tag::Paragraph)
                        | Event::Start(Tag::CodeBlock(_))
                        | Event::Start(Tag::BlockQuote(_))
                )
            })
            .unwrap_or(end);
        let mut label: Vec<(Event<'a>, Range<usize>)> = events[marker + 1..label_end].to_vec();
        // A trailing `{#id}` in the last text event names the item.
        let mut explicit = None;
        if let Some((Event::Text(t), range)) = label
            .iter_mut()
            .rev()
            .find(|(e, _)| matches!(e, Event::Text(_)))
            && let Some((rest, id)) = trailing_id(t)
        {
            explicit = Some((id.to_string(), range.clone()));
            *t = CowStr::from(rest.to_string());
        }
        let text = plain_text(&label).trim().to_string();
        let item_range = events[start].1.clone();
        let id = match explicit {
            Some((id, range)) => {
                if !valid_item_id(&id) {
                    self.rendered.diagnostics.push(
                        Diagnostic::error("checklist", tr!("md-checklist-bad-id", id = &id))
                            .at(self.loc(&range))
                            .hint(tr!("md-checklist-bad-id.hint")),
                    );
                }
                id
            }
            None => {
                let derived = slugify(&text);
                self.rendered.diagnostics.push(
                    Diagnostic::warning("checklist", tr!("md-checklist-no-id"))
                        .kind("no-id")
                        .at(self.loc(&item_range))
                        .label(tr!("md-checklist-no-id.label"))
                        .hint(tr!("md-checklist-no-id.hint")),
                );
                derived
            }
        };
        if !self.checklist_ids.insert(id.clone()) {
            self.rendered.diagnostics.push(
                Diagnostic::error("checklist", tr!("md-checklist-duplicate-id", id = &id))
                    .at(self.loc(&item_range))
                    .hint(tr!("md-checklist-duplicate-id.hint")),
            );
        }
        let dom_id = format!("cl-{}", escape_attr(&id));
        self.out.push(Event::Html(
            format!(
                "<li class=\"checklist__item\" data-item=\"{}\"><input type=\"checkbox\" class=\"checklist__box\" id=\"{dom_id}\"{}><label for=\"{dom_id}\">",
                escape_attr(&id),
                if checked { " checked" } else { "" }
            )
            .into(),
        ));
        // Skip a paragraph start before the marker (loose lists).
        self.emit_inline(&label);
        self.out.push(Event::Html("</label>".into()));
        let mut j = label_end;
        if j < end && matches!(events[j].0, Event::End(TagEnd::Paragraph)) {
            j += 1;
        }
        self.run_slice(events, j, end);
        self.out.push(Event::Html("</li>\n".into()));
        let heading = self.rendered.headings.len().checked_sub(1);
        self.rendered
            .checklist
            .push(ChecklistItem { id, text, heading });
        end + 1
    }

    /// Render events[from..to] with the full rules (nested lists, code…).
    fn run_slice(&mut self, events: &[(Event<'a>, Range<usize>)], from: usize, to: usize) {
        if from < to {
            self.run(events[from..to].to_vec());
        }
    }

    /// Turn `other.md#anchor` into the target page's URL and remember the link for `check`.
    fn resolve_link(&mut self, dest: &CowStr<'a>, range: &Range<usize>) -> CowStr<'a> {
        let d = dest.as_ref();
        if d.is_empty() || is_external(d) {
            return dest.clone();
        }
        let (path, anchor) = match d.split_once('#') {
            Some((p, a)) => (p, Some(percent_decode(a))),
            None => (d, None),
        };
        if path.is_empty() {
            // Same-page anchor.
            self.rendered.links.push(SiteLink {
                page_url: self.page.url.clone(),
                anchor,
                location: self.loc(range),
                written: None,
            });
            return dest.clone();
        }
        if !path.ends_with(".md") {
            // A page or file by its URL: left as written, and checked by `check`.
            let decoded = percent_decode(path);
            let without_query = decoded.split('?').next().unwrap_or_default();
            match resolve_url(&self.page.url, without_query) {
                Some(url) => self.rendered.links.push(SiteLink {
                    page_url: url,
                    anchor,
                    location: self.loc(range),
                    written: Some(d.to_string()),
                }),
                None => self.rendered.diagnostics.push(
                    Diagnostic::error("link", tr!("md-link-outside-site", link = d))
                        .at(self.loc(range))
                        .label(tr!("md-link-broken.label"))
                        .hint(tr!("md-link-outside-site.hint", url = &self.page.url)),
                ),
            }
            return dest.clone();
        }
        let target = match join_rel(&self.page.rel, &percent_decode(path)) {
            Some(t) => t,
            None => {
                self.rendered.diagnostics.push(
                    Diagnostic::error("link", tr!("md-link-outside-content", link = d))
                        .at(self.loc(range))
                        .hint(tr!("md-link-outside-content.hint")),
                );
                return dest.clone();
            }
        };
        if !self.pages.contains(target.as_str()) {
            self.rendered.diagnostics.push(
                Diagnostic::error(
                    "link",
                    tr!("md-link-missing", link = path, target = &target),
                )
                .at(self.loc(range))
                .label(tr!("md-link-broken.label"))
                .hint(tr!("md-link-missing.hint")),
            );
            return dest.clone();
        }
        let url = crate::content::url_for(&target);
        self.rendered.links.push(SiteLink {
            page_url: url.clone(),
            anchor: anchor.clone(),
            location: self.loc(range),
            written: None,
        });
        match anchor {
            Some(a) => format!("{url}#{a}").into(),
            None => url.into(),
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn callout(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "Примечание"),
        BlockQuoteKind::Tip => ("tip", "Совет"),
        BlockQuoteKind::Important => ("important", "Важно"),
        BlockQuoteKind::Warning => ("warning", "Внимание"),
        BlockQuoteKind::Caution => ("caution", "Осторожно"),
    }
}

/// The title of the portal's own reading of a memo, written `> [!NOTE] Толкование портала`.
pub(crate) const INTERPRETATION: &str = "Толкование портала";

/// Whether the plain quote opening at `events[i]` is the portal's reading: its first line is
/// `> [!NOTE] Толкование портала` (pulldown-cmark takes a marker with text after it for a plain
/// quote, so the line is read from the source). Returns the index of the first event after the
/// title line, and whether the paragraph the title line began goes on (to be opened again).
fn interpretation(
    body: &str,
    events: &[(Event<'_>, Range<usize>)],
    i: usize,
) -> Option<(usize, bool)> {
    let range = &events[i].1;
    let line = body[range.clone()].lines().next()?;
    let marked = line.trim_start().strip_prefix('>')?.trim_start();
    let title = marked
        .get(..7)
        .filter(|m| m.eq_ignore_ascii_case("[!note]"))
        .and(marked.get(7..))?;
    if title.trim().to_lowercase() != INTERPRETATION.to_lowercase() {
        return None;
    }
    let line_end = range.start + line.len();
    if !matches!(events.get(i + 1), Some((Event::Start(Tag::Paragraph), _))) {
        return None;
    }
    let mut j = i + 2;
    while let Some((ev, r)) = events.get(j) {
        if r.start > line_end || matches!(ev, Event::End(_)) {
            break;
        }
        j += 1;
    }
    match events.get(j) {
        Some((Event::End(TagEnd::Paragraph), _)) => Some((j + 1, false)),
        _ => Some((j, true)),
    }
}

/// Index of the `End` matching the `Start` at `start`.
fn find_end(events: &[(Event<'_>, Range<usize>)], start: usize) -> usize {
    let mut depth = 0usize;
    for (j, (ev, _)) in events.iter().enumerate().skip(start) {
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}

/// Does the item starting at `i` begin with a task marker?
fn starts_task_item(events: &[(Event<'_>, Range<usize>)], i: usize) -> bool {
    if !matches!(events.get(i), Some((Event::Start(Tag::Item), _))) {
        return false;
    }
    match events.get(i + 1) {
        Some((Event::TaskListMarker(_), _)) => true,
        Some((Event::Start(Tag::Paragraph), _)) => {
            matches!(events.get(i + 2), Some((Event::TaskListMarker(_), _)))
        }
        _ => false,
    }
}

fn plain_text(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut s = String::new();
    for (ev, _) in events {
        match ev {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.trim().to_string()
}

/// `text {#id}` → (`text`, `id`)
fn trailing_id(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_end();
    let body = t.strip_suffix('}')?;
    let open = body.rfind("{#")?;
    let id = &body[open + 2..];
    if id.is_empty() || id.contains(char::is_whitespace) {
        return None;
    }
    Some((t[..open].trim_end(), id))
}

fn valid_item_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{FrontMatter, PageKind};
    use std::path::PathBuf;
    use std::sync::Arc;

    fn page(rel: &str, body: &str) -> Page {
        let source = format!("---\ntitle: t\n---\n{body}");
        Page {
            file: PathBuf::from("content").join(rel),
            rel: rel.to_string(),
            body_offset: 16,
            source: Arc::from(source),
            front: FrontMatter::default(),
            kind: PageKind::Page,
            url: crate::content::url_for(rel),
            section: String::new(),
        }
    }

    fn render_one(rel: &str, body: &str, others: &[&str]) -> Rendered {
        let p = page(rel, body);
        let mut set: HashSet<String> = others.iter().map(|o| o.to_string()).collect();
        set.insert(rel.to_string());
        render(&p, &set, templates::builtin_env(), &Catalogue::default())
    }

    #[test]
    fn headings_get_github_ids_and_anchor_links() {
        let r = render_one(
            "a.md",
            "## Шаг 2. Привязка\n\n## Шаг 2. Привязка\n\n### Своё {#own}\n",
            &[],
        );
        assert!(r.html.contains("<h2 id=\"шаг-2-привязка\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"шаг-2-привязка-1\">"));
        assert!(r.html.contains("<h3 id=\"own\">"));
        assert!(r.html.contains("href=\"#own\""));
        assert_eq!(r.headings.len(), 3);
    }

    #[test]
    fn task_lists_become_checklists_with_ids() {
        let r = render_one(
            "a.md",
            "- [ ] Паспорт {#passport}\n- [x] СНИЛС {#snils}\n",
            &[],
        );
        assert!(
            r.html
                .contains("<ul class=\"checklist\" data-checklist=\"/a/\">"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<input type=\"checkbox\" class=\"checklist__box\" id=\"cl-passport\"><label for=\"cl-passport\">Паспорт</label>"), "{}", r.html);
        assert!(r.html.contains("id=\"cl-snils\" checked>"));
        // The note on ticks without JavaScript comes once, before the first checklist.
        assert_eq!(
            r.html.matches("data-checklist-nojs").count(),
            1,
            "{}",
            r.html
        );
        assert!(r.html.find("data-checklist-nojs") < r.html.find("<ul class=\"checklist\""));
        assert!(!r.html.contains("{#"));
        assert_eq!(r.checklist.len(), 2);
        assert!(r.diagnostics.is_empty());
    }

    #[test]
    fn checklist_problems_are_reported() {
        let r = render_one(
            "a.md",
            "- [ ] Без id\n- [ ] Один {#x}\n- [ ] Два {#x}\n- [ ] Плохой {#Плохой}\n",
            &[],
        );
        let msgs: Vec<_> = r.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert!(msgs.contains(&"у пункта чек-листа нет id"), "{msgs:?}");
        assert!(
            msgs.iter()
                .any(|m| m.contains("`x` встречается на странице дважды"))
        );
        assert!(msgs.iter().any(|m| m.contains("`Плохой` не подходит")));
        assert_eq!(r.diagnostics[0].position().unwrap(), "content/a.md:4:1");
    }

    #[test]
    fn ordinary_lists_stay_lists() {
        let r = render_one("a.md", "- один\n- два\n\n1. раз\n2. два\n", &[]);
        assert!(r.html.contains("<ul>"));
        assert!(r.html.contains("<ol>"));
        assert!(!r.html.contains("checklist"));
    }

    #[test]
    fn other_links_are_resolved_from_the_page_url_for_check() {
        let r = render_one(
            "esia/a.md",
            "[b](nope/), [c](../nope-page/#x), [d](/fioko/?q=1), [e](blank.pdf), [f](../../../x/)\n",
            &[],
        );
        let links: Vec<(&str, Option<&str>, Option<&str>)> = r
            .links
            .iter()
            .map(|l| {
                (
                    l.page_url.as_str(),
                    l.anchor.as_deref(),
                    l.written.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            links,
            [
                ("/esia/a/nope/", None, Some("nope/")),
                ("/esia/nope-page/", Some("x"), Some("../nope-page/#x")),
                ("/fioko/", None, Some("/fioko/?q=1")),
                ("/esia/a/blank.pdf", None, Some("blank.pdf")),
            ]
        );
        assert!(
            r.html.contains("href=\"nope/\""),
            "left as written: {}",
            r.html
        );
        assert_eq!(r.diagnostics.len(), 1, "{:?}", r.diagnostics);
        assert!(r.diagnostics[0].message.contains("ведёт за пределы сайта"));
    }

    #[test]
    fn md_links_resolve_to_urls_and_broken_ones_are_located() {
        let r = render_one(
            "esia/a.md",
            "[b](b.md#шаг-2), [c](../fioko/c.md), [x](missing.md)\n",
            &["esia/b.md", "fioko/c.md"],
        );
        // pulldown-cmark percent-encodes non-ASCII in hrefs; browsers decode it back.
        assert!(
            r.html.contains("href=\"/esia/b/#%D1%88%D0%B0%D0%B3-2\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("href=\"/fioko/c/\""));
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(
            r.diagnostics[0].position().unwrap(),
            "content/esia/a.md:4:38"
        );
        assert_eq!(r.links.len(), 2);
    }

    #[test]
    fn callouts_and_code() {
        let r = render_one(
            "a.md",
            "> [!WARNING]\n> Осторожно!\n\n```rust\nfn x() {}\n```\n",
            &[],
        );
        assert!(r.html.contains("callout--warning"), "{}", r.html);
        assert!(r.html.contains("Внимание"));
        assert!(r.html.contains("class=\"hl-"));
    }

    #[test]
    fn the_portals_reading_is_a_callout_of_its_own() {
        for body in [
            "> [!NOTE] Толкование портала\n> Памятка пишет «старше 14 лет» и «совершеннолетним».\n",
            "> [!note] толкование портала\n>\n> Памятка пишет «старше 14 лет» и «совершеннолетним».\n",
        ] {
            let r = render_one("a.md", body, &[]);
            assert!(
                r.html.contains("<div class=\"callout callout--interpretation\" role=\"note\"><p class=\"callout__title\"><strong>Толкование портала</strong></p>\n<p>Памятка пишет"),
                "{}",
                r.html
            );
            assert!(
                !r.html.contains("NOTE") && !r.html.contains("note]"),
                "{}",
                r.html
            );
            assert!(!r.html.contains("blockquote"), "{}", r.html);
            assert!(r.html.trim_end().ends_with("</p>\n</div>"), "{}", r.html);
        }
        // Another title after a marker, and a plain quote, stay quotes.
        for body in ["> [!NOTE] Другое\n> текст\n", "> Цитата\n"] {
            let r = render_one("a.md", body, &[]);
            assert!(r.html.contains("<blockquote>"), "{}", r.html);
            assert!(!r.html.contains("callout"), "{}", r.html);
        }
        // A plain NOTE is still a note.
        let r = render_one("a.md", "> [!NOTE]\n> Толкование портала\n", &[]);
        assert!(r.html.contains("callout--note"), "{}", r.html);
    }

    #[test]
    fn tables_are_wrapped_for_reflow() {
        let r = render_one("a.md", "| a | b |\n|---|---|\n| 1 | 2 |\n", &[]);
        assert!(r.html.contains("<div class=\"table-wrap\""));
        assert!(r.html.contains("<th>a</th>"));
    }
}
