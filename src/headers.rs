//! The site's security policy: one Content-Security-Policy for the `<meta>` tag of every page
//! and, with what only a header can say, a `_headers` file (the format of Netlify, Cloudflare
//! Pages and others) written next to the pages. docs/DEPLOY.md gives the same as nginx config.

/// No inline scripts, no external anything; WASM compiled by the page's own scripts; the only
/// requests are to the site itself.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; \
object-src 'none'; base-uri 'none'; form-action 'self'";

/// Directives a `<meta>` CSP ignores (and Chromium warns about), so they go in the header only.
pub const HEADER_ONLY: &str = "frame-ancestors 'none'";

/// `public/_headers`.
pub fn headers_file() -> String {
    format!(
        "# Security headers for hosts that read a _headers file (see docs/DEPLOY.md for nginx).\n\
         /*\n  Content-Security-Policy: {CSP}; {HEADER_ONLY}\n  X-Content-Type-Options: nosniff\n  \
         Referrer-Policy: no-referrer\n  Permissions-Policy: camera=(), microphone=(), geolocation=()\n\
         /assets/*\n  Cache-Control: public, max-age=31536000, immutable\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_allows_only_the_site_itself() {
        assert!(CSP.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(CSP.contains("connect-src 'self';"));
        assert!(!CSP.contains("unsafe-inline"));
        assert!(!CSP.contains("http"));
        let h = headers_file();
        assert!(h.contains(&format!(
            "Content-Security-Policy: {CSP}; frame-ancestors 'none'\n"
        )));
        assert!(h.contains("/assets/*\n  Cache-Control: public, max-age=31536000, immutable"));
    }
}
