declare namespace pamyatkaArchive {
    /* tslint:disable */
    /* eslint-disable */

    /**
     * Checks one archive and remembers its report; `read(offset, len)` gives its bytes.
     */
    export function check_archive(name: string, size: number, read: Function): string;

    /**
     * People with more than one archive among the archives checked since the last `forget`.
     */
    export function duplicates(): string;

    /**
     * Starts a new batch: the archives checked so far no longer count for `duplicates`.
     */
    export function forget(): void;

    /**
     * Takes back the last report: that check was only an attempt (on `file://` the page reads
     * ahead the slices it expects the check to ask for, and runs it again when it asks for more).
     */
    export function retract(): void;

    /**
     * The archive rule (`content/fioko/archive-rule.yaml` as JSON, `public/data/…`).
     */
    export function set_rule(rule_json: string): void;

}
declare type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

declare interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly check_archive: (a: number, b: number, c: number, d: any) => [number, number, number, number];
    readonly duplicates: () => [number, number, number, number];
    readonly forget: () => void;
    readonly retract: () => void;
    readonly set_rule: (a: number, b: number) => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

declare type SyncInitInput = BufferSource | WebAssembly.Module;

declare namespace pamyatkaArchive {
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
declare function pamyatkaArchive (module_or_path: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
