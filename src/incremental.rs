//! Incremental rebuilds for `serve`: after an edit, re-render only the pages it touches and
//! write them in place, so that the browser reloads within milliseconds even on a site of
//! 10 000 pages.
//!
//! - An edit to the Markdown body of existing pages (front matter unchanged): those pages are
//!   re-rendered (both versions). Front matter feeds the navigation and the section lists of
//!   other pages, so a front-matter change, a new or deleted page, a data file, `site.yaml` or
//!   the glossary needs a full build.
//! - An edit to templates: only the pages whose last render read an edited template, or one
//!   that extends or includes an edited one, as the render recorded it (`PageRender::templates`,
//!   kept by name from the build and from each re-render here; a page no render has told about
//!   is chosen by its layout and the widgets fenced in its body), and the 404 page when its
//!   template is affected. Assets (`templates/assets/`) are fingerprinted into every page: a
//!   full build.
//!
//! What is made from every page at once — the search index, `sitemap.xml`, `offline.zip` and
//! `sw.js` — is left as it was and marked stale; `serve` catches up once the editor pauses,
//! with a build over the output that uses the build cache (`rebuild.rs`): it renders again only
//! the pages edited since the last build and remakes the site-wide files from the cached
//! pieces of the others. The pages written here leave the cache valid (see `build_cache.rs`).

use std::path::PathBuf;

use crate::content;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::page_output::PageOutput;
use crate::project::Project;
use crate::sink::{LiveOutput, Sink};
use crate::templates;
use crate::variant::Variant;

/// What an edit came to.
pub enum Outcome {
    /// These pages (and files) were re-rendered and written.
    Updated {
        pages: usize,
        /// URLs of the normal versions of the pages written.
        urls: Vec<String>,
        warnings: Vec<Diagnostic>,
    },
    /// The edit needs a full build.
    Full,
    /// The edit does not build; the output was left as it was.
    Failed(Diagnostics),
}

/// A built site kept in memory between edits.
pub struct Live {
    project: Project,
    /// Each page's templates as its last render recorded them (names; see
    /// `PageRender::templates`), `None` where no render said (a page is then chosen by its
    /// layout and the widgets fenced in its body).
    recorded: Vec<Option<Vec<String>>>,
    out: LiveOutput,
    /// The whole-site files (search index, sitemap, offline bundle, service worker) lag behind
    /// incremental updates.
    pub stale: bool,
}

enum Edit {
    Pages(Vec<String>),
    Templates,
}

impl Live {
    pub fn new(mut project: Project, out: PathBuf) -> Live {
        let pages = project.site.pages.len();
        let recorded = match project.recorded.take() {
            Some(list) if list.len() == pages => list.into_iter().map(Some).collect(),
            _ => vec![None; pages],
        };
        Live {
            project,
            recorded,
            out: LiveOutput::new(out),
            stale: false,
        }
    }

    /// Whether the page at `index` read one of `templates` when it was last rendered.
    fn reads(&self, index: usize, templates: &std::collections::HashSet<String>) -> bool {
        match &self.recorded[index] {
            Some(names) => names.iter().any(|n| templates.contains(n)),
            None => self.project.uses_template(index, templates),
        }
    }

    /// Applies the changes to `paths` (as the file watcher reports them).
    pub fn apply(&mut self, paths: &[PathBuf]) -> Outcome {
        match self.classify(paths) {
            None => Outcome::Full,
            Some(Edit::Pages(rels)) => self.pages_edited(&rels),
            Some(Edit::Templates) => self.templates_edited(),
        }
    }

    /// Page bodies, or page templates, or anything else (`None`: a full build).
    fn classify(&self, paths: &[PathBuf]) -> Option<Edit> {
        let root = &self.project.root;
        let content = root.join("content");
        let templates = root.join("templates");
        let rels: Option<Vec<String>> = paths
            .iter()
            .map(|p| {
                let rel = p.strip_prefix(&content).ok()?;
                let rel = rel.to_string_lossy().replace('\\', "/");
                let known = self.project.site.pages.iter().any(|pg| pg.rel == rel);
                (rel.ends_with(".md") && known && p.is_file()).then_some(rel)
            })
            .collect();
        if let Some(mut rels) = rels.filter(|r| !r.is_empty()) {
            rels.sort();
            rels.dedup();
            return Some(Edit::Pages(rels));
        }
        let all_templates = paths.iter().all(|p| {
            p.strip_prefix(&templates).is_ok_and(|rel| {
                !rel.starts_with("assets") && rel.extension().is_some_and(|e| e == "html")
            })
        });
        (all_templates && !paths.is_empty()).then_some(Edit::Templates)
    }

