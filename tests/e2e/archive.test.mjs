// The ФИОКО archive validator in real Chromium, with archives the test writes itself: verdicts
// and fixes, the parsed name and documents, duplicates per person, and no network request at
// all while files are checked (they are read in a worker, never uploaded).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, browser, watchErrors } from "./harness.mjs";
import { storedZip, fiokoDocuments, fiokoZipOfSize } from "../support/zip.mjs";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GUIDE = "/fioko/dokumenty-ekspertov/";
const ZIP = "application/zip";
let site, chromium;
before(async () => { site = await serve(); chromium = await browser(); });
after(async () => { await chromium?.close(); await site?.close(); });

async function open(options = {}) {
  // The service worker's first-visit download of the site is not the validator's doing: block
  // it here (tests/e2e/offline.test.mjs covers it) so that only the page's requests count.
  const context = await chromium.newContext({ serviceWorkers: "block", ...options });
  const requests = [];
  // Every request of the page and of its workers goes through here.
  await context.route("**/*", (route) => { requests.push(route.request().url()); return route.continue(); });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.url + GUIDE);
  await page.locator("[data-widget=archive][data-ready]").waitFor();
  return { context, page, errors, requests };
}

async function check(page, files) {
  await page.getByLabel(/Выберите архивы для проверки/).setInputFiles(files);
  await page.waitForFunction(() => /^Проверено/.test(document.querySelector(".archive__status").textContent));
}

test("verdicts with reasons, the parsed name and the documents; nothing is sent", async () => {
  const { context, page, errors, requests } = await open();
  // The module was fetched by the worker while the page loaded, and the interception saw it.
  assert.ok(requests.some((u) => /checks-archive\.[0-9a-f]+\.wasm$/.test(u)), requests.join("\n"));
  assert.match(await page.locator("[data-widget=archive]").innerText(), /Файлы не покидают ваше устройство/);
  requests.length = 0;
  const docs = fiokoDocuments();
  await check(page, [
    { name: "Алтайский край_Иванов_Сергей_Иванович.zip", mimeType: ZIP, buffer: storedZip(docs) },
    { name: "Алтай_Петров_Пётр_Петрович.zip", mimeType: ZIP, buffer: storedZip(docs.slice(0, 2)) },
    { name: "Москва Иванoв Иван Иванович.zip", mimeType: ZIP, buffer: storedZip(docs) }, // Latin «o»
    { name: "Свердловская область_Кузнецова_Анна_Петровна.zip", mimeType: ZIP, buffer: Buffer.from("это не архив") },
  ]);
  assert.deepEqual(requests, [], "no request while checking");
  const reports = page.locator(".archive-report");
  assert.equal(await reports.count(), 4);
  const verdicts = await reports.evaluateAll((rs) => rs.map((r) => r.dataset.verdict));
  assert.deepEqual(verdicts, ["accept", "reject", "reject", "reject"]);

  const ok = reports.nth(0);
  assert.match(await ok.locator("h2, h3, h4, h5").innerText(), /можно отправлять/);
  assert.deepEqual(await ok.locator(".archive-report__name dd").allInnerTexts(), ["Алтайский край", "Иванов", "Сергей", "Иванович"]);
  assert.equal(await ok.locator(".doc--found").count(), 5);

  const codes = async (i) => reports.nth(i).locator("[data-code]").evaluateAll((ls) => ls.map((l) => l.dataset.code));
  const ambiguous = await codes(1);
  assert.ok(ambiguous.includes("name_ambiguous_region"), ambiguous.join());
  assert.ok(ambiguous.includes("missing_document:snils"));
  assert.match(await reports.nth(1).innerText(), /«Республика Алтай» или «Алтайский край»/);
  assert.equal(await reports.nth(1).locator(".doc--missing").count(), 3);
  assert.ok((await codes(2)).includes("name_latin_letters"));
  assert.deepEqual(await codes(3), ["not_an_archive"]);
  assert.match(await page.locator(".archive__status").innerText(), /Проверено: 4\. Можно отправлять: 1\. Нужно исправить: 3/);
  // Nothing about the files is kept on the device either.
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a phone, each problem is said once, plainly: Latin name, region, .tar.gz, damaged RAR, sizes", async () => {
  const { context, page, errors } = await open({ viewport: { width: 390, height: 844 } });
  const docs = fiokoDocuments();
  const zip = storedZip(docs);
  const misnamedForm = storedZip([...docs.slice(0, 4), ["форма.docx", docs[4][1]]]);
  await check(page, [
    { name: "Altai_Ivanov_Sergey_Ivanovich.zip", mimeType: ZIP, buffer: zip },
    { name: "Алтайская область_Иванов_Сергей_Иванович.zip", mimeType: ZIP, buffer: zip },
    { name: "Алтайский край_Иванов_Сергей_Иванович.tar.gz", mimeType: "application/gzip", buffer: gzipSync(Buffer.from("tar")) },
    { name: "Москва_Петров_Пётр_Петрович.rar", mimeType: "application/vnd.rar", buffer: Buffer.concat([Buffer.from("Rar!\x1a\x07\x01\x00", "latin1"), Buffer.alloc(32)]) },
    { name: "Москва_Сидоров_Иван_Иванович.zip", mimeType: ZIP, buffer: misnamedForm },
  ]);
  const reports = page.locator(".archive-report");
  const reasons = async (i) => reports.nth(i).locator("[data-code]").evaluateAll((ls) => ls.map((l) => [l.dataset.code, l.textContent]));

  // A name in Latin letters: one line that shows it, not one line per letter.
  const latin = await reasons(0);
  assert.equal(latin.length, 1, JSON.stringify(latin));
  assert.match(latin[0][1], /«Altai_Ivanov_Sergey_Ivanovich»/);
  // A region that is not one: the nearest real ones.
  const region = (await reasons(1)).find(([code]) => code === "name_unknown_region");
  assert.match(region[1], /«Алтайский край» или «Республика Алтай»/);
  // .tar.gz: refused for its format; the name is read without «.tar».
  const tar = await reasons(2);
  assert.deepEqual(tar.map(([code]) => code), ["format_not_allowed"]);
  assert.ok(tar.every(([, text]) => !/tar/.test(text)), JSON.stringify(tar));
  assert.deepEqual(await reports.nth(2).locator(".archive-report__name dd").allInnerTexts(), ["Алтайский край", "Иванов", "Сергей", "Иванович"]);
  // A damaged RAR: said once, with what to do.
  const rar = await reasons(3);
  assert.deepEqual(rar.map(([code]) => code), ["archive_damaged"]);
  assert.equal((await reports.nth(3).innerText()).match(/повреждён/g).length, 1);
  assert.match(rar[0][1], /Создайте архив заново/);
  // Its contents were not read, nor those of the .tar.gz: no list of documents «missing».
  assert.equal(await reports.nth(3).locator(".archive-report__docs").count(), 0);
  assert.equal(await reports.nth(2).locator(".archive-report__docs").count(), 0);
  // The form under another name than the memo's.
  const form = (await reasons(4)).find(([code]) => code === "missing_document:form");
  assert.match(form[1], /назван иначе.*«Форма подачи данных для оформления контракта\.docx»/);
  // The file's size never breaks between number and unit; nor does «40 МБ» on the page.
  assert.match(await reports.nth(0).locator(".archive-report__facts").innerText(), /^Размер: [\d,]+\u00a0(Б|КБ)\./);
  const page40 = await page.locator("main").evaluate((m) => m.textContent.match(/40\s*МБ/g));
  assert.ok(page40.length >= 2, page40);
  assert.ok(page40.every((t) => t === "40\u00a0МБ"), JSON.stringify(page40));

  // Two archives for one person: «Архив: …», no «Для …».
  await check(page, [
    { name: "Алтайский край_Иванов_Сергей_Иванович.zip", mimeType: ZIP, buffer: zip },
    { name: "Алтайский край Иванов Сергей Иванович.zip", mimeType: ZIP, buffer: zip },
  ]);
  const dup = await page.locator(".archive__duplicates").innerText();
  assert.match(dup, /Архив: Иванов Сергей Иванович \(Алтайский край\)/);
  assert.doesNotMatch(dup, /Для /);
  assert.deepEqual(errors, []);
  await context.close();
});

