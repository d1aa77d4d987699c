//! The offline bundle's copy of a page, which opens from `file://`: what it changes (links
//! name `index.html`, WASM comes inlined, the policy names `file:`, the link to the bundle
//! goes), the marks that let one rewrite pass write a page and its copy together, and the
//! bundle's size on the home page.

/// Marks that let one pass write a page and its `file://` copy for the offline bundle: what
/// lies between `FILE_ONLY` and its end goes only into the copy, what lies between
/// `PAGE_ONLY` and its end only into the page (see [`split_marked`]). A control character no
/// page has (pages that do are rewritten twice instead), and a letter.
const MARK: u8 = 0x01;
pub const FILE_ONLY: &str = "\u{1}F";
pub const FILE_ONLY_END: &str = "\u{1}f";
pub const PAGE_ONLY: &str = "\u{1}P";
pub const PAGE_ONLY_END: &str = "\u{1}p";

/// Does `s` hold the mark character? (Then its marks could not be told apart.)
pub fn holds_mark(s: &str) -> bool {
    memchr::memchr(MARK, s.as_bytes()).is_some()
}

/// A marked page as the page and its copy (marks may nest: the bundle's link, left out of
/// the copy, may hold links that the copy would change).
pub fn split_marked(marked: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let mut page = Vec::with_capacity(marked.len());
    let mut copy = Vec::with_capacity(marked.len() + 256);
    let (mut file_only, mut page_only) = (0u32, 0u32);
    let mut pos = 0;
    while let Some(i) = memchr::memchr(MARK, &marked[pos..]) {
        let i = pos + i;
        if file_only == 0 {
            page.extend_from_slice(&marked[pos..i]);
        }
        if page_only == 0 {
            copy.extend_from_slice(&marked[pos..i]);
        }
        match marked.get(i + 1) {
            Some(b'F') => file_only += 1,
            Some(b'f') => file_only = file_only.saturating_sub(1),
            Some(b'P') => page_only += 1,
            Some(b'p') => page_only = page_only.saturating_sub(1),
            // Not a mark (none can be there: see `rewrite::rewrite_with_file_copy`): kept as it is.
            _ => {
                if file_only == 0 {
                    page.push(MARK);
                }
                if page_only == 0 {
                    copy.push(MARK);
                }
                pos = i + 1;
                continue;
            }
        }
        pos = i + 2;
    }
    page.extend_from_slice(&marked[pos..]);
    copy.extend_from_slice(&marked[pos..]);
    (page, copy)
}

/// One page (UTF-8 HTML) rewritten for `file://`.
pub fn for_file_url_bytes(html: &[u8]) -> Result<Vec<u8>, String> {
    let html = std::str::from_utf8(html).map_err(|e| e.to_string())?;
    for_file_url(html).map(String::into_bytes)
}

/// One page rewritten for `file://` ([`file_url_rules`] in a pass of their own). A build makes
/// the copy in the page's own rewrite pass (`rewrite::rewrite_with_file_copy`); this pass is
/// for pages that pass cannot mark, and what the tests compare it with.
pub(crate) fn for_file_url(html: &str) -> Result<String, String> {
    let settings = file_url_rules(lol_html::RewriteStrSettings::new(), false);
    lol_html::rewrite_str(html, settings).map_err(|e| e.to_string())
}

