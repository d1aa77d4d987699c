// Account checks in real Chromium: the ЕСИА readiness wizard (/esia/privyazka/) and the ФИОКО
// registration form check (/fioko/dokumenty-ekspertov/). The page must show exactly what the
// checks module answers (the same module is run here, in Node, for the expected texts), name
// every control, announce results, work by keyboard, and make no request and store nothing
// while the reader fills and checks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { serve, browser, watchErrors, publicDir } from "./harness.mjs";

const ESIA = "/esia/privyazka/";
const FIOKO = "/fioko/dokumenty-ekspertov/";
const ALL_FIELDS = ["surname", "given-name", "birth-date", "snils", "email"];

// The module the pages load, run in Node for the expected answers.
const assets = join(publicDir, "assets");
const asset = (re) => {
  const f = readdirSync(assets).find((n) => re.test(n));
  assert.ok(f, `no ${re} in ${assets}: build the site first`);
  return join(assets, f);
};
vm.runInThisContext(readFileSync(asset(/^checks-account\.[0-9a-f]+\.js$/), "utf8"));
const wasm = vm.runInThisContext("pamyatkaAccount");
const wasmBytes = readFileSync(asset(/^checks-account\.[0-9a-f]+\.wasm$/));
wasm.initSync({ module: wasmBytes });

const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const today = () => iso(new Date());
const yearsAgo = (years, extraDays = 0) => {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() + extraDays);
  return iso(d);
};

let site, chromium;
before(async () => { site = await serve(); chromium = await browser(); });
after(async () => { await chromium?.close(); await site?.close(); });

/** A fresh page at `path` whose account widget has loaded its module. Once the page is quiet
 *  (the archive widget of the ФИОКО page loads its own module) every request is recorded:
 *  there must be none while the reader fills and checks. */
async function open(path, widget, options = {}) {
  // The service worker's first-visit download of the site is not the widget's doing: block it
  // here (tests/e2e/offline.test.mjs covers it) so that only the page's own requests count.
  const context = await chromium.newContext({ serviceWorkers: "block", ...options });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.url + path);
  await page.locator(`[data-widget=${widget}][data-ready=true]`).waitFor({ timeout: 5000 });
  await page.waitForLoadState("networkidle");
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  return { context, page, errors, root: page.locator(`[data-widget=${widget}]`), requests };
}

/** Nothing was requested, stored or logged; closes the context. */
async function finish({ context, page, errors, requests }) {
  assert.deepEqual(requests, [], "no request while filling and checking");
  const stored = await page.evaluate(() => ({
    local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookie: document.cookie,
  }));
  assert.deepEqual(stored, { local: [], session: [], cookie: "" }, "nothing is stored");
  assert.deepEqual(await context.cookies(), []);
  assert.deepEqual(errors, [], "no console errors");
  await context.close();
}

// One page per guide, shared by its tests in order (each test sets every answer it relies on);
// the last test of each guide checks that nothing was requested, stored or logged meanwhile.
let esia, fioko;
after(async () => { await esia?.context.close().catch(() => {}); await fioko?.context.close().catch(() => {}); });

// ---- ЕСИА readiness wizard ------------------------------------------------------------------

/** Fills the wizard like a reader: by the visible labels. */
async function answer(root, { role = "parent", level = "unknown", fields = [], snils, email, birth, linked = "unknown" }) {
  await root.getByRole("radio", { name: role === "student" ? "Учащийся" : /^Родитель/ }).check();
  const levels = { none: /ещё нет/, simplified: /^Упрощённая/, standard: /^Стандартная/, confirmed: /^Подтверждённая/, unknown: "Не знаю" };
  await root.getByRole("group", { name: /Какой уровень/ }).getByRole("radio", { name: levels[level], exact: level === "unknown" }).check();
  const boxes = root.getByRole("group", { name: /обязательные поля/ }).getByRole("checkbox");
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    await box.setChecked(fields.includes(await box.getAttribute("value")));
  }
  if (birth !== undefined) await root.getByLabel("Дата рождения учащегося").fill(birth);
  if (snils !== undefined) { await root.getByRole("textbox", { name: /^СНИЛС/ }).fill(snils); await root.getByRole("textbox", { name: /^СНИЛС/ }).blur(); }
  if (email !== undefined) await root.getByRole("textbox", { name: /^Адрес электронной почты/ }).fill(email);
  const linkedName = { yes: /^Да/, no: "Нет", unknown: "Не знаю" }[linked];
  await root.getByRole("group", { name: /Привязана ли/ }).getByRole("radio", { name: linkedName, exact: true }).check();
}