test("two archives for one person are reported; a new selection starts afresh", async () => {
  const { context, page, errors, requests } = await open();
  requests.length = 0;
  const zip = storedZip(fiokoDocuments());
  await check(page, [
    { name: "Алтайский край_Иванов_Сергей_Иванович.zip", mimeType: ZIP, buffer: zip },
    { name: "Алтайский край Иванов Сергей Иванович.zip", mimeType: ZIP, buffer: zip },
  ]);
  const dup = page.locator(".archive__duplicates");
  assert.equal(await dup.count(), 1);
  assert.match(await dup.innerText(), /Иванов Сергей Иванович \(Алтайский край\)/);
  assert.match(await page.locator(".archive__status").innerText(), /Есть повторы по людям/);
  await check(page, [{ name: "Алтайский край_Иванов_Сергей_Иванович.zip", mimeType: ZIP, buffer: zip }]);
  assert.equal(await page.locator(".archive__duplicates").count(), 0);
  assert.equal(await page.locator(".archive-report").count(), 1);
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a 40 МБ archive is checked by its directory: the worker reads a sliver of it", async () => {
  const context = await chromium.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  // Every report the worker sends carries the bytes it read; listen before the widget does.
  await page.addInitScript(() => {
    window.__reads = [];
    const W = window.Worker;
    window.Worker = function (url, opts) {
      const w = new W(url, opts);
      w.addEventListener("message", (e) => { if (e.data.type === "report") window.__reads.push(e.data.read); });
      return w;
    };
  });
  const errors = watchErrors(page);
  await page.goto(site.url + GUIDE);
  await page.locator("[data-widget=archive][data-ready]").waitFor();
  // 40 000 000 bytes: under 40 МБ however a megabyte is counted (41 943 040 gets a warning).
  const limit = 40_000_000;
  const zip = fiokoZipOfSize(limit);
  assert.equal(zip.length, limit);
  const dir = mkdtempSync(join(tmpdir(), "pamyatka-archive-"));
  const file = join(dir, "Алтайский край_Иванов_Сергей_Иванович.zip");
  writeFileSync(file, zip);
  try {
    await page.getByLabel(/Выберите архивы для проверки/).setInputFiles(file);
    await page.waitForFunction(() => /^Проверено/.test(document.querySelector(".archive__status").textContent));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const reads = await page.evaluate(() => window.__reads);
  assert.equal(reads.length, 1);
  assert.ok(reads[0] > 0 && reads[0] < 256 * 1024, `read ${reads[0]} bytes of ${limit}`);
  const report = page.locator(".archive-report");
  assert.equal(await report.getAttribute("data-verdict"), "accept", await report.innerText());
  assert.equal(await report.locator(".doc--found").count(), 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test("with JavaScript off the requirements are still there and the page says how to check", async () => {
  const context = await chromium.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url + GUIDE);
  const widget = page.locator("[data-widget=archive]");
  assert.match(await widget.innerText(), /никуда не отправляются/);
  assert.equal(await page.locator("input[type=file]").count(), 0);
  assert.match(await page.locator("#kak-upakovat + ul").innerText(), /не больше 40\u00a0МБ/);
  await context.close();
});
