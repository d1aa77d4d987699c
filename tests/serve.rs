//! `pamyatka serve` end to end: serves the built site with the live-reload script, tells open
//! pages to reload after an edit, shows a broken edit as an error event while the last good
//! page keeps being served.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
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
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
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

#[test]
fn serve_reloads_on_edit_and_keeps_last_good_site_on_error() {
    let dir = site("basic");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pamyatka"))
        .arg("--root")
        .arg(dir.path())
        .args(["serve", "--port", "0"])
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let _server = Server(child);
    let mut lines = BufReader::new(stderr).lines();
    let addr = loop {
        let line = lines.next().expect("server exited").unwrap();
        if let Some(rest) = line.split("http://").nth(1) {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});

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
    let (status, _) = get(&addr, "/__pamyatka/livereload.js");
    assert_eq!(status, 200);

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
    wait_for(&rx2, "unknown field `titel`");

    std::fs::write(&page_md, &original).unwrap();
    wait_for(&rx, "event: reload");
}
