// When a page's WebAssembly cannot load (a flaky connection, a locked-down browser), the reader is
// told in Russian what happened and what to do, never the browser's English reason («Failed to
// fetch», «WebAssembly.instantiate(): …»). Each widget is opened on a phone with every `.wasm`
// request refused.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, browser } from "./harness.mjs";

let site, chromium;
before(async () => { site = await serve(); chromium = await browser(); });
after(async () => { await chromium?.close(); await site?.close(); });

/** A phone page on which every WebAssembly download fails. */
async function phoneWithoutWasm() {
  const context = await chromium.newContext({ viewport: { width: 390, height: 844 }, locale: "ru-RU" });
  await context.route(/\.wasm(\?|$)/, (route) => route.abort("failed"));
  return context.newPage();
}

/** The status says the widget is unavailable, in Russian words only, and what to do. */
function assertRussianFailure(text, what) {
  assert.match(text, /недоступ|не удалось/, `${what}: ${text}`);
  assert.match(text, /Обновите страницу|Следуйте|Сверьте/, `${what} says what to do: ${text}`);
  assert.doesNotMatch(text, /[A-Za-z]{3,}/, `${what} shows no English reason: ${text}`);
}

test("the deadline calculator without its module says so in Russian", async () => {
  const page = await phoneWithoutWasm();
  await page.goto(site.url + "/gis-obrazovanie/etap-1/");
  await page.fill("#calc-date", "2026-12-01");
  await page.locator("#calc-date").dispatchEvent("change");
  const status = page.locator("[data-calc-status]");
  await page.waitForFunction(
    () => /недоступ/.test(document.querySelector("[data-calc-status]").textContent),
  );
  assertRussianFailure(await status.textContent(), "calculator");
  await page.context().close();
});

test("the search without its module says so in Russian", async () => {
  const page = await phoneWithoutWasm();
  await page.goto(site.url + "/poisk/?q=" + encodeURIComponent("пароль"));
  await page.waitForFunction(
    () => /недоступ/.test(document.querySelector("[data-search-status]").textContent),
  );
  assertRussianFailure(await page.locator("[data-search-status]").textContent(), "search");
  await page.context().close();
});

test("the account checks without their module say so in Russian", async () => {
  const page = await phoneWithoutWasm();
  await page.goto(site.url + "/esia/privyazka/");
  await page.waitForSelector("[data-ready=error]", { state: "attached" });
  const texts = await page.locator(".account__status").allTextContents();
  const failures = texts.filter((t) => /недоступ/.test(t));
  assert.ok(failures.length > 0, `a status says the check is unavailable: ${JSON.stringify(texts)}`);
  for (const t of failures) assertRussianFailure(t, "ЕСИА wizard");
  await page.context().close();
});
