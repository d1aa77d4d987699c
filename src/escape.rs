//! Text and attribute values escaped for HTML, as the pages, widgets and feeds write them: by
//! pulldown-cmark's own escaper, so what the builder writes around the Markdown is escaped as
//! the Markdown is.

use pulldown_cmark_escape::{escape_html, escape_html_body_text};

/// A value for a quoted attribute: `&`, `<`, `>`, `"` and `'` escaped.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_html(&mut out, s).expect("writing to a String cannot fail");
    out
}

/// Text between tags: `&`, `<`, `>` escaped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_html_body_text(&mut out, s).expect("writing to a String cannot fail");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            escape_attr(r#"a & "b" <c> d'e"#),
            "a &amp; &quot;b&quot; &lt;c&gt; d&#39;e"
        );
        assert_eq!(
            escape_text(r#"a & "b" <c> d'e"#),
            "a &amp; \"b\" &lt;c&gt; d'e"
        );
    }
}
