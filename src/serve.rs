//! `pamyatka serve`: a development server on 127.0.0.1 that rebuilds on every change in
//! `content/` or `templates/` and reloads the open pages. A broken edit is shown in the
//! terminal and over the page, and the last good site keeps being served.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use tiny_http::{Header, Request, Response, Server, StatusCode};

use crate::incremental::{Live, Outcome};
use crate::pipeline::{self, BuildOptions};

const EVENTS: &str = "/__pamyatka/events";
const SCRIPT: &str = "/__pamyatka/livereload.js";
const LIVERELOAD_JS: &str = include_str!("livereload.js");

/// What connected pages are told.
#[derive(Clone)]
enum Message {
    Reload,
    Error(String),
}

#[derive(Default)]
struct Hub {
    clients: Vec<Sender<Message>>,
    /// The current build error, sent to pages that connect while the site is broken.
    error: Option<String>,
}

impl Hub {
    fn broadcast(&mut self, msg: Message) {
        self.error = match &msg {
            Message::Error(e) => Some(e.clone()),
            Message::Reload => None,
        };
        self.clients.retain(|c| c.send(msg.clone()).is_ok());
    }
}

/// Builds once, then serves and watches until interrupted.
pub fn serve(
    opts: &BuildOptions,
    port: u16,
    report: impl Fn(&pipeline::BuildResult) + Send + 'static,
) -> Result<(), String> {
    let hub = Arc::new(Mutex::new(Hub::default()));
    let mut first = pipeline::build_result(opts);
    report(&first);
    let live = first.project.take().map(|p| Live::new(p, opts.out.clone()));
    if let Err(text) = &first.error_text {
        hub.lock().expect("hub").error = Some(text.clone());
    }
    let server = Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let addr = server
        .server_addr()
        .to_ip()
        .map(|a| a.to_string())
        .unwrap_or_default();

    let (tx, rx) = mpsc::channel();
    // Only what is under content/ and templates/ counts (the root is watched too, for a
    // templates/ folder made while serving; the output folder beside them is not ours to watch).
    let watched: Vec<PathBuf> = ["content", "templates"]
        .iter()
        .map(|d| opts.root.join(d))
        .collect();
    let filter = watched.clone();
    // Set on every edit: it stops a catch-up build under way, so that the edit is shown at
    // once rather than after the whole site (seconds on a big one).
    let edited = Arc::new(AtomicBool::new(false));
    let seen = edited.clone();
    let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res {
            if !matches!(ev.kind, notify::EventKind::Access(_)) {
                let paths: Vec<PathBuf> = ev
                    .paths
                    .into_iter()
                    .filter(|p| filter.iter().any(|d| p.starts_with(d)))
                    .collect();
                if paths.iter().any(|p| !is_noise(p)) {
                    seen.store(true, Ordering::Relaxed);
                }
                if !paths.is_empty() {
                    let _ = tx.send(paths);
                }
            }
        }
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    let watcher = Arc::new(Mutex::new(watcher));
    {
        let mut w = watcher.lock().expect("watcher");
        w.watch(&opts.root, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", opts.root.display()))?;
        for path in watched.iter().filter(|p| p.is_dir()) {
            w.watch(path, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
        }
    }
    {
        let hub = hub.clone();
        let opts = opts.clone();
        let watcher = watcher.clone();
        std::thread::spawn(move || {
            rebuild_loop(rx, &edited, &opts, &hub, report, live, |dir: &Path| {
                // A folder made while serving (templates/ most likely): watch inside it.
                let _ = watcher
                    .lock()
                    .expect("watcher")
                    .watch(dir, RecursiveMode::Recursive);
            })
        });
    }

    // Said once the watcher runs: an edit from now on is seen.
    eprintln!(
        "Serving {} at http://{addr}/ (Ctrl+C to stop)",
        opts.out.display()
    );

    let out = opts.out.clone();
    for request in server.incoming_requests() {
        let hub = hub.clone();
        let out = out.clone();
        std::thread::spawn(move || handle(request, &out, &hub));
    }
    drop(watcher);
    Ok(())
}

/// How long the watcher waits for an editor's burst of events (write, rename, chmod) to end.
const QUIET: Duration = Duration::from_millis(8);
/// After incremental updates, how long the editor must pause before the whole-site files
/// (search index, sitemap, offline bundle, service worker) are brought up to date.
const CATCH_UP: Duration = Duration::from_millis(1500);

fn rebuild_loop(
    rx: Receiver<Vec<PathBuf>>,
    edited: &AtomicBool,
    opts: &BuildOptions,
    hub: &Mutex<Hub>,
    report: impl Fn(&pipeline::BuildResult),
    mut live: Option<Live>,
    watch: impl Fn(&Path),
) {
    loop {
        let stale = live.as_ref().is_some_and(|l| l.stale);
        let received = if stale {
            rx.recv_timeout(CATCH_UP)
        } else {
            rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        };
        let mut paths = match received {
            Ok(paths) => paths,
            Err(RecvTimeoutError::Timeout) => {
                // The editor paused: a full build brings the whole-site files up to date. The
                // pages are already current, so open pages are not reloaded. An edit stops it
                // (nothing is written) and is shown first; the catch-up waits for the next pause.
                let started = Instant::now();
                edited.store(false, Ordering::Relaxed);
                eprintln!("Bringing the search index, sitemap and offline bundle up to date");
                let Some(mut result) = pipeline::build_result_until(opts, edited) else {
                    eprintln!(
                        "Stopped after {} ms: a file changed; catching up after the next pause",
                        started.elapsed().as_millis()
                    );
                    continue;
                };
                report(&result);
                match &result.error_text {
                    Ok(()) => eprintln!(
                        "Search index, sitemap and offline bundle updated in {} ms",
                        started.elapsed().as_millis()
                    ),
                    Err(text) => hub
                        .lock()
                        .expect("hub")
                        .broadcast(Message::Error(text.clone())),
                }
                live = result
                    .project
                    .take()
                    .map(|p| Live::new(p, opts.out.clone()));
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return,
        };
        paths.retain(|p| !is_noise(p));
        if paths.is_empty() {
            continue;
        }
        for top in ["content", "templates"].map(|d| opts.root.join(d)) {
            if paths.contains(&top) && top.is_dir() {
                watch(&top);
            }
        }
        // Editors save in bursts (write, rename, chmod): wait for quiet.
        let started = Instant::now();
        loop {
            match rx.recv_timeout(QUIET) {
                Ok(more) => paths.extend(more.into_iter().filter(|p| !is_noise(p))),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let outcome = live.as_mut().map_or(Outcome::Full, |l| l.apply(&paths));
        let msg = match outcome {
            Outcome::Updated {
                pages,
                urls,
                warnings,
            } => {
                report(&pipeline::BuildResult::new(
                    Ok(pipeline::BuildReport {
                        pages,
                        files: pages,
                        warnings,
                        timings: Vec::new(),
                    }),
                    None,
                ));
                eprintln!(
                    "Updated {} in {} ms; reloading pages",
                    summary(&urls),
                    started.elapsed().as_millis()
                );
                Message::Reload
            }
            Outcome::Failed(d) => {
                let result = pipeline::BuildResult::new(Err(d), None);
                report(&result);
                Message::Error(result.error_text.err().unwrap_or_default())
            }
            Outcome::Full => {
                let mut result = pipeline::build_result(opts);
                report(&result);
                live = result
                    .project
                    .take()
                    .map(|p| Live::new(p, opts.out.clone()));
                match result.error_text {
                    Ok(()) => {
                        eprintln!(
                            "Rebuilt in {} ms; reloading pages",
                            started.elapsed().as_millis()
                        );
                        Message::Reload
                    }
                    Err(text) => Message::Error(text),
                }
            }
        };
        hub.lock().expect("hub").broadcast(msg);
    }
}

/// `/a/`, `/b/` or `/a/ and 41 more pages`.
fn summary(urls: &[String]) -> String {
    match urls {
        [] => "nothing".into(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [first, rest @ ..] => format!("{first} and {} more pages", rest.len()),
    }
}

fn is_noise(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
}

fn header(k: &str, v: &str) -> Header {
    Header::from_bytes(k.as_bytes(), v.as_bytes()).expect("valid header")
}

fn handle(request: Request, out: &Path, hub: &Mutex<Hub>) {
    let url = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    if url == EVENTS {
        let (tx, rx) = mpsc::channel();
        {
            let mut h = hub.lock().expect("hub");
            if let Some(e) = &h.error {
                let _ = tx.send(Message::Error(e.clone()));
            }
            h.clients.push(tx);
        }
        // Written straight to the socket: a chunked response would be buffered.
        let mut w = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
        if w.write_all(head.as_bytes())
            .and_then(|_| w.flush())
            .is_err()
        {
            return;
        }
        loop {
            let msg = match rx.recv_timeout(Duration::from_secs(15)) {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            };
            // A keep-alive comment on timeout is also how a closed connection is noticed.
            let text = msg.map_or_else(|| ": ping\n\n".to_string(), |m| event_text(&m));
            if w.write_all(text.as_bytes())
                .and_then(|_| w.flush())
                .is_err()
            {
                return;
            }
        }
    }
    if url == SCRIPT {
        let _ = request.respond(
            Response::from_string(LIVERELOAD_JS)
                .with_header(header("Content-Type", "text/javascript; charset=utf-8")),
        );
        return;
    }
    let decoded = crate::markdown::percent_decode(&url);
    if decoded.split('/').any(|part| part == "..") {
        let _ = request.respond(Response::from_string("bad path").with_status_code(400));
        return;
    }
    let rel = decoded.trim_start_matches('/');
    let mut path = out.join(rel);
    if path.is_dir() {
        if !decoded.ends_with('/') {
            let _ = request.respond(
                Response::empty(StatusCode(301))
                    .with_header(header("Location", &format!("{url}/"))),
            );
            return;
        }
        path = path.join("index.html");
    }
    let (status, path) = if path.is_file() {
        (200, path)
    } else {
        (404, out.join("404.html"))
    };
    let Ok(mut bytes) = std::fs::read(&path) else {
        let body = match &hub.lock().expect("hub").error {
            Some(e) => format!("The site has not been built yet:\n\n{e}"),
            None => "Not found".to_string(),
        };
        let _ = request.respond(Response::from_string(body).with_status_code(404));
        return;
    };
    let ctype = content_type(&path);
    if ctype.starts_with("text/html") {
        bytes = inject(bytes);
    }
    let _ = request.respond(
        Response::from_data(bytes)
            .with_status_code(status)
            .with_header(header("Content-Type", ctype))
            .with_header(header("Cache-Control", "no-cache")),
    );
}

/// Add the live-reload script to an HTML page (only when served by `serve`).
fn inject(mut html: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT}\" defer></script>");
    let pos = find_last(&html, b"</body>").unwrap_or(html.len());
    html.splice(pos..pos, tag.into_bytes());
    html
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "ics" => "text/calendar; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// One server-sent event.
fn event_text(msg: &Message) -> String {
    match msg {
        Message::Reload => "event: reload\ndata: 1\n\n".to_string(),
        Message::Error(text) => {
            let mut s = String::from("event: error\n");
            for line in text.lines() {
                s.push_str("data: ");
                s.push_str(line);
                s.push('\n');
            }
            s.push('\n');
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_body_end() {
        let out = inject(b"<html><body><p>x</p></body></html>".to_vec());
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("<html><body><p>x</p><script src=\"{SCRIPT}\" defer></script></body></html>")
        );
    }
}
