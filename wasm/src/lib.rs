//! `pamyatka-checks`: the rules pamyatka applies, as pure Rust with no I/O, so that the builder,
//! the CLI and the browser (compiled to wasm32) give the same answers. The rules themselves come
//! from `content/` YAML; this crate only gives them meaning.

pub mod account;
pub mod archive;
pub mod calendar;
pub mod date;
pub mod deadline;
pub mod identifiers;
pub mod ru;
pub mod search;

#[cfg(target_arch = "wasm32")]
pub mod web;
