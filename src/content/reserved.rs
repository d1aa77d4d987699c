//! Paths the build writes itself, kept from content: a page or a file of `content/` there
//! would silently replace what the build makes (the low-vision version of a page, the search
//! index, the service worker …) or be replaced by it. Every problem is an error naming the
//! page (at its first line) or the file, and why the path is taken.

use std::collections::HashSet;

use super::Page;
use crate::diagnostic::{Diagnostic, Location};

/// The offline bundle, at the output's root.
pub const BUNDLE: &str = "offline.zip";
/// The site's Atom feed, at the output's root.
pub const SITE_FEED: &str = "feed.xml";
/// A section's Atom feed, in the section's folder.
pub const FEED_NAME: &str = "feed.xml";
/// The folder of a regulation table's role pages, beside its first page:
/// `<section>/roli/<role>/`.
pub const ROLES_FOLDER: &str = "roli";
/// A role's calendar of deadlines, in the role's folder: `…/roli/<role>/sroki.ics`.
pub const ROLE_CALENDAR: &str = "sroki.ics";

/// Says, in the program's language, whose a reserved path is.
pub type Why = fn() -> String;

/// The top-level names of the output the build writes, and what each is. Pages take a folder
/// each besides (`esia/privyazka/index.html`), and the regulation tables' role pages theirs
/// (`<section>/roli/`, see `data/regulation.rs`). A test holds this list to what a build writes.
pub const GENERATED: &[(&str, Why)] = &[
    ("lv", || crate::tr!("reserved-lv")),
    ("assets", || crate::tr!("reserved-assets")),
    ("data", || crate::tr!("reserved-data")),
    ("search", || crate::tr!("reserved-search")),
    ("search-index.js", || crate::tr!("reserved-search-index")),
    ("sw.js", || crate::tr!("reserved-sw")),
    (BUNDLE, || crate::tr!("reserved-bundle")),
    ("sitemap.xml", || crate::tr!("reserved-sitemap")),
    (SITE_FEED, || crate::tr!("reserved-site-feed")),
    ("404.html", || crate::tr!("reserved-404")),
    ("_headers", || crate::tr!("reserved-headers")),
];

/// Why a section's `feed.xml` is the build's own (see [`reason`]).
fn section_feed() -> String {
    crate::tr!("reserved-section-feed")
}

/// Why a role's `sroki.ics` is the build's own (see [`reason`]).
fn role_calendar() -> String {
    crate::tr!("reserved-role-calendar")
}

/// Why the output path `path` (relative, `/`-separated) is the build's own, if it is. Besides
/// the names of [`GENERATED`], `feed.xml` in any folder: a section's feed (whether its section
/// has changes yet or not, so that adding one never breaks a build); and `sroki.ics` in any
/// role's folder, `…/roli/<role>/sroki.ics` (whether that role has dated deadlines yet or not).
pub fn reason(path: &str) -> Option<String> {
    let path = path.trim_start_matches('/');
    let top = path.split('/').next()?;
    if top != SITE_FEED && path.split('/').any(|s| s == FEED_NAME) {
        return Some(section_feed());
    }
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    if segments
        .windows(3)
        .any(|w| w[0] == ROLES_FOLDER && w[2] == ROLE_CALENDAR)
    {
        return Some(role_calendar());
    }
    GENERATED
        .iter()
        .find(|(name, _)| *name == top)
        .map(|(_, why)| why())
}

/// A located error for a page published under a reserved path (`why` says whose it is).
pub fn page_error(page: &Page, why: &str) -> Diagnostic {
    let first_line = page.source.find('\n').unwrap_or(page.source.len());
    let hint = if page.url.starts_with("/lv/") {
        crate::tr!("reserved-page.hint-lv")
    } else {
        crate::tr!("reserved-page.hint")
    };
    Diagnostic::error(
        "reserved-path",
        crate::tr!("reserved-page", url = &page.url, why = why),
    )
    .at(Location::new(
        &page.file,
        page.source.clone(),
        0,
        first_line,
    ))
    .label(crate::tr!("reserved-page.label"))
    .hint(hint)
}

/// Errors for the pages of `content/` whose URL is under a path the build writes itself.
pub fn check_pages(pages: &[Page], errors: &mut Vec<Diagnostic>) {
    for p in pages {
        if let Some(why) = reason(&p.url) {
            errors.push(page_error(p, &why));
        }
    }
}