/** What the module answers for these wizard answers. */
function expected(rule, { role = "parent", level = "unknown", fields = [], snils, email, birth, linked = "unknown" }) {
  const a = { role, level, filled_fields: fields, linked };
  if (snils) a.snils = snils;
  if (email) a.email = email;
  if (role === "student" && birth) a.birth_date = birth;
  return JSON.parse(wasm.esia_readiness(rule, JSON.stringify(a), today()));
}

/** The wizard shows the report item by item, with text marks, and the next step with its link. */
async function assertReport(page, root, rep) {
  const items = root.locator(".account-items > li");
  const shown = await items.evaluateAll((lis) => lis.map((li) => ({
    id: li.dataset.item, ok: li.dataset.ok === "true", text: li.textContent,
  })));
  assert.deepEqual(shown, rep.items.map((i) => ({
    id: i.id, ok: i.ok, text: `${i.ok ? "Готово:" : "Нужно:"} ${i.message_ru}`,
  })));
  const next = root.locator("[data-next-step]");
  assert.equal(await next.getAttribute("data-next-step"), rep.next_step.id);
  assert.match(await next.textContent(), /Следующий шаг/);
  assert.ok((await next.textContent()).includes(rep.next_step.message_ru));
  const link = next.locator("a[href^='#']");
  if (rep.next_step.link_anchor) {
    const href = await link.getAttribute("href");
    assert.ok([`#${rep.next_step.link_anchor}`, `#cl-${rep.next_step.link_anchor}`].includes(href), href);
    assert.equal(await page.evaluate((id) => !!document.getElementById(id), href.slice(1)), true, `${href} exists`);
  } else {
    assert.equal(await link.count(), 0);
  }
}

const ruleOf = (page) => page.evaluate(() =>
  document.querySelector('script[data-rule-json="esia/readiness-rule"]').textContent);

test("ЕСИА: the wizard is labelled, private, and answers nothing the reader has not given", async () => {
  esia = await open(ESIA, "esia");
  const s = esia;
  const { root } = s;
  assert.equal(await root.locator(".widget__nojs").isHidden(), true);
  assert.match(await root.textContent(), /Ничего из введённого не сохраняется и не отправляется\./);
  assert.match(await root.textContent(), /Пароли здесь не нужны/);
  assert.equal(await root.locator("input[type=password]").count(), 0, "the wizard never asks for a password");
  // Every control has a name; radio groups are fieldsets with legends.
  const unnamed = await root.locator("input").evaluateAll((inputs) =>
    inputs.filter((i) => !(i.labels && i.labels.length && i.labels[0].textContent.trim())).map((i) => i.id));
  assert.deepEqual(unnamed, []);
  for (const name of [/Кто вы/, /Какой уровень/, /обязательные поля/, /Привязана ли/]) {
    assert.equal(await root.getByRole("group", { name }).count(), 1, String(name));
  }
  const snils = root.getByRole("textbox", { name: /^СНИЛС/ });
  assert.equal(await snils.getAttribute("inputmode"), "numeric");
  // The birth date is asked only of a student.
  assert.equal(await root.getByLabel("Дата рождения учащегося").isHidden(), true);
  const status = root.locator("[role=status]");
  assert.equal(await status.getAttribute("aria-live"), "polite");
  // Nothing is pre-selected, and there is no verdict: the result area names the questions left.
  assert.deepEqual(await root.locator("input:checked").evaluateAll((l) => l.map((i) => i.id)), []);
  const none = JSON.parse(wasm.esia_readiness(await ruleOf(s.page), JSON.stringify({ filled_fields: [] }), today()));
  assert.deepEqual(none.pending.map((q) => q.id), ["role", "level", "linked"]);
  assert.deepEqual(none.items, []);
  const pending = root.locator(".account-pending");
  assert.equal(await pending.isVisible(), true);
  assert.equal(await pending.getAttribute("data-pending"), "role level linked");
  assert.equal(await pending.textContent(), none.next_step.message_ru);
  assert.match(await pending.textContent(), /^Пожалуйста, ответьте ещё на 3 вопроса .*«Кто вы\?»/);
  assert.equal(await root.locator("[data-next-step]").isHidden(), true, "no next step yet");
  assert.equal(await root.locator(".account-items > li").count(), 0, "no verdict yet");
  assert.doesNotMatch(await root.innerText(), /Готово:|Нужно:/);
  assert.equal(await root.locator(".account-find-out").isHidden(), true);
});

