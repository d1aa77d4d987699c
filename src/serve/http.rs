//! The preview server's HTTP side: hyper's HTTP/1 on a small tokio runtime, serving the output
//! folder and the live-reload event stream on 127.0.0.1.
//!
//! Any local process can send it anything, so every resource a request can claim is bounded:
//! - connections: at most [`MAX_CONNECTIONS`] at once (more are closed at once); a connection
//!   that does not finish its request head within [`HEAD_TIMEOUT`] — the first request or the
//!   next one on a kept-alive connection — is closed;
//! - threads: two workers and at most [`MAX_FILE_THREADS`] for file reads, however many
//!   connections are open;
//! - memory: a request head is at most [`MAX_HEAD`] bytes (hyper answers 431 past it) and a
//!   target at most [`MAX_TARGET`] (414); a request body is never read: only GET and HEAD are
//!   served (405 for the rest) and a GET that announces a body is refused (400), the connection
//!   closed in both cases;
//! - redirects: only to a path of this server (`//esia` → `/esia/`, never `//esia/`, which a
//!   browser reads as another host).

use std::convert::Infallible;
use std::net::TcpListener as StdListener;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, combinators::BoxBody};
use hyper::body::{Body, Frame, Incoming};
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::{Semaphore, mpsc};

use super::{Hub, Message, lock};

pub const EVENTS: &str = "/__pamyatka/events";
pub const SCRIPT: &str = "/__pamyatka/livereload.js";
const LIVERELOAD_JS: &str = include_str!("livereload.js");

/// The live-reload script with the overlay's words in the current language (JSON strings in
/// place of its `WORDS` placeholder).
fn livereload_js() -> String {
    let words = serde_json::json!({
        "lang": crate::i18n::lang().code(),
        "title": crate::tr!("serve-overlay-title"),
        "hint": crate::tr!("serve-overlay-hint"),
    });
    LIVERELOAD_JS.replace("WORDS", &words.to_string())
}

/// Connections open at once; the next one is closed as soon as it is accepted.
pub const MAX_CONNECTIONS: usize = 256;
/// Time a connection has to send a whole request head.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// Request line and headers, in bytes (hyper's smallest allowed buffer is 8 KiB).
pub const MAX_HEAD: usize = 16 * 1024;
/// Request target, in bytes.
pub const MAX_TARGET: usize = 4 * 1024;
/// Threads that read files (tokio's blocking pool).
pub const MAX_FILE_THREADS: usize = 4;
/// How often an idle event stream is sent a comment (how a closed one is noticed).
const PING: Duration = Duration::from_secs(15);

type ResBody = BoxBody<Bytes, Infallible>;

/// Serves `out` on `listener` until the process ends.
pub fn run(listener: StdListener, out: PathBuf, hub: Arc<Mutex<Hub>>) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(MAX_FILE_THREADS)
        .thread_name("pamyatka-http")
        .enable_all()
        .build()?;
    runtime.block_on(accept_loop(listener, Arc::new(out), hub))
}

async fn accept_loop(
    listener: StdListener,
    out: Arc<PathBuf>,
    hub: Arc<Mutex<Hub>>,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors and the like: wait a little rather than spin.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let out = out.clone();
        let hub = hub.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let out = out.clone();
                let hub = hub.clone();
                async move { Ok::<_, Infallible>(respond(req, &out, &hub).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .max_buf_size(MAX_HEAD)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            drop(slot);
        });
    }
}

fn full(body: impl Into<Bytes>) -> ResBody {
    Full::new(body.into()).boxed()
}

/// A response that also closes the connection (its request body, if any, is never read).
fn refuse(status: StatusCode, text: &str) -> Response<ResBody> {
    let mut res = Response::new(full(format!("{text}\n")));
    *res.status_mut() = status;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    h.insert(header::CONNECTION, HeaderValue::from_static("close"));
    res
}

async fn respond(req: Request<Incoming>, out: &Path, hub: &Mutex<Hub>) -> Response<ResBody> {
    let head_only = req.method() == Method::HEAD;
    if req.method() != Method::GET && !head_only {
        let mut res = refuse(
            StatusCode::METHOD_NOT_ALLOWED,
            &crate::tr!("serve-http-method"),
        );
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return res;
    }
    if announces_body(&req) {
        return refuse(StatusCode::BAD_REQUEST, &crate::tr!("serve-http-body"));
    }
    let target = req.uri().path_and_query().map_or("/", |p| p.as_str());
    if target.len() > MAX_TARGET {
        return refuse(StatusCode::URI_TOO_LONG, &crate::tr!("serve-http-too-long"));
    }
    let path = req.uri().path();
    if path == EVENTS {
        return event_stream(hub);
    }
    if path == SCRIPT {
        return with_type(Response::new(full(livereload_js())), "livereload.js");
    }
    let Some(segments) = segments(path) else {
        return refuse(StatusCode::BAD_REQUEST, &crate::tr!("serve-http-bad-path"));
    };
    let res = file_response(out, path, &segments, hub).await;
    if head_only {
        let (parts, _) = res.into_parts();
        return Response::from_parts(parts, full(Bytes::new()));
    }
    res
}

/// Whether the request says a body follows (a length other than 0, or chunks).
fn announces_body<B>(req: &Request<B>) -> bool {
    let h = req.headers();
    h.contains_key(header::TRANSFER_ENCODING)
        || h.get(header::CONTENT_LENGTH)
            .is_some_and(|v| v.as_bytes() != b"0")
}

