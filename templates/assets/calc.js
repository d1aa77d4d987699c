// Deadline calculators: the regulation tables, the role pages and the `deadline` widgets of the
// guides. The page is complete without this script (the deadlines are written out as text and
// the forms are `hidden`); with it, the reader picks the event date and every computable item
// shows its deadline, counted by the checks module (WASM) on the production calendar inlined in
// the page. Nothing is sent anywhere; nothing is stored.
(function () {
  "use strict";
  var script = document.currentScript;
  var el = pamyatka.el, plural = pamyatka.plural;
  var containers = document.querySelectorAll("[data-calc]");
  if (!containers.length) return;

  // ---- the WASM module, loaded once, when the first calculator needs it ----
  var ready = null;
  // The module once loaded: the dates below are written in its words (every date is written
  // after a computation, so it is there by then).
  /** @type {typeof pamyatkaDeadline | null} */
  var mod = null;
  function load() {
    if (ready) return ready;
    var glue = typeof pamyatkaDeadline !== "undefined" ? pamyatkaDeadline : null;
    ready = pamyatka.loadWasm(glue, "deadline", script.getAttribute("data-wasm"), "модуль расчёта не загрузился").then(function (m) {
      var cal = document.getElementById("pamyatka-calendar");
      m.set_calendar(cal ? cal.textContent : "[]");
      mod = m;
      return m;
    });
    return ready;
  }

  // ---- Russian formatting ----
  // A date and a rule in words come from the checks crate (wasm/src/ru.rs: the module's
  // date_ru, each answer's rule_text), as the builder writes them. Non-breaking spaces where a
  // line must not break: «до 11.01.2027», «ст. 193 ГК РФ» (the same text as ART_193 in
  // wasm/src/deadline/compute.rs, which the module's warnings cite).
  var NB = "\u00a0";
  var ART_193 = "ст." + NB + "193" + NB + "ГК" + NB + "РФ";
  // A computed last day is said as «не позднее 28.12.2026 (включительно)»: «до 28.12.2026»
  // reads as "before" it.
  var NOT_LATER = "не" + NB + "позднее" + NB;
  // 2026-09-05 → 05.09.2026; 2026-09-05T11:00 → 05.09.2026 в 11:00
  /** @param {string} iso */
  function ruDate(iso) {
    return mod ? mod.date_ru(iso) : iso;
  }
  // What follows the last day in brackets: its weekday and, for a day (not a moment counted in
  // hours), that the day itself still counts.
  function dayNotes(iso, weekday) {
    var notes = [];
    if (weekday) notes.push(weekday);
    if (iso.length <= 10) notes.push("включительно");
    return notes.length ? " (" + notes.join(", ") + ")" : "";
  }
  // «не позднее 05.10.2026 (понедельник, включительно)»
  function lastDay(iso, weekday) {
    return NOT_LATER + ruDate(iso) + dayNotes(iso, weekday);
  }
  function capital(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
  }
  // A sentence ends with one full stop, whatever the text it is made of ends with.
  function sentence(s) {
    s = String(s).replace(/[\s\u00a0]+$/, "");
    return /[.!?…]$/.test(s) ? s : s + ".";
  }
  /** @param {string} iso */
  function weekdayOf(iso) {
    return mod ? mod.weekday_ru(iso) : "";
  }
  // ---- calendar years not in force (a draft decree) ----
  // `calendar_status` of an answer: per date, the years it was counted on whose calendar is not
  // in force ({"safe": {"2027": "draft"}}). The same words as not_in_force_ru in
  // wasm/src/calendar.rs: «по проекту производственного календаря на 2027 год — проверьте после
  // его утверждения».
  function draftYears(res, dates) {
    var st = res.calendar_status || {}, years = {};
    dates.forEach(function (d) { Object.keys(st[d] || {}).forEach(function (y) { years[y] = true; }); });
    return Object.keys(years).sort();
  }
  function yearList(years) {
    var last = years[years.length - 1];
    return (years.length > 1 ? years.slice(0, -1).join(", ") + " и " + last + NB + "годы" : last + NB + "год");
  }
  function draftNote(years) {
    return "по проекту производственного календаря на " + yearList(years) +
      " — проверьте после " + (years.length > 1 ? "их" : "его") + " утверждения";
  }
  // Where it is said again (a second date of the answer, every item of «что сделать»).
  function draftShort(years) {
    return "по проекту календаря на " + yearList(years);
  }
  // The years behind the `deadline` (the agenda's and the .ics event's date).
  function deadlineYears(res) {
    return draftYears(res, [res.kind === "monthly" ? "last_working_day" : res.safe ? "safe" : "nominal"]);
  }

  // The dates of one answer as sentences, in the order a reader needs them: what the text says,
  // the day to act on (the headline, `head`), the art. 193 move as a legal note. One sentence
  // when they coincide or when the calendar cannot tell (a warning then says so). A monthly
  // task: its month and the month's last working day, never a day of the next month. A
  // sentence whose date was counted on a calendar not in force has a `note` saying so: in full
  // the first time, short after that.
  function sentences(res) {
    var out = dateSentences(res), said = "";
    out.forEach(function (s) {
      var years = draftYears(res, s.dates || []);
      if (!years.length) return;
      var key = years.join();
      s.note = key === said
        ? "Тоже " + draftShort(years) + "."
        : capital(draftNote(years)) + ".";
      said = key;
    });
    return out;
  }
  function dateSentences(res) {
    if (res.kind === "monthly") {
      var month = [{ text: "Период — с" + NB + ruDate(res.period_start) + " по" + NB + ruDate(res.period_end) + "." }];
      if (res.last_working_day) {
        month.push({ head: true, dates: ["last_working_day"], text: "Успеть " + lastDay(res.last_working_day, res.weekday) + " — последний рабочий день месяца." });
      }
      return month;
    }
    var n = res.nominal, s = res.safe, l = res.legal;
    if (!s || !l || (n === s && s === l)) {
      return [{ head: true, dates: s ? ["nominal", "safe", "legal"] : ["nominal"], text: capital(lastDay(res.deadline, res.weekday)) + "." }];
    }
    var wd = weekdayOf(n);
    var why = res.moved_because && res.moved_because !== wd ? ", " + res.moved_because : "";
    var out = [{ dates: ["nominal"], text: "По тексту " + NOT_LATER + ruDate(n) + " (" + wd + why + ")." }];
    if (s === l) {
      // No working day left before the text's date: the legal day is the one to act on.
      out.push({ head: true, dates: ["safe", "legal"], text: "Успеть " + lastDay(l, weekdayOf(l)) + " — срок перенесён по" + NB + ART_193 + "." });
    } else {
      out.push({ head: true, dates: ["safe"], text: "Успеть " + lastDay(s, weekdayOf(s)) + " — последний рабочий день." });
      out.push({ legal: true, dates: ["legal"], text: "По" + NB + ART_193 + " срок переносится на" + NB + ruDate(l) + " (" + weekdayOf(l) + ")." });
    }
    return out;
  }

  // One computed rule → a paragraph a reader understands: its dates, each sentence labelled and
  // on a line of its own (the headline in bold), then any warning, each a whole sentence (the
  // full stop belongs to the sentence, never to the line after it).
  function explain(res, several) {
    var p = el("p", "calc__line");
    if (several) p.appendChild(el("span", "calc__rule", res.rule_text + ": "));
    sentences(res).forEach(function (s, i) {
      // The first sentence follows the rule's name («3 календарных дня: не …»), lower-case.
      var text = i === 0 && several ? s.text.charAt(0).toLowerCase() + s.text.slice(1) : s.text;
      var node = el(s.head ? "strong" : "span", s.head ? "calc__safe" : s.legal ? "calc__moved" : "calc__text", text);
      if (i > 0 || s.note) {
        var line = el("span", i > 0 ? "calc__next" : null);
        line.appendChild(node);
        // The calendar's status right after the date it concerns, on the same line.
        if (s.note) {
          line.appendChild(document.createTextNode(" "));
          line.appendChild(el("span", "calc__draft", s.note));
        }
        node = line;
      }
      p.appendChild(node);
    });
    (res.warnings || []).forEach(function (w) {
      p.appendChild(document.createTextNode(" "));
      p.appendChild(el("span", "calc__warn", "Внимание: " + sentence(w)));
    });
    return p;
  }

  function setup(box) {
    var form = box.querySelector("[data-calc-form]");
    if (!form) return;
    var date = form.querySelector("input[type=date]");
    var time = form.querySelector("input[type=time]");
    var role = form.querySelector("select[name=role]");
    var group = form.querySelector("select[name=group]");
    var ics = form.querySelector("[data-calc-ics]");
    var print = form.querySelector("[data-calc-print]");
    var status = form.querySelector("[data-calc-status]");
    var agenda = box.querySelector("[data-calc-agenda]");
    var items = Array.prototype.slice.call(box.querySelectorAll("[data-rules]"));
    var computed = [];
    form.hidden = false;
    // The instructions that ask for a date show with the date field; the note that the
    // calculator needs JavaScript goes.
    Array.prototype.forEach.call(box.querySelectorAll("[data-calc-intro]"), function (n) { n.hidden = false; });
    Array.prototype.forEach.call(box.querySelectorAll(".widget__nojs"), function (n) { n.hidden = true; });
    if (!date.value) date.value = pamyatka.today();

    // Rows carry the filters' facts (data-roles, data-group); a widget has no rows.
    var rows = Array.prototype.slice.call(box.querySelectorAll("[data-calc-row]"));
    function visible(node) {
      var row = node.closest("[data-calc-row]");
      if (!row) return true;
      var r = role && role.value;
      var g = group && group.value;
      if (r && (" " + (row.getAttribute("data-roles") || "") + " ").indexOf(" " + r + " ") < 0) return false;
      if (g && row.getAttribute("data-group") !== g) return false;
      return true;
    }

    function filter() {
      var shown = 0;
      rows.forEach(function (row) {
        var on = visible(row);
        row.hidden = !on;
        if (on) shown += 1;
      });
      return shown;
    }

    function renderAgenda() {
      if (!agenda) return;
      var list = agenda.querySelector("ol");
      list.textContent = "";
      var due = computed.filter(function (c) { return visible(c.item); });
      due.sort(function (a, b) { return a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0; });
      due.forEach(function (c) {
        var li = el("li", "calc__agenda-item");
        var t = el("time", null, capital(lastDay(c.deadline, c.weekday)));
        t.setAttribute("datetime", c.deadline);
        li.appendChild(t);
        var years = deadlineYears(c.res);
        if (years.length) li.appendChild(el("span", "calc__draft", " (" + draftShort(years) + ")"));
        li.appendChild(document.createTextNode(" — "));
        var url = c.item.getAttribute("data-url");
        // The whole title, however long: the line wraps (a cut title may cut the one word that
        // says what to do).
        var label = c.item.getAttribute("data-title") + (c.ref ? " (" + c.ref + ")" : "");
        if (url) {
          var a = el("a", null, label);
          a.href = url;
          li.appendChild(a);
        } else {
          li.appendChild(document.createTextNode(label));
        }
        list.appendChild(li);
      });
      var title = agenda.querySelector("[data-calc-agenda-title]");
      if (title && role) {
        var who = role && role.value ? role.options[role.selectedIndex].text : "";
        title.textContent = who ? "Что сделать: " + who : "Все сроки по порядку";
      }
      agenda.hidden = due.length === 0;
    }

    // No date, no deadlines: the dates counted from an earlier date go, and the export with them.
    function clear() {
      computed = [];
      items.forEach(function (item) { item.querySelector("[data-calc-out]").textContent = ""; });
      renderAgenda();
      if (ics) ics.disabled = true;
    }

    var run = 0;
    function compute() {
      var shown = filter();
      var mine = ++run;
      if (!date.value) {
        clear();
        status.textContent = "Укажите дату события: без неё сроки не посчитать и выгружать в календарь нечего.";
        box.setAttribute("data-ready", "");
        return;
      }
      var from = date.value + (time && time.value ? "T" + time.value : "");
      status.textContent = "Считаю…";
      load().then(function (m) {
        // A later change (a cleared date) has the last word.
        if (mine !== run) return;
        computed = [];
        var problems = 0;
        items.forEach(function (item) {
          var out = item.querySelector("[data-calc-out]");
          out.textContent = "";
          var results;
          try {
            results = JSON.parse(m.deadline_rules(item.getAttribute("data-rules"), from));
          } catch (e) {
            problems += 1;
            out.appendChild(el("span", "calc__warn", e instanceof Error ? e.message : String(e)));
            return;
          }
          var dated = results.filter(function (r) { return r.deadline; });
          dated.forEach(function (r) {
            out.appendChild(explain(r, results.length > 1));
            computed.push({
              item: item,
              deadline: r.deadline,
              weekday: r.weekday,
              res: r,
              ref: item.getAttribute("data-ref"),
            });
          });
        });
        renderAgenda();
        var n = computed.filter(function (c) { return visible(c.item); }).length;
        status.textContent = problems
          ? "Не удалось посчитать " + problems + " " + plural(problems, "срок", "срока", "сроков") + "."
          : "Посчитано сроков: " + n + (shown < rows.length ? "; показано строк: " + shown + " из " + rows.length + "." : ".");
        if (ics) ics.disabled = n === 0;
        box.setAttribute("data-ready", "");
      }, function (e) {
        // The browser's reason is English and technical: it goes to the console, the reader
        // gets what to do.
        console.warn("pamyatka: calculator unavailable", e);
        status.textContent = "Расчёт сейчас недоступен: страница не смогла загрузить программу расчёта. Обновите страницу. Сроки выше записаны словами.";
      });
    }

    form.addEventListener("submit", function (e) { e.preventDefault(); compute(); });
    [date, time, role, group].forEach(function (c) { if (c) c.addEventListener("change", compute); });
    // Clearing the date (its clear button, or deleting a part of it) may fire only `input`.
    date.addEventListener("input", function () { if (!date.value) compute(); });
    // The file says what it holds: the table, the role (or all of them) and the event's date,
    // `sroki-gis-obrazovanie-mouo-2026-09-04.ics`; a guide's calculator: `sroki-2026-09-04.ics`.
    function fileName() {
      var table = box.getAttribute("data-ics-name");
      var who = box.getAttribute("data-ics-role") || (role && role.value) || "all";
      var parts = ["sroki"].concat(table ? [table, who] : [], [date.value]);
      return parts.join("-").toLowerCase().replace(/[^a-z0-9-]+/g, "-") + ".ics";
    }
    if (ics) ics.addEventListener("click", function () { downloadIcs(computed.filter(function (c) { return visible(c.item); }), fileName()); });
    if (print) print.addEventListener("click", function () { window.print(); });
    compute();
  }

  // ---- .ics (RFC 5545), made here and saved by the browser ----
  function icsText(s) {
    return String(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }
  // Lines longer than 75 octets are folded (UTF-8 aware: Cyrillic letters are 2 octets).
  function fold(line) {
    var out = "", octets = 0;
    for (var i = 0; i < line.length; i++) {
      var ch = line[i];
      var code = line.charCodeAt(i);
      var n = code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? 4 : 3;
      if (n === 4) { ch += line[i + 1]; i += 1; }
      if (octets + n > 75) { out += "\r\n "; octets = 1; }
      out += ch;
      octets += n;
    }
    return out;
  }
  function compact(iso) { return iso.replace(/[-:]/g, ""); }
  function nextDay(iso) {
    var d = new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10) + 1));
    return d.toISOString().slice(0, 10);
  }
  // The public address of a page of the site, for an event's link: the site's real address when
  // it has one (data-public-base), else this page's own when it is on the web; from the offline
  // bundle (file://) without a real address, none — a file:/// link opens nothing elsewhere.
  var publicBase = (script.getAttribute("data-public-base") || "").replace(/\/+$/, "");
  function publicUrl(path) {
    if (!path) return "";
    if (publicBase) return publicBase + path;
    if (/^https?:$/.test(location.protocol)) return new URL(path, location.href).href;
    return "";
  }
  function downloadIcs(list, name) {
    if (!list.length) return;
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//pamyatka//Памятки//RU", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    list.forEach(function (c, i) {
      var item = c.item;
      var url = publicUrl(item.getAttribute("data-url"));
      // The whole title: a long line is folded below, never cut.
      var summary = "Срок: " + item.getAttribute("data-title") + (c.ref ? " (" + c.ref + ")" : "");
      // The event is on the day to act on; the description names every date, as the page does.
      var dates = sentences(c.res).map(function (s) { return s.text + (s.note ? " " + s.note : ""); }).join(" ");
      var desc = (c.ref ? capital(c.ref) + ". " : "") + dates + " " +
        "Срок по документу: " + c.res.rule_text + "." + (url ? " " + url : "");
      lines.push("BEGIN:VEVENT");
      lines.push("UID:" + (item.getAttribute("data-id") || "item-" + i) + "-" + compact(c.deadline) + "@pamyatka");
      lines.push("DTSTAMP:" + stamp);
      if (c.deadline.length > 10) {
        lines.push("DTSTART:" + compact(c.deadline) + "00");
        lines.push("DURATION:PT15M");
      } else {
        lines.push("DTSTART;VALUE=DATE:" + compact(c.deadline));
        lines.push("DTEND;VALUE=DATE:" + compact(nextDay(c.deadline)));
      }
      lines.push("SUMMARY:" + icsText(summary));
      lines.push("DESCRIPTION:" + icsText(desc));
      if (url) lines.push("URL:" + url);
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    var text = lines.map(fold).join("\r\n") + "\r\n";
    var blob = new Blob([text], { type: "text/calendar;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // Exposed for the browser tests of the .ics format.
  window.pamyatkaCalc = { fold: fold, lastDay: lastDay, sentences: sentences };

  Array.prototype.forEach.call(containers, setup);
})();