test("ЕСИА: answering only some questions shows which remain", async () => {
  const { root, page } = esia;
  await root.getByRole("radio", { name: /^Родитель/ }).check();
  const pending = root.locator(".account-pending");
  assert.equal(await pending.getAttribute("data-pending"), "level linked");
  const text = await pending.textContent();
  assert.match(text, /ещё на 2 вопроса/);
  assert.match(text, /«Какой уровень у вашей учётной записи на Госуслугах\?»/);
  assert.match(text, /«Привязана ли учётная запись ЕСИА к электронному журналу\?»/);
  assert.doesNotMatch(text, /Кто вы/);
  // The change is announced with the same words.
  assert.equal(await root.locator("[role=status]").textContent(), text);
  await root.getByRole("group", { name: /Какой уровень/ }).getByRole("radio", { name: /^Подтверждённая/ }).check();
  assert.equal(await pending.getAttribute("data-pending"), "linked");
  assert.match(await pending.textContent(), /^Пожалуйста, ответьте ещё на один вопрос/);
  assert.equal(await root.locator(".account-items > li").count(), 0, "still no verdict");
  assert.equal(await root.locator("[data-next-step]").isHidden(), true);
  // A student's birth date is one of the questions.
  await root.getByRole("radio", { name: "Учащийся" }).check();
  assert.equal(await pending.getAttribute("data-pending"), "birth-date linked");
  await root.getByRole("radio", { name: /^Родитель/ }).check();
  assert.equal(await page.locator(".account-pending").getAttribute("data-pending"), "linked");
});

test("ЕСИА: «Не знаю» shows how to find out; answering everything gives the verdict", async () => {
  const { root, page } = esia;
  const rule = await ruleOf(page);
  await root.getByRole("group", { name: /Какой уровень/ }).getByRole("radio", { name: "Не знаю", exact: true }).check();
  // Before the last answer: still no verdict, but already how to find out.
  const findOut = root.locator(".account-find-out");
  assert.equal(await findOut.isVisible(), true);
  assert.equal(await findOut.getByRole("heading").textContent(), "Как узнать");
  const status = findOut.locator("[data-find-out=check-status]");
  assert.match(await status.textContent(), /^Войдите в личный кабинет на Госуслугах \(gosuslugi\.ru\) и посмотрите статус учётной записи/);
  assert.match(await status.textContent(), /«Подтвержденная учетная запись»/);
  assert.equal(await status.locator("a").getAttribute("href"), "#shag-5-proverka-statusa");
  assert.equal(await root.locator(".account-items > li").count(), 0);

  await root.getByRole("group", { name: /Привязана ли/ }).getByRole("radio", { name: "Не знаю", exact: true }).check();
  const a = { level: "unknown", linked: "unknown" };
  const rep = expected(rule, a);
  assert.deepEqual(rep.pending, []);
  assert.deepEqual(rep.find_out.map((f) => f.id), ["check-status", "check-link"]);
  assert.match(await findOut.locator("[data-find-out=check-link]").textContent(), /«Привязать учетную запись портала Госуслуг»/);
  assert.equal(await findOut.locator("[data-find-out=check-link] a").getAttribute("href"), "#privyazka-k-zhurnalu");
  // The verdict: «Не знаю» does not count as having an account; the first step is finding out.
  assert.equal(await root.locator(".account-pending").isHidden(), true);
  await assertReport(page, root, rep);
  assert.equal(rep.next_step.id, "check-status");
  assert.equal(await root.locator("[data-item=account]").getAttribute("data-ok"), "false");
  // The next step is not repeated under «Как узнать».
  assert.deepEqual(await findOut.locator("[data-find-out]").evaluateAll((l) => l.map((e) => e.dataset.findOut)),
    ["check-link"]);
  assert.doesNotMatch(await root.innerText(), /Готово: Учётная запись на Госуслугах есть/);
});

