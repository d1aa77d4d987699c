// Injected by `pamyatka serve` only: reloads the page after a successful rebuild and shows
// build errors over the page.
(function () {
  "use strict";
  // The overlay's words in the language of `pamyatka serve` (put here by the server).
  var words = WORDS;
  var overlay = null;
  function showError(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.className = "pamyatka-error";
      overlay.setAttribute("role", "alert");
      overlay.setAttribute("lang", words.lang);
      var s = overlay.style;
      s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
      s.background = "rgba(20,20,20,0.94)"; s.color = "#fff"; s.padding = "2rem"; s.font = "14px/1.5 monospace";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var h = document.createElement("h2");
    h.textContent = words.title;
    var p = document.createElement("p");
    p.textContent = words.hint;
    var pre = document.createElement("pre");
    pre.style.whiteSpace = "pre-wrap";
    pre.textContent = text;
    overlay.appendChild(h);
    overlay.appendChild(p);
    overlay.appendChild(pre);
  }
  var es = new EventSource("/__pamyatka/events");
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("error", function (e) { if (e.data) showError(e.data); });
})();
