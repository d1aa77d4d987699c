//! `pamyatka serve` end to end: serves the built site with the live-reload script, tells open
//! pages to reload after an edit, shows a broken edit as an error event while the last good
//! page keeps being served.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::*;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text[9..12].parse().unwrap();
    (status, text)
}

/// Lines of the event stream, read on a thread.
fn events(addr: &str) -> mpsc::Receiver<String> {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET /__pamyatka/events HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(s).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn wait_for(rx: &mpsc::Receiver<String>, needle: &str) -> Vec<String> {
    let mut seen = Vec::new();
    // Generous limit: this checks that the event comes, not how fast (see benches/ for speed).
    // A debug build of the 1 500-page site's catch-up took over 60 s on a loaded 2-core machine.
    let deadline = std::time::Instant::now() + Duration::from_secs(180);
    while std::time::Instant::now() < deadline {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            let hit = line.contains(needle);
            seen.push(line);
            if hit {
                return seen;
            }
        }
    }
    panic!("no `{needle}` in the event stream: {seen:?}");
}

/// Starts `pamyatka serve` in `root`: the server, its address and the lines it prints.
fn start(root: &std::path::Path) -> (Server, String, mpsc::Receiver<String>) {
    // As the README runs it: from inside the site folder, the root being the default `.`
    // (a relative root once made the watcher miss every edit).
    let mut child = command()
        .current_dir(root)
        .args(["serve", "--port", "0"])
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let server = Server(child);
    let mut lines = BufReader::new(stderr).lines();
    let addr = loop {
        let line = lines.next().expect("server exited").unwrap();
        if let Some(rest) = line.split("http://").nth(1) {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    (server, addr, rx)
}

/// The output files written since `before` was taken.
fn written_since(
    before: &std::collections::BTreeMap<String, std::time::SystemTime>,
    dir: &std::path::Path,
) -> Vec<String> {
    mtimes(dir)
        .into_iter()
        .filter(|(k, t)| before.get(k) != Some(t))
        .map(|(k, _)| k)
        .collect()
}

/// When each output file was last written.
fn mtimes(dir: &std::path::Path) -> std::collections::BTreeMap<String, std::time::SystemTime> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                e.metadata().unwrap().modified().unwrap(),
            )
        })
        .collect()
}

