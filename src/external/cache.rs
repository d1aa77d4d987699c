//! `.pamyatka/links.json` in the site's folder: the answers of the last day, so that running
//! the check again (after fixing one link) asks only for what is new.
//!
//! Kept: links that answer (directly or redirected) and links to missing pages (404, 410) —
//! answers that last. Not kept: server faults (5xx), timeouts, refused connections, DNS and
//! TLS failures: they are often of the moment (a site down for an hour, no network), and the
//! next run should see them fixed rather than repeat them for a day.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::Outcome;

/// How long an answer is kept.
pub const MAX_AGE: time::Duration = time::Duration::days(1);

pub fn path(root: &Path) -> PathBuf {
    root.join(".pamyatka").join("links.json")
}

pub fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Cache {
    /// By address.
    links: BTreeMap<String, Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    #[serde(flatten)]
    outcome: Outcome,
    /// RFC 3339, UTC.
    checked_at: String,
}

impl Entry {
    fn is_fresh(&self, now: OffsetDateTime) -> bool {
        OffsetDateTime::parse(&self.checked_at, &Rfc3339)
            .is_ok_and(|at| at <= now && now - at < MAX_AGE)
    }
}

/// The cache as written; a missing or unreadable one is empty (it is only a cache).
pub fn load(path: &Path) -> Cache {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

impl Cache {
    pub fn fresh(&self, url: &str, now: OffsetDateTime) -> Option<&Outcome> {
        self.links
            .get(url)
            .filter(|e| e.is_fresh(now))
            .map(|e| &e.outcome)
    }

    /// Keeps the answer if it lasts (see the module's comment); forgets an older one if not.
    pub fn record(&mut self, url: &str, outcome: &Outcome, now: OffsetDateTime) {
        let lasts = match outcome {
            Outcome::Ok | Outcome::Redirected { .. } => true,
            Outcome::Dead { problem, .. } => problem.is_permanent(),
        };
        if !lasts {
            self.links.remove(url);
            return;
        }
        let checked_at = now.format(&Rfc3339).unwrap_or_default();
        self.links.insert(
            url.to_string(),
            Entry {
                outcome: outcome.clone(),
                checked_at,
            },
        );
    }

    /// Drops the answers that are stale or for addresses the site no longer links to.
    pub fn keep_only<'a>(&mut self, urls: impl Iterator<Item = &'a str>, now: OffsetDateTime) {
        let linked: std::collections::HashSet<&str> = urls.collect();
        self.links
            .retain(|url, e| linked.contains(url.as_str()) && e.is_fresh(now));
    }

    /// Writes the cache (through a temporary file, so a reader never sees half of it), with a
    /// `.gitignore` that keeps the folder out of the site's repository.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let dir = path.parent().expect("the cache is in a folder");
        std::fs::create_dir_all(dir)?;
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# pamyatka's cache (check --external)\n*\n")?;
        }
        let tmp = path.with_extension("json.tmp");
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(&tmp, text + "\n")?;
        std::fs::rename(&tmp, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::external::Problem;

    #[test]
    fn answers_that_last_are_kept_for_a_day() {
        let now = now();
        let mut cache = Cache::default();
        cache.record("https://ok.example/", &Outcome::Ok, now);
        let gone = Outcome::Dead {
            problem: Problem::Status { status: 404 },
            via: None,
        };
        cache.record("https://gone.example/", &gone, now);
        let down = Outcome::Dead {
            problem: Problem::Status { status: 503 },
            via: None,
        };
        cache.record("https://down.example/", &down, now);
        assert_eq!(cache.fresh("https://ok.example/", now), Some(&Outcome::Ok));
        assert_eq!(cache.fresh("https://gone.example/", now), Some(&gone));
        assert_eq!(cache.fresh("https://down.example/", now), None);
        let tomorrow = now + MAX_AGE;
        assert_eq!(cache.fresh("https://ok.example/", tomorrow), None);
        // Read back as written.
        let text = serde_json::to_string(&cache).unwrap();
        let back: Cache = serde_json::from_str(&text).unwrap();
        assert_eq!(back.fresh("https://gone.example/", now), Some(&gone));
    }
}
