//! `content/site.yaml`: site-wide settings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, shown in the header and in every `<title>`.
    pub title: String,
    /// One sentence about the site, for `<meta name="description">`.
    #[serde(default)]
    pub description: String,
    /// Absolute URL the site is published at, used in `sitemap.xml` (no trailing slash).
    /// Empty when `site.yaml` leaves it out: the address is not known yet.
    #[serde(default)]
    pub base_url: String,
    /// Language of the content (`lang` attribute).
    #[serde(default = "default_language")]
    pub language: String,
}

fn default_language() -> String {
    "ru".to_string()
}

impl SiteConfig {
    /// `base_url` without a trailing slash; `""` while the address is not known (no
    /// `base_url` in `site.yaml`, as `pamyatka init` leaves it). What would be an absolute
    /// address is then a path from the site's root (`/esia/privyazka/`): `sitemap.xml`'s
    /// `<loc>`s, the feeds' links (relative references, which Atom allows) and the calendars'
    /// page links. Such a site is not published yet, so nothing outside reads those files, and
    /// the build writes the same set of files whether or not the address is known; once
    /// `base_url` is set they carry it. Ids made of the host (the feeds' `tag:` ids, the
    /// calendars' UIDs) name `localhost` meanwhile (`feed::host`).
    pub fn base(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }

    /// Whether `site.yaml` names an address at all (`check` says nothing about one that is not
    /// known yet, only about a placeholder).
    pub fn has_base(&self) -> bool {
        !self.base().trim().is_empty()
    }

    /// The address readers can reach the site at, or `None` while `base_url` is unset or a
    /// placeholder: a name reserved for examples and tests (RFC 2606, RFC 6761: `example.org`,
    /// `*.example`, `*.test`, `*.invalid`, `localhost`) or a loopback address. Printed pages
    /// name a link's full address only when there is a real one.
    pub fn public_base(&self) -> Option<&str> {
        let base = self.base();
        (!is_placeholder(base)).then_some(base)
    }
}

/// Whether `url`'s host is one no reader can reach.
pub fn is_placeholder(url: &str) -> bool {
    let rest = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    let host_port = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        host_port
            .split(']')
            .next()
            .unwrap_or("")
            .trim_start_matches('[')
    } else {
        host_port.split(':').next().unwrap_or("")
    }
    .trim_end_matches('.')
    .to_ascii_lowercase();
    let reserved_tld = ["example", "test", "invalid", "localhost", "local"];
    let reserved_domain = ["example.com", "example.org", "example.net"];
    host.is_empty()
        || host == "::1"
        || host.starts_with("127.")
        || reserved_tld
            .iter()
            .any(|t| host == *t || host.ends_with(&format!(".{t}")))
        || reserved_domain
            .iter()
            .any(|d| host == *d || host.ends_with(&format!(".{d}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_addresses_are_told_from_real_ones() {
        for url in [
            "http://localhost",
            "http://localhost:8000/",
            "https://pamyatka.example",
            "https://www.example.org/",
            "https://EXAMPLE.COM",
            "http://127.0.0.1:8080",
            "http://[::1]:8000",
            "https://site.test",
            "https://x.invalid/",
            "",
        ] {
            assert!(is_placeholder(url), "{url}");
        }
        for url in [
            "https://edu.gov.ru",
            "https://pamyatka.edu22.info/",
            "https://examples.ru",
            "https://example.org.ru",
            "http://10.1.2.3/pamyatka",
        ] {
            assert!(!is_placeholder(url), "{url}");
        }
    }
}