#[test]
fn serve_reloads_on_edit_and_keeps_last_good_site_on_error() {
    let dir = site("basic");
    let (_server, addr, _log) = start(dir.path());

    let (status, page) = get(&addr, "/guides/esia/");
    assert_eq!(status, 200);
    assert!(page.contains("cl-passport"));
    assert!(
        page.contains("/__pamyatka/livereload.js"),
        "live-reload script injected"
    );
    assert!(
        !std::fs::read_to_string(dir.path().join("public/guides/esia/index.html"))
            .unwrap()
            .contains("livereload"),
        "but not written to public/"
    );
    let (status, _) = get(&addr, "/guides/esia");
    assert_eq!(status, 301);
    let (status, body) = get(&addr, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Страница не найдена"));
    let (status, script) = get(&addr, "/__pamyatka/livereload.js");
    assert_eq!(status, 200);
    // The overlay's words in the server's language (Russian: no locale).
    assert!(
        script.contains("Сборка не удалась — показана последняя удачная версия"),
        "{script}"
    );
    assert!(
        script.contains("\"lang\":\"ru\"") && !script.contains("WORDS"),
        "{script}"
    );

    let rx = events(&addr);
    let page_md = dir.path().join("content/guides/esia.md");
    let original = std::fs::read_to_string(&page_md).unwrap();
    std::fs::write(
        &page_md,
        original.replace("## Шаг 1. Регистрация", "## Шаг 1. Новая регистрация"),
    )
    .unwrap();
    wait_for(&rx, "event: reload");
    let (_, page) = get(&addr, "/guides/esia/");
    assert!(page.contains("Новая регистрация"), "rebuilt page served");

    std::fs::write(
        &page_md,
        original.replace("title: \"Подтверждение", "titel: \"Подтверждение"),
    )
    .unwrap();
    let seen = wait_for(&rx, "content/guides/esia.md:2:1");
    assert!(seen.iter().any(|l| l == "event: error"), "{seen:?}");
    let (status, page) = get(&addr, "/guides/esia/");
    assert_eq!(status, 200);
    assert!(
        page.contains("Новая регистрация"),
        "last good site still served"
    );

    // A page opened while the site is broken gets the error at once.
    let rx2 = events(&addr);
    wait_for(&rx2, "неизвестный ключ `titel`");

    std::fs::write(&page_md, &original).unwrap();
    wait_for(&rx, "event: reload");
}

#[test]
fn serve_rerenders_only_what_an_edit_touches_and_catches_up_later() {
    let dir = site("basic");
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let (_server, addr, log) = start(dir.path());
    let public = dir.path().join("public");
    let rx = events(&addr);
    let before = mtimes(&public);

    // A body edit: that page (both versions) is written, nothing else.
    let page_md = dir.path().join("content/guides/esia.md");
    let original = std::fs::read_to_string(&page_md).unwrap();
    std::fs::write(
        &page_md,
        format!("{original}\nСлово-маркер Кукушкинский.\n"),
    )
    .unwrap();
    wait_for(&rx, "event: reload");
    let (_, page) = get(&addr, "/guides/esia/");
    assert!(page.contains("Кукушкинский"));
    let written = written_since(&before, &public);
    assert_eq!(
        written,
        ["guides/esia/index.html", "lv/guides/esia/index.html"],
        "only the edited page"
    );
    wait_for(&log, "Обновлена страница /guides/esia/ за");

    // After a pause the whole-site files catch up, by an incremental build (only the edited
    // page rendered again): the search index knows the new word.
    let caught_up = wait_for(
        &log,
        "Поисковый индекс, карта сайта и архив для работы без сети обновлены",
    );
    assert!(
        caught_up.iter().any(
            |l| l.starts_with("Заново собраны только страницы, которых коснулись правки: 1 из")
        ),
        "the catch-up rendered only the edited page: {caught_up:?}"
    );
    let index: String = std::fs::read_dir(public.join("search"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(index.contains("кукушкинск"), "the search index caught up");

    // A template edit: only the pages made with it (the search page, both versions).
    let before = mtimes(&public);
    let builtin = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/search.html"),
    )
    .unwrap();
    std::fs::write(
        templates.join("search.html"),
        builtin.replacen(
            "{% block content %}",
            "{% block content %}<p>Шаблон-маркер</p>",
            1,
        ),
    )
    .unwrap();
    wait_for(&rx, "event: reload");
    let (_, page) = get(&addr, "/poisk/");
    assert!(page.contains("Шаблон-маркер"), "{page}");
    let written = written_since(&before, &public);
    assert_eq!(written, ["lv/poisk/index.html", "poisk/index.html"]);
    wait_for(
        &log,
        "Поисковый индекс, карта сайта и архив для работы без сети обновлены",
    );

    // A safe save (gedit, a JetBrains editor: a temporary file beside the page, renamed over
    // it) is a body edit like any other, not a full build.
    let before = mtimes(&public);
    let temporary = dir.path().join("content/guides/.goutputstream-7XK2Q1");
    std::fs::write(
        &temporary,
        format!("{original}\nСлово-маркер Пересохранённый.\n"),
    )
    .unwrap();
    std::fs::rename(&temporary, &page_md).unwrap();
    wait_for(&log, "Обновлена страница /guides/esia/ за");
    let (_, page) = get(&addr, "/guides/esia/");
    assert!(page.contains("Пересохранённый"));
    assert_eq!(
        written_since(&before, &public),
        ["guides/esia/index.html", "lv/guides/esia/index.html"]
    );

    // A front-matter edit changes the navigation of every page: a full build.
    std::fs::write(
        &page_md,
        original.replace("title: \"Подтверждение", "title: \"Новое подтверждение"),
    )
    .unwrap();
    wait_for(&log, "Сайт пересобран за");
    let (_, other) = get(&addr, "/guides/");
    assert!(other.contains("Новое подтверждение"), "{other}");
}

/// A template edit re-renders the pages whose last render read the template, as the render
/// recorded it, and no other: a page that shows a widget's fence as an example (inside a
/// longer fence) never read the widget's template, though its lines look as if it did (the
/// guess that chose pages before took it too).
#[test]
fn serve_rerenders_the_pages_a_template_was_read_by() {
    let dir = site("basic");
    let templates = dir.path().join("templates");
    // The override's folder is there before serving (a folder made is a full build).
    std::fs::create_dir_all(templates.join("partials/widgets")).unwrap();
    let widget = "```deadline\n\
                  label: Заявка\n\
                  rule: В течение 10 дней после получения лицензии\n\
                  event: Дата получения лицензии\n\
                  ```\n";
    std::fs::write(
        dir.path().join("content/guides/srok.md"),
        format!("---\ntitle: \"Срок подачи\"\n---\n\nСрок считается так:\n\n{widget}"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("content/guides/primer.md"),
        format!(
            "---\ntitle: \"Как вставить калькулятор\"\n---\n\nНапишите так:\n\n\
             ````markdown\n{widget}````\n"
        ),
    )
    .unwrap();
    let (_server, addr, log) = start(dir.path());
    let public = dir.path().join("public");
    let before = mtimes(&public);

    let builtin = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("templates/partials/widgets/deadline.html"),
    )
    .unwrap();
    std::fs::write(
        templates.join("partials/widgets/deadline.html"),
        format!("<p>Виджет-маркер</p>\n{builtin}"),
    )
    .unwrap();
    wait_for(&log, "Обновлен");
    let (_, page) = get(&addr, "/guides/srok/");
    assert!(
        page.contains("Виджет-маркер"),
        "the page was not rendered again: {page}"
    );
    let written = written_since(&before, &public);
    assert_eq!(
        written,
        ["guides/srok/index.html", "lv/guides/srok/index.html"],
        "the widget's page, and not the one that shows its fence"
    );
}

/// What `serve` leaves after edits of every kind it updates in place (a page's body, a
/// template, an edit put back) and its incremental catch-up is what a clean build of the same
/// files writes, byte for byte; and a `build` after it, from the cache `serve` kept, writes
/// nothing different either.
#[test]
fn serve_catches_up_to_what_a_clean_build_writes() {
    let dir = site("basic");
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let (server, addr, log) = start(dir.path());
    let rx = events(&addr);
    let catch_up = |rx: &mpsc::Receiver<String>| {
        wait_for(
            rx,
            "Поисковый индекс, карта сайта и архив для работы без сети обновлены",
        )
    };

    let esia = dir.path().join("content/guides/esia.md");
    let esia_text = std::fs::read_to_string(&esia).unwrap();
    std::fs::write(&esia, format!("{esia_text}\nСлово-маркер Снегирёв.\n")).unwrap();
    wait_for(&rx, "event: reload");
    // A second page edited and put back before the catch-up: written twice, as it was.
    let archive = dir.path().join("content/guides/archive.md");
    let archive_text = std::fs::read_to_string(&archive).unwrap();
    std::fs::write(&archive, format!("{archive_text}\nВременная строка.\n")).unwrap();
    wait_for(&rx, "event: reload");
    std::fs::write(&archive, &archive_text).unwrap();
    wait_for(&rx, "event: reload");
    let seen = catch_up(&log);
    assert!(
        seen.iter().any(
            |l| l.starts_with("Заново собраны только страницы, которых коснулись правки: 1 из")
        ),
        "{seen:?}"
    );

    // A template of one page edited, then the page's body: the catch-up renders both again.
    let builtin = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/search.html"),
    )
    .unwrap();
    std::fs::write(
        templates.join("search.html"),
        builtin.replacen("{% block content %}", "{% block content %}<p>Метка</p>", 1),
    )
    .unwrap();
    wait_for(&rx, "event: reload");
    std::fs::write(&esia, format!("{esia_text}\nСлово-маркер Щегол.\n")).unwrap();
    wait_for(&rx, "event: reload");
    catch_up(&log);
    drop(server);

    let public = dir.path().join("public");
    let served = snapshot_tree(&public);
    let clean = dir.path().join("clean");
    let out = pamyatka(dir.path(), &["--out", "clean", "build", "--clean"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        served == snapshot_tree(&clean),
        "serve's output differs from a clean build's in: {:?}",
        served
            .keys()
            .chain(snapshot_tree(&clean).keys())
            .filter(|k| served.get(*k) != snapshot_tree(&clean).get(*k))
            .collect::<std::collections::BTreeSet<_>>()
    );
    // The cache serve kept is trusted by the next build, which has nothing to do.
    let out = pamyatka(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("коснулись правки: 0 из"),
        "{}",
        stderr(&out)
    );
    assert!(snapshot_tree(&public) == served);
}

/// An edit while the catch-up build runs stops it: the edit is shown at once, and the
/// catch-up starts again after the next pause. The site is made big enough (a few seconds of
/// catch-up) for the second edit to land while it runs.
#[test]
fn an_edit_stops_the_catch_up_build_and_is_shown_at_once() {
    let dir = site("basic");
    let many = with_section(
        dir.path(),
        "mnogo",
        "title: \"Много памяток\"\ndescription: \"Раздел для проверки.\"\nweight: 5",
    );
    let body = "Школа отправляет письмо через внутреннюю почту и проверяет вложения. ".repeat(40);
    for i in 0..1500 {
        std::fs::write(
            many.join(format!("p{i}.md")),
            format!(
                "---\ntitle: \"Памятка {i}\"\ndescription: \"Памятка номер {i}.\"\nweight: {i}\n---\n\n## Шаги\n\n1. Откройте раздел.\n2. Заполните форму.\n\n{body}\n"
            ),
        )
        .unwrap();
    }
    let (_server, addr, log) = start(dir.path());
    let rx = events(&addr);
    // Without the build cache the catch-up is a full build: seconds, long enough for an edit
    // to land while it runs (with the cache it takes a fraction of that).
    std::fs::remove_file(dir.path().join(".public.cache")).unwrap();

    // An edit, shown at once; a pause; the catch-up starts…
    let first = dir.path().join("content/guides/esia.md");
    let original = std::fs::read_to_string(&first).unwrap();
    std::fs::write(
        &first,
        format!("{original}\nСлово-маркер Первоначальный.\n"),
    )
    .unwrap();
    wait_for(&rx, "event: reload");
    wait_for(
        &log,
        "Обновляются поисковый индекс, карта сайта и архив для работы без сети",
    );
    // …and another edit lands while it runs: the catch-up stops, the edit is shown.
    let second = dir.path().join("content/guides/archive.md");
    let original = std::fs::read_to_string(&second).unwrap();
    // Saved whole (written beside and renamed, as many editors save): a plain write can be
    // read half-done by a loaded machine's watcher, and a page without its front matter is
    // an error that this test is not about.
    let saved = dir.path().join("archive.md.saving");
    std::fs::write(&saved, format!("{original}\nСлово-маркер Зябликов.\n")).unwrap();
    std::fs::rename(&saved, &second).unwrap();
    let seen = wait_for(&log, "Обновлена страница /guides/archive/ за");
    assert!(
        seen.iter().any(|l| l.starts_with("Остановлено через")),
        "the catch-up was stopped before the edit was shown: {seen:?}"
    );
    assert!(
        !seen
            .iter()
            .any(|l| l.contains("для работы без сети обновлены")),
        "the edit waited for the catch-up: {seen:?}"
    );
    let (_, page) = get(&addr, "/guides/archive/");
    assert!(page.contains("Зябликов"));
    // After the next pause the catch-up runs to its end, with both edits.
    wait_for(
        &log,
        "Поисковый индекс, карта сайта и архив для работы без сети обновлены",
    );
    let index: String = std::fs::read_dir(dir.path().join("public/search"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(index.contains("первоначальн"), "first edit");
    assert!(index.contains("зяблик"), "second edit");
    // The full catch-up build kept the bundle it replaced, for the next incremental build to
    // write over (`rebuild::spare_bundle`), and the rest of the output it replaced, for the next
    // full build to write over (`output::recycle_dir`).
    assert_eq!(
        names_in(dir.path()),
        [
            ".pamyatka",
            ".public.bundle.spare",
            ".public.cache",
            ".public.lock",
            ".public.recycle",
            "content",
            "public"
        ],
        "no staging folder left"
    );
}

/// Sends `request` as it is and reads the answer until the server closes the connection or
/// `limit` passes; `None` when the connection was closed without an answer.
fn raw(addr: &str, request: &[u8], limit: Duration) -> Option<String> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(limit)).unwrap();
    // The server may close before reading all of a request it refuses.
    let _ = s.write_all(request);
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    (!buf.is_empty()).then(|| String::from_utf8_lossy(&buf).into_owned())
}

fn status_of(response: &str) -> u16 {
    response[9..12].parse().unwrap()
}

/// Threads of a running process (Linux).
fn threads(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task")).map_or(0, |d| d.count())
}

/// The preview server survives whatever a local process sends, and each hostile request costs
/// bounded memory, threads and time; after each, a normal request is served.
#[test]
fn serve_survives_hostile_requests() {
    let dir = site("basic");
    let (server, addr, _log) = start(dir.path());
    let pid = server.0.id();
    let alive = |what: &str| {
        let (status, page) = get(&addr, "/guides/esia/");
        assert_eq!(status, 200, "after {what}");
        assert!(page.contains("cl-passport"), "after {what}");
    };
    let limit = Duration::from_secs(30);

    // A body announced as 100 GB: refused without reading (or allocating) it.
    let r = raw(
        &addr,
        b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\nabc",
        limit,
    )
    .expect("an answer");
    assert_eq!(status_of(&r), 405, "{r}");
    assert!(r.contains("allow: GET, HEAD"), "{r}");
    alive("a POST with a huge body");

    // Other methods, and a GET with a body.
    for m in ["PUT", "DELETE", "OPTIONS", "PATCH"] {
        let r = raw(
            &addr,
            format!("{m} / HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes(),
            limit,
        );
        assert_eq!(status_of(&r.expect("an answer")), 405, "{m}");
    }
    let r = raw(
        &addr,
        b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
        limit,
    );
    assert_eq!(status_of(&r.expect("an answer")), 400);
    let r = raw(
        &addr,
        b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        limit,
    );
    assert_eq!(status_of(&r.expect("an answer")), 400);
    alive("requests with bodies");

    // A 100 KB address and a 100 KB header: refused, nothing kept.
    let long = format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(100_000));
    if let Some(r) = raw(&addr, long.as_bytes(), limit) {
        assert!([414, 431].contains(&status_of(&r)), "{r}");
    }
    let r = raw(
        &addr,
        format!("GET /a{} HTTP/1.1\r\nHost: x\r\n\r\n", "b".repeat(5000)).as_bytes(),
        limit,
    );
    assert_eq!(status_of(&r.expect("an answer")), 414);
    let big = format!(
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
        "b".repeat(100_000)
    );
    if let Some(r) = raw(&addr, big.as_bytes(), limit) {
        assert_eq!(status_of(&r), 431, "{r}");
    }
    alive("oversized heads");

    // Paths: out of the folder, odd, and redirects that stay on this server.
    for bad in [
        "/../Cargo.toml",
        "/guides/%2e%2e/%2e%2e/x",
        "/a%5c..%5cb",
        "/%00",
    ] {
        let r = raw(
            &addr,
            format!("GET {bad} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
            limit,
        );
        let r = r.expect("an answer");
        assert!([400, 404].contains(&status_of(&r)), "{bad}: {r}");
        assert!(!r.contains("[package]"), "{bad}");
    }
    for (path, location) in [
        ("//guides", "/guides/"),
        ("/guides", "/guides/"),
        ("///guides//esia", "/guides/esia/"),
    ] {
        let r = raw(
            &addr,
            format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
            limit,
        )
        .expect("an answer");
        assert_eq!(status_of(&r), 301, "{path}: {r}");
        assert!(
            r.contains(&format!("location: {location}\r\n")),
            "{path}: {r}"
        );
    }
    let head = raw(
        &addr,
        b"HEAD /guides/esia/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        limit,
    )
    .expect("an answer");
    assert_eq!(status_of(&head), 200);
    assert!(!head.contains("cl-passport"), "HEAD has no body");

    // 200 idle connections: no thread each, and a normal request is still served.
    let before = threads(pid);
    let idle: Vec<TcpStream> = (0..200)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    alive("200 idle connections");
    let during = threads(pid);
    assert!(
        during <= before + 4,
        "threads: {before} before, {during} with 200 idle connections"
    );
    drop(idle);

    // A head that never ends is cut off (the server's limit is 10 s).
    let mut slow = TcpStream::connect(&addr).unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let started = std::time::Instant::now();
    let mut buf = Vec::new();
    let _ = slow.read_to_end(&mut buf);
    assert!(
        started.elapsed() < Duration::from_secs(25),
        "an unfinished request head kept its connection open"
    );
    alive("a slow head");
}

/// A second writer of the same output folder is refused while `serve` holds it.
#[test]
fn build_is_refused_while_serve_writes_the_same_output() {
    let dir = site("basic");
    let (_server, _addr, _log) = start(dir.path());
    let out = pamyatka(dir.path(), &["build"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("уже пишет другой процесс pamyatka"),
        "{stderr}"
    );
}
