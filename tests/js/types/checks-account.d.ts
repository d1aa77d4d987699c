declare namespace pamyatkaAccount {
    /* tslint:disable */
    /* eslint-disable */

    export function esia_readiness(rule_json: string, answers_json: string, today: string): string;

    export function inn(value: string): string;

    export function ogrn(value: string): string;

    export function registration_form(form_json: string, values_json: string): string;

    export function snils(value: string): string;

}
declare type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

declare interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly esia_readiness: (a: number, b: number, c: number, d: number, e: number, f: number) => [number, number, number, number];
    readonly inn: (a: number, b: number) => [number, number];
    readonly ogrn: (a: number, b: number) => [number, number];
    readonly registration_form: (a: number, b: number, c: number, d: number) => [number, number, number, number];
    readonly snils: (a: number, b: number) => [number, number];
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

declare type SyncInitInput = BufferSource | WebAssembly.Module;

declare namespace pamyatkaAccount {
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
declare function pamyatkaAccount (module_or_path: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
