// Deadline calculators in real Chromium: known dates counted by the Civil Code rules on the
// production calendar (the expected dates are worked out by hand from the law and the
// calendar, not taken from the code), the role filter and «что сделать», .ics export, print,
// a guide's calculator widget, and the page without JavaScript.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { serve, browser, watchErrors } from "./harness.mjs";

const STAGE = "/gis-obrazovanie/etap-1/";
let site, chromium;
before(async () => { site = await serve(); chromium = await browser(); });
after(async () => { await chromium?.close(); await site?.close(); });

async function open(path) {
  const context = await chromium.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.url + path);
  await page.locator("[data-calc][data-ready]").first().waitFor();
  return { context, page, errors };
}

async function setDate(page, value, time) {
  const box = page.locator("[data-calc]").first();
  await box.locator("input[type=date]").fill(value);
  if (time) await box.locator("input[type=time]").fill(time);
  await page.waitForFunction((v) => {
    const s = document.querySelector("[data-calc-status]");
    return s && /Посчитано|Не удалось/.test(s.textContent) && document.querySelector("[data-calc] input[type=date]").value === v;
  }, value);
}

const out = (page, row) => page.locator(`#${row} [data-calc-out]`).innerText();

test("regulation table: deadlines for known dates, with the art. 193 move explained", async () => {
  const { context, page, errors } = await open(STAGE);
  // The form is shown only with JavaScript, and labelled.
  assert.equal(await page.locator("[data-calc-form]").isVisible(), true);
  assert.equal(await page.getByLabel("Дата события").count(), 1);

  // 30 days from 04.09.2026 end on Sunday 04.10.2026 → Monday 05.10.2026 (ГК РФ ст. 193).
  await setDate(page, "2026-09-04");
  const r14 = await out(page, "r-1-4");
  assert.match(r14, /до 05\.10\.2026 \(понедельник\)/);
  assert.match(r14, /04\.10\.2026 — воскресенье/);
  assert.match(r14, /ст\. 193 ГК РФ/);
  // 10 days from 04.09.2026: 14.09.2026, a Monday, no move.
  assert.match(await out(page, "r-1-1"), /^до 14\.09\.2026 \(понедельник\)\.$/);

  // 5 days from 28.12.2026 end on 02.01.2027, inside the New Year holidays (1–8 January, then
  // the weekend of 9–10 January) → Monday 11.01.2027.
  await setDate(page, "2026-12-28");
  const r12 = await out(page, "r-1-2");
  assert.match(r12, /до 11\.01\.2027 \(понедельник\)/);
  assert.match(r12, /02\.01\.2027 — Новогодние каникулы/);
  // A row without a date to count has no output.
  assert.equal(await page.locator("#r-1-6 [data-calc-out]").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("role filter: other rows hide, «что сделать» lists this role's deadlines by date", async () => {
  const { context, page, errors } = await open(STAGE);
  await setDate(page, "2026-09-04");
  const rows = page.locator("tr[data-calc-row]");
  const total = await rows.count();
  const select = page.getByLabel("Участник");
  const options = await select.locator("option").evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
  const [role, roleName] = options.find(([v]) => v === "mouo") || options[1];
  await select.selectOption(role);
  await page.waitForFunction(() => /показано строк/.test(document.querySelector("[data-calc-status]").textContent));
  const shown = await rows.evaluateAll((rs) => rs.filter((r) => !r.hidden).map((r) => r.dataset.roles));
  assert.ok(shown.length > 0 && shown.length < total, `${shown.length} of ${total}`);
  for (const roles of shown) assert.ok(roles.split(" ").includes(role), roles);
  const agenda = page.locator("[data-calc-agenda]");
  assert.equal(await agenda.isVisible(), true);
  assert.equal(await agenda.locator("h2").textContent(), `Что сделать: ${roleName}`);
  const dates = await agenda.locator("time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
  assert.ok(dates.length > 0);
  assert.deepEqual(dates, [...dates].sort(), "sorted by date");
  // Every listed deadline belongs to a visible row.
  const hrefs = await agenda.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href").split("#")[1]));
  for (const id of hrefs) assert.equal(await page.locator(`#${id}`).isVisible(), true, id);
  assert.deepEqual(errors, []);
  await context.close();
});

test("deadlines in hours count from the event time, through the night", async () => {
  const { context, page, errors } = await open("/gis-obrazovanie/modul-2-5/");
  assert.equal(await page.getByLabel(/Время события/).count(), 1);
  await setDate(page, "2026-03-06", "23:15");
  const texts = await page.locator("[data-calc-out]").allInnerTexts();
  assert.ok(texts.some((t) => /до 07\.03\.2026 в 00:15 \(суббота\)/.test(t)), texts.join("\n"));
  assert.deepEqual(errors, []);
  await context.close();
});

test(".ics export: one event per shown deadline, RFC 5545 lines", async () => {
  const { context, page, errors } = await open(STAGE);
  await setDate(page, "2026-09-04");
  const computed = await page.locator("[data-calc-out] .calc__line").count();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /\.ics/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "sroki.ics");
  const text = await readFile(await download.path(), "utf8");
  assert.ok(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), text.slice(0, 80));
  assert.ok(text.endsWith("END:VCALENDAR\r\n"));
  assert.equal(text.split("BEGIN:VEVENT").length - 1, computed);
  assert.ok(text.includes("DTSTART;VALUE=DATE:20261005\r\nDTEND;VALUE=DATE:20261006"));
  for (const line of text.split("\r\n")) {
    assert.ok(Buffer.byteLength(line, "utf8") <= 75, `line over 75 octets: ${line}`);
  }
  // Unfolded, the Russian summary is intact.
  assert.ok(text.replace(/\r\n /g, "").includes("SUMMARY:Срок: Формирование заявки на подключение"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("print button prints; the guide's calculator widget counts its own rule", async () => {
  const { context, page, errors } = await open("/gis-obrazovanie/");
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  // 10 days from Friday 08.05.2026: Monday 18.05.2026.
  await setDate(page, "2026-05-08");
  assert.match(await page.locator(".widget [data-calc-out]").innerText(), /^до 18\.05\.2026 \(понедельник\)\.$/);
  assert.equal(await page.locator(".widget .widget__nojs").isVisible(), false);
  await page.getByRole("button", { name: "Распечатать" }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("with JavaScript off the deadlines are readable text and no dead form shows", async () => {
  const context = await chromium.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url + STAGE);
  assert.equal(await page.locator("[data-calc-form]").isVisible(), false);
  assert.match(await page.locator("#r-1-4 .reg-deadline").innerText(), /30 дней с момента подачи заявки/i);
  await page.goto(site.url + "/gis-obrazovanie/");
  assert.equal(await page.locator(".widget .widget__nojs").isVisible(), true);
  await context.close();
});
