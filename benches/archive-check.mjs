// The archive validator on a 40 MB zip in real Chromium (issue #9: ≤ 50 ms, central directory
// only). A benchmark, not a test: it prints what it measured and fails only if the check does
// not finish or reads the whole archive.
//
//   node benches/archive-check.mjs [<site>/public] [runs]
//
// It writes a zip of exactly 40 МБ (41 943 040 bytes, the ФИОКО limit) with the five documents
// of the rule — the passport scan padded with random bytes, stored, as a phone's scans are —
// to a temporary file, opens the ФИОКО guide and picks that file in the validator, `runs` times
// (default 9):
//   - served over http: the check runs in a worker that reads slices of the File; measured from
//     the input's `change` event to the verdict in the page, and the worker's own figure for the
//     bytes it read;
//   - from file://, as the offline bundle (public/offline.zip, unpacked) opens from a USB stick:
//     no worker there (no FileReaderSync): the page reads the slices ahead and runs the check
//     again when it asks for more (the bytes read are the page's `pamyatka-archive-read` mark).
// Prints Markdown: median, min and max per path.
import { writeFileSync, readFileSync, mkdirSync, mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { serve, browser, publicDir } from "../tests/e2e/harness.mjs";
import { storedZip, fiokoDocuments, unzip } from "../tests/support/zip.mjs";

const pub = process.argv[2] || publicDir;
const runs = Number(process.argv[3] || 9);
const GUIDE = "fioko/dokumenty-ekspertov/";
const LIMIT = 40 * 1024 * 1024;
if (!existsSync(join(pub, GUIDE, "index.html"))) {
  console.error(`no ${GUIDE}index.html under ${pub}: build the site first (cargo run --release -- build)`);
  process.exit(2);
}

// The archive: the five documents, the passport padded so that the whole zip is 40 МБ exactly.
const docs = fiokoDocuments();
const overhead = storedZip(docs).length;
docs[0] = [docs[0][0], Buffer.concat([docs[0][1], randomBytes(LIMIT - overhead)])];
const zip = storedZip(docs);
if (zip.length !== LIMIT) throw new Error(`zip is ${zip.length} bytes, not ${LIMIT}`);
const dir = mkdtempSync(join(tmpdir(), "pamyatka-archive-bench-"));
const file = join(dir, "Алтайский край_Иванов_Сергей_Иванович.zip");
writeFileSync(file, zip);
// The offline bundle, unpacked as a user would.
const bundle = join(dir, "bundle");
for (const f of unzip(readFileSync(join(pub, "offline.zip")))) {
  mkdirSync(dirname(join(bundle, f.name)), { recursive: true });
  writeFileSync(join(bundle, f.name), f.data);
}

// Before the page's own scripts: note the `change` event (capture, so before the widget's
// listener) and every report a worker sends (listener added before the widget's onmessage).
const probe = () => {
  window.__bench = { reports: [] };
  document.addEventListener("change", () => { window.__bench.change = performance.now(); }, true);
  const W = window.Worker;
  window.Worker = function (url, opts) {
    const w = new W(url, opts);
    w.addEventListener("message", (e) => {
      if (e.data && e.data.type === "report") window.__bench.reports.push({ at: performance.now(), read: e.data.read });
    });
    return w;
  };
  window.Worker.prototype = W.prototype;
};

async function measure(chromium, url) {
  const context = await chromium.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", String(e)));
  page.on("console", (m) => { if (m.type() === "error") console.error("console:", m.text()); });
  await page.addInitScript(probe);
  await page.goto(url);
  await page.locator("[data-widget=archive][data-ready]").waitFor();
  const times = [];
  let read = null, verdict = null;
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => {
      window.__bench.reports = [];
      performance.clearMarks("pamyatka-archive-read");
      const results = document.querySelector(".archive__results");
      window.__bench.shown = null;
      new MutationObserver((_, obs) => {
        if (results.querySelector(".archive-report")) { window.__bench.shown = performance.now(); obs.disconnect(); }
      }).observe(results, { childList: true, subtree: true });
    });
    const input = page.getByLabel(/Выберите архивы для проверки/);
    await input.setInputFiles([]);
    await input.setInputFiles(file);
    await page.waitForFunction(() => window.__bench.shown != null, null, { timeout: 60_000 });
    const r = await page.evaluate(() => ({
      ...window.__bench,
      verdict: document.querySelector(".archive-report").dataset.verdict,
      marked: performance.getEntriesByName("pamyatka-archive-read").map((m) => m.detail),
    }));
    times.push(r.shown - r.change);
    verdict = r.verdict;
    if (r.reports.length) read = r.reports[0].read;
    else if (r.marked.length) read = r.marked[0];
  }
  await context.close();
  return { times, read, verdict };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const ms = (x) => x.toFixed(1);

const chromium = await browser();
const site = await serve(pub);
let failed = false;
try {
  const http = await measure(chromium, `${site.url}/${GUIDE}`);
  const local = await measure(chromium, pathToFileURL(join(bundle, "pamyatka", GUIDE, "index.html")).href);
  console.log(`## Archive check of a 40 МБ zip in Chromium (${runs} runs each)\n`);
  console.log(`Archive: ${zip.length} bytes, 5 documents, stored. Chromium: ${chromium.version()}.\n`);
  console.log("| path | median ms | min ms | max ms | bytes read | verdict |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const [name, r] of [["http (worker, slices)", http], ["file:// (slices read ahead on the page)", local]]) {
    const s = stats(r.times);
    console.log(`| ${name} | ${ms(s.median)} | ${ms(s.min)} | ${ms(s.max)} | ${r.read ?? zip.length} | ${r.verdict} |`);
  }
  console.log("\nTime: from the file input's `change` event to the verdict in the page.");
  for (const [name, r] of [["the worker", http], ["the page (file://)", local]]) {
    if (r.read == null || r.read > zip.length / 100) {
      console.error(`${name} read ${r.read} bytes of ${zip.length}: not the central directory only`);
      failed = true;
    }
  }
} finally {
  await site.close();
  await chromium.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
