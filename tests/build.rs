//! Builds real fixture sites with the `pamyatka` binary and asserts on the HTML.

mod common;

use common::*;

#[test]
fn builds_every_page_sitemap_and_404() {
    let dir = site("basic");
    let o = pamyatka(dir.path(), &["build", "--no-minify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let root = dir.path();
    for page in [
        "public/index.html",
        "public/guides/index.html",
        "public/guides/esia/index.html",
        "public/guides/archive/index.html",
        "public/404.html",
        // made by the build when the site has no content/poisk.md: the header's form goes there
        "public/poisk/index.html",
        "public/lv/guides/esia/index.html",
        "public/search-index.js",
        "public/offline.zip",
    ] {
        assert!(root.join(page).is_file(), "{page} missing");
    }
    let sitemap = read(root, "public/sitemap.xml");
    assert!(
        sitemap.contains(
            "<loc>https://pamyatki.edu22.info/memo/guides/esia/</loc><lastmod>2025-09-01</lastmod>"
        ),
        "{sitemap}"
    );
    assert_eq!(
        sitemap.matches("<url>").count(),
        5,
        "normal pages only: {sitemap}"
    );
    assert!(
        root.join("public/guides/schema.png").is_file(),
        "static files are copied"
    );
    let notfound = read(root, "public/404.html");
    assert!(notfound.contains("Страница не найдена"));
    assert!(
        notfound.contains("href=\"/guides/\""),
        "404 keeps site-absolute links: {notfound}"
    );
}

#[test]
fn a_guide_shows_its_source_and_the_portals_date_in_both_versions() {
    let dir = site("basic");
    let o = pamyatka(dir.path(), &["build", "--no-minify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for prefix in ["public", "public/lv"] {
        let html = read(dir.path(), &format!("{prefix}/guides/archive/index.html"));
        let source = html
            .split("<aside class=\"source\" aria-labelledby=\"source-title\">")
            .nth(1)
            .unwrap_or_else(|| panic!("{prefix}: no source block"))
            .split("</aside>")
            .next()
            .unwrap();
        for part in [
            "<dt>Памятка</dt><dd>Порядок работы с личным кабинетом</dd>",
            // What the memo does not say is a fact about the memo, not a name.
            "<dt>Кто выпустил</dt><dd><span class=\"source__none\">в памятке не указано</span></dd>",
            "<dt>Регион</dt><dd><span class=\"source__none\">в памятке не указано</span></dd>",
            "<dt>Дата или версия</dt><dd>версия&nbsp;1.1</dd>",
            "<dt>Обновлено на портале</dt><dd><time datetime=\"2025-09-01\">01.09.2025</time></dd>",
        ] {
            assert!(source.contains(part), "{prefix}: {part} not in {source}");
        }
        // The date is in the source block, not said twice.
        assert!(!html.contains("<p class=\"updated\">"), "{prefix}");
        let esia = read(dir.path(), &format!("{prefix}/guides/esia/index.html"));
        assert!(
            esia.contains("<dt>Кто выпустил</dt><dd>ЦИТТО</dd>")
                && esia.contains("<dt>Дата или версия</dt><dd>15.01.2024</dd>"),
            "{prefix}: {esia}"
        );
    }
}

#[test]
fn markdown_features_render() {
    let dir = site("basic");
    let o = pamyatka(dir.path(), &["build", "--no-minify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(dir.path(), "public/guides/esia/index.html");
    // heading ids: generated (Cyrillic) and explicit
    assert!(html.contains("<h2 id=\"шаг-1-регистрация\">"), "{html}");
    assert!(html.contains("<h2 id=\"podtverzhdenie\">"));
    // checklist with stable ids
    assert!(html.contains("id=\"cl-passport\""));
    assert!(html.contains("<label for=\"cl-snils\">СНИЛС</label>"));
    // callout
    assert!(html.contains("callout--warning"));
    // links to .md files resolve, relative to the page
    assert!(
        html.contains("href=\"../archive/#%D1%87%D1%82%D0%BE-"),
        "{html}"
    );
    // external links get noopener
    assert!(html.contains("href=\"https://www.gosuslugi.ru\" rel=\"noopener\""));
    // glossary abbreviations, whole words only
    assert!(html.contains("<abbr title=\"Идентификационный номер налогоплательщика\">ИНН</abbr>"));
    assert!(html.contains("Инна — не <abbr"));
    // table, code highlighting with classes
    assert!(html.contains("<div class=\"table-wrap\""));
    assert!(html.contains("class=\"hl-"));
    assert!(!html.contains("style=\""), "no inline styles");
    // fingerprinted stylesheet, relative
    // read_dir order is unspecified: pick the main stylesheet by name
    let name = std::fs::read_dir(dir.path().join("public/assets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("style.") && n.ends_with(".css"))
        .expect("a stylesheet in public/assets");
    assert!(
        name.starts_with("style.") && name.len() > "style..css".len() + 8,
        "{name}"
    );
    assert!(html.contains(&format!("href=\"../../assets/{name}\"")));
    // source metadata, dates in Russian format
    assert!(html.contains("15.01.2024"));
    assert!(html.contains("datetime=\"2025-09-01\">01.09.2025"));
    // home links
    let home = read(dir.path(), "public/index.html");
    assert!(home.contains("href=\"guides/esia/\""), "{home}");
    // (its first use on the page, expanded in the text)
    assert!(home.contains("<abbr class=\"abbr--first\">ВПР СПО</abbr> (Всероссийские проверочные работы в системе среднего профессионального образования)"), "{home}");
}

/// Stylesheets and scripts are minified (and the pages link the minified files); with
/// `--no-minify` they are served as written.
#[test]
fn minified_assets_are_smaller_and_still_complete() {
    let asset = |dir: &std::path::Path, prefix: &str| -> (String, String) {
        let name = std::fs::read_dir(dir.join("public/assets"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .find(|n| n.starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix}* in public/assets"));
        let text = read(dir, &format!("public/assets/{name}"));
        (name, text)
    };
    let dir = site("basic");
    assert!(
        pamyatka(dir.path(), &["build", "--no-minify"])
            .status
            .success()
    );
    let (_, css) = asset(dir.path(), "style.");
    let (_, js) = asset(dir.path(), "checklist.");
    assert!(css.contains("/*") && js.contains("//"), "as written");
    assert!(pamyatka(dir.path(), &["build"]).status.success());
    let (css_name, min_css) = asset(dir.path(), "style.");
    let (_, min_js) = asset(dir.path(), "checklist.");
    assert!(
        min_css.len() < css.len() * 9 / 10,
        "{} of {}",
        min_css.len(),
        css.len()
    );
    assert!(
        min_js.len() < js.len() * 9 / 10,
        "{} of {}",
        min_js.len(),
        js.len()
    );
    assert!(
        !min_css.contains("/*") && min_css.contains(".checklist"),
        "{min_css}"
    );
    assert!(min_js.contains("localStorage"), "{min_js}");
    let page = read(dir.path(), "public/guides/esia/index.html");
    assert!(
        page.contains(&css_name),
        "the page links the minified stylesheet"
    );
}

/// The home page says how big the bundle is; the bundle's pages open from `file://` and leave
/// out the link to the bundle itself. (Pages are written as they render; the home pages wait
/// for the bundle's size.)
#[test]
fn offline_bundle_and_the_size_the_home_page_gives() {
    let dir = site("basic");
    let o = pamyatka(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(dir.path().join("public/offline.zip")).unwrap();
    let size = if bytes.len() < 1024 * 1024 {
        format!("{} КБ", bytes.len().div_ceil(1024))
    } else {
        format!("{:.1} МБ", bytes.len() as f64 / 1048576.0).replace('.', ",")
    };
    for home in ["public/index.html", "public/lv/index.html"] {
        let html = read(dir.path(), home);
        assert!(
            html.contains(&format!("(ZIP, {size})")),
            "{home}: {size}: {html}"
        );
        assert!(!html.contains("%%"), "{home}");
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let home = text("pamyatka/index.html");
    assert!(
        !home.contains("offline.zip") && !home.contains("%%"),
        "{home}"
    );
    assert!(home.contains("href=\"guides/esia/index.html\""), "{home}");
    let lv = text("pamyatka/lv/guides/esia/index.html");
    let served = read(dir.path(), "public/lv/guides/esia/index.html");
    assert!(
        served.contains("rel=\"next\" href=\"../archive/\""),
        "{served}"
    );
    assert!(
        lv.contains("rel=\"next\" href=\"../archive/index.html\""),
        "{lv}"
    );
    assert!(lv.contains("href=\"../../../guides/esia/index.html\" data-variant-switch"));
    assert!(lv.contains("script-src 'self' file: 'wasm-unsafe-eval'"));
    // The guide's screenshot: behind a control in the low-vision version.
    assert!(
        lv.contains("<details class=\"shot__more\"><summary>Показать изображение</summary>"),
        "{lv}"
    );
}

#[test]
fn check_passes_on_a_good_site_and_locates_broken_anchors() {
    let dir = site("basic");
    let o = pamyatka(dir.path(), &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!dir.path().join("public").exists(), "check writes nothing");

    let dir = site("check-anchor");
    let o = pamyatka(dir.path(), &["check"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("content/a.md:6:11"), "{err}");
    assert!(
        err.contains("На странице /b/ нет `#несуществующий-раздел`"),
        "{err}"
    );
    // The same in English, with the same code and position.
    let o = pamyatka_en(dir.path(), &["check"]);
    let err = stderr(&o);
    assert!(err.contains("content/a.md:6:11"), "{err}");
    assert!(err.contains("anchor"), "{err}");
    assert!(
        err.contains("`#несуществующий-раздел` does not exist on /b/"),
        "{err}"
    );
}

/// Markdown links that name no `.md` file are checked too, resolved from the page's address as
/// a browser does (in both versions of the page), and reported where they are written.
#[test]
fn check_locates_broken_links_that_name_no_md_file() {
    let dir = site("basic");
    let page = dir.path().join("content/guides/esia.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let first = text.lines().count() + 2;
    let links = [
        "[раздел](../) и [картинка](/guides/schema.png) в порядке.",
        "[нет](nope/)",
        "[нет-страницы](../nope-page/)",
        "[архив](../archive/#нет-такого)",
        "[схема](schema.png)",
        "[схема-отн](../schema.png)",
    ];
    std::fs::write(&page, format!("{text}\n{}\n", links.join("\n"))).unwrap();
    let o = pamyatka(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace("\n  │ ", " ");
    let at = |i: usize| format!("content/guides/esia.md:{}:1: ", first + i);
    for expected in [
        format!(
            "{}Ссылка на `nope/`: /guides/esia/nope/ нет на сайте",
            at(1)
        ),
        format!(
            "{}Ссылка на `../nope-page/`: /guides/nope-page/ нет на сайте",
            at(2)
        ),
        format!("{}На странице /guides/archive/ нет `#нет-такого`", at(3)),
        format!(
            "{}Ссылка на `schema.png`: /guides/esia/schema.png нет на сайте",
            at(4)
        ),
        "напишите ссылку от корня сайта, `/guides/schema.png`".to_string(),
        format!(
            "{}Ссылка на `../schema.png`: из версии для слабовидящих она ведёт на /lv/guides/schema.png",
            at(5)
        ),
    ] {
        assert!(err.contains(&expected), "{expected}\n{err}");
    }
    // In English, the same problems at the same places.
    let o = pamyatka_en(dir.path(), &["check"]);
    let err = stderr(&o).replace("\n  │ ", " ");
    for expected in [
        format!(
            "{}link to `nope/`: /guides/esia/nope/ is not part of the site",
            at(1)
        ),
        format!("{}`#нет-такого` does not exist on /guides/archive/", at(3)),
        "write the link from the site's root, `/guides/schema.png`".to_string(),
        format!(
            "{}link to `../schema.png`: it leads to /lv/guides/schema.png",
            at(5)
        ),
    ] {
        assert!(err.contains(&expected), "{expected}\n{err}");
    }
    assert!(!err.contains(&at(0)), "{err}");
    assert!(err.contains("Check failed: 5 problems"), "{err}");
}

/// `check` writes nothing, so its failure does not speak of an output "left as it was".
#[test]
fn failed_check_says_it_wrote_nothing() {
    let dir = site("invalid/broken-link");
    let o = pamyatka(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("Проверка не пройдена: 1 ошибка; ничего не записано"),
        "{err}"
    );
    assert!(
        !err.contains("Сборка не удалась") && !err.contains("прежняя версия"),
        "{err}"
    );
    assert!(!dir.path().join("public").exists(), "check writes nothing");
}

#[test]
fn failed_build_leaves_previous_output_byte_for_byte() {
    let dir = site("basic");
    assert!(pamyatka(dir.path(), &["build"]).status.success());
    let before = snapshot_tree(&dir.path().join("public"));
    // Break one page.
    std::fs::write(
        dir.path().join("content/guides/archive.md"),
        "---\ntitle: [\n---\n",
    )
    .unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert!(!o.status.success());
    assert_eq!(snapshot_tree(&dir.path().join("public")), before);
    assert_eq!(
        names_in(dir.path()),
        [
            ".pamyatka",
            ".public.cache",
            ".public.lock",
            "content",
            "public"
        ],
        "nothing left over"
    );
}

/// `serve` stops its catch-up build when a file changes: a stopped build writes nothing.
#[test]
fn stopped_build_leaves_previous_output_byte_for_byte() {
    use std::sync::atomic::AtomicBool;
    let dir = site("basic");
    assert!(pamyatka(dir.path(), &["build"]).status.success());
    let public = dir.path().join("public");
    let before = snapshot_tree(&public);
    let page = dir.path().join("content/guides/esia.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\nСлово-маркер Остановленный.\n")).unwrap();
    let opts = pamyatka::pipeline::BuildOptions {
        root: dir.path().to_path_buf(),
        out: public.clone(),
        minify: false,
        cache: pamyatka::pipeline::CacheUse::Off,
    };
    let stopped = pamyatka::pipeline::build_result_until(&opts, &AtomicBool::new(true));
    assert!(stopped.is_none(), "a build told to stop reports no result");
    assert_eq!(snapshot_tree(&public), before);
    // What it had written is kept for the next full build to write over (`output::recycle_dir`).
    assert_eq!(
        names_in(dir.path()),
        [
            ".pamyatka",
            ".public.cache",
            ".public.lock",
            ".public.recycle",
            "content",
            "public"
        ],
        "no staging folder left over"
    );
    // Not told to stop: the same call builds the edit.
    let built = pamyatka::pipeline::build_result_until(&opts, &AtomicBool::new(false))
        .expect("not stopped");
    assert!(built.outcome.is_ok());
    assert!(read(dir.path(), "public/guides/esia/index.html").contains("Остановленный"));
}

/// Pages and files of content/ where the build writes its own (the low-vision version, the
/// service worker, a page, the role pages of a regulation table) fail the build, each named,
/// and the previous output stays.
#[test]
fn content_cannot_take_the_paths_the_build_writes() {
    let dir = site("basic");
    assert!(pamyatka(dir.path(), &["build"]).status.success());
    let before = snapshot_tree(&dir.path().join("public"));
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("lv/guides")).unwrap();
    std::fs::copy(
        content.join("guides/esia.md"),
        content.join("lv/guides/esia.md"),
    )
    .unwrap();
    std::fs::copy(
        content.join("guides/_index.md"),
        content.join("lv/_index.md"),
    )
    .unwrap();
    std::fs::copy(content.join("guides/_index.md"), content.join("search.md")).unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert_eq!(o.status.code(), Some(1));
    // miette wraps long messages: read them as one line.
    let err = stderr(&o).replace("\n  │ ", " ");
    for at in [
        "content/lv/_index.md:1:1: Эта страница была бы опубликована по адресу /lv/, но он занят",
        "content/lv/guides/esia.md:1:1: Эта страница была бы опубликована по адресу /lv/guides/esia/,",
        "content/search.md:1:1: Эта страница была бы опубликована по адресу /search/, но он занят",
        "программа публикует версию для слабовидящих каждой страницы в /lv/",
        "сюда программа записывает части поискового индекса",
        "подсказка: пишите каждую страницу один раз, вне content/lv/",
    ] {
        assert!(err.contains(at), "{at}\n{err}");
    }
    assert!(err.contains("Сборка не удалась: 3 ошибки"), "{err}");
    assert_eq!(snapshot_tree(&dir.path().join("public")), before);
    let o = pamyatka(dir.path(), &["check"]);
    assert!(!o.status.success() && stderr(&o).contains("опубликована по адресу /lv/"));

    // Files copied as they are.
    let dir = site("basic");
    let content = dir.path().join("content");
    // (A script file is refused as such: see raw_html_that_runs_script_fails_check_as_it_fails_build.)
    std::fs::write(content.join("sitemap.xml"), "<urlset/>").unwrap();
    std::fs::create_dir_all(content.join("guides/esia")).unwrap();
    std::fs::write(content.join("guides/esia/index.html"), "<p>mine</p>").unwrap();
    std::fs::write(content.join("guides/blank.pdf"), "%PDF").unwrap();
    std::fs::create_dir_all(content.join("assets")).unwrap();
    std::fs::copy(
        content.join("guides/schema.png"),
        content.join("assets/logo.png"),
    )
    .unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert_eq!(o.status.code(), Some(1));
    // miette wraps long messages: read them as one line.
    let err = stderr(&o).replace("\n  │ ", " ");
    assert!(
        err.contains(
            "Файл content/sitemap.xml был бы скопирован в sitemap.xml, но этот путь занят: сюда программа"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "Файл content/guides/esia/index.html был бы скопирован в guides/esia/index.html,"
        ),
        "{err}"
    );
    assert!(err.contains("сюда программа записывает страницу"), "{err}");
    assert!(
        err.contains("Файл content/assets/logo.png был бы скопирован в assets/logo.png, но этот путь занят: сюда программа записывает стили"),
        "{err}"
    );
    let o = pamyatka_en(dir.path(), &["build"]);
    let err = stderr(&o).replace("\n  │ ", " ");
    assert!(
        err.contains("content/assets/logo.png would be copied to assets/logo.png, which is reserved: the build writes the stylesheets"),
        "{err}"
    );
    assert!(err.contains("Build failed: 3 errors"), "{err}");
    assert!(!dir.path().join("public").exists());
    std::fs::remove_file(content.join("sitemap.xml")).unwrap();
    std::fs::remove_file(content.join("guides/esia/index.html")).unwrap();
    std::fs::remove_dir_all(content.join("assets")).unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(read(dir.path(), "public/guides/blank.pdf"), "%PDF");

    // The folder of a regulation table's role pages.
    let dir = site("invalid/bad-deadline");
    let table = dir.path().join("content/regulations/table.yaml");
    let text = std::fs::read_to_string(&table).unwrap();
    std::fs::write(
        &table,
        text.replace("В течение нескольких дней", "В течение 3 рабочих дней"),
    )
    .unwrap();
    assert!(
        pamyatka(dir.path(), &["build"]).status.success(),
        "the fixture builds once its deadline is readable"
    );
    let roli = dir.path().join("content/reg/roli");
    std::fs::create_dir_all(&roli).unwrap();
    std::fs::write(roli.join("zametka.md"), "---\ntitle: \"Заметка\"\n---\n").unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert_eq!(o.status.code(), Some(1));
    // miette wraps long messages: read them as one line.
    let err = stderr(&o).replace("\n  │ ", " ");
    assert!(
        err.contains(
            "content/reg/roli/zametka.md:1:1: Эта страница была бы опубликована по адресу /reg/roli/"
        ),
        "{err}"
    );
    // (miette may wrap the long line after a `/`: its parts are read apart.)
    assert!(
        err.contains("программа создаёт страницы ролей таблиц регламента (content/"),
        "{err}"
    );
    assert!(err.contains("regulations/) в /reg/roli/"), "{err}");
    // A role's calendar (`sroki.ics`), whether the role has dated deadlines yet or not.
    std::fs::remove_file(roli.join("zametka.md")).unwrap();
    std::fs::create_dir_all(roli.join("mouo")).unwrap();
    std::fs::write(roli.join("mouo/sroki.ics"), "BEGIN:VCALENDAR").unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace("\n  │ ", " ");
    assert!(
        err.contains("Файл content/reg/roli/mouo/sroki.ics был бы скопирован в reg/roli/mouo/sroki.ics, но этот путь занят: сюда программа записывает календарь сроков роли регламента"),
        "{err}"
    );
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_make() {
    let dir = site("basic");
    let foreign = dir.path().join("mine");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("thesis.docx"), b"important").unwrap();
    let o = pamyatka(dir.path(), &["build", "--out", "mine"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("нельзя заменить"), "{}", stderr(&o));
    let o = pamyatka_en(dir.path(), &["build", "--out", "mine"]);
    assert!(stderr(&o).contains("refusing to replace"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(foreign.join("thesis.docx")).unwrap(),
        b"important"
    );
}

#[test]
fn new_guide_scaffold_builds_cleanly() {
    let dir = site("basic");
    let o = pamyatka(dir.path(), &["new", "guide", "guides/novaya-pamyatka"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = pamyatka(dir.path(), &["build", "--no-minify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        dir.path()
            .join("public/guides/novaya-pamyatka/index.html")
            .is_file()
    );
    let again = pamyatka(dir.path(), &["new", "guide", "guides/novaya-pamyatka"]);
    assert!(!again.status.success());
}

/// A guide in a new folder comes with the folder's `_index.md`: without it every page's
/// navigation links to a section page that is never made, and `check` fails.
#[test]
fn new_guide_in_a_new_section_creates_the_section_page() {
    let dir = site("basic");
    let o = pamyatka(dir.path(), &["new", "guide", "novyj/stranica"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("novyj/_index.md: страница нового раздела")
            && err.contains("впишите настоящие заголовок и описание"),
        "{err}"
    );
    let o = pamyatka(dir.path(), &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = pamyatka(dir.path(), &["build", "--no-minify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("Собран"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("Предупрежд"), "{}", stderr(&o));
    assert!(dir.path().join("public/novyj/index.html").is_file());
}

#[test]
fn verbose_prints_phase_timings() {
    let dir = site("basic");
    let o = pamyatka(dir.path(), &["build", "--verbose"]);
    let err = stderr(&o);
    for phase in ["чтение", "шаблоны", "страницы", "запись"] {
        assert!(err.contains(phase), "{err}");
    }
}

#[test]
fn site_templates_override_the_builtin_ones() {
    let dir = site("basic");
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}<p class=\"custom\">{{ page.title }} — {{ data.contacts.support.email }}</p>{% endblock content %}",
    )
    .unwrap();
    let o = pamyatka(dir.path(), &["build", "--no-minify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(dir.path(), "public/guides/esia/index.html");
    assert!(
        html.contains("<p class=\"custom\">Подтверждение учётной записи <abbr"),
        "{html}"
    );
    assert!(
        html.contains("help@example.org"),
        "data files reach templates"
    );
}

#[test]
fn a_site_overrides_a_widgets_template() {
    let dir = site("basic");
    std::fs::write(
        dir.path().join("content/guides/srok.md"),
        "---\ntitle: \"Срок\"\n---\n## Посчитать\n\n```deadline\nlabel: Срок ответа\nrule: В течение 10 рабочих дней\n```\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("templates/partials/widgets")).unwrap();
    std::fs::write(
        dir.path().join("templates/partials/widgets/deadline.html"),
        "<section class=\"my-calc\" data-calc><h{{ widget.heading }}>{{ widget.label }}</h{{ widget.heading }}><p>Считаем: {{ widget.rule }}, поле «{{ widget.event | default(value=\"дата\") }}»</p></section>\n",
    )
    .unwrap();
    let o = pamyatka(dir.path(), &["build", "--no-minify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for page in [
        "public/guides/srok/index.html",
        "public/lv/guides/srok/index.html",
    ] {
        let html = read(dir.path(), page);
        assert!(
            html.contains("<section class=\"my-calc\" data-calc><h3>Срок ответа</h3><p>Считаем: В течение 10 рабочих дней, поле «дата»</p></section>"),
            "{page}: {html}"
        );
        assert!(
            !html.contains("widget__title"),
            "{page}: the built-in one is gone"
        );
    }
}

#[test]
fn widgets_load_their_module_only_where_they_are() {
    let dir = site("basic");
    std::fs::write(
        dir.path().join("content/guides/srok.md"),
        "---\ntitle: \"Срок\"\n---\n## Посчитать\n\n```deadline\nlabel: Срок ответа\nrule: В течение 2 часов после получения\nevent: Когда получили\n```\n",
    )
    .unwrap();
    let o = pamyatka(dir.path(), &["build", "--no-minify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(dir.path(), "public/guides/srok/index.html");
    // The widget nests its heading under the section's h2, carries the parsed rule, and asks
    // for a time because the rule counts hours.
    assert!(
        html.contains("<h3 id=\"widget-1\" class=\"widget__title\">Срок ответа</h3>"),
        "{html}"
    );
    assert!(
        html.contains("data-rules=\"[{&quot;kind&quot;:&quot;hours&quot;,&quot;hours&quot;:2"),
        "{html}"
    );
    assert!(html.contains("<label for=\"widget-1-date\">Когда получили</label>"));
    assert!(html.contains("type=\"time\""));
    // Its scripts and the calendar, and no other module.
    assert!(html.contains("assets/checks-deadline."));
    assert!(html.contains("assets/calc."));
    assert!(html.contains("<script type=\"application/json\" id=\"pamyatka-calendar\">"));
    assert!(!html.contains("checks-archive"));
    assert!(!html.contains("checks-account"));
    // No inline script anywhere: every <script> has a src or is JSON data (CSP script-src 'self').
    for page in [
        "public/guides/srok/index.html",
        "public/guides/esia/index.html",
        "public/index.html",
    ] {
        let html = read(dir.path(), page);
        for tag in html.split("<script").skip(1) {
            let open = &tag[..tag.find('>').unwrap()];
            assert!(
                open.contains(" src=") || open.contains("type=\"application/json\""),
                "{page}: inline script <script{open}>"
            );
        }
        assert!(
            html.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{page}: CSP"
        );
    }
    // The same policy, plus what only a header can say, for hosts that read _headers.
    let headers = read(dir.path(), "public/_headers");
    assert!(
        headers.contains(
            "Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval';"
        ),
        "{headers}"
    );
    assert!(headers.contains("frame-ancestors 'none'"));
    // The service worker precaches both versions of the page and the module, not the zip.
    let sw = read(dir.path(), "public/sw.js");
    assert!(
        sw.contains("\"guides/srok/\"") && sw.contains("\"lv/guides/srok/\""),
        "{sw}"
    );
    assert!(sw.contains("assets/checks-deadline."));
    assert!(!sw.contains("offline.zip"));
    // A page without widgets loads no WASM.
    let plain = read(dir.path(), "public/guides/esia/index.html");
    assert!(!plain.contains("checks-"), "{plain}");
}

#[test]
fn accessibility_lints_warn_on_build_and_fail_check_with_locations() {
    let dir = site("lint");
    let o = pamyatka(dir.path(), &["build"]);
    assert!(
        o.status.success(),
        "lints do not stop a build: {}",
        stderr(&o)
    );
    let err = stderr(&o);
    // Counted once, by the summary line.
    assert!(err.contains("Предупреждений: 3 "), "{err}");
    let o = pamyatka(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("content/a.md:6:1: пропущен уровень заголовка: после h2 идёт h4"),
        "{err}"
    );
    assert!(
        err.contains("content/a.md:8:1: у картинки нет текстового описания (alt)"),
        "{err}"
    );
    assert!(
        err.contains("content/a.md:10:11: текст ссылки «нажмите здесь» не говорит, куда она ведёт"),
        "{err}"
    );
    assert!(err.contains("Проверка не пройдена: 3 проблемы"), "{err}");
}

#[test]
fn raw_html_that_runs_script_fails_check_as_it_fails_build() {
    let dir = site("invalid/raw-html");
    let o = pamyatka(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for found in [
        "content/a.md:7:6: атрибут-обработчик событий `onclick` в HTML-коде страницы",
        "content/a.md:11:20: адрес `javascript:` в атрибуте `href`",
        "content/a.md:11:59: адрес `javascript:` в ссылке",
        "content/a.md:13:1: `<script>` в HTML-коде страницы",
        "content/a.md:15:1: `<meta http-equiv>` в HTML-коде страницы",
    ] {
        assert!(err.contains(found), "{found}\n{err}");
    }
    assert!(!dir.path().join("public").exists(), "check writes nothing");
    // Without them the page builds, its pasted markup kept.
    let page = dir.path().join("content/a.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let text = text
        .replace(
            "     OnClick=\"window.location='https://example.org'\">",
            "     >",
        )
        .replace("java&#x09;script:alert(1)", "https://example.org/")
        .replace("JavaScript:void(0)", "https://example.org/")
        .replace("<SCRIPT src=\"/fioko/helper.js\"></SCRIPT>", "")
        .replace(
            "<meta http-equiv=\"refresh\" content=\"0; url=https://example.org\">",
            "",
        );
    std::fs::write(&page, text).unwrap();
    let o = pamyatka(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(dir.path(), "public/a/index.html").contains("<div class=\"MsoNormal\""));
}

/// A section of 15 pages: each page lists the 3 steps either side of it (numbered as in the
/// whole section), says which step it is and links to the section's page for the rest; the
/// low-vision pages do the same inside /lv/.
#[test]
fn long_sections_list_the_steps_around_the_page_in_both_versions() {
    let dir = site("basic");
    let section = with_section(
        dir.path(),
        "dlinnyj",
        "title: \"Длинный раздел\"\nweight: 5",
    );
    for n in 1..=15 {
        std::fs::write(
            section.join(format!("shag-{n:02}.md")),
            format!("---\ntitle: \"Шаг номер {n}\"\nweight: {n}\n---\n\nТекст шага {n}.\n"),
        )
        .unwrap();
    }
    let o = pamyatka(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (prefix, up) in [("", "../"), ("lv/", "../")] {
        let html = read(
            dir.path(),
            &format!("public/{prefix}dlinnyj/shag-08/index.html"),
        );
        let nav = &html[html.find("<nav class=\"steps\"").expect("step nav")..];
        let nav = &nav[..nav.find("</nav>").unwrap()];
        assert!(nav.contains("Длинный раздел: шаг 8 из 15"), "{nav}");
        let listed: Vec<&str> = nav
            .match_indices("value=\"")
            .map(|(i, _)| nav[i + 7..].split('"').next().unwrap())
            .collect();
        assert_eq!(
            listed,
            ["5", "6", "7", "8", "9", "10", "11"],
            "{prefix}: {nav}"
        );
        assert!(
            nav.contains("<ol class=\"steps__list\" start=\"5\">"),
            "{nav}"
        );
        let more = &nav[nav
            .find("<p class=\"steps__more\">")
            .expect("link to the section")..];
        assert!(
            more.starts_with(&format!("<p class=\"steps__more\"><a href=\"{up}\"")),
            "{more}"
        );
        assert!(
            more.contains(">Все 15 шагов — на странице раздела</a>"),
            "{more}"
        );
        assert!(nav.contains("rel=\"prev\" href=\"../shag-07/\""), "{nav}");
        assert!(nav.contains("Назад:</span> Шаг номер 7"), "{nav}");
        assert!(nav.contains("rel=\"next\" href=\"../shag-09/\""), "{nav}");
        assert!(nav.contains("Далее:</span> Шаг номер 9"), "{nav}");
        // The links stay in their version of the site (their full address, for print).
        assert!(
            nav.contains(&format!(
                "https://pamyatki.edu22.info/memo/{prefix}dlinnyj/shag-07/\""
            )),
            "{prefix}: {nav}"
        );
        assert!(
            !nav.contains("Шаг номер 4<") && !nav.contains("Шаг номер 12<"),
            "{nav}"
        );
    }
    // The first page lists steps 1–4 and points to the rest after the list.
    let first = read(dir.path(), "public/dlinnyj/shag-01/index.html");
    let nav = &first[first.find("<nav class=\"steps\"").unwrap()..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    assert!(
        nav.contains("шаг 1 из 15")
            && nav.contains("Шаг номер 4<")
            && !nav.contains("Шаг номер 5<"),
        "{nav}"
    );
    assert!(
        nav.find("steps__more").unwrap() > nav.find("</ol>").unwrap(),
        "{nav}"
    );
}

/// An output folder inside the inputs would feed every build its own output (under `serve`,
/// content/ grew without end); one holding them would be replaced with them inside.
#[test]
fn output_inside_or_holding_the_inputs_is_refused() {
    let dir = site("basic");
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    for (out, says) in [
        ("content/out", "находится внутри"),
        ("templates", "находится внутри"),
        ("templates/site", "находится внутри"),
        (".", "содержит"),
    ] {
        let o = pamyatka(dir.path(), &["--out", out, "build"]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "--out {out}: {stderr}");
        assert!(stderr.contains(says), "--out {out}: {stderr}");
        assert!(
            stderr.contains("укажите в --out папку вне content/"),
            "{stderr}"
        );
    }
    assert!(!dir.path().join("content/out").exists());
    assert_eq!(
        names_in(&dir.path().join("templates")),
        Vec::<String>::new()
    );
}

/// A build killed at any moment (here kill -9 while it writes) leaves its staging folder; the
/// next build removes it, and the output is whole.
#[cfg(unix)]
#[test]
fn the_next_build_clears_what_a_killed_build_left() {
    let dir = site("basic");
    let many = with_section(
        dir.path(),
        "mnogo",
        "title: \"Много памяток\"\ndescription: \"Раздел.\"",
    );
    let body = "Школа отправляет письмо через внутреннюю почту. ".repeat(60);
    for i in 0..600 {
        std::fs::write(
            many.join(format!("p{i}.md")),
            format!("---\ntitle: \"Памятка {i}\"\ndescription: \"Номер {i}.\"\n---\n\n{body}\n"),
        )
        .unwrap();
    }
    let staging_of = |dir: &std::path::Path| {
        names_in(dir)
            .into_iter()
            .filter(|n| n.starts_with(".public.staging-"))
            .collect::<Vec<_>>()
    };
    // Kill builds until one is caught writing (bounded: a build takes seconds here).
    let mut caught = false;
    for _ in 0..5 {
        let mut child = command()
            .arg("--root")
            .arg(dir.path())
            .arg("build")
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while started.elapsed() < std::time::Duration::from_secs(30) {
            let staging = staging_of(dir.path());
            if staging
                .iter()
                .any(|s| dir.path().join(s).join("mnogo").is_dir())
            {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        if !status.success() && !staging_of(dir.path()).is_empty() {
            caught = true;
            break;
        }
    }
    assert!(caught, "no build was caught writing its staging folder");
    let o = pamyatka(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        names_in(dir.path()),
        [
            ".pamyatka",
            ".public.cache",
            ".public.lock",
            "content",
            "public"
        ],
        "the killed build's staging folder is gone"
    );
    assert!(read(dir.path(), "public/mnogo/p599/index.html").contains("Памятка 599"));
}

/// Printed links name their full address only when the site has a real one: an unset or
/// example `base_url` printed «https://example.org/…» under every link, an address the site
/// does not have. `check` warns about it.
#[test]
fn printed_links_name_a_real_address_or_none() {
    let dir = site("basic");
    let site_yaml = dir.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&site_yaml).unwrap();
    let with_base = |base: &str| {
        std::fs::write(
            &site_yaml,
            text.replace("https://pamyatki.edu22.info/memo/", base),
        )
        .unwrap();
    };
    let check_says = |dir: &std::path::Path| {
        let o = pamyatka(dir, &["check"]);
        assert!(o.status.success(), "a warning only: {}", stderr(&o));
        stderr(&o).replace("\n  │ ", " ")
    };

    with_base("https://example.org/memo/");
    assert!(pamyatka(dir.path(), &["build"]).status.success());
    let index = read(dir.path(), "public/guides/index.html");
    assert!(index.contains("<main"), "{index}");
    assert!(!index.contains("data-print-url"), "{index}");
    assert!(!index.contains("example.org"), "{index}");
    let err = check_says(dir.path());
    assert!(
        err.contains("content/site.yaml:3:1: `base_url` — заглушка (https://example.org/memo)"),
        "{err}"
    );
    let o = pamyatka_en(dir.path(), &["check"]);
    assert!(
        stderr(&o).contains("`base_url` is a placeholder (https://example.org/memo)"),
        "{}",
        stderr(&o)
    );

    with_base("https://pamyatka.edu22.ru/");
    assert!(pamyatka(dir.path(), &["build"]).status.success());
    let index = read(dir.path(), "public/guides/index.html");
    assert!(
        index.contains("data-print-url=\"https://pamyatka.edu22.ru/guides/"),
        "{index}"
    );
    assert!(!check_says(dir.path()).contains("base_url"));

    std::fs::write(&site_yaml, "title: \"Памятки\"\n").unwrap();
    assert!(pamyatka(dir.path(), &["build"]).status.success());
    assert!(!read(dir.path(), "public/guides/index.html").contains("data-print-url"));
    // No `base_url` at all: the address is not known yet (a new site), and `check` says
    // nothing about it (issue #20: `init` without `--base-url`, then build and check, silent).
    assert!(!check_says(dir.path()).contains("base_url"));
}

/// `changes:` in front matter become Atom feeds (the site's and each section's) that a real
/// feed parser reads, with absolute links, the changes' dates and ids that stay the same when
/// the text of a change is edited; the offline bundle and the service worker carry them.
#[test]
fn changes_become_atom_feeds_with_stable_ids() {
    let dir = site("basic");
    let content = dir.path().join("content");
    let add_changes = |file: &str, changes: &str| {
        let path = content.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.replacen("\n---\n", &format!("\nchanges:\n{changes}---\n"), 1);
        std::fs::write(&path, text).unwrap();
    };
    add_changes(
        "guides/esia.md",
        "  - date: 2025-09-01\n    text: \"Добавили шаг о подтверждении & <проверке>.\"\n  - date: 2025-10-02\n    text: \"Обновили сроки.\"\n  - date: 2025-09-01\n    text: \"Второе изменение того же дня.\"\n",
    );
    add_changes(
        "index.md",
        "  - date: 2025-08-15\n    text: \"Открыли сайт.\"\n",
    );
    let build = || {
        let o = pamyatka(dir.path(), &["build", "--no-minify"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let parse = |path: &str| {
            let bytes = std::fs::read(dir.path().join("public").join(path)).unwrap();
            feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{path}: {e}"))
        };
        (parse("feed.xml"), parse("guides/feed.xml"))
    };
    let (site_feed, section_feed) = build();
    assert_eq!(site_feed.feed_type, feed_rs::model::FeedType::Atom);
    let base = "https://pamyatki.edu22.info/memo";
    let esia = format!("{base}/guides/esia/#izmeneniya");
    let rows: Vec<(String, String, String, String)> = site_feed
        .entries
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                e.updated.unwrap().to_rfc3339(),
                e.links[0].href.clone(),
                e.title.as_ref().unwrap().content.clone(),
            )
        })
        .collect();
    // Dates are the start of the Moscow day (feed-rs gives them in UTC).
    let row = |id: &str, date: &str, link: &str, title: &str| {
        (
            id.to_string(),
            date.to_string(),
            link.to_string(),
            title.to_string(),
        )
    };
    assert_eq!(
        rows,
        [
            row(
                "tag:pamyatki.edu22.info,2025-10-02:/memo/guides/esia/#1",
                "2025-10-01T21:00:00+00:00",
                &esia,
                "Обновили сроки."
            ),
            row(
                "tag:pamyatki.edu22.info,2025-09-01:/memo/guides/esia/#1",
                "2025-08-31T21:00:00+00:00",
                &esia,
                "Добавили шаг о подтверждении & <проверке>."
            ),
            row(
                "tag:pamyatki.edu22.info,2025-09-01:/memo/guides/esia/#2",
                "2025-08-31T21:00:00+00:00",
                &esia,
                "Второе изменение того же дня."
            ),
            row(
                "tag:pamyatki.edu22.info,2025-08-15:/memo/#1",
                "2025-08-14T21:00:00+00:00",
                &format!("{base}/#izmeneniya"),
                "Открыли сайт."
            ),
        ]
    );
    assert_eq!(site_feed.id, format!("{base}/feed.xml"));
    assert_eq!(
        site_feed.updated.unwrap().to_rfc3339(),
        "2025-10-01T21:00:00+00:00"
    );
    assert!(
        site_feed
            .links
            .iter()
            .any(|l| l.rel.as_deref() == Some("self") && l.href == format!("{base}/feed.xml"))
    );
    // The section's feed: its pages' changes only.
    let ids: Vec<&str> = section_feed.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        rows[..3].iter().map(|r| r.0.as_str()).collect::<Vec<_>>()
    );
    assert_eq!(section_feed.id, format!("{base}/guides/feed.xml"));

    // Editing a change's text keeps every id.
    let path = content.join("guides/esia.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("Обновили сроки.", "Обновили сроки подачи."),
    )
    .unwrap();
    let (again, _) = build();
    let ids_again: Vec<&str> = again.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids_again,
        rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>()
    );
    assert_eq!(
        again.entries[0].title.as_ref().unwrap().content,
        "Обновили сроки подачи."
    );

    // The page shows them, newest first; every page links the feeds from its head.
    let page = read(dir.path(), "public/guides/esia/index.html");
    assert!(
        page.contains("<h2 id=\"izmeneniya-title\" class=\"changes__title\">Что изменилось</h2>"),
        "{page}"
    );
    let newest = page.find("Обновили сроки подачи.").unwrap();
    assert!(newest < page.find("Второе изменение того же дня.").unwrap());
    for (file, site_href, section_href) in [
        (
            "public/guides/esia/index.html",
            "../../feed.xml",
            Some("../feed.xml"),
        ),
        (
            "public/lv/guides/esia/index.html",
            "../../../feed.xml",
            Some("../../../guides/feed.xml"),
        ),
        ("public/index.html", "feed.xml", None),
    ] {
        let html = read(dir.path(), file);
        let head = &html[..html.find("</head>").unwrap()];
        let link = |href: &str| {
            format!(
                "type=\"application/atom+xml\" title=\"Тестовые памятки: что изменилось\" href=\"{href}\""
            )
        };
        assert!(head.contains(&link(site_href)), "{file}: {head}");
        if let Some(href) = section_href {
            assert!(
                head.contains(&format!(
                    "title=\"Памятки: что изменилось\" href=\"{href}\""
                )),
                "{file}: {head}"
            );
        }
    }
    let home = read(dir.path(), "public/index.html");
    assert!(
        home.contains("<a href=\"guides/esia/#izmeneniya\""),
        "{home}"
    );
    assert!(
        home.contains(">Подтверждение учётной записи ЕСИА</a>: Обновили сроки подачи."),
        "{home}"
    );

    // Offline: the bundle and the service worker carry the feeds.
    let sw = read(dir.path(), "public/sw.js");
    assert!(
        sw.contains("\"feed.xml\"") && sw.contains("\"guides/feed.xml\""),
        "{sw}"
    );
    let bytes = std::fs::read(dir.path().join("public/offline.zip")).unwrap();
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<&str> = zip.file_names().collect();
    for name in ["pamyatka/feed.xml", "pamyatka/guides/feed.xml"] {
        assert!(names.contains(&name), "{name}: {names:?}");
    }
}

/// Issue #20: a site with thousands of checklist items without ids printed thousands of
/// framed warnings. The same warning is shown three times, then as one line; the last line
/// counts errors and warnings by kind; `-v` and `check` show every one.
#[test]
fn many_warnings_of_one_kind_are_summed_up_in_a_few_lines() {
    let dir = site("basic");
    let section = with_section(dir.path(), "mnogo", "title: \"Много страниц\"");
    // 1 000 pages: enough to show the output does not grow with them, in three debug runs.
    const PAGES: usize = 1000;
    for i in 0..PAGES {
        // Two pages also have an image without alt text: a second kind, shown in full.
        let image = if i < 2 { "\n![](x.png)\n" } else { "" };
        std::fs::write(
            section.join(format!("p{i}.md")),
            format!(
                "---\ntitle: \"Страница {i}\"\nsource:\n  document: \"Памятка\"\n---\n\n- [ ] Пункт без id\n{image}"
            ),
        )
        .unwrap();
    }
    let no_id = "у пункта чек-листа нет id";

    let o = pamyatka(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.len() <= 60, "{} lines:\n{err}", lines.len());
    assert_eq!(err.matches(no_id).count(), 3, "{err}");
    assert_eq!(
        err.matches("у картинки нет текстового описания (alt)")
            .count(),
        2,
        "{err}"
    );
    let more: Vec<&&str> = lines.iter().filter(|l| l.starts_with("… и ещё ")).collect();
    assert_eq!(more.len(), 1, "{err}");
    assert!(
        more[0]
            .starts_with("… и ещё 997 таких же предупреждений (checklist-no-id) в content/mnogo/"),
        "{err}"
    );
    assert!(more[0].contains(" и ещё в 994 файлах;"), "{err}");
    assert_eq!(
        lines.last().copied(),
        Some(
            "Ошибок: 0. Предупреждений: 1\u{a0}002 (checklist-no-id: 1\u{a0}000, a11y-image-alt: 2)."
        ),
        "{err}"
    );

    let o = pamyatka(dir.path(), &["-v", "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.matches(no_id).count(), PAGES);
    assert!(!err.contains("таких же предупреждений"), "{err}");
    assert!(err.ends_with("(checklist-no-id: 1\u{a0}000, a11y-image-alt: 2).\n"));

    // `check` lists every problem, and still ends with the counts.
    let o = pamyatka(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.matches(no_id).count(), PAGES);
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("Ошибок: 2 (a11y-image-alt: 2). Предупреждений: ")
            && last.contains("checklist-no-id: 1\u{a0}000"),
        "{last}"
    );
}

/// The data checks, the templates' errors and the archive rule's checks speak Russian by
/// default and English with `--lang en`; the code and the position stay the same.
#[test]
fn data_and_template_errors_speak_both_languages() {
    let cases: [(&str, &str, &str, &str); 4] = [
        (
            "invalid/unknown-role",
            "content/regulations/table.yaml:12:29: ",
            "Неизвестная роль `mouoo` (строка 1)",
            "unknown role `mouoo` (row 1)",
        ),
        (
            "invalid/duplicate-row",
            "content/regulations/table.yaml:20:17: ",
            "Номер строки `1` встречается в группе 1 дважды",
            "row number `1` appears twice in group 1",
        ),
        (
            "invalid/template-error",
            "templates/page.html:3:19: ",
            "Ошибка в записи шаблона: встретилось `}`, а ожидалось }}",
            "Found `}` but expected }}.",
        ),
        (
            "invalid/archive-rule-size",
            "content/fioko/archive-rule.yaml:39:17: ",
            "`max_size_bytes` равно",
            "`max_size_bytes` is",
        ),
    ];
    for (fixture, at, ru, en) in cases {
        let dir = site(fixture);
        let o = pamyatka(dir.path(), &["build"]);
        assert_eq!(o.status.code(), Some(1), "{fixture}: {}", stderr(&o));
        let err = stderr(&o).replace("\n  │ ", " ");
        assert!(err.contains(&format!("{at}{ru}")), "{fixture}: {err}");
        let o = pamyatka_en(dir.path(), &["build"]);
        assert_eq!(o.status.code(), Some(1), "{fixture}: {}", stderr(&o));
        let err = stderr(&o).replace("\n  │ ", " ");
        assert!(err.contains(&format!("{at}{en}")), "{fixture}: {err}");
    }
}
