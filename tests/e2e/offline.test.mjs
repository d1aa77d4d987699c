// Offline in real Chromium: after one visit over http the service worker has the whole site,
// so with the network cut every kind of page opens and its checklist, calculator and archive
// validator work; a new build is offered with «доступна новая версия» instead of serving the
// old pages forever.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve, browser, watchErrors, publicDir } from "./harness.mjs";
import { storedZip, fiokoDocuments, unzipToTemp } from "../support/zip.mjs";

let chromium;
before(async () => { chromium = await browser(); });
after(async () => { await chromium?.close(); });

/** Visit once, wait until the worker is active (everything cached), and reload under it. */
async function installed(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.sw === "registered");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
}

test("with the network gone every kind of page opens and works", async () => {
  const site = await serve();
  const context = await chromium.newContext({ locale: "ru-RU" });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await installed(page, site.url + "/");
  await context.setOffline(true);
  // Proof that the network really is gone for anything not cached.
  const status = await page.evaluate(() => fetch("/nothing-here.txt?" + Date.now()).then((r) => r.status, () => "failed"));
  assert.ok(status === "failed" || status === 404, String(status));

  for (const path of ["/", "/o-portale/", "/gis-obrazovanie/", "/gis-obrazovanie/roli/", "/gis-obrazovanie/roli/mouo/", "/lv/", "/lv/esia/privyazka/"]) {
    const r = await page.goto(site.url + path);
    assert.ok(r.ok(), `${path}: ${r.status()}`);
    assert.equal(await page.locator("h1").count(), 1, path);
  }
  // A page that does not exist gets the 404 page, from the cache.
  await page.goto(site.url + "/net-takoy-stranitsy/");
  assert.match(await page.locator("h1").innerText(), /не найдена/);

  // Checklist: tick, reload, still ticked.
  await page.goto(site.url + "/esia/privyazka/");
  const box = page.locator("ul.checklist input[type=checkbox]").first();
  await box.check();
  await page.reload();
  assert.equal(await page.locator("ul.checklist input[type=checkbox]").first().isChecked(), true);

  // Calculator: 30 days from 04.09.2026 → Sunday 04.10 → Monday 05.10.2026.
  await page.goto(site.url + "/gis-obrazovanie/etap-1/");
  await page.locator("[data-calc][data-ready]").waitFor();
  await page.locator("[data-calc] input[type=date]").fill("2026-09-04");
  await page.waitForFunction(() => /05\.10\.2026/.test(document.querySelector("#r-1-4 [data-calc-out]").textContent));

  // Archive validator: the worker and its module come from the cache too.
  await page.goto(site.url + "/fioko/dokumenty-ekspertov/");
  await page.locator("[data-widget=archive][data-ready]").waitFor();
  await page.getByLabel(/Выберите архивы для проверки/).setInputFiles([
    { name: "Алтайский край_Иванов_Сергей_Иванович.zip", mimeType: "application/zip", buffer: storedZip(fiokoDocuments()) },
  ]);
  await page.waitForFunction(() => /^Проверено/.test(document.querySelector(".archive__status").textContent));
  assert.equal(await page.locator(".archive-report").getAttribute("data-verdict"), "accept");

  // Search: the module, the manifest and the index pieces a query needs come from the cache.
  await page.goto(site.url + "/poisk/?q=" + encodeURIComponent("пароль восстановить"));
  await page.waitForFunction(() => /Найдено/.test(document.querySelector("[data-search-status]").textContent));
  // (the parent's guide first, then the administrators' rows)
  assert.match(await page.locator(".search-hit__title a").nth(1).innerText(), /Восстановление \(изменение\) логина/);
  await page.goto(site.url + "/lv/poisk/?q=" + encodeURIComponent("снилс"));
  await page.waitForFunction(() => /Найдено/.test(document.querySelector("[data-search-status]").textContent));
  assert.deepEqual(errors.filter((e) => !/nothing-here|Failed to load resource/.test(e)), []);
  await context.close();
  await site.close();
});