/// The decoded, non-empty segments of a URL path; `None` for what could leave the output
/// folder or name something odd (`..`, `.`, a backslash, a NUL, invalid UTF-8).
fn segments(path: &str) -> Option<Vec<String>> {
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let mut out = Vec::new();
    for part in decoded.split('/') {
        if part.is_empty() {
            continue;
        }
        if part == ".." || part == "." || part.contains(['\\', '\0']) || part.contains(':') {
            return None;
        }
        out.push(part.to_string());
    }
    Some(out)
}

/// `/` followed by the segments, percent-encoded: always a path on this server.
fn local_path(segments: &[String]) -> String {
    const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'/')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}');
    let mut s = String::from("/");
    for seg in segments {
        s.extend(percent_encoding::utf8_percent_encode(seg, SEGMENT));
        s.push('/');
    }
    s
}

async fn file_response(
    out: &Path,
    raw: &str,
    segments: &[String],
    hub: &Mutex<Hub>,
) -> Response<ResBody> {
    let mut path = out.join(segments.join("/"));
    if tokio::fs::metadata(&path).await.is_ok_and(|m| m.is_dir()) {
        if !raw.ends_with('/') {
            let mut res = Response::new(full(Bytes::new()));
            *res.status_mut() = StatusCode::MOVED_PERMANENTLY;
            let location = HeaderValue::from_str(&local_path(segments)).expect("ASCII");
            res.headers_mut().insert(header::LOCATION, location);
            return res;
        }
        path = path.join("index.html");
    }
    let (status, path) = if tokio::fs::metadata(&path).await.is_ok_and(|m| m.is_file()) {
        (StatusCode::OK, path)
    } else {
        (StatusCode::NOT_FOUND, out.join("404.html"))
    };
    let Ok(mut bytes) = tokio::fs::read(&path).await else {
        let body = match &lock(hub).error {
            Some(e) => crate::tr!("serve-not-built", error = e),
            None => crate::tr!("serve-not-found"),
        };
        let mut res = Response::new(full(body));
        *res.status_mut() = StatusCode::NOT_FOUND;
        return with_type(res, "error.txt");
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let name = name.unwrap_or_default();
    if content_type(&name).starts_with("text/html") {
        bytes = inject(bytes);
    }
    let mut res = Response::new(full(bytes));
    *res.status_mut() = status;
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    with_type(res, &name)
}

fn with_type(mut res: Response<ResBody>, name: &str) -> Response<ResBody> {
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(name)),
    );
    res
}

/// The live-reload stream: the current error at once if the site is broken, then one event per
/// build, and a comment every [`PING`] (a write to a closed connection ends the stream).
fn event_stream(hub: &Mutex<Hub>) -> Response<ResBody> {
    let (msg_tx, mut msg_rx) = mpsc::unbounded_channel();
    {
        let mut h = lock(hub);
        if let Some(e) = &h.error {
            let _ = msg_tx.send(Message::Error(e.clone()));
        }
        h.clients.push(msg_tx);
    }
    let (body_tx, body_rx) = mpsc::channel::<Bytes>(8);
    tokio::spawn(async move {
        if body_tx
            .send(Bytes::from_static(b"retry: 500\n\n"))
            .await
            .is_err()
        {
            return;
        }
        loop {
            let text = tokio::select! {
                msg = msg_rx.recv() => match msg {
                    Some(m) => event_text(&m),
                    None => return,
                },
                () = tokio::time::sleep(PING) => ": ping\n\n".to_string(),
            };
            if body_tx.send(Bytes::from(text)).await.is_err() {
                return;
            }
        }
    });
    let mut res = Response::new(BoxBody::new(Stream(body_rx)));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// A response body fed by a channel, a frame per message.
struct Stream(mpsc::Receiver<Bytes>);

impl Body for Stream {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.0.poll_recv(cx).map(|m| m.map(|b| Ok(Frame::data(b))))
    }
}

/// Add the live-reload script to an HTML page (only when served by `serve`).
pub fn inject(mut html: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT}\" defer></script>");
    let pos = memchr::memmem::rfind(&html, b"</body>").unwrap_or(html.len());
    html.splice(pos..pos, tag.into_bytes());
    html
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map_or("", |(_, ext)| ext) {
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

    #[test]
    fn paths_that_leave_the_folder_are_refused() {
        for bad in [
            "/../etc/passwd",
            "/a/%2e%2e/b",
            "/a/./b",
            "/a%5C..%5Cb",
            "/a%00",
            "/%ff",
            "/C:/x",
        ] {
            assert!(segments(bad).is_none(), "{bad}");
        }
        assert_eq!(segments("//esia").unwrap(), ["esia"]);
        assert_eq!(segments("/%D0%B0%20b/").unwrap(), ["а b"], "decoded once");
    }

    #[test]
    fn redirects_stay_on_this_server() {
        for (segs, want) in [
            (vec!["esia"], "/esia/"),
            (vec!["a b", "в"], "/a%20b/%D0%B2/"),
            (vec!["%2F"], "/%252F/"),
        ] {
            let segs: Vec<String> = segs.into_iter().map(String::from).collect();
            assert_eq!(local_path(&segs), want);
        }
        let esia = local_path(&segments("//esia").unwrap());
        assert!(esia.starts_with('/') && !esia.starts_with("//"), "{esia}");
        let odd = local_path(&segments("/\\/evil.example").unwrap_or_default());
        assert!(!odd.starts_with("//"), "{odd}");
    }
}
