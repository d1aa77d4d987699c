// Screenshots (issue #23) on the parents' guide, whose step 5 shows the portal's drawing of a
// Госуслуги profile with highlights: on a phone the page does not move while the image loads
// (its box is reserved by width/height), the numbered frames sit over the pixels the
// highlights file names at two sizes of the image, the phone is given one light file, and the
// low-vision version keeps the list in view with the image behind a control.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { statSync } from "node:fs";
import { join } from "node:path";
import { serve, browser, watchErrors, root, publicDir } from "./harness.mjs";

const GUIDE = "/esia/privyazka/";
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: "ru-RU" };
let site, chromium, highlights;
before(async () => {
  site = await serve();
  chromium = await browser();
  // The highlights file (one flow mapping per line), in the image's pixels.
  const yaml = await readFile(join(root, "content/esia/profil-esia.png.yaml"), "utf8");
  highlights = [...yaml.matchAll(/\{x: (\d+), y: (\d+), w: (\d+), h: (\d+), label: "([^"]*)"\}/g)].map((m) => ({
    x: +m[1], y: +m[2], w: +m[3], h: +m[4], label: m[5],
  }));
  assert.ok(highlights.length >= 3, "the guide's image has highlights");
});
after(async () => { await chromium?.close(); await site?.close(); });

test("the page does not move while the screenshot loads, and a phone gets a narrow file (390 px)", async () => {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  // Hold the image back until the page's layout has been measured without it.
  let release;
  const held = new Promise((r) => { release = r; });
  const requested = [];
  await page.route(/profil-esia[^/]*\.(png|webp)$/, async (route) => {
    requested.push(new URL(route.request().url()).pathname);
    await held;
    await route.continue();
  });
  await page.goto(site.url + GUIDE, { waitUntil: "domcontentloaded" });
  const figure = page.locator("figure.shot").first();
  await figure.scrollIntoViewIfNeeded();
  const measure = () => page.evaluate(() => {
    const img = document.querySelector(".shot__img");
    const legend = document.querySelector(".shot__legend");
    return { img: img.getBoundingClientRect().height, legend: legend.getBoundingClientRect().top + window.scrollY, complete: img.complete && img.naturalWidth > 0 };
  });
  await page.waitForTimeout(300);
  const before = await measure();
  assert.equal(before.complete, false, "the image is still loading");
  release();
  await page.waitForFunction(() => { const i = document.querySelector(".shot__img"); return i.complete && i.naturalWidth > 0; });
  const after = await measure();
  assert.ok(before.img > 100, `the image's box is reserved before it loads: ${before.img}px`);
  assert.equal(after.img, before.img, "the image's height does not change when it arrives");
  assert.equal(after.legend, before.legend, "what follows the image does not move");
  // One file, WebP, and lighter than the original (358 CSS px at 2× want 716 device px: the
  // narrowest offered file that wide enough; narrower copies heavier than a wider one are not
  // offered at all).
  assert.equal(requested.length, 1, requested.join(", "));
  assert.match(requested[0], /profil-esia-\d+w\.webp$/);
  const bytes = (p) => statSync(join(publicDir, p)).size;
  assert.ok(bytes(requested[0]) < bytes("esia/profil-esia.png"), `${requested[0]}: ${bytes(requested[0])} bytes`);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const width of [390, 1280]) {
  test(`the numbered frames sit over the highlighted pixels (${width} px wide)`, async () => {
    const context = await chromium.newContext({ ...PHONE, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.url + GUIDE);
    await page.locator("figure.shot").first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => { const i = document.querySelector(".shot__img"); return i.complete && i.naturalWidth > 0; });
    const found = await page.evaluate(() => {
      const img = document.querySelector(".shot__img");
      const r = img.getBoundingClientRect();
      return {
        img: { x: r.left, y: r.top, w: r.width, h: r.height, natural: img.naturalWidth },
        boxes: [...document.querySelectorAll(".shot__box")].map((b) => { const q = b.getBoundingClientRect(); return { x: q.left, y: q.top, w: q.width, h: q.height }; }),
        badges: [...document.querySelectorAll(".shot__badge text")].map((t) => { const q = t.getBoundingClientRect(); return { x: q.left + q.width / 2, y: q.top + q.height / 2, text: t.textContent }; }),
        legend: [...document.querySelectorAll(".shot__legend li")].map((li) => li.textContent),
      };
    });
    const scale = found.img.w / 1200;
    assert.ok(Math.abs(found.img.h - 860 * scale) < 1, "the image keeps its proportions");
    assert.equal(found.boxes.length, highlights.length);
    highlights.forEach((h, i) => {
      const b = found.boxes[i];
      const want = { x: found.img.x + h.x * scale, y: found.img.y + h.y * scale, w: h.w * scale, h: h.h * scale };
      for (const k of ["x", "y", "w", "h"]) {
        assert.ok(Math.abs(b[k] - want[k]) < 1.5, `highlight ${i + 1} ${k}: ${b[k].toFixed(1)} ≠ ${want[k].toFixed(1)} at ${width}px`);
      }
      // Its number sits on the middle of its right edge, and the list says what it is.
      const badge = found.badges[i];
      assert.equal(badge.text, String(i + 1));
      assert.ok(Math.abs(badge.x - (want.x + want.w)) < 2 && Math.abs(badge.y - (want.y + want.h / 2)) < 2, `badge ${i + 1}`);
      assert.equal(found.legend[i], h.label);
    });
    await context.close();
  });
}

test("the low-vision version: the list in view, the image behind «Показать изображение»", async () => {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.url + "/lv" + GUIDE);
  const figure = page.locator("figure.shot").first();
  await figure.scrollIntoViewIfNeeded();
  assert.ok(await figure.locator(".shot__legend").isVisible(), "the list is shown");
  assert.equal(await figure.locator(".shot__legend li").count(), highlights.length);
  const img = figure.locator("img");
  assert.equal(await img.isVisible(), false, "the image waits behind its control (images: off by default)");
  await figure.getByText("Показать изображение").click();
  assert.ok(await img.isVisible(), "shown on request");
  // Across the text column.
  const widths = await page.evaluate(() => ({
    img: document.querySelector("figure.shot img").getBoundingClientRect().width,
    column: document.querySelector("figure.shot").getBoundingClientRect().width,
  }));
  assert.ok(Math.abs(widths.img - widths.column) < 1.5, JSON.stringify(widths));
  assert.deepEqual(errors, []);
  await context.close();
});