test("ЕСИА: the СНИЛС hint's own example passes the check", async () => {
  const { root } = esia;
  const field = root.getByRole("textbox", { name: /^СНИЛС/ });
  const hint = await root.locator(`#${(await field.getAttribute("aria-describedby")).split(" ")[0]}`).textContent();
  const example = hint.match(/например (\d{3}-\d{3}-\d{3} \d{2})/)?.[1];
  assert.ok(example, hint);
  assert.equal(JSON.parse(wasm.snils(example)).valid, true, example);
  await field.fill(example);
  await field.blur();
  assert.equal(await root.locator(".account__message").textContent(), "Контрольное число верно.");
  await field.fill("");
  await field.blur();
});

test("ЕСИА: a parent without an account is sent to register", async () => {
  const s = esia;
  const a = { level: "none" };
  await answer(s.root, a);
  const rep = expected(await ruleOf(s.page), a);
  assert.equal(rep.next_step.id, "register");
  await assertReport(s.page, s.root, rep);
  assert.equal(await s.root.locator("[data-next-step] a[href^='#']").getAttribute("href"), "#shag-1-registraciya");
  assert.equal(await s.root.locator("[data-item=account]").getAttribute("data-ok"), "false");
  // The choice is announced.
  assert.equal(await s.root.locator("[role=status]").textContent(), `Следующий шаг: ${rep.next_step.message_ru}`);
});

test("ЕСИА: a confirmed, complete, unlinked account is sent to link; linked, it is ready", async () => {
  const s = esia;
  const rule = await ruleOf(s.page);
  const a = { level: "confirmed", fields: ALL_FIELDS, snils: "112-233-445 95", email: "ivanova@mail.ru", linked: "no" };
  await answer(s.root, a);
  const msg = s.root.locator(".account__message");
  assert.equal(await msg.textContent(), "Контрольное число верно.");
  assert.equal(await s.root.getByRole("textbox", { name: /^СНИЛС/ }).getAttribute("aria-invalid"), null);
  let rep = expected(rule, a);
  assert.equal(rep.next_step.id, "link-account");
  await assertReport(s.page, s.root, rep);
  assert.equal(await s.root.locator("[data-next-step] a[href^='#']").getAttribute("href"), "#privyazka-k-zhurnalu");

  a.linked = "yes";
  await answer(s.root, a);
  rep = expected(rule, a);
  assert.equal(rep.ready, true);
  assert.equal(rep.next_step.id, "done");
  await assertReport(s.page, s.root, rep);
  assert.ok(rep.items.every((i) => i.ok));
  assert.equal(await s.root.locator(".account-item__mark", { hasText: "Нужно:" }).count(), 0);
  assert.match(await s.root.locator("[role=status]").textContent(), /^Всё готово/);
});

test("ЕСИА: a student under 14 gets the age item; without a date, the date is asked", async () => {
  const s = esia;
  const rule = await ruleOf(s.page);
  const a = { role: "student", level: "confirmed", fields: ALL_FIELDS, linked: "yes" };
  await answer(s.root, a);
  assert.equal(await s.root.getByLabel("Дата рождения учащегося").isVisible(), true);
  let rep = expected(rule, a);
  assert.equal(rep.next_step.id, "answer-questions");
  assert.equal(await s.root.locator(".account-pending").getAttribute("data-pending"), "birth-date");
  assert.equal(await s.root.locator(".account-pending").textContent(), rep.next_step.message_ru);
  assert.match(rep.next_step.message_ru, /«Дата рождения учащегося»/);

  a.birth = yearsAgo(14, 1); // turns 14 tomorrow
  await answer(s.root, a);
  rep = expected(rule, a);
  assert.equal(rep.next_step.id, "ask-school");
  assert.equal(rep.items[0].id, "age");
  assert.equal(rep.items[0].ok, false);
  await assertReport(s.page, s.root, rep);
  assert.equal(await s.root.locator("[data-item=age]").getAttribute("data-ok"), "false");
  assert.match(await s.root.locator("[data-item=age]").textContent(), /^Нужно: Учащемуся ещё нет 14 лет/);

  a.birth = yearsAgo(14); // 14 today: the birthday counts
  await answer(s.root, a);
  rep = expected(rule, a);
  assert.equal(rep.ready, true);
  await assertReport(s.page, s.root, rep);
});