    fn pages_edited(&mut self, rels: &[String]) -> Outcome {
        let root = self.project.root.clone();
        let mut fresh = Vec::new();
        for rel in rels {
            let index = self
                .project
                .site
                .pages
                .iter()
                .position(|p| &p.rel == rel)
                .expect("classified as known");
            let page = match content::reload_page(&root, rel) {
                Ok(Some(page)) => page,
                // Now a draft: it leaves the navigation.
                Ok(None) => return Outcome::Full,
                Err(d) => return Outcome::Failed(d.into()),
            };
            let old = &self.project.site.pages[index];
            let same_front = serde_json::to_value(&old.front).ok()
                == serde_json::to_value(&page.front).ok()
                && old.kind == page.kind;
            if !same_front {
                return Outcome::Full;
            }
            // The section and URL come from the page's place, which has not changed.
            let page = content::Page {
                section: old.section.clone(),
                url: old.url.clone(),
                ..page
            };
            fresh.push((index, page));
        }
        let mut outputs = Vec::new();
        let mut warnings = Vec::new();
        let mut errors = Vec::new();
        let mut read = Vec::new();
        for (index, page) in &fresh {
            match self.project.render_page(page, false) {
                Ok(r) => {
                    outputs.extend(r.pages);
                    warnings.extend(r.warnings);
                    read.push((*index, self.project.template_names(&r.templates)));
                }
                Err(e) => errors.extend(e),
            }
        }
        if !errors.is_empty() {
            return Outcome::Failed(Diagnostics {
                diagnostics: errors,
            });
        }
        if let Err(e) = self.write(&outputs, &[]) {
            return Outcome::Failed(e);
        }
        for (index, page) in fresh {
            self.project.site.pages[index] = page;
        }
        for (index, names) in read {
            self.recorded[index] = Some(names);
        }
        self.stale = true;
        Outcome::Updated {
            pages: outputs.len(),
            urls: normal_urls(&outputs),
            warnings,
        }
    }

    fn templates_edited(&mut self) -> Outcome {
        let sources = match templates::read_sources(&self.project.root) {
            Ok(s) => s,
            Err(d) => return Outcome::Failed(Diagnostics { diagnostics: d }),
        };
        let changed = sources.changed_since(&self.project.sources);
        if changed.is_empty() {
            return Outcome::Updated {
                pages: 0,
                urls: Vec::new(),
                warnings: Vec::new(),
            };
        }
        let affected = sources.dependents(&changed);
        let previous = self.project.sources.clone();
        if let Err(d) = self.project.set_templates(sources) {
            return Outcome::Failed(d);
        }
        let indexes: Vec<usize> = (0..self.project.site.pages.len())
            .filter(|&i| self.reads(i, &affected))
            .collect();
        let rendered = match self.project.render_pages(&indexes) {
            Ok(r) => r,
            Err(d) => {
                // Back to the templates the written pages were made with, so the fix of this
                // error re-renders every page it affects.
                self.project
                    .set_templates(previous)
                    .expect("the previous templates built");
                return Outcome::Failed(d);
            }
        };
        let mut files = Vec::new();
        if affected.contains("404.html") {
            match self.project.render_404() {
                Ok(f) => files.push(f),
                Err(d) => {
                    self.project
                        .set_templates(previous)
                        .expect("the previous templates built");
                    return Outcome::Failed(d);
                }
            }
        }
        if let Err(e) = self.write(&rendered.pages, &files) {
            return Outcome::Failed(e);
        }
        for (&index, places) in indexes.iter().zip(&rendered.templates) {
            self.recorded[index] = Some(self.project.template_names(places));
        }
        self.stale = true;
        Outcome::Updated {
            pages: rendered.pages.len() + files.len(),
            urls: normal_urls(&rendered.pages),
            warnings: rendered.warnings,
        }
    }

    /// Writes pages and files into the served output folder (see [`LiveOutput`]).
    fn write(&self, pages: &[PageOutput], files: &[(String, Vec<u8>)]) -> Result<(), Diagnostics> {
        let all = pages
            .iter()
            .map(|p| (p.path.as_str(), p.html.as_slice()))
            .chain(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
        for (rel, bytes) in all {
            self.out.write(rel, bytes)?;
        }
        Ok(())
    }
}

fn normal_urls(pages: &[PageOutput]) -> Vec<String> {
    pages
        .iter()
        .filter(|p| p.variant == Variant::Normal)
        .map(|p| p.url.clone())
        .collect()
}
