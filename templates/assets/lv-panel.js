// Low-vision settings panel: font size, colour scheme, letter spacing, line height, font,
// images, and «озвучить» (Web Speech API, a Russian voice). Settings are kept on this device
// (localStorage "pamyatka:lv", display settings only) and applied before paint by lv-init.js.
(function () {
  "use strict";
  var panel = document.getElementById("lv-panel");
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

  panel.addEventListener("change", function (e) {
    var t = e.target;
    if (!t || t.type !== "radio" || t.name.indexOf("lv-") !== 0) return;
    root.setAttribute("data-lv-" + t.name.slice(3), t.value);
    save();
  });
  panel.querySelector("[data-lv-reset]").addEventListener("click", function () {
    NAMES.forEach(function (n) { if (DEFAULTS[n]) root.setAttribute("data-lv-" + n, DEFAULTS[n]); });
    try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
    sync();
    status.textContent = "Настройки сброшены.";
  });

  // «Озвучить»: the selected text, or the main content; a second press stops.
  var speak = panel.querySelector("[data-lv-speak]");
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
  // Open on wide screens; on a phone the summary alone takes one line above the page.
  if (window.matchMedia && window.matchMedia("(min-width: 60em)").matches) panel.open = true;
  panel.hidden = false;
})();
