//! Links as pages write them: external or not, resolved against a page's address or a content
//! file's path, percent-decoded. Shared by the Markdown stage, the link check, the HTML rewrite,
//! the offline copy and the feeds.

/// A link that leaves the site: another site, mail, a phone number, a `data:` or `javascript:`
/// URL (left as written, never resolved against a page).
pub fn is_external(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http:")
        || lower.starts_with("https:")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
        || lower.starts_with("//")
        || lower.starts_with("data:")
        || lower.starts_with("javascript:")
}

/// Resolve `link` relative to the page at `from` (both relative to content/).
pub fn join_rel(from: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = if let Some(abs) = link.strip_prefix('/') {
        // `/esia/x.md` is relative to content/.
        return normalize(abs.split('/'));
    } else {
        from.split('/').collect()
    };
    parts.pop(); // the file name
    normalize(parts.into_iter().chain(link.split('/')))
}

/// The site-absolute URL `link` leads to from the page at `base` (a URL ending in `/`), as a
/// browser resolves it; `None` above the site's root. A trailing `/` (or `.`, `..`) is kept.
pub fn resolve_url(base: &str, link: &str) -> Option<String> {
    let parts: Vec<&str> = match link.strip_prefix('/') {
        Some(abs) => abs.split('/').collect(),
        None => base.split('/').chain(link.split('/')).collect(),
    };
    let path = normalize(parts.iter().copied())?;
    let folder =
        link.is_empty() || link.ends_with('/') || matches!(parts.last(), Some(&"." | &".."));
    Some(match (path.is_empty(), folder) {
        (true, _) => "/".to_string(),
        (false, true) => format!("/{path}/"),
        (false, false) => format!("/{path}"),
    })
}

fn normalize<'s>(parts: impl Iterator<Item = &'s str>) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for p in parts {
        match p {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            p => out.push(p),
        }
    }
    Some(out.join("/"))
}

/// Decode `%D1%88` sequences (editors paste anchors from the browser's address bar).
pub fn percent_decode(s: &str) -> String {
    match percent_encoding::percent_decode_str(s).decode_utf8() {
        Ok(decoded) => decoded.into_owned(),
        Err(_) => s.to_string(),
    }
}

/// `/esia/privyazka/#x` seen from `/fioko/` → `../esia/privyazka/#x`. (Every URL of every
/// page goes through it: the path segments are walked, not collected.)
pub fn relative_url(from_page: &str, target: &str) -> String {
    let (path, suffix) = target.split_at(target.find(['#', '?']).unwrap_or(target.len()));
    fn segments(s: &str) -> impl Iterator<Item = &str> {
        s.split('/').filter(|s| !s.is_empty())
    }
    let mut to = segments(path).peekable();
    // The page's folders past the part it shares with the target, each a `..`.
    let mut ups = 0;
    for dir in segments(from_page) {
        if ups == 0 && to.peek() == Some(&dir) {
            to.next();
        } else {
            ups += 1;
        }
    }
    let mut out = String::with_capacity(3 * ups + target.len() + 2);
    for part in std::iter::repeat_n("..", ups).chain(to) {
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(part);
    }
    if out.is_empty() {
        out.push_str("./");
    } else if path.ends_with('/') && !out.ends_with('/') {
        out.push('/');
    }
    out.push_str(suffix);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `relative_url` was before it walked the segments: the reference it is held to.
    fn relative_url_collected(from_page: &str, target: &str) -> String {
        let from_dirs: Vec<&str> = from_page.split('/').filter(|s| !s.is_empty()).collect();
        let (path, suffix) = match target.find(['#', '?']) {
            Some(i) => (&target[..i], &target[i..]),
            None => (target, ""),
        };
        let to: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let trailing = path.ends_with('/');
        let common = from_dirs
            .iter()
            .zip(&to)
            .take_while(|(a, b)| a == b)
            .count();
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(std::iter::repeat_n("..", from_dirs.len() - common));
        parts.extend(&to[common..]);
        let mut out = parts.join("/");
        if out.is_empty() {
            out.push_str("./");
        } else if trailing && !out.ends_with('/') {
            out.push('/');
        }
        out.push_str(suffix);
        out
    }

    #[test]
    fn relative_urls_are_the_collected_ones() {
        for (from, to) in [
            ("/fioko/", "/esia/privyazka/#x"),
            ("/esia/privyazka/", "/esia/"),
            ("/esia/privyazka/", "/esia/privyazka/"),
            ("/esia/privyazka/", "/esia/privyazka/#shag-2"),
            ("/", "/"),
            ("/", "/assets/a.css"),
            ("/lv/esia/", "/lv/"),
            ("/a/b/", "/a/b/c/?q=1#x"),
            ("/404.html", "/a//b/"),
            ("", ""),
            ("/a/", "?q"),
        ] {
            assert_eq!(
                relative_url(from, to),
                relative_url_collected(from, to),
                "{from} {to}"
            );
        }
        assert_eq!(
            relative_url("/fioko/", "/esia/privyazka/#x"),
            "../esia/privyazka/#x"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_relative_url_is_the_collected_one(
            from in "[/ab]{0,8}",
            path in "[/ab.]{0,8}",
            suffix in "([#?][/ab]{0,3})?",
        ) {
            let to = format!("{path}{suffix}");
            proptest::prop_assert_eq!(relative_url(&from, &to), relative_url_collected(&from, &to));
        }
    }

    #[test]
    fn urls_resolve_as_a_browser_does() {
        assert_eq!(resolve_url("/esia/a/", ".."), Some("/esia/".into()));
        assert_eq!(resolve_url("/esia/a/", "../.."), Some("/".into()));
        assert_eq!(resolve_url("/esia/a/", ""), Some("/esia/a/".into()));
        assert_eq!(resolve_url("/esia/a/", "../../.."), None);
        assert_eq!(resolve_url("/esia/a/", "/x.pdf"), Some("/x.pdf".into()));
    }

    #[test]
    fn content_paths_resolve_from_the_file() {
        assert_eq!(join_rel("esia/a.md", "b.md"), Some("esia/b.md".into()));
        assert_eq!(join_rel("esia/a.md", "../c/d.md"), Some("c/d.md".into()));
        assert_eq!(join_rel("esia/a.md", "/x/y.md"), Some("x/y.md".into()));
        assert_eq!(join_rel("a.md", "../b.md"), None);
    }

    #[test]
    fn external_links_are_told_apart() {
        for url in [
            "https://gosuslugi.ru",
            "HTTP://x",
            "mailto:a@b",
            "tel:+7",
            "//cdn",
        ] {
            assert!(is_external(url), "{url}");
        }
        for url in ["../a.md", "/esia/", "#шаг", "file.pdf"] {
            assert!(!is_external(url), "{url}");
        }
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("%D1%88%D0%B0%D0%B3"), "шаг");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("a%zzb%2"), "a%zzb%2", "not an escape: kept");
        assert_eq!(
            percent_decode("%FF%D1"),
            "%FF%D1",
            "not UTF-8: kept as written"
        );
    }
}
