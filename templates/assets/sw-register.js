// Registers the service worker (sw.js) so that the whole site works offline after the first
// visit, and says «доступна новая версия» when a new build is waiting, instead of serving the
// old pages forever. Only over http(s); never under `pamyatka serve` (live reload needs the
// network, so an old worker there is removed).
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var sw = navigator.serviceWorker;
  if (document.querySelector('script[src*="__pamyatka/livereload"]')) {
    sw.getRegistrations().then(function (regs) { regs.forEach(function (r) { r.unregister(); }); });
    return;
  }
  var url = new URL(script.getAttribute("data-sw"), location.href);
  var scope = new URL(script.getAttribute("data-scope"), location.href);

  function offer(waiting) {
    if (!sw.controller || document.querySelector(".update-banner")) return;
    var banner = document.createElement("div");
    banner.className = "update-banner";
    banner.setAttribute("role", "status");
    var text = document.createElement("p");
    text.className = "update-banner__text";
    text.textContent = "Доступна новая версия сайта.";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "update-banner__button";
    button.textContent = "Обновить страницу";
    button.addEventListener("click", function () {
      button.disabled = true;
      waiting.postMessage("skip-waiting");
    });
    banner.appendChild(text);
    banner.appendChild(button);
    document.body.insertBefore(banner, document.body.firstChild);
  }

  var reloading = false;
  sw.addEventListener("controllerchange", function () {
    if (reloading || !document.querySelector(".update-banner")) return;
    reloading = true;
    location.reload();
  });

  sw.register(url.href, { scope: scope.href }).then(function (reg) {
    if (!reg) return; // registration refused by the browser's policy
    if (reg.waiting) offer(reg.waiting);
    reg.addEventListener("updatefound", function () {
      var next = reg.installing;
      if (!next) return;
      next.addEventListener("statechange", function () {
        if (next.state === "installed") offer(next);
      });
    });
    document.documentElement.setAttribute("data-sw", "registered");
  }, function () { /* no offline copy: the site still works online */ });
})();
