// Interactive checklists: remember ticks on this device (localStorage, only item ids — nothing
// personal), show the guide's one progress (announced politely) and, in the step outline, each
// step's status (GOV.UK task list); one reset for the whole guide, with confirmation. The page
// is complete without this script: the boxes are real checkboxes with labels.
// Storage: one key per page, `pamyatka:checklist:<normal URL>` → {itemId: true}.
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

  // «из 1 шага», «из 2 шагов», «из 21 пункта»: the genitive after «из».
  function ofCount(n, one, many) {
    return n + " " + pamyatka.plural(n, one, many, many);
  }
  var el = pamyatka.el;

  function init() {
    var lists = Array.prototype.slice.call(document.querySelectorAll("ul.checklist[data-checklist]"));
    if (!lists.length) return;
    // The page's note that ticks need JavaScript: this script keeps them (or says why not).
    Array.prototype.forEach.call(document.querySelectorAll("[data-checklist-nojs]"), function (n) { n.hidden = true; });
    var key = PREFIX + lists[0].getAttribute("data-checklist");
    var state = load(key);
    var byId = {};
    var boxes = [];
    lists.forEach(function (list) {
      Array.prototype.forEach.call(list.querySelectorAll(":scope > li[data-item] > input[type=checkbox]"), function (box) {
        var b = { box: box, id: box.parentNode.getAttribute("data-item"), list: list };
        byId[b.id] = b;
        if (Object.prototype.hasOwnProperty.call(state, b.id)) box.checked = state[b.id] === true;
        boxes.push(b);
      });
    });
    // Ticks for items that no longer exist (removed or renamed by an editor) are dropped.
    Object.keys(state).forEach(function (id) { if (!byId[id]) delete state[id]; });
    save(key, state);
    var done = function (bs) { return bs.filter(function (b) { return b.box.checked; }).length; };

    // The step outline as a task list: each step that has items gets a status.
    var outline = document.querySelector("nav[data-outline]");
    var steps = outline ? Array.from(outline.querySelectorAll("[data-step-items]")).map(function (li) {
      var status = /** @type {HTMLElement} */ (li.querySelector("[data-step-status]"));
      status.hidden = false;
      li.querySelector("a").setAttribute("aria-describedby", status.id);
      var own = li.getAttribute("data-step-items").split(" ").map(function (id) { return byId[id]; }).filter(Boolean);
      return { status: status, boxes: own };
    }) : [];
    // Progress in steps when every step of the outline has something to tick, else in items.
    var bySteps = outline !== null && outline.hasAttribute("data-outline-tasks") && steps.length > 0;

    // A list of several items on a page of several lists shows its own count (not announced:
    // the guide's progress is); a single item's box is its own status.
    var counters = lists.length < 2 ? [] : lists.map(function (list) {
      var own = boxes.filter(function (b) { return b.list === list; });
      if (own.length < 2) return null;
      var count = el("p", "checklist-count");
      list.parentNode.insertBefore(count, list.nextSibling);
      return { list: list, boxes: own, text: count };
    }).filter(Boolean);

    // The guide's one progress and one reset: in the outline, else after the (last) list.
    var panel = el("div", "checklist-status");
    var status = el("p", "checklist-status__text");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.id = "checklist-status";
    var reset = el("button", "checklist-status__reset", "Снять все отметки");
    reset.type = "button";
    panel.appendChild(status);
    panel.appendChild(reset);
    if (!storage) {
      panel.appendChild(el("p", "checklist-status__note", "Этот браузер не разрешает сохранять отметки: они пропадут, когда вы закроете страницу."));
    }
    if (outline) outline.appendChild(panel);
    else {
      var last = lists[lists.length - 1];
      last.parentNode.insertBefore(panel, last.nextSibling);
    }
    if (lists.length === 1) lists[0].setAttribute("aria-describedby", status.id);

    function update() {
      steps.forEach(function (s) {
        var n = done(s.boxes);
        var all = n === s.boxes.length;
        s.status.textContent = n === 0 ? "Не начато" : all ? "Выполнено" : "Выполнено " + n + " из " + s.boxes.length;
        s.status.classList.toggle("outline__status--done", all);
      });
      counters.forEach(function (c) {
        c.text.textContent = "Отмечено " + done(c.boxes) + " из " + c.boxes.length;
      });
      lists.forEach(function (list) {
        var own = boxes.filter(function (b) { return b.list === list; });
        list.classList.toggle("checklist--done", done(own) === own.length);
      });
      var ticked = done(boxes);
      if (bySteps) {
        var finished = steps.filter(function (s) { return done(s.boxes) === s.boxes.length; }).length;
        status.textContent = "Выполнено " + finished + " из " + ofCount(steps.length, "шага", "шагов");
      } else if (lists.length === 1) {
        status.textContent = "Выполнено " + ticked + " из " + boxes.length;
      } else {
        status.textContent = "Выполнено " + ticked + " из " + ofCount(boxes.length, "пункта", "пунктов");
      }
      reset.disabled = ticked === 0;
    }
    boxes.forEach(function (b) {
      b.box.addEventListener("change", function () {
        if (b.box.checked) state[b.id] = true; else delete state[b.id];
        save(key, state);
        update();
      });
    });
    reset.addEventListener("click", function () {
      if (!window.confirm("Снять все отметки на этой странице?")) return;
      boxes.forEach(function (b) { b.box.checked = false; delete state[b.id]; });
      save(key, state);
      update();
      boxes[0].box.focus();
    });
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
