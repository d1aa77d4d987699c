//! Asking for the addresses: a few threads, at most [`PER_HOST`] requests to a host at a time
//! and [`HOST_SPACING`] between two that start there, redirects followed by hand (each hop is
//! asked HEAD first too, and each counts against the host's limit).

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use ureq::Agent;

use crate::tr;
use ureq::http::{Response, StatusCode, Uri};

/// Threads asking at once.
pub const CONCURRENCY: usize = 8;
/// Requests to one host (and port) at a time.
pub const PER_HOST: usize = 2;
/// The least time between two requests that start at one host.
pub const HOST_SPACING: Duration = Duration::from_millis(100);
/// Redirects followed before a link is called broken.
pub const MAX_REDIRECTS: usize = 5;

/// What asking for one address gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Outcome {
    /// It answers (2xx) where it is.
    Ok,
    /// It answers, at another address.
    Redirected { to: String },
    /// It does not answer; `via` is where redirects led, when they did.
    Dead {
        problem: Problem,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        via: Option<String>,
    },
}

/// Why a link is dead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// The server answered 4xx or 5xx.
    Status {
        status: u16,
    },
    /// No connection or no answer within the timeout.
    Timeout {
        seconds: u64,
    },
    /// The host name is not known.
    Dns,
    /// The host refused the connection.
    Refused,
    /// The secure connection failed (certificate, protocol).
    Tls {
        detail: String,
    },
    TooManyRedirects,
    /// Anything else, in the client's words.
    Other {
        detail: String,
    },
}

impl Problem {
    /// What happened, for the diagnostic's message (after "link to … is broken: ").
    pub fn describe(&self) -> String {
        match self {
            Problem::Status { status } => {
                let reason = StatusCode::from_u16(*status)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .map(|r| format!(" {r}"))
                    .unwrap_or_default();
                tr!(
                    "external-status",
                    status = status.to_string(),
                    reason = reason
                )
            }
            Problem::Timeout { seconds } => tr!("external-timeout", seconds = seconds.to_string()),
            Problem::Dns => tr!("external-dns"),
            Problem::Refused => tr!("external-refused"),
            Problem::Tls { detail } => tr!("external-tls", detail = detail.as_str()),
            Problem::TooManyRedirects => tr!("external-redirects", max = MAX_REDIRECTS),
            Problem::Other { detail } => detail.clone(),
        }
    }

    /// How to fix it, for the diagnostic's hint.
    pub fn hint(&self) -> String {
        match self {
            Problem::Status { status } if *status >= 500 => tr!("external-hint-server-fault"),
            Problem::Timeout { .. } | Problem::Refused => tr!("external-hint-down"),
            _ => tr!("external-hint-gone"),
        }
    }

    /// Whether the answer lasts: a missing page (404, 410), not a fault of the moment. A
    /// host not found is not: without a network every host is.
    pub fn is_permanent(&self) -> bool {
        matches!(self, Problem::Status { status: 404 | 410 })
    }
}

