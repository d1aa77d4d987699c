// The archive validator of the ФИОКО guide: pick or drop one or many archives and each gets a
// verdict with the reasons and how to fix them, the parsed name and the documents found. The
// files are read on this device (in a worker, slice by slice); nothing is uploaded. The rule
// comes from content/ (inlined in the page as JSON).
(function () {
  "use strict";
  var script = document.currentScript;
  var widgets = document.querySelectorAll("[data-widget=archive]");
  if (!widgets.length) return;


  var el = pamyatka.el;
  function abs(attr) {
    return new URL(script.getAttribute(attr), location.href).href;
  }
  // «1,2\u00a0МБ»: a size never breaks between its number and its unit.
  function size(bytes) {
    if (bytes < 1024) return bytes + "\u00a0Б";
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1).replace(".", ",") + "\u00a0КБ";
    return (bytes / 1024 / 1024).toFixed(1).replace(".", ",") + "\u00a0МБ";
  }
  function ruleFor(widget) {
    var path = widget.getAttribute("data-rule");
    var node = document.querySelector('script[type="application/json"][data-rule-json="' + path + '"]');
    return node ? node.textContent : null;
  }

  // A checker runs in a worker when the page may start one (http, https); from file:// it runs
  // here, on slices read ahead (checkAhead; the offline bundle inlines the module).
  function workerChecker(rule) {
    var worker = new Worker(abs("data-worker"));
    var listeners = [];
    var state = { ready: false, failed: null };
    var waiting = [];
    worker.onmessage = function (e) {
      var m = e.data;
      if (m.type === "ready") { state.ready = true; waiting.splice(0).forEach(function (w) { w.ok(); }); return; }
      if (m.type === "failed") { state.failed = m.message; waiting.splice(0).forEach(function (w) { w.fail(m.message); }); return; }
      listeners.forEach(function (l) { l(m); });
    };
    worker.onerror = function (e) {
      e.preventDefault();
      state.failed = e.message || "worker";
      waiting.splice(0).forEach(function (w) { w.fail(state.failed); });
    };
    worker.postMessage({ type: "init", glue: abs("data-glue"), wasm: abs("data-wasm"), rule: rule });
    return {
      ready: function () {
        return new Promise(/** @param {(v?: void) => void} ok */ function (ok, fail) {
          if (state.ready) ok();
          else if (state.failed) fail(state.failed);
          else waiting.push({ ok: ok, fail: fail });
        });
      },
      check: function (files, batch, onMessage) {
        listeners = [onMessage];
        worker.postMessage({ type: "check", files: files, batch: batch });
      },
    };
  }

  function localChecker(rule) {
    var mod = null;
    var failure = "модуль проверки не загрузился";
    // The glue is loaded here, not by the page: over http the worker loads its own copy.
    var loading = pamyatka.loadScript(abs("data-glue"), failure).then(function () {
      var glue = typeof pamyatkaArchive !== "undefined" ? pamyatkaArchive : null;
      return pamyatka.loadWasm(glue, "archive", abs("data-wasm"), failure);
    }).then(function (m) {
      mod = m;
      mod.set_rule(rule);
    });
    return {
      ready: function () { return loading; },
      check: function (files, batch, onMessage) {
        mod.forget();
        files.reduce(function (chain, file, index) {
          return chain.then(function () { return checkAhead(mod, file); }).then(function (r) {
            performance.mark("pamyatka-archive-read", { detail: r.read });
            onMessage({ type: "report", batch: batch, index: index, report: JSON.parse(r.json), read: r.read });
          }, function (e) {
            onMessage({ type: "report", batch: batch, index: index, error: String(e.message || e) });
          });
        }, Promise.resolve()).then(function () {
          onMessage({ type: "done", batch: batch, duplicates: JSON.parse(mod.duplicates()) });
        });
      },
    };
  }

  // Without a worker there is no FileReaderSync, and the module reads synchronously: it is
  // served from slices read beforehand (the head and the tail, where the central directory
  // is). A read outside them ends the attempt: its report is taken back, the missing slice is
  // read with what follows it, and the check runs again (`retract` takes the attempt's report
  // back). The benchmark's 40 MB archive is checked on its head and tail alone (192 KB, `node
  // benches/archive-check.mjs`); after AHEAD_ROUNDS attempts the file is read whole.
  var AHEAD = 64 * 1024, AHEAD_TAIL = 128 * 1024, AHEAD_ROUNDS = 24;
  function checkAhead(mod, file) {
    var pieces = [], read = 0;
    function take(at, len) {
      var end = Math.min(file.size, at + len);
      at = Math.max(0, Math.min(at, end));
      return file.slice(at, end).arrayBuffer().then(function (buf) {
        read += buf.byteLength;
        pieces.push({ at: at, bytes: new Uint8Array(buf) });
      });
    }
    function attempt(round) {
      var missing = null;
      var json = mod.check_archive(file.name, file.size, function (off, len) {
        for (var i = 0; i < pieces.length; i++) {
          var p = pieces[i];
          if (off >= p.at && off + len <= p.at + p.bytes.length) return p.bytes.subarray(off - p.at, off - p.at + len);
        }
        missing = { off: off, len: len };
        throw new Error("not read yet");
      });
      if (!missing) return { json: json, read: read };
      mod.retract();
      if (round > AHEAD_ROUNDS) throw new Error("файл не читается");
      var more = round < AHEAD_ROUNDS ? take(missing.off, Math.max(missing.len, AHEAD)) : take(0, file.size);
      return more.then(function () { return attempt(round + 1); });
    }
    return Promise.all([take(0, AHEAD), take(file.size - AHEAD_TAIL, AHEAD_TAIL)]).then(function () { return attempt(1); });
  }

  function setup(widget) {
    var body = widget.querySelector("[data-widget-body]");
    var title = widget.querySelector(".widget__title");
    var level = title ? Math.min(6, Number(title.tagName.slice(1)) + 1) : 3;
    var rule = ruleFor(widget);
    if (!body || !rule) return;
    var ruleData = JSON.parse(rule);
    var docLabels = {};
    (ruleData.documents || []).forEach(function (d) { docLabels[d.id] = d.label; });
    // The verdicts in the checks crate's words (Verdict::in_words), which the builder writes into
    // the widget: the module itself has no room for them. A site's template without them gets
    // the codes.
    /** @type {Object<string, string>} */
    var verdicts = JSON.parse(widget.getAttribute("data-labels") || "{}");

    Array.prototype.forEach.call(widget.querySelectorAll(".widget__nojs"), function (n) { n.hidden = true; });
    var n = document.querySelectorAll("[data-widget=archive]").length > 1 ? "-" + Math.random().toString(36).slice(2, 7) : "";
    var inputId = "archive-files" + n;
    var privacy = el("p", "archive__privacy");
    privacy.appendChild(el("strong", null, "Файлы не покидают ваше устройство."));
    privacy.appendChild(document.createTextNode(
      " Архивы читаются прямо в браузере и никуда не отправляются. Проверяются имя, размер, формат и состав архива — по правилам этой памятки."));
    var drop = el("div", "archive__drop");
    drop.setAttribute("data-drop", "");
    var label = el("label", "archive__label", "Выберите архивы для проверки (можно несколько) или перетащите их сюда");
    label.setAttribute("for", inputId);
    var input = el("input", "archive__input");
    input.type = "file";
    input.id = inputId;
    input.multiple = true;
    input.accept = (ruleData.formats || ["zip", "7z", "rar"]).map(function (f) { return "." + f; }).join(",");
    drop.appendChild(label);
    drop.appendChild(input);
    var status = el("p", "archive__status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var results = el("div", "archive__results");
    body.appendChild(privacy);
    body.appendChild(drop);
    body.appendChild(status);
    body.appendChild(results);

    var checker;
    try {
      checker = location.protocol === "file:" ? localChecker(rule) : workerChecker(rule);
    } catch (e) {
      checker = localChecker(rule);
    }
    var batch = 0;
    var local = location.protocol === "file:";
    // The module is loaded now, not when the files are chosen: checking makes no request.
    checker.ready().then(function () { widget.setAttribute("data-ready", ""); }, function () {});

    function report(file, r, error) {
      var verdict = error ? "reject" : r.verdict;
      var art = el("article", "archive-report archive-report--" + verdict);
      var h = el("h" + level, "archive-report__title");
      h.appendChild(el("span", "archive-report__file", file.name));
      h.appendChild(document.createTextNode(" — "));
      h.appendChild(el("span", "archive-report__verdict", verdicts[verdict] || verdict));
      art.appendChild(h);
      art.setAttribute("data-verdict", verdict);
      art.appendChild(el("p", "archive-report__facts",
        "Размер: " + size(file.size) + (r && r.format ? ". Формат: " + r.format : "") + "."));
      if (error) {
        // The checks crate explains in Russian; anything else is the browser's own English
        // reason (a file it could not read), which goes to the console.
        var russian = /[А-Яа-яЁё]/.test(error);
        if (!russian) console.warn("pamyatka: archive not checked", error);
        art.appendChild(el("p", "archive-report__error", "Проверить не удалось: " + (russian ? error
          : "браузер не смог прочитать этот файл. Выберите его снова; если не поможет, создайте архив заново.")));
        return art;
      }
      if (r.messages.length) {
        var ul = el("ul", "archive-report__reasons");
        r.messages.forEach(function (m, i) {
          var li = el("li", null, m);
          li.setAttribute("data-code", r.reasons[i]);
          ul.appendChild(li);
        });
        art.appendChild(ul);
      }
      if (r.parsed) {
        var dl = el("dl", "archive-report__name");
        [["Регион", r.parsed.region], ["Фамилия", r.parsed.surname], ["Имя", r.parsed.name], ["Отчество", r.parsed.patronymic]]
          .forEach(function (p) { dl.appendChild(el("dt", null, p[0])); dl.appendChild(el("dd", null, p[1])); });
        art.appendChild(dl);
      }
      // The documents only when the contents were read: not for a format the rule does not
      // allow, nor for a damaged archive (every document would be listed as missing).
      var read = (ruleData.formats || []).indexOf(r.format) >= 0 && r.reasons.indexOf("archive_damaged") < 0;
      if (read && ruleData.documents) {
        art.appendChild(el("p", "archive-report__docs-title", "Документы в архиве:"));
        var docs = el("ul", "archive-report__docs");
        ruleData.documents.forEach(function (d) {
          var found = r.documents.filter(function (f) { return f.id === d.id; })[0];
          var li = el("li", found ? "doc doc--found" : "doc doc--missing");
          li.appendChild(el("span", "doc__mark", found ? "Есть: " : "Нет: "));
          li.appendChild(document.createTextNode(d.label + (found ? " — «" + found.entry + "»" : "")));
          docs.appendChild(li);
        });
        art.appendChild(docs);
      }
      return art;
    }

    function run(fileList) {
      var files = Array.prototype.slice.call(fileList || []);
      if (!files.length) return;
      batch += 1;
      var mine = batch;
      results.textContent = "";
      status.textContent = "Проверяю " + (files.length === 1 ? "архив" : "архивы: " + files.length) + "…";
      var verdicts = { accept: 0, warn: 0, reject: 0 };
      function go() {
        checker.check(files, mine, function (m) {
          if (m.batch !== mine) return;
          if (m.type === "report") {
            var v = m.error ? "reject" : m.report.verdict;
            verdicts[v] += 1;
            results.appendChild(report(files[m.index], m.report, m.error));
          } else if (m.type === "done") {
            if (m.duplicates.length) {
              var box = el("div", "callout callout--warning archive__duplicates");
              box.setAttribute("role", "note");
              box.appendChild(el("p", "callout__title", "Несколько архивов на одного человека"));
              m.duplicates.forEach(function (d) { box.appendChild(el("p", null, d.message)); });
              results.insertBefore(box, results.firstChild);
            }
            status.textContent = "Проверено: " + files.length + ". Можно отправлять: " + (verdicts.accept + verdicts.warn) +
              (verdicts.warn ? " (с замечаниями: " + verdicts.warn + ")" : "") + ". Нужно исправить: " + verdicts.reject +
              (m.duplicates.length ? ". Есть повторы по людям." : ".");
          }
        });
      }
      function unavailable(e) {
        console.warn("pamyatka: archive check unavailable", e);
        status.textContent = "Проверка недоступна в этом браузере: страница не смогла загрузить программу проверки. Сверьте архив с требованиями выше.";
      }
      checker.ready().then(go, function () {
        // No worker here (a locked-down browser): check on this page instead.
        if (local) return unavailable("модуль не загрузился");
        local = true;
        checker = localChecker(rule);
        checker.ready().then(go, unavailable);
      });
    }

    input.addEventListener("change", function () { run(input.files); });
    ["dragenter", "dragover"].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add("archive__drop--over"); });
    });
    ["dragleave", "drop"].forEach(function (t) {
      drop.addEventListener(t, function () { drop.classList.remove("archive__drop--over"); });
    });
    drop.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files) run(e.dataTransfer.files);
    });
  }

  Array.prototype.forEach.call(widgets, setup);
})();