/// Errors for the files of `content/` (copied as they are) under a name of [`GENERATED`], or
/// that would overwrite a file the build writes (`generated`: pages and other files, relative to
/// the output), or stand where it needs a folder, or under one of its files.
pub fn check_files<'a>(
    files: &[String],
    generated: impl IntoIterator<Item = &'a str>,
) -> Vec<Diagnostic> {
    let generated: HashSet<&str> = generated.into_iter().collect();
    let folders: HashSet<&str> = generated
        .iter()
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .collect();
    let mut out = Vec::new();
    for rel in files {
        let ancestors = rel.match_indices('/').map(|(i, _)| &rel[..i]);
        // A reserved name, the same path, a folder the build needs, or a path inside one of
        // its files.
        let clash = if reason(rel).is_some()
            || generated.contains(rel.as_str())
            || folders.contains(rel.as_str())
        {
            Some(rel.as_str())
        } else {
            ancestors.into_iter().find(|a| generated.contains(a))
        };
        let Some(clash) = clash else { continue };
        let why = reason(clash).unwrap_or_else(|| crate::tr!("reserved-page-there"));
        out.push(
            Diagnostic::error(
                "reserved-path",
                crate::tr!("reserved-file", rel = rel, why = why),
            )
            .hint(crate::tr!("reserved-file.hint")),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_that_would_replace_or_block_a_generated_one_are_errors() {
        let generated = [
            "sw.js",
            "esia/privyazka/index.html",
            "lv/esia/privyazka/index.html",
            "search/t0.js",
        ];
        let files: Vec<String> = [
            "sw.js",                     // the same file
            "esia/privyazka/index.html", // a page
            "esia/privyazka",            // a file where a page needs a folder
            "sw.js/readme.txt",          // a file inside a generated file
            "search/t1.js",              // not written by this build, but in its folder
            "esia/blank.pdf",            // fine
        ]
        .map(String::from)
        .to_vec();
        let errors: Vec<String> = check_files(&files, generated)
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(errors.len(), 5, "{errors:#?}");
        assert!(
            errors[4].contains("части поискового индекса"),
            "{}",
            errors[4]
        );
        assert!(errors[0].contains("service worker"), "{}", errors[0]);
        assert!(errors[1].contains("записывает страницу"), "{}", errors[1]);
        assert!(
            errors[2].starts_with("Файл content/esia/privyazka "),
            "{}",
            errors[2]
        );
        assert!(
            errors[3].starts_with("Файл content/sw.js/readme.txt"),
            "{}",
            errors[3]
        );
    }

    /// Everything a build of the repository's site writes, other than its pages and the files of
    /// content/, is under a name of [`GENERATED`]; and so are the low-vision pages.
    #[test]
    fn the_list_is_what_a_build_writes() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let compiled = crate::pipeline::compile(root, false, &crate::sink::CheckSink)
            .expect("the repository's site compiles");
        let statics: HashSet<String> = walkdir::WalkDir::new(root.join("content"))
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| {
                e.path()
                    .strip_prefix(root.join("content"))
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        // The images' narrower copies are written beside them (their names are checked
        // against content/'s by `images::Catalogue::load`).
        let sized: HashSet<&str> = compiled
            .project
            .images
            .files()
            .map(|f| f.path.as_str())
            .collect();
        let mut names: HashSet<&str> = HashSet::new();
        for f in compiled
            .files
            .iter()
            .filter(|f| !statics.contains(*f) && !sized.contains(f.as_str()))
        {
            assert!(
                reason(f).is_some(),
                "{f} is written by the build but not reserved"
            );
            names.insert(f.split('/').next().unwrap());
        }
        for p in compiled
            .pages
            .iter()
            .filter(|p| p.variant != crate::variant::Variant::Normal)
        {
            assert_eq!(reason(&p.url), Some((GENERATED[0].1)()), "{}", p.url);
        }
        names.insert("lv");
        for (name, _) in GENERATED {
            assert!(names.contains(name), "{name} is reserved but not written");
        }
    }

    #[test]
    fn reserved_top_level_names() {
        assert!(reason("/lv/").is_some());
        assert!(reason("/lv/esia/").is_some());
        assert!(reason("/assets/x/").is_some());
        assert!(reason("/sw.js/").is_some());
        assert_eq!(reason("/feed.xml/"), Some((GENERATED[8].1)()));
        assert_eq!(reason("esia/feed.xml"), Some(section_feed()));
        assert_eq!(reason("/esia/feed.xml/"), Some(section_feed()));
        assert!(reason("/esia/feed/").is_none());
        assert_eq!(
            reason("gis-obrazovanie/roli/mouo/sroki.ics"),
            Some(role_calendar())
        );
        assert_eq!(reason("/roli/mouo/sroki.ics/"), Some(role_calendar()));
        assert!(reason("gis-obrazovanie/roli/sroki.ics").is_none());
        assert!(reason("gis-obrazovanie/mouo/sroki.ics").is_none());
        assert!(reason("/esia/lv/").is_none());
        assert!(reason("/lvx/").is_none());
        assert!(reason("/").is_none());
    }

    #[test]
    fn the_reasons_speak_both_languages() {
        use crate::i18n::{Lang, message_in};
        assert_eq!(
            message_in(Lang::Ru, "reserved-sw", None),
            "сюда программа записывает service worker (работа без интернета)"
        );
        assert_eq!(
            message_in(Lang::En, "reserved-sw", None),
            "the build writes the service worker (offline use) there"
        );
    }
}
