// Site search in real Chromium: the header's form on any page leads to the search page, Russian
// queries in any form find their pages (the index and the query go through the same stemmer),
// results are announced and keyboard-reachable, the low-vision version stays in itself, and
// without JavaScript the page lists every page instead.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, browser, watchErrors } from "./harness.mjs";

let site, chromium;
before(async () => { site = await serve(); chromium = await browser(); });
after(async () => { await chromium?.close(); await site?.close(); });

async function open(options = {}) {
  const context = await chromium.newContext({ serviceWorkers: "block", ...options });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

async function searchFor(page, query) {
  const input = page.getByLabel("Что найти");
  await input.fill(query);
  await page.waitForFunction((q) => document.querySelector("[data-search-results]").dataset.query === q, query);
  return page.locator(".search-hit__title a").evaluateAll((as) => as.map((a) => new URL(a.href).pathname + new URL(a.href).hash));
}

test("the header's form on any page searches; inflected Russian queries find their pages", async () => {
  const { context, page, errors } = await open();
  await page.goto(site.url + "/fioko/dokumenty-ekspertov/");
  await page.getByLabel("Поиск по памяткам").fill("пароль восстановить");
  await page.getByLabel("Поиск по памяткам").press("Enter");
  await page.waitForURL(/\/poisk\/\?q=/);
  await page.locator("[data-search-form][data-ready]").waitFor();
  await page.waitForFunction(() => /Найдено/.test(document.querySelector("[data-search-status]").textContent));
  assert.equal(await page.getByLabel("Что найти").inputValue(), "пароль восстановить");
  // The parent's guide first (see the phone test below), then the administrators' rows.
  const row = page.locator(".search-hit").nth(1);
  assert.match(await row.locator("a").innerText(), /Восстановление \(изменение\) логина и \(или\) пароля/);
  const marks = await row.locator("mark").allInnerTexts();
  assert.ok(marks.some((m) => /^Восстановлени/i.test(m)) && marks.some((m) => /^парол/i.test(m)), marks.join());
  assert.equal(await page.locator("[data-search-status]").getAttribute("role"), "status");

  for (const [query, path] of [
    ["привязать госуслуги к дневнику", "/esia/privyazka/"],
    ["архивы документов экспертов", "/fioko/dokumenty-ekspertov/"],
    ["заявлению о присоединении", "/regiso-edo/podklyuchenie/"],
    ["единой системы идентификации", "/esia/privyazka/"],
  ]) {
    const hits = await searchFor(page, query);
    assert.ok(hits.slice(0, 3).includes(path), `«${query}» → ${hits.slice(0, 3).join(", ")}`);
  }
  // The URL follows the query, so a search can be shared or bookmarked.
  assert.match(decodeURIComponent(page.url()), /q=единой\+системы\+идентификации/);
  // Following a result lands on the row of the regulation table.
  await searchFor(page, "пароль восстановить");
  await Promise.all([page.waitForURL(/#r-2-/), page.locator(".search-hit__title a").nth(1).click()]);
  assert.equal(await page.locator(new URL(page.url()).hash).isVisible(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a search downloads only the pieces of the index it needs", async () => {
  const { context, page, errors } = await open();
  const pieces = [];
  page.on("request", (r) => { if (/\/search\/[td]\d+\.js$/.test(r.url())) pieces.push(new URL(r.url()).pathname); });
  await page.goto(site.url + "/poisk/");
  await page.locator("[data-search-form][data-ready]").waitFor();
  assert.deepEqual(pieces, [], "nothing before a query");
  await searchFor(page, "пароль восстановить");
  const first = pieces.length;
  assert.ok(pieces.some((p) => /\/t\d+\.js$/.test(p)) && pieces.some((p) => /\/d\d+\.js$/.test(p)), pieces.join());
  // The same query again needs nothing new; each piece is fetched once.
  await searchFor(page, "снилс");
  await searchFor(page, "пароль восстановить");
  assert.equal(new Set(pieces).size, pieces.length, pieces.join());
  assert.ok(first < 20, `${first} pieces for one query`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("nothing found says so and offers the list of pages; keyboard reaches the results", async () => {
  const { context, page, errors } = await open();
  await page.goto(site.url + "/poisk/?q=абракадабра");
  await page.locator("[data-search-form][data-ready]").waitFor();
  await page.waitForFunction(() => /ничего не найдено/.test(document.querySelector("[data-search-status]").textContent));
  assert.equal(await page.locator("[data-search-all]").isVisible(), true);
  // With JavaScript on, the list does not say that search needs JavaScript.
  assert.doesNotMatch(await page.locator("[data-search-all]").innerText(), /JavaScript/);
  const hits = await searchFor(page, "снилс");
  assert.ok(hits.length > 0);
  // Snippets read as text: no headings' «#», no block run into the next without a stop.
  const snippets = await page.locator(".search-hit").allInnerTexts();
  for (const s of snippets) assert.doesNotMatch(s, /(^|\s)#(\s|$)/, s);
  assert.equal(await page.locator("[data-search-all]").isVisible(), false);
  await page.getByLabel("Что найти").focus();
  await page.keyboard.press("Tab"); // the button
  await page.keyboard.press("Tab"); // the first result
  assert.equal(await page.evaluate(() => document.activeElement.closest(".search-hit") !== null), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the low-vision version's search keeps its results inside it", async () => {
  const { context, page, errors } = await open();
  // The header's search, from a low-vision page, leads to the low-vision search page.
  await page.goto(site.url + "/lv/esia/");
  await page.getByLabel("Поиск по памяткам").fill("ЕСИА");
  await Promise.all([page.waitForURL(/\/poisk\//), page.getByLabel("Поиск по памяткам").press("Enter")]);
  assert.equal(new URL(page.url()).pathname, "/lv/poisk/");
  await page.locator("[data-search-form][data-ready]").waitFor();
  await page.waitForFunction(() => /Найдено/.test(document.querySelector("[data-search-status]").textContent));
  const hrefs = await page.locator(".search-hit__title a").evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  assert.ok(hrefs.length > 0);
  for (const h of hrefs) assert.ok(h.startsWith("/lv/"), h);
  assert.deepEqual(errors, []);
  await context.close();
});

test("without JavaScript the low-vision header search stays in the low-vision version", async () => {
  const { context, page } = await open({ javaScriptEnabled: false });
  await page.goto(site.url + "/lv/esia/");
  await page.getByLabel("Поиск по памяткам").fill("пароль");
  await Promise.all([page.waitForURL(/\/poisk\//), page.getByLabel("Поиск по памяткам").press("Enter")]);
  assert.equal(new URL(page.url()).pathname, "/lv/poisk/");
  const hrefs = await page.locator("[data-search-all] a").evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  assert.ok(hrefs.length >= 20, `${hrefs.length} links`);
  for (const h of hrefs) assert.ok(h.startsWith("/lv/"), h);
  await context.close();
});

test("when the search module cannot be loaded the page says so in Russian and lists every page", async () => {
  const { context, page } = await open();
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto(site.url + "/poisk/?q=пароль");
  const status = page.locator("[data-search-status]");
  await page.waitForFunction(() => /недоступен/.test(document.querySelector("[data-search-status]").textContent));
  assert.equal(await status.innerText(), "Поиск сейчас недоступен: страница не смогла загрузить указатель поиска. Обновите страницу. Все страницы перечислены ниже.");
  assert.equal(await page.locator("[data-search-all]").isVisible(), true);
  assert.ok((await page.locator("[data-search-all] a").count()) >= 20);
  await context.close();
});

test("without JavaScript the search page lists every page", async () => {
  const { context, page } = await open({ javaScriptEnabled: false });
  await page.goto(site.url + "/poisk/?q=пароль");
  const links = await page.locator("[data-search-all] a").count();
  assert.ok(links >= 20, `${links} links`);
  assert.equal(await page.locator("[data-search-all] a", { hasText: "Как получить подтверждённую учётную запись ЕСИА" }).count(), 1);
  assert.match(await page.locator(".search-all__note").innerText(), /включён JavaScript/);
  await context.close();
});

// Issue #18 item 5: what a parent types on a phone. Each test fails without its fix in the
// search core (wasm/src/search.rs), which the page runs as WASM.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const correctionLine = (page) => page.locator(".search-results__correction");
// The search page on a phone, ready to search (with ?q=query when given).
async function onPhone(query) {
  const opened = await open(PHONE);
  await opened.page.goto(site.url + "/poisk/" + (query ? "?q=" + encodeURIComponent(query) : ""));
  await opened.page.locator("[data-search-form][data-ready]").waitFor();
  return opened;
}

test("phone: a misspelt word («госуслги») finds the pages and offers «Возможно, вы имели в виду: госуслуги»", async () => {
  const { context, page, errors } = await onPhone();
  const hits = await searchFor(page, "госуслги");
  assert.ok(hits.includes("/esia/") && hits.includes("/esia/privyazka/"), hits.join());
  assert.equal(await correctionLine(page).innerText(), "Возможно, вы имели в виду: госуслуги");
  assert.equal(await correctionLine(page).isVisible(), true);
  // The suggestion is a link that runs the corrected query.
  await correctionLine(page).getByRole("link", { name: "госуслуги" }).click();
  await page.waitForFunction(() => document.querySelector("[data-search-results]").dataset.query === "госуслуги");
  assert.equal(await page.getByLabel("Что найти").inputValue(), "госуслуги");
  assert.match(decodeURIComponent(page.url()), /q=госуслуги/);
  assert.equal(await correctionLine(page).count(), 0, "a query typed right offers nothing");
  const right = await page.locator(".search-hit__title a").evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  assert.deepEqual(right, hits);
  // a correct word is not «corrected»
  await searchFor(page, "снилс");
  assert.equal(await correctionLine(page).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("phone: «Cнилс» typed with a Latin C finds what «снилс» finds", async () => {
  const { context, page, errors } = await onPhone();
  const latin = await searchFor(page, "Cнилс");
  assert.ok(latin.includes("/fioko/dokumenty-ekspertov/"), latin.join());
  assert.equal(await correctionLine(page).count(), 0);
  const marks = await page.locator(".search-hit mark").allInnerTexts();
  assert.ok(marks.some((m) => /^снилс/i.test(m)), marks.join());
  assert.deepEqual(await searchFor(page, "снилс"), latin);
  assert.deepEqual(errors, []);
  await context.close();
});

test("phone: «детсад» finds the kindergarten module through the synonym list", async () => {
  const { context, page, errors } = await onPhone("детсад");
  await page.waitForFunction(() => document.querySelector("[data-search-results]").dataset.query === "детсад");
  const hits = await page.locator(".search-hit__title a").evaluateAll((as) => as.map((a) => new URL(a.href).pathname + new URL(a.href).hash));
  assert.equal(hits[0], "/gis-obrazovanie/modul-2-2/", hits.join());
  assert.match(await page.locator("[data-search-status]").innerText(), /^Найдено/);
  assert.equal(await correctionLine(page).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("phone: «восстановить пароль» puts the parent's guide before the administrators' rows", async () => {
  const { context, page, errors } = await onPhone();
  const hits = await searchFor(page, "восстановить пароль");
  assert.equal(hits[0], "/esia/privyazka/", hits.join());
  assert.match(hits[1], /^\/gis-obrazovanie\/etap-2\/#r-2-/, hits.join());
  const first = page.locator(".search-hit").first();
  assert.match(await first.locator("a").innerText(), /Как получить подтверждённую учётную запись ЕСИА/);
  // the guide's snippet shows where it says so
  assert.match(await first.locator(".search-hit__snippet").innerText(), /Восстановить пароль/);
  assert.deepEqual(errors, []);
  await context.close();
});
