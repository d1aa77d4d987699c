//! Static assets: the stylesheet and scripts from `templates/assets/` (the site's own files over
//! the built-in ones), minified (stylesheets by lightningcss, scripts by oxc) and
//! fingerprinted by content so that browsers can cache them forever, plus the files editors put
//! next to their pages in `content/` (images, PDFs), copied as they are.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::highlight;

/// Built-in assets, used for any name the site's `templates/assets/` does not provide.
pub const BUILTIN: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../templates/assets/style.css")),
    ("common.js", include_bytes!("../templates/assets/common.js")),
    (
        "checklist.js",
        include_bytes!("../templates/assets/checklist.js"),
    ),
    ("calc.js", include_bytes!("../templates/assets/calc.js")),
    ("nav.js", include_bytes!("../templates/assets/nav.js")),
    (
        "sw-register.js",
        include_bytes!("../templates/assets/sw-register.js"),
    ),
    ("lv.css", include_bytes!("../templates/assets/lv.css")),
    (
        "lv-init.js",
        include_bytes!("../templates/assets/lv-init.js"),
    ),
    (
        "lv-panel.js",
        include_bytes!("../templates/assets/lv-panel.js"),
    ),
    (
        "archive-check.js",
        include_bytes!("../templates/assets/archive-check.js"),
    ),
    (
        "archive-worker.js",
        include_bytes!("../templates/assets/archive-worker.js"),
    ),
    (
        "account-check.js",
        include_bytes!("../templates/assets/account-check.js"),
    ),
    (
        "favicon.svg",
        include_bytes!("../templates/assets/favicon.svg"),
    ),
    // The checks crate for the browser, built by build.rs (wasm-bindgen, no-modules glue), one
    // module per kind of page.
    (
        "checks-deadline.js",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-deadline.js")),
    ),
    (
        "checks-deadline.wasm",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-deadline_bg.wasm")),
    ),
    (
        "checks-archive.js",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-archive.js")),
    ),
    (
        "checks-archive.wasm",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-archive_bg.wasm")),
    ),
    (
        "checks-account.js",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-account.js")),
    ),
    (
        "checks-account.wasm",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-account_bg.wasm")),
    ),
    (
        "checks-search.js",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-search.js")),
    ),
    (
        "checks-search.wasm",
        include_bytes!(concat!(env!("OUT_DIR"), "/checks-search_bg.wasm")),
    ),
    ("search.js", include_bytes!("../templates/assets/search.js")),
];

/// Files to write and the URL of each logical asset.
pub struct Assets {
    /// Logical name (`style.css`) → site-absolute URL (`/assets/style.1a2b3c4d5e.css`).
    pub urls: BTreeMap<String, String>,
    /// Output path (relative to the output dir) → bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The assets of the site at `root`; stylesheets and scripts minified when `minify` is set.
pub fn collect(root: &Path, minify: bool) -> Result<Assets, Vec<Diagnostic>> {
    let mut sources: BTreeMap<String, Vec<u8>> = BUILTIN
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_vec()))
        .collect();
    let dir = root.join("templates").join("assets");
    let mut errors = Vec::new();
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(&dir)
                .expect("under assets")
                .to_string_lossy()
                .replace('\\', "/");
            match std::fs::read(entry.path()) {
                Ok(b) => {
                    sources.insert(name, b);
                }
                Err(e) => errors.push(Diagnostic::error(
                    "asset",
                    crate::tr!(
                        "asset-unreadable",
                        path = format!("templates/assets/{name}"),
                        error = crate::i18n::io_error(&e)
                    ),
                )),
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let broken: Vec<Diagnostic> = sources
        .iter()
        .flat_map(|(name, bytes)| script_errors(name, bytes))
        .collect();
    if !broken.is_empty() {
        return Err(broken);
    }
    // Code highlighting classes go into the main stylesheet: one request fewer.
    if let Some(css) = sources.get_mut("style.css") {
        css.extend_from_slice(b"\n/* Code highlighting (syntect) */\n");
        css.extend_from_slice(highlight::stylesheet().as_bytes());
    }
    let mut urls = BTreeMap::new();
    let mut files = Vec::new();
    for (name, mut bytes) in sources {
        if minify && let Some(small) = minified(&name, &bytes) {
            bytes = small;
        }
        let out = fingerprinted(&name, &bytes);
        urls.insert(name, format!("/{out}"));
        files.push((out, bytes));
    }
    Ok(Assets { urls, files })
}

