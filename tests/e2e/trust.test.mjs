// Issue #19 items 1 and 4 on a 390 px phone, both versions: a guide says where its facts come
// from (the memo's details, «в памятке не указано» for what the memo does not say, the portal's
// `updated` date) and marks the portal's own reading of the memo as «Толкование портала»; an
// archive in the rule's 40 МБ band (40 000 000 < size ≤ 41 943 040 bytes) is accepted with a
// warning that ФИОКО may count megabytes either way.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, browser, watchErrors, root } from "./harness.mjs";
import { fiokoZipOfSize } from "../support/zip.mjs";

const PHONE = { viewport: { width: 390, height: 844 }, locale: "ru-RU", serviceWorkers: "block" };
const VERSIONS = ["", "/lv"];
const FIOKO = "/fioko/dokumenty-ekspertov/";
// The guide's `updated`, as its front matter gives it (an editor changes it with each edit).
const [, UPDATED] = readFileSync(join(root, "content/fioko/dokumenty-ekspertov.md"), "utf8").match(/^updated: (\d{4}-\d\d-\d\d)$/m);
let site, chromium;
before(async () => { site = await serve(); chromium = await browser(); });
after(async () => { await chromium?.close(); await site?.close(); });

test("a guide shows its source, the portal's date and the portal's reading apart (390 px, both versions)", async () => {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  for (const v of VERSIONS) {
    await page.goto(site.url + v + FIOKO);
    const source = page.getByRole("complementary", { name: "Источник" });
    await source.scrollIntoViewIfNeeded();
    assert.ok(await source.isVisible(), v);
    const facts = await source.locator("dt").allInnerTexts();
    assert.deepEqual(facts, ["Памятка", "Кто выпустил", "Регион", "Дата или версия", "Обновлено на портале"], v);
    const values = await source.locator("dd").allInnerTexts();
    assert.match(values[0], /^Порядок работы с личным кабинетом/, v);
    // What the memo does not say is said to be missing from the memo, not shown as a name.
    assert.deepEqual(values.slice(1, 4), ["в памятке не указано", "в памятке не указано", "в памятке не указано"], v);
    assert.equal(values[4], UPDATED.split("-").reverse().join("."), v);
    assert.equal(await source.locator("time").getAttribute("datetime"), UPDATED, v);
    // The portal's reading: a callout titled in words (not by colour alone), with its reason.
    const reading = page.locator(".callout--interpretation").filter({ hasText: "пробелами" });
    await reading.scrollIntoViewIfNeeded();
    assert.ok(await reading.isVisible(), v);
    assert.equal(await reading.getAttribute("role"), "note", v);
    assert.equal(await reading.locator(".callout__title").innerText(), "Толкование портала", v);
    assert.match(await reading.innerText(), /портал принимает оба написания/, v);
    assert.doesNotMatch(await page.locator("main").innerText(), /\[!NOTE\]/, v);
    // It looks unlike the memo's own notes: a dashed frame.
    assert.equal(await reading.evaluate((el) => getComputedStyle(el).borderTopStyle), "dashed", v);
    // Nothing wider than the phone.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), v);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("«О портале» says facts and the portal's readings apart", async () => {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(site.url + "/o-portale/");
  const text = await page.locator("main").innerText();
  assert.doesNotMatch(text, /Все факты взяты из исходных памяток/);
  assert.match(text, /Факты взяты из исходных памяток/);
  assert.match(text, /помечает такое пояснение «Толкование портала»/);
  await context.close();
});

test("an archive of 40 500 000 bytes is accepted with the warning on megabytes (390 px, both versions)", async () => {
  const size = 40_500_000;
  const zip = fiokoZipOfSize(size);
  assert.equal(zip.length, size);
  const dir = mkdtempSync(join(tmpdir(), "pamyatka-band-"));
  const file = join(dir, "Алтайский край_Иванов_Сергей_Иванович.zip");
  writeFileSync(file, zip);
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    for (const v of VERSIONS) {
      await page.goto(site.url + v + FIOKO);
      await page.locator("[data-widget=archive][data-ready]").waitFor();
      await page.getByLabel(/Выберите архивы для проверки/).setInputFiles(file);
      await page.waitForFunction(() => /^Проверено/.test(document.querySelector(".archive__status").textContent));
      const report = page.locator(".archive-report");
      assert.equal(await report.count(), 1, v);
      assert.equal(await report.getAttribute("data-verdict"), "warn", v);
      const text = await report.innerText();
      assert.match(text, /Архив принят, но ФИОКО может его не принять/, v);
      assert.match(text, /40\u00a0500\u00a0000\u00a0байт/, v);
      assert.match(text, /если как 1\u00a0000\u00a0000\u00a0байт/, v);
      assert.equal(await report.locator(".doc--found").count(), 5, v);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(errors, []);
  await context.close();
});
