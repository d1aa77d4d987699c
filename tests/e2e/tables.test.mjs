// Tables on a phone (issue #18, item 1): no word of any table cell is split across lines, on
// every page of the real site that has a table, in both versions: 390×844 for the normal pages
// and the low-vision ones, and the low-vision ones also at 1280 px with 200 % text (the
// panel's «200 %» size). A table that cannot fit becomes cards (regulation tables) or scrolls
// inside its labelled region (Markdown tables); it never squeezes a column to one letter.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { serve, browser, watchErrors, publicDir } from "./harness.mjs";

let site, chromium;
before(async () => { site = await serve(); chromium = await browser(); });
after(async () => { await chromium?.close(); await site?.close(); });

/** Every page of the built site whose HTML has a <table>, split by version. */
async function pagesWithTables() {
  const normal = [], lv = [];
  for (const entry of await readdir(publicDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name !== "index.html") continue;
    const dir = entry.parentPath ?? entry.path;
    if (!(await readFile(join(dir, entry.name), "utf8")).includes("<table")) continue;
    const rel = relative(publicDir, dir);
    const url = "/" + (rel ? rel.split(sep).join("/") + "/" : "");
    (url.startsWith("/lv/") ? lv : normal).push(url);
  }
  return { normal: normal.sort(), lv: lv.sort() };
}

/** The words of the visible table cells that the layout put on more than one line. */
function splitWords(page) {
  return page.evaluate(() => {
    // Text a sighted reader does not see (the visually hidden header row of the cards) has no
    // lines to speak of.
    const hidden = (el) => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === "none" || s.visibility === "hidden" || s.clip !== "auto" || s.clipPath !== "none") return true;
      }
      return false;
    };
    const out = [];
    for (const cell of document.querySelectorAll("main table th, main table td, main table caption")) {
      if (hidden(cell)) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (hidden(node.parentElement)) continue;
        // A word: letters and digits between spaces. A compound may break after its hyphen or
        // slash, as Russian typesetting does («договор-⏎поручение», «родители/⏎законные»), so
        // each part is a word of its own, with its hyphen or slash.
        for (const m of node.data.matchAll(/[^\s\u00a0\/\-\u2010]+[\/\-\u2010]?/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
          if (rects.length < 2) continue;
          const tops = rects.map((r) => r.top);
          const line = Math.min(...rects.map((r) => r.height));
          if (Math.max(...tops) - Math.min(...tops) > line / 2) {
            out.push(`«${m[0]}» in ${cell.closest("tr")?.id || cell.tagName.toLowerCase()}: ${rects.length} pieces`);
          }
        }
      }
    }
    return out;
  });
}

async function check(urls, { width, height, lvSize }) {
  const context = await chromium.newContext({ viewport: { width, height } });
  if (lvSize) {
    await context.addInitScript((size) => {
      window.localStorage.setItem("pamyatka:lv", JSON.stringify({ size }));
    }, lvSize);
  }
  const page = await context.newPage();
  const errors = watchErrors(page);
  const problems = [];
  for (const url of urls) {
    await page.goto(site.url + url);
    await page.waitForLoadState("load");
    if (lvSize) {
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-lv-size")), lvSize, url);
    }
    // The calculators fill their cells after the module loads; check the filled cells too.
    if (await page.locator("[data-calc]").count()) await page.locator("[data-calc][data-ready]").first().waitFor();
    for (const w of await splitWords(page)) problems.push(`${url}: ${w}`);
    // No table widens the page itself: what does not fit scrolls inside its region.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${url}: the page scrolls sideways by ${overflow}px`);
  }
  assert.deepEqual(errors, []);
  await context.close();
  return problems;
}

test("the site has tables in both versions (the check below sees them)", async () => {
  const { normal, lv } = await pagesWithTables();
  assert.ok(normal.length >= 5, normal.join(" "));
  assert.equal(lv.length, normal.length);
  assert.ok(normal.includes("/esia/privyazka/") && normal.includes("/gis-obrazovanie/etap-1/"), normal.join(" "));
});

test("390 px: no word of a table cell is split across lines (normal pages)", async () => {
  const { normal } = await pagesWithTables();
  assert.deepEqual(await check(normal, { width: 390, height: 844 }), []);
});

test("390 px: no word of a table cell is split across lines (low-vision pages)", async () => {
  const { lv } = await pagesWithTables();
  assert.deepEqual(await check(lv, { width: 390, height: 844 }), []);
});

test("1280 px with 200 % text: no word of a table cell is split across lines (low-vision pages)", async () => {
  const { lv } = await pagesWithTables();
  assert.deepEqual(await check(lv, { width: 1280, height: 800, lvSize: "5" }), []);
});
