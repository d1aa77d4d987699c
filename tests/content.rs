//! The real site in `content/`: it builds without warnings, `check` is clean, every row of the
//! regulation table in the source memo is on the site, and none of the source's OCR noise is.

mod common;

use std::path::{Path, PathBuf};

use common::*;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Build the real content into a temp dir (readable HTML).
fn build_real() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let o = pamyatka(
        &repo(),
        &[
            "build",
            "--no-minify",
            "--out",
            out.path().join("public").to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Собран") && !stderr(&o).contains("Предупрежд"),
        "the real site builds without warnings:\n{}",
        stderr(&o)
    );
    out
}

fn html_files(dir: &Path) -> Vec<(PathBuf, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            (
                e.path().to_path_buf(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The row numbers of the regulation table as printed in the source memo (seed 002).
fn seed_row_numbers() -> Vec<String> {
    let seeds = repo().join("../shared/seeds");
    let seed = std::fs::read_dir(&seeds)
        .unwrap_or_else(|e| panic!("{} must be beside the repo: {e}", seeds.display()))
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("002_"))
        .expect("seed 002 (the regulation table)");
    let text = std::fs::read_to_string(seed.path()).unwrap();
    text.lines()
        .filter_map(|l| {
            let t = l.strip_prefix('\t')?.trim();
            let ok = !t.is_empty()
                && t.trim_end_matches('.')
                    .split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            ok.then(|| t.trim_end_matches('.').to_string())
        })
        .collect()
}

#[test]
fn real_site_builds_clean_and_check_passes() {
    let out = build_real();
    let public = out.path().join("public");
    for page in [
        "index.html",
        "o-portale/index.html",
        "esia/privyazka/index.html",
        "fioko/dokumenty-ekspertov/index.html",
        "regiso-edo/podklyuchenie/index.html",
        "shkola-testiruyushchaya/vnutrennyaya-pochta/index.html",
        "gis-obrazovanie/index.html",
        "gis-obrazovanie/etap-1/index.html",
        "gis-obrazovanie/roli/index.html",
        "gis-obrazovanie/roli/mouo/index.html",
        "404.html",
        "sitemap.xml",
    ] {
        assert!(public.join(page).is_file(), "{page} missing");
    }
    let o = pamyatka(&repo(), &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Every guide (a page of a section folder) shows its source block with the portal's date.
    let guides: Vec<_> = walkdir::WalkDir::new(repo().join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            name.ends_with(".md") && name != "_index.md" && e.depth() > 1
        })
        .map(|e| {
            e.path()
                .strip_prefix(repo().join("content"))
                .unwrap()
                .with_extension("")
        })
        .collect();
    assert!(guides.len() > 10, "{guides:?}");
    for guide in guides {
        for version in ["", "lv/"] {
            let page = format!("{version}{}/index.html", guide.display());
            let html = read(&public, &page);
            assert!(
                html.contains("aria-labelledby=\"source-title\"")
                    && html.contains("<dt>Обновлено на портале</dt>"),
                "{page}: no source block with the portal's date"
            );
        }
    }
}

#[test]
fn every_seed_row_of_the_regulation_table_is_rendered() {
    let seed = seed_row_numbers();
    assert_eq!(seed.len(), 52, "{seed:?}");
    let out = build_real();
    let public = out.path().join("public/gis-obrazovanie");
    let mut rendered = Vec::new();
    for (_, html) in html_files(&public) {
        for part in html.split("class=\"reg-row\"").skip(1) {
            let number = part
                .split("data-label=\"№\">")
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap();
            rendered.push(number.trim().to_string());
        }
    }
    let mut want = seed.clone();
    want.sort();
    rendered.sort();
    assert_eq!(rendered, want, "the site's rows are the seed's rows");
    // Gaps in the official numbering are kept and explained.
    assert!(!seed.contains(&"2.2.3".to_string()) && !seed.contains(&"2.5.5".to_string()));
    let m22 = std::fs::read_to_string(public.join("modul-2-2/index.html")).unwrap();
    assert!(m22.contains("2.2.3"), "the gap is named on the page");
}

#[test]
fn role_pages_list_each_roles_rows_with_deadlines() {
    let out = build_real();
    let mouo = std::fs::read_to_string(
        out.path()
            .join("public/gis-obrazovanie/roli/mouo/index.html"),
    )
    .unwrap();
    assert!(
        mouo.contains("В течение 10 дней после получения лицензии"),
        "{mouo}"
    );
    assert!(
        mouo.contains("href=\"../../etap-1/#r-1-1\""),
        "rows link to the table"
    );
    let etap1 =
        std::fs::read_to_string(out.path().join("public/gis-obrazovanie/etap-1/index.html"))
            .unwrap();
    assert!(etap1.contains("<tr id=\"r-1-1\""));
    assert!(etap1.contains("<caption"));
    assert!(etap1.contains("<th scope=\"col\""));
    assert!(
        etap1.contains("href=\"../roli/mouo/\""),
        "roles link to their pages"
    );
}

/// Every role's `sroki.ics`, read back by an independent RFC 5545 parser (the `icalendar`
/// crate): the annual and monthly deadlines of its rows, one event per year of the production
/// calendar (2024–2027), on the safe date, with UIDs that do not change between builds.
#[test]
fn role_calendars_hold_each_roles_dated_deadlines_with_stable_uids() {
    use icalendar::{CalendarComponent, Component, DatePerhapsTime};

    let (first, second) = (build_real(), build_real());
    let roli = first.path().join("public/gis-obrazovanie/roli");
    let mut counts = Vec::new();
    // (role, UID) → (start, summary, description)
    let mut seen = std::collections::BTreeMap::new();
    for role in names_in(&roli) {
        if !roli.join(&role).is_dir() {
            continue; // index.html of the roles
        }
        let rel = format!("gis-obrazovanie/roli/{role}/sroki.ics");
        let path = first.path().join("public").join(&rel);
        let page = read(
            first.path(),
            &format!("public/gis-obrazovanie/roli/{role}/index.html"),
        );
        let lv = read(
            first.path(),
            &format!("public/lv/gis-obrazovanie/roli/{role}/index.html"),
        );
        if !path.exists() {
            // A role with no dated deadline has no calendar, and its page no link to one.
            assert!(
                !page.contains("sroki.ics") && !lv.contains("sroki.ics"),
                "{role}"
            );
            continue;
        }
        // Both versions link the one file.
        assert!(page.contains("href=\"sroki.ics\""), "{role}");
        assert!(
            lv.contains(&format!("href=\"../../../../{rel}\"")),
            "{role}: the low-vision page links the same file"
        );
        assert!(page.contains(">Подписаться на сроки роли</h2>"), "{role}");
        let bytes = std::fs::read(&path).unwrap();
        // Byte-stable: the same content gives the same file (UIDs and DTSTAMP included).
        assert_eq!(
            bytes,
            std::fs::read(second.path().join("public").join(&rel)).unwrap(),
            "{rel} differs between two builds"
        );
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.ends_with("END:VCALENDAR\r\n"), "{rel}");
        for line in text.split("\r\n") {
            assert!(
                line.len() <= 75,
                "{rel}: a line of {} octets: {line}",
                line.len()
            );
            assert!(!line.contains('\n'), "{rel}: a bare LF");
        }
        let calendar: icalendar::Calendar = text.parse().unwrap_or_else(|e| panic!("{rel}: {e}"));
        let events: Vec<&icalendar::Event> = calendar
            .components
            .iter()
            .filter_map(CalendarComponent::as_event)
            .collect();
        let mut uids: Vec<&str> = events.iter().map(|e| e.get_uid().unwrap()).collect();
        uids.sort_unstable();
        let n = uids.len();
        uids.dedup();
        assert_eq!(uids.len(), n, "{rel}: UIDs are unique");
        for e in &events {
            let uid = e.get_uid().unwrap();
            assert!(uid.ends_with("@pamyatka.example"), "{uid}");
            assert_eq!(e.property_value("DTSTAMP"), Some("20261123T000000Z"));
            let Some(DatePerhapsTime::Date(start)) = e.get_start() else {
                panic!("{uid}: an all-day event")
            };
            let description = e.get_description().unwrap();
            assert!(
                description
                    .contains("Строка регламента: https://pamyatka.example/gis-obrazovanie/"),
                "{description}"
            );
            // The 2027 calendar is not yet confirmed (`confidence: medium`), 2026's is.
            let draft = description.contains("ещё не подтверждён");
            assert_eq!(
                draft,
                start.to_string().starts_with("2027"),
                "{uid}: {description}"
            );
            seen.insert(
                (role.clone(), uid.to_string()),
                (
                    start.to_string(),
                    e.get_summary().unwrap().to_string(),
                    description.to_string(),
                ),
            );
        }
        // Offline: the service worker precaches it, the bundle carries it.
        let sw = read(first.path(), "public/sw.js");
        assert!(sw.contains(&format!("\"{rel}\"")), "{rel} is not in sw.js");
        let zip = std::fs::File::open(first.path().join("public/offline.zip")).unwrap();
        let mut zip = zip::ZipArchive::new(zip).unwrap();
        let mut bundled = Vec::new();
        std::io::Read::read_to_end(
            &mut zip.by_name(&format!("pamyatka/{rel}")).unwrap(),
            &mut bundled,
        )
        .unwrap();
        assert_eq!(bundled, text.as_bytes(), "{rel} in offline.zip");
        counts.push((role, n));
    }
    // Annual rows ×4 years (ДОО: 2.1.3, 2.1.5–2.1.7); the monthly row 2.6.1 ×48 months.
    let want = [
        ("doo", 16),
        ("mouo", 48),
        ("odo", 16),
        ("ooo", 16),
        ("poo", 16),
        ("vedomstva", 48),
    ];
    assert_eq!(counts, want.map(|(r, n)| (r.to_string(), n)));
    let event = |role: &str, uid: &str| {
        seen.get(&(role.to_string(), format!("{uid}@pamyatka.example")))
            .unwrap_or_else(|| panic!("{role}: no {uid}"))
    };
    // «Ежегодно не позднее 5 сентября» in 2026: Saturday; the event is on Friday 4 September.
    let (start, summary, description) = event("doo", "gis-obrazovanie-r-2-1-5-0-2026");
    assert_eq!(start, "2026-09-04");
    assert_eq!(
        summary,
        "п.\u{a0}2.1.5 этапа\u{a0}2: Создание учебного плана"
    );
    for line in [
        "П.\u{a0}2.1.5 этапа\u{a0}2: Создание учебного плана.",
        "Срок по регламенту: «Ежегодно не позднее 5 сентября».",
        "По тексту не\u{a0}позднее\u{a0}05.09.2026 (суббота).",
        "Успеть не\u{a0}позднее\u{a0}04.09.2026 (пятница, включительно) — последний рабочий день.",
        "По\u{a0}ст.\u{a0}193\u{a0}ГК\u{a0}РФ срок переносится на\u{a0}07.09.2026 (понедельник).",
        "Строка регламента: https://pamyatka.example/gis-obrazovanie/modul-2-1/#r-2-1-5",
    ] {
        assert!(
            description.lines().any(|l| l == line),
            "{line}\n{description}"
        );
    }
    // The calendar of 2027 is a draft: its events say so.
    let (start, _, description) = event("doo", "gis-obrazovanie-r-2-1-5-0-2027");
    assert_eq!(start, "2027-09-03", "5 September 2027 is a Sunday");
    assert!(
        description.contains("на 2027\u{a0}год, который ещё не подтверждён официально"),
        "{description}"
    );
    // The cell's second, relative part gives no event; the rule index is in the UID.
    let (start, _, description) = event("doo", "gis-obrazovanie-r-2-1-3-0-2025");
    assert_eq!(start, "2025-09-05", "a Friday: no move");
    assert!(description.contains("в течение 3 рабочих дней в случае изменения"));
    assert!(
        description.contains("По\u{a0}ст.\u{a0}193\u{a0}ГК\u{a0}РФ срок не переносится"),
        "{description}"
    );
    assert!(
        !seen
            .keys()
            .any(|(_, uid)| uid.starts_with("gis-obrazovanie-r-2-1-3-1-"))
    );
    // «1 раз в месяц»: the month's last working day, the summary says it is monthly.
    let (start, summary, _) = event("mouo", "gis-obrazovanie-r-2-6-1-0-2026-05");
    assert_eq!(
        start, "2026-05-29",
        "31 May 2026 is a Sunday, the 30th a Saturday"
    );
    assert_eq!(
        summary,
        "п.\u{a0}2.6.1 этапа\u{a0}2: Контроль передаваемых сведений (1\u{a0}раз в месяц: май 2026)"
    );
}

#[test]
fn no_ocr_noise_survives() {
    let out = build_real();
    let noise = [
        "bookmark",
        "_GoBack",
        "ONOKO",
        "Altanama",
        "\u{FFFD}",
        "посо ги",
        "EPH",
    ];
    for (path, html) in html_files(&out.path().join("public")) {
        for n in noise {
            assert!(
                !html.contains(n),
                "{} contains the OCR noise {n:?}",
                path.display()
            );
        }
    }
    for entry in walkdir::WalkDir::new(repo().join("content"))
        .into_iter()
        .filter_map(Result::ok)
    {
        // The text files (the images are not text).
        let text = entry
            .file_type()
            .is_file()
            .then(|| std::fs::read(entry.path()).unwrap());
        if let Some(Ok(text)) = text.map(String::from_utf8) {
            for n in noise {
                assert!(
                    !text.contains(n),
                    "{} contains {n:?}",
                    entry.path().display()
                );
            }
        }
    }
}

#[test]
fn every_checklist_item_has_a_stable_id() {
    // Items without `{#id}` produce a warning (see markdown.rs); the real site has none, and
    // every guide has a checklist.
    let out = build_real();
    for guide in [
        "esia/privyazka",
        "fioko/dokumenty-ekspertov",
        "regiso-edo/podklyuchenie",
        "shkola-testiruyushchaya/vnutrennyaya-pochta",
    ] {
        let html =
            std::fs::read_to_string(out.path().join(format!("public/{guide}/index.html"))).unwrap();
        assert!(
            html.contains("class=\"checklist\""),
            "{guide} has a checklist"
        );
        let ids: Vec<&str> = html
            .split("data-item=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
            .collect();
        assert!(!ids.is_empty());
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{guide}: ids are unique");
    }
}

#[test]
fn glossary_terms_become_abbr() {
    let out = build_real();
    let html =
        std::fs::read_to_string(out.path().join("public/esia/privyazka/index.html")).unwrap();
    assert!(
        html.contains("<abbr title=\"Единая система идентификации и аутентификации\">ЕСИА</abbr>"),
        "{html}"
    );
}

#[test]
fn every_anchor_the_readiness_check_links_to_exists_on_the_esia_guide() {
    let dir = build_real();
    let html =
        std::fs::read_to_string(dir.path().join("public/esia/privyazka/index.html")).unwrap();
    for anchor in pamyatka_checks::account::anchors::all() {
        assert!(
            html.contains(&format!("id=\"{anchor}\"")),
            "#{anchor} is not on /esia/privyazka/"
        );
    }
}

/// The guide's source has every anchor the readiness check links to, and every field the shipped
/// readiness rule requires has one (the check's unit tests use a frozen copy of the rule and
/// do not read the guide, so that editing `content/` does not break them: this test does).
#[test]
fn the_esia_guide_and_readiness_rule_have_the_anchors_the_readiness_check_links_to() {
    use pamyatka_checks::account::{ReadinessRule, anchors};

    let rule_path = "content/esia/readiness-rule.yaml";
    let rule: ReadinessRule =
        serde_norway::from_str(&std::fs::read_to_string(repo().join(rule_path)).unwrap())
            .unwrap_or_else(|e| panic!("{rule_path} does not match the types: {e}"));
    for f in &rule.required_fields {
        assert!(
            anchors::FIELDS.iter().any(|(id, _)| *id == f.id),
            "{rule_path}: the required field `{}` has no checklist item the readiness check can \
             link to (it knows {:?}): use one of those ids, or ask a developer to add it to \
             `anchors::FIELDS` in wasm/src/account/readiness.rs",
            f.id,
            anchors::FIELDS
                .iter()
                .map(|(id, _)| *id)
                .collect::<Vec<_>>()
        );
    }

    let guide_path = "content/esia/privyazka.md";
    let guide = std::fs::read_to_string(repo().join(guide_path)).unwrap();
    for anchor in anchors::all() {
        // A checklist item `{#pole-snils}` is the element `cl-pole-snils` (the test above
        // checks the built page itself).
        let id = anchor.strip_prefix("cl-").unwrap_or(anchor);
        assert!(
            guide.contains(&format!("{{#{id}}}")),
            "{guide_path} has no `{{#{id}}}`, and the readiness check on that page links to \
             #{anchor}: put `{{#{id}}}` back at the end of its heading or checklist item, or \
             ask a developer to change `anchors` in wasm/src/account/readiness.rs too"
        );
    }
}

/// Searches the index the site ships as the browser does: the manifest first, then only the
/// pieces (`search/t<n>.js`, `search/d<n>.js`) the query needs.
fn shipped_search(dir: &Path, q: &str, n: usize) -> pamyatka_checks::search::Results {
    pamyatka::search_index::search_built(&dir.join("public"), q, n).unwrap()
}

#[test]
fn russian_queries_in_any_form_find_their_pages() {
    let dir = build_real();
    let top = |q: &str, n: usize| -> Vec<String> {
        shipped_search(dir.path(), q, n)
            .hits
            .into_iter()
            .map(|h| h.url)
            .collect()
    };
    // The example: a verb and a noun in other forms than the row's title. The
    // parent's guide (a heading says «паролю», the text «Восстановить пароль») comes before
    // the administrators' rows, whose titles have both words.
    let hits = top("пароль восстановить", 3);
    assert_eq!(hits[0], "esia/privyazka/", "{hits:?}");
    assert!(
        hits[1].starts_with("gis-obrazovanie/") && hits[1].contains("#r-2-"),
        "{hits:?}"
    );
    assert_eq!(top("восстановить пароль", 3), hits);
    for (query, page) in [
        ("привязать госуслуги к дневнику", "esia/privyazka/"),
        ("архивы документов экспертов", "fioko/dokumenty-ekspertov/"),
        ("заявлению о присоединении", "regiso-edo/podklyuchenie/"),
        (
            "внутренней почтой",
            "shkola-testiruyushchaya/vnutrennyaya-pochta/",
        ),
        ("единой системы идентификации", "esia/privyazka/"),
        ("снилс", "fioko/dokumenty-ekspertov/"),
    ] {
        let hits = top(query, 5);
        assert!(
            hits.iter().any(|u| u == page),
            "«{query}» → {hits:?}, expected {page}"
        );
    }
    assert!(top("абракадабра", 5).is_empty());
}

/// Issue #18 item 5: what a parent types on a phone finds the pages.
#[test]
fn the_search_forgives_typos_look_alikes_and_other_words() {
    let dir = build_real();
    let search = |q: &str| shipped_search(dir.path(), q, 5);
    let urls = |q: &str| -> Vec<String> { search(q).hits.into_iter().map(|h| h.url).collect() };
    // a typo: found by its correction, which is offered
    let r = search("госуслги");
    assert_eq!(r.correction.as_deref(), Some("госуслуги"));
    assert_eq!(urls("госуслги"), urls("госуслуги"));
    // a Latin «C»
    assert_eq!(urls("Cнилс"), urls("снилс"));
    assert!(urls("Cнилс").contains(&"fioko/dokumenty-ekspertov/".to_string()));
    assert_eq!(search("Cнилс").correction, None);
    // the synonym list: детсад → детский сад, ДОО
    assert_eq!(urls("детсад")[0], "gis-obrazovanie/modul-2-2/");
    assert_eq!(search("детсад").correction, None);
}

/// Every link and source inside the offline bundle leads to a file of the bundle: from a USB
/// stick there is nothing else (the footer's sitemap link once led to a file the bundle does
/// not carry).
#[test]
fn every_link_inside_the_offline_bundle_resolves_inside_it() {
    let out = build_real();
    let bytes = std::fs::read(out.path().join("public/offline.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: std::collections::HashSet<String> = zip.file_names().map(String::from).collect();
    let mut dead = Vec::new();
    let mut seen = 0;
    for name in names.iter().filter(|n| n.ends_with(".html")) {
        let mut html = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut html).unwrap();
        let dir = name.rsplit_once('/').map_or("", |(d, _)| d);
        for attr in ["href=\"", "src=\""] {
            for (at, _) in html.match_indices(attr) {
                let rest = &html[at + attr.len()..];
                let url = &rest[..rest.find('"').unwrap_or(0)];
                let path = url.split(['#', '?']).next().unwrap_or("");
                let outside = ["http:", "https:", "mailto:", "tel:", "data:", "blob:"];
                if path.is_empty() || outside.iter().any(|s| url.starts_with(s)) {
                    continue;
                }
                seen += 1;
                let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
                for part in path.split('/') {
                    match part {
                        "" | "." => {}
                        ".." => {
                            parts.pop();
                        }
                        p => parts.push(p),
                    }
                }
                let target = parts.join("/").replace("%20", " ");
                if !names.contains(&target) {
                    dead.push(format!("{name}: {url}"));
                }
            }
        }
    }
    assert!(seen > 1000, "{seen} links read");
    dead.sort();
    dead.dedup();
    assert!(
        dead.is_empty(),
        "{} dead links, e.g.: {:#?}",
        dead.len(),
        &dead[..dead.len().min(20)]
    );
}
