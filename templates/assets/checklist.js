// Interactive checklists: remember ticks on this device (localStorage, only item ids — nothing
// personal), announce progress politely, reset with confirmation. The page is complete without
// this script: the boxes are real checkboxes with labels.
(function () {
  "use strict";
  var PREFIX = "pamyatka:checklist:";
  var storage = null;
  try {
    var probe = PREFIX + "probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    storage = window.localStorage;
  } catch (e) {
    storage = null;
  }

  function load(key) {
    if (!storage) return {};
    try {
      var v = JSON.parse(storage.getItem(key) || "{}");
      return v && typeof v === "object" ? v : {};
    } catch (e) {
      return {};
    }
  }

  function save(key, state) {
    if (!storage) return;
    try {
      var ids = Object.keys(state);
      if (ids.length === 0) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(state));
    } catch (e) { /* quota or privacy mode: ticks stay for this visit only */ }
  }

  function init() {
    var lists = document.querySelectorAll("ul.checklist[data-checklist]");
    if (!lists.length) return;
    // The page's note that ticks need JavaScript: this script keeps them (or says why not).
    Array.prototype.forEach.call(document.querySelectorAll("[data-checklist-nojs]"), function (n) { n.hidden = true; });
    var key = PREFIX + lists[0].getAttribute("data-checklist");
    var state = load(key);
    var known = {};
    var boxes = [];
    Array.prototype.forEach.call(lists, function (list) {
      Array.prototype.forEach.call(list.querySelectorAll(":scope > li[data-item] > input[type=checkbox]"), function (box) {
        var id = box.parentNode.getAttribute("data-item");
        known[id] = true;
        if (Object.prototype.hasOwnProperty.call(state, id)) box.checked = state[id] === true;
        boxes.push({ box: box, id: id, list: list });
      });
    });
    // Ticks for items that no longer exist (removed or renamed by an editor) are dropped.
    Object.keys(state).forEach(function (id) { if (!known[id]) delete state[id]; });
    save(key, state);

    Array.prototype.forEach.call(lists, function (list, index) {
      var own = boxes.filter(function (b) { return b.list === list; });
      var panel = document.createElement("div");
      panel.className = "checklist-status";
      var status = document.createElement("p");
      status.className = "checklist-status__text";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      status.id = "checklist-status-" + index;
      var reset = document.createElement("button");
      reset.type = "button";
      reset.className = "checklist-status__reset";
      reset.textContent = "Сбросить отметки";
      panel.appendChild(status);
      panel.appendChild(reset);
      if (!storage && index === 0) {
        var note = document.createElement("p");
        note.className = "checklist-status__note";
        note.textContent = "Этот браузер не разрешает сохранять отметки: они пропадут, когда вы закроете страницу.";
        panel.appendChild(note);
      }
      list.parentNode.insertBefore(panel, list.nextSibling);
      list.setAttribute("aria-describedby", status.id);

      function update() {
        var done = own.filter(function (b) { return b.box.checked; }).length;
        status.textContent = "Выполнено " + done + " из " + own.length;
        list.classList.toggle("checklist--done", done === own.length);
        reset.disabled = done === 0;
      }
      own.forEach(function (b) {
        b.box.addEventListener("change", function () {
          if (b.box.checked) state[b.id] = true; else delete state[b.id];
          save(key, state);
          update();
        });
      });
      reset.addEventListener("click", function () {
        if (!window.confirm("Снять все отметки в этом списке?")) return;
        own.forEach(function (b) { b.box.checked = false; delete state[b.id]; });
        save(key, state);
        update();
        own[0] && own[0].box.focus();
      });
      update();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
