//! Site search (feature `web-search`): the index the builder made, searched with the same code.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::{from_json, to_json};
use crate::search::{self, SearchIndex};

thread_local! {
    static INDEX: RefCell<SearchIndex> = RefCell::new(SearchIndex::default());
}

/// The index (`search-index.js` carries it as a JSON string).
#[wasm_bindgen]
pub fn set_index(json: &str) -> Result<(), JsError> {
    let index: SearchIndex = from_json("search index", json)?;
    INDEX.with(|i| *i.borrow_mut() = index);
    Ok(())
}

/// Results for `query`, best first: JSON of `search::Results`.
#[wasm_bindgen]
pub fn search(query: &str, limit: u32) -> String {
    INDEX.with(|i| to_json(&search::search(&i.borrow(), query, limit as usize)))
}