test("ЕСИА: a wrong СНИЛС check number is shown at the field and in the report", async () => {
  const s = esia;
  const a = { level: "confirmed", fields: ALL_FIELDS, linked: "yes" };
  await answer(s.root, a);
  a.snils = "112-233-445 96";
  const field = s.root.getByRole("textbox", { name: /^СНИЛС/ });
  await field.fill(a.snils);
  await field.blur();
  const msg = s.root.locator(".account__message");
  const snils = JSON.parse(wasm.snils("112-233-445 96"));
  assert.equal(snils.errors[0].code, "wrong_checksum");
  assert.equal(await msg.textContent(), `Ошибка: ${snils.errors[0].message}.`);
  assert.match(await msg.textContent(), /контрольное число/);
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  assert.ok((await field.getAttribute("aria-describedby")).split(" ").includes(await msg.getAttribute("id")));
  assert.match(await s.root.locator("[role=status]").textContent(), /^Ошибка в СНИЛС: неверное контрольное число — в номере опечатка/);
  assert.doesNotMatch(await msg.textContent(), /ожидалось|последн/, "the check digits are not offered as the fix");
  const rep = expected(await ruleOf(s.page), a);
  assert.equal(rep.next_step.id, "fill-profile");
  await assertReport(s.page, s.root, rep);
  // While typing, a number that is only too short is not an error yet.
  await field.fill("112-23");
  assert.equal(await msg.isHidden(), true);
  await field.fill("");
  assert.equal(await field.getAttribute("aria-invalid"), null);
});

test("ЕСИА: keyboard only — arrows pick a role, Space ticks a field", async () => {
  const s = esia;
  await answer(s.root, {});
  const parent = s.root.getByRole("radio", { name: /^Родитель/ });
  await parent.focus();
  await s.page.keyboard.press("ArrowDown");
  assert.equal(await s.root.getByRole("radio", { name: "Учащийся" }).isChecked(), true);
  assert.equal(await s.root.getByLabel("Дата рождения учащегося").isVisible(), true);
  await s.page.keyboard.press("ArrowUp");
  assert.equal(await parent.isChecked(), true);
  const first = s.root.getByRole("group", { name: /обязательные поля/ }).getByRole("checkbox").first();
  await first.focus();
  await s.page.keyboard.press("Space");
  assert.equal(await first.isChecked(), true);
  assert.equal(await s.root.locator("[data-item=field-surname]").getAttribute("data-ok"), "true");
});

test("ЕСИА: nothing was requested, stored or logged while answering", async () => {
  await finish(esia);
  esia = null;
});

// ---- ФИОКО registration form ------------------------------------------------------------------

const formOf = (page) => page.evaluate(() =>
  document.querySelector('script[data-rule-json="fioko/registration-form"]').textContent);
const input = (root, id) => root.locator(`form input[name="${id}"]`);
const GOOD = {
  login: "ivanova_m", email: "ivanova@mail.ru", password: "Секрет 123", "password-confirm": "Секрет 123",
  phone: "+7 (912) 345-67-89", surname: "Иванова", "given-name": "Мария", patronymic: "Ивановна",
  organisation: "КГБПОУ «Барнаульский колледж»", position: "преподаватель", education: "высшее",
  "wants-support": true, consent: true,
};
async function fill(root, values) {
  for (const [id, v] of Object.entries(values)) {
    if (typeof v === "boolean") await input(root, id).setChecked(v);
    else await input(root, id).fill(v);
  }
}
const checkButton = (root) => root.getByRole("button", { name: "Проверить" });