/// What the `file://` copy of a page changes, as handlers (after the page's own: they see its
/// final URLs): links and form actions to pages name `index.html`, a WASM module's inlined
/// loader goes before the script that uses it, the policy names `file:`, and the link to the
/// bundle (meaningless inside it) goes. `marked`: instead of changing the page, the handlers
/// mark what only the copy has and what only the page has ([`split_marked`]).
pub(crate) fn file_url_rules<'h, 's>(
    settings: lol_html::RewriteStrSettings<'h, 's>,
    marked: bool,
) -> lol_html::RewriteStrSettings<'h, 's> {
    use lol_html::element;
    use lol_html::html_content::ContentType;

    let copy_only = move |text: &str| {
        if marked {
            format!("{FILE_ONLY}{text}{FILE_ONLY_END}")
        } else {
            text.to_string()
        }
    };
    // What the page has and its copy does not (the bundle's link, a picture's WebP source):
    // marked, or gone.
    let page_only = move |el: &mut lol_html::html_content::Element<'_, '_>| {
        if marked {
            el.before(PAGE_ONLY, ContentType::Html);
            el.after(PAGE_ONLY_END, ContentType::Html);
        } else {
            el.remove();
        }
        Ok(())
    };
    settings
        .append_element_content_handler(element!("a[href], form[action]", move |el| {
            let attr = if el.tag_name() == "form" {
                "action"
            } else {
                "href"
            };
            let value = el.get_attribute(attr).unwrap_or_default();
            if let Some((at, text)) = index_html_insert(&value) {
                let fixed = format!("{}{}{}", &value[..at], copy_only(text), &value[at..]);
                el.set_attribute(attr, &fixed)?;
            }
            Ok(())
        }))
        // The search page's script makes page links of its own, from the search index (the same
        // files on the web and in the bundle): it adds what this attribute names, the page file
        // in the copy and nothing on the web, so the rule for page links stays this one.
        .append_element_content_handler(element!("script[data-page-file]", move |el| {
            el.set_attribute("data-page-file", &copy_only(PAGE_FILE))?;
            Ok(())
        }))
        // A prepared image (`images::figure`) shows its mid width alone, the one file of it
        // the bundle has: no other widths, no other format.
        .append_element_content_handler(element!("img[data-offline-src]", move |el| {
            let offline = el.get_attribute("data-offline-src").unwrap_or_default();
            let src = el.get_attribute("src").unwrap_or_default();
            if marked {
                let srcset = el.get_attribute("srcset").unwrap_or_default();
                el.set_attribute(
                    "src",
                    &format!("{PAGE_ONLY}{src}{PAGE_ONLY_END}{FILE_ONLY}{offline}{FILE_ONLY_END}"),
                )?;
                el.set_attribute("srcset", &format!("{PAGE_ONLY}{srcset}{PAGE_ONLY_END}"))?;
            } else {
                // As the marked pass leaves it (it cannot remove an attribute from the copy
                // alone): an empty `srcset` offers no other file.
                el.set_attribute("src", &offline)?;
                el.set_attribute("srcset", "")?;
            }
            Ok(())
        }))
        .append_element_content_handler(element!("picture > source", page_only))
        .append_element_content_handler(element!("a[data-offline-href]", move |el| {
            let offline = el.get_attribute("data-offline-href").unwrap_or_default();
            let href = el.get_attribute("href").unwrap_or_default();
            let fixed = if marked {
                format!("{PAGE_ONLY}{href}{PAGE_ONLY_END}{FILE_ONLY}{offline}{FILE_ONLY_END}")
            } else {
                offline
            };
            el.set_attribute("href", &fixed)?;
            Ok(())
        }))
        .append_element_content_handler(element!("[data-offline-link]", page_only))
        // On file:// a module cannot be fetched: it comes inlined in a classic script
        // (`<module>.wasm.js`, made by the bundle), loaded before the script that uses it.
        .append_element_content_handler(element!("script[data-wasm]", move |el| {
            let wasm = el.get_attribute("data-wasm").unwrap_or_default();
            let loader = format!(
                "<script src=\"{}.js\"></script>",
                crate::escape::escape_attr(&wasm)
            );
            el.before(&copy_only(&loader), ContentType::Html);
            Ok(())
        }))
        // On file:// a page's own files are not 'self' in every browser: name the scheme.
        .append_element_content_handler(element!(
            "meta[http-equiv=Content-Security-Policy]",
            move |el| {
                const SELF: [&str; 3] = ["script-src 'self'", "style-src 'self'", "img-src 'self'"];
                let csp = el.get_attribute("content").unwrap_or_default();
                if SELF.iter().any(|d| csp.contains(d)) {
                    let csp = SELF.iter().fold(csp, |csp, d| {
                        csp.replace(d, &format!("{d}{}", copy_only(" file:")))
                    });
                    el.set_attribute("content", &csp)?;
                }
                Ok(())
            }
        ))
}

/// The file a page's folder opens by on `file://`, where no server picks it: what page links
/// name in the copy, and what the search page's script is told to add to the links it makes
/// (`data-page-file`).
pub const PAGE_FILE: &str = "index.html";
const SLASH_PAGE_FILE: &str = "/index.html";

/// Where a relative link to a page (`../esia/`, `./`, `../esia/#shag-2`) gets `index.html`
/// so as to name the file (`../esia/index.html#shag-2`), and exactly what goes there. Other
/// links (files, anchors, external) are left alone.
/// A link as the `file://` copy has it, marked ([`split_marked`]): what the copy adds to name
/// the page's file between `FILE_ONLY` and its end (the rule of [`file_url_rules`] for
/// `<a href>` and `<form action>`, for links written apart from a pass: `body_splice`).
pub(crate) fn with_page_file_marked(href: &str) -> String {
    match index_html_insert(href) {
        Some((at, text)) => format!(
            "{}{FILE_ONLY}{text}{FILE_ONLY_END}{}",
            &href[..at],
            &href[at..]
        ),
        None => href.to_string(),
    }
}

