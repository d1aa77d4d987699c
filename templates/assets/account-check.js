// Account checks of two guides, computed by the checks module (WASM) on the rules inlined in the
// page as JSON:
//   - [data-widget=esia]: is a parent's or a student's ЕСИА (Госуслуги) account ready for the
//     electronic journal, and what is the single next step (content/esia/readiness-rule.yaml);
//   - [data-widget=registration]: the fields of the ФИОКО registration form, checked before the
//     reader types them into the real form (content/fioko/registration-form.yaml).
// Nothing typed is stored (no localStorage, no cookies) or sent anywhere; the module is loaded
// once, when the page loads, so no request is made while the reader checks. The page is
// complete without this script: the guide says the same in words.
(function () {
  "use strict";
  var script = document.currentScript;
  var esiaWidgets = document.querySelectorAll("[data-widget=esia]");
  var regWidgets = document.querySelectorAll("[data-widget=registration]");
  if (!esiaWidgets.length && !regWidgets.length) return;

  var PRIVACY = "Ничего из введённого не сохраняется и не отправляется.";

  // ---- helpers ----
  var el = pamyatka.el, plural = pamyatka.plural;
  // A message's web addresses (https://…) become links whose text may break only after a
  // «/» or before a «.» (a <wbr> there), never inside a word; the rest stays text.
  var URL_RE = /https?:\/\/[^\s«»"<>]+[^\s«»"<>.,;:!?)]/g;
  function setText(node, text) {
    node.textContent = "";
    var at = 0;
    text.replace(URL_RE, function (url, start) {
      node.appendChild(document.createTextNode(text.slice(at, start)));
      var a = el("a", "text-url");
      a.href = url;
      a.rel = "noopener";
      url.split(/(?=[.?&])|(?<=\/)(?!\/)/).forEach(function (part, i) {
        if (i) a.appendChild(document.createElement("wbr"));
        a.appendChild(document.createTextNode(part));
      });
      node.appendChild(a);
      at = start + url.length;
      return url;
    });
    node.appendChild(document.createTextNode(text.slice(at)));
  }
  function lowerFirst(s) { return s ? s.charAt(0).toLowerCase() + s.slice(1) : s; }
  function ruleFor(widget) {
    var path = widget.getAttribute("data-rule");
    var node = document.querySelector('script[type="application/json"][data-rule-json="' + path + '"]');
    if (!node) return null;
    try { return { text: node.textContent, data: JSON.parse(node.textContent) }; } catch (e) { return null; }
  }
  function subLevel(widget) {
    var title = widget.querySelector(".widget__title");
    return title && /^H[1-6]$/.test(title.tagName) ? Math.min(6, Number(title.tagName.slice(1)) + 1) : 4;
  }
  // What a reader is told when the check itself fails: the browser's reason is English and
  // technical, so it goes to the console, and the reader gets what to do.
  var UNAVAILABLE = "Проверка недоступна в этом браузере: страница не смогла загрузить программу проверки.";
  var BROKEN = "Проверить не удалось из-за ошибки на странице. Обновите страницу и попробуйте ещё раз.";
  function message(e) { console.warn("pamyatka: check unavailable", e); return String((e && e.message) || e); }
  var uid = 0;
  function prefix(kind) { uid += 1; return "acc" + uid + "-" + kind + "-"; }

  // A labelled radio or checkbox: the label is the large target.
  function option(type, name, id, value, text, checked) {
    var row = el("div", "account__option");
    var input = el("input", "account__choice");
    input.type = type;
    input.name = name;
    input.id = id;
    input.value = value;
    input.checked = !!checked;
    var label = el("label", null, text);
    label.setAttribute("for", id);
    row.appendChild(input);
    row.appendChild(label);
    return { row: row, input: input };
  }
  function group(legendText, hintText, id) {
    var fs = el("fieldset", "account__group");
    fs.appendChild(el("legend", "account__legend", legendText));
    if (hintText) {
      var hint = el("p", "account__hint", hintText);
      hint.id = id + "hint";
      fs.setAttribute("aria-describedby", hint.id);
      fs.appendChild(hint);
    }
    return fs;
  }
  function textField(id, labelText, hintText) {
    var wrap = el("div", "calc__field account__field");
    var label = el("label", null, labelText);
    label.setAttribute("for", id);
    wrap.appendChild(label);
    var hint = null;
    if (hintText) {
      hint = el("p", "account__hint", hintText);
      hint.id = id + "-hint";
      wrap.appendChild(hint);
    }
    var input = el("input", "account__input");
    input.id = id;
    input.type = "text";
    input.autocomplete = "off";
    return { wrap: wrap, input: input, hint: hint };
  }
  function describe(input, ids) {
    var list = ids.filter(Boolean);
    if (list.length) input.setAttribute("aria-describedby", list.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  // ---- the WASM module: loaded once, right after the widgets are built ----
  var loading = null;
  function load() {
    if (loading) return loading;
    var glue = typeof pamyatkaAccount !== "undefined" ? pamyatkaAccount : null;
    loading = pamyatka.loadWasm(glue, "account", script && script.getAttribute("data-wasm"), "модуль проверки не загрузился");
    return loading;
  }

  // ---------------------------------------------------------------------------------------------
  // ЕСИА readiness wizard

  function setupEsia(widget) {
    var body = widget.querySelector("[data-widget-body]");
    var rule = ruleFor(widget);
    if (!body || !rule) return null;
    var r = rule.data;
    var p = prefix("esia");
    var h = "h" + subLevel(widget);
    var today = pamyatka.today();
    Array.prototype.forEach.call(widget.querySelectorAll(".widget__nojs"), function (n) { n.hidden = true; });

    var privacy = el("p", "account__privacy");
    privacy.appendChild(el("strong", null, PRIVACY));
    privacy.appendChild(document.createTextNode(
      " Ответы проверяются прямо в этом браузере. Пароли здесь не нужны и не спрашиваются — не вводите пароль от Госуслуг или электронного журнала ни в одно поле."));
    body.appendChild(privacy);

    var form = el("form", "account__form");
    form.noValidate = true;
    form.setAttribute("aria-label", "Вопросы об учётной записи");
    form.addEventListener("submit", function (e) { e.preventDefault(); });

    // No answer is pre-selected: the reader gives each one, and there is no verdict until the
    // questions it depends on are answered (the module says which remain).
    // Who is asking.
    var role = group("Кто вы?", null, p + "role-");
    var roleParent = option("radio", p + "role", p + "role-parent", "parent", "Родитель (законный представитель) учащегося", false);
    var roleStudent = option("radio", p + "role", p + "role-student", "student", "Учащийся", false);
    role.appendChild(roleParent.row);
    role.appendChild(roleStudent.row);
    var min = r.who && r.who.students ? r.who.students.min_age_years : 14;
    var reveal = el("div", "account__reveal");
    reveal.hidden = true;
    var birth = textField(p + "birth", "Дата рождения учащегося",
      "Нужна, чтобы проверить правило памятки: со своей учётной записью ЕСИА в электронный дневник входят учащиеся с " +
      min + " " + plural(min, "года", "лет", "лет") + ".");
    birth.input.type = "date";
    birth.input.max = today;
    describe(birth.input, [birth.hint.id]);
    birth.wrap.appendChild(birth.input);
    reveal.appendChild(birth.wrap);
    role.appendChild(reveal);
    form.appendChild(role);

    // The account level.
    var levelNames = {};
    (r.levels || []).forEach(function (l) { levelNames[l.id] = l.name; });
    var level = group("Какой уровень у вашей учётной записи на Госуслугах?",
      "Уровень виден в профиле на Госуслугах. Для электронного журнала нужна запись, у которой написано «" +
      (r.status_text || "Подтвержденная учетная запись") + "».", p + "level-");
    [["none", "Учётной записи на Госуслугах ещё нет"],
      ["simplified", levelNames.simplified || "Упрощённая учётная запись"],
      ["standard", levelNames.standard || "Стандартная учётная запись"],
      ["confirmed", levelNames.confirmed || "Подтверждённая учётная запись"],
      ["unknown", "Не знаю"]].forEach(function (o) {
      level.appendChild(option("radio", p + "level", p + "level-" + o[0], o[0], o[1], false).row);
    });
    form.appendChild(level);

    // The required profile fields.
    var fields = group("Какие обязательные поля заполнены в профиле на Госуслугах?",
      "Отметьте поля, которые уже заполнены.", p + "fields-");
    (r.required_fields || []).forEach(function (f) {
      var o = option("checkbox", p + "field", p + "field-" + f.id, f.id, f.label, false);
      fields.appendChild(o.row);
    });
    form.appendChild(fields);

    // СНИЛС and e-mail, to check how they are written.
    var row = el("div", "calc__fields account__fields");
    var snils = textField(p + "snils", "СНИЛС (необязательно)",
      "Введите, чтобы проверить контрольное число: 11 цифр, например 123-456-789 64.");
    snils.input.inputMode = "numeric";
    snils.input.spellcheck = false;
    snils.input.maxLength = 40;
    var snilsMsg = el("p", "account__message");
    snilsMsg.id = p + "snils-msg";
    snilsMsg.hidden = true;
    describe(snils.input, [snils.hint.id]);
    snils.wrap.appendChild(snils.input);
    snils.wrap.appendChild(snilsMsg);
    row.appendChild(snils.wrap);
    var email = textField(p + "email", "Адрес электронной почты (необязательно)",
      "Адрес проверяется на опечатки; если что-то не так, это будет сказано в результате ниже.");
    email.input.type = "email";
    email.input.spellcheck = false;
    describe(email.input, [email.hint.id]);
    email.wrap.appendChild(email.input);
    row.appendChild(email.wrap);
    form.appendChild(row);

    // The link to the journal.
    var linked = group("Привязана ли учётная запись ЕСИА к электронному журналу?",
      "Привязывают в электронном журнале: «Персональные настройки» → «Привязать учетную запись портала Госуслуг».", p + "linked-");
    [["yes", "Да, привязана"], ["no", "Нет"], ["unknown", "Не знаю"]].forEach(function (o) {
      linked.appendChild(option("radio", p + "linked", p + "linked-" + o[0], o[0], o[1], false).row);
    });
    form.appendChild(linked);
    body.appendChild(form);

    var status = el("p", "account__status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.textContent = "Загружаю проверку…";
    body.appendChild(status);

    var result = el("div", "account__result");
    result.hidden = true;
    // The questions left, while there is no verdict yet.
    var pending = el("div", "account-pending");
    pending.hidden = true;
    var pendingText = el("p", "account-pending__text");
    pending.appendChild(pendingText);
    result.appendChild(pending);
    // How to find out what the reader answered «Не знаю» to.
    var findOut = el("div", "callout account-find-out");
    findOut.hidden = true;
    var findOutTitle = el(h, "callout__title", "Как узнать");
    findOutTitle.id = p + "find-out";
    findOut.setAttribute("role", "group");
    findOut.setAttribute("aria-labelledby", findOutTitle.id);
    findOut.appendChild(findOutTitle);
    var findOutList = el("div", "account-find-out__list");
    findOut.appendChild(findOutList);
    result.appendChild(findOut);
    var verdict = el("div", "account-verdict");
    var next = el("div", "callout account-next");
    var nextTitle = el(h, "callout__title account-next__title", "Следующий шаг");
    nextTitle.id = p + "next";
    next.setAttribute("role", "group");
    next.setAttribute("aria-labelledby", nextTitle.id);
    var nextText = el("p", "account-next__text");
    var nextLink = el("p", "account-next__link");
    next.appendChild(nextTitle);
    next.appendChild(nextText);
    next.appendChild(nextLink);
    verdict.appendChild(next);
    verdict.appendChild(el(h, "account__subtitle", "Что готово и чего не хватает"));
    var items = el("ul", "account-items");
    verdict.appendChild(items);
    result.appendChild(verdict);
    body.appendChild(result);

    function checked(name) {
      var c = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="' + name + '"]:checked'));
      return c ? c.value : null;
    }
    function answers() {
      // A question not answered yet is left out: the module then names it instead of a verdict.
      var a = {
        filled_fields: Array.prototype.map.call(form.querySelectorAll('input[name="' + p + 'field"]:checked'),
          function (c) { return c.value; }),
      };
      var role = checked(p + "role"), lvl = checked(p + "level"), link = checked(p + "linked");
      if (role) a.role = role;
      if (lvl) a.level = lvl;
      if (link) a.linked = link;
      if (snils.input.value.trim()) a.snils = snils.input.value;
      if (email.input.value.trim()) a.email = email.input.value;
      if (a.role === "student" && birth.input.value) a.birth_date = birth.input.value;
      return a;
    }

    // Where a next step links to: the anchor itself, or the checklist item the guide makes of
    // it (`cl-<anchor>`); the link names the section it leads to.
    function target(anchor) {
      if (!anchor) return null;
      var node = document.getElementById(anchor) || document.getElementById("cl-" + anchor);
      if (!node) return null;
      /** @type {Element | null} */
      var heading = /^H[1-6]$/.test(node.tagName) ? node : null;
      if (!heading) {
        var all = document.querySelectorAll("main h2[id], main h3[id], main h4[id]");
        for (var i = 0; i < all.length; i++) {
          if (all[i].compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) heading = all[i];
          else break;
        }
      }
      var name = "";
      if (heading) {
        var copy = /** @type {Element} */ (heading.cloneNode(true));
        Array.prototype.forEach.call(copy.querySelectorAll(".heading-anchor"), function (a) { a.remove(); });
        name = copy.textContent.trim();
      }
      return { id: node.id, name: name };
    }

    // The СНИЛС line under the field. While the reader is still typing, a number that is only
    // too short is not called an error yet.
    function showSnils(m, final) {
      var v = snils.input.value;
      if (!v.trim()) {
        snilsMsg.hidden = true;
        snilsMsg.textContent = "";
        snils.input.removeAttribute("aria-invalid");
        describe(snils.input, [snils.hint.id]);
        return null;
      }
      var res = JSON.parse(m.snils(v));
      var err = res.errors && res.errors[0];
      if (!res.valid && !final && err && err.code === "wrong_length" && res.normalized.length < 11) {
        snilsMsg.hidden = true;
        snilsMsg.textContent = "";
        snils.input.removeAttribute("aria-invalid");
        describe(snils.input, [snils.hint.id]);
        return null;
      }
      var text = res.valid ? "Контрольное число верно." : "Ошибка: " + (err ? err.message : "СНИЛС не прошёл проверку") + ".";
      snilsMsg.textContent = text;
      snilsMsg.className = "account__message account__message--" + (res.valid ? "ok" : "error");
      snilsMsg.setAttribute("data-valid", res.valid ? "true" : "false");
      snilsMsg.hidden = false;
      if (res.valid) snils.input.removeAttribute("aria-invalid");
      else snils.input.setAttribute("aria-invalid", "true");
      describe(snils.input, [snils.hint.id, snilsMsg.id]);
      return res.valid ? "СНИЛС: контрольное число верно." : "Ошибка в СНИЛС: " + (err ? err.message : "он не прошёл проверку") + ".";
    }

    function render(m, announce, extra) {
      var rep;
      try {
        rep = JSON.parse(m.esia_readiness(rule.text, JSON.stringify(answers()), pamyatka.today()));
      } catch (e) {
        status.classList.remove("visually-hidden");
        message(e);
        status.textContent = BROKEN;
        return;
      }
      findOutList.textContent = "";
      // With a verdict, the step that is already the next step is not repeated here.
      var shownFindOut = rep.find_out.filter(function (f) {
        return rep.pending.length || f.id !== rep.next_step.id;
      });
      shownFindOut.forEach(function (f) {
        var line = el("p", "account-find-out__step");
        setText(line, f.message_ru);
        line.setAttribute("data-find-out", f.id);
        var t = target(f.link_anchor);
        if (t) {
          line.appendChild(document.createTextNode(" "));
          var a = el("a", null, t.name ? "Подробнее в инструкции: «" + t.name + "»" : "Подробнее в инструкции");
          a.href = "#" + t.id;
          line.appendChild(a);
        }
        findOutList.appendChild(line);
      });
      findOut.hidden = !shownFindOut.length;
      // Under the questions left while there is no verdict; right after the next step with one.
      if (rep.pending.length) result.insertBefore(findOut, verdict);
      else verdict.insertBefore(findOut, next.nextSibling);
      result.hidden = false;
      if (rep.pending.length) {
        // No verdict yet: say which questions remain.
        pending.hidden = false;
        verdict.hidden = true;
        setText(pendingText, rep.next_step.message_ru);
        pending.setAttribute("data-pending", rep.pending.map(function (q) { return q.id; }).join(" "));
        if (announce) status.textContent = (extra ? extra + " " : "") + rep.next_step.message_ru;
        return;
      }
      pending.hidden = true;
      verdict.hidden = false;
      items.textContent = "";
      rep.items.forEach(function (it) {
        var li = el("li", "account-item account-item--" + (it.ok ? "ok" : "todo"));
        li.setAttribute("data-item", it.id);
        li.setAttribute("data-ok", it.ok ? "true" : "false");
        li.appendChild(el("span", "account-item__mark", it.ok ? "Готово:" : "Нужно:"));
        var msg = el("span");
        setText(msg, " " + it.message_ru);
        li.appendChild(msg);
        items.appendChild(li);
      });
      var step = rep.next_step;
      next.setAttribute("data-next-step", step.id);
      next.className = "callout account-next" + (rep.ready ? " account-next--done" : " callout--warning");
      setText(nextText, step.message_ru);
      nextLink.textContent = "";
      var t = target(step.link_anchor);
      if (t) {
        var a = el("a", null, t.name ? "Подробнее в инструкции: «" + t.name + "»" : "Подробнее в инструкции");
        a.href = "#" + t.id;
        nextLink.appendChild(a);
      }
      nextLink.hidden = !t;
      if (announce) {
        status.textContent = (extra ? extra + " " : "") +
          (rep.ready ? step.message_ru : "Следующий шаг: " + step.message_ru);
      }
    }

    return {
      widget: widget,
      ready: function (m) {
        status.textContent = "";
        status.classList.add("visually-hidden");
        render(m, false);
        form.addEventListener("input", function (e) {
          if (e.target === snils.input) showSnils(m, false);
          render(m, false);
        });
        // Announce once a change is committed (a choice, or leaving a text field), not on
        // every keystroke.
        form.addEventListener("change", function (e) {
          var extra = null;
          if (e.target === snils.input) extra = showSnils(m, true);
          render(m, true, extra);
        });
      },
      failed: function (e) {
        status.classList.remove("visually-hidden");
        message(e);
        status.textContent = UNAVAILABLE + " Следуйте шагам инструкции ниже.";
      },
      // The date field shows as soon as the reader picks «Учащийся», before the module is ready.
      early: function () {
        form.addEventListener("change", function () { reveal.hidden = !roleStudent.input.checked; });
      },
    };
  }

  // ---------------------------------------------------------------------------------------------
  // ФИОКО registration form check

  function setupRegistration(widget) {
    var body = widget.querySelector("[data-widget-body]");
    var rule = ruleFor(widget);
    if (!body || !rule) return null;
    var f = rule.data;
    var p = prefix("reg");
    var h = "h" + subLevel(widget);
    Array.prototype.forEach.call(widget.querySelectorAll(".widget__nojs"), function (n) { n.hidden = true; });
    var fields = (f.fields || []).filter(function (x) { return x.type !== "captcha"; });
    var captcha = (f.fields || []).filter(function (x) { return x.type === "captcha"; });
    var hasPasswords = fields.some(function (x) { return x.type === "password"; });

    var privacy = el("p", "account__privacy");
    privacy.appendChild(el("strong", null, PRIVACY));
    privacy.appendChild(document.createTextNode(
      " Поля проверяются прямо в этом браузере, по правилам этой памятки; потом перенесите данные в форму на сайте ФИОКО."));
    body.appendChild(privacy);
    if (hasPasswords) {
      body.appendChild(el("p", "account__note",
        "Настоящий пароль здесь вводить не нужно: у пароля проверяется только, что оба поля заполнены и совпадают. Введите в них любой одинаковый текст."));
    }
    body.appendChild(el("p", "account__note", "Все поля обязательны, кроме отмеченных «необязательно»."));

    var summary = el("div", "callout callout--warning account-summary");
    summary.hidden = true;
    summary.tabIndex = -1;
    var summaryTitle = el(h, "callout__title account-summary__title");
    summaryTitle.id = p + "summary";
    summary.setAttribute("role", "group");
    summary.setAttribute("aria-labelledby", summaryTitle.id);
    var summaryList = el("ul", "account-summary__list");
    summary.appendChild(summaryTitle);
    summary.appendChild(summaryList);
    body.appendChild(summary);

    var form = el("form", "account__form account-reg");
    form.noValidate = true;
    form.setAttribute("aria-label", "Поля формы регистрации ФИОКО");
    var controls = {};
    fields.forEach(function (x) {
      var id = p + x.id;
      var optional = x.required ? "" : " (необязательно)";
      var named = x.name && x.label.toLowerCase().indexOf(x.name.toLowerCase()) < 0
        ? " — " + lowerFirst(x.name) : "";
      var wrap, input = el("input", "account__input");
      input.id = id;
      input.name = x.id;
      var label = el("label");
      label.setAttribute("for", id);
      label.appendChild(document.createTextNode(x.label));
      if (named) label.appendChild(el("span", "account__name", named));
      if (optional) label.appendChild(document.createTextNode(optional));
      var hint = null;
      if (x.hint) {
        hint = el("p", "account__hint", x.hint);
        hint.id = id + "-hint";
      }
      var error = el("p", "account__error");
      error.id = id + "-error";
      error.hidden = true;
      if (x.type === "checkbox") {
        input.type = "checkbox";
        input.className = "account__choice";
        wrap = el("div", "account__field account__field--check");
        var line = el("div", "account__option");
        line.appendChild(input);
        line.appendChild(label);
        wrap.appendChild(line);
        if (hint) wrap.appendChild(hint);
        wrap.appendChild(error);
      } else {
        input.type = x.type === "email" || x.type === "password" || x.type === "tel" ? x.type : "text";
        input.autocomplete = "off";
        if (x.type === "tel") input.inputMode = "tel";
        if (x.type !== "text" || x.format === "login") input.spellcheck = false;
        wrap = el("div", "calc__field account__field");
        wrap.appendChild(label);
        if (hint) wrap.appendChild(hint);
        wrap.appendChild(error);
        wrap.appendChild(input);
      }
      describe(input, [hint && hint.id]);
      form.appendChild(wrap);
      controls[x.id] = { field: x, input: input, hint: hint, error: error };
    });
    captcha.forEach(function (x) {
      form.appendChild(el("p", "account__note account__captcha",
        "«" + x.label + "» вводится только на сайте ФИОКО: картинка с кодом есть лишь там, поэтому здесь этого поля нет."));
    });
    var actions = el("div", "calc__actions account__actions");
    var check = el("button", "button", "Проверить");
    check.type = "submit";
    var clear = el("button", "button button--secondary", "Очистить поля");
    clear.type = "button";
    actions.appendChild(check);
    actions.appendChild(clear);
    form.appendChild(actions);
    body.appendChild(form);

    var status = el("p", "account__status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    body.appendChild(status);

    var mod = null, failure = null, checkedOnce = false;

    function values() {
      var v = {};
      Object.keys(controls).forEach(function (id) {
        var c = controls[id];
        v[id] = c.field.type === "checkbox" ? c.input.checked : c.input.value;
      });
      return v;
    }
    function showErrors(errors, moveFocus) {
      var byField = {};
      errors.forEach(function (e) { (byField[e.field] = byField[e.field] || []).push(e); });
      Object.keys(controls).forEach(function (id) {
        var c = controls[id], list = byField[id];
        if (list) {
          c.error.textContent = "Ошибка: " + list.map(function (e) { return e.message_ru; }).join(" ");
          c.error.setAttribute("data-code", list.map(function (e) { return e.code; }).join(" "));
          c.error.hidden = false;
          c.input.setAttribute("aria-invalid", "true");
          describe(c.input, [c.hint && c.hint.id, c.error.id]);
        } else {
          c.error.textContent = "";
          c.error.removeAttribute("data-code");
          c.error.hidden = true;
          c.input.removeAttribute("aria-invalid");
          describe(c.input, [c.hint && c.hint.id]);
        }
      });
      summaryList.textContent = "";
      var shown = errors.filter(function (e) { return controls[e.field]; });
      shown.forEach(function (e) {
        var li = el("li");
        var a = el("a", null, e.message_ru);
        a.href = "#" + controls[e.field].input.id;
        a.setAttribute("data-field", e.field);
        a.setAttribute("data-code", e.code);
        li.appendChild(a);
        summaryList.appendChild(li);
      });
      var n = shown.length;
      if (n) {
        summaryTitle.textContent = "Исправьте " + (n === 1 ? "ошибку" : n + " " + plural(n, "ошибку", "ошибки", "ошибок")) + ":";
        summary.hidden = false;
        status.className = "account__status account__status--error";
        status.textContent = "Найдено ошибок: " + n + ". Список — над формой; исправьте поля и нажмите «Проверить» ещё раз.";
        if (moveFocus) summary.focus();
      } else {
        summary.hidden = true;
        status.className = "account__status account__status--ok";
        var left = [];
        if (captcha.length) left.push("ввести «" + captcha[0].label + "»");
        if (f.submit) left.push("нажать «" + f.submit + "»");
        status.textContent = "Всё заполнено верно — переносите эти данные в форму ФИОКО." +
          (left.length ? " Там останется " + left.join(" и ") + "." : "");
      }
    }
    function run(moveFocus) {
      if (failure) {
        status.textContent = UNAVAILABLE + " Сверьте поля с подсказками памятки.";
        return;
      }
      if (!mod) {
        status.textContent = "Загружаю проверку…";
        load().then(function (m) { mod = mod || m; run(moveFocus); },
          function (e) { failure = failure || message(e); run(moveFocus); });
        return;
      }
      var errors;
      try {
        errors = JSON.parse(mod.registration_form(rule.text, JSON.stringify(values())));
      } catch (e) {
        message(e);
        status.textContent = BROKEN;
        return;
      }
      checkedOnce = true;
      showErrors(errors, moveFocus);
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      run(true);
    });
    // After the first check, fixes clear their errors as soon as a field is left.
    form.addEventListener("change", function () { if (checkedOnce) run(false); });
    summary.addEventListener("click", function (e) {
      var t = /** @type {Element} */ (e.target);
      var a = t.closest ? t.closest("a[data-field]") : null;
      if (!a) return;
      var c = controls[a.getAttribute("data-field")];
      if (!c) return;
      e.preventDefault();
      c.input.focus();
      if (c.input.scrollIntoView) c.input.scrollIntoView({ block: "center" });
    });
    clear.addEventListener("click", function () {
      form.reset();
      checkedOnce = false;
      showErrors([], false);
      status.className = "account__status";
      status.textContent = "Поля очищены.";
    });

    return {
      widget: widget,
      ready: function (m) { mod = m; },
      failed: function (e) { failure = message(e); },
      early: function () {},
    };
  }

  // ---- start ----
  var setups = [];
  Array.prototype.forEach.call(esiaWidgets, function (w) { var s = setupEsia(w); if (s) setups.push(s); });
  Array.prototype.forEach.call(regWidgets, function (w) { var s = setupRegistration(w); if (s) setups.push(s); });
  if (!setups.length) return;
  setups.forEach(function (s) { s.early(); });
  load().then(function (m) {
    setups.forEach(function (s) {
      s.ready(m);
      s.widget.setAttribute("data-ready", "true");
    });
  }, function (e) {
    setups.forEach(function (s) {
      s.failed(e);
      s.widget.setAttribute("data-ready", "error");
    });
  });
})();