test("ФИОКО: the fields of the rule, labelled, of the right types; no captcha", async () => {
  fioko = await open(FIOKO, "registration");
  const s = fioko;
  const form = JSON.parse(await formOf(s.page));
  const { root } = s;
  assert.match(await root.textContent(), /Ничего из введённого не сохраняется и не отправляется\./);
  assert.match(await root.textContent(), /Настоящий пароль здесь вводить не нужно/);
  const shown = await root.locator("form input").evaluateAll((inputs) => inputs.map((i) => ({
    id: i.name, type: i.type, label: i.labels.length === 1 ? i.labels[0].textContent : null,
  })));
  const fields = form.fields.filter((f) => f.type !== "captcha");
  assert.equal(fields.length, form.fields.length - 1, "the rule has one captcha");
  assert.deepEqual(shown.map((i) => [i.id, i.type]), fields.map((f) => [f.id, f.type]), "no captcha input");
  for (const [i, f] of fields.entries()) {
    assert.ok(shown[i].label?.startsWith(f.label), `${f.id}: ${shown[i].label}`);
    assert.equal(shown[i].label.includes("необязательно"), !f.required, f.id);
  }
  assert.match(await root.textContent(), /«Код с картинки» вводится только на сайте ФИОКО/);
  // The archive widget on the same page is left alone.
  assert.equal(await s.page.locator("[data-widget=archive] [data-widget=registration]").count(), 0);
});

test("ФИОКО: an empty form lists every error, marks the fields and moves focus to the list", async () => {
  const s = fioko;
  await s.root.getByRole("button", { name: "Очистить поля" }).click();
  const { root, page } = s;
  const want = JSON.parse(wasm.registration_form(await formOf(page), "{}"));
  assert.equal(want.length, 13);
  await checkButton(root).click();
  const summary = root.locator(".account-summary");
  assert.equal(await summary.isVisible(), true);
  assert.equal(await summary.evaluate((el) => el === document.activeElement), true, "focus on the list");
  assert.match(await summary.textContent(), /Исправьте 13 ошибок/);
  const links = await summary.locator("a").evaluateAll((as) => as.map((a) => ({
    field: a.dataset.field, code: a.dataset.code, text: a.textContent, href: a.getAttribute("href"),
  })));
  assert.deepEqual(links.map(({ field, code, text }) => ({ field, code, text })),
    want.map((e) => ({ field: e.field, code: e.code, text: e.message_ru })));
  for (const e of want) {
    const el = input(root, e.field);
    assert.equal(await el.getAttribute("aria-invalid"), "true", e.field);
    const errorId = `${await el.getAttribute("id")}-error`;
    assert.ok((await el.getAttribute("aria-describedby")).split(" ").includes(errorId), e.field);
    assert.equal(await page.locator(`#${errorId}`).textContent(), `Ошибка: ${e.message_ru}`);
  }
  assert.equal(links[0].href, `#${await input(root, "login").getAttribute("id")}`);
  assert.match(await root.locator("[role=status]").textContent(), /Найдено ошибок: 13/);
  // A link of the list takes the reader to the field.
  await summary.locator("a[data-field=phone]").click();
  assert.equal(await input(root, "phone").evaluate((el) => el === document.activeElement), true);
  // Fixing a field clears its error once the field is left.
  await input(root, "login").fill("ivanova_m");
  await input(root, "login").blur();
  assert.equal(await input(root, "login").getAttribute("aria-invalid"), null);
  assert.match(await summary.textContent(), /Исправьте 12 ошибок/);
});

test("ФИОКО: mismatched passwords and a phone starting with 8", async () => {
  const s = fioko;
  await s.root.getByRole("button", { name: "Очистить поля" }).click();
  const { root, page } = s;
  const values = { ...GOOD, "password-confirm": "Секрет 124", phone: "8 900 123-45-67" };
  await fill(root, values);
  await checkButton(root).click();
  const want = JSON.parse(wasm.registration_form(await formOf(page), JSON.stringify(values)));
  assert.deepEqual(want.map((e) => [e.field, e.code]), [["password-confirm", "mismatch"], ["phone", "bad_phone"]]);
  const codes = await root.locator(".account__error:not([hidden])").evaluateAll((ps) => ps.map((p) => p.dataset.code));
  assert.deepEqual(codes, ["mismatch", "bad_phone"]);
  assert.equal(await root.locator(`#${await input(root, "phone").getAttribute("id")}-error`).textContent(),
    `Ошибка: ${want[1].message_ru}`);
  assert.match(want[1].message_ru, /\+79001234567/);
  assert.equal(await input(root, "password").getAttribute("aria-invalid"), null);
  assert.equal(await input(root, "password-confirm").getAttribute("aria-invalid"), "true");
});

