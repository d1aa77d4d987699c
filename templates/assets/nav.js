// On narrow screens the section list folds behind a «Разделы сайта» button, so a phone shows the
// page first. Without JavaScript the list is simply shown.
(function () {
  "use strict";
  var nav = document.querySelector(".site-nav");
  var list = nav && nav.querySelector("ul");
  if (!list) return;
  list.id = list.id || "site-nav-list";
  var button = document.createElement("button");
  button.type = "button";
  button.className = "site-nav__toggle";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", list.id);
  button.textContent = "Разделы сайта";
  nav.insertBefore(button, list);
  nav.classList.add("site-nav--collapsible");
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("site-nav--open", open);
  });
})();
