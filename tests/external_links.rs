//! `pamyatka check --external` against a server the test runs on 127.0.0.1: every kind of
//! answer reported at its `file:line:col`, each address asked for once, the cache, and no
//! request at all from a plain `check` or `build`.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The requests the server got, as `METHOD /path`.
type Log = Arc<Mutex<Vec<String>>>;

/// The `User-Agent` of every request the server got.
static AGENTS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Serves: `/ok` 200; `/moved` 301 → `/target` 200; `/missing` 404; `/broken` 500;
/// `/no-head` 405 to HEAD, 200 to GET; `/drop-head` closes on HEAD, 200 to GET; `/silent`
/// never answers. One request per connection.
fn server() -> (u16, Log) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let log: Log = Arc::default();
    let seen = log.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let seen = seen.clone();
            std::thread::spawn(move || answer(stream, &seen));
        }
    });
    (port, log)
}

fn answer(mut stream: TcpStream, log: &Log) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("user-agent")
        {
            AGENTS.lock().unwrap().push(value.trim().to_string());
        }
    }
    let mut parts = first.split_whitespace();
    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    log.lock().unwrap().push(format!("{method} {path}"));
    let (status, extra) = match (method, path) {
        (_, "/ok" | "/target") => ("200 OK", ""),
        (_, "/moved") => ("301 Moved Permanently", "Location: /target\r\n"),
        (_, "/missing") => ("404 Not Found", ""),
        (_, "/broken") => ("500 Internal Server Error", ""),
        ("HEAD", "/no-head") => ("405 Method Not Allowed", ""),
        ("HEAD", "/drop-head") => return,
        (_, "/no-head" | "/drop-head") => ("200 OK", ""),
        (_, "/silent") => {
            std::thread::sleep(Duration::from_secs(30));
            return;
        }
        _ => ("404 Not Found", ""),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n"
    );
}

/// A port nothing listens on.
fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const SITE_YAML: &str = "title: \"Ссылки\"\ndescription: \"Сайт для проверки внешних ссылок.\"\nbase_url: \"https://pamyatki.edu22.info/\"\n";

fn run(root: &Path, args: &[&str]) -> Output {
    // In English (the Russian words are checked by `russian_words_of_the_external_check`).
    let mut cmd = common::command();
    cmd.args(["--lang", "en", "--root"]).arg(root).args(args);
    cmd.env("PAMYATKA_LINK_TIMEOUT", "1");
    for var in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ] {
        cmd.env_remove(var);
    }
    cmd.output().expect("run pamyatka")
}

/// `file:line:col` of the `nth` (0-based) occurrence of `needle` in the site's file `rel`.
fn position(root: &Path, rel: &str, needle: &str, nth: usize) -> String {
    let text = std::fs::read_to_string(root.join(rel)).unwrap();
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} #{nth} in {rel}"))
        .0;
    let (line, col) = pamyatka::diagnostic::line_col(&text, offset);
    format!("{rel}:{line}:{col}")
}

/// How many requests of each kind the server got since `from`.
fn count(log: &Log, request: &str) -> usize {
    log.lock().unwrap().iter().filter(|r| *r == request).count()
}

/// The header of the report that names `place` (`file:line:col`) and says `what` (a header
/// wrapped over several lines joined).
fn reported(err: &str, place: &str, what: &str) -> String {
    err.replace("\n  │ ", " ")
        .lines()
        .find(|l| l.contains(&format!("{place}: {what}")))
        .unwrap_or_else(|| panic!("no `{place}: {what}` in:\n{err}"))
        .to_string()
}

/// A site in a temp folder whose home page has `body` under a heading.
fn site(body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "content/site.yaml", SITE_YAML);
    write(
        dir.path(),
        "content/index.md",
        &format!(
            "---\ntitle: \"Главная\"\ndescription: \"Ссылки на другие сайты.\"\n---\n\n## Ссылки\n\n{body}"
        ),
    );
    dir
}

