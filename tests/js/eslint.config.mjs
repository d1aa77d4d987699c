// ESLint over the site's browser scripts (templates/assets/*.js): classic scripts (no modules:
// the offline bundle opens from file://, where modules are blocked) in the syntax of ES2018,
// what the browsers that run the site's WebAssembly checks understand (the scripts use a
// lookbehind in a regular expression, ES2018).
import js from "@eslint/js";
import globals from "globals";

// The WASM modules' globals (wasm-bindgen's no-modules glue, build.rs: MODULES).
const wasm = {
  pamyatkaDeadline: "readonly",
  pamyatkaArchive: "readonly",
  pamyatkaAccount: "readonly",
  pamyatkaSearch: "readonly",
};

export default [
  // Run from the repository's root (tests/js/package.json does): paths are from there.
  {
    files: ["templates/assets/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2018,
      sourceType: "script",
      globals: { ...globals.browser, ...wasm, pamyatka: "readonly" },
    },
    rules: {
      ...js.configs.recommended.rules,
      strict: ["error", "function"],
      "no-var": "off",
      // `catch (e)` needs its name before ES2019.
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      eqeqeq: ["error", "smart"],
      "no-implicit-globals": "error",
    },
  },
  {
    // The shared helpers define the one global the other scripts read.
    files: ["templates/assets/common.js"],
    languageOptions: { globals: { pamyatka: "off" } },
  },
  {
    files: ["templates/assets/archive-worker.js"],
    languageOptions: {
      globals: { ...globals.worker, pamyatkaArchive: "readonly" },
    },
    rules: { strict: ["error", "global"], "no-implicit-globals": "off" },
  },
];
