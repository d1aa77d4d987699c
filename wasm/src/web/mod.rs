//! The browser's entry points (wasm-bindgen). Everything crosses the boundary as JSON strings,
//! so the JavaScript side stays small and the answers are byte-for-byte what the CLI prints.
//! Only this module knows about wasm; the rest of the crate is plain Rust.
//!
//! The exports are grouped by the page that uses them, one cargo feature each, and the builder
//! makes one module per feature: `deadline` (regulation tables, calculators), `archive` (the
//! ФИОКО archive check, run in a worker) and `account` (identifiers, ЕСИА readiness, the
//! registration form), `search` (the site search). A page downloads only its own module.

use wasm_bindgen::JsError;

// Single-threaded: each module runs on one page or in one worker.
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(feature = "web-account")]
mod account;
#[cfg(feature = "web-archive")]
mod archive;
#[cfg(feature = "web-deadline")]
mod deadline;
#[cfg(feature = "web-search")]
mod search;

#[allow(dead_code)] // unused when no web feature is on (a plain wasm32 check)
fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

#[allow(dead_code)]
fn from_json<T: serde::de::DeserializeOwned>(what: &str, json: &str) -> Result<T, JsError> {
    serde_json::from_str(json).map_err(|e| JsError::new(&format!("{what}: {e}")))
}
