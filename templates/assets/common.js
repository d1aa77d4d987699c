// Helpers the page scripts share, one copy of each: elements, Russian plural forms, today's
// date and the WASM modules' loader. A classic script (the offline bundle opens from file://,
// where modules are blocked), loaded (deferred) before the scripts that use it; its one global,
// `pamyatka`, keeps its name through the minifier (only local names are shortened).
/* exported pamyatka */
var pamyatka = (function () {
  "use strict";

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @overload
   * @param {K} tag
   * @param {string | null} [cls]
   * @param {string | null} [text]
   * @returns {HTMLElementTagNameMap[K]}
   */
  /**
   * @overload
   * @param {string} tag
   * @param {string | null} [cls]
   * @param {string | null} [text]
   * @returns {HTMLElement}
   */
  /**
   * A new element with a class and text (both optional).
   * @param {string} tag
   * @param {string | null} [cls]
   * @param {string | null} [text]
   * @returns {HTMLElement}
   */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  /**
   * The Russian form for the number `n`: «1 срок», «3 срока», «11 сроков».
   * @template T
   * @param {number} n
   * @param {T} one
   * @param {T} few
   * @param {T} many
   * @returns {T}
   */
  function plural(n, one, few, many) {
    var m10 = n % 10, m100 = n % 100;
    if (m10 === 1 && m100 !== 11) return one;
    if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
    return many;
  }

  /**
   * Today on this device as `2026-09-04`.
   * @returns {string}
   */
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }

  /**
   * A WASM module, initialised, through its wasm-bindgen glue (no-modules: the glue declares
   * `let pamyatka<Kind>`, a global binding that is not a property of window, so the caller
   * passes it, or null when the glue did not load). The offline bundle (file://) inlines the
   * module's bytes in `PAMYATKA_WASM[kind]`, where fetch() does not work; elsewhere it is
   * fetched from `url` (the script's data-wasm, relative to the page). A failure is an Error
   * with `failure` for its message; the browser's own reason (English) goes to the console.
   * @template {{ initSync: (o: { module: BufferSource }) => unknown }} M
   * @param {(M & ((o: { module_or_path: URL }) => Promise<unknown>)) | null} glue
   * @param {string} kind
   * @param {string | null} url
   * @param {string} failure
   * @returns {Promise<M>}
   */
  function loadWasm(glue, kind, url, failure) {
    return Promise.resolve().then(function () {
      if (!glue) throw new Error(failure);
      var inline = window.PAMYATKA_WASM && window.PAMYATKA_WASM[kind];
      if (inline) {
        glue.initSync({ module: inline });
        return glue;
      }
      if (!url) throw new Error(failure);
      return glue({ module_or_path: new URL(url, location.href) }).then(function () { return glue; }, function (e) {
        console.warn("pamyatka: " + kind + " module", e);
        throw new Error(failure);
      });
    });
  }

  /**
   * A classic script added to the page; resolves when it has run.
   * @param {string} src
   * @param {string} failure the Error's message when it does not load
   * @returns {Promise<void>}
   */
  function loadScript(src, failure) {
    return new Promise(function (ok, fail) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = function () { ok(); };
      s.onerror = function () { fail(new Error(failure)); };
      document.head.appendChild(s);
    });
  }

  return { el: el, plural: plural, today: today, loadWasm: loadWasm, loadScript: loadScript };
})();
