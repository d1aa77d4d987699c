// The globals the page scripts share (besides the WASM modules' own, types/checks-*.d.ts).

interface Window {
  /** The offline bundle's modules, inlined for file:// (bundle.rs): kind → the module's bytes. */
  PAMYATKA_WASM?: { [kind: string]: Uint8Array<ArrayBuffer> };
  /** The search index's manifest, as JSON (search-index.js, written by the build). */
  PAMYATKA_SEARCH?: string;
  /** Called by each piece of the search index (search/t<n>.js, search/d<n>.js) with its JSON. */
  pamyatkaSearchData?: (kind: string, n: number, json: string) => void;
  /** calc.js's formatting, exposed for the browser tests. */
  pamyatkaCalc?: object;
}