/// A stylesheet or script, minified; `None` for other files, and for anything the minifier
/// cannot parse or does not make smaller (it is then served as it is). Minified once per
/// content in a process: `serve` rebuilds do not pay for it again.
fn minified(name: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static DONE: OnceLock<Mutex<HashMap<blake3::Hash, Option<Vec<u8>>>>> = OnceLock::new();

    let css = if name.ends_with(".css") {
        true
    } else if name.ends_with(".js") {
        false
    } else {
        return None;
    };
    let key = blake3::hash(bytes);
    let done = DONE.get_or_init(Default::default);
    if let Some(hit) = done.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return hit.clone();
    }
    let result = std::str::from_utf8(bytes).ok().and_then(|text| {
        let out = if css {
            minify_css(text)?
        } else {
            minify_js(text)?
        };
        (!out.is_empty() && out.len() < bytes.len()).then_some(out)
    });
    done.lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(key, result.clone());
    result
}

/// A stylesheet through lightningcss (its minifying parse and printer). `None` when it does
/// not parse.
fn minify_css(text: &str) -> Option<Vec<u8>> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let mut sheet = StyleSheet::parse(text, ParserOptions::default()).ok()?;
    sheet.minify(MinifyOptions::default()).ok()?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .ok()?;
    Some(printed.code.into_bytes())
}

/// A classic script through oxc: compressed (its safest settings), local names mangled,
/// top-level names kept (the scripts of a page share them: `pamyatkaArchive`), comments
/// dropped. `None` when it does not parse.
fn minify_js(text: &str) -> Option<Vec<u8>> {
    use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
    let allocator = oxc_allocator::Allocator::default();
    let parsed =
        // `cjs` is ModuleKind::Script: a classic script, as the pages load them.
        oxc_parser::Parser::new(&allocator, text, oxc_span::SourceType::cjs()).parse();
    if !parsed.errors.is_empty() || parsed.panicked {
        return None;
    }
    let mut program = parsed.program;
    let minified = Minifier::new(MinifierOptions {
        mangle: Some(MangleOptions {
            top_level: false,
            ..MangleOptions::default()
        }),
        compress: Some(CompressOptions::safest()),
    })
    .minify(&allocator, &mut program);
    let code = oxc_codegen::Codegen::new()
        .with_options(oxc_codegen::CodegenOptions {
            minify: true,
            comments: oxc_codegen::CommentOptions::disabled(),
            ..oxc_codegen::CodegenOptions::default()
        })
        .with_scoping(minified.scoping)
        .build(&program)
        .code;
    Some(code.into_bytes())
}

