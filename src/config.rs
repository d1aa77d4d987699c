//! `content/site.yaml`: site-wide settings.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, shown in the header and in every `<title>`.
    pub title: String,
    /// One sentence about the site, for `<meta name="description">`.
    #[serde(default)]
    pub description: String,
    /// Absolute URL the site is published at, used in `sitemap.xml` (no trailing slash).
    #[serde(default = "default_base_url")]
    pub base_url: String,
    /// Language of the content (`lang` attribute).
    #[serde(default = "default_language")]
    pub language: String,
}

fn default_base_url() -> String {
    "http://localhost".to_string()
}

fn default_language() -> String {
    "ru".to_string()
}

impl SiteConfig {
    /// `base_url` without a trailing slash.
    pub fn base(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }
}