#[test]
fn dead_and_redirected_links_are_reported_where_written_and_asked_for_once() {
    let (port, log) = server();
    let base = format!("http://127.0.0.1:{port}");
    let closed = format!("http://127.0.0.1:{}/", closed_port());
    let dir = site(&format!(
        "- [Работает]({base}/ok#part)\n\
         - [Переехала]({base}/moved)\n\
         - Адрес в тексте: {base}/missing, и всё.\n\
         - <a href=\"{base}/broken\">Сломана</a>\n\
         - [Без HEAD]({base}/no-head) и [обрывает HEAD]({base}/drop-head)\n\
         - [Молчит]({base}/silent)\n\
         - [Закрыт]({closed})\n\n\
         ```\n{base}/in-code\n```\n"
    ));
    let root = dir.path();
    write(
        root,
        "content/more.md",
        &format!(
            "---\ntitle: \"Ещё\"\ndescription: \"Те же ссылки ещё раз.\"\n---\n\n\
             ## Снова\n\n\
             Снова [работает]({base}/ok) и [не найдена]({base}/missing).\n"
        ),
    );
    write(
        root,
        "content/contacts.yaml",
        &format!("# {base}/comment\nsupport: \"Пишите: {base}/broken\"\n"),
    );

    // A plain check and a build ask for nothing.
    let plain = run(root, &["check"]);
    let built = run(root, &["build"]);
    assert_eq!(*log.lock().unwrap(), Vec::<String>::new());
    assert!(plain.status.success(), "{}", common::stderr(&plain));
    assert!(built.status.success(), "{}", common::stderr(&built));
    assert!(!root.join(".pamyatka").exists());

    let started = std::time::Instant::now();
    let o = run(root, &["check", "--external"]);
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the 1 s timeout is used: {:?}",
        started.elapsed()
    );
    let index = "content/index.md";
    // (file, address, what follows "is broken: ")
    let dead = [
        (index, "/missing", "the server answers 404 Not Found"),
        (
            "content/more.md",
            "/missing",
            "the server answers 404 Not Found",
        ),
        (
            index,
            "/broken",
            "the server answers 500 Internal Server Error",
        ),
        (
            "content/contacts.yaml",
            "/broken",
            "the server answers 500 Internal Server Error",
        ),
        (index, "/silent", "no answer within 1 s (timeout)"),
    ];
    for (file, path, why) in dead {
        let url = format!("{base}{path}");
        let line = reported(
            &err,
            &position(root, file, &url, 0),
            &format!("link to {url} is broken: {why}"),
        );
        assert!(line.contains('×'), "an error: {line}");
    }
    let refused = reported(
        &err,
        &position(root, index, &closed, 0),
        &format!("link to {closed} is broken: the connection is refused"),
    );
    assert!(refused.contains('×'), "an error: {refused}");
    let moved = reported(
        &err,
        &position(root, index, &format!("{base}/moved"), 0),
        &format!("link to {base}/moved is redirected to {base}/target"),
    );
    assert!(moved.contains('⚠'), "a warning: {moved}");
    for fine in ["/ok", "/no-head", "/drop-head", "/in-code", "/comment"] {
        assert!(
            !err.contains(&format!("link to {base}{fine} ")),
            "{fine} is not reported:\n{err}"
        );
    }
    assert!(err.contains("Check failed: 6 problems"), "{err}");

    // Each address once, though /ok, /missing and /broken are linked twice; GET only where
    // HEAD was refused; nothing from code blocks or comments.
    let once = [
        "HEAD /ok",
        "HEAD /moved",
        "HEAD /target",
        "HEAD /missing",
        "HEAD /broken",
        "HEAD /no-head",
        "GET /no-head",
        "HEAD /drop-head",
        "GET /drop-head",
        "HEAD /silent",
    ];
    for request in once {
        assert_eq!(
            count(&log, request),
            1,
            "{request}: {:?}",
            log.lock().unwrap()
        );
    }
    assert_eq!(
        log.lock().unwrap().len(),
        once.len(),
        "{:?}",
        log.lock().unwrap()
    );

    // The cache keeps the answers that last; the next run asks only for the others.
    let cache = std::fs::read_to_string(root.join(".pamyatka/links.json")).unwrap();
    let cache: serde_json::Value = serde_json::from_str(&cache).unwrap();
    let links = cache["links"].as_object().unwrap();
    for kept in ["/ok", "/moved", "/missing", "/no-head", "/drop-head"] {
        let entry = &links[&format!("{base}{kept}")];
        assert!(entry["checked_at"].is_string(), "{kept}: {entry}");
    }
    assert_eq!(links[&format!("{base}/missing")]["problem"]["status"], 404);
    assert_eq!(
        links[&format!("{base}/moved")]["to"],
        format!("{base}/target")
    );
    for not_kept in ["/broken", "/silent"] {
        assert!(
            !links.contains_key(&format!("{base}{not_kept}")),
            "{not_kept}"
        );
    }
    assert!(!links.contains_key(&closed));

    log.lock().unwrap().clear();
    let again = run(root, &["check", "--external"]);
    let err2 = common::stderr(&again);
    assert_eq!(again.status.code(), Some(1), "{err2}");
    let mut asked = log.lock().unwrap().clone();
    asked.sort();
    assert_eq!(asked, ["HEAD /broken", "HEAD /silent"]);
    // The cached answers are reported as before.
    reported(
        &err2,
        &position(root, index, &format!("{base}/missing"), 0),
        &format!("link to {base}/missing is broken: the server answers 404"),
    );
    reported(
        &err2,
        &position(root, index, &format!("{base}/moved"), 0),
        &format!("link to {base}/moved is redirected to {base}/target"),
    );

    log.lock().unwrap().clear();
    let forced = run(root, &["check", "--external", "--no-cache"]);
    assert_eq!(forced.status.code(), Some(1), "{}", common::stderr(&forced));
    for request in once {
        assert_eq!(
            count(&log, request),
            1,
            "{request}: {:?}",
            log.lock().unwrap()
        );
    }
}