test("ФИОКО: a valid form is confirmed; Enter checks; «Очистить поля» empties it", async () => {
  const s = fioko;
  await s.root.getByRole("button", { name: "Очистить поля" }).click();
  const { root, page } = s;
  assert.deepEqual(JSON.parse(wasm.registration_form(await formOf(page), JSON.stringify(GOOD))), []);
  await fill(root, GOOD);
  await input(root, "education").press("Enter");
  const status = root.locator("[role=status]");
  assert.equal(await status.getAttribute("aria-live"), "polite");
  assert.match(await status.textContent(), /^Всё заполнено верно — переносите эти данные в форму ФИОКО\./);
  assert.equal(await root.locator(".account-summary").isHidden(), true);
  assert.equal(await root.locator("[aria-invalid=true]").count(), 0);
  assert.equal(new URL(page.url()).pathname, FIOKO, "the form is not submitted anywhere");
  await root.getByRole("button", { name: "Очистить поля" }).click();
  assert.equal(await input(root, "login").inputValue(), "");
  assert.equal(await input(root, "consent").isChecked(), false);
});

test("ФИОКО, phone: a near miss of a common mail domain names the likely address; a trailing dot is called one", async () => {
  const s = await open(FIOKO, "registration", { viewport: { width: 390, height: 844 } });
  const { root, page } = s;
  const error = page.locator(`#${await input(root, "email").getAttribute("id")}-error`);
  for (const [typed, says] of [
    ["ivanov@gmial.com", "Возможно, вы имели в виду ivanov@gmail.com?"],
    ["ivanov@gmail.con", "Возможно, вы имели в виду ivanov@gmail.com?"],
    ["ivanov@yandex.ry", "Возможно, вы имели в виду ivanov@yandex.ru?"],
    ["ivanov@mail.ru.", "в конце адреса лишняя точка — уберите её."],
  ]) {
    await root.getByRole("button", { name: "Очистить поля" }).click();
    await fill(root, { ...GOOD, email: typed });
    await checkButton(root).click();
    assert.equal(await error.isVisible(), true, typed);
    const text = await error.innerText();
    assert.ok(text.endsWith(says), `${typed}: ${text}`);
    // Not the reason of an address without a dot in its domain.
    assert.doesNotMatch(text, /с точкой/, typed);
    assert.equal(await input(root, "email").getAttribute("aria-invalid"), "true", typed);
    const want = JSON.parse(wasm.registration_form(await formOf(page), JSON.stringify({ ...GOOD, email: typed })));
    assert.deepEqual(want.map((e) => [e.field, e.code]), [["email", "bad_email"]]);
    assert.equal(text, `Ошибка: ${want[0].message_ru}`);
  }
  // A common domain typed right passes.
  await root.getByRole("button", { name: "Очистить поля" }).click();
  await fill(root, { ...GOOD, email: "ivanov@gmail.com" });
  await checkButton(root).click();
  assert.equal(await error.isVisible(), false);
  await finish(s);
});

test("ФИОКО: nothing was requested, stored or logged while checking", async () => {
  await finish(fioko);
  fioko = null;
});

test("the offline bundle's inlined module is used without fetching the .wasm", async () => {
  const context = await chromium.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = watchErrors(page);
  // As the bundle's generated script leaves it: the module's bytes.
  await page.addInitScript((bytes) => { window.PAMYATKA_WASM = { account: new Uint8Array(bytes) }; }, [...wasmBytes]);
  const wasmRequests = [];
  await page.route("**/*.wasm", (route) => { wasmRequests.push(route.request().url()); return route.abort(); });
  await page.goto(site.url + ESIA);
  await page.locator("[data-widget=esia][data-ready=true]").waitFor({ timeout: 5000 });
  assert.deepEqual(wasmRequests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("with JavaScript off the widgets say what they would do", async () => {
  const context = await chromium.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [path, widget] of [[ESIA, "esia"], [FIOKO, "registration"]]) {
    await page.goto(site.url + path);
    const root = page.locator(`[data-widget=${widget}]`);
    assert.equal(await root.locator(".widget__nojs").isVisible(), true);
    assert.equal(await root.locator("input").count(), 0);
  }
  await context.close();
});
