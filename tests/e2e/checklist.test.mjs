// Checklists in real Chromium: ticks survive a reload, progress is announced, reset asks first,
// stale ticks are dropped, the keyboard works, and with JavaScript off the list is still there.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, browser, watchErrors } from "./harness.mjs";

const GUIDE = "/esia/privyazka/";
let site, chromium;
before(async () => { site = await serve(); chromium = await browser(); });
after(async () => { await chromium?.close(); await site?.close(); });

test("ticks survive a reload and progress is announced", async () => {
  const context = await chromium.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.url + GUIDE);
  const list = page.locator("ul.checklist").first();
  const boxes = list.locator("input[type=checkbox]");
  assert.ok((await boxes.count()) >= 2);
  // The guide's one progress counts every item of the page (not all its steps have some).
  const total = await page.locator("ul.checklist input[type=checkbox]").count();
  const items = (n) => `Выполнено ${n} из ${total} ${total % 10 === 1 && total % 100 !== 11 ? "пункта" : "пунктов"}`;
  const status = page.locator(".checklist-status__text");
  assert.equal(await status.count(), 1);
  assert.equal(await status.getAttribute("aria-live"), "polite");
  assert.equal(await status.textContent(), items(0));
  // Tick by clicking the label text (a large target), then the second box.
  await list.locator("label").first().click();
  await boxes.nth(1).check();
  assert.equal(await status.textContent(), items(2));
  await page.reload();
  assert.equal(await boxes.nth(0).isChecked(), true);
  assert.equal(await boxes.nth(1).isChecked(), true);
  assert.equal(await page.locator(".checklist-status__text").textContent(), items(2));
  // Only tick state is stored, keyed by page and item id.
  const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  const keys = Object.keys(stored);
  assert.deepEqual(keys, [`pamyatka:checklist:${GUIDE}`]);
  const ids = await list.locator("li[data-item]").evaluateAll((lis) => lis.slice(0, 2).map((li) => li.dataset.item));
  assert.deepEqual(JSON.parse(stored[keys[0]]), Object.fromEntries(ids.map((id) => [id, true])));
  assert.deepEqual(errors, []);
  await context.close();
});

test("reset asks for confirmation", async () => {
  const context = await chromium.newContext();
  const page = await context.newPage();
  await page.goto(site.url + GUIDE);
  const boxes = page.locator("ul.checklist").first().locator("input[type=checkbox]");
  await boxes.nth(0).check();
  const reset = page.locator(".checklist-status__reset");
  page.once("dialog", (d) => d.dismiss());
  await reset.click();
  assert.equal(await boxes.nth(0).isChecked(), true, "cancel keeps the ticks");
  page.once("dialog", (d) => { assert.match(d.message(), /Снять все отметки/); d.accept(); });
  await reset.click();
  assert.equal(await boxes.nth(0).isChecked(), false);
  await page.reload();
  assert.equal(await boxes.nth(0).isChecked(), false, "the reset is stored");
  await context.close();
});

test("ticks of items an editor removed are dropped, not misapplied", async () => {
  const context = await chromium.newContext();
  const page = await context.newPage();
  await page.goto(site.url + GUIDE);
  const key = `pamyatka:checklist:${GUIDE}`;
  const firstId = await page.locator("ul.checklist li[data-item]").first().getAttribute("data-item");
  await page.evaluate(([k, id]) => localStorage.setItem(k, JSON.stringify({ [id]: true, "udalyonnyy-punkt": true })), [key, firstId]);
  await page.reload();
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key));
  assert.deepEqual(stored, { [firstId]: true });
  await context.close();
});

test("keyboard only: Tab to a box, Space ticks it", async () => {
  const context = await chromium.newContext();
  const page = await context.newPage();
  await page.goto(site.url + GUIDE);
  const first = page.locator("ul.checklist input[type=checkbox]").first();
  for (let i = 0; i < 60 && !(await first.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  assert.ok(await first.evaluate((el) => el === document.activeElement), "the first box is reachable by Tab");
  await page.keyboard.press("Space");
  assert.equal(await first.isChecked(), true);
  await context.close();
});

test("with JavaScript off the checklist is complete and readable", async () => {
  const context = await chromium.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url + GUIDE);
  const labels = await page.locator("ul.checklist label").allTextContents();
  assert.ok(labels.length >= 2 && labels.every((t) => t.trim().length > 0));
  assert.equal(await page.locator(".checklist-status").count(), 0, "no script-made controls");
  await context.close();
});

test("phone: without JavaScript the page says, before the list, that ticks are not kept; with it, it does not", async () => {
  const viewport = { width: 390, height: 844 };
  const off = await chromium.newContext({ javaScriptEnabled: false, viewport });
  const page = await off.newPage();
  await page.goto(site.url + GUIDE);
  const note = page.locator("[data-checklist-nojs]");
  assert.equal(await note.count(), 1, "said once per page");
  assert.equal(await note.isVisible(), true);
  assert.match(await note.innerText(), /JavaScript/);
  assert.match(await note.innerText(), /пропадут, если обновить или закрыть страницу/);
  // Before the first list, where the reader starts ticking.
  assert.equal(await note.evaluate((n) => Boolean(n.compareDocumentPosition(document.querySelector("ul.checklist")) & Node.DOCUMENT_POSITION_FOLLOWING)), true);
  await off.close();
  const on = await chromium.newContext({ viewport });
  const page2 = await on.newPage();
  const errors = watchErrors(page2);
  await page2.goto(site.url + GUIDE);
  await page2.locator(".checklist-status").first().waitFor();
  assert.equal(await page2.locator("[data-checklist-nojs]").isVisible(), false);
  assert.deepEqual(errors, []);
  await on.close();
});
