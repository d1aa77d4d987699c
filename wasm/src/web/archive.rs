//! The archive check (feature `web-archive`), meant to run in a worker that reads `File.slice`s.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::{from_json, to_json};
use crate::archive::{self, ArchiveReport, ArchiveRule, ByteSource};

/// Bytes on demand from JavaScript: `read(offset, len)` returns a `Uint8Array` (a `File.slice`
/// read with `FileReaderSync` in a worker, or a view of an `ArrayBuffer`).
struct JsSource {
    len: u64,
    read: js_sys::Function,
}

impl ByteSource for JsSource {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&mut self, offset: u64, len: usize) -> Result<Vec<u8>, String> {
        let v = self
            .read
            .call2(
                &JsValue::NULL,
                &JsValue::from_f64(offset as f64),
                &JsValue::from_f64(len as f64),
            )
            .map_err(|e| {
                e.as_string()
                    .unwrap_or_else(|| "ошибка чтения файла".into())
            })?;
        let bytes = js_sys::Uint8Array::new(&v).to_vec();
        if bytes.len() != len {
            return Err(format!("read {} bytes of {len}", bytes.len()));
        }
        Ok(bytes)
    }
}

thread_local! {
    /// The rule in force, set once per page.
    static RULE: RefCell<Option<ArchiveRule>> = const { RefCell::new(None) };
    /// The reports made since the last `forget`, for the one-archive-per-person check. Kept
    /// here rather than passed back in as JSON: the module then needs no report deserializer,
    /// which keeps it inside its size budget.
    static REPORTS: RefCell<Vec<ArchiveReport>> = const { RefCell::new(Vec::new()) };
}

/// The archive rule (`content/fioko/archive-rule.yaml` as JSON, `public/data/…`).
#[wasm_bindgen]
pub fn set_rule(rule_json: &str) -> Result<(), JsError> {
    let rule: ArchiveRule = from_json("archive rule", rule_json)?;
    RULE.with(|r| *r.borrow_mut() = Some(rule));
    Ok(())
}

/// Checks one archive and remembers its report; `read(offset, len)` gives its bytes.
#[wasm_bindgen]
pub fn check_archive(name: &str, size: f64, read: js_sys::Function) -> Result<String, JsError> {
    let mut src = JsSource {
        len: size as u64,
        read,
    };
    let report = RULE.with(|r| {
        r.borrow()
            .as_ref()
            .map(|rule| archive::check_archive(rule, name, &mut src))
            .ok_or_else(|| JsError::new("set_rule first"))
    })?;
    let json = to_json(&report);
    REPORTS.with(|r| r.borrow_mut().push(report));
    Ok(json)
}

/// People with more than one archive among the archives checked since the last `forget`.
#[wasm_bindgen]
pub fn duplicates() -> Result<String, JsError> {
    RULE.with(|r| {
        let rule = r.borrow();
        let rule = rule
            .as_ref()
            .ok_or_else(|| JsError::new("set_rule first"))?;
        Ok(REPORTS.with(|reports| to_json(&archive::check_many(rule, &reports.borrow()))))
    })
}

/// Takes back the last report: that check was only an attempt (on `file://` the page reads
/// ahead the slices it expects the check to ask for, and runs it again when it asks for more).
#[wasm_bindgen]
pub fn retract() {
    REPORTS.with(|r| r.borrow_mut().pop());
}

/// Starts a new batch: the archives checked so far no longer count for `duplicates`.
#[wasm_bindgen]
pub fn forget() {
    REPORTS.with(|r| r.borrow_mut().clear());
}
