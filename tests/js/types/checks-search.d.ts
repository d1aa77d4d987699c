declare namespace pamyatkaSearch {
    /* tslint:disable */
    /* eslint-disable */

    /**
     * Adds document chunk `n` (`search/d<n>.js`).
     */
    export function add_chunk(n: number, json: string): void;

    /**
     * Adds term shard `n` (`search/t<n>.js`).
     */
    export function add_shard(n: number, json: string): void;

    /**
     * The document chunks the best `limit` results of `query` are in and that are not loaded yet.
     */
    export function chunks_for(query: string, limit: number): string;

    /**
     * Results for `query`, best first: JSON of `search::Results`.
     */
    export function search(query: string, limit: number): string;

    /**
     * The manifest (`search-index.js` carries it as a JSON string); forgets what was loaded.
     */
    export function set_manifest(json: string): void;

    /**
     * The term shards `query` needs that are not loaded yet: a JSON array of numbers.
     */
    export function shards_for(query: string): string;

}
declare type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

declare interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly add_chunk: (a: number, b: number, c: number) => [number, number];
    readonly add_shard: (a: number, b: number, c: number) => [number, number];
    readonly chunks_for: (a: number, b: number, c: number) => [number, number];
    readonly search: (a: number, b: number, c: number) => [number, number];
    readonly set_manifest: (a: number, b: number) => [number, number];
    readonly shards_for: (a: number, b: number) => [number, number];
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

declare type SyncInitInput = BufferSource | WebAssembly.Module;

declare namespace pamyatkaSearch {
    /**
     * Instantiates the given `module`, which can either be bytes or
     * a precompiled `WebAssembly.Module`.
     *
     * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
     *
     * @returns {InitOutput}
     */
    export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;
}

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
declare function pamyatkaSearch (module_or_path: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