/// Asks for every address (each once), [`CONCURRENCY`] at a time; the outcomes are in the
/// order of `urls`.
pub fn check_all(urls: &[&str], timeout: Duration) -> Vec<Outcome> {
    let agent: Agent = Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!(
            "pamyatka/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .timeout_resolve(Some(timeout))
        .timeout_connect(Some(timeout))
        .timeout_send_request(Some(timeout))
        .timeout_recv_response(Some(timeout))
        .build()
        .into();
    let gate = HostGate::default();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Outcome>>> = Mutex::new(vec![None; urls.len()]);
    std::thread::scope(|s| {
        for _ in 0..CONCURRENCY.min(urls.len()) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(url) = urls.get(i) else { break };
                    let outcome = check_one(&agent, &gate, url, timeout);
                    results.lock().unwrap_or_else(PoisonError::into_inner)[i] = Some(outcome);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
        .into_iter()
        .map(|o| o.expect("every address was asked for"))
        .collect()
}

/// One address, its redirects followed.
fn check_one(agent: &Agent, gate: &HostGate, url: &str, timeout: Duration) -> Outcome {
    let mut current = url.to_string();
    for _ in 0..=MAX_REDIRECTS {
        let via = (current != url).then(|| current.clone());
        let response = match ask(agent, gate, &current) {
            Ok(r) => r,
            Err(e) => {
                return Outcome::Dead {
                    problem: problem(&e, timeout),
                    via,
                };
            }
        };
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        match (status, location) {
            (300..=399, Some(to)) => match join(&current, &to) {
                Some(next) => current = next,
                None => {
                    return Outcome::Dead {
                        problem: Problem::Other {
                            detail: format!("redirected to `{to}`, which is not an address"),
                        },
                        via,
                    };
                }
            },
            (400.., _) => {
                return Outcome::Dead {
                    problem: Problem::Status { status },
                    via,
                };
            }
            _ if via.is_some() => return Outcome::Redirected { to: current },
            _ => return Outcome::Ok,
        }
    }
    Outcome::Dead {
        problem: Problem::TooManyRedirects,
        via: Some(current),
    }
}

/// HEAD, then GET when the server refuses HEAD (405, 501, 403, or a connection closed without
/// an answer). The GET's body is never read.
fn ask(agent: &Agent, gate: &HostGate, url: &str) -> Result<Response<ureq::Body>, ureq::Error> {
    let host = url
        .parse::<Uri>()
        .ok()
        .and_then(|u| u.authority().map(|a| a.as_str().to_ascii_lowercase()))
        .unwrap_or_default();
    let head = {
        let _turn = gate.enter(&host);
        agent.head(url).call()
    };
    let refused = match &head {
        Ok(r) => matches!(r.status().as_u16(), 403 | 405 | 501),
        Err(e) => closed_without_answer(e),
    };
    if !refused {
        return head;
    }
    let _turn = gate.enter(&host);
    agent.get(url).call()
}

/// The server took the connection and closed it without an answer (some do so for HEAD).
fn closed_without_answer(e: &ureq::Error) -> bool {
    use std::io::ErrorKind;
    match e {
        ureq::Error::Io(io) => matches!(
            io.kind(),
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::UnexpectedEof
        ),
        ureq::Error::Protocol(_) => true,
        _ => false,
    }
}

fn problem(e: &ureq::Error, timeout: Duration) -> Problem {
    match e {
        ureq::Error::Timeout(_) => Problem::Timeout {
            seconds: timeout.as_secs_f64().ceil() as u64,
        },
        ureq::Error::HostNotFound => Problem::Dns,
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            Problem::Refused
        }
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => Problem::Timeout {
            seconds: timeout.as_secs_f64().ceil() as u64,
        },
        // The system resolver's failure comes as an I/O error of no particular kind.
        ureq::Error::Io(io) if io.to_string().contains("lookup address") => Problem::Dns,
        ureq::Error::Tls(detail) => Problem::Tls {
            detail: detail.to_string(),
        },
        ureq::Error::Rustls(e) => Problem::Tls {
            detail: e.to_string(),
        },
        ureq::Error::BadUri(_) => Problem::Other {
            detail: "not a valid address".into(),
        },
        e => Problem::Other {
            detail: e.to_string(),
        },
    }
}

/// Where `location` (a redirect's `Location`) leads from `base`.
fn join(base: &str, location: &str) -> Option<String> {
    let lower = location.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Some(location.to_string());
    }
    let uri: Uri = base.parse().ok()?;
    let scheme = uri.scheme_str()?;
    let authority = uri.authority()?.as_str();
    if location.starts_with("//") {
        return Some(format!("{scheme}:{location}"));
    }
    if location.starts_with('/') {
        return Some(format!("{scheme}://{authority}{location}"));
    }
    let path = uri.path();
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let folder = if folder.is_empty() { "/" } else { folder };
    Some(format!("{scheme}://{authority}{folder}{location}"))
}

/// Turns at each host: at most [`PER_HOST`] requests at a time, starting [`HOST_SPACING`]
/// apart.
#[derive(Default)]
struct HostGate {
    hosts: Mutex<HashMap<String, HostState>>,
    freed: Condvar,
}

struct HostState {
    active: usize,
    next_start: Instant,
}

/// A request's turn at its host; the host's slot is freed when it is dropped.
struct Turn<'a> {
    gate: &'a HostGate,
    host: String,
}

impl HostGate {
    fn enter(&self, host: &str) -> Turn<'_> {
        let mut hosts = self.hosts.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            let now = Instant::now();
            let state = hosts.entry(host.to_string()).or_insert(HostState {
                active: 0,
                next_start: now,
            });
            if state.active < PER_HOST && now >= state.next_start {
                state.active += 1;
                state.next_start = now + HOST_SPACING;
                return Turn {
                    gate: self,
                    host: host.to_string(),
                };
            }
            let wait = if state.active < PER_HOST {
                state.next_start - now
            } else {
                HOST_SPACING
            };
            hosts = self
                .freed
                .wait_timeout(hosts, wait)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let mut hosts = self
            .gate
            .hosts
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(state) = hosts.get_mut(&self.host) {
            state.active -= 1;
        }
        self.gate.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_targets_are_resolved_from_the_address_asked_for() {
        let base = "https://a.example/x/y?q=1";
        assert_eq!(join(base, "/z").as_deref(), Some("https://a.example/z"));
        assert_eq!(join(base, "z").as_deref(), Some("https://a.example/x/z"));
        assert_eq!(
            join(base, "//b.example/").as_deref(),
            Some("https://b.example/")
        );
        assert_eq!(
            join(base, "HTTP://c.example/").as_deref(),
            Some("HTTP://c.example/")
        );
        assert_eq!(
            join("http://127.0.0.1:8/", "ok").as_deref(),
            Some("http://127.0.0.1:8/ok")
        );
    }

    #[test]
    fn only_lasting_failures_are_permanent() {
        assert!(Problem::Status { status: 404 }.is_permanent());
        assert!(!Problem::Status { status: 500 }.is_permanent());
        assert!(!Problem::Timeout { seconds: 10 }.is_permanent());
        assert!(!Problem::Refused.is_permanent());
        assert!(!Problem::Dns.is_permanent());
    }
}
