declare namespace pamyatkaDeadline {
    /* tslint:disable */
    /* eslint-disable */

    /**
     * An ISO date or date-time as a reader reads it (`05.09.2026`, `05.09.2026 в 11:00`): the
     * calculator's dates in the checks crate's words ([`crate::ru::moment`]).
     */
    export function date_ru(iso: string): string;

    /**
     * Rules already parsed at build time (a JSON array of rules).
     */
    export function deadline_rules(rules_json: string, from: string): string;

    /**
     * `pamyatka deadline TEXT --from FROM --json`, in the browser.
     */
    export function deadline_text(text: string, from: string): string;

    /**
     * Load the production calendar: a JSON array of the `content/calendar/*.yaml` years.
     */
    export function set_calendar(years_json: string): void;

    /**
     * The weekday of an ISO date, lowercase («суббота»); empty for anything else.
     */
    export function weekday_ru(iso: string): string;

}
declare type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

declare interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly date_ru: (a: number, b: number) => [number, number];
    readonly deadline_rules: (a: number, b: number, c: number, d: number) => [number, number, number, number];
    readonly deadline_text: (a: number, b: number, c: number, d: number) => [number, number, number, number];
    readonly set_calendar: (a: number, b: number) => [number, number];
    readonly weekday_ru: (a: number, b: number) => [number, number];
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

declare type SyncInitInput = BufferSource | WebAssembly.Module;

declare namespace pamyatkaDeadline {
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
declare function pamyatkaDeadline (module_or_path: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
