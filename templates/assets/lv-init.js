// Low-vision version: apply the reader's saved settings to <html> before the first paint (this
// script is loaded without `defer`, in <head>, and is tiny). The defaults are in the HTML, so a
// browser without JavaScript or storage gets large type and high contrast anyway.
(function () {
  "use strict";
  var KEYS = { size: /^[1-6]$/, scheme: /^(bw|wb|blue|brown|green)$/, spacing: /^(normal|wide|wider)$/,
    line: /^(normal|wide|wider)$/, font: /^(sans|serif)$/, images: /^(off|on|gray)$/ };
  var root = document.documentElement;
  // Remember the defaults the HTML gives, for the panel's «сбросить».
  var defaults = {};
  Object.keys(KEYS).forEach(function (k) { defaults[k] = root.getAttribute("data-lv-" + k); });
  root.setAttribute("data-lv-defaults", JSON.stringify(defaults));
  var saved = null;
  try { saved = JSON.parse(window.localStorage.getItem("pamyatka:lv") || "null"); } catch (e) { saved = null; }
  if (!saved || typeof saved !== "object") return;
  Object.keys(KEYS).forEach(function (k) {
    if (typeof saved[k] === "string" && KEYS[k].test(saved[k])) root.setAttribute("data-lv-" + k, saved[k]);
  });
})();
