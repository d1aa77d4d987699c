//! Site search (feature `web-search`): the sharded index the builder made, loaded piece by piece
//! as searches need it, and searched with the same code that built it.
//!
//! A search in the browser: `shards_for(q)` → load those term shards (`add_shard`) →
//! `chunks_for(q, limit)` → load those document chunks (`add_chunk`) → `search(q, limit)`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::{from_json, to_json};
use crate::search::{DocChunk, Loaded, Manifest, TermShard};

thread_local! {
    static INDEX: RefCell<Loaded> = RefCell::new(Loaded::default());
}

/// The manifest (`search-index.js` carries it as a JSON string); forgets what was loaded.
#[wasm_bindgen]
pub fn set_manifest(json: &str) -> Result<(), JsError> {
    let manifest: Manifest = from_json("search manifest", json)?;
    INDEX.with(|i| *i.borrow_mut() = Loaded::new(manifest));
    Ok(())
}

/// The term shards `query` needs that are not loaded yet: a JSON array of numbers.
#[wasm_bindgen]
pub fn shards_for(query: &str) -> String {
    INDEX.with(|i| to_json(&i.borrow().shards_for(query)))
}

/// Adds term shard `n` (`search/t<n>.js`).
#[wasm_bindgen]
pub fn add_shard(n: u32, json: &str) -> Result<(), JsError> {
    let shard: TermShard = from_json("search shard", json)?;
    INDEX.with(|i| i.borrow_mut().add_shard(n as usize, shard));
    Ok(())
}

/// The document chunks the best `limit` results of `query` are in and that are not loaded yet.
#[wasm_bindgen]
pub fn chunks_for(query: &str, limit: u32) -> String {
    INDEX.with(|i| to_json(&i.borrow().chunks_for(query, limit as usize)))
}

/// Adds document chunk `n` (`search/d<n>.js`).
#[wasm_bindgen]
pub fn add_chunk(n: u32, json: &str) -> Result<(), JsError> {
    let chunk: DocChunk = from_json("search documents", json)?;
    INDEX.with(|i| i.borrow_mut().add_chunk(n as usize, chunk));
    Ok(())
}

/// Results for `query`, best first: JSON of `search::Results`.
#[wasm_bindgen]
pub fn search(query: &str, limit: u32) -> String {
    INDEX.with(|i| to_json(&i.borrow().search(query, limit as usize)))
}