fn index_html_insert(href: &str) -> Option<(usize, &'static str)> {
    if href.contains("://")
        || href.starts_with('#')
        || href.starts_with("mailto:")
        || href.starts_with("tel:")
    {
        return None;
    }
    let at = href.find(['#', '?']).unwrap_or(href.len());
    let path = &href[..at];
    if path.is_empty() || path.starts_with('/') {
        return None;
    }
    if path.ends_with('/') {
        Some((at, PAGE_FILE))
    } else if path == "." || path == ".." || path.ends_with("/..") || path.ends_with("/.") {
        Some((at, SLASH_PAGE_FILE))
    } else {
        None
    }
}

/// Where the home page says how big the bundle is; replaced once the bundle is made (the
/// bundle itself leaves the link out, so its size does not depend on itself).
pub const SIZE_TOKEN: &str = "%%OFFLINE_SIZE%%";

/// A page with the bundle's size in place of [`SIZE_TOKEN`] (as it is, when it has none).
pub fn with_size(html: Vec<u8>, size: &str) -> Vec<u8> {
    if memchr::memmem::find(&html, SIZE_TOKEN.as_bytes()).is_none() {
        return html;
    }
    String::from_utf8_lossy(&html)
        .replace(SIZE_TOKEN, size)
        .into_bytes()
}

/// «1,4 МБ».
pub fn human_size(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{} КБ", bytes.div_ceil(1024))
    } else {
        format!("{:.1} МБ", bytes as f64 / 1024.0 / 1024.0).replace('.', ",")
    }
}

#[cfg(test)]
mod file_url_tests {
    use super::*;

    /// What follows the mark character but is no mark passes through to both.
    #[test]
    fn split_keeps_what_is_no_mark() {
        let (page, copy) = split_marked(b"a\x01Fb\x01fc\x01Pd\x01pe\x01zf\x01");
        assert_eq!(page, b"acde\x01zf\x01");
        assert_eq!(copy, b"abce\x01zf\x01");
    }

    fn with_index_html(href: &str) -> Option<String> {
        let (at, insert) = index_html_insert(href)?;
        Some(format!("{}{insert}{}", &href[..at], &href[at..]))
    }

    #[test]
    fn links_name_their_index_html() {
        assert_eq!(
            with_index_html("../esia/").as_deref(),
            Some("../esia/index.html")
        );
        assert_eq!(with_index_html("./").as_deref(), Some("./index.html"));
        assert_eq!(with_index_html("..").as_deref(), Some("../index.html"));
        assert_eq!(
            with_index_html("../esia/#shag-2").as_deref(),
            Some("../esia/index.html#shag-2")
        );
        assert_eq!(with_index_html("#shag-2"), None);
        assert_eq!(with_index_html("../assets/style.1.css"), None);
        assert_eq!(with_index_html("https://gosuslugi.ru/"), None);
        assert_eq!(with_index_html("mailto:a@b.ru"), None);
    }

    #[test]
    fn pages_are_rewritten_for_file_urls() {
        assert_eq!(SLASH_PAGE_FILE, format!("/{PAGE_FILE}"));
        let html = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' 'wasm-unsafe-eval'\">\
            <script src=\"../assets/calc.1.js\" data-wasm=\"../assets/checks-deadline.2.wasm\" defer></script>\
            <script src=\"../assets/search.3.js\" data-page-file=\"\" defer></script></head>\
            <body><a href=\"../esia/\">ЕСИА</a><p data-offline-link><a href=\"../offline.zip\">zip</a></p></body></html>";
        let out = for_file_url(html).unwrap();
        assert!(out.contains("<a href=\"../esia/index.html\">"), "{out}");
        assert!(!out.contains("offline.zip"));
        assert!(out.contains("<script src=\"../assets/checks-deadline.2.wasm.js\"></script><script src=\"../assets/calc.1.js\""), "{out}");
        assert!(out.contains("script-src 'self' file: 'wasm-unsafe-eval'"));
        assert!(
            out.contains("<script src=\"../assets/search.3.js\" data-page-file=\"index.html\""),
            "{out}"
        );
    }
}