test("a new build is offered as «доступна новая версия» and replaces the cache", async () => {
  const dir = await mkdtemp(join(tmpdir(), "pamyatka-sw-"));
  await cp(publicDir, dir, { recursive: true });
  const site = await serve(dir);
  const context = await chromium.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await installed(page, site.url + "/esia/");
  const before = await page.evaluate(() => caches.keys());
  assert.equal(before.length, 1);
  assert.equal(await page.locator(".update-banner").count(), 0, "no banner without a new build");

  // «A new build»: the worker script changes (its version is a hash of the site).
  const sw = join(dir, "sw.js");
  await writeFile(sw, (await readFile(sw, "utf8")).replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const banner = page.locator(".update-banner");
  await banner.waitFor();
  assert.equal(await banner.getAttribute("role"), "status");
  assert.match(await banner.innerText(), /Доступна новая версия сайта/);
  await Promise.all([page.waitForEvent("load"), banner.getByRole("button", { name: "Обновить страницу" }).click()]);
  await page.waitForFunction(() => caches.keys().then((k) => k.length === 1 && /-next$/.test(k[0])));
  assert.deepEqual(errors, []);
  await context.close();
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

test("offline.zip opens from file:// with working checklists, calculators and validators", async () => {
  const dir = await unzipToTemp(join(publicDir, "offline.zip"), "pamyatka-usb-");
  // The home page of the site says how big the bundle is; the bundle leaves that link out.
  const home = await readFile(join(publicDir, "index.html"), "utf8");
  assert.match(home, /ZIP, \d+(,\d)? [КМ]Б/);
  assert.doesNotMatch(await readFile(join(dir, "pamyatka/index.html"), "utf8"), /offline\.zip/);
  const context = await chromium.newContext({ locale: "ru-RU" });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
  await page.goto(pathToFileURL(join(dir, "pamyatka/index.html")).href);
  assert.equal(await page.locator("h1").count(), 1);

  // Links name their index.html: follow one like a reader would.
  await page.locator("nav.site-nav a", { hasText: "Госуслуги" }).first().click();
  await page.waitForURL(/\/esia\/index\.html$/);
  await page.goto(pathToFileURL(join(dir, "pamyatka/esia/privyazka/index.html")).href);
  await page.locator("ul.checklist input[type=checkbox]").first().check();
  await page.reload();
  assert.equal(await page.locator("ul.checklist input[type=checkbox]").first().isChecked(), true);

  // The calculator, with the module inlined (there is no .wasm file to fetch).
  await page.goto(pathToFileURL(join(dir, "pamyatka/gis-obrazovanie/etap-1/index.html")).href);
  await page.locator("[data-calc][data-ready]").waitFor();
  await page.locator("[data-calc] input[type=date]").fill("2026-09-04");
  await page.waitForFunction(() => /05\.10\.2026/.test(document.querySelector("#r-1-4 [data-calc-out]").textContent));

  // The archive validator (no worker on file://: it checks on the page, on slices read ahead).
  // The third archive has 1 MB documents either side of the form (a .docx, which the check
  // opens): the form is in neither the head nor the tail read ahead, so the check asks for
  // more and runs again; its verdict is that
  // of the whole file, no attempt counts as an archive of its own (no «повторы»), and the page
  // read a fraction of it.
  await page.goto(pathToFileURL(join(dir, "pamyatka/fioko/dokumenty-ekspertov/index.html")).href);
  const [passport, inn, snils, bank, form] = fiokoDocuments();
  const pad = ([name, data]) => [name, Buffer.concat([data, Buffer.alloc(1 << 20, 0x20)])];
  const padded = [pad(passport), form, pad(inn), snils, bank];
  // The fourth has 30 would-be forms that are not .docx (the check opens each in turn, looking
  // for a real one), each after 100 KB of filler: more scattered reads than the read-ahead
  // tries (24 attempts), so the page ends up reading the file whole, with the same verdict.
  const scattered = fiokoDocuments().slice(0, 4);
  for (let k = 1; k <= 30; k++) {
    scattered.push([`Приложение ${k}.pdf`, Buffer.alloc(100 * 1024, 0x25)]);
    // Under the exact name the memo gives, each in a folder of its own.
    scattered.push([`${k}/Форма подачи данных для оформления контракта.docx`, Buffer.from("not a zip")]);
  }
  await page.getByLabel(/Выберите архивы для проверки/).setInputFiles([
    { name: "Алтайский край_Иванов_Сергей_Иванович.zip", mimeType: "application/zip", buffer: storedZip(fiokoDocuments()) },
    { name: "Алтай_Петров_Пётр_Петрович.zip", mimeType: "application/zip", buffer: storedZip(fiokoDocuments().slice(0, 2)) },
    { name: "Алтайский край_Сидоров_Иван_Петрович.zip", mimeType: "application/zip", buffer: storedZip(padded) },
    { name: "Алтайский край_Козлов_Олег_Петрович.zip", mimeType: "application/zip", buffer: storedZip(scattered) },
  ]);
  await page.waitForFunction(() => /^Проверено/.test(document.querySelector(".archive__status")?.textContent || ""));
  const whole = await page.evaluate(async () => {
    const checked = [];
    for (const i of [2, 3]) {
      const f = document.querySelector("[data-widget=archive] input[type=file]").files[i];
      const bytes = new Uint8Array(await f.arrayBuffer());
      /* global pamyatkaArchive */
      pamyatkaArchive.forget();
      const report = JSON.parse(pamyatkaArchive.check_archive(f.name, f.size, (at, len) => bytes.subarray(at, at + len)));
      checked.push({ verdict: report.verdict, codes: report.reasons.slice().sort(), size: f.size });
    }
    return checked;
  });
  assert.deepEqual(await page.locator(".archive-report").evaluateAll((rs) => rs.map((r) => r.dataset.verdict)), ["accept", "reject", whole[0].verdict, whole[1].verdict]);
  assert.equal(whole[1].verdict, "reject");
  assert.ok(whole[1].codes.includes("form_not_valid_docx"), whole[1].codes.join());
  assert.equal(await page.locator(".archive__duplicates").count(), 0);
  const read = await page.evaluate(() => performance.getEntriesByName("pamyatka-archive-read").map((m) => m.detail));
  assert.equal(read.length, 4);
  assert.ok(read[2] > 0 && read[2] < whole[0].size / 4, `read ${read[2]} bytes of ${whole[0].size}`);
  // Head, tail, 23 slices, then the whole file.
  assert.ok(read[3] > whole[1].size && read[3] < whole[1].size + 2 * 1024 * 1024, `read ${read[3]} bytes of ${whole[1].size}`);
  // Its report is the whole-file one: the same findings, none of them about a failed read.
  const shown = await page.locator(".archive-report").nth(3).innerText();
  assert.match(shown, /не настоящий файл \.docx/);
  assert.doesNotMatch(shown, /не читается/);

  // Search, with its index and module as classic scripts.
  await page.goto(pathToFileURL(join(dir, "pamyatka/poisk/index.html")).href + "?q=" + encodeURIComponent("пароль восстановить"));
  await page.waitForFunction(() => /Найдено/.test(document.querySelector("[data-search-status]")?.textContent || ""));
  const hit = await page.locator(".search-hit__title a").nth(1).getAttribute("href");
  assert.match(hit, /^file:.*\/index\.html#r-2-/);
  // A misspelt word loads more pieces of the index, from file:// too.
  await page.goto(pathToFileURL(join(dir, "pamyatka/poisk/index.html")).href + "?q=" + encodeURIComponent("госуслги"));
  await page.waitForFunction(() => /Найдено/.test(document.querySelector("[data-search-status]")?.textContent || ""));
  assert.equal(await page.locator(".search-results__correction").innerText(), "Возможно, вы имели в виду: госуслуги");

  // The ЕСИА wizard and the low-vision version.
  await page.goto(pathToFileURL(join(dir, "pamyatka/lv/esia/privyazka/index.html")).href);
  await page.locator("[data-widget=esia][data-ready=true]").waitFor();
  assert.equal(await page.locator("#lv-panel").isVisible(), true);
  // Its header search leads to the low-vision search page's file.
  const action = await page.locator("form.site-search").evaluate((f) => new URL(f.getAttribute("action"), location.href).href);
  assert.ok(action.endsWith("/pamyatka/lv/poisk/index.html"), action);
  assert.deepEqual(requests, [], "nothing but file:// was loaded");
  assert.deepEqual(errors, []);
  await context.close();
  await rm(dir, { recursive: true, force: true });
});