#[test]
fn redirects_alone_do_not_fail_the_check() {
    let (port, log) = server();
    let base = format!("http://127.0.0.1:{port}");
    let dir = site(&format!(
        "[Работает]({base}/ok), [переехала]({base}/moved).\n"
    ));
    let root = dir.path();
    let o = run(root, &["check", "--external"]);
    let err = common::stderr(&o);
    assert!(o.status.success(), "{err}");
    reported(
        &err,
        &position(root, "content/index.md", &format!("{base}/moved"), 0),
        &format!("link to {base}/moved is redirected to {base}/target"),
    );
    assert!(err.contains("no problems found"), "{err}");
    assert_eq!(count(&log, "HEAD /ok"), 1);
    let agents = AGENTS.lock().unwrap();
    let ours = format!("pamyatka/{} ", env!("CARGO_PKG_VERSION"));
    assert!(
        !agents.is_empty() && agents.iter().all(|a| a.starts_with(&ours)),
        "{agents:?}"
    );
}

/// The same check in Russian (no locale): the problem, its label and hint, and the result.
#[test]
fn russian_words_of_the_external_check() {
    let (port, _log) = server();
    let base = format!("http://127.0.0.1:{port}");
    let dir = site(&format!(
        "[Переехала]({base}/moved), [нет]({base}/missing).\n"
    ));
    let mut cmd = common::command();
    cmd.arg("--root")
        .arg(dir.path())
        .args(["check", "--external"]);
    cmd.env("PAMYATKA_LINK_TIMEOUT", "1");
    for var in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ] {
        cmd.env_remove(var);
    }
    let o = cmd.output().unwrap();
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("Проверяются веб-адреса"), "{err}");
    assert!(
        err.contains(&format!("ссылка на {base}/moved перенаправляется на")),
        "{err}"
    );
    assert!(
        // The renderer wraps the line after «отвечает».
        err.contains(&format!(
            "ссылка на {base}/missing не работает: сервер отвечает"
        )) && err.contains("404 Not Found"),
        "{err}"
    );
    assert!(err.contains("нерабочая ссылка"), "{err}");
    assert!(err.contains("откройте адрес в браузере"), "{err}");
    assert!(err.contains("Проверка не пройдена: 1 проблема"), "{err}");
}
