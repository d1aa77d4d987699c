// Site search on the search page: the query from ?q= (the header's form sends it here) is
// searched in the index the builder made (search-index.js and its pieces in search/), with
// the checks module's Russian search (WASM) — the same code that built the index. Results
// update as the reader types.
// Without JavaScript the page lists every page instead.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("[data-search-form]");
  var results = document.querySelector("[data-search-results]");
  var status = document.querySelector("[data-search-status]");
  if (!form || !results) return;
  var input = /** @type {HTMLInputElement} */ (form.querySelector("input[type=search]"));
  var all = /** @type {HTMLElement | null} */ (document.querySelector("[data-search-all]"));
  // The list's note says search needs JavaScript: true only for those without it.
  var note = all && all.querySelector(".search-all__note");
  if (note) note.textContent = "Можно не искать, а выбрать страницу из этого списка.";
  var root = new URL(script.getAttribute("data-root"), location.href);
  var lv = script.getAttribute("data-variant") === "lv";
  var fileUrl = location.protocol === "file:";
  // What a page link names after its folder: nothing on the web, the page's file in the offline
  // bundle's copy, whose rewrite (src/offline.rs) fills this in, as it does the page's own links.
  var pageFile = script.getAttribute("data-page-file") || "";

  var el = pamyatka.el, plural = pamyatka.plural;
  // An index URL (a page's folder relative to the site root, maybe with an anchor) as a link
  // from this page, in this version.
  function href(url) {
    var at = url.indexOf("#") < 0 ? url.length : url.indexOf("#");
    return new URL((lv ? "lv/" : "") + url.slice(0, at) + pageFile + url.slice(at), root).href;
  }

  // The index comes in pieces (search/t<n>.js: terms, search/d<n>.js: documents), each a
  // classic script that hands its JSON to pamyatkaSearchData, so they load from file:// as well
  // as over http. A search loads only the pieces it needs, once.
  var pending = {};
  window.pamyatkaSearchData = function (kind, n, json) {
    var p = pending[kind + n];
    if (p) p.loaded(json);
  };
  function piece(m, kind, n) {
    var key = kind + n;
    if (!pending[key]) {
      pending[key] = {};
      pending[key].promise = new Promise(/** @param {(v?: void) => void} ok */ function (ok, fail) {
        pending[key].loaded = function (json) {
          if (kind === "t") m.add_shard(n, json); else m.add_chunk(n, json);
          ok();
        };
        var s = document.createElement("script");
        s.src = new URL("search/" + key + ".js", root).href;
        s.onerror = function () {
          delete pending[key];
          fail(new Error("часть указателя не загрузилась"));
        };
        document.head.appendChild(s);
      });
    }
    return pending[key].promise;
  }
  function pieces(m, kind, list) {
    return Promise.all(JSON.parse(list).map(function (n) { return piece(m, kind, n); }));
  }

  var glue = typeof pamyatkaSearch !== "undefined" ? pamyatkaSearch : null;
  var ready = Promise.resolve().then(function () {
    if (typeof window.PAMYATKA_SEARCH !== "string") throw new Error("поиск не загрузился");
    return pamyatka.loadWasm(glue, "search", script.getAttribute("data-wasm"), "модуль поиска не загрузился");
  }).then(function (m) {
    m.set_manifest(window.PAMYATKA_SEARCH);
    form.setAttribute("data-ready", "");
    return m;
  });

  var LIMIT = 30;
  // The term shards q needs, until none is missing: a misspelt word asks for more once its
  // own are in (its corrections are looked for among the terms with its first letter).
  function terms(m, q) {
    var list = m.shards_for(q);
    if (list === "[]") return Promise.resolve();
    return pieces(m, "t", list).then(function () { return terms(m, q); });
  }
  // Results for q once the pieces it needs are in.
  function find(m, q) {
    return terms(m, q)
      .then(function () { return pieces(m, "d", m.chunks_for(q, LIMIT)); })
      .then(function () { return JSON.parse(m.search(q, LIMIT)); });
  }

  function render(q, r) {
    results.textContent = "";
    results.setAttribute("data-query", q);
    if (!q.trim()) {
      status.textContent = "";
      if (all) all.hidden = false;
      return;
    }
    if (all) all.hidden = true;
    var n = r.hits.length;
    status.textContent = n === 0
      ? "По запросу «" + q + "» ничего не найдено. Попробуйте другие слова или посмотрите список всех страниц."
      : (r.partial ? "Нет страниц со всеми словами сразу; показаны те, где их больше всего. " : "") +
        "Найдено: " + n + " " + plural(n, "результат", "результата", "результатов") + ".";
    if (n === 0 && all) all.hidden = false;
    // A misspelt word was found by its correction: offer the corrected query.
    if (r.correction) {
      var did = el("p", "search-results__correction", "Возможно, вы имели в виду: ");
      var fix = el("a", null, r.correction);
      var u = new URL(location.href);
      u.searchParams.set("q", r.correction);
      fix.href = u.href;
      fix.addEventListener("click", function (e) {
        e.preventDefault();
        input.value = r.correction;
        run(r.correction, true);
        input.focus();
      });
      did.appendChild(fix);
      results.appendChild(did);
    }
    var list = el("ol", "search-results__list");
    r.hits.forEach(function (h) {
      var li = el("li", "search-hit");
      var title = el("h2", "search-hit__title");
      var a = el("a", null, h.title);
      a.href = href(h.url);
      title.appendChild(a);
      li.appendChild(title);
      if (h.section) li.appendChild(el("p", "search-hit__section", h.section));
      var p = el("p", "search-hit__snippet");
      h.snippet.forEach(function (part) {
        p.appendChild(part[1] ? el("mark", null, part[0]) : document.createTextNode(part[0]));
      });
      li.appendChild(p);
      list.appendChild(li);
    });
    results.appendChild(list);
  }

  var timer = null;
  var latest = 0;
  function run(q, push) {
    var mine = ++latest;
    ready.then(function (m) {
      return find(m, q).then(function (r) {
        // A slower, older search must not overwrite a newer one.
        if (mine !== latest) return;
        render(q, r);
        if (push && !fileUrl) {
          var u = new URL(location.href);
          if (q) u.searchParams.set("q", q); else u.searchParams.delete("q");
          history.replaceState(null, "", u.href);
        }
      });
    }).catch(function (e) {
      if (mine !== latest) return;
      console.warn("pamyatka: search unavailable", e);
      status.textContent = "Поиск сейчас недоступен: страница не смогла загрузить указатель поиска. Обновите страницу. Все страницы перечислены ниже.";
    });
  }

  var initial = new URLSearchParams(location.search).get("q") || "";
  input.value = initial;
  var header = /** @type {HTMLInputElement | null} */ (document.getElementById("site-search-q"));
  if (header) header.value = initial;
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    run(input.value, true);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value, true); }, 150);
  });
  run(initial, false);
})();
