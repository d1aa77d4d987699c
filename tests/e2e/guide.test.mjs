// Guide pages on a 390 px phone, normal and low-vision versions (issue #18): the step outline
// and the guide's one progress, abbreviations expanded at first use, plain sources, web addresses
// as links that break only between their parts, and breadcrumb separators and heading anchors
// that never sit alone on a line.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { serve, browser, watchErrors, publicDir } from "./harness.mjs";

const PHONE = { viewport: { width: 390, height: 844 }, locale: "ru-RU" };
const VERSIONS = ["", "/lv"];
let site, chromium;
before(async () => { site = await serve(); chromium = await browser(); });
after(async () => { await chromium?.close(); await site?.close(); });

/** Every page of the normal version (/…/), from the built site. */
async function pages() {
  const out = [];
  for (const entry of await readdir(publicDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name !== "index.html") continue;
    const rel = relative(publicDir, entry.parentPath ?? entry.path);
    if (rel === "lv" || rel.startsWith("lv" + sep)) continue;
    out.push("/" + (rel ? rel.split(sep).join("/") + "/" : ""));
  }
  return out.sort();
}

test("a breadcrumb's «›» and a heading's «#» never sit alone on a line (390 px, both versions)", async () => {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  const failures = [];
  let wrapped = 0;
  for (const path of await pages()) {
    for (const v of VERSIONS) {
      await page.goto(site.url + v + path);
      const found = await page.evaluate(() => {
        const bad = [];
        let wrapped = 0;
        const lineOf = (r) => r.top + r.height / 2;
        // The separator is on the line where its crumb begins.
        for (const s of document.querySelectorAll(".breadcrumbs__sep")) {
          const link = s.parentElement.querySelector("a");
          // The crumb's first character (a link's own box may span several lines).
          const range = document.createRange();
          const text = [...link.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.trim());
          range.setStart(text, 0);
          range.setEnd(text, 1);
          const first = range.getBoundingClientRect();
          const mark = s.getBoundingClientRect();
          if (link.getClientRects().length > 1 || mark.top > document.querySelector(".breadcrumbs").getBoundingClientRect().top + 5) wrapped++;
          if (Math.abs(lineOf(mark) - lineOf(first)) > first.height / 4) bad.push(`breadcrumb «${link.textContent}»`);
        }
        // The anchor is on the line of the heading's last character.
        for (const a of document.querySelectorAll(".heading-anchor")) {
          const h = a.closest("h2, h3, h4, h5, h6");
          const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (a.contains(n) || !n.data.trim() ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
          let last = null;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
          const end = last.data.trimEnd().length;
          const range = document.createRange();
          range.setStart(last, end - 1);
          range.setEnd(last, end);
          const ch = range.getBoundingClientRect();
          const mark = a.getBoundingClientRect();
          if (h.getClientRects()[0].height > mark.height * 1.8) wrapped++;
          if (Math.abs(lineOf(mark) - lineOf(ch)) > ch.height / 2) bad.push(`heading «${h.textContent}»`);
        }
        return { bad, wrapped };
      });
      wrapped += found.wrapped;
      for (const b of found.bad) failures.push(`${v}${path}: ${b}`);
    }
  }
  assert.ok(wrapped > 10, `few breadcrumbs or headings wrap (${wrapped}): the test shows nothing`);
  assert.deepEqual(failures, [], failures.join("\n"));
  await context.close();
});

const REGISO = "/regiso-edo/podklyuchenie/";
const ESIA = "/esia/privyazka/";

test("a guide opens with a numbered outline of its steps, each a link to its section", async () => {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  for (const v of VERSIONS) {
    await page.goto(site.url + v + REGISO);
    const nav = page.getByRole("navigation", { name: "Шаги" });
    const steps = nav.locator("ol > li");
    assert.equal(await steps.count(), 7, v);
    for (let i = 0; i < 7; i++) {
      const link = steps.nth(i).locator("a");
      const heading = await page.locator(await link.getAttribute("href")).textContent();
      assert.match(heading, new RegExp(`^Шаг ${i + 1}\\. ${await link.textContent()}`), `${v}: step ${i + 1}`);
    }
    // At the top: before the guide's text, after its title.
    const before = await page.evaluate(() => {
      const nav = document.querySelector("nav[data-outline]");
      return !!(nav.compareDocumentPosition(document.querySelector(".prose")) & Node.DOCUMENT_POSITION_FOLLOWING)
        && !!(document.querySelector("h1").compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(before, `${v}: the outline comes first`);
    await steps.nth(3).locator("a").click();
    assert.equal(decodeURIComponent(new URL(page.url()).hash), await steps.nth(3).locator("a").getAttribute("href"));
  }
  // A guide without three steps has none.
  await page.goto(site.url + "/o-portale/");
  assert.equal(await page.locator("nav[data-outline]").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a multi-step guide has one progress, one reset and each step's status (task list)", async () => {
  for (const v of VERSIONS) {
    const context = await chromium.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(site.url + v + REGISO);
    const status = page.locator(".checklist-status__text");
    assert.equal(await status.count(), 1, `${v}: one progress`);
    assert.equal(await page.locator(".checklist-status__reset").count(), 1, `${v}: one reset`);
    assert.equal(await status.textContent(), "Выполнено 0 из 7 шагов");
    assert.equal(await page.getByText(/Выполнено 0 из 1$/).count(), 0, "no counter of a single item");
    const outline = page.getByRole("navigation", { name: "Шаги" });
    assert.ok(await status.evaluate((el) => !!el.closest("nav[data-outline]")), "the progress is in the outline");
    const stepStatus = (n) => outline.locator("li").nth(n).locator("[data-step-status]");
    assert.deepEqual(await outline.locator("[data-step-status]").allTextContents(), Array(7).fill("Не начато"));
    // Counters only under lists of several items: «Что подготовить» (4), steps 2, 3, 4 and 7.
    assert.deepEqual(await page.locator(".checklist-count").allTextContents(), ["Отмечено 0 из 4", "Отмечено 0 из 2", "Отмечено 0 из 3", "Отмечено 0 из 2", "Отмечено 0 из 2"]);
    await page.locator("#cl-shag-1-prikaz").check();
    await page.locator("#cl-shag-2-reglament").check();
    assert.equal(await stepStatus(0).textContent(), "Выполнено");
    assert.equal(await stepStatus(1).textContent(), "Выполнено 1 из 2");
    assert.equal(await status.textContent(), "Выполнено 1 из 7 шагов");
    await page.locator("#cl-shag-2-soglashenie").check();
    assert.equal(await status.textContent(), "Выполнено 2 из 7 шагов");
    // The step's link is described by its status.
    const described = await outline.locator("li").nth(1).locator("a").getAttribute("aria-describedby");
    assert.equal(await page.locator(`#${described}`).textContent(), "Выполнено");
    await page.reload();
    assert.equal(await page.locator(".checklist-status__text").textContent(), "Выполнено 2 из 7 шагов");
    // The one reset clears the whole guide.
    page.once("dialog", (d) => d.accept());
    await page.locator(".checklist-status__reset").click();
    assert.equal(await status.textContent(), "Выполнено 0 из 7 шагов");
    assert.equal(await page.locator("ul.checklist input:checked").count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("ticks saved before the task list (same key, same ids) still show", async () => {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(site.url + REGISO);
  await page.evaluate((k) => localStorage.setItem(k, JSON.stringify({ "prikaz-gotov": true, "shag-1-prikaz": true })), `pamyatka:checklist:${REGISO}`);
  for (const v of VERSIONS) {
    await page.goto(site.url + v + REGISO);
    assert.equal(await page.locator("#cl-prikaz-gotov").isChecked(), true, v);
    assert.equal(await page.locator(".checklist-status__text").textContent(), "Выполнено 1 из 7 шагов", v);
  }
  await context.close();
});

test("an abbreviation is expanded in the text at its first use, not in headings or links", async () => {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  const ESIA_FULL = "Единая система идентификации и аутентификации";
  for (const v of VERSIONS) {
    await page.goto(site.url + v + ESIA);
    // The text after the title (the breadcrumbs and the title are links and a heading).
    const text = await page.locator("main").evaluate((m) => {
      const all = m.innerText, h1 = m.querySelector("h1").innerText;
      return all.slice(all.indexOf(h1) + h1.length);
    });
    const first = text.indexOf("ЕСИА");
    assert.ok(first > 0);
    assert.equal(text.slice(first, first + 4 + 3 + ESIA_FULL.length), `ЕСИА (${ESIA_FULL})`, `${v}: the first ЕСИА is expanded`);
    assert.equal(text.split(ESIA_FULL).length - 1, 1, `${v}: once`);
    // «Госуслуги (ЕПГУ)»: explained by the text, not doubled.
    assert.doesNotMatch(text, /\(ЕПГУ\) \(/);
    // Later uses stay short, with the expansion on hover.
    assert.ok(await page.locator(`main p abbr[title="${ESIA_FULL}"]`).count() > 3);
    assert.equal(await page.locator("main :is(h1, h2, h3, a) .abbr--first").count(), 0);
  }
  await context.close();
});

test("a source that names no organisation says so plainly", async () => {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  for (const v of VERSIONS) {
    await page.goto(site.url + v + ESIA);
    const aside = page.getByRole("complementary", { name: "Источник" });
    const facts = (await aside.locator("dt, dd").allInnerTexts()).join(" | ");
    assert.match(facts, /Кто выпустил \| в памятке не указано \| Регион \| Алтайский край/, v);
    assert.doesNotMatch(await aside.textContent(), /Не указана в/);
  }
  await context.close();
});

/** Line breaks inside `el`'s text: the characters on either side of each. */
function breaksIn(el) {
  const chars = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (let i = 0; i < n.data.length; i++) {
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 1);
      const rect = r.getClientRects()[0];
      if (rect) chars.push({ c: n.data[i], top: rect.top, h: rect.height });
    }
  }
  const out = [];
  for (let i = 1; i < chars.length; i++) {
    if (chars[i].top > chars[i - 1].top + chars[i - 1].h / 2) out.push([chars[i - 1].c, chars[i].c]);
  }
  return out;
}

test("a web address in the text is a link and breaks only between its parts (390 px)", async () => {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  let breaks = 0;
  for (const v of VERSIONS) {
    await page.goto(site.url + v + ESIA);
    const root = page.locator("[data-widget=esia]");
    await page.locator("[data-widget=esia][data-ready=true]").waitFor({ timeout: 5000 });
    await root.getByRole("radio", { name: /^Родитель/ }).check();
    await root.getByRole("group", { name: /Какой уровень/ }).getByRole("radio", { name: /ещё нет/ }).check();
    await root.getByRole("group", { name: /Привязана ли/ }).getByRole("radio", { name: "Нет", exact: true }).check();
    const link = root.locator("[data-next-step] a.text-url");
    assert.equal(await link.getAttribute("href"), "https://esia.gosuslugi.ru/registration/", v);
    // Every address on the page: the next step's and those in link texts (sd.72to.ru…).
    for (const path of [ESIA, REGISO]) {
      if (path !== ESIA) await page.goto(site.url + v + path);
      const found = await page.locator("main a").evaluateAll((as, src) => {
        const breaksIn = new Function(`return ${src}`)();
        return as.filter((a) => /[a-z0-9-]\.[a-z]{2,}/i.test(a.textContent)).map((a) => ({ text: a.textContent, breaks: breaksIn(a) }));
      }, breaksIn.toString());
      assert.ok(found.length > 3, `${v}${path}: addresses found`);
      for (const { text, breaks: bs } of found) {
        for (const [before, after] of bs) {
          breaks++;
          const ok = before === "/" || ".?&".includes(after) || /\s/.test(before + after) || /[^a-z0-9./:?&=-]/i.test(before + after);
          assert.ok(ok, `${v}${path}: «${text}» breaks between «${before}» and «${after}»`);
        }
      }
    }
  }
  assert.ok(breaks > 0, "no address wraps: the test shows nothing");
  assert.deepEqual(errors, []);
  await context.close();
});
