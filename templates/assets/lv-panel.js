// Low-vision settings panel: font size, colour scheme, letter spacing, line height, font,
// images, and «озвучить» (Web Speech API, a Russian voice). Settings are kept on this device
// (localStorage "pamyatka:lv", display settings only) and applied before paint by lv-init.js;
// whether the panel is open is kept too ("pamyatka:lv-panel").
(function () {
  "use strict";
  var panel = /** @type {HTMLDetailsElement | null} */ (document.getElementById("lv-panel"));
  if (!panel) return;
  var root = document.documentElement;
  var KEY = "pamyatka:lv";
  var NAMES = ["size", "scheme", "spacing", "line", "font", "images"];
  var DEFAULTS = {};
  try { DEFAULTS = JSON.parse(root.getAttribute("data-lv-defaults") || "{}"); } catch (e) { DEFAULTS = {}; }
  var status = panel.querySelector(".lv-panel__status");

  function current() {
    var s = {};
    NAMES.forEach(function (n) { s[n] = root.getAttribute("data-lv-" + n); });
    return s;
  }
  function save() {
    try { window.localStorage.setItem(KEY, JSON.stringify(current())); } catch (e) { /* settings last for this page only */ }
  }
  function sync() {
    NAMES.forEach(function (n) {
      var v = root.getAttribute("data-lv-" + n);
      Array.prototype.forEach.call(panel.querySelectorAll('input[name="lv-' + n + '"]'), function (r) { r.checked = r.value === v; });
    });
  }

  // Screenshots (figures) sit behind «Показать изображение»: the images setting opens or
  // closes them all; each can still be opened or closed on its own.
  function showFigures() {
    var on = root.getAttribute("data-lv-images") !== "off";
    Array.prototype.forEach.call(document.querySelectorAll("details.shot__more"), function (d) { d.open = on; });
  }
  showFigures();

  panel.addEventListener("change", function (e) {
    var t = /** @type {HTMLInputElement} */ (e.target);
    if (!t || t.type !== "radio" || t.name.indexOf("lv-") !== 0) return;
    root.setAttribute("data-lv-" + t.name.slice(3), t.value);
    if (t.name === "lv-images") showFigures();
    save();
  });
  panel.querySelector("[data-lv-reset]").addEventListener("click", function () {
    NAMES.forEach(function (n) { if (DEFAULTS[n]) root.setAttribute("data-lv-" + n, DEFAULTS[n]); });
    try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
    sync();
    showFigures();
    status.textContent = "Настройки сброшены.";
  });

  // «Озвучить»: the selected text, or the main content; a second press stops.
  var speak = /** @type {HTMLElement} */ (panel.querySelector("[data-lv-speak]"));
  var synth = window.speechSynthesis;
  if (synth && typeof window.SpeechSynthesisUtterance === "function") {
    speak.hidden = false;
    speak.addEventListener("click", function () {
      if (synth.speaking) {
        synth.cancel();
        speak.textContent = "Озвучить";
        return;
      }
      var sel = String(window.getSelection ? window.getSelection() : "").trim();
      var main = document.getElementById("main");
      var text = sel || (main ? main.innerText : "");
      if (!text) return;
      var u = new window.SpeechSynthesisUtterance(text);
      u.lang = "ru-RU";
      var ru = synth.getVoices().filter(function (v) { return /^ru/i.test(v.lang); })[0];
      if (ru) u.voice = ru;
      u.onend = u.onerror = function () { speak.textContent = "Озвучить"; };
      speak.textContent = "Остановить чтение";
      status.textContent = sel ? "Читаю выделенный текст." : "Читаю страницу.";
      synth.speak(u);
    });
  }

  sync();
  // Open on a wide screen at the first visit, so that the reader sees what can be set; from
  // the next page on it is closed (one line above the page) unless the reader opened it, and
  // it keeps the state the reader left it in. On a phone it starts closed.
  var OPEN_KEY = "pamyatka:lv-panel";
  var state;
  try { state = window.localStorage.getItem(OPEN_KEY); } catch (e) { state = null; }
  var wide = window.matchMedia && window.matchMedia("(min-width: 60em)").matches;
  if (state === "open" || (state === null && wide)) panel.open = true;
  if (state === null) {
    try { window.localStorage.setItem(OPEN_KEY, "closed"); } catch (e) { /* opens again next time */ }
  }
  // The opening above fires a toggle event later: it is not the reader's.
  var skip = panel.open;
  panel.addEventListener("toggle", function () {
    if (skip) { skip = false; return; }
    try { window.localStorage.setItem(OPEN_KEY, panel.open ? "open" : "closed"); } catch (e) { /* this page only */ }
  });
  panel.hidden = false;
})();
