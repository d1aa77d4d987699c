//! pamyatka: turns the instruction memos and regulation tables of Russian education information
//! systems, written as Markdown + YAML in `content/`, into an accessible static site.
//!
//! Pipeline (one module per stage): [`content`] loads → [`images`] sizes → [`markdown`] and [`templates`] render →
//! [`rewrite`] post-processes → [`output`] writes; [`pipeline`] runs them, [`check`] verifies
//! links ([`external`] the web addresses they point to, on request), [`serve`] rebuilds on change.

pub mod assets;
pub mod autolink;
pub mod body_splice;
pub mod build_cache;
pub mod build_options;
pub mod bundle;
pub mod check;
pub mod config;
pub mod content;
pub mod data;
pub mod diagnostic;
pub mod escape;
pub mod external;
pub mod feed;
pub mod headers;
pub mod highlight;
pub mod html_comment;
pub mod i18n;
pub mod images;
pub mod incremental;
pub mod init;
pub mod limits;
pub mod lint;
pub mod markdown;
pub mod offline;
pub mod output;
pub mod page_output;
pub mod pipeline;
pub mod project;
pub mod raw_html;
pub mod readers;
pub mod rebuild;
pub mod render;
pub mod rewrite;
pub mod role_calendar;
pub mod scaffold;
pub mod schema;
pub mod search_index;
pub mod search_json;
pub mod serve;
pub mod service_worker;
pub mod sink;
pub mod site_files;
pub mod slug;
pub mod templates;
pub mod urls;
pub mod validate;
pub mod variant;
pub mod widgets;
pub mod yaml;