/// A script that does not parse, as errors at `templates/assets/<name>:line:col`: browsers would
/// not run it (and the minifier cannot make it smaller), so it must not ship. Anything but a
/// `.js` file, or a script that parses: none. Classic scripts, as the pages load them.
fn script_errors(name: &str, bytes: &[u8]) -> Vec<Diagnostic> {
    if !name.ends_with(".js") {
        return Vec::new();
    }
    let text: std::sync::Arc<str> = String::from_utf8_lossy(bytes).into();
    let allocator = oxc_allocator::Allocator::default();
    let parsed = oxc_parser::Parser::new(&allocator, &text, oxc_span::SourceType::cjs()).parse();
    if parsed.errors.is_empty() && !parsed.panicked {
        return Vec::new();
    }
    let file = format!("templates/assets/{name}");
    let mut out: Vec<Diagnostic> = parsed
        .errors
        .iter()
        .map(|e| {
            let span = e.labels.as_ref().and_then(|l| l.first());
            let (offset, len) = span.map_or((0, 0), |s| (s.offset(), s.len()));
            Diagnostic::error(
                "asset",
                crate::tr!("asset-script-syntax", error = e.message.to_string()),
            )
            .kind("script-syntax")
            .at(crate::diagnostic::Location::new(
                &file,
                text.clone(),
                offset,
                len,
            ))
            .label(crate::tr!("asset-script-syntax.label"))
            .hint(crate::tr!("asset-script-syntax.hint"))
        })
        .collect();
    if out.is_empty() {
        // The parser gave up without saying where.
        out.push(
            Diagnostic::error("asset", crate::tr!("asset-script-syntax", error = "?"))
                .kind("script-syntax")
                .at(crate::diagnostic::Location::new(&file, text.clone(), 0, 0))
                .hint(crate::tr!("asset-script-syntax.hint")),
        );
    }
    out
}

/// `js/site.js` → `assets/js/site.<10 hex of blake3>.js`
pub fn fingerprinted(name: &str, bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes).to_hex();
    let short = &hash.as_str()[..10];
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !stem.ends_with('/') => {
            format!("assets/{stem}.{short}.{ext}")
        }
        _ => format!("assets/{name}.{short}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stylesheets_and_scripts_are_minified_and_globals_kept() {
        let css = minified(
            "style.css",
            b"/* a comment */\n.a {\n  color: #ff0000;\n  margin: 0px 0px 0px 0px;\n}\n",
        )
        .unwrap();
        assert_eq!(String::from_utf8(css).unwrap(), ".a{color:red;margin:0}");
        let js = minified(
            "x.js",
            b"// A global other scripts use, and a local.\nvar pamyatkaThing = 1;\n(function () {\n  var longLocalName = pamyatkaThing + 1;\n  window.out = longLocalName;\n})();\n",
        )
        .unwrap();
        let js = String::from_utf8(js).unwrap();
        assert!(js.contains("pamyatkaThing"), "top-level names stay: {js}");
        assert!(
            !js.contains("longLocalName") && !js.contains("A global"),
            "{js}"
        );
        assert_eq!(minified("favicon.svg", b"<svg/>"), None);
        assert_eq!(
            minified("bad.js", b"var = ;"),
            None,
            "unparsable: kept as it is"
        );
        // A stylesheet is a file, never inlined in a `<style>`: what a `<style>` could not hold
        // is minified too.
        assert_eq!(
            minified("odd.css", b"a::after { content: '</style>' }").as_deref(),
            Some(&b"a:after{content:\"</style>\"}"[..])
        );
    }

    #[test]
    fn a_script_that_does_not_parse_is_an_error_at_its_line_and_column() {
        let errors = script_errors("calc.js", "var a = 1;\nvar b = ;\n".as_bytes());
        assert_eq!(errors.len(), 1, "{errors:?}");
        let e = &errors[0];
        assert!(e.is_error());
        assert_eq!(
            e.position().as_deref(),
            Some("templates/assets/calc.js:2:9"),
            "{e:?}"
        );
        assert!(script_errors("calc.js", b"var a = 1;").is_empty());
        assert!(
            script_errors("style.css", b"var = ;").is_empty(),
            "not a script"
        );
        for (name, bytes) in BUILTIN {
            assert!(script_errors(name, bytes).is_empty(), "{name} parses");
        }
    }

    #[test]
    fn names_change_with_content() {
        let a = fingerprinted("style.css", b"a");
        let b = fingerprinted("style.css", b"b");
        assert_ne!(a, b);
        assert!(a.starts_with("assets/style.") && a.ends_with(".css"), "{a}");
        assert_eq!(fingerprinted("js/x.js", b"a").matches('/').count(), 2);
    }
}
